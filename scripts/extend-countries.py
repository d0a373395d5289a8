#!/usr/bin/env python3
"""Prints countries.tsv rows for every country of GeoNames' countryInfo.txt that
lexicons/countries.tsv does not list yet, so that actor labels, ISO numbers and ACLED
regions are right for events anywhere, not only in the Sahel rows written by hand.

    python3 scripts/extend-countries.py ../shared/data/geonames/countryInfo.txt \
        crates/veille-geoparse/data/demonyms.tsv lexicons/countries.tsv >> lexicons/countries.tsv

Names: GeoNames' English name, except where ACLED writes the country otherwise (ACLED_NAMES).
Regions: ACLED's regions (REGIONS). Demonyms: the geoparser's demonyms.tsv entries for the
code, or the folded country name when it has none.
"""
import sys
import unicodedata

# ACLED's spelling where it differs from GeoNames' English name.
ACLED_NAMES = {
    "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "CI": "Ivory Coast",
    "CV": "Cape Verde", "CZ": "Czech Republic", "FM": "Micronesia", "GM": "Gambia",
    "IR": "Iran", "KP": "North Korea", "KR": "South Korea", "LA": "Laos", "MD": "Moldova",
    "MK": "North Macedonia", "PS": "Palestine", "RU": "Russia", "SY": "Syria", "SZ": "eSwatini",
    "TZ": "Tanzania", "VA": "Vatican City", "VN": "Vietnam", "BO": "Bolivia", "VE": "Venezuela",
    "BN": "Brunei", "TL": "East Timor", "MM": "Myanmar", "BS": "Bahamas", "TW": "Taiwan",
    "XK": "Kosovo", "VG": "British Virgin Islands", "VI": "Virgin Islands, U.S.",
    "SX": "Sint Maarten", "MF": "Saint-Martin", "BL": "Saint-Barthelemy", "CW": "Curacao",
    "RE": "Reunion", "PN": "Pitcairn", "SH": "Saint Helena, Ascension and Tristan da Cunha",
    "FK": "Falkland Islands", "HK": "China", "MO": "China",
}

GROUPS = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW IO TF",
    "Southern Africa": "BW SZ LS NA ZA",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Middle East": "BH CY IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK MO JP KP KR MN TW",
    "Europe": "AD AL AT AX BA BE BG BY CH CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE XK LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA",
    "North America": "US CA GL PM BM",
    "Central America": "BZ CR SV GT HN MX NI PA",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE GS",
    "Caribbean": "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
    "Oceania": "AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV UM VU WF CX CC HM",
    "Antarctica": "AQ BV",
}
REGIONS = {code: region for region, codes in GROUPS.items() for code in codes.split()}


def fold(text):
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def main(country_info, demonyms_path, existing_path):
    existing = {
        line.split("\t")[0]
        for line in open(existing_path, encoding="utf-8")
        if line.strip() and not line.startswith("#")
    }
    demonyms = {}
    for line in open(demonyms_path, encoding="utf-8"):
        if line.startswith("#") or "\t" not in line:
            continue
        word, code = line.rstrip("\n").split("\t")[:2]
        # Abbreviations ("uk", "u k") name the country in place names, not its people.
        if len(word) > 3 and code.isalpha() and len(code) == 2:
            demonyms.setdefault(code.upper(), []).append(word.strip())
    for line in open(country_info, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        code, iso3, numeric, name = cols[0], cols[1], cols[2], cols[4]
        if code in existing or code not in REGIONS:
            continue
        acled = ACLED_NAMES.get(code, name)
        # The names expand every "{dem}" alias of actors.toml (some 120 of them): the
        # peoples' adjectives are what news writes ("Turkish troops"); the country's own
        # name is kept only for a country with no adjective, to keep the automaton small.
        # A name with a comma ("Virgin Islands, U.S.") would be cut at the column's
        # separator, and its pieces ("u.s.") would name another country.
        names = []
        for n in demonyms.get(code, []) or [fold(name), fold(acled)]:
            if n not in names and "," not in n:
                names.append(n)
        print("\t".join([code, str(int(numeric)), iso3, acled, REGIONS[code], ",".join(names)]))


if __name__ == "__main__":
    main(*sys.argv[1:4])
