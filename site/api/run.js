// Runs the reference's examples (api.html) in a worker, away from the page: each is a real
// module file that imports the API and prints with console.log, shown on the page exactly as it
// runs. Here console.log posts each line back to the page instead, formatted as a browser's
// console shows the value, so that a reader who copies an example sees the same in their own.
// A query string that changes with every run makes import() run the module again (the module
// map keeps a module by its URL); the API's own module stays loaded and initialised.

/** A value as a console shows it: a typed array with its type and length, -0 as -0. */
const format = (value) => {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const items = Array.from(value, format);
    return `${value.constructor.name}(${value.length}) [${items.join(", ")}]`;
  }
  return String(value);
};

let running = null;
console.log = (...values) => postMessage({ id: running, line: values.map(format).join(" ") });

onmessage = async ({ data: { id, url } }) => {
  running = id;
  try {
    await import(url);
    postMessage({ id, done: true });
  } catch (error) {
    postMessage({ id, error: String(error) });
  }
};
