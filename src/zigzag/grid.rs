//! The loss over a rectangle of weight space, for contours.

use super::{Dataset, ZigzagError, MAX_RESOLUTION};

impl Dataset {
    /// The loss at every point of a `resolution` × `resolution` grid over `window`, for contours.
    ///
    /// Computed from the dataset's moments (the loss is a quadratic in w), so a point costs a few
    /// operations however many examples there are. A point where the loss overflows `f64` (weights
    /// near 1e150) gets infinity.
    pub fn loss_grid(&self, window: Window, resolution: usize) -> Result<Grid, ZigzagError> {
        window.check()?;
        if !(2..=MAX_RESOLUTION).contains(&resolution) {
            return Err(ZigzagError::Resolution { got: resolution });
        }
        let mut values = Vec::with_capacity(resolution * resolution);
        for j in 0..resolution {
            for i in 0..resolution {
                values.push(self.moments.loss(window.point(i, j, resolution)));
            }
        }
        Ok(Grid {
            window,
            resolution,
            values,
        })
    }
}

/// A rectangle of weight space.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    /// Smallest w₁.
    pub w1_min: f64,
    /// Largest w₁.
    pub w1_max: f64,
    /// Smallest w₂.
    pub w2_min: f64,
    /// Largest w₂.
    pub w2_max: f64,
}

impl Window {
    /// The square of half-width `half_width` centred on `centre` (for example a dataset's
    /// minimum).
    pub fn around(centre: [f64; 2], half_width: f64) -> Window {
        Window {
            w1_min: centre[0] - half_width,
            w1_max: centre[0] + half_width,
            w2_min: centre[1] - half_width,
            w2_max: centre[1] + half_width,
        }
    }

    fn check(&self) -> Result<(), ZigzagError> {
        // The spans too, so that the grid's steps are finite.
        let spans = [self.w1_max - self.w1_min, self.w2_max - self.w2_min];
        if spans.iter().all(|s| s.is_finite() && *s > 0.0) {
            Ok(())
        } else {
            Err(ZigzagError::Window)
        }
    }

    /// Grid point (i, j) of a `resolution`-point grid: both ends of each axis included, exactly
    /// (the weighted form gives the bounds themselves at t = 0 and t = 1).
    fn point(&self, i: usize, j: usize, resolution: usize) -> [f64; 2] {
        let last = (resolution - 1) as f64;
        let lerp = |low: f64, high: f64, k: usize| {
            let t = k as f64 / last;
            (1.0 - t) * low + t * high
        };
        [
            lerp(self.w1_min, self.w1_max, i),
            lerp(self.w2_min, self.w2_max, j),
        ]
    }
}

/// The loss over a grid of weight space.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    /// The rectangle covered, edges included.
    pub window: Window,
    /// Points along each axis.
    pub resolution: usize,
    /// Row-major by w₂: `values[j * resolution + i]` is the loss at [`Grid::point`]`(i, j)`,
    /// w₁ = w1_min + i·(w1_max − w1_min)/(resolution − 1) and w₂ likewise with j.
    pub values: Vec<f64>,
}

impl Grid {
    /// The weights at grid point (i, j), as `values[j * resolution + i]` was computed.
    pub fn point(&self, i: usize, j: usize) -> [f64; 2] {
        self.window.point(i, j, self.resolution)
    }
}
