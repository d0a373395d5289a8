use std::path::PathBuf;

use anyhow::Result;
use veille_ingest::veille_store::Store;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Every merge of reports into events, with why; undone ones are marked.
    List {
        #[arg(long, default_value = "veille.db")]
        db: PathBuf,
        /// One JSON object per merge.
        #[arg(long)]
        json: bool,
    },
    /// Take a merged report back out into an event of its own.
    Undo {
        id: i64,
        #[arg(long, default_value = "veille.db")]
        db: PathBuf,
    },
}

pub fn run(command: Command) -> Result<()> {
    match command {
        Command::List { db, json } => {
            let store = open(&db)?;
            for m in store.merges()? {
                if json {
                    outln!("{}", serde_json::to_string(&m)?);
                } else {
                    let state = if m.undone_at.is_some() { " (undone)" } else { "" };
                    outln!(
                        "{}\t{} <- {} ({}){state}\n    {}",
                        m.id,
                        m.event_id,
                        m.report_event_id,
                        m.doc_id,
                        m.explanation
                    );
                }
            }
            Ok(())
        }
        Command::Undo { id, db } => {
            let mut store = open(&db)?;
            let m = store.undo_merge(id, veille_ingest::now())?;
            outln!(
                "undone merge {}: {} is an event of its own again",
                m.id,
                m.report_event_id
            );
            Ok(())
        }
    }
}

fn open(db: &std::path::Path) -> Result<Store> {
    if !db.exists() {
        anyhow::bail!("{}: no store here (run `veille ingest` first)", db.display());
    }
    Ok(Store::open(db)?)
}
