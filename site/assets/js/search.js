// Offline search over the index Hugo writes to index.json: every page, and each
// section of a report. Each result shows where the words were found. Without
// JavaScript the search page still lists every page; this script only filters.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box || !window.fetch) { return; }
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var input = document.getElementById("site-search");
  var query = new URLSearchParams(window.location.search).get("q") || "";
  if (input) { input.value = query; }
  var terms = query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  // The messages come from the page (site/i18n), in the page's language.
  var msg = box.dataset;
  if (terms.length === 0) { status.textContent = msg.msgEmpty; return; }
  var maxResults = 50;
  var context = 90; // characters of text shown on each side of the first match

  // snippet returns the text around the first match of a term, with "…" where
  // it was cut, or "" when no term is in the text (a match in the title only).
  function snippet(text) {
    var lower = text.toLowerCase();
    var at = -1;
    for (var i = 0; i < terms.length; i++) {
      var j = lower.indexOf(terms[i]);
      if (j >= 0 && (at < 0 || j < at)) { at = j; }
    }
    if (at < 0) { return ""; }
    var start = Math.max(0, at - context);
    var end = Math.min(text.length, at + context * 2);
    if (start > 0) { var sp = text.indexOf(" ", start); if (sp >= 0 && sp < at) { start = sp + 1; } }
    if (end < text.length) { var ep = text.lastIndexOf(" ", end); if (ep > at) { end = ep; } }
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  // marked appends text to el with every term in a <mark>, as text nodes only.
  function marked(el, text) {
    var lower = text.toLowerCase();
    var pos = 0;
    while (pos < text.length) {
      var next = -1, len = 0;
      for (var i = 0; i < terms.length; i++) {
        var j = lower.indexOf(terms[i], pos);
        if (j >= 0 && (next < 0 || j < next || j === next && terms[i].length > len)) { next = j; len = terms[i].length; }
      }
      if (next < 0) { break; }
      el.appendChild(document.createTextNode(text.slice(pos, next)));
      var m = document.createElement("mark");
      m.textContent = text.slice(next, next + len);
      el.appendChild(m);
      pos = next + len;
    }
    el.appendChild(document.createTextNode(text.slice(pos)));
  }

  fetch(box.getAttribute("data-index")).then(function (r) {
    if (!r.ok) { throw new Error("HTTP " + r.status); }
    return r.json();
  }).then(function (pages) {
    var hits = pages.map(function (p) {
      var title = (p.title || "").toLowerCase();
      var text = title + " " + (p.text || "").toLowerCase();
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        if (text.indexOf(terms[i]) < 0) { return null; }
        score += title.indexOf(terms[i]) >= 0 ? 2 : 1;
      }
      return { page: p, score: score };
    }).filter(function (h) { return h !== null; });
    hits.sort(function (a, b) { return b.score - a.score || a.page.title.localeCompare(b.page.title); });
    list.textContent = "";
    hits.slice(0, maxResults).forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = h.page.url;
      a.textContent = h.page.title;
      li.appendChild(a);
      var s = snippet(h.page.text || "");
      if (s) {
        var p = document.createElement("p");
        p.className = "snippet";
        marked(p, s);
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    list.hidden = hits.length === 0;
    var shown = hits.length > maxResults ? msg.msgFirst.replace("{max}", String(maxResults)) : "";
    var found = new Intl.PluralRules(document.documentElement.lang || "en").select(hits.length) === "one" ? msg.msgOne : msg.msgOther;
    status.textContent = found.replace("{n}", String(hits.length)).replace("{q}", function () { return query; }) + shown;
  }).catch(function () {
    status.textContent = msg.msgFailed;
  });
})();
