//! Points `include_bytes!` at the committed asset, or at an empty file when a
//! checkout has none yet (the program then runs with an empty gazetteer).
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let asset = manifest.join("../../assets/gazetteer.bin");
    println!("cargo:rerun-if-changed={}", asset.display());
    let path = if asset.is_file() {
        asset
    } else {
        let empty = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("empty-gazetteer.bin");
        std::fs::write(&empty, b"").unwrap();
        empty
    };
    println!("cargo:rustc-env=VEILLE_GAZETTEER_ASSET={}", path.display());
}
