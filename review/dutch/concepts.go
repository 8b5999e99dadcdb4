package dutch

import (
	"bufio"
	"bytes"
	_ "embed"
	"slices"
	"strings"
	"sync"
)

//go:embed concepts.txt
var conceptsText []byte

// concepts maps a word's key to the concepts it stands in; read once from
// concepts.txt, never changed.
var concepts = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(conceptsText))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		name, words, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		name = strings.TrimSpace(name)
		for _, w := range strings.Fields(words) {
			k := Key(w)
			if !slices.Contains(out[k], name) {
				out[k] = append(out[k], name)
			}
		}
	}
	return out
})

// Concepts returns the concepts of the youth-care field a word stands in
// (concepts.txt): "papierwerk" and "registreren" both give
// "administratie". It answers nil for a word in no concept.
func Concepts(word string) []string {
	return concepts()[Key(word)]
}

// conceptsOfKeys returns the concepts of a token's key and of its parts.
func conceptsOfKeys(key string, parts []string) []string {
	m := concepts()
	out := m[key]
	for _, p := range parts {
		for _, c := range m[p] {
			if !slices.Contains(out, c) {
				out = append(slices.Clip(out), c)
			}
		}
	}
	return out
}
