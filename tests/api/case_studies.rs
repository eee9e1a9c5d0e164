//! Case studies and the network's totals.

use coophub_testkit::{Backend, backend_tests};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::coops::{approved_coop, coop};
use crate::helpers::{TestApp, assert_problem, pointers};

backend_tests!(
    co_op_admins_record_case_studies_under_etags,
    outsiders_see_case_studies_of_approved_co_ops_only,
    case_studies_filter_by_co_op_and_skill,
    stats_count_the_approved_network,
    stats_of_a_year_count_its_case_studies_and_their_value,
);

fn study(slug: &str, coops: &[&str]) -> Value {
    json!({
        "slug": slug,
        "title": "Accessible council website",
        "client": "A council",
        "summary": "Rebuilt the site to WCAG 2.2 AA.",
        "coops": coops,
        "skills": ["a11y", "Drupal"],
        "year": 2025,
        "value_band": "10k_to_50k",
        "outcome": "Live in six months",
        "links": ["https://example.org/work/council"]
    })
}

async fn co_op_admins_record_case_studies_under_etags(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    let other = app.user("eve@example.coop").await;
    approved_coop(&app, "first", &owner, &admin).await;
    approved_coop(&app, "second", &other, &admin).await;

    let res = app
        .post_json(
            "/api/v1/case-studies",
            &study("council", &["first", "second"]),
            Some(&owner),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(res.headers()["location"], "/api/v1/case-studies/council");
    let created: Value = res.json().await.unwrap();
    let skills: Vec<&str> = created["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["slug"].as_str().unwrap())
        .collect();
    assert_eq!(skills, ["accessibility", "drupal"]);
    // Ada's co-op owns it; the second co-op is named but not credited yet.
    assert_eq!(
        created["coops"],
        json!([{"slug": "first", "name": "Co-op first", "consent": "owner"},
               {"slug": "second", "name": "Co-op second", "consent": "pending"}])
    );
    assert_eq!(created["value_band"], "10k_to_50k");

    let res = app
        .post_json(
            "/api/v1/case-studies",
            &study("xx", &["first", "nowhere"]),
            Some(&owner),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/coops/1"]);
    let outsider = app.user("mallory@example.coop").await;
    let res = app
        .post_json(
            "/api/v1/case-studies",
            &study("yy", &["first"]),
            Some(&outsider),
        )
        .await;
    assert_problem(res, 403, "forbidden").await;
    let res = app
        .post_json("/api/v1/case-studies", &study("yy", &["first"]), None)
        .await;
    assert_problem(res, 401, "unauthenticated").await;

    // Only the owner's admins edit it; a stale ETag changes nothing.
    let mut edited = study("council", &["first", "second"]);
    edited["outcome"] = json!("Won an award");
    let res = app
        .send(
            Method::PUT,
            "/api/v1/case-studies/council",
            Some(&edited),
            Some(&other),
            Some("\"1\""),
        )
        .await;
    assert_problem(res, 403, "forbidden").await;
    let res = app
        .send(
            Method::PUT,
            "/api/v1/case-studies/council",
            Some(&edited),
            Some(&owner),
            Some("\"1\""),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app
        .send(
            Method::PUT,
            "/api/v1/case-studies/council",
            Some(&edited),
            Some(&owner),
            Some("\"1\""),
        )
        .await;
    assert_problem(res, 412, "precondition_failed").await;
    let res = app
        .send(
            Method::DELETE,
            "/api/v1/case-studies/council",
            None,
            Some(&outsider),
            None,
        )
        .await;
    assert_problem(res, 403, "forbidden").await;
    // A named co-op's admin cannot delete another co-op's study either.
    let res = app
        .send(
            Method::DELETE,
            "/api/v1/case-studies/council",
            None,
            Some(&other),
            None,
        )
        .await;
    assert_problem(res, 403, "forbidden").await;
    let res = app
        .send(
            Method::DELETE,
            "/api/v1/case-studies/council",
            None,
            Some(&owner),
            Some("\"2\""),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_problem(
        app.get("/api/v1/case-studies/council", None).await,
        404,
        "not_found",
    )
    .await;
}

async fn outsiders_see_case_studies_of_approved_co_ops_only(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "member", &owner, &admin).await;
    app.post_json("/api/v1/coops", &coop("applicant"), Some(&owner))
        .await;
    for (slug, coops) in [
        ("joint", vec!["member", "applicant"]),
        ("hidden", vec!["applicant"]),
    ] {
        let res = app
            .post_json("/api/v1/case-studies", &study(slug, &coops), Some(&owner))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    let list: Value = app
        .get("/api/v1/case-studies", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 1, "{list}");
    assert_eq!(
        list["items"][0]["coops"],
        json!([{"slug": "member", "name": "Co-op member", "consent": "owner"}])
    );
    assert_problem(
        app.get("/api/v1/case-studies/hidden", None).await,
        404,
        "not_found",
    )
    .await;
    let list: Value = app
        .get("/api/v1/case-studies", Some(&owner))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 2, "network members see all");
}

async fn case_studies_filter_by_co_op_and_skill(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "one", &owner, &admin).await;
    approved_coop(&app, "two", &owner, &admin).await;
    app.post_json("/api/v1/case-studies", &study("aa", &["one"]), Some(&owner))
        .await;
    let mut other = study("bb", &["two"]);
    other["skills"] = json!(["Rust"]);
    app.post_json("/api/v1/case-studies", &other, Some(&owner))
        .await;
    for (query, expected) in [
        ("?coop=one", vec!["aa"]),
        ("?coop=two", vec!["bb"]),
        ("?skill=wcag", vec!["aa"]),
        ("?skill=rust&coop=one", vec![]),
        ("?coop=nowhere", vec![]),
    ] {
        let list: Value = app
            .get(&format!("/api/v1/case-studies{query}"), None)
            .await
            .json()
            .await
            .unwrap();
        let slugs: Vec<&str> = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["slug"].as_str().unwrap())
            .collect();
        assert_eq!(slugs, expected, "{query}");
    }
}

async fn stats_count_the_approved_network(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "counted", &owner, &admin).await;
    app.post_json("/api/v1/coops", &coop("not-counted"), Some(&owner))
        .await;
    let person =
        json!({"name": "Grace", "skills": [{"skill": "COBOL", "level": 3, "interest": 2}]});
    app.post_json("/api/v1/coops/counted/people", &person, Some(&owner))
        .await;
    app.post_json(
        "/api/v1/case-studies",
        &study("ss", &["counted"]),
        Some(&owner),
    )
    .await;
    app.post_json(
        "/api/v1/case-studies",
        &study("unapproved-owner", &["not-counted"]),
        Some(&owner),
    )
    .await;
    // The co-op lists javascript, postgresql, django, react, web-development, ux-design,
    // its case study accessibility and drupal; Grace (network-only, by default)
    // adds cobol for the network alone.
    let stats: Value = app.get("/api/v1/stats", None).await.json().await.unwrap();
    assert_eq!(
        stats,
        json!({"coops": 1, "people": 0, "skills": 8, "case_studies": 1, "open_offers": 0,
               "open_requests": 0, "accepted_placements": 0, "completed_placements": 0,
               "days_placed": 0.0, "days_booked": 0.0, "year": null, "case_study_value": [],
               "bids": null}),
        "outsiders count what they may see"
    );
    let stats: Value = app
        .get("/api/v1/stats", Some(&owner))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        stats,
        json!({"coops": 1, "people": 1, "skills": 9, "case_studies": 2, "open_offers": 0,
               "open_requests": 0, "accepted_placements": 0, "completed_placements": 0,
               "days_placed": 0.0, "days_booked": 0.0, "year": null, "case_study_value": [],
               "bids": {"formed": 0, "submitted": 0, "won": 0, "value_won": []}})
    );
}

async fn stats_of_a_year_count_its_case_studies_and_their_value(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "counted", &owner, &admin).await;
    app.post_json("/api/v1/coops", &coop("applied"), Some(&owner))
        .await;
    let gbp = |amount: i64| json!({"amount": amount, "currency": "gbp"});
    for (slug, coop, year, value) in [
        ("older", "counted", 2025, Some(gbp(3_000_000))),
        ("valued", "counted", 2026, Some(gbp(1_500_000))),
        ("unvalued", "counted", 2026, None),
        ("unapproved", "applied", 2026, Some(gbp(9_900_000))),
    ] {
        let mut body = study(slug, &[coop]);
        body["year"] = json!(year);
        body["value"] = value.unwrap_or(Value::Null);
        let res = app
            .post_json("/api/v1/case-studies", &body, Some(&owner))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED, "{slug}");
    }
    let valued = app.get_json("/api/v1/case-studies/valued", None).await;
    assert_eq!(
        valued["value"],
        json!({"amount": 1_500_000, "currency": "GBP"})
    );

    let counted = |stats: &Value| {
        (
            stats["case_studies"].as_i64().unwrap(),
            stats["case_study_value"].clone(),
        )
    };
    let outsiders = app.get_json("/api/v1/stats?year=2026", None).await;
    assert_eq!(outsiders["year"], 2026);
    assert_eq!(
        counted(&outsiders),
        (2, json!([{"amount": 1_500_000, "currency": "GBP"}])),
        "an unapproved co-op's case study counts for the network only"
    );
    let members = app.get_json("/api/v1/stats?year=2026", Some(&owner)).await;
    assert_eq!(
        counted(&members),
        (3, json!([{"amount": 11_400_000, "currency": "GBP"}]))
    );
    let older = app.get_json("/api/v1/stats?year=2025", None).await;
    assert_eq!(
        counted(&older),
        (1, json!([{"amount": 3_000_000, "currency": "GBP"}]))
    );
    let every_year = app.get_json("/api/v1/stats", None).await;
    assert_eq!(
        counted(&every_year),
        (3, json!([{"amount": 4_500_000, "currency": "GBP"}]))
    );

    for query in ["year=1800", "year=2101", "year=last"] {
        let problem = assert_problem(
            app.get(&format!("/api/v1/stats?{query}"), None).await,
            400,
            "invalid_parameter",
        )
        .await;
        assert!(problem.to_string().contains("year"), "{query}: {problem}");
    }
    let mut body = study("bad-value", &["counted"]);
    body["value"] = json!({"amount": -5, "currency": "pounds"});
    let problem = assert_problem(
        app.post_json("/api/v1/case-studies", &body, Some(&owner))
            .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/value"]);
}
