//! The [`Stage`] trait and the [`Pipeline`] that runs stages in order.
//!
//! A stage declares which layers it needs and which it adds; the pipeline checks at build
//! time that every need is met by an earlier stage, so a mis-ordered pipeline fails when it
//! is assembled, not with silently empty output.
//!
//! Documents longer than the pipeline's chunk size are run chunk by chunk (see
//! [`crate::chunk`]), which keeps time and memory in proportion to the text.

use crate::chunk::{append, chunk_spans, Merger, DEFAULT_CHUNK_BYTES};
use crate::{Budget, Document, Layers, OverBudget, Span};
use std::fmt;

/// The annotation layers of [`crate::Layers`], as stages name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    Paragraphs,
    Segments,
    Tokens,
    Residue,
    Timexes,
    Entities,
    Claims,
    Figures,
    Events,
}

impl Layer {
    pub fn name(self) -> &'static str {
        match self {
            Layer::Paragraphs => "paragraphs",
            Layer::Segments => "segments",
            Layer::Tokens => "tokens",
            Layer::Residue => "residue",
            Layer::Timexes => "timexes",
            Layer::Entities => "entities",
            Layer::Claims => "claims",
            Layer::Figures => "figures",
            Layer::Events => "events",
        }
    }
}

/// One step of the pipeline: reads the layers it needs, adds its own.
/// Implementations must not panic on any text: stages run on untrusted input.
pub trait Stage: Send + Sync {
    /// Short name, shown by `newsledger stages`.
    fn name(&self) -> &'static str;
    /// Layers that must be filled before this stage runs.
    fn needs(&self) -> &'static [Layer];
    /// Layers this stage fills.
    fn adds(&self) -> &'static [Layer];
    /// Annotate the document in place.
    fn process(&self, doc: &mut Document);
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PipelineError {
    MissingLayer { stage: &'static str, layer: Layer },
}

impl fmt::Display for PipelineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PipelineError::MissingLayer { stage, layer } => write!(
                f,
                "stage '{stage}' needs layer '{}', which no earlier stage adds",
                layer.name()
            ),
        }
    }
}

impl std::error::Error for PipelineError {}

/// An ordered list of stages.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
    chunk_bytes: usize,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}

impl Pipeline {
    pub fn new() -> Self {
        Pipeline {
            stages: Vec::new(),
            chunk_bytes: DEFAULT_CHUNK_BYTES,
        }
    }

    /// Documents longer than `bytes` are cut at paragraph breaks into chunks of at most
    /// `bytes` and run chunk by chunk ([`DEFAULT_CHUNK_BYTES`] unless set). Records never
    /// cross a chunk, the token layer is not kept, and the time stage resolves relative
    /// dates within a chunk only; in exchange time and memory grow with the text instead
    /// of faster. Tests lower it to exercise the chunked path on small texts.
    pub fn chunk_bytes(mut self, bytes: usize) -> Self {
        self.chunk_bytes = bytes.max(1);
        self
    }

    /// Append a stage, checking that what it needs is already added.
    pub fn with(mut self, stage: impl Stage + 'static) -> Result<Self, PipelineError> {
        self.push(Box::new(stage))?;
        Ok(self)
    }

    pub fn push(&mut self, stage: Box<dyn Stage>) -> Result<(), PipelineError> {
        for &need in stage.needs() {
            if !self.stages.iter().any(|s| s.adds().contains(&need)) {
                return Err(PipelineError::MissingLayer {
                    stage: stage.name(),
                    layer: need,
                });
            }
        }
        self.stages.push(stage);
        Ok(())
    }

    pub fn stages(&self) -> impl Iterator<Item = &dyn Stage> {
        self.stages.iter().map(|s| s.as_ref())
    }

    /// Run every stage over the document, in order.
    pub fn run(&self, doc: &mut Document) {
        self.run_stages(doc, None);
    }

    /// Run every stage within `budget`: the pipeline checks it between stages and chunks,
    /// and stages at sentence boundaries. Over it, the document's layers are emptied (no
    /// partial result is kept) and the error says which budget was exceeded.
    pub fn run_within(&self, doc: &mut Document, budget: Budget) -> Result<(), OverBudget> {
        doc.budget = budget;
        self.run_stages(doc, None);
        let done = doc.budget.check();
        doc.budget = Budget::unlimited();
        if done.is_err() {
            doc.layers = Layers::default();
        }
        done
    }

    /// Run the stages up to and including the one named `last`.
    pub fn run_until(&self, doc: &mut Document, last: &str) {
        self.run_stages(doc, Some(last));
    }

    /// The chunks the pipeline cuts `text` into, or `None` when it runs it whole.
    pub fn chunks_of(&self, text: &str) -> Option<Vec<Span>> {
        (text.len() > self.chunk_bytes).then(|| chunk_spans(text, self.chunk_bytes))
    }

    /// Run every stage over one chunk of the document as if it were a document of its own
    /// (same id and metadata); the layers come back in the chunk's own offsets, for
    /// [`Merger::place`].
    pub fn run_chunk(&self, doc: &Document, chunk: Span) -> Layers {
        self.run_chunk_until(doc, chunk, None)
    }

    fn run_chunk_until(&self, doc: &Document, chunk: Span, last: Option<&str>) -> Layers {
        let mut part = Document {
            id: doc.id.clone(),
            text: doc.slice(chunk).to_string(),
            meta: doc.meta.clone(),
            layers: Layers::default(),
            budget: doc.budget.clone(),
        };
        self.run_whole(&mut part, last);
        part.layers
    }

    fn run_stages(&self, doc: &mut Document, last: Option<&str>) {
        let Some(chunks) = self.chunks_of(&doc.text) else {
            self.run_whole(doc, last);
            return;
        };
        let mut merger = Merger::new();
        let mut layers = Layers::default();
        for span in chunks {
            if doc.budget.expired() {
                break;
            }
            let part = self.run_chunk_until(doc, span, last);
            append(&mut layers, merger.place(part, span.start()));
        }
        layers.entities = merger.into_entities();
        doc.layers = layers;
    }

    fn run_whole(&self, doc: &mut Document, last: Option<&str>) {
        // A language no stage has rules for gets no records at all (never English or
        // Russian rules by mistake); the reader or CLI warns with the document's name.
        if doc.lang() == crate::Lang::Other {
            return;
        }
        for stage in &self.stages {
            if doc.budget.expired() {
                break;
            }
            stage.process(doc);
            if Some(stage.name()) == last {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Meta, Span};

    struct Adds;
    impl Stage for Adds {
        fn name(&self) -> &'static str {
            "adds"
        }
        fn needs(&self) -> &'static [Layer] {
            &[]
        }
        fn adds(&self) -> &'static [Layer] {
            &[Layer::Residue]
        }
        fn process(&self, doc: &mut Document) {
            doc.layers.residue.push(Span::new(0, doc.text.len()));
        }
    }
    struct Needs;
    impl Stage for Needs {
        fn name(&self) -> &'static str {
            "needs"
        }
        fn needs(&self) -> &'static [Layer] {
            &[Layer::Residue]
        }
        fn adds(&self) -> &'static [Layer] {
            &[]
        }
        fn process(&self, _doc: &mut Document) {}
    }

    /// Stands in for a stage that takes too long: it spends the budget, deterministically.
    struct SpendsBudget;
    impl Stage for SpendsBudget {
        fn name(&self) -> &'static str {
            "spends"
        }
        fn needs(&self) -> &'static [Layer] {
            &[]
        }
        fn adds(&self) -> &'static [Layer] {
            &[]
        }
        fn process(&self, doc: &mut Document) {
            doc.budget.cancel();
        }
    }

    fn budget_pipeline() -> Pipeline {
        Pipeline::new()
            .with(Adds)
            .and_then(|p| p.with(SpendsBudget))
            .and_then(|p| p.with(Adds))
            .expect("builds")
    }

    #[test]
    fn a_spent_budget_stops_the_stages_and_drops_the_layers() {
        let p = budget_pipeline();
        let mut doc = Document::new("d", "abc", Meta::default());
        let r = p.run_within(&mut doc, Budget::of(std::time::Duration::from_secs(3600)));
        assert!(r.is_err());
        assert!(doc.layers.residue.is_empty(), "no partial result kept");
        assert!(
            !doc.budget.expired(),
            "the budget is not left on the document"
        );
        // Unlimited: the same stage cannot stop anything.
        let mut doc = Document::new("d", "abc", Meta::default());
        assert_eq!(p.run_within(&mut doc, Budget::unlimited()), Ok(()));
        assert_eq!(doc.layers.residue.len(), 2);
    }

    #[test]
    fn a_zero_budget_runs_nothing_even_chunked() {
        let p = Pipeline::new().with(Adds).expect("builds").chunk_bytes(2);
        let mut doc = Document::new("d", "abc def", Meta::default());
        let r = p.run_within(&mut doc, Budget::of(std::time::Duration::ZERO));
        let e = r.expect_err("over");
        assert_eq!(e.to_string(), "over its time budget of 0ms");
        assert!(doc.layers.residue.is_empty());
    }

    #[test]
    fn order_is_checked() {
        let err = Pipeline::new().with(Needs).err();
        assert_eq!(
            err,
            Some(PipelineError::MissingLayer {
                stage: "needs",
                layer: Layer::Residue
            })
        );
        let p = Pipeline::new().with(Adds).and_then(|p| p.with(Needs));
        let p = p.expect("ordered pipeline builds");
        let mut doc = Document::new("d", "abc", Meta::default());
        p.run(&mut doc);
        assert_eq!(doc.layers.residue, vec![Span(0, 3)]);
    }
}
