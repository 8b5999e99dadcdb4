// Package qda writes and reads the REFI-QDA exchange formats (version
// 1.5) that ATLAS.ti, NVivo, MAXQDA, QualCoder and Taguette share: a
// project (.qdpx, a ZIP holding project.qde and the plain-text sources) and
// a codebook (.qdc). It knows nothing of the database or of HTTP: callers
// hand it codes, cases and sources, and it streams them out.
//
// Positions in a text selection count Unicode code points from 0, as the
// standard requires; Text builds a source and gives those positions.
package qda
