//! The exports' CSV text: headers, row counts, and numbers that read back as the exact f32 the
//! page computes.
#![cfg(not(target_arch = "wasm32"))]

use relu_explorer::activation::Activation;
use relu_explorer::export::{graph_csv, lab_csv};
use relu_explorer::lab::{Lab, LabSettings, HISTORY_CAPACITY};
use relu_explorer::plot::graph::{GraphSpec, SAMPLES};
use relu_explorer::state::State;

fn rows(csv: &str) -> Vec<Vec<&str>> {
    assert!(csv.ends_with('\n'), "every row ends with a newline");
    csv.lines().map(|line| line.split(',').collect()).collect()
}

/// Parses a cell as Rust writes an f32, checking that it is the shortest text of that f32.
fn number(cell: &str) -> f32 {
    let value: f32 = cell
        .parse()
        .unwrap_or_else(|_| panic!("{cell:?} is a number"));
    assert_eq!(
        value.to_string(),
        cell,
        "{cell} is written as Display writes it"
    );
    value
}

#[test]
fn the_graphs_samples_are_relu_and_its_derivative_at_every_drawn_x() {
    let csv = graph_csv(&GraphSpec::of(&State::default(), 1.0));
    let rows = rows(&csv);
    assert_eq!(rows[0], ["x", "relu", "relu_derivative"]);
    // The evenly spaced samples, and x = 0, where the kink is (not on the grid from −10 to 10).
    assert_eq!(rows.len(), 1 + SAMPLES + 1);
    assert_eq!(rows[1][0], "-10");
    assert_eq!(rows.last().unwrap()[0], "10");
    let mut previous = f32::NEG_INFINITY;
    for row in &rows[1..] {
        assert_eq!(row.len(), 3);
        let x = number(row[0]);
        assert!(x > previous, "x increases: {x} after {previous}");
        previous = x;
        assert_eq!(number(row[1]).to_bits(), x.max(0.0).to_bits());
        assert_eq!(number(row[2]), if x > 0.0 { 1.0 } else { 0.0 });
    }
    let zero = rows
        .iter()
        .find(|row| row[0] == "0")
        .expect("x = 0 is sampled");
    assert_eq!(zero[1..], ["0", "0"], "PyTorch's derivative at 0");
}

#[test]
fn the_graphs_samples_have_a_column_pair_per_overlay_shown() {
    let spec = GraphSpec {
        x_min: -2.0,
        x_max: 3.0,
        x: 0.0,
        leaky_slope: Some(0.1),
        sigmoid: true,
        tanh: true,
        scale: 1.0,
    };
    let csv = graph_csv(&spec);
    let rows = rows(&csv);
    assert_eq!(
        rows[0],
        [
            "x",
            "relu",
            "relu_derivative",
            "leaky_relu",
            "leaky_relu_derivative",
            "sigmoid",
            "sigmoid_derivative",
            "tanh",
            "tanh_derivative"
        ]
    );
    let activations = [
        Activation::Relu,
        Activation::LeakyRelu(0.1),
        Activation::Sigmoid,
        Activation::Tanh,
    ];
    for row in &rows[1..] {
        let x = number(row[0]);
        for (i, activation) in activations.iter().enumerate() {
            assert_eq!(
                number(row[1 + 2 * i]).to_bits(),
                activation.forward(x).to_bits()
            );
            assert_eq!(
                number(row[2 + 2 * i]).to_bits(),
                activation.derivative(x).to_bits()
            );
        }
    }
    assert_eq!(rows[1][0], "-2");
    assert_eq!(rows.last().unwrap()[0], "3");
}

#[test]
fn the_labs_history_has_a_row_per_recorded_step() {
    let mut lab = Lab::new(LabSettings::default()).unwrap();
    // Before training: step 0's loss (the network as initialised) and dead share.
    let fresh = lab_csv(&lab);
    let start = rows(&fresh);
    assert_eq!(start.len(), 2, "{fresh}");
    assert_eq!([start[1][0], start[1][2]], ["0", "0"]);
    assert_eq!(number(start[1][1]), lab.loss_history().points()[0].1);
    for _ in 0..3 {
        lab.advance(1);
        lab.census();
    }
    let csv = lab_csv(&lab);
    let rows = rows(&csv);
    assert_eq!(rows[0], ["step", "loss", "dead_share_layer_1"]);
    // Losses before steps 0, 1, 2; a census at 0 and after each step.
    assert_eq!(rows.len(), 1 + 4);
    for (i, row) in rows[1..].iter().enumerate() {
        assert_eq!(row[0], i.to_string());
        assert_eq!(number(row[2]), 0.0, "the default run keeps its units");
    }
    assert_eq!(rows[4][1], "", "no loss before a step not taken");
    let losses: Vec<f32> = lab.loss_history().points().iter().map(|p| p.1).collect();
    let written: Vec<f32> = rows[1..4].iter().map(|row| number(row[1])).collect();
    assert_eq!(written, losses);
    assert_eq!(number(rows[3][1]), lab.last_loss().unwrap());
}

#[test]
fn the_labs_history_names_each_layer_and_stays_bounded() {
    let settings = LabSettings {
        depth: 3,
        steps_per_frame: 50,
        ..LabSettings::default()
    };
    let mut lab = Lab::new(settings).unwrap();
    // Past the history's capacity: the loss keeps every other step.
    for _ in 0..20 {
        lab.advance(50);
        lab.census();
    }
    let csv = lab_csv(&lab);
    let rows = rows(&csv);
    assert_eq!(
        rows[0],
        [
            "step",
            "loss",
            "dead_share_layer_1",
            "dead_share_layer_2",
            "dead_share_layer_3"
        ]
    );
    assert!(rows.len() <= 1 + 4 * HISTORY_CAPACITY);
    assert_eq!(rows.last().unwrap()[0], "1000");
    for row in &rows[1..] {
        assert_eq!(row.len(), 5);
        for cell in &row[1..] {
            if !cell.is_empty() {
                number(cell);
            }
        }
    }
    // One row per step any series recorded, in order, each once.
    let mut union: Vec<u64> = std::iter::once(lab.loss_history())
        .chain(lab.dead_history())
        .flat_map(|history| history.points().iter().map(|(step, _)| *step))
        .collect();
    union.sort_unstable();
    union.dedup();
    let written: Vec<u64> = rows[1..]
        .iter()
        .map(|row| row[0].parse().unwrap())
        .collect();
    assert_eq!(written, union);
}
