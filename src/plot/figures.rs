//! The main charts as figures for slides (`cargo xtask figures` writes them as SVG), drawn by the
//! code that draws the page's canvases, in the light theme, at a fixed state: the graph and the
//! gradient-through-depth and no-upper-limit experiments as the page opens, and the lab's charts
//! after [`LAB_STEPS`] steps of its default, seeded run.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::lab::{Lab, LabSettings};
use crate::mlp::MlpError;
use crate::plot::depth::{self, Series};
use crate::plot::graph::{self, GraphSpec};
use crate::plot::lab_charts::{self, LabChart};
use crate::plot::layers;
use crate::plot::theme::LIGHT;
use crate::state::State;
use crate::text::Strings;

/// Training steps the lab's figures show.
pub const LAB_STEPS: u64 = 1000;

/// Pixels per CSS pixel of the page: plotters' SVG backend writes a font a fifth smaller than
/// the canvas draws it, and this brings the figures' words back to the page's proportions.
const SCALE: f64 = 1.25;

/// A figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    /// The graph of ReLU and its derivative, at the page's defaults.
    Graph,
    /// One of the lab's charts.
    Lab(LabChart),
    /// What is left of the gradient after each layer, for each activation, at the gradient
    /// through depth experiment's defaults.
    Depth,
    /// The size of the activations after each layer, for each activation, at the no-upper-limit
    /// experiment's defaults.
    Growth,
}

/// Every figure.
pub const FIGURES: [Figure; 7] = [
    Figure::Graph,
    Figure::Depth,
    Figure::Growth,
    Figure::Lab(LabChart::Fit),
    Figure::Lab(LabChart::Units),
    Figure::Lab(LabChart::Dead),
    Figure::Lab(LabChart::Loss),
];

impl Figure {
    /// Its file name without extension, the one the page's PNG export uses after
    /// `relu-explorer-`.
    pub fn name(self) -> &'static str {
        match self {
            Figure::Graph => "graph",
            Figure::Lab(LabChart::Fit) => "lab-fit",
            Figure::Lab(LabChart::Units) => "lab-units",
            Figure::Lab(LabChart::Dead) => "lab-dead",
            Figure::Lab(LabChart::Loss) => "lab-loss",
            Figure::Depth => "gradient-depth",
            Figure::Growth => "no-upper-limit",
        }
    }

    /// Its size in pixels: the shapes the page gives its canvases (4:3 and 16:10).
    pub fn size(self) -> (u32, u32) {
        match self {
            Figure::Graph => (800, 600),
            Figure::Lab(_) | Figure::Depth | Figure::Growth => (560, 350),
        }
    }
}

/// The lab's default run after [`LAB_STEPS`] steps, taken as the page takes them: a frame's
/// worth at a time, with a census after each.
pub fn trained_lab() -> Result<Lab, MlpError> {
    let mut lab = Lab::new(LabSettings::default())?;
    let per_frame = u64::from(lab.settings().steps_per_frame.max(1));
    // One frame at least takes a step, so this many frames reach LAB_STEPS unless it diverges.
    for _ in 0..LAB_STEPS.div_ceil(per_frame) {
        let steps = per_frame.min(LAB_STEPS - lab.step()) as u32;
        let taken = lab.advance(steps);
        lab.census();
        if taken == 0 || lab.step() >= LAB_STEPS {
            break;
        }
    }
    Ok(lab)
}

/// Draws `figure` on `area` with `strings`; a lab figure shows `lab` (see [`trained_lab`]).
/// The experiments' defaults are always drawable: a refusal from their core would be a layout
/// error here.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    figure: Figure,
    lab: &mut Lab,
    strings: &Strings,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    match figure {
        Figure::Graph => {
            let spec = GraphSpec::of(&State::default(), SCALE);
            graph::draw(area, &spec, &LIGHT, strings).map(|_| ())
        }
        Figure::Lab(chart) => {
            let grid = lab_charts::grid();
            lab_charts::draw(area, chart, lab, &grid, &LIGHT, strings, SCALE)
        }
        Figure::Depth => {
            let paths = State::default()
                .grad
                .paths()
                .map_err(|_| DrawingAreaErrorKind::LayoutError)?;
            let series: Vec<Series> = paths
                .iter()
                .zip(strings.depth_legend)
                .map(|(path, name)| Series { name, path })
                .collect();
            depth::draw(area, strings.depth_chart_title, &series, &LIGHT, SCALE)
        }
        Figure::Growth => {
            let sizes = State::default()
                .growth
                .sizes()
                .map_err(|_| DrawingAreaErrorKind::LayoutError)?;
            let series = layers::growth_lines(&sizes, &strings.depth_legend);
            layers::draw(area, strings.growth_chart_title, &series, &LIGHT, SCALE)
        }
    }
}
