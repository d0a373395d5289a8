//! Text primitives shared by every stage that reads prose.
//!
//! Contract:
//! - [`fold`] gives the key under which names are compared everywhere in Veille
//!   (gazetteer, actor and trigger lexicons): accents, case, hyphens and
//!   apostrophes do not matter, so "Gourma-Rharous", "gourma rharous" and
//!   "GOURMA RHAROUS" share one key.
//! - [`tokenize`] and [`sentences`] work on byte offsets into the original
//!   `&str`; [`CharIndex`] converts them to the code-point offsets that leave
//!   the program.
//! - [`Words`] holds a text's tokens, their folds and its sentences, made once for every
//!   stage that reads the text word by word.
//! - [`detect_language`] only answers `fr` or `en`, the languages Veille reads.
//!
//! `deunicode` folds to ASCII (it knows ligatures such as "œ" and all Latin
//! diacritics) and is a single small crate; `whatlang` is a trigram language
//! detector with no model download, restricted here to French and English.

mod fold;
mod lang;
mod sentence;
mod token;
mod words;

pub use fold::{fold, fold_into};
pub use lang::detect_language;
pub use sentence::{paragraphs, sentences, Span};
pub use token::{tokenize, Token};
pub use words::Words;

/// Converts UTF-8 byte offsets of one text into Unicode code-point offsets.
///
/// Built once per document: a lookup is a binary search over the positions of
/// non-ASCII characters, so an ASCII-only text costs nothing.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every non-ASCII char, and the extra bytes it uses.
    wide: Vec<(usize, usize)>,
    len_bytes: usize,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0;
        // A char of n > 1 bytes starts with a byte of n leading ones: no need to decode it.
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if b >= 0xC0 {
                extra += (b.leading_ones() - 1) as usize;
                wide.push((i, extra));
            }
        }
        CharIndex {
            wide,
            len_bytes: text.len(),
        }
    }

    /// Code-point offset of a byte offset that lies on a char boundary.
    pub fn char_offset(&self, byte: usize) -> usize {
        // Extra bytes used by the wide chars that start strictly before `byte`.
        let k = self.wide.partition_point(|&(pos, _)| pos < byte);
        let extra = if k == 0 { 0 } else { self.wide[k - 1].1 };
        byte - extra
    }

    /// Byte offset of a code-point offset; `None` past the end of the text.
    pub fn byte_offset(&self, chars: usize) -> Option<usize> {
        // The byte offset is chars + extra bytes of wide chars before it; search on that.
        let (mut lo, mut hi) = (0usize, self.wide.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let (pos, extra_incl) = self.wide[mid];
            let width_minus_one = extra_incl - if mid == 0 { 0 } else { self.wide[mid - 1].1 };
            let char_pos = pos - (extra_incl - width_minus_one);
            if char_pos < chars {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let extra = if lo == 0 { 0 } else { self.wide[lo - 1].1 };
        let byte = chars + extra;
        (byte <= self.len_bytes).then_some(byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_round_trips() {
        let text = "L’armée à Gourma-Rharous, Ségou";
        let index = CharIndex::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_offset(byte), chars);
            assert_eq!(index.byte_offset(chars), Some(byte));
        }
        assert_eq!(index.char_offset(text.len()), text.chars().count());
        assert_eq!(index.byte_offset(text.chars().count()), Some(text.len()));
        assert_eq!(index.byte_offset(text.chars().count() + 1), None);
    }
}
