//! Private stays private in what is derived from many records (issue 9,
//! finding 4): tombstones, the skills vocabulary, its autocomplete and a
//! skill's page follow the visibility of the records they come from. Marker
//! words held only by hidden records are looked for in every channel.

use std::num::NonZeroU32;

use coophub_testkit::{Backend, backend_tests};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::coops::{approved_coop, coop};
use crate::helpers::{PASSWORD, TestApp, assert_problem};

backend_tests!(
    tombstones_of_never_approved_coops_stay_within_the_network,
    outsiders_hear_when_a_member_is_no_longer_listed,
    skills_held_only_by_hidden_records_are_not_in_the_vocabulary,
    one_address_opens_only_so_many_accounts,
);

async fn sync(app: &TestApp, since: &str, token: Option<&str>) -> Vec<String> {
    let path = format!("/api/v1/coops?updated_since={}", since.replace('+', "%2B"));
    let res = app.get(&path, token).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    body["deleted"]
        .as_array()
        .unwrap()
        .iter()
        .map(|record| record["slug"].as_str().unwrap().to_owned())
        .collect()
}

async fn delete(app: &TestApp, path: &str, token: &str) {
    let res = app
        .send(Method::DELETE, path, None, Some(token), None)
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT, "{path}");
}

async fn tombstones_of_never_approved_coops_stay_within_the_network(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "member-coop", &owner, &admin).await;
    let applicant = app.user("grace@example.coop").await;
    let res = app
        .post_json("/api/v1/coops", &coop("quietmarker-coop"), Some(&applicant))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    approved_coop(&app, "leaving-coop", &owner, &admin).await;

    app.clock.advance(chrono::Duration::minutes(1));
    let since = app.clock_now_rfc3339();
    app.clock.advance(chrono::Duration::minutes(1));
    delete(&app, "/api/v1/coops/quietmarker-coop", &applicant).await;
    app.clock.advance(chrono::Duration::seconds(1));
    delete(&app, "/api/v1/coops/leaving-coop", &owner).await;

    assert_eq!(sync(&app, &since, None).await, ["leaving-coop"]);
    assert_eq!(sync(&app, &since, Some(&applicant)).await, ["leaving-coop"]);
    assert_eq!(
        sync(&app, &since, Some(&owner)).await,
        ["quietmarker-coop", "leaving-coop"],
        "network members sync every co-op they could see"
    );
}

async fn membership(app: &TestApp, slug: &str, action: &str, admin: &str) {
    let path = format!("/api/v1/coops/{slug}/membership");
    let res = app
        .post_json(&path, &json!({"action": action}), Some(admin))
        .await;
    assert_eq!(res.status(), StatusCode::OK, "{action}");
}

async fn outsiders_hear_when_a_member_is_no_longer_listed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "lapsing-coop", &owner, &admin).await;
    approved_coop(&app, "staying-coop", &owner, &admin).await;
    app.clock.advance(chrono::Duration::minutes(1));
    let since = app.clock_now_rfc3339();
    app.clock.advance(chrono::Duration::minutes(1));
    membership(&app, "lapsing-coop", "lapse", &admin).await;
    assert_eq!(sync(&app, &since, None).await, ["lapsing-coop"]);
    assert!(
        sync(&app, &since, Some(&owner)).await.is_empty(),
        "the network still sees it, as lapsed"
    );
    // Approved again, it is listed again and no longer reported gone.
    membership(&app, "lapsing-coop", "approve", &admin).await;
    assert!(sync(&app, &since, None).await.is_empty());
}

/// The skill slugs an answer lists under `pointer` (an array of skills).
fn skill_slugs(body: &Value, pointer: &str) -> Vec<String> {
    body.pointer(pointer)
        .and_then(Value::as_array)
        .unwrap_or(&Vec::new())
        .iter()
        .map(|skill| skill["slug"].as_str().unwrap().to_owned())
        .collect()
}

/// Where each marker skill shows for `token`: autocomplete, suggest, its page, stats.
async fn vocabulary_seen_by(app: &TestApp, token: Option<&str>) -> Vec<(&'static str, bool)> {
    let mut seen = Vec::new();
    for marker in ["zyxquiet", "qqapplied"] {
        let list: Value = app
            .get(&format!("/api/v1/skills?q={marker}"), token)
            .await
            .json()
            .await
            .unwrap();
        let suggest: Value = app
            .get(&format!("/api/v1/search/suggest?q={marker}"), token)
            .await
            .json()
            .await
            .unwrap();
        let page = app.get(&format!("/api/v1/skills/{marker}"), token).await;
        let in_list = skill_slugs(&list, "/items").contains(&marker.to_owned());
        let in_suggest = skill_slugs(&suggest, "/skills").contains(&marker.to_owned());
        let has_page = page.status() == StatusCode::OK;
        assert!(
            in_list == in_suggest && in_list == has_page,
            "{marker}: list {in_list}, suggest {in_suggest}, page {has_page}"
        );
        if !has_page {
            assert_problem(page, 404, "not_found").await;
        }
        seen.push((marker, in_list));
    }
    seen
}

async fn skills_held_only_by_hidden_records_are_not_in_the_vocabulary(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "member-coop", &owner, &admin).await;
    // A network-only person of an approved co-op holds one marker…
    let person = json!({
        "name": "Quiet Person",
        "headline": "Developer",
        "skills": [{"skill": "Zyxquiet", "level": 4, "interest": 4}],
        "visibility": "network"
    });
    let res = app
        .post_json("/api/v1/coops/member-coop/people", &person, Some(&owner))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    // …a co-op that only applied lists the other.
    let stranger = app.user("mallory@example.coop").await;
    let mut applied = coop("applied-coop");
    applied["technologies"] = json!(["Qqapplied"]);
    let res = app
        .post_json("/api/v1/coops", &applied, Some(&stranger))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);

    let stats_before: Value = app.get("/api/v1/stats", None).await.json().await.unwrap();
    assert_eq!(
        vocabulary_seen_by(&app, None).await,
        [("zyxquiet", false), ("qqapplied", false)]
    );
    assert_eq!(
        vocabulary_seen_by(&app, Some(&stranger)).await,
        [("zyxquiet", false), ("qqapplied", false)]
    );
    assert_eq!(
        vocabulary_seen_by(&app, Some(&owner)).await,
        [("zyxquiet", true), ("qqapplied", false)]
    );
    assert_eq!(
        vocabulary_seen_by(&app, Some(&admin)).await,
        [("zyxquiet", true), ("qqapplied", true)],
        "network admins curate every skill"
    );
    // Built-in skills are known to everyone, used or not.
    let built_in: Value = app
        .get("/api/v1/skills?q=haskell", None)
        .await
        .json()
        .await
        .unwrap();
    assert!(
        skill_slugs(&built_in, "/items").contains(&"haskell".to_owned()),
        "{built_in}"
    );

    // Once the person is public, outsiders may learn of the skill.
    let people: Value = app
        .get("/api/v1/coops/member-coop/people", Some(&owner))
        .await
        .json()
        .await
        .unwrap();
    let id = people["items"][0]["id"].as_str().unwrap().to_owned();
    let res = app
        .send(
            Method::PATCH,
            &format!("/api/v1/people/{id}"),
            Some(&json!({"visibility": "public"})),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        vocabulary_seen_by(&app, None).await,
        [("zyxquiet", true), ("qqapplied", false)]
    );
    let stats_after: Value = app.get("/api/v1/stats", None).await.json().await.unwrap();
    assert_eq!(
        stats_after["skills"].as_i64().unwrap(),
        stats_before["skills"].as_i64().unwrap() + 1,
        "{stats_before} {stats_after}"
    );
}

async fn one_address_opens_only_so_many_accounts(backend: Backend) {
    let app = TestApp::spawn_with(backend, |settings| {
        settings.registrations_per_address = NonZeroU32::new(3).unwrap();
    })
    .await;
    let mut statuses = Vec::new();
    for n in 0..5 {
        let body =
            json!({"email": format!("n{n}@example.coop"), "password": PASSWORD, "name": "N"});
        let res = app.post_json("/api/v1/auth/register", &body, None).await;
        statuses.push(res.status().as_u16());
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            assert!(res.headers().contains_key("retry-after"));
            assert_problem(res, 429, "rate_limited").await;
        }
    }
    assert_eq!(statuses, [201, 201, 201, 429, 429]);
    let elsewhere = reqwest::Client::builder()
        .local_address(std::net::IpAddr::from([127, 0, 0, 3]))
        .build()
        .unwrap();
    let body = json!({"email": "other@example.coop", "password": PASSWORD, "name": "O"});
    let res = elsewhere
        .post(app.url("/api/v1/auth/register"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::CREATED,
        "other addresses still sign up"
    );
}
