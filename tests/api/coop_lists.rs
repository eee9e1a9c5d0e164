//! Listing co-ops: pages, filters (skills in any spelling), bad parameters,
//! and syncing with `updated_since`.

use coophub_testkit::{Backend, backend_tests};
use reqwest::Method;
use serde_json::{Value, json};

use crate::coops::{approved_coop, coop};
use crate::helpers::{TestApp, assert_problem};

backend_tests!(
    lists_are_paged_in_a_stable_order,
    filters_match_skills_in_any_spelling_and_other_fields,
    bad_list_parameters_name_the_parameter,
    updated_since_returns_changes_and_deletions,
);

async fn list(app: &TestApp, query: &str) -> Value {
    let res = app.get(&format!("/api/v1/coops{query}"), None).await;
    assert_eq!(res.status(), 200, "{query}");
    res.json().await.unwrap()
}

/// The slugs of a page of co-ops, in order.
pub(crate) fn slugs(list: &Value) -> Vec<&str> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap())
        .collect()
}

async fn lists_are_paged_in_a_stable_order(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    for slug in ["delta", "alpha", "charlie", "bravo", "echo"] {
        approved_coop(&app, slug, &owner, &admin).await;
    }
    let first = list(&app, "?per_page=2").await;
    assert_eq!(
        (
            first["total"].as_i64(),
            first["page"].as_i64(),
            first["per_page"].as_i64()
        ),
        (Some(5), Some(1), Some(2))
    );
    assert_eq!(slugs(&first), ["alpha", "bravo"]);
    assert_eq!(slugs(&list(&app, "?per_page=2&page=3").await), ["echo"]);
    assert!(slugs(&list(&app, "?per_page=2&page=4").await).is_empty());
}

async fn filters_match_skills_in_any_spelling_and_other_fields(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "leeds-pg", &owner, &admin).await;
    let mut other = coop("cardiff-php");
    other["technologies"] = json!(["PHP", "MySQL", "django-2"]);
    other["services"] = json!(["Hosting"]);
    other["location"] = json!({"locality": "Cardiff", "region": "Wales", "country": "GB"});
    other["legal_form"] = json!("llp");
    other["happy_to_share_experience"] = json!(false);
    app.post_json("/api/v1/coops", &other, Some(&owner)).await;
    app.post_json(
        "/api/v1/coops/cardiff-php/membership",
        &json!({"action": "approve"}),
        Some(&admin),
    )
    .await;

    for (query, expected) in [
        ("?technology=postgres", vec!["leeds-pg"]),
        ("?technology=PostgreSQL", vec!["leeds-pg"]),
        ("?technology=django", vec!["cardiff-php", "leeds-pg"]),
        ("?technology=js", vec!["leeds-pg"]),
        ("?technology=cobol", vec![]),
        ("?service=web%20hosting", vec!["cardiff-php"]),
        ("?region=wales", vec!["cardiff-php"]),
        ("?country=gb", vec!["cardiff-php", "leeds-pg"]),
        ("?legal_form=llp", vec!["cardiff-php"]),
        ("?happy_to_share_experience=true", vec!["leeds-pg"]),
        (
            "?technology=django&region=Yorkshire%20and%20the%20Humber",
            vec!["leeds-pg"],
        ),
    ] {
        assert_eq!(slugs(&list(&app, query).await), expected, "{query}");
    }
}

async fn bad_list_parameters_name_the_parameter(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for (query, parameter) in [
        ("?per_page=101", "per_page"),
        ("?per_page=0", "per_page"),
        ("?page=0", "page"),
        ("?page=two", "page"),
        ("?legal_form=partnership", "legal_form"),
        (
            "?happy_to_share_experience=maybe",
            "happy_to_share_experience",
        ),
        ("?updated_since=yesterday", "updated_since"),
        // Past the last page shown (100), whatever wraps.
        ("?page=101&per_page=100", "page"),
        ("?page=42949674&per_page=100", "page"),
    ] {
        let res = app.get(&format!("/api/v1/coops{query}"), None).await;
        let problem = assert_problem(res, 400, "invalid_parameter").await;
        assert_eq!(
            problem["errors"][0]["parameter"], parameter,
            "{query}: {problem}"
        );
    }
}

async fn updated_since_returns_changes_and_deletions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "stays", &owner, &admin).await;
    approved_coop(&app, "changes", &owner, &admin).await;
    let doomed = approved_coop(&app, "goes", &owner, &admin).await;

    app.clock.advance(chrono::Duration::minutes(5));
    let since = app.clock_now_rfc3339();
    app.clock.advance(chrono::Duration::minutes(5));
    let mut changed = coop("changes");
    changed["summary"] = json!("New summary");
    app.send(
        Method::PUT,
        "/api/v1/coops/changes",
        Some(&changed),
        Some(&owner),
        None,
    )
    .await;
    app.send(
        Method::DELETE,
        "/api/v1/coops/goes",
        None,
        Some(&owner),
        None,
    )
    .await;

    let sync = list(
        &app,
        &format!("?updated_since={}", since.replace('+', "%2B")),
    )
    .await;
    assert_eq!(slugs(&sync), ["changes"]);
    let deleted = sync["deleted"].as_array().unwrap();
    assert_eq!(deleted.len(), 1, "{sync}");
    assert_eq!(deleted[0]["id"], doomed["id"]);
    assert_eq!(deleted[0]["slug"], "goes");
    assert!(
        list(&app, "").await.get("deleted").is_none(),
        "deletions only come with updated_since"
    );
}
