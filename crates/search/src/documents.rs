//! Search documents of the directory's records. What a document may show is
//! decided here: day rates and availability are never indexed; a person is
//! public only if their profile is public and their co-op approved.

use coophub_domain::coop::{Coop, INVITATION_DAYS, MembershipStatus};
use coophub_domain::person::{Person, Visibility};

use crate::document::{AvailabilityEntry, DocKind, SearchDocument, SkillEntry, Standing};

/// Level given to a co-op's skills (people state their own).
const COOP_SKILL_LEVEL: u8 = 3;

/// The document of a co-op.
pub fn coop_document(coop: &Coop) -> SearchDocument {
    let profile = &coop.profile;
    let location = &profile.location;
    let skills = coop
        .technologies
        .iter()
        .chain(&coop.services)
        .map(|s| SkillEntry {
            slug: s.slug.clone(),
            name: s.name.clone(),
            level: COOP_SKILL_LEVEL,
        })
        .collect();
    SearchDocument {
        kind: DocKind::Coop,
        id: coop.id.to_string(),
        slug: Some(coop.slug.clone()),
        title: profile.name.clone(),
        summary: profile.summary.clone(),
        description: [
            profile.description.as_str(),
            &profile.sectors.join(" "),
            &profile.clients.join(" "),
        ]
        .join("\n"),
        clients: profile.clients.clone(),
        skills,
        region: location.region.clone(),
        country: location.country.clone(),
        legal_form: profile.legal_form.map(|f| f.as_str().to_owned()),
        location: location.latitude.zip(location.longitude),
        public: coop.membership.status == MembershipStatus::Approved,
        standing: Some(Standing {
            status: coop.membership.status.as_str().to_owned(),
            invited_until: coop
                .membership
                .invited_at
                .filter(|_| coop.membership.status == MembershipStatus::Invited)
                .map(|at| (at + chrono::Duration::days(INVITATION_DAYS)).timestamp()),
            shares_experience: profile.happy_to_share_experience,
        }),
        availability: None,
        updated: coop.updated_at.timestamp(),
        expires: None,
    }
}

/// The document of a person of `coop`; their place is their co-op's.
pub fn person_document(person: &Person, coop: &Coop) -> SearchDocument {
    let location = &coop.profile.location;
    SearchDocument {
        kind: DocKind::Person,
        id: person.id.to_string(),
        slug: None,
        title: person.name.clone(),
        summary: person.headline.clone(),
        description: person.bio.clone(),
        clients: Vec::new(),
        skills: person
            .skills
            .iter()
            .map(|s| SkillEntry {
                slug: s.skill.slug.clone(),
                name: s.skill.name.clone(),
                level: s.level,
            })
            .collect(),
        region: location.region.clone(),
        country: location.country.clone(),
        legal_form: None,
        location: location.latitude.zip(location.longitude),
        public: person.visibility == Visibility::Public
            && coop.membership.status == MembershipStatus::Approved,
        standing: None,
        availability: person.availability.as_ref().map(|a| AvailabilityEntry {
            days_per_week: a.days_per_week,
            from_day: a
                .from
                .signed_duration_since(chrono::NaiveDate::default())
                .num_days(),
            reconfirmed_at: a.reconfirmed_at.timestamp(),
        }),
        updated: person.updated_at.timestamp(),
        expires: None,
    }
}
