//! Content fingerprints: what makes two texts "the same article".
//!
//! Wire copy is republished verbatim or with trivial edits (a changed dateline, a credit line,
//! different line breaks). Counting each copy as a separate report would make one agency's
//! number look independently confirmed, so the store keys texts by a hash of their
//! *normalised* form (case and white space folded) and detects near-copies by MinHash over
//! word 3-shingles (estimated Jaccard similarity ≥ 0.6 — republished wire copy with a new
//! headline, dateline, a few edited words and the republisher's footer scores about 0.7),
//! found through 21 LSH bands of 3 rows. A near-copy whose numbers differ is NOT a copy: an
//! updated toll in otherwise identical text is exactly the news an analyst needs, so the
//! multiset of numbers must match too (years excepted: a copyright line adds one).

use sha2::{Digest, Sha256};
use std::collections::HashSet;

/// Smallest estimated Jaccard similarity of shingle sets still called a near-copy.
pub const NEAR_DUP_JACCARD: f64 = 0.6;
/// Texts shorter than this many words are only ever matched exactly: a handful of
/// shingles says little.
pub const NEAR_DUP_MIN_WORDS: usize = 40;
const PERMUTATIONS: usize = 64;
const BANDS: usize = 21;
const ROWS: usize = 3;

/// Everything the store needs to know about a text to find its copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Hex SHA-256 of the normalised text.
    pub hash: String,
    /// MinHash signature of the word 3-shingles.
    pub minhash: Vec<u32>,
    /// Hex SHA-256 of the sorted numbers in the text.
    pub numbers: String,
    pub words: usize,
}

impl Fingerprint {
    pub fn of(text: &str) -> Fingerprint {
        let norm = normalise(text);
        let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
        let mut nums: Vec<String> = Vec::new();
        let mut cur = String::new();
        for c in text.chars() {
            if c.is_ascii_digit() {
                cur.push(c);
            } else if !cur.is_empty() && !matches!(c, ',' | '.') {
                nums.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            nums.push(cur);
        }
        nums.retain(|n| !(n.len() == 4 && ("1900".."2100").contains(&n.as_str())));
        nums.sort();
        Fingerprint {
            hash: hex(&Sha256::digest(norm.as_bytes())),
            minhash: minhash(&words),
            numbers: hex(&Sha256::digest(nums.join(" ").as_bytes())),
            words: words.len(),
        }
    }

    /// LSH band keys: two texts with Jaccard ≥ 0.6 share at least one with probability
    /// above 0.99 (0.3: 0.44; 0.1: 0.02). Empty for texts too short to be near-matched.
    pub fn band_keys(&self) -> Vec<i64> {
        if self.words < NEAR_DUP_MIN_WORDS {
            return Vec::new();
        }
        self.minhash
            .chunks(ROWS)
            .take(BANDS)
            .enumerate()
            .map(|(b, rows)| {
                let mut parts = vec![b.to_string()];
                parts.extend(rows.iter().map(u32::to_string));
                let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
                (hash64(&refs) >> 1) as i64
            })
            .collect()
    }

    /// Estimated Jaccard similarity of two signatures.
    pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
        if a.is_empty() || a.len() != b.len() {
            return 0.0;
        }
        a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
    }

    /// True when a stored text is a near-copy of this one (see the module doc).
    pub fn near(&self, other_minhash: &[u32], other_numbers: &str, other_words: usize) -> bool {
        self.words >= NEAR_DUP_MIN_WORDS
            && other_words >= NEAR_DUP_MIN_WORDS
            && self.numbers == other_numbers
            && Fingerprint::similarity(&self.minhash, other_minhash) >= NEAR_DUP_JACCARD
    }

    /// The signature as stored: hex, 8 digits per value.
    pub fn minhash_hex(&self) -> String {
        self.minhash.iter().map(|v| format!("{v:08x}")).collect()
    }

    pub fn parse_minhash(s: &str) -> Vec<u32> {
        (0..s.len() / 8)
            .filter_map(|i| s.get(i * 8..i * 8 + 8))
            .filter_map(|h| u32::from_str_radix(h, 16).ok())
            .collect()
    }
}

fn minhash(words: &[&str]) -> Vec<u32> {
    let words: Vec<&str> = words
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let shingles: HashSet<u64> = if words.len() < 3 {
        std::iter::once(hash64(&words)).collect()
    } else {
        words.windows(3).map(hash64).collect()
    };
    (0..PERMUTATIONS)
        .map(|i| {
            let seed = mix(0x9e37_79b9_7f4a_7c15u64.wrapping_mul(i as u64 + 1));
            shingles
                .iter()
                .map(|&h| (mix(h ^ seed) >> 32) as u32)
                .min()
                .unwrap_or(u32::MAX)
        })
        .collect()
}

/// Lower-case, fold typographic quotes and dashes, drop punctuation other than inside words,
/// and collapse every run of white space to one space.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '`' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        };
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                space = true;
            }
            continue;
        }
        for l in c.to_lowercase() {
            out.push(l);
        }
        space = false;
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// 64-bit FNV-1a with a final avalanche, so shingle hashes spread over all bits.
fn hash64(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0x20;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// splitmix64 finaliser.
fn mix(mut h: u64) -> u64 {
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "Rescue teams in the river town of Marrow worked through the night after \
        the embankment gave way on Tuesday, a regional official said. Eleven people were \
        confirmed dead and 40 were taken to hospital, according to the regional emergency \
        office, which said the search would continue until every resident was accounted for. \
        Volunteers brought boats from neighbouring villages, and the army sent two helicopters \
        to lift families from rooftops as the water kept rising through the afternoon.";

    #[test]
    fn whitespace_and_case_do_not_matter() {
        let a = Fingerprint::of("Ten  people were\nhurt.");
        let b = Fingerprint::of("ten people WERE hurt.  ");
        assert_eq!(a.hash, b.hash);
        assert_ne!(a.hash, Fingerprint::of("Ten people were hurt!").hash);
    }

    #[test]
    fn near_copy_with_new_dateline_is_near() {
        let a = Fingerprint::of(BASE);
        let edited = format!(
            "Marrow embankment fails\nMARROW, Vessland (Our Wire) - {}\nShare this \
             article\nThe Gazette carries copy from Our Wire. (c) 2031 Gazette Media",
            BASE.replace("a regional official", "the regional official")
                .replace("Volunteers brought", "Local volunteers brought")
        );
        let b = Fingerprint::of(&edited);
        assert_ne!(a.hash, b.hash);
        assert!(
            a.near(&b.minhash, &b.numbers, b.words),
            "similarity {}",
            Fingerprint::similarity(&a.minhash, &b.minhash)
        );
        let shared = a
            .band_keys()
            .iter()
            .filter(|k| b.band_keys().contains(k))
            .count();
        assert!(shared > 0);
    }

    #[test]
    fn updated_number_is_not_a_copy() {
        let a = Fingerprint::of(BASE);
        let b = Fingerprint::of(
            &BASE
                .replace("Eleven people", "Fourteen people")
                .replace("40 were", "52 were"),
        );
        assert!(!a.near(&b.minhash, &b.numbers, b.words));
    }

    #[test]
    fn different_story_is_far() {
        let a = Fingerprint::of(BASE);
        let other = "Markets in the capital closed higher on Friday as investors welcomed the \
            central bank's decision to hold rates, with shares of the two largest lenders rising \
            more than three percent. Analysts said the move had been widely expected and that \
            attention would now turn to next month's inflation figures, due after the holiday, \
            and to the budget the finance minister is to present to parliament.";
        let b = Fingerprint::of(other);
        assert!(Fingerprint::similarity(&a.minhash, &b.minhash) < 0.2);
        assert!(!a.near(&b.minhash, &b.numbers, b.words));
        let back = Fingerprint::parse_minhash(&a.minhash_hex());
        assert_eq!(back, a.minhash);
    }

    #[test]
    fn empty_and_odd_text_do_not_panic() {
        for t in ["", " ", "\u{0}\u{ffff}", "ß🙂 1,000.5", "İ"] {
            let _ = Fingerprint::of(t);
        }
    }
}
