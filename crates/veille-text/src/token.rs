/// A word or a punctuation mark, by byte offsets into the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        match self.text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
            _ => self.text.chars().next().is_some_and(alphanumeric),
        }
    }

    /// Starts with an upper-case letter: the cue for a proper name.
    pub fn is_capitalized(&self) -> bool {
        match self.text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.text.chars().next().is_some_and(char::is_uppercase),
        }
    }
}

/// [`char::is_alphanumeric`], answered without Unicode tables for the chars news text is
/// made of: Latin-1 (its few letters and digits among the signs), the Latin letters of
/// French and most European names (U+00C0 to U+024F: all letters but × and ÷), and the
/// typographic quotes, dashes and spaces of U+2000 to U+206F (none a letter or digit).
fn alphanumeric(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0x80..=0xBF => matches!(c, 'ª' | '²' | '³' | 'µ' | '¹' | 'º' | '¼' | '½' | '¾'),
        0xC0..=0x24F => !matches!(c, '×' | '÷'),
        0x2000..=0x206F => false,
        _ => c.is_alphanumeric(),
    }
}

/// Splits a text into words (runs of letters and digits) and single
/// punctuation marks; whitespace is dropped. Apostrophes and hyphens are their
/// own tokens, so "d’AQMI" gives `d`, `’`, `AQMI` and "Gourma-Rharous" gives
/// `Gourma`, `-`, `Rharous`: names are matched across them by folding.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut word_start: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII, most of the text, is classified from its byte without decoding a char.
        let (c, len) = match bytes[i] {
            b if b.is_ascii() => (b as char, 1),
            _ => {
                let c = text[i..].chars().next().expect("a char starts at a char boundary");
                (c, c.len_utf8())
            }
        };
        if alphanumeric(c) {
            if word_start.is_none() {
                word_start = Some(i);
            }
            i += len;
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
            let e = i + len;
            tokens.push(Token {
                start: i,
                end: e,
                text: &text[i..e],
            });
        }
        i += len;
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
    fn latin_shortcut_agrees_with_unicode() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

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
