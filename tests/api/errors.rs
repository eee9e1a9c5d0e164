//! Bad requests of every kind answer problem+json with the right status.

use coophub_api::CorsPolicy;
use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;

use crate::helpers::{TestApp, assert_problem};

backend_tests!(
    malformed_json_is_400,
    a_body_that_is_not_json_is_415,
    a_body_over_the_limit_is_413,
    an_unknown_route_is_404,
    a_long_url_is_414_and_an_unreadable_one_leaves_the_server_well,
    a_wrong_method_is_405_with_allow,
    request_ids_are_echoed_or_generated,
    allowed_origins_get_cors_headers,
);

async fn malformed_json_is_400(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for body in ["{\"email\": ", "[1, 2", "{} {}", ""] {
        let res = app
            .post_raw(
                "/api/v1/auth/register",
                Some("application/json"),
                body.to_owned(),
            )
            .await;
        assert_problem(res, 400, "malformed_json").await;
    }
}

async fn a_body_that_is_not_json_is_415(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ] {
        let body = r#"{"email":"a@b.coop","password":"x"}"#.to_owned();
        let res = app.post_raw("/api/v1/auth/login", content_type, body).await;
        assert_problem(res, 415, "unsupported_media_type").await;
    }
}

async fn a_body_over_the_limit_is_413(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let name = "x".repeat(300 * 1024);
    let body = format!(
        r#"{{"email":"ada@example.coop","password":"long enough password","name":"{name}"}}"#
    );
    let res = app
        .post_raw("/api/v1/auth/register", Some("application/json"), body)
        .await;
    let problem = assert_problem(res, 413, "payload_too_large").await;
    assert!(
        problem["detail"].as_str().unwrap().contains("262144"),
        "{problem}"
    );
}

async fn an_unknown_route_is_404(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for path in ["/nope", "/api/v1/nope", "/api/v2/me"] {
        assert_problem(app.get(path, None).await, 404, "not_found").await;
    }
    // A 404 quoting what was asked for does not echo it at any length.
    let long = format!("/api/v1/coops/{}", "a".repeat(5_000));
    let problem = assert_problem(app.get(&long, None).await, 404, "not_found").await;
    assert!(
        problem["detail"].as_str().unwrap().chars().count() <= 301,
        "{problem}"
    );
}

/// The outside test: a 100 KB URL answered 400 with an empty body. URLs up to
/// what the HTTP layer parses (64 KB) now get a problem document; beyond that
/// actix-http answers 400 itself before any of our code runs (see
/// docs/SECURITY.md), and the server carries on.
async fn a_long_url_is_414_and_an_unreadable_one_leaves_the_server_well(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for length in [9_000, 60_000] {
        let path = format!("/api/v1/search?q={}", "a".repeat(length));
        let problem = assert_problem(app.get(&path, None).await, 414, "uri_too_long").await;
        assert!(
            problem["detail"].as_str().unwrap().contains("8192"),
            "{problem}"
        );
    }
    // No HTTP client builds such a URL; send it by hand.
    let address = app.base.trim_start_matches("http://").to_owned();
    let answer = actix_web::web::block(move || {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .unwrap();
        let head = format!(
            "GET /api/v1/search?q={} HTTP/1.1\r\nHost: test\r\n\r\n",
            "a".repeat(100_000)
        );
        stream.write_all(head.as_bytes()).unwrap();
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        answer
    })
    .await
    .unwrap();
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    let res = app.get("/api/v1/stats", None).await;
    assert_eq!(res.status(), 200);
}

async fn a_wrong_method_is_405_with_allow(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let res = app
        .client
        .delete(app.url("/api/v1/me"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["allow"], "GET");
    assert_problem(res, 405, "method_not_allowed").await;
    let res = app.get("/api/v1/auth/login", None).await;
    assert_eq!(res.headers()["allow"], "POST");
    assert_problem(res, 405, "method_not_allowed").await;
}

async fn request_ids_are_echoed_or_generated(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let res = app
        .client
        .get(app.url("/healthz"))
        .header("X-Request-Id", "trace-42.a")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["x-request-id"], "trace-42.a");
    let res = app
        .client
        .get(app.url("/nope"))
        .header("X-Request-Id", "bad id with spaces")
        .send()
        .await
        .unwrap();
    let generated = res.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert!(uuid::Uuid::parse_str(&generated).is_ok(), "{generated}");
    assert_eq!(
        res.status(),
        StatusCode::NOT_FOUND,
        "errors carry the id too"
    );
}

async fn allowed_origins_get_cors_headers(backend: Backend) {
    let app = TestApp::spawn_with(backend, |settings| {
        settings.cors = CorsPolicy::Origins(vec!["https://app.example.coop".into()]);
    })
    .await;
    let res = app
        .client
        .request(reqwest::Method::OPTIONS, app.url("/api/v1/me"))
        .header("Origin", "https://app.example.coop")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()["access-control-allow-origin"],
        "https://app.example.coop"
    );

    let res = app
        .client
        .get(app.url("/healthz"))
        .header("Origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers().get("access-control-allow-origin").is_none());
}
