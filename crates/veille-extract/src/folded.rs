//! Folded text with a way back to the original bytes, so lexicon matches on
//! accent- and case-free text still point at the words the source wrote.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

/// `text` is [`veille_text::fold`] of the source with one space before and
/// after, so whole-word patterns can be written as `" word "`.
pub struct Folded {
    pub text: String,
    /// For each folded byte, the source byte range of the char that made it.
    origin: Vec<(u32, u32)>,
}

impl Folded {
    pub fn new(source: &str) -> Self {
        let mut text = String::with_capacity(source.len() + 2);
        let mut origin = Vec::with_capacity(source.len() + 2);
        text.push(' ');
        origin.push((0, 0));
        let mut pending: Option<(u32, u32)> = None;
        let push = |c: char,
                    at: (u32, u32),
                    text: &mut String,
                    origin: &mut Vec<(u32, u32)>,
                    pending: &mut Option<(u32, u32)>| {
            if c.is_ascii_alphanumeric() {
                if let Some(p) = pending.take() {
                    if !text.ends_with(' ') {
                        text.push(' ');
                        origin.push(p);
                    }
                }
                text.push(c.to_ascii_lowercase());
                origin.push(at);
            } else if pending.is_none() {
                *pending = Some(at);
            }
        };
        for (i, c) in source.char_indices() {
            let at = (i as u32, (i + c.len_utf8()) as u32);
            if c.is_ascii() {
                push(c, at, &mut text, &mut origin, &mut pending);
            } else {
                let ascii = deunicode::deunicode_char(c).unwrap_or("");
                if ascii.is_empty() && pending.is_none() {
                    pending = Some(at);
                }
                for a in ascii.chars() {
                    push(a, at, &mut text, &mut origin, &mut pending);
                }
            }
        }
        let end = source.len() as u32;
        if !text.ends_with(' ') {
            text.push(' ');
            origin.push((end, end));
        }
        Folded { text, origin }
    }

    /// Source byte range of the folded range `[start, end)`.
    pub fn source_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.origin[start].0 as usize;
        let e = self.origin[end.saturating_sub(1).max(start)].1 as usize;
        (s, e.max(s))
    }
}

/// One compiled list of folded patterns with a payload each. Patterns are
/// whole words; a pattern written with a trailing `*` matches any word that
/// starts with it. Leftmost-longest: "attaque de drone" beats "attaque".
pub struct PatternSet<T> {
    ac: Option<AhoCorasick>,
    entries: Vec<(bool, bool, T)>,
}

/// A pattern as written in a lexicon, with its payload.
pub struct RawPattern<T> {
    pub pattern: String,
    pub payload: T,
}

/// A match, in source byte offsets.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a, T> {
    pub start: usize,
    pub end: usize,
    pub payload: &'a T,
}

impl<T> PatternSet<T> {
    /// A set from `(pattern as written, payload)` pairs.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, T)>) -> Self {
        Self::new(
            pairs
                .into_iter()
                .map(|(pattern, payload)| RawPattern { pattern, payload })
                .collect(),
        )
    }

    pub fn new(raw: Vec<RawPattern<T>>) -> Self {
        let mut keys = Vec::with_capacity(raw.len());
        let mut entries = Vec::with_capacity(raw.len());
        for RawPattern { pattern, payload } in raw {
            let prefix = pattern.trim_end().ends_with('*');
            let stem = pattern.trim_end().trim_end_matches('*');
            let folded = veille_text::fold(stem);
            if folded.is_empty() {
                continue;
            }
            // Short all-capital acronyms ("CMA", "FDS") must be written in capitals in the
            // source too, or "fla"/"fan" would match ordinary words.
            let acronym = stem.len() <= 5 && stem.chars().all(|c| c.is_ascii_uppercase());
            keys.push(format!(" {folded}"));
            entries.push((prefix, acronym, payload));
        }
        let ac = if keys.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    // A full DFA: a few MB for thousands of patterns, and the fastest scan.
                    .kind(Some(AhoCorasickKind::DFA))
                    .start_kind(StartKind::Both)
                    .build(&keys)
                    .expect("lexicon patterns build an automaton"),
            )
        };
        PatternSet { ac, entries }
    }

    pub fn find<'a>(&'a self, folded: &Folded, source: &str) -> Vec<Hit<'a, T>> {
        let Some(ac) = &self.ac else { return Vec::new() };
        let hay = folded.text.as_str();
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < hay.len() {
            let Some(m) = ac.find(Input::new(hay).range(pos..)) else {
                break;
            };
            // The longest pattern at a position may fail the whole-word test ("koglweogo
            // militia" in "koglweogo militiaman"); a shorter one at the same start may not.
            let mut end_limit = m.end();
            let mut accepted = None;
            while let Some(c) = ac.find(Input::new(hay).range(m.start()..end_limit).anchored(Anchored::Yes)) {
                if let Some(hit) = self.accept(c.pattern().as_usize(), c.start(), c.end(), folded, source) {
                    accepted = Some((c.end(), hit));
                    break;
                }
                end_limit = c.end() - 1;
                if end_limit <= m.start() {
                    break;
                }
            }
            match accepted {
                Some((e, hit)) => {
                    out.push(hit);
                    pos = e;
                }
                None => pos = m.start() + 1,
            }
        }
        out
    }

    fn accept<'a>(
        &'a self,
        pattern: usize,
        fstart: usize,
        fend: usize,
        folded: &Folded,
        source: &str,
    ) -> Option<Hit<'a, T>> {
        let (prefix, acronym, payload) = &self.entries[pattern];
        if !prefix && folded.text.as_bytes().get(fend).is_some_and(|&b| b != b' ') {
            return None;
        }
        let (start, end) = folded.source_range(fstart + 1, fend);
        let end = if *prefix {
            // Extend a prefix match to the end of the source word.
            source[end..]
                .char_indices()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(source.len(), |(i, _)| end + i)
        } else {
            end
        };
        if *acronym && source[start..end].chars().any(|c| c.is_lowercase()) {
            return None;
        }
        Some(Hit { start, end, payload })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(p: &[&str]) -> Vec<RawPattern<usize>> {
        p.iter()
            .enumerate()
            .map(|(i, s)| RawPattern {
                pattern: s.to_string(),
                payload: i,
            })
            .collect()
    }

    #[test]
    fn matches_folded_whole_words_and_prefixes() {
        let set = PatternSet::new(raw(&["attaqu*", "AQMI", "Al-Qaïda au Maghreb islamique", "mine"]));
        let src = "Ils ont attaqué d’AQMI (Al Qaida au Maghreb Islamique), minerai.";
        let f = Folded::new(src);
        let hits: Vec<_> = set.find(&f, src).iter().map(|h| &src[h.start..h.end]).collect();
        assert_eq!(hits, ["attaqué", "AQMI", "Al Qaida au Maghreb Islamique"]);
    }

    #[test]
    fn a_longer_pattern_failing_the_word_test_leaves_the_shorter_one() {
        let set = PatternSet::new(raw(&["Koglweogo", "Koglweogo militia"]));
        let src = "a Koglweogo militiaman";
        let f = Folded::new(src);
        let hits: Vec<_> = set.find(&f, src).iter().map(|h| &src[h.start..h.end]).collect();
        assert_eq!(hits, ["Koglweogo"]);
    }

    #[test]
    fn acronyms_need_capitals() {
        let set = PatternSet::new(raw(&["FLA"]));
        let src = "the fla flag; le FLA a";
        let f = Folded::new(src);
        let hits = set.find(&f, src);
        assert_eq!(hits.len(), 1);
        assert_eq!(&src[hits[0].start..hits[0].end], "FLA");
    }
}
