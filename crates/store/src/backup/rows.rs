//! Whole rows of the tables that the rest of the store reads only in part
//! or through joins.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::schema::{
    case_study_coops, case_study_skills, coop_roles, coop_skills, offer_skills, opportunity_cpv,
    opportunity_skills, person_skills, request_skills, rotation_skills, skill_aliases, skills,
    tombstones,
};

/// A whole `skills` row.
#[derive(Debug, Queryable, Selectable, Insertable, Serialize, Deserialize)]
#[diesel(table_name = skills)]
pub(crate) struct SkillFullRow {
    slug: String,
    name: String,
    category: String,
    esco_uri: Option<String>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// A `skill_aliases` row.
#[derive(Debug, Queryable, Selectable, Insertable, Serialize, Deserialize)]
#[diesel(table_name = skill_aliases)]
pub(crate) struct AliasRow {
    alias_key: String,
    skill_slug: String,
}

/// A `coop_skills` row.
#[derive(Debug, Queryable, Selectable, Insertable, Serialize, Deserialize)]
#[diesel(table_name = coop_skills)]
pub(crate) struct CoopSkillRow {
    coop_id: String,
    kind: String,
    skill_slug: String,
    position: i32,
}

/// A `coop_roles` row.
#[derive(Debug, Queryable, Selectable, Insertable, Serialize, Deserialize)]
#[diesel(table_name = coop_roles)]
pub(crate) struct CoopRoleRow {
    coop_id: String,
    user_id: String,
    role: String,
}

/// A `person_skills` row.
#[derive(Debug, Queryable, Selectable, Insertable, Serialize, Deserialize)]
#[diesel(table_name = person_skills)]
pub(crate) struct PersonSkillRow {
    person_id: String,
    skill_slug: String,
    level: i32,
    interest: i32,
    position: i32,
}

/// A `case_study_coops` row.
#[derive(Debug, Queryable, Selectable, Insertable, Serialize, Deserialize)]
#[diesel(table_name = case_study_coops)]
pub(crate) struct CaseStudyCoopRow {
    case_study_id: String,
    coop_id: String,
    position: i32,
    /// Backups made before consent was recorded restore as confirmed.
    #[serde(default = "confirmed")]
    consent: String,
}

fn confirmed() -> String {
    coophub_domain::consent::Consent::Confirmed
        .as_str()
        .to_owned()
}

/// A `case_study_skills` row.
#[derive(Debug, Queryable, Selectable, Insertable, Serialize, Deserialize)]
#[diesel(table_name = case_study_skills)]
pub(crate) struct CaseStudySkillRow {
    case_study_id: String,
    skill_slug: String,
    position: i32,
}

/// A `tombstones` row.
#[derive(Debug, Queryable, Selectable, Insertable, Serialize, Deserialize)]
#[diesel(table_name = tombstones)]
pub(crate) struct TombstoneRow {
    entity: String,
    entity_id: String,
    slug: Option<String>,
    deleted_at: NaiveDateTime,
    /// Backups made before this was recorded restore as seen by the network only.
    #[serde(default)]
    public: bool,
}

/// An `offer_skills` row.
#[derive(Debug, Queryable, Selectable, Insertable, Serialize, Deserialize)]
#[diesel(table_name = offer_skills)]
pub(crate) struct OfferSkillRow {
    offer_id: String,
    skill_slug: String,
    level: i32,
    position: i32,
}

/// A `request_skills` row.
#[derive(Debug, Queryable, Selectable, Insertable, Serialize, Deserialize)]
#[diesel(table_name = request_skills)]
pub(crate) struct RequestSkillRow {
    request_id: String,
    skill_slug: String,
    min_level: i32,
    position: i32,
}

/// A `rotation_skills` row.
#[derive(Debug, Queryable, Selectable, Insertable, Serialize, Deserialize)]
#[diesel(table_name = rotation_skills)]
pub(crate) struct RotationSkillRow {
    rotation_id: String,
    skill_slug: String,
    position: i32,
}

/// An `opportunity_skills` row.
#[derive(Debug, Queryable, Selectable, Insertable, Serialize, Deserialize)]
#[diesel(table_name = opportunity_skills)]
pub(crate) struct OpportunitySkillRow {
    opportunity_id: String,
    skill_slug: String,
    position: i32,
}

/// An `opportunity_cpv` row.
#[derive(Debug, Queryable, Selectable, Insertable, Serialize, Deserialize)]
#[diesel(table_name = opportunity_cpv)]
pub(crate) struct OpportunityCpvRow {
    opportunity_id: String,
    code: String,
}
