//! Changing co-ops. Every change bumps the version; a caller that names the
//! version it read (`If-Match`) changes nothing if another write came first.

use chrono::{DateTime, Utc};
use coophub_domain::Expected;
use coophub_domain::coop::{
    Coop, CoopInput, CoopRole, Membership, MembershipError, MembershipStatus,
};
use coophub_domain::skills::{SkillCategory, SkillName};
use diesel::prelude::*;
use uuid::Uuid;

use super::row::CoopRow;
use super::{DELETED_COOP, SERVICE, TECHNOLOGY, UNLISTED_COOP, find_by_slug, roles};
use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{coop_skills, coops, tombstones};
use crate::transaction::{self, Row};
use crate::{changes, skills, time, versioning};

/// Replaces the co-op's skills of one kind with `names`, resolved and de-duplicated.
fn replace_skills(
    conn: &mut DbConnection,
    coop_id: &str,
    kind: &str,
    names: &[SkillName],
    category: SkillCategory,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    // Resolve (and so lock) the skills before touching the links: a skill merge
    // locks skills first too, so the two can never wait on each other in a circle.
    let resolved = names
        .iter()
        .map(|name| skills::resolve(conn, name, category, now))
        .collect::<Result<Vec<_>, _>>()?;
    diesel::delete(
        coop_skills::table
            .filter(coop_skills::coop_id.eq(coop_id))
            .filter(coop_skills::kind.eq(kind)),
    )
    .execute(conn)?;
    let mut seen = std::collections::HashSet::new();
    let mut position = 0;
    for skill in resolved {
        if seen.insert(skill.slug.clone()) {
            diesel::insert_into(coop_skills::table)
                .values((
                    coop_skills::coop_id.eq(coop_id),
                    coop_skills::kind.eq(kind),
                    coop_skills::skill_slug.eq(&skill.slug),
                    coop_skills::position.eq(position),
                ))
                .execute(conn)?;
            position += 1;
        }
    }
    Ok(())
}

fn write_skills(
    conn: &mut DbConnection,
    coop_id: &str,
    input: &CoopInput,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    replace_skills(
        conn,
        coop_id,
        TECHNOLOGY,
        &input.technologies,
        SkillCategory::Technology,
        now,
    )?;
    replace_skills(
        conn,
        coop_id,
        SERVICE,
        &input.services,
        SkillCategory::Service,
        now,
    )
}

fn reread(conn: &mut DbConnection, slug: &str) -> Result<Coop, StoreError> {
    find_by_slug(conn, slug)?.ok_or(StoreError::NotFound)
}

/// Creates a co-op; `admin`, if given, becomes its first admin.
pub fn insert(
    conn: &mut DbConnection,
    input: &CoopInput,
    membership: &Membership,
    admin: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Coop, StoreError> {
    crate::write(conn, |conn| {
        let id = Uuid::new_v4();
        let at = time::to_db(now);
        let row = CoopRow::new(
            id,
            input.slug.as_str(),
            &input.profile,
            membership,
            1,
            at,
            at,
        );
        diesel::insert_into(coops::table)
            .values(&row)
            .execute(conn)
            .map_err(StoreError::unique_as("slug"))?;
        write_skills(conn, &row.id, input, now)?;
        if let Some(user) = admin {
            // A new co-op has no admin to lose: granting cannot be refused.
            let _first_admin = roles::grant(conn, id, user, CoopRole::Admin)?;
        }
        changes::record_coop(conn, id, now)?;
        // A slug used again after a deletion is a new record, not a deleted one.
        diesel::delete(
            tombstones::table
                .filter(tombstones::entity.eq(DELETED_COOP))
                .filter(tombstones::slug.eq(&row.slug)),
        )
        .execute(conn)?;
        reread(conn, &row.slug)
    })
}

/// The co-op with `slug`, locked until the end of the enclosing write
/// transaction: what a handler decides on stays true until it commits.
pub fn find_for_update(conn: &mut DbConnection, slug: &str) -> Result<Option<Coop>, StoreError> {
    transaction::lock(conn, Row::CoopBySlug(slug))?;
    find_by_slug(conn, slug)
}

/// Locks and reads the co-op for a change: `NotFound`, or `Stale` if `expected`
/// is not its version.
fn current(
    conn: &mut DbConnection,
    slug: &str,
    expected: Option<&Expected>,
) -> Result<Coop, StoreError> {
    transaction::lock(conn, Row::CoopBySlug(slug))?;
    let coop = reread(conn, slug)?;
    versioning::expect(expected, coop.version)?;
    Ok(coop)
}

/// Writes `row` over the co-op if its version is still `version`.
fn write_row(conn: &mut DbConnection, row: &CoopRow, version: i32) -> Result<(), StoreError> {
    let written = diesel::update(
        coops::table
            .filter(coops::id.eq(&row.id))
            .filter(coops::version.eq(version)),
    )
    .set(row)
    .execute(conn)
    .map_err(StoreError::unique_as("slug"))?;
    versioning::written(conn, written, Row::CoopById(&row.id))
}

/// Replaces the co-op's profile and skills (its slug may change).
pub fn update(
    conn: &mut DbConnection,
    slug: &str,
    expected: Option<&Expected>,
    input: &CoopInput,
    now: DateTime<Utc>,
) -> Result<Coop, StoreError> {
    crate::write(conn, |conn| {
        let coop = current(conn, slug, expected)?;
        let row = CoopRow::new(
            coop.id,
            input.slug.as_str(),
            &input.profile,
            &coop.membership,
            coop.version + 1,
            time::to_db(coop.created_at),
            time::to_db(now),
        );
        write_row(conn, &row, coop.version)?;
        write_skills(conn, &row.id, input, now)?;
        changes::record_coop(conn, coop.id, now)?;
        reread(conn, input.slug.as_str())
    })
}

/// Records a membership decision: `decide` sees the current membership and
/// answers the next one, or why the decision does not apply (nothing is written).
pub fn set_membership(
    conn: &mut DbConnection,
    slug: &str,
    expected: Option<&Expected>,
    decide: impl Fn(&Membership) -> Result<Membership, MembershipError>,
    now: DateTime<Utc>,
) -> Result<Result<Coop, MembershipError>, StoreError> {
    crate::write(conn, |conn| {
        let coop = current(conn, slug, expected)?;
        let membership = match decide(&coop.membership) {
            Ok(membership) => membership,
            Err(refused) => return Ok(Err(refused)),
        };
        let row = CoopRow::new(
            coop.id,
            &coop.slug,
            &coop.profile,
            &membership,
            coop.version + 1,
            time::to_db(coop.created_at),
            time::to_db(now),
        );
        write_row(conn, &row, coop.version)?;
        changes::record_coop(conn, coop.id, now)?;
        // Outsiders syncing with `updated_since` must hear that a member they
        // saw is no longer listed (lapsed, removed), and forget that once it is
        // listed again.
        let id = coop.id.to_string();
        let listed = |m: &Membership| m.status == MembershipStatus::Approved;
        if listed(&membership) {
            versioning::unbury(conn, UNLISTED_COOP, &id)?;
        } else if listed(&coop.membership) {
            let record = versioning::Buried {
                entity: UNLISTED_COOP,
                id: &id,
                slug: Some(&coop.slug),
                public: true,
            };
            versioning::bury(conn, record, now)?;
        }
        reread(conn, slug).map(Ok)
    })
}

/// Deletes the co-op and leaves a tombstone for syncing clients.
pub fn delete(
    conn: &mut DbConnection,
    slug: &str,
    expected: Option<&Expected>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    crate::write(conn, |conn| {
        let coop = current(conn, slug, expected)?;
        changes::record_coop(conn, coop.id, now)?;
        let id = coop.id.to_string();
        let deleted = diesel::delete(
            coops::table
                .filter(coops::id.eq(&id))
                .filter(coops::version.eq(coop.version)),
        )
        .execute(conn)?;
        versioning::written(conn, deleted, Row::CoopById(&id))?;
        versioning::unbury(conn, UNLISTED_COOP, &id)?;
        let record = versioning::Buried {
            entity: DELETED_COOP,
            id: &id,
            slug: Some(&coop.slug),
            public: coop.membership.ever_approved(),
        };
        versioning::bury(conn, record, now)
    })
}
