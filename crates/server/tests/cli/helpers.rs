//! Running the binary and the server against a test database.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use coophub_server::{Application, Settings};
use coophub_testkit::TestDatabase;
use coophub_testkit::receiver::{Received, Receiver};
use serde_json::{Value, json};

/// The steward's password in tests that sign in.
pub const PASSWORD: &str = "steward passphrase 1";

/// The binary with a clean environment pointing at `db`.
pub fn coophub(db: &TestDatabase) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_coophub"));
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("COOPHUB_DATA_DIR", db.data_dir())
        .env("COOPHUB_DATABASE_URL", db.url());
    command
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Starts the server in-process on `db`; answers its base URL.
pub async fn serve(db: &TestDatabase) -> String {
    let flags = [
        ("bind", "127.0.0.1:0".to_owned()),
        ("data_dir", db.data_dir().display().to_string()),
        ("database_url", db.url().to_owned()),
    ];
    let app = Application::build(&Settings::load(None, &|_| None, &flags).unwrap())
        .await
        .unwrap();
    let base = format!("http://{}", app.address());
    actix_web::rt::spawn(app.run_until_stopped());
    base
}

/// A server process with JSON logs, and the log events it has printed since it listened.
pub struct ServerProcess {
    pub child: Child,
    pub address: String,
    pub events: Box<dyn Iterator<Item = Value> + Send>,
    pub startup: Vec<Value>,
}

/// Starts `coophub <args>` on a free port with JSON logs; waits until it listens.
pub fn start_server(db: &TestDatabase, args: &[&str]) -> ServerProcess {
    start_server_with(db, args, &[])
}

/// [`start_server`] with these extra environment variables.
pub fn start_server_with(db: &TestDatabase, args: &[&str], vars: &[(&str, &str)]) -> ServerProcess {
    let mut child = coophub(db)
        .args(args)
        .args(["--bind", "127.0.0.1:0"])
        .env("RUST_LOG", "info")
        .env("COOPHUB_LOG_FORMAT", "json")
        .envs(vars.iter().copied())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut events = BufReader::new(child.stderr.take().unwrap())
        .lines()
        .map_while(Result::ok)
        .map(|line| serde_json::from_str::<Value>(&line).unwrap_or_else(|e| panic!("{e}: {line}")));
    let mut startup = Vec::new();
    let address = loop {
        let event = events.next().expect("the server logs its address");
        if let Some(address) = event["address"].as_str() {
            break address.to_owned();
        }
        startup.push(event);
    };
    ServerProcess {
        child,
        address,
        events: Box::new(events),
        startup,
    }
}

impl ServerProcess {
    /// Reads the log as it comes, on a thread that answers every event once
    /// the process ends: a server that logs more than a pipe holds would
    /// otherwise stop at its next line.
    pub fn keep_reading_logs(&mut self) -> std::thread::JoinHandle<Vec<Value>> {
        let events = std::mem::replace(&mut self.events, Box::new(std::iter::empty()));
        std::thread::spawn(move || events.collect())
    }

    /// Kills the process with SIGKILL, as a crash would, and reaps it.
    pub fn crash(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// Sends SIGTERM and waits (up to 20 s) for a clean exit; answers the remaining log events.
    pub fn stop(mut self) -> Vec<Value> {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = Instant::now() + Duration::from_secs(20);
        let exit = loop {
            if let Some(exit) = self.child.try_wait().unwrap() {
                break exit;
            }
            assert!(
                Instant::now() < deadline,
                "the server did not stop within 20 s of SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        assert!(exit.success(), "{exit:?}");
        std::mem::replace(&mut self.events, Box::new(std::iter::empty())).collect()
    }
}

/// A test that fails part-way leaves no server behind.
impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A signed-in steward (network admin).
#[derive(Clone)]
pub struct Steward {
    pub client: reqwest::Client,
    pub token: String,
}

impl Steward {
    /// Creates the network admin `steward@example.coop` on `db` and signs in at `server`.
    pub async fn sign_in(db: &TestDatabase, server: &ServerProcess) -> Self {
        let output = coophub(db)
            .args(["admin", "create", "--email", "steward@example.coop"])
            .env("COOPHUB_ADMIN_PASSWORD", PASSWORD)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        Self::log_in(server).await
    }

    /// Signs in at `server` as the steward created before.
    pub async fn log_in(server: &ServerProcess) -> Self {
        let client = reqwest::Client::new();
        let login: Value = client
            .post(format!("http://{}/api/v1/auth/login", server.address))
            .json(&json!({"email": "steward@example.coop", "password": PASSWORD}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let token = login["access_token"].as_str().unwrap().to_owned();
        Self { client, token }
    }

    /// POSTs `body`; the answer must be a success.
    pub async fn post(&self, address: &str, path: &str, body: &Value) -> Value {
        let res = self
            .client
            .post(format!("http://{address}{path}"))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            .unwrap();
        assert!(res.status().is_success(), "{path}: {}", res.status());
        res.json().await.unwrap()
    }

    /// POSTs `body` (none if `None`); answers `None` when the server cannot
    /// be reached or refuses (a write that was not acknowledged).
    pub async fn try_post(&self, address: &str, path: &str, body: Option<&Value>) -> Option<Value> {
        let mut request = self
            .client
            .post(format!("http://{address}{path}"))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(body);
        }
        let res = request.send().await.ok()?;
        if !res.status().is_success() {
            return None;
        }
        res.json().await.ok()
    }

    /// GETs `path`; the answer must be a success.
    pub async fn get(&self, address: &str, path: &str) -> Value {
        let res = self
            .client
            .get(format!("http://{address}{path}"))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap();
        assert!(res.status().is_success(), "{path}: {}", res.status());
        res.json().await.unwrap()
    }
}

/// Waits (up to `seconds`) until `receiver` has `count` requests.
pub async fn received(receiver: &Receiver, count: usize, seconds: u64) -> Vec<Received> {
    for _ in 0..seconds * 20 {
        let got = receiver.received();
        if got.len() >= count {
            return got;
        }
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "expected {count} requests, got {}",
        receiver.received().len()
    );
}
