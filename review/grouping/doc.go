// Package grouping finds lessons that say the same thing, so that a lesson
// that keeps coming back across cases becomes one recurring lesson.
//
// The similarity of two lessons depends only on the two lessons and on
// resources shipped with the package (a fixed table of word weights built
// from a background corpus, and a concept lexicon of the youth-care field):
// nothing is learned from the lessons being grouped. That is what makes an
// incremental update equal a full recompute: lessons with one text and
// codes are one item; items are joined in a candidate graph (an edge
// where two items in the share of a term or concept they hold — all its
// items, or the postingCap for which it weighs most — are similar enough
// and not kept apart); each item keeps its neighbours, its most similar
// strong edges; mutual neighbours join components, and each component is
// clustered on its own, deterministically. A change to one lesson changes
// the edges of its item (and of the items it pushes out of or lets into a
// share), and with them their neighbours; an update recomputes the
// components where a joining pair came or went, and nothing else.
//
// The package is pure: no database, no HTTP, no package-level mutable
// state. The persistence layer keeps the groups and the facilitators'
// constraints and calls it.
package grouping
