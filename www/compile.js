// Chooses the page's module and starts compiling it while the page is parsed and laid out.
// index.html loads this classic script before its stylesheet, which would hold a later script
// back until it loads; main.js hands the result to wasm-bindgen, which fetches the file itself
// if this failed. (A file, not an inline script: the page runs under a Content-Security-Policy
// whose script-src is 'self'.)
//
// A link with `fuzz=1` (read as the page's State reads a flag) gets the build with the fuzz
// mode, pkg-fuzz/; every other reader the smaller pkg/. State still validates every key.
window.reluExplorerPackage = ["1", "true", "on"].includes(
  new URLSearchParams(location.hash.slice(1)).get("fuzz"),
)
  ? "pkg-fuzz"
  : "pkg";
window.reluExplorerModule = fetch(`${window.reluExplorerPackage}/relu_explorer_bg.wasm`)
  .then((r) => (r.ok ? WebAssembly.compileStreaming(r) : undefined))
  .catch(() => undefined);
