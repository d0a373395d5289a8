//! RSS, Atom and JSON Feed documents, parsed by `feed-rs`.
//!
//! feed-rs reads XML with quick-xml, which resolves only the five predefined
//! entities and character references and never expands entities declared in
//! a DTD, so an entity-expansion ("billion laughs") feed cannot blow up memory:
//! see the test `billion_laughs_is_harmless`.

use crate::page::{fragment_text, normalize_date};

/// One item of a feed.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedItem {
    /// The item's link (absolute), when it has one.
    pub link: Option<String>,
    /// The feed's own id for the item (guid).
    pub guid: String,
    pub title: Option<String>,
    /// ISO 8601.
    pub published: Option<String>,
    /// Unix seconds of the item's last update, when the feed says.
    pub updated: Option<i64>,
    /// The item's text from its content or summary, tags removed.
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFeed {
    pub title: Option<String>,
    pub items: Vec<FeedItem>,
}

/// Whether a response is a feed rather than a page: by media type, else by
/// the first bytes.
pub fn looks_like_feed(content_type: Option<&str>, body: &[u8]) -> bool {
    let ct = content_type.unwrap_or("").to_ascii_lowercase();
    if ct.contains("rss") || ct.contains("atom") || ct.contains("feed+json") {
        return true;
    }
    if ct.contains("html") {
        return false;
    }
    let head = String::from_utf8_lossy(&body[..body.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with('{') {
        return head.contains("jsonfeed.org");
    }
    head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
}

pub fn parse_feed(body: &[u8], base_url: &str) -> Result<ParsedFeed, String> {
    let parser = feed_rs::parser::Builder::new().base_uri(Some(base_url)).build();
    let feed = parser.parse(body).map_err(|e| format!("not a readable feed: {e}"))?;
    let items = feed
        .entries
        .into_iter()
        .map(|entry| {
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .map(|l| l.href.clone());
            let html = entry
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()));
            let text = html.map(|h| fragment_text(&h)).filter(|t| !t.trim().is_empty());
            FeedItem {
                link,
                guid: entry.id,
                title: entry.title.map(|t| fragment_text(&t.content)).filter(|t| !t.is_empty()),
                published: entry
                    .published
                    .or(entry.updated)
                    .and_then(|d| normalize_date(&d.to_rfc3339())),
                updated: entry.updated.or(entry.published).map(|d| d.timestamp()),
                text,
            }
        })
        .collect();
    Ok(ParsedFeed {
        title: feed.title.map(|t| fragment_text(&t.content)).filter(|t| !t.is_empty()),
        items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_atom_and_json_feed() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Journal A</title>
<item><title>Attaque à Tonka</title><link>/2024/tonka</link><guid>a1</guid>
<pubDate>Tue, 05 Mar 2024 09:00:00 +0000</pubDate><description>&lt;p&gt;Deux gendarmes tués.&lt;/p&gt;</description></item>
</channel></rss>"#;
        let f = parse_feed(rss.as_bytes(), "http://a.example/feed.xml").unwrap();
        assert_eq!(f.title.as_deref(), Some("Journal A"));
        assert_eq!(f.items[0].link.as_deref(), Some("http://a.example/2024/tonka"));
        assert_eq!(f.items[0].published.as_deref(), Some("2024-03-05T09:00:00"));
        assert_eq!(f.items[0].text.as_deref(), Some("Deux gendarmes tués."));
        assert!(looks_like_feed(None, rss.as_bytes()));

        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>B</title><id>b</id><updated>2024-03-05T00:00:00Z</updated>
<entry><title>Communiqué</title><id>b1</id><link rel="alternate" href="http://b.example/c"/><updated>2024-03-05T10:00:00Z</updated></entry></feed>"#;
        let f = parse_feed(atom.as_bytes(), "http://b.example/atom").unwrap();
        assert_eq!(f.items[0].link.as_deref(), Some("http://b.example/c"));
        assert!(looks_like_feed(Some("application/atom+xml"), b""));

        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"C","items":[{"id":"c1","url":"http://c.example/1","content_text":"Route bloquée."}]}"#;
        let f = parse_feed(json.as_bytes(), "http://c.example/feed.json").unwrap();
        assert_eq!(f.items[0].link.as_deref(), Some("http://c.example/1"));
        assert!(looks_like_feed(Some("application/json"), json.as_bytes()));
        assert!(!looks_like_feed(Some("text/html"), b"<html>"));
    }

    #[test]
    fn billion_laughs_is_harmless() {
        let mut dtd = String::from("<!DOCTYPE rss [<!ENTITY lol \"lol\">");
        dtd.push_str("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for i in 2..=9 {
            let prev = format!("&lol{};", i - 1);
            dtd.push_str(&format!("<!ENTITY lol{i} \"{}\">", prev.repeat(10)));
        }
        dtd.push(']');
        dtd.push('>');
        let feed = format!(
            "<?xml version=\"1.0\"?>{dtd}<rss version=\"2.0\"><channel><title>&lol9;</title>\
<item><title>t &lol9;</title><link>http://x.example/1</link><description>&lol9;</description></item></channel></rss>"
        );
        let started = std::time::Instant::now();
        // Either an error or a feed whose texts stayed small: never a 10^9-character string.
        match parse_feed(feed.as_bytes(), "http://x.example/") {
            Ok(f) => {
                let size: usize = f.title.iter().map(String::len).sum::<usize>()
                    + f.items
                        .iter()
                        .map(|i| i.title.as_deref().unwrap_or("").len() + i.text.as_deref().unwrap_or("").len())
                        .sum::<usize>();
                assert!(size < 10_000, "entities were expanded: {size} bytes");
            }
            Err(e) => assert!(e.contains("feed"), "{e}"),
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}
