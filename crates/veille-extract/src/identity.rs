//! Identities: who the crowd or the civilians of an event are ("students", "Fulani
//! herders"), for ACLED's assoc_actor fields.
//!
//! Data in: `lexicons/identities.toml` (and a user file of the same name). Its patterns join
//! the lexicons' one automaton, so sentences find their identity words in the same scan as
//! every other word (`Sentence::identities`). Data out: for each entry, its labels. The
//! coder keeps the identities of an event's sentences and decides which side each one
//! describes.

use std::path::Path;

use serde::Deserialize;

use crate::folded::PatternSet;
use crate::lexicon::with_user_file;
use crate::ExtractError;

const IDENTITIES: &str = include_str!("../../../lexicons/identities.toml");

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentitiesFile {
    #[serde(default)]
    identity: Vec<IdentityEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentityEntry {
    label: String,
    #[serde(default)]
    implies: Vec<String>,
    aliases: Vec<String>,
}

/// The identity lexicon: patterns (payload: entry index) and each entry's labels.
pub struct Identities {
    /// Per entry: its label, then the labels it implies.
    labels: Vec<Vec<String>>,
    pub(crate) patterns: PatternSet<usize>,
}

/// One identity named in the text: its label template and its source byte range.
#[derive(Debug, Clone)]
pub struct IdentityMention<'a> {
    pub label: &'a str,
    pub start: usize,
    pub end: usize,
}

impl Identities {
    pub fn load(dir: Option<&Path>) -> Result<Self, ExtractError> {
        let file = with_user_file(
            IDENTITIES,
            "identities.toml",
            dir,
            |file: &mut IdentitiesFile, user: IdentitiesFile| file.identity.extend(user.identity),
        )?;
        let mut labels = Vec::with_capacity(file.identity.len());
        let mut pairs = Vec::new();
        for (i, entry) in file.identity.into_iter().enumerate() {
            pairs.extend(entry.aliases.into_iter().map(|a| (a, i)));
            labels.push(std::iter::once(entry.label).chain(entry.implies).collect());
        }
        Ok(Identities {
            labels,
            patterns: PatternSet::from_pairs(pairs),
        })
    }

    /// The labels of entry `entry`: its own, then those it implies.
    pub fn labels(&self, entry: usize) -> &[String] {
        &self.labels[entry]
    }
}
