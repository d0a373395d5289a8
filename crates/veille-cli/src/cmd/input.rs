//! Reading documents the same way in every command: errors named on stderr,
//! the rest processed, `--fail-fast` to stop at the first.

use std::path::PathBuf;

use anyhow::{bail, Result};
use veille_input::{DocumentReader, ReadOptions};
use veille_model::Document;

#[derive(clap::Args, Clone)]
pub struct InputArgs {
    /// Stop at the first input error instead of reporting it and going on.
    #[arg(long)]
    pub fail_fast: bool,
    /// Largest document accepted, in MiB.
    #[arg(long, default_value_t = 10)]
    pub max_document_mib: usize,
}

/// Calls `each` on every readable document; returns how many inputs failed.
pub fn read_documents(
    files: &[PathBuf],
    args: &InputArgs,
    mut each: impl FnMut(Document) -> Result<()>,
) -> Result<usize> {
    let options = ReadOptions {
        max_document_bytes: args.max_document_mib << 20,
    };
    let mut failures = 0;
    for item in DocumentReader::new(files, options) {
        match item {
            Ok(doc) => each(doc)?,
            Err(e) => {
                if args.fail_fast {
                    bail!("{e}");
                }
                eprintln!("error: {e}");
                failures += 1;
            }
        }
    }
    Ok(failures)
}
