//! Running a search: filters, text, radius, facets, order, highlights.

use std::collections::{BTreeMap, HashMap, HashSet};

use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Term, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Score, Searcher, TantivyDocument};

use crate::document::DocKind;
use crate::index::{SearchError, SearchIndex};
use crate::query::{text_query, words};

/// How to order hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best match first; ties by title, then id.
    #[default]
    Relevance,
    /// Nearest first (needs `near`).
    Distance,
    /// Most recently changed first.
    Updated,
}

/// A search, checked by the caller.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// What was typed (may be empty: everything matches).
    pub q: String,
    /// Kinds to return (all when empty).
    pub kinds: Vec<DocKind>,
    /// Canonical skill slugs that must all match.
    pub skills: Vec<String>,
    /// Region, case-insensitive.
    pub region: Option<String>,
    /// ISO country code.
    pub country: Option<String>,
    /// Legal form name.
    pub legal_form: Option<String>,
    /// Latitude, longitude and radius in km.
    pub near: Option<(f64, f64, f64)>,
    /// Whether network-only documents may match (network members, admins).
    pub network: bool,
    /// Order.
    pub sort: Sort,
    /// Hits to skip.
    pub offset: usize,
    /// Hits to return.
    pub limit: usize,
}

/// One result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Kind of record.
    pub kind: DocKind,
    /// Its id.
    pub id: String,
    /// Its slug, if any.
    pub slug: Option<String>,
    /// Name or title.
    pub title: String,
    /// Short text.
    pub summary: String,
    /// Relevance score.
    pub score: f32,
    /// Matching snippets per field, with `<mark>` around matches.
    pub highlights: BTreeMap<String, Vec<String>>,
    /// The document's skills that the search asked for or named.
    pub matched_skills: Vec<String>,
    /// Distance from `near`, in km.
    pub distance_km: Option<f64>,
}

/// Counts over every match (not only the page).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    /// Matches per kind.
    pub kind: BTreeMap<String, u64>,
    /// The 20 most frequent skills among the matches.
    pub skill: Vec<(String, u64)>,
    /// Matches per region.
    pub region: BTreeMap<String, u64>,
    /// Matches per legal form.
    pub legal_form: BTreeMap<String, u64>,
}

/// A page of results.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchResults {
    /// The page.
    pub hits: Vec<Hit>,
    /// Matches in all.
    pub total: usize,
    /// Counts over all matches.
    pub facets: Facets,
}

/// Great-circle distance in km.
fn haversine_km((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = ((lat2 - lat1).to_radians(), (lon2 - lon1).to_radians());
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().atan2((1.0 - a).sqrt())
}

/// A match, with what ordering and facets need.
struct Found {
    score: Score,
    doc: TantivyDocument,
    title: String,
    id: String,
    updated: i64,
    distance_km: Option<f64>,
}

impl SearchIndex {
    fn text(&self, doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    }

    fn all_text(&self, doc: &TantivyDocument, field: tantivy::schema::Field) -> Vec<String> {
        doc.get_all(field)
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    }

    fn filters(&self, request: &SearchRequest) -> Vec<(Occur, Box<dyn Query>)> {
        let f = &self.fields;
        let term = |field, text: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, text),
                IndexRecordOption::Basic,
            ))
        };
        let mut filters: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if !request.network {
            filters.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_bool(f.public, true),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        if !request.kinds.is_empty() {
            let kinds = request
                .kinds
                .iter()
                .map(|k| (Occur::Should, term(f.kind, k.as_str())))
                .collect();
            filters.push((Occur::Must, Box::new(BooleanQuery::new(kinds))));
        }
        for skill in &request.skills {
            filters.push((Occur::Must, term(f.skills, skill)));
        }
        if let Some(region) = &request.region {
            filters.push((Occur::Must, term(f.region, &region.to_lowercase())));
        }
        if let Some(country) = &request.country {
            filters.push((Occur::Must, term(f.country, &country.to_uppercase())));
        }
        if let Some(form) = &request.legal_form {
            filters.push((Occur::Must, term(f.legal_form, form)));
        }
        filters
    }

    /// Runs `request`; `skill_of` resolves a word or phrase to a canonical skill
    /// slug. Documents matching every word come first; only when none does are
    /// documents matching some of the words answered ("drupal accessibility"
    /// still finds Drupal shops).
    pub fn search(
        &self,
        request: &SearchRequest,
        skill_of: &dyn Fn(&str) -> Option<String>,
    ) -> Result<SearchResults, SearchError> {
        let results = self.search_words(request, skill_of, true)?;
        if results.total > 0 || words(&request.q).len() < 2 {
            return Ok(results);
        }
        self.search_words(request, skill_of, false)
    }

    fn search_words(
        &self,
        request: &SearchRequest,
        skill_of: &dyn Fn(&str) -> Option<String>,
        every_word: bool,
    ) -> Result<SearchResults, SearchError> {
        let searcher = self.reader.searcher();
        let text = text_query(&self.fields, &request.q, skill_of, every_word);
        let mut clauses = self.filters(request);
        let text_given = text.is_some();
        clauses.push((Occur::Must, text.unwrap_or_else(|| Box::new(AllQuery))));
        let query = BooleanQuery::new(clauses);

        let limit = usize::try_from(searcher.num_docs())
            .unwrap_or(usize::MAX)
            .max(1);
        let matches: Vec<(Score, DocAddress)> =
            searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        let mut found = self.load(&searcher, matches, request)?;
        let facets = self.facets(&found);
        let total = found.len();
        match request.sort {
            Sort::Distance if request.near.is_some() => found.sort_by(|a, b| {
                a.distance_km
                    .partial_cmp(&b.distance_km)
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then_with(|| a.id.cmp(&b.id))
            }),
            Sort::Updated => {
                found.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)))
            }
            _ => found.sort_by(|a, b| {
                b.score
                    .partial_cmp(&a.score)
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
                    .then_with(|| a.id.cmp(&b.id))
            }),
        }
        let page: Vec<Found> = found
            .into_iter()
            .skip(request.offset)
            .take(request.limit)
            .collect();
        let hits = self.hits(&searcher, &query, page, request, skill_of, text_given)?;
        Ok(SearchResults {
            hits,
            total,
            facets,
        })
    }

    fn load(
        &self,
        searcher: &Searcher,
        matches: Vec<(Score, DocAddress)>,
        request: &SearchRequest,
    ) -> Result<Vec<Found>, SearchError> {
        let f = &self.fields;
        let mut found = Vec::with_capacity(matches.len());
        for (score, address) in matches {
            let doc: TantivyDocument = searcher.doc(address)?;
            let location = doc
                .get_first(f.latitude)
                .and_then(|v| v.as_f64())
                .zip(doc.get_first(f.longitude).and_then(|v| v.as_f64()));
            let distance_km = request
                .near
                .and_then(|(lat, lon, _)| location.map(|at| haversine_km((lat, lon), at)));
            if let Some((_, _, radius)) = request.near
                && distance_km.is_none_or(|d| d > radius)
            {
                continue;
            }
            found.push(Found {
                score,
                title: self.text(&doc, f.title).unwrap_or_default(),
                id: self.text(&doc, f.id).unwrap_or_default(),
                updated: doc
                    .get_first(f.updated)
                    .and_then(|v| v.as_i64())
                    .unwrap_or(0),
                distance_km,
                doc,
            });
        }
        Ok(found)
    }

    fn facets(&self, found: &[Found]) -> Facets {
        let f = &self.fields;
        let mut facets = Facets::default();
        let mut skills: HashMap<String, u64> = HashMap::new();
        for hit in found {
            for (field, counts) in [
                (f.kind, &mut facets.kind),
                (f.region, &mut facets.region),
                (f.legal_form, &mut facets.legal_form),
            ] {
                if let Some(value) = self.text(&hit.doc, field) {
                    *counts.entry(value).or_default() += 1;
                }
            }
            for skill in self.all_text(&hit.doc, f.skills) {
                *skills.entry(skill).or_default() += 1;
            }
        }
        let mut skills: Vec<(String, u64)> = skills.into_iter().collect();
        skills.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        skills.truncate(20);
        facets.skill = skills;
        facets
    }

    fn hits(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        page: Vec<Found>,
        request: &SearchRequest,
        skill_of: &dyn Fn(&str) -> Option<String>,
        text_given: bool,
    ) -> Result<Vec<Hit>, SearchError> {
        let f = &self.fields;
        let mut generators = Vec::new();
        if text_given {
            for (name, field) in [("title", f.title), ("summary", f.summary)] {
                let mut generator = SnippetGenerator::create(searcher, query, field)?;
                generator.set_max_num_chars(160);
                generators.push((name, generator));
            }
        }
        let mut wanted: HashSet<String> = request.skills.iter().cloned().collect();
        wanted.extend(words(&request.q).iter().filter_map(|w| skill_of(w)));
        wanted.extend(skill_of(&request.q));
        Ok(page
            .into_iter()
            .map(|found| {
                let mut highlights = BTreeMap::new();
                for (name, generator) in &mut generators {
                    let mut snippet = generator.snippet_from_doc(&found.doc);
                    if !snippet.highlighted().is_empty() {
                        snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
                        highlights.insert((*name).to_owned(), vec![snippet.to_html()]);
                    }
                }
                let matched_skills = self
                    .all_text(&found.doc, f.skills)
                    .into_iter()
                    .filter(|s| wanted.contains(s))
                    .collect();
                Hit {
                    kind: self
                        .text(&found.doc, f.kind)
                        .as_deref()
                        .and_then(DocKind::parse)
                        .unwrap_or(DocKind::Coop),
                    slug: self.text(&found.doc, f.slug),
                    summary: self.text(&found.doc, f.summary).unwrap_or_default(),
                    id: found.id,
                    title: found.title,
                    score: found.score,
                    highlights,
                    matched_skills,
                    distance_km: found.distance_km,
                }
            })
            .collect())
    }
}

#[cfg(test)]
mod tests;
