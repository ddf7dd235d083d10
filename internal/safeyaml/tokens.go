package safeyaml

import "github.com/goccy/go-yaml/token"

// block is an open block collection: the column of its indicators (its
// "- " or its keys) and whether it is a sequence.
type block struct {
	col  int
	seq  bool
	keys int
}

// checkTokens refuses merge keys, tags and a second document, and nesting
// deeper than lim.MaxDepth, from the lexer's tokens (the parser reads the
// same tokens, so the two cannot disagree about what is quoted, commented
// or a block scalar). Block depth is counted from indentation: a
// collection whose indicator is further right than the open one's is
// nested in it. It is an upper bound on the parser's depth, close enough
// for a guard.
func checkTokens(tokens token.Tokens, lim Limits) error {
	var (
		flow      int
		blocks    []block
		content   bool // a value was seen: a later "---" starts a second document
		ended     bool // "..." was seen
		directive int  // the line of a %YAML or %TAG directive, whose words are no content
	)
	indicator := func(tok *token.Token, col int, seq bool) error {
		for len(blocks) > 0 && blocks[len(blocks)-1].col > col {
			blocks = blocks[:len(blocks)-1]
		}
		if n := len(blocks); n > 0 && blocks[n-1].col == col {
			top := blocks[n-1]
			switch {
			case top.seq && seq:
				return nil // the next entry of the same sequence
			case !top.seq && !seq:
				// The next key of the same mapping. The parser's cost grows
				// with the square of a block mapping's keys (7 s for
				// 20,000).
				if blocks[n-1].keys++; blocks[n-1].keys > lim.MaxKeys {
					return errorAt(tok, "a mapping of more than %d keys", lim.MaxKeys)
				}
				return nil
			case top.seq && !seq:
				// A key at the column of a sequence that was a key's
				// value ends that sequence.
				blocks = blocks[:n-1]
				if n > 1 && blocks[n-2].col == col && !blocks[n-2].seq {
					if blocks[n-2].keys++; blocks[n-2].keys > lim.MaxKeys {
						return errorAt(tok, "a mapping of more than %d keys", lim.MaxKeys)
					}
					return nil
				}
			}
			// Otherwise a sequence written at its key's column is the
			// key's value: nested.
		}
		blocks = append(blocks, block{col: col, seq: seq, keys: 1})
		if d := len(blocks) + flow; d > lim.MaxDepth {
			return errorAt(tok, "collections nested more than %d deep", lim.MaxDepth)
		}
		return nil
	}
	for _, tok := range tokens {
		if tok.Position == nil || tok.Position.Line == directive {
			continue
		}
		switch tok.Type {
		case token.DirectiveType:
			directive = tok.Position.Line
			continue
		case token.CommentType, token.SpaceType:
			continue
		case token.DocumentHeaderType:
			if content {
				return errorAt(tok, "a second YAML document (---): a file holds one")
			}
			continue
		case token.DocumentEndType:
			ended = true
			continue
		}
		if ended {
			return errorAt(tok, "content after the end of the document (...): a file holds one")
		}
		content = true
		switch tok.Type {
		case token.MergeKeyType:
			return errorAt(tok, "merge keys (<<) are not supported: write the keys out")
		case token.TagType:
			return tagError(tok)
		case token.SequenceStartType, token.MappingStartType:
			if flow++; len(blocks)+flow > lim.MaxDepth {
				return errorAt(tok, "collections nested more than %d deep", lim.MaxDepth)
			}
		case token.SequenceEndType, token.MappingEndType:
			if flow > 0 {
				flow--
			}
		case token.SequenceEntryType:
			if flow == 0 {
				if err := indicator(tok, tok.Position.Column, true); err != nil {
					return err
				}
			}
		case token.MappingKeyType:
			if flow == 0 {
				if err := indicator(tok, tok.Position.Column, false); err != nil {
					return err
				}
			}
		case token.MappingValueType:
			// The key is the token before the colon, on the same line.
			if key := tok.Prev; flow == 0 && key != nil && key.Position != nil && key.Position.Line == tok.Position.Line {
				if err := indicator(key, key.Position.Column, false); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
