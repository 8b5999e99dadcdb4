package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"leerlus"
)

// MaxBodyBytes is the largest request body accepted.
const MaxBodyBytes = 1 << 20

// decode reads a JSON request body into dst strictly: the content type must
// be JSON, the body at most 1 MiB of valid UTF-8 holding exactly one JSON
// value, with no fields dst does not know. It writes the problem itself
// and returns false when the body is refused.
func (s *Server) decode(c *gin.Context, dst any) bool {
	mt, _, err := mime.ParseMediaType(c.GetHeader("Content-Type"))
	if err != nil || mt != "application/json" {
		writeProblem(c, http.StatusUnsupportedMediaType, problemUnsupportedMedia, "Send the body as application/json.", nil)
		return false
	}
	body, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, MaxBodyBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeProblem(c, http.StatusRequestEntityTooLarge, problemTooLarge, "The body is larger than 1 MiB.", nil)
			return false
		}
		s.writeError(c, leerlus.Invalid("body", leerlus.FieldInvalidBody, leerlus.Params{"reason": "unreadable"}))
		return false
	}
	if !utf8.Valid(body) {
		s.writeError(c, leerlus.Invalid("body", leerlus.FieldInvalidBody, leerlus.Params{"reason": "utf8"}))
		return false
	}
	// First what encoding/json would let pass (checkBody); a body it
	// cannot read at all is left to the decoder to name.
	if f := checkBody(body, reflect.TypeOf(dst)); f != nil {
		var params leerlus.Params
		if f.code == leerlus.FieldFormat {
			params = leerlus.Params{"format": "text"}
		}
		s.writeError(c, leerlus.Invalid(f.field, f.code, params))
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		s.writeError(c, jsonError(err))
		return false
	}
	if dec.More() {
		s.writeError(c, leerlus.Invalid("body", leerlus.FieldInvalidBody, leerlus.Params{"reason": "several_values"}))
		return false
	}
	return true
}

// jsonError turns a decoding error into a field error clients can show.
func jsonError(err error) error {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &typeErr):
		field := typeErr.Field
		if field == "" {
			field = "body"
		}
		return leerlus.Invalid(field, leerlus.FieldWrongType, leerlus.Params{"expected": jsonTypeName(typeErr.Type.Kind().String())})
	case errors.As(err, &syntaxErr), errors.Is(err, io.ErrUnexpectedEOF):
		return leerlus.Invalid("body", leerlus.FieldInvalidBody, leerlus.Params{"reason": "json"})
	case errors.Is(err, io.EOF):
		return leerlus.Invalid("body", leerlus.FieldInvalidBody, leerlus.Params{"reason": "empty"})
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return leerlus.Invalid(name, leerlus.FieldUnknown, nil)
	}
	return leerlus.Invalid("body", leerlus.FieldInvalidBody, leerlus.Params{"reason": "json"})
}

func jsonTypeName(kind string) string {
	switch kind {
	case "string":
		return "string"
	case "bool":
		return "boolean"
	case "int", "int64", "int32", "float64", "uint32", "uint8":
		return "number"
	case "struct", "map":
		return "object"
	case "slice":
		return "list"
	}
	return "other"
}
