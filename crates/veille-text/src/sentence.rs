/// A byte range of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mme", "mr", "mrs", "ms", "dr", "st", "ste", "gen", "gén", "lt", "col", "cdt", "capt", "sgt", "prof",
    "pr", "me", "no", "n°", "art", "etc", "cf", "vs", "jan", "feb", "fév", "aug", "sept", "oct", "nov", "dec", "déc",
    "av", "bd", "km", "env", "mgr", "hon", "rev", "gov", "sen", "rep", "inc", "ltd", "co", "corp", "jr", "sr",
];

/// The most bytes of an abbreviation, so the most chars it has.
const LONGEST_ABBREVIATION: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > longest {
            longest = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    longest
};

/// Paragraphs: runs of text separated by line breaks, trimmed, empty ones dropped.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed_start = line.len() - line.trim_start().len();
        let body = line.trim();
        if !body.is_empty() {
            let start = offset + trimmed_start;
            out.push(Span {
                start,
                end: start + body.len(),
            });
        }
        offset += line.len();
    }
    out
}

/// Sentences of a text, never crossing a paragraph break. A sentence ends at
/// `.`, `!` or `?` (and any closing quotes or brackets after it) followed by
/// a space and an upper-case letter, a digit or an opening quote, unless the
/// word before the stop is a known abbreviation or a single capital ("J. Smith").
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for para in paragraphs(text) {
        let body = &text[para.start..para.end];
        let mut start = 0;
        let mut i = 0;
        // Only stops can end a sentence: jump from one to the next.
        while let Some((pos, c)) = next_stop(body, i) {
            let mut j = pos + c.len_utf8();
            for next in body[j..].chars() {
                if !matches!(next, '.' | '!' | '?' | '"' | '”' | '»' | ')' | '’' | '\'') {
                    break;
                }
                j += next.len_utf8();
            }
            let followed_by_space = body[j..].chars().next().is_some_and(char::is_whitespace);
            let k = body.len() - body[j..].trim_start_matches(char::is_whitespace).len();
            let next_starts_sentence = body[k..]
                .chars()
                .next()
                .is_some_and(|n| n.is_uppercase() || n.is_numeric() || matches!(n, '"' | '“' | '«' | '('));
            if followed_by_space && next_starts_sentence && !(c == '.' && ends_with_abbreviation(&body[..pos])) {
                push_trimmed(&mut out, body, para.start, start, j);
                start = k;
                i = k;
            } else {
                i = j;
            }
        }
        push_trimmed(&mut out, body, para.start, start, body.len());
    }
    out
}

/// The first `.`, `!`, `?` or `…` of `body` at or after byte `from`, with its byte offset.
fn next_stop(body: &str, from: usize) -> Option<(usize, char)> {
    let bytes = body.as_bytes();
    let mut at = from;
    loop {
        // '…' is the only stop outside ASCII; its UTF-8 starts with 0xE2.
        at += bytes[at..]
            .iter()
            .position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2))?;
        match bytes[at] {
            0xE2 if body[at..].starts_with('…') => return Some((at, '…')),
            0xE2 => at += 1,
            b => return Some((at, b as char)),
        }
    }
}

fn push_trimmed(out: &mut Vec<Span>, body: &str, base: usize, start: usize, end: usize) {
    let piece = &body[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Span {
            start: base + start + lead,
            end: base + start + lead + trimmed.len(),
        });
    }
}

fn ends_with_abbreviation(before: &str) -> bool {
    let word_len = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '°')
        .map(char::len_utf8)
        .sum::<usize>();
    let word = &before[before.len() - word_len..];
    if word.is_empty() {
        return false;
    }
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        if first.is_uppercase() {
            return true;
        }
    }
    // Lower-casing never makes fewer chars: most words ending a sentence are longer
    // than any abbreviation and settled without comparing them to the list.
    if word.chars().nth(LONGEST_ABBREVIATION).is_some() {
        return false;
    }
    // Compared char by char in lower case: no String per full stop.
    ABBREVIATIONS
        .iter()
        .any(|a| word.chars().flat_map(char::to_lowercase).eq(a.chars()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn splits_on_stops_not_abbreviations() {
        assert_eq!(
            texts("M. Traoré est arrivé. Il a parlé au Gén. Diarra! Puis 3 morts.\nNouveau paragraphe"),
            [
                "M. Traoré est arrivé.",
                "Il a parlé au Gén. Diarra!",
                "Puis 3 morts.",
                "Nouveau paragraphe"
            ]
        );
    }

    #[test]
    fn keeps_decimals_and_lowercase_continuations() {
        assert_eq!(texts("Il y a 2.5 km. et puis rien"), ["Il y a 2.5 km. et puis rien"]);
    }
}
