package review

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/review/dutch"
)

func TestSuggestValidatesInput(t *testing.T) {
	w := newSuggestWorld(t)
	ctx := context.Background()
	cases := []struct {
		name  string
		text  string
		limit int
		field string
		code  leerlus.FieldCode
	}{
		{"text over the limit", strings.Repeat("wachtlijst ", MaxSuggestText/10), 5, "text", leerlus.FieldTooLong},
		{"limit zero", "wachtlijst", 0, "limit", leerlus.FieldOutOfRange},
		{"limit over the maximum", "wachtlijst", MaxSuggestions + 1, "limit", leerlus.FieldOutOfRange},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := w.svc.Suggest(ctx, w.access(), c.text, c.limit)
			if got := fieldCodes(t, err)[c.field]; got != c.code {
				t.Fatalf("field %s: got %q, want %q (%v)", c.field, got, c.code, err)
			}
		})
	}
	// At the limit is fine.
	if _, err := w.svc.Suggest(ctx, w.access(), strings.Repeat("x", MaxSuggestText), MaxSuggestions); err != nil {
		t.Fatalf("a text of exactly %d characters: %v", MaxSuggestText, err)
	}
}

func TestSuggestNothingForEmptyText(t *testing.T) {
	w := newSuggestWorld(t)
	for _, text := range []string{"", "   ", "de het een en of", "12 34 !!"} {
		got := w.suggest(t, text, 5)
		if got == nil || len(got) != 0 {
			t.Errorf("Suggest(%q) = %v, want an empty list", text, keys(got))
		}
	}
}

func TestSuggestSeedsTheNetworkAndRanksFromTheCodebook(t *testing.T) {
	w := newSuggestWorld(t)
	cases := []struct {
		text string
		want string // expected first
	}{
		{"We stonden heel lang op de wachtlijst", "T1.wachttijd"},
		{"Mijn zoon zat maanden thuis zonder school", "T8.thuiszitten_verzuim"},
		{"Er was ruzie over de omgangsregeling na de scheiding", "T6.complexe_scheiding"},
		{"Er was een wisseling van hulpverleners, de vaste begeleider vertrok", "T3.wisseling_hulpverleners"},
		{"Ik moest alles opnieuw registreren, zoveel papierwerk", "T10.administratieve_last"},
	}
	for _, c := range cases {
		got := w.suggest(t, c.text, 5)
		if len(got) == 0 || got[0].CodeKey != c.want {
			t.Errorf("Suggest(%q) = %v, want %s first", c.text, keys(got), c.want)
		}
	}
	var n int64
	mustOK(t, w.db.WithContext(context.Background()).Table("code_terms").Where("network_id = ? AND source = ?", w.network, sourceCodebook).Count(&n).Error)
	if n == 0 {
		t.Fatal("seeding the network wrote no codebook terms")
	}
}

func TestSuggestionReasonNamesOnlyTheTypedWords(t *testing.T) {
	w := newSuggestWorld(t)
	text := "Wachtlijsten, en daarna nog langer WACHTEN op passende hulp."
	got := w.suggest(t, text, 5)
	if len(got) == 0 {
		t.Fatal("no suggestions")
	}
	typed := map[string]bool{}
	for _, tok := range dutch.Tokens(text) {
		typed[tok.Word] = true
	}
	for _, s := range got {
		if len(s.Reason.Words) == 0 {
			t.Errorf("%s is suggested without words", s.CodeKey)
		}
		for _, word := range s.Reason.Words {
			if !typed[word] {
				t.Errorf("%s names %q, which the text does not hold as typed", s.CodeKey, word)
			}
		}
		if s.Reason.Codings != 0 {
			t.Errorf("%s claims %d earlier codings in a network without any", s.CodeKey, s.Reason.Codings)
		}
		if !s.Reason.Codebook || s.LabelNL == "" || s.ThemeKey == "" || s.CodeID == "" {
			t.Errorf("incomplete suggestion %+v", s)
		}
	}
	first := got[0]
	if first.CodeKey != "T1.wachttijd" || !slices.Contains(first.Reason.Words, "Wachtlijsten") || !slices.Contains(first.Reason.Words, "WACHTEN") {
		t.Errorf("first suggestion %s with words %q; want T1.wachttijd for Wachtlijsten and WACHTEN", first.CodeKey, first.Reason.Words)
	}
}

// TestEarlierCodingsShiftRanking codes a few items of the network with a
// code the codebook's words do not point to, and expects the same kind of
// text to be suggested that code afterwards, with the codings as reason.
func TestEarlierCodingsShiftRanking(t *testing.T) {
	w := newSuggestWorld(t)
	text := "De mentor belde nooit terug over het rooster"
	target := "T2.informatiedeling"
	before := w.suggest(t, text, MaxSuggestions)
	if position(before, target) == 1 {
		t.Fatalf("%s is first before any coding; pick a text the codebook does not settle", target)
	}
	code := w.code(t, target)
	items := []string{
		"De mentor belde ons niet terug. Niemand wist wie wat moest doen.",
		"Het rooster veranderde en de mentor gaf het niet door.",
		"We hoorden via via dat de mentor had gebeld met het wijkteam.",
		"De mentor reageerde pas na weken op onze mail.",
		"Over het rooster kregen we geen bericht van school.",
	}
	w.tx(t, func(tx *gorm.DB) error {
		for _, it := range items {
			if err := indexCoding(tx, w.network, code.ID, it, +1); err != nil {
				return err
			}
		}
		return nil
	})
	after := w.suggest(t, text, 5)
	if position(after, target) != 1 {
		t.Fatalf("after %d codings, %s is at %d in %v (before: %d in %v)", len(items), target, position(after, target), keys(after), position(before, target), keys(before))
	}
	r := after[0].Reason
	if r.Codings < 3 || !slices.Contains(r.Words, "mentor") {
		t.Errorf("reason %+v; want the word mentor and at least 3 earlier codings", r)
	}

	// Taking the codings away again restores the first ranking.
	w.tx(t, func(tx *gorm.DB) error {
		for _, it := range items {
			if err := indexCoding(tx, w.network, code.ID, it, -1); err != nil {
				return err
			}
		}
		return nil
	})
	if again := w.suggest(t, text, MaxSuggestions); !slices.Equal(keys(again), keys(before)) {
		t.Errorf("after removing the codings: %v, want %v", keys(again), keys(before))
	}
	var rows, totals int64
	db := w.db.WithContext(context.Background())
	mustOK(t, db.Table("code_terms").Where("code_id = ? AND source = ?", code.ID, sourceCodings).Count(&rows).Error)
	mustOK(t, db.Table("code_term_totals").Where("code_id = ? AND source = ?", code.ID, sourceCodings).Count(&totals).Error)
	if rows != 0 || totals != 0 {
		t.Errorf("after removing every coding %d term rows and %d totals remain", rows, totals)
	}
}

func TestRetiredAndMergedCodesAreNotSuggested(t *testing.T) {
	w := newSuggestWorld(t)
	text := "We stonden heel lang op de wachtlijst"
	w.seed(t)
	wait := w.code(t, "T1.wachttijd")
	w.tx(t, func(tx *gorm.DB) error {
		return tx.Model(&Code{}).Where("id = ?", wait.ID).Update("retired_at", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)).Error
	})
	if got := w.suggest(t, text, MaxSuggestions); position(got, "T1.wachttijd") != 0 {
		t.Errorf("a retired code is suggested: %v", keys(got))
	}

	// Merge T1.rondgepompt into T1.geen_passend_aanbod: the merged code
	// goes, its codings count for the other.
	from, into := w.code(t, "T1.rondgepompt"), w.code(t, "T1.geen_passend_aanbod")
	item := "We werden van het ene loket naar het andere gestuurd"
	w.tx(t, func(tx *gorm.DB) error {
		for range 3 {
			if err := indexCoding(tx, w.network, from.ID, item, +1); err != nil {
				return err
			}
		}
		if err := indexCoding(tx, w.network, into.ID, item, +1); err != nil {
			return err
		}
		if err := tx.Model(&Code{}).Where("id = ?", from.ID).Update("merged_into", into.ID).Error; err != nil {
			return err
		}
		return mergeCodeTerms(tx, from.ID, into.ID)
	})
	got := w.suggest(t, item, MaxSuggestions)
	if position(got, "T1.rondgepompt") != 0 {
		t.Errorf("a merged code is suggested: %v", keys(got))
	}
	if p := position(got, "T1.geen_passend_aanbod"); p == 0 || got[p-1].Reason.Codings != 4 {
		t.Errorf("the code merged into: %v; want it with 4 earlier codings", got)
	}
	var left int64
	mustOK(t, w.db.WithContext(context.Background()).Table("code_terms").Where("code_id = ? AND source = ?", from.ID, sourceCodings).Count(&left).Error)
	if left != 0 {
		t.Errorf("%d codings rows stay with the merged code", left)
	}
}

func TestReindexCodeFollowsAnEdit(t *testing.T) {
	w := newSuggestWorld(t)
	w.seed(t)
	c := w.code(t, "T9.werkdruk")
	text := "De casusbespreking werd steeds uitgesteld"
	if got := w.suggest(t, text, 5); position(got, c.Key) == 1 {
		t.Fatalf("%s is first before the edit: %v", c.Key, keys(got))
	}
	c.DescriptionNL = "Te weinig tijd voor een casusbespreking, die daardoor wordt uitgesteld."
	w.tx(t, func(tx *gorm.DB) error {
		if err := tx.Model(&Code{}).Where("id = ?", c.ID).Update("description_nl", c.DescriptionNL).Error; err != nil {
			return err
		}
		return reindexCode(tx, c)
	})
	got := w.suggest(t, text, 5)
	if position(got, c.Key) != 1 {
		t.Fatalf("after the edit: %v, want %s first", keys(got), c.Key)
	}
	if !got[0].Reason.Codebook || !slices.Contains(got[0].Reason.Words, "casusbespreking") {
		t.Errorf("reason %+v", got[0].Reason)
	}
}

func TestSuggestLimit(t *testing.T) {
	w := newSuggestWorld(t)
	text := "Niemand luisterde naar mijn dochter en de hulp paste niet bij het gezin; de school wist niets."
	for _, limit := range []int{1, 3} {
		if got := w.suggest(t, text, limit); len(got) != limit {
			t.Errorf("limit %d gave %d suggestions: %v", limit, len(got), keys(got))
		}
	}
}

// TestCodebookExclusionsAreNotIndexed checks that the words of a
// description's "Niet: …" sentence do not point to the code that excludes
// them.
func TestCodebookExclusionsAreNotIndexed(t *testing.T) {
	terms, err := codebookTerms(Code{LabelNL: "Wachttijd", DescriptionNL: "Tijd tot de start. Niet: wachten op geld, dat is T10.", Examples: "[]"})
	mustOK(t, err)
	if terms["geld"] != 0 {
		t.Errorf("the exclusion's word geld is indexed: %v", terms)
	}
	if terms[dutch.Key("start")] == 0 || terms["wachttijd"] != weightLabelNL {
		t.Errorf("terms %v", terms)
	}
}

func TestSuggestNothingWhenEveryCodeIsRetired(t *testing.T) {
	w := newSuggestWorld(t)
	w.seed(t)
	seeded := len(w.codes(t))
	w.tx(t, func(tx *gorm.DB) error {
		return tx.Model(&Code{}).Where("network_id = ?", w.network).Update("retired_at", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)).Error
	})
	if got := w.suggest(t, "We stonden heel lang op de wachtlijst", 5); len(got) != 0 {
		t.Errorf("suggestions from a codebook with every code retired: %v", keys(got))
	}
	if n := len(w.codes(t)); n != seeded {
		t.Errorf("the codebook has %d codes after the request, want the %d seeded once", n, seeded)
	}
}
