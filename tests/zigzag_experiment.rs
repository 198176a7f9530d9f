//! "Not zero-centred" as the page runs it: the two runs its settings make, and the measures its
//! table shows (steps taken, distance to the minimum at the end, the share of steps that moved
//! both weights the same way).
#![cfg(not(target_arch = "wasm32"))]

use relu_explorer::zigzag::*;

fn per_example(learning_rate: f64, steps: usize) -> Descent {
    Descent {
        start: START,
        learning_rate,
        steps,
        schedule: Schedule::PerExample,
        tolerance: 0.0,
    }
}

#[test]
fn the_measures_of_two_steps_by_hand() {
    // tests/zigzag_path.rs follows these two steps by hand: both move both weights the same
    // way, and they end at (7/256, −5/128), the minimum being (1, −1).
    let dataset = Dataset::from_examples(&[[0.5, 0.25], [0.25, 0.5]], &[0.25, -0.25]).unwrap();
    let path = descend(&dataset, &per_example(0.5, 2)).unwrap();
    assert_eq!(path.steps_taken(), 2);
    assert_eq!(path.same_sign_share(), Some(1.0));
    let expected = (1.0 - 7.0 / 256.0_f64).hypot(-1.0 + 5.0 / 128.0);
    assert!((path.final_distance() - expected).abs() < 1e-12);
    // No step at all: the share of none is not a number to show.
    let still = descend(&dataset, &per_example(0.5, 0)).unwrap();
    assert_eq!(still.steps_taken(), 0);
    assert_eq!(still.same_sign_share(), None);
    assert!((still.final_distance() - 2.0_f64.sqrt()).abs() < 1e-12);
}

#[test]
fn a_run_that_overflows_at_its_first_step_has_taken_none() {
    // δ = −10⁵⁰ moves both weights to 10¹¹⁰, where w·x = 2·10¹⁶⁰, whose square overflows.
    let huge = Dataset::from_examples(&[[1e50, 1e50], [1e50, -1e50]], &[1e50, 1e50]).unwrap();
    let path = descend(&huge, &per_example(1e10, 10)).unwrap();
    assert_eq!(path.diverged_at, Some(1));
    assert_eq!(path.steps_taken(), 0);
    assert_eq!(path.same_sign_share(), None);
    assert!(path.final_distance().is_finite());
}

#[test]
fn the_default_runs_reach_the_minimum_and_only_the_positive_one_zig_zags() {
    let [positive, centred] = ZigzagSettings::default().runs().unwrap();
    for run in [&positive, &centred] {
        assert_eq!(run.path.steps_taken(), 64);
        assert_eq!(run.path.points[0], START);
        // No noise: the minimum is the weights the targets were made with.
        let [w1, w2] = run.dataset.minimum();
        assert!((w1 - 1.0).abs() < 1e-9 && (w2 + 1.0).abs() < 1e-9);
        assert!(
            run.path.final_distance() < 0.01,
            "{}",
            run.path.final_distance()
        );
    }
    // Every per-example step on positive inputs moves both weights the same way; on centred
    // ones only the examples whose two inputs share a sign do.
    assert_eq!(positive.path.same_sign_share(), Some(1.0));
    let share = centred.path.same_sign_share().unwrap();
    assert!((0.2..0.8).contains(&share), "{share}");
}

#[test]
fn both_runs_draw_the_same_inputs_and_differ_by_their_mean() {
    let settings = ZigzagSettings {
        seed: 7,
        ..ZigzagSettings::default()
    };
    let [positive, centred] = settings.runs().unwrap();
    let inputs = positive.dataset.inputs();
    assert_eq!(inputs.len(), EXAMPLES_SHOWN);
    assert!(inputs.iter().flatten().all(|x| *x > 0.0));
    let n = inputs.len() as f64;
    let mean = [
        inputs.iter().map(|x| x[0]).sum::<f64>() / n,
        inputs.iter().map(|x| x[1]).sum::<f64>() / n,
    ];
    for (p, c) in inputs.iter().zip(centred.dataset.inputs()) {
        assert!((p[0] - mean[0] - c[0]).abs() < 1e-15);
        assert!((p[1] - mean[1] - c[1]).abs() < 1e-15);
    }
    // Another seed, other examples.
    let [other, _] = ZigzagSettings::default().runs().unwrap();
    assert_ne!(other.dataset.inputs(), inputs);
}

#[test]
fn at_a_large_rate_the_centred_run_lands_for_every_seed_and_the_positive_one_mostly_flies_off() {
    let mut farther = 0;
    for seed in 0..50 {
        let settings = ZigzagSettings {
            rate: 3.0,
            steps: 64,
            seed,
        };
        let [positive, centred] = settings.runs().unwrap();
        let (p, c) = (
            positive.path.final_distance(),
            centred.path.final_distance(),
        );
        assert!(c < 1e-4, "seed {seed}: centred {c}");
        farther += usize::from(p > 100.0 * c);
    }
    // Per-example steps overshoot on examples whose inputs' squared length is above 2/3 at
    // rate 3; a few draws of 32 positive examples have few enough of those to converge anyway.
    // 48 of these 50 seeds fly off.
    assert!(farther >= 45, "{farther} of 50");
}

#[test]
fn every_setting_within_the_domains_makes_two_runs() {
    for rate in [*RATES.start(), 1.0, *RATES.end()] {
        for steps in [*STEP_COUNTS.start(), *STEP_COUNTS.end()] {
            for seed in [0, 1, 9_007_199_254_740_991] {
                let settings = ZigzagSettings { rate, steps, seed };
                let runs = settings.runs().unwrap();
                for run in &runs {
                    // Either every step was taken or the path stops where it overflowed.
                    let taken = run.path.steps_taken();
                    match run.path.diverged_at {
                        Some(step) => assert_eq!(taken, step - 1),
                        None => assert_eq!(taken, steps as usize),
                    }
                    assert!(run.path.points.iter().flatten().all(|w| w.is_finite()));
                }
            }
        }
    }
}
