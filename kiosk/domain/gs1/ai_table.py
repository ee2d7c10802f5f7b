"""The GS1 Application Identifier table: which AIs exist and what their data looks like.

Theory of operation: each row below is ``(ai or range, format, title)``. The
format is a space-separated list of components written as in the GS1 General
Specifications section 3.2: ``N14`` is exactly 14 digits, ``X..20`` is 1 to 20
characters of CSET 82, ``Y`` is CSET 39, ``Z`` is CSET 64 (base64url); a
component in ``[...]`` may be left out; ``/name`` after a component names a
content check (see ``element_string``): ``csum`` mod-10 check digit, ``date0``
YYMMDD where DD may be 00, ``date`` YYMMDD, ``hhmm``, ``iso4217`` numeric
currency, ``iso3166`` numeric country, ``yesno``, ``hyphen``, ``piece`` piece
of total, ``zero`` the digit 0. A range ``3100-3105`` expands to one AI per number.

An AI whose first two digits are in :data:`PREDEFINED_LENGTHS` (GS1 General
Specifications figure 7.8.5-2) never needs an FNC1/GS separator after it; every
other AI is followed by one unless it ends the element string. For 31nn-36nn
and 390n-395n the last digit of the AI is the number of decimal places.

The table is keyed by the AI string; the AI set is prefix-free, so a reader
tries 2, 3 and 4 leading digits and at most one of them is an AI.
"""

from __future__ import annotations

from dataclasses import dataclass

CSET82 = frozenset(
    "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
)
CSET39 = frozenset("#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
CSET64 = frozenset("-0123456789=ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")
DIGITS = frozenset("0123456789")
CHARSETS: dict[str, frozenset[str]] = {"N": DIGITS, "X": CSET82, "Y": CSET39, "Z": CSET64}

# First two digits of the AI -> length of the AI plus its data (figure 7.8.5-2).
PREDEFINED_LENGTHS: dict[str, int] = {
    "00": 20, "01": 16, "02": 16, "03": 16, "04": 18,
    "11": 8, "12": 8, "13": 8, "14": 8, "15": 8, "16": 8, "17": 8, "18": 8, "19": 8,
    "20": 4, "31": 10, "32": 10, "33": 10, "34": 10, "35": 10, "36": 10, "41": 16,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Component:
    """One part of an AI's data field: its character set, length bounds and checks."""

    charset: str
    min_length: int
    max_length: int
    optional: bool = False
    checks: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AiSpec:
    """What one Application Identifier's data must look like.

    Attributes:
        ai: the 2-4 digit identifier.
        title: the GS1 data title ("GTIN", "BEST BEFORE or BEST BY").
        components: the data field's parts, in order.
        predefined: no FNC1 separator is needed after this AI.
        decimals: implied decimal places (the AI's last digit) for measures and
            amounts, else None.
    """

    ai: str
    title: str
    components: tuple[Component, ...]
    predefined: bool
    decimals: int | None

    @property
    def min_length(self) -> int:
        return sum(c.min_length for c in self.components if not c.optional)

    @property
    def max_length(self) -> int:
        return sum(c.max_length for c in self.components)

    @property
    def fixed_length(self) -> int | None:
        """The data length when it cannot vary, else None."""
        return self.max_length if self.min_length == self.max_length else None


_N6 = "N6"
_PRICE_OR_COUNT = "N..15"
_ROWS: tuple[tuple[str, str, str], ...] = (
    ("00", "N18/csum", "SSCC"),
    ("01", "N14/csum", "GTIN"),
    ("02", "N14/csum", "CONTENT"),
    ("10", "X..20", "BATCH/LOT"),
    ("11", "N6/date0", "PROD DATE"),
    ("12", "N6/date0", "DUE DATE"),
    ("13", "N6/date0", "PACK DATE"),
    ("15", "N6/date0", "BEST BEFORE or BEST BY"),
    ("16", "N6/date0", "SELL BY"),
    ("17", "N6/date0", "USE BY or EXPIRY"),
    ("20", "N2", "VARIANT"),
    ("21", "X..20", "SERIAL"),
    ("22", "X..20", "CPV"),
    ("235", "X..28", "TPX"),
    ("240", "X..30", "ADDITIONAL ID"),
    ("241", "X..30", "CUST. PART No."),
    ("242", "N..6", "MTO VARIANT"),
    ("243", "X..20", "PCN"),
    ("250", "X..30", "SECONDARY SERIAL"),
    ("251", "X..30", "REF. TO SOURCE"),
    ("253", "N13/csum [X..17]", "GDTI"),
    ("254", "X..20", "GLN EXTENSION COMPONENT"),
    ("255", "N13/csum [N..12]", "GCN"),
    ("30", "N..8", "VAR. COUNT"),
    ("37", "N..8", "COUNT"),
    ("3900-3909", _PRICE_OR_COUNT, "AMOUNT"),
    ("3910-3919", "N3/iso4217 N..15", "AMOUNT"),
    ("3920-3929", _PRICE_OR_COUNT, "PRICE"),
    ("3930-3939", "N3/iso4217 N..15", "PRICE"),
    ("3940-3943", "N4", "PRCNT OFF"),
    ("3950-3955", _N6, "PRICE/UoM"),
    ("400", "X..30", "ORDER NUMBER"),
    ("401", "X..30", "GINC"),
    ("402", "N17/csum", "GSIN"),
    ("403", "X..30", "ROUTE"),
    ("410", "N13/csum", "SHIP TO LOC"),
    ("411", "N13/csum", "BILL TO"),
    ("412", "N13/csum", "PURCHASE FROM"),
    ("413", "N13/csum", "SHIP FOR LOC"),
    ("414", "N13/csum", "LOC No."),
    ("415", "N13/csum", "PAY TO"),
    ("416", "N13/csum", "PROD/SERV LOC"),
    ("417", "N13/csum", "PARTY"),
    ("420", "X..20", "SHIP TO POST"),
    ("421", "N3/iso3166 X..9", "SHIP TO POST"),
    ("422", "N3/iso3166", "ORIGIN"),
    ("423", "N..15", "COUNTRY - INITIAL PROCESS"),
    ("424", "N3/iso3166", "COUNTRY - PROCESS"),
    ("425", "N..15", "COUNTRY - DISASSEMBLY"),
    ("426", "N3/iso3166", "COUNTRY - FULL PROCESS"),
    ("427", "X..3", "ORIGIN SUBDIVISION"),
    ("4300-4301", "X..35", "SHIP TO NAME"),
    ("4302-4306", "X..70", "SHIP TO ADDRESS"),
    ("4307", "X2", "SHIP TO COUNTRY"),
    ("4308", "X..30", "SHIP TO PHONE"),
    ("4309", "N10 N10", "SHIP TO GEO"),
    ("4310-4311", "X..35", "RTN TO NAME"),
    ("4312-4316", "X..70", "RTN TO ADDRESS"),
    ("4317", "X2", "RTN TO COUNTRY"),
    ("4318", "X..20", "RTN TO POST"),
    ("4319", "X..30", "RTN TO PHONE"),
    ("4320", "X..35", "SRV DESCRIPTION"),
    ("4321-4323", "N1/yesno", "SHIPPING FLAG"),
    ("4324-4325", "N6/date0 N4/hhmm", "DELIVERY DATE/TIME"),
    ("4326", "N6/date", "REL DATE"),
    ("4330-4333", "N6 [X1/hyphen]", "TEMPERATURE"),
    ("7001", "N13", "NSN"),
    ("7002", "X..30", "MEAT CUT"),
    ("7003", "N6/date N4/hhmm", "EXPIRY TIME"),
    ("7004", "N..4", "ACTIVE POTENCY"),
    ("7005", "X..12", "CATCH AREA"),
    ("7006", "N6/date", "FIRST FREEZE DATE"),
    ("7007", "N6/date [N6/date]", "HARVEST DATE"),
    ("7008", "X..3", "AQUATIC SPECIES"),
    ("7009", "X..10", "FISHING GEAR TYPE"),
    ("7010", "X..2", "PROD METHOD"),
    ("7011", "N6/date [N4/hhmm]", "TEST BY DATE"),
    ("7020", "X..20", "REFURB LOT"),
    ("7021", "X..20", "FUNC STAT"),
    ("7022", "X..20", "REV STAT"),
    ("7023", "X..30", "GIAI - ASSEMBLY"),
    ("7030-7039", "N3 X..27", "PROCESSOR # s"),
    ("7040", "N1 X3", "UIC+EXT"),
    ("710-715", "X..20", "NHRN"),
    ("7230-7239", "X2 X..28", "CERT # s"),
    ("7240", "X..20", "PROTOCOL"),
    ("7241", "N2", "AIDC MEDIA TYPE"),
    ("7242", "X..25", "VCN"),
    ("8001", "N14", "DIMENSIONS"),
    ("8002", "X..20", "CMT No."),
    ("8003", "N1/zero N13/csum [X..16]", "GRAI"),
    ("8004", "X..30", "GIAI"),
    ("8005", _N6, "PRICE PER UNIT"),
    ("8006", "N14/csum N4/piece", "ITIP"),
    ("8007", "X..34", "IBAN"),
    ("8008", "N8 [N..4]", "PROD TIME"),
    ("8009", "X..50", "OPTSEN"),
    ("8010", "Y..30", "CPID"),
    ("8011", "N..12", "CPID SERIAL"),
    ("8012", "X..20", "VERSION"),
    ("8013", "X..25", "GMN"),
    ("8017", "N18/csum", "GSRN - PROVIDER"),
    ("8018", "N18/csum", "GSRN - RECIPIENT"),
    ("8019", "N..10", "SRIN"),
    ("8020", "X..25", "REF No."),
    ("8026", "N14/csum N4/piece", "ITIP CONTENT"),
    ("8030", "Z..90", "DIGSIG"),
    ("8110", "X..70", "COUPON CODE (North America)"),
    ("8111", "N4", "POINTS"),
    ("8112", "X..70", "COUPON POS OFFER (North America)"),
    ("8200", "X..70", "PRODUCT URL"),
    ("90", "X..30", "INTERNAL"),
    ("91-99", "X..90", "INTERNAL"),
)

# 31nn-36nn measures: three-digit prefix -> title; the fourth digit is the decimals (0-5).
_MEASURES: dict[str, str] = {
    "310": "NET WEIGHT (kg)", "311": "LENGTH (m)", "312": "WIDTH (m)", "313": "HEIGHT (m)",
    "314": "AREA (m²)", "315": "NET VOLUME (l)", "316": "NET VOLUME (m³)",
    "320": "NET WEIGHT (lb)", "321": "LENGTH (in)", "322": "LENGTH (ft)", "323": "LENGTH (yd)",
    "324": "WIDTH (in)", "325": "WIDTH (ft)", "326": "WIDTH (yd)", "327": "HEIGHT (in)",
    "328": "HEIGHT (ft)", "329": "HEIGHT (yd)",
    "330": "GROSS WEIGHT (kg)", "331": "LENGTH (m), log", "332": "WIDTH (m), log",
    "333": "HEIGHT (m), log", "334": "AREA (m²), log", "335": "VOLUME (l), log",
    "336": "VOLUME (m³), log", "337": "KG PER m²",
    "340": "GROSS WEIGHT (lb)", "341": "LENGTH (in), log", "342": "LENGTH (ft), log",
    "343": "LENGTH (yd), log", "344": "WIDTH (in), log", "345": "WIDTH (ft), log",
    "346": "WIDTH (yd), log", "347": "HEIGHT (in), log", "348": "HEIGHT (ft), log",
    "349": "HEIGHT (yd), log", "350": "AREA (in²)", "351": "AREA (ft²)", "352": "AREA (yd²)",
    "353": "AREA (in²), log", "354": "AREA (ft²), log", "355": "AREA (yd²), log",
    "356": "NET WEIGHT (t oz)", "357": "NET VOLUME (oz)", "360": "NET VOLUME (qt)",
    "361": "NET VOLUME (gal.)", "362": "VOLUME (qt), log", "363": "VOLUME (gal.), log",
    "364": "VOLUME (in³)", "365": "VOLUME (ft³)", "366": "VOLUME (yd³)",
    "367": "VOLUME (in³), log", "368": "VOLUME (ft³), log", "369": "VOLUME (yd³), log",
}  # fmt: skip
_DECIMAL_PREFIXES = ("390", "391", "392", "393", "394", "395")


def _component(text: str) -> Component:
    optional = text.startswith("[")
    text = text.strip("[]")
    spec, *checks = text.split("/")
    charset, length = spec[0], spec[1:]
    if length.startswith(".."):
        low, high = 1, int(length[2:])
    else:
        low = high = int(length)
    return Component(charset, 0 if optional else low, high, optional, tuple(checks))


def _expand(ais: str) -> list[str]:
    if "-" not in ais:
        return [ais]
    first, last = ais.split("-")
    return [str(n).zfill(len(first)) for n in range(int(first), int(last) + 1)]


def _spec(ai: str, fmt: str, title: str) -> AiSpec:
    has_decimals = len(ai) == 4 and (ai[:3] in _MEASURES or ai[:3] in _DECIMAL_PREFIXES)
    decimals = int(ai[3]) if has_decimals else None
    components = tuple(_component(part) for part in fmt.split())
    return AiSpec(ai, title, components, ai[:2] in PREDEFINED_LENGTHS, decimals)


def _build() -> dict[str, AiSpec]:
    table: dict[str, AiSpec] = {}
    for ais, fmt, title in _ROWS:
        for ai in _expand(ais):
            table[ai] = _spec(ai, fmt, title.replace("# s", f"# {ai[-1]}"))
    for prefix, title in _MEASURES.items():
        for decimals in range(6):
            table[prefix + str(decimals)] = _spec(prefix + str(decimals), _N6, title)
    return table


AI_TABLE: dict[str, AiSpec] = _build()


def find_ai(data: str, position: int = 0) -> AiSpec | None:
    """The AI that starts ``data`` at ``position``, or None if no known AI does."""
    for length in (2, 3, 4):
        spec = AI_TABLE.get(data[position : position + length])
        if spec is not None:
            return spec
    return None


def ai_spec(ai: str) -> AiSpec | None:
    """The spec of exactly ``ai`` ("01", "3103"), or None if it is not a known AI."""
    return AI_TABLE.get(ai)
