//! Why a hit matched, in words a person can check: which of its words each
//! query word matched (exactly, with typos, as the prefix being typed, or as
//! another form of the word), marked in its highlights; which of its skills
//! the query named; and which query words matched nothing in it.
//!
//! The word matching mirrors `query.rs` (same typo budgets, the last word as
//! a prefix, stems for prose), so what is marked is what matched.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder};
use tantivy::query::{Bm25StatisticsProvider, EnableScoring, Query};
use tantivy::schema::Field;
use tantivy::snippet::{Snippet, SnippetGenerator};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::{DocAddress, DocId, DocSet, Score, Searcher};

use crate::query::{stem, typo_budget, words};
use crate::statistics::VisibleStatistics;

/// The automaton builders for one and two typos (transpositions count once,
/// as in the fuzzy queries), built once: building them is the slow part.
fn builder(typos: u8) -> &'static LevenshteinAutomatonBuilder {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    let cell = if typos <= 1 { &ONE } else { &TWO };
    cell.get_or_init(|| LevenshteinAutomatonBuilder::new(typos.clamp(1, 2), true))
}

/// A form of a query word and the automaton that accepts its typos.
struct Form {
    text: String,
    /// The typos allowed, and the automaton that accepts them; `None` when
    /// the word is too short for typos.
    typos: Option<(u8, DFA)>,
}

impl Form {
    fn new(text: String) -> Self {
        let budget = typo_budget(text.chars().count());
        let typos = (budget > 0).then(|| (budget, builder(budget).build_dfa(&text)));
        Self { text, typos }
    }

    /// Whether `token` is this form give or take its typo budget, or (for
    /// the word being typed) starts with it.
    fn accepts(&self, token: &str, prefix: bool) -> bool {
        token == self.text
            || (prefix && token.starts_with(&self.text))
            || self.typos.as_ref().is_some_and(
                |(budget, dfa)| matches!(dfa.eval(token), Distance::Exact(d) if d <= *budget),
            )
    }
}

/// One word of the query, in the forms the fields hold.
pub(crate) struct QueryWord {
    /// As names and skills are indexed.
    pub word: String,
    spelt: Form,
    /// As prose is indexed (its English stem).
    stem: Form,
    /// The last word, matched as a prefix while it is typed.
    last: bool,
}

impl QueryWord {
    /// The words of `q`.
    pub(crate) fn all(q: &str) -> Vec<Self> {
        let words = words(q);
        let count = words.len();
        words
            .into_iter()
            .enumerate()
            .map(|(i, word)| Self {
                stem: Form::new(stem(&word)),
                spelt: Form::new(word.clone()),
                word,
                last: i + 1 == count,
            })
            .collect()
    }

    /// Whether `token` (analysed as `prose`, stemmed, or not) is this word.
    /// In prose the word itself counts too: a typo of a skill ("wordpres")
    /// matches the skill, and the prose that names it is marked.
    pub(crate) fn matches(&self, token: &str, prose: bool) -> bool {
        self.spelt.accepts(token, self.last) || (prose && self.stem.accepts(token, self.last))
    }

    /// Whether a skill's slug (`ruby-on-rails`) is, or has a part that is, this word.
    pub(crate) fn names_skill(&self, slug: &str) -> bool {
        self.matches(slug, false) || slug.split('-').any(|part| self.matches(part, false))
    }
}

/// The highlight of `text` (a field analysed by `analyzer`), marking every
/// word that one of `words` matched; `None` when none did. Fragments are
/// chosen by how rare the marked words are among visible documents.
pub(crate) fn highlight(
    statistics: &VisibleStatistics,
    field: Field,
    analyzer: &TextAnalyzer,
    prose: bool,
    text: &str,
    words: &[QueryWord],
) -> tantivy::Result<Option<Snippet>> {
    let mut analyzer = analyzer.clone();
    let mut tokens = Vec::new();
    {
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            tokens.push(stream.token().text.clone());
        }
    }
    let mut marked: BTreeMap<String, Score> = BTreeMap::new();
    for token in tokens {
        if !marked.contains_key(&token) && words.iter().any(|w| w.matches(&token, prose)) {
            let frequency = statistics.doc_freq(&tantivy::Term::from_field_text(field, &token))?;
            marked.insert(token, 1.0 / (1.0 + frequency as Score));
        }
    }
    if marked.is_empty() {
        return Ok(None);
    }
    let generator = SnippetGenerator::new(marked, analyzer, field, 160);
    let mut snippet = generator.snippet(text);
    snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
    Ok((!snippet.highlighted().is_empty()).then_some(snippet))
}

/// For each of `pages`' documents, the query words (of `queries`, one per
/// word) that match nothing in it, in any field.
pub(crate) fn unmatched(
    searcher: &Searcher,
    queries: &[(String, Box<dyn Query>)],
    page: &[DocAddress],
) -> tantivy::Result<Vec<Vec<String>>> {
    let mut missing = vec![Vec::new(); page.len()];
    for (word, query) in queries {
        let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
        // Per segment, visit the page's documents in id order (scorers only go forward).
        let mut order: Vec<usize> = (0..page.len()).collect();
        order.sort_by_key(|&i| (page[i].segment_ord, page[i].doc_id));
        let mut current: Option<(u32, Box<dyn tantivy::query::Scorer>)> = None;
        for i in order {
            let DocAddress {
                segment_ord,
                doc_id,
            } = page[i];
            if current.as_ref().is_none_or(|(ord, _)| *ord != segment_ord) {
                let reader = searcher.segment_reader(segment_ord);
                current = Some((segment_ord, weight.scorer(reader, 1.0)?));
            }
            let Some((_, scorer)) = current.as_mut() else {
                continue;
            };
            let found: DocId = if scorer.doc() < doc_id {
                scorer.seek(doc_id)
            } else {
                scorer.doc()
            };
            if found != doc_id {
                missing[i].push(word.clone());
            }
        }
    }
    Ok(missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_with_the_typos_their_length_allows_and_the_last_as_a_prefix() {
        let words = QueryWord::all("wordpres priyanca air");
        assert!(words[0].matches("wordpress", false));
        assert!(!words[0].matches("wordplay", false));
        assert!(words[1].matches("priyanka", false));
        assert!(
            words[2].matches("airflow", false),
            "the last word is a prefix"
        );
        assert!(!words[2].matches("fair", false));
        let typed = QueryWord::all("airflw");
        assert!(typed[0].matches("airflow", false));
        assert!(QueryWord::all("developing")[0].matches("develop", true));
        assert!(QueryWord::all("rails")[0].names_skill("ruby-on-rails"));
    }
}
