//! Query parameters, checked by hand: every value arrives as a string and is validated here,
//! so a malformed or unknown parameter is a 400 with a message rather than a panic, a
//! silent default or a plain-text rejection.

use crate::error::ApiError;
use newsledger_store::Filter;

/// Items per page when `limit` is not given.
pub const DEFAULT_LIMIT: usize = 50;
/// Largest page a client may ask for.
pub const MAX_LIMIT: usize = 500;
/// Deepest offset a cursor may point to; deeper pages should narrow the filters instead.
pub const MAX_OFFSET: usize = 1_000_000;
const MAX_VALUE_LEN: usize = 500;

/// The decoded query string of one request, in order.
#[derive(Debug, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Decode a raw query string; `allowed` names every parameter the endpoint accepts.
    pub fn parse(raw: Option<&str>, allowed: &[&str]) -> Result<Params, ApiError> {
        let mut pairs = Vec::new();
        for (k, v) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
            if !allowed.contains(&k.as_ref()) {
                return Err(ApiError::bad_request(format!(
                    "unknown parameter {:?}; this endpoint accepts: {}",
                    truncate(&k),
                    allowed.join(", ")
                )));
            }
            if v.len() > MAX_VALUE_LEN {
                return Err(ApiError::bad_request(format!(
                    "parameter {k:?} is longer than {MAX_VALUE_LEN} bytes"
                )));
            }
            if pairs.iter().any(|(pk, _): &(String, String)| *pk == k) {
                return Err(ApiError::bad_request(format!(
                    "parameter {k:?} given more than once"
                )));
            }
            pairs.push((k.into_owned(), v.into_owned()));
        }
        Ok(Params { pairs })
    }

    /// A parameter's value; empty values count as absent.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    pub fn string(&self, key: &str) -> Option<String> {
        self.get(key).map(str::to_string)
    }

    pub fn flag(&self, key: &str) -> Result<bool, ApiError> {
        match self.get(key) {
            None | Some("0") | Some("false") => Ok(false),
            Some("1") | Some("true") => Ok(true),
            Some(v) => Err(ApiError::bad_request(format!(
                "{key} must be true or false, not {:?}",
                truncate(v)
            ))),
        }
    }

    /// A day bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn day(&self, key: &str) -> Result<Option<String>, ApiError> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        if is_day(v) {
            Ok(Some(v.to_string()))
        } else {
            Err(ApiError::bad_request(format!(
                "{key} must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not {:?}",
                truncate(v)
            )))
        }
    }

    /// The page requested: (offset, limit).
    pub fn page(&self) -> Result<Page, ApiError> {
        let limit = match self.get("limit") {
            None => DEFAULT_LIMIT,
            Some(v) => match v.parse::<usize>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
                _ => {
                    return Err(ApiError::bad_request(format!(
                        "limit must be an integer from 1 to {MAX_LIMIT}, not {:?}",
                        truncate(v)
                    )))
                }
            },
        };
        let offset = match self.get("cursor") {
            None => 0,
            Some(v) => match v.parse::<usize>() {
                Ok(n) if n <= MAX_OFFSET => n,
                _ => {
                    return Err(ApiError::bad_request(format!(
                        "cursor must be a value taken from a previous page's \"next\", not {:?}",
                        truncate(v)
                    )))
                }
            },
        };
        Ok(Page { offset, limit })
    }

    /// The store filter for record listings; `kind_key` names the parameter that maps to
    /// [`Filter::kind`] (`group` for figures, `type` for events and entities).
    pub fn filter(&self, kind_key: Option<&str>) -> Result<Filter, ApiError> {
        Ok(Filter {
            metric: self.string("metric"),
            kind: kind_key.and_then(|k| self.string(k)),
            place: self.string("place"),
            source: self.string("source"),
            from: self.day("from")?,
            to: self.day("to")?,
            content_id: None,
            limit: None,
            offset: 0,
        })
    }
}

/// One page of a listing.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub offset: usize,
    pub limit: usize,
}

impl Page {
    /// Cut one page out of a full list, with the cursor of the next page.
    pub fn slice<T>(&self, mut all: Vec<T>) -> (Vec<T>, Option<String>) {
        if self.offset >= all.len() {
            return (Vec::new(), None);
        }
        let mut rest = all.split_off(self.offset);
        let more = rest.len() > self.limit;
        rest.truncate(self.limit);
        (rest, more.then(|| (self.offset + self.limit).to_string()))
    }

    /// Ask the store for one row more than the page, to learn whether a next page exists.
    pub fn apply(&self, f: &mut Filter) {
        f.limit = Some(self.limit + 1);
        f.offset = self.offset;
    }

    /// Trim a result fetched with [`Page::apply`] and compute its cursor.
    pub fn finish<T>(&self, mut rows: Vec<T>) -> (Vec<T>, Option<String>) {
        let more = rows.len() > self.limit;
        rows.truncate(self.limit);
        (rows, more.then(|| (self.offset + self.limit).to_string()))
    }
}

fn is_day(v: &str) -> bool {
    let b = v.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7),
        10 => {
            digits(0..4)
                && b.get(4) == Some(&b'-')
                && digits(5..7)
                && b.get(7) == Some(&b'-')
                && digits(8..10)
        }
        _ => false,
    }
}

/// Echo user input in messages without letting it grow the response.
fn truncate(v: &str) -> String {
    v.chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_checked() {
        assert!(is_day("2031-03-02"));
        assert!(is_day("2031-03"));
        assert!(is_day("2031"));
        for bad in [
            "",
            "31-03-02",
            "2031-3-2",
            "2031/03/02",
            "2031-03-02x",
            "２０３１",
        ] {
            assert!(!is_day(bad), "{bad}");
        }
    }

    #[test]
    fn unknown_and_repeated_parameters_are_rejected() {
        assert!(Params::parse(Some("metric=killed&bogus=1"), &["metric"]).is_err());
        assert!(Params::parse(Some("metric=a&metric=b"), &["metric"]).is_err());
        let p = Params::parse(Some("metric=killed&place="), &["metric", "place"]).unwrap();
        assert_eq!(p.get("metric"), Some("killed"));
        assert_eq!(p.get("place"), None);
    }

    #[test]
    fn pages() {
        let p = Params::parse(Some("limit=2&cursor=1"), &["limit", "cursor"]).unwrap();
        let page = p.page().unwrap();
        let (items, next) = page.slice(vec![1, 2, 3, 4]);
        assert_eq!(items, vec![2, 3]);
        assert_eq!(next.as_deref(), Some("3"));
        let (items, next) = page.slice(vec![1, 2, 3]);
        assert_eq!(items, vec![2, 3]);
        assert_eq!(next, None);
        let (items, next) = page.slice(Vec::<i32>::new());
        assert!(items.is_empty() && next.is_none());
        for bad in [
            "limit=0",
            "limit=501",
            "limit=-1",
            "limit=x",
            "cursor=-3",
            "cursor=1e9",
        ] {
            let p = Params::parse(Some(bad), &["limit", "cursor"]).unwrap();
            assert!(p.page().is_err(), "{bad}");
        }
    }
}
