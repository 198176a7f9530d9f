//! Two `f64` lanes: a WebAssembly SIMD `v128` on wasm32, `[f64; 2]` elsewhere, doing the same
//! exactly rounded operations, so that a kernel written in [`Pair`]s gives the same bits on
//! every platform (and the native tests check the page's vector code lane for lane).

#[cfg(target_arch = "wasm32")]
use core::arch::wasm32::{
    f64x2_add, f64x2_div, f64x2_mul, f64x2_splat, f64x2_sub, f64x2_trunc,
    i32x4_trunc_sat_f64x2_zero, i64x2_add, i64x2_extend_low_i32x4, i64x2_gt, i64x2_lt, i64x2_shl,
    i64x2_splat, u64x2_shr, u64x2_splat, v128, v128_and, v128_bitselect, v128_not,
};

/// Two `f64`s.
#[derive(Clone, Copy)]
pub(crate) struct Pair(
    #[cfg(target_arch = "wasm32")] v128,
    #[cfg(not(target_arch = "wasm32"))] [f64; 2],
);

/// A lane-wise condition on [`Pair`]s, which [`PairMask::select`] acts on.
#[derive(Clone, Copy)]
pub(crate) struct PairMask(
    #[cfg(target_arch = "wasm32")] v128,
    #[cfg(not(target_arch = "wasm32"))] [bool; 2],
);

#[cfg(target_arch = "wasm32")]
impl Pair {
    /// The pair in a `v128`.
    #[inline(always)]
    pub(crate) fn from_v128(value: v128) -> Pair {
        Pair(value)
    }

    /// The `v128` holding the pair.
    #[inline(always)]
    pub(crate) fn to_v128(self) -> v128 {
        self.0
    }

    /// Both lanes `value`.
    #[inline(always)]
    pub(crate) fn splat(value: f64) -> Pair {
        Pair(f64x2_splat(value))
    }

    /// Each lane rounded toward zero to a whole number.
    #[inline(always)]
    pub(crate) fn trunc(self) -> Pair {
        Pair(f64x2_trunc(self.0))
    }

    /// Where the high 32 bits of a lane's magnitude, read as an unsigned number, exceed
    /// `word`: the tests fdlibm's functions make on `hx`.
    #[inline(always)]
    pub(crate) fn high_word_above(self, word: u32) -> PairMask {
        let magnitude = v128_and(self.0, u64x2_splat(!(1 << 63)));
        // Both sides are below 2^31, so the signed comparison is the unsigned one.
        PairMask(i64x2_gt(
            u64x2_shr(magnitude, 32),
            i64x2_splat(i64::from(word)),
        ))
    }

    /// Where a lane's sign bit is set (−0 included).
    #[inline(always)]
    pub(crate) fn sign_set(self) -> PairMask {
        PairMask(i64x2_lt(self.0, i64x2_splat(0)))
    }

    /// Each lane times 2^k, for k the whole number from −1022 to 1023 in the same lane of
    /// `k`: one multiplication by a power of two built from its bits, which is exact whenever
    /// the product is a normal number (what `libm::scalbn` returns there).
    #[inline(always)]
    pub(crate) fn times_two_to(self, k: Pair) -> Pair {
        let k = i64x2_extend_low_i32x4(i32x4_trunc_sat_f64x2_zero(k.0));
        Pair(f64x2_mul(
            self.0,
            i64x2_shl(i64x2_add(k, i64x2_splat(1023)), 52),
        ))
    }
}

#[cfg(target_arch = "wasm32")]
impl PairMask {
    /// In each lane, `if_set` where the condition holds and `otherwise` elsewhere.
    #[inline(always)]
    pub(crate) fn select(self, if_set: Pair, otherwise: Pair) -> Pair {
        Pair(v128_bitselect(if_set.0, otherwise.0, self.0))
    }

    /// The opposite condition.
    #[inline(always)]
    pub(crate) fn not(self) -> PairMask {
        PairMask(v128_not(self.0))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Pair {
    /// The pair of `lanes`.
    #[inline(always)]
    pub(crate) fn from_lanes(lanes: [f64; 2]) -> Pair {
        Pair(lanes)
    }

    /// Both lanes `value`.
    #[inline(always)]
    pub(crate) fn splat(value: f64) -> Pair {
        Pair([value; 2])
    }

    /// The lanes as an array.
    #[inline(always)]
    pub(crate) fn lanes(self) -> [f64; 2] {
        self.0
    }

    /// Each lane rounded toward zero to a whole number.
    #[inline(always)]
    pub(crate) fn trunc(self) -> Pair {
        Pair(self.0.map(f64::trunc))
    }

    /// Where the high 32 bits of a lane's magnitude, read as an unsigned number, exceed
    /// `word`: the tests fdlibm's functions make on `hx`.
    #[inline(always)]
    pub(crate) fn high_word_above(self, word: u32) -> PairMask {
        PairMask(self.0.map(|v| (v.abs().to_bits() >> 32) as u32 > word))
    }

    /// Where a lane's sign bit is set (−0 included).
    #[inline(always)]
    pub(crate) fn sign_set(self) -> PairMask {
        PairMask(self.0.map(f64::is_sign_negative))
    }

    /// Each lane times 2^k, for k the whole number from −1022 to 1023 in the same lane of
    /// `k`: one multiplication by a power of two built from its bits.
    #[inline(always)]
    pub(crate) fn times_two_to(self, k: Pair) -> Pair {
        let [a, b] = self.0;
        let [ka, kb] =
            k.0.map(|k| f64::from_bits(((k as i64 + 1023) as u64) << 52));
        Pair([a * ka, b * kb])
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl PairMask {
    /// In each lane, `if_set` where the condition holds and `otherwise` elsewhere.
    #[inline(always)]
    pub(crate) fn select(self, if_set: Pair, otherwise: Pair) -> Pair {
        let [a, b] = self.0;
        Pair([
            if a { if_set.0[0] } else { otherwise.0[0] },
            if b { if_set.0[1] } else { otherwise.0[1] },
        ])
    }

    /// The opposite condition.
    #[inline(always)]
    pub(crate) fn not(self) -> PairMask {
        PairMask(self.0.map(|set| !set))
    }
}

/// A lane-wise arithmetic operator, exactly rounded in each lane as its scalar twin is.
macro_rules! lane_wise {
    ($trait:ident, $method:ident, $simd:ident, $op:tt) => {
        impl std::ops::$trait for Pair {
            type Output = Pair;

            #[inline(always)]
            fn $method(self, other: Pair) -> Pair {
                #[cfg(target_arch = "wasm32")]
                return Pair($simd(self.0, other.0));
                #[cfg(not(target_arch = "wasm32"))]
                Pair([self.0[0] $op other.0[0], self.0[1] $op other.0[1]])
            }
        }
    };
}

lane_wise!(Add, add, f64x2_add, +);
lane_wise!(Sub, sub, f64x2_sub, -);
lane_wise!(Mul, mul, f64x2_mul, *);
lane_wise!(Div, div, f64x2_div, /);
