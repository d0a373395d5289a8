//! When two reports describe one incident, and what the merged event says.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Deserialize;
use veille_model::Event;

use crate::StoreError;

const DEFAULT_RULES: &str = include_str!("../data/merge-rules.toml");

/// The matching rules, loaded from `data/merge-rules.toml` or a user's copy.
#[derive(Debug, Clone)]
pub struct MergeRules {
    pub max_distance_km: f64,
    /// Tolerance in days by time_precision (1, 2, 3).
    pub date_tolerance_days: BTreeMap<u8, i64>,
    /// Unordered pairs of event types or sub-event types, stored both ways.
    pub compatible_event_types: BTreeSet<(String, String)>,
    /// Folded names.
    pub generic_actors: BTreeSet<String>,
    /// Folded prefixes.
    pub generic_actor_prefixes: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    max_distance_km: Option<f64>,
    date_tolerance_days: Option<BTreeMap<String, i64>>,
    compatible_event_types: Option<Vec<[String; 2]>>,
    generic_actors: Option<Vec<String>>,
    generic_actor_prefixes: Option<Vec<String>>,
}

impl Default for MergeRules {
    fn default() -> Self {
        let empty = MergeRules {
            max_distance_km: 25.0,
            date_tolerance_days: BTreeMap::new(),
            compatible_event_types: BTreeSet::new(),
            generic_actors: BTreeSet::new(),
            generic_actor_prefixes: Vec::new(),
        };
        MergeRules::parse("merge-rules.toml (built in)", DEFAULT_RULES, empty).expect("the built-in merge rules parse")
    }
}

impl MergeRules {
    /// The built-in rules with every key that `text` sets replaced.
    pub fn from_toml(origin: &str, text: &str) -> Result<Self, StoreError> {
        MergeRules::parse(origin, text, MergeRules::default())
    }

    fn parse(origin: &str, text: &str, mut rules: MergeRules) -> Result<Self, StoreError> {
        let bad = |problem: String| StoreError::Rules {
            origin: origin.to_string(),
            problem,
        };
        let file: RulesFile = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
        if let Some(km) = file.max_distance_km {
            if !(km >= 0.0 && km.is_finite()) {
                return Err(bad(format!("max_distance_km must be a non-negative number, not {km}")));
            }
            rules.max_distance_km = km;
        }
        if let Some(tol) = file.date_tolerance_days {
            rules.date_tolerance_days.clear();
            for (k, v) in tol {
                let p: u8 = k.parse().ok().filter(|p| (1..=3).contains(p)).ok_or_else(|| {
                    bad(format!(
                        "date_tolerance_days: key {k:?} is not a time precision 1, 2 or 3"
                    ))
                })?;
                if v < 0 {
                    return Err(bad(format!("date_tolerance_days: {v} days is negative")));
                }
                rules.date_tolerance_days.insert(p, v);
            }
        }
        if let Some(pairs) = file.compatible_event_types {
            rules.compatible_event_types.clear();
            for [a, b] in pairs {
                rules.compatible_event_types.insert((a.clone(), b.clone()));
                rules.compatible_event_types.insert((b, a));
            }
        }
        if let Some(names) = file.generic_actors {
            rules.generic_actors = names.iter().map(|n| fold(n)).collect();
        }
        if let Some(prefixes) = file.generic_actor_prefixes {
            rules.generic_actor_prefixes = prefixes.iter().map(|n| fold(n)).collect();
        }
        Ok(rules)
    }

    /// The pair of `compatible_event_types` the two events' types stand in, each side read
    /// as the event type or the sub-event type (ACLED's names of the two never coincide).
    fn compatible_types<'e>(&self, a: &'e Event, b: &'e Event) -> Option<(&'e str, &'e str)> {
        let names = |e: &'e Event| [e.event_type.as_str(), e.sub_event_type.as_str()];
        names(a).into_iter().find_map(|x| {
            names(b)
                .into_iter()
                // A dozen pairs at most: compared in place rather than copied into keys
                // for every candidate event of every report stored.
                .find(|y| self.compatible_event_types.iter().any(|(p, q)| p == x && q == y))
                .map(|y| (x, y))
        })
    }

    fn tolerance(&self, precision: u8) -> i64 {
        self.date_tolerance_days
            .get(&precision.clamp(1, 3))
            .copied()
            .unwrap_or(match precision {
                0 | 1 => 1,
                2 => 7,
                _ => 31,
            })
    }

    pub fn is_generic_actor(&self, actor: &str) -> bool {
        let f = fold(actor);
        f.is_empty() || self.generic_actors.contains(&f) || self.generic_actor_prefixes.iter().any(|p| f.starts_with(p))
    }

    /// Whether two named actors are one organisation named more or less
    /// precisely: "Military Forces of Mali (2021-)" and "Military Forces of
    /// Mali (2021-) Gendarmerie" (the folded shorter name is a word prefix of
    /// the longer).
    pub fn same_organisation(&self, x: &str, y: &str) -> bool {
        if self.is_generic_actor(x) || self.is_generic_actor(y) {
            return false;
        }
        let (fx, fy) = (fold(x), fold(y));
        let (short, long) = if fx.len() <= fy.len() { (fx, fy) } else { (fy, fx) };
        long.len() > short.len() && long.starts_with(&short) && long.as_bytes()[short.len()] == b' '
    }

    /// `Ok(explanation)` when `a` and `b` can be one incident, `Err(why not)` otherwise.
    pub fn compatible(&self, a: &Event, b: &Event) -> Result<String, String> {
        let mut why = Vec::new();

        // Place first: it rules out most candidates. An event placed only in a larger area
        // (precision 3) carries the second-level unit of the area's seat, as ACLED writes
        // it: where it happened in the area is unknown, so its distance decides.
        let same_admin2 = a.geo_precision < 3
            && b.geo_precision < 3
            && !a.admin2.is_empty()
            && fold(&a.admin2) == fold(&b.admin2)
            && fold(&a.admin1) == fold(&b.admin1)
            && fold(&a.country) == fold(&b.country);
        let distance = match (a.latitude, a.longitude, b.latitude, b.longitude) {
            (Some(la), Some(lo), Some(lb), Some(mo)) => Some(haversine_km(la, lo, lb, mo)),
            _ => None,
        };
        if same_admin2 {
            why.push(format!("same admin2 {}", a.admin2));
        } else if let Some(d) = distance.filter(|d| *d <= self.max_distance_km) {
            why.push(format!("{d:.1} km apart (at most {} km)", self.max_distance_km));
        } else {
            return Err(match distance {
                Some(d) => format!(
                    "different admin2 ({:?} vs {:?}) and {d:.1} km apart",
                    a.admin2, b.admin2
                ),
                None => format!("different admin2 ({:?} vs {:?}) and no coordinates", a.admin2, b.admin2),
            });
        }

        let (da, db) = match (parse_date(&a.event_date), parse_date(&b.event_date)) {
            (Some(da), Some(db)) => (da, db),
            _ => return Err(format!("unreadable date {:?} or {:?}", a.event_date, b.event_date)),
        };
        let tolerance = self.tolerance(a.time_precision).max(self.tolerance(b.time_precision));
        let gap = (da - db).num_days().abs();
        if gap > tolerance {
            return Err(format!(
                "dates {}/{} are {gap} days apart (at most {tolerance})",
                a.event_date, b.event_date
            ));
        }
        // A report dated only to its week or month may be any incident of the province in
        // that time: it joins one at the same place, not one elsewhere in the province.
        let near = distance.is_some_and(|d| d <= self.max_distance_km);
        if gap > self.tolerance(1) && !near {
            return Err(format!(
                "dates {}/{} {gap} days apart and places {:?}/{:?} not within {} km",
                a.event_date, b.event_date, a.location, b.location, self.max_distance_km
            ));
        }
        why.push(format!(
            "dates {}/{} compatible (precision {}/{}, {gap} of at most {tolerance} days apart)",
            a.event_date, b.event_date, a.time_precision, b.time_precision
        ));

        if a.event_type == b.event_type {
            why.push(format!("same type {}", a.event_type));
        } else if let Some((x, y)) = self.compatible_types(a, b) {
            why.push(format!("compatible types {x} / {y}"));
        } else {
            return Err(format!("incompatible types {} / {}", a.event_type, b.event_type));
        }

        // A side matches when both name the same actor, or one is generic.
        // `Some(true)` marks a match on a named (non-generic) actor.
        let side = |x: &str, y: &str| -> Option<(String, bool)> {
            if fold(x) == fold(y) {
                let named = !self.is_generic_actor(x);
                Some((
                    if x.is_empty() {
                        "both unknown".to_string()
                    } else {
                        format!("same {x}")
                    },
                    named,
                ))
            } else if self.same_organisation(x, y) {
                Some((format!("{x} / {y} (same organisation)"), true))
            } else if self.is_generic_actor(x) || self.is_generic_actor(y) {
                Some((format!("{} / {} (one generic)", show(x), show(y)), false))
            } else {
                None
            }
        };
        // Generic actors alone would let any two reports match ("gunmen" vs
        // "the army" on one side, "the army" vs "gunmen" on the other): when
        // both reports name someone, one named actor must be shared.
        let names = |e: &Event| !self.is_generic_actor(&e.actor1) || !self.is_generic_actor(&e.actor2);
        let need_shared = names(a) && names(b);
        let pairing = |(x1, x2): (&str, &str), (y1, y2): (&str, &str)| {
            let (s1, n1) = side(x1, y1)?;
            let (s2, n2) = side(x2, y2)?;
            (!need_shared || n1 || n2).then(|| format!("actor1 {s1}, actor2 {s2}"))
        };
        let straight = pairing((&a.actor1, &a.actor2), (&b.actor1, &b.actor2));
        // Outlets disagree on who attacked whom in a clash; battles are symmetric, and so
        // is a clash one outlet tells as the army's strike on the attackers.
        let crossed = || {
            if a.event_type == "Battles" || b.event_type == "Battles" {
                pairing((&a.actor1, &a.actor2), (&b.actor2, &b.actor1)).map(|s| format!("{s} (roles swapped)"))
            } else {
                None
            }
        };
        match straight.or_else(crossed) {
            Some(s) => why.push(s),
            None => {
                return Err(format!(
                    "different actors ({} vs {}, {} vs {})",
                    show(&a.actor1),
                    show(&b.actor1),
                    show(&a.actor2),
                    show(&b.actor2)
                ))
            }
        }
        Ok(format!("merged because {}", why.join(", ")))
    }

    /// The one event that several reports of one incident make.
    ///
    /// `reports` holds `(document id, event)` in a stable order. The most precise
    /// report (place, then date) gives the frame; named actors win over generic
    /// ones; fatalities are ACLED's lowest figure and UCDP's low (lowest low),
    /// high (highest high) and best (median of the bests).
    pub fn combine(&self, event_id: &str, reports: &[(String, Event)]) -> Event {
        let mut order: Vec<usize> = (0..reports.len()).collect();
        order.sort_by_key(|&i| {
            let e = &reports[i].1;
            (
                if e.geo_precision == 0 { 9 } else { e.geo_precision },
                if e.time_precision == 0 { 9 } else { e.time_precision },
                e.event_date.clone(),
                i,
            )
        });
        let mut merged = reports[order[0]].1.clone();
        merged.event_id = event_id.to_string();
        merged.doc_id = reports[order[0]].0.clone();
        for &i in &order[1..] {
            let e = &reports[i].1;
            // A named actor the merged event lacks replaces a generic one, on
            // its own side if that is generic, else on the other (the report
            // may have swapped the roles).
            for (theirs, own_side_first) in [(&e.actor1, true), (&e.actor2, false)] {
                let known = |a: &str| fold(a) == fold(theirs) || self.same_organisation(a, theirs);
                if self.is_generic_actor(theirs) || known(&merged.actor1) || known(&merged.actor2) {
                    continue;
                }
                let order = if own_side_first { [1, 2] } else { [2, 1] };
                for side in order {
                    let slot = if side == 1 {
                        &mut merged.actor1
                    } else {
                        &mut merged.actor2
                    };
                    if self.is_generic_actor(slot) {
                        *slot = theirs.clone();
                        break;
                    }
                }
            }
            if merged.assoc_actor_1.is_empty() {
                merged.assoc_actor_1 = e.assoc_actor_1.clone();
            }
            if merged.assoc_actor_2.is_empty() {
                merged.assoc_actor_2 = e.assoc_actor_2.clone();
            }
        }
        let n = reports.len();
        merged.fatalities = reports.iter().map(|(_, e)| e.fatalities).min().unwrap_or(0);
        merged.fatalities_low = reports.iter().map(|(_, e)| e.fatalities_low).min().unwrap_or(0);
        merged.fatalities_high = reports.iter().map(|(_, e)| e.fatalities_high).max().unwrap_or(0);
        let mut bests: Vec<u32> = reports.iter().map(|(_, e)| e.fatalities_best).collect();
        bests.sort_unstable();
        merged.fatalities_best = bests[(n - 1) / 2];
        merged.confidence = reports.iter().map(|(_, e)| e.confidence).fold(0.0, f32::max);
        merged.timestamp = reports.iter().map(|(_, e)| e.timestamp).max().unwrap_or(0);

        let mut sources = BTreeSet::new();
        let mut names = BTreeSet::new();
        let mut evidence = Vec::new();
        for (doc_id, e) in reports {
            sources.insert(doc_id.clone());
            sources.extend(e.sources.iter().cloned());
            for name in e.source.split(';').map(str::trim).filter(|s| !s.is_empty()) {
                names.insert(name.to_string());
            }
            for ev in &e.evidence {
                let mut ev = ev.clone();
                ev.doc_id.get_or_insert_with(|| doc_id.clone());
                evidence.push(ev);
            }
        }
        merged.sources = sources.into_iter().collect();
        merged.source = names.into_iter().collect::<Vec<_>>().join("; ");
        merged.evidence = evidence;
        merged
    }
}

fn show(actor: &str) -> &str {
    if actor.is_empty() {
        "(none)"
    } else {
        actor
    }
}

pub(crate) fn fold(s: &str) -> String {
    veille_text::fold(s.trim())
}

pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// Great-circle distance on a sphere of the Earth's mean radius.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().asin()
}
