//! The "born dead" calculator's DOM: width, depth, initialisation and bias init in; the Monte
//! Carlo share over the input range and the closed form for one input out. The survey runs a
//! batch per animation frame, so the page stays responsive for wide, deep networks.

use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use crate::born_dead::{closed_form, BornSettings, MonteCarlo};
use crate::state::{Problem, Setting, State};
use crate::text::{self, fill, Strings};
use crate::web::dom::{set_number, set_select, set_text, Finder};

/// Networks the calculator surveys for each setting.
const TRIALS: u32 = 2000;
/// Weights drawn between two looks at the clock: well under a millisecond of work.
const WEIGHTS_PER_BATCH: u32 = 20_000;

/// The calculator's elements, the settings it shows and its survey in progress.
pub struct BornDeadView {
    /// The element that holds the calculator, which places it on the page.
    section: Element,
    width: HtmlInputElement,
    depth: HtmlInputElement,
    init: HtmlSelectElement,
    bias: HtmlInputElement,
    width_out: Element,
    depth_out: Element,
    bias_out: Element,
    monte_carlo: Element,
    closed: Element,
    message: Element,
    problem: Option<Problem>,
    settings: BornSettings,
    survey: Option<MonteCarlo>,
}

impl BornDeadView {
    /// Finds the calculator's elements under `root` and starts a survey for `settings`.
    pub fn find(root: &Element, settings: BornSettings) -> Result<BornDeadView, JsValue> {
        let mut found = Finder::new(root);
        let mut view = BornDeadView {
            section: found.get("born-dead"),
            width: found.get("born-width"),
            depth: found.get("born-depth"),
            init: found.get("born-init"),
            bias: found.get("born-bias"),
            width_out: found.get("born-width-out"),
            depth_out: found.get("born-depth-out"),
            bias_out: found.get("born-bias-out"),
            monte_carlo: found.get("born-mc"),
            closed: found.get("born-closed"),
            message: found.get("born-message"),
            problem: None,
            settings,
            survey: None,
        };
        found.finish()?;
        view.restart();
        Ok(view)
    }

    /// The element that holds the calculator, which places it on the page.
    pub fn section(&self) -> &Element {
        &self.section
    }

    /// Hands the control that sent an input event (by id) to `state`, which applies its value
    /// to `state.born` or refuses it, and starts a new survey if the settings changed; `None`
    /// if `id` is not one of the calculator's controls.
    pub fn read_control(&mut self, id: &str, state: &mut State) -> Option<Result<(), Problem>> {
        let outcome = match id {
            "born-width" => state.set_number(Setting::BornWidth, self.width.value_as_number()),
            "born-depth" => state.set_number(Setting::BornDepth, self.depth.value_as_number()),
            "born-init" => state.set_text(Setting::BornInit, &self.init.value()),
            "born-bias" => state.set_number(Setting::BornBias, self.bias.value_as_number()),
            _ => return None,
        };
        self.apply(state.born);
        Some(outcome)
    }

    /// Keeps the refusal of the latest change to show at the next render (`None` clears it).
    pub fn show_problem(&mut self, problem: Option<Problem>) {
        self.problem = problem;
    }

    /// Shows `settings`, starting a new survey if they differ from the current one's.
    pub fn apply(&mut self, settings: BornSettings) {
        if settings != self.settings {
            self.settings = settings;
            self.restart();
        }
    }

    fn restart(&mut self) {
        let s = self.settings;
        self.survey = MonteCarlo::new(s.width, s.depth, s.init.init(), s.bias_init, 1).ok();
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
        let (width, depth) = (self.settings.width, self.settings.depth);
        let per_trial = width * width * depth + width;
        let batch = (WEIGHTS_PER_BATCH / per_trial).max(1);
        let start = now();
        // Each batch runs at least one trial, so TRIALS batches finish any survey: the count
        // bounds the loop even if the clock never moves.
        for _ in 0..TRIALS {
            let Some(survey) = &mut self.survey else {
                break;
            };
            let left = TRIALS.saturating_sub(survey.estimate().trials);
            if left == 0 || now() - start > budget_ms {
                break;
            }
            survey.run(batch.min(left));
        }
    }

    /// Shows the settings, in the controls too (after a URL change), and both answers.
    pub fn render(&self, strings: &Strings) {
        let message = self
            .problem
            .as_ref()
            .map(|p| text::problem(strings, p))
            .unwrap_or_default();
        set_text(&self.message, &message);
        let BornSettings {
            width,
            depth,
            init,
            bias_init,
        } = self.settings;
        set_number(&self.width, f64::from(width));
        set_number(&self.depth, f64::from(depth));
        set_select(&self.init, init.key());
        set_number(&self.bias, f64::from(bias_init));
        set_text(&self.width_out, &width.to_string());
        set_text(&self.depth_out, &depth.to_string());
        set_text(&self.bias_out, &text::number_f32(bias_init));
        // The survey's count grows every frame while it runs; `aria-busy` holds a screen
        // reader's announcement of this live <output> until the result is in.
        let busy = if self.busy() { "true" } else { "false" };
        if self.monte_carlo.get_attribute("aria-busy").as_deref() != Some(busy) {
            let _ = self.monte_carlo.set_attribute("aria-busy", busy);
        }
        let percent = |share: f64| format!("{:.2}%", share * 100.0);
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
