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

use std::sync::Arc;

use tantivy::query::{
    BitSetDocSet, BoostQuery, DfaWrapper, EnableScoring, Explanation, Query, Scorer, TermQuery,
    Weight,
};
use tantivy::schema::{Field, IndexRecordOption, Term};
use tantivy::{BitSet, DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError};

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

impl WordWeight {
    /// The documents holding a word other than the exact one that
    /// `variants` accepts (`None` when there is none), also added to `either`.
    fn variants(
        &self,
        reader: &SegmentReader,
        variants: Option<&Variants>,
        either: &mut Option<BitSet>,
    ) -> tantivy::Result<Option<BitSet>> {
        let Some(variants) = variants else {
            return Ok(None);
        };
        let index = reader.inverted_index(self.word.field)?;
        let mut terms = index
            .terms()
            .search(variants.automaton.as_ref())
            .into_stream()?;
        let empty = || BitSet::with_max_value(reader.max_doc());
        let mut docs: Option<BitSet> = None;
        while terms.advance() {
            if terms.key() == self.word.text.as_bytes() {
                continue;
            }
            let bits = docs.get_or_insert_with(empty);
            let all = either.get_or_insert_with(empty);
            let mut postings =
                index.read_block_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)?;
            while !postings.docs().is_empty() {
                for &doc in postings.docs() {
                    bits.insert(doc);
                    all.insert(doc);
                }
                postings.advance();
            }
        }
        Ok(docs)
    }
}

impl Weight for WordWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let exact = self.exact.scorer(reader, boost)?;
        let mut either = None;
        let typos = self.variants(reader, self.word.typos.as_ref(), &mut either)?;
        let prefix = self.variants(reader, self.word.prefix.as_ref(), &mut either)?;
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
