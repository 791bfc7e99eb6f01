#!/usr/bin/env bash
# Cold start and `tenants show` on 100,000 tenants, each against sqlite3 doing the nearest
# equivalent, measured in the same run and printed as ratios of medians.
#   folio --version            vs  sqlite3 :memory: 'select 1'
#   folio tenants show EMAIL   vs  sqlite3 folio.db "SELECT … WHERE email_normalized = …" (same index)
# Targets (issue 2): cold start within 2x, tenants show within 1.5x.
# Needs: swift, sqlite3, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-200}

swift build -c release 2>&1 | grep -E "error|warning: unre" || true
test -x .build/release/folio
FOLIO=$PWD/.build/release/folio
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export FOLIO_STORE=$WORK/store

"$FOLIO" init -q >/dev/null
# 100,000 tenants inserted in one statement with ids of the same shape Folio makes (sorted ULIDs).
sqlite3 "$FOLIO_STORE/folio.db" <<'SQL'
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO tenants (id, email, email_normalized, name, tier, language, status, environment, created_at, updated_at)
SELECT printf('ten_01JD%022d', i), printf('user%d@example.com', i), printf('user%d@example.com', i),
       printf('Tenant %d', i), 'starter', 'es', 'active', 'sandbox', '2026-11-22T08:00:00Z', '2026-11-22T08:00:00Z'
FROM n;
SQL
EMAIL=user77777@example.com
DB=$FOLIO_STORE/folio.db
QUERY="SELECT * FROM tenants WHERE email_normalized = '$EMAIL'"

# Sanity: both sides find the tenant before anything is timed (set -e stops here otherwise).
"$FOLIO" tenants show "$EMAIL" >/dev/null
test -n "$(sqlite3 "$DB" "$QUERY")"

# Interleaved runs (bench/interleave.py), each pair in its own series.
echo "cold start: folio --version vs sqlite3 :memory: 'select 1'"
python3 bench/interleave.py "$RUNS" "folio --version" - -- "$FOLIO" --version \
    ++ "sqlite3 select 1" - -- sqlite3 :memory: 'select 1'
echo "(target <= 2.0)"
echo
echo "tenants show on 100,000 tenants vs sqlite3's indexed lookup in the same file"
python3 bench/interleave.py "$RUNS" "folio tenants show" - -- "$FOLIO" tenants show "$EMAIL" \
    ++ "sqlite3 lookup" - -- sqlite3 "$DB" "$QUERY"
echo "(target <= 1.5; medians of $RUNS interleaved runs, spawn cost subtracted)"
