//! Event extraction: documents in, ACLED-coded events out, each field with the words
//! of the source that support it.
//!
//! Contract:
//! - [`Extractor::new`] loads the built-in lexicons (`lexicons/*.toml|tsv` of the repo,
//!   compiled in) and the files of an optional user directory, which add entries or
//!   replace built-in ones of the same name, without recompiling. Build it once and share
//!   it: it is read-only and `Sync`.
//! - [`Extractor::extract`] gives the events one document reports, sorted (date, country,
//!   admin1, admin2, location, type) with stable ids (a hash of document id, place, date
//!   and type). The same input gives the same output.
//! - Every field taken from the text has [`veille_model::Evidence`] with Unicode
//!   code-point offsets into the document's `text`, or into its `title` (`in: "title"`).
//! - Background, commentary, plans, threats, denials and totals over periods give no
//!   event; an incident told in several sentences is one event; one event per place per day.
//! - An event the text places no finer than a country is left out, as ACLED codes none it
//!   cannot place in a region at least; [`Extractor::with_unplaced`] keeps them.
//!
//! The pipeline, each stage a module with plain data in and out:
//! language ([`veille_text::detect_language`] on the body) → sentences and paragraphs
//! ([`veille_text`]) → mentions ([`mentions`]: actors, triggers, cues, numbers, [`dates`];
//! places come in as [`veille_geoparse::PlaceHit`]s) → frames ([`frames`]: trigger,
//! participants, place, date, dead; completed across sentences) → coded events
//! ([`coding`]: ACLED taxonomy and precedence, actors and inter codes, fatalities,
//! evidence). [`Extractor::extract_with_places`] runs it on places given by the caller,
//! so every stage after the geoparser can be tested with hand-made places.
//!
//! Dependencies: `aho-corasick` matches the folded patterns of all seven lexicon sets
//! (actors, triggers, cues, word classes, vague counts, relative dates, identities) in one overlapping
//! pass per section (body or title), each set then taking its own leftmost-longest
//! whole-word matches per sentence (`PatternSet::select` in `folded`): one scan of the text
//! instead of six per sentence plus a re-scan per candidate. It is a contiguous NFA, not a
//! DFA: 0.5 MB instead of 9 MB, quicker to build, and as fast here. The section
//! is folded and tokenized once and every sentence reads its slice of it
//! ([`mentions::SectionText`]); sentence boundaries fall between words, so the slices are
//! what the sentence alone would give. Number, month and weekday words are looked up with
//! an inline FxHash ([`lexicon::WordHasher`]) rather than SipHash, which took most of the
//! date finder's time; twenty lines did not warrant a new dependency. `deunicode` (as in
//! `veille-text`) folds accents so offsets can be mapped back; `toml` and `serde` read the
//! lexicons; `chrono` resolves dates against the publication date; `sha2` makes event ids
//! that do not change between runs or platforms; `csv` and `serde_json` write the output
//! formats ([`output`]).

use std::path::Path;

use chrono::NaiveDate;
use veille_geoparse::{Geoparser, Hints, MentionRole, PlaceHit};
use veille_model::{Document, Event};

pub mod areas;
pub mod coding;
pub mod dates;
mod folded;
pub mod frames;
pub mod identity;
pub mod lexicon;
pub mod mentions;
pub mod output;

use frames::{Section, Within};
use lexicon::Lexicons;

#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("lexicon {path}: {problem}")]
    Lexicon { path: String, problem: String },
    #[error("document {id}: {problem}")]
    Document { id: String, problem: String },
}

impl From<veille_geoparse::GeoparseError> for ExtractError {
    fn from(e: veille_geoparse::GeoparseError) -> Self {
        match e {
            veille_geoparse::GeoparseError::Lexicon { path, problem } => ExtractError::Lexicon { path, problem },
        }
    }
}

/// Loaded lexicons plus the geoparser; build once, share read-only.
pub struct Extractor {
    lex: Lexicons,
    geoparser: Geoparser,
    areas: areas::ActorAreas,
    published: Option<NaiveDate>,
    country: Option<String>,
    lang: Option<String>,
    keep_unplaced: bool,
}

/// Parses `2022-09-20` or `2022-09-20T13:13:09[...]` into its date.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let head = s.trim().get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

impl Extractor {
    /// The built-in lexicons, extended by the files of `lexicon_dir` when given.
    pub fn new(lexicon_dir: Option<&Path>) -> Result<Self, ExtractError> {
        let lex = Lexicons::load(lexicon_dir)?;
        // The same directory extends the geoparser's word lists (geoparse-*.txt).
        let geoparser = match lexicon_dir {
            Some(dir) => Geoparser::new(veille_gazetteer::Gazetteer::embedded(), Some(dir))?,
            None => Geoparser::embedded(),
        };
        Ok(Extractor {
            areas: areas::ActorAreas::resolve(&lex, geoparser.gazetteer())?,
            lex,
            geoparser,
            published: None,
            country: None,
            lang: None,
            keep_unplaced: false,
        })
    }

    /// Publication date for documents that carry none (relative dates resolve against it).
    pub fn with_published(mut self, date: Option<NaiveDate>) -> Self {
        self.published = date;
        self
    }

    /// Country hint (ISO 3166-1 alpha-2) that overrides the documents' own.
    pub fn with_country(mut self, country: Option<String>) -> Self {
        self.country = country.map(|c| c.to_uppercase());
        self
    }

    /// Language (`fr` or `en`) that overrides the documents' own and detection.
    pub fn with_lang(mut self, lang: Option<String>) -> Self {
        self.lang = lang;
        self
    }

    /// Whether [`Extractor::extract`] keeps events placed no finer than a country. It
    /// leaves them out by default: ACLED's coarsest place is "a larger portion of a region"
    /// (geo_precision 3), and none of the 7,318 rows of the development files lacks an
    /// admin1, while such events in the annotated news are mostly totals, quotes of
    /// other outlets and general news with no incident (docs/quality.md). Keep them to
    /// code texts whose places were taken out on purpose, as `veille eval acled` masks
    /// the place hints of ACLED's notes.
    pub fn with_unplaced(mut self, keep: bool) -> Self {
        self.keep_unplaced = keep;
        self
    }

    pub fn lexicons(&self) -> &Lexicons {
        &self.lex
    }

    fn lang_of(&self, doc: &Document) -> String {
        self.lang
            .clone()
            .or_else(|| doc.lang.clone())
            .or_else(|| veille_text::detect_language(&doc.text).map(str::to_string))
            .unwrap_or_else(|| "fr".to_string())
    }

    fn published_of(&self, doc: &Document) -> Result<Option<NaiveDate>, ExtractError> {
        match doc.published.as_deref() {
            Some(p) if !p.trim().is_empty() => parse_date(p).map(Some).ok_or_else(|| ExtractError::Document {
                id: doc.id.clone(),
                problem: format!("publication date {p:?} is not ISO 8601 (YYYY-MM-DD)"),
            }),
            _ => Ok(self.published),
        }
    }

    /// The source's country: the extractor's own hint, else the document's, else the country
    /// its outlet reports from ([`Geoparser::outlet_country_of`]), as an upper-case code the
    /// gazetteer knows. An unknown code is the document's error, not a country: "Military
    /// Forces of ZZ" would reach every export.
    fn country_of(&self, doc: &Document) -> Result<Option<String>, ExtractError> {
        let given = self.country.as_deref().or(doc.country.as_deref()).map(str::trim);
        let Some(code) = given.filter(|c| !c.is_empty()) else {
            return Ok(self.geoparser.outlet_country_of(doc));
        };
        let code = code.to_ascii_uppercase();
        if self.geoparser.gazetteer().country(&code).is_none() {
            return Err(ExtractError::Document {
                id: doc.id.clone(),
                problem: format!("country {code:?} is no ISO 3166-1 alpha-2 code the gazetteer knows"),
            });
        }
        Ok(Some(code))
    }

    /// The events one document reports, sorted and with stable ids.
    pub fn extract(&self, doc: &Document) -> Result<Vec<Event>, ExtractError> {
        let hint = self.country_of(doc)?;
        let lang = self.lang_of(doc);
        let texts = self.prepare(doc);
        // Events grow only from event words: a document without one (most of a general
        // news feed) reports none, whatever its places, so the geoparser, half of the work,
        // is spared. Its input errors are still reported. So is a long article that names
        // an attack or a death once in passing (a profile, a budget debate, a health
        // story): it is not a report of violence, and the one word is background, a
        // metaphor or another sense.
        let event_words: usize = texts.iter().map(|(_, t)| t.event_words(&self.lex)).sum();
        let chars: usize = texts.iter().map(|(_, t)| t.text.chars().count()).sum();
        if event_words == 0 || event_words.saturating_mul(self.lex.chars_per_event_word) < chars {
            return self.check_eventless(doc).map(|()| Vec::new());
        }
        let mut hints = Hints {
            country: hint.clone(),
            lang: Some(lang.clone()),
            regions: self.actor_regions(&texts),
        };
        // The geoparser reads the words the sections already hold.
        let parse_title = |hints: &Hints| match (doc.title.as_deref(), texts.get(1)) {
            (_, Some((_, title))) => self.geoparser.parse_words(&title.words, hints),
            (Some(t), None) => self.geoparser.parse(t, hints),
            (None, None) => Vec::new(),
        };
        let mut title = parse_title(&hints);
        // A country the headline names ("Est du Burkina : l'attaque d'un convoi …") is the
        // article's focus, as a source's own country would be, for the headline's own
        // villages too: another country it names as a speaker ("Burkina : la Turquie
        // condamne l'attaque a Inata") must not halve the village's country vote.
        if hints.country.is_none() {
            hints.country = title
                .iter()
                .find(|h| h.role == MentionRole::Country)
                .map(|h| h.mention.country_code.clone());
            if hints.country.is_some() {
                title = parse_title(&hints);
            }
        }
        let body = self.geoparser.parse_words(&texts[0].1.words, &hints);
        // A headline in which no place was found ("Inhumation des gendarmes tués a Inata") is
        // read again in the country its body's places lie in: a headline alone is too short
        // to vote for one. Not one whose places were read already (a body's village misread
        // abroad would move them), nor a headline in title case, where every word is
        // capitalised and a hint would make places of "Key" or "Barr".
        let headline_in_sentence_case = texts
            .get(1)
            .is_some_and(|(_, t)| !mentions::headline_case(&t.words.tokens));
        if hints.country.is_none() && title.is_empty() && headline_in_sentence_case {
            hints.country = dominant_country(body.iter());
            if hints.country.is_some() {
                title = parse_title(&hints);
            }
        }
        // The language found above, not detected a second time.
        let mut events = self.extract_in(doc, hint, lang, texts, &body, &title)?;
        if !self.keep_unplaced {
            events.retain(|e| !(e.geo_precision == 3 && e.admin1.is_empty()));
        }
        Ok(events)
    }

    /// The body's and the title's lexicon matches, found once for the geoparser's
    /// hints and the mentions alike.
    fn prepare<'d>(&self, doc: &'d Document) -> Vec<(Within, mentions::SectionText<'d>)> {
        let mut texts = vec![(Within::Body, mentions::SectionText::new(&self.lex, &doc.text))];
        if let Some(t) = doc.title.as_deref().filter(|t| !t.trim().is_empty()) {
            texts.push((Within::Title, mentions::SectionText::new(&self.lex, t)));
        }
        texts
    }

    /// Regions where the named groups of the document operate (areas.rs), sorted.
    fn actor_regions(&self, texts: &[(Within, mentions::SectionText<'_>)]) -> Vec<(String, String)> {
        let mut regions: Vec<(String, String)> = texts
            .iter()
            .flat_map(|(_, t)| t.hits(&self.lex.actor_set, lexicon::scan::ACTORS, (0, t.text.len())))
            .flat_map(|h| h.payload.iter())
            .filter_map(|&i| match &self.lex.actors[i].kind {
                lexicon::ActorKind::Named { name, .. } => Some(name.as_str()),
                _ => None,
            })
            .flat_map(|name| self.areas.of(name))
            .map(|a| (a.country_code.clone(), a.admin1.clone()))
            .collect();
        regions.sort();
        regions.dedup();
        regions
    }

    /// [`Extractor::extract`] with the places of the body and of the title given. Every
    /// event is kept, placed or not: the caller chose the places.
    pub fn extract_with_places(
        &self,
        doc: &Document,
        body_places: &[PlaceHit],
        title_places: &[PlaceHit],
    ) -> Result<Vec<Event>, ExtractError> {
        let hint = self.country_of(doc)?;
        self.extract_in(
            doc,
            hint,
            self.lang_of(doc),
            self.prepare(doc),
            body_places,
            title_places,
        )
    }

    /// The input errors [`Extractor::extract_in`] reports, for a document with no event
    /// word.
    fn check_eventless(&self, doc: &Document) -> Result<(), ExtractError> {
        if doc.text.trim().is_empty() {
            return Err(empty_text(doc));
        }
        self.published_of(doc).map(|_| ())
    }

    /// `hint` is the document's [`Extractor::country_of`].
    fn extract_in(
        &self,
        doc: &Document,
        hint: Option<String>,
        lang: String,
        texts: Vec<(Within, mentions::SectionText<'_>)>,
        body_places: &[PlaceHit],
        title_places: &[PlaceHit],
    ) -> Result<Vec<Event>, ExtractError> {
        if doc.text.trim().is_empty() {
            return Err(empty_text(doc));
        }
        let published = self.published_of(doc)?;
        let mut sections: Vec<Section<'_>> = texts
            .into_iter()
            .map(|(within, text)| {
                let places = if within == Within::Body {
                    body_places
                } else {
                    title_places
                };
                self.section(within, text, places, published)
            })
            .collect();
        // A place mention on a date word ("Hier" read as a town) or on an event word
        // ("Massacre", a village of Saint Lucia) is not a place.
        for sec in &mut sections {
            let dates: Vec<(usize, usize)> = sec
                .sentences
                .iter()
                .flat_map(|s| {
                    let d = s.dates.iter().map(|d| (d.start, d.end));
                    d.chain(s.triggers.iter().map(|t| (t.start, t.end)))
                })
                .collect();
            for (u, h) in sec.usable.iter_mut().zip(sec.places) {
                *u = *u && !dates.iter().any(|&(a, b)| a < h.byte_end && h.byte_start < b);
            }
        }
        let kept = || {
            sections
                .iter()
                .flat_map(|s| s.places.iter().zip(&s.usable).filter(|(_, &u)| u).map(|(h, _)| h))
        };
        let country = hint.or_else(|| dominant_country(kept()));
        // Countries the document names outright (a country name, a demonym, or a national
        // capital, also as the dateline that opens the report: "BEIRUT:"), or focuses on.
        let mut named: Vec<String> = sections
            .iter()
            .flat_map(|s| {
                s.places
                    .iter()
                    .zip(&s.usable)
                    .filter(|(_, &u)| u)
                    .map(move |(h, _)| (s.text, h))
            })
            .filter(|&(text, h)| {
                matches!(h.role, MentionRole::Country | MentionRole::Demonym)
                    || self.names_a_capital(h)
                    || (h.mention.feature_code == "PPLC" && in_dateline(text, h))
            })
            .map(|(_, h)| h.mention.country_code.to_uppercase())
            .collect();
        named.extend(country.clone());
        for sec in &mut sections {
            let (places, text) = (sec.places, sec.text);
            for (u, h) in sec.usable.iter_mut().zip(places) {
                // The capital a report is filed from is where the bureau is, not the event.
                let bureau = h.mention.feature_code == "PPLC" && in_dateline(text, h);
                *u = *u && !bureau && (named.is_empty() || named.contains(&h.mention.country_code.to_uppercase()));
            }
        }
        frames::cancel_quoted_speech(&self.lex, &mut sections);
        frames::cancel_ordinary_crime(&self.lex, &mut sections);
        frames::cancel_natural_harm(&self.lex, &mut sections);
        frames::cancel_deaths_without_violence(&mut sections);
        let now = frames::present(&sections, published);
        let mut frames = frames::build(&sections, now);
        frames::drop_titles_of_retold_bodies(&sections, &mut frames);
        frames::complete(&self.lex, &sections, &mut frames, published, now);
        frames::identified_victims(&sections, &mut frames);
        frames::drop_unplaced_titles_over_eventless_bodies(&sections, &mut frames);
        frames::drop_unplaced_totals_over_spans(&sections, &mut frames);
        frames::drop_long_past(&mut frames, now);
        frames::split_place_lists(&sections, &mut frames);
        if frames.iter().any(|f| f.date.is_none()) && frames.iter().any(|f| !f.summary) {
            return Err(ExtractError::Document {
                id: doc.id.clone(),
                problem: "no publication date to resolve its dates against (give \"published\" or --published)".into(),
            });
        }
        let ctx = coding::DocContext {
            doc,
            geoparser: &self.geoparser,
            areas: &self.areas,
            country,
            lang,
            published,
        };
        Ok(coding::events(&self.lex, &sections, &frames, &ctx))
    }

    /// Whether a place mention names a national capital outright, as no village abroad is
    /// mistaken for one: announced by a locative (a bare capital may stand for its
    /// government, "the Algiers Accord"), and written as one of its own names or as a phrase
    /// ("the Chadian capital"), not a former name ("Salisbury" for Harare).
    fn names_a_capital(&self, hit: &PlaceHit) -> bool {
        if !hit.announced || hit.mention.feature_code != "PPLC" {
            return false;
        }
        let gazetteer = self.geoparser.gazetteer();
        let names = gazetteer.lookup_name(&hit.mention.text);
        let place = gazetteer.by_geonames_id(hit.mention.geonames_id);
        names.is_empty()
            || names
                .iter()
                .any(|n| Some(n.place) == place && n.kind != veille_gazetteer::NameKind::Alternate)
    }

    fn section<'a>(
        &self,
        within: Within,
        prepared: mentions::SectionText<'a>,
        places: &'a [PlaceHit],
        published: Option<NaiveDate>,
    ) -> Section<'a> {
        let text = prepared.text;
        let paragraphs = veille_text::paragraphs(text);
        let mut sentences: Vec<_> = prepared
            .words
            .sentences
            .iter()
            .map(|s| {
                let para = paragraphs.partition_point(|p| p.end <= s.start);
                mentions::analyse(&self.lex, &prepared, (s.start, s.end), para, published)
            })
            .collect();
        if within == Within::Title {
            frames::headline_participles(text, &mut sentences);
        }
        mentions::carry_totals_into_followers(&mut sentences);
        Section {
            within,
            text,
            places,
            // Where the actors went ("se sont repliés vers Kota") is not where the event was.
            usable: places
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    let mut window = h.byte_start.saturating_sub(DEPARTURE_BYTES);
                    while !text.is_char_boundary(window) {
                        window += 1;
                    }
                    let before = &text[window..h.byte_start];
                    let from = before.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
                    // The section's text is folded already: folding the window again for
                    // every place took half of this test's time.
                    let departed = self.lex.heads_for(prepared.folded_between(window + from, h.byte_start));
                    // Nor is the town someone comes from, nor its state after it.
                    let hometown = is_hometown(text, places, i) || (i > 0 && is_hometown(text, places, i - 1));
                    !departed && !hometown
                })
                .collect(),
            sentences,
        }
    }
}

fn empty_text(doc: &Document) -> ExtractError {
    ExtractError::Document {
        id: doc.id.clone(),
        problem: "empty text".into(),
    }
}

/// Whether place `i` is where a person named before it comes from, written the news agencies'
/// way: a name, "of", the town and its state or country between commas ("Sgt. John Smith of
/// Austin, Texas, was among the dead"). A unit's own name ("the University of Texas", "the
/// village of Sim, Soum") has a head word in small letters or no person's name before "of".
fn is_hometown(text: &str, places: &[PlaceHit], i: usize) -> bool {
    let hit = &places[i];
    let Some(next) = places.get(i + 1) else {
        return false;
    };
    let holds = next.mention.country_code == hit.mention.country_code
        && (next.role == MentionRole::Country
            || (!next.mention.name.is_empty() && next.mention.name == hit.mention.admin1));
    let joined = text.get(hit.byte_end..next.byte_start) == Some(", ");
    let closed = text.get(next.byte_end..).is_some_and(|rest| rest.starts_with(','));
    let before = text.get(..hit.byte_start).unwrap_or_default();
    let name_of = before.strip_suffix(" of ").is_some_and(|head| {
        let word = head.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
        let capitalised =
            word.chars().next().is_some_and(char::is_uppercase) && word.chars().skip(1).all(char::is_lowercase);
        // A name, not the first word of a sentence ("J. Dunbar" and "Sgt. Dunbar" are names).
        let earlier = head[..head.len() - word.len()].trim_end();
        let sentence_start = earlier.is_empty()
            || earlier.strip_suffix(['.', '!', '?']).is_some_and(|e| {
                let last = e.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
                last.chars().count() > 3
            });
        capitalised && word.chars().count() > 1 && !sentence_start
    });
    holds && joined && closed && name_of
}

/// Whether place `hit` is written in capitals where a report opens on its dateline
/// ("BEIRUT:", "KAYA/OUAGADOUGOU:", "NAIROBI (Reuters) -"): near the start of the text,
/// nothing in small letters since the last sentence end, and a colon, a bracket or a dash
/// right after.
fn in_dateline(text: &str, hit: &PlaceHit) -> bool {
    let Some(before) = text.get(..hit.byte_start) else {
        return false;
    };
    let opening = &before[before.rfind(['.', '\n']).map_or(0, |i| i + 1)..];
    let written = text.get(hit.byte_start..hit.byte_end).unwrap_or_default();
    let after = text.get(hit.byte_end..).unwrap_or_default().trim_start();
    hit.byte_start < DATELINE_BYTES
        && !opening.chars().chain(written.chars()).any(char::is_lowercase)
        && written.chars().any(char::is_uppercase)
        && after.starts_with([':', '(', '-', '—', '–'])
}

/// How far into a text a dateline may stand, in bytes (a headline run into the text may
/// come first).
const DATELINE_BYTES: usize = 200;

/// How far before a place name a verb of leaving is looked for, in bytes (some seven
/// words).
const DEPARTURE_BYTES: usize = 80;

/// The country most places of the document lie in, if one leads.
fn dominant_country<'a>(hits: impl Iterator<Item = &'a PlaceHit>) -> Option<String> {
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for h in hits {
        let c = h.mention.country_code.to_uppercase();
        if !c.is_empty() {
            *counts.entry(c).or_default() += 1;
        }
    }
    let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    match ranked.as_slice() {
        // A tie says nothing about the document's focus.
        [first, second, ..] if first.1 == second.1 => None,
        [first, ..] => Some(first.0.clone()),
        [] => None,
    }
}
