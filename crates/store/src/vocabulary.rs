//! Which skills a viewer may learn exist. Anyone who signs up can type a
//! skill into a profile, and a skill names what its holder does: so the
//! vocabulary (lists, autocomplete, a skill's page, totals) shows a skill only
//! when something the viewer may see lists it, or it is one of the built-in
//! skills.

use coophub_domain::access::Reach;
use coophub_domain::consent::Consent;
use coophub_domain::coop::MembershipStatus;
use coophub_domain::person::Visibility;
use coophub_domain::skills::SEED;
use diesel::dsl::{count_star, exists};
use diesel::prelude::*;
use diesel::sql_types::Bool;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{
    case_study_coops, case_study_skills, coop_skills, coops, people, person_skills, skills,
};

type Backend = <DbConnection as diesel::Connection>::Backend;

/// A condition on a `skills` row (queries filter `skills` alone with it).
pub(crate) type SkillCondition = Box<dyn BoxableExpression<skills::table, Backend, SqlType = Bool>>;

/// Skills that approved co-ops, their people (only public profiles with
/// `public_only`) or the case studies approved co-ops published list.
///
/// Correlated (`EXISTS` per skill row), so that a few skills cost a few
/// index lookups: as `IN` lists every holder's skills first, a scan of every
/// person's skills (12 ms at 100,000 people) on each keystroke of suggest.
fn listed(public_only: bool) -> SkillCondition {
    let approved = MembershipStatus::Approved.as_str();
    let by_coops = exists(
        coop_skills::table
            .inner_join(coops::table)
            .filter(coop_skills::skill_slug.eq(skills::slug))
            .filter(coops::membership_status.eq(approved)),
    );
    let holders = person_skills::table
        .inner_join(people::table.inner_join(coops::table))
        .filter(person_skills::skill_slug.eq(skills::slug))
        .filter(coops::membership_status.eq(approved));
    // Public and network are the only visibilities.
    let by_people: SkillCondition = if public_only {
        Box::new(exists(
            holders.filter(people::visibility.eq(Visibility::Public.as_str())),
        ))
    } else {
        Box::new(exists(holders))
    };
    let published = case_study_coops::table
        .inner_join(coops::table)
        .filter(case_study_coops::consent.eq(Consent::Owner.as_str()))
        .filter(coops::membership_status.eq(approved))
        .select(case_study_coops::case_study_id);
    let by_studies = exists(
        case_study_skills::table
            .filter(case_study_skills::skill_slug.eq(skills::slug))
            .filter(case_study_skills::case_study_id.eq_any(published)),
    );
    Box::new(by_coops.or(by_people).or(by_studies))
}

/// Whether `slug` is a built-in skill, which every viewer may learn of.
pub(crate) fn is_built_in(slug: &str) -> bool {
    SEED.iter().any(|seed| seed.slug == slug)
}

/// The rule for skills that are not built in (see [`is_built_in`]): those a
/// viewer with `reach` may learn of; `None` when every skill. Built-in skills
/// are told apart in Rust, not bound as a list of their slugs: a statement
/// with such a list is parsed and planned on every call, and one with this
/// rule alone has a fixed text, which the connection prepares once.
pub(crate) fn listed_to(reach: Reach) -> Option<SkillCondition> {
    (reach != Reach::Everything).then(|| listed(reach.public_only()))
}

/// How many distinct skills the network's members list (for `/stats`).
pub(crate) fn count_listed(conn: &mut DbConnection, public_only: bool) -> Result<i64, StoreError> {
    Ok(skills::table
        .filter(listed(public_only))
        .select(count_star())
        .first(conn)?)
}
