package linkcheck

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// HTTP fetches over HTTP with a client; anything but 200 is an error, and
// 404 is ErrNotFound.
type HTTP struct{ Client *http.Client }

func (h HTTP) Fetch(u *url.URL) ([]byte, error) {
	v := *u
	v.Fragment = ""
	resp, err := h.Client.Get(v.String())
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	switch resp.StatusCode {
	case http.StatusOK:
		return body, nil
	case http.StatusNotFound:
		return nil, fmt.Errorf("%s: %w (HTTP 404)", v.String(), ErrNotFound)
	}
	return nil, fmt.Errorf("%s: HTTP %s", v.String(), resp.Status)
}

// Dir fetches file: addresses from the folder Root, as a browser opens a
// copy of the site from disk: an address must name a file inside Root,
// not a folder (a browser shows a folder as a listing, not its index.html).
type Dir struct{ Root string }

func (d Dir) Fetch(u *url.URL) ([]byte, error) {
	if u.Scheme != "file" {
		return nil, fmt.Errorf("%s: not a file: address", u)
	}
	path := filepath.FromSlash(u.Path)
	rel, err := filepath.Rel(d.Root, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, fmt.Errorf("%s: outside the copy", u.Path)
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rel, ErrNotFound)
	}
	if info.IsDir() {
		return nil, fmt.Errorf("%s: a folder, not a file (a browser shows a listing)", rel)
	}
	return os.ReadFile(path)
}

// FileURL returns the file: address of path.
func FileURL(path string) *url.URL {
	abs, _ := filepath.Abs(path)
	return &url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
}
