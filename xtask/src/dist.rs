//! `cargo xtask dist`: the page for course materials, in `dist/`:
//! - `relu-explorer.html`, one self-contained file (module, wasm, styles, favicon inlined) with
//!   both languages and every section, that works opened from disk or uploaded to an LMS;
//! - `relu-explorer_en.html` and `relu-explorer_zh-CN.html`, the same in one language each,
//!   smaller (no prose of the other language; the language switch hidden);
//! - `relu-explorer-scorm12.zip`, a SCORM 1.2 package of that file with a launch script that
//!   talks to the LMS;
//! - `www/`, the hosted page, for any static web server.

use std::fs;
use std::path::Path;

use crate::{build, run};

/// Where `dist` writes, relative to the repository root.
pub const DIST_DIR: &str = "dist";
/// The single offline file.
pub const SINGLE_FILE: &str = "dist/relu-explorer.html";
/// The SCORM 1.2 package.
pub const SCORM_ZIP: &str = "dist/relu-explorer-scorm12.zip";
/// The node script that writes a single file from the built page (see its header).
const SINGLE_FILE_SCRIPT: &str = "xtask/single_file.mjs";
/// The node script that packages a single file as a SCORM 1.2 SCO (see its header).
const SCORM_SCRIPT: &str = "xtask/scorm.mjs";
/// The SCORM launch script, run in the SCO's page before anything else.
const SCORM_LAUNCH: &str = "site/scorm.js";

/// Builds the page, then writes everything in `dist/` afresh and prints the sizes.
pub fn run() -> Result<(), String> {
    build::run()?;
    let root = run::root();
    let dist = root.join(DIST_DIR);
    if dist.exists() {
        fs::remove_dir_all(&dist).map_err(|err| format!("cannot empty {DIST_DIR}/: {err}"))?;
    }
    copy_dir(&root.join(build::WWW_DIR), &dist.join("www"))?;
    let page = format!("{}/index.html", build::WWW_DIR);
    single_file(&page, SINGLE_FILE, None)?;
    let mut written = vec![SINGLE_FILE.to_string()];
    for (index, (tag, _)) in relu_i18n::LANGS.iter().enumerate() {
        let one = run::target_dir().join(format!("page_{tag}.html"));
        fs::write(&one, page_in(index)?)
            .map_err(|err| format!("cannot write {}: {err}", one.display()))?;
        let out = format!("{DIST_DIR}/relu-explorer_{tag}.html");
        single_file(&one.to_string_lossy(), &out, None)?;
        written.push(out);
    }
    let launch = run::target_dir().join("scorm12-index.html");
    let launch = launch.to_string_lossy();
    single_file(&page, &launch, Some(SCORM_LAUNCH))?;
    run::status(&mut run::program(
        "node",
        &[SCORM_SCRIPT, &launch, SCORM_ZIP],
    ))?;

    println!("xtask dist: written (bytes)");
    written.push(SCORM_ZIP.to_string());
    for name in &written {
        println!("  {name:<40} {:>9}", size(&root.join(name))?);
    }
    println!(
        "  {:<40} the hosted page, for a static web server",
        "dist/www/"
    );
    Ok(())
}

/// The page rendered in the language `index` of [`relu_i18n::LANGS`] alone: its prose in
/// that language only, and `<html lang data-only-lang>` saying so, which compile.js, the
/// module and the stylesheet follow (no other language from a link or the browser, no
/// language switch).
fn page_in(index: usize) -> Result<String, String> {
    let root = run::root();
    let catalogs = relu_i18n::load(&root.join("i18n"))?;
    let catalog = catalogs
        .get(index)
        .ok_or_else(|| format!("no language number {index}"))?;
    let template = fs::read_to_string(root.join(build::PAGE_TEMPLATE))
        .map_err(|err| format!("cannot read {}: {err}", build::PAGE_TEMPLATE))?;
    let page = relu_i18n::page::render(&template, std::slice::from_ref(catalog))?;
    let html = "<html lang=\"en\">";
    if page.matches(html).count() != 1 {
        return Err(format!("{} must start {html} once", build::PAGE_TEMPLATE));
    }
    let tag = relu_i18n::LANGS[index].0;
    Ok(page.replacen(
        html,
        &format!("<html lang=\"{tag}\" data-only-lang=\"{tag}\">"),
        1,
    ))
}

/// Writes `out`, the single file of the rendered page `page`, with the classic script
/// `first` (a file of `site/`) inlined before every other script when given.
fn single_file(page: &str, out: &str, first: Option<&str>) -> Result<(), String> {
    let mut command = run::program("node", &[SINGLE_FILE_SCRIPT, build::WWW_DIR, page, out]);
    if let Some(script) = first {
        command.arg(script);
    }
    run::status(&mut command)
}

/// Copies the directory `from` into `to`, recursively.
fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|err| format!("cannot create {}: {err}", to.display()))?;
    let entries =
        fs::read_dir(from).map_err(|err| format!("cannot read {}: {err}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|err| format!("cannot read {}: {err}", from.display()))?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if source.is_dir() {
            copy_dir(&source, &target)?;
        } else {
            fs::copy(&source, &target)
                .map_err(|err| format!("cannot copy {}: {err}", source.display()))?;
        }
    }
    Ok(())
}

/// The size of the file at `path`, in bytes.
fn size(path: &Path) -> Result<u64, String> {
    fs::metadata(path)
        .map(|m| m.len())
        .map_err(|err| format!("cannot read {}: {err}", path.display()))
}
