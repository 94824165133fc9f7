// Package e2e holds the site's end-to-end tests. They have no code of
// their own outside the tests.
//
// TestMain builds the real site once per test run: the repository's
// config.toml, content/, layouts/, static/ and i18n/, with the Hugo pinned
// in go.mod, through tools/hugo (the one way the site is built), strict
// (a missing translation string or a path warning fails the build), under a
// sub-path base URL so that no link may assume the site's root. The tests
// then read the built HTML with golang.org/x/net/html and check what issue
// 3 promises:
//
//   - every document in content/documents exists in each of its languages,
//     at a readable ASCII address;
//   - every page's lang is its language's locale; its hreflang alternates
//     (plus x-default) and its language switch name the same versions, all
//     existing, each pointing back; Cyrillic appears only where the lang in
//     force is a Cyrillic one (TestLanguages);
//   - the words of each document's <article> are, in order, the words of
//     its source as the converter's own packages read it (the seed, its
//     transliteration, the translation) and of its content file
//     (TestArticleText);
//   - ids are unique, fragment links land, every version of a document has
//     the same block ids (TestIDs);
//   - every page with its inline CSS and its script fits in 8 KB gzip, the
//     CSS alone in 3 KB (TestBudget), and nothing is loaded from another
//     host (TestNoExternalReferences);
//   - every page has its title, description, canonical link, one h1,
//     landmarks, a skip link, OpenGraph and JSON-LD, and a strict CSP
//     that allows its one inline <style> by its SHA-256 and nothing else
//     inline; no stylesheet file, the script deferred (TestPageStructure);
//     a document's JSON-LD and about box describe it and link its
//     versions (TestDocumentMetadata);
//   - built with an absolute base URL, canonical, og:url, hreflang,
//     JSON-LD and sitemap addresses are absolute (TestAbsoluteAddresses);
//     built with config.toml's "/", they and the sitemap are left out
//     (TestRelativeBaseURL);
//   - the root 404 page helps in every language (Test404); each language
//     has its feed (TestFeeds); robots.txt and the sitemaps list every
//     version (TestRobotsAndSitemaps).
//
// Run them with `go test ./tools/e2e` (-v prints each page's weight). They
// need nothing but Go; the first run compiles Hugo.
package e2e
