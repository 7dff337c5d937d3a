package validate

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed iso4217.txt
var iso4217Text string

// currencies is the set of active ISO 4217 codes.
var currencies = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(iso4217Text, "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
}()

// withdrawn names currencies a planner in a HEROES country may still write, with
// what replaced them.
var withdrawn = map[string]string{
	"HRK": "Croatia uses EUR since 2023",
	"LTL": "Lithuania uses EUR since 2015",
	"EEK": "Estonia uses EUR since 2011",
	"SKK": "Slovakia uses EUR since 2009",
	"MTL": "Malta uses EUR since 2008",
	"SIT": "Slovenia uses EUR since 2007",
	"GRD": "Greece uses EUR since 2002",
	"DEM": "Germany uses EUR since 2002",
	"NLG": "the Netherlands use EUR since 2002",
	"BEF": "Belgium uses EUR since 2002",
	"ITL": "Italy uses EUR since 2002",
	"ESP": "Spain uses EUR since 2002",
	"PTE": "Portugal uses EUR since 2002",
	"ROL": "Romania uses RON since 2005",
}

// checkCurrency returns a message and false when code is not an active ISO 4217
// currency code.
func checkCurrency(code string) (string, bool) {
	if currencies[code] {
		return "", true
	}
	if why, ok := withdrawn[code]; ok {
		return fmt.Sprintf("the currency %s has been withdrawn (%s)", code, why), false
	}
	return fmt.Sprintf("%q is not an ISO 4217 currency code (like EUR, HUF, PLN, SEK)", code), false
}
