//! The optional network fund: a year's whole cycle with exact sums, who
//! sees what (a co-op that does not give is never shown to other co-ops,
//! and nothing calls an answer overdue), and a won bid's share as income.

mod bids;
mod concurrency;
mod cycle;

use chrono::{Datelike, Duration, NaiveDate};
use coophub_domain::Clock;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::TestApp;

/// The year and day the server's clock shows.
pub fn today(app: &TestApp) -> (i32, NaiveDate) {
    let now = app.clock.now().date_naive();
    (now.year(), now)
}

/// A date `days` after the server's today, as sent.
pub fn day(app: &TestApp, days: i64) -> String {
    (today(app).1 + Duration::days(days)).to_string()
}

/// The steward opens the current year.
pub async fn open_year(app: &TestApp, steward: &str, purpose: &str) -> i32 {
    let (year, _) = today(app);
    let body = json!({"year": year, "purpose": purpose,
        "suggested_bands": [{"up_to_members": 5, "amount": 10000}, {"amount": 40000}]});
    let res = app
        .post_json("/api/v1/fund/years", &body, Some(steward))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED, "{:?}", res.text().await);
    year
}

/// POSTs `body` to `path` as `token`, asserting `status`; answers the body.
pub async fn post(app: &TestApp, path: &str, body: Value, token: &str, status: u16) -> Value {
    let res = app.post_json(path, &body, Some(token)).await;
    let code = res.status().as_u16();
    let text = res.text().await.unwrap();
    assert_eq!(code, status, "{path}: {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// `coop` pledges `pledged` to `year` (answered as `token`), and the steward
/// invoices `invoiced` of it as `NF-1`; answers the invoice.
pub async fn pledged_and_invoiced(
    app: &TestApp,
    steward: &str,
    (year, coop): (i32, &str),
    token: &str,
    (pledged, invoiced): (i64, i64),
) -> Value {
    let pledge = json!({"coop": coop, "amount": {"amount": pledged, "currency": "GBP"}});
    post(
        app,
        &format!("/api/v1/fund/years/{year}/pledges"),
        pledge,
        token,
        200,
    )
    .await;
    let invoice = json!({"coop": coop, "number": "NF-1", "amount": invoiced,
                         "issued_on": day(app, 0), "due_on": day(app, 30)});
    post(
        app,
        &format!("/api/v1/fund/years/{year}/invoices"),
        invoice,
        steward,
        201,
    )
    .await
}
