//! Search answers as every face shows them.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::shapes::SkillRef;

/// One result.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    /// `coop`, `person`, `offer`, `request` or `opportunity`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Its id.
    pub id: String,
    /// The co-op slug, for co-ops.
    pub slug: Option<String>,
    /// Name.
    pub title: String,
    /// Summary or headline.
    pub summary: String,
    /// How well it matches `q` (filters add nothing to it).
    pub score: f32,
    /// Matching snippets per field, every word that matched (also with a
    /// typo, as a prefix or in another form) in `<mark>`.
    pub highlights: BTreeMap<String, Vec<String>>,
    /// Its skills that the search named, in any spelling, with typos or as
    /// the word being typed.
    pub matched_skills: Vec<String>,
    /// Words of `q` that match nothing in it (when not every word had to).
    pub unmatched_words: Vec<String>,
    /// Distance from `near`, in km to 0.1 km.
    pub distance_km: Option<f64>,
    /// A co-op's legal form (`null`: not said, or not a co-op).
    pub legal_form: Option<String>,
}

/// A place read in `q`: searched around, not for as a word.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnderstoodPlace {
    /// The words of `q` that named it (with a `near` or `in` before them).
    pub words: String,
    /// The town or city, as the gazetteer names it.
    pub name: String,
    /// Its latitude.
    pub latitude: f64,
    /// Its longitude.
    pub longitude: f64,
    /// The radius searched, in km (`null` when `near` was given as well,
    /// which the search keeps to instead).
    pub radius_km: Option<f64>,
}

/// How `q` was read, beyond its words.
#[derive(Debug, Default, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Understood {
    /// A UK town or city named in `q` (of 15,000 people or more, and not a
    /// skill), if one was.
    pub place: Option<UnderstoodPlace>,
}

/// Counts over the matches `total` counts.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchFacets {
    /// Per type.
    #[serde(rename = "type")]
    pub kind: BTreeMap<String, u64>,
    /// The 20 most frequent skills.
    pub skill: BTreeMap<String, u64>,
    /// Per region (lower case).
    pub region: BTreeMap<String, u64>,
    /// Per legal form.
    pub legal_form: BTreeMap<String, u64>,
}

/// A page of results with facets.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchAnswer {
    /// The page.
    pub hits: Vec<SearchHit>,
    /// Matches in all (`total_relation` `eq`), or at least this many (`gte`).
    pub total: usize,
    /// Whether `total` and the facets count every match (`eq`) or are lower
    /// bounds (`gte`): ranked by relevance, counting stops once 1,000
    /// matches (in the index's order) are counted and the page is full, and
    /// documents that cannot reach the page are not read. The page is the
    /// same either way.
    pub total_relation: TotalRelation,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
    /// Counts over the matches `total` counts (lower bounds with it).
    pub facets: SearchFacets,
    /// How `q` was read.
    pub understood: Understood,
}

/// How a total relates to the number of matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum TotalRelation {
    /// Equal: every match was counted.
    Eq,
    /// Greater than or equal: the total is a lower bound.
    Gte,
}

/// A co-op suggestion.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoopSuggestion {
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
}

/// Suggestions.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Suggestions {
    /// Skills whose name or an alias starts like `q` (or its last word),
    /// most used first.
    pub skills: Vec<SkillRef>,
    /// Co-ops whose name completes `q`: its words, the last one begun.
    pub coops: Vec<CoopSuggestion>,
}
