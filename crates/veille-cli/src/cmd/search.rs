use std::path::PathBuf;

use anyhow::Result;
use veille_ingest::veille_store::Store;

#[derive(clap::Args)]
pub struct Args {
    /// Words to find, all required, case and accents ignored; `word*` matches a prefix.
    #[arg(required = true)]
    pub query: Vec<String>,
    #[arg(long, default_value = "veille.db")]
    pub db: PathBuf,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// One JSON object per hit instead of text.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> Result<()> {
    if !args.db.exists() {
        anyhow::bail!("{}: no store here (run `veille ingest` first)", args.db.display());
    }
    let store = Store::open(&args.db)?;
    let hits = store.search(&args.query.join(" "), args.limit)?;
    for hit in &hits {
        if args.json {
            outln!("{}", serde_json::to_string(hit)?);
        } else {
            outln!(
                "{}\t{}\t{}\n    {}",
                hit.published.as_deref().unwrap_or("-"),
                hit.doc_id,
                hit.title.as_deref().unwrap_or(""),
                hit.snippet.replace('\n', " ")
            );
        }
    }
    if !args.json {
        eprintln!("{} hit(s)", hits.len());
    }
    Ok(())
}
