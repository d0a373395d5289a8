//! The admin renaming tables (`data/admin1-acled.tsv`, `data/admin2-acled.tsv`):
//! admin names as ACLED writes them where they differ from the units our
//! polygons and code tables name (Chad's and Mauritania's regions as GADM
//! spells them; Niger's pre-2011 départements). Applied by the builder after
//! admin names are assigned, so places and admin units alike carry the renamed
//! names.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::GazetteerError;

/// Which admin name a table renames.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    /// Rows: country, admin1, ACLED admin1.
    Admin1,
    /// Rows: country, admin1, admin2, ACLED admin2.
    Admin2,
}

/// What tells one level's table from the other's.
struct LevelSpec {
    /// Where the built-in table comes from, as error messages name it.
    built_in: &'static str,
    built_in_text: &'static str,
    /// A file of this name in the build directory replaces the built-in table.
    user_file: &'static str,
    /// The admin names a row matches, as messages name them.
    names: &'static str,
    columns: &'static str,
    width: usize,
}

impl Level {
    fn spec(self) -> &'static LevelSpec {
        const ADMIN1: LevelSpec = LevelSpec {
            built_in: "crates/veille-gazetteer/data/admin1-acled.tsv",
            built_in_text: include_str!("../data/admin1-acled.tsv"),
            user_file: "admin1Acled.tsv",
            names: "admin1",
            columns: "country, admin1, ACLED admin1 (3 tab-separated fields)",
            width: 3,
        };
        const ADMIN2: LevelSpec = LevelSpec {
            built_in: "crates/veille-gazetteer/data/admin2-acled.tsv",
            built_in_text: include_str!("../data/admin2-acled.tsv"),
            user_file: "admin2Acled.tsv",
            names: "admin1 / admin2",
            columns: "country, admin1, admin2, ACLED admin2 (4 tab-separated fields)",
            width: 4,
        };
        match self {
            Level::Admin1 => &ADMIN1,
            Level::Admin2 => &ADMIN2,
        }
    }
}

struct Row {
    line: usize,
    country: String,
    /// The asset's names the row matches: admin1, then admin2 for admin2 rows.
    names: Vec<String>,
    name: String,
}

/// What [`AdminTable::apply`] did.
#[derive(Debug, Default)]
pub(crate) struct Applied {
    pub renamed: usize,
    /// "CC / admin1 / admin2" (or "CC / admin1") → places of a country of the
    /// table whose name no row covers, where rows cover at least half of the
    /// country's units.
    pub unmatched: BTreeMap<String, usize>,
    /// Rows of countries with no place in this build.
    pub skipped_rows: usize,
}

pub(crate) struct AdminTable {
    level: Level,
    path: PathBuf,
    rows: Vec<Row>,
    /// (country, folded names) → row.
    index: HashMap<(String, Vec<String>), usize>,
}

impl AdminTable {
    /// `DIR/admin1Acled.tsv` or `DIR/admin2Acled.tsv` when present (an empty
    /// one means current names), else the built-in table.
    pub(crate) fn load(level: Level, dir: &Path) -> Result<AdminTable, GazetteerError> {
        let spec = level.spec();
        let user = dir.join(spec.user_file);
        if user.exists() {
            let text = std::fs::read_to_string(&user).map_err(|error| GazetteerError::Io {
                path: user.clone(),
                error,
            })?;
            return AdminTable::parse(level, &user, &text);
        }
        AdminTable::parse(level, Path::new(spec.built_in), spec.built_in_text)
    }

    pub(crate) fn parse(level: Level, path: &Path, text: &str) -> Result<AdminTable, GazetteerError> {
        let mut table = AdminTable {
            level,
            path: path.to_owned(),
            rows: Vec::new(),
            index: HashMap::new(),
        };
        let error = |line: usize, message: String| GazetteerError::Parse {
            path: path.to_owned(),
            line,
            message,
        };
        let width = level.spec().width;
        for (i, line) in text.lines().enumerate() {
            let line_no = i + 1;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            if fields.len() != width {
                return Err(error(
                    line_no,
                    format!("expected {}, found {}", level.spec().columns, fields.len()),
                ));
            }
            let country = fields[0];
            let (names, name) = (&fields[1..width - 1], fields[width - 1]);
            if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(error(
                    line_no,
                    format!("country {country:?} is not an ISO alpha-2 code"),
                ));
            }
            if names.iter().chain([&name]).any(|n| n.is_empty()) {
                return Err(error(line_no, "empty admin name".into()));
            }
            let key = (
                country.to_string(),
                names.iter().map(|n| veille_text::fold(n)).collect::<Vec<_>>(),
            );
            let shown = || format!("{country} / {}", names.join(" / "));
            if let Some(&previous) = table.index.get(&key) {
                return Err(error(
                    line_no,
                    format!("{} is already mapped on line {}", shown(), table.rows[previous].line),
                ));
            }
            table.index.insert(key, table.rows.len());
            table.rows.push(Row {
                line: line_no,
                country: country.to_string(),
                names: names.iter().map(|n| n.to_string()).collect(),
                name: name.to_string(),
            });
        }
        Ok(table)
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The table as the asset's metadata names it: no directory, so that the
    /// same inputs give the same bytes wherever they sit.
    pub(crate) fn label(&self) -> String {
        let spec = self.level.spec();
        if self.path == Path::new(spec.built_in) {
            spec.built_in.to_string()
        } else {
            format!("{} of the build directory", spec.user_file)
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// Renames the admin name of every place (`country`, admin1, admin2) that a
    /// row matches: admin1 in an admin1 table, admin2 in an admin2 table (the
    /// `admin1` argument is then only read). A row of a country present in the
    /// build that matches no place is an error: its names are not the asset's (a
    /// typo, or polygons of another vintage), and skipping it would silently
    /// leave the current name where the table promises ACLED's.
    pub(crate) fn apply<'a>(
        &self,
        places: impl Iterator<Item = (&'a str, &'a mut String, &'a mut String)>,
    ) -> Result<Applied, GazetteerError> {
        let mut applied = Applied::default();
        if self.rows.is_empty() {
            return Ok(applied);
        }
        let countries: HashSet<&str> = self.rows.iter().map(|r| r.country.as_str()).collect();
        let mut present: HashSet<&str> = HashSet::new();
        let mut used = vec![false; self.rows.len()];
        // Folding is the cost here; a country has few distinct admin names.
        let mut seen: HashMap<(&str, Vec<String>), Option<usize>> = HashMap::new();
        for (country, admin1, admin2) in places {
            let Some(&country) = countries.get(country) else {
                continue;
            };
            present.insert(country);
            let (names, target): (Vec<String>, &mut String) = match self.level {
                Level::Admin1 => (vec![admin1.clone()], admin1),
                Level::Admin2 => (vec![admin1.clone(), admin2.clone()], admin2),
            };
            if target.is_empty() {
                continue;
            }
            let shown = names.join(" / ");
            let row = *seen.entry((country, names)).or_insert_with_key(|(_, names)| {
                let key = (
                    country.to_string(),
                    names.iter().map(|n| veille_text::fold(n)).collect(),
                );
                self.index.get(&key).copied()
            });
            match row {
                Some(r) => {
                    used[r] = true;
                    if *target != self.rows[r].name {
                        target.clone_from(&self.rows[r].name);
                        applied.renamed += 1;
                    }
                }
                None => {
                    *applied.unmatched.entry(format!("{country} / {shown}")).or_default() += 1;
                }
            }
        }
        // A table that renames most units of a country is meant to cover it all:
        // the units it misses are worth a warning. One that fixes a spelling or
        // two (Burkina Faso's "Komondjari") leaves the others as they are.
        let mut units: HashMap<&str, (usize, usize)> = HashMap::new();
        for ((country, _), row) in &seen {
            let (all, renamed) = units.entry(country).or_default();
            *all += 1;
            *renamed += usize::from(row.is_some());
        }
        applied.unmatched.retain(|unit, _| {
            let country = unit.split(" / ").next().unwrap_or("");
            units.get(country).is_some_and(|(all, renamed)| renamed * 2 >= *all)
        });
        let mut unknown = Vec::new();
        for (row, used) in self.rows.iter().zip(&used) {
            if *used {
                continue;
            }
            if present.contains(row.country.as_str()) {
                unknown.push(format!(
                    "line {}: {} / {}",
                    row.line,
                    row.country,
                    row.names.join(" / ")
                ));
            } else {
                applied.skipped_rows += 1;
            }
        }
        if !unknown.is_empty() {
            let level = self.level.spec().names;
            return Err(GazetteerError::Input {
                path: self.path.clone(),
                message: format!(
                    "no place has these {level} names, so the row renames nothing \
                     (the names must be the asset's own, from the boundary polygons or code tables; \
                     fix or delete the row): {}",
                    unknown.join("; ")
                ),
            });
        }
        Ok(applied)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> Result<AdminTable, GazetteerError> {
        AdminTable::parse(Level::Admin2, Path::new("t.tsv"), text)
    }

    /// Applies `t` to (country, admin1, admin2) triples; the name of the
    /// table's level after.
    fn run(t: &AdminTable, places: &[(&str, &str, &str)]) -> Result<(Vec<String>, Applied), GazetteerError> {
        let mut admin1: Vec<String> = places.iter().map(|p| p.1.to_string()).collect();
        let mut admin2: Vec<String> = places.iter().map(|p| p.2.to_string()).collect();
        let applied = t.apply(
            places
                .iter()
                .zip(admin1.iter_mut().zip(admin2.iter_mut()))
                .map(|(p, (a1, a2))| (p.0, a1, a2)),
        )?;
        Ok((if t.level == Level::Admin1 { admin1 } else { admin2 }, applied))
    }

    #[test]
    fn the_built_in_table_maps_niger_onto_acled_names() {
        let t = AdminTable::load(Level::Admin2, Path::new("/nonexistent")).unwrap();
        let niger: Vec<&Row> = t.rows.iter().filter(|r| r.country == "NE").collect();
        // 63 départements and the cities of Niamey, Maradi, Tahoua and Zinder.
        assert_eq!(niger.len(), 67);
        let mut targets: Vec<&str> = niger.iter().map(|r| r.name.as_str()).collect();
        targets.sort_unstable();
        targets.dedup();
        // The 36 units of ACLED's older releases, and the two newer ones it keeps.
        assert_eq!(targets.len(), 38, "{targets:?}");
        for kept in ["Banibangou", "Tillia", "Ville de Niamey", "Tillaberi", "Matameye"] {
            assert!(targets.contains(&kept), "{kept}");
        }
        assert!(targets.iter().all(|t| t.is_ascii()), "ACLED writes ASCII: {targets:?}");
    }

    #[test]
    fn rows_rename_by_folded_names_and_leave_the_rest() {
        let t = table("# c\nNE\tTillabéri\tAyérou\tTillaberi\nNE\tNiamey\tNiamey\tVille de Niamey\n").unwrap();
        let (names, applied) = run(
            &t,
            &[
                ("NE", "Tillaberi", "Ayerou"),
                ("NE", "Tillabéri", "Ayérou"),
                ("NE", "Niamey", "Niamey"),
                ("NE", "Tillabéri", "Torodi"),
                ("NE", "Tillabéri", ""),
                ("ML", "Tombouctou", "Goundam"),
            ],
        )
        .unwrap();
        assert_eq!(
            names,
            ["Tillaberi", "Tillaberi", "Ville de Niamey", "Torodi", "", "Goundam"]
        );
        assert_eq!(applied.renamed, 3);
        assert_eq!(
            applied.unmatched,
            BTreeMap::from([("NE / Tillabéri / Torodi".to_string(), 1)])
        );
        assert_eq!(applied.skipped_rows, 0);
    }

    #[test]
    fn units_a_spelling_table_leaves_alone_are_not_reported() {
        // One row of Burkina Faso's 45 provinces fixes a spelling: the others
        // keep their names without a warning each.
        let t = table("BF\tEst\tKomonjdjari\tKomondjari\n").unwrap();
        let (names, applied) = run(
            &t,
            &[
                ("BF", "Est", "Komonjdjari"),
                ("BF", "Est", "Gnagna"),
                ("BF", "Sahel", "Soum"),
            ],
        )
        .unwrap();
        assert_eq!(names, ["Komondjari", "Gnagna", "Soum"]);
        assert_eq!(applied.renamed, 1);
        assert!(applied.unmatched.is_empty(), "{:?}", applied.unmatched);
    }

    #[test]
    fn a_row_no_place_matches_is_an_error_unless_its_country_is_absent() {
        let t = table("NE\tTillabéri\tAyérou\tTillaberi\nNE\tTillabéri\tAyorou\tTillaberi\n").unwrap();
        let err = run(&t, &[("NE", "Tillabéri", "Ayérou")]).unwrap_err().to_string();
        assert!(err.starts_with("t.tsv: "), "{err}");
        assert!(err.contains("line 2: NE / Tillabéri / Ayorou"), "{err}");
        assert!(!err.contains("line 1"), "{err}");

        let (_, applied) = run(&t, &[("ML", "Tombouctou", "Goundam")]).unwrap();
        assert_eq!((applied.renamed, applied.skipped_rows), (0, 2));
    }

    #[test]
    fn malformed_rows_name_their_line() {
        for (text, wanted) in [
            ("NE\tTillabéri\tAyérou\n", "t.tsv:1: expected country, admin1, admin2"),
            (
                "# x\nNiger\tTillabéri\tAyérou\tTillaberi\n",
                "t.tsv:2: country \"Niger\"",
            ),
            ("NE\tTillabéri\t\tTillaberi\n", "t.tsv:1: empty admin name"),
            (
                "NE\tTillabéri\tAyérou\tTillaberi\nNE\tTillaberi\tAYEROU\tAyorou\n",
                "t.tsv:2: NE / Tillaberi / AYEROU is already mapped on line 1",
            ),
        ] {
            let err = table(text).err().expect(text).to_string();
            assert!(err.starts_with(wanted), "{err}");
        }
        assert_eq!(table("# only comments\n\n").unwrap().len(), 0);
    }

    #[test]
    fn admin1_rows_rename_admin1_and_only_it() {
        let t = AdminTable::parse(
            Level::Admin1,
            Path::new("t1.tsv"),
            "TD\tOuadaï\tOuaddai\nMR\tHodh Ech Chargi\tHodh Ech Chargui\n",
        )
        .unwrap();
        let places = [
            ("TD", "Ouadai", "Abeche"),
            ("TD", "Lac", "Mamdi"),
            ("MR", "Hodh Ech Chargi", ""),
            ("NE", "Ouadaï", "X"),
        ];
        let (names, applied) = run(&t, &places).unwrap();
        assert_eq!(names, ["Ouaddai", "Lac", "Hodh Ech Chargui", "Ouadaï"]);
        assert_eq!(applied.renamed, 2);
        assert_eq!(applied.unmatched, BTreeMap::from([("TD / Lac".to_string(), 1)]));
        // The admin2 names are untouched.
        let mut a1 = "Ouadaï".to_string();
        let mut a2 = "Ouadaï".to_string();
        t.apply([("TD", &mut a1, &mut a2)].into_iter()).unwrap();
        assert_eq!((a1.as_str(), a2.as_str()), ("Ouaddai", "Ouadaï"));

        let err = AdminTable::parse(Level::Admin1, Path::new("t1.tsv"), "TD\tOuadaï\tX\tOuaddai\n")
            .err()
            .unwrap()
            .to_string();
        assert!(
            err.starts_with("t1.tsv:1: expected country, admin1, ACLED admin1"),
            "{err}"
        );
        let err = run(&t, &[("TD", "Lac", "")]).unwrap_err().to_string();
        assert!(
            err.contains("no place has these admin1 names") && err.contains("line 1: TD / Ouadaï"),
            "{err}"
        );
    }
}
