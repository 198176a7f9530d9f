// Loads the WebAssembly module and brings the page to life; everything else is in Rust.
// compile.js chose the module (pkg/, or pkg-fuzz/ for a fuzz link) and started compiling it;
// without that head start, init fetches it.
// A page in a frame also asks its host to size the frame (resizer.js); a page read on its own
// never downloads that.
if (window.parent !== window) import("./resizer.js");
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
const { default: init, mount } =
  window.reluExplorerGlue ?? (await import(`./${window.reluExplorerPackage ?? "pkg"}/relu_explorer.js`));
const compiled = await window.reluExplorerModule;
await init(compiled ? { module_or_path: compiled } : undefined);
window.reluExplorer = mount();
