// compare feature: progressive enhancement only. Every base's rendering is already in the page (the default
// one visible, the others `hidden`); picking another base only flips `hidden` and the "base" flags.
(function () {
  "use strict";
  function setBase(set, key) {
    set.querySelectorAll("[data-base]").forEach(function (el) {
      el.hidden = el.getAttribute("data-base") !== key;
    });
    var heading = null;
    set.querySelectorAll(".col").forEach(function (col) {
      var isBase = col.getAttribute("data-key") === key;
      col.classList.toggle("is-base", isBase);
      var flag = col.querySelector(".base-flag");
      if (flag) flag.hidden = !isBase;
      if (isBase) heading = col.querySelector("h3");
    });
    set.setAttribute("data-current", key);
    var live = set.querySelector("[data-live]");
    if (!live || !heading) return;
    // The base's name is its column heading's nodes, copied: the marks its parts carry are kept (an article's
    // title in another language, with its `lang` and `dir`; the site's words, lang="en"), and nothing written by
    // the editors becomes markup. Isolated, as the page shows it; on a site in another language, where the
    // announcement is marked English (templates/compare_columns.html), the outlet's name is in the page's.
    var outlet = document.createElement("bdi");
    if (live.lang) outlet.lang = document.documentElement.lang;
    heading.childNodes.forEach(function (node) { outlet.appendChild(node.cloneNode(true)); });
    outlet.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    live.textContent = "Differences are now marked against ";
    live.appendChild(outlet);
    live.appendChild(document.createTextNode("."));
  }
  function init() {
    document.querySelectorAll(".cmp").forEach(function (set) {
      var chooser = set.querySelector(".base-chooser");
      if (!chooser) return;
      chooser.hidden = false;
      chooser.addEventListener("change", function (event) {
        var input = event.target;
        if (input && input.type === "radio" && input.checked) setBase(set, input.value);
      });
      var checked = chooser.querySelector("input:checked");  // a reload may restore another choice
      if (checked && checked.value !== set.getAttribute("data-default")) setBase(set, checked.value);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
