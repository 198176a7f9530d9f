//! The torch.relu panel: the article's example and every kind of bad entry.
#![cfg(not(target_arch = "wasm32"))]

use relu_explorer::tensor_text::TensorTextError;
use relu_explorer::torch_panel::{evaluate, python_code, PanelError};

#[test]
fn the_default_reproduces_the_article() {
    let out = evaluate("-1.0, 0.0, 1.0, 2.0", "1.0, 1.0, 1.0, 1.0").unwrap();
    assert_eq!(out.y, "tensor([0., 0., 1., 2.], grad_fn=<ReluBackward0>)");
    assert_eq!(out.x_grad, "tensor([0., 0., 1., 1.])");
}

#[test]
fn upstream_gradients_are_selected_not_multiplied() {
    let out = evaluate("-1, 0, 3, nan", "nan, inf, 2.5, 4").unwrap();
    assert_eq!(out.y, "tensor([0., 0., 3., nan], grad_fn=<ReluBackward0>)");
    assert_eq!(out.x_grad, "tensor([0.0000, 0.0000, 2.5000, 4.0000])");
}

#[test]
fn bad_entries_say_which_field_and_why() {
    assert!(matches!(
        evaluate("abc", "1"),
        Err(PanelError::Input(TensorTextError::NotANumber {
            position: 1,
            ..
        }))
    ));
    assert!(matches!(
        evaluate("1", ""),
        Err(PanelError::Grad(TensorTextError::Empty))
    ));
    assert!(matches!(
        evaluate("1e999", "1"),
        Err(PanelError::Input(TensorTextError::Overflow { .. }))
    ));
    assert_eq!(
        evaluate("1, 2, 3", "1, 1"),
        Err(PanelError::Lengths { x: 3, grad: 2 })
    );
}

#[test]
fn the_code_runs_in_pytorch_as_shown() {
    let code = python_code("-1.0, 0.0, 1.0, 2.0", "1, 1, 1, 1").unwrap();
    assert!(code.contains("x = torch.tensor([-1.0, 0.0, 1.0, 2.0], requires_grad=True)"));
    assert!(code.contains("y.backward(torch.tensor([1.0, 1.0, 1.0, 1.0]))"));
    let special = python_code("nan, -inf, 1e-45", "1, 1, 1").unwrap();
    assert!(special.contains("[float('nan'), float('-inf'), 1e-45]"));
    assert_eq!(python_code("x", "1"), None);
}

#[test]
fn a_hundred_thousand_numbers_print_summarised() {
    use relu_explorer::tensor_text::MAX_ENTRIES;
    let x = vec!["-1.5"; MAX_ENTRIES].join(", ");
    let grad = vec!["2"; MAX_ENTRIES].join(",");
    let started = std::time::Instant::now();
    let out = evaluate(&x, &grad).unwrap();
    assert_eq!(
        out.y,
        "tensor([0., 0., 0.,  ..., 0., 0., 0.], grad_fn=<ReluBackward0>)"
    );
    assert_eq!(out.x_grad, "tensor([0., 0., 0.,  ..., 0., 0., 0.])");
    assert!(python_code(&x, &grad).is_some());
    // A liveness bound for a debug build on a shared machine, not a speed budget.
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
}
