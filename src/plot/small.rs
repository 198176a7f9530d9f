//! What the lab's small charts share: a titled chart with a light grid and few labels, so that
//! several of them redraw within one frame.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

use crate::plot::axis;
use crate::plot::labels::compact;
use crate::plot::theme::Theme;

/// A small chart's frame.
pub struct SmallChart<'a> {
    /// Title above the plot.
    pub title: &'a str,
    /// x range.
    pub x: (f64, f64),
    /// y range.
    pub y: (f64, f64),
    /// Whether y holds log10 values, labelled as powers of ten.
    pub log_y: bool,
}

/// The smallest range holding every finite value, padded, or `fallback` if there is none;
/// always safe for plotters ([`axis::sane`]). Flat data gets a range about it of ±0.5 or ±5%
/// of its magnitude, whichever is wider.
pub fn finite_range<'a>(values: impl Iterator<Item = &'a f32>, fallback: (f64, f64)) -> (f64, f64) {
    let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
    for &v in values {
        if v.is_finite() {
            low = low.min(f64::from(v));
            high = high.max(f64::from(v));
        }
    }
    if low > high {
        return axis::sane(fallback, fallback);
    }
    let flat = 0.5_f64.max(low.abs().max(high.abs()) * 0.05);
    let pad = if high - low < 1e-6 {
        flat
    } else {
        (high - low) * 0.06
    };
    axis::sane((low - pad, high + pad), fallback)
}

/// At most this many labels on a small chart's x axis.
const X_LABELS: usize = 3;
/// At most this many on its y axis.
const Y_LABELS: usize = 4;

/// A small chart ready for its series.
pub type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The finite points of a curve sampled at `xs`, as chart coordinates: a NaN or infinite value
/// is left out rather than reaching the chart.
pub fn line(xs: &[f32], ys: &[f32]) -> Vec<(f64, f64)> {
    xs.iter()
        .zip(ys)
        .filter(|(_, y)| y.is_finite())
        .map(|(&x, &y)| (f64::from(x), f64::from(y)))
        .collect()
}

/// Paints the background and builds the chart with its mesh, on ranges made safe for
/// plotters ([`axis::sane`]) whatever the spec says.
pub fn chart<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    spec: &SmallChart,
    theme: &Theme,
    scale: f64,
) -> Result<Chart<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as i32;
    let font = |size: f64| {
        (
            FontFamily::Name(crate::plot::theme::FONT_FAMILY),
            size * scale,
        )
            .into_font()
            .color(&theme.text)
    };
    let x = axis::sane(spec.x, (0.0, 1.0));
    let y = axis::sane(spec.y, (0.0, 1.0));
    area.fill(&theme.background)?;
    let mut chart = ChartBuilder::on(area)
        .margin(px(6.0))
        .caption(spec.title, font(13.0))
        .x_label_area_size(px(22.0))
        .y_label_area_size(px(40.0))
        .build_cartesian_2d(x.0..x.1, y.0..y.1)?;
    let log_y = spec.log_y;
    chart
        .configure_mesh()
        .label_style(font(11.0))
        .x_labels(X_LABELS)
        .y_labels(Y_LABELS)
        .max_light_lines(0)
        .x_label_formatter(&|v| compact(*v))
        .y_label_formatter(&|v| {
            if log_y && v.fract() == 0.0 {
                // A power of ten as a reader writes it: 1, 10⁻¹⁰.
                match *v as i64 {
                    0 => "1".to_string(),
                    power => format!("10{}", crate::text::superscript(&power.to_string())),
                }
            } else if log_y {
                // Ticks fall between powers of ten too, so each shows its own value.
                crate::text::factor(crate::math::exp10(*v))
            } else {
                compact(*v)
            }
        })
        .bold_line_style(theme.grid.stroke_width(px(1.0).max(1) as u32))
        .axis_style(theme.axis.stroke_width(px(1.0).max(1) as u32))
        .set_all_tick_mark_size(px(3.0))
        .draw()?;
    Ok(chart)
}
