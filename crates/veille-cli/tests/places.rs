//! `veille places` and `veille place` end to end, through the built binary.

mod common;

use std::process::{Command, Stdio};

use common::veille;

#[test]
fn places_reads_jsonl_and_names_bad_lines() {
    let input = "{\"id\":\"a\",\"text\":\"Une attaque a visé Djibo, dans la province du Soum.\"}\n\
                 {not json\n\
                 {\"id\":\"b\",\"text\":\"\"}\n\
                 {\"id\":\"c\",\"text\":\"Floods in Timbuktu.\",\"spans\":[[10,18]]}\n";
    let mut input = input.as_bytes().to_vec();
    input.extend(b"\xff\xfe\n");
    let (code, stdout, stderr) = veille(&["places", "-"], &input);
    assert_ne!(code, 0, "errors must show in the exit code");
    assert!(stderr.contains("stdin:2: malformed JSON"), "{stderr}");
    assert!(stderr.contains("stdin:3:") && stderr.contains("empty text"), "{stderr}");
    assert!(stderr.contains("stdin:5: invalid UTF-8"), "{stderr}");
    let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2, "the good documents are still processed: {stdout}");
    let a = &lines[0]["places"];
    assert!(a
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["text"] == "Djibo" && p["country_code"] == "BF" && p["admin2"] == "Soum"));
    let c = lines[1]["places"].as_array().unwrap();
    assert_eq!(c.len(), 1, "only the given span is resolved");
    assert_eq!((c[0]["start"].as_u64(), c[0]["end"].as_u64()), (Some(10), Some(18)));
    assert_eq!(c[0]["country_code"], "ML");
}

#[test]
fn fail_fast_stops_at_the_first_bad_line() {
    let input = "{broken\n{\"id\":\"a\",\"text\":\"Djibo\"}\n";
    let (code, stdout, stderr) = veille(&["places", "--fail-fast", "-"], input.as_bytes());
    assert_ne!(code, 0);
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("stdin:1"), "{stderr}");
}

#[test]
fn oversized_documents_are_refused_by_name() {
    let mut input = b"{\"id\":\"big\",\"text\":\"".to_vec();
    input.extend(std::iter::repeat_n(b'a', 2 << 20));
    input.extend("\"}\n{\"id\":\"ok\",\"text\":\"Attaque à Kaya.\"}\n".as_bytes());
    let (code, stdout, stderr) = veille(&["places", "--max-document-mib", "1", "-"], &input);
    assert_ne!(code, 0);
    assert!(
        stderr.contains("stdin:1: document of 2.0 MiB is over the 1.0 MiB limit"),
        "{stderr}"
    );
    assert!(stdout.contains("\"id\":\"ok\""), "{stdout}");
}

#[test]
fn place_lists_scored_candidates() {
    let (code, stdout, _) = veille(&["place", "Tombouctou", "--country", "ML"], b"");
    assert_eq!(code, 0);
    let first = stdout.lines().nth(1).unwrap();
    assert!(first.contains("ML") && first.contains("Tombouctou"), "{stdout}");
}

#[test]
fn a_reader_that_goes_away_is_no_panic() {
    // `veille place Kiri | head -1`: the pipe closes before the listing is written.
    let mut child = Command::new(env!("CARGO_BIN_EXE_veille"))
        .args(["place", "Kiri", "--limit", "500"])
        .env("RUST_BACKTRACE", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{:?} {stderr}", out.status);
}

#[test]
fn a_gazetteer_built_by_the_user_replaces_the_shipped_one() {
    let dir = std::env::temp_dir().join(format!("veille-user-gazetteer-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let asset = dir.join("mini.bin");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/../veille-gazetteer/tests/fixtures/mini");
    let (code, _, err) = veille(
        &[
            "gazetteer",
            "build",
            "--from",
            fixture,
            "--out",
            asset.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    // A village of the test dumps that the shipped gazetteer does not hold.
    let doc = br#"{"id":"d1","text":"Des hommes armes ont attaque le village de Lointain hier.","country":"ML"}"#;
    let (_, shipped, _) = veille(&["places", "-"], doc);
    assert!(!shipped.contains("Lointain\""), "{shipped}");
    let (code, out, err) = veille(&["--gazetteer", asset.to_str().unwrap(), "places", "-"], doc);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"geonames_id\":9000002"), "{out}");
    // A file that is no gazetteer is refused by name, before any document is read.
    let bogus = dir.join("bogus.bin");
    std::fs::write(&bogus, b"not a gazetteer").unwrap();
    let (code, out, err) = veille(&["places", "--gazetteer", bogus.to_str().unwrap(), "-"], doc);
    assert_ne!(code, 0);
    assert!(
        out.is_empty() && err.contains("bogus.bin") && !err.contains("panicked"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
