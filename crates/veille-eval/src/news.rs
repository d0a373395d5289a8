//! Scoring event extraction against the team's hand-annotated news gold (see
//! `docs/annotation.md`): French conflict news (`eval/news-fr/gold.jsonl`) and
//! English general news (`eval/news-en/gold.jsonl`), where most articles
//! report no event and the score that matters is how many events the
//! extractor invents from crime, disease or background.
//!
//! The gold holds ids and ACLED labels only, never article text. A gold field
//! that is absent (or `null`) was not determinable from the article and is not
//! scored; an empty string is a real label (ACLED leaves `actor2` empty for
//! one-sided events) and is scored.
//!
//! Matching happens inside each document: every (predicted, gold) pair gets a
//! similarity from place, date and type (see [`similarity`]); pairs are taken
//! greedily, best first, each event used at most once, and a pair counts only
//! when its similarity reaches [`MATCH_THRESHOLD`]. Unmatched gold events are
//! misses, unmatched predictions false alarms. Field accuracy is computed on
//! matched pairs only, so a wrong date or place lowers that field's score
//! without turning a found event into a miss.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use veille_model::Event;
use veille_text::fold;

use crate::actor_key;

/// ACLED's 6 event types × 25 sub-event types (codebook, 2019- typology).
/// The gold loader rejects any other pair; the gold test also checks this
/// table against ACLED's own list in `../shared` when that is present.
pub const ACLED_SUB_EVENT_TYPES: [(&str, &str); 25] = [
    ("Battles", "Armed clash"),
    ("Battles", "Government regains territory"),
    ("Battles", "Non-state actor overtakes territory"),
    ("Explosions/Remote violence", "Chemical weapon"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Suicide bomb"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Explosions/Remote violence", "Grenade"),
    ("Protests", "Peaceful protest"),
    ("Protests", "Protest with intervention"),
    ("Protests", "Excessive force against protesters"),
    ("Riots", "Violent demonstration"),
    ("Riots", "Mob violence"),
    ("Strategic developments", "Agreement"),
    ("Strategic developments", "Arrests"),
    ("Strategic developments", "Change to group/activity"),
    ("Strategic developments", "Disrupted weapons use"),
    ("Strategic developments", "Headquarters or base established"),
    ("Strategic developments", "Looting/property destruction"),
    ("Strategic developments", "Non-violent transfer of territory"),
    ("Strategic developments", "Other"),
    ("Violence against civilians", "Sexual violence"),
    ("Violence against civilians", "Attack"),
    ("Violence against civilians", "Abduction/forced disappearance"),
];

/// A pair below this similarity is never matched: it shares too little
/// (e.g. only the event type) to be the same incident.
pub const MATCH_THRESHOLD: f64 = 0.4;

/// One annotated article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldDoc {
    pub id: String,
    pub annotated_by: String,
    /// Why an article has no event, or another label-only remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub events: Vec<GoldEvent>,
}

/// One event as an annotator coded it. `None` = not determinable, not scored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldEvent {
    /// Absent when the article gives no date that can be worked out: the
    /// English general-news corpora carry no publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_precision: Option<u8>,
    pub event_type: String,
    pub sub_event_type: String,
    /// ACLED's country name. The French gold writes it only for events abroad;
    /// [`load_gold_in`] gives the others the outlet's country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default)]
    pub actor1: Option<String>,
    #[serde(default)]
    pub actor2: Option<String>,
    #[serde(default)]
    pub admin1: Option<String>,
    #[serde(default)]
    pub admin2: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub fatalities: Option<u32>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, thiserror::Error)]
pub enum NewsGoldError {
    #[error("cannot read {path}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {problem}")]
    Gold { path: String, line: usize, problem: String },
}

/// Reads and checks a gold file (JSON Lines, one [`GoldDoc`] per line).
pub fn load_gold(path: &Path) -> Result<Vec<GoldDoc>, NewsGoldError> {
    let text = std::fs::read_to_string(path).map_err(|source| NewsGoldError::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse_gold(&text, &path.display().to_string())
}

/// The country of every French gold event that names none: lefaso.net reports
/// from Burkina Faso, and its gold writes `country` only for events abroad.
pub const NEWS_FR_COUNTRY: &str = "Burkina Faso";

/// Reads a gold whose events lie in `country` unless they name another, as the
/// French gold writes it ([`NEWS_FR_COUNTRY`]). The country is then scored on
/// every matched event, so a Burkina event that the extractor puts in Niger is
/// a country error rather than a field nobody checks.
pub fn load_gold_in(path: &Path, country: &str) -> Result<Vec<GoldDoc>, NewsGoldError> {
    let mut docs = load_gold(path)?;
    fill_country(&mut docs, country);
    Ok(docs)
}

/// Gives `country` to every event that names none.
pub fn fill_country(docs: &mut [GoldDoc], country: &str) {
    for event in docs.iter_mut().flat_map(|d| d.events.iter_mut()) {
        event.country.get_or_insert_with(|| country.to_string());
    }
}

/// Parses gold JSON Lines; `origin` names the input in errors (`origin:line`).
/// Every document is checked: a known ACLED type pair, a real calendar date,
/// a time precision of 1-3, no duplicate ids.
pub fn parse_gold(text: &str, origin: &str) -> Result<Vec<GoldDoc>, NewsGoldError> {
    let err = |line: usize, problem: String| NewsGoldError::Gold {
        path: origin.to_string(),
        line,
        problem,
    };
    let mut docs = Vec::new();
    let mut seen = BTreeMap::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let doc: GoldDoc = serde_json::from_str(raw).map_err(|e| err(line, format!("not a gold document: {e}")))?;
        if doc.id.trim().is_empty() {
            return Err(err(line, "empty id".into()));
        }
        if let Some(first) = seen.insert(doc.id.clone(), line) {
            return Err(err(line, format!("id {} already annotated on line {first}", doc.id)));
        }
        for (k, event) in doc.events.iter().enumerate() {
            check_event(event).map_err(|p| err(line, format!("{} event {}: {p}", doc.id, k + 1)))?;
        }
        docs.push(doc);
    }
    Ok(docs)
}

fn check_event(event: &GoldEvent) -> Result<(), String> {
    match (&event.event_date, event.time_precision) {
        (Some(date), Some(precision)) => {
            parse_date(date).ok_or_else(|| format!("event_date {date:?} is not a YYYY-MM-DD date"))?;
            if !(1..=3).contains(&precision) {
                return Err(format!("time_precision {precision} is not 1, 2 or 3"));
            }
        }
        (None, None) => {}
        // A precision without a date (or the reverse) is a half-written label.
        _ => return Err("event_date and time_precision go together".into()),
    }
    if !is_acled_type(&event.event_type, &event.sub_event_type) {
        return Err(format!(
            "({:?}, {:?}) is not an ACLED event_type/sub_event_type pair",
            event.event_type, event.sub_event_type
        ));
    }
    Ok(())
}

/// Whether the pair is one of ACLED's 25; ACLED writes "Strategic
/// Developments" with either capitalisation, so case is ignored.
pub fn is_acled_type(event_type: &str, sub_event_type: &str) -> bool {
    ACLED_SUB_EVENT_TYPES
        .iter()
        .any(|(t, s)| t.eq_ignore_ascii_case(event_type) && s.eq_ignore_ascii_case(sub_event_type))
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    // chrono accepts "2022-9-5"; the gold and ACLED exports always pad.
    if text.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// ACLED's style drops the apostrophe of "N'Dorola" ("NDorola") where Veille keeps
/// the source's spelling ("N’dorola"): the words' letters, not their breaks, decide.
fn same_place(a: &str, b: &str) -> bool {
    let letters = |name: &str| fold(name).replace(' ', "");
    letters(a) == letters(b)
}

/// How alike a prediction and a gold event are, in [0, 1]:
/// 0.45 × place + 0.35 × date + 0.2 × type.
///
/// - place: 1 when the location agrees, 0.6 when only admin2 does, 0.3 when
///   only admin1 does, 0.5 when the gold gives no place at all (neither
///   helps nor hurts), else 0;
/// - date: 1 on the day, 0.5 one day off (night attacks straddle two dates),
///   0.25 within a week, 0.5 when the gold has no date, else 0;
/// - type: 1 for the same sub-event type, 0.5 for the same event type.
///
/// Place weighs most because within one article two events almost always
/// differ by place (ACLED: one event per place per day).
pub fn similarity(pred: &Event, gold: &GoldEvent) -> f64 {
    let place = match (&gold.location, &gold.admin2, &gold.admin1) {
        (None, None, None) => 0.5,
        _ => {
            let agrees = |g: &Option<String>, p: &str| g.as_deref().is_some_and(|g| same_place(g, p));
            if agrees(&gold.location, &pred.location) {
                1.0
            } else if agrees(&gold.admin2, &pred.admin2) {
                0.6
            } else if agrees(&gold.admin1, &pred.admin1) {
                0.3
            } else {
                0.0
            }
        }
    };
    let date = match (parse_date(&pred.event_date), gold.event_date.as_deref()) {
        // Like a gold without a place: a date nobody can know neither helps nor hurts.
        (_, None) => 0.5,
        (Some(p), Some(g)) => match parse_date(g).map(|g| (p - g).num_days().abs()) {
            Some(0) => 1.0,
            Some(1) => 0.5,
            Some(2..=7) => 0.25,
            _ => 0.0,
        },
        (None, Some(_)) => 0.0,
    };
    let kind = if pred.sub_event_type.eq_ignore_ascii_case(&gold.sub_event_type) {
        1.0
    } else if pred.event_type.eq_ignore_ascii_case(&gold.event_type) {
        0.5
    } else {
        0.0
    };
    0.45 * place + 0.35 * date + 0.2 * kind
}

/// The fields scored on matched pairs, in report order.
pub const FIELDS: [&str; 12] = [
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "actor pair (any order)",
    "country",
    "admin1",
    "admin2",
    "location",
    "event_date",
    "time_precision",
    "fatalities",
];

/// Correct answers out of the matched pairs where the gold knows the field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FieldScore {
    pub correct: usize,
    pub scored: usize,
}

impl FieldScore {
    pub fn accuracy(&self) -> Option<f64> {
        ratio(self.correct, self.scored)
    }
}

/// One gold event nobody predicted, or one prediction matching no gold event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unmatched {
    pub doc_id: String,
    /// The prediction's `event_id`, for a false alarm: joins it back to the event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    pub summary: String,
}

/// A matched pair that disagrees on one field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldError {
    pub doc_id: String,
    pub field: &'static str,
    pub gold: String,
    pub predicted: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NewsReport {
    pub documents: usize,
    /// Gold documents with no event (commentary, statements, totals…).
    pub documents_without_events: usize,
    /// Events predicted for documents without gold events.
    pub predicted_in_empty_documents: usize,
    /// Predictions for ids absent from the gold (ignored in every score).
    pub unscored_predicted_documents: usize,
    pub gold_events: usize,
    pub predicted_events: usize,
    pub matched: usize,
    /// One entry per name of [`FIELDS`], same order.
    pub fields: Vec<(&'static str, FieldScore)>,
    pub misses: Vec<Unmatched>,
    pub false_alarms: Vec<Unmatched>,
    pub field_errors: Vec<FieldError>,
    /// Documents without events grouped by the kind their note names
    /// ("crime: …", "disease: …"), so one sees which news invents events.
    pub empty_documents_by_kind: Vec<KindCount>,
    /// Precision and recall of the events kept at each threshold of
    /// [`CONFIDENCE_THRESHOLDS`], so a user can choose `--min-confidence`.
    pub by_confidence: Vec<ConfidenceCut>,
    /// Mean squared gap between each prediction's confidence and whether it matched
    /// (1) or not (0): how far `confidence` is from a probability of being right.
    pub brier: Option<f64>,
    /// How the store merged the reports of one incident across documents, when the
    /// caller stored them ([`crate::merges::score`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merges: Option<crate::merges::MergeReport>,
}

/// The thresholds [`NewsReport::by_confidence`] reports.
pub const CONFIDENCE_THRESHOLDS: [f32; 6] = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9];

/// The events whose confidence reaches `threshold`, and how many of them matched.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ConfidenceCut {
    pub threshold: f32,
    pub predicted: usize,
    pub matched: usize,
}

/// Predictions in the no-event documents of one kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct KindCount {
    pub kind: String,
    pub documents: usize,
    pub documents_with_events: usize,
    pub predicted_events: usize,
}

/// The kind a no-event note starts with ("crime: a robbery" → "crime");
/// a note without such a word, like most of the French gold's, is "other".
fn note_kind(note: Option<&str>) -> &str {
    note.and_then(|n| n.split_once(':'))
        .map(|(head, _)| head.trim())
        .filter(|head| !head.is_empty() && head.bytes().all(|b| b.is_ascii_lowercase()))
        .unwrap_or("other")
}

/// `num / den`, `None` when `den` is 0.
pub(crate) fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

impl NewsReport {
    /// Matched / predicted; `None` when nothing was predicted.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.matched, self.predicted_events)
    }

    /// Matched / gold; `None` only for a gold without events.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.matched, self.gold_events)
    }

    /// Harmonic mean of precision and recall; 0 when either is 0 or undefined
    /// because an extractor that predicts nothing has found nothing.
    pub fn f1(&self) -> f64 {
        match (self.precision(), self.recall()) {
            (Some(p), Some(r)) if p + r > 0.0 => 2.0 * p * r / (p + r),
            _ => 0.0,
        }
    }

    pub fn field(&self, name: &str) -> Option<FieldScore> {
        self.fields.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
    }
}

fn gold_summary(g: &GoldEvent) -> String {
    let place = [&g.location, &g.admin2, &g.admin1]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{} {} | {} | {} vs {} | {} | fatalities {}",
        g.event_date.as_deref().unwrap_or("undated"),
        g.sub_event_type,
        if place.is_empty() { "?" } else { &place },
        g.actor1.as_deref().unwrap_or("?"),
        g.actor2.as_deref().unwrap_or("?"),
        g.note,
        g.fatalities.map_or("?".to_string(), |f| f.to_string()),
    )
}

fn pred_summary(p: &Event) -> String {
    format!(
        "{} {} | {}, {}, {}, {} | {} vs {} | fatalities {}",
        p.event_date, p.sub_event_type, p.location, p.admin2, p.admin1, p.country, p.actor1, p.actor2, p.fatalities
    )
}

/// Scores predictions against the gold. `predicted` holds (document id,
/// events) pairs; several entries for one id are pooled, and ids absent from
/// the gold are ignored (counted in `unscored_predicted_documents`).
pub fn score(gold: &[GoldDoc], predicted: &[(String, Vec<Event>)]) -> NewsReport {
    let mut by_doc: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
    for (id, events) in predicted {
        by_doc.entry(id.as_str()).or_default().extend(events.iter());
    }
    let gold_ids: BTreeSet<&str> = gold.iter().map(|d| d.id.as_str()).collect();
    let mut report = NewsReport {
        documents: gold.len(),
        unscored_predicted_documents: by_doc.keys().filter(|id| !gold_ids.contains(*id)).count(),
        fields: FIELDS.iter().map(|f| (*f, FieldScore::default())).collect(),
        ..Default::default()
    };

    let mut sorted: Vec<&GoldDoc> = gold.iter().collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    let mut by_kind: BTreeMap<String, KindCount> = BTreeMap::new();
    // (confidence, matched) of every prediction of a gold document.
    let mut outcomes: Vec<(f32, bool)> = Vec::new();
    for doc in sorted {
        let preds = by_doc.get(doc.id.as_str()).cloned().unwrap_or_default();
        report.gold_events += doc.events.len();
        report.predicted_events += preds.len();
        if doc.events.is_empty() {
            report.documents_without_events += 1;
            report.predicted_in_empty_documents += preds.len();
            let kind = note_kind(doc.note.as_deref()).to_string();
            let slot = by_kind.entry(kind).or_default();
            slot.documents += 1;
            slot.documents_with_events += usize::from(!preds.is_empty());
            slot.predicted_events += preds.len();
        }
        let pairs = match_events(&doc.events, &preds);
        for &(g, p) in &pairs {
            report.matched += 1;
            score_pair(&mut report, &doc.id, &doc.events[g], preds[p]);
        }
        let (matched_g, matched_p): (BTreeSet<usize>, BTreeSet<usize>) = pairs.into_iter().unzip();
        outcomes.extend(
            preds
                .iter()
                .enumerate()
                .map(|(j, p)| (p.confidence, matched_p.contains(&j))),
        );
        for (i, g) in doc.events.iter().enumerate() {
            if !matched_g.contains(&i) {
                report.misses.push(Unmatched {
                    doc_id: doc.id.clone(),
                    event_id: None,
                    summary: gold_summary(g),
                });
            }
        }
        for (j, p) in preds.iter().enumerate() {
            if !matched_p.contains(&j) {
                report.false_alarms.push(Unmatched {
                    doc_id: doc.id.clone(),
                    event_id: Some(p.event_id.clone()),
                    summary: pred_summary(p),
                });
            }
        }
    }
    report.empty_documents_by_kind = by_kind
        .into_iter()
        .map(|(kind, count)| KindCount { kind, ..count })
        .collect();
    report.by_confidence = CONFIDENCE_THRESHOLDS
        .iter()
        .map(|&threshold| {
            let kept = outcomes.iter().filter(|(c, _)| *c >= threshold);
            ConfidenceCut {
                threshold,
                predicted: kept.clone().count(),
                matched: kept.filter(|(_, m)| *m).count(),
            }
        })
        .collect();
    report.brier = (!outcomes.is_empty()).then(|| {
        let gaps = outcomes
            .iter()
            .map(|&(c, m)| (f64::from(c) - f64::from(u8::from(m))).powi(2));
        gaps.sum::<f64>() / outcomes.len() as f64
    });
    report
}

/// Greedy one-to-one matching, best similarity first; ties go to the earlier
/// gold event, then the earlier prediction, so the result is deterministic.
/// Returns (gold index, prediction index) pairs.
pub fn match_events(gold: &[GoldEvent], preds: &[&Event]) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (g, ge) in gold.iter().enumerate() {
        for (p, pe) in preds.iter().enumerate() {
            let s = similarity(pe, ge);
            if s >= MATCH_THRESHOLD {
                pairs.push((s, g, p));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut used_g, mut used_p) = (BTreeSet::new(), BTreeSet::new());
    let mut out = Vec::new();
    for (_, g, p) in pairs {
        if !used_g.contains(&g) && !used_p.contains(&p) {
            used_g.insert(g);
            used_p.insert(p);
            out.push((g, p));
        }
    }
    out.sort_unstable();
    out
}

fn score_pair(report: &mut NewsReport, doc_id: &str, g: &GoldEvent, p: &Event) {
    let mut check = |field: &'static str, gold: Option<&str>, pred: &str, equal: bool| {
        if gold.is_none() {
            return;
        }
        let slot = &mut report
            .fields
            .iter_mut()
            .find(|(n, _)| *n == field)
            .expect("every scored field is listed in FIELDS")
            .1;
        slot.scored += 1;
        if equal {
            slot.correct += 1;
        } else {
            report.field_errors.push(FieldError {
                doc_id: doc_id.to_string(),
                field,
                gold: gold.unwrap_or_default().to_string(),
                predicted: pred.to_string(),
            });
        }
    };
    let same_actor = |g: &str, p: &str| actor_key(g) == actor_key(p);
    let text_eq = |g: &str, p: &str| g.eq_ignore_ascii_case(p);

    check(
        "event_type",
        Some(&g.event_type),
        &p.event_type,
        text_eq(&g.event_type, &p.event_type),
    );
    check(
        "sub_event_type",
        Some(&g.sub_event_type),
        &p.sub_event_type,
        text_eq(&g.sub_event_type, &p.sub_event_type),
    );
    check(
        "actor1",
        g.actor1.as_deref(),
        &p.actor1,
        g.actor1.as_deref().is_some_and(|a| same_actor(a, &p.actor1)),
    );
    check(
        "actor2",
        g.actor2.as_deref(),
        &p.actor2,
        g.actor2.as_deref().is_some_and(|a| same_actor(a, &p.actor2)),
    );
    if let (Some(a1), Some(a2)) = (g.actor1.as_deref(), g.actor2.as_deref()) {
        let mut gold_pair = [actor_key(a1), actor_key(a2)];
        let mut pred_pair = [actor_key(&p.actor1), actor_key(&p.actor2)];
        gold_pair.sort();
        pred_pair.sort();
        check(
            "actor pair (any order)",
            Some(&format!("{a1} / {a2}")),
            &format!("{} / {}", p.actor1, p.actor2),
            gold_pair == pred_pair,
        );
    }
    for (field, gold, pred) in [
        ("country", &g.country, &p.country),
        ("admin1", &g.admin1, &p.admin1),
        ("admin2", &g.admin2, &p.admin2),
        ("location", &g.location, &p.location),
    ] {
        check(
            field,
            gold.as_deref(),
            pred,
            gold.as_deref().is_some_and(|v| same_place(v, pred)),
        );
    }
    check(
        "event_date",
        g.event_date.as_deref(),
        &p.event_date,
        g.event_date.as_deref() == Some(p.event_date.as_str()),
    );
    if let Some(precision) = g.time_precision {
        check(
            "time_precision",
            Some(&precision.to_string()),
            &p.time_precision.to_string(),
            precision == p.time_precision,
        );
    }
    if let Some(f) = g.fatalities {
        check(
            "fatalities",
            Some(&f.to_string()),
            &p.fatalities.to_string(),
            f == p.fatalities,
        );
    }
}

/// A share as a percentage, "n/a" when undefined.
pub(crate) fn pct(v: Option<f64>) -> String {
    v.map_or("n/a".to_string(), |v| format!("{:.1}%", 100.0 * v))
}

impl fmt::Display for NewsReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "News gold: {} documents ({} without events), {} gold events, {} predicted",
            self.documents, self.documents_without_events, self.gold_events, self.predicted_events
        )?;
        if self.unscored_predicted_documents > 0 {
            writeln!(
                f,
                "({} predicted documents are not in the gold: ignored)",
                self.unscored_predicted_documents
            )?;
        }
        writeln!(f)?;
        writeln!(f, "events")?;
        writeln!(
            f,
            "{:<24} {:>8}  ({} of {} predicted)",
            "precision",
            pct(self.precision()),
            self.matched,
            self.predicted_events
        )?;
        writeln!(
            f,
            "{:<24} {:>8}  ({} of {} gold)",
            "recall",
            pct(self.recall()),
            self.matched,
            self.gold_events
        )?;
        writeln!(f, "{:<24} {:>8}", "F1", format!("{:.1}%", 100.0 * self.f1()))?;
        writeln!(
            f,
            "{:<24} {:>8}",
            "in no-event documents", self.predicted_in_empty_documents
        )?;
        writeln!(f)?;
        writeln!(
            f,
            "{:<24} {:>8}  {:>7}  (on matched pairs where the gold knows the field)",
            "field", "accuracy", "n"
        )?;
        // A field no gold event gives says nothing.
        for (name, s) in self.fields.iter().filter(|(_, s)| s.scored > 0) {
            writeln!(
                f,
                "{:<24} {:>8}  {:>3}/{:<3}",
                name,
                pct(s.accuracy()),
                s.correct,
                s.scored
            )?;
        }
        if self.predicted_events > 0 {
            writeln!(f, "\nkept at confidence ≥   predicted  precision   recall")?;
            for cut in &self.by_confidence {
                writeln!(
                    f,
                    "  {:<20.2} {:>9}  {:>9}  {:>7}",
                    cut.threshold,
                    cut.predicted,
                    pct(ratio(cut.matched, cut.predicted)),
                    pct(ratio(cut.matched, self.gold_events))
                )?;
            }
            if let Some(brier) = self.brier {
                writeln!(f, "  Brier score (0 is a perfect probability) {brier:.3}")?;
            }
        }
        if let Some(merges) = &self.merges {
            merges.write_summary(f)?;
        }
        if self.empty_documents_by_kind.len() > 1 {
            writeln!(f, "\nno-event documents by kind   documents  with events  events")?;
            for k in &self.empty_documents_by_kind {
                writeln!(
                    f,
                    "  {:<26} {:>9}  {:>11}  {:>6}",
                    k.kind, k.documents, k.documents_with_events, k.predicted_events
                )?;
            }
        }
        if !self.misses.is_empty() {
            writeln!(f, "\nmisses (gold events not found): {}", self.misses.len())?;
            for m in &self.misses {
                writeln!(f, "  {}  {}", m.doc_id, m.summary)?;
            }
        }
        if !self.false_alarms.is_empty() {
            writeln!(
                f,
                "\nfalse alarms (predictions matching no gold event): {}",
                self.false_alarms.len()
            )?;
            for m in &self.false_alarms {
                writeln!(f, "  {}  {}", m.doc_id, m.summary)?;
            }
        }
        if !self.field_errors.is_empty() {
            writeln!(f, "\nfield errors on matched events: {}", self.field_errors.len())?;
            for e in &self.field_errors {
                writeln!(
                    f,
                    "  {}  {:<22} gold {:?}  predicted {:?}",
                    e.doc_id, e.field, e.gold, e.predicted
                )?;
            }
        }
        if let Some(merges) = &self.merges {
            merges.write_pairs(f)?;
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A gold article of the tests, with these events.
    pub(crate) fn doc(id: &str, events: Vec<GoldEvent>) -> GoldDoc {
        GoldDoc {
            id: id.into(),
            annotated_by: "test".into(),
            note: None,
            events,
        }
    }

    fn gold_event(date: &str, sub: &str, location: &str, admin2: &str) -> GoldEvent {
        let event_type = ACLED_SUB_EVENT_TYPES
            .iter()
            .find(|(_, s)| *s == sub)
            .map(|(t, _)| t.to_string())
            .unwrap();
        GoldEvent {
            event_date: Some(date.into()),
            time_precision: Some(1),
            event_type,
            sub_event_type: sub.into(),
            actor1: Some("Unidentified Armed Group (Burkina Faso)".into()),
            actor2: Some("Military Forces of Burkina Faso (2022-)".into()),
            admin1: Some("Sahel".into()),
            admin2: Some(admin2.into()),
            location: Some(location.into()),
            country: Some("Burkina Faso".into()),
            fatalities: Some(12),
            note: String::new(),
        }
    }

    fn pred_from(g: &GoldEvent) -> Event {
        Event {
            event_date: g.event_date.clone().unwrap_or_default(),
            time_precision: g.time_precision.unwrap_or_default(),
            event_type: g.event_type.clone(),
            sub_event_type: g.sub_event_type.clone(),
            actor1: g.actor1.clone().unwrap_or_default(),
            actor2: g.actor2.clone().unwrap_or_default(),
            admin1: g.admin1.clone().unwrap_or_default(),
            admin2: g.admin2.clone().unwrap_or_default(),
            location: g.location.clone().unwrap_or_default(),
            country: g.country.clone().unwrap_or_default(),
            fatalities: g.fatalities.unwrap_or_default(),
            ..Default::default()
        }
    }

    #[test]
    fn perfect_prediction_scores_one_everywhere() {
        let g = gold_event("2022-09-12", "Armed clash", "Deou", "Oudalan");
        let gold = vec![doc("a", vec![g.clone()])];
        let report = score(&gold, &[("a".into(), vec![pred_from(&g)])]);
        assert_eq!((report.matched, report.gold_events, report.predicted_events), (1, 1, 1));
        assert_eq!(report.precision(), Some(1.0));
        assert_eq!(report.recall(), Some(1.0));
        assert!((report.f1() - 1.0).abs() < 1e-12);
        for (name, s) in &report.fields {
            assert_eq!(s.accuracy(), Some(1.0), "{name}");
        }
        assert!(report.misses.is_empty() && report.false_alarms.is_empty() && report.field_errors.is_empty());
    }

    #[test]
    fn an_undated_gold_event_matches_on_place_and_type_and_scores_no_date() {
        let mut g = gold_event("2022-09-12", "Armed clash", "Deou", "Oudalan");
        (g.event_date, g.time_precision) = (None, None);
        let mut p = pred_from(&g);
        p.event_date = "2018-04-30".into();
        p.time_precision = 2;
        let report = score(&[doc("a", vec![g])], &[("a".into(), vec![p])]);
        assert_eq!(report.matched, 1);
        assert_eq!(report.field("event_date"), Some(FieldScore::default()));
        assert_eq!(report.field("time_precision"), Some(FieldScore::default()));
        assert!(report.field_errors.is_empty(), "{:?}", report.field_errors);
    }

    #[test]
    fn events_in_no_event_documents_are_counted_by_the_kind_their_note_names() {
        let mut crime = doc("c", vec![]);
        crime.note = Some("crime: a robbery".into());
        let mut unlabelled = doc("u", vec![]);
        unlabelled.note = Some("denial of a rumour".into());
        let p = pred_from(&gold_event("2022-09-12", "Attack", "Deou", "Oudalan"));
        let report = score(
            &[crime, unlabelled],
            &[("c".into(), vec![p.clone(), p.clone()]), ("u".into(), vec![])],
        );
        let kinds: Vec<(&str, usize, usize, usize)> = report
            .empty_documents_by_kind
            .iter()
            .map(|k| {
                (
                    k.kind.as_str(),
                    k.documents,
                    k.documents_with_events,
                    k.predicted_events,
                )
            })
            .collect();
        assert_eq!(kinds, vec![("crime", 1, 1, 2), ("other", 1, 0, 0)]);
        assert_eq!(report.predicted_in_empty_documents, 2);
    }

    #[test]
    fn confidence_thresholds_and_brier_score_follow_what_matched() {
        let g = gold_event("2022-09-12", "Armed clash", "Deou", "Oudalan");
        let mut right = pred_from(&g);
        right.confidence = 0.9;
        let mut wrong = pred_from(&gold_event("2022-09-12", "Attack", "Gorom-Gorom", "Oudalan"));
        wrong.confidence = 0.4;
        wrong.event_id = "VEI-wrong".into();
        let report = score(&[doc("a", vec![g])], &[("a".into(), vec![wrong, right])]);
        let cut = |t: f32| report.by_confidence.iter().find(|c| c.threshold == t).copied().unwrap();
        assert_eq!((cut(0.0).predicted, cut(0.0).matched), (2, 1));
        assert_eq!((cut(0.5).predicted, cut(0.5).matched), (1, 1));
        assert_eq!((cut(0.9).predicted, cut(0.9).matched), (1, 1));
        let brier = report.brier.unwrap();
        assert!(
            (brier - (0.1f64.powi(2) + 0.4f64.powi(2)) / 2.0).abs() < 1e-6,
            "{brier}"
        );
        assert_eq!(report.false_alarms[0].event_id.as_deref(), Some("VEI-wrong"));
        assert!(report.to_string().contains("Brier"), "{report}");
    }

    #[test]
    fn a_french_gold_event_without_country_is_scored_as_in_burkina_faso() {
        let abroad = r#"{"event_date":"2022-03-16","time_precision":1,"event_type":"Violence against civilians","sub_event_type":"Attack","country":"Niger","admin1":"Tillaberi","location":"Tera"}"#;
        let at_home = r#"{"event_date":"2022-04-24","time_precision":1,"event_type":"Battles","sub_event_type":"Armed clash","admin1":"Sahel","location":"Gaskinde"}"#;
        let text = format!(
            "{{\"id\":\"a\",\"annotated_by\":\"t\",\"events\":[{abroad}]}}\n{{\"id\":\"b\",\"annotated_by\":\"t\",\"events\":[{at_home}]}}"
        );
        let path = std::env::temp_dir().join(format!("veille-news-country-{}.jsonl", std::process::id()));
        std::fs::write(&path, &text).unwrap();
        let gold = load_gold_in(&path, NEWS_FR_COUNTRY);
        std::fs::remove_file(&path).ok();
        let gold = gold.unwrap();
        assert_eq!(
            gold[0].events[0].country.as_deref(),
            Some("Niger"),
            "a named country stays"
        );

        let predict = |g: &GoldEvent, country: &str| Event {
            country: country.into(),
            ..pred_from(g)
        };
        let (a, b) = (&gold[0].events[0], &gold[1].events[0]);
        // The Tera attack put in Niger and the Gaskinde clash put in Niger too.
        let report = score(
            &gold,
            &[
                ("a".into(), vec![predict(a, "Niger")]),
                ("b".into(), vec![predict(b, "Niger")]),
            ],
        );
        assert_eq!(report.matched, 2);
        assert_eq!(report.field("country"), Some(FieldScore { correct: 1, scored: 2 }));
        assert_eq!(report.field_errors.len(), 1);
        assert_eq!(
            (
                report.field_errors[0].doc_id.as_str(),
                report.field_errors[0].gold.as_str()
            ),
            ("b", "Burkina Faso")
        );
    }

    #[test]
    fn a_date_without_its_precision_is_rejected() {
        let line = r#"{"id":"a","annotated_by":"t","events":[{"event_date":"2022-01-01","event_type":"Battles","sub_event_type":"Armed clash"}]}"#;
        let err = parse_gold(line, "gold.jsonl").unwrap_err();
        assert!(err.to_string().contains("go together"), "{err}");
    }

    #[test]
    fn nothing_predicted_gives_recall_zero_and_no_precision() {
        let gold = vec![
            doc("a", vec![gold_event("2022-09-12", "Armed clash", "Deou", "Oudalan")]),
            doc("b", vec![]),
        ];
        let report = score(&gold, &[]);
        assert_eq!(report.recall(), Some(0.0));
        assert_eq!(report.precision(), None);
        assert_eq!(report.f1(), 0.0);
        assert_eq!(report.misses.len(), 1);
        assert_eq!(report.documents_without_events, 1);
        let shown = report.to_string();
        let recall_line = shown.lines().find(|l| l.starts_with("recall")).unwrap();
        assert!(recall_line.contains(" 0.0%  (0 of 1 gold)"), "{recall_line}");
        assert!(shown.lines().any(|l| l.starts_with("precision") && l.contains("n/a")));
    }

    #[test]
    fn precision_recall_and_f1_arithmetic() {
        // Doc a: 2 gold, 1 right prediction + 1 prediction far off (date, place, type).
        // Doc b: 1 gold, no prediction. Doc c: no gold, 1 prediction.
        let a1 = gold_event("2022-06-28", "Armed clash", "Bereba", "Tuy");
        let a2 = gold_event("2022-06-28", "Armed clash", "Koumbia", "Tuy");
        let b1 = gold_event("2022-05-22", "Attack", "Gorgadji", "Seno");
        let mut far = pred_from(&b1);
        far.event_date = "2021-01-01".into();
        far.location = "Tenkodogo".into();
        far.admin2 = "Boulgou".into();
        far.admin1 = "Centre-Est".into();
        let gold = vec![doc("a", vec![a1.clone(), a2]), doc("b", vec![b1]), doc("c", vec![])];
        let preds = vec![
            ("a".to_string(), vec![pred_from(&a1), far.clone()]),
            ("c".to_string(), vec![far]),
            ("zzz".to_string(), vec![pred_from(&a1)]),
        ];
        let report = score(&gold, &preds);
        assert_eq!(report.gold_events, 3);
        assert_eq!(report.predicted_events, 3);
        assert_eq!(report.matched, 1);
        assert_eq!(report.precision(), Some(1.0 / 3.0));
        assert_eq!(report.recall(), Some(1.0 / 3.0));
        assert!((report.f1() - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(report.misses.len(), 2);
        assert_eq!(report.false_alarms.len(), 2);
        assert_eq!(report.predicted_in_empty_documents, 1);
        assert_eq!(report.unscored_predicted_documents, 1);
    }

    #[test]
    fn greedy_matching_pairs_each_event_with_its_own_place() {
        let a1 = gold_event("2022-06-28", "Armed clash", "Bereba", "Tuy");
        let a2 = gold_event("2022-06-28", "Armed clash", "Koumbia", "Tuy");
        // Predictions in the reverse order: matching must not depend on order.
        let p2 = pred_from(&a2);
        let p1 = pred_from(&a1);
        let pairs = match_events(&[a1, a2], &[&p2, &p1]);
        assert_eq!(pairs, vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn field_accuracy_counts_only_known_gold_fields_and_strips_years() {
        let mut g = gold_event("2022-07-14", "Armed clash", "x", "y");
        g.location = None;
        g.admin2 = None;
        g.admin1 = None;
        g.actor1 = Some("Military Forces of Burkina Faso (2015-2022)".into());
        g.actor2 = Some("Unidentified Armed Group (Burkina Faso)".into());
        g.fatalities = Some(3);
        let mut p = pred_from(&g);
        // Swapped order, other regime years: actor1/actor2 wrong, pair right.
        p.actor1 = "Unidentified Armed Group (Burkina Faso)".into();
        p.actor2 = "Military Forces of Burkina Faso (2022-)".into();
        p.location = "Kaya".into();
        p.fatalities = 4;
        p.event_date = "2022-07-15".into();
        let report = score(&[doc("a", vec![g])], &[("a".into(), vec![p])]);
        assert_eq!(report.matched, 1);
        let f = |n| report.field(n).unwrap();
        assert_eq!(f("actor1"), FieldScore { correct: 0, scored: 1 });
        assert_eq!(f("actor2"), FieldScore { correct: 0, scored: 1 });
        assert_eq!(f("actor pair (any order)"), FieldScore { correct: 1, scored: 1 });
        assert_eq!(f("location"), FieldScore { correct: 0, scored: 0 });
        assert_eq!(f("admin1").accuracy(), None);
        assert_eq!(f("fatalities"), FieldScore { correct: 0, scored: 1 });
        assert_eq!(f("event_date"), FieldScore { correct: 0, scored: 1 });
        assert_eq!(f("event_type"), FieldScore { correct: 1, scored: 1 });
        assert_eq!(report.field_errors.len(), 4);
    }

    #[test]
    fn below_threshold_pairs_are_not_matched() {
        let g = gold_event("2022-06-28", "Armed clash", "Bereba", "Tuy");
        let mut p = pred_from(&g);
        p.location = "Djibo".into();
        p.admin2 = "Soum".into();
        p.admin1 = "Centre-Nord".into();
        p.event_date = "2022-03-01".into();
        // Same type only: 0.2 < threshold.
        assert!(similarity(&p, &g) < MATCH_THRESHOLD);
        p.event_date = "2022-06-29".into();
        // One day off and same type: 0.175 + 0.2 = 0.375, still not enough without the place.
        assert!(similarity(&p, &g) < MATCH_THRESHOLD);
        p.location = "Béréba".into();
        assert!(similarity(&p, &g) >= MATCH_THRESHOLD, "accents are folded");
    }

    #[test]
    fn an_apostrophe_dropped_by_the_gold_still_names_the_place() {
        assert!(same_place("NDorola", "N’dorola"));
        assert!(same_place("Fada N'gourma", "Fada Ngourma"));
        assert!(!same_place("Dori", "Djibo"));
    }

    #[test]
    fn gold_errors_name_the_line() {
        let ok = r#"{"id":"a","annotated_by":"t","events":[]}"#;
        let bad_type = r#"{"id":"b","annotated_by":"t","events":[{"event_date":"2022-01-01","time_precision":1,"event_type":"Battles","sub_event_type":"Attack"}]}"#;
        let err = parse_gold(&format!("{ok}\n\n{bad_type}\n"), "gold.jsonl").unwrap_err();
        assert!(err.to_string().starts_with("gold.jsonl:3: b event 1:"), "{err}");

        let bad_date = bad_type
            .replace("2022-01-01", "2022-02-30")
            .replace("\"Attack\"", "\"Armed clash\"");
        let err = parse_gold(&bad_date, "g").unwrap_err().to_string();
        assert!(err.contains("g:1:") && err.contains("2022-02-30"), "{err}");

        let err = parse_gold(&format!("{ok}\n{ok}"), "g").unwrap_err().to_string();
        assert!(
            err.contains("g:2:") && err.contains("already annotated on line 1"),
            "{err}"
        );

        let err = parse_gold("{not json", "g").unwrap_err().to_string();
        assert!(err.starts_with("g:1: not a gold document"), "{err}");

        let unknown = ok.replace("\"events\"", "\"evnts\"");
        assert!(parse_gold(&unknown, "g").is_err());
    }
}
