//! The records that flow between Veille's pipeline stages.
//!
//! Contract: these are plain data. No stage keeps hidden state in them, every
//! stage takes them in and gives them out (spaCy's pipeline style), and their
//! JSON form is the wire format of `veille places`, `veille extract` and the
//! store. Offsets that leave the program are **Unicode code-point offsets**
//! into the document text, as Python's `str` and spaCy count them, never
//! UTF-8 byte offsets.

use serde::{Deserialize, Serialize};

/// One input document, as read from JSON Lines or a `.txt`/`.html` file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date or date-time, ISO 8601 (`2022-09-20` or `2022-09-20T13:13:09`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// `fr` or `en`; detected when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// ISO 3166-1 alpha-2 hint for the country the source covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Resolution-only mode: code-point `[start, end)` spans to resolve, and nothing else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spans: Option<Vec<[usize; 2]>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Name of the outlet ("Le Faso", "AIB").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// ACLED-style geographic precision.
pub mod precision {
    /// The named place itself.
    pub const PLACE: u8 = 1;
    /// Near a place, or a part of a district.
    pub const NEAR: u8 = 2;
    /// Only a larger area (an admin division, a region) is known.
    pub const AREA: u8 = 3;
}

/// A place mention found in a text and resolved to a gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// Code-point offsets into the document text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub geonames_id: u32,
    pub name: String,
    pub latitude: f64,
    pub longitude: f64,
    pub country: String,
    pub country_code: String,
    pub admin1: String,
    pub admin2: String,
    pub feature_code: String,
    pub precision: u8,
}

/// The words of a source that support one field of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub field: String,
    /// Code-point offsets into the document's `text` (or its `title`, see `within`).
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `Some("title")` when the words come from the title rather than the body.
    #[serde(rename = "in", default, skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
    /// The document the words come from; set once events of several reports are merged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_id: Option<String>,
}

/// A coded event: ACLED's data model plus Veille's provenance fields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub event_id: String,
    pub doc_id: String,
    /// `YYYY-MM-DD`.
    pub event_date: String,
    /// 1 = the day, 2 = the week, 3 = the month (ACLED).
    pub time_precision: u8,
    pub disorder_type: String,
    pub event_type: String,
    pub sub_event_type: String,
    pub actor1: String,
    pub assoc_actor_1: String,
    pub inter1: u8,
    pub actor2: String,
    pub assoc_actor_2: String,
    pub inter2: u8,
    pub interaction: u16,
    pub civilian_targeting: String,
    /// ISO 3166-1 numeric.
    pub iso: u16,
    pub region: String,
    pub country: String,
    pub admin1: String,
    pub admin2: String,
    pub admin3: String,
    pub location: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geo_precision: u8,
    pub source: String,
    pub source_scale: String,
    pub notes: String,
    /// ACLED's figure: the lowest reported.
    pub fatalities: u32,
    /// UCDP's low, best and high estimates.
    pub fatalities_low: u32,
    pub fatalities_best: u32,
    pub fatalities_high: u32,
    pub tags: String,
    /// Unix seconds at which the record was coded.
    pub timestamp: i64,
    pub geonames_id: Option<u32>,
    pub language: String,
    pub confidence: f32,
    pub cameo_root: String,
    pub plover_category: String,
    /// Ids of every document that reported this event.
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// ACLED's 31 columns, in ACLED's order (the current data model).
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

impl Event {
    /// The event as ACLED's 31 columns, in [`ACLED_COLUMNS`] order.
    pub fn acled_row(&self) -> [String; 31] {
        let opt = |v: Option<f64>| v.map(|x| format!("{x:.4}")).unwrap_or_default();
        let code = |v: u8| if v == 0 { String::new() } else { v.to_string() };
        [
            self.event_id.clone(),
            self.event_date.clone(),
            self.event_date.get(..4).unwrap_or_default().to_string(),
            self.time_precision.to_string(),
            self.disorder_type.clone(),
            self.event_type.clone(),
            self.sub_event_type.clone(),
            self.actor1.clone(),
            self.assoc_actor_1.clone(),
            code(self.inter1),
            self.actor2.clone(),
            self.assoc_actor_2.clone(),
            code(self.inter2),
            self.interaction.to_string(),
            self.civilian_targeting.clone(),
            self.iso.to_string(),
            self.region.clone(),
            self.country.clone(),
            self.admin1.clone(),
            self.admin2.clone(),
            self.admin3.clone(),
            self.location.clone(),
            opt(self.latitude),
            opt(self.longitude),
            self.geo_precision.to_string(),
            self.source.clone(),
            self.source_scale.clone(),
            self.notes.clone(),
            self.fatalities.to_string(),
            self.tags.clone(),
            self.timestamp.to_string(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acled_row_has_31_fields_in_order() {
        let event = Event {
            event_id: "VEI-1".into(),
            event_date: "2024-03-05".into(),
            inter1: 1,
            latitude: Some(16.4),
            ..Default::default()
        };
        let row = event.acled_row();
        assert_eq!(row.len(), ACLED_COLUMNS.len());
        assert_eq!(row[2], "2024");
        assert_eq!(row[9], "1");
        assert_eq!(row[12], "", "inter2 of a one-sided event is empty, as in ACLED");
        assert_eq!(row[22], "16.4000");
        assert_eq!(row[23], "");
    }

    #[test]
    fn document_reads_minimal_jsonl() {
        let doc: Document = serde_json::from_str(r#"{"id":"a","text":"x","spans":[[0,1]]}"#).unwrap();
        assert_eq!(doc.spans, Some(vec![[0, 1]]));
        assert!(doc.title.is_none());
    }
}
