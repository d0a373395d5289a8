use crate::sentence::{sentences, Span};
use crate::token::{tokenize, Token};

/// A text's tokens, each token's [`fold`](crate::fold) and its sentences, made once: the
/// geoparser and the extractor both read every section word by word, and each making its
/// own took a tenth of the extraction.
#[derive(Debug, Clone)]
pub struct Words<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
    /// Every token's fold, concatenated: one allocation per text, not per token.
    folded: String,
    /// Each token's byte range in `folded`.
    bounds: Vec<(u32, u32)>,
    pub sentences: Vec<Span>,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        // Bytes, not chars: a word of ASCII letters and digits is lowered byte by byte in
        // one bulk extend; an ASCII mark folds to nothing.
        let mut folded = Vec::with_capacity(text.len());
        let mut bounds = Vec::with_capacity(tokens.len());
        let mut scratch = String::new();
        for t in &tokens {
            let start = folded.len() as u32;
            if t.text.is_ascii() {
                folded.extend(
                    t.text
                        .bytes()
                        .filter(u8::is_ascii_alphanumeric)
                        .map(|b| b.to_ascii_lowercase()),
                );
            } else {
                crate::fold_into(t.text, &mut scratch);
                folded.extend_from_slice(scratch.as_bytes());
            }
            bounds.push((start, folded.len() as u32));
        }
        Words {
            text,
            tokens,
            folded: String::from_utf8(folded).expect("folded words are ASCII"),
            bounds,
            sentences: sentences(text),
        }
    }

    /// The fold of token `i`.
    #[inline]
    pub fn folded(&self, i: usize) -> &str {
        let (s, e) = self.bounds[i];
        &self.folded[s as usize..e as usize]
    }

    /// The folds of tokens `range`, for a reader that indexes from the range's start.
    pub fn folded_range(&self, range: std::ops::Range<usize>) -> (&str, &[(u32, u32)]) {
        (&self.folded, &self.bounds[range])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_token_folds_as_alone() {
        let text = "L’armée à Gourma-Rharous, 30 km. Œuvre d'AQMI!";
        let words = Words::new(text);
        for (i, t) in words.tokens.iter().enumerate() {
            assert_eq!(words.folded(i), crate::fold(t.text), "{:?}", t.text);
        }
        assert_eq!(words.sentences, sentences(text));
    }
}
