//! What the news golds' tests share: where `../shared` is, and the check that a gold
//! keeps labels only, never a quotation of its article.

use std::path::{Path, PathBuf};

/// `$VEILLE_SHARED` or the `shared` folder beside the repository, when present.
pub fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("VEILLE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    dir.is_dir().then_some(dir)
}

/// Fails when a note shares six consecutive words with its article (`body`, folded):
/// that is a quotation, and the article belongs to its publisher.
pub fn assert_no_quotation<'a>(id: &str, notes: impl Iterator<Item = &'a str>, body: &str) {
    let body = format!(" {body} ");
    for note in notes {
        let words: Vec<String> = veille_text::fold(note).split(' ').map(String::from).collect();
        for window in words.windows(6) {
            let phrase = format!(" {} ", window.join(" "));
            assert!(!body.contains(&phrase), "{id}: note quotes the article ({phrase:?})");
        }
    }
}
