//! The lab's fit chart: the training targets, the network's prediction over [−1, 1], and the
//! kinks where the prediction bends because a hidden unit switches.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::lab::Bend;
use crate::plot::small::{chart, finite_range, line, SmallChart};
use crate::plot::theme::Theme;
use crate::text::Strings;

/// Draws the targets (dots) at `xs`, the prediction (a line) at `grid`, and a ring on the line
/// at each of `bends`: hollow where a first-layer unit switches (its x = −b/w), filled where
/// only deeper units do. A ring's height is the drawn line's there (the line interpolates
/// `grid`), so it sits on the line however coarse the grid; a bend outside `grid` or where the
/// line is not finite gets none.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (xs, ys): (&[f32], &[f32]),
    (grid, prediction): (&[f32], &[f32]),
    bends: &[Bend],
    theme: &Theme,
    strings: &Strings,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (low, high) = finite_range(ys.iter().chain(prediction), (-1.0, 1.0));
    let mut chart = chart(
        area,
        &SmallChart {
            title: strings.lab_fit_title,
            x: (-1.0, 1.0),
            y: (low, high),
            log_y: false,
        },
        theme,
        scale,
    )?;
    let dot = (2.0 * scale).round() as i32;
    chart.draw_series(
        xs.iter()
            .zip(ys)
            .map(|(&x, &y)| Circle::new((f64::from(x), f64::from(y)), dot, theme.axis.filled())),
    )?;
    chart.draw_series(LineSeries::new(
        line(grid, prediction),
        theme.series[0].stroke_width((2.5 * scale).round().max(1.0) as u32),
    ))?;
    // A kink is drawn in the text colour, over the line, so that it reads on either theme and
    // against the series' blue; the background fill keeps a hollow one visibly hollow.
    let ring = (3.5 * scale).round() as i32;
    let stroke = (1.5 * scale).round().max(1.0) as u32;
    let inside = |bend: &Bend| {
        if bend.first_layer {
            theme.background.filled()
        } else {
            theme.text.filled()
        }
    };
    let rings: Vec<((f64, f64), &Bend)> = bends
        .iter()
        .filter_map(|b| Some(((f64::from(b.x), on_line(grid, prediction, b.x)?), b)))
        .collect();
    chart.draw_series(
        rings
            .iter()
            .map(|&(at, b)| Circle::new(at, ring, inside(b))),
    )?;
    chart.draw_series(
        rings
            .iter()
            .map(|&(at, _)| Circle::new(at, ring, theme.text.stroke_width(stroke))),
    )?;
    Ok(())
}

/// The height at `x` of the polyline through (`grid`, `values`) (`grid` ascending), if `x` is
/// within it and the height is finite.
fn on_line(grid: &[f32], values: &[f32], x: f32) -> Option<f64> {
    let i = grid.partition_point(|&g| g < x);
    let (x1, y1) = (*grid.get(i)?, *values.get(i)?);
    let (x0, y0) = match i.checked_sub(1) {
        Some(j) => (grid[j], *values.get(j)?),
        None if x1 == x => (x1, y1),
        None => return None,
    };
    let (x, x0, x1, y0, y1) = (
        f64::from(x),
        f64::from(x0),
        f64::from(x1),
        f64::from(y0),
        f64::from(y1),
    );
    let y = if x1 == x0 {
        y1
    } else {
        y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    };
    y.is_finite().then_some(y)
}
