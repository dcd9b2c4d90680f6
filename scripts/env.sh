# Sourced by the other scripts (not run): the project root and the PATH the tools need.
#
# Cargo-installed tools (trunk, wasm-bindgen) live in $CARGO_HOME/bin, and Trunk finds wasm-opt
# (npm package binaryen) on PATH, so node_modules/.bin must be on it too.

MAILTLS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export MAILTLS_ROOT

mailtls_path_prepend() {
  case ":$PATH:" in
    *":$1:"*) ;;
    *) PATH="$1:$PATH" ;;
  esac
}
mailtls_path_prepend "${CARGO_HOME:-$HOME/.cargo}/bin"
mailtls_path_prepend "$MAILTLS_ROOT/node_modules/.bin"
export PATH
