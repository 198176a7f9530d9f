//! The public JS API: element-wise activations and their autograd backward passes, and the
//! handle of a mounted page. Names follow DESIGN.md exactly; course authors depend on them.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Float32Array, Float64Array};
use wasm_bindgen::prelude::*;

use crate::activation::{backward_all, forward_all, Activation};
use crate::web::app::{self, App, Shared};

/// PyTorch's default negative slope for `leaky_relu`.
const DEFAULT_NEGATIVE_SLOPE: f32 = 0.01;

/// Copies a JS argument that must be a `Float32Array` out of JS memory, so the caller's array is
/// never touched.
fn floats(function: &str, name: &str, value: &JsValue) -> Result<Vec<f32>, JsError> {
    value
        .dyn_ref::<Float32Array>()
        .map(Float32Array::to_vec)
        .ok_or_else(|| {
            JsError::new(&format!(
                "{function}: {name} must be a Float32Array (for example new Float32Array([-1, 0, 1])), \
                 got {}",
                describe(value)
            ))
        })
}

/// A short description of a JS value for error messages.
fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".into()
    } else if value.is_null() {
        "null".into()
    } else if Array::is_array(value) {
        "a plain Array".into()
    } else {
        value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "a value".into())
    }
}

/// Reads `negativeSlope`: a finite number, or PyTorch's default 0.01 when omitted.
fn slope(function: &str, value: &JsValue) -> Result<f32, JsError> {
    if value.is_undefined() {
        return Ok(DEFAULT_NEGATIVE_SLOPE);
    }
    match value.as_f64() {
        Some(slope) if slope.is_finite() => Ok(slope as f32),
        _ => Err(JsError::new(&format!(
            "{function}: negativeSlope must be a finite number, got {}",
            value
                .as_f64()
                .map_or_else(|| describe(value), |v| v.to_string())
        ))),
    }
}

fn forward(function: &str, activation: Activation, x: &JsValue) -> Result<Float32Array, JsError> {
    let x = floats(function, "x", x)?;
    Ok(Float32Array::from(forward_all(activation, &x).as_slice()))
}

fn backward(
    function: &str,
    activation: Activation,
    x: &JsValue,
    grad_output: &JsValue,
) -> Result<Float32Array, JsError> {
    let x = floats(function, "x", x)?;
    let grad = floats(function, "gradOutput", grad_output)?;
    let grad_input = backward_all(activation, &x, &grad)
        .map_err(|e| JsError::new(&format!("{function}: {e}")))?;
    Ok(Float32Array::from(grad_input.as_slice()))
}

/// `torch.relu(x)`: max(0, x) element-wise, as a new Float32Array.
#[wasm_bindgen]
pub fn relu(x: &JsValue) -> Result<Float32Array, JsError> {
    forward("relu", Activation::Relu, x)
}

/// x.grad for y = relu(x) and upstream gradient `gradOutput`, exactly as PyTorch's autograd:
/// `gradOutput` where x > 0, and 0 where x ≤ 0.
#[wasm_bindgen(js_name = reluBackward)]
pub fn relu_backward(x: &JsValue, grad_output: &JsValue) -> Result<Float32Array, JsError> {
    backward("reluBackward", Activation::Relu, x, grad_output)
}

/// `torch.nn.functional.leaky_relu(x, negativeSlope)`; the slope defaults to 0.01.
#[wasm_bindgen(js_name = leakyRelu)]
pub fn leaky_relu(x: &JsValue, negative_slope: &JsValue) -> Result<Float32Array, JsError> {
    let slope = slope("leakyRelu", negative_slope)?;
    forward("leakyRelu", Activation::LeakyRelu(slope), x)
}

/// Leaky ReLU's autograd backward: `gradOutput` where x > 0, `gradOutput * negativeSlope`
/// elsewhere.
#[wasm_bindgen(js_name = leakyReluBackward)]
pub fn leaky_relu_backward(
    x: &JsValue,
    grad_output: &JsValue,
    negative_slope: &JsValue,
) -> Result<Float32Array, JsError> {
    let slope = slope("leakyReluBackward", negative_slope)?;
    backward(
        "leakyReluBackward",
        Activation::LeakyRelu(slope),
        x,
        grad_output,
    )
}

/// `torch.sigmoid(x)`.
#[wasm_bindgen]
pub fn sigmoid(x: &JsValue) -> Result<Float32Array, JsError> {
    forward("sigmoid", Activation::Sigmoid, x)
}

/// Sigmoid's autograd backward: `gradOutput * (1 − y) * y` with y = sigmoid(x).
#[wasm_bindgen(js_name = sigmoidBackward)]
pub fn sigmoid_backward(x: &JsValue, grad_output: &JsValue) -> Result<Float32Array, JsError> {
    backward("sigmoidBackward", Activation::Sigmoid, x, grad_output)
}

/// `torch.tanh(x)`.
#[wasm_bindgen]
pub fn tanh(x: &JsValue) -> Result<Float32Array, JsError> {
    forward("tanh", Activation::Tanh, x)
}

/// Tanh's autograd backward: `gradOutput * (1 − y²)` with y = tanh(x).
#[wasm_bindgen(js_name = tanhBackward)]
pub fn tanh_backward(x: &JsValue, grad_output: &JsValue) -> Result<Float32Array, JsError> {
    backward("tanhBackward", Activation::Tanh, x, grad_output)
}

/// A mounted explorer page, returned by [`mount`].
#[wasm_bindgen]
pub struct Explorer {
    app: Shared,
}

#[wasm_bindgen]
impl Explorer {
    /// Redraws every chart now, synchronously, whether or not anything changed (for example
    /// after an embedding page reveals a hidden explorer).
    pub fn redraw(&self) -> Result<(), JsValue> {
        self.app.borrow_mut().render(true)
    }

    /// Where the data point (x, y) is drawn on the graph's canvas, as `[px, py]` in
    /// backing-store pixels (CSS pixels × devicePixelRatio); empty before the first draw.
    #[wasm_bindgen(js_name = graphPixel)]
    pub fn graph_pixel(&self, x: f64, y: f64) -> Float64Array {
        let app = self.app.borrow();
        let pixel = app
            .graph()
            .drawn()
            .map(|drawn| drawn.backend_coord(x, y))
            .map(|(px, py)| vec![f64::from(px), f64::from(py)])
            .unwrap_or_default();
        Float64Array::from(pixel.as_slice())
    }

    /// The polylines the graph currently draws, each a Float64Array `[x0, y0, x1, y1, ...]` in
    /// canvas backing-store pixels.
    #[wasm_bindgen(js_name = graphPolylines)]
    pub fn graph_polylines(&self) -> Array {
        let app = self.app.borrow();
        let lines = app
            .graph()
            .drawn()
            .map(|drawn| drawn.polylines())
            .unwrap_or_default();
        lines
            .iter()
            .map(|line| {
                let flat: Vec<f64> = line
                    .iter()
                    .flat_map(|&(x, y)| [f64::from(x), f64::from(y)])
                    .collect();
                JsValue::from(Float64Array::from(flat.as_slice()))
            })
            .collect()
    }
}

/// Brings the page's explorer to life: finds its elements by id, reads the URL hash, draws, and
/// starts listening. Throws if the page lacks an element the explorer needs.
#[wasm_bindgen]
pub fn mount() -> Result<Explorer, JsValue> {
    console_error_panic_hook::set_once();
    let app: Shared = Rc::new(RefCell::new(App::new()?));
    app::listen(&app)?;
    app.borrow_mut().render(true)?;
    Ok(Explorer { app })
}
