package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// fakeFS lists which paths exist and whether each is a regular file.
type fakeFS map[string]bool

func (f fakeFS) stat(p string) (fs.FileInfo, error) {
	regular, ok := f[p]
	if !ok {
		return nil, fs.ErrNotExist
	}
	mode := fs.FileMode(0o755)
	if !regular {
		mode |= fs.ModeDir
	}
	return fakeInfo{mode}, nil
}

type fakeInfo struct{ mode fs.FileMode }

func (i fakeInfo) Name() string       { return "" }
func (i fakeInfo) Size() int64        { return 0 }
func (i fakeInfo) Mode() fs.FileMode  { return i.mode }
func (i fakeInfo) ModTime() time.Time { return time.Time{} }
func (i fakeInfo) IsDir() bool        { return i.mode.IsDir() }
func (i fakeInfo) Sys() any           { return nil }

func TestFind(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the names here have no .exe")
	}
	bin := filepath.FromSlash("/opt/hwf/bin")
	next := filepath.Join(bin, SiteProgram)
	onPath := filepath.FromSlash("/usr/local/bin/hwfplan-site")
	tests := []struct {
		name    string
		env     string
		files   fakeFS
		path    string // what LookPath finds
		want    string
		wantErr string
	}{
		{"next to hwfplan first", "", fakeFS{next: true}, onPath, next, ""},
		{"then on the PATH", "", fakeFS{}, onPath, onPath, ""},
		{"a folder next to hwfplan is skipped", "", fakeFS{next: false}, onPath, onPath, ""},
		{"HWFPLAN_SITE wins", "/x/site", fakeFS{"/x/site": true, next: true}, onPath, "/x/site", ""},
		{"HWFPLAN_SITE that is missing", "/x/site", fakeFS{next: true}, onPath, "", "HWFPLAN_SITE=/x/site: file does not exist"},
		{"HWFPLAN_SITE that is a folder", "/x", fakeFS{"/x": false}, onPath, "", "HWFPLAN_SITE=/x is not a program file"},
		{"nowhere", "", fakeFS{}, "", "", "hwfplan-site is not found next to hwfplan (in " + bin + ") or on the PATH"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Locator{
				Getenv:     func(k string) string { return map[string]string{SiteEnv: tt.env}[k] },
				Executable: func() (string, error) { return filepath.Join(bin, "hwfplan"), nil },
				LookPath: func(string) (string, error) {
					if tt.path == "" {
						return "", errors.New("not on the PATH")
					}
					return tt.path, nil
				},
				Stat: tt.files.stat,
			}
			got, err := l.Find()
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("Find() = %q, %v; want error %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Find() = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestHandOver(t *testing.T) {
	var ran struct {
		path      string
		args, env []string
	}
	base := Locator{
		Args:       []string{"build", "--out", "x"},
		Getenv:     func(string) string { return "" },
		Environ:    func() []string { return []string{"HOME=/h"} },
		Executable: func() (string, error) { return "/b/hwfplan", nil },
		LookPath:   func(string) (string, error) { return "", errors.New("no") },
		Stat:       fakeFS{"/b/hwfplan-site": true}.stat,
		Exec: func(path string, args, env []string) error {
			ran.path, ran.args, ran.env = path, args, env
			return nil
		},
	}
	if err := Delegate(base).Build(nil); err != nil {
		t.Fatal(err)
	}
	if ran.path != "/b/hwfplan-site" || strings.Join(ran.args, " ") != "build --out x" ||
		strings.Join(ran.env, " ") != "HOME=/h "+CallerVersionEnv+"="+Version() {
		t.Errorf("ran %+v", ran)
	}

	missing := base
	missing.Stat = fakeFS{}.stat
	err := Delegate(missing).Serve(nil)
	for _, want := range []string{"serve: the site is rendered by hwfplan-site", "go install github.com/hwfplan/hwfplan/cmd/...@latest", "bin/hwfplan serve"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("without hwfplan-site: %v; want it to say %q", err, want)
		}
	}

	failing := base
	failing.Exec = func(string, []string, []string) error { return os.ErrPermission }
	if err := Delegate(failing).Build(nil); err == nil || !errors.Is(err, os.ErrPermission) ||
		!strings.Contains(err.Error(), "failed to run /b/hwfplan-site") {
		t.Errorf("a program that cannot run: %v", err)
	}
}
