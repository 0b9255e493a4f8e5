//! Content fingerprints: what makes two texts "the same article".
//!
//! Wire copy is republished verbatim or with trivial edits (a changed dateline, a credit line,
//! different line breaks). Counting each copy as a separate report would make one agency's
//! number look independently confirmed, so the store keys texts by a hash of their
//! *normalised* form (case and white space folded) and detects near-copies with a 64-bit
//! simhash over word 3-shingles. A near-copy whose numbers differ is NOT a copy: an updated
//! toll in otherwise identical text is exactly the news an analyst needs, so the multiset of
//! numbers must match too.

use sha2::{Digest, Sha256};

/// Largest simhash Hamming distance still called a near-duplicate.
pub const NEAR_DUP_BITS: u32 = 3;
/// Texts shorter than this many words are only ever matched exactly: simhash is unreliable
/// on a handful of shingles.
pub const NEAR_DUP_MIN_WORDS: usize = 40;

/// Everything the store needs to know about a text to find its copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Hex SHA-256 of the normalised text.
    pub hash: String,
    pub simhash: u64,
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
        nums.sort();
        Fingerprint {
            hash: hex(&Sha256::digest(norm.as_bytes())),
            simhash: simhash(&words),
            numbers: hex(&Sha256::digest(nums.join(" ").as_bytes())),
            words: words.len(),
        }
    }

    /// The four 16-bit bands of the simhash. Two hashes within 3 bits of each other share
    /// at least one band exactly (pigeonhole), so an index on each band finds candidates.
    pub fn bands(&self) -> [i64; 4] {
        bands(self.simhash)
    }

    /// True when `other` is a near-copy of this text (see the module doc).
    pub fn near(&self, other_simhash: u64, other_numbers: &str, other_words: usize) -> bool {
        self.words >= NEAR_DUP_MIN_WORDS
            && other_words >= NEAR_DUP_MIN_WORDS
            && self.numbers == other_numbers
            && (self.simhash ^ other_simhash).count_ones() <= NEAR_DUP_BITS
    }
}

pub fn bands(h: u64) -> [i64; 4] {
    [
        (h & 0xffff) as i64,
        ((h >> 16) & 0xffff) as i64,
        ((h >> 32) & 0xffff) as i64,
        ((h >> 48) & 0xffff) as i64,
    ]
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
    // splitmix64 finaliser
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

fn simhash(words: &[&str]) -> u64 {
    let words: Vec<&str> = words
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let mut acc = [0i64; 64];
    let mut add = |h: u64| {
        for (i, a) in acc.iter_mut().enumerate() {
            if h >> i & 1 == 1 {
                *a += 1;
            } else {
                *a -= 1;
            }
        }
    };
    if words.len() < 3 {
        add(hash64(&words));
    } else {
        for w in words.windows(3) {
            add(hash64(w));
        }
    }
    acc.iter()
        .enumerate()
        .fold(0u64, |h, (i, &a)| if a > 0 { h | 1 << i } else { h })
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
        let edited = format!("MARROW (Our Wire) - {BASE}\nReporting by our desk; editing by staff.");
        let b = Fingerprint::of(&edited);
        assert_ne!(a.hash, b.hash);
        assert!(a.near(b.simhash, &b.numbers, b.words), "distance {}", (a.simhash ^ b.simhash).count_ones());
    }

    #[test]
    fn updated_number_is_not_a_copy() {
        let a = Fingerprint::of(BASE);
        let b = Fingerprint::of(&BASE.replace("Eleven people", "Fourteen people").replace("40 were", "52 were"));
        assert!(!a.near(b.simhash, &b.numbers, b.words));
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
        assert!((a.simhash ^ b.simhash).count_ones() > 10);
        assert!(!a.near(b.simhash, &b.numbers, b.words));
    }

    #[test]
    fn bands_cover_close_hashes() {
        let h = 0x1234_5678_9abc_def0u64;
        let g = h ^ 0b1011; // three bits differ, all in band 0
        let (a, b) = (bands(h), bands(g));
        assert!(a.iter().zip(b.iter()).any(|(x, y)| x == y));
    }

    #[test]
    fn empty_and_odd_text_do_not_panic() {
        for t in ["", " ", "\u{0}\u{ffff}", "ß🙂 1,000.5", "İ"] {
            let _ = Fingerprint::of(t);
        }
    }
}
