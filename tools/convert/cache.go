package convert

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"slices"
)

// The cache lets a rerun with nothing changed skip parsing and rendering:
// for every seed it records the fingerprint of its inputs and the pages it
// gave, with their sizes and modification times. A seed is converted again
// when its inputs differ, when one of its pages is not as the converter
// left it, or when config.toml or the converter itself changed (the cache
// is keyed by both). The cache lives in the user's cache folder, one file
// per site root (encoding/gob: it decodes several times faster than JSON,
// which matters at 10,000 seeds), and is only ever a shortcut: deleting it changes nothing
// but the time a run takes.
// CacheDirEnv names the environment variable that, when set, is the
// folder for the cache instead of the user's cache folder (tests set it).
const CacheDirEnv = "SITE_CONVERT_CACHE"

type cache struct {
	path    string
	loaded  bool // Entries came from the cache file
	Tool    string
	Entries map[string]*cacheEntry // by seed
}

type cacheEntry struct {
	Key      string
	Inputs   []inputStat
	BaseSlug string
	Slug     string
	Outputs  []output
	Warnings []string
}

// loadCache returns root's cache, or an empty one when there is none or it
// was made by another converter or for another config.toml. It returns nil
// (no caching) when there is no cache folder.
func loadCache(root string, cfg *config) *cache {
	dir := os.Getenv(CacheDirEnv)
	if dir == "" {
		d, err := os.UserCacheDir()
		if err != nil {
			return nil
		}
		dir = filepath.Join(d, "regionaldialogue-site")
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil
	}
	h := sha256.Sum256([]byte(abs))
	c := &cache{
		path:    filepath.Join(dir, "convert-"+hex.EncodeToString(h[:8])+".gob"),
		Tool:    toolFingerprint(cfg),
		Entries: map[string]*cacheEntry{},
	}
	f, err := os.Open(c.path)
	if err != nil {
		return c
	}
	defer f.Close()
	var old cache
	if gob.NewDecoder(bufio.NewReader(f)).Decode(&old) == nil && old.Tool == c.Tool && old.Entries != nil {
		c.Entries, c.loaded = old.Entries, true
	}
	return c
}

// toolFingerprint identifies the converter binary and the configuration.
func toolFingerprint(cfg *config) string {
	h := sha256.New()
	h.Write(cfg.raw)
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// inputStat is an input file's size and modification time.
type inputStat struct {
	Path string
	Size int64
	Mod  int64
}

// has reports whether the cache has an entry for seed.
func (c *cache) has(seed string) bool {
	return c != nil && c.Tool != "" && c.Entries[seed] != nil
}

// lookupStats returns the entry for seed if its input files have the sizes
// and times recorded.
func (c *cache) lookupStats(seed string, inputs []inputStat) *cacheEntry {
	if c == nil || c.Tool == "" {
		return nil
	}
	if e := c.Entries[seed]; e != nil && slices.Equal(e.Inputs, inputs) {
		return e
	}
	return nil
}

// lookup returns the entry for seed if its inputs' fingerprint is key.
func (c *cache) lookup(seed, key string) *cacheEntry {
	if c == nil || c.Tool == "" {
		return nil
	}
	if e := c.Entries[seed]; e != nil && e.Key == key {
		return e
	}
	return nil
}

// intact reports whether every page of e is in root as the converter
// left it.
func (e *cacheEntry) intact(root string) bool {
	for _, o := range e.Outputs {
		info, err := os.Stat(filepath.Join(root, filepath.FromSlash(o.Path)))
		if err != nil || info.Size() != o.Size || info.ModTime().UnixNano() != o.Mod {
			return false
		}
	}
	return true
}

// encode returns the cache file that records jobs, or nil when the file
// would not change. Every page the jobs staged must be written (stage.wait).
func (c *cache) encode(root string, jobs []*job) []byte {
	if c == nil || c.Tool == "" {
		return nil
	}
	entries := make(map[string]*cacheEntry, len(jobs))
	changed := len(jobs) != len(c.Entries) || !c.loaded
	for _, j := range jobs {
		if j.unchanged && slices.Equal(j.cached.Inputs, j.inputs) {
			entries[j.seed] = j.cached
			continue
		}
		changed = true
		if j.unchanged {
			j.cached.Inputs = j.inputs
			entries[j.seed] = j.cached
			continue
		}
		e := &cacheEntry{Key: j.key, Inputs: j.inputs, BaseSlug: j.baseSlug, Slug: j.slug, Warnings: j.warnings}
		for _, o := range j.outputs {
			// A page written in this run has the size and time it was
			// staged with; the others are looked up.
			if o.Mod == 0 {
				info, err := os.Stat(filepath.Join(root, filepath.FromSlash(o.Path)))
				if err != nil {
					e = nil
					break
				}
				o.Size, o.Mod = info.Size(), info.ModTime().UnixNano()
			}
			o.data = nil
			e.Outputs = append(e.Outputs, o)
		}
		if e != nil {
			entries[j.seed] = e
		}
	}
	if !changed {
		return nil
	}
	c.Entries = entries
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(c) != nil {
		return nil
	}
	return buf.Bytes()
}

// write replaces the cache file with data from encode, unless data is nil.
// Errors are ignored: a cache that cannot be written only costs time.
func (c *cache) write(data []byte) {
	if data == nil {
		return
	}
	if err := os.MkdirAll(filepath.Dir(c.path), 0o755); err != nil {
		return
	}
	tmp := c.path + ".tmp"
	if os.WriteFile(tmp, data, 0o644) == nil {
		os.Rename(tmp, c.path)
	}
}
