//! "No upper limit": the analytic recursion by hand and against mpmath, the Monte Carlo network
//! against the recursion, and overflow and bad arguments.
#![cfg(not(target_arch = "wasm32"))]

use relu_explorer::activation::Activation;
use relu_explorer::growth::*;

fn growth(activation: Activation, gain: f64, depth: usize) -> Growth {
    Growth {
        activation,
        gain,
        input_rms: 1.0,
        depth,
    }
}

/// (s, E[tanh(z)²], E[sigmoid(z)²]) for z ~ N(0, s²), printed by
/// tests/fixtures/gaussian_mean_squares.py: mpmath's 30-digit values, rounded to f64.
const MEAN_SQUARES: [(f64, f64, f64); 10] = [
    (1e-10, 1e-20, 0.25),
    (1e-05, 9.999999998e-11, 0.25000000000625),
    (0.01, 9.998000566460092e-05, 0.2500062496875221),
    (0.1, 0.009805468755532405, 0.25062189693581394),
    (0.5, 0.17351614343237184, 0.26395557756012034),
    (1.0, 0.3942944903978412, 0.29337903585809294),
    (2.0, 0.6352612342569399, 0.3485736225994603),
    (10.0, 0.9205368634305167, 0.4607404398906359),
    (1000.0, 0.9992021157673138, 0.49960105837583),
    (1000000.0, 0.9999992021154392, 0.4999996010577196),
];

#[test]
fn relu_at_he_gain_keeps_the_rms_exactly_constant() {
    for input_rms in [1.0, 3.5, 1e-20, 1e30, 0.0] {
        let he = Growth {
            input_rms,
            ..growth(Activation::Relu, HE_GAIN, 50)
        };
        assert_eq!(analytic(&he).unwrap(), vec![input_rms; 50]);
    }
}

#[test]
fn relu_at_gain_1_halves_the_mean_square_per_layer() {
    // m_l = (g²/2)·m_{l−1} = m_{l−1}/2, so m_l = 2^−l and the RMS is 2^(−l/2): ½ at layer 2,
    // 1/32 at layer 10.
    let rms = analytic(&growth(Activation::Relu, 1.0, 50)).unwrap();
    for (l, &r) in rms.iter().enumerate() {
        let expected = 0.5_f64.powf((l + 1) as f64 / 2.0);
        assert!(
            (r - expected).abs() <= 1e-14 * expected,
            "layer {}: {r}",
            l + 1
        );
    }
    assert!((rms[1] - 0.5).abs() < 1e-15 && (rms[9] - 1.0 / 32.0).abs() < 1e-16);
    // Gain 2: m_l = 2·m_{l−1}, RMS √2^l; layer 50 is 2^25.
    let rms = analytic(&growth(Activation::Relu, 2.0, 50)).unwrap();
    assert!((rms[49] - 33_554_432.0).abs() < 1e-6, "{}", rms[49]);
}

#[test]
fn leaky_relu_by_hand() {
    // Slope ½, gain 1: m_l = (1 + ¼)/2 · m_{l−1} = 0.625·m_{l−1}; layer 2 has 0.390625.
    let rms = analytic(&growth(Activation::LeakyRelu(0.5), 1.0, 2)).unwrap();
    assert!((rms[0] * rms[0] - 0.625).abs() < 1e-15);
    assert!((rms[1] * rms[1] - 0.390625).abs() < 1e-15);
    // Slope 1 is the identity: the mean square is g² times the one below, so gain 1 keeps it.
    let identity = analytic(&growth(Activation::LeakyRelu(1.0), 1.0, 50)).unwrap();
    assert_eq!(identity, vec![1.0; 50]);
    // Slope 0 is ReLU, He's gain included.
    let zero = analytic(&growth(Activation::LeakyRelu(0.0), HE_GAIN, 50)).unwrap();
    assert_eq!(zero, vec![1.0; 50]);
}

#[test]
fn tanh_and_sigmoid_mean_squares_match_mpmath() {
    for (s, tanh, sigmoid) in MEAN_SQUARES {
        // One layer from inputs of RMS 1 at gain s: its pre-activations are N(0, s²).
        let t = analytic(&growth(Activation::Tanh, s, 1)).unwrap()[0].powi(2);
        let g = analytic(&growth(Activation::Sigmoid, s, 1)).unwrap()[0].powi(2);
        assert!(
            (t - tanh).abs() <= 1e-14 * tanh,
            "s = {s}: tanh {t} against {tanh}"
        );
        assert!(
            (g - sigmoid).abs() <= 1e-14 * sigmoid,
            "s = {s}: sigmoid {g} against {sigmoid}"
        );
    }
}

#[test]
fn tanh_and_sigmoid_by_their_series_and_limits() {
    // tanh²(z) = z² − ⅔z⁴ + 17/45·z⁶ − …, and E[z⁴] = 3s⁴, E[z⁶] = 15s⁶:
    // E[tanh²] = s² − 2s⁴ + 17/3·s⁶ + O(s⁸).
    // sigmoid(z) = ½ + z/4 − z³/48 + …, so E[sigmoid²] = ¼ + s²/16 − s⁴/32 + O(s⁶).
    for s in [1e-3, 1e-8, 1e-150] {
        let t = analytic(&growth(Activation::Tanh, s, 1)).unwrap()[0].powi(2);
        let series = s * s - 2.0 * s.powi(4) + 17.0 / 3.0 * s.powi(6);
        assert!((t - series).abs() <= 1e-13 * series, "s = {s}: {t}");
        let g = analytic(&growth(Activation::Sigmoid, s, 1)).unwrap()[0].powi(2);
        let series = 0.25 + s * s / 16.0 - s.powi(4) / 32.0;
        assert!((g - series).abs() <= 1e-15, "s = {s}: {g}");
    }
    // Gain 0: every pre-activation is 0, tanh(0) = 0 and sigmoid(0) = ½.
    assert_eq!(
        analytic(&growth(Activation::Tanh, 0.0, 3)).unwrap(),
        vec![0.0; 3]
    );
    assert_eq!(
        analytic(&growth(Activation::Sigmoid, 0.0, 3)).unwrap(),
        vec![0.5; 3]
    );
    // A gain so large that the pre-activation's spread overflows: tanh² is 1 and sigmoid² ½
    // almost everywhere.
    let tanh = analytic(&growth(Activation::Tanh, f64::MAX, 3)).unwrap();
    assert_eq!(tanh, vec![1.0; 3]);
    let sigmoid = analytic(&growth(Activation::Sigmoid, f64::MAX, 3)).unwrap();
    assert_eq!(sigmoid, vec![0.5_f64.sqrt(); 3]);
}

#[test]
fn tanh_and_sigmoid_stay_bounded_at_any_gain() {
    for gain in [0.5, 1.0, 2.0, 10.0, 1e6] {
        for rms in analytic(&growth(Activation::Tanh, gain, 50)).unwrap() {
            assert!((0.0..=1.0).contains(&rms), "gain {gain}: {rms}");
        }
        for rms in analytic(&growth(Activation::Sigmoid, gain, 50)).unwrap() {
            assert!((0.5..=0.5_f64.sqrt()).contains(&rms), "gain {gain}: {rms}");
        }
    }
    // Below gain 1 tanh's activations die out (tanh(z)² < z²), slowly: about 1/√(2l) at
    // gain 1, since m_{l+1} ≈ m_l − 2m_l².
    let rms = analytic(&growth(Activation::Tanh, 1.0, 50)).unwrap();
    assert!(rms.windows(2).all(|w| w[1] < w[0]));
    assert!(
        (rms[49] * 100.0_f64.sqrt() - 1.0).abs() < 0.03,
        "{}",
        rms[49]
    );
}

#[test]
fn the_f64_recursion_overflows_to_infinity() {
    // ReLU at gain 10¹⁰ multiplies the RMS by 10¹⁰/√2 ≈ 10^9.85 a layer: 10^305.3 at layer 31,
    // past f64's 1.8·10³⁰⁸ at layer 32.
    let rms = analytic(&growth(Activation::Relu, 1e10, 50)).unwrap();
    assert!(rms[30].is_finite() && rms[30] > 1e305);
    assert!(rms[31..].iter().all(|r| *r == f64::INFINITY));
}

/// The mean over `seeds` networks of each layer's (measured RMS / recursion's RMS)².
fn mean_square_ratios(growth: &Growth, width: usize, batch: usize, seeds: u64) -> Vec<f64> {
    let expected = analytic(growth).unwrap();
    let mut sums = vec![0.0; growth.depth];
    for seed in 0..seeds {
        let measured = monte_carlo(growth, width, batch, seed).unwrap();
        assert_eq!(measured.overflow_at, None);
        for (sum, (m, e)) in sums.iter_mut().zip(measured.rms.iter().zip(&expected)) {
            *sum += (m / e).powi(2);
        }
    }
    sums.iter().map(|s| s / seeds as f64).collect()
}

#[test]
fn relu_networks_of_width_256_follow_the_recursion_on_average() {
    // For ReLU and Leaky ReLU the recursion is exact in expectation at any width: given one
    // input's activations a below (mean square m), each pre-activation is exactly
    // N(0, g²·m), the weights being Gaussian, and E[φ(z)²] = (1 + a²)/2 · E[z²] needs only its
    // symmetry. Around that, a layer of n units multiplies one input's mean square by a factor
    // of relative variance Var(φ(z)²)/(n·E[φ(z)²]²), at most 5/n (ReLU's: E[relu(z)⁴] = 3s⁴/2
    // against E[relu(z)²]² = s⁴/4; Leaky ReLU's is smaller), and the input's own mean square has
    // relative variance 2/n. So one network's ratio at layer l has variance at most
    // V = (1 + 5/n)^l·(1 + 2/n) − 1 (averaging a batch only lowers it), and the mean of K
    // networks is held to 4·√(V/K), four standard deviations.
    let (width, batch, seeds, depth) = (256, 4, 12, 4);
    for setting in [
        growth(Activation::Relu, HE_GAIN, depth),
        growth(Activation::LeakyRelu(0.5), 1.2, depth),
    ] {
        let ratios = mean_square_ratios(&setting, width, batch, seeds);
        for (l, ratio) in ratios.iter().enumerate() {
            let n = width as f64;
            let variance = (1.0 + 5.0 / n).powi(l as i32 + 1) * (1.0 + 2.0 / n) - 1.0;
            let tolerance = 4.0 * (variance / seeds as f64).sqrt();
            assert!(
                (ratio - 1.0).abs() <= tolerance,
                "{:?}, layer {}: {ratio} (tolerance {tolerance})",
                setting.activation,
                l + 1
            );
        }
    }
}

#[test]
fn tanh_and_sigmoid_networks_of_width_256_follow_the_recursion() {
    // Here the recursion holds only as the width grows (its Gaussian pre-activations), but the
    // bounded activations average well: over 100 seeds at width 256 and batch 8, one network's
    // (RMS ratio)² had a standard deviation of at most 0.018 (tanh, gain 2) and 0.035 (sigmoid,
    // gain 1) in the first 5 layers, and the mean was within 0.6% of 1. The mean of 4 networks
    // is held to 5%: more than 4 standard errors plus that bias.
    for setting in [
        growth(Activation::Tanh, 2.0, 5),
        growth(Activation::Sigmoid, 1.0, 5),
    ] {
        for (l, ratio) in mean_square_ratios(&setting, 256, 8, 4).iter().enumerate() {
            assert!(
                (ratio - 1.0).abs() < 0.05,
                "{:?}, layer {}: {ratio}",
                setting.activation,
                l + 1
            );
        }
    }
}

#[test]
fn relu_networks_scale_with_the_gain() {
    // ReLU is positively homogeneous and a gain only scales the same draws: layer l of a network
    // at gain g is (g/√2)^l times layer l at He's gain, up to f32 rounding.
    let he = monte_carlo(&growth(Activation::Relu, HE_GAIN, 20), 32, 16, 7).unwrap();
    let low = monte_carlo(&growth(Activation::Relu, 1.0, 20), 32, 16, 7).unwrap();
    for (l, (h, g)) in he.rms.iter().zip(&low.rms).enumerate() {
        let expected = h * 0.5_f64.powf((l + 1) as f64 / 2.0);
        assert!((g - expected).abs() <= 1e-5 * expected, "layer {}", l + 1);
    }
}

#[test]
fn monte_carlo_is_deterministic() {
    let setting = growth(Activation::Tanh, 1.5, 10);
    let a = monte_carlo(&setting, 24, 12, 3).unwrap();
    assert_eq!(a, monte_carlo(&setting, 24, 12, 3).unwrap());
    assert_ne!(a, monte_carlo(&setting, 24, 12, 4).unwrap());
    assert_eq!(a.rms.len(), 10);
    assert_eq!(a.max_abs.len(), 10);
    // The largest activation is at least the RMS.
    assert!(a
        .rms
        .iter()
        .zip(&a.max_abs)
        .all(|(r, m)| f64::from(*m) >= *r));
}

#[test]
fn tanh_activations_never_exceed_1_and_sigmoid_stays_in_0_1() {
    for gain in [1.0, 4.0, 1e6, 1e30] {
        let tanh = monte_carlo(&growth(Activation::Tanh, gain, 50), 16, 8, 1).unwrap();
        assert_eq!(tanh.overflow_at, None, "gain {gain}");
        assert!(tanh.max_abs.iter().all(|m| *m <= 1.0), "gain {gain}");
        let sigmoid = monte_carlo(&growth(Activation::Sigmoid, gain, 50), 16, 8, 1).unwrap();
        assert_eq!(sigmoid.overflow_at, None, "gain {gain}");
        assert!(sigmoid.max_abs.iter().all(|m| *m <= 1.0), "gain {gain}");
    }
    // Saturated: at gain 10⁶ nearly every tanh is ±1 in f32.
    let tanh = monte_carlo(&growth(Activation::Tanh, 1e6, 5), 16, 8, 1).unwrap();
    assert_eq!(tanh.max_abs, vec![1.0; 5]);
    assert!(tanh.rms.iter().all(|r| *r > 0.99));
}

#[test]
fn gain_zero_gives_zero_or_a_half() {
    let relu = monte_carlo(&growth(Activation::Relu, 0.0, 3), 8, 4, 0).unwrap();
    assert_eq!(relu.rms, vec![0.0; 3]);
    let sigmoid = monte_carlo(&growth(Activation::Sigmoid, 0.0, 3), 8, 4, 0).unwrap();
    assert_eq!(sigmoid.rms, vec![0.5; 3]);
    assert_eq!(sigmoid.max_abs, vec![0.5; 3]);
}

#[test]
fn a_huge_gain_overflows_f32_without_panicking() {
    // Gain 10¹⁰ at width 64: the RMS grows by about 10^9.85 a layer, 3.5·10²⁹ at layer 3 and
    // 2.5·10³⁹ at layer 4, past f32's 3.4·10³⁸.
    let relu = monte_carlo(&growth(Activation::Relu, 1e10, 50), 64, 8, 2).unwrap();
    assert_eq!(relu.overflow_at, Some(4));
    assert_eq!(relu.rms.len(), 3);
    assert_eq!(relu.max_abs.len(), 3);
    assert!(relu.rms.iter().all(|r| r.is_finite()));
    assert!(relu.rms[2] > 1e29 && relu.rms[2] < 1e30, "{}", relu.rms[2]);
    // A gain whose weights do not fit in f32 at all overflows at the first layer.
    for activation in [Activation::Relu, Activation::LeakyRelu(0.1)] {
        let measured = monte_carlo(&growth(activation, f64::MAX, 5), 4, 2, 0).unwrap();
        assert_eq!(measured.overflow_at, Some(1));
        assert!(measured.rms.is_empty());
    }
}

#[test]
fn bad_arguments_are_refused() {
    let good = growth(Activation::Relu, 1.0, 5);
    let refused = |g: Growth| {
        (
            analytic(&g).unwrap_err(),
            monte_carlo(&g, 8, 8, 0).unwrap_err(),
        )
    };
    for depth in [0, 51] {
        let error = GrowthError::Depth { got: depth };
        assert_eq!(refused(Growth { depth, ..good }), (error, error));
    }
    for gain in [-1.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let (a, m) = refused(Growth { gain, ..good });
        assert!(matches!(a, GrowthError::Gain { .. }) && matches!(m, GrowthError::Gain { .. }));
    }
    for input_rms in [-1.0, f64::NAN, 1.1e30, f64::INFINITY] {
        let (_, m) = refused(Growth { input_rms, ..good });
        assert!(matches!(m, GrowthError::InputRms { .. }), "{input_rms}");
    }
    for slope in [f32::NAN, f32::INFINITY] {
        let (_, m) = refused(Growth {
            activation: Activation::LeakyRelu(slope),
            ..good
        });
        assert!(matches!(m, GrowthError::Slope { .. }), "{slope}");
    }
    for width in [0, 257] {
        assert_eq!(
            monte_carlo(&good, width, 8, 0),
            Err(GrowthError::Width { got: width })
        );
    }
    for batch in [0, 257] {
        assert_eq!(
            monte_carlo(&good, 8, batch, 0),
            Err(GrowthError::Batch { got: batch })
        );
    }
    // The edges of every range are accepted.
    assert!(monte_carlo(&Growth { depth: 1, ..good }, 1, 1, 0).is_ok());
    let edges = Growth {
        gain: 0.0,
        input_rms: MAX_INPUT_RMS,
        depth: 50,
        ..good
    };
    assert!(analytic(&edges).is_ok());
    let shallow = Growth { depth: 1, ..edges };
    assert!(monte_carlo(&shallow, 256, 2, 0).is_ok() && monte_carlo(&shallow, 2, 256, 0).is_ok());
}

#[test]
fn every_error_says_what_was_wrong() {
    let messages = [
        (GrowthError::Depth { got: 51 }, "depth 51"),
        (GrowthError::Width { got: 0 }, "width 0"),
        (GrowthError::Batch { got: 300 }, "batch size 300"),
        (GrowthError::Gain { got: -2.0 }, "gain -2"),
        (GrowthError::InputRms { got: 2e30 }, "from 0 to 1e30"),
        (GrowthError::Slope { got: f32::NAN }, "slope NaN"),
    ];
    for (error, part) in messages {
        let text = error.to_string();
        assert!(text.contains(part), "{text}");
    }
}

#[test]
fn the_factor_per_layer_is_the_ratio_of_successive_rms_values() {
    for scale in [0.5_f32, 1.0, 1.5, 2.0] {
        let settings = GrowthSettings { depth: 12, scale };
        for activation in [
            Activation::Relu,
            Activation::LeakyRelu(0.01),
            Activation::LeakyRelu(0.3),
        ] {
            let factor = settings.factor_per_layer(activation).unwrap();
            let rms = analytic(&settings.growth(activation)).unwrap();
            for pair in rms.windows(2) {
                let ratio = pair[1] / pair[0];
                assert!(
                    (ratio - factor).abs() <= 1e-12 * factor,
                    "{activation:?} at {scale}: {ratio} per layer, factor {factor}"
                );
            }
        }
        // By hand: ReLU's factor is the scale itself.
        assert_eq!(
            settings.factor_per_layer(Activation::Relu),
            Some(f64::from(scale))
        );
        assert_eq!(settings.factor_per_layer(Activation::Sigmoid), None);
        assert_eq!(settings.factor_per_layer(Activation::Tanh), None);
    }
}
