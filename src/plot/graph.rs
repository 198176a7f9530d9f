//! The main graph: ReLU and its derivative on one set of axes (the article's figure), with the
//! input x marked on every curve and optional Leaky ReLU, sigmoid and tanh overlays.

use std::ops::Range;

use plotters::coord::types::RangedCoordf64;
use plotters::coord::ReverseCoordTranslate;
use plotters::coord::Shift;
use plotters::prelude::*;

use crate::activation::Activation;
use crate::plot::axis;
use crate::plot::labels::label;
use crate::plot::legend;
use crate::plot::theme::{series_index, Theme};
use crate::state::State;
use crate::text::{fill, Strings};

/// Samples per smooth curve, as the article's `np.linspace(-10, 10, 1000)`.
pub const SAMPLES: usize = 1000;

/// At most this many labels on the x axis.
const X_LABELS: usize = 11;
/// At most this many on the y axis.
const Y_LABELS: usize = 9;

/// The graph's coordinate system: data (x, y) to backend pixels and back.
pub type GraphCoord = Cartesian2d<RangedCoordf64, RangedCoordf64>;

/// What the graph shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GraphSpec {
    /// Left end of the x range.
    pub x_min: f64,
    /// Right end of the x range.
    pub x_max: f64,
    /// The marked input.
    pub x: f64,
    /// The Leaky ReLU overlay's slope, when shown.
    pub leaky_slope: Option<f32>,
    /// Whether the sigmoid overlay is shown.
    pub sigmoid: bool,
    /// Whether the tanh overlay is shown.
    pub tanh: bool,
    /// Backend pixels per CSS pixel (the device pixel ratio): fonts, margins and strokes scale
    /// with it.
    pub scale: f64,
}

impl GraphSpec {
    /// What the graph shows for `state`, at `scale` backend pixels per CSS pixel.
    pub fn of(state: &State, scale: f64) -> GraphSpec {
        GraphSpec {
            x_min: state.x_min,
            x_max: state.x_max,
            x: state.x,
            leaky_slope: state.show_leaky.then_some(state.slope as f32),
            sigmoid: state.show_sigmoid,
            tanh: state.show_tanh,
            scale,
        }
    }
}

/// One drawn curve.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    /// The activation it belongs to.
    pub activation: Activation,
    /// True for the derivative, false for the function.
    pub derivative: bool,
    /// Its points in data coordinates, in drawing order. Two points with the same x in a row
    /// are a jump, drawn as a gap: see [`Curve::pieces`].
    pub points: Vec<(f64, f64)>,
}

impl Curve {
    /// The curve's pieces, split at each jump (two points in a row with the same x and
    /// different y): a derivative that jumps from 0 to 1 at x = 0 takes no value in between,
    /// so no line joins the two sides; the dots at the kink show which value it takes there.
    pub fn pieces(&self) -> Vec<&[(f64, f64)]> {
        let mut pieces = Vec::new();
        let mut start = 0;
        for (i, pair) in self.points.windows(2).enumerate() {
            if pair[0].0 == pair[1].0 && pair[0].1 != pair[1].1 {
                pieces.push(&self.points[start..=i]);
                start = i + 1;
            }
        }
        pieces.push(&self.points[start..]);
        pieces
    }
}

/// What a draw produced: the coordinate system (for pointer mapping and tests) and the curves.
#[derive(Clone)]
pub struct Drawn {
    /// Data to backend coordinates for the plotting area.
    pub coord: GraphCoord,
    /// The curves, in drawing order.
    pub curves: Vec<Curve>,
}

impl Drawn {
    /// The backend pixel where data point (x, y) is drawn.
    pub fn backend_coord(&self, x: f64, y: f64) -> (i32, i32) {
        self.coord.translate(&(x, y))
    }

    /// The data point drawn at backend pixel `pixel`, if it lies in the plotting area.
    pub fn data_coord(&self, pixel: (i32, i32)) -> Option<(f64, f64)> {
        self.coord.reverse_translate(pixel)
    }

    /// The plotting area's first and last backend pixel columns and its top pixel row.
    pub fn plot_pixels(&self) -> (i32, i32, i32) {
        let x = self.coord.get_x_range();
        let y = self.coord.get_y_range();
        let (left, top) = self.coord.translate(&(x.start, y.end));
        let (right, _) = self.coord.translate(&(x.end, y.end));
        (left, right, top)
    }

    /// Every curve as a polyline in backend pixels.
    pub fn polylines(&self) -> Vec<Vec<(i32, i32)>> {
        self.curves
            .iter()
            .flat_map(Curve::pieces)
            .map(|piece| piece.iter().map(|p| self.coord.translate(p)).collect())
            .collect()
    }
}

/// The activations shown, in drawing order, with their theme colour index.
fn shown(spec: &GraphSpec) -> Vec<(Activation, usize)> {
    let mut list = vec![Activation::Relu];
    if let Some(slope) = spec.leaky_slope {
        list.push(Activation::LeakyRelu(slope));
    }
    if spec.sigmoid {
        list.push(Activation::Sigmoid);
    }
    if spec.tanh {
        list.push(Activation::Tanh);
    }
    list.into_iter().map(|a| (a, series_index(a))).collect()
}

/// The sample grid: `SAMPLES` evenly spaced points, plus x = 0 where the kink is (what the
/// curves are drawn through, and what the graph's CSV export lists).
pub fn grid(x_min: f64, x_max: f64) -> Vec<f64> {
    let step = (x_max - x_min) / (SAMPLES - 1) as f64;
    let mut xs: Vec<f64> = (0..SAMPLES).map(|i| x_min + step * i as f64).collect();
    xs[SAMPLES - 1] = x_max;
    if x_min < 0.0 && 0.0 < x_max {
        let at = xs.partition_point(|&v| v < 0.0);
        if xs[at] != 0.0 {
            xs.insert(at, 0.0);
        }
    }
    xs
}

/// Evaluates `activation` in `f32`, as the page computes it.
fn value(activation: Activation, x: f64) -> f64 {
    f64::from(activation.forward(x as f32))
}

/// The derivative with PyTorch's value at a kink.
fn slope_at(activation: Activation, x: f64) -> f64 {
    f64::from(activation.derivative(x as f32))
}

/// The derivative of a piecewise-linear activation, exactly: flat, a jump at 0 (two points at
/// x = 0, drawn as a gap), flat again. `plt.step` would join the sides with a vertical line, as
/// if the derivative took every value between them.
fn step_derivative(activation: Activation, x_min: f64, x_max: f64) -> Vec<(f64, f64)> {
    let below = slope_at(activation, -1.0);
    let above = slope_at(activation, 1.0);
    if x_max <= 0.0 {
        vec![(x_min, below), (x_max, below)]
    } else if x_min >= 0.0 {
        vec![(x_min, above), (x_max, above)]
    } else {
        vec![(x_min, below), (0.0, below), (0.0, above), (x_max, above)]
    }
}

/// The curves the graph draws for `spec`: each shown activation and its derivative.
pub fn curves(spec: &GraphSpec) -> Vec<Curve> {
    let xs = grid(spec.x_min, spec.x_max);
    let mut out = Vec::new();
    for (activation, _) in shown(spec) {
        out.push(Curve {
            activation,
            derivative: false,
            points: xs.iter().map(|&x| (x, value(activation, x))).collect(),
        });
        let derivative = match activation {
            Activation::Relu | Activation::LeakyRelu(_) => {
                step_derivative(activation, spec.x_min, spec.x_max)
            }
            Activation::Sigmoid | Activation::Tanh => {
                xs.iter().map(|&x| (x, slope_at(activation, x))).collect()
            }
        };
        out.push(Curve {
            activation,
            derivative: true,
            points: derivative,
        });
    }
    out
}

/// The y range that holds every curve, with a margin, never thinner than [0, 1].
fn y_range(curves: &[Curve]) -> (f64, f64) {
    let (mut low, mut high) = (0.0_f64, 1.0_f64);
    for (_, y) in curves.iter().flat_map(|c| c.points.iter()) {
        if y.is_finite() {
            low = low.min(*y);
            high = high.max(*y);
        }
    }
    let pad = (high - low) * 0.05;
    (low - pad, high + pad)
}

fn legend_label(s: &Strings, activation: Activation, derivative: bool) -> String {
    match (activation, derivative) {
        (Activation::Relu, false) => s.relu.to_string(),
        (Activation::Relu, true) => s.relu_derivative.to_string(),
        (Activation::LeakyRelu(slope), false) => fill(s.leaky, &[("slope", &slope.to_string())]),
        (Activation::LeakyRelu(_), true) => s.leaky_derivative.to_string(),
        (Activation::Sigmoid, false) => s.sigmoid.to_string(),
        (Activation::Sigmoid, true) => s.sigmoid_derivative.to_string(),
        (Activation::Tanh, false) => s.tanh.to_string(),
        (Activation::Tanh, true) => s.tanh_derivative.to_string(),
    }
}

/// A curve's colour: ReLU's derivative has its own (as in the article's figure); the overlays'
/// derivatives are their function's colour, lighter.
fn curve_color(theme: &Theme, curve: &Curve, index: usize) -> RGBAColor {
    match (curve.activation, curve.derivative) {
        (Activation::Relu, true) => theme.series[1].to_rgba(),
        (_, false) => theme.series[index].to_rgba(),
        (_, true) => theme.series[index].mix(theme.derivative_alpha),
    }
}

/// Draws the graph for `spec` on `area`, returning its coordinate system and curves.
///
/// Both axes are made safe for plotters first ([`axis::sane`]): a `State` keeps the x range
/// within its domain, and this keeps any other spec from hanging the page.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &GraphSpec,
    theme: &Theme,
    strings: &Strings,
) -> Result<Drawn, DrawingAreaErrorKind<DB::ErrorType>> {
    let (x_min, x_max) = axis::sane((spec.x_min, spec.x_max), (-10.0, 10.0));
    let spec = &GraphSpec {
        x_min,
        x_max,
        x: spec.x.max(x_min).min(x_max),
        ..*spec
    };
    let s = spec.scale;
    let px = |v: f64| (v * s).round() as i32;
    let curves = curves(spec);
    let (y_min, y_max) = axis::sane(y_range(&curves), (0.0, 1.0));
    let font = |size: f64| {
        (FontFamily::Name(crate::plot::theme::FONT_FAMILY), size * s)
            .into_font()
            .color(&theme.text)
    };

    let index_of: Vec<(Activation, usize)> = shown(spec);
    let color_index = |a: Activation| {
        index_of
            .iter()
            .find(|(b, _)| *b == a)
            .map_or(0, |(_, i)| *i)
    };

    area.fill(&theme.background)?;
    let labels: Vec<(String, RGBAColor)> = curves
        .iter()
        .map(|c| {
            (
                legend_label(strings, c.activation, c.derivative),
                curve_color(theme, c, color_index(c.activation)),
            )
        })
        .collect();
    let legend = legend::layout(area, labels, theme, s)?;
    let height = area.dim_in_pixel().1 as i32;
    let (plot_area, legend_area) =
        area.split_vertically((height - legend.height() - px(8.0)).max(height / 2));
    let mut chart = ChartBuilder::on(&plot_area)
        .margin(px(12.0))
        .caption(strings.graph_title, font(17.0))
        .x_label_area_size(px(44.0))
        .y_label_area_size(px(52.0))
        .build_cartesian_2d(spec.x_min..spec.x_max, y_min..y_max)?;
    chart
        .configure_mesh()
        .x_desc(strings.axis_x)
        .y_desc(strings.axis_y)
        .label_style(font(13.0))
        .axis_desc_style(font(14.0))
        .x_labels(X_LABELS)
        .y_labels(Y_LABELS)
        .x_label_formatter(&|v| label(*v))
        .y_label_formatter(&|v| label(*v))
        .max_light_lines(0)
        .bold_line_style(theme.grid.stroke_width(px(1.0).max(1) as u32))
        .axis_style(theme.axis.stroke_width(px(1.0).max(1) as u32))
        .set_all_tick_mark_size(px(5.0))
        .draw()?;

    let guide = theme.axis.mix(0.6).stroke_width(px(1.0).max(1) as u32);
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(spec.x, y_min), (spec.x, y_max)],
        guide,
    )))?;

    // Overlays first, so that ReLU, the subject, stays on top where the curves coincide. A
    // piecewise-linear activation and its derivative coincide at y = 0 for x < 0 (ReLU) or
    // cross there (Leaky ReLU): the derivative, drawn first and wider, shows on both sides.
    for curve in curves.iter().rev() {
        let color = curve_color(theme, curve, color_index(curve.activation));
        let width = match (curve.derivative, curve.activation) {
            (true, Activation::Relu | Activation::LeakyRelu(_)) => 4.5,
            (true, _) => 2.0,
            (false, _) => 2.5,
        };
        for piece in curve.pieces() {
            chart.draw_series(LineSeries::new(
                piece.iter().copied(),
                color.stroke_width(px(width).max(1) as u32),
            ))?;
        }
    }

    draw_kink_dots(&mut chart, spec, theme, &color_index)?;

    // The markers at x: the derivatives' first and larger, so that where a function and its
    // derivative meet (ReLU at x < 0: both 0) the function's marker shows inside a ring.
    for curve in curves
        .iter()
        .filter(|c| c.derivative)
        .chain(curves.iter().filter(|c| !c.derivative))
    {
        let color = curve_color(theme, curve, color_index(curve.activation));
        let (y, radius) = if curve.derivative {
            (slope_at(curve.activation, spec.x), 8.0)
        } else {
            (value(curve.activation, spec.x), 5.5)
        };
        chart.draw_series(std::iter::once(Circle::new(
            (spec.x, y),
            px(radius),
            color.filled().stroke_width(px(1.0).max(1) as u32),
        )))?;
    }

    legend::draw(&legend_area, &legend, theme, s)?;

    Ok(Drawn {
        // A mapping of its own: the chart's tick axes cannot be cloned.
        coord: Cartesian2d::new(
            spec.x_min..spec.x_max,
            y_min..y_max,
            plot_area_pixels(&chart),
        ),
        curves,
    })
}

/// The plotting area's pixels, as [`ChartBuilder`] hands them to the chart's coordinates: the
/// last column and row inclusive, and y pointing up.
fn plot_area_pixels<DB: DrawingBackend>(
    chart: &ChartContext<DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
) -> (Range<i32>, Range<i32>) {
    let (x, y) = chart.plotting_area().get_pixel_range();
    (x.start..x.end - 1, y.end - 1..y.start)
}

/// Marks the derivative's value at the kink: a filled dot at PyTorch's choice (the left-hand
/// slope) and an open one at the right-hand slope, as a textbook marks a jump.
fn draw_kink_dots<DB: DrawingBackend>(
    chart: &mut ChartContext<DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    spec: &GraphSpec,
    theme: &Theme,
    color_index: &dyn Fn(Activation) -> usize,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if !(spec.x_min <= 0.0 && 0.0 <= spec.x_max) {
        return Ok(());
    }
    let radius = (4.0 * spec.scale).round() as i32;
    let stroke = (1.5 * spec.scale).round().max(1.0) as u32;
    // Leaky ReLU's dots first, so ReLU's stay on top where they coincide.
    for (activation, index) in spec
        .leaky_slope
        .map(|a| (Activation::LeakyRelu(a), 2))
        .into_iter()
        .chain([(Activation::Relu, 1)])
    {
        let color = if index == 1 {
            theme.series[1].to_rgba()
        } else {
            theme.series[color_index(activation)].mix(theme.derivative_alpha)
        };
        let at_zero = slope_at(activation, 0.0);
        let right = slope_at(activation, 1.0);
        chart.draw_series([
            Circle::new((0.0, right), radius, theme.background.filled()),
            Circle::new((0.0, right), radius, color.stroke_width(stroke)),
            Circle::new((0.0, at_zero), radius, color.filled()),
        ])?;
    }
    Ok(())
}
