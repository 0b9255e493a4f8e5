use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's text.
/// Serialised as a two-element array `[start, end]`, the form every record uses.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct Span(pub usize, pub usize);

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span(start, end.max(start))
    }
    pub fn start(self) -> usize {
        self.0
    }
    pub fn end(self) -> usize {
        self.1
    }
    pub fn len(self) -> usize {
        self.1 - self.0
    }
    pub fn is_empty(self) -> bool {
        self.1 <= self.0
    }
    pub fn contains(self, other: Span) -> bool {
        self.0 <= other.0 && other.1 <= self.1
    }
    pub fn contains_offset(self, offset: usize) -> bool {
        self.0 <= offset && offset < self.1
    }
    pub fn overlaps(self, other: Span) -> bool {
        self.0 < other.1 && other.0 < self.1
    }
    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span(self.0.min(other.0), self.1.max(other.1))
    }
    /// Shift a span relative to a sub-slice back into document offsets.
    pub fn offset(self, by: usize) -> Span {
        Span(self.0 + by, self.1 + by)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_and_cover() {
        let a = Span::new(0, 5);
        let b = Span::new(4, 9);
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(5, 6)));
        assert_eq!(a.cover(b), Span(0, 9));
        assert!(Span(0, 9).contains(b));
        assert_eq!(serde_json::to_string(&a).unwrap(), "[0,5]");
    }
}
