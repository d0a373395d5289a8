//! Veille's store: one SQLite file holding documents, the events extracted
//! from them with their evidence, the merges of reports of one incident, and a
//! full-text index.
//!
//! Contract:
//! - [`Store::put`] stores a document and its events in one transaction, so a
//!   process killed at any instant leaves either the whole document or none of
//!   it (SQLite's journal in WAL mode guarantees it; `synchronous=NORMAL` may
//!   lose the last commits on power loss, never corrupt the file).
//! - Idempotent: a document whose id or URL is known with the same content
//!   hash, or whose content is already stored under another id, adds nothing.
//!   A known id or URL with a new hash replaces the old version and its events.
//! - Each extracted event is a *report*. A report joins the event (cluster) of
//!   another document when [`MergeRules::compatible`] says they are one
//!   incident; the merge is stored with its explanation and can be undone
//!   ([`Store::undo_merge`]). Reports of one document never merge together:
//!   the extractor already decided they are distinct.
//! - Results are sorted (events by date then id, merges by id) and event ids
//!   are stable: a merged event keeps the id of the report that founded it.
//!
//! Dependencies: `rusqlite` with bundled SQLite (FTS5 built in, no system
//! library to match); `sha2` for content hashes; `chrono` for date arithmetic
//! of the merge window; `toml` for the merge rules, which are data that users
//! can replace; `veille-text` for the same name folding as the geoparser.
//!
//! Search uses SQLite FTS5 with `unicode61 remove_diacritics 2` rather than
//! tantivy: it adds no build weight (SQLite is already bundled), the index
//! lives in the same file and is updated in the same transaction as the
//! documents, so it can never disagree with them after a crash.

pub mod merge;

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};
use veille_model::{Document, Event};

pub use merge::MergeRules;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path}: {source}")]
    Sqlite {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("merge rules {origin}: {problem}")]
    Rules { origin: String, problem: String },
    #[error("store: stored record {what} is unreadable: {problem}")]
    Corrupt { what: String, problem: String },
    #[error("{0}")]
    NotFound(String),
    #[error("search query {query:?}: {problem}")]
    Query { query: String, problem: String },
}

type Result<T> = std::result::Result<T, StoreError>;

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS documents(
    rowid INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE,
    url TEXT,
    title TEXT,
    text TEXT NOT NULL,
    source TEXT,
    published TEXT,
    lang TEXT,
    country TEXT,
    content_hash TEXT NOT NULL,
    fetched_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS documents_url ON documents(url);
CREATE INDEX IF NOT EXISTS documents_hash ON documents(content_hash);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_au AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TABLE IF NOT EXISTS events(
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    event_date TEXT NOT NULL,
    country TEXT NOT NULL,
    iso INTEGER NOT NULL,
    admin1 TEXT NOT NULL,
    admin2 TEXT NOT NULL,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actors TEXT NOT NULL,
    latitude REAL,
    longitude REAL,
    json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_date ON events(event_date, event_id);
CREATE TABLE IF NOT EXISTS reports(
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    event_id TEXT NOT NULL UNIQUE,
    event INTEGER NOT NULL,
    no_merge INTEGER NOT NULL DEFAULT 0,
    json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_event ON reports(event);
CREATE INDEX IF NOT EXISTS reports_doc ON reports(doc);
CREATE TABLE IF NOT EXISTS merges(
    id INTEGER PRIMARY KEY,
    event INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    report INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    report_event_id TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    explanation TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    undone_at INTEGER
);
CREATE INDEX IF NOT EXISTS merges_report ON merges(report);
CREATE TABLE IF NOT EXISTS fetch_state(
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    checked_at INTEGER NOT NULL
);
"#;

/// What [`Store::status`] knows of a document before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Neither its id, its URL nor its content is stored.
    New,
    /// Stored under this id with the same content.
    Unchanged { doc_id: String },
    /// The same content is stored under another id or URL.
    Duplicate { doc_id: String },
    /// Stored under this id or URL with other content: a new version.
    Changed { doc_id: String },
}

/// What [`Store::put`] did.
#[derive(Debug, Clone, PartialEq)]
pub struct PutOutcome {
    pub status: Status,
    /// The id the document is stored under.
    pub doc_id: String,
    pub reports: usize,
    /// Merges made while storing this document.
    pub merges: Vec<MergeRecord>,
}

/// One report joining an event, with why.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MergeRecord {
    pub id: i64,
    pub event_id: String,
    pub report_event_id: String,
    pub doc_id: String,
    pub explanation: String,
    pub created_at: i64,
    pub undone_at: Option<i64>,
}

/// One full-text search result.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Hit {
    pub doc_id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub snippet: String,
    /// FTS5 bm25 rank: lower is better.
    pub rank: f64,
}

/// Counts of stored records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub documents: u64,
    pub reports: u64,
    pub events: u64,
    pub merges: u64,
}

/// Which events to read; every set field must match.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Inclusive `YYYY-MM-DD`.
    pub from: Option<String>,
    pub to: Option<String>,
    /// A country name (any case) or an ISO 3166-1 numeric code.
    pub country: Option<String>,
    pub admin1: Option<String>,
    /// An event type or sub-event type, any case.
    pub event_type: Option<String>,
    /// A substring of actor1, actor2 or an associated actor, any case.
    pub actor: Option<String>,
    /// `[min_lon, min_lat, max_lon, max_lat]`.
    pub bbox: Option<[f64; 4]>,
    /// The least `confidence` kept (docs/extraction.md says what it sums).
    pub min_confidence: Option<f32>,
}

/// Conditional-request validators remembered for a URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FetchState {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub checked_at: i64,
}

pub struct Store {
    conn: Connection,
    path: String,
    rules: MergeRules,
    merging: bool,
}

/// The SHA-256 of a document's title and whitespace-normalised text, in hex.
/// Whitespace is normalised so that a page re-served with other indentation
/// is not taken for a new version.
pub fn content_hash(doc: &Document) -> String {
    let mut h = Sha256::new();
    if let Some(t) = &doc.title {
        for w in t.split_whitespace() {
            h.update(w.as_bytes());
            h.update(b" ");
        }
    }
    h.update(b"\n");
    for w in doc.text.split_whitespace() {
        h.update(w.as_bytes());
        h.update(b" ");
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// Opens or creates the store at `path`, in WAL mode.
    pub fn open(path: &Path) -> Result<Store> {
        let name = path.display().to_string();
        let conn = Connection::open(path).map_err(|source| StoreError::Sqlite {
            path: name.clone(),
            source,
        })?;
        Store::init(conn, name)
    }

    /// A store that lives in memory (tests, dry runs).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Sqlite {
            path: ":memory:".into(),
            source,
        })?;
        Store::init(conn, ":memory:".into())
    }

    fn init(conn: Connection, path: String) -> Result<Store> {
        let store = Store {
            conn,
            path,
            rules: MergeRules::default(),
            merging: true,
        };
        let setup = || -> rusqlite::Result<()> {
            store.conn.busy_timeout(std::time::Duration::from_secs(30))?;
            store.conn.pragma_update(None, "journal_mode", "WAL")?;
            store.conn.pragma_update(None, "synchronous", "NORMAL")?;
            store.conn.pragma_update(None, "foreign_keys", "ON")?;
            store.conn.execute_batch(SCHEMA)
        };
        setup().map_err(|e| store.err(e))?;
        Ok(store)
    }

    fn err(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    pub fn set_merge_rules(&mut self, rules: MergeRules) {
        self.rules = rules;
    }

    pub fn merge_rules(&self) -> &MergeRules {
        &self.rules
    }

    /// Turns merging of new reports on or off (off: every report is its own event).
    pub fn set_merging(&mut self, on: bool) {
        self.merging = on;
    }

    /// Whether `doc` is new, known, a duplicate or a new version.
    pub fn status(&self, doc: &Document) -> Result<Status> {
        status_in(&self.conn, doc, &content_hash(doc)).map_err(|e| self.err(e))
    }

    /// Stores `doc` (its id is the key) and its extracted `events`, merging
    /// them with stored events of other documents; one transaction.
    pub fn put(&mut self, doc: &Document, events: &[Event], fetched_at: i64) -> Result<PutOutcome> {
        let hash = content_hash(doc);
        let path = self.path.clone();
        let wrap = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(wrap)?;
        let status = status_in(&tx, doc, &hash).map_err(wrap)?;
        let (doc_id, rowid) = match &status {
            Status::Unchanged { doc_id } | Status::Duplicate { doc_id } => {
                let outcome = PutOutcome {
                    status: status.clone(),
                    doc_id: doc_id.clone(),
                    reports: 0,
                    merges: Vec::new(),
                };
                tx.commit().map_err(wrap)?;
                return Ok(outcome);
            }
            Status::Changed { doc_id } => {
                let rowid: i64 = tx
                    .query_row("SELECT rowid FROM documents WHERE doc_id = ?1", [doc_id], |r| r.get(0))
                    .map_err(wrap)?;
                let clusters: Vec<i64> = {
                    let mut st = tx
                        .prepare("SELECT DISTINCT event FROM reports WHERE doc = ?1 ORDER BY event")
                        .map_err(wrap)?;
                    let rows = st.query_map([rowid], |r| r.get(0)).map_err(wrap)?;
                    rows.collect::<rusqlite::Result<_>>().map_err(wrap)?
                };
                tx.execute("DELETE FROM reports WHERE doc = ?1", [rowid])
                    .map_err(wrap)?;
                for cluster in clusters {
                    recompute(&tx, &self.rules, cluster).map_err(|e| e.into_store(&path))?;
                }
                tx.execute(
                    "UPDATE documents SET url = ?2, title = ?3, text = ?4, source = ?5, published = ?6,
                     lang = ?7, country = ?8, content_hash = ?9, fetched_at = ?10, version = version + 1
                     WHERE rowid = ?1",
                    params![
                        rowid,
                        doc.url,
                        doc.title,
                        doc.text,
                        doc.source,
                        doc.published,
                        doc.lang,
                        doc.country,
                        hash,
                        fetched_at
                    ],
                )
                .map_err(wrap)?;
                (doc_id.clone(), rowid)
            }
            Status::New => {
                tx.execute(
                    "INSERT INTO documents(doc_id, url, title, text, source, published, lang, country, content_hash, fetched_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    params![
                        doc.id,
                        doc.url,
                        doc.title,
                        doc.text,
                        doc.source,
                        doc.published,
                        doc.lang,
                        doc.country,
                        hash,
                        fetched_at
                    ],
                )
                .map_err(wrap)?;
                (doc.id.clone(), tx.last_insert_rowid())
            }
        };
        let mut pending = Vec::with_capacity(events.len());
        // Ids this document's reports took before any of them is stored.
        let mut taken = std::collections::HashSet::new();
        for event in events {
            let mut event = event.clone();
            if event.source.is_empty() {
                event.source = doc.source.clone().unwrap_or_default();
            }
            pending.push(as_report(&tx, &doc_id, &hash, event, &mut taken).map_err(|e| e.into_store(&path))?);
        }
        pending.sort_by(|a, b| a.0.event_id.cmp(&b.0.event_id));
        let mut merges = Vec::new();
        // Reports of one document never share an event, so the first to join an event
        // shuts the others out of it: the report that fits a stored event best joins
        // first. In id order, a village 40 km off in the same admin2 took the event of
        // the village the other report named. A report's best event changes only when
        // another report of the document joined that event, so only then is it sought
        // again.
        let mut best_of = Vec::with_capacity(pending.len());
        for (report, _) in &pending {
            let found = if self.merging {
                best_candidate(&tx, &self.rules, rowid, report).map_err(|e| e.into_store(&path))?
            } else {
                None
            };
            best_of.push(found);
        }
        loop {
            let next = best_of
                .iter()
                .enumerate()
                .filter_map(|(i, found)| found.as_ref().map(|(rank, _)| (rank, i)))
                .min()
                .map(|(_, i)| i);
            let Some(i) = next else { break };
            let (report, json) = pending.remove(i);
            let (_, target) = best_of.remove(i).expect("the chosen report has an event to join");
            let joined = target.0;
            if let Some(m) = add_report(
                &tx,
                &self.rules,
                &doc_id,
                rowid,
                &report,
                &json,
                Some(target),
                fetched_at,
            )
            .map_err(|e| e.into_store(&path))?
            {
                merges.push(m);
            }
            for (j, (other, _)) in pending.iter().enumerate() {
                if best_of[j].as_ref().is_some_and(|(_, t)| t.0 == joined) {
                    best_of[j] = best_candidate(&tx, &self.rules, rowid, other).map_err(|e| e.into_store(&path))?;
                }
            }
        }
        for (report, json) in pending {
            add_report(&tx, &self.rules, &doc_id, rowid, &report, &json, None, fetched_at)
                .map_err(|e| e.into_store(&path))?;
        }
        tx.commit().map_err(wrap)?;
        Ok(PutOutcome {
            status,
            doc_id,
            reports: events.len(),
            merges,
        })
    }

    /// The id and fetch time of the document stored under id or URL `key`.
    pub fn find_document(&self, key: &str) -> Result<Option<(String, i64)>> {
        self.conn
            .query_row(
                "SELECT doc_id, fetched_at FROM documents WHERE doc_id = ?1
                 UNION ALL SELECT doc_id, fetched_at FROM documents WHERE url = ?1 LIMIT 1",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// A stored document by id.
    pub fn document(&self, doc_id: &str) -> Result<Option<Document>> {
        self.conn
            .query_row(
                "SELECT doc_id, url, title, text, source, published, lang, country FROM documents WHERE doc_id = ?1",
                [doc_id],
                |r| {
                    Ok(Document {
                        id: r.get(0)?,
                        url: r.get(1)?,
                        title: r.get(2)?,
                        text: r.get(3)?,
                        source: r.get(4)?,
                        published: r.get(5)?,
                        lang: r.get(6)?,
                        country: r.get(7)?,
                        spans: None,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    pub fn counts(&self) -> Result<Counts> {
        let count = |table: &str| -> rusqlite::Result<u64> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get::<_, i64>(0))
                .map(|n| n as u64)
        };
        let go = || -> rusqlite::Result<Counts> {
            Ok(Counts {
                documents: count("documents")?,
                reports: count("reports")?,
                events: count("events")?,
                merges: count("merges WHERE undone_at IS NULL")?,
            })
        };
        go().map_err(|e| self.err(e))
    }

    /// Checks the file with SQLite's own `integrity_check`; `Ok(())` when sound.
    pub fn integrity_check(&self) -> Result<std::result::Result<(), String>> {
        let verdict: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        Ok(if verdict == "ok" { Ok(()) } else { Err(verdict) })
    }

    /// Full-text search, accent- and case-insensitive, best first. Each word
    /// of `query` must occur; a word ending in `*` matches as a prefix.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        let fts = fts_query(query).ok_or_else(|| StoreError::Query {
            query: query.to_string(),
            problem: "no word to search for".into(),
        })?;
        let mut st = self
            .conn
            .prepare(
                "SELECT d.doc_id, d.title, d.url, d.published,
                        snippet(documents_fts, 1, '[', ']', '…', 12), bm25(documents_fts)
                 FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
                 WHERE documents_fts MATCH ?1
                 ORDER BY bm25(documents_fts), d.doc_id LIMIT ?2",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![fts, limit as i64], |r| {
                Ok(Hit {
                    doc_id: r.get(0)?,
                    title: r.get(1)?,
                    url: r.get(2)?,
                    published: r.get(3)?,
                    snippet: r.get(4)?,
                    rank: r.get(5)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| StoreError::Query {
                query: query.to_string(),
                problem: e.to_string(),
            })
    }

    /// Calls `each` with every event that `filter` selects, by date then id.
    pub fn for_each_event<E: From<StoreError>>(
        &self,
        filter: &EventFilter,
        mut each: impl FnMut(Event) -> std::result::Result<(), E>,
    ) -> std::result::Result<u64, E> {
        let mut sql = String::from("SELECT event_id, json FROM events WHERE 1=1");
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        let mut arg = |sql: &mut String, clause: &str, v: rusqlite::types::Value| {
            args.push(v);
            sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
        };
        use rusqlite::types::Value as V;
        if let Some(from) = &filter.from {
            arg(&mut sql, " AND event_date >= ?", V::Text(from.clone()));
        }
        if let Some(to) = &filter.to {
            arg(&mut sql, " AND substr(event_date, 1, 10) <= ?", V::Text(to.clone()));
        }
        if let Some(c) = &filter.country {
            match c.trim().parse::<i64>() {
                Ok(iso) => arg(&mut sql, " AND iso = ?", V::Integer(iso)),
                Err(_) => arg(
                    &mut sql,
                    " AND country = ? COLLATE NOCASE",
                    V::Text(c.trim().to_string()),
                ),
            }
        }
        if let Some(a) = &filter.admin1 {
            arg(
                &mut sql,
                " AND admin1 = ? COLLATE NOCASE",
                V::Text(a.trim().to_string()),
            );
        }
        if let Some(t) = &filter.event_type {
            arg(
                &mut sql,
                " AND (event_type = ? COLLATE NOCASE",
                V::Text(t.trim().to_string()),
            );
            arg(
                &mut sql,
                " OR sub_event_type = ? COLLATE NOCASE)",
                V::Text(t.trim().to_string()),
            );
        }
        if let Some(a) = &filter.actor {
            let pattern = format!("%{}%", a.trim().to_lowercase().replace(['%', '_'], ""));
            arg(&mut sql, " AND lower(actors) LIKE ?", V::Text(pattern));
        }
        if let Some(min) = filter.min_confidence {
            arg(
                &mut sql,
                " AND json_extract(json, '$.confidence') >= ?",
                V::Real(f64::from(min)),
            );
        }
        if let Some([min_lon, min_lat, max_lon, max_lat]) = filter.bbox {
            arg(&mut sql, " AND longitude >= ?", V::Real(min_lon));
            arg(&mut sql, " AND longitude <= ?", V::Real(max_lon));
            arg(&mut sql, " AND latitude >= ?", V::Real(min_lat));
            arg(&mut sql, " AND latitude <= ?", V::Real(max_lat));
        }
        sql.push_str(" ORDER BY event_date, event_id");
        let mut st = self.conn.prepare(&sql).map_err(|e| E::from(self.err(e)))?;
        let mut rows = st
            .query(rusqlite::params_from_iter(args))
            .map_err(|e| E::from(self.err(e)))?;
        let mut n = 0;
        while let Some(row) = rows.next().map_err(|e| E::from(self.err(e)))? {
            let id: String = row.get(0).map_err(|e| E::from(self.err(e)))?;
            let json: String = row.get(1).map_err(|e| E::from(self.err(e)))?;
            let event: Event = serde_json::from_str(&json).map_err(|e| {
                E::from(StoreError::Corrupt {
                    what: format!("event {id}"),
                    problem: e.to_string(),
                })
            })?;
            each(event)?;
            n += 1;
        }
        Ok(n)
    }

    /// Every event that `filter` selects, by date then id.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<Event>> {
        let mut out = Vec::new();
        self.for_each_event(filter, |e| {
            out.push(e);
            Ok::<(), StoreError>(())
        })?;
        Ok(out)
    }

    /// Every merge ever made, undone ones included, by id.
    pub fn merges(&self) -> Result<Vec<MergeRecord>> {
        let mut st = self
            .conn
            .prepare(
                "SELECT id, event_id, report_event_id, doc_id, explanation, created_at, undone_at
                 FROM merges ORDER BY id",
            )
            .map_err(|e| self.err(e))?;
        let rows = st.query_map([], merge_record).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// Takes the report of merge `id` back out of its event: it becomes an
    /// event of its own, which is never merged again automatically.
    pub fn undo_merge(&mut self, id: i64, now: i64) -> Result<MergeRecord> {
        let path = self.path.clone();
        let wrap = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(wrap)?;
        let found: Option<(i64, i64, Option<i64>)> = tx
            .query_row("SELECT event, report, undone_at FROM merges WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()
            .map_err(wrap)?;
        let Some((cluster, report, undone)) = found else {
            return Err(StoreError::NotFound(format!(
                "no merge {id} (its document may have been replaced since)"
            )));
        };
        if undone.is_some() {
            return Err(StoreError::NotFound(format!("merge {id} is already undone")));
        }
        let (report_event_id, current): (String, i64) = tx
            .query_row("SELECT event_id, event FROM reports WHERE id = ?1", [report], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(wrap)?;
        if current != cluster {
            return Err(StoreError::NotFound(format!(
                "merge {id}: report {report_event_id} is no longer in that event"
            )));
        }
        let event_id = free_event_id(&tx, &report_event_id).map_err(wrap)?;
        tx.execute(
            "INSERT INTO events(event_id, event_date, country, iso, admin1, admin2, event_type, sub_event_type, actors, json)
             VALUES (?1, '', '', 0, '', '', '', '', '', '{}')",
            [&event_id],
        )
        .map_err(wrap)?;
        let new_cluster = tx.last_insert_rowid();
        tx.execute(
            "UPDATE reports SET event = ?2, no_merge = 1 WHERE id = ?1",
            params![report, new_cluster],
        )
        .map_err(wrap)?;
        recompute(&tx, &self.rules, cluster).map_err(|e| e.into_store(&path))?;
        recompute(&tx, &self.rules, new_cluster).map_err(|e| e.into_store(&path))?;
        tx.execute("UPDATE merges SET undone_at = ?2 WHERE id = ?1", params![id, now])
            .map_err(wrap)?;
        let record = tx
            .query_row(
                "SELECT id, event_id, report_event_id, doc_id, explanation, created_at, undone_at FROM merges WHERE id = ?1",
                [id],
                merge_record,
            )
            .map_err(wrap)?;
        tx.commit().map_err(wrap)?;
        Ok(record)
    }

    /// The validators last seen for `url`.
    pub fn fetch_state(&self, url: &str) -> Result<Option<FetchState>> {
        self.conn
            .query_row(
                "SELECT etag, last_modified, checked_at FROM fetch_state WHERE url = ?1",
                [url],
                |r| {
                    Ok(FetchState {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                        checked_at: r.get(2)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    pub fn set_fetch_state(&self, url: &str, state: &FetchState) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO fetch_state(url, etag, last_modified, checked_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(url) DO UPDATE SET etag = ?2, last_modified = ?3, checked_at = ?4",
                params![url, state.etag, state.last_modified, state.checked_at],
            )
            .map(|_| ())
            .map_err(|e| self.err(e))
    }
}

fn merge_record(r: &rusqlite::Row) -> rusqlite::Result<MergeRecord> {
    Ok(MergeRecord {
        id: r.get(0)?,
        event_id: r.get(1)?,
        report_event_id: r.get(2)?,
        doc_id: r.get(3)?,
        explanation: r.get(4)?,
        created_at: r.get(5)?,
        undone_at: r.get(6)?,
    })
}

/// FTS5 query syntax from plain words: each word quoted (so punctuation and
/// operators in user input cannot make a syntax error), all required.
fn fts_query(query: &str) -> Option<String> {
    let terms: Vec<String> = query
        .split_whitespace()
        .filter_map(|w| {
            let (word, prefix) = match w.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (w, false),
            };
            let word: String = word.chars().filter(|c| *c != '"').collect();
            if !word.chars().any(char::is_alphanumeric) {
                return None;
            }
            Some(if prefix {
                format!("\"{word}\"*")
            } else {
                format!("\"{word}\"")
            })
        })
        .collect();
    if terms.is_empty() {
        None
    } else {
        Some(terms.join(" "))
    }
}

fn status_in(conn: &Connection, doc: &Document, hash: &str) -> rusqlite::Result<Status> {
    let by_key: Option<(String, String)> = conn
        .query_row(
            "SELECT doc_id, content_hash FROM documents WHERE doc_id = ?1
             UNION ALL
             SELECT doc_id, content_hash FROM documents WHERE url = ?2 AND ?2 IS NOT NULL
             LIMIT 1",
            params![doc.id, doc.url],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((doc_id, stored)) = &by_key {
        if stored == hash {
            return Ok(Status::Unchanged { doc_id: doc_id.clone() });
        }
    }
    let by_hash: Option<String> = conn
        .query_row(
            "SELECT doc_id FROM documents WHERE content_hash = ?1 ORDER BY rowid LIMIT 1",
            [hash],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(doc_id) = by_hash {
        return Ok(Status::Duplicate { doc_id });
    }
    Ok(match by_key {
        Some((doc_id, _)) => Status::Changed { doc_id },
        None => Status::New,
    })
}

enum Fail {
    Sql(rusqlite::Error),
    Json(String, String),
}

impl From<rusqlite::Error> for Fail {
    fn from(e: rusqlite::Error) -> Self {
        Fail::Sql(e)
    }
}

impl Fail {
    fn into_store(self, path: &str) -> StoreError {
        match self {
            Fail::Sql(source) => StoreError::Sqlite {
                path: path.to_string(),
                source,
            },
            Fail::Json(what, problem) => StoreError::Corrupt { what, problem },
        }
    }
}

fn free_event_id(tx: &Transaction, wanted: &str) -> rusqlite::Result<String> {
    let taken = |id: &str| -> rusqlite::Result<bool> {
        tx.query_row("SELECT EXISTS(SELECT 1 FROM events WHERE event_id = ?1)", [id], |r| {
            r.get(0)
        })
    };
    if !taken(wanted)? {
        return Ok(wanted.to_string());
    }
    for n in 2.. {
        let id = format!("{wanted}-{n}");
        if !taken(&id)? {
            return Ok(id);
        }
    }
    unreachable!("some suffix is free")
}

/// `event` as this document's report: its document, an id no stored report and no id of
/// `taken` (this document's other reports) holds, and its JSON.
fn as_report(
    tx: &Transaction,
    doc_id: &str,
    hash: &str,
    event: Event,
    taken: &mut std::collections::HashSet<String>,
) -> std::result::Result<(Event, String), Fail> {
    let mut report = event;
    report.doc_id = doc_id.to_string();
    if report.event_id.is_empty() {
        report.event_id = format!("VEI-{}", &hash[..12]);
    }
    let clash = |id: &str, taken: &std::collections::HashSet<String>| -> rusqlite::Result<bool> {
        let stored: bool = tx.query_row("SELECT EXISTS(SELECT 1 FROM reports WHERE event_id = ?1)", [id], |r| {
            r.get(0)
        })?;
        Ok(stored || taken.contains(id))
    };
    if clash(&report.event_id, taken)? {
        // Another document's extraction used the same id: qualify it by this
        // document's content, which is stable across runs, and by a count after that.
        let qualified = format!("{}-{}", report.event_id, &hash[..8]);
        let mut id = qualified.clone();
        let mut n = 2;
        while clash(&id, taken)? {
            id = format!("{qualified}-{n}");
            n += 1;
        }
        report.event_id = id;
    }
    taken.insert(report.event_id.clone());
    if !report.sources.iter().any(|s| s == doc_id) {
        report.sources.push(doc_id.to_string());
        report.sources.sort();
    }
    for ev in &mut report.evidence {
        ev.doc_id.get_or_insert_with(|| doc_id.to_string());
    }
    let json = serde_json::to_string(&report).map_err(|e| Fail::Json(report.event_id.clone(), e.to_string()))?;
    Ok((report, json))
}

/// A stored event a report may join: (event row id, event id, why).
type MergeTarget = (i64, String, String);

/// How well a report fits a stored event, best lowest: another event type, then the days
/// apart, then the metres apart.
type CandidateRank = (u8, i64, u64);

/// Stores `report` into `target`, or as a new event when there is none.
#[allow(clippy::too_many_arguments)]
fn add_report(
    tx: &Transaction,
    rules: &MergeRules,
    doc_id: &str,
    doc_rowid: i64,
    report: &Event,
    json: &str,
    target: Option<MergeTarget>,
    now: i64,
) -> std::result::Result<Option<MergeRecord>, Fail> {
    match target {
        Some((cluster, cluster_event_id, explanation)) => {
            tx.execute(
                "INSERT INTO reports(doc, event_id, event, json) VALUES (?1, ?2, ?3, ?4)",
                params![doc_rowid, report.event_id, cluster, json],
            )?;
            let report_id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO merges(event, event_id, report, report_event_id, doc_id, explanation, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    cluster,
                    cluster_event_id,
                    report_id,
                    report.event_id,
                    doc_id,
                    explanation,
                    now
                ],
            )?;
            let merge_id = tx.last_insert_rowid();
            recompute(tx, rules, cluster)?;
            Ok(Some(MergeRecord {
                id: merge_id,
                event_id: cluster_event_id,
                report_event_id: report.event_id.clone(),
                doc_id: doc_id.to_string(),
                explanation,
                created_at: now,
                undone_at: None,
            }))
        }
        None => {
            let event_id = free_event_id(tx, &report.event_id)?;
            tx.execute(
                "INSERT INTO events(event_id, event_date, country, iso, admin1, admin2, event_type, sub_event_type, actors, json)
                 VALUES (?1, '', '', 0, '', '', '', '', '', '{}')",
                [&event_id],
            )?;
            let cluster = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO reports(doc, event_id, event, json) VALUES (?1, ?2, ?3, ?4)",
                params![doc_rowid, report.event_id, cluster, json],
            )?;
            recompute(tx, rules, cluster)?;
            Ok(None)
        }
    }
}

/// The stored event that `report` fits best, with how well and why, if any.
fn best_candidate(
    tx: &Transaction,
    rules: &MergeRules,
    doc_rowid: i64,
    report: &Event,
) -> std::result::Result<Option<(CandidateRank, MergeTarget)>, Fail> {
    let Some(date) = merge::parse_date(&report.event_date) else {
        return Ok(None);
    };
    let max_tol = rules.date_tolerance_days.values().copied().max().unwrap_or(31);
    let lo = (date - chrono::Duration::days(max_tol)).format("%Y-%m-%d").to_string();
    let hi = (date + chrono::Duration::days(max_tol)).format("%Y-%m-%d~").to_string();
    // A degree of latitude is ~111 km; longitude degrees shrink with latitude.
    let dlat = rules.max_distance_km / 110.0;
    let (lat, lon) = (
        report.latitude.unwrap_or(f64::NAN),
        report.longitude.unwrap_or(f64::NAN),
    );
    let dlon = dlat / lat.to_radians().cos().abs().max(0.05);
    let mut st = tx.prepare_cached(
        "SELECT e.id, e.event_id, e.json FROM events e
         WHERE e.event_date BETWEEN ?1 AND ?2
           AND ((e.admin2 = ?3 AND ?3 != '') OR (e.latitude BETWEEN ?4 AND ?5 AND e.longitude BETWEEN ?6 AND ?7))
           AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.event = e.id AND (r.doc = ?8 OR r.no_merge = 1))
         ORDER BY e.event_id",
    )?;
    let rows = st.query_map(
        params![
            lo,
            hi,
            report.admin2,
            lat - dlat,
            lat + dlat,
            lon - dlon,
            lon + dlon,
            doc_rowid
        ],
        |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)),
    )?;
    // (rank key, event row id, event id, explanation)
    type Candidate = (CandidateRank, i64, String, String);
    let mut best: Option<Candidate> = None;
    for row in rows {
        let (id, event_id, json) = row?;
        let candidate: Event = serde_json::from_str(&json).map_err(|e| Fail::Json(event_id.clone(), e.to_string()))?;
        let Ok(explanation) = rules.compatible(&candidate, report) else {
            continue;
        };
        let gap = merge::parse_date(&candidate.event_date)
            .map(|d| (d - date).num_days().abs())
            .unwrap_or(i64::MAX);
        let dist = match (
            candidate.latitude,
            candidate.longitude,
            report.latitude,
            report.longitude,
        ) {
            (Some(a), Some(b), Some(c), Some(d)) => (merge::haversine_km(a, b, c, d) * 1000.0) as u64,
            _ => u64::MAX,
        };
        let same_type = u8::from(candidate.event_type != report.event_type);
        let key = (same_type, gap, dist);
        if best.as_ref().is_none_or(|(k, ..)| key < *k) {
            best = Some((key, id, event_id, explanation));
        }
    }
    Ok(best.map(|(rank, id, event_id, explanation)| (rank, (id, event_id, explanation))))
}

/// Rewrites event `cluster` from its reports, or deletes it when none is left.
fn recompute(tx: &Transaction, rules: &MergeRules, cluster: i64) -> std::result::Result<(), Fail> {
    let reports: Vec<(String, String)> = {
        let mut st = tx.prepare_cached(
            "SELECT d.doc_id, r.json FROM reports r JOIN documents d ON d.rowid = r.doc
             WHERE r.event = ?1 ORDER BY r.id",
        )?;
        let rows = st.query_map([cluster], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    if reports.is_empty() {
        tx.execute("DELETE FROM merges WHERE event = ?1", [cluster])?;
        tx.execute("DELETE FROM events WHERE id = ?1", [cluster])?;
        return Ok(());
    }
    let mut parsed = Vec::with_capacity(reports.len());
    for (doc_id, json) in reports {
        let e: Event =
            serde_json::from_str(&json).map_err(|e| Fail::Json(format!("report of {doc_id}"), e.to_string()))?;
        parsed.push((doc_id, e));
    }
    let event_id: String = tx.query_row("SELECT event_id FROM events WHERE id = ?1", [cluster], |r| r.get(0))?;
    let merged = rules.combine(&event_id, &parsed);
    let actors = [
        merged.actor1.as_str(),
        merged.assoc_actor_1.as_str(),
        merged.actor2.as_str(),
        merged.assoc_actor_2.as_str(),
    ]
    .join("\u{1f}");
    let json = serde_json::to_string(&merged).map_err(|e| Fail::Json(event_id.clone(), e.to_string()))?;
    tx.execute(
        "UPDATE events SET event_date = ?2, country = ?3, iso = ?4, admin1 = ?5, admin2 = ?6, event_type = ?7,
         sub_event_type = ?8, actors = ?9, latitude = ?10, longitude = ?11, json = ?12 WHERE id = ?1",
        params![
            cluster,
            merged.event_date,
            merged.country,
            merged.iso,
            merged.admin1,
            merged.admin2,
            merged.event_type,
            merged.sub_event_type,
            actors,
            merged.latitude,
            merged.longitude,
            json
        ],
    )?;
    Ok(())
}
