// Keeps the reader's place when switching language or script: every
// version of a document has the same block ids, so the language links
// (nav.lang) take the current fragment along, and so do the links between
// a document and its parallel view (a.compare-link). Without JavaScript they
// still lead to the top of the same page in the other version.
(function () {
  var links = document.querySelectorAll('nav.lang a[hreflang], a.compare-link');
  function follow() {
    for (var i = 0; i < links.length; i++) links[i].hash = location.hash;
  }
  follow();
  addEventListener('hashchange', follow);
})();
