use coophub_testkit::receiver::{Receiver, verify};
use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::{quick_deliveries, received, register};
use crate::sharing::Network;

backend_tests!(a_rotated_secret_signs_beside_the_old_one_for_a_day);

async fn a_rotated_secret_signs_beside_the_old_one_for_a_day(backend: Backend) {
    let net = Network::start_with(backend, quick_deliveries).await;
    let app = &net.app;
    let receiver = Receiver::start();
    let hook = register(
        app,
        &net.lender,
        "lend-coop",
        &receiver.url("/h"),
        &["placement.requested"],
    )
    .await;
    let old = hook["secret"].as_str().unwrap().to_owned();
    let path = format!(
        "/api/v1/coops/lend-coop/webhooks/{}",
        hook["id"].as_str().unwrap()
    );
    let res = app
        .post_json(
            &format!("{path}/rotate-secret"),
            &json!({}),
            Some(&net.lender),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let rotated: Value = res.json().await.unwrap();
    let new = rotated["secret"].as_str().unwrap().to_owned();
    assert_ne!(new, old);
    assert!(rotated["previous_secret_expires_at"].is_string());

    let offer = net.offer(1.0, false).await;
    net.placement(&offer, 0.5, "2027-01-11", "2027-01-29").await;
    let got = received(&receiver, 1).await;
    assert_eq!(got[0].header("webhook-signature").split(' ').count(), 2);
    verify(&new, &got[0]).unwrap();
    verify(&old, &got[0]).unwrap();

    app.clock.advance(chrono::Duration::hours(25));
    net.placement(&offer, 0.5, "2027-02-01", "2027-02-12").await;
    let got = received(&receiver, 2).await;
    assert_eq!(got[1].header("webhook-signature").split(' ').count(), 1);
    verify(&new, &got[1]).unwrap();
    assert!(
        verify(&old, &got[1]).is_err(),
        "the old secret no longer signs"
    );
    let shown = app.get_json(&path, Some(&net.lender)).await;
    assert!(shown["previous_secret_expires_at"].is_null());
}
