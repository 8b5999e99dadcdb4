package api

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"

	"leerlus"
)

// bodyFault is what checkBody finds wrong in a body that decoded: the
// field (the top-level key, or "body") and the field code.
type bodyFault struct {
	field string
	code  leerlus.FieldCode
}

// checkBody walks a JSON body that decoded into a value of type t and
// finds what encoding/json lets pass: a key written in another case than
// the field's name ("SUMMARY" is taken as "summary"), a key given twice
// (the last would win silently), and a string or key that is not
// leerlus.ValidText (an escaped NUL, a control or direction character, a
// lone surrogate, which the decoder turns into U+FFFD). It returns nil
// when the body is clean.
func checkBody(body []byte, t reflect.Type) *bodyFault {
	if f := loneSurrogate(body); f != nil {
		return f
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	return walkValue(dec, t, "body")
}

// walkValue reads one value from dec; t is the Go type it decodes into,
// nil where any value is taken as it is.
func walkValue(dec *json.Decoder, t reflect.Type, field string) *bodyFault {
	tok, err := dec.Token()
	if err != nil {
		return nil // decode has already accepted the body
	}
	t = concrete(t)
	switch v := tok.(type) {
	case string:
		if !leerlus.ValidText(v) {
			return &bodyFault{field, leerlus.FieldFormat}
		}
	case json.Delim:
		switch v {
		case '[':
			var elem reflect.Type
			if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
				elem = t.Elem()
			}
			for dec.More() {
				if f := walkValue(dec, elem, field); f != nil {
					return f
				}
			}
			_, _ = dec.Token()
		case '{':
			return walkObject(dec, t, field)
		}
	}
	return nil
}

func walkObject(dec *json.Decoder, t reflect.Type, field string) *bodyFault {
	var fields map[string]reflect.Type
	var elem reflect.Type
	switch {
	case t != nil && t.Kind() == reflect.Struct:
		fields = jsonFields(t, map[string]reflect.Type{})
	case t != nil && t.Kind() == reflect.Map:
		elem = t.Elem()
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		key, _ := tok.(string)
		name := field
		if field == "body" {
			name = key
		}
		if !leerlus.ValidText(key) {
			return &bodyFault{field, leerlus.FieldFormat}
		}
		if seen[key] {
			return &bodyFault{name, leerlus.FieldDuplicate}
		}
		seen[key] = true
		vt := elem
		if fields != nil {
			ft, ok := fields[key]
			if !ok {
				return &bodyFault{name, leerlus.FieldUnknown}
			}
			vt = ft
		}
		if f := walkValue(dec, vt, name); f != nil {
			return f
		}
	}
	_, _ = dec.Token()
	return nil
}

// concrete is t without pointers; nil for types that take any JSON
// (interfaces, json.RawMessage, custom unmarshalers), where the walk
// checks text and duplicates but not names.
func concrete(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() == reflect.Interface || t == reflect.TypeFor[json.RawMessage]() ||
		reflect.PointerTo(t).Implements(reflect.TypeFor[json.Unmarshaler]()) {
		return nil
	}
	return t
}

// jsonFields adds the JSON names of a struct's fields to into, with the
// fields of embedded structs as encoding/json flattens them.
func jsonFields(t reflect.Type, into map[string]reflect.Type) map[string]reflect.Type {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			if et := concrete(f.Type); et != nil && et.Kind() == reflect.Struct {
				jsonFields(et, into)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		into[name] = f.Type
	}
	return into
}

// loneSurrogate finds a \u escape of half a UTF-16 surrogate pair, which
// encoding/json replaces by U+FFFD without a word. Backslashes occur in
// valid JSON only inside strings, so every one starts an escape.
func loneSurrogate(body []byte) *bodyFault {
	for i := 0; i+1 < len(body); i++ {
		if body[i] != '\\' {
			continue
		}
		if body[i+1] != 'u' {
			i++ // \" \\ \n …: skip the escaped character
			continue
		}
		r, ok := hex4(body, i+2)
		if !ok {
			return nil // decode has judged the syntax
		}
		switch {
		case r >= 0xd800 && r <= 0xdbff:
			lo, ok := hex4(body, i+8)
			if !ok || body[i+6] != '\\' || body[i+7] != 'u' || lo < 0xdc00 || lo > 0xdfff {
				return &bodyFault{"body", leerlus.FieldFormat}
			}
			i += 11
		case r >= 0xdc00 && r <= 0xdfff:
			return &bodyFault{"body", leerlus.FieldFormat}
		default:
			i += 5
		}
	}
	return nil
}

// hex4 reads four hex digits at b[i:].
func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c-'a') + 10
		case c >= 'A' && c <= 'F':
			r |= rune(c-'A') + 10
		default:
			return 0, false
		}
	}
	return r, true
}
