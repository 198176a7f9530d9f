//! The "born dead" calculator: the closed form's hand values and the Monte Carlo estimate's
//! determinism and meaning.
#![cfg(not(target_arch = "wasm32"))]

use relu_explorer::born_dead::*;
use relu_explorer::mlp::Init;

#[test]
fn closed_form_hand_values() {
    // One unit, one layer: the unit is off for one input with chance ½.
    assert_eq!(closed_form(1, 1), 0.5);
    // Two units, three layers: each layer survives with chance ¾.
    assert!((closed_form(2, 3) - (1.0 - 0.75_f64.powi(3))).abs() < 1e-15);
    assert!((closed_form(1, 8) - (1.0 - 0.5_f64.powi(8))).abs() < 1e-15);
    assert!((closed_form(8, 3) - (1.0 - (255.0_f64 / 256.0).powi(3))).abs() < 1e-15);
}

#[test]
fn closed_form_keeps_its_digits_for_wide_layers() {
    // 1 − (1 − 2^−64)^L cancels to 0 if computed directly; it is about L · 2^−64.
    let tiny = 2.0_f64.powi(-64);
    for depth in 1..=8 {
        let p = closed_form(64, depth);
        assert!(p.is_finite() && p > 0.0, "depth {depth}: {p}");
        let expected = f64::from(depth) * tiny;
        assert!(
            (p - expected).abs() <= expected * 1e-12,
            "depth {depth}: {p}"
        );
    }
}

#[test]
fn closed_form_grows_with_depth_and_shrinks_with_width() {
    for width in 1..=64 {
        for depth in 1..=8 {
            let p = closed_form(width, depth);
            assert!(p > 0.0 && p < 1.0, "N = {width}, L = {depth}: {p}");
            assert!(p < closed_form(width, depth + 1));
            if width < 64 {
                assert!(p > closed_form(width + 1, depth));
            }
        }
    }
}

#[test]
fn closed_form_edges() {
    assert_eq!(closed_form(0, 3), 1.0, "an empty layer passes nothing");
    assert_eq!(closed_form(5, 0), 0.0, "no layer, nothing to die");
    assert_eq!(closed_form(0, 0), 0.0);
    assert!(closed_form(u32::MAX, u32::MAX) >= 0.0);
}

#[test]
fn the_interval_contains_the_share() {
    for trials in [1, 2, 10, 100, 2000, u32::MAX] {
        for dead in [0, 1, trials / 3, trials / 2, trials - 1, trials] {
            let estimate = Estimate { dead, trials };
            let share = estimate.share();
            let (low, high) = estimate.interval();
            assert!(
                0.0 <= low && low <= share && share <= high && high <= 1.0,
                "{dead}/{trials}: {low} ≤ {share} ≤ {high}"
            );
        }
    }
}

#[test]
fn the_wilson_interval_by_hand() {
    // 0 of 10: (0, z²/(n + z²)) = (0, 3.8415 / 13.8415).
    let (low, high) = Estimate {
        dead: 0,
        trials: 10,
    }
    .interval();
    assert_eq!(low, 0.0);
    assert!((high - 0.277_532).abs() < 1e-6, "{high}");
    // 50 of 100: centred on ½, half-width z·√(¼/n + z²/4n²)/(1 + z²/n) ≈ 0.0962.
    let (low, high) = Estimate {
        dead: 50,
        trials: 100,
    }
    .interval();
    assert!((low - 0.403_831).abs() < 1e-6, "{low}");
    assert!((high - 0.596_169).abs() < 1e-6, "{high}");
}

#[test]
fn nothing_tried_knows_nothing() {
    let estimate = Estimate { dead: 0, trials: 0 };
    assert!(estimate.share().is_nan());
    assert_eq!(estimate.interval(), (0.0, 1.0));
}

fn share(width: u32, depth: u32, init: Init, bias_init: f32, trials: u32, seed: u64) -> Estimate {
    monte_carlo(width, depth, init, bias_init, trials, seed).expect("valid arguments")
}

#[test]
fn monte_carlo_is_deterministic_for_a_seed() {
    let first = share(4, 4, Init::He, 0.0, 500, 7);
    assert_eq!(first, share(4, 4, Init::He, 0.0, 500, 7));
    assert_eq!(first.trials, 500);
    // Another seed draws other networks: over four seeds the counts are not all equal.
    let counts: Vec<u32> = (8..12)
        .map(|seed| share(4, 4, Init::He, 0.0, 500, seed).dead)
        .collect();
    assert!(
        counts.iter().any(|&c| c != first.dead),
        "{first:?} {counts:?}"
    );
}

#[test]
fn a_survey_run_in_batches_counts_what_one_run_counts() {
    let whole = share(2, 5, Init::Xavier, 0.0, 700, 42);
    let mut survey = MonteCarlo::new(2, 5, Init::Xavier, 0.0, 42).expect("valid arguments");
    assert_eq!(survey.estimate(), Estimate { dead: 0, trials: 0 });
    for batch in [1, 99, 300, 0, 300] {
        survey.run(batch);
    }
    assert_eq!(survey.estimate(), whole);
}

#[test]
fn narrow_deep_nets_are_often_born_dead() {
    // Width 1, zero bias: the first unit passes one side of x = 0 and each of the two later
    // units keeps it with chance ½, so 1 − ¼ = ¾ of the networks are constant over [−1, 1].
    let estimate = share(1, 3, Init::He, 0.0, 4000, 1);
    let (low, high) = estimate.interval();
    assert!(low <= 0.75 && 0.75 <= high, "{estimate:?}: ({low}, {high})");
    assert!(
        (estimate.share() - 0.75).abs() < 0.03,
        "{}",
        estimate.share()
    );
    // And the closed form for one input says 1 − ⅛.
    assert_eq!(closed_form(1, 3), 0.875);
}

#[test]
fn width_one_depth_one_is_never_dead_over_the_range() {
    // The one-input chance is ½, but the unit is on for one sign of x whatever its weight.
    assert_eq!(share(1, 1, Init::He, 0.0, 1000, 3).dead, 0);
}

#[test]
fn a_wide_single_layer_is_never_born_dead() {
    for init in [
        Init::He,
        Init::Xavier,
        Init::Uniform,
        Init::Normal { std: 0.1 },
    ] {
        assert_eq!(share(32, 1, init, 0.0, 1000, 5).dead, 0, "{init:?}");
    }
}

#[test]
fn two_layers_of_two_match_their_derivation() {
    // Width 2, depth 2, zero bias. With chance ½ the first layer's weights have one sign, and
    // one side of x = 0 is already off; the other side then dies in layer 2 with chance ¼. With
    // chance ½ each side has one unit, and each dies in layer 2 with chance ¼, independently
    // (they use different columns of layer 2's weights): ½·¼ + ½·(¼)² = 5/32.
    for init in [Init::He, Init::Uniform] {
        let estimate = share(2, 2, init, 0.0, 8000, 11);
        let (low, high) = estimate.interval();
        let exact = 5.0 / 32.0;
        assert!(
            low <= exact && exact <= high,
            "{init:?} {estimate:?}: ({low}, {high})"
        );
    }
}

#[test]
fn with_zero_bias_the_scale_of_the_weights_does_not_matter() {
    // He is N(0, 2/fan_in) and Normal is N(0, std²), drawn from the same standard normals, so
    // with the same seed the networks differ by a positive factor per layer and die together.
    let he = share(3, 5, Init::He, 0.0, 1000, 21);
    assert_eq!(share(3, 5, Init::Normal { std: 0.01 }, 0.0, 1000, 21), he);
    assert_eq!(share(3, 5, Init::Normal { std: 3.0 }, 0.0, 1000, 21), he);
    // Likewise Xavier, U(−a, a), and Uniform, U(−½, ½).
    let xavier = share(3, 5, Init::Xavier, 0.0, 1000, 21);
    assert_eq!(share(3, 5, Init::Uniform, 0.0, 1000, 21), xavier);
}

#[test]
fn a_negative_bias_kills_small_weights() {
    // Weights of size 0.01 against a bias of −0.1: every first-layer unit is off for every x.
    let estimate = share(16, 2, Init::Normal { std: 0.01 }, -0.1, 200, 2);
    assert_eq!(estimate.dead, 200);
    // And a positive one keeps them on.
    assert_eq!(
        share(16, 2, Init::Normal { std: 0.01 }, 0.1, 200, 2).dead,
        0
    );
}

#[test]
fn the_monte_carlo_share_is_below_the_one_input_chance_at_zero_bias() {
    for (width, depth) in [(1, 2), (1, 5), (2, 3), (3, 4), (4, 8)] {
        let estimate = share(width, depth, Init::He, 0.0, 2000, 13);
        let (low, _) = estimate.interval();
        assert!(
            low <= closed_form(width, depth),
            "N = {width}, L = {depth}: {estimate:?}"
        );
    }
}

#[test]
fn no_trials_count_nothing() {
    assert_eq!(
        share(8, 3, Init::He, 0.0, 0, 1),
        Estimate { dead: 0, trials: 0 }
    );
}

#[test]
fn bad_arguments_are_refused_with_a_reason() {
    let refused = |width, depth, init, bias| monte_carlo(width, depth, init, bias, 10, 1);
    assert_eq!(
        refused(0, 3, Init::He, 0.0),
        Err(BornDeadError::Width { got: 0 })
    );
    assert_eq!(
        refused(65, 3, Init::He, 0.0),
        Err(BornDeadError::Width { got: 65 })
    );
    assert_eq!(
        refused(8, 0, Init::He, 0.0),
        Err(BornDeadError::Depth { got: 0 })
    );
    assert_eq!(
        refused(8, 9, Init::He, 0.0),
        Err(BornDeadError::Depth { got: 9 })
    );
    assert!(matches!(
        refused(8, 3, Init::He, f32::NAN),
        Err(BornDeadError::BiasInit { .. })
    ));
    assert!(matches!(
        refused(8, 3, Init::Normal { std: f32::INFINITY }, 0.0),
        Err(BornDeadError::Std { .. })
    ));
    let message = refused(65, 3, Init::He, 0.0).unwrap_err().to_string();
    assert_eq!(message, "width 65 is out of range; it must be from 1 to 64");
    // The edges of the ranges are accepted.
    assert!(refused(64, 8, Init::He, 0.0).is_ok());
    assert!(refused(1, 1, Init::He, 0.0).is_ok());
}

#[test]
fn two_thousand_trials_of_a_narrow_deep_net_all_run() {
    // How long they take is the benchmark's business (the page runs the survey a slice per
    // frame); here, that the count is exact and the share is a share.
    let estimate = share(8, 3, Init::He, 0.0, 2000, 99);
    assert_eq!(estimate.trials, 2000);
    assert!(estimate.dead <= estimate.trials);
}
