//! Ingestion: sources in, documents and events in the store.
//!
//! Contract: [`Ingester::ingest`] takes a source string (an `http(s)` URL of a
//! feed or a page, a folder, a file, a JSON Lines file, or `-` for JSON Lines
//! on standard input), turns it into
//! documents, extracts each new document's events with `veille-extract` and
//! stores document and events together in one transaction
//! ([`veille_store::Store::put`]). Known documents are not extracted again;
//! a changed one replaces its old version. A bad item (a document, a feed
//! entry, a page) is reported with its origin and the rest goes on; only a
//! store failure stops the run.
//!
//! Document ids: a web document is keyed by its URL; a `.txt`/`.html` file by
//! its path as given; a JSON Lines document by its `id` (and its `url`, if any).
//!
//! Dependencies and why:
//! - `ureq` 3 (blocking, rustls): ingestion is sequential per host by design
//!   (politeness), so an async runtime would only add build weight; ureq lets
//!   us plug in our own DNS resolver, which is how private addresses are
//!   refused *after* resolution for the very addresses connected to.
//! - `feed-rs`: RSS 0.9–2.0, Atom and JSON Feed in one maintained parser.
//! - `texting_robots`: a maintained robots.txt parser tested against Google's
//!   test suite; robots matching has enough corner cases (longest match,
//!   `$`, `*`, agent groups) that a small hand parser would get some wrong.
//! - `url`: resolving relative redirects and links (already pulled by feed-rs).
//! - `dom_query`: reading date meta tags and JSON-LD (already pulled by
//!   dom_smoothie, which does the readability part).
//! - `indicatif`: progress bars on a terminal.
//! - `chrono`, `toml`, `serde`: dates, the watch config.
//! - `veille-store` and `veille-export` are re-exported so the binary needs
//!   one dependency for the whole storage side.

pub mod feed;
pub mod fetch;
pub mod page;
pub mod progress;
pub mod watch;

use std::path::{Path, PathBuf};

pub use veille_export;
pub use veille_store;

use veille_extract::Extractor;
use veille_input::{DocumentReader, ReadOptions};
use veille_model::Document;
use veille_store::{Status, Store};

use crate::fetch::{Conditional, FetchOptions, Fetcher};
use crate::progress::Progress;

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{url}: {problem}")]
    Fetch { url: String, problem: String },
    #[error("{origin}: {problem}")]
    Input { origin: String, problem: String },
    #[error(transparent)]
    Store(#[from] veille_store::StoreError),
    #[error("{0}")]
    Extract(#[from] veille_extract::ExtractError),
    #[error("watch config {path}: {problem}")]
    Config { path: String, problem: String },
}

/// Hints and limits for one run.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    pub fetch: FetchOptions,
    /// ISO 3166-1 alpha-2 country the sources cover, for the geoparser.
    pub country: Option<String>,
    /// The sources' language; detected on each body when absent.
    pub lang: Option<String>,
    /// The outlet's name; for web sources the feed title or host otherwise.
    pub source_name: Option<String>,
    /// The date to read relative dates against when a document has no
    /// publication date (`YYYY-MM-DD`); when absent, the day the document was
    /// fetched (web) or last modified (files). It is given to the extractor
    /// only: the stored document keeps "no publication date".
    pub published_fallback: Option<String>,
}

/// What a run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub new: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub duplicates: u64,
    pub errors: u64,
    pub events: u64,
    pub merges: u64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} new, {} updated, {} unchanged, {} duplicates, {} errors; {} events, {} merges",
            self.new, self.updated, self.unchanged, self.duplicates, self.errors, self.events, self.merges
        )
    }
}

pub struct Ingester {
    pub store: Store,
    extractor: Extractor,
    fetcher: Fetcher,
    options: IngestOptions,
    progress: Progress,
    pub summary: Summary,
}

/// Unix seconds now.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl Ingester {
    pub fn new(store: Store, extractor: Extractor, options: IngestOptions, progress: Progress) -> Ingester {
        Ingester {
            store,
            extractor,
            fetcher: Fetcher::new(options.fetch.clone()),
            options,
            progress,
            summary: Summary::default(),
        }
    }

    pub fn progress(&mut self) -> &mut Progress {
        &mut self.progress
    }

    /// Ingests one source; errors of single items are counted and logged.
    pub fn ingest(&mut self, source: &str) -> Result<(), IngestError> {
        if source.starts_with("http://") || source.starts_with("https://") {
            self.ingest_url(source, &self.options.clone())
        } else if source == "-" {
            self.ingest_stdin()
        } else {
            self.ingest_path(Path::new(source))
        }
    }

    fn item_error(&mut self, e: IngestError) -> Result<(), IngestError> {
        match e {
            IngestError::Store(_) => Err(e),
            other => {
                self.summary.errors += 1;
                self.progress.error(&other.to_string());
                Ok(())
            }
        }
    }

    /// JSON Lines documents from standard input.
    pub fn ingest_stdin(&mut self) -> Result<(), IngestError> {
        for item in DocumentReader::new(&[PathBuf::from("-")], ReadOptions::default()) {
            match item {
                Ok(doc) => self.ingest_document(doc, &self.options.clone(), now())?,
                Err(e) => self.item_error(IngestError::Input {
                    origin: e.origin,
                    problem: e.problem,
                })?,
            }
        }
        Ok(())
    }

    /// A file, a JSON Lines file or a folder (recursively, in sorted order).
    pub fn ingest_path(&mut self, path: &Path) -> Result<(), IngestError> {
        if !path.exists() {
            return self.item_error(IngestError::Input {
                origin: path.display().to_string(),
                problem: "no such file or folder".into(),
            });
        }
        let mut files = Vec::new();
        collect_files(path, &mut files);
        self.progress.set_length(files.len() as u64);
        for file in files {
            let origin = file.display().to_string();
            let is_lines = matches!(extension(&file).as_deref(), Some("jsonl" | "ndjson" | "json"));
            for item in DocumentReader::new(std::slice::from_ref(&file), ReadOptions::default()) {
                match item {
                    Ok(mut doc) => {
                        if !is_lines {
                            doc.id = origin.clone();
                        }
                        let mut hints = self.options.clone();
                        if hints.published_fallback.is_none() {
                            hints.published_fallback = modified_day(&file);
                        }
                        self.ingest_document(doc, &hints, now())?;
                    }
                    Err(e) => self.item_error(IngestError::Input {
                        origin: e.origin,
                        problem: e.problem,
                    })?,
                }
            }
            self.progress.inc_file();
        }
        Ok(())
    }

    /// Applies the run's hints, then extracts and stores `doc` unless it is known.
    pub fn ingest_document(
        &mut self,
        mut doc: Document,
        hints: &IngestOptions,
        fetched_at: i64,
    ) -> Result<(), IngestError> {
        if doc.country.is_none() {
            doc.country = hints.country.clone();
        }
        if doc.source.is_none() {
            doc.source = hints
                .source_name
                .clone()
                .or_else(|| doc.url.as_deref().and_then(outlet_of_url));
        }
        if let Some(lang) = &hints.lang {
            doc.lang = Some(lang.clone());
        } else if let Some(lang) = veille_text::detect_language(&doc.text) {
            doc.lang = Some(lang.to_string());
        } else {
            doc.lang = doc
                .lang
                .map(|l| l.chars().take(2).collect::<String>().to_ascii_lowercase());
        }
        match self.store.status(&doc)? {
            Status::Unchanged { .. } => {
                self.summary.unchanged += 1;
                self.progress.document(&doc.id, "unchanged", 0);
                return Ok(());
            }
            Status::Duplicate { doc_id } => {
                self.summary.duplicates += 1;
                self.progress.document(&doc.id, &format!("same content as {doc_id}"), 0);
                return Ok(());
            }
            Status::New | Status::Changed { .. } => {}
        }
        let events = if doc.published.is_none() {
            let mut dated = doc.clone();
            dated.published = hints.published_fallback.clone().or_else(|| Some(day_of(fetched_at)));
            self.extractor.extract(&dated)
        } else {
            self.extractor.extract(&doc)
        };
        let events = match events {
            Ok(events) => events,
            Err(e) => return self.item_error(e.into()),
        };
        let outcome = self.store.put(&doc, &events, fetched_at)?;
        let what = match outcome.status {
            Status::New => {
                self.summary.new += 1;
                "new"
            }
            Status::Changed { .. } => {
                self.summary.updated += 1;
                "updated"
            }
            Status::Unchanged { .. } => {
                self.summary.unchanged += 1;
                "unchanged"
            }
            Status::Duplicate { .. } => {
                self.summary.duplicates += 1;
                "duplicate"
            }
        };
        self.summary.events += outcome.reports as u64;
        self.summary.merges += outcome.merges.len() as u64;
        self.progress.document(&outcome.doc_id, what, outcome.reports);
        for m in &outcome.merges {
            self.progress.note(&format!(
                "merge {}: {} into {}: {}",
                m.id, m.report_event_id, m.event_id, m.explanation
            ));
        }
        Ok(())
    }

    /// Fetches a URL; a feed has its items ingested, a page becomes one document.
    pub fn ingest_url(&mut self, url: &str, hints: &IngestOptions) -> Result<(), IngestError> {
        let fetched = match self.fetcher.get(
            url,
            &Conditional::default(),
            "application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.9, */*;q=0.5",
        ) {
            Ok(f) => f,
            Err(e) => return self.item_error(e),
        };
        if feed::looks_like_feed(fetched.content_type.as_deref(), &fetched.body) {
            let parsed = match feed::parse_feed(&fetched.body, &fetched.url) {
                Ok(p) => p,
                Err(problem) => {
                    return self.item_error(IngestError::Fetch {
                        url: url.to_string(),
                        problem,
                    })
                }
            };
            self.ingest_feed_items(parsed, hints, url)
        } else {
            let fetched_at = now();
            match page_document(url, &fetched.url, fetched.content_type.as_deref(), &fetched.body, hints) {
                Ok(doc) => self.ingest_document(doc, hints, fetched_at),
                Err(e) => self.item_error(e),
            }
        }
    }

    /// Ingests the items of a parsed feed: each item's page is fetched (its
    /// full text), falling back to the feed's own text when the page cannot
    /// be read. Items already stored are not fetched again unless the feed
    /// says they were updated after we fetched them.
    pub fn ingest_feed_items(
        &mut self,
        parsed: feed::ParsedFeed,
        hints: &IngestOptions,
        feed_url: &str,
    ) -> Result<(), IngestError> {
        let mut hints = hints.clone();
        if hints.source_name.is_none() {
            hints.source_name = parsed.title.clone();
        }
        self.progress.set_length(parsed.items.len() as u64);
        for item in parsed.items {
            let key = item.link.clone().unwrap_or_else(|| format!("{feed_url}#{}", item.guid));
            if let Some((_, fetched_at)) = self.store.find_document(&key)? {
                if item.updated.is_none_or(|u| u <= fetched_at) {
                    self.summary.unchanged += 1;
                    self.progress.document(&key, "already stored", 0);
                    self.progress.inc_file();
                    continue;
                }
            }
            let fetched_at = now();
            let doc = match &item.link {
                Some(link) => match self.fetcher.get(link, &Conditional::default(), "text/html, */*;q=0.5") {
                    Ok(page) => page_document(link, &page.url, page.content_type.as_deref(), &page.body, &hints),
                    Err(e) => Err(e),
                },
                None => Err(IngestError::Input {
                    origin: key.clone(),
                    problem: "feed item without a link".into(),
                }),
            };
            let doc = match doc {
                Ok(mut doc) => {
                    doc.published = doc.published.or(item.published.clone());
                    if doc.title.is_none() {
                        doc.title = item.title.clone();
                    }
                    Ok(doc)
                }
                // The page is unreachable or unreadable: the feed's own text is
                // better than nothing, if it has any.
                Err(e) => match &item.text {
                    Some(text) => {
                        self.progress.note(&format!("{e}; using the feed's text for this item"));
                        Ok(Document {
                            id: key.clone(),
                            url: item.link.clone(),
                            title: item.title.clone(),
                            text: text.clone(),
                            published: item.published.clone(),
                            ..Default::default()
                        })
                    }
                    None => Err(e),
                },
            };
            match doc {
                Ok(doc) => self.ingest_document(doc, &hints, fetched_at)?,
                Err(e) => self.item_error(e)?,
            }
            self.progress.inc_file();
        }
        Ok(())
    }

    pub fn fetcher(&mut self) -> &mut Fetcher {
        &mut self.fetcher
    }

    pub fn finish(self) -> (Store, Summary) {
        self.progress.finish(&self.summary.to_string());
        (self.store, self.summary)
    }
}

/// A fetched page as a document keyed by the URL asked for.
pub fn page_document(
    asked: &str,
    final_url: &str,
    content_type: Option<&str>,
    body: &[u8],
    hints: &IngestOptions,
) -> Result<Document, IngestError> {
    let html = page::decode_html(body, content_type);
    let article = page::page_article(&html, Some(final_url)).map_err(|problem| IngestError::Input {
        origin: asked.to_string(),
        problem,
    })?;
    if article.text.trim().is_empty() {
        return Err(IngestError::Input {
            origin: asked.to_string(),
            problem: "the page has no readable text".into(),
        });
    }
    let host = outlet_of_url(final_url);
    Ok(Document {
        id: asked.to_string(),
        url: Some(asked.to_string()),
        title: article.title,
        text: article.text,
        published: article.published,
        lang: article.lang,
        source: hints.source_name.clone().or(host),
        ..Default::default()
    })
}

/// `YYYY-MM-DD` (UTC) of Unix seconds.
pub fn day_of(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn modified_day(path: &Path) -> Option<String> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    let secs = modified.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    Some(day_of(secs as i64))
}

fn extension(path: &Path) -> Option<String> {
    Some(path.extension()?.to_str()?.to_ascii_lowercase())
}

/// The readable files under `path`, sorted; `path` itself when it is a file.
fn collect_files(path: &Path, out: &mut Vec<PathBuf>) {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return;
    }
    let Ok(dir) = std::fs::read_dir(path) else {
        out.push(path.to_path_buf());
        return;
    };
    let mut entries: Vec<PathBuf> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect_files(&entry, out);
        } else if matches!(
            extension(&entry).as_deref(),
            Some("jsonl" | "ndjson" | "json" | "txt" | "html" | "htm")
        ) {
            out.push(entry);
        }
    }
}

/// The host of `url` ("www.lefaso.net"): the outlet, for a document that names none.
pub fn outlet_of_url(url: &str) -> Option<String> {
    url::Url::parse(url).ok().and_then(|u| u.host_str().map(String::from))
}
