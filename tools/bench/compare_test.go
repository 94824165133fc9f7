package main

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestCompareTable(t *testing.T) {
	sec := func(s float64) []Sample { return []Sample{{Wall: time.Duration(s * float64(time.Second))}} }
	point := func(n int, pipeline, without, floor, floorWithout float64) *Point {
		p := &Point{N: n, Samples: map[string][]Sample{Pipeline: sec(pipeline), Floor: sec(floor)}}
		if without > 0 {
			p.Samples[PipelineNoCompare] = sec(without)
			p.Samples[FloorNoCompare] = sec(floorWithout)
		}
		return p
	}
	for _, tc := range []struct {
		name    string
		points  []*Point
		rows    [][]string
		verdict string
	}{
		{"not measured", []*Point{point(100, 2, 0, 1, 0)}, nil, ""},
		{"below the target", []*Point{point(100, 2, 1.6, 1, 0.8), point(10000, 100, 80, 50, 30)},
			[][]string{{"100", "2.00 s", "1.60 s", "+25%", "1.00 s", "0.80 s", "+25%"}, {"10,000", "100 s", "80.0 s", "+25%", "50.0 s", "30.0 s", "+67%"}},
			"PASS: the whole build with the parallel views is 1.25 times the build without them (target ≤ 1.30)"},
		{"over the target", []*Point{point(10000, 140, 100, 50, 30)},
			[][]string{{"10,000", "140 s", "100 s", "+40%", "50.0 s", "30.0 s", "+67%"}},
			"MISS: the whole build with the parallel views is 1.40 times the build without them (target ≤ 1.30)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := compareTable(tc.points).rows
			if !slices.EqualFunc(got, tc.rows, slices.Equal) {
				t.Errorf("rows\n got  %q\n want %q", got, tc.rows)
			}
			if v := compareVerdict(tc.points); v != tc.verdict {
				t.Errorf("verdict\n got  %q\n want %q", v, tc.verdict)
			}
			var b strings.Builder
			WriteCompareTable(&b, tc.points)
			if (b.Len() > 0) != (len(tc.rows) > 0) {
				t.Errorf("text table %q for %d rows", b.String(), len(tc.rows))
			}
		})
	}
}
