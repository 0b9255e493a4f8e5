//! Figures in Russian text: the same records as the English rules (metric and group codes
//! of `spec/figures.md`), found by Russian rules over Russian lexicons (`data/figures/ru/`):
//! a number phrase (`numbers`), the metric and person words around it (stemmed, so
//! "погибли", "погибших" and "число погибших" all read `killed`), the reporting chain and
//! hedges of its sentence (from the claims layer, as for English) and its as-of day (`as_of`).

mod as_of;
mod context;
mod headline;
mod lexicon;
mod numbers;
mod partitive;
mod tokens;

use lexicon::{stems, LEX};
use newsledger_model::{Claim, Document, Figure, FigureValue, Group, SegmentKind, Span};
use numbers::NumPhrase;
use tokens::Tok;

/// A metric code and the token of the word that names it.
type Hit = (&'static str, usize);

/// One sentence's tokens with their stems (empty for punctuation and numbers).
struct Sent<'a> {
    text: &'a str,
    base: usize,
    toks: Vec<Tok>,
    stems: Vec<String>,
}

impl Sent<'_> {
    /// The metric of a phrase of stems starting at token `j`: (metric, tokens it covers).
    fn metric_at(&self, j: usize) -> Option<(&'static str, usize)> {
        for n in (1..=LEX.max_words).rev() {
            let Some(ws) = self.stems.get(j..j + n) else {
                continue;
            };
            if ws.iter().any(String::is_empty) || (n == 1 && self.not_metric(j)) {
                continue;
            }
            if let Some(m) = LEX.metrics.get(&ws.join(" ")) {
                return Some((m, n));
            }
        }
        None
    }

    fn is_boundary(&self, j: usize, strong_only: bool) -> bool {
        let Some(t) = self.toks.get(j) else {
            return true;
        };
        match t.lc.as_str() {
            ";" | "." | "!" | "?" | ":" => true,
            "," | "—" | "–" | "(" | ")" => !strong_only,
            _ => false,
        }
    }

    /// The metric words to the right of a number phrase within its clause (a relative
    /// clause ", которые получили ранения" belongs to it): the first and the next one.
    /// "3 тыс. протестующих задержаны": the counted noun names a metric only when no other
    /// word does.
    fn metric_right(&self, p: &NumPhrase) -> Right {
        let mut r = Right::default();
        let mut j = p.end;
        while j < self.toks.len() && j < p.end + 9 {
            let relative = self.toks[j].lc == ","
                && self
                    .toks
                    .get(j + 1)
                    .is_some_and(|t| t.lc.starts_with("котор"));
            if relative {
                j += 2;
                continue;
            }
            // Another count after "и" ("о десяти погибших и шести пропавших") ends it.
            let next_count = j > p.end + 1
                && self.is_number(j)
                && matches!(self.toks[j - 1].lc.as_str(), "и" | "а");
            if self.is_boundary(j, false) || (j > p.end && self.toks[j].num.is_some()) || next_count
            {
                break;
            }
            if let Some((m, n)) = self.metric_at(j) {
                if j == p.end && LEX.groups.contains_key(&self.stems[j]) {
                    r.counted = Some((m, j));
                } else if r.first.is_none() {
                    r.first = Some((m, j));
                } else {
                    r.later = Some((m, j));
                    break;
                }
                j += n;
                continue;
            }
            j += 1;
        }
        r
    }

    /// "Число погибших … увеличилось до 134": a count head and its metric word before the
    /// number, linked to it by a verb of change; (metric, its token).
    fn headed(&self, p: &NumPhrase) -> Option<(&'static str, usize)> {
        let linking =
            |t: &Tok| t.lc == "—" || t.lc == ":" || LEX.linking.iter().any(|l| t.lc.starts_with(l));
        let mut j = p.qual;
        while j > 0 && linking(&self.toks[j - 1]) {
            j -= 1;
        }
        let verb_before = j < p.qual || self.qualifier_is_change(p);
        if !verb_before {
            return None;
        }
        let from = j.saturating_sub(25);
        (from..j)
            .rev()
            .take_while(|&h| !self.is_boundary(h, true))
            .find_map(|h| {
                if !LEX.count_heads.contains(self.toks[h].lc.as_str()) {
                    return None;
                }
                self.metric_at(h + 1).map(|(m, _)| (m, h + 1))
            })
    }

    /// "превысило 1 200": the qualifier itself is a verb of change.
    fn qualifier_is_change(&self, p: &NumPhrase) -> bool {
        p.qual < p.end && self.toks[p.qual].lc.starts_with("превыс")
    }

    /// True when only auxiliaries ("были", "уже") stand between the phrase and token `mj`.
    fn aux_between(&self, p: &NumPhrase, mj: usize) -> bool {
        mj >= p.end
            && self.toks[p.end..mj]
                .iter()
                .all(|t| LEX.aux.contains(t.lc.as_str()))
    }

    /// True when token `j` is a number in digits or words ("шести", "двое", "десятки").
    fn is_number(&self, j: usize) -> bool {
        let lc = self.toks[j].lc.as_str();
        self.toks[j].num.is_some()
            || LEX.numbers.contains_key(lc)
            || LEX.vague.iter().any(|v| v.0 == lc)
    }

    /// True when the word at `j` reads as a noun made from an adjective or participle
    /// ("обвиняемых", "задержанных"), not a verb ("погибли", "задержаны").
    fn noun_like(&self, j: usize) -> bool {
        let w = self.toks[j].lc.as_str();
        ["ых", "их", "ым", "им", "ыми", "ими"]
            .iter()
            .any(|e| w.ends_with(e))
    }

    /// True when "и", "а" or "но", or a relative clause, stands between the number
    /// phrase and token `j` after it: the word at `j` belongs to another clause.
    fn joined_after(&self, p: &NumPhrase, j: usize) -> bool {
        self.toks[p.end..j]
            .iter()
            .any(|t| matches!(t.lc.as_str(), "и" | "а" | "но" | "которые" | "которых"))
    }

    /// The metric word to the left of a number phrase, within its clause or across one
    /// comma: (metric, the phrase's last token).
    fn metric_left(&self, p: &NumPhrase) -> Option<Hit> {
        let mut commas = 0;
        let mut j = p.qual;
        while j > 0 && p.qual - j < 9 {
            j -= 1;
            if self.is_boundary(j, true) {
                break;
            }
            if self.is_boundary(j, false) {
                commas += 1;
                if commas > 1 {
                    break;
                }
                continue;
            }
            if self.toks[j].num.is_some() {
                break;
            }
            if let Some((m, n)) = self.metric_at(j) {
                return Some((m, (j + n - 1).min(p.qual - 1)));
            }
        }
        None
    }

    /// The metric of a number phrase. A word right after it or after auxiliaries ("204
    /// были госпитализированы") wins; a noun right after it yields to a verb later in the
    /// clause ("двое задержанных мертвы") or to a verb right before it ("арестованы
    /// четверо обвиняемых"); a word before it, right next to it, wins over a word in the
    /// next clause ("погибли четверо и пострадали 226"); then the word right, then left.
    fn metric_for(&self, p: &NumPhrase) -> Option<Hit> {
        let right = self.metric_right(p);
        let left = self.metric_left(p);
        let left_adjacent = left.filter(|&(_, mj)| mj + 1 == p.qual || self.linked(mj, p.qual));
        match right.first {
            Some((_, j)) if j == p.end && self.noun_like(j) => right
                .later
                .map(|(m, _)| (m, p.end))
                .or(left_adjacent)
                .or(right.first),
            Some((_, j)) if j == p.end || self.aux_between(p, j) || self.partitive_of(p, j) => {
                right.first
            }
            Some((_, j)) if self.joined_after(p, j) => left_adjacent.or(right.first),
            Some(_) => right.first,
            None => left.or(right.counted),
        }
    }

    /// The person noun right after a number phrase: (class, first token, end token).
    fn group_for(&self, p: &NumPhrase) -> Option<(&'static str, usize, usize)> {
        let j = p.end;
        let class = LEX.groups.get(self.stems.get(j)?)?;
        // "мирных жителей", "сотрудников полиции": one more word of the same phrase.
        let mut end = j + 1;
        let mut class = *class;
        if let Some(c2) = self.stems.get(end).and_then(|s| LEX.groups.get(s)) {
            class = if class == "unspecified" || class == "civilians" {
                c2
            } else {
                class
            };
            end += 1;
        } else if self
            .toks
            .get(end)
            .is_some_and(|t| matches!(t.lc.as_str(), "полиции" | "мвд" | "мчс" | "спецназа"))
        {
            class = "security_forces";
            end += 1;
        }
        Some((class, j, end))
    }

    /// True when the word after the phrase makes it a count of things, years or money.
    fn counts_things(&self, p: &NumPhrase) -> bool {
        let Some(t) = self.toks.get(p.end) else {
            return false;
        };
        let attached = self.toks[p.end - 1].end == t.start;
        let compound =
            t.lc == "-" && attached && self.toks.get(p.end + 1).is_some_and(Tok::is_word);
        if t.lc == "%" || compound {
            return true;
        }
        self.stems
            .get(p.end)
            .is_some_and(|s| LEX.nonfigure.contains(s))
    }

    /// "обвинения предъявлены 57 задержанным": a charge right before the number wins over the
    /// detention word that names who was charged.
    fn charged_before(&self, p: &NumPhrase) -> Option<(&'static str, usize)> {
        (p.qual.saturating_sub(3)..p.qual).find_map(|j| {
            let (m, n) = self.metric_at(j)?;
            (m == "charged" && j + n == p.qual).then_some((m, j + n - 1))
        })
    }

    /// True when a word that is neither a person, a metric nor a joining word follows the
    /// number: it counts that thing ("12 тыс. болельщиков" at a match is no toll).
    fn unlisted_noun_after(&self, p: &NumPhrase) -> bool {
        let Some(t) = self.toks.get(p.end).filter(|t| t.is_word()) else {
            return false;
        };
        if JOINING.contains(&t.lc.as_str()) {
            return false;
        }
        self.metric_at(p.end).is_none()
    }

    /// "число погибших возросло до 30", "погибших — 30": only linking words stand between
    /// the metric word before the number and the number, which then counts it.
    fn linked(&self, metric: usize, qual: usize) -> bool {
        metric < qual
            && self.toks[metric + 1..qual].iter().all(|t| {
                t.lc == "—" || t.lc == ":" || LEX.linking.iter().any(|l| t.lc.starts_with(l))
            })
    }

    /// A number in a list: a dash or "в" (a place) follows it, or a person noun does
    /// ("66 задержаны в Москве, 54 в Ярославле"); or a dash stands before it after a comma
    /// and a place ("погибли 113 человек, а в Цинхае — 21"); or a colon opens the list.
    fn continues_list(&self, p: &NumPhrase) -> bool {
        let next = self.toks.get(p.end).map(|t| t.lc.as_str());
        let before = |k: usize| p.qual.checked_sub(k).map(|j| self.toks[j].lc.as_str());
        let joined = |s: Option<&str>| matches!(s, Some("," | "а" | "и" | ":"));
        if joined(before(1))
            && (matches!(next, Some("—" | "–" | "-" | "в" | "во")) || self.group_for(p).is_some())
        {
            return true;
        }
        matches!(before(1), Some("—" | "–" | "-"))
            && (2..7).any(|k| matches!(before(k), Some("," | "а")))
    }

    fn slice(&self, a: usize, b: usize) -> &str {
        self.text.get(a..b).unwrap_or("")
    }
}

/// The metric words to the right of a number phrase.
#[derive(Default)]
struct Right {
    /// The first metric word that is not the counted person noun.
    first: Option<Hit>,
    /// The next one in the same clause.
    later: Option<Hit>,
    /// The counted person noun right after the number, when it names a metric too.
    counted: Option<Hit>,
}

/// Words that may follow a count without being what it counts.
const JOINING: &[&str] = &[
    "и",
    "в",
    "во",
    "на",
    "из",
    "по",
    "за",
    "с",
    "со",
    "от",
    "до",
    "у",
    "к",
    "а",
    "но",
    "или",
    "уже",
    "еще",
    "ещё",
    "тоже",
    "также",
    "были",
    "был",
    "было",
    "была",
    "будут",
    "человек",
    "из-за",
    "при",
];

/// The figures of a Russian document.
pub fn extract(doc: &Document) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    let mut carry = as_of::Carry::default();
    let mut latest: Option<(Span, &'static str)> = None;
    let segs: Vec<Span> = doc
        .content_segments()
        .filter(|s| s.kind != SegmentKind::Dateline)
        .map(|s| s.span)
        .collect();
    for (k, &span) in segs.iter().enumerate() {
        let text = doc.slice(span);
        if !text.bytes().any(|b| b.is_ascii_digit()) && !has_number_word(text) {
            continue;
        }
        let toks = tokens::tokenize(text);
        let stems = toks
            .iter()
            .map(|t| {
                if t.is_word() {
                    stems(&t.lc)
                } else {
                    String::new()
                }
            })
            .collect();
        let sent = Sent {
            text,
            base: span.start(),
            toks,
            stems,
        };
        let claim = claim_for(doc, span, segs.get(k + 1).copied());
        figures_of(doc, &sent, span, claim, &mut carry, &mut latest, &mut out);
    }
    headline::sources_from_body(doc, &mut out);
    places(doc, &mut out);
    for (k, f) in out.iter_mut().enumerate() {
        f.id = format!("f{}", k + 1);
    }
    out
}

/// Each figure's place, as for English: the most specific place the entity stage found in
/// its sentence or the earlier sentences of its paragraph, else the story's main country.
fn places(doc: &Document, out: &mut [Figure]) {
    use crate::context::place::{main_place, place_near};
    let main = main_place(doc);
    for f in out.iter_mut() {
        let seg = doc
            .layers
            .segments
            .iter()
            .position(|s| s.span.contains(f.sentence) || s.span.contains(f.span));
        f.place = seg
            .and_then(|si| place_near(doc, si, f.span.start()))
            .or_else(|| main.clone());
    }
}

/// The static code of a metric (the spec's list), for a figure that inherits it.
fn metric_code(m: &str) -> Option<&'static str> {
    LEX.metrics.values().find(|v| **v == m).copied()
}

fn has_number_word(text: &str) -> bool {
    let lc = text.to_lowercase();
    lc.split(|c: char| !c.is_alphabetic())
        .any(|w| LEX.numbers.contains_key(w) || LEX.vague.iter().any(|v| v.0 == w))
}

fn in_timex(doc: &Document, span: Span) -> bool {
    doc.layers.timexes.iter().any(|t| t.span.overlaps(span))
}

/// The claim that reports a sentence: its own, else that of the next sentence when it
/// opens with "Об этом" ("… погибли 12 человек. Об этом сообщили в МЧС.").
fn claim_for(doc: &Document, sentence: Span, next: Option<Span>) -> Option<&Claim> {
    let of = |s: Span| doc.layers.claims.iter().find(|c| c.span.contains(s));
    of(sentence).or_else(|| {
        let next = next?;
        let head = doc.slice(next).trim_start();
        let opens = head
            .get(..head.char_indices().nth(7).map_or(head.len(), |(i, _)| i))
            .is_some_and(|h| h.to_lowercase() == "об этом");
        if opens {
            of(next)
        } else {
            None
        }
    })
}

fn figures_of(
    doc: &Document,
    sent: &Sent<'_>,
    sentence: Span,
    claim: Option<&Claim>,
    carry: &mut as_of::Carry,
    latest: &mut Option<(Span, &'static str)>,
    out: &mut Vec<Figure>,
) {
    let chain = claim.map(|c| c.source_chain()).unwrap_or_default();
    let hedged = claim.map_or_else(
        || newsledger_claims::ru::own_voice_hedged(sent.text),
        |c| !c.hedges.is_empty(),
    );
    let claim_id = claim.map(|c| c.id.clone());
    let dates = as_of::of_sentence(doc, sentence, carry);
    let mut i = 0;
    while i < sent.toks.len() {
        let t = &sent.toks[i];
        let at = Span::new(sent.base + t.start, sent.base + t.end);
        let Some(p) = numbers::at(&sent.toks, i).filter(|_| !in_timex(doc, at)) else {
            i += 1;
            continue;
        };
        i = p.end.max(i + 1);
        // The count before, merged into an earlier mention or not.
        let inherit = latest.filter(|l| l.0 == sentence).map(|l| l.1);
        let last = latest.map(|l| l.1);
        if let Some(mut f) = figure(sent, &p, sentence, &chain, hedged, &dates, inherit, last) {
            *latest = metric_code(&f.metric).map(|m| (sentence, m));
            f.claim = claim_id.clone();
            // A restatement (same metric and bounds) is the first mention, taking the
            // sources a later mention names; two named sources stay two records.
            let same = out.iter_mut().find(|o| {
                o.metric == f.metric
                    && o.value.low == f.value.low
                    && o.value.high == f.value.high
                    && (o.sources == f.sources || o.sources.is_empty() || f.sources.is_empty())
            });
            match same {
                Some(o) if o.sources.is_empty() => o.sources = f.sources,
                Some(_) => {}
                None => out.push(f),
            }
        }
    }
}

/// The metric a number phrase counts and the token of its word, and whether that word
/// stands close enough to count without a person noun. `inherit` is the metric of the
/// figure before it in the sentence, `last` of the figure before it in the document.
fn choose(
    sent: &Sent<'_>,
    p: &NumPhrase,
    inherit: Option<&'static str>,
    last: Option<&'static str>,
) -> Option<(&'static str, usize, bool)> {
    let own = sent.metric_for(p);
    // A word right after the number, or after auxiliaries, wins over a count head before.
    let right_close =
        own.filter(|&(_, mj)| mj == p.end || sent.aux_between(p, mj) || sent.partitive_of(p, mj));
    let headed = sent.headed(p);
    let found = sent.charged_before(p).or(right_close).or(headed).or(own);
    // A list goes on with the metric of the figure before it: "66 задержаны в Москве,
    // 54 в Ярославле, 20 — в Липецке".
    let listed = found.is_none() && inherit.is_some() && sent.continues_list(p);
    let part = sent.partitive(p) || sent.elliptical(p);
    let whole = inherit.or(last.filter(|_| sent.opens_with_part(p) || sent.elliptical(p)));
    let (metric, mj) = match (found, inherit, whole) {
        (Some(f), _, _) => f,
        (None, Some(m), _) if listed => (m, p.end),
        (None, _, Some(m)) if part => (m, p.end),
        _ => return None,
    };
    let adjacent = mj == p.end
        || mj + 1 == p.qual
        || headed.is_some()
        || listed
        || part
        || sent.aux_between(p, mj)
        || sent.partitive_of(p, mj)
        || sent.linked(mj, p.qual);
    Some((metric, mj, adjacent))
}

#[allow(clippy::too_many_arguments)]
fn figure(
    sent: &Sent<'_>,
    p: &NumPhrase,
    sentence: Span,
    chain: &[String],
    hedged: bool,
    dates: &as_of::Dates,
    inherit: Option<&'static str>,
    last: Option<&'static str>,
) -> Option<Figure> {
    if sent.counts_things(p) || sent.kin_before(p) {
        return None;
    }
    let (metric, mj, adjacent) = choose(sent, p, inherit, last)?;
    if sent.affected(metric, mj) || sent.one_of_someone(p, metric) {
        return None;
    }
    let group = sent.group_for(p);
    if group.is_none() && (!p.collective && !adjacent || sent.unlisted_noun_after(p)) {
        return None;
    }
    let span_end = group.map_or(p.end, |g| g.2);
    let (a, b) = (sent.toks[p.qual].start, sent.toks[span_end - 1].end);
    let (gtext, class) = match group {
        Some((c, g0, g1)) => (
            sent.slice(sent.toks[g0].start, sent.toks[g1 - 1].end)
                .to_string(),
            c,
        ),
        None => (String::new(), "unspecified"),
    };
    let metric = sent.metric_in_context(metric, class)?;
    let numtext = sent.slice(a, sent.toks[p.end - 1].end).to_string();
    Some(Figure {
        id: String::new(),
        metric: metric.to_string(),
        value: FigureValue {
            kind: p.kind,
            low: p.low,
            high: p.high,
            text: numtext,
        },
        group: Group {
            text: gtext,
            class: class.to_string(),
        },
        place: None,
        as_of: dates.as_of.clone(),
        period: dates.period.clone(),
        sources: chain.to_vec(),
        hedged,
        claim: None,
        span: Span::new(sent.base + a, sent.base + b),
        sentence,
        event: None,
    })
}

#[cfg(test)]
mod tests;
