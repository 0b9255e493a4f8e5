use chrono::{DateTime, NaiveDate};

/// Parse a publication date: `YYYY-MM-DD`, or RFC 3339, whose day is taken in its own
/// offset (a report stamped `2022-01-08T23:30:00+06:00` was published on the 8th where it
/// was written, whatever the day in UTC).
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(d);
    }
    match DateTime::parse_from_rfc3339(s) {
        Ok(dt) => Ok(dt.date_naive()),
        Err(_) => Err(format!(
            "'{s}' is not a date (expected YYYY-MM-DD or RFC 3339)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2022, 1, 8);
        assert_eq!(parse_date("2022-01-08").ok(), d);
        assert_eq!(parse_date("2022-01-08T23:30:00+06:00").ok(), d);
        assert_eq!(parse_date("2022-01-08T01:30:00-05:00").ok(), d);
        assert!(parse_date("08/01/2022").is_err());
        assert!(parse_date("2022-02-30").is_err());
    }
}
