package gittest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestTxtarTree(t *testing.T) {
	ar := filepath.Join(t.TempDir(), "repo.txtar")
	if err := os.WriteFile(ar, []byte("prose\n-- countries/HU/country.yaml --\ncode: HU\n-- clusters/wp6.yaml --\nid: wp6\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := TxtarTree(t, ar)
	got := ReadFiles(t, dir)
	if len(got) != 2 || got["countries/HU/country.yaml"] != "code: HU\n" || got["clusters/wp6.yaml"] != "id: wp6\n" {
		t.Errorf("TxtarTree wrote %q", got)
	}
}

func TestRepoWriteCommit(t *testing.T) {
	r := New(t)
	r.Write(map[string]string{"countries/HU/country.yaml": "code: HU\n"})
	first := r.Commit("first")
	if got := r.Git("show", first+":countries/HU/country.yaml"); got != "code: HU" {
		t.Errorf("committed %q", got)
	}
	if got := r.Git("log", "-1", "--format=%aI %an"); got != "2025-01-02T09:00:00+00:00 Ana Planner" {
		t.Errorf("first commit: %q (one day after Start, by the fixed author)", got)
	}
}
