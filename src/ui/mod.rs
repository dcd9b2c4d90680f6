//! The Yew front end: renders a `Report`. Never parses input itself; the analysis runs in the
//! worker (`crate::worker`) and reaches components as data.

pub mod app;
#[cfg(feature = "web")]
pub mod web;
