#!/bin/sh
# Set up, build and run paranet on Debian 12.
#
#   sh scripts/bootstrap.sh demo   install what is missing, build, run the main job
#   sh scripts/bootstrap.sh test   install what is missing (and the peer tools: R igraph,
#                                  sna, NetworkX, python-igraph, graph-tool), build, run
#                                  every test (a normal build, one with ASan + UBSan and
#                                  one under valgrind, both without the peer tests, and
#                                  a short run of each fuzzer with clang)
#
# Installs Debian packages with apt-get (as root, or through sudo).
set -eu
cd "$(dirname "$0")/.."
mode=${1:-demo}

# Everything paranet builds and tests with, from Debian 12; and the fonts its
# figures are drawn with: DejaVu (the themes' font, Latin, Greek, Cyrillic) and
# Noto CJK (Hangul, Han, Kana; 57 MB download, 91 MB installed). docs/render.md,
# "Fonts and scripts".
PACKAGES="build-essential cmake pkg-config libigraph-dev libgraphviz-dev graphviz
libjansson-dev check libcsv-dev libexpat1-dev libfontconfig-dev libpango1.0-dev libcairo2-dev valgrind clang libclang-rt-14-dev python3
fonts-dejavu-core fonts-noto-cjk"
# The test mode also compiles the LaTeX tables (tests/cli_latex.sh, label tex)
# and opens the explorer in headless Chromium (tests/browser/, label browser).
if [ "$mode" = test ]; then
    PACKAGES="$PACKAGES texlive-latex-base texlive-latex-recommended texlive-xetex lmodern
fontconfig poppler-utils chromium nodejs"
fi

# The peer tools the tests read paranet's exports with (tests/peers/, ctest
# -L peers): test mode only; the demo needs none of them.
PEER_PACKAGES="r-base-core r-cran-igraph r-cran-sna python3-networkx python3-scipy python3-igraph
python3-graph-tool python3-pandas"

install() { # install PACKAGE...: the ones not installed yet
    missing=""
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
    done
    [ -n "$missing" ] || return 0
    echo "Installing:$missing"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
}
# shellcheck disable=SC2086
if [ "$mode" = test ]; then install $PACKAGES $PEER_PACKAGES; else install $PACKAGES; fi
# The browser tests' driver, playwright-core, from tests/browser/package-lock.json;
# it drives Debian's chromium and downloads no browser. (npm comes with
# Debian's npm package, or with a nodejs that carries its own.)
if [ "$mode" = test ]; then
    command -v npm >/dev/null 2>&1 || install npm
    (cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >/dev/null)
fi
# Graphviz finds its render plugins through a config file that a fresh
# install may lack ("Format: png not recognized"): make sure it is there.
if ! ls /usr/lib/*/graphviz/config6* >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO dot -c
fi

jobs=$(nproc 2>/dev/null || echo 2)
build() { # build DIR [cmake options...]: the log goes to DIR/build.log, shown on failure
    dir=$1
    shift
    mkdir -p "$dir"
    if ! { cmake -S . -B "$dir" -DPN_WERROR=ON "$@" && cmake --build "$dir" -j"$jobs"; } >"$dir/build.log" 2>&1; then
        cat "$dir/build.log" >&2
        echo "bootstrap: the build in $dir failed (log above, and in $dir/build.log)" >&2
        exit 1
    fi
}

case $mode in
demo)
    build build
    mkdir -p out
    build/tools/paranet validate datasets/tangsel.json
    build/tools/paranet info datasets/tangsel.json
    build/tools/paranet render datasets/tangsel.json --labels short -o out/tangsel.svg
    echo "Diagram written to out/tangsel.svg"
    echo
    build/tools/paranet metrics datasets/tangsel.json --top 10 --format md
    ;;
test)
    build build
    (cd build && ctest --output-on-failure -j"$jobs")
    build build-asan -DPN_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
    # The peer, TeX and browser tests check what other programs make of
    # paranet's files, not memory: the plain build runs them, once.
    (cd build-asan && ctest --output-on-failure -j"$jobs" -LE 'peers|tex|browser')
    # Every test again under valgrind memcheck: errors and definite leaks fail.
    # Tests labelled heavy (whole-world inputs) ran under ASan above.
    build build-valgrind -DPN_VALGRIND=ON -DCMAKE_BUILD_TYPE=Debug
    (cd build-valgrind && ctest --output-on-failure -j"$jobs" -LE 'peers|tex|browser|heavy')
    # The libFuzzer harnesses (clang), each run for a few seconds from its corpus.
    build build-fuzz -DCMAKE_C_COMPILER=clang -DPN_FUZZ=ON -DPN_BUILD_TESTS=OFF
    (cd build-fuzz && ctest --output-on-failure -j"$jobs" -L fuzz)
    ;;
*)
    echo "usage: sh scripts/bootstrap.sh demo|test" >&2
    exit 2
    ;;
esac
