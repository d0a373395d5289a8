//! The admin2 renaming table (`data/admin2-acled.tsv`): admin2 names as ACLED
//! writes them where they differ from the units our polygons draw (Niger's
//! pre-2011 départements). Applied by the builder after admin names are
//! assigned, so places and admin units alike carry the renamed admin2.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::GazetteerError;

/// Where the built-in table comes from, as error messages name it.
const BUILT_IN: &str = "crates/veille-gazetteer/data/admin2-acled.tsv";
/// A file of this name in the build directory replaces the built-in table.
const USER_FILE: &str = "admin2Acled.tsv";

struct Row {
    line: usize,
    country: String,
    admin1: String,
    admin2: String,
    name: String,
}

/// What [`Admin2Table::apply`] did.
#[derive(Debug, Default)]
pub(crate) struct Applied {
    pub renamed: usize,
    /// "CC / admin1 / admin2" → places of a country of the table whose admin2
    /// no row covers.
    pub unmatched: BTreeMap<String, usize>,
    /// Rows of countries with no place in this build.
    pub skipped_rows: usize,
}

pub(crate) struct Admin2Table {
    path: PathBuf,
    rows: Vec<Row>,
    /// (country, folded admin1, folded admin2) → row.
    index: HashMap<(String, String, String), usize>,
}

impl Admin2Table {
    /// `DIR/admin2Acled.tsv` when present (an empty one means current names),
    /// else the built-in table.
    pub(crate) fn load(dir: &Path) -> Result<Admin2Table, GazetteerError> {
        let user = dir.join(USER_FILE);
        if user.exists() {
            let text = std::fs::read_to_string(&user).map_err(|error| GazetteerError::Io {
                path: user.clone(),
                error,
            })?;
            return Admin2Table::parse(&user, &text);
        }
        Admin2Table::parse(Path::new(BUILT_IN), include_str!("../data/admin2-acled.tsv"))
    }

    pub(crate) fn parse(path: &Path, text: &str) -> Result<Admin2Table, GazetteerError> {
        let mut table = Admin2Table {
            path: path.to_owned(),
            rows: Vec::new(),
            index: HashMap::new(),
        };
        let error = |line: usize, message: String| GazetteerError::Parse {
            path: path.to_owned(),
            line,
            message,
        };
        for (i, line) in text.lines().enumerate() {
            let line_no = i + 1;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let [country, admin1, admin2, name] = fields[..] else {
                return Err(error(
                    line_no,
                    format!(
                        "expected country, admin1, admin2, ACLED admin2 (4 tab-separated fields), found {}",
                        fields.len()
                    ),
                ));
            };
            if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(error(
                    line_no,
                    format!("country {country:?} is not an ISO alpha-2 code"),
                ));
            }
            if admin1.is_empty() || admin2.is_empty() || name.is_empty() {
                return Err(error(line_no, "empty admin1, admin2 or ACLED admin2".into()));
            }
            let key = (
                country.to_string(),
                veille_text::fold(admin1),
                veille_text::fold(admin2),
            );
            if let Some(&previous) = table.index.get(&key) {
                return Err(error(
                    line_no,
                    format!(
                        "{country} / {admin1} / {admin2} is already mapped on line {}",
                        table.rows[previous].line
                    ),
                ));
            }
            table.index.insert(key, table.rows.len());
            table.rows.push(Row {
                line: line_no,
                country: country.to_string(),
                admin1: admin1.to_string(),
                admin2: admin2.to_string(),
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
        if self.path == Path::new(BUILT_IN) {
            BUILT_IN.to_string()
        } else {
            format!("{USER_FILE} of the build directory")
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// Renames the admin2 of every place (`country`, admin1, admin2) that a
    /// row matches. A row of a country present in the build that matches no
    /// place is an error: its names are not the asset's (a typo, or polygons
    /// of another vintage), and skipping it would silently leave the current
    /// name where the table promises ACLED's.
    pub(crate) fn apply<'a>(
        &self,
        places: impl Iterator<Item = (&'a str, &'a str, &'a mut String)>,
    ) -> Result<Applied, GazetteerError> {
        let mut applied = Applied::default();
        if self.rows.is_empty() {
            return Ok(applied);
        }
        let countries: HashSet<&str> = self.rows.iter().map(|r| r.country.as_str()).collect();
        let mut present: HashSet<&str> = HashSet::new();
        let mut used = vec![false; self.rows.len()];
        // Folding is the cost here; a country has few distinct admin pairs.
        let mut seen: HashMap<(&str, String, String), Option<usize>> = HashMap::new();
        for (country, admin1, admin2) in places {
            let Some(&country) = countries.get(country) else {
                continue;
            };
            present.insert(country);
            if admin2.is_empty() {
                continue;
            }
            let row = *seen
                .entry((country, admin1.to_string(), admin2.clone()))
                .or_insert_with(|| {
                    let key = (
                        country.to_string(),
                        veille_text::fold(admin1),
                        veille_text::fold(admin2),
                    );
                    self.index.get(&key).copied()
                });
            match row {
                Some(r) => {
                    used[r] = true;
                    if *admin2 != self.rows[r].name {
                        admin2.clone_from(&self.rows[r].name);
                        applied.renamed += 1;
                    }
                }
                None => {
                    *applied
                        .unmatched
                        .entry(format!("{country} / {admin1} / {admin2}"))
                        .or_default() += 1;
                }
            }
        }
        let mut unknown = Vec::new();
        for (row, used) in self.rows.iter().zip(&used) {
            if *used {
                continue;
            }
            if present.contains(row.country.as_str()) {
                unknown.push(format!(
                    "line {}: {} / {} / {}",
                    row.line, row.country, row.admin1, row.admin2
                ));
            } else {
                applied.skipped_rows += 1;
            }
        }
        if !unknown.is_empty() {
            return Err(GazetteerError::Input {
                path: self.path.clone(),
                message: format!(
                    "no place has these admin1 / admin2 names, so the row renames nothing \
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

    fn table(text: &str) -> Result<Admin2Table, GazetteerError> {
        Admin2Table::parse(Path::new("t.tsv"), text)
    }

    /// Applies `t` to (country, admin1, admin2) triples; the admin2 after.
    fn run(t: &Admin2Table, places: &[(&str, &str, &str)]) -> Result<(Vec<String>, Applied), GazetteerError> {
        let mut names: Vec<String> = places.iter().map(|p| p.2.to_string()).collect();
        let applied = t.apply(places.iter().zip(names.iter_mut()).map(|(p, n)| (p.0, p.1, n)))?;
        Ok((names, applied))
    }

    #[test]
    fn the_built_in_table_maps_niger_onto_acled_names() {
        let t = Admin2Table::load(Path::new("/nonexistent")).unwrap();
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
            ("NE\tTillabéri\tAyérou\n", "t.tsv:1: expected country"),
            (
                "# x\nNiger\tTillabéri\tAyérou\tTillaberi\n",
                "t.tsv:2: country \"Niger\"",
            ),
            ("NE\tTillabéri\t\tTillaberi\n", "t.tsv:1: empty"),
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
}
