//! Partial updates with JSON Merge Patch (RFC 7396): absent keeps, `null`
//! clears, arrays replace, objects merge; checked like a `PUT`, under `If-Match`.

use coophub_testkit::{Backend, backend_tests};
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

use crate::coops::{approved_coop, coop};
use crate::helpers::{TestApp, assert_problem, pointers};

backend_tests!(
    a_coop_patch_changes_only_what_it_names,
    a_person_patch_keeps_skills_and_the_linked_account,
    a_case_study_patch_keeps_its_coops_and_skills,
);

const MERGE_PATCH: &str = "application/merge-patch+json";

/// Sends `patch` as `content_type`, with a token and optionally `If-Match`.
async fn patch(
    app: &TestApp,
    path: &str,
    patch: &Value,
    token: Option<&str>,
    if_match: Option<&str>,
) -> Response {
    let mut request = app
        .client
        .request(Method::PATCH, app.url(path))
        .header("Content-Type", MERGE_PATCH)
        .body(patch.to_string());
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(tag) = if_match {
        request = request.header("If-Match", tag);
    }
    request.send().await.unwrap()
}

fn slugs(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|s| s["slug"].as_str().unwrap())
        .collect()
}

async fn a_coop_patch_changes_only_what_it_names(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    let mut body = coop("patched");
    body["website"] = json!("https://patched.example.coop");
    app.post_json("/api/v1/coops", &body, Some(&owner)).await;
    let before: Value = approved_coop_after(&app, &owner, &admin).await;

    let path = "/api/v1/coops/patched";
    let res = patch(
        &app,
        path,
        &json!({"summary": "Now hosting too"}),
        Some(&owner),
        None,
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["etag"], "\"3\"");
    let after: Value = res.json().await.unwrap();
    assert_eq!(after["summary"], "Now hosting too");
    for kept in [
        "name",
        "website",
        "location",
        "legal_form",
        "technologies",
        "services",
        "clients",
    ] {
        assert_eq!(after[kept], before[kept], "{kept} is kept");
    }

    // null clears, arrays replace, nested objects merge; plain JSON reads the same.
    let change =
        json!({"website": null, "technologies": ["Rust"], "location": {"region": "Wales"}});
    let res = app
        .send(Method::PATCH, path, Some(&change), Some(&owner), None)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let after: Value = res.json().await.unwrap();
    assert_eq!(after["website"], Value::Null);
    assert_eq!(slugs(&after["technologies"]), ["rust"]);
    assert_eq!(after["location"]["region"], "Wales");
    assert_eq!(
        after["location"]["locality"], "Leeds",
        "the rest of the location is kept"
    );
    assert_eq!(after["summary"], "Now hosting too");

    // Checked like a PUT: every wrong field at its pointer, nothing written.
    let bad = json!({"legal_form": "partnership", "location": {"latitude": "north"}});
    let problem = assert_problem(
        patch(&app, path, &bad, Some(&owner), None).await,
        422,
        "invalid_body",
    )
    .await;
    assert_eq!(pointers(&problem), ["/legal_form", "/location/latitude"]);
    let bad = json!({"slug": "Not A Slug", "name": ""});
    assert_problem(
        patch(&app, path, &bad, Some(&owner), None).await,
        422,
        "validation_failed",
    )
    .await;

    // Under If-Match, a stale tag changes nothing.
    let res = patch(
        &app,
        path,
        &json!({"name": "Late"}),
        Some(&owner),
        Some("\"3\""),
    )
    .await;
    assert_eq!(res.headers()["etag"], "\"4\"");
    assert_problem(res, 412, "precondition_failed").await;
    let res = patch(
        &app,
        path,
        &json!({"name": "On time"}),
        Some(&owner),
        Some("\"4\""),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);

    // The same access rules as PUT.
    let res = patch(&app, path, &json!({"name": "Anon"}), None, None).await;
    assert_problem(res, 401, "unauthenticated").await;
    let other = app.user("eve@example.coop").await;
    let res = patch(&app, path, &json!({"name": "Eve's"}), Some(&other), None).await;
    assert_problem(res, 403, "forbidden").await;
    let current: Value = app.get(path, None).await.json().await.unwrap();
    assert_eq!(current["name"], "On time");
    assert_eq!(current["version"], 5);
}

/// Approves the co-op `patched` and answers it as its owner sees it.
async fn approved_coop_after(app: &TestApp, owner: &str, admin: &str) -> Value {
    let res = app
        .post_json(
            "/api/v1/coops/patched/membership",
            &json!({"action": "approve"}),
            Some(admin),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    app.get("/api/v1/coops/patched", Some(owner))
        .await
        .json()
        .await
        .unwrap()
}

async fn a_person_patch_keeps_skills_and_the_linked_account(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    let linked = app.user("grace@example.coop").await;
    approved_coop(&app, "people-coop", &owner, &admin).await;
    let person = json!({
        "name": "Grace",
        "headline": "Developer",
        "skills": [{"skill": "ReactJS", "level": 5, "interest": 4}, {"skill": "postgres", "level": 2, "interest": 5}],
        "days_per_week": 2.5,
        "available_from": "2027-01-04",
        "day_rate": 350,
        "visibility": "public",
        "linked_user_email": "grace@example.coop"
    });
    let res = app
        .post_json("/api/v1/coops/people-coop/people", &person, Some(&owner))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let created: Value = res.json().await.unwrap();
    let path = format!("/api/v1/people/{}", created["id"].as_str().unwrap());

    // The person edits one field of their own profile; the link stays.
    let res = patch(
        &app,
        &path,
        &json!({"headline": "Lead developer"}),
        Some(&linked),
        None,
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let after: Value = res.json().await.unwrap();
    assert_eq!(after["headline"], "Lead developer");
    assert_eq!(after["skills"], created["skills"], "skills are kept");
    assert_eq!(after["day_rate"], 350);
    let res = patch(
        &app,
        &path,
        &json!({"bio": "Likes maps"}),
        Some(&linked),
        None,
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK, "still linked");

    // null clears; an array replaces the whole list.
    let change =
        json!({"day_rate": null, "skills": [{"skill": "Rust", "level": 3, "interest": 5}]});
    let res = patch(&app, &path, &change, Some(&linked), None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let after: Value = res.json().await.unwrap();
    assert_eq!(after["day_rate"], Value::Null);
    assert_eq!(slugs(&after["skills"]), ["rust"]);

    // Changing who edits the profile stays for the co-op's admins.
    let unlink = json!({"linked_user_email": null});
    let res = patch(&app, &path, &unlink, Some(&linked), None).await;
    assert_problem(res, 403, "forbidden").await;
    let bad = json!({"skills": [{"skill": "Rust", "level": 9, "interest": 5}]});
    let problem = assert_problem(
        patch(&app, &path, &bad, Some(&owner), None).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/skills/0/level"]);
    let res = patch(&app, &path, &unlink, Some(&owner), None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = patch(&app, &path, &json!({"bio": "x"}), Some(&linked), None).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "no longer linked");
}

async fn a_case_study_patch_keeps_its_coops_and_skills(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "study-coop", &owner, &admin).await;
    let study = json!({"slug": "the-study", "title": "Original", "client": "A council",
                       "coops": ["study-coop"], "skills": ["Django", "UX"], "year": 2024});
    let res = app
        .post_json("/api/v1/case-studies", &study, Some(&owner))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let created: Value = res.json().await.unwrap();

    let path = "/api/v1/case-studies/the-study";
    let res = patch(
        &app,
        path,
        &json!({"title": "Renamed", "year": null}),
        Some(&owner),
        None,
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let after: Value = res.json().await.unwrap();
    assert_eq!(after["title"], "Renamed");
    assert_eq!(after["year"], Value::Null);
    assert_eq!(after["coops"], created["coops"]);
    assert_eq!(after["skills"], created["skills"]);
    assert_eq!(after["client"], "A council");
    let problem = assert_problem(
        patch(
            &app,
            path,
            &json!({"coops": ["no-such-coop"]}),
            Some(&owner),
            None,
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/coops/0"]);
}
