//! Several instances on one PostgreSQL behind nginx, with the configuration
//! in `deploy/nginx/coophub.conf`: a change written through one instance is
//! found through the other (each follows the change log into its own
//! index), placements asked and accepted through both at once keep every
//! offer within capacity, and when one instance is killed in the middle of
//! the load nothing acknowledged is lost and nginx goes on serving from the
//! other. Needs nginx (`.ci/run` installs Debian's package and runs this).

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::rc::Rc;
use std::time::{Duration, Instant};

use coophub_testkit::{Backend, TestDatabase};
use futures_util::future::join_all;
use serde_json::Value;

use crate::helpers::{Steward, coophub, start_server_with};
use crate::writes::{Acknowledged, assert_acknowledged_hold, coop, prepare, write_round};

/// Shared by the instances: one secret signs every token, nginx is trusted
/// to say who its clients are.
const INSTANCE: [(&str, &str); 2] = [
    (
        "COOPHUB_JWT_SECRET",
        "one secret for every instance behind this nginx, 64+ bytes",
    ),
    ("COOPHUB_TRUSTED_PROXIES", "127.0.0.1"),
];
/// Changes written through one instance and looked for through the other.
const FRESHNESS_SAMPLES: usize = 30;
/// Writers during the load.
const WRITERS: usize = 3;

#[ignore = "needs nginx: .ci/run installs it and runs this with --ignored"]
#[actix_web::test]
async fn two_instances_behind_nginx_share_one_postgresql() {
    let db = TestDatabase::create(Backend::Postgres);
    // Migrations run once, before any instance starts.
    let migrated = coophub(&db).arg("migrate").output().unwrap();
    assert!(migrated.status.success(), "{migrated:?}");
    let b_dir = tempfile::tempdir().unwrap();
    let mut a = start_server_with(&db, &["serve"], &INSTANCE);
    let b_vars: Vec<(&str, &str)> = INSTANCE
        .into_iter()
        .chain([("COOPHUB_DATA_DIR", b_dir.path().to_str().unwrap())])
        .collect();
    let mut b = start_server_with(&db, &["serve"], &b_vars);
    let (_a_logs, _b_logs) = (a.keep_reading_logs(), b.keep_reading_logs());
    let nginx = Nginx::start(&[&a.address, &b.address]).await;
    let (a_address, b_address) = (a.address.clone(), b.address.clone());
    let steward = Steward::sign_in(&db, &a).await;

    // Freshness: written through A, looked for through B.
    let mut delays = Vec::new();
    for n in 0..FRESHNESS_SAMPLES {
        let slug = format!("wagtail{n}");
        steward
            .post(&a_address, "/api/v1/coops", &coop(&slug))
            .await;
        let written = Instant::now();
        // Typos allowed, `wagtail1` also finds `wagtail2`: look for this one.
        let path = format!("/api/v1/search?q={slug}&type=coop&per_page=100");
        let found = |answer: Value| {
            answer["hits"]
                .as_array()
                .unwrap()
                .iter()
                .any(|hit| hit["slug"] == slug)
        };
        while !found(steward.get(&b_address, &path).await) {
            assert!(
                written.elapsed() < Duration::from_secs(5),
                "{slug} never reached B"
            );
            actix_web::rt::time::sleep(Duration::from_millis(5)).await;
        }
        delays.push(written.elapsed());
    }
    delays.sort();
    let at = |q: f64| delays[((delays.len() - 1) as f64 * q).round() as usize];
    println!(
        "written through A, found through B: p50 {:?}, p99 {:?}, max {:?} ({FRESHNESS_SAMPLES} changes)",
        at(0.5),
        at(0.99),
        delays[delays.len() - 1]
    );

    let opportunity = prepare(&steward, &nginx.address).await;
    let acknowledged = Rc::new(RefCell::new(Acknowledged::default()));
    // Capacity: each offer asked and accepted through A and B at once.
    for round in 0..4 {
        let slug = format!("both-{round}");
        let done = write_round(
            &steward,
            &nginx.address,
            [&a_address, &b_address],
            (&slug, &opportunity),
            &acknowledged,
        )
        .await;
        assert!(done.is_some(), "round {round} through both instances");
    }
    // Load through nginx; A is killed in the middle of it.
    let load_until = Instant::now() + Duration::from_secs(8);
    let kill_at = Instant::now() + Duration::from_secs(3);
    let failures_after_grace = Rc::new(RefCell::new(0));
    let writers: Vec<_> = (0..WRITERS)
        .map(|writer| {
            let (steward, address) = (steward.clone(), nginx.address.clone());
            let (acknowledged, failures) = (acknowledged.clone(), failures_after_grace.clone());
            let opportunity = opportunity.clone();
            actix_web::rt::spawn(async move {
                for round in 0.. {
                    if Instant::now() > load_until {
                        break;
                    }
                    let slug = format!("load-{writer}-{round}");
                    let grace_over = Instant::now() > kill_at + Duration::from_secs(1);
                    let done = write_round(
                        &steward,
                        &address,
                        [&address, &address],
                        (&slug, &opportunity),
                        &acknowledged,
                    )
                    .await;
                    if done.is_none() && grace_over {
                        *failures.borrow_mut() += 1;
                    }
                }
            })
        })
        .collect();
    while Instant::now() < kill_at {
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
    let killed_with = acknowledged.borrow().coops.len();
    a.crash();
    join_all(writers).await;
    let acknowledged = acknowledged.take();
    assert!(
        acknowledged.coops.len() > killed_with,
        "writes went on after A was killed ({killed_with} before, {} in all)",
        acknowledged.coops.len()
    );
    assert_eq!(
        *failures_after_grace.borrow(),
        0,
        "nginx served from B alone"
    );

    // Everything acknowledged, through either instance, is in B's answers and index.
    assert_acknowledged_hold(&steward, &b_address, &acknowledged).await;
    let listed = steward.get(&b_address, "/api/v1/coops?per_page=1").await["total"].clone();
    let found = steward
        .get(
            &b_address,
            "/api/v1/search?q=kingfisher&type=coop&per_page=1",
        )
        .await["total"]
        .clone();
    assert_eq!(found, listed, "B's index holds every co-op");
    println!(
        "{} co-ops, {} placements ({} accepted), {} bids acknowledged; A killed after {killed_with} co-ops",
        acknowledged.coops.len(),
        acknowledged.placements.len(),
        acknowledged.accepted.len(),
        acknowledged.bids.len()
    );
    b.stop();
}

/// nginx with the repository's configuration, in a directory of its own.
struct Nginx {
    child: Child,
    address: String,
    _dir: tempfile::TempDir,
}

impl Nginx {
    /// Starts nginx in front of `upstreams` on a free loopback port; waits
    /// until it answers `/healthz`.
    async fn start(upstreams: &[&str]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let address = free_address();
        let repo_conf =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../deploy/nginx/coophub.conf");
        let conf = std::fs::read_to_string(repo_conf).unwrap();
        let servers: String = upstreams
            .iter()
            .map(|u| format!("server {u} max_fails=1 fail_timeout=5s;\n    "))
            .collect();
        let conf = conf
            .replace("server 127.0.0.1:8081 max_fails=1 fail_timeout=5s;\n    server 127.0.0.1:8082 max_fails=1 fail_timeout=5s;\n    ", &servers)
            .replace("listen 127.0.0.1:8080;", &format!("listen {address};"));
        assert!(
            conf.contains(upstreams[0]) && conf.contains(&address),
            "the configuration changed shape: {conf}"
        );
        std::fs::write(dir.path().join("coophub.conf"), conf).unwrap();
        let root = dir.path().display();
        let main = format!(
            "worker_processes 1;\npid {root}/nginx.pid;\nerror_log {root}/error.log warn;\n\
             events {{ worker_connections 512; }}\n\
             http {{\n  access_log off;\n  client_body_temp_path {root}/body;\n  proxy_temp_path {root}/proxy;\n\
               fastcgi_temp_path {root}/fastcgi;\n  uwsgi_temp_path {root}/uwsgi;\n  scgi_temp_path {root}/scgi;\n\
               include {root}/coophub.conf;\n}}\n"
        );
        std::fs::write(dir.path().join("nginx.conf"), main).unwrap();
        // nginx's workers may run as another user.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        let child = Command::new(nginx_binary())
            .args([
                "-p",
                &root.to_string(),
                "-c",
                &format!("{root}/nginx.conf"),
                "-g",
                "daemon off;",
            ])
            .spawn()
            .unwrap();
        let nginx = Self {
            child,
            address,
            _dir: dir,
        };
        let client = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let res = client
                .get(format!("http://{}/healthz", nginx.address))
                .send()
                .await;
            if res.is_ok_and(|r| r.status() == 200) {
                return nginx;
            }
            assert!(
                Instant::now() < deadline,
                "nginx did not answer within 10 s"
            );
            actix_web::rt::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// nginx stops its workers on SIGTERM (SIGKILL would leave them serving).
impl Drop for Nginx {
    fn drop(&mut self) {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let _ = self.child.wait();
    }
}

/// `COOPHUB_NGINX`, else `nginx` on the path or in /usr/sbin (Debian's).
fn nginx_binary() -> PathBuf {
    if let Ok(path) = std::env::var("COOPHUB_NGINX") {
        return path.into();
    }
    let on_path = std::env::var("PATH")
        .unwrap_or_default()
        .split(':')
        .map(|dir| Path::new(dir).join("nginx"))
        .find(|p| p.exists());
    on_path.unwrap_or_else(|| "/usr/sbin/nginx".into())
}

/// A loopback address nothing listens on (bound, then released).
fn free_address() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().to_string()
}
