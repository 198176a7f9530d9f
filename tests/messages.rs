//! The messages a person sees for refused input say which field, which entry and why.
#![cfg(not(target_arch = "wasm32"))]

use relu_explorer::state::{Problem, State};
use relu_explorer::tensor_text::parse_tensor;
use relu_explorer::text::{problem, tensor_problem, EN};

fn tensor_message(text: &str) -> String {
    tensor_problem(&EN, EN.field_x, &parse_tensor(text).unwrap_err())
}

#[test]
fn tensor_messages_name_the_field_the_entry_and_the_fix() {
    assert_eq!(
        tensor_message("1, abc"),
        "Input tensor x: entry 2, “abc”, is not a number (use digits, or nan, inf, -inf). \
         Showing the last good result."
    );
    assert!(tensor_message("").starts_with("Input tensor x: it is empty; type at least one number"));
    assert!(tensor_message("1,,2").contains("entry 2 is empty"));
    assert!(tensor_message("1e999").contains("entry 1, 1e999, is too large for float32"));
    assert!(tensor_message("1e999").contains("type inf if you mean infinity"));
}

#[test]
fn range_messages_say_what_was_kept() {
    let message = problem(
        &EN,
        &Problem::RangeOrder {
            min: 12.0,
            max: 10.0,
        },
        (-10.0, 10.0),
    );
    assert_eq!(
        message,
        "x min (12) must be less than x max (10). The graph keeps the range -10 to 10."
    );
}

#[test]
fn link_problems_name_the_key_and_value() {
    let (_, problems) = State::from_hash("#slope=7&x=abc");
    let messages: Vec<String> = problems
        .iter()
        .map(|p| problem(&EN, p, (-10.0, 10.0)))
        .collect();
    assert_eq!(messages[0], "slope = 7 is outside the allowed 0 to 1.");
    assert_eq!(messages[1], "x = “abc” is not a valid value.");
}

#[test]
fn fill_puts_each_value_in_its_place() {
    use relu_explorer::text::fill;
    let values = [("a", "1"), ("b", "two")];
    assert_eq!(
        fill("{a} and {b}, {a} again", &values),
        "1 and two, 1 again"
    );
    assert_eq!(fill("no placeholders", &values), "no placeholders");
    assert_eq!(fill("", &values), "");
    // Unknown names and stray braces stay as typed.
    assert_eq!(fill("{c} {a}", &values), "{c} 1");
    assert_eq!(fill("{a", &values), "{a");
    assert_eq!(fill("}{a}{", &values), "}1{");
    assert_eq!(fill("{{a}}", &values), "{1}");
    // A value is written as it is, never filled in turn.
    assert_eq!(fill("{a}", &[("a", "{b}"), ("b", "x")]), "{b}");
    assert_eq!(fill("α = {a} ≤ {b}", &values), "α = 1 ≤ two");
}
