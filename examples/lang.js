// The examples' language: each page holds its text in English and Chinese, one element with a
// lang attribute each, and examples.css shows those of <html lang>. The language comes from the
// link (`#lang=zh-CN`), else from the browser's preferences; the language buttons switch it.
// A classic script in <head>, so that the first paint is already in the right language.
{
  const root = document.documentElement;
  const languages = ["en", "zh-CN"];
  const linked = new URLSearchParams(location.hash.slice(1)).get("lang");
  const preferred = (navigator.languages ?? [navigator.language])
    .map((tag) => (tag.toLowerCase().startsWith("zh") ? "zh-CN" : tag.slice(0, 2).toLowerCase()))
    .find((tag) => languages.includes(tag));
  root.lang = languages.includes(linked) ? linked : (preferred ?? "en");

  const show = () => {
    for (const button of document.querySelectorAll("button[data-lang]")) {
      button.setAttribute("aria-pressed", String(button.dataset.lang === root.lang));
    }
  };
  document.addEventListener("DOMContentLoaded", () => {
    show();
    for (const button of document.querySelectorAll("button[data-lang]")) {
      button.addEventListener("click", () => {
        root.lang = button.dataset.lang;
        history.replaceState(null, "", `#lang=${root.lang}`);
        show();
      });
    }
  });
}
