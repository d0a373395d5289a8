//! `veille`: a thin binary over the pipeline crates. Each subcommand lives in
//! its own module under `cmd/` and only parses arguments, calls the library
//! crates and prints; no pipeline logic lives here.
//!
//! Dependencies: `mimalloc` is the global allocator. Extraction makes some 390 small
//! allocations per document (mention records, per-sentence vectors, hit lists), and
//! glibc's malloc and free took 15% of `veille extract`; with mimalloc the command takes
//! about 10% less CPU (`veille places` 8%) for a few MB more peak RSS. It is a small C
//! library built by `cc`, which the bundled SQLite already needs.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

/// `println!` that hands a closed pipe back as an error instead of panicking
/// (`veille place Kiri | head -3`); `main` then exits quietly.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?
    }};
}

/// `print!` with the same behaviour as [`outln!`].
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)?
    }};
}

mod cmd;

// Not in a library crate: the allocator is the program's choice, not its dependencies'.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "veille",
    version,
    about = "Conflict news in, ACLED-coded events out, offline."
)]
struct Cli {
    /// Gazetteer asset to use instead of the one compiled in: one built with `veille
    /// gazetteer build`, from GeoNames' allCountries dump for instance. Also read from
    /// VEILLE_GAZETTEER.
    #[arg(long, global = true, value_name = "FILE")]
    gazetteer: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Find and resolve the places named in documents.
    Places(cmd::places::Args),
    /// List the gazetteer candidates for one name, with their scores.
    Place(cmd::place::Args),
    /// Build or inspect the gazetteer asset.
    #[command(subcommand)]
    Gazetteer(cmd::gazetteer::Command),
    /// Extract ACLED-coded events from documents.
    Extract(cmd::extract::Args),
    /// Ingest feeds, pages, folders or files into the store.
    Ingest(cmd::ingest::Args),
    /// Poll configured sources and ingest what is new.
    Watch(cmd::watch::Args),
    /// Full-text search over stored articles.
    Search(cmd::search::Args),
    /// Export stored events.
    Export(cmd::export::Args),
    /// List or undo merges of reports into events.
    #[command(subcommand)]
    Merges(cmd::merges::Command),
    /// Score Veille against development gold data.
    #[command(subcommand)]
    Eval(cmd::eval::Command),
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`| head`): what it wanted was written.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Error: {e:?}");
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<()> {
    let gazetteer = cli
        .gazetteer
        .or_else(|| std::env::var_os("VEILLE_GAZETTEER").map(PathBuf::from));
    if let Some(path) = gazetteer {
        veille_gazetteer::Gazetteer::install(&path)
            .with_context(|| format!("loading the gazetteer {}", path.display()))?;
    }
    match cli.command {
        Command::Places(args) => cmd::places::run(args),
        Command::Place(args) => cmd::place::run(args),
        Command::Gazetteer(command) => cmd::gazetteer::run(command),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Watch(args) => cmd::watch::run(args),
        Command::Search(args) => cmd::search::run(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Merges(command) => cmd::merges::run(command),
        Command::Eval(command) => cmd::eval::run(command),
    }
}
