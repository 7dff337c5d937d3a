package editor

import (
	"testing"
)

// BenchmarkChange is what the page does after each edit: apply it, validate,
// and say the change in diff's words.
func BenchmarkChange(b *testing.B) {
	s := session(b, "HU")
	ops := [][]byte{
		[]byte(`[{"op":"set","path":["tasks","data","items","linkage","score"],"value":2}]`),
		[]byte(`[{"op":"set","path":["tasks","data","items","linkage","score"],"value":1}]`),
	}
	for i := 0; b.Loop(); i++ {
		if err := s.Apply("countries/HU/as-is.yaml", ops[i%2]); err != nil {
			b.Fatal(err)
		}
		s.Validate()
		if _, err := s.Diff(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad is the editor's start: load a country and compile the
// framework's schemas.
func BenchmarkLoad(b *testing.B) {
	files, err := FilesFor(repoFS(b), "HU")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		var s Session
		if err := s.Load(files); err != nil {
			b.Fatal(err)
		}
	}
}
