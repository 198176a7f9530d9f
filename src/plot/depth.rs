//! The gradient-through-depth chart: for each activation, the factor of the gradient left after
//! each layer, on a log scale, from 1 at the top of the path (layer 0) down through layer L.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::depth::PathGradient;
use crate::plot::layers::{self, LayerSeries};
use crate::plot::theme::Theme;

pub use crate::plot::layers::{plotted, FLOOR_LOG10};

/// One activation's path, with the name its legend shows.
pub struct Series<'a> {
    /// The legend's text for the activation.
    pub name: &'a str,
    /// What is left of the gradient, layer by layer.
    pub path: &'a PathGradient,
}

impl<'a> Series<'a> {
    /// The path as the per-layer chart draws it: from 1 at layer 0, cut where a unit cut it.
    fn line(&self) -> LayerSeries<'a> {
        LayerSeries {
            name: self.name,
            activation: self.path.activation,
            start: 1.0,
            values: &self.path.product,
            cut: self.path.cut_at(),
        }
    }
}

/// The y range: from 1 (log10 = 0) down to the smallest factor above 0, in whole powers of ten
/// and no lower than [`FLOOR_LOG10`], at least down to 10^−3 so that a path that keeps
/// everything still has room below it. A cut path's 0 is drawn on the bottom edge.
pub fn y_range(series: &[Series]) -> (f64, f64) {
    let lines: Vec<LayerSeries> = series.iter().map(Series::line).collect();
    layers::y_range(&lines)
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
    let lines: Vec<LayerSeries> = series.iter().map(Series::line).collect();
    layers::draw(area, title, &lines, theme, scale)
}
