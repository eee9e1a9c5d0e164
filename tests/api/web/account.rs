//! The stewards' page and a visitor's own page: a claim and an application
//! decided with the page's token, the fund's runway drawn; a profile's
//! availability confirmed in one click, the inbox read, a calendar link
//! made, and a password changed, ending every other session.

use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::json;

use super::{page, pair, post_form, set_cookies, signed_in};
use crate::claims::unclaimed_coop;
use crate::coops::{approved_coop, coop};
use crate::fund::{day, open_year, post};
use crate::helpers::{PASSWORD, TestApp};

backend_tests!(
    a_steward_decides_a_claim_and_an_application_and_sees_the_runway,
    my_page_keeps_my_availability_inbox_calendar_and_password,
);

async fn a_steward_decides_a_claim_and_an_application_and_sees_the_runway(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let steward = app.network_admin("steward@example.coop").await;
    app.user("sam@example.coop").await;
    let applicant = app.user("apu@example.coop").await;
    unclaimed_coop(&app, "loose-coop", "https://loose.example").await;
    let res = app
        .post_json("/api/v1/coops", &coop("new-coop"), Some(&applicant))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let year = open_year(&app, &steward, "Hosting for the network").await;
    let spending = format!("/api/v1/fund/years/{year}/spending");
    let spend = json!({"spent_on": day(&app, 0), "amount": 6000, "purpose": "Hosting", "category": "infrastructure"});
    post(&app, &spending, spend, &steward, 201).await;

    let (sam, sam_csrf) = signed_in(&app, "sam@example.coop").await;
    let ask = [("message", "I founded it"), ("csrf", &sam_csrf)];
    let res = post_form(&app, "/coops/loose-coop/claim", &ask, &sam).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // Only stewards see the queue; without a session the page says to sign in.
    let (status, refused) = page(&app, "/stewards", Some(&sam)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!refused.contains("I founded it"));
    let (status, anonymous) = page(&app, "/stewards", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(
        anonymous.contains("sign in to see this page"),
        "{anonymous}"
    );

    let (stewarding, csrf) = signed_in(&app, "steward@example.coop").await;
    let (_, queue) = page(&app, "/stewards", Some(&stewarding)).await;
    assert!(
        queue.contains("I founded it") && queue.contains("an admin of The loose-coop"),
        "{queue}"
    );
    assert!(queue.contains("Approve Co-op new-coop"), "{queue}");
    assert!(
        queue.contains("<svg") && queue.contains("The fund&#39;s balance, month by month"),
        "{queue}"
    );
    let claim = app
        .get_json("/api/v1/claims?status=pending", Some(&steward))
        .await;
    let claim_id = claim["items"][0]["id"].as_str().unwrap();
    let decide = format!("/stewards/claims/{claim_id}");
    let res = post_form(&app, &decide, &[("approve", "yes")], &stewarding).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "no token");
    let res = post_form(
        &app,
        &decide,
        &[("approve", "yes"), ("csrf", &csrf)],
        &stewarding,
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = post_form(
        &app,
        &decide,
        &[("approve", "yes"), ("csrf", &csrf)],
        &stewarding,
    )
    .await;
    assert_eq!(res.status(), StatusCode::CONFLICT, "decided already");
    let (_, mine) = page(&app, "/me", Some(&sam)).await;
    assert!(
        mine.contains("The loose-coop</a>: admin")
            && mine.contains("The stewards made you an admin"),
        "{mine}"
    );

    let approve = [("approve", "yes"), ("csrf", csrf.as_str())];
    let res = post_form(
        &app,
        "/stewards/applications/new-coop",
        &approve,
        &stewarding,
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let shown = app.get_json("/api/v1/coops/new-coop", Some(&steward)).await;
    assert_eq!(shown["membership"]["status"], "approved", "{shown}");
    let (_, queue) = page(&app, "/stewards?done=application", Some(&stewarding)).await;
    assert!(
        queue.contains("No claims wait.") && queue.contains("No applications wait."),
        "{queue}"
    );
}

async fn my_page_keeps_my_availability_inbox_calendar_and_password(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let steward = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "leeds-web", &owner, &steward).await;
    let person = json!({"name": "Ada Lovelace", "linked_user_email": "ada@example.coop",
                        "days_per_week": 3, "available_from": "2027-01-04",
                        "skills": [{"skill": "Rust", "level": 4, "interest": 5}]});
    let res = app
        .post_json("/api/v1/coops/leeds-web/people", &person, Some(&owner))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let person_id = res.json::<serde_json::Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.user("sam@example.coop").await;
    let (sam, sam_csrf) = signed_in(&app, "sam@example.coop").await;
    let note = [
        ("subject", "Hosting for a food bank"),
        ("message", "Could you host it?"),
        ("csrf", &sam_csrf),
    ];
    let res = post_form(&app, "/coops/leeds-web/enquiries", &note, &sam).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    let (status, _) = page(&app, "/me", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (ada, csrf) = signed_in(&app, "ada@example.coop").await;
    let (_, mine) = page(&app, "/me", Some(&ada)).await;
    for shown in [
        "My profile at Co-op leeds-web",
        "Available 3 days a week from 2027-01-04",
        "unread)",
        "Hosting for a food bank",
        "<a href=\"/coops/leeds-web\">Co-op leeds-web is now a member",
        "Make a calendar link",
    ] {
        assert!(mine.contains(shown), "{shown}: {mine}");
    }

    // One click confirms the availability; another marks the inbox read.
    let before = app
        .get_json(&format!("/api/v1/people/{person_id}"), Some(&owner))
        .await;
    app.clock.advance(chrono::Duration::days(3));
    let res = post_form(
        &app,
        &format!("/people/{person_id}/availability/reconfirm"),
        &[("csrf", &csrf)],
        &ada,
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let after = app
        .get_json(&format!("/api/v1/people/{person_id}"), Some(&owner))
        .await;
    assert_ne!(
        before["availability"]["reconfirmed_at"], after["availability"]["reconfirmed_at"],
        "{after}"
    );
    let res = post_form(&app, "/me/notifications/read-all", &[("csrf", &csrf)], &ada).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, mine) = page(&app, "/me?done=read", Some(&ada)).await;
    assert!(!mine.contains("unread)") && mine.contains("Everything in your inbox is marked read."));

    // A calendar link, shown once, that a calendar app can read.
    let res = post_form(&app, "/me/deadline-feed", &[("csrf", &csrf)], &ada).await;
    assert_eq!(res.status(), StatusCode::OK);
    let made = res.text().await.unwrap();
    let at = made
        .find("/api/v1/me/deadlines.ics?key=")
        .expect("the link");
    let key = &made[at..];
    let link = &key[..key.find('<').unwrap()];
    let res = app.client.get(app.url(link)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );

    // The password: every wrong field at once; then changed, ending other sessions.
    let (other_browser, _) = signed_in(&app, "ada@example.coop").await;
    let wrong = [
        ("current_password", "not it at all"),
        ("new_password", "short"),
        ("csrf", csrf.as_str()),
    ];
    let res = post_form(&app, "/me/password", &wrong, &ada).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let again = res.text().await.unwrap();
    assert!(
        again.contains("current_password: is not the current password")
            && again.contains("new_password:"),
        "{again}"
    );
    let right = [
        ("current_password", PASSWORD),
        ("new_password", "a brand new passphrase"),
        ("csrf", csrf.as_str()),
    ];
    let res = post_form(&app, "/me/password", &right, &ada).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let renewed = set_cookies(&res)
        .into_iter()
        .find(|c| c.starts_with("coophub_session="))
        .map(|c| pair(&c))
        .unwrap();
    let (status, _) = page(&app, "/me", Some(&renewed)).await;
    assert_eq!(status, StatusCode::OK);
    for ended in [&ada, &other_browser] {
        let (status, _) = page(&app, "/me", Some(ended)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
}
