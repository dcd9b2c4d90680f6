#!/usr/bin/env bash
# Installs whatever is missing (scripts/setup.sh), builds the release bundle (trunk build
# --release) and serves dist/ on http://127.0.0.1:8080 with scripts/static-server.mjs: the same
# files, MIME types and security headers (www/_headers) as the deployed page. Ctrl-C stops it.
#
# usage: scripts/serve.sh            HOST and PORT in the environment override 127.0.0.1:8080.
#
# Not `trunk serve`: it injects a websocket reload script, which the page's strict
# Content-Security-Policy refuses, so the page would not be tested as it ships.
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$MAILTLS_ROOT"

scripts/setup.sh
echo
echo "serve: \$ trunk build --release"
trunk build --release
echo
exec node scripts/static-server.mjs dist --quiet
