//! The checks of the whole-buffer kernels (`elementwise`), as the speed experiment runs them
//! (`speed::Kernel`) and as the JS API does, shared by the native tests (tests/speed.rs) and the
//! browser tests (tests/browser_speed.rs). In the browser ReLU's kernels take the
//! WebAssembly SIMD path (`f32x4.pmax`, `v128.andnot`) for every whole quad of four elements,
//! natively the scalar one; both must give the scalar functions' bits.

use relu_explorer::activation::Activation;
use relu_explorer::draws::Draws;
use relu_explorer::elementwise;
use relu_explorer::speed::{Buffer, Function, Kernel, Pass, SpeedError};

/// A quiet NaN with a payload, positive.
const NAN_PAYLOAD: f32 = f32::from_bits(0x7fc0_0001);
/// A quiet NaN with another payload, negative.
const NEG_NAN_PAYLOAD: f32 = f32::from_bits(0xffc0_1234);
/// A signalling NaN (quiet bit clear).
const SIGNALLING_NAN: f32 = f32::from_bits(0x7f80_0001);
const SUBNORMAL_MIN: f32 = f32::from_bits(1);
const SUBNORMAL_MAX: f32 = f32::from_bits(0x007f_ffff);
/// What the outputs hold before a kernel runs, to catch an element it did not write (a NaN no
/// test input holds).
const UNWRITTEN: f32 = f32::from_bits(0x7fa5_a5a5);

/// Where the functions' definitions turn, and their edges: NaNs with payloads and both signs,
/// ±0, ±inf, the smallest normal, subnormals, the largest finite, values near 0, sigmoid's
/// overflow to 0 (e^−x overflows f32 below x ≈ −88.72) and tanh's saturation to ±1.
pub const SPECIALS: [f32; 26] = [
    f32::NAN,
    -f32::NAN,
    NAN_PAYLOAD,
    NEG_NAN_PAYLOAD,
    SIGNALLING_NAN,
    0.0,
    -0.0,
    f32::INFINITY,
    f32::NEG_INFINITY,
    f32::MIN_POSITIVE,
    -f32::MIN_POSITIVE,
    SUBNORMAL_MIN,
    -SUBNORMAL_MIN,
    SUBNORMAL_MAX,
    -SUBNORMAL_MAX,
    f32::MAX,
    -f32::MAX,
    1.0,
    -1.0,
    1e-7,
    -1e-7,
    0.5,
    -88.72,
    -88.73,
    9.0,
    -9.0,
];

/// Every pair of [`SPECIALS`], as x and the upstream gradient.
pub fn special_pairs() -> (Vec<f32>, Vec<f32>) {
    SPECIALS
        .iter()
        .flat_map(|&x| SPECIALS.iter().map(move |&grad| (x, grad)))
        .unzip()
}

/// `len` seeded values, x and the upstream gradient: the even elements of any bits (every
/// class of f32, NaN payloads included), the odd ones uniform on [−20, 20), where sigmoid and
/// tanh are neither 0 nor saturated.
pub fn random_pairs(seed: u64, len: usize) -> (Vec<f32>, Vec<f32>) {
    let mut draws = Draws::new(seed);
    let mut value = |i: usize| {
        if i.is_multiple_of(2) {
            // The top 32 of the draw's 53 random bits.
            f32::from_bits((draws.unit() * 4_294_967_296.0) as u32)
        } else {
            (draws.unit() * 40.0 - 20.0) as f32
        }
    };
    (0..len).map(|i| (value(i), value(i + 1))).unzip()
}

/// The scalar functions' answer, as bits: y, and for forward + backward dx.
fn expected(kernel: Kernel, x: &[f32], grad: &[f32]) -> (Vec<u32>, Vec<u32>) {
    let activation = kernel.function.activation();
    let y = x.iter().map(|&x| activation.forward(x).to_bits()).collect();
    let dx = match kernel.pass {
        Pass::Forward => Vec::new(),
        Pass::ForwardBackward => {
            let dx: Vec<f32> = x
                .iter()
                .zip(grad)
                .map(|(&x, &grad)| activation.backward(x, grad))
                .collect();
            dx_bits(kernel.function, x, grad, &dx)
        }
    };
    (y, dx)
}

fn bits(values: &[f32]) -> Vec<u32> {
    values.iter().map(|v| v.to_bits()).collect()
}

/// What [`dx_bits`] writes for a NaN that two NaN operands gave.
const TWO_NANS: u32 = 0x7fff_ffff;

/// The bits of a backward pass's `dx` as the kernels promise them. Where x and the upstream
/// gradient are both NaN, sigmoid's and tanh's backward multiplies two NaNs (the gradient and
/// one derived from y = f(x)), and which of the two the product carries is left open by LLVM
/// (which may swap a multiplication's operands) and by WebAssembly (whose NaN results are
/// nondeterministic): that the result is NaN is all either promises, so that is all this
/// keeps. ReLU's backward is a selection, never an operation on two NaNs, and keeps its bits.
pub fn dx_bits(function: Function, x: &[f32], grad: &[f32], dx: &[f32]) -> Vec<u32> {
    x.iter()
        .zip(grad)
        .zip(dx)
        .map(|((x, grad), dx)| {
            let two_nans = function != Function::Relu && x.is_nan() && grad.is_nan();
            if two_nans && dx.is_nan() {
                TWO_NANS
            } else {
                dx.to_bits()
            }
        })
        .collect()
}

/// Runs `kernel` on `x` and `grad` out of place and in place, and checks both against the
/// scalar functions bit for bit; a forward kernel must leave dx (out of place) and grad (in
/// place) alone.
pub fn check(kernel: Kernel, x: &[f32], grad: &[f32], what: &str) {
    let key = kernel.key();
    let (want_y, want_dx) = expected(kernel, x, grad);

    let mut y = vec![UNWRITTEN; x.len()];
    let mut dx = vec![UNWRITTEN; x.len()];
    kernel.run(x, grad, &mut y, &mut dx).unwrap();
    assert_eq!(bits(&y), want_y, "{key} y, {what}, out of place");
    match kernel.pass {
        Pass::Forward => assert!(dx.iter().all(|d| d.to_bits() == UNWRITTEN.to_bits())),
        Pass::ForwardBackward => assert_eq!(
            dx_bits(kernel.function, x, grad, &dx),
            want_dx,
            "{key} dx, {what}, out of place"
        ),
    }

    let mut x_then_y = x.to_vec();
    let mut grad_then_dx = grad.to_vec();
    kernel
        .run_in_place(&mut x_then_y, &mut grad_then_dx)
        .unwrap();
    assert_eq!(bits(&x_then_y), want_y, "{key} y, {what}, in place");
    match kernel.pass {
        Pass::Forward => assert_eq!(bits(&grad_then_dx), bits(grad)),
        Pass::ForwardBackward => {
            let dx = dx_bits(kernel.function, x, grad, &grad_then_dx);
            assert_eq!(dx, want_dx, "{key} dx, {what}, in place")
        }
    }
}

/// ReLU's kernels on eight hand-picked values (two whole quads, the SIMD path in the browser)
/// and on each value alone (the scalar tail), against the bits PyTorch gives:
/// y = (x < 0 ? +0 : x), dx = (x <= 0 ? +0 : grad).
pub fn relu_by_hand() {
    let x = [
        -1.0,
        -0.0,
        0.0,
        2.0,
        NAN_PAYLOAD,
        NEG_NAN_PAYLOAD,
        f32::NEG_INFINITY,
        SUBNORMAL_MIN,
    ];
    // −0 and NaN are not < 0, so they pass with their own bits; −1 and −inf become +0.
    let y = [
        0,
        0x8000_0000,
        0,
        0x4000_0000,
        0x7fc0_0001,
        0xffc0_1234,
        0,
        1,
    ];
    // x <= 0 at −1, −0, +0 and −inf: +0 there, whatever the gradient, NaN included.
    for (grad, passed) in [(5.0_f32, 0x40a0_0000_u32), (NAN_PAYLOAD, 0x7fc0_0001)] {
        let dx = [0, 0, 0, passed, passed, passed, 0, passed];
        let forward_backward = Kernel::new(Function::Relu, Pass::ForwardBackward);
        let grads = [grad; 8];
        for (x, want_y, want_dx) in [(&x[..], &y[..], &dx[..])]
            .into_iter()
            .chain((0..8).map(|i| (&x[i..=i], &y[i..=i], &dx[i..=i])))
        {
            let mut out = [UNWRITTEN; 8];
            let mut out_dx = [UNWRITTEN; 8];
            let n = x.len();
            let relu = Kernel::new(Function::Relu, Pass::Forward);
            relu.run(x, &[], &mut out[..n], &mut []).unwrap();
            assert_eq!(bits(&out[..n]), want_y, "relu({x:?})");
            forward_backward
                .run(x, &grads[..n], &mut out[..n], &mut out_dx[..n])
                .unwrap();
            assert_eq!(bits(&out[..n]), want_y, "relu-fb y({x:?})");
            assert_eq!(bits(&out_dx[..n]), want_dx, "relu-fb dx({x:?}, {grad})");
            let mut in_place = x.to_vec();
            let mut grad_in_place = grads[..n].to_vec();
            forward_backward
                .run_in_place(&mut in_place, &mut grad_in_place)
                .unwrap();
            assert_eq!(bits(&in_place), want_y, "relu-fb y({x:?}) in place");
            assert_eq!(bits(&grad_in_place), want_dx, "relu-fb dx({x:?}) in place");
        }
    }
}

/// Sigmoid's and tanh's kernels where the answer is exact, with an upstream gradient of 2.
pub fn smooth_by_hand() {
    let x = [0.0, -0.0, f32::INFINITY, f32::NEG_INFINITY, 20.0, -200.0];
    let grad = [2.0; 6];
    let run = |function, x: &[f32]| {
        let mut y = vec![UNWRITTEN; x.len()];
        let mut dx = vec![UNWRITTEN; x.len()];
        Kernel::new(function, Pass::ForwardBackward)
            .run(x, &grad[..x.len()], &mut y, &mut dx)
            .unwrap();
        (y, dx)
    };
    // sigmoid(±0) = 1 / (1 + 1) = 0.5, dx = 2·(1 − 0.5)·0.5 = 0.5; sigmoid(inf) = 1 / (1 + 0)
    // = 1, dx = 2·(1 − 1)·1 = 0; sigmoid(−inf) and sigmoid(−200) are 0 (e^200 overflows f32),
    // dx = 2·(1 − 0)·0 = 0; sigmoid(20) = 1 / (1 + 2.06e−9), 1 in f32, dx = 0.
    let (y, dx) = run(Function::Sigmoid, &x);
    assert_eq!(bits(&y), bits(&[0.5, 0.5, 1.0, 0.0, 1.0, 0.0]));
    assert_eq!(bits(&dx), bits(&[0.5, 0.5, 0.0, 0.0, 0.0, 0.0]));
    // tanh(±0) = ±0, dx = 2·(1 − 0·0) = 2; tanh(±inf) = ±1, dx = 2·(1 − 1·1) = 0; tanh(20) =
    // 1 − 8.5e−18, 1 in f32, dx = 0; tanh(−200) = −1, dx = 0.
    let (y, dx) = run(Function::Tanh, &x);
    assert_eq!(bits(&y), bits(&[0.0, -0.0, 1.0, -1.0, 1.0, -1.0]));
    assert_eq!(bits(&dx), bits(&[2.0, 2.0, 0.0, 0.0, 0.0, 0.0]));
    for function in [Function::Sigmoid, Function::Tanh] {
        let (y, dx) = run(function, &[f32::NAN]);
        assert!(y[0].is_nan() && dx[0].is_nan(), "{function:?}(NaN)");
    }
}

/// Every kernel on every pair of [`SPECIALS`].
pub fn every_kernel_on_special_pairs() {
    let (x, grad) = special_pairs();
    for kernel in Kernel::ALL {
        check(kernel, &x, &grad, "special pairs");
    }
}

/// Every kernel on every length from 0 to 17 (no quad, whole quads, and every tail), starting
/// at each of the four positions in a quad (the loads are unaligned), from [`SPECIALS`] (with
/// the gradients a rotation of them) and from random values.
pub fn every_kernel_on_every_short_length() {
    let mut rotated = SPECIALS;
    rotated.rotate_left(7);
    let sources = [(SPECIALS.to_vec(), rotated.to_vec()), random_pairs(11, 21)];
    for (x, grad) in &sources {
        for start in 0..4 {
            for len in 0..=17 {
                let range = start..start + len;
                let what = format!("x[{range:?}]");
                for kernel in Kernel::ALL {
                    check(kernel, &x[range.clone()], &grad[range.clone()], &what);
                }
            }
        }
    }
}

/// Every kernel on 65 539 seeded random values (16 384 quads and a tail of 3).
pub fn every_kernel_on_a_large_random_buffer() {
    let (x, grad) = random_pairs(42, (1 << 16) + 3);
    for kernel in Kernel::ALL {
        check(kernel, &x, &grad, "65 539 random values");
    }
}

/// Each forward + backward kernel's dx for a unit gradient, against the central difference of
/// its forward kernel, at 121 points of [−6, 6] shifted off ReLU's kink at 0.
pub fn backward_matches_finite_differences() {
    let h = 1e-2;
    let x: Vec<f64> = (-60..=60).map(|i| f64::from(i) / 10.0 + 0.013).collect();
    let forward = |function, x: &[f64]| {
        let x: Vec<f32> = x.iter().map(|&x| x as f32).collect();
        let mut y = vec![UNWRITTEN; x.len()];
        Kernel::new(function, Pass::Forward)
            .run(&x, &[], &mut y, &mut [])
            .unwrap();
        y
    };
    for function in [Function::Relu, Function::Sigmoid, Function::Tanh] {
        let x32: Vec<f32> = x.iter().map(|&x| x as f32).collect();
        let mut y = vec![UNWRITTEN; x.len()];
        let mut dx = vec![UNWRITTEN; x.len()];
        Kernel::new(function, Pass::ForwardBackward)
            .run(&x32, &vec![1.0; x.len()], &mut y, &mut dx)
            .unwrap();
        let above = forward(function, &x.iter().map(|x| x + h).collect::<Vec<_>>());
        let below = forward(function, &x.iter().map(|x| x - h).collect::<Vec<_>>());
        for i in 0..x.len() {
            let slope = (f64::from(above[i]) - f64::from(below[i])) / (2.0 * h);
            let analytic = f64::from(dx[i]);
            // Truncation error is about h²·f‴/6 and f32 rounding about ulp(f)/h.
            let tolerance = 1e-4 + 1e-3 * analytic.abs();
            assert!(
                (slope - analytic).abs() <= tolerance,
                "{function:?}'({}): finite difference {slope}, backward {analytic}",
                x[i]
            );
        }
    }
}

/// A buffer of the wrong length is an error naming it, found before anything is written; a
/// forward kernel does not look at grad or dx.
pub fn lengths_are_checked() {
    let x = [1.0_f32, -2.0, 3.0, -4.0, 5.0];
    let grad = [1.0_f32; 5];
    let length = |buffer, len| Err(SpeedError::Length { buffer, len, x: 5 });
    for function in [Function::Relu, Function::Sigmoid, Function::Tanh] {
        let fb = Kernel::new(function, Pass::ForwardBackward);
        let forward = Kernel::new(function, Pass::Forward);
        let mut y = [UNWRITTEN; 6];
        let mut dx = [UNWRITTEN; 6];
        assert_eq!(
            fb.run(&x, &grad[..4], &mut y[..5], &mut dx[..5]),
            length(Buffer::Grad, 4)
        );
        assert_eq!(
            fb.run(&x, &grad, &mut y[..4], &mut dx[..5]),
            length(Buffer::Y, 4)
        );
        assert_eq!(
            fb.run(&x, &grad, &mut y, &mut dx[..5]),
            length(Buffer::Y, 6)
        );
        assert_eq!(
            fb.run(&x, &grad, &mut y[..5], &mut dx),
            length(Buffer::Dx, 6)
        );
        assert_eq!(
            forward.run(&x, &grad, &mut y[..3], &mut dx),
            length(Buffer::Y, 3)
        );
        assert!(y
            .iter()
            .chain(&dx)
            .all(|v| v.to_bits() == UNWRITTEN.to_bits()));

        let mut in_place = x;
        assert_eq!(
            fb.run_in_place(&mut in_place, &mut [1.0; 6]),
            length(Buffer::Grad, 6)
        );
        assert_eq!(bits(&in_place), bits(&x));

        assert_eq!(forward.run(&x, &[], &mut y[..5], &mut []), Ok(()));
        assert_eq!(forward.run_in_place(&mut in_place, &mut []), Ok(()));
        assert_eq!(fb.run(&[], &[], &mut [], &mut []), Ok(()));
        assert_eq!(fb.run_in_place(&mut [], &mut []), Ok(()));
    }
}

// ---------------------------------------------------------------------------------------------
// The same kernels as the JS API calls them (`elementwise`): every activation, Leaky ReLU with
// any slope, forward in place and out of place, and the backward pass alone in place.

/// The activations the JS API exports, Leaky ReLU at PyTorch's default slope and at two
/// others (a slope above 1 and a negative one are both allowed).
pub const ACTIVATIONS: [Activation; 6] = [
    Activation::Relu,
    Activation::LeakyRelu(0.01),
    Activation::LeakyRelu(1.5),
    Activation::LeakyRelu(-0.25),
    Activation::Sigmoid,
    Activation::Tanh,
];

/// Whether `activation`'s backward pass may multiply two NaNs (see [`dx_bits`]).
fn multiplies_nans(activation: Activation) -> Function {
    match activation {
        Activation::Sigmoid => Function::Sigmoid,
        Activation::Tanh => Function::Tanh,
        // Leaky ReLU multiplies the gradient by the slope, never by a NaN of x's.
        Activation::Relu | Activation::LeakyRelu(_) => Function::Relu,
    }
}

/// Runs `activation`'s whole-buffer kernels on `x` and `grad` and checks each element against
/// the scalar functions, bit for bit: y out of place (into a buffer one longer, whose last
/// element must stay unwritten), y in place, and dx in place over the gradient.
pub fn check_activation(activation: Activation, x: &[f32], grad: &[f32], what: &str) {
    let want_y: Vec<u32> = x.iter().map(|&x| activation.forward(x).to_bits()).collect();
    let want_dx: Vec<f32> = x
        .iter()
        .zip(grad)
        .map(|(&x, &grad)| activation.backward(x, grad))
        .collect();
    let function = multiplies_nans(activation);

    let mut y = vec![UNWRITTEN; x.len() + 1];
    elementwise::forward(activation, x, &mut y);
    let first = bits(&y[..x.len()])
        .iter()
        .zip(&want_y)
        .position(|(a, b)| a != b);
    assert_eq!(
        first,
        None,
        "{activation:?} y, {what}: {:?}",
        first.map(|i| (x[i], y[i], want_y[i]))
    );
    assert_eq!(
        y[x.len()].to_bits(),
        UNWRITTEN.to_bits(),
        "{activation:?}: wrote past x"
    );

    let mut in_place = x.to_vec();
    elementwise::forward_in_place(activation, &mut in_place);
    assert_eq!(bits(&in_place), want_y, "{activation:?} y in place, {what}");

    let mut dx = grad.to_vec();
    elementwise::backward_in_place(activation, x, &mut dx).unwrap();
    assert_eq!(
        dx_bits(function, x, grad, &dx),
        dx_bits(function, x, grad, &want_dx),
        "{activation:?} dx, {what}"
    );
}

/// Every activation on every pair of [`SPECIALS`], on every short length at every start in a
/// quad, and on 65 539 random values.
pub fn every_activation_everywhere() {
    let (x, grad) = special_pairs();
    let (random_x, random_grad) = random_pairs(7, (1 << 16) + 3);
    for activation in ACTIVATIONS {
        check_activation(activation, &x, &grad, "special pairs");
        check_activation(activation, &random_x, &random_grad, "65 539 random values");
        for start in 0..4 {
            for len in 0..=17 {
                let range = start..start + len;
                let what = format!("random x[{range:?}]");
                check_activation(
                    activation,
                    &random_x[range.clone()],
                    &random_grad[range],
                    &what,
                );
            }
        }
    }
}

/// Sigmoid and tanh on `count` inputs spread evenly over the f32 bit patterns from −88 to 88
/// (sigmoid's vector kernel's range) and beyond, through every branch of libm's exponential.
pub fn smooth_functions_over_their_range(count: u32) {
    let (low, high) = (88.0_f32.to_bits(), (-88.0_f32).to_bits());
    // Positive patterns run from +0 to 88, negative ones from −0 to −88; a few past each end.
    let step = (low / count).max(1);
    let x: Vec<f32> = (0..=count + 8)
        .flat_map(|i| {
            let bits = i * step;
            [f32::from_bits(bits), f32::from_bits((1 << 31) | bits)]
        })
        .collect();
    assert!(x.iter().any(|v| v.to_bits() > low) && x.iter().any(|v| v.to_bits() > high));
    let grad: Vec<f32> = x.iter().map(|v| 1.0 - v.abs().min(2.0)).collect();
    for activation in [Activation::Sigmoid, Activation::Tanh] {
        check_activation(activation, &x, &grad, "the range sweep");
    }
}

/// `backward_in_place` refuses a gradient of another length and writes nothing.
pub fn backward_checks_lengths() {
    for activation in ACTIVATIONS {
        let mut grad = [2.0_f32; 3];
        let err = elementwise::backward_in_place(activation, &[1.0; 4], &mut grad).unwrap_err();
        assert_eq!((err.input, err.grad), (4, 3));
        assert_eq!(grad, [2.0; 3]);
    }
}
