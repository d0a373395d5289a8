//! Stage 2: each mention's gazetteer candidates scored, first on their own,
//! then in the light of the document's other places.

use rustc_hash::FxHashMap as HashMap;

use veille_gazetteer::{Gazetteer, NameHit, NameKind, Place};
use veille_model::{precision, PlaceMention};
use veille_text::CharIndex;

use crate::detect::{fuzzy_hits, lookup_with_variants, RawMention};
use crate::lexicon::Lexicon;
use crate::{Hints, MentionRole, PlaceHit};

/// The least score a detected one-word name without a cue needs to be kept.
const MIN_BARE_NAME_SCORE: f64 = 6.5;

/// How much less a one-word name right after a locative ("in Saskatoon") needs: the
/// text says a place follows, so an unranked town of some 15,000 people will do,
/// where alone it takes a city of a million (GeoNames ranks no Canadian town).
const AFTER_LOCATIVE_RELIEF: f64 = 1.5;

/// Rounds of context rescoring after the context-free pass.
const CONTEXT_ROUNDS: usize = 3;

/// Weights of the log-linear score. One place so that tuning is one diff.
mod weight {
    /// Per natural-log unit of population.
    pub const POPULATION: f64 = 0.35;
    pub const PRIMARY_NAME: f64 = 0.6;
    pub const LOCALIZED_NAME: f64 = 0.6;
    /// A place found only under one of its alternate names ("Boni" for Watampone).
    pub const ALTERNATE_NAME: f64 = -1.5;
    pub const HINT_COUNTRY: f64 = 5.5;
    /// Times the share of the document's other places in the candidate's country.
    pub const DOC_COUNTRY: f64 = 5.0;
    pub const IN_MENTIONED_ADMIN1: f64 = 2.5;
    /// In a region where a group the document names operates: less than a
    /// region the text names, enough to part two villages of one name.
    pub const IN_ACTOR_REGION: f64 = 1.5;
    pub const IN_MENTIONED_ADMIN2: f64 = 3.0;
    pub const NEAR_OTHER_50KM: f64 = 3.0;
    pub const NEAR_OTHER_200KM: f64 = 1.5;
    /// A candidate outside the levels its cue allows.
    pub const WRONG_LEVEL: f64 = -6.0;
    /// A unit named after its seat, mentioned without a cue.
    pub const UNIT_WITHOUT_CUE: f64 = -5.0;
    /// A unit matched by its name without "County", "Cercle de"..., and no cue.
    pub const UNIT_BY_STRIPPED_NAME: f64 = -2.0;
    /// Per unit of spelling cost of a reading found under another spelling
    /// ("Sassambari" for Sassambaré): the closest spelling wins among them.
    pub const SPELLING: f64 = -2.0;
}

/// A reading found only under another spelling of the name is kept, when the
/// document places other places, only within this distance of one of them:
/// a near spelling is a guess, and a village 300 km from everything else
/// the article names is a wrong one ("Tokabangou" read as Twabangou).
const SPELLING_MAX_KM: f64 = 200.0;

/// The population under which a given span's reading may be a stray ([`is_stray`]):
/// at 25,000 or 50,000 GeoVirus lost right towns of its African and Asian stories.
const STRAY_MAX_POPULATION: u64 = 10_000;

/// How far from every other place of the document a stray lies ([`is_stray`]): at
/// 300 or 200 km LGL's local stories lost hamlets that are right.
const STRAY_MIN_KM: f64 = 500.0;

/// How far a place may lie from the place the text says it is near or in.
const ANCHOR_MAX_KM: f64 = 100.0;

/// How far from a town's point a part of it may lie (a ward of Ouagadougou):
/// the wards of the Sahel's capitals lie within 10 km of their points; villages of the
/// same names 30 to 40 km out are others.
const TOWN_PART_MAX_KM: f64 = 15.0;

/// The most text between a place and a near-cued place for the second to
/// anchor the first: ", near ", ", 4 km south of ", ", in the area of ".
const ANCHOR_GAP_BYTES: usize = 32;

/// Words that join two places as equals rather than putting one near the other.
const COORDINATORS: &[&str] = &["and", "et", "or", "ou"];

/// The population from which a town's name means the town before a village or
/// a spot of that name.
const BIG_CITY: u64 = 200_000;

/// Prior of a GeoNames feature: countries and capitals above admin units
/// above towns above spots, whatever their population says.
fn feature_prior(place: &Place<'_>) -> f64 {
    let code = place.feature_code;
    match place.feature_class {
        'A' if code.starts_with("PCL") => 7.0,
        'A' if code == "ADM1" => 4.5,
        'A' if code == "ADM2" => 3.5,
        'A' if code == "ADM3" => 2.0,
        'A' => 1.0,
        // A city of this size is known abroad by its name whatever rank
        // GeoNames gives it in its country's administration.
        'P' if place.population >= BIG_CITY
            && !matches!(code, "PPLC" | "PPLA" | "PPLA2" | "PPLX" | "PPLH" | "PPLQ" | "PPLW") =>
        {
            2.5
        }
        'P' => match code {
            "PPLC" => 6.0,
            "PPLA" => 4.0,
            "PPLA2" => 3.0,
            "PPLA3" => 2.0,
            "PPLA4" => 1.5,
            "PPLX" | "PPLH" | "PPLQ" | "PPLW" => 0.0,
            _ => 1.0,
        },
        'L' => 0.5,
        'H' => -0.5,
        'T' | 'V' => 0.0,
        'S' => -0.5,
        'R' => -1.5,
        'U' => -4.0,
        _ => 0.0,
    }
}

/// A source focused on one country names foreign towns rarely; a foreign
/// homonym under a million people ("Pensa" → Penza, "Bama" in Nigeria, "Pori"
/// in Finland, for Burkinabè villages) is far more often a local village.
/// Such candidates are ruled out when the source's country is known, unless
/// the document itself names their country ("au Mali, à Telataï").
///
/// A foreign region or capital stays a reading, except when reached only
/// under one of its alternate names ("Bangi" for Bangui, "Bissa" for Bissau)
/// or when GeoNames counts fewer than 100,000 people in it ("Sangha", a
/// region of Congo, for a Burkinabè village).
fn is_unlikely_abroad(place: &Place<'_>, kind: NameKind, home: &[String]) -> bool {
    if home.iter().any(|cc| place.country_code.eq_ignore_ascii_case(cc)) || place.feature_code.starts_with("PCL") {
        return false;
    }
    match place.feature_code {
        "ADM1" | "PPLC" => kind == NameKind::Alternate || (1..100_000).contains(&place.population),
        _ => place.population < 1_000_000,
    }
}

/// GeoNames gives countries and admin units no population in the cuts the
/// gazetteer is built from; a typical size stands in, so that "California"
/// the state outranks California, Missouri.
fn effective_population(gazetteer: &Gazetteer, place: &Place<'_>) -> f64 {
    if place.population > 0 || stands_on_borrowed_point(gazetteer, place) {
        return place.population as f64;
    }
    match place.feature_code {
        c if c.starts_with("PCL") => 10_000_000.0,
        "ADM1" => 1_000_000.0,
        "ADM2" => 100_000.0,
        "ADM3" => 10_000.0,
        _ => 0.0,
    }
}

/// A second-level unit that stands on a point borrowed from another place has no
/// claim to the typical size of a county, and must not outrank the towns of its
/// name. The gazetteer lends such a unit its first-level unit's very point when
/// it holds no populated place of its own (a parish subdivision of Jamaica,
/// "Mansfield", "Lancaster"), or the point of the town of its very name in its
/// first-level unit (Alberta's municipalities, "Hinton").
fn stands_on_borrowed_point(gazetteer: &Gazetteer, place: &Place<'_>) -> bool {
    if place.feature_code != "ADM2" || place.population != 0 || place.admin1.is_empty() {
        return false;
    }
    let at_point = |other: &Place<'_>| {
        other.country_code == place.country_code
            && other.admin1 == place.admin1
            && other.latitude == place.latitude
            && other.longitude == place.longitude
    };
    let lent_by = |name: &str, class: char, code: Option<&str>| {
        gazetteer.lookup(&veille_text::fold(name)).iter().any(|h| {
            let other = gazetteer.place(h.place);
            other.feature_class == class && code.is_none_or(|c| other.feature_code == c) && at_point(&other)
        })
    };
    lent_by(place.admin1, 'A', Some("ADM1")) || lent_by(place.name, 'P', None)
}

fn level_matches(place: &Place<'_>, level: &str) -> bool {
    match level {
        "P" => place.feature_class == 'P',
        _ => {
            place.feature_code == level
                || (place.feature_code.starts_with(level) && place.feature_code.len() == level.len() + 1)
        }
    }
}

/// A city this large is what its name means even when a unit holding it shares the
/// name without being its seat ("New York": the city, not the state of Albany).
const CITY_OVER_ITS_UNIT: u64 = 1_000_000;

/// How close a unit's point lies to a seat of its name for the seat to be its own, whatever
/// first-level unit GeoNames files the seat under.
const SEAT_POINT_KM: f64 = 5.0;

/// An admin unit sharing its bare name with its seat town ("Mopti" the
/// region and the town, "Goundam" the cercle and the town): without a cue
/// word, the name means the town. A second- or third-level unit also yields
/// to a town of its very name inside it that GeoNames does not code as a seat:
/// Niger's départements of 2011 took the names of towns the 2014 dump still
/// lists as plain villages ("Iférouane", "Aderbissinat"). "Province du Bam"
/// keeps its bare name "Bam" against the village Bam inside it.
fn is_unit_named_after_its_seat(place: &Place<'_>, others: &[Place<'_>]) -> bool {
    if !matches!(place.feature_code, "ADM1" | "ADM2" | "ADM3") {
        return false;
    }
    let seat = |other: &Place<'_>| matches!(other.feature_code, "PPLA" | "PPLA2" | "PPLA3" | "PPLC");
    // A unit created after its seat was coded (Mali's Ménaka region, 2016; the town is
    // still in Gao for GeoNames) stands on the seat's very point.
    let on_its_seat = |other: &Place<'_>| {
        seat(other) && haversine_km(place.latitude, place.longitude, other.latitude, other.longitude) <= SEAT_POINT_KM
    };
    others.iter().any(|other| {
        other.feature_class == 'P'
            && other.country_code == place.country_code
            && (other.admin1 == place.admin1 || on_its_seat(other))
            && (seat(other)
                || other.population >= CITY_OVER_ITS_UNIT
                || (place.feature_code != "ADM1"
                    && !place.admin2.is_empty()
                    && other.admin2 == place.admin2
                    && veille_text::fold(other.name) == veille_text::fold(place.name)))
    })
}

fn kind_bonus(kind: NameKind) -> f64 {
    match kind {
        NameKind::Primary => weight::PRIMARY_NAME,
        NameKind::Localized => weight::LOCALIZED_NAME,
        NameKind::Alternate => weight::ALTERNATE_NAME,
    }
}

/// A scored candidate (what `veille place` lists).
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub place: u32,
    pub kind: NameKind,
    pub score: f64,
}

/// The context-free score of `place`, one of `all` (the places of every
/// hit of `mention`, fetched once by the caller).
fn prior_score(
    gazetteer: &Gazetteer,
    place: &Place<'_>,
    kind: NameKind,
    all: &[Place<'_>],
    mention: &RawMention,
    hints: &Hints,
    home: &[String],
) -> f64 {
    let place = *place;
    if hints.country.is_some() && is_unlikely_abroad(&place, kind, home) {
        return f64::NEG_INFINITY;
    }
    let mut score = feature_prior(&place)
        + weight::POPULATION * (1.0 + effective_population(gazetteer, &place)).ln()
        + kind_bonus(kind);
    if !mention.levels.is_empty() && !mention.levels.iter().any(|l| level_matches(&place, l)) {
        score += weight::WRONG_LEVEL;
    }
    if mention.role == MentionRole::AdminUnit && place.feature_class == 'A' {
        score += 1.0;
    }
    if mention.levels.is_empty() && is_unit_named_after_its_seat(&place, all) {
        score += weight::UNIT_WITHOUT_CUE;
    }
    // "DeKalb" for DeKalb County: a unit found only through its name stripped of
    // "County"/"Cercle de", with no such cue in the text, is a weak reading.
    if mention.levels.is_empty()
        && matches!(place.feature_code, "ADM2" | "ADM3")
        && veille_text::fold(place.name) != mention.key
    {
        score += weight::UNIT_BY_STRIPPED_NAME;
    }
    if let Some(cc) = &hints.country {
        if place.country_code.eq_ignore_ascii_case(cc) {
            score += weight::HINT_COUNTRY;
        }
    }
    let in_region = |(cc, admin1): &(String, String)| {
        place.country_code.eq_ignore_ascii_case(cc) && !place.admin1.is_empty() && place.admin1 == admin1
    };
    if hints.regions.iter().any(in_region) {
        score += weight::IN_ACTOR_REGION;
    }
    score
}

pub(crate) fn candidates_for_name(
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    name: &str,
    hints: &Hints,
) -> Vec<Candidate> {
    let key = veille_text::fold(name);
    let (hits, key) = lookup_with_variants(gazetteer, lexicon, &key);
    // The near spellings the resolver would read for this name in the hinted country, so
    // that `veille place` shows what `veille places` may choose.
    let spellings = match hints.country.as_deref() {
        Some(cc)
            if !hits
                .iter()
                .any(|h| gazetteer.country_code_of(h.place).eq_ignore_ascii_case(cc)) =>
        {
            fuzzy_hits(gazetteer, &key, cc)
        }
        _ => Vec::new(),
    };
    let mention = RawMention {
        byte_start: 0,
        byte_end: name.len(),
        key,
        role: MentionRole::Named,
        levels: Vec::new(),
        precision: None,
        holds: false,
        hits: hits.clone(),
        demonym_country: None,
        detected: false,
        after_locative: false,
        inside_longer: false,
        spellings,
        part_of_next: false,
    };
    let all: Vec<NameHit> = hits
        .iter()
        .chain(mention.spellings.iter().map(|(h, _)| h))
        .copied()
        .collect();
    let places: Vec<Place<'_>> = all.iter().map(|h| gazetteer.place(h.place)).collect();
    let home: Vec<String> = hints.country.iter().cloned().collect();
    let mut out: Vec<Candidate> = all
        .iter()
        .zip(&places)
        .map(|(h, place)| Candidate {
            place: h.place,
            kind: h.kind,
            score: prior_score(gazetteer, place, h.kind, &places, &mention, hints, &home),
        })
        .collect();
    // As in resolution: a near spelling counts only when the name as written has no
    // acceptable reading, and costs by how far it is.
    let exact_readable = out[..hits.len()].iter().any(|c| c.score.is_finite());
    for (c, (_, cost)) in out[hits.len()..].iter_mut().zip(&mention.spellings) {
        c.score = if exact_readable {
            f64::NEG_INFINITY
        } else {
            c.score + weight::SPELLING * cost
        };
    }
    sort_candidates(gazetteer, &mut out);
    out
}

fn sort_candidates(gazetteer: &Gazetteer, candidates: &mut [Candidate]) {
    candidates.sort_by(|a, b| {
        b.score.total_cmp(&a.score).then_with(|| {
            gazetteer
                .place(a.place)
                .geonames_id
                .cmp(&gazetteer.place(b.place).geonames_id)
        })
    });
}

pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    Point::new(lat1, lon1).km_to(&Point::new(lat2, lon2))
}

/// A point with the cosine of its latitude, which [`haversine_km`] needs of both ends:
/// computed once per place, not once per pair of places (the context rounds compare
/// every candidate with every other mention's reading).
#[derive(Clone, Copy)]
struct Point {
    lat_rad: f64,
    cos_lat: f64,
    lon: f64,
}

impl Point {
    fn new(lat: f64, lon: f64) -> Point {
        let lat_rad = lat.to_radians();
        Point {
            lat_rad,
            cos_lat: lat_rad.cos(),
            lon,
        }
    }

    fn of(place: &Place<'_>) -> Point {
        Point::new(place.latitude, place.longitude)
    }

    /// [`haversine_km`], the same operations in the same order.
    fn km_to(&self, other: &Point) -> f64 {
        let dp = other.lat_rad - self.lat_rad;
        let dl = (other.lon - self.lon).to_radians();
        let a = (dp / 2.0).sin().powi(2) + self.cos_lat * other.cos_lat * (dl / 2.0).sin().powi(2);
        2.0 * 6371.0 * a.sqrt().asin()
    }
}

/// A mention's candidates, with what every context round needs of them
/// fetched once (gazetteer records and context-free scores).
struct Candidates<'g> {
    /// The mention's exact hits, then its near spellings.
    hits: Vec<NameHit>,
    /// Whether the reading was found under another spelling of the name.
    respelled: Vec<bool>,
    places: Vec<Place<'g>>,
    /// The places as points, for the distances of every context round; `None`
    /// for a place no round may choose (its prior is not finite).
    points: Vec<Option<Point>>,
    kinds: Vec<NameKind>,
    priors: Vec<f64>,
}

impl Candidates<'_> {
    /// The point of candidate `i`, which has a finite prior.
    fn point(&self, i: usize) -> Point {
        self.points[i].expect("a candidate with a finite prior has its point")
    }
}

/// One round of context: every mention rescored against the readings the
/// other mentions took in the previous round (indexes into their candidates).
fn rescore(
    mentions: &[RawMention],
    candidates: &[Candidates<'_>],
    anchors: &[Option<usize>],
    previous: &[Option<(usize, f64)>],
) -> Vec<Option<(usize, f64)>> {
    let chosen: Vec<Option<(&Place<'_>, Point)>> = previous
        .iter()
        .zip(candidates)
        .map(|(c, cands)| c.map(|(i, _)| (&cands.places[i], cands.point(i))))
        .collect();
    // One vote per distinct name: a name repeated fourteen times ("Dublin" in
    // a local paper) must not outvote the one state that places it, and a
    // name never votes for its own reading.
    let mut voters: Vec<(&str, &Place<'_>)> = Vec::new();
    // The units named, with the name that named them: a mention read as a unit
    // in one round must not, through that reading, place its own other readings
    // inside the unit in the next ("Kaya" the department lifting Kaya the town,
    // which then drops the department, round after round).
    let mut admin1s: Vec<(&str, &str, &str)> = Vec::new();
    let mut admin2s: Vec<(&str, &str, &str)> = Vec::new();
    for (m, place) in mentions.iter().zip(&chosen) {
        let Some((place, _)) = place.filter(|_| !m.inside_longer) else {
            continue;
        };
        if !voters.iter().any(|(key, _)| *key == m.key) {
            voters.push((m.key.as_str(), place));
        }
        if place.feature_code == "ADM1" && m.role != MentionRole::Demonym {
            admin1s.push((m.key.as_str(), place.country_code, place.admin1));
        }
        if place.feature_code == "ADM2" {
            admin2s.push((m.key.as_str(), place.country_code, place.admin2));
        }
    }

    let mut resolved = Vec::with_capacity(mentions.len());
    // What the other mentions say of mention k, the same for all its candidates:
    // gathered once per mention rather than once per candidate (the name
    // comparisons were most of a round's time).
    let mut other_voters: Vec<&Place<'_>> = Vec::new();
    let mut neighbours: Vec<(&Place<'_>, Point)> = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        let cands = &candidates[k];
        other_voters.clear();
        other_voters.extend(voters.iter().filter(|(key, _)| *key != m.key).map(|&(_, other)| other));
        // The places a reading may lie near. Not countries, and not capitals: a
        // capital in the news is mostly its government speaking ("Washington
        // expelled the envoys"), so a town's being a drive from it says nothing of
        // which town of that name the story means (Salisbury, Maryland for the
        // English one of a poisoning, Cambridge, Maryland for the English one).
        neighbours.clear();
        neighbours.extend(
            chosen
                .iter()
                .enumerate()
                .filter(|(j, c)| {
                    *j != k
                        && mentions[*j].key != m.key
                        && !mentions[*j].inside_longer
                        && c.is_some_and(|(o, _)| !o.feature_code.starts_with("PCL") && o.feature_code != "PPLC")
                })
                .filter_map(|(_, c)| *c),
        );
        let mut best: Option<(usize, f64)> = None;
        for (i, place) in cands.places.iter().enumerate() {
            let mut score = cands.priors[i];
            if !score.is_finite() {
                continue;
            }
            // A continent votes only for continents: "Europe" in a Canadian
            // paper says nothing about which London it means.
            let others = other_voters
                .iter()
                .filter(|other| place.country_code.is_empty() || !other.country_code.is_empty());
            let (same, total) = others.fold((0usize, 0usize), |(same, total), other| {
                (same + usize::from(other.country_code == place.country_code), total + 1)
            });
            if total > 0 {
                score += weight::DOC_COUNTRY * same as f64 / total as f64;
            }
            let is_self = |list: &[(&str, &str, &str)], name: &str| {
                list.iter()
                    .any(|(key, cc, n)| *key != m.key && *cc == place.country_code && *n == name)
            };
            if place.feature_code != "ADM1" && !place.admin1.is_empty() && is_self(&admin1s, place.admin1) {
                score += weight::IN_MENTIONED_ADMIN1;
            }
            if place.feature_code != "ADM2" && !place.admin2.is_empty() && is_self(&admin2s, place.admin2) {
                score += weight::IN_MENTIONED_ADMIN2;
            }
            // The unit's score is read on, for the town it yields to: what
            // placed the unit places the town inside it.
            let pick = if m.levels.is_empty() {
                town_of_empty_unit(place, cands, &neighbours).unwrap_or(i)
            } else {
                i
            };
            let point = cands.point(i);
            // A state is as close as can be to a town inside it, whatever the distance
            // from its centre point. A country's point says nothing of how far a village
            // of it lies from the places the text names: a near spelling is judged on the
            // places below the country only.
            let (nearest, nearest_below_country) =
                neighbours
                    .iter()
                    .fold((f64::INFINITY, f64::INFINITY), |(all, below), (other, other_point)| {
                        let km = if contains(place, other) {
                            0.0
                        } else {
                            point.km_to(other_point)
                        };
                        let below = if other.feature_code.starts_with("PCL") {
                            below
                        } else {
                            below.min(km)
                        };
                        (all.min(km), below)
                    });
            if cands.respelled[i] && nearest_below_country.is_finite() && nearest_below_country > SPELLING_MAX_KM {
                continue;
            }
            // "the camp of Ayouba, near Bani Bangou": the text puts the place by
            // its anchor, so a reading far from the anchor's is another place.
            // Countries and regions are not "near" anything in that sense.
            let anchor = anchors[k].and_then(|j| Some((chosen[j]?.0, mentions[j].role)));
            let off_anchor = |(a, role): (&Place<'_>, MentionRole)| {
                if m.part_of_next {
                    !within_town(place, a)
                } else {
                    !is_area(place) && !fits_anchor(place, a, role)
                }
            };
            if anchor.is_some_and(off_anchor) {
                continue;
            }
            if nearest < 50.0 {
                score += weight::NEAR_OTHER_50KM;
            } else if nearest < 200.0 {
                score += weight::NEAR_OTHER_200KM;
            }
            let better = match best {
                None => true,
                Some((b, bs)) => {
                    score > bs || (score == bs && cands.places[pick].geonames_id < cands.places[b].geonames_id)
                }
            };
            if better {
                best = Some((pick, score));
            }
        }
        resolved.push(best);
    }
    resolved
}

/// A first- or second-level unit named without a cue that holds none of the
/// document's other places, while a town of its very name inside it is a reading
/// of the same mention, yields to that town ("Iférouane" the département and its
/// town): the best-placed such town. Once a unit can no longer vouch for itself
/// through its own mention, nothing but its size speaks for the unit.
fn town_of_empty_unit(place: &Place<'_>, cands: &Candidates<'_>, neighbours: &[(&Place<'_>, Point)]) -> Option<usize> {
    if !matches!(place.feature_code, "ADM1" | "ADM2") || neighbours.iter().any(|(other, _)| contains(place, other)) {
        return None;
    }
    let name = veille_text::fold(place.name);
    (0..cands.places.len())
        .filter(|&t| {
            let other = &cands.places[t];
            cands.priors[t].is_finite()
                && other.feature_class == 'P'
                && contains(place, other)
                && veille_text::fold(other.name) == name
        })
        .max_by(|&a, &b| cands.priors[a].total_cmp(&cands.priors[b]).then_with(|| b.cmp(&a)))
}

/// For each mention, the mention that the text says it lies near or in,
/// when one follows at once behind a near cue or as a cued admin unit ("X,
/// near Y", "X, 4 km south of Y", "X, in the Y Department", "X (province du Y)").
fn near_anchors(text: &str, mentions: &[RawMention]) -> Vec<Option<usize>> {
    (0..mentions.len())
        .map(|k| {
            let next = mentions.get(k + 1)?;
            if mentions[k].part_of_next {
                return Some(k + 1);
            }
            let gap = text.get(mentions[k].byte_end..next.byte_start)?;
            let short = gap.len() <= ANCHOR_GAP_BYTES && !gap.contains(['.', ';', ':', '\n']);
            // "between X and Y" frames both places near each other; neither is
            // said to lie near the other.
            let coordinated = gap
                .split(|c: char| !c.is_alphanumeric())
                // No char outside ASCII lower-cases to a letter of these words, so an
                // ASCII comparison agrees with `to_lowercase` and allocates nothing.
                .any(|w| COORDINATORS.iter().any(|c| w.eq_ignore_ascii_case(c)));
            // "l'axe Kaya-Dori": a dash alone between two places joins the ends of a
            // road, often 100 km and more apart.
            let dash = gap.trim();
            let road_ends = !dash.is_empty() && dash.chars().all(|c| matches!(c, '-' | '‑' | '–' | '—' | '/'));
            let short = short && !coordinated && !road_ends;
            let joined = match next.role {
                MentionRole::Near => short && !gap.contains(['(', ')']),
                MentionRole::AdminUnit => short,
                _ => false,
            };
            joined.then_some(k + 1)
        })
        .collect()
}

/// Whether `place` can be the place the text puts in or near `anchor`: inside
/// it when the text names a first- or second-level unit ("in the Seno
/// province"), within [`ANCHOR_MAX_KM`] of a place it is near. Being "near"
/// a unit or a country constrains nothing.
fn fits_anchor(place: &Place<'_>, anchor: &Place<'_>, role: MentionRole) -> bool {
    match anchor.feature_code {
        "ADM1" | "ADM2" if role == MentionRole::AdminUnit => contains(anchor, place),
        _ if is_area(anchor) => true,
        _ => haversine_km(place.latitude, place.longitude, anchor.latitude, anchor.longitude) <= ANCHOR_MAX_KM,
    }
}

/// Whether `place` can be a part of `town` ([`RawMention::part_of_next`]): inside it when
/// the "town" is a unit, close to its point otherwise.
fn within_town(place: &Place<'_>, town: &Place<'_>) -> bool {
    if is_area(town) {
        return (town.feature_code.starts_with("PCL") && town.country_code == place.country_code)
            || contains(town, place);
    }
    haversine_km(place.latitude, place.longitude, town.latitude, town.longitude) <= TOWN_PART_MAX_KM
}

/// A country, a first- or second-level unit, a continent or a region.
fn is_area(place: &Place<'_>) -> bool {
    place.feature_class == 'L' || (place.feature_class == 'A' && !matches!(place.feature_code, "ADM3" | "ADM4"))
}

/// Whether admin unit `unit` holds `other` (a first- or second-level unit
/// and a place of it).
fn contains(unit: &Place<'_>, other: &Place<'_>) -> bool {
    unit.country_code == other.country_code
        && match unit.feature_code {
            "ADM1" => other.feature_code != "ADM1" && !unit.admin1.is_empty() && unit.admin1 == other.admin1,
            "ADM2" => {
                other.feature_code != "ADM2"
                    && !unit.admin2.is_empty()
                    && unit.admin1 == other.admin1
                    && unit.admin2 == other.admin2
            }
            _ => false,
        }
}

/// The source's country and every country the document names (by name or
/// demonym): the countries whose small places a reader expects.
fn home_countries(gazetteer: &Gazetteer, mentions: &[RawMention], hints: &Hints) -> Vec<String> {
    let mut home: Vec<String> = hints.country.iter().map(|c| c.to_ascii_uppercase()).collect();
    for m in mentions {
        if let Some(cc) = &m.demonym_country {
            // A number is a GeoNames feature (a continent), not a country.
            if cc.parse::<u32>().is_err() {
                home.push(cc.clone());
            }
            continue;
        }
        for h in m.hits.iter().filter(|h| h.kind != NameKind::Alternate) {
            let place = gazetteer.place(h.place);
            if place.feature_code.starts_with("PCL") {
                home.push(place.country_code.to_string());
            }
        }
    }
    home.sort();
    home.dedup();
    home
}

/// Resolves every mention that has candidates; mentions given as spans
/// without any fall back to the document's focus place (precision 3).
pub fn resolve(gazetteer: &Gazetteer, text: &str, mentions: &[RawMention], hints: &Hints) -> Vec<PlaceHit> {
    let home = home_countries(gazetteer, mentions, hints);
    let candidates: Vec<Candidates<'_>> = mentions
        .iter()
        .map(|m| {
            let hits: Vec<NameHit> = m
                .hits
                .iter()
                .chain(m.spellings.iter().map(|(h, _)| h))
                .copied()
                .collect();
            let places: Vec<Place<'_>> = hits.iter().map(|h| gazetteer.place(h.place)).collect();
            let mut priors: Vec<f64> = hits
                .iter()
                .zip(&places)
                .map(|(h, p)| prior_score(gazetteer, p, h.kind, &places, m, hints, &home))
                .collect();
            // Another spelling is read only when the name as written has no
            // acceptable reading, and the closer spelling first.
            let exact_readable = priors[..m.hits.len()].iter().any(|p| p.is_finite());
            for (prior, (_, cost)) in priors[m.hits.len()..].iter_mut().zip(&m.spellings) {
                *prior = if exact_readable {
                    f64::NEG_INFINITY
                } else {
                    *prior + weight::SPELLING * cost
                };
            }
            let respelled = (0..hits.len()).map(|i| i >= m.hits.len()).collect();
            Candidates {
                points: places
                    .iter()
                    .zip(&priors)
                    .map(|(p, prior)| prior.is_finite().then(|| Point::of(p)))
                    .collect(),
                kinds: hits.iter().map(|h| h.kind).collect(),
                hits,
                respelled,
                places,
                priors,
            }
        })
        .collect();
    // Pass 1: each mention on its own.
    let mut chosen: Vec<Option<(usize, f64)>> = candidates
        .iter()
        .map(|c| {
            (0..c.places.len())
                .filter(|&i| c.priors[i].is_finite())
                .max_by(|&a, &b| c.priors[a].total_cmp(&c.priors[b]).then_with(|| b.cmp(&a)))
                .map(|i| (i, c.priors[i]))
        })
        .collect();
    // Context rounds: a reading that fits the others pulls them along, so a
    // second round lets "Georgia" the state bring "Dublin" to Georgia and back.
    let anchors = near_anchors(text, mentions);
    for _ in 0..CONTEXT_ROUNDS {
        chosen = rescore(mentions, &candidates, &anchors, &chosen);
    }
    // The final scores, for one-sense-per-discourse and focus choices.
    let resolved: Vec<Option<Candidate>> = chosen
        .iter()
        .zip(&candidates)
        .map(|(c, cands)| {
            c.map(|(i, score)| Candidate {
                place: cands.hits[i].place,
                kind: cands.kinds[i],
                score,
            })
        })
        .collect();

    // One sense per discourse: every mention of a name takes its best-scored reading.
    let mut by_key: HashMap<(&str, &[String]), Candidate> = HashMap::default();
    for (m, c) in mentions.iter().zip(&resolved) {
        if let Some(c) = c {
            let entry = by_key
                .entry((m.key.as_str(), m.levels.as_slice()))
                .or_insert_with(|| c.clone());
            if c.score > entry.score {
                *entry = c.clone();
            }
        }
    }

    let focus = focus_place(gazetteer, mentions, &resolved);
    let index = CharIndex::new(text);
    let mut out = Vec::with_capacity(mentions.len());
    for (k, m) in mentions.iter().enumerate() {
        let chosen = by_key.get(&(m.key.as_str(), m.levels.as_slice()));
        // A part of a town with no reading in the town (a ward the gazetteer lacks) is
        // placed at the town, as near it.
        let town = m
            .part_of_next
            .then(|| mentions.get(k + 1))
            .flatten()
            .and_then(|next| by_key.get(&(next.key.as_str(), next.levels.as_slice())));
        let (place_index, fallback) = match chosen {
            // A detected bare one-word name whose best reading is weak (a
            // hamlet called "Jones" with nothing in the text for it) is more
            // likely a person or a common noun than a place.
            Some(c)
                if m.detected
                    && m.precision.is_none()
                    && !m.key.contains(' ')
                    && c.score < MIN_BARE_NAME_SCORE - if m.after_locative { AFTER_LOCATIVE_RELIEF } else { 0.0 }
                    && !(m.after_locative && in_home_country(gazetteer, c.place, &home)) =>
            {
                continue
            }
            // A given span read as a hamlet far from everything else the
            // document places is more likely a street, a bar or a building of
            // the story's town than that hamlet.
            Some(c) if !m.detected && is_stray(gazetteer, c.place, m, mentions, &by_key) => match focus {
                Some(f) => (f, true),
                None => (c.place, false),
            },
            Some(c) => (c.place, false),
            // Only a span the caller asserts is a place falls back to the focus;
            // a detected word with no acceptable reading is no place at all.
            None => match (town, focus) {
                (Some(t), _) => (t.place, false),
                (None, _) if m.detected => continue,
                (None, Some(f)) => (f, true),
                (None, None) => continue,
            },
        };
        let place = gazetteer.place(place_index);
        let role = match m.role {
            MentionRole::Named if place.feature_code.starts_with("PCL") => MentionRole::Country,
            other => other,
        };
        let precision = if fallback {
            precision::AREA
        } else if chosen.is_none() {
            precision::NEAR
        } else {
            m.precision.unwrap_or_else(|| precision_of(&place))
        };
        let mention = mention_record(gazetteer, text, &index, m, &place, precision);
        // A place found under another spelling keeps the one the source wrote as its
        // common name ("Seytenga" for GeoNames' Sitenga, "Solenzo" for Salanso), as
        // ACLED writes its locations; not a short form or landmark of the demonym
        // table ("Ouaga", "White House"), nor a span standing for a place inside it.
        let respelled = chosen.is_some_and(|c| c.kind == NameKind::Alternate)
            && !fallback
            && !m.inside_longer
            && m.demonym_country.is_none()
            && !m.key.starts_with('\u{0}')
            && matches!(role, MentionRole::Named | MentionRole::Near);
        let written_name = respelled.then(|| as_written_name(&mention.text));
        out.push(PlaceHit {
            byte_start: m.byte_start,
            byte_end: m.byte_end,
            role,
            mention,
            written_name,
            announced: m.after_locative || m.precision.is_some(),
            holds: m.holds,
        });
    }
    out.sort_by_key(|h| (h.byte_start, h.byte_end));
    out
}

/// Whether `place`, the reading of mention `m`, is a small place (a populated
/// place under [`STRAY_MAX_POPULATION`], or a unit read by its name stripped of
/// "County") lying more than [`STRAY_MIN_KM`] from every place the document's
/// other names took, when at least two of them are places (countries and
/// continents place nothing): a "Grand" or a "Pioneer" in a story about one
/// city is a street or a hall there, not Grand County, Colorado or a hamlet of
/// Ohio.
fn is_stray(
    gazetteer: &Gazetteer,
    place: u32,
    m: &RawMention,
    mentions: &[RawMention],
    by_key: &HashMap<(&str, &[String]), Candidate>,
) -> bool {
    let place = gazetteer.place(place);
    let small = (place.feature_class == 'P' && place.population < STRAY_MAX_POPULATION)
        || (matches!(place.feature_code, "ADM2" | "ADM3") && veille_text::fold(place.name) != m.key);
    if !small {
        return false;
    }
    let here = Point::of(&place);
    let mut others = 0;
    let mut nearest = f64::INFINITY;
    for other in mentions.iter().filter(|o| o.key != m.key && !o.inside_longer) {
        let Some(c) = by_key.get(&(other.key.as_str(), other.levels.as_slice())) else {
            continue;
        };
        let other = gazetteer.place(c.place);
        if other.feature_code.starts_with("PCL") || other.country_code.is_empty() {
            continue;
        }
        others += 1;
        let km = if contains(&other, &place) {
            0.0
        } else {
            here.km_to(&Point::of(&other))
        };
        nearest = nearest.min(km);
    }
    others >= 2 && nearest > STRAY_MIN_KM
}

/// A name as a text writes it, with capitals written out of a headline or a
/// dateline ("SEYTENGA") brought to title case.
fn as_written_name(surface: &str) -> String {
    if surface.chars().any(char::is_lowercase) {
        return surface.to_string();
    }
    let mut out = String::with_capacity(surface.len());
    let mut word_start = true;
    for c in surface.chars() {
        if word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = !c.is_alphanumeric();
    }
    out
}

/// Whether `place` lies in the source's country or in a country the document names
/// ([`home_countries`]): "à Seytenga" in an article that names Burkina Faso.
fn in_home_country(gazetteer: &Gazetteer, place: u32, home: &[String]) -> bool {
    let code = gazetteer.country_code_of(place);
    home.iter().any(|cc| code.eq_ignore_ascii_case(cc))
}

/// ACLED precision of a bare name by what it resolved to.
fn precision_of(place: &Place<'_>) -> u8 {
    match place.feature_code {
        c if c.starts_with("PCL") => precision::AREA,
        "ADM1" => precision::AREA,
        "ADM2" | "ADM3" => precision::NEAR,
        // A locality or a mining area is a spot with a name ("Inata", a gold mine and
        // its gendarmerie post), not a region: the place itself.
        "LCTY" | "MNA" => precision::PLACE,
        _ if place.feature_class == 'L' => precision::AREA,
        _ => precision::PLACE,
    }
}

/// The document's centre of gravity for spans the gazetteer cannot place: the
/// most-mentioned resolved place below the first-level unit, else a state,
/// else a country, taken in the country the document names most (a continent
/// counting as one): a story from Nairobi that names a visiting club's home
/// town more often than Nairobi itself still puts its unnamed schools and
/// streets in Kenya, as its "Kenya", "Kenyan" and "Nairobi" together say. A
/// country named without any town or state of its own yields to the towns
/// of the others.
fn focus_place(gazetteer: &Gazetteer, mentions: &[RawMention], resolved: &[Option<Candidate>]) -> Option<u32> {
    let placed = || {
        mentions
            .iter()
            .zip(resolved)
            .filter(|(m, _)| !m.inside_longer)
            .filter_map(|(m, c)| Some((m, c.as_ref()?)))
    };
    let mut by_country: HashMap<&str, usize> = HashMap::default();
    for (_, c) in placed() {
        *by_country.entry(gazetteer.country_code_of(c.place)).or_default() += 1;
    }
    let dominant = by_country
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(cc, _)| cc);
    let (town, state, country) = focus_in(gazetteer, placed(), dominant);
    if town.is_some() || state.is_some() {
        return town.or(state);
    }
    let (town, state, _) = focus_in(gazetteer, placed(), None);
    town.or(state).or(country)
}

/// The most-mentioned place below the first-level unit, the first state and the
/// first country among `placed`, within country `only` when given.
fn focus_in<'a>(
    gazetteer: &Gazetteer,
    placed: impl Iterator<Item = (&'a RawMention, &'a Candidate)>,
    only: Option<&str>,
) -> (Option<u32>, Option<u32>, Option<u32>) {
    let mut counts: HashMap<u32, (usize, f64)> = HashMap::default();
    let mut country: Option<u32> = None;
    let mut state: Option<u32> = None;
    for (m, c) in placed {
        let place = gazetteer.place(c.place);
        if only.is_some_and(|cc| place.country_code != cc) {
            continue;
        }
        if place.feature_code.starts_with("PCL") || m.role == MentionRole::Demonym {
            country.get_or_insert(c.place);
            continue;
        }
        // A street or a school lies in a town of the state, rarely near its
        // centre point: the state is the focus only when no town is named.
        if place.feature_code == "ADM1" {
            state.get_or_insert(c.place);
            continue;
        }
        let e = counts.entry(c.place).or_insert((0, c.score));
        e.0 += 1;
    }
    let town = counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(a.1 .1.total_cmp(&b.1 .1)).then(b.0.cmp(&a.0)))
        .map(|(p, _)| p);
    (town, state, country)
}

fn mention_record(
    gazetteer: &Gazetteer,
    text: &str,
    index: &CharIndex,
    m: &RawMention,
    place: &Place<'_>,
    precision: u8,
) -> PlaceMention {
    let country = gazetteer.country(place.country_code);
    PlaceMention {
        start: index.char_offset(m.byte_start),
        end: index.char_offset(m.byte_end),
        text: text[m.byte_start..m.byte_end].to_string(),
        geonames_id: place.geonames_id,
        name: place.name.to_string(),
        latitude: place.latitude,
        longitude: place.longitude,
        country: country.map(|c| c.name.to_string()).unwrap_or_default(),
        country_code: place.country_code.to_string(),
        admin1: place.admin1.to_string(),
        admin2: place.admin2.to_string(),
        feature_code: place.feature_code.to_string(),
        precision,
    }
}

#[cfg(test)]
mod tests {
    use super::as_written_name;

    #[test]
    fn names_in_capitals_are_brought_to_title_case_and_others_kept() {
        assert_eq!(as_written_name("SEYTENGA"), "Seytenga");
        assert_eq!(as_written_name("GOROM-GOROM"), "Gorom-Gorom");
        assert_eq!(as_written_name("Ti-n-Samane"), "Ti-n-Samane");
        assert_eq!(as_written_name("N'Djamena"), "N'Djamena");
    }
}
