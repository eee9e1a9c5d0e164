//! A won bid's network-fund share is pledged income of the year it was won.

use coophub_testkit::{Backend, backend_tests};
use serde_json::json;

use super::open_year;
use crate::bidding::Consortium;

backend_tests!(a_won_bids_fund_share_is_income_of_the_year,);

async fn a_won_bids_fund_share_is_income_of_the_year(backend: Backend) {
    let net = Consortium::start(backend).await;
    let steward = net.app.network_admin("fund-steward@example.coop").await;
    let year = open_year(&net.app, &steward, "Shared hosting").await;
    let bid = net.open_bid().await;
    net.partner_joins(&net.invite(&bid, "partner-coop").await)
        .await;
    net.ok(&bid, "decision", &json!({"go": true}), &net.lead)
        .await;
    net.ok(&bid, "submit", &json!({}), &net.lead).await;
    net.ok(&bid, "win", &json!({}), &net.lead).await;
    let shares = net
        .app
        .get_json(
            &format!("/api/v1/bids/{}/shares", bid["id"].as_str().unwrap()),
            Some(&net.lead),
        )
        .await;
    let fund = shares["fund"].as_i64().unwrap();
    assert!(fund > 0, "{shares}");
    let path = format!("/api/v1/fund/years/{year}");
    let shown = net.app.get_json(&path, Some(&steward)).await;
    assert_eq!(shown["totals"]["pledged_by_bids"], fund, "{shown}");
    assert_eq!(shown["from_bids"][0]["amount"], fund);
    let consortium: Vec<&str> = shown["from_bids"][0]["consortium"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap())
        .collect();
    assert_eq!(consortium, ["lead-coop", "partner-coop"]);
    let member = net.app.get_json(&path, Some(&net.other)).await;
    assert_eq!(member["totals"]["pledged_by_bids"], fund);
    assert!(member.get("from_bids").is_none(), "{member}");
}
