//! Slow clients: the outside test held 1,000 connections open for 30 s by
//! trickling a declared 200 KB body. A body now has a deadline (408), and one
//! address may have only so many requests in flight (429 beyond).

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;

use crate::helpers::TestApp;

backend_tests!(
    a_trickled_body_is_cut_off_with_408,
    one_address_has_only_so_many_requests_in_flight,
);

/// Starts a login whose body never finishes; answers what the server says
/// (read until it has answered or `patience` ran out).
fn trickle(address: &str, patience: Duration) -> String {
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(patience)).unwrap();
    stream
        .write_all(
            b"POST /api/v1/auth/login HTTP/1.1\r\nHost: test\r\n\
              Content-Type: application/json\r\nContent-Length: 200000\r\n\r\n{\"email\":",
        )
        .unwrap();
    let mut answer = Vec::new();
    let mut chunk = [0; 4096];
    while let Ok(read) = stream.read(&mut chunk) {
        if read == 0 {
            break;
        }
        answer.extend_from_slice(&chunk[..read]);
        if answer.ends_with(b"}") {
            break;
        }
    }
    String::from_utf8_lossy(&answer).into_owned()
}

fn address(app: &TestApp) -> String {
    app.base.trim_start_matches("http://").to_owned()
}

async fn a_trickled_body_is_cut_off_with_408(backend: Backend) {
    let app = TestApp::spawn_with(backend, |settings| {
        settings.request_body_timeout = Duration::from_secs(1);
    })
    .await;
    let address = address(&app);
    let started = Instant::now();
    let answer = actix_web::web::block(move || trickle(&address, Duration::from_secs(10)))
        .await
        .unwrap();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("application/problem+json"), "{answer}");
    assert!(answer.contains("request_timeout"), "{answer}");
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
}

async fn one_address_has_only_so_many_requests_in_flight(backend: Backend) {
    let app = TestApp::spawn_with(backend, |settings| {
        settings.max_requests_per_address = 2;
        // Long enough that both trickles are still in flight when a loaded
        // machine starts the second one late.
        settings.request_body_timeout = Duration::from_secs(5);
    })
    .await;
    let slow: Vec<_> = (0..2)
        .map(|_| {
            let address = address(&app);
            actix_web::web::block(move || trickle(&address, Duration::from_secs(10)))
        })
        .collect();
    // Once both slow requests wait for their bodies (on a loaded machine
    // their threads may take a while to start), a third is turned away.
    let mut res = app.get("/healthz", None).await;
    for _ in 0..50 {
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
        res = app.get("/healthz", None).await;
    }
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "a third waits");
    assert!(res.headers().get("retry-after").is_some());
    for answer in futures_util::future::join_all(slow).await {
        assert!(answer.unwrap().starts_with("HTTP/1.1 408"));
    }
    let res = app.get("/healthz", None).await;
    assert_eq!(res.status(), StatusCode::OK, "their places are free again");
}
