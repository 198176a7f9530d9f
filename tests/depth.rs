//! The gradient-through-depth experiment against hand-computed values and finite differences.

use relu_explorer::activation::Activation;
use relu_explorer::depth::{
    path_gradient, pre_activations, sigmoid_bound, DepthError, PreActivations,
};

/// The exact sigmoid in f64, for finite differences.
fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

#[test]
fn sigmoid_keeps_at_most_a_quarter_per_layer() {
    // σ(0) = ½ and σ′(0) = ½·(1 − ½) = ¼, exact in f32; a product of powers of two is exact.
    let zs = pre_activations(10, PreActivations::Same(0.0)).unwrap();
    let path = path_gradient(Activation::Sigmoid, &zs);
    assert!(path.local.iter().all(|d| *d == 0.25));
    for (layer, product) in path.product.iter().enumerate() {
        assert_eq!(*product, 0.25_f64.powi(layer as i32 + 1));
    }
    // 0.25^10 = 2^−20 = 9.5367431640625e−7: below a millionth after ten layers.
    assert_eq!(path.last(), 9.5367431640625e-7);
    assert_eq!(sigmoid_bound(10), path.last());
    assert_eq!(path.cut_at(), None);
    assert_eq!(path.f32_zero_from, None);
}

#[test]
fn local_derivatives_match_finite_differences() {
    let h = 1e-5;
    for z in [-3.0_f32, -0.7, 0.0, 0.4, 2.0, 5.5] {
        let zs = [z];
        let sig = path_gradient(Activation::Sigmoid, &zs).local[0];
        let tanh = path_gradient(Activation::Tanh, &zs).local[0];
        let z = f64::from(z);
        let sig_fd = (sigmoid(z + h) - sigmoid(z - h)) / (2.0 * h);
        let tanh_fd = ((z + h).tanh() - (z - h).tanh()) / (2.0 * h);
        // Autograd computes these from the f32 output y: σ′ = y·(1 − y) and tanh′ = 1 − y². Near
        // saturation y is within an f32 step of 1 (6e−8), and 1 − y² cancels: the error is
        // absolute, a few of those steps, never relative. The differences are good to 1e−10.
        assert!(
            (f64::from(sig) - sig_fd).abs() <= 3e-7,
            "sigmoid at {z}: {sig} vs {sig_fd}"
        );
        assert!(
            (f64::from(tanh) - tanh_fd).abs() <= 3e-7,
            "tanh at {z}: {tanh} vs {tanh_fd}"
        );
    }
    // By hand: σ(2) = 0.8807970779778823, σ′(2) = σ(2)·(1 − σ(2)) = 0.10499358540350662.
    let d = path_gradient(Activation::Sigmoid, &[2.0]).local[0];
    assert!((f64::from(d) - 0.10499358540350662).abs() < 1e-7);
}

#[test]
fn an_active_relu_path_passes_the_gradient_whole_and_an_inactive_one_none() {
    let active = path_gradient(
        Activation::Relu,
        &pre_activations(50, PreActivations::Same(0.5)).unwrap(),
    );
    assert!(active.product.iter().all(|p| *p == 1.0));
    assert_eq!(active.cut_at(), None);

    let inactive = path_gradient(Activation::Relu, &[1.0, 2.0, -0.5, 3.0]);
    assert_eq!(inactive.product, [1.0, 1.0, 0.0, 0.0]);
    assert_eq!(inactive.cut_at(), Some(3));
    assert_eq!(inactive.f32_zero_from, Some(3));

    // At exactly 0 PyTorch's ReLU derivative is 0: a unit at its kink cuts the path too.
    assert_eq!(path_gradient(Activation::Relu, &[0.0]).cut_at(), Some(1));
}

#[test]
fn leaky_relu_shrinks_an_inactive_path_by_its_slope_instead_of_cutting_it() {
    let path = path_gradient(Activation::LeakyRelu(0.1), &[-1.0, 2.0, -1.0, -1.0]);
    let slope = f64::from(0.1_f32); // 0.100000001490116…
    assert_eq!(path.local, [0.1, 1.0, 0.1, 0.1]);
    assert_eq!(
        path.product,
        [slope, slope, slope * slope, slope * slope * slope]
    );
    assert_eq!(path.cut_at(), None);
}

#[test]
fn saturated_units_lose_the_gradient_and_f32_loses_it_sooner() {
    // tanh(10) rounds to 1.0 in f32, so its derivative 1 − tanh² is exactly 0 there.
    let tanh = path_gradient(Activation::Tanh, &[10.0]);
    assert_eq!(tanh.local, [0.0]);
    assert_eq!(tanh.cut_at(), Some(1));

    // σ(−10) = 4.5397868702434395e−5, so σ′(−10) ≈ 4.5395807735951673e−5 ≈ 10^−4.343 a layer.
    // After 10 layers 10^−43.4 ≈ 3.7e−44 is still an f32 (a subnormal, about 26 times the
    // smallest, 1.4e−45); after 11, 10^−47.8 rounds to 0. The f64 product keeps going.
    let zs = pre_activations(20, PreActivations::Same(-10.0)).unwrap();
    let path = path_gradient(Activation::Sigmoid, &zs);
    assert_eq!(path.f32_zero_from, Some(11));
    assert_eq!(path.cut_at(), None);
    let expected = 4.5395807735951673e-5_f64.powi(20); // 10^−86.86
    assert!((path.last() / expected - 1.0).abs() < 1e-5);
}

#[test]
fn drawn_pre_activations_are_seeded_and_cut_relu_at_the_first_inactive_layer() {
    let normal = |seed| PreActivations::Normal {
        mean: 0.5,
        std: 1.0,
        seed,
    };
    let zs = pre_activations(50, normal(7)).unwrap();
    assert_eq!(zs, pre_activations(50, normal(7)).unwrap());
    assert_ne!(zs, pre_activations(50, normal(8)).unwrap());
    let first_off = zs.iter().position(|z| *z <= 0.0).map(|i| i as u32 + 1);
    assert!(
        first_off.is_some(),
        "with mean ½ and spread 1, fifty draws include one ≤ 0"
    );
    assert_eq!(path_gradient(Activation::Relu, &zs).cut_at(), first_off);
    // A spread of 0 is the same value at every layer.
    let flat = pre_activations(
        5,
        PreActivations::Normal {
            mean: -2.0,
            std: 0.0,
            seed: 1,
        },
    )
    .unwrap();
    assert_eq!(flat, [-2.0; 5]);
}

#[test]
fn bad_settings_are_refused_by_name() {
    assert_eq!(
        pre_activations(0, PreActivations::Same(0.0)),
        Err(DepthError::Depth(0))
    );
    assert_eq!(
        pre_activations(51, PreActivations::Same(0.0)),
        Err(DepthError::Depth(51))
    );
    assert!(matches!(
        pre_activations(3, PreActivations::Same(f32::NAN)),
        Err(DepthError::PreActivation(z)) if z.is_nan()
    ));
    assert_eq!(
        pre_activations(3, PreActivations::Same(10.5)),
        Err(DepthError::PreActivation(10.5))
    );
    for std in [-1.0, 5.5] {
        let from = PreActivations::Normal {
            mean: 0.0,
            std,
            seed: 1,
        };
        assert_eq!(pre_activations(3, from), Err(DepthError::Spread(std)));
    }
    let message = DepthError::Depth(0).to_string();
    assert!(
        message.contains("from 1 to 50") && message.contains("got 0"),
        "{message}"
    );
}

#[test]
fn the_settings_put_one_value_at_every_layer_or_draw_them() {
    use relu_explorer::depth::DepthSettings;
    let settings = DepthSettings::default();
    assert_eq!(settings.pre_activations().unwrap(), [0.5; 10]);
    let drawn = DepthSettings {
        spread: 1.0,
        ..settings
    };
    let zs = drawn.pre_activations().unwrap();
    let normal = PreActivations::Normal {
        mean: 0.5,
        std: 1.0,
        seed: 1,
    };
    assert_eq!(zs, pre_activations(10, normal).unwrap());
    let deep = DepthSettings {
        depth: 60,
        ..settings
    };
    assert_eq!(deep.pre_activations(), Err(DepthError::Depth(60)));
}
