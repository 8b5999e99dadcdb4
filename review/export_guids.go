package review

import (
	"leerlus/review/defaults"
	"leerlus/review/qda"
)

// qdaGUIDs derives the REFI-QDA GUIDs of codebooks. The default
// codebook's keys mean the same in every network (a key never changes),
// so their GUIDs come from the key alone: a project spanning networks
// holds one "T1.wachttijd", and a codebook exported from one network and
// imported into another finds its default codes again. Keys a network
// added mean something only there, so their GUIDs include the network.
type qdaGUIDs struct{ shared map[string]bool }

func newQDAGUIDs() (*qdaGUIDs, error) {
	cb, err := defaults.DefaultCodebook()
	if err != nil {
		return nil, err
	}
	g := &qdaGUIDs{shared: map[string]bool{}}
	for _, t := range cb.Themes {
		g.shared[t.Key] = true
		for _, c := range t.Codes {
			g.shared[c.Key] = true
		}
	}
	return g, nil
}

func (g *qdaGUIDs) theme(networkID, key string) string {
	if g.shared[key] {
		return qda.GUID("theme", key)
	}
	return qda.GUID("theme", networkID, key)
}

func (g *qdaGUIDs) code(networkID, key string) string {
	if g.shared[key] {
		return qda.GUID("code", key)
	}
	return qda.GUID("code", networkID, key)
}

// The effect of a coding has no place in REFI-QDA's coding, so a project
// carries it as two codes under a non-codable "Effect" code, applied to
// the same selection as the code itself.
func effectName(e Effect) string {
	if e == EffectHelped {
		return "hielp"
	}
	return "hinderde"
}

func effectGUID(e Effect) string { return qda.GUID("effect", string(e)) }

// effectCodes is the "Effect" branch of a project's codebook.
func effectCodes() qda.Code {
	return qda.Code{GUID: qda.GUID("effect"), Name: "Effect",
		Description: "Of de factor hielp of hinderde (helped or hindered).",
		Children: []qda.Code{
			{GUID: effectGUID(EffectHelped), Name: effectName(EffectHelped), Codable: true},
			{GUID: effectGUID(EffectHindered), Name: effectName(EffectHindered), Codable: true},
		}}
}

// qdaCodebook builds the code tree of codebooks, network after network in
// the order given; a theme or code seen before (a default one) keeps the
// words of the first network. Merged codes are left out: their codings
// moved to the code they were merged into.
func (g *qdaGUIDs) qdaCodebook(networkIDs []string, codes []exportCode) []qda.Code {
	var out []qda.Code
	themeAt := map[string]int{}
	seen := map[string]bool{}
	for _, n := range networkIDs {
		for _, c := range codes {
			if c.NetworkID != n || !c.Codable {
				continue
			}
			tg := g.theme(n, c.ThemeKey)
			i, ok := themeAt[tg]
			if !ok {
				i = len(out)
				themeAt[tg] = i
				out = append(out, qda.Code{GUID: tg, Name: c.ThemeLabelNL, Description: c.ThemeDescriptionNL})
			}
			cg := g.code(n, c.Key)
			if seen[cg] {
				continue
			}
			seen[cg] = true
			out[i].Children = append(out[i].Children, qda.Code{GUID: cg, Name: c.LabelNL, Description: c.DescriptionNL, Codable: true})
		}
	}
	return out
}
