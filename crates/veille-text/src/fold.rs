/// The comparison key of a name: ASCII, lower case, with every run of
/// non-alphanumeric characters (hyphens, apostrophes, spaces, dots) turned into
/// one space, and no leading or trailing space.
///
/// ```
/// assert_eq!(veille_text::fold("Gourma-Rharous"), "gourma rharous");
/// assert_eq!(veille_text::fold("  Ségou "), "segou");
/// assert_eq!(veille_text::fold("N’Djaména"), "n djamena");
/// assert_eq!(veille_text::fold("Œuvre"), "oeuvre");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Each ASCII byte's fold: itself lowered if a letter or digit, else 0 (a separator).
const ASCII_FOLD: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// [`fold`] into a reused buffer (cleared first), for hot loops.
pub fn fold_into(text: &str, out: &mut String) {
    // Byte by byte into the buffer's bytes through a table, a character decoded only
    // where one is not ASCII: pushing every character to the string cost some 35
    // instructions a byte, and the lexicons fold 85,000 names at start-up.
    let mut folded = std::mem::take(out).into_bytes();
    folded.clear();
    folded.reserve(text.len());
    let mut pending_space = false;
    let push = |b: u8, folded: &mut Vec<u8>, pending: &mut bool| match ASCII_FOLD.get(usize::from(b)) {
        Some(&lower) if lower != 0 => {
            if *pending && !folded.is_empty() {
                folded.push(b' ');
            }
            *pending = false;
            folded.push(lower);
        }
        _ => *pending = true,
    };
    let mut i = 0;
    while let Some(&b) = text.as_bytes().get(i) {
        if b.is_ascii() {
            push(b, &mut folded, &mut pending_space);
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        let ascii = deunicode::deunicode_char(c).unwrap_or("");
        if ascii.is_empty() {
            pending_space = true;
        }
        // deunicode gives ASCII; a byte of anything else would be no letter, as its
        // character would be.
        for a in ascii.bytes() {
            push(a, &mut folded, &mut pending_space);
        }
    }
    *out = String::from_utf8(folded).expect("only ASCII bytes are pushed");
}

#[cfg(test)]
mod tests {
    use super::{fold, fold_into};

    #[test]
    fn variants_share_a_key() {
        assert_eq!(fold("Gourma-Rharous"), fold("gourma rharous"));
        assert_eq!(fold("Tillabéri"), fold("TILLABERI"));
        assert_eq!(fold("Birni-N'Konni"), fold("Birni N’Konni"));
        assert_eq!(fold("burkinabè"), "burkinabe");
        assert_eq!(fold("--"), "");
    }

    #[test]
    fn folds_as_character_by_character() {
        // The definition, a character at a time.
        let by_chars = |text: &str| {
            let mut out = String::new();
            let mut pending = false;
            let mut push = |c: char, pending: &mut bool| {
                if c.is_ascii_alphanumeric() {
                    if *pending && !out.is_empty() {
                        out.push(' ');
                    }
                    *pending = false;
                    out.push(c.to_ascii_lowercase());
                } else {
                    *pending = true;
                }
            };
            for c in text.chars() {
                let ascii = if c.is_ascii() {
                    c.to_string()
                } else {
                    deunicode::deunicode_char(c).unwrap_or("").to_string()
                };
                if ascii.is_empty() {
                    pending = true;
                }
                for a in ascii.chars() {
                    push(a, &mut pending);
                }
            }
            out
        };
        for text in [
            "",
            " ",
            "N’Djaména",
            "  Ségou ",
            "Œuvre d'AQMI!",
            "Ouagadougou, 12 mai (AIB) – Le ministre",
            "日本語 テキスト",
            "Ελλάδα",
            "ﬁn ½ № ℃ 🙂 x",
            "\u{301}e\u{301}",
            "L'ARMÉE À GOURMA-RHAROUS",
        ] {
            let mut reused = String::from("left over");
            fold_into(text, &mut reused);
            assert_eq!(reused, by_chars(text), "{text:?}");
            assert_eq!(fold(text), by_chars(text), "{text:?}");
        }
    }
}
