#!/bin/sh
# Progress lines on stderr: on a terminal only, never with --quiet, for
# every command that reads a dataset. A terminal comes from util-linux
# `script` (Debian: bsdutils, which is essential); PARANET_PROGRESS_DELAY=0
# (cli.h) shows progress at once instead of after a second of work, so small
# datasets do.
. "$(dirname "$0")/cli_lib.sh"
T="$SRC/datasets/tangsel.json"

if ! command -v script >/dev/null 2>&1; then
    echo "SKIP: no 'script' (util-linux) to give the command a terminal"
    exit 77
fi
if ! script -qec true /dev/null </dev/null >/dev/null 2>&1; then
    echo "SKIP: 'script' cannot open a pseudo-terminal here"
    exit 77
fi

# on_tty WANT CMD: run the shell command CMD with stdin, stdout and stderr
# on a pseudo-terminal (CMD redirects stdout itself); what reached the
# terminal goes to $OUT/tty. WANT is the exit code wanted.
on_tty() {
    want=$1
    script -qec "$2" /dev/null </dev/null >"$OUT/tty" 2>&1
    got=$?
    if [ "$got" -eq "$want" ]; then ok; else fail "exit $got, wanted $want: $2"; cat "$OUT/tty" >&2; fi
}
# A progress line: "paranet: WHAT NN%" after a carriage return.
progress_shown() {
    if tr '\r' '\n' <"$OUT/tty" | grep -aqE '^.\[Kparanet: [A-Za-z ]+ +[0-9]+%'; then ok; else
        fail "no progress on the terminal: $1"
        cat -v "$OUT/tty" >&2
    fi
}
nothing_shown() {
    if [ -s "$OUT/tty" ]; then
        fail "the terminal got output: $1"
        cat -v "$OUT/tty" >&2
    else
        ok
    fi
}

export PARANET_PROGRESS_DELAY=0
G="$OUT/g2500.json"
"$PN" generate --actors 2500 --seed 1 -q -o "$G" || fail "generate"

# Every command that reads a dataset shows load progress on a terminal.
on_tty 0 "'$PN' info '$T' >'$OUT/out'"
progress_shown info
on_tty 0 "'$PN' reach '$T' --from tangsel >'$OUT/out'"
progress_shown reach
on_tty 0 "'$PN' path '$T' --from banyumas --to daejeon >'$OUT/out'"
progress_shown path
on_tty 0 "'$PN' partners '$T' --actor tangsel >'$OUT/out'"
progress_shown partners
on_tty 0 "'$PN' render '$T' -T dot -o '$OUT/t.dot'"
progress_shown render
on_tty 0 "'$PN' convert '$T' -o '$OUT/t.graphml'"
progress_shown convert
on_tty 0 "'$PN' merge '$T' '$T' -o '$OUT/m.json' >'$OUT/out'"
progress_shown merge
on_tty 0 "'$PN' validate '$T' >'$OUT/out'"
progress_shown validate

# metrics: the load and the path metrics, in process (tangsel) and in 2
# workers (2,500 actors: the library forks from 2,000).
on_tty 0 "'$PN' metrics '$T' -m betweenness >'$OUT/out'"
progress_shown "metrics"
if tr '\r' '\n' <"$OUT/tty" | grep -aqE 'paranet: betweenness +[0-9]+%'; then ok; else
    fail "metrics: no betweenness progress"
fi
on_tty 0 "'$PN' metrics '$G' -m harmonic --jobs 2 >'$OUT/out'"
if tr '\r' '\n' <"$OUT/tty" | grep -aqE 'paranet: harmonic +[0-9]+%'; then ok; else
    fail "metrics --jobs 2: no harmonic progress"
fi
# The table on stdout is untouched by the progress lines.
"$PN" metrics "$G" -m harmonic --jobs 2 >"$OUT/plain" 2>/dev/null
if cmp -s "$OUT/plain" "$OUT/out"; then ok; else fail "progress got into stdout"; fi

# --quiet: nothing on the terminal.
on_tty 0 "'$PN' metrics -q '$G' -m harmonic --jobs 2 >'$OUT/out'"
nothing_shown "metrics -q"
on_tty 0 "'$PN' metrics --quiet '$T' --cutoff 2 >'$OUT/out'"
nothing_shown "metrics --quiet --cutoff"
on_tty 0 "'$PN' validate -q '$T'"
nothing_shown "validate -q"
on_tty 0 "'$PN' convert -q '$T' -o '$OUT/t.graphml'"
nothing_shown "convert -q"
on_tty 0 "'$PN' merge -q '$T' '$T' -o '$OUT/m.json'"
nothing_shown "merge -q"
on_tty 0 "'$PN' info -q '$T' >'$OUT/out'"
nothing_shown "info -q"
on_tty 0 "'$PN' reach --quiet '$T' --from tangsel >'$OUT/out'"
nothing_shown "reach --quiet"
on_tty 0 "'$PN' partners --quiet '$T' --actor tangsel >'$OUT/out'"
nothing_shown "partners --quiet"

# stderr to a file: no progress there, and nothing on the terminal.
on_tty 0 "'$PN' metrics '$T' --basis all -m betweenness >'$OUT/out' 2>'$OUT/err'"
nothing_shown "metrics 2>file"
if [ -s "$OUT/err" ]; then fail "stderr file not empty"; cat -v "$OUT/err" >&2; else ok; fi
on_tty 0 "'$PN' info '$T' >'$OUT/out' 2>'$OUT/err'"
nothing_shown "info 2>file"
[ ! -s "$OUT/err" ] && ok || fail "info: stderr file not empty"
# ... and without a terminal at all.
"$PN" metrics "$T" --basis all -m closeness >"$OUT/out" 2>"$OUT/err" || fail "metrics"
[ ! -s "$OUT/err" ] && ok || fail "metrics without a terminal wrote on stderr"

# The default delay of a second: tangsel loads in far less, so nothing shows
# (not under valgrind, where a second can pass).
if [ -z "$PN_UNDER_VALGRIND" ]; then
    unset PARANET_PROGRESS_DELAY
    on_tty 0 "'$PN' info '$T' >'$OUT/out'"
    nothing_shown "info with the default delay"
fi

finish
