/// The schema, as an ordered list of forward migrations. `PRAGMA user_version` holds how many
/// have run. Portable SQL where it costs nothing: TEXT timestamps in RFC 3339 UTC (which sort
/// as text), TEXT ids, no SQLite-only column types.
enum Migrations {
    static let all: [String] = [
        // 1: the walking skeleton — tenants, audit log, domain events, idempotency records.
        """
        CREATE TABLE meta (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE tenants (
            id TEXT PRIMARY KEY,
            email TEXT NOT NULL,
            email_normalized TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            tier TEXT NOT NULL,
            language TEXT NOT NULL,
            status TEXT NOT NULL,
            environment TEXT NOT NULL,
            verified_at TEXT,
            suspended_reason TEXT,
            verification_token_hash TEXT,
            verification_expires_at TEXT,
            trial_ends_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX tenants_status ON tenants(status, id);
        CREATE INDEX tenants_tier ON tenants(tier, id);
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            time TEXT NOT NULL,
            actor TEXT NOT NULL,
            command TEXT NOT NULL,
            action TEXT NOT NULL,
            target_id TEXT,
            tenant_id TEXT,
            outcome TEXT NOT NULL,
            details TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX audit_target ON audit_log(target_id, seq);
        CREATE TABLE events (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL,
            tenant_id TEXT,
            target_id TEXT,
            payload TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX events_tenant ON events(tenant_id, seq);
        CREATE TABLE idempotency_records (
            key TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            exit_status INTEGER NOT NULL,
            sealed_stdout BLOB NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        );
        CREATE INDEX idempotency_expiry ON idempotency_records(expires_at);
        """,
    ]

    static var latestVersion: Int { all.count }
}
