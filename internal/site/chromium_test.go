package site

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/progress"
	"github.com/hwfplan/hwfplan/internal/publish"
	"github.com/hwfplan/hwfplan/internal/report"
)

// hostile is what a careless or hostile contributor could write in any text
// field: markup, event handlers, script and data links, Hugo shortcodes (one
// unknown, one that embeds a player, one that fetches an oEmbed card), Hugo
// template actions, an image from elsewhere, and terminal escape sequences.
const hostile = "PAYLOAD <script>window.__pwned='script'</script> <img src=x onerror=\"window.__pwned='img'\"> " +
	"<svg onload=\"window.__pwned='svg'\"></svg> <iframe src=\"https://evil.example/\"></iframe> " +
	"[click](javascript:window.__pwned='link') [data](data:text/html,<script>parent.__pwned=1</script>) " +
	"<a href=\"javascript:window.__pwned='a'\">a</a> ![pixel](https://evil.example/pixel.png) " +
	"{{< no-such >}} {{< youtube dQw4w9WgXcQ >}} {{< x user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}} " +
	"{{< instagram CxOWiQNP2MO >}} {{% vimeo 146022717 %}} {{ .Site.Title}} {{ os.Getenv \"HOME\"}} " +
	"\x1b[2J\x1b]0;pwned\x07 \u202eevil <style>body{background:url(https://evil.example/bg.png)}</style>"

// TestSiteInChromium builds the site from plans whose every text field (and URL
// field, and the commit data of a revision) holds hostile text, serves it on
// localhost and opens every page in headless Chromium: no script from the data
// runs, no page holds an event handler, a frame or a javascript: link, and no
// request leaves localhost. Without Chromium it skips, except in CI (CI=true),
// where it fails.
func TestSiteInChromium(t *testing.T) {
	chromium, err := report.FindChromium(os.Getenv)
	if errors.Is(err, report.ErrNoChromium) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true and %v", err)
		}
		t.Skip("no Chromium installed (apt-get install chromium, or set CHROME_PATH): the site is not tested in a browser")
	}
	if err != nil {
		t.Fatal(err)
	}
	fsys := repoFS(t, plans+programmePlans)
	repo, _ := load.Load(fsys, load.Options{})
	pr := repo.Programme
	for _, p := range []any{pr.EUActionPlan, pr.Dialogues, pr.PolicyBoard, pr.SustainabilityPlan, pr.Twinning, pr.Knowledge} {
		setText(reflect.ValueOf(p), hostile, "javascript:window.__pwned='url'", false)
	}
	for _, c := range repo.Countries {
		for _, p := range []any{c.Country, c.AsIs, c.ToBe, c.ToDo, c.ActionPlan} {
			setText(reflect.ValueOf(p), hostile, "javascript:window.__pwned='url'", false)
		}
	}
	for _, cl := range repo.Clusters {
		setText(reflect.ValueOf(cl.Cluster), hostile, "javascript:window.__pwned='url'", false)
	}
	// Progress as of a date, so the progress sections show hostile KPI, source
	// and deliverable text too.
	in := Input{Repo: repo, SourceTime: sourceTime, Revisions: map[string][]Revision{
		"HU": {{Hash: "0123456789abcdef", Date: sourceTime, Author: hostile, Subject: hostile, Summary: hostile}},
	}, Progress: progress.Compute(repo, "2026-06-30"), AsOf: publish.AsOf{Date: "2026-06-30", From: progress.FromFlag}}

	dir := filepath.Join(t.TempDir(), "public")
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	if _, err := Build(in, Options{BaseURL: srv.URL + "/"}, dir); err != nil {
		t.Fatalf("hostile text stopped the build: %v", err)
	}
	var pages []string
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Name() == "index.html" {
			rel, _ := filepath.Rel(dir, filepath.Dir(p))
			pages = append(pages, strings.TrimPrefix(filepath.ToSlash(rel), "."))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(pages)
	if len(pages) < 5 {
		t.Fatalf("only %d pages built: %v", len(pages), pages)
	}

	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(filepath.Join(t.TempDir(), "profile")),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-extensions", true), chromedp.Flag("disable-dev-shm-usage", true))
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("failed to start %s: %v", chromium, err)
	}

	local, _ := url.Parse(srv.URL)
	var mu sync.Mutex
	var outside, dialogs []string
	err = chromedp.Listen(bctx, func(ev any) {
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			u, err := url.Parse(e.Request.URL)
			if err != nil || (u.Scheme != "data" && u.Scheme != "about" && u.Scheme != "blob" && u.Host != local.Host) {
				mu.Lock()
				outside = append(outside, e.Request.URL)
				mu.Unlock()
			}
		case *cdppage.EventJavascriptDialogOpening:
			mu.Lock()
			dialogs = append(dialogs, e.Message)
			mu.Unlock()
			go func() {
				_, _ = chromedp.Call(bctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{})
			}()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(bctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	// What each page is checked for once loaded: anything the data set, event
	// handler attributes, frames and embeds, and links to other schemes.
	const probe = `(() => {
  const bad = [];
  if (window.__pwned !== undefined) bad.push("script ran: " + window.__pwned);
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      if (a.name.startsWith("on")) bad.push("handler " + a.name + " on <" + el.localName + ">");
    }
    if (["iframe", "frame", "object", "embed"].includes(el.localName)) bad.push("element <" + el.localName + ">");
    if (el.localName === "form" && new URL(el.action, location.href).origin !== location.origin) bad.push("form to " + el.action);
    if (el.localName === "script" && el.src && !el.src.startsWith(location.origin)) bad.push("script from " + el.src);
  }
  for (const a of document.querySelectorAll("[href]")) {
    const p = new URL(a.getAttribute("href"), location.href).protocol;
    if (!["http:", "https:", "mailto:", "data:"].includes(p)) bad.push("link " + a.getAttribute("href"));
  }
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/.test(document.documentElement.outerHTML)) bad.push("a raw control character");
  if (!document.body.textContent.includes("PAYLOAD") && /\/countries\/hu|\/programme\/./.test(location.pathname)) bad.push("the plan text is not on the page");
  return bad;
})()`
	for _, p := range pages {
		ctx, cancel := context.WithTimeout(bctx, 60*time.Second)
		err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"+p), chromedp.Sleep(200*time.Millisecond))
		var bad []string
		if err == nil {
			bad, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](probe))
		}
		cancel()
		if err != nil {
			t.Fatalf("/%s: %v", p, err)
		}
		for _, b := range bad {
			t.Errorf("/%s: %s", p, b)
		}
	}
	// The search script words its status from the page's messages (site/i18n).
	for q, want := range map[string]string{"": "Type words to search for in the box above.", "Hungary": " match “Hungary”.", "zzzqqq": "0 results match “zzzqqq”."} {
		ctx, cancel := context.WithTimeout(bctx, 60*time.Second)
		var status string
		err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/search/?q="+url.QueryEscape(q)))
		if err == nil {
			status, err = chromedp.Run(ctx, chromedp.Poll[string](`document.getElementById("search-status").textContent || null`, chromedp.WithPollingTimeout(10*time.Second)))
		}
		cancel()
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		if !strings.Contains(status, want) {
			t.Errorf("search %q: status %q, want it to contain %q", q, status, want)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(outside) > 0 {
		t.Errorf("requests left localhost: %v", outside)
	}
	if len(dialogs) > 0 {
		t.Errorf("dialogs opened: %v", dialogs)
	}
	t.Logf("checked %d pages in %s", len(pages), chromium)
}
