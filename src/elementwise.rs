//! The activations and their backward passes over whole buffers: the kernels the JS API
//! (`relu`, `reluBackward`, …) and the "Speed on this device" experiment both run.
//!
//! Each kernel takes the buffer four elements at a time in [`Quad`]s (WebAssembly SIMD in the
//! page, the same operations lane by lane natively) and its last 0 to 3 elements one at a time,
//! and gives, element by element, the bits of the scalar functions in [`crate::activation`]:
//! NaN payloads, ±0, ±inf and subnormals included.
//!
//! - ReLU is one `f32x4.pmax` per quad forward, one comparison and `v128.andnot` backward (see
//!   [`Quad::relu`]); Leaky ReLU one comparison, one multiplication and a `v128.bitselect`.
//!   These are the same quad operations the network's kernels (`mlp`) use.
//! - Sigmoid widens each quad to two pairs of `f64` and runs libm's exponential on them
//!   (`elementwise/exp.rs`), as the scalar function does one element at a time; a quad with an
//!   element beyond ±88 or a NaN (where e^−x may overflow `f32`) takes the scalar function.
//! - Tanh takes the scalar function, one lane at a time (libm's `tanh`).
//!
//! Each loop runs once per quad or element of the shortest buffer it is given, its only bound:
//! the callers check that the lengths agree ([`backward_in_place`] here, `speed::Kernel::run`
//! for the experiment), and a longer buffer's extra elements are left alone.

mod exp;

use crate::activation::{self, Activation, LengthMismatch};
use crate::lanes::{Pair, Quad, LANES};

/// Runs `$body` with `$kernel` bound to the [`Kernel`] of `$activation`, so that each loop is
/// compiled once per activation, its quad kernel inlined.
macro_rules! with_kernel {
    ($activation:expr, $kernel:ident => $body:expr) => {
        match $activation {
            Activation::Relu => {
                let $kernel = Relu;
                $body
            }
            Activation::LeakyRelu(slope) => {
                let $kernel = Leaky(slope);
                $body
            }
            Activation::Sigmoid => {
                let $kernel = Sigmoid;
                $body
            }
            Activation::Tanh => {
                let $kernel = Tanh;
                $body
            }
        }
    };
}

/// y = f(x) for `activation` f, x from `x` into `y`.
pub fn forward(activation: Activation, x: &[f32], y: &mut [f32]) {
    with_kernel!(activation, kernel => forward_into(kernel, x, y));
}

/// x = f(x) for `activation` f.
pub fn forward_in_place(activation: Activation, x: &mut [f32]) {
    with_kernel!(activation, kernel => forward_over(kernel, x));
}

/// The gradient reaching x when `grad` arrives at f(x), written over `grad`: PyTorch's
/// backward of `activation` for every element. `grad` must be as long as `x`; nothing is
/// written when it is not.
pub fn backward_in_place(
    activation: Activation,
    x: &[f32],
    grad: &mut [f32],
) -> Result<(), LengthMismatch> {
    if x.len() != grad.len() {
        return Err(LengthMismatch {
            input: x.len(),
            grad: grad.len(),
        });
    }
    with_kernel!(activation, kernel => backward_over(kernel, x, grad));
    Ok(())
}

/// y = f(x) and dx = f's backward at x for the upstream gradient `grad`, in one sweep: what a
/// training step costs the activation.
pub fn forward_backward(
    activation: Activation,
    (x, grad): (&[f32], &[f32]),
    (y, dx): (&mut [f32], &mut [f32]),
) {
    with_kernel!(activation, kernel => both_into(kernel, (x, grad), (y, dx)));
}

/// [`forward_backward`] in place: `x` becomes y and `grad` becomes dx.
pub fn forward_backward_in_place(activation: Activation, x: &mut [f32], grad: &mut [f32]) {
    with_kernel!(activation, kernel => both_over(kernel, x, grad));
}

/// One activation's kernel, four elements at a time; [`Kernel::scalar`] does the rest.
trait Kernel: Copy {
    /// The activation, for the elements past the last whole quad.
    fn scalar(self) -> Activation;
    /// f(x) in each lane.
    fn forward(self, x: Quad) -> Quad;
    /// The gradient reaching x when `grad` arrives at f(x), in each lane.
    fn backward(self, x: Quad, grad: Quad) -> Quad;
    /// Both: f(x), and the gradient reaching x.
    #[inline(always)]
    fn both(self, x: Quad, grad: Quad) -> (Quad, Quad) {
        (self.forward(x), self.backward(x, grad))
    }
}

/// `activation::relu`, `activation::relu_backward`.
#[derive(Clone, Copy)]
struct Relu;

impl Kernel for Relu {
    fn scalar(self) -> Activation {
        Activation::Relu
    }

    #[inline(always)]
    fn forward(self, x: Quad) -> Quad {
        x.relu()
    }

    #[inline(always)]
    fn backward(self, x: Quad, grad: Quad) -> Quad {
        grad.unless_off(x)
    }
}

/// `activation::leaky_relu` and its backward pass, with this negative slope.
#[derive(Clone, Copy)]
struct Leaky(f32);

impl Kernel for Leaky {
    fn scalar(self) -> Activation {
        Activation::LeakyRelu(self.0)
    }

    #[inline(always)]
    fn forward(self, x: Quad) -> Quad {
        x.where_positive(x, x * Quad::splat(self.0))
    }

    #[inline(always)]
    fn backward(self, x: Quad, grad: Quad) -> Quad {
        grad.where_positive(x, grad * Quad::splat(self.0))
    }
}

/// `activation::sigmoid` and its backward pass.
#[derive(Clone, Copy)]
struct Sigmoid;

impl Sigmoid {
    /// Beyond this |x| (or at a NaN) a quad takes the scalar function: e^−x overflows `f32`
    /// below x ≈ −88.72, where `activation::sigmoid` answers 0.
    const VECTOR_LIMIT: f32 = 88.0;
}

// The exponential's argument, −x, stays where its vector kernel is exact.
const _: () = assert!(Sigmoid::VECTOR_LIMIT as f64 <= exp::LIMIT);

impl Kernel for Sigmoid {
    fn scalar(self) -> Activation {
        Activation::Sigmoid
    }

    /// `(1 / (1 + e^−x)) as f32` with e^−x libm's `f64` exponential of the negated input, as
    /// `activation::sigmoid` computes it.
    #[inline(always)]
    fn forward(self, x: Quad) -> Quad {
        if !x.all_within(Self::VECTOR_LIMIT) {
            return x.map(activation::sigmoid);
        }
        let (low, high) = (-x).widen();
        let one = Pair::splat(1.0);
        Quad::narrow(one / (one + exp::exp(low)), one / (one + exp::exp(high)))
    }

    /// `grad · (1 − y) · y`, left to right in `f32`, as `sigmoid_backward_from_output`.
    #[inline(always)]
    fn backward(self, x: Quad, grad: Quad) -> Quad {
        let y = self.forward(x);
        grad * (Quad::splat(1.0) - y) * y
    }

    #[inline(always)]
    fn both(self, x: Quad, grad: Quad) -> (Quad, Quad) {
        let y = self.forward(x);
        (y, grad * (Quad::splat(1.0) - y) * y)
    }
}

/// `activation::tanh` and its backward pass, one lane at a time.
#[derive(Clone, Copy)]
struct Tanh;

impl Kernel for Tanh {
    fn scalar(self) -> Activation {
        Activation::Tanh
    }

    #[inline(always)]
    fn forward(self, x: Quad) -> Quad {
        x.map(activation::tanh)
    }

    #[inline(always)]
    fn backward(self, x: Quad, grad: Quad) -> Quad {
        let (x, grad) = (x.lanes(), grad.lanes());
        Quad::load(&std::array::from_fn(|l| {
            activation::tanh_backward(x[l], grad[l])
        }))
    }
}

fn forward_into(kernel: impl Kernel, x: &[f32], y: &mut [f32]) {
    let n = x.len().min(y.len());
    let (x, y) = (&x[..n], &mut y[..n]);
    let (x_quads, x) = x.as_chunks::<LANES>();
    let (y_quads, y) = y.as_chunks_mut::<LANES>();
    for (x, y) in x_quads.iter().zip(y_quads) {
        kernel.forward(Quad::load(x)).store(y);
    }
    let f = kernel.scalar();
    for (x, y) in x.iter().zip(y) {
        *y = f.forward(*x);
    }
}

fn forward_over(kernel: impl Kernel, x: &mut [f32]) {
    let (quads, x) = x.as_chunks_mut::<LANES>();
    for x in quads {
        kernel.forward(Quad::load(x)).store(x);
    }
    let f = kernel.scalar();
    for x in x {
        *x = f.forward(*x);
    }
}

fn backward_over(kernel: impl Kernel, x: &[f32], grad: &mut [f32]) {
    let n = x.len().min(grad.len());
    let (x, grad) = (&x[..n], &mut grad[..n]);
    let (x_quads, x) = x.as_chunks::<LANES>();
    let (grad_quads, grad) = grad.as_chunks_mut::<LANES>();
    for (x, grad) in x_quads.iter().zip(grad_quads) {
        kernel.backward(Quad::load(x), Quad::load(grad)).store(grad);
    }
    let f = kernel.scalar();
    for (x, grad) in x.iter().zip(grad) {
        *grad = f.backward(*x, *grad);
    }
}

fn both_into(kernel: impl Kernel, (x, grad): (&[f32], &[f32]), (y, dx): (&mut [f32], &mut [f32])) {
    let n = x.len().min(grad.len()).min(y.len()).min(dx.len());
    let (x, grad, y, dx) = (&x[..n], &grad[..n], &mut y[..n], &mut dx[..n]);
    let (x_quads, x) = x.as_chunks::<LANES>();
    let (grad_quads, grad) = grad.as_chunks::<LANES>();
    let (y_quads, y) = y.as_chunks_mut::<LANES>();
    let (dx_quads, dx) = dx.as_chunks_mut::<LANES>();
    let sources = x_quads.iter().zip(grad_quads);
    for ((x, grad), (y, dx)) in sources.zip(y_quads.iter_mut().zip(dx_quads)) {
        let (value, gradient) = kernel.both(Quad::load(x), Quad::load(grad));
        value.store(y);
        gradient.store(dx);
    }
    let f = kernel.scalar();
    for ((x, grad), (y, dx)) in x.iter().zip(grad).zip(y.iter_mut().zip(dx)) {
        (*y, *dx) = (f.forward(*x), f.backward(*x, *grad));
    }
}

fn both_over(kernel: impl Kernel, x: &mut [f32], grad: &mut [f32]) {
    let n = x.len().min(grad.len());
    let (x, grad) = (&mut x[..n], &mut grad[..n]);
    let (x_quads, x) = x.as_chunks_mut::<LANES>();
    let (grad_quads, grad) = grad.as_chunks_mut::<LANES>();
    for (x, grad) in x_quads.iter_mut().zip(grad_quads) {
        let (value, gradient) = kernel.both(Quad::load(x), Quad::load(grad));
        value.store(x);
        gradient.store(grad);
    }
    let f = kernel.scalar();
    for (x, grad) in x.iter_mut().zip(grad) {
        (*x, *grad) = (f.forward(*x), f.backward(*x, *grad));
    }
}
