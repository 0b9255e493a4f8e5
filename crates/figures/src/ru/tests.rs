//! Russian figures end to end (segment → time → figures) on sentences written for these tests.

use newsledger_model::{Document, Figure, Meta, Stage, ValueKind};

pub(crate) fn figures(text: &str) -> Vec<Figure> {
    let meta = Meta {
        published: chrono_day(2031, 3, 7),
        language: Some("ru".into()),
        ..Meta::default()
    };
    let mut doc = Document::new("ru", text, meta);
    newsledger_segment::SegmentStage::new().process(&mut doc);
    newsledger_time::TimeStage::new().process(&mut doc);
    newsledger_claims::ClaimStage::new().process(&mut doc);
    crate::FigureStage::new().process(&mut doc);
    doc.layers.figures
}

fn chrono_day(y: i32, m: u32, d: u32) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(y, m, d)
}

/// (metric, kind, low, high, group class) of each figure.
pub(crate) fn summary(text: &str) -> Vec<(String, ValueKind, u64, Option<u64>, String)> {
    figures(text)
        .into_iter()
        .map(|f| {
            (
                f.metric,
                f.value.kind,
                f.value.low,
                f.value.high,
                f.group.class,
            )
        })
        .collect()
}

pub(crate) fn row(
    m: &str,
    k: ValueKind,
    low: u64,
    high: Option<u64>,
    c: &str,
) -> (String, ValueKind, u64, Option<u64>, String) {
    (m.into(), k, low, high, c.into())
}

#[test]
fn inflected_metrics_on_either_side() {
    use ValueKind::*;
    assert_eq!(
        summary("В Острине погибли 12 человек."),
        [row("killed", Exact, 12, Some(12), "unspecified")]
    );
    assert_eq!(
        summary("Число погибших возросло до 30, еще 45 человек получили ранения."),
        [
            row("killed", Exact, 30, Some(30), "unspecified"),
            row("injured", Exact, 45, Some(45), "unspecified")
        ]
    );
    assert_eq!(
        summary("Задержаны более 3 тыс. протестующих."),
        [row("detained", AtLeast, 3000, None, "protesters")]
    );
    assert_eq!(
        summary("Трое пропали без вести."),
        [row("missing", Exact, 3, Some(3), "unspecified")]
    );
    assert_eq!(
        summary("Из зоны паводка эвакуированы около 800 жителей, спасены 15 человек."),
        [
            row("evacuated", Approx, 800, Some(800), "civilians"),
            row("rescued", Exact, 15, Some(15), "unspecified")
        ]
    );
    assert_eq!(
        summary("Госпитализированы пятеро."),
        [row("injured", Exact, 5, Some(5), "unspecified")]
    );
    assert_eq!(
        summary("Пострадали десятки людей."),
        [row("injured", Vague, 24, Some(99), "unspecified")]
    );
}

#[test]
fn numbers_that_count_no_one() {
    assert!(summary("Погибли 12 коров, пожар уничтожил 30 домов.").is_empty());
    assert!(summary("В 2029 году погиб один из основателей города, ему было 80 лет.").len() <= 1);
    assert!(summary("Рост цен составил 12 процентов.").is_empty());
}

#[test]
fn sources_hedges_and_as_of() {
    let f = figures("По данным Минздрава, по состоянию на 5 марта погибли 19 человек.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].sources, ["Минздрав"]);
    assert_eq!(f[0].as_of.as_deref(), Some("2031-03-05"));
    assert!(!f[0].hedged);
    let f = figures("Как передает Вестник со ссылкой на МВД, якобы задержаны 40 человек.");
    assert_eq!(f[0].sources, ["МВД", "Вестник"]);
    assert!(f[0].hedged);
    let f = figures("В среду пострадали 7 человек, сообщили в МЧС.");
    assert_eq!(f[0].as_of.as_deref(), Some("2031-03-05"));
    assert_eq!(f[0].sources, ["МЧС"]);
    let f = figures("На прошлой неделе были задержаны 60 человек.");
    assert_eq!(f[0].as_of.as_deref(), Some("2031-03-07"));
    assert_eq!(f[0].period.as_deref(), Some("2031-W09"));
}

#[test]
fn spans_reproduce_the_evidence() {
    let text = "Задержаны по меньшей мере 40 сотрудников полиции.";
    let f = figures(text);
    assert_eq!(f.len(), 1);
    assert_eq!(
        &text[f[0].span.start()..f[0].span.end()],
        "по меньшей мере 40 сотрудников полиции"
    );
    assert_eq!(f[0].group.class, "security_forces");
}

#[test]
fn charges_and_crowds_of_things() {
    use ValueKind::*;
    assert_eq!(
        summary("Обвинения предъявлены 57 задержанным."),
        [row("charged", Exact, 57, Some(57), "unspecified")]
    );
    assert!(summary("На стадионе собрались 12 тыс. болельщиков.").is_empty());
}

#[test]
fn counts_headed_linked_listed_and_relative() {
    use ValueKind::*;
    assert_eq!(
        summary("Стихия унесла жизни 46 человек."),
        [row("killed", Exact, 46, Some(46), "unspecified")]
    );
    assert_eq!(
        summary("Число жертв наводнения в долине реки Вельты увеличилось до 134."),
        [row("killed", Exact, 134, Some(134), "unspecified")]
    );
    assert_eq!(
        summary("Число пострадавших превысило 1 200 человек."),
        [row("injured", AtLeast, 1200, None, "unspecified")]
    );
    assert_eq!(
        summary("Погибли семь человек, еще 12 получили травмы."),
        [
            row("killed", Exact, 7, Some(7), "unspecified"),
            row("injured", Exact, 12, Some(12), "unspecified")
        ]
    );
    assert_eq!(
        summary("Из них 204 были госпитализированы."),
        [row("injured", Exact, 204, Some(204), "unspecified")]
    );
    assert_eq!(
        summary("66 человек задержаны в Острине, 54 человека в Велморе, 20 — в Талвине."),
        [
            row("detained", Exact, 66, Some(66), "unspecified"),
            row("detained", Exact, 54, Some(54), "unspecified"),
            row("detained", Exact, 20, Some(20), "unspecified")
        ]
    );
    assert_eq!(
        summary("Более 30 протестующих привлечены к уголовной ответственности."),
        [row("charged", AtLeast, 30, None, "protesters")]
    );
    assert_eq!(
        summary("Около 20 участников акции в Острине задержаны."),
        [row("detained", Approx, 20, Some(20), "protesters")]
    );
    assert_eq!(
        summary("Стало известно о 79 полицейских, которые получили ранения."),
        [row("injured", Exact, 79, Some(79), "security_forces")]
    );
}

#[test]
fn a_headline_restating_a_sourced_toll_is_one_record() {
    let f = figures(
        "Число жертв пожара достигло 53\nПо данным МЧС, число жертв пожара достигло 53 человек.",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].sources, ["МЧС"]);
    assert_eq!(f[0].span.start(), "Число жертв пожара достигло ".len());
}

#[test]
fn which_metric_word_a_count_takes() {
    use ValueKind::*;
    // A verb right before the count wins over one after "и".
    assert_eq!(
        summary("В Велморе погибли трое и пострадали 40 человек."),
        [
            row("killed", Exact, 3, Some(3), "unspecified"),
            row("injured", Exact, 40, Some(40), "unspecified")
        ]
    );
    // A noun right after the count yields to a verb later in the clause.
    assert_eq!(
        summary("Двое раненых скончались в больнице."),
        [row("killed", Exact, 2, Some(2), "unspecified")]
    );
    // ... or to a verb right before it.
    assert_eq!(
        summary("Вчера арестованы шестеро обвиняемых."),
        [row("detained", Exact, 6, Some(6), "unspecified")]
    );
    // A word right after the count wins over a count head before it.
    assert_eq!(
        summary("Число жертв выросло до 40 человек, еще более 300 ранены."),
        [
            row("killed", Exact, 40, Some(40), "unspecified"),
            row("injured", AtLeast, 300, None, "unspecified")
        ]
    );
}

#[test]
fn lists_after_a_dash_or_a_colon() {
    use ValueKind::*;
    assert_eq!(
        summary("В Острине погибли 15 человек, а в Велморе - 6."),
        [
            row("killed", Exact, 15, Some(15), "unspecified"),
            row("killed", Exact, 6, Some(6), "unspecified")
        ]
    );
    assert_eq!(
        summary("В Талвине погибли 9 человек, двое - в Острине."),
        [
            row("killed", Exact, 9, Some(9), "unspecified"),
            row("killed", Exact, 2, Some(2), "unspecified")
        ]
    );
    assert_eq!(
        summary("К площади направлены 900 полицейских: около 300 бойцов спецназа."),
        [
            row("deployed", Exact, 900, Some(900), "security_forces"),
            row("deployed", Approx, 300, Some(300), "security_forces")
        ]
    );
}

#[test]
fn new_words_for_metrics_and_people() {
    use ValueKind::*;
    assert_eq!(
        summary("Без крова остались 2,5 тыс. жителей."),
        [row("displaced", Exact, 2500, Some(2500), "civilians")]
    );
    assert_eq!(
        summary("За медицинской помощью обратились 17 человек."),
        [row("injured", Exact, 17, Some(17), "unspecified")]
    );
    assert_eq!(
        summary("Из-под завалов удалось извлечь живыми 11 человек."),
        [row("rescued", Exact, 11, Some(11), "unspecified")]
    );
    assert_eq!(
        summary("На трассе погиб один мужчина."),
        [row("killed", Exact, 1, Some(1), "unspecified")]
    );
    assert_eq!(
        summary("Четверым подросткам потребовалась медицинская помощь."),
        [row("injured", Exact, 4, Some(4), "children")]
    );
}

#[test]
fn a_next_sentence_that_opens_with_ob_etom_reports_the_one_before() {
    let f = figures("В Острине погибли 12 человек. Об этом сообщили в МЧС Талварии.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].sources, ["МЧС Талварии"]);
    let f = figures("В Острине погибли 12 человек. В МЧС сообщили о пожаре.");
    assert!(f[0].sources.is_empty());
}

#[test]
fn a_part_of_a_restated_count_and_a_vague_count_after() {
    use ValueKind::*;
    assert_eq!(
        summary(
            "В Острине эвакуированы 40 человек\nВсего эвакуированы 40 человек, среди них 9 детей."
        ),
        [
            row("evacuated", Exact, 40, Some(40), "unspecified"),
            row("evacuated", Exact, 9, Some(9), "children")
        ]
    );
    assert_eq!(
        summary("Более 900 человек из восьми сел области эвакуированы."),
        [row("evacuated", AtLeast, 900, None, "unspecified")]
    );
    assert_eq!(
        summary("Врачи сообщают о 60 раненых и десятках погибших."),
        [
            row("injured", Exact, 60, Some(60), "unspecified"),
            row("killed", Vague, 24, Some(99), "unspecified")
        ]
    );
}

#[test]
fn a_narrative_keeps_the_day_of_the_sentence_before() {
    let f = figures("Вечером 3 марта у мэрии начались столкновения. Задержаны 40 человек.");
    assert_eq!(f[0].as_of.as_deref(), Some("2031-03-03"));
    let f = figures("Вечером 3 марта у мэрии начались столкновения.\n\nЗадержаны 40 человек.");
    assert_eq!(f[0].as_of.as_deref(), Some("2031-03-07"));
    // A running total holds as of the report; so does a count after a day long past.
    let f = figures("Вечером 3 марта начались столкновения. Всего задержаны 40 человек.");
    assert_eq!(f[0].as_of.as_deref(), Some("2031-03-07"));
    let f = figures("Паводок начался 3 января. Эвакуированы 40 человек.");
    assert_eq!(f[0].as_of.as_deref(), Some("2031-03-07"));
}

/// Figures take their place from the entity stage, as English figures do.
#[test]
fn a_figure_takes_the_place_named_in_its_sentence_or_paragraph() {
    let text = "В Ольховске после паводка погибли 4 человека.\nВ Курской области эвакуированы 120 жителей.";
    let meta = Meta {
        published: chrono_day(2031, 3, 7),
        language: Some("ru".into()),
        ..Meta::default()
    };
    let mut doc = Document::new("ru", text, meta);
    newsledger_segment::SegmentStage::new().process(&mut doc);
    newsledger_time::TimeStage::new().process(&mut doc);
    newsledger_entities::EntityStage::new().process(&mut doc);
    newsledger_claims::ClaimStage::new().process(&mut doc);
    crate::FigureStage::new().process(&mut doc);
    let places: Vec<Option<String>> = doc.layers.figures.iter().map(|f| f.place.clone()).collect();
    assert_eq!(
        places,
        [
            Some("Ольховск".to_string()),
            Some("Курская область".to_string())
        ]
    );
}
