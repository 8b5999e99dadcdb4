// Package defaults holds the content a new learning network starts from: the
// default two-level codebook (themes and codes, with London Protocol factor
// groups as a second facet) and the default reflection form template. Both
// are embedded JSON so that facilitators' copies can later be diffed against
// them; networks may change their copy, never these keys.
package defaults
