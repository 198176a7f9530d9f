//! The speed experiment's bar chart: nanoseconds per element of each kernel, in WebAssembly
//! (filled bars) and in JS (outlined bars), on a log scale so that ReLU's fraction of a
//! nanosecond and sigmoid's several show on one chart, with the copy's time as a dashed line:
//! the memory's limit, which no pass that writes a new buffer can beat.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::activation::Activation;
use crate::plot::labels::compact;
use crate::plot::theme::{series_index, Theme, FONT_FAMILY};
use crate::speed::measure::{Engine, Report, Subject};
use crate::speed::{Function, Kernel};

/// The chart's words.
pub struct SpeedLabels<'a> {
    /// Above the chart.
    pub title: &'a str,
    /// Under each group of bars, in [`Kernel::ALL`] order.
    pub kernels: &'a [&'a str],
    /// The legend's names of the filled and outlined bars.
    pub engines: [&'a str; 2],
    /// The dashed line's label.
    pub copy: &'a str,
    /// The y axis's unit.
    pub unit: &'a str,
}

/// The log10 range of the y axis: whole powers of ten around every time, at least 0.1 to 10 ns.
pub fn y_range(report: &Report) -> (f64, f64) {
    let logs = report
        .timings
        .iter()
        .map(|t| t.ns_per_element)
        .filter(|ns| *ns > 0.0 && ns.is_finite())
        .map(f64::log10);
    let (low, high) = logs.fold((-1.0_f64, 1.0_f64), |(low, high), v| {
        (low.min(v), high.max(v))
    });
    // Room above the tallest bar for its label and the legend.
    (low.floor(), high.ceil() + 0.6)
}

/// The colour of a kernel's function, as on every other chart.
fn activation(function: Function) -> Activation {
    match function {
        Function::Relu => Activation::Relu,
        Function::Sigmoid => Activation::Sigmoid,
        Function::Tanh => Activation::Tanh,
    }
}

/// Draws `report` on `area`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    report: &Report,
    labels: &SpeedLabels,
    theme: &Theme,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as i32;
    let font = |size: f64| (FontFamily::Name(FONT_FAMILY), size * scale).into_font();
    area.fill(&theme.background)?;
    let (low, high) = y_range(report);
    let count = Kernel::ALL.len();
    let mut chart = ChartBuilder::on(area)
        .margin(px(6.0))
        .caption(labels.title, font(13.0).color(&theme.text))
        .x_label_area_size(px(34.0))
        .y_label_area_size(px(44.0))
        .build_cartesian_2d(-0.5..count as f64 - 0.5, low..high)?;
    chart
        .configure_mesh()
        .label_style(font(10.0).color(&theme.text))
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(((high - low).floor() as usize + 1).max(2))
        .y_label_formatter(&|v| {
            if v.fract().abs() < 1e-9 {
                compact(crate::math::exp10(*v))
            } else {
                String::new()
            }
        })
        .y_desc(labels.unit)
        .axis_desc_style(font(10.0).color(&theme.text))
        .max_light_lines(0)
        .bold_line_style(theme.grid.stroke_width(px(1.0).max(1) as u32))
        .axis_style(theme.axis.stroke_width(px(1.0).max(1) as u32))
        .draw()?;
    let value = |ns: f64| ns.log10().clamp(low, high);
    let line = px(2.0).max(1) as u32;
    for (i, kernel) in Kernel::ALL.iter().enumerate() {
        let color = theme.series[series_index(activation(kernel.function))];
        for (engine, left, filled) in [(Engine::Wasm, -0.4, true), (Engine::Js, 0.02, false)] {
            let Some(ns) = report.ns(Subject::Kernel(*kernel, engine)) else {
                continue;
            };
            let x = i as f64 + left;
            let corners = [(x, low), (x + 0.38, value(ns))];
            let style = if filled {
                color.filled()
            } else {
                color.stroke_width(line)
            };
            chart.draw_series(std::iter::once(Rectangle::new(corners, style)))?;
            chart.draw_series(std::iter::once(Text::new(
                compact_ns(ns),
                (x, value(ns) + 0.04 * (high - low)),
                font(9.0).color(&theme.text),
            )))?;
        }
    }
    // The kernels' names under their bars, centred; on a narrow chart where they would touch,
    // every other one a line lower.
    let label_style = font(10.0)
        .color(&theme.text)
        .pos(Pos::new(HPos::Center, VPos::Top));
    let widest = labels
        .kernels
        .iter()
        .map(|name| {
            area.estimate_text_size(name, &label_style)
                .map_or(0, |(w, _)| w as i32)
        })
        .max()
        .unwrap_or(0);
    let (left, _) = chart.backend_coord(&(0.0, low));
    let (right, baseline) = chart.backend_coord(&(1.0, low));
    let stagger = right - left < widest + px(6.0);
    for (i, name) in labels.kernels.iter().enumerate() {
        let (x, _) = chart.backend_coord(&(i as f64, low));
        let row = if stagger && i % 2 == 1 { px(13.0) } else { 0 };
        area.draw(&Text::new(
            name.to_string(),
            (x, baseline + px(4.0) + row),
            label_style.clone(),
        ))?;
    }
    let copy = report.ns(Subject::Copy);
    if let Some(copy) = copy {
        let y = value(copy);
        chart.draw_series(DashedLineSeries::new(
            [(-0.5, y), (count as f64 - 0.5, y)],
            px(6.0),
            px(4.0),
            theme.axis.stroke_width(line),
        ))?;
    }
    // The legend, in a row under the title: a filled and an outlined swatch, so that the engines
    // differ by more than colour, and the copy's dashed line with its time.
    let copy_label = copy.map(|ns| format!("{} {}", labels.copy, compact_ns(ns)));
    let entries = [
        (labels.engines[0].to_string(), Swatch::Filled),
        (labels.engines[1].to_string(), Swatch::Outlined),
    ]
    .into_iter()
    .chain(copy_label.map(|label| (label, Swatch::Dashed)));
    let text_style = font(10.0).color(&theme.text);
    let top = px(24.0);
    let mut x = px(52.0);
    for (name, swatch) in entries {
        let corners = [(x, top), (x + px(12.0), top + px(10.0))];
        match swatch {
            Swatch::Filled => area.draw(&Rectangle::new(corners, theme.text.filled()))?,
            Swatch::Outlined => {
                area.draw(&Rectangle::new(corners, theme.text.stroke_width(line)))?
            }
            Swatch::Dashed => area
                .draw(&PathElement::new(
                    [(x, top + px(5.0)), (x + px(4.0), top + px(5.0))],
                    theme.axis.stroke_width(line),
                ))
                .and_then(|()| {
                    area.draw(&PathElement::new(
                        [(x + px(8.0), top + px(5.0)), (x + px(12.0), top + px(5.0))],
                        theme.axis.stroke_width(line),
                    ))
                })?,
        }
        let (width, _) = area
            .estimate_text_size(&name, &text_style)
            .unwrap_or((name.len() as u32 * 6, 10));
        area.draw(&Text::new(name, (x + px(16.0), top), text_style.clone()))?;
        x += px(28.0) + width as i32;
    }
    Ok(())
}

/// How a legend entry is drawn.
enum Swatch {
    /// A filled square: WebAssembly's bars.
    Filled,
    /// An outlined square: JavaScript's bars.
    Outlined,
    /// A dashed line: the copy.
    Dashed,
}

/// Nanoseconds as the bars' labels write them: two significant digits.
pub fn compact_ns(ns: f64) -> String {
    if ns >= 10.0 {
        format!("{ns:.0}")
    } else if ns >= 1.0 {
        format!("{ns:.1}")
    } else {
        format!("{ns:.2}")
    }
}
