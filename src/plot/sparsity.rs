//! The sparsity experiment's chart: the inputs' histogram above, ReLU's outputs' below, on one
//! x axis and one y scale. The positive inputs' bars stand unchanged in both; every other input
//! is gathered into one spike at 0, in a colour of its own and labelled with its share. A
//! dashed line marks x = 0 in both.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::activation::Activation;
use crate::plot::axis;
use crate::plot::labels::compact;
use crate::plot::theme::{series_index, Theme, FONT_FAMILY};
use crate::sparsity::{Histogram, SparsityRun};

/// The chart's words.
pub struct SparsityLabels<'a> {
    /// The upper panel's title.
    pub before: &'a str,
    /// The lower panel's title.
    pub after: &'a str,
    /// The spike's label, with its share filled in.
    pub spike: &'a str,
}

/// A panel's chart.
type Panel<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The top of both panels' y axis, as a share of the samples: a fifth above the tallest bin
/// (the spike aside), at least 1%, which leaves the spike's label a sixth of the panel. The spike is cut there when it is taller.
pub fn y_top(run: &SparsityRun) -> f64 {
    let samples = f64::from(run.zeros.samples());
    let tallest = [&run.before, &run.after]
        .iter()
        .flat_map(|h| h.counts.iter())
        .max()
        .copied()
        .unwrap_or(0);
    (1.2 * tallest as f64 / samples).max(0.01)
}

/// Draws `run` on `area`: the inputs above, the outputs below.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    run: &SparsityRun,
    labels: &SparsityLabels,
    theme: &Theme,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as i32;
    area.fill(&theme.background)?;
    let top = y_top(run);
    let samples = f64::from(run.zeros.samples());
    let (upper, lower) = area.split_vertically(area.dim_in_pixel().1 / 2);
    let relu = theme.series[series_index(Activation::Relu)];
    panel(
        &upper,
        labels.before,
        &run.before,
        samples,
        top,
        theme.axis,
        theme,
        scale,
    )?;
    let mut chart = panel(
        &lower,
        labels.after,
        &run.after,
        samples,
        top,
        relu,
        theme,
        scale,
    )?;

    // The spike fills the bin left of 0, which ReLU always leaves empty, up to the 0 line.
    let edges = &run.after.edges;
    let zero = edges.partition_point(|&edge| edge < 0.0).max(1);
    let width = edges[zero] - edges[zero - 1];
    let share = run.zeros.share();
    let height = share.min(top);
    let spike = theme.series[1];
    chart.draw_series(std::iter::once(Rectangle::new(
        [(-width, 0.0), (0.0, height)],
        spike.filled(),
    )))?;
    if share > top {
        // Cut: a gap near the top says the bar goes on.
        chart.draw_series(std::iter::once(Rectangle::new(
            [(-1.5 * width, 0.86 * top), (0.5 * width, 0.9 * top)],
            theme.background.filled(),
        )))?;
    }
    // The label in the panel's headroom (the sixth above the tallest bar), beside the spike on
    // the side with more room: there it never covers a bar.
    let (x, _) = chart.backend_coord(&(0.0, height));
    let (left, ceiling) = chart.backend_coord(&(edges[0], top));
    let (right, _) = chart.backend_coord(&(edges[edges.len() - 1], top));
    let spike_width = x - chart.backend_coord(&(-width, 0.0)).0;
    let (hpos, dx) = if x - left > right - x {
        (HPos::Right, -spike_width - px(4.0))
    } else {
        (HPos::Left, px(4.0))
    };
    let style = (FontFamily::Name(FONT_FAMILY), 11.0 * scale)
        .into_font()
        .color(&theme.text)
        .pos(Pos::new(hpos, VPos::Top));
    // backend_coord is in the whole canvas's pixels, so the label goes on the whole area.
    area.draw(&Text::new(
        labels.spike.to_string(),
        (x + dx, ceiling + px(2.0)),
        style,
    ))?;
    Ok(())
}

/// One panel: its title, axes, the bins of `histogram` as bars in `color` (heights as shares
/// of `samples`), and the dashed line at x = 0. Returns its chart, for the spike.
#[allow(clippy::too_many_arguments)]
fn panel<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    title: &str,
    histogram: &Histogram,
    samples: f64,
    top: f64,
    color: RGBColor,
    theme: &Theme,
    scale: f64,
) -> Result<Panel<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as i32;
    let font = |size: f64| {
        (FontFamily::Name(FONT_FAMILY), size * scale)
            .into_font()
            .color(&theme.text)
    };
    let edges = &histogram.edges;
    let x = axis::sane((edges[0], edges[edges.len() - 1]), (-1.0, 1.0));
    let mut chart = ChartBuilder::on(area)
        .margin(px(6.0))
        .caption(title, font(13.0))
        .x_label_area_size(px(22.0))
        .y_label_area_size(px(44.0))
        .build_cartesian_2d(x.0..x.1, 0.0..top)?;
    chart
        .configure_mesh()
        .label_style(font(11.0))
        .x_labels(5)
        .y_labels(4)
        .max_light_lines(0)
        .disable_x_mesh()
        .x_label_formatter(&|v| compact(*v))
        .y_label_formatter(&|v| format!("{}%", compact(v * 100.0)))
        .bold_line_style(theme.grid.stroke_width(px(1.0).max(1) as u32))
        .axis_style(theme.axis.stroke_width(px(1.0).max(1) as u32))
        .set_all_tick_mark_size(px(3.0))
        .draw()?;
    let bars = histogram
        .counts
        .iter()
        .enumerate()
        .filter(|(_, count)| **count > 0)
        .map(|(i, count)| {
            Rectangle::new(
                [
                    (edges[i], 0.0),
                    (edges[i + 1], (*count as f64 / samples).min(top)),
                ],
                color.filled(),
            )
        });
    chart.draw_series(bars)?;
    let line = px(1.5).max(1) as u32;
    chart.draw_series(DashedLineSeries::new(
        [(0.0, 0.0), (0.0, top)],
        px(5.0),
        px(4.0),
        theme.text.stroke_width(line),
    ))?;
    Ok(chart)
}
