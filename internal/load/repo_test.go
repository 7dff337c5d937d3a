package load

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
)

const countryYAML = "code: HU\neu_code: HU\nname: Hungary\ncluster: wp6\n"

// fullCountry is a country folder with every file present (contents need not
// pass the schema: the loader does not check it).
func fullCountry(code string) map[string]string {
	m := map[string]string{}
	for _, f := range []string{"country.yaml", "as-is.yaml", "to-be.yaml", "to-do.yaml", "action-plan.yaml"} {
		m["countries/"+code+"/"+f] = "a: 1\n"
	}
	m["clusters/wp6.yaml"] = "id: wp6\n"
	return m
}

// diagsFor returns the rendered diagnostics of one file.
func diagsFor(out, file string) string {
	var keep []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, file+":") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

func TestLoadFiles(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		opts  Options
		file  string
		want  string
	}{
		{
			name: "missing file",
			setup: func(t *testing.T, dir string) {
				os.Remove(filepath.Join(dir, "countries/HU/to-do.yaml"))
			},
			file: "countries/HU/to-do.yaml",
			want: "countries/HU/to-do.yaml: error: the file is missing [missing-file]",
		},
		{
			name: "over the size limit",
			setup: func(t *testing.T, dir string) {
				gittest.WriteTree(t, dir, map[string]string{"countries/HU/as-is.yaml": "notes: " + strings.Repeat("x", 3000) + "\n"})
			},
			opts: Options{MaxFileSize: 2048},
			file: "countries/HU/as-is.yaml",
			want: "countries/HU/as-is.yaml: error: file is 2.9 KiB, over the limit of 2.0 KiB; plan files are small text files — check that the right file was saved here [file-size]",
		},
		{
			name: "over the default size limit",
			setup: func(t *testing.T, dir string) {
				gittest.WriteTree(t, dir, map[string]string{"countries/HU/as-is.yaml": "notes: " + strings.Repeat("x", MaxFileSize) + "\n"})
			},
			file: "countries/HU/as-is.yaml",
			want: "countries/HU/as-is.yaml: error: file is 1.0 MiB, over the limit of 1.0 MiB; plan files are small text files — check that the right file was saved here [file-size]",
		},
		{
			name: "folder instead of file",
			setup: func(t *testing.T, dir string) {
				p := filepath.Join(dir, "countries/HU/to-be.yaml")
				os.Remove(p)
				os.Mkdir(p, 0o755)
			},
			file: "countries/HU/to-be.yaml",
			want: "countries/HU/to-be.yaml: error: expected a file here, found a folder [layout]",
		},
		{
			name: "symlink outside the repository",
			setup: func(t *testing.T, dir string) {
				outside := filepath.Join(t.TempDir(), "secret.yaml")
				os.WriteFile(outside, []byte("code: XX\n"), 0o644)
				p := filepath.Join(dir, "countries/HU/country.yaml")
				os.Remove(p)
				if err := os.Symlink(outside, p); err != nil {
					t.Skip("symlinks not supported:", err)
				}
			},
			file: "countries/HU/country.yaml",
			want: "countries/HU/country.yaml: error: this is a symbolic link to a place outside the repository; hwfplan does not follow it — replace the link with the file itself [symlink]",
		},
		{
			name: "relative symlink climbing out",
			setup: func(t *testing.T, dir string) {
				p := filepath.Join(dir, "countries/HU/country.yaml")
				os.Remove(p)
				if err := os.Symlink("../../../etc/passwd", p); err != nil {
					t.Skip("symlinks not supported:", err)
				}
			},
			file: "countries/HU/country.yaml",
			want: "countries/HU/country.yaml: error: this is a symbolic link to a place outside the repository; hwfplan does not follow it — replace the link with the file itself [symlink]",
		},
		{
			name: "symlinked country folder outside",
			setup: func(t *testing.T, dir string) {
				outside := t.TempDir()
				gittest.WriteTree(t, outside, map[string]string{"country.yaml": countryYAML})
				if err := os.Symlink(outside, filepath.Join(dir, "countries/SI")); err != nil {
					t.Skip("symlinks not supported:", err)
				}
			},
			file: "countries/SI",
			want: "countries/SI: error: this is a symbolic link to a folder outside the repository; hwfplan does not follow it — put the country folder itself here [symlink]",
		},
		{
			name: "named pipe in place of a file",
			setup: func(t *testing.T, dir string) {
				p := filepath.Join(dir, "countries/HU/as-is.yaml")
				os.Remove(p)
				if err := syscall.Mkfifo(p, 0o600); err != nil {
					t.Skip("no named pipes:", err)
				}
			},
			file: "countries/HU/as-is.yaml",
			want: "countries/HU/as-is.yaml: error: this is not an ordinary file (it is a named pipe, a socket or a device); replace it with the YAML file [read]",
		},
		{
			name: "symlink inside the repository",
			setup: func(t *testing.T, dir string) {
				gittest.WriteTree(t, dir, map[string]string{"shared/country.yaml": countryYAML})
				p := filepath.Join(dir, "countries/HU/country.yaml")
				os.Remove(p)
				if err := os.Symlink("../../shared/country.yaml", p); err != nil {
					t.Skip("symlinks not supported:", err)
				}
			},
			file: "countries/HU/country.yaml",
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			gittest.WriteTree(t, dir, fullCountry("HU"))
			tt.setup(t, dir)
			fsys, err := DirFS(dir)
			if err != nil {
				t.Fatal(err)
			}
			repo, ds := Load(fsys, tt.opts)
			if got := diagsFor(render(ds), tt.file); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if tt.want == "" && repo.Files[tt.file] == nil {
				t.Errorf("%s was not loaded", tt.file)
			}
		})
	}
}

// TestSymlinkTargetNeverRead points a link out of the repository at a named
// pipe: opening the pipe for reading would block until a writer comes, so a
// loader that reads the target hangs and the test fails on its timeout.
func TestTopFoldersThatAreNot(t *testing.T) {
	tests := []struct {
		name string
		make func(p string) error
		file string
		want string
	}{
		{"countries is a file", func(p string) error { return os.WriteFile(p, []byte("hi\n"), 0o644) }, "countries",
			"countries: error: countries is a file, but it must be a folder that holds one folder per country [layout]"},
		{"countries is a named pipe", func(p string) error { return syscall.Mkfifo(p, 0o600) }, "countries",
			"countries: error: countries is a file, but it must be a folder that holds one folder per country [layout]"},
		{"clusters is a named pipe", func(p string) error { return syscall.Mkfifo(p, 0o600) }, "clusters",
			"clusters: error: clusters is a file, but it must be a folder that holds one file per learning cluster [layout]"},
		{"a country link to a named pipe", func(p string) error {
			fifo := filepath.Join(p, "pipe")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				return err
			}
			return os.Symlink("pipe", filepath.Join(p, "SI"))
		}, "countries/SI",
			"countries/SI: error: countries/ holds one folder per country; this link leads to a file [layout]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			gittest.WriteTree(t, dir, fullCountry("HU"))
			p := filepath.Join(dir, tt.file)
			if tt.file == "countries/SI" {
				p = filepath.Join(dir, "countries")
			} else if err := os.RemoveAll(p); err != nil {
				t.Fatal(err)
			}
			if err := tt.make(p); err != nil {
				t.Skip("cannot make it here:", err)
			}
			fsys, err := DirFS(dir)
			if err != nil {
				t.Fatal(err)
			}
			done := make(chan string, 1)
			go func() {
				_, ds := Load(fsys, Options{})
				done <- render(ds)
			}()
			select {
			case got := <-done:
				if d := diagsFor(got, tt.file); d != tt.want {
					t.Errorf("got\n%s\nwant\n%s", got, tt.want)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("the loader waits on a named pipe")
			}
		})
	}
}

func TestSymlinkTargetNeverRead(t *testing.T) {
	dir := t.TempDir()
	gittest.WriteTree(t, dir, fullCountry("HU"))
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes:", err)
	}
	p := filepath.Join(dir, "countries/HU/as-is.yaml")
	os.Remove(p)
	if err := os.Symlink(fifo, p); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	fsys, err := DirFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan string, 1)
	go func() {
		_, ds := Load(fsys, Options{})
		done <- diagsFor(render(ds), "countries/HU/as-is.yaml")
	}()
	select {
	case got := <-done:
		if !strings.Contains(got, "[symlink]") {
			t.Errorf("want a symlink diagnostic, got %q", got)
		}
	case <-time.After(10 * time.Second):
		// Unblock the reader so the test process can end.
		if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			f.Close()
		}
		t.Fatal("the loader opened the link's target outside the repository")
	}
}

func TestLoadMapFS(t *testing.T) {
	fsys := fstest.MapFS{
		"countries/HU/country.yaml": {Data: []byte(countryYAML)},
		"countries/hu2/x.yaml":      {Data: []byte("a: 1\n")},
		"countries/notes.md":        {Data: []byte("# notes\n")},
		"countries/stray.yaml":      {Data: []byte("a: 1\n")},
		"clusters/WP6.yaml":         {Data: []byte("id: wp6\n")},
	}
	_, ds := Load(fsys, Options{})
	got := render(ds)
	for _, want := range []string{
		"countries/HU/action-plan.yaml: error: the file is missing [missing-file]",
		"countries/hu2: error: a country folder is named by its two-letter ISO 3166-1 code in capitals [layout]",
		"countries/stray.yaml: error: countries/ holds one folder per country; move this file into a country folder [layout]",
		"clusters/WP6.yaml: error: a cluster file is named <id>.yaml with a lower-case id, like wp5.yaml [layout]",
	} {
		if !strings.Contains(got, want+"\n") {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "notes.md") {
		t.Errorf("notes.md should be ignored:\n%s", got)
	}
}

// TestFrameworkErrorPosition checks a framework problem the framework can place
// (a bad exchange rate) is reported at its line, not at the top of the file.
func TestFrameworkErrorPosition(t *testing.T) {
	fw := strings.Replace(string(hwfplan.DefaultFramework), "{currency: HUF, rate: 390.98}", "{currency: HUF, rate: -1}", 1)
	line := strings.Count(fw[:strings.Index(fw, "rate: -1")], "\n") + 1
	fsys := fstest.MapFS{"schema/framework.yaml": {Data: []byte(fw)}}
	_, diags := Load(fsys, Options{})
	for _, d := range diags {
		if d.File == "schema/framework.yaml" && d.Rule == RuleFramework {
			if d.Line != line || !strings.Contains(d.Message, "exchange rate for HUF must be a number above 0") {
				t.Errorf("diagnostic %d:%d %s; want line %d about HUF", d.Line, d.Column, d.Message, line)
			}
			return
		}
	}
	t.Fatalf("no framework diagnostic in %v", diags)
}

// publication.yaml is optional: without it the repository loads with no
// publication and no diagnostic; with it, the file is parsed, decoded and kept
// with the other files so validate checks it against its schema.
func TestLoadPublication(t *testing.T) {
	base := fstest.MapFS{"countries/HU/country.yaml": {Data: []byte(countryYAML)}, "clusters/wp6.yaml": {Data: []byte("id: wp6\n")}}
	repo, ds := Load(base, Options{})
	if repo.Publication != nil || strings.Contains(render(ds), "publication.yaml") {
		t.Fatalf("without publication.yaml: got %+v and\n%s", repo.Publication, render(ds))
	}
	base["publication.yaml"] = &fstest.MapFile{Data: []byte("version: \"2.0\"\ndate: \"2026-01-31\"\ncitation: \"{title}\"\n")}
	repo, ds = Load(base, Options{})
	if p := repo.Publication; p == nil || p.Version != "2.0" || p.Cite("T") != "T" {
		t.Fatalf("publication = %+v", repo.Publication)
	}
	if repo.Files["publication.yaml"] == nil || strings.Contains(render(ds), "publication.yaml") {
		t.Errorf("publication.yaml not kept as a file, or diagnosed:\n%s", render(ds))
	}
	base["publication.yaml"] = &fstest.MapFile{Data: []byte("version: [\n")}
	_, ds = Load(base, Options{})
	if !strings.Contains(render(ds), "publication.yaml:") {
		t.Errorf("a broken publication.yaml is not reported:\n%s", render(ds))
	}
}
