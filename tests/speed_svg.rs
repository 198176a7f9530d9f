//! The speed chart, drawn to SVG: one bar per kernel and engine, taller for slower, filled for
//! WebAssembly and outlined for JS, the copy as a dashed line, every bar labelled with its time.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::svg::{hex, polylines, texts};
use plotters::prelude::*;
use relu_explorer::plot::speed::{compact_ns, draw, y_range, SpeedLabels};
use relu_explorer::plot::theme::LIGHT;
use relu_explorer::speed::measure::{Engine, Report, Size, Subject, Timing};
use relu_explorer::speed::Kernel;

fn report() -> Report {
    let mut timings = vec![Timing {
        subject: Subject::Copy,
        ns_per_element: 0.17,
    }];
    for (i, kernel) in Kernel::ALL.iter().enumerate() {
        for (engine, factor) in [(Engine::Wasm, 1.0), (Engine::Js, 3.0)] {
            timings.push(Timing {
                subject: Subject::Kernel(*kernel, engine),
                ns_per_element: 0.25 * (i + 1) as f64 * factor,
            });
        }
    }
    Report {
        size: Size::M16,
        timings,
    }
}

fn render(report: &Report) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area();
        let labels = SpeedLabels {
            title: "Time per element",
            kernels: &["R", "Rfb", "S", "Sfb", "T", "Tfb"],
            engines: ["wasm", "js"],
            copy: "copy",
            unit: "ns",
        };
        draw(&area, report, &labels, &LIGHT, 1.0).expect("the chart draws");
        area.present().expect("the SVG is written");
    }
    svg
}

/// The heights of the `<rect>`s filled (or only stroked) in `color`, in drawing order.
fn bars(svg: &str, color: RGBColor, filled: bool) -> Vec<i32> {
    let paint = if filled {
        format!("fill=\"{}\"", hex(color))
    } else {
        format!("stroke=\"{}\"", hex(color))
    };
    svg.lines()
        .filter(|l| l.contains("<rect") && l.contains(&paint))
        .filter(|l| filled || l.contains("fill=\"none\""))
        .map(|l| {
            l.split(" height=\"")
                .nth(1)
                .and_then(|v| v.split('"').next()?.parse().ok())
                .unwrap()
        })
        .collect()
}

#[test]
fn each_kernel_has_a_filled_and_an_outlined_bar_taller_for_slower() {
    let svg = render(&report());
    // ReLU is series 0 (blue), sigmoid 3, tanh 4: two kernels each.
    for (series, first) in [(0, 0.25), (3, 0.75), (4, 1.25)] {
        let color = LIGHT.series[series];
        let wasm = bars(&svg, color, true);
        let js = bars(&svg, color, false);
        assert_eq!(wasm.len(), 2, "{series}: {wasm:?}");
        assert_eq!(js.len(), 2, "{series}: {js:?}");
        assert!(
            wasm[0] < wasm[1] && js[0] < js[1],
            "forward + backward is slower here"
        );
        assert!(wasm[0] < js[0], "JS is 3 times slower here");
        let labels = texts(&svg);
        assert!(labels.contains(&compact_ns(first)), "{first} is labelled");
    }
    // The copy's dashed line: many short level segments at one height, in the axis colour.
    let dashes: Vec<Vec<(i32, i32)>> = polylines(&svg, LIGHT.axis)
        .into_iter()
        .filter(|line| line.len() == 2 && line[0].1 == line[1].1)
        .collect();
    assert!(dashes.len() > 10, "{} dashes", dashes.len());
    let level = dashes[dashes.len() / 2][0].1;
    assert!(dashes.iter().filter(|d| d[0].1 == level).count() > 10);
    let labels = texts(&svg);
    for label in ["wasm", "js", "copy 0.17", "R", "Tfb", "Time per element"] {
        assert!(labels.iter().any(|t| t == label), "{label} in {labels:?}");
    }
}

#[test]
fn the_y_range_spans_every_time_in_whole_powers_of_ten() {
    let (low, high) = y_range(&report());
    assert_eq!(low, -1.0, "0.17 ns is above 10⁻¹");
    // The slowest: 0.25 × 6 × 3 = 4.5 ns, under 10; and room above for the labels.
    assert!((high - 1.6).abs() < 1e-12, "{high}");
    let empty = Report {
        size: Size::K4,
        timings: Vec::new(),
    };
    assert_eq!(y_range(&empty), (-1.0, 1.6));
    // An empty report draws its axes without bars.
    assert!(bars(&render(&empty), LIGHT.series[0], true).is_empty());
}

#[test]
fn times_are_written_with_two_significant_digits() {
    assert_eq!(compact_ns(0.1788), "0.18");
    assert_eq!(compact_ns(8.545), "8.5");
    assert_eq!(compact_ns(21.06), "21");
    assert_eq!(compact_ns(291.8), "292");
}
