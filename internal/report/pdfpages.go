package report

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
)

// The contents of a printed report give each heading's page number. Chromium's
// print has no CSS target-counter, so PrintPDF prints once, reads on which page
// each heading landed from the PDF, writes the numbers into the contents and
// prints again (see PrintPDF). The page of a heading is in the PDF's named
// destinations: Chromium writes one for every element id a link points to (the
// contents link to every heading), as the catalog's /Dests dictionary of
// name → [page /XYZ left top zoom].
//
// destPages reads them with the least of PDF it needs: the cross-reference
// table (Skia writes a classic one, its objects uncompressed), the catalog, the
// page tree in order and the /Dests dictionary. Anything else — an
// object stream, a cross-reference stream, a name tree — is an error that says so,
// never a wrong page number.

var (
	startxrefRe = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	xrefEntryRe = regexp.MustCompile(`^(\d{10}) (\d{5}) ([nf])`)
	refRe       = regexp.MustCompile(`(\d+)\s+0\s+R`)
	rootRe      = regexp.MustCompile(`/Root\s+(\d+)\s+0\s+R`)
	pagesRe     = regexp.MustCompile(`/Pages\s+(\d+)\s+0\s+R`)
	destsRe     = regexp.MustCompile(`/Dests\s+(\d+)\s+0\s+R`)
	kidsRe      = regexp.MustCompile(`/Kids\s*\[([^\]]*)\]`)
	typeRe      = regexp.MustCompile(`/Type\s*/(Pages|Page)\b`)
	destRe      = regexp.MustCompile(`/([^\s/\[\]<>(){}%]+)\s*\[\s*(\d+)\s+0\s+R\s*/XYZ`)
	nameHexRe   = regexp.MustCompile(`#([0-9A-Fa-f]{2})`)
)

// pdfReader finds the objects of a PDF by its cross-reference table.
type pdfReader struct {
	pdf     []byte
	offsets map[int]int
}

func newPDFReader(pdf []byte) (*pdfReader, error) {
	m := startxrefRe.FindSubmatch(pdf)
	if m == nil {
		return nil, errors.New("no startxref at the end of the PDF")
	}
	off, _ := strconv.Atoi(string(m[1]))
	if off >= len(pdf) || !bytes.HasPrefix(pdf[off:], []byte("xref")) {
		return nil, errors.New("the PDF has no classic cross-reference table (a cross-reference stream is not read)")
	}
	r := &pdfReader{pdf: pdf, offsets: map[int]int{}}
	rest := pdf[off+len("xref"):]
	// Subsections: "first count" then count 20-byte entries.
	for {
		rest = bytes.TrimLeft(rest, " \r\n")
		if bytes.HasPrefix(rest, []byte("trailer")) {
			break
		}
		nl := bytes.IndexAny(rest, "\r\n")
		if nl < 0 {
			return nil, errors.New("the cross-reference table ends early")
		}
		var first, count int
		if _, err := fmt.Sscanf(string(rest[:nl]), "%d %d", &first, &count); err != nil {
			return nil, fmt.Errorf("bad cross-reference subsection %q", rest[:nl])
		}
		rest = bytes.TrimLeft(rest[nl:], "\r\n")
		for i := range count {
			e := xrefEntryRe.FindSubmatch(rest)
			if e == nil {
				return nil, fmt.Errorf("bad cross-reference entry for object %d", first+i)
			}
			if string(e[3]) == "n" {
				o, _ := strconv.Atoi(string(e[1]))
				r.offsets[first+i] = o
			}
			rest = rest[min(20, len(rest)):]
		}
	}
	return r, nil
}

// object returns the text of object n up to "endobj" (its dictionary, for the
// objects read here).
func (r *pdfReader) object(n int) ([]byte, error) {
	off, ok := r.offsets[n]
	if !ok || off >= len(r.pdf) {
		return nil, fmt.Errorf("object %d is not in the cross-reference table", n)
	}
	head := fmt.Appendf(nil, "%d 0 obj", n)
	if !bytes.HasPrefix(r.pdf[off:], head) {
		return nil, fmt.Errorf("object %d is not where the cross-reference table says", n)
	}
	body := r.pdf[off+len(head):]
	end := bytes.Index(body, []byte("endobj"))
	if s := bytes.Index(body, []byte("stream")); s >= 0 && (end < 0 || s < end) {
		body = body[:s] // a stream's dictionary is all that is read
	} else if end >= 0 {
		body = body[:end]
	}
	return body, nil
}

// pageOrder lists the page objects in page order, walking the page tree.
func (r *pdfReader) pageOrder(root int) ([]int, error) {
	var out []int
	var walk func(n, depth int) error
	walk = func(n, depth int) error {
		if depth > 32 {
			return errors.New("the page tree is too deep")
		}
		obj, err := r.object(n)
		if err != nil {
			return err
		}
		t := typeRe.FindSubmatch(obj)
		if t == nil {
			return fmt.Errorf("object %d in the page tree has no /Type /Pages or /Page", n)
		}
		if string(t[1]) == "Page" {
			out = append(out, n)
			return nil
		}
		kids := kidsRe.FindSubmatch(obj)
		if kids == nil {
			return fmt.Errorf("page tree node %d has no /Kids", n)
		}
		for _, k := range refRe.FindAllSubmatch(kids[1], -1) {
			kn, _ := strconv.Atoi(string(k[1]))
			if err := walk(kn, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return out, walk(root, 0)
}

// destPages returns the page number (from 1) of every named destination of a
// PDF Chromium printed.
func destPages(pdf []byte) (map[string]int, error) {
	r, err := newPDFReader(pdf)
	if err != nil {
		return nil, err
	}
	tail := pdf[bytes.LastIndex(pdf, []byte("trailer")):]
	root := rootRe.FindSubmatch(tail)
	if root == nil {
		return nil, errors.New("the trailer names no /Root")
	}
	rn, _ := strconv.Atoi(string(root[1]))
	catalog, err := r.object(rn)
	if err != nil {
		return nil, err
	}
	pm, dm := pagesRe.FindSubmatch(catalog), destsRe.FindSubmatch(catalog)
	if pm == nil {
		return nil, errors.New("the catalog names no /Pages")
	}
	if dm == nil {
		return nil, errors.New("the catalog has no /Dests dictionary of named destinations")
	}
	pn, _ := strconv.Atoi(string(pm[1]))
	order, err := r.pageOrder(pn)
	if err != nil {
		return nil, err
	}
	pageNo := make(map[int]int, len(order))
	for i, n := range order {
		pageNo[n] = i + 1
	}
	dn, _ := strconv.Atoi(string(dm[1]))
	dests, err := r.object(dn)
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for _, m := range destRe.FindAllSubmatch(dests, -1) {
		n, _ := strconv.Atoi(string(m[2]))
		p, ok := pageNo[n]
		if !ok {
			return nil, fmt.Errorf("destination %s points to object %d, which is not a page", m[1], n)
		}
		name := nameHexRe.ReplaceAllFunc(m[1], func(h []byte) []byte {
			v, _ := strconv.ParseUint(string(h[1:]), 16, 8)
			return []byte{byte(v)}
		})
		out[string(name)] = p
	}
	return out, nil
}
