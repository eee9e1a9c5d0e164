//! Webhooks against a receiver on loopback: signatures checked with an
//! implementation written from the specification (`coophub_testkit::receiver`),
//! deliveries only to the co-ops an event names, retries after a 500, a
//! timeout and a redirect, disabling after the last attempt, redelivery,
//! secret rotation, and no private addresses unless allowed.

mod addresses;
mod delivery;
mod retries;
mod rotation;

use std::time::Duration;

use coophub_server::Settings;
use coophub_testkit::receiver::{Received, Receiver};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::TestApp;

/// Deliveries to loopback, looked for often, retried after 5 s and 60 s,
/// attempts cut off after a second.
pub(crate) fn quick_deliveries(settings: &mut Settings) {
    settings.webhooks.addresses = coophub_domain::webhook::AddressRule::AllowPrivate;
    settings.webhooks.poll_interval = Duration::from_millis(50);
    // Loopback answers come in milliseconds; two seconds leave room on a loaded machine.
    settings.webhooks.timeout = Duration::from_secs(2);
    settings.webhooks.retries = coophub_domain::webhook::RetrySchedule(vec![
        Duration::from_secs(5),
        Duration::from_secs(60),
    ]);
}

/// Registers an endpoint of `coop` at `url` for `events`; answers the
/// registration (with its secret).
pub(crate) async fn register(
    app: &TestApp,
    token: &str,
    coop: &str,
    url: &str,
    events: &[&str],
) -> Value {
    let res = app
        .post_json(
            &format!("/api/v1/coops/{coop}/webhooks"),
            &json!({"url": url, "events": events, "description": "Our CRM"}),
            Some(token),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.unwrap()
}

/// Waits (up to ten seconds) until `receiver` has `count` requests.
pub(crate) async fn received(receiver: &Receiver, count: usize) -> Vec<Received> {
    for _ in 0..200 {
        let got = receiver.received();
        if got.len() >= count {
            return got;
        }
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("expected {count} requests, got {:?}", receiver.received());
}

/// Waits (up to ten seconds) until no webhook message is waiting
/// (`coophub_webhook_outbox_pending` is 0): every message written so far
/// has been delivered or given up on, so one sent to the wrong endpoint
/// would have arrived by now.
pub(crate) async fn outbox_drained(app: &TestApp) {
    for _ in 0..200 {
        let metrics = app.get("/metrics", None).await.text().await.unwrap();
        if metrics
            .lines()
            .any(|line| line == "coophub_webhook_outbox_pending 0")
        {
            return;
        }
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("webhook messages still waiting after ten seconds");
}

/// The delivery log of `webhook`, waiting (up to ten seconds) until its
/// newest message satisfies `done`.
pub(crate) async fn log_until(
    app: &TestApp,
    token: &str,
    webhook: &Value,
    done: impl Fn(&Value) -> bool,
) -> Value {
    let path = format!(
        "/api/v1/coops/{}/webhooks/{}/deliveries",
        webhook["coop"].as_str().unwrap(),
        webhook["id"].as_str().unwrap()
    );
    for _ in 0..200 {
        let log = app.get_json(&path, Some(token)).await;
        if log["items"].get(0).is_some_and(&done) {
            return log;
        }
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "the log never got there: {}",
        app.get_json(&path, Some(token)).await
    );
}

/// The statuses of the newest message's attempts that ended.
pub(crate) fn statuses(log: &Value) -> Vec<Value> {
    log["items"][0]["attempts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["status"].clone())
        .collect()
}
