//! Search relevance on a coops.tech directory, with expectations computed from
//! the directory's own files: what an alias, a typo, a prefix, a skill with a
//! region, and a radius must find, and in which order where it matters.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

/// Approved co-ops (current members) of the directory, as read from `coops.json`.
struct Directory {
    coops: Vec<Value>,
}

impl Directory {
    fn read(dir: &Path) -> Self {
        let all: Vec<Value> =
            serde_json::from_str(&std::fs::read_to_string(dir.join("coops.json")).unwrap())
                .unwrap();
        Self {
            coops: all
                .into_iter()
                .filter(|c| c["status"] == "current")
                .collect(),
        }
    }

    fn slug(coop: &Value) -> String {
        coop["slug"].as_str().unwrap().replace('_', "-")
    }

    /// Where the co-op should be found: its coordinates unless the
    /// directory's own notes flag them, else the centre of its town.
    fn place(coop: &Value) -> Option<(f64, f64)> {
        let flagged = coop["data_quality_notes"].as_array().is_some_and(|notes| {
            notes.iter().filter_map(Value::as_str).any(|note| {
                note.contains("coordinates")
                    && (note.contains("outside") || note.contains("point to"))
            })
        });
        let given = coop["latitude"].as_f64().zip(coop["longitude"].as_f64());
        match given {
            Some(at) if !flagged => Some(at),
            _ => coop["town"]
                .as_str()
                .and_then(coophub_domain::places::find)
                .map(|town| (town.latitude, town.longitude)),
        }
    }

    fn listing(&self, technology: &str) -> BTreeSet<String> {
        self.coops
            .iter()
            .filter(|c| {
                c["technologies"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|t| t == technology)
            })
            .map(Self::slug)
            .collect()
    }
}

fn km((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = ((lat2 - lat1).to_radians(), (lon2 - lon1).to_radians());
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().atan2((1.0 - a).sqrt())
}

async fn hits(base: &str, query: &str) -> Vec<String> {
    let answer: Value = reqwest::get(format!(
        "{base}/api/v1/search?type=coop&per_page=100&{query}"
    ))
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    answer["hits"]
        .as_array()
        .unwrap_or_else(|| panic!("{query}: {answer}"))
        .iter()
        .map(|h| h["slug"].as_str().unwrap().to_owned())
        .collect()
}

/// Checks relevance on the co-ops of `dir`, served at `base`.
pub async fn check(base: &str, dir: &Path) {
    let directory = Directory::read(dir);

    // An alias: nobody writes "postgres", the co-ops listing PostgreSQL are found, and only they.
    let postgres: BTreeSet<String> = hits(base, "q=postgres").await.into_iter().collect();
    assert_eq!(postgres, directory.listing("postgresql"), "alias");

    // A typo: every co-op listing WordPress is among the results of "wordpres", ranked above the rest.
    let wordpress = directory.listing("wordpress");
    assert!(!wordpress.is_empty());
    let typo = hits(base, "q=wordpres").await;
    let top: BTreeSet<String> = typo.iter().take(wordpress.len()).cloned().collect();
    let found: BTreeSet<String> = typo.iter().cloned().collect();
    let missing: Vec<_> = wordpress.difference(&found).collect();
    assert!(
        missing.is_empty(),
        "typo: {missing:?} not found in {typo:?}"
    );
    assert!(
        top.iter().filter(|s| wordpress.contains(*s)).count() * 2 >= wordpress.len(),
        "typo: listings rank first in {typo:?}"
    );

    // A prefix, as typed: the co-op named so comes first.
    assert_eq!(
        hits(base, "q=outland").await.first().map(String::as_str),
        Some("outlandish"),
        "prefix"
    );

    // A skill and a region together.
    let region = directory
        .coops
        .iter()
        .find(|c| wordpress.contains(&Directory::slug(c)) && c["region"].is_string())
        .map(|c| c["region"].as_str().unwrap().to_owned())
        .unwrap();
    let expected: BTreeSet<String> = directory
        .coops
        .iter()
        .filter(|c| c["region"] == region.as_str() && wordpress.contains(&Directory::slug(c)))
        .map(Directory::slug)
        .collect();
    let region_query = format!("skill=WordPress&region={}", region.replace(' ', "%20"));
    let found: BTreeSet<String> = hits(base, &region_query).await.into_iter().collect();
    assert_eq!(found, expected, "skill and region {region}");

    // A radius around a co-op: exactly the co-ops within it, nearest first.
    let centre = directory
        .coops
        .iter()
        .find(|c| Directory::place(c).is_some())
        .unwrap();
    let at = Directory::place(centre).unwrap();
    let within: BTreeSet<String> = directory
        .coops
        .iter()
        .filter(|c| Directory::place(c).is_some_and(|place| km(at, place) <= 25.0))
        .map(Directory::slug)
        .collect();
    let near = hits(
        base,
        &format!("near={},{}&radius_km=25&sort=distance", at.0, at.1),
    )
    .await;
    assert_eq!(
        near.iter().cloned().collect::<BTreeSet<_>>(),
        within,
        "radius"
    );
    assert_eq!(
        near.first(),
        Some(&Directory::slug(centre)),
        "nearest first"
    );

    // A town typed in the query: searched around, not matched as a word.
    // Every co-op placed within 50 km of a town of its own is found by the
    // town's name alone, and with a technology it lists.
    for coop in &directory.coops {
        let Some(town) = coop["town"].as_str().and_then(coophub_domain::places::find) else {
            continue;
        };
        if town.population < coophub_domain::places::QUERY_PLACE_POPULATION
            || Directory::place(coop)
                .is_none_or(|at| km(at, (town.latitude, town.longitude)) > 50.0)
        {
            continue;
        }
        let slug = Directory::slug(coop);
        let named = town.name.to_lowercase().replace(' ', "%20");
        assert!(
            hits(base, &format!("q={named}")).await.contains(&slug),
            "{slug} by its town {}",
            town.name
        );
        if let Some(technology) = coop["technologies"].as_array().and_then(|t| t.first()) {
            let query = format!("q={}%20{named}", technology.as_str().unwrap());
            assert!(hits(base, &query).await.contains(&slug), "{slug}: {query}");
        }
    }

    // Two words for a name written as one.
    if directory.coops.iter().any(|c| c["slug"] == "webarchitects") {
        assert_eq!(
            hits(base, "q=web%20architects")
                .await
                .first()
                .map(String::as_str),
            Some("webarchitects")
        );
    }
}
