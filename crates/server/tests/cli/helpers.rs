//! Running the binary and the server against a test database.

use std::process::{Command, Output};

use coophub_server::{Application, Settings};
use coophub_testkit::TestDatabase;

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
