//! The no-upper-limit experiment's DOM: layers and the weights' scale in; the chart of the
//! activations' size layer by layer, and a table of their size after the last layer with the
//! reason for each activation.

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::activation::Activation;
use crate::depth::ACTIVATIONS;
use crate::growth::GrowthSettings;
use crate::plot::layers::{draw, growth_lines};
use crate::predict::{Question, Verdict, GROWTH_QUESTION_LAYERS, GROWTH_QUESTION_SCALE};
use crate::sections::views;
use crate::state::{Setting, State};
use crate::text::{self, factor, fill, superscript, Strings};
use crate::web::canvas::ChartCanvas;
use crate::web::dom::{error, set_text, Finder};
use crate::web::experiment_view::{Chart, Controls, Experiment, Look};

/// The experiment's elements and what it last drew.
pub struct GrowthView {
    /// Its question and sliders.
    controls: Controls,
    /// Each activation's "RMS after L layers" cell and its reason, in [`ACTIVATIONS`] order.
    rows: Vec<(Element, Element)>,
    chart: Chart<GrowthSettings>,
}

impl GrowthView {
    /// Finds the experiment's elements under `root`.
    pub fn find(root: &Element) -> Result<GrowthView, JsValue> {
        let mut found = Finder::new(root);
        let view = GrowthView {
            controls: Controls::find(
                &mut found,
                ("growth", Question::GrowthRelu),
                &[
                    ("growth-depth", Setting::GrowthDepth),
                    ("growth-scale", Setting::GrowthScale),
                ],
                "growth-message",
                None,
            ),
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
}

impl Experiment for GrowthView {
    fn part(&self) -> &'static str {
        views::GROWTH
    }

    fn charts(&self) -> Vec<&ChartCanvas> {
        vec![self.chart.canvas()]
    }

    fn controls(&mut self) -> Option<&mut Controls> {
        Some(&mut self.controls)
    }

    /// Shows `state.growth`: the controls, the chart and the table.
    fn render(&mut self, state: &State, look: Look) -> Result<(), JsValue> {
        let Look { theme, strings, .. } = look;
        let settings = state.growth;
        self.controls
            .render(state, strings, |verdict| why(strings, verdict))?;
        // The state holds only values its domains allow, so every network can be followed.
        let sizes = settings
            .sizes()
            .map_err(|e| error(&format!("no upper limit: {e}")))?;
        let last = |i: usize| factor(sizes[i].last().copied().unwrap_or(1.0));
        for (i, ((size, note), (_, activation))) in self.rows.iter().zip(&ACTIVATIONS).enumerate() {
            set_text(size, &last(i));
            set_text(note, &reason(*activation, settings, strings));
        }
        let series = growth_lines(&sizes, &strings.depth_legend);
        self.chart.draw(
            settings,
            look,
            |area| {
                draw(area, strings.growth_chart_title, &series, theme, look.ratio)
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
    let linear = |per_layer: f64| {
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
    match (settings.factor_per_layer(activation), activation) {
        (Some(per_layer), _) => linear(per_layer),
        (None, Activation::Tanh) => strings.growth_tanh.to_string(),
        (None, _) => strings.growth_sigmoid.to_string(),
    }
}
