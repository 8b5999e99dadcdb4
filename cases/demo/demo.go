// Package demo holds the demo case reviews: invented, anonymised youth-care
// trajectories for the demo workplaces and networks of cmd/leerlus. They
// are embedded as JSON so that the demo loader and the tests read one file.
package demo

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
)

//go:embed cases.json
var casesJSON []byte

// Case is one demo case review as the demo loader creates it.
type Case struct {
	// Key names the case for other demo data (its reflections in
	// review/demo); it never changes and is unique.
	Key         string    `json:"key"`
	Workplace   int       `json:"workplace"` // index into the demo workplaces of cmd/leerlus/demo.go
	Network     int       `json:"network"`   // index into that workplace's networks
	Author      string    `json:"author"`    // e-mail of a demo account that is member or facilitator of that network
	Status      string    `json:"status"`    // draft | submitted | published | archived
	Title       string    `json:"title"`
	Outcome     string    `json:"outcome"` // good | stuck | mixed
	Start       Period    `json:"start"`
	End         *Period   `json:"end,omitempty"` // nil while the trajectory still runs
	AgeBand     string    `json:"age_band"`
	Household   string    `json:"household"`
	LifeDomains []string  `json:"life_domains"`
	Services    []string  `json:"services"`
	Duration    string    `json:"duration"`
	Summary     string    `json:"summary"`
	Episodes    []Episode `json:"episodes"`
}

// Period is a quarter of a year, the finest time a case records.
type Period struct {
	Year    int `json:"year"`
	Quarter int `json:"quarter"` // 1-4
}

// Episode is one key moment (cruciaal moment) of a trajectory.
type Episode struct {
	Phase        string `json:"phase"`
	WhatHappened string `json:"what_happened"`
	Duration     string `json:"duration"`
	Effect       string `json:"effect"`
}

// Cases parses the embedded demo cases. Unknown fields are an error, so a
// typo in the file cannot silently drop a value.
func Cases() ([]Case, error) {
	dec := json.NewDecoder(bytes.NewReader(casesJSON))
	dec.DisallowUnknownFields()
	var out []Case
	if err := dec.Decode(&out); err != nil {
		return nil, fmt.Errorf("demo cases: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("demo cases: data after the list")
	}
	return out, nil
}
