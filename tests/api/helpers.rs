//! Starting a server per test and talking to it.

use std::num::NonZeroU32;
use std::sync::Arc;

use coophub_domain::{ManualClock, NewPassword};
use coophub_store::{PoolOptions, Store, users};

use coophub_server::{Application, Settings};
use coophub_testkit::{Backend, TestDatabase};
use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};

/// The JWT secret every test server signs with, so tests can forge tokens.
pub const TEST_SECRET: &str = "test-secret-test-secret-test-secret-0123456789";
/// A password that satisfies the rules.
pub const PASSWORD: &str = "correct horse battery staple";

/// A running server with its own database.
pub struct TestApp {
    pub base: String,
    pub client: Client,
    /// The clock the server's rules read; tests move it.
    pub clock: Arc<ManualClock>,
    database_url: String,
    // Dropped last: the database outlives the requests made to it.
    _db: TestDatabase,
}

/// Adjusts the settings of a test server before it starts.
pub type Tweak = fn(&mut Settings);

impl TestApp {
    /// Starts a server on `backend` with the default test settings.
    pub async fn spawn(backend: Backend) -> Self {
        Self::spawn_with(backend, |_| {}).await
    }

    /// Starts a server on `backend`, letting `tweak` change its settings.
    pub async fn spawn_with(backend: Backend, tweak: impl FnOnce(&mut Settings)) -> Self {
        let db = TestDatabase::migrated(backend);
        let flags = [
            ("bind", "127.0.0.1:0".to_owned()),
            ("data_dir", db.data_dir().display().to_string()),
            ("database_url", db.url().to_owned()),
        ];
        let mut settings = Settings::load(None, &|_| None, &flags).unwrap();
        settings.jwt_secret = Some(TEST_SECRET.to_owned());
        settings.database_pool_size = 4;
        settings.login_attempts_per_account = NonZeroU32::new(20).unwrap();
        // Tests open many accounts from 127.0.0.1; the sign-up test lowers it.
        settings.registrations_per_address = NonZeroU32::new(10_000).unwrap();
        // Reminders only where a test asks for them (tests/api/reminders.rs):
        // others move the clock and count what they were told.
        settings.reminder_interval = std::time::Duration::from_secs(3600);
        tweak(&mut settings);
        let clock = Arc::new(ManualClock::new(chrono::Utc::now()));
        let app = Application::build_with_clock(&settings, clock.clone())
            .await
            .unwrap();
        let base = format!("http://{}", app.address());
        actix_web::rt::spawn(app.run_until_stopped());
        Self {
            base,
            client: Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            clock,
            database_url: db.url().to_owned(),
            _db: db,
        }
    }

    /// The URL of the test's database.
    pub fn database_url(&self) -> &str {
        &self.database_url
    }

    /// The server's rule clock, as RFC 3339.
    pub fn clock_now_rfc3339(&self) -> String {
        use coophub_domain::Clock;
        self.clock.now().to_rfc3339()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Response {
        let mut request = self.client.get(self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.unwrap()
    }

    /// GETs `path` and answers the JSON body, whatever the status.
    pub async fn get_json(&self, path: &str, token: Option<&str>) -> Value {
        self.get(path, token).await.json().await.unwrap()
    }

    /// The summaries of the notifications of `kind` that `token` was told of.
    pub async fn told(&self, token: &str, kind: &str) -> Vec<String> {
        let inbox = self
            .get_json("/api/v1/me/notifications?per_page=100", Some(token))
            .await;
        inbox["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["kind"] == kind)
            .map(|n| n["summary"].as_str().unwrap().to_owned())
            .collect()
    }

    pub async fn post_json(&self, path: &str, body: &Value, token: Option<&str>) -> Response {
        let mut request = self.client.post(self.url(path)).json(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.unwrap()
    }

    /// Posts `body` as it is, with the given content type (none when `None`).
    pub async fn post_raw(&self, path: &str, content_type: Option<&str>, body: String) -> Response {
        let mut request = self.client.post(self.url(path)).body(body);
        if let Some(content_type) = content_type {
            request = request.header("Content-Type", content_type);
        }
        request.send().await.unwrap()
    }

    /// Registers an account and answers its JSON.
    pub async fn register(&self, email: &str) -> Value {
        let res = self
            .post_json(
                "/api/v1/auth/register",
                &json!({"email": email, "password": PASSWORD, "name": "Test Person"}),
                None,
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        res.json().await.unwrap()
    }

    /// Creates a network admin directly in the database and signs them in.
    pub async fn network_admin(&self, email: &str) -> String {
        let url = self.database_url.clone();
        let owned = email.to_owned();
        actix_web::web::block(move || {
            let store = Store::connect(&url, PoolOptions::default()).unwrap();
            let hash = NewPassword::parse(PASSWORD, "/password")
                .unwrap()
                .hash()
                .unwrap();
            let admin = users::NewUser {
                email: &owned,
                name: "Steward",
                password_hash: &hash,
                network_admin: true,
            };
            users::insert(&mut store.conn().unwrap(), &admin, chrono::Utc::now()).unwrap();
        })
        .await
        .unwrap();
        self.login(email, PASSWORD).await
    }

    /// Registers `email` and answers a token for it.
    pub async fn user(&self, email: &str) -> String {
        self.register(email).await;
        self.login(email, PASSWORD).await
    }

    /// Sends `body` with `method`, a token and optionally `If-Match`.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&Value>,
        token: Option<&str>,
        if_match: Option<&str>,
    ) -> Response {
        let mut request = self.client.request(method, self.url(path));
        if let Some(body) = body {
            request = request.json(body);
        }
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(tag) = if_match {
            request = request.header("If-Match", tag);
        }
        request.send().await.unwrap()
    }

    /// Attempts to sign in.
    pub async fn try_login(&self, email: &str, password: &str) -> Response {
        self.post_json(
            "/api/v1/auth/login",
            &json!({"email": email, "password": password}),
            None,
        )
        .await
    }

    /// Signs in and answers the access token.
    pub async fn login(&self, email: &str, password: &str) -> String {
        let res = self.try_login(email, password).await;
        assert_eq!(res.status(), StatusCode::OK);
        let body: Value = res.json().await.unwrap();
        body["access_token"].as_str().unwrap().to_owned()
    }
}

/// Makes a secret feed by posting to `path` as `token`; answers the path
/// (with its `key`) of the URL it was given.
pub async fn secret_feed(app: &TestApp, path: &str, token: &str) -> String {
    let res = app.post_json(path, &json!({}), Some(token)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let made: Value = res.json().await.unwrap();
    let url = made["url"].as_str().unwrap();
    url[url.find("/api/").unwrap()..].to_owned()
}

/// Asserts that `res` is a problem document with `status` and `code`; answers the document.
pub async fn assert_problem(res: Response, status: u16, code: &str) -> Value {
    assert_eq!(res.status().as_u16(), status, "status");
    let content_type = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned());
    assert_eq!(content_type.as_deref(), Some("application/problem+json"));
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["status"], status, "{body}");
    assert_eq!(body["code"], code, "{body}");
    assert_eq!(body["type"], format!("urn:coophub:problem:{code}"));
    assert!(
        body["title"].as_str().is_some_and(|t| !t.is_empty()),
        "{body}"
    );
    assert!(
        body["detail"].as_str().is_some_and(|d| !d.is_empty()),
        "{body}"
    );
    body
}

/// The pointers of a validation problem's errors.
pub fn pointers(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["pointer"].as_str().unwrap().to_owned())
        .collect()
}
