package main

import (
	"fmt"

	"github.com/regionaldialogue/site/tools/siteconfig"
)

// addressNote returns the line a build prints at its end when the site,
// built for base (the -baseURL flag or config.toml's), has no absolute
// address, and "" when it has one. Without an absolute address the
// templates leave out what must be absolute (canonical links, hreflang
// alternates, og:url, addresses in JSON-LD) and write no sitemap.
func addressNote(base string) string {
	if siteconfig.Base(base) != nil {
		return ""
	}
	return fmt.Sprintf("note: baseURL %q is not an absolute address, so the pages have no canonical link, hreflang or og:url and there is no sitemap; "+
		"set baseURL = \"https://your.host/path/\" in config.toml, or pass -baseURL https://your.host/path/", base)
}
