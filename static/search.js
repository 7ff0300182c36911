// The search page: Pagefind's UI over the index the build wrote into /pagefind/ (needs http://, not file://).
// A large site's index is in parts (pagefind/dossier-parts.json lists those to merge into the first one).
(function () {
  "use strict";
  function label(box) {
    // Pagefind's input is labelled only by a title attribute; give it a proper accessible name.
    var input = box.querySelector(".pagefind-ui__search-input");
    if (!input) return false;
    input.setAttribute("aria-label", "Search the dossier");
    return true;
  }
  function start(box, bundle, merge) {
    var ui = new PagefindUI({ element: "#search", bundlePath: bundle, showSubResults: true, showImages: false,
                              resetStyles: false,
                              mergeIndex: merge.map(function (path) { return { bundlePath: path }; }) });
    if (!label(box)) {
      var watch = new MutationObserver(function () { if (label(box)) watch.disconnect(); });
      watch.observe(box, { childList: true, subtree: true });
    }
    var q = new URLSearchParams(location.search).get("q");
    if (q) ui.triggerSearch(q);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("search");
    if (!box || typeof PagefindUI === "undefined") return;
    var bundle = box.getAttribute("data-bundle");
    fetch(bundle + "dossier-parts.json")
      .then(function (r) { return r.ok ? r.json() : { merge: [] }; })
      .catch(function () { return { merge: [] }; })
      .then(function (parts) { start(box, bundle, Array.isArray(parts.merge) ? parts.merge : []); });
  });
})();
