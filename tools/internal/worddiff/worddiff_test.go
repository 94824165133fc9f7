package worddiff

import "testing"

func TestFirst(t *testing.T) {
	for _, c := range []struct {
		a, b []string
		i    int
		diff bool
	}{
		{nil, nil, 0, false},
		{[]string{"a", "b"}, []string{"a", "b"}, 2, false},
		{[]string{"a", "b"}, []string{"a", "c"}, 1, true},
		{[]string{"a"}, []string{"a", "b"}, 1, true},
		{[]string{"x", "b"}, []string{"a"}, 0, true},
	} {
		if i, diff := First(c.a, c.b); i != c.i || diff != c.diff {
			t.Errorf("First(%q, %q) = %d, %v; want %d, %v", c.a, c.b, i, diff, c.i, c.diff)
		}
	}
}

func TestAround(t *testing.T) {
	w := []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}
	for i, want := range map[int]string{
		0:  "0 1 2 3 4 5",
		6:  "1 2 3 4 5 6 7 8 9 10 11",
		12: "7 8 9 10 11 12",
		13: "8 9 10 11 12",
		20: "(end)",
	} {
		if got := Around(w, i); got != want {
			t.Errorf("Around(w, %d) = %q, want %q", i, got, want)
		}
	}
}
