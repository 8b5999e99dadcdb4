package anonymise

// findChatSpeakers finds the names that open the lines of a chat pasted
// into a text, written in lower case ("naïsha: ze heet …", "jurrick: bro
// …"), and their other lower-case mentions ("jo naïsha"). A text is a chat
// when at least two lines open with a word and a colon (counted in
// prepare). A speaker that is
// a word or a role (begeleider, moeder) is no name, and one written like a
// user name in ASCII ("sunnyvdb") stays a user name for findUsernames
// unless the text also writes it with a capital, as a name ("Snap ik
// Jurrick").
func (d *doc) findChatSpeakers() {
	// names maps each lower-case speaker to whether it is a name; an ASCII
	// word neither listed nor a word waits (false) for a capitalised mention.
	names := map[string]bool{}
	for i := range d.toks {
		if !d.speakerAt(i) || !d.free(i) {
			continue
		}
		if sure, ok := d.chatName(i); ok {
			names[d.low(i)] = names[d.low(i)] || sure
		}
	}
	if len(names) == 0 {
		return
	}
	for k := range d.toks {
		if t := d.toks[k]; t.kind == tWord && t.upper && !t.allUpper {
			if _, ok := names[d.low(k)]; ok {
				names[d.low(k)] = true
			}
		}
	}
	for k := range d.toks {
		if d.word(k) && d.free(k) && d.toks[k].lower && names[d.low(k)] {
			d.add(Person, k, k, 0.7)
		}
	}
}

// speakerAt reports whether token i is a word opening a line before a colon.
func (d *doc) speakerAt(i int) bool {
	return (i == 0 || d.toks[i].newline) && d.word(i) && d.punct(i+1, ':') && d.adjacent(i)
}

// chatName decides for the lower-case speaker at token i: ok when it may
// be a name, sure when it is one without a capitalised mention (a listed
// first name, or letters no user name has: naïsha).
func (d *doc) chatName(i int) (sure, ok bool) {
	lw := d.low(i)
	if !d.toks[i].lower || len(lw) < 3 || !d.allLettersTok(i) {
		return false, false
	}
	d.resolve(i)
	f := d.toks[i].flags
	if f&(fWord|fCommon|fEnglish|fFamily|fCue|fTitle|fClosing|fNonPers|fPlace|fInst|fMonth|fWeekday|fIDLabel|fBSNLabel|fWeakID|fTV|fVerb) != 0 || d.compound(lw) {
		return false, false
	}
	return f&fFirst != 0 || !isASCII(lw), true
}
