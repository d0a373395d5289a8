//! Geoparser scores on the English geoparsing corpora (LGL, GeoWebNews,
//! GeoVirus) and on the locations of ACLED's Sahel rows.
//!
//! - **Resolution only**: the gold spans are given, Veille resolves them.
//!   Acc@161 counts a toponym right when the resolved point is within 161 km
//!   of the gold point; a span Veille leaves unresolved counts as wrong.
//!   Exact id compares GeoNames ids where the gold has one.
//! - **End to end**: Veille finds the mentions itself; a gold toponym is
//!   found when a predicted mention overlaps it. Precision, recall, and
//!   Acc@161 on the found ones.
//! - **Sahel**: every ACLED row with geo_precision 1 gives (location,
//!   country): resolved alone with the country hint; scored on distance
//!   (within 25 km) and admin1/admin2 names (folded).

use std::fmt;
use std::path::Path;

use quick_xml::events::Event as XmlEvent;
use quick_xml::Reader;
use veille_geoparse::{resolve::haversine_km, Geoparser, Hints, PlaceHit};

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {problem}")]
    Input { path: String, problem: String },
}

fn input_error(path: &Path, problem: impl fmt::Display) -> EvalError {
    EvalError::Input {
        path: path.display().to_string(),
        problem: problem.to_string(),
    }
}

/// One gold toponym: code-point span, point and (when known) GeoNames id.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldToponym {
    pub start: usize,
    pub end: usize,
    pub latitude: f64,
    pub longitude: f64,
    pub geonames_id: Option<u32>,
    /// The toponym as the gold writes it.
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GoldArticle {
    /// The corpus's own key: LGL's `docid`, GWN's `file`, else the article's
    /// position (GeoVirus has no key).
    pub key: String,
    pub title: Option<String>,
    pub text: String,
    pub toponyms: Vec<GoldToponym>,
}

/// The three corpora share a shape: `<article>` with a text and toponyms
/// carrying start/end and coordinates under differing element names.
struct Schema {
    toponym: &'static str,
    lat: &'static [&'static str],
    lon: &'static [&'static str],
    id_attr: Option<(&'static str, &'static str)>,
    id_elem: Option<&'static str>,
}

const LGL: Schema = Schema {
    toponym: "toponym",
    lat: &["lat"],
    lon: &["lon"],
    id_attr: Some(("gaztag", "geonameid")),
    id_elem: None,
};
const GWN: Schema = Schema {
    toponym: "toponym",
    lat: &["latitude"],
    lon: &["longitude"],
    id_attr: None,
    id_elem: Some("geonamesID"),
};
const GEOVIRUS: Schema = Schema {
    toponym: "location",
    lat: &["lat"],
    lon: &["lon"],
    id_attr: None,
    id_elem: None,
};

/// Reads a corpus file; toponyms without coordinates (GWN's non-toponyms) are dropped.
pub fn load_corpus(path: &Path) -> Result<Vec<GoldArticle>, EvalError> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let schema = if name.starts_with("lgl") {
        &LGL
    } else if name.starts_with("gwn") {
        &GWN
    } else if name.starts_with("geovirus") {
        &GEOVIRUS
    } else {
        return Err(input_error(
            path,
            "unknown corpus: expected lgl.xml, GWN.xml or GeoVirus.xml",
        ));
    };
    let xml = std::fs::read_to_string(path).map_err(|e| input_error(path, e))?;
    parse_corpus(&xml, schema).map_err(|e| input_error(path, e))
}

/// The three corpora as news articles, for the English general-news gold: (document id,
/// article), ids `GWN-<file>`, `GeoVirus-<position>`, `lgl-<docid>`, in corpus order. A
/// missing corpus file is an error naming it.
pub fn english_news(dir: &Path) -> Result<Vec<(String, GoldArticle)>, EvalError> {
    let mut out = Vec::new();
    for (file, prefix) in [("GWN.xml", "GWN"), ("GeoVirus.xml", "GeoVirus"), ("lgl.xml", "lgl")] {
        for article in load_corpus(&dir.join(file))? {
            out.push((format!("{prefix}-{}", article.key), article));
        }
    }
    Ok(out)
}

#[derive(Default)]
struct Partial {
    name: Option<String>,
    start: Option<usize>,
    end: Option<usize>,
    lat: Option<f64>,
    lon: Option<f64>,
    id: Option<u32>,
}

fn parse_corpus(xml: &str, schema: &Schema) -> Result<Vec<GoldArticle>, String> {
    let mut reader = Reader::from_str(xml);
    let mut articles = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut title = None;
    let mut key = None;
    let mut toponyms = Vec::new();
    let mut current: Option<Partial> = None;
    let mut buffer = String::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("XML error at byte {}: {e}", reader.buffer_position()))?;
        match event {
            XmlEvent::Start(e) => {
                let tag = e.name().0.to_string();
                if tag == "article" {
                    key = e
                        .attributes()
                        .flatten()
                        .find(|a| matches!(a.key.0, "docid" | "file"))
                        .map(|a| a.value.to_string());
                }
                if tag == schema.toponym {
                    current = Some(Partial::default());
                }
                if let (Some((elem, attr)), Some(partial)) = (schema.id_attr, current.as_mut()) {
                    if tag == elem {
                        for a in e.attributes().flatten() {
                            if a.key.0 == attr {
                                partial.id = a.value.parse().ok();
                            }
                        }
                    }
                }
                stack.push(tag);
                buffer.clear();
            }
            XmlEvent::Text(t) => buffer.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0)),
            XmlEvent::GeneralRef(r) => {
                let name: String = r.as_ref().to_string();
                buffer.push_str(match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "",
                });
                if let Some(num) = name.strip_prefix('#') {
                    let code = match num.strip_prefix('x') {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => num.parse().ok(),
                    };
                    if let Some(c) = code.and_then(char::from_u32) {
                        buffer.push(c);
                    }
                }
            }
            XmlEvent::CData(t) => buffer.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0)),
            XmlEvent::End(_) => {
                let tag = stack.pop().unwrap_or_default();
                let in_toponym = stack.iter().any(|s| s == schema.toponym);
                if tag == "text" && !in_toponym {
                    text = std::mem::take(&mut buffer);
                } else if tag == "title" && !in_toponym {
                    title = Some(buffer.trim().to_string()).filter(|t| !t.is_empty());
                } else if let Some(partial) = current.as_mut().filter(|_| in_toponym) {
                    // LGL nests its gold point under <gaztag>; the toponym's own
                    // start/end are direct children.
                    let value = buffer.trim();
                    match tag.as_str() {
                        "name" | "phrase" | "extractedName" if partial.name.is_none() => {
                            partial.name = Some(value.to_string())
                        }
                        "start" => partial.start = value.parse().ok(),
                        "end" => partial.end = value.parse().ok(),
                        t if schema.lat.contains(&t) => partial.lat = value.parse().ok(),
                        t if schema.lon.contains(&t) => partial.lon = value.parse().ok(),
                        t if Some(t) == schema.id_elem => partial.id = value.parse().ok(),
                        _ => {}
                    }
                } else if tag == schema.toponym {
                    if let Some(Partial {
                        name,
                        start: Some(start),
                        end: Some(end),
                        lat: Some(latitude),
                        lon: Some(longitude),
                        id,
                    }) = current.take()
                    {
                        toponyms.push(GoldToponym {
                            start,
                            end,
                            latitude,
                            longitude,
                            geonames_id: id,
                            name,
                        });
                    }
                } else if tag == "article" {
                    let text = std::mem::take(&mut text);
                    let mut toponyms = std::mem::take(&mut toponyms);
                    align_spans(&text, &mut toponyms);
                    let key = key.take().unwrap_or_else(|| articles.len().to_string());
                    articles.push(GoldArticle {
                        key,
                        title: title.take(),
                        text,
                        toponyms,
                    });
                }
                buffer.clear();
            }
            XmlEvent::Eof => break,
            _ => {}
        }
    }
    Ok(articles)
}

/// GeoVirus counts its offsets from one, the others from zero: when the
/// gold's own name is not at its span, it is looked for a few code points
/// around it and the span moved there.
fn align_spans(text: &str, toponyms: &mut [GoldToponym]) {
    let chars: Vec<char> = text.chars().collect();
    let at =
        |s: usize, e: usize| -> Option<String> { (e <= chars.len() && s < e).then(|| chars[s..e].iter().collect()) };
    for t in toponyms.iter_mut() {
        let Some(name) = &t.name else { continue };
        if at(t.start, t.end).as_deref() == Some(name.as_str()) {
            continue;
        }
        let len = name.chars().count();
        for shift in [-1i64, 1, -2, 2, -3, 3] {
            let s = t.start as i64 + shift;
            if s < 0 {
                continue;
            }
            let s = s as usize;
            if at(s, s + len).as_deref() == Some(name.as_str()) {
                t.start = s;
                t.end = s + len;
                break;
            }
        }
    }
}

/// Scores of one corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusScores {
    pub name: String,
    pub articles: usize,
    pub toponyms: usize,
    /// Resolution only.
    pub resolved: usize,
    pub within_161: usize,
    pub with_gold_id: usize,
    pub exact_id: usize,
    pub error_km_sum: f64,
    pub errors_km: Vec<f64>,
    /// End to end.
    pub predicted: usize,
    pub found: usize,
    pub found_correct_predictions: usize,
    /// Predicted demonyms ("Canadian") that overlap no gold toponym: corpora that
    /// annotate no adjectives count them as false alarms, and systems that output
    /// no demonyms never make them.
    pub unmatched_demonyms: usize,
    pub found_within_161: usize,
    /// Resolution-only misses (over 161 km or unresolved), one line each, for error analysis.
    pub failures: Vec<String>,
    /// End-to-end mentions that overlap no gold toponym.
    pub false_alarms: Vec<String>,
}

impl CorpusScores {
    pub fn acc161(&self) -> f64 {
        pct(self.within_161, self.toponyms)
    }
    pub fn mean_error_km(&self) -> f64 {
        if self.resolved == 0 {
            0.0
        } else {
            self.error_km_sum / self.resolved as f64
        }
    }
    pub fn median_error_km(&self) -> f64 {
        let mut v = self.errors_km.clone();
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(0.0)
    }
    pub fn precision(&self) -> f64 {
        pct(self.found_correct_predictions, self.predicted)
    }
    /// End-to-end precision with unmatched demonyms left out, as a geoparser that
    /// reads no adjectives would be scored.
    pub fn precision_without_demonyms(&self) -> f64 {
        pct(self.found_correct_predictions, self.predicted - self.unmatched_demonyms)
    }
    pub fn recall(&self) -> f64 {
        pct(self.found, self.toponyms)
    }
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

/// Scores one corpus, both modes.
pub fn score_corpus(name: &str, articles: &[GoldArticle], geoparser: &Geoparser) -> CorpusScores {
    let mut s = CorpusScores {
        name: name.to_string(),
        articles: articles.len(),
        ..Default::default()
    };
    let hints = Hints::default();
    for (doc, article) in articles.iter().enumerate() {
        let spans: Vec<[usize; 2]> = article.toponyms.iter().map(|t| [t.start, t.end]).collect();
        let hits = geoparser.resolve_spans(&article.text, &spans, &hints);
        for gold in &article.toponyms {
            s.toponyms += 1;
            if gold.geonames_id.is_some() {
                s.with_gold_id += 1;
            }
            let surface: String = article
                .text
                .chars()
                .skip(gold.start)
                .take(gold.end - gold.start)
                .collect();
            let Some(hit) = hits
                .iter()
                .find(|h| h.mention.start == gold.start && h.mention.end == gold.end)
            else {
                s.failures.push(format!(
                    "{doc}\t{surface}\tunresolved\tgold {:.3},{:.3} id {:?}\t\t{}",
                    gold.latitude,
                    gold.longitude,
                    gold.geonames_id,
                    miss_diagnosis(geoparser, &surface, gold)
                ));
                continue;
            };
            s.resolved += 1;
            let km = haversine_km(
                gold.latitude,
                gold.longitude,
                hit.mention.latitude,
                hit.mention.longitude,
            );
            s.error_km_sum += km;
            s.errors_km.push(km);
            if km <= 161.0 {
                s.within_161 += 1;
            } else {
                let m = &hit.mention;
                s.failures.push(format!(
                    "{doc}\t{surface}\t{} {} {} ({}, {}) p{} id {}\tgold {:.3},{:.3} id {:?}\t{km:.0} km\t{}",
                    m.name,
                    m.feature_code,
                    m.country_code,
                    m.admin2,
                    m.admin1,
                    m.precision,
                    m.geonames_id,
                    gold.latitude,
                    gold.longitude,
                    gold.geonames_id,
                    miss_diagnosis(geoparser, &surface, gold)
                ));
            }
            if gold.geonames_id == Some(hit.mention.geonames_id) {
                s.exact_id += 1;
            }
        }
        let predicted = geoparser.parse(&article.text, &hints);
        s.predicted += predicted.len();
        let overlaps =
            |h: &veille_geoparse::PlaceHit, g: &GoldToponym| h.mention.start < g.end && g.start < h.mention.end;
        for h in &predicted {
            if article.toponyms.iter().any(|g| overlaps(h, g)) {
                s.found_correct_predictions += 1;
            } else {
                if h.role == veille_geoparse::MentionRole::Demonym {
                    s.unmatched_demonyms += 1;
                }
                let m = &h.mention;
                s.false_alarms
                    .push(format!("{}\t{} {} {}", m.text, m.name, m.feature_code, m.country_code));
            }
        }
        for gold in &article.toponyms {
            if let Some(hit) = predicted.iter().find(|h| overlaps(h, gold)) {
                s.found += 1;
                if haversine_km(
                    gold.latitude,
                    gold.longitude,
                    hit.mention.latitude,
                    hit.mention.longitude,
                ) <= 161.0
                {
                    s.found_within_161 += 1;
                }
            }
        }
    }
    s
}

/// Why a resolution-only miss happened, for error analysis: the gold
/// GeoNames feature as the gazetteer holds it (or `gold-id-absent`), and the
/// best context-free candidate of the name within 161 km of the gold point
/// with its rank (`no-candidate-near` when the gazetteer cannot get it right
/// from the name at all, a coverage miss rather than a ranking one).
fn miss_diagnosis(geoparser: &Geoparser, surface: &str, gold: &GoldToponym) -> String {
    let gazetteer = geoparser.gazetteer();
    let gold_place = match gold.geonames_id {
        None => "gold-id-none".to_string(),
        Some(id) => match gazetteer.by_geonames_id(id) {
            Some(i) => {
                let p = gazetteer.place(i);
                format!(
                    "gold={} {} {} pop {}",
                    p.name, p.feature_code, p.country_code, p.population
                )
            }
            None => "gold-id-absent".to_string(),
        },
    };
    let candidates = geoparser.candidates(surface, &Hints::default());
    let near = candidates.iter().enumerate().find(|(_, c)| {
        let p = gazetteer.place(c.place);
        haversine_km(gold.latitude, gold.longitude, p.latitude, p.longitude) <= 161.0
    });
    let near = match near {
        Some((rank, c)) => {
            let p = gazetteer.place(c.place);
            format!(
                "near=#{rank}/{} {} {} {} {:?} {:.1} (top {:.1})",
                candidates.len(),
                p.name,
                p.feature_code,
                p.country_code,
                c.kind,
                c.score,
                candidates[0].score
            )
        }
        None => format!("no-candidate-near ({} candidates)", candidates.len()),
    };
    format!("{gold_place}\t{near}")
}

/// Sahel scores from ACLED rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SahelScores {
    pub name: String,
    pub rows: usize,
    pub resolved: usize,
    pub within_25: usize,
    pub admin1_equal: usize,
    pub admin2_equal: usize,
    /// The most frequent misses: (location, country, what Veille gave).
    pub misses: Vec<(String, String, String)>,
    /// The same rows, each location resolved where its note writes it.
    pub in_note: InNoteScores,
}

/// The locations of [`SahelScores`] resolved as the geoparser meets them in the news: as a
/// span of the row's notes, with ACLED's admin hints masked, so that the other places of the
/// note vote as they do in an article. A row whose note does not write its location is
/// resolved alone, as in [`SahelScores`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InNoteScores {
    /// Rows whose note writes the location.
    pub written: usize,
    pub resolved: usize,
    pub within_25: usize,
    pub admin1_equal: usize,
    pub admin2_equal: usize,
}

/// Scores the ACLED rows of `path` with geo_precision 1.
pub fn score_acled_locations(path: &Path, geoparser: &Geoparser) -> Result<SahelScores, EvalError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .map_err(|e| input_error(path, e))?;
    let headers = reader.headers().map_err(|e| input_error(path, e))?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| input_error(path, format!("no column {name:?}")))
    };
    let (c_loc, c_lat, c_lon, c_prec, c_a1, c_a2, c_iso3, c_country) = (
        col("location")?,
        col("latitude")?,
        col("longitude")?,
        col("geo_precision")?,
        col("admin1")?,
        col("admin2")?,
        col("iso3").ok(),
        col("country")?,
    );
    let (c_a3, c_notes) = (col("admin3").ok(), col("notes").ok());
    let gazetteer = geoparser.gazetteer();
    let mut s = SahelScores {
        name: path.file_name().unwrap_or_default().to_string_lossy().into_owned(),
        ..Default::default()
    };
    for (n, row) in reader.records().enumerate() {
        let row = row.map_err(|e| input_error(path, format!("row {}: {e}", n + 2)))?;
        if row.get(c_prec).map(str::trim) != Some("1") {
            continue;
        }
        let (Some(location), Ok(lat), Ok(lon)) = (row.get(c_loc), row[c_lat].parse::<f64>(), row[c_lon].parse::<f64>())
        else {
            continue;
        };
        let country_name = &row[c_country];
        let code = c_iso3
            .and_then(|c| row.get(c))
            .and_then(|iso3| country_code_by_iso3(gazetteer, iso3))
            .or_else(|| {
                gazetteer
                    .country_by_name(&veille_text::fold(country_name))
                    .map(|c| c.code.to_string())
            });
        s.rows += 1;
        let hints = Hints {
            country: code,
            lang: Some("en".into()),
            regions: Vec::new(),
        };
        let len = location.chars().count();
        let alone = geoparser
            .resolve_spans(location, &[[0, len]], &hints)
            .into_iter()
            .next();
        let near = |hit: &PlaceHit| haversine_km(lat, lon, hit.mention.latitude, hit.mention.longitude) <= 25.0;
        let admin_equal = |hit: &PlaceHit| {
            (
                veille_text::fold(&hit.mention.admin1) == veille_text::fold(&row[c_a1]),
                veille_text::fold(&hit.mention.admin2) == veille_text::fold(&row[c_a2]),
            )
        };
        let note = c_notes.map(|c| {
            let admins = [&row[c_a1], &row[c_a2], c_a3.map_or("", |c| &row[c]), location];
            crate::acled::mask_notes(&row[c], &admins)
        });
        let in_note = note
            .as_deref()
            .and_then(|note| written_at(note, location).map(|span| (note, span)))
            .map(|(note, span)| resolve_in_context(geoparser, note, span, &hints));
        if let Some(hit) = in_note.as_ref().map(Option::as_ref).unwrap_or(alone.as_ref()) {
            let scores = &mut s.in_note;
            scores.resolved += 1;
            scores.within_25 += usize::from(near(hit));
            let (admin1, admin2) = admin_equal(hit);
            scores.admin1_equal += usize::from(admin1);
            scores.admin2_equal += usize::from(admin2);
        }
        s.in_note.written += usize::from(in_note.is_some());
        let Some(hit) = alone else {
            s.misses
                .push((location.to_string(), country_name.to_string(), "unresolved".into()));
            continue;
        };
        s.resolved += 1;
        let m = &hit.mention;
        if near(&hit) {
            s.within_25 += 1;
        } else {
            let km = haversine_km(lat, lon, m.latitude, m.longitude);
            s.misses.push((
                location.to_string(),
                country_name.to_string(),
                format!(
                    "{} {} ({}, {}) {km:.0} km off",
                    m.name, m.feature_code, m.admin2, m.admin1
                ),
            ));
        }
        let (admin1, admin2) = admin_equal(&hit);
        s.admin1_equal += usize::from(admin1);
        s.admin2_equal += usize::from(admin2);
    }
    Ok(s)
}

/// The code-point span where `text` first writes `name` as whole words, ignoring case and
/// accents.
fn written_at(text: &str, name: &str) -> Option<[usize; 2]> {
    let key = veille_text::fold(name);
    let len = name.chars().count();
    if len == 0 {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let word_edge =
        |i: usize| i == 0 || i >= chars.len() || !chars[i - 1].is_alphanumeric() || !chars[i].is_alphanumeric();
    (0..chars.len().saturating_sub(len - 1))
        .filter(|&i| word_edge(i) && word_edge(i + len))
        .find(|&i| veille_text::fold(&chars[i..i + len].iter().collect::<String>()) == key)
        .map(|i| [i, i + len])
}

/// The reading of `span` among the places the geoparser finds in `text`, resolved
/// together as in a document.
fn resolve_in_context(geoparser: &Geoparser, text: &str, span: [usize; 2], hints: &Hints) -> Option<PlaceHit> {
    let mut spans: Vec<[usize; 2]> = geoparser
        .parse(text, hints)
        .iter()
        .map(|h| [h.mention.start, h.mention.end])
        .filter(|&[start, end]| end <= span[0] || span[1] <= start)
        .collect();
    spans.push(span);
    spans.sort_unstable();
    geoparser
        .resolve_spans(text, &spans, hints)
        .into_iter()
        .find(|h| h.mention.start == span[0] && h.mention.end == span[1])
}

fn country_code_by_iso3(gazetteer: &veille_gazetteer::Gazetteer, iso3: &str) -> Option<String> {
    // ISO3 values of the Sahel and its neighbours; the gazetteer maps by alpha-2.
    [
        "ML", "BF", "NE", "TD", "MR", "SN", "NG", "CI", "GH", "TG", "BJ", "DZ", "LY", "GN",
    ]
    .iter()
    .filter_map(|cc| gazetteer.country(cc))
    .find(|c| c.iso3.eq_ignore_ascii_case(iso3.trim()))
    .map(|c| c.code.to_string())
}

impl fmt::Display for CorpusScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} ({} articles, {} toponyms with coordinates)",
            self.name, self.articles, self.toponyms
        )?;
        writeln!(
            f,
            "  resolution only: Acc@161 {:.1}%  exact id {:.1}% (of {} with ids)  unresolved {:.1}%  mean error {:.0} km  median {:.1} km",
            self.acc161(),
            pct(self.exact_id, self.with_gold_id),
            self.with_gold_id,
            pct(self.toponyms - self.resolved, self.toponyms),
            self.mean_error_km(),
            self.median_error_km()
        )?;
        writeln!(
            f,
            "  end to end:      precision {:.1}% ({:.1}% without demonyms)  recall {:.1}%  Acc@161 of found {:.1}%",
            self.precision(),
            self.precision_without_demonyms(),
            self.recall(),
            pct(self.found_within_161, self.found)
        )
    }
}

impl fmt::Display for SahelScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} ({} rows with geo_precision 1): within 25 km {:.1}%  admin1 {:.1}%  admin2 {:.1}%  unresolved {:.1}%",
            self.name,
            self.rows,
            pct(self.within_25, self.rows),
            pct(self.admin1_equal, self.rows),
            pct(self.admin2_equal, self.rows),
            pct(self.rows - self.resolved, self.rows)
        )?;
        let n = &self.in_note;
        writeln!(
            f,
            "  in its note ({} of the rows' notes write the location): within 25 km {:.1}%  admin1 {:.1}%  admin2 {:.1}%  unresolved {:.1}%",
            n.written,
            pct(n.within_25, self.rows),
            pct(n.admin1_equal, self.rows),
            pct(n.admin2_equal, self.rows),
            pct(self.rows - n.resolved, self.rows)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_location_is_found_in_its_note_as_whole_words() {
        let note = "Gunmen attacked Kayan, then Kaya; police from KAYA came.";
        assert_eq!(written_at(note, "Kaya"), Some([28, 32]));
        assert_eq!(written_at(note, "kayan"), Some([16, 21]));
        assert_eq!(written_at(note, "Kay"), None);
        assert_eq!(written_at(note, ""), None);
        // Code points, accents ignored.
        assert_eq!(written_at("À Djibo, près de Déou.", "Deou"), Some([17, 21]));
    }

    #[test]
    fn demonyms_outside_the_gold_can_be_left_out_of_precision() {
        let s = CorpusScores {
            predicted: 10,
            found_correct_predictions: 6,
            unmatched_demonyms: 2,
            ..CorpusScores::default()
        };
        assert_eq!(s.precision(), 60.0);
        assert_eq!(s.precision_without_demonyms(), 75.0);
    }

    #[test]
    fn parses_the_three_layouts() {
        let lgl = r#"<articles><article docid="1"><text><![CDATA[Fire in Alexandria & Pineville.]]></text><toponyms><toponym><start>8</start><end>18</end><phrase>Alexandria</phrase><gaztag geonameid="4314550"><name>Alexandria</name><lat>31.3113</lat><lon>-92.4451</lon></gaztag></toponym></toponyms></article></articles>"#;
        let a = parse_corpus(lgl, &LGL).unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].text, "Fire in Alexandria & Pineville.");
        assert_eq!((a[0].key.as_str(), a[0].title.as_deref()), ("1", None));
        assert_eq!(
            a[0].toponyms,
            vec![GoldToponym {
                start: 8,
                end: 18,
                latitude: 31.3113,
                longitude: -92.4451,
                geonames_id: Some(4314550),
                name: Some("Alexandria".into())
            }]
        );

        let gwn = "<articles><article file=\"0\"><title>t</title><text>In Paris &amp; Lyon.</text><toponyms><toponym><extractedName>Paris</extractedName><start>3</start><end>8</end><geonamesID>2988507</geonamesID><latitude>48.85</latitude><longitude>2.35</longitude></toponym><toponym><extractedName>citizens</extractedName><start>0</start><end>2</end></toponym></toponyms></article></articles>";
        let a = parse_corpus(gwn, &GWN).unwrap();
        assert_eq!(a[0].text, "In Paris & Lyon.");
        assert_eq!((a[0].key.as_str(), a[0].title.as_deref()), ("0", Some("t")));
        assert_eq!(a[0].toponyms.len(), 1, "toponyms without coordinates are dropped");
        assert_eq!(a[0].toponyms[0].geonames_id, Some(2988507));

        let gv = "<articles><article><source>s</source><text>Pandi farm.</text><locations><location><name>Pandi</name><start>1</start><end>6</end><lat>14.87</lat><lon>120.95</lon></location></locations></article></articles>";
        let a = parse_corpus(
            &format!(
                "{}{}",
                &gv[..10],
                &gv[10..].replacen("<article>", "<article><text>first</text></article><article>", 1)
            ),
            &GEOVIRUS,
        )
        .unwrap();
        assert_eq!(a[1].key, "1", "without a key attribute, the article's position");
        let a = parse_corpus(gv, &GEOVIRUS).unwrap();
        assert_eq!(a[0].toponyms[0].latitude, 14.87);
        assert_eq!(
            (a[0].toponyms[0].start, a[0].toponyms[0].end),
            (0, 5),
            "one-based span realigned"
        );
    }

    #[test]
    fn percentages_handle_empty_sets() {
        let s = CorpusScores::default();
        assert_eq!(s.acc161(), 0.0);
        assert_eq!(s.precision(), 0.0);
    }
}
