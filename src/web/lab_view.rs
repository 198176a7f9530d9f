//! The dead-neuron lab's DOM: its controls, buttons, presets, charts and the unit strip.

use plotters::coord::Shift;
use plotters::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::{
    Document, Element, HtmlCanvasElement, HtmlElement, HtmlInputElement, HtmlSelectElement,
};

use crate::lab::{Lab, LabSettings, Preset, RunState};
use crate::plot::lab_charts::{self, LabChart};
use crate::plot::theme::Theme;
use crate::state::{Problem, Setting, State};
use crate::text::{self, fill, Strings};
use crate::web::canvas::{Canvas, ChartCanvas};
use crate::web::dom::{error, set_number, set_select, set_text, Finder};

/// The lab section's elements and its training run.
pub struct LabView {
    activation: HtmlSelectElement,
    slope: HtmlInputElement,
    learning_rate: HtmlInputElement,
    init: HtmlSelectElement,
    bias: HtmlInputElement,
    width: HtmlInputElement,
    depth: HtmlInputElement,
    task: HtmlSelectElement,
    points: HtmlInputElement,
    seed: HtmlInputElement,
    steps: HtmlInputElement,
    outputs: Vec<(Element, &'static str)>,
    play: HtmlElement,
    status: Element,
    /// A live region that says the run's result when it stops; the status line itself changes
    /// every frame and is not live, so a screen reader is not read sixty updates a second.
    announce: Element,
    message: Element,
    preset_note: Element,
    /// The preset that started this run, whose story the note tells.
    preset: Option<Preset>,
    strip: Element,
    /// The lab's container (`#lab`), which carries the run's numbers as data- attributes.
    section: Element,
    canvases: [ChartCanvas; 4],
    grid: Vec<f32>,
    lab: Lab,
    strip_built_for: Option<(usize, usize)>,
    next_chart: usize,
    /// The charts drawn at least once, in order: the first drawing draws one a frame.
    first_drawn: usize,
}

impl LabView {
    /// Finds the lab's elements under `root` and starts a paused run for `settings`.
    pub fn find(root: &Element, settings: LabSettings) -> Result<LabView, JsValue> {
        let mut found = Finder::new(root);
        let outputs = [
            ("lab-slope-out", "slope"),
            ("lab-lr-out", "lr"),
            ("lab-bias-out", "bias"),
            ("lab-width-out", "width"),
            ("lab-depth-out", "depth"),
            ("lab-points-out", "points"),
            ("lab-steps-out", "steps"),
        ]
        .into_iter()
        .map(|(id, what)| (found.get(id), what))
        .collect();
        let activation = found.get("lab-activation");
        let slope = found.get("lab-slope");
        let learning_rate = found.get("lab-lr");
        let init = found.get("lab-init");
        let bias = found.get("lab-bias");
        let width = found.get("lab-width");
        let depth = found.get("lab-depth");
        let task = found.get("lab-task");
        let points = found.get("lab-points");
        let seed = found.get("lab-seed");
        let steps = found.get("lab-steps");
        let play = found.get("lab-play");
        let status = found.get("lab-status");
        let announce = found.get("lab-announce");
        let message = found.get("lab-message");
        let preset_note = found.get("lab-preset-note");
        let strip = found.get("lab-strip");
        let section = found.get("lab");
        let canvases = ["lab-fit", "lab-units", "lab-dead-chart", "lab-loss-chart"]
            .map(|id| found.get::<HtmlCanvasElement>(id));
        found.finish()?;
        Ok(LabView {
            activation,
            slope,
            learning_rate,
            init,
            bias,
            width,
            depth,
            task,
            points,
            seed,
            steps,
            outputs,
            play,
            status,
            announce,
            message,
            preset_note,
            preset: None,
            strip,
            section,
            // Measured only now that each is known to be a canvas.
            canvases: canvases.map(ChartCanvas::new),
            grid: lab_charts::grid(),
            lab: Lab::new(settings)
                .or_else(|_| Lab::new(LabSettings::default()))
                .map_err(|e| error(&e.to_string()))?,
            strip_built_for: None,
            next_chart: 0,
            first_drawn: 0,
        })
    }

    /// The lab's canvases, for the resize observer.
    pub fn canvases(&self) -> impl Iterator<Item = &HtmlCanvasElement> {
        self.canvases.iter().map(ChartCanvas::element)
    }

    /// Whether any of the lab's charts is on screen or within half a screen of it.
    pub fn near_viewport(&self) -> bool {
        self.canvases.iter().any(ChartCanvas::near_viewport)
    }

    /// Reads the canvases' sizes again (after a resize), before anything is written; true if
    /// any changed.
    pub fn measure(&self) -> bool {
        self.canvases
            .iter()
            .fold(false, |changed, canvas| canvas.measure() | changed)
    }

    /// Training steps taken by the current run.
    pub fn steps(&self) -> u64 {
        self.lab.step()
    }

    /// The run's training history as CSV (see [`crate::export::lab_csv`]).
    pub fn csv(&self) -> String {
        crate::export::lab_csv(&self.lab)
    }

    /// Whether some chart has not been drawn yet: the first drawing takes a frame a chart.
    pub fn drawing_first(&self) -> bool {
        self.first_drawn < self.canvases.len()
    }

    /// Whether training is running.
    pub fn running(&self) -> bool {
        self.lab.state() == RunState::Running
    }

    /// Hands the control with `id` to `state`, which applies its value or refuses it. Settings
    /// that change the network's shape, data or initialisation restart the run; the learning
    /// rate, the activation and the steps per frame apply to the run in progress, keeping its
    /// weights.
    pub fn read_control(&mut self, id: &str, state: &mut State) -> Result<(), Problem> {
        let number = |input: &HtmlInputElement| input.value_as_number();
        let outcome = match id {
            "lab-activation" => state.set_text(Setting::Activation, &self.activation.value()),
            "lab-slope" => state.set_number(Setting::LabSlope, number(&self.slope)),
            "lab-lr" => state.set_log10(Setting::LearningRate, number(&self.learning_rate)),
            "lab-init" => state.set_text(Setting::Init, &self.init.value()),
            "lab-bias" => state.set_number(Setting::LabBias, number(&self.bias)),
            "lab-width" => state.set_number(Setting::Width, number(&self.width)),
            "lab-depth" => state.set_number(Setting::Depth, number(&self.depth)),
            "lab-task" => state.set_text(Setting::Task, &self.task.value()),
            "lab-points" => state.set_number(Setting::Points, number(&self.points)),
            // A number box: its text, so that an empty or mistyped box is named as such.
            "lab-seed" => state.set_text(Setting::Seed, &self.seed.value()),
            "lab-steps" => state.set_number(Setting::StepsPerFrame, number(&self.steps)),
            _ => return Ok(()),
        };
        outcome?;
        let settings = state.lab;
        self.apply(state, settings);
        Ok(())
    }

    /// Switches to `settings`, keeping the run where only live settings changed.
    pub fn apply(&mut self, state: &mut State, settings: LabSettings) {
        let live = LabSettings {
            leaky_slope: settings.leaky_slope,
            learning_rate: settings.learning_rate,
            steps_per_frame: settings.steps_per_frame,
            ..*self.lab.settings()
        };
        state.lab = settings;
        if live == settings {
            self.lab.retune(settings);
        } else {
            self.restart(settings);
        }
    }

    /// Starts a new run; settings the network cannot take (the controls and the URL parser
    /// keep them out) leave the current run as it is.
    fn restart(&mut self, settings: LabSettings) {
        if let Ok(lab) = Lab::new(settings) {
            self.lab = lab;
        }
    }

    /// Loads a preset's settings and starts a new run at once: one click tells the story.
    pub fn preset(&mut self, state: &mut State, preset: Preset) {
        state.lab = preset.settings();
        self.restart(state.lab);
        self.lab.set_running(true);
        self.preset = Some(preset);
    }

    /// Handles the play, step and reset buttons.
    pub fn button(&mut self, id: &str, state: &State) {
        match id {
            "lab-play" => {
                let running = self.running();
                self.lab.set_running(!running);
            }
            "lab-step" => {
                self.lab.set_running(false);
                self.lab.advance(1);
                self.lab.census();
            }
            "lab-reset" => self.restart(state.lab),
            _ => {}
        }
    }

    /// Trains for one frame while the lab runs: up to the steps-per-frame setting, but no
    /// longer than `budget_ms` by `now`, so that a wide, deep net on many points (a few
    /// milliseconds a step) slows its training instead of freezing the page. The setting
    /// bounds the loop whatever the clock says.
    pub fn train_frame(&mut self, budget_ms: f64, now: impl Fn() -> f64) {
        if !self.running() {
            return;
        }
        let start = now();
        for _ in 0..self.lab.settings().steps_per_frame {
            if self.lab.advance(1) == 0 || now() - start > budget_ms {
                break;
            }
        }
        self.lab.census();
    }

    /// Brings controls, status, strip and charts up to date, as `due` asks.
    pub fn render(
        &mut self,
        state: &State,
        theme: &Theme,
        strings: &Strings,
        ratio: f64,
        problem: Option<&Problem>,
        due: Due,
    ) -> Result<(), JsValue> {
        self.write_controls(&state.lab)?;
        let note = match self.preset {
            Some(preset) => strings.lab_presets[preset as usize],
            None => strings.lab_preset_hint,
        };
        set_text(&self.preset_note, note);
        self.write_status(strings, problem)?;
        self.write_data()?;
        self.write_strip(strings)?;
        let all = !self.running();
        self.draw_charts(theme, strings, ratio, all, due)?;
        if all {
            self.write_alternatives(strings)?;
        }
        Ok(())
    }

    /// The charts' text alternatives, in words and numbers, written when the run stops (while
    /// it runs they would change every frame and nobody could read them). The fit chart's
    /// canvas also gets `data-kinks` and `data-first-kinks`, its kink counts for scripts and
    /// the tests (both empty when they cannot be found).
    fn write_alternatives(&self, strings: &Strings) -> Result<(), JsValue> {
        let step = self.lab.step().to_string();
        let bends = self.lab.bends();
        let (kinks, first) = match &bends {
            Some(bends) => (
                bends.len().to_string(),
                bends.iter().filter(|b| b.first_layer).count().to_string(),
            ),
            None => (String::new(), String::new()),
        };
        let fit = match bends {
            Some(_) => fill(
                strings.lab_fit_alt_kinks,
                &[("step", &step), ("kinks", &kinks), ("first", &first)],
            ),
            None => fill(strings.lab_fit_alt, &[("step", &step)]),
        };
        if let Some(canvas) = self.canvases.first() {
            canvas.element().set_attribute("data-kinks", &kinks)?;
            canvas.element().set_attribute("data-first-kinks", &first)?;
        }
        let settings = self.lab.settings();
        let dead = self.lab.dead();
        let first_dead = dead.iter().take(settings.width).filter(|d| **d).count();
        let shares: Vec<String> = self
            .lab
            .dead_share()
            .iter()
            .enumerate()
            .map(|(layer, share)| {
                fill(
                    strings.lab_dead_alt_layer,
                    &[
                        ("layer", &(layer + 1).to_string()),
                        ("share", &format!("{:.0}%", share * 100.0)),
                    ],
                )
            })
            .collect();
        let loss = self
            .lab
            .last_loss()
            .map(|l| format!("{:.4e}", f64::from(l)));
        let texts = [
            fit,
            fill(
                strings.lab_units_alt,
                &[
                    ("units", &settings.width.to_string()),
                    ("dead", &first_dead.to_string()),
                ],
            ),
            fill(
                strings.lab_dead_alt,
                &[
                    ("step", &step),
                    ("shares", &shares.join(strings.list_separator)),
                ],
            ),
            match loss {
                Some(loss) => fill(strings.lab_loss_alt, &[("step", &step), ("loss", &loss)]),
                None => strings.lab_loss_alt_fresh.to_string(),
            },
        ];
        for (canvas, text) in self.canvases.iter().zip(texts) {
            let element = canvas.element();
            if element.get_attribute("aria-label").as_deref() != Some(text.as_str()) {
                element.set_attribute("aria-label", &text)?;
            }
        }
        Ok(())
    }

    /// Writes what the status line says as data- attributes on `#lab`, in no language, for
    /// scripts and the end-to-end tests: `data-steps` (steps taken), `data-loss` (the latest
    /// loss as the shortest text that reads back as the same f32; empty before the first
    /// step), `data-dead` and `data-units` (dead and all hidden units in the latest census),
    /// `data-running` and `data-diverged` (`"true"` or `"false"`).
    fn write_data(&self) -> Result<(), JsValue> {
        let flag = |on: bool| if on { "true" } else { "false" };
        let dead = self.lab.dead();
        let loss = self.lab.last_loss().map(|loss| loss.to_string());
        let section = &self.section;
        section.set_attribute("data-steps", &self.lab.step().to_string())?;
        section.set_attribute("data-loss", loss.as_deref().unwrap_or_default())?;
        section.set_attribute(
            "data-dead",
            &dead.iter().filter(|d| **d).count().to_string(),
        )?;
        section.set_attribute("data-units", &dead.len().to_string())?;
        section.set_attribute("data-running", flag(self.running()))?;
        let diverged = self.lab.state() == RunState::Diverged;
        section.set_attribute("data-diverged", flag(diverged))
    }

    fn write_controls(&self, lab: &LabSettings) -> Result<(), JsValue> {
        let leaky = lab.leaky_slope.is_some();
        set_select(&self.activation, if leaky { "leaky" } else { "relu" });
        let slope = lab.leaky_slope.map_or(0.01, f64::from);
        set_number(&self.slope, slope);
        self.slope.set_disabled(!leaky);
        set_number(&self.learning_rate, f64::from(lab.learning_rate).log10());
        // The slider's position is log10 of the rate; a screen reader says the rate itself.
        let rate = text::number_f32(lab.learning_rate);
        if self
            .learning_rate
            .get_attribute("aria-valuetext")
            .as_deref()
            != Some(rate.as_str())
        {
            self.learning_rate.set_attribute("aria-valuetext", &rate)?;
        }
        set_select(&self.init, lab.init.key());
        set_number(&self.bias, f64::from(lab.bias_init));
        set_number(&self.width, lab.width as f64);
        set_number(&self.depth, lab.depth as f64);
        set_select(&self.task, lab.task.key());
        set_number(&self.points, lab.points as f64);
        set_number(&self.seed, lab.seed as f64);
        set_number(&self.steps, f64::from(lab.steps_per_frame));
        for (output, what) in &self.outputs {
            let value = match *what {
                // The f32s the network uses, in their own shortest text (0.3, not the f64
                // 0.30000001192092896 that the same f32 widens to).
                "slope" => text::number_f32(lab.leaky_slope.unwrap_or(0.01)),
                "lr" => text::number_f32(lab.learning_rate),
                "bias" => text::number_f32(lab.bias_init),
                "width" => lab.width.to_string(),
                "depth" => lab.depth.to_string(),
                "points" => lab.points.to_string(),
                _ => lab.steps_per_frame.to_string(),
            };
            set_text(output, &value);
        }
        Ok(())
    }

    fn write_status(&self, strings: &Strings, problem: Option<&Problem>) -> Result<(), JsValue> {
        let dead = self.lab.dead().iter().filter(|d| **d).count().to_string();
        let units = self.lab.dead().len().to_string();
        let leaky = self.lab.settings().leaky_slope.is_some();
        let status = match self.lab.last_loss() {
            Some(loss) => fill(
                if leaky {
                    strings.lab_status_leaky
                } else {
                    strings.lab_status
                },
                &[
                    ("step", &self.lab.step().to_string()),
                    ("loss", &format!("{:.4e}", f64::from(loss))),
                    ("dead", &dead),
                    ("units", &units),
                ],
            ),
            None => fill(
                strings.lab_status_fresh,
                &[("dead", &dead), ("units", &units)],
            ),
        };
        set_text(&self.status, &status);
        if !self.running() {
            set_text(&self.announce, &status);
        }
        let diverged = self.lab.state() == RunState::Diverged;
        let message = if diverged {
            fill(
                strings.lab_diverged,
                &[("step", &self.lab.step().to_string())],
            )
        } else {
            problem
                .map(|p| text::problem(strings, p))
                .unwrap_or_default()
        };
        set_text(&self.message, &message);
        // One name, "Play", whatever the state: `aria-pressed` says whether it runs.
        self.play.set_attribute(
            "aria-pressed",
            if self.running() { "true" } else { "false" },
        )?;
        if diverged {
            self.play.set_attribute("disabled", "")?;
        } else {
            self.play.remove_attribute("disabled")?;
        }
        Ok(())
    }

    /// One row of squares per hidden layer, rebuilt when the shape changes and restyled when
    /// units die or revive.
    fn write_strip(&mut self, strings: &Strings) -> Result<(), JsValue> {
        let settings = *self.lab.settings();
        let shape = (settings.width, settings.depth);
        let document = self
            .strip
            .owner_document()
            .ok_or_else(|| error("the strip is not in a document"))?;
        if self.strip_built_for != Some(shape) {
            build_strip(&document, &self.strip, shape)?;
            self.strip_built_for = Some(shape);
        }
        // Under Leaky ReLU a unit below zero everywhere still learns: it is "in the leak",
        // not dead, and the strip says so with its own colour.
        let below = if settings.leaky_slope.is_some() {
            "unit leak"
        } else {
            "unit dead"
        };
        let dead = self.lab.dead();
        let layers = self.strip.children();
        for layer in 0..settings.depth {
            let Some(row) = layers.item(layer as u32) else {
                continue;
            };
            let slice = &dead[layer * settings.width..(layer + 1) * settings.width];
            let count = slice.iter().filter(|d| **d).count();
            if let Some(label) = row.first_element_child() {
                let template = if settings.leaky_slope.is_some() {
                    strings.lab_strip_layer_leaky
                } else {
                    strings.lab_strip_layer
                };
                set_text(
                    &label,
                    &fill(
                        template,
                        &[
                            ("layer", &(layer + 1).to_string()),
                            ("dead", &count.to_string()),
                            ("units", &settings.width.to_string()),
                        ],
                    ),
                );
            }
            let Some(list) = row.last_element_child() else {
                continue;
            };
            let cells = list.children();
            for (unit, is_dead) in slice.iter().enumerate() {
                if let Some(cell) = cells.item(unit as u32) {
                    let class = if *is_dead { below } else { "unit" };
                    if cell.class_name() != class {
                        cell.set_class_name(class);
                    }
                }
            }
        }
        Ok(())
    }

    /// Draws the charts: all four when asked to (`all`, or `due.force`), else the next one in
    /// turn, so that a training frame pays for one chart and each still updates about fifteen
    /// times a second. The first drawing, at load, is one chart a frame as well, with those
    /// already drawn again if what they show changed or their canvases were resized (and so
    /// cleared).
    fn draw_charts(
        &mut self,
        theme: &Theme,
        strings: &Strings,
        ratio: f64,
        all: bool,
        Due { changed, force }: Due,
    ) -> Result<(), JsValue> {
        let mut resized = false;
        for canvas in &self.canvases {
            resized |= canvas.fit_backing_store(ratio);
        }
        let count = self.canvases.len();
        // All four at once, with the compositor's copy of each (in software compositing about
        // 6 ms for a 2x chart), made the longest frame of the load's tail.
        let charts: Vec<usize> = if self.first_drawn < count && !force {
            let mut charts: Vec<usize> = if changed || resized {
                (0..self.first_drawn).collect()
            } else {
                Vec::new()
            };
            charts.push(self.first_drawn);
            self.first_drawn += 1;
            charts
        } else if all || resized || force {
            self.first_drawn = count;
            (0..count).collect()
        } else {
            self.next_chart = (self.next_chart + 1) % count;
            vec![self.next_chart]
        };
        for chart in charts {
            self.draw_chart(chart, theme, strings, ratio)?;
            self.canvases[chart].mark_drawn();
        }
        Ok(())
    }

    fn draw_chart(
        &mut self,
        chart: usize,
        theme: &Theme,
        strings: &Strings,
        ratio: f64,
    ) -> Result<(), JsValue> {
        let canvas = self.canvases[chart].element();
        let (lab, grid) = (&mut self.lab, &self.grid);
        paint(canvas, |area| {
            lab_charts::draw(area, LabChart::ALL[chart], lab, grid, theme, strings, ratio)
        })
    }
}

/// Why the lab is drawn this frame.
#[derive(Clone, Copy)]
pub struct Due {
    /// What it shows changed since the last drawing (a setting, the run, the language, the
    /// colours).
    pub changed: bool,
    /// Every chart is to be drawn now, even during the first drawing (printing).
    pub force: bool,
}

/// Draws on `canvas` with `draw`, turning a plotters error into a JS one.
fn paint<E: std::error::Error + Send + Sync>(
    canvas: &HtmlCanvasElement,
    draw: impl FnOnce(&DrawingArea<Canvas, Shift>) -> Result<(), DrawingAreaErrorKind<E>>,
) -> Result<(), JsValue>
where
    Canvas: DrawingBackend<ErrorType = E>,
{
    let backend = Canvas::new(canvas).ok_or_else(|| error("a lab canvas has no 2D context"))?;
    let area = backend.into_drawing_area();
    draw(&area).map_err(|e| error(&format!("drawing a lab chart failed: {e}")))?;
    area.present()
        .map_err(|e| error(&format!("drawing a lab chart failed: {e}")))
}

fn build_strip(
    document: &Document,
    strip: &Element,
    (width, depth): (usize, usize),
) -> Result<(), JsValue> {
    strip.set_text_content(None);
    for _ in 0..depth {
        let row = document.create_element("div")?;
        row.set_class_name("strip-layer");
        let label = document.create_element("span")?;
        label.set_class_name("strip-label");
        row.append_child(&label)?;
        let list = document.create_element("ol")?;
        for _ in 0..width {
            let cell = document.create_element("li")?;
            cell.set_class_name("unit");
            list.append_child(&cell)?;
        }
        row.append_child(&list)?;
        strip.append_child(&row)?;
    }
    Ok(())
}
