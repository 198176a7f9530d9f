//! No link can freeze or break the page: for any hash, `State::from_hash` never panics, the
//! state it accepts is within every domain and round-trips through `to_hash`, and every chart
//! draws for it (natively, to SVG) in bounded time. Each draw runs on its own thread and fails
//! the test if it has not finished within a generous liveness limit: a hang detector, not a
//! speed budget.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::mpsc;
use std::time::Duration;

use plotters::coord::ranged1d::Ranged;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use proptest::prelude::*;
use relu_explorer::lab::Lab;
use relu_explorer::plot::axis;
use relu_explorer::plot::graph::{self, GraphSpec};
use relu_explorer::plot::theme::LIGHT;
use relu_explorer::plot::{lab_fit, lab_history, lab_units};
use relu_explorer::state::{Problem, Setting, State};
use relu_explorer::text::EN;
use relu_explorer::torch_panel;

/// How long one state's drawing may take before it counts as hung.
const LIVENESS: Duration = Duration::from_secs(20);

/// Training steps the lab takes before its charts are drawn.
const STEPS: u32 = 3;

/// Runs `work` on a thread; an error if it panics or has not finished within [`LIVENESS`].
fn finishes<T: Send + 'static>(
    what: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, String> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(work());
    });
    receiver
        .recv_timeout(LIVENESS)
        .map_err(|error| match error {
            mpsc::RecvTimeoutError::Timeout => format!("{what} did not finish within {LIVENESS:?}"),
            mpsc::RecvTimeoutError::Disconnected => format!("{what} panicked"),
        })
}

/// Draws `draw` on an SVG of `size` and returns the SVG.
fn svg<E: std::fmt::Debug>(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>) -> Result<(), E>,
) -> String {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw(&area).expect("the chart draws");
        area.present().expect("the SVG is written");
    }
    out
}

/// Every chart the page draws for `state`, each to SVG: the graph, and the lab's four charts
/// for a run made from its settings after a few steps; also the torch panel's printout.
fn draw_everything(state: &State) -> Result<(), String> {
    let spec = GraphSpec::of(state, 1.0);
    finishes("the graph", move || {
        svg((800, 600), |area| {
            graph::draw(area, &spec, &LIGHT, &EN).map(drop)
        })
    })?;

    let settings = state.lab;
    finishes("the lab's charts", move || {
        let mut lab = Lab::new(settings).expect("State keeps the lab's shape valid");
        lab.set_running(true);
        lab.advance(STEPS);
        lab.census();
        let grid: Vec<f32> = (0..129).map(|i| -1.0 + i as f32 / 64.0).collect();
        let prediction = lab.predict(&grid);
        let bends = lab.bends().unwrap_or_default();
        svg((400, 300), |area| {
            let data = (lab.inputs(), lab.targets());
            lab_fit::draw(area, data, (&grid, &prediction), &bends, &LIGHT, &EN, 1.0)
        });
        let curves = lab.first_layer_curves(&grid);
        let dead: Vec<bool> = lab.dead().iter().take(settings.width).copied().collect();
        svg((400, 300), |area| {
            lab_units::draw(area, &grid, &curves, &dead, &LIGHT, &EN, 1.0)
        });
        let histories: Vec<_> = lab.dead_history().iter().collect();
        svg((400, 300), |area| {
            let title = EN.lab_dead_title;
            lab_history::draw(
                area,
                title,
                &histories,
                false,
                Some((-0.05, 1.05)),
                &LIGHT,
                1.0,
            )
        });
        svg((400, 300), |area| {
            let loss = [lab.loss_history()];
            lab_history::draw(area, EN.lab_loss_title, &loss, true, None, &LIGHT, 1.0)
        });
    })?;

    let (x, grad) = (state.torch_x.clone(), state.torch_grad.clone());
    finishes("the torch panel", move || {
        let _ = torch_panel::evaluate(&x, &grad);
        let _ = torch_panel::python_code(&x, &grad);
    })
}

/// Everything a link must satisfy: a valid state, a clean round trip, and every chart drawn.
fn check_link(hash: &str) -> Result<(), TestCaseError> {
    let owned = hash.to_string();
    let (state, _) = finishes("parsing the hash", move || State::from_hash(&owned))
        .map_err(TestCaseError::fail)?;
    prop_assert!(
        state.is_valid(),
        "{:?} gave an invalid state {:?}",
        hash,
        state
    );
    let again = State::from_hash(&state.to_hash());
    prop_assert_eq!(&again, &(state.clone(), vec![]), "round trip of {:?}", hash);
    draw_everything(&state).map_err(TestCaseError::fail)
}

#[test]
fn the_reported_link_is_refused_and_the_page_still_draws() {
    let (state, problems) = State::from_hash("#xmin=0&xmax=1e-320");
    assert_eq!(
        problems,
        vec![Problem::RangeTooNarrow {
            min: 0.0,
            max: 1e-320,
            kept: (-10.0, 10.0)
        }]
    );
    assert_eq!(state, State::default(), "the default range is kept");
    draw_everything(&state).unwrap();
}

#[test]
fn extreme_links_draw() {
    for hash in [
        "xmin=-100&xmax=100&x=100&leaky=1&slope=1&sigmoid=1&tanh=1",
        "xmin=99.99&xmax=100&x=-100",
        "xmin=-1e-320&xmax=0.01",
        "slope=5e-324&leaky=1",
        "lr=3&init=normal&width=64&depth=3&bias=3&n=256&act=leaky&lslope=1",
        "lr=0.0001&width=1&depth=1&n=32&task=step&bias=-3",
        "seed=9007199254740991&fuzz=1&fuzzRate=100&fuzzSeed=9007199254740991",
        "bw=64&bd=8&binit=normal&bbias=-1",
    ] {
        check_link(hash).unwrap_or_else(|e| panic!("{hash}: {e}"));
    }
}

#[test]
fn a_diverged_run_still_draws() {
    let (state, problems) = State::from_hash("lr=3&init=normal&width=64&depth=3&bias=3");
    assert!(problems.is_empty(), "{problems:?}");
    let mut lab = Lab::new(state.lab).unwrap();
    lab.set_running(true);
    for _ in 0..20 {
        lab.advance(10);
        lab.census();
    }
    assert_ne!(
        lab.state(),
        relu_explorer::lab::RunState::Running,
        "it diverged"
    );
    finishes("the diverged lab's charts", move || {
        let grid: Vec<f32> = (0..129).map(|i| -1.0 + i as f32 / 64.0).collect();
        let prediction = lab.predict(&grid);
        svg((400, 300), |area| {
            lab_fit::draw(
                area,
                (&[], &[]),
                (&grid, &prediction),
                &[],
                &LIGHT,
                &EN,
                1.0,
            )
        });
        let loss = [lab.loss_history()];
        svg((400, 300), |area| {
            lab_history::draw(area, "loss", &loss, true, None, &LIGHT, 1.0)
        });
    })
    .unwrap();
}

/// A value for a hash key: the extremes a person or a link could type, and arbitrary ones.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "0",
            "-0",
            "1e-320",
            "5e-324",
            "-5e-324",
            "2.2250738585072014e-308",
            "1e308",
            "-1e308",
            "1.7976931348623157e308",
            "NaN",
            "nan",
            "inf",
            "-inf",
            "infinity",
            "99999999999999999999",
            "9007199254740991",
            "9007199254740992",
            "-9007199254740993",
            "%",
            "%Z",
            "%FF%FE",
            "%2",
            "",
            "1",
            "0.5",
            "-1",
            "100",
            "-100",
            "100.00000000000001",
            "0.01",
            "0.0099",
            "2.5",
            "1e3",
            "he",
            "normal",
            "leaky",
            "relu",
            "zigzag",
            "on",
            "true",
            "[1, nan, -inf]",
        ])
        .prop_map(String::from),
        any::<f64>().prop_map(|v| v.to_string()),
        any::<f64>().prop_map(|v| format!("{v:e}")),
        any::<i64>().prop_map(|v| v.to_string()),
        (-200.0..200.0f64).prop_map(|v| v.to_string()),
        "[-+0-9.eE%]{0,12}",
        "\\PC{0,12}",
        Just("9".repeat(100_000)),
        Just("1,".repeat(50_000)),
        Just("-0.5 ".repeat(20_000)),
    ]
}

/// A key: every real one, an unknown one, and an empty one.
fn key() -> impl Strategy<Value = String> {
    let mut keys: Vec<String> = Setting::ALL.iter().map(|s| s.key().to_string()).collect();
    keys.extend(["q", "", "X", "embed"].map(String::from));
    prop::sample::select(keys)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        max_shrink_iters: 32,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_text_as_a_hash_is_safe(hash in "#?\\PC{0,80}") {
        check_link(&hash)?;
    }

    #[test]
    fn any_list_of_real_keys_is_safe(
        pairs in prop::collection::vec((key(), value()), 0..10),
        hashed in any::<bool>(),
    ) {
        let body: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let hash = format!("{}{}", if hashed { "#" } else { "" }, body.join("&"));
        check_link(&hash)?;
    }

    #[test]
    fn repeated_keys_are_safe(k in key(), values in prop::collection::vec(value(), 1..6)) {
        let body: Vec<String> = values.iter().map(|v| format!("{k}={v}")).collect();
        check_link(&body.join("&"))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 200,
        max_shrink_iters: 32,
        ..ProptestConfig::default()
    })]

    /// Whatever range a chart computes, what reaches plotters is safe, and plotters' key-point
    /// loops end on it.
    #[test]
    fn every_axis_range_is_safe_for_plotters(
        low in prop_oneof![any::<f64>(), -1e3..1e3f64, Just(0.0), Just(1e-320)],
        high in prop_oneof![any::<f64>(), -1e3..1e3f64, Just(0.0), Just(5e-324)],
        fallback in (any::<f64>(), any::<f64>()),
    ) {
        let (a, b) = axis::sane((low, high), fallback);
        prop_assert!(a.is_finite() && b.is_finite() && a < b, "{} {}", a, b);
        prop_assert!(a.abs() <= axis::LIMIT && b.abs() <= axis::LIMIT);
        prop_assert!(b - a >= axis::min_span(a.abs().max(b.abs())), "{} {}", a, b);
        prop_assert_eq!(axis::sane((a, b), fallback), (a, b), "idempotent");
        let ticks = finishes("plotters' key points", move || {
            let coord: RangedCoordf64 = (a..b).into();
            (0..=12).map(|hint| coord.key_points(hint).len()).max().unwrap_or(0)
        })
        .map_err(TestCaseError::fail)?;
        prop_assert!(ticks <= 40, "{} key points on {} to {}", ticks, a, b);
    }
}
