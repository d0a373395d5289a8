//! Scoring Veille against gold data.
//!
//! Contract: each module reads one kind of gold, runs the matching pipeline
//! stage, and returns a report (numbers plus the failures worth reading):
//! [`geoparsing`] the English geoparsing corpora and ACLED's Sahel locations,
//! [`acled`] event extraction on ACLED's notes, [`newsfr`] event extraction on
//! the team's own French annotations (`eval/news-fr/gold.jsonl`: ids and
//! labels only). Third-party gold stays in `../shared`; nothing here copies it
//! into the repository.
//!
//! Dependencies: `quick-xml` streams the geoparsing corpora (tens of MB of
//! XML, CDATA and entities) without building a DOM; `csv` reads ACLED's
//! quoted, multi-line notes correctly, which a split on commas would not;
//! `serde`/`serde_json` read the JSON Lines gold and write reports; `chrono`
//! does the date arithmetic of ACLED's publication-date convention.

pub mod acled;
pub mod geoparsing;
pub mod newsfr;
