// The SCORM 1.2 launch script: the first script of the SCORM package's page (cargo xtask dist
// inlines it there, and nowhere else). The page works the same without an LMS; with one, it
// - finds the LMS's run-time object, `API`, in a window that holds this one (its parents, then
//   its opener's), as ADL's discovery algorithm does, skipping windows of another origin;
// - starts the session (`LMSInitialize("")`) and takes the learner's language from
//   `cmi.student_preference.language` when the link names none, so that it is right from the
//   first paint (compile.js reads the link next);
// - on leaving, records the visit: status `completed` (the page has no assessment; having
//   opened it is the whole activity) and the session time, then `LMSCommit` and `LMSFinish`.
// The LMS's answers are only ever read as text; a value that is not a language is ignored.
{
  /** The LMS's API in `win` or a window holding it, or null. ADL allows 7 levels. */
  const search = (win) => {
    for (let level = 0; win && level <= 7; level += 1) {
      try {
        if (win.API) return win.API;
      } catch {
        // A window of another origin: not the LMS's run-time for this page.
      }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  };
  const api = search(window) ?? (window.opener ? search(window.opener) : null);
  if (api && String(api.LMSInitialize("")) === "true") {
    const started = Date.now();
    const params = new URLSearchParams(location.hash.slice(1));
    if (!params.has("lang")) {
      const preference = String(api.LMSGetValue("cmi.student_preference.language") ?? "");
      const lang = /^zh(?:$|[-_])/i.test(preference) ? "zh-CN" : /^en(?:$|[-_])/i.test(preference) ? "en" : null;
      if (lang) {
        params.set("lang", lang);
        history.replaceState(history.state, "", `#${params}`);
      }
    }
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      const seconds = Math.round((Date.now() - started) / 1000);
      const two = (n) => String(n).padStart(2, "0");
      api.LMSSetValue("cmi.core.lesson_status", "completed");
      api.LMSSetValue(
        "cmi.core.session_time",
        `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`,
      );
      api.LMSCommit("");
      api.LMSFinish("");
    };
    // pagehide comes when the LMS closes or replaces the frame, and on a tab's close;
    // beforeunload too for LMSs that unload the frame without it.
    addEventListener("pagehide", finish);
    addEventListener("beforeunload", finish);
  }
}
