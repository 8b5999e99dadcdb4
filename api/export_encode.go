package api

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"

	"leerlus/review"
)

// jsonArray streams a JSON array, one object per line.
type jsonArray struct {
	out  io.Writer
	buf  *bufio.Writer
	enc  *json.Encoder
	rows int
}

func newJSONArray(out io.Writer) *jsonArray {
	buf := bufio.NewWriterSize(out, 64<<10)
	buf.WriteString("[")
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	return &jsonArray{out: out, buf: buf, enc: enc}
}

func (j *jsonArray) item(v any) error {
	if j.rows > 0 {
		j.buf.WriteString(",")
	}
	j.buf.WriteString("\n")
	if err := j.enc.Encode(v); err != nil {
		return err
	}
	if j.rows++; j.rows%flushEvery == 0 {
		if err := j.buf.Flush(); err != nil {
			return err
		}
		if f, ok := j.out.(http.Flusher); ok {
			f.Flush()
		}
	}
	return nil
}

func (j *jsonArray) close() error {
	j.buf.WriteString("]\n")
	return j.buf.Flush()
}

// caseColumns are the columns every row starts with.
func caseColumns() []string {
	return []string{"network_id", "network", "case_id", "outcome", "age_band", "household", "duration",
		"start", "end", "services", "phases"}
}

// codingColumns are the columns of the codings CSV.
func codingColumns() []string {
	return append(caseColumns(), "reflection_id", "perspective", "item_id", "question",
		"item_position", "item_what", "item_why", "coding_id", "theme_key", "theme_label_nl", "theme_label_en",
		"code_key", "code_label_nl", "code_label_en", "effect")
}

// lessonColumns are the columns of the lessons CSV.
func lessonColumns() []string {
	return append(caseColumns(), "reflection_id", "perspective", "lesson_id", "lesson_position", "statement", "code_keys")
}

// exportCaseBody is a case in a JSON export row.
type exportCaseBody struct {
	NetworkID string   `json:"network_id"`
	Network   string   `json:"network"`
	CaseID    string   `json:"case_id"`
	Outcome   string   `json:"outcome"`
	AgeBand   string   `json:"age_band"`
	Household string   `json:"household"`
	Duration  string   `json:"duration"`
	Start     string   `json:"start"`
	End       *string  `json:"end"`
	Services  []string `json:"services"`
	Phases    []string `json:"phases"`
}

func exportCase(c *review.ExportCase) exportCaseBody {
	b := exportCaseBody{NetworkID: c.NetworkID, Network: c.NetworkName, CaseID: c.ID, Outcome: c.Outcome, AgeBand: c.AgeBand,
		Household: c.Household, Duration: c.Duration, Start: c.Start, Services: c.Services, Phases: c.Phases}
	if c.End != "" {
		b.End = &c.End
	}
	return b
}

type codingObjectBody struct {
	exportCaseBody
	ReflectionID string `json:"reflection_id"`
	Perspective  string `json:"perspective"`
	ItemID       string `json:"item_id"`
	Question     string `json:"question"`
	ItemPosition int    `json:"item_position"`
	ItemWhat     string `json:"item_what"`
	ItemWhy      string `json:"item_why"`
	CodingID     string `json:"coding_id"`
	ThemeKey     string `json:"theme_key"`
	ThemeLabelNL string `json:"theme_label_nl"`
	ThemeLabelEN string `json:"theme_label_en"`
	CodeKey      string `json:"code_key"`
	CodeLabelNL  string `json:"code_label_nl"`
	CodeLabelEN  string `json:"code_label_en"`
	Effect       string `json:"effect"`
}

func codingObject(r review.CodingRow) codingObjectBody {
	return codingObjectBody{exportCaseBody: exportCase(r.Case), ReflectionID: r.ReflectionID, Perspective: r.Perspective,
		ItemID: r.ItemID, Question: r.Question, ItemPosition: r.ItemPosition, ItemWhat: r.What, ItemWhy: r.Why,
		CodingID: r.CodingID, ThemeKey: r.ThemeKey, ThemeLabelNL: r.ThemeLabelNL, ThemeLabelEN: r.ThemeLabelEN,
		CodeKey: r.CodeKey, CodeLabelNL: r.CodeLabelNL, CodeLabelEN: r.CodeLabelEN, Effect: string(r.Effect)}
}

type lessonObjectBody struct {
	exportCaseBody
	ReflectionID   string   `json:"reflection_id"`
	Perspective    string   `json:"perspective"`
	LessonID       string   `json:"lesson_id"`
	LessonPosition int      `json:"lesson_position"`
	Statement      string   `json:"statement"`
	CodeKeys       []string `json:"code_keys"`
}

func lessonObject(r review.LessonRow) lessonObjectBody {
	return lessonObjectBody{exportCaseBody: exportCase(r.Case), ReflectionID: r.ReflectionID, Perspective: r.Perspective,
		LessonID: r.LessonID, LessonPosition: r.Position, Statement: r.Statement, CodeKeys: r.CodeKeys}
}
