//! A value followed layer by layer through a deep network, one line per activation, on a log
//! scale: what is left of the gradient (gradient through depth), or how large the activations
//! are (no upper limit). Geometric growth or decay is a straight line.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::activation::Activation;
use crate::plot::legend;
use crate::plot::small::{chart, SmallChart};
use crate::plot::theme::{series_index, Theme};

/// The lowest power of ten the chart reaches down to, however small a value gets: sigmoid's
/// 0.25^50 is 10^−30, but a saturated path can reach 10^−200, which would flatten the rest.
pub const FLOOR_LOG10: f64 = -60.0;
/// The highest power of ten the chart reaches up to, for the same reason.
pub const CEILING_LOG10: f64 = 60.0;

/// One activation's line.
pub struct LayerSeries<'a> {
    /// The legend's text for the activation.
    pub name: &'a str,
    /// The activation, which gives the line its colour.
    pub activation: Activation,
    /// The value at layer 0, where the line starts.
    pub start: f64,
    /// The values after layers 1…L.
    pub values: &'a [f64],
    /// The layer (counting from 1) where the value became exactly 0 and the line stops at the
    /// bottom edge with a cross: a ReLU path cut by an inactive unit.
    pub cut: Option<u32>,
}

/// The log10 of a value as the chart plots it on a y range starting at `bottom`: 0 (a cut
/// path) or a value below the range sits on its bottom edge; a value above
/// [`CEILING_LOG10`] on that.
pub fn plotted(value: f64, bottom: f64) -> f64 {
    if value > 0.0 {
        value.log10().max(bottom).min(CEILING_LOG10)
    } else {
        bottom
    }
}

/// The y range: from the smallest value above 0 to the largest, in whole powers of ten, within
/// [`FLOOR_LOG10`] and [`CEILING_LOG10`]; at least from 10^−3 to 1, so that a level line has
/// room around it. A cut path's 0 is drawn on the bottom edge.
pub fn y_range(series: &[LayerSeries]) -> (f64, f64) {
    let logs = || {
        series
            .iter()
            .flat_map(|s| std::iter::once(&s.start).chain(s.values))
            .filter(|value| **value > 0.0 && value.is_finite())
            .map(|value| value.log10().clamp(FLOOR_LOG10, CEILING_LOG10))
    };
    let lowest = logs().fold(-3.0_f64, f64::min);
    let highest = logs().fold(0.0_f64, f64::max);
    (lowest.floor() - 0.5, highest.ceil() + 0.5)
}

/// The no-upper-limit chart's lines: for each activation of [`crate::depth::ACTIVATIONS`] with
/// its legend's name, its activations' size after each layer (`sizes`, as
/// [`crate::growth::GrowthSettings::sizes`] gives them), from 1 at layer 0 and never cut.
pub fn growth_lines<'a>(sizes: &'a [Vec<f64>], names: &[&'a str]) -> Vec<LayerSeries<'a>> {
    crate::depth::ACTIVATIONS
        .iter()
        .zip(sizes)
        .zip(names)
        .map(|(((_, activation), values), name)| LayerSeries {
            name,
            activation: *activation,
            start: 1.0,
            values,
            cut: None,
        })
        .collect()
}

/// Draws every series as a line over layers 0…L; a cut one drops to the bottom edge at the
/// layer that cut it, marked with a cross, and ends there. `title` goes above the chart, the
/// legend below it.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    series: &[LayerSeries],
    theme: &Theme,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let depth = series.iter().map(|s| s.values.len()).max().unwrap_or(1);
    let px = |v: f64| (v * scale).round() as i32;
    area.fill(&theme.background)?;
    let labels = series
        .iter()
        .map(|s| {
            (
                s.name.to_string(),
                theme.series[series_index(s.activation)].to_rgba(),
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
        let color = theme.series[series_index(s.activation)];
        // ReLU and Leaky ReLU often coincide (every unit on, or a leak too small to see on the
        // scale): ReLU, drawn first and wider, shows on both sides of Leaky ReLU's line.
        let width = if s.activation == Activation::Relu {
            (5.0 * scale).round().max(3.0) as u32
        } else {
            width
        };
        // A cut path ends where it is cut: nothing flows on below that layer.
        let shown = s
            .cut
            .map_or(s.values.len(), |layer| (layer as usize).min(s.values.len()));
        let line: Vec<(f64, f64)> = std::iter::once((0.0, plotted(s.start, y.0)))
            .chain(
                s.values[..shown]
                    .iter()
                    .enumerate()
                    .map(|(layer, value)| ((layer + 1) as f64, plotted(*value, y.0))),
            )
            .collect();
        chart.draw_series(LineSeries::new(line, color.stroke_width(width)))?;
        if let Some(layer) = s.cut {
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
