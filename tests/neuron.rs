//! The single-neuron walk-through: hand-checked numbers of the healthy neuron, the step that
//! kills it, the exactly-zero gradient of the dead neuron, and the Leaky ReLU rescue.
#![cfg(not(target_arch = "wasm32"))]

use relu_explorer::activation::Activation;
use relu_explorer::neuron::*;

fn bits(pair: (f32, f32)) -> (u32, u32) {
    (pair.0.to_bits(), pair.1.to_bits())
}

#[test]
fn the_data_is_eight_evenly_spaced_inputs_with_relu_targets() {
    let xs: Vec<f32> = DATA.iter().map(|&(x, _)| x).collect();
    assert_eq!(
        xs,
        [-0.875, -0.625, -0.375, -0.125, 0.125, 0.375, 0.625, 0.875]
    );
    for &(x, y) in &DATA {
        assert_eq!(y, x.max(0.0), "target at x = {x}");
    }
}

#[test]
fn stage_1_the_healthy_forward_pass_by_hand() {
    let walk = Walkthrough::new();
    assert_eq!(walk.stage(), Stage::Healthy);
    assert_eq!(walk.stage().number(), 1);
    assert_eq!(walk.params(), (1.0, 0.25));
    assert_eq!(walk.activation(), Activation::Relu);
    assert!(walk.update().is_none());

    // z = 1·x + 0.25; the gate opens where z > 0, from x = −0.125 on.
    let z = [-0.625, -0.375, -0.125, 0.125, 0.375, 0.625, 0.875, 1.125];
    let open = [false, false, false, true, true, true, true, true];
    let a = [0.0, 0.0, 0.0, 0.125, 0.375, 0.625, 0.875, 1.125];
    for (i, row) in walk.rows().iter().enumerate() {
        assert_eq!(row.z, z[i], "z at point {i}");
        assert_eq!(row.open, open[i], "gate at point {i}");
        assert_eq!(row.a, a[i], "a at point {i}");
        assert_eq!((row.x, row.y), DATA[i]);
    }
    // a − y is 0.125 at x = −0.125 and 0.25 at the four positive inputs:
    // (0.125² + 4 · 0.25²) / 8 = (0.015625 + 0.25) / 8.
    assert_eq!(walk.loss(), 0.033203125);
}

#[test]
fn stage_2_the_healthy_backward_pass_by_hand() {
    let mut walk = Walkthrough::new();
    walk.next();
    assert_eq!(walk.stage(), Stage::Backward);
    assert_eq!(
        walk.params(),
        (1.0, 0.25),
        "the backward pass changes nothing"
    );

    // ∂L/∂a = (2/8)·(a − y); the gate passes it (×1) where z > 0 and stops it (×0) elsewhere.
    let d_a = [0.0, 0.0, 0.0, 0.03125, 0.0625, 0.0625, 0.0625, 0.0625];
    let d_gate = [0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0];
    for (i, row) in walk.rows().iter().enumerate() {
        assert_eq!(row.d_a, d_a[i], "dL/da at point {i}");
        assert_eq!(row.d_gate, d_gate[i], "gate gradient at point {i}");
        assert_eq!(row.d_z, d_a[i] * d_gate[i], "dL/dz at point {i}");
        assert_eq!(row.d_w_part, row.d_z * row.x);
        assert_eq!(row.d_b_part, row.d_z);
    }
    // ∂L/∂w = 0.03125 · (−0.125) + 0.0625 · (0.125 + 0.375 + 0.625 + 0.875) = −0.00390625 + 0.125
    // ∂L/∂b = 0.03125 + 4 · 0.0625
    assert_eq!(walk.grads(), (0.12109375, 0.28125));
}

#[test]
fn stage_3_one_big_step_pushes_every_z_below_zero() {
    let mut walk = Walkthrough::at(Stage::BigStep);
    let update = walk.update().expect("the big step").clone();
    assert_eq!(update.learning_rate, 5.0);
    assert_eq!(update.steps, 1);
    assert_eq!(update.before, (1.0, 0.25));
    assert_eq!(update.first_grads, (0.12109375, 0.28125));
    // w = 1 − 5 · 0.12109375, b = 0.25 − 5 · 0.28125
    assert_eq!(update.after, (0.39453125, -1.15625));
    assert_eq!(walk.params(), update.after);
    assert_eq!(update.first_open_step(), None);
    assert!(walk.rows().iter().all(|row| row.z <= 0.0 && !row.open));

    walk.next();
    assert_eq!(walk.stage(), Stage::Dead);
    // The largest z is at x = 0.875: 0.39453125 · 0.875 − 1.15625 = −0.81103515625, exactly
    // −3322/4096.
    let largest = walk.rows().iter().map(|row| row.z).fold(f32::MIN, f32::max);
    assert_eq!(largest, -3322.0 / 4096.0);
}

#[test]
fn stage_4_the_dead_neurons_gradient_is_exactly_zero() {
    let walk = Walkthrough::at(Stage::Dead);
    assert!(walk.update().is_none());
    for row in walk.rows() {
        assert_eq!(row.a, 0.0);
        assert!(
            row.d_a < 0.0 || row.y == 0.0,
            "the loss still asks for more"
        );
        assert_eq!(row.d_gate.to_bits(), 0, "the closed gate's gradient is +0");
        assert_eq!(row.d_z.to_bits(), 0, "dL/dz is exactly +0 at x = {}", row.x);
    }
    assert_eq!(walk.grads(), (0.0, 0.0));
    // a = 0 everywhere: the loss is the mean of y², (0.125² + 0.375² + 0.625² + 0.875²) / 8.
    assert_eq!(walk.loss(), 0.1640625);
}

#[test]
fn stage_5_more_steps_leave_the_dead_neuron_bit_identical() {
    let walk = Walkthrough::at(Stage::StillDead);
    let update = walk.update().expect("the long run");
    assert_eq!(update.steps, RUN_STEPS);
    assert_eq!(update.learning_rate, RUN_LEARNING_RATE);
    assert_eq!(update.first_grads, (0.0, 0.0));
    assert!(update.changed_nothing());
    assert_eq!(bits(walk.params()), bits((0.39453125, -1.15625)));
    assert!(update
        .trace
        .iter()
        .all(|p| bits((p.w, p.b)) == bits(update.before) && p.open == 0 && p.loss == 0.1640625));

    // At any learning rate.
    let dead = walk.neuron();
    for lr in [1e-4, 0.1, 1.0, 5.0, 1e6, 1e30] {
        let mut neuron = dead;
        for _ in 0..10 {
            let used = neuron.step(&DATA, lr);
            assert_eq!(bits((used.d_w, used.d_b)), (0, 0));
        }
        assert_eq!(bits(neuron.params()), bits(dead.params()), "lr {lr}");
    }
}

#[test]
fn stage_6_leaky_relu_gives_the_dead_neuron_a_small_nonzero_gradient() {
    let walk = Walkthrough::at(Stage::Leaky);
    assert_eq!(walk.activation(), Activation::LeakyRelu(0.01));
    assert_eq!(walk.params(), (0.39453125, -1.15625));
    assert!(walk.update().is_none());
    let (d_w, d_b) = walk.grads();
    assert!(d_b < 0.0, "the gradient asks for a larger bias: {d_b}");
    assert!(d_w != 0.0);
    assert!(d_b.abs() < 0.01, "but only a little: {d_b}");
    for row in walk.rows() {
        assert!(!row.open);
        assert_eq!(row.d_gate, 0.01);
        assert_eq!(row.a, row.z * 0.01);
        assert_eq!(row.d_z, row.d_a * 0.01);
        assert!(row.d_z < 0.0);
    }
    // By hand at the point x = 0.875: z = −3322/4096, a = 0.01·z, ∂L/∂a = 0.25·(a − 0.875).
    let last = walk.rows()[7];
    let z: f32 = -3322.0 / 4096.0;
    let a = z * 0.01;
    assert_eq!(last.a, a);
    assert_eq!(last.d_a, 0.25 * (a - 0.875));
}

#[test]
fn stage_7_the_same_run_under_leaky_relu_revives_the_neuron() {
    let walk = Walkthrough::at(Stage::Revived);
    assert!(walk.is_last());
    let update = walk.update().expect("the long run");
    assert_eq!(update.steps, RUN_STEPS);
    assert_eq!(update.learning_rate, RUN_LEARNING_RATE);
    assert_eq!(update.before, (0.39453125, -1.15625));
    assert!(!update.changed_nothing());
    let reopened = update.first_open_step().expect("a gate reopens");
    assert!(
        (50..=150).contains(&reopened),
        "reopened at step {reopened}"
    );
    assert!(walk.rows().iter().any(|row| row.z > 0.0));
    // Four of the points have positive targets; the revived neuron fits them again.
    assert_eq!(walk.pass().open_count(), 4);
    let (w, b) = walk.params();
    assert!((w - 1.0).abs() < 0.01 && b.abs() < 0.01, "w = {w}, b = {b}");
    assert!(walk.loss() < 1e-4, "loss {}", walk.loss());
    assert_eq!(update.trace.len(), RUN_STEPS as usize);
    assert_eq!(update.trace.last().map(|p| (p.w, p.b)), Some((w, b)));
}

#[test]
fn next_past_the_end_stays_and_reset_returns_to_the_start() {
    let mut walk = Walkthrough::new();
    let mut seen = vec![walk.stage()];
    for _ in 0..20 {
        walk.next();
        if seen.last() != Some(&walk.stage()) {
            seen.push(walk.stage());
        }
    }
    assert_eq!(seen, Stage::ALL);
    assert_eq!(walk.stage(), Stage::Revived);
    walk.reset();
    assert_eq!(walk, Walkthrough::new());
    walk.back();
    assert_eq!(walk.stage(), Stage::Healthy, "back at the start stays");
}

#[test]
fn every_stage_is_the_same_however_it_is_reached() {
    let mut walk = Walkthrough::new();
    for stage in Stage::ALL {
        assert_eq!(walk, Walkthrough::at(stage));
        assert_eq!(stage.number(), walk.stage().number());
        walk.next();
    }
    for stage in Stage::ALL.into_iter().rev() {
        assert_eq!(walk, Walkthrough::at(stage));
        walk.back();
    }
}

#[test]
fn stage_keys_are_distinct() {
    let mut keys: Vec<&str> = Stage::ALL.iter().map(|s| s.key()).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), Stage::ALL.len());
}

#[test]
fn a_pass_over_no_points_has_a_nan_loss_and_zero_gradient() {
    let neuron = Neuron {
        w: 1.0,
        b: 0.0,
        activation: Activation::Relu,
    };
    let pass = neuron.pass(&[]);
    assert!(pass.rows.is_empty());
    assert!(pass.loss.is_nan());
    assert_eq!((pass.d_w, pass.d_b), (0.0, 0.0));
}

#[test]
fn a_pass_matches_finite_differences_of_its_loss() {
    // Away from the kinks the loss is smooth in w and b; central differences in f64 check the
    // backward pass of both activations.
    for activation in [Activation::Relu, Activation::LeakyRelu(0.01)] {
        for (w, b) in [(1.0, 0.25), (0.39453125, -1.15625), (-0.7, 0.3)] {
            let loss = |w: f64, b: f64| -> f64 {
                DATA.iter()
                    .map(|&(x, y)| {
                        let z = w * f64::from(x) + b;
                        let a = match activation {
                            Activation::LeakyRelu(slope) if z <= 0.0 => f64::from(slope) * z,
                            _ => z.max(0.0),
                        };
                        (a - f64::from(y)).powi(2)
                    })
                    .sum::<f64>()
                    / DATA.len() as f64
            };
            let pass = Neuron { w, b, activation }.pass(&DATA);
            let (w, b) = (f64::from(w), f64::from(b));
            let h = 1e-3;
            let d_w = (loss(w + h, b) - loss(w - h, b)) / (2.0 * h);
            let d_b = (loss(w, b + h) - loss(w, b - h)) / (2.0 * h);
            assert!(
                (f64::from(pass.d_w) - d_w).abs() < 1e-4,
                "{activation:?} dw"
            );
            assert!(
                (f64::from(pass.d_b) - d_b).abs() < 1e-4,
                "{activation:?} db"
            );
        }
    }
}
