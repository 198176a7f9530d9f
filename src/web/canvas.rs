//! A HiDPI-aware plotters backend for a `<canvas>`: the backing store is sized to CSS size ×
//! devicePixelRatio, and text is measured with the 2D context instead of plotters' DOM probe.

use plotters::prelude::DrawingBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use std::fmt::Write;
use wasm_bindgen::JsCast;

use web_sys::{CanvasRenderingContext2d, ContextAttributes2d, HtmlCanvasElement, Path2d};

/// Sizes `canvas`'s backing store to its CSS box × `ratio`; returns true if it changed (which
/// clears the canvas).
pub fn fit_backing_store(canvas: &HtmlCanvasElement, ratio: f64) -> bool {
    let width = (f64::from(canvas.client_width()) * ratio).round().max(1.0) as u32;
    let height = (f64::from(canvas.client_height()) * ratio).round().max(1.0) as u32;
    if canvas.width() == width && canvas.height() == height {
        return false;
    }
    canvas.set_width(width);
    canvas.set_height(height);
    true
}

/// plotters' canvas backend with text measured by `CanvasRenderingContext2d.measureText`.
///
/// plotters on wasm measures text by inserting a `<span>` into the page and reading its size,
/// which forces a layout for every label; measuring on the context costs microseconds.
pub struct Canvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
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
        let inner = CanvasBackend::with_canvas_object(canvas.clone())?;
        Some(Canvas { inner, context })
    }
}

/// The error type of plotters-canvas, which it does not export by name.
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;
type Outcome = Result<(), DrawingErrorKind<CanvasError>>;

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Outcome {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Outcome {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Outcome {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Outcome {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Outcome {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    /// Strokes the whole polyline as one `Path2D` built from SVG path data: one call into the
    /// browser instead of one `lineTo` per point (a curve has a thousand).
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Outcome {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let points: Vec<BackendCoord> = path.into_iter().collect();
        let mut data = String::with_capacity(points.len() * 10);
        for (i, (x, y)) in points.iter().enumerate() {
            let command = if i == 0 { 'M' } else { 'L' };
            // Writing to a String cannot fail.
            let _ = write!(data, "{command}{x} {y}");
        }
        if data.is_empty() {
            return Ok(());
        }
        let Ok(path) = Path2d::new_with_path_string(&data) else {
            return self.inner.draw_path(points, style);
        };
        let (r, g, b) = color.rgb;
        self.context
            .set_stroke_style_str(&format!("rgba({r},{g},{b},{})", color.alpha));
        self.context.set_line_width(f64::from(style.stroke_width()));
        self.context.stroke_with_path(&path);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Outcome {
        self.inner.fill_polygon(vertices, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Outcome {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Outcome {
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        self.context.set_font(&format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        ));
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
