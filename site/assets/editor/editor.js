// The form editor of a country's plan files (edit/<code>/). The engine is Go
// compiled to WebAssembly (editor/hwfplan.wasm): it holds the files, applies each
// change to the YAML text (comments and untouched lines stay as they are),
// validates with the same rules and messages as `hwfplan validate` and says what
// changed in the words of `hwfplan diff`. This script only draws the form from the
// engine's form spec and passes every change on: it never writes YAML itself.
// Two ways out: Save (under `hwfplan serve`, which puts a save token in the page)
// or Propose this change (GitHub's editor, with copy and download as fallbacks).
(function () {
  "use strict";
  var root = document.getElementById("editor");
  if (!root) { return; }
  var statusEl = document.getElementById("editor-status");
  var app = document.getElementById("editor-app");
  var code = root.getAttribute("data-country");
  var repoURL = (root.getAttribute("data-repo") || "").replace(/\/+$/, "");
  var branch = root.getAttribute("data-branch") || "main";
  var tokenMeta = document.querySelector('meta[name="hwfplan-save-token"]');
  var saveToken = tokenMeta ? tokenMeta.getAttribute("content") : "";
  var savePath = "/__hwfplan/save";
  var savedKey = "hwfplan-editor-saved";
  // The page's own messages come from the page (site/i18n, in the page's
  // language: data-msgs); the engine's messages (validation, the change
  // summary) are English, as `hwfplan validate` and `hwfplan diff` give them.
  var msgs = {};
  try { msgs = JSON.parse(root.getAttribute("data-msgs") || "{}"); } catch (e) { msgs = {}; }
  var pluralRules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang || "en") : null;

  // Timings for the end-to-end test and BENCHMARKS.md (never sent anywhere).
  var timings = window.hwfplanEditorTimings = { start: performance.now(), ready: 0, changes: [] };

  var eng = null;         // the engine (window.hwfplanEditor)
  var originals = {};     // path -> text as loaded
  var bases = {};         // path -> sha256 hex of the text the next save replaces
  var paths = [];         // the editable files, in tab order
  var current = "";       // the file shown
  var specs = {};         // path -> form spec
  var fields = {};        // path key -> {wrap, controls, msgs}: where a field's messages go
  var openEntries = {};   // entry keys whose <details> are open
  var lastProblems = [];
  var confirmSaveWithErrors = false;

  // ---- small helpers ----
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === undefined || v === null || v === false) { return; }
        if (k === "text") { e.textContent = v; } else if (k === "className") { e.className = v; } else { e.setAttribute(k, v === true ? "" : v); }
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) { return; }
      e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return e;
  }
  function call(method) {
    var args = Array.prototype.slice.call(arguments, 1);
    var out = eng[method].apply(eng, args);
    var v;
    try { v = JSON.parse(out); } catch (e) { v = out; }
    return v;
  }
  // tx is the message id with its {name} placeholders filled from vars.
  function tx(id, vars) {
    var s = typeof msgs[id] === "string" ? msgs[id] : id;
    return vars ? s.replace(/\{([a-z]+)\}/g, function (m, k) { return vars[k] !== undefined ? String(vars[k]) : m; }) : s;
  }
  // txn is the plural message id for n: its form "one" or "other".
  function txn(id, n) {
    var one = pluralRules ? pluralRules.select(n) === "one" : n === 1;
    return tx(id + (one ? "_one" : "_other"), { n: n });
  }
  function idFor(prefix, path) {
    return prefix + "-" + (current.replace(/[^A-Za-z0-9]+/g, "_")) + "-" + path.map(function (p) {
      return String(p).replace(/[^A-Za-z0-9_-]/g, function (c) { return "_" + c.charCodeAt(0).toString(16); });
    }).join("--");
  }
  function keyOf(path) { return JSON.stringify(path); }
  // say puts a sentence in the live region, followed by the latest check's result.
  var lastCheck = "";
  function say(text) { statusEl.textContent = text + (lastCheck ? " " + lastCheck : ""); }
  function baseName(p) { return p.slice(p.lastIndexOf("/") + 1); }
  function fileLabel(p) {
    var s = specs[p];
    return ((s && s.label) || baseName(p)).replace(" (" + baseName(p) + ")", "");
  }
  function isEmpty(v) { return v === undefined || v === null || v === ""; }
  function sha256(text) {
    if (!window.crypto || !window.crypto.subtle) { return Promise.resolve(""); }
    return window.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)).then(function (buf) {
      return Array.prototype.map.call(new Uint8Array(buf), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    });
  }
  function getAt(data, path) {
    var v = data;
    for (var i = 0; i < path.length; i++) {
      if (v === null || typeof v !== "object") { return undefined; }
      v = v[path[i]];
    }
    return v;
  }

  // ---- start: files.json, then the engine ----
  function fail(text, detail) {
    app.hidden = true;
    document.getElementById("editor-loading").hidden = true;
    var box = document.getElementById("editor-fallback");
    box.hidden = false;
    document.getElementById("editor-fallback-reason").textContent = text + (detail ? " (" + detail + ")" : "");
    say(text);
  }

  var filesPromise = fetch(root.getAttribute("data-files"), { cache: "no-cache" }).then(function (r) {
    if (!r.ok) { throw new Error("HTTP " + r.status); }
    return r.json();
  });

  // In another language, the form's words in it (the framework's translation
  // and the messages edit.form.*); without them the form speaks English.
  var formURL = root.getAttribute("data-form");
  var formPromise = formURL ? fetch(formURL).then(function (r) {
    if (!r.ok) { throw new Error("HTTP " + r.status); }
    return r.text();
  }).catch(function () { return ""; }) : Promise.resolve("");

  function startEngine() {
    if (typeof WebAssembly !== "object" || typeof window.Go !== "function") {
      return Promise.reject(new Error("no-wasm"));
    }
    var go = new window.Go();
    var url = root.getAttribute("data-wasm");
    var inst = (WebAssembly.instantiateStreaming ? WebAssembly.instantiateStreaming(fetch(url), go.importObject) : Promise.reject(new Error("no streaming")))
      .catch(function () { // a server that does not say application/wasm
        return fetch(url).then(function (r) {
          if (!r.ok) { throw new Error("HTTP " + r.status + " for the editor's engine"); }
          return r.arrayBuffer();
        }).then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
      });
    return inst.then(function (res) {
      go.run(res.instance);
      return new Promise(function (ok, no) {
        var waited = 0;
        (function wait() {
          if (window.hwfplanEditor) { timings.engine = performance.now() - timings.start; ok(window.hwfplanEditor); return; }
          waited += 20;
          if (waited > 15000) { no(new Error(tx("engine_timeout"))); return; }
          setTimeout(wait, 20);
        })();
      });
    });
  }

  // The engine compiles while files.json arrives.
  var engineStarted = startEngine();
  engineStarted.catch(function () { /* reported below, once the files are in */ });
  filesPromise.then(function (files) {
    var prefix = "countries/" + code + "/";
    var order = ["country.yaml", "as-is.yaml", "to-be.yaml", "to-do.yaml", "action-plan.yaml"];
    var rank = function (p) { var i = order.indexOf(baseName(p)); return i < 0 ? order.length : i; };
    // Files in the country's subfolders (translations/) are validated, not tabs.
    paths = Object.keys(files).filter(function (p) { return p.indexOf(prefix) === 0 && p.indexOf("/", prefix.length) < 0; }).sort(function (a, b) {
      return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
    });
    originals = files;
    return Promise.all(paths.map(function (p) {
      return sha256(files[p]).then(function (h) { bases[p] = h; });
    })).then(function () { return files; });
  }).then(function (files) {
    return Promise.all([engineStarted, files, formPromise]);
  }).then(function (r) {
    eng = r[0];
    var res = call("load", JSON.stringify(r[1]));
    if (res && res.error) { throw new Error(res.error); }
    if (r[2]) {
      res = call("localize", r[2]);
      if (res && res.error) { throw new Error(res.error); }
    }
    timings.loaded = performance.now() - timings.start;
    paths.forEach(function (p) { specs[p] = call("form", p); });
    timings.forms = performance.now() - timings.start;
    timings.ready = performance.now() - timings.start;
    ready();
  }).catch(function (err) {
    if (err && err.message === "no-wasm") {
      fail(tx("no_wasm"));
    } else {
      fail(tx("failed"), err && err.message);
    }
  });

  // ---- the page once the engine runs ----
  function ready() {
    app.hidden = false;
    // Enter in a field applies it (change); the form itself is never submitted.
    document.getElementById("editor-form").addEventListener("submit", function (ev) { ev.preventDefault(); });
    document.getElementById("editor-loading").hidden = true;
    setupWays();
    drawTabs();
    var want = (location.hash.match(/^#file=(.+)$/) || [])[1];
    var first = want && paths.indexOf(decodeURIComponent(want)) >= 0 ? decodeURIComponent(want) : paths[0];
    show(first);
    refresh(null);
    try {
      var saved = JSON.parse(sessionStorage.getItem(savedKey) || "null");
      if (saved && saved.path) {
        sessionStorage.removeItem(savedKey);
        result("ok", tx("saved_reloaded", { files: saved.path }));
      }
    } catch (e) { /* storage off: no message */ }
    window.addEventListener("beforeunload", function (ev) {
      if (changedPaths().length > 0 && !leaving) { ev.preventDefault(); ev.returnValue = ""; }
    });
    // The preview (hwfplan serve) asks before it reloads the page for a new
    // build. With changes not saved the page stays and says so: a reload would
    // ask to leave the page at every poll, or drop the changes.
    window.hwfplanHoldReload = function () {
      if (leaving || changedPaths().length === 0) { return false; }
      result("info", tx("rebuilt_unsaved"));
      return true;
    };
  }
  var leaving = false;

  function changedPaths() {
    return paths.filter(function (p) { return call("text", p) !== originals[p]; });
  }

  function drawTabs() {
    var list = document.getElementById("editor-tabs");
    list.textContent = "";
    paths.forEach(function (p, i) {
      var b = el("button", { type: "button", role: "tab", id: "tab-" + i, "aria-controls": "editor-panel", "aria-selected": "false", tabindex: "-1", "data-path": p },
        [el("span", { className: "tab-name", text: fileLabel(p) }), el("span", { className: "tab-file", text: baseName(p) }), el("span", { className: "tab-changed", hidden: true, text: tx("changed") })]);
      b.addEventListener("click", function () { show(p); });
      b.addEventListener("keydown", function (ev) {
        var n = paths.length, j = -1;
        if (ev.key === "ArrowRight" || ev.key === "ArrowDown") { j = (i + 1) % n; }
        if (ev.key === "ArrowLeft" || ev.key === "ArrowUp") { j = (i - 1 + n) % n; }
        if (ev.key === "Home") { j = 0; }
        if (ev.key === "End") { j = n - 1; }
        if (j >= 0) { ev.preventDefault(); show(paths[j]); document.getElementById("tab-" + j).focus(); }
      });
      list.appendChild(b);
    });
  }

  function markTabs() {
    var changed = changedPaths();
    paths.forEach(function (p, i) {
      var b = document.getElementById("tab-" + i);
      b.setAttribute("aria-selected", p === current ? "true" : "false");
      b.tabIndex = p === current ? 0 : -1;
      b.querySelector(".tab-changed").hidden = changed.indexOf(p) < 0;
    });
    return changed;
  }

  function show(p) {
    if (p !== current) { openEntries = {}; }
    current = p;
    var i = paths.indexOf(p);
    var panel = document.getElementById("editor-panel");
    panel.setAttribute("aria-labelledby", "tab-" + i);
    document.getElementById("editor-file-title").textContent = fileLabel(p);
    document.getElementById("editor-file-path").textContent = p;
    drawForm();
    markTabs();
    if (eng) { showProblems(lastProblems); showText(); showWays(); }
  }

  // ---- the form ----
  function drawForm(focusID) {
    var form = document.getElementById("editor-form");
    var y = window.scrollY;
    var active = document.activeElement;
    var activeID = active && active !== form && form.contains(active) ? active.id : "";
    // Entries open now stay open (the toggle event may not have come yet).
    Array.prototype.forEach.call(form.querySelectorAll("details.entry-box"), function (d) {
      var k = d.getAttribute("data-entry");
      if (d.open) { openEntries[k] = true; } else { delete openEntries[k]; }
    });
    fields = {};
    form.textContent = "";
    var toc = document.getElementById("editor-toc");
    toc.textContent = "";
    toc.parentElement.hidden = true;
    var top = el("div", { className: "field-msgs", id: idFor("m", []) });
    form.appendChild(top);
    fields[keyOf([])] = { wrap: form, controls: [], msgs: top };
    var spec = specs[current];
    var data = call("document", current);
    if (!spec || spec.error) {
      form.appendChild(el("p", { className: "field-msg error", text: tx("no_form", { error: spec ? spec.error : tx("no_form_engine") }) }));
      return;
    }
    if (Array.isArray(spec)) { spec = { type: "object", fields: spec }; }
    if (data && typeof data.error === "string" && Object.keys(data).length === 1) {
      form.appendChild(el("p", { className: "field-msg error", text: tx("cannot_show", { error: data.error }) }));
      return;
    }
    (spec.fields || []).forEach(function (f) {
      form.appendChild(drawField(f, [f.key], getAt(data, [f.key]), 2));
      var h = document.getElementById(idFor("s", [f.key]));
      if (h) { toc.appendChild(el("li", null, [el("a", { href: "#" + h.id, text: labelText(f) })])); }
    });
    toc.parentElement.hidden = toc.children.length < 3;
    if (focusID || activeID) {
      var t = document.getElementById(focusID || activeID);
      if (t) { openTo(t); t.focus({ preventScroll: true }); }
      window.scrollTo(0, y);
    }
  }

  // register remembers a field's elements so that messages find it by path.
  function register(path, wrap, controls, msgs) {
    wrap.setAttribute("data-path", keyOf(path));
    fields[keyOf(path)] = { wrap: wrap, controls: controls, msgs: msgs };
  }

  function helpEl(f, path) {
    if (!f.help) { return null; }
    return el("p", { className: "help", id: idFor("h", path), text: f.help });
  }
  function describe(nodes, path, f) {
    var ids = [];
    if (f.help) { ids.push(idFor("h", path)); }
    ids.push(idFor("m", path));
    nodes.forEach(function (n) { n.setAttribute("aria-describedby", ids.join(" ")); });
  }
  function labelText(f) { return f.label || f.key; }
  // singular names one entry of a list by the list's label: "Actions" → "action",
  // "KPIs" → "KPI"; "entry" when the label is not a plural.
  function singular(label) {
    // English plurals only; another language says "entry" (edit.js_entry)
    if (!/^en\b/.test(document.documentElement.lang || "en")) { return tx("entry"); }
    var l = String(label || "");
    var one = /ies$/.test(l) ? l.slice(0, -3) + "y" : /[^s]s$/.test(l) ? l.slice(0, -1) : "";
    if (!one) { return tx("entry"); }
    return /^[A-Z][A-Z]/.test(one) ? one : one.charAt(0).toLowerCase() + one.slice(1);
  }
  function reqMark(f) { return f.required ? el("span", { className: "req", text: tx("required") }) : null; }

  function drawField(f, path, value, level) {
    switch (f.type) {
      case "object": return drawObject(f, path, value, level);
      case "list": return drawList(f, path, value, level);
      case "score": return drawScore(f, path, value);
      default: return drawScalar(f, path, value);
    }
  }

  function drawObject(f, path, value, level) {
    var msgs = el("div", { className: "field-msgs", id: idFor("m", path) });
    var box;
    if (level <= 2) {
      var hid = idFor("s", path);
      box = el("section", { className: "form-section", "aria-labelledby": hid }, [el("h" + level, { id: hid, text: labelText(f) }), helpEl(f, path), msgs]);
    } else {
      box = el("fieldset", { className: "group", id: idFor("g", path) }, [el("legend", null, [labelText(f), reqMark(f)]), helpEl(f, path), msgs]);
      describe([box], path, f);
    }
    register(path, box, [], msgs);
    if (value !== undefined && value !== null && (typeof value !== "object" || Array.isArray(value))) {
      box.appendChild(el("p", { className: "field-msg warning", text: tx("not_fields") }));
      return box;
    }
    (f.fields || []).forEach(function (sub) {
      box.appendChild(drawField(sub, path.concat(sub.key), value ? value[sub.key] : undefined, level + 1));
    });
    return box;
  }

  function entryTitle(item, v, i) {
    if (v === null || typeof v !== "object") { return tx("entry_n", { n: i + 1 }); }
    var id = v.id !== undefined ? String(v.id) : "";
    var name = "";
    ["title", "name", "indicator", "deliverable", "description"].some(function (k) { if (typeof v[k] === "string" && v[k]) { name = v[k]; return true; } return false; });
    if (!name && item.fields) {
      item.fields.some(function (sf) { if (sf.key !== "id" && typeof v[sf.key] === "string" && v[sf.key]) { name = v[sf.key]; return true; } return false; });
    }
    return (id ? id + " " : "") + (name || (id ? "" : tx("entry_n", { n: i + 1 })));
  }

  function drawList(f, path, value, level) {
    var item = f.item || { type: "text" };
    var msgs = el("div", { className: "field-msgs", id: idFor("m", path) });
    var heading = level <= 2 ? el("h" + level, { id: idFor("s", path), text: labelText(f) }) : null;
    var box = level <= 2
      ? el("section", { className: "form-section", "aria-labelledby": idFor("s", path) }, [heading, helpEl(f, path), msgs])
      : el("fieldset", { className: "group list", id: idFor("g", path) }, [el("legend", null, [labelText(f), reqMark(f)]), helpEl(f, path), msgs]);
    if (level > 2) { describe([box], path, f); }
    register(path, box, [], msgs);
    if (value !== undefined && value !== null && !Array.isArray(value)) {
      box.appendChild(el("p", { className: "field-msg warning", text: tx("not_list") }));
      return box;
    }
    var items = value || [];
    if (item.type === "enum" && item.options) { box.appendChild(drawChoices(f, item, path, items)); return box; }
    var ol = el("ol", { className: item.type === "object" ? "entry-list" : "value-list" });
    var what = item.label || singular(labelText(f));
    items.forEach(function (v, i) {
      var ip = path.concat(i);
      var li = el("li", { className: "entry" });
      var tools = el("div", { className: "entry-tools" });
      var title = entryTitle(item, v, i);
      var upB = el("button", { type: "button", className: "small", id: idFor("up", ip), disabled: i === 0, text: tx("move_up") }, []);
      upB.appendChild(el("span", { className: "visually-hidden", text: " " + title }));
      var downB = el("button", { type: "button", className: "small", id: idFor("down", ip), disabled: i === items.length - 1, text: tx("move_down") });
      downB.appendChild(el("span", { className: "visually-hidden", text: " " + title }));
      var rmB = el("button", { type: "button", className: "small danger", id: idFor("rm", ip), text: tx("remove") });
      rmB.appendChild(el("span", { className: "visually-hidden", text: " " + title }));
      upB.addEventListener("click", function () { move(path, i, i - 1); });
      downB.addEventListener("click", function () { move(path, i, i + 1); });
      rmB.addEventListener("click", function () { confirmRemove(li, tools, path, i, title); });
      tools.appendChild(upB); tools.appendChild(downB); tools.appendChild(rmB);
      if (item.type === "object") {
        var ek = keyOf(path) + "#" + (v && v.id !== undefined ? v.id : i);
        var det = el("details", { className: "entry-box", id: idFor("e", ip), open: !!openEntries[ek], "data-entry": ek }, [el("summary", null, [el("span", { className: "entry-title", text: title })])]);
        det.addEventListener("toggle", function () { if (det.open) { openEntries[ek] = true; } else { delete openEntries[ek]; } });
        var body = el("div", { className: "entry-body" }, [tools]);
        var emsgs = el("div", { className: "field-msgs", id: idFor("m", ip) });
        body.appendChild(emsgs);
        register(ip, det, [], emsgs);
        if (v !== null && typeof v === "object" && !Array.isArray(v)) {
          (item.fields || []).forEach(function (sub) {
            body.appendChild(drawField(sub, ip.concat(sub.key), v[sub.key], level + 1));
          });
        } else {
          body.appendChild(el("p", { className: "field-msg warning", text: tx("entry_not_fields") }));
        }
        det.appendChild(body);
        li.appendChild(det);
      } else {
        var one = item.label || singular(labelText(f));
        var sub = Object.assign({}, item, { label: one.charAt(0).toUpperCase() + one.slice(1) + " " + (i + 1), help: "" });
        li.appendChild(drawField(sub, ip, v, level + 1));
        li.appendChild(tools);
      }
      ol.appendChild(li);
    });
    box.appendChild(ol);
    var add = el("button", { type: "button", className: "add", id: idFor("add", path), text: tx("add", { what: what }) });
    if (level > 2 || item.type !== "object") { add.appendChild(el("span", { className: "visually-hidden", text: tx("add_to", { list: labelText(f) }) })); }
    add.addEventListener("click", function () {
      if (item.type === "object") { addEntry(f, item, path, items.length); } else { addPending(f, item, path, items.length, ol); }
    });
    box.appendChild(add);
    return box;
  }

  // drawChoices shows a list of enumeration values as checkboxes.
  function drawChoices(f, item, path, items) {
    var wrap = el("div", { className: "choices" });
    var boxes = [];
    item.options.forEach(function (o) {
      var id = idFor("c", path.concat(String(o.value)));
      var cb = el("input", { type: "checkbox", id: id, checked: items.indexOf(o.value) >= 0 });
      cb.addEventListener("change", function () {
        var cur = call("document", current);
        var list = getAt(cur, path) || [];
        var at = list.indexOf(o.value);
        if (cb.checked && at < 0) {
          change(list.length === 0 && getAt(cur, path) === undefined ? [{ op: "set", path: path, value: [o.value] }] : [{ op: "insert", path: path.concat(list.length), value: o.value }], id, true);
        } else if (!cb.checked && at >= 0) {
          change([{ op: "delete", path: path.concat(at) }], id, true);
        }
      });
      boxes.push(cb);
      wrap.appendChild(el("div", { className: "choice" }, [cb, el("label", { for: id, text: o.label || String(o.value) })]));
    });
    items.forEach(function (v) {
      if (!item.options.some(function (o) { return o.value === v; })) {
        wrap.appendChild(el("p", { className: "field-msg warning", text: tx("also_in_file", { value: String(v) }) }));
      }
    });
    fields[keyOf(path)].controls = boxes;
    return wrap;
  }

  function drawScore(f, path, value) {
    var msgs = el("div", { className: "field-msgs", id: idFor("m", path) });
    var fs = el("fieldset", { className: "field score-field", id: idFor("g", path) }, [el("legend", null, [labelText(f), reqMark(f)]), helpEl(f, path)]);
    var opts = (f.options || []).slice();
    var radios = [];
    var name = idFor("r", path);
    var row = el("div", { className: "levels" });
    if (!f.required) { opts.push({ value: null, label: tx("no_score") }); }
    var known = opts.some(function (o) { return o.value === value || (o.value === null && isEmpty(value)); });
    opts.forEach(function (o, i) {
      var id = name + "-" + i;
      var checked = o.value === null ? isEmpty(value) : o.value === value;
      var r = el("input", { type: "radio", name: name, id: id, value: o.value === null ? "" : String(o.value), checked: checked });
      var lbl = o.value === null ? o.label : (String(o.label).indexOf(String(o.value)) === 0 ? o.label : o.value + " " + o.label);
      r.addEventListener("change", function () {
        if (!r.checked) { return; }
        change(o.value === null ? [{ op: "delete", path: path }] : [{ op: "set", path: path, value: o.value }], id, true);
      });
      radios.push(r);
      row.appendChild(el("div", { className: "level" }, [r, el("label", { for: id, text: lbl })]));
    });
    fs.appendChild(row);
    if (!known && !isEmpty(value)) {
      fs.appendChild(el("p", { className: "field-msg warning", text: tx("not_a_level", { value: JSON.stringify(value) }) }));
    }
    fs.appendChild(msgs);
    describe([fs], path, f);
    register(path, fs, radios, msgs);
    return fs;
  }

  function drawScalar(f, path, value) {
    var id = idFor("f", path);
    var msgs = el("div", { className: "field-msgs", id: idFor("m", path) });
    var wrap = el("div", { className: "field" });
    var label = el("label", { for: id }, [labelText(f), reqMark(f)]);
    var input;
    var shown = isEmpty(value) ? "" : (typeof value === "object" ? JSON.stringify(value) : String(value));
    var t = f.type;
    if (t === "currency" && f.options) { t = "enum"; }
    if (t === "boolean") {
      input = el("select", { id: id });
      var bopts = [{ v: "", l: f.required ? tx("choose") : tx("not_set") }, { v: "true", l: tx("yes") }, { v: "false", l: tx("no") }];
      bopts.forEach(function (o) { input.appendChild(el("option", { value: o.v, text: o.l, selected: (o.v === "" && isEmpty(value)) || o.v === String(value) })); });
    } else if (t === "enum") {
      input = el("select", { id: id });
      var has = false;
      input.appendChild(el("option", { value: "", text: f.required ? tx("choose") : tx("not_set"), selected: isEmpty(value) }));
      (f.options || []).forEach(function (o) {
        var sel = !isEmpty(value) && o.value === value;
        has = has || sel;
        input.appendChild(el("option", { value: String(o.value), text: o.label || String(o.value), selected: sel }));
      });
      if (!has && !isEmpty(value)) { input.appendChild(el("option", { value: shown, text: tx("not_known", { value: shown }), selected: true })); }
    } else if (t === "textarea") {
      input = el("textarea", { id: id, rows: Math.min(8, Math.max(3, Math.ceil(shown.length / 70))) });
      input.value = shown;
    } else {
      var type = { date: "date", month: "month", url: "url", integer: "number", number: "text" }[t] || "text";
      if (f.format === "date") { type = "date"; }
      if (f.format === "month") { type = "month"; }
      var attrs = { id: id, type: type, value: shown };
      if (t === "integer") { attrs.step = "1"; attrs.inputmode = "numeric"; }
      if (t === "number") { attrs.inputmode = "decimal"; }
      if (t === "currency") { attrs.maxlength = "3"; attrs.autocapitalize = "characters"; attrs.className = "short"; attrs.spellcheck = "false"; }
      if (type === "date" || type === "month" || t === "integer" || t === "number") { attrs.className = "short"; }
      if (type === "month") { attrs.placeholder = tx("month_placeholder"); attrs.pattern = "[0-9]{4}-[0-9]{2}"; }
      if (f.min !== undefined && f.min !== null && type === "number") { attrs.min = String(f.min); }
      if (f.max !== undefined && f.max !== null && type === "number") { attrs.max = String(f.max); }
      if (f.example && !attrs.placeholder) { attrs.placeholder = tx("example", { example: f.example }); }
      if (f.suggestions && f.suggestions.length) { attrs.list = idFor("l", path); attrs.autocomplete = "off"; }
      input = el("input", attrs);
      if (type === "date" && /^\d{4}-\d{2}-\d{2}T00:00:00(Z|\.000Z)?$/.test(shown)) { input.value = shown.slice(0, 10); }
      if (type === "date" && input.value && !/^\d{4}-\d{2}-\d{2}$/.test(input.value)) { input.type = "text"; input.value = shown; }
    }
    if (f.required) { input.setAttribute("aria-required", "true"); }
    input.addEventListener("change", function () { commit(f, t, path, input); });
    wrap.appendChild(label);
    var help = helpEl(f, path);
    if (help) { wrap.appendChild(help); }
    wrap.appendChild(input);
    if (input.getAttribute("list")) {
      var dl = el("datalist", { id: input.getAttribute("list") });
      f.suggestions.forEach(function (o) { dl.appendChild(el("option", { value: String(o.value), label: o.label && o.label !== String(o.value) ? o.label : undefined })); });
      wrap.appendChild(dl);
    }
    wrap.appendChild(msgs);
    describe([input], path, f);
    register(path, wrap, [input], msgs);
    return wrap;
  }

  // commit turns a control's value into an edit: empty deletes an optional field
  // (a required one becomes "" so that its message shows), numbers go as numbers.
  function commit(f, t, path, input) {
    var raw = input.value;
    var v = raw;
    if (t === "boolean") { v = raw === "" ? null : raw === "true"; }
    else if (t === "integer" || t === "number") {
      var s = raw.trim().replace(/\s+/g, "");
      v = s === "" ? null : (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : raw);
    } else if (t === "enum") {
      var o = (f.options || []).filter(function (x) { return String(x.value) === raw; })[0];
      v = raw === "" ? null : (o ? o.value : raw);
    } else if (t === "currency") { v = raw.trim().toUpperCase(); input.value = v; }
    else if (typeof raw === "string" && t !== "textarea") { v = raw.trim(); }
    if (f.pending) {
      var li = input.closest("li");
      if (v === null || v === "") { delete fields[keyOf(path)]; if (li) { li.remove(); } return; }
      var list = getAt(call("document", current), path.slice(0, -1));
      change(list === undefined || list === null ? [{ op: "set", path: path.slice(0, -1), value: [v] }] : [{ op: "insert", path: path, value: v }], null);
      return;
    }
    if (v === null || v === "") {
      var had = getAt(call("document", current), path);
      if (had === undefined) { refresh(null); return; }
      change(f.required && v === "" ? [{ op: "set", path: path, value: "" }] : [{ op: "delete", path: path }], input.id, true);
      return;
    }
    change([{ op: "set", path: path, value: v }], input.id, true);
    retitle(path);
  }

  // retitle updates the summary of the entry a changed field belongs to.
  function retitle(path) {
    for (var n = path.length - 1; n > 0; n--) {
      if (typeof path[n - 1] === "number") {
        var f = fields[keyOf(path.slice(0, n))];
        var spec = specAt(path.slice(0, n));
        var t = f && f.wrap.querySelector(":scope > summary .entry-title");
        if (t && spec) { t.textContent = entryTitle(spec, getAt(call("document", current), path.slice(0, n)), path[n - 1]); }
        return;
      }
    }
  }

  // specAt is the form spec of the value at a path (a list's item for an index).
  function specAt(path) {
    var s = specs[current];
    if (Array.isArray(s)) { s = { type: "object", fields: s }; }
    for (var i = 0; i < path.length && s; i++) {
      if (typeof path[i] === "number") { s = s.item; } else { s = (s.fields || []).filter(function (f) { return f.key === path[i]; })[0]; }
    }
    return s;
  }

  // ---- changes ----
  function change(ops, focusID, scalar) {
    var t0 = performance.now();
    var res = call("apply", current, JSON.stringify(ops));
    if (res && res.error) {
      // The form goes back to what the file holds; the reason shows at the field.
      var msg = tx("change_failed", { error: res.error });
      drawForm(focusID);
      showProblems(lastProblems);
      var f = fieldFor(ops[0].path);
      f.msgs.appendChild(el("p", { className: "field-msg error" }, [el("strong", { text: tx("error_colon") }), msg]));
      say(msg);
      return false;
    }
    if (!scalar) { drawForm(focusID); }
    refresh(t0);
    return true;
  }

  function move(path, from, to) {
    var ip = path.concat(from);
    var up = to < from;
    var ok = change([{ op: "move", path: ip, to: to }], null);
    if (!ok) { return; }
    var target = document.getElementById(idFor(up ? "up" : "down", path.concat(to)));
    if (!target || target.disabled) { target = document.getElementById(idFor(up ? "down" : "up", path.concat(to))); }
    if (target) { openTo(target); target.focus(); }
    say(tx("moved", { n: to + 1 }));
  }

  function confirmRemove(li, tools, path, i, title) {
    if (tools.querySelector(".confirm")) { return; }
    var q = el("div", { className: "confirm", role: "group", "aria-label": tx("confirm_removal") }, [el("p", { text: tx("remove_question", { title: title }) })]);
    var yes = el("button", { type: "button", className: "small danger", text: tx("yes_remove") });
    var no = el("button", { type: "button", className: "small", text: tx("keep") });
    yes.addEventListener("click", function () {
      var next = document.getElementById(idFor("add", path));
      var ok = change([{ op: "delete", path: path.concat(i) }], null);
      if (ok) {
        next = document.getElementById(idFor("add", path));
        if (next) { openTo(next); next.focus(); }
        say(tx("removed", { title: title }));
      }
    });
    no.addEventListener("click", function () { q.remove(); document.getElementById(idFor("rm", path.concat(i))).focus(); });
    q.appendChild(yes); q.appendChild(no);
    tools.appendChild(q);
    yes.focus();
  }

  // addPending shows an empty control for a new value of a list of values: the
  // value enters the file once it is typed, and an empty one never does.
  function addPending(f, item, path, n, ol) {
    var ip = path.concat(n);
    var there = document.getElementById(idFor("f", ip));
    if (there) { there.focus(); return; }
    var one = item.label || singular(labelText(f));
    var sub = Object.assign({}, item, { label: one.charAt(0).toUpperCase() + one.slice(1) + " " + (n + 1), help: "", pending: true });
    var li = el("li", { className: "entry pending" }, [drawScalar(sub, ip, undefined)]);
    ol.appendChild(li);
    var input = document.getElementById(idFor("f", ip));
    input.focus();
    say(tx("new_empty", { what: one }));
  }

  // addEntry adds an entry (a set of fields) at the end of a list, with a fresh id
  // from the engine when its entries have ids, and opens it.
  function addEntry(f, item, path, n) {
    var value = {};
    if ((item.fields || []).some(function (sf) { return sf.key === "id"; }) || item.idPrefix || item.idPattern) {
      var r = call("newID", current, JSON.stringify(path));
      if (r && r.error) { result("error", tx("no_id", { error: r.error })); return; }
      value.id = typeof r === "string" ? r : r.id;
    }
    var cur = getAt(call("document", current), path);
    var ops = cur === undefined || cur === null ? [{ op: "set", path: path, value: [value] }] : [{ op: "insert", path: path.concat(n), value: value }];
    var ip = path.concat(n);
    openEntries[keyOf(path) + "#" + (value.id !== undefined ? value.id : n)] = true;
    var ok = change(ops, null);
    if (!ok) { return; }
    var det = document.getElementById(idFor("e", ip));
    var target = det ? det.querySelector("input:not([disabled]):not([type=hidden]), select, textarea") : document.getElementById(idFor("f", ip));
    if (det) {
      var inputs = det.querySelectorAll("input, select, textarea");
      for (var k = 0; k < inputs.length; k++) { if (!inputs[k].value || inputs[k].type === "radio") { target = inputs[k]; break; } }
    }
    if (target) { openTo(target); target.focus(); }
    say(value.id ? tx("added", { id: value.id }) : tx("added_entry"));
  }

  // ---- after every change: messages, the change summary, the text ----
  function refresh(t0) {
    var tv = performance.now();
    var problems = call("validate");
    if (!Array.isArray(problems)) { problems = problems && problems.error ? [{ severity: "error", message: problems.error, file: current }] : []; }
    lastProblems = problems;
    showProblems(problems);
    if (t0 !== null) {
      timings.changes.push({ toValidation: performance.now() - t0, validate: performance.now() - tv });
    }
    // The change summary, the text and the buttons follow once the messages are
    // on the screen (several quick changes draw them once).
    if (!restPending) { restPending = true; setTimeout(refreshRest, 0); }
  }
  var restPending = false;
  function refreshRest() {
    restPending = false;
    showDiff();
    showText();
    markTabs();
    showWays();
  }

  function fieldFor(path) {
    for (var n = path.length; n >= 0; n--) {
      var f = fields[keyOf(path.slice(0, n))];
      if (f) { return f; }
    }
    return fields[keyOf([])];
  }

  function openTo(node) {
    for (var n = node; n; n = n.parentElement) {
      if (n.tagName === "DETAILS" && !n.open) { n.open = true; }
    }
  }

  // fieldName is how the form names a field: its label, legend, heading or entry
  // title, followed by ": "; "" for the file as a whole.
  function fieldName(f) {
    if (!f || f.wrap.tagName === "FORM") { return ""; }
    var n = f.wrap.querySelector(":scope > label, :scope > legend, :scope > summary .entry-title, :scope > h2, :scope > h3");
    if (!n) { return ""; }
    var t = "";
    Array.prototype.forEach.call(n.childNodes, function (c) { if (!(c.classList && c.classList.contains("req"))) { t += c.textContent; } });
    t = t.trim();
    // Name the entry the field belongs to, if any: "Target year (HU-A1 › k2)".
    var ids = [];
    for (var e = f.wrap.parentElement; e; e = e.parentElement) {
      if (e.tagName === "DETAILS" && e !== f.wrap) {
        var et = e.querySelector(":scope > summary .entry-title");
        if (et) { ids.unshift(et.textContent.split(" ")[0]); }
      }
    }
    return t + (ids.length ? " (" + ids.join(" › ") + ")" : "") + ": ";
  }

  function showProblems(problems) {
    Object.keys(fields).forEach(function (k) {
      var f = fields[k];
      f.msgs.textContent = "";
      f.controls.forEach(function (c) { c.removeAttribute("aria-invalid"); });
      f.wrap.classList.remove("has-error", "has-warning");
    });
    var list = document.getElementById("editor-problem-list");
    list.textContent = "";
    var errors = 0, warnings = 0, here = 0;
    problems.forEach(function (p) {
      if (p.severity === "error") { errors++; } else { warnings++; }
      var text = p.message + (p.suggestion ? " " + p.suggestion : "");
      var where = p.file || current;
      var target = null;
      if (where === current) {
        here++;
        var f = fieldFor(Array.isArray(p.field) ? p.field : []);
        f.msgs.appendChild(el("p", { className: "field-msg " + (p.severity === "error" ? "error" : "warning") }, [el("strong", { text: p.severity === "error" ? tx("error_colon") : tx("warning_colon") }), text]));
        if (p.severity === "error") {
          f.controls.forEach(function (c) { c.setAttribute("aria-invalid", "true"); });
          f.wrap.classList.add("has-error");
          if (f.controls.length === 0) { f.wrap.classList.add("has-error"); }
        } else { f.wrap.classList.add("has-warning"); }
        target = f.controls[0] || f.wrap;
      }
      var label = (where === current ? "" : baseName(where) + " › ") + (where === current && p.field && p.field.length ? fieldName(fieldFor(p.field)) : "");
      var a = el("a", { href: target && target.id ? "#" + target.id : "#editor-panel" }, [el("span", { className: "sev", text: p.severity === "error" ? tx("error") : tx("warning") }), " ", label + text]);
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        if (where !== current && paths.indexOf(where) >= 0) { show(where); }
        var g = fieldFor(Array.isArray(p.field) ? p.field : []);
        var t = g.controls[0] || g.wrap;
        openTo(t);
        if (!t.hasAttribute("tabindex") && !/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(t.tagName)) { t.setAttribute("tabindex", "-1"); }
        t.focus();
        t.scrollIntoView({ block: "center" });
      });
      list.appendChild(el("li", { className: p.severity === "error" ? "error" : "warning" }, [a]));
    });
    var box = document.getElementById("editor-problems");
    box.hidden = problems.length === 0;
    box.classList.toggle("warnings-only", errors === 0);
    var counts = [errors ? txn("errors", errors) : "", warnings ? txn("warnings", warnings) : ""].filter(Boolean).join(tx("and"));
    document.getElementById("editor-problems-title").textContent = problems.length === 0 ? tx("no_problems") :
      tx(here === problems.length ? "problems_here" : "problems_all", { list: counts });
    lastCheck = problems.length === 0 ? tx("checked_none") : tx("checked", { list: counts });
    document.getElementById("editor-check").textContent = lastCheck;
    statusEl.textContent = lastCheck;
  }

  function showDiff() {
    var d = call("diff");
    var ul = document.getElementById("editor-diff");
    ul.textContent = "";
    var lines = (d && d.lines) || [];
    if (d && d.error) { lines = []; ul.appendChild(el("li", { text: tx("diff_failed", { error: d.error }) })); }
    lines.forEach(function (l) { ul.appendChild(el("li", { text: l })); });
    document.getElementById("editor-diff-none").hidden = lines.length > 0 || !!(d && d.error);
  }

  function showText() {
    var t = call("text", current);
    document.getElementById("editor-text").textContent = typeof t === "string" ? t : "";
    document.getElementById("editor-text-name").textContent = baseName(current);
  }

  // ---- the ways out ----
  function setupWays() {
    var serve = !!saveToken;
    document.getElementById("editor-save-box").hidden = !serve;
    document.getElementById("editor-propose-box").hidden = serve;
    document.getElementById("editor-save").addEventListener("click", save);
    document.getElementById("editor-propose").addEventListener("click", propose);
    document.getElementById("editor-copy").addEventListener("click", function () { copy().then(function (ok) { result(ok ? "ok" : "error", ok ? tx("copied", { file: baseName(current) }) : tx("copy_failed")); }); });
    document.getElementById("editor-download").addEventListener("click", download);
  }

  function showWays() {
    var changed = call("text", current) !== originals[current];
    var name = baseName(current);
    var nch = changedPaths().length;
    document.getElementById("editor-propose-name").textContent = name;
    document.getElementById("editor-save-name").textContent = nch > 1 ? txn("changed_files", nch) : nch === 1 ? baseName(changedPaths()[0]) : "";
    document.getElementById("editor-nochange").hidden = changed;
    var others = changedPaths().filter(function (p) { return p !== current; }).map(baseName);
    var oth = document.getElementById("editor-propose-others");
    oth.hidden = others.length === 0;
    oth.textContent = others.length ? tx("also_changed", { files: others.join(", ") }) : "";
    var errs = lastProblems.filter(function (p) { return p.severity === "error"; }).length;
    var warn = document.getElementById("editor-save-errors");
    warn.hidden = errs === 0 || !changed;
    warn.textContent = errs === 0 ? "" : tx(saveToken ? "still_errors_save" : "still_errors_propose", { errors: txn("errors", errs) });
    if (errs === 0) { confirmSaveWithErrors = false; }
  }

  function result(kind, text) {
    var r = document.getElementById("editor-result");
    r.className = "result " + kind;
    r.textContent = text;
  }

  // save writes every changed file of the country, one request each: the preview
  // rebuilds and reloads the page after a save, which would lose changes to a file
  // not saved yet.
  function save() {
    var todo = changedPaths();
    if (todo.length === 0) { result("info", tx("nothing_to_save")); return; }
    var errs = lastProblems.filter(function (p) { return p.severity === "error"; }).length;
    if (errs > 0 && !confirmSaveWithErrors) {
      confirmSaveWithErrors = true;
      result("error", tx("save_anyway", { errors: txn("errors", errs) }));
      return;
    }
    confirmSaveWithErrors = false;
    var btn = document.getElementById("editor-save");
    btn.disabled = true;
    var done = [];
    result("info", tx("saving", { files: todo.join(", ") }));
    function next(i) {
      if (i === todo.length) {
        btn.disabled = false;
        leaving = true;
        try { sessionStorage.setItem(savedKey, JSON.stringify({ path: done.join(", ") })); } catch (e) { /* no storage */ }
        markTabs();
        showWays();
        result("ok", tx("saved", { files: done.join(", ") }));
        return;
      }
      var path = todo[i];
      var text = call("text", path);
      fetch(savePath, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Hwfplan-Token": saveToken },
        body: JSON.stringify({ path: path, content: text, base: bases[path] }),
      }).then(function (r) {
        return r.json().catch(function () { return { error: "HTTP " + r.status }; }).then(function (body) { return { status: r.status, body: body }; });
      }).then(function (r) {
        if (r.status === 409) {
          throw new Error(tx("changed_on_disk", { file: path, error: (r.body && r.body.error) || tx("conflict") }));
        }
        if (!r.body || !r.body.ok) { throw new Error((r.body && r.body.error) || "HTTP " + r.status); }
        bases[path] = r.body.sha256 || bases[path];
        originals[path] = text;
        done.push(path);
        next(i + 1);
      }).catch(function (err) {
        btn.disabled = false;
        markTabs();
        showWays();
        var msg = err instanceof TypeError ? tx("no_answer", { error: err.message }) : err.message;
        result("error", done.length ? tx("saved_not_all", { files: done.join(", "), rest: todo.slice(i).join(", "), error: msg }) : tx("not_saved", { error: msg }));
      });
    }
    next(0);
  }

  function copy() {
    var text = call("text", current);
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return legacyCopy(text); });
    }
    return Promise.resolve(legacyCopy(text));
  }
  function legacyCopy(text) {
    var ta = el("textarea", { className: "offscreen", "aria-hidden": "true", tabindex: "-1" });
    ta.value = text;
    document.body.appendChild(ta);
    ta.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    ta.remove();
    return ok;
  }

  function propose() {
    var path = current;
    if (call("text", path) === originals[path]) {
      result("info", tx("nothing_to_propose", { file: baseName(path) }));
      return;
    }
    var url = repoURL + "/edit/" + branch + "/" + path;
    // Open the tab first, while the click still counts as the person's own.
    var w = window.open(url, "_blank", "noopener");
    copy().then(function (ok) {
      var steps = document.getElementById("editor-propose-steps");
      steps.hidden = false;
      document.getElementById("editor-propose-link").href = url;
      result(ok ? "ok" : "error", (ok ? tx("propose_copied", { file: baseName(path) }) : tx("propose_not_copied")) +
        (w === null ? tx("tab_blocked") : tx("tab_opened")));
    });
  }

  function download() {
    var name = baseName(current);
    var blob = new Blob([call("text", current)], { type: "application/x-yaml" });
    var url = URL.createObjectURL(blob);
    var a = el("a", { href: url, download: name, className: "offscreen" });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    result("ok", tx("downloaded", { file: name }));
  }
})();
