//! Finding the page's elements and writing text to them.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement, Window};

/// The browser window, or an error for a worker or a test harness without one.
pub fn window() -> Result<Window, JsValue> {
    web_sys::window().ok_or_else(|| JsValue::from(js_sys::Error::new("no window")))
}

/// The page's document.
pub fn document() -> Result<Document, JsValue> {
    window()?
        .document()
        .ok_or_else(|| JsValue::from(js_sys::Error::new("no document")))
}

/// The element with `id` under `root`, as type `T`; a clear error names a missing or mistyped
/// element, so a page with its markup changed fails loudly at mount instead of later.
pub fn find<T: JsCast>(root: &Element, id: &str) -> Result<T, JsValue> {
    root.query_selector(&format!("#{id}"))?
        .ok_or_else(|| error(&format!("ReLU Explorer: the page has no element #{id}")))?
        .dyn_into::<T>()
        .map_err(|_| {
            error(&format!(
                "ReLU Explorer: #{id} is not the expected kind of element"
            ))
        })
}

/// Finds a view's elements one after another without stopping at the first that is missing or
/// of the wrong kind: that one's error is kept for [`Finder::finish`], and `undefined` stands in
/// for it (and for any later failure) until then.
///
/// A view then has one early exit instead of one per element. With `find(..)?` for each of a
/// view's elements, every `?` was an exit that dropped each element found before it, and the
/// lab's thirty lookups alone compiled to over two hundred drops.
pub struct Finder<'a> {
    root: &'a Element,
    error: Option<JsValue>,
}

impl<'a> Finder<'a> {
    /// Looks under `root`.
    pub fn new(root: &'a Element) -> Finder<'a> {
        Finder { root, error: None }
    }

    /// The element with `id`, as [`find`] finds it; `undefined` after a failure, which
    /// [`Finder::finish`] then reports. Use nothing it returns before `finish` says all is well.
    pub fn get<T: JsCast>(&mut self, id: &str) -> T {
        find(self.root, id).unwrap_or_else(|error| {
            self.error.get_or_insert(error);
            JsValue::UNDEFINED.unchecked_into()
        })
    }

    /// The error of the first element that could not be found, in the order they were asked
    /// for: what `find(..)?` on each in turn would have returned.
    pub fn finish(self) -> Result<(), JsValue> {
        self.error.map_or(Ok(()), Err)
    }
}

/// Sets an element's text if it differs, so that live regions announce only real changes.
pub fn set_text(element: &Element, text: &str) {
    if element.text_content().as_deref() != Some(text) {
        element.set_text_content(Some(text));
    }
}

/// Sets a numeric input if its value differs: writing the same value would restart a drag or
/// move the caret in some browsers.
pub fn set_number(input: &HtmlInputElement, value: f64) {
    if input.value_as_number() != value {
        input.set_value_as_number(value);
    }
}

/// Selects `value` in a `<select>` if it is not selected already.
pub fn set_select(select: &HtmlSelectElement, value: &str) {
    if select.value() != value {
        select.set_value(value);
    }
}

/// Shows or hides an element with the `hidden` attribute.
pub fn set_hidden(element: &HtmlElement, hidden: bool) {
    if element.hidden() != hidden {
        element.set_hidden(hidden);
    }
}

/// A JS `Error` with `message`.
pub fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// Whether `element`, or the deferred block holding it, is on screen or within half a screen
/// of it: at load, a view further away waits for the frame after the first complete drawing of
/// what is on screen. A block the page still defers (`data-deferred`, content-visibility: auto)
/// places what it holds: its own box is laid out, what it holds is not, and reading a position
/// inside it would lay the whole block out there and then.
pub fn near_viewport(element: &Element) -> bool {
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let rect = match element.closest("[data-deferred]") {
        Ok(Some(block)) => block.get_bounding_client_rect(),
        _ => element.get_bounding_client_rect(),
    };
    rect.bottom() > -height / 2.0 && rect.top() < height * 1.5
}
