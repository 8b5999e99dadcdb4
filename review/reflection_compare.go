package review

import "sort"

// Comparison shows where the perspectives on one case agree and differ:
// per code, which perspectives named it and whether it helped or hindered
// for them; per rating question, each perspective's scores.
type Comparison struct {
	Codes   []CodeComparison
	Ratings []RatingComparison
}

// Agreement says how perspectives relate on one code or rating.
type Agreement string

// The relations shown beside a code or rating named by more than one
// perspective.
const (
	AgreementSingle Agreement = "single" // one perspective only
	AgreementAgree  Agreement = "agree"
	AgreementDiffer Agreement = "differ"
)

// CodeComparison is one code across the perspectives.
type CodeComparison struct {
	Code      Code
	Views     []PerspectiveEffect
	Agreement Agreement
}

// PerspectiveEffect is how often a perspective coded a code as helping
// and as hindering.
type PerspectiveEffect struct {
	Perspective      string
	Helped, Hindered int
}

// RatingComparison is one rating question across the perspectives.
type RatingComparison struct {
	Question  string
	Scores    []PerspectiveScore
	Agreement Agreement
}

// PerspectiveScore is a perspective's score on a rating question (the
// mean when one perspective wrote several reflections).
type PerspectiveScore struct {
	Perspective string
	Score       float64
}

// ratingSpread is the difference in scores on the 1–5 scale from which
// two perspectives are said to differ.
const ratingSpread = 2

// compare builds the comparison of the reflections shown: published ones
// for most readers (a draft in the list is the caller's own).
func compare(rs []ReflectionView) Comparison {
	type key struct{ code, perspective string }
	effects := map[key]*PerspectiveEffect{}
	codes := map[string]Code{}
	scores := map[[2]string][]int{}
	for _, r := range rs {
		for _, it := range r.Items {
			for _, c := range it.Codes {
				k := key{c.Code.ID, r.Perspective}
				if effects[k] == nil {
					effects[k] = &PerspectiveEffect{Perspective: r.Perspective}
				}
				if c.Effect == EffectHelped {
					effects[k].Helped++
				} else {
					effects[k].Hindered++
				}
				codes[c.Code.ID] = c.Code
			}
		}
		for _, a := range r.Answers {
			if a.Rating != nil {
				k := [2]string{a.QuestionKey, r.Perspective}
				scores[k] = append(scores[k], *a.Rating)
			}
		}
	}
	var out Comparison
	for id, code := range codes {
		cc := CodeComparison{Code: code}
		for k, e := range effects {
			if k.code == id {
				cc.Views = append(cc.Views, *e)
			}
		}
		sort.Slice(cc.Views, func(i, j int) bool { return cc.Views[i].Perspective < cc.Views[j].Perspective })
		cc.Agreement = codeAgreement(cc.Views)
		out.Codes = append(out.Codes, cc)
	}
	// Differences first: they are what a learning session talks about.
	sort.Slice(out.Codes, func(i, j int) bool {
		a, b := out.Codes[i], out.Codes[j]
		if agreementOrder(a.Agreement) != agreementOrder(b.Agreement) {
			return agreementOrder(a.Agreement) < agreementOrder(b.Agreement)
		}
		return a.Code.Key < b.Code.Key
	})
	questions := map[string]bool{}
	for k := range scores {
		questions[k[0]] = true
	}
	for q := range questions {
		rc := RatingComparison{Question: q}
		for k, ss := range scores {
			if k[0] != q {
				continue
			}
			sum := 0
			for _, s := range ss {
				sum += s
			}
			rc.Scores = append(rc.Scores, PerspectiveScore{Perspective: k[1], Score: float64(sum) / float64(len(ss))})
		}
		sort.Slice(rc.Scores, func(i, j int) bool { return rc.Scores[i].Perspective < rc.Scores[j].Perspective })
		rc.Agreement = ratingAgreement(rc.Scores)
		out.Ratings = append(out.Ratings, rc)
	}
	sort.Slice(out.Ratings, func(i, j int) bool { return out.Ratings[i].Question < out.Ratings[j].Question })
	return out
}

// agreementOrder puts differences first, then agreement, then codes one
// perspective named.
func agreementOrder(a Agreement) int {
	switch a {
	case AgreementDiffer:
		return 0
	case AgreementAgree:
		return 1
	}
	return 2
}

// codeAgreement: perspectives differ on a code when one names it mostly
// as helping and another mostly as hindering.
func codeAgreement(views []PerspectiveEffect) Agreement {
	if len(views) < 2 {
		return AgreementSingle
	}
	helped, hindered := false, false
	for _, v := range views {
		switch {
		case v.Helped > v.Hindered:
			helped = true
		case v.Hindered > v.Helped:
			hindered = true
		default:
			helped, hindered = true, true
		}
	}
	if helped && hindered {
		return AgreementDiffer
	}
	return AgreementAgree
}

// ratingAgreement: perspectives differ when their scores lie at least
// ratingSpread apart.
func ratingAgreement(scores []PerspectiveScore) Agreement {
	if len(scores) < 2 {
		return AgreementSingle
	}
	lo, hi := scores[0].Score, scores[0].Score
	for _, s := range scores {
		lo, hi = min(lo, s.Score), max(hi, s.Score)
	}
	if hi-lo >= ratingSpread {
		return AgreementDiffer
	}
	return AgreementAgree
}
