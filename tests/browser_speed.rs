//! Browser tests (wasm-bindgen-test in headless Chromium) of the whole-buffer kernels on the path
//! the page and the JS API take: WebAssembly SIMD over every whole quad (`f32x4.pmax` for ReLU,
//! `f32x4.le` and `v128.andnot` for its backward pass, `v128.bitselect` for Leaky ReLU, libm's
//! exponential in `f64x2` lanes for sigmoid), the scalar functions for the tail. The checks are
//! the native tests' (tests/speed_checks): the same bits as the scalar activation functions for
//! every input, which is what shows that pmax(x, +0) is PyTorch's `x < 0 ? 0 : x`, NaN and −0
//! included, and that the vector exponential is libm's.
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
fn every_activation_everywhere() {
    speed_checks::every_activation_everywhere();
}

#[wasm_bindgen_test]
fn smooth_functions_over_their_range() {
    speed_checks::smooth_functions_over_their_range(1 << 20);
}

#[wasm_bindgen_test]
fn backward_checks_lengths() {
    speed_checks::backward_checks_lengths();
}

#[wasm_bindgen_test]
fn lengths_are_checked() {
    speed_checks::lengths_are_checked();
}

/// The page's plain JS loops (site/speed-loops.js), which the experiment times against the
/// kernels, compute the same bits as the kernels: on random data and on the special values,
/// ±0, ±inf, subnormals and sigmoid's overflow edge (NaN's payload is the one thing JS may
/// change, so only NaN-ness is compared).
#[wasm_bindgen_test]
fn the_js_loops_compute_what_the_kernels_compute() {
    use relu_explorer::speed::buffers::Buffers;
    use relu_explorer::speed::Kernel;
    use relu_explorer::web::speed_view::run_js_once;

    let specials = [
        0.0_f32,
        -0.0,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NAN,
        f32::MIN_POSITIVE,
        -f32::MIN_POSITIVE,
        1e-45,
        -1e-45,
        -88.72,
        -88.73,
        -104.0,
        88.0,
        20.0,
        -20.0,
        0.5,
        -0.5,
        f32::MAX,
        f32::MIN,
    ];
    for kernel in Kernel::ALL {
        let mut buffers = Buffers::new(4099, 11).unwrap();
        buffers.fill(4099);
        buffers.x[..specials.len()].copy_from_slice(&specials);
        buffers.grad[..specials.len()].copy_from_slice(&specials);
        assert!(
            run_js_once(kernel, &buffers),
            "{} has a JS loop",
            kernel.key()
        );
        let (js_y, js_dx) = (buffers.y.clone(), buffers.dx.clone());
        buffers.y.fill(7.0);
        buffers.dx.fill(7.0);
        buffers.run(kernel, 0, 4099, 1).unwrap();
        let forward_only = !kernel.key().ends_with("-fb");
        for i in 0..4099 {
            let same = |a: f32, b: f32| (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits();
            let (x, g) = (buffers.x[i], buffers.grad[i]);
            assert!(
                same(js_y[i], buffers.y[i]),
                "{}: y at x = {x:e}: JS {:e}, kernel {:e}",
                kernel.key(),
                js_y[i],
                buffers.y[i]
            );
            if !forward_only {
                assert!(
                    same(js_dx[i], buffers.dx[i]),
                    "{}: dx at x = {x:e}, grad = {g:e}: JS {:e}, kernel {:e}",
                    kernel.key(),
                    js_dx[i],
                    buffers.dx[i]
                );
            }
        }
    }
}
