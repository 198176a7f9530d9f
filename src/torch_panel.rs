//! The torch.relu panel's computation: typed x and upstream gradient in, PyTorch's printout of
//! `y` and `x.grad` out.

use crate::activation::{backward_all, forward_all, Activation};
use crate::tensor_text::{format_tensor, parse_tensor, TensorTextError};

/// The suffix PyTorch prints after `y = torch.relu(x)` when x requires grad.
pub const RELU_GRAD_FN: &str = "grad_fn=<ReluBackward0>";

/// The panel's two printouts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TorchOutput {
    /// `print(y)`.
    pub y: String,
    /// `print(x.grad)`.
    pub x_grad: String,
}

/// Why the panel refused its input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PanelError {
    /// The input tensor could not be read.
    Input(TensorTextError),
    /// The upstream gradient could not be read.
    Grad(TensorTextError),
    /// The two have different lengths.
    Lengths {
        /// Entries in x.
        x: usize,
        /// Entries in the gradient.
        grad: usize,
    },
}

/// Runs `y = torch.relu(x); y.backward(grad)` on the typed tensors.
pub fn evaluate(x_text: &str, grad_text: &str) -> Result<TorchOutput, PanelError> {
    let x = parse_tensor(x_text).map_err(PanelError::Input)?;
    let grad = parse_tensor(grad_text).map_err(PanelError::Grad)?;
    let x_grad = backward_all(Activation::Relu, &x, &grad).map_err(|e| PanelError::Lengths {
        x: e.input,
        grad: e.grad,
    })?;
    let y = forward_all(Activation::Relu, &x);
    Ok(TorchOutput {
        y: format_tensor(&y, &[RELU_GRAD_FN]),
        x_grad: format_tensor(&x_grad, &[]),
    })
}

/// The PyTorch program that produces the panel's results for the typed tensors, or `None` if
/// they cannot be read.
pub fn python_code(x_text: &str, grad_text: &str) -> Option<String> {
    let x = parse_tensor(x_text).ok()?;
    let grad = parse_tensor(grad_text).ok()?;
    Some(format!(
        "import torch\n\
         x = torch.tensor({}, requires_grad=True)\n\
         y = torch.relu(x)\n\
         y.backward(torch.tensor({}))\n\
         print(y)\n\
         print(x.grad)",
        python_list(&x),
        python_list(&grad)
    ))
}

/// A Python list literal that `torch.tensor` reads back as exactly these `float32` values.
fn python_list(values: &[f32]) -> String {
    let items: Vec<String> = values
        .iter()
        .map(|v| {
            if v.is_nan() {
                "float('nan')".to_string()
            } else if v.is_infinite() {
                if *v > 0.0 {
                    "float('inf')"
                } else {
                    "float('-inf')"
                }
                .to_string()
            } else {
                format!("{v:?}")
            }
        })
        .collect();
    format!("[{}]", items.join(", "))
}
