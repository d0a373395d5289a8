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
    /// Words that make an identity someone else's ("the son of a councilor", "a former
    /// mayor"): the victim is not of it.
    #[serde(default)]
    others: Vec<String>,
    #[serde(default)]
    identity: Vec<IdentityEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentityEntry {
    label: String,
    #[serde(default)]
    implies: Vec<String>,
    /// The militia ACLED names after this people when its members fight ("Fulani Ethnic
    /// Militia ({country})").
    militia: Option<String>,
    /// Labels a named body stands for on its side: ACLED names "SYNTSHA: …" alone where the
    /// text says "SYNTSHA workers", not "Labour Group" as well.
    #[serde(default)]
    covers: Vec<String>,
    /// Names only the civilians an event hits, never a crowd or an agent: "protested in
    /// front of the town hall" says where, not who.
    #[serde(default)]
    victims_only: bool,
    aliases: Vec<String>,
}

/// The identity lexicon: patterns (payload: entry index) and each entry's labels.
pub struct Identities {
    /// Per entry: its label, then the labels it implies.
    labels: Vec<Vec<String>>,
    /// Per entry: the militia its members form when they fight, for a people.
    militias: Vec<Option<String>>,
    /// Per entry: the labels it stands for, dropped from its side when it is named.
    covers: Vec<Vec<String>>,
    victims_only: Vec<bool>,
    /// Folded words that, just before an identity, make it someone else's.
    others: Vec<String>,
    pub(crate) patterns: PatternSet<usize>,
}

/// One identity named in the text: its label template and its source byte range.
#[derive(Debug, Clone)]
pub struct IdentityMention<'a> {
    pub label: &'a str,
    /// The militia of the people this label names, if it names one.
    pub militia: Option<&'a str>,
    /// Label templates this mention stands for on its side.
    pub covers: &'a [String],
    /// Whether the label names only the civilians an event hits.
    pub victims_only: bool,
    pub start: usize,
    pub end: usize,
}

impl Identities {
    pub fn load(dir: Option<&Path>) -> Result<Self, ExtractError> {
        let file = with_user_file(
            IDENTITIES,
            "identities.toml",
            dir,
            |file: &mut IdentitiesFile, user: IdentitiesFile| {
                file.identity.extend(user.identity);
                file.others.extend(user.others);
            },
        )?;
        let mut labels = Vec::with_capacity(file.identity.len());
        let mut militias = Vec::with_capacity(file.identity.len());
        let mut covers = Vec::with_capacity(file.identity.len());
        let mut victims_only = Vec::with_capacity(file.identity.len());
        let mut pairs = Vec::new();
        for (i, entry) in file.identity.into_iter().enumerate() {
            pairs.extend(entry.aliases.into_iter().map(|a| (a, i)));
            labels.push(std::iter::once(entry.label).chain(entry.implies).collect());
            militias.push(entry.militia);
            covers.push(entry.covers);
            victims_only.push(entry.victims_only);
        }
        Ok(Identities {
            labels,
            militias,
            covers,
            victims_only,
            others: file.others.iter().map(|w| veille_text::fold(w)).collect(),
            patterns: PatternSet::from_pairs(pairs),
        })
    }

    /// The mentions entry `entry` makes at `start..end`: one per label, the entry's own
    /// label carrying its people's militia.
    pub fn mentions(&self, entry: usize, start: usize, end: usize) -> impl Iterator<Item = IdentityMention<'_>> {
        self.labels[entry]
            .iter()
            .enumerate()
            .map(move |(i, label)| IdentityMention {
                label,
                militia: self.militias[entry].as_deref().filter(|_| i == 0),
                covers: if i == 0 { &self.covers[entry] } else { &[] },
                victims_only: self.victims_only[entry],
                start,
                end,
            })
    }

    /// Whether the words of `before` (the text up to an identity) end with one that makes
    /// the identity someone else's, an article between them allowed ("son of a").
    pub fn of_another(&self, before: &str) -> bool {
        // The last few words are enough, and folding the whole section each time is not.
        let from = before.char_indices().rev().nth(47).map_or(0, |(i, _)| i);
        let folded = veille_text::fold(&before[from..]);
        let mut words: Vec<&str> = folded.split_whitespace().collect();
        if words.last().is_some_and(|w| ARTICLES.contains(w)) {
            words.pop();
        }
        let tail = words.join(" ");
        // A whole-word suffix, compared in place: a string per word of the list, for every
        // identity named, was the cost here.
        self.others.iter().any(|o| {
            tail.strip_suffix(o.as_str())
                .is_some_and(|head| head.is_empty() || head.ends_with(' '))
        })
    }
}

/// Articles that may stand between a word of `others` and the identity.
const ARTICLES: [&str; 11] = ["a", "an", "the", "un", "une", "le", "la", "l", "du", "de", "des"];
