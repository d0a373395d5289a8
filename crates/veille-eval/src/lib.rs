//! Scoring Veille against gold data.
//!
//! Contract: each module reads one kind of gold, runs the matching pipeline
//! stage, and returns a report (numbers plus the failures worth reading):
//! [`geoparsing`] the English geoparsing corpora and ACLED's Sahel locations,
//! [`acled`] event extraction on ACLED's notes, [`news`] event extraction on
//! the team's own news annotations (`eval/news-fr/gold.jsonl` for French
//! conflict news, `eval/news-en/gold.jsonl` for the English general news of
//! the geoparsing corpora: ids and labels only). Third-party gold stays in `../shared`; nothing here copies it
//! into the repository.
//!
//! Dependencies: `quick-xml` streams the geoparsing corpora (tens of MB of
//! XML, CDATA and entities) without building a DOM; `csv` reads ACLED's
//! quoted, multi-line notes correctly, which a split on commas would not;
//! `serde`/`serde_json` read the JSON Lines gold and write reports; `chrono`
//! does the date arithmetic of ACLED's publication-date convention.

pub mod acled;
pub mod geoparsing;
pub mod merges;
pub mod news;

use std::collections::HashMap;
use std::sync::OnceLock;

/// ACLED actors a later release renamed (`data/actor-renames.tsv`).
const ACTOR_RENAMES: &str = include_str!("../data/actor-renames.tsv");

/// The key two actor names are compared by: ACLED's regime years stripped ("Military Forces
/// of Niger (2011-)" and "(2011-2023)" are one force), folded, and one name for an actor
/// ACLED renamed between releases ("VDP: Volunteer for Defense of Homeland" in the
/// development files, "VDP: Volunteers for the Defense of the Homeland" in later ones).
pub fn actor_key(actor: &str) -> String {
    static RENAMED: OnceLock<HashMap<String, String>> = OnceLock::new();
    let renamed = RENAMED.get_or_init(|| {
        ACTOR_RENAMES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .map(|(old, new)| (without_years(new), without_years(old)))
            .collect()
    });
    let key = without_years(actor);
    renamed.get(&key).cloned().unwrap_or(key)
}

/// A name without its regime years, folded.
fn without_years(actor: &str) -> String {
    let mut out = String::with_capacity(actor.len());
    let mut rest = actor;
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        match after.find(')') {
            Some(close)
                if close > 0
                    && after[..close].chars().all(|c| c.is_ascii_digit() || c == '-')
                    && after[..close].chars().any(|c| c.is_ascii_digit()) =>
            {
                out.push_str(&rest[..open]);
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str(&rest[..open + 1]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    veille_text::fold(&out)
}

#[cfg(test)]
mod tests {
    use super::actor_key;

    #[test]
    fn actor_keys_strip_regime_years_only_and_join_renamed_actors() {
        assert_eq!(
            actor_key("Military Forces of Burkina Faso (2015-2022)"),
            actor_key("Military Forces of Burkina Faso (2022-)")
        );
        assert_eq!(
            actor_key("Police Forces of Burkina Faso (2022-) Gendarmerie"),
            "police forces of burkina faso gendarmerie"
        );
        assert_eq!(actor_key("Civilians (Burkina Faso)"), "civilians burkina faso");
        assert_eq!(
            actor_key("VDP: Volunteers for the Defense of the Homeland"),
            actor_key("VDP: Volunteer for Defense of Homeland")
        );
        // The old release's name for the Islamic State's West Africa Province.
        assert_eq!(
            actor_key("Boko Haram - Wilayat Gharb Ifriqiyyah"),
            actor_key("Islamic State (West Africa)")
        );
        assert_ne!(
            actor_key("Koglweogo Militia"),
            actor_key("VDP: Volunteer for Defense of Homeland")
        );
    }
}
