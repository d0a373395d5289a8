//! Lexicons: the data files of `lexicons/` (built in), extended by a user directory.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::folded::{Matcher, PatternSet};
use crate::ExtractError;

const ACTORS: &str = include_str!("../../../lexicons/actors.toml");
const TRIGGERS: &str = include_str!("../../../lexicons/triggers.toml");
const CUES: &str = include_str!("../../../lexicons/cues.toml");
const COUNTS: &str = include_str!("../../../lexicons/counts.toml");
const DATES: &str = include_str!("../../../lexicons/dates.toml");
const TAXONOMY: &str = include_str!("../../../lexicons/taxonomy.toml");
const COUNTRIES: &str = include_str!("../../../lexicons/countries.tsv");

// ------------------------------------------------------------------ raw file formats

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorsFile {
    #[serde(default)]
    actor: Vec<NamedActor>,
    #[serde(default)]
    state: Vec<StateActor>,
    #[serde(default)]
    generic: Vec<GenericActor>,
    #[serde(default)]
    regime: Vec<Regime>,
    /// Words that name the army itself ("soldiers", "armée"): a protest or riot met by state
    /// forces named otherwise ("security forces") was met by the police, in ACLED's data.
    #[serde(default)]
    army_words: Vec<String>,
    /// Words that name one armed person ("gunman"): no organised armed group.
    #[serde(default)]
    lone_words: Vec<String>,
    /// Words that say premises were found empty ("unmanned", "abandonné").
    #[serde(default)]
    unmanned_words: Vec<String>,
    /// Words for a force's buildings ("station", "commissariat").
    #[serde(default)]
    premises_words: Vec<String>,
    /// Head words of institutions' names ("Trust", "Foundation", "Council"): a word for
    /// civilians before them is part of the name.
    #[serde(default)]
    institution_words: Vec<String>,
    /// Nationalities from outside the region (folded as written: "canadian", "italien"),
    /// which an alias with "{foreign}" is expanded with.
    #[serde(default)]
    foreign_demonyms: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct NamedActor {
    name: String,
    inter: u8,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
    #[serde(default)]
    country: Option<String>,
    /// First-level units the group is known to operate in, as "CC:Admin1" ("NE:Diffa").
    #[serde(default)]
    areas: Vec<String>,
    /// The aliases name the group only in its period and country, and nothing outside them
    /// (Niger's "rebels" are the MNJ during its rebellion, no one's before or after).
    #[serde(default)]
    period_only: bool,
    /// In its country and period, an armed side the text leaves unnamed is this group
    /// (ACLED names the MNJ for the unattributed attacks of its rebellion).
    #[serde(default)]
    unnamed: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct StateActor {
    /// The entry's name in the file ("military", "police"), for the people who edit it;
    /// the label and aliases are what coding uses.
    #[allow(dead_code)]
    kind: String,
    label: String,
    inter: u8,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    label_by_country: HashMap<String, String>,
    /// Aliases naming one country's forces without a demonym ("Barkhane", "FAMa").
    #[serde(default)]
    country_aliases: HashMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct GenericActor {
    label: String,
    inter: u8,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    weak: bool,
    #[serde(default)]
    crowd: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Regime {
    country: String,
    periods: Vec<[String; 2]>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggersFile {
    /// See [`Lexicons::chars_per_event_word`].
    #[serde(default)]
    chars_per_event_word: Option<usize>,
    #[serde(default)]
    trigger: Vec<TriggerEntry>,
    #[serde(default)]
    words: Option<WordsEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerEntry {
    class: String,
    /// Other classes the same patterns stand for at once ("broke up the protest" is both
    /// an intervention and the protest it names).
    #[serde(default)]
    also: Vec<String>,
    #[serde(default)]
    sub_event: Option<String>,
    #[serde(default)]
    fr: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    nominal: Vec<String>,
    /// Patterns whose subject undergoes the event ("died", "ont trouvé la mort").
    #[serde(default)]
    undergone: Vec<String>,
    /// Patterns that say people died, not that anyone killed them ("died", "dead").
    #[serde(default)]
    bare: Vec<String>,
    /// Patterns common in other senses ("battle", "entered", "suspended"): an event only
    /// where their sentence names someone, a toll or a weapon.
    #[serde(default)]
    weak: Vec<String>,
    /// Weak patterns that tell a fight only beside a side that can fight ("a fight with her
    /// brother over the car"): see `armed` in triggers.toml.
    #[serde(default)]
    armed: Vec<String>,
    /// Patterns that say harm came about without saying anyone meant it ("killed",
    /// "injured", "explosion", "damaged"): a disease, disaster or accident the document
    /// tells explains them.
    #[serde(default)]
    mishap: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsEntry {
    #[serde(default)]
    materiel: Vec<String>,
    #[serde(default)]
    wounds: Vec<String>,
    #[serde(default)]
    kill: Vec<String>,
    #[serde(default)]
    not_killed: Vec<String>,
    #[serde(default)]
    not_count: Vec<String>,
    #[serde(default)]
    passive: Vec<String>,
    #[serde(default)]
    agent_markers: Vec<String>,
    #[serde(default)]
    target_markers: Vec<String>,
    #[serde(default)]
    anaphora: Vec<String>,
    #[serde(default)]
    continuation: Vec<String>,
    #[serde(default)]
    sequel: Vec<String>,
    #[serde(default)]
    identification: Vec<String>,
    #[serde(default)]
    defuse: Vec<String>,
    #[serde(default)]
    pluperfect: Vec<String>,
    #[serde(default)]
    reporting: Vec<String>,
    #[serde(default)]
    other_dated: Vec<String>,
    #[serde(default)]
    light: Vec<String>,
    #[serde(default)]
    departure: Vec<String>,
    #[serde(default)]
    motive: Vec<String>,
    #[serde(default)]
    sites: Vec<String>,
    #[serde(default)]
    owner: Vec<String>,
    #[serde(default)]
    individuals: Vec<String>,
    #[serde(default)]
    purpose: Vec<String>,
    #[serde(default)]
    settlements: Vec<String>,
    #[serde(default)]
    placement: Vec<String>,
    #[serde(default)]
    defence: Vec<String>,
    #[serde(default)]
    died: Vec<String>,
    #[serde(default)]
    remains: Vec<String>,
    #[serde(default)]
    discovered: Vec<String>,
    #[serde(default)]
    more: Vec<String>,
    #[serde(default)]
    bombers: Vec<String>,
    #[serde(default)]
    detonated: Vec<String>,
    #[serde(default)]
    undetonated: Vec<String>,
    #[serde(default)]
    described_as: Vec<String>,
    #[serde(default)]
    civilian_status: Vec<String>,
    #[serde(default)]
    suspected_of: Vec<String>,
    #[serde(default)]
    escort: Vec<String>,
    #[serde(default)]
    suffered: Vec<String>,
    #[serde(default)]
    cause: Vec<String>,
    #[serde(default)]
    speech: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CuesFile {
    #[serde(default)]
    window: Option<usize>,
    #[serde(default)]
    cue: Vec<CueEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueEntry {
    kind: String,
    #[serde(default)]
    fr: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CountsFile {
    #[serde(default)]
    vague: HashMap<String, u32>,
    #[serde(default)]
    numbers: HashMap<String, u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DatesFile {
    #[serde(default)]
    months: HashMap<String, u32>,
    #[serde(default)]
    weekdays: HashMap<String, u32>,
    #[serde(default)]
    relative: HashMap<String, [i32; 2]>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TaxonomyFile {
    #[serde(default)]
    sub_event: Vec<SubEventInfo>,
}

/// The country name in actor labels of events no country could be found for.
pub const UNKNOWN_COUNTRY: &str = "Unknown Country";

/// One of ACLED's 25 sub-event types and what goes with it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubEventInfo {
    pub name: String,
    pub event_type: String,
    pub disorder_type: String,
    pub priority: u32,
    pub cameo_root: String,
    pub plover: String,
}

/// A country as Veille names it in records and actor labels.
#[derive(Debug, Clone)]
pub struct Country {
    pub code: String,
    pub iso: u16,
    pub name: String,
    /// The country as state forces' labels write it, after "of": ACLED puts an article
    /// before some names ("Military Forces of the United States", but "Civilians (United
    /// States)"). `name` when the file's optional seventh column is empty.
    pub state_name: String,
    pub region: String,
    pub names: Vec<String>,
}

// ------------------------------------------------------------------ compiled form

/// What an actor alias stands for.
#[derive(Debug, Clone)]
pub enum ActorKind {
    Named {
        name: String,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        country: Option<String>,
        /// See `period_only` in actors.toml's header.
        period_only: bool,
    },
    State {
        label: String,
        label_by_country: HashMap<String, String>,
    },
    Generic {
        label: String,
    },
}

#[derive(Debug, Clone)]
pub struct ActorEntry {
    pub kind: ActorKind,
    pub inter: u8,
    pub weak: bool,
    /// Civilians that can act as one body ("residents", "youths"): the subject of a
    /// violent verb, they are a mob (see frames.rs).
    pub crowd: bool,
    /// The country an alias names by itself ("armée malienne").
    pub country: Option<String>,
}

/// Trigger classes; see lexicons/triggers.toml for how each becomes a sub-event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    Attack,
    Kill,
    Execute,
    Injure,
    Clash,
    Abduct,
    Sexual,
    Ied,
    Airstrike,
    Shelling,
    Suicide,
    Grenade,
    Chemical,
    Overtake,
    Regain,
    Destroy,
    Dwu,
    Arrest,
    Protest,
    Riot,
    Mob,
    Intervene,
    Fixed,
    Ignore,
}

impl Class {
    /// Whether the class names harm done to people or things by force: what makes the
    /// deaths a document tells killings (see `frames::cancel_deaths_without_violence`).
    pub fn is_violent(self) -> bool {
        !matches!(
            self,
            Class::Protest | Class::Arrest | Class::Intervene | Class::Fixed | Class::Ignore | Class::Dwu
        )
    }

    fn parse(s: &str) -> Option<Class> {
        Some(match s {
            "attack" => Class::Attack,
            "kill" => Class::Kill,
            "execute" => Class::Execute,
            "injure" => Class::Injure,
            "clash" => Class::Clash,
            "abduct" => Class::Abduct,
            "sexual" => Class::Sexual,
            "ied" => Class::Ied,
            "airstrike" => Class::Airstrike,
            "shelling" => Class::Shelling,
            "suicide" => Class::Suicide,
            "grenade" => Class::Grenade,
            "chemical" => Class::Chemical,
            "overtake" => Class::Overtake,
            "regain" => Class::Regain,
            "destroy" => Class::Destroy,
            "dwu" => Class::Dwu,
            "arrest" => Class::Arrest,
            "protest" => Class::Protest,
            "riot" => Class::Riot,
            "mob" => Class::Mob,
            "intervene" => Class::Intervene,
            "ignore" => Class::Ignore,
            _ => return None,
        })
    }

    /// Classes whose events can be told together (a lead sentence and its details).
    pub fn family(self) -> u8 {
        match self {
            Class::Destroy | Class::Dwu => 2,
            Class::Protest | Class::Riot | Class::Mob | Class::Intervene => 3,
            Class::Arrest => 4,
            Class::Fixed => 5,
            Class::Ignore => 6,
            _ => 1,
        }
    }
}

/// One trigger pattern: the classes it can stand for.
#[derive(Debug, Clone)]
pub struct TriggerInfo {
    pub classes: Vec<(Class, Option<String>)>,
    pub nominal: bool,
    /// A whole-word pattern listed as nominal: the match is a noun, whatever else the stem
    /// of a prefix pattern ("attack*": attacked) may be.
    pub noun: bool,
    /// The subject undergoes it ("19 soldats ont trouvé la mort"): read like a passive,
    /// so the people before it are its victims, not its authors.
    pub undergone: bool,
    /// It says people died, not that anyone killed them ("three people died", "les
    /// morts"): an event only in a document that tells violence (see `bare` in
    /// triggers.toml).
    pub bare: bool,
    /// Common in other senses ("the battle over the budget"): see `weak` in triggers.toml.
    pub weak: bool,
    /// A weak word that needs an armed side, not only civilians: see `armed` in triggers.toml.
    pub armed: bool,
    /// Harm no one need have meant ("killed", "explosion"): see `mishap` in triggers.toml.
    pub mishap: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    Background,
    Aggregate,
    Commentary,
    Plan,
    Threat,
    Denial,
    /// A report said to be false ("dément la publication", "denied reports that"): all the
    /// sentence tells is the report's content, denied.
    Retraction,
    Hypothesis,
    Earlier,
    Accident,
    /// Disease or disaster ("the virus has killed 40 people"): as `Accident`, but a sentence
    /// that names an armed group or force keeps its events.
    Natural,
    /// A crowd's demand ("demanding the release of", "pour exiger"): cancels nothing; a
    /// crowd that burns or attacks with one is a demonstration turned violent, not a mob.
    Demand,
    /// The criminal-justice process ("charged with", "the suspect", "sheriff's deputies"):
    /// cancels nothing in its sentence; a document that has one and names no armed group
    /// tells ordinary crime (see `frames::cancel_ordinary_crime`).
    Crime,
    /// A political figure ("opposition members", "journalists"): cancels nothing; an arrest
    /// in its sentence is political, which ACLED codes, even in a document that tells a
    /// criminal case.
    Political,
}

impl CueKind {
    fn parse(s: &str) -> Option<CueKind> {
        Some(match s {
            "background" => CueKind::Background,
            "aggregate" => CueKind::Aggregate,
            "commentary" => CueKind::Commentary,
            "plan" => CueKind::Plan,
            "threat" => CueKind::Threat,
            "denial" => CueKind::Denial,
            "retraction" => CueKind::Retraction,
            "hypothesis" => CueKind::Hypothesis,
            "earlier" => CueKind::Earlier,
            "accident" => CueKind::Accident,
            "natural" => CueKind::Natural,
            "demand" => CueKind::Demand,
            "crime" => CueKind::Crime,
            "political" => CueKind::Political,
            _ => return None,
        })
    }

    /// Whether the cue cancels the whole sentence, or only what follows it.
    pub fn sentence_wide(self) -> bool {
        matches!(
            self,
            CueKind::Background | CueKind::Aggregate | CueKind::Commentary | CueKind::Retraction
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CueKind::Background => "background",
            CueKind::Aggregate => "aggregate",
            CueKind::Commentary => "commentary",
            CueKind::Plan => "plan",
            CueKind::Threat => "threat",
            CueKind::Denial => "denial",
            CueKind::Retraction => "retraction",
            CueKind::Hypothesis => "hypothesis",
            CueKind::Earlier => "earlier",
            CueKind::Accident => "accident",
            CueKind::Natural => "natural",
            CueKind::Demand => "demand",
            CueKind::Crime => "crime",
            CueKind::Political => "political",
        }
    }
}

/// Word classes used by frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    Materiel,
    Wound,
    Kill,
    NotKilled,
    NotCount,
    Passive,
    AgentMarker,
    TargetMarker,
    Anaphora,
    Continuation,
    Sequel,
    Defuse,
    Pluperfect,
    Reporting,
    OtherDated,
    Light,
    Died,
    Remains,
    Discovered,
    More,
    Bomber,
    Detonated,
    Undetonated,
    DescribedAs,
    CivilianStatus,
    SuspectedOf,
    Escort,
    Suffered,
    Identification,
    Cause,
    Speech,
}

impl Word {
    /// The class as one bit, so a token's classes fit in a `u32`.
    pub fn bit(self) -> u32 {
        1 << self as u8
    }
}

/// Relative date phrase: days before publication (or a special code) and precision.
#[derive(Debug, Clone, Copy)]
pub struct Relative {
    pub days: i32,
    pub precision: u8,
}

/// A map keyed by folded words, looked up for nearly every token of every sentence.
pub type WordMap<V> = HashMap<String, V, std::hash::BuildHasherDefault<WordHasher>>;

/// The multiply-rotate hash of `rustc-hash` (FxHash): keys are short lexicon words, not
/// attacker-chosen, so SipHash's flooding resistance buys nothing and costs most of a
/// lookup.
#[derive(Default)]
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let mut last = [0u8; 8];
        let rest = chunks.remainder();
        last[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(last) ^ rest.len() as u64);
    }

    fn write_u8(&mut self, b: u8) {
        self.add(b as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A [`WordMap`] that first checks the first byte and length of the word against those
/// of its keys: most tokens of a sentence are no number, month or weekday, and this
/// answers them without hashing.
pub struct WordTable<V> {
    map: WordMap<V>,
    /// For each first byte, a bit per key length (lengths of 63 and more share bit 63).
    shapes: Vec<u64>,
}

impl<V> WordTable<V> {
    /// The first byte (0 for the empty word) and the length as a bit.
    fn shape(word: &str) -> (usize, u64) {
        let first = word.as_bytes().first().copied().unwrap_or(0);
        (first as usize, 1 << word.len().min(63))
    }

    pub fn get(&self, word: &str) -> Option<&V> {
        let (first, len) = Self::shape(word);
        if self.shapes[first] & len == 0 {
            return None;
        }
        self.map.get(word)
    }

    pub fn contains_key(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

impl<V> FromIterator<(String, V)> for WordTable<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(pairs: I) -> Self {
        let map: WordMap<V> = pairs.into_iter().collect();
        let mut shapes = vec![0u64; 256];
        for (first, len) in map.keys().map(|k| Self::shape(k)) {
            shapes[first] |= len;
        }
        WordTable { map, shapes }
    }
}

/// Where each pattern set's occurrences are in a scan of [`Lexicons::matcher`].
pub mod scan {
    pub const WORDS: usize = 0;
    pub const ACTORS: usize = 1;
    pub const CUES: usize = 2;
    pub const TRIGGERS: usize = 3;
    pub const VAGUE: usize = 4;
    pub const RELATIVE: usize = 5;
    pub const IDENTITIES: usize = 6;
}

/// The lexicon files as read (built-in merged with the user's), before compiling.
struct Sources {
    actors_file: ActorsFile,
    triggers_file: TriggersFile,
    cues_file: CuesFile,
    counts: CountsFile,
    dates: DatesFile,
    taxonomy_file: TaxonomyFile,
    countries: Vec<Country>,
    identities: crate::identity::Identities,
}

/// Every lexicon, compiled for matching. Built once, shared read-only.
pub struct Lexicons {
    pub actors: Vec<ActorEntry>,
    /// By inter code, the entries of `actors` that name no country, in their order: where
    /// coding looks for the default actor of an event ("Military Forces", "Civilians"), some
    /// 7,800 times on 1 MB of news.
    pub uncountried_by_inter: Vec<Vec<usize>>,
    /// The entries marked `unnamed` in actors.toml, in file order.
    pub unnamed_sides: Vec<usize>,
    pub actor_set: PatternSet<Vec<usize>>,
    pub triggers: PatternSet<TriggerInfo>,
    pub cues: PatternSet<CueKind>,
    pub cue_window: usize,
    /// A document tells events only if it holds an event word for every this many
    /// characters, and at least one (`usize::MAX` where the file says 0: one word,
    /// whatever the length).
    pub chars_per_event_word: usize,
    pub words: PatternSet<Vec<Word>>,
    pub vague: PatternSet<u32>,
    pub numbers: WordTable<u32>,
    pub months: WordTable<u32>,
    pub weekdays: WordTable<u32>,
    pub relative: PatternSet<Relative>,
    /// The pattern sets above and the identities in one automaton; its scans answer by set, at the
    /// indexes of [`scan`].
    pub matcher: Matcher,
    pub taxonomy: HashMap<String, SubEventInfo>,
    pub countries: HashMap<String, Country>,
    /// Country code by folded name or demonym ("burkinabe" → BF), first listed first.
    country_by_name: HashMap<String, String>,
    pub regimes: HashMap<String, Vec<(NaiveDate, String)>>,
    /// Who crowds and civilians are (lexicons/identities.toml), for assoc_actor.
    pub identities: crate::identity::Identities,
    /// Folded words that name the army itself (see `army_words` in actors.toml).
    pub army_words: WordList,
    /// Folded words that name one armed person (see `lone_words` in actors.toml).
    pub lone_words: HashSet<String>,
    /// Folded words that say premises were empty (see `unmanned_words` in actors.toml).
    pub unmanned_words: WordList,
    /// Folded words for a force's buildings (see `premises_words` in actors.toml).
    pub premises_words: WordList,
    /// Folded head words of institutions' names (see `institution_words` in actors.toml).
    pub institution_words: HashSet<String>,
    /// Folded verbs of leaving (see `departure` in triggers.toml): the place they head for
    /// is where the actors went, not where the event was.
    pub departure_words: WordList,
    /// Folded words that open a protest's motive (see `motive` in triggers.toml).
    pub motive_words: WordList,
    /// Folded trigger words that name a site after a proper name (see `sites` in
    /// triggers.toml).
    pub site_words: WordList,
    /// Folded words before the owner of property (see `owner` in triggers.toml).
    pub owner_words: WordList,
    /// Folded words for people one by one, never a crowd (see `individuals` in triggers.toml).
    pub individual_words: WordList,
    /// Folded words that open a strike's purpose (see `purpose` in triggers.toml).
    pub purpose_words: WordList,
    /// Folded words for a kind of small place (see `settlements` in triggers.toml).
    pub settlement_words: WordList,
    /// Folded words that place a small place by a known one (see `placement`).
    pub placement_words: WordList,
    /// Folded event words whose subject is the side attacked (see `defence` in triggers.toml).
    pub defence_words: WordList,
    /// Named actors' `areas` from actors.toml, as written: actor name -> "CC:Admin1".
    pub actor_areas: Vec<(String, Vec<String>)>,
}

/// Files the aliases of one actor made by `entry`: an alias written with "{dem}" under
/// one entry per country ([`add_demonym_alias`]), the others under `entry(None)`, which
/// is pushed first; one written with "{foreign}" once per foreign demonym, under
/// `entry(None)` too. Returns the countries' entries by code.
fn add_actor_aliases(
    aliases: &[String],
    countries: &[Country],
    foreign_demonyms: &[String],
    actors: &mut Vec<ActorEntry>,
    entry: &dyn Fn(Option<String>) -> ActorEntry,
    alias_map: &mut Vec<(String, String, usize)>,
) -> HashMap<String, usize> {
    let any_country = actors.len();
    actors.push(entry(None));
    let mut per_country: HashMap<String, usize> = HashMap::new();
    for alias in aliases {
        if alias.contains("{dem}") {
            add_demonym_alias(alias, countries, &mut per_country, actors, entry, alias_map);
        } else if alias.contains("{foreign}") {
            for demonym in foreign_demonyms {
                add_alias(&fill(alias, "{foreign}", demonym), any_country, alias_map);
            }
        } else {
            add_alias(alias, any_country, alias_map);
        }
    }
    per_country
}

/// Adds an alias written with "{dem}" once per country name and demonym, each
/// country's spellings to that country's own entry (made by `entry` on first
/// use and kept in `per_country`).
fn add_demonym_alias(
    alias: &str,
    countries: &[Country],
    per_country: &mut HashMap<String, usize>,
    actors: &mut Vec<ActorEntry>,
    entry: &dyn Fn(Option<String>) -> ActorEntry,
    alias_map: &mut Vec<(String, String, usize)>,
) {
    for c in countries {
        let idx = *per_country.entry(c.code.clone()).or_insert_with(|| {
            actors.push(entry(Some(c.code.clone())));
            actors.len() - 1
        });
        for name in &c.names {
            // `fill`, not `str::replace`: this runs for every name of every country and
            // alias (some 68,000 times at start-up), and each replace set up a searcher.
            add_alias(&fill(alias, "{dem}", name), idx, alias_map);
        }
    }
}

/// Files `alias` (folded, and as written) under actor entry `idx`.
fn add_alias(alias: &str, idx: usize, alias_map: &mut Vec<(String, String, usize)>) {
    alias_map.push((veille_text::fold(alias.trim_end_matches('*')), alias.to_string(), idx));
}

fn parse_toml<T: serde::de::DeserializeOwned>(text: &str, path: &str) -> Result<T, ExtractError> {
    toml::from_str(text).map_err(|e| ExtractError::Lexicon {
        path: path.to_string(),
        problem: e.to_string().trim().to_string(),
    })
}

fn date(s: &str, path: &str) -> Result<NaiveDate, ExtractError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| ExtractError::Lexicon {
        path: path.to_string(),
        problem: format!("date {s:?}: {e}"),
    })
}

fn parse_countries(text: &str, path: &str) -> Result<Vec<Country>, ExtractError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let bad = |problem: String| ExtractError::Lexicon {
            path: format!("{path}:{}", n + 1),
            problem,
        };
        if cols.len() < 6 {
            return Err(bad(format!("expected 6 tab-separated columns, found {}", cols.len())));
        }
        let iso = cols[1]
            .trim()
            .parse()
            .map_err(|_| bad(format!("bad ISO number {:?}", cols[1])))?;
        let name = cols[3].trim().to_string();
        let state_name = match cols.get(6).map(|c| c.trim()) {
            Some(form) if !form.is_empty() => form.to_string(),
            _ => name.clone(),
        };
        out.push(Country {
            code: cols[0].trim().to_uppercase(),
            iso,
            name,
            state_name,
            region: cols[4].trim().to_string(),
            names: cols[5]
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
        });
    }
    Ok(out)
}

/// A built-in lexicon file, extended by the user file of the same name when `dir` holds one
/// (`merge` says how its entries join the built-in ones).
pub(crate) fn with_user_file<T: serde::de::DeserializeOwned>(
    builtin: &str,
    name: &str,
    dir: Option<&Path>,
    merge: impl FnOnce(&mut T, T),
) -> Result<T, ExtractError> {
    let mut base: T = parse_toml(builtin, &format!("lexicons/{name}"))?;
    if let Some((text, path)) = user_file(dir, name)? {
        let user: T = parse_toml(&text, &path)?;
        merge(&mut base, user);
    }
    Ok(base)
}

/// Reads `name` from the user directory when it exists there.
fn user_file(dir: Option<&Path>, name: &str) -> Result<Option<(String, String)>, ExtractError> {
    let Some(dir) = dir else { return Ok(None) };
    Ok(veille_geoparse::read_user_file(dir, name)?.map(|(path, text)| (text, path)))
}

impl Lexicons {
    pub fn load(dir: Option<&Path>) -> Result<Self, ExtractError> {
        if let Some(d) = dir {
            if !d.is_dir() {
                return Err(ExtractError::Lexicon {
                    path: d.display().to_string(),
                    problem: "not a directory".into(),
                });
            }
        }
        // Actors: user [[actor]] entries replace built-ins of the same name.
        let actors = with_user_file(
            ACTORS,
            "actors.toml",
            dir,
            |actors: &mut ActorsFile, user: ActorsFile| {
                let names: Vec<&str> = user.actor.iter().map(|a| a.name.as_str()).collect();
                actors.actor.retain(|a| !names.contains(&a.name.as_str()));
                actors.actor.extend(user.actor.iter().cloned());
                actors.state.extend(user.state);
                actors.generic.extend(user.generic);
                actors.army_words.extend(user.army_words);
                actors.lone_words.extend(user.lone_words);
                actors.unmanned_words.extend(user.unmanned_words);
                actors.premises_words.extend(user.premises_words);
                actors.institution_words.extend(user.institution_words);
                actors.foreign_demonyms.extend(user.foreign_demonyms);
                for r in user.regime {
                    actors.regime.retain(|x| x.country != r.country);
                    actors.regime.push(r);
                }
            },
        )?;
        let triggers = with_user_file(
            TRIGGERS,
            "triggers.toml",
            dir,
            |triggers: &mut TriggersFile, user: TriggersFile| {
                triggers.trigger.extend(user.trigger);
                if user.chars_per_event_word.is_some() {
                    triggers.chars_per_event_word = user.chars_per_event_word;
                }
                if let Some(w) = user.words {
                    let base = triggers.words.get_or_insert_with(Default::default);
                    base.materiel.extend(w.materiel);
                    base.kill.extend(w.kill);
                    base.not_killed.extend(w.not_killed);
                    base.not_count.extend(w.not_count);
                    base.passive.extend(w.passive);
                    base.agent_markers.extend(w.agent_markers);
                    base.target_markers.extend(w.target_markers);
                    base.anaphora.extend(w.anaphora);
                    base.continuation.extend(w.continuation);
                    base.sequel.extend(w.sequel);
                    base.identification.extend(w.identification);
                    base.defuse.extend(w.defuse);
                    base.pluperfect.extend(w.pluperfect);
                    base.reporting.extend(w.reporting);
                    base.light.extend(w.light);
                    base.departure.extend(w.departure);
                    base.motive.extend(w.motive);
                    base.sites.extend(w.sites);
                    base.owner.extend(w.owner);
                    base.individuals.extend(w.individuals);
                    base.purpose.extend(w.purpose);
                    base.settlements.extend(w.settlements);
                    base.placement.extend(w.placement);
                    base.defence.extend(w.defence);
                    base.died.extend(w.died);
                    base.remains.extend(w.remains);
                    base.discovered.extend(w.discovered);
                    base.more.extend(w.more);
                    base.bombers.extend(w.bombers);
                    base.detonated.extend(w.detonated);
                    base.undetonated.extend(w.undetonated);
                    base.described_as.extend(w.described_as);
                    base.civilian_status.extend(w.civilian_status);
                    base.suspected_of.extend(w.suspected_of);
                    base.escort.extend(w.escort);
                    base.suffered.extend(w.suffered);
                    base.cause.extend(w.cause);
                    base.speech.extend(w.speech);
                }
            },
        )?;
        let cues = with_user_file(CUES, "cues.toml", dir, |cues: &mut CuesFile, user: CuesFile| {
            cues.cue.extend(user.cue);
            if user.window.is_some() {
                cues.window = user.window;
            }
        })?;
        let counts = with_user_file(
            COUNTS,
            "counts.toml",
            dir,
            |counts: &mut CountsFile, user: CountsFile| {
                counts.vague.extend(user.vague);
                counts.numbers.extend(user.numbers);
            },
        )?;
        let dates = with_user_file(DATES, "dates.toml", dir, |dates: &mut DatesFile, user: DatesFile| {
            dates.months.extend(user.months);
            dates.weekdays.extend(user.weekdays);
            dates.relative.extend(user.relative);
        })?;
        let taxonomy = with_user_file(
            TAXONOMY,
            "taxonomy.toml",
            dir,
            |taxonomy: &mut TaxonomyFile, user: TaxonomyFile| {
                for s in user.sub_event {
                    taxonomy.sub_event.retain(|x| x.name != s.name);
                    taxonomy.sub_event.push(s);
                }
            },
        )?;
        let mut countries = parse_countries(COUNTRIES, "lexicons/countries.tsv")?;
        if let Some((text, path)) = user_file(dir, "countries.tsv")? {
            for c in parse_countries(&text, &path)? {
                countries.retain(|x| x.code != c.code);
                countries.push(c);
            }
        }
        Self::compile(Sources {
            actors_file: actors,
            triggers_file: triggers,
            cues_file: cues,
            counts,
            dates,
            taxonomy_file: taxonomy,
            countries,
            identities: crate::identity::Identities::load(dir)?,
        })
    }

    fn compile(sources: Sources) -> Result<Self, ExtractError> {
        let Sources {
            actors_file,
            triggers_file,
            cues_file,
            counts,
            dates,
            taxonomy_file,
            countries,
            identities,
        } = sources;
        let apath = "actors.toml";
        let mut actors = Vec::new();
        // folded alias -> entry indices, in file order
        let mut alias_map: Vec<(String, String, usize)> = Vec::new();
        let mut unnamed_sides = Vec::new();
        for a in &actors_file.actor {
            let from = a.from.as_deref().map(|d| date(d, apath)).transpose()?;
            let to = a.to.as_deref().map(|d| date(d, apath)).transpose()?;
            let idx = actors.len();
            if a.unnamed {
                unnamed_sides.push(idx);
            }
            actors.push(ActorEntry {
                kind: ActorKind::Named {
                    name: a.name.clone(),
                    from,
                    to,
                    country: a.country.clone(),
                    period_only: a.period_only,
                },
                inter: a.inter,
                weak: false,
                crowd: false,
                country: a.country.clone(),
            });
            for alias in &a.aliases {
                add_alias(alias, idx, &mut alias_map);
            }
        }
        for s in &actors_file.state {
            // One entry for the forces of any country, one per country an alias names.
            let state_entry = |country: Option<String>| ActorEntry {
                kind: ActorKind::State {
                    label: s.label.clone(),
                    label_by_country: s.label_by_country.clone(),
                },
                inter: s.inter,
                weak: false,
                crowd: false,
                country,
            };
            let per_country = add_actor_aliases(
                &s.aliases,
                &countries,
                &actors_file.foreign_demonyms,
                &mut actors,
                &state_entry,
                &mut alias_map,
            );
            let mut codes: Vec<&String> = s.country_aliases.keys().collect();
            codes.sort();
            for code in codes {
                let code_up = code.to_uppercase();
                let idx = match per_country.get(code_up.as_str()) {
                    Some(&i) => i,
                    None => {
                        actors.push(state_entry(Some(code_up.clone())));
                        actors.len() - 1
                    }
                };
                for alias in &s.country_aliases[code] {
                    add_alias(alias, idx, &mut alias_map);
                }
            }
        }
        for g in &actors_file.generic {
            // "Nigerian armed bandits" in a Nigerien report: the group's own country.
            let generic_entry = |country: Option<String>| ActorEntry {
                kind: ActorKind::Generic { label: g.label.clone() },
                inter: g.inter,
                weak: g.weak,
                crowd: g.crowd,
                country,
            };
            add_actor_aliases(
                &g.aliases,
                &countries,
                &actors_file.foreign_demonyms,
                &mut actors,
                &generic_entry,
                &mut alias_map,
            );
        }
        // One pattern per distinct written alias; entries sharing a folded alias are
        // alternatives chosen later by date and country.
        // One map from the key to its pattern, in first-seen order: some 20,000 aliases
        // (every demonym of every country) went through two maps and three key copies each.
        let mut slot: HashMap<String, usize> = HashMap::with_capacity(alias_map.len());
        // Each pattern keeps its folded alias: the aliases sharing a slot fold alike, so the
        // set need not fold the spelling kept.
        let mut patterns: Vec<(String, String, Vec<usize>)> = Vec::new();
        for (folded, raw, idx) in alias_map {
            if folded.is_empty() {
                continue;
            }
            let key = if raw.ends_with('*') {
                format!("{folded}*")
            } else {
                folded.clone()
            };
            let i = *slot.entry(key).or_insert_with(|| {
                patterns.push((raw.clone(), folded, Vec::new()));
                patterns.len() - 1
            });
            let (written, _, entries) = &mut patterns[i];
            if !entries.contains(&idx) {
                entries.push(idx);
            }
            // Keep the capitalised spelling when one alias is an acronym, so the
            // capitals check applies.
            if raw.chars().any(|c| c.is_lowercase()) {
                *written = raw;
            }
        }
        let actor_set = PatternSet::from_folded(patterns);

        let tpath = "triggers.toml";
        let mut trig: Vec<(String, String, TriggerInfo)> = Vec::new();
        let mut trig_index: HashMap<String, usize> = HashMap::new();
        for t in &triggers_file.trigger {
            let class = if t.sub_event.is_some() {
                Class::Fixed
            } else {
                Class::parse(&t.class).ok_or_else(|| ExtractError::Lexicon {
                    path: tpath.into(),
                    problem: format!("unknown trigger class {:?} (and no sub_event)", t.class),
                })?
            };
            let mut entries = vec![(class, t.sub_event.clone())];
            for other in &t.also {
                let also = Class::parse(other).ok_or_else(|| ExtractError::Lexicon {
                    path: tpath.into(),
                    problem: format!("unknown trigger class {other:?} in `also`"),
                })?;
                entries.push((also, None));
            }
            if let Some(se) = &t.sub_event {
                if !taxonomy_file.sub_event.iter().any(|s| &s.name == se) {
                    return Err(ExtractError::Lexicon {
                        path: tpath.into(),
                        problem: format!("sub_event {se:?} is not in taxonomy.toml"),
                    });
                }
            }
            let nominal: Vec<String> = t.nominal.iter().map(|n| veille_text::fold(n)).collect();
            let undergone: Vec<String> = t.undergone.iter().map(|n| veille_text::fold(n)).collect();
            let bare: Vec<String> = t.bare.iter().map(|n| veille_text::fold(n)).collect();
            let weak: Vec<String> = t.weak.iter().map(|n| veille_text::fold(n)).collect();
            let armed: Vec<String> = t.armed.iter().map(|n| veille_text::fold(n)).collect();
            let mishap: Vec<String> = t.mishap.iter().map(|n| veille_text::fold(n)).collect();
            for p in t.fr.iter().chain(t.en.iter()) {
                let folded = veille_text::fold(p.trim_end_matches('*'));
                let key = if p.ends_with('*') {
                    format!("{folded}*")
                } else {
                    folded.clone()
                };
                let is_nominal = nominal.contains(&folded);
                let is_noun = is_nominal && !p.ends_with('*');
                let is_undergone = undergone.contains(&folded);
                let is_bare = bare.contains(&folded);
                let is_weak = weak.contains(&folded);
                let is_armed = armed.contains(&folded);
                let is_mishap = mishap.contains(&folded);
                match trig_index.get(&key) {
                    Some(&i) => {
                        for entry in &entries {
                            if !trig[i].2.classes.contains(entry) {
                                trig[i].2.classes.push(entry.clone());
                            }
                        }
                        trig[i].2.nominal |= is_nominal;
                        trig[i].2.noun |= is_noun;
                        trig[i].2.undergone |= is_undergone;
                        trig[i].2.bare |= is_bare;
                        trig[i].2.weak |= is_weak;
                        trig[i].2.armed |= is_armed;
                        trig[i].2.mishap |= is_mishap;
                    }
                    None => {
                        trig_index.insert(key.clone(), trig.len());
                        trig.push((
                            key,
                            p.clone(),
                            TriggerInfo {
                                classes: entries.clone(),
                                nominal: is_nominal,
                                noun: is_noun,
                                undergone: is_undergone,
                                bare: is_bare,
                                weak: is_weak,
                                armed: is_armed,
                                mishap: is_mishap,
                            },
                        ));
                    }
                }
            }
        }
        let triggers = PatternSet::from_pairs(trig.into_iter().map(|(_, pattern, payload)| (pattern, payload)));

        let mut cue_pairs = Vec::new();
        for c in &cues_file.cue {
            let kind = CueKind::parse(&c.kind).ok_or_else(|| ExtractError::Lexicon {
                path: "cues.toml".into(),
                problem: format!("unknown cue kind {:?}", c.kind),
            })?;
            cue_pairs.extend(c.fr.iter().chain(c.en.iter()).map(|p| (p.clone(), kind)));
        }
        let cues = PatternSet::from_pairs(cue_pairs);

        let w = triggers_file.words.unwrap_or_default();
        let mut word_map: Vec<(String, Vec<Word>)> = Vec::new();
        for (list, class) in [
            (&w.materiel, Word::Materiel),
            (&w.wounds, Word::Wound),
            (&w.kill, Word::Kill),
            (&w.not_killed, Word::NotKilled),
            (&w.not_count, Word::NotCount),
            (&w.passive, Word::Passive),
            (&w.agent_markers, Word::AgentMarker),
            (&w.target_markers, Word::TargetMarker),
            (&w.anaphora, Word::Anaphora),
            (&w.continuation, Word::Continuation),
            (&w.sequel, Word::Sequel),
            (&w.identification, Word::Identification),
            (&w.defuse, Word::Defuse),
            (&w.pluperfect, Word::Pluperfect),
            (&w.reporting, Word::Reporting),
            (&w.other_dated, Word::OtherDated),
            (&w.light, Word::Light),
            (&w.died, Word::Died),
            (&w.remains, Word::Remains),
            (&w.discovered, Word::Discovered),
            (&w.more, Word::More),
            (&w.bombers, Word::Bomber),
            (&w.detonated, Word::Detonated),
            (&w.undetonated, Word::Undetonated),
            (&w.described_as, Word::DescribedAs),
            (&w.civilian_status, Word::CivilianStatus),
            (&w.suspected_of, Word::SuspectedOf),
            (&w.escort, Word::Escort),
            (&w.suffered, Word::Suffered),
            (&w.cause, Word::Cause),
            (&w.speech, Word::Speech),
        ] {
            for p in list {
                match word_map.iter_mut().find(|(k, _)| k == p) {
                    Some((_, v)) => v.push(class),
                    None => word_map.push((p.clone(), vec![class])),
                }
            }
        }
        let words = PatternSet::from_pairs(word_map);
        let departure_words = WordList::new(&w.departure);
        let motive_words = WordList::new(&w.motive);
        let site_words = WordList::new(&w.sites);
        let owner_words = WordList::new(&w.owner);
        let individual_words = WordList::new(&w.individuals);
        let purpose_words = WordList::new(&w.purpose);
        let settlement_words = WordList::new(&w.settlements);
        let placement_words = WordList::new(&w.placement);
        let defence_words = WordList::new(&w.defence);

        let mut vague_list: Vec<_> = counts.vague.into_iter().collect();
        vague_list.sort();
        let vague = PatternSet::from_pairs(vague_list);
        let mut rel: Vec<_> = dates.relative.into_iter().collect();
        rel.sort();
        let relative = PatternSet::from_pairs(rel.into_iter().map(|(pattern, [days, precision])| {
            (
                pattern,
                Relative {
                    days,
                    precision: precision.clamp(1, 3) as u8,
                },
            )
        }));
        // Keys that fold alike ("Août", "aout") meet in one entry: taking them in sorted
        // order makes the one that stays the same on every run, whatever the hash order.
        let fold_keys = |m: HashMap<String, u32>| -> WordTable<u32> {
            let mut pairs: Vec<(String, u32)> = m.into_iter().collect();
            pairs.sort();
            pairs.into_iter().map(|(k, v)| (veille_text::fold(&k), v)).collect()
        };

        let mut regimes = HashMap::new();
        for r in &actors_file.regime {
            let mut periods = Vec::new();
            for [from, label] in &r.periods {
                periods.push((date(from, apath)?, label.clone()));
            }
            periods.sort();
            regimes.insert(r.country.to_uppercase(), periods);
        }
        let taxonomy: HashMap<String, SubEventInfo> = taxonomy_file
            .sub_event
            .into_iter()
            .map(|s| (s.name.clone(), s))
            .collect();
        // Placed by the `scan` indexes themselves, so the two cannot drift apart.
        let mut sets: [&[String]; 7] = Default::default();
        sets[scan::WORDS] = words.keys();
        sets[scan::ACTORS] = actor_set.keys();
        sets[scan::CUES] = cues.keys();
        sets[scan::TRIGGERS] = triggers.keys();
        sets[scan::VAGUE] = vague.keys();
        sets[scan::RELATIVE] = relative.keys();
        sets[scan::IDENTITIES] = identities.patterns.keys();
        let matcher = Matcher::new(&sets);
        let mut uncountried_by_inter: Vec<Vec<usize>> = Vec::new();
        for (i, a) in actors.iter().enumerate().filter(|(_, a)| a.country.is_none()) {
            let inter = usize::from(a.inter);
            if uncountried_by_inter.len() <= inter {
                uncountried_by_inter.resize(inter + 1, Vec::new());
            }
            uncountried_by_inter[inter].push(i);
        }
        Ok(Lexicons {
            matcher,
            identities,
            actors,
            uncountried_by_inter,
            unnamed_sides,
            actor_set,
            triggers,
            cues,
            cue_window: cues_file.window.unwrap_or(8),
            chars_per_event_word: match triggers_file.chars_per_event_word {
                Some(0) | None => usize::MAX,
                Some(n) => n,
            },
            words,
            vague,
            numbers: fold_keys(counts.numbers),
            months: fold_keys(dates.months),
            weekdays: fold_keys(dates.weekdays),
            relative,
            taxonomy,
            country_by_name: {
                let mut by_name = HashMap::new();
                for c in &countries {
                    for n in &c.names {
                        by_name.entry(veille_text::fold(n)).or_insert_with(|| c.code.clone());
                    }
                }
                by_name
            },
            countries: countries.into_iter().map(|c| (c.code.clone(), c)).collect(),
            regimes,
            actor_areas: actors_file
                .actor
                .iter()
                .filter(|a| !a.areas.is_empty())
                .map(|a| (a.name.clone(), a.areas.clone()))
                .collect(),
            army_words: WordList::new(&actors_file.army_words),
            lone_words: actors_file.lone_words.iter().map(|w| veille_text::fold(w)).collect(),
            unmanned_words: WordList::new(&actors_file.unmanned_words),
            premises_words: WordList::new(&actors_file.premises_words),
            institution_words: actors_file
                .institution_words
                .iter()
                .map(|w| veille_text::fold(w))
                .collect(),
            departure_words,
            motive_words,
            site_words,
            owner_words,
            individual_words,
            purpose_words,
            settlement_words,
            placement_words,
            defence_words,
        })
    }

    /// Whether entry `entry` is the unidentified armed group's words ("gunmen",
    /// "militants", "hommes armés"): the generic actor of inter code 3.
    pub fn is_unidentified_armed(&self, entry: usize) -> bool {
        let e = &self.actors[entry];
        matches!(e.kind, ActorKind::Generic { .. }) && e.inter == 3
    }

    /// The group that stands for an unnamed armed side in `country` on `date` (`unnamed`
    /// in actors.toml), if any.
    pub fn unnamed_side(&self, country: Option<&str>, date: NaiveDate) -> Option<usize> {
        let country = country?;
        self.unnamed_sides
            .iter()
            .copied()
            .find(|&i| match &self.actors[i].kind {
                ActorKind::Named {
                    from, to, country: own, ..
                } => own.as_deref() == Some(country) && from.is_none_or(|f| f <= date) && to.is_none_or(|t| date < t),
                _ => false,
            })
    }

    /// Whether entry `entry` is a group its aliases name only in its period (`period_only`).
    pub fn is_period_only(&self, entry: usize) -> bool {
        matches!(self.actors[entry].kind, ActorKind::Named { period_only: true, .. })
    }

    /// Whether entry `entry` names soldiers in mutiny ("Mutiny of Military Forces of …").
    pub fn is_mutiny(&self, entry: usize) -> bool {
        matches!(&self.actors[entry].kind, ActorKind::State { label, .. } if label.starts_with("Mutiny of"))
    }

    /// Whether entry `entry` names an army (not the police or gendarmerie, which also work
    /// ordinary crime).
    pub fn is_military(&self, entry: usize) -> bool {
        matches!(&self.actors[entry].kind, ActorKind::State { label, .. } if label.starts_with("Military Forces"))
    }

    /// Whether entry `entry` names a government or its officials (ministry, governor).
    pub fn is_government(&self, entry: usize) -> bool {
        matches!(&self.actors[entry].kind, ActorKind::State { label, .. } if label.starts_with("Government of"))
    }

    /// Whether `word` is the head word of an institution's name ("Trust", "Council").
    pub fn names_institution(&self, word: &str) -> bool {
        self.institution_words.contains(&veille_text::fold(word))
    }

    /// Whether `text` (an actor's words) names one armed person, not a group: the whole
    /// text, so that "suicide attacker" is no lone "attacker".
    pub fn names_lone(&self, text: &str) -> bool {
        self.lone_words.contains(&veille_text::fold(text))
    }

    /// Whether `text` (an actor's words) names the army itself.
    pub fn names_army(&self, text: &str) -> bool {
        self.army_words.named_in(text)
    }

    /// Whether the last words of `folded` (the folded text before a place name) say someone left
    /// for that place ("se sont repliés par la route du village de Kota", "withdrew north
    /// toward In-Ates").
    pub fn heads_for(&self, folded: &str) -> bool {
        if self.departure_words.is_empty() {
            return false;
        }
        // Filled from the end, so no list of every word in reach is built per place.
        let mut reach = [""; DEPARTURE_REACH];
        let mut n = 0;
        for w in folded.rsplit(' ').filter(|w| !w.is_empty()).take(DEPARTURE_REACH) {
            n += 1;
            reach[DEPARTURE_REACH - n] = w;
        }
        let last = &reach[DEPARTURE_REACH - n..];
        // The words are folded already: folding them joined would give them back (and no
        // words, one empty word).
        self.departure_words
            .named_in_words(if last.is_empty() { &[""] } else { last })
    }

    /// Whether `text` (the words between a protest word and an event word) opens the
    /// protest's motive.
    pub fn names_motive(&self, text: &str) -> bool {
        self.motive_words.named_in(text)
    }

    /// Whether a trigger's words (`text`) name a site when a proper name comes before them
    /// ("the Inata mine").
    pub fn names_site(&self, text: &str) -> bool {
        self.site_words.named_in(text)
    }

    /// Whether `text`, the few words before a participant, names it as an owner
    /// ("belonging to the").
    pub fn names_owner(&self, text: &str) -> bool {
        self.owner_words.named_in(text)
    }

    /// Whether `text`, an actor mention, names people one by one ("two men", "a herder"),
    /// never a crowd.
    pub fn names_individuals(&self, text: &str) -> bool {
        self.individual_words.named_in(text)
    }

    /// Whether `word`, the word before a protest word, opens a strike's purpose ("to", "in").
    pub fn names_purpose(&self, word: &str) -> bool {
        self.purpose_words.named_in(word)
    }

    /// Whether `text`, an event word, tells of the side that was attacked ("repelled", "la
    /// cible de").
    pub fn names_defence(&self, text: &str) -> bool {
        self.defence_words.named_in(text)
    }

    /// The country a folded name or demonym names ("nigerien" → NE).
    pub fn country_named(&self, folded: &str) -> Option<&str> {
        self.country_by_name.get(folded).map(String::as_str)
    }

    /// Whether `word` names a force's building ("station", "commissariat").
    pub fn names_premises(&self, word: &str) -> bool {
        self.premises_words.named_in(word)
    }

    /// Whether `text` (a sentence) says premises were found empty.
    pub fn names_unmanned(&self, text: &str) -> bool {
        self.unmanned_words.named_in(text)
    }

    /// The ACLED label of an actor entry for an event in `country` on `date`
    /// ("Military Forces of Unknown Country" when neither the text nor a hint
    /// gives one).
    pub fn actor_label(&self, entry: &ActorEntry, country: Option<&str>, date: NaiveDate) -> String {
        self.actor_label_named(entry, country, None, date)
    }

    /// [`Lexicons::actor_label`], naming a country missing from countries.tsv by
    /// `fallback_name` (the gazetteer's name for it) rather than by its code.
    pub fn actor_label_named(
        &self,
        entry: &ActorEntry,
        country: Option<&str>,
        fallback_name: Option<&str>,
        date: NaiveDate,
    ) -> String {
        let own = entry.country.is_some();
        let country = entry.country.as_deref().or(country);
        let known = country.and_then(|c| self.countries.get(c));
        let named_otherwise = || {
            fallback_name
                .filter(|n| !own && !n.is_empty())
                .or(country)
                // Said plainly rather than guessed: ACLED's "(International)" names
                // multinational actors, not ones whose country the text leaves out.
                .unwrap_or(UNKNOWN_COUNTRY)
        };
        match &entry.kind {
            ActorKind::Named { name, .. } => name.clone(),
            ActorKind::Generic { label } => {
                let country_name = known.map_or_else(named_otherwise, |c| c.name.as_str());
                fill(label, "{country}", country_name)
            }
            ActorKind::State {
                label,
                label_by_country,
            } => {
                let country_name = known.map_or_else(named_otherwise, |c| c.state_name.as_str());
                let template = country.and_then(|c| label_by_country.get(c)).unwrap_or(label);
                self.fill_regime(&fill(template, "{country}", country_name), country, date)
            }
        }
    }

    /// `template` with its {regime} filled with the regime period of `country` at `date`
    /// ("2015-2022"), or left out with its brackets where the lexicon knows no period.
    pub fn fill_regime(&self, template: &str, country: Option<&str>, date: NaiveDate) -> String {
        let regime = country
            .and_then(|c| self.regimes.get(c))
            .and_then(|periods| periods.iter().rev().find(|(from, _)| *from <= date))
            .map(|(_, l)| l.as_str());
        match regime {
            Some(r) => fill(template, "{regime}", r),
            None => fill(&fill(template, " ({regime})", ""), "{regime}", ""),
        }
    }

    /// Whether an alias of `entries` names anyone in `country` (when known) on `date`: not
    /// when each of them is a `period_only` group outside its period or country.
    pub fn names_actor(&self, entries: &[usize], country: Option<&str>, date: NaiveDate) -> bool {
        entries.iter().any(|&i| match &self.actors[i].kind {
            ActorKind::Named {
                from,
                to,
                country: own,
                period_only: true,
                ..
            } => {
                from.is_none_or(|f| f <= date)
                    && to.is_none_or(|t| date < t)
                    && (country.is_none() || own.is_none() || own.as_deref() == country)
            }
            _ => true,
        })
    }

    /// Picks among entries sharing an alias: the one whose period holds `date`, and
    /// whose country (when it has one) is the event's.
    pub fn choose_actor(&self, entries: &[usize], country: Option<&str>, date: NaiveDate) -> usize {
        let fits_date = |i: &usize| match &self.actors[*i].kind {
            ActorKind::Named { from, to, .. } => from.is_none_or(|f| f <= date) && to.is_none_or(|t| date < t),
            _ => true,
        };
        let fits_country = |i: &usize| match &self.actors[*i].kind {
            ActorKind::Named { country: Some(c), .. } => Some(c.as_str()) == country,
            _ => true,
        };
        // A group of the event's very country wins over one with no country: the Islamic
        // State in Syria is not the Greater Sahara's, whose entry names no country.
        let own_country = |i: &usize| matches!(&self.actors[*i].kind, ActorKind::Named { country: Some(c), .. } if Some(c.as_str()) == country);
        entries
            .iter()
            .copied()
            .find(|i| fits_date(i) && own_country(i))
            .or_else(|| entries.iter().copied().find(|i| fits_date(i) && fits_country(i)))
            .or_else(|| entries.iter().copied().find(fits_date))
            .unwrap_or(entries[0])
    }
}

/// `template.replace(placeholder, value)` for a placeholder that starts with an ASCII
/// byte: the same leftmost, non-overlapping replacements, found by a byte search for
/// that first byte. `str::replace` sets up a two-way searcher on every call, and labels
/// are filled several times per event (a twentieth of the extractor's time).
pub(crate) fn fill(template: &str, placeholder: &str, value: &str) -> String {
    let first = placeholder.as_bytes()[0];
    debug_assert!(first.is_ascii());
    let mut out = String::with_capacity(template.len() + value.len());
    let mut rest = template;
    while let Some(i) = rest.bytes().position(|b| b == first) {
        if rest[i..].starts_with(placeholder) {
            out.push_str(&rest[..i]);
            out.push_str(value);
            rest = &rest[i + placeholder.len()..];
        } else {
            // An ASCII byte ends a char: the slice stays on a boundary.
            out.push_str(&rest[..=i]);
            rest = &rest[i + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// How many words before a place a verb of leaving may stand ("withdrew north toward
/// the village of").
const DEPARTURE_REACH: usize = 7;

/// A list of words (actors.toml's `army_words`, `unmanned_words`, triggers.toml's
/// `departure`) as folded prefixes ("*" in the list) and folded phrases split into words, so
/// that a text is folded once and compared word by word without building a string per word
/// and entry (these checks run on every sentence of every event and before every place).
#[derive(Debug, Clone, Default)]
pub struct WordList {
    prefixes: Vec<String>,
    phrases: Vec<Vec<String>>,
    /// The phrases' distinct first words: most words of a text are none of them, and
    /// those start no phrase.
    firsts: Vec<String>,
}

impl WordList {
    fn new(words: &[String]) -> Self {
        let mut list = WordList::default();
        for w in words {
            match w.strip_suffix('*') {
                Some(stem) => list.prefixes.push(veille_text::fold(stem)),
                None => list
                    .phrases
                    .push(veille_text::fold(w).split(' ').map(str::to_string).collect()),
            }
        }
        for p in &list.phrases {
            if !list.firsts.contains(&p[0]) {
                list.firsts.push(p[0].clone());
            }
        }
        list
    }

    pub fn is_empty(&self) -> bool {
        self.prefixes.is_empty() && self.phrases.is_empty()
    }

    /// Whether `text` holds one of the words; a phrase ("presidential guard") matches word
    /// for word.
    pub fn named_in(&self, text: &str) -> bool {
        let folded = veille_text::fold(text);
        let words: Vec<&str> = folded.split(' ').collect();
        self.named_in_words(&words)
    }

    /// [`WordList::named_in`] for a text already folded and split at its spaces.
    fn named_in_words(&self, words: &[&str]) -> bool {
        words
            .iter()
            .any(|w| self.prefixes.iter().any(|p| w.starts_with(p.as_str())))
            || (0..words.len()).any(|i| {
                let rest = &words[i..];
                self.firsts.iter().any(|f| f == rest[0])
                    && self
                        .phrases
                        .iter()
                        .any(|p| rest.len() >= p.len() && rest.iter().zip(p).all(|(w, p)| *w == p))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_list_agrees_with_joining_words() {
        // The former check: a string per word and entry.
        fn names_any(list: &[String], text: &str) -> bool {
            let folded = veille_text::fold(text);
            let words: Vec<&str> = folded.split(' ').collect();
            list.iter().any(|a| match a.strip_suffix('*') {
                Some(stem) => words.iter().any(|w| w.starts_with(stem)),
                None => words.windows(a.split(' ').count()).any(|ws| ws.join(" ") == *a),
            })
        }
        let raw: Vec<String> = [
            "repli*",
            "Fled to",
            "fled",
            "withdrew north",
            "garde présidentielle",
            "soldat*",
            "vide",
            "--",
        ]
        .map(String::from)
        .to_vec();
        let folded: Vec<String> = raw
            .iter()
            .map(|w| match w.strip_suffix('*') {
                Some(stem) => format!("{}*", veille_text::fold(stem)),
                None => veille_text::fold(w),
            })
            .collect();
        let list = WordList::new(&raw);
        for text in [
            "",
            "--",
            "Ils ont fui vers",
            "the gunmen fled",
            "fled to",
            "they FLED  TO the bush",
            "they fled, to",
            "withdrew north toward",
            "withdrew",
            "la Garde Présidentielle",
            "les soldats",
            "un bâtiment vidé",
            "le camp était vide",
            "repliés",
        ] {
            assert_eq!(list.named_in(text), names_any(&folded, text), "{text:?}");
        }
    }

    #[test]
    fn fill_replaces_as_str_replace_does() {
        for (text, from, to) in [
            ("Military Forces of {country} ({regime})", "{country}", "Mali"),
            ("Military Forces of Mali ({regime})", " ({regime})", ""),
            ("{regime}{regime} x {regim {regime}", "{regime}", "R"),
            ("Forces ( {country}) é {country}", " ({country})", "Niger"),
            ("", "{country}", "Mali"),
            ("aaa", "aa", "b"),
        ] {
            assert_eq!(fill(text, from, to), text.replace(from, to), "{text:?}");
        }
    }

    #[test]
    fn builtin_lexicons_load_and_cover_the_taxonomy() {
        let lex = Lexicons::load(None).unwrap();
        assert_eq!(lex.taxonomy.len(), 25);
        assert!(lex.countries.contains_key("ML"));
    }

    #[test]
    fn regime_follows_the_event_date() {
        let lex = Lexicons::load(None).unwrap();
        let army = lex
            .actors
            .iter()
            .find(|a| {
                a.country.as_deref() == Some("ML")
                    && matches!(&a.kind, ActorKind::State { label, .. } if label.starts_with("Military"))
            })
            .unwrap();
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            lex.actor_label(army, None, d("2024-03-05")),
            "Military Forces of Mali (2021-)"
        );
        assert_eq!(
            lex.actor_label(army, None, d("2019-03-05")),
            "Military Forces of Mali (2013-2020)"
        );
    }

    #[test]
    fn user_dir_adds_actors() {
        let dir = std::env::temp_dir().join(format!("veille-lex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("actors.toml"),
            "[[actor]]\nname = \"Test Front\"\ninter = 2\naliases = [\"Front du test\"]\n",
        )
        .unwrap();
        let lex = Lexicons::load(Some(&dir)).unwrap();
        assert!(lex
            .actors
            .iter()
            .any(|a| matches!(&a.kind, ActorKind::Named { name, .. } if name == "Test Front")));
        std::fs::write(dir.join("actors.toml"), "[[actor]]\nname = 3\n").unwrap();
        let err = Lexicons::load(Some(&dir)).err().unwrap().to_string();
        assert!(err.contains("actors.toml"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
