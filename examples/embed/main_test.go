package main

func Example() {
	main()
	// Output:
	// 烧田埂 2024-10-03 forbidden
	//   祁政通〔2024〕7号 三 严禁农事活动时烧灰积肥、炼山、烧地坎草、烧田埂；
}
