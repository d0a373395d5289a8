//! `veille eval acled`: extraction scored against ACLED's coding of its own notes.

use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::{Context, Result};
use veille_eval::acled::{document, load, score, AcledRow};
use veille_extract::Extractor;
use veille_model::Event;

#[derive(clap::Args)]
pub struct Args {
    /// ACLED CSV export (legacy 31 columns, or HDX with its HXL tag row).
    pub file: PathBuf,
    /// Score only the first N rows (of the country, with --country).
    #[arg(long)]
    pub limit: Option<usize>,
    /// Score only the rows of this country, by ACLED's name or ISO 3166-1 alpha-2 ("Chad",
    /// "TD"): for files that cover several.
    #[arg(long)]
    pub country: Option<String>,
    /// Write the full report, with every miss (row id, field, gold, predicted, masked notes),
    /// as JSON to this path. It quotes ACLED's notes: keep it out of the repository.
    #[arg(long)]
    pub report: Option<PathBuf>,
    /// Directory of extra lexicon files for the extractor.
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
}

/// Runs the extractor on every row, on all cores; a document the extractor refuses
/// counts as no event.
pub fn extract_rows(extractor: &Extractor, rows: &[AcledRow], threads: usize) -> HashMap<String, Vec<Event>> {
    let chunk = rows.len().div_ceil(threads.max(1)).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = rows
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|row| (row.id.clone(), extractor.extract(&document(row)).unwrap_or_default()))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("extraction thread panicked"))
            .collect()
    })
}

pub fn run(args: Args) -> Result<()> {
    let rows = load(&args.file, args.limit, args.country.as_deref())?;
    // The notes' place hints are masked on purpose: an event the masked note leaves
    // without a region is still scored on its other fields.
    let extractor = Extractor::new(args.lexicon.as_deref())?.with_unplaced(true);
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let predicted = extract_rows(&extractor, &rows, threads);
    let report = score(&rows, &predicted);
    outln!("{}", args.file.display());
    out!("{report}");
    if let Some(path) = &args.report {
        let json = serde_json::to_string_pretty(&report)?;
        std::fs::write(path, json).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}
