//! Load time, lookup time and peak memory of the embedded gazetteer.
//! `cargo bench -p veille-gazetteer --bench load`
use std::time::Instant;

use veille_gazetteer::Gazetteer;

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let t = Instant::now();
    let g = Gazetteer::embedded();
    let load = t.elapsed();
    println!(
        "embedded(): {:.2} ms ({} places, {} keys, {:.1} MB)",
        load.as_secs_f64() * 1e3,
        g.len(),
        g.key_count(),
        g.byte_len() as f64 / 1e6
    );
    let words = [
        "tombouctou",
        "timbuktu",
        "gourma rharous",
        "goundam",
        "djibo",
        "ouagadougou",
        "niamey",
        "paris",
        "london",
        "springfield",
        "san jose",
        "zzzz",
        "le",
        "de",
        "attaque",
        "mopti",
    ];
    let rounds = 20_000;
    let t = Instant::now();
    let mut hits = 0usize;
    for _ in 0..rounds {
        for w in &words {
            hits += g.lookup(std::hint::black_box(w)).len();
        }
    }
    let per = t.elapsed().as_secs_f64() / (rounds * words.len()) as f64;
    println!(
        "lookup(): {:.0} ns per key (mixed hits and misses, {hits} hits)",
        per * 1e9
    );
    let t = Instant::now();
    let mut longer = 0usize;
    for _ in 0..rounds {
        for w in &words {
            longer += usize::from(g.has_longer_key(std::hint::black_box(w)));
        }
    }
    let per = t.elapsed().as_secs_f64() / (rounds * words.len()) as f64;
    println!("has_longer_key(): {:.0} ns per key ({longer} true)", per * 1e9);
    let t = Instant::now();
    let mut sum = 0.0;
    for _ in 0..rounds {
        for w in &words {
            for h in g.lookup(w) {
                sum += g.place(h.place).latitude;
            }
        }
    }
    let per = t.elapsed().as_secs_f64() / (rounds * words.len()) as f64;
    println!(
        "lookup() + place() for every hit: {:.0} ns per key ({sum:.0})",
        per * 1e9
    );
    match peak_rss_kb() {
        Some(kb) => println!("peak RSS (VmHWM): {:.1} MB", kb as f64 / 1024.0),
        None => println!("peak RSS: /proc/self/status not available"),
    }

    // Reading the asset from a file instead (what `Gazetteer::open` costs).
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/gazetteer.bin");
    if path.exists() {
        let t = Instant::now();
        let opened = Gazetteer::open(&path).expect("asset opens");
        println!(
            "open({}): {:.2} ms, {} places",
            path.display(),
            t.elapsed().as_secs_f64() * 1e3,
            opened.len()
        );
        if let Some(kb) = peak_rss_kb() {
            println!("peak RSS after open() too: {:.1} MB", kb as f64 / 1024.0);
        }
    }
}
