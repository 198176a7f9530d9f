//! The gradient-through-depth chart, drawn to SVG: each activation's factor as a line on a log
//! scale, geometric decay as a straight line, a cut path dropped to the bottom edge.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::svg::{hex, polylines, texts};
use plotters::prelude::*;
use relu_explorer::activation::Activation;
use relu_explorer::depth::path_gradient;
use relu_explorer::plot::depth::{draw, plotted, y_range, Series, FLOOR_LOG10};
use relu_explorer::plot::theme::LIGHT;

fn render(series: &[Series]) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (480, 320)).into_drawing_area();
        draw(&area, "Gradient left", series, &LIGHT, 1.0).expect("the chart draws");
        area.present().expect("the SVG is written");
    }
    svg
}

/// The ends `(x1, y1, x2, y2)` of every `<line>` stroked in `color`.
fn lines(svg: &str, color: RGBColor) -> Vec<(i32, i32, i32, i32)> {
    let stroke = format!("stroke=\"{}\"", hex(color));
    let attr = |l: &str, name: &str| -> i32 {
        l.split(&format!(" {name}=\""))
            .nth(1)
            .and_then(|v| v.split('"').next()?.parse().ok())
            .unwrap()
    };
    svg.lines()
        .filter(|l| l.contains("<line") && l.contains(&stroke))
        .map(|l| (attr(l, "x1"), attr(l, "y1"), attr(l, "x2"), attr(l, "y2")))
        .collect()
}

/// The longest polyline in `color`: the series' line (a legend sample has two points).
fn line(svg: &str, color: RGBColor) -> Vec<(i32, i32)> {
    polylines(svg, color)
        .into_iter()
        .max_by_key(Vec::len)
        .expect("a line in the colour")
}

#[test]
fn decay_is_a_straight_line_and_an_active_relu_path_stays_level() {
    let sigmoid = path_gradient(Activation::Sigmoid, &[0.0; 10]);
    let relu = path_gradient(Activation::Relu, &[0.5; 10]);
    let svg = render(&[
        Series {
            name: "ReLU",
            path: &relu,
        },
        Series {
            name: "sigmoid",
            path: &sigmoid,
        },
    ]);
    // Both start at 1 (layer 0); ReLU's stays there.
    let flat = line(&svg, LIGHT.series[0]);
    assert_eq!(flat.len(), 11);
    assert!(flat.iter().all(|p| p.1 == flat[0].1), "{flat:?}");
    // ×¼ a layer is the same drop a layer on a log scale: equal steps, to a pixel's rounding.
    let falling = line(&svg, LIGHT.series[3]);
    assert_eq!(falling.len(), 11);
    assert_eq!(falling[0].1, flat[0].1);
    let steps: Vec<i32> = falling.windows(2).map(|w| w[1].1 - w[0].1).collect();
    assert!(
        steps.iter().all(|s| *s > 0 && (s - steps[0]).abs() <= 1),
        "{steps:?}"
    );
    let names = texts(&svg);
    assert!(names.iter().any(|t| t == "ReLU") && names.iter().any(|t| t == "sigmoid"));
    assert!(names.iter().any(|t| t == "Gradient left"));
}

#[test]
fn a_cut_path_drops_to_the_bottom_edge_at_the_layer_that_cut_it_and_ends() {
    let cut = path_gradient(Activation::Relu, &[1.0, 1.0, -1.0, 1.0, 1.0]);
    let svg = render(&[Series {
        name: "ReLU",
        path: &cut,
    }]);
    let points = line(&svg, LIGHT.series[0]);
    // Layers 0 to 3, and no further: nothing flows below the cut.
    assert_eq!(points.len(), 4);
    let (top, bottom) = (points[0].1, points[3].1);
    assert!(points[..3].iter().all(|p| p.1 == top) && bottom > top);
    // The cross at layer 3: two short strokes in the series' colour about that point.
    let near = |v: i32, at: i32| (v - at).abs() <= 5;
    let crossing = lines(&svg, LIGHT.series[0])
        .into_iter()
        .filter(|&(x1, y1, x2, y2)| {
            near(x1, points[3].0) && near(x2, points[3].0) && near(y1, bottom) && near(y2, bottom)
        })
        .count();
    assert_eq!(crossing, 2, "{svg}");
}

#[test]
fn the_range_runs_from_one_down_to_the_smallest_factor_above_zero() {
    let level = path_gradient(Activation::Relu, &[1.0; 4]);
    let cut = path_gradient(Activation::Relu, &[-1.0; 4]);
    let sigmoid = path_gradient(Activation::Sigmoid, &[0.0; 10]);
    let saturated = path_gradient(Activation::Sigmoid, &[-10.0; 50]);
    let series = |path| Series { name: "", path };
    // Nothing below 1 (or only zeros): room down to 10^−3.
    assert_eq!(y_range(&[series(&level), series(&cut)]), (-3.5, 0.5));
    // 0.25^10 = 2^−20 ≈ 10^−6.02: down to 10^−7.
    assert_eq!(y_range(&[series(&sigmoid)]), (-7.5, 0.5));
    // A saturated path (10^−217 after 50 layers) is cut off at the floor, 10^−60.
    assert_eq!(y_range(&[series(&saturated)]), (FLOOR_LOG10 - 0.5, 0.5));
    assert_eq!(plotted(0.0, -3.5), -3.5);
    assert_eq!(plotted(1e-80, -60.5), -60.5);
    assert_eq!(plotted(0.01, -3.5), -2.0);
}
