//! The buffers the speed experiment runs its kernels over: x, the upstream gradient, y and dx,
//! allocated once per run (and refused, not aborted, when the device has not the memory), filled
//! a piece at a time so that no frame waits for sixteen million random numbers, and freed when
//! the run ends.

use rand_core::{Rng, SeedableRng};
use rand_xoshiro::SplitMix64;

use super::{Kernel, SpeedError, SpeedResult};

/// x and the upstream gradient are uniform over these ranges: half of x is negative, in no
/// pattern a branch predictor could learn, and sigmoid and tanh work over their curved part.
const X_RANGE: f32 = 4.0;

/// The four buffers of one run.
#[derive(Debug)]
pub struct Buffers {
    /// The inputs.
    pub x: Vec<f32>,
    /// The upstream gradient.
    pub grad: Vec<f32>,
    /// The outputs.
    pub y: Vec<f32>,
    /// The gradient reaching x.
    pub dx: Vec<f32>,
    elements: usize,
    /// The inputs' random stream.
    rng: SplitMix64,
}

impl Buffers {
    /// Reserves four buffers of `elements` each, empty; [`Buffers::fill`] fills them.
    pub fn new(elements: usize, seed: u64) -> Result<Buffers, SpeedError> {
        let reserve = || {
            let mut buffer: Vec<f32> = Vec::new();
            buffer
                .try_reserve_exact(elements)
                .map_err(|_| SpeedError::OutOfMemory { elements })?;
            Ok(buffer)
        };
        Ok(Buffers {
            x: reserve()?,
            grad: reserve()?,
            y: reserve()?,
            dx: reserve()?,
            elements,
            rng: SplitMix64::seed_from_u64(seed),
        })
    }

    /// Fills up to `most` more elements of every buffer; returns whether they are full.
    pub fn fill(&mut self, most: usize) -> bool {
        let end = (self.x.len() + most).min(self.elements);
        while self.x.len() < end {
            let x = self.uniform() * X_RANGE;
            let grad = self.uniform();
            self.x.push(x);
            self.grad.push(grad);
            self.y.push(0.0);
            self.dx.push(0.0);
        }
        self.ready()
    }

    /// Whether every buffer is full.
    pub fn ready(&self) -> bool {
        self.x.len() == self.elements
    }

    /// The share filled, from 0 to 1.
    pub fn filled(&self) -> f64 {
        if self.elements == 0 {
            1.0
        } else {
            self.x.len() as f64 / self.elements as f64
        }
    }

    /// Runs `kernel` over elements `start..end`, `reps` times.
    pub fn run(&mut self, kernel: Kernel, start: usize, end: usize, reps: u32) -> SpeedResult {
        let len = self.x.len();
        if start > end || end > len {
            return Err(SpeedError::Range { start, end, len });
        }
        let (x, grad) = (&self.x[start..end], &self.grad[start..end]);
        let (y, dx) = (&mut self.y[start..end], &mut self.dx[start..end]);
        for _ in 0..reps {
            kernel.run(x, grad, y, dx)?;
        }
        Ok(())
    }

    /// Uniform over [−1, 1), from SplitMix64.
    fn uniform(&mut self) -> f32 {
        // The top 24 bits: every value a multiple of 2⁻²³, exact in f32.
        (self.rng.next_u64() >> 40) as f32 / (1u64 << 23) as f32 - 1.0
    }
}
