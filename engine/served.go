package engine

// FirstApplyingNotice is the document number of the first reason that
// applies, or "" when none does — what a server counts decisions by —
// read without copying the reasons (Reason(k) makes a fresh copy).
func (d *Decision) FirstApplyingNotice() string {
	if m := d.mergedParts(); m != nil {
		for _, r := range m.reasons {
			if r.Status == statusNames[applies] {
				return r.Notice
			}
		}
		return ""
	}
	for k := range d.reasons {
		if rs := &d.reasons[k]; rs.status == applies {
			return d.p.info[rs.rule].citation.Notice
		}
	}
	return ""
}
