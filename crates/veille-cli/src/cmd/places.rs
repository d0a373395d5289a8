use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Result};
use veille_geoparse::Geoparser;

use super::input::{read_documents, InputArgs};

#[derive(clap::Args)]
pub struct Args {
    /// JSON Lines, .txt or .html files, or folders; `-` or nothing reads JSON Lines from standard input.
    pub files: Vec<PathBuf>,
    /// Output format (one JSON object per document).
    #[arg(long, default_value = "jsonl", value_parser = ["jsonl"])]
    pub format: String,
    /// Country hint (ISO 3166-1 alpha-2) for documents that carry none.
    #[arg(long)]
    pub country: Option<String>,
    /// Directory of extra word lists (geoparse-cues.toml, geoparse-demonyms.tsv, ...).
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
}

/// One output line. Serialised directly: building a `serde_json::Value` first
/// cost a sixteenth of the command's time.
#[derive(serde::Serialize)]
struct DocumentPlaces<'a> {
    id: &'a str,
    places: &'a [veille_model::PlaceMention],
}

/// `{"id", "places": [...]}` per document. Offsets are Unicode code points.
pub fn run(args: Args) -> Result<()> {
    let geoparser = match &args.lexicon {
        Some(dir) => Geoparser::new(veille_gazetteer::Gazetteer::embedded(), Some(dir))?,
        None => Geoparser::embedded(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let failures = read_documents(&args.files, &args.input, |mut doc| {
        if doc.country.is_none() {
            doc.country.clone_from(&args.country);
        }
        let places = geoparser.document(&doc);
        serde_json::to_writer(
            &mut out,
            &DocumentPlaces {
                id: &doc.id,
                places: &places,
            },
        )?;
        out.write_all(b"\n")?;
        Ok(())
    })?;
    out.flush()?;
    if failures > 0 {
        bail!("{failures} input(s) could not be read (see errors above)");
    }
    Ok(())
}
