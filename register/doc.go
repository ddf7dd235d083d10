// Package register is the register of which documents of 祁阳市人民政府 are in
// force, built from 祁政发〔2024〕4号, 《祁阳市人民政府关于公布2024年规范性文件清理结果的决定》
// (decided and published 2024-08-20).
//
// The decision abolished one document (附件1, 废止), declared 46 invalid
// (附件2, 宣布失效) and confirmed 43 as continuing (附件3, 确认继续有效), each
// of those with a printed 失效时间. Embedded returns these 90 documents, the
// decision itself and the decision's general clause, transcribed as printed
// into the embedded register.yaml; where the print looks wrong the data is
// kept and the entry carries a note.
//
// Document numbers are parsed leniently (any bracket style, spaces,
// full-width digits, 号 optional) by ParseNumber and printed in the
// canonical form 祁政发〔2022〕4号.
//
// Status reports a document's state on a day:
//
//   - abolished and invalidated documents have that status from the day the
//     decision took effect (2024-08-20, 自公布之日起不再执行); before then
//     the register does not know whether they were in force, and says
//     unknown with a note;
//   - continued documents are in force until their printed 失效时间
//     inclusive, then expired; before the decision they were in force, since
//     their validity counts without a break, except that in the year of
//     their number the register cannot tell whether they had been made yet
//     (unknown) and before that year they were not yet in force;
//   - a number from 市人民政府 or 市人民政府办公室 (祁政发, 祁政办发, 祁政通,
//     祁政函, 祁政办函, the same codes 祁阳县 used) that the decision does not
//     list and whose year is before 2024 is invalidated from 2024-08-20 by
//     the general clause, with a note that this is inferred; the clause
//     covers documents made on or before 2024-06-30, so an unlisted 2024
//     number is unknown;
//   - anything else is unknown.
//
// Registers are immutable and safe for concurrent use. With adds documents
// known from encoded notices, such as 祁政通〔2024〕7号, and returns a new
// register.
package register
