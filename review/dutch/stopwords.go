package dutch

import "strings"

// stopWords are Dutch function words — articles, pronouns, prepositions,
// conjunctions, the forms of zijn, hebben, worden and the modal verbs, the
// past forms of light verbs (kreeg, kwam, ging, deed) and common adverbs
// (weer, vaak, echt) — that say nothing about what a text is about. A few
// English function words are in the list too, because members may write
// in English, the product's second language; none of them is a Dutch
// content word of the field.
var stopWords = setOf(`
aan af al alle alleen alles als altijd andere ben bent bij binnen
da dan dat de der deze die dit doch doen door dus
echter een eens eigenlijk en enige enkele er erg even
ge geen geweest haar had hadden heb hebben hebt heeft hem hen het hier
hij hoe hun iemand iets ik in is ja je jij jou jouw jullie kan kon konden kun
kunnen kunt maar me meer men met mij mijn moest moesten moet moeten mocht
mochten mogen na naar nadat niemand niet niets nog nooit nu of om omdat ons
onze ook op over pas reeds sinds steeds te tegen terwijl toch toen tot
u uit uw van veel voor voordat waar waardoor waarin wanneer want waren was
wat we wel welk welke werd werden wezen wie wij wil wilde wilden willen
word worden wordt zal ze zei zelf zich zij zijn zo zoals zodat zonder zou
zouden zulke zullen zult
weer keer elk elke ieder iedere telkens vaak soms heel helemaal zeer echt
gewoon eindelijk ineens opeens daarna eerst verder zoveel zeker
kreeg kregen krijg krijgt krijgen gekregen kwam kwamen komt ging gingen gaat
zeiden zegt zeggen gezegd vond vonden vindt stond stonden staat deed deden
doet gedaan maakte maakten maakt gemaakt
a an and are as at be been but by do does did for from has have if into
it its not of on or that the their them then there they this to was were
what when which while who why with
`)

// negations are the words that turn a statement around. They are stop
// words for matching by topic, but grouping lessons must keep them: "betrek
// school direct" and "betrek school niet direct" differ in one of them.
var negations = setOf(`geen niet niets niemand nergens nooit zonder noch not no never without`)

// IsStopWord reports whether a word is a function word that carries no
// topic. The word is normalised first.
func IsStopWord(word string) bool {
	_, ok := stopWords[Normalise(word)]
	return ok
}

// IsNegation reports whether a word negates (niet, geen, nooit, …). The
// word is normalised first.
func IsNegation(word string) bool {
	_, ok := negations[Normalise(word)]
	return ok
}

func setOf(words string) map[string]struct{} {
	out := map[string]struct{}{}
	for _, w := range strings.Fields(words) {
		out[w] = struct{}{}
	}
	return out
}
