//! Crash safety: writes of every kind go on concurrently while the server is
//! killed with SIGKILL; after a restart every acknowledged write is in the
//! database and found by search, and no placement broke an offer's capacity.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use coophub_testkit::{Backend, TestDatabase, backend_tests};
use futures_util::future::join_all;
use serde_json::{Value, json};

use crate::helpers::{Steward, start_server};

backend_tests!(every_acknowledged_write_survives_a_sigkill);

/// Writers running at once.
const WRITERS: usize = 3;
/// Days a week each offer has; each is asked twice for `ASKED` days, so at
/// most one of the two may be accepted.
const OFFERED: f64 = 3.0;
const ASKED: f64 = 2.0;

/// What the server acknowledged before it died.
#[derive(Default)]
struct Acknowledged {
    coops: Vec<String>,
    people: Vec<String>,
    offers: Vec<String>,
    placements: Vec<String>,
    accepted: Vec<String>,
}

async fn every_acknowledged_write_survives_a_sigkill(backend: Backend) {
    let db = TestDatabase::create(backend);
    let server = start_server(&db, &["serve"]);
    let steward = Steward::sign_in(&db, &server).await;
    let address = server.address.clone();
    steward
        .post(&address, "/api/v1/coops", &coop("crash-asker"))
        .await;
    steward
        .post(
            &address,
            &approve("crash-asker"),
            &json!({"action": "approve"}),
        )
        .await;

    let acknowledged = Rc::new(RefCell::new(Acknowledged::default()));
    let writers: Vec<_> = (0..WRITERS)
        .map(|writer| {
            let (steward, address) = (steward.clone(), address.clone());
            let acknowledged = acknowledged.clone();
            actix_web::rt::spawn(async move {
                for round in 0.. {
                    let slug = format!("crash-{writer}-{round}");
                    if write_round(&steward, &address, &slug, &acknowledged)
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
    let server = start_server(&db, &["serve"]);
    let address = server.address.clone();
    for slug in &acknowledged.coops {
        steward
            .get(&address, &format!("/api/v1/coops/{slug}"))
            .await;
    }
    for id in &acknowledged.people {
        steward.get(&address, &format!("/api/v1/people/{id}")).await;
    }
    for id in &acknowledged.offers {
        steward.get(&address, &format!("/api/v1/offers/{id}")).await;
        let path = format!("/api/v1/placements?offer_id={id}&state=accepted&per_page=100");
        let accepted = steward.get(&address, &path).await;
        let days: f64 = accepted["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["days_per_week"].as_f64().unwrap())
            .sum();
        assert!(
            days <= OFFERED,
            "offer {id}: {days} days accepted of {OFFERED}"
        );
    }
    for id in &acknowledged.placements {
        steward
            .get(&address, &format!("/api/v1/placements/{id}"))
            .await;
    }
    for id in &acknowledged.accepted {
        let placement = steward
            .get(&address, &format!("/api/v1/placements/{id}"))
            .await;
        assert_eq!(placement["state"], "accepted", "{placement}");
    }

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

/// One round of a writer: a co-op, approved, a person, an offer of
/// [`OFFERED`] days, asked twice at once and both accepted at once (one
/// must be refused for capacity). `None` once the server stops answering.
async fn write_round(
    steward: &Steward,
    address: &str,
    slug: &str,
    acknowledged: &RefCell<Acknowledged>,
) -> Option<()> {
    steward
        .try_post(address, "/api/v1/coops", Some(&coop(slug)))
        .await?;
    acknowledged.borrow_mut().coops.push(slug.to_owned());
    steward
        .try_post(address, &approve(slug), Some(&json!({"action": "approve"})))
        .await?;
    let person = json!({"name": format!("Kingfisher {slug}"), "headline": "Kingfisher developer"});
    let person = steward
        .try_post(
            address,
            &format!("/api/v1/coops/{slug}/people"),
            Some(&person),
        )
        .await?;
    acknowledged.borrow_mut().people.push(id(&person));
    let offer = json!({
        "coop": slug, "title": "Kingfisher help", "skills": [{"skill": "rust", "level": 4}],
        "days_per_week": OFFERED, "start": "2027-01-04", "end": "2027-03-28",
        "work_mode": "remote",
    });
    let offer = id(&steward
        .try_post(address, "/api/v1/offers", Some(&offer))
        .await?);
    acknowledged.borrow_mut().offers.push(offer.clone());
    let ask = json!({"requesting_coop": "crash-asker", "days_per_week": ASKED,
                     "start": "2027-01-04", "end": "2027-02-26", "message": "May we?"});
    let path = format!("/api/v1/offers/{offer}/placements");
    let asked = join_all([0, 1].map(|_| steward.try_post(address, &path, Some(&ask)))).await;
    let placements: Vec<String> = asked.iter().flatten().map(id).collect();
    acknowledged
        .borrow_mut()
        .placements
        .extend(placements.iter().cloned());
    let accepts = placements.iter().map(|placement| async move {
        let path = format!("/api/v1/placements/{placement}/accept");
        steward
            .try_post(address, &path, None)
            .await
            .map(|_| placement.clone())
    });
    let accepted: Vec<String> = join_all(accepts).await.into_iter().flatten().collect();
    let lost = accepted.is_empty() || placements.len() < 2;
    acknowledged.borrow_mut().accepted.extend(accepted);
    (!lost).then_some(())
}

fn id(value: &Value) -> String {
    value["id"].as_str().unwrap().to_owned()
}

fn approve(slug: &str) -> String {
    format!("/api/v1/coops/{slug}/membership")
}

fn coop(slug: &str) -> Value {
    json!({
        "slug": slug, "name": format!("Kingfisher {slug}"), "summary": "A kingfisher worker co-op",
        "location": {"locality": "Leeds", "country": "gb"},
        "legal_form": "cooperative_society", "organisational_structure": "worker_coop",
    })
}
