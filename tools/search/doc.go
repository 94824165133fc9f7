// Package search builds the site's search index from the document model
// and defines the folding that makes search script-, case- and
// diacritic-insensitive for Serbian and forgiving of English endings.
//
// # Folding
//
// Fold maps every spelling a Serbian reader may type to one key: Cyrillic
// and Latin, with or without diacritics, in any case ("заштита",
// "zaštita", "ZASTITA" → "zastita"; đ and ђ → "dj", dž and џ → "dz").
// Words splits folded text into words and, for English, strips plural and
// common endings (Stem). static/js/search.js folds the reader's query the
// same way; the tests run both over one table.
//
// # The index
//
// Write puts, for every language, into search/ under that language's root
// of the built site:
//
//   - k.js: the list of shard keys, so that the page never asks for a shard
//     that does not exist;
//   - t/<key>.js: one shard per key, the first three letters of a folded
//     word (two-letter words are keyed by themselves), holding each word
//     of that key with the documents it occurs in (and whether in their
//     headings);
//   - d/<n>.js: document n (newest first is 0) with its address, title,
//     place, dates and the text of its blocks, for the snippets of the
//     results shown.
//
// Every file is a script that calls a registration function (searchKeys,
// searchShard, searchDoc) so that the page loads it with <script src>,
// which works over HTTP and from file:// in every browser, where fetch and
// ES modules do not. A query loads the keys, one shard per word and one
// document file per result shown: never the whole index.
package search
