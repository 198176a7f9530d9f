//! The "sum of ReLUs" builder's DOM: a target to match, units added and removed by button,
//! their kinks dragged on the chart or moved with the keys; the best sum's error and its
//! coefficients as readouts.

use std::cell::Cell;
use std::ops::Range;

use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlButtonElement, HtmlSelectElement};

use crate::kinks::Side;
use crate::plot::relu_sum::{draw, BuilderChart};
use crate::predict::{Question, Verdict};
use crate::relu_sum::edit::{self, Edit};
use crate::relu_sum::{fit, kink_list, Fit, Target, Unit, HI, LO, MAX_UNITS};
use crate::sections::views;
use crate::state::{Problem, Setting, State};
use crate::text::{self, fill, Strings};
use crate::web::canvas::ChartCanvas;
use crate::web::dom::{document, error, set_select, set_text, Finder};
use crate::web::experiment_view::{Chart, Experiment, Look, PointerKind};
use crate::web::predict_view::PredictView;

/// How near to a kink, in CSS pixels, a press picks its handle up: a fingertip's width.
const REACH_PX: f64 = 24.0;

/// What the chart shows: the target, the units (as many as there are, in order) and the
/// selected one.
type Shown = (Target, [Option<Unit>; MAX_UNITS], Option<usize>);

/// The builder's elements, the selected unit, and where its chart last put the range.
pub struct ReluSumView {
    target: HtmlSelectElement,
    add_right: HtmlButtonElement,
    add_left: HtmlButtonElement,
    remove: HtmlButtonElement,
    units_out: Element,
    mse_out: Element,
    constant_out: Element,
    rows: Element,
    message: Element,
    status: Element,
    predict: PredictView,
    chart: Chart<Shown>,
    /// The unit the keys move and Remove removes, if any.
    selected: Option<usize>,
    /// Whether a handle is being dragged.
    dragging: bool,
    /// Whether the next render says what changed in the status line.
    announce: bool,
    /// The last refusal, shown until the next good change.
    problem: Option<Problem>,
    /// The plot's x range on the canvas in CSS pixels, from the last drawing.
    plot_x: Cell<Range<f64>>,
}

impl ReluSumView {
    /// Finds the builder's elements under `root`.
    pub fn find(root: &Element) -> Result<ReluSumView, JsValue> {
        let mut found = Finder::new(root);
        let view = ReluSumView {
            target: found.get("relusum-target"),
            add_right: found.get("relusum-add-right"),
            add_left: found.get("relusum-add-left"),
            remove: found.get("relusum-remove"),
            units_out: found.get("relusum-units"),
            mse_out: found.get("relusum-mse"),
            constant_out: found.get("relusum-constant"),
            rows: found.get("relusum-rows"),
            message: found.get("relusum-message"),
            status: found.get("relusum-status"),
            predict: PredictView::find(&mut found, "relusum", Question::ReluSumHat),
            chart: Chart::new(found.get("relusum-canvas")),
            selected: None,
            dragging: false,
            announce: false,
            problem: None,
            plot_x: Cell::new(0.0..1.0),
        };
        found.finish()?;
        Ok(view)
    }

    /// Sets the units to `units` through the state, which refuses what a link could not hold.
    fn set_units(&mut self, units: &[Unit], state: &mut State) {
        let outcome = state.set_text(Setting::ReluSumKinks, &kink_list::write(units));
        self.problem = outcome.err();
        self.announce = true;
    }

    /// The kink at `x` CSS pixels from the canvas's left edge.
    fn kink_at(&self, x: f64) -> f64 {
        let range = self.plot_x.take();
        let width = (range.end - range.start).max(1.0);
        let kink = LO + (x - range.start) / width * (HI - LO);
        self.plot_x.set(range);
        kink
    }

    /// A handle's reach in units of x.
    fn reach(&self) -> f64 {
        let range = self.plot_x.take();
        let width = (range.end - range.start).max(1.0);
        self.plot_x.set(range);
        REACH_PX / width * (HI - LO)
    }

    /// Adds a unit facing `side` where there is most room, and selects it.
    fn add(&mut self, side: Side, state: &mut State) {
        let mut units = state.relu_sum.units.clone();
        units.push(Unit {
            kink: edit::new_kink(&units),
            side,
        });
        self.set_units(&units, state);
        if self.problem.is_none() {
            self.selected = Some(units.len() - 1);
        }
    }

    /// Removes the unit at `index`; the one before it is selected next.
    fn remove_unit(&mut self, index: usize, state: &mut State) {
        let mut units = state.relu_sum.units.clone();
        if index < units.len() {
            units.remove(index);
            self.set_units(&units, state);
            self.selected = index.checked_sub(1).or((!units.is_empty()).then_some(0));
        }
    }

    /// The status line: the selected unit (or the count) and the error.
    fn status_text(&self, state: &State, fit: &Fit, strings: &Strings) -> String {
        let mse = shown_mse(fit.mse);
        match self
            .selected
            .and_then(|i| Some((i, state.relu_sum.units.get(i)?)))
        {
            Some((i, unit)) => fill(
                strings.relusum_status_unit,
                &[
                    ("unit", &(i + 1).to_string()),
                    ("kink", &text::number(unit.kink)),
                    ("side", side_word(strings, unit.side)),
                    ("mse", &mse),
                ],
            ),
            None => text::relu_sum_status(strings, state.relu_sum.units.len(), &mse),
        }
    }

    /// The coefficient table: one row per unit, then the constant.
    fn render_rows(&self, state: &State, fit: &Fit, strings: &Strings) -> Result<(), JsValue> {
        let document = document()?;
        let units = &state.relu_sum.units;
        let rows = self.rows.children();
        // Rows are added or removed only when the count changes; their cells are rewritten.
        while rows.length() as usize > units.len() {
            if let Some(last) = rows.item(rows.length() - 1) {
                last.remove();
            }
        }
        while (rows.length() as usize) < units.len() {
            let row = document.create_element("tr")?;
            let head = document.create_element("th")?;
            head.set_attribute("scope", "row")?;
            row.append_child(&head)?;
            for _ in 0..3 {
                let cell = document.create_element("td")?;
                row.append_child(&cell)?;
            }
            self.rows.append_child(&row)?;
        }
        for (i, (unit, a)) in units.iter().zip(&fit.coefficients).enumerate() {
            let Some(row) = rows.item(i as u32) else {
                continue;
            };
            let cells = row.children();
            let texts = [
                (i + 1).to_string(),
                text::number(unit.kink),
                side_word(strings, unit.side).to_string(),
                coefficient(*a),
            ];
            for (j, text) in texts.iter().enumerate() {
                if let Some(cell) = cells.item(j as u32) {
                    set_text(&cell, text);
                }
            }
            let chosen = if self.selected == Some(i) {
                "true"
            } else {
                "false"
            };
            if row.get_attribute("aria-current").as_deref() != Some(chosen) {
                row.set_attribute("aria-current", chosen)?;
            }
        }
        set_text(&self.constant_out, &coefficient(fit.constant));
        Ok(())
    }
}

/// The least error the readouts show as more than 0: an exact placement's fit is off by its
/// rounding and its ridge alone (10⁻¹⁵ or so, see `relu_sum::fit`), which a reader should see as
/// the 0 it is, not as a miss.
const SHOWN_MSE_FLOOR: f64 = 1e-12;

/// The fit's error as the readouts show it: three significant digits, and 0 below
/// [`SHOWN_MSE_FLOOR`].
fn shown_mse(mse: f64) -> String {
    text::factor(if mse < SHOWN_MSE_FLOOR { 0.0 } else { mse })
}

/// A coefficient to three decimals, without `-0.000`.
fn coefficient(value: f64) -> String {
    let shown = format!("{value:.3}");
    if shown == "-0.000" {
        "0.000".to_string()
    } else {
        shown
    }
}

/// A target's name.
fn target_name(strings: &Strings, target: Target) -> &'static str {
    match target {
        Target::Abs => strings.relusum_target_abs,
        Target::Hat => strings.relusum_target_hat,
        Target::Sine => strings.relusum_target_sine,
    }
}

/// The side a unit is on, in words.
fn side_word(strings: &Strings, side: Side) -> &'static str {
    match side {
        Side::Right => strings.relusum_side_right,
        Side::Left => strings.relusum_side_left,
    }
}

impl Experiment for ReluSumView {
    fn part(&self) -> &'static str {
        views::RELU_SUM
    }

    fn charts(&self) -> Vec<&ChartCanvas> {
        vec![self.chart.canvas()]
    }

    /// The target select, and the prediction's answers.
    fn read_control(&mut self, id: &str, state: &mut State) -> Option<Result<(), Problem>> {
        if self.predict.read_control(id) {
            return Some(Ok(()));
        }
        (id == "relusum-target").then(|| {
            let outcome = state.set_text(Setting::ReluSumTarget, &self.target.value());
            self.problem = outcome.clone().err();
            self.announce = true;
            outcome
        })
    }

    /// Add (either side), Remove, and Check, which sets the builder to the question's case.
    fn button(&mut self, id: &str, state: &mut State) -> bool {
        match id {
            "relusum-add-right" => self.add(Side::Right, state),
            "relusum-add-left" => self.add(Side::Left, state),
            "relusum-remove" => {
                let last = state.relu_sum.units.len().checked_sub(1);
                if let Some(index) = self.selected.or(last) {
                    self.remove_unit(index, state);
                }
            }
            _ => {
                let Some(refused) = self.predict.button(id, state) else {
                    return false;
                };
                self.problem = refused;
                self.selected = None;
                self.announce = true;
            }
        }
        true
    }

    fn clear_problem(&mut self) {
        self.problem = None;
        self.selected = None;
        self.dragging = false;
    }

    /// Picks up the handle nearest the press, moves it while dragged, and lets go.
    fn pointer(
        &mut self,
        _canvas: &str,
        kind: PointerKind,
        at: (f64, f64),
        state: &mut State,
    ) -> bool {
        match kind {
            PointerKind::Down => {
                let kink = self.kink_at(at.0);
                match edit::nearest(&state.relu_sum.units, kink, self.reach()) {
                    Some(index) => {
                        self.selected = Some(index);
                        self.dragging = true;
                        true
                    }
                    None => false,
                }
            }
            PointerKind::Drag if self.dragging => {
                let Some(index) = self.selected else {
                    return false;
                };
                let mut units = state.relu_sum.units.clone();
                let Some(unit) = units.get_mut(index) else {
                    return false;
                };
                let kink = edit::snap(self.kink_at(at.0));
                if unit.kink == kink {
                    return false;
                }
                unit.kink = kink;
                self.set_units(&units, state);
                // The end of the drag says where it landed; a line per frame would be noise.
                self.announce = false;
                true
            }
            PointerKind::Up if self.dragging => {
                self.dragging = false;
                self.announce = true;
                true
            }
            _ => false,
        }
    }

    /// The keys of [`edit::key_edit`].
    fn key(&mut self, _canvas: &str, key: &str, shift: bool, state: &mut State) -> bool {
        let units = state.relu_sum.units.clone();
        let Some(change) = edit::key_edit(&units, self.selected, key, shift) else {
            return false;
        };
        match change {
            Edit::Select(index) => {
                self.selected = Some(index);
                self.announce = true;
            }
            Edit::Move { index, kink } => {
                let mut units = units;
                units[index].kink = kink;
                self.set_units(&units, state);
            }
            Edit::Remove(index) => self.remove_unit(index, state),
        }
        true
    }

    /// Shows `state.relu_sum`: the controls, readouts, table and chart.
    fn render(&mut self, state: &State, look: Look) -> Result<(), JsValue> {
        let Look { theme, strings, .. } = look;
        let settings = &state.relu_sum;
        let units = &settings.units;
        if self.selected.is_some_and(|i| i >= units.len()) {
            self.selected = None;
        }
        set_select(&self.target, settings.target.key());
        self.add_right.set_disabled(units.len() >= MAX_UNITS);
        self.add_left.set_disabled(units.len() >= MAX_UNITS);
        self.remove.set_disabled(units.is_empty());
        let target = settings.target.values();
        // The state holds only units its domain allows, so the fit always runs.
        let fitted = fit(units, &target).map_err(|e| error(&format!("sum of ReLUs: {e}")))?;
        set_text(&self.units_out, &units.len().to_string());
        self.units_out
            .set_attribute("data-value", &units.len().to_string())?;
        set_text(&self.mse_out, &shown_mse(fitted.mse));
        self.mse_out
            .set_attribute("data-value", &text::number(fitted.mse))?;
        self.render_rows(state, &fitted, strings)?;
        let message = self
            .problem
            .as_ref()
            .map(|p| text::problem(strings, p))
            .unwrap_or_default();
        set_text(&self.message, &message);
        if self.announce {
            self.announce = false;
            set_text(&self.status, &self.status_text(state, &fitted, strings));
        }
        self.predict
            .render(strings, |verdict| why(strings, verdict))?;
        let mut shown_units = [None; MAX_UNITS];
        for (slot, unit) in shown_units.iter_mut().zip(units) {
            *slot = Some(*unit);
        }
        let canvas = self.chart.canvas().element().clone();
        let selected = self.selected;
        let plot_x = &self.plot_x;
        self.chart.draw(
            (settings.target, shown_units, selected),
            look,
            |area| {
                let range = draw(
                    area,
                    &BuilderChart {
                        title: strings.relusum_chart_title,
                        legend: [
                            strings.relusum_legend_target,
                            strings.relusum_legend_sum,
                            strings.relusum_legend_kink,
                        ],
                        target: &target,
                        fit: &fitted,
                        units,
                        selected,
                    },
                    theme,
                    look.ratio,
                )
                .map_err(|e| e.to_string())?;
                plot_x.set(f64::from(range.start) / look.ratio..f64::from(range.end) / look.ratio);
                Ok(())
            },
            || {
                let kinks: Vec<String> = units.iter().map(|u| text::number(u.kink)).collect();
                text::relu_sum_alt(
                    strings,
                    target_name(strings, settings.target),
                    &kinks,
                    &shown_mse(fitted.mse),
                )
            },
        )?;
        // Tests map a kink to the pointer with this: where the range's ends are, in CSS pixels.
        let range = plot_x.take();
        let ends = format!("{},{}", range.start, range.end);
        plot_x.set(range);
        if canvas.get_attribute("data-plot-x").as_deref() != Some(ends.as_str()) {
            canvas.set_attribute("data-plot-x", &ends)?;
        }
        Ok(())
    }
}

/// Why the triangle takes the units it does, for the verdict.
fn why(strings: &Strings, verdict: Verdict) -> String {
    fill(
        strings.relusum_predict_why,
        &[("units", &text::number(verdict.truth))],
    )
}
