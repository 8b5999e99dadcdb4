package leerlus_test

import (
	"strconv"
	"testing"

	"leerlus"
)

func TestKeptLetsTheOldestGo(t *testing.T) {
	const size = 8
	k := leerlus.NewKept[int](size)
	for i := range size + 3 {
		k.Put(strconv.Itoa(i), i)
	}
	for i := range size + 3 {
		v, ok := k.Get(strconv.Itoa(i))
		if kept := i >= 3; ok != kept || (kept && v != i) {
			t.Errorf("key %d: %d, %v; want kept %v", i, v, ok, kept)
		}
	}
	if k.Len() != size {
		t.Errorf("%d kept, want %d", k.Len(), size)
	}
	// Putting a kept key again replaces its value in its place.
	k.Put("5", 50)
	if v, _ := k.Get("5"); v != 50 || k.Len() != size {
		t.Errorf("replaced: %d, %d kept", v, k.Len())
	}
	k.Put("new", 99) // the oldest left now is 3
	if _, ok := k.Get("3"); ok {
		t.Error("key 3 still kept after the ring went round")
	}
	if _, ok := k.Get("5"); !ok {
		t.Error("key 5 went before older keys")
	}
}
