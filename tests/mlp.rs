//! The network natively: a hand-computed step, gradients of every activation against central
//! finite differences of an f64 reference, the vector kernels against a plain sample-by-sample
//! step, dead units that keep every bit, seeded initialisation and training (determinism,
//! pinned bits and distributions), every refused argument leaving the network unchanged, and a
//! property test that nothing panics.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use relu_explorer::activation::Activation;
use relu_explorer::mlp::{Init, Mlp, MlpError, MAX_LAYERS, MAX_SIZE};

/// Every parameter's bits, layer by layer: "the network" for unchanged-ness checks.
fn bits(mlp: &Mlp) -> Vec<u32> {
    (0..mlp.layer_count())
        .flat_map(|i| {
            let w = mlp.weight(i).unwrap().iter();
            w.chain(mlp.bias(i).unwrap()).map(|v| v.to_bits())
        })
        .collect()
}

/// `n` points evenly spaced on [−1, 1], as the lab's tasks use.
fn line(n: usize) -> Vec<f32> {
    (0..n)
        .map(|i| -1.0 + 2.0 * i as f32 / (n - 1) as f32)
        .collect()
}

fn sin_targets(xs: &[f32]) -> Vec<f32> {
    xs.iter()
        .map(|&x| (std::f32::consts::PI * x).sin())
        .collect()
}

const ACTIVATIONS: [Activation; 4] = [
    Activation::Relu,
    Activation::LeakyRelu(0.1),
    Activation::Sigmoid,
    Activation::Tanh,
];

#[test]
fn one_step_by_hand() {
    let mut mlp = Mlp::new(&[1, 2, 1], Activation::Relu).unwrap();
    mlp.set_layer(0, &[1.0, -1.0], &[0.0, 0.5]).unwrap();
    mlp.set_layer(1, &[2.0, 3.0], &[0.25]).unwrap();
    // z = [2, −1.5], a = [2, 0], y = 2·2 + 3·0 + 0.25.
    assert_eq!(mlp.forward(&[2.0]).unwrap(), vec![4.25]);
    assert_eq!(
        mlp.hidden_preactivations(&[2.0]).unwrap(),
        vec![vec![2.0, -1.5]]
    );
    assert_eq!(
        mlp.hidden_activations(&[2.0]).unwrap(),
        vec![vec![2.0, 0.0]]
    );
    // Loss (4.25 − 0.25)² = 16; dL/dy = 2·4 = 8; the second unit is off, so its gradient is 0.
    let loss = mlp.train_step(&[2.0], &[0.25], 0.01).unwrap();
    assert_eq!(loss, 16.0, "the loss before the update");
    assert_eq!(mlp.weight_grad(1).unwrap(), vec![16.0, 0.0]);
    assert_eq!(mlp.bias_grad(1).unwrap(), &[8.0]);
    assert_eq!(mlp.weight_grad(0).unwrap(), vec![32.0, 0.0]);
    assert_eq!(mlp.bias_grad(0).unwrap(), &[16.0, 0.0]);
    let lr = 0.01_f32;
    assert_eq!(mlp.weight(0).unwrap(), &[1.0 - lr * 32.0, -1.0]);
    assert_eq!(mlp.bias(0).unwrap(), &[0.0 - lr * 16.0, 0.5]);
    assert_eq!(mlp.weight(1).unwrap(), &[2.0 - lr * 16.0, 3.0]);
    assert_eq!(mlp.bias(1).unwrap(), &[0.25 - lr * 8.0]);
}

#[test]
fn the_loss_is_the_mean_over_every_output() {
    let mut mlp = Mlp::new(&[1, 2], Activation::Relu).unwrap();
    mlp.set_layer(0, &[1.0, 2.0], &[0.0, 0.0]).unwrap();
    // Outputs [[1, 2], [3, 6]] against zeros: (1 + 4 + 9 + 36) / 4.
    let loss = mlp.backward(&[1.0, 3.0], &[0.0; 4]).unwrap();
    assert_eq!(loss, 12.5);
    // dL/dW = Σₛ (2/4)·y·x: [0.5·(1·1 + 3·3), 0.5·(2·1 + 6·3)].
    assert_eq!(mlp.weight_grad(0).unwrap(), vec![5.0, 10.0]);
    assert_eq!(mlp.bias_grad(0).unwrap(), &[2.0, 4.0]);
    assert_eq!(
        bits(&mlp),
        bits(&{
            let mut m = Mlp::new(&[1, 2], Activation::Relu).unwrap();
            m.set_layer(0, &[1.0, 2.0], &[0.0, 0.0]).unwrap();
            m
        }),
        "backward alone changes no parameter"
    );
}

/// The network's loss in f64, from the f32 parameters, for finite differences.
fn reference_loss(
    sizes: &[usize],
    activation: Activation,
    params: &[(Vec<f64>, Vec<f64>)],
    inputs: &[f32],
    targets: &[f32],
    preactivations: &mut Vec<f64>,
) -> f64 {
    let act = |z: f64| match activation {
        Activation::Relu => z.max(0.0),
        Activation::LeakyRelu(slope) => {
            if z > 0.0 {
                z
            } else {
                z * f64::from(slope)
            }
        }
        Activation::Sigmoid => 1.0 / (1.0 + (-z).exp()),
        Activation::Tanh => z.tanh(),
    };
    let (inn, out) = (sizes[0], sizes[sizes.len() - 1]);
    let mut total = 0.0;
    for (x, t) in inputs.chunks(inn).zip(targets.chunks(out)) {
        let mut a: Vec<f64> = x.iter().map(|&v| f64::from(v)).collect();
        for (l, (w, b)) in params.iter().enumerate() {
            let z: Vec<f64> = b
                .iter()
                .enumerate()
                .map(|(o, &bo)| bo + (0..a.len()).map(|i| w[o * a.len() + i] * a[i]).sum::<f64>())
                .collect();
            if l + 1 < params.len() {
                preactivations.extend(&z);
                a = z.into_iter().map(act).collect();
            } else {
                a = z;
            }
        }
        total += a
            .iter()
            .zip(t)
            .map(|(y, &t)| (y - f64::from(t)).powi(2))
            .sum::<f64>();
    }
    total / targets.len() as f64
}

#[test]
fn gradients_of_every_activation_match_finite_differences() {
    // [2, 6, 5, 3] has a layer wider than its input and layers narrower, so both of the
    // kernels' loop orders are checked; [1, 7, 1] is the lab's shape.
    for sizes in [&[2, 6, 5, 3][..], &[1, 7, 1]] {
        for activation in ACTIVATIONS {
            let mut mlp = Mlp::new(sizes, activation).unwrap();
            mlp.initialize(Init::Xavier, 11, 0.1);
            let n = 9;
            let inputs: Vec<f32> = (0..n * sizes[0])
                .map(|k| (1.7 * k as f32 + 0.3).sin())
                .collect();
            let out = sizes[sizes.len() - 1];
            let targets: Vec<f32> = (0..n * out).map(|k| (0.9 * k as f32).cos()).collect();
            let loss = mlp.backward(&inputs, &targets).unwrap();

            let params: Vec<(Vec<f64>, Vec<f64>)> = (0..mlp.layer_count())
                .map(|i| {
                    let w = mlp.weight(i).unwrap().iter().map(|&v| f64::from(v));
                    let b = mlp.bias(i).unwrap().iter().map(|&v| f64::from(v));
                    (w.collect(), b.collect())
                })
                .collect();
            let mut zs = Vec::new();
            let exact = reference_loss(sizes, activation, &params, &inputs, &targets, &mut zs);
            assert!(
                (f64::from(loss) - exact).abs() <= 1e-6 * exact,
                "{sizes:?} {activation:?}: loss {loss} against {exact}"
            );
            // A step of h = 1e-6 moves every z by about 1e-6 at most, so it must not carry
            // any pre-activation across ReLU's kink.
            let h = 1e-6;
            let nearest_kink = zs.iter().fold(f64::INFINITY, |m, z| m.min(z.abs()));
            assert!(nearest_kink > 100.0 * h, "{sizes:?}: a z at {nearest_kink}");

            for i in 0..mlp.layer_count() {
                let analytic: Vec<f32> = mlp
                    .weight_grad(i)
                    .unwrap()
                    .iter()
                    .chain(mlp.bias_grad(i).unwrap())
                    .copied()
                    .collect();
                let scale = analytic.iter().fold(1e-3_f32, |m, g| m.max(g.abs()));
                let count = params[i].0.len() + params[i].1.len();
                for (k, &g) in analytic.iter().enumerate().take(count) {
                    let at = |delta: f64| {
                        let mut p = params.clone();
                        let (w, b) = &mut p[i];
                        let len = w.len();
                        if k < len {
                            w[k] += delta;
                        } else {
                            b[k - len] += delta;
                        }
                        reference_loss(sizes, activation, &p, &inputs, &targets, &mut Vec::new())
                    };
                    let numeric = (at(h) - at(-h)) / (2.0 * h);
                    assert!(
                        (f64::from(g) - numeric).abs() <= 1e-5 * f64::from(scale),
                        "{sizes:?} {activation:?} layer {i} parameter {k}: backward {g}, \
                         finite difference {numeric}"
                    );
                }
            }
        }
    }
}

/// A [1, 8, 1] network whose unit 3 is off on all of [−1, 1]: z = 0.5x − 3 ≤ −2.5.
fn with_dead_unit(activation: Activation) -> Mlp {
    let mut mlp = Mlp::new(&[1, 8, 1], activation).unwrap();
    mlp.initialize(Init::He, 7, 0.1);
    let mut weight = mlp.weight(0).unwrap().to_vec();
    let mut bias = mlp.bias(0).unwrap().to_vec();
    weight[3] = 0.5;
    bias[3] = -3.0;
    mlp.set_layer(0, &weight, &bias).unwrap();
    mlp
}

#[test]
fn a_dead_unit_keeps_every_bit_for_a_thousand_steps_while_the_rest_learn() {
    let xs = line(128);
    let ys = sin_targets(&xs);
    let mut mlp = with_dead_unit(Activation::Relu);
    let dead = mlp.dead_units(&xs).unwrap();
    assert!(dead[3], "unit 3 is dead: {dead:?}");
    let w_in = mlp.weight(0).unwrap()[3].to_bits();
    let b_in = mlp.bias(0).unwrap()[3].to_bits();
    let w_out = mlp.weight(1).unwrap()[3].to_bits();
    let before = mlp.weight(0).unwrap().to_vec();
    let first = mlp.train_step(&xs, &ys, 0.05).unwrap();
    let mut last = first;
    for _ in 1..1000 {
        last = mlp.train_step(&xs, &ys, 0.05).unwrap();
        assert_eq!(mlp.weight(0).unwrap()[3].to_bits(), w_in);
        assert_eq!(mlp.bias(0).unwrap()[3].to_bits(), b_in);
        // Its outgoing weight gets a·δ with a = 0: also exactly nothing.
        assert_eq!(mlp.weight(1).unwrap()[3].to_bits(), w_out);
    }
    assert_eq!(mlp.weight_grad(0).unwrap()[3].to_bits(), 0);
    assert_eq!(mlp.bias_grad(0).unwrap()[3].to_bits(), 0);
    assert!(last < first / 2.0, "the rest learn: loss {first} → {last}");
    let moved = (0..8)
        .filter(|&u| u != 3 && !dead[u])
        .all(|u| mlp.weight(0).unwrap()[u] != before[u]);
    assert!(moved, "every live unit's weight moved");
}

#[test]
fn leaky_relu_gives_the_same_unit_a_gradient() {
    let xs = line(128);
    let ys = sin_targets(&xs);
    let mut mlp = with_dead_unit(Activation::LeakyRelu(0.01));
    assert!(mlp.dead_units(&xs).unwrap()[3], "still ≤ 0 everywhere");
    for _ in 0..10 {
        mlp.train_step(&xs, &ys, 0.05).unwrap();
    }
    assert_ne!(mlp.weight(0).unwrap()[3], 0.5);
    assert_ne!(mlp.bias(0).unwrap()[3], -3.0);
}

#[test]
fn a_dead_unit_gets_exactly_zero_even_from_an_infinite_upstream_gradient() {
    let xs = line(16);
    let ys = sin_targets(&xs);
    let mut mlp = with_dead_unit(Activation::Relu);
    let weight = mlp.weight(1).unwrap().to_vec();
    mlp.set_layer(1, &weight, &[f32::INFINITY]).unwrap();
    let loss = mlp.train_step(&xs, &ys, 0.05).unwrap();
    assert_eq!(loss, f32::INFINITY);
    assert!(mlp.bias_grad(0).unwrap().iter().any(|g| !g.is_finite()));
    assert_eq!(
        mlp.bias_grad(0).unwrap()[3].to_bits(),
        0,
        "a selection, not 0 × inf"
    );
    assert_eq!(mlp.weight(0).unwrap()[3], 0.5);
    assert_eq!(mlp.bias(0).unwrap()[3], -3.0);
}

#[test]
fn the_census_and_the_hidden_views_agree() {
    let xs = line(33);
    for activation in ACTIVATIONS {
        let mut mlp = Mlp::new(&[1, 12, 7, 2], activation).unwrap();
        mlp.initialize(Init::Normal { std: 1.0 }, 3, -0.5);
        let z = mlp.hidden_preactivations(&xs).unwrap();
        let a = mlp.hidden_activations(&xs).unwrap();
        let dead = mlp.dead_units(&xs).unwrap();
        assert_eq!(z.len(), 2);
        assert_eq!((z[0].len(), z[1].len()), (33 * 12, 33 * 7));
        for (zl, al) in z.iter().zip(&a) {
            for (&zv, &av) in zl.iter().zip(al) {
                assert_eq!(av.to_bits(), activation.forward(zv).to_bits());
            }
        }
        let expected: Vec<bool> = [(0, 12), (1, 7)]
            .iter()
            .flat_map(|&(l, units)| {
                let z = &z[l];
                (0..units).map(move |u| z.chunks(units).all(|row| row[u] <= 0.0))
            })
            .collect();
        assert_eq!(dead, expected);
        assert!(
            dead.iter().any(|d| *d) && dead.iter().any(|d| !*d),
            "{dead:?}"
        );
        assert_eq!(mlp.forward(&xs).unwrap().len(), 66);
    }
}

#[test]
fn relu_units_give_torchs_bits_for_every_kind_of_input() {
    // Pre-activations set through the bias (z = (−0 + 1·(−0)) + b = b), for a wide layer and a
    // narrow one, against activation.rs's PyTorch-exact functions.
    let mut special: Vec<u32> = vec![
        0x0000_0000,
        0x8000_0000,
        0x0000_0001,
        0x8000_0001,
        0x007f_ffff,
        0x807f_ffff,
        0x0080_0000,
        0x8080_0000,
        0x3f80_0000,
        0xbf80_0000,
        0x7f7f_ffff,
        0xff7f_ffff,
        0x7f80_0000,
        0xff80_0000,
        0x7fc0_0000,
        0xffc0_0000,
        0x7fc0_0001,
        0xffc1_2345,
        0x7fff_ffff,
        0xffff_ffff,
        0x7f80_0001,
        0xff80_0001,
    ];
    let mut state = 0x2545_f491_u32;
    special.extend((0..4096).map(|_| {
        state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        state
    }));
    let values: Vec<f32> = special.iter().map(|&b| f32::from_bits(b)).collect();
    let activations = [
        Activation::Relu,
        Activation::LeakyRelu(0.01),
        Activation::LeakyRelu(-0.5),
        Activation::LeakyRelu(0.0),
    ];
    for activation in activations {
        for chunk in values.chunks(256) {
            let mut wide = Mlp::new(&[1, chunk.len(), 1], activation).unwrap();
            wide.set_layer(0, &vec![1.0; chunk.len()], chunk).unwrap();
            let z = wide.hidden_preactivations(&[-0.0]).unwrap().remove(0);
            let a = wide.hidden_activations(&[-0.0]).unwrap().remove(0);
            for (&z, &a) in z.iter().zip(&a) {
                let expected = activation.forward(z);
                assert_eq!(
                    a.to_bits(),
                    expected.to_bits(),
                    "{activation:?}({:08x})",
                    z.to_bits()
                );
            }
        }
        for &b in &values {
            let mut narrow = Mlp::new(&[2, 2, 1], activation).unwrap();
            narrow.set_layer(0, &[1.0, 0.0, 1.0, 0.0], &[b, b]).unwrap();
            let z = narrow
                .hidden_preactivations(&[-0.0, -0.0])
                .unwrap()
                .remove(0);
            let a = narrow.hidden_activations(&[-0.0, -0.0]).unwrap().remove(0);
            let expected = activation.forward(z[0]);
            assert_eq!(
                a[0].to_bits(),
                expected.to_bits(),
                "{activation:?}({:08x})",
                z[0].to_bits()
            );
        }
    }
}

#[test]
fn relu_gradients_are_selections_for_every_kind_of_input() {
    // A [1, 1, 1] net per (pre-activation z, output weight w): one sample x = −0 with target
    // y − 0.5, so d loss / d y = 1 and the hidden unit's upstream gradient is w (or NaN where y
    // is not finite). Its bias gradient is a sum from +0 of one term, so it is compared as such.
    let zs = [
        0.0,
        -0.0,
        1e-45,
        -1e-45,
        2.5,
        -2.5,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NAN,
    ];
    let ws = [1.0, -0.0, -3.0, f32::NAN, f32::INFINITY];
    let activations = [
        Activation::Relu,
        Activation::LeakyRelu(0.01),
        Activation::LeakyRelu(-0.5),
    ];
    for activation in activations {
        for (&z, &w) in zs.iter().flat_map(|z| ws.iter().map(move |w| (z, w))) {
            let mut mlp = Mlp::new(&[1, 1, 1], activation).unwrap();
            mlp.set_layer(0, &[1.0], &[z]).unwrap();
            mlp.set_layer(1, &[w], &[0.0]).unwrap();
            let y = mlp.forward(&[-0.0]).unwrap()[0];
            mlp.backward(&[-0.0], &[y - 0.5]).unwrap();
            let upstream = w * (2.0 * (y - (y - 0.5)));
            let expected = 0.0 + activation.backward(z, upstream);
            let got = mlp.bias_grad(0).unwrap()[0];
            let what = format!("{activation:?} z {z:e} w {w:e}");
            if expected.is_nan() {
                assert!(got.is_nan(), "{what}: {got}");
            } else {
                assert_eq!(
                    got.to_bits(),
                    expected.to_bits(),
                    "{what}: {got} {expected}"
                );
            }
            if activation == Activation::Relu && z <= 0.0 {
                assert_eq!(got.to_bits(), 0, "{what}: exactly +0");
            }
        }
    }
}

#[test]
fn empty_batches_forward_to_nothing() {
    let mut mlp = Mlp::new(&[2, 3, 1], Activation::Relu).unwrap();
    assert_eq!(mlp.forward(&[]).unwrap(), Vec::<f32>::new());
    assert_eq!(
        mlp.hidden_activations(&[]).unwrap(),
        vec![Vec::<f32>::new()]
    );
}

#[test]
fn the_same_seed_gives_the_same_bits_and_another_seed_others() {
    let schemes = [
        Init::He,
        Init::Xavier,
        Init::Normal { std: 0.5 },
        Init::Uniform,
    ];
    for init in schemes {
        let make = |seed| {
            let mut mlp = Mlp::new(&[2, 16, 16, 1], Activation::Relu).unwrap();
            mlp.initialize(init, seed, 0.0);
            mlp
        };
        assert_eq!(bits(&make(42)), bits(&make(42)), "{init:?}");
        assert_ne!(bits(&make(42)), bits(&make(43)), "{init:?}");
        let mut reinitialised = make(5);
        reinitialised.initialize(init, 42, 0.0);
        assert_eq!(
            bits(&reinitialised),
            bits(&make(42)),
            "nothing carries over"
        );
    }
    let xs = line(64);
    let ys = sin_targets(&xs);
    let run = || {
        let mut mlp = Mlp::new(&[1, 16, 1], Activation::Relu).unwrap();
        mlp.initialize(Init::He, 9, 0.0);
        let losses: Vec<u32> = (0..100)
            .map(|_| mlp.train_step(&xs, &ys, 0.1).unwrap().to_bits())
            .collect();
        (losses, bits(&mlp))
    };
    assert_eq!(run(), run());
}

/// Layer 0's weight after He init with seed 42 on [1, 4, 1]. tests/browser_mlp.rs expects the
/// same bits from the wasm build, so both sides are pinned to one run.
const SEED_42_HE_1_4_1: [u32; 4] = [0x3fcedcf6, 0xbff5acff, 0xc0165d86, 0x3d1f4037];
/// Layer 1's weight after 5 steps at learning rate 0.1 towards |x| − 0.5 at `line(8)` (targets
/// made with exact arithmetic only, so that they are the same bits everywhere).
const SEED_42_TRAINED_LAYER_1: [u32; 4] = [0xbd476d04, 0x3f898c1e, 0xbfa8a4b1, 0x3eed6190];
/// The loss before the fifth step.
const SEED_42_FIFTH_LOSS: u32 = 0x3e4b4c3a;

/// Layer 0 of [2, 3, 1] after each scheme with seed 7 (normal with std 0.5): also expected by
/// tests/browser_mlp.rs.
const SEED_7_EACH_SCHEME: [(&str, [u32; 6]); 4] = [
    (
        "he",
        [
            0xbeae208d, 0x3f3919f3, 0x3f859d16, 0xbf38be62, 0xbe42b449, 0xbec73bb2,
        ],
    ),
    (
        "xavier",
        [
            0xbf625ccd, 0x3f33de71, 0xbecb8054, 0x3f5853a8, 0x3f1a395b, 0xbed53dbb,
        ],
    ),
    (
        "normal",
        [
            0xbe2e208d, 0x3eb919f3, 0x3f059d16, 0xbeb8be62, 0xbdc2b449, 0xbe473bb2,
        ],
    ),
    (
        "uniform",
        [
            0xbecea3c7, 0x3ea43276, 0xbe39c539, 0x3ec57a7a, 0x3e8cc962, 0xbe42a961,
        ],
    ),
];

#[test]
fn seeded_bits_are_pinned() {
    for (name, expected) in SEED_7_EACH_SCHEME {
        let init = match name {
            "he" => Init::He,
            "xavier" => Init::Xavier,
            "normal" => Init::Normal { std: 0.5 },
            _ => Init::Uniform,
        };
        let mut mlp = Mlp::new(&[2, 3, 1], Activation::Relu).unwrap();
        mlp.initialize(init, 7, 0.0);
        let bits: Vec<u32> = mlp.weight(0).unwrap().iter().map(|v| v.to_bits()).collect();
        assert_eq!(bits, expected, "{name}");
    }
    let mut mlp = Mlp::new(&[1, 4, 1], Activation::Relu).unwrap();
    mlp.initialize(Init::He, 42, 0.0);
    let first: Vec<u32> = mlp.weight(0).unwrap().iter().map(|v| v.to_bits()).collect();
    let xs = line(8);
    let ys: Vec<f32> = xs.iter().map(|x| x.abs() - 0.5).collect();
    let mut loss = 0.0;
    for _ in 0..5 {
        loss = mlp.train_step(&xs, &ys, 0.1).unwrap();
    }
    let trained: Vec<u32> = mlp.weight(1).unwrap().iter().map(|v| v.to_bits()).collect();
    assert_eq!(first, SEED_42_HE_1_4_1);
    assert_eq!(trained, SEED_42_TRAINED_LAYER_1);
    assert_eq!(loss.to_bits(), SEED_42_FIFTH_LOSS);
}

/// The lab's shape, [1, 32, 1] after He init with seed 42, trained for 20 steps at learning rate
/// 0.1 towards |x| − 0.5 at `line(130)`: 32 whole quads of samples and a tail of 2, so that
/// every kernel's vector loop, its padded tail and the order of its sums over the samples are
/// in the bits. For each hidden activation, the loss before the 20th step and layer 1's first
/// four weights; tests/browser_mlp.rs expects the same bits from the wasm build.
const LAB_SHAPE_TRAINED: [(&str, u32, [u32; 4]); 2] = [
    (
        "relu",
        0x3b9971d4,
        [0x3e78e31e, 0xbe4c967e, 0x3dce21cf, 0xbe3058b9],
    ),
    (
        "leaky_relu",
        0x3b97c37b,
        [0x3e797bc2, 0xbe4c7d94, 0x3dcee2a4, 0xbe308c16],
    ),
];

#[test]
fn the_labs_shape_trains_to_pinned_bits() {
    let xs = line(130);
    let ys: Vec<f32> = xs.iter().map(|x| x.abs() - 0.5).collect();
    for (name, loss_bits, weight_bits) in LAB_SHAPE_TRAINED {
        let activation = match name {
            "relu" => Activation::Relu,
            _ => Activation::LeakyRelu(0.01),
        };
        let mut mlp = Mlp::new(&[1, 32, 1], activation).unwrap();
        mlp.initialize(Init::He, 42, 0.0);
        let mut loss = 0.0;
        for _ in 0..20 {
            loss = mlp.train_step(&xs, &ys, 0.1).unwrap();
        }
        let weight: Vec<u32> = mlp.weight(1).unwrap()[..4]
            .iter()
            .map(|v| v.to_bits())
            .collect();
        assert_eq!(loss.to_bits(), loss_bits, "{name}");
        assert_eq!(weight, weight_bits, "{name}");
    }
}

/// A network's parameters or their gradients: (weight, bias) per layer.
type Params = Vec<(Vec<f32>, Vec<f32>)>;

/// One full-batch SGD step written as plainly as possible: sample by sample, each sum over the
/// samples a running `f32` sum in sample order, where the network sums four samples at a time.
/// Returns the loss before the step and the gradients.
fn plain_step(
    sizes: &[usize],
    activation: Activation,
    params: &mut Params,
    inputs: &[f32],
    targets: &[f32],
    lr: f32,
) -> (f32, Params) {
    let (inn, out) = (sizes[0], sizes[sizes.len() - 1]);
    let n = inputs.len() / inn;
    let scale = (2.0 / (n * out) as f64) as f32;
    let mut grads: Params = params
        .iter()
        .map(|(w, b)| (vec![0.0; w.len()], vec![0.0; b.len()]))
        .collect();
    let mut squares = 0.0_f64;
    for s in 0..n {
        // Forward: every layer's input and pre-activations for this sample.
        let mut xs = vec![inputs[s * inn..(s + 1) * inn].to_vec()];
        let mut zs = Vec::new();
        for (l, (w, b)) in params.iter().enumerate() {
            let x = &xs[l];
            let z: Vec<f32> = (0..b.len())
                .map(|o| {
                    let mut sum = w[o * x.len()] * x[0];
                    for i in 1..x.len() {
                        sum += w[o * x.len() + i] * x[i];
                    }
                    sum + b[o]
                })
                .collect();
            let hidden = l + 1 < params.len();
            xs.push(if hidden {
                z.iter().map(|&z| activation.forward(z)).collect()
            } else {
                z.clone()
            });
            zs.push(z);
        }
        // Backward, adding this sample's terms to the gradients.
        let y = &zs[params.len() - 1];
        let mut delta: Vec<f32> = (0..out)
            .map(|o| {
                let diff = y[o] - targets[s * out + o];
                squares += f64::from(diff * diff);
                scale * diff
            })
            .collect();
        for l in (0..params.len()).rev() {
            let (w, x) = (&params[l].0, &xs[l]);
            let (gw, gb) = &mut grads[l];
            for (o, &d) in delta.iter().enumerate() {
                for (i, &x_i) in x.iter().enumerate() {
                    gw[o * x.len() + i] += d * x_i;
                }
                gb[o] += d;
            }
            if l > 0 {
                delta = (0..x.len())
                    .map(|i| {
                        let mut sum = w[i] * delta[0];
                        for (o, &d) in delta.iter().enumerate().skip(1) {
                            sum += w[o * x.len() + i] * d;
                        }
                        activation.backward(zs[l - 1][i], sum)
                    })
                    .collect();
            }
        }
    }
    for ((w, b), (gw, gb)) in params.iter_mut().zip(&grads) {
        for (p, &g) in w.iter_mut().chain(b.iter_mut()).zip(gw.iter().chain(gb)) {
            *p -= lr * g;
        }
    }
    ((squares / (n * out) as f64) as f32, grads)
}

/// Asserts that `got` is within `tolerance` of `want`, relative to the largest |value| of `want`.
fn assert_close(got: &[f32], want: &[f32], tolerance: f32, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}");
    let scale = want.iter().fold(1e-6_f32, |m, v| m.max(v.abs()));
    for (k, (&g, &w)) in got.iter().zip(want).enumerate() {
        assert!(
            (g - w).abs() <= tolerance * scale,
            "{what}[{k}]: {g} against {w} (scale {scale})"
        );
    }
}

#[test]
fn the_vector_kernels_agree_with_a_plain_step() {
    // The network's sums over the samples differ from running sums only in rounding. Measured,
    // relative to each array's largest |value|: first-step gradients within 4.5e-7, losses
    // within 2.0e-7 and parameters after 20 steps within 3.6e-7. The limits leave a margin of
    // about 4; a wrong term or a lost sample shows at 1e-3 or more.
    const GRADIENT: f32 = 2e-6;
    const LOSS: f32 = 1e-6;
    const PARAMETER: f32 = 1.5e-6;
    for (sizes, n) in [(&[1, 32, 1][..], 130), (&[2, 6, 5, 3], 9)] {
        for activation in ACTIVATIONS {
            let what = format!("{sizes:?} {activation:?}");
            let mut mlp = Mlp::new(sizes, activation).unwrap();
            mlp.initialize(Init::He, 5, 0.05);
            let inputs: Vec<f32> = (0..n * sizes[0])
                .map(|k| (1.7 * k as f32 + 0.3).sin())
                .collect();
            let out = sizes[sizes.len() - 1];
            let targets: Vec<f32> = (0..n * out).map(|k| (0.9 * k as f32).cos()).collect();
            let mut params: Params = (0..mlp.layer_count())
                .map(|i| {
                    let (w, b) = (mlp.weight(i).unwrap(), mlp.bias(i).unwrap());
                    (w.to_vec(), b.to_vec())
                })
                .collect();
            for step in 0..20 {
                let loss = mlp.train_step(&inputs, &targets, 0.1).unwrap();
                let (plain, grads) =
                    plain_step(sizes, activation, &mut params, &inputs, &targets, 0.1);
                assert_close(&[loss], &[plain], LOSS, &format!("{what} loss {step}"));
                for (i, (gw, gb)) in grads.iter().enumerate().filter(|_| step == 0) {
                    let got = (mlp.weight_grad(i).unwrap(), mlp.bias_grad(i).unwrap());
                    assert_close(got.0, gw, GRADIENT, &format!("{what} weight grad {i}"));
                    assert_close(got.1, gb, GRADIENT, &format!("{what} bias grad {i}"));
                }
            }
            for (i, (w, b)) in params.iter().enumerate() {
                let got = (mlp.weight(i).unwrap(), mlp.bias(i).unwrap());
                assert_close(got.0, w, PARAMETER, &format!("{what} weight {i}"));
                assert_close(got.1, b, PARAMETER, &format!("{what} bias {i}"));
            }
        }
    }
}

fn stats(values: &[f32]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().map(|&v| f64::from(v)).sum::<f64>() / n;
    let var = values
        .iter()
        .map(|&v| (f64::from(v) - mean).powi(2))
        .sum::<f64>()
        / n;
    (mean, var.sqrt())
}

#[test]
fn each_scheme_draws_from_its_distribution() {
    // One 256 × 128 layer: 32768 draws, so the sample std is within about 1% of the true one.
    let mut mlp = Mlp::new(&[128, 256], Activation::Relu).unwrap();
    let check = |mlp: &Mlp, std: f64, what: &str| {
        let (mean, sample_std) = stats(mlp.weight(0).unwrap());
        assert!(mean.abs() < 0.02 * std, "{what}: mean {mean}");
        assert!(
            (sample_std / std - 1.0).abs() < 0.02,
            "{what}: std {sample_std}, expected {std}"
        );
    };
    mlp.initialize(Init::He, 1, 0.5);
    check(&mlp, (2.0_f64 / 128.0).sqrt(), "he");
    assert!(mlp.bias(0).unwrap().iter().all(|&b| b == 0.5));
    // A normal's share within one standard deviation is 68.27%.
    let std = (2.0_f32 / 128.0).sqrt();
    let w = mlp.weight(0).unwrap();
    let within = w.iter().filter(|v| v.abs() < std).count() as f64 / w.len() as f64;
    assert!((within - 0.6827).abs() < 0.01, "{within}");

    mlp.initialize(Init::Xavier, 1, -0.1);
    let a = (6.0_f64 / (128.0 + 256.0)).sqrt();
    assert!(mlp
        .weight(0)
        .unwrap()
        .iter()
        .all(|&w| f64::from(w.abs()) <= a));
    check(&mlp, a / 3.0_f64.sqrt(), "xavier");
    assert!(mlp.bias(0).unwrap().iter().all(|&b| b == -0.1));

    mlp.initialize(Init::Normal { std: 0.3 }, 1, 0.0);
    check(&mlp, 0.3, "normal");

    mlp.initialize(Init::Uniform, 1, 0.0);
    assert!(mlp.weight(0).unwrap().iter().all(|&w| w.abs() <= 0.5));
    check(&mlp, 1.0 / 12.0_f64.sqrt(), "uniform");
}

/// Runs `refused` on a copy of `mlp` and checks that it was refused and changed nothing.
fn refused<T: std::fmt::Debug>(
    mlp: &Mlp,
    expected: MlpError,
    refused: impl FnOnce(&mut Mlp) -> Result<T, MlpError>,
) {
    let mut copy = mlp.clone();
    let error = refused(&mut copy).unwrap_err();
    assert_eq!(error, expected);
    assert!(!error.to_string().is_empty());
    assert_eq!(bits(&copy), bits(mlp), "{error} left the network unchanged");
}

#[test]
fn bad_sizes_and_slopes_are_refused() {
    let new = |sizes: &[usize]| Mlp::new(sizes, Activation::Relu).unwrap_err();
    assert_eq!(new(&[]), MlpError::TooFewSizes { got: 0 });
    assert_eq!(new(&[3]), MlpError::TooFewSizes { got: 1 });
    assert_eq!(
        new(&[1, 0, 1]),
        MlpError::SizeOutOfRange { index: 1, size: 0 }
    );
    assert_eq!(
        new(&[1, 16, MAX_SIZE + 1]),
        MlpError::SizeOutOfRange {
            index: 2,
            size: 257
        }
    );
    assert_eq!(
        new(&[1; MAX_LAYERS + 2]),
        MlpError::TooManySizes {
            got: MAX_LAYERS + 2
        }
    );
    assert!(Mlp::new(&[1; MAX_LAYERS + 1], Activation::Relu).is_ok());
    assert!(Mlp::new(&[MAX_SIZE, MAX_SIZE], Activation::Relu).is_ok());
    for slope in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
        let error = Mlp::new(&[1, 1], Activation::LeakyRelu(slope)).unwrap_err();
        assert!(matches!(error, MlpError::NegativeSlope { .. }));
    }
    assert_eq!(
        new(&[1, 0, 1]).to_string(),
        "sizes[1] is 0; every size must be between 1 and 256"
    );
}

#[test]
fn bad_arguments_are_refused_and_change_nothing() {
    let mut mlp = Mlp::new(&[2, 3, 1], Activation::Relu).unwrap();
    mlp.initialize(Init::He, 1, 0.1);
    let layers = MlpError::LayerIndex {
        index: 2,
        layers: 2,
    };
    assert_eq!(mlp.weight(2).unwrap_err(), layers);
    assert_eq!(mlp.bias(2).unwrap_err(), layers);
    assert_eq!(mlp.weight_grad(2).unwrap_err(), layers);
    assert_eq!(mlp.bias_grad(2).unwrap_err(), layers);
    assert_eq!(
        layers.to_string(),
        "layer index 2 is out of range: this network has 2 layers, numbered 0 to 1"
    );
    refused(&mlp, layers.clone(), |m| m.set_layer(2, &[0.0; 3], &[0.0]));
    refused(
        &mlp,
        MlpError::LayerIndex {
            index: usize::MAX,
            layers: 2,
        },
        |m| m.set_layer(usize::MAX, &[], &[]),
    );
    refused(
        &mlp,
        MlpError::WeightLength {
            layer: 0,
            outputs: 3,
            inputs: 2,
            got: 5,
        },
        |m| m.set_layer(0, &[1.0; 5], &[1.0; 3]),
    );
    // A good weight with a bad bias: neither is applied.
    refused(
        &mlp,
        MlpError::BiasLength {
            layer: 0,
            expected: 3,
            got: 2,
        },
        |m| m.set_layer(0, &[1.0; 6], &[1.0; 2]),
    );
    let odd = MlpError::InputsLength {
        got: 3,
        input_size: 2,
    };
    refused(&mlp, odd.clone(), |m| m.forward(&[1.0; 3]));
    refused(&mlp, odd.clone(), |m| m.hidden_activations(&[1.0; 3]));
    refused(&mlp, odd.clone(), |m| m.hidden_preactivations(&[1.0; 3]));
    refused(&mlp, odd.clone(), |m| m.dead_units(&[1.0; 3]));
    refused(&mlp, odd.clone(), |m| m.train_step(&[1.0; 3], &[1.0], 0.1));
    refused(&mlp, MlpError::EmptyInputs, |m| m.dead_units(&[]));
    refused(&mlp, MlpError::EmptyInputs, |m| m.train_step(&[], &[], 0.1));
    refused(
        &mlp,
        MlpError::TargetsLength {
            samples: 2,
            output_size: 1,
            got: 3,
        },
        |m| m.train_step(&[1.0; 4], &[1.0; 3], 0.1),
    );
    for lr in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
        let mut copy = mlp.clone();
        let error = copy.train_step(&[1.0; 4], &[1.0; 2], lr).unwrap_err();
        assert!(matches!(error, MlpError::LearningRate { .. }));
        assert_eq!(bits(&copy), bits(&mlp));
    }
    assert_eq!(
        odd.to_string(),
        "inputs has 3 values, which is not a multiple of the network's input size 2 (inputs \
         are row-major [n][2])"
    );
}

#[test]
fn the_labs_training_load_runs() {
    // The page's budget case: [1, 32, 1], 128 points, 200 full-batch steps (the time it takes
    // is measured by the benchmark, not asserted here).
    let xs = line(128);
    let ys = sin_targets(&xs);
    let mut mlp = Mlp::new(&[1, 32, 1], Activation::Relu).unwrap();
    mlp.initialize(Init::He, 1, 0.0);
    let first = mlp.train_step(&xs, &ys, 0.1).unwrap();
    let mut last = first;
    for _ in 1..200 {
        last = mlp.train_step(&xs, &ys, 0.1).unwrap();
    }
    assert!(last < first, "loss {first} → {last}");
}

fn activation_strategy() -> impl Strategy<Value = Activation> {
    prop_oneof![
        Just(Activation::Relu),
        any::<f32>().prop_map(Activation::LeakyRelu),
        Just(Activation::Sigmoid),
        Just(Activation::Tanh),
    ]
}

fn init_strategy() -> impl Strategy<Value = Init> {
    prop_oneof![
        Just(Init::He),
        Just(Init::Xavier),
        any::<f32>().prop_map(|std| Init::Normal { std }),
        Just(Init::Uniform),
    ]
}

proptest! {
    #[test]
    fn nothing_panics_on_any_input(
        // Mostly small sizes, so that inputs of up to 24 values often fit the network.
        sizes in prop::collection::vec(prop_oneof![4 => 1_usize..4, 1 => 0_usize..300], 0..5),
        activation in activation_strategy(),
        init in init_strategy(),
        seed in any::<u64>(),
        bias_init in any::<f32>(),
        inputs in prop::collection::vec(any::<f32>(), 0..24),
        targets in prop::collection::vec(any::<f32>(), 0..24),
        learning_rate in any::<f32>(),
        layer in 0_usize..6,
    ) {
        if let Ok(mut mlp) = Mlp::new(&sizes, activation) {
            mlp.initialize(init, seed, bias_init);
            let before = bits(&mlp);
            match mlp.train_step(&inputs, &targets, learning_rate) {
                Ok(_) => {}
                Err(_) => prop_assert_eq!(bits(&mlp), before),
            }
            let _ = mlp.forward(&inputs);
            let _ = mlp.dead_units(&inputs);
            let _ = mlp.hidden_activations(&inputs);
            let _ = mlp.hidden_preactivations(&inputs);
            let _ = mlp.weight_grad(layer);
            let _ = mlp.set_layer(layer, &inputs, &targets);
        }
    }
}
