// Sharing the page as it is now: "Copy link" among the page tools, and an "Embed" button by each
// embeddable part's heading, which opens a dialog with the <iframe> code that shows that part
// alone (embed=) in the current state and language, a copy button, and a live preview of the
// code's link. main.js loads this module on the first click of a `button[data-share]` and hands
// it every such click: a reader who never shares never downloads it.
//
// Every word shown is the page's own (i18n/*.ftl, rendered into i18n/page.html in each
// language, one <span lang> each); this only picks which. A result is also written to the
// status's data-result ("done" or "failed"), for tests. Nothing read from the link or the page
// is parsed as markup: the code is a textarea's value, the preview's link a property.

const root = document.documentElement;
const dialog = document.getElementById("share-dialog");
const code = document.getElementById("share-code");
const preview = document.getElementById("share-preview");
/** The frame's default height, in CSS pixels, when the part's own cannot be measured. */
const DEFAULT_HEIGHT = 900;

/** The page's link without its hash. */
const pageUrl = () => location.href.split("#")[0];

/** The hash (without "#") of the page's state now: the module's, or the link's before it runs. */
const stateHash = () => window.reluExplorer?.stateHash() ?? location.hash.slice(1);

/** What `element` says in the page's language (one span per language), else all its text. */
const inLanguage = (element) =>
  (element.querySelector(`span[lang="${root.lang}"]`) ?? element).textContent;

/** `text` made safe inside a double-quoted HTML attribute. */
const attribute = (text) =>
  text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A link made safe inside a double-quoted HTML attribute, its `&`s kept readable: the module
 * percent-encodes every value, so a `&` separates keys, which HTML reads as itself there (it
 * decodes no character reference followed by `=`), and a quote cannot occur but is encoded. */
const linkAttribute = (url) => url.replace(/"/g, "%22").replace(/</g, "%3C").replace(/>/g, "%3E");

/** The link that shows the part `id` alone, in the state and language the page has now: the
 * state's own keys kept as the module wrote them, `embed=` first and an explicit `lang=`. */
function embedUrl(id) {
  const kept = stateHash()
    .split("&")
    .filter((pair) => pair && !["embed", "lang"].includes(pair.split("=", 1)[0]));
  const hash = [`embed=${encodeURIComponent(id)}`, ...kept, `lang=${encodeURIComponent(root.lang)}`];
  return `${pageUrl()}#${hash.join("&")}`;
}

/** Shows a status's message for `result` ("done", "failed"), or none for null. A message shown
 * again is hidden first for a frame, so that a screen reader announces it again. */
function report(status, result) {
  for (const message of status.querySelectorAll(":scope > [data-says]")) message.hidden = true;
  delete status.dataset.result;
  if (!result) return;
  requestAnimationFrame(() => {
    status.querySelector(`:scope > [data-says="${result}"]`).hidden = false;
    status.dataset.result = result;
  });
}

/** Copies `text` to the clipboard. Where the Clipboard API is missing (a page served over plain
 * http) or refused, selects the text in `field` (if given) and tries the older copy command.
 * Resolves to whether the text was copied; when not, `field`'s text stays selected. */
async function copy(text, field) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!field) return false;
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}

/** Opens the dialog for the part that holds `button`. */
function openDialog(button) {
  const part = button.closest("[data-embeddable]");
  const heading = part.querySelector(".section-head > :is(h2, h3, h4)");
  const title = inLanguage(document.getElementById("share-frame-title")) + inLanguage(heading).trim();
  const url = embedUrl(part.id);
  // As tall as the part is on this page, rounded up, with room to spare: a host without the
  // resizer (see README, "Frame height") keeps this height and scrolls.
  const measured = part.getBoundingClientRect().height;
  const height = measured > 0 ? Math.ceil(measured / 100) * 100 + 100 : DEFAULT_HEIGHT;
  code.value =
    `<iframe src="${linkAttribute(url)}" width="100%" height="${height}" title="${attribute(title)}"></iframe>`;
  // From file:// the code names a file on this computer, which no course page can frame.
  document.getElementById("share-file-note").hidden = location.protocol !== "file:";
  preview.title = title;
  preview.src = url;
  report(document.getElementById("share-status"), null);
  dialog.showModal();
  // Focus by script, not an `autofocus` attribute: a page framed across origins (the single
  // file's preview, from file://) reports every autofocus candidate in its markup as an error.
  document.getElementById("share-copy").focus();
  dialog.addEventListener("close", () => {
    // The preview is a second page: it stops (a lab it trains, its drawing) when the dialog goes.
    preview.src = "about:blank";
    button.focus();
  }, { once: true });
}

/** Acts on a click on a `button[data-share]`: its data-share says what it does. */
export async function act(button) {
  switch (button.dataset.share) {
    case "embed":
      openDialog(button);
      break;
    case "copy":
      report(document.getElementById("share-status"), (await copy(code.value, code)) ? "done" : "failed");
      break;
    case "close":
      dialog.close();
      break;
    case "link": {
      const hash = stateHash();
      const link = hash ? `${pageUrl()}#${hash}` : pageUrl();
      report(document.getElementById("copy-link-status"), (await copy(link)) ? "done" : "failed");
      break;
    }
  }
}
