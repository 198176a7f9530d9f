// Loads the WebAssembly module and brings the page to life; everything else is in Rust.
import init, { mount } from "./pkg/relu_explorer.js";

// index.html starts compiling the module early; without that head start, init fetches it.
const compiled = await window.reluExplorerModule;
await init(compiled ? { module_or_path: compiled } : undefined);
window.reluExplorer = mount();
