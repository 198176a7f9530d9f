//! "Not zero-centred": the descent paths over the two-weight unit's loss, by hand and over seeds:
//! the zig-zag of positive inputs, the learning rate centring allows, arrival and divergence.
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
fn bad_descents_are_refused() {
    let dataset = by_hand();
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
