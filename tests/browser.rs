//! Browser tests (wasm-bindgen-test in headless Chromium): the real page markup mounted, the x
//! slider moved by dispatched input events, and canvas pixels read back at the coordinates the
//! chart's own transform gives; and the JS API's answers to good and bad arguments.
#![cfg(target_arch = "wasm32")]

use js_sys::{Float32Array, Promise};
use plotters::style::RGBColor;
use rand_core::{Rng, SeedableRng};
use rand_xoshiro::SplitMix64;
use relu_explorer::plot::theme::LIGHT;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{
    CanvasRenderingContext2d, Event, EventInit, HtmlCanvasElement, HtmlInputElement, PointerEvent,
    PointerEventInit,
};

wasm_bindgen_test_configure!(run_in_browser);

// The page as `cargo xtask build` renders it (build.rs renders the same template).
const PAGE: &str = include_str!(concat!(env!("OUT_DIR"), "/index.html"));
const STYLE: &str = include_str!("../site/style.css");
/// ReLU's colour and its derivative's on the light page (the test browser's scheme).
const BLUE: [u8; 3] = rgb(LIGHT.series[0]);
const ORANGE: [u8; 3] = rgb(LIGHT.series[1]);

const fn rgb(color: RGBColor) -> [u8; 3] {
    [color.0, color.1, color.2]
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Adds the real page's body and stylesheet to the test document (our own static markup),
/// beside the test runner's own elements, replacing any earlier test's copy.
fn load_page() {
    set_hash("");
    let doc = document();
    if let Some(old) = doc.get_element_by_id("page-under-test") {
        old.remove();
    }
    let body_start = PAGE.find("<body>").unwrap() + "<body>".len();
    let body_end = PAGE.find("</body>").unwrap();
    let container = doc.create_element("div").unwrap();
    container.set_id("page-under-test");
    container.set_inner_html(&PAGE[body_start..body_end]);
    let style = doc.create_element("style").unwrap();
    style.set_text_content(Some(STYLE));
    container.append_child(&style).unwrap();
    doc.body().unwrap().append_child(&container).unwrap();
}

/// Sets the test page's URL hash without navigating, as a shared link would arrive.
fn set_hash(hash: &str) {
    let window = web_sys::window().unwrap();
    let url = format!("{}{}", window.location().pathname().unwrap(), hash);
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .unwrap();
}

async fn next_frame() {
    for _ in 0..2 {
        let promise = Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .request_animation_frame(&resolve)
                .unwrap();
        });
        JsFuture::from(promise).await.unwrap();
    }
}

fn input(id: &str) -> HtmlInputElement {
    document()
        .get_element_by_id(id)
        .unwrap()
        .dyn_into()
        .unwrap()
}

fn text(id: &str) -> String {
    document()
        .get_element_by_id(id)
        .unwrap()
        .text_content()
        .unwrap()
}

/// Sets a control's value and dispatches a bubbling `input` event, as a person dragging does.
fn drag_to(id: &str, value: &str) {
    let element = input(id);
    element.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    element
        .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

fn pixel(x: f64, y: f64) -> [u8; 3] {
    let canvas: HtmlCanvasElement = document()
        .get_element_by_id("graph-canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let data = context.get_image_data(x, y, 1.0, 1.0).unwrap().data();
    [data[0], data[1], data[2]]
}

fn at(explorer: &relu_explorer::Explorer, x: f64, y: f64) -> (f64, f64) {
    let p = explorer.graph_pixel(x, y).to_vec();
    assert_eq!(p.len(), 2, "the graph has been drawn");
    (p[0], p[1])
}

fn close(a: [u8; 3], b: [u8; 3]) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 8)
}

#[wasm_bindgen_test]
async fn the_x_slider_moves_the_markers() {
    load_page();
    let explorer = relu_explorer::mount().expect("the page mounts");
    next_frame().await;
    assert_eq!(text("readout-x"), "1.5");
    assert_eq!(text("fx-relu"), "1.5");
    assert_eq!(text("dfx-relu"), "1");

    // The derivative's marker sits on its line at (1.5, 1); 4 px above the line is inside the
    // marker and outside the line, so that pixel tells whether the marker is there.
    let (px, py) = at(&explorer, 1.5, 1.0);
    assert!(
        close(pixel(px, py - 4.0), ORANGE),
        "marker at x = 1.5: {:?}",
        pixel(px, py - 4.0)
    );

    drag_to("x-value", "-4");
    next_frame().await;
    assert_eq!(text("readout-x"), "-4");
    assert_eq!(text("fx-relu"), "0");
    assert_eq!(text("dfx-relu"), "0");
    let (old_x, old_y) = at(&explorer, 1.5, 1.0);
    assert!(
        close(pixel(old_x, old_y - 4.0), [255, 255, 255]),
        "the old marker is gone"
    );
    // At x < 0 ReLU and its derivative are both 0: the function's marker sits inside the
    // derivative's, which shows as a ring around it.
    let (nx, ny) = at(&explorer, -4.0, 0.0);
    assert!(
        close(pixel(nx, ny - 4.0), BLUE),
        "ReLU marker at (-4, 0): {:?}",
        pixel(nx, ny - 4.0)
    );
    assert!(
        close(pixel(nx, ny - 7.0), ORANGE),
        "the derivative's ring at (-4, 0): {:?}",
        pixel(nx, ny - 7.0)
    );

    drag_to("x-value", "6");
    next_frame().await;
    let (rx, ry) = at(&explorer, 6.0, 6.0);
    assert!(close(pixel(rx, ry), BLUE), "ReLU marker at (6, 6)");
    assert_eq!(text("fx-relu"), "6");
    assert_eq!(text("dfx-relu"), "1");

    // A reversed range is refused with a message, and the graph keeps its range.
    let before = at(&explorer, 6.0, 6.0);
    drag_to("x-min", "20");
    next_frame().await;
    assert!(text("graph-message").contains("must be less than x max"));
    assert_eq!(at(&explorer, 6.0, 6.0), before);
    drag_to("x-min", "-5");
    next_frame().await;
    assert_eq!(text("graph-message"), "");
    assert_ne!(at(&explorer, 6.0, 6.0), before, "the new range is drawn");

    // Pressing on the canvas moves x to the data coordinate under the pointer.
    let canvas = document().get_element_by_id("graph-canvas").unwrap();
    let rect = canvas.get_bounding_client_rect();
    let (tx, _) = at(&explorer, 2.0, 0.0);
    let ratio = web_sys::window().unwrap().device_pixel_ratio();
    let init = PointerEventInit::new();
    init.set_client_x((rect.left() + tx / ratio) as i32);
    init.set_client_y((rect.top() + rect.height() / 2.0) as i32);
    init.set_buttons(1);
    init.set_bubbles(true);
    let press = PointerEvent::new_with_event_init_dict("pointerdown", &init).unwrap();
    canvas.dispatch_event(&press).unwrap();
    next_frame().await;
    let x: f64 = text("readout-x").parse().unwrap();
    assert!((x - 2.0).abs() <= 0.1, "pointer moved x to {x}");
    assert!((input("x-value").value_as_number() - x).abs() < 0.06);
}

#[wasm_bindgen_test]
async fn the_torch_panel_keeps_the_last_good_result() {
    load_page();
    let _explorer = relu_explorer::mount().expect("the page mounts");
    next_frame().await;
    assert_eq!(
        text("torch-y"),
        "tensor([0., 0., 1., 2.], grad_fn=<ReluBackward0>)"
    );
    assert_eq!(text("torch-xgrad"), "tensor([0., 0., 1., 1.])");
    for bad in ["abc", "", "1, 2", "1e999, 0, 0, 0"] {
        drag_to("torch-x", bad);
        next_frame().await;
        assert!(!text("torch-message").is_empty(), "{bad:?} gets a message");
        assert_eq!(
            input("torch-x").get_attribute("aria-invalid").as_deref(),
            Some("true")
        );
        assert_eq!(text("torch-xgrad"), "tensor([0., 0., 1., 1.])");
    }
    drag_to("torch-x", "3, -2, 0.5, 0");
    next_frame().await;
    assert_eq!(text("torch-message"), "");
    assert_eq!(
        text("torch-y"),
        "tensor([3.0000, 0.0000, 0.5000, 0.0000], grad_fn=<ReluBackward0>)"
    );
    assert_eq!(text("torch-xgrad"), "tensor([1., 0., 1., 0.])");
}

#[wasm_bindgen_test]
async fn a_bad_link_is_reported_and_the_defaults_kept() {
    load_page();
    set_hash("#xmin=abc&xmax=4&x=3&tx=1,abc&leaky=1");
    let _explorer = relu_explorer::mount().expect("the page mounts");
    next_frame().await;
    let page_message = text("page-message");
    assert!(
        page_message.contains("x min (xmin) = “abc” is not a number"),
        "{page_message}"
    );
    assert_eq!(
        input("x-min").value_as_number(),
        -10.0,
        "the default x min is kept"
    );
    assert_eq!(input("x-max").value_as_number(), 4.0);
    assert_eq!(text("readout-x"), "3");
    assert!(input("show-leaky").checked());
    assert!(text("torch-message").contains("entry 2, “abc”, is not a number"));
    assert_eq!(
        input("torch-x").value(),
        "1,abc",
        "what the link said stays visible to fix"
    );
    assert_eq!(
        text("torch-xgrad"),
        "tensor([0., 0., 1., 1.])",
        "the article's example"
    );
    set_hash("");
}

#[wasm_bindgen_test]
async fn the_reported_link_is_refused_and_the_page_draws() {
    load_page();
    let root = document().document_element().unwrap();
    root.remove_attribute("data-drawn").unwrap();
    set_hash("#xmin=0&xmax=1e-320");
    let _explorer = relu_explorer::mount().expect("the page mounts");
    next_frame().await;
    let page_message = text("page-message");
    assert!(
        page_message.contains("The x range 0 to 1e-320 is narrower than 0.01"),
        "{page_message}"
    );
    assert_eq!(input("x-min").value_as_number(), -10.0, "the range is kept");
    assert_eq!(input("x-max").value_as_number(), 10.0);
    // The lab, below the first screen, is drawn in a later frame, and a frame that runs out of
    // time leaves it for the next: wait on what the page reports, a frame at a time.
    for _ in 0..60 {
        if root.has_attribute("data-drawn") {
            break;
        }
        next_frame().await;
    }
    assert_eq!(root.get_attribute("data-drawn").as_deref(), Some("true"));
    set_hash("");
}

#[wasm_bindgen_test]
async fn a_linked_tensor_of_thousands_prints_summarised() {
    load_page();
    let x: Vec<String> = (0..2000).map(|i| (i % 4).to_string()).collect();
    set_hash(&format!(
        "#tx={}&tg={}",
        x.join(","),
        vec!["1"; 2000].join(",")
    ));
    let _explorer = relu_explorer::mount().expect("the page mounts");
    next_frame().await;
    assert_eq!(
        text("torch-y"),
        "tensor([0., 1., 2.,  ..., 1., 2., 3.], grad_fn=<ReluBackward0>)"
    );
    assert_eq!(
        text("torch-xgrad"),
        "tensor([0., 1., 1.,  ..., 1., 1., 1.])"
    );
    assert_eq!(text("torch-message"), "");
    set_hash("");
}

/// The element-wise exports' `out` left out: they return a new array.
const NO_OUT: JsValue = JsValue::UNDEFINED;

fn floats(values: &[f32]) -> JsValue {
    Float32Array::from(values).into()
}

fn error_message(error: wasm_bindgen::JsError) -> String {
    let value: JsValue = error.into();
    let error: js_sys::Error = value.dyn_into().expect("a JS Error");
    error.message().into()
}

#[wasm_bindgen_test]
fn the_js_api_matches_pytorch_and_never_mutates() {
    let x = Float32Array::from(&[-1.0_f32, -0.0, 0.0, 2.0, f32::NAN][..]);
    let y = relu_explorer::relu(&x.clone().into(), &NO_OUT)
        .unwrap()
        .to_vec();
    assert_eq!(y[0].to_bits(), 0);
    assert_eq!(
        y[1].to_bits(),
        0x8000_0000,
        "relu(−0) is −0, as clamp_min gives"
    );
    assert_eq!(y[3], 2.0);
    assert!(y[4].is_nan());
    assert_eq!(x.get_index(0), -1.0, "the input is untouched");

    let grad = relu_explorer::relu_backward(&x.clone().into(), &floats(&[1.0; 5]), &NO_OUT)
        .unwrap()
        .to_vec();
    assert_eq!(grad, vec![0.0, 0.0, 0.0, 1.0, 1.0]);

    let leaky = relu_explorer::leaky_relu(&floats(&[-2.0]), &JsValue::UNDEFINED, &NO_OUT)
        .unwrap()
        .to_vec();
    assert_eq!(leaky, vec![-2.0 * 0.01_f32], "PyTorch's default slope");
    let leaky = relu_explorer::leaky_relu_backward(
        &floats(&[-2.0, 3.0]),
        &floats(&[1.0, 1.0]),
        &0.2.into(),
        &NO_OUT,
    )
    .unwrap()
    .to_vec();
    assert_eq!(leaky, vec![0.2, 1.0]);
    assert_eq!(
        relu_explorer::sigmoid(&floats(&[0.0]), &NO_OUT)
            .unwrap()
            .to_vec(),
        vec![0.5]
    );
    assert_eq!(
        relu_explorer::sigmoid_backward(&floats(&[0.0]), &floats(&[1.0]), &NO_OUT)
            .unwrap()
            .to_vec(),
        vec![0.25]
    );
    assert_eq!(
        relu_explorer::tanh_backward(&floats(&[0.0]), &floats(&[3.0]), &NO_OUT)
            .unwrap()
            .to_vec(),
        vec![3.0]
    );
}

#[wasm_bindgen_test]
fn bad_arguments_throw_clear_errors() {
    let message = error_message(
        relu_explorer::relu_backward(&floats(&[1.0, 2.0]), &floats(&[1.0]), &NO_OUT).unwrap_err(),
    );
    assert!(
        message.contains("gradOutput has 1 element but x has 2"),
        "{message}"
    );
    let message =
        error_message(relu_explorer::relu(&JsValue::from_str("1, 2"), &NO_OUT).unwrap_err());
    assert!(message.contains("x must be a Float32Array"), "{message}");
    let array: JsValue = js_sys::Array::of1(&1.0.into()).into();
    let message = error_message(relu_explorer::tanh(&array, &NO_OUT).unwrap_err());
    assert!(message.contains("a plain Array"), "{message}");
    let message = error_message(
        relu_explorer::leaky_relu(&floats(&[1.0]), &JsValue::from_str("0.1"), &NO_OUT).unwrap_err(),
    );
    assert!(
        message.contains("negativeSlope must be a finite number"),
        "{message}"
    );
    let message = error_message(
        relu_explorer::leaky_relu(&floats(&[1.0]), &f64::NAN.into(), &NO_OUT).unwrap_err(),
    );
    assert!(message.contains("got NaN"), "{message}");
}

/// With `out`, an element-wise export writes its result there and returns that very array;
/// `out` may be x itself (in place); left out or `null`, it returns a new array; a wrong `out`
/// throws, saying why, and is left as it was.
#[wasm_bindgen_test]
fn out_receives_the_result() {
    let x = Float32Array::from(&[-1.0_f32, -0.0, 2.0, f32::NAN, -3.0][..]);
    let x_value: JsValue = x.clone().into();
    let out = Float32Array::new_with_length(5);
    let returned = relu_explorer::relu(&x_value, &out.clone().into()).unwrap();
    assert!(
        js_sys::Object::is(&returned, &out),
        "relu returns out itself"
    );
    let y: Vec<u32> = out.to_vec().iter().map(|v| v.to_bits()).collect();
    assert_eq!(y, [0, 0x8000_0000, 0x4000_0000, f32::NAN.to_bits(), 0]);
    assert_eq!(x.get_index(0), -1.0, "x is untouched");

    let grad = floats(&[5.0; 5]);
    let returned =
        relu_explorer::leaky_relu_backward(&x_value, &grad, &0.5.into(), &out.clone().into())
            .unwrap();
    assert!(js_sys::Object::is(&returned, &out));
    // NaN > 0 is false, so a NaN x takes the slope's side, as in PyTorch.
    assert_eq!(out.to_vec(), [2.5, 2.5, 5.0, 2.5, 2.5]);

    let in_place = relu_explorer::sigmoid(&x_value, &x_value).unwrap();
    assert!(js_sys::Object::is(&in_place, &x), "out may be x itself");
    let want = relu_explorer::activation::sigmoid(2.0);
    assert_eq!(
        x.get_index(2).to_bits(),
        want.to_bits(),
        "x now holds sigmoid(x)"
    );

    let fresh = relu_explorer::tanh(&floats(&[0.0]), &JsValue::NULL).unwrap();
    assert_eq!(fresh.to_vec(), [0.0], "null out: a new array");

    let before = out.to_vec();
    let message = error_message(
        relu_explorer::relu(&floats(&[1.0, 2.0, 3.0]), &out.clone().into()).unwrap_err(),
    );
    assert!(
        message.contains("relu: out has 5 elements but x has 3"),
        "{message}"
    );
    let plain: JsValue = js_sys::Array::of1(&1.0.into()).into();
    let message = error_message(relu_explorer::relu(&floats(&[1.0]), &plain).unwrap_err());
    assert!(
        message.contains("out must be a Float32Array as long as x, or left out, got a plain Array"),
        "{message}"
    );
    let message = error_message(
        relu_explorer::tanh_backward(&floats(&[1.0]), &floats(&[1.0, 2.0]), &out.clone().into())
            .unwrap_err(),
    );
    assert!(
        message.contains("gradOutput has 2 elements but x has 1"),
        "{message}"
    );
    assert_eq!(out.to_vec(), before, "a refused call writes nothing");
}

/// Arrays longer than the exports' chunk (16K elements), whose length is no multiple of it:
/// every element, in every chunk and the short last one, gets the scalar function's bits, with
/// a new array, with `out`, and in place (`out` being x, or the backward pass's gradOutput).
#[wasm_bindgen_test]
fn long_arrays_cross_the_chunks_exactly() {
    let len = 2 * 16 * 1024 + 5;
    let mut rng = SplitMix64::seed_from_u64(11);
    let xs: Vec<f32> = (0..len)
        .map(|i| match i % 97 {
            0 => f32::NAN,
            1 => -0.0,
            2 => f32::NEG_INFINITY,
            _ => (rng.next_u32() as f32 / u32::MAX as f32 - 0.5) * 80.0,
        })
        .collect();
    let gs: Vec<f32> = (0..len).map(|i| (i % 13) as f32 - 6.0).collect();
    let bits = |v: &[f32]| v.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    let relu_want: Vec<f32> = xs
        .iter()
        .map(|&v| relu_explorer::activation::relu(v))
        .collect();
    let sigmoid_want: Vec<f32> = xs
        .iter()
        .zip(&gs)
        .map(|(&x, &g)| relu_explorer::activation::sigmoid_backward(x, g))
        .collect();

    let x = Float32Array::from(xs.as_slice());
    let x_value: JsValue = x.clone().into();
    let fresh = relu_explorer::relu(&x_value, &NO_OUT).unwrap();
    assert_eq!(bits(&fresh.to_vec()), bits(&relu_want), "a new array");
    let out = Float32Array::new_with_length(len);
    relu_explorer::relu(&x_value, &out.clone().into()).unwrap();
    assert_eq!(bits(&out.to_vec()), bits(&relu_want), "into out");
    assert_eq!(bits(&x.to_vec()), bits(&xs), "x untouched");

    let grad = Float32Array::from(gs.as_slice());
    let grad_value: JsValue = grad.clone().into();
    relu_explorer::sigmoid_backward(&x_value, &grad_value, &grad_value).unwrap();
    // Where x is NaN the result is NaN, its payload left open by WebAssembly's arithmetic.
    let same = |a: f32, b: f32| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan());
    let got = grad.to_vec();
    let differ = (0..len as usize).find(|&i| !same(got[i], sigmoid_want[i]));
    assert_eq!(differ, None, "in place over gradOutput");
    relu_explorer::relu(&x_value, &x_value).unwrap();
    assert_eq!(bits(&x.to_vec()), bits(&relu_want), "in place over x");
}

/// The PyTorch fixture through the JS API, in the browser's wasm: the same bits as natively.
/// Results are read with `to_vec` (a byte copy): reading an element as a JS number would quiet a
/// signalling NaN on the way.
#[wasm_bindgen_test]
fn the_js_api_matches_the_pytorch_fixture() {
    let hex = |s: &str| f32::from_bits(u32::from_str_radix(s, 16).unwrap());
    let mut checked = 0;
    for line in include_str!("fixtures/torch_reference.txt").lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        if line.starts_with('#') || f.len() != 6 {
            continue;
        }
        let (slope, x, grad, y) = (hex(f[1]), hex(f[2]), hex(f[3]), hex(f[4]));
        let x_grad = hex(f[5]);
        let xs = floats(&[x]);
        let gs = floats(&[grad]);
        let (ours_y, ours_grad) = match f[0] {
            "relu" => (
                relu_explorer::relu(&xs, &NO_OUT).unwrap().to_vec()[0],
                relu_explorer::relu_backward(&xs, &gs, &NO_OUT)
                    .unwrap()
                    .to_vec()[0],
            ),
            "leaky_relu" => {
                let a = JsValue::from(f64::from(slope));
                (
                    relu_explorer::leaky_relu(&xs, &a, &NO_OUT)
                        .unwrap()
                        .to_vec()[0],
                    relu_explorer::leaky_relu_backward(&xs, &gs, &a, &NO_OUT)
                        .unwrap()
                        .to_vec()[0],
                )
            }
            "sigmoid" => {
                let ours = relu_explorer::sigmoid(&xs, &NO_OUT).unwrap().to_vec()[0];
                let near = if y.is_nan() {
                    ours.is_nan()
                } else {
                    ours.to_bits().abs_diff(y.to_bits()) <= 4
                };
                assert!(near, "sigmoid {x:e}: {ours:e} vs {y:e}");
                checked += 1;
                continue;
            }
            "tanh" => {
                let ours = relu_explorer::tanh(&xs, &NO_OUT).unwrap().to_vec()[0];
                let near = if y.is_nan() {
                    ours.is_nan()
                } else {
                    ours.to_bits().abs_diff(y.to_bits()) <= 4
                };
                assert!(near, "tanh {x:e}: {ours:e} vs {y:e}");
                checked += 1;
                continue;
            }
            _ => continue,
        };
        assert_eq!(ours_y.to_bits(), y.to_bits(), "{line}");
        assert_eq!(ours_grad.to_bits(), x_grad.to_bits(), "{line}");
        checked += 1;
    }
    assert!(checked > 2000, "{checked} cases");
}

/// The message of a JS `Error`.
fn js_error_message(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}

/// A page without an element the explorer needs, or with one of the wrong kind, does not
/// mount, and the error names the first such element in the order the views look for them.
#[wasm_bindgen_test]
fn a_page_with_elements_missing_names_the_first() {
    load_page();
    for id in ["born-mc", "lab-status"] {
        document().get_element_by_id(id).unwrap().remove();
    }
    // Before both in the lab's lookups, and replaced by an element of the wrong kind.
    let fit = document().get_element_by_id("lab-fit").unwrap();
    let impostor = document().create_element("div").unwrap();
    impostor.set_id("lab-fit");
    fit.replace_with_with_node_1(&impostor).unwrap();
    let error = relu_explorer::mount()
        .err()
        .expect("no mount without #lab-status");
    assert_eq!(
        js_error_message(&error),
        "ReLU Explorer: the page has no element #lab-status"
    );

    load_page();
    let canvas = document().get_element_by_id("graph-canvas").unwrap();
    let impostor = document().create_element("div").unwrap();
    impostor.set_id("graph-canvas");
    canvas.replace_with_with_node_1(&impostor).unwrap();
    let error = relu_explorer::mount()
        .err()
        .expect("no mount without a graph canvas");
    assert_eq!(
        js_error_message(&error),
        "ReLU Explorer: #graph-canvas is not the expected kind of element"
    );
}

/// `relu_explorer::math` on wasm32 (libm's `exp10` over std's `exp2` and `powf`, and std's `ln`)
/// gives the libm crate's bits, NaNs aside (WebAssembly leaves a NaN's sign open): over the
/// sliders' exponents in steps of 1/1000, whole exponents, random exponents and random
/// positive doubles of every magnitude.
#[wasm_bindgen_test]
fn exp10_and_log_match_the_libm_crate_bit_for_bit() {
    let same =
        |ours: f64, libm: f64| ours.to_bits() == libm.to_bits() || ours.is_nan() && libm.is_nan();
    let mut inputs: Vec<f64> = vec![
        0.0,
        -0.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        f64::MIN_POSITIVE,
        f64::MAX,
        -1.0,
        1e-320,
    ];
    inputs.extend((-20_000..=20_000).map(|i| f64::from(i) / 1000.0));
    inputs.extend((-400..=400).map(f64::from));
    let mut rng = SplitMix64::seed_from_u64(0x9e37_79b9_7f4a_7c15);
    let mut next = || rng.next_u64();
    for _ in 0..100_000 {
        let unit = (next() >> 11) as f64 / (1u64 << 53) as f64;
        inputs.push(700.0 * unit - 350.0);
        inputs.push(f64::from_bits(next() >> 1));
    }
    for x in inputs {
        let (ours, libm) = (relu_explorer::math::exp10(x), libm::exp10(x));
        assert!(same(ours, libm), "exp10({x:e}): {ours:e}, libm {libm:e}");
        let (ours, libm) = (relu_explorer::math::log(x), libm::log(x));
        assert!(same(ours, libm), "log({x:e}): {ours:e}, libm {libm:e}");
    }
}
