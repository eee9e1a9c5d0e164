//! The answered page: each hit's stored fields, its highlights, the skills
//! the query named and the words that matched nothing in it.

use std::collections::{BTreeMap, HashSet};

use tantivy::TantivyDocument;
use tantivy::query::Query;

use super::{Hit, SearchRequest};
use crate::best::Matched;
use crate::document::DocKind;
use crate::explain::{QueryWord, highlight, unmatched};
use crate::index::{SearchError, SearchIndex};
use crate::query::word_query;
use crate::statistics::VisibleStatistics;

impl SearchIndex {
    pub(super) fn hits(
        &self,
        statistics: &VisibleStatistics,
        page: &[Matched],
        request: &SearchRequest,
        skill_of: &dyn Fn(&str) -> Option<String>,
        text_given: bool,
        look_for_unmatched: bool,
    ) -> Result<Vec<Hit>, SearchError> {
        let f = &self.fields;
        let searcher = statistics.searcher();
        let query_words = if text_given {
            QueryWord::all(&request.q)
        } else {
            Vec::new()
        };
        let highlighted = [
            ("title", f.title, false),
            ("summary", f.summary, true),
            ("skills", f.skills_text, false),
            ("clients", f.clients, false),
        ]
        .into_iter()
        .map(|(name, field, prose)| {
            Ok((
                name,
                field,
                prose,
                searcher.index().tokenizer_for_field(field)?,
            ))
        })
        .collect::<tantivy::Result<Vec<_>>>()?;
        let mut wanted: HashSet<String> = request.skills.iter().cloned().collect();
        wanted.extend(query_words.iter().filter_map(|w| skill_of(&w.word)));
        wanted.extend(skill_of(&request.q));
        let per_word: Vec<(String, Box<dyn Query>)> = query_words
            .iter()
            .filter(|_| look_for_unmatched)
            .enumerate()
            .map(|(i, w)| {
                let last = i + 1 == query_words.len();
                let skill = skill_of(&w.word);
                (
                    w.word.clone(),
                    word_query(f, &w.word, last, skill.as_deref()).query,
                )
            })
            .collect();
        let addresses: Vec<_> = page.iter().map(|m| m.address).collect();
        let mut unmatched = unmatched(searcher, &per_word, &addresses)?.into_iter();
        page.iter()
            .map(|matched| {
                let doc: TantivyDocument = searcher.doc(matched.address)?;
                let mut highlights = BTreeMap::new();
                for (name, field, prose, analyzer) in &highlighted {
                    // A skill's name is stored once per level: each name once.
                    let mut texts = self.all_text(&doc, *field);
                    texts.dedup();
                    let mut marked = Vec::new();
                    for text in texts {
                        if let Some(snippet) =
                            highlight(statistics, *field, analyzer, *prose, &text, &query_words)?
                        {
                            marked.push(snippet.to_html());
                        }
                    }
                    if !marked.is_empty() {
                        highlights.insert((*name).to_owned(), marked);
                    }
                }
                Ok(Hit {
                    kind: self
                        .text(&doc, f.kind)
                        .as_deref()
                        .and_then(DocKind::parse)
                        .unwrap_or(DocKind::Coop),
                    id: self.text(&doc, f.id).unwrap_or_default(),
                    slug: self.text(&doc, f.slug),
                    title: self.text(&doc, f.title).unwrap_or_default(),
                    summary: self.text(&doc, f.summary).unwrap_or_default(),
                    score: matched.score,
                    highlights,
                    matched_skills: self
                        .all_text(&doc, f.skills)
                        .into_iter()
                        .filter(|s| {
                            wanted.contains(s) || query_words.iter().any(|w| w.names_skill(s))
                        })
                        .collect(),
                    unmatched_words: unmatched.next().unwrap_or_default(),
                    distance_km: matched.distance_km,
                    legal_form: self.text(&doc, f.legal_form),
                })
            })
            .collect()
    }
}
