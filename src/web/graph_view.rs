//! The graph section's DOM: its controls, readouts and canvas.

use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlCanvasElement, HtmlElement, HtmlInputElement};

use crate::activation::Activation;
use crate::plot::graph::{self, Drawn, GraphSpec};
use crate::plot::theme::Theme;
use crate::state::{Problem, Setting, State};
use crate::text::{self, fill, Strings};
use crate::web::canvas::{Canvas, ChartCanvas};
use crate::web::dom::{set_hidden, set_number, set_text, Finder};

/// One readout row: its row element and the f(x), f'(x) cells.
struct Row {
    row: HtmlElement,
    value: Element,
    derivative: Element,
}

/// The graph section's elements and what was last drawn.
pub struct GraphView {
    canvas: ChartCanvas,
    x_min: HtmlInputElement,
    x_max: HtmlInputElement,
    x: HtmlInputElement,
    show_leaky: HtmlInputElement,
    slope: HtmlInputElement,
    show_sigmoid: HtmlInputElement,
    show_tanh: HtmlInputElement,
    x_min_out: Element,
    x_max_out: Element,
    slope_out: Element,
    readout_x: Element,
    relu: Row,
    leaky: Row,
    sigmoid: Row,
    tanh: Row,
    kink_note: HtmlElement,
    message: Element,
    drawn: Option<Drawn>,
    drawn_for: Option<(GraphSpec, Theme, u32, u32)>,
}

impl GraphView {
    /// Finds the section's elements under `root`.
    pub fn find(root: &Element) -> Result<GraphView, JsValue> {
        let mut found = Finder::new(root);
        let canvas = found.get("graph-canvas");
        let x_min = found.get("x-min");
        let x_max = found.get("x-max");
        let x = found.get("x-value");
        let show_leaky = found.get("show-leaky");
        let slope = found.get("leaky-slope");
        let show_sigmoid = found.get("show-sigmoid");
        let show_tanh = found.get("show-tanh");
        let x_min_out = found.get("x-min-out");
        let x_max_out = found.get("x-max-out");
        let slope_out = found.get("leaky-slope-out");
        let readout_x = found.get("readout-x");
        let mut row = |name: &str| Row {
            row: found.get(&format!("row-{name}")),
            value: found.get(&format!("fx-{name}")),
            derivative: found.get(&format!("dfx-{name}")),
        };
        let (relu, leaky, sigmoid, tanh) = (row("relu"), row("leaky"), row("sigmoid"), row("tanh"));
        let kink_note = found.get("kink-note");
        let message = found.get("graph-message");
        found.finish()?;
        Ok(GraphView {
            // Measured only now that it is known to be a canvas.
            canvas: ChartCanvas::new(canvas),
            x_min,
            x_max,
            x,
            show_leaky,
            slope,
            show_sigmoid,
            show_tanh,
            x_min_out,
            x_max_out,
            slope_out,
            readout_x,
            relu,
            leaky,
            sigmoid,
            tanh,
            kink_note,
            message,
            drawn: None,
            drawn_for: None,
        })
    }

    /// The canvas, for pointer and resize listeners.
    pub fn canvas(&self) -> &HtmlCanvasElement {
        self.canvas.element()
    }

    /// Reads the canvas's size again (after a resize), before anything is written; true if it
    /// changed.
    pub fn measure(&self) -> bool {
        self.canvas.measure()
    }

    /// Hands the control that sent an input event (by id) to `state`, returning its refusal.
    pub fn read_control(&self, id: &str, state: &mut State) -> Result<(), Problem> {
        let number = |input: &HtmlInputElement| input.value_as_number();
        match id {
            "x-min" | "x-max" => state.set_range(number(&self.x_min), number(&self.x_max)),
            "x-value" => state.set_number(Setting::X, number(&self.x)),
            "leaky-slope" => {
                state.set_flag(Setting::ShowLeaky, true);
                state.set_number(Setting::Slope, number(&self.slope))
            }
            "show-leaky" => {
                state.set_flag(Setting::ShowLeaky, self.show_leaky.checked());
                Ok(())
            }
            "show-sigmoid" => {
                state.set_flag(Setting::ShowSigmoid, self.show_sigmoid.checked());
                Ok(())
            }
            "show-tanh" => {
                state.set_flag(Setting::ShowTanh, self.show_tanh.checked());
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Moves x to the pointer at CSS offset `offset_x` on the canvas, if a graph is drawn.
    pub fn point_at(&self, offset_x: f64, ratio: f64, state: &mut State) {
        let Some(drawn) = &self.drawn else { return };
        let (left, right, top) = drawn.plot_pixels();
        let pixel = ((offset_x * ratio).round() as i32).clamp(left, right);
        if let Some((x, _)) = drawn.data_coord((pixel, top)) {
            // Rounded to the slider's step so that readouts stay tidy.
            let rounded = crate::state::round_to_x_step(x);
            // A refused x (never, after clamping) simply leaves x where it was.
            let _ = state.set_number(Setting::X, rounded);
        }
    }

    /// Moves x for a key pressed on the focused canvas (see [`State::x_after_key`]); true if
    /// the key moves x.
    pub fn key(&self, key: &str, state: &mut State) -> bool {
        match state.x_after_key(key) {
            Some(x) => {
                // Always inside the range, so never refused.
                let _ = state.set_number(Setting::X, x);
                true
            }
            None => false,
        }
    }

    /// Shows `problem` (or clears the message).
    pub fn show_problem(&self, strings: &Strings, problem: Option<&Problem>) {
        let message = problem
            .map(|p| text::problem(strings, p))
            .unwrap_or_default();
        set_text(&self.message, &message);
    }

    /// The curves last drawn, for the JS handle.
    pub fn drawn(&self) -> Option<&Drawn> {
        self.drawn.as_ref()
    }

    /// Forgets what the canvas shows, so that the next [`GraphView::render`] repaints it (its
    /// words changed language).
    pub fn forget_drawing(&mut self) {
        self.drawn_for = None;
    }

    /// Brings controls, readouts and canvas up to date with `state`; the canvas is repainted
    /// only if what it shows or its size changed, unless `force`.
    pub fn render(
        &mut self,
        state: &State,
        theme: &Theme,
        strings: &Strings,
        ratio: f64,
        force: bool,
    ) -> Result<(), JsValue> {
        self.write_controls(state);
        self.write_readouts(state, strings);
        let resized = self.canvas.fit_backing_store(ratio);
        let spec = GraphSpec::of(state, ratio);
        let canvas = self.canvas.element();
        let key = (spec, *theme, canvas.width(), canvas.height());
        if !force && !resized && self.drawn_for == Some(key) {
            return Ok(());
        }
        let backend = Canvas::new(canvas)
            .ok_or_else(|| crate::web::dom::error("the graph canvas has no 2D context"))?;
        let area = backend.into_drawing_area();
        let drawn = graph::draw(&area, &spec, theme, strings)
            .map_err(|e| crate::web::dom::error(&format!("drawing the graph failed: {e}")))?;
        area.present()
            .map_err(|e| crate::web::dom::error(&format!("drawing the graph failed: {e}")))?;
        let relu = Activation::Relu;
        let alt = fill(
            strings.graph_alt,
            &[
                ("min", &text::number(state.x_min)),
                ("max", &text::number(state.x_max)),
                ("x", &shown_x(state)),
                ("fx", &text::number_f32(relu.forward(state.x as f32))),
                ("dfx", &text::number_f32(relu.derivative(state.x as f32))),
            ],
        );
        if canvas.get_attribute("aria-label").as_deref() != Some(alt.as_str()) {
            canvas.set_attribute("aria-label", &alt)?;
        }
        self.drawn = Some(drawn);
        self.drawn_for = Some(key);
        self.canvas.mark_drawn();
        Ok(())
    }

    fn write_controls(&self, state: &State) {
        set_number(&self.x_min, state.x_min);
        set_number(&self.x_max, state.x_max);
        let (min, max) = (text::number(state.x_min), text::number(state.x_max));
        if self.x.min() != min {
            self.x.set_min(&min);
        }
        if self.x.max() != max {
            self.x.set_max(&max);
        }
        set_number(&self.x, state.x);
        set_number(&self.slope, state.slope);
        for (input, on) in [
            (&self.show_leaky, state.show_leaky),
            (&self.show_sigmoid, state.show_sigmoid),
            (&self.show_tanh, state.show_tanh),
        ] {
            if input.checked() != on {
                input.set_checked(on);
            }
        }
        set_text(&self.x_min_out, &text::number(state.x_min));
        set_text(&self.x_max_out, &text::number(state.x_max));
        set_text(&self.slope_out, &text::number(state.slope));
    }

    fn write_readouts(&self, state: &State, strings: &Strings) {
        let x = state.x as f32;
        set_text(&self.readout_x, &shown_x(state));
        let rows = [
            (&self.relu, Activation::Relu, true),
            (
                &self.leaky,
                Activation::LeakyRelu(state.slope as f32),
                state.show_leaky,
            ),
            (&self.sigmoid, Activation::Sigmoid, state.show_sigmoid),
            (&self.tanh, Activation::Tanh, state.show_tanh),
        ];
        for (row, activation, shown) in rows {
            set_hidden(&row.row, !shown);
            if shown {
                set_text(&row.value, &text::number_f32(activation.forward(x)));
                set_text(&row.derivative, &text::number_f32(activation.derivative(x)));
            }
        }
        set_text(&self.kink_note, strings.at_kink);
        set_hidden(&self.kink_note, x != 0.0);
    }
}

/// x as the functions receive it: rounded to `f32`.
fn shown_x(state: &State) -> String {
    text::number_f32(state.x as f32)
}
