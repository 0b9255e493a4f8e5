//! Finding tolls in one sentence: a number phrase plus the words around it that make it a
//! count of people killed, injured, detained…
//!
//! The grammar is a handful of shapes news writes tolls in, each checked around every
//! number phrase:
//! - count, counted noun, auxiliaries, metric participle/verb: "18 law enforcement
//!   personnel had been killed", "dozens of protesters killed", "eighteen died";
//! - metric verb, count: "killing at least 26", "police arrested 50 protesters";
//! - toll phrase, link, count: "the death toll rose to 300", "the number of detainees
//!   reached 3,000";
//! - count, metric noun: "18 deaths", "50 arrests";
//! - breakdowns of a figure just given: "12 of them police", "including five children".
//!
//! A counted noun must be a person noun from the group lexicon; anything else counts things
//! and the number is dropped. Precision first: a shape that does not fit yields nothing.

use crate::lexicon::{HedgeScope, MetricEntry, NonFigure, Require, LEX};
use crate::number::{parse_at, NumPhrase};
use crate::tokens::{tokenize, Tok};
use newsledger_model::ValueKind;

/// A toll found in a sentence; offsets are relative to the sentence text.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub metric: &'static str,
    pub kind: ValueKind,
    pub low: u64,
    pub high: Option<u64>,
    /// The number phrase as written ("a total of 18").
    pub value_span: (usize, usize),
    /// Number phrase plus the counted noun when adjacent.
    pub span: (usize, usize),
    pub group_text: String,
    pub group_class: &'static str,
    /// Index (in this sentence's candidates) of the figure this one shares its group and
    /// context with ("18 killed and 748 injured", "12 of them police").
    pub shares_with: Option<usize>,
    /// Hedged inside its own verb phrase ("may have been killed", "are feared dead").
    pub hedged: bool,
    /// Which shape matched, for debugging and tests.
    pub shape: &'static str,
    /// Who owns the toll phrase ("the Health Ministry's latest toll"), sentence-relative.
    pub possessor: Option<(usize, usize)>,
    /// A breakdown whose figure is in an earlier sentence ("Five of them were police
    /// officers."): `metric` is empty and the caller takes it from that figure.
    pub needs_parent: bool,
}

/// Words that never belong to a counted noun phrase.
const STOP: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "may",
    "might",
    "must",
    "should",
    "can",
    "do",
    "does",
    "did",
    "and",
    "or",
    "but",
    "nor",
    "in",
    "on",
    "at",
    "of",
    "from",
    "to",
    "by",
    "with",
    "for",
    "during",
    "after",
    "before",
    "near",
    "across",
    "including",
    "among",
    "as",
    "that",
    "who",
    "which",
    "whom",
    "whose",
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "it",
    "its",
    "their",
    "his",
    "her",
    "our",
    "there",
    "here",
    "also",
    "all",
    "both",
    "said",
    "say",
    "says",
    "told",
    "according",
    "than",
    "while",
    "when",
    "where",
    "what",
    "whether",
    "into",
    "onto",
    "over",
    "under",
    "about",
    "around",
    "since",
    "until",
    "up",
    "down",
    "out",
    "off",
    "per",
    "via",
    "amid",
    "following",
    "despite",
    "inside",
    "outside",
    "throughout",
    "within",
    "without",
    "against",
    "toward",
    "towards",
    "between",
    "through",
    "upon",
    "not",
    "no",
    "so",
    "yet",
    "just",
    "only",
    "still",
    "now",
    "then",
    "later",
    "earlier",
    "again",
    "ever",
    "even",
    "already",
    "reportedly",
    "allegedly",
    "remain",
    "remains",
    "remained",
    "reported",
    "them",
    "whom",
    "more",
    "last",
    "this",
    "each",
    "they",
    "we",
    "you",
    "he",
    "she",
    "i",
    "once",
    "suspected",
    "accused",
    "linked",
    "wanted",
    "aged",
    "alive",
    "if",
    "because",
    "after",
    "who",
    "overnight",
    "yesterday",
    "today",
    "tonight",
    "nationwide",
    "altogether",
    "too",
    "alone",
    "abroad",
    "elsewhere",
    "respectively",
    "instead",
];

/// Auxiliaries and adverbs allowed between the counted noun and the metric.
const AUX: &[&str] = &[
    "have",
    "has",
    "had",
    "been",
    "were",
    "was",
    "are",
    "is",
    "be",
    "being",
    "remain",
    "remains",
    "remained",
    "left",
    "made",
    "reported",
    "said",
    "believed",
    "thought",
    "feared",
    "confirmed",
    "known",
    "to",
    "also",
    "now",
    "all",
    "both",
    "already",
    "still",
    "since",
    "initially",
    "later",
    "either",
    "officially",
    "so",
    "far",
    "reportedly",
    "allegedly",
    "apparently",
    "presumably",
    "possibly",
    "probably",
    "subsequently",
    "eventually",
    "then",
    "later",
    "either",
    "each",
    "themselves",
    "likely",
    "feared",
];

const MODALS: &[&str] = &[
    "could", "may", "might", "would", "will", "should", "must", "can", "shall",
];

/// Prepositions that may open a phrase between the counted noun and its verb
/// ("18 people in the capital were killed").
const PREPS: &[&str] = &[
    "in",
    "at",
    "from",
    "across",
    "near",
    "on",
    "inside",
    "outside",
    "around",
    "throughout",
    "within",
    "along",
    "aboard",
    "during",
    "among",
    "of",
];

/// Link words between a toll head and its count ("rose to", "stood at", "of").
const LINKS: &[&str] = &[
    "to",
    "at",
    "of",
    "reached",
    "hit",
    "is",
    "was",
    "are",
    "were",
    "stands",
    "stood",
    "stand",
    "now",
    "has",
    "have",
    "had",
    "risen",
    "rose",
    "climbed",
    "jumped",
    "increased",
    "surged",
    "soared",
    "grown",
    "grew",
    "passed",
    "surpassed",
    "exceeded",
    "topped",
    "crossed",
    "totalled",
    "totaled",
    "totals",
    "total",
    "numbered",
    "number",
    "reaching",
    "climbing",
    "rising",
    "bringing",
    "brings",
    "brought",
    "raising",
    "raised",
    "already",
    "officially",
    "further",
    "again",
    "climb",
    "rise",
    "reach",
    "stands",
    "put",
    "puts",
    "placed",
    "places",
    "sits",
    "sat",
    "remains",
    "remained",
    "went",
    "gone",
    "up",
    // headlines write tolls in the present tense: "Quake toll climbs past 300"
    "climbs",
    "rises",
    "jumps",
    "reaches",
    "hits",
    "tops",
    "top",
    "passes",
    "pass",
    "surpasses",
    "surpass",
    "exceeds",
    "exceed",
    "crosses",
    "cross",
    "soars",
    "mounts",
    "mounted",
    "nears",
    "neared",
    "nearing",
    // "rose past 300", "climbed beyond 1,000": a threshold crossed
    "past",
    "beyond",
];

/// Adverbs without "-ly" and time words that end a counted noun phrase ("killed two workers
/// outright", "arrested 40 people overnight"): they name no one.
const GROUP_ENDERS: &[&str] = &[
    "outright",
    "instantly",
    "overnight",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "nationwide",
    "alone",
    "abroad",
    "afterwards",
    "meanwhile",
];

/// Link words that say a toll went over its count ("topped 300", "climbs past 300"): the
/// count is a floor, not the toll itself.
const CROSSING: &[&str] = &[
    "past",
    "beyond",
    "passed",
    "passes",
    "pass",
    "surpassed",
    "surpasses",
    "surpass",
    "exceeded",
    "exceeds",
    "exceed",
    "topped",
    "tops",
    "top",
    "crossed",
    "crosses",
    "cross",
];

/// Link words that say a toll is close to its count ("nears 300").
const NEARING: &[&str] = &["nears", "neared", "nearing"];

/// Heads of a toll phrase that carry no metric of their own ("toll", "number of …").
const TOLL_NOUNS: &[&str] = &["toll", "tally", "number", "count", "figure", "total"];

/// A metric lexicon entry seen where a pp/vi can be.
fn metric_at<'l>(toks: &[Tok], i: usize) -> Option<(usize, &'l MetricEntry)> {
    LEX.metrics.longest_at(toks, i)
}

/// An -ly adverb ("reportedly", "seriously"), not a noun or adjective that ends so.
fn is_adverb(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ly")
        && !matches!(
            w,
            "tally"
                | "family"
                | "rally"
                | "assembly"
                | "supply"
                | "july"
                | "italy"
                | "anomaly"
                | "monopoly"
                | "reply"
                | "elderly"
                | "friendly"
                | "daily"
                | "weekly"
                | "monthly"
                | "yearly"
                | "likely"
                | "unlikely"
                | "early"
                | "holy"
                | "ally"
                | "deadly"
                | "costly"
                | "lonely"
                | "lovely"
                | "orderly"
                | "manly"
                | "burly"
                | "bodily"
        )
}

fn is_stop(t: &Tok) -> bool {
    STOP.contains(&t.lower.as_ref())
}

fn is_quote(t: &Tok) -> bool {
    t.is_punct() && matches!(t.text, "“" | "”" | "\"" | "‘" | "’" | "'" | "«" | "»")
}

fn nonfig_at(toks: &[Tok], i: usize) -> Option<NonFigure> {
    LEX.nonfigure.longest_at(toks, i).map(|(_, v)| *v)
}

/// A counted noun phrase right after a count.
#[derive(Debug, Clone)]
struct GroupParse {
    /// Token just after the phrase (or the start when there is none).
    end: usize,
    /// Tokens of the phrase (first, last inclusive), quotes included.
    toks: Option<(usize, usize)>,
    class: &'static str,
    /// Words were there, but they do not name people.
    things: bool,
    nogroup: bool,
}

fn parse_group(toks: &[Tok], start: usize) -> GroupParse {
    let mut j = start;
    // "20 more people", "a further 12 additional officers"
    while toks
        .get(j)
        .is_some_and(|t| matches!(t.lower.as_ref(), "more" | "additional" | "further"))
    {
        j += 1;
    }
    let first = j;
    let mut last_word: Option<usize> = None;
    let mut words = 0;
    // "two suspected smugglers", "three alleged members": an adjective here, not the
    // "23 people suspected of looting" that ends a phrase
    if toks
        .get(j)
        .is_some_and(|t| matches!(t.lower.as_ref(), "suspected" | "alleged" | "accused"))
        && LEX.groups.longest_at(toks, j + 1).is_some()
    {
        last_word = Some(j);
        words = 1;
        j += 1;
    }
    while let Some(t) = toks.get(j) {
        if is_quote(t) {
            j += 1;
            continue;
        }
        if !t.is_word() || is_stop(t) || words >= 6 || GROUP_ENDERS.contains(&t.lower.as_ref()) {
            break;
        }
        if LEX
            .numbers
            .contains_key(t.lower.split('-').next().unwrap_or(""))
            && words > 0
        {
            break;
        }
        // "people defied the order": a verb after the head noun ends the phrase
        if words > 0
            && t.lower.ends_with("ed")
            && LEX.groups.longest_ending_at(toks, j).is_some()
            && LEX.groups.longest_at(toks, j).is_none()
            && LEX.groups.longest_at(toks, j + 1).is_none()
        {
            break;
        }
        if let Some((_, m)) = metric_at(toks, j) {
            // a metric word ends the noun phrase, unless it is also a person noun
            // ("hostages", "detainees") that heads it
            let person = LEX.groups.longest_at(toks, j).is_some();
            if !(person && (m.noun || m.toll) && !m.pp) {
                break;
            }
        }
        if is_adverb(&t.lower) && LEX.groups.longest_at(toks, j).is_none() {
            // adverb ("reportedly", "seriously") unless an adjective before a person noun
            let next_is_group = toks
                .get(j + 1)
                .is_some_and(|n| LEX.groups.longest_at(toks, j + 1).is_some() && n.is_word());
            if !next_is_group {
                break;
            }
        }
        last_word = Some(j);
        words += 1;
        j += 1;
    }
    let Some(lw) = last_word else {
        return GroupParse {
            end: first.min(start.max(first)),
            toks: None,
            class: "unspecified",
            things: false,
            nogroup: false,
        };
    };
    // "members and supporters": a coordinated person noun extends the phrase
    let mut lw = lw;
    if toks
        .get(lw + 1)
        .is_some_and(|t| t.lower == "and" || t.lower == "or")
        && LEX.groups.longest_ending_at(toks, lw + 1).is_some()
    {
        if let Some((e, _)) = LEX.groups.longest_at(toks, lw + 2) {
            let next_is_count = toks
                .get(lw + 2)
                .is_some_and(|t| t.is_num() || LEX.numbers.contains_key(t.lower.as_ref()));
            if !next_is_count {
                lw = e - 1;
            }
        }
    }
    // the head is the last word; a closing quote right after it belongs to the phrase
    let mut last = lw;
    if toks.get(lw + 1).is_some_and(is_quote) {
        last = lw + 1;
    }
    // opening quote kept only when it was closed
    let mut begin = first;
    while begin < lw && toks.get(begin).is_some_and(is_quote) && last == lw {
        begin += 1;
    }
    let mut class = LEX.groups.longest_ending_at(toks, lw + 1).map(|(_, c)| *c);
    let nogroup = matches!(nonfig_at(toks, lw), Some(NonFigure::NoGroup));
    // "members of the security forces", "supporters of the opposition leader",
    // "participants in the riots": the phrase after the head says who they are
    let head = toks.get(lw).map(|t| t.lower.as_ref()).unwrap_or("");
    if last == lw
        && matches!(
            head,
            "members" | "member" | "supporters" | "participants" | "relatives" | "families"
        )
        && toks
            .get(lw + 1)
            .is_some_and(|t| t.lower == "of" || (t.lower == "in" && head == "participants"))
    {
        let mut k = lw + 2;
        let mut inner_last = None;
        while let Some(t) = toks.get(k) {
            if k > lw + 6
                || !t.is_word()
                || (is_stop(t) && !matches!(t.lower.as_ref(), "the" | "its" | "their"))
            {
                break;
            }
            if metric_at(toks, k).is_some() {
                break;
            }
            inner_last = Some(k);
            k += 1;
        }
        if let Some(il) = inner_last {
            if let Some((_, c)) = LEX.groups.longest_ending_at(toks, il + 1) {
                if *c != "unspecified" {
                    class = Some(c);
                }
            }
            return GroupParse {
                end: il + 1,
                toks: Some((begin, il)),
                class: class.unwrap_or("unspecified"),
                things: class.is_none(),
                nogroup,
            };
        }
    }
    GroupParse {
        end: last + 1,
        toks: Some((begin, last)),
        class: class.unwrap_or("unspecified"),
        things: class.is_none(),
        nogroup,
    }
}

/// Auxiliaries and adverbs before a metric: returns (end, forecast, hedged, negated).
fn parse_aux(toks: &[Tok], start: usize) -> (usize, bool, bool, bool) {
    let mut j = start;
    let mut forecast = false;
    let mut hedged = false;
    let mut negated = false;
    let mut n = 0;
    while let Some(t) = toks.get(j) {
        if n >= 9 || !t.is_word() {
            break;
        }
        let w = t.lower.as_ref();
        if metric_at(toks, j).is_some_and(|(_, m)| m.pp || m.vi) && !matches!(w, "held") {
            break;
        }
        if MODALS.contains(&w) {
            let next_have = toks.get(j + 1).is_some_and(|x| x.lower == "have")
                || toks.get(j + 2).is_some_and(|x| x.lower == "have");
            if next_have {
                hedged = true;
            } else {
                forecast = true;
            }
        } else if matches!(w, "expected" | "projected" | "set" | "likely" | "predicted") {
            let to_have = toks.get(j + 1).is_some_and(|x| x.lower == "to")
                && toks.get(j + 2).is_some_and(|x| x.lower == "have");
            if toks.get(j + 1).is_some_and(|x| x.lower == "to") && !to_have {
                forecast = true;
            } else {
                hedged = true;
            }
        } else if matches!(w, "not" | "never") {
            negated = true;
        } else if matches!(w, "feared" | "believed" | "thought") {
            hedged = true;
        } else if !(AUX.contains(&w) || is_adverb(w)) {
            break;
        }
        n += 1;
        j += 1;
    }
    (j, forecast, hedged, negated)
}

/// "killed or injured", "dead and wounded": a total that mixes metrics.
fn mixed_after(toks: &[Tok], end: usize, metric: &str) -> bool {
    let Some(t) = toks.get(end) else { return false };
    if !matches!(t.lower.as_ref(), "or" | "and" | "and/or" | "/") {
        return false;
    }
    let mut k = end + 1;
    // "killed and seriously injured"
    while toks.get(k).is_some_and(|x| is_adverb(&x.lower)) {
        k += 1;
    }
    metric_at(toks, k).is_some_and(|(_, m)| (m.pp || m.vi) && m.metric != metric)
}

fn require_ok(req: Require, g: &GroupParse, toks: &[Tok]) -> bool {
    let head = g
        .toks
        .and_then(|(_, l)| toks.get(l))
        .map(|t| t.lower.as_ref())
        .unwrap_or("");
    match req {
        Require::Any => true,
        // troops and police, or staff sent to a crisis ("120 health workers were deployed"),
        // not to a conference or back home
        Require::Security => {
            let staff_elsewhere = (g.end..g.end + 10)
                .map_while(|i| toks.get(i))
                .take_while(|t| !matches!(t.text, "," | ";" | "." | ":"))
                .any(|t| t.lower == "home")
                || (g.end..g.end + 10).any(|i| {
                    matches!(
                        nonfig_at(toks, i),
                        Some(NonFigure::Occasion | NonFigure::Vote)
                    )
                });
            g.toks.is_some()
                && (g.class == "security_forces"
                    || !staff_elsewhere
                        && g.toks.is_some_and(|(a, l)| {
                            (a..=l).any(|s| {
                                LEX.personnel
                                    .longest_at(toks, s)
                                    .is_some_and(|(e, _)| e == l + 1)
                            })
                        }))
        }
        // checked against the words after the verb by the caller
        Require::Hospital => true,
        Require::Crowd => {
            !matches!(
                head,
                "spectators"
                    | "fans"
                    | "runners"
                    | "athletes"
                    | "players"
                    | "voters"
                    | "guests"
                    | "visitors"
                    | "tourists"
                    | "pilgrims"
                    | "worshippers"
                    | "worshipers"
            ) && !g
                .toks
                .is_some_and(|(_, l)| matches!(nonfig_at(toks, l), Some(NonFigure::VenueCrowd)))
                && matches!(g.class, "protesters" | "unspecified" | "civilians")
        }
        Require::Armed => g.toks.is_some() && g.class == "militants",
        Require::Alive => {
            // bodies pulled from the rubble are the dead, not the rescued
            if g.toks.is_none() || matches!(head, "bodies" | "body" | "corpses" | "remains") {
                return false;
            }
            head == "survivors"
                // "pulled alive", "were brought out alive after…"
                || (g.end..g.end + 6).any(|i| toks.get(i).is_some_and(|t| t.lower == "alive"))
                || rescue_place_after(toks, g.end)
        }
    }
}

/// "taken to [Halvern General and St Brigid's] hospitals": a hospital word within the
/// few words after the verb, before any punctuation that ends the phrase.
fn hospital_after(toks: &[Tok], from: usize) -> bool {
    for i in from..from + 8 {
        let Some(t) = toks.get(i) else { return false };
        if matches!(t.text, "," | ";" | ":" | "." | "(" | ")") {
            return false;
        }
        if matches!(
            t.lower.as_ref(),
            "hospital" | "hospitals" | "clinic" | "clinics" | "infirmary" | "hospice"
        ) {
            return true;
        }
    }
    false
}

/// "from the rubble", "out of the water", "from collapsed buildings": where people are
/// pulled out of alive. Looked for in the few words after the counted noun.
fn rescue_place_after(toks: &[Tok], from: usize) -> bool {
    let mut opened = false;
    for i in from..from + 8 {
        let Some(t) = toks.get(i) else { return false };
        if t.is_punct() && t.text != "-" {
            return false;
        }
        if matches!(t.lower.as_ref(), "from" | "out" | "off") {
            opened = true;
        } else if opened && matches!(nonfig_at(toks, i), Some(NonFigure::RescuePlace)) {
            return true;
        }
    }
    false
}

/// The head word of a counted noun phrase, lower-cased ("" when there is none).
fn group_head<'t>(toks: &'t [Tok], g: &GroupParse) -> &'t str {
    g.toks
        .and_then(|(_, l)| {
            // a closing quote may end the phrase
            let l = if toks.get(l).is_some_and(is_quote) {
                l.checked_sub(1)?
            } else {
                l
            };
            toks.get(l)
        })
        .map(|t| t.lower.as_ref())
        .unwrap_or("")
}

/// "hundreds of shoppers fled the building", "fans fled the stadium", "fled for cover":
/// running from a scene, not displacement. `me` is just after a bare "fled".
fn fled_a_scene(toks: &[Tok], g: &GroupParse, me: usize) -> bool {
    if let Some((_, l)) = g.toks {
        if matches!(nonfig_at(toks, l), Some(NonFigure::VenueCrowd)) {
            return true;
        }
    }
    let mut i = me;
    while i < me + 6 {
        let Some(t) = toks.get(i) else { return false };
        if matches!(
            nonfig_at(toks, i),
            Some(NonFigure::Venue | NonFigure::Occasion)
        ) {
            return true;
        }
        if !matches!(
            t.lower.as_ref(),
            "the" | "a" | "an" | "from" | "out" | "of" | "in" | "panic" | "terror" | "burning"
        ) {
            return false;
        }
        i += 1;
    }
    false
}

/// Ballots, polls, surveys, funerals, matches near a participants count: members who
/// "took part in the ballot" are voters and mourners who attended a funeral are no protest
/// crowd. Looks back a few words (a toll head such as "turnout
/// in the election") and forward to the end of the verb's own phrase.
fn vote_near(toks: &[Tok], a: usize, b: usize) -> bool {
    let ends = |t: &Tok| {
        matches!(t.text, "," | ";" | ":" | "(")
            || matches!(
                t.lower.as_ref(),
                "as" | "while" | "when" | "after" | "before" | "but" | "whereas"
            )
    };
    let mut i = a;
    while i > 0 && a - i < 8 {
        let Some(t) = toks.get(i - 1) else { break };
        if ends(t) {
            break;
        }
        i -= 1;
    }
    let mut j = a;
    while j < b + 9 {
        let Some(t) = toks.get(j) else { break };
        if j >= b && ends(t) {
            break;
        }
        j += 1;
    }
    (i..j).any(|k| match nonfig_at(toks, k) {
        Some(NonFigure::Vote) => true,
        // the occasion itself was attended, not protested outside
        Some(NonFigure::Occasion) => {
            // "attended the four-day music festival": the verb may sit several words back
            let attended = toks
                .get(a..k)
                .unwrap_or(&[])
                .iter()
                .any(|t| matches!(t.lower.as_ref(), "attended" | "attend" | "attending"));
            let lo = k.saturating_sub(4);
            let before = toks.get(lo..k).unwrap_or(&[]);
            (attended
                || before.iter().any(|t| {
                    matches!(
                        t.lower.as_ref(),
                        "attended" | "attend" | "attending" | "in" | "at" | "for"
                    )
                }))
                && !before.iter().any(|t| {
                    matches!(
                        t.lower.as_ref(),
                        "outside" | "near" | "against" | "during" | "before" | "after"
                    )
                })
        }
        _ => false,
    })
}

/// "the 118 acknowledged by the interior ministry": who gave a rival count, as a
/// sentence-relative byte span (the words after "by", up to punctuation or a preposition).
fn agent_after(toks: &[Tok], from: usize) -> Option<(usize, usize)> {
    let by = (from..from + 3).find(|&i| toks.get(i).is_some_and(|t| t.lower == "by"))?;
    let mut k = by + 1;
    if toks
        .get(k)
        .is_some_and(|t| matches!(t.lower.as_ref(), "the" | "a" | "an"))
    {
        k += 1;
    }
    let first = k;
    while k < first + 5 {
        let Some(t) = toks.get(k) else { break };
        if !t.is_word() || (is_stop(t) && k > first) || is_calendar(&t.lower) {
            break;
        }
        k += 1;
    }
    if k == first {
        return None;
    }
    Some(span_of(toks, first, k - 1))
}

/// Is the number at `np` a name, an ordinal, an age, a share, a price, a year or a time?
fn not_a_count(toks: &[Tok], np: &NumPhrase) -> bool {
    let Some(core) = toks.get(np.core_start) else {
        return true;
    };
    let last_core = toks.get(np.core_end.saturating_sub(1)).unwrap_or(core);
    let prev = np.start.checked_sub(1).and_then(|i| toks.get(i));
    let next = toks.get(np.end);
    if core.is_num() {
        if let Some(p) = prev {
            // G7, COVID-19, Boeing 737, Khabar 24
            if p.end == core.start && (p.is_word() || matches!(p.text, "#" | "№")) {
                return true;
            }
            if p.text == "-" && p.end == core.start {
                let pp = np.start.checked_sub(2).and_then(|i| toks.get(i));
                if pp.is_some_and(|x| x.is_word() && x.end == p.start) {
                    return true;
                }
            }
            if !np.qualified && p.is_word() && p.is_capitalised() && np.start > 1 {
                let lexical = LEX.metrics.longest_at(toks, np.start - 1).is_some()
                    || LEX.groups.longest_at(toks, np.start - 1).is_some()
                    || LEX.pre_qualifiers.longest_at(toks, np.start - 1).is_some()
                    || is_stop(p)
                    || is_calendar(&p.lower);
                if !lexical {
                    return true;
                }
            }
            if matches!(p.text, ":" | "/" | "." | "£" | "$" | "€" | "¥" | "₹" | "₽")
                && p.end == core.start
            {
                return true;
            }
        }
        // 7th, 1990s, 10am, 18-year-old, 10:30
        if let Some(n) = toks.get(np.core_end) {
            if n.start == last_core.end {
                let scale = LEX.scales.contains_key(n.lower.as_ref());
                if n.is_word() && !scale {
                    return true;
                }
                if matches!(n.text, ":" | "/") {
                    return true;
                }
                if n.text == "-"
                    && toks.get(np.core_end + 1).is_some_and(|w| {
                        w.is_word()
                            && w.start == n.end
                            && w.lower != "plus"
                            && !LEX.numbers.contains_key(w.lower.as_ref())
                    })
                {
                    return true;
                }
            }
        }
        // a year: four digits, no separator, no qualifier, after a date-ish word
        if core.text.len() == 4
            && np.kind == ValueKind::Exact
            && (1800..=2100).contains(&np.low)
            && prev.is_none_or(|p| {
                matches!(
                    p.lower.as_ref(),
                    "in" | "since"
                        | "from"
                        | "until"
                        | "by"
                        | "of"
                        | "the"
                        | "early"
                        | "late"
                        | "mid"
                        | "before"
                        | "after"
                        | "during"
                        | "and"
                        | "to"
                        | ","
                        | "’s"
                        | "'s"
                ) || is_calendar(&p.lower)
            })
        {
            return true;
        }
    }
    // "the youngest person arrested is 13", "the oldest victim was 91": an age
    if prev.is_some_and(|p| matches!(p.lower.as_ref(), "is" | "was" | "aged"))
        && toks.get(..np.start).is_some_and(|b| {
            b.iter()
                .any(|t| matches!(t.lower.as_ref(), "youngest" | "oldest"))
        })
    {
        return true;
    }
    // "no one", "the one", "each one"
    if np.is_one
        && prev.is_some_and(|p| {
            matches!(
                p.lower.as_ref(),
                "no" | "the" | "any" | "every" | "each" | "someone" | "anyone" | "this" | "that"
            )
        })
    {
        return true;
    }
    if np.is_one && next.is_some_and(|n| matches!(n.lower.as_ref(), "of" | "another" | "day")) {
        // "one of the injured said" is not a count; "one of them police" is handled as a
        // breakdown below with an explicit check
        let them = toks
            .get(np.end + 1)
            .is_some_and(|t| matches!(t.lower.as_ref(), "them" | "whom" | "those"));
        if !them {
            return true;
        }
    }
    // 98%, 3 percent, $3 million, 3 million tenge
    if let Some(nf) = nonfig_at(toks, np.end) {
        if matches!(nf, NonFigure::Percent | NonFigure::Money) {
            return true;
        }
    }
    if let Some(p) = prev {
        if matches!(p.text, "$" | "£" | "€" | "¥" | "₹" | "₽") {
            return true;
        }
        if matches!(nonfig_at(toks, np.start - 1), Some(NonFigure::Age)) {
            return true;
        }
        if np.start >= 2
            && p.lower == "of"
            && toks.get(np.start - 2).is_some_and(|a| a.lower == "age")
        {
            return true;
        }
        if matches!(
            p.lower.as_ref(),
            "no." | "number" | "No" | "page" | "article" | "route"
        ) {
            return true;
        }
    }
    if let Some(n) = next {
        if matches!(nonfig_at(toks, np.end), Some(NonFigure::Age)) {
            return true;
        }
        if n.lower == "years" && toks.get(np.end + 1).is_some_and(|t| t.lower == "old") {
            return true;
        }
    }
    false
}

fn is_calendar(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "jan."
            | "feb."
            | "aug."
            | "sept."
            | "oct."
            | "nov."
            | "dec."
    )
}

/// What the words after a count say about it.
#[derive(Debug, Clone)]
struct Reading {
    metric: &'static str,
    group: GroupParse,
    /// Group tokens adjacent to the number (part of the span).
    adjacent_group: bool,
    hedged: bool,
    /// Needs the previous figure of the sentence (breakdowns).
    parent: bool,
    end: usize,
    shape: &'static str,
}

/// count [of] noun-phrase [pp] [aux] metric
fn read_right(toks: &[Tok], text: &str, np: &NumPhrase) -> Option<Reading> {
    let mut j = np.end;
    // breakdowns: "12 of them police", "two of whom were children", "two of those killed"
    if toks.get(j).is_some_and(|t| t.lower == "of") {
        let w2 = toks.get(j + 1).map(|t| t.lower.as_ref()).unwrap_or("");
        if np.needs_group {
            // "some of them", "some of the missing": a determiner, not a count
            return None;
        }
        if matches!(w2, "them" | "whom" | "these" | "those" | "the" | "which") {
            let mut k = j + 2;
            // "of those killed were children", "41 of the deaths occurred in …"
            if let Some((me, m)) = metric_at(toks, k).filter(|(_, m)| m.pp || m.toll || m.noun) {
                if matches!(w2, "those" | "the" | "these") {
                    k = me;
                    let copula = toks.get(k).is_some_and(|t| {
                        matches!(
                            t.lower.as_ref(),
                            "were" | "was" | "are" | "is" | "included" | "include" | "includes"
                        )
                    });
                    let g = if copula {
                        let (ae, _, _, neg) = parse_aux(toks, k);
                        if neg {
                            return None;
                        }
                        let ae = if toks.get(ae).is_some_and(|t| t.lower.starts_with("includ")) {
                            ae + 1
                        } else {
                            ae
                        };
                        parse_group(toks, ae)
                    } else {
                        parse_group(toks, k)
                    };
                    let g = if g.things || g.nogroup || !copula {
                        GroupParse {
                            end: k,
                            toks: None,
                            class: "unspecified",
                            things: false,
                            nogroup: false,
                        }
                    } else {
                        g
                    };
                    return Some(Reading {
                        metric: m.metric,
                        end: g.end.max(k),
                        group: g,
                        adjacent_group: false,
                        hedged: false,
                        parent: false,
                        shape: "breakdown-of-metric",
                    });
                }
            }
            if matches!(w2, "them" | "whom" | "these") {
                // parent's metric; own group, place or severity
                let (ae, _, _, neg) = parse_aux(toks, k);
                if neg {
                    return None;
                }
                // "12 of them were killed", "of whom 160 remain in hospital": own metric
                if let Some((me, m)) = metric_at(toks, ae).filter(|(_, m)| m.pp || m.vi) {
                    return Some(Reading {
                        metric: m.metric,
                        group: GroupParse {
                            end: ae,
                            toks: None,
                            class: "unspecified",
                            things: false,
                            nogroup: false,
                        },
                        adjacent_group: false,
                        hedged: false,
                        parent: true,
                        end: me,
                        shape: "breakdown-own-metric",
                    });
                }
                let g = parse_group(toks, ae);
                if g.things || g.nogroup {
                    return None;
                }
                if let Some((me, m)) = metric_at(toks, g.end).filter(|(_, m)| m.pp || m.vi) {
                    return Some(Reading {
                        metric: m.metric,
                        group: g,
                        adjacent_group: false,
                        hedged: false,
                        parent: true,
                        end: me,
                        shape: "breakdown-own-metric",
                    });
                }
                return Some(Reading {
                    metric: "",
                    end: g.end.max(ae),
                    group: g,
                    adjacent_group: false,
                    hedged: false,
                    parent: true,
                    shape: "breakdown-of-them",
                });
            }
            // "two of the officers were killed"
            j += 2;
        } else if matches!(w2, "its" | "their" | "our" | "his" | "her") {
            // "27 of its members", "Eighteen of our patients"
            j += 2;
        } else if np.kind == ValueKind::Vague || !np.digits {
            // "dozens of protesters", "thousands of people"
            j += 1;
        } else {
            return None;
        }
    }
    let g = parse_group(toks, j);
    // survivors are no toll, except as the ones rescued: "17 survivors were pulled out"
    let rescued_survivors = g.nogroup
        && group_head(toks, &g) == "survivors"
        && metric_at(toks, parse_aux(toks, g.end).0).is_some_and(|(_, m)| m.metric == "rescued");
    if g.things || (g.nogroup && !rescued_survivors) {
        return None;
    }
    if np.needs_group && g.toks.is_none() {
        return None;
    }
    let adjacent_group = g.toks.is_some() && g.toks.is_some_and(|(a, _)| a <= np.end + 2);
    let mut k = g.end;
    // "3 police officers and 2 civilians were killed": skip coordinated counts
    if g.toks.is_some() {
        let mut hops = 0;
        while hops < 3
            && toks
                .get(k)
                .is_some_and(|t| t.lower == "and" || t.text == ",")
        {
            let Some(np2) = parse_at(toks, text, k + 1) else {
                break;
            };
            let g2 = parse_group(toks, np2.end);
            if g2.toks.is_none() || g2.things || g2.nogroup {
                break;
            }
            k = g2.end;
            hops += 1;
        }
    }
    // "1,842 civilian deaths", "12 police arrests": a one-word group before the noun
    if let Some((a, b)) = g.toks.filter(|(a, b)| a == b && !g.things && !g.nogroup) {
        if let Some((me, m)) = metric_at(toks, b + 1).filter(|(_, m)| m.noun && !m.pp) {
            return Some(Reading {
                metric: m.metric,
                group: GroupParse {
                    end: me,
                    toks: Some((a, b)),
                    ..g
                },
                adjacent_group: true,
                hedged: false,
                parent: false,
                end: me,
                shape: "count-noun",
            });
        }
    }
    // count noun: "18 deaths", "50 arrests"
    if g.toks.is_none() {
        if let Some((me, m)) = metric_at(toks, k).filter(|(_, m)| m.noun && !m.pp) {
            return Some(Reading {
                metric: m.metric,
                group: g,
                adjacent_group: false,
                hedged: false,
                parent: false,
                end: me,
                shape: "count-noun",
            });
        }
    }
    // parenthetical: ", including five children," / "(mostly civilians)"
    if let Some(t) = toks.get(k) {
        if t.text == "," || t.text == "(" {
            let opener = toks.get(k + 1).map(|x| x.lower.as_ref()).unwrap_or("");
            let closer = if t.text == "(" { ")" } else { "," };
            if t.text == "("
                || matches!(
                    opener,
                    "including"
                        | "mostly"
                        | "mainly"
                        | "most"
                        | "many"
                        | "among"
                        | "all"
                        | "some"
                        | "both"
                        | "largely"
                        | "nearly"
                        | "almost"
                        | "half"
                        // an apposition: "One hostage, the coach's driver, was killed"
                        | "the"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "their"
                )
            {
                let mut m = k + 1;
                while m < k + 16 {
                    match toks.get(m) {
                        Some(x) if x.text == closer => break,
                        Some(_) => m += 1,
                        None => break,
                    }
                }
                if toks.get(m).is_some_and(|x| x.text == closer) {
                    k = m + 1;
                }
            }
        }
    }
    let try_at = |start: usize| -> Option<Reading> {
        let (ae, forecast, hedged, negated) = parse_aux(toks, start);
        if forecast || negated {
            return None;
        }
        let (me, m) = metric_at(toks, ae)?;
        if !(m.pp || m.vi) {
            return None;
        }
        // "N were held" needs an auxiliary: a bare "held" is too often "held talks"
        if ae == start && matches!(toks.get(ae).map(|t| t.lower.as_ref()), Some("held")) {
            return None;
        }
        if m.metric == "displaced"
            && me
                .checked_sub(1)
                .and_then(|x| toks.get(x))
                .is_some_and(|t| matches!(t.lower.as_ref(), "fled" | "flee" | "flees"))
            && fled_a_scene(toks, &g, me)
        {
            return None;
        }
        if mixed_after(toks, me, m.metric) {
            return None;
        }
        if m.require == Require::Hospital && !hospital_after(toks, me) {
            return None;
        }
        // "5,000 fans crossed into Belgium for the final": a crowd on the move, not displaced
        if m.metric == "displaced"
            && g.toks
                .is_some_and(|(_, l)| matches!(nonfig_at(toks, l), Some(NonFigure::VenueCrowd)))
        {
            return None;
        }
        let mut group = g.clone();
        let mut end = me;
        let mut metric = m.metric;
        let mut require = m.require;
        let mut hedged = hedged;
        if group.toks.is_none() {
            let g2 = parse_group(toks, me);
            if g2.toks.is_some() && !g2.things && !g2.nogroup {
                // "several wounded patients had died": the participle is an adjective
                let (ae2, forecast2, hedged2, negated2) = parse_aux(toks, g2.end);
                let later = metric_at(toks, ae2).filter(|(_, m2)| m2.pp || m2.vi);
                if ae == start && ae2 > g2.end && later.is_some() {
                    if forecast2 || negated2 {
                        return None;
                    }
                    let (me2, m2) = later?;
                    metric = m2.metric;
                    require = m2.require;
                    hedged = hedged || hedged2;
                    end = me2;
                    group = GroupParse {
                        toks: g2.toks.map(|(_, b)| (ae, b)),
                        ..g2
                    };
                } else {
                    // "18 wounded soldiers", "30 dead protesters"
                    end = g2.end;
                    group = g2;
                }
            } else if m.pp
                && g2.toks.is_some_and(|(a, _)| {
                    a == me
                        && toks.get(a).is_some_and(|h| {
                            g2.nogroup
                                || (h.lower.ends_with('s')
                                    && !h.is_capitalised()
                                    && !is_calendar(&h.lower))
                        })
                })
            {
                // "three injured forwards", "two dead horses": the participle describes
                // something that is not a group of people
                return None;
            }
        }
        if !require_ok(require, &group, toks) {
            return None;
        }
        Some(Reading {
            metric,
            group,
            adjacent_group,
            hedged,
            parent: false,
            end,
            shape: "count-verb",
        })
    };
    if let Some(r) = try_at(k) {
        return Some(r);
    }
    // "18 people in the capital were killed", "23 people suspected of looting were detained"
    let opens_phrase = |t: &Tok| {
        (PREPS.contains(&t.lower.as_ref()) && t.lower != "of")
            || (t.lower == "of" && g.toks.is_some())
            || matches!(
                t.lower.as_ref(),
                "suspected" | "accused" | "linked" | "wanted" | "who" | "aged"
            )
    };
    if toks.get(k).is_some_and(opens_phrase) {
        let mut m = k + 1;
        while m < k + 9 {
            let Some(x) = toks.get(m) else { break };
            if !(x.is_word() || matches!(x.text, "’" | "'" | "-")) {
                break;
            }
            if metric_at(toks, m).is_some_and(|(_, e)| e.pp || e.vi)
                || AUX.contains(&x.lower.as_ref())
            {
                if let Some(r) = try_at(m) {
                    return Some(r);
                }
                if toks.get(k).is_some_and(|t| t.lower == "who") {
                    // "who had gathered": the relative clause's verb is the metric
                    break;
                }
                break;
            }
            m += 1;
        }
    }
    // breakdown by severity without its own verb: "12 seriously", "three critically"
    if g.toks.is_none()
        && toks.get(k).is_some_and(|t| {
            matches!(
                t.lower.as_ref(),
                "seriously" | "critically" | "severely" | "gravely" | "badly" | "fatally"
            )
        })
        && toks
            .get(k + 1)
            .is_none_or(|t| t.is_punct() || t.lower == "and")
    {
        return Some(Reading {
            metric: "",
            group: g,
            adjacent_group: false,
            hedged: false,
            parent: true,
            end: k + 1,
            shape: "breakdown-severity",
        });
    }
    // "two bodies were recovered", "received 14 bodies"
    let head = g
        .toks
        .and_then(|(_, l)| toks.get(l))
        .map(|t| t.lower.as_ref())
        .unwrap_or("");
    if head == "bodies" {
        return Some(Reading {
            metric: "killed",
            end: g.end,
            group: GroupParse {
                class: "unspecified",
                ..g
            },
            adjacent_group,
            hedged: false,
            parent: false,
            shape: "bodies",
        });
    }
    // "more than 2,000 refugees had arrived": refugees are the displaced (spec), when the
    // count is the subject of a clause ("a novel about 40 refugees who…" is not)
    let clause_follows = toks.get(g.end).is_some_and(|t| {
        AUX.contains(&t.lower.as_ref()) || (t.lower.ends_with("ed") && !t.is_capitalised())
    });
    if matches!(head, "refugees" | "refugee" | "asylum-seekers") && !g.nogroup && clause_follows {
        return Some(Reading {
            metric: "displaced",
            end: g.end,
            group: g,
            adjacent_group,
            hedged: false,
            parent: false,
            shape: "refugees",
        });
    }
    // a crowd: protesters counted at an event, or people gathering
    if g.toks.is_some() || np.kind == ValueKind::Vague {
        let crowd_head = matches!(
            head,
            "protesters" | "protestors" | "demonstrators" | "marchers"
        );
        let mut m = k;
        let mut verb = false;
        while m < k + 10 {
            let Some(x) = toks.get(m) else { break };
            if x.is_num() || matches!(x.text, ";" | ":" | "(") {
                break;
            }
            // "in the year to March": the month is no march
            if !x.is_capitalised()
                && matches!(
                    x.lower.as_ref(),
                    "gather"
                        | "gathered"
                        | "rally"
                        | "rallied"
                        | "march"
                        | "marched"
                        | "protest"
                        | "protested"
                        | "demonstrate"
                        | "demonstrated"
                )
            {
                verb = true;
                break;
            }
            m += 1;
        }
        if (crowd_head || verb) && require_ok(Require::Crowd, &g, toks) {
            return Some(Reading {
                metric: "participants",
                end: g.end,
                group: g,
                adjacent_group,
                hedged: false,
                parent: false,
                shape: "crowd",
            });
        }
    }
    None
}

/// "held four guards hostage", "are holding 30 people captive", "took 12 tourists
/// hostage": the count sits between the verb and "hostage", so no phrase entry covers it.
fn read_held_captive(toks: &[Tok], np: &NumPhrase) -> Option<Reading> {
    let v = np.start.checked_sub(1).and_then(|i| toks.get(i))?;
    if !matches!(
        v.lower.as_ref(),
        "held" | "holding" | "hold" | "holds" | "took" | "taken" | "taking" | "take" | "kept"
    ) {
        return None;
    }
    let captive = |t: &Tok| {
        matches!(
            t.lower.as_ref(),
            "hostage" | "hostages" | "captive" | "captives"
        )
    };
    let g = parse_group(toks, np.end);
    let (a, l) = g.toks?;
    // "four guards hostage" parses as one phrase: the last word is the verb's complement
    let (l, end) = if toks.get(l).is_some_and(captive) && l > a {
        (l - 1, l + 1)
    } else if toks.get(g.end).is_some_and(captive) {
        (l, g.end + 1)
    } else {
        return None;
    };
    let class = LEX.groups.longest_ending_at(toks, l + 1).map(|(_, c)| *c)?;
    if matches!(nonfig_at(toks, l), Some(NonFigure::NoGroup)) {
        return None;
    }
    let g = GroupParse {
        end: l + 1,
        toks: Some((a, l)),
        class,
        things: false,
        nogroup: false,
    };
    Some(Reading {
        metric: "detained",
        adjacent_group: true,
        end,
        group: g,
        hedged: false,
        parent: false,
        shape: "verb-count",
    })
}

/// "Deaths: 61 (5 in the last 24 hours)": a count in brackets right after a figure, for a
/// recent period, is a breakdown of that figure by time.
fn read_paren_breakdown(toks: &[Tok], np: &NumPhrase) -> Option<Reading> {
    let open = np.start.checked_sub(1).and_then(|i| toks.get(i))?;
    if open.text != "(" {
        return None;
    }
    let w = |k: usize| toks.get(np.end + k).map(|t| t.lower.as_ref()).unwrap_or("");
    let recent = (matches!(w(0), "in" | "over" | "during")
        && matches!(w(1), "the")
        && matches!(w(2), "last" | "past"))
        || matches!(w(0), "today" | "yesterday" | "overnight");
    if !recent {
        return None;
    }
    let close = (np.end..np.end + 8).find(|&k| toks.get(k).is_some_and(|t| t.text == ")"))?;
    Some(Reading {
        metric: "",
        group: GroupParse {
            end: np.end,
            toks: None,
            class: "unspecified",
            things: false,
            nogroup: false,
        },
        adjacent_group: false,
        hedged: false,
        parent: true,
        end: close,
        shape: "breakdown-period",
    })
}

/// metric-verb count: "killing at least 26", "arrested 50 protesters"
fn read_left_verb(toks: &[Tok], np: &NumPhrase) -> Option<Reading> {
    let (vs, m) = LEX.metrics.longest_ending_at(toks, np.start)?;
    if !m.vt {
        return None;
    }
    // "vowed to kill 100", "could kill thousands"
    if let Some(p) = vs.checked_sub(1).and_then(|i| toks.get(i)) {
        if p.lower == "to" || MODALS.contains(&p.lower.as_ref()) {
            return None;
        }
        if matches!(nonfig_at(toks, vs - 1), Some(NonFigure::Forecast)) {
            return None;
        }
    }
    let mut j = np.end;
    if toks.get(j).is_some_and(|t| t.lower == "of")
        && toks.get(j + 1).is_some_and(|t| {
            matches!(
                t.lower.as_ref(),
                "them" | "the" | "those" | "their" | "his" | "her" | "its" | "our"
            )
        })
    {
        j += 2;
    } else if toks.get(j).is_some_and(|t| t.lower == "of") && !np.digits {
        j += 1;
    }
    let g = parse_group(toks, j);
    let rescued_survivors = m.metric == "rescued" && group_head(toks, &g) == "survivors";
    if g.things || (g.nogroup && !rescued_survivors) {
        return None;
    }
    if np.needs_group && g.toks.is_none() {
        return None;
    }
    // "the crash killed 3 and injured 12" is fine; "killed 3 in 2019" too; but a count
    // directly followed by a pp of another metric is a different shape ("injuring 5 killed")
    if !require_ok(m.require, &g, toks) {
        return None;
    }
    Some(Reading {
        metric: m.metric,
        adjacent_group: g.toks.is_some(),
        end: g.end.max(np.end),
        group: g,
        hedged: false,
        parent: false,
        shape: "verb-count",
    })
}

/// toll link count: "the death toll rose to 300", "the number of detainees reached 3,000"
fn read_left_toll(
    toks: &[Tok],
    np: &NumPhrase,
    blocked: &[bool],
    prev_metric: Option<&'static str>,
) -> Option<Reading> {
    let mut k = np.start;
    let mut links = 0;
    let mut skipped = 0;
    while k > 0 && links < 6 && skipped < 8 {
        let t = toks.get(k - 1)?;
        if LINKS.contains(&t.lower.as_ref()) || is_adverb(&t.lower) {
            k -= 1;
            links += 1;
        } else if links > 0
            && (blocked.get(k - 1).copied().unwrap_or(false)
                || matches!(t.text, ",")
                || matches!(t.lower.as_ref(), "on" | "again" | "by" | "late" | "early"))
        {
            // "rose again on Tuesday, to 19": a date and a comma inside the link
            k -= 1;
            skipped += 1;
        } else {
            break;
        }
    }
    if links == 0 {
        return None;
    }
    // "rose by 20" is an increment, and "by" is not a link: nothing to do.
    // the head: scan back over a short prepositional phrase
    let link_start = k;
    let mut h = link_start;
    let mut steps = 0;
    let mut metric: Option<&'static str> = None;
    let mut toll_noun = false;
    // "The death toll from Thursday's magnitude 6.9 earthquake in the north has risen to
    // 312": the head's prepositional phrase may hold a possessive and a number
    while h > 0 && steps < 16 {
        let t = toks.get(h - 1)?;
        if !(t.is_word() || t.is_num() || matches!(t.text, "’" | "'" | "-" | "’s" | "'s")) {
            break;
        }
        // "since the unrest began on 3 May": the month, not the modal
        let month = t.text == "May" && h >= 2;
        if !month
            && (matches!(nonfig_at(toks, h - 1), Some(NonFigure::Forecast))
                || MODALS.contains(&t.lower.as_ref()))
        {
            return None;
        }
        if matches!(
            t.lower.as_ref(),
            "said" | "says" | "and" | "but" | "while" | "that" | "reported" | "told"
        ) {
            break;
        }
        if TOLL_NOUNS.contains(&t.lower.as_ref()) {
            toll_noun = true;
            let before = h.checked_sub(2).and_then(|i| toks.get(i));
            if before.is_some_and(|b| matches!(b.lower.as_ref(), "casualty" | "casualties")) {
                return None;
            }
            if t.lower == "toll" || t.lower == "tally" {
                if let Some((_, m)) = before.and_then(|_| LEX.metrics.longest_ending_at(toks, h)) {
                    metric = Some(m.metric);
                } else if metric.is_none() {
                    // "his goal tally rose to 12", "the medal tally this season": a score
                    let score = (h.saturating_sub(2)..link_start).any(|i| {
                        matches!(nonfig_at(toks, i), Some(NonFigure::Score | NonFigure::Vote))
                    });
                    if score {
                        return None;
                    }
                    metric = Some("killed");
                }
                break;
            }
        } else if let Some((_, m)) = metric_at(toks, h - 1) {
            if metric.is_none() && (m.toll || m.noun || m.pp) {
                metric = Some(m.metric);
                if m.toll && !m.pp {
                    // "deaths rose to", "the number of detainees reached": keep looking
                    // for "number of" but the metric is set
                }
            }
        }
        h -= 1;
        steps += 1;
    }
    let vote_words = toks.iter().any(|t| {
        matches!(
            t.lower.as_ref(),
            "vote" | "votes" | "ballot" | "ballots" | "election" | "poll" | "polls" | "turnout"
        )
    });
    let metric = match metric {
        Some(m) => m,
        None if toll_noun && !vote_words => prev_metric.or_else(|| {
            let head_count = (h..link_start).any(|i| {
                toks.get(i)
                    .is_some_and(|t| matches!(t.lower.as_ref(), "count" | "toll" | "tally"))
            });
            head_count.then_some("killed")
        })?,
        None => return None,
    };
    // a bare participle ("killed rose to") is only a toll inside "number of …"
    if !toll_noun {
        let head_is_toll = (h..link_start).any(|i| {
            metric_at(toks, i).is_some_and(|(_, m)| m.toll || m.noun)
                && toks.get(i).is_some_and(|t| t.lower != "held")
        });
        if !head_is_toll {
            return None;
        }
    }
    let mut j = np.end;
    if toks.get(j).is_some_and(|t| t.lower == "of") && !np.digits {
        j += 1;
    }
    let g = parse_group(toks, j);
    if g.things || g.nogroup {
        return None;
    }
    let adjacent_group = g.toks.is_some();
    let mut group = g;
    // "the number of law enforcement officers killed rose to 23": the group is in the head
    if group.toks.is_none() {
        if let Some(of) = (h..link_start).find(|&i| {
            toks.get(i).is_some_and(|t| t.lower == "of")
                && i.checked_sub(1)
                    .and_then(|x| toks.get(x))
                    .is_some_and(|t| matches!(t.lower.as_ref(), "number" | "count"))
        }) {
            let hg = parse_group(toks, of + 1);
            if hg.toks.is_some() && !hg.things && !hg.nogroup && hg.end <= link_start {
                group = GroupParse { end: np.end, ..hg };
            }
        }
    }
    Some(Reading {
        metric,
        adjacent_group,
        end: group.end.max(np.end),
        group,
        hedged: false,
        parent: false,
        shape: "toll-link-count",
    })
}

/// "the Health Ministry's latest toll", "the government's count": who owns a toll phrase
/// before the count, as a sentence-relative byte span without the possessive ending.
fn toll_possessor(toks: &[Tok], np_start: usize) -> Option<(usize, usize)> {
    let lo = np_start.saturating_sub(14);
    let noun = (lo..np_start).rev().find(|&i| {
        toks.get(i)
            .is_some_and(|t| TOLL_NOUNS.contains(&t.lower.as_ref()))
    })?;
    let mut k = noun;
    // adjectives between the owner and the noun: "latest", "official", "death"
    while k > lo {
        let t = toks.get(k - 1)?;
        if t.lower.ends_with("’s") || t.lower.ends_with("'s") {
            break;
        }
        let adjective = matches!(
            t.lower.as_ref(),
            "latest"
                | "official"
                | "own"
                | "previous"
                | "new"
                | "updated"
                | "revised"
                | "provisional"
                | "confirmed"
                | "death"
                | "overall"
                | "total"
                | "final"
                | "initial"
                | "earlier"
                | "daily"
                | "last"
                | "most"
                | "recent"
                | "first"
        );
        if !adjective || k + 3 < noun {
            return None;
        }
        k -= 1;
    }
    let poss = toks.get(k.checked_sub(1)?)?;
    if !(poss.lower.ends_with("’s") || poss.lower.ends_with("'s")) {
        return None;
    }
    let strip = if poss.text.ends_with("’s") {
        "’s".len()
    } else {
        2
    };
    let end = poss.end - strip;
    let mut start = poss.start;
    // "Health Ministry's": the capitalised words before belong to the name
    let mut b = k - 1;
    while b > 0
        && toks
            .get(b - 1)
            .is_some_and(|t| t.is_word() && t.is_capitalised())
    {
        b -= 1;
        start = toks.get(b)?.start;
    }
    if matches!(poss.lower.as_ref(), "its’s" | "it's") {
        return None;
    }
    Some((start, end.max(start)))
}

/// "Killed: at least 52 people" in a fact box.
fn read_bulletin(toks: &[Tok], np: &NumPhrase) -> Option<Reading> {
    let colon = np.start.checked_sub(1).and_then(|i| toks.get(i))?;
    if colon.text != ":" {
        return None;
    }
    let (me, m) = LEX.metrics.longest_ending_at(toks, np.start - 1)?;
    let lead = toks.get(..me)?;
    if !lead.iter().all(|t| t.is_punct()) {
        return None;
    }
    let mut j = np.end;
    if toks.get(j).is_some_and(|t| t.lower == "of") && !np.digits {
        j += 1;
    }
    let g = parse_group(toks, j);
    if g.things || g.nogroup {
        return None;
    }
    Some(Reading {
        metric: m.metric,
        adjacent_group: g.toks.is_some(),
        end: g.end.max(np.end),
        group: g,
        hedged: false,
        parent: false,
        shape: "bulletin",
    })
}

/// Counts that lean on the figure just before them: "41 in the capital, 7 in the north and
/// 4 in the south"; "rose to 41 on Friday and to 44 on Sunday"; "up from 31".
fn read_elliptic(
    toks: &[Tok],
    np: &NumPhrase,
    out: &[Candidate],
    ends: &[usize],
) -> Option<Reading> {
    let prev = out.last()?;
    let pe = *ends.last()?;
    if np.start < pe || np.start - pe > 14 || toks.get(pe..np.start)?.iter().any(|t| t.text == ";")
    {
        return None;
    }
    let w = |i: usize| toks.get(i).map(|t| t.lower.as_ref()).unwrap_or("");
    let before = np.start.checked_sub(1).map(w).unwrap_or("");
    let before2 = np.start.checked_sub(2).map(w).unwrap_or("");
    let empty = GroupParse {
        end: np.end,
        toks: None,
        class: "unspecified",
        things: false,
        nogroup: false,
    };
    // "far more than the 118 acknowledged by the ministry", "compared with the 40 reported
    // earlier": a rival count of the toll just given, credited to someone else
    if before == "the"
        && matches!(
            before2,
            "than" | "with" | "to" | "against" | "versus" | "vs" | "vs." | "over"
        )
    {
        let g = parse_group(toks, np.end);
        let g = if g.toks.is_some() && !g.things && !g.nogroup {
            g
        } else {
            empty.clone()
        };
        let reported = toks.get(g.end).is_some_and(|t| {
            matches!(
                t.lower.as_ref(),
                "acknowledged"
                    | "admitted"
                    | "reported"
                    | "confirmed"
                    | "announced"
                    | "given"
                    | "cited"
                    | "claimed"
                    | "recorded"
                    | "registered"
                    | "counted"
                    | "listed"
                    | "stated"
                    | "published"
                    | "released"
            )
        });
        if reported {
            return Some(Reading {
                metric: prev.metric,
                adjacent_group: g.toks.is_some(),
                end: g.end.max(np.end) + 1,
                group: g,
                hedged: false,
                parent: false,
                shape: "comparison",
            });
        }
    }
    // place ellipsis
    if matches!(w(np.end), "in" | "at") && matches!(before, "," | "and") {
        return Some(Reading {
            metric: prev.metric,
            group: empty,
            adjacent_group: false,
            hedged: false,
            parent: true,
            end: np.end,
            shape: "breakdown-place",
        });
    }
    if prev.shape == "toll-link-count" {
        let again = (matches!(before, "to" | "at") && matches!(before2, "and" | ","))
            || (before == "from" && matches!(before2, "up" | "down" | "rise" | "rising" | ","));
        let g = parse_group(toks, np.end);
        let g = if g.things || g.nogroup { empty } else { g };
        if again {
            return Some(Reading {
                metric: prev.metric,
                adjacent_group: g.toks.is_some(),
                end: g.end.max(np.end),
                group: g,
                hedged: false,
                parent: false,
                shape: "toll-link-count",
            });
        }
    }
    None
}

/// "killing 19 children and two teachers": a count coordinated with a verb's object.
fn read_coordinated_object(
    toks: &[Tok],
    np: &NumPhrase,
    out: &[Candidate],
    rends: &[usize],
) -> Option<Reading> {
    let prev = out.last()?;
    let pend = *rends.last()?;
    if !matches!(prev.shape, "verb-count" | "breakdown-including") || pend + 1 != np.start {
        return None;
    }
    if !toks
        .get(pend)
        .is_some_and(|t| t.lower == "and" || t.text == ",")
    {
        return None;
    }
    let g = parse_group(toks, np.end);
    if g.toks.is_none() || g.things || g.nogroup {
        return None;
    }
    Some(Reading {
        metric: prev.metric,
        adjacent_group: true,
        end: g.end,
        group: g,
        hedged: false,
        parent: false,
        shape: prev.shape,
    })
}

/// "including five children", "among them 12 police", "among the dead were 12 children"
fn read_left_breakdown(toks: &[Tok], np: &NumPhrase) -> Option<Reading> {
    let p = np.start.checked_sub(1).and_then(|i| toks.get(i))?;
    let mut metric = "";
    let ok = match p.lower.as_ref() {
        "including" | "includes" | "included" | "include" => true,
        // "including a pregnant woman and four minors"
        "and" => {
            (2..8).any(|b| {
                np.start
                    .checked_sub(b)
                    .and_then(|i| toks.get(i))
                    .is_some_and(|t| t.lower == "including")
            }) && !toks
                .get(np.start.saturating_sub(8)..np.start)
                .is_some_and(|w| w.iter().any(|t| matches!(t.text, ";" | "." | "(" | ")")))
        }
        "them" | "whom" => np
            .start
            .checked_sub(2)
            .and_then(|i| toks.get(i))
            .is_some_and(|t| t.lower == "among" || t.lower == "of"),
        "were" | "was" | "are" => {
            // among the dead were N …
            let mut found = false;
            for back in 2..6 {
                let Some(i) = np.start.checked_sub(back) else {
                    break;
                };
                if let Some((_, m)) = metric_at(toks, i).filter(|(_, m)| m.pp || m.toll) {
                    let among = (1..4).any(|b| {
                        i.checked_sub(b)
                            .and_then(|x| toks.get(x))
                            .is_some_and(|t| t.lower == "among")
                    });
                    if among {
                        metric = m.metric;
                        found = true;
                    }
                    break;
                }
            }
            found
        }
        _ => false,
    };
    if !ok {
        return None;
    }
    let mut j = np.end;
    if toks.get(j).is_some_and(|t| t.lower == "of") && !np.digits {
        j += 1;
    }
    let g = parse_group(toks, j);
    if g.things || g.nogroup {
        return None;
    }
    // "including 3 in the capital": place breakdown keeps the parent's group
    Some(Reading {
        metric,
        adjacent_group: g.toks.is_some(),
        end: g.end.max(np.end),
        group: g,
        hedged: false,
        parent: metric.is_empty(),
        shape: "breakdown-including",
    })
}

fn span_of(toks: &[Tok], a: usize, b_incl: usize) -> (usize, usize) {
    let s = toks.get(a).map(|t| t.start).unwrap_or(0);
    let e = toks.get(b_incl).map(|t| t.end).unwrap_or(s);
    (s, e.max(s))
}

/// Find the tolls in one sentence. `blocked` are sentence-relative byte ranges (dates,
/// names) whose numbers are never counts.
pub fn detect(sentence: &str, blocked: &[(usize, usize)]) -> Vec<Candidate> {
    if !crate::lexicon::may_hold_toll(sentence) {
        return Vec::new();
    }
    let toks = tokenize(sentence);
    let mut out: Vec<Candidate> = Vec::new();
    // token index just after each candidate's number, for group sharing
    let mut ends: Vec<usize> = Vec::new();
    // token index just after each candidate's reading
    let mut rends: Vec<usize> = Vec::new();
    let blocked_tok: Vec<bool> = toks
        .iter()
        .map(|t| blocked.iter().any(|&(a, b)| a < t.end && t.start < b))
        .collect();
    let stats = (0..toks.len()).any(|x| matches!(nonfig_at(&toks, x), Some(NonFigure::Stats)));
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let maybe = t.is_num()
            || (t.is_word()
                && (LEX
                    .numbers
                    .contains_key(t.lower.split('-').next().unwrap_or(""))
                    || LEX.vague.longest_at(&toks, i).is_some()
                    || LEX.pre_qualifiers.longest_at(&toks, i).is_some()
                    || t.lower == "between"));
        if !maybe {
            i += 1;
            continue;
        }
        let Some(np) = parse_at(&toks, sentence, i) else {
            i += 1;
            continue;
        };
        let core_span = span_of(&toks, np.core_start, np.core_end.saturating_sub(1));
        if blocked
            .iter()
            .any(|&(a, b)| a < core_span.1 && core_span.0 < b)
            || not_a_count(&toks, &np)
        {
            i = np.end.max(i + 1);
            continue;
        }
        // "the toll could reach 100": a forecast, whatever follows
        let forecast = (1..=4).any(|b| {
            np.start
                .checked_sub(b)
                .and_then(|x| toks.get(x))
                .is_some_and(|t| {
                    matches!(
                        t.lower.as_ref(),
                        "reach"
                            | "rise"
                            | "climb"
                            | "exceed"
                            | "top"
                            | "hit"
                            | "surpass"
                            | "pass"
                            | "double"
                            | "increase"
                            | "grow"
                    ) && (1..=3).any(|c| {
                        (np.start - b)
                            .checked_sub(c)
                            .and_then(|y| toks.get(y))
                            .is_some_and(|m| {
                                MODALS.contains(&m.lower.as_ref())
                                    || matches!(
                                        nonfig_at(&toks, np.start - b - c),
                                        Some(NonFigure::Forecast)
                                    )
                                    || m.lower == "to"
                            })
                    })
                })
        });
        if forecast {
            i = np.end.max(i + 1);
            continue;
        }
        let prev_metric = out.last().map(|c| c.metric);
        let reading = read_held_captive(&toks, &np)
            .or_else(|| read_paren_breakdown(&toks, &np))
            .or_else(|| read_bulletin(&toks, &np))
            .or_else(|| read_left_toll(&toks, &np, &blocked_tok, prev_metric))
            .or_else(|| read_left_breakdown(&toks, &np))
            .or_else(|| read_left_verb(&toks, &np))
            .or_else(|| read_right(&toks, sentence, &np))
            .or_else(|| read_coordinated_object(&toks, &np, &out, &rends))
            .or_else(|| read_elliptic(&toks, &np, &out, &ends));
        let Some(r) = reading else {
            i = np.end.max(i + 1);
            continue;
        };
        // cancelled: "50 detainees were released", "freed 30 hostages"
        let cancel_before = (1..=3).any(|b| {
            np.start
                .checked_sub(b)
                .is_some_and(|x| matches!(nonfig_at(&toks, x), Some(NonFigure::Cancel)))
        });
        let cancel_after =
            (r.end..r.end + 3).any(|x| matches!(nonfig_at(&toks, x), Some(NonFigure::Cancel)));
        if (cancel_before || cancel_after || stats) && r.shape.starts_with("count-noun") {
            i = np.end.max(i + 1);
            continue;
        }
        let prev = out.len().checked_sub(1);
        // "…, the mayor's office said, among them two children": a breakdown may sit
        // after an attribution
        let max_gap = if r.shape == "breakdown-including" {
            20
        } else {
            12
        };
        let gap_ok = |p: usize| {
            let pe = ends.get(p).copied().unwrap_or(0);
            // "22 people were taken to hospital; five of them remain in critical condition"
            np.start >= pe
                && np.start - pe <= max_gap
                && (r.shape.starts_with("breakdown")
                    || !toks[pe..np.start].iter().any(|t| t.text == ";"))
        };
        let mut metric = r.metric;
        let mut shares_with = None;
        let (mut gtext, mut gclass) = match r.group.toks {
            Some((a, b)) => {
                let (s, e) = span_of(&toks, a, b);
                (sentence.get(s..e).unwrap_or("").to_string(), r.group.class)
            }
            None => (String::new(), "unspecified"),
        };
        let mut needs_parent = false;
        if r.parent && prev.filter(|&p| gap_ok(p)).is_none() {
            // "Five of them were police officers." after the figure's own sentence
            let initial = toks
                .get(..np.start)
                .is_some_and(|b| b.iter().all(|t| t.is_punct() || is_quote(t)));
            if !initial || !r.shape.starts_with("breakdown") {
                i = np.end.max(i + 1);
                continue;
            }
            needs_parent = true;
        } else if r.parent {
            let Some(p) = prev.filter(|&p| gap_ok(p)) else {
                i = np.end.max(i + 1);
                continue;
            };
            if metric.is_empty() {
                metric = out[p].metric;
            }
            shares_with = Some(p);
            if gtext.is_empty() {
                gtext = out[p].group_text.clone();
                gclass = out[p].group_class;
            }
        } else if gtext.is_empty() {
            if let Some(p) = prev.filter(|&p| gap_ok(p)) {
                // "killing 19 civilians, including three children, and wounding 46": the
                // 46 share the main figure's group, not the breakdown's
                let p = if out[p].shape.starts_with("breakdown") {
                    out[p].shares_with.unwrap_or(p)
                } else {
                    p
                };
                gtext = out[p].group_text.clone();
                gclass = out[p].group_class;
                // "rose to 41 on Friday … up from 31 a day earlier": an earlier toll keeps
                // its own date; coordinated counts share everything
                if r.shape != "toll-link-count" && r.shape != "comparison" {
                    shares_with = Some(p);
                }
            }
        }
        if metric.is_empty() && !needs_parent {
            i = np.end.max(i + 1);
            continue;
        }
        if metric == "participants" && vote_near(&toks, np.start, r.end) {
            i = np.end.max(i + 1);
            continue;
        }
        if metric == "participants" && gclass == "unspecified" {
            // a crowd counted at an event is a crowd of protesters unless named otherwise
            gclass = "protesters";
        }
        let mut value_span = span_of(&toks, np.start, np.end.saturating_sub(1));
        let (mut kind, low, mut high) = (np.kind, np.low, np.high);
        if r.shape == "toll-link-count" && np.kind == ValueKind::Exact {
            // "the toll climbed past 300", "deaths topped 1,000": a floor; "nears 300": approx
            let before = np.start.checked_sub(1).and_then(|x| toks.get(x));
            if before.is_some_and(|t| CROSSING.contains(&t.lower.as_ref())) {
                kind = ValueKind::AtLeast;
                high = None;
                if before.is_some_and(|t| matches!(t.lower.as_ref(), "past" | "beyond")) {
                    value_span.0 = before.map(|t| t.start).unwrap_or(value_span.0);
                }
            } else if before.is_some_and(|t| NEARING.contains(&t.lower.as_ref())) {
                kind = ValueKind::Approx;
                high = Some(low);
            }
        }
        let span_end = if r.adjacent_group {
            r.group
                .toks
                .map(|(_, b)| span_of(&toks, b, b).1)
                .unwrap_or(value_span.1)
        } else {
            value_span.1
        };
        let hedged = r.hedged || hedge_in_clause(&toks, np.start, r.end);
        out.push(Candidate {
            metric,
            kind,
            low,
            high,
            value_span,
            span: (value_span.0, span_end.max(value_span.1)),
            group_text: gtext,
            group_class: gclass,
            shares_with,
            hedged,
            shape: r.shape,
            needs_parent,
            possessor: if r.shape == "comparison" {
                agent_after(&toks, r.end.saturating_sub(1))
            } else {
                toll_possessor(&toks, np.start)
            },
        });
        ends.push(np.end);
        rends.push(r.end);
        i = np.end.max(i + 1);
    }
    out
}

/// Clause boundaries used to keep a hedge to the figure it is written beside.
fn clause_bounds(toks: &[Tok], a: usize, b: usize) -> (usize, usize) {
    let is_boundary = |i: usize| -> bool {
        let Some(t) = toks.get(i) else { return true };
        if t.text == ";" {
            return true;
        }
        if matches!(
            t.lower.as_ref(),
            "but" | "while" | "whereas" | "although" | "though"
        ) {
            return true;
        }
        // ", adding that the real number was likely higher" opens a new statement
        t.text == ","
            && toks.get(i + 1).is_some_and(|n| {
                matches!(
                    n.lower.as_ref(),
                    "and" | "but" | "while" | "as" | "adding" | "saying" | "noting" | "warning"
                )
            })
    };
    let mut s = a;
    while s > 0 && !is_boundary(s - 1) {
        s -= 1;
    }
    let mut e = b;
    while e < toks.len() && !is_boundary(e) {
        e += 1;
    }
    (s, e)
}

fn hedge_in_clause(toks: &[Tok], a: usize, b: usize) -> bool {
    let (s, e) = clause_bounds(toks, a, b);
    for i in 0..toks.len() {
        if let Some((he, scope)) = LEX.hedges.longest_at(toks, i) {
            // "likely to rise" speaks of the future toll, not this one
            if toks.get(i).is_some_and(|t| t.lower == "likely")
                && toks.get(he).is_some_and(|t| t.lower == "to")
                && toks.get(he + 1).is_some_and(|t| {
                    matches!(
                        t.lower.as_ref(),
                        "rise" | "climb" | "increase" | "grow" | "go"
                    )
                })
            {
                continue;
            }
            let inside = i >= s && i < e;
            if inside || *scope == HedgeScope::Sentence {
                return true;
            }
        }
    }
    false
}

/// Sentence-relative hedge check for callers that know the figure's token-free span.
pub fn hedged_near(sentence: &str, span: (usize, usize)) -> bool {
    let toks = tokenize(sentence);
    let a = toks.iter().position(|t| t.end > span.0).unwrap_or(0);
    let b = toks
        .iter()
        .position(|t| t.start >= span.1)
        .unwrap_or(toks.len());
    hedge_in_clause(&toks, a, b)
}
