//! `cargo xtask build`: the release wasm module and its JS glue in `www/pkg`, and the same
//! module with the fuzz mode in `www/pkg-fuzz`, which the page loads only for a `fuzz=1` link.

use std::fs;
use std::path::Path;

use crate::{imports, install, reference, run};

/// The directory `serve` publishes.
pub const WWW_DIR: &str = "www";
/// One build of the module: its cargo profile and features, and where it goes.
pub struct Variant {
    /// The cargo profile (Cargo.toml): `release`, optimised for size, for the page, or
    /// `npm`, at opt-level 2, for the npm package.
    profile: &'static str,
    /// What `cargo build` is told about features (nothing for the defaults).
    features: &'static [&'static str],
    /// Its folder, relative to the repository root.
    pub pkg: &'static str,
}

/// What every reader loads; then the fuzz mode's build. The fuzzer is a test tool (PhET's
/// `?fuzz`): about 8 KB gzip that no reader should download, so it lives in a module of its
/// own that main.js loads instead of the usual one when the link says `fuzz=1`.
const VARIANTS: [Variant; 2] = [
    Variant {
        profile: "release",
        features: &[],
        pkg: "www/pkg",
    },
    Variant {
        profile: "release",
        features: &["--features", "fuzz"],
        pkg: "www/pkg-fuzz",
    },
];

/// The npm package's module (`cargo xtask pack`): the JS API alone, without the page's shell,
/// at opt-level 2 (see Cargo.toml's `npm` profile).
pub const PACKAGE: Variant = Variant {
    profile: "npm",
    features: &["--no-default-features"],
    pkg: "target/pack/relu-explorer",
};

impl Variant {
    /// What `cargo build` leaves for wasm-bindgen, in cargo's target directory.
    fn cargo_wasm(&self) -> String {
        format!("wasm32-unknown-unknown/{}/relu_explorer.wasm", self.profile)
    }

    /// The module wasm-bindgen writes and wasm-opt shrinks in place.
    fn wasm(&self) -> String {
        format!("{}/relu_explorer_bg.wasm", self.pkg)
    }

    /// The JS glue wasm-bindgen writes.
    fn glue(&self) -> String {
        format!("{}/relu_explorer.js", self.pkg)
    }
}
/// wasm-opt from the pinned npm `binaryen`: Debian's /usr/bin/wasm-opt (version 108)
/// produces modules that crash at init in current Chromium.
const WASM_OPT: &str = "node_modules/.bin/wasm-opt";

/// terser from the pinned npm package: wasm-bindgen's glue carries every Rust doc comment
/// and long helper names, and minifying it takes a third off its gzip size.
const TERSER: &str = "node_modules/.bin/terser";
/// esbuild (npm), which bundles the glue with its JS snippets.
const ESBUILD: &str = "node_modules/.bin/esbuild";

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

/// Installs what is missing, then compiles, binds and optimises each variant of the module,
/// printing the sizes of what the page will load.
pub fn run() -> Result<(), String> {
    install::wasm_target()?;
    install::wasm_bindgen_cli()?;
    install::node_packages()?;
    render_page()?;
    minify_site()?;
    reference::run()?;
    for variant in &VARIANTS {
        build(variant)?;
    }
    Ok(())
}

/// The page template, with `{{id}}` for every text (see the relu-i18n crate).
pub const PAGE_TEMPLATE: &str = "i18n/page.html";
/// Where the rendered page goes: the page `serve` publishes.
const PAGE: &str = "www/index.html";

/// Renders the page from its template and the translations in `i18n/`, both languages in one
/// file, so that it reads whole without JavaScript and switches language without a request.
pub fn render_page() -> Result<(), String> {
    let root = run::root();
    let catalogs = relu_i18n::load(&root.join("i18n"))?;
    let template = fs::read_to_string(root.join(PAGE_TEMPLATE))
        .map_err(|err| format!("cannot read {PAGE_TEMPLATE}: {err}"))?;
    let page = relu_i18n::page::render(&template, &catalogs)?;
    // A fresh clone has no www/: everything in it is made here.
    fs::create_dir_all(root.join(WWW_DIR))
        .map_err(|err| format!("cannot create {WWW_DIR}/: {err}"))?;
    fs::write(root.join(PAGE), page).map_err(|err| format!("cannot write {PAGE}: {err}"))
}

/// Minifies the stylesheet `from` into `to` (paths from the repository root) with
/// [`MINIFY_CSS`].
pub fn minify_css(from: &str, to: &str) -> Result<(), String> {
    run::status(&mut run::program("node", &[MINIFY_CSS, from, to]))
}

/// Minifies the script `from` into `to` (paths from the repository root) with terser, read as
/// an ES module or, where `module` is false, as a classic script.
pub fn minify_script(from: &str, to: &str, module: bool) -> Result<(), String> {
    let mut terser = run::program(run::root().join(TERSER), &[from]);
    if module {
        terser.arg("--module");
    }
    terser.args(["--compress", "--mangle", "--output", to]);
    run::status(&mut terser)
}

/// The page's hand-written files (`site/`), each with a comment for every why, and the
/// minified copies the build writes beside the rendered page in `www/`.
const SITE_DIR: &str = "site";
/// The script that minifies the stylesheet with lightningcss (npm).
const MINIFY_CSS: &str = "xtask/minify_css.mjs";

/// How terser must read a script: the page loads compile.js as a classic script in `<head>`
/// (and the API reference, api.html, its own api.js there)
/// and main.js as a module (it imports the glue and awaits at its top level); main.js imports
/// resizer.js (in a frame), share.js (on a first click on a sharing tool) and export.js (on a
/// first click on an export button) when needed.
const SCRIPTS: [(&str, bool); 6] = [
    ("compile.js", false),
    ("api.js", false),
    ("main.js", true),
    ("resizer.js", true),
    ("share.js", true),
    ("export.js", true),
];

/// The files of `site/` served as they are: the example course page, and H5P's resizer, which
/// it loads, with its licence (see `site/vendor/README.md`).
const COPIED: [&str; 3] = [
    "embed-example.html",
    "vendor/h5p-resizer.js",
    "vendor/h5p-resizer.LICENSE.txt",
];

/// Writes the page's stylesheet and scripts from `site/` into `www/` without their comments
/// and spaces (about 4 KB gzip less for every reader, 3 of them the stylesheet's), and copies
/// the files served as they are ([`COPIED`]). A rule lightningcss cannot parse, or a script
/// terser cannot, fails the build.
pub fn minify_site() -> Result<(), String> {
    let root = run::root();
    let site = |name: &str| format!("{SITE_DIR}/{name}");
    let www = |name: &str| format!("{WWW_DIR}/{name}");
    minify_css(&site("style.css"), &www("style.css"))?;
    for (script, module) in SCRIPTS {
        minify_script(&site(script), &www(script), module)?;
    }
    for name in COPIED {
        let to = root.join(www(name));
        if let Some(dir) = to.parent() {
            fs::create_dir_all(dir)
                .map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
        }
        fs::copy(root.join(site(name)), &to).map_err(|err| format!("cannot copy {name}: {err}"))?;
    }
    println!("xtask build: the page's own files, minified (bytes, before gzip)");
    for name in ["style.css"]
        .into_iter()
        .chain(SCRIPTS.map(|(script, _)| script))
    {
        println!(
            "  {:<62} {:>9}  from {}",
            www(name),
            size(&root.join(www(name)))?,
            size(&root.join(site(name)))?
        );
    }
    Ok(())
}

/// Compiles, binds and optimises one variant.
pub fn build(variant: &Variant) -> Result<(), String> {
    let mut cargo = run::cargo(&[
        "build",
        "--profile",
        variant.profile,
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "relu-explorer",
        "--lib",
    ]);
    cargo.args(variant.features);
    run::status(&mut cargo)?;
    let root = run::root();
    let cargo_wasm_name = variant.cargo_wasm();
    let cargo_wasm = run::target_dir().join(&cargo_wasm_name);
    let compiled = size(&cargo_wasm)?;
    run::status(
        run::program(
            "wasm-bindgen",
            &["--target", "web", "--out-dir", variant.pkg],
        )
        .arg(&cargo_wasm),
    )?;
    let (wasm, glue) = (variant.wasm(), variant.glue());
    let bound = size(&root.join(&wasm))?;
    let bound_glue = size(&root.join(&glue))?;

    optimise(&root, variant)?;
    let shrunk = size(&root.join(&wasm))?;
    shorten_imports(&root, variant)?;
    let shortened = size(&root.join(&wasm))?;
    minify_glue(&root, &glue)?;

    println!("xtask build: sizes (bytes, before gzip)");
    println!("  {cargo_wasm_name:<62} {compiled:>9}");
    println!("  {wasm:<62} {bound:>9}  after wasm-bindgen");
    println!("  {wasm:<62} {shrunk:>9}  after wasm-opt -Oz");
    println!("  {wasm:<62} {shortened:>9}  with short import names");
    println!("  {glue:<62} {bound_glue:>9}  after wasm-bindgen");
    println!("  {glue:<62} {:>9}  after terser", size(&root.join(&glue))?);
    Ok(())
}

/// Renames the module's imports, in the module and in the glue alike, to a few letters each
/// (see [`imports`]).
fn shorten_imports(root: &Path, variant: &Variant) -> Result<(), String> {
    let (wasm, glue) = (root.join(variant.wasm()), root.join(variant.glue()));
    let glue_text =
        String::from_utf8(read(&glue)?).map_err(|_| format!("{} is not UTF-8", glue.display()))?;
    let (short_wasm, short_glue) = imports::shorten(&read(&wasm)?, &glue_text).map_err(|err| {
        format!(
            "cannot shorten the import names of {}: {err}",
            wasm.display()
        )
    })?;
    fs::write(&wasm, short_wasm)
        .map_err(|err| format!("cannot write {}: {err}", wasm.display()))?;
    fs::write(&glue, short_glue).map_err(|err| format!("cannot write {}: {err}", glue.display()))
}

/// Bundles the JS glue with the JS snippets it imports (`#[wasm_bindgen(module = …)]`, the
/// speed experiment's plain JS loops) and minifies it in place. Bundled, the glue is one request
/// the page preloads: its import of a snippet was a second round trip, made only once the glue
/// itself had arrived, in the way of the page's first drawing. Its exports keep their names, so
/// the page and course authors import the same API; the unminified types stay in
/// `relu_explorer.d.ts`.
fn minify_glue(root: &Path, glue: &str) -> Result<(), String> {
    let bundled = format!("{glue}.bundled.js");
    run::status(&mut run::program(
        root.join(ESBUILD),
        &[
            glue,
            "--bundle",
            "--format=esm",
            "--log-level=warning",
            &format!("--outfile={bundled}"),
        ],
    ))?;
    let snippets = Path::new(glue).with_file_name("snippets");
    if root.join(&snippets).exists() {
        fs::remove_dir_all(root.join(&snippets))
            .map_err(|err| format!("cannot remove {}: {err}", snippets.display()))?;
    }
    let minified = format!("{glue}.min");
    run::status(&mut run::program(
        root.join(TERSER),
        &[
            &bundled,
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
    let mut hinted = b"//# allFunctionsCalledOnLoad\n".to_vec();
    hinted.extend(read(&root.join(&minified))?);
    fs::write(root.join(glue), hinted).map_err(|err| format!("cannot write {glue}: {err}"))?;
    for temporary in [&bundled, &minified] {
        fs::remove_file(root.join(temporary))
            .map_err(|err| format!("cannot remove {temporary}: {err}"))?;
    }
    Ok(())
}

/// wasm-opt's passes: size first, repeated until they stop finding anything (`--converge`
/// takes about a third of a KB more off the gzip size for ten more seconds of build).
///
/// `--low-memory-unused` lets wasm-opt fold `load(p + c)` into a load at offset `c` (0.86 KB
/// gzip): the two differ only when `p + c` wraps past 4 GiB into the first KB of memory, which
/// the module never touches. That KB is the far end of its 1 MiB stack (rustc's wasm32 target
/// puts the stack first, below the data, growing down from 1 MiB), reached only by an overflow.
///
/// Then the producers and target-features sections go (0.25 KB gzip): no browser reads them.
const WASM_OPT_PASSES: [&str; 5] = [
    "-Oz",
    "--converge",
    "--low-memory-unused",
    "--strip-producers",
    "--strip-target-features",
];

/// Runs wasm-opt on the bound module in place, unless it is byte for byte the module
/// the last run optimised with the same binaryen and flags: then that output is reused.
fn optimise(root: &Path, variant: &Variant) -> Result<(), String> {
    let wasm = variant.wasm();
    let module = root.join(&wasm);
    let input = read(&module)?;
    let binaryen = read(&root.join("node_modules/binaryen/package.json"))?;
    let mut recipe = [&WASM_OPT_PASSES[..], &WASM_FEATURES[..]]
        .concat()
        .join(" ")
        .into_bytes();
    recipe.extend(binaryen);
    let cache = run::target_dir().join(OPT_CACHE).join(variant.pkg);
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

    let optimised = format!("{wasm}.opt");
    let mut args = WASM_OPT_PASSES.to_vec();
    args.extend(WASM_FEATURES);
    args.extend([wasm.as_str(), "-o", &optimised]);
    run::status(&mut run::program(root.join(WASM_OPT), &args))?;
    fs::rename(root.join(&optimised), &module)
        .map_err(|err| format!("cannot replace {wasm} with wasm-opt's output: {err}"))?;

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
