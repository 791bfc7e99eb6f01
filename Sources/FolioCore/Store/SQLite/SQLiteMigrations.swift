/// The schema in SQLite's DDL, as an ordered list of forward migrations (see `Migrations`).
/// `PRAGMA user_version` holds how many have run. Portable SQL where it costs nothing: TEXT
/// timestamps in RFC 3339 UTC (which sort as text), TEXT ids, no SQLite-only column types.
enum SQLiteMigrations {
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
        // 2: API keys (issue 3). Only the SHA-256 of a key is kept (key_hash, unique, so
        // indexed for `keys verify`) and its displayed start. window_start (Unix seconds) and
        // window_count are the fixed rate-limit window, updated by `keys verify`.
        """
        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY,
            tenant_id TEXT NOT NULL REFERENCES tenants(id),
            environment TEXT NOT NULL,
            label TEXT,
            scopes TEXT NOT NULL,
            key_hash TEXT NOT NULL UNIQUE,
            start TEXT NOT NULL,
            rate_limit_count INTEGER NOT NULL,
            rate_limit_seconds INTEGER NOT NULL,
            window_start INTEGER,
            window_count INTEGER NOT NULL DEFAULT 0,
            expires_at TEXT,
            revoked_at TEXT,
            revoked_reason TEXT,
            rotated_to TEXT,
            rotated_from TEXT,
            last_used_at TEXT,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL
        );
        CREATE INDEX api_keys_tenant ON api_keys(tenant_id, id);
        CREATE INDEX api_keys_start ON api_keys(start);
        """,
        // 3: issuers, their certificates and document types; sequential counters; signed
        // documents (issue 4). A certificate row is shared by the issuers that point at it
        // (--inherit-cert-from). Its private key is PKCS#8 DER sealed with AES-256-GCM under the
        // master key (aad = the certificate id). `document_sequences` holds the last sequential
        // per issuer+type+series, incremented inside the BEGIN IMMEDIATE transaction that stores
        // the document, so parallel processes get no gap and no duplicate.
        """
        CREATE TABLE issuer_certificates (
            id TEXT PRIMARY KEY,
            tenant_id TEXT NOT NULL REFERENCES tenants(id),
            source TEXT NOT NULL,
            certificate_der BLOB NOT NULL,
            sealed_private_key BLOB NOT NULL,
            subject TEXT NOT NULL,
            issuer_name TEXT NOT NULL,
            serial TEXT NOT NULL,
            not_before TEXT NOT NULL,
            not_after TEXT NOT NULL,
            fingerprint_sha256 TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX issuer_certificates_tenant ON issuer_certificates(tenant_id, id);
        CREATE TABLE issuers (
            id TEXT PRIMARY KEY,
            tenant_id TEXT NOT NULL REFERENCES tenants(id),
            name TEXT NOT NULL,
            ruc TEXT NOT NULL,
            legal_name TEXT NOT NULL,
            trade_name TEXT,
            address TEXT NOT NULL,
            establishment_address TEXT,
            establishment TEXT NOT NULL,
            emission_point TEXT NOT NULL,
            keeps_accounts INTEGER NOT NULL,
            special_taxpayer TEXT,
            certificate_id TEXT REFERENCES issuer_certificates(id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (tenant_id, establishment, emission_point)
        );
        CREATE INDEX issuers_tenant ON issuers(tenant_id, id);
        CREATE TABLE issuer_document_types (
            issuer_id TEXT NOT NULL REFERENCES issuers(id),
            document_type TEXT NOT NULL,
            enabled_at TEXT NOT NULL,
            PRIMARY KEY (issuer_id, document_type)
        );
        CREATE TABLE document_sequences (
            issuer_id TEXT NOT NULL REFERENCES issuers(id),
            document_type TEXT NOT NULL,
            series TEXT NOT NULL,
            last_value INTEGER NOT NULL,
            PRIMARY KEY (issuer_id, document_type, series)
        );
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            tenant_id TEXT NOT NULL REFERENCES tenants(id),
            issuer_id TEXT NOT NULL REFERENCES issuers(id),
            document_type TEXT NOT NULL,
            access_key TEXT NOT NULL UNIQUE,
            series TEXT NOT NULL,
            sequential INTEGER NOT NULL,
            environment TEXT NOT NULL,
            issue_date TEXT NOT NULL,
            status TEXT NOT NULL,
            profile TEXT NOT NULL,
            certificate_id TEXT NOT NULL REFERENCES issuer_certificates(id),
            total TEXT NOT NULL,
            summary TEXT NOT NULL,
            signed_xml BLOB NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (issuer_id, document_type, series, sequential)
        );
        CREATE INDEX documents_tenant ON documents(tenant_id, id);
        CREATE INDEX documents_issuer ON documents(issuer_id, id);
        """,
        // 4: the master key's check value (issue 11), a row of meta (see MasterKeyCheck). `init`
        // writes the value of the store's key; a store made before gets 'pending', replaced by
        // the value of the key the next command opens.
        """
        INSERT INTO meta (name, value) VALUES ('master_key_check', 'pending');
        """,
        // 5: finding things (issue 12). `tenant_search` holds each tenant's e-mail and name
        // folded for search (`TextFolding`), written by Swift: SQL has no accent folding, so
        // `Migrations.afterScript` fills it for the tenants there are. A table of its own,
        // clustered by tenant id (WITHOUT ROWID), so that a search reads it in id order and
        // stops once a page is full, touching `tenants` only for matches; and none of the
        // tenants table's plans change. `issuers_ruc` finds tenants by their issuers' RUC;
        // `audit_tenant` and `audit_action` serve the audit log's filters. IF NOT EXISTS: a
        // store whose recorded version was set back runs this again unharmed.
        """
        CREATE TABLE IF NOT EXISTS tenant_search (
            tenant_id TEXT PRIMARY KEY REFERENCES tenants(id),
            text TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS issuers_ruc ON issuers(ruc, tenant_id);
        CREATE INDEX IF NOT EXISTS audit_tenant ON audit_log(tenant_id, seq);
        CREATE INDEX IF NOT EXISTS audit_action ON audit_log(action, seq);
        """,
        // 6: finding documents (issue 13). The documents table is made again with three list
        // columns, placed before signed_xml so that reading them never walks the XML's
        // overflow pages: total_cents (the total as whole cents, to sort and compare exactly),
        // buyer_identification and buyer_name_folded (`TextFolding`), which were only inside
        // the summary's JSON; `Migrations.afterScript` fills them. The indexes let every list
        // read its rows in its sort's order, seeking past the cursor: by date or total, alone
        // or after an equality on tenant, issuer or buyer. `events_target` finds a document's
        // events. Safe to run again on a store whose recorded version was set back.
        """
        DROP TABLE IF EXISTS documents_v6;
        CREATE TABLE documents_v6 (
            id TEXT PRIMARY KEY,
            tenant_id TEXT NOT NULL REFERENCES tenants(id),
            issuer_id TEXT NOT NULL REFERENCES issuers(id),
            document_type TEXT NOT NULL,
            access_key TEXT NOT NULL UNIQUE,
            series TEXT NOT NULL,
            sequential INTEGER NOT NULL,
            environment TEXT NOT NULL,
            issue_date TEXT NOT NULL,
            status TEXT NOT NULL,
            profile TEXT NOT NULL,
            certificate_id TEXT NOT NULL REFERENCES issuer_certificates(id),
            total TEXT NOT NULL,
            total_cents INTEGER NOT NULL DEFAULT 0,
            buyer_identification TEXT NOT NULL DEFAULT '',
            buyer_name_folded TEXT NOT NULL DEFAULT '',
            summary TEXT NOT NULL,
            signed_xml BLOB NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (issuer_id, document_type, series, sequential)
        );
        INSERT INTO documents_v6 (id, tenant_id, issuer_id, document_type, access_key, series, sequential, environment,
            issue_date, status, profile, certificate_id, total, summary, signed_xml, created_at, updated_at)
        SELECT id, tenant_id, issuer_id, document_type, access_key, series, sequential, environment,
            issue_date, status, profile, certificate_id, total, summary, signed_xml, created_at, updated_at FROM documents;
        DROP TABLE documents;
        ALTER TABLE documents_v6 RENAME TO documents;
        CREATE INDEX documents_date ON documents(issue_date, id);
        CREATE INDEX documents_total ON documents(total_cents, id);
        CREATE INDEX documents_tenant_date ON documents(tenant_id, issue_date, id);
        CREATE INDEX documents_tenant_total ON documents(tenant_id, total_cents, id);
        CREATE INDEX documents_issuer_date ON documents(issuer_id, issue_date, id);
        CREATE INDEX documents_issuer_total ON documents(issuer_id, total_cents, id);
        CREATE INDEX documents_buyer_date ON documents(buyer_identification, issue_date, id);
        CREATE INDEX IF NOT EXISTS events_target ON events(target_id, seq);
        """,
        // 7: export archives (issue 14). One row per archive written to exports/, made only
        // after the archive was renamed into place: filters as JSON, counts, exact decimal sums
        // as text, the archive's SHA-256 and size; status completed, or pruned once its file is
        // deleted (the row stays). `exports_tenant` lists a tenant's, newest first.
        """
        CREATE TABLE IF NOT EXISTS exports (
            id TEXT PRIMARY KEY,
            tenant_id TEXT NOT NULL REFERENCES tenants(id),
            status TEXT NOT NULL,
            filters TEXT NOT NULL,
            include_ride INTEGER NOT NULL,
            document_count INTEGER NOT NULL,
            file_count INTEGER NOT NULL,
            subtotal TEXT NOT NULL,
            tax TEXT NOT NULL,
            total TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            pruned_at TEXT
        );
        CREATE INDEX IF NOT EXISTS exports_tenant ON exports(tenant_id, id);
        """,
        // 8: notifications and their preferences (issue 15). A notification is a row for a
        // tenant (and the issuer it concerns, when one): its type, title and message as data,
        // details as JSON, read_at once read. certificate_id and threshold (days: 30, 7, 1; 0 for
        // expired) are set on certificate notifications only: UNIQUE on them is what makes each
        // one "once", however many `jobs run` race (the insert does nothing on conflict; NULLs
        // never conflict). notification_preferences holds only the types a tenant switched;
        // a type without a row is on.
        """
        CREATE TABLE IF NOT EXISTS notifications (
            id TEXT PRIMARY KEY,
            tenant_id TEXT NOT NULL REFERENCES tenants(id),
            issuer_id TEXT REFERENCES issuers(id),
            type TEXT NOT NULL,
            title TEXT NOT NULL,
            message TEXT NOT NULL,
            details TEXT NOT NULL,
            certificate_id TEXT REFERENCES issuer_certificates(id),
            threshold INTEGER,
            created_at TEXT NOT NULL,
            read_at TEXT,
            UNIQUE (certificate_id, threshold)
        );
        CREATE INDEX IF NOT EXISTS notifications_tenant ON notifications(tenant_id, id);
        CREATE INDEX IF NOT EXISTS notifications_issuer ON notifications(issuer_id, id);
        CREATE TABLE IF NOT EXISTS notification_preferences (
            tenant_id TEXT NOT NULL REFERENCES tenants(id),
            type TEXT NOT NULL,
            enabled INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (tenant_id, type)
        );
        """,
        // 9: webhooks (issue 15). Endpoints, soft-deleted, with the secret (and a rotation's previous
        // one) sealed under the master key; `events` is "*" or type names joined by commas. One
        // message per event and endpoint (unique: a replay resets it, its webhook-id stays).
        """
        CREATE TABLE IF NOT EXISTS webhook_endpoints (
            id TEXT PRIMARY KEY,
            tenant_id TEXT NOT NULL REFERENCES tenants(id),
            url TEXT NOT NULL,
            events TEXT NOT NULL,
            active INTEGER NOT NULL,
            address_check TEXT NOT NULL,
            sealed_secret BLOB NOT NULL,
            previous_sealed_secret BLOB,
            previous_expires_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX IF NOT EXISTS webhook_endpoints_tenant ON webhook_endpoints(tenant_id, id);
        CREATE TABLE IF NOT EXISTS webhook_messages (
            seq INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL REFERENCES events(id),
            endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id),
            status TEXT NOT NULL,
            attempt_count INTEGER NOT NULL,
            next_attempt_at TEXT,
            replay_count INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (event_id, endpoint_id)
        );
        CREATE INDEX IF NOT EXISTS webhook_messages_due ON webhook_messages(status, next_attempt_at);
        CREATE INDEX IF NOT EXISTS webhook_messages_endpoint ON webhook_messages(endpoint_id, seq);
        CREATE INDEX IF NOT EXISTS events_time ON events(created_at, seq);
        """,
        // 10: webhook delivery (issue 15). A message is claimed by one worker with a lease (its
        // row in webhook_leases: owner, until) in a short write transaction; every attempt is a
        // row. The lease is a table of its own, not columns of webhook_messages, because every
        // script must run again unharmed and ALTER TABLE ADD COLUMN cannot.
        """
        CREATE TABLE IF NOT EXISTS webhook_leases (
            message_seq INTEGER PRIMARY KEY REFERENCES webhook_messages(seq),
            owner TEXT NOT NULL,
            lease_until TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS webhook_attempts (
            id TEXT PRIMARY KEY,
            message_seq INTEGER NOT NULL REFERENCES webhook_messages(seq),
            endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id),
            event_id TEXT NOT NULL REFERENCES events(id),
            attempt_number INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            duration_ms INTEGER NOT NULL,
            status_code INTEGER,
            error TEXT,
            response_excerpt TEXT NOT NULL,
            outcome TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS webhook_attempts_endpoint ON webhook_attempts(endpoint_id, id);
        CREATE INDEX IF NOT EXISTS webhook_attempts_event ON webhook_attempts(event_id, id);
        CREATE INDEX IF NOT EXISTS webhook_attempts_message ON webhook_attempts(message_seq, id);
        """,
    ]
}
