//! The messages a person sees for refused input say which setting, the value given, what is
//! allowed and what was kept.
#![cfg(not(target_arch = "wasm32"))]

use relu_explorer::state::{Problem, Setting, State, MAX_TEXT_CHARS};
use relu_explorer::tensor_text::parse_tensor;
use relu_explorer::text::{problem, tensor_problem, EN};

fn tensor_message(text: &str) -> String {
    tensor_problem(&EN, EN.field_x, &parse_tensor(text).unwrap_err())
}

/// The messages for the problems a hash gives.
fn link_messages(hash: &str) -> Vec<String> {
    let (_, problems) = State::from_hash(hash);
    problems.iter().map(|p| problem(&EN, p)).collect()
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
            kept: (-10.0, 10.0),
        },
    );
    assert_eq!(
        message,
        "x min (12) must be less than x max (10). The graph keeps the range -10 to 10."
    );
    assert_eq!(
        link_messages("#xmin=0&xmax=1e-320"),
        [
            "The x range 0 to 1e-320 is narrower than 0.01, the narrowest the graph shows. \
          The graph keeps the range -10 to 10."
        ]
    );
}

#[test]
fn link_problems_name_the_setting_the_value_the_domain_and_what_was_kept() {
    assert_eq!(
        link_messages("#slope=7&x=abc&width=0&depth=2.5&lr=inf"),
        [
            "Leaky ReLU slope (slope) = 7 is out of range; it takes a number from 0 to 1. \
             Kept 0.1.",
            "Lab width (width) = 0 is out of range; it takes a whole number from 1 to 64. \
             Kept 16.",
            "Lab hidden layers (depth) = 2.5 is not a whole number; it takes a whole number \
             from 1 to 3. Kept 1.",
            "Learning rate (lr) = inf is out of range; it takes a number from 0.0001 to 3. \
             Kept 0.05.",
            "Input x (x) = “abc” is not a number; it takes a number from -100 to 100. Kept 1.5.",
        ]
    );
    assert_eq!(
        link_messages("#tanh=maybe&init=zeros"),
        [
            "Show tanh (tanh) = “maybe” is not on or off; use 1 or 0. Kept 0.",
            "Lab initialisation (init) = “zeros” is not one of he, xavier, normal, uniform. \
             Kept he.",
        ]
    );
    let too_long = problem(
        &EN,
        &Problem::TooLong {
            setting: Setting::TorchX,
            len: MAX_TEXT_CHARS + 1,
        },
    );
    assert_eq!(
        too_long,
        "Input tensor x (tx) is 200001 characters long; it takes at most 200000. \
         Kept the previous text."
    );
}

#[test]
fn every_setting_has_a_name() {
    for setting in Setting::ALL {
        assert!(!EN.setting_names[setting.index()].is_empty(), "{setting:?}");
    }
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

#[test]
fn embed_and_hide_messages_name_what_is_not_on_the_page() {
    let (_, problems) = State::from_hash("#embed=graph");
    let kept_graph = {
        let (state, _) = State::from_hash("#embed=graph&embed=nope");
        state
    };
    assert!(problems.is_empty());
    assert_eq!(kept_graph.embed.map(|s| s.id), Some("graph"));
    assert_eq!(
        link_messages("#embed=nope&hide=x-min,knob"),
        [
            "Section shown alone (embed) = “nope” is not one of formula, graph, strengths, \
             gradient-depth, speed, sparsity, relu-sum, weaknesses, walkthrough, lab, born-dead, zero-centred, growth, \
             torch. Kept the default.",
            format!(
                "Hidden controls (hide) = “x-min,knob”: “knob” is not one of {}. Kept the default.",
                relu_explorer::sections::CONTROLS.join(", ")
            )
            .as_str(),
        ]
    );
}

#[test]
fn a_one_language_file_refuses_the_other_language_and_names_both_files() {
    use relu_explorer::text::{Lang, ZH_CN};
    let (mut state, _) = State::from_hash("#lang=zh-CN&x=2");
    let refused = state
        .keep_to_language(Lang::En)
        .expect("zh-CN is not in an English file");
    assert_eq!(state.lang, None, "the file's own language shows");
    assert_eq!(state.to_hash(), "x=2", "the rest of the link is kept");
    assert_eq!(refused.keys(), ["lang"]);
    assert_eq!(
        problem(&EN, &refused),
        "Language (lang) = “zh-CN”: this file holds the page in en only. \
         Open relu-explorer_zh-CN.html or relu-explorer.html for zh-CN."
    );
    assert!(problem(&ZH_CN, &refused).contains("relu-explorer_zh-CN.html"));
    // The file's own language, or none, is no problem.
    for hash in ["#lang=en", "#x=1"] {
        let (mut state, _) = State::from_hash(hash);
        let before = state.clone();
        assert_eq!(state.keep_to_language(Lang::En), None, "{hash}");
        assert_eq!(state, before);
    }
}

#[test]
fn refused_kinks_say_which_entry_and_why() {
    assert_eq!(
        link_messages("#rkinks=0.5r,abc&rkinks=1r,2.5l&rtarget=circle"),
        [
            "Sum-of-ReLUs kinks (rkinks) = “0.5r,abc”: entry 2, “abc”, is not a kink; write a \
             number from −2 to 2 followed by r (on to the right) or l (on to the left), such as \
             0.5r. Kept 0r.",
            "Sum-of-ReLUs kinks (rkinks) = “1r,2.5l”: entry 2’s kink, 2.5, is outside the range \
             from −2 to 2. Kept 0r.",
            "Sum-of-ReLUs target (rtarget) = “circle” is not one of abs, hat, sine. Kept hat.",
        ]
    );
    let many = vec!["1r"; 13].join(",");
    assert_eq!(
        link_messages(&format!("#rkinks=&rkinks={many}")),
        [format!(
            "Sum-of-ReLUs kinks (rkinks) = “{many}” lists 13 units; the builder takes at most \
             12. Kept no units."
        )]
    );
}

/// The builder's status line and chart text say one unit in the singular, and a sum of no
/// units as the constant it is, in both languages.
#[test]
fn the_builder_counts_its_units_in_words_that_fit_the_count() {
    use relu_explorer::text::{relu_sum_alt, relu_sum_status, ZH_CN};
    assert_eq!(
        relu_sum_status(&EN, 0, "0.5"),
        "0 units; mean squared error 0.5."
    );
    assert_eq!(
        relu_sum_status(&EN, 1, "0.5"),
        "1 unit; mean squared error 0.5."
    );
    assert_eq!(
        relu_sum_status(&EN, 3, "0"),
        "3 units; mean squared error 0."
    );
    assert_eq!(
        relu_sum_status(&ZH_CN, 1, "0.5"),
        "1 个单元；均方误差为 0.5。"
    );
    let kinks = |list: &[&str]| list.iter().map(|k| k.to_string()).collect::<Vec<_>>();
    assert_eq!(
        relu_sum_alt(&EN, "|x|", &kinks(&["0"]), "0.1"),
        "Chart of |x| on −2 to 2 and the best single ReLU unit plus a constant, with its kink \
         at 0; mean squared error 0.1."
    );
    assert_eq!(
        relu_sum_alt(&EN, "|x|", &[], "0.3"),
        "Chart of |x| on −2 to 2 and, with no ReLU unit yet, the best constant; mean squared \
         error 0.3."
    );
    assert_eq!(
        relu_sum_alt(&EN, "|x|", &kinks(&["0", "-1"]), "0"),
        "Chart of |x| on −2 to 2 and the best sum of 2 ReLU units, with kinks at 0, -1; mean \
         squared error 0."
    );
    for lang in [&EN, &ZH_CN] {
        for kinks in [kinks(&[]), kinks(&["0"]), kinks(&["0", "1"])] {
            let alt = relu_sum_alt(lang, "T", &kinks, "0.25");
            assert!(
                alt.contains('T') && alt.contains("0.25") && !alt.contains('{'),
                "{alt}"
            );
        }
    }
}
