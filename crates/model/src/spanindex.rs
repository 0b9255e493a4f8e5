//! A search structure over many spans, for stages that ask "which records overlap (or
//! contain) this span" once per sentence or per candidate: a scan of the whole layer per
//! question is quadratic on one long document.

use crate::Span;

/// Spans sorted by start with a running maximum of their ends. Answers list the spans'
/// positions in the order they were given (ascending), so a caller that used to scan the
/// layer in order sees the same records in the same order.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    /// (span, position in the input), sorted by start.
    items: Vec<(Span, usize)>,
    /// `max_end[i]`: the largest end among `items[..=i]`.
    max_end: Vec<usize>,
}

impl SpanIndex {
    pub fn new(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut items: Vec<(Span, usize)> = spans.into_iter().zip(0..).collect();
        items.sort_by_key(|(s, i)| (s.start(), *i));
        let mut max_end = Vec::with_capacity(items.len());
        let mut m = 0;
        for (s, _) in &items {
            m = m.max(s.end());
            max_end.push(m);
        }
        SpanIndex { items, max_end }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Positions of the spans that overlap `q` ([`Span::overlaps`]), ascending.
    pub fn overlapping(&self, q: Span) -> Vec<usize> {
        let k = self.items.partition_point(|(s, _)| s.start() < q.end());
        self.collect_back(k, |max_end| max_end > q.start(), |s| s.overlaps(q))
    }

    /// Positions of the spans that contain `q` ([`Span::contains`]), ascending.
    pub fn containing(&self, q: Span) -> Vec<usize> {
        let k = self.items.partition_point(|(s, _)| s.start() <= q.start());
        self.collect_back(k, |max_end| max_end >= q.end(), |s| s.contains(q))
    }

    /// Walks `items[..k]` backwards while some span there may still qualify (`alive` of
    /// the largest end so far), keeping the positions of those that do.
    fn collect_back(
        &self,
        k: usize,
        alive: impl Fn(usize) -> bool,
        keep: impl Fn(Span) -> bool,
    ) -> Vec<usize> {
        let mut out = Vec::new();
        let mut i = k;
        while i > 0 {
            i -= 1;
            if !self.max_end.get(i).is_some_and(|&m| alive(m)) {
                break;
            }
            if let Some(&(s, pos)) = self.items.get(i) {
                if keep(s) {
                    out.push(pos);
                }
            }
        }
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_a_scan() {
        let spans: Vec<Span> = (0..60usize)
            .map(|i| Span::new((i * 37) % 200, (i * 37) % 200 + (i * 13) % 25))
            .collect();
        let idx = SpanIndex::new(spans.iter().copied());
        for a in 0..230 {
            for len in [0, 1, 5, 30] {
                let q = Span::new(a, a + len);
                let over: Vec<usize> = (0..spans.len()).filter(|&i| spans[i].overlaps(q)).collect();
                let cont: Vec<usize> = (0..spans.len()).filter(|&i| spans[i].contains(q)).collect();
                assert_eq!(idx.overlapping(q), over, "{q:?}");
                assert_eq!(idx.containing(q), cont, "{q:?}");
            }
        }
    }
}
