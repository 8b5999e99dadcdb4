package defaults

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
)

//go:embed codebook.json
var codebookJSON []byte

// Codebook is the default coding scheme: themes with their codes, and the
// contributing-factor groups that say why an item went as it did.
type Codebook struct {
	Themes  []Theme  `json:"themes"`
	Factors []Factor `json:"factors"`
}

// Theme is a top-level code (T1…T11). Key never changes; words may.
type Theme struct {
	Key           string `json:"key"`
	NL            string `json:"nl"`
	EN            string `json:"en"`
	DescriptionNL string `json:"description_nl"`
	DescriptionEN string `json:"description_en"`
	Codes         []Code `json:"codes"`
}

// Code is a subtheme such as "T1.wachttijd". Examples are short anonymous
// statements as members write them; code suggestions rank against them.
type Code struct {
	Key           string   `json:"key"`
	NL            string   `json:"nl"`
	EN            string   `json:"en"`
	DescriptionNL string   `json:"description_nl"`
	DescriptionEN string   `json:"description_en"`
	Examples      []string `json:"examples"`
}

// Factor is a London Protocol contributory-factor group, a facet next to
// the themes: a theme says what an item is about, a factor where its cause lies.
type Factor struct {
	Key           string `json:"key"`
	NL            string `json:"nl"`
	EN            string `json:"en"`
	DescriptionNL string `json:"description_nl"`
	DescriptionEN string `json:"description_en"`
}

// DefaultCodebook parses the embedded codebook. Parsing is strict so that a
// misspelt field in the JSON fails the tests instead of silently going empty.
func DefaultCodebook() (Codebook, error) {
	var cb Codebook
	if err := decodeStrict(codebookJSON, &cb); err != nil {
		return Codebook{}, fmt.Errorf("defaults: codebook: %w", err)
	}
	return cb, nil
}

// decodeStrict decodes exactly one JSON value with no unknown fields.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("trailing data after JSON value")
	}
	return nil
}
