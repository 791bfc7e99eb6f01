/// The types of domain events (the webhook outbox), as stored and as integrators filter them.
/// Names never change once published; new ones are added.
public enum EventType: String, Sendable, CaseIterable {
    case tenantCreated = "tenant.created"
    case tenantVerified = "tenant.verified"
    case tenantUpdated = "tenant.updated"
    case tenantSuspended = "tenant.suspended"
    case tenantActivated = "tenant.activated"
    case tenantPromoted = "tenant.promoted"
    case keyCreated = "key.created"
    case keyRevoked = "key.revoked"
    case keyRotated = "key.rotated"
    case issuerCreated = "issuer.created"
    case issuerUpdated = "issuer.updated"
    case issuerCertificateChanged = "issuer.certificate_changed"
    case documentSigned = "document.signed"
    case exportCompleted = "export.completed"
    case exportPruned = "export.pruned"
    /// A notification was made for a tenant ("notifications are events too"): webhooks fan it out.
    case notificationCreated = "notification.created"
    case webhookCreated = "webhook.created"
    case webhookUpdated = "webhook.updated"
    case webhookDeleted = "webhook.deleted"
    case webhookSecretRotated = "webhook.secret_rotated"
}
