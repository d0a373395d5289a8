//! The French news gold (`eval/news-fr/gold.jsonl`) is well-formed: it loads,
//! it has the size and mix the annotation guide promises, its labels are
//! ACLED's, and it carries no article text. The checks against ACLED's label
//! inventory, the boundaries and the articles need `../shared`; without it
//! they print a notice and pass.

mod common;
use common::shared;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use veille_eval::actor_key;
use veille_eval::news::{is_acled_type, load_gold, GoldDoc, ACLED_SUB_EVENT_TYPES};

/// ACLED's name for the country of every French gold event without `country`.
const BURKINA: &str = "Burkina Faso";

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn gold() -> Vec<GoldDoc> {
    let path = repo_root().join("eval/news-fr/gold.jsonl");
    load_gold(&path).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn gold_has_the_promised_size_and_mix() {
    let gold = gold();
    assert!(
        gold.len() >= 60,
        "{} documents, the guide promises at least 60",
        gold.len()
    );
    let none = gold.iter().filter(|d| d.events.is_empty()).count();
    let one = gold.iter().filter(|d| d.events.len() == 1).count();
    let several = gold.iter().filter(|d| d.events.len() > 1).count();
    assert!(
        none >= 10 && one >= 30 && several >= 5,
        "mix: {none} none, {one} one, {several} several"
    );
    for doc in &gold {
        assert_eq!(doc.annotated_by, "veille-team", "{}", doc.id);
        if doc.events.is_empty() {
            assert!(doc.note.is_some(), "{}: a document without events says why", doc.id);
        }
    }
}

#[test]
fn every_event_is_consistent() {
    // Regime years of state forces follow the event date: the coup of
    // 24 January 2022 ends the "(2015-2022)" forces.
    for doc in gold() {
        for e in &doc.events {
            assert!(is_acled_type(&e.event_type, &e.sub_event_type), "{}", doc.id);
            // Every article has a publication date, so every event has a date.
            let date = e
                .event_date
                .as_deref()
                .unwrap_or_else(|| panic!("{}: the French gold dates every event", doc.id));
            assert!(date >= "2021-01-01", "{}: {date}", doc.id);
            for actor in [&e.actor1, &e.actor2].into_iter().flatten() {
                if actor.contains("Forces of Burkina Faso") {
                    let expected = if date < "2022-01-24" { "(2015-2022)" } else { "(2022-)" };
                    assert!(actor.contains(expected), "{}: {actor} on {date}", doc.id);
                }
            }
            if e.event_type == "Violence against civilians" {
                let a2 = e.actor2.as_deref();
                assert!(
                    a2.is_none_or(|a| a.starts_with("Civilians") || a.starts_with("VDP")),
                    "{}: violence against civilians needs civilian victims, got {a2:?}",
                    doc.id
                );
            }
            assert!(
                !e.note.is_empty() && e.note.len() <= 200,
                "{}: notes are short labels",
                doc.id
            );
        }
    }
}

#[test]
fn labels_match_acled_inventory_and_boundaries() {
    let Some(shared) = shared() else {
        eprintln!("skipping: ../shared not found (set VEILLE_SHARED)");
        return;
    };
    let categories = shared.join("data/acled/schema/acled_event_categories.csv");
    let text = std::fs::read_to_string(&categories).unwrap_or_else(|e| panic!("{}: {e}", categories.display()));
    let inventory: BTreeSet<(String, String)> = text
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut cols = l.split(',');
            Some((cols.next()?.to_string(), cols.next()?.to_string()))
        })
        .collect();
    let ours: BTreeSet<(String, String)> = ACLED_SUB_EVENT_TYPES
        .iter()
        .map(|(t, s)| (t.to_string(), s.to_string()))
        .collect();
    assert_eq!(ours, inventory, "the built-in table is ACLED's list");

    // Actor names: every one the gold uses appears in one of ACLED's files
    // once regime years are stripped (the files end in 2020, before the
    // regimes our articles name). An event abroad may name its country's
    // forces or groups, which those files lack: "Military Forces of Togo" is
    // accepted because "Military Forces of Burkina Faso" is known.
    let mut known_actors: BTreeSet<String> = BTreeSet::new();
    for file in [
        "burkina-faso-1997-2020.csv",
        "niger-1997-2020-hxl.csv",
        "g5-sahel-without-mali-1997-2018-old-schema.csv",
    ] {
        let acled = shared.join("data/acled").join(file);
        let text = std::fs::read_to_string(&acled).unwrap_or_else(|e| panic!("{}: {e}", acled.display()));
        known_actors.extend(text.lines().flat_map(|l| l.split(',')).map(actor_key));
    }
    let is_acled_actor = |actor: &str, country: &str| {
        actor.is_empty()
            || known_actors.contains(&actor_key(actor))
            || known_actors.contains(&actor_key(&actor.replace(country, BURKINA)))
    };
    let niger_admins = niger_admin_pairs(&shared);

    // Admin names: the province polygons carry both admin1 and admin2.
    let bfa = shared.join("data/boundaries/BFA_adm2.geojson");
    let geo: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&bfa).unwrap_or_else(|e| panic!("{}: {e}", bfa.display())))
            .unwrap_or_else(|e| panic!("{}: {e}", bfa.display()));
    let mut provinces: BTreeMap<String, String> = BTreeMap::new();
    for f in geo["features"].as_array().expect("features") {
        let p = &f["properties"];
        provinces.insert(
            veille_text::fold(p["admin2"].as_str().unwrap()),
            veille_text::fold(p["admin1"].as_str().unwrap()),
        );
    }
    let regions: BTreeSet<&String> = provinces.values().collect();

    for doc in gold() {
        for e in &doc.events {
            let country = e.country.as_deref().unwrap_or(BURKINA);
            for actor in [&e.actor1, &e.actor2].into_iter().flatten() {
                assert!(
                    is_acled_actor(actor, country),
                    "{}: actor {actor:?} is not an ACLED name",
                    doc.id
                );
            }
            if country == "Niger" {
                // ACLED's Niger admin2 are the 36 départements of before 2011, as
                // its own rows name them, not the polygons' 63.
                let a1 = e.admin1.as_deref().map(veille_text::fold);
                let a2 = e.admin2.as_deref().map(veille_text::fold);
                assert!(
                    niger_admins
                        .iter()
                        .any(|(n1, n2)| a1.as_ref().is_none_or(|a| a == n1) && a2.as_ref().is_none_or(|a| a == n2)),
                    "{}: {a1:?}/{a2:?} is not an admin1/admin2 of ACLED's Niger rows",
                    doc.id
                );
                continue;
            }
            if country != BURKINA {
                // No file holds ACLED's admin names for Mali or Togo (the Mali
                // polygons predate the Ménaka region), so they are not checked.
                continue;
            }
            if let Some(a1) = &e.admin1 {
                assert!(regions.contains(&veille_text::fold(a1)), "{}: admin1 {a1}", doc.id);
            }
            if let Some(a2) = &e.admin2 {
                let region = provinces.get(&veille_text::fold(a2));
                assert!(region.is_some(), "{}: admin2 {a2} is not a province", doc.id);
                if let Some(a1) = &e.admin1 {
                    assert_eq!(region, Some(&veille_text::fold(a1)), "{}: {a2} is not in {a1}", doc.id);
                }
            }
        }
    }
}

/// The (admin1, admin2) pairs of ACLED's Niger rows, folded.
fn niger_admin_pairs(shared: &Path) -> BTreeSet<(String, String)> {
    let path = shared.join("data/acled/niger-1997-2020-hxl.csv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let headers = rows.headers().expect("a header row").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (c1, c2) = (column("admin1"), column("admin2"));
    rows.records()
        .filter_map(Result::ok)
        .map(|r| (veille_text::fold(&r[c1]), veille_text::fold(&r[c2])))
        // The second row is HXL tags, not a place.
        .filter(|(a1, _)| !a1.starts_with('#') && !a1.is_empty())
        .collect()
}

#[test]
fn ids_exist_and_no_article_text_is_copied() {
    let Some(shared) = shared() else {
        eprintln!("skipping: ../shared not found (set VEILLE_SHARED)");
        return;
    };
    let news = shared.join("data/news-fr/lefaso-security-2021-2022.jsonl");
    let Ok(text) = std::fs::read_to_string(&news) else {
        eprintln!("skipping: {} not found", news.display());
        return;
    };
    let mut articles: BTreeMap<String, String> = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let v: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{}:{}: {e}", news.display(), n + 1));
        let body = format!(
            "{} {}",
            v["title"].as_str().unwrap_or(""),
            v["text"].as_str().unwrap_or("")
        );
        articles.insert(v["id"].as_str().unwrap().to_string(), veille_text::fold(&body));
    }
    for doc in gold() {
        let body = articles
            .get(&doc.id)
            .unwrap_or_else(|| panic!("{} is not in {}", doc.id, news.display()));
        let notes = doc.events.iter().map(|e| e.note.as_str()).chain(doc.note.as_deref());
        common::assert_no_quotation(&doc.id, notes, body);
    }
}
