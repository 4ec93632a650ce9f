// cleaner review report. Article text is untrusted: it only ever reaches the page through
// textContent / createTextNode / title, never innerHTML. Articles are inert blocks (gzipped
// JSON, base64) decoded when opened, and the index shows one page of rows at a time, so a
// 2,000-article report costs one short table at load.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var tbody = document.querySelector("#index-table tbody");
  var state = { i: -1, data: null, nav: [], pos: -1, fpos: -1, cur: null, liC: [], liF: [] };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function short(s, n) {
    s = String(s);
    if (!s) return "\u2205";
    // Whitespace-only changes would be invisible: show the characters.
    if (!s.trim()) s = s.replace(/ /g, "\u2423").replace(/\u00a0/g, "\u237d").replace(/\t/g, "\u21e5");
    s = s.replace(/\n/g, "\u21b5");
    return s.length > n ? s.slice(0, n - 1) + "\u2026" : s;
  }

  // ---- index: sort, filter -------------------------------------------------------------
  var headers = document.querySelectorAll("#index-table th");
  Array.prototype.forEach.call(headers, function (th, col) {
    th.addEventListener("click", function () { sortBy(th, col); });
  });
  function sortBy(th, col) {
    var desc = th.getAttribute("aria-sort") === "ascending";
    Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", desc ? "descending" : "ascending");
    var num = th.dataset.type === "num";
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col], y = b.cells[col], r;
      if (num) r = parseFloat(x.dataset.v) - parseFloat(y.dataset.v);
      else r = x.textContent.localeCompare(y.textContent);
      if (r === 0) r = a.dataset.i - b.dataset.i;
      return desc ? -r : r;
    });
    var frag = document.createDocumentFragment();
    rows.forEach(function (r) { frag.appendChild(r); });
    tbody.appendChild(frag);
    page = 0;
    paginate();
  }
  var PAGE = 200, page = 0;
  function matching() {
    return Array.prototype.filter.call(tbody.rows, function (r) { return !r.hidden; });
  }
  function paginate() {
    var rows = matching(), pages = Math.max(1, Math.ceil(rows.length / PAGE));
    page = Math.max(0, Math.min(page, pages - 1));
    var lo = page * PAGE, hi = lo + PAGE;
    Array.prototype.forEach.call(tbody.rows, function (r) { r.classList.add("off"); });
    rows.slice(lo, hi).forEach(function (r) { r.classList.remove("off"); });
    $("page-info").textContent = rows.length ? (lo + 1) + "\u2013" + Math.min(hi, rows.length) + " of " + rows.length : "none";
    $("prev-page").disabled = page === 0;
    $("next-page").disabled = page >= pages - 1;
    $("prev-page").parentNode.hidden = pages < 2;
  }
  function turnPage(step) { page += step; paginate(); window.scrollTo(0, 0); }
  $("prev-page").addEventListener("click", function () { turnPage(-1); });
  $("next-page").addEventListener("click", function () { turnPage(1); });
  var ruleFilter = $("rule-filter"), nameFilter = $("name-filter"), onlyChanged = $("only-changed");
  function applyFilter() {
    var rule = ruleFilter.value, name = nameFilter.value.toLowerCase(), only = onlyChanged.checked;
    var shown = 0;
    Array.prototype.forEach.call(tbody.rows, function (tr) {
      var ok = (!rule || tr.dataset.rules.indexOf(" " + rule + " ") >= 0) &&
        (!name || tr.cells[1].textContent.toLowerCase().indexOf(name) >= 0) &&
        (!only || tr.dataset.active === "1");
      tr.hidden = !ok;
      if (ok) shown++;
    });
    $("shown-count").textContent = shown + " of " + tbody.rows.length + " match";
    page = 0;
    paginate();
  }
  [ruleFilter, nameFilter, onlyChanged].forEach(function (c) {
    c.addEventListener("input", applyFilter);
    c.addEventListener("change", applyFilter);
  });
  applyFilter();

  // ---- routing ---------------------------------------------------------------------------
  var token = 0;
  function route() {
    var m = /^#a(\d+)$/.exec(location.hash), mine = ++token;
    if (!m || !$("d" + m[1])) { showIndex(); return; }
    var i = +m[1];
    load(i).then(function (d) {
      if (mine === token) showArticle(i, d);
    }, function (err) {
      if (mine === token) showArticle(i, { name: $("row" + i).cells[1].textContent, error: "cannot open this article here: " + err.message, meta: {} });
    });
  }
  function load(i) {
    if (typeof DecompressionStream === "undefined") {
      return Promise.reject(new Error("this browser lacks DecompressionStream (needs Chrome 80, Firefox 113, Safari 16.4 or later)"));
    }
    var bin = atob($("d" + i).textContent.trim());
    var bytes = new Uint8Array(bin.length);
    for (var k = 0; k < bin.length; k++) bytes[k] = bin.charCodeAt(k);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }
  function showIndex() {
    $("article").hidden = true;
    $("index").hidden = false;
    if (state.i >= 0) {
      var row = $("row" + state.i), at = matching().indexOf(row);
      if (at >= 0) { page = Math.floor(at / PAGE); paginate(); }
      if (row && !row.hidden) row.scrollIntoView({ block: "center" });
    }
  }
  function visibleNeighbour(step) {
    var rows = Array.prototype.filter.call(tbody.rows, function (r) { return !r.hidden; });
    var at = rows.indexOf($("row" + state.i));
    var next = rows[at + step];
    return next ? next.dataset.i : null;
  }
  function goArticle(step) {
    var i = visibleNeighbour(step);
    if (i !== null) location.hash = "#a" + i;
  }

  // ---- one article -----------------------------------------------------------------------
  // An edit's reason and message, once: stages often repeat one inside the other.
  function why(e) {
    var r = e[2] || "", m = e[3] || "";
    if (!m || r.indexOf(m) >= 0) return r;
    if (!r || m.indexOf(r) >= 0) return m;
    return r + " \u2014 " + m;
  }
  function tooltip(d, c) {
    var lines = [c.rules.join(" ") + " (" + c.stage + ")"];
    c.edits.forEach(function (k) {
      var e = d.edits[k];
      lines.push(e[0] + ": " + why(e));
    });
    return lines.join("\n");
  }
  function findingTip(d, ids) {
    return ids.map(function (k) {
      var f = d.findings[k];
      var s = f.rule + " (" + f.level + "): " + f.message;
      if (f.suggestions.length) s += "\n\u2192 " + f.suggestions.join(" | ");
      return s;
    }).join("\n");
  }
  function addText(cell, text, fids, d) {
    if (!fids || !fids.length) { cell.appendChild(document.createTextNode(text)); return; }
    var lv = d.findings[fids[0]].level;
    var m = el("span", "finding level-" + lv + (text ? "" : " point"), text);
    m.dataset.f = fids.join(" ");
    m.title = findingTip(d, fids);
    cell.appendChild(m);
  }
  function addParts(wrap, parts, tag, d) {
    parts.forEach(function (p) {
      var target = wrap;
      if (p[1]) { target = el(tag); wrap.appendChild(target); }
      addText(target, p[0], p[2], d);
    });
  }
  function renderRow(d, row) {
    var div = el("div", "row"), left = el("div", "cell orig"), right = el("div", "cell clean");
    div.appendChild(left); div.appendChild(right);
    row.a.forEach(function (a) {
      if (typeof a === "string") { left.appendChild(document.createTextNode(a)); right.appendChild(document.createTextNode(a)); return; }
      if (a[0] === "=") { left.appendChild(document.createTextNode(a[1])); addText(right, a[1], a[2], d); return; }
      var c = d.changes[a[1]], tip = tooltip(d, c);
      var cls = "chg stage-" + c.stage;
      var l = el("span", cls), r = el("span", cls);
      l.dataset.c = r.dataset.c = a[1];
      l.title = r.title = tip;
      addParts(l, a[2], "del", d);
      addParts(r, a[3], "ins", d);
      var chip = el("span", "chip stage-" + c.stage, c.rules.join(" "));
      chip.title = tip;
      left.appendChild(l);
      if (c.kind === "block") {
        div.classList.add("block");
        var note = el("span", "removed-note");
        note.appendChild(chip);
        note.appendChild(document.createTextNode(" removed: " + why(d.edits[c.edits[0]])));
        left.appendChild(note);
        state.nav[a[1]] = [l, null];
      } else {
        right.appendChild(r);
        right.appendChild(chip);
        state.nav[a[1]] = [l, r];
      }
    });
    (row.l || []).forEach(function (k) {
      var c = d.changes[k];
      var chip = el("span", "chip layout-chip layout-mark", "\u00b6 " + c.rules.join(" "));
      chip.dataset.c = k;
      chip.title = tooltip(d, c);
      right.appendChild(chip);
      state.nav[k] = [chip, null];
    });
    return div;
  }
  function renderMeta(d) {
    var t = $("meta");
    t.textContent = "";
    var keys = Object.keys(d.meta || {});
    t.hidden = !keys.length;
    keys.forEach(function (k) {
      var tr = el("tr");
      tr.appendChild(el("th", null, k));
      tr.appendChild(metaValue(d.meta[k]));
      t.appendChild(tr);
    });
  }
  // Scalars as text; a structured value (a damage breakdown, say) as its scalar fields, with
  // the whole value folded away underneath.
  function metaValue(v) {
    var td = el("td");
    if (v === null || typeof v !== "object") { td.textContent = String(v); return td; }
    var flat = Object.keys(v).filter(function (k) { return v[k] === null || typeof v[k] !== "object"; });
    var details = el("details"), summary = el("summary");
    summary.textContent = Array.isArray(v) ? v.length + " item(s)" :
      flat.slice(0, 5).map(function (k) { return k + " " + v[k]; }).join(" \u00b7 ") || "details";
    details.appendChild(summary);
    details.appendChild(el("pre", "meta-json", JSON.stringify(v, null, 1)));
    td.appendChild(details);
    return td;
  }
  function renderSide(d) {
    var list = $("change-list"), flist = $("finding-list");
    list.textContent = ""; flist.textContent = "";
    var shown = 0;
    d.changes.forEach(function (c, k) {
      var li = el("li", c.kind === "layout" ? "layout-mark" : null);
      li.dataset.c = k;
      var chip = el("span", "chip stage-" + c.stage, c.rules.join(" "));
      li.appendChild(chip);
      li.appendChild(document.createTextNode(" "));
      if (c.kind !== "block") {
        li.appendChild(el("span", "old", short(c.old, 60)));
        li.appendChild(document.createTextNode(" \u2192 "));
        li.appendChild(el("span", "new", short(c.new, 60)));
      } else {
        li.appendChild(el("span", "old", short(c.old, 80)));
      }
      var whys = c.edits.map(function (e) { return why(d.edits[e]); });
      li.appendChild(el("span", "why", whys.filter(function (w, n) { return whys.indexOf(w) === n; }).join("; ")));
      li.appendChild(decisionControls("c", k));
      state.liC[k] = li;
      li.addEventListener("click", function (e) {
        if (isControl(e.target)) return;
        var at = state.order.indexOf(k);
        if (at >= 0) goChange(at, true);
        else setCurrent("c", k);
      });
      list.appendChild(li);
      if (c.kind !== "layout") shown++;
    });
    $("change-count").textContent = "(" + shown + ")";
    d.findings.forEach(function (f, k) {
      var li = el("li", "level-" + f.level);
      li.dataset.f = k;
      li.appendChild(el("span", "finding level-" + f.level, f.level));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("span", "chip stage-" + f.stage, f.rule));
      li.appendChild(document.createTextNode(" " + f.message + (f.text ? " \u201c" + short(f.text, 60) + "\u201d" : "")));
      if (f.suggestions.length) {
        var s = el("span", "sugg", "suggest: ");
        f.suggestions.forEach(function (x, n) {
          if (n) s.appendChild(document.createTextNode(" | "));
          var b = el("button", "sugg-pick", x);
          b.type = "button";
          b.title = "accept this suggestion (" + (n + 1) + ")";
          b.dataset.s = n;
          b.addEventListener("click", function () { decideCurrent("accept", n, false, "f", k); });
          s.appendChild(b);
        });
        li.appendChild(s);
      }
      if (f.reason && f.message.indexOf(f.reason) < 0) li.appendChild(el("span", "why", f.reason));
      li.appendChild(decisionControls("f", k));
      state.liF[k] = li;
      li.addEventListener("click", function (e) { if (!isControl(e.target)) goFinding(k); });
      flist.appendChild(li);
    });
    $("finding-count").textContent = "(" + d.findings.length + ")";
  }
  function showArticle(i, d) {
    state = { i: i, data: d, nav: [], pos: -1, fpos: -1, order: [], cur: null, liC: [], liF: [] };
    $("index").hidden = true;
    $("article").hidden = false;
    $("art-title").textContent = d.name;
    var err = $("art-error");
    err.hidden = !d.error;
    err.textContent = d.error || "";
    renderMeta(d);
    var rows = $("rows");
    rows.textContent = "";
    var frag = document.createDocumentFragment();
    (d.rows || []).forEach(function (r) { frag.appendChild(renderRow(d, r)); });
    rows.appendChild(frag);
    if (d.changes) renderSide(d);
    else { $("change-list").textContent = ""; $("finding-list").textContent = ""; }
    buildOrder();
    showDecisions();
    $("prev-article").disabled = visibleNeighbour(-1) === null;
    $("next-article").disabled = visibleNeighbour(1) === null;
    updatePosition();
    window.scrollTo(0, 0);
  }

  // ---- navigation between changes --------------------------------------------------------
  function buildOrder() {
    var layout = document.body.classList.contains("show-layout");
    var d = state.data;
    state.order = (d.changes || []).map(function (c, k) { return k; }).filter(function (k) {
      return layout || d.changes[k].kind !== "layout";
    });
  }
  function clearCurrent() {
    Array.prototype.forEach.call(document.querySelectorAll("#article .current"), function (e) {
      e.classList.remove("current");
    });
  }
  // Makes a change or finding the one the decision keys act on (a click in the side list on a
  // change that j/k skip, a layout change with layout hidden, say).
  function setCurrent(kind, k) {
    clearCurrent();
    var li = sideItem(kind, k);
    if (li) li.classList.add("current");
    state.cur = { kind: kind, k: k };
    updatePosition();
  }
  function goChange(pos, fromList) {
    if (!state.order.length || pos < 0 || pos >= state.order.length) return;
    state.pos = pos;
    var k = state.order[pos], pair = state.nav[k] || [];
    clearCurrent();
    pair.forEach(function (e) { if (e) e.classList.add("current"); });
    var li = document.querySelector('#change-list li[data-c="' + k + '"]');
    if (li) { li.classList.add("current"); if (!fromList) li.scrollIntoView({ block: "nearest" }); }
    var target = pair[1] || pair[0];
    if (target) target.scrollIntoView({ block: "center" });
    state.cur = { kind: "c", k: k };
    updatePosition();
  }
  function goFinding(k) {
    var d = state.data;
    if (!d || !d.findings || !d.findings.length) return;
    k = (k + d.findings.length) % d.findings.length;
    state.fpos = k;
    clearCurrent();
    var marks = Array.prototype.filter.call(document.querySelectorAll("#rows [data-f]"), function (m) {
      return (" " + m.dataset.f + " ").indexOf(" " + k + " ") >= 0;
    });
    marks.forEach(function (m) { m.classList.add("current"); });
    var li = document.querySelector('#finding-list li[data-f="' + k + '"]');
    if (li) { li.classList.add("current"); li.scrollIntoView({ block: "nearest" }); }
    if (marks[0]) marks[0].scrollIntoView({ block: "center" });
    state.cur = { kind: "f", k: k };
    updatePosition();
  }
  function updatePosition() {
    var n = state.order ? state.order.length : 0;
    var f = state.data && state.data.findings ? state.data.findings.length : 0;
    var text = n ? "change " + (state.pos >= 0 ? state.pos + 1 : "\u2013") + " of " + n : "no changes";
    if (f) text += " \u00b7 finding " + (state.fpos >= 0 ? state.fpos + 1 : "\u2013") + " of " + f;
    if (state.cur) {
      var dec = decisionOf(state.i, itemOf(state.cur.kind, state.cur.k));
      text += " \u00b7 this " + (state.cur.kind === "c" ? "change" : "finding") + ": " + (dec ? describe(dec) : "undecided");
    }
    $("position").textContent = text;
  }
  function step(delta) {
    if (state.pos < 0) goChange(delta > 0 ? 0 : state.order.length - 1);
    else goChange(Math.max(0, Math.min(state.order.length - 1, state.pos + delta)));
  }
  function toggleLayout(on) {
    document.body.classList.toggle("show-layout", on);
    $("show-layout").checked = on;
    if (state.data) { buildOrder(); state.pos = -1; updatePosition(); }
  }
  $("show-layout").addEventListener("change", function (e) { toggleLayout(e.target.checked); });
  $("next-change").addEventListener("click", function () { step(1); });
  $("prev-change").addEventListener("click", function () { step(-1); });
  $("next-article").addEventListener("click", function () { goArticle(1); });
  $("prev-article").addEventListener("click", function () { goArticle(-1); });
  $("legend-toggle").addEventListener("click", function () { $("legend").hidden = !$("legend").hidden; });
  $("export-decisions").addEventListener("click", function () { exportDecisions(); });
  $("clear-decisions").addEventListener("click", function () {
    var n = Object.keys(store.items).length + Object.keys(store.batch).length;
    if (!n || !window.confirm("Forget all " + n + " decision(s) on this batch? Export them first if you need them.")) return;
    store = emptyStore();
    persist();
    showDecisions();
  });

  // ---- decisions -------------------------------------------------------------------------
  // An editor accepts or rejects each change and each finding. Decisions are keyed by the
  // article's path and the item's rule, span and text (not by its index), kept in this
  // browser's localStorage under the report's id (the same batch reopened, or its report
  // rebuilt, finds them again), and exported as a cleaner-decisions/1 JSON file that
  // `cleaner review apply` and `cleaner review learn` read.
  var REVIEW = JSON.parse($("review-meta").textContent);
  var STORE_KEY = "cleaner-review:" + REVIEW.id;
  var store = emptyStore(), storage = null;
  function emptyStore() { return { v: 1, items: {}, batch: {} }; }
  function parseStore(text) {
    try {
      var s = text ? JSON.parse(text) : null;
      if (s && s.v === 1 && s.items && s.batch) return s;
    } catch (err) { /* a damaged entry: start afresh rather than fail to open */ }
    return emptyStore();
  }
  try {
    storage = window.localStorage;
    store = parseStore(storage.getItem(STORE_KEY));
  } catch (err) {
    storage = null;
  }
  function persist() {
    if (storage) {
      try { storage.setItem(STORE_KEY, JSON.stringify(store)); return; } catch (err) { /* full or blocked */ }
    }
    flash("decisions cannot be saved in this browser: export them (e) before closing the page");
  }
  // Another tab on the same report: keep both views in step.
  window.addEventListener("storage", function (e) {
    if (e.key !== STORE_KEY) return;
    store = parseStore(e.newValue);
    showDecisions();
  });
  var flashTimer = null;
  function flash(message) {
    var f = $("flash");
    f.textContent = message;
    f.hidden = false;
    clearTimeout(flashTimer);
    flashTimer = setTimeout(function () { f.hidden = true; }, 6000);
  }

  function articlePath(i) { return REVIEW.articles[i][0]; }
  // What a decision is about, in the terms the export uses. Spans are in the original text.
  function itemOf(kind, k, d) {
    d = d || state.data;
    if (kind === "c") {
      var c = d.changes[k];
      return {
        kind: "edit", rule: c.rules[0], rules: c.rules, start: c.start, end: c.end, text: c.old, new: c.new
      };
    }
    var f = d.findings[k];
    return { kind: "finding", rule: f.rule, start: f.start, end: f.end, text: f.text, suggestions: f.suggestions, file: !!f.file };
  }
  function ruleOf(it) { return it.kind === "edit" ? it.rules.join(" ") : it.rule; }
  function itemKey(path, it) { return JSON.stringify([path, it.kind, ruleOf(it), it.start, it.end, it.text]); }
  function batchKey(it) { return JSON.stringify([it.kind, ruleOf(it), it.text]); }
  // A batch-wide acceptance of a finding holds where that finding offers the same suggestion.
  function batchFits(b, it) {
    return !(it.kind === "finding" && b.decision === "accept" && it.suggestions.indexOf(b.suggestion) < 0);
  }
  function decisionOf(i, it) {
    var own = store.items[itemKey(articlePath(i), it)];
    if (own) return own;
    var b = store.batch[batchKey(it)];
    return b && batchFits(b, it) ? b : null;
  }
  function describe(dec, noNote) {
    var what = dec.decision === "reject" ? (dec.kind === "edit" ? "rejected (reverted)" : "rejected") :
      dec.kind === "finding" ? "accepted \u2192 " + short(dec.suggestion, 40) : "accepted";
    if (dec.scope === "batch") what += " everywhere in this batch";
    if (dec.note && !noNote) what += " \u00b7 note: " + short(dec.note, 40);
    return what;
  }
  function decideCurrent(decision, n, everywhere, kind, k) {
    if (kind !== undefined) setCurrent(kind, k);
    if (!state.cur || !state.data || !state.data.changes) {
      flash("nothing to decide: move to a change (j/k) or a finding (f) first");
      return;
    }
    var it = itemOf(state.cur.kind, state.cur.k), path = articlePath(state.i);
    if (it.file) { flash(FILE_FINDING); return; }
    var rec = { kind: it.kind, decision: decision, rule: it.rule, start: it.start, end: it.end, text: it.text };
    if (it.kind === "edit") { rec.rules = it.rules; rec.new = it.new; }
    else if (decision === "accept") {
      if (!it.suggestions.length) { flash("this finding offers no suggestion to accept; r rejects it"); return; }
      if (n >= it.suggestions.length) { flash("this finding has " + it.suggestions.length + " suggestion(s)"); return; }
      rec.suggestion = it.suggestions[n];
    }
    var old = decisionOf(state.i, it);
    rec.note = old && old.note ? old.note : "";
    rec.at = new Date().toISOString();
    if (everywhere) {
      rec.scope = "batch";
      delete rec.start; delete rec.end; delete rec.new;
      store.batch[batchKey(it)] = rec;
      delete store.items[itemKey(path, it)];
    } else {
      rec.scope = "item";
      rec.path = path;
      store.items[itemKey(path, it)] = rec;
    }
    persist();
    showDecisions();
  }
  function undoCurrent() {
    if (!state.cur) return;
    var it = itemOf(state.cur.kind, state.cur.k), key = itemKey(articlePath(state.i), it);
    if (store.items[key]) delete store.items[key];
    else if (store.batch[batchKey(it)]) {
      delete store.batch[batchKey(it)];
      flash("removed the decision for " + ruleOf(it) + " \u201c" + short(it.text, 40) + "\u201d everywhere in this batch");
    } else return;
    persist();
    showDecisions();
  }
  function noteCurrent() {
    if (!state.cur) return;
    var li = sideItem(state.cur.kind, state.cur.k), input = li && li.querySelector("input.note");
    if (!input || input.hidden) { flash("decide first (a or r), then add a note"); return; }
    input.focus();
  }
  function setNote(kind, k, text) {
    var it = itemOf(kind, k), own = store.items[itemKey(articlePath(state.i), it)];
    var dec = own || store.batch[batchKey(it)];
    if (!dec || (dec.note || "") === text) return;
    dec.note = text;
    persist();
    showDecisions();
  }
  function sideItem(kind, k) { return (kind === "c" ? state.liC : state.liF)[k] || null; }
  function isControl(t) { return t.tagName === "BUTTON" || t.tagName === "INPUT"; }
  // A finding about how the file was read (a guessed encoding) is not the text's to decide.
  var FILE_FINDING = "about how the file was read, not its text: nothing to decide here; pass --encoding to confirm the encoding";
  function decisionControls(kind, k) {
    if (kind === "f" && state.data.findings[k].file) return el("span", "decide file-finding", FILE_FINDING);
    var box = el("span", "decide");
    var finding = kind === "f", canAccept = !finding || state.data.findings[k].suggestions.length > 0;
    function button(label, cls, title, fn) {
      var b = el("button", cls, label);
      b.type = "button";
      b.title = title;
      b.addEventListener("click", fn);
      box.appendChild(b);
    }
    if (canAccept) {
      button("\u2713", "accept", finding ? "accept the first suggestion (a)" : "keep this change (a)",
        function () { decideCurrent("accept", 0, false, kind, k); });
    }
    button("\u2717", "reject", finding ? "reject: not a problem here (r)" : "reject: revert this change (r)",
      function () { decideCurrent("reject", 0, false, kind, k); });
    if (canAccept) {
      button("\u2713 all", "accept-all", "accept everywhere in this batch: same rule and text (A)",
        function () { decideCurrent("accept", 0, true, kind, k); });
    }
    button("\u2717 all", "reject-all", "reject everywhere in this batch: same rule and text (R)",
      function () { decideCurrent("reject", 0, true, kind, k); });
    box.appendChild(el("span", "status"));
    var note = el("input", "note");
    note.type = "text";
    note.placeholder = "note (c)";
    note.setAttribute("aria-label", "reviewer note");
    note.hidden = true;
    note.addEventListener("change", function () { setNote(kind, k, note.value); });
    note.addEventListener("keydown", function (e) { if (e.key === "Enter") note.blur(); });
    box.appendChild(note);
    return box;
  }
  // Draw the decisions of the open article: side list rows, marks in the text, the counts.
  function showDecisions() {
    summarise();
    var d = state.data;
    if (!d || !d.changes) return;
    var marks = {};
    function mark(li, dec, kind, k) {
      li.classList.remove("dec-accept", "dec-reject");
      if (dec) li.classList.add("dec-" + dec.decision);
      li.querySelector(".status").textContent = dec ? describe(dec, true) : "";
      var note = li.querySelector("input.note");
      note.hidden = !dec;
      if (document.activeElement !== note) note.value = dec && dec.note ? dec.note : "";
      Array.prototype.forEach.call(li.querySelectorAll(".sugg-pick"), function (b) {
        b.classList.toggle("chosen", !!dec && dec.decision === "accept" && dec.suggestion === state.data.findings[k].suggestions[+b.dataset.s]);
      });
      marks[kind + k] = dec;
    }
    d.changes.forEach(function (c, k) { var li = sideItem("c", k); if (li) mark(li, decisionOf(state.i, itemOf("c", k)), "c", k); });
    d.findings.forEach(function (f, k) { var li = sideItem("f", k); if (li && !f.file) mark(li, decisionOf(state.i, itemOf("f", k)), "f", k); });
    Array.prototype.forEach.call(document.querySelectorAll("#rows [data-c], #rows [data-f]"), function (m) {
      var dec = m.dataset.c !== undefined ? marks["c" + m.dataset.c] : marks["f" + m.dataset.f.split(" ")[0]];
      m.classList.remove("dec-accept", "dec-reject");
      if (dec) m.classList.add("dec-" + dec.decision);
      // An accepted suggestion shows beside the finding (CSS content: never parsed as HTML).
      if (dec && dec.kind === "finding" && dec.decision === "accept") m.dataset.accepted = dec.suggestion;
      else delete m.dataset.accepted;
    });
    updatePosition();
  }
  var decidedCells = null;
  function summarise() {
    var acc = 0, rej = 0, per = {};
    function count(dec) { if (dec.decision === "accept") acc++; else rej++; }
    Object.keys(store.items).forEach(function (key) {
      var rec = store.items[key];
      count(rec);
      per[rec.path] = (per[rec.path] || 0) + 1;
    });
    if (!decidedCells) {
      decidedCells = [];
      Array.prototype.forEach.call(tbody.rows, function (tr) { decidedCells[+tr.dataset.i] = tr.querySelector("td.decided"); });
    }
    decidedCells.forEach(function (td, i) {
      var n = per[articlePath(i)] || 0;
      if (+td.dataset.v !== n) { td.dataset.v = n; td.textContent = n || ""; }
    });
    var wide = Object.keys(store.batch).length;
    Object.keys(store.batch).forEach(function (key) { count(store.batch[key]); });
    $("decision-summary").textContent = acc + rej ?
      acc + " accepted, " + rej + " rejected" + (wide ? " (" + wide + " batch-wide)" : "") : "no decisions yet";
  }

  // ---- export ----------------------------------------------------------------------------
  function exported(rec, scope) {
    var out = { kind: rec.kind, decision: rec.decision, rule: rec.rule, start: rec.start, end: rec.end, text: rec.text };
    if (rec.kind === "edit") { out.rules = rec.rules; out.new = rec.new; }
    if (rec.decision === "accept" && rec.kind === "finding") out.suggestion = rec.suggestion;
    out.scope = scope;
    out.note = rec.note || "";
    return out;
  }
  // Every decision, one entry per article and item: batch-wide decisions are expanded over
  // the articles that hold the same rule and text (those are decoded for it).
  function collect() {
    var per = {};
    function add(path, dec) { (per[path] = per[path] || []).push(dec); }
    Object.keys(store.items).forEach(function (key) {
      var rec = store.items[key];
      add(rec.path, exported(rec, "item"));
    });
    var wide = Object.keys(store.batch).map(function (key) { return store.batch[key]; });
    var rules = {};
    wide.forEach(function (b) { (b.rules || [b.rule]).forEach(function (r) { rules[r] = true; }); });
    var jobs = [];
    if (wide.length) {
      Array.prototype.forEach.call(tbody.rows, function (tr) {
        var has = Object.keys(rules).some(function (r) { return tr.dataset.rules.indexOf(" " + r + " ") >= 0; });
        if (!has) return;
        var i = +tr.dataset.i;
        jobs.push(load(i).then(function (d) {
          if (!d.changes) return;
          var path = articlePath(i);
          function visit(kind, n) {
            var it = itemOf(kind, n, d);
            if (store.items[itemKey(path, it)]) return;
            var b = store.batch[batchKey(it)];
            if (!b || !batchFits(b, it)) return;
            var rec = {};
            Object.keys(b).forEach(function (f) { rec[f] = b[f]; });
            rec.start = it.start; rec.end = it.end;
            if (it.kind === "edit") rec.new = it.new;
            add(path, exported(rec, "batch"));
          }
          d.changes.forEach(function (c, n) { visit("c", n); });
          d.findings.forEach(function (f, n) { visit("f", n); });
        }));
      });
    }
    return Promise.all(jobs).then(function () {
      var articles = REVIEW.articles.filter(function (a) { return per[a[0]]; }).map(function (a) {
        var list = per[a[0]].sort(function (x, y) { return x.start - y.start || x.end - y.end; });
        return { path: a[0], sha256: a[1], output: a[2], decisions: list };
      });
      return {
        schema: REVIEW.schema, tool: "cleaner", tool_version: REVIEW.tool_version,
        report: { id: REVIEW.id, title: REVIEW.title },
        exported: new Date().toISOString(),
        batch: {
          root: REVIEW.root, output_root: REVIEW.output_root,
          config: REVIEW.run.config || null, options: REVIEW.run.options || {}, encoding: REVIEW.run.encoding || null
        },
        articles: articles
      };
    });
  }
  function exportDecisions() {
    collect().then(function (doc) {
      var n = doc.articles.reduce(function (s, a) { return s + a.decisions.length; }, 0);
      if (!n) { flash("no decisions to export yet: a accepts, r rejects"); return; }
      var blob = new Blob([JSON.stringify(doc, null, 1) + "\n"], { type: "application/json" });
      var a = el("a");
      a.href = URL.createObjectURL(blob);
      a.download = "decisions-" + REVIEW.id + ".json";
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      flash("exported " + n + " decision(s) on " + doc.articles.length + " article(s) to " + a.download);
    }, function (err) { flash("cannot export: " + err.message); });
  }
  summarise();
  if (!storage) flash("this browser does not keep data for files opened from disk: export decisions (e) before closing");

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target.tagName;
    if (t === "INPUT" || t === "SELECT" || t === "TEXTAREA") {
      if (e.key === "Escape") e.target.blur();
      return;
    }
    var inArticle = !$("article").hidden;
    var k = e.key;
    if (k === "?") { $("legend").hidden = !$("legend").hidden; }
    else if (k === "e") exportDecisions();
    else if (!inArticle) return;
    else if (k === "a") decideCurrent("accept", 0, false);
    else if (k === "A") decideCurrent("accept", 0, true);
    else if (k === "r" || k === "x") decideCurrent("reject", 0, false);
    else if (k === "R" || k === "X") decideCurrent("reject", 0, true);
    else if (k === "u") undoCurrent();
    else if (k === "c") noteCurrent();
    else if (k.length === 1 && k >= "1" && k <= "9") decideCurrent("accept", +k - 1, false);
    else if (k === "j" || k === "n") step(1);
    else if (k === "k" || k === "p") step(-1);
    else if (k === "f") goFinding(state.fpos + 1);
    else if (k === "F") goFinding(state.fpos - 1);
    else if (k === "]") goArticle(1);
    else if (k === "[") goArticle(-1);
    else if (k === "l") toggleLayout(!document.body.classList.contains("show-layout"));
    else if (k === "i" || k === "Escape") location.hash = "#";
    else return;
    e.preventDefault();
  });
  window.addEventListener("hashchange", route);
  route();
})();
