//! Running the binary and the server against a test database.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use coophub_server::{Application, Settings};
use coophub_testkit::TestDatabase;
use serde_json::Value;

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
    pub events: Box<dyn Iterator<Item = Value>>,
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
        .envs(vars.iter().copied())
        .args(["--bind", "127.0.0.1:0"])
        .env("RUST_LOG", "info")
        .env("COOPHUB_LOG_FORMAT", "json")
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
