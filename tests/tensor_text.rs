//! Reading typed tensors and printing them as PyTorch does.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use relu_explorer::tensor_text::{
    format_tensor, parse_tensor, TensorTextError, EDGE_ITEMS, MAX_ENTRIES, SUMMARY_THRESHOLD,
};

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

/// A tensor of `len` elements: `head`, then `middle` repeated, then `tail`.
fn tensor(len: usize, head: [f32; 3], middle: f32, tail: [f32; 3]) -> Vec<f32> {
    let mut values = vec![middle; len];
    values[..3].copy_from_slice(&head);
    values[len - 3..].copy_from_slice(&tail);
    values
}

// The summarised cases below are worked by hand from `torch/_tensor_str.py` (`_tensor_str`,
// `get_summarized_data`, `_vector_str`): above `threshold` (1000) elements the formatter sees
// only the first and last `edgeitems` (3), and " ..." is an element of its own between them.

#[test]
fn long_tensors_print_summarised_as_pytorch_does() {
    assert_eq!((SUMMARY_THRESHOLD, EDGE_ITEMS), (1000, 3));
    let values = tensor(1001, [0.0; 3], 0.0, [1.0, 2.0, 3.0]);
    assert_eq!(
        format_tensor(&values, &[]),
        "tensor([0., 0., 0.,  ..., 1., 2., 3.])"
    );
    assert_eq!(
        format_tensor(&values, &["grad_fn=<ReluBackward0>"]),
        "tensor([0., 0., 0.,  ..., 1., 2., 3.], grad_fn=<ReluBackward0>)"
    );
}

#[test]
fn a_summarised_tensor_is_formatted_by_its_printed_elements_alone() {
    // The hidden middle (a fraction, NaN, a huge value) changes neither mode nor width.
    for middle in [0.5, f32::NAN, 3e38, -1e-30] {
        let values = tensor(5000, [-1.0, 0.0, 1.0], middle, [2.0, 3.0, 40.0]);
        assert_eq!(
            format_tensor(&values, &[]),
            "tensor([-1.,  0.,  1.,  ...,  2.,  3., 40.])",
            "middle {middle}"
        );
    }
    let values = tensor(1001, [0.0, 0.5, 1.0], 7.0, [498.5, 499.0, 499.5]);
    assert_eq!(
        format_tensor(&values, &[]),
        "tensor([  0.0000,   0.5000,   1.0000,  ..., 498.5000, 499.0000, 499.5000])"
    );
}

#[test]
fn a_summarised_line_counts_the_elision_as_an_element() {
    // Scientific width 10: elements_per_line = (80 - 7) / 12 = 6, so the seven items wrap.
    let values = tensor(2000, [0.5, 1.0, 1.5], 1.0, [2048.0, 4096.0, 8192.0]);
    assert_eq!(
        format_tensor(&values, &[]),
        "tensor([5.0000e-01, 1.0000e+00, 1.5000e+00,  ..., 2.0480e+03, 4.0960e+03,\n        \
         8.1920e+03])"
    );
}

#[test]
fn a_thousand_elements_print_in_full() {
    let values = vec![1.0; SUMMARY_THRESHOLD];
    let printed = format_tensor(&values, &[]);
    assert!(!printed.contains("..."));
    assert_eq!(printed.matches("1.").count(), SUMMARY_THRESHOLD);
}

#[test]
fn the_longest_tensor_reads_and_prints_summarised() {
    let text = (0..MAX_ENTRIES)
        .map(|i| (i % 7).to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let started = std::time::Instant::now();
    let values = parse_tensor(&text).unwrap();
    let printed = format_tensor(&values, &[]);
    assert_eq!(values.len(), MAX_ENTRIES);
    assert_eq!(printed, "tensor([0., 1., 2.,  ..., 1., 2., 3.])");
    // A liveness bound for a debug build on a shared machine, not a speed budget.
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
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
