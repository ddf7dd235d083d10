# Writes easter.tsv: Western and Orthodox Easter Sunday of 1900–2200 as
# python-dateutil computes them (dateutil.easter, an implementation
# independent of package feast's). Run: python3 easter.py > easter.tsv
import dateutil
from dateutil.easter import easter, EASTER_WESTERN, EASTER_ORTHODOX

print(f"# year\twestern\torthodox\t(python-dateutil {dateutil.__version__})")
for y in range(1900, 2201):
    print(f"{y}\t{easter(y, EASTER_WESTERN)}\t{easter(y, EASTER_ORTHODOX)}")
