// The search page: Pagefind's UI over the index the build wrote into /pagefind/ (needs http://, not file://).
// A large site's index is in parts (pagefind/dossier-parts.json lists those to merge into the first one).
// Where search cannot work (a site built with --no-search has no index, a page opened from the disk cannot load
// one, Pagefind's script did not arrive or failed, the live preview could not make its index or runs without
// search) the page says so and why, in place of an empty box.
(function () {
  "use strict";
  var WHY = {
    file: "Search is not available here: it works only when the site is served over http(s), not when its " +
          "pages are opened as files from a disk.",
    unindexed: "Search is not available here: this copy of the site was published without its search index.",
    unloaded: "Search is not available here: its files could not be loaded. Reloading the page may help.",
    pending: "Search is not ready yet: its index is being made. The search box appears here as soon as it is.",
    failed: "Search is not available in this preview: its index could not be made (the terminal says why).",
    off: "Search is not available in this preview: the preview runs without search (--no-search)."
  };
  var READY = "Search is ready: its index is made.";
  var WAIT = 2000;   // ms before asking again for an index being made (the live preview's 503 says 2 s)
  var ELSEWHERE = "Every article, source, entity and comparison is reachable from the navigation:";
  function sentence(text, rtl) {
    // A sentence of the site's words, as templates mark one (ui_open): isolated left to right on a page laid out
    // right to left, so that its final full stop stays at its end.
    var span = document.createElement("span");
    span.textContent = text;
    if (rtl) span.dir = "ltr";
    return span;
  }
  function notice(box) {
    // Where the reader is told that search cannot work here: made empty before anything is known, so that a
    // screen reader announces the reason put into its status region, read where it stands too. On a site in
    // another language its words are marked English as the heading is (templates/search.html).
    var note = document.createElement("div"), status = document.createElement("p");
    var heading = box.previousElementSibling;
    note.className = "search-unavailable";
    if (heading && heading.lang) note.lang = heading.lang;
    status.setAttribute("role", "status");
    note.appendChild(status);
    box.parentNode.insertBefore(note, box.nextSibling);
    return note;
  }
  function said(note, text) {
    // `text` in the note's status region, in place of what the note held (its reason, the navigation's links);
    // returns whether the note is laid out right to left (its sentences are then isolated left to right).
    while (note.lastChild !== note.firstChild) note.removeChild(note.lastChild);
    var rtl = Boolean(note.lang) && getComputedStyle(note).direction === "rtl";
    note.firstChild.textContent = "";
    note.firstChild.appendChild(sentence(text, rtl));
    return rtl;
  }
  function unavailable(box, note, why) {
    // The reason in place of the search box (and of a UI that failed half-way drawn), then the navigation's links;
    // in place of an earlier reason too (an index being made, then not made after all).
    Array.prototype.slice.call(box.children).forEach(function (child) {
      if (child.tagName !== "NOSCRIPT") box.removeChild(child);
    });
    var rtl = said(note, WHY[why]);
    var links = document.querySelector(".site-header nav ul");
    if (!links) return;
    var elsewhere = document.createElement("p");
    elsewhere.appendChild(sentence(ELSEWHERE, rtl));
    links = links.cloneNode(true);
    Array.prototype.forEach.call(links.querySelectorAll("[aria-current]"), function (a) {
      a.removeAttribute("aria-current");
    });
    note.appendChild(elsewhere);
    note.appendChild(links);
  }
  function drawn(box, then) {
    // `then(input)` once Pagefind has drawn its search input in `box` (at once if it has).
    var input = box.querySelector(".pagefind-ui__search-input");
    if (input) return then(input);
    var watch = new MutationObserver(function () {
      var found = box.querySelector(".pagefind-ui__search-input");
      if (found) {
        watch.disconnect();
        then(found);
      }
    });
    watch.observe(box, { childList: true, subtree: true });
  }
  function label(box, input) {
    // Pagefind's input is labelled only by a title attribute; give it a proper accessible name. On a page in
    // another language than English the name is the page's heading, marked English (templates/search.html):
    // an aria-label would be read in the page's language, and the input cannot be marked English, the reader's
    // query being typed in it (review 69).
    var heading = box.previousElementSibling;
    if (/^en(-|$)/i.test(document.documentElement.lang || "en") || !heading || !heading.lang ||
        !/^H[1-6]$/.test(heading.tagName)) {
      input.setAttribute("aria-label", "Search the dossier");
      return;
    }
    heading.id = heading.id || "search-title";
    input.setAttribute("aria-labelledby", heading.id);
  }
  function message(box) {
    var shown = box.querySelector(".pagefind-ui__message");
    return shown ? shown.textContent : "";
  }
  function announce(box) {
    // Pagefind says how many results it found in a paragraph it makes anew: a live region of the page's own,
    // made before any search, repeats it, so that a screen reader says it as the reader types. It repeats it only
    // when it changes: what the page says in between (how many results "Load more results" shows) stays said.
    var status = document.createElement("p"), heard = null;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    box.parentNode.insertBefore(status, box.nextSibling);
    new MutationObserver(function () {
      var text = message(box);
      if (text === heard) return;
      heard = text;
      status.textContent = text;
    }).observe(box, { childList: true, subtree: true, characterData: true });
    return status;
  }
  function cleared(box) {
    // Pagefind's Clear button hides itself once the box is empty (dossier.css takes the hidden button out of the
    // tab order, review 142): focus, which would be lost with it, goes back to the search box.
    box.addEventListener("click", function (event) {
      var input = box.querySelector(".pagefind-ui__search-input");
      if (input && event.target.closest && event.target.closest(".pagefind-ui__search-clear")) input.focus();
    });
  }
  function showing(box, status, count) {
    // "Showing 10 of 67 results", the total as Pagefind's message wrote it (the query taken out of it, which may
    // hold digits); in English words, marked so where the page is in another language (templates/search.html).
    var heading = box.previousElementSibling, lang = heading && heading.lang;
    var input = box.querySelector(".pagefind-ui__search-input"), query = input ? input.value.trim() : "";
    var words = query ? message(box).split(query).join(" ") : message(box);
    var total = words.match(/\p{Nd}(?:[\p{Nd}\p{Zs}.,'\u066c]*\p{Nd})?/u);
    var shown = new Intl.NumberFormat(document.documentElement.lang || "en").format(count);
    var span = sentence("Showing " + shown + (total ? " of " + total[0] : "") + " results",
                        Boolean(lang) && getComputedStyle(status).direction === "rtl");
    if (lang) span.lang = lang;
    status.textContent = "";
    status.appendChild(span);
  }
  function more(box, status) {
    // "Load more results" adds five results above itself, and had left the reader on it, told nothing (review
    // 142): focus goes to the first of them once it is drawn (Pagefind draws a result's place first, its link when
    // its page's data has come), and the status region says how many are shown now. A new search meanwhile (its
    // message another) leaves focus where it is.
    box.addEventListener("click", function (event) {
      if (!event.target.closest || !event.target.closest(".pagefind-ui__button")) return;
      var before = box.querySelectorAll(".pagefind-ui__result").length, said = message(box);
      var watch = new MutationObserver(function () {
        var results = box.querySelectorAll(".pagefind-ui__result");
        var link = results[before] && results[before].querySelector(".pagefind-ui__result-link");
        if (message(box) !== said) return watch.disconnect();
        if (!link) return;
        watch.disconnect();
        link.focus();
        showing(box, status, results.length);
      });
      watch.observe(box, { childList: true, subtree: true, characterData: true });
    }, true);   // (before Pagefind's own listener: its results are drawn as soon as it returns)
  }
  // A match of an entity's names (its page's meta "names": templates/entity.html) adds to its page's score as one of a
  // page's title does (5, Pagefind's default), but twice as much: then a name searched for brings its entity's page
  // before the articles naming it (at 1,000 articles it had come 18th of 143 for "Lodrahen": only its words counted,
  // and its page's many other words weighed against it). Twice, because each part of the index (search_parts.py)
  // weighs a word by how rare it is among its own pages, so that a name weighs less in one part than in another: at 5,
  // an article or a comparison still came first for 10 of the 869 names and aliases of the generated dossier's 500
  // entities, at 10 for none. Each part is a Pagefind instance of its own, given the ranking too. The names are not
  // shown (as "Names: …" under the result): its title and excerpt hold them already.
  // That weight cannot tell a name from one that it begins, nor an entity named "Israel" from one whose names hold
  // the word: a query that is an entity's name, whole, brings its page first by the UI's own bundlePath, the
  // folder ranked/ beside this script (data-ranked), whose pagefind.js is Pagefind's with its results so ordered.
  var RANKING = { metaWeights: { names: 10 } };
  function unnamed(result) {
    if (result && result.meta) delete result.meta.names;
    return result;
  }
  function start(box, bundle, merge) {
    var ui = new PagefindUI({ element: "#search", bundlePath: box.getAttribute("data-ranked") || bundle,
                              showSubResults: true, showImages: false,
                              resetStyles: false, ranking: RANKING, processResult: unnamed,
                              mergeIndex: merge.map(function (path) { return { bundlePath: path, ranking: RANKING }; })
                            });
    drawn(box, function (input) { label(box, input); });
    more(box, announce(box));
    cleared(box);
    var q = new URLSearchParams(location.search).get("q");
    if (q) ui.triggerSearch(q);
  }
  function index(bundle) {
    // Whether the index is there: "here"; "unindexed" when the server says it has no such file (a site built with
    // --no-search); "pending" when the live preview says it is making it (a 503 of its own, X-Dossier-Search:
    // pending; another server's 503 is no promise); "failed" or "off" when the live preview's 404 says why it has
    // none (Pagefind could not make it; --no-search); "unloaded" when it could not be asked or failed otherwise.
    // (Pagefind's UI, started without an index, says "Searching…" for ever.)
    return fetch(bundle + "pagefind-entry.json", { cache: "no-store" })
      .then(function (r) {
        var mark = r.headers.get("X-Dossier-Search");
        if (r.ok) return "here";
        if (r.status === 404 && (mark === "failed" || mark === "off")) return mark;
        return r.status === 404 || r.status === 410 ? "unindexed" :
          r.status === 503 && mark === "pending" ? "pending" : "unloaded";
      }, function () { return "unloaded"; });
  }
  function parts(bundle) {
    return fetch(bundle + "dossier-parts.json")
      .then(function (r) { return r.ok ? r.json() : { merge: [] }; })
      .catch(function () { return { merge: [] }; })
      .then(function (found) { return found && Array.isArray(found.merge) ? found.merge : []; });
  }
  function loaded(bundle) {
    // Pagefind's UI, its script and styles asked for again: the page's own tags asked while the live preview had
    // no index, and got its "not yet". Resolves to whether PagefindUI is there.
    if (typeof PagefindUI !== "undefined") return Promise.resolve(true);
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = bundle + "pagefind-ui.css";
    document.head.appendChild(css);
    return new Promise(function (done) {
      var script = document.createElement("script");
      script.onload = function () { done(typeof PagefindUI !== "undefined"); };
      script.onerror = function () { done(false); };
      script.src = bundle + "pagefind-ui.js";
      document.head.appendChild(script);
    });
  }
  function ready(box, note) {
    // The index came while the page said it was being made: that is said in the same status region (a screen
    // reader hears it; the sentence is hidden from sight, the box being there), and focus, if the reader was in
    // the note's links, goes to the search box once Pagefind has drawn it (it was lost with the note's links).
    var focused = note.contains(document.activeElement);
    said(note, READY);
    note.className = "visually-hidden";
    if (focused) drawn(box, function (input) { input.focus(); });
  }
  function begin(box, note, waiting) {
    if (!/^https?:$/.test(location.protocol)) return unavailable(box, note, "file");   // (Pagefind fetches its index)
    var bundle = box.getAttribute("data-bundle");
    return Promise.all([index(bundle), parts(bundle)]).then(function (found) {
      if (found[0] === "pending") {   // said once, then asked again until the index is there (or is not coming)
        if (!waiting) unavailable(box, note, "pending");
        return new Promise(function (wait) { setTimeout(wait, WAIT); }).then(function () {
          return begin(box, note, true);
        });
      }
      if (found[0] !== "here") return unavailable(box, note, found[0]);
      return (waiting ? loaded(bundle) : Promise.resolve(typeof PagefindUI !== "undefined")).then(function (ui) {
        if (!ui) return unavailable(box, note, "unloaded");   // (its script did not load)
        if (waiting) ready(box, note);
        else note.parentNode.removeChild(note);
        start(box, bundle, found[1]);
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("search");
    if (!box) return;
    var note = notice(box);
    function failed(error) {
      // A script error never leaves the reader an empty box (nor a half-drawn one)
      if (!note.parentNode) box.parentNode.insertBefore(note, box.nextSibling);
      if (!note.firstChild.firstChild) unavailable(box, note, "unloaded");
      if (window.console) console.error(error);
    }
    try {
      Promise.resolve(begin(box, note)).catch(failed);
    } catch (error) {
      failed(error);
    }
  });
})();
