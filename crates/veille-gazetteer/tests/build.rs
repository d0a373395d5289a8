//! The builder on a small fixture of our own (tests/fixtures/mini): admin
//! names by polygon, alternate names, dedupe across dumps, and errors.
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

#[test]
fn missing_dumps_are_an_error() {
    let dir = scratch("empty");
    let err = build_error(&dir);
    assert!(err.contains("no GeoNames dump"), "{err}");
}
