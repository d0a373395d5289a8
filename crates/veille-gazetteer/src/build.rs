//! Builds `gazetteer.bin` from a directory of GeoNames files.
//!
//! Input directory (`--from DIR`), file names as GeoNames publishes them:
//!
//! | file | required | content |
//! |---|---|---|
//! | `allCountries.txt`, `citiesNNN.txt`, `XX.txt` | at least one | 19-column GeoNames dumps; a place in several files is taken once (the fuller record wins, alternate names are merged) |
//! | `admin1CodesASCII.txt` | yes | `CC.A1 <TAB> name <TAB> asciiname <TAB> geonameid` |
//! | `admin2Codes.txt` | yes | `CC.A1.A2 <TAB> name <TAB> asciiname <TAB> geonameid` |
//! | `countryInfo.txt` | yes | GeoNames country table (`#` comments) |
//! | `localizedNames.txt` | no | `target <TAB> lang <TAB> name`: `fr`/`en` names are [`NameKind::Localized`], other languages [`NameKind::Alternate`] |
//! | `centroids.txt` | no | `target <TAB> latitude <TAB> longitude [<TAB> note]`: coordinates for countries and admin units that no dump locates |
//! | `boundaries/*.geojson` | no | admin polygons with properties `admin1`, `admin2` (optional `admin3`) and `country_code` (else the file name starts with the ISO alpha-2 or alpha-3 code and `_`) |
//! | `admin1Shapes.geojson` | no | first-level outlines of the world, properties `country_code`, `admin1` and `geonames_id` (the GeoNames admin1 unit drawn, if any): the admin1 of places whose admin1 code is empty or unknown to the code table, in countries without `boundaries/` polygons |
//! | `adminTerms.tsv` | no | more generic admin words, as `data/admin-terms.tsv` |
//! | `admin1Acled.tsv` | no | replaces the built-in `data/admin1-acled.tsv`: `country <TAB> admin1 <TAB> ACLED admin1`; empty, current names |
//! | `admin2Acled.tsv` | no | replaces the built-in `data/admin2-acled.tsv`: `country <TAB> admin1 <TAB> admin2 <TAB> ACLED admin2`, the admin2 name given to places whose admin names (after polygon assignment) are that country, admin1 and admin2; empty, current names |
//!
//! A `target` is a GeoNames id, an ISO alpha-2 country code, or a GeoNames
//! admin code (`ML.08`, `ML.08.8631536`). `scripts/gazetteer-sources.sh`
//! assembles such a directory; `docs/gazetteer.md` describes the sources.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::BufRead;
use std::path::{Path, PathBuf};

use crate::admin_table::{AdminTable, Level};
use crate::format::*;
use crate::polygon::{geometry_polygons, AdminShape};
use crate::{GazetteerError, NameKind};

/// What to build from where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Directory of GeoNames files (see the module doc).
    pub from: PathBuf,
    /// Asset to write (written to a temporary file, then renamed).
    pub out: PathBuf,
    /// A point this close (km) outside every polygon of its country is given
    /// the nearest polygon's admin names: simplified outlines cut off border
    /// villages.
    pub snap_km: f64,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            from: PathBuf::new(),
            out: PathBuf::new(),
            snap_km: 5.0,
        }
    }
}

/// Counts of one build.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    /// (file name, rows read), in the order read.
    pub sources: Vec<(String, usize)>,
    pub places: usize,
    /// Rows seen again in a later dump and merged.
    pub duplicates: usize,
    pub countries: usize,
    /// (key, place) pairs in the index.
    pub postings: usize,
    pub keys: usize,
    /// Places whose admin names come from a polygon they lie in.
    pub admin_in_polygon: usize,
    /// Places snapped to a polygon within `snap_km`.
    pub admin_snapped: usize,
    /// Places of a polygon country outside every polygon (names from codes).
    pub admin_outside: usize,
    /// Places whose admin1 comes from `admin1Shapes.geojson`, no admin1 code
    /// of theirs being in the code table.
    pub admin1_by_world_outline: usize,
    /// Admin units / countries located from `centroids.txt`.
    pub located_by_centroid: usize,
    /// Admin2 units located inside the polygon of the same name.
    pub located_by_polygon: usize,
    /// Admin units / countries located at the median of their places.
    pub located_by_places: usize,
    /// Second-level units with no place coded inside them, located at the
    /// town of their name in their first-level unit.
    pub located_at_namesake: usize,
    /// Places left at (0, 0): no dump feature, centroid or member place.
    pub no_coordinates: usize,
    /// Lines of `localizedNames.txt` / `centroids.txt` whose target is unknown.
    pub unknown_targets: usize,
    /// The admin2 table applied (`data/admin2-acled.tsv` or `DIR/admin2Acled.tsv`).
    pub admin2_table: PathBuf,
    pub admin2_table_rows: usize,
    /// Places (admin units included) whose admin2 name the table changed.
    pub admin2_renamed: usize,
    /// "CC / admin1 / admin2" → places of a country of the table whose admin2
    /// no row covers: they keep the current name.
    pub admin2_not_in_table: BTreeMap<String, usize>,
    /// Table rows of countries with no place in this build.
    pub admin2_rows_skipped: usize,
    /// Rows of the admin1 table (`data/admin1-acled.tsv` or `DIR/admin1Acled.tsv`).
    pub admin1_table_rows: usize,
    /// Places (admin units included) whose admin1 name the table changed.
    pub admin1_renamed: usize,
    pub admin1_rows_skipped: usize,
    pub bytes: usize,
}

/// One place as read from the dumps and tables.
#[derive(Debug, Clone, Default)]
struct Raw {
    id: u32,
    name: String,
    ascii: String,
    alternates: Vec<String>,
    coord: Option<(f64, f64)>,
    class: u8,
    code: String,
    cc: String,
    a1: String,
    a2: String,
    a3: String,
    population: u64,
    modified: String,
    fullness: usize,
    extra: Vec<(String, NameKind)>,
}

struct Country {
    code: String,
    iso3: String,
    numeric: u16,
    name: String,
    name_fr: String,
    geonames_id: Option<u32>,
    population: u64,
}

struct AdminEntry {
    name: String,
    ascii: String,
    geonames_id: u32,
}

/// Builds the asset described by `options`.
pub fn build(options: &BuildOptions) -> Result<BuildReport, GazetteerError> {
    let dir = &options.from;
    let mut report = BuildReport::default();
    let io = |path: &Path| {
        let path = path.to_owned();
        move |error| GazetteerError::Io { path, error }
    };

    let mut dumps = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let entry = entry.map_err(io(dir))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_dump_name(&name) {
            dumps.push(entry.path());
        }
    }
    dumps.sort();
    if dumps.is_empty() {
        return Err(GazetteerError::Input {
            path: dir.clone(),
            message: "no GeoNames dump (allCountries.txt, citiesNNN.txt or XX.txt)".into(),
        });
    }

    let mut places: HashMap<u32, Raw> = HashMap::new();
    for path in &dumps {
        let rows = read_dump(path, &mut places, &mut report.duplicates)?;
        report.sources.push((file_name(path), rows));
    }

    let admin1 = read_admin_codes(&dir.join("admin1CodesASCII.txt"), 1, &mut report)?;
    let admin2 = read_admin_codes(&dir.join("admin2Codes.txt"), 2, &mut report)?;
    let mut countries = read_country_info(&dir.join("countryInfo.txt"), &mut report)?;

    // Admin units and countries are places in their own right, even when no
    // dump holds their feature.
    for (code, entry) in admin1.iter().chain(admin2.iter()) {
        let parts: Vec<&str> = code.split('.').collect();
        let level = parts.len() - 1;
        let raw = places.entry(entry.geonames_id).or_insert_with(|| Raw {
            id: entry.geonames_id,
            name: entry.name.clone(),
            ascii: entry.ascii.clone(),
            class: b'A',
            code: format!("ADM{level}"),
            cc: parts[0].to_string(),
            a1: parts[1].to_string(),
            a2: parts.get(2).map_or(String::new(), |s| s.to_string()),
            ..Raw::default()
        });
        raw.extra.push((entry.name.clone(), NameKind::Primary));
        raw.extra.push((entry.ascii.clone(), NameKind::Primary));
    }
    for country in &countries {
        let Some(id) = country.geonames_id else {
            continue;
        };
        let raw = places.entry(id).or_insert_with(|| Raw {
            id,
            name: country.name.clone(),
            ascii: country.name.clone(),
            class: b'A',
            code: "PCLI".into(),
            cc: country.code.clone(),
            ..Raw::default()
        });
        if raw.population == 0 {
            raw.population = country.population;
        }
        raw.extra.push((country.name.clone(), NameKind::Localized));
    }

    let resolver = Resolver {
        admin1: &admin1,
        admin2: &admin2,
        countries: &countries,
    };

    let localized = dir.join("localizedNames.txt");
    if localized.exists() {
        let rows = for_each_row(&localized, &mut report, |_, fields| {
            if fields.len() != 3 {
                return Err(format!("expected 3 tab-separated fields, found {}", fields.len()));
            }
            Ok(Some((
                fields[0].to_string(),
                fields[1].to_string(),
                fields[2].to_string(),
            )))
        })?;
        let resolved: Vec<(Option<u32>, String, String)> = rows
            .into_iter()
            .map(|(target, lang, name)| (resolver.resolve(&target), lang, name))
            .collect();
        for (id, lang, name) in resolved {
            let Some(raw) = id.and_then(|id| places.get_mut(&id)) else {
                report.unknown_targets += 1;
                continue;
            };
            let kind = if lang == "fr" || lang == "en" {
                NameKind::Localized
            } else {
                NameKind::Alternate
            };
            if lang == "fr" {
                if let Some(c) = countries
                    .iter_mut()
                    .find(|c| c.geonames_id == Some(raw.id) && c.name_fr.is_empty())
                {
                    c.name_fr = name.clone();
                }
            }
            raw.extra.push((name, kind));
        }
    }

    let resolver = Resolver {
        admin1: &admin1,
        admin2: &admin2,
        countries: &countries,
    };
    let centroids = dir.join("centroids.txt");
    if centroids.exists() {
        let rows = for_each_row(&centroids, &mut report, |_, fields| {
            if fields.len() < 3 {
                return Err(format!(
                    "expected target, latitude, longitude; found {} fields",
                    fields.len()
                ));
            }
            let lat = parse_coord(fields[1], 90.0).ok_or("latitude is not a number in [-90, 90]")?;
            let lon = parse_coord(fields[2], 180.0).ok_or("longitude is not a number in [-180, 180]")?;
            Ok(Some((fields[0].to_string(), lat, lon)))
        })?;
        for (target, lat, lon) in rows {
            match resolver.resolve(&target).and_then(|id| places.get_mut(&id)) {
                Some(raw) if raw.coord.is_none() => {
                    raw.coord = Some((lat, lon));
                    report.located_by_centroid += 1;
                }
                Some(_) => {}
                None => report.unknown_targets += 1,
            }
        }
    }

    fill_admin_populations(&mut places);
    let terms = AdminTerms::load(dir)?;
    // Read before the long passes, so that a bad row fails fast.
    let admin2_table = AdminTable::load(Level::Admin2, dir)?;
    let admin1_table = AdminTable::load(Level::Admin1, dir)?;
    let shapes = read_boundaries(&dir.join("boundaries"), &countries)?;
    let world_admin1 = WorldAdmin1::load(dir, &countries, &admin1, &shapes)?;
    locate_unplaced(&mut places, &shapes, &terms, &mut report);

    // Places in id order: the record order, and a deterministic pass order.
    let mut ids: Vec<u32> = places.keys().copied().collect();
    ids.sort_unstable();
    let ordered: Vec<Raw> = ids.iter().map(|id| places.remove(id).unwrap()).collect();
    drop(places);

    let mut admins = assign_admins(
        &ordered,
        &admin1,
        &admin2,
        Outlines {
            shapes: &shapes,
            world: &world_admin1,
        },
        &terms,
        options.snap_km,
        &mut report,
    );
    // After the polygons: the tables are keyed by the names they gave, the
    // admin2 table by the admin1 names before the admin1 table renames them.
    let mut rename = |table: &AdminTable| {
        table.apply(
            ordered
                .iter()
                .zip(admins.iter_mut())
                .map(|(raw, names)| (raw.cc.as_str(), &mut names.admin1, &mut names.admin2)),
        )
    };
    let applied = rename(&admin2_table)?;
    report.admin2_table = admin2_table.path().to_owned();
    report.admin2_table_rows = admin2_table.len();
    report.admin2_renamed = applied.renamed;
    report.admin2_not_in_table = applied.unmatched;
    report.admin2_rows_skipped = applied.skipped_rows;
    let applied = rename(&admin1_table)?;
    report.admin1_table_rows = admin1_table.len();
    report.admin1_renamed = applied.renamed;
    report.admin1_rows_skipped = applied.skipped_rows;
    // A first-level unit is found under the name its places now carry, as
    // the geoparser looks a place's admin1 up to reach its unit.
    for (raw, names) in ordered.iter().zip(admins.iter_mut()) {
        if raw.class == b'A' && raw.code == "ADM1" && names.alias.is_none() && names.admin1 != raw.name {
            names.alias = Some(names.admin1.clone());
        }
    }

    // Names.
    let mut entries: Vec<(String, u32, NameKind)> = Vec::new();
    let mut key = String::new();
    for (index, raw) in ordered.iter().enumerate() {
        let index = index as u32;
        let mut add = |name: &str, kind: NameKind, entries: &mut Vec<(String, u32, NameKind)>| {
            veille_text::fold_into(name, &mut key);
            if key.is_empty() {
                return;
            }
            // Countries keep their whole names: "United States" is not "united".
            if raw.class == b'A' && !raw.code.starts_with("PCL") {
                for core in terms.cores(&key) {
                    entries.push((core, index, kind));
                }
            }
            entries.push((key.clone(), index, kind));
        };
        add(&raw.name, NameKind::Primary, &mut entries);
        add(&raw.ascii, NameKind::Primary, &mut entries);
        if let Some(alias) = &admins[index as usize].alias {
            add(alias, NameKind::Localized, &mut entries);
        }
        for alt in &raw.alternates {
            if keep_alternate(alt) {
                add(alt, NameKind::Alternate, &mut entries);
            }
        }
        for (name, kind) in &raw.extra {
            let keep = match kind {
                NameKind::Primary => true,
                NameKind::Localized => is_latin(name),
                NameKind::Alternate => keep_alternate(name),
            };
            if keep {
                add(name, *kind, &mut entries);
            }
        }
    }
    entries.sort_unstable();
    entries.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);
    report.postings = entries.len();

    let mut postings: Vec<u8> = Vec::new();
    let mut names_fst = fst::MapBuilder::memory();
    // Each country's keys get a transducer of their own, for near-spelling searches in
    // one country: gathered here, where the places of a key are at hand, rather than
    // at run time by a walk of the world's keys (1.4 G instructions, once per process).
    // A country's keys are noted as the index of their first entry, and each country's
    // transducer built in turn: a builder per country at once took 150 MB more.
    let place_country: Vec<[u8; 2]> = ordered.iter().map(|raw| stored_country(&raw.cc)).collect();
    let mut keys_by_country: BTreeMap<[u8; 2], Vec<usize>> = BTreeMap::new();
    let mut codes = Vec::new();
    let mut i = 0;
    while i < entries.len() {
        let mut j = i + 1;
        while j < entries.len() && entries[j].0 == entries[i].0 {
            j += 1;
        }
        let group = &entries[i..j];
        codes.clear();
        codes.extend(group.iter().map(|(_, place, _)| place_country[*place as usize]));
        codes.sort_unstable();
        codes.dedup();
        for code in &codes {
            keys_by_country.entry(*code).or_default().push(i);
        }
        let value = if group.len() == 1 {
            INLINE_BIT | u64::from(group[0].1 << 2 | group[0].2.bits())
        } else {
            let offset = postings.len() as u64;
            postings.extend_from_slice(&(group.len() as u32).to_le_bytes());
            for (_, place, kind) in group {
                postings.extend_from_slice(&(place << 2 | kind.bits()).to_le_bytes());
            }
            offset
        };
        names_fst
            .insert(&group[0].0, value)
            .expect("keys are inserted sorted and distinct");
        report.keys += 1;
        i = j;
    }
    let country_keys_fsts = keys_by_country
        .into_iter()
        .map(|(code, firsts)| {
            let mut keys = fst::MapBuilder::memory();
            for i in firsts {
                keys.insert(&entries[i].0, 0)
                    .expect("keys are inserted sorted and distinct");
            }
            (code, keys.into_inner().expect("in-memory fst"))
        })
        .collect();

    // Countries: sorted by code; names from every name of the country place.
    countries.sort_by(|a, b| a.code.cmp(&b.code));
    let place_index: HashMap<u32, u32> = ordered.iter().enumerate().map(|(i, r)| (r.id, i as u32)).collect();
    let country_of_place: HashMap<u32, usize> = countries
        .iter()
        .enumerate()
        .filter_map(|(ci, c)| Some((*place_index.get(&c.geonames_id?)?, ci)))
        .collect();
    let mut country_keys: BTreeMap<String, (NameKind, usize)> = BTreeMap::new();
    let mut offer = |key: String, kind: NameKind, ci: usize| {
        if key.is_empty() {
            return;
        }
        let slot = country_keys.entry(key).or_insert((kind, ci));
        if (kind, ci) < *slot {
            *slot = (kind, ci);
        }
    };
    for (ci, c) in countries.iter().enumerate() {
        offer(veille_text::fold(&c.name), NameKind::Localized, ci);
        offer(veille_text::fold(&c.name_fr), NameKind::Localized, ci);
    }
    for (k, place, kind) in &entries {
        if let Some(&ci) = country_of_place.get(place) {
            offer(k.clone(), *kind, ci);
        }
    }
    let mut country_fst = fst::MapBuilder::memory();
    for (k, (_, ci)) in &country_keys {
        country_fst.insert(k, *ci as u64).expect("sorted keys");
    }
    report.countries = countries.len();
    report.places = ordered.len();
    drop(entries);

    // Records.
    let mut pool = Pool::default();
    let fcode_set: BTreeSet<&str> = ordered.iter().map(|r| r.code.as_str()).collect();
    let fcode_index: HashMap<&str, u16> = fcode_set.iter().enumerate().map(|(i, c)| (*c, i as u16)).collect();
    let mut fcodes = Vec::new();
    for code in &fcode_set {
        fcodes.extend_from_slice(&pool.add(code).to_le_bytes());
    }
    let mut admin_table = Vec::new();
    let mut admin_ids: HashMap<[u32; 6], u32> = HashMap::new();
    let mut records = Vec::with_capacity(ordered.len() * PLACE_LEN);
    for (raw, names) in ordered.iter().zip(&admins) {
        let cc = country_bytes::<2>(&raw.cc);
        let fields = [
            u32::from_le_bytes([cc[0], cc[1], 0, 0]),
            pool.add(&raw.a1),
            pool.add(&raw.a2),
            pool.add(&names.admin1),
            pool.add(&names.admin2),
            pool.add(&names.admin3),
        ];
        let next = admin_ids.len() as u32;
        let admin_id = *admin_ids.entry(fields).or_insert_with(|| {
            admin_table.extend_from_slice(&cc);
            admin_table.extend_from_slice(&[0, 0]);
            for f in &fields[1..] {
                admin_table.extend_from_slice(&f.to_le_bytes());
            }
            next
        });
        let (lat, lon) = raw.coord.unwrap_or((0.0, 0.0));
        records.extend_from_slice(&raw.id.to_le_bytes());
        records.extend_from_slice(&((lat * COORD_SCALE).round() as i32).to_le_bytes());
        records.extend_from_slice(&((lon * COORD_SCALE).round() as i32).to_le_bytes());
        records.extend_from_slice(&(raw.population.min(u64::from(u32::MAX)) as u32).to_le_bytes());
        records.extend_from_slice(&pool.add(&raw.name).to_le_bytes());
        records.extend_from_slice(&admin_id.to_le_bytes());
        records.extend_from_slice(&fcode_index[raw.code.as_str()].to_le_bytes());
        records.push(raw.class);
        records.push(0);
    }
    let mut country_table = Vec::new();
    for c in &countries {
        country_table.extend_from_slice(&country_bytes::<2>(&c.code));
        country_table.extend_from_slice(&country_bytes::<3>(&c.iso3));
        country_table.push(0);
        country_table.extend_from_slice(&c.numeric.to_le_bytes());
        country_table.extend_from_slice(&[0, 0]);
        country_table.extend_from_slice(&pool.add(&c.name).to_le_bytes());
        country_table.extend_from_slice(&pool.add(&c.name_fr).to_le_bytes());
        let place = c
            .geonames_id
            .and_then(|id| place_index.get(&id).copied())
            .unwrap_or(NO_PLACE);
        country_table.extend_from_slice(&place.to_le_bytes());
        country_table.extend_from_slice(&[0, 0]);
    }

    let mut meta = String::from("Veille gazetteer, built by `veille gazetteer build`\nsources:\n");
    for (name, rows) in &report.sources {
        meta.push_str(&format!("  {name}: {rows} rows\n"));
    }
    meta.push_str(&format!(
        "places: {}\ncountries: {}\nkeys: {}\npostings: {}\nadmin names by polygon: {} (+{} snapped), outside polygons: {}\nadmin1 by world outline: {}\n",
        report.places, report.countries, report.keys, report.postings,
        report.admin_in_polygon, report.admin_snapped, report.admin_outside, report.admin1_by_world_outline
    ));
    meta.push_str(&format!(
        "admin2 table: {} ({} rows, {} skipped): {} places renamed\n",
        admin2_table.label(),
        report.admin2_table_rows,
        report.admin2_rows_skipped,
        report.admin2_renamed
    ));
    meta.push_str(&format!(
        "admin1 table: {} ({} rows, {} skipped): {} places renamed\n",
        admin1_table.label(),
        report.admin1_table_rows,
        report.admin1_rows_skipped,
        report.admin1_renamed
    ));

    let parts = AssetParts {
        meta: meta.into_bytes(),
        places: records,
        admins: admin_table,
        fcodes,
        countries: country_table,
        postings,
        pool: pool.bytes,
        names_fst: names_fst.into_inner().expect("in-memory fst"),
        country_fst: country_fst.into_inner().expect("in-memory fst"),
        country_keys: country_keys_section(country_keys_fsts),
    };
    let bytes = write_asset(&parts);
    report.bytes = bytes.len();
    // Check what we wrote before replacing a good asset with it.
    crate::Gazetteer::from_bytes(bytes.clone())?;
    let tmp = options.out.with_extension("bin.tmp");
    if let Some(parent) = options.out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    std::fs::write(&tmp, &bytes).map_err(io(&tmp))?;
    std::fs::rename(&tmp, &options.out).map_err(io(&options.out))?;
    Ok(report)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

fn is_dump_name(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".txt") else {
        return false;
    };
    stem == "allCountries"
        || stem == "no-country"
        || stem
            .strip_prefix("cities")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        || (stem.len() == 2 && stem.bytes().all(|b| b.is_ascii_uppercase()))
}

fn parse_coord(text: &str, limit: f64) -> Option<f64> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && v.abs() <= limit)
}

/// Reads tab-separated lines (skipping blank and `#` lines), mapping each with
/// `row`; an `Err` from `row` becomes an error naming file and line.
fn for_each_row<T>(
    path: &Path,
    report: &mut BuildReport,
    mut row: impl FnMut(usize, &[&str]) -> Result<Option<T>, String>,
) -> Result<Vec<T>, GazetteerError> {
    let file = std::fs::File::open(path).map_err(|error| GazetteerError::Io {
        path: path.to_owned(),
        error,
    })?;
    let mut reader = std::io::BufReader::new(file);
    let mut line = String::new();
    let mut out = Vec::new();
    let mut number = 0;
    let mut rows = 0;
    loop {
        line.clear();
        number += 1;
        let n = reader.read_line(&mut line).map_err(|e| GazetteerError::Parse {
            path: path.to_owned(),
            line: number,
            message: e.to_string(),
        })?;
        if n == 0 {
            break;
        }
        let text = line.trim_end_matches(['\n', '\r']);
        if text.trim().is_empty() || text.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = text.split('\t').collect();
        match row(number, &fields) {
            Ok(Some(t)) => {
                out.push(t);
                rows += 1;
            }
            Ok(None) => {}
            Err(message) => {
                return Err(GazetteerError::Parse {
                    path: path.to_owned(),
                    line: number,
                    message,
                })
            }
        }
    }
    report.sources.push((file_name(path), rows));
    Ok(out)
}

fn read_dump(path: &Path, places: &mut HashMap<u32, Raw>, duplicates: &mut usize) -> Result<usize, GazetteerError> {
    let mut scratch = BuildReport::default();
    let mut rows = 0;
    // Streamed into the map row by row: allCountries has 13 million rows.
    for_each_row(path, &mut scratch, |_, f| {
        if f.len() != 19 {
            return Err(format!("expected 19 tab-separated GeoNames columns, found {}", f.len()));
        }
        let id: u32 = f[0]
            .parse()
            .map_err(|_| format!("geonameid {:?} is not a number", f[0]))?;
        let lat = parse_coord(f[4], 90.0).ok_or_else(|| format!("latitude {:?} is not a number in [-90, 90]", f[4]))?;
        let lon =
            parse_coord(f[5], 180.0).ok_or_else(|| format!("longitude {:?} is not a number in [-180, 180]", f[5]))?;
        let population = if f[14].is_empty() {
            0
        } else {
            f[14]
                .parse()
                .map_err(|_| format!("population {:?} is not a number", f[14]))?
        };
        let class = f[6].bytes().next().unwrap_or(b' ');
        let raw = Raw {
            id,
            name: f[1].to_string(),
            ascii: f[2].to_string(),
            alternates: f[3].split(',').filter(|s| !s.is_empty()).map(str::to_string).collect(),
            coord: Some((lat, lon)),
            class,
            code: f[7].to_string(),
            cc: f[8].to_string(),
            a1: f[10].to_string(),
            a2: f[11].to_string(),
            a3: f[12].to_string(),
            population,
            modified: f[18].to_string(),
            fullness: f.iter().filter(|s| !s.is_empty()).count(),
            extra: Vec::new(),
        };
        rows += 1;
        match places.entry(id) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(raw);
            }
            std::collections::hash_map::Entry::Occupied(mut o) => {
                *duplicates += 1;
                let old = o.get_mut();
                let rank = |r: &Raw| (r.fullness, r.alternates.len(), r.modified.clone());
                let (mut winner, loser) = if rank(&raw) > rank(old) {
                    (raw, std::mem::take(old))
                } else {
                    (std::mem::take(old), raw)
                };
                winner.alternates.extend(loser.alternates);
                winner.alternates.sort();
                winner.alternates.dedup();
                winner.extra.extend(loser.extra);
                *old = winner;
            }
        }
        Ok(None::<()>)
    })?;
    Ok(rows)
}

fn read_admin_codes(
    path: &Path,
    level: usize,
    report: &mut BuildReport,
) -> Result<BTreeMap<String, AdminEntry>, GazetteerError> {
    let rows = for_each_row(path, report, |_, f| {
        if f.len() != 4 {
            return Err(format!(
                "expected code, name, asciiname, geonameid; found {} fields",
                f.len()
            ));
        }
        if f[0].split('.').count() != level + 1 {
            return Err(format!("admin{level} code {:?} should have {} parts", f[0], level + 1));
        }
        let id: u32 = f[3]
            .parse()
            .map_err(|_| format!("geonameid {:?} is not a number", f[3]))?;
        Ok(Some((
            f[0].to_string(),
            AdminEntry {
                name: f[1].to_string(),
                ascii: f[2].to_string(),
                geonames_id: id,
            },
        )))
    })?;
    Ok(rows.into_iter().collect())
}

fn read_country_info(path: &Path, report: &mut BuildReport) -> Result<Vec<Country>, GazetteerError> {
    for_each_row(path, report, |_, f| {
        if f.len() < 17 {
            return Err(format!("expected at least 17 countryInfo columns, found {}", f.len()));
        }
        if f[0].len() != 2 || f[1].len() != 3 {
            return Err(format!("bad ISO codes {:?} / {:?}", f[0], f[1]));
        }
        Ok(Some(Country {
            code: f[0].to_string(),
            iso3: f[1].to_string(),
            numeric: f[2]
                .parse()
                .map_err(|_| format!("ISO numeric {:?} is not a number", f[2]))?,
            name: f[4].to_string(),
            name_fr: String::new(),
            geonames_id: f[16].parse().ok(),
            population: f[7].parse().unwrap_or(0),
        }))
    })
}

/// Admin units carry no population in the code tables; the sum of their
/// populated places' stands in (a lower bound), so that a state outranks a
/// village of the same name when a geoparser weighs candidates by size.
fn fill_admin_populations(places: &mut HashMap<u32, Raw>) {
    let mut sums: HashMap<String, u64> = HashMap::new();
    for raw in places.values().filter(|r| r.class == b'P' && !r.cc.is_empty()) {
        for key in [
            format!("{}.{}", raw.cc, raw.a1),
            format!("{}.{}.{}", raw.cc, raw.a1, raw.a2),
        ] {
            *sums.entry(key).or_default() += raw.population;
        }
    }
    for raw in places.values_mut().filter(|r| r.class == b'A' && r.population == 0) {
        let key = match raw.code.as_str() {
            "ADM1" => format!("{}.{}", raw.cc, raw.a1),
            "ADM2" => format!("{}.{}.{}", raw.cc, raw.a1, raw.a2),
            _ => continue,
        };
        raw.population = sums.get(&key).copied().unwrap_or(0);
    }
}

/// Resolves a `target` column: GeoNames id, country code or admin code.
struct Resolver<'a> {
    admin1: &'a BTreeMap<String, AdminEntry>,
    admin2: &'a BTreeMap<String, AdminEntry>,
    countries: &'a [Country],
}

impl Resolver<'_> {
    fn resolve(&self, target: &str) -> Option<u32> {
        if let Ok(id) = target.parse::<u32>() {
            return Some(id);
        }
        match target.matches('.').count() {
            0 => self.countries.iter().find(|c| c.code == target)?.geonames_id,
            1 => self.admin1.get(target).map(|e| e.geonames_id),
            2 => self.admin2.get(target).map(|e| e.geonames_id),
            _ => None,
        }
    }
}

/// Gives countries and admin units that no dump and no centroid locates the
/// median of their populated places, else their parent's position.
fn locate_unplaced(
    places: &mut HashMap<u32, Raw>,
    shapes: &HashMap<String, Vec<AdminShape>>,
    terms: &AdminTerms,
    report: &mut BuildReport,
) {
    let mut members: HashMap<String, (Vec<f64>, Vec<f64>)> = HashMap::new();
    for raw in places.values() {
        let Some((lat, lon)) = raw.coord else { continue };
        if raw.class != b'P' || raw.cc.is_empty() {
            continue;
        }
        for key in [
            raw.cc.clone(),
            format!("{}.{}", raw.cc, raw.a1),
            format!("{}.{}.{}", raw.cc, raw.a1, raw.a2),
        ] {
            let e = members.entry(key).or_default();
            e.0.push(lat);
            e.1.push(lon);
        }
    }
    let namesakes = Namesakes::of(places);
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let mut located: HashMap<String, (f64, f64)> = HashMap::new();
    // Parents first, so children can fall back on them.
    for level in ["PCL", "ADM1", "ADM2"] {
        let mut ids: Vec<u32> = places
            .values()
            .filter(|r| r.class == b'A' && r.code.starts_with(level))
            .map(|r| r.id)
            .collect();
        ids.sort_unstable();
        for id in ids {
            let raw = places.get_mut(&id).unwrap();
            let (key, parents) = match level {
                "PCL" => (raw.cc.clone(), vec![]),
                "ADM1" => (format!("{}.{}", raw.cc, raw.a1), vec![raw.cc.clone()]),
                _ => (
                    format!("{}.{}.{}", raw.cc, raw.a1, raw.a2),
                    vec![format!("{}.{}", raw.cc, raw.a1), raw.cc.clone()],
                ),
            };
            if raw.coord.is_none() {
                let shape = match level {
                    "ADM2" => shapes
                        .get(&raw.cc)
                        .and_then(|list| named_shape(list, raw, terms, |s| &s.admin2)),
                    _ => None,
                };
                if let Some(shape) = shape {
                    raw.coord = Some(shape.point_on_surface());
                    report.located_by_polygon += 1;
                } else if let Some((lats, lons)) = members.get_mut(&key) {
                    raw.coord = Some((median(lats), median(lons)));
                    report.located_by_places += 1;
                } else if let Some(c) = (level == "ADM2").then(|| namesakes.town_of(raw)).flatten() {
                    raw.coord = Some(c);
                    report.located_at_namesake += 1;
                } else if let Some(p) = parents.iter().find_map(|p| located.get(p)) {
                    raw.coord = Some(*p);
                    report.located_by_places += 1;
                } else {
                    report.no_coordinates += 1;
                }
            }
            if let Some(c) = raw.coord {
                located.entry(key).or_insert(c);
            }
        }
    }
    report.no_coordinates += places.values().filter(|r| r.coord.is_none() && r.class != b'A').count();
}

/// The populated places of each first-level unit by folded name, to locate a
/// second-level unit that no place is coded in. Alberta's municipalities
/// ("Hinton") came into GeoNames after the cities500 cut coded
/// its towns, so they hold none, and at their parent's point they sat 280 km
/// from the town they are. A unit of a town's name in the town's first-level
/// unit is the town's municipality: GeoNames itself puts such units there.
struct Namesakes {
    /// `(country.admin1, folded name)` → the largest town of that name there.
    towns: HashMap<(String, String), Town>,
}

#[derive(Clone, Copy)]
struct Town {
    population: u64,
    id: u32,
    point: (f64, f64),
}

impl Town {
    /// The largest town first, the smallest id among equals: the same whatever
    /// order the map yields the places in.
    fn rank(&self) -> (u64, std::cmp::Reverse<u32>) {
        (self.population, std::cmp::Reverse(self.id))
    }
}

impl Namesakes {
    fn of(places: &HashMap<u32, Raw>) -> Namesakes {
        let mut towns: HashMap<(String, String), Town> = HashMap::new();
        for raw in places.values() {
            let Some(point) = raw.coord else { continue };
            if raw.class != b'P' || raw.cc.is_empty() || raw.a1.is_empty() {
                continue;
            }
            let town = Town {
                population: raw.population,
                id: raw.id,
                point,
            };
            let unit = format!("{}.{}", raw.cc, raw.a1);
            for name in [veille_text::fold(&raw.name), veille_text::fold(&raw.ascii)] {
                let entry = towns.entry((unit.clone(), name)).or_insert(town);
                if town.rank() > entry.rank() {
                    *entry = town;
                }
            }
        }
        Namesakes { towns }
    }

    /// The point of the town `unit` bears the very name of. Only the very name:
    /// the resolver tells a unit standing on a borrowed point by finding the town
    /// under the unit's own name (`stands_on_borrowed_point` in veille-geoparse).
    fn town_of(&self, unit: &Raw) -> Option<(f64, f64)> {
        let parent = format!("{}.{}", unit.cc, unit.a1);
        [veille_text::fold(&unit.name), veille_text::fold(&unit.ascii)]
            .into_iter()
            .filter_map(|name| self.towns.get(&(parent.clone(), name)))
            .max_by_key(|town| town.rank())
            .map(|town| town.point)
    }
}

/// Generic admin words ("cercle de", "region"), see `data/admin-terms.tsv`.
struct AdminTerms {
    prefixes: Vec<String>,
    suffixes: Vec<String>,
}

impl AdminTerms {
    fn load(dir: &Path) -> Result<AdminTerms, GazetteerError> {
        let mut terms = AdminTerms {
            prefixes: Vec::new(),
            suffixes: Vec::new(),
        };
        terms.parse(
            Path::new("data/admin-terms.tsv"),
            include_str!("../data/admin-terms.tsv"),
        )?;
        let user = dir.join("adminTerms.tsv");
        if user.exists() {
            let text = std::fs::read_to_string(&user).map_err(|error| GazetteerError::Io {
                path: user.clone(),
                error,
            })?;
            terms.parse(&user, &text)?;
        }
        // Longest first, so "region de la" wins over "region de".
        terms.prefixes.sort_by_key(|t| std::cmp::Reverse(t.len()));
        terms.suffixes.sort_by_key(|t| std::cmp::Reverse(t.len()));
        Ok(terms)
    }

    fn parse(&mut self, path: &Path, text: &str) -> Result<(), GazetteerError> {
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (position, words) = line.split_once('\t').ok_or_else(|| GazetteerError::Parse {
                path: path.to_owned(),
                line: i + 1,
                message: "expected `prefix|suffix <TAB> words`".into(),
            })?;
            let words = veille_text::fold(words);
            match position {
                "prefix" => self.prefixes.push(words),
                "suffix" => self.suffixes.push(words),
                other => {
                    return Err(GazetteerError::Parse {
                        path: path.to_owned(),
                        line: i + 1,
                        message: format!("position {other:?} is not prefix or suffix"),
                    })
                }
            }
        }
        Ok(())
    }

    /// Folded keys of `key` without its generic words ("cercle de goundam" →
    /// "goundam"); empty when it has none.
    fn cores(&self, key: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = key;
        if let Some(p) = self
            .prefixes
            .iter()
            .find_map(|p| rest.strip_prefix(p.as_str()).and_then(|r| r.strip_prefix(' ')))
        {
            rest = p;
            out.push(rest.to_string());
        }
        if let Some(s) = self
            .suffixes
            .iter()
            .find_map(|s| rest.strip_suffix(s.as_str()).and_then(|r| r.strip_suffix(' ')))
        {
            out.push(s.to_string());
        }
        out
    }

    /// `name` without leading/trailing generic words, keeping its spelling
    /// ("Cercle de Goundam" → "Goundam", "Oula Department" → "Oula").
    fn display_core(&self, name: &str) -> String {
        let words: Vec<&str> = name.split_whitespace().collect();
        let mut start = 0;
        let mut end = words.len();
        for p in &self.prefixes {
            let n = p.split(' ').count();
            if n < end && veille_text::fold(&words[..n].join(" ")) == *p {
                start = n;
                break;
            }
        }
        for s in &self.suffixes {
            let n = s.split(' ').count();
            if end - start > n && veille_text::fold(&words[end - n..end].join(" ")) == *s {
                end -= n;
                break;
            }
        }
        words[start..end].join(" ")
    }
}

fn read_boundaries(dir: &Path, countries: &[Country]) -> Result<HashMap<String, Vec<AdminShape>>, GazetteerError> {
    let mut out: HashMap<String, Vec<AdminShape>> = HashMap::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    let io = |error| GazetteerError::Io {
        path: dir.to_owned(),
        error,
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "geojson"))
        .collect();
    files.sort();
    for path in files {
        for shape in read_shape_file(&path, countries)? {
            out.entry(shape.country_code).or_default().push(shape.shape);
        }
    }
    Ok(out)
}

/// One feature of a boundary file.
struct FileShape {
    country_code: String,
    /// The `geonames_id` property: the GeoNames admin unit the outline draws.
    geonames_id: Option<u32>,
    shape: AdminShape,
}

/// The features of one GeoJSON boundary file (format: module doc).
fn read_shape_file(path: &Path, countries: &[Country]) -> Result<Vec<FileShape>, GazetteerError> {
    let err = |message: String| GazetteerError::Input {
        path: path.to_owned(),
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|error| GazetteerError::Io {
        path: path.to_owned(),
        error,
    })?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| err(format!("not JSON: {e}")))?;
    let stem = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
    let prefix = stem.split('_').next().unwrap_or("");
    let file_cc = match prefix.len() {
        2 => countries.iter().find(|c| c.code == prefix),
        3 => countries.iter().find(|c| c.iso3 == prefix),
        _ => None,
    }
    .map(|c| c.code.clone());
    let features = json
        .get("features")
        .and_then(|f| f.as_array())
        .ok_or_else(|| err("not a GeoJSON FeatureCollection".into()))?;
    let mut out = Vec::with_capacity(features.len());
    for (i, feature) in features.iter().enumerate() {
        let props = feature.get("properties");
        let prop = |k: &str| {
            props
                .and_then(|p| p.get(k))
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        };
        let admin1 = prop("admin1");
        if admin1.is_empty() {
            return Err(err(format!("feature {i} has no `admin1` property")));
        }
        let country_code = Some(prop("country_code"))
            .filter(|c| !c.is_empty())
            .or_else(|| file_cc.clone())
            .ok_or_else(|| {
                err(format!(
                    "feature {i}: no `country_code` property and the file name does not start with a country code"
                ))
            })?;
        let geometry = feature
            .get("geometry")
            .ok_or_else(|| err(format!("feature {i} has no geometry")))?;
        let polygons = geometry_polygons(geometry).map_err(|m| err(format!("feature {i}: {m}")))?;
        let geonames_id = props
            .and_then(|p| p.get("geonames_id"))
            .and_then(|v| v.as_u64())
            .and_then(|id| u32::try_from(id).ok());
        out.push(FileShape {
            country_code,
            geonames_id,
            shape: AdminShape::new(admin1, prop("admin2"), prop("admin3"), polygons),
        });
    }
    Ok(out)
}

/// First-level outlines of the world (`admin1Shapes.geojson`), for the places
/// whose GeoNames record names no admin1 the code tables know: Nouakchott has
/// an empty admin1 code since GeoNames split its district in three, and
/// Norway's and Vietnam's places keep codes of units merged since.
struct WorldAdmin1 {
    /// Country → its outlines, each with the admin1 code it draws (when the
    /// outline's GeoNames id is that code's unit).
    by_country: HashMap<String, Vec<(AdminShape, Option<String>)>>,
}

impl WorldAdmin1 {
    /// Reads `DIR/admin1Shapes.geojson` when present. A country's outlines are
    /// kept only where they are no more than twice as many as its units in the
    /// code table: Natural Earth draws the counties of the United Kingdom and the
    /// départements of France, a level below GeoNames' admin1, whose names would
    /// not fit the other places of the country, but Vietnam's 64 provinces before
    /// the 2025 merger (GeoNames has the 34 after) are the same level. Countries
    /// with boundary polygons of their own are left to those.
    fn load(
        dir: &Path,
        countries: &[Country],
        admin1: &BTreeMap<String, AdminEntry>,
        own_polygons: &HashMap<String, Vec<AdminShape>>,
    ) -> Result<WorldAdmin1, GazetteerError> {
        let path = dir.join("admin1Shapes.geojson");
        let mut by_country: HashMap<String, Vec<(AdminShape, Option<String>)>> = HashMap::new();
        if !path.exists() {
            return Ok(WorldAdmin1 { by_country });
        }
        let code_of: HashMap<u32, &String> = admin1.iter().map(|(code, e)| (e.geonames_id, code)).collect();
        for shape in read_shape_file(&path, countries)? {
            let code = shape
                .geonames_id
                .and_then(|id| code_of.get(&id))
                .filter(|code| code.split('.').next() == Some(shape.country_code.as_str()))
                .map(|code| code.to_string());
            by_country
                .entry(shape.country_code)
                .or_default()
                .push((shape.shape, code));
        }
        let mut units: HashMap<&str, usize> = HashMap::new();
        for code in admin1.keys() {
            *units.entry(code.split('.').next().unwrap_or("")).or_default() += 1;
        }
        by_country.retain(|cc, list| {
            let units = units.get(cc.as_str()).copied().unwrap_or(0);
            !own_polygons.contains_key(cc) && list.len() <= 2 * units
        });
        Ok(WorldAdmin1 { by_country })
    }

    /// The outline holding the point (else the nearest within `snap_km`).
    fn find(&self, cc: &str, (lat, lon): (f64, f64), snap_km: f64) -> Option<&(AdminShape, Option<String>)> {
        let list = self.by_country.get(cc)?;
        list.iter().find(|(s, _)| s.contains(lon, lat)).or_else(|| {
            list.iter()
                .filter(|(s, _)| s.near_bbox(lon, lat, snap_km))
                .map(|entry| (entry.0.distance_km(lon, lat), entry))
                .filter(|(d, _)| *d <= snap_km)
                .min_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, entry)| entry)
        })
    }
}

/// The polygon whose `field` names this admin unit: the same words in any
/// order, function words aside ("Ville de Tahoua" / "Tahoua Ville"); else
/// the name without its generic words ("Cercle de Goundam" / "Goundam");
/// else the same letters ("Ti-n-Essako" / "Tin-Essako").
fn named_shape<'s>(
    list: &'s [AdminShape],
    raw: &Raw,
    terms: &AdminTerms,
    field: impl Fn(&AdminShape) -> &String,
) -> Option<&'s AdminShape> {
    const FUNCTION_WORDS: [&str; 9] = ["de", "du", "des", "d", "la", "le", "l", "of", "the"];
    let words = |k: &str| {
        let mut w: Vec<&str> = k.split(' ').filter(|w| !FUNCTION_WORDS.contains(w)).collect();
        w.sort_unstable();
        w.join(" ")
    };
    let keys = [veille_text::fold(&raw.name), veille_text::fold(&raw.ascii)];
    let shape_keys: Vec<String> = list.iter().map(|s| veille_text::fold(field(s))).collect();
    let find = |wanted: &[String], norm: &dyn Fn(&str) -> String| {
        shape_keys
            .iter()
            .position(|k| wanted.contains(&norm(k)))
            .map(|i| &list[i])
    };
    let by_words: Vec<String> = keys.iter().map(|k| words(k)).collect();
    let cores: Vec<String> = keys.iter().flat_map(|k| terms.cores(k)).collect();
    let compact = |k: &str| k.replace(' ', "");
    let letters: Vec<String> = keys.iter().chain(&cores).map(|k| compact(k)).collect();
    find(&by_words, &|k| words(k))
        .or_else(|| find(&cores, &|k| k.to_string()))
        .or_else(|| find(&letters, &compact))
}

/// Admin names of one place, and the polygon spelling of its own name when the
/// place is an admin unit matched to a polygon by name (kept as a name).
struct AdminNames {
    admin1: String,
    admin2: String,
    admin3: String,
    alias: Option<String>,
}

/// The outlines admin names come from: a country's own boundary polygons,
/// then the world's admin1 outlines.
struct Outlines<'a> {
    shapes: &'a HashMap<String, Vec<AdminShape>>,
    world: &'a WorldAdmin1,
}

/// Admin names of every place, in `ordered` order.
fn assign_admins(
    ordered: &[Raw],
    admin1: &BTreeMap<String, AdminEntry>,
    admin2: &BTreeMap<String, AdminEntry>,
    outlines: Outlines<'_>,
    terms: &AdminTerms,
    snap_km: f64,
    report: &mut BuildReport,
) -> Vec<AdminNames> {
    let Outlines { shapes, world } = outlines;
    let a1_name: HashMap<String, String> = admin1
        .iter()
        .map(|(k, e)| (k.clone(), terms.display_core(&e.name)))
        .collect();
    let a2_name: HashMap<String, String> = admin2
        .iter()
        .map(|(k, e)| (k.clone(), terms.display_core(&e.name)))
        .collect();
    let a3_name: HashMap<String, String> = ordered
        .iter()
        .filter(|r| r.code == "ADM3" && !r.a3.is_empty())
        .map(|r| {
            (
                format!("{}.{}.{}.{}", r.cc, r.a1, r.a2, r.a3),
                terms.display_core(&r.name),
            )
        })
        .collect();
    let by_code = |r: &Raw| {
        let k1 = format!("{}.{}", r.cc, r.a1);
        let k2 = format!("{k1}.{}", r.a2);
        let k3 = format!("{k2}.{}", r.a3);
        (
            a1_name.get(&k1).cloned().unwrap_or_default(),
            if r.a2.is_empty() {
                String::new()
            } else {
                a2_name.get(&k2).cloned().unwrap_or_default()
            },
            if r.a3.is_empty() {
                String::new()
            } else {
                a3_name.get(&k3).cloned().unwrap_or_default()
            },
        )
    };
    let is_unit = |r: &Raw| r.class == b'A' && (r.code.starts_with("PCL") || r.code == "ADM1" || r.code == "ADM2");

    // Pass 1: polygons, and votes code → polygon name for the places outside.
    let mut hits: Vec<Option<&AdminShape>> = vec![None; ordered.len()];
    let mut votes1: HashMap<String, BTreeMap<&str, usize>> = HashMap::new();
    // Votes by full admin2 code for a whole shape (admin1 and admin2 names together).
    let mut votes2: HashMap<String, BTreeMap<(&str, &str), usize>> = HashMap::new();
    for (i, raw) in ordered.iter().enumerate() {
        let (Some(list), Some((lat, lon))) = (shapes.get(&raw.cc), raw.coord) else {
            continue;
        };
        if is_unit(raw) {
            continue;
        }
        let mut hit = list.iter().find(|s| s.contains(lon, lat));
        if hit.is_some() {
            report.admin_in_polygon += 1;
        } else {
            hit = list
                .iter()
                .filter(|s| s.near_bbox(lon, lat, snap_km))
                .map(|s| (s.distance_km(lon, lat), s))
                .filter(|(d, _)| *d <= snap_km)
                .min_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, s)| s);
            if hit.is_some() {
                report.admin_snapped += 1;
            } else {
                report.admin_outside += 1;
            }
        }
        if let Some(s) = hit {
            if !raw.a1.is_empty() {
                *votes1
                    .entry(format!("{}.{}", raw.cc, raw.a1))
                    .or_default()
                    .entry(&s.admin1)
                    .or_default() += 1;
                if !raw.a2.is_empty() {
                    *votes2
                        .entry(format!("{}.{}.{}", raw.cc, raw.a1, raw.a2))
                        .or_default()
                        .entry((&s.admin1, &s.admin2))
                        .or_default() += 1;
                }
            }
        }
        hits[i] = hit;
    }
    // Highest count, ties to the first name in order (BTreeMap order).
    fn majority<T: Clone + Ord>(votes: &HashMap<String, BTreeMap<T, usize>>, key: &str) -> Option<T> {
        let v = votes.get(key)?;
        let (name, _) = v.iter().fold(None::<(&T, usize)>, |best, (n, c)| match best {
            Some((_, bc)) if bc >= *c => best,
            _ => Some((n, *c)),
        })?;
        Some(name.clone())
    }

    // A place no admin1 code names takes the world outline it lies in, under
    // the code table's name when the outline draws a unit of the table.
    let mut by_world_outline = 0;
    let mut world_admin1 = |raw: &Raw, from_codes: String| {
        if !from_codes.is_empty() {
            return from_codes;
        }
        let Some((shape, code)) = raw.coord.and_then(|point| world.find(&raw.cc, point, snap_km)) else {
            return from_codes;
        };
        by_world_outline += 1;
        code.as_ref()
            .and_then(|code| a1_name.get(code))
            .cloned()
            .unwrap_or_else(|| shape.admin1.clone())
    };

    // Pass 2: names.
    let mut out = Vec::with_capacity(ordered.len());
    for (i, raw) in ordered.iter().enumerate() {
        let (c1, c2, c3) = by_code(raw);
        let k1 = format!("{}.{}", raw.cc, raw.a1);
        let k2 = format!("{k1}.{}", raw.a2);
        // A unit missing from the code tables is still named after itself.
        let own = || terms.display_core(&raw.name);
        let or_own = |name: String| if name.is_empty() { own() } else { name };
        let is = |code: &str| raw.class == b'A' && raw.code == code;
        let mut alias = None;
        let (admin1, admin2, admin3) = match shapes.get(&raw.cc) {
            _ if raw.class == b'A' && raw.code.starts_with("PCL") => (String::new(), String::new(), String::new()),
            None if is("ADM1") => (or_own(c1), String::new(), String::new()),
            None if is("ADM2") => (world_admin1(raw, c1), or_own(c2), String::new()),
            None => (world_admin1(raw, c1), c2, c3),
            Some(list) if is("ADM1") => {
                let named = named_shape(list, raw, terms, |s| &s.admin1);
                alias = named.map(|s| s.admin1.clone());
                let a1 = named.map(|s| s.admin1.clone()).unwrap_or_else(|| or_own(c1));
                (a1, String::new(), String::new())
            }
            Some(list) if is("ADM2") => {
                // The polygon of the same name, else the one most of its
                // places lie in, else the code tables.
                let named =
                    named_shape(list, raw, terms, |s| &s.admin2).map(|s| (s.admin1.as_str(), s.admin2.as_str()));
                alias = named.map(|(_, a2)| a2.to_string());
                match named.or_else(|| majority(&votes2, &k2)) {
                    Some((a1, a2)) => (a1.to_string(), a2.to_string(), String::new()),
                    None => (
                        majority(&votes1, &k1).map_or(c1, str::to_string),
                        or_own(c2),
                        String::new(),
                    ),
                }
            }
            Some(_) => match hits[i] {
                Some(s) => {
                    let a3 = if s.admin3.is_empty() { c3 } else { s.admin3.clone() };
                    (s.admin1.clone(), s.admin2.clone(), a3)
                }
                None => match majority(&votes2, &k2).filter(|_| !raw.a2.is_empty()) {
                    Some((a1, a2)) => (a1.to_string(), a2.to_string(), c3),
                    None => (majority(&votes1, &k1).map_or(c1, str::to_string), c2, c3),
                },
            },
        };
        out.push(AdminNames {
            admin1,
            admin2,
            admin3,
            alias,
        });
    }
    report.admin1_by_world_outline = by_world_outline;
    out
}

/// Whether a name is in Latin script (ASCII, Latin-1 and Latin Extended
/// letters, combining accents, typographic quotes and dashes).
fn is_latin(name: &str) -> bool {
    name.chars().all(|c| {
        let u = c as u32;
        u < 0x80
            || (0xA0..=0x24F).contains(&u)
            || (0x250..=0x36F).contains(&u)
            || (0x1E00..=0x1EFF).contains(&u)
            || (0x2010..=0x201F).contains(&u)
    })
}

/// Alternate names worth a key: Latin script, not a code, URL or postcode.
/// Short all-capital names (IATA/ICAO codes such as "TOM", "GABS") are
/// dropped: folded to lower case they would collide with ordinary words.
fn keep_alternate(name: &str) -> bool {
    if !is_latin(name) || name.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let lower = name.to_ascii_lowercase();
    if lower.contains("http") || lower.contains("www.") || name.contains('@') {
        return false;
    }
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase()) {
        return false;
    }
    veille_text::fold(name).len() >= 2
}

fn country_bytes<const N: usize>(code: &str) -> [u8; N] {
    let mut out = [0u8; N];
    if code.is_ascii() {
        for (o, b) in out.iter_mut().zip(code.bytes()) {
            *o = b;
        }
    }
    out
}

/// The code field of the admin tuple of a place of country `code`, as the reader
/// reads it back ([`crate::ascii_field`]: nothing after a zero byte).
fn stored_country(code: &str) -> [u8; 2] {
    country_bytes::<2>(crate::ascii_field(&country_bytes::<2>(code)))
}

/// The section of keys by country (layout in `format.rs`) for each country code's
/// transducer, in code order.
fn country_keys_section(keys: Vec<([u8; 2], Vec<u8>)>) -> Vec<u8> {
    let table_len = 4 + COUNTRY_KEYS_ENTRY_LEN * keys.len();
    let mut out = Vec::with_capacity(table_len + keys.iter().map(|(_, k)| k.len()).sum::<usize>());
    out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
    let mut offset = table_len;
    for (code, fst) in &keys {
        out.extend_from_slice(code);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(&(offset as u32).to_le_bytes());
        out.extend_from_slice(&(fst.len() as u32).to_le_bytes());
        offset += fst.len();
    }
    for (_, fst) in keys {
        out.extend_from_slice(&fst);
    }
    out
}

/// Interned strings: LEB128 length + bytes, offset 0 is "".
struct Pool {
    bytes: Vec<u8>,
    index: HashMap<String, u32>,
}

impl Default for Pool {
    fn default() -> Self {
        Pool {
            bytes: vec![0],
            index: HashMap::from([(String::new(), 0)]),
        }
    }
}

impl Pool {
    fn add(&mut self, s: &str) -> u32 {
        if let Some(&o) = self.index.get(s) {
            return o;
        }
        let o = self.bytes.len() as u32;
        put_varint(&mut self.bytes, s.len() as u32);
        self.bytes.extend_from_slice(s.as_bytes());
        self.index.insert(s.to_string(), o);
        o
    }
}

/// The sections of an asset, before layout.
#[derive(Debug, Default)]
pub(crate) struct AssetParts {
    pub meta: Vec<u8>,
    pub places: Vec<u8>,
    pub admins: Vec<u8>,
    pub fcodes: Vec<u8>,
    pub countries: Vec<u8>,
    pub postings: Vec<u8>,
    pub pool: Vec<u8>,
    pub names_fst: Vec<u8>,
    pub country_fst: Vec<u8>,
    /// Laid out by [`country_keys_section`].
    pub country_keys: Vec<u8>,
}

/// Lays out header and sections.
pub(crate) fn write_asset(parts: &AssetParts) -> Vec<u8> {
    let empty_fst = || fst::MapBuilder::memory().into_inner().expect("in-memory fst");
    let names_fst = if parts.names_fst.is_empty() {
        empty_fst()
    } else {
        parts.names_fst.clone()
    };
    let country_fst = if parts.country_fst.is_empty() {
        empty_fst()
    } else {
        parts.country_fst.clone()
    };
    let country_keys = if parts.country_keys.is_empty() {
        country_keys_section(Vec::new())
    } else {
        parts.country_keys.clone()
    };
    let sections: [&[u8]; N_SECTIONS] = [
        &parts.meta,
        &parts.places,
        &parts.admins,
        &parts.fcodes,
        &parts.countries,
        &parts.postings,
        &parts.pool,
        &names_fst,
        &country_fst,
        &country_keys,
    ];
    let total: usize = HEADER_LEN + sections.iter().map(|s| s.len()).sum::<usize>();
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(N_SECTIONS as u32).to_le_bytes());
    let mut offset = HEADER_LEN as u64;
    for s in &sections {
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&(s.len() as u64).to_le_bytes());
        offset += s.len() as u64;
    }
    for s in &sections {
        out.extend_from_slice(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternate_filter() {
        assert!(keep_alternate("Tombuctu"));
        assert!(keep_alternate("Tombouctou"));
        assert!(!keep_alternate("TOM"));
        assert!(!keep_alternate("Томбукту"));
        assert!(!keep_alternate("75001"));
        assert!(!keep_alternate("https://en.wikipedia.org/wiki/Timbuktu"));
        assert!(keep_alternate("Côte d’Ivoire"));
    }

    #[test]
    fn admin_terms_strip_generic_words() {
        let t = AdminTerms::load(Path::new("/nonexistent")).unwrap();
        assert_eq!(t.cores("cercle de goundam"), vec!["goundam"]);
        assert_eq!(t.cores("gourma rharous cercle"), vec!["gourma rharous"]);
        assert_eq!(t.cores("cercle d abeibara"), vec!["abeibara"]);
        assert!(t.cores("cercle").is_empty());
        assert_eq!(t.display_core("Cercle d’ Abeïbara"), "Abeïbara");
        assert_eq!(t.display_core("Tillaberi Department"), "Tillaberi");
        assert_eq!(t.display_core("Département de Tânout"), "Tânout");
        assert_eq!(t.display_core("Region"), "Region");
    }

    #[test]
    fn dump_names() {
        assert!(is_dump_name("cities500.txt"));
        assert!(is_dump_name("allCountries.txt"));
        assert!(is_dump_name("ML.txt"));
        assert!(!is_dump_name("admin2Codes.txt"));
        assert!(!is_dump_name("countryInfo.txt"));
        assert!(!is_dump_name("cities.txt"));
    }
}
