//! Coded events: frames turned into ACLED's taxonomy, actors, inter codes, place, date and
//! fatalities, one event per place per day, with the evidence of every field.

use std::cell::LazyCell;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use veille_model::{Document, Event, Evidence};

use crate::frames::{Frame, Participant, Section, Span, Within};
use crate::identity::IdentityMention;
use crate::lexicon::{ActorKind, Class, Lexicons};

/// What the coding of one frame gives.
struct Coded {
    sub_event: String,
    trigger: Span,
}

/// How far after an attack word its object may start ("contre la colonne de ").
const OBJECT_BYTES: usize = 24;

fn armed(inter: u8) -> bool {
    matches!(inter, 1..=4 | 8)
}

fn mechanism(c: Class) -> bool {
    matches!(
        c,
        Class::Ied | Class::Airstrike | Class::Shelling | Class::Suicide | Class::Grenade | Class::Chemical
    )
}

/// What the event's frames together tell, for coding each one.
struct EventCues<F: FnOnce() -> bool> {
    /// An explosion or strike: the deaths told after it are its toll.
    mechanism: bool,
    /// A protest or riot word, or forces that intervene against a crowd the text names.
    protest: bool,
    /// A riot word: the crowd was violent, whatever force met it.
    riot: bool,
    /// Premises found empty ("while it was unmanned", "abandonné"). Finding out folds every
    /// sentence of the event, so it is done only for a frame whose coding it can change.
    unmanned: LazyCell<bool, F>,
    /// A fight is told ("clashed", "followed by an armed assault"), or state forces hit the
    /// bombers ("the military killed three other would-be bombers at the scene").
    fight: bool,
    /// The attackers' own explosives (a suicide bomb, an IED), not a strike of the state's.
    enemy_device: bool,
    /// Burning or looting told, and nobody killed, hurt, taken or fought anywhere in the
    /// event: "made an incursion into Tansarga. The militants ransacked and burned the
    /// mayor's office" is property destruction, not an attack on the town's people.
    only_property: bool,
    /// Every event word of the event is a strike word (listed both as a protest and as
    /// "Other"): "teachers began observing a 72-hour strike".
    strike_only: bool,
    /// A sentence of the event tells a crowd's demand ("demanding the release of …", "to
    /// express discontent"): what a crowd burns or attacks there, it does as demonstrators.
    demand: bool,
}

/// Whether the actor right before a trigger in its sentence, unmarked, is a state's:
/// "Government regained the position seized by rebels" is regained by the government,
/// whatever author "by" marks in the clause after it.
fn state_subject(f: &Frame, trigger: &Span) -> bool {
    let Some(sentence) = f
        .sentences
        .iter()
        .find(|s| s.within == trigger.within && s.start <= trigger.start && trigger.end <= s.end)
    else {
        return false;
    };
    f.agents
        .iter()
        .chain(&f.targets)
        .filter(|p| !p.from_context && p.span.within == trigger.within)
        .filter(|p| sentence.start <= p.span.start && p.span.end <= trigger.start)
        .max_by_key(|p| p.span.end)
        .is_some_and(|p| p.inter == 1 && !p.marked)
}

/// What a frame's violence is aimed at.
#[derive(Clone, Copy)]
struct Target {
    inter: u8,
    /// A place or thing standing for civilians ("le village").
    weak: bool,
    /// Named as the owner of what was hit ("burned huts belonging to members of the
    /// Gourmantche community"), not as someone hit.
    owner: bool,
}

/// ACLED's sub-event type of one frame, by its trigger classes and participants; several
/// candidates are ranked by the taxonomy's priority (ACLED's precedence rules).
fn code_frame(
    lex: &Lexicons,
    f: &Frame,
    agent: Option<u8>,
    aimed_at: Option<Target>,
    lone_author: bool,
    takes_place: bool,
    cues: &EventCues<impl FnOnce() -> bool>,
) -> Option<Coded> {
    let target_weak = aimed_at.is_none_or(|t| t.weak);
    let target_owner = aimed_at.is_some_and(|t| t.owner);
    let target = aimed_at.map(|t| t.inter);
    // Violence that kills or wounds nobody and comes with burning or looting is the
    // destruction of property (ACLED: "attacked and burned a school, no casualties"); so is
    // an attack on premises found empty ("the police station, while it was unmanned") when
    // no fight is told.
    let destroy = f.tells(Class::Destroy);
    let attack = f.tells(Class::Attack);
    // The same verdict as ((destroy or (empty premises or only property) and attack) and no
    // casualties and (weak target or empty premises and no kill)), with the sentence search
    // for empty premises last.
    let property_only = f.casualties.is_empty()
        && !f.classes().any(|c| matches!(c, Class::Injure | Class::Clash))
        && (((destroy || (cues.only_property && attack)) && (target_weak || target_owner))
            || ((destroy || attack) && (target_weak || !f.tells(Class::Kill)) && *cues.unmanned));
    let crowd_agent = matches!(agent, Some(5 | 6));
    // "Militants fought with villagers who refused to submit": villagers, residents or
    // youths who fight are a communal militia for ACLED (an armed clash, 4 of 4 such rows),
    // where one victim is attacked.
    let target_crowd = f
        .targets
        .first()
        .is_some_and(|p| p.inter == 7 && !p.weak && p.entries.iter().any(|&e| lex.actors[e].crowd));
    // Civilians who can act as one body (students, residents) named as the frame's author.
    let crowd_author = f
        .agents
        .first()
        .is_some_and(|p| p.inter == 7 && p.entries.iter().any(|&e| lex.actors[e].crowd));
    // A mob is a crowd: one man, "two unidentified men" or "a group of individuals" who
    // shoot, hack or burn are armed attackers for ACLED (an attack, a clash with the police
    // station they hit, the destruction of property), not rioters.
    let mob_author = agent == Some(7) && !lone_author;
    // Vehicles "belonging to villagers" that soldiers burn are the villagers' property, not
    // materiel kept from an armed group.
    let civilians_own_it = target == Some(7) && !target_weak;
    // "Defused two IEDs", "seized drones and explosives": the explosive or the aircraft
    // of a disarming is its object, not the means of an attack.
    let disarming = f.tells(Class::Dwu);
    let has_mechanism = cues.mechanism || (!disarming && f.classes().any(mechanism));
    // State forces that kill or wound the bombers fight them: their violence is no toll of
    // the explosion.
    let fights_back = cues.enemy_device && matches!(agent, Some(1 | 8)) && matches!(target, Some(2..=4));
    let families = f.families();
    // "Gunmen attacked a ranger station and barricaded the road": riot words with a
    // non-state armed agent and no protest word are not a demonstration. (Soldiers or
    // police who riot are rioters for ACLED.)
    let armed_riot_words =
        agent.is_some_and(|a| matches!(a, 2..=4)) && f.classes().filter(|c| c.family() == 3).all(|c| c == Class::Riot);
    // Mutineers who fight ("regained territory taken by mutinous soldiers after nine days of
    // fighting") are in a battle; those who fire in the air, loot or protest riot.
    let mutiny_fight = f.tells(Class::Clash) && f.agents.iter().chain(&f.targets).any(|p| mutineers_of(lex, p));
    // Forces that intervene make a protest only around one ("intervened against gunmen who
    // had attacked the village" is a fight).
    // "Fighting between the army and UFDD forces left seven civilians dead": state forces
    // and an armed group both named in the fight fight each other, whoever else died.
    let two_armed_sides = {
        let mut sides = f.agents.iter().chain(&f.targets).filter(|p| !p.weak);
        sides.clone().any(|p| matches!(p.inter, 1 | 8)) && sides.any(|p| matches!(p.inter, 2..=4))
    };
    let crowd_words = f.classes().any(|c| c.family() == 3 && c != Class::Intervene);
    let arrests_crowd = f.targets.iter().any(|p| matches!(p.inter, 5 | 6));
    let demanding_crowd = cues.demand && (crowd_agent || crowd_author);
    let protest_context =
        (crowd_words || families.contains(&3) && cues.protest || demanding_crowd) && !armed_riot_words && !mutiny_fight;
    let violence = |t: Option<u8>| -> &'static str {
        match t {
            Some(7) => "Attack",
            // Force against a crowd that rioted ("erected barricades and lit tyres.
            // Security forces shot at protesters") leaves it a violent demonstration.
            Some(5 | 6) if cues.riot => "Violent demonstration",
            Some(5 | 6) => "Excessive force against protesters",
            Some(x) if armed(x) => "Armed clash",
            _ => match agent {
                Some(1 | 8) => "Armed clash",
                _ => "Attack",
            },
        }
    };
    let mut candidates: Vec<(&str, Span)> = Vec::new();
    for (span, classes, _) in &f.triggers {
        let has_destroy = classes.iter().any(|(c, _)| *c == Class::Destroy);
        let has_kill = classes.iter().any(|(c, _)| matches!(c, Class::Kill | Class::Execute));
        for (class, fixed) in classes {
            // "neutralisé": a vehicle is destroyed, people are killed.
            if has_destroy && has_kill {
                let things = f.materiel && f.casualties.is_empty();
                if (matches!(class, Class::Kill | Class::Execute) && things) || (*class == Class::Destroy && !things) {
                    continue;
                }
            }
            // A crowd named before the event word, author or not ("students in Hounde closed
            // down the high commissioner's office": a crowd is never the author of a change
            // of activity).
            let crowd_subject = |span: &Span| {
                crowd_agent
                    || f.agents.iter().chain(&f.targets).any(|p| {
                        !p.from_context
                            && p.span.within == span.within
                            && p.span.end <= span.start
                            && (matches!(p.inter, 5 | 6) || p.entries.iter().any(|&e| lex.actors[e].crowd))
                    })
            };
            let sub: Option<&str> = match class {
                // A crowd that closes down an office or occupies a square protests
                // ("residents closed down the town hall", "the protesters occupied a main
                // square"): no change of activity, no territory taken.
                Class::Fixed if fixed.as_deref() == Some("Change to group/activity") && crowd_subject(span) => {
                    Some("Peaceful protest")
                }
                Class::Overtake if crowd_subject(span) => Some("Peaceful protest"),
                Class::Fixed => fixed.as_deref(),
                c if disarming && mechanism(*c) => None,
                // Suicide car bombs that open an assault on a base are part of the fight
                // told with them (ACLED: an armed clash).
                Class::Suicide if cues.fight => None,
                Class::Suicide => Some("Suicide bomb"),
                Class::Chemical => Some("Chemical weapon"),
                Class::Airstrike => Some("Air/drone strike"),
                Class::Shelling => Some("Shelling/artillery/missile attack"),
                Class::Ied => Some("Remote explosive/landmine/IED"),
                Class::Grenade => Some("Grenade"),
                Class::Overtake | Class::Regain => Some(
                    if agent == Some(1)
                        || (*class == Class::Regain
                            && (agent.is_none_or(|a| !matches!(a, 2..=4)) || state_subject(f, span)))
                    {
                        "Government regains territory"
                    } else {
                        "Non-state actor overtakes territory"
                    },
                ),
                // "Protesters marched in support of the army fighting Boko Haram": a fight
                // with an armed group, named in a protest, is what the crowd marches about.
                Class::Clash
                    if protest_context && f.agents.iter().chain(&f.targets).any(|p| matches!(p.inter, 2..=4)) =>
                {
                    None
                }
                // An ambush (listed as an attack word too) of civilians is an attack on them:
                // "unknown gunmen ambushed a man and his children".
                Class::Clash
                    if target == Some(7) && !target_weak && classes.iter().any(|(c, _)| *c == Class::Attack) =>
                {
                    None
                }
                // Clashes with protesters or rioters ("police clash with protestors"), and
                // clashes in a protest that name no armed group ("the inhabitants took to the
                // streets … clashes broke out between them and the security agents"), are the
                // crowd's violence.
                Class::Clash => Some(
                    if protest_context
                        || crowd_agent
                        || (!mutiny_fight
                            && (f.agents.iter().chain(&f.targets).any(|p| matches!(p.inter, 5 | 6))
                                || (cues.protest
                                    && !f.agents.iter().chain(&f.targets).any(|p| matches!(p.inter, 2..=4)))))
                    {
                        "Violent demonstration"
                    } else if target == Some(7)
                        && agent.is_some_and(|a| a != 7 && !matches!(a, 3 | 4))
                        && !target_crowd
                        && !two_armed_sides
                    {
                        // A fight told of militias and civilians ("Koglweogo, Dozos and local youth
                        // repulsed the attack, three people from the village were wounded") is
                        // fought, whoever was hurt; state forces or a rebel group fighting only
                        // civilians attack them.
                        "Attack"
                    } else if agent == Some(1) && target_crowd {
                        // "Police clashed with anti-slavery activists": a crowd that fights the
                        // police riots.
                        "Violent demonstration"
                    } else if agent == Some(7) && target.is_some_and(|t| matches!(t, 2..=4)) {
                        // Villagers who repel or fight an armed group are a communal militia
                        // for ACLED; villagers fighting each other are a mob.
                        "Armed clash"
                    } else if agent == Some(7) {
                        "Mob violence"
                    } else {
                        // "Farmers and herders clashed": two civilian sides that fight, with no
                        // author named, are communal militias for ACLED.
                        "Armed clash"
                    },
                ),
                Class::Attack | Class::Kill | Class::Execute | Class::Injure => {
                    if has_mechanism && !fights_back {
                        None
                    } else if (cues.riot && matches!(class, Class::Kill | Class::Injure)
                        || cues.protest && *class == Class::Injure)
                        && f.agents.iter().all(|a| a.from_context)
                    {
                        // "Students rioted … Four students were injured": the dead and hurt
                        // of a riot that the text gives no author of are its toll; so are the
                        // hurt of a protest ("Police fired tear gas. 14 people were injured").
                        None
                    } else if property_only && *class == Class::Attack {
                        Some("Looting/property destruction")
                    } else if protest_context
                        && agent == Some(1)
                        && matches!(class, Class::Kill | Class::Execute)
                        && !f.casualties.is_empty()
                        && !cues.riot
                    {
                        // Lethal force against a riot leaves it a violent demonstration,
                        // with its dead; "excessive force" is against peaceful protesters.
                        Some("Excessive force against protesters")
                    } else if (crowd_agent || (protest_context && agent == Some(7)))
                        && matches!(class, Class::Attack | Class::Injure)
                    {
                        // "Striking students assaulted two teachers": the crowd's own violence.
                        Some("Violent demonstration")
                    } else if protest_context || crowd_agent {
                        // A killing named in a protest sentence is mostly its motive
                        // ("protested the murder of ..."), not violence by the crowd.
                        None
                    } else if agent == Some(7) && target.is_some_and(|t| matches!(t, 2..=4)) {
                        // Villagers who kill or wound militants fight as a communal militia;
                        // a crowd that turns on the police is a mob.
                        Some("Armed clash")
                    } else if mob_author {
                        Some("Mob violence")
                    } else if *class == Class::Execute {
                        // The executed are captives, whoever holds them, and out of combat:
                        // ACLED codes executions, of suspected militants too ("executed 7
                        // civilians on suspicion of being militants"), as attacks.
                        Some("Attack")
                    } else {
                        Some(violence(target))
                    }
                }
                // "Students took their headmaster hostage": a crowd that holds someone is a
                // mob, or violence of its protest.
                Class::Abduct if crowd_agent || (protest_context && crowd_author) => Some("Violent demonstration"),
                Class::Abduct if crowd_author => Some("Mob violence"),
                Class::Abduct => Some(match target {
                    Some(x) if armed(x) => "Armed clash",
                    _ => "Abduction/forced disappearance",
                }),
                Class::Sexual => Some("Sexual violence"),
                Class::Destroy if protest_context || crowd_agent => Some("Violent demonstration"),
                // "Students protested over the death of Justin Zongo. They burned police
                // offices": burning told in another sentence of a protest, by no armed hand,
                // is the crowd's.
                Class::Destroy
                    if cues.protest && !f.agents.iter().any(|a| !a.from_context && matches!(a.inter, 1..=4 | 8)) =>
                {
                    Some("Violent demonstration")
                }
                // Civilians who burn or ransack as the authors are a mob.
                Class::Destroy if mob_author => Some("Mob violence"),
                Class::Destroy => Some(
                    if f.materiel
                        && !civilians_own_it
                        && (matches!(agent, Some(1 | 8)) || matches!(target, Some(2..=4)))
                    {
                        "Disrupted weapons use"
                    } else {
                        "Looting/property destruction"
                    },
                ),
                // Strikers who disarm the guards of a minister's house use force as a crowd.
                Class::Dwu if protest_context || crowd_agent => Some("Violent demonstration"),
                Class::Dwu => Some("Disrupted weapons use"),
                Class::Arrest if takes_place && !crowd_author && !protest_context => Some(if agent == Some(1) {
                    "Government regains territory"
                } else {
                    "Non-state actor overtakes territory"
                }),
                Class::Arrest if crowd_author && !protest_context => Some("Mob violence"),
                // "Youth protested. Police arrested a dozen protesters": the arrest of the
                // crowd, told in its own sentence of the protest, is the intervention.
                Class::Arrest => Some(if protest_context || (cues.protest && arrests_crowd) {
                    "Protest with intervention"
                } else if agent.is_none_or(|a| a == 1) {
                    "Arrests"
                } else {
                    "Abduction/forced disappearance"
                }),
                // A strike alone is no demonstration for ACLED: its "Other" reading codes it.
                Class::Protest if cues.strike_only => None,
                // "Rioters took to the streets to protest": the source's own word for the crowd.
                Class::Protest if agent == Some(5) => Some("Violent demonstration"),
                Class::Protest => Some(if f.classes().any(|c| matches!(c, Class::Intervene | Class::Arrest)) {
                    "Protest with intervention"
                } else {
                    "Peaceful protest"
                }),
                // "Police intervened" is a protest with intervention only around a protest.
                // Civilians who can gather as one body ("used teargas to disperse the crowd",
                // "dispersed the residents") are a crowd the force met, though no protest word
                // is used; protesters named anywhere are in `cues.protest`.
                Class::Intervene => (cues.protest
                    || agent == Some(6)
                    || target == Some(6)
                    || f.agents
                        .iter()
                        .chain(&f.targets)
                        .any(|p| p.entries.iter().any(|&e| lex.actors[e].crowd)))
                .then_some("Protest with intervention"),
                Class::Riot if armed_riot_words || mutiny_fight => None,
                Class::Riot => Some("Violent demonstration"),
                Class::Mob => Some("Mob violence"),
                Class::Ignore => None,
            };
            if let Some(sub) = sub {
                candidates.push((sub, *span));
            }
        }
    }
    candidates
        .into_iter()
        .filter(|(s, _)| lex.taxonomy.contains_key(*s))
        .max_by_key(|(s, span)| (lex.taxonomy[*s].priority, std::cmp::Reverse(span.start)))
        .map(|(s, span)| Coded {
            sub_event: s.to_string(),
            trigger: span,
        })
}

/// ACLED labels with the span of the words that name them.
type Labelled = Vec<(String, Span)>;

/// What [`assoc_actors`] reads besides the event: the identity lexicon, how a label
/// template is filled for the event's country and date, and whether the event is violence
/// against civilians.
#[derive(Clone, Copy)]
struct AssocRules<'a> {
    ids: &'a crate::identity::Identities,
    fill: &'a dyn Fn(&str) -> String,
    against_civilians: bool,
}

/// Identities named in the event's sentences, as (label, span) for each side: every one
/// describes the crowd of a protest or riot; otherwise one named before the event word
/// describes actor1 if actor1 is a crowd or civilians, one named after it actor2 if actor2
/// is civilians, as does one named before it outside an armed agent's own words when
/// `against_civilians` (the event is violence against civilians); in a fight between
/// militias they describe the sides in the text's order. A label a named body covers is
/// left out of its side.
fn assoc_actors(
    sections: &[Section<'_>],
    identities: &[Vec<IdentityMention<'_>>],
    frames: &[&Frame],
    coded: &Coded,
    (a1, a2): (&Resolved, Option<&Resolved>),
    how: &AssocRules<'_>,
) -> (Labelled, Labelled) {
    let AssocRules {
        ids,
        fill,
        against_civilians,
    } = *how;
    let (mut side1, mut side2): (Labelled, Labelled) = (
        a1.subgroup.iter().cloned().collect(),
        a2.and_then(|a| a.subgroup.clone()).into_iter().collect(),
    );
    let crowd_event = matches!(a1.inter, 5 | 6) && a2.is_none_or(|a| a.inter != 7);
    // Labels that a named body on the same side stands for, per side.
    let (mut covered1, mut covered2): (Vec<String>, Vec<String>) = Default::default();
    for (sec, found) in sections.iter().zip(identities) {
        for m in found.iter().filter(|m| {
            in_event_sentences(frames, sec.within, m.start, m.end)
                && !in_place_name(sec, m)
                && !ids.of_another(&sec.text[..m.start])
        }) {
            let label = fill(m.label);
            let span = Span {
                within: sec.within,
                start: m.start,
                end: m.end,
            };
            let before = sec.within == coded.trigger.within && m.start < coded.trigger.start;
            let (side, covered) = if m.victims_only {
                if crowd_event || before || a2.is_none_or(|a| a.inter != 7) {
                    continue;
                }
                (&mut side2, &mut covered2)
            } else if crowd_event || (before && matches!(a1.inter, 5..=7)) {
                (&mut side1, &mut covered1)
            } else if a2.is_some_and(|a| a.inter == 7)
                && (!before
                    || (against_civilians
                        && matches!(a1.inter, 1 | 2 | 3 | 8)
                        && !a1
                            .span
                            .is_some_and(|s| s.within == sec.within && s.start <= m.start && m.end <= s.end)))
            {
                // An armed agent's victims may be named before the event word that codes
                // it ("arrested five Fulani men … executed them"); not those of a mine or a
                // protest, who are often only the passers-by the source counts.
                (&mut side2, &mut covered2)
            } else if a1.inter == 4
                && a2.is_none_or(|a| a.inter == 4)
                // A people whose militia is a side is named by it already, with what it
                // implies.
                && !found.iter().any(|o| {
                    o.start == m.start
                        && o.militia
                            .is_some_and(|l| fill(l) == a1.label || a2.is_some_and(|a| fill(l) == a.label))
                })
            {
                // Communities that fight ("clashes between farmers and herders") describe
                // the two militias in the text's order: the first named, with what it
                // implies, is actor1's.
                let first = side1.first().map(|(_, s)| s.start);
                if a2.is_some() && first.is_some_and(|f| f != m.start) {
                    (&mut side2, &mut covered2)
                } else {
                    (&mut side1, &mut covered1)
                }
            } else {
                continue;
            };
            covered.extend(m.covers.iter().map(|c| fill(c)));
            if !side.iter().any(|(l, _)| *l == label) {
                side.push((label, span));
            }
        }
    }
    side1.retain(|(l, _)| !covered1.contains(l));
    side2.retain(|(l, _)| !covered2.contains(l));
    (side1, side2)
}

/// Whether an identity word is part of a place's name: "Barga-Mossi" is a village, not the
/// Mossi, whether the gazetteer knows it or not.
fn in_place_name(sec: &Section<'_>, m: &IdentityMention<'_>) -> bool {
    sec.places.iter().any(|p| p.byte_start < m.end && m.start < p.byte_end)
        || sec.text[..m.start].ends_with('-')
        || sec.text[m.end..].starts_with('-')
}

/// Whether a participant names soldiers in mutiny.
fn mutineers_of(lex: &Lexicons, p: &Participant) -> bool {
    p.entries.first().is_some_and(|&e| lex.is_mutiny(e))
}

/// Whether `start..end` of section `within` lies in one of the sentences of `frames`.
fn in_event_sentences(frames: &[&Frame], within: Within, start: usize, end: usize) -> bool {
    frames
        .iter()
        .flat_map(|f| &f.sentences)
        .any(|s| s.within == within && s.start <= start && end <= s.end)
}

fn join_labels(labels: &[(String, Span)]) -> String {
    labels.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>().join("; ")
}

/// A participant resolved to its ACLED label for an event's country and date.
#[derive(Debug, Clone)]
struct Resolved {
    label: String,
    inter: u8,
    span: Option<Span>,
    /// The sub-group named with the actor, resolved, for assoc_actor.
    subgroup: Option<(String, Span)>,
}

/// Where an event is: its country code and the gazetteer's name for that country.
#[derive(Clone, Copy)]
struct Loc<'a> {
    code: Option<&'a str>,
    name: Option<&'a str>,
}

fn resolve(lex: &Lexicons, p: &Participant, loc: &Loc<'_>, date: NaiveDate) -> Resolved {
    let country = loc.code;
    let idx = lex.choose_actor(&p.entries, country, date);
    let entry = &lex.actors[idx];
    // A state's forces acting abroad are external forces for ACLED (inter 8).
    let foreign = matches!(entry.kind, ActorKind::State { .. })
        && entry.country.is_some()
        && country.is_some()
        && entry.country.as_deref() != country;
    let label = lex.actor_label_named(entry, country, loc.name, date);
    let named = |i: usize| lex.actor_label_named(&lex.actors[i], country, loc.name, date);
    // "Katiba Macina (JNIM)" when the lexicon dates the sub-group's own name: in the years
    // its name alone stands for the group in brackets (an entry of its aliases names that
    // group) ACLED codes the group in brackets, and in the years it names the sub-group
    // itself ACLED codes the sub-group, with the group in brackets as associate (13 of the
    // 15 Burkina Faso rows of 2020). A sub-group the lexicon never names as its group
    // ("Ansaroul Islam (JNIM)") keeps the group in brackets.
    if let Some((span, entries)) = &p.subgroup {
        let chosen = lex.choose_actor(entries, country, date);
        let own = named(chosen);
        if own != label && entries.iter().any(|&i| named(i) == label) {
            return Resolved {
                label: own,
                inter: lex.actors[chosen].inter,
                span: Some(*span),
                subgroup: Some((label, p.span)),
            };
        }
    }
    // A sub-group is named for itself even in years its name alone stands for the group
    // it belongs to ("Katiba Macina (JNIM)" in 2018: JNIM with Katiba Macina).
    let subgroup = p.subgroup.as_ref().map(|(span, entries)| {
        let chosen = named(lex.choose_actor(entries, country, date));
        let own = if chosen == label {
            entries
                .iter()
                .map(|&i| named(i))
                .find(|l| *l != label)
                .unwrap_or(chosen)
        } else {
            chosen
        };
        (own, *span)
    });
    Resolved {
        label,
        inter: if foreign { 8 } else { entry.inter },
        span: Some(p.span),
        subgroup,
    }
}

fn default_actor(lex: &Lexicons, template: &str, inter: u8, loc: &Loc<'_>, date: NaiveDate) -> Resolved {
    // An armed side left unnamed is, in some countries and periods, the one rebellion of
    // the time ("4 soldiers abducted and 3 killed" in Niger in 2008: the MNJ).
    if template == "Unidentified Armed Group" {
        if let Some(i) = lex.unnamed_side(loc.code, date) {
            let e = &lex.actors[i];
            return Resolved {
                label: lex.actor_label_named(e, loc.code, loc.name, date),
                inter: e.inter,
                span: None,
                subgroup: None,
            };
        }
    }
    let entry = lex
        .uncountried_by_inter
        .get(usize::from(inter))
        .into_iter()
        .flatten()
        .map(|&i| &lex.actors[i])
        .find(|a| match &a.kind {
            ActorKind::Generic { label } | ActorKind::State { label, .. } => label.starts_with(template),
            ActorKind::Named { name, .. } => name.starts_with(template),
        });
    match entry {
        Some(e) => Resolved {
            label: lex.actor_label_named(e, loc.code, loc.name, date),
            inter,
            span: None,
            subgroup: None,
        },
        None => Resolved {
            label: template.to_string(),
            inter,
            span: None,
            subgroup: None,
        },
    }
}

/// The byte span of a village's name that the text places by place `p` and the gazetteer
/// lacks: a capitalised name after a locative, then, back to `p`, only words that place it
/// (`placement` and `settlements` in triggers.toml, numbers, other places), with a kind of
/// settlement among them or as "village de" before the name ("à Zangobila, un village situé à
/// 12 km de Kaya", "dans le village de Wendpanga, commune de Pissila").
fn unlisted_village(lex: &Lexicons, sec: &Section<'_>, p: &veille_geoparse::PlaceHit) -> Option<(usize, usize)> {
    let text = sec.text;
    let word_start = |end: usize| {
        text[..end]
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '-'))
            .map_or(0, |(i, c)| i + c.len_utf8())
    };
    let trim = |end: usize| {
        text[..end]
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '\'' | '’'))
            .len()
    };
    let mut pos = trim(p.byte_start);
    let mut settlement = false;
    for _ in 0..MAX_PLACEMENT_WORDS {
        let comma = text[..pos].ends_with(',');
        if comma {
            pos = trim(pos - 1);
        }
        if let Some(other) = sec.places.iter().find(|h| h.byte_end == pos && h.byte_start < pos) {
            pos = trim(other.byte_start);
            continue;
        }
        let start = word_start(pos);
        let word = &text[start..pos];
        if word.is_empty() {
            return None;
        }
        let folded = veille_text::fold(word);
        let kind_of_place = lex.settlement_words.named_in(&folded);
        let placing = kind_of_place
            || folded.chars().next().is_some_and(|c| c.is_ascii_digit())
            || lex.placement_words.named_in(&folded);
        if placing && !(comma && word.chars().next().is_some_and(char::is_uppercase)) {
            settlement |= kind_of_place;
            pos = trim(start);
            continue;
        }
        // The name: one to three capitalised words, then a locative.
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        if !capitalised(word) {
            return None;
        }
        let end = pos;
        let mut name_begin = start;
        for _ in 1..MAX_NAME_WORDS {
            let before_end = trim(name_begin);
            let before_start = word_start(before_end);
            if before_end == name_begin || !capitalised(&text[before_start..before_end]) {
                break;
            }
            name_begin = before_start;
        }
        let word_ending = |at: usize| {
            let e = trim(at);
            let s = word_start(e);
            (s, veille_text::fold(&text[s..e]))
        };
        let (before_start, before) = word_ending(name_begin);
        let (_, two_before) = word_ending(before_start);
        let village_before = lex.settlement_words.named_in(&two_before);
        let after_locative = matches!(before.as_str(), "a" | "de" | "d" | "du" | "in" | "at" | "of");
        let unlisted = !sec.places.iter().any(|h| h.byte_start < end && name_begin < h.byte_end);
        return (after_locative && unlisted && (settlement || village_before)).then_some((name_begin, end));
    }
    None
}

/// Words back from a known place over which the village it places is looked for.
const MAX_PLACEMENT_WORDS: usize = 16;
/// Words of a village's name.
const MAX_NAME_WORDS: usize = 3;

/// Per-document facts the coder needs.
pub struct DocContext<'a> {
    pub doc: &'a Document,
    /// For the seats of the admin units events are placed in.
    pub geoparser: &'a veille_geoparse::Geoparser,
    /// Where named actors operate, for events whose text gives no region.
    pub areas: &'a crate::areas::ActorAreas,
    pub country: Option<String>,
    pub lang: String,
    pub published: Option<NaiveDate>,
}

struct Pending<'f> {
    frames: Vec<&'f Frame>,
}

/// Turns completed frames into events: one per place per day.
pub fn events(lex: &Lexicons, sections: &[Section<'_>], frames: &[Frame], ctx: &DocContext<'_>) -> Vec<Event> {
    let section = |w: Within| sections.iter().find(|s| s.within == w).expect("section exists");
    // Identity words of each section, with their labels; each event keeps those of its
    // sentences.
    let identities: Vec<Vec<IdentityMention<'_>>> = sections
        .iter()
        .map(|sec| {
            sec.sentences
                .iter()
                .flat_map(|s| &s.identities)
                .flat_map(|&(entry, start, end)| lex.identities.mentions(entry, start, end))
                .collect()
        })
        .collect();
    let any_event = frames.iter().any(|f| !f.summary);
    let mut groups: BTreeMap<(String, NaiveDate), Pending<'_>> = BTreeMap::new();
    for f in frames {
        if f.summary && any_event {
            continue;
        }
        let Some((date, _, _)) = f.date else { continue };
        let key = match f.place {
            Some((w, i)) => {
                let m = &section(w).places[i].mention;
                if m.geonames_id != 0 {
                    format!("g{}", m.geonames_id)
                } else {
                    format!("a{}|{}|{}|{}", m.country_code, m.admin1, m.admin2, m.name)
                }
            }
            None => format!("c{}", ctx.country.as_deref().unwrap_or("")),
        };
        groups
            .entry((key, date))
            .or_insert_with(|| Pending { frames: Vec::new() })
            .frames
            .push(f);
    }

    // Whether the document tells nothing but a strike: a strike is told with its place in
    // one sentence and its march in another ("Unions launched a general strike … around
    // 5,000 people held a protest. Only the University of Ouagadougou followed the strike").
    let strike_only = frames.iter().flat_map(|f| &f.triggers).all(|(_, classes, _)| {
        classes.iter().any(|(c, _)| *c == Class::Protest)
            && classes
                .iter()
                .any(|(c, fixed)| *c == Class::Fixed && fixed.as_deref() == Some("Other"))
    });
    let mut out = Vec::new();
    for ((place_key, date), pending) in groups {
        let doc = DocFacts { ctx, strike_only };
        if let Some(e) = build_event(lex, sections, &identities, &pending.frames, &doc, &place_key, date) {
            out.push(e);
        }
    }
    out.sort_by(|a, b| {
        (
            &a.event_date,
            &a.country,
            &a.admin1,
            &a.admin2,
            &a.location,
            &a.sub_event_type,
            &a.event_id,
        )
            .cmp(&(
                &b.event_date,
                &b.country,
                &b.admin1,
                &b.admin2,
                &b.location,
                &b.sub_event_type,
                &b.event_id,
            ))
    });
    out
}

/// What the whole document tells, for coding each of its events.
struct DocFacts<'c, 'd> {
    ctx: &'c DocContext<'d>,
    /// Every event word of the document is a strike word.
    strike_only: bool,
}

/// The highest confidence of an event placed in no first-level unit.
const UNPLACED_CONFIDENCE: f32 = 0.5;

fn build_event(
    lex: &Lexicons,
    sections: &[Section<'_>],
    identities: &[Vec<IdentityMention<'_>>],
    frames: &[&Frame],
    doc: &DocFacts<'_, '_>,
    place_key: &str,
    date: NaiveDate,
) -> Option<Event> {
    let ctx = doc.ctx;
    let section = |w: Within| sections.iter().find(|s| s.within == w).expect("section exists");
    let place = frames
        .iter()
        .find_map(|f| f.place)
        .map(|(w, i)| (w, &section(w).places[i]));
    let country = place
        .map(|(_, p)| p.mention.country_code.to_uppercase())
        .filter(|c| !c.is_empty())
        .or_else(|| ctx.country.clone());
    let cc = country.as_deref();
    let loc = Loc {
        code: cc,
        name: place.map(|(_, p)| p.mention.country.as_str()),
    };

    // Code every frame; the event takes the highest-priority sub-event type.
    let mut best: Option<(u32, Coded, &Frame)> = None;
    // Deaths told after an explosion are its toll, not a second kind of event.
    let told = |class: Class| frames.iter().any(|f| f.tells(class));
    let enemy_device = told(Class::Suicide) || told(Class::Ied);
    let state_hits_armed = || {
        frames.iter().any(|f| {
            f.agents.first().is_some_and(|a| matches!(a.inter, 1 | 8))
                && f.targets.iter().any(|t| !t.weak && matches!(t.inter, 2..=4))
                && f.classes()
                    .any(|c| matches!(c, Class::Attack | Class::Kill | Class::Injure))
        })
    };
    let cues = EventCues {
        mechanism: frames
            .iter()
            .any(|f| !f.tells(Class::Dwu) && f.classes().any(mechanism)),
        protest: frames.iter().any(|f| {
            f.classes().any(|c| matches!(c, Class::Protest | Class::Riot))
                || f.classes().any(|c| c == Class::Intervene)
                    && f.agents.iter().chain(&f.targets).any(|p| matches!(p.inter, 5 | 6))
        }),
        riot: told(Class::Riot),
        unmanned: LazyCell::new(|| {
            frames
                .iter()
                .flat_map(|f| &f.sentences)
                .any(|sp| lex.names_unmanned(&section(sp.within).text[sp.start..sp.end]))
        }),
        fight: told(Class::Clash) || (enemy_device && state_hits_armed()),
        enemy_device,
        only_property: told(Class::Destroy)
            && frames.iter().all(|f| {
                f.casualties.is_empty()
                    && !f.classes().any(|c| {
                        matches!(
                            c,
                            Class::Kill | Class::Execute | Class::Injure | Class::Clash | Class::Abduct | Class::Sexual
                        )
                    })
            }),
        strike_only: doc.strike_only,
        demand: frames.iter().any(|f| {
            section(f.within)
                .sentences
                .get(f.sentence)
                .is_some_and(|s| s.cues.iter().any(|c| c.2 == crate::lexicon::CueKind::Demand))
        }),
    };
    // A clause without its own agent ("the facility was ransacked") is told of the
    // incident's agent, named in another clause of the same event.
    let event_agent = frames.iter().find_map(|f| f.agents.first());
    // Likewise its victims, for a clause that names neither side: "soldiers opened fire on
    // two students. One was killed" kills a student, not a combatant.
    let event_target = frames.iter().find_map(|f| f.targets.first());
    // "Tuant trois civils et six VDP": armed men counted in one toll with civilians were
    // fought, and the civilians died with them (ACLED codes the event as a clash with them).
    let armed_dead = |p: &Participant| {
        !p.weak
            && armed(p.inter)
            && frames.iter().flat_map(|f| &f.casualties).any(|(c, victim, within)| {
                victim.as_ref().is_some_and(|v| v.span == p.span)
                    && frames.iter().flat_map(|f| &f.targets).any(|q| {
                        q.inter == 7
                            && q.span.within == *within
                            && q.span.start >= c.number.start
                            && q.span.end <= c.number.end
                    })
            })
    };
    let all_retold = frames.iter().all(|f| f.retold);
    for f in frames.iter().filter(|f| all_retold || !f.retold) {
        let agent = f
            .agents
            .first()
            .or(event_agent)
            .map(|p| resolve(lex, p, &loc, date).inter);
        // The object right after an attack word is what was attacked ("l'attaque contre la
        // colonne de volontaires … et de civils"), whoever else the sentence says died.
        let attacked = f
            .triggers
            .iter()
            .find(|(_, classes, _)| classes.iter().any(|(c, _)| *c == Class::Attack))
            .and_then(|(t, _, _)| {
                f.targets.iter().find(|p| {
                    !p.weak
                        && p.span.within == t.within
                        && p.span.start >= t.end
                        && p.span.start - t.end <= OBJECT_BYTES
                })
            });
        // An armed escort of what was attacked is attacked with it: "attacked a bus carrying
        // mine employees escorted by police" is a fight with the police, whoever died.
        let escort = f.targets.iter().find(|p| p.escort && armed(p.inter));
        let target = escort
            .or(attacked)
            .or(f.targets.iter().find(|p| armed_dead(p)))
            .or(f.targets.first())
            .or(event_target.filter(|_| f.agents.iter().all(|a| a.from_context)))
            .map(|p| Target {
                inter: resolve(lex, p, &loc, date).inter,
                weak: p.weak,
                // Read only where it can matter: the property test of destruction and attack.
                owner: (f.tells(Class::Destroy) || f.tells(Class::Attack)) && {
                    let before = &section(p.span.within).text[..p.span.start];
                    // The owner's own noun phrase ("belonging to members of the Gourmantche
                    // community"), within its clause.
                    let from = before
                        .char_indices()
                        .rev()
                        .filter(|(_, c)| c.is_whitespace())
                        .nth(7)
                        .map_or(0, |(i, _)| i);
                    let window = &before[from..];
                    lex.names_owner(&window[window.rfind([',', ';', ':', '.']).map_or(0, |i| i + 1)..])
                },
            });
        // The frame's own author named as people one by one ("two unidentified men").
        let lone_author = f.agents.first().is_some_and(|p| {
            !p.from_context
                && p.inter == 7
                && !p.entries.iter().any(|&e| lex.actors[e].crowd)
                && section(p.span.within)
                    .text
                    .get(p.span.start..p.span.end)
                    .is_some_and(|t| lex.names_individuals(t))
        });
        // "FPRN captured Haraz from government forces": a word of capture right before a
        // place name takes the place, not people ("detained Lebanon's Prime Minister" takes
        // a person of the place).
        let takes_place = f.triggers.iter().any(|(t, classes, _)| {
            classes.iter().any(|(c, _)| *c == Class::Arrest) && {
                let sec = section(t.within);
                sec.places.iter().any(|p| {
                    p.byte_start >= t.end
                        && sec
                            .text
                            .get(t.end..p.byte_start)
                            .is_some_and(|gap| gap.trim().is_empty())
                        && !sec
                            .text
                            .get(p.byte_end..)
                            .is_some_and(|after| after.starts_with("'s") || after.starts_with("’s"))
                })
            }
        });
        if let Some(c) = code_frame(lex, f, agent, target, lone_author, takes_place, &cues) {
            let pr = lex.taxonomy[&c.sub_event].priority;
            if best.as_ref().is_none_or(|(p, _, _)| pr > *p) {
                best = Some((pr, c, f));
            }
        }
    }
    let (_, mut coded, main) = best?;

    // Participants: the main frame's, then the other frames'.
    // A group named only in its country ("rebels": the MNJ in Niger) names no one elsewhere.
    let named_here = |p: &&Participant| lex.names_actor(&p.entries, loc.code, date);
    let agents: Vec<&Participant> = std::iter::once(main)
        .chain(frames.iter().copied())
        .flat_map(|f| f.agents.iter())
        .filter(named_here)
        .collect();
    let mut targets: Vec<&Participant> = std::iter::once(main)
        .chain(frames.iter().copied())
        .flat_map(|f| f.targets.iter())
        .filter(named_here)
        .collect();
    // People named beat places standing for them ("sept civils" over "le village"), and armed
    // men among the dead the civilians who died with them.
    targets.sort_by_key(|p| (p.weak, !armed_dead(p)));
    let agent_marked = agents.first().is_some_and(|p| p.marked);
    let mut a1 = agents.first().map(|p| resolve(lex, p, &loc, date));
    // The other side: a target, else another agent ("the army and ISGS militants clashed").
    // A state force named with the first agent ("soldiers and VDP", "the army and forest
    // guards entered the village") acts with it: its partner, not its opponent.
    let partner_of_a1 = |p: &Participant, r: &Resolved| {
        let (Some(first), Some(a)) = (agents.first(), a1.as_ref()) else {
            return false;
        };
        let text = section(p.span.within).text;
        // A pro-government militia (VDP, forest guards coded as a militia) partners a state
        // force; two militias named together may be the two sides of a communal fight.
        let state = |i: u8| matches!(i, 1 | 8);
        let sides = (state(a.inter) && matches!(r.inter, 1 | 3 | 8)) || (a.inter == 3 && state(r.inter));
        p.span.within == first.span.within
            && p.span.start >= first.span.end
            && sides
            && r.label != a.label
            && linking_gap(text.get(first.span.end..p.span.start).unwrap_or("")) == Some(true)
    };
    let others: Vec<Resolved> = targets
        .iter()
        .map(|p| resolve(lex, p, &loc, date))
        .chain(
            agents
                .iter()
                .skip(1)
                .map(|p| (p, resolve(lex, p, &loc, date)))
                .filter(|(p, r)| !partner_of_a1(p, r))
                .map(|(_, r)| r),
        )
        .filter(|r| a1.as_ref().is_none_or(|a| a.label != r.label))
        .collect();
    // State forces fight armed groups alongside their allies ("Barkhane forces conducted an
    // airstrike in coordination with Nigerien forces and killed ISGS militants"): facing
    // state forces, an armed group named anywhere is the other side before another state's
    // forces.
    let state_a1 = a1.as_ref().is_some_and(|a| matches!(a.inter, 1 | 8));
    // Facing a named group, another named group of the event is the other side before the
    // generic fighters of a clause that names none ("JNIM and ISGS militants clashed.
    // Around ten fighters were killed").
    let d = |t: &str, i: u8| default_actor(lex, t, i, &loc, date);
    // The two default labels the rules below compare sides with.
    let unidentified = d("Unidentified Armed Group", 3).label;
    let government = d("Government", 1).label;
    let named_a1 = a1
        .as_ref()
        .is_some_and(|a| matches!(a.inter, 2..=4) && a.label != unidentified);
    let mut a2 = others
        .iter()
        .find(|r| state_a1 && matches!(r.inter, 2..=4))
        .or_else(|| {
            others
                .iter()
                .find(|r| named_a1 && matches!(r.inter, 2..=4) && r.label != unidentified)
                .filter(|_| others.first().is_some_and(|r| r.label == unidentified))
        })
        .or(others.first())
        .cloned();
    // A side the clauses leave without an author is the armed group the event names
    // elsewhere ("4 soldiers killed … when MNJ and Niger armed forces clashed", "killed by
    // MNJ landmine"), before an unidentified one.
    let named_group = |taken: &[Option<&Resolved>]| -> Option<Resolved> {
        agents
            .iter()
            .chain(&targets)
            .filter(|p| !p.weak)
            .map(|p| resolve(lex, p, &loc, date))
            .find(|r| {
                matches!(r.inter, 2..=4)
                    && r.label != unidentified
                    && !taken.iter().flatten().any(|t| t.label == r.label)
            })
    };
    // Soldiers in mutiny who take towns are not the government taking them back; territory
    // "regained" from them is (ACLED names the mutiny first all the same).
    let regained = frames
        .iter()
        .flat_map(|f| &f.triggers)
        .any(|(span, classes, _)| *span == coded.trigger && classes.iter().any(|(c, _)| *c == Class::Regain));
    if coded.sub_event == "Government regains territory"
        && !regained
        && a1
            .as_ref()
            .is_some_and(|a| a.label == d("Mutiny of Military Forces", 1).label)
    {
        coded.sub_event = "Non-state actor overtakes territory".to_string();
    }
    // ACLED codes a raid whose only harm to people is taking them ("attacked the village and
    // abducted six people", "made an incursion and abducted a girl") as the abduction.
    if coded.sub_event == "Attack" {
        let harmed = frames.iter().any(|f| {
            !f.casualties.is_empty()
                || f.classes()
                    .any(|c| matches!(c, Class::Kill | Class::Execute | Class::Injure | Class::Sexual))
        });
        let abduction = frames
            .iter()
            .flat_map(|f| f.triggers.iter())
            .find(|(_, classes, _)| classes.iter().any(|(c, _)| *c == Class::Abduct));
        if let (false, Some((span, _, _))) = (harmed, abduction) {
            coded.sub_event = "Abduction/forced disappearance".to_string();
            coded.trigger = *span;
        }
    }
    let info = &lex.taxonomy[&coded.sub_event];
    let et = info.event_type.as_str();
    let sub = coded.sub_event.as_str();
    // Crowds are policed: state forces that meet a protest or riot are the police unless the
    // report names the army itself (ACLED's Sahel data: the police in 237 of the 247 rows
    // whose notes name no soldiers or army).
    // The default labels below are made only for the events that read them: each is a
    // look-up and a filled template, and most events read none.
    let military = std::cell::OnceCell::new();
    let policing = |r: Resolved| -> Resolved {
        let quoted = r
            .span
            .and_then(|s| section(s.within).text.get(s.start..s.end))
            .unwrap_or("");
        if r.label == *military.get_or_init(|| d("Military Forces", 1).label) && !lex.names_army(quoted) {
            Resolved {
                span: r.span,
                ..d("Police Forces", 1)
            }
        } else {
            r
        }
    };
    // A crowd named by its origin ("Sudanese asylum seekers demonstrated in Agadez") is
    // that country's protesters or rioters for ACLED, wherever it gathers.
    let origin = agents
        .iter()
        .chain(&targets)
        .map(|p| &lex.actors[lex.choose_actor(&p.entries, cc, date)])
        .find(|e| e.crowd && e.country.is_some())
        .and_then(|e| e.country.as_deref());
    let crowd_loc = match origin {
        Some(code) => Loc {
            code: Some(code),
            name: lex.countries.get(code).map(|c| c.name.as_str()),
        },
        None => loc,
    };
    let crowd_default = |t: &str, i: u8| default_actor(lex, t, i, &crowd_loc, date);
    // A force's building named instead of the force: its last word, or the word after it.
    let premises = |p: &Participant| {
        let text = section(p.span.within).text;
        let last = words_of(text.get(p.span.start..p.span.end).unwrap_or("")).last();
        let next = words_of(text.get(p.span.end..).unwrap_or("")).next();
        [last, next].into_iter().flatten().any(|w| lex.names_premises(w))
    };
    // "Opened fire on the military post. Two gendarmes dead": forces named only by their
    // building are those the event names there, when it names none of the building's own,
    // nor another building or force it attacked with it ("attacked the police station and
    // the gendarmerie"). A government (a prefect's residence) is no force there.
    let held_by = |r: &Resolved| -> Option<Resolved> {
        let span = r.span?;
        let building = targets.iter().find(|p| p.span == span && r.inter == 1 && premises(p))?;
        let text = section(span.within).text;
        let joined = |t: &Participant| {
            t.span.within == span.within
                && t.span.start >= span.end
                && linking_gap(text.get(span.end..t.span.start).unwrap_or("")).is_some()
        };
        let author = a1.as_ref().map(|a| a.label.as_str());
        let mut forces = targets
            .iter()
            .filter(|t| !t.weak && t.span != building.span)
            .map(|t| (t, resolve(lex, t, &loc, date)))
            .filter(|(_, x)| x.inter == 1 && x.label != government && Some(x.label.as_str()) != author);
        let (first, force) = forces.next()?;
        if premises(first) || joined(first) || force.label == r.label {
            return None;
        }
        forces.all(|(t, x)| !premises(t) && x.label != r.label).then_some(force)
    };
    if let Some(r) = a2.as_ref().and_then(held_by) {
        a2 = Some(r);
    }
    let mut mutineers: Option<Resolved> = None;
    let mut self_rioters: Vec<Resolved> = Vec::new();
    let mut mutiny_told = false;
    // "Foulse militiamen killed three Fulani civilians", "youths from the Bobo community
    // attacked cattle owners", "Fulani attacked and burned huts": with no armed author, the
    // people named before the first event word of the event's own sentence, when that word
    // is active, are the attackers (or destroyers), as their militia.
    let people_author = || -> Option<Resolved> {
        let (t, _, passive) = main.triggers.iter().min_by_key(|(t, _, _)| (t.within, t.start))?;
        if *passive {
            return None;
        }
        let sentence = main
            .sentences
            .iter()
            .find(|s| s.within == t.within && s.start <= t.start && t.end <= s.end)?;
        let (sec, found) = sections
            .iter()
            .zip(identities)
            .find(|(sec, _)| sec.within == t.within)?;
        let people = found
            .iter()
            .filter(|m| sentence.start <= m.start && m.end <= t.start && !in_place_name(sec, m))
            .find_map(|m| m.militia)?;
        let country_name = cc
            .and_then(|c| lex.countries.get(c))
            .map(|c| c.name.as_str())
            .or(loc.name)
            .unwrap_or(crate::lexicon::UNKNOWN_COUNTRY);
        Some(Resolved {
            label: crate::lexicon::fill(people, "{country}", country_name),
            inter: 4,
            span: None,
            subgroup: None,
        })
    };
    // Strikers are protesters, whatever their strike is coded as.
    match if cues.strike_only { "Protests" } else { et } {
        "Protests" => {
            // The crowd and the forces that met it are often told in separate clauses or
            // sentences ("Students protested. Police fired tear gas into the crowd"): any
            // participant of the event may be either side.
            let everyone = || agents.iter().chain(&targets).map(|p| resolve(lex, p, &loc, date));
            let protester = a1
                .clone()
                .filter(|r| r.inter == 6)
                .or_else(|| everyone().find(|r| r.inter == 6));
            // A government that ordered what was protested did not meet the crowd.
            let state = everyone().find(|r| r.inter == 1 && r.label != government).map(policing);
            a1 = Some(protester.unwrap_or_else(|| crowd_default("Protesters", 6)));
            a2 = match sub {
                "Peaceful protest" | "Other" => None,
                _ => Some(state.unwrap_or_else(|| d("Police Forces", 1))),
            };
        }
        "Riots" => {
            // Soldiers in mutiny who riot are rioters, with their mutiny as associate (ACLED:
            // "Rioters (Burkina Faso)" with "Mutiny of Military Forces of Burkina Faso").
            mutineers = agents
                .iter()
                .chain(&targets)
                .find(|p| mutineers_of(lex, p))
                .map(|p| resolve(lex, p, &loc, date));
            // Soldiers or police who are themselves the subject of the crowd's words
            // ("soldiers demonstrated … by barricading the entrance", "policemen barricaded
            // the gate") are the rioters, not a force that met them: ACLED names them
            // "Rioters" with the force as associate and no second actor.
            // Forces that also raid, disarm or hit people ("guards on strike raided the
            // minister's residence and disarmed their colleagues") are left to the sides.
            let rioting_forces: Vec<Span> = frames
                .iter()
                .filter(|f| {
                    f.classes().any(|c| matches!(c, Class::Riot | Class::Protest))
                        && f.classes()
                            .all(|c| matches!(c, Class::Riot | Class::Protest | Class::Destroy | Class::Fixed))
                        && !f
                            .targets
                            .iter()
                            .any(|t| matches!(t.inter, 5 | 6) || t.entries.iter().any(|&e| lex.actors[e].crowd))
                })
                .filter_map(|f| f.agents.first())
                .filter(|p| !p.from_context && !p.marked && matches!(p.inter, 1 | 8))
                .map(|p| p.span)
                .collect();
            mutiny_told = mutineers.is_some()
                || frames.iter().flat_map(|f| &f.triggers).any(|(t, _, _)| {
                    section(t.within)
                        .text
                        .get(t.start..t.end)
                        .is_some_and(|w| w.to_lowercase().starts_with("mutin"))
                });
            self_rioters = agents
                .iter()
                .filter(|p| rioting_forces.contains(&p.span) && !mutineers_of(lex, p))
                .map(|p| resolve(lex, p, &loc, date))
                .collect();
            let everyone = || {
                agents
                    .iter()
                    .chain(&targets)
                    .filter(|p| !mutineers_of(lex, p) && !rioting_forces.contains(&p.span))
                    .map(|p| resolve(lex, p, &loc, date))
            };
            // Civilians who are the authors ("villagers lynched a thief") are the mob itself.
            let crowd = a1
                .clone()
                .filter(|r| r.inter == 7 && agents.first().is_some_and(|p| !p.from_context));
            let rioter = a1
                .clone()
                .filter(|r| r.inter == 5)
                .or_else(|| everyone().find(|r| r.inter == 5));
            let not_mutineers = |r: &Resolved| mutineers.as_ref().is_none_or(|m| m.label != r.label);
            let other = [a1.clone().filter(|_| crowd.is_none()), a2.clone()]
                .into_iter()
                .flatten()
                .find(|r| r.inter != 5 && r.inter != 6 && not_mutineers(r));
            a1 = Some(rioter.unwrap_or_else(|| Resolved {
                span: crowd.and_then(|c| c.span),
                ..crowd_default("Rioters", 5)
            }));
            // A violent demonstration has a second actor only when someone met it (police),
            // in whichever clause the text names them; the cars and buildings it burns are
            // not an actor.
            a2 = match sub {
                // "Merchants fought with machetes", "clashes between students": a crowd that
                // fights only itself is both sides.
                "Mob violence" if cues.fight && other.as_ref().is_none_or(|o| o.inter == 7) => a1.clone(),
                "Mob violence" => Some(other.unwrap_or_else(|| d("Civilians", 7))),
                // A mutiny is the forces' own riot: ACLED names no second actor (24 of the 25
                // Burkina Faso rows), whatever forces the text names.
                _ if mutiny_told => None,
                // Forces that dispersed or arrested the crowd met it, named or not ("44 people
                // were arrested after protests and arson attacks"): the police, as for a
                // protest with intervention.
                // A government's buildings, flags or meetings that the crowd attacks are
                // property, not a force that met it (ACLED names none of its riots so).
                // So are the forces' premises ("burned the police station", "arson targeting
                // police stations", "buildings used by the police"): ACLED names no second
                // actor in 14 of the 17 such BF riots that tell no intervention.
                _ => agents
                    .iter()
                    .chain(&targets)
                    .filter(|p| !mutineers_of(lex, p) && !rioting_forces.contains(&p.span) && !premises(p))
                    .map(|p| resolve(lex, p, &loc, date))
                    .find(|o| matches!(o.inter, 1 | 8) && o.label != government)
                    .map(policing)
                    .or_else(|| {
                        frames
                            .iter()
                            .any(|f| f.classes().any(|c| matches!(c, Class::Intervene | Class::Arrest)))
                            .then(|| d("Police Forces", 1))
                    })
                    // Met by no force, a crowd that assaults people the text names ("striking
                    // students assaulted two teachers") has them as its second actor.
                    .or_else(|| {
                        let assaults = frames
                            .iter()
                            .any(|f| f.classes().any(|c| matches!(c, Class::Injure | Class::Kill)));
                        targets
                            .iter()
                            .filter(|p| assaults && !p.weak && p.entries.iter().all(|&e| !lex.actors[e].crowd))
                            .map(|p| resolve(lex, p, &loc, date))
                            .find(|r| r.inter == 7)
                    }),
            };
        }
        "Violence against civilians" => {
            // The perpetrator is armed; the victims are civilians.
            let (perp, victim) = match (&a1, &a2) {
                (Some(x), y) if x.inter == 7 => (y.clone().filter(|y| y.inter != 7), Some(x.clone())),
                (x, Some(y)) if y.inter == 7 => (x.clone(), Some(y.clone())),
                (x, _) => (x.clone(), None),
            };
            // With no author, state forces the event names that are neither among its dead
            // or hurt nor a building ("one person was killed when Burkinabe soldiers fired
            // warning shots", "soldiers carried out mass arrests, eight were summarily
            // executed") did it, before an unidentified group. Not a government, which
            // commissions or reports ("employees working on behalf of the ministry").
            let hurt = |p: &Participant| {
                frames
                    .iter()
                    .flat_map(|f| &f.casualties)
                    .any(|(_, v, _)| v.as_ref().is_some_and(|v| v.span == p.span))
            };
            let state_author = || {
                agents
                    .iter()
                    .chain(&targets)
                    .filter(|p| !p.weak && !hurt(p) && !premises(p))
                    .map(|p| resolve(lex, p, &loc, date))
                    .find(|r| r.inter == 1 && r.label != government)
            };
            a1 = Some(
                perp.or_else(|| named_group(&[victim.as_ref()]))
                    .or_else(state_author)
                    .or_else(people_author)
                    .unwrap_or_else(|| d("Unidentified Armed Group", 3)),
            );
            a2 = Some(victim.unwrap_or_else(|| d("Civilians", 7)));
        }
        "Battles" => {
            // Governments do not fight; their armed forces do ("the government regained
            // the towns taken by mutineers": ACLED's side is the military).
            for side in [&mut a1, &mut a2] {
                if side.as_ref().is_some_and(|r| r.label == government) {
                    *side = Some(Resolved {
                        span: side.as_ref().and_then(|r| r.span),
                        ..d("Military Forces", 1)
                    });
                }
            }
            // The state regains territory from those who held it ("regained the town, seized
            // by ISGS militants a year ago"): its forces are the first actor.
            if sub == "Government regains territory"
                && a2.as_ref().is_some_and(|r| r.inter == 1)
                && a1.as_ref().is_some_and(|r| r.inter != 1)
            {
                std::mem::swap(&mut a1, &mut a2);
            }
            // The escort of what was attacked is the side fought ("attacked a convoy of
            // merchants escorted by Koglweogo … killed 4 VDP fighters and 11 civilians").
            if a2.as_ref().is_none_or(|r| r.inter == 7) {
                if let Some(escort) = targets.iter().find(|p| p.escort && armed(p.inter)) {
                    a2 = Some(resolve(lex, escort, &loc, date));
                }
            }
            // "Militants attacked the village. Koglweogo and local youth repulsed the attack,
            // three people were wounded": the fight is between the attackers of one clause and
            // the fighters of the other, not with the wounded.
            if a2.as_ref().is_some_and(|r| r.inter == 7)
                && a1.as_ref().is_some_and(|a| matches!(a.inter, 1 | 3 | 4 | 8))
            {
                let attacker = agents
                    .iter()
                    .map(|p| resolve(lex, p, &loc, date))
                    .find(|r| r.inter == 2 || r.label == unidentified)
                    .filter(|r| a1.as_ref().is_some_and(|a| a.label != r.label));
                if let Some(attacker) = attacker {
                    a2 = a1.take();
                    a1 = Some(attacker);
                }
            }
            // Civilians who are the fighting side of a battle ("repelled by villagers",
            // "villagers killed two militants") are a communal militia for ACLED, named
            // after their village when the place is one ("Toolo Communal Militia").
            let militia = || {
                let generic = d("Unidentified Communal Militia", 4);
                match place.map(|(_, p)| &p.mention) {
                    Some(m) if m.precision == 1 && m.feature_code.starts_with("PPL") => Resolved {
                        label: generic.label.replacen("Unidentified", &m.name, 1),
                        ..generic
                    },
                    _ => generic,
                }
            };
            // A clash with no attacker named: the armed side attacked is one side, and the
            // civilians who died with it are its toll, not fighters ("l'attaque contre la
            // colonne de volontaires … et de civils").
            let attacked_only = a1.is_none();
            if attacked_only && a2.as_ref().is_some_and(|r| r.inter == 7) {
                if let Some(side) = targets
                    .iter()
                    .filter(|p| !p.weak)
                    .map(|p| resolve(lex, p, &loc, date))
                    .find(|r| matches!(r.inter, 2..=4))
                {
                    a1 = Some(d("Unidentified Armed Group", 3));
                    a2 = Some(side);
                }
            }
            // "Une attaque a fait huit morts dont quatre VDP": a militia that is only what was
            // attacked faces the group the text names elsewhere, else an unnamed one. (With
            // state forces also hit, "16 rebels, 3 soldiers", the militia fought them.)
            if attacked_only
                && agents.is_empty()
                && !targets.iter().any(|p| matches!(p.inter, 1 | 8))
                && a2
                    .as_ref()
                    .is_some_and(|r| matches!(r.inter, 3 | 4) && r.label != unidentified)
            {
                a1 = Some(named_group(&[a2.as_ref()]).unwrap_or_else(|| d("Unidentified Armed Group", 3)));
            }
            if a1.is_none() && a2.as_ref().is_some_and(|r| r.inter == 7) {
                a1 = a2.take();
            }
            if a1.as_ref().is_some_and(|r| r.inter == 7) {
                let militia = militia();
                a1 = Some(Resolved {
                    span: a1.as_ref().and_then(|r| r.span),
                    ..militia.clone()
                });
                if a2.as_ref().is_none_or(|r| r.inter == 7) {
                    a2 = Some(militia);
                }
            }
            if a1.is_none() {
                a1 = a2.take();
            }
            // Two forces of one state that are both only the attacked ("19 soldats tués
            // dans l'attaque du détachement de gendarmerie") do not fight each other: the
            // attacker is the one the text leaves unnamed. Soldiers who attack a police
            // station, named as authors, still fight the police.
            let mutiny = d("Mutiny of Military Forces", 1).label;
            let home_force = |r: &Option<Resolved>| r.as_ref().is_some_and(|r| r.inter == 1 && r.label != mutiny);
            let named_author = agents.iter().any(|p| !p.from_context);
            if sub == "Armed clash" && !named_author && home_force(&a1) && home_force(&a2) {
                a2 = a1.take();
            }
            let first = a1
                .clone()
                .or_else(|| named_group(&[a2.as_ref()]))
                .unwrap_or_else(|| d("Unidentified Armed Group", 3));
            // A town taken is taken from the state, not from its people nor from a group the
            // text does not name (ACLED: the military as actor2 in 52 of 55 Sahel rows).
            if sub == "Non-state actor overtakes territory" && a2.as_ref().is_none_or(|r| r.inter == 7) {
                let military = d("Military Forces", 1);
                a2 = (first.label != military.label).then_some(military);
            }
            if a2.is_none() {
                a2 = Some(if first.inter == 1 || first.inter == 8 {
                    named_group(&[Some(&first)]).unwrap_or_else(|| d("Unidentified Armed Group", 3))
                } else if first.inter == 2
                    && first.span.is_some()
                    && sub == "Armed clash"
                    && agents.iter().chain(&targets).all(|p| p.inter == 2)
                {
                    // A clash that names one rebel group and no one else ("attack or clash
                    // involving Boko Haram") has an opponent the source does not know: ACLED's
                    // unidentified group, not the army (which the text would have named).
                    d("Unidentified Armed Group", 3)
                } else {
                    d("Military Forces", 1)
                });
            }
            a1 = Some(first);
            // ACLED lists the non-state side of a clash with state forces first (three
            // times in four in its Sahel data): the attacker, as a rule. A text that says the
            // state forces acted keeps them first: "par l'armée", "by soldiers", or state
            // forces as the subject of the event word when the text gives the other side no
            // act of its own and the word is no defence ("the army killed 26 militants":
            // ACLED's actor1 is the state in 83 of the 101 Sahel clashes whose note opens on
            // state forces; "the soldiers repelled an attack" leaves the attackers first).
            let state_vs_armed = a1.as_ref().is_some_and(|a| matches!(a.inter, 1 | 8))
                && a2.as_ref().is_some_and(|a| matches!(a.inter, 2..=4));
            // State forces named as what was hit ("les soldats ont abattu huit assaillants
            // lors de l'assaut contre le poste de gendarmerie de Kaya") defended too.
            let defending = main
                .triggers
                .iter()
                .any(|(t, _, _)| lex.names_defence(&section(t.within).text[t.start..t.end]))
                || agents
                    .iter()
                    .chain(&targets)
                    .any(|p| p.target_marked && !p.from_context && matches!(p.inter, 1 | 8));
            let state_subject = !defending
                && agents
                    .first()
                    .is_some_and(|p| !p.from_context && matches!(p.inter, 1 | 8))
                && !agents.iter().any(|p| matches!(p.inter, 2..=4));
            if sub == "Armed clash" && state_vs_armed && !agent_marked && !state_subject {
                std::mem::swap(&mut a1, &mut a2);
            }
            // Militias that repelled an attack defended too ("Volunteer fighters (VDP)
            // repelled the assault and killed three militants"): the attackers come first.
            let militia_defends = defending
                && a1.as_ref().is_some_and(|a| a.inter == 4)
                && a2.as_ref().is_some_and(|a| matches!(a.inter, 2 | 3));
            if sub == "Armed clash" && militia_defends && !agent_marked {
                std::mem::swap(&mut a1, &mut a2);
            }
            // "Members of the Gourmantche and Fulani communities clashed", "inhabitants
            // fought Fulani herders": people who fight as a people are its militia for
            // ACLED, in the order the text names them; a side it names otherwise (a group,
            // state forces, a village's militia when only one people is named) stays.
            if sub == "Armed clash" {
                let country_name = cc
                    .and_then(|c| lex.countries.get(c))
                    .map(|c| c.name.as_str())
                    .or(loc.name)
                    .unwrap_or(crate::lexicon::UNKNOWN_COUNTRY);
                let mut peoples: Vec<&str> = Vec::new();
                for (sec, found) in sections.iter().zip(identities) {
                    for m in found
                        .iter()
                        .filter(|m| in_event_sentences(frames, sec.within, m.start, m.end) && !in_place_name(sec, m))
                    {
                        if let Some(militia) = m.militia {
                            if !peoples.contains(&militia) {
                                peoples.push(militia);
                            }
                        }
                    }
                }
                // A side the text does not name: none, civilians, unidentified gunmen, or the
                // state forces a clash defaults to.
                let nameless = |r: &Option<Resolved>| {
                    r.as_ref()
                        .is_none_or(|r| r.inter == 7 || r.label == unidentified || (r.inter == 1 && r.span.is_none()))
                };
                let communal = |r: &Option<Resolved>| {
                    r.as_ref()
                        .is_some_and(|r| r.inter == 4 && r.label.contains("Communal Militia"))
                };
                let militia = |template: &str| Resolved {
                    label: crate::lexicon::fill(template, "{country}", country_name),
                    inter: 4,
                    span: None,
                    subgroup: None,
                };
                let mut open: Vec<usize> = [0, 1].into_iter().filter(|&i| nameless([&a1, &a2][i])).collect();
                if peoples.len() >= 2 || open.is_empty() {
                    open.extend([0, 1].into_iter().filter(|&i| communal([&a1, &a2][i])));
                }
                // "Zaghawa and Tama militiamen clashed": the militia the words name is the last
                // people's only; with two peoples named, each side is one of them, in order.
                if peoples.len() >= 2 {
                    let of_a_people = |r: &Option<Resolved>| {
                        r.as_ref()
                            .is_some_and(|r| peoples.iter().any(|p| militia(p).label == r.label))
                    };
                    open.extend([0, 1].into_iter().filter(|&i| of_a_people([&a1, &a2][i])));
                }
                open.sort_unstable();
                open.dedup();
                for (side, people) in open.into_iter().zip(&peoples) {
                    *[&mut a1, &mut a2][side] = Some(militia(people));
                }
            }
        }
        "Explosions/Remote violence" => {
            // Who steps on a mine or hits an IED is its victim, not its author: unless the
            // text says "by", a state force or civilians named with a planted explosive
            // are actor2, and the unknown planter actor1.
            let victim_like = |a: &Resolved| matches!(a.inter, 1 | 7 | 8);
            if sub == "Remote explosive/landmine/IED" && a1.as_ref().is_some_and(victim_like) && !agent_marked {
                let v = a1.take();
                if a2.as_ref().is_none_or(victim_like) {
                    a2 = v;
                } else {
                    a1 = a2.take();
                    a2 = v;
                }
            }
            if a1.as_ref().is_some_and(|a| a.inter == 7) {
                std::mem::swap(&mut a1, &mut a2);
            }
            let by_air = sub == "Air/drone strike" || sub == "Shelling/artillery/missile attack";
            if a1.is_none() && !by_air {
                a1 = named_group(&[a2.as_ref()]);
            }
            if a1.is_none() {
                a1 = Some(if by_air {
                    d("Military Forces", 1)
                } else {
                    d("Unidentified Armed Group", 3)
                });
            }
        }
        _ => {
            if sub == "Looting/property destruction" && a1.is_none() {
                a1 = people_author();
            }
            // "Le pont a été dynamité", "des camions ont été détournés": property taken or
            // wrecked by no one named is the work of an unnamed armed group, and the
            // civilians it belonged to stay its victims, not its authors.
            if sub == "Looting/property destruction" && a1.is_none() && a2.is_none() {
                a1 = Some(d("Unidentified Armed Group", 3));
            }
            if sub == "Looting/property destruction" && a2.is_none() {
                a2 = Some(d("Civilians", 7));
            }
            // People arrested by no one named were arrested by the police, not by themselves.
            if sub == "Arrests" && a1.is_none() && a2.is_some() {
                a1 = Some(d("Police Forces", 1));
            }
            if a1.is_none() {
                a1 = a2.take();
            }
            if a1.is_none() {
                a1 = Some(match sub {
                    "Arrests" => d("Police Forces", 1),
                    "Change to group/activity" | "Agreement" => d("Government", 1),
                    _ => d("Unidentified Armed Group", 3),
                });
            }
            // "An army unit dismantled an IED planted by JNIM": the side that disrupted the
            // weapons is actor1 (state forces in 16 of the 23 Sahel rows), not the group
            // whose weapons they were, however marked ("planted by").
            if sub == "Disrupted weapons use"
                && a1.as_ref().is_some_and(|a| matches!(a.inter, 2..=4))
                && a2.as_ref().is_some_and(|a| matches!(a.inter, 1 | 8))
            {
                std::mem::swap(&mut a1, &mut a2);
            }
            // A state's change of activity (a state of emergency, an operation launched)
            // "due to militant activity" names the militants as its motive, not a party:
            // ACLED gives such rows no second actor.
            if sub == "Change to group/activity"
                && a1.as_ref().is_some_and(|a| a.inter == 1)
                && a2.as_ref().is_some_and(|r| r.label == unidentified)
            {
                a2 = None;
            }
        }
    }
    // "Two armed groups clashed over a drug cargo": unidentified groups counted as two, or
    // as rivals, fight each other; the people killed are theirs (ACLED: Unidentified Armed
    // Group on both sides).
    let two_groups = et == "Battles"
        && a1.as_ref().is_some_and(|a| a.label == unidentified)
        && a2.as_ref().is_none_or(|r| r.inter == 7)
        && agents.iter().chain(&targets).any(|p| {
            let text = section(p.span.within).text;
            words_of(text.get(..p.span.start).unwrap_or(""))
                .next_back()
                .is_some_and(|w| TWO_SIDES.contains(&w.to_lowercase().as_str()))
                && resolve(lex, p, &loc, date).label == unidentified
        });
    if two_groups {
        a2 = a1.clone();
    }
    let a1 = a1.expect("actor1 is always set");
    // An actor is not its own opponent, except crowds and communal militias that fight among
    // themselves ("clashes between farmers and herders": Unidentified Communal Militia on
    // both sides, as ACLED codes it), and groups counted as two.
    let a2 = a2.filter(|x| x.label != a1.label || matches!(x.inter, 4 | 5) || two_groups);
    let inter1 = a1.inter;
    let inter2 = a2.as_ref().map_or(0, |a| a.inter);
    let interaction = if inter2 == 0 {
        inter1 as u16 * 10
    } else {
        let (lo, hi) = if inter1 <= inter2 {
            (inter1, inter2)
        } else {
            (inter2, inter1)
        };
        lo as u16 * 10 + hi as u16
    };
    let civilian_targeting = if info.disorder_type.contains("Political violence") && (inter2 == 7 || inter1 == 7) {
        "Civilian targeting"
    } else {
        ""
    };

    // Fatalities: per named victim group the lowest figure, summed over groups; a figure
    // with no victim named stands for the whole toll. ACLED takes the lowest report.
    let mut seen = Vec::new();
    let mut groups: BTreeMap<String, (u32, u32, Span, Span)> = BTreeMap::new();
    let mut unknown: Option<(u32, u32, Span, Span)> = None;
    // Dead told as more than those counted before ("and the four others") add up.
    let mut more = 0u32;
    let mut more_spans: Vec<(Span, Span)> = Vec::new();
    for f in frames {
        for (c, victim, within) in &f.casualties {
            let span = Span {
                within: *within,
                start: c.number.start,
                end: c.number.end,
            };
            if seen.contains(&span) {
                continue;
            }
            seen.push(span);
            let word = Span {
                within: *within,
                start: c.word.0,
                end: c.word.1,
            };
            let v = c.number.value;
            if c.more {
                more = more.saturating_add(v);
                more_spans.push((span, word));
                continue;
            }
            let slot = match victim {
                Some(p) => Some(
                    groups
                        .entry(resolve(lex, p, &loc, date).label)
                        .or_insert((u32::MAX, 0, span, word)),
                ),
                None => Some(unknown.get_or_insert((u32::MAX, 0, span, word))),
            };
            if let Some(s) = slot {
                if v < s.0 {
                    s.0 = v;
                    s.2 = span;
                    s.3 = word;
                }
                s.1 = s.1.max(v);
            }
        }
    }
    let known_low: u32 = groups.values().map(|g| g.0).sum();
    let known_high: u32 = groups.values().map(|g| g.1).sum();
    // ACLED: a protest met with lethal force is "Excessive force against protesters";
    // deaths named in a peaceful protest's report are its motive ("marched over the death
    // of ...") or a crowd size, never its toll.
    let tollless = matches!(sub, "Peaceful protest" | "Protest with intervention");
    let (low, high) = match unknown {
        _ if tollless => (0, 0),
        Some(u) => (
            u.0.max(known_low).saturating_add(more),
            u.1.max(known_high).saturating_add(more),
        ),
        None => (known_low.saturating_add(more), known_high.saturating_add(more)),
    };
    let fatal_spans: Vec<(Span, Span)> = if tollless {
        Vec::new()
    } else if unknown.is_some_and(|u| u.0 >= known_low) {
        unknown.map(|u| (u.2, u.3)).into_iter().chain(more_spans).collect()
    } else {
        groups.values().map(|g| (g.2, g.3)).chain(more_spans).collect()
    };
    // A toll told for the places of a list is shared among their events as ACLED shares
    // it: evenly, the first places taking what does not divide (28 dead in three places:
    // 10, 9, 9).
    let share = frames.iter().find_map(|f| f.share);
    let shared = |n: u32| match share {
        Some((k, count)) if count > 1 => n / count + u32::from(k < n % count),
        _ => n,
    };
    let (low, high) = (shared(low), shared(high));
    let best_figure = (low + high) / 2;

    // Place fields. A text that names no place of the event's country (or only the
    // country) leaves the region to the actors, when they operate in one (areas.rs). So
    // does a village read outside that one region: the group's village is one the
    // gazetteer lacks, and the reading a homonym ("ISWAP militants killed 7 people in Garin
    // Dogo" read in Maradi; ACLED's Boko Haram and ISWAP rows are in Diffa 341 times in 347).
    // The capital and the seats of regions are no such villages: a suicide bombing "in
    // N'Djamena" by a group of the Lake region is in the capital.
    let only_country = place.is_none_or(|(_, p)| p.mention.feature_code.starts_with("PCL"));
    let area_actor = cc.and_then(|c| {
        let sides = std::iter::once(&a1).chain(a2.as_ref());
        let area = ctx.areas.single_area(sides.clone().map(|r| r.label.as_str()), c)?;
        let village_elsewhere = place.is_some_and(|(_, p)| {
            p.mention.feature_code.starts_with("PPL")
                && !matches!(p.mention.feature_code.as_str(), "PPLC" | "PPLA")
                && p.mention.country_code.eq_ignore_ascii_case(c)
                && p.mention.admin1 != area.admin1
        });
        if !(only_country || village_elsewhere) {
            return None;
        }
        let placed_by = sides
            .filter(|r| ctx.areas.single_area([r.label.as_str()], c).is_some())
            .find_map(|r| r.span);
        Some((area, placed_by))
    });
    let (location, admin1, admin2, lat, lon, precision, geonames_id) = match (area_actor, place) {
        (Some((area, _)), _) => (
            area.admin1.clone(),
            area.admin1.clone(),
            String::new(),
            Some(area.latitude),
            Some(area.longitude),
            3,
            Some(area.geonames_id),
        ),
        (None, Some((_, p))) => (
            p.written_name.clone().unwrap_or_else(|| p.mention.name.clone()),
            p.mention.admin1.clone(),
            p.mention.admin2.clone(),
            Some(p.mention.latitude),
            Some(p.mention.longitude),
            p.mention.precision.max(1),
            (p.mention.geonames_id != 0).then_some(p.mention.geonames_id),
        ),
        (None, None) => (
            cc.and_then(|c| lex.countries.get(c))
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            String::new(),
            String::new(),
            None,
            None,
            3,
            None,
        ),
    };
    // An event known only to its admin unit is written at the town that seats it, as ACLED
    // writes it ("Fada N'gourma" for the province of Gourma), at its precision of a unit.
    let seat = geonames_id.and_then(|unit| {
        let gazetteer = ctx.geoparser.gazetteer();
        let seat = ctx.geoparser.seat_of(gazetteer.by_geonames_id(unit)?)?;
        Some(gazetteer.place(seat))
    });
    // ACLED takes the admin units from the point, so a region's event carries its seat's
    // second-level unit too.
    let (location, admin2, lat, lon, geonames_id) = match seat {
        Some(town) => (
            town.name.to_string(),
            if admin2.is_empty() {
                town.admin2.to_string()
            } else {
                admin2
            },
            Some(town.latitude),
            Some(town.longitude),
            Some(town.geonames_id),
        ),
        None => (location, admin2, lat, lon, geonames_id),
    };
    // A village the gazetteer lacks, placed by the place found ("à Zangobila, un village situé à
    // 12 km de Kaya"), is the event's location, near that place.
    let village = place
        .filter(|_| area_actor.is_none())
        .and_then(|(w, p)| Some((w, unlisted_village(lex, section(w), p)?)));
    let (location, precision) = match village {
        Some((w, (start, end))) => (section(w).text[start..end].to_string(), precision.max(2)),
        None => (location, precision),
    };
    let cinfo = cc.and_then(|c| lex.countries.get(c));
    let (iso, country_name, region) = match (cinfo, place) {
        (Some(c), _) => (c.iso, c.name.clone(), c.region.clone()),
        (None, Some((_, p))) => (0, p.mention.country.clone(), String::new()),
        (None, None) => (0, String::new(), String::new()),
    };
    let time_precision = frames.iter().filter_map(|f| f.date.map(|d| d.1)).min().unwrap_or(2);
    let date_span = frames.iter().find_map(|f| f.date.and_then(|d| d.2));
    let fill_label = |t: &str| lex.fill_regime(&t.replace("{country}", &country_name), cc, date);
    let (mut assoc1, mut assoc2) = assoc_actors(
        sections,
        identities,
        frames,
        &coded,
        (&a1, a2.as_ref()),
        &AssocRules {
            ids: &lex.identities,
            fill: &fill_label,
            against_civilians: et == "Violence against civilians",
        },
    );
    if let Some(m) = mutineers.filter(|m| m.label != a1.label) {
        if let Some(span) = m.span {
            assoc1.insert(0, (m.label, span));
        }
    }
    // Forces that riot themselves are the rioters' associates, as ACLED names them (a
    // mutiny is already named by its mutineers).
    for r in self_rioters.into_iter().filter(|_| !mutiny_told) {
        if let Some(span) = r
            .span
            .filter(|_| r.label != a1.label && !assoc1.iter().any(|(l, _)| *l == r.label))
        {
            assoc1.push((r.label, span));
        }
    }
    // Forces that act with a side ("soldiers and volunteer fighters (VDP) repelled …") are
    // its associates: other armed agents of the event allied with actor1 or actor2.
    // Mutineers fight the forces they left, an unnamed group allies with nobody, and a
    // government is not a fighting force.
    let apart = [
        d("Mutiny of Military Forces", 1).label,
        government.clone(),
        unidentified.clone(),
    ];
    let allies = |side: &Resolved, r: &Resolved| {
        !apart.contains(&r.label)
            && !apart.contains(&side.label)
            && match side.inter {
                1 | 3 | 4 | 8 => matches!(r.inter, 1 | 3 | 4 | 8),
                2 => r.inter == 2,
                _ => false,
            }
    };
    for p in &agents {
        let r = resolve(lex, p, &loc, date);
        // The same words as a side (relabelled, as the police of a protest) are that side.
        let is_side = |a: &Resolved| a.label == r.label || a.span == Some(p.span);
        let taken = is_side(&a1) || a2.as_ref().is_some_and(is_side);
        let assoc = if allies(&a1, &r) {
            &mut assoc1
        } else if a2.as_ref().is_some_and(|a| allies(a, &r)) {
            &mut assoc2
        } else {
            continue;
        };
        if !taken && !assoc.iter().any(|(l, _)| *l == r.label) {
            assoc.push((r.label, p.span));
        }
    }
    // Likewise forces named together with the second actor where it is hit ("ambushed a
    // joint gendarmerie and volunteer fighter (VDP) force", "a patrol of soldiers and
    // Koglweogo militiamen") are its associates.
    if let Some((side, side_span)) = a2
        .as_ref()
        .and_then(|a| Some((a, a.span?)))
        .filter(|_| matches!(et, "Battles" | "Explosions/Remote violence"))
    {
        let text = section(side_span.within).text;
        let joined = |p: &Participant| {
            let (from, to) = if p.span.start >= side_span.end {
                (side_span.end, p.span.start)
            } else {
                (p.span.end, side_span.start)
            };
            let gap = text.get(from..to).unwrap_or("");
            p.span.within == side_span.within && linking_gap(gap) == Some(true) && words_of(gap).count() <= 3
        };
        for p in targets.iter().filter(|p| !p.weak && joined(p)) {
            let r = resolve(lex, p, &loc, date);
            let taken = r.label == a1.label || r.label == side.label;
            if !taken && allies(side, &r) && !assoc2.iter().any(|(l, _)| *l == r.label) {
                assoc2.push((r.label, p.span));
            }
        }
    }

    // Evidence.
    let mut evidence = Vec::new();
    let indexes: Vec<(Within, veille_text::CharIndex)> = sections
        .iter()
        .map(|s| (s.within, veille_text::CharIndex::new(s.text)))
        .collect();
    let mut push = |field: &str, span: Option<Span>| {
        if let Some(s) = span {
            let sec = section(s.within);
            // A span that does not fall on the section's char boundaries would be a bug;
            // drop the evidence rather than abort the document.
            let Some(quoted) = sec.text.get(s.start..s.end) else {
                return;
            };
            let idx = &indexes
                .iter()
                .find(|(w, _)| *w == s.within)
                .expect("index per section")
                .1;
            evidence.push(Evidence {
                field: field.to_string(),
                start: idx.char_offset(s.start),
                end: idx.char_offset(s.end),
                text: quoted.to_string(),
                within: (s.within == Within::Title).then(|| "title".to_string()),
                doc_id: None,
            });
        }
    };
    push("event_type", Some(coded.trigger));
    push("sub_event_type", Some(coded.trigger));
    push("actor1", a1.span);
    if let Some(a) = &a2 {
        push("actor2", a.span);
    }
    for (_, span) in &assoc1 {
        push("assoc_actor_1", Some(*span));
    }
    for (_, span) in &assoc2 {
        push("assoc_actor_2", Some(*span));
    }
    if !civilian_targeting.is_empty() {
        push(
            "civilian_targeting",
            if inter2 == 7 {
                a2.as_ref().and_then(|a| a.span)
            } else {
                a1.span
            },
        );
    }
    if let Some((_, placed_by)) = area_actor {
        push("admin1", placed_by);
    } else if let Some((w, p)) = place {
        let ps = Span {
            within: w,
            start: p.byte_start,
            end: p.byte_end,
        };
        push(
            "location",
            Some(match village {
                Some((w, (start, end))) => Span { within: w, start, end },
                None => ps,
            }),
        );
        push("latitude", Some(ps));
        push("longitude", Some(ps));
        // Admin names: the mention that names the unit itself when the text has one.
        let sec = section(w);
        let unit = |level: &str, name: &str| {
            sec.places
                .iter()
                .find(|h| {
                    let m = &h.mention;
                    let is_unit =
                        h.role == veille_geoparse::MentionRole::AdminUnit || m.feature_code.starts_with("ADM");
                    is_unit
                        && !name.is_empty()
                        && m.country_code == p.mention.country_code
                        && if level == "admin1" {
                            m.admin2.is_empty() && m.admin1 == name
                        } else {
                            m.admin2 == name
                        }
                })
                .map(|h| Span {
                    within: w,
                    start: h.byte_start,
                    end: h.byte_end,
                })
        };
        let country_hit = sec
            .places
            .iter()
            .find(|h| {
                matches!(
                    h.role,
                    veille_geoparse::MentionRole::Country | veille_geoparse::MentionRole::Demonym
                ) && h.mention.country_code == p.mention.country_code
            })
            .map(|h| Span {
                within: w,
                start: h.byte_start,
                end: h.byte_end,
            });
        if !admin1.is_empty() {
            push("admin1", unit("admin1", &admin1).or(Some(ps)));
        }
        if !admin2.is_empty() {
            push("admin2", unit("admin2", &admin2).or(Some(ps)));
        }
        push("country", country_hit.or(Some(ps)));
        push("geo_precision", Some(ps));
    }
    push("event_date", date_span);
    if date_span.is_some() {
        push("time_precision", date_span);
    }
    for (n, w) in &fatal_spans {
        push("fatalities", Some(*n));
        push("fatalities", Some(*w));
    }

    // Notes: the sentences that tell the event, body first.
    let mut note_spans: Vec<Span> = frames.iter().flat_map(|f| f.sentences.iter().copied()).collect();
    note_spans.sort_by_key(|s| (s.within, s.start));
    note_spans.dedup();
    let mut notes = String::new();
    for s in note_spans {
        let t = &section(s.within).text[s.start..s.end];
        if !notes.is_empty() {
            notes.push(' ');
        }
        notes.push_str(t.trim());
    }

    let event_date = date.format("%Y-%m-%d").to_string();
    let mut h = Sha256::new();
    for part in [ctx.doc.id.as_str(), place_key, &event_date, sub] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    let digest = h.finalize();
    let hex: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
    let event_id = format!("VEI-{hex}");

    let own_place = frames.iter().any(|f| f.place_own);
    let own_actors = [Some(&a1), a2.as_ref()]
        .into_iter()
        .flatten()
        .filter(|a| {
            a.span.is_some_and(|s| {
                frames.iter().any(|f| {
                    f.sentences
                        .iter()
                        .any(|x| x.within == s.within && x.start <= s.start && s.end <= x.end)
                })
            })
        })
        .count();
    let confidence = (0.35
        + if own_place {
            0.2
        } else if place.is_some() {
            0.1
        } else {
            0.0
        }
        + if date_span.is_some() { 0.1 } else { 0.0 }
        + 0.1 * own_actors as f32
        + if frames.len() > 1 { 0.05 } else { 0.0 })
    .min(0.95)
    // Every ACLED event lies in a first-level unit; an event placed no finer than the
    // country stays at or under 0.5, below every placed one (on unseen French articles,
    // most false events are placed so).
    .min(if admin1.is_empty() { UNPLACED_CONFIDENCE } else { 1.0 });
    let timestamp = ctx
        .published
        .and_then(|p| p.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp())
        .unwrap_or(0);

    Some(Event {
        event_id,
        doc_id: ctx.doc.id.clone(),
        event_date,
        time_precision,
        disorder_type: info.disorder_type.clone(),
        event_type: info.event_type.clone(),
        sub_event_type: coded.sub_event.clone(),
        actor1: a1.label.clone(),
        assoc_actor_1: join_labels(&assoc1),
        inter1,
        actor2: a2.as_ref().map(|a| a.label.clone()).unwrap_or_default(),
        assoc_actor_2: join_labels(&assoc2),
        inter2,
        interaction,
        civilian_targeting: civilian_targeting.to_string(),
        iso,
        region,
        country: country_name,
        admin1,
        admin2,
        admin3: String::new(),
        location,
        latitude: lat,
        longitude: lon,
        geo_precision: precision,
        source: ctx.doc.source.clone().unwrap_or_default(),
        source_scale: String::new(),
        notes,
        fatalities: low,
        fatalities_low: low,
        fatalities_best: best_figure,
        fatalities_high: high,
        tags: String::new(),
        timestamp,
        geonames_id,
        language: ctx.lang.clone(),
        confidence: (confidence * 100.0).round() / 100.0,
        cameo_root: info.cameo_root.clone(),
        plover_category: info.plover.clone(),
        sources: vec![ctx.doc.id.clone()],
        evidence,
    })
}

/// Whether `gap`, the text between two mentions, holds nothing but the words that join
/// coordinated names ("… and the …", "… et la …"): `Some` with whether one of them is
/// "and"/"et", `None` when another word stands there.
fn linking_gap(gap: &str) -> Option<bool> {
    let mut and = false;
    for w in words_of(gap) {
        match w {
            "and" | "et" => and = true,
            "the" | "of" | "la" | "le" | "l" | "les" | "des" | "de" | "du" => {}
            _ => return None,
        }
    }
    Some(and)
}

/// Words that count an unidentified group as two sides ("two armed groups", "rival gangs").
const TWO_SIDES: &[&str] = &["two", "rival", "deux", "rivaux", "rivales"];

/// The words of `text`, punctuation left out.
fn words_of(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}
