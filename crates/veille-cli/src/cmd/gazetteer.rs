//! `veille gazetteer`: build, inspect and query the gazetteer asset.
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use veille_gazetteer::build::{build, BuildOptions};
use veille_gazetteer::Gazetteer;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Build the asset from a directory of GeoNames files
    /// (assemble one with scripts/gazetteer-sources.sh; see docs/gazetteer.md).
    Build {
        /// Directory holding GeoNames dumps (cities500.txt, allCountries.txt, XX.txt),
        /// admin1CodesASCII.txt, admin2Codes.txt, countryInfo.txt and optional extras.
        #[arg(long)]
        from: PathBuf,
        /// Asset to write.
        #[arg(long, default_value = "assets/gazetteer.bin")]
        out: PathBuf,
        /// Points this many km outside every admin polygon of their country are
        /// snapped to the nearest one.
        #[arg(long, default_value_t = 5.0)]
        snap_km: f64,
    },
    /// Print the counts and sources of an asset (default: the embedded one).
    Info {
        /// Asset file to inspect instead of the embedded one.
        #[arg(long)]
        asset: Option<PathBuf>,
    },
    /// Look up a name as the geoparser does (folded) and print every place.
    Lookup {
        /// The name, in any spelling ("Gourma-Rharous", "Tombouctou").
        name: String,
        /// Asset file to use instead of the embedded one.
        #[arg(long)]
        asset: Option<PathBuf>,
    },
}

/// The asset at `path`, or the embedded one; `slot` keeps a loaded file alive.
fn load<'a>(asset: Option<&Path>, slot: &'a mut Option<Gazetteer>) -> Result<&'a Gazetteer> {
    match asset {
        Some(path) => Ok(slot.insert(Gazetteer::open(path).with_context(|| format!("loading {}", path.display()))?)),
        None => Ok(Gazetteer::embedded()),
    }
}

pub fn run(command: Command) -> Result<()> {
    match command {
        Command::Build { from, out, snap_km } => {
            let started = Instant::now();
            let report = build(&BuildOptions {
                from: from.clone(),
                out: out.clone(),
                snap_km,
            })
            .with_context(|| format!("building the gazetteer from {}", from.display()))?;
            for (name, rows) in &report.sources {
                eprintln!("read {name}: {rows} rows");
            }
            eprintln!(
                "wrote {}: {} places ({} duplicate rows merged), {} countries, {} keys, {} postings, {:.1} MB in {:.1} s",
                out.display(),
                report.places,
                report.duplicates,
                report.countries,
                report.keys,
                report.postings,
                report.bytes as f64 / 1e6,
                started.elapsed().as_secs_f64()
            );
            eprintln!(
                "admin names: {} in a polygon, {} snapped, {} outside polygons (by code); \
                 located {} units by centroid, {} by their places, {} at the town of their \
                 name; {} without coordinates; {} unknown targets",
                report.admin_in_polygon,
                report.admin_snapped,
                report.admin_outside,
                report.located_by_centroid,
                report.located_by_places,
                report.located_at_namesake,
                report.no_coordinates,
                report.unknown_targets
            );
            eprintln!(
                "admin2 table {}: {} rows ({} of countries not in this build); {} places renamed",
                report.admin2_table.display(),
                report.admin2_table_rows,
                report.admin2_rows_skipped,
                report.admin2_renamed
            );
            eprintln!(
                "admin1: {} places named by the world outline they lie in; admin1 table {} rows, {} places renamed",
                report.admin1_by_world_outline, report.admin1_table_rows, report.admin1_renamed
            );
            // Not an error: a unit without a row keeps its current name, but the
            // table's author will want to know it is not covered.
            for (unit, places) in &report.admin2_not_in_table {
                eprintln!("warning: admin2 table has no row for {unit} ({places} places keep this name)");
            }
            Ok(())
        }
        Command::Info { asset } => {
            let started = Instant::now();
            let mut slot = None;
            let g = load(asset.as_deref(), &mut slot)?;
            let elapsed = started.elapsed();
            outln!(
                "{} places, {} keys, {} countries, {} bytes (loaded in {:.1} ms)",
                g.len(),
                g.key_count(),
                g.country_count(),
                g.byte_len(),
                elapsed.as_secs_f64() * 1e3
            );
            out!("{}", g.metadata());
            Ok(())
        }
        Command::Lookup { name, asset } => {
            let mut slot = None;
            let g = load(asset.as_deref(), &mut slot)?;
            let key = veille_gazetteer::fold_key(&name);
            let hits = g.lookup(&key);
            outln!(
                "key {key:?}: {} places{}",
                hits.len(),
                if g.has_longer_key(&key) {
                    " (longer keys exist)"
                } else {
                    ""
                }
            );
            for hit in hits {
                let p = g.place(hit.place);
                outln!(
                    "{}\t{}\t{:?}\t{}.{}\t{}\t{:.5}\t{:.5}\t{} / {} / {}\tpop {}",
                    p.geonames_id,
                    p.name,
                    hit.kind,
                    p.feature_class,
                    p.feature_code,
                    p.country_code,
                    p.latitude,
                    p.longitude,
                    p.admin1,
                    p.admin2,
                    p.admin3,
                    p.population
                );
            }
            Ok(())
        }
    }
}
