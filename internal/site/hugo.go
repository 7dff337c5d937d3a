package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"sync/atomic"

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/hugo"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"
)

// HugoVersion is the Hugo release the site is rendered with.
func HugoVersion() string { return hugo.CurrentVersion.String() }

// Paths inside the in-memory file system Hugo works on. Hugo publishes to the
// file system render is given, not to publishDir.
const (
	workDir    = "/site"
	publishDir = "/public"
	cacheDir   = "/cache"
)

// copyFS copies every regular file of src into dst under dir, replacing files that
// are already there: called for the embedded site first and the repository's site/
// folder second, it makes the repository's files win (an overlay). A symbolic
// link or a special file in src is refused, named as name/path: the site is
// built only from files in the repository itself, and nothing is left out
// without a word.
func copyFS(dst afero.Fs, dir string, src fs.FS, name string) error {
	return fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			return nil // folders are made on write
		case d.Type()&fs.ModeSymlink != 0:
			return fmt.Errorf("%s is a symbolic link; the site is built only from files in the repository itself: replace the link with the file or folder it points to", path.Join(name, p))
		case !d.Type().IsRegular():
			return fmt.Errorf("%s is not a regular file (%s); remove it", path.Join(name, p), d.Type())
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return fmt.Errorf("failed to read site file %s: %w", path.Join(name, p), err)
		}
		return writeFile(dst, path.Join(dir, p), data)
	})
}

func writeFile(dst afero.Fs, name string, data []byte) error {
	if err := dst.MkdirAll(path.Dir(name), 0o755); err != nil {
		return err
	}
	return afero.WriteFile(dst, name, data, 0o644)
}

// render runs Hugo once on the project in mem (under workDir) and publishes the
// pages into pub (rooted at the site's top): every language's, or only lang's
// when lang is not "" (Hugo still reads every language's pages, so that a page
// knows its translations).
func render(mem, pub afero.Fs, opts Options, lang string) error {
	var logBuf bytes.Buffer
	flags := config.New()
	flags.Set("workingDir", workDir)
	flags.Set("publishDir", publishDir)
	flags.Set("cacheDir", cacheDir)
	flags.Set("noBuildLock", true)
	flags.Set("environment", "production")
	flags.Set("baseURL", opts.baseURL())
	// English stays at the site's top; no /en/ page that only redirects there.
	flags.Set("disableDefaultLanguageRedirect", true)
	if lang != "" {
		// A segment of the site that is the language's pages; Hugo skips every
		// other language's site when it renders.
		flags.Set("segments", map[string]any{renderSegment: map[string]any{"includes": []any{
			map[string]any{"sites": map[string]any{"matrix": map[string]any{"languages": []any{lang}}}},
		}}})
		flags.Set("renderSegments", []string{renderSegment})
	}
	// A fixed environment: the user's HUGO_* variables must not change the output.
	// HUGO_SECURITY overrides the configuration files, the repository's
	// site/hugo.toml included (flags do not: Hugo merges the files into them).
	environ := []string{"HUGO_PARAMS_REPOURL=" + opts.repoURL(), "HUGO_PARAMS_REPOBRANCH=" + opts.branch(), "HUGO_SECURITY=" + buildSecurity}
	res, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Fs:          mem,
		Filename:    path.Join(workDir, "hugo.toml"),
		Flags:       flags,
		Environ:     environ,
		Environment: "production",
	})
	if err != nil {
		return fmt.Errorf("failed to load the site configuration: %w", err)
	}
	hfs := hugofs.NewFrom(mem, res.LoadingInfo.BaseConfig)
	written := &writeCounter{Fs: pub}
	hfs.PublishDir, hfs.PublishDirServer, hfs.PublishDirStatic = written, written, written
	sites, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs:  res,
		Fs:       hfs,
		LogLevel: logg.LevelWarn,
		StdOut:   &logBuf,
		StdErr:   &logBuf,
	})
	if err != nil {
		return fmt.Errorf("failed to set up Hugo: %w", err)
	}
	defer sites.Close()
	if err := sites.Build(hugolib.BuildCfg{}); err != nil {
		return fmt.Errorf("failed to render the site: %w%s", err, logText(&logBuf))
	}
	if opts.Warnings != nil && logBuf.Len() > 0 {
		opts.Warnings(logBuf.String())
	}
	if written.n.Load() == 0 {
		return errors.New("failed to render the site: Hugo wrote no files")
	}
	return nil
}

// renderSegment names the Hugo segment render renders when it renders one language.
const renderSegment = "hwfplan-language"

// buildSecurity is Hugo's security configuration for every build, whatever the
// site folder says: no external program (so no Hugo Modules download, no PostCSS,
// no Dart Sass), no environment variable through os.Getenv, no remote resource
// (resources.GetRemote, the oEmbed shortcodes), and no inline shortcodes. A build
// never touches the network.
const buildSecurity = `{"exec": {"allow": "none", "osEnv": "none"}, "funcs": {"getenv": "none"}, ` +
	`"http": {"urls": "none", "methods": "none", "mediaTypes": "none"}, "enableInlineShortcodes": false}`

// writeCounter counts the files opened for writing through it.
type writeCounter struct {
	afero.Fs
	n atomic.Int64
}

func (w *writeCounter) Create(name string) (afero.File, error) {
	f, err := w.Fs.Create(name)
	if err == nil {
		w.n.Add(1)
	}
	return f, err
}

func (w *writeCounter) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	f, err := w.Fs.OpenFile(name, flag, perm)
	if err == nil && flag&(os.O_WRONLY|os.O_RDWR) != 0 {
		w.n.Add(1)
	}
	return f, err
}

// collect reads every file under dir in mem into files, by path relative to dir.
// A missing dir adds nothing.
func collect(mem afero.Fs, dir string, files map[string][]byte) error {
	if ok, _ := afero.DirExists(mem, dir); !ok {
		return nil
	}
	return afero.Walk(mem, dir, func(p string, fi fs.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		data, err := afero.ReadFile(mem, p)
		if err != nil {
			return err
		}
		files[strings.TrimPrefix(p, dir+"/")] = data
		return nil
	})
}

// countFiles counts the regular files in fsys.
func countFiles(fsys afero.Fs) (int, error) {
	n := 0
	err := afero.Walk(fsys, "/", func(p string, fi fs.FileInfo, err error) error {
		if err == nil && fi.Mode().IsRegular() {
			n++
		}
		return err
	})
	return n, err
}

// diskFs is the folder dir as Hugo's publish file system. Files are created 0644
// and folders 0755 (less the umask), the modes Publish gives them, whatever mode
// the writer asks for.
func diskFs(dir string) afero.Fs {
	return hugofs.NewBasePathFs(modeFs{afero.NewOsFs()}, dir)
}

type modeFs struct{ afero.Fs }

func (m modeFs) Create(name string) (afero.File, error) {
	return m.Fs.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o644)
}

func (m modeFs) OpenFile(name string, flag int, _ os.FileMode) (afero.File, error) {
	return m.Fs.OpenFile(name, flag, 0o644)
}

func (m modeFs) Mkdir(name string, _ os.FileMode) error { return m.Fs.Mkdir(name, 0o755) }

func (m modeFs) MkdirAll(name string, _ os.FileMode) error { return m.Fs.MkdirAll(name, 0o755) }

func logText(b *bytes.Buffer) string {
	s := strings.TrimSpace(b.String())
	if s == "" {
		return ""
	}
	return "\n" + s
}
