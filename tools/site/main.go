// Site turns the seeds in seeds/ into the multilingual website.
//
// Usage:
//
//	go run ./tools/site [-baseURL URL]   convert, build public/ and the offline copy
//	go run ./tools/site convert          regenerate content/ from seeds/ only
//	go run ./tools/site serve [-port N]  live preview on http://localhost:1313
//
// Run it from the repository's root.
//
// # Build
//
// With no subcommand it converts seeds/ into content/, builds the site into
// public/ (minified) with the Hugo version pinned in go.mod, builds the
// offline copy (relative links, a real .html file for every page) and packs
// it into public/offline/regional-parliamentary-dialogue.zip, which every
// page links to. The offline copy is made from the same Hugo build, its
// addresses rewritten to relative ones. It prints the time of each step.
// The site's address is config.toml's baseURL, or -baseURL
// when given, e.g. -baseURL https://user.github.io/repo/. The default "/"
// builds a site that works at the root of any host, but without an
// absolute address the pages have no canonical link, hreflang alternates
// or og:url, and there is no sitemap; the build's last line says so.
//
// # Convert
//
// For every seed seeds/<id>.txt the converter writes a Cyrillic page, a
// Latin-script page transliterated from it, and a page for each
// translation seeds/<id>.<lang>.md, plus i18n/sr-latn.toml from
// i18n/sr.toml. If any input is wrong it writes nothing: it prints each
// problem as "file:line: message" and exits 1. It prints the number of
// documents, the pages per language, and the files it wrote and removed:
// a file whose bytes would not change is left as it is, pages of removed
// seeds are removed, and files it did not generate are never touched. A
// file in seeds/ it does not read is named in a warning.
//
// # Serve
//
// Hugo's live-reloading server over the site; a change to any file in
// seeds/ regenerates content/, and the browser reloads.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"slices"
	"strings"

	"github.com/regionaldialogue/site/tools/convert"
	"github.com/regionaldialogue/site/tools/offline"
	"github.com/regionaldialogue/site/tools/preview"
	"github.com/regionaldialogue/site/tools/publish"
)

var (
	baseURL = flag.String("baseURL", "", "the site's address, e.g. https://user.github.io/repo/ (default: config.toml's baseURL)")
	port    = flag.Int("port", 1313, "serve: the preview's port on localhost")
)

func usage() {
	fmt.Fprintf(os.Stderr, "usage: go run ./tools/site [-baseURL URL] [convert | serve [-port N]]\n")
	flag.PrintDefaults()
	os.Exit(2)
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("site: ")
	flag.Usage = usage
	flag.Parse()
	if err := checkBaseURL(*baseURL); err != nil {
		fmt.Fprintln(os.Stderr, "site:", err)
		usage()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var err error
	switch args := flag.Args(); {
	case len(args) == 0:
		err = runBuild(ctx, os.Stdout, os.Stderr)
	case args[0] == "convert" && len(args) == 1:
		err = runConvert(os.Stdout, os.Stderr)
	case args[0] == "serve":
		flag.CommandLine.Parse(args[1:])
		if flag.NArg() != 0 {
			usage()
		}
		err = preview.Serve(ctx, ".", *port, os.Stderr)
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// checkBaseURL returns an error when u is not an address Hugo can build
// the site for (see offline.CheckBaseURL); "" means config.toml's. It is
// checked before anything is converted, so that a bad flag changes nothing.
func checkBaseURL(u string) error {
	if u == "" {
		return nil
	}
	if err := offline.CheckBaseURL(u); err != nil {
		return fmt.Errorf("-baseURL %q: want \"/\" or an address such as https://user.github.io/repo/", u)
	}
	return nil
}

func runConvert(stdout, stderr io.Writer) error {
	res, err := convert.Run(".")
	if err != nil {
		return err
	}
	printConvert(res, stdout, stderr)
	return nil
}

func printConvert(res *convert.Result, stdout, stderr io.Writer) {
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, w)
	}
	fmt.Fprintf(stdout, "%s (pages: %s); %s written, %d removed\n",
		count(res.Documents, "document"), pageCounts(res.Pages), count(len(res.Written), "file"), len(res.Removed))
}

// count returns n and noun, in the plural unless n is 1.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func runBuild(ctx context.Context, stdout, stderr io.Writer) error {
	sum, err := publish.Build(ctx, publish.Options{Root: ".", BaseURL: *baseURL})
	if err != nil {
		return err
	}
	printConvert(sum.Convert, stdout, stderr)
	fmt.Fprintf(stdout, "site:    %s, %d files, %s\n", sum.Public, sum.SiteFiles, size(sum.SiteBytes))
	fmt.Fprintf(stdout, "offline: %s, %s\n", sum.ZipPath, size(sum.ZipBytes))
	var steps []string
	for _, st := range sum.Steps {
		steps = append(steps, fmt.Sprintf("%s %.3f s", st.Name, st.Elapsed.Seconds()))
	}
	fmt.Fprintf(stdout, "steps: %s (search and files alongside hugo)\n", strings.Join(steps, ", "))
	fmt.Fprintf(stdout, "done in %.1f s\n", sum.Elapsed.Seconds())
	if note := addressNote(sum.BaseURL); note != "" {
		fmt.Fprintln(stdout, note)
	}
	return nil
}

func pageCounts(pages map[string]int) string {
	var s []string
	for lang, n := range pages {
		s = append(s, fmt.Sprintf("%s %d", lang, n))
	}
	slices.Sort(s)
	return strings.Join(s, ", ")
}

func size(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%.1f KB", float64(n)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
