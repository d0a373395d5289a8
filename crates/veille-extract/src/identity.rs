//! Identities: who the crowd or the civilians of an event are ("students", "Fulani
//! herders"), for ACLED's assoc_actor fields.
//!
//! Data in: `lexicons/identities.toml` (and a user file of the same name) and a section's
//! text. Data out: the identity labels named there, each with the span that names it, in
//! text order. The coder keeps those of an event's sentences and decides which side of the
//! event each one describes.

use std::path::Path;

use serde::Deserialize;

use crate::folded::{Folded, Matcher, PatternSet};
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

/// The identity lexicon, searched on its own: only sections that hold an event are
/// scanned, so it costs nothing on the many sentences that tell none.
pub struct Identities {
    /// Per entry: its label, then the labels it implies.
    labels: Vec<Vec<String>>,
    patterns: PatternSet<usize>,
    matcher: Matcher,
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
        let patterns = PatternSet::from_pairs(pairs);
        let matcher = Matcher::new(&[patterns.keys()]);
        Ok(Identities {
            labels,
            patterns,
            matcher,
        })
    }

    /// Every identity mention of `text`, in text order (an implied label shares the span of
    /// the mention that implies it). One scan per section; events pick theirs by range.
    pub fn find<'a>(&'a self, text: &str) -> Vec<IdentityMention<'a>> {
        let folded = Folded::new(text);
        let found = self.matcher.scan(&folded);
        let mut out: Vec<IdentityMention<'a>> = Vec::new();
        for hit in self.patterns.select(&found[0], &folded, text, 0) {
            for label in &self.labels[*hit.payload] {
                out.push(IdentityMention {
                    label,
                    start: hit.start,
                    end: hit.end,
                });
            }
        }
        out
    }
}
