package register_test

import (
	"fmt"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/register"
)

func ExampleParseNumber() {
	for _, s := range []string{"祁政发(2022)4号", "祁政通（２０２４）7", "祁政办发【2023】018号", "祁政发2022年4号"} {
		n, err := register.ParseNumber(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(n)
	}
	// Output:
	// 祁政发〔2022〕4号
	// 祁政通〔2024〕7号
	// 祁政办发〔2023〕18号
	// invalid document number "祁政发2022年4号": no year in brackets (want e.g. 祁政发〔2022〕4号)
}

func ExampleRegister_Status() {
	r, err := register.Embedded()
	if err != nil {
		fmt.Println(err)
		return
	}
	n := register.MustNumber("祁政发〔2019〕23号")
	for _, on := range []calendar.Date{calendar.MustDate(2024, 9, 19), calendar.MustDate(2024, 10, 1)} {
		st := r.Status(n, on)
		fmt.Println(on, st.Number, st.Status, "valid until", st.ValidUntil, "by", st.ChangedBy)
	}
	// Output:
	// 2024-09-19 祁政发〔2019〕23号 in_force valid until 2024-09-19 by 祁政发〔2024〕4号
	// 2024-10-01 祁政发〔2019〕23号 expired valid until 2024-09-19 by 祁政发〔2024〕4号
}

func ExampleRegister_Lookup() {
	r, err := register.Embedded()
	if err != nil {
		fmt.Println(err)
		return
	}
	// Not listed, but made by 市人民政府 before 2024: the general clause ended it.
	st, err := r.Lookup("祁政通(2019)3号", calendar.MustDate(2024, 10, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(st.Number, st.Status, st.ChangedBy)
	// Output:
	// 祁政通〔2019〕3号 invalidated 祁政发〔2024〕4号
}

func ExampleRegister_With() {
	base, err := register.Embedded()
	if err != nil {
		fmt.Println(err)
		return
	}
	from, until := calendar.MustDate(2024, 9, 8), calendar.MustDate(2025, 9, 7)
	r, err := base.With(register.Entry{
		Number:     register.MustNumber("祁政通〔2024〕8号"),
		Title:      "祁阳市人民政府关于切实维护2024年油茶采摘秩序的通告",
		ValidFrom:  &from,
		ValidUntil: &until,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Status(register.MustNumber("祁政通〔2024〕8号"), calendar.MustDate(2024, 10, 8)).Status)
	fmt.Println(r.Status(register.MustNumber("祁政通〔2024〕8号"), calendar.MustDate(2026, 11, 28)).Status)

	// A date that contradicts the printed 失效时间 is refused.
	wrong := calendar.MustDate(2028, 10, 17)
	_, err = base.With(register.Entry{Number: register.MustNumber("祁政通〔2023〕6号"), ValidFrom: &from, ValidUntil: &wrong})
	fmt.Println(err)
	// Output:
	// in_force
	// expired
	// register: entry 1: 祁政通〔2023〕6号: valid until "2028-10-17" conflicts with "2028-10-16" already in the register (附件3 序号35)
}
