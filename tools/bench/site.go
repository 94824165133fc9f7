package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"github.com/pelletier/go-toml/v2"

	"github.com/regionaldialogue/site/tools/hugo"
	"github.com/regionaldialogue/site/tools/internal/sitecopy"
	"github.com/regionaldialogue/site/tools/publish"
)

// siteFiles are what CopySite copies: the site without its content and
// seeds, and the module files that let `go tool hugo` run the pinned Hugo
// in the copy, as it does in the repository.
var siteFiles = []string{"config.toml", "layouts", "static", "i18n", "go.mod", "go.sum"}

// CopySite copies the site's sources from root into dst.
func CopySite(root, dst string) error {
	for _, f := range siteFiles {
		if err := sitecopy.CopyTree(filepath.Join(root, f), filepath.Join(dst, f)); err != nil {
			return err
		}
	}
	return nil
}

// minimalLayouts are the smallest templates the site's configuration
// builds with: a page is its content, the home page and the section their
// title, the feed (config.toml asks for one on the home page) a bare
// channel, and the 404 page a word. Hugo's embedded robots.txt and
// sitemap.xml templates serve both variants alike.
var minimalLayouts = map[string]string{
	"page.html":    "{{ .Content }}\n",
	"home.html":    "{{ .Title }}\n",
	"section.html": "{{ .Title }}\n",
	"404.html":     "404\n",
	"home.rss.xml": "<rss version=\"2.0\"><channel><title>{{ site.Title }}</title></channel></rss>\n",
}

// MinimalSite makes dst a copy of the site in src (config.toml, static/,
// i18n/, content/) whose layouts/ are minimalLayouts.
func MinimalSite(src, dst string) error {
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	for _, f := range []string{"config.toml", "static", "i18n", "content"} {
		if err := sitecopy.CopyTree(filepath.Join(src, f), filepath.Join(dst, f)); err != nil {
			return err
		}
	}
	layouts := filepath.Join(dst, "layouts")
	if err := os.MkdirAll(layouts, 0o755); err != nil {
		return err
	}
	for name, text := range minimalLayouts {
		if err := os.WriteFile(filepath.Join(layouts, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// HugoBuild is one run of the Hugo binary.
type HugoBuild struct {
	Destination string
	Args        []string
	Env         []string
}

// HugoBuildOf returns the Hugo build tools/publish makes of the site in
// src (see publish.Build and hugo.Build): the site, with the params that
// link to the offline copy, with the same arguments and params file; its
// destination and params file lie under out.
func HugoBuildOf(src, out string) (HugoBuild, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return HugoBuild{}, err
	}
	src, err := filepath.Abs(src)
	if err != nil {
		return HugoBuild{}, err
	}
	out, err = filepath.Abs(out)
	if err != nil {
		return HugoBuild{}, err
	}
	opt := hugo.Options{
		// tools/site passes its -baseURL flag, "/" by default.
		Source: src, Destination: filepath.Join(out, "public"), BaseURL: "/",
		Params: map[string]any{"offlineZip": publish.ZipPath},
	}
	params := filepath.Join(out, "params.toml")
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(map[string]any{"params": opt.Params}); err != nil {
		return HugoBuild{}, err
	}
	if err := os.WriteFile(params, buf.Bytes(), 0o644); err != nil {
		return HugoBuild{}, err
	}
	return HugoBuild{
		Destination: opt.Destination,
		Args:        append(opt.Args(), "--config", filepath.Join(src, "config.toml")+","+params),
	}, nil
}

// HugoFilesIn reports whether every file Hugo wrote under floor is under
// site too with the same bytes (site also holds the files the Go tool
// writes after Hugo: search index, citations, e-books, the ZIP), and
// describes the first file that is not, or returns "".
func HugoFilesIn(site, floor string) (string, error) {
	n := 0
	err := filepath.WalkDir(floor, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(floor, path)
		if err != nil {
			return err
		}
		x, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		y, err := os.ReadFile(filepath.Join(site, rel))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("%s is missing from %s", filepath.ToSlash(rel), site)
		case err != nil:
			return err
		case !bytes.Equal(x, y):
			return fmt.Errorf("%s differs", filepath.ToSlash(rel))
		}
		n++
		return nil
	})
	if err != nil {
		if _, ok := err.(*fs.PathError); ok {
			return "", err
		}
		return err.Error(), nil
	}
	if n == 0 {
		return "Hugo wrote nothing under " + floor, nil
	}
	return "", nil
}

// treeSize returns the bytes of all files under root, the number of HTML
// files and how many of them are documents.
func treeSize(root string) (size int64, htmlFiles, documents int, err error) {
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		size += info.Size()
		if strings.HasSuffix(path, ".html") {
			htmlFiles++
			if rel, err := filepath.Rel(root, path); err == nil && pageKind(filepath.ToSlash(rel)) == "document" {
				documents++
			}
		}
		return nil
	})
	return size, htmlFiles, documents, err
}

// gzipSize is the size of b compressed with gzip's default level, as the
// site's tests (tools/e2e) and most web servers compress.
func gzipSize(b []byte) int64 {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return int64(buf.Len())
}

// Machine describes the computer the benchmark ran on.
type Machine struct {
	CPUs     int
	CPUModel string
	MemBytes int64
	Kernel   string
}

func (m Machine) String() string {
	return fmt.Sprintf("%d CPUs (%s), %.1f GB memory, Linux %s", m.CPUs, m.CPUModel, float64(m.MemBytes)/(1<<30), m.Kernel)
}

func readMachine() Machine {
	m := Machine{CPUs: runtime.NumCPU(), CPUModel: "unknown", Kernel: "unknown"}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.Lines(string(b)) {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPUModel = strings.TrimSpace(v)
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for line := range strings.Lines(string(b)) {
			var kb int64
			if _, err := fmt.Sscanf(line, "MemTotal: %d kB", &kb); err == nil {
				m.MemBytes = kb * 1024
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.Kernel = strings.TrimSpace(string(b))
	}
	return m
}

// loadAverage returns the 1, 5 and 15 minute load averages.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// writeFile writes data to path, making its folder.
func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// relLink is target's path relative to the folder of from, with slashes,
// for a Markdown link; "" if target is.
func relLink(from, target string) string {
	if target == "" {
		return ""
	}
	fa, err1 := filepath.Abs(filepath.Dir(from))
	ta, err2 := filepath.Abs(target)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(target)
	}
	rel, err := filepath.Rel(fa, ta)
	if err != nil {
		return filepath.ToSlash(target)
	}
	return filepath.ToSlash(rel)
}

// fsType names the kind of filesystem path lies on, as far as Linux's
// statfs tells it.
func fsType(path string) string {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return "unknown"
	}
	switch st.Type {
	case 0xef53:
		return "ext4"
	case 0x01021994:
		return "tmpfs"
	case 0x58465342:
		return "xfs"
	case 0x9123683e:
		return "btrfs"
	case 0x794c7630:
		return "overlayfs"
	}
	return fmt.Sprintf("filesystem 0x%x", st.Type)
}
