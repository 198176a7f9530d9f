//! Browser tests (wasm-bindgen-test in headless Chromium) of the JS class `Mlp` through the
//! functions JS calls: constructor and getters, parameters in and out, a step checked by hand,
//! the dead-unit census, the same seeded bits as the native build, inputs never mutated, and
//! every bad argument throwing an `Error` that names the method and the argument while the
//! network stays as it was.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Float32Array, Float64Array, Uint32Array};
use relu_explorer::JsMlp;
use wasm_bindgen::{JsCast, JsError, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Layer 0 of [2, 3, 1] after each scheme with seed 7 (normal with std 0.5), as the native
/// build gives them (tests/mlp.rs pins the same bits).
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
/// He init with seed 42 on [1, 4, 1], layer 0, natively.
const SEED_42_HE_1_4_1: [u32; 4] = [0x3fcedcf6, 0xbff5acff, 0xc0165d86, 0x3d1f4037];
/// Layer 1 after 5 steps at learning rate 0.1 towards |x| − 0.5 at 8 points on [−1, 1],
/// natively.
const SEED_42_TRAINED_LAYER_1: [u32; 4] = [0xbd476d04, 0x3f898c1e, 0xbfa8a4b1, 0x3eed6190];
/// The loss before the fifth of those steps, natively.
const SEED_42_FIFTH_LOSS: u32 = 0x3e4b4c3a;

/// [1, 32, 1] after He init with seed 42 and 20 steps at learning rate 0.1 towards |x| − 0.5 at
/// 130 points on [−1, 1] (32 whole quads of samples and a tail of 2, through the SIMD kernels):
/// for each activation, the loss before the 20th step and layer 1's first four weights, as the
/// native build gives them (tests/mlp.rs pins the same bits).
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

fn floats(values: &[f32]) -> JsValue {
    Float32Array::from(values).into()
}

fn sizes(values: &[u32]) -> JsValue {
    Uint32Array::from(values).into()
}

fn bits(array: &Float32Array) -> Vec<u32> {
    array.to_vec().iter().map(|v| v.to_bits()).collect()
}

fn undefined() -> JsValue {
    JsValue::UNDEFINED
}

fn message(error: JsError) -> String {
    let value: JsValue = error.into();
    let error: js_sys::Error = value.dyn_into().expect("a JS Error");
    error.message().into()
}

fn mlp(layer_sizes: &[u32], activation: &str) -> JsMlp {
    JsMlp::new(&sizes(layer_sizes), &activation.into(), &undefined()).expect("a good network")
}

/// Every parameter's bits, layer by layer, read through the JS API.
fn parameters(mlp: &JsMlp) -> Vec<u32> {
    let layers = mlp.sizes().length() - 1;
    (0..layers)
        .flat_map(|i| {
            let i = JsValue::from(i);
            let mut all = bits(&mlp.weight(&i).unwrap());
            all.extend(bits(&mlp.bias(&i).unwrap()));
            all
        })
        .collect()
}

/// 8 points on [−1, 1] and |x| − 0.5 there: exact arithmetic only, the same bits everywhere.
fn data() -> (Vec<f32>, Vec<f32>) {
    let xs: Vec<f32> = (0..8).map(|i| -1.0 + 2.0 * i as f32 / 7.0).collect();
    let ys = xs.iter().map(|x| x.abs() - 0.5).collect();
    (xs, ys)
}

#[wasm_bindgen_test]
fn the_constructor_and_getters() {
    let net = mlp(&[1, 4, 1], "relu");
    assert_eq!(net.sizes().to_vec(), vec![1, 4, 1]);
    assert_eq!(net.activation(), "relu");
    assert_eq!(net.weight(&0.into()).unwrap().to_vec(), vec![0.0; 4]);
    assert_eq!(net.bias(&1.into()).unwrap().length(), 1);
    for name in ["leaky_relu", "sigmoid", "tanh"] {
        assert_eq!(mlp(&[2, 3, 2], name).activation(), name);
    }
    let leaky = JsMlp::new(&sizes(&[1, 1]), &"leaky_relu".into(), &0.2.into()).unwrap();
    assert_eq!(leaky.activation(), "leaky_relu");
}

#[wasm_bindgen_test]
fn one_step_by_hand_and_the_census() {
    let mut net = mlp(&[1, 2, 1], "relu");
    net.set_layer(&0.into(), &floats(&[1.0, -1.0]), &floats(&[0.0, 0.5]))
        .unwrap();
    net.set_layer(&1.into(), &floats(&[2.0, 3.0]), &floats(&[0.25]))
        .unwrap();
    // z = [2, −1.5], a = [2, 0], y = 2·2 + 0.25.
    assert_eq!(net.forward(&floats(&[2.0])).unwrap().to_vec(), vec![4.25]);
    // The second unit is ≤ 0 at every input, the first is not.
    let dead = net.dead_units(&floats(&[2.0, 1.0])).unwrap().to_vec();
    assert_eq!(dead, vec![0, 1]);
    let loss = net
        .train_step(&floats(&[2.0]), &floats(&[0.25]), &0.01.into())
        .unwrap();
    assert_eq!(loss, 16.0, "the loss before the update");
    let lr = 0.01_f32;
    assert_eq!(
        net.weight(&0.into()).unwrap().to_vec(),
        vec![1.0 - lr * 32.0, -1.0]
    );
    assert_eq!(
        net.bias(&0.into()).unwrap().to_vec(),
        vec![0.0 - lr * 16.0, 0.5]
    );
    assert_eq!(
        net.weight(&1.into()).unwrap().to_vec(),
        vec![2.0 - lr * 16.0, 3.0]
    );
    assert_eq!(net.bias(&1.into()).unwrap().to_vec(), vec![0.25 - lr * 8.0]);
}

#[wasm_bindgen_test]
fn the_same_seed_gives_the_native_bits() {
    for (scheme, expected) in SEED_7_EACH_SCHEME {
        let mut net = mlp(&[2, 3, 1], "relu");
        let std = if scheme == "normal" {
            JsValue::from(0.5)
        } else {
            undefined()
        };
        net.initialize(&scheme.into(), &7.into(), &undefined(), &std)
            .unwrap();
        assert_eq!(bits(&net.weight(&0.into()).unwrap()), expected, "{scheme}");
        assert_eq!(net.bias(&0.into()).unwrap().to_vec(), vec![0.0; 3]);
    }

    let mut net = mlp(&[1, 4, 1], "relu");
    net.initialize(&"he".into(), &42.into(), &undefined(), &undefined())
        .unwrap();
    assert_eq!(bits(&net.weight(&0.into()).unwrap()), SEED_42_HE_1_4_1);
    let (xs, ys) = data();
    let mut loss = 0.0;
    for _ in 0..5 {
        loss = net
            .train_step(&floats(&xs), &floats(&ys), &0.1.into())
            .unwrap();
    }
    assert_eq!((loss as f32).to_bits(), SEED_42_FIFTH_LOSS);
    assert_eq!(
        bits(&net.weight(&1.into()).unwrap()),
        SEED_42_TRAINED_LAYER_1
    );

    // The bias init reaches every layer; a different seed gives different weights.
    net.initialize(&"he".into(), &43.into(), &(-0.25).into(), &undefined())
        .unwrap();
    assert_ne!(bits(&net.weight(&0.into()).unwrap()), SEED_42_HE_1_4_1);
    assert_eq!(net.bias(&0.into()).unwrap().to_vec(), vec![-0.25; 4]);
    assert_eq!(net.bias(&1.into()).unwrap().to_vec(), vec![-0.25]);
    // The largest seed a JS number holds exactly is accepted.
    net.initialize(
        &"uniform".into(),
        &9_007_199_254_740_991.0.into(),
        &undefined(),
        &undefined(),
    )
    .unwrap();
}

#[wasm_bindgen_test]
fn the_labs_shape_trains_to_the_native_bits() {
    let xs: Vec<f32> = (0..130).map(|i| -1.0 + 2.0 * i as f32 / 129.0).collect();
    let ys: Vec<f32> = xs.iter().map(|x| x.abs() - 0.5).collect();
    for (activation, loss_bits, weight_bits) in LAB_SHAPE_TRAINED {
        let mut net = mlp(&[1, 32, 1], activation);
        net.initialize(&"he".into(), &42.into(), &undefined(), &undefined())
            .unwrap();
        let mut loss = 0.0;
        for _ in 0..20 {
            loss = net
                .train_step(&floats(&xs), &floats(&ys), &0.1.into())
                .unwrap();
        }
        assert_eq!((loss as f32).to_bits(), loss_bits, "{activation}");
        let weight = bits(&net.weight(&1.into()).unwrap());
        assert_eq!(weight[..4], weight_bits, "{activation}");
    }
}

#[wasm_bindgen_test]
fn inputs_are_never_mutated() {
    let mut net = mlp(&[1, 8, 1], "leaky_relu");
    net.initialize(&"xavier".into(), &1.into(), &0.1.into(), &undefined())
        .unwrap();
    let (xs, ys) = data();
    let inputs = Float32Array::from(xs.as_slice());
    let targets = Float32Array::from(ys.as_slice());
    let weight = Float32Array::from(&[0.5_f32; 8][..]);
    let bias = Float32Array::from(&[-0.5_f32; 8][..]);
    for _ in 0..3 {
        net.train_step(&inputs.clone().into(), &targets.clone().into(), &0.5.into())
            .unwrap();
    }
    net.forward(&inputs.clone().into()).unwrap();
    net.dead_units(&inputs.clone().into()).unwrap();
    net.set_layer(&0.into(), &weight.clone().into(), &bias.clone().into())
        .unwrap();
    net.train_step(&inputs.clone().into(), &targets.clone().into(), &0.5.into())
        .unwrap();
    assert_eq!(inputs.to_vec(), xs);
    assert_eq!(targets.to_vec(), ys);
    assert_eq!(weight.to_vec(), vec![0.5; 8], "setLayer copies");
    assert_eq!(bias.to_vec(), vec![-0.5; 8]);
    // A returned array is a copy too: writing to it does not reach the network.
    let returned = net.weight(&0.into()).unwrap();
    returned.fill(9.0, 0, 8);
    assert_ne!(net.weight(&0.into()).unwrap().to_vec()[0], 9.0);
}

/// Asserts that `result` is an `Error` whose message contains every one of `parts`.
fn throws<T>(result: Result<T, JsError>, parts: &[&str]) {
    let Err(error) = result else {
        panic!("expected an Error containing {parts:?}");
    };
    let message = message(error);
    for part in parts {
        assert!(message.contains(part), "{message:?} lacks {part:?}");
    }
}

#[wasm_bindgen_test]
fn bad_constructor_arguments_throw() {
    let new = |s: JsValue, activation: JsValue, slope: JsValue| JsMlp::new(&s, &activation, &slope);
    let relu = || JsValue::from("relu");
    let plain: JsValue = Array::of2(&1.into(), &1.into()).into();
    throws(
        new(plain, relu(), undefined()),
        &["new Mlp", "sizes must be a Uint32Array", "a plain Array"],
    );
    throws(
        new(
            Float64Array::from(&[1.0, 1.0][..]).into(),
            relu(),
            undefined(),
        ),
        &["new Mlp", "sizes must be a Uint32Array"],
    );
    throws(
        new(sizes(&[1]), relu(), undefined()),
        &["new Mlp", "sizes must have at least 2 entries", "got 1"],
    );
    throws(
        new(sizes(&[1, 0, 1]), relu(), undefined()),
        &["new Mlp", "sizes[1] is 0", "between 1 and 256"],
    );
    throws(
        new(sizes(&[1, 257]), relu(), undefined()),
        &["sizes[1] is 257"],
    );
    throws(
        new(sizes(&[1, 1]), "softplus".into(), undefined()),
        &[
            "new Mlp",
            "activation must be",
            "\"leaky_relu\"",
            "got \"softplus\"",
        ],
    );
    throws(
        new(sizes(&[1, 1]), 3.into(), undefined()),
        &["new Mlp", "activation must be a string", "number"],
    );
    throws(
        new(sizes(&[1, 1]), "leaky_relu".into(), f64::NAN.into()),
        &["new Mlp", "negativeSlope must be a finite number", "NaN"],
    );
    throws(
        new(sizes(&[1, 1]), "leaky_relu".into(), "0.1".into()),
        &["negativeSlope must be a finite number", "string"],
    );
}

#[wasm_bindgen_test]
fn bad_method_arguments_throw_and_change_nothing() {
    let mut net = mlp(&[2, 3, 1], "relu");
    net.initialize(&"he".into(), &3.into(), &0.1.into(), &undefined())
        .unwrap();
    let before = parameters(&net);
    let six = || floats(&[1.0; 6]);
    let three = || floats(&[1.0; 3]);

    throws(
        net.set_layer(&2.into(), &floats(&[1.0; 3]), &floats(&[1.0])),
        &["Mlp.setLayer", "layer index 2 is out of range", "2 layers"],
    );
    for bad in [
        JsValue::from(-1),
        JsValue::from(0.5),
        JsValue::from("0"),
        undefined(),
    ] {
        throws(
            net.set_layer(&bad, &six(), &three()),
            &["Mlp.setLayer", "i must be a non-negative integer"],
        );
    }
    throws(
        net.set_layer(&0.into(), &floats(&[1.0; 5]), &three()),
        &[
            "Mlp.setLayer",
            "weight for layer 0 has 5 values; expected 6",
        ],
    );
    // A good weight with a bad bias: neither is applied.
    throws(
        net.set_layer(&0.into(), &six(), &floats(&[1.0; 2])),
        &["Mlp.setLayer", "bias for layer 0 has 2 values; expected 3"],
    );
    throws(
        net.set_layer(
            &0.into(),
            &Float64Array::from(&[1.0; 6][..]).into(),
            &three(),
        ),
        &["Mlp.setLayer", "weight must be a Float32Array"],
    );
    throws(
        net.set_layer(&0.into(), &six(), &JsValue::NULL),
        &["Mlp.setLayer", "bias must be a Float32Array", "null"],
    );
    throws(net.weight(&5.into()), &["Mlp.weight", "layer index 5"]);
    throws(
        net.bias(&"x".into()),
        &["Mlp.bias", "i must be a non-negative integer"],
    );

    let init = |net: &mut JsMlp, scheme: JsValue, seed: JsValue, bias: JsValue, std: JsValue| {
        net.initialize(&scheme, &seed, &bias, &std)
    };
    throws(
        init(
            &mut net,
            "kaiming".into(),
            1.into(),
            undefined(),
            undefined(),
        ),
        &[
            "Mlp.initialize",
            "scheme must be",
            "\"he\"",
            "got \"kaiming\"",
        ],
    );
    throws(
        init(&mut net, undefined(), 1.into(), undefined(), undefined()),
        &["Mlp.initialize", "scheme must be a string"],
    );
    for seed in [
        JsValue::from(-1),
        JsValue::from(1.5),
        JsValue::from(9_007_199_254_740_992.0),
        JsValue::from(f64::NAN),
        JsValue::from("42"),
        undefined(),
    ] {
        throws(
            init(&mut net, "he".into(), seed, undefined(), undefined()),
            &[
                "Mlp.initialize",
                "seed must be an integer from 0 to 2^53 - 1",
            ],
        );
    }
    throws(
        init(
            &mut net,
            "he".into(),
            1.into(),
            f64::INFINITY.into(),
            undefined(),
        ),
        &["Mlp.initialize", "biasInit must be a finite number", "inf"],
    );
    throws(
        init(
            &mut net,
            "normal".into(),
            1.into(),
            undefined(),
            (-1).into(),
        ),
        &["Mlp.initialize", "std must be a finite number ≥ 0", "-1"],
    );

    throws(
        net.forward(&three()),
        &["Mlp.forward", "inputs has 3 values", "input size 2"],
    );
    throws(
        net.forward(&JsValue::from(2)),
        &["Mlp.forward", "inputs must be a Float32Array"],
    );
    throws(
        net.train_step(&floats(&[1.0; 4]), &three(), &0.1.into()),
        &["Mlp.trainStep", "targets has 3 values; expected 2"],
    );
    throws(
        net.train_step(&floats(&[]), &floats(&[]), &0.1.into()),
        &["Mlp.trainStep", "inputs is empty"],
    );
    throws(
        net.train_step(&three(), &three(), &0.1.into()),
        &["Mlp.trainStep", "inputs has 3 values"],
    );
    for lr in [
        JsValue::from(f64::NAN),
        JsValue::from(f64::INFINITY),
        JsValue::from(1e39),
        JsValue::from("0.1"),
        undefined(),
    ] {
        throws(
            net.train_step(&floats(&[1.0; 4]), &floats(&[1.0; 2]), &lr),
            &["Mlp.trainStep", "learningRate must be a finite number"],
        );
    }
    throws(
        net.dead_units(&floats(&[])),
        &["Mlp.deadUnits", "inputs is empty"],
    );

    assert_eq!(
        parameters(&net),
        before,
        "every refusal left the network as it was"
    );
    // And the network still works.
    net.train_step(&floats(&[1.0; 4]), &floats(&[1.0; 2]), &0.1.into())
        .unwrap();
    assert_ne!(parameters(&net), before);
}
