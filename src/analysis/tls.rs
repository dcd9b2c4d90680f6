//! TLS protocol versions and the cipher-suite registry.
