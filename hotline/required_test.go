package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
)

// TestRequiredWords checks what the breach phrases are read to require:
// the thing after the negator, with the words before it as the subject
// the call must say; never an A-not-A question's half, nor a thing that is
// an act of its own.
func TestRequiredWords(t *testing.T) {
	h := newTestHotline(t)
	requires := func(thing, subject, activity string) bool {
		for k, th := range h.p.requiredThings {
			if th != thing {
				continue
			}
			for _, r := range h.p.required[k] {
				if r.subject == subject && r.w.activity.ID == activity {
					return true
				}
			}
		}
		return false
	}
	for _, tc := range []struct {
		thing, subject, activity string
		want                     bool
	}{
		{"盖篷布", "", "cw_transport_unsealed", true},
		{"洒水", "拆房子", "dry_demolition", true},
		{"装喷淋", "工地", "site_without_sprinklers", true},
		// 有没有职工医保 asks; 要不要回老家再交 too
		{"职工医保", "有", "enrol_while_employed", false},
		// 一点火都不能见: more before the negator than a subject
		{"能见", "一点火都", "outdoor_fire", false},
	} {
		require.Equal(t, tc.want, requires(tc.thing, tc.subject, tc.activity), "%s %s %s", tc.subject, tc.thing, tc.activity)
	}
}

// TestRequiredAsked checks which calls ask whether a required thing must
// be done: a question, with the asking word right before the thing.
func TestRequiredAsked(t *testing.T) {
	h := newTestHotline(t)
	for _, tc := range []struct {
		said, want string
	}{
		{"城里拉渣土要不要盖篷布", "cw_transport_unsealed"},
		{"拆房子一定要洒水吗", "dry_demolition"},
		{"工地要装喷淋设备不", "site_without_sprinklers"},
		{"拉渣土要盖篷布？", "cw_transport_unsealed"},
		// a plan told, no question
		{"我明天拉渣土要盖篷布，然后去倒", ""},
		// no asking word right before the thing
		{"盖篷布要紧不", ""},
		// the subject not said
		{"要洒水吗", ""},
	} {
		rd := h.p.read(tc.said, calendar.MustDate(2025, 4, 1))
		got := ""
		for _, a := range rd.acts {
			if a.required {
				got = a.w.activity.ID
			}
		}
		require.Equal(t, tc.want, got, tc.said)
	}
}
