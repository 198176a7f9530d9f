//! What the page template says about its parts: the sections a course page can embed alone
//! (`embed=<id>`), and the controls a link can hide (`hide=<id>,<id>`).
//!
//! A section is embeddable when its element carries `data-embeddable` and an `id`, which is
//! the name `embed=` takes. Every `<section id>` must be embeddable, so a new section cannot
//! be forgotten, and every embeddable element holds its own Embed button (`button
//! id="embed-<id>" data-share="embed"`, which opens the dialog that writes its `<iframe>`: see
//! `site/share.js`), named for screen readers by itself and its part's heading
//! (`aria-labelledby="embed-<id> <heading id>"`). A control is any `input`, `select`, `button`
//! or `textarea` with an id.
//!
//! From these the build writes the lists for the module ([`rust`]), so that they are never
//! kept by hand: the module validates `embed=` and `hide=` against them, and draws and trains
//! only what an embedded section shows. (Showing and hiding is the page's first script's, from
//! `<html data-embed>` and `<html data-hide>`: see `site/compile.js`.)

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

/// Reads the template's sections and controls; fails on a `<section id>` that is not
/// embeddable, an embeddable element without an id or without an Embed button of its own
/// named by its own heading, or an id used twice.
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
    let embed_buttons = select("button[data-share=\"embed\"]");
    let headings = select("h2[id], h3[id], h4[id], h5[id], h6[id]");
    let mut sections = Vec::new();
    for element in page.select(&embeddable) {
        let Some(own) = id(&element) else {
            return Err(format!(
                "page.html: a <{}> has data-embeddable but no id, which embed= would name",
                element.value().name()
            ));
        };
        // Whether `candidate` belongs to this element rather than to an embeddable inside it.
        let its_own = |candidate: &ElementRef| {
            candidate
                .ancestors()
                .filter_map(ElementRef::wrap)
                .find(|ancestor| embeddable.matches(ancestor))
                .and_then(|closest| id(&closest))
                .as_deref()
                == Some(own.as_str())
        };
        let button = format!("embed-{own}");
        let Some(found) = element.select(&embed_buttons).find(|candidate| {
            id(candidate).as_deref() == Some(button.as_str()) && its_own(candidate)
        }) else {
            return Err(format!(
                "page.html: <{} id={own:?}> is embeddable but has no Embed button of its own: \
                 put <button type=\"button\" id={button:?} data-share=\"embed\" …> by its \
                 heading (CONTRIBUTING.md)",
                element.value().name()
            ));
        };
        // Eight buttons all named "Embed" would leave a screen reader's list of buttons
        // ambiguous: each is named by itself and its part's heading ("Embed Formula").
        let named = found.value().attr("aria-labelledby").is_some_and(|names| {
            let names: Vec<&str> = names.split_whitespace().collect();
            names.len() == 2
                && names[0] == button
                && element
                    .select(&headings)
                    .any(|heading| id(&heading).as_deref() == Some(names[1]) && its_own(&heading))
        });
        if !named {
            return Err(format!(
                "page.html: the Embed button {button:?} needs aria-labelledby=\"{button} \
                 <id of {own:?}'s own heading>\", so that a screen reader tells it from the \
                 other parts' (CONTRIBUTING.md)"
            ));
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
        <section id=\"graph\" data-embeddable><h2 id=\"graph-h\">Graph</h2>\
        <div class=\"slider\"><label for=\"x\">x</label><input id=\"x\"></div>\
        <button id=\"embed-graph\" data-share=\"embed\" aria-labelledby=\"embed-graph graph-h\">\
        </button></section>\
        <section id=\"weak\" data-embeddable><h2 id=\"weak-h\">Weak</h2><article>\
        <div id=\"lab\" data-embeddable><h3 id=\"lab-h\">Lab</h3>\
        <select id=\"act\"></select><div id=\"inner\" data-embeddable><h4 id=\"inner-h\">In</h4>\
        <button id=\"embed-inner\" data-share=\"embed\" aria-labelledby=\"embed-inner inner-h\">\
        </button></div>\
        <button id=\"embed-lab\" data-share=\"embed\" aria-labelledby=\"embed-lab lab-h\">\
        </button></div></article>\
        <button id=\"embed-weak\" data-share=\"embed\" aria-labelledby=\"embed-weak weak-h\">\
        </button></section></main></body></html>";

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
        assert_eq!(
            parts.controls,
            [
                "lang-en",
                "x",
                "embed-graph",
                "act",
                "embed-inner",
                "embed-lab",
                "embed-weak"
            ]
        );
    }

    #[test]
    fn refuses_a_section_that_cannot_be_embedded_and_repeated_ids() {
        let plain = "<main><section id=\"new\"><button id=\"embed-new\" data-share=\"embed\">\
            </button></section></main>";
        assert!(read(plain).unwrap_err().contains("new"));
        let nameless =
            "<main><div data-embeddable><button data-share=\"embed\"></button></div></main>";
        assert!(read(nameless).unwrap_err().contains("no id"));
        let twice = "<p id=\"a\"></p><p id=\"a\"></p>";
        assert!(read(twice).unwrap_err().contains("twice"));
    }

    #[test]
    fn refuses_an_embeddable_element_without_an_embed_button_of_its_own() {
        let without = "<main><section id=\"new\" data-embeddable><p>text</p></section></main>";
        assert!(read(without).unwrap_err().contains("embed-new"));
        // The button of a part inside it is not its own.
        let inner_only = "<main><section id=\"outer\" data-embeddable>\
            <div id=\"inner\" data-embeddable><button id=\"embed-inner\" data-share=\"embed\">\
            </button><button id=\"embed-outer\" data-share=\"embed\"></button></div></section></main>";
        assert!(read(inner_only).unwrap_err().contains("embed-outer"));
        // Nor is a button named for it that does not open the dialog.
        let plain = "<main><section id=\"new\" data-embeddable><button id=\"embed-new\">\
            </button></section></main>";
        assert!(read(plain).unwrap_err().contains("embed-new"));
    }

    #[test]
    fn refuses_an_embed_button_not_named_by_its_parts_heading() {
        let page = |labelled_by: &str| {
            format!(
                "<main><section id=\"new\" data-embeddable><h2 id=\"new-h\">New</h2>\
                 <div id=\"inner\" data-embeddable><h3 id=\"inner-h\">In</h3>\
                 <button id=\"embed-inner\" data-share=\"embed\" \
                 aria-labelledby=\"embed-inner inner-h\"></button></div>\
                 <button id=\"embed-new\" data-share=\"embed\"{labelled_by}></button>\
                 </section></main>"
            )
        };
        assert!(read(&page(" aria-labelledby=\"embed-new new-h\"")).is_ok());
        for wrong in [
            "",
            " aria-labelledby=\"new-h\"",
            " aria-labelledby=\"embed-new\"",
            " aria-labelledby=\"embed-new missing\"",
            // The heading of a part inside it names that part, not this one.
            " aria-labelledby=\"embed-new inner-h\"",
        ] {
            let err = read(&page(wrong)).unwrap_err();
            assert!(err.contains("aria-labelledby"), "{wrong}: {err}");
        }
    }

    #[test]
    fn writes_the_lists_as_rust() {
        let code = rust(&read(PAGE).unwrap());
        assert!(code.contains("pub const SECTIONS: [Section; 4] = ["));
        assert!(code.contains("Section { id: \"inner\", within: &[\"weak\", \"lab\"] },"));
        assert!(
            code.contains("pub const CONTROLS: [&str; 7] = [\"lang-en\", \"x\", \"embed-graph\",")
        );
    }
}
