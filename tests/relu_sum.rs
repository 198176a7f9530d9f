//! The "sum of ReLUs" builder: targets matched exactly by the kinks they need, a smooth target
//! approached as kinks are added, and placements that leave the answer open.
#![cfg(not(target_arch = "wasm32"))]

use relu_explorer::kinks::Side;
use relu_explorer::relu_sum::*;

fn right(kink: f64) -> Unit {
    Unit {
        kink,
        side: Side::Right,
    }
}

fn left(kink: f64) -> Unit {
    Unit {
        kink,
        side: Side::Left,
    }
}

fn assert_close(got: &[f64], want: &[f64], tolerance: f64) {
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() < tolerance, "{got:?} vs {want:?}");
    }
}

#[test]
fn the_grid_and_the_targets_by_hand() {
    let grid = grid();
    assert_eq!(grid.len(), GRID_POINTS);
    assert_eq!(
        (grid[0], grid[100], grid[200], grid[300], grid[400]),
        (-2.0, -1.0, 0.0, 1.0, 2.0)
    );
    assert_eq!(grid[201], 0.01);
    assert_eq!(Target::Abs.at(-1.5), 1.5);
    assert_eq!(
        (
            Target::Hat.at(0.0),
            Target::Hat.at(0.25),
            Target::Hat.at(-1.5)
        ),
        (1.0, 0.75, 0.0)
    );
    assert_eq!(Target::Sine.at(1.0), 1.0);
    assert!(
        (Target::Sine.at(-0.5) + 0.5_f64.sqrt()).abs() < 1e-15,
        "sin(−π/4) = −√½"
    );
    assert!(Target::Sine.at(2.0).abs() < 1e-15);
    assert_eq!(Target::Hat.values().len(), GRID_POINTS);
}

#[test]
fn units_by_hand() {
    // relu(x − 0.5) and relu(−(x − 0.5)) = relu(0.5 − x).
    assert_eq!((right(0.5).at(2.0), right(0.5).at(0.0)), (1.5, 0.0));
    assert_eq!((left(0.5).at(2.0), left(0.5).at(0.0)), (0.0, 0.5));
}

#[test]
fn abs_is_two_units_at_zero() {
    // |x| = relu(x) + relu(−x): a = (1, 1), c = 0.
    let fit = fit(&[right(0.0), left(0.0)], &Target::Abs.values()).unwrap();
    assert_close(&fit.coefficients, &[1.0, 1.0], 1e-6);
    assert!(fit.constant.abs() < 1e-6);
    assert!(fit.mse < 1e-12, "{}", fit.mse);
    assert_close(&fit.curve, &Target::Abs.values(), 1e-6);
}

#[test]
fn the_hat_is_three_units() {
    // relu(x + 1) − 2relu(x) + relu(x − 1): 0 left of −1; x + 1 on [−1, 0]; x + 1 − 2x = 1 − x on
    // [0, 1]; x + 1 − 2x + x − 1 = 0 right of 1. So a = (1, −2, 1), c = 0.
    let fit = fit(
        &[right(-1.0), right(0.0), right(1.0)],
        &Target::Hat.values(),
    )
    .unwrap();
    assert_close(&fit.coefficients, &[1.0, -2.0, 1.0], 1e-6);
    assert!(fit.constant.abs() < 1e-6);
    assert!(fit.mse < 1e-12, "{}", fit.mse);
}

#[test]
fn an_exact_sum_of_relus_is_recovered() {
    let units = [right(0.5), left(-0.25), right(-1.2), left(1.7)];
    let (c, a) = (0.3, [2.0, -1.5, 0.7, -0.4]);
    let target: Vec<f64> = grid()
        .iter()
        .map(|&x| c + units.iter().zip(a).map(|(u, a)| a * u.at(x)).sum::<f64>())
        .collect();
    let fit = fit(&units, &target).unwrap();
    assert_close(&fit.coefficients, &a, 1e-6);
    assert!((fit.constant - c).abs() < 1e-6);
    assert!(fit.mse < 1e-12, "{}", fit.mse);
}

#[test]
fn no_units_fit_the_mean() {
    // On the grid Σ|x_j| = 2·(1 + … + 200)/100 = 402, so the mean of |x| is 402/401. The ridge
    // shrinks it by a factor 1/(1 + 1e-10).
    let fit = fit(&[], &Target::Abs.values()).unwrap();
    assert!(
        (fit.constant - 402.0 / 401.0).abs() < 1e-9,
        "{}",
        fit.constant
    );
    assert!(fit.coefficients.is_empty());
    // The error is then the target's variance over the grid: Σx_j²/401 − (402/401)² with
    // Σx_j² = 2·(1² + … + 200²)/100² = 2·2 686 700/10 000 = 537.34.
    let variance = 537.34 / 401.0 - (402.0_f64 / 401.0).powi(2);
    assert!(
        (fit.mse - variance).abs() < 1e-9,
        "{} vs {variance}",
        fit.mse
    );
}

#[test]
fn the_sine_error_falls_as_kinks_are_added() {
    // Each placement holds the one before, so the best error can only fall; each added kink is
    // where the sine still bends away from the last fit, so it falls clearly. (right(−2) is
    // x + 2 over the whole range: the line.)
    let order = [-2.0, -1.0, 1.0, -0.5, 0.5, -1.5, 1.5];
    let target = Target::Sine.values();
    let mut last = f64::INFINITY;
    for count in 1..=order.len() {
        let units: Vec<Unit> = order[..count].iter().map(|&k| right(k)).collect();
        let mse = fit(&units, &target).unwrap().mse;
        assert!(mse < last * 0.9, "{count} kinks: {mse} after {last}");
        last = mse;
    }
    // With kinks every ½ the fit is at least as good as the broken line through the sine at
    // −2, −1.5, …, 2, which is in the span (it does not bend at 0, where sin(πx/2) at −½, 0, ½
    // lies on one line); that line is off by at most h²/8·max|f''| = ¼/8·(π/2)² = 0.0771, so
    // the error is below 0.0771² = 0.00595.
    let interpolant: Vec<f64> = grid()
        .iter()
        .map(|&x| {
            let left_knot = ((x + 2.0) / 0.5).floor().min(7.0) * 0.5 - 2.0;
            let (y0, y1) = (Target::Sine.at(left_knot), Target::Sine.at(left_knot + 0.5));
            y0 + (y1 - y0) * (x - left_knot) / 0.5
        })
        .collect();
    let interpolant_mse = interpolant
        .iter()
        .zip(&target)
        .map(|(p, y)| (p - y) * (p - y))
        .sum::<f64>()
        / GRID_POINTS as f64;
    assert!(interpolant_mse < 0.00595);
    assert!(last <= interpolant_mse, "{last} vs {interpolant_mse}");
}

#[test]
fn identical_units_share_their_coefficient() {
    // relu(x) twice: the best sum is any a₁ + a₂ = 1; the fit takes ½ and ½.
    let target: Vec<f64> = grid().iter().map(|&x| x.max(0.0)).collect();
    let fit = fit(&[right(0.0), right(0.0)], &target).unwrap();
    assert_close(&fit.coefficients, &[0.5, 0.5], 1e-6);
    assert!(fit.mse < 1e-12, "{}", fit.mse);
}

#[test]
fn a_unit_that_is_off_everywhere_gets_zero() {
    // relu(x − 2) and relu(−(x + 2)) are 0 on the whole range: their columns are zero, so the
    // ridge's equations for them read λ·a = 0.
    let target = Target::Abs.values();
    let fit = fit(&[right(2.0), right(0.0), left(-2.0), left(0.0)], &target).unwrap();
    assert_eq!((fit.coefficients[0], fit.coefficients[2]), (0.0, 0.0));
    assert!(fit.mse < 1e-12, "{}", fit.mse);
}

#[test]
fn dependent_pairs_fit_as_well_as_their_span() {
    // relu(x − 1) − relu(1 − x) = x − 1 and relu(x) − relu(−x) = x differ by a constant, so
    // {1, relu(±x), relu(±(x − 1))} spans no more than {1, relu(±x), relu(x − 1)}: the errors
    // are the same, the system singular without the ridge.
    let target = Target::Sine.values();
    let four = fit(&[right(0.0), left(0.0), right(1.0), left(1.0)], &target).unwrap();
    let three = fit(&[right(0.0), left(0.0), right(1.0)], &target).unwrap();
    assert!(four.coefficients.iter().all(|a| a.is_finite()));
    assert!(
        (four.mse - three.mse).abs() < 1e-9,
        "{} vs {}",
        four.mse,
        three.mse
    );
}

#[test]
fn bad_arguments_are_refused() {
    let target = Target::Hat.values();
    let units = vec![right(0.0); MAX_UNITS + 1];
    assert_eq!(fit(&units, &target), Err(BuilderError::Units { got: 13 }));
    assert!(fit(&units[..MAX_UNITS], &target).is_ok());
    for kink in [f64::NAN, 2.5, -2.000_001, f64::INFINITY, f64::NEG_INFINITY] {
        assert!(
            matches!(
                fit(&[right(0.0), left(kink)], &target),
                Err(BuilderError::Kink { index: 1, .. })
            ),
            "{kink}"
        );
    }
    assert_eq!(
        fit(&[], &target[1..]),
        Err(BuilderError::TargetLength { got: 400 })
    );
    let mut bad = target.clone();
    bad[7] = f64::NAN;
    assert_eq!(fit(&[], &bad), Err(BuilderError::TargetValue { index: 7 }));
    for value in [f64::INFINITY, -f64::MAX, 1.000_001e6] {
        bad[7] = value;
        assert_eq!(fit(&[], &bad), Err(BuilderError::TargetValue { index: 7 }));
    }
    bad[7] = -MAX_TARGET;
    assert!(fit(&[], &bad).is_ok());
    let text = BuilderError::TargetValue { index: 7 }.to_string();
    assert!(text.contains("7") && text.contains("1000000"), "{text}");
    let text = BuilderError::Kink { index: 1, got: 2.5 }.to_string();
    assert!(text.contains("2.5") && text.contains("-2"), "{text}");
}
