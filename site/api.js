// The JS API reference (api.html): its language, and its live examples.
//
// Loaded as a classic script in <head> so that the language is right on the first paint: the
// page holds its prose in both languages and the stylesheet shows that of <html lang>, taken
// from the link (`#lang=zh-CN`) when it names one, else from the browser, as on the main page;
// `theme=light` or `theme=dark` in the link overrides the system's colours, as there too. The
// language buttons change the attribute and the link.
//
// Each example is a module file in api/ whose source the build printed into the page; once the
// page has loaded, every example runs in a worker (api/run.js) one after another, and its
// Run button runs it again. What it printed goes into its <output>, and its data-state says
// how the run went ("running", "done" or "failed"); <html data-examples-run> counts finished
// runs, for the tests to wait on. The page runs under the site's Content-Security-Policy
// (script-src 'self'), so examples are files and nothing is evaluated from text.
{
  const root = document.documentElement;
  const languages = ["en", "zh-CN"];
  const params = new URLSearchParams(location.hash.slice(1));
  const linked = params.get("lang");
  const preferred = (navigator.languages ?? [navigator.language])
    .map((tag) => (tag.toLowerCase().startsWith("zh") ? "zh-CN" : tag.slice(0, 2).toLowerCase()))
    .find((tag) => languages.includes(tag));
  root.lang = languages.includes(linked) ? linked : (preferred ?? languages[0]);
  if (["light", "dark"].includes(params.get("theme"))) root.dataset.theme = params.get("theme");

  const showLanguage = () => {
    for (const button of document.querySelectorAll("button[data-lang]")) {
      button.setAttribute("aria-pressed", String(button.dataset.lang === root.lang));
    }
  };

  let worker = null;
  let finished = 0;
  const queue = [];
  const examples = () => document.querySelectorAll(".api-example");

  /** Runs the next queued example, if none is running. */
  const next = () => {
    const example = queue[0];
    if (!example || example.dataset.state === "running") return;
    const output = example.querySelector("output");
    output.textContent = "";
    example.dataset.state = "running";
    worker ??= new Worker("api/run.js", { type: "module" });
    /** Ends this run: its state, the count, and the next queued example. */
    const finish = (failed) => {
      example.dataset.state = failed ? "failed" : "done";
      queue.shift();
      root.dataset.examplesRun = String(++finished);
      next();
    };
    worker.onmessage = ({ data }) => {
      if (data.id !== example.id) return;
      if ("line" in data) {
        output.textContent += `${data.line}\n`;
        return;
      }
      if ("error" in data) output.textContent += `${data.error}\n`;
      finish("error" in data);
    };
    // A worker that cannot start (its script or the module failed to load) fails the example
    // with the browser's reason, and the next run starts a new one.
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      worker = null;
      output.textContent += `${event.message || "the example could not run"}\n`;
      finish(true);
    };
    worker.postMessage({ id: example.id, url: `./${example.dataset.src}?run=${finished}` });
  };

  const run = (example) => {
    if (!queue.includes(example)) queue.push(example);
    next();
  };

  document.addEventListener("DOMContentLoaded", () => {
    showLanguage();
    document.addEventListener("click", (event) => {
      const button = event.target instanceof Element && event.target.closest("button");
      if (!button) return;
      if (button.dataset.lang) {
        root.lang = button.dataset.lang;
        history.replaceState(null, "", `#lang=${root.lang}`);
        showLanguage();
      } else if (button.dataset.run !== undefined) {
        run(button.closest(".api-example"));
      }
    });
    examples().forEach(run);
  });
}
