package grouping

import (
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
	blockTerm = 1.0  // word keys, with the parts of compounds, and the concepts of the field
	blockGram = 0.35 // character 4-grams: spelling slips, inflections the stemmer misses
	// conceptWeight is how much a concept of the field (concepts.txt)
	// counts in the term block against a word of the same rarity. Concepts
	// are features of the term block, not a block of their own: as a
	// cosine of its own, one concept shared by two lessons that had no
	// other ("school") made 40 % of their similarity, more than it takes
	// to group them, whatever else they said.
	conceptWeight = 2.5
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

// The blocks of a profile.
const (
	termBlock uint8 = iota
	gramBlock
)

// profile is what grouping knows of one lesson: its weighted features,
// the features it is indexed under, its codes and its stance.
type profile struct {
	id string
	// The features of every block as two parallel slices sorted by
	// slot: comparing two profiles walks the slots and reads a weight only
	// where they meet, so the walk touches 8 bytes per feature instead of
	// a whole feature (docs/performance.md, "Lesson grouping").
	slots   []uint64
	weights []float64
	// negated: some word of the lesson stands in a negated clause.
	negated bool
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

func hashOf(s string) uint64 { return hashWith("", s) }

// hashWith is hashOf(prefix + s) without building the string.
func hashWith(prefix, s string) uint64 {
	const (
		offset64 = 14695981039346656037
		prime64  = 1099511628211
	)
	h := uint64(offset64)
	for i := 0; i < len(prefix); i++ {
		h ^= uint64(prefix[i])
		h *= prime64
	}
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime64
	}
	return h
}

// weighted is one weighted feature of a lesson, named by the FNV-64 hash
// of its text (in a profile's vector: its slot): a hash rather than an
// interned number, so that the order in which lessons arrive cannot change
// anything.
type weighted struct {
	h uint64
	w float64
}

// merged sorts features by hash and adds up the weights of equal ones, in
// the order they were found, so the same text gives the same bits.
func merged(s []weighted) []weighted {
	slices.SortStableFunc(s, func(a, b weighted) int { return cmpUint(a.h, b.h) })
	out := s[:0]
	for _, x := range s {
		if n := len(out); n > 0 && out[n-1].h == x.h {
			out[n-1].w += x.w
			continue
		}
		out = append(out, x)
	}
	return out
}

// analyse builds the profile of a lesson from its text and codes alone.
func analyse(res *resources, l Lesson) *profile { return analyseTokens(res, l, dutch.Tokens(l.Text)) }

// analyseTokens is analyse with the text's tokens given, from a
// dutch.TokenCache when many lessons are analysed at once.
func analyseTokens(res *resources, l Lesson, toks []dutch.Token) *profile {
	p := &profile{id: l.ID, codes: distinctSorted(l.Codes), itemCodes: distinctSorted(l.ItemCodes)}
	var terms, concepts, grams []weighted
	var polar []polarTerm
	clauses := clausesOf(l.Text, toks)
	negated := negatedTokens(toks, clauses)
	for i, t := range toks {
		if !content(t) {
			continue
		}
		h := hashWith("t:", t.Key)
		w := res.bg.idf(h)
		terms = append(terms, weighted{h, w})
		polar = append(polar, polarTerm{h, w, negated[i]})
		for _, part := range t.Parts {
			if part != t.Key {
				ph := hashWith("t:", part)
				terms = append(terms, weighted{ph, partWeight * res.bg.idf(ph)})
			}
		}
		res.lex.concepts(t, func(c string) {
			ch := hashWith("c:", c)
			concepts = append(concepts, weighted{ch, res.bg.idf(ch)})
		})
		grams = addGrams(grams, t.Norm, w)
	}
	p.stance = stanceOf(l.Text, toks, clauses)
	terms, concepts, grams = merged(terms), merged(concepts), merged(grams)
	block := make([]weighted, 0, len(terms)+len(concepts))
	block = append(block, terms...)
	for _, c := range concepts {
		block = append(block, weighted{c.h, conceptWeight * c.w})
	}
	vec := make([]weighted, 0, len(block)+len(grams))
	vec = appendBlock(vec, termBlock, merged(block), blockTerm)
	vec = appendBlock(vec, gramBlock, grams, blockGram)
	slices.SortFunc(vec, func(a, b weighted) int { return cmpUint(a.h, b.h) })
	p.slots = make([]uint64, len(vec))
	p.weights = make([]float64, len(vec))
	for i, f := range vec {
		p.slots[i], p.weights[i] = f.h, f.w
	}
	p.keys = make([]uint64, 0, len(terms)+len(concepts))
	for _, x := range terms {
		p.keys = append(p.keys, x.h)
	}
	for _, x := range concepts {
		p.keys = append(p.keys, x.h)
	}
	slices.Sort(p.keys)
	p.keys = slices.Compact(p.keys)
	slices.SortStableFunc(polar, func(a, b polarTerm) int { return cmpUint(a.h, b.h) })
	for _, pt := range polar {
		p.negated = p.negated || pt.neg
		if n := len(p.polar); n > 0 && p.polar[n-1].h == pt.h {
			p.polar[n-1].w += pt.w
			p.polar[n-1].neg = p.polar[n-1].neg || pt.neg
			continue
		}
		p.polar = append(p.polar, pt)
	}
	return p
}

// slot is where a feature sits in a profile: its hash with the lowest bit
// replaced by its block, so that a comparison learns the block from the
// slot alone. Two features then share a slot only if their hashes agree in
// the other 63 bits and their blocks agree.
func slot(h uint64, block uint8) uint64 { return h&^1 | uint64(block) }

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
func addGrams(grams []weighted, norm string, w float64) []weighted {
	b := "<" + norm + ">"
	var buf [64]int
	starts := buf[:0]
	for i := range b {
		starts = append(starts, i)
	}
	if len(starts) < gramSize {
		return append(grams, weighted{hashWith("g:", b), w})
	}
	starts = append(starts, len(b))
	n := len(starts) - gramSize // grams: runes minus gramSize plus one
	share := w / math.Sqrt(float64(n))
	for i := 0; i < n; i++ {
		grams = append(grams, weighted{hashWith("g:", b[starts[i]:starts[i+gramSize]]), share})
	}
	return grams
}

// appendBlock adds a block of features (merged) at their slots, scaled so
// that its own length is the square root of its weight: the dot product of
// two profiles is then the weighted sum of the blocks' cosines.
func appendBlock(vec []weighted, block uint8, m []weighted, weight float64) []weighted {
	var sum float64
	for _, x := range m {
		sum += x.w * x.w
	}
	if sum == 0 {
		return vec
	}
	scale := math.Sqrt(weight / sum)
	for _, x := range m {
		vec = append(vec, weighted{slot(x.h, block), x.w * scale})
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
