//! The state's validation and its URL-hash form.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use relu_explorer::state::{validate_range, validate_slope, Problem, State, X_LIMIT};

#[test]
fn the_default_range_is_the_articles() {
    let state = State::default();
    assert_eq!((state.x_min, state.x_max), (-10.0, 10.0));
    assert_eq!(state.to_hash(), "", "the default state needs no hash");
}

#[test]
fn a_reversed_range_is_refused_and_the_last_good_one_kept() {
    let mut state = State::default();
    assert_eq!(
        state.set_range(5.0, 5.0),
        Err(Problem::RangeOrder { min: 5.0, max: 5.0 })
    );
    assert_eq!(
        state.set_range(6.0, -2.0),
        Err(Problem::RangeOrder {
            min: 6.0,
            max: -2.0
        })
    );
    assert_eq!((state.x_min, state.x_max), (-10.0, 10.0));
    assert!(state.set_range(f64::NAN, 1.0).is_err());
    assert!(state.set_range(-1.0, f64::INFINITY).is_err());
    assert!(state.set_range(-X_LIMIT - 1.0, 0.0).is_err());
    assert_eq!((state.x_min, state.x_max), (-10.0, 10.0));
}

#[test]
fn narrowing_the_range_pulls_x_inside() {
    let mut state = State::default();
    state.set_x(8.0).unwrap();
    state.set_range(-2.0, 3.0).unwrap();
    assert_eq!(state.x, 3.0);
    state.set_x(-50.0).unwrap();
    assert_eq!(state.x, -2.0);
    assert!(state.set_x(f64::NAN).is_err());
    assert_eq!(state.x, -2.0);
}

#[test]
fn slopes_outside_zero_to_one_are_refused() {
    assert_eq!(validate_slope(0.01), Ok(0.01));
    assert!(validate_slope(-0.1).is_err());
    assert!(validate_slope(1.5).is_err());
    assert!(validate_slope(f64::NAN).is_err());
}

#[test]
fn the_hash_round_trips() {
    let mut state = State::default();
    state.set_range(-5.0, 5.0).unwrap();
    state.set_x(2.5).unwrap();
    state.show_leaky = true;
    state.set_slope(0.25).unwrap();
    state.show_tanh = true;
    state.torch_x = "1, -2.5, nan & more".into();
    let hash = state.to_hash();
    assert!(hash.contains("xmin=-5") && hash.contains("x=2.5") && hash.contains("leaky=1"));
    let (back, problems) = State::from_hash(&format!("#{hash}"));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(back, state);
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
        Problem::Unreadable { key: "xmin", .. }
    ));

    let (state, problems) = State::from_hash("xmin=4&xmax=2");
    assert_eq!((state.x_min, state.x_max), (-10.0, 10.0));
    assert_eq!(problems, vec![Problem::RangeOrder { min: 4.0, max: 2.0 }]);
}

#[test]
fn section_links_and_odd_escapes_are_harmless() {
    assert_eq!(State::from_hash("#graph").0, State::default());
    let (state, _) = State::from_hash("tx=%E4%BD%A0%zz%");
    assert_eq!(state.torch_x, "你%zz%");
}

proptest! {
    #[test]
    fn range_validation_never_panics(min in any::<f64>(), max in any::<f64>()) {
        match validate_range(min, max) {
            Ok((a, b)) => prop_assert!(a < b && a >= -X_LIMIT && b <= X_LIMIT),
            Err(_) => prop_assert!(!(min < max && min >= -X_LIMIT && max <= X_LIMIT)),
        }
    }

    #[test]
    fn hash_parsing_never_panics(hash in "\\PC*") {
        let (state, _) = State::from_hash(&hash);
        prop_assert!(state.x_min < state.x_max);
        prop_assert!(state.x >= state.x_min && state.x <= state.x_max);
    }

    #[test]
    fn structured_hashes_never_panic(hash in "#?((xmin|xmax|x|slope|leaky|tx|tg|bw|bd|binit|bbias|q)=[-+0-9.e%a-f]{0,8}&?){0,6}") {
        let (state, _) = State::from_hash(&hash);
        let (again, problems) = State::from_hash(&state.to_hash());
        prop_assert!(problems.is_empty());
        prop_assert_eq!(again, state);
    }
}

#[test]
fn the_born_dead_settings_round_trip_through_the_hash() {
    use relu_explorer::born_dead::BornSettings;
    use relu_explorer::lab::InitChoice;
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
fn bad_born_dead_values_keep_the_defaults_and_are_reported() {
    let (state, problems) = State::from_hash("#bw=0&bd=2.5&binit=zeros&bbias=2&x=1");
    assert_eq!(
        state.born,
        relu_explorer::born_dead::BornSettings::default()
    );
    assert_eq!(state.x, 1.0, "the good key still applies");
    let keys: Vec<&str> = problems
        .iter()
        .map(|p| match p {
            Problem::Unreadable { key, .. } | Problem::OutOfBounds { key, .. } => *key,
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(keys, ["bw", "bd", "binit", "bbias"]);
}
