//go:build !unix

package fsread

// oNonblock: no named pipes to guard against here.
const oNonblock = 0
