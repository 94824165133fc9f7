package pages

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The front matter is written by hand when every value allows it
// (appendFrontMatter) and by the yaml.v3 encoder otherwise
// (encodeFrontMatter). Both give the same bytes: the hand-written writer
// follows the encoder's rules for choosing a scalar's style (plain, single
// or double quoted) and gives up, leaving the page to the encoder, for any
// string whose encoding it does not know exactly. TestFrontMatter and
// FuzzScalar compare the two.

// encodeFrontMatter appends fm to buf with the yaml.v3 encoder, indented by
// two spaces.
func encodeFrontMatter(buf *bytes.Buffer, fm *frontMatter) error {
	enc := yaml.NewEncoder(buf)
	enc.SetIndent(2)
	if err := enc.Encode(fm); err != nil {
		return err
	}
	return enc.Close()
}

// appendFrontMatter appends fm to buf as encodeFrontMatter would and
// reports true, or reports false, leaving buf's contents past its length at
// the call unspecified, when a value is one it does not know how to write.
func appendFrontMatter(buf *bytes.Buffer, fm *frontMatter) bool {
	b := buf.AvailableBuffer()
	ok := true
	str := func(key, value string) {
		if !ok {
			return
		}
		b = append(b, key...)
		b = append(b, ':', ' ')
		b, ok = appendScalar(b, value)
		b = append(b, '\n')
	}
	optional := func(key, value string) {
		if value != "" {
			str(key, value)
		}
	}
	flag := func(key string, value, omitEmpty bool) {
		if omitEmpty && !value {
			return
		}
		b = append(b, key...)
		b = strconv.AppendBool(append(b, ':', ' '), value)
		b = append(b, '\n')
	}
	p := &fm.Params
	str("title", fm.Title)
	str("description", fm.Description)
	str("date", fm.Date)
	str("slug", fm.Slug)
	str("translationKey", fm.TranslationKey)
	b = append(b, "params:\n"...)
	flag("  generated", p.Generated, false)
	optional("  subtitle", p.Subtitle)
	str("  documentType", p.DocumentType)
	str("  place", p.Place)
	str("  eventStart", p.EventStart)
	str("  eventEnd", p.EventEnd)
	str("  source", p.Source)
	str("  sourceSHA256", p.SourceSHA256)
	optional("  dateLine", p.DateLine)
	str("  originalLanguage", p.OriginalLanguage)
	flag("  transliterated", p.Transliterated, true)
	flag("  translation", p.Translation, true)
	optional("  translationSource", p.TranslationSource)
	optional("  years", p.Years)
	optional("  places", p.Places)
	optional("  types", p.Types)
	if ok {
		buf.Write(b)
	}
	return ok
}

// appendScalar appends s as the yaml.v3 encoder writes a string value of a
// block mapping, and reports true; or it reports false when s is outside
// the strings it handles: the empty string, invalid UTF-8, and strings with
// a rune the encoder escapes or treats as a line break or tab (control
// characters, U+0080–U+009F, surrogates, U+FEFF, U+FFFE, U+FFFF, runes
// above U+FFFF, U+2028, U+2029). Within that domain no line is ever folded
// (the encoder's width is unlimited), and the encoder writes s:
//
//   - plain, when s would read back as a string and no indicator forbids it;
//   - single quoted (' doubled) when s would read back as a string but may
//     not be plain: leading or trailing space, "---" or "..." at the start,
//     an indicator character at the start, ": " or a final ':', " #";
//   - double quoted (" and \ escaped) when s would read back as another
//     type (a number, a date, a boolean, null).
func appendScalar(dst []byte, s string) ([]byte, bool) {
	if s == "" {
		return dst, false
	}
	// The same analysis as yaml_emitter_analyze_scalar, on the domain.
	block := len(s) >= 3 && (s[:3] == "---" || s[:3] == "...")
	quotes := false // s has a ' (single quoted) or a " or \ (double quoted)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch scalarByte[c] {
			case controlByte:
				return dst, false
			case colonByte: // ": " or a final ':' (a mapping value indicator)
				block = block || i+1 == len(s) || s[i+1] == ' '
			case hashByte: // " #" (a comment)
				block = block || i == 0 || s[i-1] == ' '
			case quoteByte:
				quotes = true
			}
			i++
			continue
		}
		if c >= 0xC3 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			i += 2 // U+00C0–U+07FF (Cyrillic): printable, no break
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if size == 1 || !printable(r) || r == '\u2028' || r == '\u2029' {
			return dst, false // size 1: an invalid byte
		}
		i += size
	}
	// An indicator at the start.
	switch s[0] {
	case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		block = true
	case '?', ':', '-':
		block = block || len(s) == 1 || s[1] == ' '
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		block = true
	}

	switch {
	case !resolvesToString(s) || isBase60Float(s) || isOldBool(s):
		dst = append(dst, '"')
		if !quotes {
			dst = append(dst, s...)
		} else {
			for i := 0; i < len(s); i++ {
				if s[i] == '"' || s[i] == '\\' {
					dst = append(dst, '\\')
				}
				dst = append(dst, s[i])
			}
		}
		return append(dst, '"'), true
	case block:
		dst = append(dst, '\'')
		if !quotes {
			dst = append(dst, s...)
		} else {
			for i := 0; i < len(s); i++ {
				if s[i] == '\'' {
					dst = append(dst, '\'')
				}
				dst = append(dst, s[i])
			}
		}
		return append(dst, '\''), true
	}
	return append(dst, s...), true
}

// What an ASCII byte of a scalar is to appendScalar.
const (
	plainByte   = iota // nothing to note
	controlByte        // a control character: the encoder escapes it
	colonByte          // ':'
	hashByte           // '#'
	quoteByte          // ', " or \, which quoting must escape
)

var scalarByte = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case c < ' ' || c == 0x7F:
			t[c] = controlByte
		case c == ':':
			t[c] = colonByte
		case c == '#':
			t[c] = hashByte
		case c == '\'' || c == '"' || c == '\\':
			t[c] = quoteByte
		}
	}
	return t
}()

// printable reports whether the encoder writes the rune r ≥ U+0080 as it
// is (its is_printable): U+00A0–U+D7FF and U+E000–U+FFFD except U+FEFF.
func printable(r rune) bool {
	return r >= 0xA0 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD && r != 0xFEFF
}

// resolvesToString reports whether the non-empty s, written plain, would be
// read back as a string: the yaml.v3 resolver's rules for an untagged
// scalar, in the same order and with the same parsers.
func resolvesToString(s string) bool {
	hint := byte(0)
	switch c := s[0]; {
	case c == '+' || c == '-':
		hint = 'S'
	case c >= '0' && c <= '9':
		hint = 'D'
	case strings.IndexByte("yYnNtTfFoO~", c) >= 0:
		hint = 'M'
	case c == '.':
		hint = '.'
	}
	if hint == 0 {
		return true
	}
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE",
		"~", "null", "Null", "NULL",
		".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF",
		"+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return false
	}
	switch hint {
	case '.':
		_, err := strconv.ParseFloat(s, 64)
		return err != nil
	case 'D', 'S':
		if isTimestamp(s) {
			return false
		}
		plain := strings.ReplaceAll(s, "_", "")
		if !numberChars(plain) {
			// Nothing below can read it as a number.
			return true
		}
		if mayBeInt(plain) {
			if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
				return false
			}
			if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
				return false
			}
		}
		if floatChars(plain) && yamlStyleFloat.MatchString(plain) {
			if _, err := strconv.ParseFloat(plain, 64); err == nil {
				return false
			}
		}
		for _, p := range [...]struct {
			prefix, sign string
			base         int
		}{{"0b", "", 2}, {"-0b", "-", 2}, {"0o", "", 8}, {"-0o", "-", 8}} {
			if digits, ok := strings.CutPrefix(plain, p.prefix); ok {
				if _, err := strconv.ParseInt(p.sign+digits, p.base, 64); err == nil {
					return false
				}
				if p.sign == "" {
					if _, err := strconv.ParseUint(digits, p.base, 64); err == nil {
						return false
					}
				}
				break
			}
		}
	}
	return true
}

// yamlStyleFloat is the resolver's expression for a float.
var yamlStyleFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// numberChars reports whether s is made only of bytes that some number
// the resolver reads may hold: the digits of every base with their
// prefixes (0x, 0o, 0b), signs, and floatChars'.
func numberChars(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'f', c >= 'A' && c <= 'F',
			c == 'x', c == 'X', c == 'o', c == 'O', c == '+', c == '-', c == '.':
		default:
			return false
		}
	}
	return true
}

// mayBeInt reports whether strconv.ParseInt or ParseUint with base 0 may
// read s: a sign, then a base prefix (0x, 0o, 0b) or decimal digits only.
// When not, neither need run (and make an error): a hexadecimal hash such
// as a file's SHA-256 often starts with a digit.
func mayBeInt(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if len(s) >= 2 && s[0] == '0' && strings.IndexByte("xXoObB", s[1]) >= 0 {
		return true
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// floatChars reports whether s has only bytes that yamlStyleFloat can
// match: when not, the expression need not run.
func floatChars(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == '.', c == 'e', c == 'E', c == '+', c == '-':
		default:
			return false
		}
	}
	return true
}

// timestampFormats are the layouts the resolver reads as a timestamp.
var timestampFormats = [...]string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// isTimestamp reports whether the resolver reads s as a timestamp: four
// digits and a '-', then one of timestampFormats.
func isTimestamp(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	switch rest, ok := dateFirst(s[5:]); {
	case !ok:
		return false // no layout can match: spare time.Parse's errors
	case rest == "":
		// Only the date alone can match, and time.Parse would read it
		// so: the month must be 1–12 and the day one of the month's.
		y, _ := strconv.Atoi(s[:4])
		ms, ds, _ := strings.Cut(s[5:], "-")
		m, _ := strconv.Atoi(ms)
		d, _ := strconv.Atoi(ds)
		return m >= 1 && m <= 12 && d >= 1 && d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	}
	for _, format := range timestampFormats {
		if _, err := time.Parse(format, s); err == nil {
			return true
		}
	}
	return false
}

// dateFirst reports whether s, what follows "YYYY-", may continue as every
// layout of timestampFormats does after "2006-": a month and a day of one
// or two digits with a '-' between, then the end or a 'T', 't' or ' '. It
// returns what follows the day.
func dateFirst(s string) (rest string, ok bool) {
	i := 0
	for _, sep := range [...]byte{'-', 0} {
		n := 0
		for i < len(s) && n < 2 && s[i] >= '0' && s[i] <= '9' {
			i, n = i+1, n+1
		}
		if n == 0 {
			return "", false
		}
		if sep != 0 {
			if i == len(s) || s[i] != sep {
				return "", false
			}
			i++
		}
	}
	return s[i:], i == len(s) || s[i] == 'T' || s[i] == 't' || s[i] == ' '
}

// isBase60Float reports whether s is a YAML 1.1 sexagesimal float, which
// the encoder quotes.
func isBase60Float(s string) bool {
	if c := s[0]; !(c == '+' || c == '-' || c >= '0' && c <= '9') || strings.IndexByte(s, ':') < 0 {
		return false
	}
	return base60Float.MatchString(s)
}

var base60Float = regexp.MustCompile(`^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`)

// isOldBool reports whether s is a YAML 1.1 boolean, which the encoder
// quotes.
func isOldBool(s string) bool {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
		"n", "N", "no", "No", "NO", "off", "Off", "OFF":
		return true
	}
	return false
}

// writeFrontMatter appends fm to buf, by hand when it can.
func writeFrontMatter(buf *bytes.Buffer, fm *frontMatter) error {
	if appendFrontMatter(buf, fm) {
		return nil
	}
	return encodeFrontMatter(buf, fm)
}
