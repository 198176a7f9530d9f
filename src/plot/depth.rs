//! The gradient-through-depth chart: for each activation, the factor of the gradient left after
//! each layer, on a log scale, from 1 at the top of the path (layer 0) down through layer L.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::activation::Activation;
use crate::depth::PathGradient;
use crate::plot::legend;
use crate::plot::small::{chart, SmallChart};
use crate::plot::theme::{series_index, Theme};

/// The lowest power of ten the chart reaches down to, however small a factor gets: sigmoid's
/// 0.25^50 is 10^−30, but a saturated path can reach 10^−200, which would flatten the rest.
pub const FLOOR_LOG10: f64 = -60.0;

/// One activation's path, with the name its legend shows.
pub struct Series<'a> {
    /// The legend's text for the activation.
    pub name: &'a str,
    /// What is left of the gradient, layer by layer.
    pub path: &'a PathGradient,
}

/// The log10 of a factor as the chart plots it on a y range starting at `bottom`: a factor of 0
/// (a cut path) or one below the range sits on its bottom edge.
pub fn plotted(factor: f64, bottom: f64) -> f64 {
    if factor > 0.0 {
        factor.log10().max(bottom)
    } else {
        bottom
    }
}

/// The y range: from 1 (log10 = 0) down to the smallest factor above 0, in whole powers of ten
/// and no lower than [`FLOOR_LOG10`], at least down to 10^−3 so that a path that keeps
/// everything still has room below it. A cut path's 0 is drawn on the bottom edge.
pub fn y_range(series: &[Series]) -> (f64, f64) {
    let lowest = series
        .iter()
        .flat_map(|s| s.path.product.iter())
        .filter(|factor| **factor > 0.0)
        .map(|factor| factor.log10().max(FLOOR_LOG10))
        .fold(-3.0_f64, f64::min);
    (lowest.floor() - 0.5, 0.5)
}

/// Draws every series as a line over layers 0…L, each starting at 1; a path cut to 0 drops to
/// the bottom edge at the layer that cut it, marked with a cross, and ends there. `title` goes
/// above the chart, the legend below it.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    series: &[Series],
    theme: &Theme,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let depth = series
        .iter()
        .map(|s| s.path.product.len())
        .max()
        .unwrap_or(1);
    let px = |v: f64| (v * scale).round() as i32;
    area.fill(&theme.background)?;
    let labels = series
        .iter()
        .map(|s| {
            (
                s.name.to_string(),
                theme.series[series_index(s.path.activation)].to_rgba(),
            )
        })
        .collect();
    let legend = legend::layout(area, labels, theme, scale)?;
    let height = area.dim_in_pixel().1 as i32;
    let (plot_area, legend_area) =
        area.split_vertically((height - legend.height() - px(6.0)).max(height / 2));
    let y = y_range(series);
    let mut chart = chart(
        &plot_area,
        &SmallChart {
            title,
            x: (0.0, depth.max(1) as f64),
            y,
            log_y: true,
        },
        theme,
        scale,
    )?;
    let width = (2.0 * scale).round().max(1.0) as u32;
    let mark = (4.0 * scale).round().max(2.0) as i32;
    for s in series {
        let color = theme.series[series_index(s.path.activation)];
        // ReLU and Leaky ReLU coincide at 1 wherever every unit is on: ReLU, drawn first and
        // wider, shows on both sides of Leaky ReLU's line.
        let width = if s.path.activation == Activation::Relu {
            (5.0 * scale).round().max(3.0) as u32
        } else {
            width
        };
        // A cut path ends where it is cut: nothing flows on below that layer.
        let cut = s.path.cut_at();
        let shown = cut.map_or(s.path.product.len(), |layer| layer as usize);
        let line: Vec<(f64, f64)> = std::iter::once((0.0, 0.0))
            .chain(
                s.path.product[..shown]
                    .iter()
                    .enumerate()
                    .map(|(layer, factor)| ((layer + 1) as f64, plotted(*factor, y.0))),
            )
            .collect();
        chart.draw_series(LineSeries::new(line, color.stroke_width(width)))?;
        if let Some(layer) = cut {
            chart.draw_series(std::iter::once(Cross::new(
                (f64::from(layer), y.0),
                mark,
                color.stroke_width(width),
            )))?;
        }
    }
    legend::draw(&legend_area, &legend, theme, scale)?;
    Ok(())
}
