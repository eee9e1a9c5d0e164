//! The serving process at 100k searchable records: generates 20k co-ops and
//! 80k people in a temporary SQLite database, starts the real `coophub`
//! binary on it (which builds its search index from the database), runs
//! searches, and reports the start-up (rebuild) time and resident memory.
//! Run with `cargo bench -p coophub-server --bench serving`.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::time::Instant;

use chrono::Utc;
use coophub_domain::coop::{
    CoopDraft, CoopInput, LocationInput, Membership, MembershipOrigin, MembershipStatus,
};
use coophub_domain::person::{PersonDraft, PersonInput, PersonSkillDraft, Visibility};
use coophub_domain::skills::SEED;
use coophub_server::Settings;
use diesel::Connection;

const COOPS: usize = 20_000;
const PEOPLE_PER_COOP: usize = 4;
const REGIONS: [&str; 6] = [
    "London",
    "Wales",
    "Scotland",
    "North West",
    "South West",
    "Yorkshire and the Humber",
];

struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below
    }
}

fn skills(rng: &mut Lcg) -> Vec<String> {
    (0..1 + rng.next(5))
        .map(|_| SEED[rng.next(SEED.len())].name.to_owned())
        .collect()
}

fn generate(url: &str) {
    let store = coophub_store::Store::connect(url, coophub_store::PoolOptions::default()).unwrap();
    store.migrate().unwrap();
    let mut conn = store.conn().unwrap();
    coophub_store::skills::seed(&mut conn, Utc::now()).unwrap();
    let mut rng = Lcg(11);
    let membership = Membership {
        status: MembershipStatus::Approved,
        origin: Some(MembershipOrigin::Founding),
        fund_contribution: None,
        invited_at: None,
        changed_at: Utc::now(),
    };
    for batch in 0..COOPS / 1000 {
        conn.transaction::<_, coophub_store::StoreError, _>(|conn| {
            for n in batch * 1000..(batch + 1) * 1000 {
                let draft = CoopDraft {
                    slug: format!("bench-coop-{n}"),
                    name: format!("Bench co-op {n}"),
                    summary: Some("A generated worker co-op for the serving benchmark".into()),
                    location: LocationInput {
                        region: Some(REGIONS[rng.next(REGIONS.len())].into()),
                        country: Some("GB".into()),
                        latitude: Some(50.0 + rng.next(8000) as f64 / 1000.0),
                        longitude: Some(-5.0 + rng.next(6000) as f64 / 1000.0),
                        ..LocationInput::default()
                    },
                    technologies: skills(&mut rng),
                    ..CoopDraft::default()
                };
                let coop = coophub_store::coops::insert(
                    conn,
                    &CoopInput::parse(draft).unwrap(),
                    &membership,
                    None,
                    Utc::now(),
                )?;
                for p in 0..PEOPLE_PER_COOP {
                    let draft = PersonDraft {
                        name: format!("Bench person {n}-{p}"),
                        skills: skills(&mut rng)
                            .into_iter()
                            .map(|skill| PersonSkillDraft {
                                skill,
                                level: 3,
                                interest: 3,
                            })
                            .collect(),
                        visibility: Visibility::Public,
                        ..PersonDraft::default()
                    };
                    coophub_store::people::insert(
                        conn,
                        coop.id,
                        &PersonInput::parse(draft).unwrap(),
                        None,
                        Utc::now(),
                    )?;
                }
            }
            Ok(())
        })
        .unwrap();
    }
}

fn get(address: &str, path: &str) -> String {
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

fn resident_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .unwrap()
        .split_whitespace()
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    kb / 1024.0
}

fn main() {
    // `cargo bench` passes filter arguments; this benchmark has one measurement only.
    let temporary = tempfile::tempdir().unwrap();
    // COOPHUB_BENCH_DIR keeps the generated database between runs.
    let kept = std::env::var_os("COOPHUB_BENCH_DIR").map(std::path::PathBuf::from);
    let dir = kept.as_deref().unwrap_or(temporary.path());
    let flags = [("data_dir", dir.display().to_string())];
    let settings = Settings::load(None, &|_| None, &flags).unwrap();
    let generated = dir.join("generated");
    if generated.exists() {
        println!("reusing the database generated in {}", dir.display());
    } else {
        let started = Instant::now();
        generate(&settings.database_url);
        std::fs::write(&generated, "").unwrap();
        println!(
            "generated {COOPS} co-ops and {} people in {:.1} s",
            COOPS * PEOPLE_PER_COOP,
            started.elapsed().as_secs_f64()
        );
    }
    // The first start must build the index from the database.
    let _ = std::fs::remove_dir_all(coophub_server::search_index_dir(&settings));

    for start in [
        "first start (builds the index)",
        "second start (index on disk)",
    ] {
        let started = Instant::now();
        let mut child = Command::new(env!("CARGO_BIN_EXE_coophub"))
            .args(["serve", "--bind", "127.0.0.1:0"])
            .env("COOPHUB_DATA_DIR", dir)
            .env("COOPHUB_LOG_FORMAT", "json")
            .env("RUST_LOG", "info")
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let guard = KillOnDrop(child.id());
        let mut address = None;
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        for line in lines.by_ref().map_while(Result::ok) {
            let event: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
            if event["message"] == "rebuilt the search index" {
                println!(
                    "  rebuilt the search index from the database: {} documents in {} ms",
                    event["documents"], event["elapsed_ms"]
                );
            }
            if let Some(at) = event["address"].as_str() {
                address = Some(at.to_owned());
                break;
            }
        }
        // Keep reading the server's log, so that its standard error never breaks.
        std::thread::spawn(move || lines.for_each(drop));
        let address = address.expect("the server starts");
        println!("{start}: ready in {:.1} s", started.elapsed().as_secs_f64());
        for query in [
            "q=bench%20coop",
            "q=wordpres&region=wales",
            "q=postgres",
            "near=53.8,-1.55&radius_km=30",
            "q=react&type=person",
        ] {
            for _ in 0..20 {
                let response = get(&address, &format!("/api/v1/search?{query}"));
                assert!(response.starts_with("HTTP/1.1 200"), "{response}");
            }
        }
        println!(
            "  resident memory after 100 searches: {:.0} MB",
            resident_mb(child.id())
        );
        drop(guard);
        let _ = child.wait();
    }
}

/// Stops the server however the benchmark ends.
struct KillOnDrop(u32);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.to_string()])
            .status();
    }
}
