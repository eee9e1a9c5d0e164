//! Completing what is being typed into the name of a co-op: every word but
//! the last must be a word of the name, the last must begin one. Typos are
//! not forgiven here (that is what search is for): a suggestion starts like
//! what was typed.

use tantivy::Order;
use tantivy::TantivyDocument;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Term, Value};

use crate::document::DocKind;
use crate::index::{SearchError, SearchIndex};
use crate::query::words;
use crate::schema::Fields;

/// A name that completes what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The record's slug.
    pub slug: String,
    /// Its name.
    pub name: String,
}

impl SearchIndex {
    /// Co-ops whose name completes `typed`, alphabetically (by the
    /// lower-case name column: only the `limit` answered are read from the
    /// document store), at most `limit`; network-only ones only when `network`.
    pub fn complete_coop_names(
        &self,
        typed: &str,
        network: bool,
        limit: usize,
    ) -> Result<Vec<Completion>, SearchError> {
        let words = words(typed);
        let Some((last, before)) = words.split_last() else {
            return Ok(Vec::new());
        };
        let f = &self.fields;
        let term = |field, text: &str| Term::from_field_text(field, text);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = before
            .iter()
            .map(|word| -> (Occur, Box<dyn Query>) {
                (
                    Occur::Must,
                    Box::new(TermQuery::new(
                        term(f.title, word),
                        IndexRecordOption::Basic,
                    )),
                )
            })
            .collect();
        clauses.push((
            Occur::Must,
            Box::new(FuzzyTermQuery::new_prefix(term(f.title, last), 0, false)),
        ));
        clauses.push((
            Occur::Must,
            Box::new(TermQuery::new(
                term(f.kind, DocKind::Coop.as_str()),
                IndexRecordOption::Basic,
            )),
        ));
        if !network {
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_bool(f.public, true),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        let searcher = self.reader.searcher();
        let found = searcher.search(
            &BooleanQuery::new(clauses),
            &TopDocs::with_limit(limit).order_by_string_fast_field(Fields::NAME_ORDER, Order::Asc),
        )?;
        let mut names = Vec::with_capacity(found.len());
        for (_, address) in found {
            let doc: TantivyDocument = searcher.doc(address)?;
            let text = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_owned()
            };
            names.push(Completion {
                slug: text(f.slug),
                name: text(f.title),
            });
        }
        Ok(names)
    }
}
