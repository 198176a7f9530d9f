//! The page's own controls and language: the language and theme switches, the attributes the
//! template marks `data-l10n-*`, and the string test's changes to the prose.
//!
//! The prose is in the page in every language (one `<span lang>` each, see the relu-i18n
//! crate), and the stylesheet shows the spans of `<html lang>`; so switching language sets that
//! attribute, the few attributes a span cannot carry, and the program text the views write.
//!
//! A switch of language or colours changes the whole page, and the browser restyles (and for a
//! language lays out again) whatever changed: all of it, at once, took longer than a frame. So
//! the page is cut into parts (`data-lang-part`: the header, each section or article, the
//! footer), and a part far from the screen is held in the language and colours it shows by
//! attributes of its own (`lang`, `data-scheme`), which the stylesheet obeys; while held, the
//! browser skips it. The parts on the screen switch with `<html>`, those near it in the next
//! frame; the others catch up one a frame, nearest first ([`PageView::catch_up`]), or all at once before printing
//! ([`PageView::settle`]). Blocks of prose far down the page (`data-deferred`) are laid out
//! only near the screen until released, one a frame after the first complete drawing, from the
//! bottom of the page up.
//! `<html data-parts-behind="N">` counts the parts still held and the blocks deferred. Which
//! parts are near the screen an IntersectionObserver says, after the browser's layout: reading
//! their boxes in a frame that has written to the page would lay it out an extra time.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Array;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit,
};

use crate::plot::theme::Scheme;
use crate::sections::Section;
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

/// How far beyond the screen's top and bottom edges a part catches up at once, in the frame
/// after a switch or as the reader scrolls (an observer's root margin, a quarter of the
/// screen's height): a reader who scrolls on sees the new language.
const NEAR: &str = "25% 0px";

/// Frames after a switch before the far parts start to catch up: a reader who flips back and
/// forth to compare the languages costs no work on text they cannot see.
const CATCH_UP_AFTER: u32 = 6;

/// The attribute that holds a part in the colour scheme it shows (`light` or `dark`).
const SCHEME_HOLD: &str = "data-scheme";

/// The attribute of a block laid out only near the screen until released.
const DEFERRED: &str = "data-deferred";

/// The attribute of `<html>` that counts the parts still held and the blocks still deferred.
const BEHIND: &str = "data-parts-behind";

/// The page's root element, its switches, and what is set now.
pub struct PageView {
    root: Element,
    lang_buttons: Vec<(Element, Lang)>,
    theme_buttons: Vec<(Element, Option<Scheme>)>,
    /// The parts a switch changes one at a time, in page order.
    parts: Vec<Element>,
    /// The charts, whose own `lang` says what language their words and text alternative are in.
    canvases: Vec<Element>,
    /// Whether each part is on or near the screen ([`NEAR`]), as an observer last said.
    near: Rc<RefCell<Vec<bool>>>,
    /// Whether each part is on the screen, as another observer last said.
    visible: Rc<RefCell<Vec<bool>>>,
    /// The parts still held in another language or scheme than the page's (indices into
    /// `parts`).
    behind: Vec<usize>,
    /// The colour scheme `<html>` shows, once shown.
    scheme: Option<Scheme>,
    /// Frames since the last switch, counted by [`PageView::catch_up`].
    since_switch: u32,
    /// The blocks the browser lays out only near the screen until released
    /// (`data-deferred`), in page order (released from the end).
    deferred: Vec<Element>,
    /// Whether the page has been drawn completely once: the deferred blocks are then released.
    drawn: bool,
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
        // A part inside a part would follow the outer one's language and its own at once.
        if root
            .query_selector("[data-lang-part] [data-lang-part]")?
            .is_some()
        {
            return Err(error("ReLU Explorer: a data-lang-part inside another"));
        }
        let parts = elements(root, "[data-lang-part]")?;
        let near = observe_nearness(&parts, NEAR)?;
        let visible = observe_nearness(&parts, "0px")?;
        Ok(PageView {
            root: root.clone(),
            lang_buttons,
            theme_buttons,
            parts,
            canvases: elements(root, "canvas")?,
            near,
            visible,
            behind: Vec::new(),
            scheme: None,
            since_switch: 0,
            deferred: elements(root, "[data-deferred]")?,
            drawn: false,
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

    /// The one language the page holds, when it was built with one (`<html data-only-lang>`:
    /// `cargo xtask dist`'s one-language files); None for a page with every language.
    pub fn only_lang(&self) -> Option<Lang> {
        self.root
            .get_attribute("data-only-lang")
            .and_then(|tag| Lang::from_tag(&tag))
    }

    /// Shows the page in `lang`: `<html lang>` (which picks the prose) with the parts on the
    /// screen, the attributes and option texts from `strings`, and the switch's
    /// pressed button. The other parts keep the language they show until [`catch_up`] or
    /// [`settle`] reaches them.
    ///
    /// Call it before the frame writes anything else: it gives the canvases their language
    /// while the page's style is still clean.
    ///
    /// [`catch_up`]: PageView::catch_up
    /// [`settle`]: PageView::settle
    pub fn show_lang(&mut self, lang: Lang, strings: &Strings) -> Result<(), JsValue> {
        let shown = self.root.get_attribute("lang");
        // A canvas that inherits its language makes the browser restyle the page the moment an
        // ancestor's `lang` changes, and again at the frame: with its own, the page restyles
        // once. Written while the page's style is clean, so that this restyles the canvases
        // alone.
        for canvas in &self.canvases {
            if canvas.get_attribute("lang").as_deref() != Some(lang.tag()) {
                canvas.set_attribute("lang", lang.tag())?;
            }
        }
        if shown.as_deref() != Some(lang.tag()) {
            if let Some(old) = &shown {
                self.hold_far("lang", old, lang.tag())?;
            }
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

    /// Brings the parts now on or near the screen (the reader may have scrolled) to the page's
    /// language and scheme, and from the [`CATCH_UP_AFTER`]th frame after a switch releases the
    /// nearest other held part too: one step of a switch, for each frame after it.
    pub fn catch_up(&mut self) -> Result<(), JsValue> {
        // After the first complete drawing, one deferred block a frame is laid out, the last
        // in page order first. A block laid out takes its real height and moves what is below
        // it, and in the traces a frame that moved painted charts copied them to the
        // compositor again (in software compositing, about 6 ms for each 2x chart). From the
        // bottom up, most releases move nothing painted: in the benchmark's drag right after
        // load, the runs with a long task went from 4 in 6 (top down) to 1 in 8.
        if self.drawn {
            if let Some(block) = self.deferred.pop() {
                block.remove_attribute(DEFERRED)?;
                self.count_behind()?;
            }
        }
        if self.behind.is_empty() {
            return Ok(());
        }
        self.since_switch = self.since_switch.saturating_add(1);
        let near = self.near.borrow();
        let is_near = |i: usize| near.get(i).copied().unwrap_or(true);
        // The nearest in page order to a part on the screen.
        let next = (self.since_switch >= CATCH_UP_AFTER)
            .then(|| {
                self.behind.iter().copied().min_by_key(|&i| {
                    (0..near.len())
                        .filter(|&j| is_near(j))
                        .map(|j| i.abs_diff(j))
                        .min()
                        .unwrap_or(0)
                })
            })
            .flatten();
        let shown = self.shown();
        let mut kept = Vec::new();
        for &i in &self.behind {
            let part = &self.parts[i];
            // A near part held at what the page shows already looks right: releasing it would
            // only restyle it, so it waits its turn like a far one.
            if (is_near(i) && shows_other(part, &shown)) || Some(i) == next {
                release(part)?;
            } else {
                kept.push(i);
            }
        }
        drop(near);
        self.behind = kept;
        self.count_behind()
    }

    /// What `<html>` shows now: its language, and the scheme once shown, for each hold
    /// attribute.
    fn shown(&self) -> [(&'static str, Option<String>); 2] {
        [
            ("lang", self.root.get_attribute("lang")),
            (SCHEME_HOLD, self.scheme.map(|s| s.key().to_owned())),
        ]
    }

    /// Brings every part to the page's language now (before printing).
    pub fn settle(&mut self) -> Result<(), JsValue> {
        for i in self.behind.drain(..) {
            release(&self.parts[i])?;
        }
        for block in self.deferred.drain(..) {
            block.remove_attribute(DEFERRED)?;
        }
        self.count_behind()
    }

    /// Says that the page has been drawn completely: from the next frame, [`catch_up`]
    /// releases the deferred blocks (counted on `<html data-parts-behind>` from now).
    ///
    /// [`catch_up`]: PageView::catch_up
    pub fn drawn(&mut self) -> Result<(), JsValue> {
        self.drawn = true;
        self.count_behind()
    }

    /// Holds the parts off the screen at `old` in `attribute` (`lang` or [`SCHEME_HOLD`]),
    /// before the page changes to `new`; a part on the screen held at another value is released
    /// from it. The parts near the screen follow in the next frame ([`PageView::catch_up`]), so
    /// the switch's frame restyles and lays out only what the reader sees. A part held at `new`
    /// already stays as it is: it shows the right thing, and changing its attribute would
    /// restyle it. Restarts the count of frames before the far parts catch up.
    fn hold_far(&mut self, attribute: &str, old: &str, new: &str) -> Result<(), JsValue> {
        let visible = self.visible.borrow();
        for (i, part) in self.parts.iter().enumerate() {
            let held = part.get_attribute(attribute);
            let seen = visible.get(i).copied().unwrap_or(true);
            match held.as_deref() {
                Some(value) if seen && value != new => part.remove_attribute(attribute)?,
                None if !seen => part.set_attribute(attribute, old)?,
                _ => {}
            }
        }
        drop(visible);
        self.behind = (0..self.parts.len())
            .filter(|&i| is_held(&self.parts[i]))
            .collect();
        self.since_switch = 0;
        self.count_behind()
    }

    /// Whether some part is still held, or some deferred block waits to be released.
    pub fn behind(&self) -> bool {
        !self.behind.is_empty() || (self.drawn && !self.deferred.is_empty())
    }

    /// Writes how many parts are behind on `<html data-parts-behind>`, for scripts and tests;
    /// no attribute once every part has caught up.
    fn count_behind(&self) -> Result<(), JsValue> {
        let behind = self.behind.len() + self.deferred.len();
        let count = behind.to_string();
        let now = self.root.get_attribute(BEHIND);
        if behind == 0 {
            if now.is_some() {
                self.root.remove_attribute(BEHIND)?;
            }
        } else if now.as_deref() != Some(count.as_str()) {
            self.root.set_attribute(BEHIND, &count)?;
        }
        Ok(())
    }

    /// Applies the reader's colour scheme: `<html data-theme>` (which the stylesheet reads)
    /// and the switch's pressed button; `None` follows the system. `shown` is the scheme that
    /// puts on screen: when it changes, the parts far from the screen keep the one they show
    /// until they catch up, as for a language. Returns whether `shown` changed.
    pub fn show_theme(&mut self, scheme: Option<Scheme>, shown: Scheme) -> Result<bool, JsValue> {
        let changed = self.scheme != Some(shown);
        if let Some(old) = self.scheme.filter(|&old| old != shown) {
            self.hold_far(SCHEME_HOLD, old.key(), shown.key())?;
        }
        self.scheme = Some(shown);
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
        Ok(changed)
    }

    /// Shows the section `embed` alone (or the whole page for `None`) and hides the controls
    /// `hide`, through `<html data-embed>` and `<html data-hide>` (ids separated by spaces),
    /// which the stylesheet's generated rules read. The page's first script wrote both from
    /// the link before the first paint; this puts them right when the state says otherwise (a
    /// refused value, a new link). Returns whether either changed, which restyles the page.
    pub fn show_parts(&self, embed: Option<&Section>, hide: &[&str]) -> Result<bool, JsValue> {
        let hidden = hide.join(" ");
        let embedded = set_or_remove(&self.root, "data-embed", embed.map(|section| section.id))?;
        let hid = set_or_remove(
            &self.root,
            "data-hide",
            (!hidden.is_empty()).then_some(hidden.as_str()),
        )?;
        Ok(embedded || hid)
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

/// Every element under `root` that `selector` matches, in page order.
fn elements(root: &Element, selector: &str) -> Result<Vec<Element>, JsValue> {
    let found = root.query_selector_all(selector)?;
    Ok((0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<Element>().ok())
        .collect())
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

/// Watches which of `parts` are within `margin` of the screen (an IntersectionObserver's root
/// margin); all are taken as within until the observer's first report, which comes after the
/// first layout.
fn observe_nearness(parts: &[Element], margin: &str) -> Result<Rc<RefCell<Vec<bool>>>, JsValue> {
    let near = Rc::new(RefCell::new(vec![true; parts.len()]));
    let (flags, watched) = (near.clone(), parts.to_vec());
    let report = Closure::<dyn FnMut(Array)>::new(move |entries: Array| {
        let mut flags = flags.borrow_mut();
        for entry in entries.iter() {
            let entry = entry.unchecked_into::<IntersectionObserverEntry>();
            let target = entry.target();
            if let Some(i) = watched.iter().position(|part| *part == target) {
                flags[i] = entry.is_intersecting();
            }
        }
    });
    let options = IntersectionObserverInit::new();
    options.set_root_margin(margin);
    let observer =
        IntersectionObserver::new_with_options(report.as_ref().unchecked_ref(), &options)?;
    for part in parts {
        observer.observe(part);
    }
    // The observer and its callback live as long as the page.
    report.forget();
    Ok(near)
}

/// Whether `part` is held in a language or scheme of its own.
fn is_held(part: &Element) -> bool {
    part.has_attribute("lang") || part.has_attribute(SCHEME_HOLD)
}

/// Whether `part` is held at a value other than what `<html>` shows (`shown`, from
/// [`PageView::shown`]).
fn shows_other(part: &Element, shown: &[(&str, Option<String>)]) -> bool {
    shown.iter().any(|(attribute, value)| {
        part.get_attribute(attribute)
            .is_some_and(|held| value.as_deref() != Some(held.as_str()))
    })
}

/// Lets `part` follow the page's language and scheme again.
fn release(part: &Element) -> Result<(), JsValue> {
    for attribute in ["lang", SCHEME_HOLD] {
        if part.has_attribute(attribute) {
            part.remove_attribute(attribute)?;
        }
    }
    Ok(())
}

/// Sets a toggle button's `aria-pressed`.
/// Sets `attribute` of `element` to `value`, or removes it for `None`, unless it already
/// says that; returns whether it changed.
fn set_or_remove(element: &Element, attribute: &str, value: Option<&str>) -> Result<bool, JsValue> {
    if element.get_attribute(attribute).as_deref() == value {
        return Ok(false);
    }
    match value {
        Some(value) => element.set_attribute(attribute, value)?,
        None => element.remove_attribute(attribute)?,
    }
    Ok(true)
}

fn press(button: &Element, pressed: bool) -> Result<(), JsValue> {
    let value = if pressed { "true" } else { "false" };
    if button.get_attribute("aria-pressed").as_deref() != Some(value) {
        button.set_attribute("aria-pressed", value)?;
    }
    Ok(())
}
