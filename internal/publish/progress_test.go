package publish

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/progress"
	"github.com/hwfplan/hwfplan/internal/provenance"
)

// Progress is measured as of --as-of, else publication.yaml's as_of, else
// SOURCE_DATE_EPOCH, else the source commit's day; never the clock, and not at
// all when nothing gives a date.
func TestProgressReportDate(t *testing.T) {
	p, err := Load(filepath.Join("..", ".."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	pub := &plan.Publication{AsOf: "2026-11-30"}
	p.Repo.Publication = pub
	pr, at, ok, err := p.Progress("")
	if err != nil || !ok || at.Date != pub.AsOf || at.From != progress.FromPublication || pr.AsOf != pub.AsOf {
		t.Errorf("default: %v %+v %v", err, at, ok)
	}
	pr, at, ok, err = p.Progress("2026-01-31")
	if err != nil || !ok || at != (AsOf{"2026-01-31", progress.FromFlag}) || pr.AsOf != "2026-01-31" {
		t.Errorf("flag: %v %+v %v", err, at, ok)
	}
	if _, _, _, err = p.Progress("31/01/2026"); err == nil {
		t.Error("a malformed --as-of was accepted")
	}

	// Without as_of or SOURCE_DATE_EPOCH: the commit's day, or nothing.
	t.Setenv("SOURCE_DATE_EPOCH", "")
	os.Unsetenv("SOURCE_DATE_EPOCH")
	p.Repo.Publication = &plan.Publication{}
	p.src = &provenance.Info{}
	if pr, _, ok, err = p.Progress(""); err != nil || ok || pr != nil {
		t.Errorf("no date at all: %v %v %v", pr, ok, err)
	}
	p.src = &provenance.Info{Time: mustTime(t, "2026-03-04T23:30:00Z")}
	if _, at, ok, err = p.Progress(""); err != nil || !ok || at != (AsOf{"2026-03-04", FromCommit}) {
		t.Errorf("commit day: %+v %v %v", at, ok, err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01
	if _, at, _, err = p.Progress(""); err != nil || at != (AsOf{"2026-01-01", progress.FromEpoch}) {
		t.Errorf("epoch: %+v %v", at, err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "soon")
	if _, _, _, err = p.Progress(""); err == nil || errors.Is(err, progress.ErrNoDate) {
		t.Errorf("a malformed SOURCE_DATE_EPOCH: %v", err)
	}
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return at
}
