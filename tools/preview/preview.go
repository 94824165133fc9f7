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
//
// When a conversion changes pages, Hugo's server is restarted: the
// converter renames new pages into place, and Hugo v0.165's server, seeing
// several language versions of a page replaced at once, was seen to keep
// serving the old page (tools/preview's test caught it about one time in
// two). A restart takes a second for a site of this size.
func Serve(ctx context.Context, root string, port int, log io.Writer) error {
	convertAndReport(root, log)
	last := seedState(root)
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		hugoCtx, stop := context.WithCancel(ctx)
		cmd, err := hugo.Command(hugoCtx, nil, "server", "--source", root, "--port", fmt.Sprint(port),
			"--bind", "127.0.0.1", "--disableFastRender", "--noBuildLock")
		if err != nil {
			stop()
			return err
		}
		cmd.Stdout, cmd.Stderr = log, log
		if err := cmd.Start(); err != nil {
			stop()
			return err
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		restart := false
		for !restart {
			select {
			case err := <-done:
				stop()
				return err
			case <-ctx.Done():
				stop()
				<-done
				return nil
			case <-tick.C:
				if now := seedState(root); now != last {
					last = now
					restart = convertAndReport(root, log)
				}
			}
		}
		stop()
		<-done
		fmt.Fprintln(log, "pages changed: restarting the preview server")
	}
}

// convertAndReport converts root's seeds, prints what happened, and
// reports whether any page changed.
func convertAndReport(root string, log io.Writer) bool {
	res, err := convert.Run(root)
	if err != nil {
		fmt.Fprintf(log, "seeds not converted; the preview shows the last good pages:\n%v\n", err)
		return false
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(log, w)
	}
	changed := len(res.Written)+len(res.Removed) > 0
	if changed {
		fmt.Fprintf(log, "converted: %d written, %d removed\n", len(res.Written), len(res.Removed))
	}
	return changed

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
