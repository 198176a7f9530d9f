//! The sparsity experiment: sampling N(μ, σ), the zeros ReLU makes of it, and the theory values
//! they are compared with.
#![cfg(not(target_arch = "wasm32"))]
// The tables quote their sources' digits, more than an f64 holds.
#![allow(clippy::excessive_precision)]

use relu_explorer::draws::Draws;
use relu_explorer::sparsity::*;

fn normal(mean: f64, std: f64) -> Normal {
    Normal::new(mean, std).unwrap()
}

#[test]
fn normal_accepts_its_domain_and_refuses_the_rest() {
    for (mean, std) in [(0.0, 1.0), (-10.0, 0.01), (10.0, 10.0), (-0.0, 0.5)] {
        let n = normal(mean, std);
        assert_eq!((n.mean(), n.std()), (mean, std));
    }
    for mean in [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        10.000_001,
        -11.0,
    ] {
        assert!(
            matches!(Normal::new(mean, 1.0), Err(SparsityError::Mean { .. })),
            "{mean}"
        );
    }
    for std in [
        f64::NAN,
        f64::INFINITY,
        0.0,
        -1.0,
        0.009,
        10.5,
        f64::MIN_POSITIVE,
    ] {
        assert!(
            matches!(Normal::new(0.0, std), Err(SparsityError::Std { .. })),
            "{std}"
        );
    }
}

#[test]
fn errors_say_what_was_wrong_and_what_is_allowed() {
    let text = Normal::new(12.0, 1.0).unwrap_err().to_string();
    assert!(
        text.contains("12") && text.contains("-10") && text.contains("10"),
        "{text}"
    );
    let text = Normal::new(0.0, 0.0).unwrap_err().to_string();
    assert!(text.contains("0.01") && text.contains("10"), "{text}");
    let text = normal(0.0, 1.0).samples(0, 1).unwrap_err().to_string();
    assert!(text.contains("1000000"), "{text}");
}

#[test]
fn samples_refuse_counts_outside_the_cap() {
    let n = normal(0.0, 1.0);
    assert_eq!(n.samples(0, 1), Err(SparsityError::Samples { got: 0 }));
    assert_eq!(
        n.samples(1_000_001, 1),
        Err(SparsityError::Samples { got: 1_000_001 })
    );
    assert_eq!(n.samples(1, 1).unwrap().len(), 1);
    assert_eq!(n.samples(1_000_000, 1).unwrap().len(), 1_000_000);
}

#[test]
fn samples_are_mu_plus_sigma_times_the_seeded_draws() {
    // The contract: μ + σ·z in f64 from the crate's generator, rounded once to f32.
    let samples = normal(1.5, 0.25).samples(1000, 42).unwrap();
    let mut draws = Draws::new(42);
    for (i, &x) in samples.iter().enumerate() {
        let expected = (1.5 + 0.25 * draws.normal()) as f32;
        assert_eq!(x.to_bits(), expected.to_bits(), "sample {i}");
    }
    assert_eq!(samples, normal(1.5, 0.25).samples(1000, 42).unwrap());
    assert_ne!(samples, normal(1.5, 0.25).samples(1000, 43).unwrap());
}

#[test]
fn relu_keeps_negative_zero_and_nan_and_every_zero_is_counted() {
    let tiny = f32::from_bits(1); // the smallest subnormal, 1.4e-45
    let values = [
        -1.0,
        -0.0,
        0.0,
        f32::NAN,
        2.0,
        f32::NEG_INFINITY,
        f32::INFINITY,
        tiny,
        -tiny,
    ];
    let after = after_relu(&values);
    assert_eq!(after[0].to_bits(), 0.0_f32.to_bits());
    assert_eq!(after[1].to_bits(), (-0.0_f32).to_bits(), "−0 stays −0");
    assert!(after[3].is_nan());
    assert_eq!(after[6], f32::INFINITY);
    assert_eq!(after[7], tiny, "a positive subnormal is not a zero");
    // Zeros: −1, −0, 0, −∞ and −tiny all become zeros; NaN, 2, ∞ and tiny do not.
    let count = ZeroCount::of(&after).unwrap();
    assert_eq!((count.zeros(), count.samples()), (5, 9));
    // Before ReLU only −0 and 0 are zeros.
    assert_eq!(ZeroCount::of(&values).unwrap().zeros(), 2);
}

#[test]
fn zero_count_refuses_nothing_and_too_much() {
    assert_eq!(ZeroCount::of(&[]), Err(SparsityError::Samples { got: 0 }));
    let many = vec![0.0_f32; 1_000_001];
    assert_eq!(
        ZeroCount::of(&many),
        Err(SparsityError::Samples { got: 1_000_001 })
    );
    assert_eq!(ZeroCount::of(&many[1..]).unwrap().share(), 1.0);
}

#[test]
fn share_and_wilson_interval_by_hand() {
    // 50 of 100: centre (p + z²/2n)/(1 + z²/n) = ½; half-width
    // z/(1 + z²/n)·√(p(1 − p)/n + z²/4n²) = 1.959964/1.038415·√(0.0025 + 0.000096036)
    // = 0.0961685 (mpmath: 0.403831530365996 to 0.596168469634004).
    let half: Vec<f32> = (0..100).map(|i| (i % 2) as f32).collect();
    let count = ZeroCount::of(&half).unwrap();
    assert_eq!(count.share(), 0.5);
    let (low, high) = count.interval();
    assert!((low - 0.403_831_530_365_996).abs() < 1e-12, "{low}");
    assert!((high - 0.596_168_469_634_004).abs() < 1e-12, "{high}");
    // None of 10 zero: (0, z²/(n + z²)) = (0, 3.841459/13.841459) = (0, 0.2775328).
    let (low, high) = ZeroCount::of(&[1.0; 10]).unwrap().interval();
    assert_eq!(low, 0.0);
    assert!((high - 0.277_532_799_862_889).abs() < 1e-12, "{high}");
}

#[test]
fn normal_cdf_matches_tables() {
    // Φ to 20 digits from mpmath.ncdf at 30 significant digits (they agree with Abramowitz and
    // Stegun's table 26.1 to its 15 decimals).
    let table = [
        (0.0, 0.5),
        (0.5, 0.691_462_461_274_013_103_64),
        (1.0, 0.841_344_746_068_542_948_59),
        (1.5, 0.933_192_798_731_141_934),
        (1.959_963_984_540_054, 0.974_999_999_999_999_986_23),
        (2.0, 0.977_249_868_051_820_792_8),
        (2.5, 0.993_790_334_674_223_864_83),
        (3.0, 0.998_650_101_968_369_905_47),
        (4.0, 0.999_968_328_758_166_880_08),
        (6.0, 0.999_999_999_013_412_354_96),
        (-1.0, 0.158_655_253_931_457_051_41),
        (-2.0, 0.022_750_131_948_179_207_2),
        (-3.0, 0.001_349_898_031_630_094_526_7),
    ];
    for (z, phi) in table {
        let got = normal_cdf(z);
        assert!((got - phi).abs() < 1e-12, "Φ({z}) = {got}, not {phi}");
    }
}

#[test]
fn normal_cdf_keeps_its_relative_precision_in_the_lower_tail() {
    // The values that 1 − Φ(|z|) or 0.5·(1 + erf) would round to 0 or to a few digits.
    let table = [
        (-5.0, 2.866_515_718_791_939_116_7e-7),
        (-10.0, 7.619_853_024_160_526_066e-24),
        (-20.0, 2.753_624_118_606_233_695_1e-89),
    ];
    for (z, phi) in table {
        let got = normal_cdf(z);
        assert!(
            ((got - phi) / phi).abs() < 1e-12,
            "Φ({z}) = {got}, not {phi}"
        );
    }
    assert_eq!(normal_cdf(-40.0), 0.0, "below the smallest double");
    assert_eq!(normal_cdf(40.0), 1.0);
    assert_eq!(normal_cdf(f64::NEG_INFINITY), 0.0);
    assert_eq!(normal_cdf(f64::INFINITY), 1.0);
    assert!(normal_cdf(f64::NAN).is_nan());
}

#[test]
fn normal_pdf_by_hand() {
    // 1/√(2π) = 0.398942280401432678; e^(−½)/√(2π) = 0.241970724519143349;
    // e^(−2)/√(2π) = 0.053990966513188052.
    for (z, phi) in [
        (0.0, 0.398_942_280_401_432_678),
        (1.0, 0.241_970_724_519_143_349),
        (-1.0, 0.241_970_724_519_143_349),
        (2.0, 0.053_990_966_513_188_052),
    ] {
        let got = normal_pdf(z);
        assert!((got - phi).abs() < 1e-16, "φ({z}) = {got}, not {phi}");
    }
    assert_eq!(normal_pdf(f64::INFINITY), 0.0);
}

#[test]
fn normal_pdf_is_the_derivative_of_normal_cdf() {
    let h = 1e-5;
    for z in [-4.0, -1.3, 0.0, 0.2, 1.0, 2.7] {
        let slope = (normal_cdf(z + h) - normal_cdf(z - h)) / (2.0 * h);
        // Central difference: error h²/6·|φ''| < 1e-11, rounding ε/h ≈ 1e-11.
        assert!((slope - normal_pdf(z)).abs() < 1e-9, "z = {z}: {slope}");
    }
}

#[test]
fn theory_at_mean_zero() {
    // μ = 0: half the inputs are ≤ 0; E[relu(X)] = σφ(0) = σ/√(2π); E[relu(X)²] = σ²/2, so
    // the variance is σ²(½ − 1/(2π)).
    for std in [0.01, 0.5, 1.0, 3.0, 10.0] {
        let n = normal(0.0, std);
        assert_eq!(n.relu_zero_share(), 0.5);
        let mean = std / (2.0 * std::f64::consts::PI).sqrt();
        assert!((n.relu_mean() - mean).abs() <= 1e-15 * std, "σ = {std}");
        let variance = std * std * (0.5 - 1.0 / (2.0 * std::f64::consts::PI));
        assert!(
            (n.relu_variance() - variance).abs() <= 1e-15 * std * std,
            "σ = {std}: {}",
            n.relu_variance()
        );
    }
}

#[test]
fn theory_by_hand_away_from_zero() {
    // μ = σ = 1, a = 1: zero share Φ(−1) = 0.158655253931457;
    // mean Φ(1) + φ(1) = 0.841344746068543 + 0.241970724519143 = 1.083315470587686;
    // E[relu²] = 2Φ(1) + φ(1) = 1.924660216656229, variance 1.924660216656229 − 1.083315470587686²
    // = 1.924660216656229 − 1.173572408814620 = 0.751087807841609.
    let n = normal(1.0, 1.0);
    assert!((n.relu_zero_share() - 0.158_655_253_931_457).abs() < 1e-14);
    assert!((n.relu_mean() - 1.083_315_470_587_686).abs() < 1e-14);
    assert!((n.relu_variance() - 0.751_087_807_841_609).abs() < 1e-13);
    // μ = −1, σ = 1: the mirror share, and mean −Φ(−1) + φ(1) = 0.083315470587686.
    let n = normal(-1.0, 1.0);
    assert!((n.relu_zero_share() - 0.841_344_746_068_543).abs() < 1e-14);
    assert!((n.relu_mean() - 0.083_315_470_587_686).abs() < 1e-14);
}

#[test]
fn theory_at_the_ends_of_the_domain() {
    // μ = 10, σ = 0.01: a = 1000, ReLU passes everything: no zeros, mean μ, variance σ².
    let n = normal(10.0, 0.01);
    assert_eq!(n.relu_zero_share(), 0.0);
    assert_eq!(n.relu_mean(), 10.0);
    assert!(
        (n.relu_variance() - 1e-4).abs() < 1e-4 * 1e-14,
        "{}",
        n.relu_variance()
    );
    // μ = −10, σ = 0.01: everything is zeroed.
    let n = normal(-10.0, 0.01);
    assert_eq!(n.relu_zero_share(), 1.0);
    assert_eq!(n.relu_mean(), 0.0);
    assert_eq!(n.relu_variance(), 0.0);
    // μ = −10, σ = 10 (a = −1): σ times the (−1, 1) values above.
    let n = normal(-10.0, 10.0);
    assert!((n.relu_mean() - 0.833_154_705_876_86).abs() < 1e-13);
}

/// ∫ f(z)φ(z) dz over [from, to] by Simpson's rule with 200 000 intervals, with φ from std's
/// exp rather than the code under test.
fn integrate(f: impl Fn(f64) -> f64, from: f64, to: f64) -> f64 {
    let intervals = 200_000;
    let h = (to - from) / intervals as f64;
    let density = |z: f64| (-0.5 * z * z).exp() / (2.0 * std::f64::consts::PI).sqrt();
    let term = |i: usize| {
        let z = from + h * i as f64;
        f(z) * density(z)
    };
    let inner: f64 = (1..intervals)
        .map(|i| if i % 2 == 1 { 4.0 } else { 2.0 } * term(i))
        .sum();
    h / 3.0 * (term(0) + inner + term(intervals))
}

#[test]
fn mean_and_variance_match_numerical_integration() {
    // relu(μ + σz) is 0 below z = −a and smooth above it, so each integral is split there and
    // Simpson's rule (error about h⁴ = 1e-14 here) is accurate on both parts. φ(40) underflows,
    // so ±40 stand for ±∞. The variance is integrated as E[(relu(X) − m)²] about the integrated
    // mean m, which does not cancel the way E[relu²] − m² does.
    for (mean, std) in [
        (0.0, 1.0),
        (1.0, 2.0),
        (-1.0, 0.5),
        (2.5, 0.3),
        (-3.0, 1.0),
        (0.7, 10.0),
        (-10.0, 10.0),
        (10.0, 0.01),
        (-0.05, 0.01),
    ] {
        let n = normal(mean, std);
        let cut = (-mean / std).clamp(-40.0, 40.0);
        let m = integrate(|z| mean + std * z, cut, 40.0);
        let above = integrate(|z| (mean + std * z - m).powi(2), cut, 40.0);
        let below = m * m * integrate(|_| 1.0, -40.0, cut);
        let variance = above + below;
        assert!(
            (n.relu_mean() - m).abs() <= 1e-10 * m.abs().max(std * 1e-6),
            "N({mean}, {std}): mean {} against {m}",
            n.relu_mean()
        );
        assert!(
            (n.relu_variance() - variance).abs() <= 1e-10 * variance.max(std * std * 1e-6),
            "N({mean}, {std}): variance {} against {variance}",
            n.relu_variance()
        );
    }
}

#[test]
fn mean_and_second_moment_have_the_right_derivatives_in_mu() {
    // d/dμ E[relu(μ + σZ)] = P(μ + σZ > 0) = 1 − zero share, and
    // d/dμ E[relu(μ + σZ)²] = E[2·relu(μ + σZ)] = 2·mean: derivatives that tie the three
    // closed forms to one another. Central differences with h = 1e-5: truncation h²·|f'''|
    // (below 1e-9 here), rounding about ε·|f|/h (below 1e-9).
    let h = 1e-5;
    for (mean, std) in [(0.0, 1.0), (0.8, 0.5), (-1.2, 2.0), (3.0, 1.5), (-0.3, 0.2)] {
        let at = |m: f64| normal(m, std);
        let slope = (at(mean + h).relu_mean() - at(mean - h).relu_mean()) / (2.0 * h);
        let expected = 1.0 - at(mean).relu_zero_share();
        assert!((slope - expected).abs() < 1e-8, "N({mean}, {std}): {slope}");
        let second = |m: f64| at(m).relu_variance() + at(m).relu_mean().powi(2);
        let slope = (second(mean + h) - second(mean - h)) / (2.0 * h);
        let expected = 2.0 * at(mean).relu_mean();
        assert!((slope - expected).abs() < 1e-7, "N({mean}, {std}): {slope}");
    }
}

#[test]
fn a_large_seeded_sample_agrees_with_theory() {
    // 100 000 samples. Each statistic must be within 5 standard errors of theory (a chance of
    // 6e-7 to miss for a correct formula on a random seed): the zero share's is √(p(1 − p)/n),
    // the mean's √(Var/n) and the sample variance's √((m₄ − s⁴)/n), m₄ the sample's fourth
    // central moment (the variance of (Y − mean)²).
    let count = 100_000;
    for (mean, std, seed) in [(0.0, 1.0, 1), (1.0, 1.0, 2), (-1.0, 2.0, 3), (0.3, 0.1, 4)] {
        let n = normal(mean, std);
        let after = after_relu(&n.samples(count, seed).unwrap());
        let samples = count as f64;

        let share = ZeroCount::of(&after).unwrap().share();
        let p = n.relu_zero_share();
        let error = (p * (1.0 - p) / samples).sqrt();
        assert!(
            (share - p).abs() < 5.0 * error,
            "N({mean}, {std}): {share} vs {p}"
        );

        let m = relu_explorer::sparsity::mean(&after);
        let error = (n.relu_variance() / samples).sqrt();
        assert!(
            (m - n.relu_mean()).abs() < 5.0 * error,
            "N({mean}, {std}): {m}"
        );

        let moment = |k: i32| {
            after
                .iter()
                .map(|&y| (f64::from(y) - m).powi(k))
                .sum::<f64>()
                / samples
        };
        let (s2, m4) = (moment(2), moment(4));
        let error = ((m4 - s2 * s2) / samples).sqrt();
        assert!(
            (s2 - n.relu_variance()).abs() < 5.0 * error,
            "N({mean}, {std}): {s2} vs {}",
            n.relu_variance()
        );
    }
}

#[test]
fn the_mean_of_values() {
    assert_eq!(relu_explorer::sparsity::mean(&[1.0, 2.0, 6.0]), 3.0);
    assert!(relu_explorer::sparsity::mean(&[]).is_nan());
    assert!(relu_explorer::sparsity::mean(&[1.0, f32::NAN]).is_nan());
}
