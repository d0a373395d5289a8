//! What the extractor's test files share.

use std::path::{Path, PathBuf};

/// `$VEILLE_SHARED`, or the `shared` folder beside the repository: the development data
/// that tests read when present and skip, with a notice, when not.
pub fn shared() -> PathBuf {
    std::env::var_os("VEILLE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

/// Runs the built-in extractor on every document `eval/<gold>/gold.jsonl` annotates and
/// scores it, as `veille eval news-fr` / `news-en` do; a gold id with no document counts as
/// nothing found.
// Each test file compiles this module on its own; not all of them score a news gold.
#[allow(dead_code)]
pub fn score_news_gold(
    gold: &str,
    documents: &std::collections::HashMap<String, veille_model::Document>,
) -> veille_eval::news::NewsReport {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../eval/{gold}/gold.jsonl"));
    // The French gold names a country only for events abroad.
    let gold = if gold == "news-fr" {
        veille_eval::news::load_gold_in(&path, veille_eval::news::NEWS_FR_COUNTRY)
    } else {
        veille_eval::news::load_gold(&path)
    }
    .unwrap_or_else(|e| panic!("{e}"));
    let x = veille_extract::Extractor::new(None).unwrap();
    let predicted: Vec<(String, Vec<veille_model::Event>)> = gold
        .iter()
        .filter_map(|g| documents.get(&g.id))
        .map(|d| (d.id.clone(), x.extract(d).unwrap_or_default()))
        .collect();
    veille_eval::news::score(&gold, &predicted)
}
