package leerlus

import "sync"

// Kept holds at most a fixed number of values by key in memory; when full,
// the value put longest ago goes. It is for values that cannot go stale
// under their key — an immutable template version, or a page keyed by the
// database revision it was read at — so it tracks no use and no age. Safe
// for concurrent use.
type Kept[V any] struct {
	mu    sync.Mutex
	byKey map[string]V
	keys  []string // in the order they were put, a ring
	next  int      // the oldest key once the ring is full
	size  int
}

// NewKept returns an empty store for at most size values.
func NewKept[V any](size int) *Kept[V] {
	return &Kept[V]{byKey: make(map[string]V, size), keys: make([]string, 0, size), size: max(size, 1)}
}

// Get returns the value kept under key.
func (k *Kept[V]) Get(key string) (V, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	v, ok := k.byKey[key]
	return v, ok
}

// Put keeps v under key, replacing what was there.
func (k *Kept[V]) Put(key string, v V) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if _, ok := k.byKey[key]; !ok {
		if len(k.keys) < k.size {
			k.keys = append(k.keys, key)
		} else {
			delete(k.byKey, k.keys[k.next])
			k.keys[k.next] = key
			k.next = (k.next + 1) % k.size
		}
	}
	k.byKey[key] = v
}

// Len is the number of values kept.
func (k *Kept[V]) Len() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return len(k.byKey)
}
