//! The sparsity experiment's DOM: μ, σ, the sample count and a new draw in; the histograms
//! before and after ReLU, and the share of exact zeros and the means, measured against theory.

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::plot::sparsity::{draw, SparsityLabels};
use crate::predict::{Question, Verdict, SPARSITY_QUESTION_MEAN, SPARSITY_QUESTION_STD};
use crate::sections::views;
use crate::sparsity::{SparsityRun, SparsitySettings};
use crate::state::{Setting, State};
use crate::text::{self, factor, fill, Strings};
use crate::web::canvas::ChartCanvas;
use crate::web::dom::{error, set_text, Finder};
use crate::web::experiment_view::{Chart, Controls, Experiment, Look};

/// The experiment's elements, its last run and what it last drew.
pub struct SparsityView {
    /// Its question, sliders and New draw button.
    controls: Controls,
    /// The readouts, each with its value in `data-value` for scripts.
    share: Element,
    interval: Element,
    theory: Element,
    mean_in: Element,
    mean_in_theory: Element,
    mean_out: Element,
    mean_out_theory: Element,
    /// The settings last run, and what came out: a run is redrawn only when they change.
    run: Option<(SparsitySettings, SparsityRun)>,
    chart: Chart<SparsitySettings>,
}

impl SparsityView {
    /// Finds the experiment's elements under `root`.
    pub fn find(root: &Element) -> Result<SparsityView, JsValue> {
        let mut found = Finder::new(root);
        let view = SparsityView {
            controls: Controls::find(
                &mut found,
                ("sparsity", Question::SparsityShare),
                &[
                    ("sparsity-mean", Setting::SparsityMean),
                    ("sparsity-std", Setting::SparsityStd),
                    ("sparsity-samples", Setting::SparsitySamples),
                ],
                "sparsity-message",
                Some(("sparsity-redraw", Setting::SparsitySeed)),
            ),
            share: found.get("sparsity-share"),
            interval: found.get("sparsity-interval"),
            theory: found.get("sparsity-theory"),
            mean_in: found.get("sparsity-mean-in"),
            mean_in_theory: found.get("sparsity-mean-in-theory"),
            mean_out: found.get("sparsity-mean-out-measured"),
            mean_out_theory: found.get("sparsity-mean-out-theory"),
            run: None,
            chart: Chart::new(found.get("sparsity-canvas")),
        };
        found.finish()?;
        Ok(view)
    }

    /// The run for `settings`, drawn again only if they changed since the last.
    fn run(&mut self, settings: SparsitySettings) -> Result<&SparsityRun, JsValue> {
        if self.run.as_ref().map(|(shown, _)| *shown) != Some(settings) {
            // The state holds only values its domains allow, all within the core's.
            let run = settings
                .run()
                .map_err(|e| error(&format!("sparsity: {e}")))?;
            self.run = Some((settings, run));
        }
        Ok(self.run.as_ref().map(|(_, run)| run).expect("set above"))
    }
}

impl Experiment for SparsityView {
    fn part(&self) -> &'static str {
        views::SPARSITY
    }

    fn charts(&self) -> Vec<&ChartCanvas> {
        vec![self.chart.canvas()]
    }

    fn controls(&mut self) -> Option<&mut Controls> {
        Some(&mut self.controls)
    }

    /// Shows `state.sparsity`: the controls, the readouts and the chart.
    fn render(&mut self, state: &State, look: Look) -> Result<(), JsValue> {
        let Look { theme, strings, .. } = look;
        let settings = state.sparsity;
        self.controls
            .render(state, strings, |verdict| why(strings, verdict))?;
        let run = self.run(settings)?.clone();
        let share = run.zeros.share();
        let (low, high) = run.zeros.interval();
        let theory = run.normal.relu_zero_share();
        show(&self.share, &percent(share), share)?;
        show(
            &self.interval,
            &fill(
                strings.sparsity_interval,
                &[("low", &percent(low)), ("high", &percent(high))],
            ),
            low,
        )?;
        self.interval
            .set_attribute("data-high", &high.to_string())?;
        show(&self.theory, &percent(theory), theory)?;
        show(&self.mean_in, &signed(run.mean_before), run.mean_before)?;
        show(&self.mean_in_theory, &signed(settings.mean), settings.mean)?;
        show(&self.mean_out, &signed(run.mean_after), run.mean_after)?;
        let mean_theory = run.normal.relu_mean();
        show(&self.mean_out_theory, &signed(mean_theory), mean_theory)?;
        let spike = fill(strings.sparsity_spike, &[("share", &percent(share))]);
        let labels = SparsityLabels {
            before: strings.sparsity_before,
            after: strings.sparsity_after,
            spike: &spike,
        };
        self.chart.draw(
            settings,
            look,
            |area| draw(area, &run, &labels, theme, look.ratio).map_err(|e| e.to_string()),
            || {
                fill(
                    strings.sparsity_alt,
                    &[
                        ("samples", &settings.samples.to_string()),
                        ("mean", &text::number(settings.mean)),
                        ("std", &text::number(settings.std)),
                        ("zeros", &run.zeros.zeros().to_string()),
                        ("share", &percent(share)),
                        ("theory", &percent(theory)),
                        ("mean_out", &signed(run.mean_after)),
                    ],
                )
            },
        )
    }
}

/// Shows `text` in `output`, and `value` in its `data-value` for scripts.
fn show(output: &Element, text: &str, value: f64) -> Result<(), JsValue> {
    set_text(output, text);
    let value = value.to_string();
    if output.get_attribute("data-value").as_deref() != Some(value.as_str()) {
        output.set_attribute("data-value", &value)?;
    }
    Ok(())
}

/// A share as a percentage, three significant digits.
fn percent(share: f64) -> String {
    format!("{}%", factor(share * 100.0))
}

/// A mean as the table compares them: three decimals, or three significant digits below
/// 0.001 (the outputs' mean is above 0, however small), with a minus sign.
fn signed(value: f64) -> String {
    let size = value.abs();
    let digits = if size == 0.0 || size >= 1e-3 {
        format!("{size:.3}")
    } else {
        factor(size)
    };
    if value < 0.0 {
        format!("−{digits}")
    } else {
        digits
    }
}

/// Why the sparsity question's answer is what it is, for the verdict.
fn why(strings: &Strings, verdict: Verdict) -> String {
    fill(
        strings.sparsity_predict_why,
        &[
            (
                "mean",
                &text::number(SPARSITY_QUESTION_MEAN).replace('-', "−"),
            ),
            ("std", &text::number(SPARSITY_QUESTION_STD)),
            ("share", &percent(verdict.truth)),
        ],
    )
}
