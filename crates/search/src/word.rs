//! One query word in one field, every way it may match: the word itself,
//! scored by BM25, and, as constants, the other words within its typo
//! budget or beginning with it (the last word, as people type).
//!
//! Scores are those of the three queries it replaces (the term, a typo
//! automaton, a prefix automaton, summed): an exact match also counts as a
//! typo and as a prefix. But the automata's own sets leave the word itself
//! out, so a broad word ("javascript", in half the documents) has its
//! postings read once, by the term's scorer, instead of three times, two of
//! them into bitsets of the whole segment that the union then walked again.

use std::sync::{Arc, Mutex};

use tantivy::query::{
    BitSetDocSet, BoostQuery, DfaWrapper, EnableScoring, Explanation, Query, Scorer, TermQuery,
    Weight,
};
use tantivy::schema::{Field, IndexRecordOption, Term};
use tantivy::{
    BitSet, DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, index::SegmentId,
};

use crate::bound::{Presence, mark};

/// Words matched by an automaton, each counting `boost` (times the
/// caller's).
#[derive(Clone)]
pub(crate) struct Variants {
    pub automaton: Arc<DfaWrapper>,
    pub boost: Score,
}

/// `text` in `field`: BM25 times `boost`, plus each of `typos` and `prefix`
/// that it (or a variant the automaton accepts) matches.
#[derive(Clone)]
pub(crate) struct WordInField {
    pub field: Field,
    pub text: String,
    pub boost: Score,
    pub typos: Option<Variants>,
    pub prefix: Option<Variants>,
    /// Where the scorers of this search found the variants, shared by its
    /// clones (the score's bound reads it rather than find them again).
    pub found: Arc<FoundVariants>,
}

/// Per segment, the windows (see [`crate::bound`]) holding a typo variant
/// and those holding a prefix variant.
#[derive(Default)]
pub(crate) struct FoundVariants(Mutex<Vec<(SegmentId, Arc<[Presence; 2]>)>>);

impl FoundVariants {
    /// What the scorer of `segment` found, if one was made.
    pub(crate) fn of(&self, segment: SegmentId) -> Option<Arc<[Presence; 2]>> {
        let found = self.0.lock().ok()?;
        found
            .iter()
            .find(|(id, _)| *id == segment)
            .map(|(_, windows)| windows.clone())
    }

    fn record(&self, segment: SegmentId, windows: [Presence; 2]) {
        if let Ok(mut found) = self.0.lock() {
            found.push((segment, Arc::new(windows)));
        }
    }
}

impl std::fmt::Debug for WordInField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordInField")
            .field("field", &self.field)
            .field("text", &self.text)
            .finish_non_exhaustive()
    }
}

impl Query for WordInField {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let term = Term::from_field_text(self.field, &self.text);
        let exact = BoostQuery::new(
            Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
            self.boost,
        )
        .weight(scoring)?;
        Ok(Box::new(WordWeight {
            word: self.clone(),
            exact,
        }))
    }
}

struct WordWeight {
    word: WordInField,
    exact: Box<dyn Weight>,
}

/// Calls `each` with every document of `reader` holding a word in `field`
/// that `automaton` accepts, other than `text` itself (once per word: a
/// document holding two variants comes twice).
pub(crate) fn each_variant_doc(
    reader: &SegmentReader,
    field: Field,
    text: &str,
    automaton: &DfaWrapper,
    mut each: impl FnMut(DocId),
) -> tantivy::Result<()> {
    let index = reader.inverted_index(field)?;
    let mut terms = index.terms().search(automaton).into_stream()?;
    while terms.advance() {
        if terms.key() == text.as_bytes() {
            continue;
        }
        let mut postings =
            index.read_block_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)?;
        while !postings.docs().is_empty() {
            postings.docs().iter().for_each(|doc| each(*doc));
            postings.advance();
        }
    }
    Ok(())
}

impl WordWeight {
    /// The documents holding a word other than the exact one that
    /// `variants` accepts (`None` when there is none), also added to
    /// `either`, and the windows (see [`crate::bound`]) they are in.
    fn variants(
        &self,
        reader: &SegmentReader,
        variants: Option<&Variants>,
        either: &mut Option<BitSet>,
    ) -> tantivy::Result<(Option<BitSet>, Presence)> {
        let Some(variants) = variants else {
            return Ok((None, None));
        };
        let empty = || BitSet::with_max_value(reader.max_doc());
        let mut docs: Option<BitSet> = None;
        let mut present: Presence = None;
        each_variant_doc(
            reader,
            self.word.field,
            &self.word.text,
            &variants.automaton,
            |doc| {
                docs.get_or_insert_with(empty).insert(doc);
                either.get_or_insert_with(empty).insert(doc);
                mark(&mut present, reader.max_doc(), doc);
            },
        )?;
        Ok((docs, present))
    }
}

impl Weight for WordWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let exact = self.exact.scorer(reader, boost)?;
        let mut either = None;
        let (typos, typo_windows) = self.variants(reader, self.word.typos.as_ref(), &mut either)?;
        let (prefix, prefix_windows) =
            self.variants(reader, self.word.prefix.as_ref(), &mut either)?;
        self.word
            .found
            .record(reader.segment_id(), [typo_windows, prefix_windows]);
        let constant = |variants: &Option<Variants>, bits: Option<BitSet>| {
            variants.as_ref().map(|v| (v.boost * boost, bits))
        };
        let mut scorer = WordScorer {
            exact,
            variants: either.map(BitSetDocSet::from),
            typos: constant(&self.word.typos, typos),
            prefix: constant(&self.word.prefix, prefix),
            doc: 0,
        };
        scorer.doc = scorer.lowest();
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new("word in field", scorer.score()))
    }
}

/// A constant and the documents that earn it besides the exact word's.
type Constant = (Score, Option<BitSet>);

struct WordScorer {
    exact: Box<dyn Scorer>,
    /// Documents holding a typo or prefix variant (not only the word).
    variants: Option<BitSetDocSet>,
    typos: Option<Constant>,
    prefix: Option<Constant>,
    doc: DocId,
}

impl WordScorer {
    fn lowest(&self) -> DocId {
        let variant = self.variants.as_ref().map_or(TERMINATED, DocSet::doc);
        self.exact.doc().min(variant)
    }
}

impl DocSet for WordScorer {
    fn advance(&mut self) -> DocId {
        if self.exact.doc() == self.doc {
            self.exact.advance();
        }
        if let Some(variants) = &mut self.variants
            && variants.doc() == self.doc
        {
            variants.advance();
        }
        self.doc = self.lowest();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.exact.doc() < target {
            self.exact.seek(target);
        }
        if let Some(variants) = &mut self.variants
            && variants.doc() < target
        {
            variants.seek(target);
        }
        self.doc = self.lowest();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        let variants = self.variants.as_ref().map_or(0, DocSet::size_hint);
        self.exact.size_hint().saturating_add(variants)
    }
}

impl Scorer for WordScorer {
    fn score(&mut self) -> Score {
        let exact = self.exact.doc() == self.doc;
        let mut score = if exact { self.exact.score() } else { 0.0 };
        for (boost, bits) in [&self.typos, &self.prefix].into_iter().flatten() {
            if exact || bits.as_ref().is_some_and(|bits| bits.contains(self.doc)) {
                score += *boost;
            }
        }
        score
    }
}

#[cfg(test)]
mod tests;
