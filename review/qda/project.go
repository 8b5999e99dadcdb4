package qda

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"time"
)

// Variable is a case attribute. Leerlus's attributes are coded
// categories (outcome, age band), so every variable is of type Text.
type Variable struct {
	GUID        string
	Name        string
	Description string
}

// Value is a case's value of a variable.
type Value struct {
	Variable string // the variable's GUID
	Text     string
}

// Case is a unit of analysis with its attributes and the sources about it.
type Case struct {
	GUID        string
	Name        string
	Description string
	Values      []Value
	Sources     []string // GUIDs of its sources
}

// Selection is a coded stretch of a source's text: [Start, End) in code
// points, with the codes (GUIDs) applied to it.
type Selection struct {
	GUID  string
	Name  string
	Start int
	End   int
	Codes []Coding
}

// Coding applies one code to a selection.
type Coding struct {
	GUID string
	Code string // the code's GUID
}

// Source is a plain-text source: its text goes to sources/<GUID>.txt.
type Source struct {
	GUID        string
	Name        string
	Description string
	Text        string
	Selections  []Selection
}

// Head is what a project says about itself and what precedes its cases.
type Head struct {
	Name        string
	Origin      string
	Created     time.Time
	Description string
	Codes       []Code
	Variables   []Variable
}

// ProjectWriter streams a .qdpx: each source's text goes into the ZIP as
// it is added; the XML of cases and sources is spooled to two temporary
// files and copied into project.qde at Close, because the schema puts
// all cases before all sources. Memory stays flat however many there are.
type ProjectWriter struct {
	zip          *zip.Writer
	head         Head
	cases, srcs  *spool
	nCase, nSrcs int
	err          error
}

// spool is a temporary file written through a buffer.
type spool struct {
	f *os.File
	x *xmlWriter
}

func newSpool() (*spool, error) {
	f, err := os.CreateTemp("", "leerlus-qdpx-*")
	if err != nil {
		return nil, err
	}
	return &spool{f: f, x: newXMLWriter(f)}, nil
}

// copyTo writes the spooled bytes to w.
func (s *spool) copyTo(w io.Writer) error {
	if err := s.x.flush(); err != nil {
		return err
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w, bufio.NewReaderSize(s.f, 64<<10))
	return err
}

func (s *spool) remove() {
	if s != nil {
		s.f.Close()
		os.Remove(s.f.Name())
	}
}

// NewProjectWriter starts a project on w. Call Close to finish it, or
// Abort to give up; either removes the temporary files.
func NewProjectWriter(w io.Writer, head Head) (*ProjectWriter, error) {
	if head.Name == "" {
		return nil, errors.New("qda: a project needs a name")
	}
	cases, err := newSpool()
	if err != nil {
		return nil, err
	}
	srcs, err := newSpool()
	if err != nil {
		cases.remove()
		return nil, err
	}
	return &ProjectWriter{zip: zip.NewWriter(w), head: head, cases: cases, srcs: srcs}, nil
}

// AddCase adds a case.
func (p *ProjectWriter) AddCase(c Case) error {
	if p.err != nil {
		return p.err
	}
	x := p.cases.x
	x.raw("<Case")
	x.attr("guid", c.GUID)
	if c.Name != "" {
		x.attr("name", c.Name)
	}
	x.raw(">")
	if c.Description != "" {
		x.element("Description", c.Description)
	}
	for _, v := range c.Values {
		x.raw(`<VariableValue><VariableRef targetGUID="` + v.Variable + `"/>`)
		x.element("TextValue", v.Text)
		x.raw("</VariableValue>")
	}
	for _, s := range c.Sources {
		x.raw(`<SourceRef targetGUID="` + s + `"/>`)
	}
	x.raw("</Case>\n")
	p.nCase++
	p.err = x.err
	return p.err
}

// AddSource writes a source's text into the ZIP and spools its XML.
// Selections must lie inside the text.
func (p *ProjectWriter) AddSource(s Source) error {
	if p.err != nil {
		return p.err
	}
	f, err := p.zip.Create("sources/" + s.GUID + ".txt")
	if err == nil {
		_, err = io.WriteString(f, s.Text)
	}
	if err != nil {
		p.err = err
		return err
	}
	x := p.srcs.x
	x.raw("<TextSource")
	x.attr("guid", s.GUID)
	if s.Name != "" {
		x.attr("name", s.Name)
	}
	x.attr("plainTextPath", "internal://"+s.GUID+".txt")
	x.raw(">")
	if s.Description != "" {
		x.element("Description", s.Description)
	}
	for _, sel := range s.Selections {
		x.raw("\n<PlainTextSelection")
		x.attr("guid", sel.GUID)
		if sel.Name != "" {
			x.attr("name", sel.Name)
		}
		x.intAttr("startPosition", sel.Start)
		x.intAttr("endPosition", sel.End)
		x.raw(">")
		for _, c := range sel.Codes {
			x.raw(`<Coding guid="` + c.GUID + `"><CodeRef targetGUID="` + c.Code + `"/></Coding>`)
		}
		x.raw("</PlainTextSelection>")
	}
	x.raw("</TextSource>\n")
	p.nSrcs++
	p.err = x.err
	return p.err
}

// Close writes project.qde and finishes the ZIP.
func (p *ProjectWriter) Close() error {
	defer p.cleanup()
	if p.err != nil {
		return p.err
	}
	f, err := p.zip.Create("project.qde")
	if err != nil {
		return err
	}
	x := newXMLWriter(f)
	x.raw(xml.Header)
	x.raw(`<Project xmlns="` + ProjectNS + `"`)
	x.attr("name", p.head.Name)
	if p.head.Origin != "" {
		x.attr("origin", p.head.Origin)
	}
	if !p.head.Created.IsZero() {
		x.attr("creationDateTime", p.head.Created.UTC().Format(time.RFC3339))
	}
	x.raw(">\n")
	// Every list element needs at least one child: an empty one is left out.
	if len(p.head.Codes) > 0 {
		x.raw("<CodeBook>")
		writeCodes(x, p.head.Codes)
		x.raw("</CodeBook>\n")
	}
	if len(p.head.Variables) > 0 {
		x.raw("<Variables>\n")
		for _, v := range p.head.Variables {
			x.raw("<Variable")
			x.attr("guid", v.GUID)
			x.attr("name", v.Name)
			x.raw(` typeOfVariable="Text">`)
			if v.Description != "" {
				x.element("Description", v.Description)
			}
			x.raw("</Variable>\n")
		}
		x.raw("</Variables>\n")
	}
	if p.nCase > 0 {
		x.raw("<Cases>\n")
		if err := x.flush(); err != nil {
			return err
		}
		if err := p.cases.copyTo(f); err != nil {
			return err
		}
		x.raw("</Cases>\n")
	}
	if p.nSrcs > 0 {
		x.raw("<Sources>\n")
		if err := x.flush(); err != nil {
			return err
		}
		if err := p.srcs.copyTo(f); err != nil {
			return err
		}
		x.raw("</Sources>\n")
	}
	if p.head.Description != "" {
		x.element("Description", p.head.Description)
	}
	x.raw("</Project>\n")
	if err := x.flush(); err != nil {
		return err
	}
	return p.zip.Close()
}

// Abort removes the temporary files without finishing the ZIP.
func (p *ProjectWriter) Abort() { p.cleanup() }

func (p *ProjectWriter) cleanup() {
	p.cases.remove()
	p.srcs.remove()
	p.cases, p.srcs = nil, nil
	if p.err == nil {
		p.err = errors.New("qda: the project is closed")
	}
}
