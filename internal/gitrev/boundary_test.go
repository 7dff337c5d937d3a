package gitrev_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/testkit"
)

// gitrev is the one git boundary: no package outside it imports go-git, and no
// program file outside it runs the git CLI. Test helpers that build repositories
// (gitrev/gittest and tests) and the benchmark generator (benchgen) may run git.
const (
	module   = "github.com/hwfplan/hwfplan"
	boundary = module + "/internal/gitrev"
)

func TestOnlyGitrevImportsGoGit(t *testing.T) {
	cmd := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}} {{join .TestImports \" \"}} {{join .XTestImports \" \"}}", module+"/...")
	cmd.Dir = filepath.Join("..", "..")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	pkgs := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		pkgs++
		if f[0] == boundary || strings.HasPrefix(f[0], boundary+"/") {
			continue
		}
		for _, imp := range f[1:] {
			if strings.HasPrefix(imp, "github.com/go-git/") {
				t.Errorf("%s imports %s: use gitrev instead", f[0], imp)
			}
		}
	}
	if pkgs < 20 {
		t.Fatalf("go list found only %d packages", pkgs)
	}
}

func TestOnlyGitrevRunsGit(t *testing.T) {
	root := filepath.Join("..", "..")
	allowed := []string{"internal/gitrev", "internal/benchgen"}
	files := 0
	for _, rel := range testkit.GoFiles(t, root) {
		if strings.HasSuffix(rel, "_test.go") || slices.ContainsFunc(allowed, func(a string) bool { return strings.HasPrefix(rel, a+"/") }) {
			continue
		}
		files++
		for _, pos := range gitCalls(t, filepath.Join(root, rel)) {
			t.Errorf("%s:%d runs git: ask gitrev instead", rel, pos.Line)
		}
	}
	if files < 50 {
		t.Fatalf("only %d Go files checked", files)
	}
}

// gitCalls finds calls of os/exec that run the program "git": exec.Command("git", ...),
// exec.CommandContext(ctx, "git", ...) and exec.LookPath("git").
func gitCalls(t *testing.T, file string) []token.Position {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	execName := ""
	for _, imp := range f.Imports {
		if path, _ := strconv.Unquote(imp.Path.Value); path == "os/exec" {
			execName = "exec"
			if imp.Name != nil {
				execName = imp.Name.Name
			}
		}
	}
	if execName == "" {
		return nil
	}
	var found []token.Position
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if x, ok := sel.X.(*ast.Ident); !ok || x.Name != execName {
			return true
		}
		arg := 0
		switch sel.Sel.Name {
		case "Command", "LookPath":
		case "CommandContext":
			arg = 1
		default:
			return true
		}
		if len(call.Args) > arg {
			if lit, ok := call.Args[arg].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, _ := strconv.Unquote(lit.Value); s == "git" || strings.HasSuffix(s, "/git") {
					found = append(found, fset.Position(call.Pos()))
				}
			}
		}
		return true
	})
	return found
}
