//! The analysis core: pure functions from pasted text and `now` to a typed report.
//!
//! Must not depend on: yew, web-sys, js-sys, gloo, wasm-bindgen, a clock, IO or randomness.

pub mod tls;
