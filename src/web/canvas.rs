//! A HiDPI-aware plotters backend for a `<canvas>`: the backing store is sized to CSS size ×
//! devicePixelRatio, and text is measured with the 2D context instead of a DOM probe.
//!
//! It does what plotters-canvas does, which it replaces: that crate writes every colour and
//! font with `format!` on floats, and core's float printing costs 10 KB gzip of the page's
//! 120 KB; this one writes them with `crate::decimal`, and remembers the styles it set.

use std::cell::{Cell, RefCell};
use std::f64::consts::PI;
use std::fmt::{self, Write};

use plotters::prelude::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontTransform,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, ContextAttributes2d, HtmlCanvasElement, Path2d};

use crate::decimal;

/// A chart's `<canvas>` with its CSS size, which is read from layout only when the page says
/// it may have changed ([`ChartCanvas::measure`]).
///
/// Reading `clientWidth` after the DOM changed makes the browser lay the page out there and
/// then; a training frame writes its status and strip before drawing, so reading sizes on
/// every draw cost a layout every frame. The size is read once per resize instead, before
/// anything is written.
pub struct ChartCanvas {
    element: HtmlCanvasElement,
    css_size: Cell<(i32, i32)>,
}

impl ChartCanvas {
    /// Wraps `element` and reads its size now.
    pub fn new(element: HtmlCanvasElement) -> ChartCanvas {
        let canvas = ChartCanvas {
            element,
            css_size: Cell::new((0, 0)),
        };
        canvas.measure();
        canvas
    }

    /// The element.
    pub fn element(&self) -> &HtmlCanvasElement {
        &self.element
    }

    /// Reads the CSS size from layout; true if it changed. Call it when the size may have
    /// changed, before the frame writes to the DOM.
    pub fn measure(&self) -> bool {
        let size = (self.element.client_width(), self.element.client_height());
        self.css_size.replace(size) != size
    }

    /// Sizes the backing store to the CSS size × `ratio`; returns true if it changed (which
    /// clears the canvas).
    pub fn fit_backing_store(&self, ratio: f64) -> bool {
        let (css_width, css_height) = self.css_size.get();
        let width = (f64::from(css_width) * ratio).round().max(1.0) as u32;
        let height = (f64::from(css_height) * ratio).round().max(1.0) as u32;
        if self.element.width() == width && self.element.height() == height {
            return false;
        }
        self.element.set_width(width);
        self.element.set_height(height);
        true
    }
}

/// A plotters drawing backend on a `<canvas>`'s 2D context.
pub struct Canvas {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    /// The styles last given to the context, so that a chart's many lines and labels in one
    /// colour and font set each once rather than once per element.
    set: RefCell<SetStyles>,
}

/// The context's current styles, as this backend last set them.
#[derive(Default)]
struct SetStyles {
    fill: String,
    stroke: String,
    line_width: u32,
    font_size: f64,
    font_style: String,
    font_family: String,
}

impl Canvas {
    /// Wraps `canvas`, or `None` if it has no 2D context.
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Canvas> {
        // The charts paint their own background, so the canvas is opaque: the browser skips
        // blending it with the page. The first call fixes the context's options for good.
        let options = ContextAttributes2d::new();
        options.set_alpha(false);
        let context = canvas
            .get_context_with_context_options("2d", &options)
            .ok()??
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        Some(Canvas {
            canvas: canvas.clone(),
            context,
            set: RefCell::default(),
        })
    }

    fn fill_style(&self, color: BackendColor) {
        let css = css_color(color);
        let mut set = self.set.borrow_mut();
        if set.fill != css {
            self.context.set_fill_style_str(&css);
            set.fill = css;
        }
    }

    fn line_style<S: BackendStyle>(&self, style: &S) {
        let css = css_color(style.color());
        let mut set = self.set.borrow_mut();
        if set.stroke != css {
            self.context.set_stroke_style_str(&css);
            set.stroke = css;
        }
        if set.line_width != style.stroke_width() {
            self.context.set_line_width(f64::from(style.stroke_width()));
            set.line_width = style.stroke_width();
        }
    }

    /// Sets the font, unless it is the one set last: plotters measures every label before
    /// drawing it, and the browser parses each font string it is given.
    fn font<S: BackendTextStyle>(&self, style: &S) {
        let (size, face, family) = (style.size(), style.style(), style.family());
        let mut set = self.set.borrow_mut();
        if set.font_size == size
            && set.font_style == face.as_str()
            && set.font_family == family.as_str()
        {
            return;
        }
        let font = format!(
            "{} {}px {}",
            face.as_str(),
            decimal::shortest(size),
            family.as_str()
        );
        self.context.set_font(&font);
        set.font_size = size;
        set.font_style = face.as_str().to_string();
        set.font_family = family.as_str().to_string();
    }
}

/// A colour as CSS reads it.
fn css_color(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    if color.alpha >= 1.0 {
        format!("rgb({r},{g},{b})")
    } else {
        format!("rgba({r},{g},{b},{})", decimal::shortest(color.alpha))
    }
}

/// A failed call on the canvas, with what the browser said.
#[derive(Debug)]
pub struct CanvasError(String);

impl fmt::Display for CanvasError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "canvas error: {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

/// The browser's error as a drawing error.
fn failed(error: JsValue) -> DrawingErrorKind<CanvasError> {
    let message = error
        .dyn_ref::<js_sys::Error>()
        .map_or_else(|| String::from("unknown"), |e| String::from(e.message()));
    DrawingErrorKind::DrawingError(CanvasError(message))
}

type Outcome = Result<(), DrawingErrorKind<CanvasError>>;

/// Moves a horizontal or vertical line onto the middle of its pixels, so that a 1-pixel line
/// covers one row of pixels instead of blurring over two.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut from, mut to) = (
        (f64::from(from.0), f64::from(from.1)),
        (f64::from(to.0), f64::from(to.1)),
    );
    if from.0 == to.0 {
        from.0 -= 0.5;
        to.0 -= 0.5;
    }
    if from.1 == to.1 {
        from.1 -= 0.5;
        to.1 -= 0.5;
    }
    (from, to)
}

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        (self.canvas.width(), self.canvas.height())
    }

    fn ensure_prepared(&mut self) -> Outcome {
        Ok(())
    }

    fn present(&mut self) -> Outcome {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Outcome {
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.fill_style(color);
        self.context
            .fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Outcome {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (from, to) = crisp(from, to);
        self.line_style(style);
        self.context.begin_path();
        self.context.move_to(from.0, from.1);
        self.context.line_to(to.0, to.1);
        self.context.stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Outcome {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let width = f64::from(bottom_right.0 - upper_left.0);
        let height = f64::from(bottom_right.1 - upper_left.1);
        if fill {
            self.fill_style(style.color());
            self.context.fill_rect(x, y, width, height);
        } else {
            self.line_style(style);
            self.context.stroke_rect(x, y, width, height);
        }
        Ok(())
    }

    /// Strokes the whole polyline as one `Path2D` built from SVG path data: one call into the
    /// browser instead of one `lineTo` per point (a curve has a thousand).
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Outcome {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let mut data = String::new();
        for (i, (x, y)) in path.into_iter().enumerate() {
            let command = if i == 0 { 'M' } else { 'L' };
            // Writing to a String cannot fail.
            let _ = write!(data, "{command}{x} {y}");
        }
        if data.is_empty() {
            return Ok(());
        }
        let path = Path2d::new_with_path_string(&data).map_err(failed)?;
        self.line_style(style);
        self.context.stroke_with_path(&path);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Outcome {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.fill_style(style.color());
        self.context.begin_path();
        for (i, (x, y)) in vertices.into_iter().enumerate() {
            let (x, y) = (f64::from(x), f64::from(y));
            if i == 0 {
                self.context.move_to(x, y);
            } else {
                self.context.line_to(x, y);
            }
        }
        self.context.close_path();
        self.context.fill();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Outcome {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.context.begin_path();
        self.context
            .arc(
                f64::from(center.0),
                f64::from(center.1),
                f64::from(radius),
                0.0,
                2.0 * PI,
            )
            .map_err(failed)?;
        if fill {
            self.fill_style(style.color());
            self.context.fill();
        } else {
            self.line_style(style);
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Outcome {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let quarter_turns = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 1.0,
            FontTransform::Rotate180 => 2.0,
            FontTransform::Rotate270 => 3.0,
        };
        let (mut x, mut y) = (f64::from(pos.0), f64::from(pos.1));
        if quarter_turns != 0.0 {
            self.context.save();
            self.context.translate(x, y).map_err(failed)?;
            self.context
                .rotate(quarter_turns * PI / 2.0)
                .map_err(failed)?;
            (x, y) = (0.0, 0.0);
        }
        self.context.set_text_baseline(match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.context.set_text_align(match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        });
        self.fill_style(color);
        self.font(style);
        let drawn = self.context.fill_text(text, x, y).map_err(failed);
        if quarter_turns != 0.0 {
            self.context.restore();
            // restore() brings back the styles of save() time, which may not be the ones
            // remembered: forget them, so that the next element sets its own.
            *self.set.borrow_mut() = SetStyles::default();
        }
        drawn
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        self.font(style);
        let height = style.size().ceil() as u32;
        let width = match self.context.measure_text(text) {
            Ok(metrics) => metrics.width().ceil() as u32,
            // A context that cannot measure still gets a usable layout: an average glyph is
            // about 0.6 em wide.
            Err(_) => (style.size() * 0.6 * text.chars().count() as f64).ceil() as u32,
        };
        Ok((width, height))
    }
}
