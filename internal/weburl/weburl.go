// Package weburl holds the one rule for web addresses in plan data: a URL field
// takes an http:// or https:// address with a host, and a renderer writes a link
// only to such an address (or to an e-mail address, or a path on the same site).
// Everything else, javascript:, data:, file: and the like, is text, never a link.
package weburl

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode"
)

// Pattern is the form of a URL field, as the JSON Schemas state it: http or https,
// a host without user name or password, then any path without spaces or control
// characters. It reads the same as an ECMA-262 and a Go regular expression.
const Pattern = `^[Hh][Tt][Tt][Pp][Ss]?://[^\s\x00-\x1f\x7f/?#@\\]+([/?#][^\s\x00-\x1f\x7f]*)?$`

var patternRe = regexp.MustCompile(Pattern)

// Example is a well-formed address, for messages and the schemas.
const Example = "https://www.example.org/"

// Check reports whether s is a web address a URL field accepts, and if not, why.
func Check(s string) error {
	if !patternRe.MatchString(s) || strings.ContainsFunc(s, unicode.IsControl) {
		return explain(s)
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.User != nil {
		return explain(s)
	}
	return nil
}

func explain(s string) error {
	const want = "only http:// and https:// web addresses are allowed, like " + Example
	scheme, _, ok := strings.Cut(s, ":")
	switch {
	case s == "":
		return fmt.Errorf("the address is empty; %s", want)
	case ok && scheme != "" && schemeRe.MatchString(scheme) && !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https"):
		return fmt.Errorf("%q is not a web address: the %s: scheme is not allowed; %s", s, strings.ToLower(scheme), want)
	case strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }):
		return fmt.Errorf("%q contains spaces or control characters; %s", s, want)
	case strings.Contains(s, "@"):
		return fmt.Errorf("%q is not a web address (a user name in an address, or an e-mail address, is not allowed here); %s", s, want)
	}
	return fmt.Errorf("%q is not a web address; %s", s, want)
}

var schemeRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*$`)

// Href returns s as a link target for a page a person reads, and whether it may
// be one: an http(s) address as Check accepts it, a mailto: address, or a
// reference on the same site (a path or #fragment, with no scheme and no host).
// Renderers call it for every href that comes from data, valid or not, so an
// address that slipped past validation is shown as text instead.
func Href(s string) (string, bool) {
	if s == "" || strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		return "", false
	}
	if Check(s) == nil {
		return s, true
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "mailto":
		if strings.Contains(u.Opaque, "@") && !strings.ContainsAny(u.Opaque, "<>\"'") {
			return s, true
		}
		return "", false
	case "":
		// A relative reference. "//host" and "\\host" would leave the site; a
		// colon could read as a scheme, and an ampersand as the start of a
		// character reference (javascript&colon;), once a page decodes it.
		if u.Host != "" || u.User != nil || strings.HasPrefix(s, "//") || strings.ContainsAny(s, `\:&`) {
			return "", false
		}
		return s, true
	}
	return "", false
}
