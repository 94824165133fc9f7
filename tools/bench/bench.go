package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/regionaldialogue/site/tools/convert"
	"github.com/regionaldialogue/site/tools/hugo"
	"github.com/regionaldialogue/site/tools/internal/synth"
	"github.com/regionaldialogue/site/tools/publish"
)

// The measured builds, in the order they run and are reported.
const (
	ConvertFirst = "convert, first"
	ConvertRerun = "convert, rerun"
	Pipeline     = "pipeline"
	Floor        = "Hugo floor"
	Minimal      = "Hugo minimal"
)

// Builds lists the measured builds in order.
var Builds = []string{ConvertFirst, ConvertRerun, Pipeline, Floor, Minimal}

// Config says what Run measures.
type Config struct {
	Root   string // the repository's root
	Sizes  []int  // numbers of seeds
	Runs   int    // repetitions per N
	Self   string // this program, run in its -convert-only mode
	Weight bool   // measure the real site's page weight
	// IdleWait is how long to wait, at most, before each measurement for
	// other processes to leave the CPUs idle.
	IdleWait time.Duration
	// Settle is how long to wait before each measurement after flushing
	// the file systems (sync), so that no measurement pays for writing
	// back what the step before it wrote.
	Settle  time.Duration
	Keep    bool   // keep the temporary directory
	TempDir string // where to make it; os.TempDir() when empty
	Command string // the command line, for the report
	Log     io.Writer
	// Compare also measures the builds without the parallel views
	// (compare.go).
	Compare bool
}

// Sample is what one child process cost (or one step of the pipeline:
// then only Wall is set).
type Sample struct {
	Wall      time.Duration
	MaxRSS    int64 // bytes: the largest resident set of the process or a child it waited for
	User, Sys time.Duration
	// Others is the share of the machine's CPU time that other processes
	// used meanwhile: the measurement's noise.
	Others float64
}

// add is the cost of a and b run one after the other: times add up, memory
// is the larger.
func (a Sample) add(b Sample) Sample {
	s := Sample{Wall: a.Wall + b.Wall, MaxRSS: max(a.MaxRSS, b.MaxRSS), User: a.User + b.User, Sys: a.Sys + b.Sys}
	if s.Wall > 0 {
		s.Others = (a.Others*a.Wall.Seconds() + b.Others*b.Wall.Seconds()) / s.Wall.Seconds()
	}
	return s
}

// Point is everything measured for one N.
type Point struct {
	N            int
	Translations int
	Pages        int // content pages (all languages)
	HTMLFiles    int // HTML files in the site build
	// DocumentsBuilt counts the document pages Hugo wrote: fewer than
	// Pages when some are dated in the future (Hugo's buildFuture is off).
	DocumentsBuilt int
	Samples        map[string][]Sample
	// Steps holds, for each step of the pipeline (publish.StepConvert …),
	// its wall time in each run, as the build command reports it.
	Steps        map[string][]Sample
	FirstWritten []int // files the first conversion wrote, per run
	RerunWritten []int // files the rerun wrote, per run: must be 0
	// FloorSame tells whether the floor's site build gave the same files,
	// byte for byte, as the pipeline's (the ZIP aside): proof that the floor
	// is the same build.
	FloorSame     bool
	FloorDiff     string
	HomeBytes     int64 // the default language's home page, raw and gzip
	HomeGzip      int64
	SiteBytes     int64 // the pipeline's public/, the ZIP included
	ZipBytes      int64
	SynthDuration time.Duration // writing the seeds (not measured as a build)
}

// Median returns the median sample of build b (each field's median).
func (p *Point) Median(b string) Sample {
	return medianSample(p.Samples[b])
}

// Report is a whole run.
type Report struct {
	Command            string
	Date               time.Time
	Machine            Machine
	LoadStart, LoadEnd string
	Runs               int
	Settle             time.Duration // the pause before each measurement
	Points             []*Point
	Weight             *Weight
	Elapsed            time.Duration
	TempDir            string // where the sites were built, and its filesystem

	GoVersion, HugoVersion string
}

// ParseSizes parses "100,1000,10000", with "_" or "k" allowed (10_000, 10k).
func ParseSizes(s string) ([]int, error) {
	var ns []int
	for f := range strings.SplitSeq(s, ",") {
		f = strings.ReplaceAll(strings.TrimSpace(f), "_", "")
		mult := 1
		if g, ok := strings.CutSuffix(f, "k"); ok {
			f, mult = g, 1000
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-n: %q is not a positive number of seeds", f)
		}
		ns = append(ns, n*mult)
	}
	slices.Sort(ns)
	return slices.Compact(ns), nil
}

// ConvertResult is what -convert-only prints.
type ConvertResult struct {
	Documents int            `json:"documents"`
	Pages     map[string]int `json:"pages"`
	Written   int            `json:"written"`
	Removed   int            `json:"removed"`
}

// ConvertOnly converts the site in dir: the converter alone, as the
// benchmark measures it.
func ConvertOnly(dir string) (*ConvertResult, error) {
	res, err := convert.Run(dir)
	if err != nil {
		return nil, err
	}
	return &ConvertResult{Documents: res.Documents, Pages: res.Pages, Written: len(res.Written), Removed: len(res.Removed)}, nil
}

// Measure runs name with args in dir as a child process, with os.Environ()
// and env, and returns its cost and its standard output. Its error carries
// the process's standard error.
func Measure(ctx context.Context, dir string, env []string, name string, args ...string) (Sample, []byte, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	// In a process group of its own, so that an interrupt stops the
	// processes it started too (Hugo under the build command).
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	busy0, _, _ := cpuTicks()
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	busy1, _, _ := cpuTicks()
	if ctx.Err() != nil {
		return Sample{}, nil, ctx.Err()
	}
	if err != nil {
		return Sample{}, nil, fmt.Errorf("%s: %v\n%s%s", strings.Join(append([]string{filepath.Base(name)}, args...), " "), err, stdout.Bytes(), stderr.Bytes())
	}
	s := Sample{Wall: wall, User: cmd.ProcessState.UserTime(), Sys: cmd.ProcessState.SystemTime()}
	s.Others = othersShare(busy0, busy1, s.User+s.Sys, wall)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.MaxRSS = int64(ru.Maxrss) * 1024 // kilobytes on Linux
	}
	return s, stdout.Bytes(), nil
}

// Run measures every N of c and, if asked, the page weight.
func Run(ctx context.Context, c Config) (*Report, error) {
	start := time.Now()
	root, err := filepath.Abs(c.Root)
	if err != nil {
		return nil, err
	}
	for _, f := range []string{"go.mod", "config.toml", "tools/site"} {
		if _, err := os.Stat(filepath.Join(root, f)); err != nil {
			return nil, fmt.Errorf("run from the repository's root: %v", err)
		}
	}
	rep := &Report{Command: strings.TrimSpace(c.Command), Date: start, Runs: c.Runs, Settle: c.Settle, LoadStart: loadAverage()}
	rep.Machine = readMachine()
	fmt.Fprintf(c.Log, "machine: %s\nload average at start: %s\n", rep.Machine, rep.LoadStart)

	tmp, err := os.MkdirTemp(c.TempDir, "bench-")
	if err != nil {
		return nil, err
	}
	rep.TempDir = fmt.Sprintf("%s (%s)", filepath.Dir(tmp), fsType(tmp))
	fmt.Fprintf(c.Log, "builds in %s\n", rep.TempDir)
	if c.Keep {
		fmt.Fprintf(c.Log, "temporary directory: %s\n", tmp)
	} else {
		defer os.RemoveAll(tmp) // the trash too: hundreds of thousands of files at N = 10,000
	}

	// The build command, built once: no compile time is measured.
	siteBin := filepath.Join(tmp, "bin", "site")
	build := hugo.GoCommand(ctx, "build", "-o", siteBin, "./tools/site")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build ./tools/site: %v\n%s", err, out)
	}
	// The binary tools/hugo runs: the pinned Hugo, built on first use.
	hugoBin, err := hugo.Binary(ctx)
	if err != nil {
		return nil, err
	}
	rep.GoVersion = goVersion(ctx, root)
	if out, err := exec.CommandContext(ctx, hugoBin, "version").Output(); err == nil {
		rep.HugoVersion = strings.TrimSpace(string(out))
	}
	fmt.Fprintf(c.Log, "go: %s\nhugo: %s (%s)\n", rep.GoVersion, rep.HugoVersion, hugoBin)

	b := &bench{Config: c, root: root, siteBin: siteBin, hugoBin: hugoBin, trash: filepath.Join(tmp, "trash")}
	// First the converter at every N, before anything is deleted (see
	// discard), then the builds.
	for _, n := range c.Sizes {
		p, err := b.convertPoint(ctx, filepath.Join(tmp, fmt.Sprintf("n%d", n)), n)
		if err != nil {
			return nil, fmt.Errorf("N=%d: %w", n, err)
		}
		rep.Points = append(rep.Points, p)
	}
	for _, p := range rep.Points {
		dir := filepath.Join(tmp, fmt.Sprintf("n%d", p.N))
		if err := b.buildPoint(ctx, dir, p); err != nil {
			return nil, fmt.Errorf("N=%d: %w", p.N, err)
		}
		if c.Compare {
			if err := b.comparePoint(ctx, dir, p); err != nil {
				return nil, fmt.Errorf("N=%d: %w", p.N, err)
			}
		}
		if !c.Keep {
			if err := b.discard(dir); err != nil {
				return nil, err
			}
		}
		fmt.Fprintln(c.Log)
		WriteTable(c.Log, rep.Points)
		fmt.Fprintln(c.Log)
		WriteCompareTable(c.Log, rep.Points)
	}

	if c.Weight {
		fmt.Fprintf(c.Log, "page weight of the repository's site\n")
		w, err := MeasureWeight(ctx, root, filepath.Join(tmp, "weight"))
		if err != nil {
			return nil, fmt.Errorf("page weight: %w", err)
		}
		rep.Weight = w
		WriteWeightTable(c.Log, w)
	}
	rep.LoadEnd = loadAverage()
	rep.Elapsed = time.Since(start)
	fmt.Fprintf(c.Log, "load average at end: %s\nelapsed: %s\n", rep.LoadEnd, rep.Elapsed.Round(time.Second))
	return rep, nil
}

type bench struct {
	Config
	root, siteBin, hugoBin string
	trash                  string // where discard moves what a step no longer needs
	discarded              int
}

// discard moves path, if it exists, into the trash folder, which Run
// deletes only when every measurement is done: the benchmark never deletes
// files between measurements. On ext4 without a journal (this machine's
// disk) deleting costs the builds that come after it: for 60 seconds, and
// for 300 while the inode table is not yet written back, the file system
// does not reuse a freed inode and checks every one of them again for each
// new file it creates (fs/ext4/ialloc.c, recently_deleted); perf shows a
// build that creates 23,000 files after 23,000 were deleted spending most
// of its time there. No build outside a benchmark loop runs in that state,
// and a rename frees no inode.
func (b *bench) discard(path string) error {
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err := os.MkdirAll(b.trash, 0o755); err != nil {
		return err
	}
	b.discarded++
	return os.Rename(path, filepath.Join(b.trash, strconv.Itoa(b.discarded)))
}

// measure lets the file systems settle and waits for the machine to be
// idle, then measures.
func (b *bench) measure(ctx context.Context, dir string, env []string, name string, args ...string) (Sample, []byte, error) {
	if b.Settle > 0 {
		syscall.Sync()
		select {
		case <-ctx.Done():
			return Sample{}, nil, ctx.Err()
		case <-time.After(b.Settle):
		}
	}
	if b.IdleWait > 0 {
		if waited, share := waitIdle(ctx, b.IdleWait); share >= idleBelow {
			fmt.Fprintf(b.Log, "  (waited %s for other processes; %s of the CPUs still busy)\n", waited.Round(time.Second), percent(share))
		}
	}
	return Measure(ctx, dir, env, name, args...)
}

func goVersion(ctx context.Context, root string) string {
	cmd := hugo.GoCommand(ctx, "version")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}

// sitePath returns, for the folder dir of one N, the site's copy.
func sitePath(dir string) string { return filepath.Join(dir, "site") }

// convertPoint writes the site for N in dir and measures the converter
// there: -runs first runs, each followed by a rerun.
func (b *bench) convertPoint(ctx context.Context, dir string, n int) (*Point, error) {
	logf := func(format string, args ...any) { fmt.Fprintf(b.Log, format, args...) }
	site := sitePath(dir)
	if err := CopySite(b.root, site); err != nil {
		return nil, err
	}
	t0 := time.Now()
	if err := synth.Write(filepath.Join(site, "seeds"), n); err != nil {
		return nil, err
	}
	p := &Point{N: n, Translations: (n + 2) / 3, Samples: map[string][]Sample{}, Steps: map[string][]Sample{}, SynthDuration: time.Since(t0)}
	logf("N=%d: %d seeds, %d translations written in %s; %d runs\n", n, n, p.Translations, p.SynthDuration.Round(time.Millisecond), b.Runs)

	record := b.recorder(p)
	for run := 1; run <= b.Runs; run++ {
		// 1. The converter alone: into an empty content/, then again.
		if err := b.discard(filepath.Join(site, "content")); err != nil {
			return nil, err
		}
		s, out, err := b.measure(ctx, site, nil, b.Self, "-convert-only", site)
		if err != nil {
			return nil, err
		}
		var first ConvertResult
		if err := json.Unmarshal(out, &first); err != nil {
			return nil, fmt.Errorf("-convert-only: %v: %s", err, out)
		}
		p.FirstWritten = append(p.FirstWritten, first.Written)
		p.Pages = 0
		for _, k := range first.Pages {
			p.Pages += k
		}
		record(ConvertFirst, run, s, fmt.Sprintf("  %d files written", first.Written))

		s, out, err = b.measure(ctx, site, nil, b.Self, "-convert-only", site)
		if err != nil {
			return nil, err
		}
		var rerun ConvertResult
		if err := json.Unmarshal(out, &rerun); err != nil {
			return nil, fmt.Errorf("-convert-only: %v: %s", err, out)
		}
		p.RerunWritten = append(p.RerunWritten, rerun.Written+rerun.Removed)
		record(ConvertRerun, run, s, fmt.Sprintf("  %d files written, %d removed", rerun.Written, rerun.Removed))
	}
	return p, nil
}

// recorder returns the function that adds a sample of build to p and logs
// it.
func (b *bench) recorder(p *Point) func(build string, run int, s Sample, note string) {
	return func(build string, run int, s Sample, note string) {
		p.Samples[build] = append(p.Samples[build], s)
		fmt.Fprintf(b.Log, "  N=%d run %d  %-14s %8.2f s %7.1f MB  (user %.2f s, sys %.2f s; others %s)%s\n", p.N, run, build, s.Wall.Seconds(), mb(s.MaxRSS), s.User.Seconds(), s.Sys.Seconds(), percent(s.Others), note)
	}
}

// buildPoint measures, in dir where convertPoint left the site for p.N,
// the whole build command and Hugo alone: -runs times each.
func (b *bench) buildPoint(ctx context.Context, dir string, p *Point) error {
	logf := func(format string, args ...any) { fmt.Fprintf(b.Log, format, args...) }
	site := sitePath(dir)
	minimal := filepath.Join(dir, "minimal")
	record := b.recorder(p)
	for run := 1; run <= b.Runs; run++ {
		// 2. The whole build command, from nothing converted and nothing built.
		for _, d := range []string{filepath.Join(site, "content"), filepath.Join(site, "public")} {
			if err := b.discard(d); err != nil {
				return err
			}
		}
		s, out, err := b.measure(ctx, site, nil, b.siteBin)
		if err != nil {
			return err
		}
		steps := ParseSteps(out)
		var note []string
		for _, st := range steps {
			p.Steps[st.Name] = append(p.Steps[st.Name], Sample{Wall: st.Elapsed})
			note = append(note, fmt.Sprintf("%s %.2f s", st.Name, st.Elapsed.Seconds()))
		}
		record(Pipeline, run, s, "  ("+strings.Join(note, ", ")+")")
		zip, err := os.Stat(filepath.Join(site, "public", filepath.FromSlash(publish.ZipPath)))
		if err != nil {
			return err
		}
		p.ZipBytes = zip.Size()

		// 3. and 4. Hugo alone, the same build, with the site's templates
		// and with minimal ones.
		if run == 1 {
			if err := MinimalSite(site, minimal); err != nil {
				return err
			}
		}
		for _, v := range []struct{ build, src string }{{Floor, site}, {Minimal, minimal}} {
			hb, err := HugoBuildOf(v.src, filepath.Join(dir, "out-"+filepath.Base(v.src)))
			if err != nil {
				return err
			}
			if err := b.discard(hb.Destination); err != nil {
				return err
			}
			s, _, err := b.measure(ctx, v.src, hb.Env, b.hugoBin, hb.Args...)
			if err != nil {
				return err
			}
			record(v.build, run, s, "")
			if run == 1 && v.build == Floor {
				diff, err := HugoFilesIn(filepath.Join(site, "public"), hb.Destination)
				if err != nil {
					return err
				}
				p.FloorSame, p.FloorDiff = diff == "", diff
				if diff != "" {
					logf("  warning: the floor's site differs from the pipeline's: %s\n", diff)
				}
			}
		}
	}

	// What the site looks like at this N.
	public := filepath.Join(site, "public")
	home, err := os.ReadFile(filepath.Join(public, "index.html"))
	if err != nil {
		return err
	}
	p.HomeBytes, p.HomeGzip = int64(len(home)), gzipSize(home)
	p.SiteBytes, p.HTMLFiles, p.DocumentsBuilt, err = treeSize(public)
	if err != nil {
		return err
	}
	if p.DocumentsBuilt != p.Pages {
		logf("  note: Hugo built %d of the %d document pages (the others are dated in the future)\n", p.DocumentsBuilt, p.Pages)
	}
	return nil
}

// stepLine is the build command's line that reports its steps:
// "steps: convert 0.071 s, hugo 0.452 s, files 0.000 s, zip 0.203 s".
var stepLine = regexp.MustCompile(`(?m)^steps: (.*)$`)

var stepTime = regexp.MustCompile(`(\w+) ([0-9.]+) s`)

// ParseSteps reads the steps' times from the build command's output.
func ParseSteps(out []byte) []publish.Step {
	m := stepLine.FindSubmatch(out)
	if m == nil {
		return nil
	}
	var steps []publish.Step
	for _, f := range stepTime.FindAllStringSubmatch(string(m[1]), -1) {
		sec, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			continue
		}
		steps = append(steps, publish.Step{Name: f[1], Elapsed: time.Duration(sec * float64(time.Second))})
	}
	return steps
}

// medianSample returns each field's median over ss.
func medianSample(ss []Sample) Sample {
	if len(ss) == 0 {
		return Sample{}
	}
	field := func(f func(Sample) int64) int64 {
		v := make([]int64, len(ss))
		for i, s := range ss {
			v[i] = f(s)
		}
		return median(v)
	}
	return Sample{
		Wall:   time.Duration(field(func(s Sample) int64 { return int64(s.Wall) })),
		MaxRSS: field(func(s Sample) int64 { return s.MaxRSS }),
		User:   time.Duration(field(func(s Sample) int64 { return int64(s.User) })),
		Sys:    time.Duration(field(func(s Sample) int64 { return int64(s.Sys) })),
		Others: float64(field(func(s Sample) int64 { return int64(s.Others * 1000) })) / 1000,
	}
}

// median returns the middle value of v, or the mean of the two middle
// ones.
func median(v []int64) int64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func mb(bytes int64) float64 { return float64(bytes) / (1 << 20) }
