#!/bin/sh
# The library as a dependency: install a build into a temporary prefix, then
# build and run programs against it the way another project would.
#   run.sh BUILD_DIR SOURCE_DIR WORK_DIR CMAKE CC PKG_CONFIG
# 1. app.c with `cc app.c $(pkg-config --cflags --libs paranet)`;
# 2. app_graph.c with a CMake project using find_package(paranet);
# 3. app.c against the static libparanet.a with `pkg-config --static`, when
#    the prefix has one.
# Each prints a count of datasets/bandung.json's 3 actors.
set -eu
build=$1 src=$2 work=$3 cmake=$4 cc=$5 pkgconfig=$6
here=$src/tests/consumer
data=$src/datasets/bandung.json
rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
expect() { # expect WHAT OUTPUT
    [ "$2" = 3 ] || fail "$1 printed '$2', expected 3"
    echo "ok: $1"
}

"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 ||
    { cat "$work/install.log" >&2; fail "cmake --install"; }
pc=$(find "$prefix" -name paranet.pc | head -n 1)
[ -n "$pc" ] || fail "no paranet.pc installed"
PKG_CONFIG_PATH=$(dirname "$pc")${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
export PKG_CONFIG_PATH

# 1. pkg-config. The prefix must be the one installed to, wherever that is.
libdir=$("$pkgconfig" --variable=libdir paranet)
if ! [ -d "$libdir" ] || [ "$(cd "$libdir" && pwd -P)" != "$(cd "$(dirname "$pc")/.." && pwd -P)" ]; then
    fail "paranet.pc: libdir '$libdir' is not the installed $(dirname "$pc")/.."
fi
# shellcheck disable=SC2046 # the flags are words
"$cc" -o "$work/app" "$here/app.c" $("$pkgconfig" --cflags --libs paranet) -Wl,-rpath,"$libdir" ||
    fail "cc app.c \$(pkg-config --cflags --libs paranet)"
expect "pkg-config consumer" "$("$work/app" "$data")"

# 2. find_package(paranet).
"$cmake" -S "$here" -B "$work/cmake" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$cc" \
    >"$work/cmake.log" 2>&1 || { cat "$work/cmake.log" >&2; fail "find_package(paranet)"; }
"$cmake" --build "$work/cmake" >>"$work/cmake.log" 2>&1 ||
    { cat "$work/cmake.log" >&2; fail "building against paranet::paranet"; }
expect "find_package consumer" "$("$work/cmake/app_graph" "$data")"

# 3. Static: libparanet.a by its path, whole (so every object's dependencies must
# be listed, not only those app.c pulls in), everything else from `pkg-config --static`.
# Debian's igraph.pc lists static dependencies (-lglpk, -larpack, -lplfit) whose
# -dev packages are not installed: then igraph and paranet's Requires.private
# modules are linked shared and only paranet's own Libs.private are checked.
if [ -f "$libdir/libparanet.a" ]; then
    cflags=$("$pkgconfig" --cflags paranet)
    printf 'int main(void) { return 0; }\n' >"$work/empty.c"
    # shellcheck disable=SC2046
    if "$cc" -o "$work/empty" "$work/empty.c" $("$pkgconfig" --static --libs igraph) 2>/dev/null; then
        libs=$("$pkgconfig" --static --libs paranet)
        how="pkg-config --static --libs paranet"
    else
        # shellcheck disable=SC2046
        libs="$("$pkgconfig" --libs paranet $("$pkgconfig" --print-requires-private paranet)) $(sed -n 's/^Libs.private://p' "$pc")"
        how="pkg-config --libs paranet + Requires.private + Libs.private (igraph's static closure is not installed)"
    fi
    libs=$(echo " $libs " | sed 's/ -lparanet / /g')
    # shellcheck disable=SC2086
    "$cc" -o "$work/app_static" "$here/app.c" $cflags \
        -Wl,--whole-archive "$libdir/libparanet.a" -Wl,--no-whole-archive $libs ||
        fail "cc app.c libparanet.a \$($how)"
    if readelf -d "$work/app_static" | grep -q 'NEEDED.*libparanet'; then
        fail "app_static needs libparanet.so"
    fi
    expect "static consumer ($how)" "$("$work/app_static" "$data")"
else
    echo "skip: no libparanet.a in $libdir"
fi
