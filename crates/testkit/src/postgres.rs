//! Scratch PostgreSQL databases: one per test, created on the server named by
//! `COOPHUB_TEST_POSTGRES_URL` and dropped (forcibly) when the test ends.

use diesel::{Connection, PgConnection, RunQueryDsl};

use crate::POSTGRES_URL_VAR;

/// A database that exists for the life of this value.
#[derive(Debug)]
pub(crate) struct ScratchDatabase {
    server_url: String,
    name: String,
    url: String,
}

impl ScratchDatabase {
    /// Creates `coophub_test_<random>` on the test server: empty, or with
    /// every migration applied (a copy of the template).
    pub(crate) fn create(migrated: bool) -> Self {
        let server_url = std::env::var(POSTGRES_URL_VAR)
            .unwrap_or_else(|_| panic!("{POSTGRES_URL_VAR} must be set for PostgreSQL tests"));
        let name = format!("coophub_test_{}", uuid::Uuid::new_v4().simple());
        let template = if migrated {
            format!(" TEMPLATE {}", crate::template::postgres(&server_url))
        } else {
            String::new()
        };
        let mut admin = PgConnection::establish(&server_url)
            .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at {server_url}: {e}"));
        diesel::sql_query(format!("CREATE DATABASE {name}{template}"))
            .execute(&mut admin)
            .unwrap_or_else(|e| panic!("cannot create database {name}: {e}"));
        let url = with_database(&server_url, &name);
        Self {
            server_url,
            name,
            url,
        }
    }

    /// URL of the scratch database.
    pub(crate) fn url(&self) -> &str {
        &self.url
    }
}

impl Drop for ScratchDatabase {
    fn drop(&mut self) {
        // Best effort: a leftover database is harmless and has a recognisable name.
        if let Ok(mut admin) = PgConnection::establish(&self.server_url) {
            let _ = diesel::sql_query(format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ))
            .execute(&mut admin);
        }
    }
}

/// `url` with its database name replaced by `name`, keeping any query string.
pub(crate) fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[authority_start..]
        .find('/')
        .map_or(base.len(), |i| authority_start + i);
    let mut out = format!("{}/{name}", &base[..path_start]);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn the_database_name_is_replaced() {
        assert_eq!(
            with_database("postgres://u@h:5432/test", "x"),
            "postgres://u@h:5432/x"
        );
        assert_eq!(with_database("postgres://u@h", "x"), "postgres://u@h/x");
        assert_eq!(
            with_database("postgresql://u@h/test?sslmode=disable", "x"),
            "postgresql://u@h/x?sslmode=disable"
        );
    }
}
