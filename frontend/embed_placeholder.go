//go:build !ui

package frontend

import (
	"embed"
	"io/fs"
)

//go:embed placeholder/index.html
var placeholder embed.FS

// files holds a one-page placeholder that tells how to build the web app;
// a build with -tags ui embeds the real app instead (see embed_ui.go).
var files = mustSub(placeholder, "placeholder")

// Built reports whether the real web app is embedded (true with -tags ui).
const Built = false

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err)
	}
	return sub
}
