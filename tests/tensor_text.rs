//! Reading typed tensors and printing them as PyTorch does.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use relu_explorer::tensor_text::{format_tensor, parse_tensor, TensorTextError, MAX_ENTRIES};

fn from_hex(hex: &str) -> f32 {
    f32::from_bits(u32::from_str_radix(hex, 16).expect("fixture holds hex bits"))
}

/// Every case PyTorch printed in `fixtures/torch_print.txt` prints the same here.
#[test]
fn prints_exactly_as_pytorch() {
    let fixture = include_str!("fixtures/torch_print.txt");
    let mut lines = fixture.lines().filter(|l| !l.starts_with('#'));
    let mut cases = 0;
    while let (Some(input), Some(output)) = (lines.next(), lines.next()) {
        let (values, suffix) = input
            .strip_prefix("in ")
            .and_then(|rest| rest.split_once(" | "))
            .expect("an input line");
        let values: Vec<f32> = values.split_whitespace().map(from_hex).collect();
        let suffixes: Vec<&str> = if suffix == "-" { vec![] } else { vec![suffix] };
        let expected = output.strip_prefix("out ").unwrap().replace("\\n", "\n");
        assert_eq!(
            format_tensor(&values, &suffixes),
            expected,
            "printing {values:?}"
        );
        cases += 1;
    }
    assert!(cases >= 50, "the fixture has {cases} cases");
}

#[test]
fn prints_the_articles_example() {
    assert_eq!(
        format_tensor(&[0.0, 0.0, 1.0, 2.0], &[]),
        "tensor([0., 0., 1., 2.])"
    );
    assert_eq!(
        format_tensor(&[0.0, 0.0, 1.0, 1.0], &[]),
        "tensor([0., 0., 1., 1.])"
    );
}

#[test]
fn reads_the_usual_spellings() {
    let expected = vec![-1.0, 0.0, 1.0, 2.0];
    for text in [
        "-1.0, 0.0, 1.0, 2.0",
        "[-1.0, 0.0, 1.0, 2.0]",
        "torch.tensor([-1.0, 0.0, 1.0, 2.0])",
        "tensor([-1., 0., 1., 2.])",
        "  -1 0 1 2  ",
        "-1,0,1,2,",
    ] {
        assert_eq!(parse_tensor(text), Ok(expected.clone()), "{text:?}");
    }
}

#[test]
fn reads_special_values_bit_for_bit() {
    let values = parse_tensor("nan, inf, -inf, -0.0, 1e-45, 1e-46").unwrap();
    assert!(values[0].is_nan());
    assert_eq!(values[1], f32::INFINITY);
    assert_eq!(values[2], f32::NEG_INFINITY);
    assert_eq!(values[3].to_bits(), 0x8000_0000);
    assert_eq!(values[4].to_bits(), 1, "the smallest subnormal");
    assert_eq!(
        values[5].to_bits(),
        0,
        "underflows to zero, as in torch.tensor"
    );
}

#[test]
fn rounds_through_f64_like_python() {
    // 16777217 is not a float32; Python reads it as a double and torch rounds it to even.
    assert_eq!(parse_tensor("16777217").unwrap(), vec![16777216.0]);
    assert_eq!(parse_tensor("0.1").unwrap(), vec![0.1_f64 as f32]);
}

#[test]
fn refuses_bad_entries_with_their_position() {
    assert_eq!(parse_tensor(""), Err(TensorTextError::Empty));
    assert_eq!(parse_tensor("[ ]"), Err(TensorTextError::Empty));
    assert_eq!(
        parse_tensor("1, abc, 2"),
        Err(TensorTextError::NotANumber {
            position: 2,
            text: "abc".into()
        })
    );
    assert_eq!(
        parse_tensor("1,,2"),
        Err(TensorTextError::MissingEntry { position: 2 })
    );
    assert_eq!(
        parse_tensor("1e999"),
        Err(TensorTextError::Overflow {
            position: 1,
            text: "1e999".into()
        })
    );
    assert_eq!(
        parse_tensor("1, 1e39"),
        Err(TensorTextError::Overflow {
            position: 2,
            text: "1e39".into()
        }),
        "finite for f64 but infinite for float32"
    );
    let long = vec!["1"; MAX_ENTRIES + 1].join(",");
    assert_eq!(
        parse_tensor(&long),
        Err(TensorTextError::TooLong {
            len: MAX_ENTRIES + 1
        })
    );
}

proptest! {
    #[test]
    fn parsing_never_panics(text in "\\PC*") {
        let _ = parse_tensor(&text);
    }

    #[test]
    fn parsing_tensor_like_text_never_panics(text in "(torch\\.)?(tensor\\()?\\[?[-+0-9eE., naifty]{0,40}\\]?\\)?") {
        let _ = parse_tensor(&text);
    }

    #[test]
    fn printing_any_floats_never_panics_and_reads_back(bits in proptest::collection::vec(any::<u32>(), 1..40)) {
        let values: Vec<f32> = bits.into_iter().map(f32::from_bits).collect();
        let printed = format_tensor(&values, &["grad_fn=<ReluBackward0>"]);
        prop_assert!(printed.starts_with("tensor(["));
        prop_assert!(printed.ends_with("grad_fn=<ReluBackward0>)"));
    }

    #[test]
    fn integers_round_trip_through_print_and_parse(values in proptest::collection::vec(-1000i32..1000, 1..30)) {
        let floats: Vec<f32> = values.iter().map(|&v| v as f32).collect();
        let printed = format_tensor(&floats, &[]);
        prop_assert_eq!(parse_tensor(&printed).unwrap(), floats);
    }
}
