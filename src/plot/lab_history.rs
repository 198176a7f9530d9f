//! The lab's history charts: a series per hidden layer (dead share) or the loss, over steps.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::lab::History;
use crate::plot::small::{chart, finite_range, SmallChart};
use crate::plot::theme::Theme;

/// Draws each history as a line over training steps; `log_y` plots log10 of positive values.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    histories: &[&History],
    log_y: bool,
    fixed_y: Option<(f64, f64)>,
    theme: &Theme,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let value = |v: f32| {
        if log_y {
            f64::from(v).log10()
        } else {
            f64::from(v)
        }
    };
    let last_step = histories
        .iter()
        .filter_map(|h| h.points().last())
        .map(|(s, _)| *s)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let y = fixed_y.unwrap_or_else(|| {
        let values: Vec<f32> = histories
            .iter()
            .flat_map(|h| h.points().iter().map(|(_, v)| value(*v) as f32))
            .collect();
        finite_range(values.iter(), (0.0, 1.0))
    });
    let mut chart = chart(
        area,
        &SmallChart {
            title,
            x: (0.0, last_step),
            y,
            log_y,
        },
        theme,
        scale,
    )?;
    let width = (2.0 * scale).round().max(1.0) as u32;
    for (i, history) in histories.iter().enumerate() {
        let line: Vec<(f64, f64)> = history
            .points()
            .iter()
            .map(|&(s, v)| (s as f64, value(v)))
            .filter(|(_, v)| v.is_finite())
            .collect();
        let color = theme.series[[0, 3, 4][i % 3]];
        // The latest value as a dot: before training the history is step 0 alone, a point
        // that a line would not show.
        let last = line.last().copied();
        chart.draw_series(LineSeries::new(line, color.stroke_width(width)))?;
        if let Some(point) = last {
            chart.draw_series(std::iter::once(Circle::new(
                point,
                (3.5 * scale).round() as i32,
                color.filled(),
            )))?;
        }
    }
    Ok(())
}
