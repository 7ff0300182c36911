// The search page: Pagefind's UI over the index the build wrote into /pagefind/ (needs http://, not file://).
// A large site's index is in parts (pagefind/dossier-parts.json lists those to merge into the first one).
(function () {
  "use strict";
  function label(box) {
    // Pagefind's input is labelled only by a title attribute; give it a proper accessible name. On a page in
    // another language than English the name is the page's heading, marked English (templates/search.html):
    // an aria-label would be read in the page's language, and the input cannot be marked English, the reader's
    // query being typed in it (review 69).
    var input = box.querySelector(".pagefind-ui__search-input");
    if (!input) return false;
    var heading = box.previousElementSibling;
    if (/^en(-|$)/i.test(document.documentElement.lang || "en") || !heading || !heading.lang ||
        !/^H[1-6]$/.test(heading.tagName)) {
      input.setAttribute("aria-label", "Search the dossier");
      return true;
    }
    heading.id = heading.id || "search-title";
    input.setAttribute("aria-labelledby", heading.id);
    return true;
  }
  function announce(box) {
    // Pagefind says how many results it found in a paragraph it makes anew: a live region of the page's own,
    // made before any search, repeats it, so that a screen reader says it as the reader types.
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    box.parentNode.insertBefore(status, box.nextSibling);
    new MutationObserver(function () {
      var message = box.querySelector(".pagefind-ui__message");
      var text = message ? message.textContent : "";
      if (status.textContent !== text) status.textContent = text;
    }).observe(box, { childList: true, subtree: true, characterData: true });
  }
  function start(box, bundle, merge) {
    var ui = new PagefindUI({ element: "#search", bundlePath: bundle, showSubResults: true, showImages: false,
                              resetStyles: false,
                              mergeIndex: merge.map(function (path) { return { bundlePath: path }; }) });
    if (!label(box)) {
      var watch = new MutationObserver(function () { if (label(box)) watch.disconnect(); });
      watch.observe(box, { childList: true, subtree: true });
    }
    announce(box);
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
