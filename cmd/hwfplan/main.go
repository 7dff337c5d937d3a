// Command hwfplan validates, compares, reports on and publishes health workforce
// plans kept as YAML in git.
package main

import (
	"os"

	"github.com/hwfplan/hwfplan/internal/cli"
)

func main() { os.Exit(cli.Main()) }
