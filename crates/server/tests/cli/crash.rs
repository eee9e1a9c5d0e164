//! Crash safety: writes of every kind go on concurrently while the server is
//! killed with SIGKILL; after a restart every acknowledged write is in the
//! database and found by search, and no placement broke an offer's capacity.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use coophub_testkit::{Backend, TestDatabase, backend_tests};
use futures_util::future::join_all;

use crate::helpers::{Steward, start_server};
use crate::writes::{Acknowledged, assert_acknowledged_hold, prepare, write_round};

backend_tests!(every_acknowledged_write_survives_a_sigkill);

/// Writers running at once.
const WRITERS: usize = 3;

async fn every_acknowledged_write_survives_a_sigkill(backend: Backend) {
    let db = TestDatabase::create(backend);
    let server = start_server(&db, &["serve"]);
    let steward = Steward::sign_in(&db, &server).await;
    let address = server.address.clone();
    let opportunity = prepare(&steward, &address).await;

    let acknowledged = Rc::new(RefCell::new(Acknowledged::default()));
    let writers: Vec<_> = (0..WRITERS)
        .map(|writer| {
            let (steward, address) = (steward.clone(), address.clone());
            let (acknowledged, opportunity) = (acknowledged.clone(), opportunity.clone());
            actix_web::rt::spawn(async move {
                for round in 0.. {
                    let slug = format!("crash-{writer}-{round}");
                    if write_round(
                        &steward,
                        &address,
                        [&address, &address],
                        (&slug, &opportunity),
                        &acknowledged,
                    )
                    .await
                    .is_none()
                    {
                        break;
                    }
                }
            })
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(20);
    while acknowledged.borrow().accepted.len() < 2 * WRITERS && Instant::now() < deadline {
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
    server.crash();
    join_all(writers).await;

    let acknowledged = acknowledged.take();
    assert!(
        acknowledged.accepted.len() >= 2 * WRITERS,
        "enough writes before the crash"
    );
    assert!(!acknowledged.bids.is_empty(), "bids before the crash");
    let server = start_server(&db, &["serve"]);
    let address = server.address.clone();
    assert_acknowledged_hold(&steward, &address, &acknowledged).await;
    // The index holds what the database holds: every co-op (acknowledged
    // or committed just before the kill) and at least every acknowledged person.
    let listed = steward.get(&address, "/api/v1/coops?per_page=1").await["total"].clone();
    let found = steward
        .get(&address, "/api/v1/search?q=kingfisher&type=coop&per_page=1")
        .await;
    let listed = listed.as_u64().unwrap();
    assert_eq!(
        found["total"].as_u64().unwrap(),
        listed,
        "every co-op is found"
    );
    assert!(listed > u64::try_from(acknowledged.coops.len()).unwrap());
    let people = steward
        .get(
            &address,
            "/api/v1/search?q=kingfisher&type=person&per_page=1",
        )
        .await;
    assert!(people["total"].as_u64().unwrap() >= u64::try_from(acknowledged.people.len()).unwrap());
    server.stop();
}
