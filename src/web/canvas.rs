//! The charts' `<canvas>` glue: HiDPI sizing, and plotters-canvas's backend with text measured
//! on the 2D context.
//!
//! plotters-canvas's `CanvasBackend` draws everything. This wrapper adds the two things it
//! lacks for this page: a backing store of CSS size × devicePixelRatio (sharp charts on HiDPI
//! screens), and label widths measured with `measureText` instead of plotters' DOM probe.

use plotters::prelude::DrawingBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, ContextAttributes2d, HtmlCanvasElement};

use crate::web::dom::near_viewport;

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
    draws: Cell<u32>,
}

impl ChartCanvas {
    /// Wraps `element`, whose size is read at the first [`ChartCanvas::measure`]: the page
    /// measures every chart at once, in one layout.
    pub fn new(element: HtmlCanvasElement) -> ChartCanvas {
        ChartCanvas {
            element,
            css_size: Cell::new((0, 0)),
            draws: Cell::new(0),
        }
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

    /// Whether the canvas, or the deferred block holding it, is on screen or within half a
    /// screen of it (see [`near_viewport`]).
    pub fn near_viewport(&self) -> bool {
        near_viewport(&self.element)
    }

    /// Counts a completed drawing in the canvas's `data-draws` attribute: what tests and the
    /// fuzzer wait on, and how they see that a view redrew nothing it did not need to.
    pub fn mark_drawn(&self) {
        let draws = self.draws.get().wrapping_add(1);
        self.draws.set(draws);
        // An attribute that cannot be written changes nothing a reader sees.
        let _ = self.element.set_attribute("data-draws", &draws.to_string());
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

/// plotters-canvas's backend, with label widths measured by the 2D context.
///
/// plotters on wasm measures a label by inserting a `<span>` into the page and reading its
/// size, which makes the browser lay the page out for every label; `measureText` on the
/// canvas costs microseconds and uses the font the label is drawn in.
pub struct Canvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    /// The font this wrapper last gave the context to measure with, while no drawing of text
    /// has changed it since: a legend measures a dozen labels in one font, and setting the
    /// context's font (which the browser parses and resolves each time) cost more than
    /// measuring.
    measuring_font: RefCell<Option<String>>,
}

impl Canvas {
    /// Wraps `canvas`, or `None` if it has no 2D context.
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Canvas> {
        // The charts paint their own background, so the canvas is opaque: the browser skips
        // blending it with the page. The first call fixes the context's options for good, and
        // CanvasBackend's own `getContext("2d")` then returns this same context.
        let options = ContextAttributes2d::new();
        options.set_alpha(false);
        let context = canvas
            .get_context_with_context_options("2d", &options)
            .ok()??
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas.clone())?;
        Some(Canvas {
            inner,
            context,
            measuring_font: RefCell::new(None),
        })
    }
}

/// The error type of plotters-canvas.
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

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Outcome {
        self.inner.draw_path(path, style)
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
        // plotters-canvas sets the context's font to draw.
        self.measuring_font.replace(None);
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        let mut measuring = self.measuring_font.borrow_mut();
        if measuring.as_deref() != Some(font.as_str()) {
            self.context.set_font(&font);
            *measuring = Some(font);
        }
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
