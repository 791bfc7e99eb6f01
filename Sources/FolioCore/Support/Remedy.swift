/// What a person can do about a failure, as a value. Core names the step and its subjects; the
/// front end says it in its own terms (the CLI as the command line to run), so no message in
/// Core names a command or an option.
public enum Remedy: Sendable, Equatable {
    /// Create the store, or point at an existing one.
    case createStore
    /// Use another store location, or fix the permissions of this one.
    case chooseAnotherStore
    /// Try again once the other process that holds the store's lock is done, or wait longer
    /// for it (the lock wait's timeout).
    case waitLongerForLock
    /// Restore the database from a backup.
    case restoreBackup
    /// Put back the master key file at `path` from the backup kept of it: the key the store's
    /// secrets are sealed under (a database backup does not hold it).
    case restoreMasterKey(path: String)
    /// Take group's and others' permissions away from `path` (`mode`: what it should be, 0o600
    /// for a file, 0o700 for a directory), as ssh asks of private keys.
    case restrictPermissions(path: String, mode: UInt32)
    /// Look the handle up among the tenants / issuers / keys.
    case listTenants, listIssuers, listKeys
    case activateTenant(String)
    /// Verify the tenant, or override as an admin.
    case verifyTenant(String)
    /// Give the verification token (or override as an admin).
    case giveVerificationToken(String)
    /// Use the token of the latest e-mail, or have a new one sent.
    case useLatestToken(String)
    case resendVerification(String)
    case promoteTenant(String)
    case changeTier(tenant: String, tier: String)
    case mintKey(tenant: String)
    /// Add a further issuer of the tenant.
    case createIssuer(tenant: String)
    /// Use another establishment or emission point (that series exists).
    case chooseAnotherSeries
    case enableDocumentType(issuer: String, code: String)
    /// Generate a certificate for the issuer, or import one.
    case giveCertificate(issuer: String)
    /// Import a current certificate for the issuer.
    case importCurrentCertificate(issuer: String)
    /// Start the list again from its first page, or continue it in the order its cursor was
    /// made in (`sortedBy`, when known).
    case restartList(sortedBy: String?)
    /// Give an export a date range, or ask for every date explicitly.
    case chooseExportPeriod
    /// Name the tenant whose documents an export holds.
    case nameExportTenant
    /// List the exports there are.
    case listExports
    /// List the webhook endpoints there are.
    case listWebhooks
}
