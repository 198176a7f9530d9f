//! The one home of the page's state, and the loop that turns input events into at most one
//! render per animation frame.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, KeyboardEvent, MediaQueryList, PointerEvent};

use crate::lab::Preset;
use crate::plot::theme::{Scheme, Theme, LIGHT};
use crate::sections::{self, views};
use crate::state::{Problem, State};
#[cfg(feature = "fuzz")]
use crate::text::StringTest;
use crate::text::{self, strings, Lang, Strings};
use crate::web::born_dead_view::BornDeadView;
use crate::web::depth_view::DepthView;
use crate::web::dom::{document, find, near_viewport, set_text, window};
use crate::web::experiment_view::{Experiment, Look, PointerKind};
use crate::web::graph_view::GraphView;
use crate::web::growth_view::GrowthView;
use crate::web::lab_view::{Due, LabView};
use crate::web::neuron_view::NeuronView;
use crate::web::page_view::PageView;
use crate::web::relu_sum_view::ReluSumView;
use crate::web::sparsity_view::SparsityView;
use crate::web::speed_view::SpeedView;
use crate::web::torch_view::TorchView;
use crate::web::zigzag_view::ZigzagView;

/// How long after the last change the URL hash is rewritten: browsers throttle
/// `history.replaceState` when it is called on every input event of a drag.
const HASH_DELAY_MS: i32 = 250;

/// The page: its state, its views, and what needs doing at the next frame.
pub struct App {
    state: State,
    strings: &'static Strings,
    page: PageView,
    /// The browser's language, which an unset `lang` falls back to.
    browser_lang: Lang,
    /// The language shown now.
    lang: Lang,
    /// The string test the page loaded with, which lasts as long as the page (test-tools
    /// build only).
    #[cfg(feature = "fuzz")]
    string_test: Option<StringTest>,
    /// Each language's strings as the string test changed them, made on first use.
    #[cfg(feature = "fuzz")]
    tested_strings: Vec<(Lang, &'static Strings)>,
    /// Whether the language's attributes have been written since load.
    lang_shown: bool,
    /// Whether the page is being printed: the charts are then drawn light, for paper.
    printing: bool,
    graph: GraphView,
    torch: TorchView,
    lab: LabView,
    neuron: NeuronView,
    born_dead: BornDeadView,
    /// The live experiments, each bit of [`Dirty::experiments`] one of them in this order.
    experiments: Vec<Box<dyn Experiment>>,
    lab_problem: Option<Problem>,
    lab_frames: FrameLog,
    page_message: Element,
    graph_problem: Option<Problem>,
    dark_query: Option<MediaQueryList>,
    dirty: Dirty,
    /// The views far from the viewport at load: the first render leaves them for the next
    /// frame.
    far_at_load: Dirty,
    /// The experiments (bits as in [`Dirty::experiments`]) whose charts have not been measured
    /// yet: those far from the viewport at load, measured just before their first drawing.
    unmeasured: u32,
    frame_pending: bool,
    /// Whether a language or colour switch has been drawn at its click since the last frame:
    /// the next switch before that frame waits for it, so that many clicks in one frame (the
    /// fuzz mode's) restyle the page once; that frame, which shows the switch, does no work
    /// of its own and releases no held part.
    switched_since_frame: bool,
    hash_pending: bool,
    announced: bool,
    all_drawn: bool,
    renders: u64,
}

/// The page, shared by its event listeners.
pub type Shared = Rc<RefCell<App>>;

impl App {
    /// Builds the page's state from the URL hash and finds its elements.
    pub fn new() -> Result<App, JsValue> {
        let document = document()?;
        let root = document
            .document_element()
            .ok_or_else(|| crate::web::dom::error("no document element"))?;
        let hash = window()?.location().hash()?;
        let (mut state, mut problems) = State::from_hash(&hash);
        let page = PageView::find(&root)?;
        if let Some(only) = page.only_lang() {
            problems.extend(state.keep_to_language(only));
        }
        let browser_lang = page.browser_lang();
        let lang = state.lang.unwrap_or(browser_lang);
        #[cfg(feature = "fuzz")]
        let string_test = state.string_test;
        #[cfg(feature = "fuzz")]
        if let Some(test) = string_test {
            page.apply_string_test(test)?;
        }
        let mut app = App {
            graph: GraphView::find(&root)?,
            torch: TorchView::find(&root)?,
            lab: LabView::find(&root, state.lab)?,
            neuron: NeuronView::find(&root)?,
            born_dead: BornDeadView::find(&root, state.born)?,
            experiments: vec![
                Box::new(DepthView::find(&root)?),
                Box::new(GrowthView::find(&root)?),
                Box::new(SpeedView::find(&root)?),
                Box::new(SparsityView::find(&root)?),
                Box::new(ZigzagView::find(&root)?),
                Box::new(ReluSumView::find(&root)?),
            ],
            lab_problem: None,
            lab_frames: FrameLog::default(),
            page_message: find(&root, "page-message")?,
            state,
            strings: strings(lang),
            page,
            browser_lang,
            lang,
            #[cfg(feature = "fuzz")]
            string_test,
            #[cfg(feature = "fuzz")]
            tested_strings: Vec::new(),
            lang_shown: false,
            printing: false,
            graph_problem: None,
            dark_query: window()?.match_media("(prefers-color-scheme: dark)")?,
            dirty: Dirty::ALL,
            far_at_load: Dirty::NONE,
            unmeasured: 0,
            frame_pending: false,
            switched_since_frame: false,
            hash_pending: false,
            announced: false,
            all_drawn: false,
            renders: 0,
        };
        // Every size and position the first render needs, read in one layout before the
        // page's first writes (a read after a write lays the page out again). A chart far
        // down the page, in a block the page still defers, is measured just before its first
        // drawing instead: measuring it now would lay that block out in the load.
        app.far_at_load = app.views_far();
        app.unmeasured = app.far_at_load.experiments;
        app.measure_charts();
        app.show_lang_and_theme()?;
        app.show_link_problems(&problems);
        Ok(app)
    }

    /// The strings of `lang`.
    #[cfg(not(feature = "fuzz"))]
    fn strings_of(&mut self, lang: Lang) -> &'static Strings {
        strings(lang)
    }

    /// The strings of `lang`, as the string test changes them if the page loaded with one.
    #[cfg(feature = "fuzz")]
    fn strings_of(&mut self, lang: Lang) -> &'static Strings {
        let Some(test) = self.string_test else {
            return strings(lang);
        };
        if let Some((_, tested)) = self.tested_strings.iter().find(|(l, _)| *l == lang) {
            return tested;
        }
        let tested = test.strings(strings(lang));
        self.tested_strings.push((lang, tested));
        tested
    }

    /// Shows the state's language (or the browser's) and colour scheme: the page's attributes
    /// and switches; a render that calls it first then draws the views in them. Returns whether
    /// the language or the scheme on screen changed (the page restyles).
    fn show_lang_and_theme(&mut self) -> Result<bool, JsValue> {
        let lang = self.state.lang.unwrap_or(self.browser_lang);
        let strings = self.strings_of(lang);
        let changed = lang != self.lang || !std::ptr::eq(strings, self.strings);
        if changed {
            // Every view's words change: each is due, the graph even though its inputs are
            // the same. Not a forced render: in the frame loop the frame's budget still holds,
            // and the charts wait for a frame that does not restyle the page (a clicked switch
            // draws them at once instead, in a Pass::Whole).
            self.dirty.add(Dirty::VIEWS);
            self.graph.forget_drawing();
        }
        self.lang = lang;
        self.strings = strings;
        // The attributes are written once at load and then only when the language changes:
        // the fuzz mode clicks the switch and rewrites the link many times a second.
        if changed || !self.lang_shown {
            self.lang_shown = true;
            self.page.show_lang(lang, strings)?;
        }
        let shown = self.scheme();
        let recoloured = self.page.show_theme(self.state.theme, shown)?;
        let reframed = self.page.show_parts(self.state.embed, &self.state.hide)?;
        Ok(recoloured || reframed || changed)
    }

    /// The views more than half a screen from the viewport: the lab and the experiments by
    /// their charts, the text-only views by their sections.
    fn views_far(&self) -> Dirty {
        let experiments = self.experiments.iter().enumerate().fold(0, |bits, (i, e)| {
            bits | (u32::from(!e.near_viewport()) << i)
        });
        Dirty {
            lab: !self.lab.near_viewport(),
            torch: !near_viewport(self.torch.section()),
            neuron: !near_viewport(self.neuron.section()),
            born: !near_viewport(self.born_dead.section()),
            experiments,
            ..Dirty::NONE
        }
    }

    /// Reads every chart's size again; returns the views whose charts changed size.
    fn measure_charts(&mut self) -> Dirty {
        // Every canvas is measured, not only up to the first that changed, except those
        // measured at their first drawing.
        let unmeasured = self.unmeasured;
        let experiments = self
            .experiments
            .iter()
            .enumerate()
            .filter(|(i, _)| unmeasured & (1 << i) == 0)
            .fold(0, |bits, (i, e)| bits | (u32::from(e.measure()) << i));
        Dirty {
            graph: self.graph.measure(),
            lab: self.lab.measure(),
            experiments,
            ..Dirty::NONE
        }
    }

    /// Whether the view drawing in section `part` is on the page: always, unless another
    /// section is embedded alone. A view that is not is neither drawn nor run.
    fn shows(&self, part: &str) -> bool {
        sections::shows(self.state.embed, part)
    }

    /// Whether the lab is training where the page shows it.
    fn lab_running(&self) -> bool {
        self.lab.running() && self.shows(views::LAB)
    }

    /// Whether the lab, where the page shows it, has charts it has not drawn yet: its first
    /// drawing takes a frame a chart.
    fn lab_drawing_first(&self) -> bool {
        self.lab.drawing_first() && self.shows(views::LAB)
    }

    /// Whether the born-dead survey has work left where the page shows it.
    fn born_busy(&self) -> bool {
        self.born_dead.busy() && self.shows(views::BORN_DEAD)
    }

    /// Whether an experiment has work left where the page shows it.
    fn experiments_busy(&self) -> bool {
        self.experiments
            .iter()
            .any(|e| e.busy() && sections::shows(self.state.embed, e.part()))
    }

    /// The colour scheme on screen: the reader's, or the system's.
    fn scheme(&self) -> Scheme {
        match self.state.theme {
            Some(scheme) => scheme,
            None if self
                .dark_query
                .as_ref()
                .is_some_and(MediaQueryList::matches) =>
            {
                Scheme::Dark
            }
            None => Scheme::Light,
        }
    }

    /// The chart colours: light on paper, else the scheme on screen.
    fn theme(&self) -> Theme {
        if self.printing {
            LIGHT
        } else {
            *self.scheme().theme()
        }
    }

    fn show_link_problems(&self, problems: &[Problem]) {
        let message = if problems.is_empty() {
            String::new()
        } else {
            let details: Vec<String> = problems
                .iter()
                .map(|p| text::problem(self.strings, p))
                .collect();
            format!("{} {}", self.strings.link_prefix, details.join(" "))
        };
        set_text(&self.page_message, &message);
        // The refused keys, in no language, for scripts and the end-to-end tests:
        // `data-problems="xmin,lr"`, empty when the link was read whole.
        let mut keys: Vec<&str> = Vec::new();
        for problem in problems {
            for key in problem.keys() {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        report(
            self.page_message
                .set_attribute("data-problems", &keys.join(",")),
        );
    }

    /// Redraws the graph alone, now, whether or not anything changed.
    pub fn redraw_graph(&mut self) -> Result<(), JsValue> {
        let ratio = window()?.device_pixel_ratio().max(1.0);
        let theme = self.theme();
        self.graph
            .render(&self.state, &theme, self.strings, ratio, true)
    }

    /// How long the latest lab frames took (training and drawing), for the JS handle.
    pub fn lab_frame_times(&self) -> Vec<f64> {
        self.lab_frames.times()
    }

    /// Training steps the lab has taken.
    pub fn lab_steps(&self) -> u64 {
        self.lab.steps()
    }

    /// The graph's samples at the current state as CSV, for the JS handle.
    pub fn graph_csv(&self) -> String {
        crate::export::graph_csv(&crate::plot::graph::GraphSpec::of(&self.state, 1.0))
    }

    /// The lab's training history as CSV, for the JS handle.
    pub fn lab_csv(&self) -> String {
        self.lab.csv()
    }

    /// The URL hash of the current state (without `#`), for the JS handle.
    pub fn state_hash(&self) -> String {
        self.state.to_hash()
    }

    /// How the link asked the page to fuzz itself (`fuzz=1`), if it did.
    #[cfg(feature = "fuzz")]
    pub fn fuzz_settings(&self) -> Option<crate::state::FuzzSettings> {
        self.state.fuzz
    }

    /// The graph's view, for the JS handle.
    pub fn graph(&self) -> &GraphView {
        &self.graph
    }

    /// Renders whatever is out of date (everything in a [`Pass::Forced`], but in the first
    /// render the views far from the screen), and announces the first complete render.
    pub fn render(&mut self, pass: Pass) -> Result<(), JsValue> {
        let force = pass == Pass::Forced;
        // Only an animation frame's render shares its time: the others draw all that is due.
        let split = pass == Pass::Frame;
        let window = window()?;
        let ratio = window.device_pixel_ratio().max(1.0);
        let started = now();
        // The frame that shows a switch drawn at its click counts as the switch's own: the
        // parts held far from the screen start to catch up in the frame after it.
        let switch_shown = split && std::mem::take(&mut self.switched_since_frame);
        // The page's language and colours first, before any view writes: see
        // PageView::show_lang.
        let restyled = if force || std::mem::take(&mut self.dirty.page) {
            self.show_lang_and_theme()?
        } else if switch_shown {
            true
        } else {
            self.page.catch_up()?;
            false
        };
        // Only an animation frame that does not restyle the page trains the lab, measures and
        // runs the survey: a restyle is the longest frame there is, and a render outside the
        // frame loop would do a frame's work twice.
        let works = split && !restyled;
        let theme = self.theme();
        let mut dirty = if force {
            Dirty::ALL
        } else {
            std::mem::take(&mut self.dirty)
        };
        // What an embedded section does not show is not drawn; a new link marks every view
        // again.
        dirty.graph &= self.shows(views::GRAPH);
        dirty.torch &= self.shows(views::TORCH);
        dirty.neuron &= self.shows(views::WALKTHROUGH);
        dirty.lab &= self.shows(views::LAB);
        dirty.born &= self.shows(views::BORN_DEAD);
        // The views in turn, until the frame has used its share: a view whose turn comes later
        // is left for the next frame. A render outside the frame loop draws everything due
        // (but the first render, a forced one, leaves the views far from the screen).
        let late = |due: bool| due && split && now() - started > RENDER_MS_PER_FRAME;
        // A frame that restyles the whole page draws no chart: the charts follow in the next
        // frame that does not, so that the browser's restyle and the charts' drawing never
        // share a frame. (A switch the reader clicked is drawn whole at the click instead.)
        let chart_late = |due: bool| due && split && (restyled || late(due));
        let mut left = Dirty::NONE;
        left.graph = chart_late(dirty.graph);
        if dirty.graph && !left.graph {
            self.graph
                .render(&self.state, &theme, self.strings, ratio, force)?;
            self.graph
                .show_problem(self.strings, self.graph_problem.as_ref());
        }
        // At load the views far down the page wait for the frame after the first, unless they
        // are near the screen when the page mounts (one embedded alone): the first render
        // draws what is on screen, and compiles and runs no code for the rest.
        let far = if self.announced {
            Dirty::NONE
        } else {
            self.far_at_load
        };
        let mut views_wait = false;
        left.torch = late(dirty.torch) || (dirty.torch && far.torch);
        if dirty.torch && !left.torch {
            self.torch.render(&self.state, self.strings)?;
        }
        left.neuron = late(dirty.neuron) || (dirty.neuron && far.neuron);
        if dirty.neuron && !left.neuron {
            self.neuron.render(self.strings)?;
        }
        views_wait |= (dirty.torch && far.torch) || (dirty.neuron && far.neuron);
        let look = Look {
            theme: &theme,
            strings: self.strings,
            ratio,
            force,
        };
        for (i, experiment) in self.experiments.iter_mut().enumerate() {
            let bit = 1 << i;
            // What an embedded section does not show is neither drawn nor run.
            if !sections::shows(self.state.embed, experiment.part()) {
                continue;
            }
            let marked = dirty.experiments & bit != 0;
            let busy = experiment.busy();
            if !marked && !busy {
                continue;
            }
            if far.experiments & bit != 0 {
                self.dirty.experiments |= bit;
                views_wait = true;
                continue;
            }
            if chart_late(true) {
                left.experiments |= bit;
                continue;
            }
            if self.unmeasured & bit != 0 {
                self.unmeasured &= !bit;
                experiment.measure();
            }
            if busy && self.announced && works {
                experiment.work(EXPERIMENT_MS_PER_FRAME, now);
            }
            experiment.render(&self.state, look)?;
        }
        // A busy survey keeps the frames coming, so it needs no flag to be left.
        let born = self.born_busy() || dirty.born;
        let born_late = late(born) || (born && far.born);
        left.born = dirty.born && born_late;
        views_wait |= dirty.born && far.born;
        if born && !born_late {
            // The survey runs in later frames, never in the first render, so that it does not
            // delay the page's first complete drawing.
            if self.announced && works {
                self.born_dead.work(SURVEY_MS_PER_FRAME, now);
            }
            self.born_dead.render(self.strings);
        }
        // At load the lab, far down the page, waits for the frame after the first, so that the
        // first complete drawing of what is on screen does not wait for its four charts; it is
        // drawn long before a reader can scroll to it.
        let lab_waits = far.lab;
        let lab = self.lab_running() || dirty.lab || self.lab_drawing_first();
        let lab_late = chart_late(lab);
        left.lab = dirty.lab && lab_late && !lab_waits;
        if lab_waits {
            self.dirty.lab |= dirty.lab;
        } else if lab && !lab_late {
            let started = now();
            if works {
                self.lab.train_frame(TRAIN_MS_PER_FRAME, now);
            }
            self.lab.render(
                &self.state,
                &theme,
                self.strings,
                ratio,
                self.lab_problem.as_ref(),
                Due {
                    changed: dirty.lab,
                    force,
                },
            )?;
            self.lab_frames.record(now() - started);
        }
        if !self.announced {
            self.announced = true;
            // What the benchmark's load time ends at: everything on the first screen is drawn.
            if let Some(performance) = window.performance() {
                performance.mark("relu-explorer:drawn")?;
            }
        }
        let complete = left.is_empty();
        self.dirty.add(left);
        if !self.all_drawn && !lab_waits && !views_wait && complete && !self.lab_drawing_first() {
            self.all_drawn = true;
            self.page.drawn()?;
            // What tests wait on: every canvas on the page has been drawn once.
            if let Some(root) = document()?.document_element() {
                root.set_attribute("data-drawn", "true")?;
            }
        }
        // Counts complete renders on `<html data-frames="N">`, so that a script (the
        // end-to-end tests) can tell that a render has happened since it last looked.
        if complete {
            self.renders += 1;
            if let Some(root) = document()?.document_element() {
                root.set_attribute("data-frames", &self.renders.to_string())?;
            }
        }
        Ok(())
    }
}

/// Which views must be redrawn at the next frame: each view has its own flag, so that a click
/// in one section never repaints another's charts.
#[derive(Clone, Copy, Default)]
struct Dirty {
    /// The page's language and colour scheme (its attributes and switches).
    page: bool,
    graph: bool,
    torch: bool,
    lab: bool,
    neuron: bool,
    born: bool,
    /// The live experiments, one bit each in the order of [`App::experiments`].
    experiments: u32,
}

impl Dirty {
    /// Every view.
    const ALL: Dirty = Dirty {
        page: true,
        graph: true,
        torch: true,
        lab: true,
        neuron: true,
        born: true,
        experiments: u32::MAX,
    };

    /// Every view, but not the page's attributes.
    const VIEWS: Dirty = Dirty {
        page: false,
        ..Dirty::ALL
    };

    /// No view.
    const NONE: Dirty = Dirty {
        page: false,
        graph: false,
        torch: false,
        lab: false,
        neuron: false,
        born: false,
        experiments: 0,
    };
    /// The views with charts whose backing stores follow their size: the graph, the lab and
    /// every experiment.
    const CHARTS: Dirty = Dirty {
        graph: true,
        lab: true,
        experiments: u32::MAX,
        ..Dirty::NONE
    };
    /// Only the graph.
    const GRAPH: Dirty = Dirty {
        graph: true,
        ..Dirty::NONE
    };
    /// Only the torch panel.
    const TORCH: Dirty = Dirty {
        torch: true,
        ..Dirty::NONE
    };
    /// Only the lab.
    const LAB: Dirty = Dirty {
        lab: true,
        ..Dirty::NONE
    };
    /// Only the walk-through.
    const NEURON: Dirty = Dirty {
        neuron: true,
        ..Dirty::NONE
    };
    /// Only the born-dead calculator.
    const BORN: Dirty = Dirty {
        born: true,
        ..Dirty::NONE
    };

    /// Only the live experiment at `index` in [`App::experiments`].
    fn experiment(index: usize) -> Dirty {
        Dirty {
            experiments: 1 << index,
            ..Dirty::NONE
        }
    }

    /// Whether no view is marked.
    fn is_empty(&self) -> bool {
        !(self.page
            || self.graph
            || self.torch
            || self.lab
            || self.neuron
            || self.born
            || self.experiments != 0)
    }

    /// Marks the views marked in `other` too.
    fn add(&mut self, other: Dirty) {
        self.page |= other.page;
        self.graph |= other.graph;
        self.torch |= other.torch;
        self.lab |= other.lab;
        self.neuron |= other.neuron;
        self.born |= other.born;
        self.experiments |= other.experiments;
    }
}

/// Milliseconds of each animation frame the lab's training may use: with its census and one
/// chart it stays well inside a 60 Hz frame.
const TRAIN_MS_PER_FRAME: f64 = 8.0;

/// What a render draws, and when it may stop.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Pass {
    /// An animation frame's: what is due, until the frame has used its share
    /// ([`RENDER_MS_PER_FRAME`]); no chart in a frame that restyles the page.
    Frame,
    /// At a language or colour switch's click: everything due at once, the page's restyle and
    /// its charts together, so that the next frame shows the whole switch.
    Whole,
    /// Everything, drawn again whether or not it changed: printing, the JS API's `redraw`, and
    /// the first render (which leaves the views far from the screen for the next frame).
    Forced,
}

/// Milliseconds a render may spend before it leaves the views not yet drawn for the next frame:
/// a frame that restyles the page for a new language or colours, or follows a burst of input,
/// stays short.
const RENDER_MS_PER_FRAME: f64 = 12.0;

/// Milliseconds of each animation frame an experiment's measurement may use (the speed run
/// times its 4 ms samples while two still fit): with its drawing and the browser's own work
/// the frame stays near 60 Hz and far from the 50 ms of a long task on a slow machine.
const EXPERIMENT_MS_PER_FRAME: f64 = 16.0;

/// Milliseconds of each animation frame the born-dead survey may use.
const SURVEY_MS_PER_FRAME: f64 = 4.0;

/// The durations of the latest lab frames, in a fixed-size ring so that it never grows.
#[derive(Default)]
struct FrameLog {
    times: Vec<f64>,
    next: usize,
}

/// Lab frames remembered for the JS handle.
const FRAME_LOG: usize = 240;

impl FrameLog {
    fn record(&mut self, ms: f64) {
        if self.times.len() < FRAME_LOG {
            self.times.push(ms);
        } else {
            self.times[self.next] = ms;
        }
        self.next = (self.next + 1) % FRAME_LOG;
    }

    fn times(&self) -> Vec<f64> {
        self.times.clone()
    }
}

/// Milliseconds from the page's time origin.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Reports an error that escaped an event handler; reaching this is a bug.
fn report(result: Result<(), JsValue>) {
    if let Err(error) = result {
        web_sys::console::error_2(&"ReLU Explorer:".into(), &error);
    }
}

/// Asks for a render at the next animation frame, once however many events arrive before it.
pub fn schedule_frame(app: &Shared) {
    {
        let mut inner = app.borrow_mut();
        if inner.frame_pending {
            return;
        }
        inner.frame_pending = true;
    }
    let shared = app.clone();
    let callback = Closure::once_into_js(move |_time: f64| {
        let (result, running) = {
            let mut inner = shared.borrow_mut();
            inner.frame_pending = false;
            let result = inner.render(Pass::Frame);
            let running = inner.lab_running()
                || inner.lab_drawing_first()
                || inner.born_busy()
                || inner.experiments_busy()
                || inner.page.behind()
                || !inner.dirty.is_empty();
            (result, running)
        };
        report(result);
        if running {
            schedule_frame(&shared);
        }
    });
    report(
        window()
            .and_then(|w| w.request_animation_frame(callback.unchecked_ref()))
            .map(drop),
    );
}

/// Rewrites the URL hash from the state a little after the last change.
fn schedule_hash(app: &Shared) {
    {
        let mut inner = app.borrow_mut();
        if inner.hash_pending {
            return;
        }
        inner.hash_pending = true;
    }
    let shared = app.clone();
    let callback = Closure::once_into_js(move || {
        let hash = {
            let mut inner = shared.borrow_mut();
            inner.hash_pending = false;
            inner.state.to_hash()
        };
        report(write_hash(&hash));
    });
    report(
        window()
            .and_then(|w| {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(
                    callback.unchecked_ref(),
                    HASH_DELAY_MS,
                )
            })
            .map(drop),
    );
}

fn write_hash(hash: &str) -> Result<(), JsValue> {
    let window = window()?;
    let location = window.location();
    let url = if hash.is_empty() {
        format!("{}{}", location.pathname()?, location.search()?)
    } else {
        format!("#{hash}")
    };
    window
        .history()?
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
}

/// Marks views dirty after a state change and schedules the frame and the hash write.
fn changed(app: &Shared, dirty: Dirty) {
    app.borrow_mut().dirty.add(dirty);
    schedule_frame(app);
    schedule_hash(app);
}

/// Handles an `input` or `change` event from any control on the page.
fn on_input(app: &Shared, event: &Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let id = target.id();
    let dirty = {
        let mut guard = app.borrow_mut();
        let inner = &mut *guard;
        if id.starts_with("torch-") {
            inner.torch.read_control(&id, &mut inner.state);
            Dirty::TORCH
        } else if let Some(outcome) = inner.born_dead.read_control(&id, &mut inner.state) {
            inner.born_dead.show_problem(outcome.err());
            Dirty::BORN
        } else if let Some(index) = inner
            .experiments
            .iter_mut()
            .position(|e| e.read_control(&id, &mut inner.state).is_some())
        {
            Dirty::experiment(index)
        } else if id.starts_with("lab-") {
            inner.lab_problem = inner.lab.read_control(&id, &mut inner.state).err();
            Dirty::LAB
        } else {
            inner.graph_problem = inner.graph.read_control(&id, &mut inner.state).err();
            Dirty::GRAPH
        }
    };
    changed(app, dirty);
}

/// Handles a click on one of the lab's buttons or presets.
fn on_click(app: &Shared, event: &Event) {
    let Some(button) = event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.closest("button").ok().flatten())
    else {
        return;
    };
    let dirty = {
        let mut guard = app.borrow_mut();
        let inner = &mut *guard;
        let lang = inner.page.lang_of(&button);
        let theme = inner.page.theme_of(&button);
        if lang.is_some() || theme.is_some() {
            let before = (inner.state.lang, inner.state.theme);
            if let Some(lang) = lang {
                inner.state.lang = Some(lang);
            }
            if let Some(scheme) = theme {
                inner.state.theme = scheme;
            }
            if before == (inner.state.lang, inner.state.theme) {
                return;
            }
            inner.dirty.add(Dirty::ALL);
            // Shown now, whole, instead of over the next three frames (restyle, then the
            // charts in two): the reader sees one switch, a frame sooner. A second switch
            // before the next frame waits for it, so that many clicks in one frame (the fuzz
            // mode's) restyle the page once. The charts are redrawn only if their words or
            // colours changed (a click may only put the choice in the link).
            if !inner.switched_since_frame && inner.announced {
                inner.switched_since_frame = true;
                report(inner.render(Pass::Whole));
            }
            Dirty::NONE
        } else if let Some(preset) = button
            .get_attribute("data-preset")
            .and_then(|key| Preset::from_key(&key))
        {
            inner.lab.preset(&mut inner.state, preset);
            inner.lab_problem = None;
            Dirty::LAB
        } else if button.id().starts_with("lab-") {
            inner.lab.button(&button.id(), &inner.state);
            inner.lab_problem = None;
            Dirty::LAB
        } else if let Some(index) = inner
            .experiments
            .iter_mut()
            .position(|e| e.button(&button.id(), &mut inner.state))
        {
            Dirty::experiment(index)
        } else if inner.neuron.button(&button.id()) {
            // The walk-through has no state in the URL and touches no other view.
            Dirty::NEURON
        } else {
            return;
        }
    };
    changed(app, dirty);
}

/// Moves x to the pointer while the primary button is down on the canvas.
fn on_pointer(app: &Shared, event: &PointerEvent, down: bool) {
    if !down && event.buttons() & 1 == 0 {
        return;
    }
    if down {
        if let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) {
            // Capture keeps the drag going when the pointer leaves the canvas.
            let _ = target.set_pointer_capture(event.pointer_id());
        }
    }
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio().max(1.0));
    {
        let mut guard = app.borrow_mut();
        let inner = &mut *guard;
        inner
            .graph
            .point_at(f64::from(event.offset_x()), ratio, &mut inner.state);
        inner.graph_problem = None;
    }
    changed(app, Dirty::GRAPH);
}

/// Reloads the state when the reader edits the URL's hash or goes back.
fn on_hash_change(app: &Shared) {
    let hash = match window().and_then(|w| w.location().hash()) {
        Ok(hash) => hash,
        Err(error) => return report(Err(error)),
    };
    // A hash without `key=value` pairs is a section link (`#graph`), not a state.
    if !hash.contains('=') {
        return;
    }
    {
        let mut guard = app.borrow_mut();
        let inner = &mut *guard;
        let (mut state, mut problems) = State::from_hash(&hash);
        if let Some(only) = inner.page.only_lang() {
            problems.extend(state.keep_to_language(only));
        }
        let lab = state.lab;
        inner.state = state;
        inner.lab.apply(&mut inner.state, lab);
        inner.born_dead.apply(inner.state.born);
        inner.born_dead.show_problem(None);
        for experiment in &mut inner.experiments {
            experiment.clear_problem();
        }
        inner.graph_problem = None;
        inner.show_link_problems(&problems);
    }
    changed(app, Dirty::ALL);
}

/// Hands the pointer and the keys on each experiment's canvases to the experiment.
fn listen_experiments(app: &Shared) -> Result<(), JsValue> {
    let canvases: Vec<(usize, web_sys::HtmlCanvasElement)> = app
        .borrow()
        .experiments
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            e.charts()
                .into_iter()
                .map(move |c| (i, c.element().clone()))
        })
        .collect();
    for (index, canvas) in canvases {
        let id = canvas.id();
        for (kind, pointer) in [
            ("pointerdown", PointerKind::Down),
            ("pointermove", PointerKind::Drag),
            ("pointerup", PointerKind::Up),
            ("pointercancel", PointerKind::Up),
        ] {
            let shared = app.clone();
            let id = id.clone();
            let listener = Closure::<dyn FnMut(PointerEvent)>::new(move |e: PointerEvent| {
                // A move counts only while the primary button is down.
                if pointer == PointerKind::Drag && e.buttons() & 1 == 0 {
                    return;
                }
                let at = (f64::from(e.offset_x()), f64::from(e.offset_y()));
                let used = {
                    let mut guard = shared.borrow_mut();
                    let inner = &mut *guard;
                    inner.experiments[index].pointer(&id, pointer, at, &mut inner.state)
                };
                if used {
                    if pointer == PointerKind::Down {
                        if let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok())
                        {
                            // Capture keeps the drag going when the pointer leaves the canvas.
                            let _ = target.set_pointer_capture(e.pointer_id());
                        }
                    }
                    changed(&shared, Dirty::experiment(index));
                }
            });
            canvas.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref())?;
            listener.forget();
        }
        let shared = app.clone();
        let keys = Closure::<dyn FnMut(KeyboardEvent)>::new(move |e: KeyboardEvent| {
            let used = {
                let mut guard = shared.borrow_mut();
                let inner = &mut *guard;
                inner.experiments[index].key(&id, &e.key(), e.shift_key(), &mut inner.state)
            };
            if used {
                // The page would scroll on the same keys.
                e.prevent_default();
                changed(&shared, Dirty::experiment(index));
            }
        });
        canvas.add_event_listener_with_callback("keydown", keys.as_ref().unchecked_ref())?;
        keys.forget();
    }
    Ok(())
}

/// Wires every listener the page needs to `app`.
pub fn listen(app: &Shared) -> Result<(), JsValue> {
    let window = window()?;
    let document = document()?;
    let canvas = app.borrow().graph.canvas().clone();

    for kind in ["input", "change"] {
        let shared = app.clone();
        let listener = Closure::<dyn FnMut(Event)>::new(move |e: Event| on_input(&shared, &e));
        document.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref())?;
        listener.forget();
    }
    let shared = app.clone();
    let click = Closure::<dyn FnMut(Event)>::new(move |e: Event| on_click(&shared, &e));
    document.add_event_listener_with_callback("click", click.as_ref().unchecked_ref())?;
    click.forget();
    for (kind, down) in [("pointerdown", true), ("pointermove", false)] {
        let shared = app.clone();
        let listener = Closure::<dyn FnMut(PointerEvent)>::new(move |e: PointerEvent| {
            on_pointer(&shared, &e, down)
        });
        canvas.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref())?;
        listener.forget();
    }

    let shared = app.clone();
    let keys = Closure::<dyn FnMut(KeyboardEvent)>::new(move |e: KeyboardEvent| {
        let moved = {
            let mut guard = shared.borrow_mut();
            let inner = &mut *guard;
            let moved = inner.graph.key(&e.key(), &mut inner.state);
            if moved {
                inner.graph_problem = None;
            }
            moved
        };
        if moved {
            // The page would scroll on the same keys.
            e.prevent_default();
            changed(&shared, Dirty::GRAPH);
        }
    });
    canvas.add_event_listener_with_callback("keydown", keys.as_ref().unchecked_ref())?;
    keys.forget();

    listen_experiments(app)?;

    let shared = app.clone();
    let hash_listener = Closure::<dyn FnMut()>::new(move || on_hash_change(&shared));
    window
        .add_event_listener_with_callback("hashchange", hash_listener.as_ref().unchecked_ref())?;
    hash_listener.forget();

    // The observer reports after the browser's layout, so reading sizes there is free; its first
    // report, right after mount, finds them unchanged and redraws nothing.
    let shared = app.clone();
    let resized = Closure::<dyn FnMut()>::new(move || {
        let changed = {
            let mut inner = shared.borrow_mut();
            let resized = inner.measure_charts();
            inner.dirty.add(resized);
            !resized.is_empty()
        };
        if changed {
            schedule_frame(&shared);
        }
    });
    let observer = web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref())?;
    observer.observe(&canvas);
    for lab_canvas in app.borrow().lab.canvases() {
        observer.observe(lab_canvas);
    }
    for experiment in &app.borrow().experiments {
        for chart in experiment.charts() {
            observer.observe(chart.element());
        }
    }
    resized.forget();

    // A zoom changes devicePixelRatio and a colour-scheme change the theme: redraw everything.
    let shared = app.clone();
    let relayout = Closure::<dyn FnMut()>::new(move || {
        {
            let mut inner = shared.borrow_mut();
            inner.measure_charts();
            inner.dirty.add(Dirty::CHARTS);
        }
        schedule_frame(&shared);
    });
    window.add_event_listener_with_callback("resize", relayout.as_ref().unchecked_ref())?;
    // Paper is white whatever the theme: redraw every chart light before printing (at once, as
    // the browser lays out the printout right after this event), and as before afterwards.
    for (kind, printing) in [("beforeprint", true), ("afterprint", false)] {
        let shared = app.clone();
        let listener = Closure::<dyn FnMut()>::new(move || {
            let mut inner = shared.borrow_mut();
            inner.printing = printing;
            // Every part of the printout in the page's language.
            report(inner.page.settle());
            report(inner.render(Pass::Forced));
        });
        window.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref())?;
        listener.forget();
    }
    if let Some(query) = &app.borrow().dark_query {
        query.add_event_listener_with_callback("change", relayout.as_ref().unchecked_ref())?;
    }
    relayout.forget();
    Ok(())
}
