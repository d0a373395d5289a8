//! Mentions of one sentence: actors, triggers, cues, numbers and dates, found with the
//! lexicons over the folded sentence. Offsets are bytes into the section text (body or title).

use chrono::NaiveDate;

use crate::dates::{find_dates, find_years, DateMention};
use crate::folded::{Folded, Hit, Occurrence, PatternSet};
use crate::lexicon::{scan, ActorKind, Class, CueKind, Lexicons, Word};

#[derive(Debug, Clone)]
pub struct ActorMention {
    pub start: usize,
    pub end: usize,
    /// Lexicon entries the alias may stand for.
    pub entries: Vec<usize>,
    pub inter: u8,
    pub weak: bool,
    /// A body of civilians that can act together ("residents", "youths").
    pub crowd: bool,
    /// Token index of the first word.
    pub token: usize,
    /// Preceded by "par"/"by" (agent) or "contre"/"against" (target).
    pub agent_marked: bool,
    pub target_marked: bool,
    /// Named after a reporting verb and "par"/"by" ("le bilan donné par le gouvernement"):
    /// the source of the report, not a participant.
    pub source: bool,
    /// Named as the escort of what was hit ("a convoy escorted by gendarmes").
    pub escort: bool,
    /// "Katiba Macina (JNIM)": the sub-group named before the group it belongs to, as
    /// (start, end, lexicon entries). ACLED codes the group and associates the sub-group.
    pub subgroup: Option<(usize, usize, Vec<usize>)>,
}

#[derive(Debug, Clone)]
pub struct TriggerMention {
    pub start: usize,
    pub end: usize,
    pub classes: Vec<(Class, Option<String>)>,
    pub passive: bool,
    /// A noun ("ground operations"): "by" after it names its author, not the author of a
    /// passive.
    pub noun: bool,
    /// Right after a light verb ("carried out an attack", "ont mené une attaque"): the
    /// noun is that verb's object, and the verb's subject its author.
    pub after_light_verb: bool,
    pub token: usize,
    /// Why the trigger tells no new event, when it does not.
    pub cancelled: Option<&'static str>,
    /// It says people died, not that anyone killed them.
    pub bare: bool,
    /// Common in other senses ("battle", "entered"): needs support in its sentence.
    pub weak: bool,
    /// A weak fight word: civilians alone do not support it.
    pub armed: bool,
    /// Harm no one need have meant ("killed", "explosion"): see `mishap` in triggers.toml.
    pub mishap: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct NumberMention {
    pub start: usize,
    pub end: usize,
    pub value: u32,
    pub token: usize,
    pub token_end: usize,
    /// A vague count ("plusieurs") or an article ("a civilian").
    pub vague: bool,
}

/// A head count of dead people, with the words that say so.
#[derive(Debug, Clone)]
pub struct Casualty {
    pub number: NumberMention,
    /// The kill word the number goes with.
    pub word: (usize, usize),
    /// The actor mention naming the dead, when the number is followed by one.
    pub victim: Option<usize>,
    /// The named group whose generic word ("19 militants") follows the number: the side of
    /// the dead, for summing tolls by side, though no mention of its own names them.
    pub side: Option<usize>,
    /// Told as more dead than those counted before ("and the four others"): added to the
    /// toll, never read as another report of the same dead.
    pub more: bool,
}

impl Casualty {
    /// One death told without a number: by the words `start..end` (token `token`) that
    /// name the one dead, with the kill word at `word`.
    /// One death: the person named by actor mention `ai`.
    fn of_person(actors: &[ActorMention], ai: usize, word: (usize, usize)) -> Casualty {
        let a = &actors[ai];
        Casualty::one(a.start, a.end, a.token, word, Some(ai))
    }

    fn one(start: usize, end: usize, token: usize, word: (usize, usize), victim: Option<usize>) -> Casualty {
        Casualty {
            number: NumberMention {
                start,
                end,
                value: 1,
                token,
                token_end: token,
                vague: true,
            },
            word,
            victim,
            side: None,
            more: false,
        }
    }
}

/// Whether an actor mention names one person who can die: a person (not an object or a
/// place) in the singular.
fn names_one_person(a: &ActorMention, text: &str) -> bool {
    !a.weak && matches!(a.inter, 1..=4 | 7 | 8) && !text[a.start..a.end].ends_with('s')
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    pub actors: Vec<ActorMention>,
    pub triggers: Vec<TriggerMention>,
    pub cues: Vec<(usize, usize, CueKind)>,
    pub numbers: Vec<NumberMention>,
    pub casualties: Vec<Casualty>,
    pub dates: Vec<DateMention>,
    /// Years written alone ([`find_years`]): they only tell history.
    pub years: Vec<DateMention>,
    pub materiel: bool,
    /// The sentence names a wound or weapon that says a death was violent ("a stray
    /// bullet", "à coups de machette").
    pub wound: bool,
    /// Identity words (entry of `Lexicons::identities`, start, end).
    pub identities: Vec<(usize, usize, usize)>,
    /// The sentence opens by referring back to what the one before told ("Au cours de ces
    /// opérations", `continuation` in triggers.toml).
    pub continues_previous: bool,
    /// The sentence opens by saying where what the one before told happened ("Cela s'est
    /// passé près de …", "It happened in …", `sequel` in triggers.toml).
    pub locates_previous: bool,
    /// The sentence opens by saying who the people the one before told of are ("Il s'agit
    /// de deux VDP et d'un berger", `identification` in triggers.toml).
    pub identifies_previous: bool,
}

/// Sentences that open by referring back to a sentence of totals over a period ("Le bilan
/// hebdomadaire des opérations … Au cours de cette période, plusieurs terroristes ont été
/// neutralisés") tell the same totals: their event words are cancelled as the first
/// sentence's are. Only within a paragraph, and only after totals: after an incident the
/// same words go on telling it.
pub fn carry_totals_into_followers(sentences: &mut [Sentence]) {
    for k in 1..sentences.len() {
        let (before, rest) = sentences.split_at_mut(k);
        let (previous, sentence) = (&before[k - 1], &mut rest[0]);
        let totals = previous.cues.iter().any(|c| c.2 == CueKind::Aggregate)
            || previous.triggers.iter().any(|t| t.cancelled == Some("aggregate"));
        if sentence.continues_previous && sentence.paragraph == previous.paragraph && totals {
            for t in sentence.triggers.iter_mut().filter(|t| t.cancelled.is_none()) {
                t.cancelled = Some("aggregate");
            }
        }
    }
}

fn token_at(tokens: &[veille_text::Token<'_>], byte: usize) -> usize {
    tokens.partition_point(|t| t.end <= byte)
}

/// The folded form of each token ([`veille_text::fold`]), all in one buffer.
pub struct FoldedWords<'a> {
    buf: &'a str,
    bounds: &'a [(u32, u32)],
}

impl<'a> FoldedWords<'a> {
    pub fn get(&self, i: usize) -> Option<&'a str> {
        self.bounds.get(i).map(|&(s, e)| &self.buf[s as usize..e as usize])
    }

    fn at(&self, i: usize) -> &'a str {
        let (s, e) = self.bounds[i];
        &self.buf[s as usize..e as usize]
    }
}

/// What the sentences of one section (body or title) share, made once per section: the
/// folded text with every lexicon occurrence in it, the tokens, their folded forms and the
/// sentences (which the geoparser reads too). Sentence boundaries fall between words, so a
/// sentence's tokens and matches are those of the section that lie inside it.
pub struct SectionText<'a> {
    pub text: &'a str,
    folded: Folded,
    found: Vec<Vec<Occurrence>>,
    pub words: veille_text::Words<'a>,
}

impl<'a> SectionText<'a> {
    pub fn new(lex: &Lexicons, text: &'a str) -> Self {
        let folded = Folded::new(text);
        let found = lex.matcher.scan(&folded);
        SectionText {
            text,
            folded,
            found,
            words: veille_text::Words::new(text),
        }
    }

    /// [`Folded::of_source`] for this section's text.
    pub fn folded_between(&self, start: usize, end: usize) -> &str {
        self.folded.of_source(start, end)
    }

    /// Token indexes of the byte range `span`.
    pub fn token_range(&self, span: (usize, usize)) -> std::ops::Range<usize> {
        let tokens = &self.words.tokens;
        let lo = tokens.partition_point(|t| t.start < span.0);
        let hi = tokens.partition_point(|t| t.start < span.1);
        lo..hi
    }

    pub fn words(&self, range: std::ops::Range<usize>) -> FoldedWords<'_> {
        let (buf, bounds) = self.words.folded_range(range);
        FoldedWords { buf, bounds }
    }

    /// The matches of `set` (scanned at index `which` of [`crate::lexicon::scan`]) in the
    /// byte range `span`, in section byte offsets.
    pub fn hits<'l, T>(&self, set: &'l PatternSet<T>, which: usize, span: (usize, usize)) -> Vec<Hit<'l, T>> {
        set.select(&self.found[which], &self.folded, &self.text[..span.1], span.0)
    }

    /// How many event words the section holds, not counting the words listed to be
    /// ignored: no trigger, hence no event, can come from a section without one.
    pub fn event_words(&self, lex: &Lexicons) -> usize {
        if self.found[scan::TRIGGERS].is_empty() {
            return 0;
        }
        self.hits(&lex.triggers, scan::TRIGGERS, (0, self.text.len()))
            .iter()
            .filter(|h| h.payload.classes.iter().any(|(c, _)| *c != Class::Ignore))
            .count()
    }
}

/// Folded words that may stand before "armée" naming the army (determiners, prepositions,
/// conjunctions); after any other word it is the adjective "armed".
const BEFORE_ARMY: &[&str] = &[
    "l", "la", "les", "une", "des", "de", "d", "du", "notre", "nos", "votre", "cette", "son", "sa", "ses", "leur",
    "leurs", "par", "et", "ou", "a", "au", "aux", "en", "avec", "contre", "pour", "sur", "dans", "entre", "selon",
    "que", "qu", "toute", "meme", "propre", "nouvelle", "grande", "vraie", "armee", "the", "an",
];

/// Determiners between a kill verb and its one victim ("killed the village chief").
const ARTICLES: &[&str] = &[
    "the", "a", "an", "le", "la", "l", "un", "une", "his", "her", "their", "son", "sa", "leur",
];

/// Singular auxiliaries of a passive ("was killed", "has been executed", "a été tué").
const SINGULAR_AUX: &[&str] = &["was", "est"];
const SINGULAR_AUX_PAIRS: &[(&str, &str)] = &[("has", "been"), ("had", "been"), ("a", "ete"), ("avait", "ete")];
/// Words that may stand between the auxiliary and the participle ("was later found dead").
const PASSIVE_FILLERS: &[&str] = &[
    "found",
    "later",
    "reportedly",
    "allegedly",
    "also",
    "then",
    "subsequently",
    "retrouve",
    "retrouvee",
    "ensuite",
];
/// Nouns after an article that make it the start of a count, not one person ("a number
/// of", "une dizaine").
const COUNT_HEADS: &[&str] = &[
    "number",
    "total",
    "group",
    "few",
    "dozen",
    "couple",
    "handful",
    "nombre",
    "groupe",
    "dizaine",
    "vingtaine",
    "trentaine",
    "quarantaine",
    "cinquantaine",
    "centaine",
    "quinzaine",
    "douzaine",
];
/// Verbs that put a person "to death" by a court's sentence, not by killing (folded prefixes).
const SENTENCING: &[&str] = &["sentenc", "condemn", "condamn"];
/// Determiners of one person's remains ("the corpse", "his body", "le cadavre").
const SINGULAR_DETERMINERS: &[&str] = &["the", "a", "his", "her", "le", "la", "l", "un", "une", "son", "sa"];
/// Nouns for a dead person that an article before counts as one ("un mort", "une morte").
const ONE_DEAD: &[&str] = &["mort", "morte"];
/// ACLED's figure for a toll the reports leave unknown ("unknown fatalities coded at low
/// estimate of 3"): the most it reads from a count of the dead and the hurt together.
const UNKNOWN_TOLL: u32 = 3;
/// Endings of plural person nouns without "s" ("gunmen", "people"), which name no one person.
const IRREGULAR_PLURAL_ENDS: &[&str] = &["men", "people", "children", "gens"];
/// Words after which a count names part of a group already counted.
const SUBSET_MARKERS: &[&str] = &["including", "includes", "dont", "notamment", "among"];
/// Relative pronouns that take the subject of their verb from the noun before them.
const RELATIVES: &[&str] = &["who", "qui"];
/// Subjects that stand for one person.
const SINGULAR_PRONOUNS: &[&str] = &["he", "she", "il", "elle"];
/// Objects that stand for several people counted before them.
const PLURAL_OBJECT_PRONOUNS: &[&str] = &["them"];
/// Subjects that stand for several people counted before them.
const PLURAL_SUBJECT_PRONOUNS: &[&str] = &["they", "those", "these", "ils", "elles"];
/// Objects that stand for one person.
const OBJECT_PRONOUNS: &[&str] = &["him", "her"];
/// Words that open a phrase of place or time after a verb, never its object.
const PREPOSITIONS: &[&str] = &[
    "to", "in", "at", "near", "next", "by", "from", "with", "on", "during", "after", "before", "inside", "outside",
    "dans", "pres", "par", "avec", "sur", "pendant", "apres", "avant", "devant", "derriere",
];
/// Objects that say the killer died.
const REFLEXIVES: &[&str] = &["himself", "herself"];
/// Subjects that say nobody died ("no one was killed").
const NEGATIONS: &[&str] = &["no", "nobody", "none", "personne", "aucun", "aucune", "not"];

/// Qualifiers that may stand between a kill verb and its number ("killed at least 10").
const QUALIFIERS: &[&str] = &[
    // "un total de 12"; "a total of 12" is read as one qualifier (see `qualifies`).
    "total",
    "between",
    "entre",
    "au",
    "moins",
    "at",
    "least",
    "some",
    "about",
    "around",
    "environ",
    "pres",
    "de",
    "d",
    "an",
    "estimated",
    "quelque",
    "up",
    "to",
    "plus",
    "more",
    "than",
    "over",
    "nearly",
    "almost",
    // "killed and wounded severely an unspecified number".
    "severely",
    "seriously",
    "critically",
    "grievement",
    "pas",
    "moins",
    "y",
    "compris",
    "the",
    "les",
    "des",
];

/// The words of `between` (the text from one word to a later one) that belong to the later
/// one's clause: those after the last comma, semicolon or coordinating "and"/"et".
fn same_clause(between: &str) -> &str {
    let after_punctuation = between.rfind([',', ';', ':']).map_or(0, |i| i + 1);
    let after_and = [" and ", " et ", " but ", " mais ", " then ", " puis "]
        .iter()
        .filter_map(|w| between.rfind(w).map(|i| i + w.len()))
        .max()
        .unwrap_or(0);
    &between[after_punctuation.max(after_and)..]
}

/// Whether the word before byte `pos` of `text` is capitalised and is not the first word
/// of the sentence that starts at byte `sentence_start`.
fn after_proper_name(text: &str, sentence_start: usize, pos: usize) -> bool {
    let head = text[sentence_start..pos].trim_end();
    // "Dr. Lynch", "Ms. Battle": a short capitalised abbreviation is a title before a name.
    let head = head
        .strip_suffix('.')
        .filter(|h| {
            let word = h.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            (2..=4).contains(&word.len()) && title_cased(word)
        })
        .unwrap_or(head);
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    start > 0
        && head[start..].chars().next().is_some_and(char::is_uppercase)
        && head[..start].chars().any(char::is_alphanumeric)
}

/// Words before an arrest word that make it qualify the people after it ("the jailed editor",
/// "two detained activists", "wrongly jailed traders").
const ATTRIBUTIVE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "their",
    "his",
    "her",
    "its",
    "our",
    "other",
    "of",
    "for",
    "two",
    "three",
    "several",
    "many",
    "unjustly",
    "wrongly",
    "still",
    "currently",
];

/// "The jailed journalists of Kaya were moved", "Imprisoned journalist X was freed": an
/// arrest word that opens the sentence or follows a determiner, and is followed within a word
/// by the people it qualifies, says what they are, held since an arrest told elsewhere or
/// long ago, not an arrest ("protesters demanded the release of the detained activists"). So
/// does one followed by the time held so far.
fn held_since_before(
    classes: &[(Class, Option<String>)],
    tokens: &[veille_text::Token<'_>],
    token: usize,
    text: &str,
    end: usize,
    actors: &[ActorMention],
) -> bool {
    if !classes.iter().all(|(c, _)| *c == Class::Arrest) {
        return false;
    }
    let opener = token == 0
        || tokens[token - 1].text.chars().all(|c| c.is_ascii_digit())
        || ATTRIBUTIVE_OPENERS
            .iter()
            .any(|w| tokens[token - 1].text.eq_ignore_ascii_case(w));
    // "Who has been held for some ten weeks", "détenu depuis deux ans": a time held
    // so far, not an arrest told.
    let mut after = text[end..]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .map(veille_text::fold);
    let held_for = after
        .next()
        .is_some_and(|w| matches!(w.as_str(), "for" | "since" | "depuis"))
        && after.any(|w| HELD_DURATIONS.contains(&w.as_str()));
    held_for
        || opener
            && actors.iter().any(|a| {
                a.start >= end && {
                    let gap = &text[end..a.start];
                    gap.chars().all(|c| c.is_alphabetic() || c == ' ') && gap.split_whitespace().count() <= 1
                }
            })
}

/// Units of a time held ("detained for four months", "détenus depuis trois semaines").
const HELD_DURATIONS: &[&str] = &[
    "days", "weeks", "months", "years", "jours", "semaines", "mois", "ans", "annees",
];

/// Whether `word` opens with a capital and goes on in small letters ("Rockets", not
/// "ROCKETS" nor "rockets").
fn title_cased(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// Capitalised words after a word that an institution's head word may follow within ("the
/// Ohio National Heritage Trust", "the Miami Valley Family Policy Institute").
const NAME_WORDS: usize = 3;

/// Whether the words at `start..end` of `text`, written with a capital, open or go on an
/// institution's name: capitalised words follow them (a possessive between, "the Women's Health
/// Center"), one of the next [`NAME_WORDS`] an institution's head word ("Trust", "Council").
fn in_institution_name(lex: &Lexicons, text: &str, start: usize, end: usize) -> bool {
    let rest = &text[end..];
    let rest = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("’s"))
        .unwrap_or(rest);
    title_cased(&text[start..end])
        && rest.starts_with(' ')
        && rest
            .split_whitespace()
            .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
            .take(NAME_WORDS)
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .any(|w| lex.names_institution(w))
}

/// Words before two numbers joined by a dash that make them a range, not a score ("between
/// 10-15 assailants", "aged 15-17").
const RANGE_OPENERS: &[&str] = &[
    "between", "from", "aged", "ages", "of", "some", "about", "around", "entre", "de",
];

/// Whether a sentence gives a game's score: two numbers of at most three digits joined by a
/// dash ("6-3", "45–23"), outside its dates ("January 14-15") and not opened as a range.
fn gives_score(tokens: &[veille_text::Token<'_>], dates: &[DateMention]) -> bool {
    let number = |t: &veille_text::Token<'_>| t.text.len() <= 3 && t.text.bytes().all(|b| b.is_ascii_digit());
    tokens.windows(3).enumerate().any(|(i, w)| {
        number(&w[0])
            && matches!(w[1].text, "-" | "–")
            && number(&w[2])
            && w[0].end == w[1].start
            && w[1].end == w[2].start
            && !dates.iter().any(|d| d.start < w[2].end && w[0].start < d.end)
            && !(i > 0 && RANGE_OPENERS.iter().any(|o| tokens[i - 1].text.eq_ignore_ascii_case(o)))
    })
}

/// Whether most words of a sentence open with a capital, as a headline in title case does
/// ("Gunmen Attack Village Near Kaya").
pub(crate) fn headline_case(tokens: &[veille_text::Token<'_>]) -> bool {
    let words = tokens
        .iter()
        .filter(|t| t.text.chars().next().is_some_and(char::is_alphabetic));
    let (capitalised, all) = words.fold((0, 0), |(c, n), t| {
        (
            c + usize::from(t.text.chars().next().is_some_and(char::is_uppercase)),
            n + 1,
        )
    });
    2 * capitalised > all
}

/// Analyses the sentence at byte range `span` of the section.
pub fn analyse(
    lex: &Lexicons,
    section: &SectionText<'_>,
    span: (usize, usize),
    paragraph: usize,
    reference: Option<NaiveDate>,
) -> Sentence {
    let (base, end) = span;
    let text = section.text;
    let range = section.token_range(span);
    let tokens = &section.words.tokens[range.clone()];
    let ft = section.words(range);

    // Word classes, by token, as bits of `Word`.
    let mut word_at: Vec<u32> = vec![0; tokens.len()];
    let mut materiel = false;
    let mut wound = false;
    for h in section.hits(&lex.words, scan::WORDS, span) {
        let t0 = token_at(tokens, h.start);
        let t1 = token_at(tokens, h.end.saturating_sub(1));
        let bits = h.payload.iter().fold(0, |m, &w| m | w.bit());
        for w in word_at.iter_mut().take(t1 + 1).skip(t0) {
            *w |= bits;
        }
        materiel |= h.payload.contains(&Word::Materiel);
        wound |= h.payload.contains(&Word::Wound);
    }
    let has = |i: usize, w: Word| word_at.get(i).is_some_and(|&m| m & w.bit() != 0);

    let mut actors: Vec<ActorMention> = section
        .hits(&lex.actor_set, scan::ACTORS, span)
        .into_iter()
        .filter(|h| reference.is_none_or(|date| lex.names_actor(h.payload, None, date)))
        .map(|h| {
            // Entries sharing an alias may differ in kind by period ("Forest Guards (Burkina
            // Faso)" from 2019, the police's forest guards before): the roles read the one of
            // the publication date, as coding names it.
            let first = match reference {
                Some(date) if h.payload.len() > 1 => &lex.actors[lex.choose_actor(h.payload, None, date)],
                _ => &lex.actors[h.payload[0]],
            };
            ActorMention {
                start: h.start,
                end: h.end,
                entries: h.payload.clone(),
                inter: first.inter,
                weak: first.weak,
                crowd: first.crowd,
                token: token_at(tokens, h.start),
                agent_marked: false,
                target_marked: false,
                source: false,
                escort: false,
                subgroup: None,
            }
        })
        .collect();
    // "The Ohio National Heritage Trust", "the Ohio Civil Rights Commission", "the Greene County
    // Community Trust": a word for civilians written with a capital before an institution's head word
    // is part of its name, and one joined by a hyphen to the next word qualifies it
    // ("man-made lakes", "a family-run shop"): neither names people.
    actors.retain(|a| {
        a.inter != 7 || !(in_institution_name(lex, text, a.start, a.end) || text[a.end..].starts_with('-'))
    });
    // "Nigerien and French forces", "French and/or Burkinabe forces", "Nigerien/Chadian
    // military operations": a demonym coordinated with a state force's shares its noun, and
    // names its own country's force of the same kind, first.
    let mut shared: Vec<ActorMention> = Vec::new();
    for a in &actors {
        let first = &lex.actors[a.entries[0]];
        let state = match (&first.kind, first.country.as_deref()) {
            (ActorKind::State { label, .. }, Some(own)) => Some((label, own)),
            _ => None,
        };
        // "Nigerien and MNJTF forces": a demonym coordinated with a force that is no
        // country's shares the noun after it, and names what "Nigerien forces" names.
        let after = tokens[a.token..]
            .iter()
            .position(|t| t.start >= a.end && t.is_word())
            .map(|i| a.token + i);
        if state.is_none() && (first.inter != 8 || after.is_none()) {
            continue;
        }
        let mut k = a.token;
        let mut conjunctions = 0;
        // The slash is matched on the token: punctuation has no folded form.
        while k > 0 && (matches!(ft.at(k - 1), "and" | "or" | "et" | "ou") || tokens[k - 1].text == "/") {
            k -= 1;
            conjunctions += 1;
        }
        if conjunctions == 0 || k == 0 {
            continue;
        }
        let Some(code) = lex
            .country_named(ft.at(k - 1))
            .filter(|&c| state.is_none_or(|(_, own)| c != own))
        else {
            continue;
        };
        let entry = match (state, after) {
            (Some((label, _)), _) => lex.actors.iter().position(|e| {
                matches!(&e.kind, ActorKind::State { label: l, .. } if l == label) && e.country.as_deref() == Some(code)
            }),
            (None, Some(next)) => lex
                .actor_set
                .payload_of(&format!("{} {}", ft.at(k - 1), ft.at(next)))
                .and_then(|es| {
                    es.iter().copied().find(|&e| {
                        matches!(lex.actors[e].kind, ActorKind::State { .. })
                            && lex.actors[e].country.as_deref() == Some(code)
                    })
                }),
            (None, None) => None,
        };
        let Some(entry) = entry else {
            continue;
        };
        shared.push(ActorMention {
            start: tokens[k - 1].start,
            end: tokens[k - 1].end,
            entries: vec![entry],
            inter: lex.actors[entry].inter,
            token: k - 1,
            subgroup: None,
            ..a.clone()
        });
    }
    if !shared.is_empty() {
        actors.extend(shared);
        actors.sort_by_key(|a| a.start);
    }
    // "Agression armée à domicile", "une attaque armée", "vol à main armée": "armée" right
    // after a noun is the adjective (armed). French names the army with a determiner or a
    // preposition before it ("l'armée", "de l'armée", "notre armée"), or opens a clause with it.
    actors.retain(|a| {
        !is_word_armee(&text[a.start..a.end]) || {
            let before = crate::frames::word_before(text, a.start);
            before.is_empty() || BEFORE_ARMY.contains(&before.as_str())
        }
    });
    for a in &mut actors {
        // A marker governs the actor only across words ("on the local", "by armed
        // Burkinabe"), not across a comma: "On Tuesday, gunmen" starts with a date.
        let governs = |i: usize| (i + 1..a.token).all(|k| tokens[k].is_word() || matches!(tokens[k].text, "'" | "’"));
        let window = a.token.saturating_sub(3)..a.token;
        a.agent_marked = window.clone().any(|i| has(i, Word::AgentMarker) && governs(i));
        a.source = window
            .clone()
            .any(|i| has(i, Word::AgentMarker) && governs(i) && i > 0 && has(i - 1, Word::Reporting));
        a.target_marked = window.clone().any(|i| has(i, Word::TargetMarker) && governs(i));
        // A government or governor named with a reporting word ("selon ce communiqué du
        // gouvernement", "le gouvernement a annoncé", "le gouverneur de la région, X, porte à
        // la connaissance") gives the news of an attack; it does not fight in it.
        if !a.source && a.entries.iter().all(|&e| lex.is_government(e)) {
            let clause_after = (a.token + 1..tokens.len().min(a.token + 11))
                .take_while(|&k| tokens[k].is_word() || matches!(tokens[k].text, "," | "'" | "’" | "-"));
            a.source = window.clone().any(|i| has(i, Word::Reporting))
                || clause_after.clone().any(|k| has(k, Word::Reporting))
                || clause_after.clone().take(3).any(|k| has(k, Word::Speech));
        }
        // State forces that announce what happened ("l'Armée annonce que la brigade de
        // gendarmerie a été la cible …") tell of it; what they did, they tell as their act.
        if !a.source && a.inter == 1 {
            a.source = (a.token + 1..tokens.len().min(a.token + 4))
                .any(|k| has(k, Word::Reporting) && tokens.get(k + 1).is_some_and(opens_what_is_said));
        }
        // "Soldiers found the bodies of three civilians killed by gunmen", "la police a
        // retrouvé le corps": who finds the dead is no side of their killing. Not "three
        // civilians were found dead" (the actor is what was found), nor "the army discovered
        // and defused an IED" (the finder acts on it).
        if !a.source {
            let auxiliary = |k: usize| {
                tokens.get(k).is_some_and(|t| {
                    ["have", "has", "had", "ont", "a", "avaient", "avait", "later", "also"]
                        .iter()
                        .any(|w| t.text.eq_ignore_ascii_case(w))
                })
            };
            let next = a.token + 1;
            let found_at = if next < tokens.len() && has(next, Word::Discovered) {
                Some(next)
            } else if auxiliary(next) && has(next + 1, Word::Discovered) {
                Some(next + 1)
            } else {
                None
            };
            // The dead, not what the finders then deal with ("discovered and defused an IED").
            a.source = found_at.is_some_and(|f| (f + 1..f + 5).any(|k| has(k, Word::Remains) || has(k, Word::Kill)));
        }
        // "L'assaut subi par le poste de gendarmerie", "the raid sustained by the garrison":
        // what follows "par"/"by" underwent the attack.
        if window.clone().any(|i| has(i, Word::Suffered) && governs(i)) {
            a.agent_marked = false;
            a.source = false;
            a.target_marked = true;
        }
        // "A convoy escorted by gendarmes": the escort is hit with what it guards.
        if window.clone().any(|i| has(i, Word::Escort) && governs(i)) {
            a.agent_marked = false;
            a.source = false;
            a.target_marked = true;
            a.escort = true;
        }
    }
    // "Repulsed by security forces and the local population": an actor coordinated with a
    // marked one shares its marker.
    for i in 1..actors.len() {
        let (before, after) = actors.split_at_mut(i);
        let (prev, a) = (&before[i - 1], &mut after[0]);
        if !prev.agent_marked || a.agent_marked || a.target_marked || prev.end > a.start {
            continue;
        }
        let mut words = text[prev.end..a.start]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        let coordinated = words.clone().any(|w| matches!(w, "and" | "et"))
            && words.all(|w| {
                matches!(
                    w,
                    "and" | "et" | "the" | "local" | "les" | "des" | "la" | "le" | "l" | "of" | "de"
                )
            });
        if coordinated {
            a.agent_marked = true;
            a.source = prev.source;
        }
    }

    // "Six people described as Koglweogo militiamen": the civilians' word stands for the
    // group the text then names them as, which is who was hit.
    for i in 1..actors.len() {
        let (prev, next) = (&actors[i - 1], &actors[i]);
        if prev.inter != 7 || next.inter == 7 || prev.end > next.start {
            continue;
        }
        let mut gap = token_at(tokens, prev.end.saturating_sub(1)) + 1..next.token;
        if !gap.is_empty() && gap.all(|k| has(k, Word::DescribedAs)) && !has(prev.token, Word::CivilianStatus) {
            actors[i - 1].weak = true;
        }
    }

    // "Shot dead two unarmed individuals … alleged to be militants": a group named as what
    // people are suspected of being or siding with is no side of the event.
    actors.retain(|a| !(matches!(a.inter, 2..=4) && a.token > 0 && has(a.token - 1, Word::SuspectedOf)));

    // Generic armed-group words next to a named rebel group are that group
    // ("terroristes affiliés à AQMI", "presumed ISGS militants"). Not next to a militia
    // that fights them: "des terroristes ont tué deux VDP" names two sides.
    // A word that names a group only in a period ("rebels": the MNJ in 2007-2009) is such a
    // generic word ("FARS rebels").
    let named_armed = actors.iter().any(|a| {
        matches!(lex.actors[a.entries[0]].kind, crate::lexicon::ActorKind::Named { .. })
            && a.inter == 2
            && !lex.is_period_only(a.entries[0])
    });
    // Their first tokens are kept: a count before one ("19 militants were killed") still
    // names its dead, the named group's.
    // A period's name written as a name ("EUFOR troops", "the CNT") is not such a word: it
    // names a side of its own.
    let written_as_name = |a: &ActorMention| {
        let written = &text[a.start..a.end];
        let sentence_start =
            text[..a.start].trim_end().is_empty() || text[..a.start].trim_end().ends_with(['.', '!', '?', ':', '"']);
        written.chars().skip(1).any(char::is_uppercase) || (written.starts_with(char::is_uppercase) && !sentence_start)
    };
    let mut merged_generic: Vec<usize> = Vec::new();
    if named_armed {
        actors.retain(|a| {
            let generic =
                lex.is_unidentified_armed(a.entries[0]) || (lex.is_period_only(a.entries[0]) && !written_as_name(a));
            if generic {
                merged_generic.push(a.token);
            }
            !generic
        });
    }
    // "Katiba Macina (JNIM)": the group in brackets is the one the other belongs to, and the
    // name ACLED codes.
    let bracketed: Vec<usize> = (0..actors.len().saturating_sub(1))
        .filter(|&i| {
            let (a, b) = (&actors[i], &actors[i + 1]);
            matches!(a.inter, 2..=4)
                && matches!(b.inter, 2..=4)
                && a.entries != b.entries
                && text[a.end..b.start].trim() == "("
                && text[b.end..end].trim_start().starts_with(')')
        })
        .collect();
    for i in bracketed.into_iter().rev() {
        let sub = actors.remove(i);
        actors[i].subgroup = Some((sub.start, sub.end, sub.entries));
    }
    // A cue word hyphenated to the next word is part of a compound noun ("a would-be
    // suicide bomber was shot dead"), not a modal.
    let cues: Vec<(usize, usize, CueKind)> = section
        .hits(&lex.cues, scan::CUES, span)
        .into_iter()
        .filter(|h| !text[h.end..].starts_with('-'))
        .map(|h| (h.start, h.end, *h.payload))
        .collect();

    // An armed group or force named in the sentence did what it tells, whatever disease or
    // disaster the sentence also names.
    let armed_here = actors.iter().any(|a| !a.weak && matches!(a.inter, 1..=4 | 8));
    let relative = match reference {
        Some(_) => section.hits(&lex.relative, scan::RELATIVE, span),
        None => Vec::new(),
    };
    let mut dates = find_dates(lex, tokens, &ft, &relative, reference);
    for d in dates.iter_mut() {
        let first = token_at(tokens, d.start);
        // After it too when the report's verb opens what it says: "Ce jeudi 15 septembre,
        // l'agence nous apprend que …", "On Monday, the ministry announced that …".
        let last = token_at(tokens, d.end.saturating_sub(1));
        let says_that = |k: usize| {
            has(k, Word::Reporting)
                && tokens[(k + 1).min(tokens.len())..(k + 3).min(tokens.len())]
                    .iter()
                    .any(opens_what_is_said)
        };
        d.reported = (first.saturating_sub(REPORT_REACH)..first).any(|i| has(i, Word::Reporting))
            || (last + 1..(last + 1 + REPORT_AFTER_REACH).min(tokens.len())).any(says_that);
        // "le coup d'État du 24 janvier", "the elections of 3 May": past the genitive, the
        // thing the date belongs to.
        let mut k = first;
        while k > 0 && GENITIVE.contains(&ft.at(k - 1)) {
            k -= 1;
        }
        if k < first && k > 0 && has(k - 1, Word::OtherDated) {
            let mut s = k - 1;
            while s > 0 && has(s - 1, Word::OtherDated) {
                s -= 1;
            }
            d.of_thing = Some((tokens[s].start, tokens[k - 1].end));
        }
    }
    let years = find_years(tokens, &ft, &dates);
    let mut triggers = Vec::new();
    for h in section.hits(&lex.triggers, scan::TRIGGERS, span) {
        // "On 8 March": a month is not a march.
        if dates.iter().any(|d| d.start < h.end && h.start < d.end) {
            continue;
        }
        if h.payload.classes.iter().any(|(c, _)| *c == Class::Ignore) {
            continue;
        }
        // "Funds go to March for Babies", "the March elections": a month's name written with
        // its capital, not opening the sentence, is no march.
        let last = text[h.start..h.end].rsplit(' ').next().unwrap_or("");
        if title_cased(last)
            && h.end - last.len() > base
            && lex.months.contains_key(&veille_text::fold(last))
            && !headline_case(tokens)
        {
            continue;
        }
        // "#boycottTheShow", "@StopTheRaids": an event word inside a hashtag or a handle is a
        // slogan or a name, no event told.
        if text[..h.start].ends_with(['#', '@']) {
            continue;
        }
        // "The Inata mine", "the Essakane Mine": after a proper name (a capitalised word
        // that does not open the sentence) the word names a site, not an explosive.
        if lex.names_site(&text[h.start..h.end]) && after_proper_name(text, base, h.start) {
            continue;
        }
        // "Lifted the Dayton Rockets over the Toledo Raiders", "won three bouts at the Clash XII
        // tournament": an event word written with a capital next to a proper name
        // is part of a name (a team, a nickname, a tournament), unless most words have one (a
        // headline in title case).
        let next_capitalised = text[h.end..]
            .strip_prefix(' ')
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_uppercase);
        if title_cased(&text[h.start..h.end])
            && (after_proper_name(text, base, h.start) || next_capitalised)
            && !headline_case(tokens)
        {
            continue;
        }
        let token = token_at(tokens, h.start);
        // A trigger word inside an actor name ("Front de libération") is part of the name,
        // except the mutiny in "mutinying soldiers": the soldiers' rising is itself the event.
        let riot = h.payload.classes.iter().any(|(c, _)| *c == Class::Riot);
        if actors
            .iter()
            .any(|a| a.start <= h.start && h.end <= a.end && !a.weak && !(riot && lex.is_mutiny(a.entries[0])))
        {
            continue;
        }
        // An auxiliary before a present participle makes it progressive, not passive:
        // "militiamen were attacking the cattle camps" attack them.
        let progressive = text[h.start..h.end]
            .split_whitespace()
            .next()
            .is_some_and(|w| w.len() > 4 && w.ends_with("ing"));
        // "The students arrested on Monday were freed": an arrest participle followed
        // by a preposition, not an object, is a passive without its auxiliary (an arrest
        // verb always takes an object).
        let reduced_passive = h.payload.classes.iter().all(|(c, _)| *c == Class::Arrest)
            && text[h.start..h.end].ends_with("ed")
            && text[h.end..]
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .is_some_and(|w| PREPOSITIONS_AFTER_PASSIVE.iter().any(|p| w.eq_ignore_ascii_case(p)));
        let passive = h.payload.undergone
            || reduced_passive
            || (!progressive && (token.saturating_sub(2)..token).any(|i| has(i, Word::Passive)));
        let mut cancelled = None;
        if h.payload.nominal && (token.saturating_sub(3)..token).any(|i| has(i, Word::Anaphora)) {
            cancelled = Some("anaphora");
        }
        if held_since_before(h.payload.classes.as_slice(), tokens, token, text, h.end, &actors) {
            cancelled = Some("held");
        }
        // What a crowd demands or denounces is the protest's content, not commentary on it:
        // a sentence-wide cue after a protest word ("protested over the condemnation of",
        // "demanding a previously signed agreement") leaves the protest standing, and so
        // its riot words ("demonstrated and barricaded roads, demanding the reopening of
        // markets previously closed").
        // A strike word is also listed as "Other" (a strike alone): it is still a protest word.
        let protest = h
            .payload
            .classes
            .iter()
            .all(|(c, _)| matches!(c, Class::Protest | Class::Riot | Class::Fixed))
            && h.payload
                .classes
                .iter()
                .any(|(c, _)| matches!(c, Class::Protest | Class::Riot));
        // An accident explains the sentence's dead and hurt and what blew up, wherever it is
        // told ("six people killed after the collapse of an artisanal mine": a mine shaft, no
        // explosive), not its other events ("a demonstration two days after eight people were
        // killed in a road accident").
        let hurt_only = h.payload.classes.iter().all(|(c, _)| {
            matches!(
                c,
                Class::Kill | Class::Injure | Class::Ied | Class::Grenade | Class::Shelling | Class::Suicide
            )
        });
        for &(cs, _, kind) in &cues {
            let ct = token_at(tokens, cs);
            let in_scope = match kind {
                CueKind::Accident => hurt_only,
                CueKind::Natural => hurt_only && !armed_here,
                CueKind::Demand | CueKind::Crime | CueKind::Political => false,
                _ if kind.sentence_wide() => !(protest && ct > token),
                _ => ct <= token && token - ct <= lex.cue_window,
            };
            if in_scope {
                cancelled = Some(kind.as_str());
            }
        }
        triggers.push(TriggerMention {
            start: h.start,
            end: h.end,
            classes: h.payload.classes.clone(),
            passive,
            noun: h.payload.noun,
            after_light_verb: (token.saturating_sub(4)..token).any(|i| has(i, Word::Light)),
            token,
            cancelled,
            bare: h.payload.bare,
            weak: h.payload.weak,
            armed: h.payload.armed,
            mishap: h.payload.mishap,
        });
    }

    // "L'attaque terroriste", "une embuscade de jihadistes": a rebel group or unnamed
    // fighters right after an attack noun (nothing or "de" between) made the attack; what
    // was attacked follows "contre" or is a force or militia, never unnamed fighters.
    for a in actors.iter_mut() {
        let fighters = a.inter == 2
            || (a.inter == 3
                && a.entries
                    .iter()
                    .any(|&e| matches!(lex.actors[e].kind, ActorKind::Generic { .. })));
        if a.agent_marked || a.target_marked || a.weak || !fighters {
            continue;
        }
        a.agent_marked = triggers.iter().any(|t| {
            t.cancelled.is_none()
                && t.classes.iter().any(|(c, _)| *c == Class::Attack)
                && t.end <= a.start
                && text[t.end..a.start]
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .all(|w| matches!(veille_text::fold(w).as_str(), "de" | "des" | "du" | "d"))
                && crate::frames::reads_as_noun(text, t)
        });
    }

    // "Residents protested against rangers seizing a wood delivery", "a sit-in in solidarity
    // with two teachers assaulted by parents": an event word that follows a protest word and
    // a word opening the protest's motive, in the same clause, is what the crowd protests,
    // not what it did ("demonstrated against the arrest of an imam and threw stones" threw
    // them). Riot words are the crowd's whatever they follow, but for riot nouns ("to
    // demand the removal of barricades", "following last year's mutinies").
    let motive_of: Vec<bool> = triggers
        .iter()
        .map(|t| {
            let riot_noun = t.noun && t.classes.iter().all(|(c, _)| *c == Class::Riot);
            let topical = riot_noun
                || t.classes.iter().all(|(c, _)| {
                    matches!(
                        c,
                        Class::Attack
                            | Class::Kill
                            | Class::Execute
                            | Class::Injure
                            | Class::Destroy
                            | Class::Mob
                            | Class::Arrest
                            | Class::Abduct
                            | Class::Sexual
                    )
                });
            t.cancelled.is_none()
                && topical
                && triggers.iter().any(|p| {
                    p.cancelled.is_none()
                        && p.end <= t.start
                        && p.classes.iter().all(|(c, _)| *c == Class::Protest)
                        && lex.names_motive(same_clause(&text[p.end..t.start]))
                })
        })
        .collect();
    for (t, motive) in triggers.iter_mut().zip(motive_of) {
        if motive {
            t.cancelled = Some("motive");
        }
    }
    // "Workers launched a two-day strike to protest against unpaid salaries", "a hunger strike
    // in protest against their detention": a protest word that says what a strike is for,
    // in its clause, is the strike's motive; the strike alone is told.
    let strike = |p: &TriggerMention| {
        p.classes.iter().any(|(c, _)| *c == Class::Protest)
            && p.classes
                .iter()
                .any(|(c, fixed)| *c == Class::Fixed && fixed.as_deref() == Some("Other"))
    };
    // Most sentences tell no strike: the list is built only for those that do.
    let purpose_of: Vec<bool> = if !triggers.iter().any(|t| t.cancelled.is_none() && strike(t)) {
        Vec::new()
    } else {
        triggers
            .iter()
            .map(|t| {
                t.cancelled.is_none()
                    && !strike(t)
                    && t.classes.iter().all(|(c, _)| *c == Class::Protest)
                    && triggers.iter().any(|p| {
                        p.cancelled.is_none() && p.end <= t.start && strike(p) && {
                            let gap = &text[p.end..t.start];
                            same_clause(gap).len() == gap.len()
                                && gap.split_whitespace().count() <= 5
                                && gap.split_whitespace().last().is_some_and(|w| lex.names_purpose(w))
                        }
                    })
            })
            .collect()
    };
    for (t, purpose) in triggers.iter_mut().zip(purpose_of) {
        if purpose {
            t.cancelled = Some("motive");
        }
    }
    // "Residents vandalized two churches following the arrest of their king", "the army
    // defused an IED discovered in the wake of an ambush": an event noun right after a word
    // naming a cause (`cause` in triggers.toml) and a determiner, told after another event
    // word of the sentence, is why that event happened, not a second one. Not a fight:
    // "captured two hostage takers soon after a clash" tells the clash and its outcome.
    let caused: Vec<bool> = triggers
        .iter()
        .map(|t| {
            if t.classes.iter().all(|(c, _)| *c == Class::Clash) {
                return false;
            }
            // Nor a protest: "police intervened following a protest by dockers", "clashes
            // after a demonstration" tell the crowd's event and how it went on.
            if t.classes.iter().all(|(c, _)| *c == Class::Protest) {
                return false;
            }
            let det = (1..=2)
                .filter_map(|gap| t.token.checked_sub(gap))
                .find(|&k| ARTICLES.contains(&ft.at(k)) || matches!(ft.at(k), "its" | "ses" | "les" | "des"));
            t.cancelled.is_none()
                && det.is_some_and(|k| k > 0 && has(k - 1, Word::Cause))
                && triggers
                    .iter()
                    .any(|p| p.cancelled.is_none() && p.end <= t.start && det.is_some_and(|k| p.token < k - 1))
        })
        .collect();
    for (t, caused) in triggers.iter_mut().zip(caused) {
        if caused {
            t.cancelled = Some("motive");
        }
    }

    let in_date = |b: usize| dates.iter().any(|d| d.start <= b && b < d.end);

    // Numbers: digits, number words (compounds summed), vague counts. Only sentences with
    // a live trigger make frames, so the others need no head counts.
    let live = triggers.iter().any(|t| t.cancelled.is_none());
    // A sentence that only tells a toll ("Reports indicate 8 dead", "Fatalities: 5 soldiers,
    // 3 AQIM") counts its dead too, for the incident told before it; not one a cue makes
    // history or commentary.
    let toll_only = triggers.is_empty()
        && cues.is_empty()
        && word_at
            .iter()
            .any(|&w| w & (Word::Kill.bit() | Word::Remains.bit()) != 0);
    let counting = live || toll_only;
    let mut numbers: Vec<NumberMention> = Vec::new();
    let vague_hits = if counting {
        section.hits(&lex.vague, scan::VAGUE, span)
    } else {
        Vec::new()
    };
    for h in vague_hits {
        // "one of the occupants": a part of the vague group, counted by the number before.
        // "It is not known how many died", "as many as 10": no count, or another's.
        let first = token_at(tokens, h.start);
        if first > 0 && matches!(ft.at(first - 1), "of" | "among" | "parmi" | "how" | "as") {
            continue;
        }
        numbers.push(NumberMention {
            start: h.start,
            end: h.end,
            value: *h.payload,
            token: token_at(tokens, h.start),
            token_end: token_at(tokens, h.end.saturating_sub(1)),
            vague: true,
        });
    }
    let mut i = if counting { 0 } else { tokens.len() };
    while i < tokens.len() {
        let t = &tokens[i];
        if in_date(t.start) || numbers.iter().any(|n| n.token <= i && i <= n.token_end) {
            i += 1;
            continue;
        }
        if t.text.bytes().all(|b| b.is_ascii_digit()) {
            let mut value: u64 = t.text.parse().unwrap_or(0);
            let mut j = i;
            // "1 000" or "1,000" thousands groups
            while j + 2 < tokens.len()
                && matches!(tokens[j + 1].text, "," | ".")
                && tokens[j + 2].text.len() == 3
                && tokens[j + 2].text.bytes().all(|b| b.is_ascii_digit())
                && tokens[j + 1].start == tokens[j].end
            {
                value = value * 1000 + tokens[j + 2].text.parse::<u64>().unwrap_or(0);
                j += 2;
            }
            // "On 25/5", "(24/5)": a day and month, or a fraction, counts nobody.
            let slashed = |k: usize| tokens.get(k).is_some_and(|t| t.text == "/");
            let fraction = i > 0 && slashed(i - 1) || slashed(j + 1);
            if value > 0 && value < 100_000 && !year_like(value) && !fraction {
                numbers.push(NumberMention {
                    start: t.start,
                    end: tokens[j].end,
                    value: value as u32,
                    token: i,
                    token_end: j,
                    vague: false,
                });
            }
            i = j + 1;
            continue;
        }
        // "No one was killed" counts nobody.
        let negated = i > 0 && NEGATIONS.contains(&ft.at(i - 1));
        // The French preposition "à" folds like the English article "a" and counts nothing.
        let preposition = t.text == "à";
        if lex.numbers.contains_key(ft.at(i)) && !matches!(ft.at(i), "et" | "and") && !negated && !preposition {
            let mut j = i;
            let mut words = Vec::new();
            while j < tokens.len() {
                let f = ft.at(j);
                if f.is_empty() && tokens[j].text == "-" {
                    j += 1;
                    continue;
                }
                // Two articles never make one number ("a une", "un a").
                if !words.is_empty() && matches!(f, "un" | "une" | "a" | "an") {
                    break;
                }
                match lex.numbers.get(f) {
                    Some(&v) => {
                        words.push(v);
                        j += 1;
                    }
                    None => break,
                }
            }
            while words.last() == Some(&0) {
                words.pop();
                j -= 1;
            }
            let last = (i..j).rev().find(|&k| !ft.at(k).is_empty()).unwrap_or(i);
            let value = compose(&words);
            let article = matches!(ft.at(i), "un" | "une" | "a" | "an") && words.len() == 1;
            // An article counts one person only before a person noun, adjectives aside ("a
            // civilian", "a former village councillor"; not "a group of soldiers").
            let adjectives = |to: usize| {
                (i + 1..to).all(|k| {
                    tokens[k].is_word()
                        && !matches!(ft.at(k), "of" | "de" | "d" | "du" | "des")
                        && tokens[k].text.chars().next().is_some_and(char::is_lowercase)
                })
            };
            // Right after a kill verb, an article is its one victim, whoever the noun names
            // ("assassinated a school director", "a tué un commerçant"), unless a count
            // follows ("killed a total of 12", "tué une dizaine").
            let one_victim = || {
                i > 0
                    // "neutralisés à Boulounga" (or "a Boulounga" in a title written without
                    // accents): the French preposition folds like the article, and a name
                    // follows it, not a person noun.
                    && tokens[i].text != "à"
                    && tokens
                        .get(i + 1)
                        .is_some_and(|t| t.text.starts_with(char::is_lowercase))
                    && has(i - 1, Word::Kill)
                    && !(i + 1..(i + 5).min(tokens.len()))
                        .any(|k| tokens[k].text.starts_with(|c: char| c.is_ascii_digit()) || COUNT_HEADS.contains(&ft.at(k)))
            };
            let counts = !article
                // "L'attaque a fait un mort": the noun for one dead.
                || (i + 1 < tokens.len() && ONE_DEAD.contains(&ft.at(i + 1)))
                || actors.iter().any(|a| {
                    a.token > i
                        && a.token <= i + 3
                        && !a.weak
                        && matches!(a.inter, 1..=4 | 7 | 8)
                        && adjectives(a.token)
                })
                || one_victim();
            if value > 0 && counts {
                numbers.push(NumberMention {
                    start: t.start,
                    end: tokens[last].end,
                    value,
                    token: i,
                    token_end: last,
                    vague: article,
                });
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    // "Killed the head of the medical center": right after a kill verb, a definite article
    // before one person noun is one victim, as the indefinite one is. Not the French "le",
    // "la": "tués la veille", "tué le soir" are times.
    if counting {
        for k in 1..tokens.len().saturating_sub(1) {
            let noun = &tokens[k + 1];
            let singular_noun =
                noun.is_word() && noun.text.starts_with(char::is_lowercase) && !noun.text.ends_with(['s', 'x']);
            if ft.at(k) == "the"
                && has(k - 1, Word::Kill)
                && singular_noun
                && !COUNT_HEADS.contains(&ft.at(k + 1))
                && !numbers.iter().any(|n| n.token <= k + 1 && k <= n.token_end)
            {
                numbers.push(NumberMention {
                    start: tokens[k].start,
                    end: noun.end,
                    value: 1,
                    token: k,
                    token_end: k + 1,
                    vague: true,
                });
            }
        }
    }
    numbers.sort_by_key(|n| n.start);
    let in_person_name = |k: usize| {
        actors
            .iter()
            .any(|a| !a.weak && a.start <= tokens[k].start && tokens[k].end <= a.end)
    };
    // "Three people including a woman were killed", "14 civilians, including 7 pupils": a
    // count after "including" is part of the one before it, not more dead.
    // So are the counts joined to it ("including 1 woman and 1 girl").
    let mut subset_end: Option<usize> = None;
    let first_count = numbers.first().map(|n| n.token);
    numbers.retain(|n| {
        let after = |w: &[&str]| n.token >= w.len() && (0..w.len()).all(|i| ft.at(n.token - w.len() + i) == w[i]);
        let marked = first_count.is_some_and(|f| f < n.token)
            && (SUBSET_MARKERS.iter().any(|m| after(&[m])) || after(&["among", "them"]) || after(&["parmi", "eux"]));
        let continues = subset_end.is_some_and(|e| {
            (e + 1..n.token).all(|k| matches!(ft.at(k), "and" | "et") || tokens[k].text == "," || in_person_name(k))
        });
        if marked || continues {
            subset_end = Some(n.token_end);
        } else {
            subset_end = None;
        }
        !(marked || continues)
    });

    // Which numbers are dead people.
    let clause_break = |k: usize| matches!(tokens[k].text, "," | ";" | ":" | "(" | ")" | "." | "[" | "]");
    // A word of wounding at token `i`.
    let injures = |i: usize| {
        triggers
            .iter()
            .any(|t| t.token == i && t.classes.iter().any(|(c, _)| *c == Class::Injure))
    };
    let mut decisions: Vec<Option<(bool, usize)>> = Vec::with_capacity(numbers.len());
    // Decided only by the far reach below: a joined count's own verb overrides it.
    let mut far: Vec<bool> = Vec::with_capacity(numbers.len());
    // A measure ("two motorbikes"), never a head count, whatever it is joined to.
    let mut measured: Vec<bool> = Vec::with_capacity(numbers.len());
    let mut dead_and_hurt: Vec<bool> = vec![false; numbers.len()];
    for (ni, n) in numbers.iter().enumerate() {
        // "a 72-hour strike": the unit may follow a hyphen.
        let next = n.token_end + 1 + usize::from(tokens.get(n.token_end + 1).is_some_and(|t| t.text == "-"));
        let after_of = if matches!(ft.get(next), Some("de" | "d" | "of")) {
            next + 1
        } else {
            next
        };
        // "a village" is a count of places, "a village chief" a person: a measure word that
        // starts a name of people is no measure.
        let person_at = |k: usize| actors.iter().any(|a| a.token == k && !a.weak);
        let measure = |k: usize| has(k, Word::NotCount) && !person_at(k);
        // An article is a number only before a person noun (see above): "a livestock
        // trader" is a person, whatever "livestock" measures elsewhere.
        let article = n.vague && n.value == 1;
        if !article && (measure(next) || measure(after_of) && !has(after_of, Word::Kill)) {
            decisions.push(None);
            far.push(false);
            measured.push(true);
            continue;
        }
        measured.push(false);
        // "of" and "a"/"un" qualify a number only as parts of "a total of".
        // So does "himself and" after a kill verb: "killing himself and two others" counts two
        // dead besides the one the reflexive adds.
        let qualifies = |k: usize| match ft.at(k) {
            "of" => k > 0 && ft.at(k - 1) == "total",
            "and" | "et" => k > 0 && REFLEXIVES.contains(&ft.at(k - 1)),
            w if REFLEXIVES.contains(&w) => matches!(ft.get(k + 1), Some("and" | "et")),
            // "a coûté la vie à 86 personnes".
            "a" => ft.get(k + 1) == Some("total") || k > 0 && ft.at(k - 1) == "vie",
            "un" => ft.get(k + 1) == Some("total"),
            w => QUALIFIERS.contains(&w),
        };
        // A kill verb right before the number governs it ("tuant trois", "killed at least 10").
        let mut decided: Option<(bool, usize)> = None;
        let mut k = n.token;
        let mut steps = 0;
        while k > 0 && steps < 4 {
            k -= 1;
            steps += 1;
            // "Fatalities: 5 soldiers, 3 AQIM": a toll introduced by a colon.
            if tokens[k].text == ":" {
                continue;
            }
            // "killing and wounding seven", "wounded and killed 12": one count of the dead
            // and the hurt together, which leaves the dead unknown.
            // An article ("killed and wounded a trader") counts one person, no toll.
            let joined_fate = |w: Word| !article && k >= 2 && matches!(ft.at(k - 1), "and" | "et") && has(k - 2, w);
            if has(k, Word::NotKilled) {
                if injures(k) && joined_fate(Word::Kill) && !has(k - 2, Word::NotKilled) {
                    decided = Some((true, k - 2));
                    dead_and_hurt[ni] = true;
                } else {
                    decided = Some((false, k));
                }
                break;
            }
            if has(k, Word::Kill) {
                dead_and_hurt[ni] = joined_fate(Word::NotKilled) && injures(k - 2) && !has(k - 2, Word::Kill);
                decided = Some((true, k));
                break;
            }
            if !qualifies(k) {
                break;
            }
        }
        // The first kill or not-killed word after the number, within `reach` tokens,
        // before the next number and before `stop`.
        let next_number = numbers.get(ni + 1).map(|m| m.token).unwrap_or(usize::MAX);
        let scan = |reach: usize, stop: &dyn Fn(usize) -> bool| {
            (n.token_end + 1..tokens.len())
                .take_while(|&k| k <= n.token_end + reach && k < next_number && !stop(k))
                .find_map(|k| {
                    // "killing 24 Nigerien and 2 Nigerian soldiers and wounding 112": a fate
                    // word right before the next count is that count's.
                    let next_counts =
                        next_number != usize::MAX && (k + 1..next_number).all(|i| QUALIFIERS.contains(&ft.at(i)));
                    if next_counts {
                        None
                    } else if has(k, Word::NotKilled) && !in_person_name(k) {
                        Some((false, k))
                    } else if has(k, Word::Kill) {
                        Some((true, k))
                    } else {
                        None
                    }
                })
        };
        // Set when the count is the subject of an active kill verb, which no farther
        // reading may give back to it.
        let mut subject_of_verb = false;
        if decided.is_none() {
            decided = scan(8, &clause_break);
            // "A soldier shot dead a civilian", "two militants killed two people": a kill
            // verb with its own object after it is active, and the count before it is its
            // subject, not its dead.
            if let Some((true, k)) = decided {
                let verb_end = (k..tokens.len())
                    .take_while(|&j| has(j, Word::Kill))
                    .last()
                    .unwrap_or(k);
                let passive = k > 0 && has(k - 1, Word::Passive);
                // The word right after the verb (an article aside) must start the object:
                // "killed and four wounded" has none.
                let next_word = (verb_end + 1..tokens.len().min(verb_end + 3))
                    .take_while(|&j| tokens[j].is_word())
                    .find(|&j| !ARTICLES.contains(&ft.get(j).unwrap_or("")) || numbers.iter().any(|m| m.token == j));
                let has_object = !passive
                    && next_word.is_some_and(|j| {
                        numbers.iter().any(|m| m.token == j) || actors.iter().any(|a| a.token == j && !a.weak)
                    });
                if has_object {
                    decided = None;
                    subject_of_verb = true;
                }
            }
        }
        // "Une cinquantaine d'habitants de la commune de X, fuyant les violences, ont été
        // tués": a count followed by the people it counts governs the verb of its clause,
        // however far. Not an article: "a local official said" counts nobody.
        let article = n.vague && n.value == 1;
        if decided.is_none()
            && !article
            && !subject_of_verb
            && actors
                .iter()
                .any(|a| a.token > n.token_end && a.token <= n.token_end + 3 && !a.weak)
        {
            decided = scan(25, &|k| matches!(tokens[k].text, "." | ";"));
            far.push(decided.is_some());
        } else {
            far.push(false);
        }
        decisions.push(decided);
    }
    // "5 ISGS and 2 JNIM militants were killed", "killing three policemen and one
    // volunteer": counts joined by "and" share the verb of the group, and add up.
    // A not-killed word inside a name of people ("two refugees and a policeman") tells no
    // fate; the comma is matched on the token, punctuation having no folded form.
    // A comma alone joins a list of counts of people ("3 policemen, 1 gendarme and 1
    // civilian"), not a count and a clause after it ("an army position in Toeni, five
    // assailants").
    let joined = |a: &NumberMention, b: &NumberMention| {
        // A bracketed acronym ("three volunteer fighters (VDP) and eleven civilians") is
        // part of the name before it.
        let mut depth = 0i32;
        let mut balanced = true;
        let outside: Vec<usize> = (a.token_end + 1..b.token)
            .filter(|&k| match tokens[k].text {
                "(" => {
                    depth += 1;
                    false
                }
                ")" => {
                    depth -= 1;
                    balanced &= depth >= 0;
                    false
                }
                _ => depth == 0,
            })
            .collect();
        if depth != 0 || !balanced {
            return false;
        }
        let between = outside.iter().copied();
        let conjunction = between
            .clone()
            .any(|k| matches!(ft.get(k), Some("and" | "et")) || tokens[k].text == "&");
        // "two gunmen, one of the assailants killed": a part of the group, not one more.
        let partitive = matches!(ft.get(b.token_end + 1), Some("of" | "among" | "d" | "parmi"));
        let article = a.vague && a.value == 1;
        let listed = !(partitive || article)
            && between.clone().any(|k| tokens[k].text == ",")
            && between.clone().all(|k| !tokens[k].is_word() || in_person_name(k));
        between.len() <= 5
            && (conjunction || listed)
            && between.clone().all(|k| {
                !matches!(tokens[k].text, "." | ";" | ":" | "(" | ")")
                    && !has(k, Word::Kill)
                    && (!has(k, Word::NotKilled) || in_person_name(k))
            })
    };
    for ni in (0..numbers.len().saturating_sub(1)).rev() {
        if (decisions[ni].is_none() || far[ni])
            && !far[ni + 1]
            && !measured[ni]
            && joined(&numbers[ni], &numbers[ni + 1])
        {
            decisions[ni] = decisions[ni + 1];
        }
    }
    // "between 11 and 20 people": one toll reported as a range, whose two ends share the
    // verb of the first. Kept apart below, the coder takes the low figure as ACLED does and
    // the high one as UCDP's.
    let range = |p: usize| numbers[p].token > 0 && matches!(ft.get(numbers[p].token - 1), Some("between" | "entre"));
    for ni in 1..numbers.len() {
        let open = decisions[ni].is_none() || far[ni] || range(ni - 1);
        if open && !far[ni - 1] && !measured[ni] && joined(&numbers[ni - 1], &numbers[ni]) {
            decisions[ni] = decisions[ni - 1];
        }
    }
    // "27 rebels were killed and one soldier.", "6 officers killed, one civilian, and 20
    // armed men.": a count of people after the verb of the count before, with no verb of its
    // own and ending its clause, shares that verb. Other dead, so added.
    let mut elliptic = vec![false; numbers.len()];
    for ni in 1..numbers.len() {
        let Some((true, k)) = decisions[ni - 1] else { continue };
        let (prev, n) = (&numbers[ni - 1], &numbers[ni]);
        let verb_between = k > prev.token_end && k < n.token;
        if decisions[ni].is_some()
            || measured[ni]
            || !(verb_between || elliptic[ni - 1])
            || n.token - prev.token_end > 10
        {
            continue;
        }
        let joiner = |i: usize| matches!(ft.at(i), "and" | "et") || tokens[i].text == ",";
        let quiet = (prev.token_end + 1..n.token).all(|i| {
            !has(i, Word::NotKilled)
                && !matches!(tokens[i].text, "." | ";" | ":" | "(" | ")")
                && (has(i, Word::Kill) || !triggers.iter().any(|t| t.token == i))
        });
        let person = actors
            .iter()
            .find(|a| !a.weak && a.token > n.token_end && a.token <= n.token_end + 3);
        let clause_ends = person.is_some_and(|a| {
            let last = token_at(tokens, a.end.saturating_sub(1));
            last + 1 >= tokens.len() || clause_break(last + 1)
        });
        if quiet && joiner(n.token - 1) && clause_ends {
            decisions[ni] = Some((true, k));
            elliptic[ni] = true;
        }
    }
    let mut casualties: Vec<Casualty> = Vec::new();
    let mut last_kept: Option<usize> = None;
    for (ni, n) in numbers.iter().enumerate() {
        let Some((true, k)) = decisions[ni] else { continue };
        let word = (tokens[k].start, tokens[k].end);
        let addend = last_kept
            .is_some_and(|p| p + 1 == ni && decisions[p] == decisions[ni] && joined(&numbers[p], n) && !range(p));
        last_kept = Some(ni);
        match casualties.last_mut() {
            Some(sum) if addend => {
                sum.number.value += n.value;
                sum.number.end = n.end;
                sum.number.token_end = n.token_end;
                sum.number.vague &= n.vague;
                // "24 Nigerien and 2 Nigerian soldiers": the people the first count leaves
                // unnamed are named after the last.
                let named = actors
                    .iter()
                    .position(|a| a.token > n.token_end && a.token <= n.token_end + 3 && !a.weak);
                // "trois civils et six VDP": armed men among the dead make the event a fight
                // with them, so they name the dead before the civilians counted with them.
                let armed_after_civilians = sum.victim.is_some_and(|v| actors[v].inter == 7)
                    && named.is_some_and(|a| matches!(actors[a].inter, 1..=4 | 8));
                if sum.victim.is_none() || armed_after_civilians {
                    sum.victim = named;
                }
            }
            _ => {
                let follows = |t: usize| t > n.token_end && t <= n.token_end + 3;
                let victim = actors.iter().position(|a| follows(a.token) && !a.weak);
                let side = if victim.is_none() && merged_generic.iter().any(|&t| follows(t)) {
                    actors.iter().position(|a| {
                        a.inter == 2 && matches!(lex.actors[a.entries[0]].kind, crate::lexicon::ActorKind::Named { .. })
                    })
                } else {
                    None
                };
                let mut number = *n;
                if dead_and_hurt[ni] {
                    number.value = number.value.min(UNKNOWN_TOLL);
                }
                casualties.push(Casualty {
                    number,
                    word,
                    victim,
                    side,
                    more: has(n.token_end + 1, Word::More) || elliptic[ni],
                });
            }
        }
    }

    // Kill words no number counts yet get one death from three readings, tried in turn
    // over all of them: the object, a singular passive subject, an object pronoun.
    let kill_words: Vec<usize> = if counting {
        (0..word_at.len())
            .filter(|&k| word_at[k] & Word::Kill.bit() != 0)
            .collect()
    } else {
        Vec::new()
    };
    let counted = |casualties: &[Casualty], k: usize| casualties.iter().any(|c| c.word.0 == tokens[k].start);

    // "killed and stripped a merchant", "abducted, executed, and booby-trapped a
    // volunteer": participles joined after the kill verb share its object. The last token
    // of the chain, or the kill word itself when none follows. A participle of wounding or
    // taking ends the chain: "killed and wounded a soldier" does not say who died.
    let participle_end = |i: usize| -> Option<usize> {
        let mut e = i;
        while e + 2 < tokens.len() && tokens[e + 1].text == "-" && tokens[e + 2].is_word() {
            e += 2;
        }
        let word = tokens[e].text;
        let participle = word.ends_with("ed") || word.ends_with('é') || word.ends_with("és") || word.ends_with("ée");
        (tokens[i].is_word() && participle && (i..=e).all(|t| !has(t, Word::NotKilled))).then_some(e)
    };
    let coordinated_verbs_end = |k: usize| {
        let mut end = k;
        loop {
            let mut i = end + 1;
            if i < tokens.len() && tokens[i].text == "," {
                i += 1;
            }
            if i < tokens.len() && matches!(ft.at(i), "and" | "et") {
                i += 1;
            }
            match (i > end + 1 && i < tokens.len()).then(|| participle_end(i)).flatten() {
                Some(e) if !actors.iter().any(|a| a.token > end && a.token <= e) => end = e,
                _ => return end,
            }
        }
    };

    // "killed the village chief", "assassinated a trader": a kill verb whose object is
    // one person, with no number, is one death.
    for &k in &kill_words {
        if counted(&casualties, k) {
            continue;
        }
        let verbs_end = coordinated_verbs_end(k);
        let object = actors.iter().position(|a| {
            a.token > verbs_end
                && a.token <= verbs_end + 4
                && !a.weak
                && (verbs_end + 1..a.token).all(|i| {
                    (ARTICLES.contains(&ft.at(i)) || tokens[i].is_word())
                        && !has(i, Word::NotKilled)
                        && !matches!(ft.at(i), "and" | "et" | "or" | "ou")
                        // "shot dead next to the army post": a place, not the dead.
                        && !PREPOSITIONS.contains(&ft.at(i))
                })
                && !numbers.iter().any(|n| {
                    n.token > k
                        && n.token < a.token
                        && !(verbs_end > k && n.token > verbs_end && ARTICLES.contains(&ft.at(n.token)))
                })
        });
        if let Some(ai) = object.filter(|&ai| names_one_person(&actors[ai], text)) {
            casualties.push(Casualty::of_person(&actors, ai, (tokens[k].start, tokens[k].end)));
        }
    }

    // "The man was killed", "he was later found executed": a kill participle after a
    // singular auxiliary, in a clause whose subject is one person or a pronoun for one, is
    // one death when no number counts it. "Nobody was killed" is none.
    for &k in &kill_words {
        if counted(&casualties, k) {
            continue;
        }
        let mut j = k;
        while j > 0 && k - j < 3 && PASSIVE_FILLERS.contains(&ft.at(j - 1)) {
            j -= 1;
        }
        // "The man later died", "he succumbed to his wounds": a verb of dying stands for
        // the auxiliary; after "who" its subject is the person the relative follows.
        let died = has(k, Word::Died) && (k == 0 || !has(k - 1, Word::Died));
        // "Civilian killed when he ran over a landmine", "Health worker assassinated
        // overnight": a headline's passive drops the auxiliary. The participle right after
        // the person who opens the clause, with no object after it, tells that person's death.
        let headline = || {
            let verb_end = (k..tokens.len())
                .take_while(|&i| has(i, Word::Kill))
                .last()
                .unwrap_or(k);
            // An object, or a verb joined to it ("gunmen killed and wounded"), makes it active.
            let active = |i: usize| {
                ARTICLES.contains(&ft.at(i))
                    || OBJECT_PRONOUNS.contains(&ft.at(i))
                    || matches!(ft.at(i), "and" | "et")
                    || numbers.iter().any(|n| n.token == i)
                    || actors.iter().any(|a| a.token == i)
            };
            j == k
                && actors.iter().any(|a| {
                    let name = &text[a.start..a.end];
                    a.token == 0
                        && !a.weak
                        && token_at(tokens, a.end.saturating_sub(1)) + 1 == k
                        && !IRREGULAR_PLURAL_ENDS.iter().any(|e| name.ends_with(e))
                })
                && (verb_end + 1 >= tokens.len() || !active(verb_end + 1))
        };
        let aux = if j >= 1 && SINGULAR_AUX.contains(&ft.at(j - 1)) {
            j - 1
        } else if j >= 2 && SINGULAR_AUX_PAIRS.contains(&(ft.at(j - 2), ft.at(j - 1))) {
            j - 2
        } else if died || headline() {
            j
        } else {
            continue;
        };
        let clause = (0..aux).rev().find(|&i| clause_break(i)).map_or(0, |i| i + 1);
        if (clause..aux).any(|i| NEGATIONS.contains(&ft.at(i)))
            || casualties
                .iter()
                .any(|c| c.number.token >= clause && c.number.token < k)
        {
            continue;
        }
        let relative = died && aux > clause && RELATIVES.contains(&ft.at(aux - 1));
        let in_clause = |a: &&ActorMention| a.token >= clause && a.token < aux && !a.weak;
        let mut subject = if relative {
            actors.iter().rposition(|a| in_clause(&a))
        } else {
            actors.iter().position(|a| in_clause(&a))
        };
        // "military persons died": the last noun of the subject is its head.
        while let Some(ai) = subject {
            let last = token_at(tokens, actors[ai].end.saturating_sub(1));
            match actors
                .iter()
                .position(|b| b.token == last + 1 && b.token < aux && !b.weak)
            {
                Some(next) => subject = Some(next),
                None => break,
            }
        }
        // "in reaction to the beating of a woman who succumbed": a death named as the motive
        // of what the sentence tells is not its toll.
        if died
            && subject.is_some_and(|ai| lex.names_motive(same_clause(&text[tokens[clause].start..actors[ai].start])))
        {
            continue;
        }
        let subject = subject.filter(|&ai| names_one_person(&actors[ai], text));
        let pronoun = (clause..aux).find(|&i| SINGULAR_PRONOUNS.contains(&ft.at(i)));
        let (start, end, token) = match (subject, pronoun) {
            (Some(ai), _) => (actors[ai].start, actors[ai].end, actors[ai].token),
            (None, Some(i)) => (tokens[i].start, tokens[i].end, i),
            (None, None) => continue,
        };
        casualties.push(Casualty::one(
            start,
            end,
            token,
            (tokens[k].start, tokens[k].end),
            subject,
        ));
    }

    // "executed him", "killed her": a kill verb whose object is a pronoun for one person is
    // one death.
    for &k in &kill_words {
        if counted(&casualties, k) {
            continue;
        }
        let Some(p) = Some(k + 1).filter(|&p| p < tokens.len() && OBJECT_PRONOUNS.contains(&ft.at(p))) else {
            continue;
        };
        casualties.push(Casualty::one(
            tokens[p].start,
            tokens[p].end,
            p,
            (tokens[k].start, tokens[k].end),
            None,
        ));
    }

    // "the soldier escaped and later killed himself", "a suicide attacker killed himself and
    // two soldiers": the killer is one more dead, never one of those counted.
    for &k in &kill_words {
        let Some(p) = Some(k + 1).filter(|&p| p < tokens.len() && REFLEXIVES.contains(&ft.at(p))) else {
            continue;
        };
        let mut one = Casualty::one(
            tokens[p].start,
            tokens[p].end,
            p,
            (tokens[k].start, tokens[k].end),
            None,
        );
        one.more = true;
        casualties.push(one);
    }

    // "arrested fifteen villagers and executed them", "captured two bandits and killed
    // them": a plural object pronoun stands for the people counted last before it.
    // "those arrested were subsequently found dead": a plural pronoun subject of a passive
    // kill word does the same, and so does a definite plural noun ("the individuals were
    // summarily executed"). The auxiliary may govern an earlier participle the kill word is
    // joined to ("those arrested were taken outside the village and executed").
    let plural_passive = |k: usize| {
        let mut j = k;
        while j > 0 && k - j < 3 && PASSIVE_FILLERS.contains(&ft.at(j - 1)) {
            j -= 1;
        }
        let plural_aux = |i: usize| matches!(ft.at(i), "were" | "sont");
        let aux = if j >= 1 && plural_aux(j - 1) {
            Some(j - 1)
        } else if j >= 1 && matches!(ft.at(j - 1), "and" | "et") {
            (j.saturating_sub(10)..j - 1)
                .rev()
                .take_while(|&i| !clause_break(i))
                .find(|&i| plural_aux(i))
        } else {
            None
        };
        aux.is_some_and(|a| {
            let definite_plural = a >= 2
                && matches!(ft.at(a - 2), "the" | "les")
                && tokens[a - 1].text.starts_with(char::is_lowercase)
                && tokens[a - 1].text.ends_with('s');
            definite_plural || (a.saturating_sub(5)..a).any(|i| PLURAL_SUBJECT_PRONOUNS.contains(&ft.at(i)))
        })
    };
    // "all assailants killed", "all the attackers were killed": the people counted last.
    let all_of = |k: usize| {
        let mut j = k;
        if j > 0 && matches!(ft.at(j - 1), "were" | "sont") {
            j -= 1;
        }
        let noun = j
            .checked_sub(1)
            .filter(|&i| tokens[i].text.ends_with(['s', 'x']) && tokens[i].is_word());
        noun.is_some_and(|i| {
            let before = if i > 0 && matches!(ft.at(i - 1), "the" | "les") {
                i - 1
            } else {
                i
            };
            before > 0 && matches!(ft.at(before - 1), "all" | "tous" | "toutes")
        })
    };
    // The wounded are not the ones executed later.
    let hurt = |ni: usize| matches!(decisions[ni], Some((false, w)) if injures(w));
    for &k in &kill_words {
        let object = k + 1 < tokens.len() && PLURAL_OBJECT_PRONOUNS.contains(&ft.at(k + 1));
        if counted(&casualties, k) || !(object || plural_passive(k) || all_of(k)) {
            continue;
        }
        // "arrested five members of the Fulani community": the people after "members of".
        let reach = |n: &NumberMention| {
            let members = matches!(ft.get(n.token_end + 1), Some("members" | "membres"))
                && matches!(ft.get(n.token_end + 2), Some("of" | "de" | "d" | "du" | "des"));
            n.token_end + if members { 6 } else { 3 }
        };
        // The last count of people before, not already dead nor hurt.
        let spoken_for = |ni: usize, n: &NumberMention| {
            (n.vague && n.value == 1)
                || measured[ni]
                || hurt(ni)
                || casualties.iter().any(|c| c.number.start == n.start)
        };
        let antecedent = numbers.iter().enumerate().rposition(|(ni, n)| {
            n.token_end < k
                && !spoken_for(ni, n)
                && actors
                    .iter()
                    .any(|a| !a.weak && a.token > n.token_end && a.token <= reach(n))
        });
        let Some(ni) = antecedent else {
            continue;
        };
        let n = numbers[ni];
        if casualties.iter().any(|c| c.number.start == n.start) {
            continue;
        }
        let named = actors
            .iter()
            .position(|a| !a.weak && a.token > n.token_end && a.token <= n.token_end + 3);
        // "Four militants attacked …, all assailants killed": the attackers died, and stay
        // the attackers; their count is summed as their side's, not read as the target.
        let (victim, side) = if object || plural_passive(k) {
            (named, None)
        } else {
            (None, named)
        };
        casualties.push(Casualty {
            number: n,
            word: (tokens[k].start, tokens[k].end),
            victim,
            side,
            more: false,
        });
    }

    // "beat a presumed thief to death", "battu un homme à mort": the one person named
    // right before "to death" is one death, unless a court put them there ("sentenced a
    // man to death").
    for &k in &kill_words {
        if k < 2 || counted(&casualties, k) || !matches!((ft.at(k - 1), ft.at(k)), ("to", "death") | ("a", "mort")) {
            continue;
        }
        let clause = (0..k).rev().find(|&i| clause_break(i)).map_or(0, |i| i + 1);
        if (clause..k).any(|i| SENTENCING.iter().any(|p| ft.at(i).starts_with(p))) {
            continue;
        }
        let victim = actors.iter().position(|a| {
            a.token >= clause && token_at(tokens, a.end.saturating_sub(1)) == k - 2 && names_one_person(a, text)
        });
        if let Some(ai) = victim {
            casualties.push(Casualty::of_person(&actors, ai, (tokens[k].start, tokens[k].end)));
        }
    }

    // "His body was found", "le cadavre de la victime a été retrouvé": the remains of one
    // person found, in a sentence that counts no dead, are one death.
    if counting && casualties.is_empty() && (0..tokens.len()).any(|k| has(k, Word::Discovered)) {
        let remains = (1..tokens.len()).find(|&k| {
            has(k, Word::Remains)
                && !has(k - 1, Word::Remains)
                && (k.saturating_sub(3)..k).any(|i| SINGULAR_DETERMINERS.contains(&ft.at(i)))
        });
        if let Some(k) = remains {
            casualties.push(Casualty::one(
                tokens[k].start,
                tokens[k].end,
                k,
                (tokens[k].start, tokens[k].end),
                None,
            ));
        }
    }

    // "assassinated a village chief and his son", "killed an elderly man and his son": one
    // person named as the dead, and more persons joined to it with "and", are each one more.
    let joined_person = |from: usize| {
        actors.iter().position(|b| {
            b.start >= from && names_one_person(b, text) && {
                let between = veille_text::fold(&text[from..b.start]);
                let words: Vec<&str> = between.split(' ').filter(|w| !w.is_empty()).collect();
                matches!(words.first(), Some(&("and" | "et")))
                    && words[1..].iter().all(|w| ARTICLES.contains(w))
                    && !text[from..b.start].contains([',', ';', '.'])
            }
        })
    };
    for c in &mut casualties {
        if c.number.value != 1 {
            continue;
        }
        // "killing a senior commander and his driver": a one-victim article counts a
        // person the lexicon may not name; the words after it, up to "and", are the noun.
        let mut from = match c.victim {
            Some(v) => actors[v].end,
            None if c.number.vague => {
                let noun_end = (c.number.token_end + 1..tokens.len().min(c.number.token_end + 4))
                    .take_while(|&i| tokens[i].is_word() && !matches!(ft.at(i), "and" | "et"))
                    .last();
                match noun_end {
                    Some(e) => tokens[e].end,
                    None => continue,
                }
            }
            None => continue,
        };
        while let Some(next) = joined_person(from) {
            c.number.value += 1;
            c.number.end = actors[next].end;
            from = actors[next].end;
        }
    }

    // "Issa Diallo et 12 autres personnes ont péri": a person named by name before "and
    // N others" died with them, one more than the count (a count before it says so itself).
    for i in 0..casualties.len() {
        let n = casualties[i].number;
        let (Some(and), Some(name)) = (n.token.checked_sub(1), n.token.checked_sub(2)) else {
            continue;
        };
        let after = n.token_end + 2;
        let people_after = after >= tokens.len()
            || matches!(
                ft.at(after),
                "personnes" | "people" | "persons" | "individus" | "ont" | "sont" | "were" | "have" | "had"
            )
            || has(after, Word::Kill);
        let counted_before = casualties.iter().any(|c| c.number.end <= tokens[name].start);
        if matches!(ft.at(and), "et" | "and")
            && name > 0
            && tokens[name].is_capitalized()
            && has(n.token_end + 1, Word::More)
            && people_after
            && !counted_before
        {
            casualties[i].number.value += 1;
        }
    }

    // "two men were beaten to death and five women killed": a count right after the verb
    // of the one before, joined by "and", tells other dead, not another report of them.
    let mut by_start: Vec<usize> = (0..casualties.len()).collect();
    by_start.sort_by_key(|&i| casualties[i].number.start);
    for pair in by_start.windows(2) {
        let (a, b) = (&casualties[pair[0]], &casualties[pair[1]]);
        let verb = token_at(tokens, a.word.0);
        let verb_end = (verb..tokens.len())
            .take_while(|&k| has(k, Word::Kill))
            .last()
            .unwrap_or(verb);
        let joined_after_verb = a.word.0 > a.number.end
            && b.number.token == verb_end + 2
            && matches!(ft.get(verb_end + 1), Some("and" | "et"));
        if joined_after_verb {
            casualties[pair[1]].more = true;
        }
    }

    // ACLED counts suicide bombers who blew themselves up among the dead ("three suicide
    // bombers detonated their belts, killing 10 people": 13), not those stopped before.
    let any_word = |w: Word| (0..tokens.len()).any(|k| has(k, w));
    if counting && any_word(Word::Detonated) && !any_word(Word::Undetonated) {
        let bomber = (0..tokens.len()).find(|&k| has(k, Word::Bomber));
        if let Some(b) = bomber {
            let phrase_end = (b..tokens.len())
                .take_while(|&k| has(k, Word::Bomber))
                .last()
                .unwrap_or(b);
            let count = numbers
                .iter()
                .rev()
                .find(|n| n.token_end < b && b - n.token_end <= 4 && (n.token_end + 1..b).all(|i| tokens[i].is_word()));
            let singular = !tokens[phrase_end].text.ends_with('s');
            let number = match count {
                Some(n) => Some(*n),
                None if singular => Some(NumberMention {
                    start: tokens[b].start,
                    end: tokens[phrase_end].end,
                    value: 1,
                    token: b,
                    token_end: phrase_end,
                    vague: true,
                }),
                None => None,
            };
            if let Some(number) = number.filter(|n| {
                !casualties
                    .iter()
                    .any(|c| c.number.start <= n.start && n.start < c.number.end)
            }) {
                casualties.push(Casualty {
                    number,
                    word: (tokens[b].start, tokens[phrase_end].end),
                    victim: None,
                    side: None,
                    more: true,
                });
            }
        }
    }

    // "Additional unconfirmed reports indicated that 29 more corpses had been found", "who
    // previously killed five people": dead told after a plan, denial, hypothesis or
    // earlier-event cue, within its window, are not this event's toll, whatever other
    // event word of the sentence stays live. Not after a threat cue: its words ("alert",
    // "warning shots") often open the report of a real death.
    // The dead and hurt of a sentence that tells an accident are the accident's.
    casualties.retain(|c| {
        let k = token_at(tokens, c.word.0);
        !cues.iter().any(|&(cs, _, kind)| {
            let ct = token_at(tokens, cs);
            match kind {
                CueKind::Accident => true,
                CueKind::Natural => !armed_here,
                CueKind::Threat | CueKind::Demand | CueKind::Crime | CueKind::Political => false,
                _ => !kind.sentence_wide() && ct <= k && k - ct <= lex.cue_window,
            }
        })
    });

    let identities: Vec<(usize, usize, usize)> = section
        .hits(&lex.identities.patterns, scan::IDENTITIES, span)
        .into_iter()
        .map(|h| (*h.payload, h.start, h.end))
        .collect();
    // "Beating Sunderland 2-0", "the battle over the budget", "entered the race": a word common
    // in other senses (`weak` in triggers.toml) tells an event only where its sentence names
    // someone (an actor or a people), counts dead, names a wound or weapon, or has another,
    // unambiguous event word.
    // A government is named in every sentence of political news, and uses force only through
    // its forces: it supports no weak word ("the government's battle against inflation").
    let supported = actors
        .iter()
        .any(|a| !a.weak && !a.entries.iter().all(|&e| lex.is_government(e)))
        || !identities.is_empty()
        || !casualties.is_empty()
        || wound
        || triggers.iter().any(|t| t.cancelled.is_none() && !t.weak)
        // "Janjawid attacked a village near the border": a populated place right after an
        // attack word is what was attacked, whoever did it.
        || actors.iter().any(|a| {
            a.weak
                && a.inter == 7
                && triggers.iter().any(|t| {
                    t.cancelled.is_none()
                        && t.classes.iter().any(|(c, _)| *c == Class::Attack)
                        && t.end <= a.start
                        && text.get(t.end..a.start).is_some_and(|gap| gap.split_whitespace().count() <= 1)
                })
        });
    if !supported {
        for t in triggers.iter_mut().filter(|t| t.weak && t.cancelled.is_none()) {
            t.cancelled = Some("weak word alone");
        }
    }
    // "The Dragons beat the Lugnuts 5-2", "a team they beat 31-17 last spring": a sentence
    // that gives a game's score tells sport, and its words common in other senses (beat,
    // shot, fight, battle) tell no event.
    if gives_score(tokens, &dates) {
        for t in triggers.iter_mut().filter(|t| t.weak && t.cancelled.is_none()) {
            t.cancelled = Some("a game's score");
        }
    }
    // "She had a fight with her brother over the car", "the council member fought for the
    // library's staff": a fight word common in other senses tells a fight only where a side that
    // fights is named (a force, an armed group, a militia, a people, a crowd that riots), or
    // dead, a wound or weapon, or an unambiguous event word; other civilians are whom it
    // helps or argues with, and a government fights with words ("the government's fight
    // for jobs").
    let fight_supported = actors.iter().any(|a| {
        !a.weak && (a.crowd || matches!(a.inter, 1..=4 | 8)) && !a.entries.iter().all(|&e| lex.is_government(e))
    }) || !identities.is_empty()
        || !casualties.is_empty()
        || wound
        || triggers.iter().any(|t| t.cancelled.is_none() && !t.weak);
    if !fight_supported {
        for t in triggers.iter_mut().filter(|t| t.armed && t.cancelled.is_none()) {
            t.cancelled = Some("fight word without a side that fights");
        }
    }

    // "ont neutralisé plusieurs engins explosifs", "three IEDs were destroyed": a verb of
    // neutralising with an explosive device for its object, in one clause, defuses it (one
    // Disrupted weapons use), where either word alone would tell a killing or a blast.
    for (verb, device) in defused_devices(text, &triggers, &actors, |i| has(i, Word::Defuse)) {
        triggers[verb].classes = vec![(Class::Dwu, None)];
        triggers[device].cancelled = Some("defused");
    }

    // "Un village qui subit des rapts, des viols et des meurtres", "(faim, rapts, viols…)":
    // event nouns in the plural listed one after another name the kinds of violence a place
    // suffers, not an incident.
    for k in enumerated_plural_event_nouns(text, &triggers) {
        if triggers[k].cancelled.is_none() {
            triggers[k].cancelled = Some("aggregate");
        }
    }

    // "Il avait été enlevé près de Sabcé en février", in a report of his release five
    // months on: event words in the pluperfect, in a sentence that writes a date more than a
    // month before the report, tell what came before the news. A recent date keeps them: a
    // follow-up tells its incident so too ("Le 9 juin, la mine avait été attaquée").
    if let Some(published) = reference {
        let long_before = dates
            .iter()
            .any(|d| !d.relative && (published - d.date).num_days() > PLUPERFECT_PAST_DAYS);
        if long_before {
            let pluperfect = |t: &TriggerMention| {
                (t.token.saturating_sub(PLUPERFECT_REACH)..t.token).any(|i| has(i, Word::Pluperfect))
            };
            for t in triggers.iter_mut().filter(|t| t.cancelled.is_none() && pluperfect(t)) {
                t.cancelled = Some("background");
            }
        }
    }

    Sentence {
        start: base,
        end,
        paragraph,
        actors,
        triggers,
        cues,
        numbers,
        casualties,
        dates,
        years,
        materiel,
        wound,
        identities,
        continues_previous: has(0, Word::Continuation),
        locates_previous: has(0, Word::Sequel),
        identifies_previous: has(0, Word::Identification),
    }
}

/// How many words may stand between a verb of neutralising and the device it defuses
/// ("a neutralisé le 3 février 2022 plusieurs engins explosifs").
const DEFUSE_REACH: usize = 8;

/// Pairs (verb, device) of live triggers where a verb of neutralising (`is_defuse_word` at
/// its token) has an explosive device for its object in the same clause, with no actor
/// between them ("neutralisé des terroristes qui posaient un engin" killed the men): the
/// device after an active verb, before a passive one.
fn defused_devices(
    text: &str,
    triggers: &[TriggerMention],
    actors: &[ActorMention],
    is_defuse_word: impl Fn(usize) -> bool,
) -> Vec<(usize, usize)> {
    let live = |t: &TriggerMention| t.cancelled.is_none();
    let device = |t: &TriggerMention| live(t) && t.classes.iter().any(|(c, _)| *c == Class::Ied);
    let one_clause = |a: &TriggerMention, b: &TriggerMention| {
        b.token.saturating_sub(a.token) <= DEFUSE_REACH
            && !text[a.end..b.start].contains([',', ';', ':', '.', '('])
            && !actors.iter().any(|x| a.end <= x.start && x.end <= b.start)
    };
    let mut pairs = Vec::new();
    for (v, verb) in triggers.iter().enumerate() {
        if !live(verb) || !is_defuse_word(verb.token) || device(verb) {
            continue;
        }
        let object = if verb.passive {
            triggers[..v].iter().rposition(|d| device(d) && one_clause(d, verb))
        } else {
            triggers[v + 1..]
                .iter()
                .position(|d| device(d) && one_clause(verb, d))
                .map(|k| v + 1 + k)
        };
        pairs.extend(object.map(|d| (v, d)));
    }
    pairs
}

/// Words that may join the nouns of a list ("des rapts, des viols et des meurtres").
const LIST_JOINERS: &[&str] = &["des", "de", "d", "les", "et", "ou", "and", "or", "the"];

/// The triggers that are event nouns in the plural standing in a list of at least two, joined
/// only by commas and [`LIST_JOINERS`]. A noun is told from a verb by its plural alone, which
/// French and English verbs of the news rarely take.
fn enumerated_plural_event_nouns(text: &str, triggers: &[TriggerMention]) -> Vec<usize> {
    // One word in the plural that is no participle ("tués et blessés" are the victims), and
    // no crowd's or police's doing: "strikes and demonstrations", "protests and arrests" are
    // how one day of protest is told.
    let plural_noun = |t: &TriggerMention| {
        let word = &text[t.start..t.end];
        !t.classes
            .iter()
            .any(|(c, _)| matches!(c, Class::Protest | Class::Riot | Class::Arrest))
            && !word.contains(' ')
            && word.ends_with(['s', 'x'])
            && !["és", "ées", "us"].iter().any(|participle| word.ends_with(participle))
    };
    let joined = |a: &TriggerMention, b: &TriggerMention| {
        a.end <= b.start
            && text[a.end..b.start]
                .split(|c: char| c.is_whitespace() || matches!(c, ',' | '\'' | '’'))
                .all(|w| w.is_empty() || LIST_JOINERS.iter().any(|j| j.eq_ignore_ascii_case(w)))
    };
    // Most sentences have one event word or none: no list to look for.
    if triggers.len() < 2 {
        return Vec::new();
    }
    let nouns: Vec<usize> = (0..triggers.len()).filter(|&k| plural_noun(&triggers[k])).collect();
    let mut listed = Vec::new();
    for pair in nouns.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if joined(&triggers[a], &triggers[b]) {
            if listed.last() != Some(&a) {
                listed.push(a);
            }
            listed.push(b);
        }
    }
    listed
}

/// Whether token `t` opens what a verb of saying reports ("annonce que", "said that").
fn opens_what_is_said(t: &veille_text::Token<'_>) -> bool {
    ["que", "qu", "that"].iter().any(|w| t.text.eq_ignore_ascii_case(w))
}

/// Words that follow an English participle used as a passive without its auxiliary
/// ("arrested on Monday", "detained by the police", "arrested last month").
const PREPOSITIONS_AFTER_PASSIVE: &[&str] = &[
    "on",
    "in",
    "at",
    "over",
    "during",
    "last",
    "by",
    "after",
    "for",
    "since",
    "earlier",
    "yesterday",
    "following",
];

/// Words before a date where a verb of reporting makes it the report's ("publié par le
/// ministère ce vendredi 6 mai").
const REPORT_REACH: usize = 6;

/// Tokens after a date where a verb of reporting followed by "que"/"that" makes it the
/// report's ("Ce mardi 3 mai, l'Agence de presse du Centre-Nord (APCN) nous apprend que …":
/// the source's name between, with its brackets and apostrophes).
const REPORT_AFTER_REACH: usize = 16;

/// The words between a dated thing and its date ("du", "de la", "of the"; the elided "d'"
/// is a word and its apostrophe).
const GENITIVE: &[&str] = &["du", "des", "de", "la", "d", "'", "’", "of", "the"];

/// Words before an event word where a pluperfect auxiliary stands ("avaient été enlevés").
const PLUPERFECT_REACH: usize = 3;

/// Days before the report from which a date makes event words in the pluperfect background.
const PLUPERFECT_PAST_DAYS: i64 = 30;

/// A number between 1900 and 2100 is a year, not a count.
fn year_like(value: u64) -> bool {
    (1900..=2100).contains(&value)
}

/// Sums number words: "vingt et un" = 21, "quatre vingt" = 80, "deux cents" = 200,
/// "twenty five" = 25, "three hundred" = 300, "deux mille" = 2000.
pub fn compose(words: &[u32]) -> u32 {
    let (mut total, mut current) = (0u32, 0u32);
    for &v in words {
        match v {
            100 => current = current.max(1) * 100,
            1000 => {
                total += current.max(1) * 1000;
                current = 0;
            }
            20 if (1..=9).contains(&current) => current *= 20,
            _ => current += v,
        }
    }
    total + current
}

/// Whether `word` is "armée(s)" in any case or accent, folded only when its length allows:
/// most actor mentions are not.
fn is_word_armee(word: &str) -> bool {
    (5..=8).contains(&word.len()) && matches!(veille_text::fold(word).as_str(), "armee" | "armees")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &str) -> Sentence {
        let lex = Lexicons::load(None).unwrap();
        let section = SectionText::new(&lex, text);
        analyse(&lex, &section, (0, text.len()), 0, NaiveDate::from_ymd_opt(2024, 3, 5))
    }

    fn dead(text: &str) -> Vec<u32> {
        sentence(text).casualties.iter().map(|c| c.number.value).collect()
    }

    #[test]
    fn number_words_compose() {
        assert_eq!(compose(&[20, 0, 1]), 21);
        assert_eq!(compose(&[4, 20]), 80);
        assert_eq!(compose(&[2, 100]), 200);
        assert_eq!(compose(&[20, 5]), 25);
    }

    #[test]
    fn counts_the_dead_not_the_wounded() {
        assert_eq!(dead("L'attaque a fait trois morts et cinq blessés."), [3]);
        assert_eq!(dead("Gunmen killed two civilians and wounded four others."), [2]);
        assert_eq!(dead("Une vingtaine de terroristes ont été neutralisés."), [20]);
        assert_eq!(dead("Des hommes armés ont tué plusieurs civils."), [3]);
        assert_eq!(dead("Soldiers killed at least 10 militants, wounding 4."), [10]);
        assert_eq!(dead("Dozens of people were killed."), [12]);
        assert_eq!(dead("A civilian was killed."), [1]);
        assert_eq!(dead("Ils ont emporté 30 têtes de bétail et tué 2 bergers."), [2]);
        assert_eq!(dead("Cinq personnes ont été enlevées."), Vec::<u32>::new());
        // The count of the killers is no toll, even when it counts a named group.
        assert_eq!(dead("Two suspected ISGS militants killed two people in Djibo."), [2]);
        assert_eq!(dead("Two militants were killed in Djibo."), [2]);
        // The noun for one dead after an article; an article that ends the sentence counts
        // nothing.
        assert_eq!(dead("L'attaque du marché a fait un mort et trois blessés."), [1]);
        assert_eq!(dead("Des morts, il y en a eu un"), Vec::<u32>::new());
    }

    #[test]
    fn cues_cancel_triggers() {
        let s = sentence("Les jihadistes menacent de attaquer la ville.");
        assert!(s.triggers.iter().all(|t| t.cancelled.is_some()));
        let s = sentence("Depuis plusieurs années, le pays subit des attaques.");
        assert!(s.triggers.iter().all(|t| t.cancelled == Some("background")));
        let s = sentence("Selon l'état-major, ces récentes frappes visent à affaiblir l'ennemi.");
        assert!(s.triggers.iter().all(|t| t.cancelled.is_some()), "{:?}", s.triggers);
    }
}
