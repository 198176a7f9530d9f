//! The page's fuzz mode: random synthetic input, `rate` actions per animation frame, on every
//! canvas and control, until stopped. What to do is planned by the core's
//! [`crate::fuzz_plan::Planner`] from a seed; this module only finds the page's elements and
//! performs the planned actions on them, so a failure replays with the same seed.
//!
//! The fuzzer acts only through the DOM, as a person does, so it holds no handle on the
//! [`App`](crate::web::app::App) and can never hold its `RefCell` while the page's listeners run.

use std::cell::RefCell;

use js_sys::{Array, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Document, Element, Event, EventInit, HtmlElement, KeyboardEvent, KeyboardEventInit,
    PointerEvent, PointerEventInit, Touch, TouchEvent, TouchEventInit, TouchInit,
};

use crate::fuzz_plan::{Action, Phase, Planner, Target, MAX_SEED, RATES};
use crate::web::dom::{document, error, window};

/// What the fuzzer acts on: canvases and every kind of form control. Links are left out so that
/// it never navigates away.
const TARGETS: &str = "canvas, input, select, textarea, button";

/// Controls a person cannot use or that would leave or block the page: disabled ones, anything
/// in a form (a click or Enter could submit it), and file pickers.
const SKIPPED: &str = ":disabled, form *, input[type=file]";

/// Bounds for a number input that sets none: wide enough that the planner's in-range values
/// are mostly out of any real control's domain.
const OPEN_BOUND: f64 = 1e6;

thread_local! {
    /// The one fuzzer of the page. A frame's planning borrows it; dispatching never does, since
    /// a listener may start or stop the fuzzer.
    static RUN: RefCell<Run> = RefCell::new(Run::default());
}

/// The running fuzzer, if any, and its progress.
#[derive(Default)]
struct Run {
    /// Bumped by every start and stop, so that a superseded frame loop ends.
    generation: u32,
    /// The planner and the rate, while running.
    planner: Option<(Planner, u32)>,
    /// Actions performed since the last start.
    events: u64,
}

/// Starts the fuzzer, replacing one that is running: `rate` actions (1 to 100) per animation
/// frame, planned from `seed` (0 to 2^53 − 1). Progress is written to the root element's
/// `data-fuzz-events` once per frame. Refuses other arguments with an error naming them.
pub fn start(rate: u32, seed: u64) -> Result<(), JsValue> {
    if !RATES.contains(&rate) {
        return Err(error(&format!(
            "fuzz: rate must be from 1 to 100, got {rate}"
        )));
    }
    if seed > MAX_SEED {
        return Err(error(&format!(
            "fuzz: seed must be from 0 to 2^53 - 1, got {seed}"
        )));
    }
    let generation = RUN.with(|run| {
        let mut run = run.borrow_mut();
        run.generation = run.generation.wrapping_add(1);
        run.planner = Some((Planner::new(seed), rate));
        run.events = 0;
        run.generation
    });
    schedule(generation)
}

/// Stops the fuzzer after the action it is performing, if it runs; its count stays readable.
pub fn stop() {
    RUN.with(|run| {
        let mut run = run.borrow_mut();
        run.generation = run.generation.wrapping_add(1);
        run.planner = None;
    });
}

/// Actions performed since the fuzzer last started (0 if it never did).
pub fn events() -> u64 {
    RUN.with(|run| run.borrow().events)
}

/// Runs one frame of loop `generation` at the next animation frame.
fn schedule(generation: u32) -> Result<(), JsValue> {
    let callback = Closure::once_into_js(move || {
        if let Err(failure) = frame(generation) {
            // The fuzzer's own DOM calls failed, which is a bug in it: stop, and say why.
            stop();
            web_sys::console::error_2(&"ReLU Explorer fuzz:".into(), &failure);
        }
    });
    window()?.request_animation_frame(callback.unchecked_ref())?;
    Ok(())
}

/// Plans and performs one frame's actions, reports progress, and schedules the next frame,
/// unless the fuzzer was stopped or restarted meanwhile.
fn frame(generation: u32) -> Result<(), JsValue> {
    let document = document()?;
    let (found, targets) = find_targets(&document)?;
    let actions = RUN.with(|run| {
        let mut run = run.borrow_mut();
        let current = run.generation == generation;
        let planner = run.planner.as_mut().filter(|_| current);
        planner.map(|(planner, rate)| planner.frame(*rate, &targets))
    });
    let Some(actions) = actions else {
        return Ok(());
    };
    for action in &actions {
        perform(&found, action)?;
    }
    let events = RUN.with(|run| {
        let mut run = run.borrow_mut();
        (run.generation == generation).then(|| {
            run.events += actions.len() as u64;
            run.events
        })
    });
    let Some(events) = events else {
        return Ok(());
    };
    if let Some(root) = document.document_element() {
        root.set_attribute("data-fuzz-events", &events.to_string())?;
    }
    schedule(generation)
}

/// An element the fuzzer may act on, with its box (left, top, width, height) in CSS pixels
/// as laid out at the start of the frame.
struct Found {
    element: Element,
    rect: (f64, f64, f64, f64),
}

/// Every visible, enabled target on the page, and the planner's description of each.
fn find_targets(document: &Document) -> Result<(Vec<Found>, Vec<Target>), JsValue> {
    let nodes = document.query_selector_all(TARGETS)?;
    let mut found = Vec::new();
    let mut targets = Vec::new();
    for i in 0..nodes.length() {
        let Some(element) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let rect = element.get_bounding_client_rect();
        // An element without a box is not rendered (`hidden`, `display: none` or in a closed
        // `<details>`): no one can reach it.
        if (rect.width() == 0.0 && rect.height() == 0.0) || element.matches(SKIPPED)? {
            continue;
        }
        targets.push(describe(&element)?);
        found.push(Found {
            rect: (rect.left(), rect.top(), rect.width(), rect.height()),
            element,
        });
    }
    Ok((found, targets))
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
            let init = PointerEventInit::new();
            init.set_bubbles(true);
            init.set_cancelable(true);
            init.set_composed(true);
            init.set_pointer_id(*id);
            init.set_pointer_type(device.name());
            init.set_is_primary(true);
            init.set_client_x(x);
            init.set_client_y(y);
            init.set_buttons(u16::from(*pressed));
            // `button` is −1 when no button changed, as in a move.
            init.set_button(if *phase == Phase::Move { -1 } else { 0 });
            init.set_pressure(if *pressed { 0.5 } else { 0.0 });
            let name = match phase {
                Phase::Down => "pointerdown",
                Phase::Move => "pointermove",
                Phase::Up => "pointerup",
            };
            let event = PointerEvent::new_with_event_init_dict(name, &init)?;
            target.element.dispatch_event(&event)?;
        }
        Action::Touch {
            target,
            phase,
            id,
            at,
        } => {
            let target = &found[*target];
            let (x, y) = client_point(target, *at);
            let touch = TouchInit::new(*id, &target.element);
            touch.set_client_x(x);
            touch.set_client_y(y);
            let touches = Array::of1(&JsValue::from(Touch::new(&touch)?));
            let init = TouchEventInit::new();
            init.set_bubbles(true);
            init.set_cancelable(true);
            init.set_composed(true);
            init.set_changed_touches(&touches);
            // A touch that ended is no longer on the surface.
            if *phase != Phase::Up {
                init.set_touches(&touches);
                init.set_target_touches(&touches);
            }
            let name = match phase {
                Phase::Down => "touchstart",
                Phase::Move => "touchmove",
                Phase::Up => "touchend",
            };
            let event = TouchEvent::new_with_event_init_dict(name, &init)?;
            target.element.dispatch_event(&event)?;
        }
        Action::Key {
            target,
            key,
            down,
            focus,
        } => {
            let element = &found[*target].element;
            if *focus {
                if let Some(element) = element.dyn_ref::<HtmlElement>() {
                    element.focus()?;
                }
            }
            let init = KeyboardEventInit::new();
            init.set_bubbles(true);
            init.set_cancelable(true);
            init.set_composed(true);
            init.set_key(key);
            let name = if *down { "keydown" } else { "keyup" };
            let event = KeyboardEvent::new_with_keyboard_event_init_dict(name, &init)?;
            element.dispatch_event(&event)?;
        }
        Action::Set { target, value } => {
            let element = &found[*target].element;
            // Inputs, selects and textareas share the `value` property: one reflective write
            // serves all three without a binding for each.
            Reflect::set(element, &"value".into(), &value.into())?;
            for name in ["input", "change"] {
                element.dispatch_event(&plain_event(name, true)?)?;
            }
        }
        Action::Click { target } => {
            if let Some(element) = found[*target].element.dyn_ref::<HtmlElement>() {
                element.click();
            }
        }
        Action::Hash(hash) => {
            let window = window()?;
            let url = format!("#{hash}");
            window
                .history()?
                .replace_state_with_url(&JsValue::NULL, "", Some(&url))?;
            window.dispatch_event(&plain_event("hashchange", false)?)?;
        }
    }
    Ok(())
}

/// The client coordinates of a position given as fractions of a target's box.
fn client_point(target: &Found, (fx, fy): (f64, f64)) -> (i32, i32) {
    let (left, top, width, height) = target.rect;
    ((left + fx * width) as i32, (top + fy * height) as i32)
}

/// An `Event` named `name`, bubbling if `bubbles`, as `input`, `change` and `hashchange` are.
fn plain_event(name: &str, bubbles: bool) -> Result<Event, JsValue> {
    let init = EventInit::new();
    init.set_bubbles(bubbles);
    Event::new_with_event_init_dict(name, &init)
}
