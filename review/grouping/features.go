package grouping

import (
	"hash/fnv"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"

	"leerlus/review/dutch"
)

// How much each kind of evidence counts in the similarity of two lessons.
// Each block is a cosine of its own; the similarity is their weighted mean.
const (
	blockTerm    = 1.0  // word keys, with the parts of compounds
	blockConcept = 0.9  // concepts of the field (concepts.txt)
	blockGram    = 0.35 // character 4-grams: spelling slips, inflections the stemmer misses
	// partWeight is how much a part of a compound counts against the
	// whole word: "thuiszitter" meets "thuis zitten" through its parts.
	partWeight = 0.6
	gramSize   = 4
)

// resources are the shipped tables, parsed once and never changed.
type resources struct {
	lex *lexicon
	bg  *background
}

var shipped = sync.OnceValue(func() *resources {
	bg, err := parseBackground()
	if err != nil {
		// weights.txt is embedded and checked by the tests.
		panic(err)
	}
	return &resources{lex: parseLexicon(), bg: bg}
})

// feature is one weighted feature of a lesson, named by the FNV-64 hash of
// its text: a hash rather than an interned number, so that the order in
// which lessons arrive cannot change anything.
type feature struct {
	h     uint64
	w     float64
	block uint8
}

// The blocks of a profile.
const (
	termBlock uint8 = iota
	conceptBlock
	gramBlock
)

// profile is what grouping knows of one lesson: its weighted features,
// the features it is indexed under, its codes and its stance.
type profile struct {
	id  string
	vec []feature // every block, sorted by hash
	// keys are the term and concept features, for the candidate index.
	keys []uint64
	// polar are the lesson's word keys with whether they stand in a
	// negated clause, sorted by hash.
	polar     []polarTerm
	codes     []string // sorted, distinct
	itemCodes []string // sorted, distinct
	stance    stance
}

type polarTerm struct {
	h   uint64
	w   float64
	neg bool
}

func hashOf(s string) uint64 {
	f := fnv.New64a()
	f.Write([]byte(s))
	return f.Sum64()
}

// analyse builds the profile of a lesson from its text and codes alone.
func analyse(res *resources, l Lesson) *profile {
	toks := dutch.Tokens(l.Text)
	p := &profile{id: l.ID, codes: distinctSorted(l.Codes), itemCodes: distinctSorted(l.ItemCodes)}
	terms := map[string]float64{}
	concepts := map[string]float64{}
	grams := map[string]float64{}
	polar := map[uint64]polarTerm{}
	clauses := clausesOf(l.Text, toks)
	negated := negatedTokens(toks, clauses)
	for i, t := range toks {
		if !content(t) {
			continue
		}
		w := res.bg.idf("t:" + t.Key)
		terms[t.Key] += w
		h := hashOf("t:" + t.Key)
		pt := polar[h]
		pt.h, pt.w, pt.neg = h, pt.w+w, pt.neg || negated[i]
		polar[h] = pt
		for _, part := range t.Parts {
			if part != t.Key {
				terms[part] += partWeight * res.bg.idf("t:"+part)
			}
		}
		res.lex.concepts(t, func(c string) { concepts[c] += res.bg.idf("c:" + c) })
		addGrams(grams, t.Norm, w)
	}
	p.stance = stanceOf(l.Text, toks, clauses)
	var vec []feature
	vec = appendBlock(vec, termBlock, "t:", terms, blockTerm)
	vec = appendBlock(vec, conceptBlock, "c:", concepts, blockConcept)
	vec = appendBlock(vec, gramBlock, "g:", grams, blockGram)
	slices.SortFunc(vec, func(a, b feature) int { return cmpUint(a.h, b.h) })
	p.vec = vec
	for k := range terms {
		p.keys = append(p.keys, hashOf("t:"+k))
	}
	for c := range concepts {
		p.keys = append(p.keys, hashOf("c:"+c))
	}
	slices.Sort(p.keys)
	for _, pt := range polar {
		p.polar = append(p.polar, pt)
	}
	slices.SortFunc(p.polar, func(a, b polarTerm) int { return cmpUint(a.h, b.h) })
	return p
}

// content reports whether a token carries topic: a content word, or a
// number the lexicon knows (18).
func content(t dutch.Token) bool {
	if t.Content() {
		return true
	}
	return !t.Stop && t.Norm != "" && unicode.IsDigit(rune(t.Norm[0])) && len(t.Norm) <= 3
}

// addGrams adds the character n-grams of a word, with its boundaries
// marked, sharing the word's weight among them.
func addGrams(grams map[string]float64, norm string, w float64) {
	r := []rune("<" + norm + ">")
	if len(r) < gramSize {
		grams[string(r)] += w
		return
	}
	n := len(r) - gramSize + 1
	share := w / math.Sqrt(float64(n))
	for i := 0; i < n; i++ {
		grams[string(r[i:i+gramSize])] += share
	}
}

// appendBlock adds a block of features, scaled so that its own length is
// the square root of its weight: the dot product of two profiles is then
// the weighted sum of the blocks' cosines.
func appendBlock(vec []feature, block uint8, prefix string, m map[string]float64, weight float64) []feature {
	var sum float64
	for _, w := range m {
		sum += w * w
	}
	if sum == 0 {
		return vec
	}
	scale := math.Sqrt(weight / sum)
	for k, w := range m {
		vec = append(vec, feature{hashOf(prefix + k), w * scale, block})
	}
	return vec
}

func distinctSorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return slices.Compact(out)
}

func cmpUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// clausesOf gives each token the number of its clause: a new clause starts
// after sentence or clause punctuation and at a conjunction that turns or
// sequences a thought (maar, want, terwijl, dan, anders).
func clausesOf(text string, toks []dutch.Token) []int {
	out := make([]int, len(toks))
	c := 0
	for i, t := range toks {
		if i > 0 && strings.ContainsAny(text[toks[i-1].End:t.Start], ".,;:!?()") {
			c++
		}
		switch t.Norm {
		case "maar", "want", "terwijl", "dan", "anders", "zolang", "omdat":
			c++
		}
		out[i] = c
	}
	return out
}

// negationReach is how many words either side of a negation it covers:
// Dutch puts "niet" before what it negates ("niet meteen hulp") and, with
// the verb last, after it ("lees het dossier bewust niet").
const negationReach = 3

// negatedTokens marks the tokens near a negation in the same clause.
func negatedTokens(toks []dutch.Token, clauses []int) []bool {
	out := make([]bool, len(toks))
	for i, t := range toks {
		if !dutch.IsNegation(t.Norm) && t.Norm != "niks" {
			continue
		}
		for j := max(0, i-negationReach); j <= i+negationReach && j < len(toks); j++ {
			if clauses[j] == clauses[i] {
				out[j] = true
			}
		}
	}
	return out
}
