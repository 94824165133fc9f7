package seedparse

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/regionaldialogue/site/tools/document"
)

// MaxSize is the largest seed accepted, in bytes. Word exports of
// documents of this family are a few kilobytes; anything this large is a
// wrong file.
const MaxSize = 10 << 20

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decode checks that data may be UTF-8 text and returns it without a byte
// order mark: not too large, not UTF-16, no NUL bytes. Its errors say what
// the file is instead and how to fix it. splitLines checks the UTF-8 as it
// reads the text, and notUTF8 makes the error.
func decode(file string, data []byte) (string, error) {
	if len(data) > MaxSize {
		return "", document.Errorf(file, 0, "file is %.1f MiB; a seed may be at most %d MiB", float64(len(data))/(1<<20), MaxSize>>20)
	}
	if isUTF16(data) {
		return "", document.Errorf(file, 1, "file is UTF-16 text, not UTF-8; convert it with: iconv -f UTF-16 -t UTF-8 %s > converted.txt && mv converted.txt %s", file, file)
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", document.Errorf(file, lineAt(data, i), "NUL byte at column %d: this is not a plain-text export", colAt(data, i))
	}
	return string(data), nil
}

// notUTF8 is the error for data, a seed without its byte order mark, whose
// first byte that is not UTF-8 is at offset i.
func notUTF8(file string, data []byte, i int) error {
	if looksWindows1251(data) {
		return document.Errorf(file, lineAt(data, i), "file is not UTF-8; it looks like Windows-1251 (Cyrillic); convert it with: iconv -f WINDOWS-1251 -t UTF-8 %s > converted.txt && mv converted.txt %s", file, file)
	}
	return document.Errorf(file, lineAt(data, i), "invalid UTF-8 at column %d (byte 0x%02X); save the file as UTF-8 text", colAt(data, i), data[i])
}

// isUTF16 reports whether data starts with a UTF-16 byte order mark, or
// has the high byte that UTF-16 text of ASCII (0x00) or Cyrillic (0x04)
// repeats in every other byte, where UTF-8 would not.
func isUTF16(data []byte) bool {
	if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		return true
	}
	n := min(len(data), 512) &^ 1
	if n < 8 {
		return false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 || data[i] == 4 && data[i+1] != 4 {
			even++
		}
		if data[i+1] == 0 || data[i+1] == 4 && data[i] != 4 {
			odd++
		}
	}
	half := n / 2
	return even*10 >= half*6 && odd*10 < half*2 || odd*10 >= half*6 && even*10 < half*2
}

// looksWindows1251 reports whether data reads as Windows-1251 Cyrillic: at
// least four in five of its non-ASCII bytes decode to Cyrillic letters.
func looksWindows1251(data []byte) bool {
	var high, cyr int
	dec := charmap.Windows1251.DecodeByte
	for _, b := range data {
		if b < 0x80 {
			continue
		}
		high++
		if r := dec(b); r >= 0x0400 && r <= 0x04FF {
			cyr++
		}
	}
	return high > 0 && cyr*5 >= high*4
}

// lineAt returns the 1-based line of byte offset i.
func lineAt(data []byte, i int) int { return bytes.Count(data[:i], []byte{'\n'}) + 1 }

// colAt returns the 1-based column of offset i in its line, in
// characters (an invalid byte counts as one).
func colAt(data []byte, i int) int {
	return utf8.RuneCount(data[bytes.LastIndexByte(data[:i], '\n')+1:i]) + 1
}
