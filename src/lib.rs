//! ReLU Explorer: placeholder being replaced.
