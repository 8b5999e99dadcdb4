package review

import (
	"strconv"
	"strings"

	"leerlus/cases"
)

// A reflection's marks are stored at places that survive a save in
// another order — /items/<item id>/why, /texts/<question>/text,
// /lessons/<lesson id>/statement — while requests and views speak of
// places in their lists (/items/2/why). These two functions translate.

// stablePointer turns a pointer of this write's body into the stored one.
func (in *ReflectionInput) stablePointer(p string, itemIDs, lessonIDs []string) string {
	part, index, field, ok := splitPointer(p)
	if !ok {
		return p
	}
	switch {
	case part == "items" && index < len(itemIDs):
		return "/items/" + itemIDs[index] + "/" + field
	case part == "texts" && in.Texts != nil && index < len(*in.Texts):
		return "/texts/" + (*in.Texts)[index].Question + "/" + field
	case part == "lessons" && index < len(lessonIDs):
		return "/lessons/" + lessonIDs[index] + "/" + field
	}
	return p
}

// viewMarks turns stored marks into pointers into the view's lists; a
// mark whose text is gone is left out.
func viewMarks(marks []cases.Mark, v *ReflectionView) []cases.Mark {
	at := map[string]int{}
	for i, it := range v.Items {
		at["items/"+it.ID] = i
	}
	texts := 0
	for _, a := range v.Answers {
		if a.Rating == nil {
			at["texts/"+a.QuestionKey] = texts
			texts++
		}
	}
	for i, l := range v.Lessons {
		at["lessons/"+l.ID] = i
	}
	out := []cases.Mark{}
	for _, m := range marks {
		parts := strings.SplitN(strings.TrimPrefix(m.Field, "/"), "/", 3)
		if len(parts) != 3 {
			continue
		}
		i, ok := at[parts[0]+"/"+parts[1]]
		if !ok {
			continue
		}
		m.Field = "/" + parts[0] + "/" + strconv.Itoa(i) + "/" + parts[2]
		out = append(out, m)
	}
	return out
}

// splitPointer reads /part/index/field.
func splitPointer(p string) (part string, index int, field string, ok bool) {
	parts := strings.SplitN(strings.TrimPrefix(p, "/"), "/", 3)
	if len(parts) != 3 {
		return "", 0, "", false
	}
	n, err := strconv.Atoi(parts[1])
	if err != nil || n < 0 {
		return "", 0, "", false
	}
	return parts[0], n, parts[2], true
}
