package anonymise

import "strings"

// wordSet is a sorted word list with an index on the first two bytes.
// Building it is one pass over the list, much faster than filling a map
// with 350,000 words, and a lookup is a short binary search in one bucket.
type wordSet struct {
	words  []string
	bucket []int32 // bucket[k] is the first word whose two-byte key is >= k
}

// newWordSet indexes data, one word a line, sorted by bytes.
func newWordSet(data string) wordSet {
	ws := wordSet{words: make([]string, 0, strings.Count(data, "\n")+1), bucket: make([]int32, 1<<16+1)}
	for len(data) > 0 {
		i := strings.IndexByte(data, '\n')
		if i < 0 {
			i = len(data)
		}
		if w := data[:i]; w != "" {
			ws.words = append(ws.words, w)
		}
		data = data[min(i+1, len(data)):]
	}
	k := 0
	for i, w := range ws.words {
		for key := wordKey(w); k <= key; k++ {
			ws.bucket[k] = int32(i)
		}
	}
	for ; k <= 1<<16; k++ {
		ws.bucket[k] = int32(len(ws.words))
	}
	return ws
}

func wordKey(w string) int {
	switch len(w) {
	case 0:
		return 0
	case 1:
		return int(w[0]) << 8
	}
	return int(w[0])<<8 | int(w[1])
}

// has reports whether w is in the set.
func (ws wordSet) has(w string) bool {
	if w == "" || len(ws.bucket) == 0 {
		return false
	}
	key := wordKey(w)
	lo, hi := int(ws.bucket[key]), int(ws.bucket[key+1])
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ws.words[m] < w {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(ws.words) && ws.words[lo] == w
}
