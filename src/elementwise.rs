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
//! - Tanh widens each quad to two pairs of `f64` too, approximates tanh there (a polynomial near
//!   0, the exponential's quotient elsewhere), and checks that libm's answer would round to the
//!   same `f32` (see [`Tanh::forward`]); a quad that cannot be sure, or with an element beyond
//!   ±9 or a NaN, takes the scalar function. Its backward pass computes 1 − y² in `f64`.
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

/// `activation::tanh` and its backward pass.
#[derive(Clone, Copy)]
struct Tanh;

impl Tanh {
    /// Beyond this |x| (or at a NaN) a quad takes the scalar function. From about 9.01 on,
    /// tanh is 1 in `f32`; the vector kernel's e^2|x| stays far from overflow below it.
    const VECTOR_LIMIT: f32 = 9.0;

    /// tanh in each lane, for |x| ≤ [`Tanh::VECTOR_LIMIT`], in `f64` and not libm's way: an odd
    /// polynomial (Taylor's, to x¹³) below |x| = 1/16, and (e − 1) / (e + 1) with e = e^2|x|
    /// (libm's exponential, `exp.rs`) above. Within 2.2·10⁻¹⁵ of tanh, relative: the
    /// exponential's error, up to 2.2·10⁻¹⁶, grows at most 8 times through the quotient (at
    /// |x| = 1/16), plus three roundings; the polynomial's truncation is below 10⁻¹⁹.
    #[inline(always)]
    fn approximate(x: Pair) -> Pair {
        let one = Pair::splat(1.0);
        let x2 = x * x;
        let series = Pair::splat(TANH_SERIES[5]);
        let series = Pair::splat(TANH_SERIES[4]) + x2 * series;
        let series = Pair::splat(TANH_SERIES[3]) + x2 * series;
        let series = Pair::splat(TANH_SERIES[2]) + x2 * series;
        let series = Pair::splat(TANH_SERIES[1]) + x2 * series;
        let series = Pair::splat(TANH_SERIES[0]) + x2 * series;
        // x · (1 + x²·…): an odd function of x whatever the rounding, −0 staying −0.
        let series = x * (one + x2 * series);
        let negative = x.negative();
        let magnitude = negative.select(Pair::splat(0.0) - x, x);
        let e = exp::exp(magnitude + magnitude);
        let quotient = (e - one) / (e + one);
        let quotient = negative.select(Pair::splat(0.0) - quotient, quotient);
        // |x| ≥ 1/16 exactly where its high word exceeds that of the largest number below it.
        x.high_word_above(0x3faf_ffff).select(quotient, series)
    }
}

/// tanh x = x + c₃x³ + c₅x⁵ + …: c₃ to c₁₃, the coefficients of Taylor's series.
const TANH_SERIES: [f64; 6] = [
    -1.0 / 3.0,
    2.0 / 15.0,
    -17.0 / 315.0,
    62.0 / 2835.0,
    -1382.0 / 155_925.0,
    21844.0 / 6_081_075.0,
];

/// How far from the approximation the truth may be, relative, for rounding to `f32` to be
/// trusted: 2^−45 ≈ 2.8·10⁻¹⁴, over 10 times the approximation's error plus libm's own.
const TANH_MARGIN: f64 = 1.0 / 35_184_372_088_832.0;

// The exponential's argument, 2|x|, stays where its vector kernel is exact.
const _: () = assert!(2.0 * Tanh::VECTOR_LIMIT as f64 <= exp::LIMIT);

impl Kernel for Tanh {
    fn scalar(self) -> Activation {
        Activation::Tanh
    }

    /// `libm::tanh(x) as f32`, as `activation::tanh` computes it, without libm's `tanh`.
    ///
    /// The approximation rounded to `f32` is libm's result rounded to `f32` wherever both the
    /// approximation's neighbours at ±[`TANH_MARGIN`] round to the same `f32` as it does: then
    /// the truth lies between them, libm's result too (it is within a few ulp of `f64` of the
    /// truth), and rounding, being monotonic, sends all of them to that one `f32`. A quad with
    /// a lane that close to a rounding boundary (a few in a billion) takes the scalar function.
    #[inline(always)]
    fn forward(self, x: Quad) -> Quad {
        Self::vector(x).unwrap_or_else(|| x.map(activation::tanh))
    }

    #[inline(always)]
    fn backward(self, x: Quad, grad: Quad) -> Quad {
        Self::gradient(self.forward(x), grad)
    }

    #[inline(always)]
    fn both(self, x: Quad, grad: Quad) -> (Quad, Quad) {
        let y = self.forward(x);
        (y, Self::gradient(y, grad))
    }
}

impl Tanh {
    /// The vector kernel's tanh of each lane, or `None` where the quad must take the scalar
    /// function (see [`Kernel::forward`] for `Tanh`).
    #[inline(always)]
    fn vector(x: Quad) -> Option<Quad> {
        if !x.all_within(Self::VECTOR_LIMIT) {
            return None;
        }
        let (low, high) = x.widen();
        let (low, high) = (Self::approximate(low), Self::approximate(high));
        let y = Quad::narrow(low, high);
        let below = Pair::splat(1.0 - TANH_MARGIN);
        let above = Pair::splat(1.0 + TANH_MARGIN);
        let sure = y.same_bits(Quad::narrow(low * below, high * below))
            && y.same_bits(Quad::narrow(low * above, high * above));
        sure.then_some(y)
    }

    /// `activation::tanh_backward_from_output(y, grad)` in each lane. A quad with a NaN y (a
    /// NaN x's) takes the scalar function: the sign of the NaN it returns comes from its
    /// negation of y, which the vector kernel does not do.
    #[inline(always)]
    fn gradient(y: Quad, grad: Quad) -> Quad {
        if y.all_within(1.0) {
            grad * Self::slope(y)
        } else {
            let (y, grad) = (y.lanes(), grad.lanes());
            Quad::load(&std::array::from_fn(|l| {
                activation::tanh_backward_from_output(y[l], grad[l])
            }))
        }
    }

    /// 1 − y·y rounded once to `f32`, as the fused multiply-add of
    /// `activation::tanh_backward_from_output` gives it: y·y is exact in `f64` (48 bits), and
    /// 1 − y·y rounded to `f64` and then to `f32` is the once-rounded value for every `f32` y in
    /// [−1, 1] (the tests check each one).
    #[inline(always)]
    fn slope(y: Quad) -> Quad {
        let one = Pair::splat(1.0);
        let (low, high) = y.widen();
        Quad::narrow(one - low * low, one - high * high)
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

/// Natively, where a [`Quad`] and a [`Pair`] do lane by lane the same exactly rounded
/// operations as WebAssembly SIMD does in the page. The kernels' agreement with the scalar
/// functions over a spread of inputs is in `tests/speed_checks`; here, tanh's kernel on every
/// `f32`, in steps or (run with `cargo test --release -- --ignored`) one by one.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Runs tanh's quad kernel over the `f32`s with bit patterns `from..to` that are `step`
    /// apart, both signs, and returns how many quads took the scalar function; panics at the
    /// first input whose result is not `activation::tanh`'s.
    fn tanh_over(from: u32, to: u32, step: usize) -> u64 {
        let mut fallbacks = 0;
        let mut bits = (from..to).step_by(step);
        while let (Some(a), Some(b)) = (bits.next(), bits.next()) {
            let x = [a, b, a | 1 << 31, b | 1 << 31].map(f32::from_bits);
            let got = Tanh.forward(Quad::load(&x)).lanes();
            for (x, got) in x.iter().zip(got) {
                assert_eq!(got.to_bits(), activation::tanh(*x).to_bits(), "tanh({x:e})");
            }
            fallbacks += u64::from(Tanh::vector(Quad::load(&x)).is_none());
        }
        fallbacks
    }

    #[test]
    fn tanh_kernel_rounds_as_libm_across_its_range() {
        // From +0 to past the vector limit, one pattern in 509: some 2 million inputs, through
        // the polynomial, its edge at 1/16, the quotient, and the scalar fall-back beyond 9.
        let end = 9.5_f32.to_bits();
        tanh_over(0, end, 509);
        for edge in [0.0625_f32, Tanh::VECTOR_LIMIT] {
            let at = edge.to_bits();
            tanh_over(at - 64, at + 64, 1);
        }
    }

    /// Every `f32` from +0 to 9.5, and its negative: about 2.2 billion inputs, some minutes in
    /// a release build. Run on 2026-12-04 (6 minutes on one core): every input gave libm's
    /// bits, and of the quads inside the vector range, 95 took the scalar function because a
    /// lane lay within the margin of a rounding boundary.
    #[test]
    #[ignore = "every f32: run with cargo test --release -- --ignored"]
    fn tanh_kernel_rounds_as_libm_on_every_f32() {
        let fallbacks = tanh_over(0, 9.5_f32.to_bits(), 1);
        println!("quads that took the scalar function: {fallbacks}");
    }

    /// Checks `Tanh::slope` against the fused 1 − y·y of `tanh_backward_from_output` on the
    /// `f32` y in [0, 1] whose patterns are `step` quads apart, and at 1 (−y's slope is y's,
    /// lane for lane: the same operations on the same square).
    fn slope_over(step: usize) {
        let one = 1.0_f32.to_bits();
        for first in (0..=one).step_by(4 * step) {
            let y = [0, 1, 2, 3].map(|lane| f32::from_bits((first + lane).min(one)));
            let got = Tanh::slope(Quad::load(&y)).lanes();
            for (y, got) in y.iter().zip(got) {
                assert_eq!(
                    got.to_bits(),
                    (-y).mul_add(*y, 1.0).to_bits(),
                    "1 − y² at {y:e}"
                );
            }
        }
        assert_eq!(Tanh::slope(Quad::splat(1.0)).lanes(), [0.0; 4], "1 − 1·1");
    }

    #[test]
    fn tanh_slope_is_the_fused_one_across_0_to_1() {
        slope_over(251);
    }

    /// Every `f32` y in [0, 1], about a billion.
    #[test]
    #[ignore = "every f32: run with cargo test --release -- --ignored"]
    fn tanh_slope_is_the_fused_one_for_every_y() {
        slope_over(1);
    }
}
