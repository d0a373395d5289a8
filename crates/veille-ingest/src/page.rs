//! Web pages to documents: the readable text by `dom_smoothie` (through
//! `veille_input::html_to_article`), the publication date from the page's own
//! metadata, and the language detected on the body.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use dom_query::Document as Html;
use veille_input::Article;

/// Meta tags that carry a publication date, in order of trust.
const DATE_META: &[&str] = &[
    r#"meta[property="article:published_time"]"#,
    r#"meta[name="article:published_time"]"#,
    r#"meta[itemprop="datePublished"]"#,
    r#"meta[property="og:published_time"]"#,
    r#"meta[name="pubdate"]"#,
    r#"meta[name="publish-date"]"#,
    r#"meta[name="date"]"#,
    r#"meta[name="DC.date.issued"]"#,
    r#"meta[name="dcterms.created"]"#,
    r#"meta[name="dc.date"]"#,
];

/// The article of a page. The publication date comes from dom_smoothie when it
/// finds one, else from meta tags, JSON-LD `datePublished` or a `<time>`
/// element, and is normalised to ISO 8601 in the page's own time zone.
pub fn page_article(html: &str, url: Option<&str>) -> Result<Article, String> {
    let mut article = veille_input::html_to_article(html, url)?;
    article.published = article
        .published
        .as_deref()
        .and_then(normalize_date)
        .or_else(|| published_from_markup(html));
    Ok(article)
}

/// The publication date written in a page's markup, if any.
pub fn published_from_markup(html: &str) -> Option<String> {
    let doc = Html::from(html);
    for sel in DATE_META {
        for node in doc.select(sel).iter() {
            if let Some(date) = node.attr("content").as_deref().and_then(normalize_date) {
                return Some(date);
            }
        }
    }
    for script in doc.select(r#"script[type="application/ld+json"]"#).iter() {
        let text = script.text();
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) {
            if let Some(date) = json_ld_date(&value) {
                return Some(date);
            }
        }
    }
    for sel in [
        r#"time[itemprop="datePublished"]"#,
        "article time[datetime]",
        "time[pubdate]",
        "time[datetime]",
    ] {
        for node in doc.select(sel).iter() {
            if let Some(date) = node.attr("datetime").as_deref().and_then(normalize_date) {
                return Some(date);
            }
        }
    }
    None
}

fn json_ld_date(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(date) = map
                .get("datePublished")
                .and_then(|v| v.as_str())
                .and_then(normalize_date)
            {
                return Some(date);
            }
            map.get("@graph").and_then(json_ld_date)
        }
        serde_json::Value::Array(items) => items.iter().find_map(json_ld_date),
        _ => None,
    }
}

/// `2024-03-05`, `2024-03-05T10:00:00` (time kept as written, offset dropped,
/// because the local date is the one an event date is read against), from
/// RFC 3339, RFC 2822, or plain ISO dates and date-times.
pub fn normalize_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.naive_local().format("%Y-%m-%dT%H:%M:%S").to_string());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.naive_local().format("%Y-%m-%dT%H:%M:%S").to_string());
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s.get(..s.len().min(19))?, fmt) {
            return Some(dt.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    if let Some(day) = s.get(..10) {
        if let Ok(d) = NaiveDate::parse_from_str(day, "%Y-%m-%d") {
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    None
}

/// A page's bytes as text, in the charset its Content-Type, byte-order mark or
/// `<meta charset>` names; undeclared bytes that are not UTF-8 are read as
/// windows-1252, the HTML standard's fallback for Western European pages.
pub fn decode_html(body: &[u8], content_type: Option<&str>) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(body) {
        return encoding.decode_without_bom_handling(&body[bom..]).0.into_owned();
    }
    let declared = content_type
        .and_then(charset_param)
        .or_else(|| meta_charset(&body[..body.len().min(2048)]));
    if let Some(encoding) = declared.and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes())) {
        return encoding.decode_without_bom_handling(body).0.into_owned();
    }
    match std::str::from_utf8(body) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(body)
            .0
            .into_owned(),
    }
}

fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(|c| c == '"' || c == '\'').to_string())
    })
}

fn meta_charset(head: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let rest = head[at..].trim_start_matches(['"', '\'', ' ']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!label.is_empty()).then_some(label)
}

/// The text of an HTML fragment (a feed item's summary), one block per line.
pub fn fragment_text(html: &str) -> String {
    let doc = Html::fragment(html);
    for sel in ["p", "br", "div", "li", "h1", "h2", "h3"] {
        for node in doc.select(sel).iter() {
            node.after_html("\n");
        }
    }
    veille_input::normalize_paragraphs(&doc.root().text())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_normalise() {
        assert_eq!(
            normalize_date("2024-03-05T10:30:00+01:00").as_deref(),
            Some("2024-03-05T10:30:00")
        );
        assert_eq!(
            normalize_date("Tue, 05 Mar 2024 23:10:00 GMT").as_deref(),
            Some("2024-03-05T23:10:00")
        );
        assert_eq!(normalize_date("2024-03-05").as_deref(), Some("2024-03-05"));
        assert_eq!(
            normalize_date("2024-03-05 08:00").as_deref(),
            Some("2024-03-05T08:00:00")
        );
        assert_eq!(normalize_date("hier"), None);
    }

    #[test]
    fn dates_from_json_ld_and_time() {
        let ld = r#"<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-03-06T07:00:00Z"}]}</script></head><body></body></html>"#;
        assert_eq!(published_from_markup(ld).as_deref(), Some("2024-03-06T07:00:00"));
        let time = r#"<html><body><article><time datetime="2024-03-07">7 mars</time></article></body></html>"#;
        assert_eq!(published_from_markup(time).as_deref(), Some("2024-03-07"));
        let meta = r#"<html><head><meta name="date" content="2024-03-08"></head></html>"#;
        assert_eq!(published_from_markup(meta).as_deref(), Some("2024-03-08"));
    }

    #[test]
    fn charsets_are_honoured() {
        let latin1 = b"<html><head><meta charset=\"iso-8859-1\"></head><body>arm\xe9es</body></html>";
        assert!(decode_html(latin1, None).contains("armées"));
        assert!(decode_html(b"arm\xe9es", Some("text/html; charset=ISO-8859-1")).contains("armées"));
        assert!(decode_html("armées".as_bytes(), Some("text/html")).contains("armées"));
        assert!(
            decode_html(b"arm\xe9es", None).contains("armées"),
            "undeclared non-UTF-8 is windows-1252"
        );
    }

    #[test]
    fn fragments_lose_their_tags() {
        assert_eq!(
            fragment_text("<p>Un <b>poste</b> attaqué.</p><p>Deux morts.</p>"),
            "Un poste attaqué.\nDeux morts."
        );
    }
}
