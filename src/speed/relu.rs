//! ReLU's kernels: WebAssembly SIMD over the whole quads of four elements, and the scalar
//! functions for the rest (the last 0 to 3 elements) and natively.
//!
//! Why `f32x4.pmax` is exactly PyTorch's ReLU: the WebAssembly spec defines
//! `f32x4.pmax(a, b)` lane-wise as `a < b ? b : a` (the "pseudo-maximum", unlike `f32x4.max`,
//! which makes NaN canonical and orders −0 below +0). With b = +0 that is
//! `x < 0 ? +0 : x`, which is `activation::relu` (PyTorch's `clamp_min(x, 0)`) as written: a NaN
//! (NaN < 0 is false) and −0 (−0 < 0 is false) come back with their own bits, and every
//! negative x, −inf included, gives +0. One instruction per four elements, where the scalar
//! loop takes a comparison and a select per element. (The optimised build lowers pmax against a
//! constant +0 to `f32x4.lt` and `v128.andnot`, the selection `mlp/lanes.rs` writes for the same
//! ReLU: the same bits, and as fast; the debug build the browser tests run executes
//! `f32x4.pmax` itself.)
//!
//! The backward pass, `x <= 0 ? +0 : grad`, is `grad` with the lanes where `f32x4.le(x, 0)` is
//! all ones cleared (`v128.andnot`): a selection, so that a NaN or infinite gradient is dropped,
//! not multiplied, where x ≤ 0, and passed with its own bits elsewhere.
//!
//! Each loop runs once per quad or element of `x`, its only bound: the caller has checked that
//! every buffer is as long as `x`.

use super::scalar;
use crate::activation;

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
use quad::{load, relu, relu_backward, store, LANES};

/// `y = relu(x)`.
pub(super) fn forward(x: &[f32], y: &mut [f32]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    let (x, y) = {
        let (x_quads, x_tail) = x.as_chunks::<LANES>();
        let (y_quads, y_tail) = y.as_chunks_mut::<LANES>();
        for (x, y) in x_quads.iter().zip(y_quads) {
            store(y, relu(load(x)));
        }
        (x_tail, y_tail)
    };
    scalar::forward(activation::relu, x, y);
}

/// `x = relu(x)`.
pub(super) fn forward_in_place(x: &mut [f32]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    let x = {
        let (quads, tail) = x.as_chunks_mut::<LANES>();
        for x in quads {
            store(x, relu(load(x)));
        }
        tail
    };
    scalar::forward_in_place(activation::relu, x);
}

/// `y = relu(x)` and `dx = relu_backward(x, grad)`.
pub(super) fn forward_backward(x: &[f32], grad: &[f32], y: &mut [f32], dx: &mut [f32]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    let (x, grad, y, dx) = {
        let (x_quads, x_tail) = x.as_chunks::<LANES>();
        let (grad_quads, grad_tail) = grad.as_chunks::<LANES>();
        let (y_quads, y_tail) = y.as_chunks_mut::<LANES>();
        let (dx_quads, dx_tail) = dx.as_chunks_mut::<LANES>();
        let sources = x_quads.iter().zip(grad_quads);
        for ((x, grad), (y, dx)) in sources.zip(y_quads.iter_mut().zip(dx_quads)) {
            let x = load(x);
            store(y, relu(x));
            store(dx, relu_backward(x, load(grad)));
        }
        (x_tail, grad_tail, y_tail, dx_tail)
    };
    scalar::forward_backward(scalar::relu_step, (x, grad), (y, dx));
}

/// `grad = relu_backward(x, grad)` and then `x = relu(x)`: x becomes y and grad becomes dx.
pub(super) fn forward_backward_in_place(x: &mut [f32], grad: &mut [f32]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    let (x, grad) = {
        let (x_quads, x_tail) = x.as_chunks_mut::<LANES>();
        let (grad_quads, grad_tail) = grad.as_chunks_mut::<LANES>();
        for (x, grad) in x_quads.iter_mut().zip(grad_quads) {
            let value = load(x);
            store(grad, relu_backward(value, load(grad)));
            store(x, relu(value));
        }
        (x_tail, grad_tail)
    };
    scalar::forward_backward_in_place(scalar::relu_step, x, grad);
}

/// Four elements in a WebAssembly SIMD `v128`.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod quad {
    use core::arch::wasm32::{
        f32x4_le, f32x4_pmax, f32x4_splat, v128, v128_andnot, v128_load, v128_store,
    };

    /// Elements per quad.
    pub(super) const LANES: usize = 4;

    /// The four values of `from`.
    #[inline(always)]
    pub(super) fn load(from: &[f32; LANES]) -> v128 {
        // SAFETY: `from` is a reference to 16 initialised bytes, and v128.load has no alignment
        // requirement.
        unsafe { v128_load(from.as_ptr().cast()) }
    }

    /// Writes the four lanes of `value` to `to`.
    #[inline(always)]
    pub(super) fn store(to: &mut [f32; LANES], value: v128) {
        // SAFETY: `to` is a unique reference to 16 writable bytes, and v128.store has no
        // alignment requirement.
        unsafe { v128_store(to.as_mut_ptr().cast(), value) }
    }

    /// `activation::relu` in each lane: `pmax(x, +0)`, `x < +0 ? +0 : x`.
    #[inline(always)]
    pub(super) fn relu(x: v128) -> v128 {
        f32x4_pmax(x, f32x4_splat(0.0))
    }

    /// `activation::relu_backward` in each lane: `grad` where x ≤ 0 is false, +0 elsewhere.
    #[inline(always)]
    pub(super) fn relu_backward(x: v128, grad: v128) -> v128 {
        v128_andnot(grad, f32x4_le(x, f32x4_splat(0.0)))
    }
}
