/*
 * Versus search: reads what a reader pastes from a bounce ("552 5.2.2 mailbox full",
 * "smtp; 550 5.1.1", "#5.1.1") or types ("user unknown", "容量"). The codes in the text give a
 * combined answer first; then codes ranked by how many of the words match (any word, not every
 * word) in their number, title, aliases, real reply texts, summary and key phrases. Japanese is
 * matched by character bigrams, so it needs no spaces. When nothing matches, the other
 * language's index is loaded and searched, and its hits shown as this language's pages.
 *
 * The index is a script (search-index.<lang>.js, loaded before this file), not a fetched JSON
 * file, so search works from file:// too. Without JavaScript, or without the index, the search
 * form stays hidden and the pages work as they are. The search itself (VersusSearch) has no
 * DOM dependency, so bench/search.mjs runs it in node.
 */
(function (global) {
  'use strict';

  var STOP = {};
  ('the a an and or of to in on for is are be it its my me i at by with from as this that what does do ' +
    'mean means meaning difference between vs versus smtp error errors code codes reply status enhanced ' +
    'bounce bounced bounces message mail email e-mail got get why how fix failed failure delivery ' +
    'の と は が を に で エラー 違い 意味 コード').split(' ').forEach(function (w) { STOP[w] = true; });

  function norm(s) {
    return String(s).normalize('NFKC').toLowerCase();
  }

  function isCjk(s) {
    return /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/.test(s);
  }

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

  /* A crude stem for English words: "greylisting", "greylisted", "greylists" → "greylist". */
  function stem(w) {
    if (w.length > 6) return w.replace(/(ing|ed|es|s)$/, '');
    if (w.length > 4) return w.replace(/s$/, '');
    return w;
  }

  function bigrams(t) {
    var out = [];
    for (var i = 0; i + 1 < t.length; i++) out.push(t.substr(i, 2));
    return out.length ? out : [t];
  }

  /* How well one query word matches one field: 1 for a word (or stem) that starts a word of the
     field, a share of the bigrams for Japanese, else 0. */
  function wordIn(field, w) {
    if (!field) return 0;
    if (w.cjk) {
      if (field.indexOf(w.text) >= 0) return 1;
      var found = 0;
      for (var i = 0; i < w.grams.length; i++) if (field.indexOf(w.grams[i]) >= 0) found++;
      return found / w.grams.length >= 0.5 ? 0.8 * found / w.grams.length : 0;
    }
    var at = field.indexOf(w.stem);
    while (at >= 0) {
      if (at === 0 || /[^a-z0-9]/.test(field.charAt(at - 1))) return 1;
      at = field.indexOf(w.stem, at + 1);
    }
    return 0;
  }

  /** Builds a searcher over one locale's index; pure functions over data, no DOM. */
  function VersusSearch(index) {
    var entries = [];
    var classSeverity = {};
    index.families.forEach(function (family) {
      family.codes.forEach(function (code, order) {
        var e = {
          family: family, code: code, order: order, seq: entries.length,
          key: family.id + ' ' + code.id,
          id: norm(code.id), title: norm(code.title), summary: norm(code.summary),
          aliases: (code.a || []).map(norm), examples: norm((code.x || []).join(' \n ')),
          keys: norm(code.k || ''), name: norm(family.name)
        };
        e.aliasText = ' ' + e.aliases.join(' | ') + ' ';
        entries.push(e);
        // The class digit of a basic code names its severity (4xx temporary, 5xx permanent);
        // an enhanced code's class repeats it (RFC 3463 §3.1).
        if (code.sev && code.id.indexOf('X') < 0) classSeverity[code.id.charAt(0)] = code.sev;
      });
    });
    var byKey = {};
    entries.forEach(function (e) { byKey[e.key] = e; });

    /* The codes written in the text: "552", "552-5.2.2", "#5.1.1", "smtp;550", "(5.7.1)". */
    function codesIn(text) {
      var found = [], seen = {};
      norm(text).split(/[\s,;:()<>\[\]"'“”、，。]+/).forEach(function (raw) {
        raw.split('-').forEach(function (piece) {
          var t = piece.replace(/^[#=]+/, '').replace(/[.]+$/, '');
          if (!/^[0-9][0-9.]*$/.test(t) || t.length < 3) return;
          entries.forEach(function (e) {
            if (idMatch(e.id, t) === 2 && !seen[e.key]) {
              seen[e.key] = true;
              found.push({ e: e, written: t });
            }
          });
        });
      });
      return found;
    }

    function words(text) {
      var out = [];
      norm(text).split(/[\s,;:()<>\[\]"'“”、，。・！？!?/]+/).forEach(function (t) {
        t = t.replace(/^[#=.\-]+|[.\-]+$/g, '');
        if (!t || STOP[t] || /^[0-9][0-9.\-]*$/.test(t)) return;
        if (isCjk(t)) {
          // Particles glue Japanese words together ("メールボックスがいっぱい"): keep the whole
          // run for the bigrams, which do not care about them.
          out.push({ text: t, cjk: true, grams: bigrams(t) });
        } else if (t.length >= 2) {
          out.push({ text: t, stem: stem(t), cjk: false });
        }
      });
      return out;
    }

    /* The combined answer: a basic code and an enhanced one read together, or two codes of a family compared. */
    function answer(codes) {
      var basic = null, enhanced = null;
      codes.forEach(function (c) {
        if (c.e.id.indexOf('x') >= 0) { if (!enhanced) enhanced = c; } else if (!basic) basic = c;
      });
      if (basic && enhanced) {
        var klass = enhanced.written.charAt(0);
        var sev = basic.e.code.sev;
        var r = {
          kind: 'together', codes: [basic.e, enhanced.e],
          label: basic.e.code.id + ' ' + enhanced.written,
          agree: klass === basic.e.code.id.charAt(0)
        };
        if (!r.agree) {
          r.detail = (enhanced.e.family.mismatch || index.mismatch).replace('{basic}', basic.e.code.id).replace('{enhanced}', enhanced.written);
        } else if (sev && basic.e.family.sev && basic.e.family.sev[sev]) {
          var said = basic.e.family.sev[sev];
          r.detail = index.together.replace('{severity}', said[0]).replace('{effect}', said[1]);
        }
        return r;
      }
      if (codes.length >= 2 && codes[0].e.family === codes[1].e.family) {
        var x = codes[0].e, y = codes[1].e;
        var a = x.order < y.order ? x : y, b = a === x ? y : x;
        // A family that compares only some pairs lists them; no answer leads to a page it does not make.
        if (a.family.pairs && a.family.pairs.indexOf(a.code.id + '-vs-' + b.code.id) < 0) return null;
        return {
          kind: 'pair', codes: [a, b],
          path: a.family.path + a.code.id + '-vs-' + b.code.id + '/',
          label: a.family.name + ' ' + index.pair.replace('{a}', a.code.id).replace('{b}', b.code.id),
          detail: a.code.title + ' / ' + b.code.title
        };
      }
      return null;
    }

    function score(e, ws, phrase, codeKeys, idTokens) {
      var s = codeKeys[e.key] ? 1000 : 0, matched = 0;
      for (var i = 0; i < idTokens.length; i++) {
        var m = idMatch(e.id, idTokens[i]);
        if (m === 1) s += 40;
      }
      for (var j = 0; j < ws.length; j++) {
        var w = ws[j], best = 0, v;
        if ((v = wordIn(e.aliasText, w))) best = Math.max(best, 12 * v);
        if ((v = wordIn(e.title, w))) best = Math.max(best, 10 * v);
        if ((v = wordIn(e.examples, w))) best = Math.max(best, 5 * v);
        if ((v = wordIn(e.summary, w))) best = Math.max(best, 3 * v);
        if ((v = wordIn(e.keys, w))) best = Math.max(best, 1.5 * v);
        if (!w.cjk && e.id.indexOf(w.text) === 0) best = Math.max(best, 20);
        if (best) { matched++; s += best; }
      }
      if (matched > 1) s += 6 * matched * matched; // more of the words, much better
      if (phrase) {
        if (e.aliasText.indexOf(' ' + phrase + ' ') >= 0) s += 40;
        else if (e.aliasText.indexOf(phrase) >= 0) s += 25;
        if (e.title.indexOf(phrase) >= 0) s += 20;
        if (e.examples.indexOf(phrase) >= 0) s += 15;
      }
      return s;
    }

    /** Searches the text; returns {answer, results, codes} with results ranked, or null for an empty query. */
    function search(text) {
      var codes = codesIn(text);
      var ws = words(text);
      var idTokens = norm(text).split(/[\s,、]+/).filter(function (t) { return /^[0-9x][0-9x.]*$/.test(t) && t.length < 3; });
      if (!codes.length && !ws.length && !idTokens.length) return null;
      var codeKeys = {};
      codes.forEach(function (c) { codeKeys[c.e.key] = true; });
      var phrase = ws.map(function (w) { return w.text; }).join(' ');
      var found = [];
      entries.forEach(function (e) {
        var s = score(e, ws, ws.length ? phrase : '', codeKeys, idTokens);
        if (s > 0) found.push({ e: e, s: s });
      });
      found.sort(function (x, y) { return y.s - x.s || x.e.seq - y.e.seq; });
      return { answer: answer(codes), results: found.map(function (f) { return f.e; }), codes: codes };
    }

    return { search: search, entries: entries, byKey: byKey, classSeverity: classSeverity, index: index };
  }

  global.VersusSearch = VersusSearch;

  if (typeof document === 'undefined') return;

  // "Compare [code] with [code]": the canonical pair page has the lower code first, in the
  // family's order, which is the order of the options.
  // A family that compares only some pairs lists them (data-pairs): the second list then offers
  // only the codes the first one has a page with.
  Array.prototype.forEach.call(document.querySelectorAll('form.compare-picker'), function (f) {
    var a = f.querySelector('select[name="a"]'), b = f.querySelector('select[name="b"]');
    var listed = f.getAttribute('data-pairs');
    var pairs = null;
    if (listed) {
      pairs = {};
      listed.split(' ').forEach(function (slug) { pairs[slug] = true; });
    }
    function slug(x, y) {
      return x.index < y.index ? x.value + '-vs-' + y.value : y.value + '-vs-' + x.value;
    }
    function offer() {
      if (!pairs) return;
      var chosen = a.options[a.selectedIndex], keep = -1;
      Array.prototype.forEach.call(b.options, function (o) {
        o.disabled = !pairs[slug(chosen, o)];
        if (!o.disabled && (keep < 0 || o.index === b.selectedIndex)) keep = o.index;
      });
      if (keep >= 0) b.selectedIndex = keep;
    }
    a.addEventListener('change', offer);
    offer();
    f.addEventListener('submit', function (event) {
      event.preventDefault();
      if (a.selectedIndex === b.selectedIndex) { b.focus(); return; }
      if (pairs && !pairs[slug(a.options[a.selectedIndex], b.options[b.selectedIndex])]) { b.focus(); return; }
      var x = a.selectedIndex < b.selectedIndex ? a : b, y = x === a ? b : a;
      global.location.href = f.getAttribute('data-base') + x.value + '-vs-' + y.value + '/' + f.getAttribute('data-suffix');
    });
    f.hidden = false;
  });

  // The language switch keeps the section the reader is at (#fix on 552 → #fix on its Japanese page).
  function keepAnchor() {
    Array.prototype.forEach.call(document.querySelectorAll('nav.languages a[hreflang]'), function (a) {
      var href = a.getAttribute('href').replace(/#.*$/, '');
      a.setAttribute('href', href + (global.location.hash || ''));
    });
  }
  keepAnchor();
  global.addEventListener('hashchange', keepAnchor);
  document.addEventListener('click', function (event) {
    var a = event.target && event.target.closest ? event.target.closest('nav.languages a[hreflang]') : null;
    if (a) keepAnchor();
  }, true);

  var form = document.querySelector('form.search');
  var index = global.versusSearchIndex;
  if (!form || !index || !index.families || !String.prototype.normalize) return;
  var input = form.querySelector('input[type="search"]');
  var list = form.querySelector('.search-results');
  var status = form.querySelector('.search-status');
  var root = form.getAttribute('data-root') || '';
  var MAX_RESULTS = 12;
  var here = VersusSearch(index);
  var others = {}; // lang -> searcher, loaded on demand

  function pageHref(path) {
    return root + path + index.page;
  }

  function codeHref(e) {
    return pageHref(e.family.path + e.code.id + '/');
  }

  /* The other locale's index, loaded as a script (file:// allows that, not fetch); its global
     variable is taken and this page's restored. */
  function loadOther(lang, done) {
    if (others[lang] !== undefined) { done(others[lang]); return; }
    var s = document.createElement('script');
    s.src = root + 'assets/search-index.' + lang + '.js';
    s.onload = function () {
      var other = global.versusSearchIndex;
      global.versusSearchIndex = index;
      others[lang] = other && other.families ? VersusSearch(other) : null;
      done(others[lang]);
    };
    s.onerror = function () { others[lang] = null; done(null); };
    document.head.appendChild(s);
  }

  function span(cls, text, lang) {
    var s = document.createElement('span');
    s.className = cls;
    s.textContent = text;
    if (lang) s.lang = lang;
    return s;
  }

  function item(href, label, title, titleLang, detail, detailLang, cls) {
    var li = document.createElement('li');
    if (cls) li.className = cls;
    var a = document.createElement('a');
    a.href = href;
    a.appendChild(span('code-id', label));
    if (title) {
      a.appendChild(document.createTextNode(' '));
      a.appendChild(span('result-title', title, titleLang));
    }
    if (detail) a.appendChild(span('result-detail', detail, detailLang));
    li.appendChild(a);
    return li;
  }

  function codeItem(e) {
    var c = e.code;
    return item(codeHref(e), e.family.name + ' ' + c.id, c.title, c.titleLang, c.summary, c.summaryLang);
  }

  var current = [];

  function render(found) {
    list.textContent = '';
    current = [];
    if (found === null) {
      list.hidden = true;
      status.textContent = '';
      return;
    }
    var ans = found.answer;
    if (ans && ans.kind === 'pair') {
      current.push(pageHref(ans.path));
      list.appendChild(item(current[0], ans.label, null, null, ans.detail, null, 'answer'));
    } else if (ans) {
      // Both codes, what they mean together, and both pages.
      var li = document.createElement('li');
      li.className = 'answer' + (ans.agree ? '' : ' mismatch');
      var p = document.createElement('p');
      p.appendChild(span('code-id', ans.label));
      if (ans.detail) p.appendChild(span('result-detail', ans.detail));
      li.appendChild(p);
      ans.codes.forEach(function (e) {
        var a = document.createElement('a');
        a.href = codeHref(e);
        a.appendChild(span('code-id', e.family.name + ' ' + e.code.id));
        a.appendChild(document.createTextNode(' '));
        a.appendChild(span('result-title', e.code.title, e.code.titleLang));
        li.appendChild(a);
        current.push(a.href);
      });
      if (ans.codes[0].family === ans.codes[1].family) { /* never: a basic and an enhanced code */ }
      list.appendChild(li);
    }
    var shown = {};
    if (ans) ans.codes.forEach(function (e) { shown[e.key] = true; });
    var count = current.length;
    found.results.forEach(function (e) {
      if (shown[e.key] || list.children.length >= MAX_RESULTS) return;
      if (e.foreign) e = here.byKey[e.key] || e;
      list.appendChild(codeItem(e));
      current.push(codeHref(e));
    });
    count = current.length ? found.results.length + (ans && ans.kind === 'pair' ? 1 : 0) : 0;
    list.hidden = current.length === 0;
    status.textContent = current.length ? index.results.replace('{count}', String(Math.max(count, current.length))) : index.none;
  }

  function show() {
    var query = input.value;
    var found = here.search(query);
    if (found && !found.results.length && !found.answer && index.others && index.others.length) {
      // Nothing here: the same words may be in the other language ("mailbox" on a Japanese page).
      render(found);
      loadOther(index.others[0], function (other) {
        if (!other || input.value !== query) return;
        var there = other.search(query);
        if (!there) return;
        there.results = there.results.map(function (e) {
          return here.byKey[e.key] || e;
        });
        render(there);
      });
      return;
    }
    render(found);
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll('a'));
  }

  function close() {
    list.hidden = true;
  }

  input.addEventListener('input', show);
  input.addEventListener('focus', function () {
    if (input.value && list.children.length) list.hidden = false;
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    show();
    if (current.length) global.location.href = current[0];
  });
  form.addEventListener('keydown', function (event) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === 'ArrowDown' && all.length) {
      list.hidden = false;
      all[Math.min(at + 1, all.length - 1)].focus();
      event.preventDefault();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      (at === 0 ? input : all[at - 1]).focus();
      event.preventDefault();
    } else if (event.key === 'Escape') {
      close();
      input.focus();
    }
  });
  // Focus leaving the form (Tab away, a click elsewhere) closes the results.
  form.addEventListener('focusout', function (event) {
    if (!event.relatedTarget || !form.contains(event.relatedTarget)) close();
  });
  document.addEventListener('mousedown', function (event) {
    if (!form.contains(event.target)) close();
  });
  // "/" focuses the box, as on many sites, unless the reader is typing somewhere.
  document.addEventListener('keydown', function (event) {
    var t = event.target;
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (t && (t.isContentEditable || /^(input|textarea|select)$/i.test(t.tagName))) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
  form.hidden = false;
  // A search handed over in the address (?q=552): the form's own parameter, so a link or a
  // browser's site search can open any page with the box filled in.
  var asked = /[?&]q=([^&#]*)/.exec(global.location.search || '');
  if (asked) {
    try {
      input.value = decodeURIComponent(asked[1].replace(/\+/g, ' '));
    } catch (e) {
      // a malformed escape: leave the box empty
    }
  }
  // The 404 page: the code in the mistyped address (/smtp-enhanced/5.7.1/, /smtp-enhanced/552/)
  // goes into the search box, which then suggests the page that exists. From file:// no missing
  // file ever reaches this page, and the folders above the site are not the reader's address,
  // so there only ?q= counts (404.html?q=5.7.1).
  var guess = document.querySelector('.not-found-guess');
  if (guess) {
    var looksLikeCode = function (seg) { return /^#?[0-9xX][0-9xX.\-]*$/.test(seg) && /[0-9]/.test(seg); };
    var code = '';
    if (asked) {
      code = looksLikeCode(input.value.trim()) ? input.value.trim() : '';
    } else if (global.location.protocol !== 'file:') {
      var path = '';
      try {
        path = decodeURIComponent(global.location.pathname || '');
      } catch (e) {
        path = global.location.pathname || '';
      }
      var candidates = path.split('/').filter(looksLikeCode);
      code = candidates.length ? candidates[candidates.length - 1].replace(/-vs-/, ' ') : '';
    }
    if (code && here.search(code) && here.search(code).results.length) {
      input.value = code;
      guess.hidden = false;
    }
  }
  if (input.value) show();
})(typeof window !== 'undefined' ? window : globalThis);
