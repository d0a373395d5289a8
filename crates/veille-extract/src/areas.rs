//! Where named groups operate: the first-level units an `[[actor]]` of
//! actors.toml lists as `areas`, placed with the gazetteer.
//!
//! A short report often names only a village the gazetteer lacks ("ISWAP
//! militants abducted a man in Klakamana"). ACLED still codes its region,
//! because its coders know where the group fights; an automatic coder that
//! stops at the country leaves the event off every regional count. When the
//! text gives no place of the event's country and the event's named actors
//! operate in exactly one first-level unit of that country, the event is put
//! in that unit at precision 3 (ACLED's "only a larger area"), its location
//! is the unit's name, and its evidence quotes the actor that placed it. So
//! is an event whose village the geoparser read outside that one unit: the
//! reading is a homonym of a village the gazetteer lacks (a region the text
//! names stands). Groups active in several regions of a country (ISGS in
//! Burkina Faso's Sahel, Est, Centre-Nord and Nord) place nothing: the table
//! is a prior, not a guess among regions. A group lists one region of a
//! country only when ACLED's rows put it there nearly always (ISWAP and Boko
//! Haram in Niger's Diffa, 341 of 347; ISGS in Tillabéri, 139 of 147).

use std::collections::HashMap;

use veille_gazetteer::Gazetteer;

use crate::lexicon::Lexicons;
use crate::ExtractError;

/// A first-level unit, as the gazetteer names and places it.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub country_code: String,
    pub admin1: String,
    pub latitude: f64,
    pub longitude: f64,
    pub geonames_id: u32,
}

/// Named actor -> the units it operates in.
#[derive(Debug, Clone, Default)]
pub struct ActorAreas {
    by_actor: HashMap<String, Vec<Area>>,
}

impl ActorAreas {
    /// Places every `areas` entry of the lexicons; an entry that names no
    /// first-level unit of its country is an error naming the actor.
    pub fn resolve(lex: &Lexicons, gazetteer: &Gazetteer) -> Result<Self, ExtractError> {
        let mut by_actor: HashMap<String, Vec<Area>> = HashMap::new();
        for (actor, areas) in &lex.actor_areas {
            for written in areas {
                let area = place_area(gazetteer, written).ok_or_else(|| ExtractError::Lexicon {
                    path: "actors.toml".into(),
                    problem: format!(
                        "actor {actor:?}: area {written:?} is no first-level unit of the gazetteer \
                         (write it \"CC:Admin1\", e.g. \"NE:Diffa\")"
                    ),
                })?;
                let list = by_actor.entry(actor.clone()).or_default();
                if !list.contains(&area) {
                    list.push(area);
                }
            }
        }
        Ok(ActorAreas { by_actor })
    }

    /// The units `actor` operates in.
    pub fn of(&self, actor: &str) -> &[Area] {
        self.by_actor.get(actor).map_or(&[], Vec::as_slice)
    }

    /// The one unit of `country` that all of `actors` that list areas there
    /// share; `None` when none lists one there or they list several.
    pub fn single_area<'a>(&self, actors: impl IntoIterator<Item = &'a str>, country: &str) -> Option<&Area> {
        let mut found: Option<&Area> = None;
        for actor in actors {
            for area in self.by_actor.get(actor).into_iter().flatten() {
                if !area.country_code.eq_ignore_ascii_case(country) {
                    continue;
                }
                match found {
                    Some(f) if f.geonames_id != area.geonames_id => return None,
                    _ => found = Some(area),
                }
            }
        }
        found
    }
}

/// "NE:Diffa" -> the gazetteer's first-level unit of that name in that country.
fn place_area(gazetteer: &Gazetteer, written: &str) -> Option<Area> {
    let (country, name) = written.split_once(':')?;
    let (country, name) = (country.trim(), name.trim());
    let key = veille_text::fold(name);
    let mut units: Vec<_> = gazetteer
        .lookup(&key)
        .into_iter()
        .map(|h| gazetteer.place(h.place))
        .filter(|p| p.feature_code == "ADM1" && p.country_code.eq_ignore_ascii_case(country))
        .filter(|p| veille_text::fold(p.admin1) == key || veille_text::fold(p.name) == key)
        .collect();
    units.sort_by_key(|p| p.geonames_id);
    let unit = units.first()?;
    Some(Area {
        country_code: unit.country_code.to_uppercase(),
        admin1: unit.admin1.to_string(),
        latitude: unit.latitude,
        longitude: unit.longitude,
        geonames_id: unit.geonames_id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_are_placed_by_country_and_first_level_name() {
        let g = Gazetteer::embedded();
        let diffa = place_area(g, "NE:Diffa").expect("Diffa is a region of Niger");
        assert_eq!(diffa.admin1, "Diffa");
        assert_eq!(diffa.country_code, "NE");
        assert!(place_area(g, "NE:Tillabéri").is_some());
        assert!(place_area(g, "ML:Diffa").is_none(), "Diffa is no region of Mali");
        assert!(place_area(g, "Diffa").is_none(), "the country is required");
    }
}
