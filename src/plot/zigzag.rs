//! The zero-centred experiment's chart: two panels, all-positive inputs and centred inputs, each
//! the two-weight unit's loss over the same square of weight space as filled levels, with the
//! descent path over it from its start and the minimum marked with a cross.
//!
//! Filled cells of a modest grid rather than contour lines: a few hundred rectangles (a row's
//! cells of one level are one rectangle) draw in well under a millisecond on a canvas, and each
//! level's edge reads as a contour.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::plot::labels::compact;
use crate::plot::theme::{over, Theme, FONT_FAMILY};
use crate::zigzag::{Grid, Window};

/// Grid points along each axis of a panel: cells of about 5 CSS pixels on a wide screen.
pub const RESOLUTION: usize = 60;

/// Levels of the fill, each half the loss of the one outside it (so √2 closer to the minimum
/// on the same line); the loss at the start is on the edge between two of them.
const LEVELS: i32 = 12;
/// Of those, the levels above the start's loss.
const LEVELS_ABOVE: i32 = 3;

/// One panel.
pub struct Panel<'a> {
    /// Its title.
    pub title: &'a str,
    /// The loss at the cells' centres ([`cell_grid_window`] over the shown window).
    pub grid: &'a Grid,
    /// The loss at the start, which the levels are counted from.
    pub start_loss: f64,
    /// The path: the start and the weights after each step.
    pub path: &'a [[f64; 2]],
    /// The loss's minimum.
    pub minimum: [f64; 2],
}

/// The window whose `resolution`-point grid puts one point at the centre of each cell of a
/// `resolution` × `resolution` tiling of `shown`: inset by half a cell on every side.
pub fn cell_grid_window(shown: Window, resolution: usize) -> Window {
    let half = |low: f64, high: f64| 0.5 * (high - low) / resolution as f64;
    let (h1, h2) = (
        half(shown.w1_min, shown.w1_max),
        half(shown.w2_min, shown.w2_max),
    );
    Window {
        w1_min: shown.w1_min + h1,
        w1_max: shown.w1_max - h1,
        w2_min: shown.w2_min + h2,
        w2_max: shown.w2_max - h2,
    }
}

/// The level of a loss `value` against the start's `reference`: 0 nearest the minimum, up to
/// `LEVELS − 1` far out.
fn level(value: f64, reference: f64) -> i32 {
    let ratio = value / reference;
    // The minimum itself (a loss of 0), or no reference to count from.
    if ratio.is_nan() || ratio <= 0.0 {
        return 0;
    }
    // Clamped before the cast, so that an infinite loss cannot overflow the sum below.
    let above = ratio.log2().floor().clamp(-64.0, 64.0) as i32 + 1;
    (above + LEVELS - 1 - LEVELS_ABOVE).clamp(0, LEVELS - 1)
}

/// The part of the segment from `a` to `b` inside `window` (Liang–Barsky), if any: a path that
/// overshoots far is drawn up to the edge and picked up where it comes back.
pub fn clip(a: [f64; 2], b: [f64; 2], window: &Window) -> Option<([f64; 2], [f64; 2])> {
    let d = [b[0] - a[0], b[1] - a[1]];
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    let edges = [
        (-d[0], a[0] - window.w1_min),
        (d[0], window.w1_max - a[0]),
        (-d[1], a[1] - window.w2_min),
        (d[1], window.w2_max - a[1]),
    ];
    for (p, q) in edges {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    if t0.is_nan() || t1.is_nan() || t0 > t1 {
        return None;
    }
    let at = |t: f64| [a[0] + t * d[0], a[1] + t * d[1]];
    Some((at(t0), at(t1)))
}

/// The path's pieces inside `window`, each a polyline.
pub fn pieces(path: &[[f64; 2]], window: &Window) -> Vec<Vec<(f64, f64)>> {
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut open = false;
    for pair in path.windows(2) {
        match clip(pair[0], pair[1], window) {
            Some((from, to)) => {
                // A piece goes on while each segment starts where the last one ended.
                if !(open && from == pair[0]) {
                    pieces.push(vec![(from[0], from[1])]);
                }
                if let Some(piece) = pieces.last_mut() {
                    piece.push((to[0], to[1]));
                }
                open = to == pair[1];
            }
            None => open = false,
        }
    }
    pieces
}

/// Draws the two panels side by side on a wide area, one above the other on a tall one.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    window: Window,
    panels: &[Panel; 2],
    theme: &Theme,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&theme.background)?;
    let (width, height) = area.dim_in_pixel();
    let (first, second) = if width >= height {
        area.split_horizontally(width / 2)
    } else {
        area.split_vertically(height / 2)
    };
    draw_panel(&first, window, &panels[0], theme, scale)?;
    draw_panel(&second, window, &panels[1], theme, scale)
}

fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    window: Window,
    panel: &Panel,
    theme: &Theme,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as i32;
    let font = |size: f64| {
        (FontFamily::Name(FONT_FAMILY), size * scale)
            .into_font()
            .color(&theme.text)
    };
    let (width, height) = area.dim_in_pixel();
    let (title, x_labels, y_labels, margin) = (px(24.0), px(36.0), px(44.0), px(6.0));
    // A square plot, so that the valley's shape is the loss's own, centred in the panel.
    let side = (width as i32 - y_labels - 2 * margin)
        .min(height as i32 - title - x_labels - 2 * margin)
        .max(px(20.0));
    let left = ((width as i32 - y_labels - side) / 2).max(0);
    let top = ((height as i32 - title - x_labels - side) / 2).max(0);
    let mut chart = ChartBuilder::on(area)
        .margin_left(left)
        .margin_right(left)
        .margin_top(top)
        .margin_bottom(top)
        .caption(panel.title, font(13.0))
        .x_label_area_size(x_labels)
        .y_label_area_size(y_labels)
        .build_cartesian_2d(window.w1_min..window.w1_max, window.w2_min..window.w2_max)?;

    let fills: Vec<RGBColor> = (0..LEVELS)
        .map(|k| {
            let alpha = 0.7 * f64::from(LEVELS - k) / f64::from(LEVELS);
            over(theme.series[0], alpha, theme.background)
        })
        .collect();
    let grid = panel.grid;
    let n = grid.resolution;
    let cell = [
        (window.w1_max - window.w1_min) / n as f64,
        (window.w2_max - window.w2_min) / n as f64,
    ];
    let mut cells = Vec::new();
    for j in 0..n {
        let row = &grid.values[j * n..(j + 1) * n];
        let mut i = 0;
        while i < n {
            let k = level(row[i], panel.start_loss);
            let mut end = i + 1;
            while end < n && level(row[end], panel.start_loss) == k {
                end += 1;
            }
            let w2 = window.w2_min + j as f64 * cell[1];
            cells.push(Rectangle::new(
                [
                    (window.w1_min + i as f64 * cell[0], w2),
                    (window.w1_min + end as f64 * cell[0], w2 + cell[1]),
                ],
                fills[k as usize].filled(),
            ));
            i = end;
        }
    }
    chart.draw_series(cells)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .label_style(font(11.0))
        .x_labels(4)
        .y_labels(4)
        .x_label_formatter(&|v| compact(*v))
        .y_label_formatter(&|v| compact(*v))
        .x_desc("w₁")
        .y_desc("w₂")
        .axis_desc_style(font(12.0))
        .axis_style(theme.axis.stroke_width(px(1.0).max(1) as u32))
        .set_all_tick_mark_size(px(3.0))
        .draw()?;

    let line = theme.text.stroke_width(px(2.0).max(1) as u32);
    for piece in pieces(panel.path, &window) {
        chart.draw_series(std::iter::once(PathElement::new(piece, line)))?;
    }
    let inside = |w: &[f64; 2]| {
        (window.w1_min..=window.w1_max).contains(&w[0])
            && (window.w2_min..=window.w2_max).contains(&w[1])
    };
    let dot = px(2.0).max(1);
    chart.draw_series(
        panel
            .path
            .iter()
            .skip(1)
            .filter(|w| inside(w))
            .map(|w| Circle::new((w[0], w[1]), dot, theme.text.filled())),
    )?;
    if let Some(start) = panel.path.first().filter(|w| inside(w)) {
        chart.draw_series(std::iter::once(Circle::new(
            (start[0], start[1]),
            px(5.0),
            theme.text.stroke_width(px(2.0).max(1) as u32),
        )))?;
    }
    let minimum = panel.minimum;
    if inside(&minimum) {
        chart.draw_series(std::iter::once(Cross::new(
            (minimum[0], minimum[1]),
            px(6.0),
            theme.series[1].stroke_width(px(3.0).max(1) as u32),
        )))?;
    }
    Ok(())
}
