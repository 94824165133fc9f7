// Package preview runs Hugo's live-reloading server over the site and
// regenerates content/ whenever a file in seeds/ changes, so that an editor
// sees a seed or a translation on the page as soon as it is saved.
package preview

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/regionaldialogue/site/tools/convert"
	"github.com/regionaldialogue/site/tools/hugo"
)

// Serve converts once, starts `hugo server` on port, and converts again
// after every change in root/seeds until ctx is done. Conversion errors
// are printed to log and the server keeps the last good pages.
func Serve(ctx context.Context, root string, port int, log io.Writer) error {
	convertAndReport(root, log)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := hugo.Command(ctx, nil, "server", "--source", root, "--port", fmt.Sprint(port),
		"--bind", "127.0.0.1", "--disableFastRender", "--noBuildLock")
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()

	last := seedState(root)
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			return err
		case <-ctx.Done():
			<-done
			return nil
		case <-tick.C:
			if now := seedState(root); now != last {
				last = now
				convertAndReport(root, log)
			}
		}
	}
}

func convertAndReport(root string, log io.Writer) {
	res, err := convert.Run(root)
	if err != nil {
		fmt.Fprintf(log, "seeds not converted; the preview shows the last good pages:\n%v\n", err)
		return
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(log, w)
	}
	if len(res.Written)+len(res.Removed) > 0 {
		fmt.Fprintf(log, "converted: %d written, %d removed\n", len(res.Written), len(res.Removed))
	}
}

// seedState is a fingerprint of seeds/: every file's name, size and
// modification time.
func seedState(root string) string {
	entries, _ := os.ReadDir(filepath.Join(root, "seeds"))
	var b strings.Builder
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			fmt.Fprintf(&b, "%s %d %d\n", e.Name(), info.Size(), info.ModTime().UnixNano())
		}
	}
	return b.String()
}
