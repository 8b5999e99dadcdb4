package review

import (
	"context"
	"io"
	"strings"

	"leerlus/review/qda"
)

// projectVariables are the case attributes a project carries as
// variables, in this order.
func projectVariables() []struct{ name, description string } {
	return []struct{ name, description string }{
		{"network", "leernetwerk / learning network"},
		{"outcome", "traject goed verlopen, vastgelopen of wisselend: good, stuck, mixed"},
		{"age_band", "leeftijdsgroep / age band"},
		{"household", "gezinssituatie / household"},
		{"duration", "duur van het traject / duration band"},
		{"start", "begin (jaar en kwartaal) / start quarter"},
		{"end", "einde (jaar en kwartaal), leeg als het loopt / end quarter, empty while running"},
		{"services", "betrokken hulp, gescheiden door | / services involved, separated by |"},
		{"phases", "fasen van de cruciale momenten, gescheiden door | / phases of the key episodes"},
	}
}

func variableGUID(name string) string { return qda.GUID("variable", name) }

// caseValues are a case's values of the project variables.
func caseValues(c *ExportCase) []qda.Value {
	vals := []string{c.NetworkName, c.Outcome, c.AgeBand, c.Household, c.Duration, c.Start, c.End,
		strings.Join(c.Services, "|"), strings.Join(c.Phases, "|")}
	vars := projectVariables()
	out := make([]qda.Value, len(vals))
	for i, v := range vals {
		out[i] = qda.Value{Variable: variableGUID(vars[i].name), Text: v}
	}
	return out
}

// headings are the Dutch headings of the default form's questions in a
// reflection source; other questions are headed by their key.
func heading(question string) string {
	switch question {
	case "worked":
		return "Wat werkte"
	case "did_not_work":
		return "Wat werkte niet"
	case "differently":
		return "Wat zou je anders doen"
	}
	return question
}

// WriteProject writes the export as a REFI-QDA project (.qdpx) to w: the
// codebooks of its networks (and the effect codes), the case attributes
// as variables, per case a text source with its title, summary and key
// episodes and one per published reflection (its perspective, answers,
// items and accepted lessons), each coding as a selection of its item's
// text with the code and its effect, each lesson as a selection with its
// codes. It streams: a page of cases at a time.
func (e *Export) WriteProject(ctx context.Context, w io.Writer) error {
	list, codes, err := e.codes(ctx)
	if err != nil {
		return err
	}
	g, err := newQDAGUIDs()
	if err != nil {
		return err
	}
	ids := make([]string, len(e.networks))
	names := make([]string, len(e.networks))
	for i, n := range e.networks {
		ids[i], names[i] = n.ID, n.Name
	}
	head := qda.Head{Name: "Leerlus export", Origin: "Leerlus", Created: e.s.now.Now(),
		Description: "Gepubliceerde casussen en reflecties uit " + strings.Join(names, ", ") + " (" + e.filter.describe() + ").",
		Codes:       append(g.qdaCodebook(ids, list), effectCodes())}
	for _, v := range projectVariables() {
		head.Variables = append(head.Variables, qda.Variable{GUID: variableGUID(v.name), Name: v.name, Description: v.description})
	}
	pw, err := qda.NewProjectWriter(w, head)
	if err != nil {
		return err
	}
	err = e.eachPage(ctx, true, func(p *casePage) error {
		m, err := e.readPage(ctx, p, codes)
		if err != nil {
			return err
		}
		return m.write(pw, g, codes)
	})
	if err != nil {
		pw.Abort()
		return err
	}
	return pw.Close()
}
