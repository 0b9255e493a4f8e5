//! Who a speaker mention refers to: names, role nouns ("the state broadcaster"), pronouns.
//! Uses the entity layer where it resolves the mention, and the document's own names and
//! the claims' speaker history otherwise.

use crate::extract::Ctx;
use crate::lexicon::{word_is, RoleClass, WordKind, CUES, OUTLETS, ROLES};
use crate::words::*;
const CUE_WORDS: &[&str] = &["said", "says", "told", "according", "reported", "announced"];

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap as HashMap;

use newsledger_model::{Entity, EntityType, MentionKind, SegmentKind, Span, SpanIndex, Speaker};

/// A proper name seen in the document, with the descriptors written around it.
#[derive(Debug, Clone)]
pub struct NameEntry {
    pub span: Span,
    pub text: String,
    /// Lower-case role words and nationality words before/around the name.
    pub descs: Vec<String>,
    pub class: Option<RoleClass>,
}

#[derive(Debug, Clone)]
pub struct Resolved {
    pub speaker: Speaker,
    pub class: Option<RoleClass>,
    pub plural: bool,
    /// Descriptors known for the resolved speaker ("president", "press secretary").
    pub descs: Vec<String>,
    pub offset: usize,
}

pub struct Resolver<'c, 'a> {
    ctx: &'c Ctx<'a>,
    pub names: Vec<NameEntry>,
    pub history: Vec<Resolved>,
    /// Last word of a multi-word name → the first such full name ("Ukibai" → "Aidos Ukibai").
    by_last: HashMap<String, String>,
    /// Name text (and its last word) → indices of its entries.
    by_text: HashMap<String, Vec<usize>>,
    /// Bodies named in lower case anywhere ("the miners' union", "the interior ministry"),
    /// in text order: the name after the determiner and the class of its head noun.
    bodies: Vec<(Span, String, RoleClass)>,
    /// Every entity mention's span, and for each (in the same order) its entity's index:
    /// `entity_for` and `is_place` scanned every mention per question (quadratic on one
    /// long document).
    mention_idx: SpanIndex,
    mention_entity: Vec<usize>,
    /// Resolve the next mention as if it were definite: the body behind "a ministry
    /// statement" is a particular ministry, though the phrase is indefinite.
    implied_definite: std::cell::Cell<bool>,
    /// Name → its descriptors from the entries of that name ([`Resolver::descs_of`] without
    /// the entry at the asked span): a name repeated thousands of times was rescanned in
    /// full for every mention.
    descs_memo: std::cell::RefCell<HashMap<String, Vec<String>>>,
}

const GOV: u8 = 1;
const ORG: u8 = 2;
const MEDIA: u8 = 4;

/// `GOV_WORDS`, `ORG_WORDS` and `MEDIA_WORDS` as one table: a word's lists in one lookup
/// instead of three linear scans (names are tested word by word, many times per document).
static BODY_WORDS: Lazy<HashMap<&'static str, u8>> = Lazy::new(|| {
    let mut m: HashMap<&'static str, u8> = HashMap::default();
    for (list, bit) in [(GOV_WORDS, GOV), (ORG_WORDS, ORG), (MEDIA_WORDS, MEDIA)] {
        for w in list {
            *m.entry(w).or_default() |= bit;
        }
    }
    m
});

/// Which of the body-word lists `w` is in (bits `GOV`, `ORG`, `MEDIA`; 0 for none).
fn body_bits(w: &str) -> u8 {
    BODY_WORDS.get(w).copied().unwrap_or(0)
}

fn is_cap_word(ctx: &Ctx, i: usize) -> bool {
    ctx.tok(i).is_some_and(|t| t.is_word() && t.cap)
}

impl<'c, 'a> Resolver<'c, 'a> {
    pub fn new(ctx: &'c Ctx<'a>) -> Self {
        let mut names = Vec::new();
        for seg in ctx.doc.content_segments() {
            if seg.kind == SegmentKind::Dateline {
                continue;
            }
            let (sa, sb) = ctx.tok_range(seg.span);
            let mut i = sa;
            while i < sb {
                // Evaluated only for a capitalised word: most tokens are not.
                let sentence_initial_common = || {
                    let w0 = ctx.lower(i);
                    let before_role = || {
                        !is_cap_word(ctx, i + 1)
                            && ROLES.contains_key(ctx.lower(i + 1))
                            && i + 1 < sb
                    };
                    i == sa
                        && (w0.ends_with("ing")
                            || w0.ends_with("ed")
                            || w0.ends_with("ly")
                            || any(w0, NUMBER_WORDS)
                            || before_role())
                };
                let starts = is_cap_word(ctx, i)
                    && !sentence_initial_common()
                    && !(any(ctx.lower(i), DETS)
                        || any(ctx.lower(i), PREPS)
                        || any(ctx.lower(i), BACK_STOP)
                        || any(ctx.lower(i), PRONOUNS)
                        || any(
                            ctx.lower(i),
                            &[
                                "according",
                                "meanwhile",
                                "however",
                                "but",
                                "and",
                                "it's",
                                "there",
                                "earlier",
                                "later",
                            ],
                        ));
                if !starts {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                while j < sb {
                    let ok = is_cap_word(ctx, j)
                        || ctx.tok(j).is_some_and(|t| t.kind == crate::text::TK::Num)
                            && is_cap_word(ctx, j - 1)
                        || (any(ctx.lower(j), &["of", "de", "al", "bin", "for", "and"])
                            && is_cap_word(ctx, j + 1)
                            && ctx.lower(j) != "and");
                    if !ok {
                        break;
                    }
                    j += 1;
                }
                // Title words at the start are descriptors.
                let mut a = i;
                let mut descs: Vec<String> = Vec::new();
                let orgish = (i..j).any(|k| body_bits(ctx.lower(k)) != 0);
                while a + 1 < j && any(ctx.lower(a), TITLES) && !orgish {
                    descs.push(ctx.lower(a).to_string());
                    a += 1;
                }
                // Lower-case descriptors right before ("press secretary Aidos Ukibai",
                // "state television Khabar 24"), and one possessor/nationality before them.
                let mut k = i;
                let mut n = 0;
                let mut before: Vec<String> = Vec::new();
                while k > sa && n < 5 {
                    let p = k - 1;
                    let Some(t) = ctx.tok(p) else { break };
                    if t.is_word()
                        && !t.cap
                        && !any(&t.lower, DETS)
                        && !any(&t.lower, PREPS)
                        && !any(&t.lower, BACK_STOP)
                    {
                        before.insert(0, t.lower.clone());
                        k = p;
                        n += 1;
                    } else if t.lower == "'s" || (t.is_word() && t.cap && n > 0) {
                        let mut q = p;
                        if t.lower == "'s" {
                            q = p.saturating_sub(1);
                        }
                        if is_cap_word(ctx, q) {
                            before.insert(0, ctx.lower(q).to_string());
                        }
                        break;
                    } else {
                        break;
                    }
                }
                descs.extend(before);
                // An appositive after the name: "Ukibai, his press secretary,".
                if ctx.lower(j) == ","
                    && any(
                        ctx.lower(j + 1),
                        &["the", "his", "her", "its", "their", "a"],
                    )
                {
                    let mut m = j + 2;
                    let mut words = Vec::new();
                    while m < sb && m < j + 8 && ctx.tok(m).is_some_and(|t| t.is_word()) {
                        words.push(ctx.lower(m).to_string());
                        m += 1;
                    }
                    // Only a closed appositive: "X, the president, said" — not the speaker of
                    // the next clause ("…on Monday, the fire service said").
                    let has_cue = words.iter().any(|w| CUES.contains_key(w.as_str()));
                    if !has_cue && (m >= sb || matches!(ctx.lower(m), "," | "." | ")" | ";")) {
                        descs.extend(words);
                    }
                }
                let span = Span::new(
                    ctx.tok(a).map(|t| t.span.start()).unwrap_or(0),
                    ctx.tok(j - 1).map(|t| t.span.end()).unwrap_or(0),
                );
                // "Monday", "June 15": a date is never a speaker's name.
                if (a..j).all(|k| ctx.timeish(k)) {
                    i = j;
                    continue;
                }
                let text = ctx.slice(span).to_string();
                let class = guess_class(&text, &descs);
                names.push(NameEntry {
                    span,
                    text,
                    descs,
                    class,
                });
                i = j;
            }
        }
        let mut by_last = HashMap::default();
        let mut by_text: HashMap<String, Vec<usize>> = HashMap::default();
        for (k, n) in names.iter().enumerate() {
            by_text.entry(n.text.clone()).or_default().push(k);
            if let Some((_, last)) = n.text.rsplit_once([' ', '-']) {
                by_last
                    .entry(last.to_string())
                    .or_insert_with(|| n.text.clone());
                by_text.entry(last.to_string()).or_default().push(k);
            }
        }
        let bodies = lower_case_bodies(ctx);
        let mut spans = Vec::new();
        let mut mention_entity = Vec::new();
        for (ei, e) in ctx.doc.layers.entities.iter().enumerate() {
            for m in &e.mentions {
                spans.push(m.span);
                mention_entity.push(ei);
            }
        }
        Resolver {
            mention_idx: SpanIndex::new(spans),
            mention_entity,
            bodies,
            by_last,
            by_text,
            ctx,
            names,
            history: Vec::new(),
            descs_memo: Default::default(),
            implied_definite: std::cell::Cell::new(false),
        }
    }

    /// Resolve a speaker mention; `record` adds it to the speaker history (claims' speakers,
    /// not relays).
    pub fn resolve(&mut self, span: Span, record: bool) -> Speaker {
        let r = self.resolve_inner(span);
        if record {
            self.history.push(r.clone());
        }
        r.speaker
    }

    /// Resolve the body named inside a record phrase ("ministry" in "a ministry statement"),
    /// which refers like a definite phrase.
    pub fn resolve_body(&mut self, span: Span, record: bool) -> Speaker {
        self.implied_definite.set(true);
        self.resolve(span, record)
    }

    fn resolve_inner(&self, span: Span) -> Resolved {
        let implied_definite = self.implied_definite.replace(false);
        let ctx = self.ctx;
        let text = ctx.slice(span).to_string();
        let (a, b) = ctx.tok_range(span);
        let lower: Vec<&str> = (a..b).map(|k| ctx.lower(k)).collect();
        let mk = |name: String,
                  entity: Option<String>,
                  class: Option<RoleClass>,
                  plural: bool,
                  descs: Vec<String>| Resolved {
            speaker: Speaker {
                text: text.clone(),
                span,
                entity: entity.or_else(|| Some(name.clone())),
                name,
            },
            class,
            plural,
            descs,
            offset: span.start(),
        };
        // Pronouns.
        if lower.len() == 1 && any(lower[0], &["he", "she", "they", "it", "we"]) {
            let w = lower[0];
            if matches!(w, "he" | "she") {
                if let Some(r) = self.previous_subject(span) {
                    return r;
                }
            }
            // "The miners' union tells a different story: it says …": a body named earlier in
            // the same sentence is the likeliest "it".
            if w == "it" {
                let seg = ctx.doc.segment_index_at(span.start());
                let same = self.bodies.iter().rev().find(|(bs, _, _)| {
                    bs.end() <= span.start() && ctx.doc.segment_index_at(bs.start()) == seg
                });
                let later_speaker = |off: usize| {
                    self.history
                        .iter()
                        .any(|h| h.offset > off && h.offset < span.start())
                };
                if let Some((bs, name, class)) = same.filter(|b| !later_speaker(b.0.start())) {
                    let _ = bs;
                    return mk(name.clone(), None, Some(*class), false, Vec::new());
                }
            }
            let hit = self.history.iter().rev().find(|h| match w {
                "he" | "she" => h.class == Some(RoleClass::Person) && !h.plural,
                "it" => {
                    matches!(
                        h.class,
                        Some(RoleClass::Media | RoleClass::Gov | RoleClass::Org)
                    ) && !h.plural
                }
                _ => {
                    h.plural
                        || matches!(
                            h.class,
                            Some(RoleClass::Gov | RoleClass::Org | RoleClass::Media)
                        )
                }
            });
            if let Some(h) = hit {
                let mut r = h.clone();
                r.speaker.text = text.clone();
                r.speaker.span = span;
                r.offset = span.start();
                return r;
            }
            if let Some(e) = self.entity_for(span, true) {
                return mk(e.1, Some(e.0), Some(e.2), false, Vec::new());
            }
            if matches!(w, "he" | "she") {
                if let Some(n) = self.names.iter().rev().find(|n| {
                    n.span.end() <= span.start()
                        && n.class == Some(RoleClass::Person)
                        && !self.is_place(n.span)
                }) {
                    return mk(
                        n.text.clone(),
                        None,
                        Some(RoleClass::Person),
                        false,
                        n.descs.clone(),
                    );
                }
            }
            return mk(text.clone(), None, None, w == "they", Vec::new());
        }
        // A proper name at the end of the phrase is its head.
        let e = b;
        let name_head = e > a
            && (is_cap_word(ctx, e - 1)
                || ctx
                    .tok(e - 1)
                    .is_some_and(|t| t.kind == crate::text::TK::Num)
                    && e >= a + 2
                    && is_cap_word(ctx, e - 2));
        let np_descs: Vec<String> = lower
            .iter()
            .filter(|w| !any(w, DETS))
            .map(|w| w.to_string())
            .collect();
        // "the Head of State": a capitalised role is still a role.
        let caps_role = {
            let joined = lower
                .iter()
                .filter(|w| !any(w, DETS))
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            ROLES.contains_key(&joined) && lower.first().is_some_and(|w| any(w, DEFINITE))
        };
        // "A doctor at Ostrin General Hospital": the head is the common noun before the name.
        let pp_head = {
            let mut s0 = e;
            while s0 > a
                && (is_cap_word(ctx, s0 - 1)
                    || ctx
                        .tok(s0 - 1)
                        .is_some_and(|t| t.kind == crate::text::TK::Num)
                    || any(ctx.lower(s0 - 1), &["of", "for"])
                        && s0 - 1 > a
                        && is_cap_word(ctx, s0 - 2))
            {
                s0 -= 1;
            }
            s0 > a + 1
                && any(
                    ctx.lower(s0 - 1),
                    &["at", "of", "in", "from", "for", "with", "the"],
                )
                && (a..s0 - 1).any(|k| {
                    ctx.tok(k).is_some_and(|t| {
                        t.is_word() && !t.cap && !any(&t.lower, DETS) && !any(&t.lower, PREPS)
                    })
                })
                && (a..s0).all(|k| ctx.lower(k) != "'s")
        };
        let lone_det = b - a == 1 && any(lower[0], DETS);
        if name_head && !caps_role && !pp_head && !lone_det {
            let mut s = e - 1;
            while s > a
                && (is_cap_word(ctx, s - 1)
                    || ctx
                        .tok(s - 1)
                        .is_some_and(|t| t.kind == crate::text::TK::Num)
                    || (any(ctx.lower(s - 1), &["of", "for", "de", "al"])
                        && s - 1 > a
                        && is_cap_word(ctx, s - 2)))
            {
                s -= 1;
            }
            let orgish = (s..e).any(|k| body_bits(ctx.lower(k)) != 0);
            while s + 1 < e && any(ctx.lower(s), TITLES) && !orgish {
                s += 1;
            }
            while s < e && any(ctx.lower(s), DETS) {
                s += 1;
            }
            let nspan = Span::new(
                ctx.tok(s).map(|t| t.span.start()).unwrap_or(span.start()),
                ctx.tok(e - 1).map(|t| t.span.end()).unwrap_or(span.end()),
            );
            let own = ctx.slice(nspan).to_string();
            let entry_descs = self.descs_of(&own, nspan).unwrap_or_default();
            let mut descs = np_descs.clone();
            descs.extend(entry_descs);
            let class0 = guess_class(&own, &descs);
            if let Some((id, name, class)) = self.entity_for(nspan, false) {
                let class = if class0 == Some(RoleClass::Media) {
                    class0
                } else {
                    Some(class)
                };
                return mk(name, Some(id), class, false, descs);
            }
            // A surname seen before in full: "Ukibai" → "Aidos Ukibai".
            let name = self.full_name(&own);
            return mk(name, None, class0.or(Some(RoleClass::Person)), false, descs);
        }
        // Definite role nouns: "the state broadcaster", "his press secretary", "the leader".
        let role = role_of(&lower);
        let possessor = lower.iter().position(|w| *w == "'s");
        let definite = lower.first().is_some_and(|w| any(w, DEFINITE))
            || possessor.is_some()
            || implied_definite;
        if possessor.is_none() {
            if let Some(r) = self.spokesperson(span, &lower, definite) {
                return r;
            }
        }
        if let (Some((rw, rclass)), true, None) = (role.clone(), definite, possessor) {
            if rclass != RoleClass::Person {
                if let Some(r) = self.body_noun(span, &rw, rclass, &lower, &np_descs) {
                    return r;
                }
            }
        }
        if let (Some((rw, rclass)), true) = (role.clone(), definite) {
            // An outlet or body quoted in the last few sentences is the likeliest referent;
            // "the mayor's office" only refers back to an office of the same owner.
            if rclass != RoleClass::Person {
                if let Some(r) = self
                    .recent_same_kind(span, &rw, rclass)
                    .filter(|r| same_owner(&lower, possessor, &r.speaker.name))
                    .filter(|r| same_nation_words(ctx, span, &r.speaker.name))
                {
                    return r;
                }
            }
            // The entity must hold the role noun itself: in "the UN human rights office" the
            // mention "UN" names the owner, not the office.
            let head_span = ctx.tok(b.saturating_sub(1)).map_or(span, |t| t.span);
            if let Some((id, name, class)) = self.entity_for(head_span, false) {
                if class_compatible(rclass, class) {
                    return mk(name, Some(id), Some(rclass), false, np_descs);
                }
            }
            if let Some(r) = self.resolve_role(span, &rw, rclass, &lower).filter(|r| {
                rclass == RoleClass::Person
                    || same_owner(&lower, possessor, &r.speaker.name)
                        && same_nation_words(ctx, span, &r.speaker.name)
            }) {
                return r;
            }
            // "his spokesman", "Halden's party": name it by its owner.
            let owner = match possessor {
                Some(k) if k > 0 => {
                    let ospan = Span::new(
                        ctx.tok(a).map(|t| t.span.start()).unwrap_or(span.start()),
                        ctx.tok(a + k - 1)
                            .map(|t| t.span.end())
                            .unwrap_or(span.start()),
                    );
                    let o = self.resolve_inner(ospan);
                    Some(o.speaker.name)
                }
                _ => match lower.first().copied() {
                    Some("his" | "her") => self.last_person(span).map(|r| r.speaker.name),
                    Some("its" | "their") => self
                        .history
                        .iter()
                        .rev()
                        .find(|h| {
                            matches!(
                                h.class,
                                Some(RoleClass::Gov | RoleClass::Org | RoleClass::Media)
                            )
                        })
                        .map(|h| h.speaker.name.clone()),
                    _ => None,
                },
            };
            if let Some(o) = owner {
                let tail: Vec<&str> = ctx
                    .slice(span)
                    .split_whitespace()
                    .skip(possessor.map(|_| 0).unwrap_or(1))
                    .collect();
                let tail = tail.join(" ");
                let tail = match possessor {
                    Some(_) => tail
                        .split_once("'s ")
                        .or_else(|| tail.split_once("’s "))
                        .map(|x| x.1.to_string())
                        .unwrap_or(tail.clone()),
                    None => tail,
                };
                return mk(format!("{o}'s {tail}"), None, Some(rclass), false, np_descs);
            }
            return mk(
                clean_name(&text),
                None,
                Some(rclass),
                rw.ends_with('s'),
                np_descs,
            );
        }
        let plural = lower
            .last()
            .is_some_and(|w| w.ends_with('s') && !w.ends_with("ss"))
            || lower
                .first()
                .is_some_and(|w| any(w, &["some", "many", "others", "most", "several", "both"]));
        let class = role.map(|r| r.1);
        let class = if plural && class == Some(RoleClass::Person) {
            Some(RoleClass::Org)
        } else {
            class
        };
        mk(clean_name(&text), None, class, plural, np_descs)
    }

    /// A person named at the start of the previous sentence of the same paragraph, when no
    /// other speaker came between: "Mayor X called for calm. He said …".
    fn previous_subject(&self, span: Span) -> Option<Resolved> {
        let ctx = self.ctx;
        let doc = ctx.doc;
        let si = doc.segment_index_at(span.start())?;
        let prev = doc.layers.segments.get(si.checked_sub(1)?)?;
        if doc.paragraph_index_at(prev.span.start()) != doc.paragraph_index_at(span.start()) {
            return None;
        }
        // A speaker already quoted in that sentence wins (the usual "…,” he added").
        if self
            .history
            .iter()
            .any(|h| prev.span.contains_offset(h.offset))
        {
            return None;
        }
        let (pa, _) = ctx.tok_range(prev.span);
        // The subject: a name among the first words that is not a possessor ("X's spokesman, Y").
        let first = self
            .names
            .partition_point(|n| n.span.start() < prev.span.start());
        let n = self
            .names
            .get(first..)
            .unwrap_or(&[])
            .iter()
            .take_while(|n| n.span.start() < prev.span.end())
            .find(|n| {
                let (na, nb) = ctx.tok_range(n.span);
                prev.span.contains(n.span)
                    && na <= pa + 8
                    && ctx.lower(nb) != "'s"
                    && (pa..na).all(|k| {
                        !any(ctx.lower(k), BACK_STOP) && !CUE_WORDS.contains(&ctx.lower(k))
                    })
            })?;
        if n.class != Some(RoleClass::Person) || self.is_place(n.span) {
            return None;
        }
        if let Some((id, name, class)) = self.entity_for(n.span, false) {
            if class != RoleClass::Person {
                return None;
            }
            return Some(Resolved {
                speaker: Speaker {
                    text: ctx.slice(span).to_string(),
                    span,
                    entity: Some(id),
                    name,
                },
                class: Some(RoleClass::Person),
                plural: false,
                descs: n.descs.clone(),
                offset: span.start(),
            });
        }
        let full = self.full_name(&n.text);
        Some(Resolved {
            speaker: Speaker {
                text: ctx.slice(span).to_string(),
                span,
                entity: Some(full.clone()),
                name: full,
            },
            class: Some(RoleClass::Person),
            plural: false,
            descs: n.descs.clone(),
            offset: span.start(),
        })
    }

    /// [`Self::recent_same_kind`] with the offset of the referent's own mention.
    fn recent_same_kind_at(
        &self,
        span: Span,
        role: &str,
        class: RoleClass,
    ) -> Option<(usize, Resolved)> {
        let r = self.recent_same_kind(span, role, class)?;
        let off = self
            .history
            .iter()
            .rev()
            .find(|h| h.offset < span.start() && h.speaker.name == r.speaker.name)
            .map(|h| h.offset)?;
        Some((off, r))
    }

    /// The last speaker or relay of the same kind within the three sentences before.
    fn recent_same_kind(&self, span: Span, role: &str, class: RoleClass) -> Option<Resolved> {
        let doc = self.ctx.doc;
        let here = doc.segment_index_at(span.start())?;
        let role_words: Vec<&str> = role.split(' ').collect();
        let h = self.history.iter().rev().find(|h| {
            let hs = doc.segment_index_at(h.offset).unwrap_or(0);
            h.offset < span.start()
                && hs + 3 >= here
                && h.class == Some(class)
                && h.speaker
                    .name
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                && (class == RoleClass::Media
                    || role_words
                        .iter()
                        .all(|w| h.speaker.name.to_lowercase().contains(w))
                    || h.descs.iter().any(|d| role_words.contains(&d.as_str())))
        })?;
        let mut r = h.clone();
        r.speaker.text = self.ctx.slice(span).to_string();
        r.speaker.span = span;
        r.offset = span.start();
        Some(r)
    }

    /// A body named by a lower-case noun phrase ("the interior ministry", "the national
    /// disaster agency") or referred back to by its head noun ("the ministry", "the agency").
    /// Modifiers that name a particular body ("disaster", "interior") must be found in the
    /// referent; without a referent the phrase names the body itself.
    fn body_noun(
        &self,
        span: Span,
        rw: &str,
        rclass: RoleClass,
        lower: &[&str],
        np_descs: &[String],
    ) -> Option<Resolved> {
        let ctx = self.ctx;
        let (a, b) = ctx.tok_range(span);
        let nrole = rw.split(' ').count();
        let head = rw.rsplit(' ').next().unwrap_or(rw);
        let head = head
            .strip_suffix('s')
            .filter(|_| !ROLES.contains_key(head))
            .unwrap_or(head);
        // Lower-case words between the determiner and the role noun.
        let mods: Vec<&str> = (a..b.saturating_sub(nrole))
            .filter(|&k| !any(ctx.lower(k), DETS) && !is_cap_word(ctx, k))
            .map(|k| ctx.lower(k))
            .collect();
        if (a..b.saturating_sub(nrole)).any(|k| is_cap_word(ctx, k) && !any(ctx.lower(k), DETS)) {
            return None;
        }
        let specific: Vec<&str> = mods
            .iter()
            .copied()
            .filter(|w| !word_is(w, WordKind::Generic))
            .collect();
        let _ = lower;
        let retext = |h: &Resolved| {
            let mut r = h.clone();
            r.speaker.text = ctx.slice(span).to_string();
            r.speaker.span = span;
            r.offset = span.start();
            r
        };
        let here = ctx.doc.segment_index_at(span.start()).unwrap_or(0);
        let names_head = |name: &str| {
            let low = name.to_lowercase();
            let last = low.rsplit([' ', '-']).next().unwrap_or("").to_string();
            last == head || last.strip_suffix('s') == Some(head)
        };
        if specific.is_empty() {
            // "the ministry": the last body quoted or named whose name ends in that noun,
            // unless an outlet or body of the same kind was quoted more recently.
            let hit = self.history.iter().rev().find(|h| {
                let hs = ctx.doc.segment_index_at(h.offset).unwrap_or(0);
                h.offset < span.start()
                    && hs + 6 >= here
                    && h.class != Some(RoleClass::Person)
                    && !h.plural
                    && h.speaker.name.contains(' ')
                    && names_head(&h.speaker.name)
            });
            let named = self.bodies.iter().rev().find(|(bs, name, _)| {
                let bseg = ctx.doc.segment_index_at(bs.start()).unwrap_or(0);
                bs.end() <= span.start() && bseg + 6 >= here && names_head(name)
            });
            let (off, r) = match (hit, named) {
                (Some(h), Some((bs, _, _))) if h.offset >= bs.start() => (h.offset, retext(h)),
                (_, Some((bs, name, class))) => (
                    bs.start(),
                    Resolved {
                        speaker: Speaker {
                            text: ctx.slice(span).to_string(),
                            span,
                            entity: Some(name.clone()),
                            name: name.clone(),
                        },
                        class: Some(*class),
                        plural: false,
                        descs: np_descs.to_vec(),
                        offset: span.start(),
                    },
                ),
                (Some(h), None) => (h.offset, retext(h)),
                (None, None) => return None,
            };
            if let Some((o, _)) = self.recent_same_kind_at(span, rw, rclass) {
                if o > off {
                    return None;
                }
            }
            return Some(r);
        }
        // "the interior ministry": a body quoted or named before with the same words.
        let has_all = |name: &str| {
            let low = name.to_lowercase();
            let words: Vec<&str> = low.split(|c: char| !c.is_alphanumeric()).collect();
            specific.iter().all(|m| words.contains(m)) && names_head(name)
        };
        if let Some(h) = self.history.iter().rev().find(|h| {
            h.offset < span.start()
                && h.class != Some(RoleClass::Person)
                && has_all(&h.speaker.name)
        }) {
            return Some(retext(h));
        }
        if let Some((id, name, class)) = self.entity_for(span, false) {
            if class != RoleClass::Person {
                return Some(Resolved {
                    speaker: Speaker {
                        text: ctx.slice(span).to_string(),
                        span,
                        entity: Some(id),
                        name,
                    },
                    class: Some(class),
                    plural: false,
                    descs: np_descs.to_vec(),
                    offset: span.start(),
                });
            }
        }
        let class = if rclass == RoleClass::Media && head == "agency" {
            // "the national disaster agency" is a public body, not a news agency.
            RoleClass::Gov
        } else {
            rclass
        };
        let name = clean_name(ctx.slice(span));
        Some(Resolved {
            speaker: Speaker {
                text: ctx.slice(span).to_string(),
                span,
                entity: Some(name.clone()),
                name,
            },
            class: Some(class),
            plural: false,
            descs: np_descs.to_vec(),
            offset: span.start(),
        })
    }

    /// "a spokesman" speaks for the organisation quoted just before; "a police spokesman",
    /// "a UN spokesperson", "a spokeswoman for the coast guard" for the body they name; the
    /// source is cited with the role noun ("coast guard spokeswoman"). A named spokesperson
    /// ("agency spokeswoman Irena Volk") is resolved as a name before this.
    fn spokesperson(&self, span: Span, lower: &[&str], definite: bool) -> Option<Resolved> {
        let ctx = self.ctx;
        let (a, b) = ctx.tok_range(span);
        let h = (a..b).find(|&k| word_is(ctx.lower(k), WordKind::Spokes))?;
        // "his spokesman", "its spokeswoman": the owner is resolved with the role nouns.
        if any(
            ctx.lower(a),
            &["his", "her", "its", "their", "our", "my", "your"],
        ) {
            return None;
        }
        // An unnamed spokesperson is not the body itself: the source keeps the role noun
        // ("coast guard spokeswoman"), as an analyst would cite it.
        let noun = ctx.lower(h).to_string();
        let wrap = |r: Resolved| {
            let mut r = r;
            let body = r.speaker.name.trim().to_string();
            let named = spokes_name(&body, r.class, &noun);
            if r.speaker.entity.as_deref() == Some(body.as_str()) || r.speaker.entity.is_none() {
                r.speaker.entity = Some(named.clone());
            }
            r.speaker.name = named;
            r.speaker.text = ctx.slice(span).to_string();
            r.speaker.span = span;
            r.offset = span.start();
            // Pronouns after it ("he added") still find the same source.
            r.class = Some(RoleClass::Person);
            r.plural = false;
            Some(r)
        };
        if definite {
            // "the spokesman" after a named one is that person.
            if let Some(r) = self.resolve_role(span, ctx.lower(h), RoleClass::Person, lower) {
                if r.speaker
                    .name
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                {
                    return Some(r);
                }
            }
        }
        // "a spokeswoman for the coast guard"
        if h + 2 < b && any(ctx.lower(h + 1), &["for", "of", "at"]) {
            let s = Span::new(ctx.tok(h + 2)?.span.start(), span.end());
            return wrap(self.resolve_inner(s));
        }
        if h + 1 != b {
            return None;
        }
        // "a police spokesman": the words before the noun name the body.
        let mods: Vec<usize> = (a..h)
            .filter(|&k| {
                let w = ctx.lower(k);
                !any(w, DETS)
                    && !word_is(w, WordKind::Generic)
                    && ctx.tok(k).is_some_and(|t| t.is_word())
            })
            .collect();
        if let (Some(&m0), Some(&m1)) = (mods.first(), mods.last()) {
            let ms = Span::new(ctx.tok(m0)?.span.start(), ctx.tok(m1)?.span.end());
            let last = ctx.lower(m1);
            if !is_cap_word(ctx, m1) {
                if let Some(class) = ROLES.get(last).copied() {
                    if class != RoleClass::Person {
                        if let Some(r) = self.body_noun(ms, last, class, &[], &[]) {
                            return wrap(r);
                        }
                    }
                }
            }
            let mut r = self.resolve_inner(ms);
            // "a UN spokesperson" is cited as written, not as the expanded body name.
            let written = ctx.slice(ms);
            if m0 == m1 && is_acronym(written) {
                r.speaker.name = written.to_string();
            }
            return wrap(r);
        }
        // "a spokesman": the organisation quoted in the last few sentences.
        let here = ctx.doc.segment_index_at(span.start())?;
        let hit = self.history.iter().rev().find(|h| {
            let hs = ctx.doc.segment_index_at(h.offset).unwrap_or(0);
            h.offset < span.start()
                && hs + 4 >= here
                // An outlet that reported the story is not who a spokesman speaks for.
                && matches!(h.class, Some(RoleClass::Gov | RoleClass::Org))
                && !h.plural
        })?;
        wrap(hit.clone())
    }

    fn last_person(&self, span: Span) -> Option<Resolved> {
        if let Some(r) = self.previous_subject(span) {
            return Some(r);
        }
        self.history
            .iter()
            .rev()
            .find(|h| h.class == Some(RoleClass::Person) && !h.plural)
            .cloned()
    }

    fn full_name(&self, own: &str) -> String {
        self.by_last
            .get(own)
            .filter(|f| f.len() > own.len())
            .cloned()
            .unwrap_or_else(|| own.to_string())
    }

    fn is_place(&self, span: Span) -> bool {
        let ents = &self.ctx.doc.layers.entities;
        self.mention_idx
            .overlapping(span)
            .into_iter()
            .filter_map(|k| self.mention_entity.get(k))
            .any(|&ei| {
                ents.get(ei)
                    .is_some_and(|e| matches!(e.kind, EntityType::Place))
            })
    }

    fn descs_of(&self, name: &str, span: Span) -> Option<Vec<String>> {
        let k = self
            .names
            .partition_point(|n| n.span.start() < span.start());
        let at_span = self.names.get(k).filter(|n| n.span == span);
        let suffix = format!(" {name}");
        if at_span.is_some_and(|n| n.text != name && !n.text.ends_with(&suffix)) {
            // the entry at the span counts where it stands among the others: scan
            return self.descs_scan(name, span);
        }
        let mut out = {
            let mut memo = self.descs_memo.borrow_mut();
            let nowhere = Span::new(usize::MAX, usize::MAX);
            memo.entry(name.to_string())
                .or_insert_with(|| self.descs_scan(name, nowhere).unwrap_or_default())
                .clone()
        };
        for d in at_span.map_or(&[][..], |n| &n.descs[..]) {
            if !out.contains(d) {
                out.push(d.clone());
            }
        }
        Some(out)
    }

    /// The descriptors of the entries of `name` (by text or last word) and of the entry at
    /// `span`, each once, in entry order.
    fn descs_scan(&self, name: &str, span: Span) -> Option<Vec<String>> {
        let mut out: Vec<String> = Vec::new();
        let last = name.rsplit(' ').next().unwrap_or(name);
        let mut idx: Vec<usize> = self.by_text.get(name).cloned().unwrap_or_default();
        if last != name {
            idx.extend(self.by_text.get(last).cloned().unwrap_or_default());
        }
        // Each descriptor once: a name repeated thousands of times (run-on or machine-made
        // text) would otherwise carry thousands of copies into every speaker resolved to it.
        let mut add = |descs: &[String]| {
            for d in descs {
                if !out.contains(d) {
                    out.push(d.clone());
                }
            }
        };
        let suffix = format!(" {name}");
        for k in idx {
            if let Some(n) = self.names.get(k) {
                if n.text == name || n.text.ends_with(&suffix) || n.span == span {
                    add(&n.descs);
                }
            }
        }
        let k = self
            .names
            .partition_point(|n| n.span.start() < span.start());
        if let Some(n) = self.names.get(k).filter(|n| n.span == span) {
            add(&n.descs);
        }
        Some(out)
    }

    /// The entity cluster a mention belongs to (persons and organisations only).
    fn entity_for(&self, span: Span, pronoun: bool) -> Option<(String, String, RoleClass)> {
        let doc = self.ctx.doc;
        // Only entities with a mention overlapping the span can match (an empty span can
        // only equal a mention, which `overlapping` does not report: scan then).
        let mut near: Vec<usize> = self
            .mention_idx
            .overlapping(span)
            .into_iter()
            .filter_map(|k| self.mention_entity.get(k).copied())
            .collect();
        near.dedup();
        let all: Vec<&Entity> = if span.is_empty() {
            doc.layers.entities.iter().collect()
        } else {
            near.iter()
                .filter_map(|&ei| doc.layers.entities.get(ei))
                .collect()
        };
        for e in all {
            if matches!(e.kind, EntityType::Place) {
                continue;
            }
            let hit = e.mentions.iter().any(|m| {
                if pronoun {
                    m.span == span
                } else {
                    m.span.overlaps(span)
                        && m.kind != MentionKind::Pronoun
                        && (m.span.contains(span) || span.contains(m.span))
                }
            });
            if !hit {
                continue;
            }
            let has_name = e.mentions.iter().any(|m| m.kind == MentionKind::Name);
            if !has_name {
                continue;
            }
            let class = match (e.kind, e.subtype.as_deref()) {
                (EntityType::Person, _) => RoleClass::Person,
                (_, Some("media")) => RoleClass::Media,
                (_, Some("government" | "armed_force")) => RoleClass::Gov,
                _ => RoleClass::Org,
            };
            return Some((e.id.clone(), clean_name(&e.name), class));
        }
        None
    }

    fn resolve_role(
        &self,
        span: Span,
        role: &str,
        class: RoleClass,
        lower: &[&str],
    ) -> Option<Resolved> {
        let ctx = self.ctx;
        let seg_of = |off: usize| ctx.doc.segment_index_at(off).unwrap_or(0);
        let here = seg_of(span.start());
        let nation: Vec<&str> = (ctx.tok_range(span).0..ctx.tok_range(span).1)
            .filter(|&k| {
                is_cap_word(ctx, k)
                    && ctx.lower(k + 1) != "'s"
                    && !ROLES.contains_key(ctx.lower(k))
                    && !any(ctx.lower(k), &["of", "head", "state"])
            })
            .map(|k| ctx.lower(k))
            .collect();
        let role_words: Vec<&str> = role.split(' ').collect();
        let synonyms: Vec<&str> = if role == "head of state" {
            vec!["president"]
        } else {
            Vec::new()
        };
        let fits = |n: &NameEntry| -> bool {
            let has_role = n
                .descs
                .windows(role_words.len())
                .any(|w| w.iter().map(String::as_str).eq(role_words.iter().copied()))
                || (class == RoleClass::Media && n.class == Some(RoleClass::Media))
                || synonyms.iter().any(|w| n.descs.iter().any(|d| d == w))
                || (matches!(class, RoleClass::Gov | RoleClass::Org)
                    && n.text
                        .to_lowercase()
                        .split_whitespace()
                        .any(|w| role_words.contains(&w)));
            let nat_ok = nation.is_empty()
                || nation.iter().all(|x| {
                    n.descs.iter().any(|d| same_nation(d, x))
                        || same_nation(&n.text.to_lowercase(), x)
                });
            let kind_ok = n.class.is_none_or(|c| class_compatible(class, c));
            has_role && nat_ok && kind_ok && n.span.start() != span.start()
        };
        let pick = |n: &NameEntry| Resolved {
            speaker: Speaker {
                text: ctx.slice(span).to_string(),
                span,
                entity: Some(n.text.clone()),
                name: n.text.clone(),
            },
            class: Some(class),
            plural: false,
            descs: n.descs.clone(),
            offset: span.start(),
        };
        // Media: prefer an outlet described with a compatible word ("state television" for
        // "the state broadcaster").
        if class != RoleClass::Person {
            let hist = self.history.iter().rev().find(|h| {
                h.offset < span.start()
                    && h.class == Some(class)
                    && h.speaker
                        .name
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                    && (class == RoleClass::Media
                        || role_words
                            .iter()
                            .all(|w| h.speaker.name.to_lowercase().contains(w))
                        || h.descs
                            .windows(role_words.len())
                            .any(|w| w.iter().map(String::as_str).eq(role_words.iter().copied())))
            });
            if let Some(h) = hist {
                let mut r = h.clone();
                r.speaker.text = ctx.slice(span).to_string();
                r.speaker.span = span;
                r.offset = span.start();
                return Some(r);
            }
        }
        let before = self
            .names
            .iter()
            .rev()
            .filter(|n| n.span.end() <= span.start());
        let mut best: Option<&NameEntry> = None;
        for n in before {
            if fits(n) {
                best = Some(n);
                break;
            }
        }
        if best.is_none() {
            best = self.names.iter().find(|n| {
                n.span.start() > span.start() && seg_of(n.span.start()) <= here + 2 && fits(n)
            });
        }
        if let Some(n) = best {
            let mut r = pick(n);
            if let Some((id, name, _)) = self.entity_for(n.span, false) {
                r.speaker.entity = Some(id);
                r.speaker.name = name;
            }
            return Some(r);
        }
        // Organisations: the last one quoted of the same kind ("the group", "the agency").
        if class != RoleClass::Person && lower.first() == Some(&"the") {
            if let Some(h) = self.history.iter().rev().find(|h| {
                h.class == Some(class)
                    && h.speaker
                        .name
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            }) {
                let mut r = h.clone();
                r.speaker.text = ctx.slice(span).to_string();
                r.speaker.span = span;
                r.offset = span.start();
                return Some(r);
            }
        }
        // Person roles: the leader last quoted.
        if class == RoleClass::Person
            && any(
                role,
                &[
                    "leader",
                    "president",
                    "prime minister",
                    "premier",
                    "chancellor",
                    "head of state",
                    "head of government",
                ],
            )
            && lower.first() == Some(&"the")
        {
            if let Some(h) = self.history.iter().rev().find(|h| {
                h.class == Some(RoleClass::Person)
                    && !h.plural
                    && h.speaker
                        .name
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            }) {
                let mut r = h.clone();
                r.speaker.text = ctx.slice(span).to_string();
                r.speaker.span = span;
                r.offset = span.start();
                return Some(r);
            }
        }
        None
    }
}

/// Bodies named by a definite lower-case phrase ending in a body noun, with at least one
/// word before it: "the miners' union", "the national disaster agency".
fn lower_case_bodies(ctx: &Ctx) -> Vec<(Span, String, RoleClass)> {
    let mut out = Vec::new();
    for seg in ctx.doc.content_segments() {
        let (sa, sb) = ctx.tok_range(seg.span);
        for i in sa..sb {
            if ctx.lower(i) != "the" {
                continue;
            }
            let mut j = i + 1;
            let mut best = None;
            while j < sb && j < i + 6 {
                let Some(t) = ctx.tok(j) else { break };
                let w = t.lower.as_str();
                let apos = t.is_punct() && matches!(ctx.slice(t.span), "'" | "’") && j > i + 1;
                let plain = t.is_word()
                    && !t.cap
                    && !any(w, DETS)
                    && !any(w, PREPS)
                    && !any(w, BACK_STOP)
                    && !CUES.contains_key(w);
                // A national adjective first: "the Telvan justice ministry".
                let adj = t.is_word()
                    && t.cap
                    && j == i + 1
                    && ctx.tok(j + 1).is_some_and(|n| n.is_word() && !n.cap);
                if !(plain || apos || adj) {
                    break;
                }
                if plain && j > i + 1 {
                    if let Some(c) = ROLES.get(w).copied().filter(|c| *c != RoleClass::Person) {
                        best = Some((j, c));
                    }
                }
                j += 1;
            }
            // "the state news agency TNA", "the charity Sea Lifeline": a descriptor of the
            // name that follows, not a body of its own.
            let before_name = |e: usize| ctx.tok(e + 1).is_some_and(|t| t.is_word() && t.cap);
            if let Some((e, c)) = best.filter(|(e, _)| !before_name(*e)) {
                if let (Some(a), Some(b)) = (ctx.tok(i + 1), ctx.tok(e)) {
                    let span = Span::new(a.span.start(), b.span.end());
                    out.push((span, ctx.slice(span).to_string(), c));
                }
            }
        }
    }
    out
}

/// Whether a referent's name carries the owner of a possessed body: "the mayor's office"
/// (possessor at index `possessor` of `lower`) is "Kell mayor's office", never "Arlo provincial
/// health office". Phrases without an owner match any name.
fn same_owner(lower: &[&str], possessor: Option<usize>, name: &str) -> bool {
    let Some(k) = possessor else {
        return true;
    };
    let low = name.to_lowercase();
    let words: Vec<&str> = low
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    lower
        .get(..k)
        .unwrap_or(&[])
        .iter()
        .filter(|w| !any(w, DETS) && w.chars().any(char::is_alphanumeric))
        .all(|w| words.contains(w))
}

/// Whether a referent's name agrees with the capitalised modifiers of a lower-case body
/// phrase: "the Selkan interior ministry" is not "Dravian interior ministry".
fn same_nation_words(ctx: &Ctx, span: Span, name: &str) -> bool {
    let (a, b) = ctx.tok_range(span);
    let low = name.to_lowercase();
    let words: Vec<&str> = low
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    (a..b)
        .filter(|&k| is_cap_word(ctx, k) && !any(ctx.lower(k), DETS))
        .all(|k| {
            let w = ctx.lower(k);
            words.iter().any(|x| *x == w || same_nation(x, w))
        })
}

fn class_compatible(role: RoleClass, ent: RoleClass) -> bool {
    match role {
        RoleClass::Person => ent == RoleClass::Person,
        _ => ent != RoleClass::Person,
    }
}

/// The source an unnamed spokesperson is cited as: the body with the role noun after it
/// ("coast guard spokeswoman"), a person's own ("Ann Lee's spokesman").
fn spokes_name(body: &str, class: Option<RoleClass>, noun: &str) -> String {
    let body = body.trim();
    let last = body.rsplit(' ').next().unwrap_or("").to_lowercase();
    if body.is_empty() {
        return noun.to_string();
    }
    if word_is(&last, WordKind::Spokes) {
        return body.to_string();
    }
    if class == Some(RoleClass::Person) {
        return format!("{body}'s {noun}");
    }
    format!("{body} {noun}")
}

/// All capitals and at least two letters: "UN", "IOM".
fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars().all(|c| c.is_uppercase() || c == '.')
}

/// The role noun a phrase ends in ("press secretary", "broadcaster").
fn role_of(lower: &[&str]) -> Option<(String, RoleClass)> {
    let n = lower.len();
    if n >= 3 {
        let three = format!("{} {} {}", lower[n - 3], lower[n - 2], lower[n - 1]);
        if let Some(c) = ROLES.get(&three) {
            return Some((three, *c));
        }
    }
    if n >= 2 {
        let two = format!("{} {}", lower[n - 2], lower[n - 1]);
        if let Some(c) = ROLES.get(&two) {
            return Some((two, *c));
        }
    }
    let last = lower.last()?;
    if let Some(c) = ROLES.get(*last) {
        return Some((last.to_string(), *c));
    }
    let sing = last.strip_suffix('s')?;
    ROLES.get(sing).map(|c| (last.to_string(), *c))
}

/// Guess what kind of thing a proper name is, from its words and its descriptors.
pub fn guess_class(name: &str, descs: &[String]) -> Option<RoleClass> {
    let low = name.to_lowercase().replace('’', "'");
    let words: Vec<&str> = low.split_whitespace().collect();
    let media_desc = descs.iter().any(|d| {
        any(
            d,
            &[
                "television",
                "tv",
                "broadcaster",
                "media",
                "agency",
                "newspaper",
                "channel",
                "radio",
                "outlet",
                "network",
                "daily",
                "wire",
                "news",
                "website",
            ],
        )
    });
    // "agency spokeswoman Irena Volk": a person role word right before the name wins over the
    // body it serves.
    let person_desc = descs
        .iter()
        .any(|d| word_is(d, WordKind::Spokes) || matches!(d.as_str(), "spokesperson"));
    let body_words = words.iter().any(|w| body_bits(w) != 0);
    if person_desc && !body_words && !OUTLETS.contains(&low) && (1..=4).contains(&words.len()) {
        return Some(RoleClass::Person);
    }
    if OUTLETS.contains(&low)
        || media_desc && !words.iter().any(|w| body_bits(w) & GOV != 0)
        || words.iter().any(|w| body_bits(w) & MEDIA != 0)
    {
        return Some(RoleClass::Media);
    }
    if words.iter().any(|w| body_bits(w) & GOV != 0) {
        return Some(RoleClass::Gov);
    }
    if words.iter().any(|w| body_bits(w) & ORG != 0) {
        return Some(RoleClass::Org);
    }
    if name.chars().count() >= 2
        && name
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == ' ')
    {
        return Some(RoleClass::Org);
    }
    if descs
        .iter()
        .any(|d| ROLES.get(d.as_str()) == Some(&RoleClass::Person))
        || (1..=4).contains(&words.len())
    {
        return Some(RoleClass::Person);
    }
    None
}

/// Canonical form of a speaker name: no leading determiners or possessors, no "state
/// television"-style descriptors before a proper name.
pub fn clean_name(s: &str) -> String {
    let mut t = s.trim();
    for d in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(r) = t.strip_prefix(d) {
            t = r;
            break;
        }
    }
    t.trim_matches(|c: char| c == ',' || c.is_whitespace())
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Descriptors from the memo answer as the full scan, for every entry's own span, for an
    /// entry of another name, and when asked twice.
    #[test]
    fn memoised_descriptors_answer_as_the_scan() {
        let text = "Mayor Lena Hart said the mill stays. Hart, the county's mayor, said \
                    more. Deputy Tom Hart said nothing. Hart said it again. Lena Hart and \
                    Jon Hart-Bell, a union steward, said the talks went on. Hart-Bell said so.\n";
        let doc = crate::testing::run(text);
        let ctx = Ctx::new(&doc);
        let r = Resolver::new(&ctx);
        assert!(r.names.len() >= 4, "{:?}", r.names.len());
        let nowhere = Span::new(0, 0);
        for _ in 0..2 {
            for n in &r.names {
                for span in [n.span, nowhere, r.names[0].span] {
                    assert_eq!(
                        r.descs_of(&n.text, span),
                        r.descs_scan(&n.text, span),
                        "{} at {span:?}",
                        n.text
                    );
                }
            }
        }
    }
}
