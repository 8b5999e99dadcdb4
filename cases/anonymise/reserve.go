package anonymise

// Reserve tells the redactor that tag number n of type t is taken (it is
// in a text of the case already), so that a new entity never gets it: two
// people must never share [PERSOON-2], even when the numbering that gave
// out that tag was not kept.
func (r *Redactor) Reserve(t Type, n int) {
	if n > r.next[t] {
		r.next[t] = n
	}
}
