//! The lab's core: tasks, presets that tell their stories, bounded history, divergence, and
//! switching activation mid-run.
#![cfg(not(target_arch = "wasm32"))]

use relu_explorer::lab::*;
use relu_explorer::state::State;

fn dead_count(lab: &Lab) -> usize {
    lab.dead().iter().filter(|d| **d).count()
}

fn train(lab: &mut Lab, steps: u32) {
    for _ in 0..steps / 20 {
        lab.advance(20);
        lab.census();
    }
}

#[test]
fn tasks_and_data() {
    let (xs, ys) = dataset(Task::Abs, 5);
    assert_eq!(xs, vec![-1.0, -0.5, 0.0, 0.5, 1.0]);
    assert_eq!(ys, vec![1.0, 0.5, 0.0, 0.5, 1.0]);
    assert_eq!(Task::Step.target(-0.01), 0.0);
    assert_eq!(Task::Step.target(0.0), 1.0);
    assert_eq!(Task::Zigzag.target(-1.0), 0.0);
    assert_eq!(Task::Zigzag.target(-0.5), 1.0);
    assert_eq!(Task::Zigzag.target(0.0), 0.0);
    assert_eq!(Task::Zigzag.target(0.75), 0.5);
    assert!((Task::Sin.target(0.5) - 1.0).abs() < 1e-6);
    for task in Task::ALL {
        assert_eq!(Task::from_key(task.key()), Some(task));
    }
}

#[test]
fn healthy_preset_keeps_its_units_and_learns() {
    let mut lab = Lab::new(Preset::Healthy.settings()).unwrap();
    train(&mut lab, 2000);
    assert_eq!(dead_count(&lab), 0);
    assert!(lab.last_loss().unwrap() < 0.01, "{:?}", lab.last_loss());
}

#[test]
fn high_learning_rate_kills_most_units_for_good() {
    let mut lab = Lab::new(Preset::HighLearningRate.settings()).unwrap();
    assert_eq!(dead_count(&lab), 0, "alive at the start");
    train(&mut lab, 400);
    let early = dead_count(&lab);
    assert!(early > 8, "{early} of 16 dead after the first big steps");
    train(&mut lab, 2000);
    assert!(dead_count(&lab) >= early, "dead ReLU units never come back");
    assert_eq!(
        lab.state(),
        RunState::Paused,
        "it stalls, it does not diverge"
    );
}

#[test]
fn negative_bias_init_starts_with_dead_units() {
    let lab = Lab::new(Preset::NegativeBias.settings()).unwrap();
    assert!(dead_count(&lab) >= 6, "{} dead at step 0", dead_count(&lab));
}

#[test]
fn leaky_relu_units_come_back() {
    let mut relu = Lab::new(Preset::HighLearningRate.settings()).unwrap();
    let mut leaky = Lab::new(Preset::LeakyRescue.settings()).unwrap();
    let mut counts = Vec::new();
    for _ in 0..150 {
        relu.advance(20);
        relu.census();
        leaky.advance(20);
        leaky.census();
        counts.push(dead_count(&leaky));
    }
    let fell = counts.windows(2).any(|w| w[1] < w[0]);
    assert!(fell, "some units below zero climbed back: {counts:?}");
    assert!(dead_count(&leaky) < dead_count(&relu));
}

#[test]
fn narrow_deep_nets_are_born_dead_with_a_flat_output() {
    let mut lab = Lab::new(Preset::NarrowDeep.settings()).unwrap();
    let grid: Vec<f32> = (0..33).map(|i| -1.0 + i as f32 / 16.0).collect();
    let before = lab.predict(&grid);
    assert!(
        before.iter().all(|y| y.to_bits() == before[0].to_bits()),
        "constant output"
    );
    let shares = lab.dead_share();
    assert!(shares.contains(&1.0), "a whole layer is dead: {shares:?}");
}

#[test]
fn switching_to_leaky_keeps_the_weights_and_revives_learning() {
    let settings = Preset::HighLearningRate.settings();
    let mut lab = Lab::new(settings).unwrap();
    train(&mut lab, 400);
    let stuck = lab.last_loss().unwrap();
    let grid: Vec<f32> = (0..17).map(|i| -1.0 + i as f32 / 8.0).collect();
    let relu_curves = lab.first_layer_curves(&grid);
    lab.retune(LabSettings {
        leaky_slope: Some(0.1),
        learning_rate: 0.05,
        ..settings
    });
    assert_eq!(lab.step(), 400, "the run goes on");
    // Same weights: every unit above zero has the same activation as before.
    let leaky_curves = lab.first_layer_curves(&grid);
    for (a, b) in relu_curves
        .iter()
        .flatten()
        .zip(leaky_curves.iter().flatten())
    {
        if *a > 0.0 {
            assert_eq!(a.to_bits(), b.to_bits());
        }
    }
    train(&mut lab, 3000);
    let resumed = lab.last_loss().unwrap();
    assert!(
        resumed < stuck / 2.0,
        "learning resumed: {stuck} then {resumed}"
    );
}

#[test]
fn divergence_stops_the_run_and_keeps_nan_out_of_the_history() {
    let mut lab = Lab::new(LabSettings {
        learning_rate: 3.0,
        init: InitChoice::Normal,
        width: 64,
        depth: 3,
        ..LabSettings::default()
    })
    .unwrap();
    lab.set_running(true);
    train(&mut lab, 2000);
    assert_eq!(lab.state(), RunState::Diverged);
    assert!(lab
        .loss_history()
        .points()
        .iter()
        .all(|(_, v)| v.is_finite()));
    lab.set_running(true);
    assert_eq!(
        lab.state(),
        RunState::Diverged,
        "play cannot resume a diverged run"
    );
    assert_eq!(lab.advance(10), 0);
}

#[test]
fn a_fresh_run_charts_step_zero_and_the_first_step_keeps_it_as_autograd_computes_it() {
    let settings = LabSettings::default();
    let mut lab = Lab::new(settings).unwrap();
    // Before training: one point at step 0 on each chart, the loss by hand from the prediction.
    let inputs = lab.inputs().to_vec();
    let prediction = lab.predict(&inputs);
    let by_hand = prediction
        .iter()
        .zip(lab.targets())
        .map(|(p, t)| f64::from(p - t).powi(2))
        .sum::<f64>()
        / lab.targets().len() as f64;
    let start = lab.loss_history().points();
    assert_eq!(start.len(), 1);
    assert_eq!(start[0].0, 0);
    assert!(
        (f64::from(start[0].1) - by_hand).abs() <= 1e-6 * by_hand,
        "{start:?} {by_hand}"
    );
    assert!(lab
        .dead_history()
        .iter()
        .all(|h| h.points().len() == 1 && h.points()[0].0 == 0));
    // The first step records step 0's loss again (train_step's, the loss before the update):
    // it replaces the first, rather than adding a second point at step 0.
    lab.set_running(true);
    assert_eq!(lab.advance(1), 1);
    let first = lab.last_loss().unwrap();
    assert_eq!(lab.loss_history().points(), [(0, first)]);
    assert!((f64::from(first) - by_hand).abs() <= 1e-6 * by_hand);
}

#[test]
fn a_value_at_the_latest_step_replaces_it() {
    let mut history = History::default();
    history.record(0, 1.0);
    history.record(0, 2.0);
    history.record(1, 3.0);
    history.record(1, 4.0);
    assert_eq!(history.points(), [(0, 2.0), (1, 4.0)]);
}

#[test]
fn history_stays_bounded_and_keeps_its_span() {
    let mut history = History::default();
    for step in 0..100_000u64 {
        history.record(step, step as f32);
    }
    let points = history.points();
    assert!(points.len() <= HISTORY_CAPACITY);
    assert!(points.len() >= HISTORY_CAPACITY / 2);
    assert_eq!(points[0], (0, 0.0));
    assert!(points.last().unwrap().0 > 99_000, "covers the whole run");
    assert!(points.windows(2).all(|w| w[0].0 < w[1].0));
}

#[test]
fn lab_settings_round_trip_through_the_hash() {
    let state = State {
        lab: LabSettings {
            leaky_slope: Some(0.2),
            learning_rate: 0.3,
            init: InitChoice::Xavier,
            bias_init: -1.5,
            width: 32,
            depth: 2,
            task: Task::Zigzag,
            points: 128,
            seed: 42,
            steps_per_frame: 200,
        },
        ..State::default()
    };
    let (back, problems) = State::from_hash(&state.to_hash());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(back, state);
    let (bad, problems) = State::from_hash("width=0&lr=abc&depth=9&task=cube&seed=1.5");
    assert_eq!(bad.lab, LabSettings::default());
    assert_eq!(problems.len(), 5, "{problems:?}");
}

#[test]
fn every_preset_builds_and_round_trips_its_key() {
    for preset in Preset::ALL {
        assert_eq!(Preset::from_key(preset.key()), Some(preset));
        let lab = Lab::new(preset.settings()).unwrap();
        assert_eq!(lab.step(), 0);
    }
}

/// The slope of the prediction over [a, b], in f64 from the network's f32 outputs.
fn slope(lab: &mut Lab, a: f32, b: f32) -> f64 {
    let ys = lab.predict(&[a, b]);
    (f64::from(ys[1]) - f64::from(ys[0])) / (f64::from(b) - f64::from(a))
}

/// The bends are where the prediction bends, checked against the network's own outputs rather
/// than the walk that found them: straight between consecutive bends (the slope over each
/// piece's left and right halves agree) and bent at each (the slopes just either side differ).
#[test]
fn the_prediction_is_straight_between_bends_and_bends_at_each() {
    for preset in [Preset::Healthy, Preset::NarrowDeep, Preset::LeakyRescue] {
        let mut lab = Lab::new(preset.settings()).unwrap();
        lab.set_running(true);
        train(&mut lab, 200);
        let bends = lab.bends().expect("a healthy run's kinks can be found");
        assert!(
            !bends.is_empty(),
            "{preset:?}: a trained net bends somewhere"
        );
        let mut edges = vec![-1.0_f32];
        edges.extend(bends.iter().map(|b| b.x));
        edges.push(1.0);
        for piece in edges.windows(2) {
            let (a, b) = (piece[0], piece[1]);
            assert!(a < b, "{preset:?}: bends go left to right, one per x");
            if b - a < 1e-3 {
                continue;
            }
            let (left, right) = (a + (b - a) * 0.1, b - (b - a) * 0.1);
            let middle = (left + right) / 2.0;
            let (s1, s2) = (
                slope(&mut lab, left, middle),
                slope(&mut lab, middle, right),
            );
            assert!(
                (s1 - s2).abs() <= 1e-3 * (1.0 + s1.abs()),
                "{preset:?}: not straight on ({a}, {b}): {s1} then {s2}"
            );
        }
        for bend in &bends {
            let h = 1e-3;
            let (before, after) = (
                slope(&mut lab, bend.x - 2.0 * h, bend.x - h),
                slope(&mut lab, bend.x + h, bend.x + 2.0 * h),
            );
            // Neighbouring bends closer than the probe would blur the slopes: skip those.
            let alone = bends
                .iter()
                .all(|o| o.x == bend.x || (o.x - bend.x).abs() > 3.0 * h);
            if alone && bend.first_layer && lab.settings().depth == 1 {
                assert!(
                    (before - after).abs() > 1e-4,
                    "{preset:?}: no bend at {}: {before} either side",
                    bend.x
                );
            }
        }
    }
}

/// With one hidden layer every bend is a first-layer unit's x = −b/w, and a unit dead on the
/// whole interval adds none. With biases at −1 (the negative-bias preset's start) a unit is
/// alive on [−1, 1] exactly when |w| > 1, which also puts its kink 1/w inside (−1, 1): the
/// kinks are as many as the live units. With biases at 0 (healthy) every unit switches at 0.
#[test]
fn dead_units_add_no_kinks() {
    let negative = Lab::new(Preset::NegativeBias.settings()).unwrap();
    let bends = negative.bends().unwrap();
    let width = negative.settings().width;
    let alive = width - dead_count(&negative);
    assert!(alive > 0 && alive < width, "{alive} of {width} alive");
    assert_eq!(bends.len(), alive);
    assert!(bends.iter().all(|b| b.first_layer && b.x.abs() < 1.0));

    let healthy = Lab::new(Preset::Healthy.settings()).unwrap();
    let bends = healthy.bends().unwrap();
    assert_eq!(bends.len(), 1);
    assert_eq!(bends[0].x, 0.0);
    assert!(bends[0].first_layer);
}

/// A run that diverged has no kink at a NaN or infinite place: either its kinks are found
/// (finite parameters) at finite x inside (−1, 1), or none are shown.
#[test]
fn a_diverged_run_never_shows_a_kink_out_of_place() {
    let mut lab = Lab::new(LabSettings {
        learning_rate: 3.0,
        init: InitChoice::Normal,
        width: 64,
        depth: 3,
        ..LabSettings::default()
    })
    .unwrap();
    lab.set_running(true);
    train(&mut lab, 2000);
    assert_eq!(lab.state(), RunState::Diverged);
    if let Some(bends) = lab.bends() {
        assert!(bends.iter().all(|b| b.x.is_finite() && b.x.abs() < 1.0));
    }
}
