//! The gradient-through-depth experiment's DOM: depth, pre-activation and spread in; the chart
//! of what is left of the gradient layer by layer, and a table of what is left after the last
//! layer with the reason for each activation.

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::activation::Activation;
use crate::depth::{DepthSettings, PathGradient, ACTIVATIONS, LEAKY_SLOPE};
use crate::plot::depth::{draw, Series};
use crate::predict::{depth_question_local, Question, Verdict, DEPTH_QUESTION_LAYERS};
use crate::sections::views;
use crate::state::{Setting, State};
use crate::text::{self, factor, fill, superscript, Strings};
use crate::web::canvas::ChartCanvas;
use crate::web::dom::{error, set_text, Finder};
use crate::web::experiment_view::{Chart, Controls, Experiment, Look};

/// The experiment's elements and what it last drew.
pub struct DepthView {
    /// Its question, sliders and New draw button.
    controls: Controls,
    /// Each activation's "left after L layers" cell and its reason, in [`ACTIVATIONS`] order.
    rows: Vec<(Element, Element)>,
    chart: Chart<DepthSettings>,
}

impl DepthView {
    /// Finds the experiment's elements under `root`.
    pub fn find(root: &Element) -> Result<DepthView, JsValue> {
        let mut found = Finder::new(root);
        let view = DepthView {
            controls: Controls::find(
                &mut found,
                ("depth", Question::DepthSigmoid),
                &[
                    ("grad-depth", Setting::GradDepth),
                    ("grad-z", Setting::GradZ),
                    ("grad-spread", Setting::GradSpread),
                ],
                "grad-message",
                Some(("grad-redraw", Setting::GradSeed)),
            ),
            rows: ACTIVATIONS
                .iter()
                .map(|(key, _)| {
                    (
                        found.get(&format!("depth-left-{key}")),
                        found.get(&format!("depth-note-{key}")),
                    )
                })
                .collect(),
            chart: Chart::new(found.get("depth-canvas")),
        };
        found.finish()?;
        Ok(view)
    }

    /// Why the depth question's answer is what it is, for the verdict.
    fn why(strings: &Strings, verdict: Verdict) -> String {
        let layers = DEPTH_QUESTION_LAYERS.to_string();
        let local = factor(depth_question_local());
        fill(
            strings.depth_predict_why,
            &[
                ("local", &local),
                ("layers", &layers),
                ("power", &format!("{local}{}", superscript(&layers))),
                ("value", &factor(verdict.truth)),
            ],
        )
    }
}

impl Experiment for DepthView {
    fn part(&self) -> &'static str {
        views::GRADIENT_DEPTH
    }

    fn charts(&self) -> Vec<&ChartCanvas> {
        vec![self.chart.canvas()]
    }

    fn controls(&mut self) -> Option<&mut Controls> {
        Some(&mut self.controls)
    }

    /// Shows `state.grad`: the controls, the chart and the table.
    fn render(&mut self, state: &State, look: Look) -> Result<(), JsValue> {
        let Look { theme, strings, .. } = look;
        let settings = state.grad;
        self.controls
            .render(state, strings, |verdict| DepthView::why(strings, verdict))?;
        // The state holds only values its domains allow, so the settings are always drawable.
        let paths = settings
            .paths()
            .map_err(|e| error(&format!("gradient through depth: {e}")))?;
        for ((left, note), path) in self.rows.iter().zip(&paths) {
            set_text(left, &factor(path.last()));
            set_text(note, &reason(path, settings.depth, strings));
        }
        let series: Vec<Series> = paths
            .iter()
            .zip(strings.depth_legend)
            .map(|(path, name)| Series { name, path })
            .collect();
        let left = |i: usize| factor(paths[i].last());
        self.chart.draw(
            settings,
            look,
            |area| {
                draw(area, strings.depth_chart_title, &series, theme, look.ratio)
                    .map_err(|e| e.to_string())
            },
            || {
                fill(
                    strings.depth_alt,
                    &[
                        ("depth", &settings.depth.to_string()),
                        ("relu", &left(0)),
                        ("leaky", &left(1)),
                        ("sigmoid", &left(2)),
                        ("tanh", &left(3)),
                    ],
                )
            },
        )
    }
}

/// Why `path` keeps what it keeps, in words: a cut, the leak, sigmoid's bound, tanh's fall;
/// with the layer where float32 loses it, if it does.
fn reason(path: &PathGradient, depth: u32, strings: &Strings) -> String {
    let mut out = match path.activation {
        Activation::Relu => match path.cut_at() {
            Some(layer) => fill(strings.depth_cut, &[("layer", &layer.to_string())]),
            None => strings.depth_whole.to_string(),
        },
        Activation::LeakyRelu(_) => {
            let leaking = path.local.iter().filter(|d| **d != 1.0).count();
            if leaking == 0 {
                strings.depth_whole.to_string()
            } else {
                fill(
                    strings.depth_leak,
                    &[
                        ("layers", &leaking.to_string()),
                        ("depth", &depth.to_string()),
                        ("slope", &text::number_f32(LEAKY_SLOPE)),
                    ],
                )
            }
        }
        Activation::Sigmoid => fill(
            strings.depth_sigmoid,
            &[
                ("power", &format!("0.25{}", superscript(&depth.to_string()))),
                ("bound", &factor(crate::depth::sigmoid_bound(depth))),
            ],
        ),
        Activation::Tanh => strings.depth_tanh.to_string(),
    };
    // A cut ReLU path is 0 in any precision; float32's own loss is news elsewhere.
    if let (Some(layer), None) = (path.f32_zero_from, path.cut_at()) {
        out.push(' ');
        out.push_str(&fill(strings.depth_f32, &[("layer", &layer.to_string())]));
    }
    out
}
