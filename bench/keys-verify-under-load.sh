#!/usr/bin/env bash
# `folio keys verify` latency (p50, p99, max) on a store with 100,000 keys, idle and while
# other folio processes write: one loop runs `tenants register --ruc` (a new tenant with an
# issuer and a generated RSA-2048 certificate), another `issuers cert generate`, and with
# DOCS=1 a third signs 300-invoice batches (`documents create --file`). keys verify is itself
# a writer (it counts the key's use in one write transaction), so it waits for the write lock
# whenever another command holds it: the tail measures how long the others hold it.
#
# Printed as ratios: loaded p99 against idle p99, and against sqlite3 doing keys verify's work
# (indexed lookup + UPDATE in BEGIN IMMEDIATE, with a 30 s busy timeout like folio's) measured
# in the same rounds under the same load. Each run is a fresh process; a run that fails (lock
# wait timed out) is counted, not timed.
#
# Before the write lock was freed of key generation, the loaded phase took ~20 minutes (each
# keys verify waited seconds); now it takes seconds.
#
# Usage: bench/keys-verify-under-load.sh                       (builds release at the repo root)
#        FOLIO_BIN=/path/to/folio bench/keys-verify-under-load.sh   (skip the build; e.g. main's)
#        KEYS=100000 RUNS=200 WARMUP=2 DOCS=1 KEEP=1 bench/keys-verify-under-load.sh
# Needs: sqlite3, python3.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
package=$(dirname "$here")
keys=${KEYS:-100000}
runs=${RUNS:-200}
warmup=${WARMUP:-2}

source "$here/common.sh"
folio_binary "$package"
require_tools sqlite3 python3

work=$(mktemp -d "${TMPDIR:-/tmp}/folio-bench.XXXXXX")
loops=()
# Each loop ends after the command it is running when the stop file appears (killing it could
# leave that command writing into the work directory while it is removed).
stop_loops() {
    touch "$work/stop"
    for pid in "${loops[@]}"; do wait "$pid" 2>/dev/null || true; done
    loops=()
}
cleanup() { stop_loops; [[ -n "${KEEP:-}" ]] || rm -rf "$work"; }
trap cleanup EXIT
[[ -n "${KEEP:-}" ]] && echo "keeping $work" >&2
store="$work/store"
export FOLIO_STORE="$store" FOLIO_ACTOR=bench
"$FOLIO_BIN" init >/dev/null 2>&1
tenant=$("$FOLIO_BIN" tenants register --email bench@example.com --name "Bench Foods" -q 2>/dev/null)

echo "inserting $keys keys with sqlite3 ..." >&2
python3 "$here/seed-keys.py" "$tenant" "$keys" "$work/key.txt" > "$work/keys.sql"
sqlite3 "$store/folio.db" < "$work/keys.sql"
hash=$(cat "$work/key.txt.hash")
"$FOLIO_BIN" keys verify < "$work/key.txt" >/dev/null   # folio accepts the inserted key

# The issuer whose certificate the second loop keeps replacing, and (DOCS=1) another one that
# signs, so that the batches do not see their certificate replaced under them.
cert_issuer=$("$FOLIO_BIN" issuers create --tenant bench@example.com --name Matriz --ruc 1790011674001 \
    --address "Av. Amazonas 100, Quito" -q 2>/dev/null)
if [[ -n "${DOCS:-}" ]]; then
    doc_issuer=$("$FOLIO_BIN" issuers create --tenant bench@example.com --name Sucursal --ruc 1790011674001 \
        --address "Av. Amazonas 100, Quito" --establishment 002 -q 2>/dev/null)
    "$FOLIO_BIN" issuers cert generate "$doc_issuer" -q >/dev/null 2>&1
    python3 - 300 "$package/examples/invoice.json" > "$work/batch.jsonl" <<'PY'
import json, sys
invoice = json.load(open(sys.argv[2]))
invoice.pop("issueDate", None)
for i in range(int(sys.argv[1])):
    invoice["items"][0]["code"] = f"SRV-{i:05d}"
    print(json.dumps(invoice, ensure_ascii=False))
PY
fi

printf '%s\n' ".timeout 30000" "BEGIN IMMEDIATE;
SELECT k.*, t.status FROM api_keys k JOIN tenants t ON t.id = k.tenant_id WHERE k.key_hash = '$hash';
UPDATE api_keys SET window_start = CAST(strftime('%s','now') AS INTEGER), window_count = window_count + 1,
  last_used_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE key_hash = '$hash';
COMMIT;" > "$work/verify.sql"

measure() {   # $1: phase name
    python3 "$here/latency.py" "$runs" "$work/$1.json" \
        "folio keys verify" "$work/key.txt" -- "$FOLIO_BIN" keys verify \
        ++ "sqlite3 lookup+update" "$work/verify.sql" -- sqlite3 "$store/folio.db" | sed "s/^/$1: /"
}

echo "idle ($runs rounds) ..." >&2
measure idle

# Each loop appends a line per finished command, to report how much load there was.
: > "$work/done"
( i=0; while [[ ! -e "$work/stop" ]]; do i=$((i + 1))
    "$FOLIO_BIN" tenants register --email "load$i@example.com" --ruc 1790011674001 -q >/dev/null 2>&1 \
        && echo register >> "$work/done"; done ) &
loops+=($!)
( while [[ ! -e "$work/stop" ]]; do "$FOLIO_BIN" issuers cert generate "$cert_issuer" -q >/dev/null 2>&1 \
        && echo generate >> "$work/done"; done ) &
loops+=($!)
if [[ -n "${DOCS:-}" ]]; then
    ( while [[ ! -e "$work/stop" ]]; do "$FOLIO_BIN" documents create --issuer "$doc_issuer" --file "$work/batch.jsonl" -q >/dev/null 2>&1 \
        && echo batch >> "$work/done"; done ) &
    loops+=($!)
fi
sleep "$warmup"
echo "loaded ($runs rounds; loops: register --ruc, cert generate${DOCS:+, 300-invoice batches}) ..." >&2
start=$(date +%s.%N)
: > "$work/done"
measure loaded
elapsed=$(python3 -c "import time; print(f'{time.time() - $start:.1f}')")
cp "$work/done" "$work/done.measured"
stop_loops
echo "load while measuring (${elapsed} s): $(sort "$work/done.measured" | uniq -c | awk '{ printf "%s %s, ", $1, $2 }' | sed 's/, $//')"

python3 - "$work/idle.json" "$work/loaded.json" <<'PY'
import json, sys
idle, loaded = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
f, s = "folio keys verify", "sqlite3 lookup+update"
print(f"folio p99 loaded / idle: {loaded[f]['p99'] / idle[f]['p99']:.1f}x "
      f"({idle[f]['p99']:.1f} -> {loaded[f]['p99']:.1f} ms; max {loaded[f]['max']:.1f} ms)")
print(f"sqlite3 p99 loaded / idle: {loaded[s]['p99'] / idle[s]['p99']:.1f}x")
print(f"folio / sqlite3 under load: p50 {loaded[f]['p50'] / loaded[s]['p50']:.2f}, p99 {loaded[f]['p99'] / loaded[s]['p99']:.2f}")
PY
echo "($keys keys, $runs rounds per phase; ratio of p99s, each run a fresh process)"
