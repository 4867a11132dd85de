#!/usr/bin/env bash
# Builds the local FerretDB launcher into $1, with one fix to FerretDB 1.24.2's SQLite backend.
#
# The fix: FerretDB looks documents up by _id with the SQL expression `_ferretdb_sjson->'$._id'`,
# but creates the _id index on `_ferretdb_sjson->"_id"`. SQLite uses an expression index only when
# the query's expression is the same, so every lookup, update and delete by _id scanned the whole
# table (EXPLAIN QUERY PLAN: "SCAN"; 2–20 s per lookup with 50k research outputs). Both
# expressions return the same value; with the index's spelling SQLite searches the index instead.
set -euo pipefail
out=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$here"
go mod download github.com/FerretDB/FerretDB
src=$(go list -m -f '{{.Dir}}' github.com/FerretDB/FerretDB)
cp -r "$src" "$work/ferretdb"
chmod -R u+w "$work/ferretdb"
metadata="$work/ferretdb/internal/backends/sqlite/metadata/metadata.go"
grep -q "IDColumn = DefaultColumn + \"->'\$._id'\"" "$metadata" || { echo "FerretDB's IDColumn is not what build.sh expects; check the fix" >&2; exit 1; }
sed -i "s|IDColumn = DefaultColumn + \"->'\$._id'\"|IDColumn = DefaultColumn + \"->'_id'\"|" "$metadata"

mkdir "$work/launcher"
cp go.mod go.sum main.go "$work/launcher/"
cd "$work/launcher"
go mod edit -replace "github.com/FerretDB/FerretDB=$work/ferretdb"
go build -o "$out" .
