use tantivy::query::{EnableScoring, Query};
use tantivy::{DocSet, TERMINATED};

use crate::broad_corpus::{index, skill_of};
use crate::query::text_query;
use crate::statistics::VisibleStatistics;

/// Every document `q` matches scores no more than its window's bound, for
/// outsiders' and members' statistics alike; returns the documents checked
/// and those whose window's bound is below the segment's best score (so the
/// bound says something).
fn check(q: &str, every_word: bool) -> (usize, usize) {
    let index = index();
    let searcher = index.reader.searcher();
    let text = text_query(&index.fields, q, &skill_of, every_word).unwrap();
    let (mut checked, mut below_best) = (0, 0);
    for public_only in [true, false] {
        let statistics =
            VisibleStatistics::new(&searcher, index.fields.public, public_only, &index.totals);
        let weight = text
            .query
            .weight(EnableScoring::enabled_from_statistics_provider(
                &statistics,
                &searcher,
            ))
            .unwrap();
        for reader in searcher.segment_readers() {
            // Before a scorer of the segment, the bound finds the variants
            // itself; after, it reads where the scorer found them: the same.
            let windows = text.bound.windows(reader, &statistics).unwrap();
            let mut scorer = weight.scorer(reader, 1.0).unwrap();
            assert_eq!(text.bound.windows(reader, &statistics).unwrap(), windows);
            let mut best = 0.0f64;
            let mut scored = Vec::new();
            while scorer.doc() != TERMINATED {
                let (doc, score) = (scorer.doc(), f64::from(scorer.score()));
                assert!(
                    windows.reaches(doc, score),
                    "{q:?}: document {doc} scores {score}"
                );
                best = best.max(score);
                scored.push(doc);
                scorer.advance();
            }
            checked += scored.len();
            below_best += scored
                .iter()
                .filter(|doc| !windows.reaches(**doc, best))
                .count();
        }
    }
    (checked, below_best)
}

#[test]
fn no_match_scores_above_its_window_s_bound() {
    for (q, every_word) in [
        ("python", true),
        ("pyth", true),
        ("pyhton", true),
        ("python developer", true),
        ("developer python", false),
        ("py", true),
    ] {
        let (checked, _) = check(q, every_word);
        assert!(checked > 0, "{q:?} matched nothing");
    }
}

#[test]
fn where_the_name_does_not_match_the_bound_is_below_the_best() {
    // The word, a typo of it and its beginning as it is typed.
    for q in ["python", "pythn", "pyth"] {
        let (checked, below_best) = check(q, true);
        assert!(checked > 3_000, "{q:?}: {checked}");
        // Most windows hold no "Python developer": their bound is lower.
        assert!(below_best > checked / 2, "{q:?}: {below_best} of {checked}");
    }
}

#[test]
fn windows_after_a_document_are_found_by_their_bound() {
    let windows = super::Windows(vec![5.0, 1.0, 1.0, 4.0, 1.0]);
    assert!(windows.reaches(0, 5.0) && !windows.reaches(128, 2.0));
    assert_eq!(windows.next_reaching(130, 2.0), Some(3 * 128));
    assert_eq!(windows.next_reaching(3 * 128, 2.0), None);
    // A document past the last window is never skipped.
    assert!(windows.reaches(10_000, 100.0));
}
