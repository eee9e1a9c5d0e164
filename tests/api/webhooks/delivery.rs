use coophub_testkit::receiver::{Receiver, verify};
use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::Value;

use super::{log_until, outbox_drained, quick_deliveries, received, register};
use crate::helpers::assert_problem;
use crate::sharing::Network;

backend_tests!(
    deliveries_are_signed_and_reach_only_the_coops_an_event_names,
    only_a_coops_admins_manage_its_webhooks,
);

async fn deliveries_are_signed_and_reach_only_the_coops_an_event_names(backend: Backend) {
    let net = Network::start_with(backend, quick_deliveries).await;
    let app = &net.app;
    let (lend, ask, new) = (Receiver::start(), Receiver::start(), Receiver::start());
    let events = ["placement.requested", "placement.accepted"];
    let lender_hook = register(app, &net.lender, "lend-coop", &lend.url("/hook"), &events).await;
    let secret = lender_hook["secret"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("whsec_"), "{lender_hook}");
    register(
        app,
        &net.asker,
        "ask-coop",
        &ask.url("/hook"),
        &["placement.requested"],
    )
    .await;
    register(app, &net.newcomer, "new-coop", &new.url("/hook"), &events).await;

    let offer = net.offer(2.0, true).await;
    let placement = net.placement(&offer, 1.0, "2027-01-11", "2027-01-29").await;
    let got = received(&lend, 1).await;
    let delivery = &got[0];
    verify(&secret, delivery).unwrap();
    assert!(delivery.header("webhook-id").starts_with("msg_"));
    assert_eq!(delivery.header("content-type"), "application/json");
    let body: Value = serde_json::from_slice(&delivery.body).unwrap();
    assert_eq!(body["type"], "placement.requested");
    let subject = &body["data"]["subject"];
    assert_eq!(subject["type"], "placement");
    assert_eq!(subject["id"], placement["id"]);
    assert_eq!(
        subject["url"].as_str().unwrap(),
        app.url(&format!(
            "/api/v1/placements/{}",
            placement["id"].as_str().unwrap()
        ))
    );
    assert!(body["data"]["summary"].as_str().unwrap().contains("asks"));
    // The requesting co-op is named too; with its own secret.
    let asked = received(&ask, 1).await;
    assert_ne!(asked[0].header("webhook-id"), delivery.header("webhook-id"));
    assert!(
        verify(&secret, &asked[0]).is_err(),
        "each endpoint signs with its own secret"
    );

    let log = log_until(app, &net.lender, &lender_hook, |d| {
        d["state"] == "delivered"
    })
    .await;
    assert_eq!(log["total"], 1);
    let message = &log["items"][0];
    assert_eq!(
        message["id"].as_str().unwrap(),
        delivery.header("webhook-id")
    );
    assert_eq!(message["kind"], "placement.requested");
    assert_eq!(message["attempts"][0]["status"], 200);
    assert_eq!(message["attempts"][0]["response"], "ok");

    // Accepting tells the lender's endpoint, which hears of it, and not the
    // asker's, which does not; nothing ever reaches the co-op not involved.
    let res = net.act(&placement, "accept", None, &net.lender).await;
    assert_eq!(res.status(), StatusCode::OK);
    let got = received(&lend, 2).await;
    let body: Value = serde_json::from_slice(&got[1].body).unwrap();
    assert_eq!(body["type"], "placement.accepted");
    verify(&secret, &got[1]).unwrap();
    outbox_drained(app).await;
    assert_eq!(
        ask.received().len(),
        1,
        "the asker's endpoint hears only of requests"
    );
    assert!(
        new.received().is_empty(),
        "a co-op not involved hears nothing"
    );
}

async fn only_a_coops_admins_manage_its_webhooks(backend: Backend) {
    let net = Network::start_with(backend, quick_deliveries).await;
    let app = &net.app;
    let receiver = Receiver::start();
    let hook = register(
        app,
        &net.lender,
        "lend-coop",
        &receiver.url("/h"),
        &["bid.invited"],
    )
    .await;
    let path = format!(
        "/api/v1/coops/lend-coop/webhooks/{}",
        hook["id"].as_str().unwrap()
    );
    let list = app
        .get_json("/api/v1/coops/lend-coop/webhooks", Some(&net.lender))
        .await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert!(
        list["items"][0].get("secret").is_none(),
        "the secret is shown once: {list}"
    );
    let shown = app.get_json(&path, Some(&net.lender)).await;
    assert!(shown.get("secret").is_none() && shown["enabled"] == true);
    for (token, status) in [
        (None, 401),
        (Some(&net.asker), 403),
        (Some(&net.grace), 403),
    ] {
        let res = app
            .get(
                "/api/v1/coops/lend-coop/webhooks",
                token.map(String::as_str),
            )
            .await;
        assert_eq!(res.status().as_u16(), status);
        let res = app
            .get(&format!("{path}/deliveries"), token.map(String::as_str))
            .await;
        assert_eq!(res.status().as_u16(), status);
    }
    // Another co-op's id under one's own co-op is not found.
    let own = format!(
        "/api/v1/coops/ask-coop/webhooks/{}",
        hook["id"].as_str().unwrap()
    );
    assert_problem(app.get(&own, Some(&net.asker)).await, 404, "not_found").await;
    let res = app
        .send(
            reqwest::Method::PATCH,
            &path,
            Some(&serde_json::json!({"events": ["bid.invited", "bid.moved"], "enabled": false})),
            Some(&net.lender),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let changed: Value = res.json().await.unwrap();
    assert_eq!(
        changed["events"],
        serde_json::json!(["bid.invited", "bid.moved"])
    );
    assert_eq!(changed["enabled"], false);
    assert_eq!(changed["disabled_reason"], "disabled by an admin");
    let res = app
        .send(reqwest::Method::DELETE, &path, None, Some(&net.asker), None)
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .send(
            reqwest::Method::DELETE,
            &path,
            None,
            Some(&net.lender),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_problem(app.get(&path, Some(&net.lender)).await, 404, "not_found").await;
}
