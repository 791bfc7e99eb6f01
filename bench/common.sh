# Sourced by the bench scripts: the release binary (built unless FOLIO_BIN names one), the
# tools a script needs, and a scratch directory removed on exit unless KEEP is set.
#   folio_binary PACKAGE_DIR     sets FOLIO_BIN
#   require_tools TOOL…          fails naming the first one missing
#   scratch_directory            sets work (and the trap that removes it)
folio_binary() {
    if [[ -z "${FOLIO_BIN:-}" ]]; then
        echo "building release in $1 ..." >&2
        swift build -c release --product folio --package-path "$1" >&2
        FOLIO_BIN="$(swift build -c release --package-path "$1" --show-bin-path)/folio"
    fi
}

require_tools() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "error: $tool is needed" >&2; exit 1; }
    done
}

scratch_directory() {
    work=$(mktemp -d "${TMPDIR:-/tmp}/folio-bench.XXXXXX")
    if [[ -n "${KEEP:-}" ]]; then echo "keeping $work" >&2; else trap 'rm -rf "$work"' EXIT; fi
}
