package register

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

func TestParseNumber(t *testing.T) {
	want := Number{Prefix: "祁政发", Year: 2022, Serial: 4}
	tests := []struct {
		in   string
		want Number
	}{
		{"祁政发〔2022〕4号", want},
		{"祁政发(2022)4号", want},
		{"祁政发 (2022) 4号", want}, // as printed in 附件1
		{"祁政发（2022）4号", want},
		{"祁政发[2022]4号", want},
		{"祁政发【2022】4号", want},
		{"祁政发［2022］4号", want},
		{"祁政发﹝2022﹞4号", want},
		{"祁政发〖2022〗4号", want},
		{"祁政发（2022)4号", want},  // mixed widths
		{"祁政发〔2022〕4 号", want}, // as printed in the decision
		{"  祁政发\u3000〔２０２２〕４号\t", want},
		{"祁政发〔2022〕4", want},
		{"祁政发〔2022〕04号", want},
		{"祁政发〔2022〕4號", want},
		{"祁 政 发〔2022〕4号", want},
		{"祁政办函〔2024〕22 号", Number{"祁政办函", 2024, 22}},
		{"湘祁新出准字〔2015〕4号", Number{"湘祁新出准字", 2015, 4}},
		{"祁政通〔2024〕999999号", Number{"祁政通", 2024, 999999}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseNumber(tt.in)
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestNumberString(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"祁政发(2022)4号", "祁政发〔2022〕4号"},
		{"祁政通（2024）7 号", "祁政通〔2024〕7号"},
		{"祁政办发【2023】０１８", "祁政办发〔2023〕18号"},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, MustNumber(tt.in).String(), tt.in)
	}
	require.Equal(t, "", Number{}.String())
	require.True(t, Number{}.IsZero())
}

func TestParseNumberErrors(t *testing.T) {
	tests := []struct {
		in, wantErr string
	}{
		{"", "empty"},
		{"   ", "empty"},
		{"祁政发2022-4号", "no year in brackets"},
		{"〔2022〕4号", "missing issuer code"},
		{"QZF〔2022〕4号", "must be Chinese characters"},
		{"祁政发1〔2022〕4号", "must be Chinese characters"},
		{"祁政发〔22〕4号", "year must be four digits"},
		{"祁政发〔20222〕4号", "year must be four digits"},
		{"祁政发〔二〇二二〕4号", "year must be four digits"},
		{"祁政发〔1900〕4号", "before 1949"},
		{"祁政发〔2022-4号", "missing closing bracket"},
		{"祁政发〔2022〕号", "missing serial"},
		{"祁政发〔2022〕四号", "missing serial"},
		{"祁政发〔2022〕0号", "at least 1"},
		{"祁政发〔2022〕1234567号", "longer than 6 digits"},
		{"祁政发〔2022〕4号文", `unexpected "文"`},
		{"祁政发〔2022〕4号号", `unexpected "号"`},
		{"祁政发〔2022〕4-1号", `unexpected "-1号"`},
		{"一二三四五六七八九十一二三四五六七〔2022〕4号", "longer than 16"},
		{"祁政发〔2022〕\xff号", "not valid UTF-8"},
		{strings.Repeat("祁", 100), "too long"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := ParseNumber(tt.in)
			require.ErrorIs(t, err, ErrInvalidNumber)
			require.ErrorContains(t, err, tt.wantErr)
		})
	}
}

func TestNumberText(t *testing.T) {
	var n Number
	require.NoError(t, n.UnmarshalText([]byte("祁政通(2024)8号")))
	b, err := n.MarshalText()
	require.NoError(t, err)
	require.Equal(t, "祁政通〔2024〕8号", string(b))
	require.ErrorIs(t, n.UnmarshalText([]byte("8号")), ErrInvalidNumber)
	require.Equal(t, "祁政通〔2024〕8号", n.String(), "a failed UnmarshalText leaves n unchanged")
}

// FuzzParseNumber checks that the parser never panics, that what it accepts
// prints in canonical form, and that the canonical form parses to the same
// number.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{
		"祁政发〔2022〕4号", "祁政发 (2022) 4号", "祁政通（2024）7 号", "祁政办发【2023】０１８",
		"祁政发〔2022〕4", "〔2022〕4号", "祁政发〔二〇二二〕4号", "祁政发((2022))4号", "", "号",
		"祁政发〔2022〕4号文", "\xff", "祁\u3000政发〔2022〕004號",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		if err != nil {
			if !strings.Contains(err.Error(), ErrInvalidNumber.Error()) {
				t.Fatalf("ParseNumber(%q) error %q does not wrap ErrInvalidNumber", s, err)
			}
			return
		}
		c := n.String()
		if !utf8.ValidString(c) || !strings.Contains(c, "〔") || !strings.HasSuffix(c, "号") {
			t.Fatalf("ParseNumber(%q) = %q, not canonical", s, c)
		}
		again, err := ParseNumber(c)
		if err != nil || again != n {
			t.Fatalf("canonical %q of %q reparses to %+v, %v", c, s, again, err)
		}
	})
}
