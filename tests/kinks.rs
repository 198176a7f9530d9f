//! Where a ReLU network bends: first-layer kinks and the breakpoints of the whole network, on
//! hand-built networks whose kinks are worked out by hand, and on seeded random ones checked
//! against the network's own forward pass.
#![cfg(not(target_arch = "wasm32"))]

use relu_explorer::activation::Activation;
use relu_explorer::draws::Draws;
use relu_explorer::kinks::*;
use relu_explorer::mlp::{Init, Mlp};

/// A network of `sizes` with the given layers' (weight, bias).
fn network(sizes: &[usize], activation: Activation, layers: &[(&[f32], &[f32])]) -> Mlp {
    let mut net = Mlp::new(sizes, activation).unwrap();
    for (i, (weight, bias)) in layers.iter().enumerate() {
        net.set_layer(i, weight, bias).unwrap();
    }
    net
}

/// The one-layer network of the first tests: units relu(2x + 1), relu(−x + 0.5), relu(0x + 3)
/// and relu(3x + 1).
fn one_layer() -> Mlp {
    network(
        &[1, 4, 1],
        Activation::Relu,
        &[
            (&[2.0, -1.0, 0.0, 3.0], &[1.0, 0.5, 3.0, 1.0]),
            (&[1.0, 1.0, 1.0, 1.0], &[0.0]),
        ],
    )
}

/// The two-layer network y = relu(z), z = h₁ + 3h₂ − 1, h₁ = act(2x − 1), h₂ = act(−x − 0.5).
fn two_layers(activation: Activation) -> Mlp {
    network(
        &[1, 2, 1, 1],
        activation,
        &[
            (&[2.0, -1.0], &[-1.0, -0.5]),
            (&[1.0, 3.0], &[-1.0]),
            (&[1.0], &[0.0]),
        ],
    )
}

fn output(net: &mut Mlp, x: f32) -> f32 {
    net.forward(&[x]).unwrap()[0]
}

#[test]
fn first_layer_kinks_by_hand() {
    // 2x + 1 = 0 at −½ (on to the right); −x + 0.5 = 0 at ½ (on to the left); 0x + 3 has none;
    // 3x + 1 = 0 at −⅓, which f32 rounds to −0.33333334.
    let kinks = first_layer_kinks(&one_layer()).unwrap();
    assert_eq!(
        kinks,
        [
            FirstKink {
                unit: 0,
                x: -0.5,
                side: Side::Right
            },
            FirstKink {
                unit: 1,
                x: 0.5,
                side: Side::Left
            },
            FirstKink {
                unit: 3,
                x: -(1.0_f32 / 3.0),
                side: Side::Right
            },
        ]
    );
    assert_eq!(kinks[2].x, -0.333_333_34);
}

#[test]
fn the_network_switches_where_the_first_layer_kink_says() {
    // The network's own f32 pre-activation of unit 3 changes sign within an ulp of −⅓'s f32.
    let mut net = one_layer();
    let x = first_layer_kinks(&net).unwrap()[2].x;
    let step = |x: f32, ulps: i32| f32::from_bits((x.to_bits() as i32 + ulps) as u32);
    // x is negative, so adding to its bits moves it left.
    let z = |net: &mut Mlp, x: f32| net.hidden_preactivations(&[x]).unwrap()[0][3];
    assert!(z(&mut net, step(x, 2)) < 0.0);
    assert!(z(&mut net, step(x, -2)) > 0.0);
}

#[test]
fn a_kink_at_zero_is_plus_zero_and_one_beyond_f32_is_left_out() {
    let net = network(
        &[1, 3, 1],
        Activation::Relu,
        &[
            (&[1.0, 1e-30, -2.0], &[0.0, 1e30, -0.0]),
            (&[1.0; 3], &[0.0]),
        ],
    );
    let kinks = first_layer_kinks(&net).unwrap();
    assert_eq!(kinks.len(), 2, "1e30/1e-30 overflows f32: {kinks:?}");
    assert_eq!(kinks[0].x.to_bits(), 0.0_f32.to_bits());
    assert_eq!(
        (kinks[1].unit, kinks[1].x.to_bits()),
        (2, 0.0_f32.to_bits())
    );
}

#[test]
fn a_network_without_hidden_layers_has_no_kinks() {
    let net = network(&[1, 1], Activation::Relu, &[(&[2.0], &[1.0])]);
    assert_eq!(first_layer_kinks(&net).unwrap(), []);
    let found = breakpoints(&net, -1.0, 1.0).unwrap();
    assert_eq!(found.switches, []);
    assert!(!found.truncated);
}

#[test]
fn networks_that_are_not_piecewise_linear_in_one_input_are_refused() {
    let net = Mlp::new(&[2, 3, 1], Activation::Relu).unwrap();
    assert_eq!(first_layer_kinks(&net), Err(KinkError::Inputs { got: 2 }));
    assert_eq!(
        breakpoints(&net, -1.0, 1.0),
        Err(KinkError::Inputs { got: 2 })
    );
    for activation in [Activation::Sigmoid, Activation::Tanh] {
        let net = Mlp::new(&[1, 3, 1], activation).unwrap();
        assert_eq!(
            first_layer_kinks(&net),
            Err(KinkError::Activation { got: activation })
        );
    }
    let text = KinkError::Activation {
        got: Activation::Tanh,
    }
    .to_string();
    assert!(text.contains("Tanh") && text.contains("ReLU"), "{text}");
}

#[test]
fn non_finite_parameters_are_refused_in_hidden_layers_only() {
    for bad in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
        let net = network(
            &[1, 2, 2, 1],
            Activation::Relu,
            &[(&[1.0, 2.0], &[0.0, 0.0])],
        );
        let mut second = net.clone();
        second
            .set_layer(1, &[1.0, 1.0, 1.0, bad], &[0.0, 0.0])
            .unwrap();
        assert_eq!(
            breakpoints(&second, -1.0, 1.0),
            Err(KinkError::Parameters { layer: 1 })
        );
        let mut first = net.clone();
        first.set_layer(0, &[1.0, 2.0], &[bad, 0.0]).unwrap();
        assert_eq!(
            first_layer_kinks(&first),
            Err(KinkError::Parameters { layer: 0 })
        );
        // The linear output layer bends nothing, so its values do not matter here.
        let mut last = net.clone();
        last.set_layer(2, &[bad, 1.0], &[0.0]).unwrap();
        assert!(breakpoints(&last, -1.0, 1.0).is_ok());
    }
}

#[test]
fn bad_intervals_are_refused() {
    let net = one_layer();
    for (lo, hi) in [
        (1.0, 1.0),
        (1.0, -1.0),
        (f32::NAN, 1.0),
        (-1.0, f32::NAN),
        (f32::NEG_INFINITY, 1.0),
        (-1.0, f32::INFINITY),
    ] {
        assert!(
            matches!(breakpoints(&net, lo, hi), Err(KinkError::Range { .. })),
            "({lo}, {hi})"
        );
    }
}

#[test]
fn one_hidden_layer_breaks_exactly_at_its_first_layer_kinks() {
    // On (−1, 1): −½ (unit 0 switches on), −⅓ (unit 3 on), ½ (unit 1 off, on to its left).
    let found = breakpoints(&one_layer(), -1.0, 1.0).unwrap();
    let expected = [
        (-0.5, 0, Side::Right),
        (-(1.0_f32 / 3.0), 3, Side::Right),
        (0.5, 1, Side::Left),
    ];
    assert_eq!(found.switches.len(), 3, "{found:?}");
    for (switch, (x, unit, side)) in found.switches.iter().zip(expected) {
        assert_eq!(
            *switch,
            Switch {
                x,
                layer: 0,
                unit,
                side
            }
        );
    }
    assert!(!found.truncated);
    // (−½, ½) holds only −⅓: a kink exactly at an end is not inside.
    let found = breakpoints(&one_layer(), -0.5, 0.5).unwrap();
    assert_eq!(found.xs(), [-(1.0_f32 / 3.0)]);
}

#[test]
fn a_second_layer_unit_adds_kinks_of_its_own() {
    // h₁ = relu(2x − 1) is on right of ½, h₂ = relu(−x − ½) left of −½. Then z = h₁ + 3h₂ − 1:
    //   x ≤ −½: z = 3(−x − ½) − 1 = −3x − 2.5, which is 0 at x = −5/6;
    //   −½ ≤ x ≤ ½: z = −1, never 0;
    //   x ≥ ½: z = 2x − 1 − 1 = 2x − 2, which is 0 at x = 1.
    // So y = relu(z) bends at −5/6 and 1, where no first-layer −b/w (±½) is, and at ±½.
    let net = two_layers(Activation::Relu);
    let found = breakpoints(&net, -2.0, 2.0).unwrap();
    assert_eq!(
        found.switches,
        [
            Switch {
                x: (-5.0_f64 / 6.0) as f32,
                layer: 1,
                unit: 0,
                side: Side::Left
            },
            Switch {
                x: -0.5,
                layer: 0,
                unit: 1,
                side: Side::Left
            },
            Switch {
                x: 0.5,
                layer: 0,
                unit: 0,
                side: Side::Right
            },
            Switch {
                x: 1.0,
                layer: 1,
                unit: 0,
                side: Side::Right
            },
        ]
    );
    // The forward pass agrees at hand-computed points: y(−2) = 6 − 2.5, y(0) = 0, y(2) = 2.
    let mut net = net;
    assert_eq!(output(&mut net, -2.0), 3.5);
    assert_eq!(output(&mut net, 0.0), 0.0);
    assert_eq!(output(&mut net, 2.0), 2.0);
}

#[test]
fn leaky_units_switch_too() {
    // With slope s = 0.1 (as f32) the off units leak, so z has a root in every piece:
    //   x ≤ −½: z = s(2x − 1) + 3(−x − ½) − 1 = (2s − 3)x − (s + 2.5), root −2.6/2.8 = −13/14;
    //   −½ ≤ x ≤ ½: z = s(2x − 1) + 3s(−x − ½) − 1 = −sx − 2.5s − 1, root −2.5 − 1/s = −12.5,
    //   outside (−2, 2);
    //   x ≥ ½: z = 2x − 1 + 3s(−x − ½) − 1 = (2 − 3s)x − (2 + 1.5s), root 2.15/1.7 = 43/34.
    let net = two_layers(Activation::LeakyRelu(0.1));
    let found = breakpoints(&net, -2.0, 2.0).unwrap();
    let xs: Vec<(f32, usize)> = found.switches.iter().map(|s| (s.x, s.layer)).collect();
    let expected = [(-13.0 / 14.0, 1), (-0.5, 0), (0.5, 0), (43.0 / 34.0, 1)];
    assert_eq!(xs.len(), expected.len(), "{xs:?}");
    for ((x, layer), (want, want_layer)) in xs.into_iter().zip(expected) {
        // 0.1 as f32 is 0.1 + 1.5e-9, which moves the roots by about 1e-9.
        assert!((x - want).abs() < 1e-6, "{x} vs {want}");
        assert_eq!(layer, want_layer);
    }
}

/// Whether each of `net`'s outputs at 7 points evenly inside (p, q) lies on the line through
/// its values at the first and the last of them, within f32 rounding of the outputs' size.
fn linear_between(net: &mut Mlp, p: f64, q: f64) -> bool {
    let xs: Vec<f32> = (1..8)
        .map(|k| (p + (q - p) * k as f64 / 8.0) as f32)
        .collect();
    let outputs = net.sizes()[net.sizes().len() - 1];
    let ys = net.forward(&xs).unwrap();
    let scale = ys.iter().fold(1.0_f64, |m, &y| m.max(f64::from(y).abs()));
    let (x0, x6) = (f64::from(xs[0]), f64::from(xs[6]));
    (0..outputs).all(|o| {
        let y = |k: usize| f64::from(ys[k * outputs + o]);
        (0..7).all(|k| {
            let line = y(0) + (y(6) - y(0)) * (f64::from(xs[k]) - x0) / (x6 - x0);
            (y(k) - line).abs() <= 1e-5 * scale
        })
    })
}

#[test]
fn the_linearity_check_sees_a_kink() {
    // The check the next tests rely on fails across the hand network's kinks: on (0.6, 1.4)
    // y is 0 then 2x − 2, and on (−1, −0.6) it is −3x − 2.5 then 0.
    let mut net = two_layers(Activation::Relu);
    assert!(!linear_between(&mut net, 0.6, 1.4));
    assert!(!linear_between(&mut net, -1.0, -0.6));
    assert!(linear_between(&mut net, 1.0, 1.4));
    assert!(linear_between(&mut net, -0.5, 0.5));
}

/// A seeded network of `sizes` with He weights and biases uniform in [−1, 1].
fn random_network(sizes: &[usize], activation: Activation, seed: u64) -> Mlp {
    let mut net = Mlp::new(sizes, activation).unwrap();
    net.initialize(Init::He, seed, 0.0);
    let mut draws = Draws::new(seed ^ 0xb1a5);
    for layer in 0..net.layer_count() {
        let weight = net.weight(layer).unwrap().to_vec();
        let bias: Vec<f32> = (0..sizes[layer + 1])
            .map(|_| (2.0 * draws.unit() - 1.0) as f32)
            .collect();
        net.set_layer(layer, &weight, &bias).unwrap();
    }
    net
}

#[test]
fn random_networks_are_linear_between_consecutive_breakpoints() {
    // Between two breakpoints the walk says the network is linear; its own f32 forward pass
    // must agree at 7 points of every piece (a missed kink inside would bend them). Pieces
    // narrower than 1e-4 are skipped: there the points are a few f32 steps apart.
    let (lo, hi) = (-3.0_f32, 3.0_f32);
    for (sizes, activation, seed) in [
        (&[1, 32, 1][..], Activation::Relu, 1),
        (&[1, 16, 16, 1], Activation::Relu, 2),
        (&[1, 8, 8, 8, 1], Activation::Relu, 3),
        (&[1, 12, 12, 2], Activation::LeakyRelu(0.1), 4),
        (&[1, 6, 6, 6, 6, 1], Activation::LeakyRelu(-0.5), 5),
    ] {
        let mut net = random_network(sizes, activation, seed);
        let found = breakpoints(&net, lo, hi).unwrap();
        assert!(!found.truncated);
        let xs = found.xs();
        assert!(xs.len() >= 3, "{sizes:?}: only {} pieces", xs.len() + 1);
        assert!(xs.windows(2).all(|w| w[0] < w[1]));
        assert!(xs.iter().all(|&x| lo < x && x < hi));
        let mut ends = vec![f64::from(lo)];
        ends.extend(xs.iter().map(|&x| f64::from(x)));
        ends.push(f64::from(hi));
        for piece in ends.windows(2) {
            if piece[1] - piece[0] > 1e-4 {
                assert!(
                    linear_between(&mut net, piece[0], piece[1]),
                    "{sizes:?} {activation:?}: not linear on ({}, {})",
                    piece[0],
                    piece[1]
                );
            }
        }
    }
}

#[test]
fn random_deep_networks_bend_beyond_their_first_layer() {
    // The deeper layers' switches are there (the walk is not just the first layer's kinks),
    // and the first layer's are exactly `first_layer_kinks`' f32 values: f64 division of two
    // f32s, rounded to f32, is the correctly rounded f32 division.
    let net = random_network(&[1, 16, 16, 1], Activation::Relu, 2);
    let found = breakpoints(&net, -3.0, 3.0).unwrap();
    assert!(found.switches.iter().any(|s| s.layer == 1));
    let mut first: Vec<f32> = first_layer_kinks(&net)
        .unwrap()
        .iter()
        .map(|k| k.x)
        .filter(|&x| -3.0 < x && x < 3.0)
        .collect();
    first.sort_by(f32::total_cmp);
    let walked: Vec<f32> = found
        .switches
        .iter()
        .filter(|s| s.layer == 0)
        .map(|s| s.x)
        .collect();
    assert_eq!(walked, first);
}

/// The tent map T(x) = 2·relu(x) − 4·relu(x − ½) applied `depth` times to x ∈ [0, 1]: each
/// hidden layer holds relu(t) and relu(t − ½) of the layer below's t, which the next layer
/// reads as 2a − 4b. T^L has 2^L linear pieces, with kinks at j/2^L.
fn tents(depth: usize) -> Mlp {
    let mut sizes = vec![2; depth + 2];
    sizes[0] = 1;
    sizes[depth + 1] = 1;
    let mut net = Mlp::new(&sizes, Activation::Relu).unwrap();
    net.set_layer(0, &[1.0, 1.0], &[0.0, -0.5]).unwrap();
    for layer in 1..depth {
        net.set_layer(layer, &[2.0, -4.0, 2.0, -4.0], &[0.0, -0.5])
            .unwrap();
    }
    net.set_layer(depth, &[2.0, -4.0], &[0.0]).unwrap();
    net
}

#[test]
fn folded_tents_break_at_every_dyadic_point() {
    // T⁴ bends at j/16, j = 1 … 15: where T^l(x) crosses ½ for the layer-l unit relu(t − ½),
    // l = 3 − (trailing zeros of j). The units relu(t) only touch 0 (t ≥ 0), so they are never
    // listed. Everything is dyadic, so the f32 values are exact.
    let mut net = tents(4);
    let found = breakpoints(&net, 0.0, 1.0).unwrap();
    let got: Vec<(f32, usize, usize)> = found
        .switches
        .iter()
        .map(|s| (s.x, s.layer, s.unit))
        .collect();
    let expected: Vec<(f32, usize, usize)> = (1..16_u32)
        .map(|j| (j as f32 / 16.0, 3 - j.trailing_zeros() as usize, 1))
        .collect();
    assert_eq!(got, expected);
    // T⁴(j/16) is 0 for even j and 1 for odd j.
    for j in 0..=16 {
        let y = output(&mut net, j as f32 / 16.0);
        assert_eq!(y, (j % 2) as f32, "T⁴({j}/16)");
    }
}

#[test]
fn the_walk_stops_at_its_cap() {
    // T¹³ has 8192 pieces; the walk covers the first MAX_PIECES = 4096 of them and says so.
    let found = breakpoints(&tents(13), 0.0, 1.0).unwrap();
    assert!(found.truncated);
    assert_eq!(found.switches.len(), MAX_PIECES - 1);
    let expected: Vec<f32> = (1..MAX_PIECES).map(|j| j as f32 / 8192.0).collect();
    assert_eq!(found.xs(), expected);
    // T¹² has exactly 4096 pieces: all walked, nothing cut.
    let found = breakpoints(&tents(12), 0.0, 1.0).unwrap();
    assert!(!found.truncated);
    assert_eq!(found.switches.len(), MAX_PIECES - 1);
}

#[test]
fn overflowing_pieces_are_refused() {
    // Nine layers of one unit with w = 3e38: for x > 0 the slope is (3e38)⁹ ≈ 2e347, beyond
    // f64. (For x < 0 the first unit is off and nothing overflows.)
    let sizes = [1; 11];
    let mut net = Mlp::new(&sizes, Activation::Relu).unwrap();
    for layer in 0..10 {
        net.set_layer(layer, &[3e38], &[0.0]).unwrap();
    }
    assert_eq!(breakpoints(&net, -1.0, 1.0), Err(KinkError::Overflow));
    assert!(breakpoints(&net, -1.0, -0.5).is_ok());
}
