use coophub_testkit::{Backend, backend_tests};
use serde_json::json;

use crate::helpers::{assert_problem, pointers};
use crate::sharing::Network;

backend_tests!(endpoints_must_be_public_https_unless_private_ones_are_allowed);

async fn endpoints_must_be_public_https_unless_private_ones_are_allowed(backend: Backend) {
    // The default settings: public https only.
    let net = Network::start(backend).await;
    let app = &net.app;
    for url in [
        "http://hooks.example.coop/h",
        "https://127.0.0.1/h",
        "https://[::1]:8443/h",
        "https://10.1.2.3/h",
        "https://169.254.169.254/latest/meta-data",
        "https://localhost/h",
    ] {
        let res = app
            .post_json(
                "/api/v1/coops/lend-coop/webhooks",
                &json!({"url": url, "events": ["bid.invited"]}),
                Some(&net.lender),
            )
            .await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), ["/url"], "{url}: {problem}");
    }
    let res = app
        .post_json(
            "/api/v1/coops/lend-coop/webhooks",
            &json!({"url": "ftp://x", "events": ["bid.eaten", "bid.invited"], "description": "x".repeat(201)}),
            Some(&net.lender),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let mut found = pointers(&problem);
    found.sort();
    assert_eq!(
        found,
        ["/description", "/events/0", "/url"],
        "every problem at once: {problem}"
    );
    let res = app
        .post_json(
            "/api/v1/coops/lend-coop/webhooks",
            &json!({"url": "https://hooks.example.coop/h", "events": ["bid.invited"]}),
            Some(&net.lender),
        )
        .await;
    assert_eq!(res.status(), 201, "a public https endpoint is fine");
}
