//! coophub's search engine: one tantivy index over every searchable kind of
//! record (co-ops and people now; offers, requests and opportunities later),
//! with typo tolerance by word length, prefix matching on the last word,
//! skill aliases, facets, distance and highlights.
//!
//! Adding a kind of record is one step: build a [`SearchDocument`] for it.
//! The caller decides what a viewer may see: [`SearchRequest::network`]
//! lets network-only documents match; they are otherwise neither found nor
//! counted in facets.

mod automata;
mod best;
mod bound;
#[cfg(test)]
mod broad_corpus;
mod cells;
mod collect;
mod complete;
mod document;
mod documents;
mod explain;
mod facet_tables;
mod fold;
mod index;
mod listings;
mod query;
mod rebuild;
mod schema;
mod search;
mod statistics;
mod typed;
mod usage;
mod word;

pub use collect::EXACT_TOTAL_UP_TO;
pub use complete::Completion;
pub use document::{AvailabilityEntry, DocKind, SearchDocument, SkillEntry, Standing};
pub use documents::{coop_document, person_document};
pub use index::{Committed, SCHEMA_VERSION, SearchError, SearchIndex};
pub use listings::{offer_document, opportunity_document, request_document};
pub use query::{query_words, word_count};
pub use rebuild::Rebuild;
pub use search::{AvailabilityFilter, Facets, Hit, SearchRequest, SearchResults, Sort};
pub use typed::TypedWords;
pub use usage::SkillUsage;
