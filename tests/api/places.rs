//! Places and the directory's filters on the fixture slice of the real
//! directory: `near` takes a town, a town typed in `q` is searched around
//! and said to be understood, `/coops` and `/search` filter alike.

use coophub_testkit::{Backend, backend_tests};
use serde_json::Value;

use crate::claims::import_fixture;
use crate::coops::{approved_coop, coop};
use crate::helpers::{TestApp, assert_problem};

backend_tests!(
    towns_are_places_to_search_around,
    coops_and_search_take_the_same_directory_filters,
);

/// Answers `path` once the index holds the imported co-ops.
async fn indexed(app: &TestApp, path: &str, token: Option<&str>) -> Value {
    for _ in 0..100 {
        let everything = app.get_json("/api/v1/search?type=coop", token).await;
        if everything["total"].as_u64() >= Some(7) {
            return app.get_json(path, token).await;
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the imported co-ops were never indexed");
}

fn slugs(answer: &Value, list: &str) -> Vec<String> {
    answer[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap().to_owned())
        .collect()
}

async fn towns_are_places_to_search_around(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    import_fixture(&app);
    let near_oxford = indexed(&app, "/api/v1/search?near=Oxford&type=coop", None).await;
    assert_eq!(
        slugs(&near_oxford, "hits"),
        ["agile-collective"],
        "{near_oxford}"
    );

    // A town in the query: searched around, said, and not an unmatched word.
    let found = app
        .get_json("/api/v1/search?q=wordpress%20oxford", None)
        .await;
    assert_eq!(slugs(&found, "hits"), ["agile-collective"], "{found}");
    let place = &found["understood"]["place"];
    assert_eq!(
        (
            place["name"].as_str(),
            place["words"].as_str(),
            place["radius_km"].as_f64()
        ),
        (Some("Oxford"), Some("oxford"), Some(50.0))
    );
    assert_eq!(found["hits"][0]["unmatched_words"], serde_json::json!([]));
    let london = app
        .get_json("/api/v1/search?q=hosting%20near%20London&type=coop", None)
        .await;
    assert_eq!(london["understood"]["place"]["words"], "near london");
    let around = app
        .get_json("/api/v1/search?q=london&type=coop", None)
        .await;
    let distances: Vec<f64> = around["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["distance_km"].as_f64().unwrap())
        .collect();
    assert!(!distances.is_empty(), "{around}");
    assert!(
        distances.windows(2).all(|w| w[0] <= w[1]) && distances.iter().all(|km| *km <= 50.0),
        "nearest first, within 50 km: {distances:?}"
    );
    assert!(
        !slugs(&around, "hits").contains(&"autonomic".to_owned()),
        "its flagged London coordinates are not used: it is in Birmingham"
    );

    let problem = assert_problem(
        app.get("/api/v1/search?near=Atlantis", None).await,
        400,
        "invalid_parameter",
    )
    .await;
    assert!(problem.to_string().contains("UK town"), "{problem}");
}

async fn coops_and_search_take_the_same_directory_filters(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let steward = app.network_admin("steward@example.coop").await;
    import_fixture(&app);
    let ada = app.user("ada@leeds.coop").await;
    approved_coop(&app, "leeds-web", &ada, &steward).await;
    let nia = app.user("nia@applied.coop").await;
    let res = app
        .post_json("/api/v1/coops", &coop("applied-one"), Some(&nia))
        .await;
    assert_eq!(res.status(), 201);

    let listed = indexed(&app, "/api/v1/coops?near=London&radius_km=20", None).await;
    assert_eq!(
        slugs(&listed, "items"),
        ["animorph", "common-knowledge", "outlandish"]
    );
    let searched = app
        .get_json(
            "/api/v1/search?type=coop&near=London&radius_km=20&sort=distance",
            None,
        )
        .await;
    let mut found = slugs(&searched, "hits");
    found.sort();
    assert_eq!(found, slugs(&listed, "items"), "the same three");

    // Unknown is neither yes nor no, on both.
    for path in [
        "/api/v1/coops?happy_to_share_experience=false",
        "/api/v1/search?type=coop&happy_to_share_experience=false",
    ] {
        assert_eq!(app.get_json(path, None).await["total"], 0, "{path}");
    }
    let happy = app
        .get_json(
            "/api/v1/search?type=coop&happy_to_share_experience=true",
            None,
        )
        .await;
    assert_eq!(slugs(&happy, "hits"), ["leeds-web"]);
    // The stewards' queue by status; outsiders find approved co-ops only.
    let lapsed = "/api/v1/search?type=coop&status=lapsed";
    assert_eq!(
        slugs(&app.get_json(lapsed, Some(&steward)).await, "hits"),
        ["alpha-communication"]
    );
    assert_eq!(app.get_json(lapsed, None).await["total"], 0);

    // Co-op is one word, the hit says its legal form, and an applicant
    // finds its own co-op.
    let named = app.get_json("/api/v1/search?q=coop%20leeds", None).await;
    assert_eq!(slugs(&named, "hits"), ["leeds-web"], "{named}");
    assert_eq!(named["hits"][0]["legal_form"], "cooperative_society");
    let own = app
        .get_json("/api/v1/search?q=applied-one&type=coop", Some(&nia))
        .await;
    assert_eq!(slugs(&own, "hits"), ["applied-one"]);
    assert_eq!(
        app.get_json("/api/v1/search?q=applied-one&type=coop", None)
            .await["total"],
        0
    );
    assert_problem(
        app.get("/api/v1/coops?radius_km=5", None).await,
        400,
        "invalid_parameter",
    )
    .await;
}
