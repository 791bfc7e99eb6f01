#!/usr/bin/env bash
# Times `folio tenants list --search TEXT` (issue 12) on a store of 100,000 tenants, each with
# an issuer, against sqlite3 running the same statement on the same file, in the same run
# (bench/interleave.py: alternating rounds, spawn cost subtracted, medians and ratio).
#
# Three searches: text no tenant has (the worst case: all of `tenant_search` is read), a name
# that many tenants have (a first page of 50 is found at once), and a RUC's start (a range of
# `issuers_ruc`). The store is made by `folio init` (folio's schema); the bulk rows are
# inserted with sqlite3 in folio's shapes, the `tenant_search` text folded as TextFolding folds
# them (the names are stored with their accents, the folded forms are written out).
#
# Usage: bench/tenants-search.sh                          (builds release at the repo root)
#        FOLIO_BIN=/path/to/folio bench/tenants-search.sh  (skip the build)
#        ROWS=100000 RUNS=100 KEEP=1 bench/tenants-search.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
package=$(dirname "$here")
rows=${ROWS:-100000}
runs=${RUNS:-100}

if [[ -z "${FOLIO_BIN:-}" ]]; then
    echo "building release ..." >&2
    swift build -c release --product folio --package-path "$package" >&2
    FOLIO_BIN="$(swift build -c release --package-path "$package" --show-bin-path)/folio"
fi
for tool in sqlite3 python3; do
    command -v "$tool" >/dev/null || { echo "error: $tool is needed" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/folio-bench.XXXXXX")
[[ -n "${KEEP:-}" ]] && echo "keeping $work" >&2 || trap 'rm -rf "$work"' EXIT
export FOLIO_STORE="$work/store"
db="$FOLIO_STORE/folio.db"
"$FOLIO_BIN" init >/dev/null 2>&1

echo "inserting $rows tenants and issuers with sqlite3 ..." >&2
sqlite3 "$db" <<SQL
BEGIN;
CREATE TEMP TABLE first_names (k INTEGER PRIMARY KEY, name TEXT, folded TEXT);
INSERT INTO first_names VALUES (0, 'José', 'jose'), (1, 'María', 'maria'), (2, 'Andrés', 'andres'), (3, 'Lucía', 'lucia'),
    (4, 'Ramón', 'ramon'), (5, 'Inés', 'ines'), (6, 'Héctor', 'hector'), (7, 'Sofía', 'sofia'), (8, 'Tomás', 'tomas'),
    (9, 'Ana', 'ana');
CREATE TEMP TABLE last_names (k INTEGER PRIMARY KEY, name TEXT, folded TEXT);
INSERT INTO last_names VALUES (0, 'Pérez', 'perez'), (1, 'Núñez', 'nunez'), (2, 'Gómez', 'gomez'), (3, 'Muñoz', 'munoz'),
    (4, 'Álvarez', 'alvarez'), (5, 'Zúñiga', 'zuniga'), (6, 'Chávez', 'chavez');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO tenants (id, email, email_normalized, name, tier, language, status, environment, created_at, updated_at)
SELECT printf('ten_01JD%022d', i), printf('%s.%s%d@example%d.com', f.folded, l.folded, i, i % 97),
       printf('%s.%s%d@example%d.com', f.folded, l.folded, i, i % 97), printf('Comercial %s %s %d', f.name, l.name, i),
       'starter', 'es', 'active', 'sandbox', '2026-11-22T08:00:00Z', '2026-11-22T08:00:00Z'
FROM n JOIN first_names f ON f.k = i % 10 JOIN last_names l ON l.k = i % 7;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO tenant_search (tenant_id, text)
SELECT printf('ten_01JD%022d', i),
       printf('%s.%s%d@example%d.com', f.folded, l.folded, i, i % 97) || char(10)
           || printf('comercial %s %s %d', f.folded, l.folded, i)
FROM n JOIN first_names f ON f.k = i % 10 JOIN last_names l ON l.k = i % 7;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO issuers (id, tenant_id, name, ruc, legal_name, address, establishment, emission_point, keeps_accounts,
                     created_at, updated_at)
SELECT printf('iss_01JD%022d', i), printf('ten_01JD%022d', i), 'Matriz', printf('%010d001', 1700000000 + i), 'Bench S.A.',
       'Quito', '001', '001', 0, '2026-11-22T08:00:00Z', '2026-11-22T08:00:00Z'
FROM n;
COMMIT;
ANALYZE;
SQL
test "$(sqlite3 "$db" 'SELECT count(*) FROM tenants')" = "$rows"

# The reference: the statement of StoreTransaction.tenantList (TenantSQL.swift) with its values.
reference() {   # TEXT
    local ruc=""
    if [[ "$1" =~ ^[0-9]{1,13}$ ]]; then
        # PrefixRange: the last character's successor ends the range ('9' is followed by ':').
        local next; next=$(printf "\\x$(printf %x $(( $(printf %d "'${1: -1}") + 1 )))")
        ruc=" OR s.tenant_id IN (SELECT tenant_id FROM issuers WHERE ruc >= '$1' AND ruc < '${1%?}$next')"
    fi
    echo "SELECT t.* FROM tenant_search s CROSS JOIN tenants t WHERE t.id = s.tenant_id"\
         "AND (s.text LIKE '%$1%' ESCAPE '\\'$ruc) ORDER BY s.tenant_id LIMIT 51"
}

bench() {   # TITLE TEXT EXPECTED-LINES
    echo "$1"
    test "$("$FOLIO_BIN" tenants list --search "$2" | wc -l)" = "$3"
    test "$(sqlite3 "$db" "$(reference "$2")" | wc -l)" -ge "$3"   # LIMIT 51, as folio asks
    python3 "$here/interleave.py" "$runs" "folio tenants list --search $2" - -- "$FOLIO_BIN" tenants list --search "$2" \
        ++ "sqlite3 same query" - -- sqlite3 "$db" "$(reference "$2")"
    echo
}
bench "no tenant matches (all of tenant_search is read)" zzzz 0
bench "a common name: jose (10,000 match; the first 50 shown)" jose 50
bench "a RUC's start: 170009999 (10 match)" 170009999 10
echo "medians of $runs interleaved runs, spawn cost subtracted"
