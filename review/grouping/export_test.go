package grouping

// BackgroundFeatures lets the external tests build weights.txt.
var BackgroundFeatures = backgroundFeatures

// NewCapped and BuildCapped use a lower posting cap, so that short test
// sequences cross it often.
var (
	NewCapped   = newCapped
	BuildCapped = buildCapped
)
