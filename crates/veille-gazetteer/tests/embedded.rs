//! Look-ups in the shipped asset (assets/gazetteer.bin, compiled in): the
//! Sahel places the issue names, admin units next to their towns, and
//! French and English names.
use veille_gazetteer::{Gazetteer, NameKind, Place};

fn g() -> &'static Gazetteer {
    Gazetteer::embedded()
}

fn places(name: &str) -> Vec<Place<'static>> {
    g().lookup_name(name).into_iter().map(|h| g().place(h.place)).collect()
}

/// The place of `name` in `country` with this feature code.
fn find(name: &str, country: &str, code: &str) -> Place<'static> {
    let all = places(name);
    all.iter()
        .copied()
        .find(|p| p.country_code == country && p.feature_code == code)
        .unwrap_or_else(|| panic!("no {code} {name:?} in {country}: {all:#?}"))
}

#[test]
fn timbuktu_under_every_spelling() {
    for name in ["Tombouctou", "Timbuktu", "Tombuctu", "TOMBOUCTOU", "tombouctou"] {
        let p = find(name, "ML", "PPLA");
        assert_eq!(p.geonames_id, 2449067, "{name}");
        assert_eq!(p.admin1, "Tombouctou");
    }
    // The region is found under its French name too.
    let region = find("Région de Tombouctou", "ML", "ADM1");
    assert_eq!(region.admin1, "Tombouctou");
}

#[test]
fn admin_units_beside_their_towns() {
    for name in ["Gourma-Rharous", "Gourma Rharous", "gourma rharous"] {
        let town = find(name, "ML", "PPLA2");
        let cercle = find(name, "ML", "ADM2");
        for p in [town, cercle] {
            assert_eq!((p.admin1, p.admin2), ("Tombouctou", "Gourma-Rharous"), "{name}");
        }
    }
    let town = find("Goundam", "ML", "PPLA2");
    let cercle = find("Goundam", "ML", "ADM2");
    assert_ne!(town.geonames_id, cercle.geonames_id);
    assert_eq!((town.admin1, town.admin2), ("Tombouctou", "Goundam"));
    assert_eq!((cercle.admin1, cercle.admin2), ("Tombouctou", "Goundam"));
    assert!(g().has_longer_key("gourma"));
    assert!(g().has_longer_key("cercle de"));
    assert!(!g().has_longer_key("gourma rharous cercle de"));
}

#[test]
fn sahel_villages_of_the_full_dumps() {
    // Not in any population cut: these come from ML.txt / BF.txt.
    let ber = find("Ber", "ML", "MRSH"); // GeoNames has Bèr only as a marsh
    assert_eq!(ber.admin1, "Tombouctou");
    assert_eq!(find("Léré", "ML", "PPL").admin1, "Tombouctou");
    assert!(places("Boni")
        .iter()
        .any(|p| p.country_code == "ML" && p.admin2 == "Douentza"));
    let hombori = find("Hombori", "ML", "PPL");
    assert_eq!((hombori.admin1, hombori.admin2), ("Mopti", "Douentza"));
    let diafarabe = find("Diafarabé", "ML", "PPL");
    assert_eq!((diafarabe.admin1, diafarabe.admin2), ("Mopti", "Tenenkou"));
}

#[test]
fn burkina_and_niger() {
    let djibo = find("Djibo", "BF", "PPLA2");
    assert_eq!((djibo.admin1, djibo.admin2), ("Sahel", "Soum"));
    let soum = find("Soum", "BF", "ADM2");
    assert_eq!((soum.admin1, soum.admin2), ("Sahel", "Soum"));
    let ouaga = find("Ouagadougou", "BF", "PPLC");
    assert_eq!((ouaga.admin1, ouaga.admin2), ("Centre", "Kadiogo"));
    assert!(ouaga.population > 1_000_000);
    // Niger's admin2 are ACLED's (data/admin2-acled.tsv): the pre-2011
    // département each 2011 unit of the polygons was carved from, but
    // Banibangou and Tillia; admin1 and the units' own names are current.
    let niamey = find("Niamey", "NE", "PPLC");
    assert_eq!((niamey.admin1, niamey.admin2), ("Niamey", "Ville de Niamey"));
    let ayorou = find("Ayorou", "NE", "PPL");
    assert_eq!((ayorou.admin1, ayorou.admin2), ("Tillabéri", "Tillaberi"));
    let torodi = find("Torodi", "NE", "ADM2");
    assert_eq!(
        (torodi.name, torodi.admin1, torodi.admin2),
        ("Torodi", "Tillabéri", "Say")
    );
    let maradi = find("Maradi", "NE", "PPLA");
    assert_eq!((maradi.admin1, maradi.admin2), ("Maradi", "Madarounfa"));
    let bosso = find("Bosso", "NE", "ADM2");
    assert_eq!((bosso.admin1, bosso.admin2), ("Diffa", "Diffa"));
    let banibangou = find("Banibangou", "NE", "ADM2");
    assert_eq!((banibangou.admin1, banibangou.admin2), ("Tillabéri", "Banibangou"));
    let tillia = find("Tillia", "NE", "PPL");
    assert_eq!((tillia.admin1, tillia.admin2), ("Tahoua", "Tillia"));
    assert!(g()
        .metadata()
        .contains("admin2 table: crates/veille-gazetteer/data/admin2-acled.tsv"));
}

#[test]
fn chad_and_mauritania_admin1_as_acled_names_them() {
    // GeoNames gives Nouakchott no admin1 code since it split the district in
    // three: the Natural Earth outline it lies in names it.
    let nouakchott = find("Nouakchott", "MR", "PPLC");
    assert_eq!(nouakchott.admin1, "Nouakchott");
    assert!(g().metadata().contains("admin1 by world outline: "));
    // data/admin1-acled.tsv: ACLED's spellings, for the towns and the units.
    let abeche = find("Abéché", "TD", "PPLA");
    assert_eq!(abeche.admin1, "Ouaddai");
    let capital = find("N'Djamena", "TD", "PPLC");
    assert_eq!(capital.admin1, "Ville de NDjamena");
    let unit = find("Ouaddai", "TD", "ADM1");
    assert_eq!(unit.admin1, "Ouaddai");
    let nema = find("Néma", "MR", "PPLA");
    assert_eq!(nema.admin1, "Hodh Ech Chargui");
    // data/admin2-acled.tsv fixes admin2 spellings too, keyed by the admin1
    // before its renaming ("Hodh Ech Chargi").
    let bassikounou = find("Bassiknou", "MR", "ADM2");
    assert_eq!(
        (bassikounou.admin1, bassikounou.admin2),
        ("Hodh Ech Chargui", "Bassikounou")
    );
    assert!(g()
        .metadata()
        .contains("admin1 table: crates/veille-gazetteer/data/admin1-acled.tsv (9 rows, 0 skipped)"));
}

#[test]
fn first_level_units_sit_near_their_centroid() {
    // An archipelago's centroid falls in the sea: the island nearest it stands for the
    // state, Maui, where GeoNames places Hawaii (Natural Earth's label point is on Oahu).
    let hawaii = find("Hawaii", "US", "ADM1");
    assert!(
        (hawaii.latitude - 20.75).abs() < 0.5 && (hawaii.longitude + 156.5).abs() < 0.5,
        "{hawaii:?}"
    );
}

#[test]
fn world_places_and_countries() {
    let paris = find("Paris", "FR", "PPLC");
    assert_eq!(paris.geonames_id, 2988507);
    assert_eq!(paris.admin1, "Île-de-France");
    assert!((paris.latitude - 48.85).abs() < 0.05 && (paris.longitude - 2.35).abs() < 0.05);

    for (name, code) in [
        ("Côte d'Ivoire", "CI"),
        ("Cote d’Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("Tchad", "TD"),
        ("Mauritanie", "MR"),
        ("Algérie", "DZ"),
        ("Mali", "ML"),
        ("Burkina Faso", "BF"),
        ("Niger", "NE"),
    ] {
        let c = g()
            .country_by_name(&veille_gazetteer::fold_key(name))
            .unwrap_or_else(|| panic!("{name}"));
        assert_eq!(c.code, code, "{name}");
        let place = g().place(c.place.expect("every country is a place"));
        assert_eq!(place.country_code, code);
        assert!(place.feature_code.starts_with("PCL"), "{name}: {place:?}");
    }
    let ci = g().country("CI").unwrap();
    assert_eq!((ci.iso3, ci.iso_numeric, ci.name_fr), ("CIV", 384, "Côte d'Ivoire"));
    let hit = g()
        .lookup("cote d ivoire")
        .into_iter()
        .find(|h| h.place == ci.place.unwrap())
        .unwrap();
    assert_eq!(hit.kind, NameKind::Localized);
}

#[test]
fn lookups_are_sorted_and_one_per_place() {
    let hits = g().lookup("paris");
    assert!(hits.windows(2).all(|w| w[0].place < w[1].place));
    assert!(g().lookup("").is_empty());
    assert!(g().lookup("no such place anywhere").is_empty());
    let p = find("Djibo", "BF", "PPLA2");
    assert_eq!(g().by_geonames_id(p.geonames_id), Some(p.index));
    assert_eq!(g().by_geonames_id(u32::MAX), None);
    assert!(g().len() > 300_000);
}

#[test]
fn fuzzy_search_in_one_country_finds_what_the_world_search_finds_there() {
    for (key, distance, country) in [
        ("sassambari", 2, "BF"),
        ("tokabangou", 2, "bf"),
        ("koare", 1, "BF"),
        ("tombouktou", 2, "ML"),
        ("bani bangu", 2, "NE"),
    ] {
        let in_country = |hits: &[veille_gazetteer::NameHit]| {
            hits.iter()
                .any(|h| g().place(h.place).country_code.eq_ignore_ascii_case(country))
        };
        let world: Vec<(String, Vec<_>)> = g()
            .fuzzy_lookup(key, distance, 10_000)
            .into_iter()
            .filter(|(_, hits)| in_country(hits))
            .collect();
        let local = g().fuzzy_lookup_in(country, key, distance, 10_000);
        assert!(!local.is_empty(), "{key}: nothing within {distance} edits in {country}");
        assert_eq!(local, world, "{key} in {country}");
    }
    // Edits are counted by characters, and a distance past two finds nothing.
    assert!(g()
        .fuzzy_lookup_in("BF", "sassambare", 1, 10)
        .iter()
        .any(|(k, _)| k == "sassambare"));
    assert!(g().fuzzy_lookup_in("BF", "sassambari", 3, 10).is_empty());
}

#[test]
fn a_key_grown_word_by_word_finds_what_the_whole_key_finds() {
    // The definition, read off a range of the index.
    let range_has_longer = |key: &str| !g().keys_with_prefix(&format!("{key} "), 1).is_empty();
    for name in [
        "gourma rharous",
        "boucle du mouhoun",
        "n guigmi",
        "fada n gourma",
        "djibo",
        "zzzz qq",
        "cercle de",
    ] {
        let mut prefix = Some(g().key_prefix());
        let mut key = String::new();
        for word in name.split(' ') {
            let added = key.len();
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(word);
            prefix = prefix.and_then(|p| p.extended(&key.as_bytes()[added..]));
            assert_eq!(prefix.map(|p| p.hits()).unwrap_or_default(), g().lookup(&key), "{key}");
            let longer = prefix.is_some_and(|p| p.has_longer_key());
            assert_eq!(longer, g().has_longer_key(&key), "{key}");
            assert_eq!(longer, range_has_longer(&key), "{key}");
        }
    }
}

#[test]
fn a_municipality_without_coded_places_stands_at_its_town() {
    // Alberta's municipalities came into GeoNames after its towns were coded; the
    // town of Hinton is the municipality of Hinton, not Alberta's centre 280 km off.
    let unit = find("Hinton", "CA", "ADM2");
    let town = find("Hinton", "CA", "PPL");
    assert_eq!((unit.latitude, unit.longitude), (town.latitude, town.longitude));
}

#[test]
fn respelled_keys_find_other_transcriptions_in_the_country() {
    // GeoNames' "Bourtyana" (Burkina Faso) under a French "tch" and an English "u".
    let found = g().respelled_lookup_in("BF", "burtchana", 0, 10);
    assert!(found.iter().any(|(_, k, _)| k == "bourtyana"), "{found:?}");
    assert!(g().respelled_lookup_in("BF", "burtchapa", 0, 10).is_empty());
}
