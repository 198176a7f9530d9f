//! The no-upper-limit experiment's DOM: layers and the weights' scale in; the chart of the
//! activations' size layer by layer, and a table of their size after the last layer with the
//! reason for each activation.

use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlCanvasElement};

use crate::activation::Activation;
use crate::depth::ACTIVATIONS;
use crate::growth::{analytic, GrowthSettings};
use crate::plot::layers::{draw, LayerSeries};
use crate::plot::theme::Theme;
use crate::predict::{Question, Verdict, GROWTH_QUESTION_LAYERS, GROWTH_QUESTION_SCALE};
use crate::state::{Problem, Setting, State};
use crate::text::{self, factor, fill, superscript, Strings};
use crate::web::dom::{error, set_text, Finder};
use crate::web::experiment_view::{Chart, Sliders};
use crate::web::predict_view::PredictView;

/// The experiment's elements and what it last drew.
pub struct GrowthView {
    sliders: Sliders,
    /// The question the experiment opens with.
    predict: PredictView,
    /// Each activation's "RMS after L layers" cell and its reason, in [`ACTIVATIONS`] order.
    rows: Vec<(Element, Element)>,
    chart: Chart<GrowthSettings>,
}

impl GrowthView {
    /// Finds the experiment's elements under `root`.
    pub fn find(root: &Element) -> Result<GrowthView, JsValue> {
        let mut found = Finder::new(root);
        let view = GrowthView {
            sliders: Sliders::find(
                &mut found,
                &[
                    ("growth-depth", Setting::GrowthDepth),
                    ("growth-scale", Setting::GrowthScale),
                ],
                "growth-message",
            ),
            predict: PredictView::find(&mut found, "growth", Question::GrowthRelu),
            rows: ACTIVATIONS
                .iter()
                .map(|(key, _)| {
                    (
                        found.get(&format!("growth-size-{key}")),
                        found.get(&format!("growth-note-{key}")),
                    )
                })
                .collect(),
            chart: Chart::new(found.get("growth-canvas")),
        };
        found.finish()?;
        Ok(view)
    }

    /// The chart's canvas, for the resize observer.
    pub fn canvas(&self) -> &HtmlCanvasElement {
        self.chart.canvas()
    }

    /// Reads the canvas's size again (after a resize); true if it changed.
    pub fn measure(&self) -> bool {
        self.chart.measure()
    }

    /// Whether the chart is on or near the screen.
    pub fn near_viewport(&self) -> bool {
        self.chart.near_viewport()
    }

    /// Hands the control that sent an input event (by id) to `state`, which applies its value
    /// to `state.growth` or refuses it; `None` if `id` is not one of the experiment's controls.
    pub fn read_control(&mut self, id: &str, state: &mut State) -> Option<Result<(), Problem>> {
        if self.predict.read_control(id) {
            return Some(Ok(()));
        }
        self.sliders.read(id, state)
    }

    /// Handles the experiment's Check button; returns whether `id` is it.
    pub fn button(&mut self, id: &str, state: &mut State) -> bool {
        let refused = self.predict.button(id, state);
        if let Some(problem) = refused.clone() {
            self.sliders.show_problem(problem);
        }
        refused.is_some()
    }

    /// Forgets a refusal (after a new link).
    pub fn clear_problem(&mut self) {
        self.sliders.show_problem(None);
    }

    /// Shows `state.growth`: the controls, the chart and the table.
    pub fn render(
        &mut self,
        state: &State,
        theme: &Theme,
        strings: &'static Strings,
        ratio: f64,
        force: bool,
    ) -> Result<(), JsValue> {
        let settings = state.growth;
        self.sliders.render(state, strings);
        self.predict
            .render(strings, |verdict| why(strings, verdict))?;
        // The state holds only values its domains allow, so every network can be followed.
        let sizes = ACTIVATIONS
            .iter()
            .map(|(_, activation)| analytic(&settings.growth(*activation)))
            .collect::<Result<Vec<Vec<f64>>, _>>()
            .map_err(|e| error(&format!("no upper limit: {e}")))?;
        let last = |i: usize| factor(sizes[i].last().copied().unwrap_or(1.0));
        for (i, ((size, note), (_, activation))) in self.rows.iter().zip(&ACTIVATIONS).enumerate() {
            set_text(size, &last(i));
            set_text(note, &reason(*activation, settings, strings));
        }
        let series: Vec<LayerSeries> = ACTIVATIONS
            .iter()
            .zip(&sizes)
            .zip(strings.depth_legend)
            .map(|(((_, activation), values), name)| LayerSeries {
                name,
                activation: *activation,
                start: 1.0,
                values,
                cut: None,
            })
            .collect();
        self.chart.draw(
            settings,
            (theme, strings, ratio, force),
            |area| {
                draw(area, strings.growth_chart_title, &series, theme, ratio)
                    .map_err(|e| e.to_string())
            },
            || {
                fill(
                    strings.growth_alt,
                    &[
                        ("depth", &settings.depth.to_string()),
                        ("scale", &text::number_f32(settings.scale)),
                        ("relu", &last(0)),
                        ("leaky", &last(1)),
                        ("sigmoid", &last(2)),
                        ("tanh", &last(3)),
                    ],
                )
            },
        )
    }
}

/// Why the growth question's answer is what it is, for the verdict.
fn why(strings: &Strings, verdict: Verdict) -> String {
    let layers = GROWTH_QUESTION_LAYERS.to_string();
    let scale = text::number_f32(GROWTH_QUESTION_SCALE);
    fill(
        strings.growth_predict_why,
        &[
            ("layers", &layers),
            ("scale", &scale),
            ("power", &format!("{scale}{}", superscript(&layers))),
            ("value", &factor(verdict.truth)),
        ],
    )
}

/// Why `activation`'s activations end up the size they do, in words.
fn reason(activation: Activation, settings: GrowthSettings, strings: &Strings) -> String {
    // ReLU keeps half of a symmetric input's mean square (Leaky ReLU a little more), and the
    // weights multiply it by 2·scale²: per layer, the RMS is multiplied by this factor.
    let linear = |leak: f64| {
        let per_layer = f64::from(settings.scale) * (1.0 + leak * leak).sqrt();
        let depth = settings.depth.to_string();
        fill(
            strings.growth_linear,
            &[
                ("factor", &factor(per_layer)),
                ("depth", &depth),
                (
                    "power",
                    &format!("{}{}", factor(per_layer), superscript(&depth)),
                ),
            ],
        )
    };
    match activation {
        Activation::Relu => linear(0.0),
        Activation::LeakyRelu(slope) => linear(f64::from(slope)),
        Activation::Sigmoid => strings.growth_sigmoid.to_string(),
        Activation::Tanh => strings.growth_tanh.to_string(),
    }
}
