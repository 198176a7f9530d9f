// Sizes the page's frame through its host, with the H5P resizer protocol: a course page or LMS
// that loads the standard `h5p-resizer.js` sizes the <iframe> to the page's height with no
// code of its own. main.js loads this only when the page is framed.
//
// The messages, each `{ context: "h5p", action, … }` posted to the parent window:
//   this page → host: `hello` (is anyone there?), `prepareResize` with `scrollHeight` and
//   `clientHeight` (the page's height changed), `resize` with `scrollHeight` (set the frame
//   to this height);
//   host → this page: `hello` (yes: the host sizes the frame), `resizePrepared` (the frame
//   was reset; send the height), `ready` (the host's resizer loaded after this page).
//
// Origins: the host's origin is not known in advance (any LMS), so messages go to "*"; they
// carry heights only, never the page's state. Messages are acted on only when they come from
// the parent window and say `context: "h5p"`; anything else is ignored.

const send = (action, data = {}) => window.parent.postMessage({ ...data, context: "h5p", action }, "*");
const body = document.body;
let friendly = false;

/** Tells the host that the height changed, or asks again for a host until one answers. */
const changed = () => {
  if (friendly) {
    send("prepareResize", { scrollHeight: body.scrollHeight, clientHeight: body.clientHeight });
  } else {
    send("hello");
  }
};

window.addEventListener("message", (event) => {
  if (event.source !== window.parent || event.data?.context !== "h5p") return;
  switch (event.data.action) {
    case "hello":
      friendly = true;
      // The frame takes the page's height: no scroll bar of its own.
      document.documentElement.dataset.sized = "host";
      changed();
      break;
    case "resizePrepared":
      send("resize", { scrollHeight: body.scrollHeight });
      break;
    case "ready":
      send("hello");
      break;
  }
});

// Every change of the page's height (a chart drawn, a section opened, a language switched)
// is reported, once per layout: the observer runs after layout, never in a loop of its own.
new ResizeObserver(changed).observe(body);
send("hello");
