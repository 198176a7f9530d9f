//! The kernels one element at a time: sigmoid's and tanh's, and ReLU's where there is no SIMD
//! (natively) or no whole quad of four left (the tail of a buffer).
//!
//! Each loop runs once per element of `x`, its only bound: the caller has checked that every
//! buffer is as long as `x`.

use crate::activation;

/// `y[i] = f(x[i])`.
pub(super) fn forward(f: impl Fn(f32) -> f32, x: &[f32], y: &mut [f32]) {
    for (x, y) in x.iter().zip(y) {
        *y = f(*x);
    }
}

/// `x[i] = f(x[i])`.
pub(super) fn forward_in_place(f: impl Fn(f32) -> f32, x: &mut [f32]) {
    for x in x {
        *x = f(*x);
    }
}

/// `(y[i], dx[i]) = step(x[i], grad[i])`, where `step` is one of the `*_step` functions below.
pub(super) fn forward_backward(
    step: impl Fn(f32, f32) -> (f32, f32),
    (x, grad): (&[f32], &[f32]),
    (y, dx): (&mut [f32], &mut [f32]),
) {
    for ((x, grad), (y, dx)) in x.iter().zip(grad).zip(y.iter_mut().zip(dx)) {
        (*y, *dx) = step(*x, *grad);
    }
}

/// `(x[i], grad[i]) = step(x[i], grad[i])`: x becomes y, and grad becomes dx.
pub(super) fn forward_backward_in_place(
    step: impl Fn(f32, f32) -> (f32, f32),
    x: &mut [f32],
    grad: &mut [f32],
) {
    for (x, grad) in x.iter_mut().zip(grad) {
        (*x, *grad) = step(*x, *grad);
    }
}

/// ReLU's forward value and backward pass at one element.
pub(super) fn relu_step(x: f32, grad: f32) -> (f32, f32) {
    (activation::relu(x), activation::relu_backward(x, grad))
}

/// Sigmoid's forward value and backward pass at one element. The backward pass is taken from
/// the forward value, as PyTorch's `sigmoid_backward` takes it, so that the exponential is
/// computed once; it is `activation::sigmoid_backward(x, grad)` by that function's definition.
pub(super) fn sigmoid_step(x: f32, grad: f32) -> (f32, f32) {
    let y = activation::sigmoid(x);
    (y, activation::sigmoid_backward_from_output(y, grad))
}

/// Tanh's forward value and backward pass at one element, the backward pass from the forward
/// value as in [`sigmoid_step`].
pub(super) fn tanh_step(x: f32, grad: f32) -> (f32, f32) {
    let y = activation::tanh(x);
    (y, activation::tanh_backward_from_output(y, grad))
}
