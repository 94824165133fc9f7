// Package ziptime gives a ZIP entry's date and time of day in the format
// the entry's header stores them (MS-DOS: two-second steps, years from
// 1980), for the two ZIPs the build writes, the e-books and the offline
// copy. Both set the header's ModifiedDate and ModifiedTime themselves:
// zip.Writer.CreateRaw does not fill them in from FileHeader.Modified,
// and leaving Modified zero keeps archive/zip from adding an extended
// timestamp field, which an EPUB's mimetype entry must not have.
package ziptime

import "time"

// DOS returns t, in UTC, as a ZIP header's MS-DOS date and time of day.
func DOS(t time.Time) (date, clock uint16) {
	t = t.UTC()
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}
