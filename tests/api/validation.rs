//! Bad input is reported all at once, in plain words, with the format
//! expected (issue 10): every wrong field of a body in one 422, a missing
//! field at its own pointer, unknown query parameters named, unreadable ids
//! answered without parser text.

use coophub_testkit::{Backend, backend_tests};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::coops::{approved_coop, coop};
use crate::helpers::{TestApp, assert_problem, pointers};

backend_tests!(
    every_wrong_field_of_a_body_is_reported_at_once,
    query_strings_name_every_bad_or_unknown_parameter,
    an_unreadable_id_is_not_found_in_plain_words,
);

/// Words that belong to Rust or its parsers, not to a problem document.
const RUST: &[&str] = &[
    "i64",
    "u32",
    "f64",
    "invalid digit",
    "UUID parsing",
    "found `",
    "struct ",
];

fn assert_plain(problem: &Value) {
    let text = problem.to_string();
    for word in RUST {
        assert!(!text.contains(word), "{word} in {text}");
    }
}

async fn every_wrong_field_of_a_body_is_reported_at_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let token = app.user("ada@example.coop").await;
    let mut body = coop("Not A Slug");
    body["legal_form"] = json!("partnership");
    body["location"] = json!({"country": "XX", "latitude": 200.0});
    let res = app.post_json("/api/v1/coops", &body, Some(&token)).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(
        pointers(&problem),
        [
            "/legal_form",
            "/slug",
            "/location/country",
            "/location/latitude"
        ],
        "{problem}"
    );
    assert_plain(&problem);

    let mut body = coop("no-slug");
    body.as_object_mut().unwrap().remove("slug");
    let res = app.post_json("/api/v1/coops", &body, Some(&token)).await;
    let problem = assert_problem(res, 422, "invalid_body").await;
    assert_eq!(pointers(&problem), ["/slug"]);
    assert_eq!(problem["errors"][0]["message"], "is required");

    let admin = app.network_admin("steward@example.coop").await;
    approved_coop(&app, "dated", &token, &admin).await;
    let person = json!({"name": "Grace", "days_per_week": 2, "available_from": "next week",
                        "skills": [{"skill": "rust", "level": "expert", "interest": 3}]});
    let res = app
        .post_json("/api/v1/coops/dated/people", &person, Some(&token))
        .await;
    let problem = assert_problem(res, 422, "invalid_body").await;
    assert_eq!(
        pointers(&problem),
        ["/available_from", "/skills/0/level"],
        "{problem}"
    );
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("YYYY-MM-DD"),
        "{problem}"
    );
    assert_plain(&problem);
}

async fn query_strings_name_every_bad_or_unknown_parameter(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let res = app
        .get(
            "/api/v1/coops?colour=red&page=abc&updated_since=yesterday",
            None,
        )
        .await;
    let problem = assert_problem(res, 400, "invalid_parameter").await;
    let named: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["parameter"].as_str().unwrap())
        .collect();
    assert_eq!(named, ["colour", "page", "updated_since"], "{problem}");
    assert!(problem.to_string().contains("RFC 3339"), "{problem}");
    assert_plain(&problem);
    let res = app
        .get("/api/v1/search?q=web&colour=red&type=spaceship", None)
        .await;
    let problem = assert_problem(res, 400, "invalid_parameter").await;
    assert_eq!(problem["errors"].as_array().unwrap().len(), 2, "{problem}");
}

async fn an_unreadable_id_is_not_found_in_plain_words(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let token = app.user("ada@example.coop").await;
    let res = app.get("/api/v1/people/not-a-uuid", None).await;
    let problem = assert_problem(res, 404, "not_found").await;
    assert!(
        problem["detail"].as_str().unwrap().contains("not-a-uuid"),
        "{problem}"
    );
    assert_plain(&problem);
    let res = app
        .send(
            Method::DELETE,
            "/api/v1/people/nope",
            None,
            Some(&token),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
