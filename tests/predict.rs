//! Predict-then-check questions: the answer each computes, and guesses judged right and wrong.

use relu_explorer::activation::Activation;
use relu_explorer::depth::DepthSettings;
use relu_explorer::growth::GrowthSettings;
use relu_explorer::predict::{
    depth_question_local, GuessError, Question, Verdict, DEPTH_QUESTION_LAYERS,
};
use relu_explorer::sparsity::SparsitySettings;
use relu_explorer::state::State;

/// σ′(½)¹⁰ in exact arithmetic: σ(½) = 1/(1 + e^−½), σ′ = σ(1 − σ) = 0.2350037122015945…
const SIGMOID_PRIME_HALF_POW_10: f64 = 5.137445478744372e-7;

#[test]
fn ten_sigmoid_layers_at_half_leave_less_than_a_thousandth() {
    let question = Question::DepthSigmoid;
    let truth = question.truth();
    // Autograd's σ′ is taken from the f32 output, so within f32 rounding of the exact value.
    assert!(
        (truth / SIGMOID_PRIME_HALF_POW_10 - 1.0).abs() < 1e-6,
        "{truth}"
    );
    // Even sigmoid's best case, 0.25¹⁰ at z = 0, is below 0.001.
    assert!(truth < 0.25_f64.powi(10) && 0.25_f64.powi(10) < 1e-3);
    assert_eq!(question.answer(), "smaller");
    assert_eq!(
        question.check(Some("smaller")),
        Ok(Verdict { right: true, truth })
    );
    assert_eq!(
        question.check(Some("bigger")),
        Ok(Verdict {
            right: false,
            truth
        })
    );
}

#[test]
fn a_missing_or_unknown_guess_is_refused() {
    let question = Question::DepthSigmoid;
    assert_eq!(question.check(None), Err(GuessError::Missing));
    assert_eq!(question.check(Some("")), Err(GuessError::Unknown));
    assert_eq!(question.check(Some("Smaller")), Err(GuessError::Unknown));
    assert_eq!(question.check(Some("0.001")), Err(GuessError::Unknown));
}

#[test]
fn every_choice_is_judged_and_exactly_one_is_right() {
    for question in [
        Question::DepthSigmoid,
        Question::GrowthRelu,
        Question::SparsityShare,
        Question::ZigzagRate,
        Question::ReluSumHat,
    ] {
        let right: Vec<_> = question
            .choices()
            .iter()
            .filter(|choice| question.check(Some(choice)).unwrap().right)
            .collect();
        assert_eq!(right, [&question.answer()], "{question:?}");
    }
}

#[test]
fn checking_sets_the_depth_experiment_to_the_questions_case_and_keeps_its_seed() {
    let (mut state, _) = State::from_hash("#gdepth=37&gz=-2.5&gspread=1.5&gseed=99");
    Question::DepthSigmoid.apply(&mut state).unwrap();
    assert_eq!(
        state.grad,
        DepthSettings {
            depth: 10,
            z: 0.5,
            spread: 0.0,
            seed: 99
        }
    );
    // What the experiment draws for it is the question's value, and ReLU's path is whole.
    let zs = state.grad.pre_activations().unwrap();
    let path = |activation| relu_explorer::depth::path_gradient(activation, &zs);
    assert_eq!(
        path(Activation::Sigmoid).last(),
        Question::DepthSigmoid.truth()
    );
    assert_eq!(path(Activation::Relu).last(), 1.0);
}

#[test]
fn twenty_relu_layers_at_one_and_a_half_times_he_grow_activations_over_a_thousandfold() {
    let question = Question::GrowthRelu;
    // ReLU multiplies the RMS by the scale at every layer: 1.5^20 = 3325.256730079651.
    let truth = question.truth();
    assert!((truth / 1.5_f64.powi(20) - 1.0).abs() < 1e-12, "{truth}");
    assert_eq!(question.answer(), "thousand");
    assert!(question.check(Some("thousand")).unwrap().right);
    assert!(!question.check(Some("hundred")).unwrap().right);
    assert!(!question.check(Some("same")).unwrap().right);
    let (mut state, _) = State::from_hash("#udepth=3&uscale=0.5");
    question.apply(&mut state).unwrap();
    assert_eq!(
        state.growth,
        GrowthSettings {
            depth: 20,
            scale: 1.5
        }
    );
}

#[test]
fn each_depth_question_layer_multiplies_by_sigmoids_slope_at_a_half() {
    // σ(0.5) = 1/(1 + e^−0.5) = 0.622459…, σ′ = σ(1 − σ) = 0.235003… (by hand, to f32).
    let local = depth_question_local();
    assert!((local - 0.235_003_7).abs() < 1e-6, "{local}");
    let truth = Question::DepthSigmoid.truth();
    let power = local.powi(DEPTH_QUESTION_LAYERS as i32);
    assert!(
        (truth - power).abs() <= 1e-6 * power,
        "{truth} against {power}"
    );
}

#[test]
fn inputs_one_sigma_below_zero_give_over_eighty_percent_zeros() {
    let question = Question::SparsityShare;
    // Φ(1) = 0.8413447460685429…
    let truth = question.truth();
    assert!((truth - 0.841_344_746_068_543).abs() < 1e-12, "{truth}");
    assert_eq!(question.answer(), "over80");
    assert!(question.check(Some("over80")).unwrap().right);
    assert!(!question.check(Some("half")).unwrap().right);
    assert!(!question.check(Some("under20")).unwrap().right);
    // Checking shows the question's inputs; the sample count and seed stay.
    let (mut state, _) = State::from_hash("#smu=2.5&ssd=0.3&sn=500&sseed=8");
    question.apply(&mut state).unwrap();
    assert_eq!(
        state.sparsity,
        SparsitySettings {
            mean: -1.0,
            std: 1.0,
            samples: 500,
            seed: 8
        }
    );
}

#[test]
fn at_rate_three_the_centred_run_ends_far_nearer_and_checking_shows_that_case() {
    let question = Question::ZigzagRate;
    let (positive, centred) = relu_explorer::predict::zigzag_question_distances();
    // The positive run zig-zags ever wider (tests/zigzag_experiment.rs holds it for 50 seeds).
    assert!(centred < 1e-4 && positive > 1.0, "{positive} {centred}");
    assert_eq!(question.truth(), positive / centred);
    assert_eq!(question.answer(), "centred");
    assert!(question.check(Some("centred")).unwrap().right);
    assert!(!question.check(Some("positive")).unwrap().right);
    assert!(!question.check(Some("same")).unwrap().right);
    let (mut state, _) = State::from_hash("#zrate=0.5&zsteps=400&zseed=12");
    question.apply(&mut state).unwrap();
    assert_eq!(
        state.zigzag,
        relu_explorer::zigzag::ZigzagSettings {
            rate: 3.0,
            steps: 64,
            seed: 1
        }
    );
    assert_eq!(state.to_hash(), "zrate=3");
}

#[test]
fn the_triangle_takes_three_units_and_checking_draws_it_with_them() {
    let question = Question::ReluSumHat;
    assert_eq!((question.truth(), question.answer()), (3.0, "three"));
    assert!(!question.check(Some("two")).unwrap().right);
    assert!(question.check(Some("three")).unwrap().right);
    let mut state = State::from_hash("#rtarget=sine&rkinks=1l").0;
    question.apply(&mut state).unwrap();
    assert_eq!(state.to_hash(), "rkinks=-1r,0r,1r");
    let target = state.relu_sum.target.values();
    let fit = relu_explorer::relu_sum::fit(&state.relu_sum.units, &target).unwrap();
    assert!(fit.mse < 1e-12, "{}", fit.mse);
}
