//! The public JS API: element-wise activations and their autograd backward passes, the small
//! network `Mlp`, and (in the page's build, `js_api/explorer.rs`) the handle of a mounted page.
//! The names are the API README documents ("The JS API"); course authors depend on them.

use js_sys::{Array, Float32Array, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;

use crate::activation::{Activation, LengthMismatch};
use crate::counted::Counted;
use crate::elementwise;
use crate::mlp::{Init, Mlp, MlpError};

#[cfg(feature = "page")]
mod explorer;

#[cfg(feature = "page")]
pub use explorer::*;

/// PyTorch's default negative slope for `leaky_relu`.
const DEFAULT_NEGATIVE_SLOPE: f32 = 0.01;

/// A JS argument that must be a `Float32Array`, or the error that says it is not.
fn float_array<'a>(
    function: &str,
    name: &str,
    value: &'a JsValue,
) -> Result<&'a Float32Array, JsError> {
    value.dyn_ref::<Float32Array>().ok_or_else(|| {
        JsError::new(&format!(
            "{function}: {name} must be a Float32Array (for example new Float32Array([-1, 0, 1])), \
             got {}",
            describe(value)
        ))
    })
}

/// Copies a JS argument that must be a `Float32Array` out of JS memory, so the caller's array is
/// never touched.
fn floats(function: &str, name: &str, value: &JsValue) -> Result<Vec<f32>, JsError> {
    float_array(function, name, value).map(Float32Array::to_vec)
}

/// Reads an element-wise export's optional last argument, `out`: left out (or `null`), the
/// export returns a new array; a Float32Array of x's length `len`, the export writes its
/// result there and returns it, so that a caller who calls it again and again (every frame of
/// an animation) reuses one array instead of making the browser find fresh memory each time.
/// As PyTorch's `out=`.
fn output(function: &str, out: &JsValue, len: u32) -> Result<Option<Float32Array>, JsError> {
    if out.is_undefined() || out.is_null() {
        return Ok(None);
    }
    match out.dyn_ref::<Float32Array>() {
        Some(out) if out.length() == len => Ok(Some(out.clone())),
        Some(out) => Err(JsError::new(&format!(
            "{function}: out has {} but x has {len}; they must be the same length",
            Counted(out.length() as usize, "element")
        ))),
        None => Err(JsError::new(&format!(
            "{function}: out must be a Float32Array as long as x, or left out, got {}",
            describe(out)
        ))),
    }
}

/// Elements an element-wise export moves through wasm memory at a time: 16K floats (64 KiB an
/// argument) stay in the processor's cache from the copy in, through the kernel, to the copy
/// out, so that a long array crosses main memory once rather than three times, and wasm memory
/// never holds more than a chunk of each argument (a call over 16M elements does not grow it by
/// 64 MB for good).
const CHUNK: u32 = 16 * 1024;

/// Elements `start..end` of `array`, of length `len`, itself when that is all of it (no view
/// to make).
fn part(array: &Float32Array, len: u32, start: u32, end: u32) -> Float32Array {
    if start == 0 && end == len {
        array.clone()
    } else {
        array.subarray(start, end)
    }
}

/// Where an export's result goes: `out` if the caller gave one, else a new Float32Array.
fn destination(out: Option<Float32Array>, len: u32) -> Float32Array {
    out.unwrap_or_else(|| Float32Array::new_with_length(len))
}

/// A short description of a JS value for error messages.
pub(crate) fn describe(value: &JsValue) -> String {
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

/// An element-wise export's forward pass: every argument checked, then, a [`CHUNK`] at a time,
/// one copy of `x` into wasm memory, the whole-buffer kernel over it in place, and one copy out.
fn forward(
    function: &str,
    activation: Activation,
    x: &JsValue,
    out: &JsValue,
) -> Result<Float32Array, JsError> {
    let x = float_array(function, "x", x)?;
    let len = x.length();
    let result = destination(output(function, out, len)?, len);
    let mut chunk = vec![0.0; len.min(CHUNK) as usize];
    for start in (0..len).step_by(CHUNK as usize) {
        let end = len.min(start + CHUNK);
        let values = &mut chunk[..(end - start) as usize];
        // Read before written: `out` may be x itself.
        part(x, len, start, end).copy_to(values);
        elementwise::forward_in_place(activation, values);
        part(&result, len, start, end).copy_from(values);
    }
    Ok(result)
}

/// An element-wise export's backward pass: every argument checked, then, a [`CHUNK`] at a
/// time, a copy of `x` and one of `gradOutput` in, the kernel over the gradient's copy in place,
/// and one copy out.
fn backward(
    function: &str,
    activation: Activation,
    (x, grad_output): (&JsValue, &JsValue),
    out: &JsValue,
) -> Result<Float32Array, JsError> {
    let refused = |e: LengthMismatch| JsError::new(&format!("{function}: {e}"));
    let x = float_array(function, "x", x)?;
    let grad_output = float_array(function, "gradOutput", grad_output)?;
    let len = x.length();
    let grad_len = grad_output.length();
    if grad_len != len {
        return Err(refused(LengthMismatch {
            input: len as usize,
            grad: grad_len as usize,
        }));
    }
    let result = destination(output(function, out, len)?, len);
    let mut inputs = vec![0.0; len.min(CHUNK) as usize];
    let mut grads = inputs.clone();
    for start in (0..len).step_by(CHUNK as usize) {
        let end = len.min(start + CHUNK);
        let n = (end - start) as usize;
        part(x, len, start, end).copy_to(&mut inputs[..n]);
        // The gradient's copy becomes the gradient reaching x, in place.
        part(grad_output, len, start, end).copy_to(&mut grads[..n]);
        elementwise::backward_in_place(activation, &inputs[..n], &mut grads[..n])
            .map_err(refused)?;
        part(&result, len, start, end).copy_from(&grads[..n]);
    }
    Ok(result)
}

/// `torch.relu(x)`: max(0, x) element-wise, bit for bit as PyTorch (`clamp_min`: NaN stays
/// NaN, −0 stays −0). Returns a new Float32Array, or, when `out` is given (a Float32Array as
/// long as x, x itself allowed), writes the result there and returns `out`, like PyTorch's
/// `out=`.
///
/// Throws an `Error` when x is not a Float32Array, or `out` is neither left out, `null`, nor
/// a Float32Array of x's length; a refused call writes nothing. x is never changed unless it
/// is `out`.
#[wasm_bindgen]
pub fn relu(
    #[wasm_bindgen(unchecked_param_type = "Float32Array")] x: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Float32Array | null")] out: &JsValue,
) -> Result<Float32Array, JsError> {
    forward("relu", Activation::Relu, x, out)
}

/// x.grad for y = relu(x) and upstream gradient `gradOutput`, exactly as PyTorch's autograd
/// (`threshold_backward`): `gradOutput` where x > 0 or x is NaN, and 0 where x ≤ 0.
///
/// Throws an `Error` when x or `gradOutput` is not a Float32Array, their lengths differ, or
/// `out` is wrong (as for `relu`).
#[wasm_bindgen(js_name = reluBackward)]
pub fn relu_backward(
    #[wasm_bindgen(unchecked_param_type = "Float32Array")] x: &JsValue,
    #[wasm_bindgen(js_name = gradOutput, unchecked_param_type = "Float32Array")]
    grad_output: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Float32Array | null")] out: &JsValue,
) -> Result<Float32Array, JsError> {
    backward("reluBackward", Activation::Relu, (x, grad_output), out)
}

/// `torch.nn.functional.leaky_relu(x, negativeSlope)`: x where x > 0, else
/// `negativeSlope * x`; the slope defaults to PyTorch's 0.01.
///
/// Throws an `Error` when x is not a Float32Array, `negativeSlope` is given but is not a
/// finite number, or `out` is wrong (as for `relu`).
#[wasm_bindgen(js_name = leakyRelu)]
pub fn leaky_relu(
    #[wasm_bindgen(unchecked_param_type = "Float32Array")] x: &JsValue,
    #[wasm_bindgen(js_name = negativeSlope, unchecked_optional_param_type = "number")]
    negative_slope: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Float32Array | null")] out: &JsValue,
) -> Result<Float32Array, JsError> {
    let slope = slope("leakyRelu", negative_slope)?;
    forward("leakyRelu", Activation::LeakyRelu(slope), x, out)
}

/// Leaky ReLU's autograd backward (`leaky_relu_backward`): `gradOutput` where x > 0,
/// `gradOutput * negativeSlope` elsewhere.
///
/// Throws as `reluBackward` does, and when `negativeSlope` is given but is not a finite
/// number.
#[wasm_bindgen(js_name = leakyReluBackward)]
pub fn leaky_relu_backward(
    #[wasm_bindgen(unchecked_param_type = "Float32Array")] x: &JsValue,
    #[wasm_bindgen(js_name = gradOutput, unchecked_param_type = "Float32Array")]
    grad_output: &JsValue,
    #[wasm_bindgen(js_name = negativeSlope, unchecked_optional_param_type = "number")]
    negative_slope: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Float32Array | null")] out: &JsValue,
) -> Result<Float32Array, JsError> {
    let slope = slope("leakyReluBackward", negative_slope)?;
    backward(
        "leakyReluBackward",
        Activation::LeakyRelu(slope),
        (x, grad_output),
        out,
    )
}

/// `torch.sigmoid(x)`: 1 / (1 + e^−x), within PyTorch's rounding (a few ulp).
///
/// Throws as `relu` does.
#[wasm_bindgen]
pub fn sigmoid(
    #[wasm_bindgen(unchecked_param_type = "Float32Array")] x: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Float32Array | null")] out: &JsValue,
) -> Result<Float32Array, JsError> {
    forward("sigmoid", Activation::Sigmoid, x, out)
}

/// Sigmoid's autograd backward (`sigmoid_backward`): `gradOutput * (1 − y) * y` with
/// y = sigmoid(x).
///
/// Throws as `reluBackward` does.
#[wasm_bindgen(js_name = sigmoidBackward)]
pub fn sigmoid_backward(
    #[wasm_bindgen(unchecked_param_type = "Float32Array")] x: &JsValue,
    #[wasm_bindgen(js_name = gradOutput, unchecked_param_type = "Float32Array")]
    grad_output: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Float32Array | null")] out: &JsValue,
) -> Result<Float32Array, JsError> {
    backward(
        "sigmoidBackward",
        Activation::Sigmoid,
        (x, grad_output),
        out,
    )
}

/// `torch.tanh(x)`, within PyTorch's rounding (a few ulp).
///
/// Throws as `relu` does.
#[wasm_bindgen]
pub fn tanh(
    #[wasm_bindgen(unchecked_param_type = "Float32Array")] x: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Float32Array | null")] out: &JsValue,
) -> Result<Float32Array, JsError> {
    forward("tanh", Activation::Tanh, x, out)
}

/// Tanh's autograd backward (`tanh_backward`): `gradOutput * (1 − y²)` with y = tanh(x).
///
/// Throws as `reluBackward` does.
#[wasm_bindgen(js_name = tanhBackward)]
pub fn tanh_backward(
    #[wasm_bindgen(unchecked_param_type = "Float32Array")] x: &JsValue,
    #[wasm_bindgen(js_name = gradOutput, unchecked_param_type = "Float32Array")]
    grad_output: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Float32Array | null")] out: &JsValue,
) -> Result<Float32Array, JsError> {
    backward("tanhBackward", Activation::Tanh, (x, grad_output), out)
}

// ---------------------------------------------------------------------------------------------
// The small network: JS class `Mlp`, a handle on a network that lives in wasm memory.

/// The hidden activations `new Mlp` accepts, by name.
fn activation_named(name: &str, slope: f32) -> Option<Activation> {
    match name {
        "relu" => Some(Activation::Relu),
        "leaky_relu" => Some(Activation::LeakyRelu(slope)),
        "sigmoid" => Some(Activation::Sigmoid),
        "tanh" => Some(Activation::Tanh),
        _ => None,
    }
}

/// Reads an argument that must be a number for which `valid` holds; `wanted` says which.
fn number(
    function: &str,
    name: &str,
    value: &JsValue,
    wanted: &str,
    valid: fn(f64) -> bool,
) -> Result<f64, JsError> {
    match value.as_f64() {
        Some(v) if valid(v) => Ok(v),
        v => Err(JsError::new(&format!(
            "{function}: {name} must be {wanted}, got {}",
            v.map_or_else(|| describe(value), |v| v.to_string())
        ))),
    }
}

/// Reads a layer index: a non-negative integer (the network checks the range). Indices past
/// `usize::MAX` saturate, and are then out of range like any other.
fn layer_index(function: &str, value: &JsValue) -> Result<usize, JsError> {
    let valid = |v: f64| v >= 0.0 && v.fract() == 0.0;
    Ok(number(function, "i", value, "a non-negative integer", valid)? as usize)
}

/// Whether `v` is a finite number once rounded to `f32`.
fn finite_f32(v: f64) -> bool {
    (v as f32).is_finite()
}

/// Reads an optional number that must be finite, `default` when omitted.
fn finite_or(function: &str, name: &str, value: &JsValue, default: f32) -> Result<f32, JsError> {
    if value.is_undefined() {
        return Ok(default);
    }
    Ok(number(function, name, value, "a finite number", finite_f32)? as f32)
}

/// Reads a string argument.
fn string(function: &str, name: &str, value: &JsValue) -> Result<String, JsError> {
    value.as_string().ok_or_else(|| {
        JsError::new(&format!(
            "{function}: {name} must be a string, got {}",
            describe(value)
        ))
    })
}

/// Prefixes a network error with the method it came from.
fn refused(function: &str) -> impl Fn(MlpError) -> JsError + '_ {
    move |e| JsError::new(&format!("{function}: {e}"))
}

/// A small fully connected network (JS class `Mlp`): Linear layers with a hidden activation
/// between them and a linear output, trained by full-batch SGD on mean-squared error as
/// PyTorch would. Every argument is checked; a refused one throws an `Error` naming the method
/// and the argument, and leaves the network as it was. Inputs are copied, never mutated.
#[wasm_bindgen(js_name = Mlp)]
pub struct JsMlp {
    mlp: Mlp,
}

#[wasm_bindgen(js_class = Mlp)]
impl JsMlp {
    /// `new Mlp(sizes, activation, negativeSlope)`: `sizes` a Uint32Array such as `[1, 16, 1]`
    /// (input size first; 2 to 65 entries, each 1 to 256); `activation` `"relu"`,
    /// `"leaky_relu"`, `"sigmoid"` or `"tanh"` for the hidden layers; `negativeSlope` Leaky
    /// ReLU's slope, 0.01 when omitted. Every weight and bias is 0 until `initialize` or
    /// `setLayer`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Uint32Array")] sizes: &JsValue,
        #[wasm_bindgen(
            unchecked_param_type = "\"relu\" | \"leaky_relu\" | \"sigmoid\" | \"tanh\""
        )]
        activation: &JsValue,
        #[wasm_bindgen(js_name = negativeSlope, unchecked_optional_param_type = "number")]
        negative_slope: &JsValue,
    ) -> Result<JsMlp, JsError> {
        const NEW: &str = "new Mlp";
        let sizes: Vec<usize> = sizes
            .dyn_ref::<Uint32Array>()
            .ok_or_else(|| {
                JsError::new(&format!(
                    "{NEW}: sizes must be a Uint32Array (for example new Uint32Array([1, 16, 1])), \
                     got {}",
                    describe(sizes)
                ))
            })?
            .to_vec()
            .into_iter()
            .map(|s| s as usize)
            .collect();
        let name = string(NEW, "activation", activation)?;
        let slope = slope(NEW, negative_slope)?;
        let activation = activation_named(&name, slope).ok_or_else(|| {
            JsError::new(&format!(
                "{NEW}: activation must be \"relu\", \"leaky_relu\", \"sigmoid\" or \"tanh\", \
                 got \"{name}\""
            ))
        })?;
        let mlp = Mlp::new(&sizes, activation).map_err(refused(NEW))?;
        Ok(JsMlp { mlp })
    }

    /// The layer sizes, input size first.
    #[wasm_bindgen(getter)]
    pub fn sizes(&self) -> Uint32Array {
        let sizes: Vec<u32> = self.mlp.sizes().iter().map(|&s| s as u32).collect();
        Uint32Array::from(sizes.as_slice())
    }

    /// The hidden activation's name, as given to the constructor.
    #[wasm_bindgen(
        getter,
        unchecked_return_type = "\"relu\" | \"leaky_relu\" | \"sigmoid\" | \"tanh\""
    )]
    pub fn activation(&self) -> String {
        match self.mlp.activation() {
            Activation::Relu => "relu",
            Activation::LeakyRelu(_) => "leaky_relu",
            Activation::Sigmoid => "sigmoid",
            Activation::Tanh => "tanh",
        }
        .into()
    }

    /// Replaces layer `i`'s weight (a Float32Array, row-major `[out][in]` like
    /// `torch.nn.Linear.weight`) and bias (a Float32Array of `out` values).
    #[wasm_bindgen(js_name = setLayer)]
    pub fn set_layer(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] i: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float32Array")] weight: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float32Array")] bias: &JsValue,
    ) -> Result<(), JsError> {
        const SET_LAYER: &str = "Mlp.setLayer";
        let i = layer_index(SET_LAYER, i)?;
        let weight = floats(SET_LAYER, "weight", weight)?;
        let bias = floats(SET_LAYER, "bias", bias)?;
        self.mlp
            .set_layer(i, &weight, &bias)
            .map_err(refused(SET_LAYER))
    }

    /// Layer `i`'s weight, row-major `[out][in]`, as a new Float32Array.
    pub fn weight(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] i: &JsValue,
    ) -> Result<Float32Array, JsError> {
        let i = layer_index("Mlp.weight", i)?;
        let weight = self.mlp.weight(i).map_err(refused("Mlp.weight"))?;
        Ok(Float32Array::from(weight))
    }

    /// Layer `i`'s bias as a new Float32Array.
    pub fn bias(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] i: &JsValue,
    ) -> Result<Float32Array, JsError> {
        let i = layer_index("Mlp.bias", i)?;
        let bias = self.mlp.bias(i).map_err(refused("Mlp.bias"))?;
        Ok(Float32Array::from(bias))
    }

    /// Seeded, deterministic initialisation: `scheme` `"he"` (Kaiming normal, std
    /// √(2 / fan_in)), `"xavier"` (Glorot uniform), `"normal"` (std `std`, 1 when omitted) or
    /// `"uniform"` (U[−0.5, 0.5]); `seed` an integer from 0 to 2^53 − 1; every bias set to
    /// `biasInit` (0 when omitted). The same seed gives the same weights in every browser and
    /// natively.
    pub fn initialize(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "\"he\" | \"xavier\" | \"normal\" | \"uniform\"")]
        scheme: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] seed: &JsValue,
        #[wasm_bindgen(js_name = biasInit, unchecked_optional_param_type = "number")]
        bias_init: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number")] std: &JsValue,
    ) -> Result<(), JsError> {
        const INITIALIZE: &str = "Mlp.initialize";
        let name = string(INITIALIZE, "scheme", scheme)?;
        let valid_seed = |v: f64| (0.0..=9_007_199_254_740_991.0).contains(&v) && v.fract() == 0.0;
        let seed = number(
            INITIALIZE,
            "seed",
            seed,
            "an integer from 0 to 2^53 - 1",
            valid_seed,
        )?;
        let bias_init = finite_or(INITIALIZE, "biasInit", bias_init, 0.0)?;
        let std = if std.is_undefined() {
            1.0
        } else {
            let valid_std = |v: f64| v >= 0.0 && finite_f32(v);
            number(INITIALIZE, "std", std, "a finite number ≥ 0", valid_std)? as f32
        };
        let init = match name.as_str() {
            "he" => Init::He,
            "xavier" => Init::Xavier,
            "normal" => Init::Normal { std },
            "uniform" => Init::Uniform,
            _ => {
                return Err(JsError::new(&format!(
                    "{INITIALIZE}: scheme must be \"he\", \"xavier\", \"normal\" or \"uniform\", \
                     got \"{name}\""
                )))
            }
        };
        self.mlp.initialize(init, seed as u64, bias_init);
        Ok(())
    }

    /// The network's outputs for `inputs` (a Float32Array, row-major `[n][in]`), as a new
    /// Float32Array, row-major `[n][out]`.
    pub fn forward(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float32Array")] inputs: &JsValue,
    ) -> Result<Float32Array, JsError> {
        let inputs = floats("Mlp.forward", "inputs", inputs)?;
        let outputs = self.mlp.forward(&inputs).map_err(refused("Mlp.forward"))?;
        Ok(Float32Array::from(outputs.as_slice()))
    }

    /// One full-batch plain SGD step on mean-squared error (`torch.nn.functional.mse_loss`, the
    /// mean over all n × out outputs): `inputs` row-major `[n][in]`, `targets` row-major
    /// `[n][out]`, `learningRate` a finite number. Returns the loss before the update.
    #[wasm_bindgen(js_name = trainStep)]
    pub fn train_step(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float32Array")] inputs: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float32Array")] targets: &JsValue,
        #[wasm_bindgen(js_name = learningRate, unchecked_param_type = "number")]
        learning_rate: &JsValue,
    ) -> Result<f64, JsError> {
        const TRAIN_STEP: &str = "Mlp.trainStep";
        let inputs = floats(TRAIN_STEP, "inputs", inputs)?;
        let targets = floats(TRAIN_STEP, "targets", targets)?;
        let learning_rate = number(
            TRAIN_STEP,
            "learningRate",
            learning_rate,
            "a finite number",
            finite_f32,
        )?;
        let loss = self
            .mlp
            .train_step(&inputs, &targets, learning_rate as f32)
            .map_err(refused(TRAIN_STEP))?;
        Ok(f64::from(loss))
    }

    /// The dead-unit census for `inputs` (row-major `[n][in]`, n ≥ 1): a Uint8Array with one
    /// entry per hidden unit, layer by layer, 1 where that unit's pre-activation is ≤ 0 for
    /// every input.
    #[wasm_bindgen(js_name = deadUnits)]
    pub fn dead_units(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float32Array")] inputs: &JsValue,
    ) -> Result<Uint8Array, JsError> {
        let inputs = floats("Mlp.deadUnits", "inputs", inputs)?;
        let dead: Vec<u8> = self
            .mlp
            .dead_units(&inputs)
            .map_err(refused("Mlp.deadUnits"))?
            .into_iter()
            .map(u8::from)
            .collect();
        Ok(Uint8Array::from(dead.as_slice()))
    }
}
