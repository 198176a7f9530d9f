//! Helpers shared by the native test files.
#![cfg(not(target_arch = "wasm32"))]

pub mod svg;
