//! Browser tests (wasm-bindgen-test in headless Chromium) of the speed experiment's kernels on
//! the path the page takes: WebAssembly SIMD for ReLU (`f32x4.pmax` forward, `f32x4.le` and
//! `v128.andnot` backward) over every whole quad, the scalar functions for the tail. The checks
//! are the native tests' (tests/speed_checks): the same bits as the scalar activation functions
//! for every input, which is what shows that pmax(x, +0) is PyTorch's `x < 0 ? 0 : x`, NaN and
//! −0 included.
#![cfg(target_arch = "wasm32")]

mod speed_checks;

use relu_explorer::speed::SIMD;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The checks below test the SIMD path: this build enables `simd128`, or it does not compile.
const _: () = assert!(SIMD);

#[wasm_bindgen_test]
fn relu_by_hand() {
    speed_checks::relu_by_hand();
}

#[wasm_bindgen_test]
fn sigmoid_and_tanh_by_hand() {
    speed_checks::smooth_by_hand();
}

#[wasm_bindgen_test]
fn every_kernel_on_special_pairs() {
    speed_checks::every_kernel_on_special_pairs();
}

#[wasm_bindgen_test]
fn every_kernel_on_every_short_length() {
    speed_checks::every_kernel_on_every_short_length();
}

#[wasm_bindgen_test]
fn every_kernel_on_a_large_random_buffer() {
    speed_checks::every_kernel_on_a_large_random_buffer();
}

#[wasm_bindgen_test]
fn backward_matches_finite_differences() {
    speed_checks::backward_matches_finite_differences();
}

#[wasm_bindgen_test]
fn lengths_are_checked() {
    speed_checks::lengths_are_checked();
}
