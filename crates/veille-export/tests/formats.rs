//! Each format read back by an independent reader.

use std::process::Command;

use veille_export::{Format, Writer};
use veille_model::{Event, Evidence, ACLED_COLUMNS};

fn events() -> Vec<Event> {
    vec![
        Event {
            event_id: "VEI-1".into(),
            event_date: "2024-03-05".into(),
            time_precision: 1,
            disorder_type: "Political violence".into(),
            event_type: "Battles".into(),
            sub_event_type: "Armed clash".into(),
            actor1: "Military Forces of Mali (2021-)".into(),
            inter1: 1,
            actor2: "JNIM: Group for Support of Islam and Muslims".into(),
            inter2: 2,
            interaction: 12,
            iso: 466,
            region: "Western Africa".into(),
            country: "Mali".into(),
            admin1: "Tombouctou".into(),
            admin2: "Goundam".into(),
            location: "Tonka".into(),
            latitude: Some(16.2917),
            longitude: Some(-3.3958),
            geo_precision: 1,
            source: "Journal A; Journal B".into(),
            notes: "Un \"accrochage\", avec virgule, et\nsaut de ligne.".into(),
            fatalities: 2,
            fatalities_low: 2,
            fatalities_best: 2,
            fatalities_high: 3,
            timestamp: 1_709_600_000,
            geonames_id: Some(2457163),
            language: "fr".into(),
            confidence: 0.75,
            sources: vec!["a".into(), "b".into()],
            evidence: vec![Evidence {
                field: "fatalities".into(),
                start: 3,
                end: 9,
                text: "deux morts".into(),
                within: None,
                doc_id: Some("a".into()),
            }],
            ..Default::default()
        },
        Event {
            event_id: "VEI-2".into(),
            event_date: "2024-03-06".into(),
            time_precision: 2,
            event_type: "Protests".into(),
            actor1: "Protesters (Mali)".into(),
            country: "Mali".into(),
            geo_precision: 3,
            ..Default::default()
        },
    ]
}

fn write(format: Format) -> Vec<u8> {
    let mut out = Vec::new();
    let mut w = Writer::new(format, &mut out).unwrap();
    for e in events() {
        w.push(&e).unwrap();
    }
    assert_eq!(w.finish().unwrap(), 2);
    out
}

#[test]
fn csv_has_exactly_acleds_31_columns() {
    let out = write(Format::AcledCsv);
    let mut r = csv::Reader::from_reader(&out[..]);
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, ACLED_COLUMNS);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|row| row.len() == 31));
    assert_eq!(&rows[0][27], "Un \"accrochage\", avec virgule, et\nsaut de ligne.");
    assert_eq!(&rows[0][28], "2");
    assert_eq!(&rows[1][22], "", "no coordinates, empty cell");
}

#[test]
fn geojson_is_a_feature_collection_of_points() {
    let out = write(Format::GeoJson);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let f = &v["features"][0];
    assert_eq!(f["type"], "Feature");
    assert_eq!(f["geometry"]["type"], "Point");
    assert_eq!(f["geometry"]["coordinates"][0], -3.3958, "longitude first (RFC 7946)");
    assert_eq!(f["properties"]["fatalities"], 2);
    assert_eq!(f["properties"]["fatalities_high"], 3);
    assert_eq!(f["properties"]["admin2"], "Goundam");
    assert!(v["features"][1]["geometry"].is_null());
    for col in ACLED_COLUMNS {
        assert!(f["properties"].get(col).is_some(), "property {col}");
    }
}

#[test]
fn jsonl_round_trips_the_full_record() {
    let out = write(Format::JsonLines);
    let back: Vec<Event> = out
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(back, events());
}

#[test]
fn parquet_reads_back_in_pyarrow() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.parquet");
    std::fs::write(&path, write(Format::Parquet)).unwrap();
    let check = r#"
import sys, pyarrow.parquet as pq
t = pq.read_table(sys.argv[1])
assert t.num_rows == 2, t.num_rows
names = t.column_names
assert names[:31] == sys.argv[2].split(","), names
rows = t.to_pylist()
a, b = rows
assert a["event_id_cnty"] == "VEI-1"
assert str(a["event_date"]) == "2024-03-05", a["event_date"]
assert a["year"] == 2024 and a["fatalities"] == 2 and a["fatalities_high"] == 3
assert abs(a["latitude"] - 16.2917) < 1e-9
assert a["inter2"] == 2 and b["inter2"] is None and b["latitude"] is None
assert a["notes"].startswith('Un "accrochage"')
assert a["geonames_id"] == 2457163 and b["geonames_id"] is None
assert '"deux morts"' in a["evidence"]
print("pyarrow read", t.num_rows, "rows,", t.num_columns, "columns")
"#;
    let out = match Command::new("python3")
        .arg("-c")
        .arg(check)
        .arg(&path)
        .arg(ACLED_COLUMNS.join(","))
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            eprintln!("skipping: python3 cannot run ({e})");
            return;
        }
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("No module named 'pyarrow'") {
        eprintln!("skipping: pyarrow is not installed (CI installs it with pip)");
        return;
    }
    assert!(out.status.success(), "pyarrow failed:\n{stderr}");
    eprintln!("{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn unknown_format_is_named() {
    let err = "xlsx".parse::<Format>().unwrap_err();
    assert!(err.to_string().contains("\"xlsx\""));
}
