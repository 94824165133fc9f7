package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
)

// Page is one page Lighthouse measures: its kind, and its path under the
// site's address.
type Page struct {
	Kind, Path string
}

// Categories are the Lighthouse categories measured, in the order of the
// table.
var Categories = []string{"performance", "accessibility", "best-practices", "seo"}

// Result is what one Lighthouse run found on a page: each category's
// score, 0 to 100, and the Largest Contentful Paint in milliseconds.
type Result struct {
	Scores map[string]int
	LCP    float64
	// Failed are the audits that count against a score (weight > 0,
	// score < 1), by category.
	Failed map[string][]string
}

// ParseReport reads a Lighthouse JSON report (--output=json).
func ParseReport(r io.Reader) (Result, error) {
	var rep struct {
		Categories map[string]struct {
			Score     *float64 `json:"score"`
			AuditRefs []struct {
				ID     string  `json:"id"`
				Weight float64 `json:"weight"`
			} `json:"auditRefs"`
		} `json:"categories"`
		Audits map[string]struct {
			Score        *float64 `json:"score"`
			NumericValue *float64 `json:"numericValue"`
		} `json:"audits"`
		RuntimeError *struct {
			Code, Message string
		} `json:"runtimeError"`
	}
	if err := json.NewDecoder(r).Decode(&rep); err != nil {
		return Result{}, err
	}
	if rep.RuntimeError != nil {
		return Result{}, fmt.Errorf("lighthouse: %s: %s", rep.RuntimeError.Code, rep.RuntimeError.Message)
	}
	res := Result{Scores: map[string]int{}, Failed: map[string][]string{}}
	for _, c := range Categories {
		cat, ok := rep.Categories[c]
		if !ok || cat.Score == nil {
			return Result{}, fmt.Errorf("no score for %s", c)
		}
		res.Scores[c] = int(math.Round(*cat.Score * 100))
		for _, ref := range cat.AuditRefs {
			if a, ok := rep.Audits[ref.ID]; ok && ref.Weight > 0 && a.Score != nil && *a.Score < 1 {
				res.Failed[c] = append(res.Failed[c], ref.ID)
			}
		}
	}
	lcp := rep.Audits["largest-contentful-paint"].NumericValue
	if lcp == nil {
		return Result{}, fmt.Errorf("no largest-contentful-paint")
	}
	res.LCP = *lcp
	return res, nil
}

// median returns the median of xs (the lower middle for an even count).
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[(len(s)-1)/2]
}

// WriteTable writes, for each page, the median of its runs' scores and
// LCP as a Markdown table, the audits that failed in any run, and the
// ratio of the "document" page's LCP to the "trivial page"'s.
func WriteTable(w io.Writer, pages []Page, results [][]Result) error {
	fmt.Fprintf(w, "| page | path | performance | accessibility | best practices | SEO | LCP |\n")
	fmt.Fprintf(w, "|---|---|---:|---:|---:|---:|---:|\n")
	lcp := map[string]float64{}
	var notes []string
	for i, p := range pages {
		rs := results[i]
		if len(rs) == 0 {
			return fmt.Errorf("%s: no results", p.Kind)
		}
		fmt.Fprintf(w, "| %s | `/%s` |", p.Kind, p.Path)
		for _, c := range Categories {
			var xs []float64
			for _, r := range rs {
				xs = append(xs, float64(r.Scores[c]))
			}
			fmt.Fprintf(w, " %.0f |", median(xs))
		}
		var xs []float64
		failed := map[string]bool{}
		for _, r := range rs {
			xs = append(xs, r.LCP)
			for _, c := range Categories {
				for _, a := range r.Failed[c] {
					if !failed[c+": "+a] {
						failed[c+": "+a] = true
						notes = append(notes, fmt.Sprintf("%s: %s: %s", p.Kind, c, a))
					}
				}
			}
		}
		lcp[p.Kind] = median(xs)
		fmt.Fprintf(w, " %.0f ms |\n", lcp[p.Kind])
	}
	if len(notes) > 0 {
		fmt.Fprintf(w, "\nAudits that failed in a run:\n\n")
		for _, n := range notes {
			fmt.Fprintf(w, "- %s\n", n)
		}
	}
	doc, trivial := lcp["document"], lcp["trivial page"]
	if doc > 0 && trivial > 0 {
		fmt.Fprintf(w, "\nLCP of the document page / the trivial page: %.0f / %.0f ms = %.2f (target ≤ 1.10)\n", doc, trivial, doc/trivial)
	}
	return nil
}
