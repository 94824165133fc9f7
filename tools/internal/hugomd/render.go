// Package hugomd renders Markdown as the site's Hugo does, for tests: with
// Hugo's own goldmark converter (the pinned github.com/gohugoio/hugo) and
// the repository's config.toml, and reads the rendered blocks back with
// their ids and text. It is not used to build the site: Hugo does that.
package hugomd

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/testconfig"
	"github.com/gohugoio/hugo/markup/converter"
	"github.com/gohugoio/hugo/markup/converter/hooks"
	"github.com/gohugoio/hugo/markup/goldmark"
)

// provider is Hugo's goldmark converter configured by config.toml.
var provider = sync.OnceValues(func() (converter.Provider, error) {
	_, here, _, _ := runtime.Caller(0)
	raw, err := os.ReadFile(filepath.Join(filepath.Dir(here), "..", "..", "..", "config.toml"))
	if err != nil {
		return nil, err
	}
	conf := testconfig.GetTestConfig(nil, config.FromTOMLConfigString(string(raw)))
	return goldmark.Provider.New(converter.ProviderConfig{Logger: loggers.NewDefault(), Conf: conf})
})

// Render renders a Markdown page body to HTML as Hugo renders it with the
// site's configuration and no render hooks (the site has none; Hugo's
// embedded hooks only change links, images, tables and code blocks, which
// these tests never render).
func Render(md []byte) ([]byte, error) {
	p, err := provider()
	if err != nil {
		return nil, fmt.Errorf("hugo's goldmark: %w", err)
	}
	conv, err := p.New(converter.DocumentContext{DocumentID: "hugomd"})
	if err != nil {
		return nil, err
	}
	noHooks := func(hooks.RendererType, any) any { return nil }
	res, err := conv.Convert(converter.RenderContext{Src: md, GetRenderer: noHooks})
	if err != nil {
		return nil, err
	}
	return res.Bytes(), nil
}
