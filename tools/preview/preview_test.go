package preview

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/regionaldialogue/site/tools/internal/sitecopy"
)

// TestServe starts the preview on a copy of the site, waits for the
// document page, changes a word of the seed and waits for the page to show
// it: the seed is converted again and Hugo's server picks the page up.
func TestServe(t *testing.T) {
	root := t.TempDir()
	for _, name := range sitecopy.Sources {
		if err := sitecopy.CopyTree(filepath.Join("..", "..", name), filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()

	ctx, cancel := context.WithCancel(context.Background())
	var log syncBuffer
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, root, port, &log) }()
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Error("the preview did not stop")
		}
	}()

	pages, _ := filepath.Glob(filepath.Join(root, "content", "documents", "*.sr.md"))
	if len(pages) == 0 {
		t.Fatal("no document in content/")
	}
	slug := strings.TrimSuffix(filepath.Base(pages[0]), ".sr.md")
	url := "http://127.0.0.1:" + strconv.Itoa(port) + "/documents/" + slug + "/"
	// The first wait may include compiling Hugo on a fresh machine.
	if !waitFor(url, "Закључци", 5*time.Minute) {
		t.Fatalf("%s never answered; the preview said:\n%s", url, log.String())
	}

	seeds, _ := filepath.Glob(filepath.Join(root, "seeds", "*.txt"))
	data, err := os.ReadFile(seeds[0])
	if err != nil {
		t.Fatal(err)
	}
	changed := bytes.Replace(data, []byte("Главни циљеви"), []byte("Најважнији циљеви"), 1)
	if err := os.WriteFile(seeds[0], changed, 0o644); err != nil {
		t.Fatal(err)
	}
	if !waitFor(url, "Најважнији циљеви", time.Minute) {
		page, _ := os.ReadFile(pages[0])
		resp, err := http.Get(url)
		var body []byte
		if err == nil {
			body, _ = io.ReadAll(resp.Body)
			resp.Body.Close()
		}
		t.Fatalf("%s never showed the change; content page has it: %v; served page has the old text: %v; the preview said:\n%s",
			url, bytes.Contains(page, []byte("Најважнији")), bytes.Contains(body, []byte("Главни циљеви")), log.String())
	}
}

// waitFor polls url until its body contains want, and reports whether it
// did in time.
func waitFor(url, want string, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		resp, err := http.Get(url)
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK && strings.Contains(string(body), want) {
				return true
			}
		}
		time.Sleep(300 * time.Millisecond)
	}
	return false
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
