/* The live preview's problem overlay. Served by the preview server at /__dossier/overlay.js and injected
   into every page it serves; never part of a built site.

   When the last build failed, the page (the last good build) gets a dialog listing every problem as
   file:line:col, message and hint. It is an alertdialog in a shadow root (so the site's CSS cannot restyle
   it, nor it the site), focusable, closed by its button or Escape; once closed, a small button brings it
   back. The same problems stay dismissed across reloads until they change.

   Reloads come from livereload's websocket (this script loads livereload.js itself: serve.py keeps livereload
   from injecting its inline loader). A build that changed some pages only sends
   /__dossier/changed/<build>: a plugin asks the server whether this page changed, and reloads only then. As a
   fallback, the status is polled every 2 s: a page older than the last published build asks the same, and
   the overlay follows the build state. */
(function () {
  "use strict";
  if (window.__dossierOverlay) { return; }
  window.__dossierOverlay = true;

  var STATUS = "/__dossier/status.json";
  var CHANGED = "/__dossier/changed.json";
  var CHANGED_PATH = "/__dossier/changed/";
  var script = document.currentScript;
  var pagePublished = Number((script && script.getAttribute("data-published")) || 0);
  var pageRun = (script && script.getAttribute("data-run")) || "";  // the preview run that served this page
  var host = null, root = null, shownSignature = null, returnFocus = null;

  var CSS = [
    ":host { all: initial; }",
    ".panel { position: fixed; z-index: 2147483647; top: 1rem; left: 50%; transform: translateX(-50%);",
    "  width: min(56rem, calc(100vw - 2rem)); max-height: calc(100vh - 2rem); overflow: auto; box-sizing: border-box;",
    "  background: #ffffff; color: #1a1a1a; border: 2px solid #8a1c1c; border-radius: 6px;",
    "  box-shadow: 0 8px 32px rgba(0,0,0,.35); font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; }",
    ".panel:focus { outline: 3px solid #1a56db; outline-offset: 2px; }",
    ".bar { display: flex; align-items: center; gap: 1rem; justify-content: space-between;",
    "  background: #8a1c1c; color: #ffffff; padding: .6rem 1rem; position: sticky; top: 0; }",
    "h2 { margin: 0; font-size: 1.1rem; font-weight: 700; }",
    "button { font: inherit; cursor: pointer; border-radius: 4px; }",
    ".close { background: #ffffff; color: #8a1c1c; border: 2px solid #ffffff; padding: .2rem .7rem; font-weight: 700; }",
    ".close:focus-visible, .close:hover { outline: 3px solid #ffd43b; outline-offset: 2px; }",
    ".intro { margin: .75rem 1rem 0; color: #333333; }",
    "ol { margin: .5rem 0 1rem; padding: 0 1rem 0 2.5rem; }",
    "li { margin: .6rem 0; }",
    ".where { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: #0b3d91;",
    "  background: #eef2f8; padding: .05rem .3rem; border-radius: 3px; word-break: break-all; }",
    ".sev { font-weight: 700; color: #8a1c1c; }",
    ".sev.warning { color: #6b4500; }",
    ".hint { margin: .2rem 0 0; color: #333333; white-space: pre-wrap; font-size: 14px; }",
    ".pill { position: fixed; z-index: 2147483647; right: 1rem; bottom: 1rem; background: #8a1c1c; color: #ffffff;",
    "  border: 2px solid #ffffff; padding: .45rem .9rem; font: 600 14px/1.3 system-ui, sans-serif;",
    "  box-shadow: 0 4px 16px rgba(0,0,0,.35); }",
    ".pill:focus-visible, .pill:hover { outline: 3px solid #1a56db; outline-offset: 2px; }",
    "@media print { .panel, .pill { display: none; } }"
  ].join("\n");

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function signature(status) {
    return status.problems.map(function (p) { return p.where + " " + p.message; }).join("\n");
  }

  function dismissed(sig) {
    try { return window.sessionStorage.getItem("dossier-overlay-dismissed") === sig; } catch (e) { return false; }
  }

  function remember(sig) {
    try { window.sessionStorage.setItem("dossier-overlay-dismissed", sig); } catch (e) { /* private mode */ }
  }

  function ensureRoot() {
    if (host) { return; }
    // (its words are English: left to right, even over the pages of a right-to-left site, which it inherited)
    host = el("div", { id: "dossier-preview-overlay", dir: "ltr", lang: "en" });
    root = host.attachShadow({ mode: "open" });
    // A constructed stylesheet, not a <style> element: the site's Content-Security-Policy (style-src 'self')
    // refuses inline styles, but not stylesheets built through the CSSOM.
    if (window.CSSStyleSheet && "adoptedStyleSheets" in root) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.appendChild(el("style", {}, CSS));
    }
    document.body.appendChild(host);
  }

  function clear() {
    if (host) { host.remove(); }
    host = root = null;
    shownSignature = null;
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function title(status) {
    var parts = [];
    if (status.errors) { parts.push(plural(status.errors, "error")); }
    if (status.warnings) { parts.push(plural(status.warnings, "warning")); }
    return "Build failed: " + parts.join(", ");
  }

  function showPanel(status, focus) {
    ensureRoot();
    Array.prototype.slice.call(root.querySelectorAll(".panel, .pill")).forEach(function (n) { n.remove(); });
    var panel = el("section", { "class": "panel", role: "alertdialog", "aria-modal": "false",
                                "aria-labelledby": "dossier-overlay-title", "aria-describedby": "dossier-overlay-intro",
                                tabindex: "-1" });
    var header = el("div", { "class": "bar" });  // not <header>: that would be a second banner landmark
    header.appendChild(el("h2", { id: "dossier-overlay-title" }, title(status)));
    var close = el("button", { type: "button", "class": "close", "aria-label": "Close the problem list (Escape)" },
                   "Close");
    close.addEventListener("click", function () { dismiss(status); });
    header.appendChild(close);
    panel.appendChild(header);
    panel.appendChild(el("p", { "class": "intro", id: "dossier-overlay-intro" },
      (status.has_site ? "This page is the last good build. " : "No build has succeeded yet. ") +
      "Fix these problems and save: the page reloads by itself." +
      (status.changed ? " Last change: " + status.changed + "." : "")));
    var list = el("ol");
    status.problems.forEach(function (p) {
      var item = el("li");
      item.appendChild(el("code", { "class": "where" }, p.where));
      item.appendChild(document.createTextNode(" "));
      item.appendChild(el("span", { "class": "sev " + p.severity }, p.severity + ":"));
      item.appendChild(document.createTextNode(" " + p.message));
      if (p.check) { item.appendChild(el("code", { "class": "check" }, " [" + p.check + "]")); }
      if (p.hint) { item.appendChild(el("p", { "class": "hint" }, "hint: " + p.hint)); }
      list.appendChild(item);
    });
    panel.appendChild(list);
    panel.__status = status;
    root.appendChild(panel);
    if (focus) {
      // (focus inside the overlay shows as its host: there is nothing to return to then)
      returnFocus = document.activeElement === host ? null : document.activeElement;
      panel.focus({ preventScroll: true });
    }
  }

  function showPill(status) {
    ensureRoot();
    Array.prototype.slice.call(root.querySelectorAll(".panel, .pill")).forEach(function (n) { n.remove(); });
    var pill = el("button", { type: "button", "class": "pill", "aria-haspopup": "dialog" },
                  "\u26a0 " + title(status) + ": show");
    pill.addEventListener("click", function () { showPanel(status, true); });
    root.appendChild(pill);
  }

  function dismiss(status) {
    remember(signature(status));
    showPill(status);
    var target = returnFocus && document.contains(returnFocus) ? returnFocus : null;
    if (target && target.focus) { target.focus({ preventScroll: true }); }
    else if (root) { root.querySelector(".pill").focus({ preventScroll: true }); }
  }

  // Escape closes the dialog even when focus is in the page behind it.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !root) { return; }
    var panel = root.querySelector(".panel");
    if (panel && panel.__status) { event.preventDefault(); dismiss(panel.__status); }
  });

  // Whether this page is out of date (its bytes, or static/ files, changed since the build it was read at):
  // reload if so, else take it as current. Asked on livereload's /__dossier/changed/<build> messages, and
  // when the status shows a newer build (livereload's message was missed).
  var asking = false;
  function reloadIfChanged() {
    if (asking) { return; }
    asking = true;
    fetch(CHANGED + "?since=" + pagePublished + "&run=" + encodeURIComponent(pageRun) +
          "&page=" + encodeURIComponent(window.location.pathname),
          { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (answer) {
        asking = false;
        if (answer.reload) { window.location.reload(); }
        else { pagePublished = Math.max(pagePublished, answer.published); }
      }, function () { asking = false; });
  }
  // A livereload.js plugin: a reload message for a build that changed some pages only asks first.
  function DossierReloads() {}
  DossierReloads.identifier = "dossier";
  DossierReloads.version = "1.0";
  DossierReloads.prototype.reload = function (path) {
    if (String(path).indexOf(CHANGED_PATH) !== 0) { return false; }  // everything else: livereload's own way
    reloadIfChanged();
    return true;
  };
  window.LiveReloadPluginDossier = DossierReloads;  // (picked up by livereload.js when it loads after this)
  if (window.LiveReload && window.LiveReload.addPlugin) { window.LiveReload.addPlugin(DossierReloads); }

  function apply(status) {
    // (a page of an earlier run of the preview: its build numbers started again at 1, and are no guide)
    if ((status.published > pagePublished || status.run !== pageRun) && status.has_site) {
      reloadIfChanged();
    }
    if (status.state !== "failed" || !status.problems.length) { clear(); return; }
    var sig = signature(status);
    if (sig === shownSignature) { return; }
    shownSignature = sig;
    if (dismissed(sig)) { showPill(status); return; }
    showPanel(status, true);
  }

  function poll() {
    fetch(STATUS, { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(apply, function () { /* the server is gone or restarting: keep the page as it is */ });
  }

  // livereload.js is loaded from here (serve.py does not let livereload inject its inline loader, which a page
  // whose Content-Security-Policy refuses inline scripts, as the dossier's do, would not run anyway).
  if (!document.querySelector("script[src*='/livereload.js']")) {
    var port = window.location.port || (window.location.protocol === "https:" ? 443 : 80);
    var loader = el("script", { src: "/livereload.js?port=" + port });
    document.head.appendChild(loader);
  }

  poll();
  window.setInterval(poll, 2000);
}());
