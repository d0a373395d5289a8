use std::path::PathBuf;

use anyhow::Result;
use veille_ingest::watch::{self, WatchConfig};

use super::ingest::Common;

#[derive(clap::Args)]
pub struct Args {
    /// Sources to poll, with their intervals, country and language (TOML).
    #[arg(long)]
    pub config: PathBuf,
    /// Poll every source once, then exit.
    #[arg(long)]
    pub once: bool,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(args: Args) -> Result<()> {
    let config = WatchConfig::load(&args.config)?;
    let mut options = args.common.options()?;
    options.fetch.min_host_delay = config.min_host_delay;
    let mut ingester = args.common.ingester(options.clone())?;
    // Runs until killed (or after one round with --once): Ctrl-C or SIGTERM
    // mid-poll leaves the store consistent, as every document is its own
    // transaction, so no signal handler is needed.
    let result = watch::run(&mut ingester, &config, &options, args.once, &|| false);
    let (_, summary) = ingester.finish();
    if args.common.quiet {
        eprintln!("{summary}");
    }
    result?;
    Ok(())
}
