#!/usr/bin/env bash
# Times `folio keys verify` (key on stdin) against one `sqlite3` invocation doing the same work
# on the same file: the indexed lookup of the key's SHA-256 joined with its tenant, plus the
# usage/last-used UPDATE, in one BEGIN IMMEDIATE transaction. Target: folio within 1.5x.
#
# The store holds 100,000 keys, inserted directly with sqlite3 in exactly folio's format and
# hashing (bench/seed-keys.py). One tenant is registered through folio itself, so the schema
# and the tenant row are folio's own.
#
# Usage: bench/keys-verify.sh                 (builds release in the package at the repo root)
#        KEEP=1 bench/keys-verify.sh          (keep the work directory, to profile by hand)
#        FOLIO_BIN=/path/to/folio bench/keys-verify.sh      (skip the build)
#        PACKAGE_DIR=/other/package bench/keys-verify.sh    (build that package instead)
#        KEYS=100000 RUNS=200 bench/keys-verify.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
package=${PACKAGE_DIR:-$(dirname "$here")}
keys=${KEYS:-100000}
runs=${RUNS:-200}

source "$here/common.sh"
folio_binary "$package"
require_tools sqlite3 python3

scratch_directory
store="$work/store"
export FOLIO_STORE="$store"
"$FOLIO_BIN" init >/dev/null 2>&1
tenant=$("$FOLIO_BIN" tenants register --email bench@example.com -q 2>/dev/null)

echo "inserting $keys keys with sqlite3 ..." >&2
python3 "$here/seed-keys.py" "$tenant" "$keys" "$work/key.txt" > "$work/keys.sql"
sqlite3 "$store/folio.db" < "$work/keys.sql"
hash=$(cat "$work/key.txt.hash")
echo "api_keys rows: $(sqlite3 "$store/folio.db" 'SELECT count(*) FROM api_keys')" >&2

# Sanity: folio accepts the inserted key (exit 0) before anything is timed.
"$FOLIO_BIN" keys verify < "$work/key.txt" >/dev/null

sql="BEGIN IMMEDIATE;
SELECT k.*, t.status FROM api_keys k JOIN tenants t ON t.id = k.tenant_id WHERE k.key_hash = '$hash';
UPDATE api_keys SET window_start = CAST(strftime('%s','now') AS INTEGER), window_count = window_count + 1,
  last_used_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE key_hash = '$hash';
COMMIT;"
printf '%s\n' "$sql" > "$work/verify.sql"
# Interleaved runs (bench/interleave.py): folio with the key on stdin, sqlite3 with the SQL on stdin.
python3 "$here/interleave.py" "$runs" \
    "folio keys verify" "$work/key.txt" -- "$FOLIO_BIN" keys verify \
    ++ "sqlite3 lookup+update" "$work/verify.sql" -- sqlite3 "$store/folio.db" | tee "$work/result.txt"
echo "(medians of $runs interleaved runs, spawn cost subtracted; $keys keys; target <= 1.50)"
