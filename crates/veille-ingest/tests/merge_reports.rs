//! End to end: three short reports of our own writing go through the real
//! extractor and the store. Two outlets tell one attack differently (other
//! date, other wording, other toll, roles named the other way round) and must
//! merge; a protest in the same cercle on the same day must not.

use veille_extract::Extractor;
use veille_ingest::progress::Progress;
use veille_ingest::veille_store::{EventFilter, Store};
use veille_ingest::{IngestOptions, Ingester};
use veille_model::Document;

const A: &str = "Dans la nuit du 4 au 5 mars, des hommes armés non identifiés ont attaqué le poste de \
gendarmerie de Tonka, dans le cercle de Goundam, région de Tombouctou. Deux gendarmes ont été tués, \
selon une source locale.";
const B: &str = "Les Forces armées maliennes annoncent avoir repoussé mardi une attaque terroriste contre \
la brigade de gendarmerie de Tonka (cercle de Goundam). Le bilan provisoire fait état de trois morts \
dans nos rangs.";
const C: &str = "Mardi 5 mars, des commerçants ont manifesté devant la mairie de Goundam, dans la région \
de Tombouctou, contre la hausse du prix du carburant. La manifestation s'est dispersée sans incident.";

fn doc(id: &str, source: &str, published: &str, text: &str) -> Document {
    Document {
        id: id.into(),
        source: Some(source.into()),
        published: Some(published.into()),
        text: text.into(),
        ..Default::default()
    }
}

/// An ingester over an in-memory store with the shipped lexicons.
fn in_memory_ingester() -> Ingester {
    Ingester::new(
        Store::open_in_memory().unwrap(),
        Extractor::new(None).unwrap(),
        IngestOptions::default(),
        Progress::quiet(),
    )
}

#[test]
fn one_attack_told_twice_merges_and_a_protest_stays_apart() {
    let mut ing = in_memory_ingester();
    let hints = IngestOptions::default();
    for d in [
        doc("outlet-a", "Journal A", "2024-03-05", A),
        doc("outlet-b", "Journal B", "2024-03-06", B),
        doc("outlet-c", "Journal C", "2024-03-05", C),
    ] {
        ing.ingest_document(d, &hints, 0).unwrap();
    }
    let events = ing.store.events(&EventFilter::default()).unwrap();
    let summary: Vec<String> = events
        .iter()
        .map(|e| format!("{} {} {} {:?}", e.event_date, e.event_type, e.admin2, e.sources))
        .collect();
    let attack: Vec<_> = events.iter().filter(|e| e.sources.len() == 2).collect();
    assert_eq!(attack.len(), 1, "one merged attack: {summary:?}");
    let attack = attack[0];
    assert_eq!(attack.sources, ["outlet-a", "outlet-b"]);
    assert_eq!(attack.event_type, "Battles");
    assert_eq!(attack.fatalities, 2, "ACLED keeps the lowest toll");
    assert_eq!((attack.fatalities_low, attack.fatalities_high), (2, 3));
    assert_eq!(attack.source, "Journal A; Journal B");
    for ev in &attack.evidence {
        let text = match ev.doc_id.as_deref() {
            Some("outlet-a") => A,
            Some("outlet-b") => B,
            other => panic!("evidence without its document: {other:?}"),
        };
        if ev.within.is_none() {
            let quoted: String = text.chars().skip(ev.start).take(ev.end - ev.start).collect();
            assert_eq!(quoted, ev.text);
        }
    }
    assert!(attack.evidence.iter().any(|e| e.doc_id.as_deref() == Some("outlet-b")));

    let protest: Vec<_> = events.iter().filter(|e| e.sources == ["outlet-c"]).collect();
    assert_eq!(protest.len(), 1, "the protest is its own event: {summary:?}");
    assert_eq!(events.len(), 2, "{summary:?}");

    let merges = ing.store.merges().unwrap();
    assert_eq!(merges.len(), 1);
    assert!(
        merges[0].explanation.starts_with("merged because same admin2 Goundam"),
        "{}",
        merges[0].explanation
    );
    ing.store.undo_merge(merges[0].id, 1).unwrap();
    assert_eq!(ing.store.events(&EventFilter::default()).unwrap().len(), 3);
}

#[test]
fn a_document_without_an_outlet_name_is_credited_to_its_url_host() {
    let mut ing = in_memory_ingester();
    let mut d = doc("outlet-a", "", "2024-03-05", A);
    d.source = None;
    d.url = Some("https://www.journal-a.example/2024/03/tonka".into());
    ing.ingest_document(d, &IngestOptions::default(), 0).unwrap();
    let events = ing.store.events(&EventFilter::default()).unwrap();
    assert!(!events.is_empty());
    assert!(
        events.iter().all(|e| e.source == "www.journal-a.example"),
        "{events:#?}"
    );
}
