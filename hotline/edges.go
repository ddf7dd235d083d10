package hotline

// edges are the edges of a trie, (node, rune) → child node, in one
// open-addressed table rather than a Go map per node: the tries are
// walked at almost every character of a call, several times over, and a
// look-up here is a multiplication and one or two probes of two arrays.
// Nodes are numbered from 0 (the root); a child is never node 0.
type edges struct {
	keys  []uint64 // (node+1)<<32 | rune; 0 for an empty slot
	kids  []uint32
	shift uint // 64 - log2(len(keys))
	n     int
}

func edgeKey(node uint32, r rune) uint64 { return uint64(node+1)<<32 | uint64(uint32(r)) }

func (e *edges) slot(k uint64) int { return int((k * 0x9E3779B97F4A7C15) >> e.shift) }

// child is the node reached from node by r, 0 for none.
func (e *edges) child(node uint32, r rune) uint32 {
	if scanMeter.on {
		scanMeter.steps++
	}
	if e.n == 0 {
		return 0
	}
	k := edgeKey(node, r)
	mask := len(e.keys) - 1
	for i := e.slot(k); ; i = (i + 1) & mask {
		switch e.keys[i] {
		case k:
			return e.kids[i]
		case 0:
			return 0
		}
	}
}

// set adds the edge node → kid by r (kid > 0), which must be new.
func (e *edges) set(node uint32, r rune, kid uint32) {
	if 2*(e.n+1) > len(e.keys) {
		e.grow()
	}
	e.put(edgeKey(node, r), kid)
	e.n++
}

func (e *edges) put(k uint64, kid uint32) {
	mask := len(e.keys) - 1
	i := e.slot(k)
	for e.keys[i] != 0 {
		i = (i + 1) & mask
	}
	e.keys[i], e.kids[i] = k, kid
}

// follow is the child of node n by r in a trie whose nodes are *nodes,
// made (a zero node appended) when there is none.
func follow[N any](e *edges, nodes *[]N, n uint32, r rune) uint32 {
	if c := e.child(n, r); c != 0 {
		return c
	}
	c := uint32(len(*nodes))
	var zero N
	*nodes = append(*nodes, zero)
	e.set(n, r, c)
	return c
}

func (e *edges) grow() { e.resize(max(64, 2*len(e.keys))) }

// reserve makes room for n more edges without growing the table again:
// growing rehashes every edge into a table twice the size, one random
// memory access each — most of a trie's building when it grows a word at
// a time (docs/speed.md, session 20).
func (e *edges) reserve(n int) {
	size := max(64, len(e.keys))
	for 2*(e.n+n+1) > size {
		size *= 2
	}
	if size > len(e.keys) {
		e.resize(size)
	}
}

// resize moves the edges into a table of size slots (a power of two).
func (e *edges) resize(size int) {
	keys, kids := e.keys, e.kids
	e.keys, e.kids = make([]uint64, size), make([]uint32, size)
	e.shift = 64
	for s := size; s > 1; s >>= 1 {
		e.shift--
	}
	for i, k := range keys {
		if k != 0 {
			e.put(k, kids[i])
		}
	}
}

// scanMeter counts, when a test turns it on, the work of reading a call
// that grows with its text and the vocabulary: steps taken in the tries
// (every edge looked up: known words, acts, facts, objects, sounds, the
// segmenter's dictionary), the units segmented, searches of the whole text
// for a word (says), and readings of the days. TestScanWork bounds them per character on the
// hostile questions, so that vocabulary or a pass that makes the reading
// costlier fails a test instead of bringing BenchmarkUnrecognisedRatio
// back over its bound unnoticed. It is off in use (one predictable branch
// per step); never on while calls run concurrently.
var scanMeter struct {
	on bool
	// steps are trie edges looked up; units the units the segmenter's
	// shortest path ran over; searches whole-text searches for a word;
	// dayRun the readings of the days
	steps, units, searches, dayRun int
}

// edgeList gathers the edges of a trie laid out a node at a time (a
// snapshot's, tries_snapshot.go), to be put into the table at once.
type edgeList []edgeKid

type edgeKid struct {
	k   uint64
	kid uint32
}

func (l *edgeList) add(node uint32, r rune, kid uint32) {
	*l = append(*l, edgeKid{edgeKey(node, r), kid})
}

// fill puts the edges l into e, which must be empty, in the order of the
// slots they hash to: one pass through the table instead of a random
// write per edge, which in a fresh process is a cache miss each and
// most of laying a trie out (docs/speed.md, session 26). A table filled
// so answers as one filled an edge at a time: linear probing finds a key
// whatever the order keys were put in.
func (e *edges) fill(l edgeList) {
	e.reserve(len(l))
	// a radix sort by slot, in two passes of the slot's bits (low, high)
	bits := 64 - e.shift
	lo := bits / 2
	tmp := make(edgeList, len(l))
	src, dst := l, tmp
	for _, pass := range [2]struct{ shift, width uint }{{0, lo}, {lo, bits - lo}} {
		counts := make([]int, 1<<pass.width+1)
		digit := func(x edgeKid) int { return e.slot(x.k) >> pass.shift & (1<<pass.width - 1) }
		for _, x := range src {
			counts[digit(x)+1]++
		}
		for i := 1; i < len(counts); i++ {
			counts[i] += counts[i-1]
		}
		for _, x := range src {
			d := digit(x)
			dst[counts[d]] = x
			counts[d]++
		}
		src, dst = dst, src
	}
	for _, x := range src {
		e.put(x.k, x.kid)
	}
	e.n += len(l)
}
