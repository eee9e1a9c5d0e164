//! Deleting a co-op never takes another co-op's records or the fund's books
//! with it (SECURITY.md finding 15): a co-op that others rely on stays, with
//! 409 `coop_has_records` naming what holds it, even when the deletion races
//! the write that makes it relied on.

use coophub_testkit::{Backend, backend_tests};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::bidding::Consortium;
use crate::coops::approved_coop;
use crate::fund::{day, open_year, pledged_and_invoiced};
use crate::helpers::{TestApp, assert_problem};

backend_tests!(
    a_coop_that_others_rely_on_stays,
    a_deletion_racing_an_ask_never_loses_the_placement,
);

async fn delete(app: &TestApp, slug: &str, token: &str) -> reqwest::Response {
    let path = format!("/api/v1/coops/{slug}");
    app.send(Method::DELETE, &path, None, Some(token), None)
        .await
}

/// `coop` offers two days a week of Rust; answers the offer.
async fn offer(app: &TestApp, coop: &str, token: &str) -> Value {
    let body = json!({"coop": coop, "title": "Rust developer", "skills": [{"skill": "rust", "level": 4}],
                      "days_per_week": 2, "start": "2027-01-04", "end": "2027-03-26",
                      "work_mode": "remote"});
    let res = app.post_json("/api/v1/offers", &body, Some(token)).await;
    assert_eq!(res.status(), StatusCode::CREATED, "{:?}", res.text().await);
    res.json().await.unwrap()
}

/// `coop` asks for a day a week of `offer`.
async fn ask(app: &TestApp, offer: &Value, coop: &str, token: &str) -> reqwest::Response {
    let body = json!({"requesting_coop": coop, "days_per_week": 1,
                      "start": "2027-01-04", "end": "2027-01-29"});
    let path = format!(
        "/api/v1/offers/{}/placements",
        offer["id"].as_str().unwrap()
    );
    app.post_json(&path, &body, Some(token)).await
}

fn messages(problem: &Value) -> Vec<&str> {
    problem["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["message"].as_str().unwrap())
        .collect()
}

async fn a_coop_that_others_rely_on_stays(backend: Backend) {
    let net = Consortium::start(backend).await;
    let app = &net.app;
    let steward = app.network_admin("fund-steward@example.coop").await;
    // partner-coop joins lead-coop's bid and lends it time; it pledged to the
    // fund and paid its invoice.
    let bid = net.open_bid().await;
    net.invite(&bid, "partner-coop").await;
    net.partner_joins(&bid).await;
    let offer = offer(app, "partner-coop", &net.partner).await;
    let res = ask(app, &offer, "lead-coop", &net.lead).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let placement: Value = res.json().await.unwrap();
    let placement_path = format!("/api/v1/placements/{}", placement["id"].as_str().unwrap());
    let res = app
        .send(
            Method::POST,
            &format!("{placement_path}/accept"),
            None,
            Some(&net.partner),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK, "{:?}", res.text().await);
    let year = open_year(app, &steward, "Shared hosting").await;
    let invoice = pledged_and_invoiced(
        app,
        &steward,
        (year, "partner-coop"),
        &net.partner,
        (25_000, 25_000),
    )
    .await;
    let payment = json!({"amount": 25000, "paid_on": day(app, 0)});
    let pay = format!(
        "/api/v1/fund/invoices/{}/payments",
        invoice["id"].as_str().unwrap()
    );
    assert_eq!(
        app.post_json(&pay, &payment, Some(&steward)).await.status(),
        201
    );
    let year_path = format!("/api/v1/fund/years/{year}");
    let before = app.get_json(&year_path, Some(&steward)).await["totals"].clone();

    let problem = assert_problem(
        delete(app, "partner-coop", &net.partner).await,
        409,
        "coop_has_records",
    )
    .await;
    assert_eq!(
        messages(&problem),
        [
            "1 placements with other co-ops (asked for, agreed, under way or done)",
            "1 bids of other co-ops it joined",
            "1 invoices of the network fund",
            "1 pledges to the network fund",
        ],
        "{problem}"
    );
    let problem = assert_problem(
        delete(app, "lead-coop", &net.lead).await,
        409,
        "coop_has_records",
    )
    .await;
    assert_eq!(
        messages(&problem),
        [
            "1 placements with other co-ops (asked for, agreed, under way or done)",
            "1 bids it leads that other co-ops joined",
        ],
        "{problem}"
    );
    // Nothing was lost: the other side's placement, the bid's partner, the books.
    assert_eq!(
        app.get(&placement_path, Some(&net.lead)).await.status(),
        200
    );
    let shown = net.show(&bid, &net.lead).await;
    assert!(shown.to_string().contains("partner-coop"), "{shown}");
    assert_eq!(
        app.get_json(&year_path, Some(&steward)).await["totals"],
        before
    );
    assert_eq!(before["raised"], 25000, "{before}");
    // A co-op nobody relies on may go.
    approved_coop(app, "lonely-coop", &net.other, &steward).await;
    assert_eq!(
        delete(app, "lonely-coop", &net.other).await.status(),
        StatusCode::NO_CONTENT
    );
}

/// The ask and the deletion run at once, five times: either the deletion
/// wins (the ask finds no offer) or the ask does (the co-op stays), never
/// both, so no placement is acknowledged and then lost.
async fn a_deletion_racing_an_ask_never_loses_the_placement(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let steward = app.network_admin("steward@example.coop").await;
    let asker = app.user("ash@ask.coop").await;
    approved_coop(&app, "ask-coop", &asker, &steward).await;
    for round in 0..5 {
        let slug = format!("lend-{round}");
        let lender = app.user(&format!("lena{round}@lend.coop")).await;
        approved_coop(&app, &slug, &lender, &steward).await;
        let offer = offer(&app, &slug, &lender).await;
        let (asked, deleted) = futures_util::join!(
            ask(&app, &offer, "ask-coop", &asker),
            delete(&app, &slug, &lender)
        );
        let (asked, deleted) = (asked.status().as_u16(), deleted.status().as_u16());
        match (asked, deleted) {
            (201, 409) => {
                let placements = app.get_json("/api/v1/placements", Some(&asker)).await;
                assert!(placements.to_string().contains(&slug), "{placements}");
            }
            (404, 204) => {}
            other => panic!("round {round}: ask and delete answered {other:?}"),
        }
    }
}
