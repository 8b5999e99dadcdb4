package anonymise

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// span writes a finding as "type:text" for compact expectations.
func spans(fs []Finding) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s:%s", f.Type, f.Text))
	}
	return out
}

func TestScanTypes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"first name", "Gisteren belde Fleur nog.", []string{"person:Fleur"}},
		{"full name", "De IB'er, Hiltsje Terpstra, belde.", []string{"person:Hiltsje Terpstra"}},
		{"initials", "Met vriendelijke groet, J. Bakker", []string{"person:J. Bakker"}},
		{"initials tussenvoegsel", "Cliënt M.A. de Vries kwam niet.", []string{"person:M.A. de Vries"}},
		{"title outside span", "Geachte heer Smit, meneer Hoek en mr. De Haan.", []string{"person:Smit", "person:Hoek", "person:De Haan"}},
		{"lower case name after title", "mijn mentor meneer bakker snapt het niet", []string{"person:bakker"}},
		{"lower case first name", "even een update over ruben en jamal", []string{"person:ruben", "person:jamal"}},
		{"possessive", "Ahmeds vader kwam langs.", []string{"person:Ahmeds"}},
		{"apostrophe possessive", "Het was Ahmed's fiets.", []string{"person:Ahmed"}},
		{"double surname", "Moeder Petra Jansen-de Boer belde.", []string{"person:Petra Jansen-de Boer"}},
		{"diacritics", "Ik ben Zeynep Özdemir en Bartek Wiśniewski is mijn buurjongen.", []string{"person:Zeynep Özdemir", "person:Bartek Wiśniewski"}},
		{"names ending like streets", "trainer, Burak Şahin, en juf Vestdijk", []string{"person:Burak Şahin", "person:Vestdijk"}},
		{"name that is a word", "Storm is het soort kind dat opvalt. Na elke storm volgt rust.", []string{"person:Storm"}},
		{"word after title", "Meneer Groen gaf groen licht en juf Zomer ook.", []string{"person:Groen", "person:Zomer"}},
		{"bsn valid", "BSN: 908301662", []string{"bsn:908301662"}},
		{"bsn dotted", "bsn 392.209.834 staat erop", []string{"bsn:392.209.834"}},
		{"bsn invalid in context", "BSN 123456789 graag.", []string{"bsn:123456789"}},
		{"bsn valid without label", "nummer 131860914 doorgeven", []string{"bsn:131860914"}},
		{"mobile", "Bel 06-12345678 of 06 4321 9876.", []string{"phone:06-12345678", "phone:06 4321 9876"}},
		{"landline", "Vaste lijn 0598-623514, oma (0515) 42 13 98.", []string{"phone:0598-623514", "phone:(0515) 42 13 98"}},
		{"international", "Bel +31 (0)6 4512 8839 of 0031 6 2345 6789 of +316 38294710.", []string{"phone:+31 (0)6 4512 8839", "phone:0031 6 2345 6789", "phone:+316 38294710"}},
		{"email", "Mail naar d.hommes@osgsevenwolden.nl graag.", []string{"email:d.hommes@osgsevenwolden.nl"}},
		{"iban", "Rekening NL50 RABO 1440 9749 92 en NL83INGB7956309454.", []string{"iban:NL50 RABO 1440 9749 92", "iban:NL83INGB7956309454"}},
		{"address postcode place", "Lindelaan 4b, 8531 HM Lemmer", []string{"address:Lindelaan 4b", "postcode:8531 HM", "place:Lemmer"}},
		{"address additions", "Noorderdwarsstraat 9-A en Dorpsstraat 3-II", []string{"address:Noorderdwarsstraat 9-A", "address:Dorpsstraat 3-II"}},
		{"address multi word", "Adres: Burgemeester Falkenaweg 58", []string{"address:Burgemeester Falkenaweg 58"}},
		{"postcode no space", "9244DG Beetsterzwaag", []string{"postcode:9244DG", "place:Beetsterzwaag"}},
		{"dates", "Op 12 maart 2024, 12-03-2024, 12/3/'24 en 22.05.2024.", []string{"date:12 maart 2024", "date:12-03-2024", "date:12/3/'24", "date:22.05.2024"}},
		{"weekday date", "Gesprek op dinsdag 5 november en ma 18/3.", []string{"date:dinsdag 5 november", "date:ma 18/3"}},
		{"iso date", "Verslag 2023-11-08 klaar.", []string{"date:2023-11-08"}},
		{"url", "Zie instagram.com/meryem.helpt en https://www.facebook.com/profile.php?id=100089412377.", []string{"url:instagram.com/meryem.helpt", "url:https://www.facebook.com/profile.php?id=100089412377"}},
		{"plates", "Auto 71-HRP-2 en bus K-392-JS en GZ-184-K.", []string{"license_plate:71-HRP-2", "license_plate:K-392-JS", "license_plate:GZ-184-K"}},
		{"id numbers", "dossiernr. JB-2023-04411, cliëntnummer 7781234, zaaknummer 24/0917", []string{"id_number:JB-2023-04411", "id_number:7781234", "id_number:24/0917"}},
		{"institution", "Hij zit op OBS De Regenboog en bij GGZ Friesland locatie Sneek.", []string{"institution:OBS De Regenboog", "institution:GGZ Friesland locatie Sneek"}},
		{"institution mid sentence", "naar De Kompaswijzer in Wolvega", []string{"institution:De Kompaswijzer", "place:Wolvega"}},
		{"name after lower-case type word", "Ik haal na school Jan op bij basisschool De Fontein.", []string{"person:Jan", "institution:De Fontein"}},
		{"place by context", "Ze woont in Kanaleneiland.", []string{"place:Kanaleneiland"}},
		{"ages", "Bilal (15) en Roshni is 14 en Zeynep, 16 jaar, en een jongen van 15.", []string{"person:Bilal", "age:15", "person:Roshni", "age:14", "person:Zeynep", "age:16 jaar", "age:15"}},
		{"ordinal age", "sinds zijn 14e gebruikt Kaan", []string{"age:14e", "person:Kaan"}},
		{"signature after closing", "Groet,\nBas", []string{"person:Bas"}},
		{"lower-case signature", "tot morgen!\nxx lot", []string{"person:lot"}},
		{"name alone on last line", "Hoi Yvonne,\nKunnen we bellen?\nBas", []string{"person:Yvonne", "person:Bas"}},
		{"spoken possessive", "we gingen naar Mo's huis. mo zn broer zei niks", []string{"person:Mo", "person:mo"}},
		{"name after conjunction dat", "wat hielp was dat ruta mijn buddy werd", []string{"person:ruta"}},
		{"surname that is a word spreads", "Aanwezig: P. Zwart. Actie: Zwart belt moeder.", []string{"person:P. Zwart", "person:Zwart"}},
		{"social handle", "volg me op insta @lotte.vdberg_ voor updates", []string{"url:@lotte.vdberg_"}},
		{"personal domain", "ik blog erover: www.verhalenvanroos.nl. Mijn site is www.zonnig.nl", []string{"url:www.verhalenvanroos.nl", "url:www.zonnig.nl"}},
		{"free mail is personal", "Mail zonnetje@hotmail.com", []string{"email:zonnetje@hotmail.com"}},
		{"file number shapes", "zaak JB-25-0412, parketnummer jeugdzaak broer: 18/204571-23 en CL-0048213", []string{"id_number:JB-25-0412", "id_number:18/204571-23", "id_number:CL-0048213"}},
		{"institution by compound type word", "naar de Kinderpraktijk Zonnebloem in Utrecht", []string{"institution:Kinderpraktijk Zonnebloem", "place:Utrecht"}},
		{"institution by tail word", "School: Drachtster Lyceum", []string{"institution:Drachtster Lyceum"}},
		{"institution after van", "meester Hylke van De Kameleon hielp", []string{"person:Hylke", "institution:De Kameleon"}},
		{"date after d.d. and weekday ordinal", "Gesprek d.d. 12-3 en vrijdag de 3e.", []string{"date:12-3", "date:vrijdag de 3e"}},
		{"age after label and wordt", "Leeftijd: 15. Hij wordt 16 in mei.", []string{"age:15", "age:16"}},
		{"address additions apart", "Kerkstraat 12 bis en Straatweg 4 A.", []string{"address:Kerkstraat 12 bis", "address:Straatweg 4 A"}},
		{"street starting with type word", "Laan van Nieuw Oost-Indië 200", []string{"address:Laan van Nieuw Oost-Indië 200"}},
		{"initials in minutes", "Aanwezig: JvD (voorzitter), MvdB en PvdH.", []string{"person:JvD", "person:MvdB", "person:PvdH"}},
		{"ages in more phrasings", "Onze Stijn is nu 17. Nu is hij 7 en I am 16. Jort is tien en lacht.", []string{"person:Stijn", "age:17", "age:7", "age:16", "person:Jort", "age:tien"}},
		{"initials defined in minutes", "Aanwezig: dhr. P. Schouteten (PS, leerkracht)\nPS ziet een meisje.", []string{"person:P. Schouteten", "person:PS", "person:PS"}},
		{"surname after initials and 't", "Bel H. van 't Hof morgen.", []string{"person:H. van 't Hof"}},
		{"surname that is a word after a first name", "Aanmelder: Iris Snoek, casusregisseur", []string{"person:Iris Snoek"}},
		{"file numbers with spaces and hyphen labels", "klantnummer TS 4471-0928 en V-nummer 2871044921", []string{"id_number:TS 4471-0928", "id_number:2871044921"}},
		{"lower-case plate", "een auto met kenteken xv-212-p voor de deur", []string{"license_plate:xv-212-p"}},
		{"english date", "after a crisis on March 4th and June 12, 2024", []string{"date:March 4th", "date:June 12, 2024"}},
		{"address above a postcode", "Kraaiennest 88\n1104 CK Amsterdam", []string{"address:Kraaiennest 88", "postcode:1104 CK", "place:Amsterdam"}},
		{"day and month opening a list line", "Ritten:\n03-04 bezoek\n17-04 idem", []string{"date:03-04", "date:17-04"}},
		{"places with 's-", "in 's-Gravenzande en 's-Hertogenbosch", []string{"place:'s-Gravenzande", "place:'s-Hertogenbosch"}},
		{"named schools and clubs", "op het Calandlyceum, het Sint-Maartenscollege en bij VV Gorecht", []string{"institution:Calandlyceum", "institution:Sint-Maartenscollege", "institution:VV Gorecht"}},
		{"personal site named after a child", "een blog over Teun: www.teunsteentjes.nl of ellen@teunsteentjes.nl", []string{"person:Teun", "url:www.teunsteentjes.nl", "email:ellen@teunsteentjes.nl"}},
		{"initials standing alone", "1. S.B. (3 kader) mist les. Instructie: J.K., S.v.D. en L. de R. (plus)", []string{"person:S.B.", "person:J.K.", "person:S.v.D.", "person:L. de R."}},
		{"initials in an attendee line", "Aanwezig: AH (voorzitter), MvdB (Veilig Thuis), GGD\nAH opent. MvdB belt.", []string{"person:AH", "person:MvdB", "person:AH", "person:MvdB"}},
		{"form fields", "Achternaam: Bakker\nRoepnaam: Tess\nNaam invuller: Hendrik-Jan Mooij\nWijk: Jeruzalem", []string{"person:Bakker", "person:Tess", "person:Hendrik-Jan Mooij", "place:Jeruzalem"}},
		{"speaker at line start", "Roos: rustige dag.\nFatma: o ja", []string{"person:Roos", "person:Fatma"}},
		{"place that is a surname opens a letter", "Tilburg, 18 maart 2025", []string{"place:Tilburg", "date:18 maart 2025"}},
		{"lower-case place in a chat", "ik woon in leeuwarden", []string{"place:leeuwarden"}},
		{"hyphenated street", "Adres: Ringbaan-Oost 214 A", []string{"address:Ringbaan-Oost 214 A"}},
		{"institution with 't", "op OBS 't Hoekje en Zorgboerderij 't Eikenhof", []string{"institution:OBS 't Hoekje", "institution:Zorgboerderij 't Eikenhof"}},
		{"ages beside a name", "– Jordy, 17, Stadskanaal. Lotte Willems (4 havo, 16) en Rayan, geb. 5 januari 2009 (15 jr)", []string{"person:Jordy", "age:17", "place:Stadskanaal", "person:Lotte Willems", "age:16", "person:Rayan", "date:5 januari 2009", "age:15 jr"}},
		{"weak labels and dates", "lln.nr. 20418, onder nummer 2024/088215. Datum melding: 2024-04-11", []string{"id_number:20418", "id_number:2024/088215", "date:2024-04-11"}},
		{"forum and chat user names", "moederbeer82 schreef:\nhoi\nxXbramXx: yo\nsunnyvdb: ikke\ngeplaatst door u/kapotmoe_mama", []string{"url:moederbeer82", "url:xXbramXx", "url:sunnyvdb", "url:u/kapotmoe_mama"}},
		{"bare addresses with a path and blogs", "gofundme.com/f/lotte-op-eigen-benen en leefgroepleven.blogspot.com", []string{"url:gofundme.com/f/lotte-op-eigen-benen", "url:leefgroepleven.blogspot.com"}},
		{"initials matching a double surname", "Aanwezig: mw. A. Buijsse-Goossen (AB, IB)\nAB: gaat goed.", []string{"person:A. Buijsse-Goossen", "person:AB", "person:AB"}},
		{"date before an age in brackets", "Jeugdige: Jurensley Martis, geb. 02-05-2012 (12)", []string{"person:Jurensley Martis", "date:02-05-2012", "age:12"}},
		{"ordinal age in words", "op zijn zestiende kwam hij in de opvang, na zijn zeventiende niet meer", []string{"age:zestiende"}},
		{"caribbean street and frisian institution", "Adres: Kaya Gob. N. Debrot 61. Ze woont in It Heechhôf.", []string{"address:Kaya Gob. N. Debrot 61", "institution:It Heechhôf"}},
		{"single initials for a person", "Patiënte (L.), 15, kwam. Gezin V. uit Reeshof.", []string{"person:L.", "age:15", "person:V.", "place:Reeshof"}},
		{"timeline dates", "Tijdlijn:\n- 14-1: politie ingeschakeld\n- rond 11-11 ging het mis", []string{"date:14-1", "date:11-11"}},
		{"english title and a double surname with a place", "Ms. Spanner belde. Eigenaar: Linda Oosterhout-van Rijn.", []string{"person:Spanner", "person:Linda Oosterhout-van Rijn"}},
		{"institutions by type word and a person-named school", "Buurtwerk Flevo en de Gwendoline van Putten School", []string{"institution:Buurtwerk Flevo", "institution:Gwendoline van Putten School"}},
		{"rekest number and a labelled acronym", "rekestnummer C/18/224512 en melding IGJ: 2024-00388142", []string{"id_number:C/18/224512", "id_number:2024-00388142"}},
		{"list of places", "uit Snits, Drachten en It Hearrenfean kwamen", []string{"place:Snits", "place:Drachten", "place:It Hearrenfean"}},
		{"lower-case house number addition", "adres: Zonnedauwstraat 31 a, 9733HP Groningen", []string{"address:Zonnedauwstraat 31 a", "postcode:9733HP", "place:Groningen"}},
		{"english weekday before a date", "We met on Tuesday 17 September.", []string{"date:Tuesday 17 September"}},
		{"identity documents and registers", "Paspoortnr.: FE418273\nID-kaart moeder: IXB0L3F94\nV-nummer: 8712 4410 93\nBIG-registratie 19067823425, AGB-code 01-054321",
			[]string{"id_number:FE418273", "id_number:IXB0L3F94", "id_number:8712 4410 93", "id_number:19067823425", "id_number:01-054321"}},
		{"address in a letterhead", "Stichting De Overstap | Nieuwe Haven 112 | 2801 EM Gouda", []string{"institution:Stichting De Overstap", "address:Nieuwe Haven 112", "postcode:2801 EM", "place:Gouda"}},
		{"age between commas before a verb", "De jongere: Anass, 17, woont in Schilderswijk. Jongen, 15, zit thuis.", []string{"person:Anass", "age:17", "place:Schilderswijk", "age:15"}},
		{"iso date with dots", "Datum ondertekening: 2024.11.18", []string{"date:2024.11.18"}},
		{"name field with an english word", "Roepnaam:\tJohnny", []string{"person:Johnny"}},
		{"bsn under a table header", "| Naam | BSN |\n|---|---|\n| Rowan Ramsaran | 132.386.249 |", []string{"person:Rowan Ramsaran", "bsn:132.386.249"}},
		{"bsn in a tab-separated column", "Naam\tBSN\nRowan Ramsaran\t132 386 249", []string{"person:Rowan Ramsaran", "bsn:132 386 249"}},
		// Look-alike and invisible characters are read as what they stand
		// for, and the findings cover the text as written.
		{"full-width digits and at sign", "Bel 06\u201112345678 of mail jan.devries\uff20gmail.com; BSN \uff11\uff11\uff11\uff12\uff12\uff12\uff13\uff13\uff13",
			[]string{"phone:06\u201112345678", "email:jan.devries\uff20gmail.com", "bsn:\uff11\uff11\uff11\uff12\uff12\uff12\uff13\uff13\uff13"}},
		{"invisible characters inside identifiers", "BSN 111\u200b222\u200b333, bel 06\u00ad12345678, mail jan.devries@gmail\u200b.com",
			[]string{"bsn:111\u200b222\u200b333", "phone:06\u00ad12345678", "email:jan.devries@gmail\u200b.com"}},
		{"combining marks, superscripts, other dashes and invisible fillers", "BSN 1\u03011\u03011\u03012\u03012\u03012\u03013\u03013\u03013, BSN \u00b9\u00b9\u00b9\u00b2\u00b2\u00b2\u00b3\u00b3\u00b3, 06\u201412345678, BSN 111\u034f222\ufe0f333",
			[]string{"bsn:1\u03011\u03011\u03012\u03012\u03012\u03013\u03013\u03013", "bsn:\u00b9\u00b9\u00b9\u00b2\u00b2\u00b2\u00b3\u00b3\u00b3", "phone:06\u201412345678", "bsn:111\u034f222\ufe0f333"}},
		{"cyrillic look-alikes in a latin word, a lower-case iban", "mail jan.devries@gm\u0430il.com, iban nl91abna0417164300. \u041e\u043a\u0441\u0430\u043d\u0430 belde.",
			[]string{"email:jan.devries@gm\u0430il.com", "iban:nl91abna0417164300", "person:\u041e\u043a\u0441\u0430\u043d\u0430"}},
		{"other scripts' digits, minus sign and no-break space", "BSN \u0661\u0661\u0661\u0662\u0662\u0662\u0663\u0663\u0663, 06\u221212345678, 1234\u00a0AB Amsterdam",
			[]string{"bsn:\u0661\u0661\u0661\u0662\u0662\u0662\u0663\u0663\u0663", "phone:06\u221212345678", "postcode:1234\u00a0AB", "place:Amsterdam"}},
	}
	s := scanner(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := spans(s.Scan(tt.text))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Scan(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestScanHardNegatives(t *testing.T) {
	texts := []string{
		"De moeder, de mentor en de jeugdbeschermer spraken met Veilig Thuis, het wijkteam en de huisarts.",
		"Op grond van de Jeugdwet artikel 2.3 en art. 1:265b BW, en de AVG.",
		"In maart 2024 en in 2023, elke dinsdag om 15.30 uur, 14 weken lang.",
		"Hij zit in groep 7 en het kost € 1.480 per maand, 27% minder.",
		"Kenniswerkplaats Jeugd Friesland, SAMEN, C4Youth en het Leernetwerk Integraal werken.",
		"Normaliseren, Kwetsbare gezinnen en Leren van praktijkervaringen in de hulpverlening.",
		"Betere samenwerking tussen zorg en onderwijs, Samenhang preventie en hulpverlening, Veilig en thuis opgroeien.",
		"We kregen groen licht. Ik zat in de hoek. Na elke storm komt rust.",
		"Bel 113 of de Kindertelefoon, 0800-0432. Mail jeugd@defryskemarren.nl.",
		"Het inkoopkenmerk INK-2024-0077 staat op alle beschikkingen.",
		"Wij Grunnegers praten niet makkelijk, zei hij in het Fries en Pools.",
		"een kleuter van vier en een vrouw van 71; ze is 71.",
		"Het AMK heet nu Veilig Thuis en het wijkteam werkt met ADHD-kinderen.",
		"In de regio Groningen investeren we in preventie.",
		"Zie paragraaf 3.1.10 en versie 9.20170808 van het protocol.",
		"Het floor in de gymzaal was glad. We gebruiken de Kanjertraining.",
		"Mail leernetwerk@samenjeugd.nl of aanmelden@kwjfriesland.nl.",
		"Onze website: https://www.jeugdfriesland.nl. Kijk ook op www.kindertelefoon.nl.",
		"Ik zocht het uit via Facebookgroepen. Afdeling Financiën, cijfers over Q3.",
		"Het College van B en W besloot, en COVID-19 speelde mee.",
		"Ik vond haar moeder aardig en zag zijn vader niet.",
		"In de zaak 2 van de 4 ging het mis.",
		"De wachttijd wordt 12 weken. Uitslag 12-3 voor ons. Weg ermee, 12 keer.",
		"Uitslag:\n3-1 gewonnen. In Q1 en Q4 van 2024.",
		"Please call me. Where is the form? Thanks, see you on Tuesday. We spoke in English.",
		"Focusgroep pleegouders. Contactpersoon GI: per mail. Danki! Alhamdulillah. niet weer een nieuwe begeleider pls",
		"Hij heeft het syndroom van Down. Van Toeslagen kreeg ik een brief. Het Kinderziekenhuis belde over de Basisschool.",
		"Mei 3 mensen kwamen. De wachtlijst bij Sport en Golf.",
		"N.B.: lees dit. Het kost t.b.v. de B.V. niets. Bel het nummer 0800-2000.",
		"Postbus 30001. Besluitenlijst – vergadering 4. Aflevering 12 van deel 1/3, een 10/10.",
		"Zij (19) en een 19-jarige; hij is 18.",
		"samen met de Regionale Kenniswerkplaats Jeugd Utrecht en het Leernetwerk Normaliseren. Verbeteractie VA-2025-07 loopt, regio Utrecht-West ook.",
		"Het werkt in Caribisch Nederland anders dan in Europees Nederland. Na 3-4 weken belde school X.",
		"Doelen:\n3. omgaan met veranderingen. Hij doet al 1,5 jaar mee. Via Parro en SOMtoday, ’s avonds.",
	}
	s := scanner(t)
	for _, text := range texts {
		if got := s.Scan(text); len(got) > 0 {
			t.Errorf("Scan(%q) = %q, want nothing", text, spans(got))
		}
	}
}

// TestKnownNamesSpreadCarefully checks that a name found once marks its
// later mentions, but that a lower-case word is not taken for a name just
// because a capitalised form of it was.
func TestKnownNamesSpreadCarefully(t *testing.T) {
	s := scanner(t)
	got := spans(s.Scan("Meneer Zwaagstra belde. Later kwam Zwaagstra zelf. Storm is boos; de storm is voorbij."))
	want := []string{"person:Zwaagstra", "person:Zwaagstra", "person:Storm"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	got = spans(s.Scan("Ik heb Gorteling gebeld. Daarna ging gorteling door."))
	if strings.Join(got, "|") != "person:Gorteling" {
		t.Errorf("got %q, want only the capitalised mention", got)
	}
}

func TestScanSkipsTags(t *testing.T) {
	s := scanner(t)
	text := "[PERSOON-1] ([LEEFTIJD-2]) woont op [ADRES-1] in [PLAATS-3]."
	if got := s.Scan(text); len(got) > 0 {
		t.Errorf("Scan(%q) = %q, want nothing", text, spans(got))
	}
}

func TestCheck(t *testing.T) {
	if err := Check("gewone tekst"); err != nil {
		t.Errorf("Check: %v", err)
	}
	if err := Check("\xff"); err != ErrInvalidUTF8 {
		t.Errorf("Check(invalid) = %v", err)
	}
	if err := Check(strings.Repeat("a", MaxTextBytes+1)); err != ErrTooLarge {
		t.Errorf("Check(large) = %v", err)
	}
	if err := Check(strings.Repeat("a", MaxTextBytes)); err != nil {
		t.Errorf("Check(limit) = %v", err)
	}
}

func TestTypeDirect(t *testing.T) {
	for _, typ := range Types {
		want := typ != Institution && typ != Place && typ != Age
		if typ.Direct() != want {
			t.Errorf("%s.Direct() = %v", typ, !want)
		}
		if typ.Tag() == "" {
			t.Errorf("%s has no tag", typ)
		}
	}
}

func TestElfproefAndIBAN(t *testing.T) {
	for _, n := range []string{"908301662", "131860914", "209652172"} {
		if !elfproef(n) {
			t.Errorf("elfproef(%s) = false", n)
		}
	}
	if elfproef("123456789") {
		t.Error("elfproef(123456789) = true")
	}
	if !ibanValid("NL19ABNA6252760189") || ibanValid("NL19ABNA6252760188") {
		t.Error("ibanValid wrong")
	}
}

// TestScanConcurrent checks that one Scanner serves many goroutines: the
// pooled buffers must never leak one call's findings into another's.
func TestScanConcurrent(t *testing.T) {
	s := scanner(t)
	set := loadSet(t, "testdata/blind5.jsonl")
	want := make([]string, len(set))
	for i, lt := range set {
		want[i] = strings.Join(spans(s.Scan(lt.Text)), "|")
	}
	errs := make(chan string, 8)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for round := 0; round < 5; round++ {
				for k := range set {
					i := (k + g*13) % len(set)
					if got := strings.Join(spans(s.Scan(set[i].Text)), "|"); got != want[i] {
						errs <- set[i].ID
						return
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for id := range errs {
		t.Errorf("%s: a concurrent Scan gave other findings than a sequential one", id)
	}
}
