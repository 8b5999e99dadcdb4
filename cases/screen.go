package cases

import (
	"strings"
	"unicode/utf16"

	"leerlus"
	"leerlus/cases/anonymise"
)

// text is one free-text field of a write, screened before anything is
// stored.
type text struct {
	pointer string // in the request body: /episodes/2/what_happened
	object  int    // index of the stored object it belongs to (see screened.marks)
	field   string // in that object: /what_happened
	value   string
}

// screened is what a write may store after screening: per object, the
// author's decisions that matched a finding.
type screened struct {
	marks    map[int][]Mark
	replaced map[string]int // findings per type already replaced by tags, for the tallies
}

// screen runs the anonymiser over every text of a write. A direct
// identifier that the author has not dismissed, or a quasi-identifier not
// confirmed, refuses the whole write with the findings (nothing is stored).
// Decisions that match no finding are dropped: they protect nothing.
// On decisions that nobody checks later (Decisions.Unchecked) only a
// person or date finding may be dismissed; a direct finding of another
// type refuses the write however it is decided, and says so (MustChange).
func screen(red *anonymise.Redactor, texts []text, d Decisions) (screened, error) {
	out := screened{marks: map[int][]Mark{}, replaced: map[string]int{}}
	var findings []leerlus.Finding
	for _, t := range texts {
		if t.value == "" {
			continue
		}
		countTags(t.value, out.replaced)
		redacted, found := red.Redact(t.value)
		tags := tagsOf(redacted, found)
		for i, f := range found {
			start, end := utf16Offset(t.value, f.Start), utf16Offset(t.value, f.End)
			kind := MarkConfirmed
			if f.Type.Direct() {
				kind = MarkDismissed
			}
			mustChange := kind == MarkDismissed && d.unchecked && !uncheckedDismissable(f.Type)
			if !mustChange && decided(d, kind, t.pointer, string(f.Type), start, end) {
				out.marks[t.object] = append(out.marks[t.object], Mark{
					Field: t.field, Kind: kind, FindingType: string(f.Type), StartAt: start, EndAt: end,
				})
				continue
			}
			findings = append(findings, leerlus.Finding{
				Field: t.pointer, Type: string(f.Type), Start: start, End: end, Direct: f.Type.Direct(), Tag: tags[i], MustChange: mustChange,
			})
		}
	}
	if len(findings) > 0 {
		return screened{}, leerlus.Identifying(findings)
	}
	return out, nil
}

// decided reports whether the author took decision kind on this finding.
func decided(d Decisions, kind MarkKind, pointer, typ string, start, end int) bool {
	list := d.Confirmed
	if kind == MarkDismissed {
		list = d.Dismissed
	}
	for _, m := range list {
		if m.Field == pointer && m.Type == typ && m.Start == start && m.End == end {
			return true
		}
	}
	return false
}

// tagsOf reads the tag each finding got in the redacted text: the
// redactor writes the findings' tags in order, each replacing its span.
func tagsOf(redacted string, found []anonymise.Finding) []string {
	tags := make([]string, len(found))
	shift := 0
	for i, f := range found {
		at := f.Start + shift
		if at >= len(redacted) || redacted[at] != '[' {
			continue
		}
		end := strings.IndexByte(redacted[at:], ']')
		if end < 0 {
			continue
		}
		tags[i] = redacted[at : at+end+1]
		shift += len(tags[i]) - (f.End - f.Start)
	}
	return tags
}

// utf16Offset converts a byte offset in s into UTF-16 code units, the
// offsets the API speaks (a browser's string index).
func utf16Offset(s string, byteOffset int) int {
	n := 0
	for _, r := range s[:byteOffset] {
		n += utf16.RuneLen(r)
	}
	return n
}

// reserveTags keeps the numbers of the tags in a text from being given to
// someone else.
func reserveTags(red *anonymise.Redactor, s string) {
	eachTag(s, func(typ anonymise.Type, n int) { red.Reserve(typ, n) })
}

// countTags counts the tags already in a text ([PERSOON-2]) per type: the
// findings its author replaced, for the anonymiser's quality tallies.
func countTags(s string, into map[string]int) {
	eachTag(s, func(typ anonymise.Type, _ int) { into[string(typ)]++ })
}

// eachTag calls fn for every tag ([PERSOON-2]) in s.
func eachTag(s string, fn func(anonymise.Type, int)) {
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			return
		}
		s = s[i+1:]
		j := strings.IndexByte(s, ']')
		if j < 0 {
			return
		}
		if typ, n, ok := tagType(s[:j]); ok {
			fn(typ, n)
		}
		s = s[j+1:]
	}
}

// tagType reads the type and number of a tag body such as "PERSOON-2".
func tagType(body string) (anonymise.Type, int, bool) {
	dash := strings.LastIndexByte(body, '-')
	if dash <= 0 || dash == len(body)-1 || len(body)-dash > 6 {
		return "", 0, false
	}
	n := 0
	for _, c := range body[dash+1:] {
		if c < '0' || c > '9' {
			return "", 0, false
		}
		n = n*10 + int(c-'0')
	}
	for _, t := range anonymise.Types {
		if t.Tag() == body[:dash] {
			return t, n, true
		}
	}
	return "", 0, false
}
