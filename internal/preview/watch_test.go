package preview

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestWatchedPaths: a change to the programme files or to publication.yaml
// rebuilds the preview as a country's file does (the site is built from them);
// a README or a stray file at the top of the repository does not.
func TestWatchedPaths(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"countries/HU", "programme"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changed := make(chan struct{}, 10)
	go func() {
		if err := Watch(ctx, root, 30*time.Millisecond, func() { changed <- struct{}{} }); err != nil {
			t.Error(err)
		}
	}()
	time.Sleep(200 * time.Millisecond) // let the watcher start

	write := func(name string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(root, name), []byte("x: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"programme/eu-action-plan.yaml", "publication.yaml", "countries/HU/as-is.yaml"} {
		write(name)
		select {
		case <-changed:
		case <-time.After(5 * time.Second):
			t.Errorf("no rebuild after %s changed", name)
		}
	}
	write("README.md")
	write(".as-is.yaml.swp")
	select {
	case <-changed:
		t.Error("a README or a swap file at the top rebuilt the preview")
	case <-time.After(300 * time.Millisecond):
	}
}
