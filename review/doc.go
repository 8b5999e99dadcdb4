// Package review holds what a network learns from its cases: the
// reflection form templates, reflections from every perspective, the
// network's codebook with the codings of reflection items, and the lessons
// facilitators curate. Recurring lessons and improvement actions build on
// these tables (docs/reflections.md).
package review
