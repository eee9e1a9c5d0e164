//! The webhook worker across processes: a delivery cut off by a crash is
//! made again after a restart, with the same `webhook-id`; two servers on one
//! database make each delivery attempt exactly once.

use std::collections::BTreeMap;
use std::time::Duration;

use coophub_testkit::receiver::{Receiver, Reply, verify};
use coophub_testkit::{Backend, TestDatabase, backend_tests};
use serde_json::{Value, json};

use crate::helpers::{ServerProcess, Steward, received, start_server_with};

backend_tests!(
    a_delivery_cut_off_by_a_crash_is_made_after_the_restart,
    two_servers_on_one_database_make_each_attempt_once,
);

/// Loopback allowed, attempts cut off after a second (so a claim's lease
/// lasts 7 s), looked for every 50 ms, retried every second; links in
/// bodies name one public address, and tokens one secret, whichever process
/// answers.
const QUICK: [(&str, &str); 6] = [
    (
        "COOPHUB_JWT_SECRET",
        "a shared secret for every instance of this test hub, 64+ bytes long",
    ),
    ("COOPHUB_PUBLIC_URL", "https://hub.example.coop"),
    ("COOPHUB_WEBHOOKS_ALLOW_PRIVATE", "true"),
    ("COOPHUB_WEBHOOK_TIMEOUT", "1"),
    ("COOPHUB_WEBHOOK_POLL_INTERVAL_MS", "50"),
    ("COOPHUB_WEBHOOK_RETRY_DELAYS", "1,1,1,1,1,1,1,1,1"),
];

fn serve(db: &TestDatabase) -> ServerProcess {
    start_server_with(db, &["serve"], &QUICK)
}

/// A second instance on the same database, with its own data directory
/// (search index), as instances on separate machines have.
fn serve_another(db: &TestDatabase, data_dir: &tempfile::TempDir) -> ServerProcess {
    let data_dir = data_dir.path().to_str().unwrap();
    let vars: Vec<(&str, &str)> = QUICK
        .into_iter()
        .chain([("COOPHUB_DATA_DIR", data_dir)])
        .collect();
    start_server_with(db, &["serve"], &vars)
}

/// The webhook steps of a steward.
trait Hooks {
    async fn hooked_coop(&self, server: &ServerProcess, receiver: &Receiver) -> Value;
    async fn invite(&self, server: &ServerProcess);
}

impl Hooks for Steward {
    /// Creates the co-op `hooked` (the steward is its admin) with an endpoint
    /// on `receiver` for invitations; answers the registration.
    async fn hooked_coop(&self, server: &ServerProcess, receiver: &Receiver) -> Value {
        let coop = json!({
            "slug": "hooked", "name": "Hooked Co-op", "summary": "A worker co-op",
            "location": {"locality": "Leeds", "country": "gb"},
            "legal_form": "cooperative_society", "organisational_structure": "worker_coop",
        });
        self.post(&server.address, "/api/v1/coops", &coop).await;
        let hook = json!({"url": receiver.url("/hook"), "events": ["membership.invited"]});
        self.post(&server.address, "/api/v1/coops/hooked/webhooks", &hook)
            .await
    }

    /// Invites `hooked` (again): one event, one message to its endpoint.
    async fn invite(&self, server: &ServerProcess) {
        let invite = json!({"action": "invite"});
        self.post(&server.address, "/api/v1/coops/hooked/membership", &invite)
            .await;
    }
}

async fn a_delivery_cut_off_by_a_crash_is_made_after_the_restart(backend: Backend) {
    let db = TestDatabase::create(backend);
    let receiver = Receiver::start();
    // The first attempt never gets an answer: the server dies during it.
    receiver.answer_next([Reply::Hang(Duration::from_secs(30))]);
    let first = serve(&db);
    let steward = Steward::sign_in(&db, &first).await;
    let hook = steward.hooked_coop(&first, &receiver).await;
    steward.invite(&first).await;
    let cut_off = received(&receiver, 1, 10).await.remove(0);
    first.crash();

    let second = serve(&db);
    // Once the dead server's lease (2 × timeout + 5 s) has run out.
    let got = received(&receiver, 2, 20).await;
    assert_eq!(got.len(), 2, "delivered once more, not more");
    let again = &got[1];
    assert_eq!(again.header("webhook-id"), cut_off.header("webhook-id"));
    assert_eq!(again.body, cut_off.body, "the same message");
    verify(hook["secret"].as_str().unwrap(), again).unwrap();
    let body: Value = serde_json::from_slice(&again.body).unwrap();
    assert_eq!(body["type"], "membership.invited");

    let path = format!(
        "/api/v1/coops/hooked/webhooks/{}/deliveries",
        hook["id"].as_str().unwrap()
    );
    let mut log = Value::Null;
    for _ in 0..100 {
        log = steward.get(&second.address, &path).await;
        if log["items"][0]["state"] == "delivered" {
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(log["total"], 1, "{log}");
    assert_eq!(log["items"][0]["state"], "delivered", "{log}");
    second.stop();
}

async fn two_servers_on_one_database_make_each_attempt_once(backend: Backend) {
    const MESSAGES: usize = 8;
    let db = TestDatabase::create(backend);
    let receiver = Receiver::start();
    // Eight failures, to whichever attempts come first: sixteen attempts in all.
    receiver.answer_next(std::iter::repeat_n(Reply::Status(500), MESSAGES));
    let elsewhere = tempfile::tempdir().unwrap();
    let servers = [serve(&db), serve_another(&db, &elsewhere)];
    let steward = Steward::sign_in(&db, &servers[0]).await;
    let hook = steward.hooked_coop(&servers[1], &receiver).await;
    for round in 0..MESSAGES {
        steward.invite(&servers[round % 2]).await;
    }
    received(&receiver, 2 * MESSAGES, 30).await;
    // Time for a duplicate to turn up, if there were one.
    actix_web::rt::time::sleep(Duration::from_secs(3)).await;

    let mut per_message = BTreeMap::<String, usize>::new();
    let received = receiver.received();
    assert_eq!(received.len(), 2 * MESSAGES, "no attempt made twice");
    for request in &received {
        verify(hook["secret"].as_str().unwrap(), request).unwrap();
        *per_message
            .entry(request.header("webhook-id").to_owned())
            .or_default() += 1;
    }
    assert_eq!(per_message.len(), MESSAGES, "{per_message:?}");
    // Each message's logged attempts are exactly those its receiver saw:
    // failures, then one delivery.
    let path = format!(
        "/api/v1/coops/hooked/webhooks/{}/deliveries?per_page=50",
        hook["id"].as_str().unwrap()
    );
    let log = steward.get(&servers[0].address, &path).await;
    assert_eq!(log["total"], MESSAGES, "{log}");
    for message in log["items"].as_array().unwrap() {
        assert_eq!(message["state"], "delivered", "{message}");
        let mut statuses: Vec<&Value> = message["attempts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| &a["status"])
            .collect();
        let id = message["id"].as_str().unwrap();
        assert_eq!(statuses.len(), per_message[id], "{message} {per_message:?}");
        assert_eq!(statuses.pop(), Some(&json!(200)), "{message}");
        assert!(statuses.iter().all(|s| **s == json!(500)), "{message}");
    }
    for server in servers {
        server.stop();
    }
}
