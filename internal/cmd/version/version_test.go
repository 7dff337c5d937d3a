package version_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/cmd/root"
	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/iostreams"
	"go.yaml.in/yaml/v3"
)

func run(t *testing.T, args ...string) string {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	f := cmdutil.New("v1.2.3")
	f.IOStreams = ios
	cmd := root.NewCmdRoot(f, root.Renderers{})
	cmd.SetArgs(args)
	if err := cmd.Execute(); err != nil {
		t.Fatalf("hwfplan %v: %v\n%s", args, err, errOut)
	}
	return out.String()
}

// TestVersionFlagSameLine: hwfplan --version prints what hwfplan version prints.
func TestVersionFlagSameLine(t *testing.T) {
	cmd, flag := run(t, "version"), run(t, "--version")
	if cmd != flag {
		t.Errorf("hwfplan version printed %q, hwfplan --version %q", cmd, flag)
	}
	if !strings.HasPrefix(cmd, "hwfplan v1.2.3 (commit ") || !strings.HasSuffix(cmd, runtime.GOOS+"/"+runtime.GOARCH+")\n") {
		t.Errorf("hwfplan version printed %q", cmd)
	}
}

type goreleaser struct {
	Builds []struct {
		ID      string   `yaml:"id"`
		Main    string   `yaml:"main"`
		Binary  string   `yaml:"binary"`
		Goos    []string `yaml:"goos"`
		Goarch  []string `yaml:"goarch"`
		Ldflags []string `yaml:"ldflags"`
	} `yaml:"builds"`
}

// TestReleaseBuild builds hwfplan with the release build's ldflags from
// .goreleaser.yaml (templates filled in as GoReleaser would) and checks that
// version and --version print the release and the commit: a renamed variable in
// internal/buildinfo, or a typo in the config, fails here rather than in a
// release that prints "dev".
func TestReleaseBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds hwfplan")
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "..", ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg goreleaser
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatalf(".goreleaser.yaml: %v", err)
	}
	mains := map[string]string{}
	var ldflags []string
	for _, b := range cfg.Builds {
		mains[b.Binary] = b.Main
		slices.Sort(b.Goos)
		slices.Sort(b.Goarch)
		if !slices.Equal(b.Goos, []string{"darwin", "linux", "windows"}) || !slices.Equal(b.Goarch, []string{"amd64", "arm64"}) {
			t.Errorf("build %s: goos %v, goarch %v; want Linux, macOS and Windows on amd64 and arm64", b.ID, b.Goos, b.Goarch)
		}
		if b.Binary == "hwfplan" {
			ldflags = b.Ldflags
		} else if !slices.Equal(b.Ldflags, ldflags) {
			t.Errorf("build %s: ldflags %v differ from hwfplan's %v", b.ID, b.Ldflags, ldflags)
		}
	}
	if mains["hwfplan"] != "./cmd/hwfplan" || mains["hwfplan-site"] != "./cmd/hwfplan-site" || len(mains) != 2 {
		t.Fatalf("builds %v; want hwfplan from ./cmd/hwfplan and hwfplan-site from ./cmd/hwfplan-site", mains)
	}
	const sha = "0123456789abcdef0123456789abcdef01234567"
	flags := strings.NewReplacer("{{ .Version }}", "9.8.7", "{{ .FullCommit }}", sha).Replace(strings.Join(ldflags, " "))
	if strings.Contains(flags, "{{") {
		t.Fatalf("ldflags %q use a template this test does not fill in", flags)
	}
	bin := filepath.Join(t.TempDir(), "hwfplan")
	build := exec.Command("go", "build", "-trimpath", "-ldflags", flags, "-o", bin, "./cmd/hwfplan")
	build.Dir = filepath.Join("..", "..", "..")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	want := "hwfplan v9.8.7 (commit " + sha + ", " + runtime.Version() + ", " + runtime.GOOS + "/" + runtime.GOARCH + ")\n"
	for _, arg := range []string{"version", "--version"} {
		out, err := exec.Command(bin, arg).CombinedOutput()
		if err != nil {
			t.Fatalf("hwfplan %s: %v\n%s", arg, err, out)
		}
		if string(out) != want {
			t.Errorf("hwfplan %s printed %q, want %q", arg, out, want)
		}
	}
}
