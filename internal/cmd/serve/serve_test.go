package serve

import (
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/cmdutil/cmdtest"
)

func TestNewCmdServeFlags(t *testing.T) {
	tests := []struct {
		args []string
		want Options
	}{
		{nil, Options{Port: 1313, RepoURL: "https://github.com/hwfplan/hwfplan", Branch: "main"}},
		{[]string{"--port", "8080", "--repo-url", "https://x.example/p", "--branch", "dev"}, Options{Port: 8080, RepoURL: "https://x.example/p", Branch: "dev"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(nil, NewCmdServe, tt.args)
			if err != nil {
				t.Fatal(err)
			}
			if got.Port != tt.want.Port || got.RepoURL != tt.want.RepoURL || got.Branch != tt.want.Branch {
				t.Errorf("options = %+v, want %+v", *got, tt.want)
			}
		})
	}
}
