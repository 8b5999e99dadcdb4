// Package review will hold reflections, lessons, recurring lessons and
// improvement actions (the learning loop in docs/architecture.md). It is
// empty until the reflection and lesson issues land; it exists now so that
// the layout of the design card is in place and later work adds to it
// rather than moving code.
package review
