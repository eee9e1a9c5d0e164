//! Protective headers on every kind of answer: JSON, problem documents (also
//! those rendered from errors after the middleware ran), the documentation
//! page and its files, and CORS preflights.

use coophub_testkit::{Backend, backend_tests};
use reqwest::{Method, Response};

use crate::helpers::TestApp;

backend_tests!(every_answer_carries_the_protective_headers);

const API_POLICY: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

fn assert_protected(res: &Response, what: &str) {
    let headers = res.headers();
    assert_eq!(headers["x-content-type-options"], "nosniff", "{what}");
    assert_eq!(headers["referrer-policy"], "no-referrer", "{what}");
    assert_eq!(headers["x-frame-options"], "DENY", "{what}");
    assert!(headers.contains_key("content-security-policy"), "{what}");
}

fn policy(res: &Response) -> &str {
    res.headers()["content-security-policy"].to_str().unwrap()
}

async fn every_answer_carries_the_protective_headers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let cases = [
        (Method::GET, "/api/v1/coops", 200),
        (Method::GET, "/api/v1/no-such-route", 404),
        (Method::GET, "/api/v1/me", 401),
        (Method::DELETE, "/api/v1/coops", 405),
        (Method::GET, "/api/v1/search?per_page=0", 400),
        (Method::GET, "/healthz", 200),
        (Method::GET, "/api/v1/openapi.json", 200),
    ];
    for (method, path, status) in cases {
        let res = app
            .client
            .request(method.clone(), app.url(path))
            .send()
            .await
            .unwrap();
        let what = format!("{method} {path}");
        assert_eq!(res.status().as_u16(), status, "{what}");
        assert_protected(&res, &what);
        assert_eq!(policy(&res), API_POLICY, "{what}");
    }

    // A body that is not JSON fails in the extractor: an error rendered
    // after the middleware, with the same headers.
    let res = app
        .post_raw("/api/v1/auth/login", Some("application/json"), "{".into())
        .await;
    assert_eq!(res.status(), 400);
    assert_protected(&res, "malformed JSON");
    assert_eq!(policy(&res), API_POLICY);

    // The documentation may load its own scripts and nothing inline.
    for path in ["/docs/", "/docs/swagger-initializer.js"] {
        let res = app.get(path, None).await;
        assert_eq!(res.status(), 200, "{path}");
        assert_protected(&res, path);
        let csp = policy(&res);
        assert!(csp.contains("script-src 'self';"), "{path}: {csp}");
        assert!(!csp.contains("script-src 'self' 'unsafe"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
    }

    // No CORS unless origins are configured: a preflight gets no allowance.
    let res = app
        .client
        .request(Method::OPTIONS, app.url("/api/v1/coops"))
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "GET")
        .send()
        .await
        .unwrap();
    assert!(res.headers().get("access-control-allow-origin").is_none());
    assert_protected(&res, "preflight");
}
