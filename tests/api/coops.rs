//! Co-ops: create, read, update under ETags, delete, membership, visibility,
//! authorisation and lists.

use coophub_testkit::{Backend, backend_tests};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_problem, pointers};

backend_tests!(
    a_creator_becomes_admin_and_skills_are_normalised,
    outsiders_see_approved_coops_only,
    a_stale_if_match_changes_nothing,
    an_invitation_lapses_after_sixty_days,
    invalid_coops_are_refused_with_pointers,
    the_fund_contribution_is_for_stewards_and_the_coop_only,
);

pub fn coop(slug: &str) -> Value {
    json!({
        "slug": slug,
        "name": format!("Co-op {slug}"),
        "summary": "A worker co-op",
        "location": {"locality": "Leeds", "region": "Yorkshire and the Humber", "country": "gb",
                     "latitude": 53.8, "longitude": -1.55},
        "legal_form": "cooperative_society",
        "organisational_structure": "worker_coop",
        "technologies": ["JS", "postgres", "django-3", "Django", "ReactJS"],
        "services": ["web apps", "UX"],
        "clients": ["A council"],
        "happy_to_share_experience": true
    })
}

/// Creates `slug` as `token`'s user and approves it as `admin`; answers the co-op.
pub async fn approved_coop(app: &TestApp, slug: &str, token: &str, admin: &str) -> Value {
    approved(app, &coop(slug), token, admin).await
}

/// Creates the co-op `body` as `token`'s user and approves it as `admin`.
pub async fn approved(app: &TestApp, body: &Value, token: &str, admin: &str) -> Value {
    let slug = body["slug"].as_str().unwrap();
    let res = app.post_json("/api/v1/coops", body, Some(token)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let res = app
        .post_json(
            &format!("/api/v1/coops/{slug}/membership"),
            &json!({"action": "approve"}),
            Some(admin),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

fn slugs(skills: &Value) -> Vec<&str> {
    skills
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["slug"].as_str().unwrap())
        .collect()
}

async fn a_creator_becomes_admin_and_skills_are_normalised(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let token = app.user("ada@example.coop").await;
    let res = app
        .post_json("/api/v1/coops", &coop("leeds-web"), Some(&token))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(res.headers()["location"], "/api/v1/coops/leeds-web");
    assert_eq!(res.headers()["etag"], "\"1\"");
    let created: Value = res.json().await.unwrap();
    assert_eq!(
        slugs(&created["technologies"]),
        ["javascript", "postgresql", "django", "react"]
    );
    assert_eq!(
        slugs(&created["services"]),
        ["web-development", "ux-design"]
    );
    assert_eq!(created["location"]["country"], "GB");
    assert_eq!(created["membership"]["status"], "applied");

    // The creator administers it: they may edit it.
    let mut changed = coop("leeds-web");
    changed["name"] = json!("Leeds Web Co-op");
    let res = app
        .send(
            Method::PUT,
            "/api/v1/coops/leeds-web",
            Some(&changed),
            Some(&token),
            Some("\"1\""),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["etag"], "\"2\"");

    let res = app
        .post_json("/api/v1/coops", &coop("leeds-web"), Some(&token))
        .await;
    let problem = assert_problem(res, 409, "slug_taken").await;
    assert_eq!(problem["conflicts"][0]["pointer"], "/slug", "{problem}");
    assert!(
        problem["conflicts"][0]["message"]
            .as_str()
            .unwrap()
            .contains("co-op")
    );
}

async fn outsiders_see_approved_coops_only(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let founder = app.user("ada@example.coop").await;
    let outsider = app.user("eve@example.coop").await;
    let res = app
        .post_json("/api/v1/coops", &coop("new-coop"), Some(&founder))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);

    for token in [None, Some(outsider.as_str())] {
        assert_problem(
            app.get("/api/v1/coops/new-coop", token).await,
            404,
            "not_found",
        )
        .await;
        let list: Value = app.get("/api/v1/coops", token).await.json().await.unwrap();
        assert_eq!(list["total"], 0, "{list}");
    }
    assert_eq!(
        app.get("/api/v1/coops/new-coop", Some(&founder))
            .await
            .status(),
        StatusCode::OK
    );
    let list: Value = app
        .get("/api/v1/coops", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 1);

    let res = app
        .post_json(
            "/api/v1/coops/new-coop/membership",
            &json!({"action": "approve", "founding": true}),
            Some(&admin),
        )
        .await;
    let approved: Value = res.json().await.unwrap();
    assert_eq!(approved["membership"]["status"], "approved");
    assert_eq!(approved["membership"]["origin"], "founding");
    assert_eq!(
        app.get("/api/v1/coops/new-coop", None).await.status(),
        StatusCode::OK
    );
    let list: Value = app.get("/api/v1/coops", None).await.json().await.unwrap();
    assert_eq!(list["total"], 1);
}

async fn a_stale_if_match_changes_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let token = app.user("ada@example.coop").await;
    app.post_json("/api/v1/coops", &coop("etag-coop"), Some(&token))
        .await;
    let res = app.get("/api/v1/coops/etag-coop", Some(&token)).await;
    let tag = res.headers()["etag"].to_str().unwrap().to_owned();

    let mut first = coop("etag-coop");
    first["name"] = json!("First writer");
    let res = app
        .send(
            Method::PUT,
            "/api/v1/coops/etag-coop",
            Some(&first),
            Some(&token),
            Some(&tag),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);

    let mut second = coop("etag-coop");
    second["name"] = json!("Second writer");
    let res = app
        .send(
            Method::PUT,
            "/api/v1/coops/etag-coop",
            Some(&second),
            Some(&token),
            Some(&tag),
        )
        .await;
    assert_eq!(
        res.headers()["etag"],
        "\"2\"",
        "the 412 names the current version"
    );
    let problem = assert_problem(res, 412, "precondition_failed").await;
    assert_eq!(problem["current_etag"], "\"2\"", "and so does its body");
    let res = app
        .send(
            Method::DELETE,
            "/api/v1/coops/etag-coop",
            None,
            Some(&token),
            Some(&tag),
        )
        .await;
    assert_problem(res, 412, "precondition_failed").await;
    // A header that is no entity tag of ours cannot match; the 412 then
    // carries no made-up ETag.
    for garbage in ["garbage", "\"seven\"", "W/\"2\""] {
        let res = app
            .send(
                Method::PUT,
                "/api/v1/coops/etag-coop",
                Some(&second),
                Some(&token),
                Some(garbage),
            )
            .await;
        assert!(res.headers().get("etag").is_none(), "{garbage}");
        let problem = assert_problem(res, 412, "precondition_failed").await;
        assert!(problem.get("current_etag").is_none(), "{problem}");
        assert!(problem["detail"].as_str().unwrap().contains("If-Match"));
    }
    // Who asks is checked before the version: an anonymous change with a
    // malformed If-Match is 401, never 412.
    let res = app
        .send(
            Method::PUT,
            "/api/v1/coops/etag-coop",
            Some(&second),
            None,
            Some("garbage"),
        )
        .await;
    assert_problem(res, 401, "unauthenticated").await;

    let current: Value = app
        .get("/api/v1/coops/etag-coop", Some(&token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(current["name"], "First writer");
    assert_eq!(current["version"], 2);

    // A list matches when any of its tags is current (the outside test:
    // `"0", "2"` was refused although `"2"` was current).
    let mut third = coop("etag-coop");
    third["name"] = json!("Third writer");
    let res = app
        .send(
            Method::PUT,
            "/api/v1/coops/etag-coop",
            Some(&third),
            Some(&token),
            Some("\"0\", W/\"9\", \"2\""),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["etag"], "\"3\"");
    let res = app
        .send(
            Method::PUT,
            "/api/v1/coops/etag-coop",
            Some(&third),
            Some(&token),
            Some("\"1\", \"2\""),
        )
        .await;
    let problem = assert_problem(res, 412, "precondition_failed").await;
    assert_eq!(problem["current_etag"], "\"3\"");
}

async fn an_invitation_lapses_after_sixty_days(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    for slug in ["slow-coop", "quick-coop"] {
        app.post_json("/api/v1/coops", &coop(slug), Some(&owner))
            .await;
        let res = app
            .post_json(
                &format!("/api/v1/coops/{slug}/membership"),
                &json!({"action": "invite"}),
                Some(&admin),
            )
            .await;
        let invited: Value = res.json().await.unwrap();
        assert_eq!(invited["membership"]["status"], "invited");
        assert!(invited["membership"]["invitation_expires_at"].is_string());
    }
    app.clock.advance(chrono::Duration::days(59));
    let accept = json!({"action": "accept"});
    let res = app
        .post_json("/api/v1/coops/quick-coop/membership", &accept, Some(&owner))
        .await;
    let accepted: Value = res.json().await.unwrap();
    assert_eq!(accepted["membership"]["status"], "approved");
    assert_eq!(accepted["membership"]["origin"], "approved");

    app.clock.advance(chrono::Duration::days(2));
    let slow: Value = app
        .get("/api/v1/coops/slow-coop", Some(&owner))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(slow["membership"]["status"], "lapsed");
    let res = app
        .post_json("/api/v1/coops/slow-coop/membership", &accept, Some(&owner))
        .await;
    let problem = assert_problem(res, 409, "invalid_transition").await;
    assert!(
        problem["detail"].as_str().unwrap().contains("lapsed"),
        "{problem}"
    );
}

async fn invalid_coops_are_refused_with_pointers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let token = app.user("ada@example.coop").await;
    let mut bad = coop("Bad Slug");
    bad["location"]["country"] = json!("UK");
    bad["technologies"] = json!(["rust", "!!!"]);
    bad["website"] = json!("not a url");
    let res = app.post_json("/api/v1/coops", &bad, Some(&token)).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(
        pointers(&problem),
        ["/slug", "/website", "/location/country", "/technologies/1"]
    );

    let mut unknown_field = coop("fine-slug");
    unknown_field["colour"] = json!("red");
    let res = app
        .post_json("/api/v1/coops", &unknown_field, Some(&token))
        .await;
    assert_problem(res, 422, "invalid_body").await;
    let mut bad_enum = coop("fine-slug");
    bad_enum["legal_form"] = json!("partnership");
    let res = app
        .post_json("/api/v1/coops", &bad_enum, Some(&token))
        .await;
    let problem = assert_problem(res, 422, "invalid_body").await;
    assert_eq!(pointers(&problem), ["/legal_form"]);
}

async fn the_fund_contribution_is_for_stewards_and_the_coop_only(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    let outsider = app.user("eve@example.coop").await;
    let other_member = app.user("oz@other.coop").await;
    approved_coop(&app, "fund-coop", &owner, &admin).await;
    approved_coop(&app, "other-coop", &other_member, &admin).await;
    let fund = json!({"action": "set_fund_contribution", "fund_contribution": "non_paying"});
    app.post_json("/api/v1/coops/fund-coop/membership", &fund, Some(&admin))
        .await;

    let member: Value = app
        .get("/api/v1/coops/fund-coop", Some(&owner))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(member["membership"]["fund_contribution"], "non_paying");
    // Another member co-op never learns who does not give.
    for token in [None, Some(outsider.as_str()), Some(other_member.as_str())] {
        let seen: Value = app
            .get("/api/v1/coops/fund-coop", token)
            .await
            .json()
            .await
            .unwrap();
        assert!(
            seen["membership"].get("fund_contribution").is_none(),
            "{seen}"
        );
    }
}
