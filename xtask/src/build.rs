//! `cargo xtask build`: the release wasm module and its JS glue in `www/pkg`.

use std::fs;
use std::path::Path;

use crate::{install, run};

/// Where the page loads its module from, relative to the repository root.
pub const PKG_DIR: &str = "www/pkg";
/// The directory `serve` publishes.
pub const WWW_DIR: &str = "www";
/// What `cargo build --release --target wasm32-unknown-unknown` leaves for wasm-bindgen.
const CARGO_WASM: &str = "target/wasm32-unknown-unknown/release/relu_explorer.wasm";
/// The module wasm-bindgen writes and wasm-opt shrinks in place.
const BINDGEN_WASM: &str = "www/pkg/relu_explorer_bg.wasm";
/// The JS glue wasm-bindgen writes.
const BINDGEN_JS: &str = "www/pkg/relu_explorer.js";
/// wasm-opt from the pinned npm `binaryen`: Debian's /usr/bin/wasm-opt (version 108)
/// produces modules that crash at init in current Chromium.
const WASM_OPT: &str = "node_modules/.bin/wasm-opt";

/// The WebAssembly features Rust 1.95's wasm32-unknown-unknown emits by default
/// (its generic CPU); wasm-opt must accept and keep them.
const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Installs what is missing, then compiles, binds and optimises the module, printing
/// the sizes of what the page will load.
pub fn run() -> Result<(), String> {
    install::wasm_target()?;
    install::wasm_bindgen_cli()?;
    install::node_packages()?;

    run::status(&mut run::cargo(&[
        "build",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "relu-explorer",
        "--lib",
    ]))?;
    let root = run::root();
    let compiled = size(&root.join(CARGO_WASM))?;
    run::status(&mut run::program(
        "wasm-bindgen",
        &["--target", "web", "--out-dir", PKG_DIR, CARGO_WASM],
    ))?;
    let bound = size(&root.join(BINDGEN_WASM))?;

    let optimised = format!("{BINDGEN_WASM}.opt");
    let mut args = vec!["-Oz"];
    args.extend(WASM_FEATURES);
    args.extend([BINDGEN_WASM, "-o", &optimised]);
    run::status(&mut run::program(root.join(WASM_OPT), &args))?;
    fs::rename(root.join(&optimised), root.join(BINDGEN_WASM))
        .map_err(|err| format!("cannot replace {BINDGEN_WASM} with wasm-opt's output: {err}"))?;
    let shrunk = size(&root.join(BINDGEN_WASM))?;

    println!("xtask build: sizes (bytes, before gzip)");
    println!("  {CARGO_WASM:<62} {compiled:>9}");
    println!("  {BINDGEN_WASM:<62} {bound:>9}  after wasm-bindgen");
    println!("  {BINDGEN_WASM:<62} {shrunk:>9}  after wasm-opt -Oz");
    println!("  {BINDGEN_JS:<62} {:>9}", size(&root.join(BINDGEN_JS))?);
    Ok(())
}

/// The size of the file at `path` in bytes.
fn size(path: &Path) -> Result<u64, String> {
    fs::metadata(path)
        .map(|meta| meta.len())
        .map_err(|err| format!("expected {} to exist: {err}", path.display()))
}
