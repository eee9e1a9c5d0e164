//! Typo and prefix automata built once per query word and shared by every
//! field that holds the same text. `FuzzyTermQuery` builds its automaton each
//! time a weight is made of it: once per field, and again for every pass of
//! the same query (counts, the any-word fallback). A distance-two automaton
//! of a long word is about a megabyte; eight per word under concurrent
//! searches were most of the serving process's memory and a slice of its time.

use std::sync::Arc;

use tantivy::query::{DfaWrapper, FuzzyTermQuery};
use tantivy::schema::{Field, Term};

/// The automata of one word, by text, distance and whether a prefix.
#[derive(Default)]
pub(crate) struct Automata(Vec<((String, u8, bool), Arc<DfaWrapper>)>);

impl Automata {
    /// The automaton accepting `text` within `distance` edits (as a
    /// prefix if `prefix`), transpositions counting one, as
    /// `FuzzyTermQuery` builds it (for `field`, which it does not depend
    /// on); built only the first time.
    pub(crate) fn automaton(
        &mut self,
        field: Field,
        text: &str,
        distance: u8,
        prefix: bool,
    ) -> tantivy::Result<Arc<DfaWrapper>> {
        let key = (text.to_owned(), distance, prefix);
        let automaton = match self.0.iter().find(|(k, _)| *k == key) {
            Some((_, automaton)) => Arc::clone(automaton),
            None => {
                let term = Term::from_field_text(field, text);
                let query = if prefix {
                    FuzzyTermQuery::new_prefix(term, distance, true)
                } else {
                    FuzzyTermQuery::new(term, distance, true)
                };
                let automaton = Arc::new(query.automaton()?);
                self.0.push((key, Arc::clone(&automaton)));
                automaton
            }
        };
        Ok(automaton)
    }

    /// Automata built so far (for tests).
    #[cfg(test)]
    pub(crate) fn built(&self) -> usize {
        self.0.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{Schema, TEXT};

    #[test]
    fn an_automaton_is_built_once_per_text_and_shared_by_the_fields() {
        let mut schema = Schema::builder();
        let (title, skills) = (
            schema.add_text_field("title", TEXT),
            schema.add_text_field("skills", TEXT),
        );
        let mut automata = Automata::default();
        for field in [title, skills] {
            automata.automaton(field, "drupal", 1, false).unwrap();
            automata.automaton(field, "drupal", 0, true).unwrap();
        }
        automata.automaton(title, "drupa", 1, false).unwrap();
        assert_eq!(automata.built(), 3);
        assert!(
            automata.automaton(title, "drupal", 3, false).is_err(),
            "tantivy builds distances up to two"
        );
    }
}
