/* Medsite clinic theme: client-side site search. No dependencies, nothing leaves the browser.
   Loads the language's search-index.json (data-index on #search) and the chunks it lists, ranks pages
   by matches in title, headings, tags, summary and body (every word must match), and keeps the query
   in ?q= so the form works with GET, links and the back button. */
(function () {
  "use strict";
  var root = document.getElementById("search");
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  if (!root || !form || !input || !window.fetch || !window.URLSearchParams || !window.Promise) { return; }
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var browse = document.getElementById("search-browse");
  var nojs = document.getElementById("search-nojs");
  if (nojs) { nojs.hidden = true; }
  var msg = root.dataset;
  var baseTitle = document.title;
  var sections = {};
  (msg.sections || "").split("|").forEach(function (pair) {
    var i = pair.indexOf("=");
    if (i > 0) { sections[pair.slice(0, i)] = pair.slice(i + 1); }
  });
  var loading = null;

  function fold(s) {
    return String(s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function json(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    });
  }

  /* The index is a manifest ({"pages": n, "chunks": [...]}) naming its chunks relative to itself; each
     chunk is an array of pages. The chunks load in parallel and keep their order. */
  function load() {
    if (!loading) {
      var manifest = new URL(msg.index, window.location.href);
      loading = json(manifest.href).then(function (index) {
        return Promise.all((index.chunks || []).map(function (chunk) {
          return json(new URL(chunk, manifest).href);
        }));
      }).then(function (chunks) {
        return [].concat.apply([], chunks).map(function (p) {
          return {
            page: p,
            title: fold(p.title),
            headings: fold((p.headings || []).join(" \u2022 ")),
            tags: fold((p.tags || []).join(" ").replace(/-/g, " ")),
            summary: fold(p.summary),
            body: fold(p.body)
          };
        });
      });
    }
    return loading;
  }

  function count(text, word, max) {
    var n = 0, at = text.indexOf(word);
    while (at >= 0 && n < max) { n++; at = text.indexOf(word, at + word.length); }
    return n;
  }

  function startsWord(text, word) {
    var at = text.indexOf(word);
    return at === 0 || (at > 0 && /[^a-z0-9]/.test(text.charAt(at - 1)));
  }

  function score(e, words, phrase) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i], s = 0;
      if (e.title.indexOf(w) >= 0) { s += startsWord(e.title, w) ? 12 : 8; }
      if (e.tags.indexOf(w) >= 0) { s += 6; }
      if (e.headings.indexOf(w) >= 0) { s += 4; }
      if (e.summary.indexOf(w) >= 0) { s += 3; }
      s += count(e.body, w, 5);
      if (s === 0) { return 0; }
      total += s;
    }
    if (words.length > 1 && e.title.indexOf(phrase) >= 0) { total += 10; }
    return total;
  }

  function say(template, n, q) {
    status.textContent = template.replace("{n}", n).replace("{q}", q);
  }

  function render(q, entries) {
    var folded = fold(q).trim();
    var words = folded.split(/\s+/).filter(function (w) { return w.length > 0; });
    var hits = entries.map(function (e) { return { e: e, s: score(e, words, folded) }; })
      .filter(function (h) { return h.s > 0; })
      .sort(function (a, b) { return b.s - a.s || a.e.title.localeCompare(b.e.title); })
      .slice(0, 50);
    list.textContent = "";
    hits.forEach(function (h) {
      var p = h.e.page;
      var li = document.createElement("li");
      li.className = "search-result";
      var heading = document.createElement("h2");
      heading.className = "search-result-title";
      var a = document.createElement("a");
      a.href = p.url;
      a.textContent = p.title;
      heading.appendChild(a);
      li.appendChild(heading);
      if (sections[p.section]) {
        var meta = document.createElement("p");
        meta.className = "search-result-meta";
        meta.textContent = sections[p.section];
        li.appendChild(meta);
      }
      if (p.summary) {
        var summary = document.createElement("p");
        summary.className = "search-result-summary";
        summary.textContent = p.summary;
        li.appendChild(summary);
      }
      list.appendChild(li);
    });
    say(hits.length === 0 ? msg.msgNone : hits.length === 1 ? msg.msgOne : msg.msgMany, hits.length, q);
    if (browse) { browse.hidden = hits.length > 0; }
  }

  function run(q) {
    q = q.trim();
    document.title = q ? "\u201c" + q + "\u201d \u2013 " + baseTitle : baseTitle;
    if (!q) {
      list.textContent = "";
      status.textContent = "";
      if (browse) { browse.hidden = true; }
      return;
    }
    status.textContent = msg.msgLoading;
    load().then(function (entries) {
      if (input.value.trim() === q) { render(q, entries); }
    }, function () {
      status.textContent = msg.msgError;
      if (browse) { browse.hidden = false; }
    });
  }

  function fromUrl() {
    return new URLSearchParams(window.location.search).get("q") || "";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var q = input.value.trim();
    var url = new URL(window.location.href);
    if (q) { url.searchParams.set("q", q); } else { url.searchParams.delete("q"); }
    if (url.href !== window.location.href) { window.history.pushState({ q: q }, "", url.href); }
    run(q);
  });

  window.addEventListener("popstate", function () {
    input.value = fromUrl();
    run(input.value);
  });

  input.value = fromUrl();
  if (input.value) { run(input.value); } else { load(); }
}());
