//! The speaker mention as written in full: a name with its appositive or relative clause
//! ("Ana Lee, a spokeswoman for the port, said" → "Ana Lee, a spokeswoman for the port,"),
//! as attribution corpora mark sources. Resolution works on the head mention; this is only
//! the extent the ledger reports.

use super::*;

/// The full extent of the candidate's speaker mention.
pub(crate) fn speaker_extent(ctx: &Ctx, c: &Cand) -> Option<Span> {
    let sp = c.speaker?.span;
    let (a, b) = ctx.tok_range(sp);
    let (ca, _) = ctx.tok_range(c.cue);
    let (_, sb) = ctx
        .doc
        .layers
        .segments
        .get(c.seg)
        .map(|s| ctx.tok_range(s.span))?;
    let end = if b <= ca {
        before_cue(ctx, b, ca)
    } else if c.content_first {
        after_cue(ctx, b, sb)
    } else {
        b
    };
    let last = ctx.tok(end.checked_sub(1)?)?;
    let first = ctx.tok(a)?;
    Some(first.span.cover(last.span).cover(sp))
}

/// "NP, APPOSITIVE, said" / "NP (R-Ohio), chair of …, said": the mention runs to the comma
/// before the cue's verb group. Returns the token end of the mention.
fn before_cue(ctx: &Ctx, b: usize, ca: usize) -> usize {
    let mut g = ca;
    while g > b && (word_is(ctx.lower(g - 1), WordKind::CueAux) || ly_adverb(ctx.lower(g - 1))) {
        g -= 1;
    }
    if g <= b + 1 || ctx.lower(g - 1) != "," || !any(ctx.lower(b), &[",", "("]) {
        return b;
    }
    // a quotation or another act of reporting inside is not part of the mention
    let quote = (b..g)
        .any(|k| ctx.is_open_quote(k) || ctx.is_close_quote(k) || CUES.contains_key(ctx.lower(k)));
    if quote || g - b > 40 {
        return b;
    }
    g
}

/// "said NP, APPOSITIVE." : the mention runs to the end of the sentence, a quotation or a
/// semicolon, or to a comma that opens a participle clause (taken with the mention).
fn after_cue(ctx: &Ctx, b: usize, sb: usize) -> usize {
    if ctx.lower(b) != "," {
        return b;
    }
    let Some(first) = ctx.tok(b + 1) else {
        return b;
    };
    let starts = any(
        &first.lower,
        &["the", "a", "an", "who", "whose", "his", "her", "its"],
    ) || first.cap
        || crate::lexicon::ROLES.contains_key(&first.lower);
    if !starts {
        return b;
    }
    let mut k = b + 1;
    while k < sb && k < b + 40 {
        if ctx.is_open_quote(k) || ctx.is_close_quote(k) || any(ctx.lower(k), &[";", "—", "–"])
        {
            break;
        }
        if ctx.lower(k) == "," && ctx.lower(k + 1).ends_with("ing") {
            return k + 1;
        }
        k += 1;
    }
    // leave out the sentence's final stop
    while k > b + 1 && matches!(ctx.lower(k - 1), "." | "!" | "?" | ",") {
        k -= 1;
    }
    k
}

fn ly_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !any(w, &["only", "family", "italy", "assembly"])
}

#[cfg(test)]
mod tests {
    use crate::testing::speakers;

    #[test]
    fn an_appositive_before_the_cue_belongs_to_the_mention() {
        let got =
            speakers("Mira Dalton, a spokeswoman for the county, said the road will reopen.\n");
        assert_eq!(got, ["Mira Dalton, a spokeswoman for the county,"]);
    }

    #[test]
    fn an_appositive_after_an_inverted_cue_belongs_to_the_mention() {
        let got = speakers("“We are ready,” said Tomas Reyes, a volunteer at the shelter.\n");
        assert_eq!(got, ["Tomas Reyes, a volunteer at the shelter"]);
    }

    #[test]
    fn a_plain_speaker_stays_as_it_is() {
        let got = speakers("The mayor said the road will reopen.\n");
        assert_eq!(got, ["The mayor"]);
    }
}
