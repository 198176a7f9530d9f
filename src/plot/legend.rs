//! A chart's legend below its plot: a line sample and a label per series, flowed into rows that
//! fit the chart's width. Written here rather than with plotters' series labels, which draw over
//! the plot and cost the page 20 KB gzip of module (their text handling pulls in `char`'s Debug
//! formatting and its Unicode tables).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::plot::theme::Theme;

/// The legend's rows: each entry's label, colour and left offset, flowed into rows that fit
/// `width` backend pixels, so that it never covers the curves on a narrow screen.
pub struct Legend {
    rows: Vec<Vec<(String, RGBAColor, i32, i32)>>,
    row_height: i32,
}

impl Legend {
    /// Its height in backend pixels.
    pub fn height(&self) -> i32 {
        self.row_height * self.rows.len() as i32
    }
}

fn legend_style(theme: &Theme, scale: f64) -> TextStyle<'static> {
    (
        FontFamily::Name(crate::plot::theme::FONT_FAMILY),
        13.0 * scale,
    )
        .into_font()
        .color(&theme.text)
        .pos(Pos::new(HPos::Left, VPos::Center))
}

/// Lays `labels` (text and colour) out in rows that fit `area`'s width.
pub fn layout<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    labels: Vec<(String, RGBAColor)>,
    theme: &Theme,
    scale: f64,
) -> Result<Legend, DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as i32;
    let style = legend_style(theme, scale);
    let width = area.dim_in_pixel().0 as i32 - px(24.0);
    let (sample, gap, spacing) = (px(22.0), px(6.0), px(18.0));
    let mut rows: Vec<Vec<(String, RGBAColor, i32, i32)>> = vec![Vec::new()];
    let mut x = 0;
    for (label, color) in labels {
        let (text_width, _) = area.estimate_text_size(&label, &style)?;
        let item = sample + gap + text_width as i32;
        let row = rows.last_mut().expect("rows start non-empty");
        if !row.is_empty() && x + item > width {
            rows.push(Vec::new());
            x = 0;
        }
        rows.last_mut()
            .expect("rows start non-empty")
            .push((label, color, x, item));
        x += item + spacing;
    }
    Ok(Legend {
        rows,
        row_height: px(20.0),
    })
}

/// Draws the legend rows centred in `area`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &Legend,
    theme: &Theme,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as i32;
    let style = legend_style(theme, scale);
    let width = area.dim_in_pixel().0 as i32;
    let (sample, gap) = (px(22.0), px(6.0));
    for (r, row) in layout.rows.iter().enumerate() {
        let row_width = row.last().map_or(0, |(_, _, x, w)| x + w);
        let left = (width - row_width) / 2;
        let y = layout.row_height * r as i32 + layout.row_height / 2;
        for (label, color, x, _) in row {
            let x = left + x;
            area.draw(&PathElement::new(
                vec![(x, y), (x + sample, y)],
                color.stroke_width(px(2.5).max(1) as u32),
            ))?;
            area.draw(&Text::new(
                label.clone(),
                (x + sample + gap, y),
                style.clone(),
            ))?;
        }
    }
    Ok(())
}
