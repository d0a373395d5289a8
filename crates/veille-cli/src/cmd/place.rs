use anyhow::Result;
use veille_geoparse::{Geoparser, Hints};

#[derive(clap::Args)]
pub struct Args {
    /// A place name, in any spelling ("Tombouctou", "Gourma Rharous").
    pub name: String,
    /// Country hint (ISO 3166-1 alpha-2).
    #[arg(long)]
    pub country: Option<String>,
    /// How many candidates to list.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

/// Lists the gazetteer candidates for a name with their context-free scores.
pub fn run(args: Args) -> Result<()> {
    let geoparser = Geoparser::embedded();
    let gazetteer = geoparser.gazetteer();
    let hints = Hints {
        country: args.country.clone(),
        lang: None,
        regions: Vec::new(),
    };
    let candidates = geoparser.candidates(&args.name, &hints);
    if candidates.is_empty() {
        outln!("no gazetteer entry for {:?}", args.name);
        return Ok(());
    }
    outln!(
        "{:>7}  {:>9}  {:<28} {:<6} {:<2} {:<24} {:<24} {:>10}  {:>9} {:>10}",
        "score",
        "geonames",
        "name",
        "code",
        "cc",
        "admin1",
        "admin2",
        "population",
        "lat",
        "lon"
    );
    for c in candidates.iter().take(args.limit) {
        let p = gazetteer.place(c.place);
        outln!(
            "{:>7.2}  {:>9}  {:<28} {:<6} {:<2} {:<24} {:<24} {:>10}  {:>9.4} {:>10.4}",
            c.score,
            p.geonames_id,
            p.name,
            p.feature_code,
            p.country_code,
            p.admin1,
            p.admin2,
            p.population,
            p.latitude,
            p.longitude
        );
    }
    if candidates.len() > args.limit {
        outln!("... {} more", candidates.len() - args.limit);
    }
    Ok(())
}
