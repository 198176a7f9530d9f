//! The zero-centred chart, drawn to SVG: two panels, each with its descent path from the start
//! and the minimum marked, side by side on a wide chart and one above the other on a tall one;
//! and the path clipped to the window where it flies off.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::svg::{hex, polylines, texts};
use plotters::prelude::*;
use relu_explorer::plot::theme::LIGHT;
use relu_explorer::plot::zigzag::{cell_grid_window, clip, draw, pieces, Panel, RESOLUTION};
use relu_explorer::zigzag::{Grid, ZigzagSettings, WINDOW};

fn render(settings: ZigzagSettings, size: (u32, u32)) -> String {
    let runs = settings.runs().unwrap();
    let grids: Vec<Grid> = runs
        .iter()
        .map(|run| {
            run.dataset
                .loss_grid(cell_grid_window(WINDOW, RESOLUTION), RESOLUTION)
                .unwrap()
        })
        .collect();
    let panel = |i: usize| Panel {
        title: if i == 0 { "Positive" } else { "Centred" },
        grid: &grids[i],
        start_loss: runs[i].path.losses[0],
        path: &runs[i].path.points,
        minimum: runs[i].path.minimum,
    };
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw(&area, WINDOW, &[panel(0), panel(1)], &LIGHT, 1.0).expect("the chart draws");
        area.present().expect("the SVG is written");
    }
    svg
}

/// The centres of the crosses in `color`: the midpoints of each pair of `<line>`s.
fn crosses(svg: &str, color: RGBColor) -> Vec<(i32, i32)> {
    let stroke = format!("stroke=\"{}\"", hex(color));
    let attr = |l: &str, name: &str| -> i32 {
        l.split(&format!(" {name}=\""))
            .nth(1)
            .and_then(|v| v.split('"').next()?.parse().ok())
            .unwrap()
    };
    let lines: Vec<(i32, i32)> = svg
        .lines()
        .filter(|l| l.contains("<line") && l.contains(&stroke))
        .map(|l| {
            (
                (attr(l, "x1") + attr(l, "x2")) / 2,
                (attr(l, "y1") + attr(l, "y2")) / 2,
            )
        })
        .collect();
    lines.chunks(2).map(|pair| pair[0]).collect()
}

/// Each panel's path: the polylines in the text colour, the first of each panel holding the
/// start.
fn paths(svg: &str) -> Vec<Vec<(i32, i32)>> {
    polylines(svg, LIGHT.text)
}

#[test]
fn a_wide_chart_shows_two_paths_side_by_side_each_from_its_start_to_the_marked_minimum() {
    let svg = render(ZigzagSettings::default(), (640, 360));
    let paths = paths(&svg);
    // At rate 1 neither path leaves the window: one polyline each, every point drawn.
    assert_eq!(paths.len(), 2, "{paths:?}");
    for path in &paths {
        assert_eq!(path.len(), 65);
    }
    assert!(paths[0].iter().all(|p| p.0 < 320) && paths[1].iter().all(|p| p.0 >= 320));
    let crosses = crosses(&svg, LIGHT.series[1]);
    assert_eq!(crosses.len(), 2, "{crosses:?}");
    for (path, cross) in paths.iter().zip(&crosses) {
        // The window is 3 wide and 3 high: the start (0, 0) is a third of the way in from the
        // left and from the top, the minimum (1, −1) two thirds; a square plot puts the cross as
        // far right of the start as below it.
        let start = path[0];
        let (dx, dy) = (cross.0 - start.0, cross.1 - start.1);
        assert!(dx > 50 && (dx - dy).abs() <= 2, "{start:?} {cross:?}");
        // Both runs end within a pixel or two of the minimum.
        let end = path[path.len() - 1];
        assert!((end.0 - cross.0).abs() <= 2 && (end.1 - cross.1).abs() <= 2);
    }
    // Each panel has its title and its axes' names.
    let words = texts(&svg);
    for word in ["Positive", "Centred"] {
        assert_eq!(words.iter().filter(|t| *t == word).count(), 1, "{words:?}");
    }
    for name in ["w₁", "w₂"] {
        assert_eq!(words.iter().filter(|t| *t == name).count(), 2, "{words:?}");
    }
    // The panels' plots are the same size, the second one panel width to the right.
    assert_eq!(crosses[1].1, crosses[0].1);
    assert_eq!(crosses[1].0 - crosses[0].0, 320);
}

#[test]
fn a_tall_chart_puts_the_panels_one_above_the_other() {
    let svg = render(ZigzagSettings::default(), (320, 400));
    let paths = paths(&svg);
    assert_eq!(paths.len(), 2);
    assert!(paths[0].iter().all(|p| p.1 < 200) && paths[1].iter().all(|p| p.1 >= 200));
    let crosses = crosses(&svg, LIGHT.series[1]);
    assert_eq!(crosses[1].0, crosses[0].0);
    assert_eq!(crosses[1].1 - crosses[0].1, 200);
}

#[test]
fn a_path_that_flies_off_is_drawn_only_inside_the_window() {
    let settings = ZigzagSettings {
        rate: 3.0,
        ..ZigzagSettings::default()
    };
    let svg = render(settings, (640, 360));
    let [positive, centred] = settings.runs().unwrap();
    // The positive run ends 10⁵ away: its pieces stop at the window's edge.
    assert!(positive.path.final_distance() > 1e3);
    let inside = pieces(&positive.path.points, &WINDOW);
    assert!(!inside.is_empty());
    for point in inside.iter().flatten() {
        assert!((WINDOW.w1_min..=WINDOW.w1_max).contains(&point.0));
        assert!((WINDOW.w2_min..=WINDOW.w2_max).contains(&point.1));
    }
    // The centred one stays inside, one piece with every point.
    assert_eq!(pieces(&centred.path.points, &WINDOW).len(), 1);
    let crosses = crosses(&svg, LIGHT.series[1]);
    let left = paths(&svg)
        .into_iter()
        .filter(|p| p[0].0 < 320)
        .flatten()
        .collect::<Vec<_>>();
    // Every point drawn is within the left panel's plot: no farther from the cross than the
    // plot's side (the minimum is inside it).
    let side = (crosses[0].0 - left[0].0) * 3;
    assert!(left
        .iter()
        .all(|p| (p.0 - crosses[0].0).abs() <= side && (p.1 - crosses[0].1).abs() <= side));
}

#[test]
fn clipping_a_segment_by_hand() {
    let window = WINDOW;
    // Wholly inside: unchanged.
    assert_eq!(
        clip([0.0, 0.0], [1.0, -1.0], &window),
        Some(([0.0, 0.0], [1.0, -1.0]))
    );
    // From inside to far right along w₂ = 0: cut at w₁ = 2.
    assert_eq!(
        clip([0.0, 0.0], [10.0, 0.0], &window),
        Some(([0.0, 0.0], [2.0, 0.0]))
    );
    // Through the window from outside to outside: cut at both ends.
    assert_eq!(
        clip([-5.0, 0.0], [5.0, 0.0], &window),
        Some(([-1.0, 0.0], [2.0, 0.0]))
    );
    // Wholly outside.
    assert_eq!(clip([3.0, 3.0], [4.0, 5.0], &window), None);
}
