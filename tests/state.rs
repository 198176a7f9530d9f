//! The state's domains, its one validator, and its URL-hash form.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use relu_explorer::born_dead::BornSettings;
use relu_explorer::lab::InitChoice;
use relu_explorer::sparsity::SparsitySettings;
use relu_explorer::state::{
    FuzzSettings, Kind, Problem, Setting, State, MAX_TEXT_CHARS, X_LIMIT, X_MIN_SPAN,
};

#[test]
fn the_default_range_is_the_articles() {
    let state = State::default();
    assert_eq!((state.x_min, state.x_max), (-10.0, 10.0));
    assert_eq!(state.to_hash(), "", "the default state needs no hash");
    assert!(state.is_valid());
}

#[test]
fn settings_are_listed_once_each_in_order() {
    for (i, setting) in Setting::ALL.into_iter().enumerate() {
        assert_eq!(setting.index(), i, "{setting:?}");
        assert_eq!(Setting::from_key(setting.key()), Some(setting));
    }
    assert_eq!(Setting::from_key("nope"), None);
}

/// The numeric settings other than the range's ends, which are set as a pair.
fn single_numbers() -> impl Iterator<Item = Setting> {
    Setting::ALL
        .into_iter()
        .filter(|s| s.domain().is_some() && s.min_span().is_none())
}

/// A state in which fuzzing is on, so that its numbers apply.
fn fuzzing() -> State {
    State {
        fuzz: Some(FuzzSettings::default()),
        ..State::default()
    }
}

#[test]
fn every_domain_accepts_its_ends() {
    for setting in single_numbers() {
        let domain = setting.domain().unwrap();
        for end in [domain.min, domain.max] {
            let mut state = fuzzing();
            assert_eq!(
                state.set_number(setting, end),
                Ok(()),
                "{setting:?} = {end}"
            );
            let kept = state.number(setting).unwrap();
            let expected = match setting {
                Setting::X => end.max(state.x_min).min(state.x_max),
                _ if setting.single_precision() => f64::from(end as f32),
                _ => end,
            };
            assert_eq!(kept, expected, "{setting:?} = {end}");
            assert!(state.is_valid(), "{setting:?} = {end}");
        }
    }
}

#[test]
fn every_domain_refuses_just_outside_its_ends() {
    for setting in single_numbers() {
        let domain = setting.domain().unwrap();
        let (below, above) = if domain.whole {
            (domain.min - 1.0, domain.max + 1.0)
        } else {
            (domain.min.next_down(), domain.max.next_up())
        };
        for value in [below, above, f64::INFINITY, f64::NEG_INFINITY, f64::MAX] {
            let mut state = fuzzing();
            let before = state.clone();
            assert!(
                matches!(
                    state.set_number(setting, value),
                    Err(Problem::OutOfBounds { setting: s, value: v, .. }) if s == setting && v == value
                ),
                "{setting:?} = {value}"
            );
            assert_eq!(state, before, "{setting:?} = {value} changed the state");
        }
    }
}

#[test]
fn nan_is_refused_everywhere_as_not_a_number() {
    for setting in Setting::ALL.into_iter().filter(|s| s.domain().is_some()) {
        let mut state = fuzzing();
        let outcome = state.set_number(setting, f64::NAN);
        assert!(
            matches!(&outcome, Err(Problem::Unreadable { setting: s, text, .. }) if *s == setting && text == "NaN"),
            "{setting:?}: {outcome:?}"
        );
        assert_eq!(state, fuzzing());
        for text in ["NaN", "nan", "inf", "-infinity", "", "1,5", "0x10"] {
            let mut state = fuzzing();
            assert!(
                state.set_text(setting, text).is_err(),
                "{setting:?} = {text}"
            );
            assert_eq!(state, fuzzing(), "{setting:?} = {text}");
        }
    }
}

#[test]
fn whole_number_settings_refuse_fractions() {
    for setting in single_numbers().filter(|s| s.domain().unwrap().whole) {
        let domain = setting.domain().unwrap();
        let value = domain.min + 0.5;
        let mut state = fuzzing();
        assert!(
            matches!(
                state.set_number(setting, value),
                Err(Problem::NotWhole { .. })
            ),
            "{setting:?} = {value}"
        );
        assert_eq!(state, fuzzing());
    }
}

#[test]
fn minus_zero_is_kept_as_zero() {
    for setting in single_numbers().filter(|s| s.domain().unwrap().contains(0.0)) {
        let mut state = fuzzing();
        assert_eq!(state.set_number(setting, -0.0), Ok(()), "{setting:?}");
        let kept = state.number(setting).unwrap();
        assert_eq!(kept.to_bits(), 0, "{setting:?} kept {kept}");
        assert!(!state.value_text(setting).starts_with('-'), "{setting:?}");
    }
    let mut state = State::default();
    state.set_range(-0.0, 5.0).unwrap();
    assert_eq!(state.x_min.to_bits(), 0);
}

#[test]
fn a_reversed_range_is_refused_and_the_last_good_one_kept() {
    let mut state = State::default();
    let kept = (-10.0, 10.0);
    assert_eq!(
        state.set_range(5.0, 5.0),
        Err(Problem::RangeOrder {
            min: 5.0,
            max: 5.0,
            kept
        })
    );
    assert_eq!(
        state.set_range(6.0, -2.0),
        Err(Problem::RangeOrder {
            min: 6.0,
            max: -2.0,
            kept
        })
    );
    assert!(state.set_range(f64::NAN, 1.0).is_err());
    assert!(state.set_range(-1.0, f64::INFINITY).is_err());
    assert!(state.set_range(-X_LIMIT - 1.0, 0.0).is_err());
    assert!(state.set_range(0.0, X_LIMIT.next_up()).is_err());
    assert_eq!((state.x_min, state.x_max), kept);
    assert_eq!(state.set_range(-X_LIMIT, X_LIMIT), Ok(()));
}

#[test]
fn the_range_has_a_minimum_span() {
    let mut state = State::default();
    assert_eq!(state.set_range(0.0, X_MIN_SPAN), Ok(()), "exactly the span");
    assert_eq!((state.x_min, state.x_max), (0.0, X_MIN_SPAN));
    assert_eq!(
        state.set_range(0.1, 0.11),
        Ok(()),
        "0.01 typed, a hair less in binary"
    );
    assert_eq!(state.set_range(99.99, 100.0), Ok(()));
    let kept = (state.x_min, state.x_max);
    for (min, max) in [
        (0.0, 0.0099),
        (5.0, 5.0 + X_MIN_SPAN * 0.999_999),
        (0.0, 1e-320),
        (0.0, 5e-324),
        (-5e-324, 0.0),
    ] {
        assert_eq!(
            state.set_range(min, max),
            Err(Problem::RangeTooNarrow { min, max, kept }),
            "{min} to {max}"
        );
        assert_eq!((state.x_min, state.x_max), kept);
    }
    // Setting one end alone checks the whole range too.
    assert!(matches!(
        state.set_number(Setting::XMin, 99.995),
        Err(Problem::RangeTooNarrow { .. })
    ));
}

#[test]
fn narrowing_the_range_pulls_x_inside() {
    let mut state = State::default();
    state.set_number(Setting::X, 8.0).unwrap();
    state.set_range(-2.0, 3.0).unwrap();
    assert_eq!(state.x, 3.0);
    state.set_number(Setting::X, -50.0).unwrap();
    assert_eq!(state.x, -2.0);
    assert!(state.set_number(Setting::X, f64::NAN).is_err());
    assert!(state.set_number(Setting::X, 100.5).is_err());
    assert_eq!(state.x, -2.0);
}

#[test]
fn log_sliders_accept_their_ends_exactly() {
    let mut state = State::default();
    assert_eq!(state.set_log10(Setting::LearningRate, -4.0), Ok(()));
    assert_eq!(state.lab.learning_rate, 1e-4_f32);
    assert_eq!(state.set_log10(Setting::LearningRate, 3f64.log10()), Ok(()));
    assert_eq!(state.lab.learning_rate, 3.0);
    assert_eq!(state.set_log10(Setting::LearningRate, -1.3), Ok(()));
    assert!((state.lab.learning_rate - 0.050_118_72).abs() < 1e-7);
    for exponent in [-4.01, 0.48, f64::NAN, f64::INFINITY] {
        assert!(state.set_log10(Setting::LearningRate, exponent).is_err());
    }
    assert!((state.lab.learning_rate - 0.050_118_72).abs() < 1e-7);
}

#[test]
fn choices_and_flags_refuse_other_spellings() {
    let mut state = State::default();
    for (setting, good, bad) in [
        (Setting::Activation, "leaky", "Leaky"),
        (Setting::Init, "xavier", "zeros"),
        (Setting::Task, "zigzag", "sine"),
        (Setting::BornInit, "uniform", ""),
        (Setting::ShowTanh, "on", "maybe"),
        (Setting::Fuzz, "true", "2"),
    ] {
        assert_eq!(state.set_text(setting, good), Ok(()), "{setting:?}");
        let before = state.clone();
        let outcome = state.set_text(setting, bad);
        assert!(
            matches!(&outcome, Err(Problem::Unreadable { setting: s, text, kept }) if *s == setting && text == bad && *kept == state.value_text(setting)),
            "{setting:?}: {outcome:?}"
        );
        assert_eq!(state, before);
    }
    assert_eq!(state.lab.leaky_slope, Some(0.01));
    assert_eq!(state.born.init, InitChoice::Uniform);
}

#[test]
fn texts_are_capped() {
    let mut state = State::default();
    let long = "1,".repeat(MAX_TEXT_CHARS / 2);
    assert_eq!(long.chars().count(), MAX_TEXT_CHARS);
    assert_eq!(state.set_text(Setting::TorchX, &long), Ok(()));
    let longer = format!("{long}1");
    assert_eq!(
        state.set_text(Setting::TorchGrad, &longer),
        Err(Problem::TooLong {
            setting: Setting::TorchGrad,
            len: MAX_TEXT_CHARS + 1
        })
    );
    assert_eq!(state.torch_grad, State::default().torch_grad);
    assert_eq!(Setting::TorchX.kind(), Kind::Text(MAX_TEXT_CHARS));
}

#[test]
fn refused_text_is_shown_cut_short() {
    let mut state = State::default();
    let text = "x".repeat(100_000);
    match state.set_text(Setting::Width, &text) {
        Err(Problem::Unreadable { text, .. }) => {
            assert_eq!(text.chars().count(), 41);
            assert!(text.ends_with('…'));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_hash_round_trips() {
    let mut state = State::default();
    state.set_range(-5.0, 5.0).unwrap();
    state.set_number(Setting::X, 2.5).unwrap();
    state.show_leaky = true;
    state.set_number(Setting::Slope, 0.25).unwrap();
    state.show_tanh = true;
    state.torch_x = "1, -2.5, nan & more".into();
    let hash = state.to_hash();
    assert!(hash.contains("xmin=-5") && hash.contains("x=2.5") && hash.contains("leaky=1"));
    let (back, problems) = State::from_hash(&format!("#{hash}"));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(back, state);
}

#[test]
fn range_ends_are_read_as_a_pair_in_any_order() {
    let (state, problems) = State::from_hash("#xmax=30&xmin=20&x=25");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!((state.x_min, state.x_max, state.x), (20.0, 30.0, 25.0));
}

#[test]
fn bad_hash_values_keep_defaults_and_are_reported() {
    let (state, problems) = State::from_hash("#xmin=abc&xmax=5&x=7&slope=9&tanh=maybe&zzz=1");
    assert_eq!(state.x_min, -10.0);
    assert_eq!(state.x_max, 5.0);
    assert_eq!(state.x, 5.0, "x = 7 is clamped into the range");
    assert_eq!(state.slope, 0.1);
    assert!(!state.show_tanh);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(matches!(
        problems[0],
        Problem::Unreadable {
            setting: Setting::XMin,
            ..
        }
    ));

    let (state, problems) = State::from_hash("xmin=4&xmax=2");
    assert_eq!((state.x_min, state.x_max), (-10.0, 10.0));
    assert_eq!(
        problems,
        vec![Problem::RangeOrder {
            min: 4.0,
            max: 2.0,
            kept: (-10.0, 10.0)
        }]
    );
}

#[test]
fn repeated_keys_apply_in_order_and_keep_the_last_good_value() {
    let (state, problems) = State::from_hash("slope=0.3&slope=0.4&slope=7&width=8&width=2.5");
    assert_eq!(state.slope, 0.4);
    assert_eq!(state.lab.width, 8);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(matches!(&problems[0], Problem::OutOfBounds { kept, .. } if kept == "0.4"));
    assert!(matches!(&problems[1], Problem::NotWhole { kept, .. } if kept == "8"));
}

#[test]
fn section_links_and_odd_escapes_are_harmless() {
    assert_eq!(State::from_hash("#graph").0, State::default());
    let (state, _) = State::from_hash("tx=%E4%BD%A0%zz%");
    assert_eq!(state.torch_x, "你%zz%");
    for hash in ["%", "%Z", "%FF%FE", "=&&=", "&", "x=%", "tx=%FF%FE"] {
        let (state, _) = State::from_hash(hash);
        assert!(state.is_valid(), "{hash}");
    }
}

#[test]
fn seeds_are_exact_integers_up_to_two_to_the_53() {
    let (state, problems) = State::from_hash("seed=9007199254740991");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(state.lab.seed, 9_007_199_254_740_991);
    for too_big in ["9007199254740992", "99999999999999999999", "1e300"] {
        let (state, problems) = State::from_hash(&format!("seed={too_big}"));
        assert_eq!(state.lab.seed, 1, "{too_big}");
        assert!(
            matches!(
                problems[..],
                [Problem::OutOfBounds {
                    setting: Setting::Seed,
                    ..
                }]
            ),
            "{too_big}: {problems:?}"
        );
    }
}

#[test]
fn fuzzing_is_off_unless_the_link_says_so() {
    assert_eq!(State::default().fuzz, None);
    let (state, problems) = State::from_hash("fuzzRate=50&fuzzSeed=7");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(state.fuzz, None, "its numbers alone do not turn it on");
    assert_eq!(state.to_hash(), "");

    let (state, problems) = State::from_hash("fuzz=1");
    assert!(problems.is_empty());
    assert_eq!(state.fuzz, Some(FuzzSettings { rate: 10, seed: 1 }));
    assert_eq!(state.to_hash(), "fuzz=1");

    let (state, problems) = State::from_hash("fuzzSeed=9007199254740991&fuzzRate=100&fuzz=1");
    assert!(problems.is_empty(), "{problems:?}");
    let fuzz = Some(FuzzSettings {
        rate: 100,
        seed: 9_007_199_254_740_991,
    });
    assert_eq!(state.fuzz, fuzz);
    let hash = state.to_hash();
    assert_eq!(hash, "fuzz=1&fuzzRate=100&fuzzSeed=9007199254740991");
    assert_eq!(State::from_hash(&hash), (state, vec![]));
}

#[test]
fn bad_fuzz_values_are_refused_and_reported() {
    let (state, problems) =
        State::from_hash("fuzz=1&fuzzRate=0&fuzzRate=101&fuzzRate=2.5&fuzzSeed=-1&fuzzSeed=x");
    assert_eq!(state.fuzz, Some(FuzzSettings::default()));
    let kinds: Vec<&str> = problems
        .iter()
        .map(|p| match p {
            Problem::OutOfBounds { .. } => "bounds",
            Problem::NotWhole { .. } => "whole",
            Problem::Unreadable { .. } => "unreadable",
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(kinds, ["bounds", "bounds", "whole", "bounds", "unreadable"]);
    let mut state = State::default();
    state.set_flag(Setting::Fuzz, true);
    state.set_number(Setting::FuzzRate, 3.0).unwrap();
    state.set_flag(Setting::Fuzz, true);
    assert_eq!(state.fuzz.unwrap().rate, 3, "turning it on again keeps it");
    state.set_flag(Setting::Fuzz, false);
    assert_eq!(state.fuzz, None);
}

#[test]
fn the_born_dead_settings_round_trip_through_the_hash() {
    assert_eq!(State::default().born, BornSettings::default());
    let state = State {
        born: BornSettings {
            width: 8,
            depth: 5,
            init: InitChoice::Xavier,
            bias_init: -0.35,
        },
        ..State::default()
    };
    let hash = state.to_hash();
    assert_eq!(hash, "bw=8&bd=5&binit=xavier&bbias=-0.35");
    let (back, problems) = State::from_hash(&format!("#{hash}"));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(back, state);
}

#[test]
fn the_sparsity_settings_round_trip_through_the_hash() {
    assert_eq!(State::default().sparsity, SparsitySettings::default());
    let state = State {
        sparsity: SparsitySettings {
            mean: -1.3,
            std: 0.4,
            samples: 100_000,
            seed: 9_007_199_254_740_991,
        },
        ..State::default()
    };
    let hash = state.to_hash();
    assert_eq!(hash, "smu=-1.3&ssd=0.4&sn=100000&sseed=9007199254740991");
    let (back, problems) = State::from_hash(&format!("#{hash}"));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(back, state);
}

#[test]
fn bad_sparsity_values_keep_the_defaults_and_are_reported() {
    let (state, problems) = State::from_hash("#smu=-3.5&ssd=0&sn=150.5&sseed=-1&x=1");
    assert_eq!(state.sparsity, SparsitySettings::default());
    assert_eq!(state.x, 1.0, "the good key still applies");
    let keys: Vec<&str> = problems
        .iter()
        .map(|p| match p {
            Problem::OutOfBounds { setting, .. } | Problem::NotWhole { setting, .. } => {
                setting.key()
            }
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(keys, ["smu", "ssd", "sn", "sseed"]);
    // The page's ranges: within the core's, which would accept μ = 5 or a million samples.
    for (hash, setting) in [
        ("#smu=5", Setting::SparsityMean),
        ("#ssd=3.01", Setting::SparsityStd),
        ("#sn=99", Setting::SparsitySamples),
        ("#sn=1000000", Setting::SparsitySamples),
    ] {
        let (state, problems) = State::from_hash(hash);
        assert_eq!(state.sparsity, SparsitySettings::default(), "{hash}");
        assert!(
            matches!(problems[..], [Problem::OutOfBounds { setting: s, .. }] if s == setting),
            "{hash}: {problems:?}"
        );
    }
}

#[test]
fn bad_born_dead_values_keep_the_defaults_and_are_reported() {
    let (state, problems) = State::from_hash("#bw=0&bd=2.5&binit=zeros&bbias=2&x=1");
    assert_eq!(state.born, BornSettings::default());
    assert_eq!(state.x, 1.0, "the good key still applies");
    let keys: Vec<&str> = problems
        .iter()
        .map(|p| match p {
            Problem::Unreadable { setting, .. }
            | Problem::OutOfBounds { setting, .. }
            | Problem::NotWhole { setting, .. } => setting.key(),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(keys, ["bw", "bd", "binit", "bbias"]);
}

proptest! {
    #[test]
    fn range_validation_never_panics(min in any::<f64>(), max in any::<f64>()) {
        let mut state = State::default();
        match state.set_range(min, max) {
            Ok(()) => prop_assert!(
                min < max && min >= -X_LIMIT && max <= X_LIMIT && max - min >= X_MIN_SPAN * 0.999
            ),
            Err(_) => {
                prop_assert!(
                    !(min < max && min >= -X_LIMIT && max <= X_LIMIT && max - min >= X_MIN_SPAN)
                );
                prop_assert_eq!((state.x_min, state.x_max), (-10.0, 10.0));
            }
        }
        prop_assert!(state.is_valid());
    }

    #[test]
    fn every_setter_keeps_the_state_valid(index in 0..Setting::ALL.len(), value in any::<f64>()) {
        let setting = Setting::ALL[index];
        let mut state = fuzzing();
        let _ = state.set_number(setting, value);
        let _ = state.set_text(setting, &value.to_string());
        let _ = state.set_log10(setting, value);
        prop_assert!(state.is_valid(), "{:?} = {}: {:?}", setting, value, state);
    }
}

#[test]
fn each_problem_names_the_keys_it_refused() {
    let (_, problems) = State::from_hash("#xmin=0&xmax=1e-320&width=0&lr=abc&tx=1");
    let keys: Vec<Vec<&str>> = problems.iter().map(|p| p.keys()).collect();
    assert!(keys.contains(&vec!["xmin", "xmax"]), "{keys:?}");
    assert!(keys.contains(&vec!["width"]), "{keys:?}");
    assert!(keys.contains(&vec!["lr"]), "{keys:?}");
    assert_eq!(keys.len(), 3, "{keys:?}");
}

#[test]
fn keys_on_the_graph_move_x_like_a_slider() {
    let state = State::default();
    assert_eq!(state.x_after_key("ArrowRight"), Some(1.55));
    assert_eq!(state.x_after_key("ArrowUp"), Some(1.55));
    assert_eq!(state.x_after_key("ArrowLeft"), Some(1.45));
    assert_eq!(state.x_after_key("PageUp"), Some(3.5));
    assert_eq!(state.x_after_key("PageDown"), Some(-0.5));
    assert_eq!(state.x_after_key("Home"), Some(-10.0));
    assert_eq!(state.x_after_key("End"), Some(10.0));
    assert_eq!(state.x_after_key("a"), None);
    let (mut at_end, _) = State::from_hash("x=10");
    assert_eq!(
        at_end.x_after_key("ArrowRight"),
        Some(10.0),
        "kept in the range"
    );
    at_end.set_number(Setting::X, -0.05).unwrap();
    assert_eq!(at_end.x_after_key("ArrowRight"), Some(0.0));
    assert!(
        at_end.x_after_key("ArrowRight").unwrap().is_sign_positive(),
        "no -0"
    );
}

#[test]
fn language_theme_and_string_test_refuse_unknown_values() {
    let (state, problems) = State::from_hash("lang=fr&theme=blue&stringTest=huge&x=2");
    let keys: Vec<&str> = problems.iter().flat_map(|p| p.keys()).collect();
    assert_eq!(keys, ["lang", "theme", "stringTest"]);
    assert_eq!(
        (state.lang, state.theme, state.string_test),
        (None, None, None)
    );
    assert_eq!(state.x, 2.0, "the rest of the link still applies");
    let (chosen, problems) = State::from_hash("lang=zh-CN&theme=dark");
    assert!(problems.is_empty());
    assert_eq!(
        chosen.to_hash(),
        "lang=zh-CN&theme=dark",
        "a choice round-trips"
    );
}

#[test]
fn embed_names_a_section_and_nothing_shows_the_whole_page() {
    let (state, problems) = State::from_hash("#embed=lab");
    assert!(problems.is_empty(), "{problems:?}");
    let lab = state.embed.expect("the lab is embedded");
    assert_eq!((lab.id, lab.within), ("lab", &["weaknesses"][..]));
    assert_eq!(state.to_hash(), "embed=lab");
    let (whole, problems) = State::from_hash("#embed=lab&embed=");
    assert!(problems.is_empty());
    assert_eq!(whole.embed, None);
    // Ids are matched exactly: a link is the page's own spelling.
    for bad in ["Lab", "lab ", "#lab", "page-message", "main", "neuron"] {
        let (state, problems) =
            State::from_hash(&format!("embed=lab&embed={}", bad.replace('#', "%23")));
        assert_eq!(state.embed.map(|s| s.id), Some("lab"), "{bad:?}");
        assert_eq!(problems.len(), 1, "{bad:?}");
        assert!(matches!(
            problems[0],
            Problem::Unreadable {
                setting: Setting::Embed,
                ..
            }
        ));
    }
}

#[test]
fn hide_lists_controls_once_each_in_the_order_given() {
    let (state, problems) = State::from_hash("#hide=x-max,x-min,x-max,,lab-play");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(state.hide, ["x-max", "x-min", "lab-play"]);
    assert_eq!(state.to_hash(), "hide=x-max,x-min,lab-play");
    assert_eq!(State::from_hash(&state.to_hash()).0, state);
    // One unknown entry refuses the whole list and keeps the last good one.
    let (kept, problems) = State::from_hash("#hide=x-min&hide=x-max,graph-canvas");
    assert_eq!(kept.hide, ["x-min"]);
    assert_eq!(
        problems,
        [Problem::UnknownEntry {
            setting: Setting::Hide,
            text: "x-max,graph-canvas".into(),
            entry: "graph-canvas".into(),
            kept: "x-min".into(),
        }]
    );
    assert_eq!(problems[0].keys(), ["hide"]);
    // An empty list shows every control again.
    assert!(State::from_hash("#hide=x-min&hide=").0.hide.is_empty());
}

#[test]
fn every_section_and_control_of_the_page_is_listed() {
    use relu_explorer::sections::{section, shows, CONTROLS, SECTIONS};
    let ids: Vec<&str> = SECTIONS.iter().map(|s| s.id).collect();
    assert_eq!(
        ids,
        [
            "formula",
            "graph",
            "strengths",
            "gradient-depth",
            "speed",
            "sparsity",
            "relu-sum",
            "weaknesses",
            "walkthrough",
            "lab",
            "born-dead",
            "zero-centred",
            "growth",
            "torch"
        ]
    );
    for control in [
        "x-value",
        "x-min",
        "x-max",
        "lab-play",
        "lab-lr",
        "born-bias",
        "torch-x",
        "grad-depth",
        "depth-check",
    ] {
        assert!(CONTROLS.contains(&control), "{control}");
    }
    // What an embedded section shows: itself and what it holds.
    let weaknesses = section("weaknesses");
    assert!(shows(weaknesses, "lab") && shows(weaknesses, "born-dead"));
    assert!(!shows(weaknesses, "graph") && !shows(section("lab"), "weaknesses"));
    assert!(shows(section("lab"), "lab") && !shows(section("lab"), "walkthrough"));
    assert!(shows(None, "graph") && shows(None, "lab"));
    // An experiment is within its strength's section, and shows alone without the rest of it.
    assert!(shows(section("strengths"), "gradient-depth"));
    assert!(!shows(section("gradient-depth"), "graph"));
    for view in relu_explorer::sections::views::ALL {
        assert!(
            section(view).is_some(),
            "the view's section {view} is not on the page"
        );
    }
}

#[test]
fn the_zero_centred_settings_round_trip_through_the_link_and_bad_ones_are_refused_by_key() {
    let (state, problems) = State::from_hash("#zrate=2.5&zsteps=300&zseed=42");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        state.zigzag,
        relu_explorer::zigzag::ZigzagSettings {
            rate: 2.5,
            steps: 300,
            seed: 42
        }
    );
    assert_eq!(state.to_hash(), "zrate=2.5&zsteps=300&zseed=42");
    // The defaults are left out of the link.
    assert_eq!(
        State::from_hash("#zrate=1&zsteps=64&zseed=1").0.to_hash(),
        ""
    );
    let (kept, problems) = State::from_hash("#zrate=0&zsteps=501&zseed=-1");
    let keys: Vec<&str> = problems.iter().flat_map(|p| p.keys()).collect();
    assert_eq!(keys, ["zrate", "zsteps", "zseed"]);
    assert_eq!(
        kept.zigzag,
        relu_explorer::zigzag::ZigzagSettings::default()
    );
    for bad in [
        "#zrate=4.01",
        "#zrate=NaN",
        "#zsteps=2.5",
        "#zsteps=0",
        "#zseed=0.5",
    ] {
        let (kept, problems) = State::from_hash(bad);
        assert_eq!(problems.len(), 1, "{bad}");
        assert_eq!(
            kept.zigzag,
            relu_explorer::zigzag::ZigzagSettings::default(),
            "{bad}"
        );
    }
}

#[test]
fn the_builder_round_trips_through_the_hash_and_keeps_its_last_good_units() {
    let (state, problems) = State::from_hash("#rtarget=sine&rkinks=0.5r,-1l,2r");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(state.to_hash(), "rtarget=sine&rkinks=0.5r,-1l,2r");
    assert_eq!(State::from_hash(&state.to_hash()).0, state);
    assert!(state.is_valid());
    // No units is a state of its own, written as an empty list.
    let (empty, problems) = State::from_hash("#rkinks=");
    assert!(problems.is_empty() && empty.relu_sum.units.is_empty());
    assert_eq!(empty.to_hash(), "rkinks=");
    assert_eq!(State::from_hash(&empty.to_hash()).0, empty);
    // A bad list keeps the one before it, and is reported by its key.
    let (kept, problems) = State::from_hash("#rkinks=1l&rkinks=1l,3r&rtarget=abs&rtarget=x");
    assert_eq!(kept.to_hash(), "rtarget=abs&rkinks=1l");
    let keys: Vec<_> = problems.iter().flat_map(|p| p.keys()).collect();
    assert_eq!(keys, ["rkinks", "rtarget"]);
    let mut long = State::default();
    assert!(matches!(
        long.set_text(Setting::ReluSumKinks, &"0".repeat(400)),
        Err(Problem::TooLong { len: 400, .. })
    ));
    assert_eq!(long, State::default());
}

/// An experiment's "new draw" steps its seed by one, and past the largest seed a link keeps
/// exactly (2^53 − 1) starts again from 0.
#[test]
fn next_seed_steps_by_one_and_wraps_past_the_largest_exact_seed() {
    let mut state = State::default();
    for setting in [
        Setting::GradSeed,
        Setting::SparsitySeed,
        Setting::ZigzagSeed,
    ] {
        let start = state.number(setting).unwrap();
        state.next_seed(setting).unwrap();
        assert_eq!(state.number(setting), Some(start + 1.0), "{setting:?}");
        state.set_number(setting, 9_007_199_254_740_991.0).unwrap();
        state.next_seed(setting).unwrap();
        assert_eq!(state.number(setting), Some(0.0), "{setting:?}");
    }
}
