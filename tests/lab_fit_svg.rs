//! The lab's fit chart, drawn to SVG: the prediction's kinks as rings on its line, hollow for a
//! first-layer unit's x = −b/w and filled for a deeper unit's switch, and none off the line.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::svg::{hex, polylines, texts};
use plotters::prelude::*;
use relu_explorer::lab::Bend;
use relu_explorer::plot::lab_fit::draw;
use relu_explorer::plot::theme::LIGHT;
use relu_explorer::text::EN;

fn render(bends: &[Bend]) -> String {
    let grid: Vec<f32> = (0..=20).map(|i| -1.0 + i as f32 / 10.0).collect();
    let prediction: Vec<f32> = grid.iter().map(|x| x.abs()).collect();
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
        draw(
            &area,
            (&[0.5], &[0.5]),
            (&grid, &prediction),
            bends,
            &LIGHT,
            &EN,
            1.0,
        )
        .expect("the chart draws");
        area.present().expect("the SVG is written");
    }
    svg
}

/// The `<circle>` elements of radius `r`, as their full tags.
fn circles(svg: &str, r: u32) -> Vec<&str> {
    svg.match_indices("<circle")
        .map(|(at, _)| &svg[at..at + svg[at..].find("/>").unwrap_or(0)])
        .filter(|tag| tag.contains(&format!(" r=\"{r}\"")))
        .collect()
}

#[test]
fn each_kink_is_a_ring_on_the_line_hollow_or_filled_by_its_layer() {
    let bends = [
        Bend {
            x: 0.0,
            first_layer: true,
        },
        Bend {
            x: 0.5,
            first_layer: false,
        },
        // A kink off the drawn line is not drawn.
        Bend {
            x: 1.5,
            first_layer: true,
        },
    ];
    let svg = render(&bends);
    let rings = circles(&svg, 4);
    // Each drawn kink is a fill and an outline.
    assert_eq!(rings.len(), 4, "{rings:?}");
    let fill = |color: RGBColor| format!("fill=\"{}\"", hex(color));
    assert_eq!(
        rings
            .iter()
            .filter(|t| t.contains(&fill(LIGHT.background)))
            .count(),
        1
    );
    assert_eq!(
        rings
            .iter()
            .filter(|t| t.contains(&fill(LIGHT.text)))
            .count(),
        1
    );
    // The hollow (first-layer) ring sits where the line has its corner: at x = 0, the
    // plot's middle, where |x| is lowest (the largest y in SVG coordinates).
    let cx = |tag: &str| -> i32 {
        tag.split(" cx=\"")
            .nth(1)
            .and_then(|v| v.split('"').next()?.parse().ok())
            .unwrap()
    };
    let hollow = rings
        .iter()
        .find(|t| t.contains(&fill(LIGHT.background)))
        .unwrap();
    let filled = rings
        .iter()
        .find(|t| t.contains(&fill(LIGHT.text)))
        .unwrap();
    assert!(cx(hollow) < cx(filled), "x = 0 is left of x = 0.5");

    assert!(circles(&render(&[]), 4).is_empty(), "no kinks, no rings");
    // The title says what the rings are, and the prediction is one line under them.
    assert!(texts(&svg).iter().any(|t| t == EN.lab_fit_title));
    assert_eq!(polylines(&svg, LIGHT.series[0]).len(), 1);
}
