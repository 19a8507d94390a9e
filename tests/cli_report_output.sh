#!/bin/sh
# -o FILE for the table commands (info, metrics, reach, path, partners):
# the report into FILE, byte for byte what standard output gets with the
# same format; the format from FILE's extension unless -f; an unknown
# extension without -f, or a directory that does not exist, is a clear
# error that leaves nothing behind; a file already there is replaced whole.
. "$(dirname "$0")/cli_lib.sh"
DS=$SRC/datasets
T=$DS/tangsel.json
cd "$OUT" || exit 1

same() { # same FILE_A FILE_B what
    if cmp -s "$1" "$2"; then ok; else fail "$3: $1 and $2 differ"; fi
}

# Each extension gives its format: the bytes -f gives on stdout.
for ext in csv tsv json md tex txt; do
    f=$ext
    [ "$ext" = tex ] && f=latex
    [ "$ext" = txt ] && f=text
    expect_exit 0 "$PN" metrics "$T" -m degree,betweenness -q -o "m.$ext"
    "$PN" metrics "$T" -m degree,betweenness -q -f "$f" >"stdout.$ext" 2>/dev/null
    same "m.$ext" "stdout.$ext" "metrics -o m.$ext"
done
head -1 m.csv | grep -q '^rank,id,name,kind,country,degree,betweenness$' && ok ||
    fail "m.csv does not start with the csv header: $(head -1 m.csv)"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' m.json && ok || fail "m.json is not JSON"

# The csv "# " lines still go to stderr, not into the file.
expect_exit 0 "$PN" metrics "$T" -m degree -o n.csv
has err '# view: '
hasnt n.csv '# '

# -f wins over the extension, with a note.
expect_exit 0 "$PN" metrics "$T" -m degree -f md -o md.csv
has err 'note: writing md into md.csv, as -f says'
grep -q '^| rank |' md.csv && ok || fail "-f md -o md.csv is not Markdown"
# -f and a name without an extension.
expect_exit 0 "$PN" metrics "$T" -m degree -f csv -o table
same table n.csv "-f csv -o table"

# An extension paranet cannot tell, and no -f: exit 2, nothing written.
expect_exit 2 "$PN" metrics "$T" -m degree -o m.xlsx
has err "-o: cannot tell the format of 'm.xlsx' from its name: give a name ending in .txt .csv .tsv .json .md or .tex, or -f FORMAT"
[ ! -e m.xlsx ] && ok || fail "m.xlsx was written"
# A directory that does not exist: exit 3 (input/output), the path named.
expect_exit 3 "$PN" info "$T" -o no/such/dir/info.json
has err 'no/such/dir/info.json'
has err 'cannot write'
# "-o -" is standard output.
expect_exit 0 "$PN" info "$T" -f json -o -
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' out && ok || fail "info -o - is not JSON on stdout"

# A file already there is replaced whole (a longer table, then a shorter).
expect_exit 0 "$PN" metrics "$T" -m degree -o r.csv
expect_exit 0 "$PN" metrics "$T" -m degree -n 2 -o r.csv
n=$(wc -l <r.csv)
[ "$n" -eq 3 ] && ok || fail "r.csv has $n lines after --top 2, want 3 (header + 2)"

# The other table commands.
expect_exit 0 "$PN" info "$T" -o info.json
"$PN" info "$T" -f json >info-stdout.json 2>/dev/null
same info.json info-stdout.json "info -o info.json"
expect_exit 0 "$PN" partners "$T" --actor tangsel -o p.md
"$PN" partners "$T" --actor tangsel -f md >p-stdout.md 2>/dev/null
same p.md p-stdout.md "partners -o p.md"
expect_exit 0 "$PN" reach "$T" --from tangsel -o r.tsv
"$PN" reach "$T" --from tangsel -f tsv >r-stdout.tsv 2>/dev/null
same r.tsv r-stdout.tsv "reach -o r.tsv"
expect_exit 0 "$PN" path "$T" --from iti --to wta -o path.txt
"$PN" path "$T" --from iti --to wta >path-stdout.txt 2>/dev/null
same path.txt path-stdout.txt "path -o path.txt"
# A panel (metrics --over, a child process per year) into a file.
expect_exit 0 "$PN" metrics "$T" --over 2015:2016 -m degree -o panel.csv
"$PN" metrics "$T" --over 2015:2016 -m degree -f csv >panel-stdout.csv 2>/dev/null
same panel.csv panel-stdout.csv "metrics --over -o panel.csv"

# Help says so.
expect_exit 0 "$PN" help metrics
has out '-o, --output FILE       write the report into FILE'
finish
