//! The zero-centred experiment's DOM: the learning rate, the steps and new examples in; the two
//! loss surfaces with their descent paths, and a table of where each run ended and how many of
//! its steps moved both weights the same way.

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::plot::zigzag::{cell_grid_window, draw, Panel, RESOLUTION};
use crate::predict::{
    zigzag_question_distances, Question, Verdict, ZIGZAG_QUESTION_RATE, ZIGZAG_QUESTION_STEPS,
};
use crate::sections::views;
use crate::state::{Setting, State};
use crate::text::{self, factor, fill, superscript, Strings};
use crate::web::canvas::ChartCanvas;
use crate::web::dom::{error, set_text, Finder};
use crate::web::experiment_view::{Chart, Controls, Experiment, Look};
use crate::zigzag::{Path, Run, ZigzagSettings, WINDOW};

/// One run's readouts: steps taken, distance to the minimum at the end, share of same-sign
/// steps.
struct Readouts {
    steps: Element,
    distance: Element,
    same: Element,
}

/// The experiment's elements and what it last drew.
pub struct ZigzagView {
    /// Its question, sliders and New draw button.
    controls: Controls,
    /// The readouts of the positive run, then the centred one.
    readouts: [Readouts; 2],
    /// What the last drawing's runs did, said when one diverged.
    note: Element,
    chart: Chart<ZigzagSettings>,
}

/// The runs' keys in the page's ids, in [`ZigzagSettings::runs`] order.
const RUNS: [&str; 2] = ["positive", "centred"];

impl ZigzagView {
    /// Finds the experiment's elements under `root`.
    pub fn find(root: &Element) -> Result<ZigzagView, JsValue> {
        let mut found = Finder::new(root);
        let mut readouts = |run: &str| Readouts {
            steps: found.get(&format!("zigzag-steps-{run}")),
            distance: found.get(&format!("zigzag-distance-{run}")),
            same: found.get(&format!("zigzag-same-{run}")),
        };
        let readouts = [readouts(RUNS[0]), readouts(RUNS[1])];
        let view = ZigzagView {
            controls: Controls::find(
                &mut found,
                ("zigzag", Question::ZigzagRate),
                &[
                    ("zigzag-rate", Setting::ZigzagRate),
                    ("zigzag-steps", Setting::ZigzagSteps),
                ],
                "zigzag-message",
                Some(("zigzag-redraw", Setting::ZigzagSeed)),
            ),
            readouts,
            note: found.get("zigzag-note"),
            chart: Chart::new(found.get("zigzag-canvas")),
        };
        found.finish()?;
        Ok(view)
    }
}

impl Experiment for ZigzagView {
    fn part(&self) -> &'static str {
        views::ZIGZAG
    }

    fn charts(&self) -> Vec<&ChartCanvas> {
        vec![self.chart.canvas()]
    }

    fn controls(&mut self) -> Option<&mut Controls> {
        Some(&mut self.controls)
    }

    /// Shows `state.zigzag`: the controls, the chart and the table.
    fn render(&mut self, state: &State, look: Look) -> Result<(), JsValue> {
        let Look { theme, strings, .. } = look;
        let settings = state.zigzag;
        // The state holds only values its domains allow, so both runs can be made.
        let runs = settings
            .runs()
            .map_err(|e| error(&format!("not zero-centred: {e}")))?;
        self.controls
            .render(state, strings, |verdict| why(strings, verdict))?;
        for (readouts, run) in self.readouts.iter().zip(&runs) {
            let path = &run.path;
            show(
                &readouts.steps,
                &path.steps_taken().to_string(),
                path.steps_taken() as f64,
            )?;
            show(&readouts.distance, &distance(path), path.final_distance())?;
            let share = path.same_sign_share();
            show(&readouts.same, &percent(share), share.unwrap_or(f64::NAN))?;
        }
        set_text(&self.note, &note(strings, &runs));
        let window = cell_grid_window(WINDOW, RESOLUTION);
        let grids = runs
            .iter()
            .map(|run| run.dataset.loss_grid(window, RESOLUTION))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| error(&format!("not zero-centred: {e}")))?;
        let titles = [strings.zigzag_positive_title, strings.zigzag_centred_title];
        self.chart.draw(
            settings,
            look,
            |area| {
                let panel = |i: usize| Panel {
                    title: titles[i],
                    grid: &grids[i],
                    start_loss: runs[i].path.losses[0],
                    path: &runs[i].path.points,
                    minimum: runs[i].path.minimum,
                };
                draw(area, WINDOW, &[panel(0), panel(1)], theme, look.ratio)
                    .map_err(|e| e.to_string())
            },
            || alt(strings, settings, &runs),
        )
    }
}

/// Writes `text` to a readout and `value` to its `data-value`, for scripts.
fn show(element: &Element, text: &str, value: f64) -> Result<(), JsValue> {
    set_text(element, text);
    element.set_attribute("data-value", &value.to_string())
}

/// The distance from the end of `path` to the minimum, as the table writes it.
fn distance(path: &Path) -> String {
    magnitude(path.final_distance())
}

/// A size as [`factor`] writes it, and from 10⁴ up in powers of ten too (`4.43 × 10⁵`): a run
/// that flies off ends 10⁵⁰ away and more, a number too long to read digit by digit.
fn magnitude(value: f64) -> String {
    if !(value.is_finite() && value >= 1e4) {
        return factor(value);
    }
    let scientific = format!("{value:.2e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    format!("{mantissa} × 10{}", superscript(exponent))
}

/// A share as a whole percentage, or a dash when no step was taken.
fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "–".to_string(), |s| format!("{:.0}%", s * 100.0))
}

/// Says which runs diverged, and at which step; empty when neither did.
fn note(strings: &Strings, runs: &[Run; 2]) -> String {
    let names = [strings.zigzag_positive_title, strings.zigzag_centred_title];
    runs.iter()
        .zip(names)
        .filter_map(|(run, name)| {
            let step = run.path.diverged_at?;
            Some(fill(
                strings.zigzag_diverged,
                &[("run", name), ("step", &step.to_string())],
            ))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The chart's text alternative.
fn alt(strings: &Strings, settings: ZigzagSettings, runs: &[Run; 2]) -> String {
    let [positive, centred] = runs;
    fill(
        strings.zigzag_alt,
        &[
            ("rate", &text::number(settings.rate)),
            ("steps", &settings.steps.to_string()),
            ("positive", &distance(&positive.path)),
            ("psame", &percent(positive.path.same_sign_share())),
            ("centred", &distance(&centred.path)),
            ("csame", &percent(centred.path.same_sign_share())),
        ],
    )
}

/// Why the zig-zag question's answer is what it is, for the verdict.
fn why(strings: &Strings, verdict: Verdict) -> String {
    let (positive, centred) = zigzag_question_distances();
    fill(
        strings.zigzag_predict_why,
        &[
            ("rate", &text::number(ZIGZAG_QUESTION_RATE)),
            ("steps", &ZIGZAG_QUESTION_STEPS.to_string()),
            ("positive", &magnitude(positive)),
            ("centred", &magnitude(centred)),
            ("ratio", &magnitude(verdict.truth)),
        ],
    )
}
