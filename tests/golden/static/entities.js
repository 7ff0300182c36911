// Entity hovercards: progressive enhancement only (without JavaScript every mention is a plain link).
// Every entity's card is in one file for the whole site, entities/cards.json, named by the page's
// <div class="hovercards" data-cards> (templates/hovercards.html): fetched once (then the browser's cache
// serves it), it gives each entity's name, kind, summary and links; the count of mentions is this page's.
// The cards of the entities the page links are made hidden in that element. If the file cannot be had,
// the links stay plain links.
// Mouse: hovering a mention starts showing its card after 150 ms, fully shown at 500 ms (as Wikipedia's
// page previews); the card stays while the pointer is over the link or the card. Keyboard: focusing a
// mention shows it the same way. Escape dismisses it. Touch: nothing happens, so a tap follows the link.
(function () {
  "use strict";
  var SHOW_AFTER = 150;   // ms before the card starts to appear; the CSS fade-in takes it to ~500 ms
  var HIDE_AFTER = 250;   // ms of grace to move the pointer from the link onto the card
  var ENTITY = /\/entities\/([a-z0-9-]+)\/$/;

  var open = null;        // {link, card} currently shown
  var showTimer = 0, hideTimer = 0;

  function entityOf(link) {
    var m = ENTITY.exec((link.getAttribute("href") || "").split("#")[0]);
    return m ? m[1] : null;
  }

  function cardFor(link) {
    var id = entityOf(link);
    var card = id && document.getElementById("hc-" + id);
    return card && card.classList.contains("hovercard") ? card : null;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function anchor(href, text) {
    var a = el("a", "", text);
    a.setAttribute("href", href);
    return a;
  }

  // One card, as the site's cards file describes the entity; `count`: its mentions in this page.
  function makeCard(id, data, count) {
    var card = el("div", "hovercard");
    card.id = "hc-" + id;
    card.setAttribute("data-entity", id);
    card.setAttribute("role", "tooltip");
    card.hidden = true;
    var head = el("p", "hc-head");
    head.appendChild(el("span", "hc-name", data.name));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(el("span", "hc-kind", data.kind));
    card.appendChild(head);
    if (data.summary) {
      var summary = el("div", "hc-summary");
      summary.innerHTML = data.summary;   // the build's Markdown rendering, which escapes any raw HTML
      card.appendChild(summary);
    }
    var foot = el("p", "hc-foot", "Named " + count + " time" + (count === 1 ? "" : "s") + " in this article · ");
    foot.appendChild(anchor(data.url, "All mentions"));
    if (data.wikidata) {
      foot.appendChild(document.createTextNode(" · "));
      foot.appendChild(anchor(data.wikidata, "Wikidata"));
    }
    card.appendChild(foot);
    return card;
  }

  // The line box of the link to place the card against: the one under the pointer when a link wraps
  // over two lines, else the first (keyboard focus).
  function lineBox(link, point) {
    var rects = link.getClientRects();
    if (!rects.length) return link.getBoundingClientRect();
    if (point) {
      for (var i = 0; i < rects.length; i++) {
        if (point.y >= rects[i].top - 1 && point.y <= rects[i].bottom + 1) return rects[i];
      }
    }
    return rects[0];
  }

  function place(link, card, point) {
    var r = lineBox(link, point);
    var gap = 8, margin = 8;
    var width = card.offsetWidth, height = card.offsetHeight;
    var vw = document.documentElement.clientWidth, vh = window.innerHeight;
    // The card starts where the link starts: its left edge, or its right edge in a right-to-left page;
    // then it is moved in as far as it must to stay on the screen.
    var start = getComputedStyle(link).direction === "rtl" ? r.right - width : r.left;
    var left = Math.min(Math.max(start, margin), Math.max(margin, vw - width - margin));
    var below = r.bottom + gap + height <= vh || r.top - gap - height < 0;
    var top = below ? r.bottom + gap : r.top - gap - height;
    card.classList.toggle("hc-above", !below);
    // The card is positioned in document coordinates so that it scrolls with its link.
    card.style.left = Math.round(left + window.scrollX) + "px";
    card.style.top = Math.round(top + window.scrollY) + "px";
  }

  function hideNow() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (!open) return;
    var o = open;
    open = null;
    o.card.classList.remove("hc-open");
    o.card.hidden = true;
    if (o.link.getAttribute("data-hc-described") === "live") {
      o.link.removeAttribute("aria-describedby");
      o.link.removeAttribute("data-hc-described");
    }
  }

  function show(link, card, point) {
    if (open && open.link === link && open.card === card) return;
    hideNow();
    open = {link: link, card: card};
    if (!link.hasAttribute("aria-describedby")) {
      link.setAttribute("aria-describedby", card.id);
      link.setAttribute("data-hc-described", "live");
    }
    card.classList.remove("hc-open");
    card.hidden = false;
    place(link, card, point);
    void card.offsetWidth;          // commit the transparent state so the fade-in transition runs
    card.classList.add("hc-open");
  }

  function schedule(link, point) {
    var card = cardFor(link);
    if (!card) return;
    clearTimeout(hideTimer);
    if (open && open.link === link) return;
    clearTimeout(showTimer);
    showTimer = setTimeout(function () { show(link, card, point); }, SHOW_AFTER);
  }

  function scheduleHide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hideNow, HIDE_AFTER);
  }

  function keyboardFocus(el) {
    try { return el.matches(":focus-visible"); } catch (e) { return true; }
  }

  // The cards of the entities `links` name, in order of first mention, made into `box` from `cards`
  // (entity id → card data). A mention is counted once: the first piece of its link carries its id.
  function makeCards(box, links, cards) {
    var count = Object.create(null), order = [];   // (no inherited names: an entity may be called "constructor")
    for (var i = 0; i < links.length; i++) {
      var id = entityOf(links[i]);
      if (!id || !Object.prototype.hasOwnProperty.call(cards, id)) continue;
      if (!(id in count)) { count[id] = 0; order.push(id); }
      if (/^m-/.test(links[i].id)) count[id] += 1;
    }
    for (var j = 0; j < order.length; j++) box.appendChild(makeCard(order[j], cards[order[j]], count[order[j]]));
  }

  function wire(links) {
    for (var i = 0; i < links.length; i++) {
      var link = links[i], card = cardFor(link);
      if (!card) continue;
      // The first mention of each entity is described by its card (the APG tooltip pattern); later,
      // subtly linked mentions get the description only while their card is shown, to keep reading quiet.
      if (!link.classList.contains("m-again") && !link.hasAttribute("aria-describedby")) {
        link.setAttribute("aria-describedby", card.id);
      }
      link.addEventListener("pointerenter", function (e) {
        if (e.pointerType === "mouse" || e.pointerType === "pen") {
          schedule(e.currentTarget, {x: e.clientX, y: e.clientY});
        }
      });
      link.addEventListener("pointerleave", function (e) {
        if (e.pointerType === "mouse" || e.pointerType === "pen") scheduleHide();
      });
      link.addEventListener("focus", function (e) {
        if (keyboardFocus(e.currentTarget)) schedule(e.currentTarget);   // not after a tap or a click
      });
      link.addEventListener("blur", function () {
        if (open && open.card.matches(":hover")) return;
        hideNow();
      });
    }
    var cards = document.querySelectorAll(".hovercard");
    for (var j = 0; j < cards.length; j++) {
      cards[j].addEventListener("pointerenter", function () { clearTimeout(hideTimer); });
      cards[j].addEventListener("pointerleave", function (e) {
        if (e.pointerType === "mouse" || e.pointerType === "pen") scheduleHide();
      });
    }
  }

  function init() {
    var box = document.querySelector(".hovercards[data-cards]");
    var links = document.querySelectorAll("a.m");
    if (!box || !links.length || !window.fetch) return;
    fetch(box.getAttribute("data-cards"), {credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (cards) {
        if (!cards || typeof cards !== "object") return;
        makeCards(box, links, cards);
        wire(links);
      })
      .catch(function () {});   // offline, or opened from a file: the mentions stay plain links
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" || e.key === "Esc") {
        if (open) e.preventDefault();
        hideNow();
      }
    });
    window.addEventListener("resize", hideNow);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
