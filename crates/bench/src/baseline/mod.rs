//! The PostgreSQL full-text baseline: what a team would build instead of
//! coophub's search. The same documents coophub indexes (read from the same
//! database the same way) go into one PostgreSQL table with a weighted,
//! generated `tsvector` and a GIN index; typos are corrected through
//! `pg_trgm` over the corpus' words; [`serve`] answers the same query string
//! behind the same actix handler shape.

mod answer;
mod serve;

pub use serve::serve;

use std::time::Instant;

use coophub_search::SearchDocument;
use coophub_store::Store;
use diesel::pg::PgConnection;
use diesel::sql_types::{Array, Bool, Double, Nullable, Text};
use diesel::{Connection, RunQueryDsl};

/// Creates the baseline's table in the PostgreSQL database at `url`, fills
/// it with every document of `store` and builds its indexes; answers seconds.
pub fn build(store: &Store, url: &str) -> anyhow::Result<f64> {
    let started = Instant::now();
    let mut pg = PgConnection::establish(url)?;
    diesel::connection::SimpleConnection::batch_execute(&mut pg, include_str!("schema.sql"))?;
    let mut conn = store.conn()?;
    coophub_indexer::document_pages(&mut conn, 1_000, &mut |_, batch| {
        insert(&mut pg, &batch)
            .map_err(|e| coophub_store::StoreError::Unavailable(e.to_string()))?;
        Ok(())
    })?;
    diesel::connection::SimpleConnection::batch_execute(&mut pg, include_str!("indexes.sql"))?;
    Ok(started.elapsed().as_secs_f64())
}

fn insert(pg: &mut PgConnection, batch: &[SearchDocument]) -> diesel::QueryResult<usize> {
    let column = |f: &dyn Fn(&SearchDocument) -> String| batch.iter().map(f).collect::<Vec<_>>();
    let skills = column(&|d| join(d, |s| s.name.as_str()));
    let slugs = column(&|d| join(d, |s| s.slug.as_str()));
    diesel::sql_query(
        "INSERT INTO baseline_documents (kind, id, title, summary, description, skills, \
         skill_slugs, region, legal_form, latitude, longitude, public) \
         SELECT k, i, t, s, d, sk, string_to_array(sl, '|'), r, l, la, lo, p \
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], \
         $7::text[], $8::text[], $9::text[], $10::float8[], $11::float8[], $12::bool[]) \
         AS x(k, i, t, s, d, sk, sl, r, l, la, lo, p)",
    )
    .bind::<Array<Text>, _>(column(&|d| d.kind.as_str().to_owned()))
    .bind::<Array<Text>, _>(column(&|d| d.id.clone()))
    .bind::<Array<Text>, _>(column(&|d| d.title.clone()))
    .bind::<Array<Text>, _>(column(&|d| d.summary.clone()))
    .bind::<Array<Text>, _>(column(&|d| d.description.clone()))
    .bind::<Array<Text>, _>(skills)
    .bind::<Array<Text>, _>(slugs)
    .bind::<Array<Nullable<Text>>, _>(batch.iter().map(|d| d.region.clone()).collect::<Vec<_>>())
    .bind::<Array<Nullable<Text>>, _>(
        batch
            .iter()
            .map(|d| d.legal_form.clone())
            .collect::<Vec<_>>(),
    )
    .bind::<Array<Nullable<Double>>, _>(
        batch
            .iter()
            .map(|d| d.location.map(|l| l.0))
            .collect::<Vec<_>>(),
    )
    .bind::<Array<Nullable<Double>>, _>(
        batch
            .iter()
            .map(|d| d.location.map(|l| l.1))
            .collect::<Vec<_>>(),
    )
    .bind::<Array<Bool>, _>(
        batch
            .iter()
            .map(|d| d.public && d.expires.is_none_or(|e| e > chrono::Utc::now().timestamp()))
            .collect::<Vec<_>>(),
    )
    .execute(pg)
}

fn join(document: &SearchDocument, part: fn(&coophub_search::SkillEntry) -> &str) -> String {
    document
        .skills
        .iter()
        .map(part)
        .collect::<Vec<_>>()
        .join("|")
}
