//! `src/schema.rs` is kept by hand; this test holds it to what the
//! migrations create on each backend: the same tables, and in each the same
//! columns with the same type and nullability (diesel's `print-schema`,
//! without the tool).

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::collections::{BTreeMap, BTreeSet};

use coophub_store::{DbConnection, PoolOptions, Store};
use coophub_testkit::{Backend, TestDatabase};
use diesel::RunQueryDsl;
use diesel::sql_types::{BigInt, Text};

/// A column as a table names it: its diesel type (without `Nullable`) and
/// whether it may be null.
#[derive(Debug, PartialEq, Eq)]
struct Column {
    kind: String,
    nullable: bool,
}

type Tables = BTreeMap<String, BTreeMap<String, Column>>;

/// The tables `src/schema.rs` declares.
fn declared() -> Tables {
    let mut tables = Tables::new();
    let mut current: Option<String> = None;
    for line in include_str!("../src/schema.rs").lines() {
        if let Some(head) = line.strip_prefix("    ").filter(|l| l.ends_with(") {")) {
            let name = head.split_once(" (").unwrap().0.to_owned();
            tables.insert(name.clone(), BTreeMap::new());
            current = Some(name);
        } else if line == "    }" {
            current = None;
        } else if let (Some(table), Some((name, kind))) = (
            &current,
            line.trim()
                .strip_suffix(',')
                .and_then(|l| l.split_once(" -> ")),
        ) {
            let (kind, nullable) = match kind.strip_prefix("Nullable<") {
                Some(inner) => (inner.trim_end_matches('>'), true),
                None => (kind, false),
            };
            let column = Column {
                kind: kind.to_owned(),
                nullable,
            };
            tables
                .get_mut(table)
                .unwrap()
                .insert(name.to_owned(), column);
        }
    }
    tables
}

/// The diesel type a column's declared SQL type maps to.
fn diesel_type(sql: &str) -> String {
    match sql.to_ascii_lowercase().as_str() {
        "text" | "character varying" => "Text",
        "integer" => "Integer",
        "bigint" => "BigInt",
        "boolean" => "Bool",
        "date" => "Date",
        "timestamp" | "timestamp without time zone" => "Timestamp",
        "double" | "double precision" => "Double",
        other => panic!("no diesel type for SQL type {other}"),
    }
    .to_owned()
}

#[derive(diesel::QueryableByName)]
struct Found {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = BigInt)]
    nullable: i64,
}

/// The tables the migrations made, as diesel would declare them.
fn created(conn: &mut DbConnection) -> Tables {
    let found: Vec<Found> = match conn {
        DbConnection::Postgresql(pg) => diesel::sql_query(
            "SELECT c.table_name::text AS table_name, c.column_name::text AS column_name,
                    c.data_type::text AS data_type,
                    CASE WHEN c.is_nullable = 'YES' THEN 1 ELSE 0 END::int8 AS nullable
             FROM information_schema.columns c
             JOIN information_schema.tables t
               ON t.table_schema = c.table_schema AND t.table_name = c.table_name
             WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
               AND c.table_name <> '__diesel_schema_migrations'",
        )
        .load(pg)
        .unwrap(),
        DbConnection::Sqlite(sqlite) => diesel::sql_query(
            "SELECT m.name AS table_name, p.name AS column_name, p.type AS data_type,
                    (p.\"notnull\" = 0 AND p.pk = 0) AS nullable
             FROM sqlite_master m, pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
               AND m.name <> '__diesel_schema_migrations'",
        )
        .load(sqlite)
        .unwrap(),
    };
    let mut tables = Tables::new();
    for column in found {
        tables.entry(column.table_name).or_default().insert(
            column.column_name,
            Column {
                kind: diesel_type(&column.data_type),
                nullable: column.nullable != 0,
            },
        );
    }
    tables
}

fn check(backend: Backend) {
    let db = TestDatabase::create(backend);
    let store = Store::connect(db.url(), PoolOptions::default()).unwrap();
    store.migrate().unwrap();
    let created = created(&mut store.conn().unwrap());
    let declared = declared();
    assert!(declared.len() > 30, "read {} tables", declared.len());
    let mut wrong = Vec::new();
    let tables: BTreeSet<&String> = declared.keys().chain(created.keys()).collect();
    for name in tables {
        let (Some(declared), Some(created)) = (declared.get(name), created.get(name)) else {
            wrong.push(format!("{name}: only one side has it"));
            continue;
        };
        let columns: BTreeSet<&String> = declared.keys().chain(created.keys()).collect();
        for column in columns {
            let (a, b) = (declared.get(column), created.get(column));
            // SQLite's INTEGER holds 64 bits: diesel reads it as either.
            let widened = backend == Backend::Sqlite
                && a.zip(b).is_some_and(|(a, b)| {
                    a.kind == "BigInt" && b.kind == "Integer" && a.nullable == b.nullable
                });
            if a != b && !widened {
                wrong.push(format!(
                    "{name}.{column}: schema.rs {a:?}, migrations {b:?}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_sqlite_migrations_make_the_declared_schema() {
    check(Backend::Sqlite);
}

coophub_testkit::postgres_only! {
    #[test]
    fn the_postgresql_migrations_make_the_declared_schema() {
        check(Backend::Postgres);
    }
}
