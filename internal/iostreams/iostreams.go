// Package iostreams carries the standard streams a command writes to, so commands
// can be tested with buffers and colour switches on only for a terminal.
package iostreams

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/term"
)

// IOStreams are the streams of one command run.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer // data
	ErrOut io.Writer // status and diagnostics for people

	outTTY   bool
	errTTY   bool
	colorOff bool   // the environment asks for no colour (NO_COLOR, TERM=dumb)
	color    string // the --color setting: auto, always or never
}

// The --color settings: colour on a terminal unless the environment asks for none
// (auto, the default), always (also when piped, despite NO_COLOR: a command-line
// option overrides it, as no-color.org says), or never.
const (
	ColorAuto   = "auto"
	ColorAlways = "always"
	ColorNever  = "never"
)

// ColorModes are the values --color takes.
var ColorModes = []string{ColorAuto, ColorAlways, ColorNever}

// System returns the process's streams.
func System() *IOStreams {
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		outTTY: isTerminal(os.Stdout), errTTY: isTerminal(os.Stderr),
		colorOff: envNoColor(os.Getenv),
	}
}

// envNoColor reports whether the environment asks for no colour: NO_COLOR set to
// anything but the empty string (no-color.org: "when present and not an empty
// string"), or a dumb terminal.
func envNoColor(getenv func(string) string) bool {
	return getenv("NO_COLOR") != "" || getenv("TERM") == "dumb"
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

// SetColorMode applies --color: one of ColorModes.
func (s *IOStreams) SetColorMode(mode string) error {
	if !slices.Contains(ColorModes, mode) {
		return fmt.Errorf("use one of %s", strings.Join(ColorModes, ", "))
	}
	s.color = mode
	return nil
}

// ColorEnabled reports whether Out may carry colour: --color=always, or (auto) a
// terminal with no NO_COLOR or TERM=dumb in the environment.
func (s *IOStreams) ColorEnabled() bool { return s.colorFor(s.outTTY) }

// ColorEnabledErr is ColorEnabled for ErrOut.
func (s *IOStreams) ColorEnabledErr() bool { return s.colorFor(s.errTTY) }

func (s *IOStreams) colorFor(tty bool) bool {
	switch s.color {
	case ColorAlways:
		return true
	case ColorNever:
		return false
	}
	return tty && !s.colorOff
}

// ColorFlag is the value of a --color flag (a pflag.Value) that sets the colour
// mode of s.
func (s *IOStreams) ColorFlag() *ColorFlag { return &ColorFlag{s: s} }

// ColorFlag is the --color flag's value.
type ColorFlag struct{ s *IOStreams }

func (f *ColorFlag) String() string {
	if f.s.color == "" {
		return ColorAuto
	}
	return f.s.color
}

// Set applies a --color value; an unknown one is an error naming the allowed values.
func (f *ColorFlag) Set(v string) error { return f.s.SetColorMode(v) }

// Type names the value in usage messages.
func (f *ColorFlag) Type() string { return "string" }

// isTerminal asks the terminal driver, as a character-device check would take
// /dev/null (a character device too) for a terminal.
func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }
