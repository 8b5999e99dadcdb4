package anonymise

import (
	"slices"
	"strings"
)

// findTags marks redaction tags ([PERSOON-2]) so that redacting twice
// changes nothing.
func (d *doc) findTags() {
	for i := 0; i+4 < len(d.toks); i++ {
		if !d.punct(i, '[') || !d.word(i+1) || !d.toks[i+1].allUpper || !d.punct(i+2, '-') ||
			d.toks[i+3].kind != tNum || !d.punct(i+4, ']') || !d.adjacent(i) || !d.adjacent(i+1) ||
			!d.adjacent(i+2) || !d.adjacent(i+3) {
			continue
		}
		typ, ok := typeOfTag(d.text[d.toks[i+1].start:d.toks[i+1].end])
		if !ok {
			continue
		}
		for k := i; k <= i+4; k++ {
			d.toks[k].used = true
		}
		// The tag stands in for the entity: context rules (ages after a
		// name) see it as one.
		d.toks[i].typ = typeIndex(typ)
		d.toks[i].kind = tTag
		d.toks[i].end = d.toks[i+4].end
		i += 4
	}
}

// Social media hosts whose paths are personal profiles.
var socialHosts = []string{"instagram.com", "facebook.com", "fb.com", "tiktok.com", "twitter.com", "x.com", "linkedin.com", "youtube.com", "snapchat.com", "threads.net", "pinterest.com", "t.me", "wa.me", "onlyfans.com", "twitch.tv", "vimeo.com", "reddit.com", "github.com", "soundcloud.com", "spotify.com"}

// Local parts of e-mail addresses that belong to a function, not a person.
var functionalMailboxes = map[string]bool{
	"info": true, "jeugd": true, "zorg": true, "secretariaat": true, "administratie": true, "contact": true,
	"team": true, "jeugdteam": true, "wijkteam": true, "servicedesk": true, "noreply": true, "no-reply": true,
	"klantenservice": true, "post": true, "mail": true, "receptie": true, "helpdesk": true, "aanmelding": true,
	"aanmeldingen": true, "jeugdzorg": true, "privacy": true, "gemeente": true, "support": true, "office": true,
	"planning": true, "intake": true, "vragen": true, "leerplicht": true, "zorgteam": true, "ondersteuning": true,
	"jeugdhulp": true, "communicatie": true, "pers": true, "facturen": true, "facturatie": true, "backoffice": true,
	"hallo": true, "welkom": true, "loket": true, "wmo": true, "veiligthuis": true, "meldpunt": true, "klachten": true,
	"frontoffice": true, "teamjeugd": true, "cjg": true, "ggd": true, "school": true, "directie": true, "admin": true,
}

// Hosts of free e-mail: an address there always belongs to a person,
// whatever its local part ("zonnetje@hotmail.com").
var freeMailHosts = []string{"gmail.com", "hotmail.com", "hotmail.nl", "outlook.com", "outlook.nl", "live.nl", "live.com", "msn.com", "yahoo.com", "yahoo.nl", "icloud.com", "me.com", "ziggo.nl", "kpnmail.nl", "kpnplanet.nl", "planet.nl", "home.nl", "xs4all.nl", "hetnet.nl", "casema.nl", "upcmail.nl", "chello.nl", "quicknet.nl", "zeelandnet.nl", "proton.me", "protonmail.com", "gmx.net", "gmx.com", "telfort.nl", "online.nl", "tele2.nl", "caiway.nl"}

// functionalMailbox reports whether local@dom is the mailbox of a
// function or team rather than a person: a listed one (info@), or one
// whose local part is an ordinary word or compound of words and no name
// (leernetwerk@, aanmelden@), at a domain that is no free e-mail host.
func (d *doc) functionalMailbox(local, dom string) bool {
	if functionalMailboxes[local] {
		return true
	}
	for _, h := range freeMailHosts {
		if dom == h {
			return false
		}
	}
	for _, part := range strings.FieldsFunc(local, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
		if len(part) <= 2 {
			return false // an initial: "d.hommes@"
		}
		f := d.s.lx.lookup(part)
		if f&fPlace != 0 && f&(fFirst|fNameWord) == 0 {
			continue // "jeugdzorg.saba@": a team at a place
		}
		if !allLetters(part) || f&(fFirst|fSur|fNameWord) != 0 || f&fWord == 0 && !d.compound(part) && f&fNonPers == 0 {
			return false
		}
	}
	return local != ""
}

// handleAt records a social media handle at the '@' at offset at
// ("@lotte.vdberg_") and returns where scanning may continue. A handle
// follows a space, a bracket, a quote or the start of the text.
func (d *doc) handleAt(at int) int {
	text := d.text
	if at > 0 && !strings.ContainsRune(" \t\n\r(\"':,;", rune(text[at-1])) && text[at-1] != 0x98 && text[at-1] != 0x9c {
		return at + 1 // not after a letter, digit, tag or slash; "‘" and "“" end in 0x98 and 0x9c
	}
	e := at + 1
	letters := 0
	for e < len(text) && (isASCIILetter(text[e]) || isDigit(text[e]) || text[e] == '_' || text[e] == '.') && e-at <= 31 {
		if isASCIILetter(text[e]) {
			letters++
		}
		e++
	}
	for e > at+1 && text[e-1] == '.' {
		e--
	}
	if letters < 2 || e-at < 4 || e < len(text) && text[e] == '@' || d.alreadyFound(at, e) {
		return e
	}
	d.addBytes(URL, at, e, 0.85)
	return e
}

func isEmailLocal(c byte) bool {
	return isASCIILetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

func isDomainChar(c byte) bool {
	return isASCIILetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '-'
}

func isURLChar(c byte) bool {
	return isASCIILetter(c) || (c >= '0' && c <= '9') || strings.IndexByte("-._~:/?#@!$&*+,;=%", c) >= 0
}

// findEmailsAndURLs finds e-mail addresses and web addresses with plain
// string searches; the tokens they cover take part in no other rule.
func (d *doc) findEmailsAndURLs() {
	text := d.text
	for off := 0; ; {
		k := strings.IndexByte(text[off:], '@')
		if k < 0 {
			break
		}
		at := off + k
		off = at + 1
		s := at
		for s > 0 && isEmailLocal(text[s-1]) {
			s--
		}
		for s < at && (text[s] == '.' || text[s] == '-') {
			s++
		}
		e := at + 1
		for e < len(text) && isDomainChar(text[e]) {
			e++
		}
		for e > at+1 && (text[e-1] == '.' || text[e-1] == '-') {
			e--
		}
		dom := text[at+1 : e]
		dot := strings.LastIndexByte(dom, '.')
		if s == at {
			off = d.handleAt(at)
			continue
		}
		if dot <= 0 || len(dom)-dot-1 < 2 || !allLetters(dom[dot+1:]) {
			continue
		}
		if (s > 0 && text[s-1] == '/') || d.alreadyFound(s, e) {
			continue // part of a URL (handled below) or of a tag
		}
		local := strings.ToLower(text[s:at])
		if d.functionalMailbox(local, strings.ToLower(dom)) {
			d.markUsed(s, e)
			continue
		}
		d.addBytes(Email, s, e, 0.99)
		off = e
	}
	d.findURLs()
	if d.count.platforms > 0 {
		d.findPlatformHandles() // before the chat speakers: "yassir: … op snap yassir.0k"
	}
	if d.count.speakers >= 2 {
		d.findChatSpeakers()
	}
	d.findUsernames()
}

func allLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIILetter(s[i]) {
			return false
		}
	}
	return s != ""
}

// knownTLDs are the top-level domains a bare address ("gofundme.com/f/…")
// must end in to count as one.
var knownTLDs = []string{"nl", "com", "be", "org", "net", "eu", "io", "me", "info", "app", "co", "tv", "de", "uk", "fr", "es", "page", "site", "online", "nu", "cw", "aw", "sx"}

func hasKnownTLD(host string) bool {
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 {
		return false
	}
	tld := strings.ToLower(host[dot+1:])
	for _, t := range knownTLDs {
		if tld == t {
			return true
		}
	}
	return false
}

// findURLs finds web addresses starting with a scheme or "www.", bare
// addresses with a path ("gofundme.com/f/…", "instagram.com/naam") and
// personal pages on hosting platforms ("leefgroepleven.blogspot.com").
func (d *doc) findURLs() {
	text := d.text
	for _, needle := range []string{"://", "www.", "WWW."} {
		for off := 0; ; {
			k := strings.Index(text[off:], needle)
			if k < 0 {
				break
			}
			s := off + k
			off = s + len(needle)
			if needle == "://" {
				for s > 0 && isASCIILetter(text[s-1]) {
					s--
				}
				if s == off-len(needle) {
					continue
				}
			}
			off = d.urlAt(s, off)
		}
	}
	for off := 0; ; {
		k := strings.IndexByte(text[off:], '/')
		if k < 0 {
			break
		}
		slash := off + k
		off = slash + 1
		s := slash
		for s > 0 && isDomainChar(text[s-1]) && slash-s < 256 {
			s--
		}
		if slash-s < 3 || strings.IndexByte(text[s:slash], '.') < 0 || s > 0 && (text[s-1] == '@' || text[s-1] == '/') {
			continue
		}
		if isSocialHost(text[s:slash]) || hasKnownTLD(text[s:slash]) && isASCIILetter(text[s]) {
			off = d.urlAt(s, off)
		}
	}
	d.findPersonalHosts()
}

// findPersonalHosts finds bare addresses on hosting platforms without a
// path: "leefgroepleven.blogspot.com". It looks only at words that follow
// a full stop, so a text without such a word costs one token walk.
func (d *doc) findPersonalHosts() {
	for i := 2; i < len(d.toks); i++ {
		if !d.word(i) || !d.punct(i-1, '.') || !d.adjacent(i-1) || !d.adjacent(i-2) || !personalHostWords[d.low(i)] {
			continue
		}
		dot := d.toks[i-1].start
		s := dot
		for s > 0 && isDomainChar(d.text[s-1]) {
			s--
		}
		e := dot + 1
		for e < len(d.text) && isDomainChar(d.text[e]) {
			e++
		}
		for e > dot && d.text[e-1] == '.' {
			e--
		}
		host := strings.ToLower(d.text[dot+1 : e])
		if s == dot || d.alreadyFound(s, e) || !slices.Contains(personalHosts, host) {
			continue
		}
		d.urlAt(s, dot+1)
	}
}

// personalHostWords are the first labels of personalHosts.
var personalHostWords = func() map[string]bool {
	m := map[string]bool{}
	for _, h := range personalHosts {
		label, _, _ := strings.Cut(h, ".")
		m[label] = true
	}
	return m
}()

// findUsernames finds the user names of forums, chats and Reddit: "u/naam"
// anywhere, and a name opening a line before "schreef:" or ":" that is
// written like a user name (digits, underscores, odd capitals:
// "moederbeer82 schreef:", "xXbramXx:"). They are labelled url, the type
// for personal profiles.
func (d *doc) findUsernames() {
	text := d.text
	for off := 0; ; {
		k := strings.Index(text[off:], "u/")
		if k < 0 {
			break
		}
		s := off + k
		off = s + 2
		if s > 0 && !strings.ContainsRune(" \t\n(", rune(text[s-1])) {
			continue
		}
		e := s + 2
		for e < len(text) && (isASCIILetter(text[e]) || isDigit(text[e]) || text[e] == '_' || text[e] == '-') {
			e++
		}
		if e-s >= 5 && !d.alreadyFound(s, e) {
			d.addBytes(URL, s, e, 0.85)
			off = e
		}
	}
	for i := 0; i < len(d.toks); i++ {
		if !(i == 0 || d.toks[i].newline) {
			continue
		}
		s := d.toks[i].start
		e := s
		for e < len(text) && (isASCIILetter(text[e]) || isDigit(text[e]) || text[e] == '_' || text[e] == '.') && e-s <= 32 {
			e++
		}
		rest := text[e:]
		if !(strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, " schreef:") || strings.HasPrefix(rest, " schrijft:") || strings.HasPrefix(rest, " wrote:") || strings.HasPrefix(rest, " ·")) {
			continue
		}
		if e-s < 3 || !d.usernameLike(text[s:e]) || d.alreadyFound(s, e) {
			continue
		}
		d.addBytes(URL, s, e, 0.8)
	}
}

// usernameLike reports whether w is written like a user name and not like
// a word or a person's name: with digits or underscores, capitals after
// lower case ("xXbramXx"), or lower case and no word or listed name
// ("sunnyvdb").
func (d *doc) usernameLike(w string) bool {
	letters, digits, under, innerCaps := 0, 0, 0, 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'a' && c <= 'z':
			letters++
		case c >= 'A' && c <= 'Z':
			letters++
			if i > 0 && w[i-1] >= 'a' && w[i-1] <= 'z' {
				innerCaps++
			}
		case isDigit(c):
			digits++
		case c == '_':
			under++
		}
	}
	if letters < 2 {
		return false // "12:30", "3:"
	}
	if digits > 0 || under > 0 || innerCaps > 0 {
		return true
	}
	if w[0] < 'a' || w[0] > 'z' || strings.IndexByte(w, '.') >= 0 {
		return false
	}
	f := d.s.lx.lookup(strings.ToLower(w))
	return f&(fWord|fFirst|fSur|fNonPers|fPlace|fInst|fCommon|fEnglish|fCue|fFamily|fTitle|fClosing) == 0 && !d.compound(w) && len(w) >= 5
}

// urlAt records the URL starting at s whose body goes on at least to body,
// and returns where scanning may continue.
func (d *doc) urlAt(s, body int) int {
	text := d.text
	e := body
	for e < len(text) && isURLChar(text[e]) {
		e++
	}
	for e > s && strings.IndexByte(".,;:!?)'\"", text[e-1]) >= 0 {
		e--
	}
	if e <= body || d.alreadyFound(s, e) {
		return max(e, body)
	}
	if !personalURL(text[s:e]) && !d.personalSite(s, text[s:e]) {
		d.markUsed(s, e)
		return e
	}
	d.addBytes(URL, s, e, 0.9)
	return e
}

// alreadyFound reports whether a token overlapping text[s:e] is part of a
// finding or tag already.
func (d *doc) alreadyFound(s, e int) bool {
	i, _ := slices.BinarySearchFunc(d.toks, s, func(t token, off int) int { return t.end - 1 - off })
	for ; i < len(d.toks) && d.toks[i].start < e; i++ {
		if d.toks[i].used {
			return true
		}
	}
	return false
}

// personalURL tells a profile or personal page from an organisation's site:
// social media paths are personal, other sites only with a path.
func personalURL(u string) bool {
	l := strings.ToLower(u)
	l = strings.TrimPrefix(strings.TrimPrefix(l, "https://"), "http://")
	l = strings.TrimPrefix(l, "www.")
	slash := strings.IndexByte(l, '/')
	if slash < 0 || slash == len(l)-1 {
		return false
	}
	if isSocialHost(l[:slash]) {
		return true
	}
	// Another site with a path may be a personal page; a bare domain is an
	// organisation's home page.
	return len(l)-slash > 2
}

// isSocialHost reports whether host is a social media host or a subdomain
// of one (nl.linkedin.com), ignoring case.
func isSocialHost(host string) bool {
	for _, h := range socialHosts {
		if len(host) == len(h) && strings.EqualFold(host, h) ||
			len(host) > len(h) && host[len(host)-len(h)-1] == '.' && strings.EqualFold(host[len(host)-len(h):], h) {
			return true
		}
	}
	return false
}

// Hosts where anyone makes a personal page under a subdomain.
var personalHosts = []string{"blogspot.com", "blogspot.nl", "wordpress.com", "wixsite.com", "jouwweb.nl", "weebly.com", "substack.com", "tumblr.com", "webnode.nl", "strikingly.com", "linktr.ee", "carrd.co", "sites.google.com"}

// personalSite tells a personal home page without a path from an
// organisation's: a page on a hosting platform, a name like
// "verhalenvanroos.nl", or one introduced as "mijn blog".
func (d *doc) personalSite(s int, u string) bool {
	l := strings.ToLower(u)
	l = strings.TrimPrefix(strings.TrimPrefix(l, "https://"), "http://")
	l = strings.TrimPrefix(l, "www.")
	host, _, _ := strings.Cut(l, "/")
	for _, h := range personalHosts {
		if strings.HasSuffix(host, "."+h) || host == h {
			return true
		}
	}
	label, _, _ := strings.Cut(host, ".")
	if k := strings.LastIndex(label, "van"); k > 0 && len(label)-k-3 >= 3 {
		return true // "dewereldvanmila", "verhalenvanroos"
	}
	if f := d.s.lx.lookup(label); len(label) >= 4 && f&(fFirst|fSur) != 0 && f&(fWord|fNonPers|fPlace|fInst) == 0 {
		return true // "www.jansen.nl"
	}
	// "teunsteentjes.nl": a first name and a word or surname.
	for k := 3; k <= len(label)-4 && k <= 12; k++ {
		f := d.s.lx.lookup(label[:k])
		if f&fFirst == 0 || f&(fCommon|fTV|fNonPers|fPlace|fInst) != 0 {
			continue
		}
		rest := label[k:]
		if rf := d.s.lx.lookup(rest); rf&(fWord|fSur) != 0 && rf&fCommon == 0 || d.compound(rest) {
			return true
		}
	}
	// "mijn blog: www.…", "ik vlog op …" earlier in the sentence.
	i, _ := slices.BinarySearchFunc(d.toks, s, func(t token, off int) int { return t.start - off })
	for k := i - 1; k >= 0 && k >= i-14 && !(k+1 < len(d.toks) && d.toks[k+1].newline); k-- {
		if d.punct(k, '.') || d.punct(k, '!') || d.punct(k, '?') {
			break
		}
		if !d.word(k) {
			continue
		}
		switch d.low(k) {
		case "blog", "blogs", "blogt", "vlog", "vlogs", "vlogt", "website", "site", "kanaal", "pagina", "webshop", "portfolio":
			for p := k - 1; p >= 0 && p >= k-3; p-- {
				switch d.low(p) {
				case "mijn", "mn", "ik", "n": // not "onze": an organisation's own site
					return true
				}
			}
		}
	}
	return false
}
