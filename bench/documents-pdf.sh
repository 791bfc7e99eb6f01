#!/usr/bin/env bash
# RIDE PDFs per CPU second, in one process: `folio documents pdf KEY --bench-repeat N` renders the
# example invoice's RIDE N times (each time: read the signed XML from the store, parse it with
# libxml2, lay it out, write the PDF with its Code 128 barcode) and writes the last, against
# Python's reportlab drawing a comparable one-page invoice (the same texts: two boxes, buyer,
# a 3-line item table, payments, totals, a Code 128 barcode of the 49 digits; uncompressed
# content like Folio's) in a loop in one process. Target (issue 13): at least 10× reportlab.
# CPU time (user + sys) for both: folio's from getrusage of the child, reportlab's from
# time.process_time(). ROUNDS rounds (default 5) alternate the two; medians are the result.
# Needs: swift (or FOLIO_BIN), python3; reportlab optional (pip install reportlab).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
COUNT=${COUNT:-2000}
RL_COUNT=${RL_COUNT:-200}
ROUNDS=${ROUNDS:-5}
require_tools python3
folio_binary "$PWD"
scratch_directory
export FOLIO_STORE=$work/store FOLIO_ACTOR=bench

"$FOLIO_BIN" init -q >/dev/null
"$FOLIO_BIN" tenants register --email bench@example.com --name "Bench Foods" -q >/dev/null
ISSUER=$("$FOLIO_BIN" issuers create --tenant bench@example.com --name Matriz --ruc 1790011674001 \
  --address "Av. Amazonas 100, Quito" --legal-name "Distribuidora Güemes Ñañez & Hijos S.A." \
  --trade-name "Panadería El Ñandú" --keeps-accounts -q 2>/dev/null)
"$FOLIO_BIN" issuers cert generate "$ISSUER" -q >/dev/null 2>&1
python3 -c 'import json; d = json.load(open("examples/invoice.json")); d.pop("issueDate"); print(json.dumps(d))' \
  > "$work/invoice.json"
KEY=$("$FOLIO_BIN" documents create --issuer "$ISSUER" --file "$work/invoice.json" -o json 2>/dev/null \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["accessKey"])')

cat > "$work/timed.py" <<'PY'
import resource, subprocess, sys
before = resource.getrusage(resource.RUSAGE_CHILDREN)
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
after = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{(after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime):.4f}")
PY

cat > "$work/reportlab_ride.py" <<'PY'
import io, sys, time
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from reportlab.graphics.barcode.code128 import Code128

KEY = sys.argv[2]
ITEMS = [("SRV-001", "Consultoría de software (horas)", "10.00", "45.50", "5.00", "450.00"),
         ("LIB-017", "Libro: Contabilidad básica", "2.00", "12.345", "0.00", "24.69"),
         ("ENV", "Envío & manipulación <urgente>", "1.00", "3.50", "0.00", "3.50")]
TOTALS = [("SUBTOTAL 0%", "24.69"), ("SUBTOTAL 15%", "453.50"), ("SUBTOTAL NO OBJETO DE IVA", "0.00"),
          ("SUBTOTAL EXENTO DE IVA", "0.00"), ("SUBTOTAL SIN IMPUESTOS", "478.19"), ("TOTAL DESCUENTO", "5.00"),
          ("IVA 15%", "68.03"), ("PROPINA", "0.00"), ("VALOR TOTAL", "546.22")]

def ride():
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, pageCompression=0, invariant=1)
    w, h = A4
    c.rect(28, 650, 262, 164); c.rect(300, 650, 267, 164)
    c.setFont("Helvetica-Bold", 11); c.drawString(34, 798, "Distribuidora Güemes Ñañez & Hijos S.A.")
    c.setFont("Helvetica", 10); c.drawString(34, 785, "Panadería El Ñandú")
    c.setFont("Helvetica", 8)
    for i, line in enumerate(["Dirección Matriz: Av. Amazonas 100, Quito", "Dirección Sucursal: Av. Amazonas 100, Quito",
                              "OBLIGADO A LLEVAR CONTABILIDAD: SI"]):
        c.drawString(34, 768 - 11 * i, line)
    c.setFont("Helvetica-Bold", 11); c.drawString(306, 798, "R.U.C.: 1790011674001")
    c.setFont("Helvetica-Bold", 12); c.drawString(306, 782, "FACTURA No. 001-001-000000001")
    c.setFont("Helvetica", 8)
    c.drawString(306, 767, "AMBIENTE: PRUEBAS"); c.drawString(306, 756, "EMISIÓN: NORMAL"); c.drawString(306, 745, "CLAVE DE ACCESO:")
    Code128(KEY, barWidth=0.72, barHeight=34, quiet=1).drawOn(c, 310, 700)
    c.drawCentredString(433, 688, KEY)
    c.rect(28, 590, 539, 52)
    c.drawString(34, 630, "Razón Social / Nombres y Apellidos: María José Andrade Peña")
    c.drawString(34, 619, "Identificación: 1710034065"); c.drawString(358, 619, "Fecha Emisión: 22/11/2026")
    c.drawString(34, 608, "Dirección: Av. Amazonas N34-451 y Atahualpa, Quito")
    c.setFillGray(0.88); c.rect(28, 566, 539, 14, fill=1); c.setFillGray(0)
    c.setFont("Helvetica-Bold", 7.5)
    for x, title in [(31, "Código"), (95, "Descripción"), (400, "Cantidad"), (460, "P. Unitario"), (515, "Descuento")]:
        c.drawString(x, 570, title)
    c.drawRightString(564, 570, "Precio Total")
    c.setFont("Helvetica", 8)
    y = 556
    for code, desc, qty, price, disc, total in ITEMS:
        c.drawString(31, y, code); c.drawString(95, y, desc)
        for x, v in [(440, qty), (500, price), (554, disc)]:
            c.drawRightString(x, y, v)
        c.drawRightString(564, y, total)
        c.line(28, y - 4, 567, y - 4)
        y -= 14
    y -= 10
    for label, value in TOTALS:
        c.setFont("Helvetica-Bold" if label == "VALOR TOTAL" else "Helvetica", 8)
        c.drawString(342, y, label); c.drawRightString(563, y, value)
        c.line(338, y - 3, 567, y - 3)
        y -= 12
    c.setFont("Helvetica", 8)
    for i, line in enumerate(["Email: mjandrade@example.com", "Teléfono: +593 99 123 4567",
                              "Orden de compra: OC-2026-0815", 'Vendedor: Ana "Anita" Mora',
                              "19 - TARJETA DE CRÉDITO 300.00", "20 - OTROS CON UTILIZACIÓN DEL SISTEMA FINANCIERO 246.22 30 dias"]):
        c.drawString(34, 460 - 10 * i, line)
    c.setFont("Helvetica", 7); c.drawCentredString(w / 2, 20, "Página 1 de 1")
    c.showPage(); c.save()
    return out.getvalue()

n = int(sys.argv[1])
ride()  # imports and font set-up warmed, as in a long-running process
start = time.process_time()
for _ in range(n):
    pdf = ride()
print(f"{n / (time.process_time() - start):.1f}")
PY

HAVE_RL=0
python3 -c "import reportlab" 2>/dev/null && HAVE_RL=1
FOLIO_RATES=() RL_RATES=()
for round in $(seq 1 "$ROUNDS"); do
  CPU=$(python3 "$work/timed.py" "$FOLIO_BIN" documents pdf "$KEY" --bench-repeat "$COUNT" -O "$work/ride.pdf" -y -q)
  FOLIO_RATE=$(python3 -c "print(f'{$COUNT / $CPU:.1f}')")
  FOLIO_RATES+=("$FOLIO_RATE")
  line="round $round: folio $COUNT RIDEs in $CPU s CPU = $FOLIO_RATE PDFs per CPU second"
  if [[ $HAVE_RL == 1 ]]; then
    RL_RATE=$(python3 "$work/reportlab_ride.py" "$RL_COUNT" "$KEY")
    RL_RATES+=("$RL_RATE")
    line+="; reportlab $RL_RATE per CPU second"
  fi
  echo "$line"
done
median() { python3 -c "import statistics, sys; print(f'{statistics.median(map(float, sys.argv[1:])):.1f}')" "$@"; }
FOLIO_MEDIAN=$(median "${FOLIO_RATES[@]}")
echo "folio documents pdf: $FOLIO_MEDIAN RIDE PDFs per CPU second (median of $ROUNDS rounds; $(stat -c %s "$work/ride.pdf") bytes each)"
if [[ $HAVE_RL == 1 ]]; then
  RL_MEDIAN=$(median "${RL_RATES[@]}")
  echo "reportlab $(python3 -c 'import reportlab; print(reportlab.Version)'): $RL_MEDIAN PDFs per CPU second (median)"
  echo "ratio: $(python3 -c "print(f'{$FOLIO_MEDIAN / $RL_MEDIAN:.1f}')")x reportlab (target >= 10)"
else
  echo "reportlab not installed: no comparison (pip install reportlab)"
fi
