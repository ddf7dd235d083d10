// Package feast computes the days of holidays kept by other calendars than
// the Chinese one, from published arithmetic: Easter by the Gregorian
// computus (the "Anonymous Gregorian algorithm", Meeus, Astronomical
// Algorithms ch. 8) and by the Julian computus of the Orthodox churches;
// the Hebrew calendar by its fixed arithmetic (Reingold & Dershowitz,
// Calendrical Calculations, ch. 8); and the Islamic months of the Umm
// al-Qura calendar of Saudi Arabia, from a table generated from
// hijri-converter's published month starts; and the modern Hindu lunisolar
// and solar calendars (Reingold & Dershowitz ch. 18: the Surya Siddhanta's
// true Sun and Moon seen from Ujjain, tithi at sunrise, added and expunged
// months and days, lunar stations), checked against the book's sample data.
//
// A Rule names a day or a span of days from one of these: "easter+49"
// (Pentecost), "orthodox-easter-2", "easter-46..easter-1" (Lent),
// "hebrew 10 tishrei" (Yom Kippur), "hebrew 25 kislev..+7" (Hanukkah),
// "islamic 1 shawwal" (Eid al-Fitr), "hindu 30 ashvina sunset" (Diwali's
// Lakshmi Puja), "sankranti makara" (Pongal), "nakshatra 22 simha" (Onam).
// Words — the names callers use for these days — are data of the caller
// (the hotline's feasts.yaml), never of this package.
//
// Hebrew and Islamic days run from sunset to sunset. A Rule marked Eve
// begins on the civil day whose evening starts it (Yom Kippur 5774 is
// 2013-09-14 and begins on the evening of 2013-09-13); a Rule may also move
// a day that falls on given weekdays (Tisha B'Av on a Sabbath is kept on
// Sunday).
//
// The Hebrew calendar and Easter are exact for every year a calendar.Date
// holds; the Umm al-Qura table covers the Islamic years MinIslamicYear to
// MaxIslamicYear (1420–1499 AH, 1999–2076), and a rule outside it has no occurrence.
package feast
