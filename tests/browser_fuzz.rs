//! Browser tests (wasm-bindgen-test in headless Chromium) of the fuzz mode: `Explorer.fuzz`
//! refuses bad arguments with a message naming each, and the fuzzer delivers every kind of
//! input to a page of controls of its own, never to disabled or hidden ones, counts what it
//! did, and stops when asked.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, PointerEvent};

wasm_bindgen_test_configure!(run_in_browser);

// The page as `cargo xtask build` renders it (build.rs renders the same template).
const PAGE: &str = include_str!(concat!(env!("OUT_DIR"), "/index.html"));

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Replaces the test document's content under test with `markup` (our own static text).
fn show(markup: &str) -> Element {
    let doc = document();
    if let Some(old) = doc.get_element_by_id("under-test") {
        old.remove();
    }
    let container = doc.create_element("div").unwrap();
    container.set_id("under-test");
    container.set_inner_html(markup);
    doc.body().unwrap().append_child(&container).unwrap();
    container
}

async fn next_frame() {
    let promise = Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

fn fuzz_attribute() -> Option<String> {
    document()
        .document_element()
        .unwrap()
        .get_attribute("data-fuzz-events")
}

#[wasm_bindgen_test]
fn fuzz_refuses_bad_arguments_with_a_message_for_each() {
    let body_start = PAGE.find("<body>").unwrap() + "<body>".len();
    let body_end = PAGE.find("</body>").unwrap();
    show(&PAGE[body_start..body_end]);
    // Another test's fuzzer may have left its count.
    let root = document().document_element().unwrap();
    root.remove_attribute("data-fuzz-events").unwrap();
    let mut explorer = relu_explorer::mount().expect("the page mounts");
    let rate = "Explorer.fuzz: rate must be a whole number from 1 to 100, got";
    let seed = "Explorer.fuzz: seed must be a whole number from 0 to 9007199254740991, got";
    let cases: [(JsValue, JsValue, String); 10] = [
        (0.into(), 1.into(), format!("{rate} 0")),
        (101.into(), 1.into(), format!("{rate} 101")),
        (2.5.into(), 1.into(), format!("{rate} 2.5")),
        (f64::NAN.into(), 1.into(), format!("{rate} NaN")),
        ("20".into(), 1.into(), format!("{rate} string")),
        (JsValue::UNDEFINED, 1.into(), format!("{rate} undefined")),
        (20.into(), (-1).into(), format!("{seed} -1")),
        (
            20.into(),
            9_007_199_254_740_992.0.into(),
            format!("{seed} 9007199254740992"),
        ),
        (20.into(), 0.5.into(), format!("{seed} 0.5")),
        (20.into(), JsValue::NULL, format!("{seed} null")),
    ];
    for (rate, seed, expected) in cases {
        let error = explorer.fuzz(&rate, &seed).unwrap_err();
        let message: String = error.dyn_into::<js_sys::Error>().unwrap().message().into();
        assert_eq!(message, expected);
    }
    assert_eq!(explorer.fuzz_events(), 0.0, "nothing was started");
    assert_eq!(fuzz_attribute(), None);
    show("");
}

/// What arrived where: `type target`, and the `pointerType` of `pointer*` events (Chromium's
/// `click` is a PointerEvent too, of no type when synthetic).
type Log = Rc<RefCell<BTreeMap<String, u32>>>;

fn record(log: &Log, event: &Event) {
    let target = event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .map_or_else(|| "window".to_string(), |t| t.id());
    let device = event
        .dyn_ref::<PointerEvent>()
        .filter(|_| event.type_().starts_with("pointer"))
        .map(|p| format!(" {}", p.pointer_type()))
        .unwrap_or_default();
    let key = format!("{} {target}{device}", event.type_());
    *log.borrow_mut().entry(key).or_default() += 1;
}

#[wasm_bindgen_test]
async fn the_fuzzer_delivers_every_kind_of_input_and_stops() {
    let container = show(
        r#"<canvas id="c" width="200" height="100"></canvas>
        <input id="range" type="range" min="-5" max="5" step="0.5">
        <input id="number" type="number" min="0">
        <input id="check" type="checkbox">
        <select id="select"><option value="a">A</option><option value="b">B</option></select>
        <input id="text" type="text"><textarea id="area"></textarea>
        <button type="button" id="button">Go</button>
        <button type="button" id="disabled" disabled>No</button>
        <input id="hidden" type="text" hidden>
        <a id="link" href="/elsewhere">away</a>"#,
    );
    let log: Log = Rc::default();
    let kinds = [
        "pointerdown",
        "pointermove",
        "pointerup",
        "touchstart",
        "touchmove",
        "touchend",
        "keydown",
        "keyup",
        "input",
        "change",
        "click",
    ];
    let listener = {
        let log = log.clone();
        Closure::<dyn FnMut(Event)>::new(move |e: Event| record(&log, &e))
    };
    for kind in kinds {
        container
            .add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref())
            .unwrap();
    }
    let window = web_sys::window().unwrap();
    window
        .add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref())
        .unwrap();

    // The fuzzer waits for the page to load: its first complete drawing, then its deferred prose.
    let root = document().document_element().unwrap();
    root.remove_attribute("data-drawn").unwrap();
    let fuzzer = relu_explorer::web::fuzz::start(100, 3).expect("the fuzzer starts");
    for _ in 0..5 {
        next_frame().await;
    }
    assert_eq!(
        fuzzer.events(),
        0,
        "the fuzzer acted before the page was drawn"
    );
    // Drawn, but with prose still deferred: it waits on.
    root.set_attribute("data-drawn", "true").unwrap();
    root.set_attribute("data-parts-behind", "2").unwrap();
    for _ in 0..5 {
        next_frame().await;
    }
    assert_eq!(
        fuzzer.events(),
        0,
        "the fuzzer acted before the page's deferred prose was laid out"
    );
    root.remove_attribute("data-parts-behind").unwrap();
    // 40 frames of 100 actions: time for a hash change or two, which wait 15 frames apart.
    for _ in 0..200 {
        next_frame().await;
        if fuzzer.events() >= 4000 {
            break;
        }
    }
    fuzzer.stop();
    let events = fuzzer.events();
    assert!(events >= 4000, "{events} actions");
    assert_eq!(events % 100, 0, "whole frames of 100 actions");
    assert_eq!(fuzz_attribute(), Some(events.to_string()));
    for _ in 0..3 {
        next_frame().await;
    }
    assert_eq!(fuzzer.events(), events, "stopped");
    window
        .remove_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref())
        .unwrap();

    let log = log.borrow();
    let got = |key: &str| log.get(key).copied().unwrap_or(0);
    for phase in ["pointerdown", "pointermove", "pointerup"] {
        for device in ["mouse", "touch", "pen"] {
            assert!(got(&format!("{phase} c {device}")) > 0, "{phase} {device}");
        }
    }
    for kind in ["touchstart", "touchmove", "touchend"] {
        assert!(got(&format!("{kind} c")) > 0, "{kind}");
    }
    for id in ["range", "number", "select", "text", "area"] {
        assert!(got(&format!("input {id}")) > 0, "input on {id}");
        assert!(got(&format!("change {id}")) > 0, "change on {id}");
    }
    assert!(got("click check") > 0 && got("change check") > 0);
    assert!(got("click button") > 0);
    assert!(got("keydown button") > 0 && got("keyup text") > 0);
    assert!(got("hashchange window") > 0);
    for quiet in ["disabled", "hidden", "link"] {
        let reached: Vec<&String> = log.keys().filter(|k| k.contains(quiet)).collect();
        assert!(reached.is_empty(), "{quiet} was reached: {reached:?}");
    }
    drop(log);
    root.remove_attribute("data-drawn").unwrap();
    show("");
}
