package anonymise

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"leerlus/internal/jsonl"
)

// LabelledText is one text of a labelled evaluation set (the JSONL format of
// shared/eval/pii).
type LabelledText struct {
	ID       string   `json:"id"`
	Text     string   `json:"text"`
	Entities []Entity `json:"entities"`
}

// Entity is one labelled span; offsets are UTF-8 bytes, End exclusive.
type Entity struct {
	Type  Type   `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// ParseSource reads the [[type|text]] source format: texts separated by a
// line holding only "===", ids prefix-1, prefix-2, … in order.
func ParseSource(src, prefix string) ([]LabelledText, error) {
	var out []LabelledText
	var cur []string
	flush := func() error {
		raw := strings.Trim(strings.Join(cur, "\n"), "\n")
		cur = cur[:0]
		if raw == "" {
			return nil
		}
		lt := LabelledText{ID: fmt.Sprintf("%s-%d", prefix, len(out)+1), Entities: []Entity{}}
		var b strings.Builder
		for {
			i := strings.Index(raw, "[[")
			if i < 0 {
				b.WriteString(raw)
				break
			}
			b.WriteString(raw[:i])
			j := strings.Index(raw[i:], "]]")
			bar := strings.IndexByte(raw[i:], '|')
			if j < 0 || bar < 0 || bar > j {
				return fmt.Errorf("%s: bad span near %q", lt.ID, raw[i:min(len(raw), i+40)])
			}
			typ := Type(raw[i+2 : i+bar])
			if typ.Tag() == "" {
				return fmt.Errorf("%s: unknown type %q", lt.ID, typ)
			}
			span := raw[i+bar+1 : i+j]
			lt.Entities = append(lt.Entities, Entity{Type: typ, Start: b.Len(), End: b.Len() + len(span), Text: span})
			b.WriteString(span)
			raw = raw[i+j+2:]
		}
		lt.Text = b.String()
		out = append(out, lt)
		return nil
	}
	for _, line := range strings.Split(src, "\n") {
		if strings.TrimRight(line, "\r") == "===" {
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		}
		cur = append(cur, line)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// ReadJSONL reads a labelled set in JSONL form.
func ReadJSONL(r io.Reader) ([]LabelledText, error) {
	var out []LabelledText
	lines := jsonl.NewLines(r, 2*MaxTextBytes)
	for {
		b, ok := lines.Next()
		if !ok {
			break
		}
		var lt LabelledText
		if err := json.Unmarshal(b, &lt); err != nil {
			return nil, fmt.Errorf("line %d: %w", lines.Number(), err)
		}
		out = append(out, lt)
	}
	return out, lines.Err()
}

// Score counts, for one type or group of types, the labelled spans found and
// the findings that are right. A labelled span is found when a finding of
// the same type overlaps it; a finding is right when it overlaps a labelled
// span of the same type (overlap matching). Exact counts labelled spans
// found with exactly the same offsets.
type Score struct {
	Gold, Found       int // labelled spans, findings
	GoldHit, FoundHit int // labelled spans found, findings right
	Exact             int
}

// Recall is GoldHit/Gold (1 when there is nothing to find).
func (s Score) Recall() float64 { return ratio(s.GoldHit, s.Gold) }

// Precision is FoundHit/Found (1 when nothing was found).
func (s Score) Precision() float64 { return ratio(s.FoundHit, s.Found) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (s *Score) add(o Score) {
	s.Gold += o.Gold
	s.Found += o.Found
	s.GoldHit += o.GoldHit
	s.FoundHit += o.FoundHit
	s.Exact += o.Exact
}

// Report is the outcome of Evaluate.
type Report struct {
	Texts       int
	ByType      map[Type]*Score
	Direct      Score // all direct types together
	Quasi       Score // all quasi types together
	LeakedBytes int   // bytes of direct identifiers not covered by any finding
	DirectBytes int
	Misses      []string // "id: type "text"" for labelled spans not found
	FalseAlarms []string // "id: type "text"" for findings that are wrong
}

// LeakedShare is the share of direct-identifier bytes left unredacted.
func (r Report) LeakedShare() float64 {
	if r.DirectBytes == 0 {
		return 0
	}
	return float64(r.LeakedBytes) / float64(r.DirectBytes)
}

// Evaluate scans every text and compares the findings with the labels.
func Evaluate(s *Scanner, set []LabelledText) Report {
	r := Report{Texts: len(set), ByType: map[Type]*Score{}}
	for _, t := range Types {
		r.ByType[t] = &Score{}
	}
	for _, lt := range set {
		found := s.Scan(lt.Text)
		for _, g := range lt.Entities {
			sc := r.ByType[g.Type]
			if sc == nil {
				continue
			}
			sc.Gold++
			hit := false
			for _, f := range found {
				if f.Type == g.Type && f.Start < g.End && g.Start < f.End {
					hit = true
					if f.Start == g.Start && f.End == g.End {
						sc.Exact++
					}
				}
			}
			if hit {
				sc.GoldHit++
			} else {
				r.Misses = append(r.Misses, fmt.Sprintf("%s: %s %q", lt.ID, g.Type, g.Text))
			}
			if g.Type.Direct() {
				r.DirectBytes += g.End - g.Start
				r.LeakedBytes += uncovered(g.Start, g.End, found)
			}
		}
		for _, f := range found {
			sc := r.ByType[f.Type]
			sc.Found++
			hit := false
			for _, g := range lt.Entities {
				if f.Type == g.Type && f.Start < g.End && g.Start < f.End {
					hit = true
					break
				}
			}
			if hit {
				sc.FoundHit++
			} else {
				r.FalseAlarms = append(r.FalseAlarms, fmt.Sprintf("%s: %s %q", lt.ID, f.Type, f.Text))
			}
		}
	}
	for _, t := range Types {
		if t.Direct() {
			r.Direct.add(*r.ByType[t])
		} else {
			r.Quasi.add(*r.ByType[t])
		}
	}
	return r
}

// uncovered counts the bytes of [start, end) that no finding covers.
func uncovered(start, end int, found []Finding) int {
	n := 0
	for p := start; p < end; p++ {
		covered := false
		for _, f := range found {
			if f.Start <= p && p < f.End {
				covered = true
				break
			}
		}
		if !covered {
			n++
		}
	}
	return n
}

// WriteTable prints the report as a plain text table.
func (r Report) WriteTable(w io.Writer, name string) {
	fmt.Fprintf(w, "%s: %d texts (overlap matching, same type)\n", name, r.Texts)
	fmt.Fprintf(w, "%-14s %5s %5s %7s %9s %6s\n", "type", "gold", "found", "recall", "precision", "exact")
	for _, t := range Types {
		sc := r.ByType[t]
		if sc.Gold == 0 && sc.Found == 0 {
			continue
		}
		fmt.Fprintf(w, "%-14s %5d %5d %7.3f %9.3f %6d\n", t, sc.Gold, sc.Found, sc.Recall(), sc.Precision(), sc.Exact)
	}
	fmt.Fprintf(w, "%-14s %5d %5d %7.3f %9.3f %6d\n", "DIRECT", r.Direct.Gold, r.Direct.Found, r.Direct.Recall(), r.Direct.Precision(), r.Direct.Exact)
	fmt.Fprintf(w, "%-14s %5d %5d %7.3f %9.3f %6d\n", "QUASI", r.Quasi.Gold, r.Quasi.Found, r.Quasi.Recall(), r.Quasi.Precision(), r.Quasi.Exact)
	all := r.Direct
	all.add(r.Quasi)
	fmt.Fprintf(w, "%-14s %5d %5d %7.3f %9.3f %6d\n", "ALL", all.Gold, all.Found, all.Recall(), all.Precision(), all.Exact)
	fmt.Fprintf(w, "direct-identifier bytes left unredacted: %d of %d (%.2f%%)\n", r.LeakedBytes, r.DirectBytes, 100*r.LeakedShare())
	for _, m := range r.Misses {
		fmt.Fprintln(w, "  missed:", m)
	}
	for _, m := range r.FalseAlarms {
		fmt.Fprintln(w, "  false alarm:", m)
	}
}
