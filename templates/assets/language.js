/*
 * A code's language-neutral address (/<family>/<code>/): go to the code's page in the site
 * language that best fits the browser's (navigator.languages, most preferred first: the exact
 * tag, then the same language, "ja-JP" finding "ja" and "pt" finding "pt-BR"), else the site's
 * default. The page lists the same links for readers without script. The query and fragment
 * ("#fix") are kept. Works from file:// too: the links are relative.
 */
(function () {
  'use strict';
  var nav = document.querySelector('nav.entry-languages');
  if (!nav) return;
  var links = {};
  var order = [];
  Array.prototype.forEach.call(nav.querySelectorAll('a[hreflang]'), function (a) {
    var tag = a.getAttribute('hreflang').toLowerCase();
    links[tag] = a.getAttribute('href');
    order.push(tag);
  });
  function primary(tag) {
    return tag.split('-')[0];
  }
  function best(wanted) {
    var i, j, w;
    for (i = 0; i < wanted.length; i++) {
      w = String(wanted[i]).toLowerCase();
      if (links[w]) return links[w];
      for (j = 0; j < order.length; j++) {
        if (primary(order[j]) === primary(w)) return links[order[j]];
      }
    }
    return links[String(nav.getAttribute('data-default')).toLowerCase()] || links[order[0]];
  }
  var wanted = navigator.languages && navigator.languages.length ? navigator.languages
      : [navigator.language || navigator.userLanguage || ''];
  var href = best(wanted);
  if (href) location.replace(href + location.search + location.hash);
}());
