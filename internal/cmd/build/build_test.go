package build

import (
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/cmdutil/cmdtest"
)

func TestNewCmdBuildFlags(t *testing.T) {
	tests := []struct {
		args []string
		want Options
	}{
		{nil, Options{BaseURL: "/", RepoURL: "https://github.com/hwfplan/hwfplan", Branch: "main", Revisions: 10}},
		{[]string{"--pdf"}, Options{BaseURL: "/", RepoURL: "https://github.com/hwfplan/hwfplan", Branch: "main", Revisions: 10, PDF: true}},
		{[]string{"--out", "x", "--base-url", "https://example.org/hwf/", "--revisions", "0"},
			Options{Out: "x", BaseURL: "https://example.org/hwf/", RepoURL: "https://github.com/hwfplan/hwfplan", Branch: "main"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(nil, NewCmdBuild, tt.args)
			if err != nil {
				t.Fatal(err)
			}
			got.Factory = nil
			if *got != tt.want {
				t.Errorf("options = %+v, want %+v", *got, tt.want)
			}
		})
	}
}
