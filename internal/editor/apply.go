package editor

import (
	"fmt"

	"github.com/hwfplan/hwfplan/internal/yamledit"
)

// Apply applies yamledit operations (their JSON: [{"op":"set","path":["actions",2,"title"],"value":"x"}])
// to one of the country's files. The edits change only what they name: every
// other byte of the file stays as it is. On an error the file is unchanged.
func (s *Session) Apply(p string, opsJSON []byte) error {
	data, err := s.file(p)
	if err != nil {
		return err
	}
	if !s.editable(p) {
		return fmt.Errorf("%s is not one of %s's plan files: only those are edited here", p, s.code)
	}
	ops, err := yamledit.ParseOps(opsJSON)
	if err != nil {
		return err
	}
	out, err := yamledit.Apply(data, ops...)
	if err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	s.cur[p] = out
	return nil
}
