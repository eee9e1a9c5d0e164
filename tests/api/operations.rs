//! Health, readiness, metrics and the documentation pages.

use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::TestApp;

backend_tests!(
    healthz_and_readyz_answer,
    metrics_count_requests_per_route,
    odd_methods_do_not_grow_the_metrics,
    docs_are_served_offline_with_the_spec,
);

async fn healthz_and_readyz_answer(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let res = app.get("/healthz", None).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "ok");
    let res = app.get("/readyz", None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let ready: Value = res.json().await.unwrap();
    assert_eq!(ready["status"], "ready");
    let expected = match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    assert_eq!(ready["database"], expected);
}

async fn metrics_count_requests_per_route(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.get("/healthz", None).await;
    app.get("/healthz", None).await;
    app.get("/no/such/route", None).await;
    let res = app.get("/metrics", None).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    let text = res.text().await.unwrap();
    assert!(
        text.contains(
            r#"coophub_http_requests_total{method="GET",route="/healthz",status="200"} 2"#
        ),
        "{text}"
    );
    assert!(
        text.contains(r#"route="unmatched",status="404"} 1"#),
        "{text}"
    );
    assert!(
        text.contains("coophub_http_request_duration_seconds_bucket"),
        "{text}"
    );
    // The process, the database pool and the webhook outbox (issue 27).
    for family in [
        "process_resident_memory_bytes ",
        "process_open_fds ",
        "process_cpu_seconds_total ",
        "coophub_db_pool_connections{state=\"max\"} 4",
        "coophub_db_pool_connections{state=\"open\"} ",
        "coophub_webhook_outbox_pending 0",
    ] {
        assert!(text.contains(family), "{family} in {text}");
    }
}

/// The outside test grew `/metrics` to 168 MB with 8 KB method names: every
/// unknown method must share one label.
async fn odd_methods_do_not_grow_the_metrics(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let before = app.get("/metrics", None).await.text().await.unwrap().len();
    for i in 0..200 {
        let name = format!("X{i}{}", "M".repeat(2_000));
        let method = reqwest::Method::from_bytes(name.as_bytes()).unwrap();
        let res = app.send(method, "/api/v1/coops", None, None, None).await;
        assert!(res.status().is_client_error(), "{}", res.status());
    }
    let text = app.get("/metrics", None).await.text().await.unwrap();
    assert!(text.contains(r#"method="other""#), "{text}");
    assert!(!text.contains("MMMM"), "no method name is a label");
    assert!(
        text.len() < before + 4_000,
        "{} bytes after 200 odd methods (was {before})",
        text.len()
    );
}

async fn docs_are_served_offline_with_the_spec(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let res = app.get("/docs", None).await;
    assert!(res.status().is_redirection());
    assert_eq!(res.headers()["location"], "/docs/");
    let res = app.get("/docs/", None).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("swagger-ui"));
    let res = app.get("/docs/swagger-ui-bundle.js", None).await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "the Swagger UI assets are vendored"
    );
    let spec: Value = app
        .get("/api/v1/openapi.json", None)
        .await
        .json()
        .await
        .unwrap();
    assert!(spec["paths"]["/api/v1/auth/login"]["post"].is_object());
}
