use std::cell::RefCell;

use chrono::Utc;
use coophub_domain::coop::{CoopDraft, CoopInput, Membership, MembershipStatus};
use coophub_domain::person::{PersonDraft, PersonInput, Visibility};
use coophub_store::PoolOptions;
use coophub_testkit::{Backend, TestDatabase, backend_tests};

use super::*;

/// Five co-ops of two people each.
fn directory(db: &TestDatabase) -> Store {
    let store = Store::connect(db.url(), PoolOptions::default()).unwrap();
    store.migrate().unwrap();
    let mut conn = store.conn().unwrap();
    let membership = Membership {
        status: MembershipStatus::Approved,
        origin: None,
        fund_contribution: None,
        invited_at: None,
        changed_at: Utc::now(),
    };
    for n in 0..5 {
        let draft = CoopDraft {
            slug: format!("coop-{n}"),
            name: format!("Co-op {n}"),
            ..CoopDraft::default()
        };
        let input = CoopInput::parse(draft).unwrap();
        let coop = coops::insert(&mut conn, &input, &membership, None, Utc::now()).unwrap();
        for p in 0..2 {
            let draft = PersonDraft {
                name: format!("Person {n}-{p}"),
                visibility: Visibility::Public,
                ..PersonDraft::default()
            };
            let input = PersonInput::parse(draft).unwrap();
            people::insert(&mut conn, coop.id, &input, None, Utc::now()).unwrap();
        }
    }
    drop(conn);
    store
}

async fn a_rebuild_walks_every_page_of_coops_with_their_people(backend: Backend) {
    let db = TestDatabase::create(backend);
    let store = directory(&db);
    let index = SearchIndex::in_ram().unwrap();
    let seen = RefCell::new(Vec::new());
    let mut conn = store.conn().unwrap();
    let cursor = rebuild(&mut conn, &index, 2, &|done| seen.borrow_mut().push(done)).unwrap();

    let pages: Vec<(usize, usize)> = seen.take().iter().map(|p| (p.coops, p.documents)).collect();
    assert_eq!(pages, [(2, 6), (4, 12), (5, 15)], "pages of two co-ops");
    assert_eq!(index.len(), 15, "5 co-ops and 10 people, each once");
    let latest = changes::latest(&mut conn).unwrap();
    assert_eq!(cursor.low(), latest);
    assert_eq!(index.committed().unwrap().unwrap().seq, latest);
}

backend_tests!(a_rebuild_walks_every_page_of_coops_with_their_people);
