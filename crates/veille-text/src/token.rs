/// A word or a punctuation mark, by byte offsets into the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

// Both tests are asked several times of every token by the geoparser and the extractor,
// other crates: `#[inline]` lets them compile to a byte comparison there, not a call.
impl Token<'_> {
    #[inline]
    pub fn is_word(&self) -> bool {
        match self.text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
            _ => self.text.chars().next().is_some_and(alphanumeric),
        }
    }

    /// Starts with an upper-case letter: the cue for a proper name.
    #[inline]
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
    let bytes = text.as_bytes();
    // ASCII, most of the text, is classified from its byte without decoding a char.
    let char_at = |i: usize| match bytes[i] {
        b if b.is_ascii() => (b as char, 1),
        _ => {
            let c = text[i..].chars().next().expect("a char starts at a char boundary");
            (c, c.len_utf8())
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = char_at(i);
        if alphanumeric(c) {
            // The rest of the word in a tight loop: its ASCII letters and digits one byte
            // at a time, a char decoded only where one starts outside ASCII.
            let start = i;
            i += len;
            while i < bytes.len() {
                let b = bytes[i];
                if b.is_ascii_alphanumeric() {
                    i += 1;
                } else if b.is_ascii() {
                    break;
                } else {
                    let (c, len) = char_at(i);
                    if !alphanumeric(c) {
                        break;
                    }
                    i += len;
                }
            }
            tokens.push(Token {
                start,
                end: i,
                text: &text[start..i],
            });
            continue;
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

    /// The definition, one char at a time.
    fn tokenize_by_chars(text: &str) -> Vec<Token<'_>> {
        let mut out = Vec::new();
        let mut word: Option<usize> = None;
        for (i, c) in text.char_indices() {
            if c.is_alphanumeric() {
                word.get_or_insert(i);
                continue;
            }
            if let Some(s) = word.take() {
                out.push(Token {
                    start: s,
                    end: i,
                    text: &text[s..i],
                });
            }
            if !c.is_whitespace() {
                let e = i + c.len_utf8();
                out.push(Token {
                    start: i,
                    end: e,
                    text: &text[i..e],
                });
            }
        }
        if let Some(s) = word {
            out.push(Token {
                start: s,
                end: text.len(),
                text: &text[s..],
            });
        }
        out
    }

    #[test]
    fn word_runs_agree_with_the_char_by_char_definition() {
        for text in [
            "",
            "Ségou",
            "é",
            "à Gourma-Rharous, 30 km… «Djibo» d’AQMI²",
            "L'armée\u{a0}a tué 3 « terroristes » à N’Djaména – Œuvre ×2÷ 日本 abc",
            "end with word",
            "  lead and trail  ",
        ] {
            assert_eq!(tokenize(text), tokenize_by_chars(text), "{text:?}");
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
