package workflowlint

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestAction runs the install step of the repository's GitHub Action (action.yml)
// with bash against a fake release: a fake curl serves the archives and
// checksums.txt from a folder, as GitHub's release downloads would.

const fakeHwfplan = "#!/bin/sh\necho \"hwfplan $0 $*\"\n"

// fakeCurl serves https://github.com/hwfplan/hwfplan/releases/download/TAG/NAME
// from $dir/release/TAG/NAME, and answers the latest release's redirect with
// $dir/release/latest (a tag name).
const fakeCurl = `#!/usr/bin/env bash
dir=$(dirname "$0")
out= fmt= url=
while [ $# -gt 0 ]; do
  case $1 in
    -o) out=$2; shift 2 ;;
    -w) fmt=$2; shift 2 ;;
    --retry) shift 2 ;;
    -*) shift ;;
    *) url=$1; shift ;;
  esac
done
echo "$url" >> "$dir/calls.log"
prefix=https://github.com/hwfplan/hwfplan/releases
if [ "$url" = "$prefix/latest" ]; then
  [ "$fmt" = '%{url_effective}' ] || exit 2
  printf '%s' "$prefix/tag/$(cat "$dir/release/latest")"
  exit 0
fi
case $url in
  "$prefix/download/"*) file="$dir/release/${url#"$prefix/download/"}" ;;
  *) echo "curl: (6) Could not resolve host" >&2; exit 6 ;;
esac
[ -f "$file" ] || { echo "curl: (22) The requested URL returned error: 404" >&2; exit 22; }
cp "$file" "$out"
`

func installScript(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Runs struct {
			Using string `yaml:"using"`
			Steps []struct {
				ID    string `yaml:"id"`
				Shell string `yaml:"shell"`
				Run   string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatal(err)
	}
	if action.Runs.Using != "composite" {
		t.Fatalf("action.yml: runs.using %q, want composite", action.Runs.Using)
	}
	for _, s := range action.Runs.Steps {
		if s.ID == "install" && s.Shell == "bash" {
			return s.Run
		}
	}
	t.Fatal("action.yml has no bash step with id install")
	return ""
}

func tarGz(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for name, body := range files {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o755, Size: int64(len(body))}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func zipFiles(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, body := range files {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate}
		h.SetMode(0o755)
		f, err := w.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type actionRun struct {
	err             error
	out, path, outs string
	calls           []string
	temp            string
}

// runInstall lays out a release v1.2.3 (and latest = v1.2.3), lets tamper
// change it, and runs the install step with env on top of a Linux X64 runner's.
func runInstall(t *testing.T, script string, tamper func(release string), env ...string) actionRun {
	t.Helper()
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	release := filepath.Join(bin, "release")
	temp := filepath.Join(dir, "runner-temp")
	for _, d := range []string{filepath.Join(release, "v1.2.3"), temp} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	archives := map[string][]byte{}
	for _, p := range []string{"linux_amd64", "linux_arm64", "darwin_amd64", "darwin_arm64"} {
		archives["hwfplan_"+p+".tar.gz"] = tarGz(t, map[string]string{"hwfplan": fakeHwfplan, "hwfplan-site": fakeHwfplan, "README.md": "readme"})
	}
	for _, p := range []string{"windows_amd64", "windows_arm64"} {
		archives["hwfplan_"+p+".zip"] = zipFiles(t, map[string]string{"hwfplan.exe": fakeHwfplan, "hwfplan-site.exe": fakeHwfplan, "README.md": "readme"})
	}
	var sums strings.Builder
	for name, data := range archives {
		fmt.Fprintf(&sums, "%x  %s\n", sha256.Sum256(data), name)
		if err := os.WriteFile(filepath.Join(release, "v1.2.3", name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range map[string]string{"v1.2.3/checksums.txt": sums.String(), "latest": "v1.2.3"} {
		if err := os.WriteFile(filepath.Join(release, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if tamper != nil {
		tamper(release)
	}
	if err := os.WriteFile(filepath.Join(bin, "curl"), []byte(fakeCurl), 0o755); err != nil {
		t.Fatal(err)
	}
	scriptPath := filepath.Join(dir, "install.sh")
	if err := os.WriteFile(scriptPath, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	ghPath, ghOutput := filepath.Join(dir, "github-path"), filepath.Join(dir, "github-output")
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", scriptPath)
	cmd.Dir = dir
	cmd.Env = append([]string{
		"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"), "HOME=" + dir,
		"RUNNER_OS=Linux", "RUNNER_ARCH=X64", "RUNNER_TEMP=" + temp,
		"GITHUB_PATH=" + ghPath, "GITHUB_OUTPUT=" + ghOutput,
		"VERSION=", "ACTION_REF=", "ACTION_REPOSITORY=hwfplan/hwfplan", "VERIFY_PROVENANCE=false", "GH_TOKEN=not-a-token",
	}, env...)
	out, err := cmd.CombinedOutput()
	r := actionRun{err: err, out: string(out), temp: temp}
	p, _ := os.ReadFile(ghPath)
	o, _ := os.ReadFile(ghOutput)
	c, _ := os.ReadFile(filepath.Join(bin, "calls.log"))
	r.path, r.outs, r.calls = string(p), string(o), strings.Fields(string(c))
	return r
}

func TestAction(t *testing.T) {
	for _, tool := range []string{"bash", "tar", "unzip", "sha256sum", "awk"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is not installed", tool)
			}
			t.Skipf("%s is not installed", tool)
		}
	}
	script := installScript(t)
	installed := func(t *testing.T, r actionRun, version, exe string) {
		t.Helper()
		if r.err != nil {
			t.Fatalf("failed: %v\n%s", r.err, r.out)
		}
		binDir := filepath.Join(r.temp, "hwfplan-"+version, "bin")
		if strings.TrimSpace(r.path) != binDir {
			t.Errorf("GITHUB_PATH got %q, want %q", r.path, binDir)
		}
		for _, p := range []string{"hwfplan" + exe, "hwfplan-site" + exe} {
			if _, err := os.Stat(filepath.Join(binDir, p)); err != nil {
				t.Errorf("%s is not installed: %v", p, err)
			}
		}
		if _, err := os.Stat(filepath.Join(binDir, "README.md")); err == nil {
			t.Errorf("README.md was unpacked into the bin folder")
		}
		if want := "version=hwfplan " + filepath.Join(binDir, "hwfplan"+exe) + " version\n"; r.outs != want {
			t.Errorf("GITHUB_OUTPUT %q, want %q", r.outs, want)
		}
	}
	t.Run("the action's own tag", func(t *testing.T) {
		r := runInstall(t, script, nil, "ACTION_REF=v1.2.3")
		installed(t, r, "v1.2.3", "")
		if strings.Contains(strings.Join(r.calls, " "), "/latest") {
			t.Errorf("looked up the latest release although the action's tag names one: %v", r.calls)
		}
	})
	t.Run("used by commit: the latest release", func(t *testing.T) {
		installed(t, runInstall(t, script, nil, "ACTION_REF=0123456789abcdef0123456789abcdef01234567"), "v1.2.3", "")
	})
	t.Run("an explicit version", func(t *testing.T) {
		installed(t, runInstall(t, script, nil, "VERSION=v1.2.3", "ACTION_REF=v9.9.9"), "v1.2.3", "")
	})
	t.Run("macOS on arm64", func(t *testing.T) {
		installed(t, runInstall(t, script, nil, "RUNNER_OS=macOS", "RUNNER_ARCH=ARM64"), "v1.2.3", "")
	})
	t.Run("Windows", func(t *testing.T) {
		installed(t, runInstall(t, script, nil, "RUNNER_OS=Windows"), "v1.2.3", ".exe")
	})

	refused := []struct {
		name   string
		tamper func(release string)
		env    []string
		want   string
	}{
		{name: "archive does not match its checksum", tamper: func(release string) {
			f := filepath.Join(release, "v1.2.3", "hwfplan_linux_amd64.tar.gz")
			if err := os.WriteFile(f, tarGz(t, map[string]string{"hwfplan": "#!/bin/sh\ntouch pwned\n", "hwfplan-site": ""}), 0o644); err != nil {
				t.Fatal(err)
			}
		}, want: "does not match its checksum"},
		{name: "checksums.txt without the archive", tamper: func(release string) {
			if err := os.WriteFile(filepath.Join(release, "v1.2.3", "checksums.txt"), []byte("abc  other.tar.gz\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, want: "has no checksum for hwfplan_linux_amd64.tar.gz"},
		{name: "no such release", env: []string{"VERSION=v1.2.4"}, want: "cannot download"},
		{name: "version with a command", env: []string{"VERSION=v1.2.3$(touch pwned)"}, want: "is not a release version"},
		{name: "version with a path", env: []string{"VERSION=../../v1.2.3"}, want: "is not a release version"},
		{name: "latest redirects somewhere odd", tamper: func(release string) {
			if err := os.WriteFile(filepath.Join(release, "latest"), []byte("x;touch pwned"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, want: "is not a release version"},
		{name: "unknown platform", env: []string{"RUNNER_OS=FreeBSD"}, want: "no hwfplan release for FreeBSD on X64"},
	}
	for _, tt := range refused {
		t.Run("refused: "+tt.name, func(t *testing.T) {
			r := runInstall(t, script, tt.tamper, tt.env...)
			if r.err == nil {
				t.Fatalf("succeeded, want a failure saying %q\n%s", tt.want, r.out)
			}
			if !strings.Contains(r.out, tt.want) {
				t.Errorf("output does not say %q:\n%s", tt.want, r.out)
			}
			if r.path != "" || r.outs != "" {
				t.Errorf("GITHUB_PATH %q, GITHUB_OUTPUT %q after a failure", r.path, r.outs)
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(r.temp), "pwned")); err == nil {
				t.Errorf("ran code it should have refused")
			}
		})
	}
}
