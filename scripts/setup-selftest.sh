#!/usr/bin/env bash
# Tests scripts/setup.sh's detection and install steps without touching the machine: it runs the
# real script on a copy of the project files with fake cargo, rustup, npm and apt-get first on
# PATH, which log what they are asked and "install" fake tools into a temporary folder. A fresh
# machine (everything missing), a second run (nothing to do), wrong versions and inconsistent
# pins are each checked against the exact commands expected.
#
# usage: scripts/setup-selftest.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/mailtls-setup-selftest.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

FAKE_BIN="$WORK/bin"    # fake package managers, first on PATH
INST="$WORK/installed"  # where the fakes "install" tools
STATE="$WORK/state"     # the fakes' memory (targets added, apt lists updated)
LOG="$WORK/commands.log"
mkdir -p "$FAKE_BIN" "$INST" "$STATE"

fake() { # fake NAME BODY: a shell script that logs its arguments, then runs BODY
  printf '#!/usr/bin/env bash\necho "%s $*" >> "%s"\n%s\n' "$1" "$LOG" "$2" > "$FAKE_BIN/$1"
  chmod +x "$FAKE_BIN/$1"
}
tool() { # tool NAME VERSION-LINE: an "installed" tool printing VERSION-LINE for --version
  printf '#!/bin/sh\necho "%s"\n' "$2" > "$INST/$1"
  chmod +x "$INST/$1"
}
fake rustup '
if [[ "$1 $2" == "target list" ]]; then cat "'"$STATE"'/targets" 2>/dev/null; exit 0; fi
if [[ "$1 $2" == "target add" ]]; then echo "$3" >> "'"$STATE"'/targets"; exit 0; fi
exit 1'
fake cargo '
case "$*" in
  "install --locked trunk@"*) printf "#!/bin/sh\necho \"trunk ${3#trunk@}\"\n" > "'"$INST"'/trunk" ;;
  "install wasm-bindgen-cli@"*) printf "#!/bin/sh\necho \"wasm-bindgen ${2#wasm-bindgen-cli@}\"\n" > "'"$INST"'/wasm-bindgen" ;;
  *) exit 1 ;;
esac
chmod +x "'"$INST"'"/*'
fake npm '
[[ $1 == ci ]] || exit 1
node -e "
const fs = require(\"fs\"), lock = require(process.cwd() + \"/package-lock.json\");
for (const [k, v] of Object.entries(lock.packages)) {
  if (!k) continue;
  fs.mkdirSync(\"node_modules/\" + k.slice(13), { recursive: true });
  fs.writeFileSync(\"node_modules/\" + k.slice(13) + \"/package.json\", JSON.stringify({ version: v.version }));
}"
mkdir -p node_modules/.bin
printf "#!/bin/sh\necho \"wasm-opt version 132 (version_132)\"\n" > node_modules/.bin/wasm-opt
chmod +x node_modules/.bin/wasm-opt'
fake apt-get '
case "$*" in
  update*) touch "'"$STATE"'/updated" ;;
  *install*chromium*chromium-driver*)
    [[ -e "'"$STATE"'/updated" ]] || { echo "E: Unable to locate package chromium" >&2; exit 100; }
    for t in chromium chromedriver; do printf "#!/bin/sh\necho \"Chromium 1.0\"\n" > "'"$INST"'/$t"; chmod +x "'"$INST"'/$t"; done ;;
  *) exit 1 ;;
esac'

# A copy of the files setup.sh reads, so node_modules and edits stay in $WORK.
REPO="$WORK/repo"
mkdir -p "$REPO/scripts"
cp "$ROOT"/scripts/setup.sh "$ROOT"/scripts/env.sh "$REPO/scripts/"
cp "$ROOT"/Cargo.toml "$ROOT"/Cargo.lock "$ROOT"/Trunk.toml "$ROOT"/package.json "$ROOT"/package-lock.json "$REPO/"

export PATH="$FAKE_BIN:$PATH"
export MAILTLS_TRUNK="$INST/trunk" MAILTLS_WASM_BINDGEN="$INST/wasm-bindgen"
export MAILTLS_CHROMIUM="$INST/chromium" MAILTLS_CHROMEDRIVER="$INST/chromedriver"
unset MAILTLS_NODE_MODULES MAILTLS_RUST_TARGET

trunk_version="$(sed -n 's/^trunk-version *= *"\([^"]*\)".*/\1/p' "$ROOT/Trunk.toml")"
bindgen_version="$(sed -n 's/^wasm-bindgen *= *{ *version *= *"=\([^"]*\)".*/\1/p' "$ROOT/Cargo.toml")"

passed=0
failed=0
# expect NAME EXPECTED-STATUS EXPECTED-COMMANDS -- SETUP-ARGS...: runs setup.sh, compares.
expect() {
  local name="$1" want_status="$2" want_log="$3"
  shift 4
  : > "$LOG"
  local status=0
  "$REPO/scripts/setup.sh" "$@" > "$WORK/out.txt" 2>&1 || status=$?
  local got_log
  got_log="$(cat "$LOG")"
  if [[ $status == "$want_status" && $got_log == "$want_log" ]]; then
    passed=$((passed + 1))
    echo "ok    $name"
  else
    failed=$((failed + 1))
    echo "FAIL  $name: exit $status (want $want_status)"
    echo "      commands run:"; sed 's/^/        /' <<< "$got_log"
    echo "      commands wanted:"; sed 's/^/        /' <<< "$want_log"
    echo "      output:"; sed 's/^/        /' "$WORK/out.txt"
  fi
}

expect "fresh machine: installs everything, apt-get update only after a failed install" 0 \
"rustup target list --installed
rustup target add wasm32-unknown-unknown
rustup target list --installed
cargo install --locked trunk@$trunk_version
cargo install wasm-bindgen-cli@$bindgen_version
npm ci --no-audit --no-fund
apt-get install -y -q chromium chromium-driver
apt-get update -q
apt-get install -y -q chromium chromium-driver" -- --browser

expect "second run: only checks" 0 "rustup target list --installed" -- --browser
grep -q "nothing to install" "$WORK/out.txt" || { failed=$((failed + 1)); echo "FAIL  second run did not say 'nothing to install'"; }

expect "without --browser: never touches apt" 0 "rustup target list --installed" --

tool trunk "trunk 0.20.0"
tool wasm-bindgen "wasm-bindgen 0.2.100"
expect "wrong versions: reinstalls trunk and wasm-bindgen" 0 \
"rustup target list --installed
cargo install --locked trunk@$trunk_version
cargo install wasm-bindgen-cli@$bindgen_version" --

rm -rf "$REPO/node_modules/playwright-core"
expect "a missing npm package: npm ci" 0 \
"rustup target list --installed
npm ci --no-audit --no-fund" --

rm "$INST/chromedriver"
expect "chromedriver alone missing: apt-get install" 0 \
"rustup target list --installed
apt-get install -y -q chromium chromium-driver" -- --browser

tool trunk "trunk 0.20.0"
expect "dry run: checks, installs nothing" 0 "rustup target list --installed" -- --dry-run
grep -q "cargo install --locked trunk@$trunk_version" "$WORK/out.txt" || { failed=$((failed + 1)); echo "FAIL  dry run did not print the trunk install"; }
tool trunk "trunk $trunk_version"

cp "$REPO/Trunk.toml" "$WORK/Trunk.toml.orig"
sed -i 's/^wasm_bindgen = .*/wasm_bindgen = "0.0.1"/' "$REPO/Trunk.toml"
expect "inconsistent wasm-bindgen pins: refuses before installing anything" 1 "" --
cp "$WORK/Trunk.toml.orig" "$REPO/Trunk.toml"

sed -i 's/^wasm_opt = .*/wasm_opt = "version_999"/' "$REPO/Trunk.toml"
expect "wasm-opt pin differs from binaryen in package.json: refuses" 1 "" --
cp "$WORK/Trunk.toml.orig" "$REPO/Trunk.toml"

echo "setup-selftest: $passed passed, $failed failed"
((failed == 0))
