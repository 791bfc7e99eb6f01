#!/usr/bin/env bash
# Times the hidden `folio __complete KIND -- PREFIX` (what the completion scripts run on <TAB>)
# on a store of 100,000 tenants, 100,000 API keys and 100,000 documents, against one sqlite3
# invocation running the same indexed prefix queries on the same file, measured in the same
# run (bench/interleave.py: alternating rounds, spawn cost subtracted, medians and ratio).
# Target (issue 9): folio answers within 50 ms, spawn included.
#
# The store is made by `folio init` and one `tenants register` (folio's own schema and rows);
# the bulk rows are inserted with sqlite3 in folio's shapes: ULID-like ids (ten_01JD…),
# displayed starts folio_test_XXXX (4 base62 characters; no secret exists for them), 49-digit
# access keys, a summary with the buyer's name. Every tenth key is revoked.
#
# Usage: bench/complete.sh                         (builds release in the package at the repo root)
#        FOLIO_BIN=/path/to/folio bench/complete.sh (skip the build)
#        ROWS=100000 RUNS=200 KEEP=1 bench/complete.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
package=$(dirname "$here")
rows=${ROWS:-100000}
runs=${RUNS:-200}

source "$here/common.sh"
folio_binary "$package"
require_tools sqlite3 python3

scratch_directory
export FOLIO_STORE="$work/store"
db="$FOLIO_STORE/folio.db"
"$FOLIO_BIN" init >/dev/null 2>&1
"$FOLIO_BIN" tenants register --email bench@example.com --name Bench -q >/dev/null 2>&1

echo "inserting $rows tenants, keys and documents with sqlite3 ..." >&2
sqlite3 "$db" <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO tenants (id, email, email_normalized, name, tier, language, status, environment, created_at, updated_at)
SELECT printf('ten_01JD%022d', i), printf('user%d@example.com', i), printf('user%d@example.com', i),
       printf('Tenant %d', i), 'starter', 'es', 'active', 'sandbox', '2026-11-22T08:00:00Z', '2026-11-22T08:00:00Z'
FROM n;
-- Displayed starts: 4 base62 characters from i (62^4 > 100,000, so each start names one key).
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows),
     b(a) AS (SELECT '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')
INSERT INTO api_keys (id, tenant_id, environment, label, scopes, key_hash, start, rate_limit_count, rate_limit_seconds,
                      window_count, revoked_at, created_at, created_by)
SELECT printf('key_01JD%022d', i), printf('ten_01JD%022d', i), 'sandbox', printf('ci-%d', i % 50), 'documents:read',
       printf('%064x', i),
       'folio_test_' || substr(a, (i / 238328) % 62 + 1, 1) || substr(a, (i / 3844) % 62 + 1, 1)
                     || substr(a, (i / 62) % 62 + 1, 1) || substr(a, i % 62 + 1, 1),
       100, 60, 0, CASE WHEN i % 10 = 0 THEN '2026-11-22T09:00:00Z' END, '2026-11-22T08:00:00Z', 'bench'
FROM n, b;
INSERT INTO issuer_certificates (id, tenant_id, source, certificate_der, sealed_private_key, subject, issuer_name, serial,
                                 not_before, not_after, fingerprint_sha256, created_at)
VALUES ('crt_bench', 'ten_01JD0000000000000000000001', 'generated', x'00', x'00', 'CN=Bench', 'CN=Bench', '01',
        '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', '00', '2026-11-22T08:00:00Z');
INSERT INTO issuers (id, tenant_id, name, ruc, legal_name, address, establishment, emission_point, keeps_accounts,
                     certificate_id, created_at, updated_at)
VALUES ('iss_01JD0000000000000000000001', 'ten_01JD0000000000000000000001', 'Matriz', '1790011674001', 'Bench S.A.',
        'Quito', '001', '001', 0, 'crt_bench', '2026-11-22T08:00:00Z', '2026-11-22T08:00:00Z');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO documents (id, tenant_id, issuer_id, document_type, access_key, series, sequential, environment, issue_date,
                       status, profile, certificate_id, total, summary, signed_xml, created_at, updated_at)
SELECT printf('doc_01JD%022d', i), 'ten_01JD0000000000000000000001', 'iss_01JD0000000000000000000001', '01',
       printf('2211202601179001167400110010010%09d12345678%d', i, i % 10), '001-001', i, 'sandbox', '2026-11-22',
       'signed', 'sri', 'crt_bench', '2.80', printf('{"buyer":{"name":"Buyer %d"}}', i), x'3c612f3e',
       '2026-11-22T08:00:00Z', '2026-11-22T08:00:00Z'
FROM n;
COMMIT;
SQL
test "$(sqlite3 "$db" 'SELECT count(*) FROM documents')" = "$rows"

doc_prefix=doc_01JD$(printf '%018d' 1)   # documents 10,000 to 19,999
doc_upper=doc_01JD$(printf '%018d' 2)

# The reference: sqlite3 running the queries of Sources/FolioCore/Store/CompletionSQL.swift
# with the same bounds, printing tab-separated rows like folio.
ref_tenants="SELECT id, name FROM tenants WHERE id >= 'user1' AND id < 'user2' ORDER BY id LIMIT 100;
SELECT email_normalized, name FROM tenants WHERE email_normalized >= 'user1' AND email_normalized < 'user2'
  ORDER BY email_normalized LIMIT 100;"
ref_keys="SELECT k.id, k.label, t.email_normalized FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
  WHERE k.id >= 'folio_test_0A' AND k.id < 'folio_test_0B' AND k.revoked_at IS NULL ORDER BY k.id LIMIT 100;
SELECT k.start, k.label, t.email_normalized FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
  WHERE k.start >= 'folio_test_0A' AND k.start < 'folio_test_0B' AND k.revoked_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM api_keys o WHERE o.start = k.start AND o.id <> k.id) ORDER BY k.start LIMIT 100;"
ref_documents="SELECT id, series || '-' || printf('%09d', sequential), json_extract(summary, '\$.buyer.name') FROM documents
  WHERE id >= '$doc_prefix' AND id < '$doc_upper' ORDER BY id LIMIT 100;
SELECT access_key, series || '-' || printf('%09d', sequential), json_extract(summary, '\$.buyer.name') FROM documents
  WHERE access_key >= '$doc_prefix' AND access_key < '$doc_upper' ORDER BY access_key LIMIT 100;"

# Sanity before timing: both sides answer 100 lines (set -e stops here otherwise).
for check in "tenants user1" "unrevoked-keys folio_test_0A" "documents $doc_prefix"; do
    set -- $check
    test "$("$FOLIO_BIN" __complete "$1" -- "$2" | wc -l)" = 100
done
test "$(sqlite3 -separator $'\t' "$db" "$ref_tenants" | wc -l)" = 100
test "$(sqlite3 -separator $'\t' "$db" "$ref_keys" | wc -l)" = 100
test "$(sqlite3 -separator $'\t' "$db" "$ref_documents" | wc -l)" = 100

bench() {
    echo "$1"
    python3 "$here/interleave.py" "$runs" "folio __complete $2 -- $3" - -- "$FOLIO_BIN" __complete "$2" -- "$3" \
        ++ "sqlite3 same queries" - -- sqlite3 -separator $'\t' "$db" "$4"
    echo
}
bench "tenants: ids and e-mails starting with user1 (11,111 match; 100 shown)" tenants user1 "$ref_tenants"
bench "keys revoke: unrevoked key ids and starts starting with folio_test_0A (3,844 match; 100 shown)" unrevoked-keys folio_test_0A "$ref_keys"
bench "documents: ids and access keys starting with $doc_prefix (10,000 match; 100 shown)" documents "$doc_prefix" "$ref_documents"
echo "target: folio's median + spawn cost <= 50 ms; medians of $runs interleaved runs, spawn cost subtracted"
