package frontend

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func testFS() fstest.MapFS {
	return fstest.MapFS{
		"index.html":              {Data: []byte("<!doctype html><title>Leerlus</title>")},
		"assets/index-abc123.js":  {Data: []byte("console.log(1)")},
		"assets/index-abc123.css": {Data: []byte("body{}")},
		"favicon.svg":             {Data: []byte("<svg/>")},
	}
}

func TestHandler(t *testing.T) {
	tests := []struct {
		name        string
		method      string
		path        string
		status      int
		contentType string
		cache       string
		body        string
	}{
		{"root answers index", "GET", "/", 200, "text/html; charset=utf-8", "no-cache", "<title>Leerlus</title>"},
		{"index.html itself", "GET", "/index.html", 200, "text/html; charset=utf-8", "no-cache", "<title>Leerlus</title>"},
		{"client route falls back to index", "GET", "/netwerk/42/leden", 200, "text/html; charset=utf-8", "no-cache", "<title>Leerlus</title>"},
		{"invitation route with token", "GET", "/uitnodiging/abc_DEF-123", 200, "text/html; charset=utf-8", "no-cache", "<title>Leerlus</title>"},
		{"hashed script is immutable", "GET", "/assets/index-abc123.js", 200, "text/javascript; charset=utf-8", "public, max-age=31536000, immutable", "console.log(1)"},
		{"hashed style is immutable", "GET", "/assets/index-abc123.css", 200, "text/css; charset=utf-8", "public, max-age=31536000, immutable", "body{}"},
		{"other static file", "GET", "/favicon.svg", 200, "image/svg+xml", "no-cache", "<svg/>"},
		{"missing asset is 404", "GET", "/assets/index-gone.js", 404, "", "", ""},
		{"missing file with extension is 404", "GET", "/robots.txt", 404, "", "", ""},
		{"asset directory is 404", "GET", "/assets/", 404, "", "", ""},
		{"traversal stays inside", "GET", "/../../etc/passwd", 200, "text/html; charset=utf-8", "no-cache", "<title>Leerlus</title>"},
		{"traversal to a file stays inside", "GET", "/assets/../../go.mod", 404, "", "", ""},
		{"head answers without body", "HEAD", "/", 200, "text/html; charset=utf-8", "no-cache", ""},
		{"post is not allowed", "POST", "/", 405, "", "", ""},
		{"delete is not allowed", "DELETE", "/assets/index-abc123.js", 405, "", "", ""},
	}
	h := newHandler(testFS())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d", rec.Code, tt.status)
			}
			if tt.contentType != "" && rec.Header().Get("Content-Type") != tt.contentType {
				t.Errorf("Content-Type = %q, want %q", rec.Header().Get("Content-Type"), tt.contentType)
			}
			if tt.cache != "" && rec.Header().Get("Cache-Control") != tt.cache {
				t.Errorf("Cache-Control = %q, want %q", rec.Header().Get("Cache-Control"), tt.cache)
			}
			if tt.status == 200 && tt.method == "GET" && !strings.Contains(rec.Body.String(), tt.body) {
				t.Errorf("body = %q, want it to contain %q", rec.Body.String(), tt.body)
			}
			if tt.method == "HEAD" && rec.Body.Len() != 0 {
				t.Errorf("HEAD body = %q, want empty", rec.Body.String())
			}
			if tt.status == 405 && rec.Header().Get("Allow") != "GET, HEAD" {
				t.Errorf("Allow = %q", rec.Header().Get("Allow"))
			}
		})
	}
}

func TestHandlerRevalidatesWithETag(t *testing.T) {
	h := newHandler(testFS())
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	etag := rec.Header().Get("ETag")
	if etag == "" {
		t.Fatal("no ETag on index.html")
	}
	req := httptest.NewRequest("GET", "/some/route", nil)
	req.Header.Set("If-None-Match", etag)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified {
		t.Fatalf("status = %d, want 304", rec.Code)
	}
}

func TestPlaceholderBuild(t *testing.T) {
	if Built {
		t.Skip("built with -tags ui")
	}
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/aanmelden", nil))
	if rec.Code != 200 {
		t.Fatalf("status = %d", rec.Code)
	}
	if !strings.Contains(rec.Body.String(), "make run") {
		t.Errorf("placeholder does not say to run make run: %s", rec.Body.String())
	}
	if strings.Contains(rec.Body.String(), "style=") || strings.Contains(rec.Body.String(), "<script") {
		t.Error("placeholder must work under the CSP: no inline style or script")
	}
}

// compressedFS has precompressed siblings for the script and index.html,
// but not for the stylesheet, as the build leaves out files it cannot shrink.
func compressedFS() fstest.MapFS {
	fsys := testFS()
	fsys["index.html.br"] = &fstest.MapFile{Data: []byte("BR-index")}
	fsys["index.html.gz"] = &fstest.MapFile{Data: []byte("GZ-index")}
	fsys["assets/index-abc123.js.br"] = &fstest.MapFile{Data: []byte("BR-js")}
	fsys["assets/index-abc123.js.gz"] = &fstest.MapFile{Data: []byte("GZ-js")}
	return fsys
}

func TestHandlerNegotiatesEncoding(t *testing.T) {
	tests := []struct {
		name           string
		path           string
		acceptEncoding string
		encoding       string // Content-Encoding, empty for none
		body           string
		vary           bool
		contentType    string
		cache          string
	}{
		{"browser gets brotli", "/assets/index-abc123.js", "gzip, deflate, br", "br", "BR-js", true, "text/javascript; charset=utf-8", cacheImmutable},
		{"gzip only", "/assets/index-abc123.js", "gzip", "gzip", "GZ-js", true, "text/javascript; charset=utf-8", cacheImmutable},
		{"no header gets identity", "/assets/index-abc123.js", "", "", "console.log(1)", true, "text/javascript; charset=utf-8", cacheImmutable},
		{"identity only", "/assets/index-abc123.js", "identity", "", "console.log(1)", true, "text/javascript; charset=utf-8", cacheImmutable},
		{"brotli refused with q=0", "/assets/index-abc123.js", "br;q=0, gzip;q=0.8", "gzip", "GZ-js", true, "text/javascript; charset=utf-8", cacheImmutable},
		{"everything refused but identity", "/assets/index-abc123.js", "br;q=0, gzip;q=0", "", "console.log(1)", true, "text/javascript; charset=utf-8", cacheImmutable},
		{"wildcard", "/assets/index-abc123.js", "*", "br", "BR-js", true, "text/javascript; charset=utf-8", cacheImmutable},
		{"wildcard but not brotli", "/assets/index-abc123.js", "br;q=0, *;q=0.5", "gzip", "GZ-js", true, "text/javascript; charset=utf-8", cacheImmutable},
		{"upper case and spaces", "/assets/index-abc123.js", " GZIP ; Q=1 ", "gzip", "GZ-js", true, "text/javascript; charset=utf-8", cacheImmutable},
		{"unknown coding only", "/assets/index-abc123.js", "zstd", "", "console.log(1)", true, "text/javascript; charset=utf-8", cacheImmutable},
		{"client route gets compressed index", "/netwerk/42", "gzip, deflate, br", "br", "BR-index", true, "text/html; charset=utf-8", cacheRevalidate},
		{"root gets gzipped index", "/", "gzip", "gzip", "GZ-index", true, "text/html; charset=utf-8", cacheRevalidate},
		{"file without siblings does not vary", "/assets/index-abc123.css", "gzip, deflate, br", "", "body{}", false, "text/css; charset=utf-8", cacheImmutable},
	}
	h := newHandler(compressedFS())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", tt.path, nil)
			if tt.acceptEncoding != "" {
				req.Header.Set("Accept-Encoding", tt.acceptEncoding)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != 200 {
				t.Fatalf("status = %d", rec.Code)
			}
			if got := rec.Header().Get("Content-Encoding"); got != tt.encoding {
				t.Errorf("Content-Encoding = %q, want %q", got, tt.encoding)
			}
			if rec.Body.String() != tt.body {
				t.Errorf("body = %q, want %q", rec.Body.String(), tt.body)
			}
			if got := rec.Header().Get("Vary") == "Accept-Encoding"; got != tt.vary {
				t.Errorf("Vary = %q, want Accept-Encoding: %v", rec.Header().Get("Vary"), tt.vary)
			}
			if got := rec.Header().Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type = %q, want %q", got, tt.contentType)
			}
			if got := rec.Header().Get("Cache-Control"); got != tt.cache {
				t.Errorf("Cache-Control = %q, want %q", got, tt.cache)
			}
			if got := rec.Header().Get("Content-Length"); got != fmt.Sprint(len(tt.body)) {
				t.Errorf("Content-Length = %q, want %d", got, len(tt.body))
			}
		})
	}
}

// TestHandlerETagPerEncoding: each variant has its own ETag, and a
// revalidation only matches the variant it was given for.
func TestHandlerETagPerEncoding(t *testing.T) {
	h := newHandler(compressedFS())
	etags := map[string]string{}
	for _, ae := range []string{"br", "gzip", ""} {
		req := httptest.NewRequest("GET", "/assets/index-abc123.js", nil)
		req.Header.Set("Accept-Encoding", ae)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		etag := rec.Header().Get("ETag")
		if etag == "" {
			t.Fatalf("no ETag for %q", ae)
		}
		for other, e := range etags {
			if e == etag {
				t.Errorf("Accept-Encoding %q and %q share ETag %s", ae, other, etag)
			}
		}
		etags[ae] = etag
	}
	req := httptest.NewRequest("GET", "/assets/index-abc123.js", nil)
	req.Header.Set("Accept-Encoding", "br")
	req.Header.Set("If-None-Match", etags["br"])
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified {
		t.Errorf("same variant: status %d, want 304", rec.Code)
	}
	req = httptest.NewRequest("GET", "/assets/index-abc123.js", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	req.Header.Set("If-None-Match", etags["br"])
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || rec.Body.String() != "GZ-js" {
		t.Errorf("other variant: status %d body %q, want 200 GZ-js", rec.Code, rec.Body.String())
	}
}
