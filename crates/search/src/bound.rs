//! How high a query's score can be, per window of document ids: what lets
//! the collector skip the windows where no match can reach the page.
//!
//! A query's score is a sum (a word's fields, a search's words and ways of
//! reading them), so a bound is a list of the summed parts: terms scored by
//! BM25, whose best score in each window is read from their postings, and
//! words in a field (see [`crate::word`]), which add their typo and prefix
//! constants in the windows where a variant occurs. Parts that can only add
//! to the same document twice are counted twice: the bound is loose there,
//! never low.

use tantivy::fieldnorm::FieldNormReader;
use tantivy::query::{Bm25StatisticsProvider, Bm25Weight};
use tantivy::schema::{IndexRecordOption, Term};
use tantivy::{DocId, Score, SegmentReader};

use std::sync::Arc;

use crate::word::{Variants, WordInField, each_variant_doc};

/// One summed part of a score.
#[derive(Debug, Clone)]
enum Part {
    /// BM25 of `term` times `boost`; with `freqs`, how often it occurs
    /// counts (else once, as a term read without frequencies scores).
    Term {
        term: Term,
        boost: Score,
        freqs: bool,
    },
    /// A word in a field: its term as [`Part::Term`] (with frequencies)
    /// plus both constants, or the constants of the variants a document
    /// holds instead.
    Word(WordInField),
}

/// The parts a query's score is the sum of (those a document matches).
#[derive(Debug, Clone, Default)]
pub(crate) struct ScoreBound(Vec<Part>);

impl ScoreBound {
    /// BM25 of `term` times `boost`.
    pub(crate) fn term(term: Term, boost: Score, freqs: bool) -> Self {
        Self(vec![Part::Term { term, boost, freqs }])
    }

    /// A word in a field, scored as [`WordInField`] scores it.
    pub(crate) fn word(word: WordInField) -> Self {
        Self(vec![Part::Word(word)])
    }

    /// Both summed.
    pub(crate) fn add(&mut self, other: Self) {
        self.0.extend(other.0);
    }

    /// The bound in each window of `reader`'s documents, with BM25 weighed
    /// by `statistics` (those the query is scored with).
    pub(crate) fn windows(
        &self,
        reader: &SegmentReader,
        statistics: &dyn Bm25StatisticsProvider,
    ) -> tantivy::Result<Windows> {
        let count = window(reader.max_doc()) + 1;
        let mut bounds = vec![0.0; count];
        let mut best = vec![0.0; count];
        for part in &self.0 {
            best.fill(0.0);
            match part {
                Part::Term { term, boost, freqs } => {
                    let weight = bm25(statistics, term, *boost)?;
                    best_per_window(reader, term, &weight, *freqs, &mut best)?;
                }
                Part::Word(word) => word_per_window(reader, statistics, word, &mut best)?,
            }
            for (bound, best) in bounds.iter_mut().zip(&best) {
                *bound += best;
            }
        }
        // Sums here and in the scorers add in different orders: a
        // rounding's worth of room keeps the bound above every score.
        for bound in &mut bounds {
            *bound = *bound * (1.0 + 1e-4) + 1e-6;
        }
        Ok(Windows(bounds))
    }
}

/// Document ids per window: 2 to this power.
const WINDOW_BITS: u32 = 7;

fn window(doc: DocId) -> usize {
    (doc >> WINDOW_BITS) as usize
}

/// `term`'s BM25 times `boost`, as its own scorer weighs it.
fn bm25(
    statistics: &dyn Bm25StatisticsProvider,
    term: &Term,
    boost: Score,
) -> tantivy::Result<Bm25Weight> {
    Ok(Bm25Weight::for_terms(statistics, std::slice::from_ref(term))?.boost_by(boost))
}

/// The best score of `term` with `weight` in each window, into `best`
/// (where it occurs; elsewhere `best` is left as it is).
fn best_per_window(
    reader: &SegmentReader,
    term: &Term,
    weight: &Bm25Weight,
    freqs: bool,
    best: &mut [Score],
) -> tantivy::Result<()> {
    let field = term.field();
    let option = if freqs {
        IndexRecordOption::WithFreqs
    } else {
        IndexRecordOption::Basic
    };
    let Some(mut postings) = reader
        .inverted_index(field)?
        .read_block_postings(term, option)?
    else {
        return Ok(());
    };
    let norms = reader
        .fieldnorms_readers()
        .get_field(field)?
        .unwrap_or_else(|| FieldNormReader::constant(reader.max_doc(), 1));
    while !postings.docs().is_empty() {
        let docs = postings.docs();
        // BM25 grows with the count and falls with the field's length: the
        // block's highest count in its shortest field bounds every document
        // of the block, with one score instead of one each.
        let count = if freqs {
            postings.freqs().iter().copied().max().unwrap_or(1)
        } else {
            1
        };
        let shortest = docs.iter().map(|&doc| norms.fieldnorm_id(doc)).min();
        let score = weight.score(shortest.unwrap_or(0), count);
        for &doc in docs {
            if let Some(slot) = best.get_mut(window(doc))
                && score > *slot
            {
                *slot = score;
            }
        }
        postings.advance();
    }
    Ok(())
}

/// The best score of `word` in each window, into `best`: the exact word's
/// with both constants, or the constants of the variants found there.
fn word_per_window(
    reader: &SegmentReader,
    statistics: &dyn Bm25StatisticsProvider,
    word: &WordInField,
    best: &mut [Score],
) -> tantivy::Result<()> {
    let constant = |variants: &Option<Variants>| variants.as_ref().map_or(0.0, |v| v.boost);
    let both = constant(&word.typos) + constant(&word.prefix);
    // Below every score: marks the windows the exact word is not in.
    const ABSENT: Score = -1.0;
    let mut exact = vec![ABSENT; best.len()];
    let term = Term::from_field_text(word.field, &word.text);
    best_per_window(
        reader,
        &term,
        &bm25(statistics, &term, word.boost)?,
        true,
        &mut exact,
    )?;
    for (slot, exact) in best.iter_mut().zip(&exact) {
        if *exact > ABSENT {
            *slot = exact + both;
        }
    }
    // A document holding no exact word earns each set's constant it is in.
    let found = match word.found.of(reader.segment_id()) {
        Some(found) => found,
        // No scorer of this segment yet (the bound asked first): find them.
        None => {
            let mut found = [None, None];
            for (slot, set) in found.iter_mut().zip([&word.typos, &word.prefix]) {
                if let Some(set) = set {
                    *slot = variant_windows(reader, word, set)?;
                }
            }
            Arc::new(found)
        }
    };
    let mut variants = vec![0.0; best.len()];
    for (set, present) in [&word.typos, &word.prefix].into_iter().zip(found.iter()) {
        let (Some(set), Some(present)) = (set, present) else {
            continue;
        };
        for (slot, present) in variants.iter_mut().zip(present) {
            if *present {
                *slot += set.boost;
            }
        }
    }
    for (slot, variant) in best.iter_mut().zip(&variants) {
        *slot = slot.max(*variant);
    }
    Ok(())
}

/// Per window, whether it holds a document of a set (`None`: no document
/// of the segment is in it).
pub(crate) type Presence = Option<Vec<bool>>;

/// Marks `doc`'s window as holding a document of a set of a segment of
/// `max_doc` documents (`present` is made at the first).
pub(crate) fn mark(present: &mut Presence, max_doc: DocId, doc: DocId) {
    let windows = present.get_or_insert_with(|| vec![false; window(max_doc) + 1]);
    if let Some(slot) = windows.get_mut(window(doc)) {
        *slot = true;
    }
}

/// The windows holding a document with a word of `variants` other than
/// `word`'s own.
fn variant_windows(
    reader: &SegmentReader,
    word: &WordInField,
    variants: &Variants,
) -> tantivy::Result<Presence> {
    let mut present: Presence = None;
    each_variant_doc(reader, word.field, &word.text, &variants.automaton, |doc| {
        mark(&mut present, reader.max_doc(), doc);
    })?;
    Ok(present)
}

/// A segment's bound per window.
#[derive(Debug, PartialEq)]
pub(crate) struct Windows(Vec<Score>);

impl Windows {
    /// Whether a document in `doc`'s window may score `floor` or more.
    pub(crate) fn reaches(&self, doc: DocId, floor: f64) -> bool {
        self.0
            .get(window(doc))
            .is_none_or(|bound| f64::from(*bound) >= floor)
    }

    /// The first document of the first window after `doc`'s that may
    /// score `floor` or more; `None` when none may.
    pub(crate) fn next_reaching(&self, doc: DocId, floor: f64) -> Option<DocId> {
        let from = window(doc) + 1;
        let offset = self
            .0
            .get(from..)?
            .iter()
            .position(|bound| f64::from(*bound) >= floor)?;
        let found = u32::try_from(from + offset).ok()?;
        Some(found << WINDOW_BITS)
    }
}

#[cfg(test)]
mod tests;
