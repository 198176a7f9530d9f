//! The "sum of ReLUs" builder's chart: the target, the best sum of the reader's units, each
//! unit's own piece aᵢ·relu(sᵢ·(x − kᵢ)) faint, and each kink as a handle on the x axis that
//! the reader drags.

use std::ops::Range;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::plot::axis;
use crate::plot::legend;
use crate::plot::small::{chart, SmallChart};
use crate::plot::theme::Theme;
use crate::relu_sum::{grid, Fit, Unit, HI, LO};

/// What the chart shows.
pub struct BuilderChart<'a> {
    /// The title above the plot.
    pub title: &'a str,
    /// The legend's names: the target, the sum, a kink.
    pub legend: [&'a str; 3],
    /// The target's values on the grid.
    pub target: &'a [f64],
    /// The best sum of `units`.
    pub fit: &'a Fit,
    /// The units, in the reader's order (their handles are numbered from 1 in it).
    pub units: &'a [Unit],
    /// The unit whose handle is selected, drawn larger.
    pub selected: Option<usize>,
}

/// The y range: the target's and the sum's values, with a quarter of the target's span of
/// room, so that a handle's number and a fit that overshoots stay inside.
pub fn y_range(target: &[f64], curve: &[f64]) -> (f64, f64) {
    let finite = || target.iter().chain(curve).filter(|v| v.is_finite());
    let low = finite().copied().fold(f64::INFINITY, f64::min);
    let high = finite().copied().fold(f64::NEG_INFINITY, f64::max);
    let pad = ((high - low) * 0.25).max(0.25);
    axis::sane((low - pad, high + pad), (-1.0, 1.0))
}

/// `points` cut into the runs that lie within `y`: a piece far outside the plot is left out
/// instead of being drawn over the axes (plotters does not clip lines).
fn inside(points: Vec<(f64, f64)>, y: (f64, f64)) -> Vec<Vec<(f64, f64)>> {
    let mut runs = vec![Vec::new()];
    for point in points {
        if (y.0..=y.1).contains(&point.1) {
            runs.last_mut().expect("runs start non-empty").push(point);
        } else if !runs.last().is_some_and(Vec::is_empty) {
            runs.push(Vec::new());
        }
    }
    runs.retain(|run| run.len() > 1);
    runs
}

/// Draws the chart; returns the backend pixels where x = [`LO`] and x = [`HI`] are drawn, so
/// that the view can map the pointer to a kink.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    shown: &BuilderChart,
    theme: &Theme,
    scale: f64,
) -> Result<Range<i32>, DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round().max(1.0) as i32;
    area.fill(&theme.background)?;
    let kink_colour = theme.series[2];
    let labels = vec![
        (shown.legend[0].to_string(), theme.axis.to_rgba()),
        (shown.legend[1].to_string(), theme.series[0].to_rgba()),
        (shown.legend[2].to_string(), kink_colour.to_rgba()),
    ];
    let legend = legend::layout(area, labels, theme, scale)?;
    let height = area.dim_in_pixel().1 as i32;
    let (plot_area, legend_area) =
        area.split_vertically((height - legend.height() - px(6.0)).max(height / 2));
    let y = y_range(shown.target, &shown.fit.curve);
    let mut chart = chart(
        &plot_area,
        &SmallChart {
            title: shown.title,
            x: (LO, HI),
            y,
            log_y: false,
        },
        theme,
        scale,
    )?;
    let xs = grid();
    for (unit, a) in shown.units.iter().zip(&shown.fit.coefficients) {
        let piece = xs.iter().map(|&x| (x, a * unit.at(x))).collect();
        for run in inside(piece, y) {
            chart.draw_series(LineSeries::new(
                run,
                theme.dead.stroke_width(px(1.0) as u32),
            ))?;
        }
    }
    let line = |values: &[f64]| xs.iter().copied().zip(values.iter().copied()).collect();
    chart.draw_series(LineSeries::new(
        line(shown.target),
        theme.axis.stroke_width(px(5.0) as u32),
    ))?;
    for run in inside(line(&shown.fit.curve), y) {
        chart.draw_series(LineSeries::new(
            run,
            theme.series[0].stroke_width(px(2.5) as u32),
        ))?;
    }
    let number_style = (crate::plot::theme::FONT_FAMILY, 11.0 * scale)
        .into_font()
        .color(&theme.text)
        .pos(Pos::new(HPos::Left, VPos::Bottom));
    for (i, unit) in shown.units.iter().enumerate() {
        let chosen = shown.selected == Some(i);
        let width = if chosen { px(2.5) } else { px(1.0) };
        chart.draw_series(LineSeries::new(
            [(unit.kink, y.0), (unit.kink, y.1)],
            kink_colour.stroke_width(width as u32),
        ))?;
        // The handle sits on the x axis; the selected one is larger and filled, the others
        // rings, so the choice shows without colour.
        let (x, bottom) = chart.backend_coord(&(unit.kink, y.0));
        let size = if chosen { px(9.0) } else { px(6.0) };
        let handle = vec![
            (x, bottom - 2 * size),
            (x - size, bottom),
            (x + size, bottom),
        ];
        if chosen {
            plot_area.draw(&Polygon::new(handle, kink_colour.filled()))?;
        } else {
            plot_area.draw(&Polygon::new(handle.clone(), theme.background.filled()))?;
            let mut ring = handle;
            ring.push(ring[0]);
            plot_area.draw(&PathElement::new(
                ring,
                kink_colour.stroke_width(px(1.5) as u32),
            ))?;
        }
        let (_, top) = chart.backend_coord(&(unit.kink, y.1));
        // Beside the line's top, not on it.
        plot_area.draw(&Text::new(
            (i + 1).to_string(),
            (x + px(4.0), top + px(14.0)),
            number_style.clone(),
        ))?;
    }
    let range = chart.backend_coord(&(LO, y.0)).0..chart.backend_coord(&(HI, y.0)).0;
    legend::draw(&legend_area, &legend, theme, scale)?;
    Ok(range)
}
