//! The page's side of the JS API: `mount`, which brings the page's markup to life, and the
//! `Explorer` handle it returns (with the fuzz mode's methods in that mode's build). Only the
//! page's build has it (feature `page`); the npm package's module is the API alone.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Float64Array};
use wasm_bindgen::prelude::*;

#[cfg(feature = "fuzz")]
use super::describe;
#[cfg(feature = "fuzz")]
use crate::state::Setting;
use crate::web::app::{self, App, Pass, Shared};
#[cfg(feature = "fuzz")]
use crate::web::fuzz;

#[cfg(feature = "fuzz")]
/// Reads an argument of `Explorer.fuzz`: a number that the state's domain for `setting` (a
/// number setting) allows.
fn fuzz_setting(setting: Setting, name: &str, value: &JsValue) -> Result<f64, JsError> {
    let domain = setting.domain();
    match value.as_f64() {
        Some(v) if domain.is_some_and(|d| d.contains(v)) => Ok(v),
        v => {
            let (min, max) = domain.map_or((0.0, 0.0), |d| (d.min, d.max));
            let got = v.map_or_else(|| describe(value), |v| v.to_string());
            Err(JsError::new(&format!(
                "Explorer.fuzz: {name} must be a whole number from {min} to {max}, got {got}"
            )))
        }
    }
}

/// A mounted explorer page, returned by [`mount`].
#[wasm_bindgen]
pub struct Explorer {
    app: Shared,
    /// The running fuzzer, in the fuzz mode's build (see `xtask/src/build.rs`).
    #[cfg(feature = "fuzz")]
    fuzzer: Option<fuzz::Fuzzer>,
}

#[wasm_bindgen]
impl Explorer {
    /// Redraws every chart now, synchronously, whether or not anything changed (for example
    /// after an embedding page reveals a hidden explorer).
    pub fn redraw(&self) -> Result<(), JsValue> {
        self.app.borrow_mut().render(Pass::Forced)
    }

    /// Where the data point (x, y) is drawn on the graph's canvas, as `[px, py]` in
    /// backing-store pixels (CSS pixels × devicePixelRatio); empty before the first draw.
    #[wasm_bindgen(js_name = graphPixel)]
    pub fn graph_pixel(&self, x: f64, y: f64) -> Float64Array {
        let app = self.app.borrow();
        let pixel = app
            .graph()
            .drawn()
            .map(|drawn| drawn.backend_coord(x, y))
            .map(|(px, py)| vec![f64::from(px), f64::from(py)])
            .unwrap_or_default();
        Float64Array::from(pixel.as_slice())
    }

    /// Redraws the graph alone now, synchronously (what the benchmark times).
    #[wasm_bindgen(js_name = redrawGraph)]
    pub fn redraw_graph(&self) -> Result<(), JsValue> {
        self.app.borrow_mut().redraw_graph()
    }

    /// How long the lab's latest frames took, in milliseconds (training steps, census and
    /// redrawing its charts), oldest first up to the ring's wrap; at most 240.
    #[wasm_bindgen(js_name = labFrameTimes)]
    pub fn lab_frame_times(&self) -> Float64Array {
        Float64Array::from(self.app.borrow().lab_frame_times().as_slice())
    }

    /// Training steps the lab's current run has taken.
    #[wasm_bindgen(js_name = labSteps)]
    pub fn lab_steps(&self) -> f64 {
        self.app.borrow().lab_steps() as f64
    }

    /// The URL hash for the page's current state, without the leading `#` (empty when every
    /// setting is at its default). The page writes it to `location.hash` a moment after the
    /// last change; a script can wait until the two agree.
    #[wasm_bindgen(js_name = stateHash)]
    pub fn state_hash(&self) -> String {
        self.app.borrow().state_hash()
    }

    /// The graph's samples at the current state as CSV text: a header `x,relu,relu_derivative`
    /// (and a column pair per overlay shown: `leaky_relu`, `sigmoid`, `tanh`) and a row per x
    /// the curves are drawn through, each number the f32 the page computes in the shortest
    /// text that reads back as it. What the graph's CSV button downloads.
    #[wasm_bindgen(js_name = graphCsv)]
    pub fn graph_csv(&self) -> String {
        self.app.borrow().graph_csv()
    }

    /// The lab's training history as CSV text: a header `step,loss,dead_share_layer_1,…` and a
    /// row per recorded step, a cell empty where its series has no value at that step. What
    /// the lab's CSV button downloads.
    #[wasm_bindgen(js_name = labCsv)]
    pub fn lab_csv(&self) -> String {
        self.app.borrow().lab_csv()
    }

    /// The polylines the graph currently draws, each a Float64Array `[x0, y0, x1, y1, ...]` in
    /// canvas backing-store pixels.
    #[wasm_bindgen(js_name = graphPolylines)]
    pub fn graph_polylines(&self) -> Array {
        let app = self.app.borrow();
        let lines = app
            .graph()
            .drawn()
            .map(|drawn| drawn.polylines())
            .unwrap_or_default();
        lines
            .iter()
            .map(|line| {
                let flat: Vec<f64> = line
                    .iter()
                    .flat_map(|&(x, y)| [f64::from(x), f64::from(y)])
                    .collect();
                JsValue::from(Float64Array::from(flat.as_slice()))
            })
            .collect()
    }
}

/// The fuzz mode's methods, in the module the page loads for a `fuzz=1` link
/// (`pkg-fuzz/relu_explorer.js`).
#[cfg(feature = "fuzz")]
#[wasm_bindgen]
impl Explorer {
    /// Starts the page's fuzz mode, or restarts it with new arguments: `rate` random synthetic
    /// inputs per animation frame (a whole number from 1 to 100) on the page's canvases and
    /// controls and its URL hash, planned from `seed` (a whole number from 0 to 2^53 − 1), so
    /// that the same seed replays the same inputs on the same page, as `#fuzz=1&fuzzRate=…&
    /// fuzzSeed=…` does at load. It runs until `fuzzStop()` or the page closes, and writes its
    /// count to `<html data-fuzz-events>` once per frame.
    pub fn fuzz(&mut self, rate: &JsValue, seed: &JsValue) -> Result<(), JsValue> {
        let rate = fuzz_setting(Setting::FuzzRate, "rate", rate)?;
        let seed = fuzz_setting(Setting::FuzzSeed, "seed", seed)?;
        // Dropping the handle of a running fuzzer stops it before its next frame.
        self.fuzzer = Some(fuzz::start(rate as u32, seed as u64)?);
        Ok(())
    }

    /// Synthetic inputs the fuzzer has performed since it last started (0 if it never did).
    #[wasm_bindgen(js_name = fuzzEvents)]
    pub fn fuzz_events(&self) -> f64 {
        self.fuzzer.as_ref().map_or(0, fuzz::Fuzzer::events) as f64
    }

    /// Stops the fuzzer, if it runs; `fuzzEvents()` keeps its count.
    #[wasm_bindgen(js_name = fuzzStop)]
    pub fn fuzz_stop(&self) {
        if let Some(fuzzer) = &self.fuzzer {
            fuzzer.stop();
        }
    }
}

/// Brings the page's explorer to life: finds its elements by id, reads the URL hash, draws, and
/// starts listening, and fuzzing if the hash says `fuzz=1`. Throws if the page lacks an element
/// the explorer needs.
#[wasm_bindgen]
pub fn mount() -> Result<Explorer, JsValue> {
    console_error_panic_hook::set_once();
    let app: Shared = Rc::new(RefCell::new(App::new()?));
    app::listen(&app)?;
    app.borrow_mut().render(Pass::Forced)?;
    // Work that waits for the first frame (the born-dead survey) starts there.
    app::schedule_frame(&app);
    Ok(Explorer {
        #[cfg(feature = "fuzz")]
        fuzzer: linked_fuzzer(&app)?,
        app,
    })
}

/// A link with `fuzz=1` starts the fuzz mode at once, with the rate and seed it gives.
#[cfg(feature = "fuzz")]
fn linked_fuzzer(app: &Shared) -> Result<Option<fuzz::Fuzzer>, JsValue> {
    let settings = app.borrow().fuzz_settings();
    settings
        .map(|settings| fuzz::start(settings.rate, settings.seed))
        .transpose()
}
