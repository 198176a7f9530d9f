//! What the page template says about its parts: the sections a course page can embed alone
//! (`embed=<id>`), and the controls a link can hide (`hide=<id>,<id>`).
//!
//! A section is embeddable when its element carries `data-embeddable` and an `id`, which is
//! the name `embed=` takes. Every `<section id>` must be embeddable, so a new section cannot
//! be forgotten. A control is any `input`, `select`, `button` or `textarea` with an id.
//!
//! From these the build writes two things, so that neither is kept by hand:
//! - [`stylesheet`]: the rules that show one section alone under `<html data-embed="id">` and
//!   hide each control (with its label and readout) named in `<html data-hide="id id">`. The
//!   page's first script sets both attributes from the link before the first paint, so an
//!   embedded section never shows the whole page first, and nothing shifts when the module
//!   loads.
//! - [`rust`]: the same lists for the module, which validates `embed=` and `hide=`, and draws
//!   and trains only what an embedded section shows.

use std::collections::BTreeSet;

use scraper::{ElementRef, Html, Selector};

/// A section that can be embedded alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Its element's id: the value of `embed=`.
    pub id: String,
    /// The embeddable sections that hold it, outermost first: embedding one of them shows it
    /// too.
    pub within: Vec<String>,
}

/// The template's embeddable sections and hideable controls, in page order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parts {
    /// Every embeddable section.
    pub sections: Vec<Section>,
    /// Every control's id.
    pub controls: Vec<String>,
}

/// The element that stays visible in an embedded section whatever it is: the page's message,
/// which says why a link's value was refused.
pub const ALWAYS_SHOWN: &str = "page-message";

/// Reads the template's sections and controls; fails on a `<section id>` that is not
/// embeddable, an embeddable element without an id, or an id used twice.
pub fn read(template: &str) -> Result<Parts, String> {
    let page = Html::parse_document(template);
    let select = |css: &str| Selector::parse(css).expect("a valid selector");
    let id = |element: &ElementRef| element.value().id().map(str::to_string);

    let mut seen = BTreeSet::new();
    for element in page.select(&select("[id]")) {
        let id = id(&element).unwrap_or_default();
        if !seen.insert(id.clone()) {
            return Err(format!("page.html: the id {id:?} is used twice"));
        }
    }
    if let Some(section) = page
        .select(&select("section[id]:not([data-embeddable])"))
        .next()
    {
        return Err(format!(
            "page.html: <section id={:?}> lacks data-embeddable: every section can be embedded \
             alone (CONTRIBUTING.md)",
            id(&section).unwrap_or_default()
        ));
    }
    let embeddable = select("[data-embeddable]");
    let mut sections = Vec::new();
    for element in page.select(&embeddable) {
        let Some(own) = id(&element) else {
            return Err(format!(
                "page.html: a <{}> has data-embeddable but no id, which embed= would name",
                element.value().name()
            ));
        };
        if own == ALWAYS_SHOWN {
            return Err(format!("page.html: #{ALWAYS_SHOWN} cannot be a section"));
        }
        let mut within: Vec<String> = element
            .ancestors()
            .filter_map(ElementRef::wrap)
            .filter(|ancestor| embeddable.matches(ancestor))
            .filter_map(|ancestor| id(&ancestor))
            .collect();
        within.reverse();
        sections.push(Section { id: own, within });
    }
    let controls = page
        .select(&select("input[id], select[id], button[id], textarea[id]"))
        .filter_map(|control| id(&control))
        .collect();
    Ok(Parts { sections, controls })
}

/// The stylesheet rules for embedding and hiding (see the module's documentation).
///
/// Under `data-embed="S"` every element of the body is hidden unless it holds S or the page's
/// message, is S or the message, or is inside S. Under `data-hide~="C"` the control C is
/// hidden with the row that labels it (`.slider`, `.check` or `.field`).
pub fn stylesheet(parts: &Parts) -> String {
    let mut css = String::from(
        "/* Written by the build from i18n/page.html (relu-i18n's parts.rs): edit that. */\n",
    );
    let message = ALWAYS_SHOWN;
    for section in &parts.sections {
        let s = &section.id;
        css.push_str(&format!(
            "html[data-embed=\"{s}\"] body :not(:has(#{s}), #{s}, #{s} *, :has(#{message}), \
             #{message}) {{ display: none !important; }}\n"
        ));
    }
    for c in &parts.controls {
        css.push_str(&format!(
            "html[data-hide~=\"{c}\"] :is(#{c}, .slider:has(> #{c}), .check:has(> #{c}), \
             .field:has(> #{c})) {{ display: none !important; }}\n"
        ));
    }
    css
}

/// The sections and controls as Rust constants, for the crate's build script.
pub fn rust(parts: &Parts) -> String {
    let quoted = |items: &mut dyn Iterator<Item = &String>| {
        items
            .map(|item| format!("{item:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let sections = parts
        .sections
        .iter()
        .map(|s| {
            format!(
                "    Section {{ id: {:?}, within: &[{}] }},\n",
                s.id,
                quoted(&mut s.within.iter())
            )
        })
        .collect::<String>();
    format!(
        "// Generated by build.rs from i18n/page.html: edit that, not this.\n\n\
         /// Every section `embed=` can show alone, in page order.\n\
         pub const SECTIONS: [Section; {}] = [\n{sections}];\n\n\
         /// Every control `hide=` can hide, by id, in page order.\n\
         pub const CONTROLS: [&str; {}] = [{}];\n",
        parts.sections.len(),
        parts.controls.len(),
        quoted(&mut parts.controls.iter())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html><html><body><header><p id=\"page-message\"></p>\
        <button id=\"lang-en\"></button></header><main>\
        <section id=\"graph\" data-embeddable><div class=\"slider\"><label for=\"x\">x</label>\
        <input id=\"x\"></div></section>\
        <section id=\"weak\" data-embeddable><article><div id=\"lab\" data-embeddable>\
        <select id=\"act\"></select><div id=\"inner\" data-embeddable></div></div></article>\
        </section></main></body></html>";

    #[test]
    fn reads_sections_with_what_holds_them_and_controls_in_page_order() {
        let parts = read(PAGE).unwrap();
        let section = |id: &str, within: &[&str]| Section {
            id: id.to_string(),
            within: within.iter().map(|s| s.to_string()).collect(),
        };
        assert_eq!(
            parts.sections,
            [
                section("graph", &[]),
                section("weak", &[]),
                section("lab", &["weak"]),
                section("inner", &["weak", "lab"]),
            ]
        );
        assert_eq!(parts.controls, ["lang-en", "x", "act"]);
    }

    #[test]
    fn refuses_a_section_that_cannot_be_embedded_and_repeated_ids() {
        let plain = "<main><section id=\"new\"></section></main>";
        assert!(read(plain).unwrap_err().contains("new"));
        let nameless = "<main><div data-embeddable></div></main>";
        assert!(read(nameless).unwrap_err().contains("no id"));
        let twice = "<p id=\"a\"></p><p id=\"a\"></p>";
        assert!(read(twice).unwrap_err().contains("twice"));
    }

    #[test]
    fn writes_a_rule_per_section_and_control() {
        let css = stylesheet(&read(PAGE).unwrap());
        assert!(css.contains(
            "html[data-embed=\"lab\"] body :not(:has(#lab), #lab, #lab *, :has(#page-message), \
             #page-message) { display: none !important; }"
        ));
        assert!(css.contains("html[data-hide~=\"x\"] :is(#x, .slider:has(> #x),"));
        assert_eq!(css.matches("data-embed=").count(), 4);
        assert_eq!(css.matches("data-hide~=").count(), 3);
    }

    #[test]
    fn writes_the_lists_as_rust() {
        let code = rust(&read(PAGE).unwrap());
        assert!(code.contains("pub const SECTIONS: [Section; 4] = ["));
        assert!(code.contains("Section { id: \"inner\", within: &[\"weak\", \"lab\"] },"));
        assert!(code.contains("pub const CONTROLS: [&str; 3] = [\"lang-en\", \"x\", \"act\"];"));
    }
}
