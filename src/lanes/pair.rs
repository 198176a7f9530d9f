//! Two `f64` lanes: a WebAssembly SIMD `v128` on wasm32, `[f64; 2]` elsewhere, doing the same
//! exactly rounded operations, so that a kernel written in [`Pair`]s gives the same bits on
//! every platform (and the native tests check the page's vector code lane for lane).

#[cfg(target_arch = "wasm32")]
use core::arch::wasm32::{
    f64x2_abs, f64x2_add, f64x2_div, f64x2_ge, f64x2_lt, f64x2_mul, f64x2_splat, f64x2_sub,
    f64x2_trunc, i64x2_shl, v128, v128_bitselect, v128_not,
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
    /// `word`: the tests fdlibm's functions make on `hx`, for lanes that are not NaN.
    ///
    /// Taken as a float comparison, |x| ≥ the smallest number whose high word is `word + 1`,
    /// which is the same test for every number: LLVM turns an integer comparison of the high
    /// words into an unsigned one, which WebAssembly SIMD lacks, and then takes the lanes one
    /// at a time.
    #[inline(always)]
    pub(crate) fn high_word_above(self, word: u32) -> PairMask {
        PairMask(f64x2_ge(f64x2_abs(self.0), f64x2_splat(above(word))))
    }

    /// Where a lane is below 0 (−0 is not).
    #[inline(always)]
    pub(crate) fn negative(self) -> PairMask {
        PairMask(f64x2_lt(self.0, f64x2_splat(0.0)))
    }

    /// Each lane times 2^k, for k the whole number from −1022 to 1023 in the same lane of
    /// `k`: one multiplication by a power of two, which is exact whenever the product is a
    /// normal number (what `libm::scalbn` returns there).
    ///
    /// The power's bits are k + 1023 shifted into the exponent field. k + 1023 + 2^52 holds
    /// them as its lowest bits (an `f64` from 2^52 to 2^53 is an integer in its mantissa), and
    /// the shift pushes its own exponent out: one addition, where a conversion to integers is
    /// one more thing LLVM takes a lane at a time.
    #[inline(always)]
    pub(crate) fn times_two_to(self, k: Pair) -> Pair {
        let biased = f64x2_add(k.0, f64x2_splat(1023.0 + TWO_TO_52));
        Pair(f64x2_mul(self.0, i64x2_shl(biased, 52)))
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
    /// `word`: the tests fdlibm's functions make on `hx`, for lanes that are not NaN (as a
    /// float comparison, as the page makes it).
    #[inline(always)]
    pub(crate) fn high_word_above(self, word: u32) -> PairMask {
        PairMask(self.0.map(|v| v.abs() >= above(word)))
    }

    /// Where a lane is below 0 (−0 is not).
    #[inline(always)]
    pub(crate) fn negative(self) -> PairMask {
        PairMask(self.0.map(|v| v < 0.0))
    }

    /// Each lane times 2^k, for k the whole number from −1022 to 1023 in the same lane of
    /// `k`: one multiplication by a power of two, built as the page builds it.
    #[inline(always)]
    pub(crate) fn times_two_to(self, k: Pair) -> Pair {
        let power = |k: f64| f64::from_bits((k + 1023.0 + TWO_TO_52).to_bits() << 52);
        Pair([self.0[0] * power(k.0[0]), self.0[1] * power(k.0[1])])
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

/// 2^52: from here to 2^53 an `f64`'s mantissa holds an integer exactly.
const TWO_TO_52: f64 = 4_503_599_627_370_496.0;

/// The smallest non-negative `f64` whose high 32 bits exceed `word`.
const fn above(word: u32) -> f64 {
    f64::from_bits(((word as u64) + 1) << 32)
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
