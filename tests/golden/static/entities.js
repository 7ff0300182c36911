// Entity hovercards: progressive enhancement only (without JavaScript every mention is a plain link).
// Every entity's card is in one file for the whole site, entities/cards.json, named by the page's
// <div class="hovercards" data-cards> (templates/hovercards.html): fetched once (then the browser's cache
// serves it), it gives each entity's name, kind, summary and links; the count of mentions is this page's.
// The cards of the entities the page links are made hidden in that element. If the file cannot be had,
// the links stay plain links.
// Mouse: hovering a mention starts showing its card after 150 ms, fully shown at 500 ms (as Wikipedia's
// page previews); the card stays while the pointer is over the link or the card. Keyboard: focusing a
// mention shows it the same way, and Tab goes on to what follows the mention, as it would without the card,
// however long the card has been shown: a card's links in the Tab order after every mention more than
// doubled the Tab presses through an article (and the order hung on how fast one pressed). Down arrow on a
// mention goes into its card (showing it at once); there Tab and the arrows go through its links, Shift+Tab
// or Up from the first goes back to the mention and Tab past the last goes on to what follows the mention, as
// if the card sat right after it (the card itself lives after the article). A card shown for the keyboard
// says so in a line of its own, hidden from screen readers, which have the card as the mention's description.
// Escape dismisses it, and from inside the card brings focus back to the mention. The card stays while focus
// is in it, and is never hidden under the focus. Touch: nothing happens, so a tap follows the link.
// A card holds links, so it is no tooltip: it is a group named by the entity; a mention is described by its
// card's words (aria-describedby: the text, read with the link, without the line for the keyboard) and points
// to the card for what can be navigated (aria-details). Enter on a mention still follows it, so it has no
// aria-expanded nor aria-haspopup.
(function () {
  "use strict";
  var SHOW_AFTER = 150;   // ms before the card starts to appear; the CSS fade-in takes it to ~500 ms
  var HIDE_AFTER = 250;   // ms of grace to move the pointer from the link onto the card
  var ENTITY = /\/entities\/([a-z0-9-]+)\/$/;

  // The card's own words (its kind, "Named 3 times…", "All mentions") are English: on a page in another language
  // they are marked so, for a screen reader to read them with an English voice (review 69); the entity's name
  // and summary are the dossier's, in the page's language.
  var ENGLISH = /^en(-|$)/i.test(document.documentElement.lang || "en");

  var open = null;        // {link, card} currently shown
  var showTimer = 0, hideTimer = 0, pending = null;   // pending: the mention whose card showTimer will show
  var quiet = false;      // focus is being put back on a mention by this script: show nothing for it

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
    card.setAttribute("role", "group");
    card.setAttribute("aria-labelledby", "hcn-" + id);
    card.hidden = true;
    // What describes a mention: the card's words but the line for the keyboard. (A card is hidden when focus
    // reaches its mention, and a description is computed from hidden words too, aria-hidden ones as well: the
    // mention's ended in "↓ to these links · Esc to close", review 142.)
    var text = card.appendChild(el("div", "hc-text"));
    text.id = "hct-" + id;
    var head = el("p", "hc-head");
    var name = head.appendChild(el("span", "hc-name", data.name));
    name.id = "hcn-" + id;
    head.appendChild(document.createTextNode(" "));
    var kind = head.appendChild(el("span", "hc-kind", data.kind));
    if (!ENGLISH) kind.lang = "en";
    text.appendChild(head);
    if (data.summary) {
      var summary = el("div", "hc-summary");
      summary.innerHTML = data.summary;   // the build's Markdown rendering, which escapes any raw HTML
      text.appendChild(summary);
    }
    var foot = el("p", "hc-foot", "Named " + count + " time" + (count === 1 ? "" : "s") + " in this article · ");
    if (!ENGLISH) foot.lang = "en";
    foot.appendChild(anchor(data.url, "All mentions"));
    if (data.wikidata) {
      foot.appendChild(document.createTextNode(" · "));
      foot.appendChild(anchor(data.wikidata, "Wikidata"));
    }
    text.appendChild(foot);
    // (shown only for the keyboard, .hc-keyboard; a screen reader has the card as the mention's description)
    var keys = card.appendChild(el("p", "hc-keys", "\u2193 to these links \u00b7 Esc to close"));
    keys.setAttribute("aria-hidden", "true");
    if (!ENGLISH) keys.lang = "en";
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

  function focusIn(card) {
    return card.contains(document.activeElement);
  }

  // The links of a card, in the order Tab goes through them (a summary may hold links too).
  function cardLinks(card) {
    return card.querySelectorAll("a[href]");
  }

  // The id of what describes a mention of the entity of `card`: its words, without the line for the keyboard.
  function describing(card) {
    return "hct-" + card.getAttribute("data-entity");
  }

  // The mention points to its card while the card is shown; the first mention of an entity always does
  // (see wire), later ones ("live") only then, to keep reading quiet.
  function relate(link, card) {
    if (link.hasAttribute("aria-describedby")) return;
    link.setAttribute("aria-describedby", describing(card));
    link.setAttribute("aria-details", card.id);
    link.setAttribute("data-hc-described", "live");
  }

  function unrelate(link) {
    if (link.getAttribute("data-hc-described") !== "live") return;
    link.removeAttribute("aria-describedby");
    link.removeAttribute("aria-details");
    link.removeAttribute("data-hc-described");
  }

  // Hides the card shown, unless focus is in it (Escape first puts focus back on the mention).
  function hideNow() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (!open || focusIn(open.card)) return;
    var o = open;
    open = null;
    o.card.classList.remove("hc-open", "hc-at-once");
    o.card.hidden = true;
    unrelate(o.link);
  }

  // Shows `card` for `link`: for the mouse when `point` is given (where the pointer is), else for the keyboard;
  // `atOnce`: without fading in (focus goes into it right away).
  function show(link, card, point, atOnce) {
    if (open && open.link === link && open.card === card) return;
    hideNow();
    if (open) return;               // focus is in the card shown: it stays
    open = {link: link, card: card};
    relate(link, card);
    card.classList.remove("hc-open");
    card.classList.toggle("hc-keyboard", !point);
    card.classList.toggle("hc-at-once", !!atOnce);
    card.hidden = false;
    place(link, card, point);
    void card.offsetWidth;          // commit the transparent state so the fade-in transition runs
    card.classList.add("hc-open");
  }

  function schedule(link, point) {
    var card = cardFor(link);
    if (!card) return;
    clearTimeout(hideTimer);
    if (open && (open.link === link || focusIn(open.card))) return;
    clearTimeout(showTimer);
    pending = link;
    showTimer = setTimeout(function () { pending = null; show(link, card, point); }, SHOW_AFTER);
  }

  function scheduleHide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hideNow, HIDE_AFTER);
  }

  function keyboardFocus(el) {
    try { return el.matches(":focus-visible"); } catch (e) { return true; }
  }

  // Focus back on the mention of the card shown, without showing its card again for that.
  function backToMention() {
    quiet = true;
    try { open.link.focus(); } finally { quiet = false; }
  }

  function arrow(e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return 0;
    return e.key === "ArrowDown" || e.key === "Down" ? 1 : e.key === "ArrowUp" || e.key === "Up" ? -1 : 0;
  }

  // Hides the card of the mention that has focus before the browser's Tab moves on from it: the cards live
  // right after the article, so from its last mention Tab went into the card shown, and from the card's last
  // link back to the mention and into the card again, for ever (a keyboard trap at the end of every article
  // whose last link is a mention).
  function leaveMention() {
    pending = null;
    hideNow();
  }

  // On a mention: Tab and Shift+Tab go on in the page, past its card; Down arrow goes into its card, shown at
  // once if it is not yet, at its first link.
  function mentionKey(e) {
    var link = e.currentTarget, card = cardFor(link), first = card && cardLinks(card)[0];
    if (e.key === "Tab" && !e.altKey && !e.ctrlKey && !e.metaKey) {
      leaveMention();
    } else if (arrow(e) === 1 && first) {
      e.preventDefault();
      pending = null;
      show(link, card, null, true);
      if (open && open.card === card) first.focus();
    }
  }

  // Keys in a card: Tab and the arrows go through its links; Shift+Tab or Up from the first goes back to the
  // mention; Tab from the last puts focus on the mention and lets the browser's own Tab go on from there, to
  // whatever follows it in the page.
  function cardKey(e) {
    if (e.altKey || e.ctrlKey || e.metaKey || !open || !open.card.contains(e.target)) return;
    var all = cardLinks(open.card), at = Array.prototype.indexOf.call(all, e.target), step = arrow(e);
    if (step && at !== -1) {
      e.preventDefault();
      if (at + step < 0) open.link.focus();
      else all[Math.min(at + step, all.length - 1)].focus();
    } else if (e.key === "Tab" && e.shiftKey && e.target === all[0]) {
      e.preventDefault();
      open.link.focus();
    } else if (e.key === "Tab" && !e.shiftKey && e.target === all[all.length - 1]) {
      backToMention();
      leaveMention();
    }
  }

  // Focus left a mention or a card: the card stays if focus went from one to the other, while the pointer is
  // on the card (the mouse's rules apply), or when the window lost focus from inside the card (it comes back).
  function focusLeft(e) {
    if (pending && (pending === e.target || pending === e.currentTarget)) {
      clearTimeout(showTimer);      // Tab went on before its card was shown: it is not shown over what has focus
      pending = null;
    }
    if (!open) return;
    var to = e.relatedTarget;
    if (to && (to === open.link || open.card.contains(to))) return;
    if (open.card.matches(":hover")) return;
    if (!to && !document.hasFocus() && open.card.contains(e.target)) return;
    hideNow();
  }

  function escape(e) {
    if (e.key !== "Escape" && e.key !== "Esc") return;
    if (open) {
      e.preventDefault();
      if (focusIn(open.card)) backToMention();
    }
    hideNow();
  }

  // The cards of the entities `links` name, in order of first mention, made into `box` from `cards`
  // (entity id → card data). A mention is counted once: a link for each paragraph it crosses, its id on the first.
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

  function wire(box, links) {
    for (var i = 0; i < links.length; i++) {
      var link = links[i], card = cardFor(link);
      if (!card) continue;
      // The first mention of each entity is described by its card; later, subtly linked mentions only while
      // their card is shown (relate).
      if (!link.classList.contains("m-again") && !link.hasAttribute("aria-describedby")) {
        link.setAttribute("aria-describedby", describing(card));
        link.setAttribute("aria-details", card.id);
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
        if (!quiet && keyboardFocus(e.currentTarget)) schedule(e.currentTarget);   // not after a tap or a click
      });
      link.addEventListener("blur", focusLeft);
      link.addEventListener("keydown", mentionKey);
    }
    box.addEventListener("keydown", cardKey);
    box.addEventListener("focusout", focusLeft);
    var cards = box.querySelectorAll(".hovercard");
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
        wire(box, links);
      })
      .catch(function () {});   // offline, or opened from a file: the mentions stay plain links
    document.addEventListener("keydown", escape);
    window.addEventListener("resize", function () {
      if (open && focusIn(open.card)) place(open.link, open.card);   // a zoom must not take the card from focus
      else hideNow();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
