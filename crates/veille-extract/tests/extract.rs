//! End-to-end tests of event extraction: fixtures of our own writing (always run), the
//! seed article from ../shared (skipped with a notice when absent), and frames fed with
//! hand-made places so the stages after the geoparser are tested on their own.

mod common;
use common::shared;

use std::path::Path;

use veille_extract::Extractor;
use veille_geoparse::{MentionRole, PlaceHit};
use veille_model::{Document, Event, PlaceMention};

fn doc(id: &str, text: &str, published: &str) -> Document {
    Document {
        id: id.into(),
        text: text.into(),
        published: Some(published.into()),
        ..Default::default()
    }
}

/// The one event `x` finds in `text` with no places given (the events' own place fields
/// come from the text alone); fails the test when there are none or several.
fn sole_event(x: &Extractor, text: &str, published: &str) -> Event {
    let mut events = x.extract_with_places(&doc("t", text, published), &[], &[]).unwrap();
    assert_eq!(events.len(), 1, "{text}: {events:#?}");
    events.remove(0)
}

/// An extractor whose lexicon directory holds `actors` as its actors.toml; the
/// directory is gone again when it returns, the lexicon being read at construction.
fn with_user_actors(tag: &str, actors: &str) -> Result<Extractor, veille_extract::ExtractError> {
    let dir = std::env::temp_dir().join(format!("veille-extract-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("actors.toml"), actors).unwrap();
    let x = Extractor::new(Some(&dir));
    std::fs::remove_dir_all(&dir).unwrap();
    x
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)).unwrap()
}

/// Every evidence span quotes the document at its code-point offsets.
fn assert_evidence_quotes(doc: &Document, events: &[Event]) {
    for e in events {
        assert!(!e.evidence.is_empty());
        for ev in &e.evidence {
            let source = if ev.within.as_deref() == Some("title") {
                doc.title.as_deref().unwrap()
            } else {
                &doc.text
            };
            let quoted: String = source.chars().skip(ev.start).take(ev.end - ev.start).collect();
            assert_eq!(quoted, ev.text, "evidence for {} of {}", ev.field, e.event_id);
        }
    }
}

fn field<'a>(e: &'a Event, name: &str) -> Vec<&'a str> {
    e.evidence
        .iter()
        .filter(|x| x.field == name)
        .map(|x| x.text.as_str())
        .collect()
}

fn check_attack_fixture(lang: &str) {
    let x = Extractor::new(None).unwrap();
    let d = doc(
        &format!("attaque-{lang}"),
        &fixture(&format!("attaque-{lang}.txt")),
        "2024-03-05",
    );
    let events = x.extract(&d).unwrap();
    assert_eq!(events.len(), 2, "{events:#?}");
    assert_evidence_quotes(&d, &events);
    let (attack, ied) = if events[0].sub_event_type == "Attack" {
        (&events[0], &events[1])
    } else {
        (&events[1], &events[0])
    };
    // The night of Sunday to Monday before Tuesday 5 March 2024.
    assert_eq!(attack.event_date, "2024-03-03");
    assert_eq!(attack.time_precision, 1);
    assert_eq!(attack.event_type, "Violence against civilians");
    assert_eq!(attack.actor1, "Unidentified Armed Group (Mali)");
    assert_eq!(attack.actor2, "Civilians (Mali)");
    assert_eq!((attack.inter1, attack.inter2, attack.interaction), (3, 7, 37));
    assert_eq!(attack.civilian_targeting, "Civilian targeting");
    assert_eq!(attack.fatalities, 7, "the four wounded are not counted");
    assert_eq!((attack.country.as_str(), attack.iso), ("Mali", 466));
    assert_eq!(attack.admin1, "Mopti");
    assert_eq!(attack.admin2, "Bankass");
    assert_eq!(attack.disorder_type, "Political violence");

    assert_eq!(ied.sub_event_type, "Remote explosive/landmine/IED");
    assert_eq!(ied.event_type, "Explosions/Remote violence");
    assert_eq!(ied.actor1, "Unidentified Armed Group (Mali)");
    assert_eq!(ied.actor2, "Military Forces of Mali (2021-)");
    assert_eq!(ied.interaction, 13);
    assert_eq!(ied.fatalities, 2);
    assert_eq!(ied.admin2, "Douentza");
    assert_eq!(ied.location, "Boni");
    assert_eq!(field(ied, "location"), ["Boni"]);
    assert_eq!(ied.event_date, "2024-03-03");
}

#[test]
fn french_fixture_gives_its_two_events() {
    check_attack_fixture("fr");
}

#[test]
fn english_fixture_gives_its_two_events() {
    check_attack_fixture("en");
}

#[test]
fn output_is_deterministic() {
    let x = Extractor::new(None).unwrap();
    let d = doc("a", &fixture("attaque-fr.txt"), "2024-03-05");
    let a = x.extract(&d).unwrap();
    let b = Extractor::new(None).unwrap().extract(&d).unwrap();
    assert_eq!(a, b);
    let mut ids: Vec<_> = a.iter().map(|e| e.event_id.clone()).collect();
    ids.dedup();
    assert_eq!(ids.len(), a.len());
}

#[test]
fn seed_article_gives_exactly_its_two_events() {
    let path = shared().join("seeds/tombouctou-fr.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} is absent", path.display());
        return;
    };
    let x = Extractor::new(None).unwrap();
    let d = doc("tombouctou-fr", &text, "2024-03-05");
    let events = x.extract(&d).unwrap();
    assert_eq!(events.len(), 2, "{events:#?}");
    assert_evidence_quotes(&d, &events);
    let mut admin2: Vec<&str> = events.iter().map(|e| e.admin2.as_str()).collect();
    admin2.sort();
    assert_eq!(admin2, ["Goundam", "Gourma-Rharous"]);
    for e in &events {
        assert_eq!(e.country, "Mali");
        assert_eq!(e.iso, 466);
        assert_eq!(e.admin1, "Tombouctou");
        assert_eq!(e.event_type, "Strategic developments");
        assert_eq!(e.sub_event_type, "Disrupted weapons use");
        assert_eq!(e.disorder_type, "Strategic developments");
        assert_eq!(e.actor1, "Military Forces of Mali (2021-)");
        assert_eq!(e.actor2, "AQIM: Al Qaeda in the Islamic Maghreb");
        assert_eq!((e.inter1, e.inter2, e.interaction), (1, 2, 12));
        assert_eq!(e.civilian_targeting, "");
        // No date in the article: the publication date, at week precision.
        assert_eq!((e.event_date.as_str(), e.time_precision), ("2024-03-05", 2));
        assert_eq!(e.fatalities, 0);
        assert!(
            field(e, "actor1").iter().any(|t| t.contains("armée")),
            "{:?}",
            e.evidence
        );
        assert!(field(e, "actor2")
            .iter()
            .any(|t| t.contains("AQMI") || t.contains("Al-Qaïda")));
        assert_eq!(field(e, "admin1"), ["Tombouctou"]);
    }
    // Published before the 2021 coup, the same army carries its earlier regime's name.
    let before = x.extract(&doc("t", &text, "2019-06-01")).unwrap();
    assert!(before.iter().all(|e| e.actor1 == "Military Forces of Mali (2013-2020)"));
}

// ------------------------------------------------------------ hand-made places

fn hit(text: &str, word: &str, role: MentionRole, admin1: &str, admin2: &str, id: u32, precision: u8) -> PlaceHit {
    let byte_start = text.find(word).unwrap();
    let start = text[..byte_start].chars().count();
    PlaceHit {
        byte_start,
        byte_end: byte_start + word.len(),
        role,
        mention: PlaceMention {
            start,
            end: start + word.chars().count(),
            text: word.into(),
            geonames_id: id,
            name: word.into(),
            latitude: 14.1,
            longitude: -1.6,
            country: "Burkina Faso".into(),
            country_code: "BF".into(),
            admin1: admin1.into(),
            admin2: admin2.into(),
            feature_code: "PPL".into(),
            precision,
        },
        written_name: None,
        announced: true,
        holds: false,
    }
}

#[test]
fn frames_with_hand_made_places() {
    let text = "Mardi dernier, des individus armés ont attaqué un poste de gendarmerie à Arbinda. \
                Trois gendarmes ont été tués et deux autres blessés. \
                Le même jour, des jihadistes ont enlevé cinq commerçants près de Djibo.";
    let places = [
        hit(text, "Arbinda", MentionRole::Named, "Sahel", "Soum", 1, 1),
        hit(text, "Djibo", MentionRole::Near, "Sahel", "Soum", 2, 2),
    ];
    let x = Extractor::new(None).unwrap();
    let d = doc("h", text, "2021-05-06");
    let events = x.extract_with_places(&d, &places, &[]).unwrap();
    assert_eq!(events.len(), 2, "{events:#?}");
    assert_evidence_quotes(&d, &events);
    let arbinda = events.iter().find(|e| e.location == "Arbinda").unwrap();
    assert_eq!(arbinda.event_date, "2021-05-04");
    assert_eq!(arbinda.sub_event_type, "Armed clash");
    assert_eq!(arbinda.actor1, "Unidentified Armed Group (Burkina Faso)");
    assert_eq!(arbinda.actor2, "Police Forces of Burkina Faso (2015-2022) Gendarmerie");
    assert_eq!(arbinda.fatalities, 3);
    let djibo = events.iter().find(|e| e.location == "Djibo").unwrap();
    assert_eq!(djibo.sub_event_type, "Abduction/forced disappearance");
    assert_eq!(djibo.actor2, "Civilians (Burkina Faso)");
    assert_eq!(djibo.fatalities, 0, "the abducted are not dead");
    assert_eq!(djibo.geo_precision, 2);
}

#[test]
fn an_announced_place_locates_the_event_before_a_bare_nearer_name() {
    // The bare name in brackets is the community's; the event is in the village.
    let text =
        "Hier, des hommes armés ont enlevé dix membres de la communauté peule (Bokoloji) dans le village de Mamouri.";
    let mut community = hit(text, "Bokoloji", MentionRole::Named, "Maradi", "Dakoro", 1, 1);
    community.announced = false;
    let places = [
        community,
        hit(text, "Mamouri", MentionRole::Named, "Diffa", "Diffa", 2, 1),
    ];
    let x = Extractor::new(None).unwrap();
    let events = x
        .extract_with_places(&doc("a", text, "2021-05-06"), &places, &[])
        .unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].location, "Mamouri");
}

#[test]
fn background_threats_and_denials_make_no_event() {
    let text = "Depuis plusieurs années, la province du Soum est le théâtre d'attaques meurtrières. \
                Le groupe menace d'attaquer Djibo. L'armée dément avoir bombardé le marché de Djibo. \
                Au total depuis janvier, 300 civils ont été tués dans la région.";
    let places = [hit(text, "Djibo", MentionRole::Named, "Sahel", "Soum", 2, 1)];
    let x = Extractor::new(None).unwrap();
    let events = x
        .extract_with_places(&doc("b", text, "2021-05-06"), &places, &[])
        .unwrap();
    assert!(events.is_empty(), "{events:#?}");
}

#[test]
fn one_event_per_place_per_day() {
    let text = "Hier, des hommes armés ont attaqué Arbinda. Les assaillants ont incendié des boutiques à Arbinda. \
                Ils ont tué 4 civils.";
    let places = [hit(text, "Arbinda", MentionRole::Named, "Sahel", "Soum", 1, 1), {
        let mut h = hit(text, "Arbinda.", MentionRole::Named, "Sahel", "Soum", 1, 1);
        let second = text.rfind("Arbinda").unwrap();
        h.byte_start = second;
        h.byte_end = second + "Arbinda".len();
        h
    }];
    let x = Extractor::new(None).unwrap();
    let events = x
        .extract_with_places(&doc("m", text, "2021-05-06"), &places, &[])
        .unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(
        events[0].sub_event_type, "Attack",
        "violence outranks the looting with it"
    );
    assert_eq!(events[0].fatalities, 4);
    assert_eq!(events[0].event_date, "2021-05-05");
}

#[test]
fn bad_documents_are_errors_not_panics() {
    let x = Extractor::new(None).unwrap();
    let err = x.extract(&doc("empty", "   ", "2024-01-01")).unwrap_err().to_string();
    assert!(err.contains("empty") && err.contains("document"), "{err}");
    let err = x
        .extract(&doc("baddate", "Des hommes armés ont attaqué Djibo.", "hier"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("baddate") && err.contains("publication date"), "{err}");
}

#[test]
fn user_lexicon_adds_an_actor() {
    let x = with_user_actors(
        "adds",
        "[[actor]]\nname = \"Front of the Test\"\ninter = 2\naliases = [\"Front du Test\"]\n",
    )
    .unwrap();
    let text = "Hier, le Front du Test a attaqué Arbinda.";
    let places = [hit(text, "Arbinda", MentionRole::Named, "Sahel", "Soum", 1, 1)];
    let events = x
        .extract_with_places(&doc("u", text, "2021-05-06"), &places, &[])
        .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].actor1, "Front of the Test");
}

#[test]
fn a_group_of_one_region_places_an_event_the_text_does_not() {
    let x = Extractor::new(None).unwrap().with_country(Some("NE".into()));
    // Our own invented village: no gazetteer knows it.
    let text = "Hier, des éléments de Boko Haram ont enlevé trois femmes à Zorbakouri.";
    let events = x.extract_with_places(&doc("r", text, "2021-05-06"), &[], &[]).unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = &events[0];
    // At the region's seat, with the seat's second-level unit as ACLED writes it.
    assert_eq!(
        (e.admin1.as_str(), e.admin2.as_str(), e.geo_precision),
        ("Diffa", "Diffa", 3)
    );
    assert!(e.latitude.is_some() && e.longitude.is_some());
    let why = e
        .evidence
        .iter()
        .find(|v| v.field == "admin1")
        .expect("admin1 evidence");
    assert_eq!(why.text, "Boko Haram");
    // A group of several regions of the country (the EIGS in Burkina Faso; in Niger it is
    // Tillabéri's) places nothing.
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let text = "Hier, des combattants de l'EIGS ont enlevé trois femmes à Zorbakouri.";
    let events = x.extract_with_places(&doc("s", text, "2021-05-06"), &[], &[]).unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].admin1, "");
    assert_eq!(events[0].latitude, None);
    // Nor does a group whose region lies in another country than the event's.
    let text = "Hier, des éléments de Boko Haram ont enlevé trois femmes à Zorbakouri.";
    let events = x.extract_with_places(&doc("t", text, "2021-05-06"), &[], &[]).unwrap();
    assert_eq!(events[0].admin1, "");
}

#[test]
fn an_armed_group_named_with_its_origin_is_of_that_country() {
    let x = Extractor::new(None).unwrap().with_country(Some("NE".into()));
    for text in [
        "Hier, des bandits armés nigérians ont enlevé trois femmes à Zorbakouri.",
        "Yesterday, suspected Nigerian armed bandits attacked the village of Zorbakouri and killed one person.",
    ] {
        let events = x.extract_with_places(&doc("o", text, "2021-05-06"), &[], &[]).unwrap();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].actor1, "Unidentified Armed Group (Nigeria)", "{text}");
        assert_eq!(events[0].actor2, "Civilians (Niger)", "{text}");
    }
    // Without an origin the group is of the event's country; Niger's forest
    // service is its Green Guards.
    let text = "Yesterday, rangers were attacked by gunmen near Zorbakouri.";
    let events = x.extract_with_places(&doc("g", text, "2021-05-06"), &[], &[]).unwrap();
    assert_eq!(events[0].actor1, "Unidentified Armed Group (Niger)");
    assert_eq!(events[0].actor2, "Police Forces of Niger (2011-2023) Green Guards");
}

#[test]
fn a_raid_that_only_takes_people_is_an_abduction() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let code = |text: &str| sole_event(&x, text, "2021-05-06").sub_event_type;
    assert_eq!(
        code("Yesterday, gunmen attacked the village of Zorbakouri and abducted six people."),
        "Abduction/forced disappearance"
    );
    assert_eq!(
        code("Hier, des hommes armés ont fait une incursion à Zorbakouri et ont enlevé une fille."),
        "Abduction/forced disappearance"
    );
    // Harm to the body, a death or a wound keeps it an attack.
    assert_eq!(
        code("Yesterday, gunmen abducted and tortured a teacher in Zorbakouri."),
        "Attack"
    );
    assert_eq!(
        code("Yesterday, gunmen attacked the village of Zorbakouri, killed one man and abducted six people."),
        "Attack"
    );
}

#[test]
fn vehicles_of_villagers_that_soldiers_burn_are_property_not_materiel() {
    let x = Extractor::new(None).unwrap().with_country(Some("NE".into()));
    let code = |text: &str| sole_event(&x, text, "2021-05-06").sub_event_type;
    assert_eq!(
        code("Yesterday, Nigerien soldiers burned eight motorbikes belonging to villagers in Zorbakouri."),
        "Looting/property destruction"
    );
    assert_eq!(
        code("Yesterday, Nigerien soldiers destroyed a vehicle and weapons of the militants in Zorbakouri."),
        "Disrupted weapons use"
    );
}

#[test]
fn a_clause_naming_neither_side_keeps_the_incidents_victims() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let text = "Yesterday, soldiers opened fire on two students on a motorbike in Zorbakouri. \
                One was killed and the other severely wounded.";
    let events = x.extract_with_places(&doc("c", text, "2021-05-06"), &[], &[]).unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].sub_event_type, "Attack", "the dead student is no combatant");
    assert_eq!(events[0].actor2, "Civilians (Burkina Faso)");
    assert_eq!(events[0].fatalities, 1);
}

#[test]
fn villagers_who_kill_militants_fight_as_a_communal_militia() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let one = |text: &str| sole_event(&x, text, "2021-05-06");
    let e = one("Hier, des villageois ont tué deux jihadistes à Zorbakouri.");
    assert_eq!(e.sub_event_type, "Armed clash");
    assert_eq!(e.actor1, "Unidentified Communal Militia (Burkina Faso)");
    assert_eq!(e.actor2, "Unidentified Armed Group (Burkina Faso)");
    assert_eq!(e.fatalities, 2);
    // Residents who turn on the police riot; militants who kill villagers attack them.
    assert_eq!(
        one("Yesterday, angry residents attacked the police station in Zorbakouri.").sub_event_type,
        "Violent demonstration"
    );
    let e = one("Yesterday, militants killed two villagers in Zorbakouri.");
    assert_eq!(
        (e.sub_event_type.as_str(), e.actor2.as_str()),
        ("Attack", "Civilians (Burkina Faso)")
    );
}

#[test]
fn crowds_of_civilians_who_act_are_a_mob() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let one = |text: &str| sole_event(&x, text, "2021-05-06");
    let pair = |e: &Event| (e.event_type.clone(), e.actor1.clone(), e.actor2.clone());
    let riot = |a2: &str| {
        (
            "Riots".to_string(),
            "Rioters (Burkina Faso)".to_string(),
            a2.to_string(),
        )
    };
    let e = one("Yesterday, villagers in Zorbakouri lynched a man accused of theft.");
    assert_eq!(pair(&e), riot("Civilians (Burkina Faso)"));
    assert_eq!((e.sub_event_type.as_str(), e.fatalities), ("Mob violence", 1));
    let e = one("Hier, des jeunes de Zorbakouri ont incendié la maison du maire.");
    assert_eq!(e.sub_event_type, "Mob violence");
    // A fight named as a noun is the crowd's, whoever else it names.
    let e = one("Yesterday, clashes between police and rioters in Zorbakouri left several people injured.");
    assert_eq!(pair(&e), riot("Police Forces of Burkina Faso (2015-2022)"));
    assert_eq!(e.sub_event_type, "Violent demonstration");
    // The crowd's own violence in a strike is a violent demonstration.
    let e = one("Yesterday, striking students assaulted two teachers in Zorbakouri.");
    assert_eq!(e.sub_event_type, "Violent demonstration");
    assert!(
        e.assoc_actor_1.starts_with("Students (Burkina Faso)"),
        "{}",
        e.assoc_actor_1
    );
    // Force against a crowd that rioted leaves the event a violent demonstration.
    let e = one("Yesterday, protesters erected barricades and burned tyres in Zorbakouri. Security forces shot at protesters, killing two.");
    assert_eq!((e.sub_event_type.as_str(), e.fatalities), ("Violent demonstration", 2));
    // A fight with an armed group that a protest is about is no violence of the crowd's.
    let e = one("Yesterday, thousands of protesters marched in Zorbakouri in support of the army fighting Boko Haram.");
    assert_eq!(e.sub_event_type, "Peaceful protest");
    // Residents who only report, or who are the victims, are not the authors.
    for text in [
        "Yesterday, residents said gunmen killed three people in Zorbakouri.",
        "Yesterday, residents of Zorbakouri were attacked by gunmen.",
        "Yesterday, residents of Zorbakouri told reporters that gunmen had killed three people.",
    ] {
        let e = one(text);
        assert_eq!(e.event_type, "Violence against civilians", "{text}");
        assert_eq!(e.actor1, "Unidentified Armed Group (Burkina Faso)", "{text}");
    }
}

#[test]
fn an_attack_on_empty_premises_destroys_property() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let one = |text: &str| sole_event(&x, text, "2021-05-06");
    let e = one("Yesterday, gunmen opened fire on the VDP headquarters in Zorbakouri while it was unmanned.");
    assert_eq!(e.sub_event_type, "Looting/property destruction");
    let e = one("Hier, des hommes armés ont attaqué le poste de police abandonné de Zorbakouri.");
    assert_eq!(e.sub_event_type, "Looting/property destruction");
    // Manned, or with a fight told, it stays a clash.
    let e = one("Yesterday, gunmen opened fire on the VDP headquarters in Zorbakouri.");
    assert_eq!(e.sub_event_type, "Armed clash");
    let e = one("Yesterday, gunmen attacked the empty police station in Zorbakouri and clashed with a patrol.");
    assert_eq!(e.sub_event_type, "Armed clash");
}

#[test]
fn an_explosion_that_opens_a_fight_is_an_armed_clash() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let one = |text: &str| sole_event(&x, text, "2021-05-06").sub_event_type;
    assert_eq!(
        one("Yesterday, militants detonated an IED against an army convoy near Zorbakouri, followed by small arms fire."),
        "Armed clash"
    );
    assert_eq!(
        one("Hier, une patrouille a sauté sur une mine près de Zorbakouri, suivie de tirs des assaillants."),
        "Armed clash"
    );
    assert_eq!(
        one("Yesterday, militants detonated an IED against an army convoy near Zorbakouri."),
        "Remote explosive/landmine/IED"
    );
    assert_eq!(
        one("Yesterday, militants attacked the army base in Zorbakouri with two suicide car bombs followed by an armed assault."),
        "Armed clash"
    );
    assert_eq!(
        one("Yesterday, a suicide bomber blew himself up at the market of Zorbakouri."),
        "Suicide bomb"
    );
    // The explosive a fighter carries is not the means of the event.
    assert_eq!(
        one("Yesterday, the police killed a militant equipped with an IED in Zorbakouri."),
        "Armed clash"
    );
}

#[test]
fn a_national_guard_is_named_as_acled_names_it_and_exchanged_gunfire_is_a_clash() {
    let x = Extractor::new(None).unwrap().with_country(Some("NE".into()));
    let e = sole_event(
        &x,
        "Yesterday, gunmen shot dead a national guardsman in Ayorou.",
        "2020-02-28",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    assert_eq!(e.actor2, "Police Forces of Niger (2011-2023) National Guard");
    let e = sole_event(
        &x,
        "Yesterday, a patrol and suspected ISGS militants exchanged gunfire near Ayorou.",
        "2020-02-28",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
}

#[test]
fn the_source_of_a_report_is_no_participant() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    for text in [
        "L'attaque de Zorbakouri, hier, a fait 12 morts selon le bilan donné par le gouvernement.",
        "Yesterday, the attack on Zorbakouri killed 12 people, according to a statement released by the army.",
    ] {
        let e = sole_event(&x, text, "2022-06-14");
        assert_eq!(e.sub_event_type, "Attack", "{text}");
        assert_eq!(e.actor1, "Unidentified Armed Group (Burkina Faso)", "{text}");
    }
    // Named with "par" after an event word, the same actor is the author.
    let e = sole_event(&x, "Hier, Zorbakouri a été attaqué par l'armée.", "2022-06-14");
    assert_eq!(e.actor1, "Military Forces of Burkina Faso (2022-)");
}

#[test]
fn where_the_attackers_went_is_not_where_the_event_was() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    for text in [
        "Hier, des hommes armés ont attaqué le commissariat de Gassan. Ils ont tiré jusqu'à 7h avant de se replier par la route du village de Kota.",
        "Yesterday, gunmen attacked the police station in Gassan, then withdrew north toward Kota.",
    ] {
        let events = x.extract(&doc("d", text, "2021-12-03")).unwrap();
        let places: Vec<&str> = events.iter().map(|e| e.location.as_str()).collect();
        assert_eq!(places, ["Gassan"], "{text}");
    }
}

#[test]
fn crowds_and_gunmen_named_by_their_origin_take_its_country() {
    let x = Extractor::new(None).unwrap().with_country(Some("NE".into()));
    let one = |text: &str| sole_event(&x, text, "2020-01-06");
    let e = one("Yesterday, Sudanese asylum seekers demonstrated in front of the UNHCR office in Agadez.");
    assert_eq!(
        (e.sub_event_type.as_str(), e.actor1.as_str()),
        ("Peaceful protest", "Protesters (Sudan)")
    );
    let e = one("Hier, des réfugiés soudanais ont incendié le centre d'accueil d'Agadez.");
    assert_eq!(e.actor1, "Rioters (Sudan)");
    let e = one("Yesterday, unknown gunmen reportedly coming from Nigeria attacked the village of Karamini.");
    assert_eq!(e.actor1, "Unidentified Armed Group (Nigeria)");
    let e = one("Yesterday, militants killed two Malian refugees near Ayorou.");
    assert_eq!(e.actor2, "Civilians (Mali)");
    // Without an origin, the crowd is the event's country's.
    assert_eq!(
        one("Yesterday, students demonstrated in Agadez.").actor1,
        "Protesters (Niger)"
    );
}

#[test]
fn an_event_placed_at_the_country_alone_is_left_out_unless_asked_for() {
    let d = doc(
        "country-only",
        "Mardi 5 mars, des hommes armés ont tué trois bergers au Burkina Faso, selon un élu.",
        "2024-03-06",
    );
    assert!(Extractor::new(None).unwrap().extract(&d).unwrap().is_empty());
    let kept = Extractor::new(None).unwrap().with_unplaced(true).extract(&d).unwrap();
    assert_eq!(kept.len(), 1, "{kept:#?}");
    assert_eq!(
        (kept[0].country.as_str(), kept[0].admin1.as_str()),
        ("Burkina Faso", "")
    );
}

#[test]
fn forces_named_by_an_abbreviated_country_are_that_country_s_in_acled_s_wording() {
    let x = Extractor::new(None).unwrap().with_country(Some("SY".into()));
    // "U.S." is the United States: the Virgin Islands' "Virgin Islands, U.S." once
    // lent it to them through the comma of the lexicon's list of names.
    let e = sole_event(
        &x,
        "On Tuesday, U.S. troops shelled an army depot outside Aleppo, Syria, killing four Syrian soldiers.",
        "2019-04-12",
    );
    let mut sides = [e.actor1.as_str(), e.actor2.as_str()];
    sides.sort();
    assert_eq!(
        sides,
        [
            "Military Forces of Syria",
            "Military Forces of the United States (2017-2021)"
        ]
    );
    // ACLED's article belongs to the state forces' label only.
    let e = sole_event(
        &x,
        "Yesterday, American students marched in Boston against the war.",
        "2019-04-12",
    );
    assert_eq!(e.actor1, "Protesters (United States)");
}

#[test]
fn allies_are_not_opponents_and_a_government_does_not_meet_a_crowd() {
    let x = Extractor::new(None).unwrap().with_country(Some("NE".into()));
    let one = |text: &str| sole_event(&x, text, "2020-03-06");
    let e = one(
        "Yesterday, French Barkhane forces conducted an airstrike in coordination with Nigerien forces near Ayorou, \
         killing ten ISGS militants.",
    );
    assert_eq!(e.actor1, "Military Forces of France (2017-)");
    assert_eq!(e.actor2, "Islamic State (Greater Sahara)");
    let e = one("Yesterday, residents of Tera protested against a ban imposed by the government; security forces dispersed them.");
    assert_eq!(e.sub_event_type, "Protest with intervention");
    assert_eq!(e.actor2, "Police Forces of Niger (2011-2023)");
}

#[test]
fn the_subject_of_the_verb_after_an_event_noun_is_its_author() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let one = |text: &str| sole_event(&x, text, "2020-11-20");
    let e = one("Pillage à Zorbakouri : hier, des militants du JNIM ont volé les vivres d'une ONG.");
    assert_eq!(e.sub_event_type, "Looting/property destruction");
    assert_eq!(e.actor1, "JNIM: Group for Support of Islam and Muslims");
    assert_eq!(e.actor2, "Civilians (Burkina Faso)");
    // The dead left behind name the other side of an operation.
    let e = one("Yesterday, French Barkhane forces conducted ground operations near Zorbakouri. Several corpses of ISGS militants were left behind.");
    let mut sides = [e.actor1.as_str(), e.actor2.as_str()];
    sides.sort();
    assert_eq!(
        sides,
        ["Islamic State (Greater Sahara)", "Military Forces of France (2017-)"]
    );
}

#[test]
fn an_article_after_a_kill_verb_is_one_victim() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let dead = |text: &str| sole_event(&x, text, "2020-09-08").fatalities;
    assert_eq!(
        dead("Yesterday, gunmen assassinated a school director in Zorbakouri."),
        1
    );
    assert_eq!(dead("Hier, des terroristes ont tué un commerçant à Zorbakouri."), 1);
    // A count after the article, or a place after a French "a" written without its accent.
    assert_eq!(dead("Yesterday, gunmen killed a total of 12 people in Zorbakouri."), 12);
    assert_eq!(dead("Hier, 34 terroristes neutralises a Zorbakouri par l'armee."), 34);
}

#[test]
fn an_incursion_that_only_burns_and_loots_destroys_property() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let one = |text: &str| sole_event(&x, text, "2020-09-16").sub_event_type;
    assert_eq!(
        one("Yesterday, gunmen made an incursion into Zorbakouri. They ransacked and burned the town hall."),
        "Looting/property destruction"
    );
    assert_eq!(
        one("Yesterday, gunmen made an incursion into Zorbakouri and killed two people. They burned the town hall."),
        "Attack"
    );
}

#[test]
fn weekdays_and_english_words_a_french_stem_folds_into_tell_nothing() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let one = |text: &str| sole_event(&x, text, "2020-05-08");
    // "Tuesday" folds like "tué…", and "On Tuesday," is a date, not "fired on".
    let e = one("On Tuesday, gunmen attacked the village of Zorbakouri, killing 3 civilians.");
    assert_eq!((e.sub_event_type.as_str(), e.fatalities), ("Attack", 3));
    assert_eq!(e.actor1, "Unidentified Armed Group (Burkina Faso)");
    let e = one("On Tuesday, gunmen set fire to a Protestant church in Zorbakouri.");
    assert_eq!(e.event_type, "Strategic developments");
}

#[test]
fn the_executed_are_out_of_combat() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let e = sole_event(
        &x,
        "Yesterday, soldiers summarily executed five suspected militants in Zorbakouri.",
        "2020-02-03",
    );
    assert_eq!(e.sub_event_type, "Attack");
    assert_eq!(e.actor2, "Civilians (Burkina Faso)");
    assert_eq!(e.fatalities, 5);
}

#[test]
fn a_visit_to_the_victims_tells_the_attack_and_its_toll() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let e = sole_event(
        &x,
        "Le gouverneur s'est rendu à Zorbakouri pour témoigner sa compassion aux victimes de l'attaque terroriste \
         de la nuit du 11 au 12 juin 2022, qui a coûté la vie à 86 personnes.",
        "2022-06-15",
    );
    assert_eq!((e.event_date.as_str(), e.fatalities), ("2022-06-11", 86));
    // What "was the object of an attack" did not attack; a light verb keeps its subject the
    // author ("ont mené une attaque").
    let e = sole_event(
        &x,
        "Le poste forestier de Zorbakouri a été l'objet d'une attaque dans la nuit du 20 au 21 février 2022, selon un \
         communiqué du ministère.",
        "2022-02-22",
    );
    assert_eq!(e.actor1, "Unidentified Armed Group (Burkina Faso)");
    assert_eq!(e.actor2, "Police Forces of Burkina Faso (2022-) Forest Guards");
    let e = sole_event(
        &x,
        "Hier, des militants du JNIM ont mené une attaque contre Zorbakouri.",
        "2022-06-15",
    );
    assert_eq!(e.actor1, "JNIM: Group for Support of Islam and Muslims");
}

#[test]
fn forces_of_one_state_that_are_only_attacked_face_an_unnamed_attacker() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let one = |text: &str| sole_event(&x, text, "2021-05-06");
    for text in [
        "Hier, dix-neuf soldats et un civil ont été tués dans l'attaque du détachement de gendarmerie de Zorbakouri.",
        // "ont trouvé la mort": the subject dies, it kills nobody.
        "Dix-neuf soldats ont trouvé la mort hier dans l'attaque du détachement de gendarmerie de Zorbakouri.",
    ] {
        let e = one(text);
        assert_eq!(e.sub_event_type, "Armed clash", "{text}");
        assert_eq!(e.actor1, "Unidentified Armed Group (Burkina Faso)", "{text}");
        assert!(
            e.actor2.starts_with("Military Forces of Burkina Faso"),
            "{text}: {}",
            e.actor2
        );
    }
    // Soldiers named as the authors still fight the police.
    let e = one("Yesterday, soldiers attacked a police station in Zorbakouri. Two police officers were wounded.");
    assert!(e.actor1.starts_with("Military Forces"), "{}", e.actor1);
    assert!(e.actor2.starts_with("Police Forces"), "{}", e.actor2);
}

#[test]
fn a_paragraph_that_names_no_place_goes_on_with_the_incident_before_it() {
    let text = "L'armée annonce que 36 terroristes ont été neutralisés à Arbinda le 20 mars 2022.\n\
                Malheureusement, 4 soldats ont perdu la vie au cours de ladite opération.";
    let places = [hit(text, "Arbinda", MentionRole::Named, "Sahel", "Soum", 1, 1)];
    let x = Extractor::new(None).unwrap();
    let events = x
        .extract_with_places(&doc("p", text, "2022-03-22"), &places, &[])
        .unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].location, "Arbinda");
    assert_eq!(events[0].fatalities, 40);
}

#[test]
fn generic_fighters_are_not_the_militia_they_fight() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let text = "Hier, des terroristes ont tué deux VDP à Djibo.";
    let events = x.extract_with_places(&doc("v", text, "2022-05-30"), &[], &[]).unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].sub_event_type, "Armed clash");
    assert_eq!(events[0].actor1, "Unidentified Armed Group (Burkina Faso)");
    assert!(events[0].actor2.starts_with("VDP"), "{}", events[0].actor2);
    // Beside a named rebel group they are that group.
    let text = "Yesterday, presumed ISGS militants killed two civilians in Djibo.";
    let events = x.extract_with_places(&doc("i", text, "2020-06-20"), &[], &[]).unwrap();
    assert_eq!(events[0].actor1, "Islamic State (Greater Sahara)");
}

#[test]
fn the_object_of_an_attack_word_is_what_was_attacked() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    // The dead named first are no fighters, and no militia either.
    let text = "Quarante personnes ont péri hier dans l'attaque contre la colonne de volontaires pour la \
                défense de la patrie et de civils près de Djibo.";
    let events = x.extract_with_places(&doc("o", text, "2021-12-24"), &[], &[]).unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].sub_event_type, "Armed clash");
    assert_eq!(events[0].actor1, "Unidentified Armed Group (Burkina Faso)");
    assert!(events[0].actor2.starts_with("VDP"), "{}", events[0].actor2);
    // "chef-lieu" is a town, not a village chief fighting back.
    let text = "Des gendarmes de Gaoua, chef-lieu de la région, ont neutralisé hier 22 terroristes près de Djibo.";
    let events = x.extract_with_places(&doc("c", text, "2022-06-29"), &[], &[]).unwrap();
    assert!(!events[0].actor1.contains("Communal Militia"), "{}", events[0].actor1);
}

#[test]
fn an_area_that_is_no_region_is_a_lexicon_error() {
    let err = with_user_actors(
        "areas",
        "[[actor]]\nname = \"Front of the Test\"\ninter = 2\nareas = [\"NE:Atlantis\"]\n",
    )
    .err()
    .expect("an error")
    .to_string();
    assert!(err.contains("actors.toml") && err.contains("NE:Atlantis"), "{err}");
}

#[test]
fn a_date_word_is_not_a_place() {
    let text = "Hier, des hommes armés ont tué trois civils à Djibo.";
    let mut heers = hit(text, "Hier", MentionRole::Named, "Flanders", "Limburg", 7, 1);
    heers.mention.country = "Belgium".into();
    heers.mention.country_code = "BE".into();
    let places = [heers, hit(text, "Djibo", MentionRole::Named, "Sahel", "Soum", 2, 1)];
    let x = Extractor::new(None).unwrap();
    let events = x
        .extract_with_places(&doc("d", text, "2022-05-03"), &places, &[])
        .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].location, "Djibo");
    assert_eq!(events[0].actor2, "Civilians (Burkina Faso)");
    assert_eq!(events[0].event_date, "2022-05-02");
    assert_eq!(events[0].fatalities, 3);
}

#[test]
fn an_incident_told_over_two_sentences_takes_the_place_of_the_first() {
    // The first sentence names the village but has no event word; the second
    // has the event and no place.
    let mut d = doc(
        "two-sentences",
        "On 9 October 2020, militants entered the village of Hombori. They burned the town hall and looted shops.",
        "2020-10-12",
    );
    d.country = Some("ML".into());
    let events = Extractor::new(None).unwrap().extract(&d).unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].location, "Hombori");
    assert_eq!(events[0].country, "Mali");
    assert_eq!(events[0].event_date, "2020-10-09");
    assert_evidence_quotes(&d, &events);
}

#[test]
fn the_lexicon_directory_also_extends_the_geoparser() {
    // A user who declares "Hombori" a person's name in geoparse-person-names.txt
    // gets no place from it in `veille extract --lexicon DIR`.
    let dir = std::env::temp_dir().join(format!("veille-lexicon-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("geoparse-person-names.txt"), "hombori\n").unwrap();
    let mut d = doc(
        "lexicon-dir",
        "On 9 October 2020, militants attacked Hombori and burned the town hall.",
        "2020-10-12",
    );
    d.country = Some("ML".into());
    let with_user_list = Extractor::new(Some(&dir)).unwrap().extract(&d).unwrap();
    let built_in = Extractor::new(None).unwrap().extract(&d).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(built_in.iter().any(|e| e.location == "Hombori"), "{built_in:#?}");
    assert!(
        with_user_list.iter().all(|e| e.location != "Hombori"),
        "{with_user_list:#?}"
    );
}

/// The one event of a short English report from Mali.
fn only_event(id: &str, text: &str) -> Event {
    only_event_in("ML", id, text, "2020-10-12")
}

/// The one event of a document from a source focused on `country`, its evidence checked.
fn only_event_in(country: &str, id: &str, text: &str, published: &str) -> Event {
    let events = events_in(country, id, text, published);
    assert_eq!(events.len(), 1, "{events:#?}");
    events.into_iter().next().unwrap()
}

#[test]
fn a_vehicle_stopped_by_gunmen_on_the_road_is_an_event() {
    let e = only_event_in(
        "BF",
        "bus-stopped",
        "Samedi 4 juin 2022, un minibus de voyageurs a été intercepté près de Kantchari par des individus armés.",
        "2022-06-06",
    );
    assert_eq!(e.event_date, "2022-06-04");
    assert_eq!(e.actor1, "Unidentified Armed Group (Burkina Faso)");
    assert_eq!(e.location, "Kantchari");
}

#[test]
fn men_fallen_on_a_day_are_the_dead_of_that_day() {
    let e = only_event_in(
        "BF",
        "fallen",
        "Les trois policiers tombés le lundi 6 juin 2022 à Kantchari sous les balles des terroristes ont été inhumés hier à Fada.",
        "2022-06-09",
    );
    assert_eq!(
        (e.event_date.as_str(), e.location.as_str(), e.fatalities),
        ("2022-06-06", "Kantchari", 3)
    );
    // Alone, a day something fell is no death: a verdict, the rain.
    assert!(events_in(
        "BF",
        "verdict",
        "Le verdict est tombé le lundi 6 juin 2022 à Fada.",
        "2022-06-09"
    )
    .is_empty());
}

#[test]
fn a_toll_that_may_have_been_is_no_toll() {
    let e = only_event_in(
        "BF",
        "may-have",
        "On 6 September 2022, police fired on a crowd of traders in Kaya, killing one man. Officials say as many as 40 more may have died in the clashes that followed.",
        "2022-09-07",
    );
    assert_eq!(e.fatalities, 1);
}

#[test]
fn a_killer_sought_is_no_killing_told() {
    assert!(events_in(
        "BF",
        "killer",
        "On 6 September 2022, relatives in Kaya said the shopkeeper's killer still walks free.",
        "2022-09-07",
    )
    .is_empty());
    assert!(events_in(
        "BF",
        "murderers",
        "A memorial in Kaya on 6 September 2022 named the murderers of the two farmers.",
        "2022-09-07",
    )
    .is_empty());
}

#[test]
fn a_vehicle_attacked_on_its_way_is_placed_where_it_was_hit_not_where_it_came_from() {
    for (id, text) in [
        (
            "de-retour",
            "De retour de Kaya pour Dori, un camion de commerçants a été incendié par des hommes armés le 3 mars 2022 près de Sebba.",
        ),
        (
            "provenance",
            "Le 3 mars 2022, un car en provenance de Kaya a été incendié par des hommes armés près de Sebba.",
        ),
    ] {
        let e = only_event_in("BF", id, text, "2022-03-05");
        assert_eq!(e.location, "Sebba", "{id}: {e:?}");
    }
}

#[test]
fn a_vehicle_taken_by_gunmen_is_placed_where_it_was_taken_not_where_it_was_bound() {
    let e = only_event_in(
        "BF",
        "ambulance",
        "Le 3 mars 2022, un camion en route vers Kaya a été retiré par des individus armés près de Dori.",
        "2022-03-05",
    );
    assert_eq!(
        (e.sub_event_type.as_str(), e.location.as_str()),
        ("Looting/property destruction", "Dori")
    );
    // An office withdraws a bill or a licence: no event.
    assert!(events_in(
        "BF",
        "bill",
        "Le 3 mars 2022, le projet de loi a été retiré par le gouvernement à Ouagadougou.",
        "2022-03-05"
    )
    .is_empty());
}

#[test]
fn people_taken_alongside_the_dead_are_not_counted() {
    for (text, dead) in [
        (
            "On 3 June 2020, soldiers raided the village of Tessit, killing two civilians and arresting 26 others.",
            2,
        ),
        (
            "On 3 June 2020, gunmen attacked a post in Tessit, killing three soldiers and kidnapping one.",
            3,
        ),
        (
            "On 3 June 2020, soldiers engaged militants in Tessit, killing four militants and capturing two.",
            4,
        ),
    ] {
        assert_eq!(only_event("taken-alongside", text).fatalities, dead, "{text}");
    }
}

#[test]
fn dead_told_as_others_add_to_the_toll() {
    let e = only_event(
        "others-add",
        "On 3 June 2020, soldiers arrested six herders in Tessit; one was beaten to death and the five others summarily executed.",
    );
    assert_eq!(e.fatalities, 6);
}

#[test]
fn people_arrested_then_executed_are_the_dead() {
    for text in [
        "On 3 June 2020, soldiers arrested seven members of the Peul community in Tessit, the individuals were summarily executed.",
        "On 3 June 2020, soldiers arrested seven herders in Tessit, those arrested were driven out of the village and summarily executed.",
    ] {
        assert_eq!(only_event("arrested-executed", text).fatalities, 7, "{text}");
    }
}

#[test]
fn a_person_and_a_companion_are_two_dead() {
    for text in [
        "On 3 June 2020, gunmen ambushed a convoy near Tessit, killing a senior commander and his driver.",
        "On 3 June 2020, gunmen assassinated a village chief and his associate in Tessit.",
    ] {
        assert_eq!(only_event("companion", text).fatalities, 2, "{text}");
    }
}

#[test]
fn suicide_bombers_who_blew_themselves_up_are_among_the_dead() {
    for (text, dead) in [
        (
            "On 3 June 2020, two suicide bombers detonated their belts at the market of Tessit, killing 9 people.",
            11,
        ),
        ("On 3 June 2020, a suicide bomber carried out an attack in Tessit, killing one soldier.", 2),
        (
            "On 3 June 2020, a suicide bomber was arrested in Tessit before he could detonate his belt. One soldier was killed.",
            1,
        ),
    ] {
        assert_eq!(only_event("bombers", text).fatalities, dead, "{text}");
    }
}

#[test]
fn counts_of_each_side_add_up() {
    // The first count names its people only after the second; a date written "25/5" is no count.
    let e = only_event(
        "sides-add",
        "On 3 June 2020, militants attacked the camp of Tessit, killing 14 Malian and 3 Nigerien soldiers. 20 militants killed.",
    );
    assert_eq!(e.fatalities, 37);
    let e = only_event(
        "two-verbs",
        "On 3/6, in Tessit, two herders were beaten to death and four women killed by a mob.",
    );
    assert_eq!(e.fatalities, 6);
}

#[test]
fn dead_told_without_their_own_verb_share_the_one_before() {
    for (text, dead) in [
        ("On 3 June 2020, soldiers clashed with rebels near Tessit. 12 rebels were killed and one soldier.", 13),
        (
            "On 3 June 2020, gunmen attacked a checkpoint in Tessit. 3 dead in the ranks of the gendarmerie and 2 civilians.",
            5,
        ),
        (
            "On 3 June 2020, three militants attacked the gendarmerie of Tessit, two gendarmes were killed and one gendarme wounded, all assailants killed.",
            5,
        ),
        ("On 3 June 2020, a soldier shot dead two colleagues in Tessit and later killed himself.", 3),
        (
            "On 3 June 2020, an air strike hit the island of Tessit, and reportedly killed and wounded severely an unspecified number of fishermen.",
            3,
        ),
    ] {
        assert_eq!(only_event("elliptic", text).fatalities, dead, "{text}");
    }
}

#[test]
fn dead_of_an_earlier_attack_or_a_guess_are_not_the_toll() {
    for (text, dead) in [
        (
            "On 3 June 2020, soldiers killed two militants near Tessit, the militants had taken part in an attack three days earlier which had killed at least six civilians.",
            2,
        ),
        (
            "On 3 June 2020, gunmen shot dead four policemen in Tessit. Soldiers responded, injuring and perhaps killing some attackers.",
            4,
        ),
        ("On 3 June 2020, many militants were killed by air strikes near Tessit.", 3),
    ] {
        assert_eq!(only_event("earlier-guess", text).fatalities, dead, "{text}");
    }
}

#[test]
fn a_crowd_that_marches_protests() {
    let e = only_event("march-in", "On 3 June 2020, 2,000 people march in Gao over power cuts.");
    assert_eq!(e.sub_event_type, "Peaceful protest");
}

#[test]
fn forces_moved_recruited_or_deserting_are_a_change_of_activity() {
    for text in [
        "On 3 June 2020, 300 Chadian troops began arriving in Gao to reinforce the army.",
        "On 3 June 2020, JNIM has begun recruiting young men in the villages around Gao.",
        "On 3 June 2020, about 200 soldiers deserted from the army camp of Gao.",
        "On 3 June 2020, JNIM militants entered the village of Gao and left the same day.",
    ] {
        let e = only_event("movement", text);
        assert_eq!(e.sub_event_type, "Change to group/activity", "{text}");
    }
}

#[test]
fn officers_held_for_questioning_are_arrested_and_a_building_on_fire_destroyed() {
    let e = only_event(
        "questioning",
        "On 3 June 2020, the gendarmerie took in several army officers for questioning in Gao.",
    );
    assert_eq!(e.sub_event_type, "Arrests");
    let e = only_event("on-fire", "On 3 June 2020, militants set the town hall of Gao on fire.");
    assert_eq!(e.sub_event_type, "Looting/property destruction");
}

#[test]
fn a_body_taken_to_the_morgue_is_one_death() {
    let e = only_event(
        "morgue",
        "On 3 June 2020, a civilian was shot in unclear circumstances near the camp of Gao, and the corpse left at the morgue.",
    );
    assert_eq!(e.fatalities, 1);
}

#[test]
fn a_would_be_bomber_shot_dead_is_an_event_with_one_dead() {
    let e = only_event(
        "would-be",
        "On 3 June 2020, a would-be suicide bomber was shot dead next to the army post of Gao.",
    );
    assert_eq!(e.fatalities, 1);
}

#[test]
fn political_opponents_who_attack_are_a_mob() {
    let e = only_event(
        "opponents",
        "On 3 June 2020, political opponents attacked and injured the newly elected mayor of Gao.",
    );
    assert_eq!(e.sub_event_type, "Mob violence");
    assert_eq!(e.actor1, "Rioters (Mali)");
}

#[test]
fn unknown_and_unconfirmed_tolls_are_not_counted() {
    let e = only_event(
        "how-many",
        "On 3 June 2020, soldiers clashed with militants in Tessit; one militant was killed. It is not known how many died.",
    );
    assert_eq!(e.fatalities, 1);
    let e = only_event(
        "unconfirmed",
        "On 3 June 2020, militants attacked the army camp in Tessit, killing 12 soldiers. Unconfirmed reports indicated that 30 more bodies were found at the site of the clashes.",
    );
    assert_eq!(e.fatalities, 12);
}

#[test]
fn riot_words_in_the_hands_of_an_armed_group_are_destruction() {
    let e = only_event(
        "armed-ransack",
        "On 9 October 2020, JNIM militants attacked the town hall of Hombori, no casualties reported, and the offices were ransacked and burned.",
    );
    assert_eq!(e.sub_event_type, "Looting/property destruction");
    assert_eq!(e.actor1, "JNIM: Group for Support of Islam and Muslims");
}

#[test]
fn police_met_a_riot_in_another_sentence() {
    let e = only_event(
        "riot-police",
        "On 9 October 2020, students rioted in Hombori. They set a car on fire. Police responded by firing tear gas into the crowd.",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration");
    assert_eq!(e.actor1, "Rioters (Mali)");
    assert!(e.actor2.starts_with("Police Forces of Mali"), "{}", e.actor2);
}

#[test]
fn rangers_are_armed_and_governments_fight_through_their_forces() {
    let e = only_event(
        "rangers",
        "On 9 October 2020, gunmen attacked the ranger station of Hombori and wounded two rangers.",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    assert!(e.actor2.ends_with("Forest Guards"), "{}", e.actor2);
    let e = only_event(
        "mutiny",
        "On 9 October 2020, the government regained control of Hombori, taken by mutinous soldiers after two days of fighting.",
    );
    assert_eq!(e.sub_event_type, "Government regains territory");
    let actors = [e.actor1.as_str(), e.actor2.as_str()];
    assert!(
        actors
            .iter()
            .any(|a| a.starts_with("Mutiny of Military Forces of Mali")),
        "{actors:?}"
    );
    assert!(
        actors.iter().any(|a| a.starts_with("Military Forces of Mali")),
        "{actors:?}"
    );
}

#[test]
fn counts_joined_by_and_add_up() {
    let e = only_event(
        "joined-counts",
        "On 9 October 2020, JNIM and ISGS militants clashed near Hombori; 5 ISGS and 2 JNIM militants were killed.",
    );
    assert_eq!(e.fatalities, 7);
    let e = only_event(
        "joined-after-verb",
        "On 9 October 2020, militants ambushed a patrol in Hombori, killing three soldiers and one volunteer fighter, and wounding five others.",
    );
    assert_eq!(e.fatalities, 4);
}

#[test]
fn a_peaceful_protest_has_no_toll() {
    let e = only_event(
        "protest-motive",
        "On 9 October 2020, over 3,000 people marched in Hombori for an inquiry into the death of two traders and began a 72-hour strike.",
    );
    assert_eq!(e.sub_event_type, "Peaceful protest");
    assert_eq!(e.fatalities, 0);
    assert!(field(&e, "fatalities").is_empty());
}

#[test]
fn what_protesters_denounce_does_not_cancel_their_protest() {
    let e = only_event(
        "protest-content",
        "On 9 October 2020, teachers in Hombori staged a sit-in over the condemnation of a colleague, demanding a previously signed agreement.",
    );
    assert_eq!(e.sub_event_type, "Peaceful protest");
    // A background cue before the protest word still makes it history.
    let mut d = doc(
        "protest-history",
        "For years, teachers in Hombori have protested over unpaid wages.",
        "2020-10-12",
    );
    d.country = Some("ML".into());
    assert!(Extractor::new(None).unwrap().extract(&d).unwrap().is_empty());
}

#[test]
fn a_target_named_before_attacked_by_is_the_target() {
    let e = only_event(
        "attacked-by",
        "On 9 October 2020, the gendarmerie post of Hombori attacked by unknown gunmen: two gendarmes wounded.",
    );
    assert_eq!(e.actor1, "Unidentified Armed Group (Mali)");
    assert!(e.actor2.ends_with("Gendarmerie"), "{}", e.actor2);
    assert_eq!(e.sub_event_type, "Armed clash");
}

#[test]
fn villagers_who_repel_militants_are_a_communal_militia() {
    let e = only_event(
        "repelled",
        "On 9 October 2020, JNIM militants attacked the village of Hombori and were repelled by villagers.",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    let actors = [e.actor1.as_str(), e.actor2.as_str()];
    assert!(actors.contains(&"Hombori Communal Militia (Mali)"), "{actors:?}");
    assert!(
        actors.contains(&"JNIM: Group for Support of Islam and Muslims"),
        "{actors:?}"
    );
}

#[test]
fn farmers_and_herders_who_clash_are_communal_militias() {
    let e = only_event(
        "communal-clash",
        "On 9 October 2020, farmers and herders clashed in the village of Hombori, leaving three dead.",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    assert_eq!(e.actor1, "Hombori Communal Militia (Mali)");
    assert_eq!(e.inter1, 4);
    assert_eq!(e.fatalities, 3);
}

#[test]
fn mutineers_who_take_a_town_overtake_it() {
    let e = only_event(
        "mutiny-takeover",
        "On 9 October 2020, soldiers mutinied over unpaid wages and took over the town of Hombori.",
    );
    assert_eq!(e.sub_event_type, "Non-state actor overtakes territory");
    assert!(
        e.actor1.starts_with("Mutiny of Military Forces of Mali"),
        "{}",
        e.actor1
    );
    // The same told with a gerund.
    let e = only_event(
        "mutiny-takeover-gerund",
        "On 9 October 2020, soldiers mutinied over unpaid wages by taking over the town of Hombori.",
    );
    assert_eq!(e.sub_event_type, "Non-state actor overtakes territory");
}

#[test]
fn who_the_crowd_and_the_victims_are_fills_the_assoc_actors() {
    let e = only_event(
        "assoc-protest",
        "On 9 October 2020, students and teachers staged a sit-in in Hombori to demand the reopening of schools.",
    );
    assert_eq!(e.actor1, "Protesters (Mali)");
    assert_eq!(e.assoc_actor_1, "Students (Mali); Teachers (Mali)");
    assert!(field(&e, "assoc_actor_1").contains(&"students"));
    let e = only_event(
        "assoc-victims",
        "On 9 October 2020, JNIM militants killed three Fulani herders in the village of Hombori.",
    );
    assert_eq!(e.actor2, "Civilians (Mali)");
    assert_eq!(e.assoc_actor_1, "");
    assert_eq!(e.assoc_actor_2, "Fulani Ethnic Group (Mali); Pastoralists (Mali)");
}

#[test]
fn named_unions_and_parties_are_associates_under_acled_names() {
    // A union named by its acronym stands for the workers it brings out: ACLED names the
    // union alone, not "Labour Group" as well.
    let e = only_event(
        "assoc-union",
        "On 3 March 2021, SYNTSHA workers staged a sit-in in front of the hospital of Kaya to demand their bonuses.",
    );
    assert!(e.actor1.starts_with("Protesters"), "{}", e.actor1);
    assert_eq!(
        e.assoc_actor_1,
        "SYNTSHA: National Union of Human and Animal Health Workers"
    );
    // A party named by its French name, with the victim it belongs to.
    let e = only_event(
        "assoc-party",
        "Le 3 mars 2021, des hommes armés ont enlevé un membre du Congrès pour la démocratie et le progrès à Kaya.",
    );
    assert!(e.actor2.starts_with("Civilians"), "{}", e.actor2);
    assert_eq!(e.assoc_actor_2, "CDP: Congress for Democracy and Progress");
}

#[test]
fn local_government_hit_is_the_victims_associate_with_its_regime() {
    let e = only_event(
        "assoc-councilor",
        "On 9 October 2020, JNIM militants abducted a municipal councilor in the village of Hombori.",
    );
    assert!(e.actor2.starts_with("Civilians"), "{}", e.actor2);
    assert_eq!(e.assoc_actor_2, "Government of Mali (2020-2021)");
    // The councilor's son is not of the government, and a crowd in front of the town hall
    // says where it is, not who it is.
    let e = only_event(
        "assoc-councilor-son",
        "On 9 October 2020, JNIM militants abducted the son of a municipal councilor in the village of Hombori.",
    );
    assert_eq!(e.assoc_actor_2, "");
    let e = only_event(
        "assoc-town-hall-protest",
        "On 9 October 2020, residents staged a sit-in in front of the town hall of Hombori to demand water.",
    );
    assert!(e.actor1.starts_with("Protesters"), "{}", e.actor1);
    assert_eq!(e.assoc_actor_1, "");
}

#[test]
fn transport_and_trade_workers_hit_are_labour() {
    let e = only_event(
        "assoc-apprentice",
        "On 9 October 2020, gunmen abducted a truck driver and his apprentice near Hombori.",
    );
    assert!(e.actor2.starts_with("Civilians"), "{}", e.actor2);
    assert_eq!(e.assoc_actor_2, "Labour Group (Mali)");
}

#[test]
fn communities_that_fight_are_their_militias_associates_in_the_text_order() {
    let e = only_event(
        "assoc-communal-clash",
        "On 9 October 2020, farmers and herders clashed in the village of Hombori, two people were killed.",
    );
    assert_eq!(e.inter1, 4);
    assert_eq!(e.assoc_actor_1, "Farmers (Mali)");
    assert_eq!(e.assoc_actor_2, "Pastoralists (Mali)");
}

#[test]
fn victims_named_before_the_event_word_are_its_associates() {
    let e = only_event(
        "assoc-victims-before",
        "On 9 October 2020, soldiers arrested four Fulani herders at the market of Hombori; the men were later executed.",
    );
    assert_eq!(e.sub_event_type, "Attack");
    assert_eq!(e.assoc_actor_2, "Fulani Ethnic Group (Mali); Pastoralists (Mali)");
    // Not the passers-by a mine kills.
    let e = only_event(
        "assoc-victims-mine",
        "On 9 October 2020, two women were killed when their cart struck an IED near Hombori.",
    );
    assert_eq!(e.assoc_actor_2, "");
}

#[test]
fn a_sub_group_named_with_its_group_is_its_associate() {
    let e = only_event(
        "subgroup",
        // 2019: from 2020 ACLED names Katiba Macina itself (the test at the end of the file).
        "On 9 October 2019, Katiba Macina (JNIM) militants attacked the village of Hombori and killed two civilians.",
    );
    assert_eq!(e.actor1, "JNIM: Group for Support of Islam and Muslims");
    assert_eq!(e.assoc_actor_1, "Katiba Macina");
    assert_eq!(field(&e, "assoc_actor_1"), ["Katiba Macina"]);
}

#[test]
fn the_count_before_an_active_kill_verb_is_its_subject() {
    let e = only_event(
        "active-kill",
        "On 9 October 2020, a soldier shot dead a civilian woman in Hombori.",
    );
    assert_eq!(e.sub_event_type, "Attack");
    assert!(e.actor1.starts_with("Military Forces of Mali"), "{}", e.actor1);
    assert_eq!(e.fatalities, 1);
    let e = only_event(
        "passive-kill",
        "On 9 October 2020, militants ambushed a patrol near Hombori; two soldiers were killed and four others wounded.",
    );
    assert_eq!(e.fatalities, 2);
}

#[test]
fn forces_fighting_together_are_associates() {
    let e = only_event(
        "joint-forces",
        "On 9 October 2020, soldiers and Dozo hunters repelled JNIM militants who attacked Hombori.",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    let (state_side, assoc) = if e.actor1.starts_with("Military Forces of Mali") {
        (&e.actor1, &e.assoc_actor_1)
    } else {
        (&e.actor2, &e.assoc_actor_2)
    };
    assert!(state_side.starts_with("Military Forces of Mali"), "{e:#?}");
    assert_eq!(assoc, "Dozo Communal Militia (Mali)");
}

#[test]
fn blockades_and_announced_operations_are_strategic_developments() {
    let e = only_event(
        "blockade",
        "On 9 October 2020, JNIM militants began a blockade on the town of Hombori, preventing the entry of fuel and food.",
    );
    assert_eq!(e.sub_event_type, "Other");
    let e = only_event(
        "operation",
        "On 9 October 2020, the Malian army launched an operation in the area of Hombori.",
    );
    assert_eq!(e.sub_event_type, "Change to group/activity");
}

#[test]
fn crowds_are_policed_unless_the_army_is_named() {
    let e = only_event(
        "policed",
        "On 9 October 2020, residents protested in Hombori; security forces dispersed them with tear gas.",
    );
    assert_eq!(e.sub_event_type, "Protest with intervention");
    assert!(e.actor2.starts_with("Police Forces of Mali"), "{}", e.actor2);
    let e = only_event(
        "army-at-protest",
        "On 9 October 2020, residents protested in Hombori; soldiers dispersed them with tear gas.",
    );
    assert!(e.actor2.starts_with("Military Forces of Mali"), "{}", e.actor2);
}

#[test]
fn people_counted_by_words_that_also_measure_things() {
    // "village" after a number counts villages, but "villagers" and "a village chief" are
    // people; "and his son" is one more.
    let e = only_event(
        "villagers",
        "On 9 October 2020, militants killed three villagers in Hombori.",
    );
    assert_eq!(e.fatalities, 3);
    let e = only_event(
        "chief-and-son",
        "On 9 October 2020, militants assassinated a village chief and his son in Hombori.",
    );
    assert_eq!(e.fatalities, 2);
    let e = only_event(
        "villages",
        "On 9 October 2020, militants burned three villages near Hombori.",
    );
    assert_eq!(e.fatalities, 0);
}

#[test]
fn a_toll_given_as_a_range_keeps_its_low_and_high() {
    let e = only_event(
        "range",
        "On 9 October 2020, gunmen killed between 11 and 20 people at the market of Hombori and wounded 13 others.",
    );
    assert_eq!((e.fatalities, e.fatalities_low, e.fatalities_high), (11, 11, 20));
    let e = only_event(
        "displaced-dead",
        "On 9 October 2020, three internally displaced persons were killed in Hombori.",
    );
    assert_eq!(e.fatalities, 3);
    let e = only_event(
        "displaced-alive",
        "On 9 October 2020, 500 people were displaced from Hombori after militants killed three civilians.",
    );
    assert_eq!((e.fatalities, e.fatalities_high), (3, 3));
}

#[test]
fn an_unknown_toll_takes_acleds_low_convention() {
    let e = only_event(
        "unknown-toll",
        "On 9 October 2020, soldiers killed an unspecified number of JNIM militants near Hombori.",
    );
    assert_eq!(e.fatalities, 3);
}

#[test]
fn one_person_named_with_adjectives_is_one_dead_and_goods_are_not_people() {
    let e = only_event(
        "adjectives",
        "On 9 October 2020, militants executed a former village councillor in Hombori.",
    );
    assert_eq!(e.fatalities, 1);
    let e = only_event(
        "goods",
        "On 9 October 2020, militants shot dead a pastoralist man, and seized two motorbikes and livestock in Hombori.",
    );
    assert_eq!(e.fatalities, 1);
}

#[test]
fn a_toll_told_in_a_sentence_of_its_own_goes_to_the_incident_before_it() {
    let e = only_event(
        "toll-sentence",
        "On 9 October 2020, JNIM militants fought soldiers in Hombori. Fatalities: 5 soldiers.",
    );
    assert_eq!(e.fatalities, 5);
    // A toll over months is no incident's.
    let e = only_event(
        "aggregate-toll",
        "On 9 October 2020, JNIM militants attacked Hombori. Since January, 300 people have died in the region.",
    );
    assert_eq!(e.fatalities, 0);
}

#[test]
fn lethal_force_against_a_riot_leaves_it_a_violent_demonstration() {
    let e = only_event(
        "riot-dead",
        "On 9 October 2020, students rioted in Hombori and set public buildings on fire. Police shot and killed a child during the rioting.",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration");
    assert_eq!(e.fatalities, 1);
    let e = only_event(
        "protest-dead",
        "On 9 October 2020, police opened fire on protesters in Hombori, killing two.",
    );
    assert_eq!(e.sub_event_type, "Excessive force against protesters");
}

#[test]
fn executions_of_unnamed_captives_are_attacks_on_civilians() {
    let e = only_event(
        "executed-captives",
        "On 9 October 2020, soldiers detained six traders at the market of Hombori. Four of them were later executed.",
    );
    assert_eq!(e.sub_event_type, "Attack");
    assert_eq!(e.actor2, "Civilians (Mali)");
    // Executed fighters are out of combat too: ACLED codes the killing of captives as an
    // attack, whoever they fought for.
    let e = only_event(
        "executed-fighters",
        "On 9 October 2020, soldiers executed two JNIM militants near Hombori.",
    );
    assert_eq!(e.sub_event_type, "Attack");
}

#[test]
fn one_person_told_by_a_singular_passive_or_a_pronoun_is_one_dead() {
    let e = only_event(
        "singular-passive",
        "On 9 October 2020, gunmen fired on a trader and his brother near Hombori. The trader was killed, his brother fled.",
    );
    assert_eq!(e.fatalities, 1);
    let e = only_event(
        "found-dead",
        "On 9 October 2020, militants abducted a teacher in Hombori; he was later found dead outside the village.",
    );
    assert_eq!(e.fatalities, 1);
    let e = only_event(
        "object-pronoun",
        "On 9 October 2020, militants took a herder from his home in Hombori and executed him.",
    );
    assert_eq!(e.fatalities, 1);
    let e = only_event(
        "nobody",
        "On 9 October 2020, gunmen attacked a convoy near Hombori. No one was killed.",
    );
    assert_eq!(e.fatalities, 0);
}

#[test]
fn air_and_ground_operations_are_an_armed_clash() {
    let e = only_event(
        "air-ground",
        "On 9 October 2020, French forces carried out airstrikes followed by ground operations by Malian troops against JNIM militants near Hombori.",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    // "by" after the noun names who ran the ground operations, not the author of a passive:
    // the French forces stay a side.
    let pair = [e.actor1.as_str(), e.actor2.as_str()];
    assert!(pair.contains(&"Military Forces of France (2017-)"), "{pair:?}");
    assert!(
        pair.contains(&"JNIM: Group for Support of Islam and Muslims"),
        "{pair:?}"
    );
    let e = only_event(
        "routed",
        "On 9 October 2020, JNIM militants attacked an army post in Hombori; a helicopter gunship came in and routed them.",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
}

#[test]
fn explosives_and_drones_that_are_disarmed_or_seized_are_no_explosion() {
    let e = only_event(
        "defused",
        "On 9 October 2020, soldiers found and defused two IEDs on the road between Hombori and Boni.",
    );
    assert_eq!(e.sub_event_type, "Disrupted weapons use");
    let e = only_event(
        "dismantled",
        "On 9 October 2020, troops dismantled a JNIM camp near Hombori and seized motorbikes, drones and explosives.",
    );
    assert_eq!(e.sub_event_type, "Disrupted weapons use");
}

#[test]
fn an_event_without_a_country_says_so_in_its_actor_names() {
    let x = Extractor::new(None).unwrap().with_unplaced(true);
    let d = doc(
        "nc",
        "On Monday, soldiers killed five militants during a patrol, the army said.",
        "2024-03-05",
    );
    let events = x.extract(&d).unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = &events[0];
    let actors = [e.actor1.as_str(), e.actor2.as_str()];
    assert!(actors.contains(&"Military Forces of Unknown Country"), "{actors:?}");
    assert!(actors.iter().all(|a| !a.contains("International")), "{actors:?}");
    assert_eq!(e.country, "");
    // With a country hint the same text names the country's forces.
    let hinted = Document {
        country: Some("NE".into()),
        ..d
    };
    let events = x.extract(&hinted).unwrap();
    assert!(
        events[0].actor1.starts_with("Military Forces of Niger")
            || events[0].actor2.starts_with("Military Forces of Niger"),
        "{:?}",
        events[0]
    );
}

#[test]
fn a_place_found_under_another_spelling_keeps_the_written_name_as_location() {
    let x = Extractor::new(None).unwrap();
    let mut d = doc(
        "respelled",
        "Le 10 octobre 2021, des hommes armés ont attaqué le marché de Seytenga. Deux commerçants ont été tués.",
        "2021-10-12",
    );
    d.country = Some("BF".into());
    let events = x.extract(&d).unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = &events[0];
    // GeoNames writes the town "Sitenga"; the press and ACLED write "Seytenga".
    assert_eq!(e.location, "Seytenga");
    assert_eq!((e.admin1.as_str(), e.admin2.as_str()), ("Sahel", "Seno"));
    // A name the gazetteer has as written keeps the gazetteer's spelling.
    let mut d = doc(
        "as-is",
        "Le 10 octobre 2021, des hommes armés ont attaqué le marché de Djibo. Deux commerçants ont été tués.",
        "2021-10-12",
    );
    d.country = Some("BF".into());
    assert_eq!(x.extract(&d).unwrap()[0].location, "Djibo");
}

#[test]
fn a_headline_locates_a_body_that_names_no_place() {
    let x = Extractor::new(None).unwrap();
    let mut d = doc(
        "headline-place",
        "Huit soldats ont été tués dimanche 13 mars 2022 dans une embuscade tendue par des hommes armés, a annoncé l'armée.",
        "2022-03-15",
    );
    d.title = Some("Embuscade meurtrière sur l'axe Djibo-Arbinda".into());
    d.country = Some("BF".into());
    let events = x.extract(&d).unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].admin2, "Soum", "{:?}", events[0]);
    assert_evidence_quotes(&d, &events);
    // A body that names its own place keeps it.
    let mut d2 = d.clone();
    d2.text = d2.text.replace("dans une embuscade", "dans une embuscade près de Dori");
    let events = x.extract(&d2).unwrap();
    assert_eq!(events[0].location, "Dori", "{:?}", events[0]);
}

#[test]
fn people_taken_to_an_unknown_destination_are_abducted() {
    let e = only_event(
        "unknown-destination",
        "On 9 October 2020, soldiers burned several huts in the village of Boni and took three herders to an unknown destination.",
    );
    assert_eq!(e.sub_event_type, "Abduction/forced disappearance");
    let e = only_event(
        "whereabouts",
        "On 9 October 2020, soldiers arrested four men in the village of Boni; their whereabouts are unknown.",
    );
    assert_eq!(e.sub_event_type, "Abduction/forced disappearance");
}

#[test]
fn what_makes_a_protest_a_riot() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let one = |text: &str| sole_event(&x, text, "2021-05-06");
    for text in [
        // A riot word stands before a background cue that only tells what the crowd wants.
        "Yesterday, traders demonstrated and barricaded roads in Zorbakouri, demanding the reopening of markets previously closed down.",
        // The source calls the crowd rioters.
        "Yesterday, rioters took to the streets of Zorbakouri to protest the rising price of fuel.",
        // Burning told in the next sentence, by no armed hand, is the crowd's.
        "Yesterday, students protested in Zorbakouri over the death of a classmate. They burned the police station.",
        "Yesterday, students demonstrated in Zorbakouri and stones were thrown at the police.",
        "Yesterday, protests and arson attacks were reported in Zorbakouri after the death of a poacher.",
        // Burning with no subject of its own is the crowd's that the paragraph named before.
        "Yesterday, angry protesters gathered in front of the police station in Zorbakouri, demanding the release of a trader. They then set fire to the police station.",
    ] {
        let e = one(text);
        assert_eq!(
            (e.sub_event_type.as_str(), e.actor1.as_str()),
            ("Violent demonstration", "Rioters (Burkina Faso)"),
            "{text}"
        );
    }
    // "Engaged in" a sit-in is no fight.
    let e = one("Yesterday, teachers engaged in a sit-in in Zorbakouri to press their claims.");
    assert_eq!(e.sub_event_type, "Peaceful protest");
}

#[test]
fn an_event_noun_heading_the_text_leaves_the_subject_to_the_verb() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    for text in [
        "Property destruction: On April 5, presumed Ansaroul Islam militants on motorbikes opened fire at the school in Zorbakouri and burned classrooms.",
        "Destruction : le 5 avril, des militants présumés d'Ansaroul Islam ont incendié l'école de Zorbakouri.",
    ] {
        let e = sole_event(&x, text, "2018-04-08");
        assert_eq!(
            (e.sub_event_type.as_str(), e.actor1.as_str()),
            ("Looting/property destruction", "Ansaroul Islam"),
            "{text}"
        );
    }
}

#[test]
fn boko_haram_under_its_short_and_misspelt_names() {
    let x = Extractor::new(None).unwrap().with_country(Some("NE".into()));
    for text in [
        "On 3 December 2018, BH militants made an incursion into the village of Zorbakouri and killed two herders.",
        "On 3 December 2018, Boko Harams militants killed two herders in the village of Zorbakouri.",
    ] {
        let e = sole_event(&x, text, "2018-12-06");
        assert_eq!(
            e.actor1, "Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad",
            "{text}"
        );
    }
    let e = sole_event(
        &x,
        "On 3 December 2018, presumed ISWA militants killed two herders in Zorbakouri.",
        "2018-12-06",
    );
    assert_eq!(e.actor1, "Islamic State (West Africa)");
}

#[test]
fn the_one_armed_group_a_text_names_is_its_unnamed_armed_men() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let e = sole_event(
        &x,
        "On 2 November 2020, gunmen ambushed a convoy near Zorbakouri, killing two drivers. JNIM claimed responsibility.",
        "2020-11-05",
    );
    assert_eq!(e.actor1, "JNIM: Group for Support of Islam and Muslims");
    // Two groups named: the gunmen stay unidentified.
    let e = sole_event(
        &x,
        "On 2 November 2020, gunmen ambushed a convoy near Zorbakouri, killing two drivers. JNIM and ISGS both operate in the area.",
        "2020-11-05",
    );
    assert_eq!(e.actor1, "Unidentified Armed Group (Burkina Faso)");
    // A militia's opponents are others.
    let e = sole_event(
        &x,
        "On 10 November 2020, Koglweogo militiamen killed three armed bandits near Zorbakouri.",
        "2020-11-13",
    );
    assert_eq!(e.actor2, "Unidentified Armed Group (Burkina Faso)");
}

#[test]
fn peoples_who_fight_are_their_ethnic_militias() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let pair = |e: &Event| {
        let mut p = [e.actor1.clone(), e.actor2.clone()];
        p.sort();
        p
    };
    let e = sole_event(
        &x,
        "On 21 October 2020, members of the Gourmantche and Fulani communities clashed in Zorbakouri. Six people were killed.",
        "2020-10-24",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    assert_eq!(
        pair(&e),
        [
            "Fulani Ethnic Militia (Burkina Faso)".to_string(),
            "Gourmantche Ethnic Militia (Burkina Faso)".to_string()
        ]
    );
    let e = sole_event(
        &x,
        "Hier, des affrontements entre Lobi et Dogosse ont fait deux morts à Zorbakouri.",
        "2020-10-24",
    );
    assert_eq!(
        pair(&e),
        [
            "Dogosse Ethnic Militia (Burkina Faso)".to_string(),
            "Lobi Ethnic Militia (Burkina Faso)".to_string()
        ]
    );
    // A people's name inside a place's is no people.
    let e = sole_event(
        &x,
        "On 2 July 2022, soldiers clashed with terrorists at Barga-Mossi, killing several of them.",
        "2022-07-04",
    );
    assert!(!e.actor1.contains("Mossi") && !e.actor2.contains("Mossi"), "{e:?}");
}

#[test]
fn crowds_and_communities_that_fight_among_themselves_are_both_sides() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let e = sole_event(
        &x,
        "On 9 October 2020, a number of merchants fought with machetes at the cattle market in Zorbakouri. Three people were killed.",
        "2020-10-12",
    );
    assert_eq!(
        (e.sub_event_type.as_str(), e.actor1.as_str(), e.actor2.as_str()),
        ("Mob violence", "Rioters (Burkina Faso)", "Rioters (Burkina Faso)")
    );
    let e = sole_event(
        &x,
        "On 11 March 2019, five people were killed in clashes between farmers and herders in the area of Zorbakouri.",
        "2019-03-14",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    assert_eq!(e.actor1, e.actor2);
    assert!(e.actor1.ends_with("Communal Militia (Burkina Faso)"), "{}", e.actor1);
}

#[test]
fn forces_that_keep_a_crowd_from_its_aim_meet_it() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    for text in [
        "Yesterday, demonstrators in Zorbakouri were prevented by security forces from reaching the town hall.",
        "Yesterday, a march of traders in Zorbakouri was deterred by a strong presence of the police.",
    ] {
        let e = sole_event(&x, text, "2020-10-12");
        assert_eq!(
            (e.sub_event_type.as_str(), e.actor2.as_str()),
            ("Protest with intervention", "Police Forces of Burkina Faso (2015-2022)"),
            "{text}"
        );
    }
}

#[test]
fn who_burns_unnamed_is_an_unidentified_group_and_civilians_who_burn_a_mob() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let e = sole_event(
        &x,
        "Yesterday, people vandalised the court house in Zorbakouri.",
        "2020-10-12",
    );
    assert_eq!(
        (e.event_type.as_str(), e.actor1.as_str()),
        ("Riots", "Rioters (Burkina Faso)")
    );
    let e = sole_event(
        &x,
        "Yesterday, unknown individuals set the church of Zorbakouri ablaze.",
        "2020-10-12",
    );
    assert_eq!(
        (e.sub_event_type.as_str(), e.actor1.as_str()),
        (
            "Looting/property destruction",
            "Unidentified Armed Group (Burkina Faso)"
        )
    );
    // A victim named before a theft told second stays a victim.
    let e = sole_event(
        &x,
        "Yesterday, gunmen attacked and wounded a trader in Zorbakouri who had stolen cattle.",
        "2020-10-12",
    );
    assert_eq!(e.event_type, "Violence against civilians");
}

#[test]
fn an_urging_cancels_what_follows_it_not_the_deed_told_before() {
    let x = Extractor::new(None).unwrap().with_country(Some("NE".into()));
    let e = sole_event(
        &x,
        "On 18 November 2019, presumed ISGS militants burned a school in the village of Zorbakouri, and urged teachers to leave the site or face reprisals.",
        "2019-11-21",
    );
    assert_eq!(
        (e.sub_event_type.as_str(), e.actor1.as_str()),
        ("Looting/property destruction", "Islamic State (Greater Sahara)")
    );
    // What the authorities call for is no event.
    let events = x
        .extract_with_places(
            &doc(
                "t",
                "Yesterday, the governor urged the population to attack no one in Zorbakouri.",
                "2019-11-21",
            ),
            &[],
            &[],
        )
        .unwrap();
    assert!(events.is_empty(), "{events:#?}");
}

#[test]
fn a_town_taken_is_taken_from_the_state() {
    let x = Extractor::new(None).unwrap().with_country(Some("NE".into()));
    let e = sole_event(
        &x,
        "On 31 July 2002, mutineers took over the town of Zorbakouri and its residents.",
        "2002-08-03",
    );
    assert_eq!(
        (e.sub_event_type.as_str(), e.actor2.as_str()),
        (
            "Non-state actor overtakes territory",
            "Military Forces of Niger (1999-2010)"
        )
    );
}

#[test]
fn lootings_caches_and_commitments_written_other_ways() {
    let x = Extractor::new(None).unwrap().with_country(Some("NE".into()));
    for (text, sub) in [
        (
            "On 2 June 2020, ISGS militants emptied the cereal bank of Zorbakouri.",
            "Looting/property destruction",
        ),
        (
            "On 2 June 2020, soldiers discovered a significant arms and ammunition cache near Zorbakouri.",
            "Disrupted weapons use",
        ),
        (
            "On 2 June 2020, the leaders of the two communities signed a commitment to peace in Zorbakouri.",
            "Agreement",
        ),
    ] {
        let e = sole_event(&x, text, "2020-06-05");
        assert_eq!(e.sub_event_type, sub, "{text}");
    }
}

#[test]
fn katiba_macina_is_named_as_acled_named_it_that_year() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let text =
        |date: &str| format!("On {date}, presumed Katiba Macina militants attacked the police station in Zorbakouri.");
    let e = sole_event(&x, &text("30 April 2018"), "2018-05-03");
    assert_eq!(e.actor1, "JNIM: Group for Support of Islam and Muslims");
    let e = sole_event(&x, &text("30 April 2020"), "2020-05-03");
    assert_eq!(e.actor1, "Katiba Macina");
    // Named with JNIM, it is JNIM's associate in any year.
    let e = sole_event(
        &x,
        "On 30 April 2018, presumed Katiba Macina (JNIM) militants attacked the police station in Zorbakouri.",
        "2018-05-03",
    );
    assert_eq!(e.actor1, "JNIM: Group for Support of Islam and Muslims");
    assert!(e.assoc_actor_1.contains("Katiba Macina"), "{}", e.assoc_actor_1);
}

#[test]
fn militias_who_repel_an_attack_fight_its_authors() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let e = sole_event(
        &x,
        "On 29 January 2020, presumed JNIM militants attacked the village of Zorbakouri. Koglweogo, Dozos, and local youth reportedly repulsed the attack, three people from the village were wounded.",
        "2020-02-01",
    );
    assert_eq!(
        (e.sub_event_type.as_str(), e.actor1.as_str(), e.actor2.as_str()),
        (
            "Armed clash",
            "JNIM: Group for Support of Islam and Muslims",
            "Koglweogo Militia"
        )
    );
}

#[test]
fn what_a_crowd_protests_is_not_what_it_did() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    for text in [
        "On 5 December 2018, residents in Zorbakouri protested against rangers seizing a wood delivery truck.",
        "On 22 January 2019, teachers in Zorbakouri staged a sit-in in solidarity with two teachers assaulted by parents.",
        "Le 5 décembre 2018, des habitants de Zorbakouri ont manifesté contre l'arrestation de leur chef.",
    ] {
        let e = sole_event(&x, text, "2019-01-25");
        assert_eq!(e.sub_event_type, "Peaceful protest", "{text}");
    }
    // What the crowd does in a clause of its own stays its deed.
    let e = sole_event(
        &x,
        "On 27 April 2020, residents demonstrated in Zorbakouri against the arrest of an imam and threw stones at a vehicle.",
        "2020-04-30",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration");
}

#[test]
fn a_user_triggers_file_extends_the_word_lists() {
    let text = "Yesterday, students marched in Zorbakouri to mourn a classmate arrested by the police.";
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    assert_eq!(
        sole_event(&x, text, "2020-10-12").sub_event_type,
        "Protest with intervention"
    );
    let dir = std::env::temp_dir().join(format!("veille-extract-motive-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("triggers.toml"), "[words]\nmotive = [\"to mourn\"]\n").unwrap();
    let x = Extractor::new(Some(&dir)).unwrap().with_country(Some("BF".into()));
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(sole_event(&x, text, "2020-10-12").sub_event_type, "Peaceful protest");
}

#[test]
fn soldiers_in_mutiny_riot_unless_they_fight() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let e = sole_event(
        &x,
        "On 30 March 2011, firing by mutinying soldiers was reported in Zorbakouri.",
        "2011-04-02",
    );
    assert_eq!(
        (e.sub_event_type.as_str(), e.actor1.as_str(), e.actor2.as_str()),
        ("Violent demonstration", "Rioters (Burkina Faso)", "")
    );
    assert!(
        e.assoc_actor_1.starts_with("Mutiny of Military Forces of Burkina Faso"),
        "{}",
        e.assoc_actor_1
    );
    let x = Extractor::new(None).unwrap().with_country(Some("NE".into()));
    let e = sole_event(
        &x,
        "On 12 August 2002, the government regained Zorbakouri, taken by mutinous soldiers after nine days of fighting.",
        "2002-08-14",
    );
    assert_eq!(e.event_type, "Battles");
}

#[test]
fn iswap_events_in_niger_are_in_diffa_when_the_text_names_no_place() {
    let x = Extractor::new(None).unwrap().with_country(Some("NE".into()));
    let e = sole_event(
        &x,
        "On 24 August 2019, ISWAP militants detonated an IED against a Nigerien army vehicle, killing two soldiers.",
        "2019-08-27",
    );
    assert_eq!((e.admin1.as_str(), e.geo_precision), ("Diffa", 3));
    // With the geoparser: a village read outside the group's one region is a homonym of one
    // the gazetteer lacks (its Garin Dogo is in Maradi); a region the text names stands.
    let geoparsed = |text: &str| {
        let mut d = doc("t", text, "2020-07-03");
        d.country = Some("NE".into());
        let mut events = x.extract(&d).unwrap();
        assert_eq!(events.len(), 1, "{events:#?}");
        events.remove(0)
    };
    let e = geoparsed("On 1 July 2020, ISWAP militants killed 7 people in the village of Garin Dogo.");
    assert_eq!((e.admin1.as_str(), e.geo_precision), ("Diffa", 3));
    let e = geoparsed("On 1 July 2020, ISWAP militants killed 7 people in the region of Maradi.");
    assert_eq!(e.admin1, "Maradi");
    // The Islamic State (Greater Sahara) is Tillabéri's in Niger; GeoNames' Inekar is in Tahoua.
    let e = geoparsed("On 26 April 2020, presumed ISGS militants killed four people in the village of Inekar.");
    assert_eq!(e.admin1, "Tillabéri");
}

#[test]
fn aircraft_pounding_and_bombers_who_blow_themselves_up() {
    let x = Extractor::new(None).unwrap().with_country(Some("TD".into()));
    // A state's aircraft are its air force.
    let e = sole_event(
        &x,
        "On 2 March 2006, Sudanese helicopters fired rockets at the village of Tine, killing four herders.",
        "2006-03-04",
    );
    assert!(e.actor1.starts_with("Military Forces of Sudan"), "{}", e.actor1);
    // "Pounded", as French "pilonné", is remote violence; rain pounds too.
    let e = sole_event(
        &x,
        "On 2 March 2006, government forces pounded rebel positions near Adre for two days.",
        "2006-03-04",
    );
    assert_eq!(e.sub_event_type, "Shelling/artillery/missile attack");
    let rain = x
        .extract_with_places(
            &doc(
                "t",
                "On 2 March 2006, the rain pounded the roofs of Abeche.",
                "2006-03-04",
            ),
            &[],
            &[],
        )
        .unwrap();
    assert!(rain.is_empty(), "{rain:#?}");
    // Several bombers blow themselves up as one does.
    let e = sole_event(
        &x,
        "On 2 March 2006, two militants blew themselves up at a checkpoint near Bol, killing a soldier.",
        "2006-03-04",
    );
    assert_eq!(e.sub_event_type, "Suicide bomb");
}

#[test]
fn an_auxiliary_before_a_present_participle_is_no_passive() {
    // "were attacking": the militiamen attack, they are not attacked.
    let x = Extractor::new(None).unwrap().with_country(Some("TD".into()));
    let e = sole_event(
        &x,
        "On 4 June 2006, Janjaweed militiamen were attacking the cattle camps west of Adre when the rains began.",
        "2006-06-06",
    );
    assert_eq!(
        (e.event_type.as_str(), e.actor1.as_str(), e.actor2.as_str()),
        ("Violence against civilians", "Janjaweed", "Civilians (Chad)")
    );
}

#[test]
fn officials_taken_are_civilians_not_the_government() {
    let x = Extractor::new(None).unwrap().with_country(Some("TD".into()));
    let e = sole_event(
        &x,
        "On 9 October 2006, gunmen abducted two local government officials travelling to Abeche.",
        "2006-10-11",
    );
    assert_eq!(
        (e.sub_event_type.as_str(), e.actor2.as_str()),
        ("Abduction/forced disappearance", "Civilians (Chad)")
    );
}

#[test]
fn chads_regional_rebellions_place_a_text_with_no_place() {
    let x = Extractor::new(None).unwrap().with_country(Some("TD".into()));
    let e = sole_event(
        &x,
        "On 5 May 2002, MDJT fighters ambushed an army convoy, killing four soldiers.",
        "2002-05-07",
    );
    assert_eq!((e.admin1.as_str(), e.geo_precision), ("Tibesti", 3));
    let e = sole_event(
        &x,
        "On 5 May 1997, FARF fighters ambushed an army convoy, killing four soldiers.",
        "1997-05-07",
    );
    assert_eq!(e.admin1, "Logone Oriental");
}

#[test]
fn a_name_of_a_period_beside_a_named_group_is_a_side_of_its_own() {
    // "EUFOR" names the Chad operation only in its mandate; beside a named rebel group it is
    // still the force they attacked, not another word for the rebels.
    let x = Extractor::new(None).unwrap().with_country(Some("TD".into()));
    let e = sole_event(
        &x,
        "On 30 October 2008, FUC fighters attacked EUFOR soldiers near Iriba.",
        "2008-11-02",
    );
    assert_eq!(e.event_type, "Battles");
    assert!(e.actor2.starts_with("EUFOR Chad/CAR"), "{}", e.actor2);
}

#[test]
fn forces_that_block_a_march_meet_the_protest() {
    let x = Extractor::new(None).unwrap().with_country(Some("TD".into()));
    let e = sole_event(
        &x,
        "On 3 April 2012, police blocked the demonstrators at the bridge before they reached the town hall of Abeche.",
        "2012-04-05",
    );
    assert_eq!(
        (e.sub_event_type.as_str(), e.actor2.as_str()),
        ("Protest with intervention", "Police Forces of Chad (1990-2021)")
    );
}

#[test]
fn the_dead_after_a_bomber_who_killed_himself_are_counted() {
    let x = Extractor::new(None).unwrap().with_country(Some("TD".into()));
    let e = sole_event(
        &x,
        "On 6 July 2015, a bomber attacked a mosque in Bol, killing himself and two worshippers.",
        "2015-07-08",
    );
    assert_eq!(e.fatalities, 3);
}

#[test]
fn a_businessman_shot_dead_is_one_dead_civilian() {
    let x = Extractor::new(None).unwrap().with_country(Some("TD".into()));
    let e = sole_event(
        &x,
        "On 2 May 2008, a businessman was shot dead by gunmen in Abeche.",
        "2008-05-04",
    );
    assert_eq!((e.actor2.as_str(), e.fatalities), ("Civilians (Chad)", 1));
}

#[test]
fn a_capital_named_stands_against_the_region_of_the_group() {
    // A group of one region (Boko Haram: Chad's Lake region) that strikes in the capital
    // strikes there: the capital is no village the gazetteer lacks.
    let x = Extractor::new(None).unwrap().with_country(Some("TD".into()));
    let mut d = doc(
        "t",
        "On 3 May 2015, a Boko Haram bomber blew himself up at a bus station in N'Djamena, killing nine travellers.",
        "2015-05-06",
    );
    d.country = Some("TD".into());
    let events = x.extract(&d).unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].admin1, "Ville de NDjamena");
}

#[test]
fn state_forces_that_hit_the_bombers_fight_them() {
    let x = Extractor::new(None).unwrap().with_country(Some("NE".into()));
    let e = sole_event(
        &x,
        "On 2 June 2019, Nigerien forces killed three ISWAP militants in Zorbakouri in the process of carrying out suicide attacks against the airport.",
        "2019-06-05",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    // A strike of the state's own stays a strike.
    let e = sole_event(
        &x,
        "On 2 June 2019, the Nigerien air force conducted airstrikes near Zorbakouri, killing ten ISWAP militants.",
        "2019-06-05",
    );
    assert_eq!(e.sub_event_type, "Air/drone strike");
}

#[test]
fn the_hurt_of_a_riot_with_no_author_are_its_toll() {
    let x = Extractor::new(None).unwrap().with_country(Some("NE".into()));
    let e = sole_event(
        &x,
        "On 27 February 1998, students rioted in Zorbakouri over bursary arrears. Police fired teargas into the crowd and rioters threw stones at police. Four students were injured.",
        "1998-03-02",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration");
    // "Non-violent" is no riot word.
    let e = sole_event(
        &x,
        "Yesterday, students staged a non-violent protest in Zorbakouri.",
        "1998-03-02",
    );
    assert_eq!(e.sub_event_type, "Peaceful protest");
}

#[test]
fn actors_coordinated_after_by_are_authors_too() {
    let x = Extractor::new(None).unwrap().with_country(Some("NE".into()));
    let e = sole_event(
        &x,
        "On 19 January 2020, unknown gunmen attacked the village of Zorbakouri. The attack was reportedly repulsed by security forces and the local population, no casualties reported.",
        "2020-01-22",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
}

#[test]
fn village_chiefs_are_people_not_villages() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let e = sole_event(
        &x,
        "On 18 March 2020, unknown gunmen killed two village chiefs in Zorbakouri.",
        "2020-03-20",
    );
    assert_eq!(e.fatalities, 2);
}

#[test]
fn a_definite_article_after_a_kill_verb_is_one_victim() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let e = sole_event(
        &x,
        "On 21 July 2019, suspected JNIM militants killed the head of the medical center in Zorbakouri.",
        "2019-07-24",
    );
    assert_eq!(e.fatalities, 1);
    // Plural: no count from the article.
    let e = sole_event(
        &x,
        "On 21 July 2019, soldiers killed the attackers of the medical center in Zorbakouri.",
        "2019-07-24",
    );
    assert_eq!(e.fatalities, 0);
}

#[test]
fn one_person_who_dies_is_one_dead() {
    let e = only_event(
        "succumbed",
        "On 9 October 2020, militants whipped several villagers in Hombori. A woman succumbed to her wounds.",
    );
    assert_eq!(e.fatalities, 1);
    let e = only_event(
        "who-later-died",
        "On 9 October 2020, vigilantes beat a presumed thief in Hombori who later died of his injuries.",
    );
    assert_eq!(e.fatalities, 1);
    let e = only_event(
        "french-succombe",
        "Le 9 octobre 2020, des hommes armés ont attaqué des commerçants à Hombori. Un commerçant blessé a succombé à ses blessures.",
    );
    assert_eq!(e.fatalities, 1);
    // "Soldiers died" names no count; a compound subject is read by its head noun.
    let e = only_event(
        "plural-head",
        "On 9 October 2020, soldiers and bandits clashed near Hombori; military persons died, it is not known how many.",
    );
    assert_eq!(e.fatalities, 0);
}

#[test]
fn a_kill_verb_shares_its_object_with_the_verbs_joined_after_it() {
    let e = only_event(
        "killed-and-robbed",
        "On 9 October 2020, unknown gunmen killed and robbed a trader on the road to Hombori.",
    );
    assert_eq!(e.fatalities, 1);
    let e = only_event(
        "three-verbs",
        "On 9 October 2020, militants abducted, executed, and booby-trapped a herder near Hombori.",
    );
    assert_eq!(e.fatalities, 1);
    // A participle of wounding between the kill verb and the person says nothing of who died.
    let e = only_event(
        "killed-and-wounded",
        "On 9 October 2020, unknown gunmen killed and wounded a trader on the road to Hombori.",
    );
    assert_eq!(e.fatalities, 0);
}

#[test]
fn to_death_and_remains_found_are_one_dead_but_a_death_sentence_is_not() {
    let e = only_event(
        "beaten-to-death",
        "On 9 October 2020, Dozo hunters beat a presumed cattle thief to death near Hombori.",
    );
    assert_eq!(e.fatalities, 1);
    let e = only_event(
        "corpse-found",
        "On 9 October 2020, soldiers arrested an elderly man in Hombori. His body was found two days later.",
    );
    assert_eq!(e.fatalities, 1);
    let e = only_event(
        "corps-retrouve",
        "Le 9 octobre 2020, des hommes armés ont enlevé un commerçant à Hombori. Son corps sans vie a été retrouvé le lendemain.",
    );
    assert_eq!(e.fatalities, 1);
    let mut d = doc(
        "sentenced",
        "On 9 October 2020, a court in Hombori sentenced a militant to death.",
        "2020-10-12",
    );
    d.country = Some("ML".into());
    let events = Extractor::new(None).unwrap().extract(&d).unwrap();
    assert!(events.iter().all(|e| e.fatalities == 0), "{events:?}");
}

#[test]
fn uncounted_occupants_and_a_count_of_dead_and_hurt_are_acled_unknown_tolls() {
    let e = only_event(
        "occupants",
        "On 9 October 2020, an IED struck an army vehicle near Hombori, killing the occupants.",
    );
    assert_eq!(e.fatalities, 3);
    // A part of the occupants is counted by its own number.
    let e = only_event(
        "one-of-the-occupants",
        "On 9 October 2020, an IED struck a truck near Hombori; one of the occupants was killed.",
    );
    assert_eq!(e.fatalities, 1);
    let e = only_event(
        "killing-and-wounding",
        "On 9 October 2020, militants attacked an army post in Hombori, killing and wounding seven soldiers.",
    );
    assert_eq!(e.fatalities, 3);
    // Taken and killed is no count of the hurt: all of them died.
    let e = only_event(
        "arrested-and-executed",
        "On 9 October 2020, soldiers arrested and executed six men in Hombori.",
    );
    assert_eq!(e.fatalities, 6);
}

#[test]
fn a_headline_passive_and_a_person_named_with_adjectives_are_one_dead() {
    let e = only_event(
        "headline",
        "Civilian killed when his cart struck a landmine near Hombori on 9 October 2020.",
    );
    assert_eq!(e.fatalities, 1);
    // An active verb with its object is not the subject's death.
    let e = only_event("active", "On 9 October 2020, a gunman killed a trader in Hombori.");
    assert_eq!(e.fatalities, 1);
    let e = only_event(
        "tribal-chief",
        "On 9 October 2020, presumed ISGS militants assassinated a Tuareg tribal chief in Hombori.",
    );
    assert_eq!(e.fatalities, 1);
}

#[test]
fn the_dead_of_both_sides_add_up_when_a_named_group_is_counted_by_a_generic_word() {
    let e = only_event(
        "both-sides",
        "On 9 October 2020, ISGS militants attacked an army post in Hombori, killing seven soldiers; at least 19 militants were killed in the counter-attack.",
    );
    assert_eq!(e.fatalities, 26);
}

#[test]
fn previously_makes_only_its_own_clause_history() {
    // The army's pursuit is the news; the attack told after "previously" says who the
    // militants were.
    let e = only_event(
        "previously-relative",
        "On 9 October 2020, an army patrol intervened against gunmen who previously had attacked the village of Hombori, and killed two gunmen.",
    );
    assert_eq!(e.event_type, "Battles");
    assert_eq!(e.fatalities, 2);
    // A sentence that only tells an earlier attack makes no event.
    let mut d = doc(
        "previously-alone",
        "The village of Hombori had previously been attacked by militants.",
        "2020-10-12",
    );
    d.country = Some("ML".into());
    let events = Extractor::new(None).unwrap().extract(&d).unwrap();
    assert!(events.is_empty(), "{events:#?}");
}

#[test]
fn slitting_throats_is_killing() {
    let e = only_event(
        "slit-throats",
        "On 9 October 2020, militants slit the throats of three gold miners in the village of Hombori.",
    );
    assert_eq!(e.event_type, "Violence against civilians");
    assert_eq!(e.fatalities, 3);
}

#[test]
fn a_list_of_counts_of_people_adds_up() {
    let e = only_event(
        "comma-list",
        "On 9 October 2020, 3 policemen, 1 gendarme and 1 civilian were killed in an attack on a checkpoint in Hombori.",
    );
    assert_eq!(e.fatalities, 5);
    // "refugees" names people here; it tells no fate.
    let e = only_event(
        "refugees-and",
        "On 9 October 2020, two refugees and a policeman were killed in an attack in Hombori.",
    );
    assert_eq!(e.fatalities, 3);
    // A count after a comma that closes a place is no item of a list.
    let e = only_event(
        "place-comma",
        "On 9 October 2020, militants attacked an army position in Hombori, five assailants were killed.",
    );
    assert_eq!(e.fatalities, 5);
    let e = only_event(
        "partitive",
        "On 9 October 2020, a police post in Hombori was attacked by two gunmen, one of the assailants was killed.",
    );
    assert_eq!(e.fatalities, 1);
}

#[test]
fn a_fate_word_before_the_next_count_is_that_counts_and_a_preposition_counts_nobody() {
    let e = only_event(
        "and-wounding-next",
        "On 9 October 2020, militants attacked an army post in Hombori, killing 24 Malian and 2 Burkinabe soldiers and wounding 112.",
    );
    assert_eq!(e.fatalities, 26);
    // "à une vingtaine de kilomètres": no "a" + "une" = 2.
    let e = only_event(
        "a-une",
        "Treize militaires ont été tués à une vingtaine de kilomètres de Hombori le 9 octobre 2020.",
    );
    assert_eq!(e.fatalities, 13);
}

#[test]
fn forces_that_disperse_a_crowd_of_civilians_intervene_in_a_protest() {
    // A body of civilians that forces disperse is a protest, though no protest word is used.
    let e = only_event(
        "disperse-the-crowd",
        "On 9 October 2020, police used teargas to disperse the crowd in Hombori.",
    );
    assert_eq!(e.sub_event_type, "Protest with intervention");
    // Protesters named after another actor word ("student protesters") are met as well.
    let e = only_event(
        "student-protesters",
        "On 9 October 2020, police fired teargas at student protesters in Hombori.",
    );
    assert_eq!(e.sub_event_type, "Protest with intervention");
}

#[test]
fn the_mine_is_a_mining_site_and_destroying_an_ied_disarms_it() {
    let e = only_event(
        "the-mine",
        "On 9 October 2020, unknown gunmen ransacked the offices at the mine in Hombori.",
    );
    assert_eq!(e.sub_event_type, "Looting/property destruction");
    let e = only_event(
        "a-mine",
        "On 9 October 2020, a truck hit a mine near Hombori, killing two.",
    );
    assert_eq!(e.sub_event_type, "Remote explosive/landmine/IED");
    let e = only_event(
        "destroyed-an-ied",
        "On 9 October 2020, an army unit destroyed an IED on the road between Hombori and Boni.",
    );
    assert_eq!(e.sub_event_type, "Disrupted weapons use");
}

#[test]
fn disarming_fighters_is_disrupted_weapons_use_and_a_crowd_that_disarms_is_violent() {
    let e = only_event(
        "disarmed",
        "On 9 October 2020, JNIM militants disarmed ISGS militants near Hombori.",
    );
    assert_eq!(e.sub_event_type, "Disrupted weapons use");
    let e = only_event(
        "strikers-disarm",
        "On 9 October 2020, prison guards on strike entered the house of the governor in Hombori and disarmed the guards posted there.",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration");
}

#[test]
fn a_crowd_that_takes_or_seizes_people_is_a_mob() {
    let e = only_event(
        "students-hostage",
        "On 9 October 2020, students of the high school of Hombori took their headmaster hostage.",
    );
    assert_eq!(e.sub_event_type, "Mob violence");
    assert!(e.actor1.starts_with("Rioters"), "{}", e.actor1);
    let e = only_event(
        "villagers-captured",
        "On 9 October 2020, villagers captured two bandits near Hombori and handed them over to the gendarmerie.",
    );
    assert_eq!(e.sub_event_type, "Mob violence");
}

#[test]
fn a_suspect_said_to_be_unarmed_is_a_civilian() {
    let e = only_event(
        "unarmed-militant",
        "On 9 October 2020, soldiers shot dead a suspected but unarmed militant in Hombori.",
    );
    assert_eq!(e.sub_event_type, "Attack");
    assert!(e.actor2.starts_with("Civilians"), "{}", e.actor2);
}

#[test]
fn violence_told_between_two_sides_is_a_fight() {
    let e = only_event(
        "violence-between",
        "On 9 October 2020, two people were killed in violence between Dogon and Fulani in Hombori.",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    let e = only_event(
        "ethnic-violence",
        "On 9 October 2020, ethnic violence left two people dead in Hombori.",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
}

#[test]
fn clashes_with_a_crowd_or_in_a_protest_without_armed_groups_are_a_riot() {
    let e = only_event(
        "police-clash-protesters",
        "On 9 October 2020, police clashed with protesters in Hombori.",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration");
    let e = only_event(
        "clashes-in-protest",
        "On 9 October 2020, residents of Hombori took to the streets to demand water. Clashes broke out between them and the security forces.",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration");
    assert!(e.actor1.starts_with("Rioters"), "{}", e.actor1);
}

#[test]
fn counts_after_including_are_part_of_the_toll_and_them_stands_for_the_people_counted() {
    let e = only_event(
        "including",
        "On 9 October 2020, militants attacked the village of Hombori. Three people including a woman were killed.",
    );
    assert_eq!(e.fatalities, 3);
    let e = only_event(
        "including-joined",
        "On 9 October 2020, militants attacked a convoy near Hombori and killed 4 soldiers and 11 civilians including 1 woman and 1 girl.",
    );
    assert_eq!(e.fatalities, 15);
    // A bracketed acronym stays inside the list of counts.
    let e = only_event(
        "bracket",
        "On 9 October 2020, militants attacked Hombori, killing three volunteer fighters (VDP) and eleven civilians.",
    );
    assert_eq!(e.fatalities, 14);
    let e = only_event(
        "them",
        "On 9 October 2020, soldiers arrested fifteen villagers in Hombori and executed them nearby.",
    );
    assert_eq!(e.fatalities, 15);
}

#[test]
fn among_them_names_part_of_the_dead_and_those_arrested_stand_for_their_count() {
    let e = only_event(
        "among-them",
        "On 9 October 2020, a bus struck an IED near Hombori; 14 civilians (among them 7 pupils and 4 women) were killed.",
    );
    assert_eq!(e.fatalities, 14);
    let e = only_event(
        "those-arrested",
        "On 9 October 2020, soldiers arrested six men at the market of Hombori, those arrested were subsequently found dead.",
    );
    assert_eq!(e.fatalities, 6);
}

#[test]
fn a_title_over_a_bulletin_of_totals_makes_no_event() {
    let mut d = doc(
        "bulletin",
        "Selon le bilan mensuel des forces armées pour la période du 15 avril au 15 mai 2022, au moins 40 terroristes ont été neutralisés dans la région du Sahel.",
        "2022-05-20",
    );
    d.title = Some("Plus de 40 terroristes neutralisés par l'armée".into());
    d.country = Some("BF".into());
    let events = Extractor::new(None).unwrap().extract(&d).unwrap();
    assert!(events.is_empty(), "{events:#?}");
    // A body that tells the event keeps the title's words as its summary.
    let mut d = doc(
        "told",
        "Le 12 mai 2022, l'armée a neutralisé 40 terroristes près de Djibo.",
        "2022-05-20",
    );
    d.title = Some("Plus de 40 terroristes neutralisés par l'armée".into());
    d.country = Some("BF".into());
    let events = Extractor::new(None).unwrap().extract(&d).unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
}

#[test]
fn a_month_alone_is_the_fifteenth_at_month_precision() {
    let x = Extractor::new(None).unwrap().with_country(Some("ML".into()));
    let e = sole_event(
        &x,
        "At an unspecified date in October 2019, unknown gunmen killed one person in the village of Hombori.",
        "2019-10-20",
    );
    assert_eq!(e.event_date, "2019-10-15");
    assert_eq!(e.time_precision, 3);
    // Never after the publication date.
    let e = sole_event(
        &x,
        "Courant juillet, des hommes armés ont pillé un hameau près de Hombori.",
        "2022-07-10",
    );
    assert_eq!(e.event_date, "2022-07-10");
    assert_eq!(e.time_precision, 3);
}

#[test]
fn la_mine_de_is_the_mining_site() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let e = sole_event(
        &x,
        "Dans la nuit du 25 au 26 août 2022, des véhicules appartenant à la mine de Boungou ont été attaqués par des groupes armés près de Fada N'Gourma, faisant six civils tués.",
        "2022-08-27",
    );
    assert_eq!(e.sub_event_type, "Attack");
    assert_eq!(e.fatalities, 6);
}

#[test]
fn targets_of_gunmen_sabotage_and_hijacking_are_events() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let e = sole_event(
        &x,
        "Dans la nuit du mardi 28 au mercredi 29 juin 2022, le commissariat de police de Djibo a été la cible d'hommes armés non identifiés.",
        "2022-06-30",
    );
    assert_eq!(e.event_type, "Battles");
    let e = sole_event(
        &x,
        "Des antennes de télécommunications ont été sabotées dans la nuit du 3 au 4 novembre 2021 près de Djibo par des individus armés.",
        "2021-11-05",
    );
    assert_eq!(e.sub_event_type, "Looting/property destruction");
    let e = sole_event(
        &x,
        "Plusieurs camions citernes ont été détournés le mardi 14 juin 2022 sur l'axe Djibo-Arbinda par des hommes armés.",
        "2022-06-15",
    );
    assert_eq!(e.sub_event_type, "Looting/property destruction");
}

#[test]
fn forces_that_riot_are_the_rioters_not_a_second_side() {
    let e = only_event(
        "soldiers-barricade",
        "On 21 August 2020, soldiers at the camp in Hombori demonstrated against the attack on their comrades, barricading the entrance to the camp.",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration");
    assert!(e.actor1.starts_with("Rioters"), "{}", e.actor1);
    assert_eq!(e.actor2, "");
    assert!(
        e.assoc_actor_1.starts_with("Military Forces of Mali"),
        "{}",
        e.assoc_actor_1
    );
    let e = only_event(
        "mutiny-looting",
        "On 21 April 2011, soldiers in Dori fired in the air and looted shops as part of their mutiny.",
    );
    assert_eq!(e.actor2, "");
    let e = only_event(
        "police-mutiny",
        "On 21 April 2011, firing by mutinying police was reported in Dori.",
    );
    assert_eq!(e.actor2, "");
    assert!(
        e.assoc_actor_1.starts_with("Mutiny of Police Forces"),
        "{}",
        e.assoc_actor_1
    );
}

#[test]
fn burkina_faso_dozo_take_acled_name_of_the_date() {
    let e = only_event(
        "dozo-2019",
        "On 9 June 2019, Dozo hunters clashed with JNIM militants near Sidéradougou, in Burkina Faso.",
    );
    assert!(
        [&e.actor1, &e.actor2].contains(&&"Dozo Militia".to_string()),
        "{} / {}",
        e.actor1,
        e.actor2
    );
    let e = only_event(
        "dozo-2020",
        "On 9 June 2020, Dozo hunters clashed with JNIM militants near Sidéradougou, in Burkina Faso.",
    );
    assert!(
        [&e.actor1, &e.actor2].contains(&&"Dozo Communal Militia (Burkina Faso)".to_string()),
        "{} / {}",
        e.actor1,
        e.actor2
    );
}

#[test]
fn a_presidential_security_unit_is_named_apart_from_the_army() {
    let e = only_event(
        "presidential-security-unit",
        "On 16 September 2015, members of the Presidential Security Unit beat two journalists in Ouagadougou.",
    );
    assert!(e.actor1.starts_with("Military Forces of"), "{}", e.actor1);
    assert!(e.actor1.ends_with("Presidential Security Unit"), "{}", e.actor1);
}

#[test]
fn a_side_without_an_author_is_the_armed_group_named_elsewhere() {
    let e = only_event(
        "group-named-after-toll",
        "On 9 October 2020, four soldiers were killed and two wounded near Hombori when JNIM and Malian forces clashed.",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    assert!(
        [&e.actor1, &e.actor2].iter().any(|a| a.starts_with("JNIM")),
        "{} / {}",
        e.actor1,
        e.actor2
    );
}

#[test]
fn a_clash_naming_one_rebel_group_alone_has_an_unidentified_opponent() {
    let e = only_event(
        "clash-one-group",
        "On 9 October 2020, a clash involving JNIM militants was reported near Hombori; casualties unknown.",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    assert!(e.actor1.starts_with("JNIM"), "{}", e.actor1);
    assert!(e.actor2.starts_with("Unidentified Armed Group"), "{}", e.actor2);
}

#[test]
fn an_armed_group_that_clashed_with_police_fights_them() {
    let e = only_event(
        "group-clashed-with-police",
        "On 27 May 2020, Anseroul Islam clashed with police forces in Djibo, Burkina Faso.",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    assert_eq!(e.actor1, "Ansaroul Islam");
    assert!(e.actor2.starts_with("Police Forces"), "{}", e.actor2);
}

#[test]
fn a_riot_whose_crowd_was_arrested_met_the_police() {
    let e = only_event(
        "riot-arrests",
        "On 9 October 2020, youths burned tires and barricaded the roads of Hombori; twelve of them were arrested.",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration");
    assert!(e.actor2.starts_with("Police Forces of Mali"), "{}", e.actor2);
}

#[test]
fn a_civilian_named_by_nationality_is_that_country_s_civilian() {
    let e = only_event(
        "nigerien-trader",
        "On 9 October 2020, gunmen shot dead a Nigerien trader near Hombori.",
    );
    assert_eq!(e.sub_event_type, "Attack");
    assert_eq!(e.actor2, "Civilians (Niger)");
}

#[test]
fn a_demonym_coordinated_with_a_state_force_names_its_own_force() {
    let e = only_event(
        "coordinated-demonyms",
        "On 9 October 2020, Malian and French forces killed ten JNIM militants near Hombori.",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    assert!(
        [&e.actor1, &e.actor2]
            .iter()
            .any(|a| a.starts_with("Military Forces of Mali")),
        "{} / {}",
        e.actor1,
        e.actor2
    );
    assert!(
        e.assoc_actor_1.contains("France") || e.assoc_actor_2.contains("France"),
        "{e:?}"
    );
    // A slash coordinates as "and" does.
    let e = only_event(
        "slash-demonyms",
        "On 9 October 2020, Malian/French forces killed ten JNIM militants near Hombori.",
    );
    assert!(
        [&e.actor1, &e.actor2]
            .iter()
            .any(|a| a.starts_with("Military Forces of Mali")),
        "{} / {}",
        e.actor1,
        e.actor2
    );
}

#[test]
fn government_property_a_crowd_burns_is_no_second_actor() {
    let e = only_event(
        "riot-government-buildings",
        "On 9 October 2020, youths protested violently in Hombori and set fire to government buildings.",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration");
    assert_eq!(e.actor2, "");
}

#[test]
fn islamists_named_only_as_such_are_an_islamist_militia_until_2020() {
    let e = only_event(
        "islamists-2018",
        "On 14 January 2018, Islamist militants attacked the police station in Djibo, Burkina Faso.",
    );
    assert_eq!(e.actor1, "Islamist Militia (Burkina Faso)");
    let d = doc(
        "islamists-2021",
        "On 14 January 2021, Islamist militants attacked the police station in Djibo, Burkina Faso.",
        "2021-10-12",
    );
    let events = Extractor::new(None).unwrap().extract(&d).unwrap();
    assert_eq!(events[0].actor1, "Unidentified Armed Group (Burkina Faso)");
}

#[test]
fn a_police_station_a_crowd_burns_is_property_not_the_police() {
    let e = only_event(
        "riot-police-station",
        "On 9 October 2020, students protested in Hombori and burned the police station.",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration");
    assert_eq!(e.actor2, "");
}

#[test]
fn the_country_a_headline_names_is_the_articles_focus() {
    // "Boungou" is a village of Burkina Faso and one of Niger: with no source country, the
    // headline's "Burkina" decides.
    let mut d = doc(
        "headline-country",
        "Dans la nuit du 25 au 26 août 2022, des véhicules appartenant à la mine de Boungou ont été attaqués par des groupes armés, faisant six civils tués.",
        "2022-08-27",
    );
    d.title = Some("Est du Burkina : l'attaque d'un convoi fait six morts".into());
    let events = Extractor::new(None).unwrap().extract(&d).unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].location, "Boungou");
    assert_eq!(events[0].admin1, "Est");
}

#[test]
fn shots_fired_into_the_air_by_protesting_soldiers_are_a_riot() {
    let e = only_event(
        "soldiers-shots-air",
        "On 9 March 2011, soldiers protested over unpaid bonuses in Mopti and fired into the air.",
    );
    assert_eq!(e.event_type, "Riots");
    assert_eq!(e.sub_event_type, "Violent demonstration");
    // An armed group's shots into the air are no riot.
    let d = doc(
        "militants-shots-air",
        "On 9 March 2020, JNIM militants entered Mopti, fired into the air and burned a school.",
        "2020-03-10",
    );
    let events = Extractor::new(None).unwrap().extract(&d).unwrap();
    assert!(events.iter().all(|e| e.event_type != "Riots"), "{events:#?}");
}

#[test]
fn a_strike_told_alone_is_other_with_the_strikers_as_protesters() {
    let e = only_event(
        "strike-alone",
        "On 4 February 2019, nurses at the hospital of Mopti began observing a 48-hour strike, demanding their unpaid allowances.",
    );
    assert_eq!(e.event_type, "Strategic developments");
    assert_eq!(e.sub_event_type, "Other");
    assert_eq!(e.actor1, "Protesters (Mali)");
    assert_eq!(e.actor2, "");
    // A strike told with a march is a protest.
    let e = only_event(
        "strike-march",
        "On 4 February 2019, nurses in Mopti went on strike and marched to the town hall.",
    );
    assert_eq!(e.sub_event_type, "Peaceful protest");
}

#[test]
fn territory_regained_is_the_governments_even_from_mutineers() {
    let e = only_event(
        "regained-from-rebels",
        "On 2 May 2012, the army regained the northern positions held by rebels near Mopti.",
    );
    assert_eq!(e.sub_event_type, "Government regains territory");
    let e = only_event(
        "regained-from-mutineers",
        "On 2 May 2012, the government regained territory taken by mutinous soldiers in Mopti.",
    );
    assert_eq!(e.sub_event_type, "Government regains territory");
    // A hostage who "regained his freedom" is no territory.
    let d = doc(
        "regained-freedom",
        "On 2 May 2012, a trader abducted last month regained his freedom in Mopti.",
        "2012-05-03",
    );
    let events = Extractor::new(None).unwrap().extract(&d).unwrap();
    assert!(
        events
            .iter()
            .all(|e| e.sub_event_type != "Government regains territory"),
        "{events:#?}"
    );
}

#[test]
fn a_killing_marched_in_memory_of_is_the_protests_motive() {
    let e = only_event(
        "march-in-memory",
        "On 9 February 2019, students in Mopti marched in memory of two pupils who were killed by soldiers in 2012.",
    );
    assert_eq!(e.sub_event_type, "Peaceful protest");
    assert_eq!(e.fatalities, 0);
}

#[test]
fn a_rocket_fired_with_small_arms_is_a_fight() {
    let e = only_event(
        "rocket-small-arms",
        "On 3 March 2020, gunmen fired a rocket and small arms at the gendarmerie post in Mopti.",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
}

#[test]
fn the_attack_named_back_in_a_later_sentence_codes_nothing_new() {
    let e = only_event(
        "attack-named-back",
        "On 30 July 2019, a trader was shot dead by unknown gunmen in Mopti. Officials believe the attack was linked to the presence of jihadist groups in the area.",
    );
    assert_eq!(e.sub_event_type, "Attack");
    assert_eq!(e.actor2, "Civilians (Mali)");
}

#[test]
fn a_crowd_that_gathers_or_marches_protests_and_leaders_who_gather_to_sign_agree() {
    let e = only_event(
        "crowd-gathered",
        "On 5 June 2018, several hundred people gathered in Mopti to demand the reopening of the market.",
    );
    assert_eq!(e.sub_event_type, "Peaceful protest");
    let e = only_event(
        "crowd-march",
        "On 5 June 2018, 3,000 people march in Mopti over water cuts.",
    );
    assert_eq!(e.sub_event_type, "Peaceful protest");
    let e = only_event(
        "leaders-gathered",
        "On 5 June 2018, customary chiefs gathered in Mopti and signed a commitment to peace.",
    );
    assert_eq!(e.sub_event_type, "Agreement");
}

#[test]
fn soldiers_shooting_into_the_air_and_looting_riot() {
    let e = only_event(
        "soldiers-shooting-air",
        "On 2 April 2011, soldiers in Mopti spent the night shooting into the air and looting shops.",
    );
    assert_eq!(e.event_type, "Riots");
}

#[test]
fn villagers_an_armed_group_fights_with_are_a_fight_not_an_attack() {
    let e = only_event(
        "fought-with-villagers",
        "On 13 February 2020, ISGS militants entered Mopti and fought with villagers who refused to hand over their cattle.",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
}

#[test]
fn a_sub_group_named_with_its_group_is_the_actor_in_the_years_acled_names_it() {
    // From 2020 "Katiba Macina (JNIM)" is Katiba Macina, JNIM its associate.
    let e = only_event(
        "macina-bracket-2020",
        "On 3 October 2020, suspected Katiba Macina (JNIM) fighters burned a granary in Dioura.",
    );
    assert!([&e.actor1, &e.actor2].contains(&&"Katiba Macina".to_string()), "{e:?}");
    assert!(e.assoc_actor_1.starts_with("JNIM"), "{e:?}");
    // Before, the name alone stood for JNIM: the group in brackets is the actor.
    let e = only_event_in(
        "ML",
        "macina-bracket-2018",
        "On 3 October 2018, suspected Katiba Macina (JNIM) fighters burned a granary in Dioura.",
        "2018-10-05",
    );
    assert_eq!(e.actor1, "JNIM: Group for Support of Islam and Muslims");
    assert_eq!(e.assoc_actor_1, "Katiba Macina");
}

#[test]
fn jnim_and_isgs_joined_by_a_slash_are_the_either_or_actor() {
    let e = only_event(
        "jnim-slash-isgs",
        "On 3 October 2020, gunmen (presumed JNIM/ISGS) shot dead a herder near Boni.",
    );
    assert_eq!(
        e.actor1,
        "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
    );
}

#[test]
fn rebels_named_by_their_origin_are_that_countrys_armed_group() {
    let e = only_event(
        "libyan-rebels",
        "On 3 October 2020, presumed Libyan rebels ambushed an army convoy near Tessalit, killing two soldiers.",
    );
    assert!(
        [&e.actor1, &e.actor2].contains(&&"Unidentified Armed Group (Libya)".to_string()),
        "{} / {}",
        e.actor1,
        e.actor2
    );
}

#[test]
fn state_forces_named_but_not_hurt_are_the_authors_of_an_unauthored_attack() {
    let e = only_event(
        "warning-shots",
        "On 3 October 2020, a herder was killed when Malian soldiers fired warning shots at motorbikes near Douentza.",
    );
    assert_eq!(e.sub_event_type, "Attack");
    assert!(e.actor1.starts_with("Military Forces of Mali"), "{e:?}");
    assert_eq!(e.actor2, "Civilians (Mali)");
    // A camp is a place, not the hand that shot.
    let e = only_event(
        "near-the-camp",
        "On 3 October 2020, a herder was shot dead near the military camp of Douentza.",
    );
    assert_eq!(e.actor1, "Unidentified Armed Group (Mali)");
}

#[test]
fn a_people_named_before_an_unauthored_attack_are_its_militia() {
    let e = only_event(
        "people-attackers",
        "On 3 October 2020, armed Mossi men killed two Fulani herders near Douentza.",
    );
    assert_eq!(e.sub_event_type, "Attack");
    assert_eq!(e.actor1, "Mossi Ethnic Militia (Mali)");
    assert_eq!(e.actor2, "Civilians (Mali)");
    let e = only_event(
        "people-attackers-2",
        "On 3 October 2020, members of the Songhai community attacked a Fulani camp near Douentza and wounded three herders.",
    );
    assert_eq!(e.actor1, "Songhai Ethnic Militia (Mali)");
    // Victims named before a passive stay victims.
    let e = only_event(
        "people-victims",
        "On 3 October 2020, two Fulani herders were killed near Douentza.",
    );
    assert_eq!(e.actor1, "Unidentified Armed Group (Mali)");
}

#[test]
fn fulani_militiamen_in_niger_are_nigers() {
    let e = only_event_in(
        "NE",
        "fulani-militia-niger",
        "On 3 October 2020, Fulani militiamen shot dead a farmer near Gueskerou.",
        "2020-10-05",
    );
    assert_eq!(e.actor1, "Fulani Ethnic Militia (Niger)");
}

#[test]
fn students_named_by_their_origin_protest_as_their_countrys_crowd() {
    let e = only_event(
        "foreign-students",
        "On 3 October 2020, Nigerien students held a sit-in in front of their embassy in Bamako to demand their grants.",
    );
    assert_eq!(e.actor1, "Protesters (Niger)");
}

#[test]
fn burkina_fasos_forest_guards_are_named_apart_in_2019_and_2020() {
    let run = |date: &str, published: &str| {
        let mut d = doc(
            "rangers",
            &format!("On {date}, unknown gunmen attacked the ranger station in Kabonga and wounded two rangers."),
            published,
        );
        d.country = Some("BF".into());
        let events = Extractor::new(None).unwrap().extract(&d).unwrap();
        assert_eq!(events.len(), 1, "{events:#?}");
        events.into_iter().next().unwrap()
    };
    let e = run("3 March 2020", "2020-03-05");
    assert_eq!(e.actor2, "Forest Guards (Burkina Faso)");
    assert_eq!(e.inter2, 3);
    let e = run("3 March 2018", "2018-03-05");
    assert_eq!(e.actor2, "Police Forces of Burkina Faso (2015-2022) Forest Guards");
    let e = run("3 March 2022", "2022-03-05");
    assert!(e.actor2.starts_with("Police Forces of Burkina Faso"), "{e:?}");
    assert_eq!(e.inter2, 1);
}

#[test]
fn two_named_groups_fight_each_other_not_the_fighters_of_a_later_clause() {
    let e = only_event(
        "jnim-isgs-fighters",
        "On 3 October 2020, JNIM and ISGS militants clashed near Boni. Around twelve fighters were killed.",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    let mut pair = [e.actor1.as_str(), e.actor2.as_str()];
    pair.sort();
    assert_eq!(
        pair,
        [
            "Islamic State (Greater Sahara)",
            "JNIM: Group for Support of Islam and Muslims"
        ]
    );
}

#[test]
fn an_unidentified_plane_is_acleds_unidentified_military_forces() {
    let e = only_event(
        "unidentified-plane",
        "On 3 October 2020, an air strike by an unidentified aircraft killed three herders near Tessalit.",
    );
    assert_eq!(e.sub_event_type, "Air/drone strike");
    assert_eq!(e.actor1, "Unidentified Military Forces");
    assert_eq!(e.inter1, 8);
}

#[test]
fn a_riot_that_hurts_people_it_names_has_them_as_second_actor() {
    let e = only_event(
        "riot-assault",
        "On 3 October 2020, striking students rioted in Hombori and assaulted two teachers.",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration");
    assert_eq!(e.actor2, "Civilians (Mali)");
    // Property alone is no second actor.
    let e = only_event(
        "riot-property",
        "On 3 October 2020, striking students rioted in Hombori and burned the town hall.",
    );
    assert_eq!(e.actor2, "");
}

#[test]
fn security_agents_are_the_forces_that_meet_a_riot() {
    let e = only_event(
        "security-agents",
        "On 3 October 2020, residents rioted in Hombori to demand jobs, and clashes broke out between them and the security agents.",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration");
    assert!(e.actor2.starts_with("Police Forces of Mali"), "{e:?}");
}

#[test]
fn an_operation_launched_against_the_militant_threat_has_no_second_actor() {
    let e = only_event(
        "operation-launched",
        "On 3 October 2020, defense and security forces launched an operation in the regions of Mopti and Gao aimed at countering the militant threat.",
    );
    assert_eq!(e.sub_event_type, "Change to group/activity");
    assert!(e.actor1.starts_with("Military Forces of Mali"), "{e:?}");
    assert_eq!(e.actor2, "");
}

#[test]
fn the_military_forces_of_a_named_country_are_that_countrys() {
    let e = only_event(
        "forces-of-country",
        "On 3 October 2020, military forces of France killed five JNIM militants near Gao.",
    );
    assert!(
        [&e.actor1, &e.actor2]
            .iter()
            .any(|a| a.starts_with("Military Forces of France")),
        "{} / {}",
        e.actor1,
        e.actor2
    );
}

#[test]
fn the_arrest_of_protesters_told_apart_is_the_protests_intervention() {
    let e = only_event(
        "arrest-apart",
        "On 3 October 2020, shopkeepers protested in Sevare against a new market tax. Police arrested a dozen of the protesters.",
    );
    assert_eq!(e.sub_event_type, "Protest with intervention");
    assert!(e.actor2.starts_with("Police Forces of Mali"), "{e:?}");
}

#[test]
fn a_road_between_two_places_is_one_event_at_the_first() {
    let e = only_event(
        "between-pair",
        "On 3 October 2020, unknown gunmen ambushed a police patrol between Douentza and Boni, one policeman was wounded in the attack.",
    );
    assert_eq!(e.location, "Douentza");
    assert!(e.actor2.starts_with("Police Forces of Mali"), "{e:?}");
}

#[test]
fn an_earlier_attack_told_to_place_the_news_is_no_event() {
    let e = only_event(
        "earlier-ambush",
        "On 3 October 2020, a truck sent to the site of an earlier ambush on gendarmes near Boni was struck by an IED, wounding three gendarmes.",
    );
    assert_eq!(e.sub_event_type, "Remote explosive/landmine/IED");
}

#[test]
fn civilians_from_outside_the_region_are_international() {
    let e = only_event(
        "foreign-civilians",
        "On 3 October 2020, unknown gunmen kidnapped a Canadian aid worker near Gao.",
    );
    assert_eq!(e.actor2, "Civilians (International)");
    let e = only_event(
        "malian-civilians",
        "On 3 October 2020, unknown gunmen kidnapped a Malian driver near Gao.",
    );
    assert_eq!(e.actor2, "Civilians (Mali)");
    let e = only_event(
        "touristes-etrangers",
        "Le 3 octobre 2020, des hommes armés ont enlevé deux touristes italiens près de Gao.",
    );
    assert_eq!(e.actor2, "Civilians (International)");
}

#[test]
fn people_described_as_a_militia_are_that_militia() {
    let e = only_event(
        "described-as",
        "On 3 October 2020, JNIM militants attacked the village of Boni and killed four people described as Dozo militiamen.",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    assert_eq!(e.actor2, "Dozo Communal Militia (Mali)");
    // The writer's own word for their status stands.
    let e = only_event(
        "civilians-described-as",
        "On 3 October 2020, JNIM militants killed four civilians described as Dozo militiamen in Boni.",
    );
    assert_eq!(e.sub_event_type, "Attack");
    assert_eq!(e.actor2, "Civilians (Mali)");
}

#[test]
fn the_dead_of_an_accident_make_no_event() {
    let x = Extractor::new(None).unwrap();
    for text in [
        "Six personnes ont perdu la vie le mardi 6 septembre 2022 à Kaya, à la suite d'un éboulement sur un site d'orpaillage.",
        "On 6 September 2022, six miners were killed in Kaya when an artisanal mine collapsed.",
    ] {
        let mut d = doc("accident", text, "2022-09-07");
        d.country = Some("BF".into());
        let events = x.extract(&d).unwrap();
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
    // The accident's dead are not the toll of the protest told with them.
    let e = only_event_in(
        "BF",
        "accident-protest",
        "On 6 September 2022, residents of Kaya demonstrated two days after eight people were killed in a road accident.",
        "2022-09-07",
    );
    assert_eq!(e.sub_event_type, "Peaceful protest");
    assert_eq!(e.fatalities, 0);
}

#[test]
fn an_event_noun_in_an_opening_phrase_leaves_the_subject_to_the_verb() {
    let e = only_event(
        "opening-phrase",
        "In the second raid of the week, gunmen killed a shopkeeper in Hombori on 3 October 2020.",
    );
    assert_eq!(e.sub_event_type, "Attack");
    assert_eq!(e.actor1, "Unidentified Armed Group (Mali)");
    assert_eq!(e.actor2, "Civilians (Mali)");
}

#[test]
fn territory_regained_by_the_subject_is_the_governments_whoever_took_it() {
    let e = only_event(
        "regained-seized",
        "On 3 October 2020, the army regained the town of Boni, seized by ISGS militants a year ago.",
    );
    assert_eq!(e.sub_event_type, "Government regains territory");
    assert!(e.actor1.starts_with("Military Forces of Mali"), "{e:?}");
}

#[test]
fn rebels_are_the_rebellion_acled_names_only_in_its_country_and_period() {
    let text = "Rebels attacked a convoy near Iferouane, killing two drivers.";
    let e = only_event_in("NE", "rebels-2007", text, "2007-08-20");
    assert_eq!(e.actor1, "MNJ: Nigerien Movement for Justice");
    assert_eq!(e.actor2, "Civilians (Niger)");
    // Before and after the rebellion, and in another country, the word names no one.
    let e = only_event_in("NE", "rebels-2015", text, "2015-08-20");
    assert_eq!(e.actor1, "Unidentified Armed Group (Niger)");
    let e = only_event_in(
        "ML",
        "rebels-mali",
        "Rebels attacked a convoy near Kidal, killing two drivers.",
        "2007-08-20",
    );
    assert_eq!(e.actor1, "Unidentified Armed Group (Mali)");
    // Next to a group's name the word is that group, not the rebellion as its associate.
    let e = only_event_in(
        "NE",
        "fars-rebels",
        "FARS rebels attacked a convoy near Iferouane, killing two drivers.",
        "2008-04-20",
    );
    assert_eq!(e.actor1, "FARS: Revolutionary Armed Forces of the Sahara");
    assert_eq!(e.assoc_actor_1, "");
}

#[test]
fn aqim_is_named_in_the_lands_of_the_islamic_maghreb() {
    let e = only_event_in(
        "NE",
        "aqim-lands",
        "On 5 May 2011, fighters of Al-Qaidah in the Lands of the Islamic Maghreb abducted two tourists near Agadez.",
        "2011-05-06",
    );
    assert_eq!(e.actor1, "AQIM: Al Qaeda in the Islamic Maghreb");
}

#[test]
fn forces_named_by_their_building_are_the_forces_the_event_names_there() {
    let e = only_event(
        "army-post-gendarmes",
        "On 3 October 2020, gunmen opened fire on the army post in Hombori. Two gendarmes were killed.",
    );
    assert_eq!(e.actor2, "Military Forces of Mali (2020-2021) Gendarmerie");
    // Two buildings attacked together: the first named stays the side.
    let e = only_event(
        "station-and-gendarmerie",
        "On 3 October 2020, gunmen attacked the police station and the gendarmerie in Hombori, a gendarme was wounded.",
    );
    assert_eq!(e.actor2, "Police Forces of Mali (2020-2021)");
}

#[test]
fn those_who_signed_in_blood_are_named() {
    let e = only_event_in(
        "NE",
        "signed-in-blood",
        "On 2 June 2013, fighters of the Signatories in Blood attacked an army barracks in Agadez.",
        "2013-06-03",
    );
    assert_eq!(e.actor1, "Those Who Signed in Blood");
}

#[test]
fn two_unidentified_armed_groups_that_clash_are_both_sides() {
    let e = only_event(
        "two-armed-groups",
        "On 3 October 2020, two armed groups clashed over stolen cattle near Hombori, killing five people.",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    assert_eq!(e.actor1, "Unidentified Armed Group (Mali)");
    assert_eq!(e.actor2, "Unidentified Armed Group (Mali)");
}

#[test]
fn refugees_protest_as_their_countrys_protesters() {
    let e = only_event_in(
        "NE",
        "ethiopian-refugees",
        "On 28 August 2019, Ethiopian refugees demonstrated outside the UNHCR offices in Niamey over the slow processing of their files.",
        "2019-08-31",
    );
    assert_eq!(e.actor1, "Protesters (Ethiopia)");
}

#[test]
fn drug_traffickers_are_an_armed_group() {
    let e = only_event_in(
        "NE",
        "traffickers",
        "On 3 October 2019, the police dismantled an arms trafficking network in Agadez.",
        "2019-10-05",
    );
    assert_eq!(e.sub_event_type, "Disrupted weapons use");
    assert_eq!(e.actor2, "Unidentified Armed Group (Niger)");
}

#[test]
fn a_later_clause_without_author_is_the_earlier_authors() {
    // The army is what the young men tried to join, not who executed them.
    let e = only_event_in(
        "NE",
        "context-author",
        "On 15 July 2020, ISWAP militants abducted five young men who had tried to join the army in Bosso. Four were executed.",
        "2020-07-18",
    );
    assert_eq!(e.actor1, "Islamic State (West Africa)");
    assert_eq!(e.fatalities, 4);
}

#[test]
fn forces_hit_together_with_the_second_actor_are_its_associates() {
    let e = only_event_in(
        "BF",
        "joint-patrol",
        "On 19 May 2020, JNIM militants ambushed a joint gendarmerie and VDP patrol near Djibo, killing two gendarmes.",
        "2020-05-21",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    assert!(e.actor2.starts_with("Police Forces of Burkina Faso"), "{e:?}");
    assert_eq!(e.assoc_actor_2, "VDP: Volunteer for Defense of Homeland");
}

#[test]
fn riot_nouns_in_a_protests_motive_are_what_it_protests() {
    // "Barricades" and "riots" after a protest word and its motive are its subject, not the
    // crowd's violence.
    for (id, text) in [
        (
            "motive-barricades",
            "On 3 October 2020, shopkeepers demonstrated in Hombori, demanding the removal of barricades that closed the market.",
        ),
        (
            "motive-riots",
            "On 3 October 2020, shopkeepers marched in Hombori to protest the arrests made during last month's riots.",
        ),
        (
            "motive-in-light-of",
            "On 3 October 2020, shopkeepers marched in Hombori in light of recent attacks on the road to Gao.",
        ),
    ] {
        let e = only_event(id, text);
        assert_eq!(e.sub_event_type, "Peaceful protest", "{id}: {e:?}");
    }
    // Riot verbs stay the crowd's.
    let e = only_event(
        "motive-barricaded",
        "On 3 October 2020, shopkeepers demonstrated in Hombori against the tax and barricaded the road.",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration");
}

#[test]
fn a_mine_after_a_proper_name_is_a_mining_site() {
    let e = only_event(
        "named-mine",
        "On 3 October 2020, gunmen attacked a bus carrying workers to the Tabakoto mine near Kenieba, killing two passengers.",
    );
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
    // A mine with no name before it is still a landmine.
    let e = only_event(
        "landmine",
        "On 3 October 2020, a bus carrying workers hit a mine near Kenieba, killing two passengers.",
    );
    assert_eq!(e.sub_event_type, "Remote explosive/landmine/IED", "{e:?}");
}

#[test]
fn an_ambush_of_civilians_is_an_attack_and_of_soldiers_a_clash() {
    let e = only_event(
        "ambush-civilians",
        "On 3 October 2020, unknown gunmen ambushed a trader and his sons near Kenieba, the trader was shot dead.",
    );
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
    let e = only_event(
        "ambush-soldiers",
        "On 3 October 2020, unknown gunmen ambushed an army patrol near Kenieba, killing two soldiers.",
    );
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
}

#[test]
fn an_event_noun_after_a_cause_word_is_why_the_event_happened() {
    let e = only_event(
        "cause-arrest",
        "On 3 October 2020, residents of Hombori vandalized the town hall following the arrest of their chief.",
    );
    assert_eq!(e.event_type, "Riots", "{e:?}");
    let e = only_event(
        "cause-ambush",
        "On 3 October 2020, soldiers defused an IED discovered near Hombori in the wake of an ambush.",
    );
    assert_eq!(e.sub_event_type, "Disrupted weapons use", "{e:?}");
    // A fight after which something happened is the event told.
    let e = only_event(
        "cause-clash",
        "On 3 October 2020, soldiers captured two gunmen near Hombori soon after a clash.",
    );
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
}

#[test]
fn an_attack_named_after_amid_is_the_setting_of_the_event_told() {
    let e = only_event(
        "cause-amid",
        "On 3 October 2020, gunmen burned the school of Hombori, teachers managed to hide amidst the attack.",
    );
    assert_eq!(e.sub_event_type, "Looting/property destruction", "{e:?}");
}

#[test]
fn property_of_owners_hit_by_violence_that_harms_nobody_is_destroyed_property() {
    let e = only_event(
        "owner-huts",
        "On 3 October 2020, presumed JNIM militants attacked the village of Boni and burned huts belonging to members of the Dogon community.",
    );
    assert_eq!(e.sub_event_type, "Looting/property destruction", "{e:?}");
    // People who burn are the authors, as their militia.
    let e = only_event(
        "owner-people-author",
        "On 3 October 2020, Fulani attacked and burned huts belonging to members of the Dogon community in Boni.",
    );
    assert_eq!(e.sub_event_type, "Looting/property destruction", "{e:?}");
    assert_eq!(e.actor1, "Fulani Ethnic Militia (Mali)");
    // People hurt are victims, owners or not.
    let e = only_event(
        "owner-hurt",
        "On 3 October 2020, presumed JNIM militants attacked the village of Boni and wounded two traders.",
    );
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
}

#[test]
fn a_crowd_that_smashes_windows_riots() {
    let e = only_event(
        "smashed-windows",
        "On 3 October 2020, students smashed windows while protesting at the university of Bamako, demanding that classes resume.",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration", "{e:?}");
}

#[test]
fn a_road_blocked_in_a_protest_is_a_riot_told_in_the_passive_too() {
    let e = only_event(
        "road-was-blocked",
        "On 3 October 2020, students demonstrated in Sevare over the death of a classmate. The main road was blocked for an hour.",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration", "{e:?}");
}

#[test]
fn to_fight_something_is_a_purpose_not_a_fight() {
    let e = only_event(
        "to-fight",
        "On 3 October 2020, farmers marched in Sevare against a project to fight locusts with pesticides.",
    );
    assert_eq!(e.sub_event_type, "Peaceful protest", "{e:?}");
}

#[test]
fn unarmed_sides_of_a_quarrel_clash_as_a_mob() {
    let e = only_event(
        "rival-groups",
        "On 3 October 2020, opposing political groups clashed in Sevare after the mayoral election, causing several injuries.",
    );
    assert_eq!(e.sub_event_type, "Mob violence");
    assert_eq!(e.actor1, "Rioters (Mali)");
    assert_eq!(e.actor2, "Rioters (Mali)");
}

#[test]
fn a_counter_terrorism_unit_is_a_force_not_commentary() {
    let e = only_event_in(
        "BF",
        "counter-terrorism-unit",
        "On 18 December 2019, the army's counter-terrorism unit was fired upon in Djibo, the soldiers responded and killed two militants.",
        "2019-12-20",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    assert_eq!(e.fatalities, 2);
}

#[test]
fn a_group_people_are_suspected_of_being_is_no_side() {
    let e = only_event(
        "alleged-to-be",
        "On 3 October 2020, soldiers shot dead two unarmed individuals at the market in Boni. Those killed were alleged to be militants.",
    );
    assert_eq!(e.sub_event_type, "Attack");
    assert!(e.actor1.starts_with("Military Forces of Mali"), "{e:?}");
    assert_eq!(e.actor2, "Civilians (Mali)");
}

#[test]
fn an_escort_is_hit_with_what_it_guards() {
    let e = only_event_in(
        "BF",
        "escorted-by",
        "On 18 April 2020, JNIM militants ambushed a university vehicle escorted by the gendarmerie near Fada N'Gourma.",
        "2020-04-20",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    assert!(e.actor1.starts_with("JNIM"), "{e:?}");
    assert!(e.actor2.starts_with("Police Forces of Burkina Faso"), "{e:?}");
    // Whoever died: the escort is the side fought.
    let e = only_event_in(
        "BF",
        "escorted-bus",
        "On 17 August 2020, unknown gunmen attacked a bus carrying mine employees escorted by police near Kaya, killing two employees.",
        "2020-08-19",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    assert!(e.actor2.starts_with("Police Forces of Burkina Faso"), "{e:?}");
    assert_eq!(e.fatalities, 2);
}

#[test]
fn a_crowd_that_closes_an_office_protests() {
    let e = only_event_in(
        "BF",
        "closed-down",
        "On 30 January 2019, students in Hounde closed down the high commissioner's office.",
        "2019-02-01",
    );
    assert_eq!(e.sub_event_type, "Peaceful protest");
    assert_eq!(e.actor1, "Protesters (Burkina Faso)");
}

#[test]
fn arrests_said_not_to_have_happened_make_no_intervention() {
    let e = only_event_in(
        "BF",
        "no-arrests",
        "On 3 October 2020, health workers held a sit-in in Kaya and there were talks with police but no violence or arrests were mentioned.",
        "2020-10-05",
    );
    assert_eq!(e.sub_event_type, "Peaceful protest");
    assert_eq!(e.actor2, "");
}

#[test]
fn shots_into_the_air_by_an_armed_group_are_a_show_of_force() {
    let e = only_event(
        "air-shots-group",
        "On 19 June 2020, JNIM militants summoned villagers for prayer in Boni and fired gunshots in the air when they left.",
    );
    assert_eq!(e.event_type, "Strategic developments");
    assert_eq!(e.sub_event_type, "Other");
    // A protesting crowd's shots into the air stay its violence.
    let e = only_event(
        "air-shots-crowd",
        "On 3 October 2020, soldiers protested over unpaid bonuses and fired into the air in Kati.",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration");
    assert_eq!(e.actor1, "Rioters (Mali)");
}

#[test]
fn soldiers_hit_after_a_joint_operation_are_hit_by_the_enemy_not_an_ally() {
    // The second sentence names no author: the soldiers were hit by the group the operation
    // fought, so the sides stay that group and the host country's army, not its ally's.
    let e = only_event_in(
        "NE",
        "joint-operation-wounded",
        "On 4 March 2016, 20 Boko Haram fighters were killed in joint Nigerien/Chadian military operations near Bosso. Three soldiers were wounded.",
        "2016-03-05",
    );
    let mut pair = [e.actor1.as_str(), e.actor2.as_str()];
    pair.sort_unstable();
    assert!(
        pair.iter().any(|a| a.starts_with("Military Forces of Niger")),
        "{pair:?}"
    );
    assert!(
        !pair.iter().any(|a| a.starts_with("Military Forces of Chad")),
        "{pair:?}"
    );
}

#[test]
fn an_unnamed_side_is_the_rebellion_of_its_country_and_period() {
    // Niger during the MNJ's rebellion: the side the text does not name is the MNJ.
    let e = only_event_in(
        "NE",
        "unnamed-side-rebellion",
        "On 12 May 2008, two soldiers were abducted and three killed near Iferouane.",
        "2008-05-13",
    );
    assert_eq!(e.actor1, "MNJ: Nigerien Movement for Justice");
    assert_eq!(e.actor2, "Military Forces of Niger (1999-2010)");
    // After the peace, or when the text calls them unidentified, they are no one's.
    let e = only_event_in(
        "NE",
        "unnamed-side-after",
        "On 12 May 2012, two soldiers were abducted and three killed near Iferouane.",
        "2012-05-13",
    );
    assert_eq!(e.actor1, "Unidentified Armed Group (Niger)");
    let e = only_event_in(
        "NE",
        "unidentified-named",
        "On 12 May 2008, unidentified armed men attacked herders near Iferouane.",
        "2008-05-13",
    );
    assert_eq!(e.actor1, "Unidentified Armed Group (Niger)");
}

#[test]
fn a_demonym_coordinated_with_a_multinational_force_names_its_own_forces() {
    // "Nigerien and MNJTF forces": "Nigerien forces" is Niger's army, with the task force
    // as its associate.
    let e = only_event_in(
        "NE",
        "demonym-and-mnjtf",
        "On 2 June 2020, Nigerien and MNJTF forces killed 12 Boko Haram militants on an island near Bosso.",
        "2020-06-03",
    );
    let sides = [e.actor1.as_str(), e.actor2.as_str()];
    assert!(sides.iter().any(|a| a.starts_with("Military Forces of Niger")), "{e:?}");
    let state_assoc = if e.actor1.starts_with("Military Forces of Niger") {
        &e.assoc_actor_1
    } else {
        &e.assoc_actor_2
    };
    assert_eq!(state_assoc, "MNJTF: Multinational Joint Task Force", "{e:?}");
}

#[test]
fn state_forces_that_act_in_a_clash_are_its_first_actor_unless_they_defend() {
    // ACLED's actor1 is the side that acted: the army that killed militants, not the
    // militants it killed.
    let e = only_event_in(
        "ML",
        "army-acts",
        "On 3 March 2023, Malian soldiers killed four militants near Diafarabe.",
        "2023-03-05",
    );
    assert_eq!(e.event_type, "Battles", "{e:?}");
    assert!(e.actor1.starts_with("Military Forces of Mali"), "{e:?}");
    assert_eq!(e.actor2, "Unidentified Armed Group (Mali)", "{e:?}");
    let e = only_event_in(
        "BF",
        "armee-neutralise",
        "L'armée a neutralisé une dizaine de terroristes mardi près de Djibo.",
        "2022-06-02",
    );
    assert!(e.actor1.starts_with("Military Forces of Burkina Faso"), "{e:?}");
    // Soldiers who repelled an attack defended: the attackers come first.
    let e = only_event_in(
        "BF",
        "armee-repousse",
        "Les militaires du détachement de Kaya ont repoussé une attaque d'hommes armés mardi.",
        "2022-06-02",
    );
    assert_eq!(e.actor1, "Unidentified Armed Group (Burkina Faso)", "{e:?}");
    assert!(e.actor2.starts_with("Military Forces of Burkina Faso"), "{e:?}");
    // Militants who attacked soldiers stay first.
    let e = only_event_in(
        "BF",
        "militants-attack",
        "On 3 March 2020, militants attacked soldiers near Djibo, killing two of them.",
        "2020-03-05",
    );
    assert_eq!(e.actor1, "Unidentified Armed Group (Burkina Faso)", "{e:?}");
}

#[test]
fn state_forces_named_as_what_was_attacked_defended() {
    // The army's toll of an attack on its own post: the attackers come first.
    for (id, text) in [
        (
            "attaque-contre",
            "Le 3 mars 2022, les soldats ont abattu huit assaillants lors de l'assaut contre le poste de gendarmerie de Kaya.",
        ),
        (
            "subi-par",
            "Le 3 mars 2022, l'assaut subi par le poste de gendarmerie de Kaya a duré deux heures.",
        ),
    ] {
        let e = only_event_in("BF", id, text, "2022-03-05");
        assert_eq!(e.actor1, "Unidentified Armed Group (Burkina Faso)", "{id}: {e:?}");
        assert!(e.actor2.contains("Forces of Burkina Faso"), "{id}: {e:?}");
    }
    // Forces that attack are still first.
    let e = only_event_in(
        "BF",
        "armee-attaque",
        "Le 3 mars 2022, les soldats ont abattu huit assaillants lors de l'assaut contre leur repaire près de Kaya.",
        "2022-03-05",
    );
    assert!(e.actor1.starts_with("Military Forces of Burkina Faso"), "{e:?}");
}

#[test]
fn dated_names_of_jihadists_fall_back_to_an_unidentified_group_outside_their_period() {
    // ACLED named Burkina Faso's "jihadists" Islamist Militia until 2019; in Mali, or
    // later, they are an unidentified armed group.
    let e = only_event_in(
        "ML",
        "jihadists-mali",
        "On 7 May 2023, suspected jihadists killed 14 soldiers in an attack near Boni.",
        "2023-05-09",
    );
    assert_eq!(e.actor1, "Unidentified Armed Group (Mali)", "{e:?}");
    let e = only_event_in(
        "BF",
        "jihadists-bf-2016",
        "On 7 May 2016, suspected jihadists killed two soldiers in an attack near Djibo.",
        "2016-05-09",
    );
    assert_eq!(e.actor1, "Islamist Militia (Burkina Faso)", "{e:?}");
}

#[test]
fn a_vague_quantity_of_reports_counts_no_dead() {
    // "Some sources": the sources are counted, not the dead.
    let e = only_event_in(
        "BF",
        "some-sources",
        "On 3 March 2020, gunmen attacked Djibo. Some sources reported deaths.",
        "2020-03-05",
    );
    assert_eq!(e.fatalities, 0, "{e:?}");
    let e = only_event_in(
        "BF",
        "some-reports-several",
        "On 3 March 2020, gunmen attacked Djibo. Some reports say several people died.",
        "2020-03-05",
    );
    assert_eq!(e.fatalities, 3, "{e:?}");
}

#[test]
fn forces_that_ran_an_operation_killed_the_militants_of_the_passive_after_it() {
    // The opening clause names who acted; the passive after the comma names who died.
    let e = only_event_in(
        "NE",
        "operation-passive",
        "On 5 April 2021, Nigerien forces carried out an operation near Ouallam against a group of ISGS militants, six militants were killed.",
        "2021-04-07",
    );
    assert!(e.actor1.starts_with("Military Forces of Niger"), "{e:?}");
    assert_eq!(e.actor2, "Islamic State (Greater Sahara)", "{e:?}");
    // Partners named with them act with them.
    let e = only_event_in(
        "NE",
        "operation-partners",
        "On 5 April 2021, army and gendarmerie units conducted a sweep near Ouallam targeting ISGS militants, six militants were killed.",
        "2021-04-07",
    );
    assert!(e.actor1.starts_with("Military Forces of Niger"), "{e:?}");
    assert!(e.assoc_actor_1.contains("Gendarmerie"), "{e:?}");
}

#[test]
fn the_forces_that_disrupt_weapons_come_before_the_group_that_planted_them() {
    let e = only_event_in(
        "BF",
        "dwu-order",
        "On 24 May 2019, an army unit dismantled an IED planted by JNIM militants near Namssiguia.",
        "2019-05-26",
    );
    assert_eq!(e.sub_event_type, "Disrupted weapons use", "{e:?}");
    assert!(e.actor1.starts_with("Military Forces of Burkina Faso"), "{e:?}");
    assert!(e.actor2.starts_with("JNIM"), "{e:?}");
}

#[test]
fn a_militia_that_repels_an_attack_is_its_second_actor() {
    let e = only_event_in(
        "BF",
        "vdp-repel",
        "On 2 June 2020, JNIM militants raided a hamlet near Kaya. Volunteer fighters of the VDP repelled the raid and killed two of the assailants.",
        "2020-06-04",
    );
    assert!(e.actor1.starts_with("JNIM"), "{e:?}");
    assert!(e.actor2.starts_with("VDP"), "{e:?}");
}

#[test]
fn two_groups_that_clashed_keep_their_order_into_the_toll_sentence() {
    let e = only_event_in(
        "BF",
        "two-groups-toll",
        "On 2 May 2021, JNIM and ISGS militants clashed near the village of Djibo. About ten fighters were killed in the fighting.",
        "2021-05-04",
    );
    assert!(e.actor1.starts_with("JNIM"), "{e:?}");
    assert_eq!(e.actor2, "Islamic State (Greater Sahara)", "{e:?}");
}

/// The events of `text` read as a source of `country` publishes them.
/// Each `(id, text)` of `cases`, read in `country` and published on `published`, tells no event.
fn assert_no_event_in(country: &str, published: &str, cases: &[(&str, &str)]) {
    for &(id, text) in cases {
        let events = events_in(country, id, text, published);
        assert!(events.is_empty(), "{id}: {events:#?}");
    }
}

fn events_in(country: &str, id: &str, text: &str, published: &str) -> Vec<Event> {
    let mut d = doc(id, text, published);
    d.country = Some(country.into());
    // Placed or not: these tests check coding, and a check that no event is told holds for
    // events at the country alone too. Leaving those out by default has its own test.
    let events = Extractor::new(None).unwrap().with_unplaced(true).extract(&d).unwrap();
    assert_evidence_quotes(&d, &events);
    events
}

#[test]
fn a_list_of_places_gives_one_event_each_and_shares_the_dead() {
    // ACLED codes one event per location and divides a toll told for all of them evenly,
    // the first places taking what does not divide.
    let events = events_in(
        "BF",
        "three-villages",
        "On 3 May 2021, gunmen attacked the villages of Kelbo, Tongomayel and Djibo and killed seven civilians.",
        "2021-05-05",
    );
    let mut places: Vec<(&str, u32)> = events.iter().map(|e| (e.location.as_str(), e.fatalities)).collect();
    places.sort();
    assert_eq!(places, [("Djibo", 2), ("Kelbo", 3), ("Tongomayel", 2)], "{events:#?}");
    assert!(events.iter().all(|e| e.sub_event_type == "Attack"), "{events:#?}");
    // French lists too.
    let events = events_in(
        "BF",
        "deux-villes",
        "Le 3 mai 2021, des manifestations ont eu lieu à Kaya et à Dori.",
        "2021-05-05",
    );
    assert_eq!(events.len(), 2, "{events:#?}");
    // Two sites, each named by its town.
    for text in [
        "Le 3 mai 2021, la brigade de gendarmerie de Kantchari et le poste de douane de Diapaga ont été attaqués par des hommes armés.",
        "On 3 May 2021, armed men stormed both the police post in Kantchari and the customs post in Diapaga.",
    ] {
        let events = events_in("BF", "two-sites", text, "2021-05-05");
        let mut places: Vec<&str> = events.iter().map(|e| e.location.as_str()).collect();
        places.sort();
        assert_eq!(places, ["Diapaga", "Kantchari"], "{text}: {events:#?}");
    }
}

#[test]
fn places_that_are_not_a_list_give_one_event() {
    for text in [
        // The ends of a road.
        "On 3 May 2021, gunmen killed a trader between the villages of Kelbo and Tongomayel.",
        // A place and where it lies.
        "On 3 May 2021, gunmen killed a trader in Kelbo, Soum.",
        // Where people came from.
        "On 3 May 2021, traders from Kelbo, Tongomayel and Djibo protested in Dori.",
    ] {
        let events = events_in("BF", "not-a-list", text, "2021-05-05");
        assert_eq!(events.len(), 1, "{text}: {events:#?}");
    }
}

#[test]
fn territory_taken_with_no_side_named_is_taken_from_the_state() {
    let e = only_event_in(
        "NE",
        "mutiny-takes-town",
        "On 2 March 2003, mutinying soldiers took control of Ngourti.",
        "2003-03-04",
    );
    assert_eq!(e.sub_event_type, "Non-state actor overtakes territory", "{e:?}");
    assert!(e.actor1.starts_with("Mutiny of Military Forces of Niger"), "{e:?}");
    assert!(e.actor2.starts_with("Military Forces of Niger"), "{e:?}");
}

#[test]
fn a_government_that_reports_an_attack_takes_no_part_in_it() {
    let x = Extractor::new(None).unwrap();
    for text in [
        "Le gouverneur de la province du Loroum, Jean Kaboré, porte à la connaissance des populations que le village \
         de Tanga a été attaqué par des hommes armés le lundi 3 octobre 2022. Quatre civils ont été tués.",
        "Selon un communiqué du gouvernement, des hommes armés ont attaqué le village de Tanga le lundi 3 octobre 2022, \
         tuant quatre civils.",
    ] {
        let e = sole_event(&x, text, "2022-10-05");
        assert_eq!(e.sub_event_type, "Attack", "{text}");
        assert!(e.actor1.starts_with("Unidentified Armed Group"), "{text}: {}", e.actor1);
        assert!(e.actor2.starts_with("Civilians"), "{text}: {}", e.actor2);
    }
}

#[test]
fn an_attack_that_only_did_material_damage_destroys_property() {
    let x = Extractor::new(None).unwrap();
    let text = "Des hommes armés ont mené une attaque contre la mairie de Tanga dans la nuit du 3 octobre 2022. \
                L'attaque a fait d'importants dégâts matériels.";
    let e = sole_event(&x, text, "2022-10-05");
    assert_eq!(e.sub_event_type, "Looting/property destruction");
}

#[test]
fn companies_of_the_republican_security_are_the_police() {
    let x = Extractor::new(None).unwrap();
    let text = "Une patrouille des compagnies républicaines de sécurité a été attaquée par des hommes armés près de \
                Tanga le lundi 3 octobre 2022. Deux agents ont été blessés.";
    let e = sole_event(&x, text, "2022-10-05");
    assert!(e.actor2.starts_with("Police Forces"), "{}", e.actor2);
}

#[test]
fn property_wrecked_by_no_one_named_is_an_unnamed_group_against_civilians() {
    let x = Extractor::new(None).unwrap();
    let text = "Le pont de Tanga a été dynamité dans la nuit du lundi 3 octobre 2022.";
    let e = sole_event(&x, text, "2022-10-05");
    assert_eq!(e.sub_event_type, "Looting/property destruction");
    assert!(e.actor1.starts_with("Unidentified Armed Group"), "{}", e.actor1);
    assert!(e.actor2.starts_with("Civilians"), "{}", e.actor2);
}

#[test]
fn an_army_that_announces_another_force_was_attacked_is_not_its_side() {
    let x = Extractor::new(None).unwrap();
    let text = "L'armée annonce que le poste de gendarmerie de Tanga a été la cible d'une attaque terroriste le lundi \
                3 octobre 2022. Quatre gendarmes ont perdu la vie.";
    let e = sole_event(&x, text, "2022-10-05");
    assert!(e.actor2.contains("Gendarmerie"), "{}", e.actor2);
}

#[test]
fn explosives_set_off_against_a_structure_are_remote_violence() {
    let e = only_event(
        "set-off-explosives",
        "On 9 October 2020, gunmen set off explosives and destroyed the culvert on the road to Boni.",
    );
    assert_eq!(e.sub_event_type, "Remote explosive/landmine/IED", "{e:?}");
}

#[test]
fn animals_killed_are_property_not_people() {
    let e = only_event(
        "livestock-killed",
        "On 9 October 2020, gunmen burned granaries and shot dead livestock in a hamlet near Boni.",
    );
    assert_eq!(e.sub_event_type, "Looting/property destruction", "{e:?}");
    assert_eq!(e.fatalities, 0, "{e:?}");
}

#[test]
fn a_force_named_with_the_first_agent_is_its_partner() {
    let e = only_event_in(
        "BF",
        "army-and-guards",
        "On 9 October 2020, the army and forest guards entered a hamlet near Djibo and burned granaries.",
        "2020-10-12",
    );
    assert!(e.actor1.starts_with("Military Forces of Burkina Faso"), "{e:?}");
    assert_eq!(e.assoc_actor_1, "Forest Guards (Burkina Faso)", "{e:?}");
    assert_eq!(e.actor2, "Civilians (Burkina Faso)", "{e:?}");
}

#[test]
fn a_crowd_that_destroys_with_a_demand_is_a_violent_demonstration() {
    let e = only_event_in(
        "BF",
        "demand-destroy",
        "On 3 May 2011, high school students in Kaya destroyed office furniture to express discontent with exam policies.",
        "2011-05-05",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration", "{e:?}");
    // With no demand, a crowd that burns is a mob.
    let e = only_event_in(
        "BF",
        "mob-destroy",
        "On 3 May 2011, residents of Kaya burned the house of a suspected thief.",
        "2011-05-05",
    );
    assert_eq!(e.sub_event_type, "Mob violence", "{e:?}");
}

#[test]
fn retired_or_former_forces_are_civilians_in_french_too() {
    for text in [
        "Le 27 mai 2017, des hommes armés ont tué un gendarme à la retraite à Djibo.",
        "Le 27 mai 2017, des hommes armés ont tué un ancien militaire à Djibo.",
    ] {
        let e = only_event_in("BF", "retraite", text, "2017-05-29");
        assert_eq!(e.sub_event_type, "Attack", "{text}: {e:?}");
        assert_eq!(e.actor2, "Civilians (Burkina Faso)", "{text}: {e:?}");
    }
}

#[test]
fn captives_killed_after_interrogation_or_in_detention_are_executed() {
    for text in [
        "On 2 March 2021, militiamen captured three armed robbers near Kaya and killed them after interrogation.",
        "Le 2 mars 2021, un suspect est mort en détention à la gendarmerie de Kaya.",
    ] {
        let e = only_event_in("BF", "captives", text, "2021-03-04");
        assert_eq!(e.sub_event_type, "Attack", "{text}: {e:?}");
        assert_eq!(e.actor2, "Civilians (Burkina Faso)", "{text}: {e:?}");
    }
}

#[test]
fn deaths_in_a_document_that_tells_no_violence_make_no_event() {
    let x = Extractor::new(None).unwrap();
    for (text, title) in [
        (
            "Four people died in Lyon this week of a fever the hospital has not yet named. Doctors say the dead had all eaten at the same market.",
            "Four dead of unknown fever",
        ),
        (
            "La mort de l'ancien maire de Dori, décédé mardi à l'âge de 90 ans, a ému toute la ville.",
            "Décès de l'ancien maire",
        ),
    ] {
        let mut d = doc("no-violence", text, "2022-09-07");
        d.title = Some(title.into());
        let events = x.extract(&d).unwrap();
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
    // The same words carry the toll where the document tells violence: an attack word,
    // an armed group, or a wound.
    for text in [
        "On 6 September 2022, four people died in Djibo after gunmen opened fire on the market.",
        "On 6 September 2022, a boy hit by a stray bullet in Djibo died of his injuries.",
    ] {
        let e = only_event_in("BF", "violence", text, "2022-09-07");
        assert_eq!(e.event_type, "Violence against civilians", "{text}");
        assert!(e.fatalities >= 1, "{text}: {e:#?}");
    }
}

#[test]
fn ordinary_crime_makes_no_event_but_armed_groups_and_crowds_do() {
    let x = Extractor::new(None).unwrap();
    let text = "A man was shot dead outside a bar in Springfield on Saturday night. Detectives said the \
                suspect, a 24-year-old neighbour, was arrested on Sunday and charged with murder.";
    let events = x.extract(&doc("crime", text, "2018-04-10")).unwrap();
    assert!(events.is_empty(), "{events:#?}");
    // Suspects of an armed group, or an army, are no ordinary crime.
    let e = only_event_in(
        "BF",
        "militants-charged",
        "On 6 September 2022, gunmen of Ansaroul Islam killed two traders in Djibo. The prosecutor said three suspects were arrested.",
        "2022-09-07",
    );
    assert_eq!(e.sub_event_type, "Attack");
    // A crowd's protest over a crime is an event.
    let e = only_event_in(
        "BF",
        "crime-protest",
        "On 6 September 2022, hundreds of residents of Kaya marched to the police station to protest against the killing of a shopkeeper; the suspect was arrested on Sunday.",
        "2022-09-07",
    );
    assert_eq!(e.event_type, "Protests");
}

#[test]
fn later_stages_of_a_case_and_police_inquiries_tell_ordinary_crime() {
    let x = Extractor::new(None).unwrap();
    for text in [
        "A woman was shot dead in her kitchen in Springfield on Saturday. Her husband later pleaded no \
         contest to second-degree murder.",
        "Two men were found shot dead in a parked car in Springfield on Saturday night, and police are \
         investigating.",
        "A coroner's inquest ruled on Tuesday that the officer who shot a man in Springfield in January \
         acted lawfully.",
        // Police appeals to the public and lesser assault charges.
        "Two men were wounded by gunfire in a Springfield car park on Friday. Anyone with information is \
         asked to call Crime Stoppers.",
        "A bar owner in Springfield was arrested on Friday on a charge of simple assault after punching a \
         customer.",
    ] {
        let events = x.extract(&doc("crime-later", text, "2018-04-10")).unwrap();
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
    // A political figure held on murder charges is an arrest ACLED codes: "on charges of" is no
    // cue of ordinary crime.
    let e = only_event_in(
        "BF",
        "political-arrest",
        "On 6 September 2022, a former minister was arrested in Ouagadougou on charges of murder.",
        "2022-09-07",
    );
    assert_eq!(e.location, "Ouagadougou");
}

#[test]
fn one_gunman_in_a_criminal_case_is_no_armed_group() {
    let x = Extractor::new(None).unwrap();
    let text = "A gunman shot two customers at a petrol station in Springfield on Friday night. The \
                suspect was arrested on Saturday and charged with attempted murder.";
    let events = x.extract(&doc("lone-gunman", text, "2018-04-10")).unwrap();
    assert!(events.is_empty(), "{events:#?}");
    // An army named where nothing happens is the victim's past, no force at work.
    let text = "A man was found shot dead in his Springfield home on Friday. He had served in the army \
                for twenty years. Detectives said the suspect, his neighbour, was charged with murder.";
    let events = x.extract(&doc("army-past", text, "2018-04-10")).unwrap();
    assert!(events.is_empty(), "{events:#?}");
    // Gunmen, several of them, stay an armed group even when a suspect is charged.
    let events = events_in(
        "BF",
        "gunmen-charged",
        "On 6 September 2022, gunmen shot two traders in Djibo. A suspect was charged with murder on Thursday.",
        "2022-09-07",
    );
    assert!(events.iter().any(|e| e.sub_event_type == "Attack"), "{events:#?}");
}

#[test]
fn in_a_criminal_case_crowd_words_need_a_crowd_and_political_arrests_stay() {
    let x = Extractor::new(None).unwrap();
    for text in [
        "A man robbed a restaurant in Springfield at gunpoint on Monday and walked out the back door. \
         The suspect was charged with robbery.",
        "Detectives said a motion to strike the charges was filed in Springfield on Monday. The suspect \
         was charged with robbery.",
    ] {
        let events = x.extract(&doc("crime-crowd-word", text, "2018-04-10")).unwrap();
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
    // Residents who march over a killing are still a protest.
    let e = only_event_in(
        "BF",
        "crime-march",
        "On 6 September 2022, residents of Kaya marched to the town hall after the killing of a \
         shopkeeper; the suspect was charged with murder.",
        "2022-09-07",
    );
    assert_eq!(e.event_type, "Protests");
    // Opposition activists charged with a crime are arrests ACLED codes.
    let e = only_event_in(
        "BF",
        "political-charged",
        "On 6 September 2022, police arrested three opposition activists in Ouagadougou; they were \
         charged with buying weapons.",
        "2022-09-07",
    );
    assert_eq!(e.sub_event_type, "Arrests");
}

#[test]
fn words_common_in_other_senses_need_someone_in_their_sentence() {
    let x = Extractor::new(None).unwrap();
    for text in [
        "Kaya were beating Ouahigouya two goals to nil at half time on Sunday.",
        "The battle over the new budget went on in Ouagadougou on Tuesday.",
        "A new bank entered the market in Bobo-Dioulasso last week, and the old one suspended its loans.",
    ] {
        let events = x.extract(&doc("weak", text, "2022-09-07")).unwrap();
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
    let e = only_event_in(
        "BF",
        "weak-supported",
        "On 6 September 2022, soldiers fought gunmen near Djibo.",
        "2022-09-07",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
}

#[test]
fn disease_and_disaster_deaths_make_no_event_unless_a_force_acted() {
    let x = Extractor::new(None).unwrap();
    for text in [
        "The virus has killed 40 people in Kaya since Monday, health officials said.",
        "On 6 September 2022, three fishermen drowned in Bagré when their boat capsized in a storm.",
    ] {
        let mut d = doc("natural", text, "2022-09-07");
        d.country = Some("BF".into());
        let events = x.extract(&d).unwrap();
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
    let e = only_event_in(
        "BF",
        "natural-force",
        "On 6 September 2022, gendarmes assaulted a trader in Houndé for breaking the coronavirus curfew.",
        "2022-09-07",
    );
    assert_eq!(e.event_type, "Violence against civilians");
}

#[test]
fn a_government_named_with_a_weak_word_does_not_make_it_an_event() {
    let x = Extractor::new(None).unwrap();
    let text = "The government's battle against inflation went on in Ouagadougou on Tuesday.";
    let events = x.extract(&doc("weak-government", text, "2022-09-07")).unwrap();
    assert!(events.is_empty(), "{events:#?}");
}

#[test]
fn events_anywhere_carry_acled_country_names_numbers_and_regions() {
    let e = only_event_in(
        "GB",
        "uk-protest",
        "On 6 September 2022, hundreds of protesters marched through Manchester against the closure of the hospital.",
        "2022-09-07",
    );
    assert_eq!(e.actor1, "Protesters (United Kingdom)");
    assert_eq!((e.country.as_str(), e.iso), ("United Kingdom", 826));
    assert_eq!(e.region, "Europe");
}

#[test]
fn peacekeepers_are_minusma_only_in_mali_during_its_mandate() {
    let in_mali = only_event_in(
        "ML",
        "minusma",
        "On 6 September 2022, gunmen attacked peacekeepers near Tessalit.",
        "2022-09-07",
    );
    assert!(in_mali.actor2.starts_with("MINUSMA"), "{in_mali:?}");
    let in_lebanon = only_event_in(
        "LB",
        "unifil",
        "On 6 September 2022, gunmen attacked peacekeepers near Tyre.",
        "2022-09-07",
    );
    assert!(!in_lebanon.actor2.starts_with("MINUSMA"), "{in_lebanon:?}");
}

#[test]
fn groups_of_other_conflicts_are_named_and_the_islamic_state_by_its_country() {
    let e = only_event_in(
        "SY",
        "is-syria",
        "On 6 September 2022, Islamic State militants attacked an army checkpoint near Raqqa.",
        "2022-09-07",
    );
    assert_eq!(e.actor1, "Islamic State (Syria)");
    let e = only_event_in(
        "BF",
        "is-sahel",
        "On 6 September 2022, Islamic State militants attacked an army checkpoint near Djibo.",
        "2022-09-07",
    );
    assert_eq!(e.actor1, "Islamic State Sahel Province");
    let e = only_event_in(
        "LK",
        "ltte",
        "On 6 September 2020, Tamil Tigers attacked an army camp near Vavuniya.",
        "2020-09-07",
    );
    assert_eq!(e.actor1, "LTTE: Liberation Tigers of Tamil Eelam");
}

#[test]
fn a_document_about_a_disease_or_mishap_explains_the_harm_of_its_other_sentences() {
    let x = Extractor::new(None).unwrap();
    for text in [
        // The illness in one sentence, its dead and the animals culled in the next.
        "Measles has spread through the camps near Kaya since Monday. Eleven children have died there, and health workers have killed hundreds of stray dogs to stop rabies from spreading as well.",
        // A fire nobody set, and its damage told apart.
        "A house fire in Kaya killed two children on Sunday night. Neighbours said the roof was destroyed within minutes.",
        // A road mishap told without the word "accident".
        "A motorcyclist was found injured in a ditch near Kaya on Sunday. His motorcycle had gone off the track after he lost control of it on the gravel.",
        // Words common in other senses, about the illness.
        "Cholera has spread through the camps near Kaya since Monday. Nurses fought it house by house, and the district burned the bedding of the sick.",
        // An emergency declared against the disease, not against anyone.
        "Cholera has spread through the camps near Kaya since Monday. On Tuesday the governor declared a state of emergency across the province to speed up the vaccination.",
    ] {
        let mut d = doc("natural-document", text, "2022-09-07");
        d.country = Some("BF".into());
        let events = x.extract(&d).unwrap();
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
    // A crowd's violence during an epidemic stays an event.
    let e = only_event_in(
        "BF",
        "natural-riot",
        "Cholera has spread through Kaya since Monday. On 6 September 2022, angry residents attacked the health centre and burned two ambulances, accusing the nurses of bringing the disease.",
        "2022-09-07",
    );
    assert_eq!(e.event_type, "Riots");
    // So does a killing the document tells as done on purpose.
    let x = Extractor::new(None).unwrap();
    let mut d = doc(
        "natural-murder",
        "On 6 September 2022, six aid workers were killed on the road to Djibo in what the agency called a heinous murder. A cholera outbreak has strained the aid effort.",
        "2022-09-07",
    );
    d.country = Some("BF".into());
    assert!(!x.extract(&d).unwrap().is_empty());
}

#[test]
fn illness_words_that_look_like_violence_make_no_event() {
    let x = Extractor::new(None).unwrap();
    for text in [
        "On 6 September 2022, police said a bus driver had suffered a heart attack at the wheel near Kaya.",
        "On 6 September 2022, a cyclist suffered a cardiac arrest on the road to Kaya.",
        // Animals culled, a topic of services and a show of how things are done: no one's victims, no crowd.
        "On 6 September 2022, soldiers sealed off a farm near Kaya where thousands of birds have been killed to stop the outbreak.",
        "On 6 September 2022, the charity opened a centre in Kaya offering counselling to victims of sexual violence.",
        "On 6 September 2022, the fair in Kaya opened with cooking demonstrations and interactive demonstrations of drip irrigation.",
    ] {
        let mut d = doc("illness", text, "2022-09-07");
        d.country = Some("BF".into());
        let events = x.extract(&d).unwrap();
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
    // An emergency declared where no disease is told is a change of activity, as ACLED codes it.
    let e = only_event_in(
        "BF",
        "emergency",
        "On 6 September 2022, ministers put Soum province under a state of emergency.",
        "2022-09-07",
    );
    assert_eq!(e.sub_event_type, "Change to group/activity");
}

#[test]
fn a_strike_that_is_a_blow_needs_strikers() {
    let x = Extractor::new(None).unwrap();
    let text = "On 6 September 2022, a lorry left the road near Kaya, striking a wall and two parked cars.";
    let mut d = doc("strike-blow", text, "2022-09-07");
    d.country = Some("BF".into());
    let events = x.extract(&d).unwrap();
    assert!(events.is_empty(), "{events:#?}");
    let e = only_event_in(
        "BF",
        "strike-stoppage",
        "On 6 September 2022, teachers in Kaya began a strike over unpaid bonuses.",
        "2022-09-07",
    );
    assert_eq!(e.actor1, "Protesters (Burkina Faso)");
}

#[test]
fn looting_after_a_disaster_leaves_its_dead_to_the_disaster() {
    let e = only_event_in(
        "BF",
        "disaster-looting",
        "An earthquake shook the north on Monday. At least 300 people have been killed in Kaya, officials said on Tuesday. Looters emptied the shops of Kaya the same night.",
        "2022-09-07",
    );
    assert_eq!(e.sub_event_type, "Looting/property destruction");
}

#[test]
fn figures_of_speech_other_senses_sales_and_history_make_no_event() {
    let x = Extractor::new(None).unwrap();
    for text in [
        // Figures of speech.
        "On Tuesday in Kaya, the mayor took a shot at his rival over the price of bread.",
        "The farmers of Dori are in a long legal battle with the mining company, their lawyer said on Monday.",
        // Words in other senses, and prefixes that reached names and other words.
        "On Monday in Fada, councillor Paul Burness put the market plan on the back burner.",
        "The new road is the central pillar of the plan for Bobo-Dioulasso, the minister said on Monday.",
        "On Saturday, 200 trees were planted along the road to the school in Dori.",
        "On Monday in Ouagadougou, the singer Awa took over as presenter of the morning show.",
        "The equity regained 2 percent in Ouagadougou on Monday.",
        "On Monday in Ouagadougou, the minister was stripped of his portfolio.",
        // Arms sold, a diplomatic row over an old attack, history.
        "On Monday, the United States approved a deal to sell Niger six surveillance drones and artillery worth 40 million dollars.",
        "Niger expelled two diplomats on Monday in a diplomatic row over the nerve agent attack on a defector in Niamey.",
        "Some 300 people from Kaya were arrested by the occupying army during the Second World War.",
    ] {
        let mut d = doc("figurative", text, "2022-09-07");
        d.country = Some("BF".into());
        let events = x.extract(&d).unwrap();
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
    for (text, sub) in [
        (
            "On Monday, gunmen burned the school in Kaya.",
            "Looting/property destruction",
        ),
        (
            "On Monday, militants planted an explosive device on the road near Dori.",
            "Remote explosive/landmine/IED",
        ),
    ] {
        let e = only_event_in("BF", "figurative-kept", text, "2022-09-07");
        assert_eq!(e.sub_event_type, sub, "{text}");
    }
}

#[test]
fn units_systems_warrants_abilities_and_old_wars_make_no_event() {
    let x = Extractor::new(None).unwrap();
    for text in [
        "On Monday in Kaya, the minister said the new bridge demonstrates the strength of the economy.",
        "On Monday, the general visited the artillery brigade in Kaya.",
        "On Monday, the company said the 300 workers of its coal mine near Dori would move to other sites.",
        "On Monday, residents of Kaya were told that the burn ban was lifted.",
        "The army has limited the rebels' capacity to launch attacks on Kaya, the minister said on Monday.",
        "On Monday in Kaya, the veteran spoke of an enemy attack on his unit during the Gulf War.",
        "The court issued an arrest warrant for the mayor of Kaya on Monday.",
        "On Monday, the mayor of Kaya unveiled a striking portrait of the founder in the town hall.",
    ] {
        let mut d = doc("figurative-2", text, "2022-09-07");
        d.country = Some("BF".into());
        let events = x.extract(&d).unwrap();
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
}

#[test]
fn projects_opinions_lists_of_threats_and_rallies_of_fans_make_no_event() {
    let x = Extractor::new(None).unwrap();
    for text in [
        "On Monday in Kaya, the mayor said the new road projects have been executed by a private firm.",
        "The mayor of Kaya called the new taxes job killers on Monday.",
        "On Monday, the mayor of Kaya said sewage from the market kills fish in the lake.",
        "On Monday in Kaya, a nurse came to the school to demonstrate to pupils how to treat a wound.",
        "On Monday, the town of Kaya held its annual biker rally.",
        "On Monday, the mayor of Kaya went to Ouagadougou to gather support for the new road.",
        "\"I think the new tax is torture for the traders of Kaya,\" the mayor said on Monday.",
        "On Monday in Kaya, the minister spoke of threats such as farmer-herder clashes and banditry.",
    ] {
        let mut d = doc("figurative-3", text, "2022-09-07");
        d.country = Some("BF".into());
        let events = x.extract(&d).unwrap();
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
}

#[test]
fn attacks_prevented_truces_broken_and_accords_negotiated_before_make_no_event() {
    let x = Extractor::new(None).unwrap();
    for text in [
        "On Monday in Kaya, the police put guards at the mosques to prevent terrorist attacks.",
        "On Monday, the mayor of Kaya said the rebels' movements were a violation of the ceasefire.",
        "On Monday in Kaya, the pupils of the closed school were dispersed into three other schools.",
        "On Monday in Kaya, the minister's visit came amid a wave of terrorist attacks on the villages.",
        "The treaty signed on Monday in Kaya contains an obligation to promote a peace agreement with the rebels.",
        "The old senator who negotiated the peace accord with the rebels spoke in Kaya on Monday.",
        "The candidate who faces murder charges in Ghana registered in Kaya on Monday for the vote.",
        "On Monday, the mayor of Kaya said the clerics urge a ban on parties, but he would not ban them.",
    ] {
        let mut d = doc("figurative-4", text, "2022-09-07");
        d.country = Some("BF".into());
        let events = x.extract(&d).unwrap();
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
}

#[test]
fn petitions_old_tyres_torrents_of_violence_and_famous_attacks_make_no_event() {
    let x = Extractor::new(None).unwrap();
    for text in [
        "On Monday, volunteers in Kaya began to gather signatures for a new school.",
        "On Monday, the dump in Kaya stopped taking old tires and paint.",
        "On Monday in Kaya, the old men spoke of the almost daily torrent of bombings and shootings.",
        "On Monday in Kaya, the imam spoke of the September 11 attacks.",
        "Holocaust survivors were blocked on Monday from entering the hall in Kaya.",
    ] {
        let mut d = doc("figurative-5", text, "2022-09-07");
        d.country = Some("BF".into());
        let events = x.extract(&d).unwrap();
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
    // A crowd that burns tyres still riots.
    let e = only_event_in(
        "BF",
        "figurative-5-kept",
        "On Monday, pupils in Kaya barricaded the main road and burned tires to protest the closing of their school.",
        "2022-09-07",
    );
    assert_eq!(e.event_type, "Riots");
}

#[test]
fn rankings_licences_races_and_wartime_service_make_no_event() {
    let x = Extractor::new(None).unwrap();
    for text in [
        "On Monday, the statistics office said Kaya fell to 18th in population growth.",
        "On Monday, the mayor of Kaya said 89 drivers had their licenses suspended for unpaid tickets.",
        "On Monday, the old pilot told pupils in Kaya how his plane served in combat areas during the war.",
        "On Monday, the singer Awa entered the race for mayor of Kaya.",
    ] {
        let mut d = doc("figurative-6", text, "2022-09-07");
        d.country = Some("BF".into());
        let events = x.extract(&d).unwrap();
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
}

#[test]
fn sabre_and_serval_name_the_french_operations_only_when_the_text_says_so() {
    let e = only_event_in(
        "BF",
        "sabre-operation",
        "On 6 September 2022, gunmen attacked Operation Sabre forces near Djibo.",
        "2022-09-07",
    );
    assert!(e.actor2.contains("France"), "{e:?}");
    let e = only_event_in(
        "BF",
        "sabre-sword",
        "On 6 September 2022, a sabre attack killed two traders near Djibo.",
        "2022-09-07",
    );
    assert!(!e.actor1.contains("France") && !e.actor2.contains("France"), "{e:?}");
}

#[test]
fn who_finds_the_dead_is_no_side_of_their_killing() {
    let e = only_event_in(
        "BF",
        "finders",
        "On 6 September 2022, soldiers found the bodies of three civilians killed by gunmen near Kaya.",
        "2022-09-07",
    );
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
    assert_eq!(e.actor2, "Civilians (Burkina Faso)");
    // A finder that acts on what it found is a side.
    let e = only_event_in(
        "BF",
        "defusers",
        "On 6 September 2022, the army discovered and defused an IED planted by militants near Kaya.",
        "2022-09-07",
    );
    assert!(
        e.actor1.starts_with("Military Forces") || e.actor2.starts_with("Military Forces"),
        "{e:?}"
    );
}

#[test]
fn a_capital_abroad_named_with_a_locative_places_the_event_there() {
    let x = Extractor::new(None).unwrap().with_unplaced(true);
    let event_of_a_burkinabe_source = |text: &str| {
        let mut document = doc("t", text, "2024-03-06");
        document.country = Some("BF".into());
        let mut events = x.extract(&document).unwrap();
        assert_eq!(events.len(), 1, "{text}: {events:#?}");
        events.remove(0)
    };
    let bamako = event_of_a_burkinabe_source("Le 3 mars, des élèves ont manifesté à Bamako contre la hausse des prix.");
    assert_eq!((bamako.location.as_str(), bamako.country.as_str()), ("Bamako", "Mali"));
    let phrase = event_of_a_burkinabe_source(
        "Le 3 mars, des élèves ont manifesté dans la capitale malienne contre la hausse des prix.",
    );
    assert_eq!((phrase.location.as_str(), phrase.country.as_str()), ("Bamako", "Mali"));
    // A capital's former name ("Salisbury", Harare) is no sign of its country.
    let former =
        event_of_a_burkinabe_source("Le 3 mars, des élèves ont manifesté à Salisbury contre la hausse des prix.");
    assert_eq!(former.country, "Burkina Faso");
}

/// Both actors of an event, in one string, for checks that do not care about their order.
fn sides_of(e: &Event) -> String {
    format!("{} | {}", e.actor1, e.actor2)
}

#[test]
fn chads_forces_are_named_by_their_own_words() {
    // A government's side in a war is its army, not its cabinet.
    let e = only_event_in(
        "TD",
        "government-forces",
        "On 12 May 2007, rebels said government forces had attacked their positions near Adré.",
        "2007-05-14",
    );
    assert!(sides_of(&e).contains("Military Forces of Chad"), "{e:?}");
    assert!(!sides_of(&e).contains("Government of Chad"), "{e:?}");
    // Chad's army by its acronym.
    let e = only_event_in(
        "TD",
        "ant",
        "On 4 March 2006, the ANT fought rebels near Biltine.",
        "2006-03-06",
    );
    assert!(sides_of(&e).contains("Military Forces of Chad"), "{e:?}");
    // The National and Nomadic Guard is named apart, with the military.
    let e = only_event_in(
        "TD",
        "nomad-guard",
        "On 2 November 2005, gunmen attacked a nomad guard post near Mongo, killing two guards.",
        "2005-11-04",
    );
    assert!(
        sides_of(&e).contains("Military Forces of Chad (1990-2021) Nomad and National Guard of Chad"),
        "{e:?}"
    );
    // Sudan's army by its acronym, across the border.
    let e = only_event_in(
        "TD",
        "saf",
        "On 2 November 2006, SAF aircraft bombed a village near Bahaï, killing two civilians.",
        "2006-11-04",
    );
    assert_eq!(e.actor1, "Military Forces of Sudan (1989-2019)", "{e:?}");
}

#[test]
fn mauritanias_forces_carry_the_regime_of_the_event_date() {
    for (published, regime) in [
        ("2003-06-05", "(1984-2005)"),
        ("2008-10-05", "(2008-2009)"),
        ("2012-10-05", "(2009-2019)"),
    ] {
        let e = only_event_in(
            "MR",
            published,
            "Police fired tear gas at protesters in Nouakchott on Monday.",
            published,
        );
        assert!(e.actor2.ends_with(regime), "{published}: {e:?}");
    }
}

#[test]
fn chads_armed_groups_have_acleds_names() {
    for (id, text, published, group) in [
        (
            "rfc",
            "On 9 April 2007, RFC fighters attacked an army garrison in Guéréda, killing six soldiers.",
            "2007-04-11",
            "RFC: Rally of Forces for Change",
        ),
        (
            "ufr",
            "On 9 April 2009, UFR rebels clashed with the army near Am Dam.",
            "2009-04-11",
            "UFR: Union of Forces for Resistance",
        ),
        (
            "ufdc",
            "On 2 March 2008, UFDC fighters overran an army post east of Adré.",
            "2008-03-04",
            "FUC: United Front for Change",
        ),
        (
            "janjawid",
            "On 2 November 2006, Janjawid raiders burned a village near Goz Beida, killing five civilians.",
            "2006-11-04",
            "Janjaweed",
        ),
    ] {
        let e = only_event_in("TD", id, text, published);
        assert_eq!(e.actor1, group, "{text}: {e:?}");
    }
}

#[test]
fn eufor_is_the_chad_operation_only_during_its_mandate() {
    let text = "EUFOR troops exchanged fire with armed men near Goz Beida on Tuesday.";
    let during = only_event_in("TD", "eufor-2008", text, "2008-06-05");
    assert!(sides_of(&during).contains("EUFOR Chad/CAR"), "{during:?}");
    let after = only_event_in("TD", "eufor-2012", text, "2012-06-05");
    assert!(!sides_of(&after).contains("EUFOR"), "{after:?}");
}

#[test]
fn chads_rebels_and_horsemen_are_named_by_their_period() {
    // Chad's rebels of the Tibesti war are the MDJT; those of 2007 are not.
    let text = "rebels ambushed an army convoy near Bardaï, killing four soldiers.";
    let tibesti = only_event_in("TD", "rebels-2000", &format!("On 5 May 2000, {text}"), "2000-05-07");
    assert!(sides_of(&tibesti).contains("MDJT"), "{tibesti:?}");
    let later = only_event_in("TD", "rebels-2007", &format!("On 5 May 2007, {text}"), "2007-05-07");
    assert!(!sides_of(&later).contains("MDJT"), "{later:?}");
    // Raiders on horseback in eastern Chad during the Darfur war are the Janjaweed; in Mali
    // in 2020 they are an unidentified group.
    let text = "armed men on horseback raided a village, killing six villagers.";
    let darfur_war = only_event_in(
        "TD",
        "horse-2006",
        &format!("On 5 May 2006, near Goz Beida, {text}"),
        "2006-05-07",
    );
    assert_eq!(darfur_war.actor1, "Janjaweed", "{darfur_war:?}");
    let mali = only_event_in(
        "ML",
        "horse-2020",
        &format!("On 5 May 2020, near Ténenkou, {text}"),
        "2020-05-07",
    );
    assert_eq!(mali.actor1, "Unidentified Armed Group (Mali)", "{mali:?}");
}

#[test]
fn chads_peoples_fight_as_their_militias_and_state_forces_are_the_army() {
    let e = only_event_in(
        "TD",
        "zaghawa-tama",
        "On 5 May 2007, Zaghawa and Tama militiamen clashed near Guéréda, leaving nine dead.",
        "2007-05-07",
    );
    assert_eq!(
        (e.actor1.as_str(), e.actor2.as_str()),
        ("Zaghawa Ethnic Militia (Chad)", "Tama Ethnic Militia (Chad)")
    );
    let e = only_event_in(
        "TD",
        "state-forces",
        "On 5 May 2007, the UFDD clashed with state forces near Adé.",
        "2007-05-07",
    );
    assert_eq!(e.actor2, "Military Forces of Chad (1990-2021)", "{e:?}");
}

#[test]
fn mauritanias_islamists_of_2007_2011_are_aqim() {
    let text = "soldiers clashed with suspected Islamists near Néma, killing three of them.";
    let then = only_event_in("MR", "aqim-2010", &format!("On 5 May 2010, {text}"), "2010-05-07");
    assert_eq!(then.actor2, "AQIM: Al Qaeda in the Islamic Maghreb", "{then:?}");
    let later = only_event_in("MR", "aqim-2015", &format!("On 5 May 2015, {text}"), "2015-05-07");
    assert_eq!(later.actor2, "Unidentified Armed Group (Mauritania)", "{later:?}");
    // The group by its description, anywhere.
    let e = only_event_in(
        "ML",
        "north-african-wing",
        "On 5 May 2010, al-Qaeda's North African wing ambushed an army patrol near Tessalit.",
        "2010-05-07",
    );
    assert_eq!(e.actor1, "AQIM: Al Qaeda in the Islamic Maghreb", "{e:?}");
    // Casamance's rebels, with Senegal's forces of the time.
    let e = only_event_in(
        "SN",
        "mfdc",
        "On 5 May 2005, MFDC rebels ambushed an army patrol near Ziguinchor.",
        "2005-05-07",
    );
    assert_eq!(
        (e.actor1.as_str(), e.actor2.as_str()),
        (
            "MFDC: Movement of Democratic Forces of Casamance",
            "Military Forces of Senegal (2000-2012)"
        )
    );
}

#[test]
fn a_peoples_militia_named_as_such_is_that_peoples_militia() {
    let e = only_event_in(
        "TD",
        "arab-militia",
        "On 3 May 2006, Arab militia killed eleven civilians near Goz Beida.",
        "2006-05-05",
    );
    assert_eq!(e.actor1, "Arab Ethnic Militia (Chad)", "{e:?}");
    let e = only_event_in(
        "TD",
        "tama-militia",
        "On 3 May 2006, Tama militia clashed with soldiers in Adré.",
        "2006-05-05",
    );
    assert!(sides_of(&e).contains("Tama Ethnic Militia (Chad)"), "{e:?}");
}

#[test]
fn a_countrys_forces_are_named_by_its_possessive() {
    let e = only_event_in(
        "TD",
        "possessive",
        "On 3 May 2006, Sudan's air force bombed two villages near Bahaï, killing three civilians.",
        "2006-05-05",
    );
    assert_eq!(e.actor1, "Military Forces of Sudan (1989-2019)", "{e:?}");
    let e = only_event_in(
        "NE",
        "possessives",
        "On 3 May 2019, Mali's army and Niger's troops repelled an attack by militants near Tongo Tongo.",
        "2019-05-05",
    );
    assert!(sides_of(&e).contains("Military Forces of Mali"), "{e:?}");
}

#[test]
fn chads_republican_guard_is_named_apart_from_its_national_guard() {
    let text = "the Republican Guard clashed with gunmen near";
    let chad = only_event_in(
        "TD",
        "gr-chad",
        &format!("On 3 May 2004, {text} Ndjamena."),
        "2004-05-05",
    );
    assert_eq!(
        chad.actor1, "Military Forces of Chad (1990-2021) Republican Guard",
        "{chad:?}"
    );
    let niger = only_event_in(
        "NE",
        "gr-niger",
        &format!("On 3 May 2004, {text} Agadez."),
        "2004-05-05",
    );
    assert_eq!(
        niger.actor1, "Police Forces of Niger (1999-2010) National Guard",
        "{niger:?}"
    );
}

#[test]
fn displaced_foreigners_protest_as_their_countrys_crowd() {
    let e = only_event_in(
        "MR",
        "displaced-malians",
        "On 4 June 2013, displaced Malians protested against their living conditions in the Mbera camp near Bassikounou.",
        "2013-06-06",
    );
    assert_eq!(e.actor1, "Protesters (Mali)", "{e:?}");
}

#[test]
fn a_garrison_is_the_army() {
    let e = only_event_in(
        "TD",
        "garrison",
        "On 3 May 2000, MDJT rebels attacked the garrison town of Yebibou.",
        "2000-05-05",
    );
    assert_eq!(e.event_type, "Battles", "{e:?}");
    assert_eq!(e.actor2, "Military Forces of Chad (1990-2021)", "{e:?}");
}

#[test]
fn rebels_named_by_origin_in_french_are_of_that_country() {
    let e = only_event_in(
        "NE",
        "rebelles-tchadiens",
        "Le 3 mai 2019, des rebelles tchadiens ont attaqué une position de l'armée près de Madama, tuant deux soldats.",
        "2019-05-05",
    );
    assert_eq!(e.actor1, "Unidentified Armed Group (Chad)", "{e:?}");
}

#[test]
fn acronyms_of_chads_old_rebels_name_no_one_in_todays_sahel_news() {
    let x = Extractor::new(None).unwrap();
    let mut document = doc(
        "cnt",
        "Le 3 mars 2023, des hommes armés ont attaqué le convoi d'un membre du CNT près de Ségou.",
        "2023-03-05",
    );
    document.country = Some("ML".into());
    let events = x.extract(&document).unwrap();
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| !sides_of(e).contains("Concord")), "{events:#?}");
}

#[test]
fn shootouts_marches_and_towns_taken_over_are_events() {
    let e = only_event_in(
        "MR",
        "shootout",
        "On 3 May 2008, a shootout between soldiers and gunmen hiding in a house broke out in Nouadhibou.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
    let e = only_event_in(
        "MR",
        "marches",
        "On 3 May 2008, marches were held in Kiffa in support of the new government.",
        "2008-05-05",
    );
    assert_eq!(e.event_type, "Protests", "{e:?}");
    let e = only_event_in(
        "TD",
        "take-over",
        "On 3 May 2008, MDJT fighters take over the town of Mongo.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Non-state actor overtakes territory", "{e:?}");
    // "To take control" is a purpose: the riot stays the crowd's.
    let e = only_event_in(
        "TD",
        "take-control",
        "On 3 May 2008, rioters burned tyres in Mongo and police used tear gas to take control of the market.",
        "2008-05-05",
    );
    assert_eq!(e.event_type, "Riots", "{e:?}");
    assert!(e.actor1.starts_with("Rioters"), "{e:?}");
}

#[test]
fn men_named_one_by_one_are_attackers_not_a_mob() {
    let e = only_event_in(
        "TD",
        "two-men",
        "On 3 May 2008, a trader was shot and killed by two unidentified men in Abeche.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
    let e = only_event_in(
        "TD",
        "four-men",
        "On 3 May 2008, four men attacked the police station of Abeche.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
    // A crowd that kills is still a mob.
    let e = only_event_in(
        "TD",
        "villagers",
        "On 3 May 2008, villagers killed a thief in Abeche.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Mob violence", "{e:?}");
}

#[test]
fn a_crowd_after_a_violent_verb_is_its_object() {
    let e = only_event_in(
        "TD",
        "crowd-object",
        "On 3 May 2008, horsemen have been attacking Sudanese refugees near Abeche, resulting in four deaths.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
}

#[test]
fn a_fight_of_two_armed_sides_stays_a_clash_whoever_died() {
    let e = only_event_in(
        "TD",
        "two-sides",
        "On 3 May 2008, fighting between Chadian soldiers and UFDD rebels near Abeche left five civilians dead.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
    assert_eq!(e.fatalities, 5, "{e:?}");
}

#[test]
fn people_who_protest_over_a_criminal_case_protest() {
    let e = only_event_in(
        "MR",
        "crime-protest",
        "On 3 May 2008, hundreds of people protested in Kiffa to demand a harsher sentence for a man charged with theft.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Peaceful protest", "{e:?}");
}

#[test]
fn a_crowd_that_the_police_clash_with_riots() {
    let e = only_event_in(
        "MR",
        "police-crowd",
        "On 3 May 2008, police clashed with young supporters of the ruling party in Kiffa.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration", "{e:?}");
    assert!(e.actor1.starts_with("Rioters"), "{e:?}");
}

#[test]
fn a_protest_word_that_says_what_a_strike_is_for_is_no_protest() {
    let e = only_event_in(
        "MR",
        "strike-purpose",
        "On 3 May 2008, nurses of the hospital of Kiffa began a three-day strike to protest against unpaid wages.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Other", "{e:?}");
    // A march told with the strike is a protest.
    let e = only_event_in(
        "MR",
        "strike-march",
        "On 3 May 2008, nurses of the hospital of Kiffa went on strike and marched to the governor's office.",
        "2008-05-05",
    );
    assert_eq!(e.event_type, "Protests", "{e:?}");
}

#[test]
fn protesters_at_a_trial_riot_though_the_text_follows_a_criminal_case() {
    let e = only_event_in(
        "MR",
        "trial-riot",
        "On 3 May 2008, gendarmes clashed with protesters outside the court in Kiffa where a teacher charged with fraud was to stand trial.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration", "{e:?}");
}

#[test]
fn strikes_of_a_given_length_and_protests_broken_up() {
    let e = only_event_in(
        "MR",
        "two-week-strike",
        "On 3 May 2008, the magistrates of Kiffa began a two-week strike.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Other", "{e:?}");
    let e = only_event_in(
        "MR",
        "broke-up",
        "On 3 May 2008, police broke up a protest of traders in Kiffa.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Protest with intervention", "{e:?}");
    assert!(e.actor2.starts_with("Police Forces"), "{e:?}");
}

#[test]
fn a_protest_after_a_cause_word_is_the_event_that_went_on() {
    let e = only_event_in(
        "MR",
        "after-sit-in",
        "On 3 May 2008, police arrested ten students in Kiffa following a sit-in in front of the town hall.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Protest with intervention", "{e:?}");
}

#[test]
fn a_government_that_says_what_happened_is_no_side() {
    let e = only_event_in(
        "TD",
        "government-said",
        "On 3 May 2008, the government of Chad said four villagers were wounded in an attack near Adre.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
    assert!(
        !e.actor1.starts_with("Government") && !e.actor2.starts_with("Government"),
        "{e:?}"
    );
}

#[test]
fn forces_that_retaliate_or_beat_off_rebels_defend_in_a_clash() {
    let e = only_event_in(
        "TD",
        "retaliated",
        "On 3 May 2008, soldiers on patrol retaliated against armed thieves near Adre.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
    // The side that beat off an attack defended: the attackers come first.
    let e = only_event_in(
        "TD",
        "beat-off",
        "On 3 May 2008, soldiers beat off rebels near Adre, capturing many of them.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
    assert!(e.actor2.starts_with("Military Forces"), "{e:?}");
}

#[test]
fn violent_clashes_are_a_fight_not_a_riot() {
    let e = only_event_in(
        "TD",
        "violent-clashes",
        "On 3 May 2008, a quarrel over a well provoked violent clashes between two factions of the Zaghawa near Adre, killing three.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
}

#[test]
fn rebels_that_took_the_towns_overtake_them() {
    let events = events_in(
        "TD",
        "took-towns",
        "On 3 May 2008, rebels of the UFDD took the towns of Mongo and Bitkine.",
        "2008-05-05",
    );
    assert_eq!(events.len(), 2, "{events:#?}");
    for e in &events {
        assert_eq!(e.sub_event_type, "Non-state actor overtakes territory", "{e:?}");
    }
}

#[test]
fn a_capture_word_right_before_a_town_takes_the_town() {
    let e = only_event_in(
        "TD",
        "captured-town",
        "On 3 May 2008, UFDD fighters captured Biltine after a day of fighting.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Non-state actor overtakes territory", "{e:?}");
    // A person of the place is taken, not the place.
    let e = only_event_in(
        "TD",
        "detained-minister",
        "On 3 May 2008, soldiers detained Chad's former minister of defence in Biltine.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Arrests", "{e:?}");
}

#[test]
fn the_hurt_of_a_protest_are_its_toll_not_an_attack() {
    let e = only_event_in(
        "MR",
        "protest-hurt",
        "On 3 May 2008, traders protested in Kiffa against a new tax. Police fired tear gas into the crowd. Six people were injured.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Protest with intervention", "{e:?}");
}

#[test]
fn a_march_that_went_off_without_incident_exploded_nothing() {
    let e = only_event_in(
        "MR",
        "went-off",
        "On 3 May 2008, thousands marched in Kiffa in support of the president. The march went off without incident.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Peaceful protest", "{e:?}");
}

#[test]
fn stun_grenades_against_a_crowd_are_an_intervention() {
    let e = only_event_in(
        "MR",
        "stun-grenades",
        "On 3 May 2008, police used stun grenades to disperse teachers protesting in Kiffa.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Protest with intervention", "{e:?}");
}

#[test]
fn an_attack_on_a_village_needs_no_named_attacker() {
    let e = only_event_in(
        "TD",
        "attacked-village",
        "On 3 May 2008, horsemen attacked a village near Adre.",
        "2008-05-05",
    );
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
}

#[test]
fn a_placeless_lead_of_a_protest_joins_the_sentence_that_places_it() {
    // The first sentence tells who broke the march up, the second where it went: one
    // protest with intervention, the police in it.
    let e = only_event(
        "lead-joins",
        "On 9 October 2020, police used stun grenades and tear gas to disperse student marches. \
         The marches, which started from several schools in Hombori, were in protest against a new tax.",
    );
    assert_eq!(e.location, "Hombori");
    assert_eq!(e.sub_event_type, "Protest with intervention");
    assert!(e.actor2.starts_with("Police Forces of Mali"), "{}", e.actor2);
    // A lead of killing does not lend itself to a located sentence of gunfire: they are as
    // often two incidents.
    let events = events_in(
        "ML",
        "lead-two-incidents",
        "On 9 October 2020, a retired teacher was shot dead by gunmen. \
         The mayor's house in Hombori was also fired on.",
        "2020-10-12",
    );
    assert!(
        events
            .iter()
            .all(|e| e.sub_event_type != "Mob violence" && e.sub_event_type != "Protest with intervention"),
        "{events:#?}"
    );
}

#[test]
fn forces_that_keep_a_crowd_from_its_aim_intervene() {
    for text in [
        "On 9 October 2020, police forcibly removed students who protested outside the town hall of Hombori.",
        "On 9 October 2020, police stopped dozens of youths from rallying in the main square of Hombori to protest.",
        "On 9 October 2020, police suppressed a demonstration of traders in Hombori.",
    ] {
        let e = only_event("kept-from-aim", text);
        assert_eq!(e.sub_event_type, "Protest with intervention", "{text}");
        assert!(e.actor2.starts_with("Police Forces of Mali"), "{text}: {}", e.actor2);
    }
    // A report suppressed is no intervention, and invents no police.
    let e = only_event(
        "suppressed-report",
        "On 9 October 2020, the ministry suppressed the audit, and students protested in Hombori.",
    );
    assert_eq!(e.sub_event_type, "Peaceful protest");
    assert_eq!(e.actor2, "");
}

#[test]
fn a_user_trigger_may_stand_for_several_classes() {
    // "Dispersed the sit-in" as both the protest and the intervention, from a user file;
    // a class `also` names that does not exist is an error naming it.
    let text = "On 9 October 2020, gendarmes dispersed the sit-in of nurses in Hombori.";
    let write = |tag: &str, body: &str| {
        let dir = std::env::temp_dir().join(format!("veille-extract-also-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("triggers.toml"), body).unwrap();
        let x = Extractor::new(Some(&dir));
        std::fs::remove_dir_all(&dir).unwrap();
        x
    };
    let x = write(
        "ok",
        "[[trigger]]\nclass = \"intervene\"\nalso = [\"protest\"]\nen = [\"dispersed the sit-in\"]\n",
    )
    .unwrap();
    let e = sole_event(&x, text, "2020-10-12");
    assert_eq!(e.sub_event_type, "Protest with intervention");
    // Without `also` the longer pattern swallows the protest word: an intervention with no
    // protest around it is no event.
    let x = write(
        "alone",
        "[[trigger]]\nclass = \"intervene\"\nen = [\"dispersed the sit-in\"]\n",
    )
    .unwrap();
    let events = x.extract_with_places(&doc("t", text, "2020-10-12"), &[], &[]).unwrap();
    assert!(events.is_empty(), "{events:#?}");
    let err = write(
        "bad",
        "[[trigger]]\nclass = \"intervene\"\nalso = [\"sitin\"]\nen = [\"dispersed the sit-in\"]\n",
    )
    .err()
    .expect("unknown class")
    .to_string();
    assert!(err.contains("\"sitin\"") && err.contains("also"), "{err}");
}

#[test]
fn the_violence_of_the_force_that_disperses_makes_no_riot() {
    for text in [
        "On 9 October 2020, police violently dispersed a peaceful march of nurses in Hombori.",
        "Le 9 octobre 2020, la marche des infirmiers a été violemment dispersée par la police à Hombori.",
    ] {
        let e = only_event("violently-dispersed", text);
        assert_eq!(
            (e.sub_event_type.as_str(), e.actor1.as_str()),
            ("Protest with intervention", "Protesters (Mali)"),
            "{text}"
        );
    }
    // The crowd's own violence still riots.
    let e = only_event(
        "violent-crowd",
        "On 9 October 2020, protesters violently clashed with police in Hombori.",
    );
    assert_eq!(e.sub_event_type, "Violent demonstration");
}

#[test]
fn an_event_dated_years_before_the_report_is_history() {
    // A report of 2022 that recalls a shooting of 2009 tells no new event, in the sentence
    // that dates it or in the next one of its paragraph.
    for text in [
        "On Monday the council of Kaya renamed the market square. In March 2009, soldiers shot dead two traders there.",
        "On Monday the council of Kaya renamed the market square. In March 2009, soldiers surrounded the square. They shot dead two traders.",
    ] {
        let events = events_in("BF", "long-past", text, "2022-09-07");
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
    // A note that tells only its own date is news of that date, however late it is read (an
    // archive given one publication date for all its reports).
    let e = only_event_in(
        "BF",
        "archive",
        "On 9 February 2019, hundreds of traders protested in Kaya against a new market tax.",
        "2022-09-07",
    );
    assert_eq!(e.event_date, "2019-02-09", "{e:?}");
}

#[test]
fn an_old_date_in_the_lead_does_not_date_the_news() {
    // The mayor's election in the lead is history; the protest after it is today's news,
    // dated by the publication.
    let e = only_event_in(
        "BF",
        "old-lead",
        "Elected in June 2015, the mayor of Kaya faced his critics on Monday.\n\nHundreds of traders protested in Kaya against a new market tax.",
        "2022-09-07",
    );
    assert_eq!(e.sub_event_type, "Peaceful protest", "{e:?}");
    assert_eq!(e.event_date, "2022-09-07", "{e:?}");
}

#[test]
fn an_old_date_far_after_the_event_word_dates_what_it_names() {
    // The uprising of 2014 is what the marchers remember; their march is today's.
    let e = only_event_in(
        "BF",
        "old-complement",
        "Thousands of people marched in Kaya in memory of the young people who fell during the uprising of 30 October 2014.",
        "2022-09-07",
    );
    assert_eq!(e.sub_event_type, "Peaceful protest", "{e:?}");
}

#[test]
fn quoted_speech_tells_no_event_unless_it_names_who_fought_or_died() {
    // What a speaker says in figures of speech is no event the reporter tells.
    for text in [
        "The mayor of Kaya said on Monday: \u{201c}Prices at the market have exploded and the old deal is dead.\u{201d}",
        "\"Our shop was attacked by the new tax rules,\" a trader in Kaya said on Monday.",
    ] {
        let events = events_in("BF", "quoted", text, "2022-09-07");
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
    // A quoted official who names the attackers and the dead reports an event.
    let e = only_event_in(
        "BF",
        "quoted-attack",
        "\"Armed men attacked the market of Kaya on Monday and killed four traders,\" the governor said.",
        "2022-09-07",
    );
    assert_eq!(e.event_type, "Violence against civilians", "{e:?}");
    // A spokesman's word of protests is how a crowd is reported.
    let e = only_event_in(
        "BF",
        "quoted-protest",
        "\"Protests against the new market tax have been taking place in Kaya since Monday,\" a spokesman said.",
        "2022-09-07",
    );
    assert_eq!(e.event_type, "Protests", "{e:?}");
}

#[test]
fn what_is_reported_to_the_police_is_ordinary_crime() {
    // The police as investigators (a city police department, a theft reported to them) mark
    // a crime story, whose violence and thefts ACLED does not code.
    for text in [
        "A man was shot outside a supermarket in Dayton on Monday night and taken to hospital, a spokesman for the Dayton Police Department said.",
        "The owner of a bakery in Dayton reported to police on Monday that thieves had stolen two delivery vans from his yard.",
    ] {
        let events = events_in("US", "police-investigate", text, "2018-04-30");
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
}

#[test]
fn an_event_word_that_ends_a_name_is_no_event() {
    // A team or a nickname ending in an event word names no event; a headline in title case
    // still tells its own.
    let events = events_in(
        "US",
        "team-name",
        "A late goal lifted the Dayton Rockets over the visiting Toledo Raiders on Saturday night.",
        "2018-04-30",
    );
    assert!(events.is_empty(), "{events:#?}");
    let events = events_in(
        "US",
        "tournament-name",
        "The Dayton wrestlers won three of their four bouts at this year's Clash XII tournament.",
        "2018-04-30",
    );
    assert!(events.is_empty(), "{events:#?}");
    let e = only_event_in(
        "BF",
        "title-case",
        "Gunmen Attack Village Near Kaya, Killing Four Civilians",
        "2022-09-07",
    );
    assert_eq!(e.event_type, "Violence against civilians", "{e:?}");
}

#[test]
fn people_named_as_held_tell_no_arrest() {
    // "The jailed journalists" are held since an arrest the report does not tell.
    for text in [
        "On 5 September 2022, the jailed journalists of Kaya were moved to a prison in Ouagadougou, their lawyer said.",
        "Imprisoned journalist Paul Sawadogo was freed in Kaya on 5 September 2022.",
    ] {
        let events = events_in("BF", "held", text, "2022-09-07");
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
    // An arrest told as one stays.
    let e = only_event_in(
        "BF",
        "arrest-told",
        "On 5 September 2022, police arrested two journalists in Kaya.",
        "2022-09-07",
    );
    assert_eq!(e.sub_event_type, "Arrests", "{e:?}");
}

#[test]
fn onlookers_at_a_crime_scene_are_no_protest() {
    // In a crime story a crowd that gathers watches; one that gathers to demand something
    // protests.
    let events = events_in(
        "US",
        "onlookers",
        "A man was shot dead outside a bar in Dayton on Monday night, detectives said. A crowd of about fifty people gathered behind the police tape.",
        "2018-04-30",
    );
    assert!(events.is_empty(), "{events:#?}");
    let e = only_event_in(
        "US",
        "vigil-demand",
        "A man was shot dead outside a bar in Dayton on Monday night, detectives said. On Tuesday a crowd of about fifty people gathered outside city hall demanding justice for him.",
        "2018-04-30",
    );
    assert_eq!(e.event_type, "Protests", "{e:?}");
}

#[test]
fn a_count_over_several_years_is_no_event() {
    let text = "In the last five years, protests by farmers have shaken the towns around Kaya, a study found.";
    let events = events_in("BF", "years-count", text, "2022-09-07");
    assert!(events.is_empty(), "{events:#?}");
}

#[test]
fn a_country_hint_the_gazetteer_does_not_know_is_the_document_s_error() {
    // "Military Forces of ZZ" must not reach an export: the document is refused by name.
    let x = Extractor::new(None).unwrap();
    let mut d = doc(
        "hint-zz",
        "On 9 October 2020, soldiers fired on a village near Hombori.",
        "2020-10-12",
    );
    d.country = Some("zz".into());
    let err = x.extract(&d).unwrap_err().to_string();
    assert!(err.contains("hint-zz") && err.contains("\"ZZ\""), "{err}");
    // A known code in any case is the source's country; an empty one is none.
    d.country = Some("ml".into());
    let events = x.extract(&d).unwrap();
    assert!(
        events.iter().all(|e| e.actor1 == "Military Forces of Mali (2020-2021)"),
        "{events:#?}"
    );
    d.country = Some(" ".into());
    assert!(x.extract(&d).is_ok());
}

#[test]
fn a_village_is_finer_than_the_commune_that_holds_it() {
    let x = Extractor::new(None).unwrap();
    let events = |text: &str| {
        let mut d = doc("t", text, "2022-02-24");
        d.country = Some("BF".into());
        x.extract(&d).unwrap()
    };
    // The village named before "dans la commune de" is where it happened.
    let e = events(
        "Le village de Kikidéni, dans la commune de Fada N'Gourma, a été attaqué le 19 février 2022 par des hommes armés.",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0].location, "Kikidéni");
    // A town named after the commune is only its bearing: the commune is the place.
    let e = events(
        "Des hommes armés ont tué six personnes le 19 février 2022 dans la commune de Markoye, à 40 km de Gorom-Gorom.",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0].location, "Markoye");
    // Two communes are two places, neither holding the other.
    let e = events(
        "Des hommes armés ont saccagé la mairie dans la commune de Solenzo le 19 février 2022, au lendemain de destructions dans la commune de Kouka.",
    );
    let mut places: Vec<&str> = e.iter().map(|e| e.location.as_str()).collect();
    places.sort();
    assert_eq!(places, ["Kouka", "Solenzo"], "{e:#?}");
}

#[test]
fn general_news_events_retold_to_come_or_denied_and_other_senses_tell_no_event() {
    // Events of years before, events still to come, harm said not to have happened, road
    // deaths counted, and protest and fight words in other senses: a learned fact, a player
    // sent off, a shown feeling or decision, sandbags against a flood.
    assert_no_event_in(
        "US",
        "2018-04-30",
        &[
        ("years-ago", "Twelve years ago, gunmen attacked the market in Dayton and killed six traders."),
        ("planned", "Organisers in Dayton said on Monday that the planned rally against the new tax would go ahead."),
        ("scheduled", "Students in Dayton are handing out leaflets for a scheduled protest against tuition fees on Friday."),
        ("no-one-hurt", "The school bus slid into a ditch outside Dayton on Monday. No one was injured."),
        ("crashes", "Last year 140 people were killed in crashes on the roads of Ohio, the transport department said on Monday."),
        ("learned", "It was gathered that the patients in the Dayton ward are mostly women and children."),
        ("sent-off", "The Dayton striker received his marching orders on Saturday after a late tackle on a defender."),
        ("showing", "The mayor of Dayton said on Monday the donation was a manifestation of the people's solidarity."),
        ("shown-by", "This was demonstrated by our decision on Monday to expel two diplomats from Dayton, the minister said."),
        ("sandbags", "Residents of Fargo joined the flood fight on Monday, filling sandbags along the river."),
        ],
    );
}

#[test]
fn things_damaged_seized_or_recruited_and_disputes_need_someone_named() {
    // Ballots are damaged, inspectors seize food, pistachios are shelled, museums recruit and
    // governors clash with advisers: weak words, an event only with someone named.
    assert_no_event_in(
        "US",
        "2018-04-30",
        &[
            (
                "seized",
                "Health inspectors seized the ice cream at a shop in Dayton on Monday.",
            ),
            (
                "damaged",
                "Election officials in Dayton finished counting the damaged ballots on Thursday.",
            ),
            (
                "shelled",
                "A grocery chain in Dayton recalled its shelled pistachios on Monday.",
            ),
            ("recruited", "The Dayton museum recruited two new guides on Monday."),
            ("clashed", "The governor has clashed with the adviser over the budget."),
        ],
    );
    // Someone named still makes the same words an event.
    let e = only_event_in(
        "US",
        "clashed-police",
        "Residents of Dayton clashed with police on Monday.",
        "2018-04-30",
    );
    assert_eq!(e.event_type, "Riots", "{e:?}");
    let e = only_event_in(
        "BF",
        "seized-cattle",
        "On 5 September 2022, gunmen seized the cattle of herders near Kaya.",
        "2022-09-07",
    );
    assert_eq!(e.sub_event_type, "Looting/property destruction", "{e:?}");
}

#[test]
fn a_year_long_over_written_alone_makes_its_sentence_history() {
    // A report of today that retells what happened in a year long past: the year alone, with
    // no day or month, still dates the sentence's event words.
    let events = events_in(
        "US",
        "year-alone",
        "The Dayton council reopened the old square on Tuesday. In 1998, soldiers fired on a crowd in the square and killed four people.",
        "2018-04-30",
    );
    assert!(events.is_empty(), "{events:#?}");
    // The year of the report is no history.
    only_event_in(
        "US",
        "year-recent",
        "The Dayton council met on Tuesday. In 2018, soldiers fired on a crowd in the square of Dayton and killed four people.",
        "2018-04-30",
    );
}

#[test]
fn gatherings_shots_shows_of_power_and_protests_counted_tell_no_event() {
    // Friends gather, players hit a layup, a government shows its power, and protests counted
    // over months are many events told at once.
    assert_no_event_in(
        "US",
        "2018-04-30",
        &[
        (
            "friends",
            "The festival on Saturday in Dayton is a time for families to gather with friends and neighbours.",
        ),
        (
            "layup",
            "In Dayton on Saturday, the home team's captain hit an easy jumper with two seconds left.",
        ),
        (
            "show-of-power",
            "A demonstration of military power by the Dayton government is not needed, the mayor said on Monday.",
        ),
        (
            "numerous",
            "The new rent law in Dayton has led to numerous protests since it was passed, the mayor said on Monday.",
        ),
        ],
    );
    // Protesters who gather are a protest.
    let e = only_event_in(
        "US",
        "protesters-gather",
        "Protesters gather in front of the Dayton city hall on Monday to demand lower rents.",
        "2018-04-30",
    );
    assert_eq!(e.sub_event_type, "Peaceful protest", "{e:?}");
}

#[test]
fn a_town_named_with_a_lynching_word_is_no_mob() {
    let events = events_in(
        "US",
        "lynchburg",
        "The peanut company, based in Lynchburg, recalled its jars on Monday.",
        "2018-04-30",
    );
    assert!(events.is_empty(), "{events:#?}");
    let e = only_event_in(
        "US",
        "lynched",
        "On Monday, a mob in Dayton lynched a man accused of theft.",
        "2018-04-30",
    );
    assert_eq!(e.sub_event_type, "Mob violence", "{e:?}");
}

#[test]
fn a_charge_of_stolen_goods_and_people_held_tell_no_event() {
    assert_no_event_in(
        "US",
        "2018-04-30",
        &[
        (
            "stolen-goods",
            "The Dayton man, who is serving a sentence for receiving stolen property, was told of the fire on Monday.",
        ),
        (
            "imprisoned",
            "At least ten reporters are imprisoned in Ohio on charges their lawyers call political, the group said on Monday.",
        ),
        ],
    );
}

#[test]
fn scares_trees_open_questions_legal_cases_bad_drink_and_old_murders_tell_no_event() {
    assert_no_event_in(
        "BF",
        "2022-09-07",
        &[
            (
                "scare",
                "On Monday, a bomb scare in Kaya delayed the opening of the market for two hours.",
            ),
            ("trees", "On Monday, pupils in Kaya planted trees along the new road."),
            (
                "whether",
                "On Monday, the family in Kaya asked whether the prisoner was beaten by the guards.",
            ),
            (
                "case",
                "On Monday, police in Kaya said a case of rape opened last year was withdrawn.",
            ),
            (
                "liquor",
                "On Monday, tainted home-brewed liquor killed twelve villagers in Kaya.",
            ),
            (
                "minds",
                "On Monday, the headmaster in Kaya said the students were intellectually engaged.",
            ),
            (
                "later",
                "Fifteen years later, the murder of a shopkeeper in Kaya still haunts his family.",
            ),
            (
                "earlier",
                "Earlier this month, police raided a bar in Kaya, the mayor said on Monday.",
            ),
        ],
    );
}

#[test]
fn people_arrested_in_a_participle_are_the_arrested_not_a_mob() {
    for (id, text) in [
        (
            "freed",
            "On Tuesday, the court in Kaya freed the activists arrested on Monday during the march.",
        ),
        (
            "weekend",
            "On Tuesday in Kaya, the two students arrested over the weekend were freed.",
        ),
    ] {
        let e = only_event_in("BF", id, text, "2022-09-07");
        assert_eq!(e.sub_event_type, "Arrests", "{id}: {e:?}");
        assert!(e.actor1.starts_with("Police Forces of Burkina Faso"), "{id}: {e:?}");
        assert_eq!(e.actor2, "Civilians (Burkina Faso)", "{id}: {e:?}");
    }
    // Residents who arrest a thief themselves are still a mob.
    let e = only_event_in(
        "BF",
        "residents",
        "On Monday in Kaya, residents arrested a thief and handed him to the gendarmes.",
        "2022-09-07",
    );
    assert_eq!(e.sub_event_type, "Mob violence", "{e:?}");
}

#[test]
fn protesters_with_a_demand_protest_and_a_time_held_is_no_arrest() {
    for (id, text) in [
        (
            "en",
            "On Monday in Kaya, protesters called for the release of the mayor, jailed for three months now.",
        ),
        (
            "fr",
            "Lundi à Kaya, des manifestants ont réclamé la libération du maire, détenu depuis quatre mois.",
        ),
    ] {
        let e = only_event_in("BF", id, text, "2022-09-07");
        assert_eq!(e.sub_event_type, "Peaceful protest", "{id}: {e:?}");
        assert_eq!(e.actor1, "Protesters (Burkina Faso)", "{id}: {e:?}");
    }
}

#[test]
fn a_capital_on_the_dateline_names_its_country_and_is_no_place_of_the_event() {
    let x = Extractor::new(None).unwrap();
    let only = |id: &str, text: &str| {
        let events = x.extract(&doc(id, text, "2018-04-30")).unwrap();
        assert_eq!(events.len(), 1, "{id}: {events:#?}");
        events.into_iter().next().unwrap()
    };
    // The demonyms outnumber the places: the dateline keeps Lebanon a country the report
    // names, and Saida in it.
    let e = only(
        "demonyms",
        "BEIRUT: Two Syrian men were killed on Saturday as Syrian fighters from rival Syrian families battled in a camp outside the southern city of Saida.",
    );
    assert_eq!((e.country.as_str(), e.location.as_str()), ("Lebanon", "Saida"), "{e:?}");
    // The bureau's city is not where the patrol was fired on.
    let e = only(
        "bureau",
        "BEIRUT: Gunmen opened fire on an army patrol on Saturday near Baalbek, the army said.",
    );
    assert_eq!(e.location, "Baalbek", "{e:?}");
}

#[test]
fn the_town_a_person_comes_from_is_no_place_of_the_event() {
    let x = Extractor::new(None).unwrap();
    let events = x
        .extract(&doc(
            "hometown",
            "A US serviceman, Master Sgt Paul Kowalski of Austin, Texas, died alongside him in the blast near Manbij in northern Syria on Thursday.",
            "2018-04-30",
        ))
        .unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].location, "Manbij", "{:?}", events[0]);
    // A unit's own name is no hometown: the campus is in Austin.
    let events = x
        .extract(&doc(
            "campus",
            "Militants attacked the University of Texas campus in Austin, Texas, on Thursday, killing two.",
            "2018-04-30",
        ))
        .unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].location, "Austin", "{:?}", events[0]);
}

#[test]
fn the_day_a_report_was_given_dates_the_event_to_its_week() {
    for (id, text, precision) in [
        (
            "before",
            "Une radio locale rapporte ce 12 juillet 2022 qu'un commerçant a été enlevé par des assaillants près de Kaya.",
            2,
        ),
        (
            "after",
            "Ce mardi 13 septembre 2022, une radio locale nous apprend que la mairie de Kaya a été incendiée par des assaillants.",
            2,
        ),
        (
            "own-day",
            "Le mardi 13 septembre 2022, la mairie de Kaya a été incendiée par des assaillants.",
            1,
        ),
    ] {
        let e = only_event_in("BF", id, text, "2022-09-16");
        assert_eq!(e.time_precision, precision, "{id}: {e:?}");
    }
}

#[test]
fn a_village_the_gazetteer_lacks_is_the_location_near_the_place_that_situates_it() {
    for (id, text, village) in [
        (
            "situe",
            "Le 3 mars 2022, des hommes armés ont enlevé deux commerçants à Zangobila, un village situé à 12 km de Kaya.",
            "Zangobila",
        ),
        (
            "commune",
            "Le 3 mars 2022, des hommes armés ont tué un berger dans le village de Wendpanga, commune de Pissila.",
            "Wendpanga",
        ),
        (
            "chain",
            "Le 3 mars 2022, des hommes armés ont tué un berger à Xelbokouni, localité située à 30 km de Barsalogho, dans la commune rurale de Pissila.",
            "Xelbokouni",
        ),
    ] {
        let e = only_event_in("BF", id, text, "2022-03-05");
        assert_eq!(e.location, village, "{id}: {e:?}");
        assert_eq!((e.admin2.as_str(), e.geo_precision), ("Sanmatenga", 2), "{id}: {e:?}");
        assert!(e.evidence.iter().any(|ev| ev.field == "location" && ev.text == village), "{id}: {e:?}");
    }
    // A place the gazetteer knows stays itself.
    let e = only_event_in(
        "BF",
        "known",
        "Le 3 mars 2022, des hommes armés ont tué un berger à Kaya, dans la province du Sanmatenga.",
        "2022-03-05",
    );
    assert_eq!((e.location.as_str(), e.geo_precision), ("Kaya", 1), "{e:?}");
}

#[test]
fn the_people_a_next_sentence_identifies_as_fighters_were_what_the_event_hit() {
    let e = only_event_in(
        "BF",
        "il-s-agit",
        "Trois personnes ont été abattues par des assaillants le 8 mars 2022 près de Kaya. Il s'agit de deux VDP et d'un berger.",
        "2022-03-10",
    );
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
    assert!(e.actor2.starts_with("VDP"), "{e:?}");
    // People the next sentence names as civilians stay civilians.
    let e = only_event_in(
        "BF",
        "civils",
        "Trois personnes ont été abattues par des assaillants le 8 mars 2022 près de Kaya. Il s'agit de deux bergers et d'un commerçant.",
        "2022-03-10",
    );
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
}

#[test]
fn programmes_against_assault_and_a_spate_of_thefts_tell_no_event() {
    assert_no_event_in(
        "BF",
        "2022-09-07",
        &[
            (
                "awareness",
                "On Monday, a shelter in Kaya opened a sexual assault awareness programme for schools.",
            ),
            (
                "spate",
                "A spate of attacks on shops in Kaya has worried the traders, the mayor said on Monday.",
            ),
        ],
    );
}

#[test]
fn a_headline_over_commentary_with_no_place_is_no_event() {
    let x = Extractor::new(None).unwrap();
    let events = |title: &str| {
        let mut d = doc(
            "t",
            "Le ministre a rencontré la presse mardi pour parler des comités locaux de dialogue et de la cohésion sociale.",
            "2022-04-20",
        );
        d.title = Some(title.into());
        d.country = Some("BF".into());
        x.extract(&d).unwrap()
    };
    // The headline names what the press conference was about, not an incident.
    let e = events("Attaques terroristes au Burkina : « Le dialogue est la seule voie », selon le ministre");
    assert!(e.is_empty(), "{e:#?}");
    // A headline that places its incident still tells it.
    let e = events("Burkina : trois soldats tués dans une attaque à Djibo");
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0].location, "Djibo");
}

#[test]
fn what_was_done_over_a_period_is_a_total() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    for text in [
        "Selon le bilan de l'armée, 9 engins explosifs ont été désamorcés dans la province du Soum sur la période.",
        "According to the army, 9 explosive devices were defused in Soum province over the period.",
    ] {
        let events = x.extract(&doc("t", text, "2022-05-20")).unwrap();
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
}

#[test]
fn attacks_told_as_many_repeated_or_recent_are_no_incident() {
    // An appeal, a closure, a flight of people told against attacks counted as many: the
    // backdrop, not one incident.
    assert_no_event_in(
        "BF",
        "2022-05-10",
        &[
        (
            "multiples",
            "Après les multiples attaques subies par leurs hameaux, les habitants de Tougan réclament de l'aide.",
        ),
        (
            "repetees",
            "Les incursions répétées des hommes armés ont poussé les commerçants de Tougan à fermer leurs boutiques.",
        ),
        (
            "derniers-temps",
            "Des hommes armés ont multiplié les attaques contre les postes de Tougan ces derniers temps, selon le maire.",
        ),
        (
            "lot",
            "Autrefois calme, Tougan vit désormais sous la menace des groupes armés, avec son lot de meurtres et de rapts.",
        ),
        (
            "recentes",
            "Le marché de Tougan est fermé depuis le lundi 9 mai 2022. Cela fait suite aux récentes attaques des groupes armés dans la zone.",
        ),
        (
            "en-passe",
            "Le journal affirme que les autorités sont en passe de négocier une trêve avec les groupes armés.",
        ),
        ],
    );
    // One attack told with its day is one.
    let e = only_event_in(
        "BF",
        "one",
        "Des hommes armés ont attaqué le marché de Tougan le lundi 9 mai 2022, tuant trois commerçants.",
        "2022-05-10",
    );
    assert_eq!(e.location, "Tougan", "{e:?}");
}

#[test]
fn a_headline_over_a_body_that_tells_and_dates_nothing_is_no_event() {
    let x = Extractor::new(None).unwrap();
    let events = |text: &str| {
        let mut d = doc("t", text, "2022-05-10");
        d.title =
            Some("Burkina : Une trentaine de terroristes mis hors d'état de nuire près de Kaya, selon l'armée".into());
        d.country = Some("BF".into());
        x.extract(&d).unwrap()
    };
    // The body presents a summary of operations and dates nothing: the headline sums it up.
    let e = events(
        "Les forces armées nationales poursuivent leurs opérations de sécurisation du territoire. Le point de ces opérations est désormais publié chaque mois.",
    );
    assert!(e.is_empty(), "{e:#?}");
    // A body that gives the day makes the headline an incident.
    let e = events("L'opération a été menée le dimanche 8 mai 2022, selon un communiqué de l'état-major.");
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0].location, "Kaya");
    assert_eq!(e[0].event_date, "2022-05-08");
}

#[test]
fn an_inquiry_into_an_attack_is_no_new_attack() {
    let x = Extractor::new(None).unwrap();
    let events = |title: Option<&str>, text: &str| {
        let mut d = doc("t", text, "2022-05-10");
        d.title = title.map(Into::into);
        d.country = Some("BF".into());
        x.extract(&d).unwrap()
    };
    // The report of an inquiry, under a headline that names the attack it is about.
    let e = events(
        Some("Attaque de Tougan : le rapport d'enquête remis au ministre"),
        "Ce mardi 10 mai 2022 à Ouagadougou, le ministre de la Défense a reçu de la commission le rapport de l'enquête sur l'assaut contre la brigade de Tougan.",
    );
    assert!(e.is_empty(), "{e:#?}");
    let e = events(
        None,
        "Le ministre a rendu publiques les conclusions de l'enquête sur le massacre de Tougan ce mardi 10 mai 2022.",
    );
    assert!(e.is_empty(), "{e:#?}");
    // The attack told, then the inquiry opened into it: one attack.
    let e = events(
        None,
        "Des hommes armés ont attaqué le poste de gendarmerie de Tougan le lundi 9 mai 2022. Une enquête sur l'attaque a été ouverte.",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0].event_date, "2022-05-09");
}

#[test]
fn operations_in_the_plural_and_analyses_of_killings_are_no_incident() {
    assert_no_event_in(
        "BF",
        "2022-05-10",
        &[
        (
            "operations",
            "L'armée annonce avoir neutralisé une trentaine d'assaillants lors d'opérations de ratissage dans la province du Sourou.",
        ),
        ("attacks", "Cinq soldats sont tombés dans des attaques dans le Sourou et le Bam, selon l'armée."),
        (
            "analyse",
            "Dans son texte, l'association analyse les meurtres de villageois de la semaine comme un piège tendu par les groupes armés.",
        ),
        ],
    );
    // One operation, told in the singular with its day and place, is one.
    let e = only_event_in(
        "BF",
        "one-operation",
        "Une trentaine de terroristes ont été neutralisés lors d'une opération de l'armée à Tougan le lundi 9 mai 2022.",
        "2022-05-10",
    );
    assert_eq!(e.location, "Tougan", "{e:?}");
}

#[test]
fn where_the_dead_were_buried_is_not_where_they_died() {
    let e = only_event_in(
        "BF",
        "burial",
        "Les cinq policiers tués lors de l'attaque du commissariat de Tougan ont été inhumés à Ouagadougou ce mardi 10 mai 2022.",
        "2022-05-10",
    );
    assert_eq!(e.location, "Tougan", "{e:?}");
    assert_eq!(e.fatalities, 5, "{e:?}");
}

#[test]
fn a_fight_word_needs_a_side_that_fights() {
    // A quarrel, a campaign: fight words that civilians alone do not make a fight.
    assert_no_event_in(
        "US",
        "2018-04-30",
        &[
            (
                "quarrel",
                "She had a fight with her brother over the car in Dayton on Monday, a neighbour said.",
            ),
            (
                "campaign",
                "The veterans group fought to keep the memorial for fallen soldiers in Dayton open.",
            ),
        ],
    );
    // Supporters of parties who fight are a crowd: their fight is a riot.
    let events = events_in(
        "US",
        "party-supporters",
        "Supporters of two parties fought at a polling station in Dayton on Monday.",
        "2018-04-30",
    );
    assert_eq!(events.len(), 1, "{events:#?}");
}

#[test]
fn words_for_civilians_in_institutions_names_and_compounds_are_no_people() {
    // A trust, a commission, man-made lakes, shells made into necklaces: no people named, so
    // no weak word is supported.
    assert_no_event_in(
        "US",
        "2018-04-30",
        &[
            (
                "trust",
                "Volunteers from the Greene County Community Trust planted tulips in a Dayton park on Monday.",
            ),
            (
                "commission",
                "Staff of the Ohio Civil Rights Commission flew the drones over Dayton on Monday.",
            ),
            (
                "compound",
                "The Dayton council banned man-made lakes in the new suburbs on Monday.",
            ),
            (
                "necklaces",
                "Villagers near Dayton once used marine shells to make necklaces, the museum says.",
            ),
        ],
    );
}

#[test]
fn hashtags_scores_shown_positions_targeted_dates_and_old_years_tell_no_event() {
    // A slogan tagged, a game's score, patience shown, a target chosen, executors of a will,
    // a year written right before the event word of a sentence dated today.
    assert_no_event_in(
        "US",
        "2018-04-30",
        &[
            (
                "hashtag",
                "Fans on Monday shared the tag #boycottDaytonBank after the bank's remarks.",
            ),
            (
                "score",
                "The Dayton Dragons beat the Lansing Lugnuts 5-2 before a home crowd on Monday.",
            ),
            (
                "shown",
                "The coach demonstrated his patience with the Dayton rookies on Monday.",
            ),
            (
                "chosen",
                "The targeted school district of the Dayton reading scheme has 900 pupils, the mayor said on Monday.",
            ),
            (
                "executors",
                "The executors of her will met the Dayton lawyers on Monday.",
            ),
            (
                "old-year",
                "A Dayton judge today heard a suit from residents over a film on the 1990 burning of the old mill.",
            ),
        ],
    );
    // A range of attackers is no score.
    let events = events_in(
        "US",
        "range",
        "Between 10-15 gunmen shot at the police post in Dayton on Monday.",
        "2018-04-30",
    );
    assert_eq!(events.len(), 1, "{events:#?}");
}

#[test]
fn a_surname_after_a_title_and_a_month_s_name_tell_no_event() {
    // "Dr. Lynch" is a woman or a man, not a lynching that would make a founder's death
    // violent; "March for Babies" a charity, not a march.
    assert_no_event_in(
        "US",
        "2018-04-30",
        &[
            (
                "title",
                "The clinic in Dayton opens next month, Dr. Lynch said. Its founder died in June.",
            ),
            (
                "month",
                "Funds raised in Dayton go to March for Babies, the organisers said.",
            ),
        ],
    );
}

#[test]
fn what_was_done_recently_and_a_house_arrest_lived_tell_no_event() {
    // Told as known before, and a state held rather than an arrest made.
    assert_no_event_in(
        "US",
        "2018-04-30",
        &[
            (
                "recently",
                "Police in Dayton recently detained two fans, the club said on Monday.",
            ),
            (
                "house-arrest",
                "The old poet remains under house arrest in Dayton, her publisher said.",
            ),
        ],
    );
}

#[test]
fn an_event_placed_in_no_first_level_unit_has_low_confidence() {
    // ACLED places every event in a first-level unit; one Veille can place only in the
    // country is the kind a user filtering on confidence should lose first.
    let unplaced = only_event_in(
        "BF",
        "unplaced",
        "Le lundi 9 mai 2022, des hommes armés ont tué trois soldats lors d'une embuscade, selon l'armée.",
        "2022-05-10",
    );
    assert!(unplaced.admin1.is_empty(), "{unplaced:?}");
    assert!(unplaced.confidence <= 0.5, "{unplaced:?}");
    let placed = only_event_in(
        "BF",
        "placed",
        "Le lundi 9 mai 2022, des hommes armés ont tué trois soldats lors d'une embuscade près de Tougan, selon l'armée.",
        "2022-05-10",
    );
    assert!(placed.confidence > 0.5, "{placed:?}");
}

/// The events of a document with a title and no country hint, read with the geoparser.
fn events_titled(title: &str, text: &str, published: &str) -> Vec<Event> {
    let d = Document {
        title: Some(title.into()),
        ..doc("t", text, published)
    };
    Extractor::new(None).unwrap().extract(&d).unwrap()
}

#[test]
fn a_region_in_the_headline_places_a_body_that_names_none() {
    let events = events_titled(
        "Burkina : une embuscade fait dix morts dans le Nord",
        "Des hommes armés ont tué dix civils le mardi 4 janvier 2022, selon un communiqué.",
        "2022-01-06",
    );
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(
        (events[0].country.as_str(), events[0].admin1.as_str()),
        ("Burkina Faso", "Nord")
    );
}

#[test]
fn the_country_a_headline_names_places_the_headlines_own_villages() {
    // A second country, as the one that speaks, must not leave the village unread.
    let events = events_titled(
        "Burkina : la Turquie condamne l'attaque contre la gendarmerie a Inata",
        "Voici la déclaration du ministère des Affaires étrangères de Turquie sur l'attaque commise au Burkina Faso.",
        "2021-11-16",
    );
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].location, "Inata");
}

#[test]
fn an_executive_kills_no_one_and_a_denunciation_is_no_protest() {
    for text in [
        "Le directeur exécutif de l'institut a donné une conférence le samedi 3 septembre 2022 à Ouagadougou.",
        "Le parti a dénoncé le mercredi 12 janvier 2022 à Koudougou les complicités dont profitent les terroristes.",
    ] {
        let events = events_titled("Burkina : la guerre sera longue", text, "2022-09-05");
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
}

#[test]
fn a_sentence_that_goes_on_with_totals_over_a_period_tells_totals() {
    let title = "Burkina : l'état-major résume sa semaine";
    for text in [
        "L'état-major a publié le bilan de ses opérations de la période du 3 au 9 janvier 2022. \
         Au cours de ces opérations, plusieurs terroristes ont été neutralisés près de Djibo.",
        "L'état-major a dressé le bilan de ses opérations de la période du 2 au 30 mai 2022 : une centaine de \
         terroristes ont été neutralisés dans le Soum.",
    ] {
        let events = events_titled(title, text, "2022-06-01");
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
    // After an incident, the same opening goes on telling the incident.
    let events = events_titled(
        title,
        "Le 3 janvier 2022, l'armée a mené une opération près de Djibo. Au cours de cette opération, une \
         dizaine de terroristes ont été neutralisés.",
        "2022-01-05",
    );
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].location, "Djibo");
}

#[test]
fn a_toll_over_a_span_of_days_with_no_place_below_the_country_is_a_total() {
    let title = "Burkina : trois soldats tués";
    let events = events_titled(
        title,
        "L'état-major a résumé ses opérations du 10 au 16 janvier 2022 : trois soldats ont été tués \
         et plusieurs terroristes neutralisés au Burkina Faso.",
        "2022-01-18",
    );
    assert!(events.is_empty(), "{events:#?}");
    // Placed, the same toll is an event known to the week.
    let events = events_titled(
        title,
        "L'état-major a résumé ses opérations du 10 au 16 janvier 2022 : trois soldats ont été tués \
         près de Djibo.",
        "2022-01-18",
    );
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!((events[0].location.as_str(), events[0].time_precision), ("Djibo", 2));
}

#[test]
fn a_headline_that_names_no_country_is_read_in_the_country_of_its_body() {
    let events = events_titled(
        "Obsèques des policiers tombés a Inata",
        "Les douze policiers tués dimanche dans l'attaque de leur poste ont été inhumés ce mardi à Ouagadougou.",
        "2021-11-16",
    );
    assert!(events.iter().any(|e| e.location == "Inata"), "{events:#?}");
}

#[test]
fn event_words_in_the_pluperfect_dated_months_before_the_report_are_background() {
    let title = "Burkina : le maire de Pissila est rentré chez lui";
    let text = "Des hommes armés avaient enlevé le maire près de Pissila en mars 2022, a rappelé le préfet ce lundi.";
    let events = events_titled(title, text, "2022-08-08");
    assert!(events.is_empty(), "{events:#?}");
    // A follow-up tells its recent incident in the pluperfect too.
    let events = events_titled(
        title,
        "Le 9 juin 2022, le poste de police de Pissila avait été attaqué par des assaillants armés.",
        "2022-06-12",
    );
    assert_eq!(events.len(), 1, "{events:#?}");
}

#[test]
fn a_house_fire_a_reminder_a_call_on_the_president_and_a_list_of_harms_are_no_incidents() {
    for text in [
        "Trois personnes ont été tuées dans la nuit de samedi 13 à dimanche 14 août 2022 à Koudougou après \
         l'incendie de leur maison.",
        "Il vous souviendra que des hommes armés ont saboté la ligne électrique près de Gayéri le 3 mai 2022.",
        "Le syndicat a interpellé le président le 29 mars 2022 à Ouagadougou sur la situation sécuritaire.",
        "Le syndicat demande le 29 mars 2022 aux autorités, à Ouagadougou, de vite s'attaquer à la question de l'insécurité.",
        "Les habitants de Mansila subissent des enlèvements, des viols et des attaques, selon les associations \
         réunies le 14 avril 2022 à Sebba.",
    ] {
        let events = events_titled("Burkina : la vie continue", text, "2022-09-10");
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
    // Victims listed in the plural are no list of harms.
    let events = events_titled(
        "Burkina : la vie continue",
        "Deux soldats tués et trois blessés lors de l'embuscade près de Djibo le 3 mai 2022.",
        "2022-05-05",
    );
    assert_eq!(events.len(), 1, "{events:#?}");
}

#[test]
fn a_days_strikes_and_demonstrations_are_one_protest_not_a_list_of_harms() {
    let events = events_titled(
        "Burkina : journée de colère",
        "Les enseignants ont mené des grèves et des manifestations à Koudougou le 3 mai 2022.",
        "2022-05-05",
    );
    assert_eq!(events.len(), 1, "{events:#?}");
}

#[test]
fn the_day_a_toll_is_given_dates_the_report_not_the_incident() {
    let events = events_titled(
        "Burkina : deuil après l'attaque de Sebba",
        "Des hommes armés ont attaqué Sebba dans la nuit du 3 au 4 mai 2022. Le bilan de cette attaque \
         publié par le gouvernement ce vendredi 6 mai 2022 est de douze morts.",
        "2022-05-07",
    );
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(
        (events[0].event_date.as_str(), events[0].fatalities),
        ("2022-05-03", 12)
    );
}

#[test]
fn where_the_wounded_are_treated_locates_no_event() {
    let events = events_titled(
        "Burkina : le ministre auprès des blessés",
        "Des hommes armés ont attaqué un convoi près de Djibo le 5 septembre 2022. Le lendemain, le ministre \
         s'est rendu au chevet des blessés, soignés au centre hospitalier de Bogodogo.",
        "2022-09-07",
    );
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].location, "Djibo");
}

#[test]
fn a_document_without_event_words_gives_no_event_but_still_its_input_errors() {
    let x = Extractor::new(None).unwrap();
    let calm = "Le conseil municipal de Dori a adopté son budget pour l'année prochaine.";
    assert!(x.extract(&doc("calm", calm, "2022-05-02")).unwrap().is_empty());
    let bad_date = x.extract(&doc("calm", calm, "le 2 mai")).unwrap_err();
    assert!(bad_date.to_string().contains("publication date"), "{bad_date}");
    let blank = x.extract(&doc("blank", "  \n ", "2022-05-02")).unwrap_err();
    assert!(blank.to_string().contains("empty text"), "{blank}");
    // The same calm words beside an event word still give the event.
    let told = format!("{calm} Des hommes armés ont attaqué le poste de police de Dori hier.");
    assert_eq!(x.extract(&doc("told", &told, "2022-05-02")).unwrap().len(), 1);
}

/// A council-budget story of our own, some 2,400 characters, that names one attack in
/// passing.
fn budget_story_with_one_attack() -> String {
    let filler = "The city council of Harlow met on Monday to debate the budget for the coming year, \
                  and members argued for hours over the cost of new bus lanes, the repair of the \
                  library roof and the salaries of park staff. ";
    let attack = "Gunmen attacked a police station in Harlow on Sunday, the mayor recalled. ";
    format!("{}{attack}{}", filler.repeat(6), filler.repeat(6))
}

#[test]
fn a_long_story_that_names_one_attack_in_passing_reports_no_event() {
    let x = Extractor::new(None).unwrap();
    let story = budget_story_with_one_attack();
    assert!(story.chars().count() > 2000, "{}", story.len());
    assert!(x.extract(&doc("budget", &story, "2018-04-30")).unwrap().is_empty());
    // The attack told alone is an event.
    let alone = "Gunmen attacked a police station in Harlow on Sunday, the mayor recalled.";
    assert_eq!(x.extract(&doc("alone", alone, "2018-04-30")).unwrap().len(), 1);
}

#[test]
fn a_user_lexicon_can_turn_the_event_word_density_check_off() {
    let dir = std::env::temp_dir().join(format!("veille-extract-density-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("triggers.toml"), "chars_per_event_word = 0\n").unwrap();
    let x = Extractor::new(Some(&dir));
    std::fs::remove_dir_all(&dir).unwrap();
    let events = x
        .unwrap()
        .extract(&doc("budget", &budget_story_with_one_attack(), "2018-04-30"))
        .unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
}

#[test]
fn a_sentence_saying_where_the_one_before_happened_locates_it() {
    let x = Extractor::new(None).unwrap();
    let located = "Les soldats ont tué cinq hommes armés le 3 août 2022. \
                   C'était près de Kaya, au Burkina Faso.";
    let events = x.extract(&doc("sequel", located, "2022-08-06")).unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].location, "Kaya");
    // A later sentence about something else names no place of the incident.
    let elsewhere = "Les soldats ont tué cinq hommes armés le 3 août 2022 au Burkina Faso. \
                     Le ministre s'est rendu à Kaya le lendemain.";
    let events = x.extract(&doc("visit", elsewhere, "2022-08-06")).unwrap();
    assert!(events.iter().all(|e| e.location != "Kaya"), "{events:#?}");
}

#[test]
fn neutralising_explosive_devices_defuses_them_and_kills_no_one() {
    for text in [
        "Les militaires ont neutralisé le 3 février 2022 plusieurs engins explosifs près de Djibo.",
        "Le 3 février 2022, trois engins explosifs ont été neutralisés près de Djibo.",
    ] {
        let e = events_in("BF", "defused", text, "2022-02-06");
        assert_eq!(e.len(), 1, "{text}: {e:#?}");
        assert_eq!(e[0].sub_event_type, "Disrupted weapons use", "{text}");
        assert_eq!(e[0].fatalities, 0, "{text}");
    }
    // Men neutralised while they laid a device were killed.
    let men = "Les militaires ont neutralisé le 3 février 2022 plusieurs terroristes qui posaient un engin explosif près de Djibo.";
    let e = events_in("BF", "men", men, "2022-02-06");
    assert!(e.iter().all(|e| e.sub_event_type != "Disrupted weapons use"), "{e:#?}");
}

#[test]
fn a_report_said_to_be_false_tells_no_event() {
    let x = Extractor::new(None).unwrap();
    let denied = "Le ministère dément la publication d'un hebdomadaire selon lequel des soldats \
                  auraient attaqué le marché de Dori le 2 mai 2022.";
    assert!(x.extract(&doc("denied", denied, "2022-05-05")).unwrap().is_empty());
    let english = "The army denied reports that soldiers attacked the market in Dori on 2 May 2022.";
    assert!(x.extract(&doc("denied-en", english, "2022-05-05")).unwrap().is_empty());
    // The report itself, not denied, is an event.
    let told = "Des soldats ont attaqué le marché de Dori le 2 mai 2022.";
    assert_eq!(x.extract(&doc("told", told, "2022-05-05")).unwrap().len(), 1);
}

#[test]
fn where_the_displaced_went_is_not_where_the_attack_was() {
    let x = Extractor::new(None).unwrap().with_unplaced(true);
    let text = "Le 4 juillet 2022, des hommes armés ont pillé et incendié les greniers du village, \
                provoquant le déplacement à Kaya de toute la population, au Burkina Faso.";
    let events = x.extract(&doc("displaced", text, "2022-07-08")).unwrap();
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| e.location != "Kaya"), "{events:#?}");
}

#[test]
fn a_document_without_a_hint_takes_its_outlets_country() {
    let x = Extractor::new(None).unwrap();
    let text = "Des individus armés ont tué trois civils jeudi à Barsalgho, selon des sources locales.";
    let from_outlet = Document {
        url: Some("https://www.lefaso.net/spip.php?article1".into()),
        ..doc("o", text, "2022-05-10")
    };
    let events = x.extract(&from_outlet).unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(
        (
            events[0].country.as_str(),
            events[0].admin2.as_str(),
            events[0].actor2.as_str()
        ),
        ("Burkina Faso", "Sanmatenga", "Civilians (Burkina Faso)")
    );
    // The document's own hint, and the caller's, come before the outlet's.
    let told = Document {
        country: Some("NE".into()),
        ..from_outlet.clone()
    };
    let events = x.extract(&told).unwrap();
    assert!(events.iter().all(|e| e.country != "Burkina Faso"), "{events:#?}");
    let events = x.extract(&doc("n", text, "2022-05-10")).unwrap();
    assert!(events.iter().all(|e| e.country.is_empty()), "{events:#?}");
}

#[test]
fn an_event_known_only_to_its_province_is_written_at_the_provinces_seat() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    let text = "Le 3 mars 2024, des individus armés ont tué deux civils dans la province du Gourma.";
    let events = x.extract(&doc("p", text, "2024-03-05")).unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = &events[0];
    // ACLED's way: the seat's name and point, the unit's admin names and a unit's precision.
    assert_eq!(
        (e.location.as_str(), e.admin1.as_str(), e.admin2.as_str()),
        ("Fada N'gourma", "Est", "Gourma")
    );
    assert!(e.geo_precision >= 2, "{e:#?}");
    let (lat, lon) = (e.latitude.unwrap(), e.longitude.unwrap());
    assert!((lat - 12.06).abs() < 0.05 && (lon - 0.36).abs() < 0.05, "{lat} {lon}");
    // The evidence still quotes the words that named the place.
    assert!(e.evidence.iter().any(|v| v.field == "location" && v.text == "Gourma"));
}

#[test]
fn an_event_known_only_to_its_region_takes_the_seats_second_level_unit() {
    // ACLED takes admin units from the point, and the point is the region's seat.
    let x = Extractor::new(None).unwrap().with_country(Some("NE".into()));
    let text = "Le 3 mars 2024, des hommes armés ont tué trois civils dans la région de Tillabéri.";
    let events = x.extract(&doc("r", text, "2024-03-05")).unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = &events[0];
    assert_eq!(
        (
            e.location.as_str(),
            e.admin1.as_str(),
            e.admin2.as_str(),
            e.geo_precision
        ),
        ("Tillabéri", "Tillabéri", "Tillaberi", 3),
        "{e:#?}"
    );
}

#[test]
fn a_date_that_belongs_to_another_thing_does_not_date_the_event() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    for text in [
        "Attaque de Djibo : le parti revient sur les promesses du coup d'État du 30 septembre 2022.",
        "Gunmen attacked Djibo; the party weighs the promises of the elections of 22 November 2021.",
    ] {
        let events = x.extract(&doc("d", text, "2023-03-15")).unwrap();
        assert!(!events.is_empty(), "{text}");
        assert!(
            events.iter().all(|e| e.event_date.as_str() >= "2023-03-01"),
            "{text}: {events:#?}"
        );
    }
    // The thing itself dated: the date is its event's.
    let text = "Le coup d'État du 24 janvier 2022 a renversé le président à Ouagadougou.";
    let events = x.extract(&doc("c", text, "2022-01-26")).unwrap();
    assert!(events.iter().all(|e| e.event_date == "2022-01-24"), "{events:#?}");
}

#[test]
fn an_event_noun_with_its_own_earlier_day_is_dated_by_it() {
    let x = Extractor::new(None).unwrap().with_country(Some("BF".into()));
    // The sentence opens on the burial's day; the attack carries its own.
    for text in [
        "Dans la matinée du mardi 12 mars 2024, les 9 soldats tombés lors de l'attaque du camp de Djibo, le 4 mars 2024, ont été inhumés à Ouagadougou.",
        "On 12 March 2024, the nine soldiers killed in the attack on the Djibo camp on 4 March 2024 were laid to rest.",
    ] {
        let events = x.extract(&doc("b", text, "2024-03-12")).unwrap();
        assert_eq!(events.len(), 1, "{text}: {events:#?}");
        assert_eq!(events[0].event_date, "2024-03-04", "{text}");
    }
    // A verb's earlier day is what came before the event the sentence dates.
    let text = "On 17 March 2024, gunmen executed a village chief of Djibo abducted on 7 March 2024.";
    let events = x.extract(&doc("v", text, "2024-03-18")).unwrap();
    assert!(events.iter().any(|e| e.event_date == "2024-03-17"), "{events:#?}");
}
