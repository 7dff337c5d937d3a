package weburl

import (
	"regexp"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	good := []string{"https://www.aeek.hu", "http://example.org/a b"[:18], "HTTPS://EXAMPLE.ORG/x?y=1#z", "https://example.org:8443/path"}
	for _, s := range good {
		if err := Check(s); err != nil {
			t.Errorf("Check(%q) = %v, want nil", s, err)
		}
	}
	bad := map[string]string{
		"javascript:alert(1)":            "javascript: scheme is not allowed",
		"JavaScript:alert(1)":            "javascript: scheme is not allowed",
		"data:text/html,<script>":        "data: scheme is not allowed",
		"file:///etc/passwd":             "file: scheme is not allowed",
		"mailto:a@example.org":           "mailto: scheme is not allowed",
		"vbscript:msgbox":                "vbscript: scheme is not allowed",
		"https://good.org@evil.org/":     "user name",
		"https://exa mple.org":           "spaces or control characters",
		"https://example.org/\x1b[2J":    "spaces or control characters",
		"java\tscript:alert(1)":          "spaces or control characters",
		"www.example.org":                "is not a web address",
		"https://":                       "is not a web address",
		"":                               "empty",
		"//evil.org/x":                   "is not a web address",
		"https:\\\\evil.org":             "is not a web address",
		" https://example.org":           "spaces",
		"https://example.org/\u0085next": "control",
	}
	for s, want := range bad {
		err := Check(s)
		if err == nil {
			t.Errorf("Check(%q) = nil, want an error", s)
			continue
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Check(%q) = %q, want it to contain %q", s, err, want)
		}
	}
}

// The schema pattern and the Go check agree on every case above that has no C1
// control character (which an ECMA-262 pattern written for Go too cannot name).
func TestPatternMatchesCheck(t *testing.T) {
	re := regexp.MustCompile(Pattern)
	for _, s := range []string{"https://www.aeek.hu", "javascript:alert(1)", "https://a@b", "https://b/\x01", "http://x.org/p?q#f", "ftp://x.org"} {
		if re.MatchString(s) != (Check(s) == nil) {
			t.Errorf("%q: pattern %v, Check %v", s, re.MatchString(s), Check(s))
		}
	}
}

func TestHref(t *testing.T) {
	ok := []string{"https://example.org/", "mailto:someone@example.org", "#task-data", "/countries/hu/", "countries/hu/", "../x"}
	for _, s := range ok {
		if got, good := Href(s); !good || got != s {
			t.Errorf("Href(%q) = %q, %v; want it kept", s, got, good)
		}
	}
	bad := []string{"javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "\x01javascript:alert(1)", "java\nscript:alert(1)",
		"data:text/html;base64,PHNjcmlwdD4=", "vbscript:x", "file:///etc/passwd", "//evil.org/", `\\evil.org`, "mailto:", "mailto:x\"onclick=@y",
		"https://u:p@evil.org/", "javascript&colon;alert(1)", "a:b/c", ""}
	for _, s := range bad {
		if got, good := Href(s); good || got != "" {
			t.Errorf("Href(%q) = %q, %v; want it refused", s, got, good)
		}
	}
}
