//! The lab's four charts as the page shows them, drawn from a run: what the lab's canvases and
//! `cargo xtask figures` share, so that a figure for slides is the chart a learner saw.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::lab::Lab;
use crate::plot::theme::Theme;
use crate::plot::{lab_fit, lab_history, lab_units};
use crate::text::Strings;

/// Points at which the prediction and the unit curves are drawn.
pub const GRID_POINTS: usize = 129;

/// The x at which the prediction and the unit curves are drawn: [`GRID_POINTS`] evenly spaced
/// over [−1, 1].
pub fn grid() -> Vec<f32> {
    (0..GRID_POINTS)
        .map(|i| -1.0 + 2.0 * i as f32 / (GRID_POINTS - 1) as f32)
        .collect()
}

/// One of the lab's charts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabChart {
    /// The targets and the network's prediction.
    Fit,
    /// The first layer's units over x, dead ones grey.
    Units,
    /// The share of dead units per layer over steps.
    Dead,
    /// The loss over steps, on a log scale.
    Loss,
}

impl LabChart {
    /// Every chart, in the page's order.
    pub const ALL: [LabChart; 4] = [
        LabChart::Fit,
        LabChart::Units,
        LabChart::Dead,
        LabChart::Loss,
    ];
}

/// Draws `chart` of `lab` on `area`, with curves sampled at `grid` (see [`grid`]).
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: LabChart,
    lab: &mut Lab,
    grid: &[f32],
    theme: &Theme,
    strings: &Strings,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    match chart {
        LabChart::Fit => {
            let prediction = lab.predict(grid);
            let bends = lab.bends().unwrap_or_default();
            let data = (lab.inputs(), lab.targets());
            lab_fit::draw(
                area,
                data,
                (grid, &prediction),
                &bends,
                theme,
                strings,
                scale,
            )
        }
        LabChart::Units => {
            let curves = lab.first_layer_curves(grid);
            let width = lab.settings().width;
            let dead: Vec<bool> = lab.dead().iter().take(width).copied().collect();
            lab_units::draw(area, grid, &curves, &dead, theme, strings, scale)
        }
        LabChart::Dead => {
            let dead: Vec<_> = lab.dead_history().iter().collect();
            let title = strings.lab_dead_title;
            let range = Some((-0.05, 1.05));
            lab_history::draw(area, title, &dead, false, range, theme, scale)
        }
        LabChart::Loss => {
            let loss = [lab.loss_history()];
            let title = strings.lab_loss_title;
            lab_history::draw(area, title, &loss, true, None, theme, scale)
        }
    }
}
