package publish

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// snapshot reads every file under the folders of root named in dirs.
func snapshot(t *testing.T, root string, dirs ...string) map[string][]byte {
	t.Helper()
	all := map[string][]byte{}
	for _, d := range dirs {
		if !exists(filepath.Join(root, d)) {
			continue
		}
		for name, data := range tree(t, filepath.Join(root, d)) {
			all[d+"/"+name] = data
		}
	}
	return all
}

// sameSnapshot requires two snapshots to hold the same files and bytes.
func sameSnapshot(t *testing.T, before, after map[string][]byte) {
	t.Helper()
	for name, data := range before {
		if got, ok := after[name]; !ok {
			t.Errorf("%s: gone after the failed build", name)
		} else if !bytes.Equal(got, data) {
			t.Errorf("%s: changed by the failed build", name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s: written by the failed build", name)
		}
	}
}

// noStaging requires no folder of a build in progress to be left in dir.
func noStaging(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public-") {
			t.Errorf("%s: left behind by the failed build", e.Name())
		}
	}
}

// TestFailedBuildChangesNothing builds a copy of the repository, then
// makes builds fail: with a new seed and a base address that is no
// address, and with a template Hugo cannot run, before and after the new
// seed is converted. Each fails with a clear
// message and leaves content/, i18n/ and public/ byte for byte as the
// good build left them.
func TestFailedBuildChangesNothing(t *testing.T) {
	root := t.TempDir()
	if err := copyRepo(root); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if _, err := Build(ctx, Options{Root: root}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, root, "content", "i18n", "public")

	seeds, err := filepath.Glob(filepath.Join(root, "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seed to copy: %v", err)
	}
	seed, err := os.ReadFile(seeds[0])
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "seeds", "zz-new.txt"), string(seed))

	for _, tc := range []struct {
		name    string
		opt     Options
		prepare func()
		want    string
	}{
		{"bad baseURL", Options{Root: root, BaseURL: "http://[::1"}, nil,
			`baseURL "http://[::1": missing ']' in host; want a URL with a scheme and host, such as https://user.github.io/repo/, or a path starting with /`},
		{"relative baseURL", Options{Root: root, BaseURL: "example.org/repo/"}, nil,
			`baseURL "example.org/repo/": want a URL with a scheme and host, such as https://user.github.io/repo/, or a path starting with /`},
		{"Hugo fails", Options{Root: root, SkipConvert: true}, func() {
			writeFile(t, filepath.Join(root, "layouts", "page.html"), `{{ define "main" }}{{ partial "no-such-partial.html" . }}{{ end }}`)
		}, "hugo: "},
		// The template is still broken: the new seed's pages are written
		// into content/ and taken out again when Hugo fails.
		{"Hugo fails after converting", Options{Root: root}, nil, "hugo: "},
		// A template Hugo runs, but whose output holds a format string's
		// debris: the guard refuses the site and names the file and line.
		{"debris in a page", Options{Root: root, SkipConvert: true}, func() {
			writeFile(t, filepath.Join(root, "layouts", "page.html"), `{{ define "main" }}<p>{{ printf "%s, %s" .Title }}</p>{{ end }}`)
		}, "documents/2015-11-26-beograd-zakljucci/index.html:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.prepare != nil {
				tc.prepare()
			}
			_, err := Build(ctx, tc.opt)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error:\n%v\nwant it to start with\n%s", err, tc.want)
			}
			sameSnapshot(t, before, snapshot(t, root, "content", "i18n", "public"))
			noStaging(t, root)
		})
	}
}

// TestBuildWithoutPublic builds into a public/ that does not exist yet,
// in a folder that does not exist yet either.
func TestBuildWithoutPublic(t *testing.T) {
	root := t.TempDir()
	if err := copyRepo(root); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(t.TempDir(), "out", "site")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	sum, err := Build(ctx, Options{Root: root, Public: public, SkipConvert: true})
	if err != nil {
		t.Fatal(err)
	}
	if !exists(filepath.Join(public, "index.html")) || !exists(sum.ZipPath) {
		t.Errorf("no index.html or ZIP in %s", public)
	}
	info, err := os.Stat(public)
	if err != nil || info.Mode().Perm() != 0o755 {
		t.Errorf("%s: %v, %v; want a folder readable by all (0755)", public, info.Mode(), err)
	}
	var names []string
	for _, s := range sum.Steps {
		names = append(names, s.Name)
	}
	if got := strings.Join(names, " "); got != "hugo search files zip replace" {
		t.Errorf("steps %q, want hugo search files zip replace", got)
	}
	noStaging(t, filepath.Dir(public))
}
