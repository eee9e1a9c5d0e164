//! Running a search: filters, text, radius, facets, order, highlights.

use std::collections::BTreeMap;

use std::ops::Bound;

use tantivy::TantivyDocument;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{IndexRecordOption, Term, Value};

use crate::best::{Matched, Ranking};
use crate::collect::MatchCollector;
use crate::document::{DocKind, key};
use crate::index::{SearchError, SearchIndex};
use crate::query::{text_query, words};
use crate::statistics::VisibleStatistics;

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
    /// Ids of co-ops the searcher holds a role in: found whatever their
    /// standing, like the directory's list shows them to their own people.
    pub own: Vec<String>,
    /// Co-ops whose membership stands so (an invitation past its days reads
    /// `lapsed`); the caller decides who may ask.
    pub status: Option<coophub_domain::coop::MembershipStatus>,
    /// Co-ops that said they are (or are not) happy to share experience.
    pub shares_experience: Option<bool>,
    /// Availability a person must have (network members only: the caller checks).
    pub availability: Option<AvailabilityFilter>,
    /// Order.
    pub sort: Sort,
    /// With `near` and [`Sort::Relevance`]: nearer matches rank higher (a
    /// place named in the query, where distance is part of what was asked).
    pub nearer_ranks_higher: bool,
    /// Hits to skip.
    pub offset: usize,
    /// Hits to return.
    pub limit: usize,
    /// Now, in seconds since the epoch: documents that expired by then
    /// (lapsed offers, ended requests) are not found.
    pub now: i64,
}

/// Who is free: people whose availability is current, starts early enough
/// and covers enough days.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct AvailabilityFilter {
    /// Free on or before this day (days since 1970-01-01).
    pub free_by_day: Option<i64>,
    /// At least this many days a week.
    pub min_days_per_week: Option<f64>,
    /// Reconfirmed at or after this instant (seconds since the epoch).
    pub confirmed_since: i64,
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
    /// The document's skills that the search asked for or named (in any
    /// spelling, with typos, or as the word being typed).
    pub matched_skills: Vec<String>,
    /// The words of `q` that match nothing in this document (when not every
    /// word had to match).
    pub unmatched_words: Vec<String>,
    /// Distance from `near`, in km.
    pub distance_km: Option<f64>,
    /// A co-op's legal form.
    pub legal_form: Option<String>,
}

/// Counts over the matches counted (not only the page).
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
    /// Matches in all, or at least (see `exact`).
    pub total: usize,
    /// Whether `total` and the facets count every match; else they count
    /// the matches read, [`crate::EXACT_TOTAL_UP_TO`] or more, and are lower
    /// bounds (the page is the same either way).
    pub exact: bool,
    /// Counts over the matches `total` counts.
    pub facets: Facets,
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
            let public: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_bool(f.public, true),
                IndexRecordOption::Basic,
            ));
            let mut seen = vec![(Occur::Should, public)];
            for id in &request.own {
                seen.push((Occur::Should, term(f.key, &key(DocKind::Coop, id))));
            }
            filters.push((Occur::Must, Box::new(BooleanQuery::new(seen))));
        }
        if let Some(status) = request.status {
            filters.push((Occur::Must, self.standing(status, request.now)));
        }
        if let Some(shares) = request.shares_experience {
            let said = if shares { "yes" } else { "no" };
            filters.push((Occur::Must, term(f.shares_experience, said)));
        }
        // Excluding what has expired rather than requiring what has not: the
        // expired are few (lapsed listings are dropped within a minute), the
        // rest nearly everything, and a range over the inverted index walks
        // every distinct value in it (an offer's lapse time is its own), per
        // segment, per query: 2 % of the serving time at 10k.
        filters.push((
            Occur::MustNot,
            Box::new(RangeQuery::new(
                Bound::Unbounded,
                Bound::Included(Term::from_field_i64(f.expires, request.now)),
            )),
        ));
        // Only documents in the cells covering the circle's bounding box (or,
        // for a vast circle, in the box) reach the collector, which computes
        // distances: without it a radius search computed one for every
        // document (sines and cosines were 15 % of the serving time at 100k).
        if let Some((lat, lon, radius)) = request.near {
            let area = coophub_domain::geo::bounding_box((lat, lon), radius);
            match crate::cells::covering(&area) {
                // A union of terms: a `TermSetQuery` builds a dictionary of
                // them per search, which cost more than looking each up.
                Some(cells) => {
                    let cells = cells
                        .iter()
                        .map(|cell| (Occur::Should, term(f.cell, cell)))
                        .collect();
                    filters.push((Occur::Must, Box::new(BooleanQuery::new(cells))));
                }
                None => filters.extend(self.within(&area)),
            }
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
        if let Some(wanted) = request.availability {
            let range = |lower: Bound<Term>, upper: Bound<Term>| -> Box<dyn Query> {
                Box::new(RangeQuery::new(lower, upper))
            };
            filters.push((
                Occur::Must,
                range(
                    Bound::Included(Term::from_field_i64(
                        f.avail_confirmed,
                        wanted.confirmed_since,
                    )),
                    Bound::Unbounded,
                ),
            ));
            if let Some(day) = wanted.free_by_day {
                filters.push((
                    Occur::Must,
                    range(
                        Bound::Unbounded,
                        Bound::Included(Term::from_field_i64(f.avail_from, day)),
                    ),
                ));
            }
            if let Some(days) = wanted.min_days_per_week {
                filters.push((
                    Occur::Must,
                    range(
                        Bound::Included(Term::from_field_f64(f.avail_days, days)),
                        Bound::Unbounded,
                    ),
                ));
            }
        }
        filters
    }

    /// Documents in `area` by their latitude and longitude columns.
    fn within(&self, area: &coophub_domain::geo::BoundingBox) -> Vec<(Occur, Box<dyn Query>)> {
        let range = |field, (low, high): (f64, f64)| -> (Occur, Box<dyn Query>) {
            (
                Occur::Must,
                Box::new(RangeQuery::new(
                    Bound::Included(Term::from_field_f64(field, low)),
                    Bound::Included(Term::from_field_f64(field, high)),
                )),
            )
        };
        let mut ranges = vec![range(self.fields.latitude, area.latitudes)];
        ranges.extend(
            area.longitudes
                .map(|west_east| range(self.fields.longitude, west_east)),
        );
        ranges
    }

    /// Co-ops whose membership stands at `status` on `now` (seconds since
    /// the epoch): an invitation past its days is `lapsed`, not `invited`.
    fn standing(&self, status: coophub_domain::coop::MembershipStatus, now: i64) -> Box<dyn Query> {
        use coophub_domain::coop::MembershipStatus::{Invited, Lapsed};
        let f = &self.fields;
        let recorded = |status: coophub_domain::coop::MembershipStatus| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(f.status, status.as_str()),
                IndexRecordOption::Basic,
            ))
        };
        let ran_out = || -> Box<dyn Query> {
            Box::new(RangeQuery::new(
                Bound::Unbounded,
                Bound::Included(Term::from_field_i64(f.invited_until, now)),
            ))
        };
        match status {
            Invited => Box::new(BooleanQuery::new(vec![
                (Occur::Must, recorded(Invited)),
                (Occur::MustNot, ran_out()),
            ])),
            Lapsed => {
                let expired = BooleanQuery::new(vec![
                    (Occur::Must, recorded(Invited)),
                    (Occur::Must, ran_out()),
                ]);
                Box::new(BooleanQuery::new(vec![
                    (Occur::Should, recorded(Lapsed)),
                    (Occur::Should, Box::new(expired)),
                ]))
            }
            other => recorded(other),
        }
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
        // A phrase that names a skill ("react native") is that skill, not
        // its words one by one.
        if results.total > 0 || words(&request.q).len() < 2 || skill_of(&request.q).is_some() {
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
        // Filters only select: the score is the text's, which a bound can follow.
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = self
            .filters(request)
            .into_iter()
            .map(|(occur, filter)| match occur {
                Occur::MustNot => (occur, filter),
                _ => (
                    occur,
                    Box::new(ConstScoreQuery::new(filter, 0.0)) as Box<dyn Query>,
                ),
            })
            .collect();
        let text_given = text.is_some();
        let (text, bound) = match text {
            Some(text) => (text.query, Some(text.bound)),
            None => (Box::new(AllQuery) as Box<dyn Query>, None),
        };
        clauses.push((Occur::Must, text));
        let query = BooleanQuery::new(clauses);

        let statistics = VisibleStatistics::new(
            &searcher,
            self.fields.public,
            !request.network,
            &self.totals,
        );
        let ranking = match request.sort {
            Sort::Distance if request.near.is_some() => Ranking::Distance,
            Sort::Updated => Ranking::Updated,
            _ => Ranking::Score {
                nearer_ranks_higher: request.nearer_ranks_higher,
            },
        };
        let mut collector = MatchCollector::over(
            &self.facet_tables,
            request.near,
            ranking,
            request.offset.saturating_add(request.limit),
        );
        if let Some(bound) = &bound {
            collector = collector.skipping(bound, &statistics);
        }
        let collected =
            searcher.search_with_statistics_provider(&query, &collector, &statistics)?;
        let mut skills: Vec<(String, u64)> = collected.skill.into_iter().collect();
        skills.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        skills.truncate(20);
        let facets = Facets {
            kind: collected.kind.into_iter().collect(),
            skill: skills,
            region: collected.region.into_iter().collect(),
            legal_form: collected.legal_form.into_iter().collect(),
        };
        let total = collected.total;
        let exact = collected.exact;
        let page: Vec<Matched> = collected
            .best
            .into_iter()
            .skip(request.offset)
            .take(request.limit)
            .collect();
        // When every word had to match, none is unmatched: no need to look.
        let look_for_unmatched = text_given && !every_word;
        let hits = self.hits(
            &statistics,
            &page,
            request,
            skill_of,
            text_given,
            look_for_unmatched,
        )?;
        Ok(SearchResults {
            hits,
            total,
            exact,
            facets,
        })
    }
}

mod hits;
#[cfg(test)]
mod tests;
