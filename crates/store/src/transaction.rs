//! Write transactions that cannot be overtaken between their read and their write.
//!
//! Every read-then-write in the store runs in [`write`]. On SQLite it begins with
//! `BEGIN IMMEDIATE`: the write lock is taken first, so the busy timeout applies
//! and no reader can upgrade into a deadlock (a deferred transaction that read
//! and then writes fails at once with `SQLITE_BUSY`). On PostgreSQL it runs at
//! READ COMMITTED and the rows decided upon are locked with [`lock`] before they
//! are read: a concurrent writer of the same row waits, then reads what the first
//! one committed. Lock waits that end in a deadlock or a serialisation failure are
//! retried a few times, so a lost race never reaches the client as an error.

use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use diesel::sql_types::Text;
use diesel::{Connection, RunQueryDsl};

use crate::connection::DbConnection;
use crate::error::StoreError;

/// How often a transaction that lost a race on PostgreSQL is run again.
const RETRIES: u32 = 5;

/// Runs `work` in a write transaction (see the module documentation).
///
/// Inside a transaction already, `work` runs in a savepoint of it, so store
/// functions compose: an import can run many of them under one commit.
/// `work` may run more than once on PostgreSQL; it must not have effects
/// outside the database.
pub fn write<T, E, F>(conn: &mut DbConnection, mut work: F) -> Result<T, E>
where
    F: FnMut(&mut DbConnection) -> Result<T, E>,
    E: From<StoreError> + Retryable,
{
    if in_transaction(conn) {
        Manager::begin_transaction(conn).map_err(store_error)?;
        let outcome = work(conn);
        return finish(conn, outcome);
    }
    let mut attempt = 0;
    loop {
        begin(conn).map_err(store_error)?;
        let outcome = work(conn);
        match finish(conn, outcome) {
            Err(error) if attempt < RETRIES && error.lost_a_race() => attempt += 1,
            other => return other,
        }
    }
}

type Manager = <DbConnection as Connection>::TransactionManager;

/// Runs `work`, which only reads, in a transaction that sees one moment of the
/// database across all its statements, however many writers commit meanwhile:
/// an export must not pair one moment's co-ops with a later moment's people.
/// SQLite in WAL mode gives a deferred transaction its snapshot at the first
/// read; PostgreSQL's READ COMMITTED would not, so it runs REPEATABLE READ.
pub fn snapshot<T, E, F>(conn: &mut DbConnection, work: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<StoreError>,
{
    match conn {
        DbConnection::Sqlite(sqlite) => AnsiTransactionManager::begin_transaction(sqlite),
        DbConnection::Postgresql(pg) => AnsiTransactionManager::begin_transaction_sql(
            pg,
            "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        ),
    }
    .map_err(store_error)?;
    let outcome = work(conn);
    finish(conn, outcome)
}

/// Commits (or releases the savepoint) after success, rolls back after an error.
fn finish<T, E: From<StoreError>>(conn: &mut DbConnection, outcome: Result<T, E>) -> Result<T, E> {
    match outcome {
        Ok(value) => Manager::commit_transaction(conn)
            .map(|()| value)
            .map_err(store_error),
        Err(error) => match Manager::rollback_transaction(conn) {
            Ok(()) | Err(DieselError::BrokenTransactionManager) => Err(error),
            Err(rollback) => Err(store_error(rollback)),
        },
    }
}

fn store_error<E: From<StoreError>>(error: DieselError) -> E {
    E::from(StoreError::Database(error))
}

fn in_transaction(conn: &mut DbConnection) -> bool {
    Manager::transaction_manager_status_mut(conn)
        .transaction_depth()
        .is_ok_and(|depth| depth.is_some())
}

fn begin(conn: &mut DbConnection) -> Result<(), DieselError> {
    match conn {
        DbConnection::Sqlite(sqlite) => {
            AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")
        }
        DbConnection::Postgresql(pg) => AnsiTransactionManager::begin_transaction(pg),
    }
}

/// Errors that can say whether they mean "another transaction got in the way;
/// running again will do".
pub trait Retryable {
    /// True for PostgreSQL serialisation failures (40001) and deadlocks (40P01).
    fn lost_a_race(&self) -> bool;
}

impl Retryable for DieselError {
    fn lost_a_race(&self) -> bool {
        match self {
            DieselError::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => true,
            // diesel has no kind for 40P01; PostgreSQL's message is stable.
            DieselError::DatabaseError(_, info) => info.message().contains("deadlock detected"),
            _ => false,
        }
    }
}

/// A row a write decides upon, locked until the transaction ends.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Row<'a> {
    /// A co-op by slug.
    CoopBySlug(&'a str),
    /// A co-op by id.
    CoopById(&'a str),
    /// A person by id.
    Person(&'a str),
    /// A case study by slug.
    CaseStudy(&'a str),
    /// A skill by slug.
    Skill(&'a str),
    /// An offer by id.
    Offer(&'a str),
    /// A request by id.
    Request(&'a str),
    /// A placement by id.
    Placement(&'a str),
    /// A rotation request by id.
    Rotation(&'a str),
    /// A swap by id.
    Swap(&'a str),
    /// A social-good proposal by id.
    SocialGoodProposal(&'a str),
    /// A bid by id.
    Bid(&'a str),
    /// A webhook endpoint by id.
    Webhook(&'a str),
    /// An account by id.
    User(&'a str),
}

impl<'a> Row<'a> {
    /// The table, the key column and the key.
    fn parts(self) -> (&'static str, &'static str, &'a str) {
        match self {
            Row::CoopBySlug(key) => ("coops", "slug", key),
            Row::CoopById(key) => ("coops", "id", key),
            Row::Person(key) => ("people", "id", key),
            Row::CaseStudy(key) => ("case_studies", "slug", key),
            Row::Skill(key) => ("skills", "slug", key),
            Row::Offer(key) => ("offers", "id", key),
            Row::Request(key) => ("requests", "id", key),
            Row::Placement(key) => ("placements", "id", key),
            Row::Rotation(key) => ("rotations", "id", key),
            Row::Swap(key) => ("swaps", "id", key),
            Row::SocialGoodProposal(key) => ("social_good_proposals", "id", key),
            Row::Bid(key) => ("bids", "id", key),
            Row::Webhook(key) => ("webhooks", "id", key),
            Row::User(key) => ("users", "id", key),
        }
    }
}

#[derive(diesel::QueryableByName)]
struct Found {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    found: i32,
}

/// Locks `row` for writing until the end of the enclosing [`write`]
/// transaction; answers whether it exists. On SQLite the transaction holds the
/// database's write lock already, so this only checks existence.
pub(crate) fn lock(conn: &mut DbConnection, row: Row<'_>) -> Result<bool, DieselError> {
    select_locking(conn, row, "FOR UPDATE")
}

/// Like [`lock`], but other readers may share the lock: for rows a write
/// refers to without changing (a skill it links to), which must not be
/// deleted or merged away until the write commits.
pub(crate) fn share(conn: &mut DbConnection, row: Row<'_>) -> Result<bool, DieselError> {
    select_locking(conn, row, "FOR SHARE")
}

fn select_locking(
    conn: &mut DbConnection,
    row: Row<'_>,
    mode: &'static str,
) -> Result<bool, DieselError> {
    let rows: Vec<Found> = by_key(conn, "1 AS found", row, mode)?;
    Ok(rows.iter().any(|row| row.found == 1))
}

/// `SELECT {columns} FROM` the table of `row` `WHERE` its key matches, with
/// `locking` (a PostgreSQL row-lock clause, or empty) on PostgreSQL.
pub(crate) fn by_key<T>(
    conn: &mut DbConnection,
    columns: &str,
    row: Row<'_>,
    locking: &str,
) -> Result<Vec<T>, DieselError>
where
    T: diesel::QueryableByName<diesel::pg::Pg>
        + diesel::QueryableByName<diesel::sqlite::Sqlite>
        + 'static,
{
    let (table, column, key) = row.parts();
    match conn {
        DbConnection::Postgresql(pg) => diesel::sql_query(format!(
            "SELECT {columns} FROM {table} WHERE {column} = $1 {locking}"
        ))
        .bind::<Text, _>(key)
        .load(pg),
        DbConnection::Sqlite(sqlite) => {
            diesel::sql_query(format!("SELECT {columns} FROM {table} WHERE {column} = ?"))
                .bind::<Text, _>(key)
                .load(sqlite)
        }
    }
}
