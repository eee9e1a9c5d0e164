//! Claims: an imported co-op has no admin until someone who speaks for it
//! asks and a steward agrees.

use chrono::Utc;
use coophub_domain::coop::{CoopDraft, CoopInput, Membership, MembershipOrigin, MembershipStatus};
use coophub_store::{PoolOptions, Store, coops};
use coophub_testkit::{Backend, backend_tests};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::coops::approved_coop;
use crate::helpers::{TestApp, assert_problem};

backend_tests!(
    a_claimed_coop_gets_its_admin_once_a_steward_agrees,
    claims_are_refused_where_they_do_not_belong,
    two_approvals_at_once_make_one_admin,
    an_import_leaves_unknowns_unknown_and_claimed_coops_to_their_admins,
);

/// Adds the co-op `slug` as an import does: an approved member with no admin.
pub async fn unclaimed_coop(app: &TestApp, slug: &str, website: &str) {
    let store = Store::connect(app.database_url(), PoolOptions::default()).unwrap();
    let input = CoopInput::parse(CoopDraft {
        slug: slug.into(),
        name: format!("The {slug}"),
        website: Some(website.into()),
        ..CoopDraft::default()
    })
    .unwrap();
    let membership = Membership {
        status: MembershipStatus::Approved,
        origin: Some(MembershipOrigin::Founding),
        fund_contribution: None,
        invited_at: None,
        member_since: None,
        changed_at: Utc::now(),
    };
    coops::insert(
        &mut store.conn().unwrap(),
        &input,
        &membership,
        None,
        Utc::now(),
    )
    .unwrap();
}

async fn claim(app: &TestApp, slug: &str, token: &str) -> reqwest::Response {
    let body = json!({"message": "I keep the books at this co-op"});
    app.post_json(&format!("/api/v1/coops/{slug}/claims"), &body, Some(token))
        .await
}

async fn decide(app: &TestApp, claim: &Value, approve: bool, token: &str) -> reqwest::Response {
    let path = format!("/api/v1/claims/{}/decision", claim["id"].as_str().unwrap());
    app.post_json(&path, &json!({"approve": approve}), Some(token))
        .await
}

async fn a_claimed_coop_gets_its_admin_once_a_steward_agrees(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let steward = app.network_admin("steward@example.coop").await;
    unclaimed_coop(&app, "webarchitects", "https://www.webarchitects.coop/").await;
    let chris = app.user("chris@webarchitects.coop").await;
    let patch = json!({"summary": "Green hosting"});
    let res = app
        .send(
            Method::PATCH,
            "/api/v1/coops/webarchitects",
            Some(&patch),
            Some(&chris),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "not an admin yet");

    let res = claim(&app, "webarchitects", &chris).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let made: Value = res.json().await.unwrap();
    assert_eq!(made["status"], "pending");
    assert_eq!(made["coop"]["slug"], "webarchitects");
    assert_eq!(made["email_at_website"], true);
    // The stewards hear of it and find it in their queue.
    let told = app.told(&steward, "claim.made").await;
    assert_eq!(
        told,
        ["Test Person asks to administer The webarchitects, from an address at its website"]
    );
    let queue = app
        .get_json("/api/v1/claims?status=pending", Some(&steward))
        .await;
    assert_eq!(queue["total"], 1, "{queue}");
    assert_eq!(
        queue["items"][0]["claimant"]["email"],
        "chris@webarchitects.coop"
    );
    assert_eq!(
        queue["items"][0]["message"],
        "I keep the books at this co-op"
    );

    let res = decide(&app, &made, true, &steward).await;
    assert_eq!(res.status(), StatusCode::OK);
    let decided: Value = res.json().await.unwrap();
    assert_eq!(decided["status"], "approved");
    assert!(decided["decided_at"].is_string());
    assert_eq!(
        app.told(&chris, "claim.decided").await,
        ["The stewards made you an admin of The webarchitects"]
    );
    let res = app
        .send(
            Method::PATCH,
            "/api/v1/coops/webarchitects",
            Some(&patch),
            Some(&chris),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK, "an admin now");
    let pending = app
        .get_json("/api/v1/claims?status=pending", Some(&steward))
        .await;
    assert_eq!(pending["total"], 0);
    // Decided is decided; and now the co-op has an admin to ask instead.
    assert_problem(
        decide(&app, &made, false, &steward).await,
        409,
        "claim_decided",
    )
    .await;
    let other = app.user("sam@example.coop").await;
    assert_problem(
        claim(&app, "webarchitects", &other).await,
        409,
        "coop_has_admins",
    )
    .await;
}

async fn claims_are_refused_where_they_do_not_belong(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let steward = app.network_admin("steward@example.coop").await;
    let owner = app.user("owner@example.coop").await;
    approved_coop(&app, "has-admins", &owner, &steward).await;
    unclaimed_coop(&app, "loose-coop", "https://loose.example").await;
    let sam = app.user("sam@elsewhere.example").await;

    assert_problem(
        claim(&app, "has-admins", &sam).await,
        409,
        "coop_has_admins",
    )
    .await;
    assert_problem(claim(&app, "no-such-coop", &sam).await, 404, "not_found").await;
    let anonymous = app
        .post_json(
            "/api/v1/coops/loose-coop/claims",
            &json!({"message": "hello"}),
            None,
        )
        .await;
    assert_problem(anonymous, 401, "unauthenticated").await;
    let empty = app
        .post_json(
            "/api/v1/coops/loose-coop/claims",
            &json!({"message": "   "}),
            Some(&sam),
        )
        .await;
    assert_problem(empty, 422, "validation_failed").await;

    let res = claim(&app, "loose-coop", &sam).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let made: Value = res.json().await.unwrap();
    assert_eq!(made["email_at_website"], false, "another domain");
    assert_problem(claim(&app, "loose-coop", &sam).await, 409, "conflict").await;
    // Only stewards see the queue and decide; a refusal makes nobody admin.
    assert_problem(
        app.get("/api/v1/claims", Some(&sam)).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(decide(&app, &made, true, &owner).await, 403, "forbidden").await;
    let res = decide(&app, &made, false, &steward).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        app.told(&sam, "claim.decided").await,
        ["The stewards did not make you an admin of The loose-coop"]
    );
    let all = app.get_json("/api/v1/claims", Some(&steward)).await;
    assert_eq!(all["items"][0]["status"], "refused", "{all}");
    let unknown = format!("/api/v1/claims/{}/decision", uuid::Uuid::new_v4());
    let res = app
        .post_json(&unknown, &json!({"approve": true}), Some(&steward))
        .await;
    assert_problem(res, 404, "not_found").await;
}

async fn two_approvals_at_once_make_one_admin(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let steward = app.network_admin("steward@example.coop").await;
    unclaimed_coop(&app, "contested", "https://contested.example").await;
    let mut claims = Vec::new();
    for email in ["ana@example.coop", "ben@example.coop"] {
        let token = app.user(email).await;
        let res = claim(&app, "contested", &token).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        claims.push(res.json::<Value>().await.unwrap());
    }
    let answers = futures_util::future::join_all(
        claims.iter().map(|made| decide(&app, made, true, &steward)),
    )
    .await;
    let mut statuses: Vec<u16> = answers.iter().map(|r| r.status().as_u16()).collect();
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409], "one claimant becomes the admin");
    let approved = app
        .get_json("/api/v1/claims?status=approved", Some(&steward))
        .await;
    assert_eq!(approved["total"], 1);
    let pending = app
        .get_json("/api/v1/claims?status=pending", Some(&steward))
        .await;
    assert_eq!(pending["total"], 1, "the other waits, to be refused");
}

/// `coophub import cotech` of the fixture slice of the directory, as the CLI runs it.
pub fn import_fixture(app: &TestApp) -> coophub_server::import::ImportSummary {
    let store = Store::connect(app.database_url(), PoolOptions::default()).unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/server/tests/fixtures/cotech");
    let hidden = indicatif::ProgressBar::hidden();
    coophub_server::import::import_cotech(&store, &dir, Utc::now(), &hidden).unwrap()
}

async fn an_import_leaves_unknowns_unknown_and_claimed_coops_to_their_admins(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let steward = app.network_admin("steward@example.coop").await;
    let first = import_fixture(&app);
    assert_eq!(first.coops.created, 8, "{:?}", first.coops);
    let autonomic = app.get_json("/api/v1/coops/autonomic", None).await;
    assert!(
        autonomic["happy_to_share_experience"].is_null(),
        "unknown, not no: {autonomic}"
    );
    assert!(autonomic["legal_form"].is_null());
    assert_eq!(autonomic["membership"]["member_since"], "2018-11-10");
    let latitude = autonomic["location"]["latitude"].as_f64().unwrap();
    assert!(
        (latitude - 52.48).abs() < 0.05,
        "the directory flags its coordinates (London, for a Birmingham address): \
         placed in Birmingham instead: {autonomic}"
    );
    let study = app
        .get_json("/api/v1/case-studies/fixture-study", None)
        .await;
    let skills: Vec<&str> = study["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["slug"].as_str().unwrap())
        .collect();
    assert_eq!(
        skills,
        ["hosting", "web-development", "user-research", "ux-design"],
        "a service category stands for its skills"
    );
    let sharing = app
        .get_json("/api/v1/coops?happy_to_share_experience=false", None)
        .await;
    assert_eq!(sharing["total"], 0, "nobody said no: {sharing}");

    // Claimed, the co-op is its admins': a new import leaves their changes.
    let ada = app.user("ada@outlandish.com").await;
    let res = claim(&app, "outlandish", &ada).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let made: Value = res.json().await.unwrap();
    assert_eq!(
        decide(&app, &made, true, &steward).await.status(),
        StatusCode::OK
    );
    let change = json!({"happy_to_share_experience": true,
                        "contact": {"email": "hello@outlandish.com"}});
    let res = app
        .send(
            Method::PATCH,
            "/api/v1/coops/outlandish",
            Some(&change),
            Some(&ada),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let again = import_fixture(&app);
    assert_eq!(
        (again.coops.unchanged, again.coops.kept),
        (7, 1),
        "{:?}",
        again.coops
    );
    assert!(
        again
            .warnings
            .iter()
            .any(|w| w.starts_with("outlandish: its admins keep")),
        "{:?}",
        again.warnings
    );
    let kept = app.get_json("/api/v1/coops/outlandish", Some(&ada)).await;
    assert_eq!(kept["happy_to_share_experience"], true);
    assert_eq!(kept["contact"]["email"], "hello@outlandish.com");
}
