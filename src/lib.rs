//! mailtls: an email TLS explainer and checker.
//!
//! [`analysis`] is the pure core: text, bytes and the current time in, typed results with stable
//! finding codes out. It never touches a browser, a clock, the network or the file system, so the
//! same code runs in the web worker, the CLI and the tests. `ui` renders a
//! [`analysis::Report`] with Yew and never parses anything itself.

pub mod analysis;
pub mod bridge;
#[cfg(feature = "ui")]
pub mod ui;
#[cfg(feature = "worker")]
pub mod worker;
