/* Search, on the search page only (layouts/home.search.html). It reads
   the query from ?q=, loads the parts of the index that tools/search wrote
   beside the page (k.js, t/<key>.js, d/<n>.js) with <script src>, which
   works over HTTP and from file:// alike, and renders the results into
   #search-results with the DOM (never innerHTML: the query and the text
   are shown as text).

   fold, words and stem must give what tools/search's Fold, Words and Stem
   give; tools/search/js_test.go runs this file in node over their table. */
(function () {
  'use strict';

  var cyrillic = {
    'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'ђ': 'dj', 'е': 'e',
    'ж': 'z', 'з': 'z', 'и': 'i', 'ј': 'j', 'к': 'k', 'л': 'l', 'љ': 'lj',
    'м': 'm', 'н': 'n', 'њ': 'nj', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's',
    'т': 't', 'ћ': 'c', 'у': 'u', 'ф': 'f', 'х': 'h', 'ц': 'c', 'ч': 'c',
    'џ': 'dz', 'ш': 's',
    'ѕ': 'dz', 'і': 'i', 'є': 'je', 'ы': 'y', 'э': 'e', 'ю': 'ju', 'я': 'ja',
    'щ': 'sc', 'ъ': '', 'ь': ''
  };
  var latin = { 'đ': 'dj', 'ø': 'o', 'ł': 'l', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ı': 'i' };
  var mark = /\p{M}/u;
  var wordRune = /[\p{L}\p{N}]/u;

  /* fold: NFKD, no combining marks, lower case one code point at a time
     (as Go's unicode.ToLower), Cyrillic and the other letters spelled as
     in the tables. */
  function fold(s) {
    var out = '';
    for (var ch of s.normalize('NFKD')) {
      if (mark.test(ch)) continue;
      var low = ch.toLowerCase();
      if ([...low].length !== 1) low = ch;
      var m = cyrillic[low];
      if (m === undefined) m = latin[low];
      out += m === undefined ? low : m;
    }
    return out;
  }

  function stem(w) {
    var n = [...w].length, b = w.length;
    if (n > 4 && w.endsWith('ies')) return w.slice(0, b - 3) + 'y';
    if (w.endsWith('sses')) return w.slice(0, b - 2);
    if (n > 5 && w.endsWith('ing')) return w.slice(0, b - 3);
    if (n > 4 && w.endsWith('ed')) return w.slice(0, b - 2);
    if (n > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, b - 1);
    return w;
  }

  /* words: the folded words of s, stemmed for English. */
  function words(s, lang) {
    var out = [], cur = '';
    for (var ch of fold(s)) {
      if (wordRune.test(ch)) { cur += ch; continue; }
      if (cur) { out.push(cur); cur = ''; }
    }
    if (cur) out.push(cur);
    return lang === 'en' ? out.map(stem) : out;
  }

  var serbianEndings = ['ama', 'ima', 'om', 'em', 'og', 'oj', 'ih', 'im', 'a', 'e', 'i', 'o', 'u'];
  function queryStem(w, lang) {
    if (lang === 'en') return w;
    var n = [...w].length;
    for (var i = 0; i < serbianEndings.length; i++) {
      var e = serbianEndings[i];
      if (w.endsWith(e) && n - e.length >= 4) return w.slice(0, w.length - e.length);
    }
    return w;
  }

  function fileName(key) {
    var out = '';
    for (var ch of key) {
      out += /[a-z0-9]/.test(ch) ? ch : '_' + ch.codePointAt(0).toString(16) + '_';
    }
    return out;
  }

  function shardKey(w) { return [...w].slice(0, 3).join(''); }

  // For the tests (node): the folding without a page.
  if (typeof module !== 'undefined') {
    module.exports = { fold: fold, words: words, stem: stem, queryStem: queryStem, fileName: fileName, shardKey: shardKey };
    return;
  }

  var results = document.getElementById('search-results');
  if (!results) return;
  var nojs = document.getElementById('search-nojs');
  if (nojs) nojs.hidden = true;
  var lang = results.getAttribute('data-lang');
  var locale = results.getAttribute('data-locale');
  var status = document.getElementById('search-status');
  var SHOWN = 10;       // results shown at a time
  var PHRASE_DOCS = 100; // documents read at most to check a phrase

  /* The loader: each index file calls a registration function with its
     name; the promise of that name resolves with the data, or with null
     when the file cannot be loaded. */
  var loaded = {};
  function load(name) {
    if (loaded[name]) return loaded[name].promise;
    var entry = {};
    entry.promise = new Promise(function (resolve) { entry.resolve = resolve; });
    loaded[name] = entry;
    var script = document.createElement('script');
    script.src = name + '.js';
    // A file registers its data while it runs, before its load event: a
    // file that loads without registering, or fails, gives null.
    script.onload = script.onerror = function () { entry.resolve(null); };
    document.head.appendChild(script);
    return entry.promise;
  }
  function register(name, data) {
    var entry = loaded[name];
    if (entry) entry.resolve(data);
  }
  window.searchKeys = function (names) {
    var set = {};
    names.split(' ').forEach(function (n) { if (n) set[n] = true; });
    register('k', set);
  };
  window.searchShard = function (name, data) { register('t/' + name, data); };
  window.searchDoc = function (n, data) { register('d/' + n, data); };

  /* parse: the query's words, and its quoted phrases as lists of the
     indexes of their words. */
  function parse(q) {
    var terms = [], phrases = [];
    var parts = q.split('"');
    parts.forEach(function (part, i) {
      var ws = words(part, lang).filter(function (w) { return [...w].length >= 2; })
        .map(function (w) { return queryStem(w, lang); });
      var idx = ws.map(function (w) {
        var at = terms.indexOf(w);
        if (at < 0) { terms.push(w); at = terms.length - 1; }
        return at;
      });
      if (i % 2 === 1 && idx.length > 1) phrases.push(idx);
    });
    return { terms: terms.slice(0, 30), phrases: phrases.filter(function (p) { return p.every(function (i) { return i < 30; }); }) };
  }

  function matches(term, word) {
    return [...term].length < 3 ? word === term : word.startsWith(term);
  }

  /* collect: doc → {mask: the query's terms it holds, title: those in
     its heading}, from the shards of the terms' keys. */
  function collect(terms, keys) {
    var names = terms.map(function (t) { return fileName(shardKey(t)); });
    return Promise.all(names.map(function (n) {
      return keys[n] ? load('t/' + n) : Promise.resolve(null);
    })).then(function (shards) {
      var hits = {};
      terms.forEach(function (term, i) {
        var shard = shards[i];
        if (!shard) return;
        Object.keys(shard).forEach(function (word) {
          if (!matches(term, word)) return;
          var p = shard[word], doc = -1;
          for (var j = 0; j < p.length; j++) {
            doc += p[j] >> 1;
            var h = hits[doc] || (hits[doc] = { mask: 0, title: 0 });
            h.mask |= 1 << i;
            if (p[j] & 1) h.title |= 1 << i;
          }
        });
      });
      return hits;
    });
  }

  function bits(m) { var n = 0; while (m) { n += m & 1; m >>>= 1; } return n; }

  function phraseMask(phrases) {
    return phrases.reduce(function (acc, p) {
      return acc | p.reduce(function (a, i) { return a | (1 << i); }, 0);
    }, 0);
  }

  /* rank: documents holding every term first, then by the terms in their
     heading, then by the terms they hold; ties newest first (documents
     are numbered newest first). A phrase's words must all be there. */
  function rank(hits, nTerms, phrases) {
    var all = (1 << nTerms) - 1, need = phraseMask(phrases), list = [];
    Object.keys(hits).forEach(function (d) {
      var h = hits[d];
      if ((h.mask & need) !== need) return;
      list.push({ doc: +d, key: [h.mask === all ? 1 : 0, bits(h.title), bits(h.mask)] });
    });
    list.sort(byKey);
    return list;
  }

  function byKey(a, b) {
    for (var i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return b.key[i] - a.key[i];
    return a.doc - b.doc;
  }

  /* texts: a loaded document's blocks' texts, the heading's first. */
  function texts(data) {
    return [[data.t, data.u || '', data.y, data.p].join(' ')].concat(data.b.map(function (b) { return b[1]; }));
  }

  /* bestBlock: the block of a loaded document that holds the most terms
     (the body's first, the heading's last), as {block, count}; with
     phrases, only a block that holds each phrase in order, or block -1. */
  function bestBlock(data, terms, phrases) {
    var ts = texts(data), best = -1, bestCount = -1;
    for (var i = 1; i <= ts.length; i++) {
      var b = i % ts.length;
      var ws = words(ts[b], lang);
      if (!phrases.every(function (p) { return hasPhrase(ws, p, terms); })) continue;
      var count = terms.filter(function (t) { return ws.some(function (w) { return matches(t, w); }); }).length;
      if (count > bestCount) { best = b; bestCount = count; }
    }
    return { block: best, count: bestCount };
  }

  function hasPhrase(ws, p, terms) {
    for (var s = 0; s + p.length <= ws.length; s++) {
      if (p.every(function (ti, k) { return matches(terms[ti], ws[s + k]); })) return true;
    }
    return false;
  }

  var docLink = document.getElementById('search-doc-link');
  if (!docLink) return;
  function docHref(slug, id) {
    var href = docLink.getAttribute('href');
    var at = href.lastIndexOf(docLink.getAttribute('data-slug'));
    href = href.slice(0, at) + slug + href.slice(at + docLink.getAttribute('data-slug').length);
    return href + (id ? '#' + id : '');
  }

  /* snippet: text around the first matched word, at most about 240
     characters, with the matched words in <mark>. */
  function snippet(el, text, terms) {
    var re = /[\p{L}\p{N}\p{M}]+/gu, m, spans = [];
    while ((m = re.exec(text)) !== null) {
      var ws = words(m[0], lang);
      if (ws.some(function (w) { return terms.some(function (t) { return matches(t, w); }); })) {
        spans.push([m.index, m.index + m[0].length]);
      }
    }
    var start = 0, end = text.length, LIMIT = 240;
    if (text.length > LIMIT) {
      var first = spans.length ? spans[0][0] : 0;
      start = Math.max(0, first - 60);
      if (start > 0) { var sp = text.indexOf(' ', start); if (sp >= 0 && sp < first) start = sp + 1; }
      end = Math.min(text.length, start + LIMIT);
      if (end < text.length) { var sp2 = text.lastIndexOf(' ', end); if (sp2 > start) end = sp2; }
    }
    if (start > 0) el.appendChild(document.createTextNode('… '));
    var at = start;
    spans.forEach(function (s) {
      if (s[0] < start || s[1] > end) return;
      el.appendChild(document.createTextNode(text.slice(at, s[0])));
      var mk = document.createElement('mark');
      mk.textContent = text.slice(s[0], s[1]);
      el.appendChild(mk);
      at = s[1];
    });
    el.appendChild(document.createTextNode(text.slice(at, end)));
    if (end < text.length) el.appendChild(document.createTextNode(' …'));
  }

  function say(text) {
    status.hidden = false;
    status.textContent = text;
  }

  function render(ol, shown, terms) {
    shown.forEach(function (r) {
      var d = r.data, block = r.block;
      var li = document.createElement('li');
      var h = document.createElement('h2');
      var a = document.createElement('a');
      a.href = docHref(d.s, block > 0 ? d.b[block - 1][0] : '');
      a.textContent = d.t;
      h.appendChild(a);
      li.appendChild(h);
      var info = document.createElement('p');
      info.className = 'docinfo';
      info.textContent = d.w; // the wording every output prints (siteconfig.Wording)
      li.appendChild(info);
      var p = document.createElement('p');
      p.className = 'snippet';
      snippet(p, block > 0 ? d.b[block - 1][1] : texts(d)[0], terms);
      li.appendChild(p);
      ol.appendChild(li);
    });
  }

  /* run searches for q and renders the results, SHOWN at a time with a
     button for more; #search-results gets data-state="done" when the
     first are shown (the browser tests wait for it). */
  function run(q) {
    var parsed = parse(q), terms = parsed.terms, phrases = parsed.phrases;
    if (!terms.length) {
      results.setAttribute('data-state', 'done');
      return;
    }
    say(results.getAttribute('data-loading'));
    var list = document.createElement('ol');
    list.className = 'results';
    var more = document.createElement('button');
    more.type = 'button';
    more.textContent = results.getAttribute('data-more');
    more.hidden = true;
    load('k').then(function (keys) {
      return collect(terms, keys || {});
    }).then(function (hits) {
      var ranked = rank(hits, terms.length, phrases);
      var next = 0, total = 0;
      function page() {
        more.hidden = true;
        return pick(ranked, next, terms, phrases).then(function (got) {
          next = got.next;
          total += got.list.length;
          render(list, got.list, terms);
          var left = next < ranked.length;
          if (!phrases.length) total = ranked.length;
          say(total === 0 && !left ? results.getAttribute('data-none')
            : results.getAttribute('data-count').replace('{n}', total + (left && phrases.length ? '+' : '')));
          more.hidden = !left;
        });
      }
      more.addEventListener('click', page);
      results.appendChild(list);
      results.appendChild(more);
      return page();
    }).catch(function (err) {
      say(results.getAttribute('data-none'));
      throw err;
    }).finally(function () {
      results.setAttribute('data-state', 'done');
    });
  }

  /* pick: from ranked[from…], the next SHOWN results with their documents
     loaded and best blocks found, re-ranked by whether a block holds every
     term; a phrase query reads up to PHRASE_DOCS documents to find SHOWN
     that hold the phrase. Returns {list, next}. */
  function pick(ranked, from, terms, phrases) {
    var out = [], at = from, limit = phrases.length ? PHRASE_DOCS : SHOWN;
    function batch() {
      var part = ranked.slice(at, Math.min(at + SHOWN, from + limit, ranked.length));
      if (!part.length || out.length >= SHOWN) return Promise.resolve();
      at += part.length;
      return Promise.all(part.map(function (r) { return load('d/' + r.doc); })).then(function (docs) {
        part.forEach(function (r, i) {
          if (!docs[i]) return;
          var best = bestBlock(docs[i], terms, phrases);
          if (best.block < 0) return;
          out.push({ data: docs[i], block: best.block, doc: r.doc,
            key: [best.count === terms.length ? 1 : 0].concat(r.key) });
        });
        return phrases.length ? batch() : undefined;
      });
    }
    return batch().then(function () {
      out.sort(byKey);
      return { list: out.slice(0, SHOWN), next: at };
    });
  }

  var q = new URLSearchParams(location.search).get('q') || '';
  var input = document.getElementById('search-q');
  if (input) input.value = q;
  run(q);
})();
