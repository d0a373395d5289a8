//! Ingest throughput (local folder, loopback feed server) and export time for
//! one million synthetic events. Run with
//! `cargo bench -p veille-ingest --bench ingest` (optionally `-- EVENTS`).
//! The texts are templated sentences of our own writing.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use veille_extract::Extractor;
use veille_ingest::fetch::FetchOptions;
use veille_ingest::progress::Progress;
use veille_ingest::veille_export::{Format, Writer};
use veille_ingest::veille_store::{EventFilter, Store};
use veille_ingest::{IngestOptions, Ingester};
use veille_model::{Event, Evidence};

const PLACES: [&str; 8] = [
    "Tonka",
    "Goundam",
    "Niafunké",
    "Léré",
    "Ber",
    "Hombori",
    "Boni",
    "Diafarabé",
];
const ACTS: [&str; 4] = [
    "Des hommes armés ont attaqué un poste de sécurité près de {p}",
    "Un engin explosif improvisé a visé un convoi de l'armée sur l'axe menant à {p}",
    "Des commerçants ont manifesté devant la mairie de {p} contre la hausse des prix",
    "Les forces armées ont neutralisé plusieurs terroristes lors d'une patrouille vers {p}",
];

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Bulletin `i`: one of 8 places x 4 kinds of incident, dated explicitly over
/// two years, so that a few bulletins tell the same incident and most do not.
fn text(i: usize) -> String {
    let p = PLACES[i % PLACES.len()];
    let act = ACTS[(i / PLACES.len()) % ACTS.len()].replace("{p}", p);
    let (day, month, year) = (1 + (i * 11) % 28, MONTHS[(i / 3) % 12], 2023 + (i / 5) % 2);
    format!(
        "Bulletin {i}. {act} le {day} {month} {year}. Le bilan fait état de {} morts selon une source locale.\n\
Les autorités ont ouvert une enquête et renforcé la présence militaire dans la zone, selon un communiqué.\n",
        i % 7 + 1
    )
}

fn ingester(store: Store, allow_private: bool) -> Ingester {
    let options = IngestOptions {
        fetch: FetchOptions {
            allow_private,
            min_host_delay: Duration::ZERO,
            ..FetchOptions::default()
        },
        published_fallback: Some("2024-03-05".into()),
        ..Default::default()
    };
    Ingester::new(store, Extractor::new(None).unwrap(), options, Progress::quiet())
}

fn bench_folder(dir: &Path, n: usize, merging: bool) {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for i in 0..n {
        std::fs::write(corpus.join(format!("{i:06}.txt")), text(i)).unwrap();
    }
    let mut store = Store::open(&dir.join(format!("folder-{merging}.db"))).unwrap();
    store.set_merging(merging);
    let mut ing = ingester(store, false);
    let t = Instant::now();
    ing.ingest(corpus.to_str().unwrap()).unwrap();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "folder (merging {}): {n} documents in {secs:.2} s = {:.0} docs/s ({} events, {} merges)",
        if merging { "on" } else { "off" },
        n as f64 / secs,
        ing.summary.events,
        ing.summary.merges
    );
    let t = Instant::now();
    ing.ingest(corpus.to_str().unwrap()).unwrap();
    let secs = t.elapsed().as_secs_f64();
    println!("folder again (all unchanged): {:.0} docs/s", n as f64 / secs);
}

fn serve(n: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let items: String = (0..n)
        .map(|i| format!("<item><title>Bulletin {i}</title><link>{base}/a/{i}</link><guid>{i}</guid></item>"))
        .collect();
    let feed = Arc::new(format!(
        "<rss version=\"2.0\"><channel><title>Banc</title>{items}</channel></rss>"
    ));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let feed = feed.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut first = String::new();
                let _ = reader.read_line(&mut first);
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                }
                let path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
                let (ct, body) = if path == "/feed.xml" {
                    ("application/rss+xml", feed.to_string())
                } else if let Some(i) = path.strip_prefix("/a/").and_then(|i| i.parse::<usize>().ok()) {
                    let paragraphs: String = text(i).lines().map(|l| format!("<p>{l}</p>")).collect();
                    (
                        "text/html",
                        format!("<html><head><title>Bulletin {i}</title></head><body><nav>Accueil</nav><article><h1>Bulletin {i}</h1>{paragraphs}</article></body></html>"),
                    )
                } else {
                    let _ =
                        stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    return;
                };
                // One write: a separate head and body can stall on Nagle and delayed ACKs.
                let reply = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(reply.as_bytes());
            });
        }
    });
    base
}

fn bench_feed(dir: &Path, n: usize) {
    let base = serve(n);
    let store = Store::open(&dir.join("feed.db")).unwrap();
    let mut ing = ingester(store, true);
    let t = Instant::now();
    ing.ingest(&format!("{base}/feed.xml")).unwrap();
    let secs = t.elapsed().as_secs_f64();
    assert_eq!(ing.summary.new as usize, n, "{}", ing.summary);
    println!(
        "loopback feed: {n} articles (feed + one page each) in {secs:.2} s = {:.0} docs/s",
        n as f64 / secs
    );
}

fn synthetic(i: usize) -> Event {
    let p = PLACES[i % PLACES.len()];
    Event {
        event_id: format!("BENCH-{i:07}"),
        event_date: format!("20{:02}-{:02}-{:02}", 14 + i % 10, 1 + i % 12, 1 + i % 28),
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
        location: p.into(),
        latitude: Some(16.0 + (i % 1000) as f64 / 1000.0),
        longitude: Some(-3.0 - (i % 997) as f64 / 1000.0),
        geo_precision: 1,
        notes: format!("Clash near {p}, report {i}."),
        fatalities: (i % 5) as u32,
        fatalities_low: (i % 5) as u32,
        fatalities_best: (i % 5) as u32,
        fatalities_high: (i % 5) as u32 + 1,
        timestamp: 1_709_600_000,
        language: "fr".into(),
        confidence: 0.8,
        evidence: vec![Evidence {
            field: "event_type".into(),
            start: 0,
            end: 5,
            text: "clash".into(),
            within: None,
            doc_id: None,
        }],
        ..Default::default()
    }
}

fn bench_export(dir: &Path, events: usize) {
    let mut store = Store::open(&dir.join("export.db")).unwrap();
    store.set_merging(false);
    let per_doc = 1000;
    let t = Instant::now();
    for d in 0..events.div_ceil(per_doc) {
        let doc = veille_model::Document {
            id: format!("bench-{d}"),
            text: format!("Synthetic document {d}."),
            ..Default::default()
        };
        let evs: Vec<Event> = (d * per_doc..((d + 1) * per_doc).min(events)).map(synthetic).collect();
        store.put(&doc, &evs, 0).unwrap();
    }
    println!(
        "store: {events} synthetic events written in {:.1} s (merging off)",
        t.elapsed().as_secs_f64()
    );
    for (format, name) in [
        (Format::AcledCsv, "events.csv"),
        (Format::GeoJson, "events.geojson"),
        (Format::Parquet, "events.parquet"),
        (Format::JsonLines, "events.jsonl"),
    ] {
        let path = dir.join(name);
        let t = Instant::now();
        let out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        let mut w = Writer::new(format, out).unwrap();
        store
            .for_each_event(&EventFilter::default(), |e| {
                w.push(&e)
                    .map_err(|e| veille_ingest::veille_store::StoreError::NotFound(e.to_string()))
            })
            .unwrap();
        let n = w.finish().unwrap();
        let size = std::fs::metadata(&path).unwrap().len();
        println!(
            "export {name}: {n} events in {:.1} s ({:.0} MB)",
            t.elapsed().as_secs_f64(),
            size as f64 / 1e6
        );
    }
}

fn main() {
    // `cargo bench` passes `--bench`; the first number given, if any, is the event count.
    let events: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let dir = std::env::temp_dir().join(format!("veille-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    bench_folder(&dir, 2000, true);
    bench_folder(&dir, 2000, false);
    bench_feed(&dir, 500);
    bench_export(&dir, events);
    let _ = std::fs::remove_dir_all(&dir);
}
