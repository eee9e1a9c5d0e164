//! Reaching people: a co-op's contact as its visibility says, a person's
//! for the network only, and enquiries that reach a co-op's admins with the
//! address to reply to, limited per sender.

use coophub_testkit::{Backend, backend_tests};
use futures_util::future::join_all;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::claims::unclaimed_coop;
use crate::coops::{approved_coop, coop};
use crate::helpers::{TestApp, assert_problem, pointers};

backend_tests!(
    contact_details_show_as_their_visibility_says,
    enquiries_reach_the_admins_with_the_address_to_reply_to,
    enquiries_are_limited_per_sender_even_all_at_once,
);

/// A word in every private contact detail.
const MARKER: &str = "Wombatcontact";

/// The steward, Ada (admin of the approved `reachable`), Mo (admin of the
/// approved `member-coop`) and Nia (admin of the applied `applicant`).
struct Reach {
    app: TestApp,
    steward: String,
    ada: String,
    mo: String,
    nia: String,
}

async fn reach(backend: Backend) -> Reach {
    let app = TestApp::spawn(backend).await;
    let steward = app.network_admin("steward@example.coop").await;
    let ada = app.user("ada@reachable.coop").await;
    let mo = app.user("mo@member.coop").await;
    let nia = app.user("nia@applicant.coop").await;
    approved_coop(&app, "reachable", &ada, &steward).await;
    approved_coop(&app, "member-coop", &mo, &steward).await;
    let res = app
        .post_json("/api/v1/coops", &coop("applicant"), Some(&nia))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    Reach {
        app,
        steward,
        ada,
        mo,
        nia,
    }
}

async fn patch(app: &TestApp, path: &str, body: Value, token: &str) -> Value {
    let res = app
        .send(Method::PATCH, path, Some(&body), Some(token), None)
        .await;
    assert_eq!(res.status(), StatusCode::OK, "{:?}", res.text().await);
    res.json().await.unwrap()
}

async fn contact_details_show_as_their_visibility_says(backend: Backend) {
    let net = reach(backend).await;
    let app = &net.app;
    let contact = json!({"contact": {"email": " Hello@Reachable.coop ", "phone": "+44 113 496 0000",
                                     "url": format!("https://reachable.coop/{MARKER}")}});
    let saved = patch(app, "/api/v1/coops/reachable", contact, &net.ada).await;
    assert_eq!(saved["contact_visibility"], "network", "network by default");
    assert_eq!(saved["contact"]["email"], "hello@reachable.coop");
    let person = json!({"name": "Pia", "visibility": "public",
                        "contact": {"url": format!("https://reachable.coop/{MARKER}/pia")}});
    let res = app
        .post_json("/api/v1/coops/reachable/people", &person, Some(&net.ada))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let pia: Value = res.json().await.unwrap();
    let pia = format!("/api/v1/people/{}", pia["id"].as_str().unwrap());

    // Outsiders (anonymous, an applicant co-op's admin) see neither, on any
    // channel; members of the network and the co-op's own people see both.
    let channels = [
        "/api/v1/coops/reachable",
        "/api/v1/coops?per_page=100",
        "/api/v1/coops/reachable/people",
        pia.as_str(),
        "/api/v1/coops/reachable/murmurations",
        "/api/v1/search?q=wombatcontact",
        "/api/v1/search?q=reachable",
        "/api/v1/search/suggest?q=wombat",
    ];
    for token in [None, Some(net.nia.as_str())] {
        for path in channels {
            let text = app.get(path, token).await.text().await.unwrap();
            assert!(!text.contains(MARKER), "{path} as {token:?}: {text}");
        }
        let seen = app.get_json("/api/v1/coops/reachable", token).await;
        assert!(seen["contact"].is_null(), "{seen}");
        assert_eq!(seen["contact_visibility"], "network");
    }
    for token in [&net.mo, &net.ada, &net.steward] {
        let seen = app.get_json("/api/v1/coops/reachable", Some(token)).await;
        assert_eq!(seen["contact"]["phone"], "+44 113 496 0000", "{seen}");
        let person = app.get_json(&pia, Some(token)).await;
        assert!(person["contact"]["url"].as_str().unwrap().contains(MARKER));
    }
    let profile = app
        .get_json("/api/v1/coops/reachable/murmurations", None)
        .await;
    assert_eq!(
        profile["urls"][0]["url"].as_str().unwrap(),
        app.url("/api/v1/coops/reachable"),
        "aggregators are pointed at the page, never at an address"
    );

    // Made public, the co-op's contact shows to everyone; Pia's stays the network's.
    let public = json!({"contact_visibility": "public"});
    patch(app, "/api/v1/coops/reachable", public, &net.ada).await;
    let seen = app.get_json("/api/v1/coops/reachable", None).await;
    assert_eq!(seen["contact"]["email"], "hello@reachable.coop");
    assert!(app.get_json(&pia, None).await.get("contact").is_none());

    // Every wrong part at once; a part may be left out, not sent blank.
    let wrong = json!({"contact": {"email": "hello at reachable", "phone": "ring us",
                                   "url": "ftp://reachable.coop"}});
    let res = app
        .send(
            Method::PATCH,
            "/api/v1/coops/reachable",
            Some(&wrong),
            Some(&net.ada),
            None,
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(
        pointers(&problem),
        ["/contact/email", "/contact/phone", "/contact/url"]
    );
}

async fn enquire(app: &TestApp, slug: &str, subject: &str, token: &str) -> reqwest::Response {
    let body = json!({"subject": subject, "message": "Could you host our site?\nThanks, Mo"});
    app.post_json(
        &format!("/api/v1/coops/{slug}/enquiries"),
        &body,
        Some(token),
    )
    .await
}

async fn enquiries_reach_the_admins_with_the_address_to_reply_to(backend: Backend) {
    let net = reach(backend).await;
    let app = &net.app;
    let res = enquire(app, "reachable", "Hosting", &net.mo).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let sent: Value = res.json().await.unwrap();
    assert_eq!(sent["from"]["email"], "mo@member.coop");
    let told = app.told(&net.ada, "enquiry.received").await;
    assert_eq!(told.len(), 1, "{told:?}");
    assert!(
        told[0].contains("<mo@member.coop>") && told[0].contains("Hosting"),
        "the name and the address to reply to: {told:?}"
    );
    for token in [&net.mo, &net.steward, &net.nia] {
        assert!(app.told(token, "enquiry.received").await.is_empty());
    }
    let list = app
        .get_json("/api/v1/coops/reachable/enquiries", Some(&net.ada))
        .await;
    assert_eq!(list["total"], 1);
    assert_eq!(
        list["items"][0]["message"],
        "Could you host our site?\nThanks, Mo"
    );
    assert_eq!(list["items"][0]["from"]["email"], "mo@member.coop");
    for token in [&net.mo, &net.steward] {
        let res = app
            .get("/api/v1/coops/reachable/enquiries", Some(token))
            .await;
        assert_problem(res, 403, "forbidden").await;
    }

    // Never to a co-op the sender may not see, nor to one nobody runs yet.
    let res = enquire(app, "applicant", "Hello", &net.ada).await;
    assert_eq!(
        res.status(),
        StatusCode::CREATED,
        "the network sees applicants"
    );
    let outsider = app.user("olive@outside.org").await;
    assert_problem(
        enquire(app, "applicant", "Hello", &outsider).await,
        404,
        "not_found",
    )
    .await;
    assert!(app.told(&net.nia, "enquiry.received").await.len() == 1);
    unclaimed_coop(app, "imported", "https://imported.coop").await;
    let problem = assert_problem(
        enquire(app, "imported", "Hello", &net.mo).await,
        409,
        "coop_unclaimed",
    )
    .await;
    assert!(
        problem["detail"].as_str().unwrap().contains("claim"),
        "{problem}"
    );
    let res = app
        .post_json(
            "/api/v1/coops/reachable/enquiries",
            &json!({"subject": " ", "message": ""}),
            Some(&net.mo),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/subject", "/message"]);
    let res = app
        .post_json(
            "/api/v1/coops/reachable/enquiries",
            &json!({"subject": "Hi", "message": "Hi"}),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

async fn enquiries_are_limited_per_sender_even_all_at_once(backend: Backend) {
    let net = reach(backend).await;
    let app = &net.app;
    for n in 0..8 {
        let res = enquire(app, "reachable", &format!("Question {n}"), &net.mo).await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    // Two left for today: of six sent at once, two go.
    let subjects: Vec<String> = (0..6).map(|n| format!("Burst {n}")).collect();
    let sends = subjects
        .iter()
        .map(|subject| enquire(app, "reachable", subject, &net.mo));
    let mut statuses: Vec<u16> = join_all(sends)
        .await
        .into_iter()
        .map(|res| res.status().as_u16())
        .collect();
    statuses.sort_unstable();
    assert_eq!(statuses, [201, 201, 429, 429, 429, 429]);
    let res = enquire(app, "member-coop", "Elsewhere", &net.mo).await;
    assert!(res.headers().get("retry-after").is_some());
    let problem = assert_problem(res, 429, "rate_limited").await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("10 enquiries a day"),
        "the limit is said: {problem}"
    );
    // Others are not held back, and a day later Mo may write again.
    assert_eq!(
        enquire(app, "reachable", "Mine", &net.nia).await.status(),
        StatusCode::CREATED
    );
    app.clock.advance(chrono::Duration::hours(24));
    assert_eq!(
        enquire(app, "reachable", "Tomorrow", &net.mo)
            .await
            .status(),
        StatusCode::CREATED
    );
    let list = app
        .get_json("/api/v1/coops/reachable/enquiries", Some(&net.ada))
        .await;
    assert_eq!(list["total"], 12);
}
