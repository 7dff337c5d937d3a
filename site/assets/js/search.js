// Offline search over the index Hugo writes to index.json. Without JavaScript the
// search page still lists every page; this script only filters.
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
  if (terms.length === 0) { status.textContent = "Type words to search for in the box above."; return; }
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
    hits.forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = h.page.url;
      a.textContent = h.page.title;
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = hits.length === 0;
    status.textContent = hits.length + (hits.length === 1 ? " page matches " : " pages match ") + "\u201c" + query + "\u201d.";
  }).catch(function () {
    status.textContent = "The search index could not be loaded; all pages are listed below.";
  });
})();
