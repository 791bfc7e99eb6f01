#!/usr/bin/env bash
# Creating and signing invoices in one process: `folio documents create --file batch.jsonl`
# with 2,000 invoices (each line a savepoint, 100 lines per transaction: sequential, build, XAdES
# RSA-SHA1 signature, insert, audit, event), as documents per second against the RSA-2048 sign
# rate of `openssl speed -seconds 3 rsa2048` on one core. Target (issue 4): ≥ 0.6.
# The machine's speed drifts from minute to minute, so ROUNDS rounds (default 3) alternate a
# folio batch (on a fresh copy of the same store) with an openssl run; each round's ratio is
# printed and the median is the result.
# When Python's signxml is installed, it signs the same invoice (XAdES, one process) for comparison.
# Needs: swift (or FOLIO_BIN), openssl, python3; signxml optional (pip install signxml).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-2000}
ROUNDS=${ROUNDS:-3}

if [[ -z "${FOLIO_BIN:-}" ]]; then
  swift build -c release --static-swift-stdlib --product folio 2>&1 | grep -E "error|warning: unre" || true
  FOLIO_BIN=$PWD/.build/release/folio
fi
test -x "$FOLIO_BIN"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export FOLIO_STORE=$WORK/store FOLIO_ACTOR=bench

"$FOLIO_BIN" init -q >/dev/null
"$FOLIO_BIN" tenants register --email bench@example.com --name "Bench Foods" -q >/dev/null
ISSUER=$("$FOLIO_BIN" issuers create --tenant bench@example.com --name Matriz --ruc 1790011674001 \
  --address "Av. Amazonas 100, Quito" -q 2>/dev/null)
"$FOLIO_BIN" issuers cert generate "$ISSUER" -q >/dev/null 2>&1

# 2,000 lines: examples/invoice.json (three items, two payments) with a varying first item code.
python3 - "$COUNT" examples/invoice.json > "$WORK/batch.jsonl" <<'PY'
import json, sys
invoice = json.load(open(sys.argv[2]))
invoice.pop("issueDate", None)
for i in range(int(sys.argv[1])):
    invoice["items"][0]["code"] = f"SRV-{i:05d}"
    print(json.dumps(invoice, ensure_ascii=False))
PY

cp -r "$FOLIO_STORE" "$WORK/pristine"
RATIOS=()
for round in $(seq 1 "$ROUNDS"); do
  rm -rf "$FOLIO_STORE" && cp -r "$WORK/pristine" "$FOLIO_STORE"
  start=$(date +%s.%N)
  "$FOLIO_BIN" documents create --issuer "$ISSUER" --file "$WORK/batch.jsonl" -o jsonl > /dev/null 2>"$WORK/stderr"
  end=$(date +%s.%N)
  SIGNED=$(sqlite3 "$FOLIO_STORE/folio.db" "SELECT count(*) FROM documents" 2>/dev/null || echo "$COUNT")
  FOLIO_RATE=$(python3 -c "print(f'{$SIGNED / ($end - $start):.1f}')")
  # OpenSSL 3 machine-readable output: +F2:<n>:2048:<sign/s>:<verify/s>
  OPENSSL_RATE=$(openssl speed -seconds 3 -mr rsa2048 2>/dev/null | awk -F: '/^\+F2:/ { print $4 }')
  RATIO=$(python3 -c "print(f'{$FOLIO_RATE / $OPENSSL_RATE:.2f}')")
  RATIOS+=("$RATIO")
  printf 'round %s: folio %s documents in %.2f s = %s documents/s; openssl speed rsa2048 %.1f sign/s (one core); ratio %s\n' \
    "$round" "$SIGNED" "$(python3 -c "print($end - $start)")" "$FOLIO_RATE" "$OPENSSL_RATE" "$RATIO"
done
python3 -c "import statistics, sys; print(f'ratio: {statistics.median(map(float, sys.argv[1:])):.2f} median of $ROUNDS rounds (target >= 0.6)')" "${RATIOS[@]}"

if python3 -c "import signxml" 2>/dev/null; then
  "$FOLIO_BIN" documents xml "$("$FOLIO_BIN" documents list --limit 1 -o id)" > "$WORK/signed.xml"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/key.pem" -out "$WORK/cert.pem" -days 30 \
    -subj "/CN=Bench" 2>/dev/null
  python3 - "$WORK/signed.xml" "$WORK/key.pem" "$WORK/cert.pem" "$OPENSSL_RATE" <<'PY'
import sys, time, copy
from lxml import etree
from signxml import SignatureMethod, DigestAlgorithm
from signxml.xades import XAdESSigner
root = etree.parse(sys.argv[1]).getroot()
for sig in root.findall("{http://www.w3.org/2000/09/xmldsig#}Signature"):
    root.remove(sig)
from cryptography.hazmat.primitives.serialization import load_pem_private_key
# The key object is loaded once, as a long-running signer would (loading a PEM checks the key,
# which costs more than a signature).
key, cert = load_pem_private_key(open(sys.argv[2], "rb").read(), None), open(sys.argv[3]).read()
n = 200
start = time.perf_counter()
for _ in range(n):
    signer = XAdESSigner(signature_algorithm=SignatureMethod.RSA_SHA256, digest_algorithm=DigestAlgorithm.SHA256)
    etree.tostring(signer.sign(copy.deepcopy(root), key=key, cert=cert))
rate = n / (time.perf_counter() - start)
print(f"signxml XAdESSigner (same invoice, sign only, RSA-SHA256, key loaded once): {rate:.1f} documents/s, ratio {rate / float(sys.argv[4]):.2f}")
PY
else
  echo "signxml not installed: skipped (pip install signxml)"
fi
