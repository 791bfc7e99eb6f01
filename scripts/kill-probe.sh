#!/usr/bin/env bash
# Kill probe: runs batches of invoices and registrations in parallel against one store and
# SIGKILLs folio processes at random moments, then checks that nothing was lost, duplicated or
# half-written. SIGKILL cannot be caught, so this tests the transactions themselves (and the
# staging of side-effect files), not the signal handling.
#
# Invariants checked at the end:
#   - store check passes (SQLite integrity, schema version, audit chain);
#   - the sequentials of each series are 1…n with no gap and no duplicate;
#   - every document has exactly one audit entry and one document.signed event;
#   - every tenant has its registration audit entry and tenant.created event;
#   - no published outbox file belongs to a tenant that does not exist (a stray hidden
#     temporary file is allowed: it is the trace of a kill between staging and commit).
#
# Usage: scripts/kill-probe.sh                  KILLS=19 LINES=2000 scripts/kill-probe.sh
#        FOLIO_BIN=/path/to/folio scripts/kill-probe.sh   (skip the release build)
# Needs: python3 (its sqlite3 module reads the store independently).
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${KILLS:-19}
lines=${LINES:-2000}
if [[ -z "${FOLIO_BIN:-}" ]]; then
  swift build -c release 2>&1 | grep -E "error" || true
  FOLIO_BIN=$PWD/.build/release/folio
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/folio-kill.XXXXXX")
trap 'rm -rf "$work"' EXIT
export FOLIO_STORE=$work/store
"$FOLIO_BIN" init -q >/dev/null
"$FOLIO_BIN" tenants register --email kill@example.com --ruc 1790011674001 -q >/dev/null
issuer=$("$FOLIO_BIN" issuers list -q | head -1)
python3 - "$lines" > "$work/batch.jsonl" <<'PY'
import json, sys
for n in range(1, int(sys.argv[1]) + 1):
    print(json.dumps({"buyer": {"identificationType": "07", "identification": "9999999999999", "name": "CONSUMIDOR FINAL"},
                      "items": [{"code": f"A{n}", "description": f"Item {n}", "quantity": "1", "unitPrice": "2.50", "ivaRate": "4"}]}))
PY

registrations=0
for round in $(seq 1 "$kills"); do
  "$FOLIO_BIN" documents create --issuer "$issuer" --file "$work/batch.jsonl" -q >/dev/null 2>&1 &
  batch=$!
  ( for i in $(seq 1 50); do
      "$FOLIO_BIN" tenants register --email "r${round}-${i}@example.com" -q >/dev/null 2>&1 || true
    done ) &
  loop=$!
  sleep "$(python3 -c 'import random; print(round(random.uniform(0.05, 1.5), 2))')"
  # Kill the batch, or one of the registrations running at that moment.
  if (( RANDOM % 2 == 0 )); then
    kill -9 "$batch" 2>/dev/null || true
    victim="documents create"
  else
    target=$(pgrep -n -f "tenants register --email r${round}-" || true)
    [[ -n "$target" ]] && kill -9 "$target" 2>/dev/null || true
    victim="tenants register"
  fi
  wait "$batch" 2>/dev/null || true
  wait "$loop" 2>/dev/null || true
  echo "round $round: killed $victim"
done

status=0
"$FOLIO_BIN" store check >/dev/null 2>&1 || { echo "FAIL: store check"; status=1; }
"$FOLIO_BIN" audit verify >/dev/null 2>&1 || { echo "FAIL: audit verify"; status=1; }
python3 - "$FOLIO_STORE" <<'PY' || status=1
import os, sqlite3, sys
store = sys.argv[1]
db = sqlite3.connect(os.path.join(store, "folio.db"))
q = lambda sql: db.execute(sql).fetchall()
bad = 0
for issuer, series, seqs in q("SELECT issuer_id, series, group_concat(sequential) FROM documents GROUP BY issuer_id, series"):
    numbers = sorted(int(s) for s in seqs.split(","))
    if numbers != list(range(1, len(numbers) + 1)):
        print(f"FAIL: series {series} of {issuer} is not 1..{len(numbers)} without gaps or duplicates"); bad += 1
docs = q("SELECT count(*) FROM documents")[0][0]
# Joins on grouped counts (the events table has no index on target_id: no correlated subqueries).
for name, sql in [
    ("documents without exactly one audit entry",
     "SELECT count(*) FROM documents d LEFT JOIN (SELECT target_id, count(*) n FROM audit_log WHERE action = 'document.create'"
     " GROUP BY target_id) a ON a.target_id = d.id WHERE ifnull(a.n, 0) != 1"),
    ("documents without exactly one document.signed event",
     "SELECT count(*) FROM documents d LEFT JOIN (SELECT target_id, count(*) n FROM events WHERE type = 'document.signed'"
     " GROUP BY target_id) e ON e.target_id = d.id WHERE ifnull(e.n, 0) != 1"),
    ("tenants without their registration entry",
     "SELECT count(*) FROM tenants t LEFT JOIN (SELECT DISTINCT target_id FROM audit_log WHERE action = 'tenant.register') a"
     " ON a.target_id = t.id WHERE a.target_id IS NULL"),
    ("tenants without tenant.created",
     "SELECT count(*) FROM tenants t LEFT JOIN (SELECT DISTINCT target_id FROM events WHERE type = 'tenant.created') e"
     " ON e.target_id = t.id WHERE e.target_id IS NULL"),
]:
    n = q(sql)[0][0]
    if n:
        print(f"FAIL: {n} {name}"); bad += 1
emails = {row[0] for row in q("SELECT email FROM tenants")}
outbox = os.path.join(store, "outbox")
published = [f for f in os.listdir(outbox) if not f.startswith(".")]
strays = [f for f in os.listdir(outbox) if f.startswith(".")]
for f in published:
    text = open(os.path.join(outbox, f), encoding="utf-8", errors="replace").read()
    to = next((l[4:].strip() for l in text.splitlines() if l.startswith("To: ")), "")
    if to not in emails:
        print(f"FAIL: outbox/{f} is for {to}, who is not a tenant"); bad += 1
print(f"documents {docs}, tenants {len(emails)}, outbox {len(published)} published, {len(strays)} stray temporary file(s)")
sys.exit(1 if bad else 0)
PY
[[ $status == 0 ]] && echo "kill probe: all invariants hold after $kills kills" || echo "kill probe: FAILED"
exit $status
