//! Writes events in the formats researchers' scripts already read.
//!
//! Contract: [`Writer::new`] takes a [`Format`] and any `Write`; events are
//! pushed one at a time ([`Writer::push`], so a million events never sit in
//! memory at once, except one Parquet row group) and [`Writer::finish`]
//! closes the file. Output depends only on the events and their order.
//!
//! - `acled-csv`: exactly ACLED's 31 columns ([`veille_model::ACLED_COLUMNS`]).
//! - `geojson`: an RFC 7946 FeatureCollection of Points (lon, lat), every
//!   ACLED column plus Veille's fields as properties, which QGIS opens as a
//!   layer. Events without coordinates get a `null` geometry, as the RFC allows.
//! - `parquet`: one flat table (ACLED's columns, typed, then Veille's), Snappy
//!   compressed, readable by pandas/pyarrow and DuckDB.
//! - `jsonl`: the full Veille record, evidence included, one event per line.
//!
//! Dependencies: `csv` for quoting; `serde_json` for GeoJSON and JSON Lines;
//! `parquet` without its `arrow` feature, through the low-level column writer:
//! arrow would be about 40% of a release build for no gain in a flat table.

use std::io::Write;
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, FloatType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use serde_json::{json, Map, Value};
use veille_model::{Event, ACLED_COLUMNS};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("export: write failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("export: CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("export: Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("export: JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("unknown export format {0:?}: expected acled-csv, geojson, parquet or jsonl")]
    UnknownFormat(String),
}

type Result<T> = std::result::Result<T, ExportError>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    AcledCsv,
    GeoJson,
    Parquet,
    JsonLines,
}

impl std::str::FromStr for Format {
    type Err = ExportError;
    fn from_str(s: &str) -> Result<Format> {
        match s.to_ascii_lowercase().as_str() {
            "acled-csv" | "csv" => Ok(Format::AcledCsv),
            "geojson" => Ok(Format::GeoJson),
            "parquet" => Ok(Format::Parquet),
            "jsonl" | "ndjson" => Ok(Format::JsonLines),
            _ => Err(ExportError::UnknownFormat(s.to_string())),
        }
    }
}

/// Rows per Parquet row group: large enough for good compression, small
/// enough to keep memory flat (~tens of MB) on a million events.
const ROW_GROUP: usize = 65_536;

enum Inner<W: Write + Send> {
    Csv(Box<csv::Writer<W>>),
    GeoJson { out: W, first: bool },
    Parquet(Box<ParquetSink<W>>),
    JsonLines(W),
}

/// Streams events into one output file.
pub struct Writer<W: Write + Send> {
    inner: Inner<W>,
    count: u64,
}

impl<W: Write + Send> Writer<W> {
    pub fn new(format: Format, mut out: W) -> Result<Self> {
        let inner = match format {
            Format::AcledCsv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(ACLED_COLUMNS)?;
                Inner::Csv(Box::new(w))
            }
            Format::GeoJson => {
                out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?;
                Inner::GeoJson { out, first: true }
            }
            Format::Parquet => Inner::Parquet(Box::new(ParquetSink::new(out)?)),
            Format::JsonLines => Inner::JsonLines(out),
        };
        Ok(Writer { inner, count: 0 })
    }

    pub fn push(&mut self, event: &Event) -> Result<()> {
        match &mut self.inner {
            Inner::Csv(w) => w.write_record(event.acled_row())?,
            Inner::GeoJson { out, first } => {
                if !*first {
                    out.write_all(b",\n")?;
                }
                *first = false;
                serde_json::to_writer(&mut *out, &feature(event))?;
            }
            Inner::Parquet(sink) => sink.push(event)?,
            Inner::JsonLines(out) => {
                serde_json::to_writer(&mut *out, event)?;
                out.write_all(b"\n")?;
            }
        }
        self.count += 1;
        Ok(())
    }

    /// Closes the output; returns how many events were written.
    pub fn finish(self) -> Result<u64> {
        match self.inner {
            Inner::Csv(mut w) => w.flush()?,
            Inner::GeoJson { mut out, .. } => {
                out.write_all(b"\n]}\n")?;
                out.flush()?;
            }
            Inner::Parquet(sink) => sink.finish()?,
            Inner::JsonLines(mut out) => out.flush()?,
        }
        Ok(self.count)
    }
}

/// One GeoJSON Feature: the ACLED columns with their CSV meaning but JSON
/// types (numbers stay numbers, so QGIS can style by fatalities), then Veille's fields.
pub fn feature(e: &Event) -> Value {
    let mut props = Map::new();
    let row = e.acled_row();
    for (name, value) in ACLED_COLUMNS.iter().zip(row) {
        props.insert(name.to_string(), Value::String(value));
    }
    let num = |v: i64| Value::from(v);
    let opt_code = |v: u8| if v == 0 { Value::Null } else { num(v.into()) };
    props.insert(
        "year".into(),
        e.event_date
            .get(..4)
            .and_then(|y| y.parse::<i64>().ok())
            .map_or(Value::Null, num),
    );
    props.insert("time_precision".into(), num(e.time_precision.into()));
    props.insert("inter1".into(), opt_code(e.inter1));
    props.insert("inter2".into(), opt_code(e.inter2));
    props.insert("interaction".into(), num(e.interaction.into()));
    props.insert("iso".into(), num(e.iso.into()));
    props.insert("latitude".into(), json!(e.latitude));
    props.insert("longitude".into(), json!(e.longitude));
    props.insert("geo_precision".into(), num(e.geo_precision.into()));
    props.insert("fatalities".into(), num(e.fatalities.into()));
    props.insert("timestamp".into(), num(e.timestamp));
    props.insert("fatalities_low".into(), num(e.fatalities_low.into()));
    props.insert("fatalities_best".into(), num(e.fatalities_best.into()));
    props.insert("fatalities_high".into(), num(e.fatalities_high.into()));
    props.insert("geonames_id".into(), json!(e.geonames_id));
    props.insert("language".into(), json!(e.language));
    props.insert("confidence".into(), json!(e.confidence));
    // QGIS shows arrays poorly in its attribute table: a joined string reads well.
    props.insert("sources".into(), json!(e.sources.join("; ")));
    let geometry = match (e.longitude, e.latitude) {
        (Some(lon), Some(lat)) if lon.is_finite() && lat.is_finite() => {
            json!({"type": "Point", "coordinates": [lon, lat]})
        }
        _ => Value::Null,
    };
    json!({"type": "Feature", "id": e.event_id, "geometry": geometry, "properties": props})
}

#[derive(Clone, Copy)]
enum Kind {
    Str,
    I32,
    OptI32,
    I64,
    OptI64,
    OptF64,
    F32,
    /// Parquet DATE: days since 1970-01-01.
    Date,
}

/// The Parquet columns: ACLED's 31 in order, then Veille's.
const PARQUET_COLUMNS: [(&str, Kind); 39] = [
    ("event_id_cnty", Kind::Str),
    ("event_date", Kind::Date),
    ("year", Kind::OptI32),
    ("time_precision", Kind::I32),
    ("disorder_type", Kind::Str),
    ("event_type", Kind::Str),
    ("sub_event_type", Kind::Str),
    ("actor1", Kind::Str),
    ("assoc_actor_1", Kind::Str),
    ("inter1", Kind::OptI32),
    ("actor2", Kind::Str),
    ("assoc_actor_2", Kind::Str),
    ("inter2", Kind::OptI32),
    ("interaction", Kind::I32),
    ("civilian_targeting", Kind::Str),
    ("iso", Kind::I32),
    ("region", Kind::Str),
    ("country", Kind::Str),
    ("admin1", Kind::Str),
    ("admin2", Kind::Str),
    ("admin3", Kind::Str),
    ("location", Kind::Str),
    ("latitude", Kind::OptF64),
    ("longitude", Kind::OptF64),
    ("geo_precision", Kind::I32),
    ("source", Kind::Str),
    ("source_scale", Kind::Str),
    ("notes", Kind::Str),
    ("fatalities", Kind::I32),
    ("tags", Kind::Str),
    ("timestamp", Kind::I64),
    ("fatalities_low", Kind::I32),
    ("fatalities_best", Kind::I32),
    ("fatalities_high", Kind::I32),
    ("geonames_id", Kind::OptI64),
    ("language", Kind::Str),
    ("confidence", Kind::F32),
    // JSON arrays as text: a flat table every reader maps the same way.
    ("sources", Kind::Str),
    ("evidence", Kind::Str),
];

fn message_type() -> String {
    let mut s = String::from("message veille_event {\n");
    for (name, kind) in PARQUET_COLUMNS {
        let t = match kind {
            Kind::Str => "required binary %s (STRING)",
            Kind::I32 => "required int32 %s",
            Kind::OptI32 => "optional int32 %s",
            Kind::I64 => "required int64 %s",
            Kind::OptI64 => "optional int64 %s",
            Kind::OptF64 => "optional double %s",
            Kind::F32 => "required float %s",
            Kind::Date => "optional int32 %s (DATE)",
        };
        s.push_str("  ");
        s.push_str(&t.replace("%s", name));
        s.push_str(";\n");
    }
    s.push('}');
    s
}

/// A column's value for one event: text, integer or float, `None` for null.
enum Cell {
    S(String),
    I(Option<i64>),
    F(Option<f64>),
}

fn cells(e: &Event) -> [Cell; 39] {
    use Cell::*;
    let code = |v: u8| I(if v == 0 { None } else { Some(v.into()) });
    [
        S(e.event_id.clone()),
        I(days_since_epoch(&e.event_date)),
        I(e.event_date.get(..4).and_then(|y| y.parse().ok())),
        I(Some(e.time_precision.into())),
        S(e.disorder_type.clone()),
        S(e.event_type.clone()),
        S(e.sub_event_type.clone()),
        S(e.actor1.clone()),
        S(e.assoc_actor_1.clone()),
        code(e.inter1),
        S(e.actor2.clone()),
        S(e.assoc_actor_2.clone()),
        code(e.inter2),
        I(Some(e.interaction.into())),
        S(e.civilian_targeting.clone()),
        I(Some(e.iso.into())),
        S(e.region.clone()),
        S(e.country.clone()),
        S(e.admin1.clone()),
        S(e.admin2.clone()),
        S(e.admin3.clone()),
        S(e.location.clone()),
        F(e.latitude),
        F(e.longitude),
        I(Some(e.geo_precision.into())),
        S(e.source.clone()),
        S(e.source_scale.clone()),
        S(e.notes.clone()),
        I(Some(e.fatalities.into())),
        S(e.tags.clone()),
        I(Some(e.timestamp)),
        I(Some(e.fatalities_low.into())),
        I(Some(e.fatalities_best.into())),
        I(Some(e.fatalities_high.into())),
        I(e.geonames_id.map(i64::from)),
        S(e.language.clone()),
        F(Some(e.confidence.into())),
        S(serde_json::to_string(&e.sources).unwrap_or_default()),
        S(serde_json::to_string(&e.evidence).unwrap_or_default()),
    ]
}

/// Days from 1970-01-01 to a `YYYY-MM-DD` date (proleptic Gregorian), or
/// `None` when the text is not such a date.
fn days_since_epoch(date: &str) -> Option<i64> {
    let b = date.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = date[..4].parse().ok()?;
    let m: i64 = date[5..7].parse().ok()?;
    let d: i64 = date[8..10].parse().ok()?;
    let month_days = [
        31,
        if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 {
            29
        } else {
            28
        },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d < 1 || d > month_days[(m - 1) as usize] {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

struct ParquetSink<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    rows: Vec<[Cell; 39]>,
}

impl<W: Write + Send> ParquetSink<W> {
    fn new(out: W) -> Result<Self> {
        let schema = Arc::new(parse_message_type(&message_type())?);
        let props = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .set_created_by(format!("veille {}", env!("CARGO_PKG_VERSION")))
                .build(),
        );
        Ok(ParquetSink {
            writer: SerializedFileWriter::new(out, schema, props)?,
            rows: Vec::with_capacity(ROW_GROUP),
        })
    }

    fn push(&mut self, e: &Event) -> Result<()> {
        self.rows.push(cells(e));
        if self.rows.len() >= ROW_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let mut group = self.writer.next_row_group()?;
        let mut index = 0;
        while let Some(mut column) = group.next_column()? {
            let kind = PARQUET_COLUMNS[index].1;
            let mut defs: Vec<i16> = Vec::with_capacity(self.rows.len());
            match kind {
                Kind::Str => {
                    let values: Vec<ByteArray> = self
                        .rows
                        .iter_mut()
                        .map(|r| match std::mem::replace(&mut r[index], Cell::I(None)) {
                            Cell::S(s) => ByteArray::from(s.into_bytes()),
                            _ => ByteArray::from(Vec::new()),
                        })
                        .collect();
                    column.typed::<ByteArrayType>().write_batch(&values, None, None)?;
                }
                Kind::I32 | Kind::OptI32 | Kind::Date => {
                    let mut values = Vec::with_capacity(self.rows.len());
                    for r in &self.rows {
                        match r[index] {
                            Cell::I(Some(v)) => {
                                values.push(v as i32);
                                defs.push(1);
                            }
                            _ => {
                                if matches!(kind, Kind::I32) {
                                    values.push(0);
                                }
                                defs.push(0);
                            }
                        }
                    }
                    let defs = (!matches!(kind, Kind::I32)).then_some(&defs[..]);
                    column.typed::<Int32Type>().write_batch(&values, defs, None)?;
                }
                Kind::I64 | Kind::OptI64 => {
                    let mut values = Vec::with_capacity(self.rows.len());
                    for r in &self.rows {
                        match r[index] {
                            Cell::I(Some(v)) => {
                                values.push(v);
                                defs.push(1);
                            }
                            _ => {
                                if matches!(kind, Kind::I64) {
                                    values.push(0);
                                }
                                defs.push(0);
                            }
                        }
                    }
                    let defs = matches!(kind, Kind::OptI64).then_some(&defs[..]);
                    column.typed::<Int64Type>().write_batch(&values, defs, None)?;
                }
                Kind::OptF64 => {
                    let mut values = Vec::with_capacity(self.rows.len());
                    for r in &self.rows {
                        match r[index] {
                            Cell::F(Some(v)) => {
                                values.push(v);
                                defs.push(1);
                            }
                            _ => defs.push(0),
                        }
                    }
                    column.typed::<DoubleType>().write_batch(&values, Some(&defs), None)?;
                }
                Kind::F32 => {
                    let values: Vec<f32> = self
                        .rows
                        .iter()
                        .map(|r| match r[index] {
                            Cell::F(Some(v)) => v as f32,
                            _ => 0.0,
                        })
                        .collect();
                    column.typed::<FloatType>().write_batch(&values, None, None)?;
                }
            }
            column.close()?;
            index += 1;
        }
        group.close()?;
        self.rows.clear();
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        self.flush()?;
        let mut out = self.writer.into_inner()?;
        out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_days() {
        assert_eq!(days_since_epoch("1970-01-01"), Some(0));
        assert_eq!(days_since_epoch("2024-03-05"), Some(19787));
        assert_eq!(days_since_epoch("2000-02-29"), Some(11016));
        assert_eq!(days_since_epoch("2023-02-29"), None);
        assert_eq!(days_since_epoch("2024-3-5"), None);
    }

    #[test]
    fn parquet_schema_parses() {
        let t = parse_message_type(&message_type()).unwrap();
        assert_eq!(t.get_fields().len(), PARQUET_COLUMNS.len());
        for (i, name) in ACLED_COLUMNS.iter().enumerate() {
            assert_eq!(PARQUET_COLUMNS[i].0, *name, "ACLED's columns come first, in order");
        }
    }
}
