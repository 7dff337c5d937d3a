package validate_test

import (
	"testing"

	"github.com/hwfplan/hwfplan/internal/benchgen/benchfix"
	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/validate"
)

func loadFixture(b *testing.B, n int) (*model.Repo, []diag.Diagnostic) {
	b.Helper()
	fsys, err := load.DirFS(benchfix.Dir(b, n, 1))
	if err != nil {
		b.Fatal(err)
	}
	return load.Load(fsys, load.Options{})
}

// BenchmarkValidate validates a loaded repository as `hwfplan validate` does:
// compile the framework's schemas, check every file, run the rules across files.
func BenchmarkValidate(b *testing.B) {
	for _, n := range benchfix.Sizes {
		b.Run(benchfix.Name(n), func(b *testing.B) {
			repo, loadDiags := loadFixture(b, n)
			b.ReportAllocs()
			defer benchfix.CPU(b)()
			for b.Loop() {
				ds, err := validate.Validate(repo, loadDiags, validate.Options{Today: "2026-11-24"})
				if err != nil {
					b.Fatal(err)
				}
				if diag.HasErrors(ds) {
					b.Fatalf("generated plans have errors: %v", ds[0])
				}
			}
		})
	}
}

// BenchmarkValidateCompiled leaves out compiling the schemas, to show what the
// per-file checks cost on their own.
func BenchmarkValidateCompiled(b *testing.B) {
	for _, n := range benchfix.Sizes {
		b.Run(benchfix.Name(n), func(b *testing.B) {
			repo, loadDiags := loadFixture(b, n)
			v, err := validate.New(repo.Framework)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			defer benchfix.CPU(b)()
			for b.Loop() {
				v.Repo(repo, loadDiags, validate.Options{Today: "2026-11-24"})
			}
		})
	}
}
