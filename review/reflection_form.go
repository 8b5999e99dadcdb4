package review

import (
	"sort"

	"gorm.io/gorm"

	"leerlus/review/defaults"
)

// form is a template version as a reflection uses it: the definition and
// its questions by key.
type form struct {
	row       TemplateVersion
	def       defaults.Template
	questions map[string]defaults.Question
	order     []string // question keys in the order of the form
}

// parseForm reads a stored template version.
func parseForm(row TemplateVersion) (*form, error) {
	def, err := parseDefinition(&row)
	if err != nil {
		return nil, err
	}
	f := &form{row: row, def: def, questions: map[string]defaults.Question{}}
	for _, s := range f.def.Sections {
		for _, q := range s.Questions {
			f.questions[q.Key] = q
			f.order = append(f.order, q.Key)
		}
	}
	return f, nil
}

// formCacheSize bounds the parsed template versions kept (Service.forms):
// a network has a handful, so this holds every version of hundreds of
// networks.
const formCacheSize = 1024

// formByID reads the template version a reflection was written with: it
// renders and validates with that version forever. Versions never change
// once saved, so a parsed one is kept and shared, on every instance alike.
func (s *Service) formByID(tx *gorm.DB, id string) (*form, error) {
	if f, ok := s.forms.Get(id); ok {
		return f, nil
	}
	var row TemplateVersion
	if err := tx.Where("id = ?", id).Take(&row).Error; err != nil {
		return nil, err
	}
	f, err := parseForm(row)
	if err != nil {
		return nil, err
	}
	s.forms.Put(id, f)
	return f, nil
}

// currentForm reads the network's newest template version, copying the
// defaults in on first use.
func (s *Service) currentForm(tx *gorm.DB, networkID string) (*form, error) {
	if err := s.ensureNetwork(tx, networkID); err != nil {
		return nil, err
	}
	row, err := latestTemplate(tx, networkID)
	if err != nil {
		return nil, err
	}
	return parseForm(*row)
}

// keysOf lists the keys of the form's questions of one type.
func (f *form) keysOf(typ defaults.QuestionType) []string {
	out := []string{}
	for _, k := range f.order {
		if f.questions[k].Type == typ {
			out = append(out, k)
		}
	}
	return out
}

// lessonsQuestion is the key of the form's lessons question, if it has one.
func (f *form) lessonsQuestion() string {
	if keys := f.keysOf(defaults.TypeLessons); len(keys) > 0 {
		return keys[0]
	}
	return ""
}

// sortAnswers puts answers in the order of the form's questions.
func (f *form) sortAnswers(as []Answer) {
	place := map[string]int{}
	for i, k := range f.order {
		place[k] = i
	}
	sort.SliceStable(as, func(i, j int) bool { return place[as[i].QuestionKey] < place[as[j].QuestionKey] })
}
