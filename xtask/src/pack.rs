//! `cargo xtask pack`: the JS API as an npm package, `target/pack/relu-explorer-<version>.tgz`.
//!
//! The package holds the module built without the page's shell (the API alone: the
//! element-wise functions and `Mlp`), its JS glue (wasm-bindgen `--target web`, which runs in
//! a page without a bundler, in Node through `initSync`, and through a bundler), its TypeScript
//! declarations with the Rust doc comments, a README for course authors (`npm/README.md`) and
//! the licence. `tests/pack/check.mjs` installs the tarball into a scratch project and runs it
//! in all three.

use std::fs;
use std::path::Path;

use serde_json::json;

use crate::{build, install, run};

/// The package's README, in the repository.
const README: &str = "npm/README.md";

/// Builds the module, writes the package's files beside it and packs them with `npm pack`;
/// returns the tarball's path.
pub fn run() -> Result<(), String> {
    tarball().map(|path| println!("xtask pack: wrote {}", path.display()))
}

/// [`run`], returning where the tarball is.
pub fn tarball() -> Result<std::path::PathBuf, String> {
    install::wasm_target()?;
    install::wasm_bindgen_cli()?;
    install::node_packages()?;
    let root = run::root();
    let dir = root.join(build::PACKAGE.pkg);
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(|err| format!("cannot clear {}: {err}", dir.display()))?;
    }
    build::build(&build::PACKAGE)?;
    // wasm-bindgen's own .gitignore would keep every file out of the package.
    let ignore = dir.join(".gitignore");
    if ignore.exists() {
        fs::remove_file(&ignore)
            .map_err(|err| format!("cannot remove {}: {err}", ignore.display()))?;
    }
    let version = crate_version(&root.join("Cargo.toml"))?;
    write(&dir.join("package.json"), &manifest(&version))?;
    copy(&root.join(README), &dir.join("README.md"))?;
    copy(&root.join("LICENSE"), &dir.join("LICENSE"))?;

    let out = dir.parent().ok_or("the package folder has no parent")?;
    run::status(
        run::program("npm", &["pack", "--silent", "--pack-destination"])
            .arg(out)
            .current_dir(&dir),
    )?;
    let tarball = out.join(format!("relu-explorer-{version}.tgz"));
    let bytes = fs::metadata(&tarball)
        .map_err(|err| format!("npm pack wrote no {}: {err}", tarball.display()))?
        .len();
    println!("xtask pack: {} ({bytes} bytes)", tarball.display());
    Ok(tarball)
}

/// The package's `package.json`: an ES module whose `exports` give the glue (with its types)
/// and the wasm file, so that a bundler can import the wasm's URL and Node can find its bytes.
fn manifest(version: &str) -> String {
    let manifest = json!({
        "name": "relu-explorer",
        "version": version,
        "description": "ReLU, Leaky ReLU, sigmoid and tanh with their autograd backward passes, and a small trainable network, bit for bit as PyTorch computes them, in WebAssembly SIMD.",
        "license": "MIT",
        "type": "module",
        "main": "./relu_explorer.js",
        "types": "./relu_explorer.d.ts",
        "exports": {
            ".": {
                "types": "./relu_explorer.d.ts",
                "default": "./relu_explorer.js"
            },
            "./relu_explorer_bg.wasm": "./relu_explorer_bg.wasm",
            "./package.json": "./package.json"
        },
        "files": [
            "relu_explorer.js",
            "relu_explorer.d.ts",
            "relu_explorer_bg.wasm",
            "relu_explorer_bg.wasm.d.ts",
            "README.md",
            "LICENSE"
        ],
        "sideEffects": false,
        "keywords": ["relu", "activation", "pytorch", "autograd", "webassembly", "simd", "teaching"]
    });
    format!("{manifest:#}\n")
}

/// The version in the `[package]` table of the crate's Cargo.toml.
fn crate_version(manifest: &Path) -> Result<String, String> {
    let text = fs::read_to_string(manifest)
        .map_err(|err| format!("cannot read {}: {err}", manifest.display()))?;
    let package = text
        .split("\n[")
        .find(|table| table.starts_with("package]"))
        .ok_or("Cargo.toml has no [package] table")?;
    package
        .lines()
        .find_map(|line| line.strip_prefix("version = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .map(str::to_owned)
        .ok_or_else(|| "Cargo.toml's [package] has no version".into())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|err| format!("cannot write {}: {err}", path.display()))
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    fs::copy(from, to)
        .map(drop)
        .map_err(|err| format!("cannot copy {} to {}: {err}", from.display(), to.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_exports_the_module_its_types_and_its_wasm() {
        let manifest: serde_json::Value = serde_json::from_str(&manifest("1.2.3")).unwrap();
        assert_eq!(manifest["version"], "1.2.3");
        assert_eq!(manifest["type"], "module");
        assert_eq!(manifest["exports"]["."]["types"], "./relu_explorer.d.ts");
        assert_eq!(manifest["exports"]["."]["default"], "./relu_explorer.js");
        assert_eq!(
            manifest["exports"]["./relu_explorer_bg.wasm"],
            "./relu_explorer_bg.wasm"
        );
    }

    #[test]
    fn the_version_is_the_crates() {
        let version = crate_version(&run::root().join("Cargo.toml")).unwrap();
        assert!(version.split('.').count() == 3, "{version}");
    }
}
