#!/usr/bin/env bash
# Cold start and `tenants show` on 100,000 tenants, each against sqlite3 doing the nearest
# equivalent, measured in the same run and printed as ratios of medians.
#   folio --version            vs  sqlite3 :memory: 'select 1'
#   folio tenants show EMAIL   vs  sqlite3 folio.db "SELECT … WHERE email_normalized = …" (same index)
# Targets (issue 2): cold start within 2x, tenants show within 1.5x.
# Needs: swift, sqlite3, python3; uses hyperfine when installed (apt-get install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-200}

swift build -c release --static-swift-stdlib 2>&1 | grep -E "error|warning: unre" || true
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

# Median wall time in microseconds of running "$@" RUNS times (fallback when hyperfine is absent).
median_us() {
  python3 - "$RUNS" "$@" <<'PY'
import subprocess, sys, time, statistics
runs = int(sys.argv[1]); cmd = sys.argv[2:]
for _ in range(10): subprocess.run(cmd, stdout=subprocess.DEVNULL)
samples = []
for _ in range(runs):
    t = time.perf_counter_ns(); subprocess.run(cmd, stdout=subprocess.DEVNULL); samples.append((time.perf_counter_ns() - t) / 1000)
print(f"{statistics.median(samples):.0f}")
PY
}

measure() {  # name, then the command; prints the median in microseconds
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 20 --runs "$RUNS" --export-json "$WORK/h.json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1
    python3 -c "import json;print(round(json.load(open('$WORK/h.json'))['results'][0]['median']*1e6))"
  else
    median_us "$@"
  fi
}

# Interleave the pairs so that machine noise hits both sides alike.
a=$(measure "$FOLIO" --version)
b=$(measure sqlite3 :memory: 'select 1')
c=$(measure "$FOLIO" tenants show "$EMAIL")
d=$(measure sqlite3 "$DB" "$QUERY")

printf 'cold start      folio --version        %6d us   sqlite3 :memory: select 1   %6d us   ratio %.2f (target <= 2.0)\n' "$a" "$b" "$(python3 -c "print($a/$b)")"
printf 'tenants show    folio tenants show     %6d us   sqlite3 indexed lookup      %6d us   ratio %.2f (target <= 1.5)\n' "$c" "$d" "$(python3 -c "print($c/$d)")"
