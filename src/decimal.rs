//! Exact conversions between `f64`/`f32` and decimal text, without core's float text code.
//!
//! Core's parser (dec2flt: Eisel–Lemire with about 10 KB of power-of-five tables) and formatter
//! (flt2dec: Grisu with a Dragon fallback) together cost about 25 KB gzip of the page's 120 KB
//! budget. This module replaces both with one small arbitrary-precision integer: every finite
//! float is `m·2^e`, so its exact decimal expansion is the digits of `m·5^-e` (or `m·2^e`),
//! and the exact value of a decimal string `D·10^E` can be divided out to as many bits as
//! rounding needs. The results are the same as std's, character for character and bit for bit
//! (the tests use std as the oracle); only the speed differs: microseconds instead of
//! nanoseconds, which is plenty for UI text.
//!
//! Nothing here calls core's float formatting or parsing, so none of it is linked in.

use core::cmp::Ordering;
use core::iter::repeat_n;

/// Same result as `text.parse::<f64>().ok()` for every string: the same grammar (an optional
/// sign, then `inf`, `infinity` or `nan` in any case, or digits with an optional `.` and an
/// optional exponent `e`/`E` with an optional sign and at least one digit; at least one digit
/// before or after the point; no whitespace, underscores or hex) and the same correctly
/// rounded (half to even) value, including subnormals, overflow to infinity and underflow to
/// zero.
///
/// Like core, exponent digits stop accumulating once the exponent reaches 65536, so an
/// absurd exponent (`1e99999999999999999999`) costs nothing and saturates to infinity or zero.
pub fn parse(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, body) = match bytes.split_first()? {
        (b'-', rest) => (true, rest),
        (b'+', rest) => (false, rest),
        _ => (false, bytes),
    };
    let magnitude = match parse_number(body) {
        Some(number) => number,
        None => parse_special(body)?,
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// Same string as `format!("{v}")`: the shortest digits that read back as `v`, never in
/// exponent notation (`1e300` prints all 301 digits), `-0` for negative zero, and `NaN`,
/// `inf`, `-inf`.
pub fn shortest(v: f64) -> String {
    let (negative, class) = decode_f64(v);
    format_shortest(negative, &class, Notation::Decimal { min_decimals: 0 })
}

/// Same string as `format!("{v}")` for an `f32`: the shortest digits that read back as the
/// same `f32` (so `0.1` prints as `0.1`, not as the `f64` expansion of `0.1f32`).
pub fn shortest_f32(v: f32) -> String {
    let (negative, class) = decode_f32(v);
    format_shortest(negative, &class, Notation::Decimal { min_decimals: 0 })
}

/// Same string as `format!("{v:?}")` for an `f32`: like [`shortest_f32`] but integral values
/// keep a `.0` (`1.0`, `-0.0`), and magnitudes below `1e-4f32` or at least `1e16f32` use
/// exponent notation with the shortest digits (`1e-7`, `1.5e16`, `9.999999e-5`).
pub fn debug_f32(v: f32) -> String {
    let (negative, class) = decode_f32(v);
    let magnitude = v.abs();
    // std's thresholds, compared as f32: `1e-4f32` itself still prints as `0.0001`.
    let notation = if magnitude != 0.0 && !(1e-4..1e16).contains(&magnitude) {
        Notation::Exponent
    } else {
        Notation::Decimal { min_decimals: 1 }
    };
    format_shortest(negative, &class, notation)
}

/// Same string as `format!("{v:.decimals$}")`: the exact binary value rounded half to even at
/// `decimals` places (`fixed(0.125, 2)` is `0.12`, `fixed(2.5, 0)` is `2`), with a `-` for
/// every negative value, even one that rounds to zero (`-0.00`).
///
/// std accepts at most 65535 decimals (beyond that `format!` panics); so that this never
/// panics nor allocates without bound, larger requests are clamped to 65535.
pub fn fixed(v: f64, decimals: usize) -> String {
    let decimals = decimals.min(MAX_DECIMALS);
    let (negative, class) = decode_f64(v);
    let mut out = sign_prefix(negative, &class);
    match class {
        Class::Nan => out.push_str("NaN"),
        Class::Infinite => out.push_str("inf"),
        Class::Zero => push_fixed(&mut out, &[], 0, decimals),
        Class::Finite(d) => {
            let (digits, point) = exact_digits(d.mant, d.exp);
            let keep = i64::from(point).saturating_add(to_i64(decimals));
            let (digits, point) = round_digits(digits, point, keep);
            push_fixed(&mut out, &digits, point, decimals);
        }
    }
    out
}

/// Same string as `format!("{v:.decimals$e}")`: `decimals + 1` significant digits of the
/// exact binary value, rounded half to even (`exponential(1234.5, 3)` is `1.234e3`), then
/// `e` and the exponent without a `+` (`-5.0000e-7`, `0.00e0`).
///
/// std's formatter panics from 65535 decimals on; larger requests are clamped to 65535.
pub fn exponential(v: f64, decimals: usize) -> String {
    let significant = decimals.min(MAX_DECIMALS) + 1;
    let (negative, class) = decode_f64(v);
    let mut out = sign_prefix(negative, &class);
    match class {
        Class::Nan => out.push_str("NaN"),
        Class::Infinite => out.push_str("inf"),
        Class::Zero => push_exponent(&mut out, b"0", 1, significant),
        Class::Finite(d) => {
            let (digits, point) = exact_digits(d.mant, d.exp);
            let (digits, point) = round_digits(digits, point, to_i64(significant));
            push_exponent(&mut out, &digits, point, significant);
        }
    }
    out
}

/// The most decimals std's formatter accepts (its precision is a `u16`).
const MAX_DECIMALS: usize = u16::MAX as usize;

/// Significant digits kept when parsing. Rounding a decimal to a double never needs more than
/// 768 of them (the longest exact midpoint between two doubles has 767), provided a nonzero
/// tail beyond them is remembered as a sticky digit.
const MAX_PARSE_DIGITS: usize = 800;

/// `5^13`, the largest power of five in a `u32` limb multiplier.
const POW5_13: u32 = 1_220_703_125;

/// `10^9`, the largest power of ten in a `u32`: decimal conversion works in 9-digit chunks.
const POW10_9: u32 = 1_000_000_000;

/// A `usize` as `i64`, saturating (only absurd lengths saturate, and those are clamped anyway).
fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// An unsigned arbitrary-precision integer: little-endian base-2^32 limbs, with no zero limb
/// at the top (so zero is the empty vector and comparison can start with the length).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Big {
    /// The limbs, least significant first.
    limbs: Vec<u32>,
}

impl Big {
    /// The integer `v`.
    fn from_u64(v: u64) -> Self {
        let mut big = Big {
            limbs: vec![v as u32, (v >> 32) as u32],
        };
        big.trim();
        big
    }

    /// Drops zero limbs at the top, restoring the invariant.
    fn trim(&mut self) {
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
    }

    /// Whether this is zero.
    fn is_zero(&self) -> bool {
        self.limbs.is_empty()
    }

    /// Number of significant bits (0 for zero).
    fn bit_len(&self) -> u32 {
        match self.limbs.last() {
            Some(top) => (self.limbs.len() as u32 - 1) * 32 + (32 - top.leading_zeros()),
            None => 0,
        }
    }

    /// `self *= factor`.
    fn mul_small(&mut self, factor: u32) {
        let mut carry = 0u64;
        for limb in &mut self.limbs {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry != 0 {
            self.limbs.push(carry as u32);
        }
        self.trim();
    }

    /// `self += addend`.
    fn add_small(&mut self, addend: u32) {
        let mut carry = u64::from(addend);
        for limb in &mut self.limbs {
            if carry == 0 {
                return;
            }
            let sum = u64::from(*limb) + carry;
            *limb = sum as u32;
            carry = sum >> 32;
        }
        if carry != 0 {
            self.limbs.push(carry as u32);
        }
    }

    /// `self *= 5^n`, thirteen fives per pass.
    fn mul_pow5(&mut self, mut n: u32) {
        while n >= 13 {
            self.mul_small(POW5_13);
            n -= 13;
        }
        self.mul_small(5u32.pow(n));
    }

    /// `self *= 10^n`, as `5^n` and then a shift (cheaper than multiplying by tens).
    fn mul_pow10(&mut self, n: u32) {
        self.mul_pow5(n);
        self.shl(n);
    }

    /// `self <<= bits`.
    fn shl(&mut self, bits: u32) {
        if self.is_zero() {
            return;
        }
        let shift = bits % 32;
        if shift != 0 {
            let mut carry = 0u32;
            for limb in &mut self.limbs {
                let wide = (u64::from(*limb) << shift) | u64::from(carry);
                *limb = wide as u32;
                carry = (wide >> 32) as u32;
            }
            if carry != 0 {
                self.limbs.push(carry);
            }
        }
        let whole = (bits / 32) as usize;
        self.limbs.splice(0..0, repeat_n(0, whole));
    }

    /// `self += other`.
    fn add(&mut self, other: &Big) {
        if self.limbs.len() < other.limbs.len() {
            self.limbs.resize(other.limbs.len(), 0);
        }
        let mut carry = 0u64;
        let mut others = other.limbs.iter();
        for limb in &mut self.limbs {
            let sum = u64::from(*limb) + u64::from(others.next().copied().unwrap_or(0)) + carry;
            *limb = sum as u32;
            carry = sum >> 32;
        }
        if carry != 0 {
            self.limbs.push(carry as u32);
        }
    }

    /// `self -= other`, for `other <= self` (callers compare first).
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0u64;
        let mut others = other.limbs.iter();
        for limb in &mut self.limbs {
            let subtrahend = u64::from(others.next().copied().unwrap_or(0)) + borrow;
            let (difference, wrapped) = u64::from(*limb).overflowing_sub(subtrahend);
            *limb = difference as u32;
            borrow = u64::from(wrapped);
        }
        self.trim();
    }

    /// `self + other`, as a new integer.
    fn sum(&self, other: &Big) -> Big {
        let mut total = self.clone();
        total.add(other);
        total
    }

    /// Divides in place by `divisor` (nonzero) and returns the remainder.
    fn div_rem_small(&mut self, divisor: u32) -> u32 {
        let divisor = u64::from(divisor);
        let mut remainder = 0u64;
        for limb in self.limbs.iter_mut().rev() {
            let current = (remainder << 32) | u64::from(*limb);
            *limb = (current / divisor) as u32;
            remainder = current % divisor;
        }
        self.trim();
        remainder as u32
    }

    /// The decimal digits (ASCII, most significant first; empty for zero).
    fn into_decimal(mut self) -> Vec<u8> {
        let mut chunks = Vec::new();
        while !self.is_zero() {
            chunks.push(self.div_rem_small(POW10_9));
        }
        let mut digits = Vec::with_capacity(chunks.len() * 9);
        for chunk in chunks.iter().rev() {
            let mut rest = *chunk;
            let mut chunk_digits = [b'0'; 9];
            for slot in chunk_digits.iter_mut().rev() {
                *slot = b'0' + (rest % 10) as u8;
                rest /= 10;
            }
            digits.extend_from_slice(&chunk_digits);
        }
        let leading_zeros = digits.iter().take_while(|&&d| d == b'0').count();
        digits.drain(..leading_zeros);
        digits
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Self) -> Ordering {
        self.limbs
            .len()
            .cmp(&other.limbs.len())
            .then_with(|| self.limbs.iter().rev().cmp(other.limbs.iter().rev()))
    }
}

/// A finite nonzero float as core's flt2dec decodes it: the value is `mant·2^exp`, and every
/// number strictly between `(mant - minus)·2^exp` and `(mant + plus)·2^exp` (or on those
/// bounds too, when `inclusive`) reads back as this float. Mirroring core's decoding exactly,
/// quirks included, is what makes the shortest digits identical to std's.
#[derive(Clone, Copy, Debug)]
struct Decoded {
    /// The scaled significand.
    mant: u64,
    /// Distance down to the lower bound, in units of `2^exp`.
    minus: u64,
    /// Distance up to the upper bound, in units of `2^exp`.
    plus: u64,
    /// The binary exponent of one unit.
    exp: i32,
    /// Whether the bounds themselves read back as this float (an even significand).
    inclusive: bool,
}

/// What kind of value a float is, for formatting.
#[derive(Clone, Copy, Debug)]
enum Class {
    /// Not a number (printed without a sign).
    Nan,
    /// Positive or negative infinity.
    Infinite,
    /// Positive or negative zero.
    Zero,
    /// Any other value.
    Finite(Decoded),
}

/// Splits an `f64` into its sign and [`Class`].
fn decode_f64(v: f64) -> (bool, Class) {
    decode_bits(v.to_bits(), 52, 11)
}

/// Splits an `f32` into its sign and [`Class`].
fn decode_f32(v: f32) -> (bool, Class) {
    decode_bits(u64::from(v.to_bits()), 23, 8)
}

/// Decodes IEEE-754 binary bits with `sig_bits` stored significand bits and `exp_bits`
/// exponent bits, as core's `flt2dec::decode` does. Two of its quirks matter for matching its
/// output: a subnormal's significand is doubled (so it always counts as even and its interval
/// as inclusive), and every normal power of two, including the smallest normal, gets the
/// narrower lower half-gap of a binade boundary.
fn decode_bits(bits: u64, sig_bits: u32, exp_bits: u32) -> (bool, Class) {
    let negative = (bits >> (sig_bits + exp_bits)) & 1 == 1;
    let exp_all_ones = (1u64 << exp_bits) - 1;
    let biased = (bits >> sig_bits) & exp_all_ones;
    let fraction = bits & ((1u64 << sig_bits) - 1);
    // Bias plus the significand width: the exponent of the significand's last bit is
    // `biased - offset` (1075 for f64, 150 for f32).
    let offset = (exp_all_ones >> 1) as i32 + sig_bits as i32;
    let class = match (biased, fraction) {
        (b, 0) if b == exp_all_ones => Class::Infinite,
        (b, _) if b == exp_all_ones => Class::Nan,
        (0, 0) => Class::Zero,
        (0, f) => Class::Finite(Decoded {
            mant: f << 1,
            minus: 1,
            plus: 1,
            exp: -offset,
            inclusive: true,
        }),
        (b, 0) => Class::Finite(Decoded {
            mant: 1 << (sig_bits + 2),
            minus: 1,
            plus: 2,
            exp: b as i32 - offset - 2,
            inclusive: true,
        }),
        (b, f) => {
            let mant = f | 1 << sig_bits;
            Class::Finite(Decoded {
                mant: mant << 1,
                minus: 1,
                plus: 1,
                exp: b as i32 - offset - 1,
                inclusive: mant & 1 == 0,
            })
        }
    };
    (negative, class)
}

/// The sign std writes: `-` for any negative value except NaN.
fn sign_prefix(negative: bool, class: &Class) -> String {
    match class {
        Class::Nan => String::new(),
        _ if negative => String::from("-"),
        _ => String::new(),
    }
}

/// How [`format_shortest`] lays out the digits.
#[derive(Clone, Copy, Debug)]
enum Notation {
    /// Plain decimal, padded with zeros to at least `min_decimals` places.
    Decimal {
        /// Minimum number of digits after the point (0 omits the point).
        min_decimals: usize,
    },
    /// `d.ddde-x`, as `{:?}` prints tiny and huge values.
    Exponent,
}

/// Formats a decoded float with its shortest round-trip digits.
fn format_shortest(negative: bool, class: &Class, notation: Notation) -> String {
    let mut out = sign_prefix(negative, class);
    match (class, notation) {
        (Class::Nan, _) => out.push_str("NaN"),
        (Class::Infinite, _) => out.push_str("inf"),
        (Class::Zero, Notation::Decimal { min_decimals }) => {
            push_fixed(&mut out, &[], 0, min_decimals);
        }
        (Class::Zero, Notation::Exponent) => out.push_str("0e0"),
        (Class::Finite(d), Notation::Decimal { min_decimals }) => {
            let (digits, point) = shortest_digits(d);
            let needed = to_i64(digits.len()) - i64::from(point);
            let decimals = usize::try_from(needed).unwrap_or(0).max(min_decimals);
            push_fixed(&mut out, &digits, point, decimals);
        }
        (Class::Finite(d), Notation::Exponent) => {
            let (digits, point) = shortest_digits(d);
            push_exponent(&mut out, &digits, point, 0);
        }
    }
    out
}

/// The shortest digits (ASCII) and point position (value ≈ `0.d₁d₂… × 10^point`) that lie
/// within `d`'s rounding interval, chosen exactly as core's `flt2dec::strategy::dragon::
/// format_shortest` (Burger & Dybvig) chooses them, including its tie-break: when both the
/// truncated and the incremented last digit are in the interval, round up iff the remainder
/// is at least half.
fn shortest_digits(d: &Decoded) -> (Vec<u8>, i32) {
    // `a` does not pass bound `b`: `a <= b` when the bounds read back, else `a < b`.
    let within = |a: &Big, b: &Big| if d.inclusive { a <= b } else { a < b };
    let mut k = estimate_scaling_factor(d.mant + d.plus, d.exp);
    // v = mant / scale, low = (mant - minus) / scale, high = (mant + plus) / scale.
    let mut mant = Big::from_u64(d.mant);
    let mut minus = Big::from_u64(d.minus);
    let mut plus = Big::from_u64(d.plus);
    let mut scale = Big::from_u64(1);
    if d.exp < 0 {
        scale.shl(d.exp.unsigned_abs());
    } else {
        for n in [&mut mant, &mut minus, &mut plus] {
            n.shl(d.exp.unsigned_abs());
        }
    }
    // Divide by 10^k, so that scale / 10 < high <= scale * 10.
    if k >= 0 {
        scale.mul_pow10(k.unsigned_abs());
    } else {
        for n in [&mut mant, &mut minus, &mut plus] {
            n.mul_pow10(k.unsigned_abs());
        }
    }
    // The estimate may be one too small: fix it so that scale < high <= scale * 10.
    if within(&scale, &mant.sum(&plus)) {
        k += 1;
    } else {
        for n in [&mut mant, &mut minus, &mut plus] {
            n.mul_small(10);
        }
    }
    // 8, 4, 2 and 1 times scale: four compare-and-subtract steps find each digit.
    let multiples = [3, 2, 1, 0].map(|bits| {
        let mut multiple = scale.clone();
        multiple.shl(bits);
        multiple
    });
    let mut digits = Vec::with_capacity(17);
    let (down, up) = loop {
        // mant / scale < 10 here, so the quotient is the next digit.
        let mut digit = 0u8;
        for (multiple, weight) in multiples.iter().zip([8, 4, 2, 1]) {
            if mant >= *multiple {
                mant.sub(multiple);
                digit += weight;
            }
        }
        digits.push(b'0' + digit);
        // Stop as soon as the digits so far, or them with the last one incremented, are
        // inside the interval; that is the shortest length.
        let down = within(&mant, &minus);
        let up = within(&scale, &mant.sum(&plus));
        if down || up {
            break (down, up);
        }
        for n in [&mut mant, &mut minus, &mut plus] {
            n.mul_small(10);
        }
    };
    let round_up = up
        && (!down || {
            mant.shl(1);
            mant >= scale
        });
    if round_up && increment_digits(&mut digits) {
        // Core keeps the digit count after a carry out of all nines and appends a zero.
        digits.push(b'0');
        k += 1;
    }
    (digits, k)
}

/// Adds one unit in the last place of ASCII `digits`, like core's `flt2dec::round_up`: the
/// digits after the incremented one become zeros, and all nines become `1` and zeros, in which
/// case this returns `true` (the caller adjusts the exponent).
fn increment_digits(digits: &mut [u8]) -> bool {
    let last_not_nine = digits.iter().rposition(|&d| d != b'9');
    let (carry_into, overflowed) = match last_not_nine {
        Some(i) => (i, false),
        None => (0, true),
    };
    for (i, digit) in digits.iter_mut().enumerate().skip(carry_into) {
        *digit = match (i == carry_into, overflowed) {
            (true, true) => b'1',
            (true, false) => *digit + 1,
            (false, _) => b'0',
        };
    }
    overflowed
}

/// Core's estimate `k` of `ceil(log10(mant·2^exp))`, exact or one too small:
/// `1292913986 = floor(2^32·log10(2))`.
fn estimate_scaling_factor(mant: u64, exp: i32) -> i32 {
    let bits = i64::from(64 - mant.saturating_sub(1).leading_zeros());
    (((bits + i64::from(exp)) * 1_292_913_986) >> 32) as i32
}

/// The exact decimal expansion of `mant·2^exp` (nonzero): ASCII digits without trailing
/// zeros, and the point position (value = `0.d₁d₂… × 10^point`).
fn exact_digits(mant: u64, exp: i32) -> (Vec<u8>, i32) {
    let mut big = Big::from_u64(mant);
    // m·2^-n = m·5^n / 10^n: the digits of m·5^n with the point n places from the right.
    let places = if exp < 0 {
        big.mul_pow5(exp.unsigned_abs());
        exp
    } else {
        big.shl(exp.unsigned_abs());
        0
    };
    let mut digits = big.into_decimal();
    let point = digits.len() as i32 + places;
    let significant = digits.len() - digits.iter().rev().take_while(|&&d| d == b'0').count();
    digits.truncate(significant);
    (digits, point)
}

/// Rounds exact digits (value = `0.d₁d₂… × 10^point`, no trailing zeros) to their first `keep`
/// digits, half to even. Returns the new digits (empty when the result is zero) and point.
fn round_digits(mut digits: Vec<u8>, point: i32, keep: i64) -> (Vec<u8>, i32) {
    let Ok(keep) = usize::try_from(keep) else {
        // Everything is beyond the last kept place, and below half of it: zero.
        return (Vec::new(), point);
    };
    let Some(&first_dropped) = digits.get(keep) else {
        // Nothing to drop: the value is exact at this precision.
        return (digits, point);
    };
    // Without trailing zeros, anything after the first dropped digit is nonzero.
    let more_after = digits.len() > keep + 1;
    let last_kept_odd = keep
        .checked_sub(1)
        .and_then(|i| digits.get(i))
        .is_some_and(|d| d % 2 == 1);
    let round_up = first_dropped > b'5' || (first_dropped == b'5' && (more_after || last_kept_odd));
    digits.truncate(keep);
    if !round_up {
        return (digits, point);
    }
    match digits.iter().rposition(|&d| d != b'9') {
        Some(i) => {
            digits.truncate(i + 1);
            if let Some(d) = digits.last_mut() {
                *d += 1;
            }
            (digits, point)
        }
        // All nines (or nothing kept): the result is the next power of ten.
        None => (vec![b'1'], point + 1),
    }
}

/// Appends digits (value = `0.d₁d₂… × 10^point`) in plain decimal with exactly `decimals`
/// places, zero-filling on both sides.
fn push_fixed(out: &mut String, digits: &[u8], point: i32, decimals: usize) {
    // The digit at `index` (0 = first digit, whose place value is 10^(point - 1)).
    let digit_at = |index: i64| {
        usize::try_from(index)
            .ok()
            .and_then(|i| digits.get(i))
            .map_or('0', |&d| char::from(d))
    };
    let point = i64::from(point);
    if point <= 0 {
        out.push('0');
    } else {
        out.extend((0..point).map(digit_at));
    }
    if decimals > 0 {
        out.push('.');
        out.extend((point..point.saturating_add(to_i64(decimals))).map(digit_at));
    }
}

/// Appends nonempty digits (value = `0.d₁d₂… × 10^point`) as `d.ddd` padded with zeros to
/// `min_digits` significant digits, then `e` and the decimal exponent.
fn push_exponent(out: &mut String, digits: &[u8], point: i32, min_digits: usize) {
    let mut chars = digits.iter().map(|&d| char::from(d));
    out.extend(chars.next());
    if digits.len() > 1 || min_digits > 1 {
        out.push('.');
        out.extend(chars);
        out.extend(repeat_n('0', min_digits.saturating_sub(digits.len())));
    }
    out.push('e');
    out.push_str(&(i64::from(point) - 1).to_string());
}

/// Parses the unsigned numeric grammar `digits [. digits] [(e|E) [sign] digits]` (at least
/// one mantissa digit, nothing after) and rounds its exact value to the nearest `f64`.
fn parse_number(s: &[u8]) -> Option<f64> {
    let digit_count = |s: &[u8]| s.iter().take_while(|b| b.is_ascii_digit()).count();
    let (int_part, rest) = s.split_at_checked(digit_count(s))?;
    let (frac_part, rest) = match rest.split_first() {
        Some((b'.', after)) => after.split_at_checked(digit_count(after))?,
        _ => (&[][..], rest),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let exp_number = match rest.split_first() {
        None => 0,
        Some((b'e' | b'E', after)) => parse_exponent(after)?,
        Some(_) => return None,
    };
    // value = (all mantissa digits as one integer) · 10^exp10
    let mut exp10 = exp_number - to_i64(frac_part.len());
    let mut kept = Vec::new();
    let mut sticky = false;
    let significant = int_part.iter().chain(frac_part).skip_while(|&&d| d == b'0');
    for &digit in significant {
        if kept.len() < MAX_PARSE_DIGITS {
            kept.push(digit - b'0');
        } else {
            exp10 += 1;
            sticky |= digit != b'0';
        }
    }
    if sticky {
        // A nonzero tail only matters as "a bit more than the kept digits": one more digit
        // just below them says so without moving past any rounding boundary.
        kept.push(1);
        exp10 -= 1;
    }
    while kept.last() == Some(&0) {
        kept.pop();
        exp10 += 1;
    }
    Some(decimal_to_f64(&kept, exp10))
}

/// The exponent after `e`: `[sign] digits` to the end, saturating as core does (digits stop
/// accumulating once the magnitude reaches 0x10000, far beyond any finite result).
fn parse_exponent(s: &[u8]) -> Option<i64> {
    let (negative, digits) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, s),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let magnitude = digits.iter().fold(0i64, |acc, &d| {
        if acc < 0x10000 {
            acc * 10 + i64::from(d - b'0')
        } else {
            acc
        }
    });
    Some(if negative { -magnitude } else { magnitude })
}

/// `inf`, `infinity` or `nan` in any letter case (the rest of the string, exactly).
fn parse_special(s: &[u8]) -> Option<f64> {
    if s.eq_ignore_ascii_case(b"inf") || s.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if s.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    }
}

/// The `f64` nearest to `D·10^exp10` (ties to even), where `D` is the decimal integer whose
/// digits (values 0–9, no leading or trailing zeros) are `digits`.
fn decimal_to_f64(digits: &[u8], exp10: i64) -> f64 {
    let n = to_i64(digits.len());
    // 10^(n + exp10) bounds the value from above, 10^(n - 1 + exp10) from below.
    if digits.is_empty() || n + exp10 <= -324 {
        // Below 1e-324, under half the smallest subnormal (about 2.47e-324).
        return 0.0;
    }
    if n - 1 + exp10 >= 309 {
        // At least 1e309, beyond f64::MAX plus half an ulp.
        return f64::INFINITY;
    }
    // Now |exp10| <= 324 + MAX_PARSE_DIGITS, so these conversions are exact.
    let exp10 = exp10 as i32;
    let mut num = Big::from_u64(0);
    for chunk in digits.chunks(9) {
        num.mul_small(10u32.pow(chunk.len() as u32));
        num.add_small(chunk.iter().fold(0, |acc, &d| acc * 10 + u32::from(d)));
    }
    // value = num / den · 2^exp2 (10^e = 5^e · 2^e).
    let mut den = Big::from_u64(1);
    if exp10 >= 0 {
        num.mul_pow5(exp10.unsigned_abs());
    } else {
        den.mul_pow5(exp10.unsigned_abs());
    }
    let mut exp2 = exp10;
    // Align bit lengths so that num / den lies in (1/2, 2).
    let (num_bits, den_bits) = (num.bit_len(), den.bit_len());
    if num_bits < den_bits {
        num.shl(den_bits - num_bits);
        exp2 -= (den_bits - num_bits) as i32;
    } else {
        den.shl(num_bits - den_bits);
        exp2 += (num_bits - den_bits) as i32;
    }
    // Long division for 56 quotient bits: q = floor(num / den · 2^55), in [2^54, 2^56),
    // enough for 53 bits plus a rounding bit; the remainder is the sticky bit.
    let mut quotient = 0u64;
    for _ in 0..56 {
        quotient <<= 1;
        if num >= den {
            num.sub(&den);
            quotient |= 1;
        }
        num.shl(1);
    }
    round_to_f64(quotient, exp2 - 55, !num.is_zero())
}

/// Rounds `(q + f)·2^exp` to the nearest `f64`, ties to even, where `q` is in `[2^54, 2^56)`
/// and the fraction `f` in `[0, 1)` is nonzero exactly when `sticky`. Handles subnormal
/// results (fewer significant bits), underflow to zero and overflow to infinity.
fn round_to_f64(q: u64, exp: i32, sticky: bool) -> f64 {
    let q_bits = 64 - q.leading_zeros() as i32;
    // Keep 53 bits, or fewer if that would put the last bit below 2^-1074.
    let drop = (q_bits - 53).max(-1074 - exp);
    if drop >= 64 {
        // q < 2^56 is below half of the last place: rounds to zero.
        return 0.0;
    }
    let drop = drop as u32;
    let dropped = q & ((1u64 << drop) - 1);
    let half = 1u64 << (drop - 1);
    let mut m = q >> drop;
    if dropped > half || (dropped == half && (sticky || m & 1 == 1)) {
        m += 1;
    }
    let mut last_bit_exp = exp + drop as i32;
    if m == 1 << 53 {
        m >>= 1;
        last_bit_exp += 1;
    }
    // Now m·2^last_bit_exp with m < 2^53, and m >= 2^52 unless last_bit_exp is -1074; then the
    // bits are exactly `(last_bit_exp + 1074) << 52` plus m (the implicit bit bumps the
    // exponent field by one), which also covers subnormals and the step into normals.
    let field = i64::from(last_bit_exp) + 1074;
    if field >= 2046 {
        return f64::INFINITY;
    }
    f64::from_bits(((field as u64) << 52) + m)
}
