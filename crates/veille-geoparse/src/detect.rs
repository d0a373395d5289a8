//! Stage 1: place mentions in a text, with the cue that frames each one.

use veille_gazetteer::{Gazetteer, NameHit, Place};
use veille_text::{CharIndex, Token, Words};

use crate::lexicon::{CuePosition, CueRole, Lexicon};
use crate::spelling::{max_spelling_cost, spelling_cost};
use crate::MentionRole;

/// Longest name, in tokens ("Boucle du Mouhoun" is 3, "Bosnia and Herzegovina" 3,
/// "Fada N'Gourma" 4 with its apostrophe).
const MAX_NAME_TOKENS: usize = 8;

/// Words that may sit inside a multi-word name without a capital.
const NAME_CONNECTORS: &[&str] = &[
    "de", "du", "des", "d", "la", "le", "les", "l", "el", "al", "of", "the", "and", "sur", "en", "y", "ag",
    // Tamasheq "in"/"tin" ("of"), written "Ti-n-Samane", "I-n-Ekar".
    "n",
];

/// Capital letters that, with an apostrophe, begin a name whose next word may be
/// written in lower case: "Fada N'gourma", "N'djamena". French elisions ("L'est",
/// "D'abord") are left out, so no name is read across an article or a pronoun.
const NAME_ELISIONS: &[&str] = &["N"];

/// Words between a cue and its name: "cercle **de** Goundam", "région **de l'**Est".
const CUE_CONNECTORS: &[&str] = &[
    "de", "du", "des", "d", "l", "la", "le", "les", "of", "the", "en", "a", "in", "au", "aux",
];

/// A place mention before resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct RawMention {
    pub byte_start: usize,
    pub byte_end: usize,
    /// Folded name looked up in the gazetteer.
    pub key: String,
    pub role: MentionRole,
    /// Feature codes the mention may resolve to (`P` = any populated place);
    /// empty = any.
    pub levels: Vec<String>,
    /// Precision set by a cue; `None` lets the resolved feature decide.
    pub precision: Option<u8>,
    /// Named by a cue as a unit that holds villages ("dans la commune de Fada").
    pub holds: bool,
    /// Gazetteer entries under `key`.
    pub hits: Vec<NameHit>,
    /// Country of a demonym mention.
    pub demonym_country: Option<String>,
    /// Found by reading the text, not given by the caller: such a bare
    /// one-word name must earn its place with a confident reading.
    pub detected: bool,
    /// Right after a locative word ("in Mansila", "à Tounté"): the text
    /// itself says a place follows, so a weak reading in the source's
    /// country need not earn its place.
    pub after_locative: bool,
    /// Read from a place named inside a longer given span ("Colorado" in
    /// "Colorado State University"): a guess for this span only, which
    /// neither sways the other mentions nor makes the document's focus.
    pub inside_longer: bool,
    /// Places of the source's country whose name is another spelling of
    /// `key`, with the cost of the difference: read only when no entry of
    /// `hits` is an acceptable reading ("Sassambari" is a Malian village in
    /// GeoNames and "Sassambaré" a Burkinabè one).
    pub spellings: Vec<(NameHit, f64)>,
    /// The text calls it a part of the place named right after it ("the Tanghin area of
    /// Ouagadougou", "le quartier Dapoya de Ouagadougou"): it lies in that town.
    pub part_of_next: bool,
}

impl Prepared<'_> {
    #[inline]
    fn folded(&self, i: usize) -> &str {
        self.words.folded(i)
    }
}

struct Prepared<'w> {
    words: &'w Words<'w>,
    tokens: &'w [Token<'w>],
    /// Whether a bare "a" is French "à" with its accent dropped, as lefaso.net's
    /// headlines write it ("enlevée a Yalgo"): only in a text known to be French.
    bare_a_is_locative: bool,
    sentence_start: Vec<bool>,
}

fn prepare<'w>(words: &'w Words<'_>) -> Prepared<'w> {
    let tokens = &words.tokens[..];
    let mut sentence_start = vec![false; tokens.len()];
    let mut k = 0;
    for (i, t) in tokens.iter().enumerate() {
        while k < words.sentences.len() && words.sentences[k].start < t.start {
            k += 1;
        }
        if k < words.sentences.len() && words.sentences[k].start == t.start {
            sentence_start[i] = true;
        }
        // After a colon or an opening quote a capital does not mark a name either.
        if i > 0 && matches!(tokens[i - 1].text, ":" | "«" | "\"" | "“" | "(") {
            sentence_start[i] = true;
        }
    }
    if let Some(first) = sentence_start.first_mut() {
        *first = true;
    }
    Prepared {
        words,
        bare_a_is_locative: false,
        tokens,
        sentence_start,
    }
}

/// The words a text writes in lower case, for "does the text also write this
/// capitalised word in lower case": most texts ask once or twice, and a scan of the
/// tokens for each question is far cheaper than the set of all their words (a tenth of
/// detection when it was built for every text that asked); a text that asks more
/// often gets the set.
struct LowercaseWords<'w> {
    tokens: &'w [Token<'w>],
    asked: usize,
    set: Option<rustc_hash::FxHashSet<&'w str>>,
}

impl<'w> LowercaseWords<'w> {
    /// Questions answered by a scan before the set is built.
    const SCANS: usize = 8;

    fn new(tokens: &'w [Token<'w>]) -> Self {
        LowercaseWords {
            tokens,
            asked: 0,
            set: None,
        }
    }

    fn is_lowercase_word(t: &Token<'_>) -> bool {
        t.is_word() && t.text.chars().next().is_some_and(char::is_lowercase)
    }

    fn contains(&mut self, word: &str) -> bool {
        self.asked += 1;
        if self.set.is_none() && self.asked <= Self::SCANS {
            return self.tokens.iter().any(|t| t.text == word && Self::is_lowercase_word(t));
        }
        let tokens = self.tokens;
        self.set
            .get_or_insert_with(|| {
                tokens
                    .iter()
                    .filter(|t| Self::is_lowercase_word(t))
                    .map(|t| t.text)
                    .collect()
            })
            .contains(word)
    }
}

/// The longest word in capitals read as an acronym rather than a name.
const MAX_ACRONYM_LETTERS: usize = 5;

/// ACLED's geo_precision of a place known only as its region, as the region cue gives it.
const REGION_PRECISION: u8 = 3;

fn is_all_caps(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

/// Every place mention of the text of `words`, in order, not overlapping.
pub fn detect(
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    words: &Words<'_>,
    country: Option<&str>,
    capital_of: &dyn Fn(&str) -> Option<u32>,
    lang: Option<&str>,
    near: &SpellingMemo,
) -> Vec<RawMention> {
    let capital = country.and_then(capital_of);
    let text = words.text;
    let mut p = prepare(words);
    p.bare_a_is_locative = lang == Some("fr");
    let n = p.tokens.len();
    let mut lowercase_words = LowercaseWords::new(p.tokens);
    let mut spans: Vec<(usize, usize, String, Vec<NameHit>)> = Vec::new();
    // Mentions whose cue is not a cue word: a local spelling after a locative
    // ("in Arbinda"), "the capital". Their first token.
    let mut cued_without_words: Vec<usize> = Vec::new();
    // Near spellings of unknown words read as places after a locative, by token.
    let mut spellings: rustc_hash::FxHashMap<usize, Vec<(NameHit, f64)>> = Default::default();
    // Without a country hint, the unknown words after a locative, for the document's own
    // country once its names are read.
    let mut unknown_after_locative: Vec<usize> = Vec::new();
    // The folded name growing word by word from a capitalised word; one buffer for
    // every such word of the text.
    let mut key = String::new();
    let mut i = 0;
    while i < n {
        let tok = p.tokens[i];
        if !tok.is_word() {
            i += 1;
            continue;
        }
        // "the Chadian capital", "la capitale malienne": the capital of the demonym's
        // country, read before the demonym alone or "la capitale" of the source's own.
        if let Some((end, phrase, place)) = demonym_capital(lexicon, &p, i, capital_of) {
            spans.push((
                i,
                end,
                phrase,
                vec![NameHit {
                    place,
                    kind: veille_gazetteer::NameKind::Localized,
                }],
            ));
            cued_without_words.push(i);
            i = end + 1;
            continue;
        }
        if let Some((end, code)) = dotted_abbreviation(lexicon, text, &p, i) {
            if let Some(place) = demonym_place(gazetteer, code) {
                let hits = vec![NameHit {
                    place,
                    kind: veille_gazetteer::NameKind::Localized,
                }];
                spans.push((i, end, format!("\u{0}{code}"), hits));
                i = end + 1;
                continue;
            }
        }
        // Short lower-case forms ("us", "car") are words, not country abbreviations.
        // Plurals ("Mexicans") are read only in given spans: in running text
        // they name people more often than a place a reader would map.
        let demonym = lexicon
            .demonyms
            .get(p.folded(i))
            .filter(|_| tok.is_capitalized() || p.folded(i).len() > 3)
            .filter(|_| !lexicon.dotted.contains(p.folded(i)));
        let demonym = demonym.filter(|_| !named_with_its_state(gazetteer, text, tok.end, p.folded(i)));
        if let Some(country) = demonym {
            if let Some(place) = demonym_place(gazetteer, country) {
                let hits = vec![NameHit {
                    place,
                    kind: veille_gazetteer::NameKind::Localized,
                }];
                spans.push((i, i, format!("\u{0}{country}"), hits));
            }
            i += 1;
            continue;
        }
        // "in the capital": the capital of the source's country.
        let word = p.folded(i);
        let ends_a_capital_phrase = || {
            lexicon
                .capital_phrases
                .iter()
                .any(|ph| ph.strip_suffix(word).is_some_and(|head| head.ends_with(' ')))
        };
        // Tested only with a capital to stand for: a tuple of the two would test every
        // word of every text against every phrase.
        let capital_here = capital.filter(|_| i > 0 && p.tokens[i - 1].is_word() && ends_a_capital_phrase());
        if let Some(place) = capital_here {
            // Built only for the few words that end such a phrase, not for every token.
            let phrase = format!("{} {}", p.folded(i - 1), word);
            // "the capital of Mali" names another country's capital.
            let of_another = p
                .tokens
                .get(i + 1)
                .is_some_and(|_| matches!(p.folded(i + 1), "of" | "de" | "du" | "d"));
            if lexicon.capital_phrases.contains(&phrase) && !of_another {
                spans.push((
                    i - 1,
                    i,
                    phrase,
                    vec![NameHit {
                        place,
                        kind: veille_gazetteer::NameKind::Localized,
                    }],
                ));
                cued_without_words.push(i - 1);
                i += 1;
                continue;
            }
        }
        if !tok.is_capitalized() {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, String, Vec<NameHit>)> = None;
        key.clear();
        // Where `key` leads in the name index: each word added walks only its own bytes.
        let mut prefix = Some(gazetteer.key_prefix());
        let mut j = i;
        while j < n && j - i < MAX_NAME_TOKENS {
            let t = p.tokens[j];
            if j > i {
                let gap = &text[p.tokens[j - 1].end..t.start];
                if gap.contains('\n') || gap.chars().count() > 1 {
                    break;
                }
                if !t.is_word() && !matches!(t.text, "-" | "'" | "’" | "‑") {
                    break;
                }
            }
            if t.is_word() {
                let added = key.len();
                if !key.is_empty() {
                    key.push(' ');
                }
                key.push_str(p.folded(j));
                prefix = prefix.and_then(|kp| kp.extended(&key.as_bytes()[added..]));
                // A lower-case word after a hyphen ends a name only as its last part:
                // "Mar-a-Lago" is no "Mar-a".
                let hyphen_tail = after_name_hyphen(&p, j);
                let hyphen_follows = p
                    .tokens
                    .get(j + 1)
                    .is_some_and(|h| matches!(h.text, "-" | "‑") && h.start == t.end);
                let can_end = t.is_capitalized()
                    || t.text.chars().all(|c| c.is_ascii_digit())
                    || after_name_elision(&p, j)
                    || (hyphen_tail && !hyphen_follows);
                let can_continue = can_end || hyphen_tail || NAME_CONNECTORS.contains(&p.folded(j));
                if !can_continue && j > i {
                    break;
                }
                if can_end {
                    // "U.S.", "South African", "White House": several tokens standing for a
                    // country or a city. The table comes first: GeoNames lists "White
                    // House" among the translated names of Casablanca.
                    let standing_for = lexicon
                        .demonyms
                        .get(&key)
                        .filter(|_| j > i)
                        .and_then(|code| Some((code, demonym_place(gazetteer, code)?)));
                    if let Some((code, place)) = standing_for {
                        let hits = vec![NameHit {
                            place,
                            kind: veille_gazetteer::NameKind::Localized,
                        }];
                        best = Some((j, format!("\u{0}{code}"), hits));
                    } else {
                        let exact = prefix.map(|kp| kp.hits()).unwrap_or_default();
                        let hits = with_elided(gazetteer, &key, exact);
                        if !hits.is_empty() {
                            best = Some((j, key.clone(), hits));
                        }
                    }
                }
                // Names go on with a capitalised word, a connector ("Boucle du
                // Mouhoun") or a hyphen; anything else ends them, and spares the
                // range query on the index.
                let next_may_continue = p.tokens.get(j + 1).is_some_and(|next| {
                    (next.is_capitalized()
                        || next.text.bytes().all(|b| b.is_ascii_digit())
                        || after_name_elision(&p, j + 1)
                        || NAME_CONNECTORS.contains(&p.folded(j + 1))
                        || matches!(next.text, "-" | "'" | "’" | "‑"))
                        && next.start - t.end <= 1
                        && !text[t.end..next.start].contains('\n')
                });
                if !next_may_continue || !prefix.is_some_and(|kp| kp.has_longer_key()) {
                    break;
                }
            }
            j += 1;
        }
        // "Tin-Jollel": the gazetteer knows "Tin", not the whole hyphenated name.
        // A short first part is a prefix many names share, not the place; but
        // "Dallas-Fort Worth" joins two names the gazetteer knows, and "l'axe
        // Djibo-Arbinda" a town to a village spelt otherwise.
        // "Koudo Kaoua", "Kiri Kiri": likewise a short known first word followed
        // by an unknown capitalised one is the start of an unlisted name.
        let best = best.filter(|(end, key, hits)| {
            if is_seat_or_town(gazetteer, hits, country) {
                return true;
            }
            let unknown_name_word = |k: usize| {
                let t = p.tokens[k];
                let next = p.folded(k);
                // "Iowa-based" is Iowa.
                t.is_capitalized()
                    && is_plain_word(lexicon, &p, k)
                    && !lexicon.settlement_qualifiers.contains(next)
                    && !lexicon.feature_words.contains(next)
                    && !lexicon.after.contains_key(next)
                    && !lexicon.demonyms.contains_key(next)
                    && lookup_elided(gazetteer, next).is_empty()
                    && !gazetteer.has_longer_key(next)
            };
            let hyphenated = p.tokens.get(end + 1).is_some_and(|t| matches!(t.text, "-" | "‑"))
                && p.tokens.get(end + 2).is_some_and(|t| t.start == p.tokens[end + 1].end)
                && unknown_name_word(end + 2);
            // "Kiri Kiri" doubles a word the gazetteer knows on its own.
            let spaced = p.tokens.get(end + 1).is_some_and(|t| {
                t.is_word()
                    && &text[p.tokens[*end].end..t.start] == " "
                    && (unknown_name_word(end + 1) || (t.is_capitalized() && p.folded(end + 1) == key))
            });
            !(hyphenated || spaced) || key.len() >= MIN_LONE_FIRST_WORD
        });
        match best {
            Some((end, key, hits)) => {
                // "in Diamanga" from a Burkinabe source: the exact name is a Nigerien
                // hamlet, but a place is expected here and the source's own country has
                // a village spelt one vowel apart. Both readings go to the resolver.
                if let Some(country) = country.filter(|_| end == i) {
                    let foreign_only = !hits
                        .iter()
                        .any(|h| gazetteer.country_code_of(h.place).eq_ignore_ascii_case(country));
                    if foreign_only && follows_locative(lexicon, &p, i) && is_plain_word(lexicon, &p, i) {
                        // "in the village of Gaidam Tchoukou": the first word is a
                        // Nigerian town's other name, the whole a Nigerien village's.
                        let last = capitalised_run_end(text, &p, i);
                        if last > end {
                            let whole = run_key(&p, i, last);
                            let near = near.spellings(gazetteer, &whole, country);
                            if !near.is_empty() {
                                spans.push((i, last, whole, Vec::new()));
                                cued_without_words.push(i);
                                spellings.insert(i, near);
                                i = last + 1;
                                continue;
                            }
                        }
                        let found = near.spellings(gazetteer, p.folded(i), country);
                        if !found.is_empty() {
                            spellings.insert(i, found);
                        }
                    }
                }
                spans.push((i, end, key, hits));
                i = end + 1;
            }
            None => {
                // "in Arbinda": an unknown word where a place is expected, read
                // as a spelling of a place of the source's country.
                // A name of several capitalised words ("in Garin Wanzam") is read
                // whole: its first word alone is another, shorter name.
                if follows_locative(lexicon, &p, i) && is_plain_word(lexicon, &p, i) {
                    match country {
                        Some(country) => {
                            if let Some((last, key, hits)) = spelled_place(gazetteer, near, text, &p, i, country) {
                                spans.push((i, last, key, Vec::new()));
                                cued_without_words.push(i);
                                spellings.insert(i, hits);
                                i = last + 1;
                                continue;
                            }
                        }
                        None => unknown_after_locative.push(i),
                    }
                }
                i += 1
            }
        }
    }

    // A source with no country hint that names one country ("Au Burkina Faso, …"): its
    // unknown words after a locative are read as spellings of that country's places.
    if let Some(named) = unknown_after_locative
        .first()
        .and_then(|_| sole_named_country(gazetteer, &spans))
    {
        for i in unknown_after_locative {
            let Some((last, key, hits)) = spelled_place(gazetteer, near, text, &p, i, &named) else {
                continue;
            };
            if spans.iter().any(|(s, e, ..)| *s <= last && i <= *e) {
                continue;
            }
            spans.push((i, last, key, Vec::new()));
            cued_without_words.push(i);
            spellings.insert(i, hits);
        }
        spans.sort_by_key(|(s, ..)| *s);
    }

    let mut person = person_chains(lexicon, &p);
    let given = mark_named_persons(gazetteer, lexicon, &p, &spans, &mut person);
    let mut surnames = surnames(lexicon, &p, &person);
    // "Alex Moreno ... Alex won": the given name alone is the person too. Not the first
    // word of a title's chain: "said Springdale Mayor Ann Pryor" is no person "Springdale".
    surnames.extend(given.into_iter().map(|k| p.folded(k)));
    surnames.extend(speakers(lexicon, &p));
    let home_country = country
        .map(str::to_ascii_uppercase)
        .or_else(|| sole_named_country(gazetteer, &spans));
    let mut mentions = Vec::with_capacity(spans.len());
    for (idx, (s, e, key, hits)) in spans.iter().enumerate() {
        let (s, e) = (*s, *e);
        if let Some(country) = key.strip_prefix('\u{0}') {
            // A short form of a town ("Ouaga", "L.A.") names the town itself, not an area
            // its people live in.
            let town = hits
                .first()
                .is_some_and(|h| gazetteer.place(h.place).feature_class == 'P');
            mentions.push(RawMention {
                byte_start: p.tokens[s].start,
                byte_end: p.tokens[e].end,
                key: veille_text::fold(&text[p.tokens[s].start..p.tokens[e].end]),
                role: if town { MentionRole::Named } else { MentionRole::Demonym },
                levels: Vec::new(),
                precision: if town { None } else { Some(3) },
                holds: false,
                hits: hits.clone(),
                demonym_country: (!town).then(|| country.to_string()),
                detected: true,
                after_locative: false,
                inside_longer: false,
                spellings: Vec::new(),
                part_of_next: false,
            });
            continue;
        }
        let cue = find_cue(lexicon, &p, s, e).or_else(|| {
            cued_without_words.contains(&s).then(|| CueReading {
                role: CueRole::Place,
                levels: Vec::new(),
                precision: 1,
                holds: false,
            })
        });
        // "Police Department", "City Council", "Town Hall": a capitalised cue word right
        // against a common word makes one institution's name with it, not a place.
        let cue = cue.filter(|_| !(lexicon.stopwords.contains(key.as_str()) && capitalised_word_beside(&p, s, e)));
        // "les soldats du secteur Nord", "the East camp": a compass word after
        // a cue for towns and their parts names a sector, a camp or a ward, never the region
        // the word alone would stand for.
        let compass = key.split(' ').all(|w| lexicon.compass_words.contains(w));
        if compass
            && cue.as_ref().is_some_and(|c| {
                !c.levels.is_empty() && !c.levels.iter().any(|l| l.starts_with("ADM1") || l.starts_with("ADM2"))
            })
        {
            continue;
        }
        let single = s == e || p.tokens[s..=e].iter().filter(|t| t.is_word()).count() == 1;
        // "state Sen. Tony Marsh": a title before a name is the person's, whatever
        // cue stands before it. "What I know", "But I", "BY L. B. Smith": a function word
        // and a letter name nothing together ("Centre-Est", "Hall County", "N.D." do), nor
        // does a phrase of the stopwords ("El Niño").
        let title_before_a_name = single
            && lexicon.person_titles.contains(key.as_str())
            && p.tokens.get(e + 1).is_some_and(|t| t.text == "." || t.is_capitalized());
        let letter = |w: &str| w.chars().count() == 1;
        let no_name_word = !single && lexicon.stopwords.contains(key.as_str())
            || !single
                && key.split(' ').any(letter)
                && key.split(' ').any(|w| !letter(w))
                && key.split(' ').all(|w| letter(w) || lexicon.stopwords.contains(w));
        if title_before_a_name || no_name_word || compass && direction_from_a_place(gazetteer, lexicon, &p, e) {
            continue;
        }
        if cue.is_none() && single && lexicon.stopwords.contains(key.as_str()) {
            if let Some(regions) = region_by_compass_name(gazetteer, &p, s, hits, home_country.as_deref()) {
                mentions.push(RawMention {
                    byte_start: p.tokens[s].start,
                    byte_end: p.tokens[e].end,
                    key: key.clone(),
                    role: MentionRole::AdminUnit,
                    levels: vec!["ADM1".to_string()],
                    precision: Some(REGION_PRECISION),
                    holds: false,
                    hits: regions,
                    demonym_country: None,
                    detected: true,
                    after_locative: follows_locative(lexicon, &p, s),
                    inside_longer: false,
                    spellings: Vec::new(),
                    part_of_next: false,
                });
            }
            continue;
        }
        if cue.is_none() && single {
            let word = p.tokens[s].text;
            // A title alone ("the Pope", "Sen.", "the King") is a person too. A person's name
            // is one unless it names a country or a capital ("Jordan", "Washington"): towns of
            // 100,000 named Mary, George or Elizabeth are rarer in the news than those people.
            // A make alone is the make ("a Dodge pickup").
            if lexicon.stopwords.contains(key.as_str())
                || lexicon.brands.contains(key.as_str())
                || (lexicon.person_names.contains(key.as_str()) && !names_a_country_or_capital(gazetteer, hits))
                || lexicon.person_titles.contains(key.as_str())
            {
                continue;
            }
            // An acronym ("FDS", "AIB", "CHU") is a place only as a country's name ("MALI").
            if is_all_caps(word)
                && word.chars().count() <= MAX_ACRONYM_LETTERS
                && !hits.iter().any(|h| is_country(gazetteer, h))
            {
                continue;
            }
            // Sentence-initial capital of a word the document also writes in lower case.
            if p.sentence_start[s] && lowercase_words.contains(&word.to_lowercase()) {
                continue;
            }
            if lowercase_words.contains(&word.to_lowercase()) && !is_known_well(gazetteer, hits) {
                continue;
            }
            // "Franklin said" after "Benjamin Franklin": the document's own surname.
            if surnames.contains(key.as_str()) && !is_known_well(gazetteer, hits) {
                continue;
            }
        }
        if lexicon.agencies.contains(key.as_str()) || names_a_street(lexicon, &p, e) {
            continue;
        }
        if person[s] || inside_longer_name(lexicon, &p, s, idx, &spans) {
            continue;
        }
        if is_dateline(lexicon, text, &p, s, e) {
            continue;
        }
        let (role, levels, precision, holds) = cued_role(cue);
        let hits = with_units_of_seats(gazetteer, &levels, hits.clone());
        mentions.push(RawMention {
            byte_start: p.tokens[s].start,
            byte_end: p.tokens[e].end,
            key: key.clone(),
            role,
            levels,
            precision,
            holds,
            hits,
            demonym_country: None,
            detected: true,
            after_locative: follows_locative(lexicon, &p, s),
            inside_longer: false,
            spellings: spellings.remove(&s).unwrap_or_default(),
            part_of_next: false,
        });
    }
    mark_second_of_pairs(text, &mut mentions);
    mark_parts_of_towns(lexicon, text, &mut mentions);
    mentions
}

/// The readings of a name a unit cue frames ("Tillabery region", "province of Kaya"), with
/// the unit of the wanted level that a reading heads as its seat when no reading is of that
/// level, when the unit bears the seat's name: GeoNames often files a spelling ("Tillabery")
/// under the town only, and the region the text names holds villages a hundred kilometres
/// from the town.
fn with_units_of_seats(gazetteer: &Gazetteer, levels: &[String], mut hits: Vec<NameHit>) -> Vec<NameHit> {
    let wanted = |level: &str| levels.iter().any(|l| l == level);
    let at_level = |hit: &NameHit| {
        let code = gazetteer.place(hit.place).feature_code;
        levels.iter().any(|l| l == code)
    };
    if levels.is_empty() || hits.iter().any(at_level) {
        return hits;
    }
    for k in 0..hits.len() {
        let seat = gazetteer.place(hits[k].place);
        let (level, unit_name) = match seat.feature_code {
            "PPLA" | "PPLC" if wanted("ADM1") => ("ADM1", seat.admin1),
            "PPLA2" if wanted("ADM2") => ("ADM2", seat.admin2),
            _ => continue,
        };
        // Only a unit named after its seat: "province de Kaya" for Sanmatenga is a
        // looser way of naming than the region of Kaya, Centre-Nord.
        let unit_key = veille_text::fold(unit_name);
        if unit_name.is_empty() || veille_text::fold(seat.name) != unit_key {
            continue;
        }
        let units = gazetteer.lookup(&unit_key).into_iter().filter(|h| {
            let unit = gazetteer.place(h.place);
            unit.feature_code == level
                && unit.country_code == seat.country_code
                && unit.admin1 == seat.admin1
                && (level == "ADM1" || unit.admin2 == seat.admin2)
        });
        for unit in units {
            if !hits.iter().any(|h| h.place == unit.place) {
                hits.push(unit);
            }
        }
    }
    hits
}

/// "D.C.", "W. Va.", "Kan.": short capitalised words each closed by a
/// period, read together as one key of the demonym table. A single word
/// counts only when the table writes it with its period. The last token of
/// the abbreviation (its final period) and the code it stands for.
fn dotted_abbreviation<'l>(
    lexicon: &'l Lexicon,
    text: &str,
    p: &Prepared<'_>,
    i: usize,
) -> Option<(usize, &'l String)> {
    let mut best = None;
    let mut key = String::new();
    let mut j = i;
    while let Some(word) = p.tokens.get(j) {
        if !word.is_word() || !word.is_capitalized() || word.text.chars().count() > 5 {
            break;
        }
        let Some(dot) = p.tokens.get(j + 1).filter(|d| d.text == "." && d.start == word.end) else {
            break;
        };
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(p.folded(j));
        if let Some(code) = lexicon.demonyms.get(&key) {
            if j > i || lexicon.dotted.contains(&key) {
                best = Some((j + 1, code));
            }
        }
        // The next letter follows at once ("D.C.") or after one space ("W. Va.").
        match p.tokens.get(j + 2) {
            Some(next) if next.start - dot.end <= 1 && !text[dot.end..next.start].contains('\n') => j += 2,
            _ => break,
        }
    }
    best
}

/// The fewest letters the first word of an unknown name of several words
/// needs to be read as another spelling on its own.
const MIN_LONE_FIRST_WORD: usize = 7;

/// Whether the name ending at token `e` is a street's: a capitalised street word
/// follows it, one space away ("Market Street").
fn names_a_street(lexicon: &Lexicon, p: &Prepared<'_>, e: usize) -> bool {
    p.tokens.get(e + 1).is_some_and(|t| {
        t.is_word()
            && t.is_capitalized()
            && t.start == p.tokens[e].end + 1
            && lexicon.street_words.contains(p.folded(e + 1))
    })
}

/// Places spelt near a name, each with the cost of the difference ([`fuzzy_hits`]).
type Spellings = Vec<(NameHit, f64)>;

/// A place of `country` spelt near the unknown capitalised words from token `i` ("in
/// Garin Wanzam" read whole, else a long first word alone): its last token, its key and
/// its readings with their spelling costs.
fn spelled_place(
    gazetteer: &Gazetteer,
    near: &SpellingMemo,
    text: &str,
    p: &Prepared<'_>,
    i: usize,
    country: &str,
) -> Option<(usize, String, Spellings)> {
    let last = capitalised_run_end(text, p, i);
    let key = run_key(p, i, last);
    let hits = near.spellings(gazetteer, &key, country);
    if !hits.is_empty() {
        return Some((last, key, hits));
    }
    // A long first word may be the village on its own ("Garantchi Nare"); a short one is a
    // prefix shared by many ("Garin", "Tin").
    if last > i && p.folded(i).len() >= MIN_LONE_FIRST_WORD {
        let hits = near.spellings(gazetteer, p.folded(i), country);
        if !hits.is_empty() {
            return Some((i, p.folded(i).to_string(), hits));
        }
    }
    None
}

/// The one country the spans name, by name or demonym, if they name exactly one.
fn sole_named_country(gazetteer: &Gazetteer, spans: &[(usize, usize, String, Vec<NameHit>)]) -> Option<String> {
    let mut named: Option<String> = None;
    for (_, _, key, hits) in spans {
        let code = match key.strip_prefix('\u{0}') {
            // The demonym table names a country by its code, a town by its GeoNames id.
            Some(code) => {
                (code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic())).then(|| code.to_ascii_uppercase())
            }
            // A country's other name counts ("Burkina"): a text rarely names a country by a
            // name that is not one of its own.
            None => hits
                .iter()
                .find(|h| gazetteer.place(h.place).feature_code.starts_with("PCL"))
                .map(|h| gazetteer.country_code_of(h.place).to_ascii_uppercase()),
        };
        match (code, &named) {
            (Some(code), Some(known)) if &code != known => return None,
            (Some(code), None) => named = Some(code),
            _ => {}
        }
    }
    named.filter(|code| !code.is_empty())
}

/// The first-level units of `home` named as the common word at token `s` is, when the
/// text writes that word as a region's name: with its capital, after an article, not
/// opening a sentence ("dans le Nord", "à l'Est du Burkina"). French writes a compass
/// point so when it names a region; the country's own region of that name is meant where
/// one exists (Burkina Faso's Nord and Est), and none where it does not ("le Nord du
/// Mali").
fn region_by_compass_name(
    gazetteer: &Gazetteer,
    p: &Prepared<'_>,
    s: usize,
    hits: &[NameHit],
    home: Option<&str>,
) -> Option<Vec<NameHit>> {
    let home = home?;
    if !p.tokens[s].is_capitalized() || p.sentence_start[s] || is_all_caps(p.tokens[s].text) {
        return None;
    }
    if !matches!(words_before(p, s, 1).first(), Some(&("le" | "la" | "l" | "au" | "the"))) {
        return None;
    }
    let regions: Vec<NameHit> = hits
        .iter()
        .filter(|h| {
            let place = gazetteer.place(h.place);
            h.kind != veille_gazetteer::NameKind::Alternate
                && place.feature_code == "ADM1"
                && place.country_code.eq_ignore_ascii_case(home)
        })
        .copied()
        .collect();
    (!regions.is_empty()).then_some(regions)
}

/// Whether a name of compass words ending at token `e` is followed by "de"/"du"/"d'"/"of"
/// and a capitalised name that is no country ("au Nord-est de Gao", "to the North-East of
/// Djibo", "à l'ouest de la ville de Kaya"): a direction from that place, not a region of
/// that name. "L'Est du Burkina" may still name a region.
fn direction_from_a_place(gazetteer: &Gazetteer, lexicon: &Lexicon, p: &Prepared<'_>, e: usize) -> bool {
    let mut k = e + 1;
    let mut seen_of = false;
    // "de la ville de", "of the town of": links and kinds of place before the name.
    while let Some(t) = p.tokens.get(k) {
        if matches!(t.text, "'" | "’") {
            k += 1;
            continue;
        }
        if !t.is_word() {
            return false;
        }
        let word = p.folded(k);
        if matches!(word, "de" | "du" | "des" | "d" | "of") {
            seen_of = true;
        } else if !(seen_of && (LOCATIVE_LINKS.contains(&word) || lexicon.locatives.contains(word))) {
            break;
        }
        k += 1;
    }
    seen_of
        && p.tokens.get(k).is_some_and(|t| t.is_word() && t.is_capitalized())
        && !gazetteer
            .lookup_name(p.tokens[k].text)
            .iter()
            .any(|h| gazetteer.place(h.place).feature_code.starts_with("PCL"))
}

/// Whether a capitalised word stands right before token `s` or right after token `e`,
/// one space away.
fn capitalised_word_beside(p: &Prepared<'_>, s: usize, e: usize) -> bool {
    let beside = |a: &Token<'_>, b: &Token<'_>| b.start == a.end + 1;
    let before = s
        .checked_sub(1)
        .map(|k| &p.tokens[k])
        .is_some_and(|t| t.is_word() && t.is_capitalized() && beside(t, &p.tokens[s]));
    let after = p
        .tokens
        .get(e + 1)
        .is_some_and(|t| t.is_word() && t.is_capitalized() && beside(&p.tokens[e], t));
    before || after
}

/// Tokens `j - 2`, `j - 1` and `j` when the three are written with no space between them
/// ("N", "'", "gourma"; "Centre", "-", "nord").
fn glued_three<'a>(p: &Prepared<'a>, j: usize) -> Option<[Token<'a>; 3]> {
    let first = p.tokens[j.checked_sub(2)?];
    let mark = p.tokens[j - 1];
    let word = *p.tokens.get(j)?;
    (word.is_word() && first.end == mark.start && mark.end == word.start).then_some([first, mark, word])
}

/// Whether token `j` is the word glued to a name's elided capital ("gourma" in
/// "N'gourma"), which goes on with the name whatever its case.
fn after_name_elision(p: &Prepared<'_>, j: usize) -> bool {
    glued_three(p, j).is_some_and(|[letter, apostrophe, _]| {
        matches!(apostrophe.text, "'" | "’") && NAME_ELISIONS.contains(&letter.text)
    })
}

/// Whether word `j` ends a hyphenated name in lower case, as the French press writes
/// compound region names ("le Centre-nord", "le Sud-ouest"): a word glued by a hyphen
/// to a capitalised one. Only a gazetteer name takes it ("Iowa-based" stays Iowa).
fn after_name_hyphen(p: &Prepared<'_>, j: usize) -> bool {
    glued_three(p, j).is_some_and(|[first, hyphen, _]| first.is_capitalized() && matches!(hyphen.text, "-" | "‑"))
}

/// The last token of the name that starts at `i`: up to three capitalised
/// words joined by one space or a hyphen on one line.
fn capitalised_run_end(text: &str, p: &Prepared<'_>, i: usize) -> usize {
    let mut last = i;
    let mut words = 1;
    let mut k = i + 1;
    while words < 3 && k < p.tokens.len() {
        let gap = &text[p.tokens[k - 1].end..p.tokens[k].start];
        if gap.len() > 1 || gap.contains('\n') {
            break;
        }
        let t = p.tokens[k];
        if matches!(t.text, "-" | "‑") {
            k += 1;
            continue;
        }
        if !t.is_word() || !t.is_capitalized() {
            break;
        }
        last = k;
        words += 1;
        k += 1;
    }
    last
}

/// The folded words of tokens `first..=last`, hyphens read as spaces.
fn run_key(p: &Prepared<'_>, first: usize, last: usize) -> String {
    (first..=last)
        .filter(|&k| p.tokens[k].is_word())
        .map(|k| p.folded(k))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word that may be a village name rather than a sentence's first word, an
/// acronym, a common word or a person's name.
fn is_plain_word(lexicon: &Lexicon, p: &Prepared<'_>, i: usize) -> bool {
    // An acronym is short ("FDS", "CHU"); a village written in capitals, as army
    // communiqués do ("à IOLONIORO"), is not.
    let acronym = is_all_caps(p.tokens[i].text) && p.tokens[i].text.chars().count() <= MAX_ACRONYM_LETTERS;
    !p.sentence_start[i]
        && !acronym
        && !lexicon.stopwords.contains(p.folded(i))
        && !lexicon.person_names.contains(p.folded(i))
}

/// Articles and prepositions that may stand between a locative and the name
/// it announces: "in the Tokabangou", "the village of Fobri", "la localité de
/// Sona", "near the village of Mamassirou", "two kilometres from Arbinda".
const LOCATIVE_LINKS: &[&str] = &["of", "the", "de", "du", "des", "d", "la", "le", "l", "from"];

/// Words that open a pair of places, whose second place follows "and"/"et":
/// "between Korizena and Doumam", "entre Djibo et Arbinda".
const PAIR_OPENERS: &[&str] = &["between", "entre"];

/// Whether the word at `i` stands where a place is expected: after a locative
/// word, possibly through articles and prepositions ("in the area of X"), or
/// as the second place of a pair ("between X and Y", "l'axe X-Y").
fn follows_locative(lexicon: &Lexicon, p: &Prepared<'_>, i: usize) -> bool {
    let mut j = i;
    // At most three links: "near the village of" reaches "near" through "of",
    // "village" already being a locative; longer chains are prose.
    for _ in 0..4 {
        // "près d'Arbinda": the elided article's apostrophe is no word.
        if j > 1 && matches!(p.tokens[j - 1].text, "'" | "’") {
            j -= 1;
        }
        // "l'axe Djibo-Arbinda": the second place of a hyphenated pair stands where
        // the first does.
        if j == i && j > 1 && matches!(p.tokens[j - 1].text, "-" | "‑") && p.tokens[j - 2].is_capitalized() {
            return follows_locative(lexicon, p, j - 2);
        }
        if j == 0 || !p.tokens[j - 1].is_word() {
            return false;
        }
        let before = unit_of_glued_number(p.folded(j - 1));
        // French "à" folds to "a", which in English is an article ("a Tuareg camp").
        let bare_a = matches!(p.tokens[j - 1].text, "a" | "A");
        if lexicon.locatives.contains(before) && (!bare_a || p.bare_a_is_locative) {
            return true;
        }
        if matches!(before, "and" | "et") {
            return second_of_pair(p, j - 1);
        }
        if !LOCATIVE_LINKS.contains(&before) {
            return false;
        }
        j -= 1;
    }
    false
}

/// Whether the "and"/"et" at `conjunction` joins two places after "between":
/// the first place is one to three capitalised words right after the opener.
fn second_of_pair(p: &Prepared<'_>, conjunction: usize) -> bool {
    let mut j = conjunction;
    for _ in 0..3 {
        if j == 0 || !p.tokens[j - 1].is_word() || !p.tokens[j - 1].is_capitalized() {
            return false;
        }
        j -= 1;
        if j > 0 && p.tokens[j - 1].is_word() && PAIR_OPENERS.contains(&p.folded(j - 1)) {
            return true;
        }
    }
    false
}

/// "entre X et Y", "between X and Y", "l'axe X-Y": the second place of a pair
/// whose first is near-framed is near-framed too.
fn mark_second_of_pairs(text: &str, mentions: &mut [RawMention]) {
    for k in 1..mentions.len() {
        if mentions[k - 1].role != MentionRole::Near || mentions[k].role != MentionRole::Named {
            continue;
        }
        let between = veille_text::fold(&text[mentions[k - 1].byte_end..mentions[k].byte_start]);
        let raw_between = text[mentions[k - 1].byte_end..mentions[k].byte_start].trim();
        if matches!(between.as_str(), "et" | "and" | "") && raw_between.chars().count() <= 4 {
            mentions[k].role = MentionRole::Near;
            mentions[k].precision = mentions[k - 1].precision;
        }
    }
}

/// The longest text between a part of a town and the town: " neighbourhoods of ".
const TOWN_PART_GAP_BYTES: usize = 24;

/// "the Tanghin area of Ouagadougou", "le quartier Dapoya de Ouagadougou": a name the text
/// calls a part of a town ([`Lexicon::town_parts`]) just before the town's name.
fn mark_parts_of_towns(lexicon: &Lexicon, text: &str, mentions: &mut [RawMention]) {
    for k in 1..mentions.len() {
        let (part, town) = (&mentions[k - 1], &mentions[k]);
        // Most places stand farther apart than a part word and a preposition: they are
        // told apart without folding anything.
        let Some(gap) = text
            .get(part.byte_end..town.byte_start)
            .filter(|g| g.len() <= TOWN_PART_GAP_BYTES)
        else {
            continue;
        };
        let gap = veille_text::fold(gap);
        let gap: Vec<&str> = gap
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let named_after = matches!(gap.as_slice(), [w, "of" | "de" | "d"] if lexicon.town_parts.contains(*w));
        let named_before = matches!(gap.as_slice(), ["of" | "de" | "d" | "in" | "a"]) && {
            let before = text.get(..part.byte_start).unwrap_or_default();
            let word_before = before.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next();
            word_before.is_some_and(|w| lexicon.town_parts.contains(&veille_text::fold(w)))
        };
        mentions[k - 1].part_of_next = named_after || named_before;
    }
}

fn is_country(gazetteer: &Gazetteer, hit: &NameHit) -> bool {
    let place = gazetteer.place(hit.place);
    hit.kind != veille_gazetteer::NameKind::Alternate && place.feature_code.starts_with("PCL")
}

/// Whether a reading is an admin unit, an admin seat or a town of 5,000 people:
/// a place in its own right, not a prefix of longer village names. With a
/// source country, a town abroad counts only if it is a city: the Congolese
/// town of Kiri says nothing about "Kiri Kiri" in a Nigerien report.
fn is_seat_or_town(gazetteer: &Gazetteer, hits: &[NameHit], country: Option<&str>) -> bool {
    hits.iter().any(|h| {
        let place = gazetteer.place(h.place);
        let seat_or_town = place.feature_class == 'A'
            || matches!(place.feature_code, "PPLA" | "PPLA2" | "PPLA3" | "PPLA4" | "PPLC")
            || place.population >= 5_000;
        let at_home = country.is_none_or(|c| place.country_code.eq_ignore_ascii_case(c));
        let known_abroad =
            h.kind != veille_gazetteer::NameKind::Alternate && place.population >= FOREIGN_CITY_POPULATION;
        seat_or_town && (at_home || known_abroad)
    })
}

/// Population from which a town abroad, under its own name rather than one of
/// its many alternate names ("Kiri" for Kiryū), is known well enough to be
/// meant even in a report about another country.
const FOREIGN_CITY_POPULATION: u64 = 100_000;

/// A place large enough that its name beats a lower-case homograph ("Niger"/"niger" never clash,
/// "Mali" is never a common word, but "Mission" or "Police" are).
/// Whether one of `hits`, under a name that is no mere alternate, is a country or a capital.
fn names_a_country_or_capital(gazetteer: &Gazetteer, hits: &[NameHit]) -> bool {
    hits.iter().any(|h| {
        let code = gazetteer.place(h.place).feature_code;
        h.kind != veille_gazetteer::NameKind::Alternate && (code.starts_with("PCL") || code == "PPLC")
    })
}

/// A district's population is no fame: the province of Trapani counts 425,000 people, but
/// "Trapani's" after "Andrew Trapani" is the man. Nor is a first-level unit's rank alone
/// (the Isle of Man's parish of Douglas, Micronesia's Yap), nor a quarter's population (the
/// London borough of Brent): "Douglas said", "Brent Okafor" are people.
fn is_known_well(gazetteer: &Gazetteer, hits: &[NameHit]) -> bool {
    hits.iter().any(|h| {
        let place = gazetteer.place(h.place);
        let populous = place.population >= 100_000;
        h.kind != veille_gazetteer::NameKind::Alternate
            && (place.feature_code.starts_with("PCL")
                || (place.feature_code == "ADM1" && populous)
                || place.feature_code == "CONT"
                || (place.feature_class == 'P' && place.feature_code != "PPLX" && populous))
    })
}

/// The folded words before token `s`, nearest first, stopping at sentence punctuation.
/// A unit glued to its number ("5km", "30kms") as the unit alone, so that "à 5km de Djibo"
/// reads as "à 5 km de Djibo"; any other word as it is.
fn unit_of_glued_number(word: &str) -> &str {
    let unit = word.trim_start_matches(|c: char| c.is_ascii_digit());
    if unit.len() < word.len() && !unit.is_empty() && unit.bytes().all(|b| b.is_ascii_alphabetic()) {
        unit
    } else {
        word
    }
}

fn words_before<'a>(p: &'a Prepared<'_>, s: usize, limit: usize) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut k = s;
    while k > 0 && out.len() < limit {
        k -= 1;
        let t = p.tokens[k];
        if t.is_word() {
            out.push(unit_of_glued_number(p.folded(k)));
        } else if matches!(t.text, "." | ";" | "!" | "?" | ":" | "," | "(" | ")" | "«" | "»" | "\"") {
            break;
        }
    }
    out
}

fn words_after<'a>(p: &'a Prepared<'_>, e: usize, limit: usize) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut k = e + 1;
    while k < p.tokens.len() && out.len() < limit {
        let t = p.tokens[k];
        if t.is_word() {
            out.push(p.folded(k));
        } else if !matches!(t.text, "-" | "'" | "’") {
            break;
        }
        k += 1;
    }
    out
}

/// What a cue says of the name beside it.
struct CueReading {
    role: CueRole,
    levels: Vec<String>,
    precision: u8,
    holds: bool,
}

/// A mention's role, levels, precision and whether it holds villages, as its cue
/// (or the want of one) gives them.
fn cued_role(cue: Option<CueReading>) -> (MentionRole, Vec<String>, Option<u8>, bool) {
    match cue {
        Some(CueReading {
            role: CueRole::Admin,
            levels,
            precision,
            holds,
        }) => (MentionRole::AdminUnit, levels, Some(precision), holds),
        Some(CueReading {
            role: CueRole::Place,
            levels,
            precision,
            holds,
        }) => (MentionRole::Named, levels, Some(precision), holds),
        Some(CueReading { precision, .. }) => (MentionRole::Near, Vec::new(), Some(precision), false),
        None => (MentionRole::Named, Vec::new(), None, false),
    }
}

/// The cue framing the name at tokens `s..=e`, if any: its role, allowed levels and precision.
fn find_cue(lexicon: &Lexicon, p: &Prepared<'_>, s: usize, e: usize) -> Option<CueReading> {
    let before = words_before(p, s, lexicon.longest_cue + 6);
    // Connectors ("de l'", "du") may sit between cue and name, or be part of
    // the cue itself ("north of"): try every number of them skipped.
    let mut skippable = 0;
    while skippable < before.len() && CUE_CONNECTORS.contains(&before[skippable]) {
        skippable += 1;
    }
    // One buffer for every phrase tried: most names have a dozen candidates, none a cue.
    let mut phrase = String::new();
    for k in 0..=skippable {
        // Every phrase tried at `k` ends with the word `before[k]`.
        let ends_a_cue = before
            .get(k)
            .is_some_and(|w| lexicon.before_ends.contains(w.rsplit(' ').next().unwrap_or_default()));
        if !ends_a_cue {
            continue;
        }
        for len in (1..=lexicon.longest_cue).rev() {
            if k + len > before.len() {
                continue;
            }
            phrase.clear();
            for (n, word) in before[k..k + len].iter().rev().enumerate() {
                if n > 0 {
                    phrase.push(' ');
                }
                phrase.push_str(word);
            }
            if let Some(cues) = lexicon.before.get(phrase.as_str()) {
                let cue = &cues[0];
                return Some(CueReading {
                    role: cue.role,
                    levels: cues.iter().flat_map(|c| c.levels.clone()).collect(),
                    precision: cue.precision,
                    holds: cue.holds,
                });
            }
        }
    }
    // "Indiana Department of Workforce Development", "Ohio County Board of
    // Education": a cue word opening an "of" phrase names an agency.
    let after = words_after(p, e, 2);
    if let (Some(word), Some(&"of")) = (after.first(), after.get(1)) {
        if lexicon.after.contains_key(*word) {
            return None;
        }
    }
    if let Some(word) = after.first() {
        if let Some(cues) = lexicon.after.get(*word) {
            let cue = cues.iter().find(|c| c.position == CuePosition::After)?;
            return Some(CueReading {
                role: cue.role,
                levels: cue.levels.clone(),
                precision: cue.precision,
                holds: cue.holds,
            });
        }
    }
    None
}

/// Tokens that belong to a person's name: the capitalised words right after a
/// title ("M. Paris Traoré", "le ministre Kaya", "President Bazoum").
fn person_chains(lexicon: &Lexicon, p: &Prepared<'_>) -> Vec<bool> {
    let mut person = vec![false; p.tokens.len()];
    let mut i = 0;
    while i < p.tokens.len() {
        if !(p.tokens[i].is_word() && lexicon.person_titles.contains(p.folded(i))) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if j < p.tokens.len() && p.tokens[j].text == "." {
            j += 1;
        }
        while j < p.tokens.len() && p.tokens[j].is_word() && p.tokens[j].is_capitalized() {
            person[j] = true;
            j += 1;
            if j < p.tokens.len() && matches!(p.tokens[j].text, "-") {
                j += 1;
            }
        }
        i = j.max(i + 1);
    }
    person
}

/// Marks in `person` the words of the names a given name opens: "Alice Fenwick",
/// "Dale A. Barstow", "Nikki Lynn Fulton". The given name must stand alone,
/// not begin a longer place name ("Glen Burnie") nor name a well-known place
/// ("Georgia Power", "Dallas Cowboys"), and the word that ends the name must
/// look like a surname: no cue, street, feature or common word ("Dana
/// Police", "Marion County", "Warren Avenue"). The tokens of the given names
/// that open such a name.
fn mark_named_persons(
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    p: &Prepared<'_>,
    spans: &[(usize, usize, String, Vec<NameHit>)],
    person: &mut [bool],
) -> Vec<usize> {
    let mut opening = Vec::new();
    let n = p.tokens.len();
    let one_space = |a: usize, b: usize| p.words.text.get(p.tokens[a].end..p.tokens[b].start) == Some(" ");
    let given = |k: usize| {
        let t = p.tokens[k];
        t.is_word() && t.is_capitalized() && !is_all_caps(t.text) && lexicon.given_names.contains(p.folded(k))
    };
    let mut i = 0;
    while i + 1 < n {
        if !given(i) {
            i += 1;
            continue;
        }
        // The span of places that holds token `i`, if any.
        let span = spans.iter().find(|(s, e, ..)| *s <= i && i <= *e);
        let place_of_its_own = span.is_some_and(|(s, e, _, hits)| *s < i || *e > i || is_known_well(gazetteer, hits));
        if place_of_its_own {
            i += 1;
            continue;
        }
        // Middle initials ("A.") and middle names ("Lynn") between the given name and the surname.
        let mut names = vec![i];
        let mut k = i + 1;
        let mut last = i;
        while k < n && one_space(last, k) {
            let t = p.tokens[k];
            let initial = t.text.len() == 1
                && t.is_capitalized()
                && p.tokens.get(k + 1).is_some_and(|d| d.text == "." && d.start == t.end);
            if initial && k + 2 < n {
                last = k + 1;
                k += 2;
                continue;
            }
            if given(k) && k + 1 < n && one_space(k, k + 1) && p.tokens[k + 1].is_capitalized() {
                names.push(k);
                last = k;
                k += 1;
                continue;
            }
            break;
        }
        // "St. Paul Regional": an abbreviation other than an initial or a title before
        // the given name, or an institution's or a street's word after the surname ("Old
        // Milton Carbondale Road", "Frederick Memorial Hospital"), makes the whole the
        // name of something else.
        let inside_a_name = i > 1 && !p.sentence_start[i] && p.tokens[i - 1].text == "." && {
            let b = p.tokens[i - 2];
            b.is_word()
                && b.is_capitalized()
                && b.text.chars().count() > 1
                && b.end == p.tokens[i - 1].start
                && !lexicon.person_titles.contains(p.folded(i - 2))
        };
        let institution_after = k + 1 < n
            && one_space(k, k + 1)
            && p.tokens[k + 1].is_word()
            && p.tokens[k + 1].is_capitalized()
            && !could_be_surname(lexicon, p, k + 1);
        if k < n && one_space(last, k) && could_be_surname(lexicon, p, k) && !inside_a_name && !institution_after {
            names.push(k);
            for &m in &names {
                person[m] = true;
            }
            opening.push(i);
            i = k + 1;
        } else {
            i += 1;
        }
    }
    opening
}

/// Whether token `k` may be a person's surname after a given name: a capitalised
/// word in lower case letters after the first, none of the words that name
/// a kind of place, street, institution or people.
fn could_be_surname(lexicon: &Lexicon, p: &Prepared<'_>, k: usize) -> bool {
    let t = p.tokens[k];
    let word = p.folded(k);
    t.is_word()
        && t.is_capitalized()
        && !is_all_caps(t.text)
        && !lexicon.stopwords.contains(word)
        && !lexicon.before.contains_key(word)
        && !lexicon.after.contains_key(word)
        && !lexicon.street_words.contains(word)
        && !lexicon.feature_words.contains(word)
        && !lexicon.settlement_qualifiers.contains(word)
        && !lexicon.demonyms.contains_key(word)
        && !lexicon.person_titles.contains(word)
        && !lexicon.agencies.contains(word)
}

/// Folded capitalised words the text shows speaking: right before a verb of
/// saying ("Okafor said"), one space away, or right after one and closing the
/// clause ("…, said Okafor."). A place is left out where a comma or a locative
/// announces it ("of Omaha, said", "officials in Fairfield said"), and the
/// caller keeps the well-known places that speak for their governments.
fn speakers<'p>(lexicon: &Lexicon, p: &'p Prepared<'_>) -> Vec<&'p str> {
    let text = p.words.text;
    let n = p.tokens.len();
    let spoken = |k: usize| {
        let t = p.tokens[k];
        t.is_word() && t.is_capitalized() && !lexicon.stopwords.contains(p.folded(k))
    };
    let mut out = Vec::new();
    for v in 0..n {
        let verb = p.tokens[v];
        if !(verb.is_word() && !verb.is_capitalized() && lexicon.speech_verbs.contains(p.folded(v))) {
            continue;
        }
        if v > 0 && spoken(v - 1) && &text[p.tokens[v - 1].end..verb.start] == " " {
            let k = v - 1;
            let from = k > 0 && p.tokens[k - 1].is_word() && matches!(p.folded(k - 1), "from" | "of");
            if !from && !follows_locative(lexicon, p, k) {
                out.push(p.folded(k));
            }
        }
        if v + 1 < n && spoken(v + 1) && &text[verb.end..p.tokens[v + 1].start] == " " {
            let k = v + 1;
            let closes = p
                .tokens
                .get(k + 1)
                .is_none_or(|t| matches!(t.text, "," | "." | ";") && t.start == p.tokens[k].end);
            if closes {
                out.push(p.folded(k));
            }
        }
    }
    out
}

/// Folded words the document uses as a person's surname: the last word of a
/// chain after a title ("President Obama") or a given name ("Alice Fenwick"),
/// or a capitalised word right after a given name of the person-name list
/// ("Benjamin Franklin"). Later bare mentions ("Franklin said") are that person.
fn surnames<'p>(lexicon: &Lexicon, p: &'p Prepared<'_>, person: &[bool]) -> rustc_hash::FxHashSet<&'p str> {
    let mut out = rustc_hash::FxHashSet::default();
    for i in 0..p.tokens.len() {
        let last_of_chain = person[i] && !person.get(i + 1).copied().unwrap_or(false);
        let after_given_name = i > 0
            && p.tokens[i - 1].is_word()
            && p.tokens[i - 1].is_capitalized()
            && p.tokens[i].start - p.tokens[i - 1].end == 1
            && lexicon.person_names.contains(p.folded(i - 1));
        if p.tokens[i].is_word() && p.tokens[i].is_capitalized() && (last_of_chain || after_given_name) {
            out.insert(p.folded(i));
        }
    }
    out
}

/// Whether the name starting at token `s` ends a longer proper name: "Main
/// **Street**", "Boukary **Ouédraogo**". A capitalised word right before it,
/// in the same sentence, that is neither another place (the span before,
/// `spans[idx - 1]`, ending there), nor a cue word, nor a function word
/// opening the sentence ("In Paris"), makes the whole a name of something
/// else. A capital *after* the name does not count: "Alexandria Police
/// Department" still names Alexandria, as geoparsing gold and readers take it.
fn inside_longer_name(
    lexicon: &Lexicon,
    p: &Prepared<'_>,
    s: usize,
    idx: usize,
    spans: &[(usize, usize, String, Vec<NameHit>)],
) -> bool {
    if s == 0 || p.sentence_start[s] {
        return false;
    }
    let (prev, tok) = (p.tokens[s - 1], p.tokens[s]);
    let joined = tok.start - prev.end == 1 && prev.is_word() && tok.is_word();
    let proper = prev.is_capitalized() && !is_all_caps(prev.text);
    if !joined || !proper {
        return false;
    }
    let word = p.folded(s - 1);
    // A place named right before is another place ("Dallas Fort Worth", "West Africa"),
    // unless it is a person's name ("Tim Whitley").
    let persons_name = lexicon.person_names.contains(word) && !lexicon.stopwords.contains(word);
    let neutral = (idx > 0 && spans[idx - 1].1 == s - 1 && !persons_name)
        || lexicon.before.contains_key(word)
        || lexicon.after.contains_key(word)
        || (p.sentence_start[s - 1] && lexicon.stopwords.contains(word));
    !neutral
}

/// "OUAGADOUGOU (AIB) -", "Niamey, 3 mars (AFP) —": a place opening a
/// paragraph and followed by an agency in brackets or a dash is where the
/// story was filed, not where anything happened. So is the bracketed place and
/// date a communiqué opens with: "(Ouagadougou, 15 juin 2022)".
fn is_dateline(lexicon: &Lexicon, text: &str, p: &Prepared<'_>, s: usize, e: usize) -> bool {
    let start = p.tokens[s].start;
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..start].trim();
    let rest = &text[p.tokens[e].end..];
    let window: String = rest.chars().take(60).collect();
    if before == "(" {
        let dated = window
            .strip_prefix(',')
            .and_then(|after| after.split_once(')'))
            .is_some_and(|(inside, _)| inside.chars().filter(char::is_ascii_digit).count() >= 4);
        return dated;
    }
    if !before.is_empty() {
        return false;
    }
    let trimmed = window.trim_start();
    if trimmed.starts_with("- ") || trimmed.starts_with("— ") || trimmed.starts_with("– ") {
        return true;
    }
    if let Some(open) = window.find('(') {
        if let Some(close) = window[open..].find(')') {
            let inside = veille_text::fold(&window[open + 1..open + close]);
            return lexicon.agencies.contains(inside.as_str());
        }
    }
    false
}

/// Mentions for given code-point spans (resolution-only mode): the same cue
/// reading as [`detect`], and name variants when the span's exact words are
/// not a gazetteer name ("the Niger" → "Niger", "Soum Province" → "Soum").
pub fn mentions_for_spans(
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    text: &str,
    spans: &[[usize; 2]],
    country: Option<&str>,
) -> Vec<RawMention> {
    let index = CharIndex::new(text);
    let words = Words::new(text);
    let p = prepare(&words);
    let mut out = Vec::new();
    for &[start, end] in spans {
        let (Some(bs), Some(be)) = (index.byte_offset(start), index.byte_offset(end)) else {
            continue;
        };
        if bs >= be || !text.is_char_boundary(bs) || !text.is_char_boundary(be) {
            continue;
        }
        let surface = &text[bs..be];
        let key = veille_text::fold(surface);
        // Asked only of the table's names: most spans are followed by a comma.
        let with_its_state = lexicon.demonym(&key).is_some() && named_with_its_state(gazetteer, text, be, &key);
        let (hits, used_key) = if with_its_state {
            (lookup_elided(gazetteer, &key), key.clone())
        } else {
            lookup_with_variants(gazetteer, lexicon, &key)
        };
        let spellings = match country {
            Some(cc)
                if !hits
                    .iter()
                    .any(|h| gazetteer.country_code_of(h.place).eq_ignore_ascii_case(cc)) =>
            {
                let mut spellings = fuzzy_hits(gazetteer, &key, cc);
                let words: Vec<&str> = key.split(' ').collect();
                if let (true, Some(village)) = (spellings.is_empty(), without_qualifiers(lexicon, &words)) {
                    spellings = fuzzy_hits(gazetteer, &village, cc);
                }
                spellings
            }
            _ => Vec::new(),
        };
        let inner = match hits.is_empty() && spellings.is_empty() {
            true => prominent_name_inside(gazetteer, lexicon, &key),
            false => None,
        };
        let inside_longer = inner.is_some();
        let (hits, used_key) = inner.unwrap_or((hits, used_key));
        // A span in capitals that the table abbreviates ("SC", "WA") is that
        // abbreviation, not a village "Sa" or a town "Wa": its readings replace the
        // gazetteer's, and the document's other places choose among them.
        let abbreviated = match lexicon.span_abbreviations.get(&key) {
            Some(codes) if surface.chars().any(char::is_alphabetic) && !surface.chars().any(char::is_lowercase) => {
                codes
                    .iter()
                    .filter_map(|code| demonym_place(gazetteer, code))
                    .map(table_hit)
                    .collect()
            }
            _ => Vec::new(),
        };
        let hits = if abbreviated.is_empty() { hits } else { abbreviated };
        let s = p.tokens.partition_point(|t| t.end <= bs);
        let e = p.tokens.partition_point(|t| t.start < be).saturating_sub(1).max(s);
        let demonym = lexicon.demonym(&key).filter(|_| !with_its_state).cloned();
        let (role, levels, precision, holds) = if demonym.is_some() {
            (MentionRole::Demonym, Vec::new(), Some(3), false)
        } else if s < p.tokens.len() {
            cued_role(find_cue(lexicon, &p, s, e.min(p.tokens.len() - 1)))
        } else {
            cued_role(None)
        };
        let hits = match &demonym {
            Some(cc) => demonym_place(gazetteer, cc)
                .map(|place| {
                    vec![NameHit {
                        place,
                        kind: veille_gazetteer::NameKind::Localized,
                    }]
                })
                .unwrap_or_default(),
            None => with_units_of_seats(gazetteer, &levels, hits),
        };
        out.push(RawMention {
            byte_start: bs,
            byte_end: be,
            key: used_key,
            role,
            levels,
            precision,
            holds,
            hits,
            demonym_country: demonym,
            detected: false,
            after_locative: false,
            inside_longer,
            spellings,
            part_of_next: false,
        });
    }
    mark_parts_of_towns(lexicon, text, &mut out);
    out
}

/// A span the gazetteer does not know as a whole but that holds the name of
/// a country, a first-level unit or a city of 100,000 people ("Colorado State
/// University", "Robinson College Cambridge"): the readings of that name that
/// are so prominent, the most populous name first. Not read in names of
/// features ("Gulf of Mexico", "Hampton Avenue"), nor from adjectives inside a
/// name ("Percy French Hotel"), nor for small places ("Stonewall Golf Club"):
/// the document's focus place is the better guess.
///
/// A country's adjective or abbreviation at the head or the end of the span
/// names the country of an institution ("Mexican Senate", "US Federal
/// Reserve", "Western US"): it is read when no prominent name is inside, and
/// before a first-level unit that shares none of its words ("Federal" is a
/// state of Brazil); a city or country named inside still comes first
/// ("British Embassy Tokyo").
fn prominent_name_inside(gazetteer: &Gazetteer, lexicon: &Lexicon, key: &str) -> Option<(Vec<NameHit>, String)> {
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() < 2 || words.iter().any(|w| lexicon.feature_words.contains(*w)) {
        return None;
    }
    let mut best: Option<(u64, Vec<NameHit>, String)> = None;
    let mut by_adjective: Option<(NameHit, usize, usize)> = None;
    for len in 1..words.len() {
        for start in 0..=words.len() - len {
            let part = words[start..start + len].join(" ");
            if let Some(code) = lexicon.demonym(&part) {
                let at_edge = start == 0 || start + len == words.len();
                if at_edge && by_adjective.is_none() {
                    by_adjective =
                        country_of_adjective(gazetteer, code).map(|place| (table_hit(place), start, start + len));
                }
                continue;
            }
            let generic = |w: &&str| w.len() < 3 || lexicon.stopwords.contains(*w) || NAME_CONNECTORS.contains(w);
            if words[start..start + len].iter().any(generic) {
                continue;
            }
            let prominent = prominent_hits(gazetteer, &part);
            let size = prominent
                .iter()
                .map(|h| gazetteer.place(h.place).population)
                .max()
                .unwrap_or(0);
            if !prominent.is_empty() && best.as_ref().is_none_or(|(s, _, _)| size > *s) {
                best = Some((size, prominent, part));
            }
        }
    }
    let adjective = by_adjective.map(|(hit, start, end)| (vec![hit], words[start..end].join(" ")));
    let Some((_, hits, part)) = best else {
        return adjective;
    };
    let only_units = hits.iter().all(|h| gazetteer.place(h.place).feature_code == "ADM1");
    match adjective {
        Some((adjective, name)) if only_units && !name.split(' ').any(|w| part.split(' ').any(|p| p == w)) => {
            Some((adjective, name))
        }
        _ => Some((hits, part)),
    }
}

/// The country or continent a demonym-table code names, not the towns and
/// states the table also abbreviates ("Calif.", "White House").
fn country_of_adjective(gazetteer: &Gazetteer, code: &str) -> Option<u32> {
    demonym_place(gazetteer, code).filter(|&place| {
        let feature = gazetteer.place(place).feature_code;
        feature.starts_with("PCL") || feature == "CONT"
    })
}

/// A place read through one of our tables (demonyms, abbreviations): a name of
/// its own language, as the table's author wrote it.
fn table_hit(place: u32) -> NameHit {
    NameHit {
        place,
        kind: veille_gazetteer::NameKind::Localized,
    }
}

/// The readings of `name`, under one of its own names, that are known beyond
/// their region: a country, a first-level unit, a city of 100,000 people.
fn prominent_hits(gazetteer: &Gazetteer, name: &str) -> Vec<NameHit> {
    gazetteer
        .lookup(name)
        .into_iter()
        .filter(|h| {
            let place = gazetteer.place(h.place);
            h.kind != veille_gazetteer::NameKind::Alternate
                && (place.feature_code.starts_with("PCL")
                    || place.feature_code == "ADM1"
                    || (place.feature_class == 'P' && place.population >= 100_000))
        })
        .collect()
}

/// Whether the name `key` ending at byte `end` of `text` is followed by ", State" where a
/// populated place of that name lies ("Holland, Michigan", "Trinidad, Colorado"): the
/// town, not what the demonym table makes of the name (the Netherlands, Trinidad and
/// Tobago).
fn named_with_its_state(gazetteer: &Gazetteer, text: &str, end: usize, key: &str) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(',')) else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().take(2).collect();
    if !words.first().is_some_and(|w| w.starts_with(char::is_uppercase)) {
        return false;
    }
    let towns: Vec<Place<'_>> = gazetteer
        .lookup(key)
        .iter()
        .map(|h| gazetteer.place(h.place))
        .filter(|p| p.feature_class == 'P')
        .collect();
    if towns.is_empty() {
        return false;
    }
    // "Michigan", "New Mexico": one or two capitalised words, punctuation trimmed.
    (1..=words.len()).any(|n| {
        let state = words[..n]
            .iter()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .collect::<Vec<_>>()
            .join(" ");
        state.starts_with(char::is_uppercase)
            && gazetteer.lookup(&veille_text::fold(&state)).iter().any(|h| {
                let unit = gazetteer.place(h.place);
                unit.feature_code == "ADM1"
                    && towns
                        .iter()
                        .any(|t| t.country_code == unit.country_code && t.admin1 == unit.admin1)
            })
    })
}

/// What a reading found only through transliteration-normalised forms costs on
/// top of the difference of the forms: a rewritten letter group is a guess as
/// loose as a vowel, so a name of five or six letters must have the same form.
const RESPELLED_COST: f64 = 0.5;

/// Near spellings already looked up ([`fuzzy_hits`]), by country and key. The same
/// unknown words after a locative (a speaker's name, an outlet, a misspelt town) recur
/// across the documents of a feed, and each search walks the country's names with an
/// edit-distance automaton. The answer depends on the gazetteer alone, so keeping it
/// changes no output.
#[derive(Default)]
pub struct SpellingMemo {
    found: std::sync::Mutex<rustc_hash::FxHashMap<String, rustc_hash::FxHashMap<String, Spellings>>>,
}

impl SpellingMemo {
    /// Keys kept before the memo starts afresh: bounded memory over an endless feed.
    const CAPACITY: usize = 100_000;

    /// [`fuzzy_hits`], remembered.
    pub(crate) fn spellings(&self, gazetteer: &Gazetteer, key: &str, country: &str) -> Spellings {
        // A panic elsewhere cannot leave a half-written answer: entries are inserted whole.
        let lock = || self.found.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(known) = lock().get(country).and_then(|keys| keys.get(key)) {
            return known.clone();
        }
        let found = fuzzy_hits(gazetteer, key, country);
        let mut memo = lock();
        if memo.values().map(|keys| keys.len()).sum::<usize>() >= Self::CAPACITY {
            memo.clear();
        }
        memo.entry(country.to_string())
            .or_default()
            .insert(key.to_string(), found.clone());
        found
    }
}

/// Places of `country` whose name is another spelling of `key`, with the
/// cost of the difference ([`spelling_cost`]), cheapest first: local
/// spellings of village names vary ("Sassambari", "Sassambaré"). Used only
/// for spans the caller asserts are places or that follow a locative, and
/// only within the source's country: against the whole world one edit finds
/// a homonym for almost anything.
pub(crate) fn fuzzy_hits(gazetteer: &Gazetteer, key: &str, country: &str) -> Vec<(NameHit, f64)> {
    let letters = key.chars().filter(char::is_ascii_alphabetic).count();
    let Some(max_cost) = max_spelling_cost(letters) else {
        return Vec::new();
    };
    // The automaton counts every edit as one; two cheap edits cost at most one.
    let distance = if max_cost >= 1.0 { 2 } else { 1 };
    let in_country = |hits: Vec<(Vec<NameHit>, f64)>| -> Vec<(NameHit, f64)> {
        hits.into_iter()
            .flat_map(|(hits, cost)| hits.into_iter().map(move |h| (h, cost)))
            .filter(|(h, _)| gazetteer.country_code_of(h.place).eq_ignore_ascii_case(country))
            .collect()
    };
    let mut hits = in_country(
        gazetteer
            .fuzzy_lookup_in(country, key, distance, 256)
            .into_iter()
            .filter_map(|(name, hits)| {
                let cost = spelling_cost(key, &name);
                (cost <= max_cost).then_some((hits, cost))
            })
            .collect(),
    );
    if hits.is_empty() {
        // No near spelling letter by letter: "Kilwin" for Kilouen, "Tcholori" for
        // Tyolori differ in whole letter groups that transcriptions swap. The same
        // search among transliteration-normalised forms, at least a vowel's cost.
        // The rewriting shortens names ("tch" is one letter), and a shorter name
        // tolerates less: the allowance is the form's.
        let form = veille_gazetteer::respelling_key(key);
        let Some(max_cost) = max_spelling_cost(form.chars().filter(char::is_ascii_alphabetic).count()) else {
            return Vec::new();
        };
        // Each edit of a form costs at least a half, on top of the rewriting's half:
        // five or six letters allow none, seven to nine one, longer forms two.
        let form_distance = ((max_cost - RESPELLED_COST) / 0.5) as u32;
        hits = in_country(
            gazetteer
                .respelled_lookup_in(country, key, form_distance.min(2), 256)
                .into_iter()
                .filter_map(|(found, _, hits)| {
                    let cost = spelling_cost(&form, &found) + RESPELLED_COST;
                    (cost <= max_cost).then_some((hits, cost))
                })
                .collect(),
        );
    }
    let mut hits: Vec<(NameHit, f64)> = hits
        .into_iter()
        .map(|(h, cost)| {
            let hit = NameHit {
                place: h.place,
                kind: veille_gazetteer::NameKind::Alternate,
            };
            (hit, cost)
        })
        .collect();
    hits.sort_by(|a, b| a.0.place.cmp(&b.0.place).then(a.1.total_cmp(&b.1)));
    hits.dedup_by_key(|(h, _)| h.place);
    hits.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.place.cmp(&b.0.place)));
    hits
}

/// A capital phrase with a demonym slot starting at token `i`: its last token, its
/// folded words, and the capital of the demonym's country.
fn demonym_capital(
    lexicon: &Lexicon,
    p: &Prepared<'_>,
    i: usize,
    capital_of: &dyn Fn(&str) -> Option<u32>,
) -> Option<(usize, String, u32)> {
    let word_at = |j: usize| p.tokens.get(j).filter(|t| t.is_word()).map(|_| p.folded(j));
    lexicon.demonym_capital_phrases.iter().find_map(|(before, after)| {
        let slot = i + before.len();
        let end = slot + after.len();
        let fits = |words: &[String], from: usize| {
            words
                .iter()
                .enumerate()
                .all(|(k, w)| word_at(from + k) == Some(w.as_str()))
        };
        if !fits(before, i) || !fits(after, slot + 1) {
            return None;
        }
        let country = lexicon.demonyms.get(word_at(slot)?)?;
        // A demonym standing for a place, not a country ("Texan"), has no capital.
        if country.parse::<u32>().is_ok() {
            return None;
        }
        let place = capital_of(country)?;
        let phrase = (i..=end).map(|j| p.folded(j)).collect::<Vec<_>>().join(" ");
        Some((end, phrase, place))
    })
}

/// The place a demonym or abbreviation stands for: its country's place, or,
/// when the table gives a number, that GeoNames feature ("EU" → Europe).
fn demonym_place(gazetteer: &Gazetteer, code: &str) -> Option<u32> {
    match code.parse::<u32>() {
        Ok(geonames_id) => gazetteer.by_geonames_id(geonames_id),
        Err(_) => gazetteer.country(code).and_then(|c| c.place),
    }
}

/// The Arabic article as transcriptions write it before a name.
const ARABIC_ARTICLES: &[&str] = &["al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "ath"];

/// Generic words a span may carry around the name proper.
const SPAN_AFFIXES: &[&str] = &[
    "the",
    "city",
    "town",
    "village",
    "state",
    "province",
    "region",
    "county",
    "district",
    "country",
    "republic",
    "of",
    "capital",
    "ville",
    "de",
    "la",
    "le",
    "commune",
    "cercle",
    "departement",
    "island",
    "islands",
];

/// Hits of `key`, joined with those of its elided form when it has a
/// one-letter word: "N'Guigmi", "N Guigmi" and "Nguigmi" are one town, and
/// GeoNames writes some such names one way, sources the other.
pub(crate) fn lookup_elided(gazetteer: &Gazetteer, key: &str) -> Vec<NameHit> {
    with_elided(gazetteer, key, gazetteer.lookup(key))
}

/// [`lookup_elided`] given the hits of `key` itself.
fn with_elided(gazetteer: &Gazetteer, key: &str, mut hits: Vec<NameHit>) -> Vec<NameHit> {
    let has_single_letter_word = key.split(' ').any(|w| w.len() == 1) && key.contains(' ');
    if has_single_letter_word {
        let mut joined = String::with_capacity(key.len());
        let words: Vec<&str> = key.split(' ').collect();
        for (i, w) in words.iter().enumerate() {
            joined.push_str(w);
            let glue = w.len() == 1 || words.get(i + 1).is_some_and(|n| n.len() == 1);
            if i + 1 < words.len() && !glue {
                joined.push(' ');
            }
        }
        if joined != key {
            hits.extend(gazetteer.lookup(&joined));
            hits.sort_by_key(|h| (h.place, h.kind));
            hits.dedup_by_key(|h| h.place);
        }
    }
    hits
}

pub(crate) fn lookup_with_variants(gazetteer: &Gazetteer, lexicon: &Lexicon, key: &str) -> (Vec<NameHit>, String) {
    // Abbreviations and demonyms name their country before any homonym ("US", "UK").
    if let Some(country) = lexicon.demonym(key) {
        if let Some(place) = demonym_place(gazetteer, country) {
            return (
                vec![NameHit {
                    place,
                    kind: veille_gazetteer::NameKind::Localized,
                }],
                key.to_string(),
            );
        }
    }
    let hits = lookup_elided(gazetteer, key);
    if !hits.is_empty() {
        return (hits, key.to_string());
    }
    let words: Vec<&str> = key.split(' ').collect();
    // Possessive "Iraq's" folds to "iraq s" (but "U.S." folds to "u s" too:
    // only a name of more than one letter takes the possessive).
    if words.len() > 1 && words.last() == Some(&"s") && words[words.len() - 2].len() > 1 {
        let shorter = words[..words.len() - 1].join(" ");
        let hits = gazetteer.lookup(&shorter);
        if !hits.is_empty() {
            return (hits, shorter);
        }
    }
    let mut lo = 0;
    let mut hi = words.len();
    while lo < hi && SPAN_AFFIXES.contains(&words[lo]) {
        lo += 1;
    }
    while hi > lo && SPAN_AFFIXES.contains(&words[hi - 1]) {
        hi -= 1;
    }
    if lo < hi && (lo > 0 || hi < words.len()) {
        let core = words[lo..hi].join(" ");
        let hits = gazetteer.lookup(&core);
        if !hits.is_empty() {
            return (hits, core);
        }
    }
    if let Some(village) = without_qualifiers(lexicon, &words[lo..hi]) {
        let hits = lookup_elided(gazetteer, &village);
        if !hits.is_empty() {
            return (hits, village);
        }
    }
    // Arabic names are written with and without their article ("Qamishli" for
    // GeoNames' Al Qāmishlī, "al-Tanf" for Tanf): the other form is read too.
    let other_form = match words.split_first() {
        Some((first, rest)) if ARABIC_ARTICLES.contains(first) && !rest.is_empty() => rest.join(" "),
        _ => format!("al {key}"),
    };
    let hits = gazetteer.lookup(&other_form);
    if !hits.is_empty() {
        return (hits, other_form);
    }
    place_of_inhabitants(gazetteer, key).unwrap_or_else(|| (Vec::new(), key.to_string()))
}

/// Endings of the words for a place's people or things ("Iowans", "Ontarians",
/// "Londoner", "Sicilian", "Havanese"), longest first; the empty ending
/// lets a short form stand for its name ("Abkhaz").
const INHABITANT_ENDINGS: &[&str] = &[
    "ians", "ites", "ans", "ers", "ese", "ish", "ian", "ite", "an", "er", "ns", "s", "",
];

/// The most letters a name may have beyond the stem of its people's word
/// ("Ontari|ans" → Ontario, "Sicil|ian" → Sicily).
const INHABITANT_STEM_SLACK: usize = 2;

/// A one-word span the gazetteer does not know, read as the word for the people
/// or things of a prominent place (a country, a first-level unit or a city of
/// 100,000): the stem left by a known ending begins that place's name, which
/// has at most two more letters. The first ending that yields a place wins.
fn place_of_inhabitants(gazetteer: &Gazetteer, key: &str) -> Option<(Vec<NameHit>, String)> {
    if key.contains(' ') || !key.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    for ending in INHABITANT_ENDINGS {
        let Some(stem) = key.strip_suffix(ending) else {
            continue;
        };
        if stem.len() < 4 {
            continue;
        }
        for name in gazetteer.keys_with_prefix(stem, 256) {
            if name.contains(' ') || name.len() > stem.len() + INHABITANT_STEM_SLACK || name == key {
                continue;
            }
            let hits = prominent_hits(gazetteer, &name);
            if !hits.is_empty() {
                return Some((hits, name));
            }
        }
    }
    None
}

/// The village of "Essakane Site", "Gomde Fulbe" or "Darbiti 2": the name
/// without the qualifiers of a part of a village at its end, when some name
/// is left and something was removed.
pub(crate) fn without_qualifiers(lexicon: &Lexicon, words: &[&str]) -> Option<String> {
    let mut end = words.len();
    while end > 1 && lexicon.settlement_qualifiers.contains(words[end - 1]) {
        end -= 1;
    }
    (end < words.len()).then(|| words[..end].join(" "))
}

#[cfg(test)]
mod tests {
    use super::{fuzzy_hits, SpellingMemo};
    use veille_gazetteer::Gazetteer;

    #[test]
    fn remembered_spellings_are_the_searched_ones() {
        let gazetteer = Gazetteer::embedded();
        let memo = SpellingMemo::default();
        let searched = fuzzy_hits(gazetteer, "barsalgho", "BF");
        assert!(!searched.is_empty());
        assert_eq!(memo.spellings(gazetteer, "barsalgho", "BF"), searched);
        // The second answer comes from the memo, under its country only.
        assert_eq!(memo.spellings(gazetteer, "barsalgho", "BF"), searched);
        assert_eq!(
            memo.spellings(gazetteer, "barsalgho", "NE"),
            fuzzy_hits(gazetteer, "barsalgho", "NE")
        );
        let memo = memo.found.lock().unwrap();
        assert_eq!(memo.get("BF").map(|keys| keys.len()), Some(1));
        assert_eq!(memo.values().map(|keys| keys.len()).sum::<usize>(), 2);
    }
}
