//! Time budgets: a cooperative deadline that the pipeline and its stages check.
//!
//! Hostile text (run-on pages, machine-made lists) can take far longer per byte than news. A
//! caller that must answer in time gives a document a [`Budget`]; the pipeline checks it
//! between stages and between chunks, and the heavy stages check it once per sentence, so the
//! work stops soon after the budget runs out instead of finishing a result nobody will keep.
//! A check is one clock read (or nothing, for an unlimited budget), cheap at those points.
//!
//! A budget can also be cancelled from outside (a server whose client went away): every
//! clone shares one flag.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long a document may take, counted from when the budget was made.
#[derive(Debug, Clone, Default)]
pub struct Budget {
    limit: Option<Duration>,
    deadline: Option<Instant>,
    cancelled: Option<Arc<AtomicBool>>,
}

impl Budget {
    /// No limit: checks are free and never fail.
    pub fn unlimited() -> Self {
        Budget::default()
    }

    /// `limit` from now. A zero limit is spent at its first check (what tests use).
    pub fn of(limit: Duration) -> Self {
        Budget {
            limit: Some(limit),
            deadline: Instant::now().checked_add(limit),
            cancelled: Some(Arc::new(AtomicBool::new(false))),
        }
    }

    /// `Some(limit)` as [`Budget::of`], `None` as [`Budget::unlimited`].
    pub fn from_limit(limit: Option<Duration>) -> Self {
        limit.map_or_else(Budget::unlimited, Budget::of)
    }

    /// The limit this budget was made with (`None`: unlimited).
    pub fn limit(&self) -> Option<Duration> {
        self.limit
    }

    /// Ends the budget now, for this value and every clone of it (a no-op when unlimited).
    pub fn cancel(&self) {
        if let Some(flag) = &self.cancelled {
            flag.store(true, Ordering::Relaxed);
        }
    }

    /// True once the time is up or the budget was cancelled.
    #[inline]
    pub fn expired(&self) -> bool {
        let Some(flag) = &self.cancelled else {
            return false;
        };
        if flag.load(Ordering::Relaxed) {
            return true;
        }
        match self.deadline {
            Some(at) if Instant::now() >= at => {
                flag.store(true, Ordering::Relaxed);
                true
            }
            _ => false,
        }
    }

    /// `Err` once [`Budget::expired`], for `?` at a check point.
    pub fn check(&self) -> Result<(), OverBudget> {
        if self.expired() {
            Err(OverBudget { limit: self.limit })
        } else {
            Ok(())
        }
    }
}

/// A document ran past its [`Budget`]; its partial results were dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverBudget {
    /// The budget it ran past (`None` when it was cancelled without a limit).
    pub limit: Option<Duration>,
}

impl fmt::Display for OverBudget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.limit {
            Some(l) => write!(f, "over its time budget of {}", fmt_duration(l)),
            None => write!(f, "cancelled before it was done"),
        }
    }
}

impl std::error::Error for OverBudget {}

/// So writers that run the pipeline as they write can pass it up as an I/O error.
impl From<OverBudget> for std::io::Error {
    fn from(e: OverBudget) -> Self {
        std::io::Error::new(std::io::ErrorKind::TimedOut, e)
    }
}

impl OverBudget {
    /// The budget error inside an I/O error made by the `From` above, if it is one.
    pub fn in_io(e: &std::io::Error) -> Option<OverBudget> {
        e.get_ref()?.downcast_ref::<OverBudget>().copied()
    }
}

/// `5s`, `250ms`, `1.5s`: the way budgets are written on the command line.
pub fn fmt_duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms.is_multiple_of(1000) && ms > 0 {
        format!("{}s", ms / 1000)
    } else if ms < 1000 {
        format!("{ms}ms")
    } else {
        format!("{}s", d.as_secs_f64())
    }
}

/// Reads a budget written as `5s`, `250ms`, `2m`, a bare number of seconds, or `none`/`off`
/// for no limit (`Ok(None)`).
pub fn parse_limit(s: &str) -> Result<Option<Duration>, String> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("none") || t.eq_ignore_ascii_case("off") {
        return Ok(None);
    }
    let (num, unit) = match t.find(|c: char| !(c.is_ascii_digit() || c == '.')) {
        Some(i) => t.split_at(i),
        None => (t, "s"),
    };
    let n: f64 = num
        .parse()
        .map_err(|_| format!("{s:?}: expected a duration such as 5s, 500ms or none"))?;
    let secs = match unit.trim() {
        "ms" => n / 1000.0,
        "s" | "" => n,
        "m" | "min" => n * 60.0,
        _ => return Err(format!("{s:?}: unit must be ms, s or m")),
    };
    Duration::try_from_secs_f64(secs)
        .map(Some)
        .map_err(|_| format!("{s:?}: not a usable duration"))
}

/// A budget limit as a command-line value (`5s`, `500ms`, `none`), for clap's `FromStr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit(pub Option<Duration>);

impl std::str::FromStr for Limit {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        parse_limit(s).map(Limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unlimited_never_expires_and_zero_expires_at_once() {
        let b = Budget::unlimited();
        b.cancel();
        assert!(!b.expired());
        assert!(Budget::of(Duration::ZERO).expired());
        assert!(!Budget::of(Duration::from_secs(3600)).expired());
    }

    #[test]
    fn cancel_reaches_every_clone() {
        let b = Budget::of(Duration::from_secs(3600));
        let c = b.clone();
        c.cancel();
        assert!(b.expired());
        let e = b.check().expect_err("cancelled");
        assert_eq!(e.to_string(), "over its time budget of 3600s");
    }

    #[test]
    fn limits_parse() {
        assert_eq!(parse_limit("5s"), Ok(Some(Duration::from_secs(5))));
        assert_eq!(parse_limit("250ms"), Ok(Some(Duration::from_millis(250))));
        assert_eq!(parse_limit("2m"), Ok(Some(Duration::from_secs(120))));
        assert_eq!(parse_limit("3"), Ok(Some(Duration::from_secs(3))));
        assert_eq!(parse_limit("none"), Ok(None));
        assert!(parse_limit("soon").is_err());
        assert!(parse_limit("5h").is_err());
        assert_eq!(fmt_duration(Duration::from_millis(1500)), "1.5s");
        assert_eq!(fmt_duration(Duration::from_millis(20)), "20ms");
    }
}
