//! A gazetteer file installed in place of the compiled-in one. In a test binary of its own:
//! the program's gazetteer is process-wide.
use std::path::Path;

use veille_gazetteer::build::{build, BuildOptions};
use veille_gazetteer::Gazetteer;

#[test]
fn an_installed_file_is_the_programs_gazetteer_until_the_end() {
    let dir = std::env::temp_dir().join(format!("veille-gazetteer-install-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let asset = dir.join("mini.bin");
    build(&BuildOptions {
        from: Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini"),
        out: asset.clone(),
        ..Default::default()
    })
    .unwrap();
    let missing = Gazetteer::install(&dir.join("absent.bin")).unwrap_err();
    assert!(missing.to_string().contains("absent.bin"), "{missing}");
    Gazetteer::install(&asset).unwrap();
    // "Lointain" is a village of the test dumps only.
    assert!(!Gazetteer::embedded().lookup_name("Lointain").is_empty());
    let again = Gazetteer::install(&asset).unwrap_err();
    assert!(again.to_string().contains("already in use"), "{again}");
    std::fs::remove_dir_all(&dir).unwrap();
}
