package anonymise

// findChatSpeakers finds the names that open the lines of a chat pasted
// into a text, written in lower case ("naïsha: ze heet …", "jurrick: bro
// …"), and their other lower-case mentions ("jo naïsha"). A text is a chat
// when at least two lines open with a word and a colon. A speaker that is
// a word or a role (begeleider, moeder) is no name, and one written like a
// user name in ASCII ("sunnyvdb") stays a user name for findUsernames
// unless the text also writes it with a capital, as a name ("Snap ik
// Jurrick").
func (d *doc) findChatSpeakers() {
	speakers := 0
	for i := range d.toks {
		if (i == 0 || d.toks[i].newline) && d.word(i) && d.punct(i+1, ':') && d.adjacent(i) {
			speakers++
		}
	}
	if speakers < 2 {
		return
	}
	for i := range d.toks {
		if !(i == 0 || d.toks[i].newline) || !d.word(i) || !d.punct(i+1, ':') || !d.adjacent(i) || !d.free(i) || !d.chatName(i) {
			continue
		}
		lw := d.low(i)
		for k := range d.toks {
			if d.word(k) && d.free(k) && d.toks[k].lower && d.low(k) == lw {
				d.add(Person, k, k, 0.7)
			}
		}
	}
}

// chatName reports whether the lower-case speaker at token i is a name.
func (d *doc) chatName(i int) bool {
	lw := d.low(i)
	if !d.toks[i].lower || len(lw) < 3 || !d.allLettersTok(i) {
		return false
	}
	d.resolve(i)
	f := d.toks[i].flags
	if f&(fWord|fCommon|fEnglish|fFamily|fCue|fTitle|fClosing|fNonPers|fPlace|fInst|fMonth|fWeekday|fIDLabel|fBSNLabel|fWeakID|fTV|fVerb) != 0 || d.compound(lw) {
		return false
	}
	if f&fFirst != 0 || !isASCII(lw) {
		return true
	}
	for k := range d.toks {
		if d.toks[k].upper && !d.toks[k].allUpper && d.low(k) == lw {
			return true
		}
	}
	return false
}
