package cases

import "testing"

func TestPageKey(t *testing.T) {
	key := func(revision int64, args ...any) string {
		k, ok := pageKey(revision, "SELECT …", args)
		if !ok {
			t.Fatalf("no key for %v", args)
		}
		return k
	}
	distinct := map[string]string{
		"base":        key(1, "net", "published", 51),
		"revision":    key(2, "net", "published", 51),
		"split value": key(1, "ne", "tpublished", 51),
		"limit":       key(1, "net", "published", 11),
		"more args":   key(1, "net", "published", 51, "cursor"),
	}
	seen := map[string]string{}
	for name, k := range distinct {
		if other, dup := seen[k]; dup {
			t.Errorf("%s and %s share a key", name, other)
		}
		seen[k] = name
	}
	if _, ok := pageKey(1, "SELECT …", []any{3.5}); ok {
		t.Error("a float argument got a key")
	}
}
