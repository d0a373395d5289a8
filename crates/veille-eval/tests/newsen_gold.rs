//! The English general-news gold (`eval/news-en/gold.jsonl`) is well-formed: it
//! loads, it covers the three geoparsing corpora, every document without events
//! says what kind of news it is, and it carries no article text. The checks
//! against the corpora need `../shared`; without it they print a notice and pass.

mod common;
use common::shared;

use std::collections::BTreeMap;
use std::path::Path;

use veille_eval::geoparsing::english_news;
use veille_eval::news::{is_acled_type, load_gold, GoldDoc};

/// The kinds a no-event note may start with (docs/annotation.md, English gold).
const KINDS: [&str; 11] = [
    "crime",
    "disease",
    "accident",
    "disaster",
    "politics",
    "background",
    "plan",
    "economy",
    "sport",
    "culture",
    "other",
];

fn gold() -> Vec<GoldDoc> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/news-en/gold.jsonl");
    load_gold(&path).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn gold_covers_the_corpora_and_names_the_kind_of_every_empty_document() {
    let gold = gold();
    for prefix in ["GWN-", "GeoVirus-", "lgl-"] {
        let n = gold.iter().filter(|d| d.id.starts_with(prefix)).count();
        assert!(n >= 200, "{n} documents of {prefix}");
    }
    for doc in &gold {
        assert_eq!(doc.annotated_by, "veille-team", "{}", doc.id);
        for e in &doc.events {
            assert!(is_acled_type(&e.event_type, &e.sub_event_type), "{}", doc.id);
            assert!(e.country.is_some(), "{}: every English event names its country", doc.id);
        }
        if doc.events.is_empty() {
            let note = doc.note.as_deref().unwrap_or_default();
            let kind = note.split_once(':').map(|(k, _)| k);
            assert!(
                kind.is_some_and(|k| KINDS.contains(&k)),
                "{}: a document without events starts its note with its kind, got {note:?}",
                doc.id
            );
        }
    }
}

#[test]
fn ids_exist_and_no_article_text_is_copied() {
    let Some(shared) = shared() else {
        eprintln!("skipping: ../shared not found (set VEILLE_SHARED)");
        return;
    };
    let dir = shared.join("data/geoparsing");
    let Ok(news) = english_news(&dir) else {
        eprintln!("skipping: the corpora of {} are absent", dir.display());
        return;
    };
    let articles: BTreeMap<String, String> = news
        .into_iter()
        .map(|(id, a)| {
            (
                id,
                veille_text::fold(&format!("{} {}", a.title.unwrap_or_default(), a.text)),
            )
        })
        .collect();
    for doc in gold() {
        let body = articles
            .get(&doc.id)
            .unwrap_or_else(|| panic!("{} is not an article of the corpora", doc.id));
        let notes = doc.events.iter().map(|e| e.note.as_str()).chain(doc.note.as_deref());
        common::assert_no_quotation(&doc.id, notes, body);
    }
}
