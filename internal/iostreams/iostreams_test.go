package iostreams

import (
	"os"
	"testing"
)

// TestDevNullIsNotATerminal: output redirected to /dev/null is a character
// device, but not a terminal, so it gets no colour.
func TestDevNullIsNotATerminal(t *testing.T) {
	f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no %s: %v", os.DevNull, err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Errorf("isTerminal(%s) = true, want false", os.DevNull)
	}
}

func TestRegularFileIsNotATerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Error("isTerminal(regular file) = true, want false")
	}
}

// TestColor: the --color modes against a terminal or a pipe, with NO_COLOR set,
// set but empty (which no-color.org says to ignore) or unset.
func TestColor(t *testing.T) {
	tests := []struct {
		mode    string
		env     map[string]string
		tty     bool
		want    bool
		comment string
	}{
		{mode: "", tty: true, want: true, comment: "default is auto"},
		{mode: ColorAuto, tty: true, want: true},
		{mode: ColorAuto, tty: false, want: false},
		{mode: ColorAuto, tty: true, env: map[string]string{"NO_COLOR": "1"}, want: false},
		{mode: ColorAuto, tty: true, env: map[string]string{"NO_COLOR": ""}, want: true, comment: "empty NO_COLOR is ignored"},
		{mode: ColorAuto, tty: true, env: map[string]string{"TERM": "dumb"}, want: false},
		{mode: ColorAlways, tty: false, want: true, comment: "always also when piped"},
		{mode: ColorAlways, tty: false, env: map[string]string{"NO_COLOR": "1"}, want: true, comment: "the option overrides NO_COLOR"},
		{mode: ColorNever, tty: true, want: false},
	}
	for _, tt := range tests {
		getenv := func(k string) string { return tt.env[k] }
		s := &IOStreams{outTTY: tt.tty, errTTY: tt.tty, colorOff: envNoColor(getenv)}
		if tt.mode != "" {
			if err := s.ColorFlag().Set(tt.mode); err != nil {
				t.Fatal(err)
			}
		}
		if got := s.ColorEnabled(); got != tt.want {
			t.Errorf("--color=%s tty=%v env=%v: ColorEnabled() = %v, want %v %s", tt.mode, tt.tty, tt.env, got, tt.want, tt.comment)
		}
		if got := s.ColorEnabledErr(); got != tt.want {
			t.Errorf("--color=%s tty=%v env=%v: ColorEnabledErr() = %v, want %v", tt.mode, tt.tty, tt.env, got, tt.want)
		}
	}
}

func TestColorFlagRejectsUnknown(t *testing.T) {
	s, _, _, _ := Test()
	f := s.ColorFlag()
	err := f.Set("yes")
	if err == nil || err.Error() != "use one of auto, always, never" {
		t.Errorf("Set(yes) = %v, want the allowed values", err)
	}
	if f.String() != ColorAuto {
		t.Errorf("after a bad value the mode is %q, want auto", f.String())
	}
}
