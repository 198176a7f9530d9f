//! The JS API's reference page, `www/api.html`: its template (`i18n/api/page.html`) rendered
//! with its own translations (`i18n/api/*.ftl`, both languages in one page, as the explorer's),
//! each example's source printed into it, and its files from `site/api/` beside it.
//!
//! An example is a module file (`site/api/relu.mjs`) that imports the API and prints with
//! `console.log`; the template names it with `@example(relu.mjs)` and gets its source, so that
//! what a reader sees is byte for byte what the page runs (`site/api.js` runs the file itself).
//! The examples are served as they are, comments and all, for the same reason; so are the
//! three example pages of `examples/` (a quiz, a gradient table, a network training), copied
//! into `www/examples/`, where the reference links to them.

use std::fs;

use crate::{build, run};

/// The reference page's template.
pub const TEMPLATE: &str = "i18n/api/page.html";
/// Its translations, one Fluent file per language.
pub const CATALOGS: &str = "i18n/api";
/// Its examples, stylesheet and worker.
pub const SITE: &str = "site/api";
/// Where the rendered page goes.
const PAGE: &str = "www/api.html";
/// Where its files go.
const FILES: &str = "www/api";
/// The example pages, and where they are served.
const EXAMPLES: (&str, &str) = ("examples", "www/examples");
/// What the template writes where an example's source goes: `@example(file)`.
const MARKER: &str = "@example(";

/// Renders the page and copies its files into `www/`.
pub fn run() -> Result<(), String> {
    let root = run::root();
    let template = fs::read_to_string(root.join(TEMPLATE))
        .map_err(|err| format!("cannot read {TEMPLATE}: {err}"))?;
    let with_examples = insert_examples(&template, |name| {
        fs::read_to_string(root.join(SITE).join(name))
            .map_err(|err| format!("{TEMPLATE}: cannot read example {SITE}/{name}: {err}"))
    })?;
    let catalogs = relu_i18n::load(&root.join(CATALOGS))?;
    let page = relu_i18n::page::render(&with_examples, &catalogs)?;
    fs::create_dir_all(root.join(FILES)).map_err(|err| format!("cannot create {FILES}/: {err}"))?;
    fs::write(root.join(PAGE), page).map_err(|err| format!("cannot write {PAGE}: {err}"))?;
    for entry in
        fs::read_dir(root.join(SITE)).map_err(|err| format!("cannot list {SITE}: {err}"))?
    {
        let path = entry
            .map_err(|err| format!("cannot list {SITE}: {err}"))?
            .path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let to = format!("{FILES}/{name}");
        match path.extension().and_then(|e| e.to_str()) {
            Some("mjs") => fs::copy(&path, root.join(&to))
                .map(drop)
                .map_err(|err| format!("cannot copy {name}: {err}"))?,
            Some("css") => build::minify_css(&format!("{SITE}/{name}"), &to)?,
            Some("js") => build::minify_script(&format!("{SITE}/{name}"), &to, true)?,
            _ => {
                return Err(format!(
                    "{SITE}/{name}: not an example, stylesheet or script"
                ))
            }
        }
    }
    copy_examples()
}

/// Copies `examples/` as it is into `www/examples/`: pages meant to be read and copied.
fn copy_examples() -> Result<(), String> {
    let root = run::root();
    let (from, to) = EXAMPLES;
    fs::create_dir_all(root.join(to)).map_err(|err| format!("cannot create {to}/: {err}"))?;
    for entry in
        fs::read_dir(root.join(from)).map_err(|err| format!("cannot list {from}: {err}"))?
    {
        let path = entry
            .map_err(|err| format!("cannot list {from}: {err}"))?
            .path();
        if let Some(name) = path.file_name() {
            fs::copy(&path, root.join(to).join(name))
                .map_err(|err| format!("cannot copy {}: {err}", path.display()))?;
        }
    }
    Ok(())
}

/// The template with each `@example(file)` replaced by that file's source, escaped for HTML,
/// without its last line break (the `<pre>` would show it as an empty line).
pub fn insert_examples(
    template: &str,
    source: impl Fn(&str) -> Result<String, String>,
) -> Result<String, String> {
    let mut out = String::with_capacity(template.len() * 2);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once(MARKER) {
        let (name, tail) = after
            .split_once(')')
            .ok_or_else(|| format!("{TEMPLATE}: an unclosed {MARKER}"))?;
        if name.is_empty() || name.contains(['/', '\\']) || !name.ends_with(".mjs") {
            return Err(format!(
                "{TEMPLATE}: {MARKER}{name}) must name a .mjs file in {SITE}"
            ));
        }
        out.push_str(before);
        out.push_str(&relu_i18n::markup::escape(
            source(name)?.trim_end_matches('\n'),
        ));
        rest = tail;
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_example_is_printed_escaped_where_the_template_names_it() {
        let page = insert_examples("<pre><code>@example(a.mjs)</code></pre>", |name| {
            assert_eq!(name, "a.mjs");
            Ok("if (a < b && c) console.log(\"x\");\n".into())
        })
        .unwrap();
        assert_eq!(
            page,
            "<pre><code>if (a &lt; b &amp;&amp; c) console.log(&quot;x&quot;);</code></pre>"
        );
    }

    #[test]
    fn a_marker_must_name_an_example_file_here() {
        for bad in [
            "@example(../a.mjs)",
            "@example(a.js)",
            "@example()",
            "@example(a.mjs",
        ] {
            assert!(
                insert_examples(bad, |_| Ok(String::new())).is_err(),
                "{bad} accepted"
            );
        }
    }

    #[test]
    fn every_example_in_site_api_is_on_the_page_and_the_page_renders() {
        let root = run::root();
        let template = fs::read_to_string(root.join(TEMPLATE)).unwrap();
        let named = std::cell::RefCell::new(Vec::new());
        let page = insert_examples(&template, |name| {
            named.borrow_mut().push(name.to_string());
            fs::read_to_string(root.join(SITE).join(name)).map_err(|e| e.to_string())
        })
        .unwrap();
        let mut on_disk: Vec<String> = fs::read_dir(root.join(SITE))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".mjs"))
            .collect();
        on_disk.sort();
        let mut named = named.into_inner();
        named.sort();
        assert_eq!(
            named, on_disk,
            "every example shown once, and every one shown exists"
        );
        let catalogs = relu_i18n::load(&root.join(CATALOGS)).unwrap();
        let rendered = relu_i18n::page::render(&page, &catalogs).unwrap();
        let used = relu_i18n::page::used_ids(&page);
        let unused: Vec<&str> = catalogs[0]
            .messages
            .iter()
            .map(|m| m.id.as_str())
            .filter(|id| !used.contains(*id))
            .collect();
        assert!(
            unused.is_empty(),
            "messages the page does not use: {unused:?}"
        );
        assert!(!rendered.contains(MARKER));
    }
}
