//! The world gazetteer Veille ships with: every place, country and admin
//! division it can resolve, looked up by folded name, with no file or service
//! needed at run time.
//!
//! # Contract
//!
//! - [`Gazetteer::lookup`] takes a key produced by [`veille_text::fold`] and
//!   returns one [`NameHit`] per place known under that key, sorted by place
//!   index, each with the best [`NameKind`] by which the place carries it.
//!   "Gourma-Rharous" and "Gourma Rharous" share a key; "Tombouctou",
//!   "Timbuktu" and "Tombuctu" all find Timbuktu.
//! - Admin units are places in their own right (feature class `A`, codes
//!   `ADM1`/`ADM2`/`PCLI`…), distinct from their seat town: "goundam" finds
//!   both the cercle and the town. Generic words ("Cercle de", "Region",
//!   "Département de") are stripped from admin names at build time
//!   (`data/admin-terms.tsv`), so the bare name finds the unit.
//! - Place indexes are stable for one asset: places are sorted by GeoNames id.
//! - Every [`Place`] carries admin1/admin2 (and admin3 where known) *names*:
//!   for Mali, Burkina Faso and Niger they come from point-in-polygon against
//!   OCHA / geoBoundaries admin2 polygons (ACLED's own method), elsewhere from
//!   the GeoNames admin code tables; a place whose admin1 code the tables lack
//!   (Nouakchott) takes the Natural Earth admin1 outline it lies in. Then
//!   `data/admin2-acled.tsv` renames admin2 where ACLED's units are not the
//!   polygons' (Niger: the pre-2011 département each current one was carved
//!   from, as ACLED's 1997–2020 data has it), and `data/admin1-acled.tsv`
//!   admin1 where ACLED spells a region otherwise (Chad's "Ouaddai"), for admin
//!   units as for other places. See `docs/gazetteer.md`.
//! - [`Gazetteer::embedded`] is the asset compiled into the program
//!   (`assets/gazetteer.bin`); [`build::build`] rebuilds it from GeoNames dump
//!   files (`veille gazetteer build --from DIR`). [`Gazetteer::install`] puts
//!   a file the user built in its place at run time; [`Gazetteer::open`] maps
//!   a file into memory (`memmap2`), so that a 1 GB world asset opens as fast
//!   as the embedded one.
//!
//! # Why this format
//!
//! The asset is one file, read in place: loading it only checks a header,
//! validates the string pool as UTF-8 and opens two finite state transducers,
//! so it costs milliseconds and no more memory than the bytes themselves.
//! Nothing is deserialized into heap structures.
//!
//! - **Names → postings: an [`fst::Map`].** Hundreds of thousands of place
//!   names, with their alternate spellings, share long prefixes and suffixes
//!   ("... ville", "saint ..."); a finite state transducer stores the set of
//!   folded keys with both shared, typically in a fraction of the raw text
//!   size, and answers exact and range queries without decompression. Range
//!   queries give [`Gazetteer::has_longer_key`] for free: a matcher growing an
//!   n-gram ("gourma" → "gourma rharous") asks whether any key continues with
//!   a space. The value of a key is either its single posting, inlined in the
//!   64-bit output (most keys name one place), or the offset of a postings list
//!   (`u32` count, then `place << 2 | kind` entries) in a separate table.
//! - **Keys by country: one more transducer per country.** A near-spelling
//!   search with a country hint ([`Gazetteer::fuzzy_lookup_in`]) walks a
//!   transducer of that country's keys only. Built at run time, it took a walk
//!   of every key of the world (1.4 G instructions, about 0.3 s, in every
//!   process that met a hint); stored, it costs 4.5 MB of the asset and nothing
//!   to open.
//! - **Places: a fixed-width record table.** 28 bytes per place (id,
//!   coordinates in micro-degrees, population, name, admin tuple, feature code);
//!   place `i` is at `28 * i`, so [`Gazetteer::place`] is one multiplication, and
//!   records sorted by GeoNames id make [`Gazetteer::by_geonames_id`] a binary
//!   search with no extra index.
//! - **Shared tuples and a string pool.** The country/admin codes and names of
//!   a place are a 24-byte tuple shared by every place in the same admin2, and
//!   every string is stored once in a pool (LEB128 length + UTF-8 bytes), so
//!   "Tombouctou" costs its bytes once however many places are in it.
//!   [`Place`] borrows its `&str` fields straight from the pool.
//! - **Header.** A magic (`VEILLEGZ`), a version, and a table of sections
//!   (offset, length) checked against the file size, so a truncated or foreign
//!   file is an error naming the problem, never a panic.
//!
//! # Dependencies
//!
//! - `fst`: BurntSushi's finite state transducers, the standard compact
//!   sorted-key index in Rust (tantivy's term dictionary is one), read
//!   straight from a byte slice.
//! - `veille-text`: the one folding function every Veille stage compares by.
//! - `serde_json`: reads the boundary GeoJSON at build time only.
//! - `thiserror`: error type, as every Veille library.
//!
//! Point-in-polygon is a hand-written even-odd ray cast with bounding-box
//! prefilter (`polygon.rs`, ~100 lines): it is needed only at build time, for a
//! few hundred polygons, and the `geo` crate would pull a large dependency tree
//! (num, rstar, robust, …) into every build for a single predicate.

mod admin_table;
pub mod build;
mod format;
mod polygon;
mod respell;

pub use respell::respelling_key;

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use format::*;

/// Errors from reading or building a gazetteer. Each names the file (and line)
/// and the problem.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// The I/O error is part of the message, not a separate source, so that
    /// error chains print it once.
    #[error("{path}: {error}")]
    Io { path: PathBuf, error: std::io::Error },
    #[error("{path}:{line}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path}: {message}")]
    Input { path: PathBuf, message: String },
    #[error("gazetteer asset {origin}: {message}")]
    Format { origin: String, message: String },
}

/// How a place carries a name; smaller is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameKind {
    /// GeoNames `name` / `asciiname`, or the GeoNames admin code table name.
    Primary,
    /// An official French or English name (iso3166-2-db, countryInfo), or the
    /// boundary polygon's spelling of an admin unit's name.
    Localized,
    /// Any other alternate name kept (Latin script, not a code).
    Alternate,
}

impl NameKind {
    fn from_bits(bits: u32) -> NameKind {
        match bits & 3 {
            0 => NameKind::Primary,
            1 => NameKind::Localized,
            _ => NameKind::Alternate,
        }
    }

    fn bits(self) -> u32 {
        match self {
            NameKind::Primary => 0,
            NameKind::Localized => 1,
            NameKind::Alternate => 2,
        }
    }
}

/// One place known under a looked-up key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameHit {
    pub place: u32,
    pub kind: NameKind,
}

/// A place, borrowed from the gazetteer's bytes.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub index: u32,
    pub geonames_id: u32,
    pub name: &'a str,
    pub latitude: f64,
    pub longitude: f64,
    pub feature_class: char,
    pub feature_code: &'a str,
    pub country_code: &'a str,
    pub admin1_code: &'a str,
    pub admin2_code: &'a str,
    /// Admin names, "" when unknown.
    pub admin1: &'a str,
    pub admin2: &'a str,
    pub admin3: &'a str,
    pub population: u64,
}

/// A country of GeoNames' countryInfo, with its French name where known.
#[derive(Debug, Clone, Copy)]
pub struct Country<'a> {
    /// ISO 3166-1 alpha-2.
    pub code: &'a str,
    pub iso3: &'a str,
    pub iso_numeric: u16,
    /// English name (GeoNames countryInfo).
    pub name: &'a str,
    /// French name, "" when unknown.
    pub name_fr: &'a str,
    /// The country as a place (feature PCLI…), when it has one.
    pub place: Option<u32>,
}

/// Bytes that live as long as the gazetteer: the embedded asset or a loaded file.
#[derive(Clone)]
enum Backing {
    Static(&'static [u8]),
    Shared(Arc<Vec<u8>>),
    /// An asset file mapped into memory: a world gazetteer built from allCountries is
    /// about 1 GB, which reading in full would take most of a second and as much memory;
    /// mapped, it opens in milliseconds and only the pages looked up are loaded.
    Mapped(Arc<memmap2::Mmap>),
}

impl Backing {
    fn bytes(&self) -> &[u8] {
        match self {
            Backing::Static(b) => b,
            Backing::Shared(v) => v.as_slice(),
            Backing::Mapped(m) => m,
        }
    }
}

/// A section of the backing bytes, handed to `fst` as its storage.
#[derive(Clone)]
struct Section {
    backing: Backing,
    range: Range<usize>,
}

impl AsRef<[u8]> for Section {
    fn as_ref(&self) -> &[u8] {
        &self.backing.bytes()[self.range.clone()]
    }
}

/// A prefix of some key of the name index, with where it leads in the transducer.
///
/// A name of several words is looked up as it grows ("gourma", "gourma rharous"):
/// extending the prefix by the new word walks only that word's bytes, where
/// [`Gazetteer::lookup`] and [`Gazetteer::has_longer_key`] walk the whole key again
/// from the root. The answers are the same.
#[derive(Clone, Copy)]
pub struct KeyPrefix<'g> {
    gazetteer: &'g Gazetteer,
    node: fst::raw::Node<'g>,
    /// The outputs of the transitions taken so far.
    output: fst::raw::Output,
}

impl<'g> KeyPrefix<'g> {
    /// This prefix followed by `bytes`; `None` when no key starts so.
    pub fn extended(mut self, bytes: &[u8]) -> Option<KeyPrefix<'g>> {
        let fst = self.gazetteer.names.as_fst();
        let starts = &self.gazetteer.starts;
        let mut bytes = bytes;
        if let [first, second, rest @ ..] = bytes {
            if self.node.addr() == starts.root {
                let (addr, output) = starts.after(*first, *second)?;
                self.output = self.output.cat(output);
                self.node = fst.node(addr);
                bytes = rest;
            }
        }
        for &b in bytes {
            let t = self.node.transition(self.node.find_input(b)?);
            self.output = self.output.cat(t.out);
            self.node = fst.node(t.addr);
        }
        Some(self)
    }

    /// [`Gazetteer::lookup`] of the prefix as a whole key.
    pub fn hits(&self) -> Vec<NameHit> {
        match self.node.is_final() {
            true => self
                .gazetteer
                .hits_of(self.output.cat(self.node.final_output()).value())
                .collect(),
            false => Vec::new(),
        }
    }

    /// [`Gazetteer::has_longer_key`] of the prefix. Every state of a minimal
    /// transducer lies on the path of some key, so a transition on the space is
    /// proof enough: no range stream to open (a tenth of the geoparser's time).
    pub fn has_longer_key(&self) -> bool {
        self.node.find_input(b' ').is_some()
    }
}

/// Where the name index leads after each pair of first bytes, so that a walk from the
/// root starts at a key's third byte: the root's and the first level's states have the
/// most transitions to search, and every capitalised word of a text starts such a walk
/// ([`KeyPrefix::extended`]). The same states and outputs as the walk's.
struct TwoByteStarts {
    /// The address of the index's root.
    root: fst::raw::CompiledAddr,
    /// For each byte, 1 + its place among the root's inputs; 0 for a byte no key starts with.
    slot: [u16; 256],
    /// By `slot[first] * 256 + second`: the state after the two bytes and the output of
    /// their transitions, if some key starts so.
    states: Vec<Option<(fst::raw::CompiledAddr, fst::raw::Output)>>,
}

impl TwoByteStarts {
    fn new<D: AsRef<[u8]>>(fst: &fst::raw::Fst<D>) -> Self {
        let root = fst.root();
        let mut slot = [0u16; 256];
        let mut states = vec![None; (root.len() + 1) * 256];
        for (i, first) in root.transitions().enumerate() {
            let s = i + 1;
            slot[usize::from(first.inp)] = s as u16;
            for second in fst.node(first.addr).transitions() {
                states[s * 256 + usize::from(second.inp)] = Some((second.addr, first.out.cat(second.out)));
            }
        }
        TwoByteStarts {
            root: root.addr(),
            slot,
            states,
        }
    }

    /// The state after `first` and `second` from the root, and the output so far.
    #[inline]
    fn after(&self, first: u8, second: u8) -> Option<(fst::raw::CompiledAddr, fst::raw::Output)> {
        match self.slot[usize::from(first)] {
            0 => None,
            s => self.states[usize::from(s) * 256 + usize::from(second)],
        }
    }
}

/// The gazetteer: a read-only view over one asset's bytes.
pub struct Gazetteer {
    backing: Backing,
    sections: [Range<usize>; N_SECTIONS],
    names: fst::Map<Section>,
    countries: fst::Map<Section>,
    /// Per country, the keys of [`country_keys`](Self::country_keys) grouped by
    /// [`respelling_key`], built on first use by
    /// [`respelled_lookup_in`](Self::respelled_lookup_in).
    respelled_keys: Mutex<HashMap<String, Arc<respell::RespelledKeys>>>,
    starts: TwoByteStarts,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("places", &self.len())
            .field("keys", &self.names.len())
            .field("bytes", &self.backing.bytes().len())
            .finish()
    }
}

/// A Levenshtein automaton for fst searches, built by `levenshtein_automata`
/// from a precomputed parametric description: linear in the key's length,
/// where fst's own builder determinises an NFA for every query, which cost
/// most of the time of a geoparse when a source names many unknown villages.
struct EditDistance(levenshtein_automata::DFA);

impl EditDistance {
    /// `None` for distances above two, which no caller needs.
    fn new(key: &str, distance: u32) -> Option<EditDistance> {
        use levenshtein_automata::LevenshteinAutomatonBuilder;
        static BUILDERS: OnceLock<[LevenshteinAutomatonBuilder; 3]> = OnceLock::new();
        let builders = BUILDERS.get_or_init(|| [0, 1, 2].map(|d| LevenshteinAutomatonBuilder::new(d, false)));
        let builder = builders.get(usize::try_from(distance).ok()?)?;
        Some(EditDistance(builder.build_dfa(key)))
    }
}

impl fst::Automaton for EditDistance {
    type State = u32;

    fn start(&self) -> u32 {
        self.0.initial_state()
    }

    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), levenshtein_automata::Distance::Exact(_))
    }

    fn can_match(&self, state: &u32) -> bool {
        *state != levenshtein_automata::SINK_STATE
    }

    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}

/// The asset compiled in by build.rs (empty when the repository had none).
static EMBEDDED_BYTES: &[u8] = include_bytes!(env!("VEILLE_GAZETTEER_ASSET"));

/// The program's gazetteer: the compiled-in asset, or the file [`Gazetteer::install`] read.
static PROGRAM_GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();

impl Gazetteer {
    /// The program's gazetteer, parsed once: the one shipped inside the program, unless
    /// [`Gazetteer::install`] put another in its place first.
    ///
    /// Panics only if the compiled-in asset is corrupt, which `cargo test`
    /// catches; a build without `assets/gazetteer.bin` gives an empty
    /// gazetteer and a warning on stderr.
    pub fn embedded() -> &'static Gazetteer {
        PROGRAM_GAZETTEER.get_or_init(|| {
            if EMBEDDED_BYTES.is_empty() {
                eprintln!(
                    "warning: this program was built without assets/gazetteer.bin; \
                     the gazetteer is empty (run `veille gazetteer build`)"
                );
                return Gazetteer::empty();
            }
            Gazetteer::parse(Backing::Static(EMBEDDED_BYTES), "embedded").unwrap_or_else(|e| panic!("{e}"))
        })
    }

    /// Makes the asset at `path` the program's gazetteer ([`Gazetteer::embedded`]) in place
    /// of the compiled-in one, so that a user who built a fuller one (from GeoNames'
    /// allCountries dump, say) uses it without recompiling. Must come before the first use
    /// of the program's gazetteer.
    pub fn install(path: &Path) -> Result<(), GazetteerError> {
        let gazetteer = Gazetteer::open(path)?;
        PROGRAM_GAZETTEER.set(gazetteer).map_err(|_| GazetteerError::Input {
            path: path.to_owned(),
            message: "the program's gazetteer was already in use; install it first".into(),
        })
    }

    /// A gazetteer over the bytes of an asset file.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Gazetteer, GazetteerError> {
        Gazetteer::parse(Backing::Shared(Arc::new(bytes)), "(bytes)")
    }

    /// Opens an asset file written by [`build::build`], mapped into memory.
    pub fn open(path: &Path) -> Result<Gazetteer, GazetteerError> {
        let io = |error| GazetteerError::Io {
            path: path.to_owned(),
            error,
        };
        let file = std::fs::File::open(path).map_err(io)?;
        // SAFETY: the map is read-only and lives as long as the gazetteer. Another process
        // rewriting the file meanwhile could change the bytes under it; `veille gazetteer
        // build` never does that to an asset in use, as it writes a new file and renames it.
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(io)?;
        Gazetteer::parse(Backing::Mapped(Arc::new(map)), &path.display().to_string())
    }

    fn empty() -> Gazetteer {
        let bytes = build::write_asset(&build::AssetParts::default());
        Gazetteer::parse(Backing::Shared(Arc::new(bytes)), "(empty)").expect("an empty asset is well formed")
    }

    fn parse(backing: Backing, origin: &str) -> Result<Gazetteer, GazetteerError> {
        let err = |message: String| GazetteerError::Format {
            origin: origin.to_owned(),
            message,
        };
        let bytes = backing.bytes();
        if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
            return Err(err("not a Veille gazetteer (bad magic)".into()));
        }
        let version = u32_at(bytes, 8);
        if version != VERSION {
            return Err(err(format!(
                "format version {version}, this program reads version {VERSION}; rebuild it"
            )));
        }
        if u32_at(bytes, 12) as usize != N_SECTIONS {
            return Err(err("unexpected section count".into()));
        }
        let mut sections: [Range<usize>; N_SECTIONS] = Default::default();
        for (i, section) in sections.iter_mut().enumerate() {
            let offset = u64_at(bytes, 16 + 16 * i);
            let len = u64_at(bytes, 24 + 16 * i);
            let end = offset.checked_add(len).filter(|&e| e <= bytes.len() as u64);
            let Some(end) = end else {
                return Err(err(format!("section {i} runs past the end (truncated file?)")));
            };
            *section = offset as usize..end as usize;
        }
        for (sec, width, what) in [
            (SEC_PLACES, PLACE_LEN, "place"),
            (SEC_ADMINS, ADMIN_LEN, "admin"),
            (SEC_FCODES, FCODE_LEN, "feature code"),
            (SEC_COUNTRIES, COUNTRY_LEN, "country"),
        ] {
            if !sections[sec].len().is_multiple_of(width) {
                return Err(err(format!("{what} table is not a whole number of records")));
            }
        }
        std::str::from_utf8(&bytes[sections[SEC_POOL].clone()])
            .map_err(|e| err(format!("string pool is not UTF-8: {e}")))?;
        std::str::from_utf8(&bytes[sections[SEC_META].clone()])
            .map_err(|e| err(format!("metadata is not UTF-8: {e}")))?;
        let open_fst = |sec: usize, what: &str| {
            fst::Map::new(Section {
                backing: backing.clone(),
                range: sections[sec].clone(),
            })
            .map_err(|e| err(format!("{what} index: {e}")))
        };
        let names = open_fst(SEC_NAMES_FST, "name")?;
        let countries = open_fst(SEC_COUNTRY_FST, "country name")?;
        let country_keys = &bytes[sections[SEC_COUNTRY_KEYS].clone()];
        let entries = country_key_entries(country_keys).ok_or_else(|| err("country key table is truncated".into()))?;
        let mut previous = None;
        for entry in entries {
            if previous.is_some_and(|p| p >= entry.code) {
                return Err(err("country key table is not sorted by code".into()));
            }
            previous = Some(entry.code);
            // Only the bounds: opening each transducer here would touch two pages of each
            // and cost 4.7 MB of resident memory; one that fails to open when asked for
            // has no keys, as a pool offset that holds no string is "".
            if entry.range.end > country_keys.len() {
                return Err(err("country key index runs past its section".into()));
            }
        }
        let starts = TwoByteStarts::new(names.as_fst());
        Ok(Gazetteer {
            backing: backing.clone(),
            sections,
            names,
            countries,
            respelled_keys: Mutex::default(),
            starts,
        })
    }

    fn section(&self, sec: usize) -> &[u8] {
        &self.backing.bytes()[self.sections[sec].clone()]
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.sections[SEC_PLACES].len() / PLACE_LEN
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of distinct folded name keys.
    pub fn key_count(&self) -> usize {
        self.names.len()
    }

    /// Number of countries.
    pub fn country_count(&self) -> usize {
        self.sections[SEC_COUNTRIES].len() / COUNTRY_LEN
    }

    /// Size of the asset in bytes.
    pub fn byte_len(&self) -> usize {
        self.backing.bytes().len()
    }

    /// The build's description of its sources and counts (free text).
    pub fn metadata(&self) -> &str {
        std::str::from_utf8(self.section(SEC_META)).unwrap_or("")
    }

    /// String at a pool offset; "" for an offset that does not hold one.
    fn string(&self, offset: u32) -> &str {
        self.pool().string(offset)
    }

    /// The string pool, checked to be UTF-8 when the asset was opened.
    fn pool(&self) -> Pool<'_> {
        Pool(self.section(SEC_POOL))
    }

    /// Places known under a folded key, one hit per place (its best kind),
    /// sorted by place index. Empty for an unknown key.
    pub fn lookup(&self, key: &str) -> Vec<NameHit> {
        match self.names.get(key) {
            Some(value) => self.hits_of(value).collect(),
            None => Vec::new(),
        }
    }

    /// The hits a value of the name index stands for: one inline, or a postings list.
    fn hits_of(&self, value: u64) -> impl Iterator<Item = NameHit> + '_ {
        let hit = |entry: u32| NameHit {
            place: entry >> 2,
            kind: NameKind::from_bits(entry),
        };
        let (inline, listed) = if value & INLINE_BIT != 0 {
            (Some(hit(value as u32)), &[][..])
        } else {
            let postings = self.section(SEC_POSTINGS);
            let start = value as usize;
            let listed = match postings.get(start..start + 4) {
                Some(count) => {
                    let end = (start + 4 + 4 * u32_at(count, 0) as usize).min(postings.len());
                    &postings[start + 4..end]
                }
                None => &[][..],
            };
            (None, listed)
        };
        inline.into_iter().chain(
            listed
                .chunks_exact(4)
                .map(move |c| hit(u32::from_le_bytes([c[0], c[1], c[2], c[3]]))),
        )
    }

    /// [`lookup`](Self::lookup) of a name in any spelling (folds it first).
    pub fn lookup_name(&self, name: &str) -> Vec<NameHit> {
        self.lookup(&fold_key(name))
    }

    /// Whether some key starts with `key` followed by a space, i.e. a longer
    /// name begins with this one ("gourma" → "gourma rharous").
    pub fn has_longer_key(&self, key: &str) -> bool {
        self.key_prefix()
            .extended(key.as_bytes())
            .is_some_and(|p| p.has_longer_key())
    }

    /// The empty prefix of the name index, to be extended a word at a time
    /// ([`KeyPrefix`]).
    pub fn key_prefix(&self) -> KeyPrefix<'_> {
        let fst = self.names.as_fst();
        KeyPrefix {
            gazetteer: self,
            node: fst.root(),
            output: fst::raw::Output::zero(),
        }
    }

    /// Keys within `distance` edits of `key` (Levenshtein, on the folded
    /// form), in key order, at most `limit`, each with its places. For names
    /// a source spells its own way ("Tokabangou" for "Tokobangou"): the
    /// automaton walks the transducer once, so the cost is a few thousand
    /// states whatever the size of the index.
    pub fn fuzzy_lookup(&self, key: &str, distance: u32, limit: usize) -> Vec<(String, Vec<NameHit>)> {
        self.fuzzy_search(&self.names, key, distance, limit)
    }

    /// [`fuzzy_lookup`](Self::fuzzy_lookup) among the names of one country's
    /// places only (ISO alpha-2, any case); the hits may still include places
    /// of other countries that share a found name.
    ///
    /// A source focused on one country looks up its village spellings there
    /// alone, and the world's transducer is two hundred times larger than
    /// Burkina Faso's share of it: a Levenshtein automaton intersected with it
    /// visits states in proportion. So each country's keys have a transducer
    /// of their own in the asset.
    pub fn fuzzy_lookup_in(
        &self,
        country: &str,
        key: &str,
        distance: u32,
        limit: usize,
    ) -> Vec<(String, Vec<NameHit>)> {
        match self.country_keys(country) {
            Some(keys) => self.fuzzy_search(&keys, key, distance, limit),
            None => Vec::new(),
        }
    }

    fn fuzzy_search<D: AsRef<[u8]>>(
        &self,
        keys: &fst::Map<D>,
        key: &str,
        distance: u32,
        limit: usize,
    ) -> Vec<(String, Vec<NameHit>)> {
        let Some(automaton) = EditDistance::new(key, distance) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        walk_keys(keys.as_fst(), &automaton, |k, _| {
            if found.len() >= limit {
                return false;
            }
            found.push(String::from_utf8_lossy(k).into_owned());
            true
        });
        found
            .into_iter()
            .map(|k| {
                let hits = self.lookup(&k);
                (k, hits)
            })
            .collect()
    }

    /// Keys of `country`'s places whose transliteration-normalised form
    /// ([`respelling_key`]) is within `distance` edits of `key`'s, at most
    /// `limit` forms, each as (form found, key, its places). For spellings
    /// that differ in whole letter groups ("Kilwin" for "Kilouen", "Tcholori"
    /// for "Tyolori", "Zoungou Weitan" for "Zongowaétan"), which a plain
    /// Levenshtein search counts as several edits. The index of normalised
    /// forms is built once per country and process, from the keys of
    /// [`fuzzy_lookup_in`](Self::fuzzy_lookup_in).
    pub fn respelled_lookup_in(
        &self,
        country: &str,
        key: &str,
        distance: u32,
        limit: usize,
    ) -> Vec<(String, String, Vec<NameHit>)> {
        let form = respelling_key(key);
        let Some(automaton) = EditDistance::new(&form, distance) else {
            return Vec::new();
        };
        let index = cached(&self.respelled_keys, country, |cc| {
            let mut all = Vec::new();
            if let Some(keys) = self.country_keys(cc) {
                all.reserve(keys.len());
                walk_keys(keys.as_fst(), &fst::automaton::AlwaysMatch, |k, _| {
                    all.push(String::from_utf8_lossy(k).into_owned());
                    true
                });
            }
            respell::RespelledKeys::new(all)
        });
        let mut found = Vec::new();
        walk_keys(index.forms.as_fst(), &automaton, |k, group| {
            if found.len() >= limit {
                return false;
            }
            found.push((String::from_utf8_lossy(k).into_owned(), group as usize));
            true
        });
        found
            .into_iter()
            .flat_map(|(form, group)| {
                let keys = index.groups.get(group).cloned().unwrap_or_default();
                keys.into_iter().map(move |k| (form.clone(), k))
            })
            .map(|(form, k)| {
                let hits = self.lookup(&k);
                (form, k, hits)
            })
            .collect()
    }

    /// The keys naming a place of `country` (ISO alpha-2, any case; "" for places of
    /// no country), each with the value 0, read in place from the asset; `None` when no
    /// place has that code (or the asset's transducer for it is corrupt). A map, not a
    /// set, so that one search function serves it and the full index.
    fn country_keys(&self, country: &str) -> Option<fst::Map<Section>> {
        let section = self.section(SEC_COUNTRY_KEYS);
        // Compared byte by byte, upper-cased on the fly, as in `country`. A scan of the
        // table (some 250 codes) costs a thousandth of the search that asks for it.
        let code = country.bytes().map(|b| b.to_ascii_uppercase());
        let range = country_key_entries(section)?
            .find(|e| ascii_field(&e.code).bytes().eq(code.clone()))?
            .range;
        let start = self.sections[SEC_COUNTRY_KEYS].start;
        fst::Map::new(Section {
            backing: self.backing.clone(),
            range: start + range.start..start + range.end,
        })
        .ok()
    }

    /// The indexes of the places of feature code `code` ("PPLC"), in order, read
    /// from the records' code index: no place is decoded.
    pub fn places_coded<'a>(&'a self, code: &str) -> impl Iterator<Item = u32> + 'a {
        let pool = self.pool();
        let fcodes = self.section(SEC_FCODES);
        let wanted: Vec<u16> = (0..fcodes.len() / FCODE_LEN)
            .filter(|&i| pool.string(u32_at(fcodes, i * FCODE_LEN)) == code)
            .filter_map(|i| u16::try_from(i).ok())
            .collect();
        self.section(SEC_PLACES)
            .chunks_exact(PLACE_LEN)
            .enumerate()
            .filter(move |(_, rec)| wanted.contains(&u16_at(rec, 24)))
            .map(|(index, _)| index as u32)
    }

    /// The ISO code of the place at `index` ("" for an index out of range), without
    /// decoding the rest of it: for callers that ask a place's country alone, of every
    /// hit of a name, where [`Gazetteer::place`] reads seven strings.
    pub fn country_code_of(&self, index: u32) -> &str {
        let places = self.section(SEC_PLACES);
        let r = index as usize * PLACE_LEN;
        let Some(rec) = places.get(r..r + PLACE_LEN) else {
            return "";
        };
        let admin_index = u32_at(rec, 20) as usize;
        match self
            .section(SEC_ADMINS)
            .get(admin_index * ADMIN_LEN..admin_index * ADMIN_LEN + 2)
        {
            Some(cc) => ascii_field(cc),
            None => "",
        }
    }

    /// Every key starting with `prefix`, in order, at most `limit` (for tools
    /// that list candidates).
    pub fn keys_with_prefix(&self, prefix: &str, limit: usize) -> Vec<String> {
        use fst::{IntoStreamer, Streamer};
        let mut stream = self.names.range().ge(prefix).into_stream();
        let mut out = Vec::new();
        while let Some((key, _)) = stream.next() {
            if !key.starts_with(prefix.as_bytes()) || out.len() >= limit {
                break;
            }
            out.push(String::from_utf8_lossy(key).into_owned());
        }
        out
    }

    /// The place at `index`.
    ///
    /// # Panics
    /// When `index >= self.len()`, like slice indexing: indexes come from
    /// [`lookup`](Self::lookup) and [`by_geonames_id`](Self::by_geonames_id).
    pub fn place(&self, index: u32) -> Place<'_> {
        let places = self.section(SEC_PLACES);
        let r = index as usize * PLACE_LEN;
        assert!(
            r + PLACE_LEN <= places.len(),
            "place index {index} out of range ({} places)",
            self.len()
        );
        let rec = &places[r..r + PLACE_LEN];
        let admin_index = u32_at(rec, 20) as usize;
        let admins = self.section(SEC_ADMINS);
        // The pool found once for the record's seven strings.
        let pool = self.pool();
        let string = |offset| pool.string(offset);
        let (cc, a1c, a2c, a1, a2, a3) = match admins.get(admin_index * ADMIN_LEN..(admin_index + 1) * ADMIN_LEN) {
            Some(a) => (
                ascii_field(&a[0..2]),
                string(u32_at(a, 4)),
                string(u32_at(a, 8)),
                string(u32_at(a, 12)),
                string(u32_at(a, 16)),
                string(u32_at(a, 20)),
            ),
            None => ("", "", "", "", "", ""),
        };
        let fcode_index = u16_at(rec, 24) as usize;
        let fcodes = self.section(SEC_FCODES);
        let feature_code = fcodes
            .get(fcode_index * FCODE_LEN..(fcode_index + 1) * FCODE_LEN)
            .map_or("", |f| string(u32_at(f, 0)));
        Place {
            index,
            geonames_id: u32_at(rec, 0),
            name: string(u32_at(rec, 16)),
            latitude: f64::from(i32_at(rec, 4)) / COORD_SCALE,
            longitude: f64::from(i32_at(rec, 8)) / COORD_SCALE,
            feature_class: char::from(rec[26]),
            feature_code,
            country_code: cc,
            admin1_code: a1c,
            admin2_code: a2c,
            admin1: a1,
            admin2: a2,
            admin3: a3,
            population: u64::from(u32_at(rec, 12)),
        }
    }

    /// Index of the place with this GeoNames id.
    pub fn by_geonames_id(&self, geonames_id: u32) -> Option<u32> {
        let places = self.section(SEC_PLACES);
        let (mut lo, mut hi) = (0usize, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let id = u32_at(places, mid * PLACE_LEN);
            match id.cmp(&geonames_id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid as u32),
            }
        }
        None
    }

    fn country_at(&self, i: usize) -> Option<Country<'_>> {
        let rec = self
            .section(SEC_COUNTRIES)
            .get(i * COUNTRY_LEN..(i + 1) * COUNTRY_LEN)?;
        let place = u32_at(rec, 18);
        Some(Country {
            code: ascii_field(&rec[0..2]),
            iso3: ascii_field(&rec[2..5]),
            iso_numeric: u16_at(rec, 6),
            name: self.string(u32_at(rec, 10)),
            name_fr: self.string(u32_at(rec, 14)),
            place: (place != NO_PLACE && (place as usize) < self.len()).then_some(place),
        })
    }

    /// The country with this ISO 3166-1 alpha-2 code (case-insensitive).
    pub fn country(&self, country_code: &str) -> Option<Country<'_>> {
        // Compared byte by byte, upper-cased on the fly: the order of `str`, without a
        // new string per call (the resolver asks once per place it names).
        let code = country_code.bytes().map(|b| b.to_ascii_uppercase());
        let records = self.section(SEC_COUNTRIES);
        let (mut lo, mut hi) = (0usize, self.country_count());
        while lo < hi {
            let mid = (lo + hi) / 2;
            // Only the code is compared: decoding a whole record at every step of
            // the search cost more than the search.
            let rec = records.get(mid * COUNTRY_LEN..(mid + 1) * COUNTRY_LEN)?;
            match ascii_field(&rec[0..2]).bytes().cmp(code.clone()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return self.country_at(mid),
            }
        }
        None
    }

    /// The country known under a folded English, French or local name
    /// ("cote d ivoire", "tchad", "mali").
    pub fn country_by_name(&self, key: &str) -> Option<Country<'_>> {
        let i = self.countries.get(key)?;
        self.country_at(i as usize)
    }

    /// Every country, sorted by code.
    pub fn countries(&self) -> impl Iterator<Item = Country<'_>> + '_ {
        (0..self.country_count()).filter_map(|i| self.country_at(i))
    }
}

/// The value of `cache` for `country` (ISO alpha-2, any case), built by `build`
/// with the upper-case code the first time it is asked for.
fn cached<T>(cache: &Mutex<HashMap<String, Arc<T>>>, country: &str, build: impl FnOnce(&str) -> T) -> Arc<T> {
    let country = country.to_ascii_uppercase();
    // A poisoned lock only means another thread panicked mid-insert; the
    // map itself is still whole.
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(value) = cache.get(&country) {
        return Arc::clone(value);
    }
    let value = Arc::new(build(&country));
    cache.insert(country, Arc::clone(&value));
    value
}

/// An entry of the table of keys by country (layout in `format.rs`).
struct CountryKeys {
    code: [u8; 2],
    /// Where the country's transducer lies in the section.
    range: Range<usize>,
}

/// The entries of the section of keys by country; `None` when the table runs past it.
fn country_key_entries(section: &[u8]) -> Option<impl Iterator<Item = CountryKeys> + '_> {
    let count = u32_at(section.get(..4)?, 0) as usize;
    let table = section.get(4..4 + count.checked_mul(COUNTRY_KEYS_ENTRY_LEN)?)?;
    Some(table.chunks_exact(COUNTRY_KEYS_ENTRY_LEN).map(|e| {
        let offset = u32_at(e, 4) as usize;
        CountryKeys {
            code: [e[0], e[1]],
            range: offset..offset.saturating_add(u32_at(e, 8) as usize),
        }
    }))
}

/// The key a name is indexed under: [`veille_text::fold`].
pub fn fold_key(name: &str) -> String {
    veille_text::fold(name)
}

/// Calls `visit` with every key of `fst` that `automaton` matches and its value, in
/// key order, until `visit` says to stop: the keys and order of `fst`'s search
/// stream, found by a walk of its states. Unlike the stream, the walk decodes no
/// state the automaton has already given up on, which for a Levenshtein automaton is
/// the target of most transitions tried; and it keeps no generic stack of stream
/// states (a near-spelling search took half the time of the stream's).
fn walk_keys<D: AsRef<[u8]>, A: fst::Automaton>(
    fst: &fst::raw::Fst<D>,
    automaton: &A,
    mut visit: impl FnMut(&[u8], u64) -> bool,
) {
    let root = fst.root();
    let start = automaton.start();
    let mut key = Vec::new();
    if root.is_final() && automaton.is_match(&start) && !visit(&key, root.final_output().value()) {
        return;
    }
    // The states on the path to `key`: each with its next transition to try, the
    // output of the path up to it and the automaton's state there.
    let mut path = vec![(root, 0, fst::raw::Output::zero(), start)];
    while let Some((node, next, out, state)) = path.last_mut() {
        if *next == node.len() || !automaton.can_match(state) {
            path.pop();
            key.pop();
            continue;
        }
        let t = node.transition(*next);
        *next += 1;
        let child_state = automaton.accept(state, t.inp);
        let matches = automaton.is_match(&child_state);
        let live = automaton.can_match(&child_state);
        if !matches && !live {
            continue;
        }
        let out = out.cat(t.out);
        let child = fst.node(t.addr);
        key.push(t.inp);
        if matches && child.is_final() && !visit(&key, out.cat(child.final_output()).value()) {
            return;
        }
        if live {
            path.push((child, 0, out, child_state));
        } else {
            key.pop();
        }
    }
}

/// The gazetteer's string pool, valid UTF-8 as [`Gazetteer::parse`] checked: only
/// [`Gazetteer::pool`] makes one.
#[derive(Clone, Copy)]
struct Pool<'g>(&'g [u8]);

impl<'g> Pool<'g> {
    /// The string at `offset` (a length, then the bytes); "" for an offset that
    /// does not hold one.
    fn string(self, offset: u32) -> &'g str {
        let pool = self.0;
        let Some((len, start)) = get_varint(pool, offset as usize) else {
            return "";
        };
        let Some(bytes) = pool.get(start..start + len as usize) else {
            return "";
        };
        // The whole pool was checked to be UTF-8 when the asset was opened, so a
        // slice of it is UTF-8 exactly when both ends fall on char boundaries:
        // an O(1) check instead of re-validating every string on every access
        // (which was a tenth of the geoparser's time).
        let is_boundary = |i: usize| pool.get(i).is_none_or(|&b| (b as i8) >= -0x40);
        if !is_boundary(start) || !is_boundary(start + bytes.len()) {
            return "";
        }
        // SAFETY: `pool` is valid UTF-8 (checked in `parse`) and `bytes` starts
        // and ends on char boundaries of it, so `bytes` is valid UTF-8.
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }
}

/// A fixed-width ASCII field, zero-padded; "" when empty or not ASCII.
fn ascii_field(bytes: &[u8]) -> &str {
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    match &bytes[..end] {
        // The general UTF-8 validation, a call per field, was read for the country
        // code of every place.
        // SAFETY: ASCII bytes are valid UTF-8.
        field if field.is_ascii() => unsafe { std::str::from_utf8_unchecked(field) },
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key and value of `stream`, in its order.
    fn streamed<S: for<'a> fst::Streamer<'a, Item = (&'a [u8], u64)>>(mut stream: S) -> Vec<(Vec<u8>, u64)> {
        let mut out = Vec::new();
        while let Some((k, v)) = stream.next() {
            out.push((k.to_vec(), v));
        }
        out
    }

    /// Every key and value [`walk_keys`] visits, in its order.
    fn walked<A: fst::Automaton>(map: &fst::Map<Vec<u8>>, automaton: &A) -> Vec<(Vec<u8>, u64)> {
        let mut out = Vec::new();
        walk_keys(map.as_fst(), automaton, |k, v| {
            out.push((k.to_vec(), v));
            true
        });
        out
    }

    #[test]
    fn two_byte_starts_lead_where_the_walk_does() {
        let g = Gazetteer::embedded();
        let fst = g.names.as_fst();
        // The walk from the root byte by byte, without the table.
        let walk = |bytes: &[u8]| -> Option<(fst::raw::CompiledAddr, u64)> {
            let mut node = fst.root();
            let mut out = fst::raw::Output::zero();
            for &b in bytes {
                let t = node.transition(node.find_input(b)?);
                out = out.cat(t.out);
                node = fst.node(t.addr);
            }
            Some((node.addr(), out.value()))
        };
        let keys = streamed(g.names.stream());
        for (key, _) in keys.iter().step_by(997) {
            for end in 0..=key.len() {
                for tail in [&[][..], b"q", b" ", b"\xff", b"zz"] {
                    let probe = [&key[..end], tail].concat();
                    let extended = g
                        .key_prefix()
                        .extended(&probe)
                        .map(|p| (p.node.addr(), p.output.value()));
                    assert_eq!(extended, walk(&probe), "{:?}", String::from_utf8_lossy(&probe));
                }
            }
        }
    }

    #[test]
    fn walking_the_states_gives_the_keys_of_the_stream() {
        use fst::IntoStreamer;
        let keys = [
            "",
            "a",
            "ab",
            "abc",
            "arbinda",
            "arbinde",
            "b",
            "bani",
            "bani bangou",
            "djibo",
            "kaya",
        ];
        let map = fst::Map::from_iter(keys.iter().enumerate().map(|(i, k)| (*k, i as u64))).unwrap();
        let all = walked(&map, &fst::automaton::AlwaysMatch);
        assert_eq!(all, streamed(map.stream()));
        assert_eq!(all.len(), keys.len());
        for (query, distance) in [("arbinda", 1), ("bani", 2), ("kayo", 1), ("", 1), ("zzz", 2)] {
            let near = walked(&map, &EditDistance::new(query, distance).unwrap());
            let aut = EditDistance::new(query, distance).unwrap();
            assert_eq!(
                near,
                streamed(map.search(aut).into_stream()),
                "{query} within {distance}"
            );
        }
        // Stopping early stops the walk.
        let mut seen = 0;
        walk_keys(map.as_fst(), &fst::automaton::AlwaysMatch, |_, _| {
            seen += 1;
            seen < 3
        });
        assert_eq!(seen, 3);
    }

    #[test]
    fn the_keys_of_a_country_are_those_naming_one_of_its_places() {
        let g = Gazetteer::embedded();
        // The definition, read off every key of the world.
        let mut expected: HashMap<&str, Vec<Vec<u8>>> = HashMap::new();
        for (key, value) in streamed(g.names.stream()) {
            let mut codes: Vec<&str> = g.hits_of(value).map(|h| g.country_code_of(h.place)).collect();
            codes.sort_unstable();
            codes.dedup();
            for code in codes {
                expected.entry(code).or_default().push(key.clone());
            }
        }
        let stored = |country: &str| g.country_keys(country).map(|keys| streamed(keys.stream()));
        assert!(expected.len() > 200, "{} countries", expected.len());
        for (code, keys) in &expected {
            let found = stored(code).unwrap_or_else(|| panic!("no keys for {code:?}"));
            assert!(found.iter().all(|(_, v)| *v == 0));
            assert_eq!(found.into_iter().map(|(k, _)| k).collect::<Vec<_>>(), *keys, "{code}");
        }
        // Any case; a code no place has has none.
        assert_eq!(stored("bf"), stored("BF"));
        for code in ["XX", "BFA", "B"] {
            assert!(stored(code).is_none(), "{code}");
        }
    }

    #[test]
    fn rejects_foreign_and_truncated_bytes() {
        let e = Gazetteer::from_bytes(b"hello".to_vec()).unwrap_err();
        assert!(e.to_string().contains("bad magic"), "{e}");
        let full = build::write_asset(&build::AssetParts::default());
        let e = Gazetteer::from_bytes(full[..HEADER_LEN - 1].to_vec()).unwrap_err();
        assert!(e.to_string().contains("bad magic"), "{e}");
        let mut wrong = full.clone();
        wrong[8] = 99;
        let e = Gazetteer::from_bytes(wrong).unwrap_err();
        assert!(e.to_string().contains("version 99"), "{e}");
        let mut short = full.clone();
        short.truncate(full.len() - 1);
        assert!(Gazetteer::from_bytes(short).is_err());
        let with_country_keys = |section: Vec<u8>| {
            let parts = build::AssetParts {
                country_keys: section,
                ..Default::default()
            };
            Gazetteer::from_bytes(build::write_asset(&parts))
        };
        let e = with_country_keys(vec![1, 0, 0, 0]).unwrap_err();
        assert!(e.to_string().contains("country key table is truncated"), "{e}");
        // One entry, for BF, whose one byte at offset 16 is not there; then is, but is no
        // transducer: BF has no keys.
        let mut one_byte = vec![1, 0, 0, 0, b'B', b'F', 0, 0, 16, 0, 0, 0, 1, 0, 0, 0];
        let e = with_country_keys(one_byte.clone()).unwrap_err();
        assert!(e.to_string().contains("runs past its section"), "{e}");
        one_byte.push(0);
        assert!(with_country_keys(one_byte).unwrap().country_keys("BF").is_none());
        let g = Gazetteer::from_bytes(full).unwrap();
        assert_eq!(g.len(), 0);
        assert!(g.country_keys("BF").is_none());
        assert!(g.lookup("paris").is_empty());
    }
}
