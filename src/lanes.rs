//! Four elements at a time: the vector types the network's kernels (`mlp`) and the whole-buffer
//! activation kernels (`elementwise`) are written in.
//!
//! The release build is optimised for size (`opt-level = "z"`), at which LLVM neither unrolls
//! nor vectorises, so a loop over the samples runs one `f32` at a time unless it is written in
//! vectors. On wasm32 a [`Quad`] is a WebAssembly SIMD `v128` holding four `f32` lanes (the
//! target is built with `+simd128`, see .cargo/config.toml); everywhere else it is a
//! `[f32; 4]` doing the same operations lane by lane. Every operation here is element-wise and
//! exactly rounded (no fused multiply-add), so both give the same bits for every input, and a
//! kernel written once in `Quad`s computes the same network on every platform.
//!
//! The one thing vectors change is the order of a sum over the samples: see [`Quad::total`].
//!
//! Sigmoid and tanh are computed in `f64` and rounded once to `f32` (see `activation`); their
//! kernels widen a [`Quad`] to two [`Pair`]s of `f64` lanes for that.

mod pair;

pub(crate) use pair::Pair;

#[cfg(target_arch = "wasm32")]
use core::arch::wasm32::{
    f32x4_abs, f32x4_add, f32x4_demote_f64x2_zero, f32x4_extract_lane, f32x4_gt, f32x4_le,
    f32x4_mul, f32x4_neg, f32x4_pmax, f32x4_splat, f32x4_sub, f64x2_promote_low_f32x4,
    i32x4_all_true, i32x4_eq, i32x4_shuffle, v128, v128_andnot, v128_bitselect, v128_load,
    v128_store,
};

/// Samples per [`Quad`].
pub(crate) const LANES: usize = 4;

/// Four `f32`s, lane l holding sample 4k + l of a row of scratch.
#[derive(Clone, Copy)]
pub(crate) struct Quad(
    #[cfg(target_arch = "wasm32")] v128,
    #[cfg(not(target_arch = "wasm32"))] [f32; LANES],
);

#[cfg(target_arch = "wasm32")]
impl Quad {
    /// Every lane `value`.
    #[inline(always)]
    pub(crate) fn splat(value: f32) -> Quad {
        Quad(f32x4_splat(value))
    }

    /// The four values of `from`.
    #[inline(always)]
    pub(crate) fn load(from: &[f32; LANES]) -> Quad {
        // SAFETY: `from` is a reference to 16 initialised bytes, and v128.load has no alignment
        // requirement.
        Quad(unsafe { v128_load(from.as_ptr().cast()) })
    }

    /// Writes the four lanes to `to`.
    #[inline(always)]
    pub(crate) fn store(self, to: &mut [f32; LANES]) {
        // SAFETY: `to` is a unique reference to 16 writable bytes, and v128.store has no
        // alignment requirement.
        unsafe { v128_store(to.as_mut_ptr().cast(), self.0) }
    }

    /// The lanes as an array.
    #[inline(always)]
    pub(crate) fn lanes(self) -> [f32; LANES] {
        [
            f32x4_extract_lane::<0>(self.0),
            f32x4_extract_lane::<1>(self.0),
            f32x4_extract_lane::<2>(self.0),
            f32x4_extract_lane::<3>(self.0),
        ]
    }

    /// `activation::relu` in each lane: `f32x4.pmax(x, +0)`.
    ///
    /// The WebAssembly spec defines `f32x4.pmax(a, b)` lane-wise as `a < b ? b : a` (the
    /// "pseudo-maximum"; `f32x4.max` instead makes NaN canonical and orders −0 below +0). With
    /// b = +0 that is `x < 0 ? +0 : x`, PyTorch's `clamp_min(x, 0)` as written: a NaN (NaN < 0
    /// is false) and −0 (−0 < 0 is false) keep their own bits, and every negative x, −inf
    /// included, gives +0. The optimised build lowers it to `f32x4.lt` and `v128.andnot`, the
    /// same selection; the debug build the browser tests run executes `f32x4.pmax` itself.
    #[inline(always)]
    pub(crate) fn relu(self) -> Quad {
        Quad(f32x4_pmax(self.0, f32x4_splat(0.0)))
    }

    /// Whether every lane's magnitude is at most `limit` (false where a lane is NaN).
    #[inline(always)]
    pub(crate) fn all_within(self, limit: f32) -> bool {
        i32x4_all_true(f32x4_le(f32x4_abs(self.0), f32x4_splat(limit)))
    }

    /// The lanes widened to `f64` (exactly): lanes 0 and 1, then lanes 2 and 3.
    #[inline(always)]
    pub(crate) fn widen(self) -> (Pair, Pair) {
        let high = i32x4_shuffle::<2, 3, 2, 3>(self.0, self.0);
        (
            Pair::from_v128(f64x2_promote_low_f32x4(self.0)),
            Pair::from_v128(f64x2_promote_low_f32x4(high)),
        )
    }

    /// Four `f64` lanes, each rounded once to the nearest `f32` (as `as f32` rounds).
    ///
    /// Two `f32x4.demote_f64x2_zero` and a shuffle of their low halves. LLVM would merge the
    /// three into one conversion of four lanes, which WebAssembly lacks and LLVM then takes a
    /// lane at a time (four extractions, conversions and insertions); `black_box` keeps the two
    /// conversions apart, for a store and a load of each on the stack.
    #[inline(always)]
    pub(crate) fn narrow(low: Pair, high: Pair) -> Quad {
        let low = core::hint::black_box(f32x4_demote_f64x2_zero(low.to_v128()));
        let high = core::hint::black_box(f32x4_demote_f64x2_zero(high.to_v128()));
        Quad(i32x4_shuffle::<0, 1, 4, 5>(low, high))
    }

    /// Whether every lane holds the same bits as `other`'s.
    #[inline(always)]
    pub(crate) fn same_bits(self, other: Quad) -> bool {
        i32x4_all_true(i32x4_eq(self.0, other.0))
    }

    /// `activation::relu_backward(z, self)` in each lane: `z <= 0 ? +0 : self`, a selection, so
    /// that a unit that is off gets +0 even from a NaN or infinite gradient.
    #[inline(always)]
    pub(crate) fn unless_off(self, z: Quad) -> Quad {
        Quad(v128_andnot(self.0, f32x4_le(z.0, f32x4_splat(0.0))))
    }

    /// In each lane, `self` where `z > 0` and `otherwise` elsewhere (NaN included): the choice
    /// of Leaky ReLU's forward and backward.
    #[inline(always)]
    pub(crate) fn where_positive(self, z: Quad, otherwise: Quad) -> Quad {
        Quad(v128_bitselect(
            self.0,
            otherwise.0,
            f32x4_gt(z.0, f32x4_splat(0.0)),
        ))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Quad {
    /// Every lane `value`.
    #[inline(always)]
    pub(crate) fn splat(value: f32) -> Quad {
        Quad([value; LANES])
    }

    /// The four values of `from`.
    #[inline(always)]
    pub(crate) fn load(from: &[f32; LANES]) -> Quad {
        Quad(*from)
    }

    /// Writes the four lanes to `to`.
    #[inline(always)]
    pub(crate) fn store(self, to: &mut [f32; LANES]) {
        *to = self.0;
    }

    /// The lanes as an array.
    #[inline(always)]
    pub(crate) fn lanes(self) -> [f32; LANES] {
        self.0
    }

    /// `activation::relu` in each lane: `x < 0 ? +0 : x`, so that NaN and −0 pass unchanged.
    #[inline(always)]
    pub(crate) fn relu(self) -> Quad {
        Quad(self.0.map(crate::activation::relu))
    }

    /// Whether every lane's magnitude is at most `limit` (false where a lane is NaN).
    #[inline(always)]
    pub(crate) fn all_within(self, limit: f32) -> bool {
        self.0.iter().all(|v| v.abs() <= limit)
    }

    /// The lanes widened to `f64` (exactly): lanes 0 and 1, then lanes 2 and 3.
    #[inline(always)]
    pub(crate) fn widen(self) -> (Pair, Pair) {
        let [l0, l1, l2, l3] = self.0.map(f64::from);
        (Pair::from_lanes([l0, l1]), Pair::from_lanes([l2, l3]))
    }

    /// Four `f64` lanes, each rounded once to the nearest `f32`.
    #[inline(always)]
    pub(crate) fn narrow(low: Pair, high: Pair) -> Quad {
        let ([l0, l1], [l2, l3]) = (low.lanes(), high.lanes());
        Quad([l0, l1, l2, l3].map(|v| v as f32))
    }

    /// Whether every lane holds the same bits as `other`'s.
    #[inline(always)]
    pub(crate) fn same_bits(self, other: Quad) -> bool {
        self.0.map(f32::to_bits) == other.0.map(f32::to_bits)
    }

    /// `activation::relu_backward(z, self)` in each lane: `z <= 0 ? +0 : self`.
    #[inline(always)]
    pub(crate) fn unless_off(self, z: Quad) -> Quad {
        let mut out = self.0;
        for (out, z) in out.iter_mut().zip(z.0) {
            *out = crate::activation::relu_backward(z, *out);
        }
        Quad(out)
    }

    /// In each lane, `self` where `z > 0` and `otherwise` elsewhere (NaN included).
    #[inline(always)]
    pub(crate) fn where_positive(self, z: Quad, otherwise: Quad) -> Quad {
        let mut out = self.0;
        for ((out, z), otherwise) in out.iter_mut().zip(z.0).zip(otherwise.0) {
            *out = if z > 0.0 { *out } else { otherwise };
        }
        Quad(out)
    }
}

impl Quad {
    /// `f` applied to each lane, one at a time: the scalar way, for the rare quad a vector
    /// kernel leaves to the scalar functions.
    #[inline(always)]
    pub(crate) fn map(self, f: impl Fn(f32) -> f32) -> Quad {
        Quad::load(&self.lanes().map(f))
    }

    /// The sum the network's kernels give over a row of samples, from lane sums: each lane
    /// has added its samples (sample s in lane s mod 4, a short row's missing samples as +0)
    /// in order to +0, and the lanes are added as (l0 + l1) + (l2 + l3).
    ///
    /// A padding +0 changes no lane sum: a sum that starts at +0 is never −0 in
    /// round-to-nearest (x + y is −0 only when both are), and x + (+0) is x for every other x.
    /// So a row of +0 and −0 terms (a dead unit's) sums to exactly +0, as in index order.
    #[inline(always)]
    pub(crate) fn total(self) -> f32 {
        let [l0, l1, l2, l3] = self.lanes();
        (l0 + l1) + (l2 + l3)
    }
}

impl std::ops::Add for Quad {
    type Output = Quad;

    #[inline(always)]
    fn add(self, other: Quad) -> Quad {
        #[cfg(target_arch = "wasm32")]
        return Quad(f32x4_add(self.0, other.0));
        #[cfg(not(target_arch = "wasm32"))]
        {
            let mut out = self.0;
            for (out, other) in out.iter_mut().zip(other.0) {
                *out += other;
            }
            Quad(out)
        }
    }
}

impl std::ops::Neg for Quad {
    type Output = Quad;

    /// Each lane with its sign bit flipped, as `-x` flips a scalar's (NaN included).
    #[inline(always)]
    fn neg(self) -> Quad {
        #[cfg(target_arch = "wasm32")]
        return Quad(f32x4_neg(self.0));
        #[cfg(not(target_arch = "wasm32"))]
        Quad(self.0.map(|v| -v))
    }
}

impl std::ops::Sub for Quad {
    type Output = Quad;

    #[inline(always)]
    fn sub(self, other: Quad) -> Quad {
        #[cfg(target_arch = "wasm32")]
        return Quad(f32x4_sub(self.0, other.0));
        #[cfg(not(target_arch = "wasm32"))]
        {
            let mut out = self.0;
            for (out, other) in out.iter_mut().zip(other.0) {
                *out -= other;
            }
            Quad(out)
        }
    }
}

impl std::ops::Mul for Quad {
    type Output = Quad;

    #[inline(always)]
    fn mul(self, other: Quad) -> Quad {
        #[cfg(target_arch = "wasm32")]
        return Quad(f32x4_mul(self.0, other.0));
        #[cfg(not(target_arch = "wasm32"))]
        {
            let mut out = self.0;
            for (out, other) in out.iter_mut().zip(other.0) {
                *out *= other;
            }
            Quad(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::{relu, relu_backward, Activation};

    #[test]
    fn a_row_of_signed_zeros_totals_plus_zero() {
        let mut sums = Quad::splat(0.0);
        for _ in 0..5 {
            sums = sums + Quad::load(&[-0.0, 0.0, -0.0, -0.0]) * Quad::splat(3.0);
        }
        // A short row's last two samples, then its padding.
        let tail = Quad::load(&[-0.0, -0.0, 0.0, 0.0]) * Quad::load(&[1.0, -1.0, 0.0, 0.0]);
        assert_eq!((sums + tail).total().to_bits(), 0);
    }

    #[test]
    fn lanes_are_summed_in_pairs() {
        // (1e8 + 1) + (−1e8 + 1) is 0 in f32, where a running sum would give 1.
        let sums = Quad::load(&[1e8, 1.0, -1e8, 1.0]);
        assert_eq!(sums.total(), 0.0);
        let sums = Quad::load(&[1e8, -1e8, 1.0, 1.0]);
        assert_eq!(sums.total(), 2.0);
    }

    #[test]
    fn the_selections_keep_torchs_bits() {
        let special = [
            0.0,
            -0.0,
            1.5,
            -1.5,
            f32::NAN,
            -f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
        ];
        let leaky = Activation::LeakyRelu(0.01);
        for values in special.chunks_exact(LANES) {
            let z = Quad::load(&[values[0], values[1], values[2], values[3]]);
            let off = Quad::splat(f32::NAN).unless_off(z).lanes();
            let forward = z.where_positive(z, z * Quad::splat(0.01)).lanes();
            for (l, &v) in values.iter().enumerate() {
                assert_eq!(z.relu().lanes()[l].to_bits(), relu(v).to_bits(), "{v}");
                let expected = relu_backward(v, f32::NAN);
                assert_eq!(off[l].is_nan(), expected.is_nan(), "{v}");
                if !expected.is_nan() {
                    assert_eq!(off[l].to_bits(), expected.to_bits(), "{v}");
                }
                assert_eq!(forward[l].to_bits(), leaky.forward(v).to_bits(), "{v}");
            }
        }
    }
}
