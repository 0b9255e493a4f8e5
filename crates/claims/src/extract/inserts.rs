//! Material inserted between a subject and its cue: a parenthesis after a name ("Sen. Ana
//! Ortiz (D-Ohio) said"), a dash appositive ("Lee — a teacher from Dover — says"), and a chain
//! of comma inserts ("Lee, 27, a nurse from Dover, said"; "Lee, meanwhile, said"; "Lee,
//! senior adviser to the mayor, said").

use super::*;

const DASHES: &[&str] = &["—", "–", "-"];

/// The token before the cue closes a parenthesis or a dash insert.
pub(super) fn closes_insert(ctx: &Ctx, p: usize) -> bool {
    any(ctx.lower(p), &[")"]) || any(ctx.lower(p), DASHES)
}

/// The subject before "(…)" or "— … —" that ends at token `p`: ((a, b), a).
pub(super) fn inserted_np(ctx: &Ctx, p: usize, sa: usize) -> Option<((usize, usize), usize)> {
    let open = if ctx.lower(p) == ")" {
        (sa..p).rev().take(8).find(|&k| ctx.lower(k) == "(")?
    } else {
        // "-- X --" comes as two hyphens on each side.
        let inner = if p > sa && ctx.lower(p - 1) == "-" && ctx.lower(p) == "-" {
            p - 1
        } else {
            p
        };
        let d = (sa..inner)
            .rev()
            .take(30)
            .find(|&k| any(ctx.lower(k), DASHES) && ctx.tok(k).is_some_and(|t| t.is_punct()))?;
        if inner - d < 2 || (d + 1..inner).any(|k| ctx.is_open_quote(k) || ctx.is_close_quote(k)) {
            return None;
        }
        if d > sa && ctx.lower(d - 1) == "-" {
            d - 1
        } else {
            d
        }
    };
    let np = named_subject(ctx, open.checked_sub(1)?, sa)?;
    Some((np, np.0))
}

/// "NP, INSERT, [INSERT,] cue" where the appositive rules did not apply: walk back over up to
/// three comma inserts (an age, an adverb, an appositive) to a named subject that starts the
/// sentence or follows a separator.
pub(super) fn comma_inserts(ctx: &Ctx, p: usize, sa: usize) -> Option<((usize, usize), usize)> {
    let mut end = p;
    for _ in 0..3 {
        let lim = end.saturating_sub(25).max(sa);
        let q = (lim..end).rev().find(|&k| ctx.lower(k) == ",")?;
        if !insert_ok(ctx, q + 1, end) {
            return None;
        }
        let before = if ctx.lower(q.checked_sub(1)?) == ")" {
            (sa..q - 1).rev().take(8).find(|&k| ctx.lower(k) == "(")?
        } else {
            q
        };
        if let Some(np) = before
            .checked_sub(1)
            .and_then(|j| named_subject(ctx, j, sa))
        {
            return Some((np, np.0));
        }
        end = q;
    }
    None
}

/// A stretch between two commas that can sit between a subject and its verb: no quotation,
/// no reporting cue, no clause opener.
fn insert_ok(ctx: &Ctx, a: usize, b: usize) -> bool {
    if a >= b {
        return false;
    }
    let opener = any(
        ctx.lower(a),
        &[
            "and", "but", "or", "that", "which", "if", "when", "because", "as",
        ],
    );
    !opener
        && (a..b).all(|k| {
            !ctx.is_open_quote(k) && !ctx.is_close_quote(k) && !CUES.contains_key(ctx.lower(k))
        })
}

/// A subject noun phrase ending at `j` that carries a capitalised word and starts the
/// sentence or follows a separator.
fn named_subject(ctx: &Ctx, j: usize, sa: usize) -> Option<(usize, usize)> {
    let (a, b) = back_np(ctx, j, sa)?;
    let boundary = a == sa || ctx.is_sep(a - 1) || ctx.is_open_quote(a - 1);
    let named = (a..b).any(|x| {
        ctx.tok(x)
            .is_some_and(|t| t.cap && !(x == sa && any(&t.lower, DETS)))
    });
    (boundary && named).then_some((a, b))
}

#[cfg(test)]
mod tests {
    use crate::testing::speakers;

    #[test]
    fn a_party_label_after_the_name() {
        let got = speakers("Sen. Dora Quill (D-Ore.) said the vote would be close.\n");
        assert_eq!(got, ["Sen. Dora Quill"]);
    }

    #[test]
    fn an_age_and_an_appositive_between_commas() {
        let got = speakers("Pell Norr, 52, a baker from Akron, said prices had doubled.\n");
        assert_eq!(got, ["Pell Norr, 52, a baker from Akron,"]);
    }

    #[test]
    fn an_adverb_between_commas() {
        let got = speakers("Gov. Ilsa Brandt, meanwhile, warned that the budget was short.\n");
        assert_eq!(got, ["Gov. Ilsa Brandt, meanwhile,"]);
    }

    #[test]
    fn a_bare_role_between_commas() {
        let got = speakers("Omar Vell, chief economist at the bank, said rates would rise.\n");
        assert_eq!(got, ["Omar Vell, chief economist at the bank,"]);
    }

    #[test]
    fn a_dash_appositive() {
        let got = speakers("Rina Oda — a nurse from Salem — says she will vote early.\n");
        assert_eq!(got, ["Rina Oda"]);
    }

    #[test]
    fn a_clause_between_commas_is_not_an_insert() {
        let got = speakers("The plan, which the mayor, who said nothing, backed, failed.\n");
        assert!(got.iter().all(|s| s != "The plan"), "{got:?}");
    }
}
