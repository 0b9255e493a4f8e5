//! Word lists and token tests shared by every shape.

use super::*;

/// Words that never belong to a counted noun phrase.
pub(super) const STOP: &[&str] = &[
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
    // "200 soldiers along with armoured vehicles": a preposition ends the phrase
    "along",
    "alongside",
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
pub(super) const AUX: &[&str] = &[
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
    // "500,000 people statewide have been forced to evacuate"
    "statewide",
    "nationwide",
    "countrywide",
    // "another 30,000 were estimated to be gathered", "over a million having fled"
    "estimated",
    "having",
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

pub(super) const MODALS: &[&str] = &[
    "could", "may", "might", "would", "will", "should", "must", "can", "shall",
];

/// Prepositions that may open a phrase between the counted noun and its verb
/// ("18 people in the capital were killed").
pub(super) const PREPS: &[&str] = &[
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
pub(super) const LINKS: &[&str] = &[
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
    // "a toll exceeding 11,000"
    "exceeding",
    "surpassing",
    "topping",
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

/// The weekday names, lower-cased: the one list of the stage.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A word that ends a group phrase: [`GROUP_ENDERS`] or a weekday.
pub(super) fn group_ender(w: &str) -> bool {
    GROUP_ENDERS.contains(&w) || WEEKDAYS.contains(&w)
}

/// Adverbs without "-ly" and time words that end a counted noun phrase ("killed two workers
/// outright", "arrested 40 people overnight"): they name no one.
pub(super) const GROUP_ENDERS: &[&str] = &[
    "outright",
    "instantly",
    "overnight",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "nationwide",
    "statewide",
    "countrywide",
    "worldwide",
    // "over a million having fled": a participle clause starts after the count
    "having",
    // "injured 25 others Friday": a weekday after the head ends the phrase (see [`WEEKDAYS`])
    "alone",
    "abroad",
    "afterwards",
    "meanwhile",
    // crowd verbs read with the place after them ("filled the square"), see crowds
    "filled",
    "packed",
    "thronged",
    "jammed",
    "crowded",
];

/// A metric lexicon entry seen where a pp/vi can be.
pub(super) fn metric_at<'l>(toks: &[Tok], i: usize) -> Option<(usize, &'l MetricEntry)> {
    LEX.metrics.longest_at(toks, i)
}

/// An -ly adverb ("reportedly", "seriously"), not a noun or adjective that ends so.
pub(super) fn is_adverb(w: &str) -> bool {
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

pub(super) fn is_stop(t: &Tok) -> bool {
    STOP.contains(&t.lower.as_ref())
}

pub(super) fn is_quote(t: &Tok) -> bool {
    t.is_punct() && matches!(t.text, "“" | "”" | "\"" | "‘" | "’" | "'" | "«" | "»")
}

pub(super) fn nonfig_at(toks: &[Tok], i: usize) -> Option<NonFigure> {
    LEX.nonfigure.longest_at(toks, i).map(|(_, v)| *v)
}

pub(super) fn is_calendar(w: &str) -> bool {
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
            | "jan."
            | "feb."
            | "aug."
            | "sept."
            | "oct."
            | "nov."
            | "dec."
    ) || WEEKDAYS.contains(&w)
}

pub(super) fn span_of(toks: &[Tok], a: usize, b_incl: usize) -> (usize, usize) {
    let s = toks.get(a).map(|t| t.start).unwrap_or(0);
    let e = toks.get(b_incl).map(|t| t.end).unwrap_or(s);
    (s, e.max(s))
}
