package review

import (
	"reflect"
	"testing"
)

func TestMatchGroups(t *testing.T) {
	tests := []struct {
		name     string
		stored   []storedGroup
		clusters [][]string
		want     groupPlan
	}{
		{
			name:     "first grouping: every cluster is new",
			clusters: [][]string{{"a", "b"}, {"c", "d"}},
			want:     groupPlan{Keep: map[int]string{}, New: []int{0, 1}},
		},
		{
			name:     "a group that grows keeps its identity",
			stored:   []storedGroup{{ID: "g1", Lessons: []string{"a", "b"}}},
			clusters: [][]string{{"a", "b", "c"}},
			want:     groupPlan{Keep: map[int]string{0: "g1"}},
		},
		{
			name:     "a split: the larger part keeps the group, the smaller is new",
			stored:   []storedGroup{{ID: "g1", Lessons: []string{"a", "b", "c", "d"}}},
			clusters: [][]string{{"d"}, {"a", "b", "c"}},
			want:     groupPlan{Keep: map[int]string{1: "g1"}, New: []int{0}},
		},
		{
			name: "a merge: the older group continues, the other is dropped",
			stored: []storedGroup{
				{ID: "young", Order: 2, Lessons: []string{"c", "d"}},
				{ID: "old", Order: 1, Lessons: []string{"a", "b"}},
			},
			clusters: [][]string{{"a", "b", "c", "d"}},
			want:     groupPlan{Keep: map[int]string{0: "old"}, Dropped: []string{"young"}},
		},
		{
			name:     "a group whose lessons all left is dropped",
			stored:   []storedGroup{{ID: "g1", Lessons: []string{"a", "b"}}},
			clusters: [][]string{{"c", "d"}},
			want:     groupPlan{Keep: map[int]string{}, New: []int{0}, Dropped: []string{"g1"}},
		},
		{
			name: "equal halves: the cluster with the smaller first lesson id keeps it",
			stored: []storedGroup{
				{ID: "g1", Lessons: []string{"a", "b", "c", "d"}},
			},
			clusters: [][]string{{"c", "d"}, {"a", "b"}},
			want:     groupPlan{Keep: map[int]string{1: "g1"}, New: []int{0}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := matchGroups(tt.stored, tt.clusters)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("matchGroups = %+v, want %+v", got, tt.want)
			}
		})
	}
}
