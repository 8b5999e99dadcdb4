package defaults

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Keys are stored with every coding and answer, so their shape is fixed:
// themes T1, T2…; codes "<theme>.<slug>"; everything else a lower-case slug.
var (
	themeKey = regexp.MustCompile(`^T[1-9][0-9]*$`)
	slugKey  = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

// Example counts per code: enough to rank suggestions, few enough to curate.
const (
	MinExamples = 2
	MaxExamples = 4
)

// problems collects every fault so that one run shows them all.
type problems []error

func (p *problems) add(format string, args ...any) { *p = append(*p, fmt.Errorf(format, args...)) }

// text reports empty (or blank) texts by name.
func (p *problems) text(where string, pairs ...string) {
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.TrimSpace(pairs[i+1]) == "" {
			p.add("%s: %s is empty", where, pairs[i])
		}
	}
}

// unique reports a key seen before in seen.
func (p *problems) unique(seen map[string]bool, where, key string) {
	if seen[key] {
		p.add("%s: duplicate key %q", where, key)
	}
	seen[key] = true
}

// Validate checks keys, texts and example counts of a codebook.
func (cb Codebook) Validate() error {
	var p problems
	if len(cb.Themes) == 0 {
		p.add("codebook: no themes")
	}
	// Examples are unique across the codebook: one statement that ranks
	// equally for two codes would blur the suggestions.
	seen, examples := map[string]bool{}, map[string]bool{}
	for _, t := range cb.Themes {
		if !themeKey.MatchString(t.Key) {
			p.add("theme %q: key is not T<number>", t.Key)
		}
		p.unique(seen, "theme", t.Key)
		p.text("theme "+t.Key, "nl", t.NL, "en", t.EN, "description_nl", t.DescriptionNL, "description_en", t.DescriptionEN)
		if len(t.Codes) == 0 {
			p.add("theme %s: no codes", t.Key)
		}
		for _, c := range t.Codes {
			slug, ok := strings.CutPrefix(c.Key, t.Key+".")
			if !ok || !slugKey.MatchString(slug) {
				p.add("code %q: key is not %s.<slug>", c.Key, t.Key)
			}
			p.unique(seen, "code", c.Key)
			p.text("code "+c.Key, "nl", c.NL, "en", c.EN, "description_nl", c.DescriptionNL, "description_en", c.DescriptionEN)
			if n := len(c.Examples); n < MinExamples || n > MaxExamples {
				p.add("code %s: %d examples, want %d to %d", c.Key, n, MinExamples, MaxExamples)
			}
			for i, e := range c.Examples {
				p.text(fmt.Sprintf("code %s example %d", c.Key, i+1), "text", e)
				p.unique(examples, "code "+c.Key+" example", e)
			}
		}
	}
	fs := map[string]bool{}
	for _, f := range cb.Factors {
		if !slugKey.MatchString(f.Key) {
			p.add("factor %q: key is not a slug", f.Key)
		}
		p.unique(fs, "factor", f.Key)
		p.text("factor "+f.Key, "nl", f.NL, "en", f.EN, "description_nl", f.DescriptionNL, "description_en", f.DescriptionEN)
	}
	return errors.Join(p...)
}
