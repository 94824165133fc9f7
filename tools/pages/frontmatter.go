package pages

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// writeFrontMatter appends fm to buf as YAML, with the yaml.v3 encoder,
// indented by two spaces.
func writeFrontMatter(buf *bytes.Buffer, fm *frontMatter) error {
	enc := yaml.NewEncoder(buf)
	enc.SetIndent(2)
	if err := enc.Encode(fm); err != nil {
		return err
	}
	return enc.Close()
}
