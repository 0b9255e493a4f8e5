//! Attribution shapes in invented sentences (our own words): different outlets, crises and
//! ways of attributing. Each test runs segment → claims (no time or entity layer), so they
//! check the claims rules on their own.

mod common;

use common::run;
use newsledger_model::{Claim, ClaimKind, Document};

fn claims(text: &str) -> (Document, Vec<Claim>) {
    let doc = run(text);
    let c = doc.layers.claims.clone();
    for x in &c {
        eprintln!("{}", common::show(&doc, x));
    }
    (doc, c)
}

fn one(text: &str) -> (Document, Claim) {
    let (doc, c) = claims(text);
    assert_eq!(c.len(), 1, "expected one claim in {text:?}");
    let first = c.into_iter().next().unwrap();
    (doc, first)
}

fn content(doc: &Document, c: &Claim) -> Vec<String> {
    c.content
        .iter()
        .map(|s| doc.slice(*s).to_string())
        .collect()
}

#[test]
fn speaker_first_with_that() {
    let (doc, c) =
        one("The Red Crescent said that 40 families had lost their homes in the floods.");
    assert_eq!(c.speaker_name(), "Red Crescent");
    assert_eq!(c.cue.text, "said");
    assert_eq!(c.kind, ClaimKind::Indirect);
    assert_eq!(
        content(&doc, &c),
        ["40 families had lost their homes in the floods"]
    );
}

#[test]
fn content_first_with_comma() {
    let (doc, c) = one("Two bridges were swept away overnight, the regional governor said.");
    assert_eq!(c.speaker_text(), "the regional governor");
    assert_eq!(content(&doc, &c), ["Two bridges were swept away overnight"]);
}

#[test]
fn inverted_said_with_appositive() {
    let (doc, c) =
        one("\"The water came in seconds,\" said Marta Quell, a baker in the lower town.");
    assert_eq!(c.speaker_name(), "Marta Quell");
    assert_eq!(c.kind, ClaimKind::Direct);
    assert_eq!(content(&doc, &c), ["The water came in seconds"]);
}

#[test]
fn according_to_front_and_back() {
    let (_, c) = claims("According to the civil defence agency, 300 people were evacuated. The dam held, according to engineers at the site.");
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].speaker_text(), "the civil defence agency");
    assert_eq!(c[0].cue.lemma, "according_to");
    assert_eq!(c[1].speaker_name(), "engineers at the site");
}

#[test]
fn relay_quoting_gives_origin_first() {
    let (_, c) = one(
        "Eleven miners were rescued, the Nordwire agency reported, quoting the Mining Ministry.",
    );
    assert_eq!(c.source_chain(), ["Mining Ministry", "Nordwire agency"]);
    assert!(c.cue.text.contains("quoting"));
}

#[test]
fn relay_citing_before_verb() {
    let (_, c) = one("The Daily Lantern, citing two officials, said the talks had collapsed.");
    assert_eq!(c.speaker_name(), "two officials");
    assert_eq!(c.via.len(), 1);
    assert_eq!(c.via[0].name, "Daily Lantern");
}

#[test]
fn announced_according_to_nests() {
    let (_, c) = one("Three ministers have resigned, the presidency announced, according to state radio RNB on Monday.");
    assert_eq!(c.speaker_name(), "presidency");
    assert_eq!(c.cue.text, "announced");
    assert_eq!(c.via.len(), 1);
    assert_eq!(c.via[0].name, "RNB");
}

#[test]
fn nested_statement_around_told() {
    let (_, c) = one("Premier Osei told his cabinet that the roads would reopen soon, the government said in a statement.");
    assert!(c.speaker_name().contains("Osei"));
    assert_eq!(c.cue.text, "told");
    assert_eq!(c.via[0].name, "government");
    assert_eq!(c.medium.as_deref(), Some("statement"));
}

#[test]
fn split_quote_across_sentences() {
    let (doc, c) = one("“We have no power,” the mayor said. “We have no clean water either.”");
    assert_eq!(c.kind, ClaimKind::Direct);
    assert_eq!(
        content(&doc, &c),
        ["We have no power", "We have no clean water either."]
    );
}

#[test]
fn split_quote_in_one_sentence() {
    let (doc, c) =
        one("“The shelling stopped at dawn,” he told reporters, “but nobody trusts the truce.”");
    assert_eq!(content(&doc, &c).len(), 2);
    assert_eq!(c.speaker_span().map(|s| doc.slice(s)), Some("he"));
}

#[test]
fn multi_sentence_quote_before_cue() {
    let (doc, c) = one("“Prices doubled in a week. People cannot pay,” the union leader said.");
    assert_eq!(
        content(&doc, &c),
        ["Prices doubled in a week. People cannot pay"]
    );
    assert_eq!(c.kind, ClaimKind::Direct);
}

#[test]
fn partial_quote_is_mixed() {
    let (_, c) = one("The minister said the strike was “a gift to our enemies” and would fail.");
    assert_eq!(c.kind, ClaimKind::Mixed);
}

#[test]
fn pronoun_resolves_to_last_speaker() {
    let (_, c) = claims("Fire chief Anna Roth said 12 homes burned. “It was the worst night of my career,” she added.");
    assert_eq!(c.len(), 2);
    assert_eq!(c[1].speaker_text(), "she");
    assert_eq!(c[1].speaker_name(), "Anna Roth");
}

#[test]
fn untagged_quote_continues_speaker() {
    let (doc, c) = claims("Colonel Idris Baye said the convoy was hit twice. “We lost two trucks. The drivers survived.”");
    assert_eq!(c.len(), 1);
    assert_eq!(content(&doc, &c[0]).len(), 2);
}

#[test]
fn role_noun_resolves_to_outlet() {
    let (_, c) = claims("Four people died, state television Kanal 7 reported. According to the broadcaster, 30 more were hurt.");
    assert_eq!(c.len(), 2);
    assert_eq!(c[1].speaker_text(), "the broadcaster");
    assert_eq!(c[1].speaker_name(), "Kanal 7");
}

#[test]
fn role_noun_resolves_to_ministry() {
    let (_, c) = claims("The Health Ministry said 90 people were in hospital. The ministry later said the figure had risen to 110.");
    assert_eq!(c.len(), 2);
    assert_eq!(c[1].speaker_name(), "Health Ministry");
}

#[test]
fn role_noun_resolves_to_person_named_later() {
    let (_, c) = claims("The governor is safe, her spokesman said on Monday. Her spokesman Piet Alvar said she had left the region.");
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].speaker_name(), "Piet Alvar");
    assert_eq!(c[1].speaker_name(), "Piet Alvar");
}

#[test]
fn distance_cues() {
    let (_, c) = one("The rebels claimed they had shot down a helicopter.");
    assert!(c.cue.distance);
    let (_, c) = one("Prosecutors alleged that the firm had ignored safety warnings.");
    assert!(c.cue.distance);
    let (_, c) = one("The company said it had followed every rule.");
    assert!(!c.cue.distance);
}

#[test]
fn hedges_attach_to_their_claims() {
    let (_, c) = one("Militia fighters reportedly seized the airport, local radio said.");
    assert_eq!(c.hedges.len(), 1);
    assert_eq!(c.hedges[0].kind, "reportedly");
    let (_, c) = one("The spokesman said the border was calm, without offering evidence.");
    assert_eq!(c.hedges[0].kind, "no_evidence");
}

#[test]
fn general_disclaimer_covers_named_speaker_only() {
    let (_, c) = claims("Witnesses said the market was shelled. The army said its forces had been attacked first. The Globe has not corroborated the army's account.");
    assert_eq!(c.len(), 2);
    assert!(c[0].hedges.is_empty());
    assert_eq!(c[1].hedges.len(), 1);
    assert_eq!(c[1].hedges[0].kind, "not_corroborated");
}

#[test]
fn disclaimer_without_agent_covers_previous_sentence() {
    let (_, c) = claims(
        "The rebels said 40 soldiers were killed. The claim could not be independently verified.",
    );
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].hedges.len(), 1);
}

#[test]
fn scare_quotes_are_hedges() {
    let (_, c) = one("Officials said 15 “foreign agitators” had been arrested.");
    assert!(c.hedges.iter().any(|h| h.kind == "scare_quote"));
}

#[test]
fn beliefs_and_findings() {
    let (_, c) = one("Investigators believe the fire was started deliberately.");
    assert_eq!(c.cue.lemma, "believe");
    let (_, c) = one("A United Nations report found that 2,000 children had been displaced.");
    assert_eq!(c.cue.lemma, "find");
    let (_, c) = one("Recent polls show the ruling party losing ground.");
    assert_eq!(c.cue.lemma, "show");
}

#[test]
fn said_to_names_no_source() {
    let (_, c) = one("He is said to be in hiding.");
    assert!(c.speaker.is_none());
    assert_eq!(c.cue.text, "is said");
}

#[test]
fn not_reporting() {
    for t in [
        "The president announced his resignation in March.",
        "Police found two bodies in the river.",
        "The report is due next week.",
        "Reports of looting spread across the city.",
        "Nobody has said anything yet.",
        "The minister did not say when the curfew would end.",
        "The show starts at nine.",
        "CNN has not corroborated any claims made by the army.",
    ] {
        let (_, c) = claims(t);
        assert!(c.is_empty(), "no claim expected in {t:?}");
    }
}

#[test]
fn headline_present_tense() {
    let (_, c) = one("Flood-hit mayor tells residents the worst is over");
    assert_eq!(c.cue.text, "tells");
    assert_eq!(c.speaker_text(), "Flood-hit mayor");
}

#[test]
fn colon_introduces_a_statement() {
    let (_, c) = one("Relief chief: “We need helicopters, not promises”");
    assert_eq!(c.cue.text, ":");
    assert_eq!(c.kind, ClaimKind::Direct);
}

#[test]
fn medium_words() {
    let (_, c) = one("The prime minister said on Twitter that schools would stay closed.");
    assert_eq!(c.medium.as_deref(), Some("twitter"));
    let (_, c) = one("In a televised address, the king said the army would restore order.");
    assert_eq!(c.medium.as_deref(), Some("televised_address"));
    let (_, c) = one("The coach said at a news conference that he would not resign.");
    assert_eq!(c.medium.as_deref(), Some("press_conference"));
}

#[test]
fn participle_continues_attribution() {
    let (_, c) =
        claims("The agency said 3,000 tents had arrived, adding that more were on the way.");
    assert_eq!(c.len(), 2);
    assert_eq!(c[1].cue.text, "adding");
    assert_eq!(c[1].speaker_text(), "The agency");
}

#[test]
fn coordinated_verbs_share_the_subject() {
    let (_, c) = claims("The regional police accused outside groups of stirring the riots and said 70 people were held.");
    assert_eq!(c.len(), 2);
    assert_eq!(c[1].speaker_text(), "The regional police");
}

#[test]
fn passive_quoted_as_saying() {
    let (_, c) =
        one("The envoy was quoted by the Coastal Herald as saying that talks would resume.");
    assert_eq!(c.speaker_name(), "envoy");
    assert_eq!(c.via[0].name, "Coastal Herald");
}

#[test]
fn helpers_for_figures() {
    let (doc, c) = claims("As of Sunday, 25 people had died, the Interior Ministry said. Aid reportedly reached 12 villages, local media said.");
    assert_eq!(c.len(), 2);
    let off = doc.text.find("25 people").unwrap();
    let span = newsledger_model::Span::new(off, off + 9);
    let cov = newsledger_claims::claim_covering(&doc, span).unwrap();
    assert_eq!(cov.source_chain(), ["Interior Ministry"]);
    assert!(newsledger_claims::hedges_for(&doc, span).is_empty());
    let off2 = doc.text.find("12 villages").unwrap();
    let span2 = newsledger_model::Span::new(off2, off2 + 11);
    assert_eq!(newsledger_claims::hedges_for(&doc, span2).len(), 1);
    assert_eq!(newsledger_claims::sentence_hedges(&doc, span2).len(), 1);
}

#[test]
fn never_panics_on_odd_input() {
    for t in [
        "",
        "said",
        "“",
        "”said",
        ", said .",
        "according to",
        "according to ,",
        "\"\"\"",
        "he added",
        "’s said ’s",
        "Ä said “Ö”",
        "said: “",
        "quoting",
        "citing, quoting, according to",
        "X, who, said",
        "— said —",
        "\u{200b}said\u{200b}",
        "told told told",
        ": “a”",
    ] {
        let _ = run(t);
    }
}

#[test]
fn relative_clause_attribution() {
    let (doc, c) = claims("The dockers' union, which says it speaks for 4,000 workers, said 12 of its members were hurt.");
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].cue.text, "says");
    assert_eq!(
        c[0].speaker_span().map(|s| doc.slice(s)),
        Some("The dockers' union")
    );
    assert_eq!(c[1].cue.text, "said");
    assert_eq!(
        c[1].speaker_span().map(|s| doc.slice(s)),
        Some("The dockers' union")
    );
    let (_, c) = claims("A nurse, who asked not to be named, said the ward was full.");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].cue.text, "said");
}

#[test]
fn put_the_figure_at() {
    let (_, c) = one("Organisers put the crowd at 15,000.");
    assert_eq!(c.cue.lemma, "put");
    assert_eq!(c.speaker_name(), "Organisers");
    let (_, c) = claims("The mayor put the plan into action.");
    assert!(c.is_empty());
}

#[test]
fn passive_agent_is_the_speaker() {
    let (_, c) = one("The toll of 57 confirmed by the coast guard on Friday is expected to rise.");
    assert_eq!(c.speaker_name(), "coast guard");
}

#[test]
fn neither_figure_disclaimer_reaches_two_sentences() {
    let (_, c) = claims("Nine died, medics told the Valley Gazette. A rights group put the toll at 14. Neither figure could be independently verified.");
    assert_eq!(c.len(), 2);
    assert!(c.iter().all(|x| x.hedges.len() == 1));
}

#[test]
fn said_that_according_to_relays() {
    let (_, c) = one("The governor said that, according to the fire service, 80 homes were lost.");
    assert_eq!(c.source_chain(), ["fire service", "governor"]);
    assert_eq!(c.cue.text, "said");
}

#[test]
fn random_text_never_panics() {
    // A small deterministic generator over news-like pieces and odd characters.
    let pieces = [
        "said",
        "according to",
        ",",
        "“",
        "”",
        "\"",
        "he",
        "the ministry",
        "quoting",
        "citing",
        ".",
        "\n",
        "’s",
        "reportedly",
        "Kanal 7",
        "told",
        "that",
        ":",
        "which says",
        "put the toll at",
        "9",
        "é",
        "—",
        ";",
        "(",
        ")",
        "by",
        "was",
        "quoted as saying",
        "  ",
        "\u{301}",
    ];
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..300 {
        let mut t = String::new();
        for _ in 0..(x % 40) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            t.push_str(pieces[(x % pieces.len() as u64) as usize]);
            t.push(' ');
        }
        let doc = run(&t);
        for c in &doc.layers.claims {
            assert!(doc.text.get(c.span.start()..c.span.end()).is_some());
            for s in &c.content {
                assert!(doc.text.get(s.start()..s.end()).is_some());
            }
        }
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    }
}

#[test]
fn quote_only_cues() {
    let (_, c) = one("“Nobody came to help us,” she continued.");
    assert_eq!(c.cue.lemma, "continue");
    let (_, c) = claims("The fighting continued for three days.");
    assert!(c.is_empty());
}

#[test]
fn anonymity_and_non_sources() {
    let (doc, c) = one("Two generals were dismissed, an official said on condition of anonymity.");
    assert_eq!(content(&doc, &c), ["Two generals were dismissed"]);
    let (_, c) = claims("The evacuation went according to plan.");
    assert!(c.is_empty());
}

#[test]
fn age_appositive() {
    let (doc, c) = one("Maria Lenko, 45, said the water rose within minutes.");
    // the mention as written, with its appositive; resolution takes the name
    assert_eq!(
        c.speaker_span().map(|s| doc.slice(s)),
        Some("Maria Lenko, 45,")
    );
    assert_eq!(c.speaker_name(), "Maria Lenko");
    assert_eq!(content(&doc, &c), ["the water rose within minutes"]);
}

#[test]
fn speaker_said_colon_quote() {
    let (doc, c) = one("The rescue chief said: “We found four survivors under the school.”");
    assert_eq!(c.kind, ClaimKind::Direct);
    assert_eq!(
        content(&doc, &c),
        ["We found four survivors under the school."]
    );
}

#[test]
fn wire_story_in_our_own_words() {
    let text = "Quake toll climbs past 300 as rescuers dig through rubble\n\
The death toll rose to 312 on Tuesday, the country's disaster agency AFAD said, as rescuers searched collapsed buildings.\n\
\"We are racing against time,\" Interior Minister Suleyman Kaya told reporters in Gaziantep. \"Every hour counts.\"\n\
He said more than 5,000 people had been injured.\n\
Local broadcaster HaberTV reported that dozens of people were still trapped, citing rescue workers at the scene. The figures could not be independently verified.\n\
President Erdal Yilmaz, who visited the area on Wednesday, pledged to rebuild every home within a year.";
    let (doc, c) = claims(text);
    assert_eq!(c.len(), 5);
    assert_eq!(c[0].speaker_name(), "AFAD");
    assert_eq!(c[1].speaker_name(), "Suleyman Kaya");
    assert_eq!(content(&doc, &c[1]).len(), 2);
    assert_eq!(c[2].speaker_name(), "Suleyman Kaya");
    assert_eq!(
        c[3].source_chain(),
        ["rescue workers at the scene", "HaberTV"]
    );
    assert_eq!(
        content(&doc, &c[3]),
        ["dozens of people were still trapped"]
    );
    assert_eq!(c[3].hedges.len(), 1);
    assert_eq!(c[4].speaker_name(), "Erdal Yilmaz");
}

#[test]
fn stances_are_attributed_to_bodies_not_to_counts() {
    // A stance toward something is an attribution in the broad sense.
    let (_doc, c) = one("The teachers' union criticized the new pay scale on Tuesday.");
    assert_eq!(c.speaker_name(), "teachers' union");
    assert_eq!(c.cue.text, "criticized");
    // A count that "sought" help is a figure, not a stance; the ministry's statement is the
    // claim of the sentence.
    let (_doc, c) = one("More than 300 residents have sought shelter, the ministry said.");
    assert_eq!(c.cue.text, "said");
    let (_doc, c) = claims("Thousands demanded a recount outside the hall.");
    assert!(c.is_empty());
}

#[test]
fn voiced_and_bemoaned_are_stances() {
    let (_doc, c) = one("The farmers' association bemoaned the price of diesel.");
    assert_eq!(c.cue.text, "bemoaned");
    let (_doc, c) = one("Harbour residents voiced concern about the new road.");
    assert_eq!(c.cue.text, "voiced");
}
