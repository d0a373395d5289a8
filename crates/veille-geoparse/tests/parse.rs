//! Geoparser behaviour on sentences of our own writing.

use veille_geoparse::{Geoparser, Hints, MentionRole, PlaceHit};

fn parse(text: &str, country: Option<&str>) -> Vec<PlaceHit> {
    Geoparser::embedded().parse(
        text,
        &Hints {
            country: country.map(str::to_string),
            lang: None,
            regions: Vec::new(),
        },
    )
}

/// The code-point span of the first `name` in `text`, as callers give spans.
fn span_of(text: &str, name: &str) -> [usize; 2] {
    let start = text[..text.find(name).unwrap()].chars().count();
    [start, start + name.chars().count()]
}

fn find<'a>(hits: &'a [PlaceHit], surface: &str) -> &'a PlaceHit {
    hits.iter()
        .find(|h| h.mention.text == surface)
        .unwrap_or_else(|| panic!("{surface:?} not found in {hits:#?}"))
}

#[test]
fn cercle_names_the_admin2_unit_not_the_town() {
    let text = "L'armée a détruit un véhicule dans le cercle de Goundam, puis un dépôt dans le cercle de Gourma-Rharous, région de Tombouctou.";
    let hits = parse(text, None);
    let goundam = find(&hits, "Goundam");
    assert_eq!(goundam.role, MentionRole::AdminUnit);
    assert_eq!(goundam.mention.feature_code, "ADM2");
    assert_eq!(goundam.mention.country_code, "ML");
    assert_eq!(goundam.mention.admin1, "Tombouctou");
    assert_eq!(goundam.mention.precision, 2);
    let rharous = find(&hits, "Gourma-Rharous");
    assert_eq!(rharous.mention.feature_code, "ADM2");
    assert_eq!(rharous.mention.admin2, "Gourma-Rharous");
    let region = find(&hits, "Tombouctou");
    assert_eq!(region.mention.feature_code, "ADM1");
    assert_eq!(region.mention.precision, 3);
}

#[test]
fn offsets_are_code_points() {
    let text = "Réunion à Ségou, près de Léré.";
    let hits = parse(text, Some("ML"));
    let lere = find(&hits, "Léré");
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(
        chars[lere.mention.start..lere.mention.end].iter().collect::<String>(),
        "Léré"
    );
    assert_eq!(lere.role, MentionRole::Near);
    assert_eq!(lere.mention.precision, 2);
    assert_eq!(lere.mention.country_code, "ML");
}

#[test]
fn villages_of_the_full_sahel_dumps_resolve_in_their_country() {
    for (name, cc) in [
        ("Hombori", "ML"),
        ("Diafarabé", "ML"),
        ("Boni", "ML"),
        ("Ber", "ML"),
        ("Djibo", "BF"),
        ("Ayorou", "NE"),
    ] {
        let text = format!("Des hommes armés ont attaqué le village de {name} mardi.");
        let hits = parse(&text, Some(cc));
        let hit = find(&hits, name);
        assert_eq!(hit.mention.country_code, cc, "{name}: {hit:?}");
    }
}

#[test]
fn country_hint_and_context_pick_the_sahel_reading() {
    // Djibo the Burkinabè town, not a homonym elsewhere; Soum under "province du".
    let hits = parse(
        "Une embuscade a visé un convoi près de Djibo, dans la province du Soum.",
        None,
    );
    let djibo = find(&hits, "Djibo");
    assert_eq!(djibo.mention.country_code, "BF");
    assert_eq!(djibo.mention.admin2, "Soum");
    assert_eq!(find(&hits, "Soum").mention.feature_code, "ADM2");
}

#[test]
fn english_cues_and_pairs() {
    let hits = parse(
        "Fighting broke out between Mopti and Sévaré, 30 km north of Djenné, in the Mopti region.",
        Some("ML"),
    );
    assert_eq!(find(&hits, "Sévaré").role, MentionRole::Near);
    assert_eq!(find(&hits, "Djenné").role, MentionRole::Near);
    let region = hits.iter().rfind(|h| h.mention.text == "Mopti").unwrap();
    assert_eq!(region.mention.feature_code, "ADM1");
}

#[test]
fn demonyms_and_countries() {
    let hits = parse(
        "Les soldats maliens et l'armée burkinabè ont patrouillé au Niger.",
        None,
    );
    assert_eq!(find(&hits, "maliens").mention.country_code, "ML");
    assert_eq!(find(&hits, "maliens").role, MentionRole::Demonym);
    assert_eq!(find(&hits, "burkinabè").mention.country_code, "BF");
    let niger = find(&hits, "Niger");
    assert_eq!(niger.role, MentionRole::Country);
    assert_eq!(niger.mention.precision, 3);
}

#[test]
fn a_short_form_of_a_town_is_the_town() {
    let hits = parse("Des manifestants ont bloqué une route à Ouaga hier.", Some("BF"));
    let ouaga = find(&hits, "Ouaga");
    assert_eq!(ouaga.mention.name, "Ouagadougou");
    assert_eq!(ouaga.role, MentionRole::Named);
    assert_eq!(ouaga.mention.precision, 1);
}

#[test]
fn no_places_from_persons_datelines_agencies_or_common_words() {
    let text =
        "OUAGADOUGOU (AIB) - Selon M. Paris Traoré, le ministre Kaya a parlé. La Police enquête sur la police locale.";
    let hits = parse(text, Some("BF"));
    let surfaces: Vec<&str> = hits.iter().map(|h| h.mention.text.as_str()).collect();
    assert!(!surfaces.contains(&"OUAGADOUGOU"), "dateline kept: {surfaces:?}");
    assert!(!surfaces.contains(&"AIB"), "agency kept: {surfaces:?}");
    assert!(!surfaces.contains(&"Paris"), "person kept: {surfaces:?}");
    assert!(!surfaces.contains(&"Kaya"), "person after a title kept: {surfaces:?}");
    assert!(!surfaces.contains(&"Police"), "common word kept: {surfaces:?}");
}

#[test]
fn resolution_only_resolves_exactly_the_given_spans() {
    let text = "Floods hit Timbuktu and Gao on Monday.";
    let hits = Geoparser::embedded().resolve_spans(text, &[[11, 19]], &Hints::default());
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].mention.text, "Timbuktu");
    assert_eq!(hits[0].mention.country_code, "ML");
}

#[test]
fn output_is_deterministic() {
    let text = "Attaque à Djibo et à Arbinda, province du Soum; puis à Kaya.";
    assert_eq!(parse(text, None), parse(text, None));
}

#[test]
fn words_without_a_local_reading_are_not_pinned_on_the_focus_place() {
    // "Hier", "Massacre", "Cris" name small places abroad; with a Burkinabè
    // source they have no acceptable reading and must vanish, not take
    // Djibo's coordinates.
    let text = "Hier, Cris et Massacre: à Djibo, la situation reste tendue selon le CHU.";
    let hits = parse(text, Some("BF"));
    let surfaces: Vec<&str> = hits.iter().map(|h| h.mention.text.as_str()).collect();
    assert_eq!(surfaces, ["Djibo"], "{hits:#?}");
}

#[test]
fn small_places_abroad_are_kept_when_the_document_names_their_country() {
    let hits = parse("Au Mali, des soldats ont été attaqués à Telataï.", Some("BF"));
    let telatai = find(&hits, "Telataï");
    assert_eq!(telatai.mention.country_code, "ML");
}

#[test]
fn a_word_after_a_locative_is_read_as_a_local_spelling() {
    // GeoNames writes "Aribinda"; the press often "Arbinda".
    let hits = parse("The police station in Arbinda closed down.", Some("BF"));
    let arbinda = find(&hits, "Arbinda");
    assert_eq!(arbinda.mention.name, "Aribinda");
    assert_eq!(arbinda.mention.admin2, "Soum");
    // Without a country to look in, one edit finds homonyms anywhere: no guess.
    assert!(parse("The police station in Arbinda closed down.", None).is_empty());
}

#[test]
fn a_post_of_the_forces_is_named_by_its_town_spelt_locally() {
    for text in [
        "Le détachement militaire de Arbinda a repoussé une attaque.",
        "La brigade de gendarmerie de Arbinda a été visée dans la nuit.",
        "Des renforts sont arrivés à la base de Arbinda.",
    ] {
        let hits = parse(text, Some("BF"));
        let arbinda = find(&hits, "Arbinda");
        assert_eq!(arbinda.mention.name, "Aribinda", "{text}");
    }
}

#[test]
fn a_word_a_distance_away_from_is_read_as_a_local_spelling_near_it() {
    for text in [
        "Gunmen raided a gold-panning site two kilometres from Arbinda.",
        "Des hommes armés ont attaqué un site d'orpaillage à 5 km d'Arbinda.",
        "Des hommes armés ont attaqué un site à 12 kilomètres de Arbinda.",
        // The unit glued to its number.
        "Des hommes armés ont attaqué un site à 12km d'Arbinda.",
    ] {
        let hits = parse(text, Some("BF"));
        let arbinda = find(&hits, "Arbinda");
        assert_eq!(arbinda.mention.name, "Aribinda", "{text}");
        assert_eq!(arbinda.mention.precision, 2, "{text}: near it, not at it");
    }
    // "from" alone announces no place: it may follow a verb of leaving anything.
    assert!(parse("Traders came back from Arbinda.", Some("BF")).is_empty());
}

#[test]
fn compass_words_before_a_place_are_a_direction_not_a_region() {
    for text in [
        "Les soldats ont frappé une base à 150 km au Nord-est de Gao.",
        "The strike hit a camp 150 km to the North-East of Gao.",
        "Les soldats ont frappé à 20 km au Nord de Gao.",
    ] {
        let hits = parse(text, None);
        assert!(
            hits.iter().all(|h| h.mention.feature_code != "ADM1"),
            "{text}: {:?}",
            hits.iter()
                .map(|h| (&h.mention.name, &h.mention.country_code))
                .collect::<Vec<_>>()
        );
        assert_eq!(find(&hits, "Gao").mention.country_code, "ML", "{text}");
    }
    // After a cue for towns and their parts, they name a sector or a ward.
    let hits = parse(
        "Les soldats du secteur Nord ont patrouillé dans la province du Soum.",
        Some("BF"),
    );
    assert!(hits.iter().all(|h| h.mention.name != "Nord"), "{hits:#?}");
    assert_eq!(find(&hits, "Soum").mention.admin1, "Sahel");
    // Before a country, the words still name its region.
    let hits = parse("Des hommes armés ont frappé dans l'Est du Burkina.", Some("BF"));
    assert_eq!(find(&hits, "Est").mention.feature_code, "ADM1");
}

#[test]
fn the_capital_is_the_capital_of_the_sources_country() {
    let hits = parse("Des élèves ont manifesté dans la capitale.", Some("BF"));
    assert_eq!(find(&hits, "la capitale").mention.name, "Ouagadougou");
    let hits = parse("Bamako, the capital of Mali, was calm.", Some("BF"));
    assert!(hits.iter().all(|h| h.mention.name != "Ouagadougou"), "{hits:#?}");
    assert!(parse("They marched in the capital.", None).is_empty());
}

#[test]
fn a_demonyms_capital_is_that_countrys_capital_whatever_the_source() {
    let hits = parse("Students marched in the Chadian capital on Monday.", None);
    assert_eq!(find(&hits, "the Chadian capital").mention.name, "N'Djamena");
    let hits = parse("Des élèves ont manifesté dans la capitale malienne.", Some("BF"));
    assert_eq!(find(&hits, "la capitale malienne").mention.name, "Bamako");
    // The demonym alone still stands for its country.
    let hits = parse("The Chadian army withdrew.", None);
    assert_eq!(find(&hits, "Chadian").mention.country_code, "TD");
}

#[test]
fn a_repeated_name_does_not_outvote_the_state_that_places_it() {
    // A local paper names its town a dozen times and its state once: the
    // state decides, however often the town's famous homonym is "voted" for.
    let text = "Dublin Arts Council awards grants. The Dublin Singers, Dublin's chorus, sang at the \
                Dublin Community Center on Monday. Dublin, Ohio, is growing.";
    let hits = parse(text, None);
    let dublin = find(&hits, "Dublin");
    assert_eq!(
        (dublin.mention.country_code.as_str(), dublin.mention.admin1.as_str()),
        ("US", "Ohio")
    );
}

#[test]
fn state_abbreviations_need_their_period_in_running_text() {
    let hits = parse(
        "A fire in Topeka, Kan., and floods near Wheeling, W. Va., on Monday.",
        None,
    );
    assert_eq!(find(&hits, "Kan.").mention.name, "Kansas");
    assert_eq!(find(&hits, "W. Va.").mention.name, "West Virginia");
    // Without the period "Miss" is a title and "Pa" a word.
    let hits = parse("Miss Jones met Pa Smith in Topeka.", None);
    assert!(
        hits.iter()
            .all(|h| !["Mississippi", "Pennsylvania"].contains(&h.mention.name.as_str())),
        "{hits:#?}"
    );
    // A given span may carry a people's plural.
    let text = "Syrians fled.";
    let hits = Geoparser::embedded().resolve_spans(text, &[[0, 7]], &Hints::default());
    assert_eq!(hits[0].mention.country_code, "SY");
}

#[test]
fn a_surname_of_the_document_is_not_a_place() {
    let hits = parse(
        "John Franklin wrote from Paris. Later Franklin sailed home to Philadelphia.",
        None,
    );
    let surfaces: Vec<&str> = hits.iter().map(|h| h.mention.text.as_str()).collect();
    assert_eq!(surfaces, ["Paris", "Philadelphia"], "{hits:#?}");
}

#[test]
fn a_state_holding_the_other_places_beats_its_namesake_county() {
    // "Department of" opens an agency's name, not an admin cue; the state
    // holds Boone County and Lebanon, which a county of Pennsylvania does not.
    let text = "The Indiana Department of Workforce Development said Boone County, \
                home to Lebanon and Zionsville, saw jobless claims rise across Indiana.";
    let hits = parse(text, None);
    for hit in hits.iter().filter(|h| h.mention.text == "Indiana") {
        assert_eq!(hit.mention.feature_code, "ADM1", "{hit:#?}");
    }
}

#[test]
fn a_given_span_unknown_as_a_whole_takes_the_prominent_place_inside_it() {
    let text = "Researchers at Colorado State University met in Fort Collins.";
    let hits = Geoparser::embedded().resolve_spans(text, &[[15, 40], [48, 60]], &Hints::default());
    assert_eq!(hits[0].mention.name, "Colorado", "{hits:#?}");
    assert_eq!(hits[0].mention.feature_code, "ADM1");
    // A feature named after a place is not that place: the focus stands in.
    let text = "Boats left Fort Collins for Lake Colorado Springs.";
    let hits = Geoparser::embedded().resolve_spans(text, &[[11, 23], [28, 49]], &Hints::default());
    assert_eq!(hits[1].mention.name, "Fort Collins", "{hits:#?}");
}

fn resolve_alone(name: &str, country: &str) -> Option<PlaceHit> {
    let hints = Hints {
        country: Some(country.to_string()),
        lang: None,
        regions: Vec::new(),
    };
    let len = name.chars().count();
    Geoparser::embedded()
        .resolve_spans(name, &[[0, len]], &hints)
        .into_iter()
        .next()
}

#[test]
fn a_name_known_only_abroad_is_read_as_a_local_spelling() {
    // GeoNames has "Sassambari" in Mali only; the Burkinabè village is "Sassambaré".
    let hit = resolve_alone("Sassambari", "BF").expect("resolved");
    assert_eq!(hit.mention.country_code, "BF");
    assert_eq!(hit.mention.name, "Sassambaré");
}

#[test]
fn the_closest_spelling_wins_over_another_consonant() {
    // "Sébéga" differs by a vowel, "Sebba" by a consonant.
    let hit = resolve_alone("Sebga", "BF").expect("resolved");
    assert_eq!(hit.mention.name, "Sébéga");
}

#[test]
fn a_spelling_with_other_letter_groups_is_read_as_the_village() {
    // GeoNames writes "Bourtyana" and "Atyoungbana": "tch" for "ty" and "u" for
    // "ou" are several letter edits, one transcription apart.
    let hit = resolve_alone("Burtchana", "BF").expect("resolved");
    assert_eq!(hit.mention.name, "Bourtyana");
    let hit = resolve_alone("Atchungbana", "BF").expect("resolved");
    assert_eq!(hit.mention.name, "Atyoungbana");
    // A consonant of its own is still another name.
    assert!(resolve_alone("Burtchapa", "BF").is_none_or(|h| h.mention.name != "Bourtyana"));
}

#[test]
fn a_near_spelling_far_from_the_other_places_is_no_reading() {
    let hints = Hints {
        country: Some("BF".into()),
        lang: None,
        regions: Vec::new(),
    };
    // Beside Djibo and Arbinda, "Tokabangou" is read as Takabougou, in the same region.
    let text = "Attaque à Djibo et à Arbinda, puis à Tokabangou.";
    let hits = Geoparser::embedded().resolve_spans(text, &[[10, 15], [21, 28], [37, 47]], &hints);
    assert_eq!(find(&hits, "Tokabangou").mention.admin1, "Sahel");
    // Beside Banfora and Orodara, every near spelling lies 400 km away or more:
    // the guess is dropped and the span falls back to the document's focus.
    let text = "Attaque à Banfora et à Orodara, puis à Tokabangou.";
    let hits = Geoparser::embedded().resolve_spans(text, &[[10, 17], [23, 30], [39, 49]], &hints);
    let toka = find(&hits, "Tokabangou");
    assert_eq!(toka.mention.precision, 3, "{toka:?}");
}

#[test]
fn a_village_part_is_read_as_its_village() {
    let hit = resolve_alone("Gomde-Fulbe", "BF").expect("resolved");
    assert_eq!(veille_text::fold(&hit.mention.name), "gomde");
}

#[test]
fn a_departement_yields_to_the_town_of_its_very_name() {
    let hit = resolve_alone("Iferouane", "NE").expect("resolved");
    assert_eq!(hit.mention.feature_code, "PPL");
    let bam = resolve_alone("Bam", "BF").expect("resolved");
    assert_eq!(
        bam.mention.feature_code, "ADM2",
        "'Province du Bam' keeps its bare name"
    );
}

#[test]
fn a_unit_does_not_vouch_for_itself_through_its_own_name() {
    // The town near which the patrol fell, not the département: nothing else in
    // the sentence lies inside the unit, and its own name must not count as such.
    let hits = parse(
        "Une patrouille est tombée dans une embuscade près d'Iférouane, au nord d'Agadez.",
        Some("NE"),
    );
    let iferouane = find(&hits, "Iférouane");
    assert_eq!(iferouane.mention.feature_code, "PPL");
    assert_eq!(iferouane.mention.admin1, "Agadez");
}

#[test]
fn a_large_city_outranks_a_unit_of_its_name() {
    // Mesa, Arizona (some half a million people) before Mesa County, Colorado.
    let hits = parse("Police in Mesa arrested two men on Tuesday after a chase.", None);
    let mesa = find(&hits, "Mesa");
    assert_eq!(mesa.mention.feature_code, "PPL");
    assert_eq!(mesa.mention.admin1, "Arizona");
}

#[test]
fn a_unit_at_its_parents_point_borrows_no_size() {
    // Jamaica's Mansfield subdivision sits at its parish's point and holds no town
    // of its own in the gazetteer: it must not pass for a county of 100,000 people.
    let hits = parse("The council in Mansfield approved the new budget on Tuesday.", None);
    let mansfield = find(&hits, "Mansfield");
    assert_ne!(mansfield.mention.country_code, "JM");
    assert!(mansfield.mention.feature_code.starts_with("PPL"));
}

#[test]
fn a_unit_at_its_towns_point_borrows_no_size() {
    // Alberta's municipality of Hinton stands at its town's point and holds no place
    // coded in it: it must not pass for a county of 100,000 people.
    let hits = parse(
        "The council in Hinton, Alberta, approved the new budget on Tuesday.",
        None,
    );
    let hinton = find(&hits, "Hinton");
    assert_ne!(hinton.mention.feature_code, "ADM2", "{:?}", hinton.mention);
}

#[test]
fn the_two_congos_and_macedonia_are_countries() {
    let hits = parse(
        "Health workers in Congo and in the Democratic Republic of Congo tracked the virus. Macedonia closed its border.",
        None,
    );
    assert_eq!(find(&hits, "Congo").mention.country_code, "CG");
    let drc = find(&hits, "Democratic Republic of Congo");
    assert_eq!(drc.mention.country_code, "CD");
    assert_eq!(find(&hits, "Macedonia").mention.country_code, "MK");
}

#[test]
fn official_long_forms_name_their_country() {
    // Given as spans: in running text the possessive cuts the name short.
    let text = "Envoys of the Democratic People's Republic of Korea met those of the People's Republic of China.";
    let span = |name: &str| span_of(text, name);
    let spans = [
        span("Democratic People's Republic of Korea"),
        span("People's Republic of China"),
    ];
    let hints = Hints {
        country: None,
        lang: None,
        regions: Vec::new(),
    };
    let hits = Geoparser::embedded().resolve_spans(text, &spans, &hints);
    let codes: Vec<&str> = hits.iter().map(|h| h.mention.country_code.as_str()).collect();
    assert_eq!(codes, ["KP", "CN"]);
}

#[test]
fn a_capital_does_not_pull_the_towns_around_it() {
    // Cambridge, Maryland is a drive from Washington; the capital names the
    // government here, and the larger Cambridge wins on its own.
    let text = "Officials in Washington said the soldier, who grew up in Cambridge, trained in Britain and Germany.";
    let span = |name: &str| span_of(text, name);
    let spans = [span("Washington"), span("Cambridge"), span("Britain"), span("Germany")];
    let hits = Geoparser::embedded().resolve_spans(text, &spans, &Hints::default());
    let cambridge = find(&hits, "Cambridge");
    assert_ne!(cambridge.mention.admin1, "Maryland", "{:?}", cambridge.mention);
}

#[test]
fn candidates_include_the_near_spellings_the_resolver_reads() {
    let geoparser = Geoparser::embedded();
    let hints = Hints {
        country: Some("BF".into()),
        lang: None,
        regions: Vec::new(),
    };
    // "Sassambari" exists only in Mali; in Burkina Faso GeoNames writes "Sassambaré".
    let candidates = geoparser.candidates("Sassambari", &hints);
    let best = geoparser.gazetteer().place(candidates[0].place);
    assert_eq!((best.name, best.country_code), ("Sassambaré", "BF"));
    assert!(candidates[0].score.is_finite());
    // Without a country, only the names as written.
    let plain = geoparser.candidates("Sassambari", &Hints::default());
    assert!(plain
        .iter()
        .all(|c| geoparser.gazetteer().place(c.place).name == "Sassambari"));
}

#[test]
fn a_place_is_expected_after_a_locative_through_articles_and_of() {
    // GeoNames writes "Dyamanga", "Yobiri" and "Kouaré".
    for (text, surface, name) in [
        (
            "Gunmen burned a school in the village of Diamanga.",
            "Diamanga",
            "Dyamanga",
        ),
        ("Soldiers patrolled in the area of Koare on Monday.", "Koare", "Kouaré"),
        (
            "Des hommes armés ont tué un commerçant près du village de Yobri.",
            "Yobri",
            "Yobiri",
        ),
    ] {
        let hits = parse(text, Some("BF"));
        assert_eq!(find(&hits, surface).mention.name, name, "{text}");
    }
    // Without a place word before it, a capitalised unknown word is no guess.
    assert!(parse("Reporters met Koare on Monday.", Some("BF")).is_empty());
}

#[test]
fn an_exact_name_known_only_abroad_yields_to_a_local_spelling_after_a_locative() {
    // "Diamanga" is a locality of Niger in GeoNames; a Burkinabè source means Dyamanga.
    let hits = parse("Militants burned a school in Diamanga.", Some("BF"));
    let diamanga = find(&hits, "Diamanga");
    assert_eq!(
        (diamanga.mention.country_code.as_str(), diamanga.mention.name.as_str()),
        ("BF", "Dyamanga")
    );
}

#[test]
fn an_unknown_name_of_several_words_is_not_read_by_its_short_first_word() {
    // "Garin" ("the town of" in Hausa) opens many village names; it is not Gari.
    let hits = parse("Militants abducted two traders in Garin Wanzam on Friday.", Some("NE"));
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn peoples_and_an_english_article_are_not_places() {
    let hits = parse(
        "Members of the Zarma, Fulani, Tuareg and Arab communities were arrested in Bani Bangou.",
        Some("NE"),
    );
    let names: Vec<&str> = hits.iter().map(|h| h.mention.text.as_str()).collect();
    assert_eq!(names, ["Bani Bangou"]);
    // English "a" is not French "à": "a Tuareg camp" names no place.
    assert!(parse("Gunmen raided a Tuareg camp at dawn.", Some("NE")).is_empty());
}

#[test]
fn a_place_said_to_be_near_another_is_not_read_far_from_it() {
    // GeoNames' only "Ayouba" lies in Zinder, 700 km from Bani Bangou.
    let hits = parse("Soldiers burned the camp of Ayouba, near Bani Bangou.", Some("NE"));
    let names: Vec<&str> = hits.iter().map(|h| h.mention.text.as_str()).collect();
    assert_eq!(names, ["Bani Bangou"]);
    // A reading close to its anchor stays: Goundam lies 80 km from Tombouctou.
    let hits = parse("Des tirs ont visé Goundam, près de Tombouctou.", Some("ML"));
    assert_eq!(find(&hits, "Goundam").mention.admin1, "Tombouctou");
}

#[test]
fn a_hyphenated_name_is_not_read_by_a_short_first_part() {
    // "Ti-n-Samane" is one name (Tamasheq "n", "of"); "Tin-Jollel" is unknown
    // whole, and "Tin" alone is another village, 600 km away.
    let hits = parse("Airstrikes hit positions in Ti-n-Samane.", Some("BF"));
    assert_eq!(find(&hits, "Ti-n-Samane").mention.admin2, "Oudalan");
    let hits = parse(
        "Militants seized livestock in Tin-Jollel, in the Markoye Department.",
        Some("BF"),
    );
    let names: Vec<&str> = hits.iter().map(|h| h.mention.text.as_str()).collect();
    assert_eq!(names, ["Markoye"]);
    // A town joined to a village spelt otherwise is a pair of places ("Aribinda" in GeoNames).
    let hits = parse("Embuscade sur l'axe Djibo-Arbinda.", Some("BF"));
    assert_eq!(find(&hits, "Djibo").mention.admin2, "Soum");
    assert_eq!(find(&hits, "Arbinda").mention.name, "Aribinda");
    // "Iowa-based" and "Dallas-Fort Worth" still name Iowa and Dallas.
    let hits = parse("An Iowa-based firm opened offices in Dallas-Fort Worth.", None);
    assert!(hits.iter().any(|h| h.mention.text == "Iowa"), "{hits:#?}");
    assert!(hits.iter().any(|h| h.mention.text == "Dallas"), "{hits:#?}");
}

#[test]
fn a_place_said_to_be_in_a_unit_is_read_inside_it() {
    // Eight villages are called Bissiga; one lies in Kouritenga province, none in Bam.
    let hits = parse(
        "Des hommes armés ont attaqué Bissiga, dans la province du Kouritenga.",
        Some("BF"),
    );
    assert_eq!(find(&hits, "Bissiga").mention.admin2, "Kouritenga");
    let hits = parse(
        "Des hommes armés ont attaqué Bissiga, dans la province du Bam.",
        Some("BF"),
    );
    let names: Vec<&str> = hits.iter().map(|h| h.mention.text.as_str()).collect();
    assert_eq!(names, ["Bam"]);
}

#[test]
fn a_city_of_millions_is_what_its_name_means_unless_the_unit_is_cued() {
    // New York City is not the seat of New York State (Albany is), nor Lagos of Lagos State.
    let hits = parse(
        "The mayor of New York spoke on Monday. Lagos police said the market burned.",
        None,
    );
    assert_eq!(find(&hits, "New York").mention.feature_code, "PPL");
    assert!(find(&hits, "Lagos").mention.feature_code.starts_with("PPL"));
    let hits = parse("Farmers across New York State protested.", None);
    assert_eq!(find(&hits, "New York").mention.feature_code, "ADM1");
}

#[test]
fn a_seat_of_power_stands_for_its_city() {
    // GeoNames lists "White House" among Casablanca's translated names.
    let hits = parse(
        "The White House and the Kremlin said on Monday; à Kosyam, le président a reçu les chefs.",
        None,
    );
    assert_eq!(find(&hits, "White House").mention.name, "Washington");
    assert_eq!(find(&hits, "Kremlin").mention.name, "Moscow");
    assert_eq!(find(&hits, "Kosyam").mention.name, "Ouagadougou");
    assert_eq!(find(&hits, "Kosyam").mention.precision, 1);
}

#[test]
fn australian_state_abbreviations_name_their_states() {
    let hits = parse("Floods hit northern NSW and Qld on Tuesday.", None);
    assert_eq!(find(&hits, "NSW").mention.name, "New South Wales");
    assert_eq!(find(&hits, "Qld").mention.name, "Queensland");
}

#[test]
fn the_object_of_an_attack_verb_is_where_a_place_is_expected() {
    // GeoNames writes "Takabougou"; the verb, like "in", announces a place.
    let hits = parse("Presumed militants attacked Tokabangou on Monday.", Some("BF"));
    assert_eq!(find(&hits, "Tokabangou").mention.admin1, "Sahel");
    // Not after any verb: "met Tokabangou" stays no place.
    assert!(parse("Reporters met Tokabangou on Monday.", Some("BF")).is_empty());
}

#[test]
fn a_bare_a_is_french_a_only_in_french() {
    // Headlines without accents write "à" as "a".
    let hints = |lang: &str| Hints {
        country: Some("BF".into()),
        lang: Some(lang.into()),
        regions: Vec::new(),
    };
    let text = "Un poste de police attaque a Arbinda";
    let hits = Geoparser::embedded().parse(text, &hints("fr"));
    assert_eq!(find(&hits, "Arbinda").mention.name, "Aribinda");
    assert!(Geoparser::embedded().parse(text, &hints("en")).is_empty());
}

#[test]
fn the_first_of_two_places_joined_by_and_is_not_read_near_the_second() {
    // "between X and Y" frames both; Tankadémi lies 450 km from the Talat the
    // second name resolves to, and must not be dropped for it.
    let hits = parse(
        "Soldiers and militants clashed between Tankademi and Tamalat.",
        Some("NE"),
    );
    let first = find(&hits, "Tankademi");
    assert_eq!(first.mention.admin1, "Tahoua");
}

#[test]
fn a_short_known_word_does_not_stand_for_a_longer_unknown_name() {
    // "Kiri" alone is a well in Maradi; "Kiri Kiri" is a Diffa village the
    // gazetteer spells "Kiri-Kouri".
    let hits = parse("Militants killed four fishermen near Kiri Kiri.", Some("NE"));
    assert!(hits.iter().all(|h| h.mention.text != "Kiri"), "{hits:#?}");
    assert_eq!(find(&hits, "Kiri Kiri").mention.admin1, "Diffa");
    // "Koudo" is a Tillabéri wetland, not the first word of "Koudo Kauwa".
    let hits = parse("Militants abducted a girl in Koudo Kauwa, near Boula Gana.", Some("NE"));
    assert!(hits.iter().all(|h| h.mention.admin1 == "Diffa"), "{hits:#?}");
    // A town of the source's country still reads on its own ("Djibo Sud"
    // is no reason to doubt Djibo).
    let hits = parse("Les hommes armés ont attaqué Djibo Nanga ce matin.", Some("BF"));
    assert_eq!(find(&hits, "Djibo").mention.admin2, "Soum");
}

#[test]
fn a_foreign_first_word_gives_way_to_a_whole_local_name() {
    // "Gaidam" is another name of Geidam in Nigeria; the whole is a Nigerien village.
    let hits = parse(
        "Militants abducted a man in the village of Gaidam Tchoukou.",
        Some("NE"),
    );
    let village = find(&hits, "Gaidam Tchoukou");
    assert_eq!(village.mention.country_code, "NE");
    assert_eq!(village.mention.admin1, "Diffa");
}

#[test]
fn a_peoples_quarter_is_read_as_its_village() {
    let hits = parse("Militants seized livestock in the village of Lari Kanouri.", Some("NE"));
    assert_eq!(find(&hits, "Lari").mention.admin1, "Diffa");
}

#[test]
fn a_communiques_bracketed_place_and_date_is_a_dateline() {
    let hits = parse(
        "(Ouagadougou, 15 juin 2022). Le ministre s'est rendu ce matin à Kaya.",
        Some("BF"),
    );
    assert!(hits.iter().all(|h| h.mention.text != "Ouagadougou"), "{hits:#?}");
    assert_eq!(find(&hits, "Kaya").mention.admin1, "Centre-Nord");
    // A bracketed place with no date is no dateline.
    let hits = parse("(Ouagadougou, capitale) Des élèves ont marché.", Some("BF"));
    assert_eq!(find(&hits, "Ouagadougou").mention.admin1, "Centre");
}

#[test]
fn the_faso_is_burkina_faso() {
    let hits = parse("Le Président du Faso a reçu les familles des victimes.", None);
    let faso = find(&hits, "Faso");
    assert_eq!(faso.mention.country_code, "BF");
    assert_eq!(faso.role, MentionRole::Demonym);
}

/// Code-point spans of the first occurrence of each of `names` in `text`.
fn spans_of(text: &str, names: &[&str]) -> Vec<[usize; 2]> {
    names
        .iter()
        .map(|name| {
            let byte = text.find(name).unwrap_or_else(|| panic!("{name:?} not in the text"));
            let start = text[..byte].chars().count();
            [start, start + name.chars().count()]
        })
        .collect()
}

#[test]
fn a_given_span_led_or_closed_by_a_country_adjective_is_an_institution_of_that_country() {
    let text = "The Chilean Senate and the US Federal Reserve commented; the British Embassy Tokyo did not.";
    let spans = spans_of(text, &["Chilean Senate", "US Federal Reserve", "British Embassy Tokyo"]);
    let hits = Geoparser::embedded().resolve_spans(text, &spans, &Hints::default());
    assert_eq!(hits.len(), 3, "{hits:#?}");
    assert_eq!(hits[0].mention.country_code, "CL", "{hits:#?}");
    assert!(hits[0].mention.feature_code.starts_with("PCL"), "{hits:#?}");
    // "Federal" is a state of Brazil; the abbreviation at the head names the country.
    assert_eq!(hits[1].mention.country_code, "US", "{hits:#?}");
    assert!(hits[1].mention.feature_code.starts_with("PCL"), "{hits:#?}");
    // A city named in the span still comes first.
    assert_eq!(hits[2].mention.name, "Tokyo", "{hits:#?}");
}

#[test]
fn the_focus_place_lies_in_the_country_the_document_names_most() {
    let text = "Liverpool fans came. Liverpool won, Liverpool sang. Kenya and Kenyan \
                officials in Nairobi said Kenya will host the Sunrise Football Academy.";
    let spans = spans_of(
        text,
        &["Liverpool", "Kenya", "Kenyan", "Nairobi", "Sunrise Football Academy"],
    );
    let mut spans = spans;
    spans.extend(
        spans_of(&text[21..], &["Liverpool"])
            .iter()
            .map(|[s, e]| [s + 21, e + 21]),
    );
    let hits = Geoparser::embedded().resolve_spans(text, &spans, &Hints::default());
    let academy = find(&hits, "Sunrise Football Academy");
    assert_eq!(academy.mention.name, "Nairobi", "{hits:#?}");
}

#[test]
fn a_given_abbreviation_in_capitals_is_read_among_its_places_by_the_documents_context() {
    let geoparser = Geoparser::embedded();
    let text = "Ferries from Perth and Fremantle, WA, were cancelled.";
    let hits = geoparser.resolve_spans(text, &spans_of(text, &["Perth", "Fremantle", "WA"]), &Hints::default());
    assert_eq!(hits[2].mention.name, "Western Australia", "{hits:#?}");
    let text = "Ferries from Seattle and Tacoma, WA, were cancelled.";
    let hits = geoparser.resolve_spans(text, &spans_of(text, &["Seattle", "Tacoma", "WA"]), &Hints::default());
    assert_eq!(hits[2].mention.name, "Washington", "{hits:#?}");
    assert_eq!(hits[2].mention.feature_code, "ADM1", "{hits:#?}");
    let text = "Growers near Charleston, SC, lost their crops.";
    let hits = geoparser.resolve_spans(text, &spans_of(text, &["Charleston", "SC"]), &Hints::default());
    assert_eq!(hits[1].mention.name, "South Carolina", "{hits:#?}");
    // Written as a name, it is the town of that name.
    let text = "Traders in Wa and Tamale met.";
    let hits = geoparser.resolve_spans(text, &spans_of(text, &["Wa", "Tamale"]), &Hints::default());
    assert_eq!(hits[0].mention.country_code, "GH", "{hits:#?}");
}

#[test]
fn an_arabic_name_is_read_with_or_without_its_article() {
    // GeoNames writes the Syrian town "Al Qāmishlī"; papers often drop the article.
    let text = "Shelling hit Qamishli and Hasakah overnight.";
    let hits = Geoparser::embedded().resolve_spans(text, &spans_of(text, &["Qamishli", "Hasakah"]), &Hints::default());
    assert_eq!(hits[0].mention.country_code, "SY", "{hits:#?}");
    assert_eq!(hits[0].mention.name, "Al Qāmishlī", "{hits:#?}");
    // And the other way round: an article GeoNames does not write.
    let text = "Convoys left el-Aleppo at dawn.";
    let hits = Geoparser::embedded().resolve_spans(text, &spans_of(text, &["el-Aleppo"]), &Hints::default());
    assert_eq!(hits[0].mention.name, "Aleppo", "{hits:#?}");
}

#[test]
fn a_given_word_for_a_places_people_is_that_place() {
    let text = "Nebraskans, Albertans and the Sicilian fishermen met a Londoner.";
    let spans = spans_of(text, &["Nebraskans", "Albertans", "Sicilian", "Londoner"]);
    let hits = Geoparser::embedded().resolve_spans(text, &spans, &Hints::default());
    let names: Vec<&str> = hits.iter().map(|h| h.mention.name.as_str()).collect();
    assert_eq!(names, ["Nebraska", "Alberta", "Sicily", "London"], "{hits:#?}");
}

#[test]
fn a_given_span_read_as_a_hamlet_far_from_every_other_place_takes_the_focus() {
    let text = "Crowds filled Stonewall after the parade through Boston, Cambridge and Quincy.";
    let spans = spans_of(text, &["Stonewall", "Boston", "Cambridge", "Quincy"]);
    let hits = Geoparser::embedded().resolve_spans(text, &spans, &Hints::default());
    let bar = find(&hits, "Stonewall");
    assert_eq!(bar.mention.admin1, "Massachusetts", "{hits:#?}");
    assert_eq!(bar.mention.precision, 3, "{hits:#?}");
}

#[test]
fn a_commune_is_named_as_holding_its_villages() {
    let text = "Le village de Kikidéni, dans la commune de Fada N'Gourma, a été attaqué.";
    let hits = parse(text, Some("BF"));
    assert!(!find(&hits, "Kikidéni").holds);
    assert!(find(&hits, "Fada N'Gourma").holds);
    let hits = parse(
        "Le hameau de Kikidéni, dans la commune rurale de Fada N'Gourma.",
        Some("BF"),
    );
    assert!(find(&hits, "Fada N'Gourma").holds);
}

#[test]
fn a_distance_in_kilometres_puts_the_place_near() {
    let hits = parse(
        "La mairie de Kikidéni, à une quinzaine de kilomètres de Fada N'Gourma, a été incendiée.",
        Some("BF"),
    );
    let fada = find(&hits, "Fada N'Gourma");
    assert_eq!((fada.role, fada.mention.precision), (MentionRole::Near, 2));
    let hits = parse("Des tirs ont visé un bus à 8 km de Fada N'Gourma.", Some("BF"));
    assert_eq!(find(&hits, "Fada N'Gourma").role, MentionRole::Near);
}

#[test]
fn a_locality_is_a_place_not_an_area() {
    // GeoNames has Inata, a gold mine with a gendarmerie post, as a locality (LCTY).
    let hits = parse("L'attaque du poste de Inata, Soum, a fait des morts.", Some("BF"));
    let inata = find(&hits, "Inata");
    assert_eq!(
        (inata.mention.feature_code.as_str(), inata.mention.precision),
        ("LCTY", 1)
    );
}

#[test]
fn holland_is_the_netherlands_unless_named_with_its_state() {
    let hits = parse("The Dutch coach said Holland would play in Amsterdam on Friday.", None);
    assert_eq!(find(&hits, "Holland").mention.country_code, "NL");
    let hits = parse("A plant in Holland, Michigan, closed on Monday.", None);
    let holland = find(&hits, "Holland");
    assert_eq!(
        (holland.mention.country_code.as_str(), holland.mention.admin1.as_str()),
        ("US", "Michigan")
    );
    let hits = parse("Carnival in Trinidad drew thousands on Tuesday.", None);
    assert_eq!(find(&hits, "Trinidad").mention.country_code, "TT");
    // Given as spans, as resolution-only benchmarks give them.
    let text = "Ranchers near Trinidad, Colorado, lost cattle.";
    let spans = [span_of(text, "Trinidad"), span_of(text, "Colorado")];
    let hits = Geoparser::embedded().resolve_spans(text, &spans, &Hints::default());
    assert_eq!(find(&hits, "Trinidad").mention.admin1, "Colorado");
}

#[test]
fn an_elided_capital_carries_a_name_written_on_in_lower_case() {
    // French papers write "Fada N'gourma" and "N’djamena" as often as the capitalised
    // forms; the lower-case tail after "N'" is still the name.
    let hits = parse("Le convoi est parti de Fada N’gourma vers la mine.", None);
    let fada = find(&hits, "Fada N’gourma");
    assert_eq!(
        (fada.mention.country_code.as_str(), fada.mention.admin1.as_str()),
        ("BF", "Est")
    );
    let hits = parse("Le ministre est rentré à N'djamena puis à N’guigmi.", None);
    assert_eq!(find(&hits, "N'djamena").mention.country_code, "TD");
    assert_eq!(find(&hits, "N’guigmi").mention.country_code, "NE");
    // French elisions stay what they are: no name is read across them.
    let hits = parse("L’est du pays est calme. D’abord, l’armée est arrivée.", None);
    assert!(hits.iter().all(|h| !h.mention.text.contains('’')), "{hits:#?}");
}

#[test]
fn the_two_ends_of_a_road_are_not_near_each_other() {
    // "l'axe Kaya-Dori" names a road 160 km long: Kaya is not said to lie near Dori,
    // so Burkina Faso's Kaya keeps its reading.
    for text in [
        "Le pont sur l’axe Kaya-Dori a été détruit.",
        "Le pont sur l’axe Kaya – Dori a été détruit.",
    ] {
        let hits = parse(text, None);
        let kaya = find(&hits, "Kaya");
        assert_eq!(
            (kaya.mention.country_code.as_str(), kaya.mention.feature_code.as_str()),
            ("BF", "PPLA")
        );
    }
}

#[test]
fn an_institution_named_after_a_cue_word_is_no_place() {
    // "Police Department", "City Council", "Town Hall": the capitalised cue word is part
    // of an institution's name, so it licenses no common word as a place.
    for text in [
        "The Mansfield Police Department said the suspect fled.",
        "The City Council voted on Tuesday.",
        "The mayor spoke at Town Hall on Monday.",
    ] {
        let hits = parse(text, None);
        assert!(
            hits.iter()
                .all(|h| !["Police", "Council", "Hall"].contains(&h.mention.text.as_str())),
            "{text}: {hits:#?}"
        );
    }
    // A cue written in lower case still licenses the word: "la commune de Ces".
    let hits = parse("Des hommes armés ont attaqué la commune de Bourzanga.", Some("BF"));
    assert_eq!(find(&hits, "Bourzanga").mention.country_code, "BF");
}

#[test]
fn ordinals_months_feasts_and_titles_are_no_places_alone() {
    for text in [
        "First, the mayor spoke to the press.",
        "Parents learned Nov. 13 that the centre would close.",
        "He was last seen Christmas Day near the river.",
        "The suspect robbed the First Bank on Main Street.",
        "The Fourth and the Seventh districts voted.",
        "A spokesman said that the Pope had recovered.",
        "Sen. Smith and Al spoke to the King on Monday.",
    ] {
        let hits = parse(text, None);
        assert!(hits.is_empty(), "{text}: {hits:#?}");
    }
}

#[test]
fn a_title_before_a_name_marks_a_person() {
    for (text, name) in [
        ("Sheriff Tyler said the road was closed.", "Tyler"),
        ("Pastor Douglas led the prayer on Sunday.", "Douglas"),
        ("The Rev. Chester spoke first.", "Chester"),
    ] {
        let hits = parse(text, None);
        assert!(hits.iter().all(|h| h.mention.text != name), "{text}: {hits:#?}");
    }
}

#[test]
fn a_given_name_before_a_surname_makes_a_person_not_two_places() {
    // "Tim" is a Russian village and "Whitley" an American county; "Sam" an alternate
    // name of Damascus. Written together, or alone after their introduction, they are people.
    let text = "Earlier, Tim Whitley, a city official in Malakoff, Texas, spoke. Whitley explained the plan.";
    let hits = parse(text, None);
    assert!(hits.iter().all(|h| !h.mention.text.contains("Whitley")), "{hits:#?}");
    assert_eq!(find(&hits, "Malakoff").mention.admin1, "Texas");
    let hits = parse("Sam said the clinic had closed. Ben agreed.", None);
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn a_name_before_a_capitalised_street_word_is_the_street() {
    let hits = parse("The Market Street closure in Lansing, Michigan lasted a week.", None);
    assert!(hits.iter().all(|h| h.mention.text != "Market"), "{hits:#?}");
    assert_eq!(find(&hits, "Lansing").mention.admin1, "Michigan");
    let hits = parse("A shop on Paris Avenue in Dallas was looted.", None);
    assert!(hits.iter().all(|h| h.mention.text != "Paris"), "{hits:#?}");
    // In lower case the road leads to the place: "the Djibo road".
    let hits = parse("Gunmen ambushed a convoy on the Djibo road.", Some("BF"));
    assert_eq!(find(&hits, "Djibo").mention.country_code, "BF");
}

#[test]
fn a_town_after_a_locative_needs_no_rank() {
    // GeoNames codes Saskatoon (199,000 people) and Lethbridge as plain towns (PPL).
    for (text, name) in [
        ("The man was arrested in Saskatoon on Monday.", "Saskatoon"),
        ("Two officers were hurt in Lethbridge.", "Lethbridge"),
    ] {
        let hits = parse(text, None);
        assert_eq!(find(&hits, name).mention.country_code, "CA", "{text}");
    }
}

#[test]
fn a_surname_that_names_a_populous_district_is_still_the_person() {
    let text = "Andrew Trapani is a film producer. His rise shows Trapani's will to work hard.";
    let hits = parse(text, None);
    assert!(hits.iter().all(|h| h.mention.text != "Trapani"), "{hits:#?}");
}

#[test]
fn a_region_standing_on_its_seat_yields_to_the_town() {
    // Mali's Ménaka region dates from 2016; GeoNames still files the town under Gao, but
    // the region's point is the town's: "near Menaka" is near the town.
    let hits = parse(
        "Militants attacked a military base near Menaka, in northeastern Mali.",
        None,
    );
    let menaka = find(&hits, "Menaka");
    assert_eq!(
        (menaka.mention.feature_code.as_str(), menaka.mention.precision),
        ("PPLA", 2),
        "{hits:#?}"
    );
    // With its cue the region stays the region.
    let hits = parse("L'armée a mené des frappes dans la région de Ménaka.", Some("ML"));
    assert_eq!(find(&hits, "Ménaka").mention.feature_code, "ADM1");
}

#[test]
fn a_region_written_as_its_seat_is_spelled_holds_the_village_named_before_it() {
    // GeoNames knows "Tillabery" only as a spelling of the town; the region of that name
    // holds Bolsi, a hundred kilometres from the town, which must not be dropped as far
    // from the place it is said to lie in.
    for text in [
        "Gunmen abducted two herders in Bolsi, Tillabery region, on Sunday.",
        "Des hommes armés ont enlevé deux éleveurs à Bolsi, dans la région de Tillabery.",
    ] {
        let hits = parse(text, Some("NE"));
        let region = find(&hits, "Tillabery");
        assert_eq!(
            (region.mention.feature_code.as_str(), region.mention.admin2.as_str()),
            ("ADM1", ""),
            "{text}: {hits:#?}"
        );
        let village = find(&hits, "Bolsi");
        assert_eq!(village.mention.admin2, "Say", "{text}: {hits:#?}");
    }
    // A unit not named after the seat is not read for it: "province de Kaya" stays Kaya.
    let hits = parse(
        "Des hommes armés ont attaqué un convoi dans la province de Kaya.",
        Some("BF"),
    );
    assert_ne!(find(&hits, "Kaya").mention.admin1, "", "{hits:#?}");
    assert_ne!(find(&hits, "Kaya").mention.feature_code, "ADM1", "{hits:#?}");
}

#[test]
fn a_part_of_a_town_lies_in_the_town() {
    // Villages called Tanguin and Bogodogo lie 40 km from Ouagadougou; the wards the text
    // names are in it, and the gazetteer lacks them: the town stands for them, as near it.
    for (text, part) in [
        (
            "Traders clashed with a militia across the Tanghin area of Ouagadougou on Monday.",
            "Tanghin",
        ),
        (
            "Des commerçants ont affronté une milice au quartier Bogodogo de Ouagadougou.",
            "Bogodogo",
        ),
    ] {
        let hits = parse(text, Some("BF"));
        let ward = &find(&hits, part).mention;
        assert_eq!(
            (ward.name.as_str(), ward.admin2.as_str(), ward.precision),
            ("Ouagadougou", "Kadiogo", 2),
            "{text}: {hits:#?}"
        );
    }
    // A reading inside the town stays.
    let hits = parse(
        "Youths burned tyres across the Tampouy area of Ouagadougou.",
        Some("BF"),
    );
    assert_eq!(find(&hits, "Tampouy").mention.admin2, "Kadiogo", "{hits:#?}");
    // Without the town after it, the village is the village.
    let hits = parse("Des hommes armés ont attaqué le village de Bogodogo.", Some("BF"));
    assert_eq!(find(&hits, "Bogodogo").mention.admin2, "Bazega", "{hits:#?}");
}

#[test]
fn a_persons_name_that_is_a_country_or_a_capital_stays_a_place() {
    for (text, name, code) in [
        ("Refugees fled to Jordan last year.", "Jordan", "PCLI"),
        ("Protesters marched in Washington on Saturday.", "Washington", "PPLC"),
    ] {
        let hits = parse(text, None);
        assert_eq!(find(&hits, name).mention.feature_code, code, "{text}");
    }
    // A small place of a person's name is still the person.
    let hits = parse("Clinton said the deal was fair.", None);
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn a_village_in_capitals_after_a_locative_is_read_as_a_name() {
    // Army communiqués write villages in capitals; acronyms are short.
    let hits = parse(
        "Des terroristes ont été neutralisés à IOLONIORO, dans la province de la Bougouriba.",
        Some("BF"),
    );
    assert_eq!(find(&hits, "IOLONIORO").mention.admin2, "Bougouriba", "{hits:#?}");
}

#[test]
fn a_document_naming_one_country_reads_local_spellings_without_a_hint() {
    // No source country is given, but the text names Burkina Faso: "Seytenga" after "à" is
    // a village of it (GeoNames' Sitenga), and "Barsalgho" a spelling of its Barsalogo.
    let hits = parse("Au Burkina Faso, le président s'est rendu à Seytenga ce matin.", None);
    assert_eq!(find(&hits, "Seytenga").mention.admin1, "Sahel", "{hits:#?}");
    let text = "Au Burkina Faso, des hommes armés ont attaqué le marché à Barsalgho ce matin.";
    assert_eq!(find(&parse(text, None), "Barsalgho").mention.admin1, "Centre-Nord");
    // A document naming two countries gives no country to search spellings in.
    let text = "Entre le Mali et le Burkina Faso, des hommes armés ont attaqué le marché à Barsalgho.";
    let hits = parse(text, None);
    assert!(hits.iter().all(|h| h.mention.text != "Barsalgho"), "{hits:#?}");
}

#[test]
fn a_region_written_in_lower_case_after_its_hyphen_is_the_region() {
    let text = "Des tirs ont visé un poste de police dans le Centre-est du Burkina Faso.";
    let hits = parse(text, None);
    let region = find(&hits, "Centre-est");
    assert_eq!(region.mention.feature_code, "ADM1");
    assert_eq!(region.mention.admin1, "Centre-Est");
    // Only as the name's last part: "Mar-a-Lago" has no "Mar-a" (Mara, Tanzania).
    let hits = parse("Le président a reçu ses invités à Mar-a-Lago.", None);
    assert!(hits.iter().all(|h| h.mention.text != "Mar-a"), "{hits:#?}");
}

#[test]
fn a_compass_point_with_its_capital_after_an_article_is_the_countrys_region_of_that_name() {
    // The country may be named by its short name.
    let hits = parse("À l'Est du Burkina, des hommes armés ont brûlé une école.", None);
    let east = find(&hits, "Est");
    assert_eq!(east.role, MentionRole::AdminUnit);
    assert_eq!(
        (east.mention.country_code.as_str(), east.mention.admin1.as_str()),
        ("BF", "Est")
    );
    assert_eq!(east.mention.precision, 3);
    let hits = parse("Une embuscade a eu lieu dans le Nord.", Some("BF"));
    assert_eq!(find(&hits, "Nord").mention.admin1, "Nord");
    // Mali has no region called Nord; a lower-case compass point is a direction; a capital
    // that opens the sentence marks no name.
    for (text, country) in [
        ("Une embuscade a eu lieu dans le Nord du Mali.", None),
        ("Une embuscade a eu lieu dans le nord du pays.", Some("BF")),
        ("Nord : une embuscade a eu lieu.", Some("BF")),
    ] {
        let hits = parse(text, country);
        assert!(
            hits.iter().all(|h| h.mention.feature_code != "ADM1"),
            "{text}: {hits:#?}"
        );
    }
}

#[test]
fn a_given_name_opens_a_persons_name_and_both_words_stay_the_person() {
    // Curtis (Nebraska), Becker County, Dale County, Barstow and Fulton are all places of
    // the gazetteer; here they are people, and so are their later bare mentions.
    let hits = parse(
        "Curtis Becker opened a bakery in Denver last spring. Later Curtis thanked the staff, and Becker cut the ribbon.",
        None,
    );
    let surfaces: Vec<&str> = hits.iter().map(|h| h.mention.text.as_str()).collect();
    assert_eq!(surfaces, ["Denver"], "{hits:#?}");
    let hits = parse("Dale A. Barstow and Nikki Lynn Fulton met in Denver.", None);
    let surfaces: Vec<&str> = hits.iter().map(|h| h.mention.text.as_str()).collect();
    assert_eq!(surfaces, ["Denver"], "{hits:#?}");
    // A cue or street word is no surname, a well-known place no given name, and a name
    // that an institution's word follows is the institution's.
    let hits = parse(
        "The Marion County sheriff drove from Georgia to the Frederick Memorial Hospital in Frederick.",
        None,
    );
    let surfaces: Vec<&str> = hits.iter().map(|h| h.mention.text.as_str()).collect();
    assert!(surfaces.contains(&"Marion County"), "{hits:#?}");
    assert!(surfaces.contains(&"Georgia"), "{hits:#?}");
    assert_eq!(
        hits.last().map(|h| h.mention.text.as_str()),
        Some("Frederick"),
        "{hits:#?}"
    );
}

#[test]
fn a_word_that_speaks_is_a_person_unless_a_well_known_or_announced_place() {
    // Keith County and Burton (Michigan) are places of the gazetteer.
    let hits = parse(
        "“The road is closed,” Keith said. The bridge will open soon, said Burton. Keith drove to Omaha.",
        None,
    );
    let surfaces: Vec<&str> = hits.iter().map(|h| h.mention.text.as_str()).collect();
    assert_eq!(surfaces, ["Omaha"], "{hits:#?}");
    // A capital speaks for its government; a locative announces a place.
    let hits = parse(
        "Officials in Fairfield said the bridge was closed. Moscow said nothing.",
        None,
    );
    let surfaces: Vec<&str> = hits.iter().map(|h| h.mention.text.as_str()).collect();
    assert_eq!(surfaces, ["Fairfield", "Moscow"], "{hits:#?}");
}

#[test]
fn makes_and_common_words_of_names_are_no_places_alone() {
    // Dodge County and Star (Idaho) are places of the gazetteer, and so is Toyota.
    let hits = parse(
        "A 2006 Dodge pickup struck a parked Toyota in Omaha, the Star reported.",
        None,
    );
    let surfaces: Vec<&str> = hits.iter().map(|h| h.mention.text.as_str()).collect();
    assert_eq!(surfaces, ["Omaha"], "{hits:#?}");
}

#[test]
fn a_title_under_a_cue_and_a_function_word_with_a_letter_are_no_places() {
    // "state" is a cue, "Sen" a Croatian town's other name, "But I" an Italian town's.
    let hits = parse(
        "State Sen. Tony Marsh spoke first. “But I know the road,” she said in Omaha.",
        None,
    );
    let surfaces: Vec<&str> = hits.iter().map(|h| h.mention.text.as_str()).collect();
    assert_eq!(surfaces, ["Omaha"], "{hits:#?}");
}

#[test]
fn a_small_first_level_unit_or_a_city_quarter_is_not_known_well_enough_to_be_no_person() {
    // Douglas is a parish (ADM1) and the capital of the Isle of Man, 26,000 people;
    // Brent a London borough (a PPLX of 330,000).
    let hits = parse(
        "“The crowd left early,” Douglas said. Brent Okafor drove back to Omaha.",
        None,
    );
    let surfaces: Vec<&str> = hits.iter().map(|h| h.mention.text.as_str()).collect();
    assert_eq!(surfaces, ["Omaha"], "{hits:#?}");
}

#[test]
fn less_common_given_names_open_a_persons_name_too() {
    // Trenton reads "Trent"; Morse, Mallory and Devon are small places of the gazetteer.
    let hits = parse("Trent Morse and Mallory Devon led the fair in Omaha.", None);
    let surfaces: Vec<&str> = hits.iter().map(|h| h.mention.text.as_str()).collect();
    assert_eq!(surfaces, ["Omaha"], "{hits:#?}");
    // A school's word is no surname: the town stays a place in the document.
    let hits = parse("Logan Elementary opened in Logan last fall.", None);
    assert_eq!(hits.len(), 2, "{hits:#?}");
}

#[test]
fn weather_phenomena_peoples_and_shops_are_no_places() {
    // El Niño is a Mexican village, Zara a Turkish town.
    for text in [
        "Forecasters expect El Niño to fade and La Niña to follow, farmers near Lagos said.",
        "Igbo traders opened a Zara shop in Lagos.",
    ] {
        let hits = parse(text, None);
        let surfaces: Vec<&str> = hits.iter().map(|h| h.mention.text.as_str()).collect();
        assert_eq!(surfaces, ["Lagos"], "{hits:#?}");
    }
}

#[test]
fn burma_is_myanmar() {
    // GeoNames files no "Burma" under Myanmar; alone it read as a Jordanian village.
    let hits = parse("Aid reached Laos and Burma last week.", None);
    assert_eq!(find(&hits, "Burma").mention.country_code, "MM", "{hits:#?}");
}

#[test]
fn a_national_outlet_gives_the_country_hint() {
    let g = Geoparser::embedded();
    for address in [
        "https://lefaso.net/spip.php?article1",
        "http://www.lefaso.net/",
        "www.lefaso.net",
        "LeFaso.net.",
    ] {
        assert_eq!(g.outlet_country(address).as_deref(), Some("BF"), "{address}");
    }
    // A host only ending in an outlet's letters is another outlet; world outlets and
    // a country-code domain alone give no hint.
    for address in [
        "https://notlefaso.net/a",
        "https://www.rfi.fr/fr/afrique/",
        "https://example.ml/",
        "not an address/at all",
        "",
    ] {
        assert_eq!(g.outlet_country(address), None, "{address}");
    }
    // A village spelt as no place of any country is read as a spelling of one of the
    // outlet's country, as with an explicit hint.
    let doc = veille_model::Document {
        id: "o".into(),
        text: "Des individus armés ont tué trois civils jeudi à Barsalgho.".into(),
        url: Some("https://lefaso.net/spip.php?article1".into()),
        ..Default::default()
    };
    let places = g.document(&doc);
    assert_eq!(places.len(), 1, "{places:#?}");
    assert_eq!(
        (places[0].country_code.as_str(), places[0].admin2.as_str()),
        ("BF", "Sanmatenga")
    );
    let without = veille_model::Document { url: None, ..doc };
    assert!(g.document(&without).is_empty());
}

#[test]
fn users_add_outlets_and_bad_codes_are_named() {
    let dir = std::env::temp_dir().join(format!("veille-outlets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("geoparse-outlets.tsv"), "# ours\nexample.ml\tml\n").unwrap();
    let g = Geoparser::new(veille_gazetteer::Gazetteer::embedded(), Some(&dir)).unwrap();
    assert_eq!(g.outlet_country("https://news.example.ml/x").as_deref(), Some("ML"));
    std::fs::write(dir.join("geoparse-outlets.tsv"), "example.ml\tMali\n").unwrap();
    let err = Geoparser::new(veille_gazetteer::Gazetteer::embedded(), Some(&dir))
        .err()
        .unwrap()
        .to_string();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        err.contains("geoparse-outlets.tsv") && err.contains("example.ml"),
        "{err}"
    );
}

#[test]
fn an_admin_unit_is_seated_at_its_town() {
    let g = Geoparser::embedded();
    let gazetteer = g.gazetteer();
    let seat = |geonames_id: u32| {
        let unit = gazetteer.by_geonames_id(geonames_id).unwrap();
        g.seat_of(unit).map(|s| gazetteer.place(s).name.to_string())
    };
    let unit_named = |text: &str, name: &str| find(&parse(text, None), name).mention.geonames_id;
    // A cercle by its PPLA2; a province by the regional capital it holds; a region by its
    // PPLA; the capital's province by the capital.
    let goundam = unit_named("Une attaque dans le cercle de Goundam.", "Goundam");
    assert_eq!(seat(goundam).as_deref(), Some("Goundam"));
    let gourma = unit_named("Des tirs dans la province du Gourma, au Burkina Faso.", "Gourma");
    assert_eq!(seat(gourma).as_deref(), Some("Fada N'gourma"));
    let est = unit_named("Des tirs dans la région de l'Est, au Burkina Faso.", "Est");
    assert_eq!(seat(est).as_deref(), Some("Fada N'gourma"));
    let kadiogo = unit_named("Une marche dans la province du Kadiogo, au Burkina Faso.", "Kadiogo");
    assert_eq!(seat(kadiogo).as_deref(), Some("Ouagadougou"));
    // A town is no unit.
    let djibo = unit_named("Une attaque à Djibo, au Burkina Faso.", "Djibo");
    assert_eq!(seat(djibo), None);
}
