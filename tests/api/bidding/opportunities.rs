//! Opportunities: OCDS imports (all or nothing, the newer release wins),
//! tenders entered by hand, filters, and the ranking for a co-op.

use coophub_domain::Clock;
use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::coops::approved_coop;
use crate::helpers::{TestApp, assert_problem, pointers};

backend_tests!(
    ocds_packages_import_all_or_nothing_and_the_newer_release_wins,
    opportunities_filter_and_rank_for_a_coop,
    a_coop_cannot_rewrite_a_tender_from_another_source,
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
    assert_eq!(skills, ["web-design", "web-development", "ux-design"]);

    // Again: nothing changes. A newer release updates; an older one does not.
    let again: Value = import(&app, RELEASES, Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["unchanged"], 2);
    let mut newer: Value = serde_json::from_str(RELEASES).unwrap();
    newer["releases"][0]["date"] = json!("2026-11-20T09:00:00Z");
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
    assert_eq!(skills, ["it-security", "rust"]);
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

    // No such co-op, nothing ranked for it.
    let res = app
        .get("/api/v1/coops/no-such-coop/opportunities", None)
        .await;
    assert_problem(res, 404, "not_found").await;

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
            .any(|m| m == "accessibility"),
        "its words name WCAG: {first}"
    );
    assert!(
        ranked["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["opportunity"]["status"] == "open")
    );
}

/// The release `ocid` dated `date`, titled `title`, closing `deadline`.
fn release(ocid: &str, date: &str, title: &str, deadline: &str) -> String {
    json!({"releases": [{"ocid": ocid, "id": format!("{ocid}-{date}"), "date": date,
        "tag": ["tender"], "tender": {"title": title, "tenderPeriod": {"endDate": deadline}}}]})
    .to_string()
}

async fn answer_of(app: &TestApp, body: &str, token: &str) -> Value {
    let res = import(app, body, Some(token)).await;
    let status = res.status();
    let answer: Value = res.json().await.unwrap();
    assert_eq!(status, StatusCode::OK, "{answer}");
    answer
}

/// SECURITY.md finding 10: any member co-op's admin could import a release
/// of a tender the stewards imported (or another co-op entered) dated far
/// ahead, rewrite it (a deadline in the past shut out the bids on it) and
/// make every genuine release after it `unchanged`.
async fn a_coop_cannot_rewrite_a_tender_from_another_source(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (steward, admin) = setup(&app).await;
    let other = app.user("bea@example.coop").await;
    approved_coop(&app, "other-coop", &other, &steward).await;
    let ocid = "ocds-b5fd17-provenance-1";
    let day = |days: i64| (app.clock.now() + chrono::Duration::days(days)).to_rfc3339();

    let first = answer_of(
        &app,
        &release(ocid, &day(-2), "Genuine", &day(30)),
        &steward,
    )
    .await;
    let id = first["items"][0]["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/opportunities/{id}");
    assert_eq!(app.get_json(&path, None).await["source"], "network");

    // Dated far ahead: refused at its date, whoever sends it.
    for token in [&admin, &steward] {
        let far = release(ocid, "2099-01-01T00:00:00Z", "Hijacked", &day(-1));
        let problem = assert_problem(
            import(&app, &far, Some(token)).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(pointers(&problem), ["/releases/0/date"]);
    }
    // A newer release from a co-op's admin is kept apart, never applied.
    let rewrite = release(ocid, &day(0), "Hijacked", &day(-1));
    let answer = answer_of(&app, &rewrite, &admin).await;
    assert_eq!(
        (answer["kept"].as_u64(), answer["updated"].as_u64()),
        (Some(1), Some(0)),
        "{answer}"
    );
    assert_eq!(answer["items"][0]["result"], "kept");
    let warned = answer["warnings"].as_array().unwrap();
    assert!(
        warned.iter().any(|w| w["pointer"] == "/releases/0/ocid"),
        "{answer}"
    );
    let tender = app.get_json(&path, None).await;
    assert_eq!(
        (tender["title"].as_str(), tender["status"].as_str()),
        (Some("Genuine"), Some("open"))
    );
    // The stewards' next genuine release still applies.
    let genuine = answer_of(
        &app,
        &release(ocid, &day(0), "Genuine, amended", &day(40)),
        &steward,
    )
    .await;
    assert_eq!(genuine["updated"], 1, "{genuine}");
    assert_eq!(app.get_json(&path, None).await["title"], "Genuine, amended");

    // A co-op's own entry: only it (or a steward) updates it.
    let manual = json!({"title": "Our own tender", "deadline": day(20)});
    let res = app
        .post_json("/api/v1/opportunities", &manual, Some(&other))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let entered: Value = res.json().await.unwrap();
    assert_eq!(entered["source"], "member");
    let own = entered["ocid"].as_str().unwrap();
    let path = format!("/api/v1/opportunities/{}", entered["id"].as_str().unwrap());
    let answer = answer_of(&app, &release(own, &day(0), "Hijacked", &day(-1)), &admin).await;
    assert_eq!(answer["kept"], 1, "{answer}");
    assert_eq!(app.get_json(&path, None).await["title"], "Our own tender");
    let later = (app.clock.now() + chrono::Duration::minutes(1)).to_rfc3339();
    let answer = answer_of(
        &app,
        &release(own, &later, "Our own tender, v2", &day(25)),
        &other,
    )
    .await;
    assert_eq!(answer["updated"], 1, "{answer}");
    assert_eq!(
        app.get_json(&path, None).await["title"],
        "Our own tender, v2"
    );

    // A co-op's import of a new process is its own; a steward's release of
    // it takes over (the publisher's feed is the network's).
    let theirs = "ocds-b5fd17-provenance-2";
    answer_of(
        &app,
        &release(theirs, &day(-1), "Imported by a co-op", &day(10)),
        &admin,
    )
    .await;
    let answer = answer_of(
        &app,
        &release(theirs, &day(0), "Hijacked", &day(-1)),
        &other,
    )
    .await;
    assert_eq!(answer["kept"], 1, "{answer}");
    let answer = answer_of(
        &app,
        &release(theirs, &day(0), "From the feed", &day(10)),
        &steward,
    )
    .await;
    assert_eq!(answer["updated"], 1, "{answer}");
    let id = answer["items"][0]["id"].as_str().unwrap();
    let tender = app
        .get_json(&format!("/api/v1/opportunities/{id}"), None)
        .await;
    assert_eq!(
        (tender["title"].as_str(), tender["source"].as_str()),
        (Some("From the feed"), Some("network"))
    );
}
