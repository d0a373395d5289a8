//! `veille eval news-fr` and `veille eval news-en`: extraction scored against
//! the team's news gold (French conflict news; English general news).
//!
//! The gold holds only ids and labels; the article texts come from files in
//! `../shared` (the lefaso.net JSON Lines; the geoparsing corpora's XML), so
//! without them there is nothing to run and the command says so instead of
//! failing.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use veille_eval::geoparsing::english_news;
use veille_eval::news::{load_gold, load_gold_in, score, GoldDoc, NEWS_FR_COUNTRY};
use veille_extract::Extractor;
use veille_ingest::veille_store::{Status, Store};
use veille_input::{DocumentReader, ReadOptions};
use veille_model::{Document, Event};

const NEWS_IN_SHARED: &str = "data/news-fr/lefaso-security-2021-2022.jsonl";

#[derive(clap::Args)]
pub struct FrArgs {
    /// Gold annotations (JSON Lines of ids and ACLED labels).
    #[arg(long, default_value = "eval/news-fr/gold.jsonl")]
    pub gold: PathBuf,
    /// The articles, as Veille documents. Default: $VEILLE_SHARED/data/news-fr/… or
    /// ../shared/data/news-fr/lefaso-security-2021-2022.jsonl.
    #[arg(long)]
    pub news: Option<PathBuf>,
    /// Directory of extra lexicon files for the extractor.
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
    /// Country hint (ISO 3166-1 alpha-2) for every article, as a `veille watch` source
    /// configured with `country` gives it (lefaso.net covers Burkina Faso). Default: none,
    /// the geoparser and coder find the country from the text alone.
    #[arg(long)]
    pub country: Option<String>,
    /// Score these events (JSON Lines of Veille events, grouped by `doc_id`) instead of
    /// running the extractor, e.g. the output of `veille extract` or of another system.
    #[arg(long)]
    pub predicted: Option<PathBuf>,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// `veille eval news-en`: the English general news of the geoparsing corpora.
#[derive(clap::Args)]
pub struct EnArgs {
    /// Gold annotations (JSON Lines of ids and ACLED labels; ids are `GWN-<file>`,
    /// `GeoVirus-<position>`, `lgl-<docid>`).
    #[arg(long, default_value = "eval/news-en/gold.jsonl")]
    pub gold: PathBuf,
    /// Folder of the corpora (GWN.xml, GeoVirus.xml, lgl.xml). Default:
    /// $VEILLE_SHARED/data/geoparsing or ../shared/data/geoparsing.
    #[arg(long)]
    pub corpora: Option<PathBuf>,
    /// Publication date given to every article. The corpora carry none, and the extractor
    /// needs one to resolve "Tuesday" or "last week"; the default comes after every
    /// article of the three corpora (2008-2018), so a written date keeps its own year. The
    /// gold dates only events whose article writes the full date, so this date is never
    /// scored.
    #[arg(long, default_value = "2018-04-30")]
    pub published: String,
    /// Directory of extra lexicon files for the extractor.
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
    /// Score these events (JSON Lines of Veille events, grouped by `doc_id`) instead of
    /// running the extractor.
    #[arg(long)]
    pub predicted: Option<PathBuf>,
    /// Write the corpora's articles as Veille documents (JSON Lines) to this file and stop,
    /// to run `veille extract` or another system on exactly what is scored.
    #[arg(long)]
    pub write_documents: Option<PathBuf>,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

fn shared_path(relative: &str) -> PathBuf {
    let shared = std::env::var_os("VEILLE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared"));
    shared.join(relative)
}

pub fn run_fr(args: FrArgs) -> Result<()> {
    let gold = load_gold_in(&args.gold, NEWS_FR_COUNTRY).context("reading the news-fr gold")?;
    let news = args.news.clone().unwrap_or_else(|| shared_path(NEWS_IN_SHARED));
    let wanted: std::collections::BTreeSet<&str> = gold.iter().map(|d| d.id.as_str()).collect();
    // The articles, when present, are also stored to score the merges across them.
    let documents = if news.is_file() {
        Some(read_wanted(&news, &wanted)?)
    } else {
        None
    };
    let predicted = match (&args.predicted, &documents) {
        (Some(path), _) => read_predicted(path)?,
        (None, Some(documents)) => {
            let extractor = Extractor::new(args.lexicon.as_deref())
                .context("loading the extractor lexicons")?
                .with_country(args.country.clone());
            extract_all(&gold, documents, &extractor, &news.display().to_string())
        }
        (None, None) => {
            eprintln!(
                "skipping: {} not found; the gold keeps ids only, so there is no text to extract from \
                 (pass --news or set VEILLE_SHARED)",
                news.display()
            );
            return Ok(());
        }
    };
    let mut report = score(&gold, &predicted);
    if let Some(documents) = &documents {
        report.merges = Some(merges_across(&gold, documents, &predicted)?);
    }
    print_report(&report, args.json)
}

/// Stores every document with its events in a store in memory, in the order a feed
/// brings them (publication date, then id), and scores the merges the store made.
fn merges_across(
    gold: &[GoldDoc],
    documents: &BTreeMap<String, Document>,
    predicted: &[(String, Vec<Event>)],
) -> Result<veille_eval::merges::MergeReport> {
    let mut store = Store::open_in_memory().context("opening a store in memory")?;
    let mut order: Vec<(&Document, &[Event])> = predicted
        .iter()
        .filter_map(|(id, events)| documents.get(id).map(|doc| (doc, events.as_slice())))
        .collect();
    order.sort_by(|a, b| (&a.0.published, &a.0.id).cmp(&(&b.0.published, &b.0.id)));
    let mut stored_as = HashMap::new();
    for (doc, events) in order {
        let outcome = store.put(doc, events, 0)?;
        if matches!(outcome.status, Status::New | Status::Changed { .. }) {
            stored_as.extend(events.iter().map(|e| (e.event_id.clone(), e.event_id.clone())));
        }
        stored_as.extend(outcome.merges.into_iter().map(|m| (m.report_event_id, m.event_id)));
    }
    Ok(veille_eval::merges::score(gold, predicted, &stored_as))
}

pub fn run_en(args: EnArgs) -> Result<()> {
    let corpora = args.corpora.clone().unwrap_or_else(|| shared_path("data/geoparsing"));
    let gold = if args.write_documents.is_some() {
        Vec::new()
    } else {
        load_gold(&args.gold).context("reading the news-en gold")?
    };
    if let Some(path) = &args.predicted {
        let predicted = read_predicted(path)?;
        return print_report(&score(&gold, &predicted), args.json);
    }
    if !corpora.join("GWN.xml").is_file() {
        eprintln!(
            "skipping: {} not found; the gold keeps ids only, so there is no text to extract from \
             (pass --corpora or set VEILLE_SHARED)",
            corpora.display()
        );
        return Ok(());
    }
    let mut documents = BTreeMap::new();
    for (id, article) in english_news(&corpora)? {
        let document = Document {
            id: id.clone(),
            text: article.text,
            title: article.title,
            // The corpora say nothing of their outlets' dates or countries.
            published: Some(args.published.clone()),
            lang: Some("en".into()),
            ..Document::default()
        };
        documents.insert(id, document);
    }
    if let Some(out) = &args.write_documents {
        let mut lines = String::new();
        for document in documents.values() {
            lines.push_str(&serde_json::to_string(document)?);
            lines.push('\n');
        }
        std::fs::write(out, lines).with_context(|| format!("cannot write {}", out.display()))?;
        return Ok(());
    }
    let extractor = Extractor::new(args.lexicon.as_deref()).context("loading the extractor lexicons")?;
    let predicted = extract_all(&gold, &documents, &extractor, &corpora.display().to_string());
    print_report(&score(&gold, &predicted), args.json)
}

/// Runs the extractor on every gold document; a gold id with no text is reported and
/// scored as "nothing found", so its events count against recall.
fn extract_all(
    gold: &[GoldDoc],
    documents: &BTreeMap<String, Document>,
    extractor: &Extractor,
    origin: &str,
) -> Vec<(String, Vec<Event>)> {
    let mut predicted = Vec::with_capacity(gold.len());
    let mut missing = 0;
    for doc in gold {
        let Some(text) = documents.get(&doc.id) else {
            eprintln!("warning: {}: gold id not in {origin}", doc.id);
            missing += 1;
            continue;
        };
        match extractor.extract(text) {
            Ok(events) => predicted.push((doc.id.clone(), events)),
            Err(e) => eprintln!("error: {e} (scored as no events)"),
        }
    }
    if missing > 0 {
        eprintln!("warning: {missing} gold document(s) missing from {origin}");
    }
    predicted
}

fn print_report(report: &veille_eval::news::NewsReport, json: bool) -> Result<()> {
    if json {
        outln!("{}", serde_json::to_string_pretty(report)?);
    } else {
        out!("{report}");
    }
    Ok(())
}

/// Events of a JSON Lines file, grouped by their `doc_id`; a bad line is an
/// error naming it, since a silently dropped event would inflate precision.
fn read_predicted(path: &Path) -> Result<Vec<(String, Vec<Event>)>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut by_doc: BTreeMap<String, Vec<Event>> = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let origin = || format!("{}:{}: not a Veille event", path.display(), n + 1);
        // Fields a system does not produce (evidence, confidence…) take their
        // defaults, so any ACLED-shaped JSON with a doc_id can be scored.
        let mut value = serde_json::to_value(Event::default())?;
        let given: serde_json::Value = serde_json::from_str(line).with_context(origin)?;
        let (Some(all), serde_json::Value::Object(given)) = (value.as_object_mut(), given) else {
            anyhow::bail!("{}", origin());
        };
        all.extend(given);
        let event: Event = serde_json::from_value(value).with_context(origin)?;
        by_doc.entry(event.doc_id.clone()).or_default().push(event);
    }
    Ok(by_doc.into_iter().collect())
}

/// The news documents whose id the gold annotates; unreadable lines are
/// reported and skipped, as `veille extract` does.
fn read_wanted(news: &Path, wanted: &std::collections::BTreeSet<&str>) -> Result<BTreeMap<String, Document>> {
    let mut documents = BTreeMap::new();
    for item in DocumentReader::new(&[news.to_path_buf()], ReadOptions::default()) {
        match item {
            Ok(doc) if wanted.contains(doc.id.as_str()) => {
                documents.insert(doc.id.clone(), doc);
            }
            Ok(_) => {}
            Err(e) => eprintln!("warning: {e}"),
        }
    }
    Ok(documents)
}
