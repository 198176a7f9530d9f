// Loads the WebAssembly module and brings the page to life; everything else is in Rust.
// compile.js chose the module (pkg/, or pkg-fuzz/ for a fuzz link) and started compiling it;
// without that head start, init fetches it.
// A page in a frame also asks its host to size the frame (resizer.js, which measures
// <body>); a page read on its own never downloads that. This module is async and may run
// before the parser reaches <body>.
if (window.parent !== window) {
  if (document.body) {
    import("./resizer.js");
  } else {
    document.addEventListener("DOMContentLoaded", () => import("./resizer.js"), { once: true });
  }
}
// The sharing tools (copy link, each part's Embed dialog) load their code on first use, and
// work before the module has loaded (share.js reads the state from the link then).
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element && event.target.closest("button[data-share]");
  if (button) import("./share.js").then((share) => share.act(button));
});
// The export buttons (each chart's PNG, the CSVs) load their code on first use too.
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element && event.target.closest("button[data-export]");
  if (button) import("./export.js").then((exports) => exports.save(button));
});
// The single offline file carries the glue in its own script (reluExplorerGlue), as it carries
// everything else: nothing is fetched.
const { default: init, initSync, mount } =
  window.reluExplorerGlue ?? (await import(`./${window.reluExplorerPackage ?? "pkg"}/relu_explorer.js`));
const compiled = await window.reluExplorerModule;
// Without compile.js's module, wasm-bindgen fetches and compiles it.
if (!compiled) await init();
// This module is async: it loads the glue and the module while the page is still parsed, then
// mounts at the end of parsing, at once, in the same task. The mount's measuring lays the page
// out there, and the browser's first paint after it shows the graph drawn, a layout and a paint
// sooner than if the mount waited behind them. The instance comes synchronously from the
// compiled module, so nothing waits between.
// A deferred script would also wait for the stylesheet; an async one must, or the mount would
// measure the charts and judge what is near the screen on a page laid out without it. A
// stylesheet that failed to load (no sheet, but its request is over) leaves a page to mount.
const stylesheet = document.querySelector('link[rel="stylesheet"]');
const styled = () =>
  !stylesheet || stylesheet.sheet || performance.getEntriesByName(stylesheet.href).length > 0;
const mountNow = () => {
  if (compiled) initSync({ module: compiled });
  window.reluExplorer = mount();
};
const start = () => {
  if (styled()) return mountNow();
  const once = () => {
    stylesheet.removeEventListener("load", once);
    stylesheet.removeEventListener("error", once);
    mountNow();
  };
  stylesheet.addEventListener("load", once);
  stylesheet.addEventListener("error", once);
};
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start, { once: true });
} else {
  start();
}
