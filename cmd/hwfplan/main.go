// Command hwfplan validates, compares, reports on and publishes health workforce
// plans kept as YAML in git.
package main

import (
	"os"

	"github.com/hwfplan/hwfplan/internal/hwfcmd"
)

func main() { os.Exit(hwfcmd.Main()) }
