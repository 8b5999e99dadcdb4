package qda

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// The namespaces of the two documents.
const (
	ProjectNS  = "urn:QDA-XML:project:1.0"
	CodebookNS = "urn:QDA-XML:codebook:1.0"
)

// Code is a code of a codebook with the codes below it. In Leerlus a
// theme is a code that is not codable itself, with its codes as children.
type Code struct {
	GUID        string
	Name        string
	Description string
	Codable     bool
	Children    []Code
}

// WriteCodebook writes a codebook document (.qdc). A codebook needs at
// least one code.
func WriteCodebook(w io.Writer, origin string, codes []Code) error {
	if len(codes) == 0 {
		return errors.New("qda: a codebook needs at least one code")
	}
	x := newXMLWriter(w)
	x.raw(xml.Header)
	x.raw(`<CodeBook xmlns="` + CodebookNS + `"`)
	x.attr("origin", origin)
	x.raw(">\n")
	writeCodes(x, codes)
	x.raw("</CodeBook>\n")
	return x.flush()
}

// writeCodes writes <Codes> with the tree below it; Project and CodeBook
// share the element's shape.
func writeCodes(x *xmlWriter, codes []Code) {
	x.raw("<Codes>\n")
	for _, c := range codes {
		writeCode(x, c)
	}
	x.raw("</Codes>\n")
}

func writeCode(x *xmlWriter, c Code) {
	x.raw("<Code")
	x.attr("guid", c.GUID)
	x.attr("name", c.Name)
	x.attr("isCodable", fmt.Sprint(c.Codable))
	if c.Description == "" && len(c.Children) == 0 {
		x.raw("/>\n")
		return
	}
	x.raw(">")
	if c.Description != "" {
		x.element("Description", c.Description)
	}
	x.raw("\n")
	for _, child := range c.Children {
		writeCode(x, child)
	}
	x.raw("</Code>\n")
}

// Limits of a codebook read from outside: a .qdc holds a few hundred
// codes at most; these bound what a hostile file can make the server do.
const (
	MaxCodes = 2000
	MaxDepth = 8
)

// guidPattern is the schema's GUIDType.
var guidPattern = regexp.MustCompile(`^(\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$`)

// ParseError says why a document is not a codebook Leerlus can read.
type ParseError struct{ Reason string }

func (e *ParseError) Error() string { return "qda: " + e.Reason }

type xmlCodes struct {
	Codes []xmlCode `xml:"Code"`
}

type xmlCode struct {
	GUID        string    `xml:"guid,attr"`
	Name        string    `xml:"name,attr"`
	Codable     string    `xml:"isCodable,attr"`
	Description string    `xml:"Description"`
	Codes       []xmlCode `xml:"Code"`
}

// ParseCodebook reads a codebook document (.qdc), or the codebook of a
// project document (project.qde). It checks what the schema requires of
// what it reads (the namespace, GUIDs, names, isCodable) and refuses
// documents with more than MaxCodes codes or nesting deeper than MaxDepth;
// GUIDs are returned in lower case without braces. Go's XML decoder
// resolves no external entities, so a document cannot reach files or
// the network.
func ParseCodebook(r io.Reader) ([]Code, error) {
	dec := xml.NewDecoder(r)
	var doc struct {
		XMLName  xml.Name
		Codes    *xmlCodes `xml:"Codes"`
		CodeBook *struct {
			Codes *xmlCodes `xml:"Codes"`
		} `xml:"CodeBook"`
	}
	if err := dec.Decode(&doc); err != nil {
		return nil, &ParseError{Reason: "not well-formed XML: " + err.Error()}
	}
	var codes *xmlCodes
	switch doc.XMLName {
	case xml.Name{Space: CodebookNS, Local: "CodeBook"}:
		codes = doc.Codes
	case xml.Name{Space: ProjectNS, Local: "Project"}:
		if doc.CodeBook != nil {
			codes = doc.CodeBook.Codes
		}
	default:
		return nil, &ParseError{Reason: fmt.Sprintf("the root element is {%s}%s, not a REFI-QDA CodeBook or Project", doc.XMLName.Space, doc.XMLName.Local)}
	}
	if codes == nil || len(codes.Codes) == 0 {
		return nil, &ParseError{Reason: "the document holds no codes"}
	}
	p := parser{seen: map[string]bool{}}
	out := p.codes(codes.Codes, 1)
	if p.err != nil {
		return nil, p.err
	}
	return out, nil
}

type parser struct {
	seen map[string]bool
	n    int
	err  error
}

func (p *parser) codes(in []xmlCode, depth int) []Code {
	if depth > MaxDepth {
		p.fail(fmt.Sprintf("codes nest deeper than %d levels", MaxDepth))
		return nil
	}
	var out []Code
	for _, c := range in {
		if p.err != nil {
			return nil
		}
		if p.n++; p.n > MaxCodes {
			p.fail(fmt.Sprintf("more than %d codes", MaxCodes))
			return nil
		}
		guid := strings.ToLower(strings.Trim(strings.TrimSpace(c.GUID), "{}"))
		name := strings.TrimSpace(c.Name)
		switch {
		case !guidPattern.MatchString(strings.TrimSpace(c.GUID)):
			p.fail(fmt.Sprintf("code %q has no valid guid", name))
		case p.seen[guid]:
			p.fail(fmt.Sprintf("guid %s is used twice", guid))
		case name == "":
			p.fail(fmt.Sprintf("code %s has no name", guid))
		}
		codable, ok := xsdBool(c.Codable)
		if !ok {
			p.fail(fmt.Sprintf("code %q: isCodable is %q, not a boolean", name, c.Codable))
		}
		p.seen[guid] = true
		out = append(out, Code{GUID: guid, Name: name, Description: strings.TrimSpace(c.Description), Codable: codable,
			Children: p.codes(c.Codes, depth+1)})
	}
	return out
}

func (p *parser) fail(reason string) {
	if p.err == nil {
		p.err = &ParseError{Reason: reason}
	}
}

// xsdBool reads an xsd:boolean.
func xsdBool(s string) (bool, bool) {
	switch strings.TrimSpace(s) {
	case "true", "1":
		return true, true
	case "false", "0":
		return false, true
	}
	return false, false
}
