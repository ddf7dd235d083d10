// Operator page: one question box, the parsed query as editable fields,
// the answer with its follow-up question, citations and the day's windows.
// Plain ES2017, no libraries: it is served by the tonggao binary and works
// without internet.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var state = { facts: [], activities: [], answer: null, spans: {}, bools: {}, question: "" };

  function chinaToday() {
    var d = new Date(Date.now() + 8 * 3600 * 1000);
    return d.toISOString().slice(0, 10);
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }

  function api(method, path, body) {
    var opts = { method: method, headers: {} };
    if (body) { opts.headers["Content-Type"] = "application/json"; opts.body = JSON.stringify(body); }
    return fetch(path, opts).then(function (r) {
      return r.json().then(function (j) { return { ok: r.ok, status: r.status, body: j }; });
    });
  }

  function status(msg) { $("status").textContent = msg || ""; }

  // ---- facts as fields -------------------------------------------------
  function buildFields() {
    var enumBox = $("enum-facts"), boolBox = $("bool-facts");
    state.facts.forEach(function (f) {
      if (f.name === "town") {
        f.values.forEach(function (v) { $("town").appendChild(el("option", { value: v }, v)); });
        return;
      }
      if (f.name === "distance_to_forest_m") return;
      if (f.type === "enum") {
        var div = el("div", { "class": "field" });
        var id = "fact-" + f.name;
        div.appendChild(el("label", { "for": id }, f.zh));
        var sel = el("select", { id: id, "data-fact": f.name });
        sel.appendChild(el("option", { value: "" }, "（未说）"));
        f.values.forEach(function (v) { sel.appendChild(el("option", { value: v }, (f.labels && f.labels[v]) || v)); });
        div.appendChild(sel);
        enumBox.appendChild(div);
      } else if (f.type === "number") {
        var d2 = el("div", { "class": "field" });
        var id2 = "fact-" + f.name;
        d2.appendChild(el("label", { "for": id2 }, f.zh));
        d2.appendChild(el("input", { id: id2, type: "number", min: "0", step: "1", "data-fact": f.name }));
        enumBox.appendChild(d2);
      } else if (f.type === "bool") {
        var id3 = "fact-" + f.name;
        var lab = el("label", { "for": id3 });
        var cb = el("input", { id: id3, type: "checkbox", "data-fact": f.name });
        cb.addEventListener("click", function () { cycleBool(f.name); });
        lab.appendChild(cb);
        lab.appendChild(document.createTextNode(f.zh));
        lab.appendChild(el("span", { "class": "state", id: id3 + "-state" }, "（未说）"));
        boolBox.appendChild(lab);
        setBool(f.name, undefined);
      }
    });
  }

  // A bool fact has three states: unknown (not said), yes, no.
  function setBool(name, v) {
    var cb = $("fact-" + name);
    if (!cb) return;
    if (v === undefined) delete state.bools[name]; else state.bools[name] = v;
    cb.indeterminate = v === undefined;
    cb.checked = v === true;
    $("fact-" + name + "-state").textContent = v === undefined ? "（未说）" : v ? "（是）" : "（否）";
  }
  function cycleBool(name) {
    var v = state.bools[name];
    setBool(name, v === undefined ? true : v === true ? false : undefined);
  }

  function fillFields(q) {
    var act = state.activities.filter(function (a) { return a.id === q.activity; })[0];
    $("activity").value = act ? act.name : "";
    $("activity-id").value = q.activity || "";
    $("date").value = q.date || "";
    var facts = q.facts || {};
    state.spans = {};
    $("town").value = facts.town || "";
    var dist = facts.distance_to_forest_m;
    if (dist != null && typeof dist === "object") { state.spans.distance_to_forest_m = dist; $("distance").value = ""; $("distance").placeholder = dist.min + "–" + dist.max; }
    else { $("distance").value = dist != null ? dist : ""; $("distance").placeholder = ""; }
    state.facts.forEach(function (f) {
      if (f.name === "town" || f.name === "distance_to_forest_m") return;
      var v = facts[f.name];
      if (f.type === "bool") { setBool(f.name, typeof v === "boolean" ? v : undefined); return; }
      var input = $("fact-" + f.name);
      if (!input) return;
      if (v != null && typeof v === "object") { state.spans[f.name] = v; input.value = ""; return; }
      input.value = v != null ? v : "";
    });
    var und = (q.understood || []).map(function (u) { return "“" + u.words + "” → " + u.meaning + (u.note ? "（" + u.note + "）" : ""); });
    $("understood").textContent = und.length ? "听懂：" + und.join("；") : "";
    var nu = q.not_understood || [];
    $("not-understood").hidden = nu.length === 0;
    $("not-understood").textContent = nu.length ? "没听懂（未使用）：" + nu.join("、") : "";
    showDay(q.date);
    showLevel();
  }

  function collectFacts() {
    var out = {};
    Object.keys(state.spans).forEach(function (k) { out[k] = state.spans[k]; });
    if ($("town").value) out.town = $("town").value;
    if ($("distance").value !== "") { out.distance_to_forest_m = Number($("distance").value); }
    Object.keys(state.bools).forEach(function (k) { out[k] = state.bools[k]; });
    document.querySelectorAll("#enum-facts [data-fact]").forEach(function (input) {
      if (input.value === "") return;
      out[input.getAttribute("data-fact")] = input.type === "number" ? Number(input.value) : input.value;
    });
    return out;
  }

  // ---- asking ------------------------------------------------------------
  function base() {
    return { question: state.question, at: $("at").value, lang: $("lang").value };
  }

  function ask() {
    state.question = $("question").value.trim();
    if (!state.question) { status("请先输入来电问题。"); return; }
    send(base());
  }

  function recheck(extra) {
    var body = base();
    body.activity = $("activity-id").value || $("activity").value;
    body.date = $("date").value;
    body.facts = collectFacts();
    if (extra) Object.keys(extra).forEach(function (k) { body.facts[k] = extra[k]; });
    send(body);
  }

  function send(body) {
    status("正在判断……");
    api("POST", "/v1/ask", body).then(function (r) {
      if (!r.ok) {
        var e = r.body.error || {};
        status("");
        renderError(e.message || ("错误 " + r.status), r.body.query);
        return;
      }
      status("");
      render(r.body);
    }).catch(function (err) { status("无法连接服务：" + err); });
  }

  function renderError(msg, q) {
    state.answer = null;
    $("verdict").textContent = "？";
    $("verdict").setAttribute("data-verdict", "");
    $("headline").textContent = msg;
    ["why", "more", "citations"].forEach(function (id) { $(id).textContent = ""; });
    $("next").textContent = "";
    $("followup").hidden = true;
    if (q) fillFields(q);
  }

  function render(a) {
    state.answer = a;
    // The spoken text is a.answer; what the operator may read on is in a.details.
    var d = a.details || {};
    // In large type: the verdict as said (for a call of several, its
    // gravest answer's; never the first answer's 可以 over another's 不可以),
    // else the first sentence; below it the rest of the spoken text.
    var words = a.verdict_text || a.headline.split(/[。.：:]/)[0];
    var rest = a.answer;
    if (rest.indexOf(words) === 0 && /^[。.：:]/.test(rest.slice(words.length))) {
      rest = rest.slice(words.length).replace(/^[。.：:]\s*/, "");
    }
    $("verdict").textContent = words;
    $("verdict").setAttribute("data-verdict", a.verdict);
    $("headline").textContent = rest;
    var why = $("why"); why.textContent = "";
    var outcomes = d.outcomes || [];
    // A long table of outcomes is for the record; the follow-up question is the way through.
    (d.why || []).concat(outcomes.length <= 4 ? outcomes : []).forEach(function (s) { why.appendChild(el("li", null, s)); });
    $("next").textContent = d.next_change || "";
    var more = $("more"); more.textContent = "";
    (d.penalties || []).concat(d.contacts || [], d.terms || [], d.notes || [], d.interpretations || []).forEach(function (s) { more.appendChild(el("li", null, s)); });
    var fu = (a.follow_up || [])[0];
    $("followup").hidden = !fu;
    var replies = $("replies"); replies.textContent = "";
    if (fu) {
      $("followup-q").textContent = fu.question;
      fu.replies.forEach(function (r) {
        var b = el("button", { type: "button", "class": "reply", "data-verdict": r.verdict }, r.label);
        b.appendChild(el("small", null, "→ " + r.answer));
        b.addEventListener("click", function () { recheck(r.facts); });
        replies.appendChild(b);
      });
    }
    renderCitations(a.reasons || []);
    fillFields(a.query);
  }

  function renderCitations(reasons) {
    var box = $("citations"); box.textContent = "";
    reasons.forEach(function (r) {
      var d = el("details");
      var art = /^[一二三四五六七八九十百零]+$/.test(r.article) ? "第" + r.article + "条" : r.article;
      d.appendChild(el("summary", null, r.notice + " " + art + (r.status === "may_apply" ? "（可能适用）" : r.status === "overridden" ? "（被排除）" : "")));
      d.appendChild(el("blockquote", null, r.text));
      if (r.notice_title) d.appendChild(el("p", { "class": "hint" }, "《" + r.notice_title + "》"));
      if (r.window) d.appendChild(el("p", { "class": "hint" }, "时段：" + r.window));
      (r.interpretations || []).forEach(function (it) {
        d.appendChild(el("p", { "class": "hint" }, "解读“" + it.words + "”：" + it.reading));
      });
      box.appendChild(d);
    });
  }

  function showDay(date) {
    if (!date) return;
    api("GET", "/v1/calendar/" + date).then(function (r) {
      if (!r.ok) return;
      var c = r.body, parts = ["农历" + c.lunar.text];
      if (c.solar_term) parts.push(c.solar_term);
      (c.festivals || []).forEach(function (f) { parts.push(f); });
      if (c.holiday) parts.push(c.holiday.name + (c.holiday.off ? "假期" : "调休上班"));
      // The special windows that matter for the answer: those of the notices it cites.
      var cited = {};
      ((state.answer && state.answer.reasons) || []).forEach(function (r) { cited[r.notice] = true; });
      c.windows.forEach(function (w) { if (cited[w.notice]) parts.push(w.name); });
      $("date-info").textContent = parts.join(" · ");
      var ul = $("windows"); ul.textContent = "";
      c.windows.forEach(function (w) {
        ul.appendChild(el("li", null, w.name + "：" + w.from + " 至 " + w.to + "（" + w.notice + "）"));
      });
      if (!c.windows.length) ul.appendChild(el("li", null, "无"));
    });
  }

  // ---- activity search (Chinese or pinyin) -------------------------------
  var active = -1;
  function searchActivities(text) {
    var q = text.trim().toLowerCase().replace(/\s+/g, "");
    if (!q) return [];
    return state.activities.filter(function (a) {
      if (a.name.indexOf(q) >= 0 || a.id.indexOf(q) >= 0) return true;
      if (a.synonyms.some(function (s) { return s.indexOf(q) >= 0; })) return true;
      return a.pinyin.some(function (p) { return p.indexOf(q) === 0 || (q.length > 2 && p.indexOf(q) >= 0); });
    }).slice(0, 12);
  }
  function showList(items) {
    var ul = $("activity-list"); ul.textContent = ""; active = -1;
    items.forEach(function (a, i) {
      var li = el("li", { role: "option", id: "act-opt-" + i, "aria-selected": "false", "data-id": a.id }, a.name);
      if (a.synonyms.length) li.appendChild(el("small", null, " " + a.synonyms.slice(0, 3).join("、")));
      li.addEventListener("mousedown", function (e) { e.preventDefault(); pick(a); });
      ul.appendChild(li);
    });
    ul.hidden = items.length === 0;
    $("activity").setAttribute("aria-expanded", items.length ? "true" : "false");
  }
  function move(d) {
    var lis = $("activity-list").querySelectorAll("li");
    if (!lis.length) return;
    if (active >= 0) lis[active].setAttribute("aria-selected", "false");
    active = (active + d + lis.length) % lis.length;
    lis[active].setAttribute("aria-selected", "true");
    $("activity").setAttribute("aria-activedescendant", lis[active].id);
    lis[active].scrollIntoView({ block: "nearest" });
  }
  function pick(a) {
    $("activity").value = a.name;
    $("activity-id").value = a.id;
    showList([]);
  }

  // ---- wiring ------------------------------------------------------------
  function init() {
    var params = new URLSearchParams(location.search);
    $("at").value = params.get("at") || chinaToday();
    $("ask-form").addEventListener("submit", function (e) { e.preventDefault(); ask(); });
    $("question").addEventListener("keydown", function (e) {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); ask(); }
    });
    $("query-form").addEventListener("submit", function (e) { e.preventDefault(); if (state.question || $("activity-id").value) recheck(); });
    $("lang").addEventListener("change", function () { if (state.answer) recheck(); });
    $("date").addEventListener("change", function () { showDay($("date").value); showLevel(); });
    $("at").addEventListener("change", showLevel);
    $("town").addEventListener("change", showLevel);
    $("distance").addEventListener("input", function () { delete state.spans.distance_to_forest_m; });
    $("activity").addEventListener("input", function () { $("activity-id").value = ""; showList(searchActivities($("activity").value)); });
    $("activity").addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
      else if (e.key === "Escape") { showList([]); }
      else if (e.key === "Enter" && active >= 0) {
        e.preventDefault();
        var id = $("activity-list").querySelectorAll("li")[active].getAttribute("data-id");
        pick(state.activities.filter(function (a) { return a.id === id; })[0]);
      }
    });
    $("activity").addEventListener("blur", function () { showList([]); });
    $("copy").addEventListener("click", function () {
      if (!state.answer) return;
      var text = state.answer.answer;
      var done = function () { status("已复制答复。"); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
      } else { fallbackCopy(text); done(); }
    });
    Promise.all([api("GET", "/v1/facts"), api("GET", "/v1/activities")]).then(function (rs) {
      state.facts = rs[0].body; state.activities = rs[1].body;
      buildFields();
      showDay($("at").value);
      document.body.setAttribute("data-ready", "true");
    });
    showFeed();
    showLevel();
    setInterval(function () { showFeed(); showLevel(); }, 60000);
    $("question").focus();
  }
  // The conditions feed serving (/healthz): its digest, when its newest
  // daily row was issued and how old that is, so that the operator sees a
  // stale feed before a caller hears an answer from it.
  function showFeed() {
    api("GET", "/healthz").then(function (r) {
      var f = r.body && r.body.feed, p = $("feed-info");
      if (!f) { p.hidden = true; return; }
      var t = "条件数据 " + f.digest.slice(0, 19) + "（" + f.rows + " 行";
      if (f.issued) t += "，最近发布 " + f.issued + "，" + Math.floor(f.age_seconds / 3600) + " 小时前";
      t += "）";
      if (f.stale) t += " 已超过一天未更新：当日火险等级按未知处理，请核实。";
      if (f.last_error) t += " 最近一次更新失败：" + f.last_error;
      p.textContent = t;
      p.className = f.stale || f.last_error ? "warn" : "hint";
      p.hidden = false;
    }, function () { /* the page works without it */ });
  }
  // The day's fire-danger level (/v1/conditions/{date}) under the title:
  // for the place selected, else every place grouped by level, with the
  // newest issue, and the orders in force that day (a warning); a feed
  // without that day's level is a warning.
  function showLevel() {
    var date = $("date").value || $("at").value || "today";
    api("GET", "/v1/conditions/" + date).then(function (r) {
      var c = r.body, p = $("level-info");
      if (!c || !c.feed) { p.hidden = true; return; }
      var town = $("town").value, byLevel = {}, label = "森林火险气象等级", issued = "", names = [], orders = [];
      (c.places || []).forEach(function (pl) {
        (pl.facts || []).forEach(function (f) {
          if (f.order && (!town || pl.name === town)) {
            orders.push((pl.name || pl.division) + " " + f.order + "（" + (f.label || f.fact) + "，" +
              f.from.slice(0, 16).replace("T", " ") + " 至 " + f.until.slice(0, 16).replace("T", " ") + "）");
            return;
          }
          if (f.fact !== "fire_danger_level") return;
          if (f.label) label = f.label;
          if (town && pl.name !== town) return;
          (byLevel[f.value] = byLevel[f.value] || []).push(pl.name || pl.division);
          if (f.issued > issued) issued = f.issued;
        });
      });
      var day = c.date === chinaToday() ? "今日" : c.date + " ";
      var levels = Object.keys(byLevel).sort(function (a, b) { return b - a; });
      if (!levels.length) {
        p.textContent = day + label + "：" + (town ? town + " " : "") + "条件数据未给出，按未知处理，请核实。";
        p.className = "warn"; p.hidden = false; return;
      }
      levels.forEach(function (v) {
        var ns = byLevel[v];
        if (town) { names.push(town + " " + v); return; }
        names.push(v + " 级：" + (ns.length > 4 ? ns.slice(0, 3).join("、") + " 等 " + ns.length + " 处" : ns.join("、")));
      });
      p.textContent = day + label + "：" + names.join(" · ") + "（" + issued.slice(0, 16).replace("T", " ") + " 发布）" +
        (orders.length ? "；在施行的命令：" + orders.join("；") : "");
      p.className = c.feed.stale || orders.length ? "warn" : "hint";
      p.hidden = false;
    }, function () { /* the page works without it */ });
  }
  function fallbackCopy(text) {
    var t = el("textarea"); t.value = text; document.body.appendChild(t); t.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(t);
  }
  init();
})();
