//! The speed experiment's DOM and its runs: the reader's array size in; a run that times every
//! kernel in WebAssembly and in plain JS, and the copy, a few milliseconds at a time in the
//! page's frames (with a progress bar and Cancel); then a table and a bar chart of nanoseconds
//! per element. The plan and the statistics are the core's (`speed::measure`); this file owns the
//! clock, the buffers' JS views, and the JS loops (`site/speed-loops.js`).

use js_sys::{Float32Array, WebAssembly};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlButtonElement, HtmlInputElement, HtmlSelectElement};

use crate::plot::speed::{compact_ns, draw, SpeedLabels};
use crate::sections::views;
use crate::speed::buffers::Buffers;
use crate::speed::measure::{
    question_answer, Engine, Report, Run, Size, Subject, Task, QUESTION_CHOICES, QUESTION_SUBJECTS,
};
use crate::speed::{Kernel, SpeedError};
use crate::state::{Problem, Setting, State};
use crate::text::{fill, Strings};
use crate::web::canvas::ChartCanvas;
use crate::web::dom::{set_select, set_text, Finder};
use crate::web::experiment_view::{Chart, Experiment, Look};
use crate::web::predict_view::{show_verdict, Shown};

#[wasm_bindgen(module = "/site/speed-loops.js")]
extern "C" {
    /// Runs the plain JS loop of `kernel` (a [`Kernel::key`]) `reps` times; false if JS has no
    /// such loop.
    #[wasm_bindgen(js_name = runLoop)]
    fn run_loop(
        kernel: &str,
        x: &Float32Array,
        grad: &Float32Array,
        y: &Float32Array,
        dx: &Float32Array,
        reps: u32,
    ) -> bool;

    /// `y.set(x)`, `reps` times.
    #[wasm_bindgen(js_name = copyLoop)]
    fn copy_loop(x: &Float32Array, y: &Float32Array, reps: u32);
}

/// Elements filled per piece before the clock is read again: a few milliseconds' work.
const FILL_PIECE: usize = 1 << 18;

/// The seed of the buffers' data: every run times the same numbers.
const DATA_SEED: u64 = 2026;

/// A run under way: its plan, its buffers, and when it started.
struct Active {
    run: Run,
    buffers: Buffers,
    size: Size,
    /// When its first piece of work began, on the page's clock.
    started: Option<f64>,
}

/// What the reader sees of the last run.
enum Outcome {
    /// No run yet.
    None,
    /// A run finished: its report and how long the whole run took, in milliseconds.
    Done(Report, f64),
    /// The reader cancelled it.
    Cancelled,
    /// It could not run (no memory for the buffers, a kernel refused).
    Failed(SpeedError),
}

/// The experiment's elements, its run and its results.
pub struct SpeedView {
    size: HtmlSelectElement,
    run_button: HtmlButtonElement,
    cancel: HtmlButtonElement,
    progress: Element,
    status: Element,
    message: Element,
    /// Each kernel's cells: WebAssembly's and JS's ns per element, JS ÷ WebAssembly, and
    /// WebAssembly ÷ copy; in [`Kernel::ALL`] order.
    rows: Vec<[Element; 4]>,
    copy_cell: Element,
    guesses: Vec<HtmlInputElement>,
    verdict: Element,
    chart: Chart<u32>,
    active: Option<Active>,
    outcome: Outcome,
    /// Runs finished, which keys the chart's drawing.
    runs: u32,
    /// The answer being checked while the run it waits for measures.
    waiting_guess: Option<String>,
    /// The last check: the answer and whether it was right, or `Err` if none was chosen.
    checked: Option<Result<(String, bool), ()>>,
}

impl SpeedView {
    /// Finds the experiment's elements under `root`.
    pub fn find(root: &Element) -> Result<SpeedView, JsValue> {
        let mut found = Finder::new(root);
        let view = SpeedView {
            size: found.get("speed-size"),
            run_button: found.get("speed-run"),
            cancel: found.get("speed-cancel"),
            progress: found.get("speed-progress"),
            status: found.get("speed-status"),
            message: found.get("speed-message"),
            rows: Kernel::ALL
                .iter()
                .map(|kernel| {
                    let key = kernel.key();
                    [
                        found.get(&format!("speed-wasm-{key}")),
                        found.get(&format!("speed-js-{key}")),
                        found.get(&format!("speed-ratio-{key}")),
                        found.get(&format!("speed-copy-ratio-{key}")),
                    ]
                })
                .collect(),
            copy_cell: found.get("speed-copy"),
            guesses: QUESTION_CHOICES
                .iter()
                .map(|choice| found.get(&format!("speed-guess-{choice}")))
                .collect(),
            verdict: found.get("speed-verdict"),
            chart: Chart::new(found.get("speed-canvas")),
            active: None,
            outcome: Outcome::None,
            runs: 0,
            waiting_guess: None,
            checked: None,
        };
        found.finish()?;
        Ok(view)
    }

    /// Starts a run over buffers of `size`, unless one is under way.
    fn start(&mut self, size: Size) {
        if self.active.is_some() {
            return;
        }
        match Buffers::new(size.elements(), DATA_SEED) {
            Ok(buffers) => {
                self.active = Some(Active {
                    run: Run::new(size, Subject::all()),
                    buffers,
                    size,
                    started: None,
                });
                self.outcome = Outcome::None;
            }
            Err(e) => self.outcome = Outcome::Failed(e),
        }
    }

    /// Ends the run, freeing its buffers.
    fn stop(&mut self, outcome: Outcome) {
        self.active = None;
        self.outcome = outcome;
        if let Some(guess) = self.waiting_guess.take() {
            self.judge(guess);
        }
    }

    /// Judges `guess` against the last report, if there is one.
    fn judge(&mut self, guess: String) {
        if let Outcome::Done(report, _) = &self.outcome {
            let (sigmoid, relu) = QUESTION_SUBJECTS;
            if let Some(ratio) = report.ratio(sigmoid, relu) {
                let right = question_answer(ratio) == guess;
                self.checked = Some(Ok((guess, right)));
            }
        }
    }

    /// The sigmoid ÷ ReLU ratio of the last report.
    fn question_ratio(&self) -> Option<f64> {
        match &self.outcome {
            Outcome::Done(report, _) => {
                let (sigmoid, relu) = QUESTION_SUBJECTS;
                report.ratio(sigmoid, relu)
            }
            _ => None,
        }
    }

    /// Times one task on the page's clock; the error of a kernel that refused it.
    fn time(active: &mut Active, task: Task, now: fn() -> f64) -> Result<f64, SpeedError> {
        let buffers = &mut active.buffers;
        let started;
        match task.subject {
            Subject::Kernel(kernel, Engine::Wasm) => {
                started = now();
                buffers.run(kernel, task.start, task.end, task.reps)?;
            }
            Subject::Kernel(kernel, Engine::Js) => {
                let views = views_of(buffers, task.start, task.end);
                started = now();
                if !run_loop(
                    kernel.key(),
                    &views[0],
                    &views[1],
                    &views[2],
                    &views[3],
                    task.reps,
                ) {
                    return Err(SpeedError::UnknownKernel {
                        key: kernel.key().to_string(),
                    });
                }
            }
            Subject::Copy => {
                let views = views_of(buffers, task.start, task.end);
                started = now();
                copy_loop(&views[0], &views[2], task.reps);
            }
        }
        Ok(now() - started)
    }

    /// Shows the verdict of the speed question.
    fn render_verdict(&self, strings: &Strings) -> Result<(), JsValue> {
        let shown = match (&self.checked, &self.waiting_guess) {
            (_, Some(_)) => Shown::Pending(strings.speed_predict_wait),
            (None, None) => Shown::Nothing,
            (Some(Err(())), None) => Shown::Missing,
            (Some(Ok((_, right))), None) => {
                let ratio = self.question_ratio().map(compact_ns).unwrap_or_default();
                Shown::Judged {
                    right: *right,
                    why: fill(strings.speed_predict_why, &[("ratio", &ratio)]),
                }
            }
        };
        show_verdict(&self.verdict, strings, shown)
    }

    /// Shows the table of the last report, or empties it.
    fn render_table(&self, report: Option<&Report>) -> Result<(), JsValue> {
        let show = |cell: &Element, value: Option<f64>, text: &dyn Fn(f64) -> String| {
            set_text(cell, &value.map(text).unwrap_or_default());
            match value {
                Some(v) => cell.set_attribute("data-value", &v.to_string()),
                None => cell.remove_attribute("data-value"),
            }
        };
        let ns = |subject: Subject| report.and_then(|r| r.ns(subject));
        let ratio = |a: Subject, b: Subject| report.and_then(|r| r.ratio(a, b));
        let times = |v: f64| format!("{}×", compact_ns(v));
        show(&self.copy_cell, ns(Subject::Copy), &compact_ns)?;
        for (kernel, cells) in Kernel::ALL.iter().zip(&self.rows) {
            let wasm = Subject::Kernel(*kernel, Engine::Wasm);
            let js = Subject::Kernel(*kernel, Engine::Js);
            show(&cells[0], ns(wasm), &compact_ns)?;
            show(&cells[1], ns(js), &compact_ns)?;
            show(&cells[2], ratio(js, wasm), &times)?;
            show(&cells[3], ratio(wasm, Subject::Copy), &times)?;
        }
        Ok(())
    }
}

/// Runs the page's plain JS loop of `kernel` once over the whole of `buffers`; false if JS has no
/// loop of that key. For the browser tests, which check that it computes what the kernel does.
pub fn run_js_once(kernel: Kernel, buffers: &Buffers) -> bool {
    let views = views_of(buffers, 0, buffers.x.len());
    run_loop(kernel.key(), &views[0], &views[1], &views[2], &views[3], 1)
}

/// Float32Array views of elements `start..end` of x, grad, y and dx in the module's memory.
/// Made afresh for every task: a view's buffer is detached when the memory grows, which another
/// part of the page may make it do between two frames.
fn views_of(buffers: &Buffers, start: usize, end: usize) -> [Float32Array; 4] {
    let memory = wasm_bindgen::memory().unchecked_into::<WebAssembly::Memory>();
    let bytes = memory.buffer();
    let view = |buffer: &[f32]| {
        // In wasm32 a pointer is the byte offset into the module's memory.
        let offset = buffer[start..end].as_ptr() as u32;
        Float32Array::new_with_byte_offset_and_length(&bytes, offset, (end - start) as u32)
    };
    [
        view(&buffers.x),
        view(&buffers.grad),
        view(&buffers.y),
        view(&buffers.dx),
    ]
}

impl Experiment for SpeedView {
    fn part(&self) -> &'static str {
        views::SPEED
    }

    fn charts(&self) -> Vec<&ChartCanvas> {
        vec![self.chart.canvas()]
    }

    /// The size menu sets `state.speed`; a new answer hides the last verdict.
    fn read_control(&mut self, id: &str, state: &mut State) -> Option<Result<(), Problem>> {
        if self.guesses.iter().any(|guess| guess.id() == id) {
            self.checked = None;
            return Some(Ok(()));
        }
        (id == "speed-size").then(|| state.set_text(Setting::SpeedSize, &self.size.value()))
    }

    /// Run starts a run at the chosen size; Cancel ends it; Check judges the answer against the
    /// last run at this size, or starts one and judges when it ends.
    fn button(&mut self, id: &str, state: &mut State) -> bool {
        match id {
            "speed-run" => self.start(state.speed),
            "speed-cancel" => {
                if self.active.is_some() {
                    self.waiting_guess = None;
                    self.stop(Outcome::Cancelled);
                }
            }
            "speed-check" => {
                let guess = self
                    .guesses
                    .iter()
                    .find(|guess| guess.checked())
                    .map(HtmlInputElement::value);
                let Some(guess) = guess else {
                    self.checked = Some(Err(()));
                    return true;
                };
                let measured =
                    matches!(&self.outcome, Outcome::Done(report, _) if report.size == state.speed);
                if measured && self.active.is_none() {
                    self.judge(guess);
                } else {
                    self.checked = None;
                    self.waiting_guess = Some(guess);
                    self.start(state.speed);
                    if self.active.is_none() {
                        // The run could not start: its failure is the message.
                        self.waiting_guess = None;
                    }
                }
            }
            _ => return false,
        }
        true
    }

    fn clear_problem(&mut self) {}

    fn busy(&self) -> bool {
        self.active.is_some()
    }

    /// Fills the buffers, then times tasks, until `ms` is nearly used: a task takes about
    /// [`crate::speed::measure::SAMPLE_MS`], so one is started only while two still fit.
    fn work(&mut self, ms: f64, now: fn() -> f64) {
        let Some(active) = self.active.as_mut() else {
            return;
        };
        let started = now();
        let run_started = *active.started.get_or_insert(started);
        let reserve = 2.0 * crate::speed::measure::SAMPLE_MS;
        while now() - started < ms - reserve {
            if !active.buffers.ready() {
                active.buffers.fill(FILL_PIECE);
                continue;
            }
            let Some(task) = active.run.next_task() else {
                let report = Report {
                    size: active.size,
                    timings: active.run.timings().to_vec(),
                };
                let total = now() - run_started;
                self.runs = self.runs.wrapping_add(1);
                self.stop(Outcome::Done(report, total));
                return;
            };
            let outcome = SpeedView::time(active, task, now)
                .and_then(|elapsed| active.run.record(elapsed).map_err(|_| SpeedError::Clock));
            if let Err(e) = outcome {
                self.stop(Outcome::Failed(e));
                return;
            }
        }
    }

    /// Shows the size, the run's progress and state, the results, and the question.
    fn render(&mut self, state: &State, look: Look) -> Result<(), JsValue> {
        let strings = look.strings;
        set_select(&self.size, state.speed.key());
        let running = self.active.is_some();
        self.size.set_disabled(running);
        self.run_button.set_disabled(running);
        self.cancel.set_disabled(!running);
        let progress = self.active.as_ref().map_or(0.0, |active| {
            // Filling the buffers is the first tenth of the bar.
            0.1 * active.buffers.filled() + 0.9 * active.run.progress()
        });
        let shown = match &self.outcome {
            Outcome::Done(..) if !running => 1.0,
            _ => progress,
        };
        self.progress
            .set_attribute("value", &format!("{:.0}", shown * 100.0))?;
        let (status, key, message) = match (&self.outcome, running) {
            (_, true) => (strings.speed_running.to_string(), "running", String::new()),
            (Outcome::None, false) => (String::new(), "idle", String::new()),
            (Outcome::Done(report, total), false) => (
                fill(
                    strings.speed_done,
                    &[
                        ("size", report.size.key()),
                        ("seconds", &format!("{:.1}", total / 1000.0)),
                    ],
                ),
                "done",
                String::new(),
            ),
            (Outcome::Cancelled, false) => (
                strings.speed_cancelled.to_string(),
                "cancelled",
                String::new(),
            ),
            (Outcome::Failed(e), false) => (
                String::new(),
                "failed",
                fill(strings.speed_failed, &[("reason", &e.to_string())]),
            ),
        };
        set_text(&self.status, &status);
        set_text(&self.message, &message);
        if self.status.get_attribute("data-state").as_deref() != Some(key) {
            self.status.set_attribute("data-state", key)?;
        }
        let report = match &self.outcome {
            Outcome::Done(report, total) => {
                self.status
                    .set_attribute("data-total-ms", &format!("{total:.1}"))?;
                Some(report)
            }
            _ => None,
        };
        self.render_table(report)?;
        self.render_verdict(strings)?;
        let labels = SpeedLabels {
            title: strings.speed_chart_title,
            kernels: &strings.speed_kernels,
            engines: [strings.speed_engine_wasm, strings.speed_engine_js],
            copy: strings.speed_copy,
            unit: strings.speed_unit,
        };
        let empty = Report {
            size: state.speed,
            timings: Vec::new(),
        };
        let drawn = report.unwrap_or(&empty);
        self.chart.draw(
            self.runs,
            look,
            |area| draw(area, drawn, &labels, look.theme, look.ratio).map_err(|e| e.to_string()),
            || match report {
                None => strings.speed_alt_empty.to_string(),
                Some(report) => {
                    let ns = |subject| report.ns(subject).map(compact_ns).unwrap_or_default();
                    let wasm = |i: usize| ns(Subject::Kernel(Kernel::ALL[i], Engine::Wasm));
                    let js = |i: usize| ns(Subject::Kernel(Kernel::ALL[i], Engine::Js));
                    fill(
                        strings.speed_alt,
                        &[
                            ("size", report.size.key()),
                            ("copy", &ns(Subject::Copy)),
                            ("relu", &wasm(0)),
                            ("relu_js", &js(0)),
                            ("sigmoid", &wasm(2)),
                            ("sigmoid_js", &js(2)),
                            ("tanh", &wasm(4)),
                            ("tanh_js", &js(4)),
                        ],
                    )
                }
            },
        )
    }
}
