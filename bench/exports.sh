#!/usr/bin/env bash
# `folio exports create` (issue 14) against Info-ZIP's `zip -q -r` over the same XML files
# written to a folder, in the same run (bench/interleave.py: alternating rounds, spawn cost
# subtracted, medians); then the memory peak of one export of BIG documents
# (`/usr/bin/time -v`, maximum resident set size). Target: faster than zip; under 100 MB.
#
# The documents: one real signed factura made by folio (examples/invoice.json), then COUNT (and,
# in a second store, BIG) copies inserted with sqlite3 in folio's shapes, each with its own id,
# sequential and access key, and its XML the real one plus a comment with its number (so no
# two files are the same). The export holds the XML only (no RIDE), as the zip does; both
# deflate at zlib's default level. zip writes to stdout (discarded), folio to its store: the
# comparison favours zip, which neither fsyncs nor renames nor records anything.
#
# Usage: bench/exports.sh                        (builds release at the repo root)
#        FOLIO_BIN=/path/to/folio COUNT=2000 BIG=100000 RUNS=10 bench/exports.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
COUNT=${COUNT:-2000}
BIG=${BIG:-100000}
RUNS=${RUNS:-10}
require_tools python3 sqlite3 zip
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time is needed (Debian: apt-get install time)" >&2; exit 1; }
folio_binary "$PWD"
scratch_directory
export FOLIO_ACTOR=bench

# A store with COUNT documents of tenant bench@example.com: make_store DIR COUNT
make_store() {
    export FOLIO_STORE=$1
    "$FOLIO_BIN" init -q >/dev/null
    "$FOLIO_BIN" tenants register --email bench@example.com --name "Bench Foods" --tier growth -q >/dev/null
    local issuer
    issuer=$("$FOLIO_BIN" issuers create --tenant bench@example.com --name Matriz --ruc 1790011674001 \
        --address "Av. Amazonas 100, Quito" -q 2>/dev/null)
    "$FOLIO_BIN" issuers cert generate "$issuer" -q >/dev/null 2>&1
    python3 -c 'import json; d = json.load(open("examples/invoice.json")); d.pop("issueDate"); print(json.dumps(d))' \
        > "$work/invoice.json"
    "$FOLIO_BIN" documents create --issuer "$issuer" --file "$work/invoice.json" -q >/dev/null
    sqlite3 "$1/folio.db" <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2 - 1)
INSERT INTO documents (id, tenant_id, issuer_id, document_type, access_key, series, sequential, environment, issue_date,
                       status, profile, certificate_id, total, total_cents, buyer_identification, buyer_name_folded,
                       summary, signed_xml, created_at, updated_at)
SELECT printf('doc_01JD%022d', n.i), d.tenant_id, d.issuer_id, d.document_type,
       substr(d.access_key, 1, 30) || printf('%09d', 1 + n.i) || substr(d.access_key, 40),
       d.series, 1 + n.i, d.environment, d.issue_date, d.status, d.profile, d.certificate_id, d.total, d.total_cents,
       d.buyer_identification, d.buyer_name_folded, d.summary,
       CAST(CAST(d.signed_xml AS TEXT) || printf('<!-- %d -->', n.i) AS BLOB), d.created_at, d.updated_at
FROM n, (SELECT * FROM documents LIMIT 1) d;
COMMIT;
SQL
    test "$(sqlite3 "$1/folio.db" 'SELECT count(*) FROM documents')" = "$2"
}

echo "making a store of $COUNT documents ..." >&2
make_store "$work/small" "$COUNT"
mkdir -p "$work/xml/documents"
sqlite3 "$work/small/folio.db" \
    "SELECT sum(writefile('$work/xml/documents/' || access_key || '.xml', signed_xml)) FROM documents" >/dev/null
echo "XML bytes: $(du -sb "$work/xml/documents" | cut -f1) in $(ls "$work/xml/documents" | wc -l) files" >&2

echo "exports create vs zip -q -r, $COUNT documents, $RUNS rounds ..." >&2
(cd "$work/xml" && FOLIO_STORE="$work/small" python3 "$OLDPWD/bench/interleave.py" "$RUNS" \
    folio - -- "$FOLIO_BIN" exports create --tenant bench@example.com --all-time -q \
    ++ zip - -- zip -q -r - documents)
last=$(ls -t "$work/small/exports" | head -1)
(cd "$work/xml" && zip -q -r "$work/zip.zip" documents)
echo "archive bytes: folio $(stat -c %s "$work/small/exports/$last"), zip $(stat -c %s "$work/zip.zip")" >&2

echo "making a store of $BIG documents ..." >&2
make_store "$work/big" "$BIG"
echo "exports create of $BIG documents under /usr/bin/time -v ..." >&2
FOLIO_STORE="$work/big" /usr/bin/time -v "$FOLIO_BIN" exports create --tenant bench@example.com --all-time -q \
    2> "$work/time.txt" >/dev/null
grep -E "Elapsed|Maximum resident" "$work/time.txt"
last=$(ls -t "$work/big/exports" | head -1)
echo "archive bytes: $(stat -c %s "$work/big/exports/$last")"
FOLIO_STORE="$work/big" /usr/bin/time -v "$FOLIO_BIN" exports verify "$work/big/exports/$last" -q 2> "$work/verify.txt" >/dev/null
echo "exports verify of the same archive:"
grep -E "Elapsed|Maximum resident" "$work/verify.txt"
