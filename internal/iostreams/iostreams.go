// Package iostreams carries the standard streams a command writes to, so commands
// can be tested with buffers and colour switches on only for a terminal.
package iostreams

import (
	"bytes"
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams are the streams of one command run.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer // data
	ErrOut io.Writer // status and diagnostics for people

	outTTY   bool
	errTTY   bool
	colorOff bool
}

// System returns the process's streams.
func System() *IOStreams {
	_, noColor := os.LookupEnv("NO_COLOR")
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		outTTY: isTerminal(os.Stdout), errTTY: isTerminal(os.Stderr),
		colorOff: noColor || os.Getenv("TERM") == "dumb",
	}
}

// Test returns streams backed by buffers, with no terminal.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

// SetTTY marks the streams as terminals (tests).
func (s *IOStreams) SetTTY(out, errOut bool) { s.outTTY, s.errTTY = out, errOut }

// IsStdoutTTY reports whether Out is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.outTTY }

// ColorEnabled reports whether Out may carry colour: a terminal, and NO_COLOR unset.
func (s *IOStreams) ColorEnabled() bool { return s.outTTY && !s.colorOff }

// ColorEnabledErr is ColorEnabled for ErrOut.
func (s *IOStreams) ColorEnabledErr() bool { return s.errTTY && !s.colorOff }

// isTerminal asks the terminal driver, as a character-device check would take
// /dev/null (a character device too) for a terminal.
func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }
