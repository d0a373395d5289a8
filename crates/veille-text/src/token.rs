/// A word or a punctuation mark, by byte offsets into the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    /// Starts with an upper-case letter: the cue for a proper name.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Splits a text into words (runs of letters and digits) and single
/// punctuation marks; whitespace is dropped. Apostrophes and hyphens are their
/// own tokens, so "d’AQMI" gives `d`, `’`, `AQMI` and "Gourma-Rharous" gives
/// `Gourma`, `-`, `Rharous`: names are matched across them by folding.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut word_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if word_start.is_none() {
                word_start = Some(i);
            }
            continue;
        }
        if let Some(s) = word_start.take() {
            tokens.push(Token {
                start: s,
                end: i,
                text: &text[s..i],
            });
        }
        if !c.is_whitespace() {
            let e = i + c.len_utf8();
            tokens.push(Token {
                start: i,
                end: e,
                text: &text[i..e],
            });
        }
    }
    if let Some(s) = word_start {
        tokens.push(Token {
            start: s,
            end: text.len(),
            text: &text[s..],
        });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_and_marks() {
        let words: Vec<_> = tokenize("d’AQMI à Gourma-Rharous, 30 km.")
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            words,
            ["d", "’", "AQMI", "à", "Gourma", "-", "Rharous", ",", "30", "km", "."]
        );
    }
}
