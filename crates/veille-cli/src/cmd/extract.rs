use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use veille_extract::output::{EventWriter, Format};
use veille_extract::Extractor;
use veille_input::{DocumentReader, ReadOptions};

#[derive(clap::Args)]
pub struct Args {
    /// JSON Lines, .txt or .html files, or folders; `-` or nothing reads JSON Lines from standard input.
    pub files: Vec<PathBuf>,
    /// Output format: one event per line, ACLED's 31 CSV columns, or a GeoJSON FeatureCollection.
    #[arg(long, default_value = "jsonl", value_parser = ["jsonl", "csv", "geojson"])]
    pub format: String,
    /// Publication date (YYYY-MM-DD) for documents that carry none; relative dates resolve against it.
    #[arg(long)]
    pub published: Option<String>,
    /// Country hint (ISO 3166-1 alpha-2), overriding the documents' own.
    #[arg(long)]
    pub country: Option<String>,
    /// Language of the documents (fr or en), overriding detection.
    #[arg(long, value_parser = ["fr", "en"])]
    pub lang: Option<String>,
    /// Directory of lexicon files (actors.toml, triggers.toml, cues.toml, counts.toml,
    /// dates.toml, taxonomy.toml, countries.tsv) that add to or replace the built-in entries.
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
    /// Stop at the first bad input instead of reporting it and going on.
    #[arg(long)]
    pub fail_fast: bool,
    /// The least confidence kept, 0 to 1 (docs/extraction.md; `veille eval news-fr` prints
    /// precision and recall at each level).
    #[arg(long)]
    pub min_confidence: Option<f32>,
    /// Keep the events the text places no finer than a country. ACLED codes none it cannot
    /// place in a first-level unit, and these are mostly totals and general news.
    #[arg(long)]
    pub keep_unplaced: bool,
}

pub fn run(args: Args) -> Result<()> {
    let published = match &args.published {
        Some(p) => {
            Some(veille_extract::parse_date(p).with_context(|| format!("--published {p:?}: expected YYYY-MM-DD"))?)
        }
        None => None,
    };
    super::export::check_confidence(args.min_confidence)?;
    if let Some(c) = &args.country {
        if c.len() != 2 || !c.chars().all(|c| c.is_ascii_alphabetic()) {
            bail!("--country {c:?}: expected an ISO 3166-1 alpha-2 code such as ML");
        }
    }
    let format = match args.format.as_str() {
        "csv" => Format::Csv,
        "geojson" => Format::Geojson,
        _ => Format::Jsonl,
    };
    let extractor = Extractor::new(args.lexicon.as_deref())?
        .with_published(published)
        .with_country(args.country.clone())
        .with_lang(args.lang.clone())
        .with_unplaced(args.keep_unplaced);

    let stdout = std::io::stdout();
    let mut writer = EventWriter::new(format, std::io::BufWriter::new(stdout.lock()))?;
    let mut failures = 0usize;
    for item in DocumentReader::new(&args.files, ReadOptions::default()) {
        let result = item.map_err(|e| e.to_string()).and_then(|mut doc| {
            if doc.source.is_none() {
                doc.source = doc.url.as_deref().and_then(veille_ingest::outlet_of_url);
            }
            extractor.extract(&doc).map_err(|e| e.to_string())
        });
        match result {
            Ok(events) => {
                let floor = args.min_confidence.unwrap_or(0.0);
                for e in events.iter().filter(|e| e.confidence >= floor) {
                    writer.write(e)?;
                }
            }
            Err(problem) => {
                if args.fail_fast {
                    writer.finish()?.flush()?;
                    bail!("{problem}");
                }
                eprintln!("error: {problem}");
                failures += 1;
            }
        }
    }
    writer.finish()?.flush()?;
    if failures > 0 {
        bail!("{failures} input(s) failed (see errors above)");
    }
    Ok(())
}
