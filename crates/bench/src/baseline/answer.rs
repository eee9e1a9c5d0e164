//! One baseline search: the query string read as coophub reads it (`q`,
//! `type`, `region`, `near`, `radius_km`, `sort=distance`), typos corrected
//! through the corpus' words, one prepared statement for hits, total and
//! facets.

use std::collections::BTreeMap;

use diesel::pg::PgConnection;
use diesel::sql_types::{BigInt, Text};
use diesel::{QueryableByName, RunQueryDsl};
use serde_json::{Value, json};

/// Words shorter than this are not corrected (as coophub does not).
const CORRECT_FROM: usize = 4;

/// What the baseline understood of a query string.
#[derive(Debug, Default)]
pub struct Query {
    words: Vec<String>,
    /// The last word may be unfinished (no space after it).
    partial_last: bool,
    kind: Option<String>,
    region: Option<String>,
    near: Option<(f64, f64)>,
    radius_km: f64,
    by_distance: bool,
    /// Hits wanted (`per_page`).
    limit: i64,
}

impl Query {
    /// Reads `query_string`; what it cannot read is left out.
    pub fn parse(query_string: &str) -> Self {
        let mut query = Self {
            radius_km: 50.0,
            limit: 20,
            ..Self::default()
        };
        for (key, value) in form_urlencoded::parse(query_string.as_bytes()) {
            match &*key {
                "q" => {
                    query.partial_last = !value.ends_with(' ');
                    query.words = value
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .map(str::to_lowercase)
                        .collect();
                }
                "type" => query.kind = Some(value.into_owned()),
                "region" => query.region = Some(value.into_owned()),
                "near" => {
                    let mut parts = value.split(',').map(|p| p.trim().parse::<f64>());
                    if let (Some(Ok(lat)), Some(Ok(lon))) = (parts.next(), parts.next()) {
                        query.near = Some((lat, lon));
                    }
                }
                "radius_km" => query.radius_km = value.parse().unwrap_or(50.0),
                "sort" => query.by_distance = value == "distance",
                "per_page" => query.limit = value.parse().unwrap_or(20),
                _ => {}
            }
        }
        query
    }
}

#[derive(QueryableByName)]
struct Word {
    #[diesel(sql_type = Text)]
    word: String,
}

#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = Text)]
    facet: String,
    #[diesel(sql_type = Text)]
    value: String,
    #[diesel(sql_type = BigInt)]
    count: i64,
}

/// `value` as an SQL literal. `EXECUTE` of a prepared statement takes no
/// bind parameters, so its arguments are written out; quotes are doubled and
/// control characters dropped.
fn text(value: Option<&str>) -> String {
    value.map_or_else(
        || "NULL".to_owned(),
        |v| {
            let clean: String = v.chars().filter(|c| !c.is_control()).collect();
            format!("'{}'", clean.replace('\'', "''"))
        },
    )
}

/// `value` as an SQL number literal (NULL when absent or not finite).
fn number(value: Option<f64>) -> String {
    value
        .filter(|v| v.is_finite())
        .map_or_else(|| "NULL".to_owned(), |v| format!("{v:?}::float8"))
}

/// The tsquery of `query`: every word (or a close spelling of it) must
/// match; the unfinished last word as a prefix.
fn tsquery(conn: &mut PgConnection, query: &Query) -> diesel::QueryResult<String> {
    let mut terms = Vec::with_capacity(query.words.len());
    for (i, word) in query.words.iter().enumerate() {
        let mut spellings = vec![word.clone()];
        if word.chars().count() >= CORRECT_FROM {
            let close: Vec<Word> =
                diesel::sql_query(format!("EXECUTE baseline_correct({})", text(Some(word))))
                    .load(conn)?;
            spellings.extend(close.into_iter().map(|w| w.word).filter(|w| w != word));
        }
        let prefix = if query.partial_last && i + 1 == query.words.len() {
            ":*"
        } else {
            ""
        };
        let alternatives: Vec<String> = spellings
            .iter()
            .filter(|w| w.chars().all(char::is_alphanumeric))
            .map(|w| format!("{w}{prefix}"))
            .collect();
        terms.push(format!("({})", alternatives.join(" | ")));
    }
    Ok(terms.join(" & "))
}

/// Answers `query` in the shape of coophub's search answer (hits as
/// `kind:id`, total, facets).
pub fn search(conn: &mut PgConnection, query: &Query) -> diesel::QueryResult<Value> {
    let rows: Vec<Row> = if query.words.is_empty() {
        let Some((lat, lon)) = query.near else {
            return Ok(json!({"hits": [], "total": 0, "facets": {}}));
        };
        diesel::sql_query(format!(
            "EXECUTE baseline_near({}, {}, {}, {}, {}, {})",
            text(query.kind.as_deref()),
            text(query.region.as_deref()),
            number(Some(lat)),
            number(Some(lon)),
            number(Some(query.radius_km)),
            query.limit
        ))
        .load(conn)?
    } else {
        let tsquery = tsquery(conn, query)?;
        diesel::sql_query(format!(
            "EXECUTE baseline_text({}, {}, {}, {}, {}, {}, {}, {})",
            text(Some(&tsquery)),
            text(query.kind.as_deref()),
            text(query.region.as_deref()),
            number(query.near.map(|n| n.0)),
            number(query.near.map(|n| n.1)),
            number(Some(query.radius_km)),
            query.by_distance && query.near.is_some(),
            query.limit
        ))
        .load(conn)?
    };
    let mut hits: Vec<(i64, String)> = Vec::new();
    let mut total = 0;
    let mut facets: BTreeMap<String, BTreeMap<String, i64>> = BTreeMap::new();
    for row in rows {
        match row.facet.as_str() {
            "hit" => hits.push((row.count, row.value)),
            "total" => total = row.count,
            facet => {
                facets
                    .entry(facet.to_owned())
                    .or_default()
                    .insert(row.value, row.count);
            }
        }
    }
    hits.sort();
    let hits: Vec<Value> = hits
        .into_iter()
        .map(|(_, key)| json!({"key": key}))
        .collect();
    Ok(json!({"hits": hits, "total": total, "facets": facets}))
}
