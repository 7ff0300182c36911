// The search page: Pagefind's UI over the index the build wrote into /pagefind/ (needs http://, not file://).
(function () {
  "use strict";
  function label(box) {
    // Pagefind's input is labelled only by a title attribute; give it a proper accessible name.
    var input = box.querySelector(".pagefind-ui__search-input");
    if (!input) return false;
    input.setAttribute("aria-label", "Search the dossier");
    return true;
  }
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("search");
    if (!box || typeof PagefindUI === "undefined") return;
    var ui = new PagefindUI({ element: "#search", bundlePath: box.getAttribute("data-bundle"),
                              showSubResults: true, showImages: false, resetStyles: false });
    if (!label(box)) {
      var watch = new MutationObserver(function () { if (label(box)) watch.disconnect(); });
      watch.observe(box, { childList: true, subtree: true });
    }
    var q = new URLSearchParams(location.search).get("q");
    if (q) ui.triggerSearch(q);
  });
})();
