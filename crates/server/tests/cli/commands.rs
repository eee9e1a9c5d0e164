//! Commands, configuration errors, and a graceful stop on SIGTERM.

use std::process::Stdio;

use coophub_testkit::{Backend, TestDatabase, backend_tests};

use crate::helpers::{coophub, serve, start_server, stderr, stdout};
use serde_json::{Value, json};

backend_tests!(
    migrate_brings_an_empty_database_up_to_date,
    admin_create_makes_a_network_admin_who_can_sign_in
);

async fn migrate_brings_an_empty_database_up_to_date(backend: Backend) {
    let db = TestDatabase::create(backend);
    let output = coophub(&db).arg("migrate").output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("up to date"),
        "{}",
        stdout(&output)
    );
    // A second run has nothing to apply and still succeeds.
    let output = coophub(&db).arg("migrate").output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        !stderr(&output).contains("applied migrations"),
        "{}",
        stderr(&output)
    );
}

async fn admin_create_makes_a_network_admin_who_can_sign_in(backend: Backend) {
    let db = TestDatabase::create(backend);
    let password = "steward passphrase 1";
    let output = coophub(&db)
        .args([
            "admin",
            "create",
            "--email",
            "Steward@Example.coop",
            "--name",
            "Steward",
        ])
        .env("COOPHUB_ADMIN_PASSWORD", password)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("steward@example.coop"));

    // The same email again is refused with a clear message.
    let mut again = coophub(&db)
        .args(["admin", "create", "--email", "steward@example.coop"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(
        &mut again.stdin.take().unwrap(),
        format!("{password}\n").as_bytes(),
    )
    .unwrap();
    let output = again.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("already exists"),
        "{}",
        stderr(&output)
    );

    let base = serve(&db).await;
    let client = reqwest::Client::new();
    let login = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"email": "steward@example.coop", "password": password}));
    let login: Value = login.send().await.unwrap().json().await.unwrap();
    let token = login["access_token"].as_str().unwrap();
    let me = client.get(format!("{base}/api/v1/me")).bearer_auth(token);
    let me: Value = me.send().await.unwrap().json().await.unwrap();
    assert_eq!(me["network_admin"], true);
    assert_eq!(me["name"], "Steward");
}

#[test]
fn an_invalid_setting_stops_start_up_with_one_line_naming_it() {
    let db = TestDatabase::create(Backend::Sqlite);
    let output = coophub(&db)
        .env("COOPHUB_BIND", "not-an-address")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("COOPHUB_BIND"), "{message}");
}

#[test]
fn admin_create_refuses_a_short_password() {
    let db = TestDatabase::create(Backend::Sqlite);
    let output = coophub(&db)
        .args(["admin", "create", "--email", "a@example.coop"])
        .env("COOPHUB_ADMIN_PASSWORD", "short")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("password must be at least 10 characters"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn openapi_prints_the_document() {
    let db = TestDatabase::create(Backend::Sqlite);
    let output = coophub(&db).arg("openapi").output().unwrap();
    assert!(output.status.success());
    let spec: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(spec["info"]["title"], "coophub");
}

/// `coophub openapi | head` panicked on the closed pipe (issue 27).
#[test]
fn openapi_into_a_pipe_closed_early_ends_quietly() {
    let db = TestDatabase::create(Backend::Sqlite);
    let mut child = coophub(&db)
        .arg("openapi")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    let mut reader = child.stdout.take().unwrap();
    std::io::Read::read_exact(&mut reader, &mut first).unwrap();
    drop(reader);
    let output = child.wait_with_output().unwrap();
    let said = stderr(&output);
    assert!(!said.contains("panicked"), "{said}");
    assert!(output.status.success(), "{:?}: {said}", output.status);
}

#[test]
fn sigterm_stops_the_server_gracefully_and_json_logs_carry_the_request_id() {
    let db = TestDatabase::create(Backend::Sqlite);
    let server = start_server(&db, &["serve"]);
    let mut stream = std::net::TcpStream::connect(&server.address).unwrap();
    let request = "GET /healthz HTTP/1.1\r\nHost: test\r\nX-Request-Id: sigterm-test\r\nConnection: close\r\n\r\n";
    std::io::Write::write_all(&mut stream, request.as_bytes()).unwrap();
    let mut response = String::new();
    std::io::Read::read_to_string(&mut stream, &mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(
        response
            .to_lowercase()
            .contains("x-request-id: sigterm-test"),
        "{response}"
    );

    let events = server.stop();
    let access = events
        .iter()
        .find(|event| event["message"] == "request completed")
        .unwrap_or_else(|| panic!("no access log line in {events:?}"));
    assert_eq!(access["span"]["request_id"], "sigterm-test");
    assert_eq!(access["status"], 200);
    assert!(
        events.iter().any(|event| event["message"] == "stopped"),
        "{events:?}"
    );
}

#[test]
fn serve_demo_serves_a_demo_network_from_a_temporary_database() {
    let db = TestDatabase::create(Backend::Sqlite);
    let server = start_server(&db, &["serve", "--demo"]);
    let database = server
        .startup
        .iter()
        .find_map(|event| event["database"].as_str().map(str::to_owned))
        .expect("the demo says where its database is");
    assert!(std::path::Path::new(&database).exists());
    let get = |path: &str| -> Value {
        let mut stream = std::net::TcpStream::connect(&server.address).unwrap();
        let request = format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
        std::io::Write::write_all(&mut stream, request.as_bytes()).unwrap();
        let mut response = String::new();
        std::io::Read::read_to_string(&mut stream, &mut response).unwrap();
        let body = response.split("\r\n\r\n").nth(1).unwrap();
        serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {response}"))
    };
    assert_eq!(get("/api/v1/coops?per_page=1")["total"], 29);
    let people = get("/api/v1/coops/autonomic/people");
    let name = people["items"][0]["name"].as_str().unwrap();
    assert!(name.contains("(demo)"), "example people are marked: {name}");
    assert!(
        !db.data_path("coophub.sqlite3").exists(),
        "the demo leaves the real data directory alone"
    );
    server.stop();
    assert!(
        !std::path::Path::new(&database).exists(),
        "the temporary database is removed on exit"
    );
}
