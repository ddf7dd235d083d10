package cli

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/rules"
)

// manifest is the layer manifest of the rule directories loaded: each
// root's layers.yaml, together (nil when none has one). A --layers
// directory without a manifest of its own is read by it.
func (r *ruleFlags) manifest() (*place.Manifest, error) {
	roots, err := r.roots()
	if err != nil {
		return nil, err
	}
	var out *place.Manifest
	for _, root := range roots {
		m, ok, err := place.ReadManifest(root.FS, place.ManifestFile)
		if err != nil {
			return nil, badInput("bad_rules", fmt.Errorf("%s: %w", root.Name, err))
		}
		if !ok {
			continue
		}
		m.File = root.Name + "/" + place.ManifestFile
		for i := range m.Layers {
			m.Layers[i].Manifest = m.File
		}
		if out, err = out.With(m); err != nil {
			return nil, badInput("bad_rules", err)
		}
	}
	return out, nil
}

// divisions is the divisions tables of the rule directories loaded,
// merged (empty when none has one).
func (r *ruleFlags) divisions() (*division.Table, error) {
	roots, err := r.roots()
	if err != nil {
		return nil, err
	}
	var out *division.Table
	for _, root := range roots {
		data, err := fs.ReadFile(root.FS, rules.DivisionsFile)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, badInput("bad_rules", err)
		}
		t, err := division.ParseTable(data, root.Name+"/"+rules.DivisionsFile)
		if err != nil {
			return nil, badInput("bad_rules", err)
		}
		if out, err = division.Merge(out, t); err != nil {
			return nil, badInput("bad_rules", err)
		}
	}
	return out, nil
}

// loadLayers loads a --layers directory by its own manifest or the rules'.
func (r *ruleFlags) loadLayers(dir string) (*place.Layers, error) {
	m, err := r.manifest()
	if err != nil {
		return nil, err
	}
	l, err := place.LoadDir(dir, place.WithDefaultManifest(m))
	if err != nil {
		return nil, badInput("bad_layers", fmt.Errorf("--layers: %w", err))
	}
	return l, nil
}

// layers loads the place layers of the rule directories loaded: a layer
// whose file its rule directory holds comes from there (a directory of
// notices from elsewhere brings its own layers), the others from the
// --layers directory dir, if given, by its own manifest or the rules'.
// It returns nil when there are none.
func (r *ruleFlags) layers(dir string) (*place.Layers, error) {
	roots, err := r.roots()
	if err != nil {
		return nil, err
	}
	var out *place.Layers
	var rest *place.Manifest
	for i, root := range roots {
		if i == 0 && r.embedded && dir == "" {
			// The embedded rule base's manifest names layers it does not
			// carry (TestEmbeddedManifestOnlyNames): it only describes a
			// --layers directory's files, so without one it adds nothing,
			// and a cold check need not parse it.
			continue
		}
		m, ok, err := place.ReadManifest(root.FS, place.ManifestFile)
		if err != nil {
			return nil, badInput("bad_rules", fmt.Errorf("%s: %w", root.Name, err))
		}
		if !ok {
			continue
		}
		m.File = root.Name + "/" + place.ManifestFile
		own := &place.Manifest{File: m.File}
		others := &place.Manifest{File: m.File}
		for _, l := range m.Layers {
			l.Manifest = m.File
			if _, err := fs.Stat(root.FS, l.File); err == nil {
				own.Layers = append(own.Layers, l)
			} else {
				others.Layers = append(others.Layers, l)
			}
		}
		if len(own.Layers) > 0 {
			l, err := place.LoadFS(root.FS, ".", place.WithManifest(own), place.WithLabel(root.Name))
			if err != nil {
				return nil, badInput("bad_layers", err)
			}
			if out, err = out.With(l); err != nil {
				return nil, badInput("bad_layers", err)
			}
		}
		if len(others.Layers) > 0 {
			if rest, err = rest.With(others); err != nil {
				return nil, badInput("bad_rules", err)
			}
		}
	}
	if dir != "" {
		l, err := place.LoadDir(dir, place.WithDefaultManifest(rest))
		if err != nil {
			return nil, badInput("bad_layers", fmt.Errorf("--layers: %w", err))
		}
		if out, err = out.With(l); err != nil {
			return nil, badInput("bad_layers", err)
		}
	}
	return out, nil
}

// placeOf is the query's place from --division and --town: the town, when
// both are given and it lies in the division (a name several divisions
// share is narrowed to the one inside it).
func placeOf(divs *division.Table, code, town string) (string, error) {
	switch {
	case code == "":
		return town, nil
	case town == "":
		return code, nil
	}
	c, err := division.Parse(code)
	if err != nil {
		return "", badInput("bad_place", fmt.Errorf("--division: %w", err))
	}
	var in []division.Code
	for _, t := range divs.Lookup(town) {
		if c.Covers(t) {
			in = append(in, t)
		}
	}
	switch len(in) {
	case 0:
		return "", badInput("bad_place", fmt.Errorf("--town %s is not a division within %s in the rules' divisions tables", town, divs.Label(c)))
	case 1:
		return in[0].String(), nil
	}
	return "", badInput("bad_place", fmt.Errorf("--town %s names %d divisions within %s: give its code with --division", town, len(in), divs.Label(c)))
}
