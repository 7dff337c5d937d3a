package cmdutil

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// ChoiceFlag defines a string flag that takes one of choices (--format, --by):
// the one place where such a flag gets its help, its shell completion and its
// error. A value outside choices is refused while the flags are parsed, in the
// wording every such flag shares (and --color too):
//
//	invalid argument "xml" for "-f, --format" flag: use one of text, json, markdown
//
// which is a usage error (exit 2). An empty def makes the flag required.
func ChoiceFlag(cmd *cobra.Command, p *string, name, short, def string, choices []string, usage string) {
	*p = def
	help := usage + ": " + strings.Join(choices, ", ")
	if def == "" {
		help += " (required)"
	}
	cmd.Flags().VarP(&choice{p: p, choices: choices}, name, short, help)
	_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(choices, cobra.ShellCompDirectiveNoFileComp))
}

type choice struct {
	p       *string
	choices []string
}

func (c *choice) String() string { return *c.p }
func (c *choice) Type() string   { return "string" }
func (c *choice) Set(v string) error {
	if !slices.Contains(c.choices, v) {
		return fmt.Errorf("use one of %s", strings.Join(c.choices, ", "))
	}
	*c.p = v
	return nil
}
