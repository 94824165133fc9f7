// Bench measures the whole build of the site against Hugo's own build of
// the same site (the floor) and writes BENCHMARKS.md. From the repository's
// root, on an otherwise idle machine:
//
//	go run ./tools/bench [-n 100,1000,10000] [-runs 3] [-dir DIR] [-out BENCHMARKS.md]
//
// For each N it copies the site's sources (config.toml, layouts/, static/,
// i18n/, go.mod, go.sum) into DIR/n<N> (DIR: -dir, kept; by default a
// temporary folder, removed at the end), writes N synthetic seeds
// (tools/internal/synth) and converts them once, so that content/ is there
// as the repository commits it. Then it alternates -runs times, each a
// child process: the whole build (tools/site compiled once, no arguments:
// convert, Hugo, and every output the Go tool adds, into a new public/)
// and the floor (the pinned Hugo alone, the one build the whole build
// makes: hugo.Options.Args, the same params file, the same content). Each
// run's wall time, CPU time and peak RSS come from wait4's rusage. The
// targets (issue 26) are on the medians of the pairs' ratios: whole / floor
// at most 1.6 in time and 1.1 in memory at N = 1,000 and 10,000.
//
// Then it weighs the whole build's pages by kind (gzip, with the CSS and JS
// they load) and what a first search query loads, and runs the floor once
// more with --templateMetrics: a parallel view (page.compare.html) must
// cost at most 1.5 times a document page (page.html) per render.
//
// Nothing is deleted between measurements (on ext4 a file created soon
// after many were deleted costs more): outputs go to DIR/trash, removed at
// the end. -out is rewritten but for what follows conclusionsMarker. The
// parts have their own benchmarks: go test -bench . ./tools/convert etc.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/regionaldialogue/site/tools/convert"
	"github.com/regionaldialogue/site/tools/hugo"
	"github.com/regionaldialogue/site/tools/internal/sitecopy"
	"github.com/regionaldialogue/site/tools/internal/synth"
	"github.com/regionaldialogue/site/tools/publish"
)

// config is what the command line asks for.
type config struct {
	sizes   []int
	runs    int
	dir     string // the work folder; "" for a temporary one
	out     string
	command string // as the report quotes it
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.String("n", "100,1000,10000", "comma-separated numbers of seeds")
	c := config{command: strings.TrimSpace("go run ./tools/bench " + strings.Join(args, " "))}
	fs.IntVar(&c.runs, "runs", 3, "pairs of builds (whole, floor) per N; the report gives medians")
	fs.StringVar(&c.dir, "dir", "", "the work `folder` (default: a temporary folder, removed at the end)")
	fs.StringVar(&c.out, "out", "BENCHMARKS.md", "the Markdown report (\"\" for none)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() != 0 {
		return c, fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	if c.runs < 1 {
		return c, errors.New("-runs must be at least 1")
	}
	for f := range strings.SplitSeq(*n, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return c, fmt.Errorf("-n: %q is not a positive number of seeds", f)
		}
		c.sizes = append(c.sizes, n)
	}
	slices.Sort(c.sizes)
	c.sizes = slices.Compact(c.sizes)
	return c, nil
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("bench: ")
	c, err := parseFlags(os.Args[1:], os.Stderr)
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		log.Fatal(err)
	} else if err != nil {
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep, err := run(ctx, c, ".", os.Stdout)
	if err != nil {
		log.Fatal(err)
	}
	if c.out != "" {
		old, _ := os.ReadFile(c.out)
		if err := os.WriteFile(c.out, markdown(rep, old), 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("wrote %s\n", c.out)
	}
}

// bench holds what every measurement needs.
type bench struct {
	config
	root, work      string
	siteBin, hugoBn string
	trash           int // outputs moved into work/trash so far
	log             io.Writer
}

// newBench makes the work folder: c.dir, or a new temporary folder.
func newBench(c config, root string, logw io.Writer) (*bench, error) {
	root, _ = filepath.Abs(root)
	if _, err := os.Stat(filepath.Join(root, "tools", "site")); err != nil {
		return nil, fmt.Errorf("run from the repository's root: %v", err)
	}
	b := &bench{config: c, root: root, log: logw}
	if c.dir == "" {
		var err error
		b.work, err = os.MkdirTemp("", "bench-")
		return b, err
	}
	b.work, _ = filepath.Abs(c.dir)
	return b, os.MkdirAll(b.work, 0o755)
}

// siteDir is where the site of n seeds is built.
func (b *bench) siteDir(n int) string { return filepath.Join(b.work, fmt.Sprintf("n%d", n)) }

// run measures every N of c in the repository at root.
func run(ctx context.Context, c config, root string, logw io.Writer) (*report, error) {
	b, err := newBench(c, root, logw)
	if err != nil {
		return nil, err
	}
	if c.dir == "" {
		defer os.RemoveAll(b.work)
	}
	defer os.RemoveAll(filepath.Join(b.work, "trash"))
	fmt.Fprintf(logw, "work folder: %s\n", b.work)

	rep := &report{command: c.command, date: time.Now(), runs: c.runs, machine: readMachine()}
	// The build command, compiled once: no compile time is measured.
	b.siteBin = filepath.Join(b.work, "bin", "site")
	cmd := hugo.GoCommand(ctx, "build", "-o", b.siteBin, "./tools/site")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build ./tools/site: %v\n%s", err, out)
	}
	if b.hugoBn, err = hugo.Binary(ctx); err != nil {
		return nil, err
	}
	rep.goVersion, rep.hugoVersion = version(hugo.GoCommand(ctx, "version")), version(exec.CommandContext(ctx, b.hugoBn, "version"))
	for _, n := range c.sizes {
		p, err := b.point(ctx, n)
		if err != nil {
			return nil, fmt.Errorf("N=%d: %w", n, err)
		}
		rep.points = append(rep.points, p)
	}
	rep.elapsed = time.Since(rep.date)
	return rep, nil
}

// siteFiles are the site's sources the copies get: no content/ nor seeds/,
// and go.mod with go.sum so that the pinned Hugo runs there.
var siteFiles = []string{"config.toml", "layouts", "static", "i18n", "go.mod", "go.sum"}

// prepare makes site a copy of the site at root with n synthetic seeds,
// converted.
func prepare(root, site string, n int) error {
	if err := os.RemoveAll(site); err != nil {
		return err
	}
	for _, f := range siteFiles {
		if err := sitecopy.CopyTree(filepath.Join(root, f), filepath.Join(site, f)); err != nil {
			return err
		}
	}
	if err := synth.Write(filepath.Join(site, "seeds"), n); err != nil {
		return err
	}
	_, err := convert.Run(site)
	return err
}

// floorArgs are the arguments of the one Hugo build the whole build makes
// of site (publish.Build: hugo.Build with the offline copy's params), into
// out/public, with its params file in out.
func floorArgs(site, out string) ([]string, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	params := filepath.Join(out, "params.toml")
	if err := os.WriteFile(params, fmt.Appendf(nil, "[params]\nofflineZip = %q\n", publish.ZipPath), 0o644); err != nil {
		return nil, err
	}
	o := hugo.Options{Source: site, Destination: filepath.Join(out, "public"), BaseURL: "/"}
	return append(o.Args(), "--config", filepath.Join(site, "config.toml")+","+params), nil
}

// discard moves path, if it exists, into the trash, removed at the end,
// and flushes the file systems.
func (b *bench) discard(path string) error {
	trash := filepath.Join(b.work, "trash")
	if err := os.MkdirAll(trash, 0o755); err != nil {
		return err
	}
	b.trash++
	if err := os.Rename(path, filepath.Join(trash, strconv.Itoa(b.trash))); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	syscall.Sync()
	return nil
}

// fresh discards out, then measures name with args in dir.
func (b *bench) fresh(ctx context.Context, out, dir, name string, args ...string) (sample, []byte, error) {
	if err := b.discard(out); err != nil {
		return sample{}, nil, err
	}
	return measure(ctx, dir, name, args...)
}

// point measures one N.
func (b *bench) point(ctx context.Context, n int) (*point, error) {
	site := b.siteDir(n)
	t0 := time.Now()
	if err := prepare(b.root, site, n); err != nil {
		return nil, err
	}
	fmt.Fprintf(b.log, "N=%d: seeds written and converted in %s\n", n, time.Since(t0).Round(time.Millisecond))
	floorOut := filepath.Join(site, "floor")
	args, err := floorArgs(site, floorOut)
	if err != nil {
		return nil, err
	}
	p := &point{n: n}
	for i := 1; i <= b.runs; i++ {
		w, _, err := b.fresh(ctx, filepath.Join(site, "public"), site, b.siteBin)
		if err != nil {
			return nil, err
		}
		f, _, err := b.fresh(ctx, filepath.Join(floorOut, "public"), site, b.hugoBn, args...)
		if err != nil {
			return nil, err
		}
		p.whole, p.floor = append(p.whole, w), append(p.floor, f)
		fmt.Fprintf(b.log, "  run %d: whole %s, floor %s: %.2f\n", i, w, f, ratio(w.wall, f.wall))
	}
	public := filepath.Join(site, "public")
	if p.pages, err = weighPages(public); err != nil {
		return nil, err
	}
	if p.search, err = weighSearch(public, p.pages); err != nil {
		return nil, err
	}
	// Once more, with the templates' metrics (not timed: they cost).
	_, out, err := b.fresh(ctx, filepath.Join(floorOut, "public"), site, b.hugoBn, append(args, "--templateMetrics", "--templateMetricsHints=false")...)
	if err != nil {
		return nil, err
	}
	if p.views, err = parseMetrics(out); err != nil {
		return nil, err
	}
	fmt.Fprintf(b.log, "  parallel view / document page: %.2f\n", p.views.ratio())
	return p, nil
}

// sample is what one child process cost.
type sample struct {
	wall, cpu time.Duration // cpu: user + sys, its waited-for children's included
	rss       int64         // bytes: the largest resident set of it or a child it waited for
}

func (s sample) String() string {
	return fmt.Sprintf("%.2f s (CPU %.2f s, %.0f MB)", s.wall.Seconds(), s.cpu.Seconds(), mb(s.rss))
}

// measure runs name with args in dir as a child process in a process
// group of its own (an interrupt stops its children too), and returns its
// cost and its output; its error carries the output.
func measure(ctx context.Context, dir, name string, args ...string) (sample, []byte, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	s := sample{wall: time.Since(start)}
	if err != nil {
		return s, nil, fmt.Errorf("%s: %v\n%s", name, err, out.Bytes())
	}
	s.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.rss = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return s, out.Bytes(), nil
}

// median returns the middle value of v, or the mean of the two middle
// ones; 0 for none.
func median[T int64 | float64 | time.Duration](v []T) T {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func ratio[T int64 | time.Duration](a, b T) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// pairRatios returns, for each pair of runs, whole's field over floor's.
func pairRatios(whole, floor []sample, field func(sample) int64) (r []float64) {
	for i := range min(len(whole), len(floor)) {
		r = append(r, ratio(field(whole[i]), field(floor[i])))
	}
	return r
}

func wallOf(s sample) int64 { return int64(s.wall) }
func cpuOf(s sample) int64  { return int64(s.cpu) }
func rssOf(s sample) int64  { return s.rss }

// medianOf returns the median of field over ss.
func medianOf(ss []sample, field func(sample) int64) int64 {
	v := make([]int64, len(ss))
	for i, s := range ss {
		v[i] = field(s)
	}
	return median(v)
}

func mb(bytes int64) float64 { return float64(bytes) / (1 << 20) }

// readMachine describes the computer: CPUs, model, memory, kernel.
func readMachine() string {
	cpu, _ := os.ReadFile("/proc/cpuinfo")
	_, model, _ := strings.Cut(string(cpu), "model name\t: ")
	model, _, _ = strings.Cut(model, "\n")
	var mem int64
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		fmt.Sscanf(string(b), "MemTotal: %d kB", &mem)
	}
	kernel, _ := os.ReadFile("/proc/sys/kernel/osrelease")
	return fmt.Sprintf("%d CPUs (%s), %.1f GB memory, %s %s", runtime.NumCPU(), model, float64(mem)/(1<<20), runtime.GOOS, strings.TrimSpace(string(kernel)))
}

// version is the first line cmd prints.
func version(cmd *exec.Cmd) string {
	out, err := cmd.Output()
	if err != nil {
		return "unknown"
	}
	line, _, _ := strings.Cut(string(out), "\n")
	return strings.TrimSpace(line)
}
