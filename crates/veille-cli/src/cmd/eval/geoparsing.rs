use std::path::PathBuf;

use anyhow::Result;
use veille_eval::geoparsing::{load_corpus, score_acled_locations, score_corpus};
use veille_geoparse::Geoparser;

#[derive(clap::Args)]
pub struct Args {
    /// Folder of the geoparsing corpora (lgl.xml, GWN.xml, GeoVirus.xml).
    #[arg(long, default_value = "../shared/data/geoparsing")]
    pub corpora: PathBuf,
    /// ACLED CSV files whose geo_precision-1 locations are scored.
    #[arg(long, default_values = ["../shared/data/acled/burkina-faso-1997-2020.csv", "../shared/data/acled/niger-1997-2020-hxl.csv"])]
    pub acled: Vec<PathBuf>,
    /// How many Sahel misses to list.
    #[arg(long, default_value_t = 15)]
    pub show_misses: usize,
    /// Write every resolution-only miss of the corpora to this folder (one TSV per corpus).
    #[arg(long)]
    pub failures: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<()> {
    let geoparser = Geoparser::embedded();
    for file in ["GWN.xml", "lgl.xml", "GeoVirus.xml"] {
        let path = args.corpora.join(file);
        if !path.exists() {
            eprintln!("skipping {}: not found", path.display());
            continue;
        }
        let articles = load_corpus(&path)?;
        let scores = score_corpus(file, &articles, &geoparser);
        out!("{scores}");
        if let Some(dir) = &args.failures {
            std::fs::create_dir_all(dir)?;
            std::fs::write(
                dir.join(format!("{file}.failures.tsv")),
                scores.failures.join("\n") + "\n",
            )?;
            std::fs::write(
                dir.join(format!("{file}.false-alarms.tsv")),
                scores.false_alarms.join("\n") + "\n",
            )?;
        }
    }
    for path in &args.acled {
        if !path.exists() {
            eprintln!("skipping {}: not found", path.display());
            continue;
        }
        let scores = score_acled_locations(path, &geoparser)?;
        out!("{scores}");
        let mut counts = std::collections::BTreeMap::new();
        for miss in &scores.misses {
            *counts.entry(miss).or_insert(0usize) += 1;
        }
        let mut ranked: Vec<_> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        for ((location, country, got), n) in ranked.into_iter().take(args.show_misses) {
            outln!("  {n:>4} x {location} ({country}): {got}");
        }
    }
    Ok(())
}
