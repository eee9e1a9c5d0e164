//! Search: co-ops, people, offers, requests and tenders as the viewer may
//! find them, and suggestions as a person types.

pub mod places;
mod views;

pub use views::{
    CoopSuggestion, SearchAnswer, SearchFacets, SearchHit, Suggestions, TotalRelation, Understood,
    UnderstoodPlace,
};

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::coop::{LegalForm, MembershipStatus};
use coophub_domain::person::AVAILABILITY_DAYS;
use coophub_search::{
    AvailabilityFilter, DocKind, SearchIndex, SearchRequest, SearchResults, Sort,
};
use coophub_store::{DbConnection, skills};

use crate::AppError;
use crate::shapes::SkillRef;

/// Skills and co-ops suggested for each thing typed.
const SUGGESTED: usize = 5;

/// A search as a person asks it, read and checked by a face.
#[derive(Debug, Clone, Default)]
pub struct SearchAsk {
    /// What to look for.
    pub q: String,
    /// The kinds of record (none: every kind).
    pub kinds: Vec<DocKind>,
    /// Skills in any spelling; all must match.
    pub skills: Vec<String>,
    /// Region, case-insensitive.
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// Legal form (co-ops).
    pub legal_form: Option<LegalForm>,
    /// Co-ops that said they are (or are not) happy to share experience.
    pub shares_experience: Option<bool>,
    /// Co-ops whose membership stands so (outsiders see approved ones only).
    pub status: Option<MembershipStatus>,
    /// Latitude, longitude and radius in km.
    pub near: Option<(f64, f64, f64)>,
    /// Free at some point in the window: stated start on or before this day.
    pub free_by: Option<chrono::NaiveDate>,
    /// People free at least this many days a week.
    pub min_days_per_week: Option<f64>,
    /// The order.
    pub sort: Sort,
    /// Nearer matches rank higher (a place read in `q`).
    pub nearer_ranks_higher: bool,
    /// 1-based page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}

impl SearchAsk {
    /// Whether the request filters on availability (network members only).
    pub fn wants_availability(&self) -> bool {
        self.free_by.is_some() || self.min_days_per_week.is_some()
    }

    /// The index's request for these parameters: `skills` are the canonical
    /// slugs of the ones asked for, `network` whether the caller sees
    /// network-only documents, availability counts when confirmed since
    /// `confirmed_since` and expiry is judged at `now` (seconds since the epoch).
    pub fn into_request(
        self,
        skills: Vec<String>,
        network: bool,
        own: Vec<String>,
        confirmed_since: i64,
        now: i64,
    ) -> SearchRequest {
        let availability = self.wants_availability().then(|| AvailabilityFilter {
            free_by_day: self.free_by.map(|d| {
                d.signed_duration_since(chrono::NaiveDate::default())
                    .num_days()
            }),
            min_days_per_week: self.min_days_per_week,
            confirmed_since,
        });
        SearchRequest {
            q: self.q,
            kinds: self.kinds,
            skills,
            region: self.region,
            country: self.country,
            legal_form: self.legal_form.map(|f| f.as_str().to_owned()),
            near: self.near,
            network,
            own,
            status: self.status,
            shares_experience: self.shares_experience,
            availability,
            sort: self.sort,
            nearer_ranks_higher: self.nearer_ranks_higher,
            // At most 100 pages of 100 (checked when parsed), so no overflow.
            offset: usize::try_from(u64::from(self.page - 1) * u64::from(self.per_page))
                .unwrap_or(usize::MAX),
            limit: usize::try_from(self.per_page).unwrap_or(20),
            now,
        }
    }
}

/// Searches `index` as `viewer` may: outside the network, network-only
/// profiles and non-approved co-ops are neither found nor counted (the
/// viewer's own co-ops excepted), and availability filters are refused. A
/// skill nobody knows matches nothing. A UK town named in `q` is searched
/// around (see [`places`]), nearest first when nothing else was typed.
pub fn search(
    conn: &mut DbConnection,
    viewer: &Viewer,
    index: &SearchIndex,
    mut ask: SearchAsk,
    now: DateTime<Utc>,
) -> Result<SearchAnswer, AppError> {
    let network = viewer.sees_network_only();
    if ask.wants_availability() && !network {
        return Err(AppError::Forbidden(
            "availability is visible to network members only".into(),
        ));
    }
    let (page, per_page) = (ask.page, ask.per_page);
    let mut skill_slugs = Vec::new();
    for spelling in &ask.skills {
        match skills::find(conn, spelling)? {
            Some(skill) => skill_slugs.push(skill.slug),
            // Nobody has a skill nobody knows.
            None => return Ok(answer(SearchResults::default(), page, per_page)),
        }
    }
    let (q, place) = places::read(&ask.q, &|run| index.skill_of(run).is_some());
    let understood = Understood {
        place: place.map(|(place, words)| {
            let radius = ask.near.is_none().then_some(places::PLACE_RADIUS_KM);
            if let Some(km) = radius {
                ask.near = Some((place.latitude, place.longitude, km));
                ask.nearer_ranks_higher = true;
                if q.is_empty() && ask.sort == Sort::Relevance {
                    ask.sort = Sort::Distance;
                }
            }
            places::understood(place, words, radius)
        }),
    };
    ask.q = q;
    let own = viewer
        .roles
        .iter()
        .map(|held| held.coop.to_string())
        .collect();
    let confirmed_since = (now - chrono::Duration::days(AVAILABILITY_DAYS)).timestamp();
    let request = ask.into_request(skill_slugs, network, own, confirmed_since, now.timestamp());
    let results = index
        .search(&request, &|word| index.skill_of(word))
        .map_err(AppError::internal)?;
    let mut answered = answer(results, page, per_page);
    answered.understood = understood;
    Ok(answered)
}

/// What to suggest for `typed` (checked by the face): skills that the whole
/// text begins ("ruby on r"), else its last word does, the one it names
/// first, then those most approved co-ops list (as the index counts them),
/// then by name; and co-ops whose name it begins.
pub fn suggest(
    conn: &mut DbConnection,
    viewer: &Viewer,
    index: &SearchIndex,
    typed: &str,
) -> Result<Suggestions, AppError> {
    let mut found = skills::starting(conn, Some(typed), viewer.reach())?;
    if let Some(last) = typed
        .split_whitespace()
        .last()
        .filter(|_| found.skills.is_empty())
    {
        found = skills::starting(conn, Some(last), viewer.reach())?;
    }
    let usage = index.coop_skill_usage().map_err(AppError::internal)?;
    let ranked = found.ranked(|slug| {
        usage
            .get(slug)
            .map_or(0, |coops| i64::try_from(*coops).unwrap_or(i64::MAX))
    });
    let coops = index
        .complete_coop_names(typed, viewer.sees_network_only(), SUGGESTED)
        .map_err(AppError::internal)?;
    Ok(Suggestions {
        skills: ranked
            .into_iter()
            .take(SUGGESTED)
            .map(|usage| SkillRef::from(usage.skill))
            .collect(),
        coops: coops
            .into_iter()
            .map(|c| CoopSuggestion {
                slug: c.slug,
                name: c.name,
            })
            .collect(),
    })
}

fn answer(results: SearchResults, page: u32, per_page: u32) -> SearchAnswer {
    SearchAnswer {
        hits: results
            .hits
            .into_iter()
            .map(|hit| SearchHit {
                kind: hit.kind.as_str(),
                id: hit.id,
                slug: hit.slug,
                title: hit.title,
                summary: hit.summary,
                score: hit.score,
                highlights: hit.highlights,
                matched_skills: hit.matched_skills,
                unmatched_words: hit.unmatched_words,
                distance_km: hit.distance_km.map(|km| (km * 10.0).round() / 10.0),
                legal_form: hit.legal_form,
            })
            .collect(),
        total: results.total,
        total_relation: if results.exact {
            TotalRelation::Eq
        } else {
            TotalRelation::Gte
        },
        page,
        per_page,
        facets: SearchFacets {
            kind: results.facets.kind,
            skill: results.facets.skill.into_iter().collect(),
            region: results.facets.region,
            legal_form: results.facets.legal_form,
        },
        understood: Understood::default(),
    }
}
