// The search page: Pagefind's UI over the index the build wrote into /pagefind/ (needs http://, not file://).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("search");
    if (!box || typeof PagefindUI === "undefined") return;
    var ui = new PagefindUI({ element: "#search", bundlePath: box.getAttribute("data-bundle"),
                              showSubResults: true, showImages: false, resetStyles: false });
    var q = new URLSearchParams(location.search).get("q");
    if (q) ui.triggerSearch(q);
  });
})();
