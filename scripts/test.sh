#!/usr/bin/env bash
# Installs whatever is missing (scripts/setup.sh --browser), then runs every test layer, stopping
# at the first failure with the command to re-run:
#   setup self-test, rustfmt, clippy (native; wasm page; wasm worker), cargo test (unit, corpus,
#   SSR render, tidy), a release Trunk build, and the Playwright journeys against dist/ on a free
#   loopback port. Ends with a summary: each layer's time, and dist/ sizes raw and gzip.
#
# usage: scripts/test.sh
# The tests read the third-party corpus from ../shared/corpus (next to the repository).
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$MAILTLS_ROOT"

started=$SECONDS
names=()
times=()

# step NAME COMMAND...: runs one layer; on failure says which, how to re-run it, and stops.
step() {
  local name="$1"
  shift
  local t0=$SECONDS
  printf '\n==> %s\n    $ %s\n' "$name" "$*"
  local status=0
  "$@" || status=$?
  if ((status != 0)); then
    printf '\nFAILED: %s (exit %d after %d s)\n  re-run: %s\n' "$name" "$status" "$((SECONDS - t0))" "$*" >&2
    printf 'test: %d passed, 1 failed\n' "${#names[@]}"
    exit 1
  fi
  names+=("$name")
  times+=("$((SECONDS - t0))")
}

[[ -d ../shared/corpus ]] || {
  echo "test: ../shared/corpus is missing; the corpus tests need it next to the repository" >&2
  exit 1
}

step "setup (installs what is missing)" scripts/setup.sh --browser
step "setup script self-test" scripts/setup-selftest.sh
step "rustfmt" cargo fmt --check
step "clippy, native (lib, CLI, tests, SSR)" cargo clippy --all-targets --features ssr -- -D warnings
step "clippy, wasm page" cargo clippy --target wasm32-unknown-unknown --features web --bin mailtls-web -- -D warnings
step "clippy, wasm worker" cargo clippy --target wasm32-unknown-unknown --features worker --bin mailtls-worker -- -D warnings
step "cargo test (unit, corpus, SSR render, tidy)" cargo test --features ssr
step "trunk build --release" trunk build --release
step "browser journeys (Playwright, Chromium)" node tests/e2e/run.mjs --dist dist

printf '\n==> summary\n'
for i in "${!names[@]}"; do
  printf '  %4d s  %s\n' "${times[$i]}" "${names[$i]}"
done
printf '  %4d s  in all\n\n' "$((SECONDS - started))"
node scripts/sizes.mjs dist
printf 'test: %d passed, 0 failed\n' "${#names[@]}"
