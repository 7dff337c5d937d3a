// Command hwfplan-site is hwfplan with the site renderer (Hugo) linked in. hwfplan
// runs it for `build` and `serve`; it runs every other hwfplan command too.
// Install it next to hwfplan: go install github.com/hwfplan/hwfplan/cmd/...
package main

import (
	"os"

	"github.com/hwfplan/hwfplan/internal/sitecli"
)

func main() { os.Exit(sitecli.Main()) }
