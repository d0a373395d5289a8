//! What the extractor's test files share.

use std::path::{Path, PathBuf};

/// `$VEILLE_SHARED`, or the `shared` folder beside the repository: the development data
/// that tests read when present and skip, with a notice, when not.
pub fn shared() -> PathBuf {
    std::env::var_os("VEILLE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}
