//! Writers for `veille extract`'s output formats: JSON Lines (the full record),
//! ACLED CSV (exactly the 31 columns, with a header) and GeoJSON (a FeatureCollection of
//! Points). Each streams: events are written as they come.

use std::io::{self, Write};

use veille_model::{Event, ACLED_COLUMNS};

/// Output format of events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
    Geojson,
}

/// Writes events in one format, header and footer included.
pub struct EventWriter<W: Write> {
    format: Format,
    out: Option<W>,
    csv: Option<csv::Writer<W>>,
    features: usize,
}

fn to_io(e: csv::Error) -> io::Error {
    io::Error::other(e)
}

impl<W: Write> EventWriter<W> {
    pub fn new(format: Format, mut out: W) -> io::Result<Self> {
        let mut csv = None;
        let mut plain = None;
        match format {
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(ACLED_COLUMNS).map_err(to_io)?;
                csv = Some(w);
            }
            Format::Geojson => {
                out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
                plain = Some(out);
            }
            Format::Jsonl => plain = Some(out),
        }
        Ok(EventWriter {
            format,
            out: plain,
            csv,
            features: 0,
        })
    }

    pub fn write(&mut self, event: &Event) -> io::Result<()> {
        match self.format {
            Format::Csv => self
                .csv
                .as_mut()
                .expect("csv writer")
                .write_record(event.acled_row())
                .map_err(to_io),
            Format::Jsonl => {
                let out = self.out.as_mut().expect("writer");
                serde_json::to_writer(&mut *out, event)?;
                out.write_all(b"\n")
            }
            Format::Geojson => {
                // Events placed only at country level have no coordinates: no Point to draw.
                let (Some(lat), Some(lon)) = (event.latitude, event.longitude) else {
                    return Ok(());
                };
                let mut props = serde_json::to_value(event)?;
                if let Some(map) = props.as_object_mut() {
                    map.remove("evidence");
                }
                let feature = serde_json::json!({
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": props,
                });
                let out = self.out.as_mut().expect("writer");
                if self.features > 0 {
                    out.write_all(b",")?;
                }
                out.write_all(b"\n")?;
                serde_json::to_writer(&mut *out, &feature)?;
                self.features += 1;
                Ok(())
            }
        }
    }

    /// Closes the document (GeoJSON) and flushes.
    pub fn finish(mut self) -> io::Result<W> {
        match self.format {
            Format::Csv => self
                .csv
                .take()
                .expect("csv writer")
                .into_inner()
                .map_err(|e| io::Error::other(e.to_string())),
            Format::Geojson => {
                let mut out = self.out.take().expect("writer");
                out.write_all(b"\n]}\n")?;
                out.flush()?;
                Ok(out)
            }
            Format::Jsonl => {
                let mut out = self.out.take().expect("writer");
                out.flush()?;
                Ok(out)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event() -> Event {
        Event {
            event_id: "VEI-1".into(),
            event_date: "2024-03-05".into(),
            latitude: Some(16.0),
            longitude: Some(-3.0),
            notes: "a, \"quoted\" note".into(),
            ..Default::default()
        }
    }

    #[test]
    fn csv_has_the_31_columns() {
        let mut w = EventWriter::new(Format::Csv, Vec::new()).unwrap();
        w.write(&event()).unwrap();
        let bytes = w.finish().unwrap();
        let mut r = csv::Reader::from_reader(bytes.as_slice());
        assert_eq!(r.headers().unwrap().len(), 31);
        let row = r.records().next().unwrap().unwrap();
        assert_eq!(row.len(), 31);
        assert_eq!(&row[27], "a, \"quoted\" note");
    }

    #[test]
    fn geojson_is_a_feature_collection() {
        let mut w = EventWriter::new(Format::Geojson, Vec::new()).unwrap();
        w.write(&event()).unwrap();
        w.write(&Event::default()).unwrap();
        w.write(&event()).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&w.finish().unwrap()).unwrap();
        assert_eq!(v["type"], "FeatureCollection");
        assert_eq!(v["features"].as_array().unwrap().len(), 2);
        assert_eq!(v["features"][0]["geometry"]["coordinates"][0], -3.0);
    }
}
