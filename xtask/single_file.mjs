// Writes the page built in www/ as one self-contained HTML file (cargo xtask dist):
//   node xtask/single_file.mjs WWW_DIR PAGE OUT [FIRST]
// PAGE is the rendered page to start from (www/index.html, or a one-language rendering of it);
// FIRST, a classic script (site/scorm.js, for the SCORM package's launch page) that runs
// before every other script, minified.
//
// What the file holds, in place of what the hosted page fetches:
// - the stylesheet, in a <style>;
// - the WebAssembly module, gzip-compressed and base64-encoded in a classic script that starts
//   compiling it (DecompressionStream, a web standard) before compile.js runs, which then
//   fetches nothing (`reluExplorerModule ??=`);
// - main.js with the wasm-bindgen glue and every module main.js imports by a static path
//   (the resizer, the dialogs' lazily loaded code), bundled by esbuild into one module script;
//   the glue reaches main.js as `window.reluExplorerGlue`.
// The page's Content-Security-Policy comes with it, as a <meta>: its own scripts by hash,
// WebAssembly, inline styles, data: images, and no request to anywhere (default-src 'none'),
// so that nothing leaves the file wherever it is opened or uploaded.
import { readFile, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import * as esbuild from "esbuild";

const [www, pagePath, out, first] = process.argv.slice(2);
if (!out) {
  console.error("usage: node xtask/single_file.mjs WWW_DIR PAGE OUT [FIRST]");
  process.exit(2);
}
const text = (name) => readFile(join(www, name), "utf8");

// Replaces `from` in the page, exactly once: a template that no longer has it is a build error,
// not a file that quietly fetches.
let page = await readFile(pagePath, "utf8");
const replace = (from, to) => {
  const at = page.indexOf(from);
  if (at < 0 || page.indexOf(from, at + 1) >= 0) {
    throw new Error(`${pagePath} must contain ${JSON.stringify(from)} exactly once`);
  }
  page = page.slice(0, at) + to + page.slice(at + from.length);
};

// A script's text may not close its element nor open a comment inside it.
const inline = (code, what) => {
  if (/<\/script|<!--/i.test(code)) throw new Error(`${what} contains </script or <!--`);
  return code;
};

const glue = "relu-explorer-glue";
const bundled = await esbuild.build({
  stdin: {
    contents: `import "${glue}";\nimport "./main.js";\n`,
    resolveDir: www,
    sourcefile: "single-file.js",
  },
  bundle: true,
  format: "esm",
  minify: true,
  write: false,
  logLevel: "error",
  // main.js's import of the hosted page's glue names its folder at run time; the single file
  // never takes that branch, so it stays as written.
  logOverride: { "unsupported-dynamic-import": "silent" },
  plugins: [
    {
      name: "glue-global",
      setup(build) {
        build.onResolve({ filter: new RegExp(`^${glue}$`) }, () => ({ path: glue, namespace: glue }));
        build.onLoad({ filter: /.*/, namespace: glue }, () => ({
          contents: `import * as glue from "./pkg/relu_explorer.js";\nwindow.reluExplorerGlue = glue;\n`,
          resolveDir: www,
        }));
      },
    },
  ],
});
const moduleScript = inline(bundled.outputFiles[0].text, "the bundled module");

const wasm = await readFile(join(www, "pkg/relu_explorer_bg.wasm"));
const packed = gzipSync(wasm, { level: 9 }).toString("base64");
const wasmScript = inline(
  `window.reluExplorerModule=new Response(new Blob([Uint8Array.from(atob("${packed}"),c=>c.charCodeAt(0))])` +
    `.stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer().then(b=>WebAssembly.compile(b));`,
  "the module's script",
);
const compileScript = inline(await text("compile.js"), "compile.js");
const firstScript = first
  ? inline((await esbuild.transform(await readFile(first, "utf8"), { minify: true })).code, first)
  : "";
const style = (await text("style.css")).replace(/<\/style/gi, "<\\/style");

const hash = (code) => `'sha256-${createHash("sha256").update(code).digest("base64")}'`;
const policy = [
  "default-src 'none'",
  `script-src ${[firstScript, wasmScript, compileScript, moduleScript].filter(Boolean).map(hash).join(" ")} 'wasm-unsafe-eval'`,
  `style-src ${hash(style)}`,
  "img-src data: blob:",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

replace(
  '<meta charset="utf-8">',
  `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${policy}">`,
);
replace(
  '<script src="compile.js"></script>',
  (firstScript ? `<script>${firstScript}</script>\n` : "") +
    `<script>${wasmScript}</script>\n<script>${compileScript}</script>`,
);
replace('<link rel="stylesheet" href="style.css">', `<style>${style}</style>`);
replace('<link rel="modulepreload" href="pkg/relu_explorer.js">\n', "");
replace('<script type="module" src="main.js" async></script>', `<script type="module">${moduleScript}</script>`);
// The footer's link to the JS API reference leads to a page of the hosted site, which the file
// has no copy of.
const apiLink = page.match(/<p class="footer-api">.*?<\/p>\n/s);
if (!apiLink) throw new Error(`${pagePath} must link to the API reference in its footer`);
replace(apiLink[0], "");

await writeFile(out, page);
