package gitrev

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
)

// gitObject is an object as `git cat-file` prints it.
type gitObject struct {
	typ  string
	data []byte
}

// catObjects returns every object of the repository, read by git itself.
func catObjects(t *testing.T, dir string) map[plumbing.Hash]gitObject {
	t.Helper()
	out, err := exec.Command("git", "-C", dir, "cat-file", "--batch-all-objects", "--batch").Output()
	if err != nil {
		t.Fatal(err)
	}
	objs := map[plumbing.Hash]gitObject{}
	rd := bufio.NewReader(bytes.NewReader(out))
	for {
		head, err := rd.ReadString('\n')
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		f := strings.Fields(head)
		n, _ := strconv.Atoi(f[2])
		data := make([]byte, n+1)
		if _, err := io.ReadFull(rd, data); err != nil {
			t.Fatal(err)
		}
		objs[plumbing.NewHash(f[0])] = gitObject{f[1], data[:n]}
	}
	return objs
}

// layouts make the same history stored in different ways, all with the git CLI.
var layouts = map[string]func(g *gittest.Repo){
	"loose": func(*gittest.Repo) {},
	"gc":    func(g *gittest.Repo) { g.Git("gc", "-q") },
	"by-name deltas": func(g *gittest.Repo) {
		g.Git("-c", "repack.useDeltaBaseOffset=false", "repack", "-adfq", "--depth=20", "--window=20")
	},
	"64-bit offsets": func(g *gittest.Repo) {
		g.Git("gc", "-q")
		for _, idx := range packFiles(g, ".idx") {
			os.Remove(idx)
			g.Git("index-pack", "--index-version=2,12", strings.TrimSuffix(idx, ".idx")+".pack")
		}
	},
	"two packs and loose objects": func(g *gittest.Repo) {
		g.Git("gc", "-q")
		commits(g, 12, 6)
		g.Git("repack", "-dq") // a second pack of the new objects
		commits(g, 18, 2)
	},
}

func packFiles(g *gittest.Repo, ext string) []string {
	names, _ := filepath.Glob(filepath.Join(g.Dir, ".git", "objects", "pack", "pack-*"+ext))
	return names
}

// commits writes n commits of similar files, from revision `from` on.
func commits(g *gittest.Repo, from, n int) {
	for i := from; i < from+n; i++ {
		files := map[string]string{}
		for _, c := range []string{"HU", "SK"} {
			var b strings.Builder
			fmt.Fprintf(&b, "code: %s\nitems:\n", c)
			for j := range 60 {
				fmt.Fprintf(&b, "  - item %d: %d\n", j, (i*j)%(7+i%3))
			}
			files["countries/"+c+"/as-is.yaml"] = b.String()
		}
		g.Write(files)
		g.Commit(fmt.Sprintf("revision %d", i))
	}
}

// Our pack reader, go-git's reads (HWFPLAN_GIT_READER=go-git) and packs over the
// memory budget all read every object as `git cat-file` does.
func TestReadersAgreeWithGit(t *testing.T) {
	base := gittest.New(t)
	commits(base, 0, 12)
	for what, layout := range layouts {
		// A copy of the same loose history for each layout.
		g := &gittest.Repo{T: t, Dir: t.TempDir(), Start: base.Start.AddDate(1, 0, 0)}
		if err := os.CopyFS(g.Dir, os.DirFS(base.Dir)); err != nil {
			t.Fatal(err)
		}
		layout(g)
		want := catObjects(t, g.Dir)
		packs := packFiles(g, ".pack")
		var sizes, packSizes []int64 // pack and index; pack alone
		for _, p := range packs {
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			ifi, err := os.Stat(strings.TrimSuffix(p, ".pack") + ".idx")
			if err != nil {
				t.Fatal(err)
			}
			sizes = append(sizes, fi.Size()+ifi.Size())
			packSizes = append(packSizes, fi.Size())
		}
		slices.Sort(sizes)
		slices.Sort(packSizes)
		type mode struct {
			env         string
			budget      int64
			inMemory    int // packs read whole
			memoryBytes int64
		}
		modes := map[string]mode{
			"pack reader": {budget: 512 << 20, inMemory: len(packs)},
			"go-git":      {env: "go-git", budget: 512 << 20},
			"budget 1":    {budget: 1},
		}
		if len(sizes) > 1 {
			// Room for the smallest pack only: the larger one is streamed.
			modes["budget for one pack"] = mode{budget: sizes[0], inMemory: 1, memoryBytes: packSizes[0]}
		}
		for name, m := range modes {
			t.Run(what+"/"+name, func(t *testing.T) {
				g.T = t
				t.Setenv(EnvReader, m.env)
				defer func(b int64) { memoryBudget = b }(memoryBudget)
				memoryBudget = m.budget
				r, err := Open(g.Dir)
				if err != nil {
					t.Fatal(err)
				}
				defer r.Close()
				if n := r.graph.objects.Packs(); n != m.inMemory {
					t.Errorf("%d packs read by the pack reader, want %d", n, m.inMemory)
				}
				if m.env == "go-git" && r.files != nil {
					t.Error("go-git reads go through the in-memory file system")
				}
				if m.memoryBytes > 0 || m.budget == 1 {
					var held int64
					for _, data := range r.files.bytes {
						held += int64(len(data))
					}
					if held > m.budget || (m.memoryBytes > 0 && held != m.memoryBytes) {
						t.Errorf("%d bytes held in memory with a budget of %d", held, m.budget)
					}
				}
				for h, w := range want {
					obj, err := r.graph.objects.Get(plumbing.AnyObject, h)
					if err != nil {
						t.Fatalf("%s %s: %v", w.typ, h, err)
					}
					if obj.Type.String() != w.typ || !bytes.Equal(obj.Data, w.data) {
						t.Fatalf("%s %s differs from git cat-file", w.typ, h)
					}
				}
				// The history walk and the tree file system go the same ways.
				if _, err := r.History(mustHead(t, r), "countries/HU", HistoryOptions{}); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}

func mustHead(t *testing.T, r *Repo) plumbing.Hash {
	t.Helper()
	h, err := r.Resolve("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestUnknownReader(t *testing.T) {
	g := gittest.New(t)
	commits(g, 0, 1)
	t.Setenv(EnvReader, "gogit")
	if _, err := Open(g.Dir); err == nil || !strings.Contains(err.Error(), `HWFPLAN_GIT_READER="gogit" is not a git reader: use go-git or pack`) {
		t.Errorf("error = %v", err)
	}
}
