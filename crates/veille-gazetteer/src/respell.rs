//! Transliteration-normalised keys: one form for the French, English, Hausa
//! and Fulfulde spellings of a West African place name.
//!
//! A Levenshtein search counts "Kilwin" / "Kilouen" as three edits and
//! "Tcholori" / "Tyolori" as two: consonant groups that transcriptions swap
//! wholesale (`tch`/`ty`, `ou`/`w`, `gu`/`gh`) weigh as much as a different
//! letter. Rewriting both spellings with the table of
//! `data/spelling-equivalences.tsv` first makes them one form, or one vowel
//! apart, so the near-spelling search finds them at its usual small distance.

use std::sync::OnceLock;

/// The rules of `data/spelling-equivalences.tsv`, in file order.
fn rules() -> &'static [(String, String)] {
    static RULES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    RULES.get_or_init(|| {
        include_str!("../data/spelling-equivalences.tsv")
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(from, to)| (from.trim().to_string(), to.trim().to_string()))
            .filter(|(from, _)| !from.is_empty())
            .collect()
    })
}

/// The transliteration-normalised form of a folded key
/// ([`veille_text::fold`]): spaces removed, the equivalences of
/// `data/spelling-equivalences.tsv` applied in order, doubled letters once.
/// "tcholori" and "tyolori" both give "colori"; "zoungou weitan" gives
/// "zunguitan".
pub fn respelling_key(folded: &str) -> String {
    let mut key: String = folded.chars().filter(|c| *c != ' ').collect();
    for (from, to) in rules() {
        if key.contains(from.as_str()) {
            key = key.replace(from.as_str(), to);
        }
    }
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The keys of one country grouped by their [`respelling_key`]: an fst of the
/// normalised forms whose value is the index of the group of original keys.
pub(crate) struct RespelledKeys {
    pub(crate) forms: fst::Map<Vec<u8>>,
    pub(crate) groups: Vec<Vec<String>>,
}

impl RespelledKeys {
    /// Groups `keys` by normalised form.
    pub(crate) fn new(keys: impl IntoIterator<Item = String>) -> RespelledKeys {
        let mut pairs: Vec<(String, String)> = keys.into_iter().map(|k| (respelling_key(&k), k)).collect();
        pairs.sort_unstable();
        let mut builder = fst::MapBuilder::memory();
        let mut groups: Vec<Vec<String>> = Vec::new();
        let mut last: Option<String> = None;
        for (form, key) in pairs {
            if last.as_deref() != Some(form.as_str()) {
                // Forms come sorted and each once, as the builder needs.
                if form.is_empty() || builder.insert(form.as_bytes(), groups.len() as u64).is_err() {
                    last = None;
                    continue;
                }
                groups.push(Vec::new());
                last = Some(form);
            }
            if let Some(group) = groups.last_mut() {
                group.push(key);
            }
        }
        let forms = builder
            .into_inner()
            .ok()
            .and_then(|bytes| fst::Map::new(bytes).ok())
            .unwrap_or_default();
        RespelledKeys { forms, groups }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transcriptions_of_one_name_share_a_form() {
        assert_eq!(respelling_key("tcholori"), respelling_key("tyolori"));
        assert_eq!(respelling_key("djibo"), respelling_key("jibo"));
        assert_eq!(respelling_key("ouattigue"), respelling_key("watigue"));
        assert_eq!(respelling_key("sara koira"), respelling_key("sarakoira"));
        assert_eq!(respelling_key("kilwin"), "kiluin");
        assert_eq!(respelling_key("kilouen"), "kiluen");
        assert_ne!(respelling_key("kabonga"), respelling_key("katonga"));
    }

    #[test]
    fn groups_keep_every_key_under_its_form() {
        let keys = ["jibo", "djibo", "dori"].map(String::from);
        let index = RespelledKeys::new(keys);
        let jibo = index.forms.get("jibo").expect("form of djibo");
        let mut group = index.groups[jibo as usize].clone();
        group.sort();
        assert_eq!(group, ["djibo", "jibo"]);
        assert!(index.forms.get("dori").is_some());
    }
}
