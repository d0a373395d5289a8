//! Event frames: a trigger with its participants, place, date and dead, within one
//! sentence, then completed from the sentences around it.
//!
//! Data in: analysed sentences ([`Sentence`]) and resolved places ([`PlaceHit`]) of each
//! section (body, title). Data out: [`Frame`]s, each marked as an event of its own place
//! or as a summary that only lends its participants to the located frames it sums up.

use std::cell::LazyCell;

use chrono::NaiveDate;
use veille_geoparse::{MentionRole, PlaceHit};

use crate::lexicon::{ActorKind, Class, CueKind, Lexicons};
use crate::mentions::{Casualty, Sentence};

/// Which text of the document a span lies in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Within {
    Body,
    Title,
}

/// A span of the document, in bytes of its section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub within: Within,
    pub start: usize,
    pub end: usize,
}

/// One section of the document with its mentions.
pub struct Section<'a> {
    pub within: Within,
    pub text: &'a str,
    pub places: &'a [PlaceHit],
    /// Per place: whether it may locate an event. A place resolved to a country the
    /// document neither focuses on nor names is a doubtful resolution ("College", Alaska,
    /// in a Burkinabè article) and locates nothing.
    pub usable: Vec<bool>,
    pub sentences: Vec<Sentence>,
}

/// A participant of a frame.
#[derive(Debug, Clone)]
pub struct Participant {
    pub entries: Vec<usize>,
    pub inter: u8,
    pub span: Span,
    /// Taken from another sentence than the frame's.
    pub from_context: bool,
    /// Named after "par"/"by": the author for sure.
    pub marked: bool,
    /// Named after a target marker ("contre", "against", "essuyée par"): what was hit.
    pub target_marked: bool,
    /// A place or thing standing for civilians ("le village").
    pub weak: bool,
    /// The escort of what was hit ("a bus escorted by police").
    pub escort: bool,
    /// The sub-group named with it ("Katiba Macina (JNIM)"): its span and lexicon entries.
    pub subgroup: Option<(Span, Vec<usize>)>,
}

/// A trigger of a frame: its span, the classes it may stand for, and whether it is passive.
pub type FrameTrigger = (Span, Vec<(Class, Option<String>)>, bool);

#[derive(Debug, Clone)]
pub struct Frame {
    pub within: Within,
    pub sentence: usize,
    pub paragraph: usize,
    pub triggers: Vec<FrameTrigger>,
    /// Index into the section's places, and whether the sentence names it itself.
    pub place: Option<(Within, usize)>,
    pub place_own: bool,
    pub agents: Vec<Participant>,
    pub targets: Vec<Participant>,
    /// The dead, with the section their words are in (a title toll may be lent to the body).
    pub casualties: Vec<(Casualty, Option<Participant>, Within)>,
    pub date: Option<(NaiveDate, u8, Option<Span>)>,
    pub materiel: bool,
    /// Lends participants to located frames instead of being an event itself.
    pub summary: bool,
    /// Its event words only name back what an earlier sentence told ("… was shot dead by
    /// gunmen. Authorities believe the attack to be linked to terrorist groups"): "the" and
    /// a noun, in a later sentence with no place or date of its own. It codes nothing
    /// when its event has another frame, but lends its participants and dead.
    pub retold: bool,
    /// Sentences whose text supports the frame (for notes), as spans.
    pub sentences: Vec<Span>,
    /// Its place is the `k`-th of `n` places a list names ("attacked the villages of A, B
    /// and C"): one event each, as ACLED codes them, the dead shared among them.
    pub share: Option<(u32, u32)>,
}

impl Frame {
    pub fn classes(&self) -> impl Iterator<Item = Class> + '_ {
        self.triggers.iter().flat_map(|(_, c, _)| c.iter().map(|(c, _)| *c))
    }

    /// Whether one of the frame's triggers may stand for `class`.
    pub fn tells(&self, class: Class) -> bool {
        self.classes().any(|c| c == class)
    }

    pub fn families(&self) -> Vec<u8> {
        let mut f: Vec<u8> = self.classes().map(Class::family).collect();
        f.sort();
        f.dedup();
        f
    }
}

/// Folded articles that make the event word after them a noun.
const ARTICLES_BEFORE_NOUN: &[&str] = &[
    "l", "la", "le", "les", "un", "une", "d", "de", "des", "du", "the", "an", "a", "this", "that", "cette", "ce",
];

/// Folded prepositions that open a sentence with the incident it belongs to ("In the second
/// attack of the night, rebels fired on …", "Lors de l'attaque, des hommes armés …").
const OPENING_PREPOSITIONS: &[&str] = &["in", "during", "dans", "lors", "pendant"];

/// Whether an event word reads as a French past participle ("tué", "neutralisées"): after
/// "a" it follows the auxiliary ("l'armée a tué"), not the English article ("a raid").
fn french_participle(word: &str) -> bool {
    let word = word.trim_end_matches('s').trim_end_matches('e');
    word.ends_with('é') || word.ends_with('É')
}

/// Whether event word `t` of `text` reads as a noun: listed as one, or after an article
/// ("lors de l'assaut contre un convoi de VDP"), but for a participle after the French
/// auxiliary "a" ("l'armée a attaqué").
pub(crate) fn reads_as_noun(text: &str, t: &crate::mentions::TriggerMention) -> bool {
    t.noun || {
        let before = word_before(text, t.start);
        ARTICLES_BEFORE_NOUN.contains(&before.as_str()) && !(before == "a" && french_participle(&text[t.start..t.end]))
    }
}

/// Folded words that may follow a headline's participle whose auxiliary was dropped: a
/// place, an author, a date, or nothing ("Le poste de Koumbia attaqué à l'aube").
const AFTER_HEADLINE_PARTICIPLE: &[&str] = &[
    "a", "au", "aux", "dans", "par", "en", "pres", "vers", "lors", "ce", "cette", "entre", "sur",
];

/// "La brigade de gendarmerie attaquée", "Un poste forestier attaque a Di": a headline drops
/// the auxiliary of its passive, so an attack or destruction participle right after the words
/// naming what was hit, followed by nothing, a place, a date or its author, is passive. Titles
/// often lose their accents: "attaquee(s)" and an unaccented "attaque(s)" not after an article
/// read as participles there.
pub fn headline_participles(text: &str, sentences: &mut [crate::mentions::Sentence]) {
    for s in sentences {
        let actors = &s.actors;
        for t in s.triggers.iter_mut().filter(|t| !t.passive && t.cancelled.is_none()) {
            let hits = t
                .classes
                .iter()
                .any(|(c, _)| matches!(c, Class::Attack | Class::Destroy));
            let raw = &text[t.start..t.end];
            let folded = veille_text::fold(raw);
            let unaccented =
                raw.is_ascii() && matches!(folded.as_str(), "attaque" | "attaques" | "attaquee" | "attaquees");
            if !hits || !(french_participle(raw) || unaccented) || reads_as_noun(text, t) {
                continue;
            }
            // What was hit is named right before, in the same clause.
            let named_before = actors.iter().any(|a| {
                !a.weak
                    && a.end <= t.start
                    && text[a.end..t.start].split_whitespace().count() <= 6
                    && !text[a.end..t.start].contains([',', ':', ';'])
            });
            let next = text[t.end..s.end]
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .map(veille_text::fold);
            let ends_clause = next.is_none() || text[t.end..s.end].trim_start().starts_with([':', ',', '.', ';']);
            if named_before && (ends_clause || next.is_some_and(|w| AFTER_HEADLINE_PARTICIPLE.contains(&w.as_str()))) {
                t.passive = true;
            }
        }
    }
}

/// The folded word that ends right before byte `pos` of `text` ("l" for "l'attaque").
pub(crate) fn word_before(text: &str, pos: usize) -> String {
    let head = text.get(..pos).unwrap_or("");
    let trimmed = head.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '\'' | '’'));
    let start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    veille_text::fold(&trimmed[start..])
}

/// How far after an event word its object may stand ("killed an unspecified number of
/// suspected militants").
const ARMED_OBJECT_TOKENS: usize = 7;

/// How far before its violent verb a crowd may be named ("students of the municipal high
/// school attacked").
const CROWD_TOKENS: usize = 10;

fn place_is_coarse(hit: &PlaceHit) -> bool {
    place_is_country(hit)
        || (hit.role == MentionRole::AdminUnit && hit.mention.admin2.is_empty())
        || hit.mention.feature_code.starts_with("ADM1")
}

/// A first-level unit, known to its region and no finer.
fn place_is_region(hit: &PlaceHit) -> bool {
    hit.mention.feature_code == "ADM1"
}

/// A country named, or standing behind its demonym.
fn place_is_country(hit: &PlaceHit) -> bool {
    matches!(hit.role, MentionRole::Country | MentionRole::Demonym) || hit.mention.feature_code.starts_with("PCL")
}

/// The place a frame is located at, in whichever section names it.
fn frame_place<'s>(sections: &'s [Section<'_>], f: &Frame) -> Option<&'s PlaceHit> {
    let (within, i) = f.place?;
    sections.iter().find(|s| s.within == within)?.places.get(i)
}

/// Places a sentence may locate its events at: named, near or admin-unit mentions that
/// are not part of an actor's name. The second place of a pair ("between Sideradougou and
/// Deregoue", "on the Djibo-Arbinda axis") locates nothing of its own: the pair names one
/// stretch of road, which ACLED codes at its first place (113 of 129 Burkina Faso rows
/// that name one of the two).
fn sentence_places(section: &Section<'_>, s: &Sentence) -> Vec<usize> {
    let candidate = |i: usize| {
        let p = &section.places[i];
        section.usable.get(i).copied().unwrap_or(true)
            && p.byte_start >= s.start
            && p.byte_end <= s.end
            && matches!(p.role, MentionRole::Named | MentionRole::AdminUnit | MentionRole::Near)
            && !s.actors.iter().any(|a| a.start < p.byte_end && p.byte_start < a.end)
    };
    (0..section.places.len())
        .filter(|&i| candidate(i))
        .filter(|&i| !(i > 0 && candidate(i - 1) && second_of_pair(section, i)))
        .collect()
}

/// How the text between two places of a list joins them: `Some(true)` for "and"/"et"
/// (with a locative repeated: "à Kaya et à Dori", "in A and in B"), `Some(false)` for a
/// comma alone, `None` for anything else.
fn list_joint(gap: &str) -> Option<bool> {
    let words: Vec<String> = gap
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(veille_text::fold)
        .collect();
    let locative = |w: &str| matches!(w, "a" | "in" | "at" | "au" | "aux" | "dans");
    match words.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        [] if gap.contains(',') => Some(false),
        ["and" | "et"] => Some(true),
        ["and" | "et", l] if locative(l) => Some(true),
        // "les villages de Kobo et de Tanlili": the preposition of the list's head again.
        ["et", "de" | "d" | "du"] => Some(true),
        // "la brigade de Kantchari et le poste de douane de Diapaga", "the school in A and
        // the clinic in B": a second site named by its place.
        ["and" | "et", "le" | "la" | "les" | "l" | "the", ref site @ .., "de" | "d" | "du" | "of" | "in" | "at"]
            if (1..=3).contains(&site.len()) =>
        {
            Some(true)
        }
        [l] if gap.trim_start().starts_with(',') && locative(l) => Some(false),
        _ => None,
    }
}

/// The places of the list place `i` belongs to, in order ("the villages of Luidi,
/// Pougouzaibaogo and Lahel"); just `i` when it is named alone. Members are places an event
/// may be located at, of one kind (towns or admin units, not "Djibo, Soum" or "Kaya,
/// Burkina Faso", which name one place and what holds it), joined by commas, "and" or "et".
fn place_list(section: &Section<'_>, i: usize) -> Vec<usize> {
    let hit = &section.places[i];
    let Some(sentence) = section
        .sentences
        .iter()
        .find(|s| s.start <= hit.byte_start && hit.byte_end <= s.end)
    else {
        return vec![i];
    };
    let candidates = sentence_places(section, sentence);
    if !candidates.contains(&i) || place_is_coarse(hit) {
        return vec![i];
    }
    let kind = |p: &PlaceHit| (p.role, p.mention.feature_code.starts_with("ADM"));
    let holds = |outer: &PlaceHit, inner: &PlaceHit| {
        !outer.mention.name.is_empty()
            && (outer.mention.name == inner.mention.admin1 || outer.mention.name == inner.mention.admin2)
    };
    let joined = |a: usize, b: usize| {
        let (first, second) = (&section.places[a], &section.places[b]);
        candidates.contains(&a)
            && candidates.contains(&b)
            && !place_is_coarse(first)
            && !place_is_coarse(second)
            && kind(first) == kind(hit)
            && kind(second) == kind(hit)
            && first.mention.geonames_id != second.mention.geonames_id
            && !holds(first, second)
            && !holds(second, first)
            && section
                .text
                .get(first.byte_end..second.byte_start)
                .and_then(list_joint)
                .is_some()
    };
    let mut start = i;
    while start > 0 && joined(start - 1, start) {
        start -= 1;
    }
    let mut end = i;
    while end + 1 < section.places.len() && joined(end, end + 1) {
        end += 1;
    }
    // Two places joined by a comma alone are one place and where it lies ("Kalgondin,
    // Ouagadougou"); a list ends on "and". Places after "between", "from" or "connects"
    // are the ends of a road or where people came from, not where the event was.
    let ends_on_and = (start..end).any(|a| {
        section
            .text
            .get(section.places[a].byte_end..section.places[a + 1].byte_start)
            .and_then(list_joint)
            .unwrap_or(false)
    });
    let opener = section
        .text
        .get(sentence.start..section.places[start].byte_start)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(4)
        .any(|w| NOT_LIST_OPENERS.contains(&veille_text::fold(w).as_str()));
    if end == start || !ends_on_and || opener {
        return vec![i];
    }
    (start..=end).collect()
}

/// Words before a list of places that make them no places of the event: the ends of a road
/// ("between the villages of A and B", "a bridge which connects A and B") or where people
/// came from ("protesters from A, B and C").
const NOT_LIST_OPENERS: &[&str] = &[
    "between",
    "entre",
    "from",
    "connects",
    "connecting",
    "linking",
    "relie",
    "reliant",
];

/// "Trois personnes ont été abattues près de Kaya. Il s'agit de deux VDP et d'un berger.": a
/// sentence that opens by saying who the people before were
/// (`identification` in triggers.toml) names what the event hit. Its forces, groups and
/// militias go first among the targets of the frames of the sentence before.
pub fn identified_victims(sections: &[Section<'_>], frames: &mut [Frame]) {
    for f in frames.iter_mut() {
        let Some(sec) = sections.iter().find(|s| s.within == f.within) else {
            continue;
        };
        let Some(next) = sec
            .sentences
            .get(f.sentence + 1)
            .filter(|s| s.identifies_previous && s.paragraph == f.paragraph)
        else {
            continue;
        };
        let armed: Vec<Participant> = next
            .actors
            .iter()
            .filter(|a| !a.weak && !a.source && matches!(a.inter, 1..=4))
            .filter(|a| !f.agents.iter().any(|p| p.entries == a.entries))
            .map(|a| participant(f.within, a, true))
            .collect();
        f.targets.splice(0..0, armed);
    }
}

/// One frame per place of a list its place belongs to ("militants attacked the villages of
/// A, B and C and killed five civilians": three events, the dead shared), as ACLED codes
/// one event per location. Frames told on from the list's sentence (a toll in the next
/// one) follow their place.
pub fn split_place_lists(sections: &[Section<'_>], frames: &mut Vec<Frame>) {
    let mut out = Vec::with_capacity(frames.len());
    for f in frames.drain(..) {
        let list = match f.place {
            Some((w, i)) if !f.summary => sections
                .iter()
                .find(|s| s.within == w)
                .map_or_else(|| vec![i], |sec| place_list(sec, i)),
            _ => Vec::new(),
        };
        if list.len() < 2 {
            out.push(f);
            continue;
        }
        let n = list.len() as u32;
        let within = f.place.map(|(w, _)| w);
        for (k, &member) in list.iter().enumerate() {
            out.push(Frame {
                place: within.map(|w| (w, member)),
                share: Some((k as u32, n)),
                ..f.clone()
            });
        }
    }
    *frames = out;
}

/// Whether place `i` is the second of a pair whose first is the place before it: both
/// framed as near ("between X and Y", "l'axe X-Y") and joined by "and", "et" or a dash.
fn second_of_pair(section: &Section<'_>, i: usize) -> bool {
    let (first, second) = (&section.places[i - 1], &section.places[i]);
    let Some(joint) = section.text.get(first.byte_end..second.byte_start) else {
        // Overlapping mentions are no pair.
        return false;
    };
    let joint = joint.trim();
    first.role == MentionRole::Near
        && second.role == MentionRole::Near
        && matches!(joint, "and" | "et" | "-" | "–" | "‑" | "")
}

fn participant(within: Within, a: &crate::mentions::ActorMention, from_context: bool) -> Participant {
    Participant {
        entries: a.entries.clone(),
        inter: a.inter,
        span: Span {
            within,
            start: a.start,
            end: a.end,
        },
        from_context,
        marked: a.agent_marked,
        target_marked: a.target_marked,
        weak: a.weak,
        escort: a.escort,
        subgroup: a.subgroup.as_ref().map(|(start, end, entries)| {
            (
                Span {
                    within,
                    start: *start,
                    end: *end,
                },
                entries.clone(),
            )
        }),
    }
}

/// A title whose body tells its event words only as totals over a period, as history or as
/// an earlier incident ("Plus de 70 terroristes neutralisés" over a monthly bulletin of
/// operations, a headline on an inquiry's report handed over, over that report) sums
/// up what the body does not tell as an event: its frames are dropped.
pub fn drop_titles_of_retold_bodies(sections: &[Section<'_>], frames: &mut Vec<Frame>) {
    let body_frames = frames.iter().any(|f| f.within == Within::Body);
    let retold = sections
        .iter()
        .filter(|sec| sec.within == Within::Body)
        .flat_map(|sec| &sec.sentences)
        .flat_map(|s| &s.triggers)
        .any(|t| matches!(t.cancelled, Some("aggregate" | "background" | "earlier")));
    if !body_frames && retold {
        frames.retain(|f| f.within != Within::Title);
    }
}

/// A headline's event words with no place below the country, over a body that tells no
/// event at all ("Attaques terroristes : « … »" over a minister's press conference, a
/// lecture, a statement, an inquiry's report): the headline names what the commentary is
/// about, not an incident, and ACLED codes no event it cannot place. Its frames are dropped,
/// and so are those of a headline over such a body when neither dates anything (an army's
/// summary of its operations under a headline announcing militants killed near a town), wherever they are placed. Call after [`complete`], which may lend a
/// frame a place, and dates a frame with no date span only by the publication.
pub fn drop_unplaced_titles_over_eventless_bodies(sections: &[Section<'_>], frames: &mut Vec<Frame>) {
    let body_told = sections
        .iter()
        .any(|sec| sec.within == Within::Body && !sec.sentences.is_empty());
    if !body_told || frames.iter().any(|f| f.within == Within::Body) {
        return;
    }
    // An incident report gives its day, in the headline or the body; a summary of
    // operations or a commentary gives none.
    frames.retain(|f| f.within != Within::Title || f.date.is_some_and(|(_, _, span)| span.is_some()));
    frames.retain(|f| f.within != Within::Title || frame_place(sections, f).is_some_and(|p| !place_is_country(p)));
}

/// Event words dated only by a span of days written out ("du 10 au 16 janvier", "du 2 février
/// au 3 mars") and placed no finer than the country are an army's or a ministry's totals
/// for the span, not one incident: ACLED codes what it can place in a region at least.
/// Call after [`complete`], which lends undated frames the date of their paragraph.
pub fn drop_unplaced_totals_over_spans(sections: &[Section<'_>], frames: &mut Vec<Frame>) {
    let section = |w: Within| sections.iter().find(|s| s.within == w);
    let over_span = |f: &Frame| {
        let Some((_, precision, Some(span))) = f.date else {
            return false;
        };
        precision >= 2
            && section(span.within).is_some_and(|sec| {
                sec.sentences
                    .iter()
                    .flat_map(|s| &s.dates)
                    .any(|d| d.start == span.start && d.end == span.end && d.over_days)
            })
    };
    frames.retain(|f| !(over_span(f) && frame_place(sections, f).is_none_or(place_is_country)));
}

/// Days after which an event is history rather than news: ACLED codes what a report tells
/// as having just happened, and a report that tells an event of more than a year before
/// (a trial, an anniversary, an inquiry, an obituary) retells it.
const NEWS_DAYS: i64 = 366;

/// The report's present: the latest date it tells that is not after its publication ("on
/// Tuesday", "April 5"). Not the publication date itself, which a caller may only have
/// guessed for a whole archive: a note that tells one date of 2019 is news of 2019 whenever
/// it is read. None when the document tells no date. Computed once per document and handed
/// to [`build`], [`complete`] and [`drop_long_past`].
pub fn present(sections: &[Section<'_>], published: Option<NaiveDate>) -> Option<NaiveDate> {
    sections
        .iter()
        .flat_map(|sec| &sec.sentences)
        .flat_map(|s| &s.dates)
        .map(|d| d.date)
        .filter(|&d| published.is_none_or(|p| d <= p))
        .max()
}

/// Whether `date` lies more than [`NEWS_DAYS`] before the report's `present`.
fn long_before(date: NaiveDate, present: Option<NaiveDate>) -> bool {
    present.is_some_and(|p| (p - date).num_days() > NEWS_DAYS)
}

/// "In March 2009, soldiers shot two traders in the square" in a report that also tells
/// what happened on Monday: an event its sentence or paragraph dates more than a year before
/// the latest date the report tells (its [`present`]) is retold history, whatever its words
/// (the lead's and the title's old dates date nothing, see [`complete`]).
pub fn drop_long_past(frames: &mut Vec<Frame>, now: Option<NaiveDate>) {
    frames.retain(|f| !f.date.is_some_and(|(d, _, _)| long_before(d, now)));
}

/// Words an old date may stand after the event word it dates ("was shot dead in May 2009").
const OLD_DATE_WORDS: usize = 4;

/// Whether a date long past dates the event words of its sentence: it stands before them
/// ("In March 2009, soldiers shot …") or right after one ("was shot dead in May 2009").
/// Farther on it dates something the sentence names: "marched in memory of those who fell
/// in the uprising of 30 October 2014" is a march of today.
fn dates_the_event(text: &str, d: &crate::dates::DateMention, trigs: &[&crate::mentions::TriggerMention]) -> bool {
    trigs.iter().all(|t| d.start < t.start)
        || trigs
            .iter()
            .any(|t| t.end <= d.start && text[t.end..d.start].split_whitespace().count() <= OLD_DATE_WORDS)
}

/// Words between the event words and a later date that is theirs ("lors de l'attaque du
/// camp militaire de Djibo, le 4 mars").
const LATER_DATE_WORDS: usize = 8;

/// "Ce mardi 12 mars, les soldats tombés lors de l'attaque de Djibo, le 4 mars 2024, ont reçu
/// les honneurs": the sentence opens on the day of what it tells now (a burial, a toll), and
/// an event noun carries its own earlier day right after it. That day dates the event.
fn earlier_date_of_the_words<'d>(
    text: &str,
    dates: &'d [crate::dates::DateMention],
    first: &crate::dates::DateMention,
    trigs: &[&crate::mentions::TriggerMention],
    own_date: impl Fn(&&'d crate::dates::DateMention) -> bool,
) -> Option<&'d crate::dates::DateMention> {
    if !trigs.iter().all(|t| first.end <= t.start) {
        return None;
    }
    // The event noun's own day, written out with its year: a verb's later date is what
    // followed ("abducted on 29 August, then killed him on 2 September"), and a day
    // without its year may be read into the year before.
    let year_written = |d: &crate::dates::DateMention| {
        text[d.start..d.end]
            .split(|c: char| !c.is_ascii_digit())
            .any(|n| n.len() == 4)
    };
    dates.iter().filter(own_date).find(|d| {
        d.date < first.date
            && year_written(d)
            && trigs.iter().any(|t| {
                (t.noun || ARTICLES_BEFORE_NOUN.contains(&word_before(text, t.start).as_str()))
                    && t.end <= d.start
                    && text[t.end..d.start].split_whitespace().count() <= LATER_DATE_WORDS
                    && !text[t.end..d.start].contains(['.', ';', '(', ')', '[', ']'])
            })
    })
}

/// "Le parti revient sur le coup d'État du 24 janvier" in a report of attacks: a date
/// that is the genitive of another dated thing is that thing's day, unless the thing is
/// what the event words say ("le coup d'État du 24 janvier a renversé …").
fn dates_another_thing(d: &crate::dates::DateMention, trigs: &[&crate::mentions::TriggerMention]) -> bool {
    d.of_thing
        .is_some_and(|(a, b)| !trigs.iter().any(|t| t.start < b && a < t.end))
}

/// An armed group, militia, foreign force or army: who makes harm told around it political
/// violence rather than crime or mishap (police and governments work crime and disasters too).
fn is_armed_force(lex: &Lexicons, a: &crate::mentions::ActorMention) -> bool {
    !a.weak && (matches!(a.inter, 2..=4 | 8) || a.entries.iter().any(|&e| lex.is_military(e)))
}

/// Words a quotation needs to be someone's speech rather than a term the writer quotes
/// ("a so-called \"peace plan\"", « terroristes »).
const SPEECH_WORDS: usize = 5;

/// Byte spans of the quotations of `text` of at least [`SPEECH_WORDS`] words, paired within
/// each paragraph: “…”, «…» and straight quotes taken two by two. A curly quotation left open
/// runs to the end of its paragraph, as English closes a quotation that goes on in the next
/// paragraph only there.
fn quotations(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for p in veille_text::paragraphs(text) {
        let para = &text[p.start..p.end];
        // The quotation open, from where, and the mark that closes it.
        let mut open: Option<(usize, char, char)> = None;
        // Every quotation mark's first byte is one of these three (`"`, `«` `»`, `“` `”`) and
        // no other char moves the state: only they are decoded, where decoding every char of
        // every section was most of this test's time.
        for (i, _) in para
            .bytes()
            .enumerate()
            .filter(|&(_, b)| matches!(b, b'"' | 0xC2 | 0xE2))
        {
            // A lead byte (0xC2, 0xE2 are never continuation bytes) starts a char.
            let c = para[i..].chars().next().expect("a char starts at a lead byte");
            match open {
                None => {
                    open = match c {
                        '“' => Some((i, c, '”')),
                        '«' => Some((i, c, '»')),
                        '"' => Some((i, c, '"')),
                        _ => None,
                    }
                }
                Some((a, _, close)) if c == close => {
                    out.push((p.start + a, p.start + i + c.len_utf8()));
                    open = None;
                }
                Some(_) => {}
            }
        }
        if let Some((a, '“', _)) = open {
            out.push((p.start + a, p.end));
        }
    }
    out.retain(|&(a, b)| text[a..b].split_whitespace().count() >= SPEECH_WORDS);
    out
}

/// "The old deal is dead", "prices have exploded", "our shop was attacked by the new tax
/// rules": what a quoted speaker says is not what the reporter tells. An event word inside a
/// quotation tells an event only where its sentence counts dead or hurt or names an armed
/// group or force ("\"Gunmen attacked the village at dawn, killing five,\" the governor
/// said"): speech of violence the reporter would code gives who did it or whom it hit.
/// Protests and riots stay events, quoted or not.
pub fn cancel_quoted_speech(lex: &Lexicons, sections: &mut [Section<'_>]) {
    for sec in sections.iter_mut() {
        // Found only once a sentence holds a trigger this test may cancel: reading every
        // section for quotation marks was most of the test's time.
        let mut quotes: Option<Vec<(usize, usize)>> = None;
        let text = sec.text;
        for s in sec.sentences.iter_mut() {
            let told = !s.casualties.is_empty() || s.actors.iter().any(|a| is_armed_force(lex, a));
            if told {
                continue;
            }
            // Crowds are reported through spokesmen ("\"Protests against the tax have gone on in
            // Kaya since Monday,\" a spokesman said"): a word that is a crowd's doing, and
            // nothing else, is told however it is quoted.
            let crowd = |t: &crate::mentions::TriggerMention| {
                !t.weak && t.classes.iter().all(|(c, _)| matches!(c, Class::Protest | Class::Riot))
            };
            for t in s.triggers.iter_mut().filter(|t| t.cancelled.is_none() && !crowd(t)) {
                let quotes = quotes.get_or_insert_with(|| quotations(text));
                if quotes.iter().any(|&(a, b)| a <= t.start && t.end <= b) {
                    t.cancelled = Some("quoted");
                }
            }
        }
    }
}

/// "Three people died in the outbreak", "the death of a former mayor": words that say people
/// died, and not that anyone killed them, tell a killing only in a document that tells
/// violence elsewhere: another live event word of violence, an armed group, or a wound or
/// weapon (`wounds` in triggers.toml: "hit by a stray bullet … died of his injuries"). In
/// conflict news the death words carry the toll of an attack told around them ("19 soldats
/// ont trouvé la mort" after "l'attaque"); in general news alone they are deaths from
/// disease, age or accident, which GDELT-style coding turns into attacks.
pub fn cancel_deaths_without_violence(sections: &mut [Section<'_>]) {
    let sentences = || sections.iter().flat_map(|s| s.sentences.iter());
    let violent_word = sentences()
        .flat_map(|s| s.triggers.iter())
        .any(|t| t.cancelled.is_none() && !t.bare && t.classes.iter().any(|(c, _)| c.is_violent()));
    let armed_group = sentences()
        .flat_map(|s| s.actors.iter())
        .any(|a| !a.weak && matches!(a.inter, 2..=4));
    if violent_word || armed_group || sentences().any(|s| s.wound) {
        return;
    }
    for t in sections
        .iter_mut()
        .flat_map(|s| s.sentences.iter_mut())
        .flat_map(|s| s.triggers.iter_mut())
        .filter(|t| t.bare && t.cancelled.is_none())
    {
        t.cancelled = Some("no violence");
    }
}

/// "A 19-year-old was charged with murder after a man was shot on Main Street": a document
/// that follows the criminal-justice process (a `crime` cue: charges, suspects, courts,
/// detectives) and names no armed group, militia, army or foreign force tells ordinary crime,
/// which ACLED does not code: its violence, thefts and arrests are no events. A crowd's
/// doings stay (a protest over a killing, a lynching), and so does everything in a
/// document that names an armed group ("suspected militants were charged with the
/// ambush").
pub fn cancel_ordinary_crime(lex: &Lexicons, sections: &mut [Section<'_>]) {
    let sentences = || sections.iter().flat_map(|s| s.sentences.iter());
    let crime = sentences()
        .flat_map(|s| s.cues.iter())
        .any(|&(_, _, kind)| kind == CueKind::Crime);
    // One gunman is no organised armed group: "the gunman was charged with murder" is still
    // ordinary crime, where "gunmen" or a militia would not be. And the group or army must be
    // named where something happens: "he had served in the army" or a victim's old "terrorist"
    // past tell no political violence.
    let armed = sections.iter().any(|sec| {
        sec.sentences
            .iter()
            .filter(|s| !s.triggers.is_empty())
            .flat_map(|s| s.actors.iter())
            .any(|a| {
                is_armed_force(lex, a)
                    && (a.entries.iter().any(|&e| lex.is_military(e)) || !lex.names_lone(&sec.text[a.start..a.end]))
            })
    });
    if !crime || armed {
        return;
    }
    for s in sections.iter_mut().flat_map(|s| s.sentences.iter_mut()) {
        // A crowd's doings need the crowd in their sentence: in a criminal case "evidence
        // gathered", "a motion to strike" or "the man walked out" are no gathering.
        let crowd_named = s.actors.iter().any(|a| a.crowd || matches!(a.inter, 5 | 6));
        // Protesters named as such: all their sentence tells is the crowd's riot and the
        // force that met it ("protesters burned vehicles", "the guard clashed with
        // anti-slavery protesters outside the court"). Not a mob of the past, which a
        // lynching case tells of.
        let protesters_named = s.actors.iter().any(|a| !a.weak && a.inter == 6);
        // "Thousands of people protested to demand the execution of a convicted blogger": a
        // word that can only be a protest, right after the people it is said of, is a crowd's.
        let people_before: Vec<usize> = s.actors.iter().filter(|a| a.inter == 7).map(|a| a.token).collect();
        // ACLED codes the arrests of political figures, whatever they are charged with.
        let political = s.cues.iter().any(|&(_, _, kind)| kind == CueKind::Political);
        // "A crowd of fifty people gathered behind the police tape": onlookers at a crime
        // scene gather without protesting; a gathering (a weak word) is a protest here only
        // with what it demands.
        let demand = s.cues.iter().any(|&(_, _, kind)| kind == CueKind::Demand);
        for t in s.triggers.iter_mut().filter(|t| t.cancelled.is_none()) {
            let said_of_people = !t.weak && people_before.iter().any(|&k| k < t.token && t.token - k <= 2);
            let gathering_only = t.weak && !demand;
            let crowd = t.classes.iter().any(|(c, _)| {
                matches!(c, Class::Intervene)
                    || (crowd_named && !gathering_only && matches!(c, Class::Protest | Class::Riot | Class::Mob))
                    || (said_of_people && *c == Class::Protest)
                    || (protesters_named
                        && matches!(
                            c,
                            Class::Attack | Class::Injure | Class::Clash | Class::Destroy | Class::Kill
                        ))
                    || (political && matches!(c, Class::Arrest))
            });
            if !crowd {
                t.cancelled = Some("crime");
            }
        }
    }
}

/// "Plans are made to kill 10,000 birds", "a motorcycle wreck killed a passenger", "doctors
/// combat the virus": a document that names a disease, disaster or accident (a `natural` or
/// `accident` cue, in any sentence) and no armed group, militia, army or foreign force
/// explains by it the harm it tells, even where the sentence telling the harm does not
/// name the cause (the virus in one sentence, its dead in the next). Its words of harm no
/// one need have meant (`mishap`: "killed", "explosion", "damaged"), of deaths (`bare`) and
/// its words common in other senses (`weak`: "combat the disease", "a flu shot") tell no
/// event. Words of harm done on purpose stay ("gendarmes assaulted a nurse during the
/// curfew"), and so does all a sentence tells of a crowd (riots, attacks on health
/// workers by residents), and a weak word whose sentence names police or other state
/// forces.
pub fn cancel_natural_harm(lex: &Lexicons, sections: &mut [Section<'_>]) {
    let sentences = || sections.iter().flat_map(|s| s.sentences.iter());
    let natural = sentences()
        .flat_map(|s| s.cues.iter())
        .any(|&(_, _, kind)| matches!(kind, CueKind::Natural | CueKind::Accident));
    let armed = sentences()
        .flat_map(|s| s.actors.iter())
        .any(|a| is_armed_force(lex, a));
    // Violence against people done on purpose ("a heinous murder") is not the cause's
    // doing, nor is the harm told around it; looting in a disaster zone is told apart, and
    // stays an event of its own.
    let deliberate = sentences().flat_map(|s| s.triggers.iter()).any(|t| {
        t.cancelled.is_none()
            && !t.weak
            && !t.bare
            && !t.mishap
            && t.classes.iter().any(|(c, _)| c.is_violent() && *c != Class::Destroy)
    });
    if !natural || armed || deliberate {
        return;
    }
    for s in sections.iter_mut().flat_map(|s| s.sentences.iter_mut()) {
        let crowd = s
            .actors
            .iter()
            .any(|a| !a.weak && (a.crowd || matches!(a.inter, 5 | 6)))
            || s.triggers.iter().any(|t| {
                t.cancelled.is_none()
                    && !t.weak
                    && t.classes
                        .iter()
                        .any(|(c, _)| matches!(c, Class::Protest | Class::Riot | Class::Mob | Class::Intervene))
            });
        if crowd {
            continue;
        }
        let force = s
            .actors
            .iter()
            .any(|a| !a.weak && !a.source && a.inter == 1 && !a.entries.iter().any(|&e| lex.is_government(e)));
        for t in s.triggers.iter_mut().filter(|t| t.cancelled.is_none()) {
            if t.bare || t.mishap || (t.weak && !force) {
                t.cancelled = Some("natural");
            }
        }
    }
}

/// Splits each sentence's live triggers into frames (one per place the sentence names)
/// and gives each its own participants, place, date and dead. `now` is the report's
/// [`present`].
pub fn build(sections: &[Section<'_>], now: Option<NaiveDate>) -> Vec<Frame> {
    let mut frames = Vec::new();
    for section in sections {
        for (si, s) in section.sentences.iter().enumerate() {
            let live: Vec<_> = s.triggers.iter().filter(|t| t.cancelled.is_none()).collect();
            if live.is_empty() {
                continue;
            }
            let places = sentence_places(section, s);
            // Each trigger goes to the most precise place of its sentence, then to a place
            // that is not named as the unit holding a village named before it ("l'école de
            // Kikidéni, dans la commune de Fada": the village; not "dans la commune de
            // Markoye, à 40 km de Gorom-Gorom", nor one of two communes), then to one a
            // locative announces, then the nearest.
            let mut groups: Vec<(Option<usize>, Vec<&crate::mentions::TriggerMention>)> = Vec::new();
            for t in &live {
                let best = places.iter().copied().min_by_key(|&pi| {
                    let p = &section.places[pi];
                    let dist = if p.byte_start >= t.end {
                        p.byte_start - t.end
                    } else {
                        t.start.saturating_sub(p.byte_end)
                    };
                    let holds_one_before = p.holds
                        && places.iter().any(|&q| {
                            let q = &section.places[q];
                            !q.holds && q.byte_end <= p.byte_start
                        });
                    (
                        p.mention.precision,
                        place_is_coarse(p),
                        holds_one_before,
                        !p.announced,
                        dist,
                    )
                });
                match groups.iter_mut().find(|(p, _)| *p == best) {
                    Some((_, v)) => v.push(t),
                    None => groups.push((best, vec![t])),
                }
            }
            for (place, trigs) in groups {
                let first = trigs[0];
                let mut agents = Vec::new();
                let mut targets = Vec::new();
                let victims: Vec<usize> = s.casualties.iter().filter_map(|c| c.victim).collect();
                // "The gendarmerie camp attacked by unknown gunmen": an author named after
                // the verb with "by" makes what comes before it the target, auxiliary or not.
                // The "by" must follow one of the frame's event words ("were repelled by
                // villagers"): "regained the town, taken by mutineers" names the authors
                // of a verb that is no event word here.
                let author_after = s.actors.iter().any(|a| {
                    a.agent_marked
                        && trigs
                            .iter()
                            .any(|t| !t.noun && a.token > t.token && a.token <= t.token + 4)
                });
                // "Villagers killed three militants": civilians who are the subject of an
                // active violent verb whose object is an armed group fight back (coding
                // makes them a communal militia). Crowds that turn on the police riot, and
                // otherwise civilians are never the authors.
                let violent = trigs.iter().any(|t| {
                    t.classes.iter().any(|(c, _)| {
                        matches!(
                            c,
                            Class::Attack | Class::Kill | Class::Execute | Class::Injure | Class::Clash
                        )
                    })
                });
                let armed_object = violent
                    && s.actors.iter().any(|o| {
                        !o.weak
                            && matches!(o.inter, 2..=4)
                            && o.token > first.token
                            && o.token <= first.token + ARMED_OBJECT_TOKENS
                    });
                // "dans l'attaque contre la colonne de VDP": an event word after an article
                // is a noun, with no subject. Only looked at where it matters: it folds a word.
                let noun_like = |t: &crate::mentions::TriggerMention| reads_as_noun(section.text, t);
                let fighting_back = |a: &crate::mentions::ActorMention| {
                    armed_object && a.start < first.start && !first.passive && !author_after && !noun_like(first)
                };
                // "Residents of Pouytenga attacked the customs post", "villagers lynched a
                // thief": a body of civilians right before an active violent verb, with no
                // armed group named before it, acts as a mob (coding makes it the rioters).
                let crowd_verb = |t: &crate::mentions::TriggerMention| {
                    t.classes.iter().any(|(c, _)| {
                        matches!(
                            c,
                            Class::Attack
                                | Class::Kill
                                | Class::Injure
                                | Class::Clash
                                | Class::Destroy
                                | Class::Mob
                                | Class::Abduct
                                | Class::Arrest
                        )
                    }) && !t.passive
                        && !noun_like(t)
                };
                let armed_before = |token: usize| {
                    s.actors
                        .iter()
                        .any(|o| !o.weak && matches!(o.inter, 1..=4 | 8) && o.token < token)
                };
                // "People vandalised the Justice Palace": any civilians, not only a body that
                // acts as one, who burn or loot with no armed group around are a mob, when the
                // burning is what the sentence tells first ("attacked cattle owners in the
                // process of stealing livestock" has the owners as victims).
                let destroys =
                    |t: &crate::mentions::TriggerMention| t.classes.iter().any(|(c, _)| *c == Class::Destroy);
                // A crowd named right after a violent verb, in its clause, is its object, not
                // the subject of a word after it ("have been attacking Sudanese refugees,
                // resulting in ten deaths").
                let object_of_verb = |a: &crate::mentions::ActorMention| {
                    trigs.iter().any(|t| {
                        t.end <= a.start
                            && !noun_like(t)
                            && t.classes
                                .iter()
                                .any(|(c, _)| matches!(c, Class::Attack | Class::Kill | Class::Injure | Class::Abduct))
                            && section
                                .text
                                .get(t.end..a.start)
                                .is_some_and(|gap| !gap.contains([',', ';', '.']))
                    })
                };
                let crowd_acting = |ai: usize, a: &crate::mentions::ActorMention| {
                    !author_after
                        && !object_of_verb(a)
                        && trigs.iter().any(|t| {
                            (a.crowd || (a.inter == 7 && !a.weak && destroys(t) && t.start == first.start))
                                && crowd_verb(t)
                                && t.start > a.start
                                && t.token - a.token <= CROWD_TOKENS
                                && !armed_before(t.token)
                                && !s.actors[ai + 1..].iter().any(|o| !o.weak && o.token < t.token)
                        })
                };
                // "In the second attack of the night, rebels targeted …": an event word read as a
                // noun in a phrase that opens the sentence, closed by a comma, leaves the subject
                // after the comma to the verb after it, as an event noun does.
                // (A preposition, then an article: "In the second attack", "Lors de l'attaque".)
                let opening = || {
                    let head = section.text.get(s.start..first.start).unwrap_or("");
                    if head.contains(',') {
                        return false;
                    }
                    let mut words = head.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
                    let (Some(preposition), Some(article)) = (words.next(), words.next()) else {
                        return false;
                    };
                    words.count() <= 2
                        && OPENING_PREPOSITIONS.contains(&veille_text::fold(preposition).as_str())
                        && ARTICLES_BEFORE_NOUN.contains(&veille_text::fold(article).as_str())
                };
                let first_verb = if first.noun {
                    trigs.iter().find(|t| !t.noun)
                } else if opening() {
                    trigs.iter().find(|t| {
                        !t.noun
                            && t.start >= first.end
                            && section.text.get(first.end..t.start).is_some_and(|w| w.contains(','))
                    })
                } else {
                    None
                };
                // "Le Président s'est rendu à Seytenga … victimes d'une attaque": event nouns
                // with no event or light verb in the sentence have no subject before them.
                // Decided once per frame, and only when an actor stands before them.
                let subjectless =
                    LazyCell::new(|| first_verb.is_none() && trigs.iter().all(|t| !t.after_light_verb && noun_like(t)));
                // "French forces carried out an operation against ISGS militants, seven
                // militants were killed": state forces that open the sentence (with their
                // partners: "army and gendarmerie units"), a clause before
                // a passive whose own subject is an armed group, are the ones who killed.
                let operating_forces = |ai: usize, a: &crate::mentions::ActorMention| {
                    first.passive
                        && !author_after
                        && matches!(a.inter, 1 | 8)
                        && s.actors[..ai].iter().all(|o| o.weak || o.source || matches!(o.inter, 1 | 8))
                        && section.text.get(a.end..first.start).is_some_and(|gap| gap.contains(','))
                        && s.actors[ai + 1..]
                            .iter()
                            .any(|o| !o.weak && matches!(o.inter, 2..=4) && o.end <= first.start)
                        // A predicate of their own before the other side, not a list of the
                        // dead ("A policeman, 4 militants and 5 civilians died").
                        && s.actors[ai + 1..].iter().find(|o| !o.weak && !matches!(o.inter, 1 | 8)).is_some_and(|next| {
                            section
                                .text
                                .get(a.end..next.start)
                                .is_some_and(|gap| gap.split_whitespace().count() >= 3)
                        })
                };
                for (ai, a) in s.actors.iter().enumerate() {
                    if a.weak || a.source {
                        continue;
                    }
                    let p = participant(section.within, a, false);
                    let is_agent = if victims.contains(&ai) {
                        false
                    } else if a.agent_marked {
                        true
                    } else if a.target_marked {
                        false
                    } else if crowd_acting(ai, a) {
                        true
                    } else if a.inter == 7 && !fighting_back(a) {
                        false
                    } else if operating_forces(ai, a) {
                        true
                    } else if a.start < first.start || (a.start == first.start && first.end <= a.end) {
                        // (The second case: the event word is in the actor's name, "mutineers".)
                        // An armed group before them is still their author ("the assailants
                        // later released the abductees").
                        !first.passive && !author_after && (matches!(a.inter, 2..=4) || !*subjectless)
                    } else if let Some(verb) = first_verb.filter(|v| a.start < v.start) {
                        // "Looting: JNIM militants stole supplies": an event noun before
                        // the subject leaves the subject to the verb after it.
                        !verb.passive && !author_after
                    } else {
                        false
                    };
                    if is_agent {
                        agents.push(p);
                    } else {
                        targets.push(p);
                    }
                }
                // "Clashes between police and rioters", "fighting between youths of two
                // quarters": with no subject, the crowd named in a fight is its author.
                let fight = trigs.iter().any(|t| t.classes.iter().any(|(c, _)| *c == Class::Clash));
                let armed_group_named = s.actors.iter().any(|o| !o.weak && matches!(o.inter, 2..=4 | 8));
                if agents.is_empty() && fight && !armed_group_named {
                    // Every non-weak actor is a target here, in the sentence's order.
                    if let Some(i) = targets.iter().position(|p| {
                        matches!(p.inter, 5 | 6) || s.actors.iter().any(|a| a.crowd && a.start == p.span.start)
                    }) {
                        agents.push(targets.remove(i));
                    }
                }
                let casualties: Vec<(Casualty, Option<Participant>, Within)> = s
                    .casualties
                    .iter()
                    .map(|c| {
                        (
                            c.clone(),
                            c.victim
                                .or(c.side)
                                .map(|v| participant(section.within, &s.actors[v], false)),
                            section.within,
                        )
                    })
                    .collect();
                if targets.is_empty() {
                    // A village, a bus, a market: the civilians of a violent event's target.
                    if let Some(w) = s.actors.iter().find(|a| a.weak && a.start > first.start) {
                        targets.push(participant(section.within, w, false));
                    }
                }
                // "A judge today heard a suit over a film about the 1990 burning of the mill": a year long over
                // written right before the event words is their time, whatever other date the
                // sentence gives.
                let year_of_words = s.years.iter().find(|d| {
                    long_before(d.date, now)
                        && trigs
                            .iter()
                            .all(|t| d.end <= t.start && section.text[d.end..t.start].trim().is_empty())
                });
                // The day a toll was given or a statement issued dates the report: the event
                // words take the day the paragraph or the lead gives the incident.
                let own_date = |d: &&crate::dates::DateMention| {
                    !d.reported
                        && !dates_another_thing(d, &trigs)
                        && (!long_before(d.date, now) || dates_the_event(section.text, d, &trigs))
                };
                let date = year_of_words
                    .or_else(|| {
                        let first = s.dates.iter().find(own_date)?;
                        Some(
                            earlier_date_of_the_words(section.text, &s.dates, first, &trigs, own_date).unwrap_or(first),
                        )
                    })
                    // A year long over that dates the event words makes them history, told
                    // only to be dropped ("In 1723, the colony passed a curfew").
                    .or_else(|| {
                        s.dates.is_empty().then_some(())?;
                        s.years
                            .iter()
                            .find(|d| long_before(d.date, now) && dates_the_event(section.text, d, &trigs))
                    })
                    .map(|d| {
                        (
                            d.date,
                            d.precision,
                            Some(Span {
                                within: section.within,
                                start: d.start,
                                end: d.end,
                            }),
                        )
                    });
                let retold = si > 0
                    && place.is_none()
                    && s.dates.is_empty()
                    && trigs.iter().all(|t| word_before(section.text, t.start) == "the");
                frames.push(Frame {
                    within: section.within,
                    sentence: si,
                    paragraph: s.paragraph,
                    triggers: trigs
                        .iter()
                        .map(|t| {
                            (
                                Span {
                                    within: section.within,
                                    start: t.start,
                                    end: t.end,
                                },
                                t.classes.clone(),
                                t.passive,
                            )
                        })
                        .collect(),
                    place: place.map(|p| (section.within, p)),
                    place_own: place.is_some(),
                    agents,
                    targets,
                    casualties,
                    date,
                    materiel: s.materiel,
                    summary: false,
                    retold,
                    sentences: vec![Span {
                        within: section.within,
                        start: s.start,
                        end: s.end,
                    }],
                    share: None,
                });
            }
        }
    }
    frames
}

/// Completes frames from their context: place from the frame before in the paragraph,
/// date from the paragraph, the lead or the publication, participants from earlier
/// sentences and from summary frames; then marks summaries. `now` is the report's
/// [`present`].
pub fn complete(
    lex: &Lexicons,
    sections: &[Section<'_>],
    frames: &mut [Frame],
    published: Option<NaiveDate>,
    now: Option<NaiveDate>,
) {
    let section = |w: Within| sections.iter().find(|s| s.within == w).expect("section exists");
    let place_of = |f: &Frame| f.place.map(|(w, i)| &section(w).places[i]);

    // Place: an incident told over several sentences keeps the place of its first one.
    for i in 0..frames.len() {
        if frames[i].place.is_some() {
            continue;
        }
        let (w, para, sent) = (frames[i].within, frames[i].paragraph, frames[i].sentence);
        if let Some(prev) = frames[..i]
            .iter()
            .rev()
            .find(|f| f.within == w && f.paragraph == para && f.sentence < sent && f.place.is_some())
        {
            frames[i].place = prev.place;
            continue;
        }
        // "JNIM militants entered the village of Sim. The militants destroyed a
        // furnace.": the first sentence names the place but holds no trigger of
        // its own. The nearest precise place named earlier in the paragraph, in
        // a sentence that is not background, locates the frame.
        let sec = section(w);
        let earlier = sec.sentences[..sent.min(sec.sentences.len())]
            .iter()
            .rev()
            .take_while(|s| s.paragraph == para)
            .filter(|s| !s.cues.iter().any(|c| c.2.sentence_wide()))
            .flat_map(|s| sentence_places(sec, s).into_iter().rev())
            .find(|&pi| !place_is_coarse(&sec.places[pi]));
        if let Some(pi) = earlier {
            frames[i].place = Some((w, pi));
            continue;
        }
        // "Les soldats ont tué cinq hommes armés. Cela s'est passé près de Kaya.": the next
        // sentence says where, and tells nothing of its own.
        let sequel = sec
            .sentences
            .get(sent + 1)
            .filter(|s| s.paragraph == para && s.locates_previous && s.triggers.iter().all(|t| t.cancelled.is_some()));
        if let Some(pi) = sequel.and_then(|s| {
            sentence_places(sec, s)
                .into_iter()
                .find(|&pi| !place_is_country(&sec.places[pi]))
        }) {
            frames[i].place = Some((w, pi));
            continue;
        }
        // "… neutralisés dans la région de l'Est le 20 mars.\nMalheureusement, 24 soldats
        // ont perdu la vie au cours de ladite opération.": a paragraph that names no place
        // at all goes on with the incident before it.
        let paragraph_placeless = sec
            .sentences
            .iter()
            .filter(|s| s.paragraph == para)
            .all(|s| sentence_places(sec, s).is_empty());
        if paragraph_placeless {
            if let Some(prev) = frames[..i].iter().rev().find(|f| f.within == w && f.place.is_some()) {
                frames[i].place = prev.place;
            }
        }
    }

    // "Les 13 gendarmes tués sur l'axe Tougouri-Taparko inhumés" over a body that names
    // no place at all: the headline locates the body's events.
    let body_placeless = frames
        .iter()
        .all(|f| f.within != Within::Body || place_of(f).is_none_or(place_is_coarse));
    // Short of a town, a region the headline names ("… fait dix morts dans le Nord")
    // places a body that names no place below the country.
    let title_place = sections.iter().find(|s| s.within == Within::Title).and_then(|sec| {
        let places: Vec<usize> = sec.sentences.iter().flat_map(|s| sentence_places(sec, s)).collect();
        let fine = places.iter().copied().find(|&pi| !place_is_coarse(&sec.places[pi]));
        fine.map(|pi| (pi, true)).or_else(|| {
            places
                .into_iter()
                .find(|&pi| place_is_region(&sec.places[pi]))
                .map(|pi| (pi, false))
        })
    });
    if let (true, Some((pi, fine))) = (body_placeless, title_place) {
        for f in frames.iter_mut().filter(|f| f.within == Within::Body) {
            if fine || place_of(f).is_none_or(place_is_country) {
                f.place = Some((Within::Title, pi));
            }
        }
    }

    // Summaries: frames of the title, frames with no place or only a region or a country,
    // when the document locates some frame more precisely.
    let located: Vec<bool> = frames
        .iter()
        .map(|f| f.within == Within::Body && place_of(f).is_some_and(|p| !place_is_coarse(p)))
        .collect();
    let any_located = located.iter().any(|&x| x);
    let any_body = frames.iter().any(|f| f.within == Within::Body);
    for (f, &loc) in frames.iter_mut().zip(&located) {
        f.summary = match f.within {
            Within::Title => any_body,
            Within::Body => any_located && !loc,
        };
    }

    // Date: the sentence's own, else an earlier one in the paragraph, else the first
    // date of the body, else the title's, else publication (week precision).
    let body_dates: Vec<(NaiveDate, u8, Span, usize, usize)> = sections
        .iter()
        .flat_map(|sec| {
            sec.sentences.iter().enumerate().flat_map(move |(si, s)| {
                let background = s.cues.iter().any(|c| c.2.sentence_wide());
                let own = s.dates.iter().find(|d| d.of_thing.is_none());
                own.filter(move |_| !background).map(move |d| {
                    (
                        d.date,
                        // The day a report was given ("une radio rapporte ce 12 juillet que …")
                        // dates the event only to its week.
                        if d.reported { d.precision.max(2) } else { d.precision },
                        Span {
                            within: sec.within,
                            start: d.start,
                            end: d.end,
                        },
                        si,
                        s.paragraph,
                    )
                })
            })
        })
        .collect();
    for f in frames.iter_mut() {
        if f.date.is_some() {
            continue;
        }
        let in_para = body_dates
            .iter()
            .rev()
            .find(|d| d.2.within == f.within && d.4 == f.paragraph && d.3 < f.sentence);
        // A date of the lead or the title dates what the paragraph does not, unless it is
        // history: "Elected in June 2015, the mayor …" does not date today's protest.
        let current = |d: &&(NaiveDate, u8, Span, usize, usize)| !long_before(d.0, now);
        let lead = body_dates.iter().filter(current).find(|d| d.2.within == Within::Body);
        let title = body_dates.iter().filter(current).find(|d| d.2.within == Within::Title);
        f.date = in_para
            .or(lead)
            .or(title)
            .map(|d| (d.0, d.1, Some(d.2)))
            .or_else(|| published.map(|p| (p, 2, None)));
    }

    // Agents and targets from earlier sentences of the paragraph.
    // The actors that are an earlier frame's own authors come first: "militants abducted 5
    // young men who failed to be recruited into the army. 4 were executed" were executed by
    // the militants, not by the army the first sentence names last.
    let own_agents: Vec<(Within, usize, usize, usize)> = frames
        .iter()
        .flat_map(|f| {
            f.agents
                .iter()
                .filter(|a| !a.from_context)
                .map(move |a| (f.within, f.paragraph, f.sentence, a.span.start))
        })
        .collect();
    for f in frames.iter_mut() {
        if !f.agents.is_empty() {
            continue;
        }
        let sec = section(f.within);
        // "Angry protesters gathered in front of a police station … They then set fire to
        // the police station": burning or looting with no subject of its own is the crowd's
        // that the paragraph named before, as much as an armed group's.
        let crowd_may_act = f
            .triggers
            .iter()
            .any(|(_, classes, passive)| !passive && classes.iter().any(|(c, _)| *c == Class::Destroy));
        // "… killed in joint Nigerien/Chadian operations. 2 soldiers were wounded": soldiers
        // hit with no author named were hit by the other side, not by an allied state force
        // the sentence before happens to name last.
        let forces_hit = f.targets.iter().any(|t| !t.weak && t.inter == 1);
        let may_act = |a: &&crate::mentions::ActorMention| {
            !a.weak
                && !a.source
                && !a.target_marked
                && (matches!(a.inter, 1..=4 | 8) || (crowd_may_act && matches!(a.inter, 5 | 6)))
                && !(forces_hit && matches!(a.inter, 1 | 8))
                && !f.targets.iter().any(|t| t.entries == a.entries)
        };
        let earlier = || {
            sec.sentences[..f.sentence]
                .iter()
                .rev()
                .filter(|s| s.paragraph == f.paragraph)
                .flat_map(|s| s.actors.iter().rev())
                .filter(may_act)
        };
        // The earlier sentence of the paragraph whose frame has the actor at `start` as its
        // own author, if any.
        let authored_in = |start: usize| {
            own_agents
                .iter()
                .find(|&&(w, para, sent, s)| w == f.within && para == f.paragraph && sent < f.sentence && s == start)
                .map(|&(_, _, sent, _)| sent)
        };
        let authored = |a: &&crate::mentions::ActorMention| authored_in(a.start).is_some();
        let found = earlier().find(authored).or_else(|| earlier().next());
        if let Some(a) = found {
            // "JNIM and ISGS militants clashed … ten fighters were killed in the clashes": the
            // sides named together go on together into a fight, in the order the text names
            // them (into a killing, the nearest author goes alone: the allies of an arrest
            // are no opponents of the execution after it).
            let sentence = authored_in(a.start);
            let mut fellows: Vec<&crate::mentions::ActorMention> = if sentence.is_some() && f.tells(Class::Clash) {
                earlier().filter(|o| authored_in(o.start) == sentence).collect()
            } else {
                vec![a]
            };
            fellows.sort_by_key(|o| o.start);
            fellows.dedup_by_key(|o| o.start);
            for o in fellows {
                f.agents.push(participant(f.within, o, true));
            }
        }
    }

    // A sentence that only tells a toll ("Reports indicate 8 dead") gives it to the frame
    // told before it in its paragraph, when that frame counts no dead of its own.
    for sec in sections {
        for (si, s) in sec.sentences.iter().enumerate() {
            if s.casualties.is_empty() || frames.iter().any(|f| f.within == sec.within && f.sentence == si) {
                continue;
            }
            let before = frames
                .iter_mut()
                .filter(|f| f.within == sec.within && f.paragraph == s.paragraph && f.sentence < si && !f.summary)
                .max_by_key(|f| f.sentence);
            if let Some(f) = before.filter(|f| f.casualties.is_empty()) {
                f.casualties.extend(s.casualties.iter().map(|c| {
                    (
                        c.clone(),
                        c.victim.or(c.side).map(|v| participant(sec.within, &s.actors[v], true)),
                        sec.within,
                    )
                }));
            }
        }
    }

    // Summaries lend their participants to the located frames of their family, and their
    // toll ("une attaque fait onze morts" in the title) to the first of them when no
    // located frame of the family tells one.
    let summaries: Vec<Frame> = frames.iter().filter(|f| f.summary).cloned().collect();
    for s in summaries.iter().filter(|s| !s.casualties.is_empty()) {
        let fam = s.families();
        let related = |f: &Frame| !f.summary && f.families().iter().any(|x| fam.contains(x));
        if frames.iter().filter(|f| related(f)).all(|f| f.casualties.is_empty()) {
            if let Some(f) = frames.iter_mut().find(|f| related(f)) {
                f.casualties.extend(s.casualties.iter().cloned());
            }
        }
    }
    for f in frames.iter_mut().filter(|f| !f.summary) {
        let fam = f.families();
        for s in summaries
            .iter()
            .filter(|s| s.families().iter().any(|x| fam.contains(x)))
        {
            if f.agents.is_empty() {
                if let Some(a) = s
                    .agents
                    .iter()
                    .find(|a| !f.targets.iter().any(|t| t.entries == a.entries))
                {
                    f.agents.push(Participant {
                        from_context: true,
                        ..a.clone()
                    });
                }
            }
            if f.targets.is_empty() {
                if let Some(t) = s
                    .targets
                    .iter()
                    .find(|t| !f.agents.iter().any(|a| a.entries == t.entries))
                {
                    f.targets.push(Participant {
                        from_context: true,
                        ..t.clone()
                    });
                }
            }
        }
    }

    // "Police used tear gas to disperse student marches this morning. The marches, which
    // set out from the schools of Nouakchott, …": the incident's first sentence names no
    // place, a later one does. Where the body locates one frame of the lead's family, and
    // only one, after it, the lead is that frame's beginning: its event words and its sides
    // join it, so that the police who dispersed the marchers stay in the event. Crowds
    // only: a lead of killing and a located sentence of gunfire are as often two incidents
    // ("… was shot dead by gunmen. The house of the imam of Djibo was also fired on").
    for s in summaries.iter().filter(|s| s.within == Within::Body && only_protest(s)) {
        let fam = s.families();
        let mut related = frames
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.summary && f.within == Within::Body && f.families().iter().any(|x| fam.contains(x)));
        let (Some((i, f)), None) = (related.next(), related.next()) else {
            continue;
        };
        if f.sentence <= s.sentence {
            continue;
        }
        let f = &mut frames[i];
        f.triggers.extend(s.triggers.iter().cloned());
        for a in &s.agents {
            if !f.agents.iter().chain(&f.targets).any(|p| p.entries == a.entries) {
                f.agents.push(Participant {
                    from_context: true,
                    ..a.clone()
                });
            }
        }
        for t in &s.targets {
            if !f.agents.iter().chain(&f.targets).any(|p| p.entries == t.entries) {
                f.targets.push(Participant {
                    from_context: true,
                    ..t.clone()
                });
            }
        }
        f.sentences.extend(s.sentences.iter().cloned());
    }

    // Last resort for the agent: the first armed actor the document names.
    let first_armed = sections
        .iter()
        .flat_map(|sec| {
            sec.sentences
                .iter()
                .flat_map(move |s| s.actors.iter().map(move |a| (sec.within, a)))
        })
        .find(|(_, a)| {
            !a.weak && !a.source && !a.target_marked && matches!(a.inter, 1..=4 | 8) && !is_generic(lex, a.entries[0])
        });
    for f in frames.iter_mut() {
        if f.agents.is_empty() {
            if let Some((w, a)) = first_armed {
                if !f.targets.iter().any(|t| t.entries == a.entries) && !only_protest(f) {
                    f.agents.push(participant(w, a, true));
                }
            }
        }
    }

    // "JNIM militants entered the village of Sim. The militants destroyed a furnace",
    // "presumed militants ambushed the convoy … JNIM claimed responsibility": a text that
    // names one armed group, and no other, means it by its unnamed armed men. Not a militia
    // ("Koglweogo militiamen killed armed bandits": the bandits are others).
    let mut named_groups = sections
        .iter()
        .flat_map(|sec| sec.sentences.iter().flat_map(|s| s.actors.iter()))
        .filter(|a| !a.weak && matches!(a.inter, 2 | 3) && !is_generic(lex, a.entries[0]))
        .map(|a| &a.entries);
    if let Some(only) = named_groups.next() {
        if named_groups.all(|e| e == only) && lex.actors[only[0]].inter == 2 {
            for p in frames
                .iter_mut()
                .flat_map(|f| f.agents.iter_mut().chain(f.targets.iter_mut()))
                .filter(|p| p.entries.iter().all(|&e| lex.is_unidentified_armed(e)))
            {
                p.entries.clone_from(only);
                p.inter = 2;
            }
        }
    }
}

fn is_generic(lex: &Lexicons, entry: usize) -> bool {
    matches!(lex.actors[entry].kind, ActorKind::Generic { .. })
}

fn only_protest(f: &Frame) -> bool {
    f.classes().all(|c| c.family() == 3)
}
