//! A relative clause that closes the sentence after an inverted speaker belongs to the
//! speaker: "“…,” said the man who ran the mill for thirty years."

use super::*;

/// Where the speaker mention ends when a relative clause opened at `nb` runs to the end of
/// the sentence (before its final stop) with no quotation inside.
pub(super) fn relative_tail(ctx: &Ctx, nb: usize, sb: usize) -> Option<usize> {
    if !any(ctx.lower(nb), &["who", "whose"]) {
        return None;
    }
    let mut e = sb;
    while e > nb + 1 && matches!(ctx.lower(e - 1), "." | "!" | "?") {
        e -= 1;
    }
    let quoted = (nb..e).any(|k| ctx.is_open_quote(k) || ctx.is_close_quote(k));
    let semi = (nb..e).any(|k| any(ctx.lower(k), &[";", ":"]));
    (e > nb + 1 && e - nb <= 25 && !quoted && !semi).then_some(e)
}

#[cfg(test)]
mod tests {
    use crate::testing::run;

    #[test]
    fn a_closing_relative_clause_is_part_of_the_inverted_speaker() {
        let doc = run("“The plan is strong,” said the man who built the mill.\n");
        let got: Vec<(String, String)> = doc
            .layers
            .claims
            .iter()
            .map(|c| (c.speaker_text().to_string(), c.cue.text.clone()))
            .collect();
        assert_eq!(
            got,
            [("the man who built the mill".to_string(), "said".to_string())]
        );
    }
}
