//! Reports of one incident across articles: are they stored as one event, and only
//! they? GDELT's best-known flaw is a new event for every report of an incident; the
//! store merges reports (`veille-store`, `merge-rules.toml`), and this scores it.
//!
//! Data in: the news gold, the extractor's events per document, and which stored event
//! each event (report) ended in. Data out: a [`MergeReport`].
//!
//! The gold codes each article on its own, so which gold events of different articles
//! are one incident is read from their labels, as ACLED's "one event per place per day"
//! reads it: the same country, the same place (the location, else admin2, else admin1,
//! folded), event types of one family (political violence with looting and property
//! destruction, demonstrations, or the same other strategic development), and dates at
//! most [`SAME_INCIDENT_DAYS`] apart (a night attack dated by one outlet on the 4th and by
//! another on the 5th), chained.
//! An event dated only to its week or month joins the incident of its place nearest in
//! time within that window, without chaining others through it. Undated gold events are
//! incidents of their own.
//!
//! Only reports matched to a gold event are scored (the matching is
//! [`news::match_events`]): a false alarm has no incident to belong to. Over the pairs
//! of such reports from different documents: a pair of one incident in one stored
//! event is a right merge, in two a duplicate left; a pair of two incidents in one
//! stored event is a wrong merge.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;
use veille_model::Event;

use crate::news::{self, pct, ratio, GoldDoc, GoldEvent};

/// Gold events of one place and type dated at most this many days apart are one incident.
pub const SAME_INCIDENT_DAYS: i64 = 1;

/// How far an event dated only to its week (time_precision 2) or month (3) may lie from the
/// incident it tells, as the store's default tolerances.
const WEEK_DAYS: i64 = 7;
const MONTH_DAYS: i64 = 31;

/// How the store's merging fares on the gold incidents told by several articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MergeReport {
    /// Reports (extracted events) matched to a gold event.
    pub reports: usize,
    /// Gold incidents found in at least two documents.
    pub incidents_told_twice: usize,
    /// Stored events holding the reports of those incidents: as many as the incidents
    /// when every one is merged, as many as the reports when none is.
    pub stored_for_them: usize,
    /// Reports of those incidents.
    pub reports_of_them: usize,
    /// Pairs of reports from different documents of one incident.
    pub pairs_of_one_incident: usize,
    /// Of those, pairs stored as one event.
    pub pairs_merged: usize,
    /// Pairs of reports from different documents of different incidents stored as one event.
    pub pairs_merged_wrongly: usize,
    /// The incidents whose reports stayed apart, and the merges of different incidents.
    pub left_apart: Vec<String>,
    pub merged_wrongly: Vec<String>,
}

impl MergeReport {
    /// Right merges over all merges made; `None` when none was made.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.pairs_merged, self.pairs_merged + self.pairs_merged_wrongly)
    }

    /// Right merges over the pairs that should be merged; `None` when there are none.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.pairs_merged, self.pairs_of_one_incident)
    }
}

/// The incident of every gold event, by (document, index of the event in it): incidents
/// are numbered from 0 in the order of their first event (documents by id).
pub fn gold_incidents(gold: &[GoldDoc]) -> BTreeMap<(String, usize), usize> {
    let mut docs: Vec<&GoldDoc> = gold.iter().collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    // (place key, day) of every dated event, grouped by what must be equal.
    type Key = (String, String, String);
    let mut by_key: BTreeMap<Key, Vec<(NaiveDate, String, usize)>> = BTreeMap::new();
    let mut undated = Vec::new();
    // Events dated only to their week or month: (key, day, window in days, document, index).
    let mut vague = Vec::new();
    for doc in &docs {
        for (i, event) in doc.events.iter().enumerate() {
            let day = event
                .event_date
                .as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            let window = match event.time_precision {
                Some(2) => Some(WEEK_DAYS),
                Some(3) => Some(MONTH_DAYS),
                _ => None,
            };
            match (day, window) {
                (Some(day), Some(window)) => vague.push((incident_key(event), day, window, doc.id.clone(), i)),
                (Some(day), None) => by_key
                    .entry(incident_key(event))
                    .or_default()
                    .push((day, doc.id.clone(), i)),
                (None, _) => undated.push((doc.id.clone(), i)),
            }
        }
    }
    // Chains of events at most SAME_INCIDENT_DAYS apart, then numbered by first event.
    let mut groups: Vec<Vec<(String, usize)>> = Vec::new();
    // The key and days of each group, for the vague events to join.
    let mut group_days: Vec<(Key, Vec<NaiveDate>)> = Vec::new();
    for (key, mut events) in by_key {
        events.sort();
        let mut last: Option<NaiveDate> = None;
        for (day, doc, i) in events {
            match last {
                Some(before) if (day - before).num_days() <= SAME_INCIDENT_DAYS => {
                    groups.last_mut().expect("a chain is open").push((doc, i));
                    group_days.last_mut().expect("a chain is open").1.push(day);
                }
                _ => {
                    groups.push(vec![(doc, i)]);
                    group_days.push((key.clone(), vec![day]));
                }
            }
            last = Some(day);
        }
    }
    // A vague event tells the incident of its place nearest in time within its window (a
    // statement on "the attacks of Seytenga" dated by its publication week), not a chain:
    // it does not join two incidents through itself.
    for (key, day, window, doc, i) in vague {
        let nearest = group_days
            .iter()
            .enumerate()
            .filter(|(_, (k, _))| *k == key)
            .filter_map(|(g, (_, days))| days.iter().map(|d| ((day - *d).num_days().abs(), g)).min())
            .filter(|&(gap, _)| gap <= window)
            .min();
        match nearest {
            Some((_, g)) => groups[g].push((doc, i)),
            None => groups.push(vec![(doc, i)]),
        }
    }
    groups.extend(undated.into_iter().map(|e| vec![e]));
    for group in &mut groups {
        group.sort();
    }
    groups.sort();
    groups
        .into_iter()
        .enumerate()
        .flat_map(|(n, group)| group.into_iter().map(move |e| (e, n)))
        .collect()
}

/// What two gold events of one incident share: country, place and the family of event
/// types. Outlets tell one attack as an ambush on soldiers, a massacre or a roadside bomb,
/// and the gold codes each article as it tells it; ACLED codes one event per place and day.
/// A raid told by one outlet as the burning of a school and by another as an attack is one
/// incident too, as the store's merge rules read it: looting and property destruction go
/// with political violence, the other strategic developments stand by their type.
fn incident_key(event: &GoldEvent) -> (String, String, String) {
    let family = match (event.event_type.as_str(), event.sub_event_type.as_str()) {
        ("Battles" | "Explosions/Remote violence" | "Violence against civilians", _)
        | (_, "Looting/property destruction") => "Political violence",
        ("Protests" | "Riots", _) => "Demonstrations",
        (other, _) => other,
    };
    let place = [&event.location, &event.admin2, &event.admin1]
        .into_iter()
        .flatten()
        .find(|p| !p.trim().is_empty())
        .map(|p| veille_text::fold(p).replace(' ', ""))
        .unwrap_or_default();
    (event.country.clone().unwrap_or_default(), place, family.to_string())
}

/// Scores the stored events: `stored_as` gives, for each report's `event_id`, the id of
/// the stored event it ended in (its own when it founded one). Reports the store did not
/// keep (a document stored twice) are left out.
pub fn score(gold: &[GoldDoc], predicted: &[(String, Vec<Event>)], stored_as: &HashMap<String, String>) -> MergeReport {
    let incidents = gold_incidents(gold);
    let mut by_doc: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
    for (id, events) in predicted {
        by_doc.entry(id.as_str()).or_default().extend(events.iter());
    }
    // (document, incident, stored event) of every matched report the store kept.
    let mut found: Vec<(&str, usize, &str)> = Vec::new();
    let mut docs: Vec<&GoldDoc> = gold.iter().collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    for doc in docs {
        let preds = by_doc.get(doc.id.as_str()).cloned().unwrap_or_default();
        for (g, p) in news::match_events(&doc.events, &preds) {
            let (Some(&incident), Some(stored)) =
                (incidents.get(&(doc.id.clone(), g)), stored_as.get(&preds[p].event_id))
            else {
                continue;
            };
            found.push((doc.id.as_str(), incident, stored.as_str()));
        }
    }
    let mut report = MergeReport {
        reports: found.len(),
        ..MergeReport::default()
    };
    let mut docs_of: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for &(doc, incident, _) in &found {
        docs_of.entry(incident).or_default().insert(doc);
    }
    let told_twice: BTreeSet<usize> = docs_of
        .into_iter()
        .filter(|(_, docs)| docs.len() > 1)
        .map(|(incident, _)| incident)
        .collect();
    report.incidents_told_twice = told_twice.len();
    let of_them: Vec<&(&str, usize, &str)> = found.iter().filter(|f| told_twice.contains(&f.1)).collect();
    report.reports_of_them = of_them.len();
    report.stored_for_them = of_them.iter().map(|f| (f.1, f.2)).collect::<BTreeSet<_>>().len();
    let mut apart: BTreeSet<String> = BTreeSet::new();
    let mut wrong: BTreeSet<String> = BTreeSet::new();
    for (i, a) in found.iter().enumerate() {
        for b in &found[i + 1..] {
            if a.0 == b.0 {
                continue;
            }
            let merged = a.2 == b.2;
            if a.1 == b.1 {
                report.pairs_of_one_incident += 1;
                if merged {
                    report.pairs_merged += 1;
                } else {
                    apart.insert(format!("{} / {}", a.0.min(b.0), a.0.max(b.0)));
                }
            } else if merged {
                report.pairs_merged_wrongly += 1;
                wrong.insert(format!("{} / {} in {}", a.0.min(b.0), a.0.max(b.0), a.2));
            }
        }
    }
    report.left_apart = apart.into_iter().collect();
    report.merged_wrongly = wrong.into_iter().collect();
    report
}

impl MergeReport {
    /// The counts and shares, in the table of `veille eval news-fr`.
    pub fn write_summary(&self, f: &mut impl fmt::Write) -> fmt::Result {
        writeln!(f, "\nreports of one incident across articles (the store's merges)")?;
        writeln!(
            f,
            "incidents told by several articles {:>3}  ({} reports, stored as {} events)",
            self.incidents_told_twice, self.reports_of_them, self.stored_for_them
        )?;
        writeln!(
            f,
            "merge precision          {:>8}  ({} right of {} pairs merged)",
            pct(self.precision()),
            self.pairs_merged,
            self.pairs_merged + self.pairs_merged_wrongly
        )?;
        writeln!(
            f,
            "merge recall             {:>8}  ({} of {} pairs of one incident)",
            pct(self.recall()),
            self.pairs_merged,
            self.pairs_of_one_incident
        )
    }

    /// The pairs behind the shares, at the end of the table.
    pub fn write_pairs(&self, f: &mut impl fmt::Write) -> fmt::Result {
        if !self.left_apart.is_empty() {
            writeln!(f, "\nreports of one incident stored apart: {}", self.left_apart.len())?;
            for pair in &self.left_apart {
                writeln!(f, "  {pair}")?;
            }
        }
        if !self.merged_wrongly.is_empty() {
            writeln!(
                f,
                "\nreports of different incidents merged: {}",
                self.merged_wrongly.len()
            )?;
            for pair in &self.merged_wrongly {
                writeln!(f, "  {pair}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::news::tests::doc;

    fn gold_event(date: &str, location: &str, event_type: &str) -> GoldEvent {
        GoldEvent {
            event_date: Some(date.into()),
            event_type: event_type.into(),
            sub_event_type: "Armed clash".into(),
            location: Some(location.into()),
            ..GoldEvent::default()
        }
    }

    fn event(id: &str, date: &str, location: &str) -> Event {
        Event {
            event_id: id.into(),
            event_date: date.into(),
            event_type: "Battles".into(),
            sub_event_type: "Armed clash".into(),
            location: location.into(),
            ..Event::default()
        }
    }

    #[test]
    fn one_place_and_type_on_days_next_to_each_other_is_one_incident() {
        let gold = vec![
            doc("a", vec![gold_event("2022-06-11", "Seytenga", "Battles")]),
            doc("b", vec![gold_event("2022-06-12", "Seytenga", "Battles")]),
            doc("c", vec![gold_event("2022-06-15", "Seytenga", "Battles")]),
            doc("d", vec![gold_event("2022-06-12", "Dori", "Battles")]),
            doc(
                "e",
                vec![gold_event("2022-06-11", "Seytenga", "Explosions/Remote violence")],
            ),
            doc("f", vec![gold_event("2022-06-11", "Seytenga", "Protests")]),
        ];
        let incidents = gold_incidents(&gold);
        let of = |d: &str| incidents[&(d.to_string(), 0)];
        assert_eq!(of("a"), of("b"));
        assert_ne!(of("b"), of("c"));
        assert_ne!(of("b"), of("d"));
        // A clash one article tells as a bomb is the same incident; a march is not.
        assert_eq!(of("a"), of("e"));
        assert_ne!(of("a"), of("f"));
    }

    #[test]
    fn a_raid_told_as_looting_and_as_an_attack_is_one_incident_but_not_an_arrest() {
        let told_as = |event_type: &str, sub_event_type: &str| GoldEvent {
            sub_event_type: sub_event_type.into(),
            ..gold_event("2022-02-10", "Bougui", event_type)
        };
        let gold = vec![
            doc(
                "a",
                vec![told_as("Strategic developments", "Looting/property destruction")],
            ),
            doc("b", vec![told_as("Violence against civilians", "Attack")]),
            doc("c", vec![told_as("Strategic developments", "Arrests")]),
        ];
        let incidents = gold_incidents(&gold);
        let of = |d: &str| incidents[&(d.to_string(), 0)];
        assert_eq!(of("a"), of("b"));
        assert_ne!(of("a"), of("c"));
    }

    #[test]
    fn an_event_dated_to_its_week_tells_the_nearest_incident_of_its_place() {
        let week = |date: &str| GoldEvent {
            time_precision: Some(2),
            ..gold_event(date, "Seytenga", "Battles")
        };
        let gold = vec![
            doc("a", vec![gold_event("2022-06-09", "Seytenga", "Battles")]),
            doc("b", vec![gold_event("2022-06-12", "Seytenga", "Battles")]),
            doc("c", vec![week("2022-06-15")]),
            doc("d", vec![week("2022-07-15")]),
            doc("e", vec![gold_event("2022-06-16", "Dori", "Battles")]),
        ];
        let incidents = gold_incidents(&gold);
        let of = |d: &str| incidents[&(d.to_string(), 0)];
        // The statement of the 15th tells the attack of the 12th, three days before.
        assert_eq!(of("c"), of("b"));
        // It joins no two incidents through itself: the 9th stays another incident.
        assert_ne!(of("a"), of("b"));
        // Beyond its week, or at another place, it tells none of them.
        assert!([of("a"), of("b"), of("e")].iter().all(|&i| i != of("d")));
        assert_ne!(of("c"), of("e"));
    }

    #[test]
    fn merges_are_scored_by_pairs_of_reports_from_different_articles() {
        let gold = vec![
            doc("a", vec![gold_event("2022-06-11", "Seytenga", "Battles")]),
            doc("b", vec![gold_event("2022-06-11", "Seytenga", "Battles")]),
            doc("c", vec![gold_event("2022-06-11", "Seytenga", "Battles")]),
            doc("d", vec![gold_event("2022-06-11", "Dori", "Battles")]),
        ];
        let predicted = vec![
            ("a".to_string(), vec![event("A", "2022-06-11", "Seytenga")]),
            ("b".to_string(), vec![event("B", "2022-06-11", "Seytenga")]),
            ("c".to_string(), vec![event("C", "2022-06-11", "Seytenga")]),
            ("d".to_string(), vec![event("D", "2022-06-11", "Dori")]),
        ];
        // B joined A, C stayed apart, D was wrongly put with A.
        let stored: HashMap<String, String> = [("A", "A"), ("B", "A"), ("C", "C"), ("D", "A")]
            .into_iter()
            .map(|(r, e)| (r.to_string(), e.to_string()))
            .collect();
        let report = score(&gold, &predicted, &stored);
        assert_eq!(report.reports, 4);
        assert_eq!(
            (
                report.incidents_told_twice,
                report.reports_of_them,
                report.stored_for_them
            ),
            (1, 3, 2)
        );
        assert_eq!((report.pairs_of_one_incident, report.pairs_merged), (3, 1));
        assert_eq!(report.pairs_merged_wrongly, 2);
        assert_eq!(report.left_apart, ["a / c", "b / c"]);
        assert_eq!(report.merged_wrongly, ["a / d in A", "b / d in A"]);
    }
}
