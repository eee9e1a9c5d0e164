//! An account's own co-ops: listed in `/me` with the role and how the
//! membership stands, and in the directory's list for their users even
//! before the stewards approve them; the stewards' queue by status.

use coophub_testkit::{Backend, backend_tests};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::coop_lists::slugs;
use crate::coops::{approved_coop, coop};
use crate::helpers::TestApp;

backend_tests!(
    an_account_finds_its_own_coops_whatever_their_status,
    stewards_list_coops_by_membership_status,
    stewards_hear_of_applications_and_ended_memberships,
);

fn mine(me: &Value) -> Vec<(String, String, String)> {
    me["coops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|held| {
            let text = |v: &Value| v.as_str().unwrap().to_owned();
            (
                text(&held["coop"]["slug"]),
                text(&held["role"]),
                text(&held["membership"]),
            )
        })
        .collect()
}

async fn an_account_finds_its_own_coops_whatever_their_status(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let steward = app.network_admin("steward@example.coop").await;
    let ada = app.user("ada@example.coop").await;
    let me = app.get_json("/api/v1/me", Some(&ada)).await;
    assert_eq!(me["email"], "ada@example.coop", "the account as before");
    assert_eq!(me["coops"], json!([]));

    let res = app
        .post_json("/api/v1/coops", &coop("ada-coop"), Some(&ada))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let me = app.get_json("/api/v1/me", Some(&ada)).await;
    assert_eq!(
        mine(&me),
        [("ada-coop".into(), "admin".into(), "applied".into())]
    );
    // Its own users find it in the list while it waits; nobody else does.
    assert_eq!(
        slugs(&app.get_json("/api/v1/coops", Some(&ada)).await),
        ["ada-coop"]
    );
    let sam = app.user("sam@example.coop").await;
    for token in [None, Some(sam.as_str())] {
        let list = app.get_json("/api/v1/coops", token).await;
        assert_eq!(list["total"], 0, "{list}");
    }

    let res = app
        .post_json(
            "/api/v1/coops/ada-coop/membership",
            &json!({"action": "approve"}),
            Some(&steward),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let grace = app.user("grace@example.coop").await;
    let res = app
        .send(
            Method::PUT,
            "/api/v1/coops/ada-coop/users",
            Some(&json!({"email": "grace@example.coop", "role": "member"})),
            Some(&ada),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let me = app.get_json("/api/v1/me", Some(&ada)).await;
    assert_eq!(
        mine(&me),
        [("ada-coop".into(), "admin".into(), "approved".into())]
    );
    let me = app.get_json("/api/v1/me", Some(&grace)).await;
    assert_eq!(
        mine(&me),
        [("ada-coop".into(), "member".into(), "approved".into())]
    );
}

async fn stewards_list_coops_by_membership_status(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let steward = app.network_admin("steward@example.coop").await;
    let ada = app.user("ada@example.coop").await;
    let decide = |slug: &'static str, action: &'static str| {
        let (app, steward) = (&app, &steward);
        async move {
            let path = format!("/api/v1/coops/{slug}/membership");
            let res = app
                .post_json(&path, &json!({"action": action}), Some(steward))
                .await;
            assert_eq!(res.status(), StatusCode::OK, "{slug} {action}");
        }
    };
    for slug in [
        "applying",
        "old-invite",
        "new-invite",
        "member",
        "gone",
        "left",
    ] {
        let res = app
            .post_json("/api/v1/coops", &coop(slug), Some(&ada))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    decide("old-invite", "invite").await;
    for slug in ["member", "gone", "left"] {
        decide(slug, "approve").await;
    }
    decide("gone", "remove").await;
    decide("left", "lapse").await;
    app.clock.advance(chrono::Duration::days(61));
    decide("new-invite", "invite").await;

    let queue = |status: &'static str| {
        let (app, steward) = (&app, &steward);
        async move {
            let list = app
                .get_json(&format!("/api/v1/coops?status={status}"), Some(steward))
                .await;
            slugs(&list)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(queue("applied").await, ["applying"]);
    assert_eq!(queue("invited").await, ["new-invite"]);
    assert_eq!(queue("approved").await, ["member"]);
    assert_eq!(
        queue("lapsed").await,
        ["left", "old-invite"],
        "an invitation past its time too"
    );
    assert_eq!(queue("removed").await, ["gone"]);
    // Outsiders filter what they may see: approved members only.
    let sam = app.user("sam@example.coop").await;
    let list = app
        .get_json("/api/v1/coops?status=applied", Some(&sam))
        .await;
    assert_eq!(list["total"], 0, "{list}");
}

async fn stewards_hear_of_applications_and_ended_memberships(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let steward = app.network_admin("steward@example.coop").await;
    let member = app.user("mo@member.coop").await;
    approved_coop(&app, "member-coop", &member, &steward).await;
    let ada = app.user("ada@example.coop").await;
    let res = app
        .post_json("/api/v1/coops", &coop("applicant"), Some(&ada))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let applied = app.told(&steward, "membership.applied").await;
    assert_eq!(applied.len(), 2, "member-coop applied too: {applied:?}");
    assert!(
        applied[0].ends_with("asks to join the network"),
        "{applied:?}"
    );
    for token in [&member, &ada] {
        assert!(app.told(token, "membership.applied").await.is_empty());
    }

    // The network records the member's membership ended: its admins and the
    // stewards hear of it, and the co-op says when and why.
    let res = app
        .post_json(
            "/api/v1/coops/member-coop/membership",
            &json!({"action": "lapse"}),
            Some(&steward),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let coop: Value = res.json().await.unwrap();
    assert_eq!(coop["membership"]["lapse_reason"], "ended");
    assert_eq!(
        coop["membership"]["lapsed_at"],
        coop["membership"]["changed_at"]
    );
    let ended = app.told(&member, "membership.lapsed").await;
    assert_eq!(ended.len(), 1, "{ended:?}");
    assert!(ended[0].contains("recorded as ended"), "{ended:?}");
    assert!(app.told(&ada, "membership.lapsed").await.is_empty());
    let fresh = app.get_json("/api/v1/coops/applicant", Some(&ada)).await;
    assert!(fresh["membership"]["lapse_reason"].is_null(), "{fresh}");
}
