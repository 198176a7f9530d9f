//! Every chart is exportable (CONTRIBUTING.md): each `<canvas>` of the page template has its
//! own export button, which names the file it saves, and every figure `cargo xtask figures`
//! writes is a chart the page can save under the same name.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use relu_explorer::plot::figures::FIGURES;

fn template() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n/page.html")).unwrap()
}

/// Every start tag `<name …>` of the template, as its text up to `>`.
fn tags<'a>(page: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name} ");
    page.match_indices(&open)
        .map(|(at, _)| &page[at..at + page[at..].find('>').unwrap()])
        .collect()
}

/// The value of attribute `name` in `tag`, if it has one.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    Some(&tag[start..start + tag[start..].find('"')?])
}

#[test]
fn every_canvas_has_an_export_button_naming_its_file() {
    let page = template();
    let canvases: Vec<&str> = tags(&page, "canvas")
        .into_iter()
        .map(|tag| attribute(tag, "id").expect("every canvas has an id"))
        .collect();
    assert!(canvases.len() >= 5, "the template's canvases: {canvases:?}");
    let buttons = tags(&page, "button");
    for canvas in canvases {
        let exports: Vec<&&str> = buttons
            .iter()
            .filter(|tag| attribute(tag, "data-canvas") == Some(canvas))
            .collect();
        assert_eq!(
            exports.len(),
            1,
            "<canvas id={canvas:?}> needs one export button: <button type=\"button\" \
             id=\"export-…\" data-export=\"relu-explorer-….png\" data-canvas={canvas:?}> \
             (CONTRIBUTING.md)"
        );
        let file = attribute(exports[0], "data-export").unwrap_or_default();
        assert!(
            file.starts_with("relu-explorer-") && file.ends_with(".png"),
            "{canvas}'s export saves {file:?}"
        );
        assert!(
            attribute(exports[0], "id").is_some_and(|id| id.starts_with("export-")),
            "{canvas}'s export button has an id (hide= names it) starting export-"
        );
    }
}

#[test]
fn every_figure_is_a_chart_the_page_saves_under_its_name() {
    let page = template();
    for figure in FIGURES {
        let file = format!("data-export=\"relu-explorer-{}.png\"", figure.name());
        assert!(page.contains(&file), "no export button saves {file}");
    }
}
