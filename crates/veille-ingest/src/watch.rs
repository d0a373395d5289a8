//! `veille watch`: poll configured sources, each on its own interval.
//!
//! Config (TOML):
//!
//! ```toml
//! interval = "30m"        # default for every source (s, m, h, or seconds)
//! min_host_delay = "2s"   # shortest gap between two requests to one host
//!
//! [[source]]
//! name = "Journal A"      # the outlet's name, stored with each document
//! url = "https://a.example/feed.xml"
//! interval = "15m"
//! country = "ML"          # country hint for the geoparser
//! lang = "fr"             # the source's language (detected when absent)
//! ```
//!
//! Each poll sends the ETag and Last-Modified seen last time (kept in the
//! store, so they survive restarts); a 304 costs one round trip. A new item
//! is fetched, extracted and stored within the poll that finds it.

use std::path::Path;
use std::time::{Duration, Instant};

use serde::Deserialize;

use crate::fetch::Conditional;
use crate::{feed, now, page_document, IngestError, IngestOptions, Ingester};

#[derive(Debug, Clone, PartialEq)]
pub struct SourceConfig {
    pub name: Option<String>,
    pub url: String,
    pub interval: Duration,
    pub country: Option<String>,
    pub lang: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WatchConfig {
    pub min_host_delay: Duration,
    pub sources: Vec<SourceConfig>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    interval: Option<toml::Value>,
    min_host_delay: Option<toml::Value>,
    #[serde(default)]
    source: Vec<RawSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    name: Option<String>,
    url: String,
    interval: Option<toml::Value>,
    country: Option<String>,
    lang: Option<String>,
}

/// `"90s"`, `"15m"`, `"1h"`, `"1d"` or a number of seconds.
pub fn parse_duration(v: &toml::Value) -> Result<Duration, String> {
    match v {
        toml::Value::Integer(n) if *n > 0 => Ok(Duration::from_secs(*n as u64)),
        toml::Value::String(s) => {
            let s = s.trim();
            let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
            let (num, unit) = s.split_at(split);
            let n: u64 = num
                .parse()
                .map_err(|_| format!("{s:?} is not a duration like \"15m\""))?;
            let secs = match unit.trim() {
                "" | "s" => n,
                "m" | "min" => n * 60,
                "h" => n * 3600,
                "d" => n * 86400,
                other => return Err(format!("unknown unit {other:?} in {s:?} (use s, m, h or d)")),
            };
            if secs == 0 {
                return Err("an interval must be positive".into());
            }
            Ok(Duration::from_secs(secs))
        }
        other => Err(format!("{other} is not a duration like \"15m\"")),
    }
}

impl WatchConfig {
    pub fn load(path: &Path) -> Result<WatchConfig, IngestError> {
        let text = std::fs::read_to_string(path).map_err(|e| IngestError::Config {
            path: path.display().to_string(),
            problem: e.to_string(),
        })?;
        WatchConfig::parse(&path.display().to_string(), &text)
    }

    pub fn parse(origin: &str, text: &str) -> Result<WatchConfig, IngestError> {
        let bad = |problem: String| IngestError::Config {
            path: origin.to_string(),
            problem,
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
        let default_interval = match &raw.interval {
            Some(v) => parse_duration(v).map_err(|e| bad(format!("interval: {e}")))?,
            None => Duration::from_secs(30 * 60),
        };
        let min_host_delay = match &raw.min_host_delay {
            Some(v) => parse_duration(v).map_err(|e| bad(format!("min_host_delay: {e}")))?,
            None => Duration::from_secs(2),
        };
        if raw.source.is_empty() {
            return Err(bad("no [[source]] to watch".into()));
        }
        let mut sources = Vec::new();
        for (i, s) in raw.source.into_iter().enumerate() {
            let which = format!("source {} ({})", i + 1, s.url);
            if !(s.url.starts_with("http://") || s.url.starts_with("https://")) {
                return Err(bad(format!("{which}: url must start with http:// or https://")));
            }
            if let Some(lang) = &s.lang {
                if !matches!(lang.as_str(), "fr" | "en") {
                    return Err(bad(format!("{which}: lang {lang:?} is not fr or en")));
                }
            }
            if let Some(c) = &s.country {
                if c.len() != 2 || !c.chars().all(|c| c.is_ascii_alphabetic()) {
                    return Err(bad(format!("{which}: country {c:?} is not an ISO 3166-1 alpha-2 code")));
                }
            }
            let interval = match &s.interval {
                Some(v) => parse_duration(v).map_err(|e| bad(format!("{which}: interval: {e}")))?,
                None => default_interval,
            };
            sources.push(SourceConfig {
                name: s.name,
                url: s.url,
                interval,
                country: s.country.map(|c| c.to_ascii_uppercase()),
                lang: s.lang,
            });
        }
        Ok(WatchConfig {
            min_host_delay,
            sources,
        })
    }
}

/// Polls one source once: conditional GET, then its new items.
pub fn poll(ingester: &mut Ingester, source: &SourceConfig, base: &IngestOptions) -> Result<(), IngestError> {
    let mut hints = base.clone();
    hints.country = source.country.clone().or(hints.country);
    hints.lang = source.lang.clone().or(hints.lang);
    hints.source_name = source.name.clone().or(hints.source_name);
    let state = ingester.store.fetch_state(&source.url)?.unwrap_or_default();
    let conditional = Conditional {
        etag: state.etag,
        last_modified: state.last_modified,
    };
    let fetched = match ingester.fetcher().get(
        &source.url,
        &conditional,
        "application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.9, */*;q=0.5",
    ) {
        Ok(f) => f,
        Err(e) => {
            ingester.summary.errors += 1;
            ingester.progress().error(&e.to_string());
            return Ok(());
        }
    };
    if fetched.status == 304 {
        ingester.progress().note(&format!("{}: not modified", source.url));
        return Ok(());
    }
    let result = if feed::looks_like_feed(fetched.content_type.as_deref(), &fetched.body) {
        match feed::parse_feed(&fetched.body, &fetched.url) {
            Ok(parsed) => ingester.ingest_feed_items(parsed, &hints, &source.url),
            Err(problem) => Err(IngestError::Fetch {
                url: source.url.clone(),
                problem,
            }),
        }
    } else {
        page_document(
            &source.url,
            &fetched.url,
            fetched.content_type.as_deref(),
            &fetched.body,
            &hints,
        )
        .and_then(|doc| ingester.ingest_document(doc, &hints, now()))
    };
    match result {
        Ok(()) => {}
        Err(e @ IngestError::Store(_)) => return Err(e),
        Err(e) => {
            ingester.summary.errors += 1;
            ingester.progress().error(&e.to_string());
            // Keep the old validators so the next poll retries the whole feed.
            return Ok(());
        }
    }
    ingester.store.set_fetch_state(
        &source.url,
        &veille_store::FetchState {
            etag: fetched.etag,
            last_modified: fetched.last_modified,
            checked_at: now(),
        },
    )?;
    Ok(())
}

/// Polls every source when due until `stop()` says so; with `once`, polls
/// each source one time and returns.
pub fn run(
    ingester: &mut Ingester,
    config: &WatchConfig,
    base: &IngestOptions,
    once: bool,
    stop: &dyn Fn() -> bool,
) -> Result<(), IngestError> {
    let start = Instant::now();
    let mut due: Vec<Instant> = vec![start; config.sources.len()];
    loop {
        // Ties go to the source listed first, so polling order is stable.
        let (i, when) = due
            .iter()
            .enumerate()
            .min_by_key(|(i, t)| (**t, *i))
            .map(|(i, t)| (i, *t))
            .expect("a config has at least one source");
        while Instant::now() < when {
            if stop() {
                return Ok(());
            }
            std::thread::sleep((when - Instant::now()).min(Duration::from_millis(200)));
        }
        if stop() {
            return Ok(());
        }
        poll(ingester, &config.sources[i], base)?;
        due[i] = when + config.sources[i].interval;
        if once && due.iter().all(|t| *t > start) {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_reads_and_checks() {
        let c = WatchConfig::parse(
            "w.toml",
            r#"interval = "10m"
[[source]]
url = "https://a.example/feed"
country = "ml"
lang = "fr"
[[source]]
url = "https://b.example/feed"
interval = 90
"#,
        )
        .unwrap();
        assert_eq!(c.sources[0].interval, Duration::from_secs(600));
        assert_eq!(c.sources[0].country.as_deref(), Some("ML"));
        assert_eq!(c.sources[1].interval, Duration::from_secs(90));
        let err = WatchConfig::parse("w.toml", "[[source]]\nurl = \"ftp://x\"").unwrap_err();
        assert!(err.to_string().contains("w.toml: source 1"), "{err}");
        assert!(WatchConfig::parse("w.toml", "[[source]]\nurl = \"http://x\"\ninterval = \"5y\"").is_err());
        assert!(WatchConfig::parse("w.toml", "").is_err());
    }
}
