//! Scoring event extraction against ACLED's own coding of its `notes`.
//!
//! Each row's `notes` (ACLED's English summary of the event) is fed to the extractor as
//! a document, with what a reader of the original report would know and nothing more:
//! - the "(admin3, admin2)" hints ACLED appends to place names from 2020 on, and its
//!   "(coded as X at geoprecision N)" and "[size=…]" annotations, are masked;
//! - the publication date is the event date plus [`PUBLICATION_LAG_DAYS`], so relative
//!   dates and year-less dates ("On October 27") must be resolved, not copied;
//! - the country of the row is given as a hint, as a source's focus would be.
//!
//! A row counts as found when the extractor gives at least one event for it; the event
//! compared is the one whose type agrees with ACLED's, else the first. Field accuracy is
//! over all rows (a missed event is wrong on every field). Actors are compared as an
//! unordered pair with regime years stripped ("Military Forces of Niger (2011-)" →
//! "Military Forces of Niger"); admin names after folding.
//!
//! Files of ACLED's typology before 2019 (no `sub_event_type` column: "Battle-No change of
//! territory", "Riots/Protests", "Remote violence") are read through [`modern_typology`]:
//! a type is scored only as far as the old label says it ("Riots/Protests" accepts Riots or
//! Protests; "Violence against civilians" has no sub-event type to score, and accepts Protests
//! where one side is protesters, as ACLED's 2019 typology moved excessive force against
//! protesters there), and a field with nothing to score on a row leaves that row out of the
//! field's share.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use veille_model::{Document, Event};
use veille_text::fold;

use crate::actor_key;

/// Days between an event and the report Veille is told it was published in.
pub const PUBLICATION_LAG_DAYS: i64 = 3;

/// The bars of issue 3 on ACLED's development data, as (field, minimum share).
pub const BARS: [(&str, f64); 7] = [
    ("event_type", 0.90),
    ("sub_event_type", 0.80),
    ("actor_pair", 0.80),
    ("admin1", 0.95),
    ("admin2", 0.88),
    ("event_date", 0.95),
    ("fatalities", 0.90),
];

#[derive(Debug, thiserror::Error)]
pub enum AcledError {
    #[error("{path}: {problem}")]
    File { path: String, problem: String },
    #[error("{path}:{line}: {problem}")]
    Row { path: String, line: usize, problem: String },
}

/// ACLED's event types before its 2019 typology, as (old label, today's event types the
/// label allows, today's sub-event type when the label fixes it).
const OLD_TYPOLOGY: [(&str, &[&str], &str); 9] = [
    ("Battle-No change of territory", &["Battles"], "Armed clash"),
    (
        "Battle-Non-state actor overtakes territory",
        &["Battles"],
        "Non-state actor overtakes territory",
    ),
    (
        "Battle-Government regains territory",
        &["Battles"],
        "Government regains territory",
    ),
    ("Violence against civilians", &["Violence against civilians"], ""),
    ("Remote violence", &["Explosions/Remote violence"], ""),
    ("Riots/Protests", &["Riots", "Protests"], ""),
    ("Strategic development", &["Strategic developments"], ""),
    (
        "Non-violent transfer of territory",
        &["Strategic developments"],
        "Non-violent transfer of territory",
    ),
    (
        "Headquarters or base established",
        &["Strategic developments"],
        "Headquarters or base established",
    ),
];

/// Today's event types an old-typology label allows, and the sub-event type it fixes
/// ("" when it fixes none); an unknown label allows nothing and is not scored.
pub fn modern_typology(old: &str) -> (Vec<String>, String) {
    OLD_TYPOLOGY
        .iter()
        .find(|(label, _, _)| *label == old)
        .map(|(_, types, sub)| (types.iter().map(|t| t.to_string()).collect(), sub.to_string()))
        .unwrap_or_default()
}

/// One gold row.
#[derive(Debug, Clone)]
pub struct AcledRow {
    pub id: String,
    pub event_date: NaiveDate,
    /// The event type as the file writes it.
    pub event_type: String,
    /// The event types that count as right: the file's own, or those an old-typology label
    /// allows (empty: not scored).
    pub accepted_types: Vec<String>,
    /// Empty when the file's typology does not fix one (not scored).
    pub sub_event_type: String,
    pub actor1: String,
    pub actor2: String,
    /// ACLED's assoc_actor_1 and assoc_actor_2 names, each ";"-separated list split.
    pub assoc_actors: Vec<String>,
    pub country: String,
    pub admin1: String,
    pub admin2: String,
    pub admin3: String,
    pub location: String,
    /// ACLED's point (latitude, longitude), when the file gives one.
    pub point: Option<(f64, f64)>,
    pub fatalities: u32,
    /// ACLED's notes with the location hints masked.
    pub text: String,
}

fn parse_acled_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d %B %Y"))
        .or_else(|_| NaiveDate::parse_from_str(s, "%d-%B-%Y"))
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .ok()
}

/// ISO 3166-1 alpha-2 of the countries in ACLED's Sahel files.
pub fn country_code(name: &str) -> Option<&'static str> {
    Some(match name.trim() {
        "Burkina Faso" => "BF",
        "Niger" => "NE",
        "Mali" => "ML",
        "Chad" => "TD",
        "Mauritania" => "MR",
        "Nigeria" => "NG",
        "Benin" => "BJ",
        "Togo" => "TG",
        "Ghana" => "GH",
        "Ivory Coast" => "CI",
        _ => return None,
    })
}

/// Masks the location hints ACLED adds to its notes: a parenthesis of capitalised,
/// comma-separated names one of which is an admin name of the row ("(Toeni, Sourou)"),
/// "(coded as …)" remarks and "[size=…]" tags.
pub fn mask_notes(notes: &str, admins: &[&str]) -> String {
    let admins: Vec<String> = admins.iter().filter(|a| !a.is_empty()).map(|a| fold(a)).collect();
    let mut out = String::with_capacity(notes.len());
    let mut rest = notes;
    while let Some(open) = rest.find(['(', '[']) {
        let close_char = if rest[open..].starts_with('(') { ')' } else { ']' };
        let Some(len) = rest[open..].find(close_char) else {
            break;
        };
        let inner = &rest[open + 1..open + len];
        let parts: Vec<&str> = inner.split([',', ';']).map(str::trim).collect();
        let names = parts.iter().all(|p| {
            !p.is_empty() && p.split_whitespace().count() <= 4 && p.chars().next().is_some_and(char::is_uppercase)
        });
        let hint = (names && parts.iter().any(|p| admins.contains(&fold(p))))
            || inner.contains("coded as")
            || inner.contains("geoprecision")
            || inner.starts_with("size=");
        if hint {
            out.push_str(rest[..open].trim_end());
            rest = &rest[open + len + 1..];
        } else {
            out.push_str(&rest[..open + len + 1]);
            rest = &rest[open + len + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// Reads an ACLED CSV (legacy 31 columns, HDX with its HXL tag row, or the typology before
/// 2019), keeping the rows of `country` (ACLED's name or ISO alpha-2) when one is given.
pub fn load(path: &Path, limit: Option<usize>, country: Option<&str>) -> Result<Vec<AcledRow>, AcledError> {
    let name = path.display().to_string();
    let file_err = |problem: String| AcledError::File {
        path: name.clone(),
        problem,
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .map_err(|e| file_err(e.to_string()))?;
    let headers = reader.headers().map_err(|e| file_err(e.to_string()))?.clone();
    let col = |n: &str| headers.iter().position(|h| h == n);
    let need = |n: &str| col(n).ok_or_else(|| file_err(format!("no `{n}` column: not an ACLED export")));
    let (c_id, c_date, c_type, c_a1, c_a2) = (
        need("event_id_cnty")?,
        need("event_date")?,
        need("event_type")?,
        need("actor1")?,
        need("actor2")?,
    );
    let (c_country, c_ad1, c_ad2, c_notes, c_fat) = (
        need("country")?,
        need("admin1")?,
        need("admin2")?,
        need("notes")?,
        need("fatalities")?,
    );
    let c_sub = col("sub_event_type");
    let c_assoc = [col("assoc_actor_1"), col("assoc_actor_2")];
    let c_inter = [col("inter1"), col("inter2")];
    let c_ad3 = col("admin3");
    let c_loc = col("location");
    let c_point = col("latitude").zip(col("longitude"));
    let mut rows = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let line = i + 2;
        let rec = rec.map_err(|e| AcledError::Row {
            path: name.clone(),
            line,
            problem: e.to_string(),
        })?;
        let get = |c: usize| rec.get(c).unwrap_or("").trim().to_string();
        // HDX files carry a row of HXL hashtags under the header.
        if get(c_date).starts_with('#') || get(c_id).starts_with('#') {
            continue;
        }
        let row_err = |problem: String| AcledError::Row {
            path: name.clone(),
            line,
            problem,
        };
        let event_date =
            parse_acled_date(&get(c_date)).ok_or_else(|| row_err(format!("bad event_date {:?}", get(c_date))))?;
        if let Some(wanted) = country {
            let name = get(c_country);
            if !name.eq_ignore_ascii_case(wanted)
                && !country_code(&name).is_some_and(|cc| cc.eq_ignore_ascii_case(wanted))
            {
                continue;
            }
        }
        let event_type = get(c_type);
        let (mut accepted_types, sub_event_type) = match c_sub {
            Some(c) => (vec![event_type.clone()], get(c)),
            None => modern_typology(&event_type),
        };
        // Force used on demonstrators was violence against civilians before 2019; ACLED's
        // typology of 2019 moved it under Protests ("Excessive force against protesters").
        let protesters_side = |inter: Option<usize>, actor: usize| {
            inter.is_some_and(|c| get(c) == "6") || get(actor).starts_with("Protesters (")
        };
        if c_sub.is_none()
            && event_type == "Violence against civilians"
            && (protesters_side(c_inter[0], c_a1) || protesters_side(c_inter[1], c_a2))
        {
            accepted_types.push("Protests".into());
        }
        let (admin1, admin2) = (get(c_ad1), get(c_ad2));
        let admin3 = c_ad3.map(get).unwrap_or_default();
        let location = c_loc.map(get).unwrap_or_default();
        let text = mask_notes(&get(c_notes), &[&admin1, &admin2, &admin3, &location]);
        rows.push(AcledRow {
            id: get(c_id),
            event_date,
            event_type,
            accepted_types,
            sub_event_type,
            actor1: get(c_a1),
            actor2: get(c_a2),
            assoc_actors: split_assoc(c_assoc.iter().flatten().map(|&c| get(c))),
            country: get(c_country),
            admin1,
            admin2,
            admin3,
            location,
            point: c_point.and_then(|(lat, lon)| Some((get(lat).parse().ok()?, get(lon).parse().ok()?))),
            fatalities: get(c_fat).parse().unwrap_or(0),
            text,
        });
        if limit.is_some_and(|l| rows.len() >= l) {
            break;
        }
    }
    Ok(rows)
}

/// The names of assoc_actor fields ("Students (Burkina Faso); Teachers (Burkina Faso)").
pub fn split_assoc(fields: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut names: Vec<String> = fields
        .into_iter()
        .flat_map(|f| f.split(';').map(|a| a.trim().to_string()).collect::<Vec<_>>())
        .filter(|a| !a.is_empty())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The document Veille reads for one row.
pub fn document(row: &AcledRow) -> Document {
    Document {
        id: row.id.clone(),
        text: row.text.clone(),
        published: Some(
            (row.event_date + Duration::days(PUBLICATION_LAG_DAYS))
                .format("%Y-%m-%d")
                .to_string(),
        ),
        lang: Some("en".into()),
        country: country_code(&row.country).map(str::to_string),
        ..Default::default()
    }
}

fn pair(a: &str, b: &str) -> (String, String) {
    let (x, y) = (actor_key(a), actor_key(b));
    if x <= y {
        (x, y)
    } else {
        (y, x)
    }
}

/// One scored row that got a field wrong.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub id: String,
    pub field: String,
    pub gold: String,
    pub predicted: String,
    pub text: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct AcledReport {
    pub rows: usize,
    pub found: usize,
    /// Predicted events per row, on average (ACLED codes one per row).
    pub events_per_row: f64,
    pub correct: Vec<(String, usize)>,
    /// Rows scored on each field: all rows, but for the types an old-typology file leaves open.
    pub scored: Vec<(String, usize)>,
    pub misses: Vec<Miss>,
    /// Rows where ACLED names an associated actor; of them, rows where Veille names the
    /// same set (years stripped), and rows where it names at least one of them.
    pub assoc_rows: usize,
    pub assoc_exact: usize,
    pub assoc_any: usize,
    /// Rows where ACLED names no associated actor and Veille names one.
    pub assoc_spurious: usize,
}

impl AcledReport {
    pub fn share(&self, field: &str) -> f64 {
        let scored = self.scored(field);
        if scored == 0 {
            0.0
        } else {
            count_of(&self.correct, field) as f64 / scored as f64
        }
    }

    /// Rows scored on `field`.
    pub fn scored(&self, field: &str) -> usize {
        count_of(&self.scored, field)
    }
}

/// The count a per-field list gives `field` (0 when absent).
fn count_of(counts: &[(String, usize)], field: &str) -> usize {
    counts.iter().find(|(f, _)| f == field).map_or(0, |(_, c)| *c)
}

/// `actor_order` has no bar: the pair in ACLED's order, actor1 first. ACLED's actor1 is the
/// side that acted (the attacker, the side whose operation it was), so a pair right in the
/// wrong order names the right sides but the wrong initiator. `within_25km` has none either:
/// the event's point within [`NEAR_KM`] of ACLED's, on the rows whose file gives a point,
/// whatever the precision (GDELT's events land at country or region centroids).
const FIELDS: [&str; 9] = [
    "event_type",
    "sub_event_type",
    "actor_pair",
    "actor_order",
    "admin1",
    "admin2",
    "within_25km",
    "event_date",
    "fatalities",
];

/// How far an event's point may lie from ACLED's and still be at its place.
pub const NEAR_KM: f64 = 25.0;

/// The first of `events` that agrees best with the row's place (admin1, admin2, location).
fn closest_place<'e>(row: &AcledRow, events: impl Iterator<Item = &'e Event>) -> Option<&'e Event> {
    let agreement = |e: &Event| {
        usize::from(e.admin1 == row.admin1)
            + usize::from(e.admin2 == row.admin2)
            + usize::from(e.location == row.location)
    };
    let mut best: Option<(&Event, usize)> = None;
    for e in events {
        let a = agreement(e);
        if best.is_none_or(|(_, b)| a > b) {
            best = Some((e, a));
        }
    }
    best.map(|(e, _)| e)
}

/// Scores predictions (events by document id) against the rows.
pub fn score(rows: &[AcledRow], predicted: &HashMap<String, Vec<Event>>) -> AcledReport {
    let mut correct: HashMap<&str, usize> = HashMap::new();
    let mut scored: HashMap<&str, usize> = HashMap::new();
    let mut report = AcledReport {
        rows: rows.len(),
        ..Default::default()
    };
    let mut n_events = 0;
    for row in rows {
        let events = predicted.get(&row.id).map(Vec::as_slice).unwrap_or(&[]);
        n_events += events.len();
        // The event of the row's type; among several (a note naming a list of places gives
        // ACLED one row, and Veille one event, per place), the one at the row's place.
        let chosen = closest_place(
            row,
            events
                .iter()
                .filter(|e| !row.sub_event_type.is_empty() && e.sub_event_type == row.sub_event_type),
        )
        .or_else(|| {
            closest_place(
                row,
                events.iter().filter(|e| row.accepted_types.contains(&e.event_type)),
            )
        })
        .or_else(|| closest_place(row, events.iter()));
        if chosen.is_some() {
            report.found += 1;
        }
        let predicted_assoc = chosen
            .map(|e| split_assoc([e.assoc_actor_1.clone(), e.assoc_actor_2.clone()]))
            .unwrap_or_default();
        if row.assoc_actors.is_empty() {
            report.assoc_spurious += usize::from(!predicted_assoc.is_empty());
        } else {
            report.assoc_rows += 1;
            let mut gold: Vec<String> = row.assoc_actors.iter().map(|a| actor_key(a)).collect();
            let mut pred: Vec<String> = predicted_assoc.iter().map(|a| actor_key(a)).collect();
            gold.sort();
            pred.sort();
            let exact = pred == gold;
            report.assoc_exact += usize::from(exact);
            report.assoc_any += usize::from(pred.iter().any(|p| gold.contains(p)));
            if !exact {
                report.misses.push(Miss {
                    id: row.id.clone(),
                    field: "assoc_actors".into(),
                    gold: row.assoc_actors.join("; "),
                    predicted: predicted_assoc.join("; "),
                    text: row.text.clone(),
                });
            }
        }
        for field in FIELDS {
            let open = match field {
                "event_type" => row.accepted_types.is_empty(),
                "sub_event_type" => row.sub_event_type.is_empty(),
                "within_25km" => row.point.is_none(),
                _ => false,
            };
            if open {
                continue;
            }
            *scored.entry(field).or_default() += 1;
            let (gold, pred, ok) = match (field, chosen) {
                (_, None) => (gold_value(row, field), String::new(), false),
                ("event_type", Some(e)) => (
                    row.event_type.clone(),
                    e.event_type.clone(),
                    row.accepted_types.contains(&e.event_type),
                ),
                ("sub_event_type", Some(e)) => (
                    row.sub_event_type.clone(),
                    e.sub_event_type.clone(),
                    row.sub_event_type == e.sub_event_type,
                ),
                ("actor_pair", Some(e)) => {
                    let g = pair(&row.actor1, &row.actor2);
                    let p = pair(&e.actor1, &e.actor2);
                    (
                        format!("{} | {}", row.actor1, row.actor2),
                        format!("{} | {}", e.actor1, e.actor2),
                        g == p,
                    )
                }
                ("actor_order", Some(e)) => (
                    gold_value(row, field),
                    format!("{} | {}", e.actor1, e.actor2),
                    (actor_key(&row.actor1), actor_key(&row.actor2)) == (actor_key(&e.actor1), actor_key(&e.actor2)),
                ),
                ("admin1", Some(e)) => (
                    row.admin1.clone(),
                    e.admin1.clone(),
                    fold(&row.admin1) == fold(&e.admin1),
                ),
                ("admin2", Some(e)) => (
                    row.admin2.clone(),
                    e.admin2.clone(),
                    fold(&row.admin2) == fold(&e.admin2),
                ),
                ("within_25km", Some(e)) => {
                    let (lat, lon) = row.point.expect("rows without a point are not scored");
                    let km = e
                        .latitude
                        .zip(e.longitude)
                        .map(|(elat, elon)| veille_geoparse::resolve::haversine_km(lat, lon, elat, elon));
                    (
                        format!("{} ({lat}, {lon})", row.location),
                        match km {
                            Some(km) => format!("{} ({km:.0} km off)", e.location),
                            None => format!("{} (no point)", e.location),
                        },
                        km.is_some_and(|km| km <= NEAR_KM),
                    )
                }
                ("event_date", Some(e)) => {
                    let g = row.event_date.format("%Y-%m-%d").to_string();
                    (g.clone(), e.event_date.clone(), g == e.event_date)
                }
                (_, Some(e)) => (
                    row.fatalities.to_string(),
                    e.fatalities.to_string(),
                    row.fatalities == e.fatalities,
                ),
            };
            if ok {
                *correct.entry(field).or_default() += 1;
            } else {
                report.misses.push(Miss {
                    id: row.id.clone(),
                    field: field.to_string(),
                    gold,
                    predicted: pred,
                    text: row.text.clone(),
                });
            }
        }
    }
    report.events_per_row = if rows.is_empty() {
        0.0
    } else {
        n_events as f64 / rows.len() as f64
    };
    let counts = |of: &HashMap<&str, usize>| {
        FIELDS
            .iter()
            .map(|f| (f.to_string(), of.get(f).copied().unwrap_or(0)))
            .collect()
    };
    report.correct = counts(&correct);
    report.scored = counts(&scored);
    report
}

fn gold_value(row: &AcledRow, field: &str) -> String {
    match field {
        "event_type" => row.event_type.clone(),
        "sub_event_type" => row.sub_event_type.clone(),
        "actor_pair" | "actor_order" => format!("{} | {}", row.actor1, row.actor2),
        "admin1" => row.admin1.clone(),
        "admin2" => row.admin2.clone(),
        "within_25km" => row.location.clone(),
        "event_date" => row.event_date.to_string(),
        _ => row.fatalities.to_string(),
    }
}

impl fmt::Display for AcledReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = |x: f64| format!("{:5.1}%", x * 100.0);
        writeln!(f, "rows            {}", self.rows)?;
        writeln!(
            f,
            "event found     {}  ({} of {} rows; {:.2} events per row)",
            pct(if self.rows == 0 {
                0.0
            } else {
                self.found as f64 / self.rows as f64
            }),
            self.found,
            self.rows,
            self.events_per_row
        )?;
        for (field, _) in &self.correct {
            let bar = BARS.iter().find(|(b, _)| b == field).map(|(_, v)| *v);
            let share = self.share(field);
            let verdict = match bar {
                Some(b) if share >= b => format!("bar {} met", pct(b)),
                Some(b) => format!("bar {} NOT met", pct(b)),
                None => String::new(),
            };
            let scored = self.scored(field);
            let of = if scored < self.rows && field == "within_25km" {
                format!("  (of the {scored} rows whose file gives a point)")
            } else if scored < self.rows {
                format!("  (of the {scored} rows whose typology fixes it)")
            } else {
                String::new()
            };
            writeln!(f, "{field:<15} {}  {verdict}{of}", pct(share))?;
        }
        if self.assoc_rows > 0 {
            let of = |n: usize| n as f64 / self.assoc_rows as f64;
            writeln!(
                f,
                "assoc_actors    {}  same set, {} at least one (of the {} rows where ACLED names one); \
                 named where ACLED names none: {} of {} rows",
                pct(of(self.assoc_exact)),
                pct(of(self.assoc_any)),
                self.assoc_rows,
                self.assoc_spurious,
                self.rows - self.assoc_rows
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_admin_hints_only() {
        assert_eq!(
            mask_notes(
                "students staged a sit-in in Seme (Toeni, Sourou). A VDP (volunteer) died. [size=no report]",
                &["Sourou", "Toeni", "Seme"]
            ),
            "students staged a sit-in in Seme. A VDP (volunteer) died."
        );
        assert_eq!(
            mask_notes("attacked Sampala (coded as Zinibeogo at geoprecision 2), and", &[]),
            "attacked Sampala, and"
        );
    }

    #[test]
    fn strips_regime_years() {
        assert_eq!(
            actor_key("Police Forces of Burkina Faso (2015-) Gendarmerie"),
            "police forces of burkina faso gendarmerie"
        );
        assert_eq!(
            actor_key("Islamic State (Greater Sahara)"),
            "islamic state greater sahara"
        );
        assert_eq!(pair("A (1999-2010)", "B"), pair("B", "A (2011-)"));
    }

    /// A file of the typology before 2019, of our own writing: two countries, three labels.
    const OLD_SCHEMA: &str = "event_id_cnty,event_date,event_type,actor1,actor2,country,admin1,admin2,notes,fatalities\n\
        CHA1,12 March 2007,Battle-No change of territory,Rebels,Military Forces of Chad (1990-),Chad,Ouaddai,Assoungha,\"Rebels clashed with the army near Adre.\",4\n\
        CHA2,13 March 2007,Riots/Protests,Protesters (Chad),,Chad,Ville de NDjamena,Ville de NDjamena,\"Traders protested in NDjamena.\",0\n\
        MAA1,14 March 2007,Violence against civilians,Unidentified Armed Group (Mauritania),Civilians (Mauritania),Mauritania,Nouakchott,Nouakchott,\"Gunmen killed a trader in Nouakchott.\",1\n\
        MAA2,15 March 2007,Violence against civilians,Police Forces of Mauritania (2005-2007),Protesters (Mauritania),Mauritania,Nouakchott,Nouakchott,\"Police beat students who marched in Nouakchott.\",0\n";

    /// The file under a name of its own per test: tests run in parallel threads of one process.
    fn old_schema_file(test: &str) -> std::path::PathBuf {
        let path = std::env::temp_dir().join(format!("veille-old-schema-{test}-{}.csv", std::process::id()));
        std::fs::write(&path, OLD_SCHEMA).unwrap();
        path
    }

    #[test]
    fn reads_the_old_typology_as_far_as_it_goes() {
        let path = old_schema_file("read");
        let rows = load(&path, None, None).unwrap();
        assert_eq!(rows.len(), 4);
        assert_eq!(
            (rows[0].accepted_types.clone(), rows[0].sub_event_type.as_str()),
            (vec!["Battles".to_string()], "Armed clash")
        );
        assert_eq!(rows[1].accepted_types, ["Riots", "Protests"]);
        assert_eq!(rows[1].sub_event_type, "");
        assert_eq!(rows[2].accepted_types, ["Violence against civilians"]);
        // Force against protesters: Protests since ACLED's 2019 typology.
        assert_eq!(rows[3].accepted_types, ["Violence against civilians", "Protests"]);
        assert_eq!(rows[3].sub_event_type, "");
        let chad: Vec<String> = load(&path, None, Some("TD"))
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(chad, ["CHA1", "CHA2"]);
        let mauritania = load(&path, Some(5), Some("mauritania")).unwrap();
        assert_eq!(mauritania.len(), 2);
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn leaves_rows_out_of_fields_their_typology_leaves_open() {
        let path = old_schema_file("score");
        let rows = load(&path, None, None).unwrap();
        std::fs::remove_file(path).unwrap();
        let event = |event_type: &str, sub: &str| Event {
            event_type: event_type.into(),
            sub_event_type: sub.into(),
            ..Default::default()
        };
        let predicted = HashMap::from([
            ("CHA1".to_string(), vec![event("Battles", "Armed clash")]),
            ("CHA2".to_string(), vec![event("Riots", "Mob violence")]),
            ("MAA1".to_string(), vec![event("Violence against civilians", "Attack")]),
            ("MAA2".to_string(), vec![event("Protests", "Protest with intervention")]),
        ]);
        let report = score(&rows, &predicted);
        assert_eq!(report.share("event_type"), 1.0);
        // Only the battle fixes a sub-event type; the riot and the attack are not held to one.
        assert_eq!(report.share("sub_event_type"), 1.0);
        let scored = |field: &str| report.scored.iter().find(|(f, _)| f == field).unwrap().1;
        assert_eq!(
            (scored("event_type"), scored("sub_event_type"), scored("fatalities")),
            (4, 1, 4)
        );
        assert!(!report.misses.iter().any(|m| m.field == "sub_event_type"));
        // The file gives no point: nothing is scored on distance.
        assert_eq!(scored("within_25km"), 0);
    }

    #[test]
    fn an_event_within_25_km_of_acleds_point_is_at_its_place() {
        let csv = "event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,country,admin1,admin2,location,latitude,longitude,notes,fatalities\n\
            BFO1,2020-03-01,Battles,Armed clash,JNIM,Military Forces of Burkina Faso (2015-2022),Burkina Faso,Sahel,Soum,Djibo,14.1022,-1.6306,\"Militants attacked soldiers in Djibo.\",0\n\
            BFO2,2020-03-02,Battles,Armed clash,JNIM,Military Forces of Burkina Faso (2015-2022),Burkina Faso,Sahel,Soum,Djibo,14.1022,-1.6306,\"Militants attacked soldiers near Djibo.\",0\n\
            BFO3,2020-03-03,Battles,Armed clash,JNIM,Military Forces of Burkina Faso (2015-2022),Burkina Faso,Sahel,Soum,Djibo,14.1022,-1.6306,\"Militants attacked soldiers.\",0\n";
        let path = std::env::temp_dir().join(format!("veille-points-{}.csv", std::process::id()));
        std::fs::write(&path, csv).unwrap();
        let rows = load(&path, None, None).unwrap();
        std::fs::remove_file(path).unwrap();
        assert_eq!(rows[0].point, Some((14.1022, -1.6306)));
        let at = |latitude: Option<f64>, longitude: Option<f64>| Event {
            event_type: "Battles".into(),
            sub_event_type: "Armed clash".into(),
            latitude,
            longitude,
            ..Default::default()
        };
        // 0.15 degrees of latitude is about 17 km; 0.5 about 56 km; no point is no place.
        let predicted = HashMap::from([
            ("BFO1".to_string(), vec![at(Some(14.25), Some(-1.6306))]),
            ("BFO2".to_string(), vec![at(Some(14.60), Some(-1.6306))]),
            ("BFO3".to_string(), vec![at(None, None)]),
        ]);
        let report = score(&rows, &predicted);
        assert_eq!(report.scored("within_25km"), 3);
        assert!((report.share("within_25km") - 1.0 / 3.0).abs() < 1e-9);
        let misses: Vec<&str> = report
            .misses
            .iter()
            .filter(|m| m.field == "within_25km")
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(misses, ["BFO2", "BFO3"]);
    }
}
