package main

import (
	"fmt"
	"net/url"

	"github.com/regionaldialogue/site/tools/publish"
)

// addressNote returns the line a build prints at its end when the site
// has no absolute address, and "" when it has one. The address is
// override (the -baseURL flag) when not empty, else config.toml's
// baseURL in root. Without an absolute address the templates leave out
// what must be absolute (canonical links, hreflang alternates, og:url,
// addresses in JSON-LD) and write no sitemap.
func addressNote(root, override string) (string, error) {
	base, err := publish.ResolveBaseURL(root, override)
	if err != nil {
		return "", err
	}
	if u, err := url.Parse(base); err == nil && u.IsAbs() && u.Host != "" {
		return "", nil
	}
	return fmt.Sprintf("note: baseURL %q is not an absolute address, so the pages have no canonical link, hreflang or og:url and there is no sitemap; "+
		"set baseURL = \"https://your.host/path/\" in config.toml, or pass -baseURL https://your.host/path/", base), nil
}
