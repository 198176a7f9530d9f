//! "Not zero-centred": the two-weight unit's loss, gradient, minimum and curvatures by hand and
//! by finite differences, and the descent paths that show the zig-zag.
#![cfg(not(target_arch = "wasm32"))]

use relu_explorer::zigzag::*;

/// Two examples small enough to follow by hand: x = (½, ¼) → ¼ and x = (¼, ½) → −¼, both
/// made by w* = (1, −1) without noise.
fn by_hand() -> Dataset {
    Dataset::from_examples(&[[0.5, 0.25], [0.25, 0.5]], &[0.25, -0.25]).unwrap()
}

fn descent(schedule: Schedule, learning_rate: f64, steps: usize) -> Descent {
    Descent {
        start: [0.0, 0.0],
        learning_rate,
        steps,
        schedule,
        tolerance: 0.1,
    }
}

fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

fn final_distance(path: &Path) -> f64 {
    distance(*path.points.last().unwrap(), path.minimum)
}

#[test]
fn two_per_example_steps_by_hand() {
    let path = descend(&by_hand(), &descent(Schedule::PerExample, 0.5, 2)).unwrap();
    // Start (0, 0): both residuals are ∓¼, L = ½ · mean(¼², ¼²) = 1/32.
    // Step 1, example (½, ¼) → ¼: δ = 0 − ¼ = −¼, gradient δx = (−⅛, −1/16),
    //   update −0.5 · δx = (1/16, 1/32): both weights up.
    // Step 2, example (¼, ½) → −¼: w·x = 1/64 + 1/64 = 1/32, δ = 1/32 + ¼ = 9/32,
    //   gradient (9/128, 9/64), update (−9/256, −9/128): both down, against step 1.
    //   w = (1/16 − 9/256, 1/32 − 9/128) = (7/256, −5/128).
    // Losses: at (1/16, 1/32) the residuals are 5/128 − ¼ = −27/128 and 1/32 + ¼ = 9/32,
    //   L = ¼ · ((27/128)² + (36/128)²) = ¼ · (729 + 1296)/16384 = 2025/65536; at (7/256, −5/128)
    //   they are 1/256 − ¼ = −252/1024 and −13/1024 + ¼ = 243/1024,
    //   L = ¼ · (63504 + 59049)/1048576 = 122553/4194304. Every number is exact in binary.
    assert_eq!(
        path.points,
        vec![
            [0.0, 0.0],
            [1.0 / 16.0, 1.0 / 32.0],
            [7.0 / 256.0, -5.0 / 128.0]
        ]
    );
    assert_eq!(
        path.losses,
        vec![1.0 / 32.0, 2025.0 / 65536.0, 122_553.0 / 4_194_304.0]
    );
    assert_eq!(path.same_sign_steps, 2);
    assert_eq!(path.reversals, 1);
    assert_eq!(path.steps_to_tolerance, None);
    assert_eq!(path.diverged_at, None);
}

#[test]
fn one_full_batch_step_by_hand() {
    let dataset = by_hand();
    // At (0, 0), δ = −¼ for (½, ¼) and +¼ for (¼, ½): the gradient is
    // ½ · (−¼·(½, ¼) + ¼·(¼, ½)) = ½ · (−1/16, 1/16) = (−1/32, 1/32).
    assert_eq!(dataset.gradient([0.0, 0.0]), [-1.0 / 32.0, 1.0 / 32.0]);
    let path = descend(&dataset, &descent(Schedule::FullBatch, 0.5, 1)).unwrap();
    // Update −0.5 · (−1/32, 1/32): w₁ up and w₂ down, so not the same sign.
    assert_eq!(path.points[1], [1.0 / 64.0, -1.0 / 64.0]);
    assert_eq!(path.same_sign_steps, 0);
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
fn positive_inputs_move_both_weights_the_same_way_at_every_step() {
    let dataset = Dataset::new(Inputs::Positive, 32, 0.1, 1).unwrap();
    let path = descend(&dataset, &descent(Schedule::PerExample, 1.0, 320)).unwrap();
    assert_eq!(path.points.len(), 321);
    assert_eq!(path.same_sign_steps, 320);
    // Read from the path itself, and checked against the sign of the step's residual: a
    // residual above 0 moves both weights down.
    for (t, pair) in path.points.windows(2).enumerate() {
        let (w, next) = (pair[0], pair[1]);
        let x = dataset.inputs()[t % 32];
        let delta = w[0] * x[0] + w[1] * x[1] - dataset.targets()[t % 32];
        let moves = [next[0] - w[0], next[1] - w[1]];
        assert!(
            moves
                .iter()
                .all(|m| m.signum() == -delta.signum() && *m != 0.0),
            "step {}: δ = {delta}, moves {moves:?}",
            t + 1
        );
    }
}

#[test]
fn centred_inputs_move_the_weights_apart_at_many_steps() {
    let dataset = Dataset::new(Inputs::Centred, 32, 0.1, 1).unwrap();
    let path = descend(&dataset, &descent(Schedule::PerExample, 1.0, 320)).unwrap();
    // A centred input has coordinates of opposite signs about half the time.
    assert!(path.same_sign_steps <= 240, "{}", path.same_sign_steps);
}

#[test]
fn positive_inputs_turn_back_more_often() {
    // A positive input's step points along ±x, all within 90° of (1, 1), so a step turns back
    // whenever δ changes sign; centred inputs' steps point every way. Measured over 200 seeds
    // at rate 1: 36 reversals in 64 steps against 18.
    let (mut positive, mut centred) = (0, 0);
    for seed in 0..50 {
        let settings = descent(Schedule::PerExample, 1.0, 64);
        let data = |inputs| Dataset::new(inputs, 32, 0.0, seed).unwrap();
        positive += descend(&data(Inputs::Positive), &settings)
            .unwrap()
            .reversals;
        centred += descend(&data(Inputs::Centred), &settings)
            .unwrap()
            .reversals;
    }
    assert!(2 * positive > 3 * centred, "{positive} against {centred}");
}

#[test]
fn at_a_rate_centred_inputs_take_in_their_stride_positive_ones_zigzag_wider() {
    // Measured over 200 seeds: every centred run within 10⁻⁴, and the smallest ratio 15.
    let mut ratios = Vec::new();
    for seed in 0..50 {
        let positive = Dataset::new(Inputs::Positive, 32, 0.0, seed).unwrap();
        let centred = Dataset::new(Inputs::Centred, 32, 0.0, seed).unwrap();
        let settings = descent(Schedule::PerExample, 3.0, 64);
        let (p, c) = (
            descend(&positive, &settings).unwrap(),
            descend(&centred, &settings).unwrap(),
        );
        assert!(p.diverged_at.is_none() && c.diverged_at.is_none());
        assert!(
            final_distance(&c) < 1e-3,
            "seed {seed}: {}",
            final_distance(&c)
        );
        assert!(c.steps_to_tolerance.is_some());
        let ratio = final_distance(&p) / final_distance(&c);
        assert!(ratio > 10.0, "seed {seed}: {ratio}");
        ratios.push(final_distance(&p));
    }
    // The positive runs do not merely converge more slowly: most end farther than they began
    // (√2 from the minimum).
    ratios.sort_by(f64::total_cmp);
    assert!(ratios[25] > 2.0_f64.sqrt(), "median {}", ratios[25]);
}

#[test]
fn full_batch_zigzags_across_the_valley_below_the_stable_rate_and_diverges_above() {
    for seed in 0..10 {
        let positive = Dataset::new(Inputs::Positive, 32, 0.1, seed).unwrap();
        let centred = Dataset::new(Inputs::Centred, 32, 0.1, seed).unwrap();
        let limit = positive.max_stable_rate();
        let start = distance([0.0, 0.0], positive.minimum());
        // At 0.95 of the limit the steep side's factor is |1 − 1.9| = 0.9 a step: the path
        // crosses the valley at every step and closes in.
        let below = descent(Schedule::FullBatch, 0.95 * limit, 200);
        let path = descend(&positive, &below).unwrap();
        assert!(final_distance(&path) < 0.01 * start, "seed {seed}");
        assert!(path.reversals >= 150, "seed {seed}: {}", path.reversals);
        // The centred valley is round, its curvatures under a third of the positive's largest
        // (1/12 against 7/12), so at that rate every step falls short and none reverses.
        let path = descend(&centred, &below).unwrap();
        assert_eq!(path.reversals, 0, "seed {seed}");
        assert!(final_distance(&path) < 1e-6, "seed {seed}");
        // At 1.05 of it the steep side grows by 1.1 a step.
        let above = descent(Schedule::FullBatch, 1.05 * limit, 300);
        let path = descend(&positive, &above).unwrap();
        assert!(final_distance(&path) > 100.0 * start, "seed {seed}");
        assert!(descend(&centred, &above)
            .unwrap()
            .steps_to_tolerance
            .is_some());
    }
}

#[test]
fn arrival_is_the_first_point_within_tolerance() {
    let dataset = Dataset::new(Inputs::Centred, 32, 0.0, 4).unwrap();
    let mut settings = descent(Schedule::FullBatch, 4.0, 100);
    settings.tolerance = 0.05;
    let path = descend(&dataset, &settings).unwrap();
    let first = path.steps_to_tolerance.unwrap();
    assert!(distance(path.points[first], path.minimum) <= 0.05);
    assert!(path.points[..first]
        .iter()
        .all(|&w| distance(w, path.minimum) > 0.05));
    settings.start = path.minimum;
    assert_eq!(
        descend(&dataset, &settings).unwrap().steps_to_tolerance,
        Some(0)
    );
}

#[test]
fn a_diverging_descent_stops_at_its_first_non_finite_step() {
    let dataset = Dataset::new(Inputs::Positive, 16, 0.1, 2).unwrap();
    let mut settings = descent(Schedule::FullBatch, 1e300, 50);
    settings.start = [1.0, 1.0];
    let path = descend(&dataset, &settings).unwrap();
    assert_eq!(path.diverged_at, Some(1));
    assert_eq!(path.points, vec![[1.0, 1.0]]);
    // At three times the stable rate the zig-zag grows until it overflows; everything kept
    // before that is finite.
    settings.learning_rate = 3.0 * dataset.max_stable_rate();
    settings.schedule = Schedule::PerExample;
    settings.steps = MAX_STEPS;
    let path = descend(&dataset, &settings).unwrap();
    let at = path.diverged_at.unwrap();
    assert!(at > 1);
    assert_eq!(path.points.len(), at);
    assert_eq!(path.losses.len(), at);
    assert!(path.points.iter().flatten().all(|w| w.is_finite()));
    assert!(path.losses.iter().all(|l| l.is_finite()));
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
fn bad_arguments_are_refused() {
    assert_eq!(
        Dataset::new(Inputs::Positive, 1, 0.0, 0),
        Err(ZigzagError::Examples { got: 1 })
    );
    assert_eq!(
        Dataset::new(Inputs::Centred, 257, 0.0, 0),
        Err(ZigzagError::Examples { got: 257 })
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

    let fine = descent(Schedule::PerExample, 0.5, 10);
    let refused = |change: fn(&mut Descent)| {
        let mut settings = fine;
        change(&mut settings);
        descend(&dataset, &settings).unwrap_err()
    };
    assert_eq!(refused(|d| d.start = [f64::NAN, 0.0]), ZigzagError::Start);
    assert_eq!(
        refused(|d| d.start = [0.0, f64::NEG_INFINITY]),
        ZigzagError::Start
    );
    for rate in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        let mut settings = fine;
        settings.learning_rate = rate;
        assert!(matches!(
            descend(&dataset, &settings),
            Err(ZigzagError::LearningRate { .. })
        ));
    }
    assert_eq!(
        refused(|d| d.steps = MAX_STEPS + 1),
        ZigzagError::Steps { got: MAX_STEPS + 1 }
    );
    for tolerance in [-1.0, f64::NAN, f64::INFINITY] {
        let mut settings = fine;
        settings.tolerance = tolerance;
        assert!(matches!(
            descend(&dataset, &settings),
            Err(ZigzagError::Tolerance { .. })
        ));
    }
    assert!(
        descend(&dataset, &descent(Schedule::FullBatch, 0.5, 0)).is_ok_and(|p| p.points.len() == 1)
    );
}

#[test]
fn every_error_says_what_was_wrong() {
    let messages = [
        (ZigzagError::Examples { got: 300 }, "300 examples"),
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
