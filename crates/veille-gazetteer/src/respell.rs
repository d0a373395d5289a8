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

/// A rule of `data/spelling-equivalences.tsv`: `from` is rewritten `to`.
struct Rule {
    from: String,
    to: String,
    /// The ASCII bytes `from` holds ([`ascii_bytes`]): a key lacking one has no `from`.
    needs: u128,
}

/// The set of the ASCII bytes of `bytes`, a bit each (others are left out).
fn ascii_bytes(bytes: &[u8]) -> u128 {
    bytes.iter().filter(|b| b.is_ascii()).fold(0, |set, &b| set | 1 << b)
}

/// The rules of `data/spelling-equivalences.tsv`, in file order.
fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        include_str!("../data/spelling-equivalences.tsv")
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(from, to)| (from.trim(), to.trim()))
            .filter(|(from, _)| !from.is_empty())
            .map(|(from, to)| Rule {
                from: from.to_string(),
                to: to.to_string(),
                needs: ascii_bytes(from.as_bytes()),
            })
            .collect()
    })
}

/// The transliteration-normalised form of a folded key
/// ([`veille_text::fold`]): spaces removed, the equivalences of
/// `data/spelling-equivalences.tsv` applied in order, doubled letters once.
/// "tcholori" and "tyolori" both give "colori"; "zoungou weitan" gives
/// "zunguitan".
pub fn respelling_key(folded: &str) -> String {
    // On bytes, in two buffers: the forms of a country's keys are made once per process
    // for tens of thousands of keys, and `str::contains` then `str::replace` for each of
    // the sixteen rules cost 6,000 instructions a key. A UTF-8 pattern matches UTF-8
    // text only on whole characters, so the bytes' rewriting is `str::replace`'s.
    let mut key: Vec<u8> = folded.bytes().filter(|&b| b != b' ').collect();
    let mut rewritten = Vec::with_capacity(key.len());
    // A rule is looked for only in a key holding every letter of it (most hold no
    // `h`, which six rules need): the bytes seen so far, a rewriting's added in.
    let mut present = ascii_bytes(&key);
    for rule in rules() {
        if present & rule.needs == rule.needs
            && replace_bytes(&key, rule.from.as_bytes(), rule.to.as_bytes(), &mut rewritten)
        {
            std::mem::swap(&mut key, &mut rewritten);
            present |= ascii_bytes(rule.to.as_bytes());
        }
    }
    let key = String::from_utf8(key).expect("UTF-8 rewritten by UTF-8 on whole characters");
    let mut out = String::with_capacity(key.len());
    let mut last = None;
    for c in key.chars() {
        if last != Some(c) {
            out.push(c);
            last = Some(c);
        }
    }
    out
}

/// `text` with every `from` (not empty) replaced by `to`, left to right, into `out`;
/// false, and `out` untouched, when `text` has no `from`. Each byte is compared with
/// the first of `from` before the rest is: a slice comparison at every place was most
/// of the cost.
fn replace_bytes(text: &[u8], from: &[u8], to: &[u8], out: &mut Vec<u8>) -> bool {
    let Some(&first) = from.first() else {
        return false;
    };
    let at = |i: usize| text[i] == first && text[i..].starts_with(from);
    let Some(mut i) = (0..text.len()).find(|&i| at(i)) else {
        return false;
    };
    out.clear();
    out.extend_from_slice(&text[..i]);
    while i < text.len() {
        if at(i) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(text[i]);
            i += 1;
        }
    }
    true
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
        // Sorted by form, then key, with each form's first eight bytes in front as a
        // number: the order is the same (a shorter form is padded with zeros, which sort
        // first), and most comparisons stop at the number instead of calling `memcmp`
        // (the sort was a fifth of this index's cost).
        let mut pairs: Vec<(u64, String, String)> = keys
            .into_iter()
            .map(|key| {
                let form = respelling_key(&key);
                let mut head = [0u8; 8];
                head.iter_mut().zip(form.bytes()).for_each(|(h, b)| *h = b);
                (u64::from_be_bytes(head), form, key)
            })
            .collect();
        pairs.sort_unstable();
        let mut builder = fst::MapBuilder::memory();
        let mut groups: Vec<Vec<String>> = Vec::new();
        let mut last: Option<String> = None;
        for (_, form, key) in pairs {
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
    fn forms_are_those_of_the_rules_applied_in_turn_to_strings() {
        // The definition, with `str::replace`.
        let by_strings = |folded: &str| {
            let mut key: String = folded.chars().filter(|c| *c != ' ').collect();
            for rule in rules() {
                key = key.replace(&rule.from, &rule.to);
            }
            let mut out = String::new();
            for c in key.chars() {
                if !out.ends_with(c) {
                    out.push(c);
                }
            }
            out
        };
        for key in [
            "",
            " ",
            "tchatchadougou",
            "ouagadougou",
            "yyy",
            "djibo",
            "guiguemde",
            "kh ph qu",
            "sshh",
            "e\u{301}e\u{301}",
            "\u{8082}\u{8082}tch",
            "ttchh",
            "woua",
        ] {
            assert_eq!(respelling_key(key), by_strings(key), "{key:?}");
        }
        let keys = crate::Gazetteer::embedded().keys_with_prefix("", usize::MAX);
        for key in keys.iter().step_by(7) {
            assert_eq!(respelling_key(key), by_strings(key), "{key:?}");
        }
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

    #[test]
    fn forms_and_groups_come_in_the_order_of_forms_then_keys() {
        // Forms that share their first eight bytes or end within them.
        let keys = [
            "kaboulagaa",
            "kaboulaga",
            "kaboulag",
            "kaboula",
            "ka",
            "djibo",
            "jibo",
            "zjibo",
            "kabu lagaa",
            " ",
            "tyolori",
            "tcholori",
            "kaboulagaab",
        ];
        let index = RespelledKeys::new(keys.map(String::from));
        // The definition: every key under its form, forms and keys in order, no empty form.
        let mut expected: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for key in keys {
            let form = respelling_key(key);
            if !form.is_empty() {
                expected.entry(form).or_default().push(key.to_string());
            }
        }
        expected.values_mut().for_each(|group| group.sort());
        let mut found = Vec::new();
        let mut stream = index.forms.stream();
        while let Some((form, group)) = fst::Streamer::next(&mut stream) {
            found.push((
                String::from_utf8(form.to_vec()).unwrap(),
                index.groups[group as usize].clone(),
            ));
        }
        assert_eq!(found, expected.into_iter().collect::<Vec<_>>());
    }
}
