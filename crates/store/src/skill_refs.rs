//! Every table that refers to skills, so that merging one skill into another
//! moves all references (and drops those that would now be duplicates).

use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::schema::{case_study_skills, coop_skills, person_skills};

/// Points every reference to `from` at `into`.
pub(crate) fn repoint(conn: &mut DbConnection, from: &str, into: &str) -> QueryResult<()> {
    // A co-op that lists both keeps the entry it already had for `into`.
    let holders: Vec<(String, String)> = coop_skills::table
        .filter(coop_skills::skill_slug.eq(into))
        .select((coop_skills::coop_id, coop_skills::kind))
        .load(conn)?;
    for (coop_id, kind) in holders {
        diesel::delete(
            coop_skills::table
                .filter(coop_skills::coop_id.eq(coop_id))
                .filter(coop_skills::kind.eq(kind))
                .filter(coop_skills::skill_slug.eq(from)),
        )
        .execute(conn)?;
    }
    diesel::update(coop_skills::table.filter(coop_skills::skill_slug.eq(from)))
        .set(coop_skills::skill_slug.eq(into))
        .execute(conn)?;

    // A person who holds both keeps the entry (level, interest) they had for `into`.
    let people: Vec<String> = person_skills::table
        .filter(person_skills::skill_slug.eq(into))
        .select(person_skills::person_id)
        .load(conn)?;
    diesel::delete(
        person_skills::table
            .filter(person_skills::skill_slug.eq(from))
            .filter(person_skills::person_id.eq_any(&people)),
    )
    .execute(conn)?;
    diesel::update(person_skills::table.filter(person_skills::skill_slug.eq(from)))
        .set(person_skills::skill_slug.eq(into))
        .execute(conn)?;

    let studies: Vec<String> = case_study_skills::table
        .filter(case_study_skills::skill_slug.eq(into))
        .select(case_study_skills::case_study_id)
        .load(conn)?;
    diesel::delete(
        case_study_skills::table
            .filter(case_study_skills::skill_slug.eq(from))
            .filter(case_study_skills::case_study_id.eq_any(&studies)),
    )
    .execute(conn)?;
    diesel::update(case_study_skills::table.filter(case_study_skills::skill_slug.eq(from)))
        .set(case_study_skills::skill_slug.eq(into))
        .execute(conn)?;
    Ok(())
}
