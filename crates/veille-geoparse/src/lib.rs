//! Geoparser: finds the places a French or English text names and resolves
//! each to a gazetteer entry with its admin hierarchy and an ACLED-style
//! precision.
//!
//! Contract: [`Geoparser::parse`] takes a text and [`Hints`] and returns every
//! place mention, sorted by position, each resolved ([`PlaceHit`]), with byte
//! offsets for the pipeline and code-point offsets in the public
//! [`PlaceMention`]. [`Geoparser::resolve_spans`] resolves exactly the spans
//! it is given (the resolution-only mode geoparsing benchmarks use).
//! The same text and hints always give the same output. [`Geoparser::document`]
//! takes the hint from the document, else from its outlet's address
//! ([`Geoparser::outlet_country_of`], `data/outlets.tsv`).
//!
//! How it works, in two stages, each plain data in and out:
//! 1. **Detection** ([`detect`]): capitalised token n-grams are looked up in
//!    the gazetteer's folded-name index (longest match first, growing an
//!    n-gram only while some longer key exists); cue words around a name
//!    ("cercle de", "province du", "Mopti region", "près de", "30 km au nord
//!    de", "entre X et Y", "axe X-Y") give its role, the admin levels it may
//!    resolve to and its precision; demonyms ("malien", "burkinabè") stand for
//!    their country. False positives are filtered by general rules: stop
//!    words, words the document also writes in lower case, person titles
//!    before a name, datelines and agency names ("Ouagadougou (AIB)").
//! 2. **Resolution** ([`resolve`]): each candidate gets a log-linear score from
//!    its feature class, population and name kind, the source's country hint,
//!    then, in a second pass, the document's context: the countries of the
//!    other places (one vote per distinct name, never for itself), admin
//!    containment (a village inside a mentioned cercle or region; a region
//!    holding the other places is as near to them as can be) and proximity
//!    to the other places. One name keeps one sense in a document. A given
//!    span the gazetteer cannot read as a whole takes the country, state or
//!    large city inside it ("Colorado State University"), else the
//!    document's focus place.
//!
//! Word lists (cues, demonyms, country and state abbreviations, stop words,
//! person titles and names, locatives, capital phrases, agencies, words of
//! features and streets) are data files in `data/`, extendable from a
//! directory without recompiling ([`Lexicon`]).
//!
//! Dependencies: the gazetteer's `fst` index does all name look-ups (exact,
//! range for "does a longer name start here", Levenshtein for local
//! spellings), so no second dictionary structure is built here; `toml` reads
//! the cue file; `rustc-hash` gives the per-token word-list probes a hash
//! that costs a fraction of SipHash (the keys come from our own lists, so
//! flooding resistance buys nothing).

use std::path::Path;
use std::sync::{Arc, OnceLock};

use veille_gazetteer::Gazetteer;
use veille_model::PlaceMention;

pub mod detect;
mod lexicon;
pub mod resolve;
mod spelling;

pub use lexicon::{read_user_file, Cue, CuePosition, CueRole, Lexicon};
pub use resolve::Candidate;

#[derive(Debug, thiserror::Error)]
pub enum GeoparseError {
    #[error("lexicon {path}: {problem}")]
    Lexicon { path: String, problem: String },
}

/// What the caller knows about the document.
#[derive(Debug, Clone, Default)]
pub struct Hints {
    /// ISO 3166-1 alpha-2 of the source's focus country.
    pub country: Option<String>,
    /// `fr` or `en`.
    pub lang: Option<String>,
    /// First-level units (country code, admin1 name) where the groups the
    /// document names operate: a weak prior among homonyms, below any unit
    /// the text itself names.
    pub regions: Vec<(String, String)>,
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
    /// The name as the text writes it, when the place was found only under another
    /// spelling than the gazetteer's own ("Seytenga" for GeoNames' Sitenga): the
    /// common name an event's `location` should carry.
    pub written_name: Option<String>,
    /// Whether a locative or cue word announces the place ("in the village of
    /// Mamouri", "cercle de Goundam") rather than the name standing bare, as a
    /// community's or a person's name may ("the Fulani (Bokoloji) community").
    pub announced: bool,
    /// Named as a unit that holds villages ("dans la commune de Fada",
    /// `holds` in cues.toml): a village the same sentence names is the finer
    /// place of what it tells.
    pub holds: bool,
}

/// Finds and resolves places. Cheap to clone: the gazetteer is shared and the
/// word lists sit behind an `Arc`.
#[derive(Clone)]
pub struct Geoparser {
    gazetteer: &'static Gazetteer,
    lexicon: Arc<Lexicon>,
    /// Country code → its capital (the most populous PPLC), found on first use.
    capitals: Arc<OnceLock<std::collections::HashMap<String, u32>>>,
    /// Near spellings already searched, shared by every geoparser over this gazetteer.
    spellings: Arc<detect::SpellingMemo>,
    /// (country, admin1, admin2 or "") → the town seating that unit, found on first use.
    seats: Arc<OnceLock<SeatIndex>>,
}

/// (country, admin1, admin2 or "") of an admin unit.
type UnitKey = (String, String, String);
type SeatIndex = std::collections::HashMap<UnitKey, u32>;
/// How a town fits a unit's seat, best lowest: its feature code's rank, then more people.
type SeatRank = (u8, std::cmp::Reverse<u64>);

impl Geoparser {
    /// The geoparser over the gazetteer and word lists shipped with the program.
    pub fn embedded() -> Self {
        static LEXICON: OnceLock<Arc<Lexicon>> = OnceLock::new();
        let lexicon =
            LEXICON.get_or_init(|| Arc::new(Lexicon::load(None).expect("built-in geoparser lexicon is valid")));
        static CAPITALS: OnceLock<Arc<OnceLock<std::collections::HashMap<String, u32>>>> = OnceLock::new();
        static SPELLINGS: OnceLock<Arc<detect::SpellingMemo>> = OnceLock::new();
        static SEATS: OnceLock<Arc<OnceLock<SeatIndex>>> = OnceLock::new();
        Geoparser {
            gazetteer: Gazetteer::embedded(),
            lexicon: lexicon.clone(),
            capitals: CAPITALS.get_or_init(Default::default).clone(),
            spellings: SPELLINGS.get_or_init(Default::default).clone(),
            seats: SEATS.get_or_init(Default::default).clone(),
        }
    }

    /// A geoparser over `gazetteer`, with the word lists of `lexicon_dir` added.
    pub fn new(gazetteer: &'static Gazetteer, lexicon_dir: Option<&Path>) -> Result<Self, GeoparseError> {
        Ok(Geoparser {
            gazetteer,
            lexicon: Arc::new(Lexicon::load(lexicon_dir)?),
            capitals: Default::default(),
            spellings: Default::default(),
            seats: Default::default(),
        })
    }

    /// The capital of a country: its most populous place coded PPLC.
    pub fn capital_of(&self, country: &str) -> Option<u32> {
        let capitals = self.capitals.get_or_init(|| {
            let mut best: std::collections::HashMap<String, (u64, u32)> = std::collections::HashMap::new();
            // Only the capitals are decoded: decoding every place of the world took as
            // long as geoparsing a thousand documents.
            for index in self.gazetteer.places_coded("PPLC") {
                let place = self.gazetteer.place(index);
                let entry = best
                    .entry(place.country_code.to_string())
                    .or_insert((place.population, index));
                if place.population > entry.0 {
                    *entry = (place.population, index);
                }
            }
            best.into_iter().map(|(cc, (_, index))| (cc, index)).collect()
        });
        capitals.get(&country.to_ascii_uppercase()).copied()
    }

    /// The town that seats the first- or second-level unit at `unit` (a gazetteer index):
    /// its PPLA, or for a second-level unit its PPLA2, else the PPLA or the capital inside
    /// it ("Fada N'Gourma" seats both the Est region and the Gourma province). ACLED writes
    /// an event known only to its unit at that town, not at the unit's name. `None` for a
    /// place that is no such unit, or whose seat the gazetteer does not code.
    pub fn seat_of(&self, unit: u32) -> Option<u32> {
        let place = self.gazetteer.place(unit);
        // By names, not codes: the Sahel's towns take their units from the boundary
        // polygons, which give names only.
        let key = match place.feature_code {
            "ADM1" if !place.admin1.is_empty() => (place.country_code, place.admin1, ""),
            "ADM2" if !place.admin2.is_empty() => (place.country_code, place.admin1, place.admin2),
            _ => return None,
        };
        let seats = self.seats.get_or_init(|| {
            // The best town so far per unit: the unit's own seat code first.
            let mut best: std::collections::HashMap<UnitKey, (SeatRank, u32)> = std::collections::HashMap::new();
            let mut offer = |key: UnitKey, rank: SeatRank, index: u32| {
                let entry = best.entry(key).or_insert((rank, index));
                if (rank, index) < *entry {
                    *entry = (rank, index);
                }
            };
            for (code, own_rank) in [("PPLA2", 0u8), ("PPLA", 1), ("PPLC", 2)] {
                for index in self.gazetteer.places_coded(code) {
                    let town = self.gazetteer.place(index);
                    let people = std::cmp::Reverse(town.population);
                    let (cc, a1) = (town.country_code.to_string(), town.admin1.to_string());
                    if a1.is_empty() {
                        continue;
                    }
                    if code != "PPLA2" {
                        offer((cc.clone(), a1.clone(), String::new()), (own_rank, people), index);
                    }
                    if !town.admin2.is_empty() {
                        offer((cc, a1, town.admin2.to_string()), (own_rank, people), index);
                    }
                }
            }
            best.into_iter().map(|(key, (_, index))| (key, index)).collect()
        });
        seats
            .get(&(key.0.to_string(), key.1.to_string(), key.2.to_string()))
            .copied()
    }

    pub fn gazetteer(&self) -> &'static Gazetteer {
        self.gazetteer
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The country an outlet reports from (`outlets.tsv`), by its address
    /// (`https://lefaso.net/spip.php?article1`) or its host ("www.lefaso.net"): the hint of
    /// a document that carries none. `None` for an outlet the table does not list, or whose
    /// country the gazetteer does not know.
    pub fn outlet_country(&self, address: &str) -> Option<String> {
        let address = address.trim();
        let host = match url::Url::parse(address) {
            Ok(url) => url.host_str()?.to_ascii_lowercase(),
            // A bare host has no scheme to parse; anything else is no outlet.
            Err(_) if !address.contains(['/', ' ']) => address.to_ascii_lowercase(),
            Err(_) => return None,
        };
        let host = host.trim_end_matches('.');
        // The host itself, then each shorter suffix after a dot: the longest entry wins.
        let suffixes = std::iter::once(host).chain(host.match_indices('.').map(|(i, _)| &host[i + 1..]));
        suffixes
            .filter_map(|suffix| self.lexicon.outlets.get(suffix))
            .next()
            .filter(|code| self.gazetteer.country(code).is_some())
            .cloned()
    }

    /// [`Geoparser::outlet_country`] of a document's address, else of its source written as
    /// a host.
    pub fn outlet_country_of(&self, doc: &veille_model::Document) -> Option<String> {
        [doc.url.as_deref(), doc.source.as_deref()]
            .into_iter()
            .flatten()
            .find_map(|address| self.outlet_country(address))
    }

    /// Every place mention of `text`, sorted by position.
    pub fn parse(&self, text: &str, hints: &Hints) -> Vec<PlaceHit> {
        self.parse_words(&veille_text::Words::new(text), hints)
    }

    /// [`Geoparser::parse`] of a text already split into words, for a caller that reads
    /// the same words itself.
    pub fn parse_words(&self, words: &veille_text::Words<'_>, hints: &Hints) -> Vec<PlaceHit> {
        let country = hints.country.as_deref();
        let mentions = detect::detect(
            self.gazetteer,
            &self.lexicon,
            words,
            country,
            &|cc| self.capital_of(cc),
            hints.lang.as_deref(),
            &self.spellings,
        );
        resolve::resolve(self.gazetteer, words.text, &mentions, hints)
    }

    /// Resolves exactly the given code-point spans of `text` and nothing else.
    /// A span whose words name no place of the hinted country is read as
    /// another spelling of one (vowels, `h`, nasals and doubled letters
    /// weigh half an edit; see `spelling.rs`), or without a village part's
    /// qualifier ("Essakane-Site"); such a guess more than 200 km from every
    /// other place of the document is dropped. A span left without a reading
    /// falls back to the document's focus place with precision 3; a span
    /// that cannot be placed at all is left out.
    pub fn resolve_spans(&self, text: &str, spans: &[[usize; 2]], hints: &Hints) -> Vec<PlaceHit> {
        let mentions = detect::mentions_for_spans(self.gazetteer, &self.lexicon, text, spans, hints.country.as_deref());
        resolve::resolve(self.gazetteer, text, &mentions, hints)
    }

    /// The places of a document: its `spans` when given, else every mention.
    pub fn document(&self, doc: &veille_model::Document) -> Vec<PlaceMention> {
        let hints = Hints {
            country: doc.country.clone().or_else(|| self.outlet_country_of(doc)),
            lang: doc.lang.clone(),
            regions: Vec::new(),
        };
        let hits = match &doc.spans {
            Some(spans) => self.resolve_spans(&doc.text, spans, &hints),
            None => self.parse(&doc.text, &hints),
        };
        hits.into_iter().map(|h| h.mention).collect()
    }

    /// The gazetteer candidates for one name, best first, with their scores
    /// before document context (what `veille place NAME` prints).
    pub fn candidates(&self, name: &str, hints: &Hints) -> Vec<Candidate> {
        resolve::candidates_for_name(self.gazetteer, &self.lexicon, name, hints)
    }
}
