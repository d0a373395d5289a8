//! Event extraction (being written): the API below is the contract other crates use.

use std::path::Path;
use veille_model::{Document, Event};

#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("lexicon {path}: {problem}")]
    Lexicon { path: String, problem: String },
    #[error("document {id}: {problem}")]
    Document { id: String, problem: String },
}

/// Loaded lexicons plus the geoparser; build once, share read-only.
pub struct Extractor;

impl Extractor {
    /// The built-in lexicons, extended by the files of `lexicon_dir` when given.
    pub fn new(_lexicon_dir: Option<&Path>) -> Result<Self, ExtractError> {
        Ok(Extractor)
    }

    /// The events one document reports, sorted and with stable ids.
    pub fn extract(&self, _doc: &Document) -> Result<Vec<Event>, ExtractError> {
        Ok(Vec::new())
    }
}
