//! ReLU Explorer's translations.
//!
//! Every word the page shows lives in one Fluent file per language (`i18n/en.ftl`,
//! `i18n/zh-CN.ftl`), so a translator edits one file. Two kinds of message share a file:
//!
//! - **page text**, with a hyphen in its id (`formula-intro`): prose, headings and labels that
//!   the page template (`i18n/page.html`) places with `{{formula-intro}}`. It may carry inline
//!   markup from a short allowlist ([`markup`]), checked here, because prose has emphasis, code
//!   and MathML in mid-sentence.
//! - **program text**, a snake_case id (`graph_title`): what the Rust code writes at run time
//!   (chart titles, readouts, messages, text alternatives). Plain text with `{ $name }`
//!   placeholders; never markup. A message with attributes and no value is a list
//!   (`setting_names`, one attribute per entry).
//!
//! Both languages are checked against each other: the same ids, the same attributes in the same
//! order, the same placeholders. [`page`] renders the template with both languages in it, and
//! [`rust`] writes the program text as Rust constants for the crate's build script. [`parts`]
//! reads the template's embeddable sections and controls, for `embed=` and `hide=`.

pub mod catalog;
pub mod markup;
pub mod page;
pub mod parts;
pub mod rust;

pub use catalog::{Catalog, Message};

/// The languages, as `(BCP 47 tag, Rust name)`; the first is the page's default, which the
/// template renders for readers without JavaScript.
pub const LANGS: [(&str, &str); 2] = [("en", "EN"), ("zh-CN", "ZH_CN")];

/// Reads and cross-checks every language's catalog from `dir` (the `i18n` folder).
pub fn load(dir: &std::path::Path) -> Result<Vec<Catalog>, String> {
    let catalogs = LANGS
        .iter()
        .map(|(tag, _)| {
            let path = dir.join(format!("{tag}.ftl"));
            let source = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            Catalog::parse(tag, &source)
        })
        .collect::<Result<Vec<_>, _>>()?;
    catalog::check_all(&catalogs)?;
    Ok(catalogs)
}
