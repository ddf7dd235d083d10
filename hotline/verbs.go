package hotline

// endsWithVerb reports whether s ends with a verb of one of the frames: a
// look-up of each of its tails rather than a walk over every verb, which,
// done for every act word at load, was a fifth of New.
func (p *parser) endsWithVerb(s string) bool {
	if p.verbSet[""] {
		return true
	}
	for i := range s {
		if p.verbSet[s[i:]] {
			return true
		}
	}
	return false
}
