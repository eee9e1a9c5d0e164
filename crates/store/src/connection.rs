//! The connection type: one enum over both backends, chosen from the URL.

use diesel::{PgConnection, SqliteConnection};

/// A connection to either backend; queries written once run on both.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    /// Production and multi-instance deployments.
    Postgresql(PgConnection),
    /// The embedded default: one file in the data directory.
    Sqlite(SqliteConnection),
}

/// Which database a URL points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// `postgres://` or `postgresql://` URLs.
    Postgres,
    /// Anything else: a file path, optionally prefixed with `sqlite://`.
    Sqlite,
}

impl Backend {
    /// Picks the backend from the URL scheme.
    pub fn of_url(url: &str) -> Self {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Self::Postgres
        } else {
            Self::Sqlite
        }
    }

    /// Lower-case name, for logs and health answers.
    pub fn name(self) -> &'static str {
        match self {
            Self::Postgres => "postgres",
            Self::Sqlite => "sqlite",
        }
    }
}

/// The string diesel's SQLite driver expects: a path or a `file:` URI.
pub(crate) fn sqlite_path(url: &str) -> &str {
    url.strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scheme_selects_the_backend() {
        assert_eq!(Backend::of_url("postgres://u@h/db"), Backend::Postgres);
        assert_eq!(Backend::of_url("postgresql://u@h/db"), Backend::Postgres);
        assert_eq!(Backend::of_url("./data/coophub.sqlite3"), Backend::Sqlite);
        assert_eq!(sqlite_path("sqlite://data/x.db"), "data/x.db");
        assert_eq!(sqlite_path("sqlite:x.db"), "x.db");
        assert_eq!(sqlite_path("x.db"), "x.db");
    }
}
