//! Test support for coophub's suites: every test gets a database of its own,
//! on SQLite (a temporary file) or PostgreSQL (a new database on the server
//! named by `COOPHUB_TEST_POSTGRES_URL`, dropped afterwards).
//!
//! [`backend_tests!`] runs each named test once per backend. Without
//! `COOPHUB_TEST_POSTGRES_URL` the PostgreSQL variants are reported as ignored,
//! with the reason, so a run never silently passes without PostgreSQL.

mod postgres;
pub mod receiver;
pub mod smtp;
mod template;

use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// The environment variable naming the PostgreSQL server for tests.
pub const POSTGRES_URL_VAR: &str = "COOPHUB_TEST_POSTGRES_URL";

/// Which database a test runs against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A SQLite file in the test's temporary directory.
    Sqlite,
    /// A fresh database on the test PostgreSQL server.
    Postgres,
}

/// A database made for one test, with a temporary data directory; both go away on drop.
#[derive(Debug)]
pub struct TestDatabase {
    url: String,
    data_dir: TempDir,
    postgres: Option<postgres::ScratchDatabase>,
}

impl TestDatabase {
    /// Creates an empty database on `backend`.
    ///
    /// # Panics
    /// When the database cannot be created: a test cannot go on without it.
    pub fn create(backend: Backend) -> Self {
        Self::make(backend, false)
    }

    /// Creates a database on `backend` with every migration applied (a copy
    /// of a template migrated once: the `template` module), as a server leaves
    /// it before its first request.
    ///
    /// # Panics
    /// When the database cannot be created: a test cannot go on without it.
    pub fn migrated(backend: Backend) -> Self {
        Self::make(backend, true)
    }

    fn make(backend: Backend, migrated: bool) -> Self {
        let data_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary directory: {e}"));
        match backend {
            Backend::Sqlite => {
                let path = data_dir.path().join("coophub.sqlite3");
                if migrated {
                    std::fs::copy(template::sqlite(), &path)
                        .unwrap_or_else(|e| panic!("copying the SQLite template: {e}"));
                }
                Self {
                    url: path.display().to_string(),
                    data_dir,
                    postgres: None,
                }
            }
            Backend::Postgres => {
                let scratch = postgres::ScratchDatabase::create(migrated);
                Self {
                    url: scratch.url().to_owned(),
                    data_dir,
                    postgres: Some(scratch),
                }
            }
        }
    }

    /// The database URL to give coophub.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// A temporary directory to use as coophub's data directory.
    pub fn data_dir(&self) -> &Path {
        self.data_dir.path()
    }

    /// A path inside the data directory.
    pub fn data_path(&self, name: &str) -> PathBuf {
        self.data_dir.path().join(name)
    }

    /// Whether this is a PostgreSQL database.
    pub fn is_postgres(&self) -> bool {
        self.postgres.is_some()
    }
}

/// Runs each named `async fn name(backend: Backend)` as `sqlite::name` and
/// `postgres::name` tests (on the actix runtime).
#[macro_export]
macro_rules! backend_tests {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[::actix_web::test]
                async fn $name() {
                    super::$name($crate::Backend::Sqlite).await
                }
            )*
        }
        mod postgres {
            $(
                $crate::postgres_only! {
                    #[::actix_web::test]
                    async fn $name() {
                        super::$name($crate::Backend::Postgres).await
                    }
                }
            )*
        }
    };
}

/// Like [`backend_tests!`], for tests that drive Chromium: on a machine
/// without `chromium` and `chromedriver` on the `PATH` (at build time) they
/// are ignored and say so.
#[macro_export]
macro_rules! browser_tests {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                $crate::browser_only! {
                    #[::actix_web::test]
                    async fn $name() {
                        super::$name($crate::Backend::Sqlite).await
                    }
                }
            )*
        }
        mod postgres {
            $(
                $crate::browser_on_postgres! {
                    #[::actix_web::test]
                    async fn $name() {
                        super::$name($crate::Backend::Postgres).await
                    }
                }
            )*
        }
    };
}

/// Passes a browser test through unchanged: Chromium and its driver were found.
#[cfg(coophub_test_browser)]
#[doc(hidden)]
#[macro_export]
macro_rules! browser_only {
    ($($item:tt)*) => { $($item)* };
}

/// Marks a browser test ignored, with the reason.
#[cfg(not(coophub_test_browser))]
#[doc(hidden)]
#[macro_export]
macro_rules! browser_only {
    ($($item:tt)*) => {
        #[ignore = "browser skipped: install chromium and chromium-driver to run it"]
        $($item)*
    };
}

/// A browser test on PostgreSQL: ignored, with the reason, unless both are there.
#[cfg(all(coophub_test_postgres, coophub_test_browser))]
#[doc(hidden)]
#[macro_export]
macro_rules! browser_on_postgres {
    ($($item:tt)*) => { $($item)* };
}

/// A browser test on PostgreSQL, without PostgreSQL.
#[cfg(not(coophub_test_postgres))]
#[doc(hidden)]
#[macro_export]
macro_rules! browser_on_postgres {
    ($($item:tt)*) => { $crate::postgres_only! { $($item)* } };
}

/// A browser test on PostgreSQL, without the browser.
#[cfg(all(coophub_test_postgres, not(coophub_test_browser)))]
#[doc(hidden)]
#[macro_export]
macro_rules! browser_on_postgres {
    ($($item:tt)*) => { $crate::browser_only! { $($item)* } };
}

/// Passes a PostgreSQL test through unchanged: `COOPHUB_TEST_POSTGRES_URL` was set at build time.
#[cfg(coophub_test_postgres)]
#[doc(hidden)]
#[macro_export]
macro_rules! postgres_only {
    ($($item:tt)*) => { $($item)* };
}

/// Marks a PostgreSQL test ignored, with the reason: `COOPHUB_TEST_POSTGRES_URL` was unset at build time.
#[cfg(not(coophub_test_postgres))]
#[doc(hidden)]
#[macro_export]
macro_rules! postgres_only {
    ($($item:tt)*) => {
        #[ignore = "PostgreSQL skipped: set COOPHUB_TEST_POSTGRES_URL to run it"]
        $($item)*
    };
}
