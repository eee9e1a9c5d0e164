use std::cell::RefCell;

use chrono::Utc;
use coophub_domain::coop::{CoopDraft, CoopInput, Membership, MembershipStatus};
use coophub_domain::person::{PersonDraft, PersonInput, Visibility};
use coophub_store::{PoolOptions, coops, people};
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
        member_since: None,
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
    assert_eq!(
        cursor.low(),
        (latest - RECHECK).max(0),
        "recent changes are checked again"
    );
    assert_eq!(index.committed().unwrap().unwrap().seq, cursor.low());
}

/// On PostgreSQL a transaction can commit a change below the newest position
/// after a rebuild has read past the record it changed: the rebuild's
/// position must not count that change as applied.
async fn a_change_committed_late_during_a_rebuild_is_not_missed(backend: Backend) {
    use coophub_store::schema::{coops as coop_rows, search_changes};
    use diesel::prelude::*;

    let db = TestDatabase::create(backend);
    let store = directory(&db);
    let index = SearchIndex::in_ram().unwrap();
    let mut conn = store.conn().unwrap();
    let coop = coops::find_by_slug(&mut conn, "coop-0").unwrap().unwrap();
    let id = coop.id.to_string();
    // The late transaction's record is not visible while the rebuild reads...
    let late: (i64, String, String, chrono::NaiveDateTime) = search_changes::table
        .filter(search_changes::entity_id.eq(&id))
        .order(search_changes::seq.asc())
        .first(&mut *conn)
        .unwrap();
    diesel::delete(search_changes::table.find(late.0))
        .execute(&mut *conn)
        .unwrap();
    let mut cursor = rebuild(&mut conn, &index, 2, &|_| {}).unwrap();
    // ...then it commits: the co-op's new name, and its record at the old position.
    diesel::update(coop_rows::table.find(&id))
        .set(coop_rows::name.eq("Renamed late"))
        .execute(&mut *conn)
        .unwrap();
    diesel::insert_into(search_changes::table)
        .values((
            search_changes::seq.eq(late.0),
            search_changes::entity.eq(&late.1),
            search_changes::entity_id.eq(&late.2),
            search_changes::changed_at.eq(late.3),
        ))
        .execute(&mut *conn)
        .unwrap();
    catch_up(&mut conn, &index, &mut cursor).unwrap();
    let found = index
        .search(
            &coophub_search::SearchRequest {
                q: "renamed late".into(),
                limit: 5,
                ..coophub_search::SearchRequest::default()
            },
            &|_| None,
        )
        .unwrap();
    assert_eq!(found.hits.len(), 1, "the late change is searchable");
}

/// Renames `slug` through the store (which logs the change).
fn rename(conn: &mut DbConnection, slug: &str, name: &str) {
    let draft = CoopDraft {
        slug: slug.into(),
        name: name.into(),
        ..CoopDraft::default()
    };
    let input = CoopInput::parse(draft).unwrap();
    coops::update(conn, slug, None, &input, Utc::now()).unwrap();
}

fn titles(index: &SearchIndex, q: &str) -> Vec<String> {
    let request = coophub_search::SearchRequest {
        q: q.into(),
        limit: 10,
        ..coophub_search::SearchRequest::default()
    };
    let found = index.search(&request, &|_| None).unwrap();
    found.hits.into_iter().map(|hit| hit.title).collect()
}

async fn pruning_keeps_the_newest_change_and_a_stale_index_rebuilds(backend: Backend) {
    let db = TestDatabase::create(backend);
    let store = directory(&db);
    let index = SearchIndex::in_ram().unwrap();
    let mut conn = store.conn().unwrap();
    let mut cursor = rebuild(&mut conn, &index, 100, &|_| {}).unwrap();
    catch_up(&mut conn, &index, &mut cursor).unwrap();
    let indexed_at = index.committed().unwrap().unwrap().seq;
    assert_eq!(indexed_at, changes::latest(&mut conn).unwrap());

    // While this index is away, coop-1 is renamed, then coop-2; the log is
    // pruned of everything but the newest change.
    rename(&mut conn, "coop-1", "Renamed meanwhile");
    rename(&mut conn, "coop-2", "Touched last");
    let newest = changes::latest(&mut conn).unwrap();
    let pruned = changes::prune(&mut conn, Utc::now() + chrono::Duration::minutes(1)).unwrap();
    assert!(pruned > 0);
    assert_eq!(
        changes::latest(&mut conn).unwrap(),
        newest,
        "the newest is kept"
    );
    assert_eq!(changes::since(&mut conn, 0, 100).unwrap().len(), 1);
    assert_eq!(changes::pruned_through(&mut conn).unwrap(), newest - 1);
    drop(conn);

    // Catching up from its position would miss the rename: it rebuilds.
    let retention = Retention {
        keep: chrono::Duration::days(7),
        clock: Arc::new(coophub_domain::SystemClock),
    };
    let service = SearchService::start(store, index, retention).unwrap();
    assert_eq!(
        titles(service.index(), "renamed meanwhile"),
        ["Renamed meanwhile"]
    );
    assert_eq!(titles(service.index(), "touched last"), ["Touched last"]);
    let committed = service.index().committed().unwrap().unwrap().seq;
    assert_eq!(
        committed, newest,
        "the next start catches up instead of rebuilding"
    );
}

/// Spellings are kept in memory: loaded at start, reloaded when the change
/// log says the vocabulary changed (a new skill, a merge), never asked of
/// the database per query.
async fn spellings_follow_the_vocabulary_through_the_change_log(backend: Backend) {
    use coophub_domain::skills::{SkillCategory, SkillName};
    use coophub_store::skills;

    let db = TestDatabase::create(backend);
    let store = directory(&db);
    let index = SearchIndex::in_ram().unwrap();
    let mut conn = store.conn().unwrap();
    skills::seed(&mut conn, Utc::now()).unwrap();
    let mut cursor = rebuild(&mut conn, &index, 10, &|_| {}).unwrap();
    index.set_spellings(skills::spellings(&mut conn).unwrap());
    assert_eq!(index.skill_of("Postgres").as_deref(), Some("postgresql"));
    assert_eq!(index.skill_of("Quokka Script"), None);

    let name = SkillName::parse("Quokka Script", "/skill").unwrap();
    let made = skills::resolve(&mut conn, &name, SkillCategory::Technology, Utc::now()).unwrap();
    assert_eq!(
        index.skill_of("quokka script"),
        None,
        "not before the log is read"
    );
    catch_up(&mut conn, &index, &mut cursor).unwrap();
    assert_eq!(index.skill_of("quokka script"), Some(made.slug.clone()));

    skills::merge(&mut conn, &made.slug, "javascript", Utc::now())
        .unwrap()
        .unwrap();
    catch_up(&mut conn, &index, &mut cursor).unwrap();
    assert_eq!(
        index.skill_of("Quokka Script").as_deref(),
        Some("javascript"),
        "a merged skill's spellings mean the skill it became"
    );
}

backend_tests!(
    a_rebuild_walks_every_page_of_coops_with_their_people,
    a_change_committed_late_during_a_rebuild_is_not_missed,
    pruning_keeps_the_newest_change_and_a_stale_index_rebuilds,
    spellings_follow_the_vocabulary_through_the_change_log,
);
