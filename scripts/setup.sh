#!/usr/bin/env bash
# Installs whatever mailtls needs that is missing, and nothing else. Idempotent: a second run only
# checks versions and takes seconds. Reaches only the package registries (crates.io, npm,
# Debian's apt); Trunk itself never downloads anything (Trunk.toml: offline = true).
#
# usage: scripts/setup.sh [--browser] [--dry-run]
#   --browser   also install Debian's chromium and chromium-driver (for the browser tests)
#   --dry-run   check everything, print what would be installed, install nothing
#
# The versions come from the project files, not from this script:
#   trunk         Trunk.toml        trunk-version = "X"
#   wasm-bindgen  Cargo.toml        wasm-bindgen = { version = "=X" }  (must equal Trunk.toml's
#                                   [tools] wasm_bindgen and the version in Cargo.lock)
#   wasm-opt      package-lock.json binaryen X.0.0 (must match Trunk.toml's wasm_opt = "version_X")
#
# For testing the detection without uninstalling anything, each check can be pointed elsewhere:
#   MAILTLS_TRUNK, MAILTLS_WASM_BINDGEN, MAILTLS_CHROMIUM, MAILTLS_CHROMEDRIVER (commands),
#   MAILTLS_NODE_MODULES (folder), MAILTLS_RUST_TARGET (target triple).
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$MAILTLS_ROOT"

BROWSER=0
DRY_RUN=0
for arg in "$@"; do
  case "$arg" in
    --browser) BROWSER=1 ;;
    --dry-run) DRY_RUN=1 ;;
    -h | --help)
      sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "setup: unknown option $arg (try --help)" >&2
      exit 2
      ;;
  esac
done

TRUNK="${MAILTLS_TRUNK:-trunk}"
WASM_BINDGEN="${MAILTLS_WASM_BINDGEN:-wasm-bindgen}"
CHROMIUM="${MAILTLS_CHROMIUM:-/usr/bin/chromium}"
CHROMEDRIVER="${MAILTLS_CHROMEDRIVER:-/usr/bin/chromedriver}"
NODE_MODULES="${MAILTLS_NODE_MODULES:-$MAILTLS_ROOT/node_modules}"
RUST_TARGET="${MAILTLS_RUST_TARGET:-wasm32-unknown-unknown}"

started=$SECONDS
installed=()

say() { printf 'setup: %s\n' "$*"; }
die() {
  printf 'setup: ERROR: %s\n' "$*" >&2
  exit 1
}
# Prints a command, then runs it (or only prints it with --dry-run).
run() {
  printf 'setup:   $ %s\n' "$*"
  if [[ $DRY_RUN == 1 ]]; then
    return 0
  fi
  "$@"
}
# The first line a command prints for --version, or nothing when it is missing or fails.
version_of() {
  command -v "$1" >/dev/null 2>&1 || return 0
  "$1" --version 2>/dev/null | head -n 1 || true
}

# After an install: the command now on PATH must print exactly the expected version.
verify() {
  [[ $DRY_RUN == 1 ]] && return 0
  local found
  found="$(version_of "$1")"
  [[ $found == "$2" ]] ||
    die "installed $2, but '$1 --version' says '${found:-nothing}' (is ${CARGO_HOME:-$HOME/.cargo}/bin first on PATH?)"
}

# --- The pins, read from the project files -----------------------------------------------------

TRUNK_VERSION="$(sed -n 's/^trunk-version *= *"\([^"]*\)".*/\1/p' Trunk.toml)"
[[ -n $TRUNK_VERSION ]] || die "Trunk.toml has no trunk-version = \"X\" line"

BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen *= *{ *version *= *"=\([^"]*\)".*/\1/p' Cargo.toml)"
[[ -n $BINDGEN_VERSION ]] || die "Cargo.toml must pin wasm-bindgen exactly: wasm-bindgen = { version = \"=X\", ... }"
TRUNK_BINDGEN="$(sed -n 's/^wasm_bindgen *= *"\([^"]*\)".*/\1/p' Trunk.toml)"
[[ $TRUNK_BINDGEN == "$BINDGEN_VERSION" ]] ||
  die "wasm-bindgen pins differ: Cargo.toml =$BINDGEN_VERSION, Trunk.toml [tools] wasm_bindgen = \"$TRUNK_BINDGEN\""
LOCK_BINDGEN="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[[ -z $LOCK_BINDGEN || $LOCK_BINDGEN == "$BINDGEN_VERSION" ]] ||
  die "Cargo.lock has wasm-bindgen $LOCK_BINDGEN but Cargo.toml pins =$BINDGEN_VERSION"

WASM_OPT_VERSION="$(sed -n 's/^wasm_opt *= *"version_\([0-9]*\)".*/\1/p' Trunk.toml)"
[[ -n $WASM_OPT_VERSION ]] || die "Trunk.toml has no wasm_opt = \"version_N\" line"
grep -q "\"binaryen\": \"$WASM_OPT_VERSION\.0\.0\"" package.json ||
  die "package.json must pin binaryen $WASM_OPT_VERSION.0.0 to match Trunk.toml's wasm_opt = \"version_$WASM_OPT_VERSION\""

say "pins: trunk $TRUNK_VERSION, wasm-bindgen $BINDGEN_VERSION, wasm-opt (binaryen) $WASM_OPT_VERSION"

# --- What cannot be installed here: the Rust toolchain and Node.js -----------------------------

for tool in cargo rustup node npm; do
  command -v "$tool" >/dev/null 2>&1 ||
    die "$tool is not on PATH; this machine kind provides it (see README.md, Requirements)"
done
node_major="$(node -p 'process.versions.node.split(".")[0]')"
((node_major >= 20)) || die "Node.js $node_major is too old; playwright-core needs Node.js 20 or later"

# --- 1. The wasm32 target ----------------------------------------------------------------------

if rustup target list --installed 2>/dev/null | grep -qx "$RUST_TARGET"; then
  say "rust target $RUST_TARGET: ok"
else
  say "rust target $RUST_TARGET: missing, adding"
  run rustup target add "$RUST_TARGET"
  installed+=("rust target $RUST_TARGET")
  if [[ $DRY_RUN == 0 ]]; then
    rustup target list --installed | grep -qx "$RUST_TARGET" || die "rustup did not add $RUST_TARGET"
  fi
fi

# --- 2. Trunk ----------------------------------------------------------------------------------

found="$(version_of "$TRUNK")"
if [[ $found == "trunk $TRUNK_VERSION" ]]; then
  say "trunk $TRUNK_VERSION: ok"
else
  say "trunk $TRUNK_VERSION: ${found:-not found}, installing from crates.io (about 7 minutes on 2 cores)"
  run cargo install --locked "trunk@$TRUNK_VERSION"
  installed+=("trunk $TRUNK_VERSION")
  verify "$TRUNK" "trunk $TRUNK_VERSION"
fi

# --- 3. The wasm-bindgen CLI, the same version as the crate ------------------------------------

found="$(version_of "$WASM_BINDGEN")"
if [[ $found == "wasm-bindgen $BINDGEN_VERSION" ]]; then
  say "wasm-bindgen $BINDGEN_VERSION: ok"
else
  say "wasm-bindgen $BINDGEN_VERSION: ${found:-not found}, installing wasm-bindgen-cli from crates.io"
  # Not --locked: wasm-bindgen-cli's own lockfile names a crate version crates.io doesn't serve.
  run cargo install "wasm-bindgen-cli@$BINDGEN_VERSION"
  installed+=("wasm-bindgen-cli $BINDGEN_VERSION")
  verify "$WASM_BINDGEN" "wasm-bindgen $BINDGEN_VERSION"
fi

# --- 4. npm packages: binaryen (wasm-opt) and playwright-core -----------------------------------

# Up to date when every package in package-lock.json is in node_modules at the locked version.
npm_stale="$(
  node - "$MAILTLS_ROOT/package-lock.json" "$NODE_MODULES" <<'EOF'
const fs = require('fs');
const path = require('path');
const [lockFile, modules] = process.argv.slice(2);
const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
for (const [key, entry] of Object.entries(lock.packages || {})) {
  if (!key.startsWith('node_modules/')) continue;
  const manifest = path.join(modules, key.slice('node_modules/'.length), 'package.json');
  let version = null;
  try { version = JSON.parse(fs.readFileSync(manifest, 'utf8')).version; } catch {}
  if (version !== entry.version) {
    console.log(`${key.slice(13)} ${version ?? 'missing'} (locked ${entry.version})`);
  }
}
EOF
)"
if [[ -z $npm_stale ]]; then
  say "npm packages (package-lock.json): ok"
else
  say "npm packages: not as locked: $(echo "$npm_stale" | paste -sd ',' - | sed 's/,/, /g'); installing"
  run npm ci --no-audit --no-fund
  installed+=("npm packages")
fi
if [[ $DRY_RUN == 0 ]]; then
  wasm_opt_found="$(version_of "$NODE_MODULES/.bin/wasm-opt")"
  [[ $wasm_opt_found == *"version $WASM_OPT_VERSION"* ]] ||
    die "node_modules/.bin/wasm-opt --version says '${wasm_opt_found:-nothing}', expected version $WASM_OPT_VERSION"
  say "wasm-opt: $wasm_opt_found"
fi

# --- 5. Chromium for the browser tests (only with --browser) ------------------------------------

if [[ $BROWSER == 1 ]]; then
  missing=()
  [[ -x $CHROMIUM ]] || missing+=("$CHROMIUM")
  [[ -x $CHROMEDRIVER ]] || missing+=("$CHROMEDRIVER")
  if ((${#missing[@]} == 0)); then
    say "chromium and chromium-driver: ok ($("$CHROMIUM" --version 2>/dev/null | head -n 1))"
  else
    say "chromium and chromium-driver: ${missing[*]} missing, installing from Debian"
    sudo=()
    if [[ $(id -u) != 0 ]]; then
      command -v sudo >/dev/null 2>&1 || die "not root and no sudo: install chromium chromium-driver with apt-get"
      sudo=(sudo)
    fi
    apt_install=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver)
    # A fresh machine's package lists may be empty or old: update only when the install fails.
    if ! run "${apt_install[@]}"; then
      say "apt-get install failed; updating the package lists and trying again"
      run "${sudo[@]}" apt-get update -q
      run "${apt_install[@]}"
    fi
    installed+=("chromium chromium-driver")
    if [[ $DRY_RUN == 0 ]]; then
      [[ -x $CHROMIUM && -x $CHROMEDRIVER ]] ||
        die "apt-get installed chromium chromium-driver, but $CHROMIUM or $CHROMEDRIVER is still missing"
    fi
  fi
fi

# --- Done --------------------------------------------------------------------------------------

if ((${#installed[@]} == 0)); then
  say "nothing to install"
elif [[ $DRY_RUN == 1 ]]; then
  say "would install: $(IFS=,; echo "${installed[*]}" | sed 's/,/, /g')"
else
  say "installed: $(IFS=,; echo "${installed[*]}" | sed 's/,/, /g')"
fi
say "done in $((SECONDS - started)) s. The scripts set PATH themselves; in your own shell use:"
say "  export PATH=\"$MAILTLS_ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:\$PATH\""
