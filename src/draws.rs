//! Seeded random draws for the core: the network's initialisation and the experiments' samples.
//! One generator (PCG32, `rand_pcg`) for all, so that a seed means the same numbers everywhere.

use rand_core::{Rng, SeedableRng};
use rand_pcg::Pcg32;

/// Uniform and standard normal `f64`s from PCG32, seeded: the same seed gives the same draws
/// natively and in wasm.
pub struct Draws {
    rng: Pcg32,
    /// The polar method makes normals in pairs; the second waits here.
    spare: Option<f64>,
}

impl Draws {
    /// A generator seeded by `seed`.
    pub fn new(seed: u64) -> Draws {
        Draws {
            rng: Pcg32::seed_from_u64(seed),
            spare: None,
        }
    }

    /// Uniform on [0, 1): 53 random bits, exactly representable.
    pub fn unit(&mut self) -> f64 {
        (self.rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A standard normal by Marsaglia's polar method (Box–Muller without the sine and cosine):
    /// a point uniform in the unit disc, scaled by √(−2 ln s / s). `rand_distr`'s ziggurat
    /// tables would cost the page several kilobytes of wasm; this costs one logarithm.
    ///
    /// A try lands in the disc with chance π/4, so [`POLAR_TRIES`] misses in a row have a
    /// chance below 10⁻⁶⁰⁰; the count is capped there (and the draw is then 0) so that no seed
    /// can keep the loop going.
    pub fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        for _ in 0..POLAR_TRIES {
            let u = 2.0 * self.unit() - 1.0;
            let v = 2.0 * self.unit() - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                let scale = (-2.0 * crate::math::log(s) / s).sqrt();
                self.spare = Some(v * scale);
                return u * scale;
            }
        }
        0.0
    }
}

/// The most tries [`Draws::normal`] makes for one pair of normals.
const POLAR_TRIES: u32 = 1000;
