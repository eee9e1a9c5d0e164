//! Reading the search query string: repeatable `type` and `skill`, and a
//! 400 naming the parameter for anything that cannot be read.

use coophub_app::search::SearchAsk;
use coophub_domain::coop::{LegalForm, MembershipStatus};
use coophub_domain::geo::{self, DEFAULT_RADIUS_KM};
use coophub_domain::person::MAX_DAYS_PER_WEEK;
use coophub_domain::places;
use coophub_search::{DocKind, Sort, word_count};

use crate::problem::ApiError;

use crate::paging::{page_number, page_size};

/// Longest `q` accepted, in characters.
pub(crate) const MAX_Q: usize = 512;
/// Most words in `q`: each word expands into typo, prefix and alias queries.
pub(crate) const MAX_WORDS: usize = 32;

fn invalid(name: &str, message: impl Into<String>) -> ApiError {
    ApiError::InvalidParameter {
        name: name.to_owned(),
        message: message.into(),
    }
}

/// Adds a parameter `problem` to `problems`, so that every bad one is named.
fn note(problems: &mut Vec<(String, String)>, problem: ApiError) {
    match problem {
        ApiError::InvalidParameter { name, message } => problems.push((name, message)),
        ApiError::InvalidParameters(more) => problems.extend(more),
        other => problems.push((String::new(), other.to_string())),
    }
}

fn number<T: std::str::FromStr>(name: &str, value: &str) -> Result<T, ApiError> {
    value
        .trim()
        .parse()
        .map_err(|_| invalid(name, format!("`{value}` is not a number")))
}

/// Reads `query` (the raw query string) into a checked search, naming
/// every bad parameter at once.
pub fn parse(query: &str) -> Result<SearchAsk, ApiError> {
    let mut params = SearchAsk {
        page: 1,
        per_page: 20,
        ..SearchAsk::default()
    };
    let mut near: Option<(f64, f64)> = None;
    let mut radius: Option<f64> = None;
    let (mut available_from, mut available_to) = (None, None);
    let mut problems: Vec<(String, String)> = Vec::new();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let value = value.into_owned();
        let read = (|| -> Result<(), ApiError> {
            match key.as_ref() {
                "q" if value.chars().count() > MAX_Q => {
                    return Err(invalid(
                        "q",
                        format!("must be at most {MAX_Q} characters long"),
                    ));
                }
                "q" if word_count(&value) > MAX_WORDS => {
                    return Err(invalid("q", format!("must have at most {MAX_WORDS} words")));
                }
                "q" => params.q = value,
                "type" => {
                    for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                        let kind = DocKind::parse(name).ok_or_else(|| {
                            invalid(
                                "type",
                                format!("`{name}` is not a searchable type (coop, person, offer, request, opportunity)"),
                            )
                        })?;
                        params.kinds.push(kind);
                    }
                }
                "skill" => params.skills.extend(
                    value
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned),
                ),
                "region" => params.region = Some(value),
                "country" => params.country = Some(value),
                "legal_form" => {
                    params.legal_form = Some(LegalForm::parse(&value).ok_or_else(|| {
                        invalid("legal_form", format!("`{value}` is not a legal form"))
                    })?);
                }
                "near" => near = Some(places::point(&value).map_err(|m| invalid("near", m))?),
                "happy_to_share_experience" => {
                    params.shares_experience = Some(match value.trim() {
                        "true" => true,
                        "false" => false,
                        _ => return Err(invalid(&key, "must be true or false")),
                    });
                }
                "status" => {
                    params.status =
                        Some(MembershipStatus::parse(value.trim()).ok_or_else(|| {
                            invalid(
                                "status",
                                "must be applied, invited, approved, lapsed or removed",
                            )
                        })?);
                }
                "radius_km" => {
                    let km: f64 = number("radius_km", &value)?;
                    radius = Some(geo::radius_km(km).map_err(|m| invalid("radius_km", m))?);
                }
                "available_from" | "available_to" => {
                    let date = chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
                        .map_err(|_| invalid(&key, "must be a date such as 2027-01-04"))?;
                    if key == "available_to" {
                        available_to = Some(date);
                    } else {
                        available_from = Some(date);
                    }
                }
                "min_days_per_week" => {
                    let days: f64 = number("min_days_per_week", &value)?;
                    if !(0.0..=MAX_DAYS_PER_WEEK).contains(&days) {
                        return Err(invalid(
                            "min_days_per_week",
                            format!("must be from 0 to {MAX_DAYS_PER_WEEK}"),
                        ));
                    }
                    params.min_days_per_week = Some(days);
                }
                "sort" => {
                    params.sort = match value.as_str() {
                        "relevance" => Sort::Relevance,
                        "distance" => Sort::Distance,
                        "updated" => Sort::Updated,
                        _ => {
                            return Err(invalid("sort", "must be relevance, distance or updated"));
                        }
                    }
                }
                "page" => params.page = page_number(number("page", &value)?)?,
                "per_page" => params.per_page = page_size(number("per_page", &value)?)?,
                other => return Err(invalid(other, "is not a search parameter")),
            }
            Ok(())
        })();
        if let Err(problem) = read {
            note(&mut problems, problem);
        }
    }
    if radius.is_some() && near.is_none() {
        note(&mut problems, invalid("radius_km", "needs `near`"));
    }
    if params.sort == Sort::Distance && near.is_none() {
        note(&mut problems, invalid("sort", "`distance` needs `near`"));
    }
    params.near = near.map(|(lat, lon)| (lat, lon, radius.unwrap_or(DEFAULT_RADIUS_KM)));
    if let (Some(from), Some(to)) = (available_from, available_to)
        && to < from
    {
        note(
            &mut problems,
            invalid("available_to", "must not be before available_from"),
        );
    }
    if !problems.is_empty() {
        return Err(ApiError::InvalidParameters(problems));
    }
    // Free at some point in [from, to] means starting by `to` (or by `from`, alone).
    params.free_by = available_to.or(available_from);
    Ok(params)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parameters(query: &str) -> Vec<String> {
        match parse(query) {
            Err(ApiError::InvalidParameters(problems)) => {
                problems.into_iter().map(|(name, _)| name).collect()
            }
            other => panic!("expected bad parameters for {query}, got {other:?}"),
        }
    }

    fn parameter(query: &str) -> String {
        parameters(query).remove(0)
    }

    #[test]
    fn bad_parameters_are_named() {
        assert_eq!(parameter("near=abc"), "near");
        assert_eq!(parameter("near=91,0"), "near");
        assert_eq!(parameter("near=53,-1&radius_km=-1"), "radius_km");
        assert_eq!(parameter("radius_km=5"), "radius_km");
        assert_eq!(parameter("type=tender"), "type");
        assert_eq!(parameter("page=42949674&per_page=100"), "page");
        assert_eq!(parameter(&format!("q={}", ["web"; 33].join("+"))), "q");
        assert!(parse(&format!("q={}", ["web"; 32].join("+"))).is_ok());
        assert_eq!(parameter("per_page=101"), "per_page");
        assert_eq!(parameter("sort=distance"), "sort");
        assert_eq!(parameter("colour=red"), "colour");
        assert_eq!(parameter(&format!("q={}", "a".repeat(513))), "q");
        assert_eq!(parameter(&format!("q={}", ["web"; 33].join(","))), "q");
        assert_eq!(parameter("available_from=tomorrow"), "available_from");
        assert_eq!(
            parameter("available_from=2027-02-01&available_to=2027-01-01"),
            "available_to"
        );
        assert_eq!(parameter("min_days_per_week=8"), "min_days_per_week");
    }

    #[test]
    fn every_bad_parameter_is_named_at_once() {
        assert_eq!(
            parameters("near=abc&type=tender&colour=red&radius_km=-1&page=0"),
            ["near", "type", "colour", "radius_km", "page"]
        );
    }

    #[test]
    fn repeatable_parameters_accumulate() {
        let params =
            parse("type=coop&type=person&skill=JS&skill=k8s,rust&near=53.8,-1.55").unwrap();
        assert_eq!(params.kinds, [DocKind::Coop, DocKind::Person]);
        assert_eq!(params.skills, ["JS", "k8s", "rust"]);
        assert_eq!(params.near, Some((53.8, -1.55, 50.0)));
    }
}
