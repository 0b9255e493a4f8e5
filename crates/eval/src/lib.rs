//! # newsledger-eval
//!
//! Scorers for each extraction stage, behind `newsledger eval <stage>`. Each module scores
//! one stage against gold annotations: our own fictional corpus (`corpus/gold/*.jsonl`),
//! TimeML files, or the MEANTIME CAT XML in `../shared/data/meantime-en`. Evaluation is
//! deliberately kept out of `cargo test`: it is heavier and reports numbers, not verdicts.

pub mod attribution;
pub mod claims;
pub mod entities;
pub mod events;
pub mod figures;
pub mod timex;
