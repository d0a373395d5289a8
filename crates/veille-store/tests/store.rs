//! Storage, idempotency, merging and search, on documents and reports of our own writing.

use veille_model::{Document, Event, Evidence};
use veille_store::{EventFilter, MergeRules, Status, Store};

fn doc(id: &str, url: Option<&str>, title: &str, text: &str, source: &str) -> Document {
    Document {
        id: id.into(),
        url: url.map(String::from),
        title: Some(title.into()),
        text: text.into(),
        source: Some(source.into()),
        published: Some("2024-03-05".into()),
        lang: Some("fr".into()),
        ..Default::default()
    }
}

/// An event as the extractor codes it, with the words of `text` that support its fields.
#[allow(clippy::too_many_arguments)]
fn report(
    id: &str,
    text: &str,
    date: &str,
    precision: u8,
    event_type: &str,
    actor1: &str,
    actor2: &str,
    admin2: &str,
    location: &str,
    lat: f64,
    lon: f64,
    fatalities: u32,
    quotes: &[(&str, &str)],
) -> Event {
    let evidence = quotes
        .iter()
        .map(|(field, quote)| {
            let byte = text
                .find(quote)
                .unwrap_or_else(|| panic!("{quote:?} is not in the text"));
            let start = text[..byte].chars().count();
            Evidence {
                field: field.to_string(),
                start,
                end: start + quote.chars().count(),
                text: quote.to_string(),
                within: None,
                doc_id: None,
            }
        })
        .collect();
    Event {
        event_id: id.into(),
        event_date: date.into(),
        time_precision: precision,
        disorder_type: "Political violence".into(),
        event_type: event_type.into(),
        sub_event_type: String::new(),
        actor1: actor1.into(),
        actor2: actor2.into(),
        iso: 466,
        country: "Mali".into(),
        admin1: "Tombouctou".into(),
        admin2: admin2.into(),
        location: location.into(),
        latitude: Some(lat),
        longitude: Some(lon),
        geo_precision: 1,
        fatalities,
        fatalities_low: fatalities,
        fatalities_best: fatalities,
        fatalities_high: fatalities,
        evidence,
        ..Default::default()
    }
}

const OUTLET_A: &str = "Dans la nuit du 4 au 5 mars, des hommes armés non identifiés ont attaqué le poste \
de gendarmerie de Tonka, dans le cercle de Goundam. Deux gendarmes ont été tués, selon une source locale.";
const OUTLET_B: &str = "Les Forces armées maliennes annoncent avoir repoussé le 5 mars une attaque \
de terroristes contre la gendarmerie de Tonka (cercle de Goundam). Le bilan provisoire fait état \
de trois morts dans nos rangs.";
const OTHER_SAME_DAY: &str = "Le 5 mars, des manifestants ont bloqué la route nationale à Goundam \
pour protester contre les coupures d'électricité. Aucun blessé n'est signalé.";

fn outlet_a() -> (Document, Vec<Event>) {
    let d = doc(
        "a",
        Some("https://a.example/tonka"),
        "Attaque à Tonka",
        OUTLET_A,
        "Journal A",
    );
    let e = report(
        "VEI-A1",
        OUTLET_A,
        "2024-03-04",
        1,
        "Battles",
        "Unidentified Armed Group (Mali)",
        "Police Forces of Mali (2021-)",
        "Goundam",
        "Tonka",
        16.2917,
        -3.3958,
        2,
        &[
            ("actor1", "hommes armés non identifiés"),
            ("fatalities", "Deux gendarmes ont été tués"),
        ],
    );
    (d, vec![e])
}

fn outlet_b() -> (Document, Vec<Event>) {
    let d = doc(
        "b",
        Some("https://b.example/communique"),
        "Communiqué des FAMa",
        OUTLET_B,
        "Journal B",
    );
    let e = report(
        "VEI-B1",
        OUTLET_B,
        "2024-03-05",
        1,
        "Battles",
        "JNIM: Group for Support of Islam and Muslims",
        "Police Forces of Mali (2021-)",
        "Goundam",
        "Tonka",
        16.30,
        -3.40,
        3,
        &[("actor1", "terroristes"), ("fatalities", "trois morts")],
    );
    (d, vec![e])
}

fn other_same_day() -> (Document, Vec<Event>) {
    let d = doc("c", None, "Route bloquée à Goundam", OTHER_SAME_DAY, "Journal C");
    let e = report(
        "VEI-C1",
        OTHER_SAME_DAY,
        "2024-03-05",
        1,
        "Protests",
        "Protesters (Mali)",
        "",
        "Goundam",
        "Goundam",
        16.4145,
        -3.6708,
        0,
        &[("event_type", "manifestants ont bloqué la route")],
    );
    (d, vec![e])
}

#[test]
fn two_outlets_on_one_incident_merge_with_every_source_and_evidence() {
    let mut store = Store::open_in_memory().unwrap();
    let (da, ea) = outlet_a();
    let (db, eb) = outlet_b();
    store.put(&da, &ea, 100).unwrap();
    let out = store.put(&db, &eb, 200).unwrap();
    assert_eq!(out.merges.len(), 1, "{out:?}");
    let why = &out.merges[0].explanation;
    assert!(why.starts_with("merged because same admin2 Goundam"), "{why}");
    assert!(why.contains("dates 2024-03-04/2024-03-05 compatible"), "{why}");
    assert!(why.contains("same type Battles"), "{why}");
    assert!(why.contains("(one generic)"), "{why}");

    let events = store.events(&EventFilter::default()).unwrap();
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(e.event_id, "VEI-A1", "the founding report gives the id");
    assert_eq!(e.sources, vec!["a", "b"]);
    assert_eq!(
        e.actor1, "JNIM: Group for Support of Islam and Muslims",
        "a named actor beats a generic one"
    );
    assert_eq!(e.fatalities, 2, "ACLED keeps the lowest figure");
    assert_eq!((e.fatalities_low, e.fatalities_best, e.fatalities_high), (2, 2, 3));
    assert_eq!(e.evidence.len(), 4);
    for ev in &e.evidence {
        let doc_id = ev.doc_id.as_deref().unwrap();
        let text = if doc_id == "a" { OUTLET_A } else { OUTLET_B };
        let quoted: String = text.chars().skip(ev.start).take(ev.end - ev.start).collect();
        assert_eq!(quoted, ev.text, "evidence points into its own document");
    }
    assert_eq!(e.source, "Journal A; Journal B");

    // Undo: two events again, and the undone report does not merge back.
    let merge_id = store.merges().unwrap()[0].id;
    let undone = store.undo_merge(merge_id, 300).unwrap();
    assert_eq!(undone.undone_at, Some(300));
    let events = store.events(&EventFilter::default()).unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].sources, vec!["a"]);
    assert_eq!(events[0].fatalities, 2);
    assert_eq!(events[1].event_id, "VEI-B1");
    assert!(
        store.undo_merge(merge_id, 301).is_err(),
        "an undone merge cannot be undone twice"
    );
    assert_eq!(store.counts().unwrap().merges, 0);
}

#[test]
fn two_incidents_on_one_day_in_one_cercle_stay_apart() {
    let mut store = Store::open_in_memory().unwrap();
    let (db, eb) = outlet_b();
    let (dc, ec) = other_same_day();
    store.put(&db, &eb, 100).unwrap();
    let out = store.put(&dc, &ec, 200).unwrap();
    assert!(out.merges.is_empty());
    assert_eq!(store.events(&EventFilter::default()).unwrap().len(), 2);
    let why_not = store.merge_rules().compatible(&eb[0], &ec[0]).unwrap_err();
    assert!(why_not.contains("incompatible types Battles / Protests"), "{why_not}");
}

#[test]
fn a_raid_told_as_an_attack_and_as_looting_is_one_incident_but_not_an_arrest() {
    let store = Store::open_in_memory().unwrap();
    let text = "Le 5 mars, des hommes armés ont pillé les boutiques de Tonka et frappé des commerçants.";
    let told_as = |id: &str, event_type: &str, sub_event_type: &str, actor1: &str| {
        let mut e = report(
            id,
            text,
            "2024-03-05",
            1,
            event_type,
            actor1,
            "Civilians (Mali)",
            "Goundam",
            "Tonka",
            16.09,
            -3.2,
            0,
            &[],
        );
        e.sub_event_type = sub_event_type.into();
        e
    };
    let attack = told_as(
        "VEI-A",
        "Violence against civilians",
        "Attack",
        "Unidentified Armed Group (Mali)",
    );
    let looting = told_as(
        "VEI-L",
        "Strategic developments",
        "Looting/property destruction",
        "Unidentified Armed Group (Mali)",
    );
    let why = store.merge_rules().compatible(&attack, &looting).unwrap();
    assert!(
        why.contains("compatible types Violence against civilians / Looting/property destruction"),
        "{why}"
    );
    let arrests = told_as(
        "VEI-R",
        "Strategic developments",
        "Arrests",
        "Police Forces of Mali (2021-)",
    );
    let why_not = store.merge_rules().compatible(&attack, &arrests).unwrap_err();
    assert!(why_not.contains("incompatible types"), "{why_not}");
}

#[test]
fn dates_far_apart_or_places_far_apart_do_not_merge() {
    let rules = MergeRules::default();
    let (_, ea) = outlet_a();
    let (_, eb) = outlet_b();
    let mut later = eb[0].clone();
    later.event_date = "2024-03-09".into();
    assert!(rules.compatible(&ea[0], &later).unwrap_err().contains("days apart"));
    // Week precision widens the window.
    later.time_precision = 2;
    assert!(rules.compatible(&ea[0], &later).is_ok());
    let mut far = eb[0].clone();
    far.admin2 = "Niafunké".into();
    far.latitude = Some(15.93);
    far.longitude = Some(-3.99);
    assert!(rules.compatible(&ea[0], &far).unwrap_err().contains("km apart"));
    let mut other_actor = eb[0].clone();
    other_actor.actor2 = "Civilians (Mali)".into();
    assert!(rules
        .compatible(&ea[0], &other_actor)
        .unwrap_err()
        .contains("different actors"));
    // Generic actors on both sides do not make two named parties one.
    let mut x = eb[0].clone();
    x.actor1 = "Unidentified Armed Group (Mali)".into();
    x.actor2 = "Military Forces of Mali (2021-)".into();
    let mut y = eb[0].clone();
    y.actor1 = "JNIM: Group for Support of Islam and Muslims".into();
    y.actor2 = "Unidentified Armed Group (Mali)".into();
    assert!(rules.compatible(&x, &y).is_err());
    // The same clash with roles swapped is one battle.
    let mut z = x.clone();
    std::mem::swap(&mut z.actor1, &mut z.actor2);
    assert!(rules.compatible(&x, &z).unwrap().contains("roles swapped"));
    // A report dated only to its week joins a clash four days off at its place, not one in
    // another village of the cercle 40 km away.
    let mut week = x.clone();
    week.time_precision = 2;
    week.event_date = "2024-03-08".into();
    assert!(rules.compatible(&x, &week).is_ok());
    let mut elsewhere = week.clone();
    elsewhere.latitude = x.latitude.map(|l| l - 0.36);
    elsewhere.location = "Issa Béri".into();
    assert!(rules.compatible(&x, &elsewhere).unwrap_err().contains("not within"));
    // An event placed only in its region carries the seat's second-level unit, as ACLED
    // writes it; that is no evidence of one place with a village of that unit 40 km off.
    let mut regional = elsewhere.clone();
    regional.geo_precision = 3;
    regional.location = x.location.clone();
    let mut village = week.clone();
    village.latitude = regional.latitude.map(|l| l + 0.36);
    assert_eq!(regional.admin2, village.admin2);
    assert!(rules.compatible(&regional, &village).unwrap_err().contains("km apart"));
    // At precision 2 the shared unit still decides.
    regional.geo_precision = 2;
    assert!(rules.compatible(&regional, &village).is_ok());
    // So is a clash one outlet tells and the army's strike another tells of it; not two
    // attacks on civilians, whose roles are not symmetric.
    let mut strike = z.clone();
    strike.event_type = "Explosions/Remote violence".into();
    assert!(rules.compatible(&x, &strike).unwrap().contains("roles swapped"));
    let mut attack = x.clone();
    attack.event_type = "Violence against civilians".into();
    attack.actor2 = "Civilians (Mali)".into();
    let mut swapped = attack.clone();
    std::mem::swap(&mut swapped.actor1, &mut swapped.actor2);
    assert!(rules.compatible(&attack, &swapped).is_err());
    // A unit of an organisation is that organisation, named more precisely.
    assert!(rules.same_organisation(
        "Military Forces of Mali (2021-)",
        "Military Forces of Mali (2021-) Gendarmerie"
    ));
    assert!(!rules.same_organisation("Military Forces of Mali (2021-)", "Military Forces of Niger"));
    assert!(!rules.same_organisation("Mali", "Malian Army"), "whole words only");
    assert!(!rules.same_organisation(
        "Unidentified Armed Group (Mali)",
        "Unidentified Armed Group (Mali) Militia"
    ));
    // The merged event does not put one actor on both sides when roles were swapped.
    let merged = rules.combine("X", &[("x".into(), x.clone()), ("z".into(), z)]);
    assert_ne!(merged.actor1, merged.actor2, "{merged:?}");
}

#[test]
fn reports_of_one_document_under_one_id_are_all_kept() {
    // An extractor of another make may give several events one id: each is a report of
    // its own, none is lost and the document is stored.
    let mut store = Store::open_in_memory().unwrap();
    let (da, ea) = outlet_a();
    let thrice = vec![ea[0].clone(), ea[0].clone(), ea[0].clone()];
    let outcome = store.put(&da, &thrice, 1).unwrap();
    assert_eq!(outcome.reports, 3);
    assert_eq!(store.events(&EventFilter::default()).unwrap().len(), 3);
}

#[test]
fn reports_of_one_document_never_merge() {
    let mut store = Store::open_in_memory().unwrap();
    let (da, ea) = outlet_a();
    let mut twice = ea.clone();
    let mut copy = ea[0].clone();
    copy.event_id = "VEI-A2".into();
    twice.push(copy);
    store.put(&da, &twice, 1).unwrap();
    assert_eq!(store.events(&EventFilter::default()).unwrap().len(), 2);
}

#[test]
fn the_report_of_the_same_village_joins_before_one_of_another_village() {
    // Outlet A names Tonka; outlet B names Tonka and, first in id order, a village of the
    // same cercle 40 km off, attacked the same night by the same men. Reports of one
    // document never share an event, so B's Tonka report must join A's event first.
    let mut store = Store::open_in_memory().unwrap();
    let (da, ea) = outlet_a();
    store.put(&da, &ea, 1).unwrap();
    let text = "Le 5 mars, des hommes armés ont attaqué Tonka et Issa Béri, dans le cercle de Goundam.";
    let db = doc("b2", None, "Deux villages attaqués", text, "B");
    let village = |id: &str, name: &str, lat: f64, lon: f64| {
        let mut e = report(
            id,
            text,
            "2024-03-05",
            1,
            "Battles",
            "Unidentified Armed Group (Mali)",
            "Police Forces of Mali (2021-)",
            "Goundam",
            name,
            lat,
            lon,
            0,
            &[("location", name)],
        );
        e.doc_id = "b2".into();
        e
    };
    let other = village("VEI-0-issa", "Issa Béri", 15.93, -3.40);
    let tonka = village(
        "VEI-9-tonka",
        "Tonka",
        ea[0].latitude.unwrap(),
        ea[0].longitude.unwrap(),
    );
    let outcome = store.put(&db, &[other, tonka], 2).unwrap();
    assert_eq!(outcome.merges.len(), 1, "{:#?}", outcome.merges);
    assert_eq!(outcome.merges[0].report_event_id, "VEI-9-tonka");
    assert_eq!(outcome.merges[0].event_id, ea[0].event_id);
    let events = store.events(&EventFilter::default()).unwrap();
    let issa = events.iter().find(|e| e.location == "Issa Béri").unwrap();
    assert_eq!(issa.sources, ["b2"]);
}

#[test]
fn same_url_or_same_content_adds_nothing_and_updates_replace() {
    let mut store = Store::open_in_memory().unwrap();
    let (da, ea) = outlet_a();
    let (db, eb) = outlet_b();
    assert_eq!(store.put(&da, &ea, 1).unwrap().status, Status::New);
    store.put(&db, &eb, 1).unwrap();
    assert_eq!(
        store.put(&da, &ea, 2).unwrap().status,
        Status::Unchanged { doc_id: "a".into() }
    );

    // Same content under another id and URL.
    let mut copy = da.clone();
    copy.id = "mirror".into();
    copy.url = Some("https://mirror.example/x".into());
    assert_eq!(store.status(&copy).unwrap(), Status::Duplicate { doc_id: "a".into() });
    store.put(&copy, &ea, 3).unwrap();
    // Same URL under another id is the same document.
    let mut same_url = da.clone();
    same_url.id = "other-id".into();
    assert_eq!(
        store.status(&same_url).unwrap(),
        Status::Unchanged { doc_id: "a".into() }
    );
    assert_eq!(store.counts().unwrap().documents, 2);

    // Outlet A corrects its article: the old version and its events go.
    let mut updated = da.clone();
    updated.text = OUTLET_A.replace("Deux gendarmes", "Quatre gendarmes");
    let mut new_events = ea.clone();
    new_events[0].fatalities = 4;
    new_events[0].fatalities_low = 4;
    new_events[0].fatalities_best = 4;
    new_events[0].fatalities_high = 4;
    new_events[0].evidence.clear();
    let out = store.put(&updated, &new_events, 4).unwrap();
    assert_eq!(out.status, Status::Changed { doc_id: "a".into() });
    let counts = store.counts().unwrap();
    assert_eq!(
        (counts.documents, counts.reports, counts.events),
        (2, 2, 1),
        "{counts:?}"
    );
    let events = store.events(&EventFilter::default()).unwrap();
    assert_eq!(events[0].fatalities, 3, "the lowest of 4 and 3");
    assert_eq!(events[0].fatalities_high, 4);
    assert!(store.document("a").unwrap().unwrap().text.contains("Quatre"));
    assert!(
        store.search("deux gendarmes", 10).unwrap().is_empty(),
        "the index follows the update"
    );
}

#[test]
fn search_ignores_accents_and_case() {
    let mut store = Store::open_in_memory().unwrap();
    for (d, e) in [outlet_a(), outlet_b(), other_same_day()] {
        store.put(&d, &e, 1).unwrap();
    }
    let hits = store.search("armees MALIENNES", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].doc_id, "b");
    assert!(hits[0].snippet.contains("[maliennes]"), "{}", hits[0].snippet);
    let hits = store.search("gendarm*", 10).unwrap();
    assert_eq!(hits.iter().map(|h| h.doc_id.as_str()).collect::<Vec<_>>().len(), 2);
    assert!(store.search("électricité", 10).unwrap()[0].doc_id == "c");
    assert!(
        store.search("\"(", 10).is_err(),
        "a query without words is an error, not a panic"
    );
    assert!(store.search("AND OR NOT \"", 10).unwrap().is_empty());
}

#[test]
fn filters_select_events() {
    let mut store = Store::open_in_memory().unwrap();
    for (d, e) in [outlet_b(), other_same_day()] {
        store.put(&d, &e, 1).unwrap();
    }
    let ids = |f: EventFilter| -> Vec<String> { store.events(&f).unwrap().into_iter().map(|e| e.event_id).collect() };
    assert_eq!(
        ids(EventFilter {
            event_type: Some("protests".into()),
            ..Default::default()
        }),
        ["VEI-C1"]
    );
    assert_eq!(
        ids(EventFilter {
            actor: Some("jnim".into()),
            ..Default::default()
        }),
        ["VEI-B1"]
    );
    assert_eq!(
        ids(EventFilter {
            country: Some("466".into()),
            ..Default::default()
        })
        .len(),
        2
    );
    assert_eq!(
        ids(EventFilter {
            country: Some("niger".into()),
            ..Default::default()
        })
        .len(),
        0
    );
    assert_eq!(
        ids(EventFilter {
            from: Some("2024-03-06".into()),
            ..Default::default()
        })
        .len(),
        0
    );
    assert_eq!(
        ids(EventFilter {
            to: Some("2024-03-05".into()),
            ..Default::default()
        })
        .len(),
        2
    );
    assert_eq!(
        ids(EventFilter {
            bbox: Some([-3.5, 16.0, -3.3, 16.35]),
            ..Default::default()
        }),
        ["VEI-B1"]
    );
}

#[test]
fn a_confidence_floor_keeps_the_surer_events() {
    let mut store = Store::open_in_memory().unwrap();
    for ((d, mut events), confidence) in [(outlet_b(), 0.7), (other_same_day(), 0.45)] {
        for e in &mut events {
            e.confidence = confidence;
        }
        store.put(&d, &events, 1).unwrap();
    }
    let ids = |min_confidence: Option<f32>| -> Vec<String> {
        let filter = EventFilter {
            min_confidence,
            ..Default::default()
        };
        store.events(&filter).unwrap().into_iter().map(|e| e.event_id).collect()
    };
    assert_eq!(ids(Some(0.55)), ["VEI-B1"]);
    assert_eq!(ids(None).len(), 2);
}

#[test]
fn user_rules_replace_what_they_set() {
    let rules = MergeRules::from_toml("mine.toml", "max_distance_km = 5.0").unwrap();
    assert_eq!(rules.max_distance_km, 5.0);
    assert!(
        rules.is_generic_actor("Unidentified Armed Group (Niger)"),
        "other keys keep their defaults"
    );
    let err = MergeRules::from_toml("mine.toml", "date_tolerance_days = { \"9\" = 1 }").unwrap_err();
    assert!(err.to_string().contains("mine.toml"), "{err}");
    assert!(MergeRules::from_toml("mine.toml", "colour = 1").is_err());
}

#[test]
fn the_file_store_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.db");
    {
        let mut store = Store::open(&path).unwrap();
        let (da, ea) = outlet_a();
        store.put(&da, &ea, 1).unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.counts().unwrap().documents, 1);
    assert_eq!(store.integrity_check().unwrap(), Ok(()));
    assert_eq!(journal_mode_of(&path), "wal");
}

fn journal_mode_of(path: &std::path::Path) -> String {
    // Read the journal mode straight from the file header: bytes 18 and 19 are 2 in WAL mode.
    let bytes = std::fs::read(path).unwrap();
    if bytes[18] == 2 && bytes[19] == 2 {
        "wal".into()
    } else {
        "rollback".into()
    }
}
