package sitecli

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/hwfplan/hwfplan/internal/cmd/serve"
	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/editorwasm"
	"github.com/hwfplan/hwfplan/internal/golden"
	"github.com/hwfplan/hwfplan/internal/iostreams"
	"github.com/hwfplan/hwfplan/internal/preview"
	"github.com/hwfplan/hwfplan/internal/report"
)

// browser starts headless Chromium the way the site's tests do, or skips without
// one (fails under CI=true).
func browser(t *testing.T) context.Context {
	t.Helper()
	chromium, err := report.FindChromium(os.Getenv)
	if errors.Is(err, report.ErrNoChromium) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true and %v", err)
		}
		t.Skip("no Chromium installed (apt-get install chromium, or set CHROME_PATH): the form editor is not tested in a browser")
	}
	if err != nil {
		t.Fatal(err)
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(filepath.Join(t.TempDir(), "profile")),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-extensions", true), chromedp.Flag("disable-dev-shm-usage", true))
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("failed to start %s: %v", chromium, err)
	}
	return bctx
}

// page drives one page of the editor in the browser; every step fails the test
// with what it was doing.
type page struct {
	t    *testing.T
	ctx  context.Context
	errs []string // script errors and console errors seen so far
}

func newPage(t *testing.T, bctx context.Context) *page {
	p := &page{t: t, ctx: bctx}
	err := chromedp.Listen(bctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			p.errs = append(p.errs, "script error: "+e.ExceptionDetails.Text+" "+describeException(e.ExceptionDetails))
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				p.errs = append(p.errs, "console error: "+strings.Join(parts, " "))
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(bctx, runtime.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	return p
}

func describeException(d *runtime.ExceptionDetails) string {
	if d.Exception != nil {
		return d.Exception.Description
	}
	return ""
}

// do runs browser actions with a time limit.
func (p *page) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		p.t.Fatalf("%s: %v", what, err)
	}
}

// js evaluates an expression (awaiting a promise) and decodes its JSON value into out.
func (p *page) js(what, expr string, out any) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 30*time.Second)
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage]("(async () => JSON.stringify(await ("+expr+")))()", chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("%s: %v", what, err)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		p.t.Fatalf("%s: %v (%s)", what, err, raw)
	}
	if out != nil {
		if err := json.Unmarshal([]byte(s), out); err != nil {
			p.t.Fatalf("%s: %v (%s)", what, err, s)
		}
	}
}

// waitJS waits until the expression is true. The limit is generous: the
// engine's start (WebAssembly compiled, schemas compiled) takes a few seconds on
// a quiet machine and has taken over 20 on a loaded one; a page that works
// returns as soon as it is true.
func (p *page) waitJS(what, expr string) {
	p.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		var ok bool
		p.js(what, "!!("+expr+")", &ok)
		if ok {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("%s: still not true after 60 s: %s", what, expr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// field is the CSS selector of the form's element for a field path.
func field(path ...any) string {
	b, _ := json.Marshal(path)
	return fmt.Sprintf("[data-path='%s']", b)
}

// text types into a field's control and leaves it with Tab, as a person does; the
// editor applies the change when the control loses focus.
func (p *page) text(path []any, value string) {
	p.t.Helper()
	sel := field(path...) + " > input, " + field(path...) + " > textarea"
	p.do(fmt.Sprintf("type %q into %v", value, path),
		chromedp.ScrollIntoView(sel), chromedp.Focus(sel), chromedp.Evaluate[chromedp.Void](fmt.Sprintf("document.querySelector(%q).select()", sel)),
		chromedp.SendKeys(sel, value+"\t"))
}

// messagesAt lists the messages shown at a field.
func (p *page) messagesAt(path ...any) []string {
	p.t.Helper()
	var msgs []string
	p.js("messages at "+fmt.Sprint(path...), fmt.Sprintf(`[...document.querySelector(%q).querySelectorAll(":scope > .field-msgs .field-msg, :scope > .entry-body > .field-msgs .field-msg")].map(e => e.textContent)`, field(path...)), &msgs)
	return msgs
}

// TestFormEditorInChromium opens HU's form editor under the real preview server
// with its Save endpoint, in headless Chromium: it changes a score, adds a KPI,
// reorders and removes actions (a move with the keyboard), makes an error and sees
// its message at the field and in the summary, fixes it and saves. The saved files
// must equal testdata/editor/*.yaml byte for byte, comments included (-update
// rewrites them: read the diff). It also runs axe-core on the page at 1280 and 390
// px when .ci/site-check has been installed (npm ci), and logs the engine's start
// time and the time from a change to its validation result (BENCHMARKS.md).
func TestFormEditorInChromium(t *testing.T) {
	needEngine(t)
	bctx := browser(t)
	env := startEditor(t)
	p := newPage(t, bctx)
	p.do("open HU's editor", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(env.url+"/edit/hu/"),
		chromedp.WaitVisible("#editor-app"))
	var token string
	p.js("the save token", `document.querySelector('meta[name="hwfplan-save-token"]').content`, &token)
	if token != env.token {
		t.Fatalf("the edit page carries save token %q, want this run's", token)
	}

	// As is: a score, as a person picks a level.
	p.do("open as-is", chromedp.Click(`[role=tab][data-path="countries/HU/as-is.yaml"]`))
	p.do("score linkage 2", chromedp.Click(field("tasks", "data", "items", "linkage", "score")+` input[value="2"]`))
	p.waitJS("the change summary names the score", `[...document.querySelectorAll("#editor-diff li")].some(li => /linkage.*1 → 2/.test(li.textContent))`)

	// The action plan: a KPI for HU-A1, HU-A4 one place up with the keyboard, HU-A5 removed.
	p.do("open the action plan", chromedp.Click(`[role=tab][data-path="countries/HU/action-plan.yaml"]`))
	p.do("open HU-A1", chromedp.Click(field("actions", 0)+" > summary"))
	p.do("add a KPI", chromedp.Click(field("actions", 0, "kpis")+" > button.add"))
	kpi := []any{"actions", 0, "kpis", 0}
	var id string
	p.js("the new KPI's id", fmt.Sprintf("document.querySelector(%q).value", field(append(kpi, "id")...)+" > input"), &id)
	if id != "k2" {
		t.Errorf("the new KPI's id = %q, want k2 (k1 is a KPI of HU-A2: an id is never one the file used)", id)
	}
	p.text(append(kpi, "indicator"), "Share of employer records linked to the register")
	p.text(append(kpi, "unit"), "%")
	p.text(append(kpi, "baseline"), "0")
	p.text(append(kpi, "target"), "80")
	// An error: a target year after 2100. Its message shows at the field and in
	// the summary, and the control says it is invalid.
	p.text(append(kpi, "target_year"), "2200")
	yearInput := field(append(kpi, "target_year")...) + " > input"
	p.waitJS("the error at the target year", fmt.Sprintf("document.querySelector(%q).getAttribute('aria-invalid') === 'true'", yearInput))
	if msgs := p.messagesAt(append(kpi, "target_year")...); len(msgs) == 0 || !strings.Contains(strings.Join(msgs, " "), "2100") {
		t.Errorf("messages at target_year = %q, want one about its maximum 2100", msgs)
	}
	p.shots("error", yearInput)
	var summary []string
	p.js("the summary", `[...document.querySelectorAll("#editor-problem-list a")].map(a => a.textContent)`, &summary)
	if !strings.Contains(strings.Join(summary, "\n"), "target_year") {
		t.Errorf("the problem summary does not list the target year: %q", summary)
	}
	var describedBy bool
	p.js("aria-describedby", fmt.Sprintf(`(() => { const i = document.querySelector(%q); return i.getAttribute("aria-describedby").split(" ").some(id => document.getElementById(id).textContent.includes("2100")); })()`, yearInput), &describedBy)
	if !describedBy {
		t.Error("the target year's control is not described by its message")
	}
	p.text(append(kpi, "target_year"), "2027")
	p.waitJS("the error is gone", fmt.Sprintf("!document.querySelector(%q).hasAttribute('aria-invalid')", yearInput))

	p.shots("changes", "#editor-changes-title")
	// A list of names (a flow sequence in the file) gets a fifth entry; a choice
	// is changed through its select.
	p.do("add a participant", chromedp.Click(field("policy_dialogue", "participants")+" > button.add"))
	p.text([]any{"policy_dialogue", "participants", 4}, "Hungarian Chamber of Health Professionals")
	p.do("open HU-A2", chromedp.Click(field("actions", 1)+" > summary"))
	status := field("actions", 1, "status") + " > select"
	p.do("HU-A2 delayed", chromedp.Focus(status), chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
		`(() => { const s = document.querySelector(%q); s.value = "delayed"; s.dispatchEvent(new Event("change")); })()`, status)))
	p.waitJS("the status change is summarised", `[...document.querySelectorAll("#editor-diff li")].some(li => /HU-A2.*delayed/.test(li.textContent))`)

	p.do("open HU-A4", chromedp.Click(field("actions", 3)+" > summary"))
	p.do("move HU-A4 up with the keyboard", chromedp.Focus(field("actions", 3)+" .entry-tools button:first-child"), chromedp.KeyEvent("\r"))
	p.waitJS("HU-A4 is third", `document.querySelector(`+"`"+field("actions", 2)+" > summary"+"`"+`).textContent.startsWith("HU-A4")`)
	var focused string
	p.js("focus after the move", `document.activeElement.textContent`, &focused)
	if !strings.HasPrefix(focused, "Move") {
		t.Errorf("after a move the focus is on %q, want the entry's move button", focused)
	}
	p.do("open HU-A5", chromedp.Click(field("actions", 4)+" > summary"))
	p.do("remove HU-A5", chromedp.Click(field("actions", 4)+" .entry-tools button.danger"))
	p.do("confirm", chromedp.Click(field("actions", 4)+" .confirm button.danger"))
	p.waitJS("HU-A5 is gone", `![...document.querySelectorAll("#editor-form summary")].some(s => s.textContent.startsWith("HU-A5"))`)

	// Budget: the first validation within 300 ms of a change (logged, not asserted).
	var tm struct {
		Start, Engine, Loaded, Forms, Ready float64
		Changes                             []struct{ ToValidation, Validate float64 }
	}
	p.js("timings", "window.hwfplanEditorTimings", &tm)
	var worst, sum, validate float64
	for _, c := range tm.Changes {
		sum += c.ToValidation
		validate += c.Validate
		worst = max(worst, c.ToValidation)
	}
	n := float64(max(1, len(tm.Changes)))
	t.Logf("script ran %.0f ms after navigation; after it: engine started %.0f ms, files loaded %.0f ms, forms %.0f ms, form shown %.0f ms", tm.Start, tm.Engine, tm.Loaded, tm.Forms, tm.Ready)
	t.Logf("%d changes: change → first validation result mean %.1f ms (validate() alone %.1f ms), slowest %.1f ms", len(tm.Changes), sum/n, validate/n, worst)
	logSizes(t)

	p.axe("HU's editor")

	// Save: both files are written; the preview rebuilds and the page reloads.
	p.do("save", chromedp.Click("#editor-save"))
	p.waitJS("saved", `/^Saved /.test(document.querySelector("#editor-result").textContent)`)
	for _, name := range []string{"as-is.yaml", "action-plan.yaml"} {
		got, err := os.ReadFile(filepath.Join(env.root, "countries", "HU", name))
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, filepath.Join("testdata", "editor", name), got)
	}
	// The preview rebuilds (the watcher would) and the page reloads with the saved
	// files: no changes left, and the page says what was saved.
	if problems := env.srv.Rebuild(); len(problems) > 0 {
		t.Fatalf("the saved plans do not build: %v", problems)
	}
	p.waitJS("reloaded with the saved files", `document.querySelector("#editor-result") && /^Saved countries\/HU\/as-is.yaml, countries\/HU\/action-plan.yaml/.test(document.querySelector("#editor-result").textContent) && document.querySelector("#editor-diff").children.length === 0`)

	// A conflict: the file changed on disk after the page loaded. Nothing is
	// written and the editor says so.
	p.do("open as-is", chromedp.WaitVisible("#editor-app"), chromedp.Click(`[role=tab][data-path="countries/HU/as-is.yaml"]`))
	p.do("score linkage 1", chromedp.Click(field("tasks", "data", "items", "linkage", "score")+` input[value="1"]`))
	asIs := filepath.Join(env.root, "countries", "HU", "as-is.yaml")
	meanwhile := append(must(os.ReadFile(asIs)), "# changed meanwhile\n"...)
	if err := os.WriteFile(asIs, meanwhile, 0o644); err != nil {
		t.Fatal(err)
	}
	p.do("save", chromedp.Click("#editor-save"))
	p.waitJS("the conflict is reported", `/changed on disk/.test(document.querySelector("#editor-result").textContent)`)
	if got := must(os.ReadFile(asIs)); string(got) != string(meanwhile) {
		t.Error("a save over a file changed meanwhile wrote it")
	}

	// The watcher rebuilds for the file changed on disk while the page holds a
	// change not saved: the page does not reload (which would ask to leave it at
	// every poll, or drop the change), keeps the change and says why.
	p.js("mark the page", `(window.hwfplanStays = true)`, nil)
	if problems := env.srv.Rebuild(); len(problems) > 0 {
		t.Fatalf("the plans do not build: %v", problems)
	}
	p.waitJS("the page says the preview was rebuilt", `/preview has been rebuilt/.test(document.querySelector("#editor-result").textContent)`)
	p.do("a few more polls", chromedp.Sleep(2*time.Second))
	var stays bool
	p.js("the same page, the change kept", `window.hwfplanStays === true && document.querySelector("#editor-diff").children.length > 0`, &stays)
	if !stays {
		t.Error("a rebuild reloaded the page with a change not saved")
	}
	for _, e := range p.errs {
		t.Error(e)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// axe runs axe-core (WCAG 2.1 A/AA and best practices, as .ci/site-check does)
// on the page at 1280 and 390 px, and checks the page does not scroll sideways
// at 390 px. axe-core comes from .ci/site-check (npm ci there); without it the
// check is skipped with a note, because site-check runs it on every page anyway.
func (p *page) axe(what string) {
	p.t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", ".ci", "site-check", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		p.t.Logf("axe-core is not installed (cd .ci/site-check && npm ci): %s not checked with axe here", what)
		return
	}
	p.do("load axe-core", chromedp.Evaluate[chromedp.Void](string(src)))
	for _, w := range []int64{1280, 390} {
		p.do("viewport", chromedp.EmulateViewport(w, 900), chromedp.Sleep(100*time.Millisecond))
		var found []string
		p.js("axe at "+fmt.Sprint(w), `axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }, resultTypes: ["violations"] })
  .then(r => r.violations.flatMap(v => v.nodes.map(n => v.id + " (" + v.impact + "): " + v.help + " at " + n.target.join(" "))))`, &found)
		for _, f := range found {
			p.t.Errorf("%s at %d px: axe %s", what, w, f)
		}
		var overflow int
		p.js("overflow", "document.documentElement.scrollWidth - window.innerWidth", &overflow)
		if overflow > 0 {
			p.t.Errorf("%s at %d px: the page is %d px wider than the screen", what, w, overflow)
		}
	}
	p.do("viewport", chromedp.EmulateViewport(1280, 900))
}

// editorEnv is a copy of the shipped plans served by the real preview server.
type editorEnv struct {
	url   string // the preview's address
	root  string // the plans copy the Save endpoint writes to
	token string // the save token of this run
	srv   *preview.Server
}

func startEditor(t *testing.T) *editorEnv {
	t.Helper()
	root := plansCopy(t)
	ios, _, _, _ := iostreams.Test()
	opts := &serve.Options{Factory: &cmdutil.Factory{IOStreams: ios, RootFlag: &root}, RepoURL: "https://github.com/hwfplan/hwfplan", Branch: "main"}
	srv := preview.NewServer(Builder(opts))
	if problems := srv.Rebuild(); len(problems) > 0 {
		t.Fatalf("the shipped plans do not build: %v", problems)
	}
	hs := httptest.NewUnstartedServer(srv)
	saver, err := preview.NewSaver(root, hs.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	srv.EnableSave(saver)
	hs.Start()
	t.Cleanup(hs.Close)
	return &editorEnv{url: hs.URL, root: root, srv: srv, token: saver.Token()}
}

// shots saves screenshots of the page as it is now into the folder named by
// HWFPLAN_EDITOR_SHOTS (for the planner's guide; nothing without it): the top
// of the page and the element sel centred, at 1280 and 390 px.
func (p *page) shots(name, sel string) {
	p.t.Helper()
	dir := os.Getenv("HWFPLAN_EDITOR_SHOTS")
	if dir == "" {
		return
	}
	for _, w := range []int64{1280, 390} {
		for _, at := range []string{"top", "field"} {
			scroll := "window.scrollTo(0, 0)"
			if at == "field" {
				scroll = fmt.Sprintf("document.querySelector(%q).scrollIntoView({block: 'center'})", sel)
			}
			p.do("viewport", chromedp.EmulateViewport(w, 900), chromedp.Evaluate[chromedp.Void](scroll), chromedp.Sleep(150*time.Millisecond))
			ctx, cancel := context.WithTimeout(p.ctx, 30*time.Second)
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			cancel()
			if err != nil {
				p.t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("editor-%s-%s-%d.png", name, at, w)), png, 0o644); err != nil {
				p.t.Fatal(err)
			}
		}
	}
	p.do("viewport", chromedp.EmulateViewport(1280, 900))
}

// TestFormEditorProposesOnGitHub opens HU's editor on the published site (no save
// token): Propose this change copies the new text and opens GitHub's editor for
// the file; Download offers the file under its own name. window.open, the
// clipboard and the download are caught in the page, so nothing leaves localhost.
func TestFormEditorProposesOnGitHub(t *testing.T) {
	needEngine(t)
	bctx := browser(t)
	root := plansCopy(t)
	// Plan text is data: markup in a title must reach the form as text.
	ap := filepath.Join(root, "countries", "HU", "action-plan.yaml")
	hostileTitle := `"<img src=x onerror=window.__pwned=1> <b>bold</b> {{ .Site }}"`
	if err := os.WriteFile(ap, []byte(strings.Replace(string(must(os.ReadFile(ap))), "title: Legal basis for linking register and HR data", "title: "+hostileTitle, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, _, _ := iostreams.Test()
	opts := &serve.Options{Factory: &cmdutil.Factory{IOStreams: ios, RootFlag: &root}, RepoURL: "https://github.com/example/plans", Branch: "trunk"}
	files, problems, err := Builder(opts)()
	if err != nil || len(problems) > 0 {
		t.Fatalf("build: %v %v", err, problems)
	}
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	hs := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer hs.Close()
	p := newPage(t, bctx)
	p.do("viewport", chromedp.EmulateViewport(1280, 900))
	// A browser without WebAssembly: the page says so and links each file to
	// GitHub's editor instead.
	noWasm, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: "delete window.WebAssembly"})
	if err != nil {
		t.Fatal(err)
	}
	p.do("open without WebAssembly", chromedp.Navigate(hs.URL+"/edit/hu/"), chromedp.WaitVisible("#editor-fallback"))
	var fallback struct {
		Reason string
		Links  []string
		App    bool
	}
	p.js("the fallback", `({ reason: document.querySelector("#editor-fallback-reason").textContent, app: !document.querySelector("#editor-app").hidden,
  links: [...document.querySelectorAll("#editor-fallback-links a")].map(a => a.href) })`, &fallback)
	if !strings.Contains(fallback.Reason, "WebAssembly") || fallback.App || len(fallback.Links) != 5 ||
		fallback.Links[0] != "https://github.com/example/plans/edit/trunk/countries/HU/country.yaml" {
		t.Errorf("without WebAssembly the page shows %+v, want the reason and GitHub's editor for each of the 5 files", fallback)
	}
	p.axe("HU's editor without WebAssembly")
	if _, err := chromedp.Call(p.ctx, cdppage.RemoveScriptToEvaluateOnNewDocument, cdppage.RemoveScriptToEvaluateOnNewDocumentParams(noWasm)); err != nil {
		t.Fatal(err)
	}
	p.do("open HU's editor", chromedp.Navigate(hs.URL+"/edit/hu/"), chromedp.WaitVisible("#editor-app"))
	var saveShown bool
	p.js("save hidden", `!document.querySelector("#editor-save-box").hidden`, &saveShown)
	if saveShown {
		t.Error("the published site offers Save")
	}
	p.js("catch window.open, the clipboard and downloads", `(() => {
  window.__opened = []; window.__copied = []; window.__downloads = [];
  window.open = (u) => { window.__opened.push(u); return {}; };
  Object.defineProperty(navigator, "clipboard", { value: { writeText: (s) => { window.__copied.push(s); return Promise.resolve(); } } });
  HTMLAnchorElement.prototype.click = function () {
    const name = this.getAttribute("download");
    fetch(this.href).then(r => r.text()).then(text => window.__downloads.push({ name, text }));
  };
  return true;
})()`, nil)
	// The file tabs with the keyboard: arrows move between them; every file's
	// form, every entry open, passes axe.
	p.do("focus the first tab", chromedp.Focus(`[role=tab][aria-selected=true]`))
	for _, want := range []string{"as-is.yaml", "to-be.yaml", "to-do.yaml", "action-plan.yaml"} {
		p.do("next tab", chromedp.KeyEvent(kb.ArrowRight))
		var got string
		p.js("the focused tab", `document.activeElement.getAttribute("aria-selected") + " " + document.activeElement.dataset.path`, &got)
		if got != "true countries/HU/"+want {
			t.Errorf("after ArrowRight the focus is on %q, want the selected tab of %s", got, want)
		}
		p.js("open every entry", `(() => { document.querySelectorAll("#editor-form details").forEach(d => d.open = true); return true; })()`, nil)
		p.axe("HU's editor, " + want)
	}
	var shown struct {
		Pwned      bool
		Markup     int
		Title, Val string
	}
	p.js("the hostile title", `({ pwned: window.__pwned !== undefined, markup: document.querySelectorAll("#editor-form img, #editor-form b").length,
  title: document.querySelector(`+"`"+field("actions", 0)+" > summary"+"`"+`).textContent,
  val: document.querySelector(`+"`"+field("actions", 0, "title")+" > input"+"`"+`).value })`, &shown)
	if shown.Pwned || shown.Markup > 0 || !strings.Contains(shown.Title, "<img src=x") || !strings.HasPrefix(shown.Val, "<img src=x") {
		t.Errorf("a title with markup is not shown as text: %+v", shown)
	}
	p.do("open as-is", chromedp.Click(`[role=tab][data-path="countries/HU/as-is.yaml"]`))
	p.do("score linkage 2", chromedp.Click(field("tasks", "data", "items", "linkage", "score")+` input[value="2"]`))
	p.do("propose", chromedp.Click("#editor-propose"))
	p.waitJS("copied", "window.__copied.length === 1")
	var got struct {
		Opened []string
		Copied []string
		Steps  bool
	}
	p.js("what was proposed", `({ opened: window.__opened, copied: window.__copied, steps: !document.querySelector("#editor-propose-steps").hidden })`, &got)
	if want := "https://github.com/example/plans/edit/trunk/countries/HU/as-is.yaml"; len(got.Opened) != 1 || got.Opened[0] != want {
		t.Errorf("opened %q, want GitHub's editor %s", got.Opened, want)
	}
	orig, err := os.ReadFile(filepath.Join(root, "countries", "HU", "as-is.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	wantText := strings.Replace(string(orig), "      linkage:\n        score: 1\n", "      linkage:\n        score: 2\n", 1)
	if wantText == string(orig) {
		t.Fatal("the test's plan has no linkage score 1 to change")
	}
	if got.Copied[0] != wantText {
		t.Errorf("copied text is not the file with one score changed:\n%s", got.Copied[0])
	}
	if !got.Steps {
		t.Error("the steps for GitHub's editor are not shown")
	}
	p.do("download", chromedp.Click("#editor-download"))
	p.waitJS("downloaded", "window.__downloads.length === 1")
	var dl []struct{ Name, Text string }
	p.js("the download", "window.__downloads", &dl)
	if dl[0].Name != "as-is.yaml" || dl[0].Text != wantText {
		t.Errorf("download %q (%d bytes), want as-is.yaml with the change", dl[0].Name, len(dl[0].Text))
	}

	for _, e := range p.errs {
		t.Error(e)
	}
}

// needEngine skips without a generated engine (go generate ./internal/editorwasm):
// the edit pages then say the editor is missing, which site's tests cover.
func needEngine(t *testing.T) {
	t.Helper()
	if _, ok := editorwasm.Engine(); !ok {
		t.Skip("the form editor's engine is not generated here: run " + editorwasm.Command)
	}
}

// logSizes logs what a browser downloads for the editor, raw and gzip -9
// compressed (the budget: 4 MB compressed for the engine and scripts).
func logSizes(t *testing.T) {
	t.Helper()
	files, _ := editorwasm.Engine()
	for _, name := range []string{"editor.js", "editor.css"} {
		files[name] = must(os.ReadFile(filepath.Join("..", "..", "site", "assets", "editor", name)))
	}
	var raw, packed int
	var parts []string
	for _, name := range []string{editorwasm.WasmFile, editorwasm.LoaderFile, "editor.js", "editor.css"} {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zw.Write(files[name])
		zw.Close()
		raw += len(files[name])
		packed += b.Len()
		parts = append(parts, fmt.Sprintf("%s %d → %d", name, len(files[name]), b.Len()))
	}
	t.Logf("editor downloads (bytes, raw → gzip -9): %s; total %d → %d", strings.Join(parts, ", "), raw, packed)
}

// TestFormEditorInHungarian opens HU's form editor on the Hungarian pages
// (/hu/edit/hu/): the form's labels are Hungarian, a task's title and a
// score's levels from the framework's translation (schema/framework.hu.yaml),
// a plan field's label from the bundle (site/i18n/hu.yaml, edit.form.*), while
// the change summary stays English, as `hwfplan diff` gives it. The page
// passes axe with every entry open.
func TestFormEditorInHungarian(t *testing.T) {
	needEngine(t)
	bctx := browser(t)
	env := startEditor(t)
	fwHU := string(must(os.ReadFile(filepath.Join("..", "..", "schema", "framework.hu.yaml"))))
	bundleHU := string(must(os.ReadFile(filepath.Join("..", "..", "site", "i18n", "hu.yaml"))))
	wants := []struct{ text, from, source string }{
		{"A tervezési adatok és adatforrások fejlesztése", "a task's title", fwHU},
		{"Nincs rendszeres frissítés", "a score level", fwHU},
		{"A felmérés dátuma", "a field's label", bundleHU},
		{"Használt adatforrások", "a list's label", bundleHU},
	}
	for _, w := range wants {
		if !strings.Contains(w.source, w.text) {
			t.Fatalf("%s %q is not in the Hungarian translation any more: update the test", w.from, w.text)
		}
	}
	p := newPage(t, bctx)
	p.do("open HU's editor in Hungarian", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(env.url+"/hu/edit/hu/"),
		chromedp.WaitVisible("#editor-app"))
	p.do("open as-is", chromedp.Click(`[role=tab][data-path="countries/HU/as-is.yaml"]`))
	var shown struct {
		Lang, Form, Tab, Title string
	}
	p.js("the form", `({ lang: document.documentElement.lang, form: document.querySelector("#editor-form").textContent,
  tab: document.querySelector('[role=tab][data-path="countries/HU/as-is.yaml"]').textContent, title: document.querySelector("#editor-file-title").textContent })`, &shown)
	if shown.Lang != "hu" {
		t.Errorf("the page's language is %q", shown.Lang)
	}
	for _, w := range wants {
		if !strings.Contains(shown.Form, w.text) {
			t.Errorf("the Hungarian form does not show %s %q", w.from, w.text)
		}
	}
	for _, english := range []string{"Assessment date", "Data sources in use", "No regular update", "Optimize planning data"} {
		if strings.Contains(shown.Form, english) {
			t.Errorf("the Hungarian form still shows %q", english)
		}
	}
	if !strings.Contains(shown.Tab, "A jelenlegi állapot felmérése") || shown.Title != "A jelenlegi állapot felmérése" {
		t.Errorf("the file's tab %q and title %q, want the as-is file's Hungarian name", shown.Tab, shown.Title)
	}
	p.do("score linkage 2", chromedp.Click(field("tasks", "data", "items", "linkage", "score")+` input[value="2"]`))
	p.waitJS("the change summary, in English", `[...document.querySelectorAll("#editor-diff li")].some(li => li.textContent === "HU › as-is › data.linkage: score 1 → 2")`)
	p.js("open every entry", `(() => { document.querySelectorAll("#editor-form details").forEach(d => d.open = true); return true; })()`, nil)
	p.axe("HU's editor in Hungarian")
	var timings struct{ Engine, Loaded, Forms float64 }
	p.js("timings", "window.hwfplanEditorTimings", &timings)
	t.Logf("in Hungarian: engine started %.0f ms, files loaded and the language taken %.0f ms, forms %.0f ms", timings.Engine, timings.Loaded, timings.Forms)
	p.shots("hu", field("tasks", "data", "items", "linkage", "score"))
	for _, e := range p.errs {
		t.Error(e)
	}
}
