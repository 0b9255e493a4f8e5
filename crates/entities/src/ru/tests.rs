//! Russian entity rules on sentences written for these tests (invented people and events).

use crate::EntityStage;
use newsledger_model::{Document, Entity, EntityType, Meta, Stage};

fn run_in(text: &str, language: Option<&str>) -> Vec<Entity> {
    let meta = Meta {
        language: language.map(str::to_string),
        ..Meta::default()
    };
    let mut doc = Document::new("t", text, meta);
    newsledger_segment::SegmentStage::new().process(&mut doc);
    EntityStage::new().process(&mut doc);
    doc.layers.entities
}

fn run(text: &str) -> Vec<Entity> {
    run_in(text, Some("ru"))
}

fn find<'a>(es: &'a [Entity], name: &str) -> &'a Entity {
    es.iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name} in {es:#?}"))
}

fn texts(text: &str, e: &Entity) -> Vec<String> {
    e.mentions
        .iter()
        .map(|m| text[m.span.start()..m.span.end()].to_string())
        .collect()
}

#[test]
fn inflected_city_names_are_one_gazetteer_place() {
    let t = "Паводок подошёл к Хабаровску в среду. Из Хабаровска вывезли двести детей, сообщили спасатели.";
    let es = run(t);
    let e = find(&es, "Хабаровск");
    assert_eq!(e.kind, EntityType::Place);
    assert_eq!(e.geo.as_ref().and_then(|g| g.geonames_id), Some(2022890));
    assert_eq!(texts(t, e), ["Хабаровску", "Хабаровска"]);
}

#[test]
fn regions_by_adjective_and_noun_take_the_country_of_their_city() {
    let t = "Град повредил крыши в Курской области и в Пермском крае, сообщил дежурный.";
    let es = run(t);
    let e = find(&es, "Курская область");
    assert_eq!(e.subtype.as_deref(), Some("region"));
    assert_eq!(
        e.geo.as_ref().and_then(|g| g.country.as_deref()),
        Some("RU")
    );
    assert_eq!(texts(t, e), ["Курской области"]);
    find(&es, "Пермский край");
}

#[test]
fn settlements_streets_and_quoted_landmarks_after_their_heads() {
    let t = "Пожар начался в селе Озёрное на улице Садовой, а затем перекинулся на склад у шахты «Северная звезда».";
    let es = run(t);
    assert_eq!(texts(t, find(&es, "Озёрное")), ["Озёрное"]);
    assert_eq!(texts(t, find(&es, "улица Садовой")), ["улице Садовой"]);
    let l = find(&es, "Северная звезда");
    assert_eq!(l.subtype.as_deref(), Some("landmark"));
}

#[test]
fn an_unknown_name_after_v_is_a_place_in_the_nominative() {
    let t = "Вечером в Ольховске отключили свет, сообщил житель.";
    let es = run(t);
    let e = find(&es, "Ольховск");
    assert_eq!(e.kind, EntityType::Place);
    assert!(e.geo.is_none());
}

#[test]
fn people_by_first_name_with_surname_in_any_case_and_later_by_surname() {
    let t = "Губернатор поручил Владимиру Ракитину проверить мост. Позже Ракитин сообщил, что мост закрыт.";
    let es = run(t);
    let e = find(&es, "Владимир Ракитин");
    assert_eq!(e.kind, EntityType::Person);
    assert_eq!(texts(t, e), ["Владимиру Ракитину", "Ракитин"]);
}

#[test]
fn initials_and_role_words_make_people() {
    let t = "Документ подписал А. И. Прудников, а мэр Козырев отказался от комментариев.";
    let es = run(t);
    assert_eq!(find(&es, "Прудников").kind, EntityType::Person);
    assert_eq!(find(&es, "Козырев").kind, EntityType::Person);
}

#[test]
fn a_latin_spelling_joins_the_person() {
    let t = "Министр Шойгунов прибыл на место. Агентства пишут его фамилию как Shoigunov.";
    let es = run(t);
    let e = find(&es, "Шойгунов");
    assert_eq!(texts(t, e), ["Шойгунов", "Shoigunov"]);
    assert!(
        e.aliases.iter().any(|a| a == "Shoygunov"),
        "{:?}",
        e.aliases
    );
}

#[test]
fn a_body_with_its_country_and_a_bare_body_in_that_story_are_one() {
    let t = "МВД Грузии сообщило о задержании шести человек в Тбилиси. В МВД добавили, что в Тбилиси и Батуми спокойно.";
    let es = run(t);
    let e = find(&es, "МВД Грузии");
    assert_eq!(e.kind, EntityType::Org);
    assert_eq!(texts(t, e), ["МВД Грузии", "МВД"]);
    assert_eq!(
        e.geo.as_ref().and_then(|g| g.country.as_deref()),
        Some("GE")
    );
}

#[test]
fn a_bare_body_is_the_body_of_the_story_country() {
    let kz = "Сильный ветер повалил деревья в Алма-Ате и Шымкенте. В МЧС призвали жителей не выходить из домов.";
    let es = run(kz);
    let e = find(&es, "МЧС Казахстана");
    assert_eq!(
        e.geo.as_ref().and_then(|g| g.country.as_deref()),
        Some("KZ")
    );
    let ru = "Сильный ветер повалил деревья в Твери и Смоленске. В МЧС призвали жителей не выходить из домов.";
    let es = run(ru);
    find(&es, "МЧС России");
}

#[test]
fn branches_with_their_area_are_their_own_bodies() {
    let t = "Об этом сообщили в ГУ МЧС по Тверской области. Следственный комитет по Кузбассу возбудил дело.";
    let es = run(t);
    let e = find(&es, "ГУ МЧС по Тверской области");
    assert_eq!(
        e.geo.as_ref().and_then(|g| g.country.as_deref()),
        Some("RU")
    );
    find(&es, "Следственный комитет по Кузбассу");
}

#[test]
fn inflected_body_names_outlets_and_platforms() {
    let t = "Следственным комитетом возбуждено дело, пишет ТАСС со ссылкой на Telegram-канал ведомства.";
    let es = run(t);
    assert_eq!(find(&es, "Следственный комитет").kind, EntityType::Org);
    assert_eq!(find(&es, "ТАСС").subtype.as_deref(), Some("media"));
    assert_eq!(find(&es, "Telegram").kind, EntityType::Platform);
}

#[test]
fn quoted_names_after_an_organisation_word() {
    let t = "Сторонники партии «Зелёный берег» собрались у мэрии, сообщил телеканал «Заречье 5».";
    let es = run(t);
    assert_eq!(find(&es, "Зелёный берег").subtype.as_deref(), Some("party"));
    assert_eq!(find(&es, "Заречье 5").subtype.as_deref(), Some("media"));
}

#[test]
fn sentence_initial_small_towns_and_common_words_are_not_places() {
    let t = "Мирный митинг прошёл без задержаний. Власти довольны.";
    let es = run(t);
    assert!(es.iter().all(|e| e.kind != EntityType::Place), "{es:#?}");
}

#[test]
fn english_documents_are_untouched_by_these_rules() {
    let es = run_in("Паводок подошёл к Хабаровску в среду.", None);
    assert!(es.iter().all(|e| e.name != "Хабаровск"), "{es:#?}");
}

#[test]
fn a_heading_in_capitals_and_a_quoted_road_name_are_not_places() {
    let t = "ДРУГИЕ НОВОСТИ ПО ТЕМЕ\nНа трассе «Байкал» столкнулись два грузовика.";
    let es = run(t);
    assert!(es.iter().all(|e| e.kind != EntityType::Place), "{es:#?}");
}

#[test]
fn a_dateline_city_in_capitals_is_a_place() {
    let t = "ХАБАРОВСК, 3 мая. Река вышла из берегов, сообщили спасатели.";
    let es = run(t);
    assert_eq!(find(&es, "Хабаровск").kind, EntityType::Place);
}

#[test]
fn a_settlement_name_stops_before_a_region_or_after_a_country() {
    let t = "Палатки привезли в поселок Ключевая Тверской области. Ливни прошли в провинции Филиппин Лусон-Юг.";
    let es = run(t);
    assert_eq!(texts(t, find(&es, "Ключевая")), ["Ключевая"]);
    find(&es, "Тверская область");
    find(&es, "Филиппины");
    assert_eq!(find(&es, "Лусон-Юг").kind, EntityType::Place);
}

#[test]
fn an_institution_after_v_is_not_a_place() {
    let t = "Соседи позвонили в Службу спасения около полуночи.";
    let es = run(t);
    assert!(es.iter().all(|e| e.kind != EntityType::Place), "{es:#?}");
}

#[test]
fn titled_bodies_outlet_editions_and_latin_names_after_a_head() {
    let t = "Совет национальной обороны Румынии заявил об этом. Sputnik Казахстан пишет, что рейс авиакомпании Blue Heron задержан.";
    let es = run(t);
    let e = find(&es, "Совет национальной обороны Румынии");
    assert_eq!(
        e.geo.as_ref().and_then(|g| g.country.as_deref()),
        Some("RO")
    );
    assert_eq!(
        find(&es, "Sputnik Казахстан").subtype.as_deref(),
        Some("media")
    );
    assert_eq!(find(&es, "Blue Heron").subtype.as_deref(), Some("company"));
    assert!(es.iter().all(|e| e.name != "Казахстан"), "{es:#?}");
}

#[test]
fn a_quoted_organisation_named_again_without_its_head() {
    let t = "Сторонники партии «Зелёный берег» пришли к офису «Зелёного берега».";
    let es = run(t);
    assert_eq!(find(&es, "Зелёный берег").mentions.len(), 2);
}

#[test]
fn an_area_ends_before_a_person() {
    let t = "Сотрудник ОМВД по району Лесное Никита Греков задержан.";
    let es = run(t);
    find(&es, "ОМВД по району Лесное");
    find(&es, "Никита Греков");
}

#[test]
fn a_riot_police_unit_with_a_case_ending_is_a_body_not_a_place() {
    let t = "К площади подъехали сотрудники ОМОНа, сообщил очевидец.";
    let es = run(t);
    assert_eq!(find(&es, "ОМОН").kind, EntityType::Org);
    assert!(es.iter().all(|e| e.kind != EntityType::Place), "{es:#?}");
}

#[test]
fn words_that_are_also_town_names_stay_words() {
    let t = "Так решили жители. Центральный рынок закрыт, сказал он, и так будет до утра.";
    let es = run(t);
    assert!(es.iter().all(|e| e.kind != EntityType::Place), "{es:#?}");
}

#[test]
fn a_surname_that_is_also_a_town_is_the_person() {
    let t = "Глава района Максим Соколов приехал к мосту. Соколов сказал, что мост починят.";
    let es = run(t);
    assert_eq!(find(&es, "Максим Соколов").mentions.len(), 2, "{es:#?}");
}

#[test]
fn a_title_opens_with_its_head_or_an_adjective() {
    let t = "Об этом рассказал министр обороны Румынии. Государственная служба связи Румынии подтвердила.";
    let es = run(t);
    assert!(es.iter().all(|e| !e.name.starts_with("Об этом")), "{es:#?}");
    find(&es, "Государственная служба связи Румынии");
}

#[test]
fn a_region_and_its_own_name_are_one_and_case_forms_before_verbs_stay_places() {
    let t = "Вода пришла в Приморский край. В Приморье эвакуированы сёла. Число жертв на западе Китая возросло, сообщили в соседних с Башкортостаном регионах.";
    let es = run(t);
    assert_eq!(find(&es, "Приморский край").mentions.len(), 2, "{es:#?}");
    find(&es, "Китай");
    find(&es, "Башкортостан");
}

#[test]
fn a_capitalised_word_and_a_comma_opening_a_sentence_is_no_dateline() {
    let t = "Так, в полдень вода поднялась на метр.";
    let es = run(t);
    assert!(es.iter().all(|e| e.kind != EntityType::Place), "{es:#?}");
}
