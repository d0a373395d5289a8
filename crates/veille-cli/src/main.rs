//! `veille`: a thin binary over the pipeline crates. Each subcommand lives in
//! its own module under `cmd/` and only parses arguments, calls the library
//! crates and prints; no pipeline logic lives here.

use anyhow::Result;
use clap::{Parser, Subcommand};

mod cmd;

#[derive(Parser)]
#[command(
    name = "veille",
    version,
    about = "Conflict news in, ACLED-coded events out, offline."
)]
struct Cli {
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

fn main() -> Result<()> {
    let cli = Cli::parse();
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
