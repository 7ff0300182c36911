// Progressive enhancement only: the site works without JavaScript.
// An annotation permalink (#a-<id>) marks every segment of that highlight, not just the first.
(function () {
  "use strict";
  function mark() {
    document.querySelectorAll(".hl.marked").forEach(function (el) { el.classList.remove("marked"); });
    var hash = decodeURIComponent(location.hash.slice(1));
    if (hash.indexOf("a-") !== 0) return;
    var id = hash.slice(2);
    document.querySelectorAll(".hl[data-a]").forEach(function (el) {
      if (el.getAttribute("data-a").split(" ").indexOf(id) !== -1) el.classList.add("marked");
    });
    document.querySelectorAll(".sidenote.open").forEach(function (el) { el.classList.remove("open"); });
    var note = document.getElementById("n-" + id);
    if (note) note.classList.add("open");
    var box = document.getElementById("sn-" + id);
    if (box && !box.checked && getComputedStyle(box).display !== "none") box.checked = true;
  }
  window.addEventListener("hashchange", mark);
  document.addEventListener("DOMContentLoaded", mark);
  // Dense annotation (a note on every sentence) pushes each margin note further below its words, thousands of
  // pixels down a long article: where one would sit more than a screen below its number, the notes open and
  // close in the text instead, as on a phone (.notes-inline in dossier.css).
  function notesInPlace() {
    var body = document.querySelector(".article-body");
    if (!body) return;
    body.classList.remove("notes-inline");
    var notes = body.querySelectorAll(".sn");
    for (var i = 0; i < notes.length; i++) {
      var number = notes[i].querySelector(".sn-toggle"), note = notes[i].querySelector(".sidenote");
      if (!number || !note || getComputedStyle(note).float === "none") continue;
      if (note.getBoundingClientRect().top - number.getBoundingClientRect().top > window.innerHeight) {
        body.classList.add("notes-inline");
        return;
      }
    }
  }
  document.addEventListener("DOMContentLoaded", notesInPlace);
  var resized = 0;  // (a window made shorter or longer: measured again once it has stopped changing)
  window.addEventListener("resize", function () {
    clearTimeout(resized);
    resized = setTimeout(notesInPlace, 150);
  });
  // A note's toggle on a phone is a checkbox, which only Space turns: Enter opens or closes it too, and Escape
  // closes it, as a reader expects of a control that shows a note.
  document.addEventListener("keydown", function (e) {
    var box = e.target;
    if (!box.classList || !box.classList.contains("sn-check") || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "Enter" || ((e.key === "Escape" || e.key === "Esc") && box.checked)) {
      e.preventDefault();
      box.click();
    }
  });
})();
