// The export buttons: a chart's PNG, and the graph's samples and the lab's training history as
// CSV. main.js loads this on the first click on one (`data-export` names the file to save).
// A PNG is the canvas's backing store as last drawn (CSS size × devicePixelRatio, so a HiDPI
// screen saves a sharp picture); a CSV is the module's own text (Explorer.graphCsv, labCsv).
// The file is handed to the browser through an object URL: nothing is sent anywhere.

/** Saves what `button` names: the canvas `data-canvas` as PNG, or the table `data-csv`. */
export async function save(button) {
  const { export: name, canvas, csv } = button.dataset;
  let blob;
  if (canvas) {
    blob = await new Promise((resolve) => document.getElementById(canvas)?.toBlob(resolve, "image/png"));
  } else {
    // Before the module has mounted there is nothing to save yet.
    const explorer = window.reluExplorer;
    const text = explorer && (csv === "lab" ? explorer.labCsv() : explorer.graphCsv());
    if (text) blob = new Blob([text], { type: "text/csv" });
  }
  if (!blob) return;
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  // The browser has started the download by the next task; the URL is not needed after.
  setTimeout(() => URL.revokeObjectURL(link.href));
}
