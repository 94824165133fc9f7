// Bench measures how the cost of building the site grows with the number of
// documents, side by side with the cost of Hugo alone on the same pages, and
// writes the results as BENCHMARKS.md with an SVG chart.
//
// Usage:
//
//	go run ./tools/bench [-n 100,1000,10000] [-runs 3] [-settle 3s] [-out BENCHMARKS.md] [-svg .github/readme/bench.svg]
//
// Run it from the repository's root, on a machine that is otherwise idle:
// it runs every measured build strictly one after another.
//
// # What it measures
//
// For each N it makes a temporary copy of the site (config.toml, layouts/,
// static/, i18n/, and go.mod with go.sum, so that `go tool hugo` runs the
// pinned Hugo there as it does in the repository; not content/ or seeds/),
// writes N synthetic seeds into seeds/ (tools/internal/synth: varied lengths, dates,
// headings and lists, an English translation for every third) and measures,
// each as a child process of its own, so that its wall time and peak resident
// memory are that process's:
//
//   - convert, first: the converter alone into an empty content/;
//   - convert, rerun: the converter again with nothing changed; it must
//     write no file;
//   - pipeline: the whole build command, tools/site with no arguments, in
//     the copy's root, from an empty content/ and public/: convert, one
//     Hugo build of the site with the files the Go tool writes alongside
//     it, the offline copy made from that build (the ZIP). The command
//     prints each step's time ("steps: convert … s, hugo … s, search … s,
//     files … s, zip … s, replace … s"), which the report lists under the
//     pipeline's runs;
//   - Hugo floor: the pinned Hugo binary alone (hugo.Binary: the path
//     `go tool -n hugo` prints), on the content the pipeline converted, for
//     the one build the pipeline makes: the same arguments
//     (hugo.Options.Args) and the same params file; nothing else;
//   - Hugo minimal: the same Hugo build over a second copy of the site
//     whose layouts/ are replaced by minimal ones ({{ .Content }} for a page,
//     a title for the home page and the section, a bare feed), with the same
//     config.toml, static/, i18n/ and content/.
//
// The converter runs as this program in its -convert-only mode, and the
// pipeline as tools/site built once with `go build -o` at the start, so that
// no compile time is measured. Each
// measurement is repeated -runs times and the median is reported: first the
// converter's runs at every N (first run, rerun, first run, rerun, …), then
// at every N the runs of the other three (pipeline, floor, minimal,
// pipeline, …). Peak memory is the largest resident set of the process and
// of any child it waited for (wait4's rusage on Linux): for the pipeline,
// Hugo's or its own, whichever is larger.
//
// The benchmark deletes nothing until it is done: what a step no longer
// needs (the previous run's content/, public/, Hugo's output) is renamed
// into a trash folder, removed at the end. On ext4 without a journal (the
// disk of the machine the numbers in BENCHMARKS.md come from) a file
// created within minutes of a large deletion costs many times the usual,
// and the benchmark would measure its own cleanup (see bench.discard). The
// converter's runs come first so that none of them follows a deletion.
// Start the benchmark some minutes after deleting many files yourself.
//
// Before each measurement it flushes the file systems (sync) and pauses
// (-settle, 3 s), so that no measurement pays for writing back what the
// step before it wrote.
// Then it waits (at most -idle) until other processes
// leave the CPUs idle, and it records the share of the machine's CPU time
// other processes used while the measurement ran ("others' CPU"): on a
// shared machine that is the noise in the wall times, and the fastest run
// is then a better guide than the median.
//
// The ratios pipeline / floor (what the tool adds to Hugo's one build:
// converting, the Go tool's files, the offline copy, starting Hugo) in
// wall time and in peak memory, and floor / minimal (what the site's
// templates cost) come from the same run, and are checked against the
// targets at N = 10,000 (issue 15: at most 1.25 in time and 1.1 in
// memory; issue 6: floor / minimal at most 1.25), as are the converter's
// (issue 13: first run at most 3 s and 200 MB, a rerun at most 2 s and no
// file written).
//
// # Page weight
//
// It also builds the repository's own site once (publish.Build with
// SkipConvert, into a temporary directory) and lists every HTML page with
// its size and the size of the stylesheets and scripts it loads, raw and
// gzip-compressed, beside the budget the site's tests assert (tools/e2e:
// 8 KB gzip per page with its CSS and scripts, 3 KB for the CSS).
//
// # Output
//
// It prints the tables as it goes, writes -out (Markdown: the machine, the
// command, the date, the load average at start and end, the tables, the
// targets with PASS or MISS, the chart) and -svg (wall time against N on
// log scales, one line per measured build; readable on light and dark
// backgrounds). Whatever follows the line
//
//	<!-- notes: kept by tools/bench -->
//
// in an existing -out file is kept when the file is rewritten, so that
// notes written by hand (profiles, what was tried) survive a rerun.
//
// # Flags
//
//	-n 100,1000,10000          the numbers of seeds to measure
//	-runs 3                    repetitions of each measurement per N
//	-out BENCHMARKS.md         the Markdown report; "" writes none
//	-svg .github/readme/bench.svg  the chart; "" writes none
//	-weight=true               measure the real site's page weight
//	-idle 1m                   before each measurement, wait at most this long for
//	                           the CPUs to be idle (0: do not wait)
//	-dir DIR                   make the temporary directory in DIR; -dir /dev/shm
//	                           (a tmpfs) leaves the disk's filesystem out of the
//	                           measurement
//	-keep                      keep the temporary directory, and print its path
//	-compare=true              also measure the builds without the parallel views
//	-convert-only DIR          convert the site in DIR and print what was done as
//	                           JSON (the mode the benchmark measures)
//
// # Example
//
// The full run takes about half an hour on a 2-core machine:
//
//	go run ./tools/bench -n 100,1000,10000 > bench.log 2>&1 &
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

var (
	sizes       = flag.String("n", "100,1000,10000", "comma-separated numbers of seeds to measure")
	runs        = flag.Int("runs", 3, "repetitions of each measurement per N (the median is reported)")
	out         = flag.String("out", "BENCHMARKS.md", "write the Markdown report here (\"\" for none)")
	svgPath     = flag.String("svg", ".github/readme/bench.svg", "write the SVG chart here (\"\" for none)")
	weight      = flag.Bool("weight", true, "measure the page weight of the repository's own site")
	keep        = flag.Bool("keep", false, "keep the temporary directory")
	compare     = flag.Bool("compare", true, "also measure the builds without the parallel views (compare.go)")
	tmpDir      = flag.String("dir", "", "make the temporary directory in `DIR` (default: the system's, $TMPDIR or /tmp)")
	idle        = flag.Duration("idle", time.Minute, "before each measurement, wait at most this long for other processes to leave the CPUs idle")
	settle      = flag.Duration("settle", 3*time.Second, "before each measurement, flush the file systems (sync) and wait this long, so that no measurement pays for writing back what the step before it wrote")
	convertOnly = flag.String("convert-only", "", "convert the site in `DIR` and print the result as JSON")
)

func usage() {
	fmt.Fprintf(os.Stderr, "usage: go run ./tools/bench [-n 100,1000,10000] [-runs 3] [-settle 3s] [-out BENCHMARKS.md] [-svg path] [-weight=false] [-idle 1m] [-dir DIR] [-keep]\n")
	fmt.Fprintf(os.Stderr, "       bench -convert-only DIR\n")
	flag.PrintDefaults()
	os.Exit(2)
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("bench: ")
	flag.Usage = usage
	flag.Parse()
	if flag.NArg() != 0 {
		usage()
	}
	if *convertOnly != "" {
		res, err := ConvertOnly(*convertOnly)
		if err != nil {
			log.Fatal(err)
		}
		if err := json.NewEncoder(os.Stdout).Encode(res); err != nil {
			log.Fatal(err)
		}
		return
	}
	ns, err := ParseSizes(*sizes)
	if err != nil {
		log.Print(err)
		usage()
	}
	if *runs < 1 {
		log.Print("-runs must be at least 1")
		usage()
	}
	self, err := os.Executable()
	if err != nil {
		log.Fatal(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cfg := Config{
		Root:     ".",
		Sizes:    ns,
		Runs:     *runs,
		Self:     self,
		Weight:   *weight,
		IdleWait: *idle,
		Settle:   *settle,
		Keep:     *keep,
		Compare:  *compare,
		Command:  "go run ./tools/bench " + strings.Join(os.Args[1:], " "),
		Log:      os.Stdout,
	}
	rep, err := Run(ctx, cfg)
	if err != nil {
		log.Fatal(err)
	}
	if *svgPath != "" {
		if err := writeFile(*svgPath, Chart(rep)); err != nil {
			log.Fatal(err)
		}
	}
	if *out != "" {
		var old []byte
		if b, err := os.ReadFile(*out); err == nil {
			old = b
		}
		md := Markdown(rep, relLink(*out, *svgPath), KeptNotes(old))
		if err := writeFile(*out, md); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("wrote %s\n", *out)
	}
}
