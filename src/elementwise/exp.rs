//! `libm::exp`, two lanes at a time, for sigmoid's kernel.
//!
//! WebAssembly has no vector exponential, and `libm` has no vector functions. This is libm's own
//! algorithm (fdlibm's `e_exp.c`: reduce x to r = x − k·ln 2, a rational approximation of e^r,
//! scale by 2^k) written in [`Pair`]s: every branch it takes on the high word of |x| becomes a
//! lane-wise selection between the branches' values, and every operation is the scalar code's,
//! in its order, exactly rounded. So each lane gives `libm::exp`'s bits, which is what the page
//! computes everywhere else (`activation::sigmoid`); the tests check it lane for lane.

use crate::lanes::Pair;

// libm's constants, by their bits (as its source gives them beside the decimals).
const LN2HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
const INVLN2: f64 = f64::from_bits(0x3ff7_1547_652b_82fe);
const P1: f64 = f64::from_bits(0x3fc5_5555_5555_553e);
const P2: f64 = f64::from_bits(0xbf66_c16c_16be_bd93);
const P3: f64 = f64::from_bits(0x3f11_566a_af25_de2c);
const P4: f64 = f64::from_bits(0xbebb_bd41_c5d2_6bf1);
const P5: f64 = f64::from_bits(0x3e66_3769_72be_a4d0);

/// The largest |x| this kernel takes: below libm's first special case (|x| ≥ 708.39, where it
/// may overflow or underflow), so that every lane's result is a normal number.
pub(super) const LIMIT: f64 = 708.0;

/// e^x in each lane, bit for bit `libm::exp`, for |x| ≤ [`LIMIT`] (the caller checks).
#[inline(always)]
pub(super) fn exp(x: Pair) -> Pair {
    let one = Pair::splat(1.0);
    let negative = x.negative();
    // |x| > 0.5 ln 2: reduce by k = ±1 below 1.5 ln 2, by k = round(x / ln 2) above.
    let reduced = x.high_word_above(0x3fd6_2e42);
    let far = x.high_word_above(0x3ff0_a2b1);
    // |x| ≤ 2^−28: libm returns 1 + x.
    let tiny = x.high_word_above(0x3e30_0000).not();

    let half = negative.select(Pair::splat(-0.5), Pair::splat(0.5));
    let rounded = (Pair::splat(INVLN2) * x + half).trunc();
    let unit = negative.select(Pair::splat(-1.0), one);
    // k = 0 between 2^−28 and 0.5 ln 2, where libm takes hi = x and lo = 0: with k = 0 the
    // lines below give exactly that (x − 0·LN2HI is x, −0 included; 0·LN2LO is +0).
    let k = reduced.select(far.select(rounded, unit), Pair::splat(0.0));
    let hi = x - k * Pair::splat(LN2HI);
    let lo = k * Pair::splat(LN2LO);
    let r = hi - lo;

    let rr = r * r;
    let series = Pair::splat(P4) + rr * Pair::splat(P5);
    let series = Pair::splat(P3) + rr * series;
    let series = Pair::splat(P2) + rr * series;
    let series = Pair::splat(P1) + rr * series;
    let c = r - rr * series;
    let y = one + (r * c / (Pair::splat(2.0) - c) - lo + hi);
    // libm scales by 2^k only where k ≠ 0; times 2^0 is exact, so every lane may.
    tiny.select(one + x, y.times_two_to(k))
}

/// Natively, where a [`Pair`] is two `f64`s to compare with libm's one at a time (the browser
/// tests check the SIMD lanes through sigmoid).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Every branch's edge and inside, both signs.
    #[test]
    fn every_lane_is_libms_exp() {
        let mut values = vec![
            0.0, -0.0, 1e-300, 3.7e-9, 7.45e-9, 0.1, 0.346, 0.3466, 0.347, 0.5,
        ];
        values.extend([
            1.0, 1.0397, 1.04, 2.0, 10.0, 88.0, 88.7, 300.0, 707.9, LIMIT,
        ]);
        // The branches' thresholds on the high word, and one bit either side.
        for word in [0x3e30_0000_u64, 0x3fd6_2e42, 0x3ff0_a2b2] {
            for bits in [
                (word << 32) - 1,
                word << 32,
                (word << 32) | 0xffff_ffff,
                (word + 1) << 32,
            ] {
                values.push(f64::from_bits(bits));
            }
        }
        // A dense sweep, with the low bits of each step scrambled.
        values.extend((0..200_000).map(|i| f64::from(i) * 0.003_54 + f64::from(i % 97) * 1e-17));
        let values: Vec<f64> = values.iter().flat_map(|&v| [v, -v]).collect();
        for pair in values.chunks_exact(2) {
            let lanes = exp(Pair::from_lanes([pair[0], pair[1]])).lanes();
            for (x, got) in pair.iter().zip(lanes) {
                assert_eq!(got.to_bits(), libm::exp(*x).to_bits(), "exp({x:e})");
            }
        }
    }
}
