//! Record types of every layer. Field names follow the ledger contract
//! (`../shared/spec/figures.md` for figures, the issues for the rest); optional fields
//! serialise as `null` so every ledger has the same keys.

use crate::Span;
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------- segmentation

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    Headline,
    Subheading,
    Dateline,
    Sentence,
}

/// A sentence-like unit. Headlines and subheadings are lines without final punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub kind: SegmentKind,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens/apostrophes/periods (U.S., Kassym-Jomart, don't).
    Word,
    /// Digits with separators and decimals (3,000 / 1.2 / 98).
    Number,
    /// Any other single character that is not white space.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

// ---------------------------------------------------------------- time

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// A temporal expression with its TIMEX3 type and normalised value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    /// `t1`, `t2`… in document order.
    pub id: String,
    pub span: Span,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value: 2022-01-08, 2022-W01, 2019-03, P3D, PRESENT_REF, XXXX-01-10…
    pub value: String,
    /// What the value was resolved against: `"DCT"` (publication date) or a timex id.
    pub anchor: Option<String>,
    /// TimeML `mod`: APPROX, BEFORE, AFTER, START, END, MORE_THAN, LESS_THAN…
    #[serde(rename = "mod")]
    pub modifier: Option<String>,
}

// ---------------------------------------------------------------- entities

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Person,
    Org,
    Place,
    Platform,
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A proper name ("Kassym-Jomart Tokayev", "Khabar 24").
    Name,
    /// A role or descriptor noun phrase ("the Kazakh president", "the state broadcaster").
    Nominal,
    /// A pronoun ("he", "his").
    Pronoun,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    /// GeoNames id, when the place is in the gazetteer.
    pub geonames_id: Option<u64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// ISO 3166-1 alpha-2 code of the country the place is in.
    pub country: Option<String>,
}

/// An entity cluster: every mention of one person, organisation, place or platform.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// `e1`, `e2`… in order of first mention.
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// government, media, armed_force, party, company, ngo, international;
    /// country, region, city, landmark; or null.
    pub subtype: Option<String>,
    /// Canonical name (the longest proper name seen, or the gazetteer name).
    pub name: String,
    /// Other names and descriptors used for it in the document.
    pub aliases: Vec<String>,
    pub mentions: Vec<Mention>,
    /// Roles/titles attached to a person ("former head of … National Security Committee").
    pub roles: Vec<String>,
    pub geo: Option<Geo>,
}

// ---------------------------------------------------------------- claims

/// Who a claim is attributed to, as mentioned in the sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The mention as written ("he", "the state broadcaster", "Ukibai").
    pub text: String,
    pub span: Span,
    /// Entity id it resolves to; the resolved name when no entity cluster exists.
    pub entity: Option<String>,
    /// The resolved canonical name, for sources chains ("Khabar 24" for "the state broadcaster").
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    pub text: String,
    pub span: Span,
    /// The cue lemma from the lexicon (say, tell, report, according_to…).
    pub lemma: String,
    /// The cue keeps the reporter at a distance from the content ("claimed", "alleged").
    pub distance: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Direct,
    Indirect,
    Mixed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hedge {
    pub text: String,
    pub span: Span,
    /// reportedly, allegedly, unverified, no_evidence, not_corroborated, scare_quote…
    pub kind: String,
}

/// One act of reporting: who said what, through whom, when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// `c1`, `c2`… in document order.
    pub id: String,
    /// Who the claim is attributed to; `None` when the text names no source ("it was
    /// reported that", "reportedly", "polls show").
    pub speaker: Option<Speaker>,
    pub cue: Cue,
    /// The reported content; several spans when a quote is split by its cue.
    pub content: Vec<Span>,
    pub kind: ClaimKind,
    /// Relays between the speaker and the outlet, innermost first.
    pub via: Vec<Speaker>,
    /// TIMEX3 value of when the claim was made.
    pub date: Option<String>,
    /// Id of the timex that dates it.
    pub timex: Option<String>,
    /// statement, twitter, televised_address, readout, interview, report…
    pub medium: Option<String>,
    pub hedges: Vec<Hedge>,
    /// The whole attribution (speaker, cue and content).
    pub span: Span,
}

impl Claim {
    /// The source chain origin-first: the speaker, then each relay outward; empty when the
    /// claim names no source (a claim with no speaker gives no origin).
    pub fn source_chain(&self) -> Vec<String> {
        let Some(speaker) = &self.speaker else {
            return Vec::new();
        };
        std::iter::once(speaker.name.clone())
            .chain(self.via.iter().map(|v| v.name.clone()))
            .collect()
    }

    /// The speaker's span, when the claim names one.
    pub fn speaker_span(&self) -> Option<Span> {
        self.speaker.as_ref().map(|s| s.span)
    }

    /// The speaker's resolved name, or "" when the claim names no source.
    pub fn speaker_name(&self) -> &str {
        self.speaker.as_ref().map_or("", |s| s.name.as_str())
    }

    /// The speaker's mention as written, or "" when the claim names no source.
    pub fn speaker_text(&self) -> &str {
        self.speaker.as_ref().map_or("", |s| s.text.as_str())
    }
}

// ---------------------------------------------------------------- figures

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    Exact,
    AtLeast,
    AtMost,
    Approx,
    Range,
    Vague,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureValue {
    pub kind: ValueKind,
    pub low: u64,
    pub high: Option<u64>,
    /// The number phrase as written ("a total of 18", "more than 3,000", "Dozens").
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub text: String,
    /// security_forces protesters civilians militants officials journalists foreigners
    /// children mixed unspecified
    pub class: String,
}

/// A reported toll, exactly as `spec/figures.md` defines it (plus `id` and `claim`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// `f1`, `f2`… in document order.
    pub id: String,
    /// killed injured detained missing displaced evacuated rescued deployed participants charged
    pub metric: String,
    pub value: FigureValue,
    pub group: Group,
    pub place: Option<String>,
    /// The day the figure holds as of (`YYYY-MM-DD`), or null.
    pub as_of: Option<String>,
    /// A coarser TIMEX3 value (week, weekend, month, season, year) that dates the counted
    /// events but is not a day (`spec/figures.md`); absent when nothing coarser dates them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Origin first, outlet last-but-itself. Empty when the report speaks in its own voice.
    pub sources: Vec<String>,
    pub hedged: bool,
    /// The claim this figure rests on, if it is reported speech.
    pub claim: Option<String>,
    pub span: Span,
    pub sentence: Span,
    /// The event this figure counts (`v3`), filled by the events stage; absent when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
}

// ---------------------------------------------------------------- events

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trigger {
    pub text: String,
    pub span: Span,
}

/// An actor: an entity id, or the text as written where no entity matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub text: String,
    pub entity: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Actors {
    pub agent: Option<Actor>,
    pub target: Option<Actor>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    Occurred,
    Ordered,
    Planned,
    Denied,
    Claimed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `v1`, `v2`… in document order.
    pub id: String,
    /// protest riot assault clash attack killing arrest deployment resignation appointment
    /// declaration order consultation communications_shutdown explosion accusation demolition
    #[serde(rename = "type")]
    pub kind: String,
    pub trigger: Trigger,
    pub actors: Actors,
    /// Entity id of the place; the place name where no entity matched.
    pub place: Option<String>,
    /// TIMEX3 value of when it happened: a day (`YYYY-MM-DD`; the part of the day stays
    /// on the timex), a coarser value its own words give, or null when the text does not
    /// date it.
    pub date: Option<String>,
    /// Id of the timex that dates it.
    pub timex: Option<String>,
    pub status: EventStatus,
    pub claim: Option<String>,
    pub hedged: bool,
    pub span: Span,
}
