//! The "born dead" calculator's DOM: width, depth, initialisation and bias init in; the Monte
//! Carlo share over the input range and the closed form for one input out. The survey runs a
//! batch per animation frame, so the page stays responsive for wide, deep networks.

use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use crate::born_dead::{closed_form, MonteCarlo};
use crate::decimal;
use crate::lab::InitChoice;
use crate::text::{self, fill, Strings};
use crate::web::dom::{find, set_text};

/// Networks the calculator surveys for each setting.
const TRIALS: u32 = 2000;
/// Weights drawn between two looks at the clock: well under a millisecond of work.
const WEIGHTS_PER_BATCH: u32 = 20_000;

/// The calculator's elements and its survey in progress.
pub struct BornDeadView {
    width: HtmlInputElement,
    depth: HtmlInputElement,
    init: HtmlSelectElement,
    bias: HtmlInputElement,
    width_out: Element,
    depth_out: Element,
    bias_out: Element,
    monte_carlo: Element,
    closed: Element,
    survey: Option<MonteCarlo>,
}

impl BornDeadView {
    /// Finds the calculator's elements under `root` and starts its first survey.
    pub fn find(root: &Element) -> Result<BornDeadView, JsValue> {
        let mut view = BornDeadView {
            width: find(root, "born-width")?,
            depth: find(root, "born-depth")?,
            init: find(root, "born-init")?,
            bias: find(root, "born-bias")?,
            width_out: find(root, "born-width-out")?,
            depth_out: find(root, "born-depth-out")?,
            bias_out: find(root, "born-bias-out")?,
            monte_carlo: find(root, "born-mc")?,
            closed: find(root, "born-closed")?,
            survey: None,
        };
        view.restart();
        Ok(view)
    }

    fn settings(&self) -> (u32, u32, InitChoice, f32) {
        let whole = |input: &HtmlInputElement, low: u32, high: u32| {
            let value = input.value_as_number();
            if value.is_finite() {
                (value.round() as u32).clamp(low, high)
            } else {
                low
            }
        };
        let bias = self.bias.value_as_number();
        (
            whole(&self.width, 1, 64),
            whole(&self.depth, 1, 8),
            InitChoice::from_key(&self.init.value()).unwrap_or(InitChoice::He),
            if bias.is_finite() { bias as f32 } else { 0.0 },
        )
    }

    /// Starts a new survey for the controls' current values; true if `id` is one of them.
    pub fn read_control(&mut self, id: &str) -> bool {
        if !id.starts_with("born-") {
            return false;
        }
        self.restart();
        true
    }

    fn restart(&mut self) {
        let (width, depth, init, bias) = self.settings();
        self.survey = MonteCarlo::new(width, depth, init.init(), bias, 1).ok();
    }

    /// Whether the survey still has trials to run.
    pub fn busy(&self) -> bool {
        self.survey
            .as_ref()
            .is_some_and(|s| s.estimate().trials < TRIALS)
    }

    /// Runs trials in small batches until `budget_ms` of `now()` has passed or the survey is
    /// done, so that a frame stays short whatever the network's size.
    pub fn work(&mut self, budget_ms: f64, now: impl Fn() -> f64) {
        let (width, depth, ..) = self.settings();
        let per_trial = width * width * depth + width;
        let batch = (WEIGHTS_PER_BATCH / per_trial).max(1);
        let start = now();
        while let Some(survey) = &mut self.survey {
            let left = TRIALS.saturating_sub(survey.estimate().trials);
            if left == 0 || now() - start > budget_ms {
                break;
            }
            survey.run(batch.min(left));
        }
    }

    /// Shows the settings and both answers.
    pub fn render(&self, strings: &Strings) {
        let (width, depth, _, bias) = self.settings();
        set_text(&self.width_out, &width.to_string());
        set_text(&self.depth_out, &depth.to_string());
        set_text(&self.bias_out, &text::number_f32(bias));
        let percent = |share: f64| format!("{}%", decimal::fixed(share * 100.0, 2));
        set_text(
            &self.closed,
            &fill(
                strings.born_closed,
                &[("share", &percent(closed_form(width, depth)))],
            ),
        );
        let text = match &self.survey {
            Some(survey) if survey.estimate().trials > 0 => {
                let estimate = survey.estimate();
                let (low, high) = estimate.interval();
                fill(
                    strings.born_monte_carlo,
                    &[
                        ("share", &percent(estimate.share())),
                        ("dead", &estimate.dead.to_string()),
                        ("trials", &estimate.trials.to_string()),
                        ("low", &percent(low)),
                        ("high", &percent(high)),
                    ],
                )
            }
            _ => strings.born_running.to_string(),
        };
        set_text(&self.monte_carlo, &text);
    }
}
