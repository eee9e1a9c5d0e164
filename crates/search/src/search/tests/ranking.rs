//! Keeping only the best matches while counting all of them: pages, totals
//! and facets as an exhaustive sort would give them; suggest's names and
//! skill counts.

use super::*;

/// Forty co-ops with the same words and different recency, half without a
/// region, every fifth applied rather than approved.
fn many() -> SearchIndex {
    let index = SearchIndex::in_ram().unwrap();
    let docs: Vec<SearchDocument> = (0..40)
        .map(|n| {
            let mut doc = coop(
                &format!("c{n:02}"),
                &format!("Alpha {} Studio", ["Red", "blue", "Green", "amber"][n % 4]),
                "Drupal sites",
                vec![skill("drupal", "Drupal", 3)],
                "North",
                (53.8, -1.5),
            );
            doc.updated = i64::try_from(n % 7).unwrap();
            if n % 2 == 0 {
                doc.region = None;
            }
            doc.standing = Some(crate::document::Standing {
                status: if n % 5 == 0 { "applied" } else { "approved" }.into(),
                invited_until: None,
                shares_experience: None,
            });
            doc
        })
        .collect();
    index.apply_at(1, &docs, &[]).unwrap();
    index
}

fn ids(results: &SearchResults) -> Vec<String> {
    results.hits.iter().map(|hit| hit.id.clone()).collect()
}

#[test]
fn pages_follow_one_order_while_every_match_is_counted() {
    let index = many();
    for sort in [Sort::Relevance, Sort::Updated] {
        let ask = |offset, limit| SearchRequest {
            q: "drupal".into(),
            network: true,
            sort,
            offset,
            limit,
            now: 0,
            ..Default::default()
        };
        let all = index.search(&ask(0, 40), &|_| None).unwrap();
        let first = index.search(&ask(0, 7), &|_| None).unwrap();
        let second = index.search(&ask(7, 7), &|_| None).unwrap();
        assert_eq!(all.total, 40);
        assert_eq!((first.total, second.total), (40, 40), "{sort:?}");
        assert_eq!(ids(&first), ids(&all)[..7], "{sort:?}");
        assert_eq!(ids(&second), ids(&all)[7..14], "{sort:?}");
        assert_eq!(first.facets.kind.get("coop"), Some(&40));
        assert_eq!(
            first.facets.region,
            BTreeMap::from([("north".to_owned(), 20)]),
            "documents without a region are not counted as one"
        );
        assert_eq!(
            first.facets.legal_form.get("cooperative_society"),
            Some(&40)
        );
        if sort == Sort::Updated {
            // Changed at 6, the latest: c06, c13, c20, c27, c34.
            let mut on_top = ids(&first)[..5].to_vec();
            on_top.sort();
            assert_eq!(on_top, ["c06", "c13", "c20", "c27", "c34"]);
        }
    }
    let none = index
        .search(
            &SearchRequest {
                q: "drupal".into(),
                network: true,
                limit: 0,
                now: 0,
                ..Default::default()
            },
            &|_| None,
        )
        .unwrap();
    assert_eq!((none.total, none.hits.len()), (40, 0));
}

#[test]
fn names_complete_in_alphabetical_order_from_every_match() {
    let index = many();
    let names: Vec<String> = index
        .complete_coop_names("alpha", false, 3)
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(
        names,
        [
            "Alpha amber Studio",
            "Alpha amber Studio",
            "Alpha amber Studio"
        ],
        "lower case sorts with upper case, whatever the scores"
    );
    assert_eq!(
        index
            .complete_coop_names("alpha b", false, 50)
            .unwrap()
            .len(),
        10
    );
}

#[test]
fn skill_usage_counts_approved_coops_and_follows_the_index() {
    let index = many();
    assert_eq!(index.coop_skill_usage().unwrap().get("drupal"), Some(&32));
    let mut joined = coop(
        "late",
        "Late Co-op",
        "Drupal",
        vec![skill("drupal", "Drupal", 3), skill("php", "PHP", 3)],
        "North",
        (53.8, -1.5),
    );
    joined.standing = Some(crate::document::Standing {
        status: "approved".into(),
        invited_until: None,
        shares_experience: None,
    });
    index.apply_at(2, &[joined], &[]).unwrap();
    let usage = index.coop_skill_usage().unwrap();
    assert_eq!(
        (usage.get("drupal"), usage.get("php")),
        (Some(&33), Some(&1))
    );
}
