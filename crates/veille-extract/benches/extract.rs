//! Throughput of `Extractor::extract` (geoparser included) on the French news of
//! `../shared/data/news-fr/`, repeated to at least 50 MB of text: MB/s and documents/s on
//! one thread and on all cores, on one thread again with a country hint (BF), and the
//! process's peak RSS (VmHWM).
//!
//! Run: `cargo bench -p veille-extract --bench extract` (set VEILLE_SHARED to point
//! elsewhere than `<repo>/../shared`; VEILLE_BENCH_MB to change the 50 MB target).

use std::path::{Path, PathBuf};
use std::time::Instant;

use veille_extract::Extractor;
use veille_model::Document;

// The allocator of the `veille` binary: allocation is a sixth of the work, so the
// system's would measure another program than the command people run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn shared() -> PathBuf {
    std::env::var_os("VEILLE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn run(extractor: &Extractor, docs: &[Document], threads: usize) -> (f64, usize) {
    let chunk = docs.len().div_ceil(threads);
    let start = Instant::now();
    let events: usize = std::thread::scope(|s| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|d| extractor.extract(d).map_or(0, |e| e.len()))
                        .sum::<usize>()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("bench thread")).sum()
    });
    (start.elapsed().as_secs_f64(), events)
}

fn main() {
    let dir = shared().join("data/news-fr");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: {} is absent", dir.display());
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut base = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("readable news file");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            if let Ok(d) = serde_json::from_str::<Document>(line) {
                base.push(d);
            }
        }
    }
    if base.is_empty() {
        eprintln!("skipping: no documents in {}", dir.display());
        return;
    }
    let target_mb: usize = std::env::var("VEILLE_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let mut docs = Vec::new();
    let mut bytes = 0usize;
    let mut round = 0;
    while bytes < target_mb << 20 {
        for d in &base {
            let mut d = d.clone();
            d.id = format!("{}#{round}", d.id);
            bytes += d.text.len() + d.title.as_ref().map_or(0, String::len);
            docs.push(d);
        }
        round += 1;
    }
    let mb = bytes as f64 / (1 << 20) as f64;
    let t0 = Instant::now();
    let extractor = Extractor::new(None).expect("built-in lexicons load");
    println!(
        "setup (lexicons + gazetteer): {:.0} ms",
        t0.elapsed().as_secs_f64() * 1000.0
    );
    println!(
        "input: {} documents, {mb:.1} MB of text ({} distinct documents repeated {round} times)",
        docs.len(),
        base.len()
    );
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for threads in [1, cores] {
        let (secs, events) = run(&extractor, &docs, threads);
        println!(
            "{threads} thread(s): {:.2} s, {:.1} MB/s, {:.0} docs/s, {:.1} MB/s per core, {events} events",
            secs,
            mb / secs,
            docs.len() as f64 / secs,
            mb / secs / threads as f64
        );
        if threads == cores {
            break;
        }
    }
    // A source configured with its country (lefaso.net is Burkinabè): unknown words after
    // a locative are then looked up as near spellings among that country's places.
    // Set in place: a copy would add the corpus again to the peak RSS reported below.
    for d in &mut docs {
        d.country = Some("BF".into());
    }
    let (secs, events) = run(&extractor, &docs, 1);
    println!(
        "1 thread, country hint BF: {:.2} s, {:.1} MB/s, {:.0} docs/s, {events} events",
        secs,
        mb / secs,
        docs.len() as f64 / secs
    );
    if let Some(rss) = peak_rss_mb() {
        println!("peak RSS (VmHWM): {rss:.0} MB");
    }
}
