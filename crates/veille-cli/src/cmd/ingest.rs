use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use veille_extract::Extractor;
use veille_ingest::fetch::FetchOptions;
use veille_ingest::progress::Progress;
use veille_ingest::veille_store::{MergeRules, Store};
use veille_ingest::{IngestOptions, Ingester};

#[derive(clap::Args)]
pub struct Args {
    /// Feed or page URLs, folders, files (.txt, .html), JSON Lines files, or - (JSON Lines on stdin).
    #[arg(required = true)]
    pub sources: Vec<String>,
    #[command(flatten)]
    pub common: Common,
}

/// Options shared by `ingest` and `watch`.
#[derive(clap::Args, Clone)]
pub struct Common {
    /// The store (SQLite, created when missing).
    #[arg(long, default_value = "veille.db")]
    pub db: PathBuf,
    /// Allow fetching from private, loopback and link-local addresses.
    #[arg(long)]
    pub allow_private: bool,
    /// ISO 3166-1 alpha-2 country the sources cover (a geoparsing hint).
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// The sources' language; detected on each text when absent.
    #[arg(long, value_parser = ["fr", "en"])]
    pub lang: Option<String>,
    /// The outlet's name (default: the feed's title or the page's host).
    #[arg(long)]
    pub source: Option<String>,
    /// Extra lexicon files for the extractor.
    #[arg(long, value_name = "DIR")]
    pub lexicons: Option<PathBuf>,
    /// Merge rules replacing the built-in ones (TOML).
    #[arg(long, value_name = "FILE")]
    pub merge_rules: Option<PathBuf>,
    /// Store every report as its own event.
    #[arg(long)]
    pub no_merge: bool,
    /// Keep the events the text places no finer than a country (as `extract --keep-unplaced`).
    #[arg(long)]
    pub keep_unplaced: bool,
    /// Publication date (YYYY-MM-DD) to read relative dates against for
    /// documents that carry none (default: the day fetched, or the file's date).
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Largest response body accepted, in bytes.
    #[arg(long, default_value_t = 10 << 20)]
    pub max_body_bytes: u64,
    /// Only errors and the final summary.
    #[arg(long, short)]
    pub quiet: bool,
}

impl Common {
    pub fn options(&self) -> Result<IngestOptions> {
        if let Some(c) = &self.country {
            if c.len() != 2 || !c.chars().all(|c| c.is_ascii_alphabetic()) {
                bail!("--country {c:?}: expected an ISO 3166-1 alpha-2 code such as ML");
            }
        }
        if let Some(d) = &self.published {
            if chrono_like_date(d).is_none() {
                bail!("--published {d:?}: expected a date as YYYY-MM-DD");
            }
        }
        Ok(IngestOptions {
            fetch: FetchOptions {
                allow_private: self.allow_private,
                max_body_bytes: self.max_body_bytes,
                ..FetchOptions::default()
            },
            country: self.country.as_ref().map(|c| c.to_ascii_uppercase()),
            lang: self.lang.clone(),
            source_name: self.source.clone(),
            published_fallback: self.published.clone(),
        })
    }

    pub fn open_store(&self) -> Result<Store> {
        let mut store = Store::open(&self.db)?;
        if let Some(path) = &self.merge_rules {
            let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
            store.set_merge_rules(MergeRules::from_toml(&path.display().to_string(), &text)?);
        }
        store.set_merging(!self.no_merge);
        Ok(store)
    }

    pub fn ingester(&self, options: IngestOptions) -> Result<Ingester> {
        let store = self.open_store()?;
        let extractor = Extractor::new(self.lexicons.as_deref())?.with_unplaced(self.keep_unplaced);
        let progress = if self.quiet {
            Progress::quiet()
        } else {
            Progress::new(std::io::stderr().is_terminal())
        };
        Ok(Ingester::new(store, extractor, options, progress))
    }
}

pub fn run(args: Args) -> Result<()> {
    let options = args.common.options()?;
    let mut ingester = args.common.ingester(options)?;
    for source in &args.sources {
        ingester.ingest(source)?;
    }
    let (_, summary) = ingester.finish();
    if args.common.quiet {
        eprintln!("{summary}");
    }
    if summary.errors > 0 {
        bail!(
            "{} item(s) could not be ingested (see the errors above)",
            summary.errors
        );
    }
    Ok(())
}

fn chrono_like_date(d: &str) -> Option<()> {
    let b = d.as_bytes();
    (b.len() == 10 && b[4] == b'-' && b[7] == b'-' && d.chars().filter(char::is_ascii_digit).count() == 8).then_some(())
}
