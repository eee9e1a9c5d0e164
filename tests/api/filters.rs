//! Filters match only what the caller may see (SECURITY.md finding 16): a
//! filter naming a hidden person, or a bid the caller may not read, answers
//! exactly as one naming nobody.

use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::bidding::Consortium;
use crate::fund::{day, open_year};
use crate::helpers::assert_problem;
use crate::sharing::Network;

backend_tests!(
    an_offer_filter_naming_a_hidden_person_matches_nothing,
    a_steward_naming_a_bid_they_cannot_see_learns_nothing,
);

async fn total(net: &Network, query: &str, token: Option<&str>) -> Value {
    net.app
        .get_json(&format!("/api/v1/offers{query}"), token)
        .await["total"]
        .clone()
}

async fn an_offer_filter_naming_a_hidden_person_matches_nothing(backend: Backend) {
    let net = Network::start(backend).await;
    net.offer(2.0, true).await;
    let grace = format!("?person_id={}", net.grace_id);
    let nobody = format!("?person_id={}", uuid::Uuid::new_v4());
    assert_eq!(total(&net, "", None).await, 1, "the offer itself is listed");
    assert_eq!(
        total(&net, &grace, None).await,
        0,
        "Grace is for the network only"
    );
    assert_eq!(total(&net, &nobody, None).await, 0);
    let outsider = net.app.user("eve@example.org").await;
    assert_eq!(total(&net, &grace, Some(&outsider)).await, 0);
    assert_eq!(
        total(&net, &grace, Some(&net.asker)).await,
        1,
        "members see her"
    );
    assert_eq!(total(&net, &grace, Some(&net.steward)).await, 1);
}

async fn a_steward_naming_a_bid_they_cannot_see_learns_nothing(backend: Backend) {
    let net = Consortium::start(backend).await;
    let app = &net.app;
    let steward = app.network_admin("fund-steward@example.coop").await;
    let year = open_year(app, &steward, "Shared hosting").await;
    let path = format!("/api/v1/fund/years/{year}/spending");
    let spend = |bid: &str| json!({"spent_on": day(app, 0), "amount": 100, "purpose": "Bid writing", "bid": bid});
    let hidden = net.open_bid().await;
    let hidden = hidden["id"].as_str().unwrap();
    let unknown = uuid::Uuid::new_v4().to_string();
    let mut answers = Vec::new();
    for bid in [hidden, unknown.as_str()] {
        let res = app.post_json(&path, &spend(bid), Some(&steward)).await;
        let problem = assert_problem(res, 404, "not_found").await;
        answers.push(problem["detail"].as_str().unwrap().replace(bid, "{bid}"));
    }
    assert_eq!(answers[0], answers[1], "the same answer for both");

    // A won bid whose share the fund recorded is the stewards' to name.
    let won = net.open_bid().await;
    net.ok(&won, "decision", &json!({"go": true}), &net.lead)
        .await;
    net.ok(&won, "submit", &json!({"confirm": true}), &net.lead)
        .await;
    net.ok(&won, "win", &json!({}), &net.lead).await;
    let res = app
        .post_json(&path, &spend(won["id"].as_str().unwrap()), Some(&steward))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED, "{:?}", res.text().await);
}
