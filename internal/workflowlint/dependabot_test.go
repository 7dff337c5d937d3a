package workflowlint

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestDependabot: Dependabot covers every Go module and npm lock file of the
// repository and the workflows' actions, each with a cooldown, so that no
// dependency is left unwatched and none is taken the day it is released.
func TestDependabot(t *testing.T) {
	root := filepath.Join("..", "..")
	data, err := os.ReadFile(filepath.Join(root, ".github", "dependabot.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Version int `yaml:"version"`
		Updates []struct {
			Ecosystem   string   `yaml:"package-ecosystem"`
			Directory   string   `yaml:"directory"`
			Directories []string `yaml:"directories"`
			Cooldown    struct {
				DefaultDays int `yaml:"default-days"`
			} `yaml:"cooldown"`
		} `yaml:"updates"`
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatalf("dependabot.yml: %v", err)
	}
	if cfg.Version != 2 {
		t.Errorf("version %d, want 2", cfg.Version)
	}
	covered := map[string][]string{}
	for _, u := range cfg.Updates {
		dirs := u.Directories
		if u.Directory != "" {
			dirs = append(dirs, u.Directory)
		}
		covered[u.Ecosystem] = append(covered[u.Ecosystem], dirs...)
		if u.Cooldown.DefaultDays < 1 {
			t.Errorf("%s: no cooldown (cooldown: default-days)", u.Ecosystem)
		}
	}
	want := map[string][]string{"github-actions": {"/"}}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "node_modules", "dist", "public":
				return filepath.SkipDir
			}
			return nil
		}
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		dir := "/" + filepath.ToSlash(rel)
		if rel == "." {
			dir = "/"
		}
		switch d.Name() {
		case "go.mod":
			if !isTestdata(rel) {
				want["gomod"] = append(want["gomod"], dir)
			}
		case "package-lock.json":
			want["npm"] = append(want["npm"], dir)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for eco, dirs := range want {
		for _, d := range dirs {
			if !slices.Contains(covered[eco], d) {
				t.Errorf("dependabot.yml: %s in %s is not covered", eco, d)
			}
		}
	}
}

// isTestdata: modules under testdata/ are test inputs, not dependencies.
func isTestdata(rel string) bool {
	return slices.Contains(strings.Split(filepath.ToSlash(rel), "/"), "testdata")
}
