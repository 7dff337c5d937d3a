package report

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// ErrNoChromium is returned by FindChromium when no Chromium or Chrome is installed.
var ErrNoChromium = errors.New("no Chromium or Chrome found to print the PDF; install one (Debian/Ubuntu: apt-get install chromium) or set CHROME_PATH to its executable")

// chromiumNames are the executables tried, in order, after CHROME_PATH.
var chromiumNames = []string{
	"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome-stable", "google-chrome",
	"chrome", "headless-shell", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
}

// FindChromium returns the browser to print with: $CHROME_PATH if set (it must
// exist), otherwise the first of the usual names found on the PATH.
func FindChromium(getenv func(string) string) (string, error) {
	if p := getenv("CHROME_PATH"); p != "" {
		if _, err := exec.LookPath(p); err != nil {
			return "", fmt.Errorf("CHROME_PATH=%s is not an executable (%v): %w", p, err, ErrNoChromium)
		}
		return p, nil
	}
	for _, name := range chromiumNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// PDFOptions tune printing.
type PDFOptions struct {
	Chromium string        // the browser executable (see FindChromium)
	Title    string        // running header text
	Notice   string        // illustrative-data notice for the running header; "" for none
	Timeout  time.Duration // 0 means two minutes
	// Date replaces the creation and modification dates Chromium stamps from the
	// clock (the source commit's time, for reproducible PDFs); zero keeps them.
	Date time.Time
	// Lang is the report's language, for the footer's "Page N of M"; "" is English.
	Lang string
}

// PrintPDF prints a self-contained HTML page to PDF with headless Chromium: A4 from
// the page's CSS @page rule, backgrounds on, a running header with the title (and
// the illustrative-data notice) and a footer "page N of M". The page is loaded from
// a temporary file; its Content-Security-Policy keeps it off the network.
func PrintPDF(ctx context.Context, page []byte, opts PDFOptions) ([]byte, error) {
	if opts.Timeout == 0 {
		opts.Timeout = 2 * time.Minute
	}
	dir, err := os.MkdirTemp("", "hwfplan-pdf-")
	if err != nil {
		return nil, fmt.Errorf("failed to create a temporary folder for printing: %w", err)
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, page, 0o600); err != nil {
		return nil, fmt.Errorf("failed to write the page to print: %w", err)
	}
	allocOpts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(opts.Chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.DisableGPU,
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, allocOpts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	// Start the browser with no deadline (a deadline on the first run stops it),
	// then limit the work.
	if err := chromedp.Do(bctx); err != nil {
		return nil, fmt.Errorf("failed to start %s: %w", opts.Chromium, err)
	}
	tctx, cancel := context.WithTimeout(bctx, opts.Timeout)
	defer cancel()
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(file)}
	if err := blockOtherRequests(tctx, u.String()); err != nil {
		return nil, fmt.Errorf("failed to set up %s: %w", opts.Chromium, err)
	}
	if err := chromedp.Do(tctx, chromedp.Navigate(u.String())); err != nil {
		return nil, fmt.Errorf("failed to load the page to print: %w", err)
	}
	// Lay out with the page's own fonts, never a fallback that is swapped later.
	if _, err := chromedp.Run(tctx, chromedp.Evaluate[string](`document.fonts.ready.then(() => document.fonts.status)`, chromedp.EvalAwaitPromise)); err != nil {
		return nil, fmt.Errorf("failed to load the page's fonts: %w", err)
	}
	print := func() ([]byte, error) {
		pdf, err := chromedp.Run(tctx, chromedp.PrintToPDF(
			chromedp.PDFPaper(chromedp.PaperA4),
			chromedp.PDFPreferCSSPageSize(),
			chromedp.PDFPrintBackground(),
			chromedp.PDFOutlineAndTagged(),
			chromedp.PDFHeaderTemplate(headerTemplate(opts.Title, opts.Notice)),
			chromedp.PDFFooterTemplate(footerTemplate(opts.Lang)),
		))
		if err != nil {
			return nil, fmt.Errorf("failed to print the PDF: %w", err)
		}
		return pdf, nil
	}
	pdf, err := print()
	if err != nil {
		return nil, err
	}
	if pdf, err = numberContents(tctx, pdf, print); err != nil {
		return nil, err
	}
	if !opts.Date.IsZero() {
		pdf = stampDates(pdf, opts.Date)
	}
	return renumberNodeIDs(pdf), nil
}

// blockOtherRequests makes the browser fail every request but the one for the
// page itself (data: URLs need no request). The page's Content-Security-Policy
// already forbids the network; this holds even for a page without one, such as
// one a report template in the plans repository wrote.
func blockOtherRequests(ctx context.Context, page string) error {
	answer := func(e *fetch.EventRequestPaused) {
		if e.Request != nil && e.Request.URL == page {
			_, _ = chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: e.RequestID})
			return
		}
		_, _ = chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: e.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
	}
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			go answer(e) // a listener must not call the browser itself
		}
	})
	if err != nil {
		return err
	}
	_, err = chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{})
	return err
}

// nodeIDRe matches the ids Chromium gives the elements of a tagged PDF's
// structure tree: (node00000204). They come from the browser's DOM node ids,
// which start at a different number from one run to the next.
var nodeIDRe = regexp.MustCompile(`\(node([0-9]{8})\)`)

// renumberNodeIDs numbers the structure ids 1, 2, 3... in the order of the
// original numbers, so the same page gives the same bytes on every run. The
// order is kept (the IDTree lists them sorted) and so is the length, so the
// cross-reference offsets stay right.
func renumberNodeIDs(pdf []byte) []byte {
	var ids []int
	seen := map[int]bool{}
	for _, m := range nodeIDRe.FindAllSubmatch(pdf, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		if !seen[n] {
			seen[n] = true
			ids = append(ids, n)
		}
	}
	slices.Sort(ids)
	rank := make(map[int]int, len(ids))
	for i, n := range ids {
		rank[n] = i + 1
	}
	return nodeIDRe.ReplaceAllFunc(pdf, func(m []byte) []byte {
		n, _ := strconv.Atoi(string(m[5 : len(m)-1]))
		return fmt.Appendf(nil, "(node%08d)", rank[n])
	})
}

// pdfDateRe matches the dates in the document information dictionary; Chromium
// (Skia) writes them as D:YYYYMMDDHHmmSS+00'00'.
var pdfDateRe = regexp.MustCompile(`/(CreationDate|ModDate) \(D:[0-9]{14}[-+Z][0-9']*\)`)

// stampDates rewrites the PDF's dates to t. The replacement has the same length
// as what it replaces, so the cross-reference offsets stay right.
func stampDates(pdf []byte, t time.Time) []byte {
	return pdfDateRe.ReplaceAllFunc(pdf, func(m []byte) []byte {
		key := m[1:bytes.IndexByte(m, ' ')]
		repl := fmt.Appendf(nil, "/%s (D:%s+00'00')", key, t.UTC().Format("20060102150405"))
		if len(repl) != len(m) {
			return m
		}
		return repl
	})
}

// runningStyle is the style of the running header and footer. Chromium lays them
// out apart from the page, without its fonts: each brings the shipped font along.
const runningStyle = `font-family: 'Noto Sans', sans-serif; font-size: 8pt; color: #444; width: 100%; margin: 0 16mm;`

// runningFonts is the @font-face CSS of the running header and footer: the
// upright faces of the text font as data: URLs, made once.
var runningFonts = sync.OnceValue(func() string {
	css, err := fontCSS(func(f FontFace) bool { return f.Family == FontFamily && f.Style == "normal" })
	if err != nil {
		return "" // the fonts are embedded in the binary; TestFonts reads them all
	}
	return css
})

func headerTemplate(title, notice string) string {
	s := `<style>` + runningFonts() + `</style><div style="` + runningStyle + ` display: flex; justify-content: space-between;"><span>` + html.EscapeString(title) + `</span>`
	if notice != "" {
		s += `<span style="font-weight: bold;">` + html.EscapeString(notice) + `</span>`
	}
	return s + `</div>`
}

func footerTemplate(lang string) string {
	text := `Page <span class="pageNumber"></span> of <span class="totalPages"></span>`
	if m, err := newMessages(lang); err == nil && !m.english() {
		// The message's own text is escaped; Chromium fills the two spans.
		s := html.EscapeString(m.t("report.page", "Page", "\x00P", "Total", "\x00T"))
		text = strings.NewReplacer("\x00P", `<span class="pageNumber"></span>`, "\x00T", `<span class="totalPages"></span>`).Replace(s)
	}
	return `<style>` + runningFonts() + `</style><div style="` + runningStyle + ` text-align: center;">` + text + `</div>`
}

// numberContents writes the page number of each entry of the report's contents
// (Chromium has no target-counter): it reads on which page each heading landed
// from the named destinations of the PDF just printed (destPages), sets them as
// data-page on the contents' links, which the print style sheet shows, and prints
// again. Numbers that make an entry wrap can move what follows, so it repeats
// until the printed pages match the numbers shown, at most maxPrints times in
// all. A page without contents is printed once.
func numberContents(ctx context.Context, pdf []byte, print func() ([]byte, error)) ([]byte, error) {
	ids, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('nav.toc a[href^="#"]'), a => a.getAttribute('href').slice(1))`))
	if err != nil {
		return nil, fmt.Errorf("failed to read the contents of the page: %w", err)
	}
	if len(ids) == 0 {
		return pdf, nil
	}
	var shown map[string]int
	for prints := 1; ; prints++ {
		dests, err := destPages(pdf)
		if err != nil {
			return nil, fmt.Errorf("failed to read the page numbers of the headings from the printed PDF: %w", err)
		}
		pages := make(map[string]int, len(ids))
		for _, id := range ids {
			n, ok := dests[id]
			if !ok {
				return nil, fmt.Errorf("failed to number the contents: the printed PDF has no destination for #%s", id)
			}
			pages[id] = n
		}
		if maps.Equal(pages, shown) {
			return pdf, nil
		}
		if prints == maxPrints {
			return nil, fmt.Errorf("failed to number the contents: the page numbers still moved after %d prints", maxPrints)
		}
		arg, _ := json.Marshal(pages)
		script := `(pages => { for (const a of document.querySelectorAll('nav.toc a[href^="#"]')) { const n = pages[a.getAttribute('href').slice(1)]; if (n) a.setAttribute('data-page', String(n)); } return true; })(` + string(arg) + `)`
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](script)); err != nil {
			return nil, fmt.Errorf("failed to write the page numbers into the contents: %w", err)
		}
		shown = pages
		if pdf, err = print(); err != nil {
			return nil, err
		}
	}
}

// maxPrints bounds the prints of one report: the first, and those that settle the
// page numbers of the contents (one is enough unless a number wraps a line).
const maxPrints = 4
