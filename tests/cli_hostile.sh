#!/bin/sh
# Hostile and broken input through the binary: every case ends with a located
# message and its documented exit status (1 invalid data or over a limit,
# 3 cannot read), never a crash, a hang or partial output. The small cases
# are data in tests/data/invalid (run by cli_invalid and check_load); here
# are those that need a generator, a special file or a size limit.
. "$(dirname "$0")/cli_lib.sh"

# Under valgrind (PN_VALGRIND=ON) the big inputs are cut down: memcheck
# needs minutes for what takes a second natively; the limit paths are the same.
big=1
[ -n "${PN_UNDER_VALGRIND:-}" ] && big=0

# first_line_starts FILE PREFIX: stderr's first line names the input first.
first_line_starts() {
    case $(head -n 1 "$1") in
    "$2"*) ok ;;
    *) fail "$1 does not start with '$2': $(head -n 1 "$1")" ;;
    esac
}
# no_crash: the last command ended by itself (no signal: status < 128).
no_crash() {
    if [ "$got" -lt 128 ]; then ok; else fail "killed by a signal (status $got)"; fi
}

# A directory, a missing file, /dev/null, /dev/zero.
mkdir -p "$OUT/adir"
expect_exit 3 "$PN" validate "$OUT/adir"
first_line_starts "$OUT/err" "$OUT/adir: error: is a directory"
expect_exit 3 "$PN" validate "$OUT/missing.json"
first_line_starts "$OUT/err" "$OUT/missing.json: error: cannot open: No such file"
expect_exit 1 "$PN" validate /dev/null
first_line_starts "$OUT/err" "/dev/null: error: file is empty"
expect_exit 1 "$PN" validate --max-bytes 1000000 /dev/zero
first_line_starts "$OUT/err" "/dev/zero: error: input is over the limit of 1000000 bytes"
if [ $big -eq 1 ]; then
    # The default limit (256 MiB) stops an endless file.
    expect_exit 1 "$PN" validate /dev/zero
    first_line_starts "$OUT/err" "/dev/zero: error: input is over the limit of 268435456 bytes"
    # 1 GiB through standard input: a JSON string that never ends within the limit.
    expect_exit 1 sh -c "{ printf '{\"paranet\": 1, \"title\": \"'; head -c 1073741824 /dev/zero | tr '\\\\0' a; printf '\"}'; } | \"$PN\" validate -"
    first_line_starts "$OUT/err" "<stdin>: error: input is over the limit of 268435456 bytes"
fi

# A 3 MB string, generated here: over --max-bytes it is refused, under it valid.
{
    printf '{"paranet": 1, "title": "'
    head -c 3000000 /dev/zero | tr '\0' t
    printf '", "actors": [{"id": "a", "name": "A", "kind": "city", "country": "ID"}], "ties": []}'
} >"$OUT/long.json"
expect_exit 1 "$PN" validate --max-bytes 1000000 "$OUT/long.json"
first_line_starts "$OUT/err" "$OUT/long.json: error: input is over the limit of 1000000 bytes"
expect_exit 0 "$PN" validate --max-bytes 4000000 "$OUT/long.json"
expect_exit 1 sh -c "\"$PN\" validate --max-bytes 1000000 - < \"$OUT/long.json\""
first_line_starts "$OUT/err" "<stdin>: error: input is over the limit of 1000000 bytes"
expect_exit 2 "$PN" validate --max-bytes 0 "$OUT/long.json"
expect_exit 2 "$PN" validate --max-depth 0 "$OUT/long.json"

# Nesting: over the default depth (64), over a raised one, and far beyond
# what a recursive parser could take on its stack.
nest() { # nest N: N arrays deep inside a title
    printf '{"paranet": 1, "title": '
    i=0
    while [ $i -lt "$1" ]; do printf '['; i=$((i + 1)); done
    i=0
    while [ $i -lt "$1" ]; do printf ']'; i=$((i + 1)); done
    printf ', "actors": [], "ties": []}'
}
nest 100 >"$OUT/deep100.json"
expect_exit 1 "$PN" validate "$OUT/deep100.json"
first_line_starts "$OUT/err" "$OUT/deep100.json:1:88: error: JSON is nested deeper than 64 levels"
expect_exit 1 "$PN" validate --max-depth 200 "$OUT/deep100.json"
has "$OUT/err" "expected a string, found an array"
head -c 200000 /dev/zero | tr '\0' '[' >"$OUT/deep.json"
expect_exit 1 "$PN" validate --max-depth 2000 "$OUT/deep.json"
first_line_starts "$OUT/err" "$OUT/deep.json:1:"
has "$OUT/err" "maximum parsing depth"

# Every prefix of a valid file is refused with a located message.
src="$SRC/tests/data/warnings/misspelt-field/input.json"
size=$(wc -c <"$src")
step=13
[ $big -eq 0 ] && step=97
n=1
while [ $n -lt "$size" ]; do
    head -c $n "$src" >"$OUT/input.json"
    (cd "$OUT" && "$PN" validate --quiet input.json >/dev/null 2>"$OUT/err")
    got=$?
    if [ "$got" -eq 1 ]; then ok; else fail "prefix of $n bytes: exit $got"; fi
    first_line_starts "$OUT/err" "input.json:"
    n=$((n + step))
done

# Bytes a text editor may leave: a raw NUL, UTF-16 (with its BOM), CRLF ends.
printf '{"paranet": 1,\000 "actors": [], "ties": []}' >"$OUT/nul.json"
expect_exit 1 "$PN" validate "$OUT/nul.json"
first_line_starts "$OUT/err" "$OUT/nul.json:1:"
printf '\377\376{\000}\000' >"$OUT/utf16.json"
expect_exit 1 "$PN" validate "$OUT/utf16.json"
first_line_starts "$OUT/err" "$OUT/utf16.json:1:"
tr -d '\r' <"$SRC/datasets/bandung.json" | sed 's/$/\r/' >"$OUT/crlf.json"
expect_exit 0 "$PN" validate --strict "$OUT/crlf.json"

# Numbers: -0 is 0 (a valid weight), 1e400 does not fit, a year must be an integer.
tie() { # tie FIELDS: a two-actor dataset with one tie carrying FIELDS
    printf '{"paranet": 1, "sources": [{"id": "s", "cite": "S"}], "actors": [
  {"id": "a", "name": "A", "kind": "city", "country": "ID"},
  {"id": "b", "name": "B", "kind": "city", "country": "KR"}],
 "ties": [{"from": "a", "to": "b", "type": "g2g", "sources": ["s"], %s}]}\n' "$1"
}
tie '"weight": -0' >"$OUT/negzero.json"
expect_exit 0 "$PN" validate --strict "$OUT/negzero.json"
expect_exit 0 "$PN" convert "$OUT/negzero.json" -o "$OUT/negzero-out.json"
has "$OUT/negzero-out.json" '"weight": 0'
hasnt "$OUT/negzero-out.json" '-0'
tie '"weight": 1e400' >"$OUT/overflow.json"
expect_exit 1 "$PN" validate "$OUT/overflow.json"
first_line_starts "$OUT/err" "$OUT/overflow.json:4:"
tie '"since": 99999999999999999999999' >"$OUT/bigint.json"
expect_exit 1 "$PN" validate "$OUT/bigint.json"
first_line_starts "$OUT/err" "$OUT/bigint.json:4:"
tie '"since": 2016.0' >"$OUT/realyear.json"
expect_exit 1 "$PN" validate "$OUT/realyear.json"
first_line_starts "$OUT/err" "$OUT/realyear.json:4:"
has "$OUT/err" "ties[0].since"

# No partial output: a failed render or generate leaves no file behind.
tie '"weight": -1' >"$OUT/bad.json"
for fmt in dot svg; do
    expect_exit 1 "$PN" render -o "$OUT/bad.$fmt" "$OUT/bad.json"
    if [ -e "$OUT/bad.$fmt" ]; then fail "render left $OUT/bad.$fmt"; else ok; fi
done
expect_exit 3 "$PN" render -o "$OUT/nodir/x.svg" "$SRC/datasets/bandung.json"
if ls "$OUT"/nodir* >/dev/null 2>&1; then fail "render created $OUT/nodir"; else ok; fi

# Standard output that cannot be written (a full disk) is an I/O error.
if [ -w /dev/full ]; then
    expect_exit 3 sh -c "\"$PN\" info \"$SRC/datasets/bandung.json\" >/dev/full"
    first_line_starts "$OUT/err" "<stdout>: error: cannot write"
fi

# CSV with ragged rows; GraphML with a DTD (entities, external references)
# or XInclude: refused or ignored, nothing read from elsewhere, no output.
printf 'id,name,kind,country\na,A,city,ID\nb,B,city\nc,C,city,KR,extra\n' >"$OUT/actors.csv"
printf 'from,to,type\na,c,g2g\n' >"$OUT/ties.csv"
expect_exit 1 "$PN" convert "$OUT/actors.csv" "$OUT/ties.csv" -o "$OUT/csv.json"
first_line_starts "$OUT/err" "$OUT/actors.csv:3: error: row has 3 fields"
has "$OUT/err" "actors.csv:4: error: row has 5 fields"
if [ -e "$OUT/csv.json" ]; then fail "convert left csv.json"; else ok; fi
printf 'secret-%s\n' $$ >"$OUT/secret.txt"
# GEXF too (the same expat setup, its own reader).
for kind in system parameter billion gexf-system gexf-parameter gexf-billion; do
    root=graphml ext=graphml
    case $kind in gexf-*) root=gexf ext=gexf ;; esac
    case ${kind#gexf-} in
    system) dtd="<!DOCTYPE $root [<!ENTITY x SYSTEM \"file://$OUT/secret.txt\">]>" ;;
    parameter) dtd="<!DOCTYPE $root [<!ENTITY % p SYSTEM \"file://$OUT/secret.txt\"> %p;]>" ;;
    billion) dtd="<!DOCTYPE $root"' [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY x "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>' ;;
    esac
    if [ $ext = graphml ]; then
        cat >"$OUT/$kind.graphml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
$dtd
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="name" for="node" attr.name="name" attr.type="string"/>
  <graph edgedefault="undirected"><node id="a"><data key="name">&x;</data></node></graph>
</graphml>
EOF
    else
        printf '%s\n%s\n%s\n' '<?xml version="1.0" encoding="UTF-8"?>' "$dtd" \
            '<gexf xmlns="http://www.gexf.net/1.2draft"><graph><nodes><node id="a" label="&x;"/></nodes></graph></gexf>' \
            >"$OUT/$kind.gexf"
    fi
    expect_exit 1 "$PN" convert "$OUT/$kind.$ext" -o "$OUT/$kind.json"
    first_line_starts "$OUT/err" "$OUT/$kind.$ext:2: error:"
    hasnt "$OUT/err" "secret-$$"
    if [ -e "$OUT/$kind.json" ]; then fail "convert left $kind.json"; else ok; fi
done
cat >"$OUT/xinclude.graphml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xi="http://www.w3.org/2001/XInclude">
  <key id="name" for="node" attr.name="name" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="a"><data key="name"><xi:include href="file://$OUT/secret.txt" parse="text"/></data></node>
  </graph>
</graphml>
EOF
expect_exit 1 "$PN" convert "$OUT/xinclude.graphml" -o "$OUT/xinclude.json"
first_line_starts "$OUT/err" "$OUT/xinclude.graphml:"
hasnt "$OUT/err" "secret-$$"

# Unknown options suggest the nearest known one, in every command.
for cmd in $("$PN" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 && $1 != "Commands:" {print $1}'); do
    expect_exit 2 "$PN" "$cmd" --helpp
    has "$OUT/err" "did you mean '--help'?"
    first_line_starts "$OUT/err" "paranet $cmd: unknown option '--helpp'"
done

# The man page documents every command and every exit status.
man="$SRC/docs/paranet.1"
for cmd in $("$PN" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 && $1 != "Commands:" {print $1}'); do
    if grep -qF ".BI \"$cmd " "$man" || grep -qF "fB$cmd\\fR" "$man"; then ok; else fail "docs/paranet.1 lacks the command $cmd"; fi
done
for code in 0 1 2 3 4; do
    if grep -qx ".B $code" "$man"; then ok; else fail "docs/paranet.1 lacks exit status $code"; fi
done


# -o naming what is not a regular file (never the real /dev nodes: copies
# made with mknod, as root only). A device is written in place, never
# replaced; a full one is an I/O error.
B="$SRC/datasets/bandung.json"
if [ "$(id -u)" = 0 ] && mknod "$OUT/null" c 1 3 2>/dev/null && mknod "$OUT/full" c 1 7; then
    for cmd in "convert --to json" "render -T dot"; do
        expect_exit 0 "$PN" $cmd "$B" -o "$OUT/null"
        if [ -c "$OUT/null" ]; then ok; else fail "$cmd -o null replaced the device node"; fi
        expect_exit 3 "$PN" $cmd "$B" -o "$OUT/full"
        has "$OUT/err" "$OUT/full: error: cannot write: No space left on device"
        if [ -c "$OUT/full" ]; then ok; else fail "$cmd -o full replaced the device node"; fi
    done
    expect_exit 3 "$PN" generate --actors 50 -o "$OUT/full"
    if [ -c "$OUT/full" ]; then ok; else fail "generate -o full replaced the device node"; fi
    if ls "$OUT"/null.tmp* "$OUT"/full.tmp* >/dev/null 2>&1; then fail "temporary files left beside devices"; else ok; fi
fi
# A FIFO is written through (a reader gets the bytes), not replaced.
if mkfifo "$OUT/fifo" 2>/dev/null; then
    cat "$OUT/fifo" >"$OUT/fifo.out" &
    expect_exit 0 "$PN" convert --to json "$B" -o "$OUT/fifo"
    wait
    has "$OUT/fifo.out" '"paranet": 1'
    if [ -p "$OUT/fifo" ]; then ok; else fail "convert replaced the FIFO"; fi
fi
# A symlink: its target gets the new content, the link stays a link
# (a dangling one creates its target).
printf 'old\n' >"$OUT/target.json"
ln -s target.json "$OUT/link.json"
ln -s made.json "$OUT/dangling.json"
expect_exit 0 "$PN" convert "$B" -o "$OUT/link.json"
if [ -L "$OUT/link.json" ]; then ok; else fail "-o link.json replaced the link"; fi
has "$OUT/target.json" '"paranet": 1'
expect_exit 0 "$PN" convert "$B" -o "$OUT/dangling.json"
if [ -L "$OUT/dangling.json" ]; then ok; else fail "-o dangling.json replaced the link"; fi
has "$OUT/made.json" '"paranet": 1'
expect_exit 3 "$PN" convert "$B" --to json -o "$OUT/adir"
has "$OUT/err" "$OUT/adir: error: cannot write: is a directory"

# CSV output is all or nothing: ties.csv cannot be replaced (a directory),
# so actors.csv keeps its previous content.
mkdir -p "$OUT/tables"
expect_exit 0 "$PN" convert "$B" --to csv -o "$OUT/tables"
cksum "$OUT/tables/actors.csv" >"$OUT/actors.sum"
rm "$OUT/tables/ties.csv"
mkdir -p "$OUT/tables/ties.csv/x"
expect_exit 3 "$PN" convert "$SRC/datasets/tangsel.json" --to csv -o "$OUT/tables"
has "$OUT/err" "ties.csv: error: cannot write: is a directory"
cksum "$OUT/tables/actors.csv" | cmp -s - "$OUT/actors.sum" && ok || fail "actors.csv was replaced"
rm -r "$OUT/tables/ties.csv"
expect_exit 0 "$PN" convert "$B" --to csv -o "$OUT/tables"
for f in "$OUT"/tables/*.csv; do cksum "$f"; done >"$OUT/tables.sum"
# The failures strace can make: the second rename fails (the first file
# is restored), and SIGTERM/SIGINT while a temporary file is open (it is
# removed). Skipped without strace or ptrace. LeakSanitizer cannot run
# under ptrace: off for these runs of a sanitizer build.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export ASAN_OPTIONS
if command -v strace >/dev/null 2>&1 && strace -o /dev/null true 2>/dev/null && [ -z "${PN_UNDER_VALGRIND:-}" ]; then
    expect_exit 3 strace -f -o /dev/null -e trace=rename,renameat,renameat2 \
        -e inject=rename,renameat,renameat2:error=EACCES:when=2 \
        "$PN" convert "$SRC/datasets/tangsel.json" --to csv -o "$OUT/tables"
    has "$OUT/err" "ties.csv: error: cannot replace: Permission denied"
    for f in "$OUT"/tables/*.csv; do cksum "$f"; done | cmp -s - "$OUT/tables.sum" && ok ||
        fail "a failed CSV write changed the tables"
    ls -a "$OUT/tables" >"$OUT/list"
    hasnt "$OUT/list" ".tmp"
    hasnt "$OUT/list" ".bak"
    for sig in TERM INT; do
        strace -f -o /dev/null -e trace=fsync -e inject=fsync:signal=SIG$sig \
            "$PN" convert "$SRC/datasets/tangsel.json" --to json -o "$OUT/killed.json" >/dev/null 2>&1
        got=$?
        if [ "$got" -ge 128 ]; then ok; else fail "SIG$sig: exit $got, wanted death by the signal"; fi
        if ls "$OUT"/killed.json* >/dev/null 2>&1; then fail "SIG$sig left $(ls "$OUT"/killed.json*)"; else ok; fi
        strace -f -o /dev/null -e trace=fsync -e inject=fsync:signal=SIG$sig:when=3 \
            "$PN" convert "$SRC/datasets/tangsel.json" --to csv -o "$OUT/tables" >/dev/null 2>&1
        ls -a "$OUT/tables" >"$OUT/list"
        hasnt "$OUT/list" ".tmp"
        for f in "$OUT"/tables/*.csv; do cksum "$f"; done | cmp -s - "$OUT/tables.sum" && ok ||
            fail "SIG$sig during a CSV write changed the tables"
    done
fi

finish
