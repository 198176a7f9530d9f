//! The page's fuzz mode: random synthetic input, `rate` actions per animation frame, on every
//! canvas and control, until stopped. What to do is planned by the core's
//! [`crate::fuzz_plan::Planner`] from a seed; this module only finds the page's elements and
//! performs the planned actions on them, so a failure replays with the same seed.
//!
//! The fuzzer acts only through the DOM, as a person does, so it holds no handle on the
//! [`App`](crate::web::app::App) and can never hold its `RefCell` while the page's listeners run.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, EventTarget, HtmlElement};

use crate::fuzz_plan::{Action, Phase, Planner, Target};
use crate::web::dom::{document, window};

/// What the fuzzer acts on: canvases and every kind of form control. Links are left out so that
/// it never navigates away.
const TARGETS: &str = "canvas, input, select, textarea, button";

/// Controls a person cannot use or that would leave or block the page: disabled ones, anything
/// in a form (a click or Enter could submit it), file pickers, and the sharing tools
/// (`data-share`: an Embed dialog is modal and loads a second page in its preview; a copy
/// writes to the clipboard), which change no state, and the export buttons (`data-export`:
/// each click would save a file).
const SKIPPED: &str = ":disabled, form *, input[type=file], [data-share], [data-export]";

/// The bounds the planner draws from for a number input that sets none (the lab's seed sets no
/// max): a span is needed, and a million either way reaches far past any value a person types.
const OPEN_BOUND: f64 = 1e6;

/// A running fuzzer (or a stopped one, whose count stays readable). Dropping it stops it.
pub struct Fuzzer {
    run: Rc<RefCell<Run>>,
}

/// A fuzzer's planner and progress, shared with its frame loop. A frame borrows it to plan and
/// to count, never while dispatching: the page's listeners may reach the fuzzer.
struct Run {
    planner: Planner,
    rate: u32,
    events: u64,
    stopped: bool,
    /// Whether it has acted yet: it starts once the page has loaded.
    started: bool,
}

/// Starts a fuzzer: `rate` actions per animation frame (clamped to 1 to 100), planned from
/// `seed`, from when the page has loaded (drawn completely once, its deferred prose laid out)
/// until the returned handle stops it or is dropped. Progress is written to the root
/// element's `data-fuzz-events` once per frame. The caller has validated both numbers (the JS
/// API's `fuzz()` does, with a message for each).
pub fn start(rate: u32, seed: u64) -> Result<Fuzzer, JsValue> {
    let run = Rc::new(RefCell::new(Run {
        planner: Planner::new(seed),
        rate,
        events: 0,
        stopped: false,
        started: false,
    }));
    schedule(run.clone())?;
    Ok(Fuzzer { run })
}

impl Fuzzer {
    /// Actions performed since the fuzzer started.
    pub fn events(&self) -> u64 {
        self.run.borrow().events
    }

    /// Stops the fuzzer before its next frame; a frame under way finishes its actions.
    pub fn stop(&self) {
        self.run.borrow_mut().stopped = true;
    }
}

impl Drop for Fuzzer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Runs one frame of `run` just after the next animation frame is drawn.
///
/// A task queued from an animation frame callback runs once that frame is painted, when the
/// page's styles and layout are fresh: the fuzzer finds its targets there for free. Found
/// inside an animation frame, after the page's own render wrote to the DOM, they cost a second
/// restyle of the page every frame.
fn schedule(run: Rc<RefCell<Run>>) -> Result<(), JsValue> {
    let act = Closure::once_into_js(move || {
        if let Err(failure) = frame(run) {
            // The fuzzer's own DOM calls failed, which is a bug in it: say why. The loop ends.
            web_sys::console::error_2(&"ReLU Explorer fuzz:".into(), &failure);
        }
    });
    let after_paint = Closure::once_into_js(move || {
        if let Err(failure) = window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(act.unchecked_ref(), 0)
        }) {
            web_sys::console::error_2(&"ReLU Explorer fuzz:".into(), &failure);
        }
    });
    window()?.request_animation_frame(after_paint.unchecked_ref())?;
    Ok(())
}

/// Plans and performs one frame's actions, reports progress, and schedules the next frame,
/// unless the fuzzer was stopped.
fn frame(run: Rc<RefCell<Run>>) -> Result<(), JsValue> {
    if run.borrow().stopped {
        return Ok(());
    }
    let document = document()?;
    // It starts once the page has loaded: drawn completely once (`data-drawn`), and its
    // deferred prose laid out (no `data-parts-behind`). It tests the page under input, not its
    // loading. Once started it never waits again.
    if !run.borrow().started {
        let loaded = document.document_element().is_some_and(|root| {
            root.has_attribute("data-drawn") && !root.has_attribute("data-parts-behind")
        });
        if !loaded {
            return schedule(run);
        }
        run.borrow_mut().started = true;
    }
    let (found, targets) = find_targets(&document)?;
    let actions = {
        let mut guard = run.borrow_mut();
        let inner = &mut *guard;
        inner.planner.frame(inner.rate, &targets)
    };
    for action in &actions {
        perform(&found, action)?;
    }
    let events = {
        let mut inner = run.borrow_mut();
        inner.events += actions.len() as u64;
        inner.events
    };
    if let Some(root) = document.document_element() {
        root.set_attribute("data-fuzz-events", &events.to_string())?;
    }
    schedule(run)
}

/// An element the fuzzer may act on, with its box (left, top, width, height) in CSS pixels,
/// read the first time an action needs it in the frame.
///
/// Only pointer and touch actions need a box, so only their targets' boxes are read.
struct Found {
    element: Element,
    rect: OnceCell<(f64, f64, f64, f64)>,
}

impl Found {
    /// The element's box, from the layout when first asked in this frame.
    fn rect(&self) -> (f64, f64, f64, f64) {
        *self.rect.get_or_init(|| {
            let rect = self.element.get_bounding_client_rect();
            (rect.left(), rect.top(), rect.width(), rect.height())
        })
    }
}

/// Every rendered, enabled target on the page, and the planner's description of each.
fn find_targets(document: &Document) -> Result<(Vec<Found>, Vec<Target>), JsValue> {
    let nodes = document.query_selector_all(TARGETS)?;
    let mut found = Vec::new();
    let mut targets = Vec::new();
    for i in 0..nodes.length() {
        let Some(element) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        // An element that is not rendered (`hidden`, `display: none`, in a closed `<details>`)
        // is out of anyone's reach.
        if !rendered(&element)? || element.matches(SKIPPED)? {
            continue;
        }
        targets.push(describe(&element)?);
        found.push(Found {
            element,
            rect: OnceCell::new(),
        });
    }
    Ok((found, targets))
}

/// Whether `element` is rendered: `checkVisibility()`, which also leaves out the content of a
/// closed `<details>` (it keeps a box in current Chromium, though no one can reach it); where
/// a browser lacks it, whether the element has a box.
fn rendered(element: &Element) -> Result<bool, JsValue> {
    match Reflect::get(element, &"checkVisibility".into())?.dyn_into::<Function>() {
        Ok(check) => Ok(check.call0(element)?.is_truthy()),
        Err(_) => {
            let rect = element.get_bounding_client_rect();
            Ok(rect.width() != 0.0 || rect.height() != 0.0)
        }
    }
}

/// What kind of target an element is.
fn describe(element: &Element) -> Result<Target, JsValue> {
    let kind = element
        .get_attribute("type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    Ok(match (element.tag_name().as_str(), kind.as_str()) {
        ("CANVAS", _) => Target::Canvas,
        ("SELECT", _) => Target::Choice(option_values(element)?),
        ("BUTTON", _) | ("INPUT", "button" | "submit" | "reset" | "image") => Target::Button,
        ("INPUT", "range") => Target::Number {
            min: bound(element, "min", 0.0),
            max: bound(element, "max", 100.0),
        },
        ("INPUT", "number") => Target::Number {
            min: bound(element, "min", -OPEN_BOUND),
            max: bound(element, "max", OPEN_BOUND),
        },
        ("INPUT", "checkbox" | "radio") => Target::Toggle,
        _ => Target::Text,
    })
}

/// A numeric attribute, or `default` (the browser's own, for a range) when absent or unreadable.
fn bound(element: &Element, name: &str, default: f64) -> f64 {
    element
        .get_attribute(name)
        .and_then(|text| text.trim().parse::<f64>().ok())
        .filter(|v| v.is_finite())
        .unwrap_or(default)
}

/// The values of a `<select>`'s options, in order.
fn option_values(select: &Element) -> Result<Vec<String>, JsValue> {
    let options = select.query_selector_all("option")?;
    let mut values = Vec::new();
    for i in 0..options.length() {
        if let Some(option) = options.item(i) {
            values.extend(Reflect::get(&option, &"value".into())?.as_string());
        }
    }
    Ok(values)
}

/// Performs one planned action on `found`, the targets it was planned for.
fn perform(found: &[Found], action: &Action) -> Result<(), JsValue> {
    match action {
        Action::Pointer {
            target,
            phase,
            device,
            id,
            pressed,
            at,
        } => {
            let target = &found[*target];
            let (x, y) = client_point(target, *at);
            let name = match phase {
                Phase::Down => "pointerdown",
                Phase::Move => "pointermove",
                Phase::Up => "pointerup",
            };
            let fields = [
                ("pointerId", JsValue::from(*id)),
                ("pointerType", device.name().into()),
                ("isPrimary", true.into()),
                ("clientX", x.into()),
                ("clientY", y.into()),
                ("buttons", u8::from(*pressed).into()),
                // `button` is −1 when no button changed, as in a move.
                (
                    "button",
                    (if *phase == Phase::Move { -1 } else { 0 }).into(),
                ),
                ("pressure", (if *pressed { 0.5 } else { 0.0 }).into()),
            ];
            dispatch(&target.element, "PointerEvent", name, &fields)
        }
        Action::Touch {
            target,
            phase,
            id,
            at,
        } => {
            let target = &found[*target];
            let (x, y) = client_point(target, *at);
            let point = dictionary(&[
                ("identifier", (*id).into()),
                ("target", target.element.clone().into()),
                ("clientX", x.into()),
                ("clientY", y.into()),
            ])?;
            let Some(touch) = construct("Touch", &Array::of1(&point))? else {
                // This browser makes no touches (desktop Firefox and Safari): nor can a person.
                return Ok(());
            };
            let touches: JsValue = Array::of1(&touch).into();
            // A touch that ended is no longer on the surface.
            let (name, on_surface) = match phase {
                Phase::Down => ("touchstart", touches.clone()),
                Phase::Move => ("touchmove", touches.clone()),
                Phase::Up => ("touchend", Array::new().into()),
            };
            let fields = [
                ("changedTouches", touches),
                ("touches", on_surface.clone()),
                ("targetTouches", on_surface),
            ];
            dispatch(&target.element, "TouchEvent", name, &fields)
        }
        Action::Key {
            target,
            key,
            down,
            focus,
        } => {
            let element = &found[*target].element;
            if *focus {
                focus_in_place(element)?;
            }
            let name = if *down { "keydown" } else { "keyup" };
            dispatch(element, "KeyboardEvent", name, &[("key", (*key).into())])
        }
        Action::Set { target, value } => {
            let element = &found[*target].element;
            // Inputs, selects and textareas share the `value` property: one reflective write
            // serves all three without a binding for each.
            Reflect::set(element, &"value".into(), &value.into())?;
            dispatch(element, "Event", "input", &[])?;
            dispatch(element, "Event", "change", &[])
        }
        Action::Click { target } => {
            if let Some(element) = found[*target].element.dyn_ref::<HtmlElement>() {
                element.click();
            }
            Ok(())
        }
        Action::Hash(hash) => {
            let window = window()?;
            let url = format!("#{hash}");
            window
                .history()?
                .replace_state_with_url(&JsValue::NULL, "", Some(&url))?;
            dispatch(&window, "Event", "hashchange", &[])
        }
    }
}

/// Focuses `element` without scrolling it into view.
///
/// `focus()` alone scrolls the page to the element: the fuzzer, focusing controls all over the
/// page many times a frame, would then scroll it to a new place every frame, and every
/// section that comes into view or leaves it (each is `content-visibility: auto`) is restyled
/// and laid out whole. That is the cost of the fuzzer's scrolling, not of the input it tests;
/// a person does not jump across the page sixty times a second.
fn focus_in_place(element: &Element) -> Result<(), JsValue> {
    let Ok(focus) = Reflect::get(element, &"focus".into())?.dyn_into::<Function>() else {
        return Ok(());
    };
    focus.call1(
        element,
        &dictionary(&[("preventScroll", true.into())])?.into(),
    )?;
    Ok(())
}

/// The client coordinates of a position given as fractions of a target's box.
fn client_point(target: &Found, (fx, fy): (f64, f64)) -> (i32, i32) {
    let (left, top, width, height) = target.rect();
    ((left + fx * width) as i32, (top + fy * height) as i32)
}

/// Dispatches `new window[class](name, init)` on `target`, `init` holding `fields` and
/// bubbling, cancelable and composed as a person's input is; nothing if the browser lacks the
/// class.
///
/// Events are built by class name and a plain dictionary rather than web-sys's typed
/// `*EventInit` bindings: those cost an import and JS glue for every field, several kilobytes
/// gzip in all for fields only the fuzzer sets, where these few generic calls cost almost none.
fn dispatch(
    target: &EventTarget,
    class: &str,
    name: &str,
    fields: &[(&str, JsValue)],
) -> Result<(), JsValue> {
    let init = dictionary(fields)?;
    for flag in ["bubbles", "cancelable", "composed"] {
        Reflect::set(&init, &flag.into(), &true.into())?;
    }
    if let Some(event) = construct(class, &Array::of2(&name.into(), &init))? {
        target.dispatch_event(event.unchecked_ref())?;
    }
    Ok(())
}

/// A plain object with `fields`.
fn dictionary(fields: &[(&str, JsValue)]) -> Result<Object, JsValue> {
    let object = Object::new();
    for (key, value) in fields {
        Reflect::set(&object, &(*key).into(), value)?;
    }
    Ok(object)
}

/// `new window[class](...arguments)`, or `None` if this browser has no such class.
fn construct(class: &str, arguments: &Array) -> Result<Option<JsValue>, JsValue> {
    let window = window()?;
    let Ok(class) = Reflect::get(&window, &class.into())?.dyn_into::<Function>() else {
        return Ok(None);
    };
    Reflect::construct(&class, arguments).map(Some)
}
