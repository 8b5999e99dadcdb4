package review

import "sync"

// formCacheSize bounds the parsed template versions kept: a network has a
// handful, so this holds every version of hundreds of networks.
const formCacheSize = 1024

// formCache keeps parsed template versions by id. A template version is
// immutable once saved, so a cached copy can never be stale; when the
// cache is full it starts over rather than tracking use.
type formCache struct {
	mu    sync.RWMutex
	forms map[string]*form
}

func newFormCache() *formCache { return &formCache{forms: map[string]*form{}} }

func (c *formCache) get(id string) *form {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.forms[id]
}

func (c *formCache) put(id string, f *form) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.forms) >= formCacheSize {
		c.forms = map[string]*form{}
	}
	c.forms[id] = f
}
