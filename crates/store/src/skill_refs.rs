//! Every table that refers to skills, so that merging one skill into another
//! moves all references (and drops those that would now be duplicates).

use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::schema::{
    case_study_skills, coop_skills, offer_skills, opportunity_skills, person_skills,
    request_skills, rotation_skills,
};

/// Points the links of `$table` (keyed by `$owner` and `skill_slug`) at
/// `$into`, dropping those whose owner already links to `$into`.
macro_rules! repoint_owned {
    ($conn:expr, $table:ident, $owner:ident, $from:expr, $into:expr) => {{
        let holders: Vec<String> = $table::table
            .filter($table::skill_slug.eq($into))
            .select($table::$owner)
            .load($conn)?;
        diesel::delete(
            $table::table
                .filter($table::skill_slug.eq($from))
                .filter($table::$owner.eq_any(&holders)),
        )
        .execute($conn)?;
        diesel::update($table::table.filter($table::skill_slug.eq($from)))
            .set($table::skill_slug.eq($into))
            .execute($conn)?;
    }};
}

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

    // An owner (person, case study, offer, request) that holds both keeps
    // the entry it had for `into`.
    repoint_owned!(conn, person_skills, person_id, from, into);
    repoint_owned!(conn, case_study_skills, case_study_id, from, into);
    repoint_owned!(conn, offer_skills, offer_id, from, into);
    repoint_owned!(conn, request_skills, request_id, from, into);
    repoint_owned!(conn, rotation_skills, rotation_id, from, into);
    repoint_owned!(conn, opportunity_skills, opportunity_id, from, into);
    Ok(())
}
