package browser

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// chromiumFlags are the only flags the browser gets, besides its profile
// folder and the debugging pipe chromedp talks through: no default
// options, which would add others.
var chromiumFlags = []string{
	"headless", "no-sandbox", "disable-gpu", "no-first-run",
	"disable-background-networking", "disable-component-update", "disable-sync",
}

// browser is the one Chromium of a test run, with a fresh profile.
type browser struct {
	ctx     context.Context
	targets *targetLog
}

var started = sync.OnceValues(startBrowser)

func getBrowser(t *testing.T) *browser {
	t.Helper()
	needChromium(t)
	b, err := started()
	if err != nil {
		t.Fatalf("starting %s: %v", chromiumPath, err)
	}
	return b
}

func startBrowser() (*browser, error) {
	profile, err := os.MkdirTemp("", "site-browser-profile-")
	if err != nil {
		return nil, err
	}
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(chromiumPath), chromedp.UserDataDir(profile)}
	for _, f := range chromiumFlags {
		opts = append(opts, chromedp.Flag(f, true))
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	stop := func() {
		cancel()
		cancelAlloc()
		os.RemoveAll(profile)
	}
	startCtx, cancelStart := context.WithTimeout(ctx, time.Minute)
	defer cancelStart()
	// Run once on the browser's context without a timeout of its own: the
	// first run binds the browser's life to the context it gets.
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }()
	select {
	case err = <-done:
	case <-startCtx.Done():
		err = fmt.Errorf("the browser did not start in a minute")
	}
	if err != nil {
		stop()
		return nil, err
	}
	b := &browser{ctx: ctx, targets: &targetLog{}}
	if err := chromedp.ListenBrowser(ctx, b.targets.listen); err != nil {
		stop()
		return nil, err
	}
	atExit(stop)
	return b, nil
}

// targetLog records the address of every target (tab, frame, worker) the
// browser reports, so that a page cannot open anything outside the site
// unseen.
type targetLog struct {
	mu   sync.Mutex
	urls []string
}

func (l *targetLog) listen(ev any) {
	var info *target.Info
	switch ev := ev.(type) {
	case *target.EventTargetCreated:
		info = ev.TargetInfo
	case *target.EventTargetInfoChanged:
		info = ev.TargetInfo
	}
	// The browser's own interface (type browser_ui, chrome:// pages) is
	// not something a page opened.
	if info == nil || info.URL == "" || info.URL == "about:blank" || info.Type == "browser_ui" {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.urls = append(l.urls, string(info.Type)+" "+info.URL)
}

// mark returns a position in the log for since.
func (l *targetLog) mark() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.urls)
}

// since returns the targets reported after mark, as "type url".
func (l *targetLog) since(mark int) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.urls[mark:])
}

// tab is one browser tab and what it recorded.
type tab struct {
	t     *testing.T
	ctx   context.Context
	b     *browser
	rec   *recorder
	jsOff bool // the page's scripts do not run
}

// newTab opens a tab that records every request and console message, with
// the cache off so that each visit loads every file again. With jsOff the
// page's scripts do not run (the DevTools protocol still evaluates the
// tests' own expressions).
func newTab(t *testing.T, b *browser, jsOff bool) *tab {
	t.Helper()
	rec := newRecorder()
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithListener(rec.listen))
	t.Cleanup(cancel)
	tb := &tab{t: t, ctx: ctx, b: b, rec: rec, jsOff: jsOff}
	// The first run opens the tab and ties it to the context it gets: the
	// tab's own, not one with a timeout.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	tb.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
			return err
		}
		if jsOff {
			_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}
		return nil
	}))
	return tb
}

// with returns the tab for use in test t (a subtest of the one that
// opened it).
func (tb *tab) with(t *testing.T) *tab {
	c := *tb
	c.t = t
	return &c
}

// withOpen is with, and loads u.
func (tb *tab) withOpen(t *testing.T, u string) *tab {
	t.Helper()
	c := tb.with(t)
	if _, err := c.open(u); err != nil {
		t.Fatal(err)
	}
	return c
}

// timeout bounds every single browser action.
const timeout = 60 * time.Second

// do runs actions in the tab, failing the test on error.
func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := tb.try(actions...); err != nil {
		tb.t.Fatal(err)
	}
}

func (tb *tab) try(actions ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(tb.ctx, timeout)
	defer cancel()
	return chromedp.Do(ctx, actions...)
}

// run runs one action with a value in the tab.
func run[T any](tb *tab, a chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(tb.ctx, timeout)
	defer cancel()
	return chromedp.Run(ctx, a)
}

// eval evaluates a JavaScript expression in the page, failing the test on
// error.
func eval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	v, err := run(tb, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluating %.60q…: %v", expr, err)
	}
	return v
}

// open loads u and waits for its load event. It returns the HTTP status
// of the document (0 for a file).
func (tb *tab) open(u string) (int64, error) {
	resp, err := run(tb, chromedp.NavigateResponse(u))
	if err != nil {
		return 0, fmt.Errorf("opening %s: %w", u, err)
	}
	if resp == nil {
		return 0, nil
	}
	return resp.Status, nil
}

// follow clicks the first element sel matches and waits for the page (or
// the fragment) it leads to, and for the page's scripts to have seen it as
// a reader's next click would find them: a new page's deferred scripts run
// before its load event, which the click waits for; but a move within the
// page ends before the browser fires hashchange, a task of its own that
// comes later, and until then static/js/lang.js has not given the language
// links the new fragment. So where scripts run, follow listens for that
// hashchange before the click and, when the click moved the fragment
// within the page, waits until it has been dispatched (the listener comes
// after the page's own, so theirs have run by then).
func (tb *tab) follow(sel string) error {
	ctx, cancel := context.WithTimeout(tb.ctx, timeout)
	defer cancel()
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", sel))); err != nil || n == 0 {
		loc, _ := run(tb, chromedp.Location())
		return fmt.Errorf("%s: no element matches %s (%v)", loc, sel, err)
	}
	if !tb.jsOff {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](armHashchange)); err != nil {
			return fmt.Errorf("before following %s: %w", sel, err)
		}
	}
	_, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel)))
	if err != nil {
		return fmt.Errorf("following %s: %w", sel, err)
	}
	if tb.jsOff {
		return nil
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](awaitHashchange, chromedp.EvalAwaitPromise)); err != nil {
		return fmt.Errorf("following %s: waiting for the hashchange event: %w", sel, err)
	}
	return nil
}

// armHashchange notes the fragment before a click and a promise of the
// next hashchange event; awaitHashchange, after the click, waits for that
// event if the click moved the fragment within the page (a new page has
// neither, and a fragment that stayed the same fires no event).
const (
	armHashchange = `(window.__followed = {hash: location.hash,
  changed: new Promise(done => addEventListener('hashchange', () => done(true), {once: true}))}, true)`
	awaitHashchange = `(() => { const f = window.__followed; delete window.__followed;
  return !f || f.hash === location.hash ? true : f.changed; })()`
)

// settleTimeout bounds the wait for what the browser does on its own after
// a navigation or a click has returned (laying the page out, scrolling to
// the fragment's element): under load it can take a while, and a check
// that needs it polls for it (until) instead of reading too early.
const settleTimeout = 30 * time.Second

// until runs check until it returns nil, and otherwise, once settleTimeout
// has passed, returns its last error. The pause between tries only paces
// the polling; what ends the wait is the condition.
func (tb *tab) until(check func() error) error {
	tb.t.Helper()
	deadline := time.Now().Add(settleTimeout)
	for {
		err := check()
		if err == nil || time.Now().After(deadline) {
			return err
		}
		select {
		case <-time.After(20 * time.Millisecond):
		case <-tb.ctx.Done():
			return err
		}
	}
}

// A width and colour scheme to look at a page in.
type variant struct {
	width  int64
	scheme string // "light" or "dark"
}

func (v variant) String() string { return fmt.Sprintf("%dpx-%s", v.width, v.scheme) }

var variants = []variant{{320, "light"}, {320, "dark"}, {1280, "light"}, {1280, "dark"}}

// emulate sets the viewport (a phone below 600 px: the viewport meta
// applies) and the colour scheme for the next page load.
func (tb *tab) emulate(v variant) error {
	height := int64(800)
	if v.width < 600 {
		height = 640
	}
	return tb.try(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: v.width, Height: height, DeviceScaleFactor: 1, Mobile: v.width < 600,
		})
		if err != nil {
			return err
		}
		_, err = chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: v.scheme}},
		})
		return err
	}))
}

// recorder keeps what a tab's pages did: every request, every failed one,
// every console message of level warning or error.
type recorder struct {
	mu       sync.Mutex
	urls     map[network.RequestID]string
	requests []string
	failed   []string
	statuses map[string]int64 // URL → HTTP status
	console  []consoleEntry
}

// A console message: what it says, and for one of the browser's network
// log, the URL it is about.
type consoleEntry struct{ text, url string }

func newRecorder() *recorder {
	r := &recorder{}
	r.reset()
	return r
}

func (r *recorder) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.urls = map[network.RequestID]string{}
	r.statuses = map[string]int64{}
	r.requests, r.failed, r.console = nil, nil, nil
}

// listen runs in the tab's event loop: it must return fast.
func (r *recorder) listen(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		r.urls[ev.RequestID] = ev.Request.URL
		r.requests = append(r.requests, ev.Request.URL)
	case *network.EventLoadingFailed:
		u, ok := r.urls[ev.RequestID]
		if !ok {
			u = "(request " + string(ev.RequestID) + ", not announced)"
		}
		msg := u + ": " + ev.ErrorText
		if ev.BlockedReason != "" {
			msg += " (blocked: " + string(ev.BlockedReason) + ")"
		}
		r.failed = append(r.failed, msg)
	case *network.EventResponseReceived:
		r.statuses[ev.Response.URL] = ev.Response.Status
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				if len(a.Value) > 0 {
					args = append(args, string(a.Value))
				} else {
					args = append(args, a.Description)
				}
			}
			r.console = append(r.console, consoleEntry{text: fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " "))})
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		r.console = append(r.console, consoleEntry{text: fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, text)})
	case *log.EventEntryAdded:
		e := ev.Entry
		if e.Level == log.EntryLevelError || e.Level == log.EntryLevelWarning {
			entry := consoleEntry{text: fmt.Sprintf("%s %s: %s (%s)", e.Source, e.Level, e.Text, e.URL)}
			if e.Source == log.EntrySourceNetwork {
				entry.url = e.URL
			}
			r.console = append(r.console, entry)
		}
	}
}

// report is what a recorder saw since its last reset.
type report struct {
	requests, failed []string
	console          []consoleEntry
	statuses         map[string]int64
}

func (r *recorder) take() report {
	r.mu.Lock()
	defer r.mu.Unlock()
	rep := report{
		requests: slices.Clone(r.requests),
		failed:   slices.Clone(r.failed),
		console:  slices.Clone(r.console),
		statuses: make(map[string]int64, len(r.statuses)),
	}
	for u, s := range r.statuses {
		rep.statuses[u] = s
	}
	return rep
}

// problems lists what a page must not do: console errors and warnings,
// failed requests, HTTP errors, requests or targets outside the site.
// Statuses listed in allow (URL → status) are expected.
func (rep report) problems(s *site, targets []string, allow map[string]int64) []string {
	var out []string
	for _, c := range rep.console {
		// The browser logs each HTTP error it gets; an expected one is not
		// a problem.
		if c.url != "" && allow[c.url] != 0 && allow[c.url] == rep.statuses[c.url] {
			continue
		}
		out = append(out, "console: "+c.text)
	}
	for _, f := range rep.failed {
		out = append(out, "failed request: "+f)
	}
	for u, status := range rep.statuses {
		if status >= 400 && allow[u] != status {
			out = append(out, fmt.Sprintf("HTTP %d: %s", status, u))
		}
	}
	for _, u := range rep.requests {
		if !s.own(u) {
			out = append(out, "request to another host or outside the site: "+u)
		}
	}
	for _, tg := range targets {
		_, u, _ := strings.Cut(tg, " ")
		if !s.own(u) {
			out = append(out, "browser target outside the site: "+tg)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
