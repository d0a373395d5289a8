use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use veille_ingest::veille_export::{Format, Writer};
use veille_ingest::veille_store::{EventFilter, Store};

#[derive(clap::Args)]
pub struct Args {
    /// acled-csv, geojson, parquet or jsonl.
    #[arg(long)]
    pub format: Format,
    #[arg(long, default_value = "veille.db")]
    pub db: PathBuf,
    /// Output file (default: standard output; required for parquet).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// First event date, YYYY-MM-DD (inclusive).
    #[arg(long)]
    pub from: Option<String>,
    /// Last event date, YYYY-MM-DD (inclusive).
    #[arg(long)]
    pub to: Option<String>,
    /// Country: ISO 3166-1 alpha-2, alpha-3 or numeric code, or name (English or French).
    #[arg(long)]
    pub country: Option<String>,
    #[arg(long)]
    pub admin1: Option<String>,
    /// Event type or sub-event type.
    #[arg(long = "type")]
    pub event_type: Option<String>,
    /// Part of an actor's name.
    #[arg(long)]
    pub actor: Option<String>,
    /// min_lon,min_lat,max_lon,max_lat
    #[arg(long)]
    pub bbox: Option<String>,
    /// The least confidence kept, 0 to 1: 0.55 drops events placed in no first-level unit
    /// (docs/extraction.md).
    #[arg(long)]
    pub min_confidence: Option<f32>,
}

/// A `--min-confidence` is a number from 0 to 1.
pub(crate) fn check_confidence(c: Option<f32>) -> Result<()> {
    match c {
        Some(c) if !(0.0..=1.0).contains(&c) => bail!("--min-confidence {c}: expected a number from 0 to 1"),
        _ => Ok(()),
    }
}

fn check_date(flag: &str, d: &Option<String>) -> Result<()> {
    if let Some(d) = d {
        let b = d.as_bytes();
        let ok = b.len() == 10 && b[4] == b'-' && b[7] == b'-' && d.chars().filter(char::is_ascii_digit).count() == 8;
        if !ok {
            bail!("--{flag} {d:?}: expected a date as YYYY-MM-DD");
        }
    }
    Ok(())
}

fn parse_bbox(s: &str) -> Result<[f64; 4]> {
    let parts: Vec<f64> = s
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<std::result::Result<_, _>>()
        .with_context(|| format!("--bbox {s:?}: expected four numbers min_lon,min_lat,max_lon,max_lat"))?;
    let [a, b, c, d]: [f64; 4] = parts
        .try_into()
        .map_err(|_| anyhow::anyhow!("--bbox {s:?}: expected four numbers min_lon,min_lat,max_lon,max_lat"))?;
    if a > c || b > d {
        bail!("--bbox {s:?}: the minimum must come before the maximum");
    }
    Ok([a, b, c, d])
}

/// The ISO numeric code of a country given by code or name, through the
/// gazetteer's country table; a name it does not know is matched as written.
fn country_filter(given: &str) -> String {
    let given = given.trim();
    if given.chars().all(|c| c.is_ascii_digit()) {
        return given.to_string();
    }
    let g = veille_gazetteer::Gazetteer::embedded();
    let found = match given.len() {
        2 => g.country(given),
        3 => g.countries().find(|c| c.iso3.eq_ignore_ascii_case(given)),
        _ => None,
    }
    .or_else(|| g.country_by_name(&veille_gazetteer::fold_key(given)));
    match found {
        Some(c) => c.iso_numeric.to_string(),
        None => given.to_string(),
    }
}

pub fn run(args: Args) -> Result<()> {
    check_date("from", &args.from)?;
    check_date("to", &args.to)?;
    check_confidence(args.min_confidence)?;
    if !args.db.exists() {
        bail!("{}: no store here (run `veille ingest` first)", args.db.display());
    }
    let filter = EventFilter {
        from: args.from,
        to: args.to,
        country: args.country.as_deref().map(country_filter),
        admin1: args.admin1,
        event_type: args.event_type,
        actor: args.actor,
        bbox: args.bbox.as_deref().map(parse_bbox).transpose()?,
        min_confidence: args.min_confidence,
    };
    let store = Store::open(&args.db)?;
    let out: Box<dyn Write + Send> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None if args.format == Format::Parquet => bail!("--format parquet needs --output FILE"),
        None => Box::new(BufWriter::new(std::io::stdout())),
    };
    let mut writer = Writer::new(args.format, out)?;
    store.for_each_event(&filter, |e| writer.push(&e).map_err(anyhow::Error::from))?;
    let n = writer.finish()?;
    eprintln!("{n} event(s) exported");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bbox_and_dates_are_checked() {
        assert_eq!(parse_bbox("-5, 14,0,18").unwrap(), [-5.0, 14.0, 0.0, 18.0]);
        assert!(parse_bbox("-5,14,0").is_err());
        assert!(parse_bbox("0,14,-5,18").unwrap_err().to_string().contains("minimum"));
        assert!(check_date("from", &Some("2024-03-05".into())).is_ok());
        assert!(check_date("from", &Some("05/03/2024".into())).is_err());
        assert!(check_confidence(Some(0.55)).is_ok());
        assert!(check_confidence(Some(55.0)).unwrap_err().to_string().contains("0 to 1"));
    }

    #[test]
    fn countries_resolve_to_iso_numeric_codes() {
        assert_eq!(country_filter("466"), "466");
        // Without a gazetteer asset the code is kept as written and matched by name.
        if veille_gazetteer::Gazetteer::embedded().country_count() > 0 {
            assert_eq!(country_filter("ML"), "466");
            assert_eq!(country_filter("bfa"), "854");
            assert_eq!(country_filter("Tchad"), "148");
        }
        assert_eq!(country_filter("Atlantis"), "Atlantis");
    }
}
