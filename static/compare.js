// compare feature: progressive enhancement only. Every base's rendering is already in the page (the default
// one visible, the others `hidden`); picking another base only flips `hidden` and the "base" flags.
(function () {
  "use strict";
  function setBase(set, key) {
    set.querySelectorAll("[data-base]").forEach(function (el) {
      el.hidden = el.getAttribute("data-base") !== key;
    });
    var name = "";
    set.querySelectorAll(".col").forEach(function (col) {
      var isBase = col.getAttribute("data-key") === key;
      col.classList.toggle("is-base", isBase);
      var flag = col.querySelector(".base-flag");
      if (flag) flag.hidden = !isBase;
      if (isBase) name = col.querySelector("h3").textContent;
    });
    set.setAttribute("data-current", key);
    var live = set.querySelector("[data-live]");
    if (live && live.lang) {
      // (marked English on a site in another language, templates/compare_columns.html: the outlet's name is the
      // dossier's, in the page's language, isolated as the page shows it)
      var outlet = document.createElement("bdi");
      outlet.lang = document.documentElement.lang;
      outlet.textContent = name;
      live.textContent = "Differences are now marked against ";
      live.appendChild(outlet);
      live.appendChild(document.createTextNode("."));
    } else if (live) live.textContent = "Differences are now marked against " + name + ".";
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
