// Package schemacheck validates JSON against a JSON Schema file, for the
// tests: the site's data is checked where it is tested, and the site
// command does not link a schema validator.
package schemacheck

import (
	"bytes"
	"os"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var (
	mu       sync.Mutex
	compiled = map[string]*jsonschema.Schema{}
)

// Validate reports whether data is what the JSON Schema in the file
// schema describes.
func Validate(schema string, data []byte) error {
	mu.Lock()
	s, ok := compiled[schema]
	mu.Unlock()
	if !ok {
		raw, err := os.ReadFile(schema)
		if err != nil {
			return err
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			return err
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err := c.AddResource("schema.json", doc); err != nil {
			return err
		}
		if s, err = c.Compile("schema.json"); err != nil {
			return err
		}
		mu.Lock()
		compiled[schema] = s
		mu.Unlock()
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return s.Validate(v)
}
