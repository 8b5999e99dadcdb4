package grouping

// BackgroundFeatures lets the external tests build weights.txt.
var BackgroundFeatures = backgroundFeatures
