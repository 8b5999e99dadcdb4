package api

import (
	"bufio"
	"io"
	"net/http"
	"strconv"
	"unicode"
	"unicode/utf8"

	"leerlus/review"
)

const csvContentType = "text/csv; charset=utf-8"

// csvWriter writes tidy CSV: UTF-8, one header line, "," and no BOM; or,
// for Excel, a BOM (so Excel reads UTF-8), ";" (the separator of Dutch
// Excel, where "," is the decimal comma) and CRLF. It writes exactly what
// encoding/csv writes, but appends each row's fields into one reused
// buffer and encodes a case's columns once for all its rows: a full
// export has half a million rows, and encoding/csv's per-row []string
// and per-rune writes were a large part of its time. It flushes every
// flushEvery rows so that the download makes progress.
type csvWriter struct {
	out   io.Writer
	buf   *bufio.Writer
	comma byte
	crlf  bool
	// defuse: the Excel form, whose texts must not start a formula.
	defuse bool
	line   []byte // the row being built
	rows   int
	// lastCase and casePrefix: the case whose columns casePrefix holds.
	lastCase   *review.ExportCase
	casePrefix []byte
}

// csvBuffer is the size of the writer's buffer: large writes to the
// connection, few system calls.
const csvBuffer = 256 << 10

func newCSVWriter(out io.Writer, excel bool) *csvWriter {
	c := &csvWriter{out: out, buf: bufio.NewWriterSize(out, csvBuffer), comma: ',', line: make([]byte, 0, 4096)}
	if excel {
		c.buf.WriteString("\uFEFF")
		c.comma, c.crlf, c.defuse = ';', true, true
	}
	return c
}

// formulaStart reports whether a spreadsheet would read a text as a
// formula: members write the texts, and "=HYPERLINK(…)" in a reflection
// must not become a live link or command in a researcher's Excel (CSV
// injection).
func formulaStart(s string) bool {
	return s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')
}

// header writes the header line.
func (c *csvWriter) header(cols []string) {
	c.line = c.line[:0]
	for i, col := range cols {
		c.field(i > 0, col)
	}
	c.end() //nolint:errcheck // the error returns from a row or close
}

// field appends one field, after a separator unless it is the row's first.
func (c *csvWriter) field(sep bool, s string) {
	if sep {
		c.line = append(c.line, c.comma)
	}
	if c.defuse && formulaStart(s) {
		// A leading apostrophe makes Excel show the text as text; the
		// plain form keeps every text exact for R, SPSS and Python.
		s = "'" + s
	}
	c.line = appendCSVField(c.line, s, c.comma, c.crlf)
}

// int appends a number field after a separator.
func (c *csvWriter) int(n int) {
	c.line = append(c.line, c.comma)
	c.line = strconv.AppendInt(c.line, int64(n), 10)
}

// startCase begins a row with a case's columns, encoded once per case.
func (c *csvWriter) startCase(k *review.ExportCase) {
	if k != c.lastCase || c.lastCase == nil {
		c.line = c.line[:0]
		c.field(false, k.NetworkID)
		for _, s := range []string{k.NetworkName, k.ID, k.Outcome, k.AgeBand, k.Household, k.Duration, k.Start, k.End} {
			c.field(true, s)
		}
		c.list(k.Services)
		c.list(k.Phases)
		c.casePrefix = append(c.casePrefix[:0], c.line...)
		c.lastCase = k
		return
	}
	c.line = append(c.line[:0], c.casePrefix...)
}

// list appends values joined with "|" as one field.
func (c *csvWriter) list(values []string) {
	switch len(values) {
	case 0:
		c.field(true, "")
	case 1:
		c.field(true, values[0])
	default:
		n := len(values) - 1
		for _, v := range values {
			n += len(v)
		}
		joined := make([]byte, 0, n)
		for i, v := range values {
			if i > 0 {
				joined = append(joined, '|')
			}
			joined = append(joined, v...)
		}
		c.field(true, string(joined))
	}
}

// end finishes the row and writes it.
func (c *csvWriter) end() error {
	if c.crlf {
		c.line = append(c.line, '\r', '\n')
	} else {
		c.line = append(c.line, '\n')
	}
	if _, err := c.buf.Write(c.line); err != nil {
		return err
	}
	if c.rows++; c.rows%flushEvery == 0 {
		return c.flush()
	}
	return nil
}

func (c *csvWriter) codingRow(r *review.CodingRow) error {
	c.startCase(r.Case)
	c.field(true, r.ReflectionID)
	c.field(true, r.Perspective)
	c.field(true, r.ItemID)
	c.field(true, r.Question)
	c.int(r.ItemPosition)
	for _, s := range []string{r.What, r.Why, r.CodingID, r.ThemeKey, r.ThemeLabelNL, r.ThemeLabelEN,
		r.CodeKey, r.CodeLabelNL, r.CodeLabelEN, string(r.Effect)} {
		c.field(true, s)
	}
	return c.end()
}

func (c *csvWriter) lessonRow(r *review.LessonRow) error {
	c.startCase(r.Case)
	c.field(true, r.ReflectionID)
	c.field(true, r.Perspective)
	c.field(true, r.LessonID)
	c.int(r.Position)
	c.field(true, r.Statement)
	c.list(r.CodeKeys)
	return c.end()
}

func (c *csvWriter) flush() error {
	if err := c.buf.Flush(); err != nil {
		return err
	}
	if f, ok := c.out.(http.Flusher); ok {
		f.Flush()
	}
	return nil
}

func (c *csvWriter) close() error { return c.flush() }

// appendCSVField appends s as encoding/csv's Writer writes a field with
// this separator: quoted when it holds the separator, a quote, CR or LF,
// begins with a space, or is `\.`; quotes doubled; with CRLF line ends a
// LF inside a quoted field becomes CRLF and a CR is dropped.
func appendCSVField(dst []byte, s string, comma byte, crlf bool) []byte {
	if !csvNeedsQuotes(s, comma) {
		return append(dst, s...)
	}
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '"':
			rep = `""`
		case '\r':
			if crlf {
				rep = ""
			} else {
				continue
			}
		case '\n':
			if crlf {
				rep = "\r\n"
			} else {
				continue
			}
		default:
			continue
		}
		dst = append(dst, s[start:i]...)
		dst = append(dst, rep...)
		start = i + 1
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// csvNeedsQuotes is encoding/csv's fieldNeedsQuotes for a one-byte
// separator.
func csvNeedsQuotes(s string, comma byte) bool {
	if s == "" {
		return false
	}
	if s == `\.` {
		return true
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\r' || c == '"' || c == comma {
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}
