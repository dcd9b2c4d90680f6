"""Makes the certificate chain of the "DANE with its own CA" example and prints the TLSA
records that match it (run once; the outputs are committed, and the DNS records file quotes the
printed digests).

Needs python-cryptography. The keys are thrown away: only the certificates are kept. The CA is
private (a self-made root), which DANE-EE (TLSA 3 1 1) doesn't care about; see ATTRIBUTION.md.
Same approach as tests/data/certs/fixtures/make_fixtures.py.

usage: python3 tests/data/samples/make_dane_example.py   (writes www/samples/dane-chain.pem)
"""
import datetime, hashlib, os
from cryptography import x509
from cryptography.x509.oid import NameOID, ExtendedKeyUsageOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "www", "samples")
UTC = datetime.timezone.utc


def name(cn, org="Example Net Mail"):
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def build(subject, issuer, key, issuer_key, start, end, serial, ca=False, pathlen=None, sans=()):
    b = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
         .public_key(key.public_key()).serial_number(serial)
         .not_valid_before(start).not_valid_after(end))
    b = b.add_extension(x509.BasicConstraints(ca=ca, path_length=pathlen if ca else None), critical=True)
    b = b.add_extension(x509.KeyUsage(digital_signature=not ca, content_commitment=False,
                                      key_encipherment=False, data_encipherment=False,
                                      key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                                      encipher_only=False, decipher_only=False), critical=True)
    if not ca:
        b = b.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        b = b.add_extension(x509.SubjectAlternativeName([x509.DNSName(s) for s in sans]), critical=False)
    b = b.add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    b = b.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
    return b.sign(issuer_key, hashes.SHA384() if isinstance(issuer_key.curve, ec.SECP384R1) else hashes.SHA256())


root_k = ec.generate_private_key(ec.SECP384R1())
ca_k = ec.generate_private_key(ec.SECP256R1())
leaf_k = ec.generate_private_key(ec.SECP256R1())
root = build(name("Example Net Root CA"), name("Example Net Root CA"), root_k, root_k,
             datetime.datetime(2025, 1, 1, tzinfo=UTC), datetime.datetime(2045, 1, 1, tzinfo=UTC), 1,
             ca=True, pathlen=1)
ca = build(name("Example Net Issuing CA"), root.subject, ca_k, root_k,
           datetime.datetime(2025, 1, 1, tzinfo=UTC), datetime.datetime(2035, 1, 1, tzinfo=UTC), 2,
           ca=True, pathlen=0)
leaf = build(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "mx1.example.net")]), ca.subject,
             leaf_k, ca_k, datetime.datetime(2025, 11, 1, tzinfo=UTC),
             datetime.datetime(2028, 11, 1, tzinfo=UTC), 0x1d4a, sans=["mx1.example.net", "mx2.example.net"])

with open(os.path.join(OUT, "dane-chain.pem"), "wb") as f:
    for c in (leaf, ca):
        f.write(c.public_bytes(serialization.Encoding.PEM))

spki = leaf.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
ca_der = ca.public_bytes(serialization.Encoding.DER)
print("leaf 3 1 1", hashlib.sha256(spki).hexdigest())
print("issuing CA 2 0 1", hashlib.sha256(ca_der).hexdigest())
