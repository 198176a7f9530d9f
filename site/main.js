// Loads the WebAssembly module and brings the page to life; everything else is in Rust.
// compile.js chose the module (pkg/, or pkg-fuzz/ for a fuzz link) and started compiling it;
// without that head start, init fetches it.
const { default: init, mount } = await import(`./${window.reluExplorerPackage ?? "pkg"}/relu_explorer.js`);
const compiled = await window.reluExplorerModule;
await init(compiled ? { module_or_path: compiled } : undefined);
window.reluExplorer = mount();
