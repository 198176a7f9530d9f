// Loads the WebAssembly module and brings the page to life; everything else is in Rust.
import init, { mount } from "./pkg/relu_explorer.js";

await init();
window.reluExplorer = mount();
