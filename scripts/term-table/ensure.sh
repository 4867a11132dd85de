#!/usr/bin/env bash
# Provisions the cross-lingual term table (matching/lang): installs Debian's bilingual
# dictionaries when missing (as root; apt-get update once) and builds data/term-table/ from them.
# Cached: the table is rebuilt only when the build sources change (hash in the file name).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT="$ROOT/data/term-table"
PACKAGES=(dict-freedict-deu-eng dict-freedict-eng-deu dict-freedict-spa-eng dict-freedict-eng-spa
  dict-freedict-fra-eng dict-freedict-eng-fra dict-freedict-por-eng dict-freedict-eng-por
  dict-freedict-ita-eng dict-freedict-eng-ita trans-de-en apertium-eng-spa lttoolbox)

hash=$(cat "$ROOT"/scripts/term-table/*.ts "$ROOT"/scripts/term-table/ensure.sh "$ROOT"/matching/lang/languages.ts \
  "$ROOT"/matching/lang/term-table.ts "$ROOT"/matching/text/*.ts | sha256sum | cut -c1-12)
stamp="$OUT/built-$hash"
[ -f "$stamp" ] && [ -f "$OUT/term-table.json" ] && exit 0

missing=()
for pkg in "${PACKAGES[@]}"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    # Matching still works without the table, in English only; the cross-lingual tests fail.
    echo "warning: no cross-lingual term table: it needs Debian packages (as root: apt-get install ${missing[*]})" >&2
    exit 0
  fi
  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}") >&2
fi

echo "building the cross-lingual term table (about three minutes, first time only)..." >&2
mkdir -p "$OUT"
att=$(mktemp)
trap 'rm -f "$att"' EXIT
lt-print /usr/share/apertium/apertium-eng-spa/spa-eng.autobil.bin >"$att"
(cd "$ROOT" && npx tsx scripts/term-table/build.ts "$OUT/term-table.json.tmp" "$att")
mv "$OUT/term-table.json.tmp" "$OUT/term-table.json"
rm -f "$OUT"/built-*
touch "$stamp"
