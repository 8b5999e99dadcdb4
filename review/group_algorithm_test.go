package review

import (
	"testing"

	"leerlus/review/grouping"
)

func TestRepresentative(t *testing.T) {
	texts := map[string]string{
		"1": "Vraag de jongere wat hij wil.",
		"2": "Vraag de jongere eerst wat hij zelf wil voordat je een plan maakt.",
		"3": "Maak samen met de jongere een plan.",
		"4": "Vraag wat hij wil.",
	}
	var in []grouping.Lesson
	for id, text := range texts {
		in = append(in, grouping.Lesson{ID: id, Text: text})
	}
	g := grouping.Build(in, nil)
	tests := []struct {
		name     string
		ids      []string
		accepted string
		want     string
	}{
		{"the statement sharing most words", []string{"1", "2", "3"}, "", "2"},
		{"an accepted lesson before a central one", []string{"1", "2", "3"}, "3", "3"},
		{"the oldest of equals", []string{"4", "1"}, "", "4"},
		{"one lesson", []string{"3"}, "", "3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lessons := make([]groupLesson, len(tt.ids))
			cluster := make([]int, len(tt.ids))
			for i, id := range tt.ids {
				lessons[i] = groupLesson{ID: id, Text: texts[id], Accepted: id == tt.accepted}
				cluster[i] = i
			}
			if got := lessons[representative(lessons, cluster, g.Words)].ID; got != tt.want {
				t.Errorf("representative = %s, want %s", got, tt.want)
			}
		})
	}
}
