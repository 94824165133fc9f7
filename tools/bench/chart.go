package main

import (
	"bytes"
	"fmt"
	"html"
	"math"
)

// The chart's geometry, in SVG user units.
const (
	chartWidth   = 760
	chartHeight  = 430
	plotLeft     = 72
	plotTop      = 46
	plotRight    = 540 // the legend sits to the right
	plotBottom   = 370
	legendLeft   = 560
	legendTop    = 70
	legendRowGap = 26
)

// seriesStyle gives each build a colour (Okabe and Ito's palette, which
// colour-blind readers can tell apart; a lighter variant on dark
// backgrounds), a dash pattern and a marker, so that the lines differ in
// more than colour.
var seriesStyle = []struct {
	light, dark, dash, marker string
}{
	{"#0072b2", "#56b4e9", "", "circle"},
	{"#009e73", "#2fd8a8", "2 4", "square"},
	{"#d55e00", "#ff8c42", "", "diamond"},
	{"#7a4fa3", "#cc99e8", "8 4", "triangle"},
	{"#a07000", "#f0c040", "3 3", "cross"},
}

// Chart draws the median wall time of every build against N, both on log
// scales, as a self-contained SVG that reads on light and dark
// backgrounds (prefers-color-scheme).
func Chart(rep *Report) []byte {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	// The axes' ranges: whole decades around the data.
	minN, maxN := math.Inf(1), math.Inf(-1)
	minT, maxT := math.Inf(1), math.Inf(-1)
	for _, pt := range rep.Points {
		minN, maxN = math.Min(minN, float64(pt.N)), math.Max(maxN, float64(pt.N))
		for _, build := range Builds {
			if t := pt.Median(build).Wall.Seconds(); t > 0 {
				minT, maxT = math.Min(minT, t), math.Max(maxT, t)
			}
		}
	}
	if math.IsInf(minN, 0) {
		minN, maxN, minT, maxT = 100, 10000, 0.1, 10
	}
	if math.IsInf(minT, 0) {
		minT, maxT = 0.1, 10
	}
	x0, x1 := math.Floor(math.Log10(minN)), math.Ceil(math.Log10(maxN))
	if x1 == x0 {
		x1++
	}
	y0, y1 := math.Floor(math.Log10(minT)), math.Ceil(math.Log10(maxT))
	if y1 == y0 {
		y1++
	}
	xOf := func(n float64) float64 {
		return plotLeft + (math.Log10(n)-x0)/(x1-x0)*(plotRight-plotLeft)
	}
	yOf := func(t float64) float64 {
		return plotBottom - (math.Log10(t)-y0)/(y1-y0)*(plotBottom-plotTop)
	}

	p(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="title desc" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="13">`+"\n",
		chartWidth, chartHeight, chartWidth, chartHeight)
	p("<title id=\"title\">Build time against the number of documents</title>\n")
	p("<desc id=\"desc\">Median wall time in seconds (log scale) against the number of synthetic seeds N (log scale), for each measured build.")
	for _, pt := range rep.Points {
		p(" N=%d:", pt.N)
		for _, build := range Builds {
			p(" %s %.2f s;", html.EscapeString(build), pt.Median(build).Wall.Seconds())
		}
	}
	p("</desc>\n")
	p("<style>\n")
	p(".bg{fill:#ffffff}.fg{fill:#1f2328}.axis{stroke:#1f2328;stroke-width:1}.grid{stroke:#d0d7de;stroke-width:1}.minor{stroke:#eaeef2;stroke-width:1}\n")
	p(".line{fill:none;stroke-width:2.5;stroke-linejoin:round;stroke-linecap:round}\n")
	for i, s := range seriesStyle {
		p(".s%d{stroke:%s}.m%d{fill:%s;stroke:%s}\n", i, s.light, i, s.light, s.light)
	}
	p("@media (prefers-color-scheme: dark){\n")
	p(".bg{fill:#0d1117}.fg{fill:#e6edf3}.axis{stroke:#e6edf3}.grid{stroke:#3d444d}.minor{stroke:#21262d}\n")
	for i, s := range seriesStyle {
		p(".s%d{stroke:%s}.m%d{fill:%s;stroke:%s}\n", i, s.dark, i, s.dark, s.dark)
	}
	p("}\n</style>\n")
	p(`<rect class="bg" width="%d" height="%d" rx="6"/>`+"\n", chartWidth, chartHeight)
	p(`<text class="fg" x="%d" y="26" font-size="15" font-weight="600">Build time against the number of documents (median of %d runs)</text>`+"\n", plotLeft, rep.Runs)

	// Grid and tick labels: decades, with 2 and 5 between them (labelled
	// on the time axis only).
	for _, t := range logTicks(y0, y1) {
		y := yOf(t.value)
		p(`<line class="%s" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/>`+"\n", t.class(), plotLeft, plotRight, y, y)
		p(`<text class="fg" x="%d" y="%.1f" text-anchor="end" dominant-baseline="middle">%s</text>`+"\n", plotLeft-8, y, secondsLabel(t.value))
	}
	for _, t := range logTicks(x0, x1) {
		x := xOf(t.value)
		p(`<line class="%s" x1="%.1f" x2="%.1f" y1="%d" y2="%d"/>`+"\n", t.class(), x, x, plotTop, plotBottom)
		if t.decade {
			p(`<text class="fg" x="%.1f" y="%d" text-anchor="middle">%s</text>`+"\n", x, plotBottom+20, thousands(int(t.value)))
		}
	}
	p(`<line class="axis" x1="%d" x2="%d" y1="%d" y2="%d"/>`+"\n", plotLeft, plotRight, plotBottom, plotBottom)
	p(`<line class="axis" x1="%d" x2="%d" y1="%d" y2="%d"/>`+"\n", plotLeft, plotLeft, plotTop, plotBottom)
	p(`<text class="fg" x="%d" y="%d" text-anchor="middle">N, synthetic seeds (log scale)</text>`+"\n", (plotLeft+plotRight)/2, plotBottom+44)
	p(`<text class="fg" transform="translate(18 %d) rotate(-90)" text-anchor="middle">wall time, seconds (log scale)</text>`+"\n", (plotTop+plotBottom)/2)

	// One line per build, and the legend.
	for i, build := range Builds {
		st := seriesStyle[i%len(seriesStyle)]
		dash := ""
		if st.dash != "" {
			dash = fmt.Sprintf(` stroke-dasharray="%s"`, st.dash)
		}
		var path bytes.Buffer
		var marks [][2]float64
		for _, pt := range rep.Points {
			t := pt.Median(build).Wall.Seconds()
			if t <= 0 {
				continue
			}
			x, y := xOf(float64(pt.N)), yOf(t)
			if path.Len() == 0 {
				fmt.Fprintf(&path, "M%.1f %.1f", x, y)
			} else {
				fmt.Fprintf(&path, " L%.1f %.1f", x, y)
			}
			marks = append(marks, [2]float64{x, y})
		}
		p(`<g><title>%s</title>`+"\n", html.EscapeString(build))
		if path.Len() > 0 {
			p(`<path class="line s%d" d="%s"%s/>`+"\n", i, path.String(), dash)
		}
		for _, m := range marks {
			p("%s\n", marker(st.marker, i, m[0], m[1]))
		}
		p("</g>\n")
		ly := float64(legendTop + i*legendRowGap)
		p(`<line class="line s%d" x1="%d" x2="%d" y1="%.1f" y2="%.1f"%s/>`+"\n", i, legendLeft, legendLeft+36, ly, ly, dash)
		p("%s\n", marker(st.marker, i, legendLeft+18, ly))
		p(`<text class="fg" x="%d" y="%.1f" dominant-baseline="middle">%s</text>`+"\n", legendLeft+46, ly, html.EscapeString(build))
	}
	p("</svg>\n")
	return b.Bytes()
}

// marker draws series i's marker of the given shape centred on x, y.
func marker(shape string, i int, x, y float64) string {
	switch shape {
	case "square":
		return fmt.Sprintf(`<rect class="m%d" x="%.1f" y="%.1f" width="8" height="8"/>`, i, x-4, y-4)
	case "diamond":
		return fmt.Sprintf(`<path class="m%d" d="M%.1f %.1f l5 5 l-5 5 l-5 -5 z"/>`, i, x, y-5)
	case "triangle":
		return fmt.Sprintf(`<path class="m%d" d="M%.1f %.1f l5 9 l-10 0 z"/>`, i, x, y-5.5)
	case "cross":
		return fmt.Sprintf(`<path class="m%d" d="M%.1f %.1f l8 8 m0 -8 l-8 8" stroke-width="2.5" fill="none"/>`, i, x-4, y-4)
	default:
		return fmt.Sprintf(`<circle class="m%d" cx="%.1f" cy="%.1f" r="4.5"/>`, i, x, y)
	}
}

// secondsLabel labels a tick of the time axis: 0.01 s … 100 s.
func secondsLabel(t float64) string {
	switch {
	case t >= 1:
		return fmt.Sprintf("%.0f s", t)
	case t >= 0.1:
		return fmt.Sprintf("%.1f s", t)
	case t >= 0.01:
		return fmt.Sprintf("%.2f s", t)
	default:
		return fmt.Sprintf("%.3f s", t)
	}
}

// A tick on a logarithmic axis: a power of ten (decade) or 2 or 5 times one.
type tick struct {
	value  float64
	decade bool
}

// class is the tick's grid line's CSS class.
func (t tick) class() string {
	if t.decade {
		return "grid"
	}
	return "minor"
}

// logTicks returns 1, 2 and 5 times each power of ten from 10^lo, up to
// 10^hi, in order.
func logTicks(lo, hi float64) []tick {
	var ticks []tick
	for e := lo; e <= hi; e++ {
		for _, k := range []float64{1, 2, 5} {
			v := k * math.Pow(10, e)
			if math.Log10(v) > hi+1e-9 {
				continue
			}
			ticks = append(ticks, tick{value: v, decade: k == 1})
		}
	}
	return ticks
}
