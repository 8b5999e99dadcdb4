// Package frontend serves the Leerlus web app: the Vite build embedded with
// -tags ui, or a placeholder page that says how to build it.
package frontend

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
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
// the client-side router can take over; a missing file answers 404.
func Handler() http.Handler {
	return newHandler(files)
}

type handler struct {
	files fs.FS
	cache sync.Map // name → *file
}

type file struct {
	data []byte
	etag string
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
	w.Header().Set("Content-Type", contentType(name))
	w.Header().Set("Cache-Control", cacheControl)
	w.Header().Set("ETag", f.etag)
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(f.data))
}

// open reads a file once and keeps it with its ETag; the embedded files
// never change while the process runs.
func (h *handler) open(name string) (*file, error) {
	if v, ok := h.cache.Load(name); ok {
		return v.(*file), nil
	}
	if !fs.ValidPath(name) {
		return nil, fs.ErrNotExist
	}
	data, err := fs.ReadFile(h.files, name)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	f := &file{data: data, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
	v, _ := h.cache.LoadOrStore(name, f)
	return v.(*file), nil
}

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
