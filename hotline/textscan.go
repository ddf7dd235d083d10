package hotline

import "fmt"

// wordScan finds which words of a list a text holds: a trie of the words,
// walked from each character that starts one. It is built at load for the
// words of texts.yaml a call is tried with on every answer (may I, a
// detail asked, its kind, the notices' words for the caller's), which were
// otherwise some seventy strings.Contains each.
type wordScan struct {
	nodes []scanNode // node 0 is the root
	edges edges
	first runeBits // the first characters of the words
}

type scanNode struct {
	id int32 // 1 + the index of the first word that ends here; 0 for none
}

// newWordScan builds the scan of words; a word that is empty would be
// held by every text, and is an error.
func newWordScan(words []string) (*wordScan, error) {
	ws := &wordScan{nodes: []scanNode{{}}}
	for i, w := range words {
		if w == "" {
			return nil, fmt.Errorf("word %d is empty", i+1)
		}
		n := uint32(0)
		for _, r := range w {
			n = follow(&ws.edges, &ws.nodes, n, r)
		}
		if ws.nodes[n].id == 0 {
			ws.nodes[n].id = int32(i + 1)
		}
		r, _ := decodeRune(w)
		ws.first.add(r)
	}
	return ws, nil
}

// each calls fn with the index of every word s holds, at every place one
// starts, and its length in bytes.
func (ws *wordScan) each(s string, fn func(id, n int)) {
	ws.eachAt(s, func(id, _, n int) { fn(id, n) })
}

// eachAt is each with the byte where each word starts.
func (ws *wordScan) eachAt(s string, fn func(id, i, n int)) {
	for i := 0; i < len(s); {
		r, sz := decodeRune(s[i:])
		if ws.first.mayHave(r) {
			n := uint32(0)
			for j := i; j < len(s); {
				r, sz := decodeRune(s[j:])
				if n = ws.edges.child(n, r); n == 0 {
					break
				}
				j += sz
				if id := ws.nodes[n].id; id > 0 {
					fn(int(id-1), i, j-i)
				}
			}
		}
		i += sz
	}
}

// any reports whether s holds one of the words.
func (ws *wordScan) any(s string) bool {
	found := false
	ws.each(s, func(int, int) { found = true })
	return found
}
