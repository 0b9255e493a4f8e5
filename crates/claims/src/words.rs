//! Small closed word classes the patterns need (function words, not knowledge: knowledge
//! lives in `data/claims/`).

pub fn any(w: &str, set: &[&str]) -> bool {
    set.contains(&w)
}

pub const DETS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "these", "those", "some",
    "several", "many", "other", "another", "both", "all", "each", "two", "three", "one", "any",
    "no", "every",
];

pub const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "sep.", "oct.", "nov.",
    "dec.",
];

pub const DEFINITE: &[&str] = &["the", "his", "her", "its", "their", "this", "that", "our"];

pub const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

pub const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s"];

pub const NEG: &[&str] = &["not", "n't", "never", "no", "to", "cannot"];

/// Words skipped between a speaker and its cue ("Tokayev reportedly told", "X has said").
pub const PRE_CUE_SKIP: &[&str] = &[
    "also", "later", "earlier", "previously", "again", "then", "once", "further", "still",
    "now", "has", "have", "had", "will", "would", "could", "may", "might", "separately",
    "had", "already", "first", "initially", "subsequently", "today", "yesterday", "last",
    "on", "late", "early", "repeatedly", "reportedly", "allegedly", "recently", "publicly",
    "privately", "quickly", "swiftly", "officially", "just", "similarly", "likewise", "too",
];

/// Words that end a backward speaker scan.
pub const BACK_STOP: &[&str] = &[
    "that", "which", "who", "whom", "whose", "when", "while", "as", "after", "before", "because",
    "if", "but", "so", "than", "since", "where", "though", "although", "until", "unless",
    "whether", "then", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "did", "do", "does", "will", "would", "can", "could", "should", "may", "might", "must", "not",
    "there", "here", "what", "how", "why", "also", "i", "you", "we", "me", "us", "him", "them",
    "it", "he", "she", "they", "meanwhile", "however", "yet", "amid", "despite", "following",
    "during", "over", "into", "onto", "under", "against", "without", "through", "via", "said",
    "says", "told", "tells", "added", "reported", "announced", "claimed", "according", "whereas",
    "having", "just", "even", "only", "still", "now", "about", "around", "like", "unlike",
];

pub const PREPS: &[&str] = &[
    "of", "for", "in", "on", "at", "from", "with", "to", "by", "near", "close", "familiar",
    "during", "after", "before", "over", "under", "into", "following", "amid", "via", "through",
    "about", "across", "inside", "outside", "within", "against", "among", "without",
];

/// Prepositions that start a modifier of the attribution ("said on Twitter", "in a statement").
pub const ATTR_PREPS: &[&str] = &[
    "on", "in", "at", "via", "during", "through", "to", "late", "early", "earlier", "later",
    "also", "again", "then", "separately", "publicly", "privately", "with", "before", "after",
    "shortly", "last", "this", "over",
];

/// Words that may follow an attribution preposition: audiences and channels.
pub const AUDIENCE: &[&str] = &[
    "reporters", "journalists", "lawmakers", "parliament", "supporters", "residents", "media",
    "press", "newspaper", "agency", "broadcaster", "channel", "television", "tv", "radio",
    "website", "crowd", "nation", "citizens", "audience", "him", "her", "them", "me", "us",
    "conference", "briefing", "interview", "statement", "message", "video", "post", "account",
    "page", "app", "broadcast", "address", "speech", "session", "meeting", "summit", "forum",
    "rally", "outlet", "network", "daily", "paper", "journal", "people", "public", "country",
    "congress", "senate", "assembly", "council", "officials", "leaders", "counterpart", "bbc",
    "cnn", "reuters", "afp", "tass",
];

/// Finite verbs and auxiliaries that show a clause follows a weak cue.
pub const FINITE: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may",
    "might", "must", "should", "did", "does", "do", "remains", "remain", "remained",
    "continues", "continue", "continued", "plans", "planned", "intends", "wants", "needs",
    "killed", "died", "left", "fled", "began", "took", "made", "became", "got", "came",
    "went", "saw", "stood", "fell", "rose", "won", "lost", "held", "kept", "sent", "gave",
    "stormed", "attacked", "opened", "fired", "arrested", "detained", "injured", "wounded",
    "collapsed", "resigned", "ordered", "agreed", "refused", "decided", "started", "ended",
    "occurred", "happened", "exists", "persist", "persists", "'s", "'re", "'ve", "'ll", "'d",
];

/// Subjects that can carry a finding ("a report found", "polls show").
pub const FINDING_SUBJ: &[&str] = &[
    "report", "reports", "study", "studies", "survey", "surveys", "poll", "polls", "data",
    "figures", "statistics", "analysis", "analyses", "investigation", "investigations",
    "inquiry", "probe", "review", "audit", "research", "footage", "video", "videos", "images",
    "imagery", "documents", "document", "records", "assessment", "estimates", "tally",
    "census", "evidence", "findings", "results", "tests", "autopsy", "post-mortem", "report's",
    "investigators", "researchers", "scientists", "experts", "analysts", "inspectors",
    "monitors", "observers", "photos", "photographs", "satellite",
];

/// Time words that bound noun phrases when no time layer is present.
pub const DAYWORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "tomorrow", "january", "february", "march", "april", "june",
    "july", "august", "september", "october", "november", "december", "morning", "evening",
    "afternoon", "night", "weekend", "week", "month", "year",
];

/// Title words that are not part of a person's name ("President Vladimir Putin").
pub const TITLES: &[&str] = &[
    "president", "prime", "minister", "foreign", "defence", "defense", "interior", "gen.",
    "general", "sen.", "senator", "rep.", "dr.", "mr.", "mrs.", "ms.", "king", "queen",
    "chief", "spokesman", "spokeswoman", "spokesperson", "secretary", "press", "governor",
    "mayor", "lt.", "col.", "colonel", "capt.", "captain", "maj.", "major", "adm.", "admiral",
    "pope", "prince", "princess", "sheikh", "judge", "justice", "chancellor", "premier",
    "ambassador", "commander", "deputy", "acting", "former", "vice", "state", "news",
    "agency", "television", "media", "tv", "radio", "broadcaster", "newspaper", "channel",
];

/// Capitalised words in organisation names, by the kind they suggest.
pub const GOV_WORDS: &[&str] = &[
    "ministry", "committee", "office", "department", "council", "government", "service",
    "commission", "police", "army", "forces", "kremlin", "parliament", "court", "prosecutor",
    "prosecutor's", "guard", "cabinet", "presidency", "senate", "congress", "assembly",
    "pentagon", "house", "administration", "authority", "authorities", "military", "navy",
    "directorate", "bureau", "agency", "command", "headquarters", "municipality", "state",
];
pub const ORG_WORDS: &[&str] = &[
    "organization", "organisation", "party", "union", "group", "bank", "watch",
    "international", "institute", "university", "foundation", "association", "company",
    "corporation", "inc", "inc.", "ltd", "fund", "cross", "crescent", "amnesty", "un", "nato",
    "eu", "who", "unicef", "unhcr", "network", "centre", "center", "coalition", "front",
    "movement", "league", "federation", "society", "alliance",
];
pub const MEDIA_WORDS: &[&str] = &[
    "news", "tv", "television", "radio", "times", "post", "press", "broadcasting", "channel",
    "daily", "herald", "journal", "gazette", "tribune", "telegraph", "media", "wire", "courier",
    "chronicle", "observer", "standard", "inquirer", "bulletin", "express", "mail", "globe",
    "sun", "star", "mirror", "review", "dispatch", "monitor", "gazeta", "pravda",
];

pub const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "hundreds", "thousands", "dozens", "several", "some", "many", "most",
];

/// Nationality-compatible: "Kazakh" ~ "Kazakhstan", "Russian" ~ "Russia".
pub fn same_nation(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let n = a.len().min(b.len()).min(5);
    n >= 4 && a.iter().take(n).eq(b.iter().take(n))
}
