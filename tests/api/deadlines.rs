//! An account's deadline calendar, read back by the `icalendar` parser:
//! its bids' submission deadlines and due sections, tenders its alerts told
//! of, lapses ahead; by token or by a revocable secret key; nothing of a
//! bid the account may not see.

use coophub_testkit::{Backend, backend_tests};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::bidding::Consortium;
use crate::helpers::{TestApp, assert_problem, secret_feed};
use crate::sharing::Network;
use crate::sharing::calendar::events;

backend_tests!(
    a_calendar_holds_the_deadlines_of_bids_and_alerts,
    offers_and_availability_show_when_they_lapse,
    a_title_with_line_breaks_stays_one_event,
);

/// The summaries of a calendar's events, in order.
fn summaries(text: &str) -> Vec<String> {
    events(text).into_iter().map(|event| event.1).collect()
}

async fn calendar_of(app: &TestApp, token: &str) -> Vec<String> {
    let res = app.get("/api/v1/me/deadlines.ics", Some(token)).await;
    assert_eq!(res.status(), StatusCode::OK);
    summaries(&res.text().await.unwrap())
}

async fn a_calendar_holds_the_deadlines_of_bids_and_alerts(backend: Backend) {
    let net = Consortium::start(backend).await;
    let app = &net.app;
    let bid = net.open_bid().await;
    let section = json!({"title": "Pricing", "due": "2027-01-10"});
    net.ok(&bid, "sections", &section, &net.lead).await;
    let alert = json!({"name": "Portals", "words": "portal"});
    let res = app
        .post_json("/api/v1/me/alerts", &alert, Some(&net.outsider))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let tender = json!({"title": "Patient portal", "deadline": "2027-04-01T12:00:00Z"});
    let res = app
        .post_json("/api/v1/opportunities", &tender, Some(&net.lead))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);

    let lead = calendar_of(app, &net.lead).await;
    assert_eq!(
        lead,
        [
            "Submit the bid “Records API consortium”",
            "“Pricing” due for the bid “Records API consortium”"
        ]
    );
    let outsider = calendar_of(app, &net.outsider).await;
    assert_eq!(
        outsider,
        ["Tender closes: Patient portal"],
        "no bid of others"
    );
    assert!(
        calendar_of(app, &net.partner).await.is_empty(),
        "not invited yet"
    );
    net.invite(&bid, "partner-coop").await;
    assert_eq!(
        calendar_of(app, &net.partner).await.len(),
        2,
        "invited admins see the bid"
    );

    // A secret URL for calendar apps; a new one revokes the old.
    let feed = "/api/v1/me/deadline-feed";
    let path = &secret_feed(app, feed, &net.lead).await;
    let res = app.get(path, None).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(summaries(&res.text().await.unwrap()).len(), 2);
    let newer = secret_feed(app, feed, &net.lead).await;
    assert_problem(app.get(path, None).await, 404, "not_found").await;
    let res = app
        .send(
            Method::DELETE,
            "/api/v1/me/deadline-feed",
            None,
            Some(&net.lead),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_problem(app.get(&newer, None).await, 404, "not_found").await;
    assert_eq!(
        app.get("/api/v1/me/deadlines.ics", None).await.status(),
        StatusCode::UNAUTHORIZED
    );

    // Submitted, the bid asks for nothing more: neither the submission nor
    // its sections.
    net.ok(&bid, "decision", &json!({"go": true}), &net.lead)
        .await;
    net.ok(&bid, "submit", &json!({"confirm": true}), &net.lead)
        .await;
    assert!(calendar_of(app, &net.lead).await.is_empty());
}

async fn offers_and_availability_show_when_they_lapse(backend: Backend) {
    let net = Network::start(backend).await;
    let app = &net.app;
    net.offer(2.0, true).await;
    let body = json!({"name": "Grace Hopper", "linked_user_email": "grace@lend.coop",
                      "days_per_week": 2, "available_from": "2027-01-04",
                      "skills": [{"skill": "Rust", "level": 5, "interest": 5}]});
    let path = format!("/api/v1/people/{}", net.grace_id);
    let res = app
        .send(Method::PUT, &path, Some(&body), Some(&net.lender), None)
        .await;
    assert_eq!(res.status(), StatusCode::OK, "{:?}", res.text().await);
    assert_eq!(
        calendar_of(app, &net.lender).await,
        ["The offer “Rust developer” lapses unless reconfirmed"]
    );
    assert_eq!(
        calendar_of(app, &net.grace).await,
        ["Your availability lapses unless reconfirmed"]
    );
    assert!(calendar_of(app, &net.asker).await.is_empty());
}

/// A bare CR ends an iCalendar content line for many readers, so a tender
/// title holding `\rEND:VEVENT\rBEGIN:VEVENT…` injected an event into the
/// feed of everyone its alerts told (SECURITY.md, finding 14).
async fn a_title_with_line_breaks_stays_one_event(backend: Backend) {
    let net = Consortium::start(backend).await;
    let app = &net.app;
    let alert = json!({"name": "Portals", "words": "portal"});
    let res = app
        .post_json("/api/v1/me/alerts", &alert, Some(&net.outsider))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let title = "Patient portal\rEND:VEVENT\rBEGIN:VEVENT\rUID:evil\rSUMMARY:Pay here\r\nDTSTART:20270101T000000Z";
    let tender = json!({"title": title, "deadline": "2027-04-01T12:00:00Z"});
    let res = app
        .post_json("/api/v1/opportunities", &tender, Some(&net.lead))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);

    let res = app
        .get("/api/v1/me/deadlines.ics", Some(&net.outsider))
        .await;
    let text = res.text().await.unwrap();
    let lines: Vec<&str> = text.split(['\r', '\n']).collect();
    let begins = lines.iter().filter(|l| **l == "BEGIN:VEVENT").count();
    assert_eq!(begins, 1, "one event, whatever the title: {text:?}");
    assert!(!lines.iter().any(|l| l.starts_with("UID:evil")), "{text:?}");
    assert!(text.contains("PRODID:-//coophub//coophub "), "{text:?}");
    assert_eq!(
        summaries(&text),
        [
            "Tender closes: Patient portal\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil\nSUMMARY:Pay here\nDTSTART:20270101T000000Z"
        ]
    );
}
