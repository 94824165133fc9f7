package cite

import (
	"bytes"
	"fmt"
)

// RIS returns w as one RIS record of type RPRT, lines ending in CRLF as
// the format's specification has them. RIS has no escapes: a value is
// the rest of its line, so line breaks inside a value become spaces.
func RIS(w *Work) []byte {
	var b bytes.Buffer
	tag := func(t, value string) {
		if value == "" {
			return
		}
		b.WriteString(t)
		b.WriteString("  - ")
		b.WriteString(oneLine(value))
		b.WriteString("\r\n")
	}
	tag("TY", "RPRT")
	tag("ID", w.Key)
	for _, a := range w.Issuers {
		tag("AU", a)
	}
	tag("TI", w.FullTitle())
	tag("T2", w.Event)
	tag("M3", w.Type)
	tag("CY", w.Place)
	tag("PY", fmt.Sprint(w.Start.Year))
	tag("DA", fmt.Sprintf("%04d/%02d/%02d/", w.Start.Year, w.Start.Month, w.Start.Day))
	tag("SN", w.Reference)
	tag("LA", w.Locale)
	tag("UR", w.URL)
	if w.Original != nil {
		tag("OP", w.Original.FullTitle())
		tag("N1", w.relation())
	}
	tag("L2", w.PublicationURL)
	b.WriteString("ER  - \r\n")
	return b.Bytes()
}
