//! "Not zero-centred": the two-weight unit's datasets, loss, gradient, minimum, curvatures and
//! loss grid, by hand, by finite differences and over seeds (the descent paths are in
//! tests/zigzag_path.rs).
#![cfg(not(target_arch = "wasm32"))]

use relu_explorer::zigzag::*;

/// Two examples small enough to follow by hand: x = (½, ¼) → ¼ and x = (¼, ½) → −¼, both
/// made by w* = (1, −1) without noise.
fn by_hand() -> Dataset {
    Dataset::from_examples(&[[0.5, 0.25], [0.25, 0.5]], &[0.25, -0.25]).unwrap()
}

fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

#[test]
fn minimum_and_curvatures_by_hand() {
    let dataset = by_hand();
    // No noise: the least-squares weights are the ones that made the targets.
    let [w1, w2] = dataset.minimum();
    assert!(
        (w1 - 1.0).abs() < 1e-15 && (w2 + 1.0).abs() < 1e-15,
        "{w1}, {w2}"
    );
    // mean(x·xᵀ) = ½ · ([[¼, ⅛], [⅛, 1/16]] + [[1/16, ⅛], [⅛, ¼]]) = [[5/32, ⅛], [⅛, 5/32]]:
    // eigenvalues 5/32 ∓ ⅛ = 1/32 (along (1, −1)) and 9/32 (along (1, 1)).
    assert_eq!(dataset.curvatures(), [1.0 / 32.0, 9.0 / 32.0]);
    assert_eq!(dataset.max_stable_rate(), 64.0 / 9.0);
    // x = (1, 1) and (1, 0): mean(x·xᵀ) = [[1, ½], [½, ½]], eigenvalues (3 ∓ √5)/4.
    let tilted = Dataset::from_examples(&[[1.0, 1.0], [1.0, 0.0]], &[0.0, 1.0]).unwrap();
    let [low, high] = tilted.curvatures();
    let root5 = 5.0_f64.sqrt();
    assert!((low - (3.0 - root5) / 4.0).abs() < 1e-15, "{low}");
    assert!((high - (3.0 + root5) / 4.0).abs() < 1e-15, "{high}");
    // Targets 0 and 1 fit exactly by w = (1, −1): 1 − 1 = 0 and 1 + 0 = 1.
    let [w1, w2] = tilted.minimum();
    assert!(
        (w1 - 1.0).abs() < 1e-15 && (w2 + 1.0).abs() < 1e-15,
        "{w1}, {w2}"
    );
}

#[test]
fn the_gradient_matches_central_differences() {
    for inputs in [Inputs::Positive, Inputs::Centred] {
        let dataset = Dataset::new(inputs, 32, 0.1, 5).unwrap();
        for w in [[0.0, 0.0], [1.5, -0.3], [-2.0, 3.0], [0.9, -1.1]] {
            let gradient = dataset.gradient(w);
            // The loss is quadratic, so central differences are exact but for rounding, about
            // 1e-16 · L / h.
            let h = 1e-5;
            for i in 0..2 {
                let (mut up, mut down) = (w, w);
                up[i] += h;
                down[i] -= h;
                let numeric = (dataset.loss(up) - dataset.loss(down)) / (2.0 * h);
                assert!(
                    (numeric - gradient[i]).abs() <= 1e-8 * (1.0 + gradient[i].abs()),
                    "{inputs:?} at {w:?}, weight {i}: {numeric} against {}",
                    gradient[i]
                );
            }
        }
    }
}

#[test]
fn the_minimum_has_zero_gradient_and_is_lowest() {
    for inputs in [Inputs::Positive, Inputs::Centred] {
        for seed in 0..10 {
            let dataset = Dataset::new(inputs, 64, 0.1, seed).unwrap();
            let minimum = dataset.minimum();
            let gradient = dataset.gradient(minimum);
            assert!(
                gradient.iter().all(|g| g.abs() < 1e-15),
                "{inputs:?}, seed {seed}: {gradient:?}"
            );
            let lowest = dataset.loss(minimum);
            for (d1, d2) in [(1e-3, 0.0), (0.0, 1e-3), (-1e-3, 1e-3), (1e-3, 1e-3)] {
                let beside = [minimum[0] + d1, minimum[1] + d2];
                assert!(dataset.loss(beside) > lowest, "{inputs:?}, seed {seed}");
            }
            // With noise of 0.1 on 64 examples the fit lands near the weights that made it.
            assert!(distance(minimum, TRUE_WEIGHTS) < 0.2, "{minimum:?}");
        }
        let exact = Dataset::new(inputs, 64, 0.0, 3).unwrap().minimum();
        assert!(distance(exact, TRUE_WEIGHTS) < 1e-13, "{exact:?}");
    }
}

#[test]
fn the_datasets_share_their_draws_and_differ_by_the_mean() {
    let positive = Dataset::new(Inputs::Positive, 100, 0.2, 9).unwrap();
    let centred = Dataset::new(Inputs::Centred, 100, 0.2, 9).unwrap();
    assert_eq!(
        positive,
        Dataset::new(Inputs::Positive, 100, 0.2, 9).unwrap()
    );
    assert!(positive
        .inputs()
        .iter()
        .flatten()
        .all(|&x| x > 0.0 && x <= 1.0));
    let mean = |data: &Dataset, i: usize| {
        data.inputs().iter().map(|x| x[i]).sum::<f64>() / data.inputs().len() as f64
    };
    let shift = [mean(&positive, 0), mean(&positive, 1)];
    // Uniform on (0, 1]: mean ½, within a few standard errors (0.29/√100).
    assert!(shift.iter().all(|m| (m - 0.5).abs() < 0.1), "{shift:?}");
    for i in 0..2 {
        assert!(mean(&centred, i).abs() < 1e-15);
    }
    let noise = |data: &Dataset, k: usize| {
        let x = data.inputs()[k];
        data.targets()[k] - (TRUE_WEIGHTS[0] * x[0] + TRUE_WEIGHTS[1] * x[1])
    };
    for k in 0..100 {
        let (p, c) = (positive.inputs()[k], centred.inputs()[k]);
        assert!((p[0] - shift[0] - c[0]).abs() < 1e-15 && (p[1] - shift[1] - c[1]).abs() < 1e-15);
        assert!((noise(&positive, k) - noise(&centred, k)).abs() < 1e-15);
    }
}

#[test]
fn uniform_inputs_make_a_valley_seven_times_steeper_across_than_along() {
    // mean(x·xᵀ) tends to [[⅓, ¼], [¼, ⅓]], curvatures 1/12 and 7/12; centred, to 1/12 twice.
    // With 256 examples each moment's standard error is under 0.02.
    let positive = Dataset::new(Inputs::Positive, 256, 0.0, 11).unwrap();
    let centred = Dataset::new(Inputs::Centred, 256, 0.0, 11).unwrap();
    let [low, high] = positive.curvatures();
    assert!((low - 1.0 / 12.0).abs() < 0.03, "{low}");
    assert!((high - 7.0 / 12.0).abs() < 0.06, "{high}");
    for c in centred.curvatures() {
        assert!((c - 1.0 / 12.0).abs() < 0.03, "{c}");
    }
    assert!(positive.max_stable_rate() < 4.0 && centred.max_stable_rate() > 15.0);
}

#[test]
fn positive_curvatures_are_at_least_the_centred_ones() {
    // Weyl: the positive Hessian is the centred one plus mean·meanᵀ, which is positive
    // semi-definite.
    for seed in 0..50 {
        let positive = Dataset::new(Inputs::Positive, 16, 0.1, seed).unwrap();
        let centred = Dataset::new(Inputs::Centred, 16, 0.1, seed).unwrap();
        let (p, c) = (positive.curvatures(), centred.curvatures());
        assert!(
            p[0] >= c[0] - 1e-15 && p[1] >= c[1] - 1e-15,
            "seed {seed}: {p:?}, {c:?}"
        );
    }
}

#[test]
fn the_grid_is_the_loss_at_its_points() {
    let dataset = Dataset::new(Inputs::Positive, 48, 0.1, 8).unwrap();
    let window = Window::around(dataset.minimum(), 2.0);
    let grid = dataset.loss_grid(window, 21).unwrap();
    assert_eq!(grid.values.len(), 21 * 21);
    assert_eq!(grid.point(0, 0), [window.w1_min, window.w2_min]);
    assert_eq!(grid.point(20, 20), [window.w1_max, window.w2_max]);
    assert_eq!(grid.point(20, 0), [window.w1_max, window.w2_min]);
    for j in 0..21 {
        for i in 0..21 {
            let direct = dataset.loss(grid.point(i, j));
            let value = grid.values[j * 21 + i];
            assert!(
                (value - direct).abs() <= 1e-12 * direct,
                "({i}, {j}): {value} against {direct}"
            );
        }
    }
    // The centre point is the minimum, the lowest value of the grid.
    let centre = grid.values[10 * 21 + 10];
    assert!(grid.values.iter().all(|&v| v >= centre));
    assert!(dataset
        .loss_grid(window, MAX_RESOLUTION)
        .is_ok_and(|g| g.values.len() == MAX_RESOLUTION * MAX_RESOLUTION));
}

#[test]
fn bad_datasets_and_grids_are_refused() {
    // Two drawn examples would do for positive inputs, but centred they are ±(x₁ − x₂)/2, on
    // one line through the origin; drawn datasets start at three for both kinds.
    for inputs in [Inputs::Positive, Inputs::Centred] {
        for count in [2, 257] {
            assert_eq!(
                Dataset::new(inputs, count, 0.0, 0),
                Err(ZigzagError::Examples {
                    got: count,
                    fewest: 3
                })
            );
        }
        for seed in 0..20 {
            assert!(Dataset::new(inputs, 3, 0.1, seed).is_ok(), "seed {seed}");
        }
    }
    assert_eq!(
        Dataset::from_examples(&[[1.0, 2.0]], &[0.0]),
        Err(ZigzagError::Examples { got: 1, fewest: 2 })
    );
    for noise in [-0.1, f64::NAN, f64::INFINITY] {
        assert!(matches!(
            Dataset::new(Inputs::Positive, 8, noise, 0),
            Err(ZigzagError::Noise { .. })
        ));
    }
    assert_eq!(
        Dataset::from_examples(&[[1.0, 2.0], [2.0, 1.0]], &[0.0]),
        Err(ZigzagError::Lengths {
            inputs: 2,
            targets: 1
        })
    );
    assert_eq!(
        Dataset::from_examples(&[[1.0, f64::NAN], [2.0, 1.0]], &[0.0, 1.0]),
        Err(ZigzagError::ExampleValue)
    );
    assert_eq!(
        Dataset::from_examples(&[[1.0, 2.0], [2.0, 1.0]], &[0.0, f64::INFINITY]),
        Err(ZigzagError::ExampleValue)
    );
    assert_eq!(
        Dataset::from_examples(&[[1.0, 2.0], [2.0, 1e51]], &[0.0, 1.0]),
        Err(ZigzagError::ExampleValue)
    );
    // The largest allowed values keep the sums finite.
    assert!(
        Dataset::from_examples(&[[MAX_VALUE, 0.0], [0.0, -MAX_VALUE]], &[MAX_VALUE, 0.0])
            .is_ok_and(|d| d.minimum() == [1.0, 0.0])
    );
    for collinear in [[[1.0, 2.0], [2.0, 4.0]], [[0.0, 0.0], [0.0, 0.0]]] {
        assert_eq!(
            Dataset::from_examples(&collinear, &[0.0, 1.0]),
            Err(ZigzagError::Singular)
        );
    }

    let dataset = by_hand();
    let good = Window::around([0.0, 0.0], 1.0);
    for resolution in [0, 1, MAX_RESOLUTION + 1] {
        assert_eq!(
            dataset.loss_grid(good, resolution),
            Err(ZigzagError::Resolution { got: resolution })
        );
    }
    let bad_windows = [
        Window::around([0.0, 0.0], 0.0),
        Window::around([0.0, 0.0], -1.0),
        Window::around([f64::NAN, 0.0], 1.0),
        Window::around([0.0, 0.0], f64::INFINITY),
        Window::around([0.0, 0.0], 1e308),
    ];
    for window in bad_windows {
        assert_eq!(
            dataset.loss_grid(window, 3),
            Err(ZigzagError::Window),
            "{window:?}"
        );
    }
}

#[test]
fn every_error_says_what_was_wrong() {
    let messages = [
        (
            ZigzagError::Examples {
                got: 300,
                fewest: 3,
            },
            "300 examples is out of range; there must be from 3 to 256",
        ),
        (
            ZigzagError::Lengths {
                inputs: 3,
                targets: 2,
            },
            "3 inputs but 2 targets",
        ),
        (ZigzagError::ExampleValue, "from -1e50 to 1e50"),
        (ZigzagError::Singular, "one line"),
        (ZigzagError::Noise { got: -1.0 }, "noise -1"),
        (ZigzagError::Window, "window"),
        (ZigzagError::Resolution { got: 1 }, "resolution 1"),
        (ZigzagError::Start, "starting point"),
        (ZigzagError::LearningRate { got: 0.0 }, "learning rate 0"),
        (ZigzagError::Steps { got: 9999 }, "9999 steps"),
        (ZigzagError::Tolerance { got: f64::NAN }, "tolerance NaN"),
    ];
    for (error, part) in messages {
        let text = error.to_string();
        assert!(text.contains(part), "{text}");
    }
}
