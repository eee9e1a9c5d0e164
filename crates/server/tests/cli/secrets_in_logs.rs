//! Secrets never reach the logs: a walk-through that handles every kind of
//! secret (passwords right and wrong, access tokens, the JWT signing secret,
//! a webhook's signing secret and its signed deliveries, a calendar key, an
//! SMTP password), with the most verbose log level, leaves none of them in
//! anything the server printed.

use coophub_testkit::receiver::{Receiver, Reply};
use coophub_testkit::{Backend, TestDatabase, backend_tests};
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, Steward, received, start_server_with};

backend_tests!(no_secret_reaches_the_logs_of_a_walk_through);

const JWT_SECRET: &str = "jwt-marker-secret for this test only, long enough to sign tokens";
const SMTP_PASSWORD: &str = "smtp-marker-pass";
const FIRST_PASSWORD: &str = "first marker password 1";
const SECOND_PASSWORD: &str = "second marker password 2";
const WRONG_PASSWORD: &str = "wrong marker password 3";

async fn no_secret_reaches_the_logs_of_a_walk_through(backend: Backend) {
    let db = TestDatabase::create(backend);
    let receiver = Receiver::start();
    // The first delivery fails, so that a retry is logged too.
    receiver.answer_next([Reply::Status(500)]);
    let smtp = format!("smtp://hub:{SMTP_PASSWORD}@127.0.0.1:9");
    let vars = [
        (
            "RUST_LOG",
            "trace,tantivy=info,h2=info,hyper=info,reqwest=info,mio=info",
        ),
        ("COOPHUB_JWT_SECRET", JWT_SECRET),
        ("COOPHUB_SMTP_URL", smtp.as_str()),
        ("COOPHUB_WEBHOOKS_ALLOW_PRIVATE", "true"),
        ("COOPHUB_WEBHOOK_POLL_INTERVAL_MS", "50"),
        ("COOPHUB_WEBHOOK_RETRY_DELAYS", "1,1"),
    ];
    let mut server = start_server_with(&db, &["serve"], &vars);
    let reader = server.keep_reading_logs();
    let address = server.address.clone();
    let steward = Steward::sign_in(&db, &server).await;
    let client = reqwest::Client::new();
    let url = |path: &str| format!("http://{address}/api/v1{path}");

    let registration =
        json!({"email": "worker@example.coop", "name": "Worker", "password": FIRST_PASSWORD});
    let res = client
        .post(url("/auth/register"))
        .json(&registration)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let login = |password: &'static str| {
        client
            .post(url("/auth/login"))
            .json(&json!({"email": "worker@example.coop", "password": password}))
            .send()
    };
    assert_eq!(login(WRONG_PASSWORD).await.unwrap().status(), 401);
    let first: Value = login(FIRST_PASSWORD).await.unwrap().json().await.unwrap();
    let first_token = first["access_token"].as_str().unwrap().to_owned();
    let change = json!({"current_password": FIRST_PASSWORD, "new_password": SECOND_PASSWORD});
    let res = client
        .post(url("/me/password"))
        .bearer_auth(&first_token)
        .json(&change)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let second: Value = res.json().await.unwrap();
    let second_token = second["access_token"].as_str().unwrap().to_owned();
    // The token the change revoked, and a mangled one, are refused (and logged as refusals).
    for token in [first_token.clone(), format!("{second_token}x")] {
        let res = client
            .get(url("/me"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 401);
    }
    let feed: Value = client
        .post(url("/me/deadline-feed"))
        .bearer_auth(&second_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let feed_url = feed["url"].as_str().unwrap().to_owned();
    // The key is the last part of the link, in its path or its query.
    let feed_key = feed_url.rsplit(['/', '=']).next().unwrap().to_owned();
    assert_eq!(client.get(&feed_url).send().await.unwrap().status(), 200);

    let coop = json!({"slug": "logged", "name": "Logged Co-op", "summary": "A worker co-op",
                      "location": {"locality": "Leeds", "country": "gb"}});
    steward.post(&address, "/api/v1/coops", &coop).await;
    let hook = json!({"url": receiver.url("/hook"), "events": ["membership.invited"]});
    let hook = steward
        .post(&address, "/api/v1/coops/logged/webhooks", &hook)
        .await;
    let hook_secret = hook["secret"].as_str().unwrap().to_owned();
    steward
        .post(
            &address,
            "/api/v1/coops/logged/membership",
            &json!({"action": "invite"}),
        )
        .await;
    let deliveries = received(&receiver, 2, 10).await;
    let signature = deliveries[1].header("webhook-signature").to_owned();

    let mut events = server.startup.clone();
    server.stop();
    events.extend(reader.join().unwrap());
    let logs: Vec<String> = events.iter().map(Value::to_string).collect();
    let logged = |words: &[&str]| logs.iter().any(|l| words.iter().all(|w| l.contains(w)));
    assert!(
        logged(&["/api/v1/auth/login", "401"]),
        "the wrong password's refusal is logged"
    );
    assert!(
        logged(&["/api/v1/me\"", "401"]),
        "the revoked token's refusal is logged"
    );
    assert!(
        logged(&["webhook delivery failed"]),
        "the failed delivery is logged"
    );
    let secrets = [
        ("the steward's password", PASSWORD.to_owned()),
        ("a password", FIRST_PASSWORD.to_owned()),
        ("the new password", SECOND_PASSWORD.to_owned()),
        ("a wrong password", WRONG_PASSWORD.to_owned()),
        ("the JWT secret", JWT_SECRET.to_owned()),
        ("the SMTP password", SMTP_PASSWORD.to_owned()),
        ("an access token", first_token),
        ("the steward's token", steward.token.clone()),
        ("the calendar key", feed_key),
        (
            "the webhook secret",
            hook_secret.trim_start_matches("whsec_").to_owned(),
        ),
        ("a webhook signature", signature),
    ];
    for (what, secret) in secrets {
        assert!(secret.len() >= 8, "{what} is too short to look for");
        for line in &logs {
            assert!(!line.contains(&secret), "{what} is in the log: {line}");
        }
    }
}
