//! A won bid's network-fund share is pledged income of the year it was won.

use coophub_domain::Clock;
use coophub_domain::fund::PaymentInput;
use coophub_store::{PoolOptions, Store};
use coophub_testkit::{Backend, backend_tests};
use serde_json::json;

use super::open_year;
use crate::bidding::Consortium;
use crate::helpers::{assert_problem, pointers};

backend_tests!(
    a_won_bids_fund_share_is_income_of_the_year,
    money_is_bounded_at_the_door_and_summed_with_checks,
);

async fn a_won_bids_fund_share_is_income_of_the_year(backend: Backend) {
    let net = Consortium::start(backend).await;
    let steward = net.app.network_admin("fund-steward@example.coop").await;
    let year = open_year(&net.app, &steward, "Shared hosting").await;
    let bid = net.open_bid().await;
    net.partner_joins(&net.invite(&bid, "partner-coop").await)
        .await;
    net.ok(&bid, "decision", &json!({"go": true}), &net.lead)
        .await;
    net.ok(&bid, "submit", &json!({"confirm": true}), &net.lead)
        .await;
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

/// SECURITY.md finding 11: ~1,025 self-declared wins of 9·10^15 made the
/// fund year's sums overflow, and `GET /api/v1/fund/years/{y}` answered 500
/// to everyone, for good. Values are bounded at the door now; sums of what
/// got in before the bound are checked and answer a clear problem.
async fn money_is_bounded_at_the_door_and_summed_with_checks(backend: Backend) {
    use chrono::Datelike;
    let net = Consortium::start(backend).await;
    let app = &net.app;
    let steward = app.network_admin("fund-steward@example.coop").await;
    let year = open_year(app, &steward, "Shared hosting").await;
    let over = json!({"opportunity_id": net.opportunity, "lead_coop": "lead-coop",
                      "title": "Too dear", "value": {"amount": 100_000_000_000_001_i64, "currency": "GBP"}});
    let problem = assert_problem(
        app.post_json("/api/v1/bids", &over, Some(&net.lead)).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/value"]);
    let tender = json!({"title": "Too dear", "value": {"amount": 9_000_000_000_000_000_i64, "currency": "GBP"}});
    let problem = assert_problem(
        app.post_json("/api/v1/opportunities", &tender, Some(&net.lead))
            .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/value"]);
    // An import's amount is read exactly and bounded as a manual entry's.
    let package = json!({"releases": [{"ocid": "ocds-b5fd17-dear", "id": "1",
        "date": app.clock.now().to_rfc3339(), "tag": ["tender"],
        "tender": {"title": "Dear", "value": {"amount": 89_999_999_999_999.99_f64, "currency": "GBP"}}}]});
    let problem = assert_problem(
        app.post_json("/api/v1/opportunities/import", &package, Some(&net.lead))
            .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/releases/0/tender/value/amount"]);

    // Amounts recorded before the bounds, written to the store directly (as
    // an older version allowed): their sum does not fit in 64 bits.
    let invoice = super::pledged_and_invoiced(
        app,
        &steward,
        (year, "lead-coop"),
        &steward,
        (10_000, 10_000),
    )
    .await;
    let invoice = uuid::Uuid::parse_str(invoice["id"].as_str().unwrap()).unwrap();
    let store = Store::connect(app.database_url(), PoolOptions::default()).unwrap();
    let mut conn = store.conn().unwrap();
    let now = app.clock.now();
    assert_eq!(now.year(), year);
    let huge = PaymentInput {
        amount: i64::MAX / 2 + 1,
        paid_on: now.date_naive(),
        reference: None,
    };
    for _ in 0..2 {
        coophub_store::fund::invoices::pay(&mut conn, invoice, &huge, now).unwrap();
    }
    let res = app
        .get(&format!("/api/v1/fund/years/{year}"), Some(&steward))
        .await;
    let problem = assert_problem(res, 409, "sum_too_large").await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("more than can be counted"),
        "{problem}"
    );
}
