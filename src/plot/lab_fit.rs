//! The lab's fit chart: the training targets and the network's prediction over [−1, 1].

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::plot::small::{chart, finite_range, line, SmallChart};
use crate::plot::theme::Theme;
use crate::text::Strings;

/// Draws the targets (dots) at `xs` and the prediction (a line) at `grid`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (xs, ys): (&[f32], &[f32]),
    (grid, prediction): (&[f32], &[f32]),
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
    Ok(())
}
