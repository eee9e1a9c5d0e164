//! Accounts: register, login, me, password change, rate limit.

use std::num::NonZeroU32;

use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, TestApp, assert_problem, pointers};

backend_tests!(
    register_then_login_then_me,
    a_duplicate_email_conflicts_whatever_its_case,
    a_wrong_password_or_unknown_email_is_refused_alike,
    registration_reports_each_invalid_field,
    a_password_change_revokes_older_tokens,
    a_wrong_current_password_changes_nothing,
    login_attempts_are_rate_limited_per_account,
    someone_else_s_guesses_do_not_lock_the_owner_out,
    racing_registrations_of_one_email_create_one_account,
);

async fn register_then_login_then_me(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let registered = app.register("  Ada@Example.COOP ").await;
    assert_eq!(registered["email"], "ada@example.coop");
    assert_eq!(registered["name"], "Test Person");
    assert_eq!(registered["network_admin"], false);
    assert!(registered.get("password_hash").is_none() && registered.get("password").is_none());

    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "ADA@example.coop", "password": PASSWORD}),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let login: Value = res.json().await.unwrap();
    assert_eq!(login["token_type"], "Bearer");
    let expires_in = login["expires_in"].as_u64().unwrap();
    assert!(expires_in > 0 && expires_in <= 3600, "{expires_in}");

    let res = app.get("/api/v1/me", login["access_token"].as_str()).await;
    assert_eq!(res.status(), StatusCode::OK);
    let me: Value = res.json().await.unwrap();
    assert_eq!(me["id"], registered["id"]);
    assert_eq!(me["email"], "ada@example.coop");
}

async fn a_duplicate_email_conflicts_whatever_its_case(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.register("grace@example.coop").await;
    let res = app
        .post_json(
            "/api/v1/auth/register",
            &json!({"email": "Grace@Example.coop", "password": PASSWORD, "name": "Another"}),
            None,
        )
        .await;
    let problem = assert_problem(res, 409, "email_taken").await;
    assert_eq!(problem["conflicts"][0]["pointer"], "/email", "{problem}");
}

async fn a_wrong_password_or_unknown_email_is_refused_alike(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.register("ada@example.coop").await;
    let wrong_password = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "ada@example.coop", "password": "not the password"}),
            None,
        )
        .await;
    assert!(wrong_password.headers().get("www-authenticate").is_some());
    let wrong_password = assert_problem(wrong_password, 401, "invalid_credentials").await;
    let unknown = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "nobody@example.coop", "password": PASSWORD}),
            None,
        )
        .await;
    let unknown = assert_problem(unknown, 401, "invalid_credentials").await;
    assert_eq!(
        wrong_password["detail"], unknown["detail"],
        "the answer must not reveal which was wrong"
    );
}

async fn registration_reports_each_invalid_field(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let res = app
        .post_json(
            "/api/v1/auth/register",
            &json!({"email": "not-an-email", "password": "short", "name": "Ada"}),
            None,
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/email", "/password"]);

    let res = app
        .post_json(
            "/api/v1/auth/register",
            &json!({"email": "ada@example.coop", "name": "Ada"}),
            None,
        )
        .await;
    let problem = assert_problem(res, 422, "invalid_body").await;
    assert_eq!(pointers(&problem), ["/password"], "{problem}");
    assert_eq!(problem["errors"][0]["message"], "is required");
}

async fn a_password_change_revokes_older_tokens(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.register("ada@example.coop").await;
    let old_token = app.login("ada@example.coop", PASSWORD).await;

    let res = app
        .post_json(
            "/api/v1/me/password",
            &json!({"current_password": PASSWORD, "new_password": "a brand new passphrase"}),
            Some(&old_token),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let changed: Value = res.json().await.unwrap();
    let new_token = changed["access_token"].as_str().unwrap();

    assert_problem(
        app.get("/api/v1/me", Some(&old_token)).await,
        401,
        "unauthenticated",
    )
    .await;
    assert_eq!(
        app.get("/api/v1/me", Some(new_token)).await.status(),
        StatusCode::OK
    );
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "ada@example.coop", "password": PASSWORD}),
            None,
        )
        .await;
    assert_problem(res, 401, "invalid_credentials").await;
    app.login("ada@example.coop", "a brand new passphrase")
        .await;
}

async fn a_wrong_current_password_changes_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.register("ada@example.coop").await;
    let token = app.login("ada@example.coop", PASSWORD).await;
    let res = app
        .post_json(
            "/api/v1/me/password",
            &json!({"current_password": "not my password", "new_password": "tiny"}),
            Some(&token),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/current_password", "/new_password"]);
    assert_eq!(
        app.get("/api/v1/me", Some(&token)).await.status(),
        StatusCode::OK,
        "the token still works"
    );
    app.login("ada@example.coop", PASSWORD).await;
}

async fn login_attempts_are_rate_limited_per_account(backend: Backend) {
    let app = TestApp::spawn_with(backend, |settings| {
        settings.login_attempts_per_account = NonZeroU32::new(3).unwrap();
    })
    .await;
    app.register("ada@example.coop").await;
    for _ in 0..3 {
        let res = app
            .try_login("ada@example.coop", "guess one two three")
            .await;
        assert_problem(res, 401, "invalid_credentials").await;
    }
    let limited = app.try_login("ada@example.coop", PASSWORD).await;
    let retry_after: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert_problem(limited, 429, "rate_limited").await;

    // Another account from the same client is not affected by this account's limit.
    app.register("grace@example.coop").await;
    app.login("grace@example.coop", PASSWORD).await;
}

/// The outside test: five wrong passwords a minute from any address made the
/// owner's correct password answer 429 too. Guesses come from 127.0.0.2 here,
/// the owner signs in from 127.0.0.1.
async fn someone_else_s_guesses_do_not_lock_the_owner_out(backend: Backend) {
    let app = TestApp::spawn_with(backend, |settings| {
        settings.login_attempts_per_account = NonZeroU32::new(5).unwrap();
    })
    .await;
    app.register("ada@example.coop").await;
    let guesser = reqwest::Client::builder()
        .local_address(std::net::IpAddr::from([127, 0, 0, 2]))
        .build()
        .unwrap();
    let guess = json!({"email": "ada@example.coop", "password": "guess one two three"});
    let mut statuses = Vec::new();
    for _ in 0..8 {
        let res = guesser
            .post(app.url("/api/v1/auth/login"))
            .json(&guess)
            .send()
            .await
            .unwrap();
        statuses.push(res.status().as_u16());
    }
    assert_eq!(
        statuses,
        [401, 401, 401, 401, 401, 429, 429, 429],
        "the guesser is slowed"
    );
    app.login("ada@example.coop", PASSWORD).await;
}

async fn racing_registrations_of_one_email_create_one_account(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let body = json!({"email": "race@example.coop", "password": PASSWORD, "name": "Racer"});
    let attempts = (0..8).map(|_| app.post_json("/api/v1/auth/register", &body, None));
    let statuses: Vec<u16> = futures_util::future::join_all(attempts)
        .await
        .iter()
        .map(|res| res.status().as_u16())
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        7,
        "{statuses:?}"
    );
    app.login("race@example.coop", PASSWORD).await;
}
