//! The builder on a small fixture of our own (tests/fixtures/mini): admin
//! names by polygon, alternate names, dedupe across dumps, the admin2
//! renaming table, and errors.
use std::path::{Path, PathBuf};

use veille_gazetteer::build::{build, BuildOptions, BuildReport};
use veille_gazetteer::{Gazetteer, NameKind};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("veille-gazetteer-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn built(name: &str) -> Gazetteer {
    let out = scratch(name).join("g.bin");
    let report = build(&BuildOptions {
        from: fixture(),
        out: out.clone(),
        ..Default::default()
    })
    .unwrap();
    // 6 dump rows + Paris, one Timbuktu duplicate; + ADM1 Tombouctou, ADM2
    // Tombouctou, ADM2 Paris, ADM1 Île-de-France, countries ML and FR.
    assert_eq!(report.duplicates, 1);
    assert_eq!(report.places, 12, "{report:#?}");
    assert_eq!(report.unknown_targets, 1, "999999 is no place");
    // The built-in admin2 table names Niger only, which this fixture lacks.
    assert!(report.admin2_table_rows > 0);
    assert_eq!(report.admin2_rows_skipped, report.admin2_table_rows);
    assert_eq!(report.admin2_renamed, 0);
    Gazetteer::open(&out).unwrap()
}

fn ids(g: &Gazetteer, name: &str) -> Vec<u32> {
    g.lookup_name(name)
        .iter()
        .map(|h| g.place(h.place).geonames_id)
        .collect()
}

#[test]
fn names_admins_and_dedupe() {
    let g = built("names");
    assert_eq!(g.len(), 12);

    // Alternate names of both dump rows are merged; codes, URLs, postcodes and
    // Cyrillic are not names.
    for name in ["Tombuctu", "Timbuctoo", "Timbuktu"] {
        assert!(ids(&g, name).contains(&2449067), "{name}");
    }
    for junk in ["tom", "75000", "timbuktu http example org t"] {
        assert!(g.lookup(junk).is_empty(), "{junk}");
    }
    let t = g.place(g.by_geonames_id(2449067).unwrap());
    assert_eq!((t.name, t.feature_code, t.population), ("Timbuktu", "PPLA", 32460));
    // The fuller ML.txt row (it has a DEM value) won over cities500's, whose
    // population differs; only its alternate names were merged in.
    assert_eq!((t.admin1, t.admin2), ("Tombouctou", "Tombouctou"));

    // Town and cercle both answer "goundam"; the cercle's generic words go.
    let goundam = g.lookup("goundam");
    assert_eq!(goundam.len(), 2);
    let kinds: Vec<(&str, &str)> = goundam
        .iter()
        .map(|h| {
            let p = g.place(h.place);
            (p.feature_code, p.admin2)
        })
        .collect();
    assert!(kinds.contains(&("PPLA2", "Goundam")));
    assert!(kinds.contains(&("ADM2", "Goundam")));
    assert!(goundam.iter().all(|h| h.kind == NameKind::Primary));

    // Just outside the polygons (3 km east): snapped. Far outside: names by code.
    let snapped = g.place(g.by_geonames_id(9000001).unwrap());
    assert_eq!((snapped.admin1, snapped.admin2), ("Tombouctou", "Tombouctou"));
    let far = g.place(g.by_geonames_id(9000002).unwrap());
    assert_eq!((far.admin1, far.admin2), ("Tombouctou", ""));

    // Elsewhere, names come from the code tables.
    let paris = g.place(g.by_geonames_id(2988507).unwrap());
    assert_eq!((paris.admin1, paris.admin2), ("Île-de-France", "Paris"));
    assert!(ids(&g, "Parigi").contains(&2988507));

    // The admin1 unit has no dump row: a place anyway, located at the median
    // of its populated places, found under its French and English names.
    let region = g.place(g.by_geonames_id(2449066).unwrap());
    assert_eq!((region.feature_class, region.feature_code), ('A', "ADM1"));
    assert!(region.latitude > 15.0 && region.latitude < 17.0, "{region:?}");
    for name in ["Région de Tombouctou", "Tombouctou Region", "Tombouctou"] {
        assert!(ids(&g, name).contains(&2449066), "{name}");
    }

    // Countries: centroid from centroids.txt, French name, lookup by name.
    let ml = g.country("ml").unwrap();
    assert_eq!(
        (ml.code, ml.iso3, ml.iso_numeric, ml.name_fr),
        ("ML", "MLI", 466, "Mali")
    );
    let place = g.place(ml.place.unwrap());
    assert_eq!(
        (place.latitude, place.longitude, place.feature_code),
        (17.3, -3.5, "PCLI")
    );
    assert_eq!(g.country_by_name("mali").unwrap().code, "ML");
    assert_eq!(g.country_by_name("france").unwrap().code, "FR");
    assert!(g.country_by_name("tombouctou").is_none());

    assert!(g.has_longer_key("cercle de"));
    assert!(!g.has_longer_key("goundam"));
}

/// The error of a build from `dir` that must fail.
fn build_error(dir: &std::path::Path) -> String {
    build(&BuildOptions {
        from: dir.to_path_buf(),
        out: dir.join("g.bin"),
        ..Default::default()
    })
    .unwrap_err()
    .to_string()
}

/// Builds `dir` into `dir/g.bin`: the report and the asset.
fn build_in(dir: &std::path::Path) -> (BuildReport, Gazetteer) {
    let out = dir.join("g.bin");
    let report = build(&BuildOptions {
        from: dir.to_path_buf(),
        out: out.clone(),
        ..Default::default()
    })
    .unwrap();
    (report, Gazetteer::open(&out).unwrap())
}

#[test]
fn malformed_rows_name_file_and_line() {
    let dir = scratch("bad");
    copy_dir(&fixture(), &dir);
    let ml = dir.join("ML.txt");
    let mut text = std::fs::read_to_string(&ml).unwrap();
    text.push_str("123\tonly three\tcolumns\n");
    std::fs::write(&ml, text).unwrap();
    let err = build_error(&dir);
    assert!(err.contains("ML.txt:6:"), "{err}");
    assert!(err.contains("19"), "{err}");

    let mut text = std::fs::read_to_string(&ml).unwrap();
    text = text.replace("123\tonly three\tcolumns\n", "");
    text = text.replacen("16.4145", "north", 1);
    std::fs::write(&ml, text).unwrap();
    let err = build_error(&dir);
    assert!(err.contains("ML.txt:2:") && err.contains("latitude"), "{err}");
    assert!(!dir.join("g.bin").exists(), "no asset is written on error");

    std::fs::copy(fixture().join("ML.txt"), &ml).unwrap();
    std::fs::remove_file(dir.join("countryInfo.txt")).unwrap();
    let err = build_error(&dir);
    assert!(err.contains("countryInfo.txt"), "{err}");
}

/// The fixture with `admin2Acled.tsv` holding `table`.
fn with_admin2_table(name: &str, table: &str) -> PathBuf {
    let dir = scratch(name);
    copy_dir(&fixture(), &dir);
    std::fs::write(dir.join("admin2Acled.tsv"), table).unwrap();
    dir
}

#[test]
fn the_admin2_table_renames_places_and_units_after_the_polygons() {
    // As if ACLED still wrote the cercle Goundam was carved from; folded
    // names match ("goundam" is the polygon's "Goundam"); a Niger row is
    // skipped, the fixture having no Niger.
    let dir = with_admin2_table(
        "admin2",
        "# ACLED's names\nML\tTombouctou\tgoundam\tTombouctou\nNE\tTillabéri\tAyérou\tTillaberi\n",
    );
    let (report, g) = build_in(&dir);
    assert_eq!(report.admin2_table, dir.join("admin2Acled.tsv"));
    assert_eq!((report.admin2_table_rows, report.admin2_rows_skipped), (2, 1));
    // The town and the cercle, both in the Goundam polygon.
    assert_eq!(report.admin2_renamed, 2, "{report:#?}");
    // Timbuktu, the snapped village and the cercle Tombouctou keep theirs;
    // the admin2 without a row is reported.
    assert_eq!(
        report.admin2_not_in_table.get("ML / Tombouctou / Tombouctou"),
        Some(&3),
        "{:?}",
        report.admin2_not_in_table
    );

    let goundam: Vec<(&str, &str, &str)> = g
        .lookup("goundam")
        .iter()
        .map(|h| {
            let p = g.place(h.place);
            (p.feature_code, p.admin1, p.admin2)
        })
        .collect();
    assert_eq!(goundam.len(), 2, "the cercle keeps its own name");
    assert!(goundam.contains(&("PPLA2", "Tombouctou", "Tombouctou")));
    assert!(goundam.contains(&("ADM2", "Tombouctou", "Tombouctou")));
    let t = g.place(g.by_geonames_id(2449067).unwrap());
    assert_eq!((t.admin1, t.admin2), ("Tombouctou", "Tombouctou"));
    // Outside the table's countries, nothing changes.
    let paris = g.place(g.by_geonames_id(2988507).unwrap());
    assert_eq!((paris.admin1, paris.admin2), ("Île-de-France", "Paris"));
    assert!(
        g.metadata()
            .contains("admin2 table: admin2Acled.tsv of the build directory (2 rows, 1 skipped): 2 places renamed"),
        "{}",
        g.metadata()
    );

    // An empty table: the current names.
    std::fs::write(dir.join("admin2Acled.tsv"), "").unwrap();
    let (_, g) = build_in(&dir);
    let town = g.place(g.by_geonames_id(2456917).unwrap());
    assert_eq!(town.admin2, "Goundam");
}

#[test]
fn an_admin2_row_that_matches_nothing_stops_the_build() {
    // A typo, or names of another polygon vintage: the row would rename nothing.
    let dir = with_admin2_table(
        "admin2-unknown",
        "ML\tTombouctou\tGoundam\tTombouctou\nML\tTombouctou\tGoundan\tTombouctou\n",
    );
    let err = build_error(&dir);
    assert!(err.contains("admin2Acled.tsv"), "{err}");
    assert!(err.contains("line 2: ML / Tombouctou / Goundan"), "{err}");
    assert!(!err.contains("line 1"), "{err}");
    assert!(!dir.join("g.bin").exists(), "no asset is written on error");

    std::fs::write(dir.join("admin2Acled.tsv"), "ML\tTombouctou\tGoundam\n").unwrap();
    let err = build_error(&dir);
    assert!(
        err.contains("admin2Acled.tsv:1:") && err.contains("4 tab-separated"),
        "{err}"
    );
}

#[test]
fn missing_dumps_are_an_error() {
    let dir = scratch("empty");
    let err = build_error(&dir);
    assert!(err.contains("no GeoNames dump"), "{err}");
}

/// A square outline of `admin1` around (lat, lon), as `admin1Shapes.geojson` holds them.
fn outline(cc: &str, admin1: &str, geonames_id: Option<u32>, (lat, lon): (f64, f64)) -> String {
    let ring: Vec<String> = [(-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5), (-0.5, -0.5)]
        .iter()
        .map(|(dx, dy)| format!("[{},{}]", lon + dx, lat + dy))
        .collect();
    let id = geonames_id.map_or(String::new(), |id| format!(",\"geonames_id\":{id}"));
    format!(
        "{{\"type\":\"Feature\",\"properties\":{{\"country_code\":\"{cc}\",\"admin1\":\"{admin1}\"{id}}},\
         \"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[{}]]}}}}",
        ring.join(",")
    )
}

/// The fixture with two French towns whose GeoNames records name no admin1
/// (as Nouakchott's does) and the world outlines `shapes`.
fn with_world_outlines(name: &str, shapes: &[String]) -> PathBuf {
    let dir = scratch(name);
    copy_dir(&fixture(), &dir);
    let mut cities = std::fs::read_to_string(dir.join("cities500.txt")).unwrap();
    cities.push_str(
        "9100001\tVersaille\tVersaille\t\t48.80\t2.13\tP\tPPL\tFR\t\t\t\t\t\t85000\t\t\tEurope/Paris\t2023-01-01\n",
    );
    cities.push_str("9100002\tLillebourg\tLillebourg\t\t50.63\t3.06\tP\tPPL\tFR\t\t99\t\t\t\t230000\t\t\tEurope/Paris\t2023-01-01\n");
    std::fs::write(dir.join("cities500.txt"), cities).unwrap();
    std::fs::write(
        dir.join("admin1Shapes.geojson"),
        format!("{{\"type\":\"FeatureCollection\",\"features\":[{}]}}", shapes.join(",")),
    )
    .unwrap();
    dir
}

fn admin1_of(g: &Gazetteer, geonames_id: u32) -> String {
    g.place(g.by_geonames_id(geonames_id).unwrap()).admin1.to_string()
}

#[test]
fn places_no_admin1_code_names_take_the_world_outline_they_lie_in() {
    let shapes = [
        // Draws the unit FR.11: its places take the code table's name.
        outline("FR", "Ile de France (outline)", Some(3012874), (48.8, 2.2)),
        // A unit the code table lacks (code 99 is unknown): the outline's name.
        outline("FR", "Nord", None, (50.6, 3.0)),
    ];
    let dir = with_world_outlines("world-outlines", &shapes);
    let (report, g) = build_in(&dir);
    assert_eq!(report.admin1_by_world_outline, 2, "{report:#?}");
    assert_eq!(admin1_of(&g, 9100001), "Île-de-France");
    assert_eq!(admin1_of(&g, 9100002), "Nord");
    // A place whose code the table knows keeps the table's name.
    assert_eq!(admin1_of(&g, 2988507), "Île-de-France");

    // Outlines that outnumber the country's units more than twice are of a
    // lower level (counties, départements): not used.
    let mut more = shapes.to_vec();
    more.push(outline("FR", "Somme", None, (49.9, 2.3)));
    let dir = with_world_outlines("world-outlines-lower", &more);
    let (report, g) = build_in(&dir);
    assert_eq!(report.admin1_by_world_outline, 0);
    assert_eq!(admin1_of(&g, 9100002), "");
}

#[test]
fn the_admin1_table_renames_admin1_and_the_unit_answers_to_it() {
    let dir = scratch("admin1-table");
    copy_dir(&fixture(), &dir);
    std::fs::write(
        dir.join("admin1Acled.tsv"),
        "# ACLED's spelling\nFR\tIle-de-France\tIle de France Region\nTD\tOuadaï\tOuaddai\n",
    )
    .unwrap();
    let (report, g) = build_in(&dir);
    assert_eq!((report.admin1_table_rows, report.admin1_rows_skipped), (2, 1));
    assert_eq!(admin1_of(&g, 2988507), "Ile de France Region");
    assert_eq!(admin1_of(&g, 3012874), "Ile de France Region", "the unit itself");
    assert_eq!(ids(&g, "Ile de France Region"), [3012874]);
    // Mali's admin1 (from the polygons) is not in the table.
    assert_eq!(admin1_of(&g, 2449067), "Tombouctou");

    std::fs::write(dir.join("admin1Acled.tsv"), "FR\tIle-de-Franse\tX\n").unwrap();
    let err = build_error(&dir);
    assert!(
        err.contains("admin1Acled.tsv") && err.contains("line 1: FR / Ile-de-Franse"),
        "{err}"
    );
}

#[test]
fn a_unit_no_place_is_coded_in_stands_at_the_town_of_its_name() {
    // A municipality newer than its town's admin codes: no populated place is coded
    // in it, so neither the median of its places nor (when the town of its very name
    // is in its first-level unit) its parent's point will do.
    let dir = scratch("namesake");
    copy_dir(&fixture(), &dir);
    let append = |file: &str, line: &str| {
        let path = dir.join(file);
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str(line);
        std::fs::write(path, text).unwrap();
    };
    append("admin2Codes.txt", "FR.11.99\tMontlhery\tMontlhery\t9100001\n");
    append("admin2Codes.txt", "FR.11.98\tNowhere Ville\tNowhere Ville\t9100002\n");
    append(
        "cities500.txt",
        "9100003\tMontlhéry\tMontlhery\t\t48.6392\t2.2722\tP\tPPL\tFR\t\t11\t\t\t\t7600\t\t80\tEurope/Paris\t2023-01-01\n",
    );
    let (report, g) = build_in(&dir);
    assert_eq!(report.located_at_namesake, 1, "{report:#?}");
    let unit = g.place(g.by_geonames_id(9100001).unwrap());
    assert_eq!(unit.feature_code, "ADM2");
    assert_eq!((unit.latitude, unit.longitude), (48.6392, 2.2722));
    // No town of its name: the parent's point, as before.
    let other = g.place(g.by_geonames_id(9100002).unwrap());
    let region = g.place(g.by_geonames_id(3012874).unwrap());
    assert_eq!((other.latitude, other.longitude), (region.latitude, region.longitude));
}
