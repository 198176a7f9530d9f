//! The exports' CSV text: the graph's samples and the lab's training history. Written here, in
//! the core, so that the page's download and a native test produce the same bytes.
//!
//! Every number is the f32 the page computes, in Rust's `Display` form: the shortest decimal
//! that reads back as the same f32 (never an exponent; `-0` keeps its sign), with `NaN`, `inf`
//! and `-inf` written as such. Column names are identifiers, the same in both languages, so
//! that one script reads a file from either; a cell is empty where its series has no value.

use std::fmt::Write;

use crate::activation::Activation;
use crate::lab::{History, Lab};
use crate::plot::axis;
use crate::plot::graph::{self, GraphSpec};

/// The graph's samples for `spec`, at the x the curves are drawn through: a header
/// `x,relu,relu_derivative` and a row per sample, with a function and derivative column pair
/// for each overlay shown (`leaky_relu`, `sigmoid`, `tanh`). x is the f32 the functions are
/// given; the derivative is PyTorch's (0 for ReLU at x = 0).
pub fn graph_csv(spec: &GraphSpec) -> String {
    let (x_min, x_max) = axis::sane((spec.x_min, spec.x_max), (-10.0, 10.0));
    let mut columns = vec![("relu", Activation::Relu)];
    if let Some(slope) = spec.leaky_slope {
        columns.push(("leaky_relu", Activation::LeakyRelu(slope)));
    }
    if spec.sigmoid {
        columns.push(("sigmoid", Activation::Sigmoid));
    }
    if spec.tanh {
        columns.push(("tanh", Activation::Tanh));
    }
    let mut out = String::from("x");
    for (name, _) in &columns {
        // Writing to a String cannot fail.
        let _ = write!(out, ",{name},{name}_derivative");
    }
    out.push('\n');
    for x in graph::grid(x_min, x_max) {
        let x = x as f32;
        let _ = write!(out, "{x}");
        for (_, activation) in &columns {
            let _ = write!(
                out,
                ",{},{}",
                activation.forward(x),
                activation.derivative(x)
            );
        }
        out.push('\n');
    }
    out
}

/// The lab's training history: a header `step,loss,dead_share_layer_1,…` (one dead-share column
/// per hidden layer) and a row per step that any series recorded, oldest first. The loss at
/// step s is the loss before update s; the dead shares are the census after the frame that
/// ended at step s. Long runs keep every other point as the charts do (see [`History`]).
pub fn lab_csv(lab: &Lab) -> String {
    let series: Vec<&History> = std::iter::once(lab.loss_history())
        .chain(lab.dead_history())
        .collect();
    let mut out = String::from("step,loss");
    for layer in 1..series.len() {
        let _ = write!(out, ",dead_share_layer_{layer}");
    }
    out.push('\n');
    // The union of the series' steps, in order. Each series is already in step order and holds
    // at most `HISTORY_CAPACITY` points, so inserting by binary search is cheap, and it spares
    // the page a second copy of the standard library's sort (3 KB of module).
    let mut steps: Vec<u64> = Vec::new();
    for history in &series {
        for (step, _) in history.points() {
            if let Err(at) = steps.binary_search(step) {
                steps.insert(at, *step);
            }
        }
    }
    for step in steps {
        let _ = write!(out, "{step}");
        for history in &series {
            out.push(',');
            let points = history.points();
            if let Ok(at) = points.binary_search_by_key(&step, |(s, _)| *s) {
                let _ = write!(out, "{}", points[at].1);
            }
        }
        out.push('\n');
    }
    out
}
