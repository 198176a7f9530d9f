// Starts compiling the WebAssembly module while the page is parsed and laid out. index.html
// loads this classic script before its stylesheet, which would hold a later script back until
// it loads; main.js hands the result to wasm-bindgen, which fetches the file itself if this
// failed. (A file, not an inline script: the page runs under a Content-Security-Policy whose
// script-src is 'self'.)
window.reluExplorerModule = fetch("pkg/relu_explorer_bg.wasm")
  .then((r) => (r.ok ? WebAssembly.compileStreaming(r) : undefined))
  .catch(() => undefined);
