package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leerlus"
	"leerlus/review"
)

// codeSuggestionRequest is the text a member is typing. It is transient:
// no log line, audit entry or table ever holds it.
type codeSuggestionRequest struct {
	Text  *string `json:"text"`
	Limit *int    `json:"limit"`
}

// CodeSuggestionListBody is the answer of POST …/code-suggestions.
type CodeSuggestionListBody struct {
	Suggestions []CodeSuggestionBody `json:"suggestions"`
}

// CodeSuggestionBody is one suggested code with why.
type CodeSuggestionBody struct {
	CodeID  string                   `json:"code_id"`
	Key     string                   `json:"key"`
	LabelNL string                   `json:"label_nl"`
	LabelEN string                   `json:"label_en"`
	Theme   CodeSuggestionThemeBody  `json:"theme"`
	Score   float64                  `json:"score"`
	Reason  CodeSuggestionReasonBody `json:"reason"`
}

// CodeSuggestionThemeBody is the theme of a suggested code.
type CodeSuggestionThemeBody struct {
	Key     string `json:"key"`
	LabelNL string `json:"label_nl"`
	LabelEN string `json:"label_en"`
}

// CodeSuggestionReasonBody says why a code is suggested.
type CodeSuggestionReasonBody struct {
	Words    []string `json:"words"`
	Codebook bool     `json:"codebook"`
	Codings  int      `json:"codings"`
}

func (s *Server) suggestCodes(c *gin.Context) error {
	var req codeSuggestionRequest
	if !s.decode(c, &req) {
		return nil
	}
	if req.Text == nil {
		return leerlus.Invalid("text", leerlus.FieldRequired, nil)
	}
	limit := review.DefaultSuggestions
	if req.Limit != nil {
		limit = *req.Limit
	}
	list, err := s.Review.Suggest(c.Request.Context(), access(c), *req.Text, limit)
	if err != nil {
		return err
	}
	out := CodeSuggestionListBody{Suggestions: make([]CodeSuggestionBody, len(list))}
	for i, x := range list {
		out.Suggestions[i] = CodeSuggestionBody{CodeID: x.CodeID, Key: x.CodeKey, LabelNL: x.LabelNL, LabelEN: x.LabelEN,
			Theme: CodeSuggestionThemeBody{Key: x.ThemeKey, LabelNL: x.ThemeLabelNL, LabelEN: x.ThemeLabelEN},
			Score: x.Score, Reason: CodeSuggestionReasonBody{Words: x.Reason.Words, Codebook: x.Reason.Codebook, Codings: x.Reason.Codings}}
	}
	writeJSON(c, http.StatusOK, out)
	return nil
}
