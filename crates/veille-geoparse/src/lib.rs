//! Geoparser (being written): the API below is the contract other crates use.

use veille_model::PlaceMention;

/// What the caller knows about the document.
#[derive(Debug, Clone, Default)]
pub struct Hints {
    /// ISO 3166-1 alpha-2 of the source's focus country.
    pub country: Option<String>,
    /// `fr` or `en`.
    pub lang: Option<String>,
}

/// How a place is named in the text; decides the precision and which
/// gazetteer feature a mention may resolve to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionRole {
    /// A bare place name: "Djibo".
    Named,
    /// An admin unit named with its cue: "cercle de Goundam", "province du Soum".
    AdminUnit,
    /// "près de X", "near X", "à 30 km au nord de X", "entre X et Y", "sur l'axe X–Y".
    Near,
    /// A country name.
    Country,
    /// A demonym standing for its country: "malien", "burkinabè".
    Demonym,
}

/// One resolved place mention, with byte offsets for the pipeline and the
/// code-point offsets of the public record.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceHit {
    pub byte_start: usize,
    pub byte_end: usize,
    pub role: MentionRole,
    pub mention: PlaceMention,
}

/// Finds and resolves places. Cheap to clone: it only borrows the gazetteer.
#[derive(Clone, Copy)]
pub struct Geoparser;

impl Geoparser {
    /// The geoparser over the gazetteer shipped with the program.
    pub fn embedded() -> Self {
        Geoparser
    }

    /// Every place mention of `text`, sorted by position.
    pub fn parse(&self, _text: &str, _hints: &Hints) -> Vec<PlaceHit> {
        Vec::new()
    }
}
