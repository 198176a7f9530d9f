//! `decimal` against std, its oracle: every formatter must print exactly what `format!` prints
//! and `parse` must return exactly what `str::parse::<f64>` returns, for random bit patterns,
//! every power of two, boundary values, grammar edge cases and hard-to-round decimals.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use relu_explorer::decimal::{debug_f32, exponential, fixed, parse, shortest, shortest_f32};

/// Checks every f64 formatter on `v` against std, for the given numbers of decimals.
fn check_f64(v: f64, decimals: impl IntoIterator<Item = usize>) {
    assert_eq!(shortest(v), format!("{v}"), "shortest({v:e})");
    for d in decimals {
        assert_eq!(fixed(v, d), format!("{v:.d$}"), "fixed({v:e}, {d})");
        assert_eq!(
            exponential(v, d),
            format!("{v:.d$e}"),
            "exponential({v:e}, {d})"
        );
    }
}

/// Checks both f32 formatters on `v` against std.
fn check_f32(v: f32) {
    assert_eq!(shortest_f32(v), format!("{v}"), "shortest_f32({v:e})");
    assert_eq!(debug_f32(v), format!("{v:?}"), "debug_f32({v:e})");
}

/// Checks `parse` on `text` against std: same acceptance, bit-identical value (any NaN).
fn check_parse(text: &str) {
    let ours = parse(text);
    let std = text.parse::<f64>().ok();
    let same = match (ours, std) {
        (Some(a), Some(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
        (None, None) => true,
        _ => false,
    };
    assert!(same, "parse({text:?}): ours {ours:?}, std {std:?}");
}

/// Values whose text is checked by hand, not only against std.
#[test]
fn hand_checked_values() {
    assert_eq!(fixed(0.1, 20), "0.10000000000000000555");
    assert_eq!(fixed(0.125, 2), "0.12");
    assert_eq!(fixed(0.375, 2), "0.38");
    assert_eq!(fixed(2.5, 0), "2");
    assert_eq!(fixed(0.5, 0), "0");
    assert_eq!(fixed(1.5, 0), "2");
    assert_eq!(fixed(-0.001, 2), "-0.00");
    assert_eq!(fixed(0.0, 3), "0.000");
    assert_eq!(fixed(9.999, 2), "10.00");
    assert_eq!(fixed(f64::NAN, 2), "NaN");
    assert_eq!(fixed(f64::NEG_INFINITY, 2), "-inf");
    assert_eq!(exponential(1234.5, 3), "1.234e3");
    assert_eq!(exponential(1235.5, 3), "1.236e3");
    assert_eq!(exponential(-5e-7, 4), "-5.0000e-7");
    assert_eq!(exponential(0.0, 2), "0.00e0");
    assert_eq!(exponential(-0.0, 0), "-0e0");
    assert_eq!(exponential(9.99, 1), "1.0e1");
    assert_eq!(shortest(0.1), "0.1");
    assert_eq!(shortest(f64::from(0.1f32)), "0.10000000149011612");
    assert_eq!(shortest(-0.0), "-0");
    assert_eq!(shortest(1e21), "1000000000000000000000");
    assert_eq!(shortest(1e-7), "0.0000001");
    assert_eq!(shortest(123456789.0), "123456789");
    assert_eq!(shortest(f64::NAN), "NaN");
    assert_eq!(shortest(-f64::NAN), "NaN");
    assert_eq!(shortest(f64::INFINITY), "inf");
    assert_eq!(shortest(5e-324), format!("0.{}5", "0".repeat(323)));
    assert_eq!(shortest_f32(0.1), "0.1");
    assert_eq!(shortest_f32(16777216.0), "16777216");
    assert_eq!(debug_f32(1.0), "1.0");
    assert_eq!(debug_f32(-0.0), "-0.0");
    assert_eq!(debug_f32(1e-7), "1e-7");
    assert_eq!(debug_f32(1e16), "1e16");
    assert_eq!(debug_f32(1e-4), "0.0001");
    assert_eq!(
        debug_f32(f32::from_bits(1e-4f32.to_bits() - 1)),
        "9.999999e-5"
    );
    assert_eq!(
        debug_f32(f32::from_bits(1e16f32.to_bits() - 1)),
        "9999999000000000.0"
    );
    assert_eq!(debug_f32(f32::MIN_POSITIVE), "1.1754944e-38");
    assert_eq!(parse("0.1"), Some(0.1));
    assert_eq!(parse("-1e-7"), Some(-1e-7));
    assert_eq!(parse("1e400"), Some(f64::INFINITY));
    assert_eq!(parse("1e-400").map(f64::to_bits), Some(0));
    assert_eq!(
        parse("-1e-400").map(f64::to_bits),
        Some((-0.0f64).to_bits())
    );
    assert_eq!(parse("2.4703282292062327e-324"), Some(0.0));
    assert_eq!(parse("2.4703282292062328e-324"), Some(5e-324));
    assert_eq!(parse("1.7976931348623158e308"), Some(f64::MAX));
    assert_eq!(parse("1.7976931348623159e308"), Some(f64::INFINITY));
    assert_eq!(parse("InFiNiTy"), Some(f64::INFINITY));
    assert!(parse("-nAn").is_some_and(f64::is_nan));
    assert_eq!(parse("1_0"), None);
}

/// Every power of two (normal and subnormal, both types), the f32 values a few bits either
/// side of each, and the classic awkward values.
#[test]
fn powers_of_two_and_boundaries() {
    for exp in -1074..=1023 {
        let v = 2f64.powi(exp);
        for s in [v, -v] {
            check_f64(s, [0, 3, 17]);
            check_parse(&format!("{s:e}"));
            check_parse(&format!("{s}"));
        }
    }
    for exp in -149..=127 {
        let bits = 2f32.powi(exp).to_bits();
        for offset in -3i32..=3 {
            let v = f32::from_bits(bits.wrapping_add_signed(offset));
            check_f32(v);
            check_f32(-v);
            check_f64(f64::from(v), [0, 8]);
        }
    }
    // Around the subnormal/normal boundaries and the ends of both types.
    let f32_edges = [
        0u32, 1, 2, 3, 0x7f_fffd, 0x7f_fffe, 0x7f_ffff, 0x80_0000, 0x80_0001,
    ];
    for bits in f32_edges.into_iter().chain(0x7f7f_fffc..=0x7f80_0001) {
        check_f32(f32::from_bits(bits));
        check_f32(f32::from_bits(bits | 0x8000_0000));
    }
    for v in [
        f32::MAX,
        f32::MIN,
        f32::EPSILON,
        f32::MIN_POSITIVE,
        f32::NAN,
        0.1,
        1.0 / 3.0,
    ] {
        check_f32(v);
    }
    let f64_edges = [
        1u64,
        2,
        3,
        0xf_ffff_ffff_fffe,
        0xf_ffff_ffff_ffff,
        1 << 52,
        (1 << 52) + 1,
    ];
    for bits in f64_edges
        .into_iter()
        .chain(0x7fef_ffff_ffff_fffc..=0x7ff0_0000_0000_0001)
    {
        check_f64(f64::from_bits(bits), [0, 1, 20, 400, 1100]);
    }
    let awkward = [
        0.1,
        0.2,
        0.3,
        0.1 + 0.2,
        1.0 / 3.0,
        2.0 / 3.0,
        1e21,
        1e22,
        1e23,
        1e-7,
        123456789.0,
        f64::MAX,
        f64::MIN,
        f64::EPSILON,
        f64::MIN_POSITIVE,
        5e-324,
        0.5,
        2.5,
        0.125,
        9.5,
        99.5,
        1e15 + 0.3,
        4.35,
        0.000001,
        999999.9999999999,
    ];
    for v in awkward {
        check_f64(v, 0..=20);
        check_f64(-v, [0, 5, 1100]);
        check_f32(v as f32);
    }
}

/// Nearby decimal lengths pick the same (even) digit on ties at every precision.
#[test]
fn ties_round_half_to_even() {
    for n in 0..2000u32 {
        // n/8 and n/16 are exact binary values with short decimal expansions: many exact ties.
        for v in [
            f64::from(n) / 8.0,
            f64::from(n) / 16.0,
            f64::from(n) * 0.5 + 1e6,
        ] {
            check_f64(v, 0..=5);
        }
    }
}

/// What std accepts and rejects, and how it reads it.
#[test]
fn grammar_matches_std() {
    let cases = [
        "",
        ".",
        "e5",
        "1e",
        " 1",
        "1 ",
        "1_0",
        "0x10",
        "+",
        "-",
        "+-1",
        "-+1",
        "--1",
        "1e+",
        "1e-",
        "1.5e",
        "1e5.5",
        "..1",
        "1..",
        "- 1",
        "\u{0}",
        "1,5",
        "١",
        "１",
        "inf ",
        " inf",
        "infinityx",
        "infinit",
        "infin",
        "in",
        "nan(1)",
        "nana",
        "na",
        "Infinity",
        "INF",
        "-iNf",
        "+nan",
        "NaN",
        "-NaN",
        "+infinity",
        "1.",
        ".1",
        "1.e5",
        ".1e5",
        ".e5",
        "00001",
        "0e0",
        "-0",
        "+0",
        "-0.0e-0",
        "1E5",
        "1e+05",
        "1e-05",
        "1e0005",
        "0.",
        "0.e1",
        "e",
        "E",
        "1ee5",
        "1e5e5",
        "1d5",
        "1f",
        "1.0f64",
        "1e99999999999999999999",
        "1e-99999999999999999999",
        "0e99999999999999999999",
        "0.0000e-999999",
        "+.5",
        "-.5e-1",
        "4.9406564584124654e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "1.7976931348623157e308",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
        "2.2250738585072011e-308",
        "2.2250738585072012e-308",
        "2.2250738585072014e-308",
        "9007199254740993",
        "9007199254740993.0000000000000000000000000000001",
        "9007199254740992.9999999999999999999999999999",
        "1e23",
        "8.5e-323",
        "1e308",
        "1e309",
        "0.000000000000000000000000000000000000000000000000000000000001e60",
    ];
    for text in cases {
        check_parse(text);
    }
}

/// Mantissas of thousands of digits, with the deciding digit far beyond the first 800, and
/// exponents that only saturate.
#[test]
fn long_and_extreme_inputs() {
    let ones = "1".repeat(1000);
    let nines = "9".repeat(5000);
    let mut cases = vec![
        ones.clone(),
        format!("0.{ones}"),
        format!("{ones}e-1300"),
        format!("{ones}e-1330"),
        format!("{ones}e-691"),
        format!("{ones}e-1000"),
        format!("0.{nines}"),
        format!("{nines}e-5300"),
        format!("{nines}e-4692"),
        format!("1{}1", "0".repeat(3000)),
        format!("1.{}1e5", "0".repeat(3000)),
        format!("0.{}1e3002", "0".repeat(3000)),
        // core lets exponent digits saturate at 0x10000..: the value here is really 0.1, but
        // both read it as 1e-630001, i.e. zero.
        format!("0.{}1e700000", "0".repeat(700_000)),
        format!("{}e-99999", "1".repeat(100_000)),
    ];
    // Exactly halfway between 1 and its successor, then nudged either side far out.
    let half_ulp = "1.00000000000000011102230246251565404236316680908203125";
    cases.push(half_ulp.to_string());
    cases.push(format!("{half_ulp}{}1", "0".repeat(2000)));
    cases.push(format!(
        "1.00000000000000011102230246251565404236316680908203124{nines}"
    ));
    for text in cases {
        check_parse(&text);
        check_parse(&format!("-{text}"));
    }
}

/// Up to std's limit of 65535 decimals the output is std's; beyond it (where `format!`
/// panics) the request is clamped instead.
#[test]
fn precision_limits() {
    let limit = usize::from(u16::MAX);
    for v in [0.1, 5e-324, -f64::MAX, 1.0, 0.0] {
        check_f64(v, [1100, 1101, 4000, limit - 1]);
        assert_eq!(
            fixed(v, limit),
            format!("{v:.limit$}"),
            "fixed({v:e}, 65535)"
        );
        assert_eq!(fixed(v, limit + 1), fixed(v, limit));
        assert_eq!(fixed(v, usize::MAX), fixed(v, limit));
        assert_eq!(exponential(v, usize::MAX), exponential(v, limit));
    }
}

/// `decimal_a + decimal_b` for plain non-negative decimals with the same number of
/// fractional digits (the test's own exact arithmetic, independent of the module).
fn add_decimals(a: &str, b: &str) -> String {
    let width = a.len().max(b.len());
    let (a, b) = (format!("{a:0>width$}"), format!("{b:0>width$}"));
    let mut out = Vec::with_capacity(width + 1);
    let mut carry = 0;
    for (x, y) in a.bytes().rev().zip(b.bytes().rev()) {
        if x == b'.' {
            out.push(b'.');
            continue;
        }
        let sum = (x - b'0') + (y - b'0') + carry;
        out.push(b'0' + sum % 10);
        carry = sum / 10;
    }
    if carry > 0 {
        out.push(b'1');
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

/// Half of a plain non-negative decimal whose last digit is even.
fn halve_decimal(a: &str) -> String {
    let mut out = String::with_capacity(a.len());
    let mut remainder = 0;
    for c in a.bytes() {
        if c == b'.' {
            out.push('.');
            continue;
        }
        let current = remainder * 10 + (c - b'0');
        out.push(char::from(b'0' + current / 2));
        remainder = current % 2;
    }
    assert_eq!(remainder, 0, "halving {a}");
    out
}

/// The exact decimal of the midpoint between positive finite `v` and its successor.
fn exact_midpoint(v: f64) -> String {
    let next = f64::from_bits(v.to_bits() + 1);
    // 1076 places hold any double exactly, and twice any midpoint.
    let sum = add_decimals(&format!("{v:.1076}"), &format!("{next:.1076}"));
    halve_decimal(&sum)
}

/// Strategy: the text of a decimal from the float grammar, sometimes with a junk character.
fn number_text() -> impl Strategy<Value = String> {
    let digits = |max| prop::collection::vec(0u8..10, 0..=max);
    let junk = prop::sample::select(vec![
        "", "", "", "", "", " ", "_", "x", ",", ".", "e", "E", "+", "-", "\t", "a", "0x", "inf",
        "\u{e9}",
    ]);
    (
        prop::sample::select(vec!["", "", "+", "-"]),
        digits(30),
        any::<bool>(),
        digits(30),
        prop::option::of((
            prop::sample::select(vec!["e", "E"]),
            prop::sample::select(vec!["", "+", "-"]),
            digits(5),
        )),
        junk,
        any::<prop::sample::Index>(),
    )
        .prop_map(|(sign, int, dot, frac, exp, junk, at)| {
            let text_of = |d: &[u8]| d.iter().map(|&x| char::from(b'0' + x)).collect::<String>();
            let mut text = format!("{sign}{}", text_of(&int));
            if dot {
                text.push('.');
            }
            text.push_str(&text_of(&frac));
            if let Some((e, exp_sign, exp_digits)) = exp {
                text.push_str(&format!("{e}{exp_sign}{}", text_of(&exp_digits)));
            }
            let mut chars: Vec<char> = text.chars().collect();
            let at = at.index(chars.len() + 1);
            chars.splice(at..at, junk.chars());
            chars.into_iter().collect()
        })
}

/// Strategy: finite f64 values of everyday magnitudes with short decimal forms.
fn everyday_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e6..1e6f64,
        -1e-3..1e-3f64,
        (any::<i32>(), 0..10i32).prop_map(|(n, k)| f64::from(n) / 10f64.powi(k)),
    ]
}

proptest! {
    // Cheap cases get many runs; the whole file stays around 10 s in a debug build.
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    /// Random f32 bit patterns print as std prints them.
    #[test]
    fn f32_bits_format_like_std(bits in any::<u32>()) {
        check_f32(f32::from_bits(bits));
    }

    /// Grammar-shaped strings, valid or not, parse as std parses them.
    #[test]
    fn grammar_strings_parse_like_std(text in number_text()) {
        check_parse(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    /// Random f64 bit patterns print as std prints them.
    #[test]
    fn f64_bits_format_like_std(bits in any::<u64>(), d in 0usize..=20) {
        let v = f64::from_bits(bits);
        check_f64(v, [d]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Everyday f64 values print as std prints them, at every precision up to 20.
    #[test]
    fn everyday_f64_format_like_std(v in everyday_f64()) {
        check_f64(v, 0..=20);
    }

    /// Printed doubles, and those texts with one digit changed, read back as std reads them.
    #[test]
    fn printed_doubles_parse_like_std(
        bits in any::<u64>(),
        everyday in everyday_f64(),
        at in any::<prop::sample::Index>(),
        digit in 0u8..10,
    ) {
        for v in [f64::from_bits(bits), everyday] {
            for text in [format!("{v:e}"), format!("{v}"), format!("{v:.20e}")] {
                check_parse(&text);
                let mut perturbed = text.into_bytes();
                let positions: Vec<usize> = perturbed
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.is_ascii_digit())
                    .map(|(i, _)| i)
                    .collect();
                if !positions.is_empty() {
                    let i = positions[at.index(positions.len())];
                    perturbed[i] = b'0' + digit;
                }
                check_parse(&String::from_utf8(perturbed).unwrap());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Exact midpoints between neighbouring doubles (hundreds of digits), and the same
    /// nudged up or down far beyond the 17th digit, round exactly as std rounds them.
    #[test]
    fn midpoints_parse_like_std(bits in 1u64..0x7fef_ffff_ffff_ffff, everyday in everyday_f64()) {
        for v in [f64::from_bits(bits), everyday.abs()] {
            if v == 0.0 {
                continue;
            }
            let midpoint = exact_midpoint(v);
            let trimmed = midpoint.trim_end_matches('0');
            check_parse(&midpoint);
            check_parse(&format!("{trimmed}0000001"));
            // Below 2^53 a midpoint's last digit is 5, and 4 puts it just below (above, the
            // midpoints are integers and this is merely another nearby decimal).
            check_parse(&format!("{}4", &trimmed[..trimmed.len() - 1]));
            check_parse(&format!("{}49999999", &trimmed[..trimmed.len() - 1]));
            // The same value in scientific notation, mantissa digits without a point.
            let (int, frac) = trimmed.split_once('.').unwrap();
            let all = format!("{int}{frac}");
            check_parse(&format!("{all}e-{}", frac.len()));
            check_parse(&format!("-{all}1e-{}", frac.len() + 1));
        }
    }
}
