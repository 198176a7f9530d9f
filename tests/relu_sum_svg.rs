//! The sum-of-ReLUs chart, drawn to SVG: the target and the fitted sum over the whole range, a
//! kink line and a handle at each unit's kink, the selected handle larger, and the plot's ends
//! returned for the pointer.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::svg::{hex, polylines, texts};
use plotters::prelude::*;
use relu_explorer::kinks::Side;
use relu_explorer::plot::relu_sum::{draw, y_range, BuilderChart};
use relu_explorer::plot::theme::LIGHT;
use relu_explorer::relu_sum::{fit, Target, Unit, GRID_POINTS};

fn render(
    target: Target,
    units: &[Unit],
    selected: Option<usize>,
) -> (String, std::ops::Range<i32>) {
    let values = target.values();
    let fitted = fit(units, &values).unwrap();
    let mut svg = String::new();
    let range;
    {
        let area = SVGBackend::with_string(&mut svg, (480, 320)).into_drawing_area();
        range = draw(
            &area,
            &BuilderChart {
                title: "Sum of ReLUs",
                legend: ["target", "sum", "kink"],
                target: &values,
                fit: &fitted,
                units,
                selected,
            },
            &LIGHT,
            1.0,
        )
        .expect("the chart draws");
        area.present().expect("the SVG is written");
    }
    (svg, range)
}

/// The `<polygon>`s filled or stroked in `color`, as their point lists.
fn polygons(svg: &str, color: RGBColor) -> Vec<Vec<(i32, i32)>> {
    let fill = format!("fill=\"{}\"", hex(color));
    svg.lines()
        .filter(|l| l.contains("<polygon") && l.contains(&fill))
        .map(|l| {
            l.split("points=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .split_whitespace()
                .map(|p| {
                    let (x, y) = p.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_target_and_an_exact_sum_lie_on_each_other_and_each_kink_has_its_handle() {
    let units = Target::Hat.exact_units().unwrap();
    let (svg, range) = render(Target::Hat, &units, Some(1));
    let target = polylines(&svg, LIGHT.axis)
        .into_iter()
        .max_by_key(Vec::len)
        .unwrap();
    assert_eq!(target.len(), GRID_POINTS);
    let sum = polylines(&svg, LIGHT.series[0])
        .into_iter()
        .max_by_key(Vec::len)
        .unwrap();
    // The exact sum is drawn where the target is, to the pixel.
    assert_eq!(sum, target);
    // The range's ends are the plot's: the target starts at x = −2 and ends at 2.
    assert_eq!((target[0].0, target[400].0), (range.start, range.end));
    let at = |x: f64| {
        range.start + ((x + 2.0) / 4.0 * f64::from(range.end - range.start)).round() as i32
    };
    // A vertical kink line at −1, 0 and 1.
    let kink_lines: Vec<i32> = polylines(&svg, LIGHT.series[2])
        .into_iter()
        .filter(|l| l.len() == 2 && l[0].0 == l[1].0 && l[0].1 != l[1].1)
        .map(|l| l[0].0)
        .collect();
    for x in [-1.0, 0.0, 1.0] {
        assert!(
            kink_lines.iter().any(|k| (k - at(x)).abs() <= 1),
            "{x}: {kink_lines:?}"
        );
    }
    // One filled handle, the selected unit's at 0; the others are rings on the background.
    let filled = polygons(&svg, LIGHT.series[2]);
    assert_eq!(filled.len(), 1);
    assert!((filled[0][0].0 - at(0.0)).abs() <= 1);
    assert_eq!(polygons(&svg, LIGHT.background).len(), 2);
    // The handles are numbered in the units' order, and the legend names the three lines.
    let words = texts(&svg);
    for word in ["1", "2", "3", "target", "sum", "kink", "Sum of ReLUs"] {
        assert!(words.iter().any(|w| w == word), "{word}: {words:?}");
    }
}

#[test]
fn each_units_own_term_is_drawn_faint_within_the_plot() {
    let units = [
        Unit {
            kink: -1.0,
            side: Side::Right,
        },
        Unit {
            kink: -0.9,
            side: Side::Right,
        },
    ];
    let (svg, _) = render(Target::Sine, &units, None);
    let faint = polylines(&svg, LIGHT.dead);
    assert!(!faint.is_empty());
    let y = y_range(
        &Target::Sine.values(),
        &fit(&units, &Target::Sine.values()).unwrap().curve,
    );
    assert!(y.0 < -1.0 && y.1 > 1.0, "{y:?}");
    // The kink lines run from the plot's bottom edge to its top: nothing faint goes beyond.
    let kink = polylines(&svg, LIGHT.series[2])
        .into_iter()
        .find(|l| l.len() == 2 && l[0].0 == l[1].0)
        .unwrap();
    let (top, bottom) = (kink[0].1.min(kink[1].1), kink[0].1.max(kink[1].1));
    assert!(
        faint
            .iter()
            .flatten()
            .all(|p| (top..=bottom).contains(&p.1)),
        "{faint:?} outside {top}..{bottom}"
    );
}
