//! The sparsity chart, drawn to SVG: the inputs' bars above, ReLU's outputs' below on the same
//! bins (none left of 0), the spike of exact zeros in a colour of its own with its share, cut
//! with a gap when it is taller than the chart, and the dashed line at x = 0 in both panels.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::svg::{hex, polylines, texts};
use plotters::prelude::*;
use relu_explorer::plot::sparsity::{draw, y_top, SparsityLabels};
use relu_explorer::plot::theme::LIGHT;
use relu_explorer::sparsity::{SparsityRun, SparsitySettings};

fn run(mean: f64, std: f64) -> SparsityRun {
    SparsitySettings {
        mean,
        std,
        samples: 10_000,
        seed: 1,
    }
    .run()
    .unwrap()
}

fn render(run: &SparsityRun) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (640, 400)).into_drawing_area();
        let labels = SparsityLabels {
            before: "Before",
            after: "After",
            spike: "zeros here",
        };
        draw(&area, run, &labels, &LIGHT, 1.0).expect("the chart draws");
        area.present().expect("the SVG is written");
    }
    svg
}

/// The `(x, y, width, height)` of every `<rect>` filled in `color`, in drawing order.
fn rects(svg: &str, color: RGBColor) -> Vec<(i32, i32, i32, i32)> {
    let fill = format!("fill=\"{}\"", hex(color));
    let attr = |l: &str, name: &str| -> i32 {
        l.split(&format!(" {name}=\""))
            .nth(1)
            .and_then(|v| v.split('"').next()?.parse().ok())
            .unwrap()
    };
    svg.lines()
        .filter(|l| l.contains("<rect") && l.contains(&fill))
        .map(|l| {
            (
                attr(l, "x"),
                attr(l, "y"),
                attr(l, "width"),
                attr(l, "height"),
            )
        })
        .collect()
}

/// The x of the dashed line at 0 in each panel (upper, lower): the short vertical strokes in
/// the text colour.
fn zero_lines(svg: &str, height: i32) -> (Vec<i32>, Vec<i32>) {
    let strokes: Vec<(i32, i32)> = polylines(svg, LIGHT.text)
        .into_iter()
        .filter(|p| p.len() == 2 && p[0].0 == p[1].0)
        .map(|p| (p[0].0, p[0].1))
        .collect();
    let (upper, lower): (Vec<_>, Vec<_>) = strokes.iter().partition(|(_, y)| *y < height / 2);
    (
        upper.iter().map(|(x, _)| *x).collect(),
        lower.iter().map(|(x, _)| *x).collect(),
    )
}

#[test]
fn the_inputs_bars_stand_above_and_relu_keeps_only_the_positive_ones() {
    let r = run(-1.0, 1.0);
    let svg = render(&r);
    let nonzero = |counts: &[usize]| counts.iter().filter(|c| **c > 0).count();
    let grey = rects(&svg, LIGHT.axis);
    let blue = rects(&svg, LIGHT.series[0]);
    assert_eq!(grey.len(), nonzero(&r.before.counts));
    assert_eq!(blue.len(), nonzero(&r.after.counts));
    assert!(blue.len() < grey.len() && !blue.is_empty());
    let (upper, lower) = zero_lines(&svg, 400);
    assert!(upper.len() > 3 && lower.len() > 3, "dashes in both panels");
    let zero = upper[0];
    assert!(
        upper.iter().chain(&lower).all(|x| *x == zero),
        "one x for 0"
    );
    // The inputs are on both sides of 0, and above the outputs; the outputs right of 0 only.
    assert!(grey.iter().any(|b| b.0 < zero) && grey.iter().any(|b| b.0 >= zero));
    assert!(
        blue.iter().all(|b| b.0 >= zero - 1 && b.1 > 200),
        "{blue:?}"
    );
    assert!(grey.iter().all(|b| b.1 < 200));
    let words = texts(&svg);
    for title in ["Before", "After", "zeros here"] {
        assert!(words.iter().any(|t| t == title), "{title}: {words:?}");
    }
}

#[test]
fn the_spike_of_zeros_stands_just_left_of_zero_cut_with_a_gap_when_taller_than_the_chart() {
    // N(−1, 1): 84% zeros, far above the tallest bin.
    let r = run(-1.0, 1.0);
    assert!(r.zeros.share() > y_top(&r));
    let svg = render(&r);
    let (upper, _) = zero_lines(&svg, 400);
    let spike = rects(&svg, LIGHT.series[1]);
    assert_eq!(spike.len(), 1, "{spike:?}");
    let (x, y, width, height) = spike[0];
    assert!((x + width - upper[0]).abs() <= 1 && width > 2, "{spike:?}");
    // It reaches the top of the lower panel, above every output bar, and a band of
    // background crosses it there (the first background rect is the canvas itself).
    let blue = rects(&svg, LIGHT.series[0]);
    assert!(blue.iter().all(|b| b.1 > y));
    let gaps = rects(&svg, LIGHT.background);
    assert_eq!(gaps.len(), 2, "{gaps:?}");
    let gap = gaps[1];
    assert!(gap.0 < x && gap.0 + gap.2 > x + width && gap.1 > y && gap.1 < y + height);
}

#[test]
fn a_spike_shorter_than_the_chart_is_drawn_to_scale_and_not_cut() {
    // N(2, 1): Φ(−2) = 2.3% zeros, below the tallest bin's 1.2 times.
    let r = run(2.0, 1.0);
    assert!(r.zeros.share() < y_top(&r));
    let svg = render(&r);
    assert_eq!(rects(&svg, LIGHT.background).len(), 1, "no gap");
    let spike = rects(&svg, LIGHT.series[1])[0];
    let blue = rects(&svg, LIGHT.series[0]);
    let tallest = blue.iter().map(|b| b.3).max().unwrap();
    let most = *r.after.counts.iter().max().unwrap() as f64;
    let expected = f64::from(tallest) * r.after.zeros as f64 / most;
    assert!(
        (f64::from(spike.3) - expected).abs() <= 2.0,
        "{spike:?} against {expected}"
    );
}
