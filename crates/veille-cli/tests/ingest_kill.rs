//! SIGKILL in the middle of `veille ingest`: the store stays sound, and the
//! same command run again ends with every document stored exactly once.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use veille_ingest::veille_store::Store;

const DOCS: usize = 300;

fn write_corpus(dir: &Path) {
    let places = [
        "Tonka",
        "Goundam",
        "Niafunké",
        "Léré",
        "Ber",
        "Hombori",
        "Boni",
        "Diafarabé",
    ];
    for i in 0..DOCS {
        let place = places[i % places.len()];
        let text = format!(
            "Bulletin {i}. Des hommes armés ont attaqué un poste de sécurité près de {place} \
dans la nuit de lundi à mardi. Le bilan fait état de {} morts selon une source locale. \
Les forces de défense ont ensuite ratissé la zone pendant plusieurs heures.\n",
            i % 7 + 1
        );
        std::fs::write(dir.join(format!("{i:05}.txt")), text).unwrap();
    }
}

fn documents(db: &Path) -> u64 {
    match Store::open(db) {
        Ok(store) => store.counts().map(|c| c.documents).unwrap_or(0),
        Err(_) => 0,
    }
}

fn ingest(corpus: &Path, db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_veille"));
    cmd.arg("ingest")
        .arg(corpus)
        .arg("--db")
        .arg(db)
        .arg("--published")
        .arg("2024-03-05")
        .arg("--quiet")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

#[test]
fn sigkill_mid_ingest_leaves_a_sound_store_and_a_rerun_completes_it() {
    let dir = std::env::temp_dir().join(format!("veille-kill-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    write_corpus(&corpus);
    let db = dir.join("veille.db");

    let mut child = ingest(&corpus, &db).spawn().unwrap();
    let started = Instant::now();
    // Kill as soon as some documents are committed, well before the end.
    loop {
        if documents(&db) >= 20 {
            break;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("ingest ended ({status}) before it could be killed; raise DOCS");
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "ingest stored nothing in 120 s"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();

    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), Ok(()));
    let partial = store.counts().unwrap();
    drop(store);
    assert!(
        partial.documents > 0 && (partial.documents as usize) < DOCS,
        "killed mid-run: {partial:?}"
    );

    let out = ingest(&corpus, &db).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(
        summary.contains(&format!("{} new", DOCS as u64 - partial.documents)),
        "the rerun adds exactly the missing documents: {summary}"
    );

    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), Ok(()));
    assert_eq!(store.counts().unwrap().documents as usize, DOCS);
    drop(store);

    let again = ingest(&corpus, &db).output().unwrap();
    assert!(String::from_utf8_lossy(&again.stderr).contains(&format!("0 new, 0 updated, {DOCS} unchanged")));
    let _ = std::fs::remove_dir_all(&dir);
}
