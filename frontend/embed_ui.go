//go:build ui

package frontend

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// files holds the Vite build output (frontend/dist), embedded with -tags ui.
var files = mustSub(dist, "dist")

// Built reports whether the real web app is embedded (true with -tags ui).
const Built = true

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err)
	}
	return sub
}
