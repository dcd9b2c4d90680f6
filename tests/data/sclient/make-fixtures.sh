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

# A root, an intermediate and leaves, with fixed serials. Dates are relative to today except for
# the expired leaf, which `openssl ca` backdates (OpenSSL 3.0's `x509` has no -not_before).
cat > ca.ext <<'X'
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
X
openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 \
  -keyout root.key -out root.pem -days 7300 -set_serial 1 \
  -subj "/O=mailtls fixtures/CN=mailtls test root" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  2>/dev/null
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 \
  -keyout int.key -out int.csr -subj "/O=mailtls fixtures/CN=mailtls test intermediate" 2>/dev/null
openssl x509 -req -in int.csr -CA root.pem -CAkey root.key -set_serial 2 -days 3650 -sha256 \
  -extfile ca.ext -out int.pem 2>/dev/null

leaf_ext() {
  printf 'subjectAltName = DNS:%s\nbasicConstraints = CA:FALSE\n' "$1"
  printf 'keyUsage = critical, digitalSignature, keyEncipherment\nextendedKeyUsage = serverAuth\n'
}
# leaf NAME SERIAL SAN-HOST
leaf() {
  openssl req -new -newkey rsa:2048 -nodes -sha256 -keyout "$1.key" -out "$1.csr" \
    -subj "/CN=$3" 2>/dev/null
  leaf_ext "$3" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA int.pem -CAkey int.key -set_serial "$2" -days 825 \
    -sha256 -extfile "$1.ext" -out "$1.pem" 2>/dev/null
  cat "$1.pem" int.pem > "$1.chain.pem"
}
leaf good 16 mx.test
leaf other 17 other.test

# The expired leaf: valid for January 2020 only.
cat > ca.cnf <<'X'
[ca]
default_ca = fixture
[fixture]
database = index.txt
new_certs_dir = .
certificate = int.pem
private_key = int.key
serial = serial
default_md = sha256
policy = anything
unique_subject = no
[anything]
commonName = supplied
[leaf]
subjectAltName = DNS:mx.test
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
X
: > index.txt
echo 12 > serial
openssl req -new -newkey rsa:2048 -nodes -sha256 -keyout expired.key -out expired.csr \
  -subj "/CN=mx.test" 2>/dev/null
openssl ca -batch -config ca.cnf -extensions leaf -notext -in expired.csr -out expired.pem \
  -startdate 20200101000000Z -enddate 20200131235959Z 2>/dev/null
cat expired.pem int.pem > expired.chain.pem

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
