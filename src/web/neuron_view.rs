//! The single-neuron walk-through's DOM: the stage's caption, its table of every number, and
//! the back, next and reset buttons.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element, HtmlButtonElement};

use crate::neuron::{Stage, Walkthrough, LEAKY_SLOPE};
use crate::text::{self, fill, Strings};
use crate::web::dom::{error, set_text, Finder};

/// The walk-through's elements and where the story stands.
pub struct NeuronView {
    /// The element that holds the walk-through, which places it on the page.
    section: Element,
    caption: Element,
    stage: Element,
    body: Element,
    back: HtmlButtonElement,
    next: HtmlButtonElement,
    walkthrough: Walkthrough,
    /// The table's rows as last written: a render that would write the same rebuilds nothing
    /// (a language, theme or link change re-renders every view).
    rows: Vec<(bool, [String; 8])>,
}

impl NeuronView {
    /// Finds the walk-through's elements under `root`, at its first stage.
    pub fn find(root: &Element) -> Result<NeuronView, JsValue> {
        let mut found = Finder::new(root);
        let view = NeuronView {
            section: found.get("walkthrough"),
            caption: found.get("neuron-caption"),
            stage: found.get("neuron-stage"),
            body: found.get("neuron-rows"),
            back: found.get("neuron-back"),
            next: found.get("neuron-next"),
            walkthrough: Walkthrough::new(),
            rows: Vec::new(),
        };
        found.finish()?;
        Ok(view)
    }

    /// The element that holds the walk-through, which places it on the page.
    pub fn section(&self) -> &Element {
        &self.section
    }

    /// Handles the walk-through's buttons; true if `id` was one of them.
    pub fn button(&mut self, id: &str) -> bool {
        match id {
            "neuron-next" => self.walkthrough.next(),
            "neuron-back" => self.walkthrough.back(),
            "neuron-reset" => self.walkthrough.reset(),
            _ => return false,
        }
        true
    }

    /// Shows the current stage: caption, position and the table.
    pub fn render(&mut self, strings: &Strings) -> Result<(), JsValue> {
        let stage = self.walkthrough.stage();
        set_text(
            &self.stage,
            &fill(
                strings.neuron_stage,
                &[
                    ("n", &stage.number().to_string()),
                    ("of", &Stage::ALL.len().to_string()),
                ],
            ),
        );
        set_text(&self.caption, &self.caption_text(strings));
        self.back.set_disabled(stage.previous().is_none());
        self.next.set_disabled(stage.next().is_none());
        self.write_rows(strings)
    }

    fn caption_text(&self, strings: &Strings) -> String {
        let w = &self.walkthrough;
        let (weight, bias) = w.params();
        let (dw, db) = w.grads();
        let update = w.update();
        let n = text::number_f32;
        let mut values: Vec<(&str, String)> = vec![
            ("w", n(weight)),
            ("b", n(bias)),
            ("loss", n(w.loss())),
            ("dw", n(dw)),
            ("db", n(db)),
            ("open", w.pass().open_count().to_string()),
            ("points", w.rows().len().to_string()),
            ("slope", n(LEAKY_SLOPE)),
        ];
        if let Some(update) = update {
            values.extend([
                ("lr", n(update.learning_rate)),
                ("steps", update.steps.to_string()),
                ("b0", n(update.before.1)),
                ("w0", n(update.before.0)),
                ("dw0", n(update.first_grads.0)),
                ("db0", n(update.first_grads.1)),
                (
                    "first",
                    update
                        .first_open_step()
                        .map_or_else(|| "—".to_string(), |s| s.to_string()),
                ),
            ]);
        }
        let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let index = w.stage().number() - 1;
        fill(strings.neuron_captions[index], &pairs)
    }

    /// Rebuilds the table body, one row per point, if any cell's text changed.
    fn write_rows(&mut self, strings: &Strings) -> Result<(), JsValue> {
        let n = text::number_f32;
        let rows: Vec<(bool, [String; 8])> = self
            .walkthrough
            .rows()
            .iter()
            .map(|row| {
                let gate = if row.open {
                    strings.neuron_gate_open
                } else {
                    strings.neuron_gate_closed
                };
                let cells = [
                    n(row.x),
                    n(row.z),
                    gate.to_string(),
                    n(row.a),
                    n(row.y),
                    n(row.d_a),
                    n(row.d_gate),
                    n(row.d_z),
                ];
                (row.open, cells)
            })
            .collect();
        if rows == self.rows {
            return Ok(());
        }
        let document: Document = self
            .body
            .owner_document()
            .ok_or_else(|| error("the walk-through is not in a document"))?;
        self.body.set_text_content(None);
        for (open, cells) in &rows {
            let tr = document.create_element("tr")?;
            if !open {
                tr.set_class_name("closed");
            }
            for cell in cells {
                let td = document.create_element("td")?;
                td.set_text_content(Some(cell));
                tr.append_child(&td)?;
            }
            self.body.append_child(&tr)?;
        }
        self.rows = rows;
        Ok(())
    }
}
