//! The page's own controls and language: the language and theme switches, the attributes the
//! template marks `data-l10n-*`, and the string test's changes to the prose.
//!
//! The prose is in the page in every language (one `<span lang>` each, see the relu-i18n
//! crate), and the stylesheet shows the spans of `<html lang>`; so switching language sets that
//! attribute, the few attributes a span cannot carry, and the program text the views write.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

use crate::plot::theme::Scheme;
#[cfg(feature = "fuzz")]
use crate::text::StringTest;
use crate::text::{Lang, Strings};
use crate::web::dom::error;

/// The attributes the template fills from program text, as `data-l10n-ATTR="id"`; `text` is
/// the element's text (a `<title>`, an `<option>`).
const L10N_ATTRIBUTES: [&str; 3] = ["text", "aria-label", "content"];

/// MathML's namespace.
#[cfg(feature = "fuzz")]
const MATHML: &str = "http://www.w3.org/1998/Math/MathML";

/// `NodeFilter.SHOW_TEXT`: a tree walker that visits text nodes only.
#[cfg(feature = "fuzz")]
const SHOW_TEXT: u32 = 4;

/// The page's root element, its switches, and what is set now.
pub struct PageView {
    root: Element,
    lang_buttons: Vec<(Element, Lang)>,
    theme_buttons: Vec<(Element, Option<Scheme>)>,
}

impl PageView {
    /// Finds the switches under `root` (the document element).
    pub fn find(root: &Element) -> Result<PageView, JsValue> {
        let lang_buttons = buttons(root, "data-lang")?
            .into_iter()
            .filter_map(|(button, key)| Some((button, Lang::from_tag(&key)?)))
            .collect::<Vec<_>>();
        let theme_buttons = buttons(root, "data-theme-choice")?
            .into_iter()
            .map(|(button, key)| {
                let scheme = Scheme::from_key(&key);
                (button, scheme)
            })
            .collect::<Vec<_>>();
        if lang_buttons.len() != Lang::ALL.len() || theme_buttons.len() != Scheme::ALL.len() + 1 {
            return Err(error(
                "ReLU Explorer: the page lacks its language or theme switch",
            ));
        }
        Ok(PageView {
            root: root.clone(),
            lang_buttons,
            theme_buttons,
        })
    }

    /// The browser's language, as compile.js chose it before the page was first drawn
    /// (`<html data-browser-lang>`): its first preferred language that the page speaks.
    pub fn browser_lang(&self) -> Lang {
        self.root
            .get_attribute("data-browser-lang")
            .and_then(|tag| Lang::from_tag(&tag))
            .unwrap_or(Lang::En)
    }

    /// Shows the page in `lang`: `<html lang>` (which picks the prose), the attributes and
    /// option texts from `strings`, and the switch's pressed button.
    pub fn show_lang(&self, lang: Lang, strings: &Strings) -> Result<(), JsValue> {
        if self.root.get_attribute("lang").as_deref() != Some(lang.tag()) {
            self.root.set_attribute("lang", lang.tag())?;
        }
        for attribute in L10N_ATTRIBUTES {
            let marker = format!("data-l10n-{attribute}");
            let found = self.root.query_selector_all(&format!("[{marker}]"))?;
            for i in 0..found.length() {
                let Some(element) = found.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                    continue;
                };
                let id = element.get_attribute(&marker).unwrap_or_default();
                let Some(text) = strings.lookup(&id) else {
                    continue;
                };
                if attribute == "text" {
                    crate::web::dom::set_text(&element, text);
                } else if element.get_attribute(attribute).as_deref() != Some(text) {
                    element.set_attribute(attribute, text)?;
                }
            }
        }
        for (button, choice) in &self.lang_buttons {
            press(button, *choice == lang)?;
        }
        Ok(())
    }

    /// Applies the reader's colour scheme: `<html data-theme>` (which the stylesheet reads)
    /// and the switch's pressed button; `None` follows the system.
    pub fn show_theme(&self, scheme: Option<Scheme>) -> Result<(), JsValue> {
        let now = self.root.get_attribute("data-theme");
        match scheme {
            Some(scheme) if now.as_deref() != Some(scheme.key()) => {
                self.root.set_attribute("data-theme", scheme.key())?
            }
            None if now.is_some() => self.root.remove_attribute("data-theme")?,
            _ => {}
        }
        for (button, choice) in &self.theme_buttons {
            press(button, *choice == scheme)?;
        }
        Ok(())
    }

    /// Changes every text of the prose, in every language, as `test` says: each text node
    /// inside a `<span lang>` gets new text as text, never as markup. Runs once, at load, in
    /// the test-tools build.
    #[cfg(feature = "fuzz")]
    pub fn apply_string_test(&self, test: StringTest) -> Result<(), JsValue> {
        let document = self
            .root
            .owner_document()
            .ok_or_else(|| error("the page has no document"))?;
        let spans = self.root.query_selector_all("span[lang]")?;
        for i in 0..spans.length() {
            let Some(span) = spans.item(i) else { continue };
            let walker = document.create_tree_walker_with_what_to_show(&span, SHOW_TEXT)?;
            let mut texts = Vec::new();
            while let Some(node) = walker.next_node()? {
                texts.push(node);
            }
            for node in texts {
                let text = node.node_value().unwrap_or_default();
                // Formulas are not translated strings: only MathML's words (<mtext>) are.
                let in_formula = node.parent_element().is_some_and(|p| {
                    p.namespace_uri().as_deref() == Some(MATHML) && p.local_name() != "mtext"
                });
                if !text.trim().is_empty() && !in_formula {
                    node.set_node_value(Some(&test.apply(&text)));
                }
            }
        }
        Ok(())
    }

    /// The language a clicked switch button asks for, if it is one.
    pub fn lang_of(&self, button: &Element) -> Option<Lang> {
        self.lang_buttons
            .iter()
            .find(|(b, _)| b == button)
            .map(|(_, lang)| *lang)
    }

    /// The scheme a clicked theme button asks for (`Some(None)` for "follow the system"), if
    /// it is one.
    pub fn theme_of(&self, button: &Element) -> Option<Option<Scheme>> {
        self.theme_buttons
            .iter()
            .find(|(b, _)| b == button)
            .map(|(_, scheme)| *scheme)
    }
}

/// Every button under `root` with attribute `attribute`, with its value.
fn buttons(root: &Element, attribute: &str) -> Result<Vec<(Element, String)>, JsValue> {
    let found = root.query_selector_all(&format!("button[{attribute}]"))?;
    Ok((0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<HtmlElement>().ok())
        .map(|button| {
            let value = button.get_attribute(attribute).unwrap_or_default();
            (Element::from(button), value)
        })
        .collect())
}

/// Sets a toggle button's `aria-pressed`.
fn press(button: &Element, pressed: bool) -> Result<(), JsValue> {
    let value = if pressed { "true" } else { "false" };
    if button.get_attribute("aria-pressed").as_deref() != Some(value) {
        button.set_attribute("aria-pressed", value)?;
    }
    Ok(())
}
