package gitrev_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
)

// packedHistory builds a repository whose files' revisions are stored as long delta
// chains that run through each other (similar files in several folders), packed with
// offset deltas (ofs) or by-name deltas, then adds commits that stay loose.
func packedHistory(t *testing.T, ofs bool) *gittest.Repo {
	t.Helper()
	g := gittest.New(t)
	line := func(i, j int) string {
		return fmt.Sprintf("  - item %d of revision %d: %s\n", j, i, strings.Repeat("x", j%7))
	}
	for i := range 30 {
		files := map[string]string{}
		for _, c := range []string{"HU", "SK", "EE"} {
			var b strings.Builder
			b.WriteString("code: " + c + "\nitems:\n")
			for j := range 150 {
				if (i+j)%11 == 0 || c == "SK" && j%5 == i%5 {
					b.WriteString(line(i, j))
				} else {
					b.WriteString(line(0, j))
				}
			}
			files["countries/"+c+"/as-is.yaml"] = b.String()
		}
		if i%3 == 0 {
			files["countries/HU/to-be.yaml"] = strings.Repeat(fmt.Sprintf("target %d\n", i), 400) // a blob over 16 KiB
		}
		g.Write(files)
		g.Commit(fmt.Sprintf("revision %d", i))
	}
	g.Git("-c", "repack.useDeltaBaseOffset="+strconv.FormatBool(ofs), "repack", "-adfq", "--depth=50", "--window=50")
	for i := range 3 {
		g.Write(map[string]string{"countries/HU/as-is.yaml": fmt.Sprintf("loose %d\n", i)})
		g.Commit(fmt.Sprintf("loose %d", i))
	}
	return g
}

// catAll returns every blob of the repository, read by git itself.
func catAll(t *testing.T, dir string) map[plumbing.Hash][]byte {
	t.Helper()
	cmd := exec.Command("git", "-C", dir, "cat-file", "--batch-all-objects", "--batch")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	blobs := map[plumbing.Hash][]byte{}
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
		if f[1] == "blob" {
			blobs[plumbing.NewHash(f[0])] = data[:n]
		}
	}
	return blobs
}

func TestPackedObjects(t *testing.T) {
	for _, ofs := range []bool{true, false} {
		t.Run(fmt.Sprintf("ofs-delta=%v", ofs), func(t *testing.T) {
			g := packedHistory(t, ofs)
			want := catAll(t, g.Dir)
			r := open(t, g.Dir)

			// Every file of every revision, through the tree file system.
			files := 0
			for _, c := range g.Log("--all") {
				fsys, err := r.FS(plumbing.NewHash(c))
				if err != nil {
					t.Fatal(err)
				}
				for _, l := range strings.Split(g.Git("ls-tree", "-r", c), "\n") {
					meta, p, _ := strings.Cut(l, "\t")
					got, err := fs.ReadFile(fsys, p)
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(got, want[plumbing.NewHash(strings.Fields(meta)[2])]) {
						t.Errorf("%s:%s differs from git cat-file", c[:7], p)
					}
					files++
				}
			}
			if files < 100 {
				t.Fatalf("only %d files read", files)
			}

			// Every blob at once, on one and on several goroutines; plus a missing one
			// and a tree, which must fail.
			var hashes []plumbing.Hash
			for h := range want {
				hashes = append(hashes, h, h) // duplicates are read once
			}
			missing := plumbing.NewHash(strings.Repeat("ab", 20))
			tree := plumbing.NewHash(strings.TrimSpace(g.Git("rev-parse", "HEAD^{tree}")))
			hashes = append(hashes, missing, tree)
			for _, workers := range []int{1, 3} {
				var mu sync.Mutex
				got := map[plumbing.Hash][]byte{}
				failed := map[plumbing.Hash]bool{}
				r.ReadBlobs(hashes, workers, func(h plumbing.Hash, data []byte, err error) {
					mu.Lock()
					defer mu.Unlock()
					if _, ok := got[h]; ok || failed[h] {
						t.Errorf("%s reported twice", h)
					}
					if err != nil {
						failed[h] = true
						return
					}
					got[h] = data
				})
				if len(got) != len(want) || !failed[missing] || !failed[tree] || len(failed) != 2 {
					t.Errorf("workers=%d: %d blobs read of %d, failed %v", workers, len(got), len(want), failed)
				}
				for h, data := range want {
					if !bytes.Equal(got[h], data) {
						t.Errorf("workers=%d: blob %s differs from git cat-file", workers, h)
					}
				}
			}
		})
	}
}

// The tree entries of a folder, with modes as the file system reports them.
func TestTree(t *testing.T) {
	g := gittest.New(t)
	g.Write(map[string]string{"countries/HU/as-is.yaml": "a\n", "countries/HU/run.sh": "x\n", "countries/HU/sub/x.yaml": "b\n"})
	g.Git("update-index", "--add", "--chmod=+x", "countries/HU/run.sh")
	head := g.Commit("one")
	r := open(t, g.Dir)
	h, es, err := r.Tree(plumbing.NewHash(head), "countries/HU")
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimSpace(g.Git("rev-parse", head+":countries/HU")); h.String() != want {
		t.Errorf("tree %s, want %s", h, want)
	}
	var got []string
	for _, e := range es {
		got = append(got, fmt.Sprintf("%s %v %v", e.Name, e.Mode.IsRegular(), e.Mode.IsDir()))
	}
	if s := strings.Join(got, ", "); s != "as-is.yaml true false, run.sh true false, sub false true" {
		t.Errorf("entries: %s", s)
	}
	if h, es, err := r.Tree(plumbing.NewHash(head), "countries/XX"); !h.IsZero() || es != nil || err != nil {
		t.Errorf("absent folder: %v %v %v", h, es, err)
	}
	if h, es, err := r.Tree(plumbing.NewHash(head), "countries/HU/as-is.yaml"); h.IsZero() || es != nil || err != nil {
		t.Errorf("a file: %v %v %v", h, es, err)
	}
}
