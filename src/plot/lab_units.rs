//! The lab's units chart: each first-layer unit's activation over x, the kinks that add up to
//! the prediction; dead units in grey.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::plot::small::{chart, finite_range, line, SmallChart};
use crate::plot::theme::Theme;
use crate::text::Strings;

/// Draws one curve per unit over `grid`; `dead[i]` greys unit i.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    grid: &[f32],
    curves: &[Vec<f32>],
    dead: &[bool],
    theme: &Theme,
    strings: &Strings,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (low, high) = finite_range(curves.iter().flatten(), (0.0, 1.0));
    let mut chart = chart(
        area,
        &SmallChart {
            title: strings.lab_units_title,
            x: (-1.0, 1.0),
            y: (low, high),
            log_y: false,
        },
        theme,
        scale,
    )?;
    let width = (1.5 * scale).round().max(1.0) as u32;
    // Dead units first, so that the living draw over them.
    for pass_dead in [true, false] {
        for (curve, _) in curves
            .iter()
            .zip(dead.iter().chain(std::iter::repeat(&false)))
            .filter(|(_, d)| **d == pass_dead)
        {
            let color = if pass_dead {
                theme.dead.to_rgba()
            } else {
                theme.series[2].mix(0.8)
            };
            chart.draw_series(LineSeries::new(
                line(grid, curve),
                color.stroke_width(width),
            ))?;
        }
    }
    Ok(())
}
