//go:build !unix

package benchfix

import "testing"

// CPU reports nothing where the process's CPU time cannot be read.
func CPU(b *testing.B) func() { return func() {} }
