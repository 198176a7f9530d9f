// Runs before the page is first drawn (a classic script in <head>), for what must be right on
// that first paint or start early. (A file, not an inline script: the page runs under a
// Content-Security-Policy whose script-src is 'self'.)
//
// 1. Language and colours. The page holds its prose in every language and the stylesheet shows
//    the language of <html lang>; the theme is <html data-theme>. Both come from the link
//    (`lang=zh-CN`, `theme=dark`) when it names one, else from the browser: its first
//    preferred language that the page speaks, and the system's colour scheme (no attribute).
//    The module's State reads the same link again, validates every key and reports a bad one.
// 2. What a course page frames: `embed=graph` shows that section alone (and the page's message)
//    and `hide=x-min,x-max` hides those controls with their labels and readouts. The link's
//    values go to <html data-embed> and <html data-hide> (space-separated), and from there into
//    a stylesheet of their own, before the first paint, so that a frame never shows the whole
//    page first. The module validates them and corrects the attributes (a value that names
//    nothing is reported and removed); this sheet follows. Readers of the whole page get no
//    rule at all. Ids are checked to be ids before they go into a rule.
// 3. The module. index.html loads this before its stylesheet, which would hold a later script
//    back until it loads; main.js hands the compiled module to wasm-bindgen, which fetches the
//    file itself if this failed. A link with `fuzz=1` or `stringTest=` gets the build with the
//    test tools (the fuzz mode and the string tests), pkg-fuzz/; every other reader the
//    smaller pkg/.
{
const params = new URLSearchParams(location.hash.slice(1));
const root = document.documentElement;
// A one-language file (cargo xtask dist) says which it holds; the page holds both.
const languages = root.dataset.onlyLang ? [root.dataset.onlyLang] : ["en", "zh-CN"];
const preferred = (navigator.languages ?? [navigator.language])
  .map((tag) => (tag.toLowerCase().startsWith("zh") ? "zh-CN" : tag.slice(0, 2).toLowerCase()))
  .find((tag) => languages.includes(tag));
// The browser's choice is kept too: a link without `lang` (or with a bad one) falls back to it.
root.dataset.browserLang = preferred ?? languages[0];
root.lang = languages.includes(params.get("lang"))
  ? params.get("lang")
  : root.dataset.browserLang;
if (["light", "dark"].includes(params.get("theme"))) {
  root.dataset.theme = params.get("theme");
}
if (params.get("embed")) root.dataset.embed = params.get("embed");
if (params.get("hide")) root.dataset.hide = params.get("hide").split(",").join(" ");
const framing = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, framing];
const isId = (text) => /^[A-Za-z][\w-]*$/.test(text);
const frame = () => {
  const rules = [];
  const hide = (selector) => rules.push(`${selector} { display: none !important; }`);
  const shown = root.dataset.embed;
  if (shown && isId(shown)) {
    hide(`body :not(:has(#${shown}), #${shown}, #${shown} *, :has(#page-message), #page-message)`);
    // What holds the section frames nothing now: no card, rule or margin around it.
    rules.push(`main :has(#${shown}) { border: 0; margin: 0; padding: 0; background: none; }`);
  }
  const hidden = (root.dataset.hide ?? "").split(" ").filter(isId);
  for (const c of hidden) hide(`:is(#${c}, .slider:has(> #${c}), .check:has(> #${c}), .field:has(> #${c}))`);
  // A group left with no control (the x range without its two sliders, a chart's export row
  // without its buttons) goes too.
  if (hidden.length) {
    const ids = hidden.map((c) => `#${c}`).join(", ");
    hide(`:is(fieldset, .presets, .exports):not(:has(:is(input, select, button, textarea):not(${ids})))`);
  }
  framing.replaceSync(rules.join("\n"));
};
frame();
new MutationObserver(frame).observe(root, { attributeFilter: ["data-embed", "data-hide"] });
const testTools = ["1", "true", "on"].includes(params.get("fuzz")) || params.has("stringTest");
window.reluExplorerPackage = testTools ? "pkg-fuzz" : "pkg";
// The single offline file has already started compiling the module it carries.
window.reluExplorerModule ??= fetch(`${window.reluExplorerPackage}/relu_explorer_bg.wasm`)
  .then((r) => (r.ok ? WebAssembly.compileStreaming(r) : undefined))
  .catch(() => undefined);
}
