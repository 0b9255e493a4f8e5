//! Speaker resolution and claim bounds for shapes that decide a figure's origin: bodies
//! named in lower case and referred back to by their head noun, spokespeople without a
//! name, competing estimates in one sentence, and clauses trailing a closing attribution.
//! Invented sentences in our own words, checked with segments only and with the fuller
//! pipeline (time and entities), since hidden reports reach this stage both ways.

mod common;

use newsledger_model::{Claim, Document};

fn both(text: &str) -> Vec<(Document, Vec<Claim>)> {
    [common::run(text), common::run_full(text, "2030-06-01")]
        .into_iter()
        .map(|doc| {
            common::dump(&doc);
            let c = doc.layers.claims.clone();
            (doc, c)
        })
        .collect()
}

/// The claim whose cue text is `cue` and that covers `needle` in its content.
fn covering<'a>(doc: &Document, claims: &'a [Claim], needle: &str) -> Option<&'a Claim> {
    let at = doc.text.find(needle)?;
    let span = newsledger_model::Span::new(at, at + needle.len());
    claims
        .iter()
        .filter(|c| c.content.iter().any(|s| s.contains(span)))
        .min_by_key(|c| c.content.iter().map(|s| s.len()).sum::<usize>())
}

fn source_of(text: &str, needle: &str) -> Vec<String> {
    both(text)
        .into_iter()
        .map(|(doc, c)| {
            covering(&doc, &c, needle)
                .map(|c| c.speaker_name().to_string())
                .unwrap_or_default()
        })
        .collect()
}

fn assert_source(text: &str, needle: &str, want: &str) {
    for got in source_of(text, needle) {
        assert_eq!(got, want, "source of {needle:?} in {text:?}");
    }
}

// ---------------------------------------------------------------- 1. lower-case bodies

#[test]
fn head_noun_refers_back_to_lower_case_body() {
    assert_source(
        "Riot police cleared the square overnight, the defence ministry said in a statement. \
         The ministry said 14 soldiers had been injured.",
        "14 soldiers",
        "defence ministry",
    );
    assert_source(
        "Dozens of homes were flattened, the regional health department said. \
         The department said 12 people were still in hospital.",
        "12 people",
        "regional health department",
    );
    assert_source(
        "The city council said the bridge would stay shut. Later the council said three \
         workers were missing.",
        "three workers",
        "city council",
    );
}

#[test]
fn head_noun_finds_a_body_named_outside_a_claim() {
    // The union is the subject of a sentence that reports nothing; "it" and "the union"
    // still name it.
    let runs = both(
        "The dockers' union tells another story: it says guards fired on 700 strikers. \
         The union said 19 of its members were wounded.",
    );
    for (doc, c) in runs {
        let a = covering(&doc, &c, "700 strikers").map(|c| c.speaker_name().to_string());
        let b = covering(&doc, &c, "19 of its").map(|c| c.speaker_name().to_string());
        assert_eq!(a.as_deref(), Some("dockers' union"));
        assert_eq!(b.as_deref(), Some("dockers' union"));
    }
    assert_source(
        "The nurses' federation rejected the offer on Monday. The federation said 4,000 \
         nurses had walked out.",
        "4,000 nurses",
        "nurses' federation",
    );
}

#[test]
fn body_with_its_own_words_is_not_a_nearby_person() {
    // "agency spokeswoman" describes the person, not the body; the body keeps its own name.
    assert_source(
        "The flood toll rose to 58, the national water agency said. Agency spokeswoman \
         Mira Dovic said 9 villages were cut off.",
        "The flood toll rose to 58",
        "national water agency",
    );
    // A date before the attribution is never the speaker.
    assert_source(
        "Crews reached the valley late on Monday, the fire service said.",
        "Crews reached",
        "fire service",
    );
}

#[test]
fn generic_descriptor_still_refers_back_to_outlet() {
    let (_, c) = both(
        "Four people died, state television Kanal 9 reported. According to the state \
         broadcaster, 30 more were hurt.",
    )
    .remove(0);
    assert_eq!(c[1].speaker_name(), "Kanal 9");
}

// ---------------------------------------------------------------- 2. spokespeople

#[test]
fn bare_spokesperson_speaks_for_the_body_quoted_before() {
    // An unnamed spokesperson is cited by body and role noun ("coast guard spokeswoman").
    assert_source(
        "Two ferries sank in the strait, the maritime authority said. Divers recovered eight \
         bodies, a spokesman said on Friday.",
        "eight bodies",
        "maritime authority spokesman",
    );
    assert_source(
        "Crews reached the valley late on Monday, the fire service said. Firefighters pulled \
         nine people from the flames, a spokeswoman said.",
        "nine people",
        "fire service spokeswoman",
    );
    assert_source(
        "A dam burst above the town, the coast guard said. Coast guard boats rescued 41 \
         people, a spokesperson said.",
        "41 people",
        "coast guard spokesperson",
    );
}

#[test]
fn spokesperson_named_by_its_body() {
    assert_source(
        "At least 30 people died, officials said. A police spokesman said 12 of them were \
         children.",
        "12 of them",
        "police spokesman",
    );
    assert_source(
        "The Interior Ministry said 12 people died. A ministry spokeswoman said six were \
         guards.",
        "six were guards",
        "Interior Ministry spokeswoman",
    );
    assert_source(
        "Two ferries sank. A spokeswoman for the coast guard said 30 were saved.",
        "30 were saved",
        "coast guard spokeswoman",
    );
}

#[test]
fn named_or_owned_spokesperson_is_kept() {
    assert_source(
        "Agency spokeswoman Irma Solt told reporters 17 survivors were found.",
        "17 survivors",
        "Irma Solt",
    );
    let (_, c) =
        both("Governor Lea Marsh visited the camp. Her spokesman said 300 families were housed.")
            .remove(0);
    assert!(
        c[0].speaker_name().contains("spokesman"),
        "{:?}",
        c[0].speaker
    );
}

#[test]
fn spokesperson_does_not_speak_for_a_news_outlet() {
    for got in source_of(
        "The ferry sank at dawn, Harbour Radio reported. Forty people were saved, a \
         spokesman said.",
        "Forty people",
    ) {
        assert!(!got.starts_with("Harbour Radio"), "{got:?}");
    }
}

// ---------------------------------------------------------------- 3. competing estimates

#[test]
fn second_estimate_in_a_sentence_is_its_own_claim() {
    let cases = [
        (
            "Organisers said 20,000 people marched, while police put the number at 7,000.",
            "20,000",
            "Organisers",
            "7,000",
            "police",
        ),
        (
            "Unions said 50,000 joined the strike, but the government estimated the crowd \
             at 12,000.",
            "50,000",
            "Unions",
            "12,000",
            "government",
        ),
        (
            "Activists said 90 people were killed, while the army gave a figure of 31.",
            "90 people",
            "Activists",
            "31",
            "army",
        ),
        (
            "Residents said 400 homes were lost, whereas the mayor put the toll at 120.",
            "400 homes",
            "Residents",
            "120",
            "mayor",
        ),
    ];
    for (text, n1, s1, n2, s2) in cases {
        for (doc, c) in both(text) {
            let a = covering(&doc, &c, n1).map(|c| c.speaker_name().to_string());
            let b = covering(&doc, &c, n2).map(|c| c.speaker_name().to_string());
            assert_eq!(a.as_deref(), Some(s1), "{text}");
            assert_eq!(b.as_deref(), Some(s2), "{text}");
            // The first claim's content stops before the second speaker.
            let first = c.iter().find(|x| x.speaker_name() == s1).unwrap();
            assert!(first.content.iter().all(|s| !doc.slice(*s).contains(n2)));
        }
    }
}

#[test]
fn estimate_shapes_need_a_number() {
    for (_, c) in both("The mayor put the plan into action. The army gave a warning to the crowd.")
    {
        assert!(c.is_empty(), "{c:?}");
    }
    for (_, c) in both("Officials estimated that 300 people had fled.") {
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].cue.text, "estimated");
    }
}

// ---------------------------------------------------------------- 4. trailing clauses

#[test]
fn trailing_with_clause_belongs_to_the_claim() {
    let cases = [
        (
            "The toll from the landslide has climbed to 48, the provincial emergency agency \
             said on Monday, with 200 people injured and 15 still missing.",
            ["48", "200 people", "15 still"],
            "provincial emergency agency",
        ),
        (
            "Nine climbers died on the ridge, the mountain rescue service said, with four \
             others in hospital.",
            ["Nine climbers", "four others", "Nine climbers"],
            "mountain rescue service",
        ),
        (
            "A further 30 bodies were found overnight, Civil Defence said, bringing the total \
             to 210.",
            ["30 bodies", "210", "30 bodies"],
            "Civil Defence",
        ),
    ];
    for (text, needles, want) in cases {
        for n in needles {
            assert_source(text, n, want);
        }
    }
}

#[test]
fn adding_clause_keeps_the_speaker() {
    assert_source(
        "Twelve miners were trapped, the mine operator said, adding that 30 others had \
         escaped.",
        "30 others",
        "mine operator",
    );
}

#[test]
fn trailing_clause_is_not_taken_from_other_shapes() {
    // A speaker-first claim already runs to the end; nothing is added twice.
    for (doc, c) in both("The agency said 60 people had died, with 80 hurt.") {
        assert_eq!(c.len(), 1);
        let joined: Vec<&str> = c[0].content.iter().map(|s| doc.slice(*s)).collect();
        assert_eq!(joined, ["60 people had died, with 80 hurt"]);
    }
}

// ---------------------------------------------------------------- 5. "the agency" later on

#[test]
fn earlier_toll_by_the_same_body() {
    assert_source(
        "The national weather agency said 60 people had died. The agency had put the toll at \
         41 on Sunday.",
        "41",
        "national weather agency",
    );
    assert_source(
        "The storm killed 14 people, the civil protection agency said. Agency spokeswoman \
         Ana Pell said roads were closed. The agency earlier put the number of dead at 9.",
        "9",
        "civil protection agency",
    );
    assert_source(
        "Prisoners rioted at the jail, the state prisons directorate said. The directorate \
         put the number of escapees at 22.",
        "22",
        "state prisons directorate",
    );
}

#[test]
fn head_noun_prefers_the_more_recent_outlet() {
    // An outlet quoted after the lower-case body wins for "the agency".
    assert_source(
        "Storms hit the coast, the national disaster agency said. Nine died, the Nordwire \
         news agency reported. The agency said 40 were missing.",
        "40 were missing",
        "Nordwire news agency",
    );
}

#[test]
fn odd_fragments_of_these_shapes_never_panic() {
    for t in [
        "a spokesman for",
        "A spokesman said.",
        "The agency",
        ", with",
        "x, the agency said, with",
        "while police put the crowd at",
        "The ministry said. The ministry said. The",
        "the miners' union ’ it says",
        "gave a figure of",
        "Ünïon said 5, while the ágency gave a figure of 3 — with 2",
        "the the the agency agency said, bringing",
    ] {
        let _ = common::run(t);
        let _ = common::run_full(t, "2030-06-01");
    }
}
