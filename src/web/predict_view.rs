//! Predict, then check: the question an experiment opens with, as radio buttons, a Check button
//! and a verdict. The core (`crate::predict`) computes the answer and judges the guess; each
//! experiment's view says why, in words, once it is checked. The verdict line
//! ([`show_verdict`]) also serves the speed experiment, whose answer waits on a measurement.

use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlInputElement};

use crate::predict::{GuessError, Question, Verdict};
use crate::state::{Problem, State};
use crate::text::Strings;
use crate::web::dom::{set_text, Finder};

/// One experiment's question: `{prefix}-guess-{choice}` radios, a `{prefix}-check` button, and
/// a `{prefix}-verdict` line.
pub struct PredictView {
    question: Question,
    check_id: String,
    guesses: Vec<HtmlInputElement>,
    verdict: Element,
    /// The last check's outcome, until the reader picks another answer.
    checked: Option<Result<Verdict, GuessError>>,
}

impl PredictView {
    /// Finds the question's elements, named with `prefix`.
    pub fn find(found: &mut Finder, prefix: &str, question: Question) -> PredictView {
        PredictView {
            question,
            check_id: format!("{prefix}-check"),
            guesses: question
                .choices()
                .iter()
                .map(|choice| found.get(&format!("{prefix}-guess-{choice}")))
                .collect(),
            verdict: found.get(&format!("{prefix}-verdict")),
            checked: None,
        }
    }

    /// Whether `id` is one of the answers: a new one hides the last verdict until it is
    /// checked.
    pub fn read_control(&mut self, id: &str) -> bool {
        let ours = self.guesses.iter().any(|guess| guess.id() == id);
        if ours {
            self.checked = None;
        }
        ours
    }

    /// If `id` is the Check button: judges the chosen answer, and for an answer that can be
    /// judged sets the experiment's sliders to the question's case (through `state`), so that
    /// its chart shows why. Returns `None` for another button, else the refusal, if any.
    pub fn button(&mut self, id: &str, state: &mut State) -> Option<Option<Problem>> {
        if id != self.check_id {
            return None;
        }
        let guess = self
            .guesses
            .iter()
            .find(|guess| guess.checked())
            .map(HtmlInputElement::value);
        let checked = self.question.check(guess.as_deref());
        // The case is within every domain (tests/predict.rs), so none of it is refused.
        let refused = checked.ok().and_then(|_| self.question.apply(state).err());
        self.checked = Some(checked);
        Some(refused)
    }

    /// Shows the verdict: right or wrong and `why` (given the checked value), or a request for
    /// an answer.
    pub fn render(
        &self,
        strings: &Strings,
        why: impl Fn(Verdict) -> String,
    ) -> Result<(), JsValue> {
        let shown = match self.checked {
            None => Shown::Nothing,
            Some(Err(_)) => Shown::Missing,
            Some(Ok(verdict)) => Shown::Judged {
                right: verdict.right,
                why: why(verdict),
            },
        };
        show_verdict(&self.verdict, strings, shown)
    }
}

/// What a question's verdict line says.
pub enum Shown<'a> {
    /// Nothing: no answer has been checked since the last was chosen.
    Nothing,
    /// That the answer waits on a measurement (the words to say so).
    Pending(&'a str),
    /// That no answer was chosen.
    Missing,
    /// Right or wrong, and why.
    Judged {
        /// Whether the answer was right.
        right: bool,
        /// Why the answer is what it is.
        why: String,
    },
}

/// Writes `shown` in the verdict line `verdict`, and says which it is in `data-verdict` for
/// scripts (`right`, `wrong`, `missing`, `pending`, or empty).
pub fn show_verdict(verdict: &Element, strings: &Strings, shown: Shown) -> Result<(), JsValue> {
    let (text, key) = match shown {
        Shown::Nothing => (String::new(), ""),
        Shown::Pending(words) => (words.to_string(), "pending"),
        Shown::Missing => (strings.predict_missing.to_string(), "missing"),
        Shown::Judged { right: true, why } => (format!("{} {why}", strings.predict_right), "right"),
        Shown::Judged { right: false, why } => {
            (format!("{} {why}", strings.predict_wrong), "wrong")
        }
    };
    set_text(verdict, &text);
    if verdict.get_attribute("data-verdict").as_deref() != Some(key) {
        verdict.set_attribute("data-verdict", key)?;
    }
    Ok(())
}
