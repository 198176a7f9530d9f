//! Hand-checked values and finite-difference checks of the activations and their backward
//! passes, with PyTorch's semantics at NaN, ±0, ±inf and subnormals.
#![cfg(not(target_arch = "wasm32"))]

use relu_explorer::activation::*;

const SUBNORMAL_MIN: f32 = f32::from_bits(1);
const SUBNORMAL_MAX: f32 = f32::from_bits(0x007f_ffff);

fn bits(values: &[f32]) -> Vec<u32> {
    values.iter().map(|v| v.to_bits()).collect()
}

#[test]
fn the_articles_example() {
    let x = [-1.0, 0.0, 1.0, 2.0];
    assert_eq!(forward_all(Activation::Relu, &x), vec![0.0, 0.0, 1.0, 2.0]);
    let grad = backward_all(Activation::Relu, &x, &[1.0; 4]).unwrap();
    assert_eq!(grad, vec![0.0, 0.0, 1.0, 1.0]);
}

#[test]
fn relu_keeps_the_sign_of_zero_and_nan() {
    // clamp_min(x, 0) is `x < 0 ? 0 : x`: −0 < 0 is false, so −0 comes back as −0.
    assert_eq!(relu(-0.0).to_bits(), 0x8000_0000);
    assert_eq!(relu(0.0).to_bits(), 0);
    assert!(relu(f32::NAN).is_nan());
    assert_eq!(relu(f32::from_bits(0x7fc0_0001)).to_bits(), 0x7fc0_0001);
    assert_eq!(relu(f32::INFINITY), f32::INFINITY);
    assert_eq!(relu(f32::NEG_INFINITY).to_bits(), 0);
    assert_eq!(relu(SUBNORMAL_MIN), SUBNORMAL_MIN);
    assert_eq!(relu(-SUBNORMAL_MAX).to_bits(), 0);
    assert_eq!(relu(f32::MAX), f32::MAX);
    assert_eq!(relu(-f32::MAX).to_bits(), 0);
}

#[test]
fn relu_backward_follows_threshold_backward() {
    // x <= 0 selects 0, so even a NaN or infinite upstream gradient is dropped there.
    assert_eq!(relu_backward(0.0, 5.0).to_bits(), 0);
    assert_eq!(relu_backward(-0.0, 5.0).to_bits(), 0);
    assert_eq!(relu_backward(-1.0, f32::NAN).to_bits(), 0);
    assert_eq!(relu_backward(-1.0, f32::INFINITY).to_bits(), 0);
    assert_eq!(relu_backward(SUBNORMAL_MIN, 3.0), 3.0);
    assert_eq!(relu_backward(-SUBNORMAL_MIN, 3.0).to_bits(), 0);
    // NaN <= 0 is false: a NaN input passes its gradient through.
    assert_eq!(relu_backward(f32::NAN, 2.5), 2.5);
    assert_eq!(relu_backward(f32::INFINITY, -2.0), -2.0);
    assert_eq!(relu_backward(2.0, -0.0).to_bits(), 0x8000_0000);
}

#[test]
fn leaky_relu_slope_cases() {
    assert_eq!(leaky_relu(-2.0, 0.01), -2.0 * 0.01_f32);
    assert_eq!(leaky_relu(3.0, 0.01), 3.0);
    assert_eq!(leaky_relu(-2.0, 0.0).to_bits(), 0x8000_0000, "−2 × 0 is −0");
    assert_eq!(leaky_relu(-2.0, 1.0), -2.0, "slope 1 is the identity");
    assert_eq!(
        leaky_relu(-2.0, -0.5),
        1.0,
        "a negative slope folds the negative side"
    );
    assert_eq!(leaky_relu(0.0, 0.2).to_bits(), 0);
    assert_eq!(leaky_relu(-0.0, 0.2).to_bits(), 0x8000_0000);
    assert_eq!(
        leaky_relu(0.0, -0.5).to_bits(),
        0x8000_0000,
        "0 × −0.5 is −0"
    );
    assert!(leaky_relu(f32::NAN, 0.01).is_nan());
    assert_eq!(leaky_relu(f32::NEG_INFINITY, 0.01), f32::NEG_INFINITY);
    assert!(
        leaky_relu(f32::NEG_INFINITY, 0.0).is_nan(),
        "−inf × 0 is NaN"
    );
    assert_eq!(leaky_relu(-SUBNORMAL_MAX, 0.01), -SUBNORMAL_MAX * 0.01);
}

#[test]
fn leaky_relu_backward_slope_cases() {
    assert_eq!(leaky_relu_backward(-1.0, 1.0, 0.01), 0.01);
    assert_eq!(
        leaky_relu_backward(0.0, 1.0, 0.01),
        0.01,
        "x = 0 takes the negative side"
    );
    assert_eq!(leaky_relu_backward(2.0, 3.0, 0.01), 3.0);
    assert_eq!(leaky_relu_backward(-1.0, 3.0, 0.0).to_bits(), 0);
    assert_eq!(leaky_relu_backward(-1.0, -3.0, 0.0).to_bits(), 0x8000_0000);
    assert!(leaky_relu_backward(-1.0, f32::NAN, 0.01).is_nan());
    assert_eq!(
        leaky_relu_backward(f32::NAN, 2.0, 0.5),
        1.0,
        "NaN > 0 is false"
    );
}

#[test]
fn sigmoid_and_tanh_hand_values() {
    assert_eq!(sigmoid(0.0), 0.5);
    assert_eq!(sigmoid(-0.0), 0.5);
    assert_eq!(sigmoid(f32::INFINITY), 1.0);
    assert_eq!(sigmoid(f32::NEG_INFINITY).to_bits(), 0);
    assert!(sigmoid(f32::NAN).is_nan());
    assert_eq!(sigmoid(1.0), 0.731_058_6);
    assert_eq!(sigmoid(-1.0), 0.268_941_43);
    assert_eq!(sigmoid(20.0), 1.0, "rounds to 1 in float32");
    assert_eq!(tanh(0.0).to_bits(), 0);
    assert_eq!(tanh(-0.0).to_bits(), 0x8000_0000);
    assert_eq!(tanh(1.0), 0.761_594_2);
    assert_eq!(tanh(f32::INFINITY), 1.0);
    assert_eq!(tanh(f32::NEG_INFINITY), -1.0);
    assert!(tanh(f32::NAN).is_nan());
    assert_eq!(tanh(SUBNORMAL_MIN), SUBNORMAL_MIN, "tanh(x) ≈ x for tiny x");
}

#[test]
fn sigmoid_and_tanh_backward_hand_values() {
    assert_eq!(sigmoid_backward(0.0, 1.0), 0.25, "sigmoid's largest slope");
    assert_eq!(tanh_backward(0.0, 1.0), 1.0);
    assert_eq!(sigmoid_backward(0.0, 2.0), 0.5);
    assert_eq!(sigmoid_backward(f32::INFINITY, 1.0).to_bits(), 0);
    assert!(sigmoid_backward(f32::NAN, 1.0).is_nan());
    assert!(tanh_backward(0.0, f32::NAN).is_nan());
}

/// Central difference in f64 of the f32 function, against the f32 backward pass.
fn check_finite_difference(name: &str, f: fn(f32) -> f32, backward: fn(f32, f32) -> f32) {
    for i in -60..=60 {
        let x = i as f64 / 10.0 + 0.013;
        let h = 1e-2;
        let slope = (f64::from(f((x + h) as f32)) - f64::from(f((x - h) as f32))) / (2.0 * h);
        let analytic = f64::from(backward(x as f32, 1.0));
        // Truncation error is about h²·f‴/6 and float32 rounding about ulp(f)/h.
        let tolerance = 1e-4 + 1e-3 * analytic.abs();
        assert!(
            (slope - analytic).abs() <= tolerance,
            "{name}'(x = {x}): finite difference {slope}, backward {analytic}"
        );
    }
}

#[test]
fn backward_passes_match_finite_differences() {
    check_finite_difference("sigmoid", sigmoid, sigmoid_backward);
    check_finite_difference("tanh", tanh, tanh_backward);
    check_finite_difference("relu", relu, relu_backward);
    check_finite_difference(
        "leaky_relu",
        |x| leaky_relu(x, 0.2),
        |x, g| leaky_relu_backward(x, g, 0.2),
    );
}

#[test]
fn backward_scales_with_the_upstream_gradient() {
    for x in [-3.0_f32, -0.5, 0.25, 2.0] {
        for activation in [
            Activation::Relu,
            Activation::LeakyRelu(0.1),
            Activation::Sigmoid,
            Activation::Tanh,
        ] {
            let one = activation.backward(x, 1.0);
            let two = activation.backward(x, 2.0);
            assert_eq!(two, one * 2.0, "{activation:?} at {x}");
        }
    }
}

#[test]
fn whole_arrays_and_length_mismatch() {
    let x = [-1.0_f32, 0.5];
    assert_eq!(bits(&forward_all(Activation::Relu, &x)), bits(&[0.0, 0.5]));
    let err = backward_all(Activation::Relu, &x, &[1.0]).unwrap_err();
    assert_eq!(err, LengthMismatch { input: 2, grad: 1 });
    assert!(err
        .to_string()
        .contains("gradOutput has 1 element but x has 2"));
    assert!(forward_all(Activation::Tanh, &[]).is_empty());
}
