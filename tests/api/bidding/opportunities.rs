//! Opportunities: OCDS imports (all or nothing, the newer release wins),
//! tenders entered by hand, filters, and the ranking for a co-op.

use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::coops::approved_coop;
use crate::helpers::{TestApp, assert_problem, pointers};

backend_tests!(
    ocds_packages_import_all_or_nothing_and_the_newer_release_wins,
    opportunities_filter_and_rank_for_a_coop,
);

const RELEASES: &str = include_str!("../../fixtures/ocds/contracts-finder-release-package.json");
const RECORDS: &str = include_str!("../../fixtures/ocds/find-a-tender-record-package.json");
const INVALID: &str = include_str!("../../fixtures/ocds/invalid-release-package.json");

async fn import(app: &TestApp, body: &str, token: Option<&str>) -> reqwest::Response {
    let mut request = app
        .client
        .post(app.url("/api/v1/opportunities/import"))
        .header("Content-Type", "application/json")
        .body(body.to_owned());
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap()
}

async fn setup(app: &TestApp) -> (String, String) {
    let steward = app.network_admin("steward@example.coop").await;
    let admin = app.user("ada@example.coop").await;
    approved_coop(app, "bid-coop", &admin, &steward).await;
    (steward, admin)
}

async fn ocds_packages_import_all_or_nothing_and_the_newer_release_wins(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (_, admin) = setup(&app).await;
    let outsider = app.user("eve@example.org").await;
    assert_eq!(
        import(&app, RELEASES, None).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_problem(
        import(&app, RELEASES, Some(&outsider)).await,
        403,
        "forbidden",
    )
    .await;

    let problem = assert_problem(
        import(&app, INVALID, Some(&admin)).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/releases/1/ocid", "/releases/1/date"]);
    let listed = app.get_json("/api/v1/opportunities", None).await;
    assert_eq!(
        listed["total"], 0,
        "nothing of a broken package is imported"
    );
    assert_problem(
        import(&app, "{not json", Some(&admin)).await,
        400,
        "malformed_json",
    )
    .await;

    let res = import(&app, RELEASES, Some(&admin)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let answer: Value = res.json().await.unwrap();
    assert_eq!(
        (answer["created"].as_u64(), answer["updated"].as_u64()),
        (Some(2), Some(0))
    );
    let id = answer["items"][0]["id"].as_str().unwrap().to_owned();
    let tender = app
        .get_json(&format!("/api/v1/opportunities/{id}"), None)
        .await;
    assert_eq!(tender["title"], "Accessible council website");
    assert_eq!(tender["buyer_id"], "GB-COH-00000001");
    assert_eq!(
        tender["value"],
        json!({"amount": 8_500_050, "gross": null, "currency": "GBP"})
    );
    assert_eq!(tender["deadline"], "2027-03-31T12:00:00Z");
    assert_eq!(tender["status"], "open");
    assert_eq!(tender["suitable_for_vcse"], true);
    let skills: Vec<&str> = tender["required_skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["slug"].as_str().unwrap())
        .collect();
    assert_eq!(
        skills,
        [
            "consultancy",
            "web-development",
            "hosting",
            "web-design",
            "ux-design"
        ]
    );

    // Again: nothing changes. A newer release updates; an older one does not.
    let again: Value = import(&app, RELEASES, Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["unchanged"], 2);
    let mut newer: Value = serde_json::from_str(RELEASES).unwrap();
    newer["releases"][0]["date"] = json!("2027-01-20T09:00:00Z");
    newer["releases"][0]["tender"]["title"] = json!("Accessible council website (amended)");
    newer["releases"][1]["date"] = json!("2026-01-01T09:00:00Z");
    let answer: Value = import(&app, &newer.to_string(), Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (answer["updated"].as_u64(), answer["unchanged"].as_u64()),
        (Some(1), Some(1))
    );
    let tender = app
        .get_json(&format!("/api/v1/opportunities/{id}"), None)
        .await;
    assert_eq!(tender["title"], "Accessible council website (amended)");

    // A record package: its compiled release, CPV on items, lots, gross values.
    let answer: Value = import(&app, RECORDS, Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(answer["created"], 1);
    assert_eq!(
        answer["warnings"][0]["pointer"],
        "/records/0/compiledRelease/date"
    );
    let id = answer["items"][0]["id"].as_str().unwrap();
    let tender = app
        .get_json(&format!("/api/v1/opportunities/{id}"), None)
        .await;
    assert_eq!(tender["cpv"], json!(["72316000", "48600000"]));
    assert_eq!(tender["value"]["gross"], 12_000_000);
    assert_eq!(tender["lots"][0]["value"]["amount"], 6_000_000);
    assert_eq!(tender["status"], "open");
}

async fn opportunities_filter_and_rank_for_a_coop(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (_, admin) = setup(&app).await;
    import(&app, RELEASES, Some(&admin)).await;
    import(&app, RECORDS, Some(&admin)).await;
    let manual = json!({"title": "Security review", "cpv": ["72810000"], "skills": ["Rust"],
                        "deadline": "2027-06-30T12:00:00Z", "value": {"amount": 2000000.0, "currency": "gbp"}});
    let res = app
        .post_json("/api/v1/opportunities", &manual, Some(&admin))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let created: Value = res.json().await.unwrap();
    assert!(created["ocid"].as_str().unwrap().starts_with("coophub-"));
    let skills: Vec<&str> = created["required_skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["slug"].as_str().unwrap())
        .collect();
    assert_eq!(
        skills,
        ["consultancy", "test-automation", "it-security", "rust"]
    );
    let bad = json!({"title": " ", "cpv": ["7281"], "skills": [""], "buyer_name": "b".repeat(301)});
    let res = app
        .post_json("/api/v1/opportunities", &bad, Some(&admin))
        .await;
    assert_eq!(
        pointers(&assert_problem(res, 422, "validation_failed").await),
        ["/title", "/buyer_name", "/cpv/0", "/skills/0"]
    );

    let total = |query: &'static str| {
        let app = &app;
        async move {
            app.get_json(&format!("/api/v1/opportunities?{query}"), None)
                .await["total"]
                .as_i64()
                .unwrap()
        }
    };
    assert_eq!(total("").await, 4);
    assert_eq!(total("status=open").await, 3);
    assert_eq!(total("status=closed").await, 1, "the award notice");
    assert_eq!(total("cpv=724").await, 1);
    assert_eq!(total("cpv=72").await, 4);
    assert_eq!(total("skill=ux").await, 1);
    assert_eq!(total("q=council").await, 1);
    assert_eq!(total("buyer=nhs").await, 1);
    assert_eq!(total("suitable_for=sme").await, 1);
    assert_eq!(total("value_min=5000000&value_max=9000000").await, 1);
    assert_eq!(total("deadline_after=2027-03-01T00:00:00Z").await, 2);
    let res = app
        .get(
            "/api/v1/opportunities?cpv=abc&value_min=5&value_max=1",
            None,
        )
        .await;
    assert_problem(res, 400, "invalid_parameter").await;

    // Ranked for the co-op: it lists UX and web apps among its services.
    let ranked = app
        .get_json("/api/v1/coops/bid-coop/opportunities", None)
        .await;
    let first = &ranked["items"][0];
    assert_eq!(first["opportunity"]["title"], "Accessible council website");
    let covered: Vec<&str> = first["covered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap())
        .collect();
    assert!(covered.contains(&"ux-design"), "{first}");
    assert!(
        first["missing"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m == "hosting"),
        "{first}"
    );
    assert!(
        ranked["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["opportunity"]["status"] == "open")
    );
}
