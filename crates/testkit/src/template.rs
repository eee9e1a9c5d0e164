//! Databases migrated and seeded with the built-in skills once, copied per
//! test (as crates.io's test database crate does): a PostgreSQL template
//! database and a SQLite file, each named by a fingerprint of the migrations
//! and the skills, so that a changed or added migration or skill makes a new
//! one and runs never share a stale one. Migrating PostgreSQL
//! takes about a second; copying its template a tenth of that.
//!
//! Templates stay between runs (a few megabytes each, with recognisable
//! names: `coophub_template_<fingerprint>` databases and
//! `coophub-template-<fingerprint>.sqlite3` in the temporary directory).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use coophub_store::{Backend, PoolOptions, Store};
use diesel::{Connection, PgConnection, RunQueryDsl};
use sha2::{Digest, Sha256};

/// A fingerprint of every file under `migrations/<backend>` and of the
/// built-in skills: their paths and contents.
fn fingerprint(backend: &str) -> String {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let root = crates.join("../migrations").join(backend);
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    files.push(crates.join("domain/src/skills/seed.rs"));
    let mut hash = Sha256::new();
    for file in files {
        let relative = file
            .strip_prefix(&root)
            .or_else(|_| file.strip_prefix(&crates))
            .unwrap_or(&file);
        hash.update(relative.to_string_lossy().as_bytes());
        hash.update(
            std::fs::read(&file).unwrap_or_else(|e| panic!("reading {}: {e}", file.display())),
        );
    }
    hash.finalize()
        .iter()
        .take(8)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}

/// Applies every migration to the database at `url` and adds the built-in
/// skills (as the server does when it starts), then lets it go.
fn migrate(url: &str) {
    let options = PoolOptions {
        max_size: 1,
        ..PoolOptions::default()
    };
    let store = Store::connect(url, options).unwrap_or_else(|e| panic!("opening {url}: {e}"));
    store
        .migrate()
        .unwrap_or_else(|e| panic!("migrating {url}: {e}"));
    let mut conn = store.conn().unwrap_or_else(|e| panic!("{url}: {e}"));
    coophub_store::skills::seed(&mut conn, chrono::Utc::now())
        .unwrap_or_else(|e| panic!("adding the built-in skills to {url}: {e}"));
    if store.backend() == Backend::Sqlite {
        // Everything into the main file, which is what is copied.
        diesel::sql_query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&mut *conn)
            .unwrap_or_else(|e| panic!("checkpointing {url}: {e}"));
    }
}

/// The migrated SQLite file that tests copy, made on first use.
pub(crate) fn sqlite() -> &'static Path {
    static TEMPLATE: OnceLock<PathBuf> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let name = format!("coophub-template-{}.sqlite3", fingerprint("sqlite"));
        let path = std::env::temp_dir().join(name);
        if !path.exists() {
            // Made aside and moved into place whole: a run beside this one
            // never copies a half-migrated file.
            let aside = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary directory: {e}"));
            let made = aside.path().join("template.sqlite3");
            migrate(&made.display().to_string());
            let staged = path.with_extension(format!("{}.part", uuid::Uuid::new_v4().simple()));
            std::fs::copy(&made, &staged)
                .unwrap_or_else(|e| panic!("copying to {}: {e}", staged.display()));
            std::fs::rename(&staged, &path)
                .unwrap_or_else(|e| panic!("moving to {}: {e}", path.display()));
        }
        path
    })
}

/// The migrated PostgreSQL template database on the server at `server_url`,
/// made on first use; nobody may connect to it, so any number of tests (and
/// runs) copy it at once.
pub(crate) fn postgres(server_url: &str) -> &'static str {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let name = format!("coophub_template_{}", fingerprint("postgres"));
        let mut admin = PgConnection::establish(server_url)
            .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at {server_url}: {e}"));
        if !exists(&mut admin, &name) {
            make_postgres_template(&mut admin, server_url, &name);
        }
        name
    })
}

fn exists(admin: &mut PgConnection, name: &str) -> bool {
    #[derive(diesel::QueryableByName)]
    struct Found {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        count: i64,
    }
    let found: Found =
        diesel::sql_query("SELECT count(*) AS count FROM pg_database WHERE datname = $1")
            .bind::<diesel::sql_types::Text, _>(name)
            .get_result(admin)
            .unwrap_or_else(|e| panic!("looking for database {name}: {e}"));
    found.count > 0
}

/// Migrates a database made aside, closes it to connections and renames it
/// `name`; a run that got there first keeps its own, and this one goes.
fn make_postgres_template(admin: &mut PgConnection, server_url: &str, name: &str) {
    let aside = format!("{name}_{}", uuid::Uuid::new_v4().simple());
    let run = |admin: &mut PgConnection, sql: String| {
        diesel::sql_query(&sql)
            .execute(admin)
            .map_err(|e| format!("{sql}: {e}"))
    };
    run(admin, format!("CREATE DATABASE {aside}")).unwrap_or_else(|e| panic!("{e}"));
    migrate(&crate::postgres::with_database(server_url, &aside));
    run(
        admin,
        format!("ALTER DATABASE {aside} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // The migration's connection may still be closing on the server.
    let mut renamed = Err(String::new());
    for _ in 0..50 {
        let _ = run(
            admin,
            format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{aside}'"
            ),
        );
        renamed = run(admin, format!("ALTER DATABASE {aside} RENAME TO {name}"));
        if renamed.is_ok() || exists(admin, name) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    if renamed.is_err() {
        if !exists(admin, name) {
            panic!("cannot make the template database {name}: {renamed:?}");
        }
        let _ = run(
            admin,
            format!("ALTER DATABASE {aside} WITH IS_TEMPLATE false"),
        );
        let _ = run(
            admin,
            format!("DROP DATABASE IF EXISTS {aside} WITH (FORCE)"),
        );
    }
}
