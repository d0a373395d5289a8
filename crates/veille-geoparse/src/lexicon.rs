//! The geoparser's word lists: cues, demonyms, stop words, person titles and
//! agencies. They are data files (`data/` in this crate) embedded as defaults;
//! a user directory adds entries without recompiling.

// FxHash: these maps are probed once per token; SipHash's DoS resistance buys
// nothing for keys from our own word lists and cost a twentieth of the run time.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;

use serde::Deserialize;

use crate::GeoparseError;

/// How a cue word relates to the place name next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueRole {
    /// The name is an admin unit: "cercle de Goundam".
    Admin,
    /// The name is a town or village: "commune de Djibo".
    Place,
    /// The event is near the place: "près de Djibo", "30 km north of Djibo".
    Near,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CuePosition {
    Before,
    After,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Cue {
    pub words: Vec<String>,
    pub position: CuePosition,
    #[serde(default)]
    pub levels: Vec<String>,
    pub role: CueRole,
    pub precision: u8,
    /// The name is a unit that holds villages ("commune de Fada"): a village its
    /// sentence also names is the finer place.
    #[serde(default)]
    pub holds: bool,
}

#[derive(Deserialize)]
struct CueFile {
    cue: Vec<Cue>,
}

/// All word lists, folded with [`veille_text::fold`].
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Folded cue phrase (one or more words) → cues using it, per position.
    pub before: HashMap<String, Vec<Cue>>,
    pub after: HashMap<String, Vec<Cue>>,
    /// Longest cue phrase, in words.
    pub longest_cue: usize,
    /// The last word of every phrase of `before`: a word before a name that ends none
    /// is the end of no cue, and spares looking up every phrase that ends with it.
    pub before_ends: HashSet<String>,
    pub demonyms: HashMap<String, String>,
    /// Abbreviations read only in spans the caller asserts are places and writes in
    /// capitals ("SC", "WA"), each with every place it may stand for (country codes or
    /// GeoNames ids, as in `demonyms`).
    pub span_abbreviations: HashMap<String, Vec<String>>,
    /// Outlet host → the country it reports from (`outlets.tsv`), for
    /// [`Geoparser::outlet_country`](crate::Geoparser::outlet_country).
    pub outlets: HashMap<String, String>,
    /// Demonym-table keys written with a final period ("Kan.", "Calif."):
    /// in running text they stand for a place only with that period, since
    /// "Miss", "Wash" or "Pa" alone are words and names.
    pub dotted: HashSet<String>,
    pub stopwords: HashSet<String>,
    /// Makes and firms named like places ("Toyota", "Dodge"): alone, not a place.
    pub brands: HashSet<String>,
    pub person_titles: HashSet<String>,
    pub person_names: HashSet<String>,
    /// Given names that open a person's name when a surname follows ("Alice Fenwick").
    pub given_names: HashSet<String>,
    /// Verbs of saying: the capitalised word beside one is a person who speaks.
    pub speech_verbs: HashSet<String>,
    pub locatives: HashSet<String>,
    /// Compass words: a name made of them before "de"/"of" and a place is a direction.
    pub compass_words: HashSet<String>,
    pub capital_phrases: HashSet<String>,
    /// Phrases of `capital_phrases` with a DEMONYM slot ("the DEMONYM capital", "la
    /// capitale DEMONYM"), as (folded words before the slot, folded words after it): they
    /// name the capital of the demonym's country, whatever the source's country.
    pub demonym_capital_phrases: Vec<(Vec<String>, Vec<String>)>,
    pub agencies: HashSet<String>,
    pub feature_words: HashSet<String>,
    /// Capitalised words after a name that make it a street's ("Market Street").
    pub street_words: HashSet<String>,
    /// Words after a village name for a part of it ("Site", "Fulbe", "II").
    pub settlement_qualifiers: HashSet<String>,
    /// Words for a part of a town ("area", "quartier"): "the Tanghin area of Ouagadougou".
    pub town_parts: HashSet<String>,
}

const CUES: &str = include_str!("../data/cues.toml");
const DEMONYMS: &str = include_str!("../data/demonyms.tsv");
const SPAN_ABBREVIATIONS: &str = include_str!("../data/span-abbreviations.tsv");
const STOPWORDS: &str = include_str!("../data/stopwords.txt");
const BRANDS: &str = include_str!("../data/brands.txt");
const PERSON_TITLES: &str = include_str!("../data/person-titles.txt");
const PERSON_NAMES: &str = include_str!("../data/person-names.txt");
const GIVEN_NAMES: &str = include_str!("../data/given-names.txt");
const SPEECH_VERBS: &str = include_str!("../data/speech-verbs.txt");
const LOCATIVES: &str = include_str!("../data/locatives.txt");
const COMPASS_WORDS: &str = include_str!("../data/compass-words.txt");
/// The folded slot word of a capital phrase that a demonym fills.
const DEMONYM_SLOT: &str = "demonym";
const CAPITAL_PHRASES: &str = include_str!("../data/capital-phrases.txt");
const AGENCIES: &str = include_str!("../data/agencies.txt");
const OUTLETS: &str = include_str!("../data/outlets.tsv");
const FEATURE_WORDS: &str = include_str!("../data/feature-words.txt");
const SETTLEMENT_QUALIFIERS: &str = include_str!("../data/settlement-qualifiers.txt");
const STREET_WORDS: &str = include_str!("../data/street-words.txt");
const TOWN_PARTS: &str = include_str!("../data/town-parts.txt");

/// A one-word-per-line list of the lexicon: its built-in file name, its text, and the
/// set it fills. A user's `geoparse-<name>` in the lexicon directory adds to it.
type WordList = (&'static str, &'static str, fn(&mut Lexicon) -> &mut HashSet<String>);

const WORD_LISTS: &[WordList] = &[
    ("stopwords.txt", STOPWORDS, |l| &mut l.stopwords),
    ("brands.txt", BRANDS, |l| &mut l.brands),
    ("person-titles.txt", PERSON_TITLES, |l| &mut l.person_titles),
    ("person-names.txt", PERSON_NAMES, |l| &mut l.person_names),
    ("given-names.txt", GIVEN_NAMES, |l| &mut l.given_names),
    ("speech-verbs.txt", SPEECH_VERBS, |l| &mut l.speech_verbs),
    ("locatives.txt", LOCATIVES, |l| &mut l.locatives),
    ("compass-words.txt", COMPASS_WORDS, |l| &mut l.compass_words),
    ("capital-phrases.txt", CAPITAL_PHRASES, |l| &mut l.capital_phrases),
    ("agencies.txt", AGENCIES, |l| &mut l.agencies),
    ("feature-words.txt", FEATURE_WORDS, |l| &mut l.feature_words),
    ("settlement-qualifiers.txt", SETTLEMENT_QUALIFIERS, |l| {
        &mut l.settlement_qualifiers
    }),
    ("street-words.txt", STREET_WORDS, |l| &mut l.street_words),
    ("town-parts.txt", TOWN_PARTS, |l| &mut l.town_parts),
];

impl Lexicon {
    /// The built-in lists, plus the files of `dir` named like the built-in ones
    /// with a `geoparse-` prefix (`geoparse-cues.toml`, `geoparse-demonyms.tsv`,
    /// `geoparse-span-abbreviations.tsv`, `geoparse-outlets.tsv`, and
    /// for each word list `geoparse-stopwords.txt`, `geoparse-brands.txt`, `geoparse-person-titles.txt`,
    /// `geoparse-person-names.txt`, `geoparse-given-names.txt`, `geoparse-speech-verbs.txt`,
    /// `geoparse-locatives.txt`, `geoparse-compass-words.txt`, `geoparse-capital-phrases.txt`,
    /// `geoparse-agencies.txt`, `geoparse-feature-words.txt`,
    /// `geoparse-settlement-qualifiers.txt`, `geoparse-street-words.txt`,
    /// `geoparse-town-parts.txt`).
    pub fn load(dir: Option<&Path>) -> Result<Self, GeoparseError> {
        let mut lexicon = Lexicon::default();
        lexicon.add_cues("cues.toml (built in)", CUES)?;
        lexicon.add_demonyms("demonyms.tsv (built in)", DEMONYMS)?;
        lexicon.add_span_abbreviations("span-abbreviations.tsv (built in)", SPAN_ABBREVIATIONS)?;
        lexicon.add_outlets("outlets.tsv (built in)", OUTLETS)?;
        for (_, builtin, list) in WORD_LISTS {
            add_words(list(&mut lexicon), builtin);
        }
        if let Some(dir) = dir {
            let read = |name: &str| read_user_file(dir, name);
            if let Some((path, text)) = read("geoparse-cues.toml")? {
                lexicon.add_cues(&path, &text)?;
            }
            if let Some((path, text)) = read("geoparse-demonyms.tsv")? {
                lexicon.add_demonyms(&path, &text)?;
            }
            if let Some((path, text)) = read("geoparse-span-abbreviations.tsv")? {
                lexicon.add_span_abbreviations(&path, &text)?;
            }
            if let Some((path, text)) = read("geoparse-outlets.tsv")? {
                lexicon.add_outlets(&path, &text)?;
            }
            for (name, _, list) in WORD_LISTS {
                if let Some((_, text)) = read(&format!("geoparse-{name}"))? {
                    add_words(list(&mut lexicon), &text);
                }
            }
        }
        lexicon.split_demonym_capital_phrases();
        Ok(lexicon)
    }

    /// Moves the capital phrases with a DEMONYM slot out of the plain phrases.
    fn split_demonym_capital_phrases(&mut self) {
        let mut slotted: Vec<String> = self
            .capital_phrases
            .iter()
            .filter(|p| p.split(' ').any(|w| w == DEMONYM_SLOT))
            .cloned()
            .collect();
        slotted.sort();
        for phrase in slotted {
            self.capital_phrases.remove(&phrase);
            let words: Vec<&str> = phrase.split(' ').collect();
            let slot = words.iter().position(|w| *w == DEMONYM_SLOT).unwrap_or_default();
            let part = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
            self.demonym_capital_phrases
                .push((part(&words[..slot]), part(&words[slot + 1..])));
        }
    }

    fn add_cues(&mut self, origin: &str, text: &str) -> Result<(), GeoparseError> {
        let file: CueFile = toml::from_str(text).map_err(|e| GeoparseError::Lexicon {
            path: origin.into(),
            problem: e.to_string(),
        })?;
        for cue in file.cue {
            for word in &cue.words {
                let key = veille_text::fold(word);
                if key.is_empty() {
                    continue;
                }
                self.longest_cue = self.longest_cue.max(key.split(' ').count());
                if cue.position == CuePosition::Before {
                    let last = key.rsplit(' ').next().unwrap_or_default();
                    self.before_ends.insert(last.to_string());
                }
                let map = match cue.position {
                    CuePosition::Before => &mut self.before,
                    CuePosition::After => &mut self.after,
                };
                map.entry(key).or_default().push(cue.clone());
            }
        }
        Ok(())
    }

    fn add_demonyms(&mut self, origin: &str, text: &str) -> Result<(), GeoparseError> {
        for (word, code) in code_table(origin, text)? {
            let key = veille_text::fold(word);
            if word.trim().ends_with('.') && !key.contains(' ') {
                self.dotted.insert(key.clone());
            }
            self.demonyms.insert(key, code);
        }
        Ok(())
    }

    fn add_span_abbreviations(&mut self, origin: &str, text: &str) -> Result<(), GeoparseError> {
        for (word, code) in code_table(origin, text)? {
            let codes = self.span_abbreviations.entry(veille_text::fold(word)).or_default();
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        Ok(())
    }

    fn add_outlets(&mut self, origin: &str, text: &str) -> Result<(), GeoparseError> {
        for (host, code) in code_table(origin, text)? {
            if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Err(GeoparseError::Lexicon {
                    path: origin.into(),
                    problem: format!("outlet {host:?}: {code:?} is not an ISO 3166-1 alpha-2 code"),
                });
            }
            self.outlets.insert(host.trim().to_ascii_lowercase(), code);
        }
        Ok(())
    }

    /// The place code of a demonym or abbreviation, plurals included
    /// ("Syrians", "Czechs", "Iraqis" as "Syrian", "Czech", "Iraqi").
    pub fn demonym(&self, key: &str) -> Option<&String> {
        self.demonyms.get(key).or_else(|| {
            let singular = key.strip_suffix('s')?;
            // Only a real word takes the plural: "u s" is not "u".
            (singular.len() > 3 && !singular.contains(' ') && !self.dotted.contains(singular))
                .then(|| self.demonyms.get(singular))
                .flatten()
        })
    }
}

/// The `word<TAB>code` lines of a table of the lexicon (comments and blank lines
/// skipped), codes in capitals.
fn code_table<'t>(origin: &str, text: &'t str) -> Result<Vec<(&'t str, String)>, GeoparseError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((word, code)) = line.split_once('\t') else {
            return Err(GeoparseError::Lexicon {
                path: format!("{origin}:{}", n + 1),
                problem: "expected `word<TAB>country code or GeoNames id`".into(),
            });
        };
        out.push((word, code.trim().to_ascii_uppercase()));
    }
    Ok(out)
}

/// `(path, text)` of `name` in a user's lexicon directory, `None` when the
/// directory has no such file. Shared by every stage that reads `--lexicon DIR`.
pub fn read_user_file(dir: &Path, name: &str) -> Result<Option<(String, String)>, GeoparseError> {
    let path = dir.join(name);
    if !path.exists() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&path).map_err(|e| GeoparseError::Lexicon {
        path: path.display().to_string(),
        problem: e.to_string(),
    })?;
    Ok(Some((path.display().to_string(), text)))
}

fn add_words(set: &mut HashSet<String>, text: &str) {
    for line in text.lines() {
        let line = line.trim();
        if !line.is_empty() && !line.starts_with('#') {
            set.insert(veille_text::fold(line));
        }
    }
}
