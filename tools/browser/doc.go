// Package browser proves the site in the tools its readers and the web's
// own practitioners use: a real Chromium driven over the DevTools protocol
// (github.com/chromedp/chromedp), axe-core for accessibility, the Nu Html
// Checker for valid HTML and poppler's pdftotext for the printed document.
// It has no code of its own outside the tests.
//
// # The two builds
//
// The tests build the site once per run, through tools/publish (the one
// way the site is built), from content/ as it is:
//
//   - over HTTP: built with the base URL http://127.0.0.1:PORT/repo/ and
//     served under /repo/ by Go's file server, as a GitHub project site is;
//     an unknown address gets the site's /404.html with status 404, as
//     GitHub Pages answers;
//   - from disk: the offline copy, the ZIP every page links to, unpacked
//     into a temporary folder and opened with file:// URLs.
//
// # What is checked
//
// In both builds:
//
//   - TestNavigation: from each language's home page, follow the link to
//     each document, switch through every version with the language
//     switch, and follow a link to a numbered conclusion; each step lands
//     on the page (address, lang, title) and element (:target, in view) it
//     should. With JavaScript the switch keeps the fragment.
//   - TestJavaScriptOff: with script execution disabled every page shows
//     the same text as with it, each document page its full article, and
//     the language switch still leads to the same document in the other
//     version.
//   - TestPages: every page at 320 and 1280 px wide, in the light and the
//     dark colour scheme: no console error or warning, no failed request,
//     no request outside the site (every request the tab makes and every
//     target the browser opens are recorded), every in-page fragment link
//     lands on an element, nothing overflows horizontally, and axe-core
//     (WCAG 2.0, 2.1 and 2.2, levels A and AA) finds no violation. It
//     saves a full-page screenshot of each page type at each width and
//     scheme (HTTP build, default language).
//   - TestPrint: each document page printed to PDF (A4) by Chromium; the
//     text pdftotext reads from it holds every word of the document's
//     article, in order.
//   - TestNuHtmlChecker: vnu.jar over every HTML file of the build (and
//     its CSS and SVG), one Java run per build: no error, and no warning
//     that is not listed in acceptedWarnings with its reason.
//
// TestUnknownAddress checks the 404 answer over HTTP. TestBrokenPages
// feeds deliberately broken copies of a real page (an img without alt, a
// fragment link to nowhere, a font from another host, an inline script, a
// wide pre) to the same checks and asserts that each is caught, so that a
// check cannot silently pass everything.
//
// # Running
//
// The tests need Debian's chromium (at /usr/bin/chromium) and
// poppler-utils (pdftotext), Java 17, and the npm packages pinned in
// package.json, installed with `npm ci` at the repository's root (no
// install scripts: vnu-jar's only fetches a Java when none is installed):
//
//	apt-get install chromium poppler-utils openjdk-17-jre-headless
//	npm ci --ignore-scripts
//	go test ./tools/browser -v
//
// Without them the tests skip and say what to install; with the
// environment variable CI=true they fail instead. Screenshots and PDFs go
// to a new folder under the system's temporary directory, kept after the
// run, or to the one given with -screenshots (an absolute path: the tests
// run in this package's folder); the tests print where:
//
//	go test ./tools/browser -v -screenshots=/tmp/site-shots
package browser
