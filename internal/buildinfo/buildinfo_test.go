package buildinfo

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

const sha = "0123456789abcdef0123456789abcdef01234567"

func vcs(rev, modified string) []debug.BuildSetting {
	return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name                string
		ldVersion, ldCommit string
		bi                  *debug.BuildInfo
		want                Info
	}{
		{name: "release build: the linker values win",
			ldVersion: "v1.2.3", ldCommit: sha,
			bi:   &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("ffffffffffffffffffffffffffffffffffffffff", "true")},
			want: Info{Version: "v1.2.3", Commit: sha}},
		{name: "go install at a tag",
			bi:   &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}},
			want: Info{Version: "v1.2.3"}},
		{name: "build from a clone",
			bi:   &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(sha, "false")},
			want: Info{Version: "dev-0123456789ab", Commit: sha}},
		{name: "build from a clone with changes",
			bi:   &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(sha, "true")},
			want: Info{Version: "dev-0123456789ab", Commit: sha, Modified: true}},
		{name: "linker version only keeps the recorded commit",
			ldVersion: "v1.2.3",
			bi:        &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(sha, "false")},
			want:      Info{Version: "v1.2.3", Commit: sha}},
		{name: "nothing recorded", want: Info{Version: "dev"}},
		{name: "short revision", bi: &debug.BuildInfo{Settings: vcs("abc", "false")}, want: Info{Version: "dev", Commit: "abc"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := resolve(tt.ldVersion, tt.ldCommit, tt.bi); got != tt.want {
				t.Errorf("resolve() = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestLine(t *testing.T) {
	platform := runtime.Version() + ", " + runtime.GOOS + "/" + runtime.GOARCH + ")"
	tests := []struct {
		in   Info
		want string
	}{
		{Info{Version: "v1.2.3", Commit: sha}, "hwfplan v1.2.3 (commit " + sha + ", " + platform},
		{Info{Version: "v1.2.3"}, "hwfplan v1.2.3 (commit unknown, " + platform},
		{Info{Version: "dev-0123456789ab", Commit: sha, Modified: true}, "hwfplan dev-0123456789ab (commit " + sha + ", modified, " + platform},
	}
	for _, tt := range tests {
		if got := tt.in.Line("hwfplan"); got != tt.want {
			t.Errorf("Line() = %q, want %q", got, tt.want)
		}
	}
}

// TestGet: the test binary itself is a build with no linker values.
func TestGet(t *testing.T) {
	in := Get()
	if in.Version == "" || strings.ContainsAny(in.Version, " \n") {
		t.Errorf("Get().Version = %q", in.Version)
	}
	if Version() != in.Version {
		t.Errorf("Version() = %q, Get().Version = %q", Version(), in.Version)
	}
}
