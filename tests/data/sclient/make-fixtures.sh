#!/usr/bin/env bash
# Regenerates the openssl s_client transcripts in this folder: real `openssl s_client -starttls smtp`
# runs against smtp-responder.py on 127.0.0.1, with throwaway certificates made here. Needs only
# openssl, python3 and loopback; nothing leaves the machine. The transcripts change on every run
# (session ids, keys, dates), so after regenerating, review the diff and update the snapshots with
# `UPDATE_EXPECT=1 cargo test --test sclient`.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
# The transcripts go here; tests/sclient.rs passes a temporary folder for its live check.
OUT=$(mkdir -p "${1:-$HERE}" && cd "${1:-$HERE}" && pwd)
WORK=$(mktemp -d)
RESPONDER_PID=
cleanup() {
  if [ -n "$RESPONDER_PID" ]; then kill "$RESPONDER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK"

# A root, an intermediate and leaves, all made with `openssl ca` so that every serial and
# validity window is fixed (OpenSSL 3.0's `x509` has no -not_before): the CAs and good leaves are
# valid 2025-01-01 to 2034-12-31 (they cover the tests' fixed "now", 2026-01-01), the expired
# leaf only during January 2020.
cat > ca.cnf <<'X'
[ca]
default_ca = fixture
[fixture]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = anything
unique_subject = no
[anything]
organizationName = optional
commonName = supplied
[root]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[intermediate]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[leaf_mx]
subjectAltName = DNS:mx.test
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
[leaf_other]
subjectAltName = DNS:other.test
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
X
: > index.txt
# sign SERIAL CSR OUT EXTENSIONS START END [CA-CERT CA-KEY | -selfsign KEY]
sign() {
  echo "$1" > serial
  local issuer=("${@:7}")
  if [ "${issuer[0]}" = "-selfsign" ]; then
    issuer=(-selfsign -keyfile "${issuer[1]}")
  else
    issuer=(-cert "${issuer[0]}" -keyfile "${issuer[1]}")
  fi
  openssl ca -batch -config ca.cnf -notext -in "$2" -out "$3" -extensions "$4" \
    -startdate "$5" -enddate "$6" "${issuer[@]}" 2>/dev/null
}
ec_request() {
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 \
    -keyout "$1.key" -out "$1.csr" -subj "$2" 2>/dev/null
}
rsa_request() {
  openssl req -new -newkey rsa:2048 -nodes -sha256 -keyout "$1.key" -out "$1.csr" \
    -subj "$2" 2>/dev/null
}
ec_request root "/O=mailtls fixtures/CN=mailtls test root"
sign 01 root.csr root.pem root 20250101000000Z 20341231235959Z -selfsign root.key
ec_request int "/O=mailtls fixtures/CN=mailtls test intermediate"
sign 02 int.csr int.pem intermediate 20250101000000Z 20341231235959Z root.pem root.key
rsa_request good "/CN=mx.test"
sign 10 good.csr good.pem leaf_mx 20250101000000Z 20341231235959Z int.pem int.key
rsa_request other "/CN=other.test"
sign 11 other.csr other.pem leaf_other 20250101000000Z 20341231235959Z int.pem int.key
rsa_request expired "/CN=mx.test"
sign 12 expired.csr expired.pem leaf_mx 20200101000000Z 20200131235959Z int.pem int.key
for leaf in good other expired; do cat "$leaf.pem" int.pem > "$leaf.chain.pem"; done

# run OUTPUT CERT "RESPONDER OPTIONS" "S_CLIENT OPTIONS" [STDIN-TEXT]
# Starts the responder, runs s_client against it and writes the transcript, prefixed with the
# command line as a user would paste it (the port is the one the responder got).
run() {
  local out=$1 cert=$2 responder_opts=$3 client_opts=$4 input=${5:-}
  : > port.txt
  # shellcheck disable=SC2086
  python3 "$HERE/smtp-responder.py" --cert "$cert.chain.pem" --key "$cert.key" $responder_opts \
    > port.txt &
  RESPONDER_PID=$!
  for _ in $(seq 1 50); do [ -s port.txt ] && break; sleep 0.1; done
  local port
  port=$(head -n 1 port.txt)
  local command="openssl s_client -starttls smtp -connect 127.0.0.1:$port $client_opts"
  {
    if [ -n "$input" ]; then
      echo "\$ printf '$input' | $command 2>&1"
      # shellcheck disable=SC2086
      printf "$input" | openssl s_client -starttls smtp -connect "127.0.0.1:$port" $client_opts 2>&1 || true
    else
      echo "\$ $command </dev/null 2>&1"
      # shellcheck disable=SC2086
      openssl s_client -starttls smtp -connect "127.0.0.1:$port" $client_opts </dev/null 2>&1 || true
    fi
  } > "$OUT/$out"
  wait "$RESPONDER_PID" 2>/dev/null || true
  RESPONDER_PID=
}

verify="-servername mx.test -verify_hostname mx.test -showcerts -CAfile root.pem"
run ok_tls13.txt good "" "$verify"
run ok_tls12.txt good "" "$verify -tls1_2"
run starttls_refused.txt good "--no-starttls" "$verify"
run expired.txt expired "" "$verify"
run hostname_mismatch.txt other "" "$verify"
run untrusted_chain.txt good "" "-servername mx.test -verify_hostname mx.test -showcerts"
run no_verify_hostname.txt good "" "-servername mx.test -CAfile root.pem"
run ehlo_after_tls.txt good "" "$verify -crlf -ign_eof" 'EHLO client.test\nQUIT\n'
run ok_brief.txt good "" "$verify -brief"

# A closed port: what a blocked or filtered port 25 looks like when the refusal is immediate.
python3 - > closed_port.txt <<'X'
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
X
port=$(cat closed_port.txt)
{
  echo "\$ openssl s_client -starttls smtp -connect 127.0.0.1:$port $verify </dev/null 2>&1"
  # shellcheck disable=SC2086
  openssl s_client -starttls smtp -connect "127.0.0.1:$port" $verify </dev/null 2>&1 || true
} > "$OUT/connection_refused.txt"
rm -f closed_port.txt

openssl version > "$OUT/openssl-version.txt"
date -u +%Y-%m-%dT%H:%M:%SZ >> "$OUT/openssl-version.txt"
echo "fixtures written to $OUT"
