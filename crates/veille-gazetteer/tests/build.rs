//! The builder on a small fixture of our own (tests/fixtures/mini): admin
//! names by polygon, alternate names, dedupe across dumps, the admin2
//! renaming table, and errors.
use std::path::{Path, PathBuf};

use veille_gazetteer::build::{build, BuildOptions};
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
    let out = dir.join("g.bin");
    let report = build(&BuildOptions {
        from: dir.clone(),
        out: out.clone(),
        ..Default::default()
    })
    .unwrap();
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

    let g = Gazetteer::open(&out).unwrap();
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
    build(&BuildOptions {
        from: dir.clone(),
        out: out.clone(),
        ..Default::default()
    })
    .unwrap();
    let g = Gazetteer::open(&out).unwrap();
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
