// Command genlists builds the embedded lookup lists of package anonymise.
//
// It is run by hand at development time, never at build or run time:
//
//	npm install --prefix /tmp/x @zxcvbn-ts/language-nl-be@3.0.2 \
//	    @zxcvbn-ts/language-en@4.1.1 @zxcvbn-ts/language-de@3.0.2 \
//	    @zxcvbn-ts/language-pl@3.0.2 @zxcvbn-ts/language-ar@3.1.0
//	apt-get install -y wdutch
//	go run ./cases/anonymise/internal/genlists \
//	    -zxcvbn /tmp/x/node_modules/@zxcvbn-ts/language-nl-be/src \
//	    -foreign /tmp/x/node_modules/@zxcvbn-ts \
//	    -dict /usr/share/dict/dutch -out cases/anonymise/lists
//
// It must run from the repository root.
//
// The hand-written sources live in src/ beside this file.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	zx := flag.String("zxcvbn", "/tmp/x/node_modules/@zxcvbn-ts/language-nl-be/src", "directory with the zxcvbn-ts nl-be JSON lists")
	foreign := flag.String("foreign", "/tmp/x/node_modules/@zxcvbn-ts", "directory with the zxcvbn-ts en, de, pl and ar packages")
	dict := flag.String("dict", "/usr/share/dict/dutch", "OpenTaal word list (Debian wdutch)")
	out := flag.String("out", "cases/anonymise/lists", "output directory")
	flag.Parse()
	if err := run(*zx, *foreign, *dict, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genlists:", err)
		os.Exit(1)
	}
}

func run(zx, foreign, dict, out string) error {
	_, self, _, _ := runtime.Caller(0)
	src := filepath.Join(filepath.Dir(self), "src")

	first := map[string]bool{}
	for _, f := range []string{"boysFirstnames.json", "girlsFirstnames.json"} {
		if err := addJSON(first, filepath.Join(zx, f)); err != nil {
			return err
		}
	}
	extraFirst := map[string]bool{}
	if err := addWords(extraFirst, filepath.Join(src, "firstnames_extra.txt")); err != nil {
		return err
	}
	last := map[string]bool{}
	if err := addJSON(last, filepath.Join(zx, "lastnames.json")); err != nil {
		return err
	}
	if err := addLines(last, filepath.Join(src, "surnames_extra.txt"), true); err != nil {
		return err
	}
	common := map[string]bool{}
	if err := addJSONTop(common, filepath.Join(zx, "commonWords.json"), 600); err != nil {
		return err
	}
	if err := writeList(filepath.Join(out, "commonwords.txt"), common); err != nil {
		return err
	}
	words, err := readDict(dict)
	if err != nil {
		return err
	}
	for n := range extraFirst {
		first[n] = true
	}
	if err := addForeignNames(first, last, words, foreign); err != nil {
		return err
	}
	if err := writeList(filepath.Join(out, "firstnames.txt"), first); err != nil {
		return err
	}
	if err := writeList(filepath.Join(out, "surnames.txt"), last); err != nil {
		return err
	}
	if err := writeEnglish(filepath.Join(out, "englishwords.txt"), words, foreign); err != nil {
		return err
	}
	if err := writeFrontCoded(filepath.Join(out, "words.fc.txt"), words); err != nil {
		return err
	}
	for _, name := range []string{"places.txt", "institutions.txt", "nonpersonal.txt", "namewords.txt"} {
		m := map[string]bool{}
		if err := addLines(m, filepath.Join(src, name), false); err != nil {
			return err
		}
		if err := writeList(filepath.Join(out, name), m); err != nil {
			return err
		}
	}
	return nil
}

// addForeignNames adds the first names of the English, German, Polish and
// Arabic zxcvbn-ts packages, and the Polish and Arabic surnames: people in
// the Netherlands carry names from everywhere, and a listed first name is
// also found in lower case. A foreign name that is a Dutch word or one
// of the 20,000 most frequent English words is left out, because a listed
// name is also matched in lower case.
func addForeignNames(first, last, dutch map[string]bool, dir string) error {
	english := map[string]bool{}
	if err := addJSONTop(english, filepath.Join(dir, "language-en/src/commonWords.json"), 20000); err != nil {
		return err
	}
	// Of the surnames only the most frequent Polish and the Arabic ones are
	// taken: an unlisted capitalised surname is found by rule anyway, and
	// every listed word makes the lexicon map larger and lookups slower.
	for _, l := range []struct {
		to    map[string]bool
		files []string
		top   int
	}{
		{first, []string{"language-en/src/firstnames.json", "language-de/src/firstnames.json", "language-pl/src/femaleFirstnames.json", "language-pl/src/maleFirstnames.json", "language-ar/src/firstnames.json"}, 100000},
		{last, []string{"language-pl/src/femaleLastnames.json", "language-pl/src/maleLastnames.json", "language-ar/src/lastnames.json"}, 1000},
	} {
		for _, f := range l.files {
			names := map[string]bool{}
			if err := addJSONTop(names, filepath.Join(dir, f), l.top); err != nil {
				return err
			}
			for n := range names {
				if utf8.RuneCountInString(n) >= 3 && !dutch[n] && !english[n] && !strings.ContainsAny(n, " '") {
					l.to[n] = true
				}
			}
		}
	}
	return nil
}

// writeEnglish writes the 8,000 most frequent English words that are no
// Dutch words: capitalised in English passages ("Please", "Where") they
// are no names.
func writeEnglish(path string, dutch map[string]bool, dir string) error {
	english := map[string]bool{}
	if err := addJSONTop(english, filepath.Join(dir, "language-en/src/commonWords.json"), 8000); err != nil {
		return err
	}
	for w := range english {
		if dutch[w] || utf8.RuneCountInString(w) < 2 || strings.ContainsAny(w, " '") {
			delete(english, w)
		}
	}
	return writeList(path, english)
}

func addJSON(m map[string]bool, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var list []string
	if err := json.Unmarshal(b, &list); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, w := range list {
		if w = strings.TrimSpace(strings.ToLower(w)); w != "" {
			m[w] = true
		}
	}
	return nil
}

// addJSONTop adds the first n entries of a frequency-ranked JSON list.
func addJSONTop(m map[string]bool, path string, n int) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var list []string
	if err := json.Unmarshal(b, &list); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, w := range list[:min(n, len(list))] {
		m[strings.ToLower(w)] = true
	}
	return nil
}

// addWords reads whitespace-separated entries; lines starting with # are comments.
func addWords(m map[string]bool, path string) error {
	return eachLine(path, func(line string) {
		for _, w := range strings.Fields(line) {
			m[strings.ToLower(w)] = true
		}
	})
}

// addLines reads one entry per line; lower folds the entries to lower case.
func addLines(m map[string]bool, path string, lower bool) error {
	return eachLine(path, func(line string) {
		if lower {
			line = strings.ToLower(line)
		}
		m[line] = true
	})
}

func eachLine(path string, fn func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fn(line)
	}
	return sc.Err()
}

// readDict keeps the lower-case single words of the OpenTaal list: the
// capitalised entries are proper nouns (names, places) and must not make a
// name look like an ordinary word.
func readDict(path string) (map[string]bool, error) {
	m := map[string]bool{}
	err := eachLine(path, func(w string) {
		for _, r := range w {
			if !unicode.IsLower(r) {
				return
			}
		}
		m[w] = true
	})
	return m, err
}

func sorted(m map[string]bool) []string {
	list := make([]string, 0, len(m))
	for w := range m {
		list = append(list, w)
	}
	slices.Sort(list)
	return list
}

func writeList(path string, m map[string]bool) error {
	return os.WriteFile(path, []byte(strings.Join(sorted(m), "\n")+"\n"), 0o644)
}

// writeFrontCoded writes the sorted words front-coded: each line is the
// number of leading bytes shared with the previous word, then the rest of
// the word ("3ement" after "abs" is "absement"). Sorted Dutch words share
// long prefixes, so the list shrinks from 4.4 to 2.0 MB and still decodes in
// one fast pass, without a decompressor.
func writeFrontCoded(path string, m map[string]bool) error {
	var b strings.Builder
	prev := ""
	for _, w := range sorted(m) {
		n := 0
		for n < len(w) && n < len(prev) && n < 99 && w[n] == prev[n] {
			n++
		}
		for n > 0 && n < len(w) && !utf8.RuneStart(w[n]) {
			n-- // never split a UTF-8 sequence
		}
		b.WriteString(strconv.Itoa(n))
		b.WriteString(w[n:])
		b.WriteByte('\n')
		prev = w
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
