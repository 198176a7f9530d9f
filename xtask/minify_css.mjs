// Minifies the page's stylesheet for `cargo xtask build`: node xtask/minify_css.mjs IN OUT.
// lightningcss's minifier, with no browser targets, so that nothing is lowered or prefixed:
// what the source says is what the page gets, in fewer bytes (comments, spaces, shorter
// colours and selectors).

import { readFileSync, writeFileSync } from "node:fs";

import { transform } from "lightningcss";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node xtask/minify_css.mjs IN.css OUT.css");
  process.exit(2);
}
const { code, warnings } = transform({
  filename: input,
  code: readFileSync(input),
  minify: true,
  errorRecovery: false,
});
// A warning is a rule the parser did not understand: in the page it would be dropped silently.
if (warnings.length) {
  for (const w of warnings) console.error(`${input}:${w.loc.line}:${w.loc.column}: ${w.message}`);
  process.exit(1);
}
writeFileSync(output, code);
