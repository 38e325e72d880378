/*
 * Versus search: finds a code by its number or by words of its title and summary, in the
 * page's language. The index is a script (search-index.<lang>.js, loaded before this file), not
 * a fetched JSON file, so search works from file:// too. Without JavaScript, or without the
 * index, the search form stays hidden and the pages work as they are.
 */
(function () {
  'use strict';
  var form = document.querySelector('form.search');
  var index = window.versusSearchIndex;
  if (!form || !index || !index.families || !String.prototype.normalize) return;
  var input = form.querySelector('input[type="search"]');
  var list = form.querySelector('.search-results');
  var status = form.querySelector('.search-status');
  var root = form.getAttribute('data-root') || '';
  var MAX_RESULTS = 12;

  function norm(s) {
    return String(s).normalize('NFKC').toLowerCase();
  }

  var entries = [];
  index.families.forEach(function (family) {
    family.codes.forEach(function (code, order) {
      entries.push({
        family: family, code: code, order: order, seq: entries.length,
        id: norm(code.id), title: norm(code.title), summary: norm(code.summary), name: norm(family.name)
      });
    });
  });

  /* 2 if token is the whole id, 1 if it begins it, else 0. An "x" in an id (X.2.2) stands for
     any class digit, so 5.2.2 finds X.2.2. */
  function idMatch(id, token) {
    if (token.length > id.length) return 0;
    for (var i = 0; i < token.length; i++) {
      var a = id.charAt(i), b = token.charAt(i);
      if (a !== b && !(a === 'x' && b >= '0' && b <= '9')) return 0;
    }
    return token.length === id.length ? 2 : 1;
  }

  /* Every word of the query must match somewhere; the number counts most, then the title. */
  function score(e, tokens) {
    var total = 0;
    for (var i = 0; i < tokens.length; i++) {
      var t = tokens[i], m = idMatch(e.id, t), s = 0;
      if (m === 2) s = 100;
      else if (m === 1) s = 40;
      else if (e.id.indexOf(t) >= 0) s = 20;
      else if (e.title.indexOf(t) >= 0) s = 10;
      else if (e.summary.indexOf(t) >= 0) s = 3;
      else if (e.name.indexOf(t) === 0) s = 1;
      if (!s) return 0;
      total += s;
    }
    return total;
  }

  function pageHref(path) {
    return root + path + index.page;
  }

  /* Two exact codes of one family ("421 552", "552 vs 421"): their comparison comes first. */
  function comparison(tokens) {
    if (tokens.length !== 2) return null;
    var exact = tokens.map(function (t) {
      return entries.filter(function (e) { return idMatch(e.id, t) === 2; });
    });
    for (var i = 0; i < exact[0].length; i++) {
      for (var j = 0; j < exact[1].length; j++) {
        var x = exact[0][i], y = exact[1][j];
        if (x.family === y.family && x.order !== y.order) {
          var a = x.order < y.order ? x : y, b = a === x ? y : x;
          return {
            href: pageHref(a.family.path + a.code.id + '-vs-' + b.code.id + '/'),
            label: a.family.name + ' ' + index.pair.replace('{a}', a.code.id).replace('{b}', b.code.id),
            detail: a.code.title + ' / ' + b.code.title
          };
        }
      }
    }
    return null;
  }

  function results(query) {
    var tokens = norm(query).split(/[\s,、，]+/).filter(function (t) { return t && t !== 'vs'; });
    if (!tokens.length) return null;
    var found = [];
    entries.forEach(function (e) {
      var s = score(e, tokens);
      if (s) found.push({ e: e, s: s });
    });
    found.sort(function (x, y) { return y.s - x.s || x.e.seq - y.e.seq; });
    var out = found.map(function (f) {
      var c = f.e.code;
      return {
        href: pageHref(f.e.family.path + c.id + '/'),
        label: f.e.family.name + ' ' + c.id, title: c.title, titleLang: c.titleLang,
        detail: c.summary, detailLang: c.summaryLang
      };
    });
    var pair = comparison(tokens);
    if (pair) out.unshift(pair);
    return out;
  }

  function span(cls, text, lang) {
    var s = document.createElement('span');
    s.className = cls;
    s.textContent = text;
    if (lang) s.lang = lang;
    return s;
  }

  var current = [];

  function show() {
    var found = results(input.value);
    current = found || [];
    list.textContent = '';
    if (found === null) {
      list.hidden = true;
      status.textContent = '';
      return;
    }
    current.slice(0, MAX_RESULTS).forEach(function (r) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = r.href;
      a.appendChild(span('code-id', r.label));
      if (r.title) {
        a.appendChild(document.createTextNode(' '));
        a.appendChild(span('result-title', r.title, r.titleLang));
      }
      a.appendChild(span('result-detail', r.detail, r.detailLang));
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = current.length === 0;
    status.textContent = current.length ? index.results.replace('{count}', String(current.length)) : index.none;
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll('a'));
  }

  input.addEventListener('input', show);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    show();
    if (current.length) window.location.href = current[0].href;
  });
  form.addEventListener('keydown', function (event) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === 'ArrowDown' && all.length) {
      all[Math.min(at + 1, all.length - 1)].focus();
      event.preventDefault();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      (at === 0 ? input : all[at - 1]).focus();
      event.preventDefault();
    } else if (event.key === 'Escape') {
      input.value = '';
      show();
      input.focus();
    }
  });
  form.hidden = false;
  if (input.value) show();
})();
