//! Proper-name mentions: runs of capitalised words (with name particles, hyphens, "of"
//! after an organisation head, a number after a known outlet), split at titles and read as
//! an organisation, platform, place or person by lexicon, pattern and gazetteer, in that
//! order; plus the role phrases around person names.

use crate::gazetteer::{PlaceKind, GAZ};
use crate::lexicon::{self, HeadPos, Known, DEMONYM, DESCRIPTOR, KNOWN, NON_NAME, ORG_HEAD, ROLE};
use crate::words::{span_of, text_of, Word};
use newsledger_model::{Document, Span};

/// How a name was read.
#[derive(Debug, Clone)]
pub enum Reading {
    Known(Known),
    /// A gazetteer place, with "X city" preferring the city.
    Place {
        name: String,
        want_city: bool,
    },
    /// "X region": the region of that name; `base` is the place it is named after.
    Region {
        base: Option<u32>,
    },
    Landmark,
    Historical,
    /// An organisation recognised by its head word (subtype; empty when unknown).
    Org(&'static str),
    /// An all-caps acronym not in any lexicon.
    Acronym,
    Person,
    /// A lone capitalised word with no reading yet: a surname, a place, or nothing.
    Single,
}

/// A role phrase attached to a person name ("former head of Kazakhstan's National Security
/// Committee", "acting prime minister").
#[derive(Debug, Clone)]
pub struct RoleRaw {
    pub text: String,
    pub span: Span,
    /// The role noun phrase from the lexicon, lower case ("president", "press secretary").
    pub noun: &'static str,
    pub class: &'static str,
    pub leader: bool,
    pub former: bool,
    pub country: Option<String>,
    /// A possessive pronoun owning the role ("his press secretary"): its span.
    pub owner: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    Place,
    Org,
    /// "the Relay social network", "the Kite messaging app".
    Platform,
}

#[derive(Debug, Clone)]
pub struct NameCand {
    pub span: Span,
    pub text: String,
    pub seg: usize,
    pub reading: Reading,
    pub roles: Vec<RoleRaw>,
    /// Capitalised only because it opens a sentence or sits in a headline.
    pub weak: bool,
    /// A title or honorific stood before it ("President Tokayev").
    pub titled: bool,
    /// The word before is a place preposition ("in", "near"…).
    pub after_place_prep: bool,
    /// The word after is a speech verb.
    pub before_speech: bool,
    /// Mr/Mrs-style gender evidence: Some(true) male, Some(false) female.
    pub male: Option<bool>,
    /// The words of a person name, possessives stripped.
    pub tokens: Vec<String>,
    /// Context that types an otherwise unknown name ("in Harnow", "automaker Chrysler").
    pub cue: Option<(Cue, &'static str)>,
    /// Named right after "said" ("said Robyn, an evacuee"): a person unless the document
    /// types the word otherwise.
    pub said_name: bool,
}

fn is_particle(w: &Word) -> bool {
    w.is_word && !w.cap && lexicon::is("particle", &w.lower)
}

fn starts_name(w: &Word) -> bool {
    w.cap && !NON_NAME.contains(w.text) && !w.text.starts_with(|c: char| c.is_ascii_digit())
}

fn continues_name(w: &Word) -> bool {
    w.cap && !NON_NAME.contains(w.text)
}

fn is_det(w: &Word) -> bool {
    matches!(w.lower.as_str(), "the" | "a" | "an")
}

fn is_poss_pronoun(w: &Word) -> bool {
    matches!(w.lower.as_str(), "his" | "her" | "its" | "their")
}

fn is_former(w: &Word) -> bool {
    lexicon::is("former", &w.lower) || w.lower.starts_with("ex-") || w.lower.starts_with("then-")
}

fn is_tail_head(word: &str) -> bool {
    ORG_HEAD
        .get(word)
        .is_some_and(|(_, p)| matches!(p, HeadPos::Tail | HeadPos::Both))
}

/// The longest role phrase starting at word `i`: (number of words, lexicon key).
pub fn role_at(w: &[Word], i: usize) -> Option<(usize, &'static str)> {
    if !lexicon::ROLE_FIRST.contains(w.get(i)?.lower.as_str()) {
        return None;
    }
    let max = *lexicon::ROLE_MAX_WORDS;
    let mut best = None;
    let mut phrase = String::new();
    for k in 0..max {
        let Some(x) = w.get(i + k) else { break };
        if !x.is_word {
            break;
        }
        if k > 0 {
            // A possessive ends a phrase: "the president's office".
            if w.get(i + k - 1).is_some_and(|p| p.poss) {
                break;
            }
            phrase.push(' ');
        }
        phrase.push_str(&x.lower);
        if let Some((key, _)) = ROLE.get_key_value(phrase.as_str()) {
            best = Some((k + 1, *key));
        }
    }
    best
}

/// The longest role phrase ending just before word `end`: (start index, key).
fn role_ending_at(w: &[Word], end: usize) -> Option<(usize, &'static str)> {
    let max = *lexicon::ROLE_MAX_WORDS;
    let mut best = None;
    for len in 1..=max.min(end) {
        let a = end - len;
        if let Some((l, key)) = role_at(w, a) {
            if l == len {
                best = Some((a, key));
            }
        }
    }
    best
}

fn country_of_word(w: &Word) -> Option<String> {
    if let Some(cc) = DEMONYM.get(w.text) {
        return Some((*cc).to_string());
    }
    if w.cap {
        if let Some(idx) = GAZ.best(w.text, &[], false) {
            return GAZ.place(idx).map(|p| p.country.to_string());
        }
    }
    None
}

/// A role phrase standing right before the words at `end` (a person name or its title).
/// `title` is the role inside the name run, when the run began with one.
pub fn role_before(
    doc: &Document,
    w: &[Word],
    end: usize,
    title: Option<(usize, usize, &'static str)>,
) -> Option<RoleRaw> {
    let (mut r0, r1, noun) = match title {
        Some(t) => t,
        None => {
            if let Some((a, key)) = role_ending_at(w, end) {
                (a, end, key)
            } else if let Some((a, key)) = end
                .checked_sub(1)
                .filter(|&k| w.get(k).is_some_and(|x| x.is_punct(",")))
                .and_then(|k| role_ending_at(w, k))
                .filter(|(a, _)| {
                    // "the interior minister, Dalia Meronek": only after a determiner.
                    a.checked_sub(1)
                        .and_then(|k| w.get(k))
                        .is_some_and(|x| is_det(x) || is_poss_pronoun(x) || x.poss)
                        || w.get(*a).is_some_and(|x| !x.is_word)
                        // "a fire brigade spokesman, Aldo Ferrante": up to three
                        // modifier words between the determiner and the role.
                        || (2..=4).any(|d| {
                            a.checked_sub(d)
                                .and_then(|k| w.get(k))
                                .is_some_and(|x| is_det(x) || is_poss_pronoun(x))
                                && (*a + 1 - d..*a)
                                    .all(|k| w.get(k).is_some_and(|x| x.is_word && !is_det(x)))
                        })
                })
            {
                (a, end - 1, key)
            } else {
                // "head of Kazakhstan's National Security Committee Karim Massimov"
                let mut k = end;
                let mut found = None;
                while k > 0 && end - k < 7 {
                    let x = w.get(k - 1)?;
                    if x.is("of") || x.is("for") {
                        if let Some((a, key)) = role_ending_at(w, k - 1) {
                            found = Some((a, end, key));
                        }
                        break;
                    }
                    if !(x.cap || x.is("the")) {
                        break;
                    }
                    k -= 1;
                }
                found?
            }
        }
    };
    let rn = ROLE.get(noun)?;
    if rn.class == "honorific" && title.is_none() {
        return None;
    }
    // Extend left over modifiers, demonyms, possessives; stop at a determiner.
    let mut owner = None;
    let mut steps = 0;
    while r0 > 0 && steps < 6 {
        let Some(x) = w.get(r0 - 1) else { break };
        if !x.is_word || is_det(x) {
            break;
        }
        if is_poss_pronoun(x) {
            owner = Some(x.span);
            break;
        }
        let ok = lexicon::is("role_modifier", &x.lower)
            || is_former(x)
            || DEMONYM.contains_key(x.text)
            || (x.poss && (x.cap || x.is("country") || x.is("nation")))
            || (x.cap && !x.start && !NON_NAME.contains(x.text))
            || (x.cap
                && x.start
                && (GAZ.best(x.text, &[], false).is_some() || KNOWN.contains_key(x.text)))
            || role_ending_at(w, r0).is_some_and(|(a, _)| a < r0);
        if !ok {
            break;
        }
        r0 -= 1;
        steps += 1;
        // A possessive common noun comes with its own determiner: "the country's".
        if x.poss && !x.cap {
            if r0 > 0 && w.get(r0 - 1).is_some_and(is_det) {
                r0 -= 1;
            }
            break;
        }
    }
    let span = span_of(w, r0, r1)?;
    let text = text_of(doc, w, r0, r1).to_string();
    let slice = w.get(r0..r1)?;
    Some(RoleRaw {
        text,
        span,
        noun,
        class: rn.class,
        leader: rn.leader,
        former: slice.iter().any(is_former),
        country: slice
            .iter()
            .filter(|x| x.cap || DEMONYM.contains_key(x.text))
            .find_map(country_of_word),
        owner,
    })
}

/// A role phrase after a person name: ", the president of X," or "was appointed acting
/// prime minister".
fn role_after(doc: &Document, w: &[Word], b: usize) -> Option<RoleRaw> {
    let mut i = b;
    let first = w.get(i)?;
    let mut appositive = false;
    if first.is_punct(",") {
        appositive = true;
        i += 1;
    } else {
        // was / has been / is … appointed|named|elected (as)
        let mut j = i;
        let mut saw_verb = false;
        while let Some(x) = w.get(j) {
            if j - i > 3 {
                break;
            }
            if lexicon::is("appoint_verb", &x.lower) {
                saw_verb = true;
                j += 1;
                continue;
            }
            if matches!(
                x.lower.as_str(),
                "has" | "had" | "have" | "been" | "be" | "as" | "in" | "now"
            ) {
                j += 1;
                continue;
            }
            break;
        }
        if !saw_verb {
            return None;
        }
        i = j;
    }
    let start = i;
    let mut owner = None;
    if let Some(x) = w.get(i) {
        if is_det(x) {
            i += 1;
        } else if is_poss_pronoun(x) {
            owner = Some(x.span);
            i += 1;
        }
    }
    let mut steps = 0;
    loop {
        if let Some((len, noun)) = role_at(w, i) {
            let rn = ROLE.get(noun)?;
            if rn.class == "honorific" || rn.class == "other" {
                return None;
            }
            let mut end = i + len;
            // "of Kazakhstan", "for the ministry", "of the country's security council"
            if w.get(end).is_some_and(|x| x.is("of") || x.is("for")) {
                let mut k = end + 1;
                while let Some(x) = w.get(k) {
                    if x.is_word
                        && (x.cap || x.is("the") || x.poss || x.is("country") || x.is("nation"))
                    {
                        k += 1;
                    } else {
                        break;
                    }
                }
                if k > end + 1 {
                    end = k;
                }
            }
            // An appositive closes with punctuation.
            if appositive && w.get(end).is_some_and(|x| x.is_word) {
                return None;
            }
            let lead = if w
                .get(start)
                .is_some_and(|x| is_det(x) || is_poss_pronoun(x))
            {
                start + 1
            } else {
                start
            };
            let slice = w.get(lead..end)?;
            return Some(RoleRaw {
                text: text_of(doc, w, lead, end).to_string(),
                span: span_of(w, lead, end)?,
                noun,
                class: rn.class,
                leader: rn.leader,
                former: slice.iter().any(is_former),
                country: slice
                    .iter()
                    .filter(|x| x.cap || DEMONYM.contains_key(x.text))
                    .find_map(country_of_word),
                owner,
            });
        }
        let x = w.get(i)?;
        let ok = x.is_word
            && (lexicon::is("role_modifier", &x.lower)
                || is_former(x)
                || DEMONYM.contains_key(x.text)
                || x.poss
                || x.cap);
        if !ok || steps > 5 {
            return None;
        }
        i += 1;
        steps += 1;
    }
}

/// What the words around `w[a..b]` say about the type of an unknown name.
fn context_cue(w: &[Word], a: usize, b: usize) -> Option<(Cue, &'static str)> {
    let prev = a.checked_sub(1).and_then(|k| w.get(k));
    let prev2 = a.checked_sub(2).and_then(|k| w.get(k));
    let next = w.get(b);
    let parse = |v: &'static str| -> Option<(Cue, &'static str)> {
        let (t, s) = v.split_once(':')?;
        Some((if t == "PLACE" { Cue::Place } else { Cue::Org }, s))
    };
    // "the Relay social network", "Kite messenger": a service named by what it is.
    if b == a + 1 {
        let next2 = w.get(b + 1);
        let one = next
            .filter(|x| x.is_word && !x.cap)
            .map(|x| x.lower.as_str());
        let two = one.zip(
            next2
                .filter(|x| x.is_word && !x.cap)
                .map(|x| x.lower.as_str()),
        );
        let is_platform = one.is_some_and(|o| lexicon::is("platform_noun", o))
            || two.is_some_and(|(o, t)| lexicon::is("platform_noun", &format!("{o} {t}")));
        if is_platform {
            return Some((Cue::Platform, ""));
        }
        // "neighbouring Koltara" is a country; "northern Ambria" a place of some kind.
        if let Some(v) = prev
            .filter(|p| p.is_word && !p.cap)
            .and_then(|p| lexicon::value("place_adj", &p.lower))
        {
            return parse(v);
        }
    }
    // "the town of Harnow", "the capital, Veldor"
    if let (Some(p), Some(p2)) = (prev, prev2) {
        if p.is("of") || p.is_punct(",") {
            if let Some(v) = lexicon::value("class_noun", &p2.lower) {
                if v.starts_with("PLACE") {
                    return parse(v);
                }
            }
        }
    }
    // "automaker Chrysler", "broadcaster Khabar", "news agency TNA"
    if let (Some(p), Some(p2)) = (prev, prev2) {
        if p.is("agency") && p2.is("news") {
            return Some((Cue::Org, "media"));
        }
    }
    if let Some(p) = prev {
        if !p.cap {
            if let Some(v) = lexicon::value("class_noun", &p.lower) {
                if v.starts_with("ORG") {
                    return parse(v);
                }
            }
        }
    }
    // "shares in Brightwater Lumen", "Torvik Dynamics shares", "analysts at Halden Crane":
    // market talk makes an unknown name of any length a company, not a person.
    let of_shares = prev.is_some_and(|p| p.is("in") || p.is("of"))
        && prev2.is_some_and(|p| lexicon::is("company_before", &p.lower));
    // ("Ola Kade shares her view" is a person: the market verb after "shares" decides.)
    let shares_after = next
        .is_some_and(|n| n.is_word && !n.cap && !n.poss && lexicon::is("company_after", &n.lower))
        && w.get(b + 1)
            .is_some_and(|v| lexicon::is("market_verb", &v.lower));
    let firm_staff = prev.is_some_and(|p| p.is("at"))
        && prev2.is_some_and(|p| lexicon::is("firm_staff", &p.lower));
    if of_shares || shares_after || firm_staff {
        return Some((Cue::Org, "company"));
    }
    // "Ryanair CEO Michael O'Leary", "NetWatch spokesman Ali Demir", "Brightwater Lumen
    // chief executive Ola Kade": a name before a company or press title and another name.
    if let Some((len, noun)) = role_at(w, b) {
        let class = ROLE.get(noun).map_or("", |r| r.class);
        if matches!(class, "business" | "spokesperson") && w.get(b + len).is_some_and(|x| x.cap) {
            return Some((Cue::Org, if class == "business" { "company" } else { "" }));
        }
    }
    if b == a + 1 {
        // "in Harnow" (not "in Tokayev's …", not "in Harnow Street"): most places the
        // gazetteer lacks are towns and villages.
        let poss = w.get(a).is_some_and(|x| x.poss);
        if prev.is_some_and(|p| {
            lexicon::is("place_prep", &p.lower) || lexicon::is("weak_place_prep", &p.lower)
        }) && !poss
            && !next.is_some_and(|n| n.cap)
        {
            return Some((Cue::Place, "city"));
        }
        // "Talvaria's government", "Talvaria's capital"
        if poss && next.is_some_and(|n| lexicon::is("country_poss_noun", &n.lower)) {
            return Some((Cue::Place, "country"));
        }
    }
    None
}

/// "DaimlerChrysler", "NetWatch": an inner capital after lower case marks a brand, not a
/// person ("McDonald", "DiCaprio" and "LeBron" are names).
fn camel_case(t: &str) -> bool {
    let cs: Vec<char> = t.chars().collect();
    if cs.len() < 5 || !cs.first().is_some_and(|c| c.is_uppercase()) {
        return false;
    }
    if [
        "Mc", "Mac", "De", "Di", "La", "Le", "Da", "Du", "O'", "O’", "Van", "Von",
    ]
    .iter()
    .any(|p| t.starts_with(p))
    {
        return false;
    }
    cs.windows(2)
        .enumerate()
        .any(|(i, p)| i >= 2 && p[0].is_lowercase() && p[1].is_uppercase())
}

/// Does the lower-case word make "X <word>" a region?
fn region_word(w: Option<&Word>) -> bool {
    w.is_some_and(|w| w.is_word && !w.cap && lexicon::is("region_word", &w.lower))
}

/// Title-case form of an all-caps dateline word ("NUR-SULTAN" → "Nur-Sultan").
fn title_case(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut up = true;
    for c in t.chars() {
        if up {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        up = !c.is_alphanumeric();
    }
    out
}

/// Every proper-name candidate of one segment.
pub fn names_in(doc: &Document, w: &[Word], seg: usize, dateline: bool, out: &mut Vec<NameCand>) {
    let n = w.len();
    let mut i = 0;
    while i < n {
        let Some(x) = w.get(i) else { break };
        if !x.is_word || !x.cap {
            // "dpa reported": a known name spelled in lower case.
            if crate::bare_names::lower_known(x) {
                if let Some(k) = KNOWN.get(x.text) {
                    out.push(cand(
                        x.span,
                        x.text,
                        seg,
                        Reading::Known(k.clone()),
                        false,
                        w,
                        i,
                        i + 1,
                    ));
                }
            }
            i += 1;
            continue;
        }
        // "Maryville, Tenn.": the state's abbreviation and its dot.
        if let Some(full) = crate::bare_names::state_abbrev(w, i) {
            let sp = Span::new(x.span.start(), x.span.end() + 1);
            let reading = Reading::Place {
                name: full.to_string(),
                want_city: false,
            };
            out.push(cand(sp, doc.slice(sp), seg, reading, false, w, i, i + 1));
            i += 1;
            continue;
        }
        // "The Harwell Update Press Articles": the outlet's own name in its page furniture.
        if let Some(e) = crate::joined_names::outlet_at(doc, w, i) {
            if let Some(sp) = span_of(w, i, e) {
                let t = text_of(doc, w, i, e);
                let reading = crate::joined_names::outlet_reading(w, e);
                out.push(cand(sp, t, seg, reading, false, w, i, e));
            }
            i = e;
            continue;
        }
        // Datelines name their place in capitals: "VELDOR, March 10".
        let before_comma = !w
            .get(..i)
            .is_some_and(|p| p.iter().any(|y| y.is_punct(",") || y.is_punct("(")));
        if dateline && before_comma && x.upper && !KNOWN.contains_key(x.text) {
            let t = title_case(x.text);
            let mut c = if GAZ.lookup(&t).is_empty() {
                cand(x.span, &t, seg, Reading::Single, false, w, i, i + 1)
            } else {
                cand(
                    x.span,
                    &t,
                    seg,
                    Reading::Place {
                        name: t.clone(),
                        want_city: true,
                    },
                    false,
                    w,
                    i,
                    i + 1,
                )
            };
            c.cue = Some((Cue::Place, "city"));
            out.push(c);
            i += 1;
            continue;
        }
        // "CAIRO: Nine…", "/REUTERS": a place or outlet set in capitals.
        if !dateline {
            if let Some(r) = crate::shouted::shouted(x, title_case) {
                let (t, reading) = match r {
                    crate::shouted::Shouted::Place(t) => {
                        let name = t.clone();
                        (
                            t,
                            Reading::Place {
                                name,
                                want_city: false,
                            },
                        )
                    }
                    crate::shouted::Shouted::Known(t) => {
                        let k = KNOWN.get(t.as_str()).cloned();
                        (t, k.map_or(Reading::Single, Reading::Known))
                    }
                };
                out.push(cand(x.span, &t, seg, reading, false, w, i, i + 1));
                i += 1;
                continue;
            }
        }
        // "Russia-led": a modifier mention of Russia.
        if let Some(pos) = x.text.rfind('-') {
            let (head, tail) = (&x.text[..pos], &x.text[pos + 1..]);
            if !head.is_empty() && lexicon::is("hyphen_suffix", tail) {
                let span = Span::new(x.span.start(), x.span.start() + head.len());
                if let Some(r) = read_single_known(head) {
                    out.push(cand(span, head, seg, r, x.start, w, i, i + 1));
                } else if tail == "based" && !x.start {
                    let mut c = cand(span, head, seg, Reading::Single, false, w, i, i + 1);
                    c.cue = Some((Cue::Place, ""));
                    out.push(c);
                }
                i += 1;
                continue;
            }
        }
        if !starts_name(x) {
            // "Communist Party", "Soviet Union": a modifier word may open a longer name.
            let mut j = i + 1;
            while w
                .get(j)
                .is_some_and(|y| y.cap && !w.get(j - 1).is_some_and(|p| p.poss))
            {
                j += 1;
            }
            let t = text_of(doc, w, i, j);
            let last_head = j > i + 1 && w.get(j - 1).is_some_and(|y| is_tail_head(y.text));
            let compass = crate::joined_names::compass_region(doc, w, i, j);
            if j > i + 1
                && lexicon::NAME_MODIFIER.contains(x.text)
                && (KNOWN.contains_key(t) || GAZ.historical.contains_key(t) || last_head || compass)
            {
                classify(doc, w, i, j, seg, out);
                i = j;
                continue;
            }
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n {
            let Some(prev) = w.get(j - 1) else { break };
            if prev.poss {
                // "Prosecutor General's Office", "People's Party": a possessive title or
                // common word inside an organisation's name.
                let inner = (ROLE.contains_key(prev.lower.as_str()) || prev.lower == "people")
                    && (j..(j + 3).min(n))
                        .any(|k| w.get(k).is_some_and(|y| y.cap && is_tail_head(y.text)))
                    && w.get(j).is_some_and(|y| y.cap);
                if !inner {
                    break;
                }
            }
            let Some(y) = w.get(j) else { break };
            if y.is_word && continues_name(y) {
                j += 1;
                continue;
            }
            // "(Dunby News)", "the Harwell News": a word that is no name on its own still
            // closes an outlet's or body's name as its head word — but not in a headline,
            // where "Breaking News" is just capitalised.
            let in_parens = i
                .checked_sub(1)
                .and_then(|k| w.get(k))
                .is_some_and(|p| p.is_punct("("));
            if y.is_word && y.cap && is_tail_head(y.text) && (!x.start || in_parens) {
                j += 1;
                break;
            }
            if is_particle(y) && w.get(j + 1).is_some_and(continues_name) {
                j += 2;
                continue;
            }
            // "Committee for the Protection of Journalists": inside a "for" phrase any
            // capitalised noun may take an "of" object.
            let after_for = (i..j).any(|k| w.get(k).is_some_and(|z| z.is("for")));
            if y.is("of") && (lexicon::is("of_head", prev.text) || after_for && prev.cap) {
                if w.get(j + 1).is_some_and(|z| z.is("the"))
                    && w.get(j + 2).is_some_and(continues_name)
                {
                    j += 3;
                    continue;
                }
                if w.get(j + 1).is_some_and(continues_name) {
                    j += 2;
                    continue;
                }
            }
            // "International Organization for Migration", "Committee for the Protection of
            // Journalists": a body's name goes on after "for".
            if y.is("for") && lexicon::is("for_head", prev.text) {
                if w.get(j + 1).is_some_and(|z| z.is("the"))
                    && w.get(j + 2).is_some_and(continues_name)
                {
                    j += 3;
                    continue;
                }
                if w.get(j + 1).is_some_and(continues_name) {
                    j += 2;
                    continue;
                }
            }
            if y.is_punct("&")
                && y.span.start() == prev.span.end()
                && w.get(j + 1).is_some_and(|z| z.cap)
            {
                j += 2;
                continue;
            }
            // "Disaster and Emergency Management Authority", "Turks and Caicos".
            if let Some(k) = crate::joined_names::and_joined_end(doc, w, i, j) {
                j = k;
                continue;
            }
            if y.is_num {
                let t = format!("{} {}", text_of(doc, w, i, j), y.text);
                if KNOWN.contains_key(t.as_str()) {
                    j += 1;
                }
            }
            break;
        }
        // "Harnow County Mayor Ilse Vrank": cut before the title; the holder is read next.
        if let Some((k, keep)) = crate::titled_runs::title_inside(doc, w, i, j) {
            if keep {
                classify(doc, w, i, k, seg, out);
            }
            i = k;
            continue;
        }
        let before = out.len();
        classify(doc, w, i, j, seg, out);
        // "PELLIK, Talvaria, March 7": the name after a dateline's capitalised place and
        // comma is the country (states and provinces are in the gazetteer).
        let after_dateline_place = dateline
            && i.checked_sub(1)
                .and_then(|k| w.get(k))
                .is_some_and(|p| p.is_punct(","))
            && i.checked_sub(2)
                .and_then(|k| w.get(k))
                .is_some_and(|p| p.upper)
            && w.get(j).is_some_and(|n| n.is_punct(","));
        // "VELDOR, March 5 (CWS) —": the name in a dateline's brackets is the outlet.
        let dateline_outlet = dateline
            && i.checked_sub(1)
                .and_then(|k| w.get(k))
                .is_some_and(|p| p.is_punct("("))
            && w.get(j).is_some_and(|n| n.is_punct(")"));
        if dateline_outlet {
            for c in out.iter_mut().skip(before) {
                if matches!(
                    c.reading,
                    Reading::Single | Reading::Acronym | Reading::Person | Reading::Org("")
                ) {
                    c.reading = Reading::Org("media");
                    c.weak = false;
                    c.roles.clear();
                    c.titled = false;
                }
            }
        }
        if after_dateline_place && out.len() == before + 1 {
            if let Some(c) = out.last_mut() {
                if matches!(c.reading, Reading::Single) && c.cue.is_none() {
                    c.cue = Some((Cue::Place, "country"));
                }
            }
        }
        i = j;
    }
}

fn read_single_known(t: &str) -> Option<Reading> {
    if DEMONYM.contains_key(t) || NON_NAME.contains(t) {
        return None;
    }
    if let Some(k) = KNOWN.get(t) {
        return Some(Reading::Known(k.clone()));
    }
    if GAZ.historical.contains_key(t) {
        return Some(Reading::Historical);
    }
    if !GAZ.lookup(t).is_empty() {
        return Some(Reading::Place {
            name: t.to_string(),
            want_city: false,
        });
    }
    None
}

#[allow(clippy::too_many_arguments)]
fn cand(
    span: Span,
    text: &str,
    seg: usize,
    reading: Reading,
    weak: bool,
    w: &[Word],
    a: usize,
    b: usize,
) -> NameCand {
    let prev = a.checked_sub(1).and_then(|p| w.get(p));
    let next = w.get(b);
    NameCand {
        span,
        text: text.to_string(),
        seg,
        reading,
        roles: Vec::new(),
        weak,
        titled: false,
        after_place_prep: prev.is_some_and(|p| {
            matches!(
                p.lower.as_str(),
                "in" | "near" | "from" | "to" | "at" | "across" | "outside" | "inside" | "of"
            )
        }),
        // "Ukibai said", "Vera Osk, a hospital spokeswoman, said"
        before_speech: next.is_some_and(|x| lexicon::is("speech_verb", &x.lower))
            || next.is_some_and(|x| x.is_punct(","))
                && w.iter()
                    .skip(b + 1)
                    .take(8)
                    .take_while(|x| !x.is_punct(".") && !x.is_punct(";"))
                    .any(|x| lexicon::is("speech_verb", &x.lower)),
        male: None,
        tokens: Vec::new(),
        cue: None,
        said_name: false,
    }
}

/// Does the name run `w[a..b]` stand in a credit line ("(Reporting by Ana Holt in Brenn;
/// editing by Sol Mack)", "By Jo Ree and Kim Lutz")? Such lines are often set apart like a
/// headline, where a capital alone proves nothing; here the "by" does. Only people, places
/// ("in Brenn"), "and" and commas may stand between the name and its "by", and the "by" must
/// open the line or follow a credit word, so "Shot By Police Chief …" is not one.
fn credited(w: &[Word], a: usize, b: usize) -> bool {
    let ends_ok = w
        .get(b)
        .is_none_or(|x| (!x.is_word && !x.is_num) || x.is("and") || x.is("in") || x.is("at"));
    if !ends_ok {
        return false;
    }
    let mut k = a;
    let mut steps = 0;
    while k > 0 && steps < 16 {
        k -= 1;
        steps += 1;
        let Some(x) = w.get(k) else { return false };
        if x.is("by") {
            return match k.checked_sub(1).and_then(|p| w.get(p)) {
                None => true,
                Some(p) => {
                    p.is_punct("(") || p.is_punct("|") || lexicon::is("credit_word", &p.lower)
                }
            };
        }
        let between = (x.is_word && x.cap)
            || x.is("and")
            || x.is("in")
            || x.is("at")
            || x.is("the")
            || x.is_punct(",");
        if !between {
            return false;
        }
    }
    false
}

fn is_namey_token(x: &Word) -> bool {
    x.cap
        && !x.upper
        && !NON_NAME.contains(x.text)
        && !DEMONYM.contains_key(x.text)
        && !DESCRIPTOR.contains_key(x.lower.as_str())
        && x.text.chars().any(|c| c.is_lowercase())
}

/// Read the capitalised run `w[a0..b]`.
fn classify(doc: &Document, w: &[Word], a0: usize, b: usize, seg: usize, out: &mut Vec<NameCand>) {
    let mut a = a0;
    // Determiners and function words never begin a name; modifiers may begin a known one.
    while a < b && w.get(a).is_some_and(is_det) {
        a += 1;
    }
    if joined_run(doc, w, a, b, seg, out) {
        return;
    }
    let whole = text_of(doc, w, a, b);
    let whole_known = KNOWN.contains_key(whole)
        || GAZ.historical.contains_key(whole)
        || (b > a + 1 && w.get(b - 1).is_some_and(|y| is_tail_head(y.text)));
    while a < b
        && w.get(a).is_some_and(|x| {
            NON_NAME.contains(x.text) && !(whole_known && lexicon::NAME_MODIFIER.contains(x.text))
        })
    {
        a += 1;
    }
    if a >= b {
        return;
    }
    let (Some(first), Some(last)) = (w.get(a), w.get(b - 1)) else {
        return;
    };
    let weak = first.start && !crate::acronyms::introduced_in_brackets(w, a, b);
    let text = text_of(doc, w, a, b);
    let Some(span) = span_of(w, a, b) else { return };
    let len = b - a;

    // 1. Lexicon names.
    let the_text = format!("The {text}");
    if let Some(k) = KNOWN.get(text).or_else(|| KNOWN.get(the_text.as_str())) {
        out.push(cand(
            span,
            text,
            seg,
            Reading::Known(k.clone()),
            weak,
            w,
            a,
            b,
        ));
        return;
    }
    if GAZ.historical.contains_key(text) {
        out.push(cand(span, text, seg, Reading::Historical, weak, w, a, b));
        return;
    }
    // "Europe", "the Middle East", "the Himalayas": places the gazetteer has no row for.
    if lexicon::is("world_region", text) {
        out.push(cand(span, text, seg, Reading::Landmark, weak, w, a, b));
        return;
    }
    // Things and events named with capitals ("Arab Spring", "Dow Jones Industrial Average",
    // "Hurricane Ian").
    if len >= 2 && (lexicon::is("event_tail", last.text) || lexicon::is("event_lead", first.text)) {
        return;
    }
    // 2. Organisations by head word.
    if len >= 2 {
        let two = w.get(b - 2).map(|p| format!("{} {}", p.text, last.text));
        if let Some((sub, _)) = two.as_deref().and_then(|t| ORG_HEAD.get(t)) {
            out.push(cand(span, text, seg, Reading::Org(sub), weak, w, a, b));
            return;
        }
        if let Some((sub, pos)) = ORG_HEAD.get(last.text) {
            if matches!(pos, HeadPos::Tail | HeadPos::Both) {
                let centre_place = matches!(last.text, "Centre" | "Center")
                    && w.get(b - 2)
                        .is_some_and(|p| lexicon::is("centre_landmark", p.text));
                let reading = if centre_place {
                    Reading::Landmark
                } else {
                    Reading::Org(sub)
                };
                out.push(cand(span, text, seg, reading, weak, w, a, b));
                return;
            }
        }
        for k in a + 1..b.saturating_sub(1) {
            if w.get(k).is_some_and(|x| x.is("of")) {
                let prev = w.get(k - 1);
                if let Some((sub, pos)) = prev.and_then(|x| ORG_HEAD.get(x.text)) {
                    // "Institute of Development Studies": a tail head that takes "of".
                    let of_ok = prev.is_some_and(|x| lexicon::is("of_head", x.text));
                    if matches!(pos, HeadPos::Head | HeadPos::Both) || of_ok {
                        out.push(cand(span, text, seg, Reading::Org(sub), weak, w, a, b));
                        return;
                    }
                }
            }
            // "International Organization for Migration": any organisation head before "for".
            if w.get(k).is_some_and(|x| x.is("for")) {
                let head = w
                    .get(k - 1)
                    .filter(|x| lexicon::is("for_head", x.text))
                    .and_then(|x| ORG_HEAD.get(x.text));
                if let Some((sub, _)) = head {
                    out.push(cand(span, text, seg, Reading::Org(sub), weak, w, a, b));
                    return;
                }
            }
        }
    }
    // 2b. A known organisation followed by a person's name in one run ("National Security
    // Committee Karim Massimov"): split after the organisation.
    if len >= 3 {
        for k in (a + 1..b - 1).rev() {
            let left = text_of(doc, w, a, k);
            let org_tail = k - a >= 2 && w.get(k - 1).is_some_and(|x| is_tail_head(x.text));
            if KNOWN.contains_key(left) || org_tail {
                let rest_is_name = b - k >= 2
                    && (k..b).all(|q| {
                        w.get(q)
                            .is_some_and(|x| is_namey_token(x) || is_particle(x))
                    });
                if rest_is_name || role_at(w, k).is_some() {
                    classify(doc, w, a, k, seg, out);
                    classify(doc, w, k, b, seg, out);
                    return;
                }
            }
        }
    }
    // 3. A title inside the run splits it: [place/org/demonym] TITLE [person name].
    for t in a..b {
        let Some((len_t, noun)) = role_at(w, t) else {
            continue;
        };
        if t + len_t > b {
            continue;
        }
        let left_ok = (a..t).all(|k| {
            w.get(k).is_some_and(|x| {
                DEMONYM.contains_key(x.text)
                    || KNOWN.contains_key(x.text)
                    || !GAZ.lookup(x.text).is_empty()
                    || ORG_HEAD.contains_key(x.text)
                    || lexicon::is("role_modifier", &x.lower)
            })
        }) || (t > a && read_left(doc, w, a, t));
        if !left_ok {
            continue;
        }
        if t > a {
            classify_left(doc, w, a, t, seg, out);
        }
        let mut pa = t + len_t;
        // "Prosecutor General Hana Vitek": titles in a row.
        while let Some((l2, _)) = role_at(w, pa).filter(|(l2, _)| pa + l2 < b) {
            pa += l2;
        }
        // "President of Kazakhstan", "Minister of Defence Ali Bakr": the "of" object belongs
        // to the title; a person name may follow it (its last two words).
        if w.get(pa).is_some_and(|x| x.is("of")) && pa + 1 < b {
            let mut o = pa + 1;
            if w.get(o).is_some_and(is_det) {
                o += 1;
            }
            let obj_end = if b >= o + 3 && (b - 2..b).all(|k| w.get(k).is_some_and(is_namey_token))
            {
                b - 2
            } else {
                b
            };
            if obj_end > o {
                classify_left(doc, w, o, obj_end, seg, out);
            }
            pa = obj_end;
        }
        if pa < b {
            let role = role_before(doc, w, pa, Some((t, pa, noun)));
            push_person(doc, w, pa, b, seg, role, out);
        }
        return;
    }
    // 4. Regions and landmarks by pattern.
    if len >= 2
        && matches!(
            last.text,
            "Region"
                | "Province"
                | "Oblast"
                | "Governorate"
                | "Prefecture"
                | "State"
                | "District"
                | "County"
        )
    {
        let base = GAZ.best(text_of(doc, w, a, b - 1), &[], false);
        out.push(cand(
            span,
            text,
            seg,
            Reading::Region { base },
            weak,
            w,
            a,
            b,
        ));
        return;
    }
    if len >= 2
        && (lexicon::is("landmark_tail", last.text) || lexicon::is("landmark_lead", first.text))
    {
        out.push(cand(span, text, seg, Reading::Landmark, weak, w, a, b));
        return;
    }
    // "Caddon police", "Harnow police said": the police force of a place the gazetteer
    // does not know ("police" stays lower case). A known place keeps its place reading, so
    // "an Almaty police official" still ties what the official reports to Almaty.
    // At a sentence start only a name the police speak or are led under
    // ("Harnow police said", "Harnow police chief …") counts ("Riot police fired …").
    if w.get(b)
        .is_some_and(|x| x.is_word && !x.cap && x.is("police"))
        && (a..b).all(|k| w.get(k).is_some_and(is_namey_token))
        && !DEMONYM.contains_key(text)
        && GAZ.lookup(text).is_empty()
        && (!weak
            || !lexicon::is("police_modifier", &first.lower)
                && w.get(b + 1).is_some_and(|x| {
                    lexicon::is("speech_verb", &x.lower) || role_at(w, b + 1).is_some()
                }))
    {
        // "Ostrin police headquarters": the unit's own noun belongs to its name.
        let e = if w
            .get(b + 1)
            .is_some_and(|x| x.is_word && lexicon::is("police_unit", &x.lower))
        {
            b + 2
        } else {
            b + 1
        };
        if let Some(sp) = span_of(w, a, e) {
            let t2 = text_of(doc, w, a, e);
            out.push(cand(sp, t2, seg, Reading::Org("government"), weak, w, a, e));
            return;
        }
    }
    // "the Kessmark depot", "the Pellik copper mine": a site named after a place the
    // gazetteer does not know (a known place keeps its own reading below).
    let site_end = [b, b + 1].into_iter().find(|&e| {
        (b..=e).all(|k| w.get(k).is_some_and(|x| x.is_word && !x.cap))
            && w.get(e)
                .is_some_and(|x| lexicon::is("landmark_noun_after", &x.lower))
    });
    let site_lead = a
        .checked_sub(1)
        .and_then(|k| w.get(k))
        .is_some_and(|p| is_det(p) || lexicon::is("place_prep", &p.lower) || p.is("at"));
    if let Some(e) = site_end.filter(|_| site_lead && GAZ.lookup(text).is_empty()) {
        let namey = (a..b).all(|k| w.get(k).is_some_and(is_namey_token));
        if namey {
            if let Some(sp) = span_of(w, a, e + 1) {
                let t2 = text_of(doc, w, a, e + 1);
                out.push(cand(sp, t2, seg, Reading::Landmark, weak, w, a, e + 1));
                return;
            }
        }
    }
    // 5. Gazetteer places ("Almaty", "New York"), "X region", "X city". A demonym is never
    // a place mention, even where some town shares its spelling.
    if !GAZ.lookup(text).is_empty() && !DEMONYM.contains_key(text) {
        // "Kharkiv region" is another place than the city Kharkiv; "Sindh province" is the
        // gazetteer's region Sindh. Either way the lower-case region word is no part of the
        // name's span (the cluster keeps it in its name).
        if region_word(w.get(b)) {
            let base = GAZ.best(text, &[], false);
            let kind = base.and_then(|i| GAZ.place(i)).map(|p| p.kind);
            if !matches!(kind, Some(PlaceKind::Country | PlaceKind::Region)) {
                let t2 = text_of(doc, w, a, b + 1);
                out.push(cand(
                    span,
                    t2,
                    seg,
                    Reading::Region { base },
                    weak,
                    w,
                    a,
                    b + 1,
                ));
                return;
            }
        }
        let want_city = w.get(b).is_some_and(|x| x.is("city"));
        let reading = Reading::Place {
            name: text.to_string(),
            want_city,
        };
        out.push(cand(span, text, seg, reading, weak, w, a, b));
        return;
    }
    // "the Drovna region": a region the gazetteer does not know.
    if let Some(rw) = w.get(b).filter(|x| region_word(Some(x))) {
        let namey = (a..b).all(|k| w.get(k).is_some_and(is_namey_token));
        if namey
            && !matches!(
                rw.lower.as_str(),
                "state" | "republic" | "department" | "territory"
            )
        {
            // The mention is the name without its lower-case region word; the cluster key
            // keeps it ("the Drovna region").
            let t2 = text_of(doc, w, a, b + 1);
            out.push(cand(
                span,
                t2,
                seg,
                Reading::Region { base: None },
                weak,
                w,
                a,
                b + 1,
            ));
            return;
        }
    }
    // A run after "the" is not a person ("the Eternal Flame"): a landmark after a place
    // preposition, else an organisation.
    let the_before = a.checked_sub(1).and_then(|k| w.get(k)).is_some_and(is_det);
    if len >= 2 && the_before {
        let namey = (a..b).all(|k| {
            w.get(k)
                .is_some_and(|x| is_namey_token(x) || is_particle(x))
        });
        if namey {
            let prep = a.checked_sub(2).and_then(|k| w.get(k)).is_some_and(|p| {
                matches!(
                    p.lower.as_str(),
                    "at" | "in" | "near" | "outside" | "inside"
                )
            });
            let reading = if prep {
                Reading::Landmark
            } else {
                Reading::Org("")
            };
            out.push(cand(span, text, seg, reading, weak, w, a, b));
            return;
        }
    }
    // "the National Unity bloc"
    if let Some(v) = w
        .get(b)
        .filter(|x| x.is_word && !x.cap)
        .and_then(|x| lexicon::value("org_noun_after", &x.lower))
    {
        let namey = (a..b).all(|k| w.get(k).is_some_and(is_namey_token));
        if namey {
            if let Some(sp) = span_of(w, a, b + 1) {
                let t2 = text_of(doc, w, a, b + 1);
                out.push(cand(sp, t2, seg, Reading::Org(v), weak, w, a, b + 1));
                return;
            }
        }
    }
    if len >= 2 {
        if let Some((Cue::Org, sub)) = context_cue(w, a, b) {
            out.push(cand(span, text, seg, Reading::Org(sub), weak, w, a, b));
            return;
        }
    }
    // 6. Person names: two to five name-like words.
    if (2..=5).contains(&len) {
        let namey = (a..b).all(|k| {
            w.get(k)
                .is_some_and(|x| is_namey_token(x) || is_particle(x) || x.text.len() <= 2 && x.cap)
        });
        let has_country = (a..b).any(|k| {
            w.get(k).is_some_and(|x| {
                GAZ.best(x.text, &[], false)
                    .and_then(|i| GAZ.place(i))
                    .is_some_and(|p| p.kind == PlaceKind::Country)
            })
        });
        if namey && !has_country {
            let role = role_before(doc, w, a, None);
            push_person(doc, w, a, b, seg, role, out);
            if let Some(c) = out.last_mut() {
                c.weak = weak && !credited(w, a, b);
            }
            return;
        }
        // Known names side by side ("Kazakhstan Tokayev"): read word by word.
        for k in a..b {
            classify(doc, w, k, k + 1, seg, out);
        }
        return;
    }
    if len == 1 {
        // "told the Courier" in a story of the Ostrin Courier: an outlet calls itself by
        // its head word.
        let the_before = a.checked_sub(1).and_then(|k| w.get(k)).is_some_and(is_det);
        let own_outlet = doc
            .meta
            .outlet
            .as_deref()
            .and_then(|o| o.strip_suffix(text))
            .is_some_and(|pre| pre.len() > 1 && pre.ends_with(' '));
        if the_before && !weak && own_outlet && is_tail_head(first.text) {
            out.push(cand(span, text, seg, Reading::Org("media"), weak, w, a, b));
            return;
        }
        if first.upper && first.text.chars().filter(|c| c.is_alphabetic()).count() <= 6 && !weak {
            out.push(cand(span, text, seg, Reading::Acronym, weak, w, a, b));
            return;
        }
        if camel_case(first.text) && !weak {
            out.push(cand(span, text, seg, Reading::Org(""), weak, w, a, b));
            return;
        }
        if is_namey_token(first) || first.upper {
            let mut c = cand(span, text, seg, Reading::Single, weak, w, a, b);
            c.cue = context_cue(w, a, b);
            // "said Robyn, an evacuee": the speaker's name, a person.
            c.said_name = c.cue.is_none() && !weak && crate::bare_names::named_speaker(w, a);
            let role = role_before(doc, w, a, None).or_else(|| role_after(doc, w, b));
            if let Some(r) = role {
                c.titled = r.class != "other";
                c.roles.push(r);
            }
            c.tokens = vec![text.to_string()];
            out.push(c);
        }
    }
}

/// Runs read by the rules of `joined_names`: a body named after
/// places, a site and its city, a compass part of a region. True when the run is read.
fn joined_run(
    doc: &Document,
    w: &[Word],
    a: usize,
    b: usize,
    seg: usize,
    out: &mut Vec<NameCand>,
) -> bool {
    use crate::joined_names as jn;
    let weak = w.get(a).is_some_and(|x| x.start);
    let push = |e: usize, reading: Reading, out: &mut Vec<NameCand>| {
        if let Some(sp) = span_of(w, a, e) {
            let t = text_of(doc, w, a, e);
            out.push(cand(sp, t, seg, reading, weak, w, a, e));
        }
    };
    if let Some(e) = jn::place_body_end(doc, w, a, b) {
        push(e, Reading::Org("government"), out);
        return true;
    }
    if let Some(k) = jn::site_then_place(doc, w, a, b) {
        classify(doc, w, a, k, seg, out);
        classify(doc, w, k, b, seg, out);
        return true;
    }
    if jn::compass_region(doc, w, a, b) {
        let base = GAZ.best(text_of(doc, w, a + 1, b), &[], false);
        push(b, Reading::Region { base }, out);
        return true;
    }
    false
}

/// Can the words before a title be read as a place or organisation?
fn read_left(doc: &Document, w: &[Word], a: usize, b: usize) -> bool {
    let t = text_of(doc, w, a, b);
    KNOWN.contains_key(t)
        || !GAZ.lookup(t).is_empty()
        || b.checked_sub(1)
            .and_then(|k| w.get(k))
            .is_some_and(|x| ORG_HEAD.contains_key(x.text))
}

fn classify_left(
    doc: &Document,
    w: &[Word],
    a: usize,
    b: usize,
    seg: usize,
    out: &mut Vec<NameCand>,
) {
    let t = text_of(doc, w, a, b);
    let weak = w.get(a).is_some_and(|x| x.start);
    if let Some(r) = read_single_known(t) {
        if let Some(span) = span_of(w, a, b) {
            out.push(cand(span, t, seg, r, weak, w, a, b));
        }
        return;
    }
    if let Some((sub, _)) = b
        .checked_sub(1)
        .and_then(|k| w.get(k))
        .and_then(|x| ORG_HEAD.get(x.text))
    {
        if let Some(span) = span_of(w, a, b) {
            out.push(cand(span, t, seg, Reading::Org(sub), false, w, a, b));
        }
        return;
    }
    for k in a..b {
        if let Some(x) = w.get(k) {
            if let Some(r) = read_single_known(x.text) {
                out.push(cand(x.span, x.text, seg, r, x.start, w, k, k + 1));
            }
        }
    }
}

fn push_person(
    doc: &Document,
    w: &[Word],
    a: usize,
    b: usize,
    seg: usize,
    role: Option<RoleRaw>,
    out: &mut Vec<NameCand>,
) {
    let Some(span) = span_of(w, a, b) else { return };
    let text = text_of(doc, w, a, b);
    let mut c = cand(span, text, seg, Reading::Person, false, w, a, b);
    c.tokens = (a..b)
        .filter_map(|k| w.get(k))
        .filter(|x| !is_particle(x))
        .map(|x| x.text.to_string())
        .collect();
    if b - a == 1 {
        c.reading = Reading::Single;
    }
    if let Some(r) = role {
        c.titled = true;
        c.male = match r.noun {
            "mr" | "mr." | "sir" | "lord" | "king" | "prince" | "spokesman" | "chairman"
            | "congressman" => Some(true),
            "mrs" | "mrs." | "ms" | "ms." | "dame" | "lady" | "queen" | "princess"
            | "spokeswoman" | "chairwoman" | "congresswoman" => Some(false),
            _ => None,
        };
        if r.class != "honorific" {
            c.roles.push(r);
        }
    }
    if let Some(r) = role_after(doc, w, b) {
        if !c.roles.iter().any(|x| x.span == r.span) {
            c.roles.push(r);
        }
    }
    out.push(c);
}
