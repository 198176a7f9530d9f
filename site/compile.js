// Runs before the page is first drawn (a classic script in <head>), for what must be right on
// that first paint or start early. (A file, not an inline script: the page runs under a
// Content-Security-Policy whose script-src is 'self'.)
//
// 1. Language and colours. The page holds its prose in every language and the stylesheet shows
//    the language of <html lang>; the theme is <html data-theme>. Both come from the link
//    (`lang=zh-CN`, `theme=dark`) when it names one, else from the browser: its first
//    preferred language that the page speaks, and the system's colour scheme (no attribute).
//    The module's State reads the same link again, validates every key and reports a bad one.
// 2. The module. index.html loads this before its stylesheet, which would hold a later script
//    back until it loads; main.js hands the compiled module to wasm-bindgen, which fetches the
//    file itself if this failed. A link with `fuzz=1` or `stringTest=` gets the build with the
//    test tools (the fuzz mode and the string tests), pkg-fuzz/; every other reader the
//    smaller pkg/.
{
const params = new URLSearchParams(location.hash.slice(1));
const languages = ["en", "zh-CN"];
const preferred = (navigator.languages ?? [navigator.language])
  .map((tag) => (tag.toLowerCase().startsWith("zh") ? "zh-CN" : tag.slice(0, 2).toLowerCase()))
  .find((tag) => languages.includes(tag));
// The browser's choice is kept too: a link without `lang` (or with a bad one) falls back to it.
document.documentElement.dataset.browserLang = preferred ?? "en";
document.documentElement.lang = languages.includes(params.get("lang"))
  ? params.get("lang")
  : document.documentElement.dataset.browserLang;
if (["light", "dark"].includes(params.get("theme"))) {
  document.documentElement.dataset.theme = params.get("theme");
}
const testTools = ["1", "true", "on"].includes(params.get("fuzz")) || params.has("stringTest");
window.reluExplorerPackage = testTools ? "pkg-fuzz" : "pkg";
window.reluExplorerModule = fetch(`${window.reluExplorerPackage}/relu_explorer_bg.wasm`)
  .then((r) => (r.ok ? WebAssembly.compileStreaming(r) : undefined))
  .catch(() => undefined);
}
