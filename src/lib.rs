//! ReLU Explorer: an interactive, PyTorch-exact explanation of the ReLU activation function.
//!
//! The core (activation and its whole-buffer kernels in elementwise, tensor_text, state, plot,
//! text, export, fuzz_plan, and the live experiments' maths: depth, speed, sparsity, kinks,
//! relu_sum, zigzag, growth, predict) is pure Rust and tested natively; on wasm32 the JS API
//! (`js_api`) and the page's shell (`web`) are built on top of it.

pub mod activation;
pub mod born_dead;
pub mod counted;
pub mod depth;
pub mod draws;
pub mod elementwise;
pub mod export;
pub mod fuzz_plan;
pub mod growth;
pub mod kinks;
pub mod lab;
mod lanes;
pub mod math;
pub mod mlp;
pub mod neuron;
pub mod plot;
pub mod predict;
pub mod relu_sum;
pub mod sections;
pub mod sparsity;
pub mod speed;
pub mod state;
pub mod tensor_text;
pub mod text;
pub mod torch_panel;
pub mod zigzag;

#[cfg(target_arch = "wasm32")]
mod js_api;
#[cfg(all(target_arch = "wasm32", feature = "page"))]
pub mod web;

#[cfg(target_arch = "wasm32")]
pub use js_api::*;

/// talc instead of Rust's default dlmalloc on wasm32: as fast, and about 2 KB gzip smaller,
/// which every reader pays for on every load.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: this is the only allocator in the module, and the page runs it on one thread.
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };
