//! Writes the string tables (`Strings`, one constant per language) from `i18n/*.ftl`, so that a
//! translator edits one file per language and the Rust code reads typed fields, and the lists of
//! sections and controls from the page template (`sections.rs`). A missing or mismatched
//! message, or a section that cannot be embedded, fails the build with its name.

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=i18n");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
    let template = std::fs::read_to_string(dir.join("page.html"))
        .unwrap_or_else(|e| panic!("cannot read i18n/page.html: {e}"));
    let swapped = relu_i18n::page::swapped_ids(&template);
    let catalogs = relu_i18n::load(&dir).unwrap_or_else(|error| panic!("i18n: {error}"));
    let code = relu_i18n::rust::generate(&catalogs, &swapped)
        .unwrap_or_else(|error| panic!("i18n: {error}"));
    // The rendered page too, as `cargo xtask build` writes it to www/index.html: the browser
    // tests mount the real page's markup without depending on a build having run.
    let page = relu_i18n::page::render(&template, &catalogs)
        .unwrap_or_else(|error| panic!("i18n: {error}"));
    // The sections `embed=` shows and the controls `hide=` hides, read from the template.
    let parts = relu_i18n::parts::read(&template).unwrap_or_else(|error| panic!("{error}"));
    let sections = relu_i18n::parts::rust(&parts);
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (name, text) in [
        ("strings.rs", code),
        ("index.html", page),
        ("sections.rs", sections),
    ] {
        let out = out_dir.join(name);
        std::fs::write(&out, text)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    }
}
