//! Field coding of French conflict news on sentences of our own writing: who the sides are
//! (police, gendarmerie and prison guards apart from the army), and the toll.

use veille_extract::Extractor;
use veille_model::{Document, Event};

fn extractor() -> Extractor {
    Extractor::new(None).unwrap().with_country(Some("BF".into()))
}

/// The one event of `text` (and `title`), published on `published`, read as Burkina Faso news.
fn sole(x: &Extractor, title: Option<&str>, text: &str, published: &str) -> Event {
    let d = Document {
        id: "t".into(),
        text: text.into(),
        title: title.map(Into::into),
        published: Some(published.into()),
        ..Default::default()
    };
    let mut events = x.extract(&d).unwrap();
    assert_eq!(events.len(), 1, "{text}: {events:#?}");
    events.remove(0)
}

#[test]
fn the_rapid_intervention_units_of_burkina_faso_are_gendarmes() {
    let x = extractor();
    let e = sole(
        &x,
        None,
        "L'unité GARSI de Tougan a repoussé le 3 juillet 2022 une attaque de terroristes près du village de Toéni.",
        "2022-07-06",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    let sides = [e.actor1.as_str(), e.actor2.as_str()];
    assert!(
        sides.contains(&"Police Forces of Burkina Faso (2022-) Gendarmerie"),
        "{sides:?}"
    );
}

#[test]
fn an_attacked_prison_is_a_clash_with_its_guards() {
    let x = extractor();
    let e = sole(
        &x,
        None,
        "Des hommes armés ont attaqué le 3 juillet 2022 la maison d'arrêt et de correction de Tougan.",
        "2022-07-06",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    assert_eq!(e.actor2, "Police Forces of Burkina Faso (2022-) Prison Guards");
}

#[test]
fn soldiers_who_fell_are_counted_dead() {
    let x = extractor();
    let e = sole(
        &x,
        None,
        "Le 3 juillet 2022 à Titao, quatre soldats sont tombés lors d'une attaque terroriste.",
        "2022-07-06",
    );
    assert_eq!(e.fatalities, 4);
}

#[test]
fn armed_men_counted_with_civilians_among_the_dead_were_fought() {
    let x = extractor();
    let e = sole(
        &x,
        None,
        "Des hommes armés ont attaqué Titao le 3 juillet 2022, tuant deux civils et quatre VDP.",
        "2022-07-06",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    assert_eq!(e.actor1, "Unidentified Armed Group (Burkina Faso)");
    assert_eq!(e.actor2, "VDP: Volunteers for the Defense of the Homeland");
    assert_eq!(e.fatalities, 6);
}

#[test]
fn a_militia_that_is_only_attacked_faces_an_unnamed_group() {
    let x = extractor();
    let e = sole(
        &x,
        None,
        "Une attaque a fait le 3 juillet 2022 à Tougan huit morts dont quatre VDP.",
        "2022-07-06",
    );
    assert_eq!(e.actor1, "Unidentified Armed Group (Burkina Faso)");
    assert_eq!(e.actor2, "VDP: Volunteers for the Defense of the Homeland");
}

#[test]
fn fighters_right_after_an_attack_noun_made_the_attack() {
    let x = extractor();
    let e = sole(
        &x,
        None,
        "L'attaque terroriste menée le 3 juillet 2022 à Titao a causé la mort de deux civils et de quatre \
         volontaires pour la défense de la patrie (VDP).",
        "2022-07-06",
    );
    let actor1 = e
        .evidence
        .iter()
        .find(|ev| ev.field == "actor1")
        .map(|ev| ev.text.as_str());
    assert_eq!(actor1, Some("terroriste"), "{e:#?}");
    assert_eq!(e.actor2, "VDP: Volunteers for the Defense of the Homeland");
}

#[test]
fn the_french_possessive_son_names_no_one() {
    let x = extractor();
    let e = sole(
        &x,
        None,
        "Le ministère indique que son poste des eaux et forêts de Tougan a été la cible d'une attaque le 3 juillet 2022.",
        "2022-07-06",
    );
    assert!(!e.evidence.iter().any(|ev| ev.text == "son"), "{e:#?}");
    assert_eq!(e.sub_event_type, "Armed clash");
}

#[test]
fn a_headline_participle_without_its_auxiliary_is_passive() {
    let x = extractor();
    let body = "Des individus armés se sont présentés dans la nuit du 3 au 4 juillet 2022 dans la ville de Tougan.";
    for title in [
        "Tougan : La brigade de gendarmerie attaquée",
        "Tougan : La brigade de gendarmerie attaquee a l'aube",
    ] {
        let e = sole(&x, Some(title), body, "2022-07-06");
        assert_eq!(e.actor1, "Unidentified Armed Group (Burkina Faso)", "{title}");
        assert_eq!(e.actor2, "Police Forces of Burkina Faso (2022-) Gendarmerie", "{title}");
    }
    // An object after it keeps the verb active.
    let e = sole(
        &x,
        Some("Tougan : des hommes armés attaquent la brigade de gendarmerie"),
        body,
        "2022-07-06",
    );
    assert_eq!(e.actor2, "Police Forces of Burkina Faso (2022-) Gendarmerie");
}

#[test]
fn the_high_commissioners_office_is_no_police_station() {
    let x = extractor();
    let e = sole(
        &x,
        None,
        "Le 3 juillet 2022, des assaillants ont mis le feu au bâtiment du haut-commissariat de Tougan.",
        "2022-07-06",
    );
    assert_eq!(e.sub_event_type, "Looting/property destruction");
    assert_eq!(e.actor2, "Civilians (Burkina Faso)");
}

#[test]
fn an_armed_assault_is_no_army() {
    let x = extractor();
    let e = sole(
        &x,
        Some("Tougan : Agression armee dans une cour, deux morts"),
        "Dans la nuit du 3 juillet 2022, des inconnus armés sont entrés dans une concession à Tougan. Deux habitants sont morts par balles.",
        "2022-07-06",
    );
    assert_eq!(e.sub_event_type, "Attack");
    assert_eq!(e.actor2, "Civilians (Burkina Faso)");
}

#[test]
fn the_workers_of_the_mine_tell_no_landmine() {
    let x = extractor();
    let e = sole(
        &x,
        None,
        "Le 3 juillet 2022, des hommes armés ont attaqué le site aurifère de Tougan ; un soldat et un employé de la mine sont morts.",
        "2022-07-06",
    );
    assert_eq!(e.sub_event_type, "Armed clash");
    assert_eq!(e.actor2, "Military Forces of Burkina Faso (2022-)");
}

#[test]
fn soldiers_who_perished_are_counted_dead() {
    let x = extractor();
    let e = sole(
        &x,
        None,
        "Le 3 juillet 2022, des hommes armés ont attaqué le détachement militaire de Titao. Trois soldats ont péri pendant les combats.",
        "2022-07-06",
    );
    assert_eq!(e.fatalities, 3);
}

#[test]
fn a_person_named_before_and_n_others_is_one_more() {
    let x = extractor();
    let e = sole(
        &x,
        None,
        "Le 3 juillet 2022 à Titao, le chef des volontaires Issa Kaboré et 12 autres personnes ont péri dans une attaque terroriste.",
        "2022-07-06",
    );
    assert_eq!(e.fatalities, 13);
}

#[test]
fn villages_joined_by_et_de_are_a_list() {
    let x = extractor();
    let d = Document {
        id: "t".into(),
        text: "Des hommes armés ont attaqué les villages de Titao et de Tougan le 3 juillet 2022. \
               Onze civils y ont perdu la vie."
            .into(),
        published: Some("2022-07-06".into()),
        ..Default::default()
    };
    let events = x.extract(&d).unwrap();
    let mut got: Vec<(String, u32)> = events.iter().map(|e| (e.location.clone(), e.fatalities)).collect();
    got.sort();
    assert_eq!(
        got,
        vec![("Titao".to_string(), 6), ("Tougan".to_string(), 5)],
        "{events:#?}"
    );
}

#[test]
fn goods_counted_beside_the_dead_are_no_dead() {
    let x = extractor();
    let e = sole(
        &x,
        None,
        "L'escorte de 300 conteneurs et deux terroristes ont été neutralisés près de Djibo le 5 août 2022.",
        "2022-08-10",
    );
    assert_eq!(e.fatalities, 2);
}
