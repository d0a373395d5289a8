//! Folded text with a way back to the original bytes, so lexicon matches on
//! accent- and case-free text still point at the words the source wrote.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

/// `text` is [`veille_text::fold`] of the source with one space before and
/// after, so whole-word patterns can be written as `" word "`.
pub struct Folded {
    pub text: String,
    /// For each folded byte, the source byte range of the char that made it.
    origin: Vec<(u32, u32)>,
}

impl Folded {
    pub fn new(source: &str) -> Self {
        // Bytes, not chars: ASCII, most of the text, is folded without decoding a char or
        // growing a `String` one char at a time (a third of this function's time).
        let mut text = Vec::with_capacity(source.len() + 2);
        let mut origin = Vec::with_capacity(source.len() + 2);
        text.push(b' ');
        origin.push((0, 0));
        let mut pending: Option<(u32, u32)> = None;
        let push = |b: u8,
                    at: (u32, u32),
                    text: &mut Vec<u8>,
                    origin: &mut Vec<(u32, u32)>,
                    pending: &mut Option<(u32, u32)>| {
            if b.is_ascii_alphanumeric() {
                if let Some(p) = pending.take() {
                    if text.last() != Some(&b' ') {
                        text.push(b' ');
                        origin.push(p);
                    }
                }
                text.push(b.to_ascii_lowercase());
                origin.push(at);
            } else if pending.is_none() {
                *pending = Some(at);
            }
        };
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                push(b, (i as u32, i as u32 + 1), &mut text, &mut origin, &mut pending);
                i += 1;
                continue;
            }
            let c = source[i..].chars().next().expect("a char starts at a char boundary");
            let at = (i as u32, (i + c.len_utf8()) as u32);
            let ascii = deunicode::deunicode_char(c).unwrap_or("");
            if ascii.is_empty() && pending.is_none() {
                pending = Some(at);
            }
            // Any byte of a non-ASCII char the table might give is no letter or
            // digit, as its char was not: the same pending space either way.
            for a in ascii.bytes() {
                push(a, at, &mut text, &mut origin, &mut pending);
            }
            i += c.len_utf8();
        }
        let end = source.len() as u32;
        if text.last() != Some(&b' ') {
            text.push(b' ');
            origin.push((end, end));
        }
        let text = String::from_utf8(text).expect("folded text is ASCII");
        Folded { text, origin }
    }

    /// The folded text of the source byte range `[start, end)` (both char boundaries):
    /// its words are those of [`veille_text::fold`] of that range, as folding goes char
    /// by char, give or take a space at either end.
    pub fn of_source(&self, start: usize, end: usize) -> &str {
        let at = |b: usize| self.origin.partition_point(|o| (o.0 as usize) < b);
        &self.text[at(start)..at(end)]
    }

    /// Source byte range of the folded range `[start, end)`.
    pub fn source_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.origin[start].0 as usize;
        let e = self.origin[end.saturating_sub(1).max(start)].1 as usize;
        (s, e.max(s))
    }
}

/// One list of folded patterns with a payload each. Patterns are whole words; a pattern
/// written with a trailing `*` matches any word that starts with it. Leftmost-longest:
/// "attaque de drone" beats "attaque". The set holds no automaton of its own: every set
/// of the lexicons is searched in one pass by a [`Matcher`], and [`PatternSet::select`]
/// picks this set's matches from that pass.
pub struct PatternSet<T> {
    /// Folded patterns with one leading space, by pattern index.
    keys: Vec<String>,
    entries: Vec<(bool, bool, T)>,
}

/// A pattern without the `*` that makes it a prefix, nor space after it.
fn stem(pattern: &str) -> &str {
    pattern.trim_end().trim_end_matches('*')
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

/// One occurrence of a pattern in a folded text, whole word or not.
#[derive(Debug, Clone, Copy)]
pub struct Occurrence {
    start: u32,
    end: u32,
    pattern: u32,
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
        Self::from_folded(raw.into_iter().map(|RawPattern { pattern, payload }| {
            let folded = veille_text::fold(stem(&pattern));
            (pattern, folded, payload)
        }))
    }

    /// A set from `(pattern as written, its stem folded, payload)`: for patterns the caller
    /// has folded already (the actor aliases, tens of thousands, each folded as it was
    /// filed; folding them again here was a seventh of the start-up).
    pub fn from_folded(items: impl IntoIterator<Item = (String, String, T)>) -> Self {
        let items = items.into_iter();
        let mut keys = Vec::with_capacity(items.size_hint().0);
        let mut entries = Vec::with_capacity(items.size_hint().0);
        for (pattern, folded, payload) in items {
            let stem = stem(&pattern);
            debug_assert_eq!(folded, veille_text::fold(stem), "the fold of {pattern:?}");
            if folded.is_empty() {
                continue;
            }
            let prefix = pattern.trim_end().ends_with('*');
            // Short all-capital acronyms ("CMA", "FDS") must be written in capitals in the
            // source too, or "fla"/"fan" would match ordinary words.
            let acronym = stem.len() <= 5 && stem.chars().all(|c| c.is_ascii_uppercase());
            // Not `format!`: its formatting machinery cost more than the rest of this loop.
            let mut key = String::with_capacity(folded.len() + 1);
            key.push(' ');
            key.push_str(&folded);
            keys.push(key);
            entries.push((prefix, acronym, payload));
        }
        PatternSet { keys, entries }
    }

    /// The payload of the pattern written (folded, whole words) as `folded`, if any: for
    /// the rare phrases the text implies without writing them out.
    pub fn payload_of(&self, folded: &str) -> Option<&T> {
        let key = format!(" {folded}");
        self.keys.iter().position(|k| *k == key).map(|i| &self.entries[i].2)
    }

    /// The folded patterns, for [`Matcher::new`].
    pub fn keys(&self) -> &[String] {
        &self.keys
    }

    /// This set's matches among `found` (its occurrences in `folded`, as [`Matcher::scan`]
    /// sorted them) whose words lie in `source[from..]`; `source` ends where the search
    /// must stop (the sentence end). Leftmost first; at one start the longest pattern that
    /// passes the whole-word test: the longest may fail it ("koglweogo militia" in
    /// "koglweogo militiaman") while a shorter one does not.
    pub fn select<'a>(&'a self, found: &[Occurrence], folded: &Folded, source: &str, from: usize) -> Vec<Hit<'a, T>> {
        let first_word = |o: &Occurrence| folded.origin[o.start as usize + 1].0 as usize;
        let lo = found.partition_point(|o| first_word(o) < from);
        let hi = found.partition_point(|o| first_word(o) < source.len());
        let mut out = Vec::new();
        let mut pos = 0;
        let mut i = lo;
        while i < hi {
            let start = found[i].start;
            let mut next = i + 1;
            while next < hi && found[next].start == start {
                next += 1;
            }
            if start >= pos {
                let mut last_end = None;
                for o in &found[i..next] {
                    // Patterns spelled alike are one pattern: the one listed first.
                    if last_end == Some(o.end) {
                        continue;
                    }
                    last_end = Some(o.end);
                    if folded.origin[o.end as usize - 1].1 as usize > source.len() {
                        continue;
                    }
                    if let Some(hit) = self.accept(o.pattern as usize, start as usize, o.end as usize, folded, source) {
                        out.push(hit);
                        pos = o.end;
                        break;
                    }
                }
            }
            i = next;
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

/// Every pattern of several [`PatternSet`]s in one automaton, so a text is scanned once
/// for all of them rather than once per set (and again per candidate match).
pub struct Matcher {
    ac: Option<AhoCorasick>,
    /// For each pattern of the automaton, its set and its index in that set.
    owner: Vec<(u8, u32)>,
    sets: usize,
}

impl Matcher {
    /// The patterns of `sets`; [`Matcher::scan`] answers by set, in this order.
    pub fn new(sets: &[&[String]]) -> Self {
        let mut keys: Vec<&str> = Vec::new();
        let mut owner = Vec::new();
        for (s, set) in sets.iter().enumerate() {
            for (i, k) in set.iter().enumerate() {
                keys.push(k);
                owner.push((s as u8, i as u32));
            }
        }
        let ac = (!keys.is_empty()).then(|| {
            AhoCorasick::builder()
                // Every occurrence, overlapping: each set then picks its own leftmost-longest
                // whole-word matches, as a search of that set alone would.
                .match_kind(MatchKind::Standard)
                // A contiguous NFA: 0.5 MB where a full DFA of these patterns takes 9 MB, and
                // as fast in the extract bench (the scan is a few percent of the pipeline).
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                // Every pattern opens with a space and most words of a text leave the
                // automaton within a few bytes: states up to five bytes deep answer in one
                // step instead of a search of their transitions (the scan 44 → 39 M
                // instructions on 1 MB, the build 56 → 58 M, 1 MB more memory; 8 deep
                // scanned no faster and cost 7 M more to build).
                .dense_depth(5)
                .build(&keys)
                .expect("lexicon patterns build an automaton")
        });
        Matcher {
            ac,
            owner,
            sets: sets.len(),
        }
    }

    /// The occurrences of every set's patterns in `folded`, by set, each sorted by start,
    /// then longest first, then by pattern index.
    pub fn scan(&self, folded: &Folded) -> Vec<Vec<Occurrence>> {
        let mut out = vec![Vec::new(); self.sets];
        let Some(ac) = &self.ac else { return out };
        let mut state = aho_corasick::automaton::OverlappingState::start();
        let input = Input::new(folded.text.as_str());
        loop {
            ac.find_overlapping(input.clone(), &mut state);
            let Some(m) = state.get_match() else { break };
            let (set, pattern) = self.owner[m.pattern().as_usize()];
            out[set as usize].push(Occurrence {
                start: m.start() as u32,
                end: m.end() as u32,
                pattern,
            });
        }
        for found in &mut out {
            found.sort_unstable_by_key(|o| (o.start, std::cmp::Reverse(o.end), o.pattern));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The matches of one set alone in `src`.
    fn find<'a>(set: &'a PatternSet<usize>, src: &str) -> Vec<Hit<'a, usize>> {
        let folded = Folded::new(src);
        let found = Matcher::new(&[set.keys()]).scan(&folded);
        set.select(&found[0], &folded, src, 0)
    }

    #[test]
    fn of_source_has_the_words_of_folding_the_range() {
        let src = "Ils se sont repliés, vers l'Œuvre ½ à Kaya… « Djibo »";
        let folded = Folded::new(src);
        let bounds: Vec<usize> = src.char_indices().map(|(i, _)| i).chain([src.len()]).collect();
        for &a in &bounds {
            for &b in bounds.iter().filter(|&&b| b >= a) {
                let words = |t: &str| {
                    t.split(' ')
                        .filter(|w| !w.is_empty())
                        .map(String::from)
                        .collect::<Vec<_>>()
                };
                assert_eq!(
                    words(folded.of_source(a, b)),
                    words(&veille_text::fold(&src[a..b])),
                    "{:?}",
                    &src[a..b]
                );
            }
        }
    }

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
        let hits: Vec<_> = find(&set, src).iter().map(|h| &src[h.start..h.end]).collect();
        assert_eq!(hits, ["attaqué", "AQMI", "Al Qaida au Maghreb Islamique"]);
    }

    #[test]
    fn a_longer_pattern_failing_the_word_test_leaves_the_shorter_one() {
        let set = PatternSet::new(raw(&["Koglweogo", "Koglweogo militia"]));
        let src = "a Koglweogo militiaman";
        let hits: Vec<_> = find(&set, src).iter().map(|h| &src[h.start..h.end]).collect();
        assert_eq!(hits, ["Koglweogo"]);
    }

    #[test]
    fn a_sentence_of_a_longer_text_matches_as_if_alone() {
        let set = PatternSet::new(raw(&["attaque de drone", "attaqu*", "de", "drone"]));
        let src = "Une attaque. De drone ici.";
        let folded = Folded::new(src);
        let found = Matcher::new(&[set.keys()]).scan(&folded);
        let words = |from, to| -> Vec<&str> {
            set.select(&found[0], &folded, &src[..to], from)
                .iter()
                .map(|h| &src[h.start..h.end])
                .collect()
        };
        assert_eq!(words(0, 12), ["attaque"]);
        assert_eq!(words(13, src.len()), ["De", "drone"]);
        assert_eq!(words(0, src.len()), ["attaque. De drone"]);
    }

    #[test]
    fn acronyms_need_capitals() {
        let set = PatternSet::new(raw(&["FLA"]));
        let src = "the fla flag; le FLA a";
        let hits = find(&set, src);
        assert_eq!(hits.len(), 1);
        assert_eq!(&src[hits[0].start..hits[0].end], "FLA");
    }
}
