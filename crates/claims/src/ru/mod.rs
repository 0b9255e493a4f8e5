//! Claims in Russian text: who reports what through whom ("по данным Минздрава",
//! "сообщили в МЧС", "как передает Вестник со ссылкой на МВД", "X заявил", "заявил X"),
//! with the hedges that keep it unconfirmed ("якобы", "по неподтвержденным данным").
//! Cues and names are data (`data/claims/ru/`); one claim per attributed sentence.

mod sources;
mod tokens;

pub use sources::{attribution, Attribution};
pub use tokens::tokenize;

use newsledger_model::{Claim, ClaimKind, Cue, Document, Hedge, SegmentKind, Span, Speaker};

fn speaker(n: &sources::Named, base: usize) -> Speaker {
    Speaker {
        text: n.text.clone(),
        span: Span::new(base + n.span.0, base + n.span.1),
        entity: None,
        name: n.name.clone(),
    }
}

/// A Telegram channel reports through the platform.
fn medium(lc: &str) -> Option<String> {
    (lc.contains("telegram") || lc.contains("телеграм")).then(|| "telegram".to_string())
}

fn hedges_of(text: &str, base: usize) -> Vec<Hedge> {
    let lc = text.to_lowercase();
    if lc.len() != text.len() {
        return Vec::new();
    }
    sources::hedges(&lc)
        .into_iter()
        .map(|(a, b)| Hedge {
            text: text.get(a..b).unwrap_or("").to_string(),
            span: Span::new(base + a, base + b),
            kind: "unverified".into(),
        })
        .collect()
}

/// The claim of one sentence, if it names who reports it.
fn claim_of(text: &str, span: Span) -> Option<Claim> {
    let toks = tokenize(text);
    let att = attribution(&toks, text);
    let ((ca, cb), lemma) = att.cue?;
    let mut names = att.origins.iter().chain(&att.relays);
    let first = names.next()?;
    let base = span.start();
    let direct = text.contains('«') || text.contains('„');
    Some(Claim {
        id: String::new(),
        speaker: Some(speaker(first, base)),
        cue: Cue {
            text: text.get(ca..cb).unwrap_or("").to_string(),
            span: Span::new(base + ca, base + cb),
            lemma: lemma.to_string(),
            distance: false,
        },
        content: vec![span],
        kind: if direct {
            ClaimKind::Mixed
        } else {
            ClaimKind::Indirect
        },
        via: names.map(|n| speaker(n, base)).collect(),
        date: None,
        timex: None,
        medium: medium(&text.to_lowercase()),
        hedges: hedges_of(text, base),
        span,
    })
}

/// Beginnings of common nouns that stand for a body named before ("по данным
/// министерства", "как сообщили в ведомстве").
const GENERIC: &[&str] = &[
    "министерств",
    "ведомств",
    "издани",
    "пресс-служб",
    "правозащитник",
    "паблик",
    "телеграм-канал",
];

/// True when a speaker's name stands for the one named before: a pronoun ("по его
/// словам", "сообщил он") or generic nouns only ("Издание отмечает", "по данным того же
/// паблика").
fn refers_back(name: &str) -> bool {
    let lc = name.to_lowercase();
    sources::PRONOUNS.contains(&lc.as_str())
        || lc.split_whitespace().all(|w| {
            GENERIC.iter().any(|g| w.starts_with(g)) || matches!(w, "того" | "же" | "этого" | "это")
        })
}

/// A speaker named by a pronoun or a generic body noun is the speaker of the claim
/// before it; a pronoun with no one before it leaves its claim out. Other common-noun
/// speakers ("по словам чиновников") stay as written.
fn resolve_generic(claims: &mut Vec<Claim>) {
    let mut last: Option<String> = None;
    for sp in claims.iter_mut().filter_map(|c| c.speaker.as_mut()) {
        if refers_back(&sp.name) {
            if let Some(name) = &last {
                sp.name = name.clone();
            }
        } else {
            last = Some(sp.name.clone());
        }
    }
    claims.retain(|c| !sources::PRONOUNS.contains(&c.speaker_name().to_lowercase().as_str()));
}

/// The claims of a Russian document, in order.
pub fn extract_claims(doc: &Document) -> Vec<Claim> {
    let mut out: Vec<Claim> = doc
        .content_segments()
        .filter(|s| s.kind != SegmentKind::Dateline)
        .filter_map(|s| claim_of(doc.slice(s.span), s.span))
        .collect();
    resolve_generic(&mut out);
    for (k, c) in out.iter_mut().enumerate() {
        c.id = format!("c{}", k + 1);
        c.date = doc
            .layers
            .timexes
            .iter()
            .find(|t| c.span.contains(t.span) && t.value.len() >= 10)
            .map(|t| t.value.clone());
        if let Some(speaker) = c.speaker.as_mut() {
            resolve_entity(doc, speaker);
        }
        for v in c.via.iter_mut() {
            resolve_entity(doc, v);
        }
    }
    out
}

/// The entity a speaker names: the person, body or outlet whose name mention the speaker's
/// span overlaps (the longest such mention). The speaker's name stays as written, so the
/// figures' source chains do not change.
fn resolve_entity(doc: &Document, sp: &mut Speaker) {
    sp.entity = doc
        .layers
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (e, m)))
        .filter(|(_, m)| m.kind == newsledger_model::MentionKind::Name && m.span.overlaps(sp.span))
        .max_by_key(|(_, m)| m.span.len())
        .map(|(e, _)| e.id.clone());
}

/// The hedges of a sentence that has no claim (the report's own voice).
pub fn own_voice_hedged(text: &str) -> bool {
    !sources::hedges(&text.to_lowercase()).is_empty()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_speaker_resolves_to_the_entity_its_name_is() {
        use newsledger_model::{Meta, Stage};
        let meta = Meta {
            language: Some("ru".into()),
            ..Meta::default()
        };
        let text = "Об этом сообщили в ГУ МЧС по Тверской области.";
        let mut doc = newsledger_model::Document::new("t", text, meta);
        newsledger_segment::SegmentStage::new().process(&mut doc);
        newsledger_entities::EntityStage::new().process(&mut doc);
        let claims = super::extract_claims(&doc);
        let sp = claims.first().and_then(|c| c.speaker.clone());
        let id = sp.as_ref().and_then(|s| s.entity.clone());
        let ent = doc
            .layers
            .entities
            .iter()
            .find(|e| Some(&e.id) == id.as_ref());
        assert_eq!(
            ent.map(|e| e.name.as_str()),
            Some("ГУ МЧС по Тверской области"),
            "{sp:?}"
        );
    }

    use super::*;

    #[test]
    fn a_relayed_claim_with_a_hedge() {
        let s = "Как передает Вестник со ссылкой на МВД, якобы задержаны 40 человек.";
        let c = claim_of(s, Span::new(0, s.len())).expect("a claim");
        assert_eq!(c.source_chain(), ["МВД", "Вестник"]);
        assert_eq!(c.hedges.len(), 1);
        assert_eq!(
            &s[c.hedges[0].span.start()..c.hedges[0].span.end()],
            "якобы"
        );
    }

    #[test]
    fn telegram_channels_are_a_medium() {
        let s = "Как сообщает Telegram-канал «Острин сегодня», задержаны 4 человека.";
        let c = claim_of(s, Span::new(0, s.len())).expect("a claim");
        assert_eq!(c.medium.as_deref(), Some("telegram"));
        assert_eq!(c.speaker_name(), "Telegram-канал «Острин сегодня»");
    }

    #[test]
    fn a_common_noun_speaker_is_the_body_named_before() {
        let mut doc = Document::new(
            "d",
            "Минздрав Острина сообщил, что погибли 5 человек. По данным министерства, ранены 9.",
            newsledger_model::Meta::default(),
        );
        doc.meta.language = Some("ru".into());
        for (a, b) in [(0usize, 87usize), (88, doc.text.len())] {
            doc.layers.segments.push(newsledger_model::Segment {
                kind: SegmentKind::Sentence,
                span: Span::new(a, b),
            });
        }
        let cs = extract_claims(&doc);
        let names: Vec<&str> = cs.iter().map(|c| c.speaker_name()).collect();
        assert_eq!(names, ["Минздрав Острина", "Минздрав Острина"]);
    }

    #[test]
    fn pronouns_and_titles_name_the_speaker() {
        let mut doc = Document::new(
            "d",
            "Погибли 4 человека, сообщила сегодня пресс-секретарь мэрии Острина Анна Ветрова. \
             По ее словам, ранены 11. По словам очевидцев, пострадали еще двое.",
            newsledger_model::Meta::default(),
        );
        doc.meta.language = Some("ru".into());
        let ends: Vec<usize> = doc.text.match_indices(". ").map(|(i, _)| i + 1).collect();
        let mut from = 0;
        for end in ends.into_iter().chain([doc.text.len()]) {
            doc.layers.segments.push(newsledger_model::Segment {
                kind: SegmentKind::Sentence,
                span: Span::new(from, end),
            });
            from = (end + 1).min(doc.text.len());
        }
        let cs = extract_claims(&doc);
        let names: Vec<&str> = cs.iter().map(|c| c.speaker_name()).collect();
        assert_eq!(names, ["Анна Ветрова", "Анна Ветрова", "очевидцев"]);
    }

    #[test]
    fn generic_nouns_refer_back() {
        assert!(refers_back("Издание"));
        assert!(refers_back("того же паблика"));
        assert!(refers_back("министерства"));
        assert!(!refers_back("очевидцев"));
        assert!(!refers_back("Минздрав Острина"));
    }

    #[test]
    fn a_pronoun_with_no_one_before_is_no_claim() {
        let mut doc = Document::new(
            "d",
            "По его словам, погибли 3 человека.",
            newsledger_model::Meta::default(),
        );
        doc.meta.language = Some("ru".into());
        doc.layers.segments.push(newsledger_model::Segment {
            kind: SegmentKind::Sentence,
            span: Span::new(0, doc.text.len()),
        });
        assert!(extract_claims(&doc).is_empty());
    }

    #[test]
    fn no_cue_no_claim() {
        let s = "В городе погибли 5 человек.";
        assert!(claim_of(s, Span::new(0, s.len())).is_none());
    }
}
