//! What every live experiment's view shares: the [`Experiment`] trait the page runs them all
//! through, their sliders with their readouts and the message that says why a value was
//! refused, the question they open with and their New draw button ([`Controls`]), and their
//! charts, each redrawn only when what it shows changed.

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, IntoDrawingArea};
use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlCanvasElement, HtmlInputElement};

use crate::plot::theme::Theme;
use crate::predict::{Question, Verdict};
use crate::state::{Problem, Setting, State};
use crate::text::{self, Strings};
use crate::web::canvas::{Canvas, ChartCanvas};
use crate::web::dom::{error, set_number, set_text, Finder};
use crate::web::predict_view::PredictView;

/// How a chart is to be drawn this frame: the colours, the words, the device pixel ratio,
/// and whether to draw even what it already shows (printing, a forced render).
#[derive(Clone, Copy)]
pub struct Look<'a> {
    /// The chart colours.
    pub theme: &'a Theme,
    /// The page's words.
    pub strings: &'static Strings,
    /// CSS pixels to backing-store pixels.
    pub ratio: f64,
    /// Draw even if nothing changed.
    pub force: bool,
}

/// What the pointer did on an experiment's canvas.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointerKind {
    /// The primary button went down.
    Down,
    /// The pointer moved with the primary button down.
    Drag,
    /// The primary button went up, or the pointer was lost.
    Up,
}

/// A live experiment as the page runs it: the app holds a list of them, hands each the events
/// of its controls and canvases, and draws it when its part of the state changed.
pub trait Experiment {
    /// The section it draws in ([`crate::sections::views`]): an embedded section draws and
    /// runs only the experiments it shows.
    fn part(&self) -> &'static str;

    /// Its charts' canvases, for the resize observer and for finding it on screen.
    fn charts(&self) -> Vec<&ChartCanvas>;

    /// Its question, sliders and New draw button, when those are all its controls: the
    /// methods below then hand their events to them.
    fn controls(&mut self) -> Option<&mut Controls> {
        None
    }

    /// Hands the control that sent an input event (by id) to the experiment, which applies
    /// its value to `state` or refuses it; `None` if `id` is not one of its controls.
    fn read_control(&mut self, id: &str, state: &mut State) -> Option<Result<(), Problem>> {
        self.controls()?.read(id, state)
    }

    /// Handles a click on the button with id `id`; returns whether it is one of the
    /// experiment's.
    fn button(&mut self, id: &str, state: &mut State) -> bool {
        self.controls()
            .is_some_and(|controls| controls.button(id, state))
    }

    /// Forgets a refusal (after a new link).
    fn clear_problem(&mut self) {
        if let Some(controls) = self.controls() {
            controls.sliders.show_problem(None);
        }
    }

    /// Shows its part of `state`: its controls, readouts and charts.
    fn render(&mut self, state: &State, look: Look) -> Result<(), JsValue>;

    /// Handles the pointer on the canvas with id `canvas` at (`x`, `y`) CSS pixels from its
    /// corner; returns whether anything changed. Most experiments' charts only show.
    fn pointer(
        &mut self,
        _canvas: &str,
        _kind: PointerKind,
        _at: (f64, f64),
        _state: &mut State,
    ) -> bool {
        false
    }

    /// Handles a key pressed on the canvas with id `canvas`, with Shift held if `shift`;
    /// returns whether it was used (the page then does not scroll).
    fn key(&mut self, _canvas: &str, _key: &str, _shift: bool, _state: &mut State) -> bool {
        false
    }

    /// Whether it has work for later frames (a measurement under way).
    fn busy(&self) -> bool {
        false
    }

    /// Does up to `ms` milliseconds of that work, reading the clock with `now`.
    fn work(&mut self, _ms: f64, _now: fn() -> f64) {}

    /// Reads its canvases' sizes again (after a resize); true if any changed.
    fn measure(&self) -> bool {
        // Every canvas is measured, not only up to the first that changed.
        self.charts().iter().filter(|chart| chart.measure()).count() > 0
    }

    /// Whether any of its charts is on or near the screen.
    fn near_viewport(&self) -> bool {
        self.charts().iter().any(|chart| chart.near_viewport())
    }
}

/// An experiment's sliders (`id`, with its readout `id-out`), each bound to a setting, and its
/// message.
struct Sliders {
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

/// The controls most experiments have: the question it opens with, sliders bound to settings,
/// and perhaps a New draw button that steps a seed setting.
pub struct Controls {
    /// The question the experiment opens with.
    predict: PredictView,
    sliders: Sliders,
    /// The New draw button's id and the seed it steps.
    redraw: Option<(&'static str, Setting)>,
}

impl Controls {
    /// Finds the question named `prefix` (see [`PredictView::find`]), the sliders
    /// `(id, setting)` with their message `message`, and the button `redraw`, if any.
    pub fn find(
        found: &mut Finder,
        (prefix, question): (&str, Question),
        sliders: &[(&str, Setting)],
        message: &str,
        redraw: Option<(&'static str, Setting)>,
    ) -> Controls {
        Controls {
            predict: PredictView::find(found, prefix, question),
            sliders: Sliders::find(found, sliders, message),
            redraw,
        }
    }

    /// Applies a slider to `state`. A new answer to the question hides the last verdict until
    /// it is checked. `None` if `id` is none of these controls.
    pub fn read(&mut self, id: &str, state: &mut State) -> Option<Result<(), Problem>> {
        if self.predict.read_control(id) {
            return Some(Ok(()));
        }
        self.sliders.read(id, state)
    }

    /// Check judges the answer (and sets the question's case); New draw steps the seed.
    /// Returns whether `id` is one of these buttons.
    pub fn button(&mut self, id: &str, state: &mut State) -> bool {
        if let Some(refused) = self.predict.button(id, state) {
            self.sliders.show_problem(refused);
            return true;
        }
        let Some((_, seed)) = self.redraw.filter(|(redraw, _)| *redraw == id) else {
            return false;
        };
        // Always a seed setting: the step cannot be refused.
        let _ = state.next_seed(seed);
        self.sliders.show_problem(None);
        true
    }

    /// Shows the state's values on the sliders, the message, and the verdict with `why`.
    pub fn render(
        &self,
        state: &State,
        strings: &Strings,
        why: impl Fn(Verdict) -> String,
    ) -> Result<(), JsValue> {
        self.sliders.render(state, strings);
        self.predict.render(strings, why)
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

    /// The canvas, for the resize observer and the experiment's [`Experiment::charts`].
    pub fn canvas(&self) -> &ChartCanvas {
        &self.canvas
    }

    /// Draws the chart for `shown` with `draw`, and sets its text alternative to `alt()`,
    /// unless it already shows `shown` in the same colours, words and size (or `force`).
    pub fn draw(
        &mut self,
        shown: K,
        look: Look,
        draw: impl FnOnce(&DrawingArea<Canvas, Shift>) -> Result<(), String>,
        alt: impl FnOnce() -> String,
    ) -> Result<(), JsValue> {
        let Look {
            theme,
            strings,
            ratio,
            force,
        } = look;
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
