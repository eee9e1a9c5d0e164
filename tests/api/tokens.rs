//! Every kind of bad token is refused with 401 problem+json.

use coophub_testkit::{Backend, backend_tests};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, TEST_SECRET, TestApp, assert_problem};

backend_tests!(
    a_well_formed_forged_token_is_accepted_so_the_others_fail_for_their_defect,
    tokens_with_a_defect_are_refused,
    a_token_issued_before_a_password_change_is_refused,
    requests_without_a_usable_authorization_header_are_refused,
);

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        .try_into()
        .unwrap()
}

/// Valid claims for `user_id` at token version 0.
fn claims(user_id: &str) -> Value {
    let now = now();
    json!({"sub": user_id, "iss": "coophub", "aud": "coophub-api", "iat": now, "nbf": now, "exp": now + 600, "ver": 0})
}

fn sign(claims: &Value, secret: &str) -> String {
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        claims,
        &EncodingKey::from_secret(secret.as_bytes()).unwrap(),
    )
    .unwrap()
}

fn b64(bytes: &[u8]) -> String {
    // Unpadded base64url, as JWTs use.
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

async fn registered(app: &TestApp) -> String {
    app.register("ada@example.coop").await["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn a_well_formed_forged_token_is_accepted_so_the_others_fail_for_their_defect(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let user_id = registered(&app).await;
    let token = sign(&claims(&user_id), TEST_SECRET);
    assert_eq!(
        app.get("/api/v1/me", Some(&token)).await.status(),
        StatusCode::OK
    );
}

async fn tokens_with_a_defect_are_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let user_id = registered(&app).await;
    let other_id = app.register("grace@example.coop").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let valid = claims(&user_id);
    let with = |key: &str, value: Value| {
        let mut claims = valid.clone();
        claims[key] = value;
        sign(&claims, TEST_SECRET)
    };

    let alg_none = format!(
        "{}.{}.",
        b64(br#"{"alg":"none","typ":"JWT"}"#),
        b64(valid.to_string().as_bytes())
    );
    let tampered = {
        let token = sign(&valid, TEST_SECRET);
        let parts: Vec<&str> = token.split('.').collect();
        let mut forged = valid.clone();
        forged["sub"] = json!(other_id);
        format!(
            "{}.{}.{}",
            parts[0],
            b64(forged.to_string().as_bytes()),
            parts[2]
        )
    };
    let without_exp = {
        let mut claims = valid.clone();
        claims.as_object_mut().unwrap().remove("exp");
        sign(&claims, TEST_SECRET)
    };
    let cases = [
        ("alg none", alg_none),
        (
            "signed with another key",
            sign(&valid, "another-secret-another-secret-another-secret"),
        ),
        ("expired", with("exp", json!(now() - 3600))),
        ("not yet valid", with("nbf", json!(now() + 3600))),
        ("wrong audience", with("aud", json!("someone-else"))),
        ("wrong issuer", with("iss", json!("not-coophub"))),
        ("tampered payload", tampered),
        ("no expiry", without_exp),
        ("subject is not a user id", with("sub", json!("root"))),
        (
            "unknown user",
            with("sub", json!(uuid::Uuid::new_v4().to_string())),
        ),
        ("garbage", "not.a.token".to_owned()),
        // Signed with the real key, but not as coophub issues tokens.
        ("issued in the future", with("iat", json!(now() + 3600))),
        ("a day's lifetime", with("exp", json!(now() + 86_400))),
    ];
    for (defect, token) in cases {
        let res = app.get("/api/v1/me", Some(&token)).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{defect}");
        assert!(res.headers().get("www-authenticate").is_some(), "{defect}");
        assert_problem(res, 401, "unauthenticated").await;
    }
}

async fn a_token_issued_before_a_password_change_is_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let user_id = registered(&app).await;
    let before = sign(&claims(&user_id), TEST_SECRET);
    let token = app.login("ada@example.coop", PASSWORD).await;
    let res = app
        .post_json(
            "/api/v1/me/password",
            &json!({"current_password": PASSWORD, "new_password": "another long passphrase"}),
            Some(&token),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let problem = assert_problem(
        app.get("/api/v1/me", Some(&before)).await,
        401,
        "unauthenticated",
    )
    .await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("password change"),
        "{problem}"
    );
}

async fn requests_without_a_usable_authorization_header_are_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    assert_problem(app.get("/api/v1/me", None).await, 401, "unauthenticated").await;
    let res = app
        .client
        .get(app.url("/api/v1/me"))
        .header("Authorization", "Basic YWRhOnB3")
        .send()
        .await
        .unwrap();
    assert_problem(res, 401, "unauthenticated").await;
}
