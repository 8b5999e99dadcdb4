// Package frontend serves the Leerlus web app: the Vite build embedded with
// -tags ui, or a placeholder page that says how to build it.
package frontend

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

const (
	cacheImmutable  = "public, max-age=31536000, immutable"
	cacheRevalidate = "no-cache"
)

// contentTypes pins the types we ship, so the answer does not depend on the
// host's mime.types file; other extensions fall back to package mime.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".woff2":       "font/woff2",
	".txt":         "text/plain; charset=utf-8",
	".webmanifest": "application/manifest+json",
}

// Handler serves the embedded web app. Hashed files under assets/ are cached
// for a year; every path without a file extension answers index.html, so
// the client-side router can take over; a missing file answers 404. A file
// with a precompressed sibling (name.br, name.gz, made at build time) is
// sent compressed when the request accepts it: br before gzip.
func Handler() http.Handler {
	return newHandler(files)
}

type handler struct {
	files fs.FS
	cache sync.Map // name → *file, or errMissing
}

type file struct {
	data []byte
	etag string
}

// encodings are the precompressed variants we look for, best first, with
// the suffix the build gives their files.
var encodings = []struct{ name, suffix string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

func newHandler(files fs.FS) *handler {
	return &handler{files: files}
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	cacheControl := cacheRevalidate
	switch {
	case name == "assets" || strings.HasPrefix(name, "assets/"):
		cacheControl = cacheImmutable
	case name == "" || path.Ext(name) == "":
		name = "index.html"
	}
	f, err := h.open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	header := w.Header()
	header.Set("Content-Type", contentType(name))
	header.Set("Cache-Control", cacheControl)
	if encoding, variant, varies := h.variant(name, r.Header.Get("Accept-Encoding")); varies {
		header.Add("Vary", "Accept-Encoding")
		if variant != nil {
			// http.ServeContent leaves out Content-Length once Content-Encoding
			// is set, and would cut ranges out of the compressed bytes: send
			// the whole variant, with its length.
			header.Set("Content-Encoding", encoding)
			header.Set("Content-Length", strconv.Itoa(len(variant.data)))
			f = variant
			r = r.Clone(r.Context())
			r.Header.Del("Range")
		}
	}
	header.Set("ETag", f.etag)
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(f.data))
}

// variant picks the precompressed file to send for name, if any the client
// accepts; varies tells whether name has precompressed siblings at all, so
// the answer depends on Accept-Encoding.
func (h *handler) variant(name, acceptEncoding string) (encoding string, f *file, varies bool) {
	accepted := parseAcceptEncoding(acceptEncoding)
	for _, enc := range encodings {
		v, err := h.open(name + enc.suffix)
		if err != nil {
			continue
		}
		if accepted(enc.name) {
			return enc.name, v, true
		}
		varies = true
	}
	return "", nil, varies
}

// parseAcceptEncoding reads an Accept-Encoding header (RFC 9110 12.5.3)
// into a test of whether a coding is acceptable: listed with a q above 0,
// or covered by "*" with a q above 0.
func parseAcceptEncoding(header string) func(string) bool {
	q := map[string]float64{}
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding == "" {
			continue
		}
		weight := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					weight = f
				}
			}
		}
		q[coding] = weight
	}
	return func(coding string) bool {
		if w, ok := q[coding]; ok {
			return w > 0
		}
		w, ok := q["*"]
		return ok && w > 0
	}
}

// open reads a file once and keeps it with its ETag; the embedded files
// never change while the process runs. Misses are remembered too, since
// every request looks for the .br and .gz siblings.
func (h *handler) open(name string) (*file, error) {
	if v, ok := h.cache.Load(name); ok {
		if f, ok := v.(*file); ok {
			return f, nil
		}
		return nil, fs.ErrNotExist
	}
	if !fs.ValidPath(name) {
		return nil, fs.ErrNotExist
	}
	data, err := fs.ReadFile(h.files, name)
	if errors.Is(err, fs.ErrNotExist) {
		h.cache.Store(name, errMissing)
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	f := &file{data: data, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
	v, _ := h.cache.LoadOrStore(name, f)
	return v.(*file), nil
}

// errMissing marks a name in the cache that has no file.
var errMissing = errors.New("missing")

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}
