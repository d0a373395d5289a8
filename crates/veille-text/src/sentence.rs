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
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (pos, c) = chars[i];
            if matches!(c, '.' | '!' | '?' | '…') {
                let mut j = i + 1;
                while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '"' | '”' | '»' | ')' | '’' | '\'')
                {
                    j += 1;
                }
                let followed_by_space = j < chars.len() && chars[j].1.is_whitespace();
                let mut k = j;
                while k < chars.len() && chars[k].1.is_whitespace() {
                    k += 1;
                }
                let next_starts_sentence = k < chars.len()
                    && (chars[k].1.is_uppercase()
                        || chars[k].1.is_numeric()
                        || matches!(chars[k].1, '"' | '“' | '«' | '('));
                if followed_by_space && next_starts_sentence && !(c == '.' && ends_with_abbreviation(&body[..pos])) {
                    let end = if j < chars.len() { chars[j].0 } else { body.len() };
                    push_trimmed(&mut out, body, para.start, start, end);
                    start = chars[k].0;
                    i = k;
                    continue;
                }
                i = j;
                continue;
            }
            let _ = pos;
            i += 1;
        }
        push_trimmed(&mut out, body, para.start, start, body.len());
    }
    out
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
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '°')
        .collect();
    let word: String = word.chars().rev().collect();
    if word.is_empty() {
        return false;
    }
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        if first.is_uppercase() {
            return true;
        }
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
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
