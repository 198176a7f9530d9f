//! The torch.relu panel's DOM: two text fields, the printed results and the code.

use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlInputElement};

use crate::state::{Problem, Setting, State};
use crate::text::{self, Strings};
use crate::torch_panel::{evaluate, python_code, PanelError, TorchOutput};
use crate::web::dom::{set_text, Finder};

/// The article's example, the result shown if the first tensors typed (or linked) are bad.
fn default_result() -> Option<(TorchOutput, String)> {
    let State {
        torch_x,
        torch_grad,
        ..
    } = State::default();
    let output = evaluate(&torch_x, &torch_grad).ok()?;
    let code = python_code(&torch_x, &torch_grad)?;
    Some((output, code))
}

/// The panel's elements and its last good result.
pub struct TorchView {
    /// The element that holds the panel, which places it on the page.
    section: Element,
    x: HtmlInputElement,
    grad: HtmlInputElement,
    y_out: Element,
    grad_out: Element,
    code: Element,
    message: Element,
    last_good: Option<(TorchOutput, String)>,
    refused: Option<Problem>,
}

impl TorchView {
    /// Finds the panel's elements under `root`.
    pub fn find(root: &Element) -> Result<TorchView, JsValue> {
        let mut found = Finder::new(root);
        let view = TorchView {
            section: found.get("torch"),
            x: found.get("torch-x"),
            grad: found.get("torch-grad"),
            y_out: found.get("torch-y"),
            grad_out: found.get("torch-xgrad"),
            code: found.get("torch-code"),
            message: found.get("torch-message"),
            last_good: default_result(),
            refused: None,
        };
        found.finish()?;
        Ok(view)
    }

    /// The element that holds the panel, which places it on the page.
    pub fn section(&self) -> &Element {
        &self.section
    }

    /// Hands the field that sent an input event to `state`; a refusal (a text too long) is
    /// shown at the next render, until the next input.
    pub fn read_control(&mut self, id: &str, state: &mut State) {
        let outcome = match id {
            "torch-x" => state.set_text(Setting::TorchX, &self.x.value()),
            "torch-grad" => state.set_text(Setting::TorchGrad, &self.grad.value()),
            _ => return,
        };
        self.refused = outcome.err();
    }

    /// Evaluates the typed tensors and shows the result, or a message and the last good result.
    pub fn render(&mut self, state: &State, strings: &Strings) -> Result<(), JsValue> {
        if self.x.value() != state.torch_x {
            self.x.set_value(&state.torch_x);
        }
        if self.grad.value() != state.torch_grad {
            self.grad.set_value(&state.torch_grad);
        }
        let (x_bad, grad_bad, message) = match evaluate(&state.torch_x, &state.torch_grad) {
            Ok(output) => {
                let code = python_code(&state.torch_x, &state.torch_grad).unwrap_or_default();
                self.last_good = Some((output, code));
                (false, false, String::new())
            }
            Err(PanelError::Input(e)) => (
                true,
                false,
                text::tensor_problem(strings, strings.field_x, &e),
            ),
            Err(PanelError::Grad(e)) => (
                false,
                true,
                text::tensor_problem(strings, strings.field_grad, &e),
            ),
            // Either field may be the one to fix, so both are marked.
            Err(PanelError::Lengths { x, grad }) => (
                true,
                true,
                format!(
                    "{} {}",
                    text::fill(
                        strings.tensor_lengths,
                        &[("x", &x.to_string()), ("grad", &grad.to_string())]
                    ),
                    strings.keeping_last
                ),
            ),
        };
        self.x
            .set_attribute("aria-invalid", if x_bad { "true" } else { "false" })?;
        self.grad
            .set_attribute("aria-invalid", if grad_bad { "true" } else { "false" })?;
        let message = match &self.refused {
            Some(problem) => text::problem(strings, problem),
            None => message,
        };
        set_text(&self.message, &message);
        if let Some((output, code)) = &self.last_good {
            set_text(&self.y_out, &output.y);
            set_text(&self.grad_out, &output.x_grad);
            set_text(&self.code, code);
        }
        Ok(())
    }
}
