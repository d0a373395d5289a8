use whatlang::{Detector, Lang};

/// `"fr"` or `"en"`, whichever the text reads as; `None` when the text is too
/// short or mixed to tell. Detect on the body, not the title: trigram models
/// are unreliable on a dozen words.
pub fn detect_language(text: &str) -> Option<&'static str> {
    let sample = match text.char_indices().nth(4000) {
        Some((cut, _)) => &text[..cut],
        None => text,
    };
    let detector = Detector::with_allowlist(vec![Lang::Fra, Lang::Eng]);
    let info = detector.detect(sample)?;
    // Below this confidence whatlang mostly guesses on very short inputs.
    if info.confidence() < 0.2 && sample.len() < 40 {
        return None;
    }
    match info.lang() {
        Lang::Fra => Some("fr"),
        Lang::Eng => Some("en"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_french_from_english() {
        assert_eq!(
            detect_language("Des hommes armés ont attaqué le village dans la nuit de mardi à mercredi."),
            Some("fr")
        );
        assert_eq!(
            detect_language("Gunmen attacked the village on Tuesday night, killing three people."),
            Some("en")
        );
    }
}
