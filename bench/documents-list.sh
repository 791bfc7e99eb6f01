#!/usr/bin/env bash
# Times `folio documents list` (issue 13) on a store of 200,000 documents: the first page
# (and the second, the first with a cursor) against the last page, each against sqlite3 running the same statement on the same file, in
# the same run (bench/interleave.py: alternating rounds, spawn cost subtracted, medians).
# Keyset pages cost the same wherever they are; for contrast, sqlite3 also runs the last page
# the OFFSET way (what folio does not do), whose cost grows with the position.
#
# The store is made by `folio init` (folio's schema, migration 6); the bulk rows are inserted
# with sqlite3 in folio's shapes: one tenant (ana@example.com) with two issuers, 200,000
# documents over 2025–2026 with four buyers and totals from 0.01 to 999.99, each with an XML
# blob of XML_BYTES (default 6,000, a signed factura's size). The list columns of migration 6
# are written as folio writes them (total_cents, buyer_identification, buyer_name_folded).
# The last page's cursor is made here the way folio makes it (base64url of `sort|key|id`) from
# the 51st-last row, and checked: that page has 50 rows and no next cursor.
#
# Usage: bench/documents-list.sh                          (builds release at the repo root)
#        FOLIO_BIN=/path/to/folio bench/documents-list.sh  (skip the build)
#        ROWS=200000 RUNS=100 XML_BYTES=6000 KEEP=1 bench/documents-list.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
package=$(dirname "$here")
rows=${ROWS:-200000}
runs=${RUNS:-100}
xml_bytes=${XML_BYTES:-6000}
# shellcheck source=bench/common.sh
source "$here/common.sh"
folio_binary "$package"
require_tools sqlite3 python3
scratch_directory
export FOLIO_STORE="$work/store"
db="$FOLIO_STORE/folio.db"
"$FOLIO_BIN" init >/dev/null 2>&1

tenant=ten_01JD0000000000000000000001
echo "inserting $rows documents with sqlite3 ..." >&2
sqlite3 "$db" <<SQL
BEGIN;
INSERT INTO tenants (id, email, email_normalized, name, tier, language, status, environment, created_at, updated_at)
VALUES ('$tenant', 'ana@example.com', 'ana@example.com', 'Ana Foods', 'business', 'es', 'active', 'production',
        '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
INSERT INTO issuer_certificates (id, tenant_id, source, certificate_der, sealed_private_key, subject, issuer_name, serial,
                                 not_before, not_after, fingerprint_sha256, created_at)
VALUES ('crt_01JD0000000000000000000001', '$tenant', 'generated', x'00', x'00', 'CN=Bench', 'CN=Bench', '01',
        '2025-01-01T00:00:00Z', '2030-01-01T00:00:00Z', '00', '2025-01-01T00:00:00Z');
INSERT INTO issuers (id, tenant_id, name, ruc, legal_name, address, establishment, emission_point, keeps_accounts,
                     certificate_id, created_at, updated_at)
VALUES ('iss_01JD0000000000000000000001', '$tenant', 'Matriz', '1790011674001', 'Ana Foods S.A.', 'Quito', '001', '001', 0,
        'crt_01JD0000000000000000000001', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),
       ('iss_01JD0000000000000000000002', '$tenant', 'Sucursal', '1790011674001', 'Ana Foods S.A.', 'Quito', '002', '001', 0,
        'crt_01JD0000000000000000000001', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
CREATE TEMP TABLE buyers (k INTEGER PRIMARY KEY, identification TEXT, name TEXT, folded TEXT);
INSERT INTO buyers VALUES (0, '1710034065', 'María José Núñez', 'maria jose nunez'), (1, '0990011674001', 'Comercial Águila',
    'comercial aguila'), (2, '1712345678', 'Pedro Pérez', 'pedro perez'), (3, '9999999999999', 'CONSUMIDOR FINAL',
    'consumidor final');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows),
     d(i, issue_date, cents, issuer, sequential) AS (
        SELECT i, date('2025-01-01', '+' || (i * 730 / $rows) || ' days'), 1 + (i * 7919) % 99999,
               printf('iss_01JD%022d', 1 + i % 2), (i + 1) / 2 FROM n)
INSERT INTO documents (id, tenant_id, issuer_id, document_type, access_key, series, sequential, environment, issue_date,
                       status, profile, certificate_id, total, total_cents, buyer_identification, buyer_name_folded,
                       summary, signed_xml, created_at, updated_at)
SELECT printf('doc_01JD%022d', d.i), '$tenant', d.issuer, '01',
       printf('%s%s%s0117900116740012%s001%09d1234567817', substr(d.issue_date, 9, 2), substr(d.issue_date, 6, 2),
              substr(d.issue_date, 1, 4), CASE d.i % 2 WHEN 0 THEN '01' ELSE '02' END, d.sequential),
       CASE d.i % 2 WHEN 0 THEN '001-001' ELSE '002-001' END, d.sequential, 'production', d.issue_date, 'signed', 'sri',
       'crt_01JD0000000000000000000001', printf('%d.%02d', d.cents / 100, d.cents % 100), d.cents,
       b.identification, b.folded,
       json_object('type', '01', 'issueDate', d.issue_date,
                   'buyer', json_object('identificationType', '05', 'identification', b.identification, 'name', b.name),
                   'total', printf('%d.%02d', d.cents / 100, d.cents % 100)),
       zeroblob($xml_bytes), d.issue_date || 'T12:00:00Z', d.issue_date || 'T12:00:00Z'
FROM d JOIN buyers b ON b.k = d.i % 4;
COMMIT;
SQL
test "$(sqlite3 "$db" 'SELECT count(*) FROM documents')" = "$rows"

# The statement of StoreTransaction.documentList (DocumentListSQL.swift) with its values bound.
columns="id, tenant_id, issuer_id, document_type, access_key, series, sequential, environment, issue_date, status,
    profile, certificate_id, total, summary, created_at, updated_at FROM documents"
statement() {   # SORT-COLUMN DIRECTION [CURSOR-KEY CURSOR-ID]
    local past=""
    if [[ $# -gt 2 ]]; then past=" AND ($1, id) $([[ $2 == DESC ]] && echo '<' || echo '>') ($3, '$4')"; fi
    echo "SELECT $columns WHERE tenant_id = '$tenant'$past ORDER BY $1 $2, id $2 LIMIT 51"
}
# The cursor folio would give on the page before the last: the row 51st from the end.
cursor() {   # SORT SORT-COLUMN DIRECTION
    local row; row=$(sqlite3 -separator '|' "$db" \
        "SELECT $2, id FROM documents WHERE tenant_id = '$tenant' ORDER BY $2 $3, id $3 LIMIT 1 OFFSET $((rows - 51))")
    python3 -c 'import base64, sys; print(base64.urlsafe_b64encode(sys.argv[1].encode()).decode().rstrip("="))' "$1|$row"
}

bench() {   # TITLE SORT SORT-COLUMN DIRECTION
    echo "$1"
    local key; key=$(cursor "$2" "$3" "$4")
    local last; last=$(sqlite3 -separator '|' "$db" \
        "SELECT $3, id FROM documents WHERE tenant_id = '$tenant' ORDER BY $3 $4, id $4 LIMIT 1 OFFSET $((rows - 51))")
    local lastKey=${last%%|*} lastId=${last##*|}
    [[ $3 == issue_date ]] && lastKey="'$lastKey'"
    # The last page holds 50 rows and says nothing of a next page; sqlite3 reads the same 50.
    test "$("$FOLIO_BIN" documents list --tenant ana@example.com --sort "$2" --cursor "$key" -q | wc -l)" = 50
    test "$("$FOLIO_BIN" documents list --tenant ana@example.com --sort "$2" --cursor "$key" -o json | python3 -c \
        'import json, sys; print(json.load(sys.stdin)["hasMore"])')" = False
    test "$(sqlite3 "$db" "$(statement "$3" "$4" "$lastKey" "$lastId")" | wc -l)" = 50
    # Page 2 is the first with a cursor: the same statement as the last page's, at the other end.
    local second; second=$("$FOLIO_BIN" documents list --tenant ana@example.com --sort "$2" -o json | python3 -c \
        'import json, sys; print(json.load(sys.stdin)["nextCursor"])')
    local out; out=$(python3 "$here/interleave.py" "$runs" \
        "folio last page" - -- "$FOLIO_BIN" documents list --tenant ana@example.com --sort "$2" --cursor "$key" \
        ++ "folio first page" - -- "$FOLIO_BIN" documents list --tenant ana@example.com --sort "$2" \
        ++ "folio second page" - -- "$FOLIO_BIN" documents list --tenant ana@example.com --sort "$2" --cursor "$second" \
        ++ "sqlite3 last page" - -- sqlite3 "$db" "$(statement "$3" "$4" "$lastKey" "$lastId")" \
        ++ "sqlite3 first page" - -- sqlite3 "$db" "$(statement "$3" "$4")" \
        ++ "sqlite3 last page by OFFSET" - -- sqlite3 "$db" "$(statement "$3" "$4") OFFSET $((rows - 50))")
    echo "$out" | grep -v '^ratio'
    echo "$out" | awk -F': ' '/ us$/ { sub(/ us$/, "", $2); t[$1] = $2 }
        END { printf "ratios: folio last/first %.2f, last/second %.2f; folio/sqlite3 first %.2f, last %.2f; sqlite3 OFFSET last/first %.1f\n",
              t["folio last page"] / t["folio first page"], t["folio last page"] / t["folio second page"],
              t["folio first page"] / t["sqlite3 first page"],
              t["folio last page"] / t["sqlite3 last page"], t["sqlite3 last page by OFFSET"] / t["sqlite3 first page"] }'
    echo
}
bench "newest first (the default, -date): page 1 vs page $((rows / 50))" -date issue_date DESC
bench "by total, largest first (-total): page 1 vs page $((rows / 50))" -total total_cents DESC
echo "$rows documents of one tenant, pages of 50; medians of $runs interleaved runs, spawn cost subtracted"
echo
# A process reads the file cold into SQLite's own cache each time, and where the rows lie in
# the file shows in the times above. In one process, with the cache warm, the statement alone:
echo "the same statement (newest first) in one process (Python's sqlite3), median of 300 each:"
python3 - "$db" "$tenant" "$columns" "$rows" <<'PY'
import sqlite3, statistics, sys, time
db, tenant, columns, rows = sqlite3.connect(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
order = "ORDER BY issue_date DESC, id DESC"
keys = db.execute(f"SELECT issue_date, id FROM documents WHERE tenant_id = ? {order}", (tenant,)).fetchall()
query = f"SELECT {columns} WHERE tenant_id = ? AND (issue_date, id) < (?, ?) {order} LIMIT 51"
times = {}
for page in [2, rows // 200, rows // 100, rows // 50]:
    date, last = keys[(page - 1) * 50 - 1]
    samples = []
    for _ in range(300):
        start = time.perf_counter()
        db.execute(query, (tenant, date, last)).fetchall()
        samples.append(time.perf_counter() - start)
    times[page] = statistics.median(samples) * 1e6
    print(f"page {page}: {times[page]:.0f} us")
print(f"ratio last/second {times[rows // 50] / times[2]:.2f}")
PY
