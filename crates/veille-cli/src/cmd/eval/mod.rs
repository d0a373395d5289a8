use anyhow::Result;

pub mod acled;
pub mod geoparsing;
pub mod news;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Score event extraction against an ACLED CSV (its `notes` fed as documents).
    Acled(acled::Args),
    /// Score the geoparser on LGL, GeoWebNews and GeoVirus, and on ACLED Sahel locations.
    Geoparsing(geoparsing::Args),
    /// Score event extraction against the hand-annotated French news gold.
    NewsFr(news::FrArgs),
    /// Score event extraction against the hand-annotated English general-news gold
    /// (the articles of the geoparsing corpora: mostly no event).
    NewsEn(news::EnArgs),
}

pub fn run(command: Command) -> Result<()> {
    match command {
        Command::Acled(args) => acled::run(args),
        Command::Geoparsing(args) => geoparsing::run(args),
        Command::NewsFr(args) => news::run_fr(args),
        Command::NewsEn(args) => news::run_en(args),
    }
}
