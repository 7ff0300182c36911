// Pagefind's search API as the search page's UI uses it (static/search.js gives this folder as its bundlePath),
// with two changes: a query that is one of an entity's names, whole, brings that entity's page first; and a search
// waits for the filters' data, so that the UI draws every filter (below, `loaded`).
//
// Pagefind cannot rank so by itself. A match of a page's meta field adds to its score by how much of the query the
// field holds, never by how much of the field the query is, and a searched word finds every word it begins: the
// names of the Israel Defense Forces ("israel defense forces idf") match "Israel" as fully as Israel's own do, and
// Gaza Health Ministry's "Gaza" as Gaza's. The page's other words decide, and an article or a comparison that says
// "Israel", "Israeli", "Israelis" and "Israel's" scores each of these words apart (at 1,000 generated articles,
// another page came first for 31 of the 869 names and aliases, mostly an entity whose name the name begins,
// "Danosthen" for "Danost"; in the repo's dossier for "Hamas", "Israel" and "Gaza", in its index in parts of ten
// pages for "Netanyahu" too). A heavier weight of names (static/search.js) does not tell those apart either: at
// 100, "Israel" and "Gaza" still found another entity first. So every entity page carries the keys of its names
// (entity_views.search_key) in a filter, "entity-name", and the results of a query whose key is among them are
// ordered again: the pages with that name first (two entities sharing an alias: both, in Pagefind's order), then
// the others in Pagefind's order. The UI draws them as it draws any results (and says how many it found, as ever).
// The filter is not shown: it is taken out of the filters that the UI draws.
//
// Everything else is Pagefind's own module, loaded once (the bundle: this folder's sibling, pagefind/).
import * as pagefind from "../../pagefind/pagefind.js";

export { createInstance, destroy, init, mergeIndex, options, preload } from "../../pagefind/pagefind.js";

var FILTER = "entity-name";

export function key(term) {
  // The query as entity_views.search_key makes a name: curly apostrophes straight, accents dropped, lowercased,
  // spaces one, percent-encoded; the quotes of an exact search ("Hamas") taken off. (Exported for the tests: the
  // UI uses what Pagefind's module exports and nothing else.)
  var text = String(term || "").trim().replace(/^"(.+)"$/, "$1").replace(/[\u2018\u2019]/g, "'");
  text = text.normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase().split(/\s+/).join(" ").trim();
  return text ? encodeURIComponent(text.normalize("NFC")) : "";
}

function unshown(counts) {
  if (counts) delete counts[FILTER];
  return counts;
}

var named = new Map();   // a key → the ids of the pages of that name (asked once a page: they do not change)

function pagesNamed(term) {
  var wanted = key(term);
  if (!wanted) return Promise.resolve(new Set());
  if (!named.has(wanted)) {
    var filters = {};
    filters[FILTER] = [wanted];
    named.set(wanted, pagefind.search(null, { filters: filters }).then(function (pages) {
      return new Set((pages && pages.results || []).map(function (page) { return page.id; }));
    }, function (error) {   // (the results are then shown in Pagefind's order, not none)
      if (typeof console !== "undefined") console.error(error);
      return new Set();
    }));
  }
  return named.get(wanted);
}

async function ordered(searching, term) {
  // Pagefind's results for `term` with the pages named `term` first (both asked at once)
  var both = await Promise.all([searching, pagesNamed(term)]), found = both[0], ids = both[1];
  if (!found) return found;   // (a search that a later one replaced)
  unshown(found.filters);
  unshown(found.totalFilters);
  if (!ids.size || !found.results) return found;
  var first = [], rest = [];
  found.results.forEach(function (result) { (ids.has(result.id) ? first : rest).push(result); });
  found.results = first.concat(rest);
  return found;
}

// A search's results count only the filters whose data has loaded (Pagefind loads each filter's chunk when a
// search names it, or when filters() is asked), and the UI draws the filters of a search's results in place of
// those filters() gave: a first search that came back before the "outlet" chunk (the search page opened with
// ?q=, on a slow network) drew "Kind" alone, and Outlet stayed missing until the next search. So every search
// waits for all the filters' data, once (the UI asks filters() too: Pagefind fetches each chunk once), or five
// seconds at most: a chunk that never comes must not hold the results back (the filters may then be short).
var allLoaded = null, WAIT_FOR_FILTERS = 5000;

function loaded() {
  if (!allLoaded) allLoaded = Promise.race([
    pagefind.filters().catch(function (error) {
      if (typeof console !== "undefined") console.error(error);   // (then searched as Pagefind would)
    }),
    new Promise(function (done) { setTimeout(done, WAIT_FOR_FILTERS); })]);
  return allLoaded;
}

export function search(term, options) {
  return ordered(loaded().then(function () { return pagefind.search(term, options); }), term);
}

export function debouncedSearch(term, options, timeout) {
  return ordered(loaded().then(function () { return pagefind.debouncedSearch(term, options, timeout); }), term);
}

export async function filters() {
  return unshown(await pagefind.filters());
}
