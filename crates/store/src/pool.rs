//! The connection pool and the handful of operations on the database as a whole.

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::r2d2::{CustomizeConnection, ManageConnection, Pool, PooledConnection, R2D2Connection};
use diesel::{Connection, PgConnection, RunQueryDsl, SqliteConnection};

use crate::connection::{Backend, DbConnection, sqlite_path};
use crate::error::StoreError;
use crate::migrations;

/// A pooled connection; derefs to [`DbConnection`].
pub type StoreConnection = PooledConnection<Connector>;

/// Opens connections to the one backend a URL names. Diesel's own manager
/// for a multi-backend connection tries each backend in turn and reports
/// only the last failure ("Invalid connection url for multiconnection"),
/// whatever went wrong; this one says what libpq or SQLite said (a wrong
/// port, a missing role, an SSL mode the server refuses).
#[derive(Debug)]
pub struct Connector {
    target: String,
    backend: Backend,
}

impl ManageConnection for Connector {
    type Connection = DbConnection;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<DbConnection, Self::Error> {
        match self.backend {
            Backend::Postgres => {
                PgConnection::establish(&self.target).map(DbConnection::Postgresql)
            }
            Backend::Sqlite => SqliteConnection::establish(&self.target).map(DbConnection::Sqlite),
        }
        .map_err(diesel::r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), Self::Error> {
        conn.ping().map_err(diesel::r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        std::thread::panicking() || conn.is_broken()
    }
}

/// How the pool is sized and how long a caller waits for a connection.
#[derive(Debug, Clone, Copy)]
pub struct PoolOptions {
    /// Most connections open at once.
    pub max_size: u32,
    /// How long to wait for a free connection before answering "unavailable".
    pub acquire_timeout: Duration,
}

impl Default for PoolOptions {
    fn default() -> Self {
        Self {
            max_size: 10,
            acquire_timeout: Duration::from_secs(5),
        }
    }
}

/// The database: a pool of connections to one backend.
#[derive(Clone)]
pub struct Store {
    pool: Pool<Connector>,
    backend: Backend,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens a pool to `url` (a `postgres://` URL or a SQLite file path) and
    /// checks that one connection can be made.
    pub fn connect(url: &str, options: PoolOptions) -> Result<Self, StoreError> {
        let backend = Backend::of_url(url);
        let target = match backend {
            Backend::Postgres => url,
            Backend::Sqlite => sqlite_path(url),
        };
        if backend == Backend::Sqlite && !target.starts_with("file:") {
            // Say plainly what diesel would report as an invalid URL.
            let parent = std::path::Path::new(target)
                .parent()
                .filter(|p| !p.as_os_str().is_empty());
            if let Some(dir) = parent.filter(|dir| !dir.is_dir()) {
                return Err(StoreError::Unavailable(format!(
                    "the directory {} of the SQLite database does not exist",
                    dir.display()
                )));
            }
        }
        let pool = Pool::builder()
            .max_size(options.max_size)
            // Open connections as needed, but one at once: a bad URL fails at start.
            .min_idle(Some(1))
            .connection_timeout(options.acquire_timeout)
            .connection_customizer(Box::new(SqlitePragmas))
            .build(Connector {
                target: target.to_owned(),
                backend,
            })
            .map_err(|error| StoreError::Unavailable(error.to_string()))?;
        Ok(Self { pool, backend })
    }

    /// Which backend this store talks to.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The pool at this moment: connections open, of them idle, and the most
    /// it opens.
    pub fn pool_state(&self) -> (u32, u32, u32) {
        let state = self.pool.state();
        (
            state.connections,
            state.idle_connections,
            self.pool.max_size(),
        )
    }

    /// A connection from the pool; blocks up to the acquire timeout.
    pub fn conn(&self) -> Result<StoreConnection, StoreError> {
        self.pool
            .get()
            .map_err(|error| StoreError::Unavailable(error.to_string()))
    }

    /// Applies pending migrations; returns how many ran.
    pub fn migrate(&self) -> Result<usize, StoreError> {
        let mut conn = self.conn()?;
        migrations::run_pending(&mut conn)
    }

    /// Whether the database answers and has every migration applied.
    pub fn check_ready(&self) -> Result<(), StoreError> {
        let mut conn = self.conn()?;
        diesel::sql_query("SELECT 1").execute(&mut *conn)?;
        match migrations::count_pending(&mut conn)? {
            0 => Ok(()),
            pending => Err(StoreError::Migration(format!(
                "{pending} migration(s) not applied"
            ))),
        }
    }
}

/// Per-connection SQLite settings: WAL for concurrent readers, enforced
/// foreign keys (off by default in SQLite) and a busy timeout so that
/// concurrent writers wait for each other instead of failing.
#[derive(Debug)]
struct SqlitePragmas;

impl CustomizeConnection<DbConnection, diesel::r2d2::Error> for SqlitePragmas {
    fn on_acquire(&self, conn: &mut DbConnection) -> Result<(), diesel::r2d2::Error> {
        if let DbConnection::Sqlite(sqlite) = conn {
            sqlite
                .batch_execute(
                    "PRAGMA busy_timeout = 5000;
                     PRAGMA journal_mode = WAL;
                     PRAGMA synchronous = NORMAL;
                     PRAGMA foreign_keys = ON;",
                )
                .map_err(diesel::r2d2::Error::QueryError)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use diesel::sql_types::{BigInt, Text};

    use super::*;

    #[derive(diesel::QueryableByName)]
    struct Mode {
        #[diesel(sql_type = Text)]
        journal_mode: String,
    }

    #[derive(diesel::QueryableByName)]
    struct Flag {
        #[diesel(sql_type = BigInt)]
        value: i64,
    }

    /// Every PostgreSQL failure was "Invalid connection url for
    /// multiconnection" (issue 27); what libpq says is passed on.
    #[test]
    fn a_failed_postgresql_connection_says_what_libpq_said() {
        let options = PoolOptions {
            max_size: 1,
            acquire_timeout: Duration::from_secs(2),
        };
        let error = Store::connect("postgres://postgres@127.0.0.1:1/test", options)
            .unwrap_err()
            .to_string();
        assert!(!error.contains("multiconnection"), "{error}");
        assert!(
            error.contains("127.0.0.1") && error.contains("refused"),
            "{error}"
        );
    }

    #[test]
    fn sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout() {
        let dir = tempfile::tempdir().unwrap();
        let url = dir.path().join("pragmas.sqlite3").display().to_string();
        let store = Store::connect(&url, PoolOptions::default()).unwrap();
        assert_eq!(store.backend(), Backend::Sqlite);
        let mut conn = store.conn().unwrap();
        let mode: Mode = diesel::sql_query("PRAGMA journal_mode")
            .get_result(&mut *conn)
            .unwrap();
        assert_eq!(mode.journal_mode, "wal");
        let keys: Flag = diesel::sql_query("SELECT foreign_keys AS value FROM pragma_foreign_keys")
            .get_result(&mut *conn)
            .unwrap();
        assert_eq!(keys.value, 1);
        let timeout: Flag = diesel::sql_query("SELECT timeout AS value FROM pragma_busy_timeout")
            .get_result(&mut *conn)
            .unwrap();
        assert_eq!(timeout.value, 5000);
    }

    #[test]
    fn readiness_requires_every_migration() {
        let dir = tempfile::tempdir().unwrap();
        let url = dir.path().join("ready.sqlite3").display().to_string();
        let store = Store::connect(&url, PoolOptions::default()).unwrap();
        assert!(matches!(store.check_ready(), Err(StoreError::Migration(_))));
        assert!(store.migrate().unwrap() > 0);
        store.check_ready().unwrap();
        assert_eq!(store.migrate().unwrap(), 0);
    }
}
