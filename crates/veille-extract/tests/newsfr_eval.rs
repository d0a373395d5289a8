//! Runs the extractor on the lefaso.net articles of `../shared` that the team's French gold
//! (`eval/news-fr/gold.jsonl`, ids and labels only) annotates, and holds event precision and
//! recall and the place fields above floors a little below what docs/quality.md reports
//! (precision counts the four blind sets, coded before any extractor run on them).
//! Skips with a notice when `../shared` is absent.

mod common;

use std::collections::HashMap;
use std::path::PathBuf;

use veille_model::Document;

fn news_file() -> PathBuf {
    common::shared().join("data/news-fr/lefaso-security-2021-2022.jsonl")
}

#[test]
fn french_gold_scores_stay_above_floors() {
    let news = news_file();
    let Ok(text) = std::fs::read_to_string(&news) else {
        eprintln!("skipping: {} is absent", news.display());
        return;
    };
    let documents: HashMap<String, Document> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<Document>(l).ok())
        .map(|d| (d.id.clone(), d))
        .collect();
    let report = common::score_news_gold("news-fr", &documents);
    eprintln!("{report}");
    let precision = report.precision().unwrap_or(0.0);
    let recall = report.recall().unwrap_or(0.0);
    assert!(precision >= 0.88, "precision {precision:.3}");
    assert!(recall >= 0.88, "recall {recall:.3}");
    for (field, floor) in [
        // All 293 articles with a text, four blind sets and events abroad included, each
        // read in the country of its outlet, events placed at the country alone left out
        // (twentieth session): P 89.9, R 90.4, country 100, admin1 97.1, admin2 92.1,
        // location 84.0, fatalities 87.9, type 85.9 (86.4 before a bus stopped by gunmen was
        // found, coded as looting where the gold has an attack), date 93.0, pair 83.1.
        ("country", 0.99),
        ("admin1", 0.96),
        ("admin2", 0.91),
        ("location", 0.83),
        ("fatalities", 0.87),
        ("event_type", 0.85),
        ("event_date", 0.91),
        ("actor pair (any order)", 0.81),
    ] {
        let share = report.field(field).and_then(|f| f.accuracy()).unwrap_or(0.0);
        assert!(share >= floor, "{field}: {share:.3} < floor {floor}");
    }
}
