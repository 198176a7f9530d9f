//! Renders the page template (`i18n/page.html`) with every language in it.
//!
//! The template places text two ways:
//!
//! - `{{id}}` where markup may go: it becomes one `<span lang="…">` per language. The
//!   stylesheet shows only the spans whose language is the page's (`<html lang>`), so the
//!   language switch changes no text at all, only that attribute: it is instant, shifts
//!   nothing when the module loads, and the page reads whole without JavaScript.
//! - `data-l10n-ATTR="id"` on an element, where a span cannot go (an attribute such as
//!   `aria-label` or `content`, or with `ATTR` = `text` the text of a `<title>` or an
//!   `<option>`): the default language's text is written into the attribute (or the element),
//!   and the module swaps in the other language's from its tables. Only program text goes
//!   there, since the module holds program text alone.
//!
//! Page text is inserted as the translator wrote it (its markup was checked by
//! [`markup::check`]); program text is escaped.

use std::collections::BTreeSet;

use crate::markup::escape;
use crate::{Catalog, Message};

/// The attribute prefix that asks for a translated attribute or text.
pub const L10N_PREFIX: &str = "data-l10n-";

/// The template with every `{{id}}` and `data-l10n-*` filled in.
pub fn render(template: &str, catalogs: &[Catalog]) -> Result<String, String> {
    let default = catalogs.first().ok_or("no languages")?;
    let mut out = String::with_capacity(template.len() * 3);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once("{{") {
        out.push_str(before);
        let (id, tail) = after
            .split_once("}}")
            .ok_or_else(|| format!("an unclosed {{{{ before {:?}", excerpt(after)))?;
        for catalog in catalogs {
            let message = find(catalog, id)?;
            let value = message
                .value
                .as_deref()
                .ok_or_else(|| format!("{{{{{id}}}}} is a list, not a text"))?;
            let html = if message.is_page_text() {
                value.to_string()
            } else {
                escape(value)
            };
            out.push_str(&format!("<span lang=\"{}\">{html}</span>", catalog.lang));
        }
        rest = tail;
    }
    out.push_str(rest);
    fill_attributes(&out, default)
}

/// Writes the default language's text for each `data-l10n-ATTR="id"`.
fn fill_attributes(html: &str, default: &Catalog) -> Result<String, String> {
    let mut out = String::with_capacity(html.len() + 1024);
    let mut rest = html;
    while let Some((before, after)) = rest.split_once(L10N_PREFIX) {
        out.push_str(before);
        out.push_str(L10N_PREFIX);
        let (attribute, after) = after
            .split_once("=\"")
            .ok_or_else(|| format!("{L10N_PREFIX}{}: expected =\"id\"", excerpt(after)))?;
        let (id, after) = after
            .split_once('"')
            .ok_or_else(|| format!("{L10N_PREFIX}{attribute}: unclosed quote"))?;
        let message = find(default, id)?;
        let value = match (&message.value, message.is_page_text()) {
            (Some(value), false) => escape(value),
            _ => {
                return Err(format!(
                    "{L10N_PREFIX}{attribute}=\"{id}\": only program text (a snake_case id \
                     with a value) can be swapped by the module"
                ))
            }
        };
        out.push_str(&format!("{attribute}=\"{id}\""));
        if attribute == "text" {
            let (tag_rest, content) = after
                .split_once('>')
                .ok_or_else(|| format!("{L10N_PREFIX}text=\"{id}\": the tag never ends"))?;
            if !content.starts_with("</") {
                return Err(format!(
                    "{L10N_PREFIX}text=\"{id}\": the element must be empty in the template"
                ));
            }
            out.push_str(tag_rest);
            out.push('>');
            out.push_str(&value);
            rest = content;
        } else {
            out.push_str(&format!(" {attribute}=\"{value}\""));
            rest = after;
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// Every id the template uses, by `{{id}}` or `data-l10n-ATTR="id"`.
pub fn used_ids(template: &str) -> BTreeSet<String> {
    let mut ids = swapped_ids(template);
    let mut rest = template;
    while let Some((_, after)) = rest.split_once("{{") {
        let Some((id, tail)) = after.split_once("}}") else {
            break;
        };
        ids.insert(id.to_string());
        rest = tail;
    }
    ids
}

/// The ids the module swaps in when the language changes: those of `data-l10n-ATTR="id"`.
pub fn swapped_ids(template: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut rest = template;
    while let Some((_, after)) = rest.split_once(L10N_PREFIX) {
        rest = after;
        if let Some((id, tail)) = after.split_once("=\"").and_then(|(_, a)| a.split_once('"')) {
            ids.insert(id.to_string());
            rest = tail;
        }
    }
    ids
}

fn find<'a>(catalog: &'a Catalog, id: &str) -> Result<&'a Message, String> {
    catalog
        .get(id)
        .ok_or_else(|| format!("the template uses {id}, which {}.ftl lacks", catalog.lang))
}

fn excerpt(text: &str) -> String {
    text.chars().take(30).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogs() -> Vec<Catalog> {
        vec![
            Catalog::parse(
                "en",
                "intro-text = A <em>kink</em> at 0.\n# Alt.\nchart_alt = Chart <b>&</b>\n",
            )
            .unwrap(),
            Catalog::parse(
                "zh-CN",
                "intro-text = 在 0 处有一个<em>拐点</em>。\n# Alt.\nchart_alt = 图 <b>&</b>\n",
            )
            .unwrap(),
        ]
    }

    #[test]
    fn writes_one_span_per_language() {
        let html = render("<p>{{intro-text}}</p>", &catalogs()).unwrap();
        assert_eq!(
            html,
            "<p><span lang=\"en\">A <em>kink</em> at 0.</span>\
             <span lang=\"zh-CN\">在 0 处有一个<em>拐点</em>。</span></p>"
        );
    }

    #[test]
    fn escapes_program_text_in_text_and_attributes() {
        let html = render(
            "<p>{{chart_alt}}</p><canvas data-l10n-aria-label=\"chart_alt\"></canvas>\
             <option data-l10n-text=\"chart_alt\"></option>",
            &catalogs(),
        )
        .unwrap();
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("<span lang=\"en\">Chart &lt;b&gt;&amp;&lt;/b&gt;</span>"));
        assert!(html.contains(
            "data-l10n-aria-label=\"chart_alt\" aria-label=\"Chart &lt;b&gt;&amp;&lt;/b&gt;\""
        ));
        assert!(html.contains(
            "<option data-l10n-text=\"chart_alt\">Chart &lt;b&gt;&amp;&lt;/b&gt;</option>"
        ));
    }

    #[test]
    fn refuses_unknown_ids_and_page_text_in_attributes() {
        assert!(render("{{nope}}", &catalogs()).is_err());
        assert!(render("<p data-l10n-title=\"intro-text\"></p>", &catalogs()).is_err());
        assert!(render("<p>{{intro-text</p>", &catalogs()).is_err());
        assert!(render(
            "<option data-l10n-text=\"chart_alt\">x</option>",
            &catalogs()
        )
        .is_err());
    }

    #[test]
    fn lists_the_ids_it_uses() {
        let ids = used_ids("<p>{{a-b}}</p><i data-l10n-title=\"c_d\"></i>");
        assert_eq!(ids, ["a-b", "c_d"].map(String::from).into());
    }
}
