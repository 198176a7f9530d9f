//! What every live experiment's view shares: its sliders with their readouts and the message
//! that says why a value was refused, and its chart, redrawn only when what it shows changed.

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, IntoDrawingArea};
use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlCanvasElement, HtmlInputElement};

use crate::plot::theme::Theme;
use crate::state::{Problem, Setting, State};
use crate::text::{self, Strings};
use crate::web::canvas::{Canvas, ChartCanvas};
use crate::web::dom::{error, set_number, set_text, Finder};

/// An experiment's sliders (`id`, with its readout `id-out`), each bound to a setting, and its
/// message.
pub struct Sliders {
    sliders: Vec<(Setting, HtmlInputElement, Element)>,
    message: Element,
    problem: Option<Problem>,
}

impl Sliders {
    /// Finds the sliders `(id, setting)` and the message with id `message`.
    pub fn find(found: &mut Finder, sliders: &[(&str, Setting)], message: &str) -> Sliders {
        Sliders {
            sliders: sliders
                .iter()
                .map(|(id, setting)| (*setting, found.get(id), found.get(&format!("{id}-out"))))
                .collect(),
            message: found.get(message),
            problem: None,
        }
    }

    /// Hands the slider with id `id` to `state`, which applies its value or refuses it;
    /// `None` if `id` is none of these sliders.
    pub fn read(&mut self, id: &str, state: &mut State) -> Option<Result<(), Problem>> {
        let (setting, input, _) = self.sliders.iter().find(|(_, input, _)| input.id() == id)?;
        let outcome = state.set_number(*setting, input.value_as_number());
        self.problem = outcome.clone().err();
        Some(outcome)
    }

    /// Shows `problem` in the message, or clears it.
    pub fn show_problem(&mut self, problem: Option<Problem>) {
        self.problem = problem;
    }

    /// Shows the state's values on the sliders and their readouts, and the message.
    pub fn render(&self, state: &State, strings: &Strings) {
        for (setting, input, output) in &self.sliders {
            set_number(input, state.number(*setting).unwrap_or_default());
            set_text(output, &state.value_text(*setting));
        }
        let message = self
            .problem
            .as_ref()
            .map(|p| text::problem(strings, p))
            .unwrap_or_default();
        set_text(&self.message, &message);
    }
}

/// An experiment's chart, and what it last drew (`K`: the settings it shows).
pub struct Chart<K> {
    canvas: ChartCanvas,
    drawn_for: Option<(K, Theme, u32, u32, *const Strings)>,
}

impl<K: Copy + PartialEq> Chart<K> {
    /// The chart on `canvas`, not drawn yet.
    pub fn new(canvas: HtmlCanvasElement) -> Chart<K> {
        Chart {
            canvas: ChartCanvas::new(canvas),
            drawn_for: None,
        }
    }

    /// The canvas, for the resize observer.
    pub fn canvas(&self) -> &HtmlCanvasElement {
        self.canvas.element()
    }

    /// Reads the canvas's size again (after a resize); true if it changed.
    pub fn measure(&self) -> bool {
        self.canvas.measure()
    }

    /// Whether the chart is on screen or within half a screen of it: at load, a chart further
    /// away waits for the frame after the first complete drawing of what is on screen.
    pub fn near_viewport(&self) -> bool {
        let height = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let rect = self.canvas.element().get_bounding_client_rect();
        rect.bottom() > -height / 2.0 && rect.top() < height * 1.5
    }

    /// Draws the chart for `shown` with `draw`, and sets its text alternative to `alt()`,
    /// unless it already shows `shown` in the same colours, words and size (or `force`).
    pub fn draw(
        &mut self,
        shown: K,
        look: (&Theme, &'static Strings, f64, bool),
        draw: impl FnOnce(&DrawingArea<Canvas, Shift>) -> Result<(), String>,
        alt: impl FnOnce() -> String,
    ) -> Result<(), JsValue> {
        let (theme, strings, ratio, force) = look;
        let resized = self.canvas.fit_backing_store(ratio);
        let element = self.canvas.element();
        let key = (
            shown,
            *theme,
            element.width(),
            element.height(),
            strings as *const Strings,
        );
        if !force && !resized && self.drawn_for == Some(key) {
            return Ok(());
        }
        let id = element.id();
        let backend =
            Canvas::new(element).ok_or_else(|| error(&format!("#{id} has no 2D context")))?;
        let area = backend.into_drawing_area();
        draw(&area).map_err(|e| error(&format!("drawing #{id} failed: {e}")))?;
        area.present()
            .map_err(|e| error(&format!("drawing #{id} failed: {e}")))?;
        let alt = alt();
        if element.get_attribute("aria-label").as_deref() != Some(alt.as_str()) {
            element.set_attribute("aria-label", &alt)?;
        }
        self.drawn_for = Some(key);
        self.canvas.mark_drawn();
        Ok(())
    }
}
