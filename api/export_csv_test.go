package api

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"testing"

	"leerlus/review"
)

// TestCSVWriterWritesWhatEncodingCSVWrites: the export's own CSV encoder
// gives byte for byte what encoding/csv gives, in both forms, for fields
// that need quoting and fields that do not.
func TestCSVWriterWritesWhatEncodingCSVWrites(t *testing.T) {
	fields := []string{"", "plain", "a,b", "a;b", `say "hi"`, "two\nlines", "cr\r\nlf", "lone\rcr", " leading space",
		"\tleading tab", `\.`, "ünïcödé — 'quotes'", "trailing space ", "\u00a0nbsp first", "|", `"`}
	k := &review.ExportCase{ID: "c1", NetworkID: "n1", NetworkName: "Netwerk, west", Outcome: "good", AgeBand: "12-18",
		Start: "2024-Q1", Services: []string{"ggz", "onderwijs"}, Phases: []string{"start"}}
	for _, excel := range []bool{false, true} {
		var got, want bytes.Buffer
		w := newCSVWriter(&got, excel)
		ref := csv.NewWriter(&want)
		if excel {
			want.WriteString("\uFEFF")
			ref.Comma, ref.UseCRLF = ';', true
		}
		// The Excel form defuses texts that would start a formula;
		// encoding/csv does not, so the reference gets them defused.
		write := func(row []string) {
			for i, f := range row {
				if excel && formulaStart(f) {
					row[i] = "'" + f
				}
			}
			ref.Write(row) //nolint:errcheck // checked by Flush and Error
		}
		w.header(codingColumns())
		write(codingColumns())
		for i, f := range fields {
			r := review.CodingRow{Case: k, ReflectionID: "r1", Perspective: "ouder", ItemID: f, Question: "worked", ItemPosition: i,
				What: f, Why: fields[(i+3)%len(fields)], CodingID: "x", ThemeKey: "T1", CodeKey: "T1.a", CodeLabelNL: f, Effect: review.EffectHelped}
			if err := w.codingRow(&r); err != nil {
				t.Fatal(err)
			}
			write([]string{k.NetworkID, k.NetworkName, k.ID, k.Outcome, k.AgeBand, k.Household, k.Duration, k.Start, k.End,
				"ggz|onderwijs", "start", r.ReflectionID, r.Perspective, r.ItemID, r.Question, strconv.Itoa(r.ItemPosition), r.What, r.Why,
				r.CodingID, r.ThemeKey, r.ThemeLabelNL, r.ThemeLabelEN, r.CodeKey, r.CodeLabelNL, r.CodeLabelEN, string(r.Effect)})
		}
		l := review.LessonRow{Case: &review.ExportCase{ID: "c2", Services: []string{}}, LessonID: "l1", Statement: "Eerst, dan \"later\"",
			Position: 2, CodeKeys: []string{"T1.a", "T2.b"}}
		if err := w.lessonRow(&l); err != nil {
			t.Fatal(err)
		}
		write([]string{"", "", "c2", "", "", "", "", "", "", "", "", "", "", "l1", "2", l.Statement, "T1.a|T2.b"})
		if err := w.close(); err != nil {
			t.Fatal(err)
		}
		ref.Flush()
		if err := ref.Error(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("excel=%v:\n got %q\nwant %q", excel, got.String(), want.String())
		}
	}
}

// TestExcelCSVDefusesFormulas: a member's text that a spreadsheet would
// run as a formula reaches Excel as text; the plain CSV keeps it exact.
func TestExcelCSVDefusesFormulas(t *testing.T) {
	k := &review.ExportCase{ID: "c1", NetworkID: "n1", NetworkName: "@netwerk"}
	for _, tc := range []struct {
		text  string
		excel bool
		want  string
	}{
		{`=HYPERLINK("http://x.example","klik")`, true, `"'=HYPERLINK(""http://x.example"",""klik"")"`},
		{"+31 tel", true, "'+31 tel"},
		{"-2+3", true, "'-2+3"},
		{"\tcmd", true, "'\tcmd"},
		{"gewoon", true, "gewoon"},
		{"=1+1", false, "=1+1"},
	} {
		var out bytes.Buffer
		w := newCSVWriter(&out, tc.excel)
		r := review.CodingRow{Case: k, What: tc.text}
		if err := w.codingRow(&r); err != nil {
			t.Fatal(err)
		}
		if err := w.close(); err != nil {
			t.Fatal(err)
		}
		sep := ","
		if tc.excel {
			sep = ";"
		}
		if !bytes.Contains(out.Bytes(), []byte(sep+tc.want+sep)) {
			t.Errorf("excel=%v %q: row %q lacks field %q", tc.excel, tc.text, out.String(), tc.want)
		}
		if tc.excel && !bytes.Contains(out.Bytes(), []byte(";'@netwerk;")) {
			t.Errorf("network name not defused: %q", out.String())
		}
	}
}
