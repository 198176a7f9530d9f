//! The whole-buffer kernels natively (the same quad code, lane by lane): the same bits as the
//! scalar activation functions for every input (tests/speed_checks), the speed experiment's
//! kernel keys, and the errors' messages. tests/browser_speed.rs runs the same checks on the
//! WebAssembly SIMD path.
#![cfg(not(target_arch = "wasm32"))]

mod speed_checks;

use relu_explorer::speed::{Buffer, Function, Kernel, Pass, SpeedError};

#[test]
fn relu_by_hand() {
    speed_checks::relu_by_hand();
}

#[test]
fn sigmoid_and_tanh_by_hand() {
    speed_checks::smooth_by_hand();
}

#[test]
fn every_kernel_on_special_pairs() {
    speed_checks::every_kernel_on_special_pairs();
}

#[test]
fn every_kernel_on_every_short_length() {
    speed_checks::every_kernel_on_every_short_length();
}

#[test]
fn every_kernel_on_a_large_random_buffer() {
    speed_checks::every_kernel_on_a_large_random_buffer();
}

#[test]
fn backward_matches_finite_differences() {
    speed_checks::backward_matches_finite_differences();
}

#[test]
fn every_activation_everywhere() {
    speed_checks::every_activation_everywhere();
}

#[test]
fn smooth_functions_over_their_range() {
    speed_checks::smooth_functions_over_their_range(1 << 20);
}

#[test]
fn backward_checks_lengths() {
    speed_checks::backward_checks_lengths();
}

#[test]
fn lengths_are_checked() {
    speed_checks::lengths_are_checked();
}

#[test]
fn every_kernel_has_one_key_that_reads_back() {
    let keys: Vec<&str> = Kernel::ALL.iter().map(|k| k.key()).collect();
    assert_eq!(
        keys,
        [
            "relu",
            "relu-fb",
            "sigmoid",
            "sigmoid-fb",
            "tanh",
            "tanh-fb"
        ]
    );
    for function in [Function::Relu, Function::Sigmoid, Function::Tanh] {
        for pass in [Pass::Forward, Pass::ForwardBackward] {
            let kernel = Kernel::new(function, pass);
            assert_eq!(Kernel::ALL.iter().filter(|&&k| k == kernel).count(), 1);
            assert_eq!(kernel.key().parse(), Ok(kernel));
        }
    }
}

#[test]
fn an_unknown_key_is_an_error_naming_it() {
    for key in [
        "",
        "RELU",
        "Relu",
        " relu",
        "relu ",
        "relu-",
        "relu-FB",
        "relu_fb",
        "relu-fb-fb",
        "leaky_relu",
        "gelu",
        "sigmoid-bf",
        "tanh\0",
    ] {
        assert_eq!(
            key.parse::<Kernel>(),
            Err(SpeedError::UnknownKernel {
                key: key.to_owned()
            }),
            "{key:?}"
        );
    }
    assert_eq!(
        "relu_fb".parse::<Kernel>().unwrap_err().to_string(),
        "unknown kernel \"relu_fb\"; the kernels are relu, relu-fb, sigmoid, sigmoid-fb, tanh, \
         tanh-fb"
    );
}

#[test]
fn a_length_error_names_the_buffer() {
    let error = |buffer| {
        SpeedError::Length {
            buffer,
            len: 3,
            x: 4,
        }
        .to_string()
    };
    assert_eq!(
        error(Buffer::Grad),
        "grad has 3 elements but x has 4; they must be the same length"
    );
    assert_eq!(
        error(Buffer::Y),
        "y has 3 elements but x has 4; they must be the same length"
    );
    assert_eq!(
        error(Buffer::Dx),
        "dx has 3 elements but x has 4; they must be the same length"
    );
}
