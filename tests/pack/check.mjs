// The npm package as a course author gets it: `node tests/pack/check.mjs <tarball>` (run by
// `cargo xtask test` on what `cargo xtask pack` wrote) installs the tarball into a new scratch
// project and runs the same exercise in the three places the package promises to work:
//   - Node, with initSync and the wasm's bytes found through the package's exports;
//   - a page without a bundler (an import map), served over HTTP, in headless Chromium;
//   - a page bundled by esbuild, which imports the wasm's URL through the package's exports;
// and type-checks a TypeScript program against its declarations.
// Each run reports its results as JSON, and each is checked against values worked out by hand.
// The package's module is its own build (Cargo.toml's `npm` profile, not the page's), so it is
// also held to the PyTorch fixture, as the browser tests hold the page's.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { launchChromium } from "../e2e/browser.mjs";

const tarball = process.argv[2];
if (!tarball) {
  console.error("usage: node tests/pack/check.mjs <relu-explorer-x.y.z.tgz>");
  process.exit(2);
}
const root = fileURLToPath(new URL("../..", import.meta.url));

/** The exercise every environment runs, as module source: `init` is the line that loads the
 * module; the results go to `report`. */
const exercise = (init, report) => `
import init, { initSync, relu, reluBackward, leakyRelu, sigmoid, Mlp } from "relu-explorer";
${init}
const x = new Float32Array([-1, -0, 2, NaN, -Infinity]);
const bits = (values) => Array.from(new Uint32Array(Float32Array.from(values).buffer));
const out = new Float32Array(5);
const results = {
  relu: bits(relu(x)),
  reluBackward: Array.from(reluBackward(x, new Float32Array([5, 5, 5, 5, 5]))),
  leakyRelu: Array.from(leakyRelu(new Float32Array([-2, 3]))),
  sigmoid: Array.from(sigmoid(new Float32Array([0]))),
  outIsOut: relu(x, out) === out,
  input: bits(x),
};
try {
  relu([1, 2]);
  results.error = "no error";
} catch (error) {
  results.error = String(error.message);
}
const inputs = Float32Array.from({ length: 32 }, (_, i) => -1 + i / 16);
const targets = inputs.map((v) => Math.abs(v));
const mlp = new Mlp(new Uint32Array([1, 16, 1]), "relu");
mlp.initialize("he", 7);
const first = mlp.trainStep(inputs, targets, 0.1);
let last = first;
for (let i = 0; i < 300; i++) last = mlp.trainStep(inputs, targets, 0.1);
results.losses = [first, last];
results.deadUnits = mlp.deadUnits(inputs).length;
mlp.free();
${report}
`;

/** What every environment must report. */
function check(where, results) {
  // relu keeps −0 and NaN's bits and sends −1 and −inf to +0.
  assert.deepEqual(results.relu, [0, 0x80000000, 0x40000000, 0x7fc00000, 0], `${where}: relu`);
  assert.deepEqual(results.reluBackward, [0, 0, 5, 5, 0], `${where}: reluBackward`);
  assert.deepEqual(results.leakyRelu, [Math.fround(-2 * Math.fround(0.01)), 3], `${where}: leakyRelu`);
  assert.deepEqual(results.sigmoid, [0.5], `${where}: sigmoid`);
  assert.equal(results.outIsOut, true, `${where}: relu(x, out) returns out`);
  assert.deepEqual(results.input, [0xbf800000, 0x80000000, 0x40000000, 0x7fc00000, 0xff800000], `${where}: x untouched`);
  assert.match(results.error, /relu: x must be a Float32Array .*got a plain Array/, `${where}: error message`);
  const [first, last] = results.losses;
  assert.ok(Number.isFinite(first) && last < first / 4, `${where}: the network learned (${first} → ${last})`);
  assert.equal(results.deadUnits, 16, `${where}: one census entry per hidden unit`);
  console.log(`pack check: ${where}: ok (loss ${first.toFixed(4)} → ${last.toFixed(4)})`);
}

/** A TypeScript program against the package: right calls type-check, and each wrong one is
 * an error (`@ts-expect-error` fails the check if a line that should be refused is not). */
const TYPED = `import init, { relu, reluBackward, leakyRelu, leakyReluBackward, sigmoid, tanh, Mlp } from "relu-explorer";
await init();
const x: Float32Array = relu(new Float32Array([1, -1]));
const out: Float32Array = relu(x, new Float32Array(2));
const grad: Float32Array = reluBackward(x, out, null);
leakyRelu(x);
leakyRelu(x, 0.2, out);
leakyReluBackward(x, grad);
sigmoid(x);
tanh(x, undefined);
const net = new Mlp(new Uint32Array([1, 2, 1]), "leaky_relu", 0.1);
net.initialize("he", 1);
net.initialize("normal", 1, 0, 0.5);
const loss: number = net.trainStep(x, out, 0.1);
const dead: Uint8Array = net.deadUnits(x);
const name: "relu" | "leaky_relu" | "sigmoid" | "tanh" = net.activation;
const sizes: Uint32Array = net.sizes;
net.setLayer(0, net.weight(0), net.bias(0));
console.log(loss, dead, name, sizes);
// @ts-expect-error a plain array is not a Float32Array
relu([1, 2]);
// @ts-expect-error reluBackward needs gradOutput
reluBackward(x);
// @ts-expect-error the slope is a number
leakyRelu(x, "0.1");
// @ts-expect-error no such activation
new Mlp(new Uint32Array([1, 1]), "gelu");
// @ts-expect-error no such scheme
net.initialize("kaiming", 1);
`;

/** Fails unless every function and method the API exports in `dts` has a doc comment. */
function checkDocComments(dts) {
  const api = dts.slice(dts.indexOf("export class Mlp"), dts.indexOf("export type InitInput"));
  const lines = api.split("\n");
  const undocumented = [];
  const declared = [];
  lines.forEach((line, i) => {
    const name = line.match(/^(?:export function |    )(?:readonly )?(\w+)[(:]/)?.[1];
    if (!name || ["free", "mount"].includes(name)) return;
    declared.push(name);
    if (!lines[i - 1].trim().endsWith("*/")) undocumented.push(name);
  });
  for (const name of ["relu", "reluBackward", "leakyRelu", "leakyReluBackward", "sigmoid", "sigmoidBackward",
    "tanh", "tanhBackward", "constructor", "initialize", "setLayer", "weight", "bias", "forward", "trainStep",
    "deadUnits", "sizes", "activation"]) {
    assert.ok(declared.includes(name), `relu_explorer.d.ts declares ${name}`);
  }
  assert.deepEqual(undocumented, [], "relu_explorer.d.ts: exports without a doc comment");
  assert.doesNotMatch(api, /\w\??: any\b/, "relu_explorer.d.ts: an API parameter typed any");
}

/** A static server for `dir` on an ephemeral port, with the types browsers insist on. */
function serve(dir) {
  const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };
  const server = createServer((request, response) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(request.url, "http://x").pathname)));
    if (!path.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(path);
      response.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

/** The installed package against the PyTorch fixture (tests/fixtures/torch_reference.txt), in
 * Node: each op's cases (each slope's, for Leaky ReLU) in one long array, so that the SIMD
 * kernels run and not only the scalar tail. ReLU and Leaky ReLU give PyTorch's bits forward and
 * backward, NaN payloads included (read through a Uint32Array view: as JS numbers a signalling
 * NaN would be quieted); sigmoid and tanh are within 4 ulps of PyTorch's own approximations. */
async function checkFixture(api) {
  const groups = new Map();
  for (const line of readFileSync(join(root, "tests/fixtures/torch_reference.txt"), "utf8").split("\n")) {
    const fields = line.trim().split(/\s+/);
    // '<op>@scalar' lines are PyTorch's size-1 path, where it differs from the long tensor's.
    if (line.startsWith("#") || fields.length !== 6 || fields[0].includes("@")) continue;
    const key = `${fields[0]} ${fields[1]}`;
    groups.set(key, [...(groups.get(key) ?? []), fields.slice(2).map((hex) => parseInt(hex, 16))]);
  }
  const floats = (words) => new Float32Array(Uint32Array.from(words).buffer);
  const bits = (array) => new Uint32Array(array.buffer, array.byteOffset, array.length);
  const isNaN32 = (word) => (word & 0x7fffffff) > 0x7f800000;
  let cases = 0;
  for (const [key, rows] of groups) {
    const [op, slopeHex] = key.split(" ");
    const slope = floats([parseInt(slopeHex, 16)])[0];
    const x = floats(rows.map((row) => row[0]));
    const grad = floats(rows.map((row) => row[1]));
    const results = {
      relu: () => [api.relu(x), api.reluBackward(x, grad)],
      leaky_relu: () => [api.leakyRelu(x, slope), api.leakyReluBackward(x, grad, slope)],
      sigmoid: () => [api.sigmoid(x)],
      tanh: () => [api.tanh(x)],
    }[op];
    assert.ok(results, `the fixture's op ${op} has no export to check`);
    const [y, dx] = results().map(bits);
    rows.forEach(([xBits, , yBits, dxBits], i) => {
      const where = `${key} at x = ${xBits.toString(16)}`;
      if (dx) {
        assert.equal(y[i], yBits, `${where}: y`);
        assert.equal(dx[i], dxBits, `${where}: x.grad`);
      } else if (isNaN32(yBits)) {
        assert.ok(isNaN32(y[i]), `${where}: NaN`);
      } else {
        assert.ok(Math.abs(y[i] - yBits) <= 4, `${where}: ${y[i].toString(16)} against PyTorch's ${yBits.toString(16)}`);
      }
    });
    cases += rows.length;
  }
  assert.ok(cases > 2000, `only ${cases} fixture cases`);
  console.log(`pack check: the PyTorch fixture: ok (${cases} cases)`);
}

/** Opens `url` in headless Chromium and returns what the page reports in `data-results`. */
async function inBrowser(browser, url) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.results || document.documentElement.dataset.failed, null, { timeout: 20_000 });
  const { results, failed } = await page.evaluate(() => document.documentElement.dataset);
  await page.close();
  if (failed || errors.length) throw new Error(`${url}: ${failed ?? ""} ${errors.join("; ")}`);
  return JSON.parse(results);
}

const scratch = resolve(mkdtempSync(join(tmpdir(), "relu-explorer-pack-")));
try {
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", resolve(tarball)], { cwd: scratch, stdio: "inherit" });

  // Node: the wasm's bytes through the package's export of the file.
  writeFileSync(join(scratch, "node.mjs"), exercise(
    `import { readFileSync } from "node:fs";
initSync({ module: readFileSync(new URL(import.meta.resolve("relu-explorer/relu_explorer_bg.wasm"))) });`,
    "console.log(JSON.stringify(results));",
  ));
  check("Node", JSON.parse(execFileSync("node", ["node.mjs"], { cwd: scratch, encoding: "utf8" })));
  const installed = join(scratch, "node_modules/relu-explorer");
  const api = await import(pathToFileURL(join(installed, "relu_explorer.js")).href);
  api.initSync({ module: readFileSync(join(installed, "relu_explorer_bg.wasm")) });
  await checkFixture(api);

  // A page without a bundler: an import map, and init() fetching the wasm beside the module.
  const report = "document.documentElement.dataset.results = JSON.stringify(results);";
  writeFileSync(join(scratch, "plain.mjs"), exercise("await init();", report));
  const page = (script) => `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="importmap">{"imports": {"relu-explorer": "./node_modules/relu-explorer/relu_explorer.js"}}</script>
<script type="module">
window.addEventListener("error", (event) => { document.documentElement.dataset.failed = String(event.message); });
import("./${script}").catch((error) => { document.documentElement.dataset.failed = String(error); });
</script></head><body></body></html>`;
  writeFileSync(join(scratch, "plain.html"), page("plain.mjs"));

  // Through a bundler: esbuild resolves the package and copies the wasm it imports.
  writeFileSync(join(scratch, "bundled.mjs"), exercise(
    `import wasmUrl from "relu-explorer/relu_explorer_bg.wasm";
await init({ module_or_path: wasmUrl });`,
    report,
  ));
  execFileSync(join(root, "node_modules/.bin/esbuild"), [
    "bundled.mjs", "--bundle", "--format=esm", "--loader:.wasm=file", "--outdir=bundle", "--log-level=warning",
  ], { cwd: scratch, stdio: "inherit" });
  // esbuild writes the wasm file beside the bundle and its URL relative to the page, so the
  // page goes there too (elsewhere, esbuild's --public-path says where the files are served).
  writeFileSync(join(scratch, "bundle/bundled.html"), page("bundled.js"));

  // TypeScript: the declarations type a correct program and refuse wrong calls, and every
  // function and method of the API carries its doc comment (what an editor shows on hover).
  writeFileSync(join(scratch, "typed.ts"), TYPED);
  execFileSync(join(root, "node_modules/.bin/tsc"), [
    "--noEmit", "--strict", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext",
    "--lib", "es2022,esnext.disposable,dom", "typed.ts",
  ], { cwd: scratch, stdio: "inherit" });
  checkDocComments(readFileSync(join(scratch, "node_modules/relu-explorer/relu_explorer.d.ts"), "utf8"));
  console.log("pack check: TypeScript: ok (typed, wrong calls refused, every export documented)");

  const server = await serve(scratch);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launchChromium();
  try {
    check("a page without a bundler", await inBrowser(browser, `${base}plain.html`));
    check("a page bundled by esbuild", await inBrowser(browser, `${base}bundle/bundled.html`));
  } finally {
    await browser.close();
    server.close();
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
