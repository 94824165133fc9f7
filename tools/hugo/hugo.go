// Package hugo runs the Hugo version pinned in go.mod (as a Go tool) over a
// site tree. Everything that builds the site (the site command, the tests,
// CI, the GitHub Pages workflow) goes through Build, so that there is one
// way to build it.
package hugo

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"github.com/pelletier/go-toml/v2"
)

// Options says what to build.
type Options struct {
	// Source is the site's root: the folder with config.toml, content/,
	// layouts/, i18n/ and static/. It may lie anywhere; Hugo itself runs
	// from the Go module of the current directory, whose go.mod pins it.
	Source string
	// Destination is the folder Hugo writes to. Hugo creates it, and
	// leaves alone any file in it that it does not make (the site command
	// writes its own files there while Hugo builds): give a new or empty
	// folder.
	Destination string
	// BaseURL overrides config.toml's baseURL when not empty.
	BaseURL string
	// Strict turns every Hugo warning (missing translation strings, path
	// problems) into an error.
	Strict bool
	// Params are added to config.toml's [params] for this build only.
	Params map[string]any
	// Env adds variables to Hugo's environment, as "KEY=value".
	Env []string
}

// Args returns the hugo command-line arguments for o.
func (o Options) Args() []string {
	args := []string{"--source", o.Source, "--destination", o.Destination,
		"--minify", "--noBuildLock", "--logLevel", "error"}
	if o.BaseURL != "" {
		args = append(args, "--baseURL", o.BaseURL)
	}
	if o.Strict {
		args = append(args, "--printI18nWarnings", "--printPathWarnings", "--panicOnWarning")
	}
	return args
}

// Build runs the pinned Hugo with o. Its error carries Hugo's output.
func Build(ctx context.Context, o Options) error {
	if o.Source == "" || o.Destination == "" {
		return fmt.Errorf("hugo: Source and Destination are required")
	}
	env := append([]string(nil), o.Env...)
	src, err := filepath.Abs(o.Source)
	if err != nil {
		return err
	}
	dst, err := filepath.Abs(o.Destination)
	if err != nil {
		return err
	}
	o.Source, o.Destination = src, dst
	StatInputs(src)
	args := o.Args()
	if len(o.Params) > 0 {
		// A second configuration file, merged over config.toml.
		extra, err := os.CreateTemp("", "hugo-params-*.toml")
		if err != nil {
			return err
		}
		defer os.Remove(extra.Name())
		err = toml.NewEncoder(extra).Encode(map[string]any{"params": o.Params})
		if cerr := extra.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		args = append(args, "--config", filepath.Join(src, "config.toml")+","+extra.Name())
	}
	out, err := Run(ctx, env, args...)
	if err != nil {
		return fmt.Errorf("hugo: %w\n%s", err, out)
	}
	return nil
}

// Run runs `go tool hugo args...` with extra environment variables and
// returns its combined output. It must be called from inside this Go
// module (as `go run` and `go test` are): the go command builds Hugo from
// the version pinned in go.mod on first use and caches the binary.
func Run(ctx context.Context, env []string, args ...string) ([]byte, error) {
	cmd, err := Command(ctx, env, args...)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err = cmd.Run()
	return out.Bytes(), err
}

// StatInputs looks at every file Hugo reads from the site under src. Hugo
// runs in another process, so without this `go test` would not know that
// a cached result of a test that builds the site depends on them. Build
// calls it; a test package that builds in TestMain, before the testing
// package records file accesses, calls it again from a test.
func StatInputs(src string) {
	if _, err := os.Stat(filepath.Join(src, "config.toml")); err != nil {
		return
	}
	for _, dir := range []string{"content", "layouts", "static", "i18n", "assets", "data"} {
		filepath.WalkDir(filepath.Join(src, dir), func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				os.Stat(path)
			}
			return nil
		})
	}
}

// Command returns the command that runs the pinned Hugo with args and
// extra environment variables, for callers that run it themselves. It
// runs Hugo's binary itself rather than `go tool hugo`, so that cancelling
// ctx stops Hugo and not only the go command in front of it.
func Command(ctx context.Context, env []string, args ...string) (*exec.Cmd, error) {
	bin, err := Binary(ctx)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), env...)
	return cmd, nil
}

var binary struct {
	sync.Mutex
	path string
}

// Binary returns the path of the Hugo binary pinned in go.mod, building it
// into the go command's cache on first use (one to two minutes).
func Binary(ctx context.Context) (string, error) {
	binary.Lock()
	defer binary.Unlock()
	if binary.path != "" {
		return binary.path, nil
	}
	for try := 0; ; try++ {
		out, err := GoCommand(ctx, "tool", "-n", "hugo").Output()
		path := strings.TrimSpace(string(out))
		if err == nil && path != "" {
			if _, statErr := os.Stat(path); statErr == nil {
				binary.path = path
				return path, nil
			}
		}
		if try > 0 {
			return "", fmt.Errorf("hugo: cannot find the pinned Hugo (go tool -n hugo: %v %s)", err, out)
		}
		// Not built yet: running it once builds and caches it.
		if out, err := GoCommand(ctx, "tool", "hugo", "version").CombinedOutput(); err != nil {
			return "", fmt.Errorf("hugo: building the pinned Hugo: %v\n%s", err, out)
		}
	}
}

// GoCommand returns the command `go args...`, with the go command that
// runs this program when there is one.
func GoCommand(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, goCommand(), args...)
	cmd.Env = os.Environ()
	return cmd
}

// goCommand finds the go command: the one running this program if it was
// started by `go run` or `go test` (GOROOT is set for them), else PATH's.
func goCommand() string {
	if root := strings.TrimSpace(os.Getenv("GOROOT")); root != "" {
		p := filepath.Join(root, "bin", "go")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return "go"
}
