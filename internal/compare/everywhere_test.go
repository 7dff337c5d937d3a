package compare

import (
	"strings"
	"testing"
)

func TestEverywhere(t *testing.T) {
	stats := func(means ...float64) []TaskStats {
		var out []TaskStats
		for _, m := range means {
			out = append(out, TaskStats{AsIs: Stats{Mean: Some(m)}})
		}
		return out
	}
	r := func(cs ...ClusterStats) *Result {
		return &Result{Tasks: []TaskInfo{{ID: "a"}, {ID: "b"}}, CrossCluster: CrossCluster{Clusters: cs}}
	}
	tests := []struct {
		name     string
		r        *Result
		low, hig string
	}{
		{"same order on both tasks", r(ClusterStats{Cluster: "x", Tasks: stats(0.2, 0.3)}, ClusterStats{Cluster: "y", Tasks: stats(0.5, 0.6)}), "x", "y"},
		{"order changes", r(ClusterStats{Cluster: "x", Tasks: stats(0.2, 0.7)}, ClusterStats{Cluster: "y", Tasks: stats(0.5, 0.6)}), "", ""},
		{"tie for lowest", r(ClusterStats{Cluster: "x", Tasks: stats(0.2, 0.3)}, ClusterStats{Cluster: "y", Tasks: stats(0.2, 0.6)}, ClusterStats{Cluster: "z", Tasks: stats(0.9, 0.9)}), "", "z"},
		{"one cluster", r(ClusterStats{Cluster: "x", Tasks: stats(0.2, 0.3)}), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := everywhere(tt.r, -1); got != tt.low {
				t.Errorf("lowest = %q, want %q", got, tt.low)
			}
			if got := everywhere(tt.r, 1); got != tt.hig {
				t.Errorf("highest = %q, want %q", got, tt.hig)
			}
		})
	}
}

func TestStandingTies(t *testing.T) {
	country := func(vals ...float64) *Result {
		c := Country{Code: "AA"}
		for i, v := range vals {
			c.Tasks = append(c.Tasks, TaskScore{Task: string(rune('a' + i)), AsIs: Some(v), Gap: Some(0)})
		}
		return &Result{Countries: []Country{c}}
	}
	s := country(0.5, 0.8, 0.5, 0.8).Standing("AA")
	if strings.Join(s.Strongest, " ") != "b d" || strings.Join(s.Weakest, " ") != "a c" || s.LargestGap != "" {
		t.Errorf("ties: strongest %v weakest %v largest gap %q", s.Strongest, s.Weakest, s.LargestGap)
	}
	if s := country(0.5, 0.5).Standing("AA"); len(s.Strongest) != 0 || len(s.Weakest) != 0 {
		t.Errorf("all equal: strongest %v weakest %v, want none", s.Strongest, s.Weakest)
	}
}

func TestClusterRangeEqualMeans(t *testing.T) {
	r := &Result{Tasks: []TaskInfo{{ID: "a"}}, CrossCluster: CrossCluster{Clusters: []ClusterStats{
		{Cluster: "x", Tasks: []TaskStats{{AsIs: Stats{Mean: Some(0.4)}}}},
		{Cluster: "y", Tasks: []TaskStats{{AsIs: Stats{Mean: Some(0.4)}}}},
	}}}
	rs := clusterRanges(r)
	if len(rs) != 1 || rs[0].Low != "x" || rs[0].High != "y" || rs[0].Range.Value != 0 {
		t.Errorf("equal means: %+v, want low x, high y, range 0", rs)
	}
}
