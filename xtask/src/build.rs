//! `cargo xtask build`: the release wasm module and its JS glue in `www/pkg`.

use std::fs;
use std::path::Path;

use crate::{install, run};

/// Where the page loads its module from, relative to the repository root.
pub const PKG_DIR: &str = "www/pkg";
/// The directory `serve` publishes.
pub const WWW_DIR: &str = "www";
/// What `cargo build --release --target wasm32-unknown-unknown` leaves for wasm-bindgen, in
/// cargo's target directory.
const CARGO_WASM: &str = "wasm32-unknown-unknown/release/relu_explorer.wasm";
/// The module wasm-bindgen writes and wasm-opt shrinks in place.
const BINDGEN_WASM: &str = "www/pkg/relu_explorer_bg.wasm";
/// The JS glue wasm-bindgen writes.
const BINDGEN_JS: &str = "www/pkg/relu_explorer.js";
/// wasm-opt from the pinned npm `binaryen`: Debian's /usr/bin/wasm-opt (version 108)
/// produces modules that crash at init in current Chromium.
const WASM_OPT: &str = "node_modules/.bin/wasm-opt";

/// terser from the pinned npm package: wasm-bindgen's glue carries every Rust doc comment
/// and long helper names, and minifying it takes a third off its gzip size.
const TERSER: &str = "node_modules/.bin/terser";

/// wasm-opt's last input and output (and how it was run), in cargo's target directory, so that
/// a rebuild of an unchanged module skips the slowest step.
const OPT_CACHE: &str = "wasm-opt-cache";

/// The WebAssembly features Rust 1.95's wasm32-unknown-unknown emits by default
/// (its generic CPU), and SIMD, which .cargo/config.toml enables for the training kernels;
/// wasm-opt must accept and keep them.
const WASM_FEATURES: [&str; 7] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
    "--enable-simd",
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
    let cargo_wasm = run::target_dir().join(CARGO_WASM);
    let compiled = size(&cargo_wasm)?;
    run::status(
        run::program("wasm-bindgen", &["--target", "web", "--out-dir", PKG_DIR]).arg(&cargo_wasm),
    )?;
    let bound = size(&root.join(BINDGEN_WASM))?;
    let glue = size(&root.join(BINDGEN_JS))?;
    minify_glue(&root)?;

    optimise(&root)?;
    let shrunk = size(&root.join(BINDGEN_WASM))?;

    println!("xtask build: sizes (bytes, before gzip)");
    println!("  {CARGO_WASM:<62} {compiled:>9}");
    println!("  {BINDGEN_WASM:<62} {bound:>9}  after wasm-bindgen");
    println!("  {BINDGEN_WASM:<62} {shrunk:>9}  after wasm-opt -Oz");
    println!("  {BINDGEN_JS:<62} {glue:>9}  after wasm-bindgen");
    println!(
        "  {BINDGEN_JS:<62} {:>9}  after terser",
        size(&root.join(BINDGEN_JS))?
    );
    Ok(())
}

/// Minifies the JS glue in place. Its exports keep their names, so the page and course
/// authors import the same API; the unminified types stay in `relu_explorer.d.ts`.
fn minify_glue(root: &Path) -> Result<(), String> {
    let minified = format!("{BINDGEN_JS}.min");
    run::status(&mut run::program(
        root.join(TERSER),
        &[
            BINDGEN_JS,
            "--module",
            "--compress",
            "passes=3",
            "--mangle",
            "--output",
            &minified,
        ],
    ))?;
    // V8's explicit compile hint: compile every function of the glue while the file streams in,
    // rather than each on its first call in the middle of the page's first render (about 20 ms
    // of it in headless Chromium here). Browsers without the hint read a comment.
    let glue = read(&root.join(&minified))?;
    let mut hinted = b"//# allFunctionsCalledOnLoad\n".to_vec();
    hinted.extend(glue);
    fs::write(root.join(BINDGEN_JS), hinted)
        .map_err(|err| format!("cannot write {BINDGEN_JS}: {err}"))?;
    fs::remove_file(root.join(&minified)).map_err(|err| format!("cannot remove {minified}: {err}"))
}

/// wasm-opt's passes: size first, repeated until they stop finding anything (`--converge`
/// takes about a third of a KB more off the gzip size for ten more seconds of build).
const WASM_OPT_PASSES: [&str; 2] = ["-Oz", "--converge"];

/// Runs wasm-opt on the bound module in place, unless it is byte for byte the module
/// the last run optimised with the same binaryen and flags: then that output is reused.
fn optimise(root: &Path) -> Result<(), String> {
    let module = root.join(BINDGEN_WASM);
    let input = read(&module)?;
    let binaryen = read(&root.join("node_modules/binaryen/package.json"))?;
    let mut recipe = [&WASM_OPT_PASSES[..], &WASM_FEATURES[..]]
        .concat()
        .join(" ")
        .into_bytes();
    recipe.extend(binaryen);
    let cache = run::target_dir().join(OPT_CACHE);
    let (cached_recipe, cached_input, cached_output) = (
        cache.join("recipe"),
        cache.join("input.wasm"),
        cache.join("output.wasm"),
    );
    // A cached output is trusted only if it is a whole wasm module: two builds racing once
    // left a zeroed file behind, and reusing it broke every later build.
    if fs::read(&cached_recipe).ok() == Some(recipe.clone())
        && fs::read(&cached_input).ok() == Some(input.clone())
        && fs::read(&cached_output).is_ok_and(|bytes| bytes.starts_with(b"\0asm"))
    {
        println!("wasm-opt: module unchanged since the last build, reusing its output");
        return copy(&cached_output, &module);
    }

    let optimised = format!("{BINDGEN_WASM}.opt");
    let mut args = WASM_OPT_PASSES.to_vec();
    args.extend(WASM_FEATURES);
    args.extend([BINDGEN_WASM, "-o", &optimised]);
    run::status(&mut run::program(root.join(WASM_OPT), &args))?;
    fs::rename(root.join(&optimised), &module)
        .map_err(|err| format!("cannot replace {BINDGEN_WASM} with wasm-opt's output: {err}"))?;

    // Each file is written beside its place and renamed into it, so that a build running at
    // the same time sees the old file or the new one, never half of one.
    let remember = || -> std::io::Result<()> {
        fs::create_dir_all(&cache)?;
        let output = fs::read(&module)?;
        for (path, bytes) in [
            (&cached_input, &input),
            (&cached_output, &output),
            (&cached_recipe, &recipe),
        ] {
            let partial = path.with_extension("partial");
            fs::write(&partial, bytes)?;
            fs::rename(&partial, path)?;
        }
        Ok(())
    };
    remember().map_err(|err| format!("cannot write {OPT_CACHE}: {err}"))
}

/// The bytes of the file at `path`.
fn read(path: &Path) -> Result<Vec<u8>, String> {
    fs::read(path).map_err(|err| format!("cannot read {}: {err}", path.display()))
}

/// Copies `from` over `to`.
fn copy(from: &Path, to: &Path) -> Result<(), String> {
    fs::copy(from, to)
        .map(drop)
        .map_err(|err| format!("cannot copy {} to {}: {err}", from.display(), to.display()))
}

/// The size of the file at `path` in bytes.
fn size(path: &Path) -> Result<u64, String> {
    fs::metadata(path)
        .map(|meta| meta.len())
        .map_err(|err| format!("expected {} to exist: {err}", path.display()))
}
