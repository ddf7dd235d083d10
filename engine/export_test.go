package engine

// ForgetPlaces drops the places' kept answers (places.resolved), so that
// a test can compare a place's first answer with its kept one.
func ForgetPlaces(e *Engine) {
	if e.places != nil {
		e.places.resolved.Clear()
		e.places.nresolved.Store(0)
	}
}

// KeptPlaces is how many place strings' answers e keeps.
func KeptPlaces(e *Engine) int {
	if e.places == nil {
		return 0
	}
	return int(e.places.nresolved.Load())
}
