use anyhow::{bail, Result};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Not implemented yet.
    Todo,
}

pub fn run(_command: Command) -> Result<()> {
    bail!("not implemented yet")
}
