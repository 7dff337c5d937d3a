// Package serve implements `hwfplan serve`: a local preview of the site on
// 127.0.0.1 that rebuilds when a plan, the framework or a site file changes, shows
// validation errors in the terminal and in the browser, and reloads the page.
package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/hwfplan/hwfplan/internal/buildinfo"
	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/preview"
	"github.com/spf13/cobra"
)

// Options are the flags of `hwfplan serve`.
type Options struct {
	Factory *cmdutil.Factory
	Port    int
	RepoURL string
	Branch  string
}

// NewCmdServe builds `hwfplan serve`; runF runs it (in hwfplan-site, Run with the
// site builder; in hwfplan, the hand-over to hwfplan-site).
func NewCmdServe(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Preview the site locally, rebuilding on every change",
		Long: `Build the site in memory and serve it on http://127.0.0.1:PORT/. When a file under
countries/, clusters/, programme/, schema/, site/ or templates/, or publication.yaml,
changes, the plans are validated
again: problems are printed here and shown in the browser instead of the page;
otherwise the site is rebuilt and open pages reload by themselves.

The form editor's Save button (the edit pages, /edit/<code>/) writes the plan file
it edits into this working copy, and the preview rebuilds. A save is accepted only
from this computer, from the preview's own pages (a token made for each run, which
the pages carry), for one of a country's plan files
(countries/<CODE>/{country,as-is,to-be,to-do,action-plan}.yaml, never a path out
of the repository), and only if the file on disk is still the one the editor
loaded: if it changed meanwhile, nothing is written and the editor says so.

Like build, it runs in hwfplan-site, the companion program installed next to hwfplan.`,
		Example: "  hwfplan serve\n  hwfplan serve --port 8080",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runF(opts)
		},
	}
	cmd.Flags().IntVarP(&opts.Port, "port", "p", 1313, "`port` to listen on (127.0.0.1 only)")
	cmd.Flags().StringVar(&opts.RepoURL, "repo-url", buildinfo.DefaultRepoURL, "web `URL` of the plans repository, for \"edit this file\" links")
	cmd.Flags().StringVar(&opts.Branch, "branch", buildinfo.DefaultBranch, "`branch` the edit links open")
	return cmd
}

// Run serves until interrupted, building the site with build (internal/sitecli's
// Builder in hwfplan-site).
func Run(ctx context.Context, opts *Options, build preview.BuildFunc) error {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	io := opts.Factory.IOStreams
	root, err := opts.Factory.PlansRoot()
	if err != nil {
		return err
	}
	srv := preview.NewServer(build)
	report := func(start time.Time) {
		if problems := srv.Rebuild(); len(problems) > 0 {
			for _, p := range problems {
				fmt.Fprintln(io.ErrOut, p)
			}
			fmt.Fprintln(io.ErrOut, "the site cannot be built; fix the problems above and save")
			return
		}
		fmt.Fprintf(io.ErrOut, "built in %s\n", time.Since(start).Round(time.Millisecond))
	}
	report(time.Now())
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(opts.Port)))
	if err != nil {
		return fmt.Errorf("failed to listen on port %d: %w", opts.Port, err)
	}
	saver, err := preview.NewSaver(root, ln.Addr().String())
	if err != nil {
		ln.Close()
		return err
	}
	srv.EnableSave(saver)
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(io.ErrOut, "serving http://%s/ (Ctrl+C to stop)\n", ln.Addr())
	errc := make(chan error, 2)
	go func() { errc <- hs.Serve(ln) }()
	go func() {
		errc <- preview.Watch(ctx, root, 300*time.Millisecond, func() {
			fmt.Fprintln(io.ErrOut, "change detected, rebuilding")
			report(time.Now())
		})
	}()
	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = hs.Shutdown(shutdown)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}
