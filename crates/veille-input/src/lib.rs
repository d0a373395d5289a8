//! Input documents for `veille places`, `veille extract` and evaluation.
//!
//! Contract: [`DocumentReader`] turns a list of paths (or `-` for standard
//! input) into a stream of `Result<Document, InputError>`. A bad line or file
//! yields one error naming it (`news.jsonl:12: …`) and the stream goes on, so
//! callers decide between skipping and `--fail-fast`.
//!
//! - `.jsonl`, `.ndjson`, `.json` and standard input: one JSON document per line,
//!   `{"id","text","title"?,"published"?,"lang"?,"country"?,"spans"?}`.
//! - `.txt`: the whole file is one document; its id is the file name.
//! - `.html`, `.htm`: the main text and title, extracted by `dom_smoothie`
//!   (a maintained port of Mozilla's Readability, so no hand-written
//!   boilerplate stripper).
//! - a directory: its files with those extensions, in sorted order.
//!
//! Lines are read as bytes, so invalid UTF-8 is reported with its line
//! number instead of aborting the read; documents above
//! [`ReadOptions::max_document_bytes`] are refused before being parsed.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use veille_model::Document;

/// Why one input could not become a document.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {problem}")]
pub struct InputError {
    /// `path`, `path:line` or `stdin:line`.
    pub origin: String,
    pub problem: String,
}

#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Documents larger than this are refused with an error (default 10 MiB).
    pub max_document_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_document_bytes: 10 << 20,
        }
    }
}

enum Source {
    Lines {
        name: String,
        reader: Box<dyn BufRead>,
        line: usize,
    },
    Pending(PathBuf),
}

/// Streams documents from paths; see the crate doc for formats.
pub struct DocumentReader {
    queue: std::collections::VecDeque<Source>,
    current: Option<Source>,
    options: ReadOptions,
}

impl DocumentReader {
    /// `paths` empty or `["-"]` reads standard input.
    pub fn new(paths: &[PathBuf], options: ReadOptions) -> Self {
        let mut queue = std::collections::VecDeque::new();
        if paths.is_empty() {
            queue.push_back(stdin_source());
        }
        for path in paths {
            if path.as_os_str() == "-" {
                queue.push_back(stdin_source());
            } else {
                queue.push_back(Source::Pending(path.clone()));
            }
        }
        DocumentReader {
            queue,
            current: None,
            options,
        }
    }

    /// Reads JSON Lines from any reader (tests, network bodies).
    pub fn from_reader(name: &str, reader: impl Read + 'static, options: ReadOptions) -> Self {
        let mut queue = std::collections::VecDeque::new();
        queue.push_back(Source::Lines {
            name: name.to_string(),
            reader: Box::new(BufReader::new(reader)),
            line: 0,
        });
        DocumentReader {
            queue,
            current: None,
            options,
        }
    }

    fn next_line(&mut self) -> Option<Result<Document, InputError>> {
        let Some(Source::Lines { name, reader, line }) = self.current.as_mut() else {
            return None;
        };
        let limit = self.options.max_document_bytes;
        loop {
            *line += 1;
            let origin = format!("{name}:{line}");
            let mut buf = Vec::new();
            // Read at most limit+1 bytes of the line, then skip the rest, so a
            // 100 MB line costs no more memory than the limit.
            let mut taken = reader.by_ref().take(limit as u64 + 1);
            match taken.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    self.current = None;
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    self.current = None;
                    return Some(Err(InputError {
                        origin,
                        problem: format!("read failed: {e}"),
                    }));
                }
            }
            if buf.len() > limit && !buf.ends_with(b"\n") {
                let skipped = skip_line(reader.as_mut());
                let total = buf.len() + skipped;
                return Some(Err(InputError {
                    origin,
                    problem: format!(
                        "document of {} is over the {} limit",
                        human_bytes(total),
                        human_bytes(limit)
                    ),
                }));
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(parse_json_line(&buf).map_err(|problem| InputError { origin, problem }));
        }
    }

    fn open(&mut self, path: PathBuf) -> Option<Result<Document, InputError>> {
        let origin = path.display().to_string();
        let err = |problem: String| {
            Some(Err(InputError {
                origin: origin.clone(),
                problem,
            }))
        };
        if path.is_dir() {
            let mut entries: Vec<PathBuf> = match std::fs::read_dir(&path) {
                Ok(dir) => dir
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.is_dir() || kind_of(p).is_some())
                    .collect(),
                Err(e) => return err(format!("cannot read directory: {e}")),
            };
            entries.sort();
            for entry in entries.into_iter().rev() {
                self.queue.push_front(Source::Pending(entry));
            }
            return None;
        }
        match kind_of(&path) {
            Some(Kind::JsonLines) => match File::open(&path) {
                Ok(file) => {
                    self.current = Some(Source::Lines {
                        name: origin,
                        reader: Box::new(BufReader::new(file)),
                        line: 0,
                    });
                    None
                }
                Err(e) => err(format!("cannot open: {e}")),
            },
            Some(kind) => {
                Some(read_whole_file(&path, kind, &self.options).map_err(|problem| InputError { origin, problem }))
            }
            None => err("unknown file type: expected .jsonl, .ndjson, .json, .txt, .html or .htm".into()),
        }
    }
}

impl Iterator for DocumentReader {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.current.is_some() {
                if let Some(item) = self.next_line() {
                    return Some(item);
                }
                continue;
            }
            match self.queue.pop_front()? {
                source @ Source::Lines { .. } => self.current = Some(source),
                Source::Pending(path) => {
                    if let Some(item) = self.open(path) {
                        return Some(item);
                    }
                }
            }
        }
    }
}

fn stdin_source() -> Source {
    Source::Lines {
        name: "stdin".into(),
        reader: Box::new(BufReader::new(io::stdin())),
        line: 0,
    }
}

#[derive(Clone, Copy)]
enum Kind {
    JsonLines,
    Text,
    Html,
}

fn kind_of(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "jsonl" | "ndjson" | "json" => Some(Kind::JsonLines),
        "txt" => Some(Kind::Text),
        "html" | "htm" => Some(Kind::Html),
        _ => None,
    }
}

fn skip_line(reader: &mut dyn BufRead) -> usize {
    let mut skipped = 0;
    loop {
        let (done, used) = match reader.fill_buf() {
            Ok([]) | Err(_) => return skipped,
            Ok(buf) => match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (true, i + 1),
                None => (false, buf.len()),
            },
        };
        reader.consume(used);
        skipped += used;
        if done {
            return skipped;
        }
    }
}

fn human_bytes(n: usize) -> String {
    if n >= 1 << 20 {
        format!("{:.1} MiB", n as f64 / (1 << 20) as f64)
    } else {
        format!("{n} bytes")
    }
}

fn parse_json_line(bytes: &[u8]) -> Result<Document, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))?;
    // The usual line, an object with string id and text and no repeated key, reads
    // straight into a document: the same document the checks below would build, at
    // half the cost of an intermediate `Value`. Anything else (numeric ids, errors to
    // explain) takes the checked way. An array could deserialize into the struct
    // too, hence the brace.
    if text.trim_start().starts_with('{') {
        if let Ok(doc) = serde_json::from_str::<Document>(text) {
            return checked(doc);
        }
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("malformed JSON: {e}"))?;
    let serde_json::Value::Object(map) = &value else {
        return Err("expected a JSON object".into());
    };
    match map.get("text") {
        None => return Err("missing \"text\" field".into()),
        Some(serde_json::Value::String(_)) => {}
        Some(_) => return Err("\"text\" must be a string".into()),
    }
    if !matches!(
        map.get("id"),
        Some(serde_json::Value::String(_)) | Some(serde_json::Value::Number(_))
    ) {
        return Err("missing \"id\" field (a string or a number)".into());
    }
    let mut value = value;
    if let Some(id @ serde_json::Value::Number(_)) = value.get_mut("id") {
        *id = serde_json::Value::String(id.to_string());
    }
    let doc: Document = serde_json::from_value(value).map_err(|e| format!("bad document: {e}"))?;
    checked(doc)
}

/// A document read from a line, its empty country hint dropped (an empty field of a
/// spreadsheet's export means no hint), then checked.
fn checked(mut doc: Document) -> Result<Document, String> {
    if doc.country.as_deref().is_some_and(|c| c.trim().is_empty()) {
        doc.country = None;
    }
    check_document(&doc)?;
    Ok(doc)
}

/// The checks every document passes before it reaches the pipeline.
pub fn check_document(doc: &Document) -> Result<(), String> {
    if doc.text.trim().is_empty() {
        return Err(format!("document {:?} has an empty text", doc.id));
    }
    if let Some(country) = &doc.country {
        if country.trim().len() != 2 || !country.trim().chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(format!(
                "document {:?}: country {country:?} is not an ISO 3166-1 alpha-2 code (\"ML\", \"BF\")",
                doc.id
            ));
        }
    }
    if let Some(spans) = &doc.spans {
        let len = doc.text.chars().count();
        if let Some([s, e]) = spans.iter().find(|[s, e]| s >= e || *e > len) {
            return Err(format!(
                "document {:?}: span [{s},{e}] is empty or past the end of the text ({len} code points)",
                doc.id
            ));
        }
    }
    Ok(())
}

fn read_whole_file(path: &Path, kind: Kind, options: &ReadOptions) -> Result<Document, String> {
    let size = std::fs::metadata(path).map_err(|e| format!("cannot open: {e}"))?.len() as usize;
    if size > options.max_document_bytes {
        return Err(format!(
            "document of {} is over the {} limit",
            human_bytes(size),
            human_bytes(options.max_document_bytes)
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let id = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let doc = match kind {
        Kind::Text => {
            let text = String::from_utf8(bytes)
                .map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))?;
            Document {
                id,
                text,
                ..Default::default()
            }
        }
        Kind::Html => {
            let html = String::from_utf8_lossy(&bytes);
            let article = html_to_article(&html, None)?;
            Document {
                id,
                text: article.text,
                title: article.title,
                published: article.published,
                lang: article.lang,
                ..Default::default()
            }
        }
        Kind::JsonLines => unreachable!("JSON Lines files are streamed"),
    };
    check_document(&doc)?;
    Ok(doc)
}

/// The readable part of a web page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    pub title: Option<String>,
    pub text: String,
    pub published: Option<String>,
    pub lang: Option<String>,
}

/// Extracts title, main text, publication date and declared language from HTML.
pub fn html_to_article(html: &str, url: Option<&str>) -> Result<Article, String> {
    let mut readability =
        dom_smoothie::Readability::new(html, url, None).map_err(|e| format!("cannot parse HTML: {e}"))?;
    let article = readability.parse().map_err(|e| format!("no article text found: {e}"))?;
    let text = normalize_paragraphs(&article.text_content);
    let nonempty = |s: String| {
        if s.trim().is_empty() {
            None
        } else {
            Some(s.trim().to_string())
        }
    };
    Ok(Article {
        title: nonempty(article.title.to_string()),
        text,
        published: article.published_time.map(|t| t.to_string()).and_then(nonempty),
        lang: article.lang.map(|l| l.to_string()).and_then(nonempty),
    })
}

/// One paragraph per line, runs of spaces collapsed, blank lines dropped:
/// HTML text keeps the page's indentation, and Veille's sentence splitter
/// reads a line break as a paragraph break.
pub fn normalize_paragraphs(text: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &'static [u8]) -> Vec<Result<Document, InputError>> {
        DocumentReader::from_reader(
            "in.jsonl",
            input,
            ReadOptions {
                max_document_bytes: 200,
            },
        )
        .collect()
    }

    #[test]
    fn bad_lines_are_named_and_the_rest_is_read() {
        let input: &'static [u8] = b"{\"id\":\"a\",\"text\":\"ok\"}\n{broken\n\n{\"id\":\"b\",\"text\":\"  \"}\n{\"id\":\"c\",\"text\":\"\xff\"}\n{\"id\":7,\"text\":\"fine\"}\n";
        let out = read_all(input);
        assert_eq!(out.len(), 5);
        assert_eq!(out[0].as_ref().unwrap().id, "a");
        let e = out[1].as_ref().unwrap_err();
        assert_eq!(e.origin, "in.jsonl:2");
        assert!(e.problem.starts_with("malformed JSON"), "{e}");
        assert_eq!(out[2].as_ref().unwrap_err().origin, "in.jsonl:4");
        assert!(out[2].as_ref().unwrap_err().problem.contains("empty text"));
        assert!(out[3].as_ref().unwrap_err().problem.contains("invalid UTF-8"));
        assert_eq!(out[4].as_ref().unwrap().id, "7");
    }

    #[test]
    fn oversized_lines_are_refused_and_skipped() {
        let mut input = b"{\"id\":\"big\",\"text\":\"".to_vec();
        input.extend(std::iter::repeat_n(b'x', 1000));
        input.extend(b"\"}\n{\"id\":\"after\",\"text\":\"ok\"}\n");
        let leaked: &'static [u8] = Box::leak(input.into_boxed_slice());
        let out = read_all(leaked);
        assert_eq!(out.len(), 2);
        assert!(out[0]
            .as_ref()
            .unwrap_err()
            .problem
            .contains("over the 200 bytes limit"));
        assert_eq!(out[1].as_ref().unwrap().id, "after");
    }

    #[test]
    fn country_hints_are_codes_or_nothing() {
        let out = read_all(
            b"{\"id\":\"a\",\"text\":\"abc\",\"country\":\"\"}\n\
              {\"id\":\"b\",\"text\":\"abc\",\"country\":\"Mali\"}\n\
              {\"id\":\"c\",\"text\":\"abc\",\"country\":\"ml\"}\n",
        );
        assert_eq!(out[0].as_ref().unwrap().country, None, "an empty field is no hint");
        let e = out[1].as_ref().unwrap_err();
        assert!(e.problem.contains("\"Mali\" is not an ISO 3166-1 alpha-2 code"), "{e}");
        assert_eq!(out[2].as_ref().unwrap().country.as_deref(), Some("ml"));
    }

    #[test]
    fn spans_are_checked() {
        let out = read_all(b"{\"id\":\"a\",\"text\":\"abc\",\"spans\":[[1,9]]}\n");
        assert!(out[0].as_ref().unwrap_err().problem.contains("past the end"));
    }

    #[test]
    fn html_gives_title_and_text() {
        let html = "<html><head><title>Attaque à Djibo</title></head><body><nav>Menu Accueil</nav><article><h1>Attaque à Djibo</h1><p>Des hommes armés ont attaqué un poste de gendarmerie à Djibo dans la nuit de lundi. Le bilan fait état de trois morts parmi les assaillants selon une source sécuritaire locale.</p><p>Les forces de défense ont ensuite ratissé la zone autour de la ville pendant plusieurs heures.</p></article></body></html>";
        let article = html_to_article(html, None).unwrap();
        assert!(article.text.contains("poste de gendarmerie à Djibo"));
        assert!(!article.text.contains("Menu Accueil"));
        assert_eq!(article.title.as_deref(), Some("Attaque à Djibo"));
    }
}
