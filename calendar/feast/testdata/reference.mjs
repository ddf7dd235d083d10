// Writes hebrew.tsv and islamic.tsv, the reference days package feast's
// tests check its calendars against, from implementations written outside
// this project: @hebcal/core (the Hebrew calendar and Israel's observance
// rules) and ICU's "islamic-umalqura" calendar (Node's Intl, full ICU).
// Only dates are taken from them, as facts. ICU and hijri-converter (from
// which the package's table is generated) agree on every month of 1420–1450
// AH (1999–2029) and differ on several months of each year outside them,
// so islamic.tsv holds those years. Run where @hebcal/core is installed:
//   npm install @hebcal/core@6
//   node reference.mjs   (writes into the current directory)
import { writeFileSync } from "node:fs";
import { HebrewCalendar, HDate } from "@hebcal/core";

const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
const heb = ["# event\tday\t(@hebcal/core; il: Israel's observance, diaspora: outside Israel)"];
const want = {
  "Rosh Hashana": /^Rosh Hashana \d+$/, "Yom Kippur": /^Yom Kippur$/, "Sukkot I": /^Sukkot I$/,
  "Shmini Atzeret": /^Shmini Atzeret$/, "Pesach I": /^Pesach I$/, "Shavuot": /^Shavuot$/, "Tu BiShvat": /^Tu BiShvat$/,
  "Lag BaOmer": /^Lag BaOmer$/, "Tish'a B'Av": /^Tish'a B'Av$/, "Yom HaAtzma'ut": /^Yom HaAtzma'ut$/, "Purim": /^Purim$/,
};
for (let y = 1950; y <= 2100; y++) {
  for (const e of HebrewCalendar.calendar({ year: y, isHebrewYear: false, il: true })) {
    for (const [name, re] of Object.entries(want)) {
      if (re.test(e.getDesc())) heb.push(`${name} (il)\t${iso(e.getDate().greg())}`);
    }
  }
  for (const e of HebrewCalendar.calendar({ year: y, isHebrewYear: false, il: false })) {
    if (e.getDesc() === "Simchat Torah") heb.push(`Simchat Torah (diaspora)\t${iso(e.getDate().greg())}`);
  }
  const hy = new HDate(new Date(y, 11, 31)).getFullYear();
  for (const hyy of [hy - 1, hy]) {
    const d = new HDate(25, "Kislev", hyy).greg();
    if (d.getFullYear() === y) heb.push(`Chanukah day 1\t${iso(d)}`);
  }
}
writeFileSync("hebrew.tsv", heb.join("\n") + "\n");

const isl = [`# year\tmonth\tday\tGregorian\t(ICU ${process.versions.icu} islamic-umalqura: the first day of every month)`];
const fmt = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura", { year: "numeric", month: "numeric", day: "numeric", timeZone: "UTC" });
for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2030, 0, 1); t += 86400000) {
  const p = Object.fromEntries(fmt.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  const y = +p.year.replace(/\D/g, "");
  if (y >= 1420 && y <= 1450 && p.day === "1") isl.push(`${y}\t${p.month}\t${p.day}\t${new Date(t).toISOString().slice(0, 10)}`);
}
writeFileSync("islamic.tsv", isl.join("\n") + "\n");
