#!/usr/bin/env bash
# `folio webhooks deliver --once --concurrency 16` (issue 15 item 9): COUNT messages to a loopback
# receiver (bench/webhook-receiver.py, keep-alive, answers 200); deliveries per second over the
# whole run and p50/p99 of the attempts' recorded durations; then, in the same run, the
# receiver's own ceiling: `ab -k -c 16` POSTing the same body to it. RUNS rounds alternate the two;
# medians are printed. deliveries/s ÷ receiver max is how close folio gets to the receiver.
#
# The store: init, a sandbox starter tenant, an endpoint at the receiver taking '*' (its
# webhook.created event is one real event and message), then COUNT copies of that event and of
# its message inserted with sqlite3 in folio's shapes, each its own id, all due now. Each round
# resets the messages to pending and due, and deletes the attempts and leases, so every round sends COUNT.
#
# Usage: bench/webhooks-deliver.sh               (builds release at the repo root)
#        FOLIO_BIN=/path/to/folio COUNT=5000 CONCURRENCY=16 RUNS=3 bench/webhooks-deliver.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
COUNT=${COUNT:-5000}
CONCURRENCY=${CONCURRENCY:-16}
RUNS=${RUNS:-3}
require_tools python3 sqlite3 ab
folio_binary "$PWD"
scratch_directory
export FOLIO_ACTOR=bench FOLIO_STORE=$work/store

python3 bench/webhook-receiver.py "$work/port" "$work/count" "$COUNT" &
receiver=$!
trap 'kill $receiver 2>/dev/null; [[ -n "${KEEP:-}" ]] || rm -rf "$work"' EXIT
for _ in $(seq 50); do [[ -s $work/port ]] && break; sleep 0.1; done
port=$(cat "$work/port")

"$FOLIO_BIN" init -q >/dev/null
"$FOLIO_BIN" tenants register --email bench@example.com --name "Bench Foods" --tier starter -q >/dev/null
"$FOLIO_BIN" webhooks create --tenant bench@example.com --url "http://127.0.0.1:$port/" --events '*' -q >/dev/null
db=$work/store/folio.db
sqlite3 "$db" <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $COUNT - 1)
INSERT INTO events (id, type, tenant_id, target_id, payload, created_at)
SELECT printf('evt_01JD%022d', n.i), e.type, e.tenant_id, e.target_id, e.payload, e.created_at
FROM n, (SELECT * FROM events WHERE type = 'webhook.created') e;
INSERT INTO webhook_messages (event_id, endpoint_id, status, attempt_count, next_attempt_at, created_at, updated_at)
SELECT e.id, m.endpoint_id, m.status, 0, m.next_attempt_at, m.created_at, m.updated_at
FROM events e, (SELECT * FROM webhook_messages LIMIT 1) m WHERE e.id LIKE 'evt_01JD%';
COMMIT;
SQL
test "$(sqlite3 "$db" "SELECT count(*) FROM webhook_messages WHERE status = 'pending'")" = "$COUNT"
sqlite3 "$db" "SELECT CAST(payload AS TEXT) FROM events LIMIT 1" > "$work/body.json"

for round in $(seq "$RUNS"); do
    sqlite3 "$db" "DELETE FROM webhook_attempts; DELETE FROM webhook_leases;
        UPDATE webhook_messages SET status = 'pending', attempt_count = 0, next_attempt_at = created_at;"
    rm -f "$work/count"
    start=$(date +%s.%N)
    "$FOLIO_BIN" webhooks deliver --once --concurrency "$CONCURRENCY" -q >/dev/null
    end=$(date +%s.%N)
    test -s "$work/count" || { echo "error: the receiver did not get $COUNT POSTs" >&2; exit 1; }
    test "$(sqlite3 "$db" "SELECT count(*) FROM webhook_messages WHERE status = 'delivered'")" = "$COUNT"
    sqlite3 "$db" "SELECT duration_ms FROM webhook_attempts ORDER BY duration_ms" > "$work/durations"
    ceiling=$(ab -q -k -c "$CONCURRENCY" -n "$COUNT" -p "$work/body.json" -T application/json "http://127.0.0.1:$port/" 2>/dev/null \
        | awk '/Requests per second/ {print $4}')
    echo "$round $start $end $ceiling" >> "$work/rounds"
    python3 - "$work/durations" "$start" "$end" "$COUNT" "$ceiling" <<'PY' >> "$work/results"
import sys
durations = [int(x) for x in open(sys.argv[1])]
start, end, count, ceiling = float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
p = lambda q: durations[min(len(durations) - 1, int(q * len(durations)))]
print(count / (end - start), p(0.50), p(0.99), ceiling)
PY
    echo "round $round: $(tail -1 "$work/results")" >&2
done

python3 - "$work/results" "$COUNT" "$CONCURRENCY" <<'PY'
import statistics, sys
rows = [[float(x) for x in line.split()] for line in open(sys.argv[1])]
rate, p50, p99, ceiling = (statistics.median(r[i] for r in rows) for i in range(4))
print(f"webhooks deliver --once --concurrency {sys.argv[3]}, {sys.argv[2]} messages, {len(rows)} rounds (medians)")
print(f"  folio:            {rate:8.0f} deliveries/s   attempt p50 {p50:.0f} ms, p99 {p99:.0f} ms")
print(f"  receiver ceiling: {ceiling:8.0f} requests/s (ab -k -c {sys.argv[3]})")
print(f"  ratio:            {rate / ceiling:8.2f}")
PY
