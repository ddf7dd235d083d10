package main

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
