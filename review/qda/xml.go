package qda

import (
	"bufio"
	"encoding/xml"
	"io"
	"strconv"
)

// xmlWriter writes XML by hand, element by element, so that a project of
// any size streams instead of being built as a tree first. It keeps the
// first error and ignores writes after it.
type xmlWriter struct {
	w   *bufio.Writer
	err error
}

func newXMLWriter(w io.Writer) *xmlWriter { return &xmlWriter{w: bufio.NewWriterSize(w, 64<<10)} }

// raw writes markup as it is.
func (x *xmlWriter) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

// text writes character data or an attribute value, escaped; characters
// XML 1.0 cannot hold become U+FFFD.
func (x *xmlWriter) text(s string) {
	if x.err == nil {
		x.err = xml.EscapeText(x.w, []byte(s))
	}
}

// attr writes ` name="value"`.
func (x *xmlWriter) attr(name, value string) {
	x.raw(" " + name + `="`)
	x.text(value)
	x.raw(`"`)
}

func (x *xmlWriter) intAttr(name string, v int) { x.raw(" " + name + `="` + strconv.Itoa(v) + `"`) }

// element writes <name>text</name>.
func (x *xmlWriter) element(name, text string) {
	x.raw("<" + name + ">")
	x.text(text)
	x.raw("</" + name + ">")
}

func (x *xmlWriter) flush() error {
	if x.err == nil {
		x.err = x.w.Flush()
	}
	return x.err
}
