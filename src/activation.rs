//! Element-wise activation functions and their autograd backward passes, with PyTorch's CPU
//! semantics for every `f32` input: NaN, ±0, ±inf and subnormals included.
//!
//! Each function mirrors the PyTorch kernel it is named after, operation for operation, because
//! "the same value" means the same bits: `relu` is `clamp_min(x, 0)`, its backward is
//! `threshold_backward(grad, x, 0)`, and the sigmoid and tanh backward passes are computed from
//! the forward output exactly as `sigmoid_backward` and `tanh_backward` do.

use std::fmt;

use crate::counted::Counted;

/// The activation functions the explorer knows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Activation {
    /// `torch.relu`: max(0, x).
    Relu,
    /// `torch.nn.functional.leaky_relu` with the given negative slope.
    LeakyRelu(f32),
    /// `torch.sigmoid`: 1 / (1 + e^−x).
    Sigmoid,
    /// `torch.tanh`.
    Tanh,
}

impl Activation {
    /// The forward value at `x`.
    pub fn forward(self, x: f32) -> f32 {
        match self {
            Activation::Relu => relu(x),
            Activation::LeakyRelu(slope) => leaky_relu(x, slope),
            Activation::Sigmoid => sigmoid(x),
            Activation::Tanh => tanh(x),
        }
    }

    /// The gradient reaching `x` when `grad` arrives at the output.
    pub fn backward(self, x: f32, grad: f32) -> f32 {
        match self {
            Activation::Relu => relu_backward(x, grad),
            Activation::LeakyRelu(slope) => leaky_relu_backward(x, grad, slope),
            Activation::Sigmoid => sigmoid_backward(x, grad),
            Activation::Tanh => tanh_backward(x, grad),
        }
    }

    /// The derivative at `x`, with PyTorch's choice at a kink (the backward pass of a unit
    /// gradient).
    pub fn derivative(self, x: f32) -> f32 {
        self.backward(x, 1.0)
    }
}

/// `torch.relu(x)`, which PyTorch computes as `clamp_min(x, 0)`: `x < 0 ? 0 : x`.
///
/// That comparison keeps NaN (NaN < 0 is false) and keeps −0.0 as −0.0 (−0 < 0 is false).
pub fn relu(x: f32) -> f32 {
    if x < 0.0 {
        0.0
    } else {
        x
    }
}

/// ReLU's backward pass, PyTorch's `threshold_backward(grad, x, 0)`: `x <= 0 ? 0 : grad`.
///
/// At x = 0 the derivative is undefined; PyTorch picks 0 there. A NaN input passes the
/// gradient through (NaN <= 0 is false), and a NaN gradient is dropped where x <= 0.
pub fn relu_backward(x: f32, grad: f32) -> f32 {
    if x <= 0.0 {
        0.0
    } else {
        grad
    }
}

/// `torch.nn.functional.leaky_relu(x, negative_slope)`: `x > 0 ? x : x * negative_slope`.
pub fn leaky_relu(x: f32, negative_slope: f32) -> f32 {
    if x > 0.0 {
        x
    } else {
        x * negative_slope
    }
}

/// Leaky ReLU's backward pass, PyTorch's `leaky_relu_backward`:
/// `x > 0 ? grad : grad * negative_slope`.
pub fn leaky_relu_backward(x: f32, grad: f32, negative_slope: f32) -> f32 {
    if x > 0.0 {
        grad
    } else {
        grad * negative_slope
    }
}

/// `torch.sigmoid(x)`: 1 / (1 + e^−x), evaluated in `f64` (with `libm::exp`, the same bits on
/// every platform) and rounded once to `f32`.
///
/// PyTorch's own results differ between its vectorised and scalar kernels by an ulp or two; this
/// is within that of both. Negating first, as PyTorch does, gives a NaN input's result the
/// opposite sign bit, as PyTorch's does.
pub fn sigmoid(x: f32) -> f32 {
    let exp = libm::exp(f64::from(-x));
    // PyTorch takes e^−x in float32, which overflows to infinity below x ≈ −88.72 and makes the
    // result exactly 0 where a wider computation would give a subnormal.
    if (exp as f32).is_infinite() {
        return 0.0;
    }
    (1.0 / (1.0 + exp)) as f32
}

/// Sigmoid's backward pass, PyTorch's `sigmoid_backward`, computed from y = sigmoid(x).
pub fn sigmoid_backward(x: f32, grad: f32) -> f32 {
    sigmoid_backward_from_output(sigmoid(x), grad)
}

/// PyTorch's `sigmoid_backward(grad, y)` exactly: `grad * (1 − y) * y` in `f32`, left to right.
pub fn sigmoid_backward_from_output(y: f32, grad: f32) -> f32 {
    grad * (1.0 - y) * y
}

/// `torch.tanh(x)`, evaluated in `f64` (with `libm::tanh`, the same bits on every platform) and
/// rounded once to `f32`.
pub fn tanh(x: f32) -> f32 {
    libm::tanh(f64::from(x)) as f32
}

/// Tanh's backward pass, PyTorch's `tanh_backward`, computed from y = tanh(x).
pub fn tanh_backward(x: f32, grad: f32) -> f32 {
    tanh_backward_from_output(tanh(x), grad)
}

/// PyTorch's `tanh_backward(grad, y)` exactly: `grad * (1 − y·y)`, where PyTorch's x86 builds
/// fuse `1 − y·y` into one fused multiply-add (a single rounding), so this does too.
pub fn tanh_backward_from_output(y: f32, grad: f32) -> f32 {
    grad * (-y).mul_add(y, 1.0)
}

/// Two arrays that must be the same length were not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LengthMismatch {
    /// Length of the input.
    pub input: usize,
    /// Length of the upstream gradient.
    pub grad: usize,
}

impl fmt::Display for LengthMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "gradOutput has {} but x has {}; they must be the same length",
            Counted(self.grad, "element"),
            self.input
        )
    }
}

impl std::error::Error for LengthMismatch {}

/// Applies `activation` to every element of `x`, returning a new vector (with the whole-buffer
/// kernels of [`crate::elementwise`]).
pub fn forward_all(activation: Activation, x: &[f32]) -> Vec<f32> {
    let mut y = x.to_vec();
    crate::elementwise::forward_in_place(activation, &mut y);
    y
}

/// The backward pass of `activation` over whole arrays: the gradient reaching each element of
/// `x` when `grad` arrives at the output.
pub fn backward_all(
    activation: Activation,
    x: &[f32],
    grad: &[f32],
) -> Result<Vec<f32>, LengthMismatch> {
    let mut dx = grad.to_vec();
    crate::elementwise::backward_in_place(activation, x, &mut dx)?;
    Ok(dx)
}
