// Lighthouse measures the site's page kinds with Google's Lighthouse, as
// a phone on a slow connection sees them, and compares the document
// page's Largest Contentful Paint with that of a trivial page.
//
// Usage:
//
//	go run ./tools/bench/lighthouse [-runs N] [-chrome PATH] [-reports DIR]
//
// Run it from the repository's root after `npm ci --ignore-scripts` (which
// installs the Lighthouse that package-lock.json pins). It builds the
// repository's site as it is (content/ unchanged) with publish.Build into a
// temporary folder, for the address of a server it starts on localhost,
// adds a trivial page (one line of text, nothing else) beside it, and
// serves both the same way, gzip-compressed as static hosts do, the site's
// 404.html for a missing address. Then it runs Lighthouse with its
// defaults, the mobile preset and simulated throttling (a slow 4G
// connection and a 4× slower CPU), on each page kind: the home page, the
// documents section, a document page, the 404 page (at its own address:
// Lighthouse refuses to audit a response with status 404), and the
// trivial page, in turns, -runs times, and prints a Markdown table of the
// four categories' scores and each page's LCP, the medians of the runs,
// and the ratio of the document page's LCP to the trivial page's.
//
// Lighthouse drives Chromium itself: the one at -chrome (default
// $CHROME_PATH, else /usr/bin/chromium, Debian's), headless, nothing
// downloaded. Lighthouse is too slow for the tests (about half a minute a
// page); tools/e2e checks the page structure these scores rest on (the
// inline CSS's hash in the CSP, the deferred script, the absolute
// addresses).
//
// # Targets (issue 15)
//
// 100 in all four categories on every page kind, and the document page's
// LCP at most 1.10 times the trivial page's. (The 404 page carries no
// noindex, which Lighthouse's SEO audit is-crawlable would count against
// it: the host's status 404 keeps it out of indexes.)
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/regionaldialogue/site/tools/publish"
)

var (
	runs   = flag.Int("runs", 3, "Lighthouse runs per page (the median is reported)")
	chrome = flag.String("chrome", "", "the Chromium Lighthouse starts (default $CHROME_PATH, else /usr/bin/chromium)")
	keep   = flag.String("reports", "", "also write Lighthouse's JSON reports into `DIR`")
)

func usage() {
	fmt.Fprintf(os.Stderr, "usage: go run ./tools/bench/lighthouse [-runs N] [-chrome PATH] [-reports DIR]\n")
	flag.PrintDefaults()
	os.Exit(2)
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("lighthouse: ")
	flag.Usage = usage
	flag.Parse()
	if flag.NArg() != 0 || *runs < 1 {
		usage()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, ".", os.Stdout, os.Stderr); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, root string, stdout, stderr io.Writer) error {
	cli := filepath.Join(root, "node_modules", "lighthouse", "cli", "index.js")
	if _, err := os.Stat(cli); err != nil {
		return fmt.Errorf("%s: run npm ci --ignore-scripts first", cli)
	}
	browser := *chrome
	if browser == "" {
		browser = os.Getenv("CHROME_PATH")
	}
	if browser == "" {
		browser = "/usr/bin/chromium"
	}
	if _, err := exec.LookPath(browser); err != nil {
		return fmt.Errorf("no Chromium at %s: apt-get install chromium, or give -chrome", browser)
	}

	tmp, err := os.MkdirTemp("", "lighthouse-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	base := "http://" + ln.Addr().String() + "/"
	public := filepath.Join(tmp, "public")
	fmt.Fprintf(stderr, "building the site for %s\n", base)
	if _, err := publish.Build(ctx, publish.Options{Root: root, Public: public, BaseURL: base, SkipConvert: true}); err != nil {
		return err
	}
	doc, err := firstDocument(public)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(public, trivialPath), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(public, trivialPath, "index.html"), []byte(trivialPage), 0o644); err != nil {
		return err
	}
	srv := &http.Server{Handler: Handler(public), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()

	pages := []Page{
		{Kind: "home", Path: ""},
		{Kind: "documents section", Path: "documents/"},
		{Kind: "document", Path: doc},
		{Kind: "404", Path: "404.html"},
		{Kind: "trivial page", Path: trivialPath + "/"},
	}
	results := make([][]Result, len(pages))
	for r := 1; r <= *runs; r++ {
		for i, p := range pages {
			fmt.Fprintf(stderr, "run %d of %d: %s\n", r, *runs, base+p.Path)
			out := filepath.Join(tmp, fmt.Sprintf("report-%d-%d.json", r, i))
			if *keep != "" {
				if err := os.MkdirAll(*keep, 0o755); err != nil {
					return err
				}
				out = filepath.Join(*keep, fmt.Sprintf("%s-%d.json", strings.ReplaceAll(p.Kind, " ", "-"), r))
			}
			cmd := exec.CommandContext(ctx, "node", cli, base+p.Path,
				"--output=json", "--output-path="+out, "--quiet",
				"--form-factor=mobile", "--throttling-method=simulate",
				"--only-categories=performance,accessibility,best-practices,seo",
				"--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync")
			cmd.Env = append(os.Environ(), "CHROME_PATH="+browser)
			cmd.Stderr = stderr
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("lighthouse %s: %v", base+p.Path, err)
			}
			f, err := os.Open(out)
			if err != nil {
				return err
			}
			res, err := ParseReport(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("%s: %v", out, err)
			}
			results[i] = append(results[i], res)
		}
	}
	version, _ := exec.CommandContext(ctx, "node", cli, "--version").Output()
	browserVersion, _ := exec.CommandContext(ctx, browser, "--version").Output()
	fmt.Fprintf(stdout, "Lighthouse %s, %s, mobile preset with simulated throttling (slow 4G, 4× CPU), median of %d runs, %s\n\n",
		trim(version), trim(browserVersion), *runs, time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	return WriteTable(stdout, pages, results)
}

// trivialPath is where the trivial page is served, beside the site.
const trivialPath = "lighthouse-trivial"

// trivialPage is the reference for the LCP: one line of text and what
// Lighthouse's other categories ask of any page (and the site's icon, so
// that the browser does not ask for /favicon.ico).
const trivialPage = `<!doctype html><html lang=en><meta charset=utf-8><meta name=viewport content="width=device-width,initial-scale=1"><title>Trivial</title><meta name=description content="A trivial page."><link rel=icon href=/favicon.svg type=image/svg+xml><p>One line of text.</p>` + "\n"

func trim(b []byte) string {
	s := string(b)
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == ' ') {
		s = s[:len(s)-1]
	}
	return s
}
