package qda_test

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"leerlus/review/qda"
	"leerlus/review/qda/qdatest"
)

func sampleCodes() []qda.Code {
	return []qda.Code{
		{GUID: qda.GUID("code", "T1"), Name: "Toegang & wachttijden", Description: "Wachten <op> hulp", Children: []qda.Code{
			{GUID: qda.GUID("code", "T1.wachttijd"), Name: "Wachttijd", Codable: true},
			{GUID: qda.GUID("code", "T1.rondgepompt"), Name: "Rondgepompt \"worden\"", Description: "Van loket naar loket.", Codable: true},
		}},
		{GUID: qda.GUID("code", "T4"), Name: "Stem van de jongere"},
	}
}

func TestGUIDIsStableAndDistinct(t *testing.T) {
	a, b := qda.GUID("code", "T1"), qda.GUID("code", "T1")
	if a != b {
		t.Fatalf("%s != %s", a, b)
	}
	if qda.GUID("code", "T1") == qda.GUID("codeT", "1") || qda.GUID("a", "bc") == qda.GUID("ab", "c") {
		t.Fatal("parts run together")
	}
	if a[14] != '5' {
		t.Fatalf("%s is not a version 5 UUID", a)
	}
}

func TestCodebookValidatesAndRoundTrips(t *testing.T) {
	var buf bytes.Buffer
	if err := qda.WriteCodebook(&buf, "Leerlus test", sampleCodes()); err != nil {
		t.Fatal(err)
	}
	qdatest.Validate(t, "Codebook.xsd", buf.Bytes())
	got, err := qda.ParseCodebook(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want := sampleCodes()
	if len(got) != 2 || len(got[0].Children) != 2 || got[0].Children[1].Name != want[0].Children[1].Name ||
		got[0].Description != want[0].Description || got[0].Codable || !got[0].Children[0].Codable || got[1].GUID != want[1].GUID {
		t.Fatalf("round trip: %+v", got)
	}
}

func TestParseCodebookRefuses(t *testing.T) {
	head := `<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>`
	tail := `</Codes></CodeBook>`
	g := qda.GUID("x")
	for _, tc := range []struct{ name, doc, reason string }{
		{"not XML", "Jan belde", "well-formed"},
		{"wrong root", `<Foo xmlns="urn:QDA-XML:codebook:1.0"/>`, "root element"},
		{"wrong namespace", `<CodeBook xmlns="urn:other"><Codes><Code guid="` + g + `" name="a" isCodable="true"/></Codes></CodeBook>`, "root element"},
		{"no codes", head + tail, "no codes"},
		{"bad guid", head + `<Code guid="nope" name="a" isCodable="true"/>` + tail, "guid"},
		{"twice", head + `<Code guid="` + g + `" name="a" isCodable="true"/><Code guid="` + strings.ToUpper(g) + `" name="b" isCodable="true"/>` + tail, "twice"},
		{"no name", head + `<Code guid="` + g + `" name=" " isCodable="true"/>` + tail, "no name"},
		{"bad boolean", head + `<Code guid="` + g + `" name="a" isCodable="ja"/>` + tail, "boolean"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := qda.ParseCodebook(strings.NewReader(tc.doc))
			if err == nil || !strings.Contains(err.Error(), tc.reason) {
				t.Fatalf("error %v, want one about %q", err, tc.reason)
			}
		})
	}
}

// nest writes n codes, each inside the one before, with distinct GUIDs.
func nest(n int) string {
	var open, close strings.Builder
	for i := range n {
		open.WriteString(`<Code guid="` + qda.GUID("nest", string(rune('a'+i))) + `" name="n" isCodable="true">`)
		close.WriteString(`</Code>`)
	}
	return open.String() + close.String()
}

func TestParseCodebookDepthAndCount(t *testing.T) {
	doc := `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>` + nest(qda.MaxDepth+1) + `</Codes></CodeBook>`
	if _, err := qda.ParseCodebook(strings.NewReader(doc)); err == nil || !strings.Contains(err.Error(), "deeper") {
		t.Fatalf("error %v, want depth", err)
	}
	var b strings.Builder
	b.WriteString(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>`)
	for i := range qda.MaxCodes + 1 {
		b.WriteString(`<Code guid="` + qda.GUID("many", string(rune(0x4e00+i))) + `" name="c" isCodable="true"/>`)
	}
	b.WriteString(`</Codes></CodeBook>`)
	if _, err := qda.ParseCodebook(strings.NewReader(b.String())); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Fatalf("error %v, want count", err)
	}
}

func TestTextCountsCodePoints(t *testing.T) {
	var tx qda.Text
	tx.Line("Één plan — geen 👪")
	s, e := tx.Write("wachttijd\r\nlang")
	if s != 18 || e != 18+utf8.RuneCountInString("wachttijd\nlang") {
		t.Fatalf("range %d-%d", s, e)
	}
	runes := []rune(tx.String())
	if got := string(runes[s:e]); got != "wachttijd\nlang" {
		t.Fatalf("selected %q", got)
	}
	if tx.Len() != len(runes) {
		t.Fatalf("len %d, runes %d", tx.Len(), len(runes))
	}
}

func TestProjectValidates(t *testing.T) {
	var tx qda.Text
	tx.Line("Perspectief: ouder")
	s, e := tx.Line("We wachtten 12 weken op een plek & niemand belde <terug>.")
	variable := qda.Variable{GUID: qda.GUID("variable", "outcome"), Name: "outcome", Description: "good, stuck or mixed"}
	src := qda.Source{GUID: qda.GUID("source", "r1"), Name: "Reflectie 1", Text: tx.String(), Selections: []qda.Selection{{
		GUID: qda.GUID("selection", "i1"), Start: s, End: e,
		Codes: []qda.Coding{{GUID: qda.GUID("coding", "c1"), Code: qda.GUID("code", "T1.wachttijd")}},
	}}}
	var buf bytes.Buffer
	w, err := qda.NewProjectWriter(&buf, qda.Head{Name: "Leerlus export", Origin: "Leerlus", Created: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC),
		Codes: sampleCodes(), Variables: []qda.Variable{variable}})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.AddCase(qda.Case{GUID: qda.GUID("case", "c1"), Name: "Casus 1", Values: []qda.Value{{Variable: variable.GUID, Text: "stuck"}},
		Sources: []string{src.GUID}}); err != nil {
		t.Fatal(err)
	}
	if err := w.AddSource(src); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	files := qdatest.ValidateProject(t, buf.Bytes())
	text := files["sources/"+src.GUID+".txt"]
	if got := string([]rune(string(text))[s:e]); !strings.HasPrefix(got, "We wachtten") || !strings.HasSuffix(got, "<terug>.") {
		t.Fatalf("the selection holds %q", got)
	}
	if !bytes.Contains(files["project.qde"], []byte(`plainTextPath="internal://`+src.GUID+`.txt"`)) {
		t.Fatal("the source is not referenced as internal://<GUID>.txt")
	}
}

func TestEmptyProjectValidates(t *testing.T) {
	var buf bytes.Buffer
	w, err := qda.NewProjectWriter(&buf, qda.Head{Name: "Leeg"})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	qdatest.ValidateProject(t, buf.Bytes())
}
