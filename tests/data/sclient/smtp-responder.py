#!/usr/bin/env python3
"""A tiny loopback SMTP server for making `openssl s_client -starttls smtp` test transcripts.

It speaks just enough SMTP (RFC 5321) for s_client: a 220 greeting, EHLO with or without
STARTTLS, STARTTLS (RFC 3207) handing the socket to TLS, and EHLO/QUIT after TLS. It listens on
127.0.0.1 only, prints the port it bound on its first line, serves `--connections` clients one
after the other and exits. Used by make-fixtures.sh; never by the tests themselves.
"""

import argparse
import socket
import ssl


def reply(stream, text):
    stream.write(text.encode("ascii") + b"\r\n")
    stream.flush()


def serve(conn, args):
    plain = conn.makefile("rwb")
    reply(plain, "220 mx.test ESMTP mailtls fixture responder")
    tls_stream = None
    while True:
        line = plain.readline()
        if not line:
            return
        verb = line.strip().split(b" ")[0].upper()
        if verb in (b"EHLO", b"HELO"):
            caps = ["250-mx.test", "250-PIPELINING", "250-SIZE 10240000"]
            if args.starttls:
                caps.append("250-STARTTLS")
            caps.append("250 8BITMIME")
            reply(plain, "\r\n".join(caps))
        elif verb == b"STARTTLS" and args.starttls:
            reply(plain, "220 2.0.0 Ready to start TLS")
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(args.cert, args.key)
            try:
                tls = context.wrap_socket(conn, server_side=True)
            except (ssl.SSLError, OSError):
                return
            tls_stream = tls.makefile("rwb")
            break
        elif verb == b"QUIT":
            reply(plain, "221 2.0.0 Bye")
            return
        else:
            reply(plain, "502 5.5.1 Error: command not implemented")
    # After STARTTLS all SMTP state is discarded and the client starts again with EHLO
    # (RFC 3207 §4.2). REQUIRETLS is advertised only here (RFC 8689 §2).
    while True:
        try:
            line = tls_stream.readline()
        except (ssl.SSLError, OSError):
            return
        if not line:
            return
        verb = line.strip().split(b" ")[0].upper()
        try:
            if verb in (b"EHLO", b"HELO"):
                reply(tls_stream, "250-mx.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n"
                                  "250-REQUIRETLS\r\n250 8BITMIME")
            elif verb == b"QUIT":
                reply(tls_stream, "221 2.0.0 Bye")
                return
            else:
                reply(tls_stream, "502 5.5.1 Error: command not implemented")
        except (ssl.SSLError, OSError):
            return


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert", required=True, help="PEM: leaf first, then intermediates")
    parser.add_argument("--key", required=True)
    parser.add_argument("--no-starttls", dest="starttls", action="store_false")
    parser.add_argument("--connections", type=int, default=1)
    args = parser.parse_args()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    print(listener.getsockname()[1], flush=True)
    for _ in range(args.connections):
        conn, _ = listener.accept()
        conn.settimeout(10)
        try:
            serve(conn, args)
        finally:
            conn.close()


if __name__ == "__main__":
    main()
