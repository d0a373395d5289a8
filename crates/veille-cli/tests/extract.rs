//! `veille extract` end to end, through the built binary.

mod common;

use common::veille;

#[test]
fn a_document_without_an_outlet_name_is_credited_to_its_url_host() {
    let input = "{\"id\":\"a\",\"url\":\"https://www.journal-a.example/2024/03/tonka\",\"published\":\"2024-03-06\",\
                 \"text\":\"Mardi 5 mars, des hommes armés ont attaqué le poste de gendarmerie de Tonka, dans le \
                 cercle de Goundam. Deux gendarmes ont été tués.\"}\n\
                 {\"id\":\"b\",\"source\":\"Journal B\",\"published\":\"2024-03-06\",\
                 \"text\":\"Mardi 5 mars, des hommes armés ont attaqué le poste de gendarmerie de Tonka, dans le \
                 cercle de Goundam. Deux gendarmes ont été tués.\"}\n";
    let (code, stdout, stderr) = veille(&["extract", "-", "--format", "jsonl"], input.as_bytes());
    assert_eq!(code, 0, "{stderr}");
    let events: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let source_of = |doc: &str| {
        events
            .iter()
            .find(|e| e["doc_id"] == doc)
            .map(|e| e["source"].as_str().unwrap_or_default().to_string())
    };
    assert_eq!(source_of("a").as_deref(), Some("www.journal-a.example"), "{stdout}");
    assert_eq!(source_of("b").as_deref(), Some("Journal B"), "{stdout}");
}

#[test]
fn events_placed_at_the_country_alone_are_kept_only_when_asked_and_min_confidence_keeps_the_surer() {
    let input = "{\"id\":\"country\",\"published\":\"2024-03-06\",\"text\":\"Mardi 5 mars, des hommes armés ont tué \
                 trois civils au Burkina Faso, selon une source locale.\"}\n\
                 {\"id\":\"village\",\"published\":\"2024-03-06\",\"text\":\"Mardi 5 mars, des hommes armés ont attaqué \
                 le poste de gendarmerie de Tonka, dans le cercle de Goundam. Deux gendarmes ont été tués.\"}\n";
    let docs_of = |stdout: &str| -> Vec<String> {
        let mut docs: Vec<String> = stdout
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["doc_id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        docs.sort();
        docs
    };
    // ACLED places every event in a first-level unit at least.
    let (code, placed, stderr) = veille(&["extract", "-"], input.as_bytes());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(docs_of(&placed), ["village"]);
    let (code, all, stderr) = veille(&["extract", "-", "--keep-unplaced"], input.as_bytes());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(docs_of(&all), ["country", "village"]);
    // An event placed at the country alone has a confidence of at most 0.5.
    let (code, sure, stderr) = veille(
        &["extract", "-", "--keep-unplaced", "--min-confidence", "0.55"],
        input.as_bytes(),
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(docs_of(&sure), ["village"]);
    let (code, _, stderr) = veille(&["extract", "-", "--min-confidence", "2"], input.as_bytes());
    assert_ne!(code, 0);
    assert!(stderr.contains("--min-confidence 2"), "{stderr}");
}

#[test]
fn ingest_stores_events_placed_at_the_country_alone_only_when_asked() {
    let dir = std::env::temp_dir().join(format!("veille-unplaced-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let docs = dir.join("docs.jsonl");
    std::fs::write(
        &docs,
        "{\"id\":\"country\",\"published\":\"2024-03-06\",\"text\":\"Mardi 5 mars, des hommes armés ont tué \
         trois bergers au Burkina Faso, selon un élu.\"}\n",
    )
    .unwrap();
    let events_stored = |extra: &[&str]| {
        let db = dir.join(format!("store{}.db", extra.len()));
        let db = db.to_str().unwrap();
        let mut args = vec!["ingest", docs.to_str().unwrap(), "--db", db, "--quiet"];
        args.extend_from_slice(extra);
        let (code, _, stderr) = veille(&args, b"");
        assert_eq!(code, 0, "{stderr}");
        let (code, out, stderr) = veille(&["export", "--db", db, "--format", "jsonl"], b"");
        assert_eq!(code, 0, "{stderr}");
        out.lines().count()
    };
    assert_eq!(events_stored(&[]), 0);
    assert_eq!(events_stored(&["--keep-unplaced"]), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}
